package wetee

import (
	"math/big"
	"runtime"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// TON: cells, bags of cells, addresses, amounts, TON mnemonics and wallets
// v3r2, v4r2 and W5, byte-identical with @ton/core and @ton/ton. Addresses
// are strings in any form (raw "wc:hex" or user-friendly); functions that
// return one give the raw form. Amounts are nanotons. Since 2026-06-01 the
// coin is branded Gram (GRAM): TonAmountFormat shows the symbol given
// (default GRAM) and TonAmountParse accepts GRAM and TON.

// TON constants (see wetee/ton.h).
const (
	TonHashBytes             = 32
	TonCellMaxBits           = 1023
	TonDecimals              = 9
	TonNetworkMainnet        = -239
	TonNetworkTestnet        = -3
	TonAddressBounceable     = 1
	TonAddressTestnet        = 2
	TonAddressBase64Std      = 4
	TonSendPayFeesSeparately = 1
	TonSendIgnoreErrors      = 2
	TonSendDestroyIfZero     = 32
	TonSendCarryInbound      = 64
	TonSendCarryBalance      = 128
	TonSendDefault           = 3
)

// TonCellType is ordinary or the exotic type of a cell.
type TonCellType int

// Cell types.
const (
	TonCellOrdinary     TonCellType = 0
	TonCellPrunedBranch TonCellType = 1
	TonCellLibrary      TonCellType = 2
	TonCellMerkleProof  TonCellType = 3
	TonCellMerkleUpdate TonCellType = 4
)

// TonWalletVersion selects a wallet contract.
type TonWalletVersion int

// Wallet versions; V5R1 (W5) is the default.
const (
	TonWalletV3R2 TonWalletVersion = 1
	TonWalletV4R2 TonWalletVersion = 2
	TonWalletV5R1 TonWalletVersion = 3
	// TonWalletHighloadV3 is made with NewTonHighloadWallet.
	TonWalletHighloadV3 TonWalletVersion = 4
)

// TonCell is an immutable cell held by libwetee; it is released by a
// finalizer (cells are reference-counted and shared between trees, so
// there is no Close).
type TonCell struct{ h uintptr }

func newTonCell(status string, h uintptr) (*TonCell, error) {
	if err := check(status); err != nil {
		if h != 0 {
			cwetee.Ton_cell_free(h)
		}
		return nil, err
	}
	c := &TonCell{h: h}
	runtime.SetFinalizer(c, func(c *TonCell) { cwetee.Ton_cell_free(c.h) })
	return c, nil
}

func (c *TonCell) handle() uintptr {
	if c == nil {
		return 0
	}
	return c.h
}

// TonCellFromBOC parses a bag of cells with exactly one root (strict checks:
// magic, flags, sizes, CRC32C, reference order, limits).
func TonCellFromBOC(data []byte) (*TonCell, error) {
	var h uintptr
	return newTonCell(cwetee.Ton_boc_parse(&h, data), h)
}

// TonCellFromBase64 parses a base64 (or base64url) bag of cells.
func TonCellFromBase64(s string) (*TonCell, error) {
	var h uintptr
	return newTonCell(cwetee.Ton_boc_parse_base64(&h, s), h)
}

// BOC serialises the cell: with CRC32C and without index is the form for sending.
func (c *TonCell) BOC(crc32c, index bool) []byte {
	flags := uint(0)
	if crc32c {
		flags |= 2
	}
	if index {
		flags |= 1
	}
	var out []byte
	must(cwetee.Ton_boc_serialize(&out, c.h, flags))
	runtime.KeepAlive(c)
	return out
}

// Hash is the representation hash; HashAt(level) the hash at level 0..3.
func (c *TonCell) Hash() []byte { return c.HashAt(3) }

// HashAt returns the hash at level 0..3.
func (c *TonCell) HashAt(level uint) []byte {
	out := make([]byte, 32)
	must(cwetee.Ton_cell_hash_at(out, c.h, level&3))
	runtime.KeepAlive(c)
	return out
}

// Depth is the depth at the cell's highest level.
func (c *TonCell) Depth() uint { defer runtime.KeepAlive(c); return cwetee.Ton_cell_depth(c.h) }

// Bits is the number of data bits.
func (c *TonCell) Bits() uint { defer runtime.KeepAlive(c); return cwetee.Ton_cell_bits(c.h) }

// Refs is the number of references.
func (c *TonCell) Refs() uint { defer runtime.KeepAlive(c); return cwetee.Ton_cell_refs(c.h) }

// Type is the cell type.
func (c *TonCell) Type() TonCellType {
	defer runtime.KeepAlive(c)
	return TonCellType(cwetee.Ton_cell_type_of(c.h))
}

// Ref returns reference i.
func (c *TonCell) Ref(i uint) (*TonCell, error) {
	var h uintptr
	defer runtime.KeepAlive(c)
	return newTonCell(cwetee.Ton_cell_ref(&h, c.h, i), h)
}

// Equal compares cells by hash.
func (c *TonCell) Equal(o *TonCell) bool {
	defer runtime.KeepAlive(c)
	defer runtime.KeepAlive(o)
	return o != nil && cwetee.Ton_cell_equal(c.h, o.h) != 0
}

// String renders the tree as x{HEX} lines (debugging).
func (c *TonCell) String() string {
	var s string
	must(cwetee.Ton_cell_to_string(&s, c.h))
	runtime.KeepAlive(c)
	return s
}

// TonBuilder builds a cell; its methods return the first error and make
// later calls no-ops, so a chain is checked once at End.
type TonBuilder struct {
	h   uintptr
	err error
}

// NewTonBuilder starts an empty cell.
func NewTonBuilder() *TonBuilder {
	var h uintptr
	must(cwetee.Ton_builder_new(&h))
	b := &TonBuilder{h: h}
	runtime.SetFinalizer(b, func(b *TonBuilder) { cwetee.Ton_builder_free(b.h) })
	return b
}

func (b *TonBuilder) do(status func() string) *TonBuilder {
	if b.err == nil {
		b.err = check(status())
	}
	runtime.KeepAlive(b)
	return b
}

// StoreBit appends one bit.
func (b *TonBuilder) StoreBit(bit bool) *TonBuilder {
	v := 0
	if bit {
		v = 1
	}
	return b.do(func() string { return cwetee.Ton_builder_store_bit(b.h, v) })
}

// StoreUint appends an unsigned integer of 0..64 bits.
func (b *TonBuilder) StoreUint(v uint64, bits uint) *TonBuilder {
	return b.do(func() string { return cwetee.Ton_builder_store_uint(b.h, v, bits) })
}

// StoreInt appends a two's-complement integer of 1..64 bits.
func (b *TonBuilder) StoreInt(v int64, bits uint) *TonBuilder {
	return b.do(func() string { return cwetee.Ton_builder_store_int(b.h, v, bits) })
}

// StoreBytes appends whole bytes.
func (b *TonBuilder) StoreBytes(data []byte) *TonBuilder {
	return b.do(func() string { return cwetee.Ton_builder_store_bytes(b.h, data) })
}

// StoreCoins appends a Coins amount (VarUInteger 16) in nanotons.
func (b *TonBuilder) StoreCoins(nano *big.Int) *TonBuilder {
	w, err := u128Words(nano)
	if err != nil {
		if b.err == nil {
			b.err = err
		}
		return b
	}
	return b.do(func() string { return cwetee.Ton_builder_store_coins(b.h, w) })
}

// StoreAddress appends MsgAddressInt of an address in any form; "" stores addr_none.
func (b *TonBuilder) StoreAddress(addr string) *TonBuilder {
	return b.do(func() string { return cwetee.Ton_builder_store_address(b.h, addr) })
}

// StoreRef appends a reference.
func (b *TonBuilder) StoreRef(c *TonCell) *TonBuilder {
	defer runtime.KeepAlive(c)
	return b.do(func() string { return cwetee.Ton_builder_store_ref(b.h, c.handle()) })
}

// StoreMaybeRef appends Maybe ^Cell (nil stores bit 0).
func (b *TonBuilder) StoreMaybeRef(c *TonCell) *TonBuilder {
	defer runtime.KeepAlive(c)
	return b.do(func() string { return cwetee.Ton_builder_store_maybe_ref(b.h, c.handle()) })
}

// StoreSnake appends a snake string (as @ton/core storeStringTail).
func (b *TonBuilder) StoreSnake(data []byte) *TonBuilder {
	return b.do(func() string { return cwetee.Ton_builder_store_snake(b.h, data) })
}

// End finishes an ordinary cell (EndExotic an exotic one), or returns the first error.
func (b *TonBuilder) End() (*TonCell, error) { return b.end(false) }

// EndExotic finishes an exotic cell whose type is the first data byte.
func (b *TonBuilder) EndExotic() (*TonCell, error) { return b.end(true) }

func (b *TonBuilder) end(exotic bool) (*TonCell, error) {
	defer runtime.KeepAlive(b)
	if b.err != nil {
		return nil, b.err
	}
	var h uintptr
	if exotic {
		return newTonCell(cwetee.Ton_builder_end_exotic(&h, b.h), h)
	}
	return newTonCell(cwetee.Ton_builder_end(&h, b.h), h)
}

// TonSlice reads a cell's bits and references in order.
type TonSlice struct {
	h    uintptr
	cell *TonCell
}

// Parse opens a slice over the cell.
func (c *TonCell) Parse() *TonSlice {
	var h uintptr
	must(cwetee.Ton_slice_new(&h, c.h))
	s := &TonSlice{h: h, cell: c}
	runtime.SetFinalizer(s, func(s *TonSlice) { cwetee.Ton_slice_free(s.h) })
	return s
}

// BitsLeft is the number of unread bits.
func (s *TonSlice) BitsLeft() uint {
	defer runtime.KeepAlive(s)
	return cwetee.Ton_slice_bits_left(s.h)
}

// LoadUint reads an unsigned integer of 0..64 bits.
func (s *TonSlice) LoadUint(bits uint) (uint64, error) {
	w := make([]uint64, 2)
	defer runtime.KeepAlive(s)
	if err := check(cwetee.Ton_slice_load_uint(w, s.h, bits)); err != nil {
		return 0, err
	}
	return w[0], nil
}

// LoadBit reads one bit.
func (s *TonSlice) LoadBit() (bool, error) {
	var v int
	defer runtime.KeepAlive(s)
	err := check(cwetee.Ton_slice_load_bit(&v, s.h))
	return v != 0, err
}

// LoadBytes reads n whole bytes.
func (s *TonSlice) LoadBytes(n int) ([]byte, error) {
	var out []byte
	defer runtime.KeepAlive(s)
	if err := check(cwetee.Ton_slice_load_bits(&out, s.h, int64(n)*8)); err != nil {
		return nil, err
	}
	return out, nil
}

// LoadCoins reads a Coins amount.
func (s *TonSlice) LoadCoins() (*big.Int, error) {
	w := make([]uint64, 2)
	defer runtime.KeepAlive(s)
	if err := check(cwetee.Ton_slice_load_coins(w, s.h)); err != nil {
		return nil, err
	}
	return fromWords(w), nil
}

// LoadAddress reads a MsgAddress: the raw form, or "" for addr_none.
func (s *TonSlice) LoadAddress() (string, error) {
	var a string
	defer runtime.KeepAlive(s)
	err := check(cwetee.Ton_slice_load_address(&a, s.h))
	return a, err
}

// LoadRef reads the next reference.
func (s *TonSlice) LoadRef() (*TonCell, error) {
	var h uintptr
	defer runtime.KeepAlive(s)
	return newTonCell(cwetee.Ton_slice_load_ref(&h, s.h), h)
}

// LoadSnake reads a snake string (the rest of the slice and its chain).
func (s *TonSlice) LoadSnake() ([]byte, error) {
	var out []byte
	defer runtime.KeepAlive(s)
	err := check(cwetee.Ton_slice_load_snake(&out, s.h))
	return out, err
}

// End is ErrDecode unless everything was read.
func (s *TonSlice) End() error { defer runtime.KeepAlive(s); return check(cwetee.Ton_slice_end(s.h)) }

// TonAddressParse returns the raw form of an address in any form and the
// TonAddress* flags of the form given; ErrDecode or ErrChecksum (CRC16).
func TonAddressParse(addr string) (raw string, flags uint32, err error) {
	err = check(cwetee.Ton_address_parse(&raw, &flags, addr))
	return
}

// TonAddressFriendly gives the user-friendly form (flags TonAddress*) of an address in any form.
func TonAddressFriendly(addr string, flags uint) (string, error) {
	var out string
	err := check(cwetee.Ton_address_format(&out, addr, flags))
	return out, err
}

// TonContractAddress is the raw address of the contract with this code and data.
func TonContractAddress(workchain int, code, data *TonCell) (string, error) {
	var out string
	defer runtime.KeepAlive(code)
	defer runtime.KeepAlive(data)
	err := check(cwetee.Ton_state_init_address(&out, workchain, code.handle(), data.handle()))
	return out, err
}

// TonAmountFormat gives "1.5 GRAM" for 1500000000 nanotons; symbol "" is the default (GRAM).
func TonAmountFormat(nano *big.Int, symbol string) (string, error) {
	w, err := u128Words(nano)
	if err != nil {
		return "", err
	}
	var out string
	err = check(cwetee.Ton_amount_format(&out, w, symbol))
	return out, err
}

// TonAmountParse reads "1.5", "1.5 GRAM" or "1.5 TON" (any case) into nanotons.
func TonAmountParse(s string) (*big.Int, error) {
	w := make([]uint64, 2)
	if err := check(cwetee.Ton_amount_parse(w, s)); err != nil {
		return nil, err
	}
	return fromWords(w), nil
}

// TonMnemonicGenerate makes 24 words of a TON mnemonic (TON's scheme, not BIP-39).
func TonMnemonicGenerate(password string) (string, error) {
	var out string
	err := check(cwetee.Ton_mnemonic_generate(&out, password))
	return out, err
}

// TonMnemonicValidate is nil for a valid TON mnemonic; ErrDecode (unknown
// word) or ErrChecksum (seed version check) otherwise.
func TonMnemonicValidate(words, password string) error {
	return check(cwetee.Ton_mnemonic_validate(words, password))
}

// TonMnemonicToKeypair derives the ed25519 secret (seed ‖ public, 64 bytes) and public key.
func TonMnemonicToKeypair(words, password string) (secret, public []byte, err error) {
	secret, public = make([]byte, 64), make([]byte, 32)
	if err = check(cwetee.Ton_mnemonic_to_keypair(secret, public, words, password)); err != nil {
		return nil, nil, err
	}
	return
}

// TonComment is a text comment body.
func TonComment(text string) (*TonCell, error) {
	var h uintptr
	return newTonCell(cwetee.Ton_comment(&h, text), h)
}

// TonInternalMessage builds an internal message; init and body may be nil.
func TonInternalMessage(to string, nano *big.Int, bounce bool, init, body *TonCell) (*TonCell, error) {
	w, err := u128Words(nano)
	if err != nil {
		return nil, err
	}
	b := 0
	if bounce {
		b = 1
	}
	var h uintptr
	defer runtime.KeepAlive(init)
	defer runtime.KeepAlive(body)
	return newTonCell(cwetee.Ton_internal_message(&h, to, w, b, init.handle(), body.handle()), h)
}

// TonWallet is a wallet contract of a public key.
type TonWallet struct {
	h        uintptr
	Version  TonWalletVersion
	WalletID uint32
}

// NewTonWallet makes a wallet with the default wallet id of its version
// (W5: network-aware, subwallet 0; network TonNetworkMainnet or TonNetworkTestnet).
func NewTonWallet(version TonWalletVersion, public []byte, workchain int, network int) (*TonWallet, error) {
	var id uint32
	if err := check(cwetee.Ton_wallet_default_id(&id, int(version), workchain, network)); err != nil {
		return nil, err
	}
	return NewTonWalletWithID(version, public, workchain, id)
}

// NewTonWalletWithID makes a wallet with an explicit wallet id.
func NewTonWalletWithID(version TonWalletVersion, public []byte, workchain int, id uint32) (*TonWallet, error) {
	if len(public) != 32 {
		return nil, &Error{Code: ErrInvalidArgument, Detail: "ton: public key must be 32 bytes"}
	}
	var h uintptr
	if err := check(cwetee.Ton_wallet_new(&h, int(version), public, workchain, uint(id))); err != nil {
		return nil, err
	}
	w := &TonWallet{h: h, Version: version, WalletID: id}
	runtime.SetFinalizer(w, func(w *TonWallet) { cwetee.Ton_wallet_free(w.h) })
	return w, nil
}

// Address is the wallet's raw address.
func (w *TonWallet) Address() string {
	var s string
	must(cwetee.Ton_wallet_address(&s, w.h))
	runtime.KeepAlive(w)
	return s
}

// StateInit is the wallet's StateInit cell.
func (w *TonWallet) StateInit() (*TonCell, error) {
	var h uintptr
	defer runtime.KeepAlive(w)
	return newTonCell(cwetee.Ton_wallet_state_init(&h, w.h), h)
}

// TonOutMessage is one message of a transfer with its send mode.
type TonOutMessage struct {
	Mode    uint
	Message *TonCell
}

// newTransfer makes the C list of messages; the caller frees it.
func newTransfer(msgs []TonOutMessage) (uintptr, error) {
	var t uintptr
	must(cwetee.Ton_transfer_new(&t))
	for _, m := range msgs {
		err := check(cwetee.Ton_transfer_add(t, m.Mode, m.Message.handle()))
		runtime.KeepAlive(m.Message)
		if err != nil {
			cwetee.Ton_transfer_free(t)
			return 0, err
		}
	}
	return t, nil
}

// Transfer signs a transfer: the body of the external message.
func (w *TonWallet) Transfer(secret []byte, seqno, validUntil uint32, msgs []TonOutMessage) (*TonCell, error) {
	if len(secret) != 64 {
		return nil, &Error{Code: ErrInvalidArgument, Detail: "ton: secret must be 64 bytes"}
	}
	t, err := newTransfer(msgs)
	if err != nil {
		return nil, err
	}
	defer cwetee.Ton_transfer_free(t)
	var h uintptr
	defer runtime.KeepAlive(w)
	return newTonCell(cwetee.Ton_wallet_sign_transfer(&h, w.h, secret, uint(seqno), uint(validUntil), t), h)
}

// External wraps a signed body in the external message (with the StateInit when deploy).
func (w *TonWallet) External(body *TonCell, deploy bool) (*TonCell, error) {
	d := 0
	if deploy {
		d = 1
	}
	var h uintptr
	defer runtime.KeepAlive(w)
	defer runtime.KeepAlive(body)
	return newTonCell(cwetee.Ton_wallet_external(&h, w.h, body.handle(), d), h)
}

// TonDict is a dictionary HashmapE n X with n-bit keys given as bytes (n
// bits most significant first, zero-padded to whole bytes); values are
// cells whose bits and references form the leaf value. Serialised exactly
// as @ton/core's Dictionary.
type TonDict struct {
	h       uintptr
	KeyBits uint
}

func newTonDict(status string, h uintptr, keyBits uint) (*TonDict, error) {
	if err := check(status); err != nil {
		if h != 0 {
			cwetee.Ton_dict_free(h)
		}
		return nil, err
	}
	d := &TonDict{h: h, KeyBits: keyBits}
	runtime.SetFinalizer(d, func(d *TonDict) { cwetee.Ton_dict_free(d.h) })
	return d, nil
}

// NewTonDict makes an empty dictionary with keyBits-bit keys (1..1023).
func NewTonDict(keyBits uint) (*TonDict, error) {
	var h uintptr
	return newTonDict(cwetee.Ton_dict_new(&h, keyBits), h, keyBits)
}

// TonDictFromRoot reads a dictionary from its root cell.
func TonDictFromRoot(root *TonCell, keyBits uint) (*TonDict, error) {
	var h uintptr
	defer runtime.KeepAlive(root)
	return newTonDict(cwetee.Ton_dict_from_root(&h, root.handle(), keyBits), h, keyBits)
}

// LoadDict reads HashmapE from the slice.
func (s *TonSlice) LoadDict(keyBits uint) (*TonDict, error) {
	var h uintptr
	defer runtime.KeepAlive(s)
	return newTonDict(cwetee.Ton_slice_load_dict(&h, s.h, keyBits), h, keyBits)
}

// Len is the number of entries.
func (d *TonDict) Len() int { defer runtime.KeepAlive(d); return int(cwetee.Ton_dict_count(d.h)) }

// Set inserts or replaces an entry.
func (d *TonDict) Set(key []byte, value *TonCell) error {
	defer runtime.KeepAlive(d)
	defer runtime.KeepAlive(value)
	return check(cwetee.Ton_dict_set(d.h, key, value.handle()))
}

// Get looks a key up (ErrNotFound when absent).
func (d *TonDict) Get(key []byte) (*TonCell, error) {
	var h uintptr
	defer runtime.KeepAlive(d)
	return newTonCell(cwetee.Ton_dict_get(&h, d.h, key), h)
}

// Delete removes an entry (ErrNotFound when absent).
func (d *TonDict) Delete(key []byte) error {
	defer runtime.KeepAlive(d)
	return check(cwetee.Ton_dict_remove(d.h, key))
}

// Entry returns entry i in ascending key order.
func (d *TonDict) Entry(i int) ([]byte, *TonCell, error) {
	key := make([]byte, (d.KeyBits+7)/8)
	var h uintptr
	defer runtime.KeepAlive(d)
	c, err := newTonCell(cwetee.Ton_dict_entry(key, &h, d.h, int64(i)), h)
	if err != nil {
		return nil, nil, err
	}
	return key, c, nil
}

// StoreDict appends HashmapE (bit 0, or bit 1 and the root reference).
func (b *TonBuilder) StoreDict(d *TonDict) *TonBuilder {
	defer runtime.KeepAlive(d)
	return b.do(func() string { return cwetee.Ton_builder_store_dict(b.h, d.h) })
}

// NewTonHighloadWallet makes a highload wallet v3 (subwallet id usually
// 0x10ad, timeout usually 86400 s).
func NewTonHighloadWallet(public []byte, workchain int, subwalletID, timeout uint32) (*TonWallet, error) {
	if len(public) != 32 {
		return nil, &Error{Code: ErrInvalidArgument, Detail: "ton: public key must be 32 bytes"}
	}
	var h uintptr
	if err := check(cwetee.Ton_wallet_new_highload_v3(&h, public, workchain, uint(subwalletID), uint(timeout))); err != nil {
		return nil, err
	}
	w := &TonWallet{h: h, Version: TonWalletHighloadV3, WalletID: subwalletID}
	runtime.SetFinalizer(w, func(w *TonWallet) { cwetee.Ton_wallet_free(w.h) })
	return w, nil
}

// HighloadTransfer signs a highload v3 batch: query id shift<<10|bit_number
// (bit_number <= 1022), creation time, messages, value per batch (nil: 0).
func (w *TonWallet) HighloadTransfer(secret []byte, queryID uint32, createdAt uint64, msgs []TonOutMessage, valuePerBatch *big.Int) (*TonCell, error) {
	if len(secret) != 64 {
		return nil, &Error{Code: ErrInvalidArgument, Detail: "ton: secret must be 64 bytes"}
	}
	if valuePerBatch == nil {
		valuePerBatch = new(big.Int)
	}
	vw, err := u128Words(valuePerBatch)
	if err != nil {
		return nil, err
	}
	t, err := newTransfer(msgs)
	if err != nil {
		return nil, err
	}
	defer cwetee.Ton_transfer_free(t)
	var h uintptr
	defer runtime.KeepAlive(w)
	return newTonCell(cwetee.Ton_highload_sign_batch(&h, w.h, secret, uint(queryID), createdAt, t, vw), h)
}

// Jetton wallet data layouts (see wetee/ton.h).
const (
	TonJettonDataStatus  = 1 // jetton-contract 2.0, USDT: status balance owner master
	TonJettonDataCodeRef = 2 // original token contract: balance owner master ^code
)

// TonJettonTransfer builds a TEP-74 transfer body (send it to your own
// jetton wallet); response "" is addr_none; custom and forward may be nil;
// the forward payload goes by reference unless inline.
func TonJettonTransfer(queryID uint64, amount *big.Int, destination, response string, custom *TonCell,
	forwardTon *big.Int, forward *TonCell, inline bool) (*TonCell, error) {
	aw, err := u128Words(amount)
	if err != nil {
		return nil, err
	}
	if forwardTon == nil {
		forwardTon = new(big.Int)
	}
	fw, err := u128Words(forwardTon)
	if err != nil {
		return nil, err
	}
	flags := uint(0)
	if inline {
		flags = 1
	}
	var h uintptr
	defer runtime.KeepAlive(custom)
	defer runtime.KeepAlive(forward)
	return newTonCell(cwetee.Ton_jetton_transfer(&h, queryID, aw, destination, response, custom.handle(), fw,
		forward.handle(), flags), h)
}

// TonJettonWalletAddress computes an owner's jetton wallet address (raw)
// under a master from the wallet code (often a library cell).
func TonJettonWalletAddress(layout int, owner, master string, code *TonCell) (string, error) {
	var out string
	defer runtime.KeepAlive(code)
	err := check(cwetee.Ton_jetton_wallet_address(&out, layout, owner, master, code.handle()))
	return out, err
}

// NormalizedHash is the TEP-467 normalised hash of an external message
// (src addr_none, import fee 0, no init, body as a reference): what
// toncenter v3 and other indexers look the resulting transaction up by.
func (c *TonCell) NormalizedHash() ([]byte, error) {
	out := make([]byte, 32)
	err := check(cwetee.Ton_message_normalized_hash(out, c.h))
	runtime.KeepAlive(c)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// TonStateInitPublicKey reads the public key (and the version) of a wallet
// v3r2, v4r2 or W5 from its StateInit; ErrUnsupported for other contracts.
func TonStateInitPublicKey(stateInit *TonCell) ([]byte, TonWalletVersion, error) {
	out := make([]byte, 32)
	var v uint32
	err := check(cwetee.Ton_state_init_public_key(out, &v, stateInit.handle()))
	runtime.KeepAlive(stateInit)
	if err != nil {
		return nil, 0, err
	}
	return out, TonWalletVersion(v), nil
}

// TonProofHash is the 32-byte digest a TON Connect wallet signs for ton_proof.
func TonProofHash(address, domain string, timestamp uint64, payload []byte) ([]byte, error) {
	out := make([]byte, 32)
	if err := check(cwetee.Ton_proof_hash(out, address, domain, timestamp, payload)); err != nil {
		return nil, err
	}
	return out, nil
}

// TonProof is a verified TON Connect ton_proof: the wallet's key, its raw
// address and the payload (check that you issued it).
type TonProof struct {
	PublicKey []byte
	Address   string
	Payload   string
}

// TonProofVerify verifies a ton_proof reply (the JSON a dApp front end
// forwards: address, proof {timestamp (number or string), domain, payload,
// signature, state_init}, optional public_key) for domain at Unix time now,
// accepting timestamps at most maxAge seconds away. ErrVerify for another
// domain, an old proof, a StateInit of another address or a bad signature.
func TonProofVerify(replyJSON, domain string, now, maxAge uint64) (*TonProof, error) {
	p := &TonProof{PublicKey: make([]byte, 32)}
	if err := check(cwetee.Ton_proof_verify_json(p.PublicKey, &p.Address, &p.Payload, replyJSON, domain, now, maxAge)); err != nil {
		return nil, err
	}
	return p, nil
}
