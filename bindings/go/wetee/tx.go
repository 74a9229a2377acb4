package wetee

import (
	"encoding/hex"
	"math/big"
	"runtime"
	"strings"
	"sync"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Extrinsics built from the runtime metadata alone (wetee/tx.h). A Tx
// collects one transaction's call and extension values and produces the
// signing payload, a signed v4 extrinsic (Sign, or AttachSignature for a
// signature made elsewhere), a bare or a v5 general extrinsic, with the
// compact length prefix. Nothing touches the network.
//
//	tx, _ := wetee.NewTx(md)
//	defer tx.Close()
//	tx.SetCall("Balances", "transfer_keep_alive", map[string]any{"dest": map[string]any{"Id": bob}, "value": 1000})
//	tx.SetGenesisHash(genesis)
//	tx.SetNonce(7)
//	tx.SetMortal(64, bestNumber, bestHash)
//	extrinsic, err := tx.Sign(alice)

// TxPayloadHashThreshold: signing payloads longer than this many bytes are
// signed as their BLAKE2b-256 hash.
const TxPayloadHashThreshold = 256

// EraMortal encodes a mortal era of period blocks made at block current,
// rounded as Substrate does (period to a power of two in [4, 65536], phase
// quantized); birth is the block whose hash the signature commits to
// (current for periods up to 4096). ErrInvalidArgument for period 0.
func EraMortal(period, current uint64) (era [2]byte, birth uint64, err error) {
	err = check(cwetee.Era_mortal(era[:], period, current, &birth))
	return era, birth, err
}

// EraDecode decodes the era at the start of data: 00 (immortal: period and
// phase 0, used 1) or two bytes. ErrDecode for a period below 4 or a phase
// not below it, ErrTruncated for one byte of a mortal era.
func EraDecode(data []byte) (period, phase uint64, used int, err error) {
	err = check(cwetee.Era_decode(&period, &phase, &used, data))
	return period, phase, used, err
}

// EraBirth returns the birth block of the mortal era (period, phase) at
// block current.
func EraBirth(period, phase, current uint64) uint64 { return cwetee.Era_birth(period, phase, current) }

// ExtrinsicHash returns the transaction hash: BLAKE2b-256 of the whole
// extrinsic (length prefix included), as the node reports it.
func ExtrinsicHash(extrinsic []byte) [32]byte {
	var out [32]byte
	must(cwetee.Extrinsic_hash(out[:], extrinsic))
	return out
}

// Tx is one transaction being built, held in libwetee's memory. Close
// frees it (a finalizer does it for a Tx never closed). A Tx is used by one
// goroutine at a time (its methods lock it); every call runs under its
// Metadata's read lock, so a Tx whose Metadata was closed returns ErrState
// errors.
type Tx struct {
	mu sync.Mutex
	h  uintptr // the wetee_tx, 0 once closed
	md *Metadata
}

// NewTx starts a transaction for the chain that md describes.
// ErrUnsupported when the metadata has no address, call or signature type.
func NewTx(md *Metadata) (*Tx, error) {
	var t *Tx
	err := md.use(func(mh uintptr) error {
		var h uintptr
		if err := check(cwetee.Tx_new(&h, mh)); err != nil {
			if h != 0 {
				cwetee.Tx_free(h)
			}
			return err
		}
		t = &Tx{h: h, md: md}
		runtime.SetFinalizer(t, (*Tx).Close)
		return nil
	})
	return t, err
}

// Close frees the C object. It may be called more than once and always
// returns nil.
func (t *Tx) Close() error {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.h != 0 {
		cwetee.Tx_free(t.h)
		t.h = 0
		runtime.SetFinalizer(t, nil)
	}
	return nil
}

// Metadata returns the metadata the transaction is built for.
func (t *Tx) Metadata() *Metadata { return t.md }

// use runs f with the Tx's handle and its metadata's, holding the Tx's lock
// and the metadata's read lock.
func (t *Tx) use(f func(h uintptr) error) error {
	if t == nil {
		return newError(ErrInvalidArgument, "tx: nil *Tx")
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.h == 0 {
		return newError(ErrState, "tx: closed")
	}
	return t.md.use(func(uintptr) error { return f(t.h) })
}

// SetCall sets the call by pallet and call name; args is a map of named
// arguments, a slice of them in order, or nil for a call without
// arguments (values as for Metadata.EncodeCall). ErrNotFound for an unknown
// pallet or call; ErrDecode / ErrOverflow naming the argument for a value
// that does not fit.
func (t *Tx) SetCall(pallet, call string, args any) error {
	text := ""
	if args != nil {
		var err error
		if text, err = jsonText(args); err != nil {
			return err
		}
	}
	return t.use(func(h uintptr) error { return check(cwetee.Tx_set_call_json(h, pallet, call, text)) })
}

// SetCallBytes sets the call from its SCALE encoding (pallet index, call
// index, arguments), checked against the metadata.
func (t *Tx) SetCallBytes(call []byte) error {
	return t.use(func(h uintptr) error { return check(cwetee.Tx_set_call(h, call)) })
}

// SetGenesisHash sets the chain's genesis hash (required for signed
// transactions).
func (t *Tx) SetGenesisHash(hash [32]byte) error {
	return t.use(func(h uintptr) error { return check(cwetee.Tx_set_genesis_hash(h, hash[:])) })
}

// SetRuntimeVersion sets the runtime's spec and transaction versions
// (default: System.Version in the metadata).
func (t *Tx) SetRuntimeVersion(specVersion, transactionVersion uint32) error {
	return t.use(func(h uintptr) error {
		return check(cwetee.Tx_set_runtime_version(h, uint(specVersion), uint(transactionVersion)))
	})
}

// SetNonce sets the sender's account nonce (required: there is no
// default); ErrInvalidArgument when it does not fit the chain's Nonce type.
func (t *Tx) SetNonce(nonce uint64) error {
	return t.use(func(h uintptr) error { return check(cwetee.Tx_set_nonce(h, nonce)) })
}

// SetTip sets the tip for the block author in the smallest unit
// (0..2^128-1; default 0).
func (t *Tx) SetTip(tip *big.Int) error {
	w, err := u128Words(tip)
	if err != nil {
		return err
	}
	return t.use(func(h uintptr) error { return check(cwetee.Tx_set_tip(h, w)) })
}

// SetMortal makes the transaction valid for period blocks (rounded as
// Substrate does) from block blockNumber, whose hash is blockHash. For
// periods above 4096 pass the era's birth block (EraMortal); another block
// number gives ErrInvalidArgument naming it.
func (t *Tx) SetMortal(period, blockNumber uint64, blockHash [32]byte) error {
	return t.use(func(h uintptr) error { return check(cwetee.Tx_set_mortal(h, period, blockNumber, blockHash[:])) })
}

// SetImmortal makes the transaction valid forever (the default).
func (t *Tx) SetImmortal() error {
	return t.use(func(h uintptr) error { return check(cwetee.Tx_set_immortal(h)) })
}

// SetFeeAsset pays the fee in another asset (ChargeAssetTxPayment): a value
// of the chain's AssetId type (an integer, or an XCM Location such as
// map[string]any{"parents": 0, "interior": map[string]any{"X2": []any{
// map[string]any{"PalletInstance": 50}, map[string]any{"GeneralIndex": 1984}}}}),
// or nil for the native token. ErrNotFound on a chain without
// ChargeAssetTxPayment; a value of the wrong type fails when the
// transaction is built, naming the extension.
func (t *Tx) SetFeeAsset(assetID any) error {
	text, err := jsonText(assetID)
	if err != nil {
		return err
	}
	return t.use(func(h uintptr) error { return check(cwetee.Tx_set_fee_asset_json(h, text)) })
}

// SetMetadataHash selects CheckMetadataHash mode 1 with the RFC-0078 hash
// (Metadata.Hash of the chain's V15 metadata), or mode 0 (the default)
// when hash is nil.
func (t *Tx) SetMetadataHash(hash *[32]byte) error {
	return t.use(func(h uintptr) error {
		if hash == nil {
			return check(cwetee.Tx_clear_metadata_hash(h))
		}
		return check(cwetee.Tx_set_metadata_hash(h, hash[:]))
	})
}

// SetExtension gives an extension's data by name, overriding what the
// library fills in: explicit goes into the extrinsic, implicit only into
// the signing payload. A nil part keeps the library's value; pass
// json.RawMessage("null") for a JSON null (an Option's None). ErrNotFound
// for an extension the chain does not have; ErrDecode / ErrOverflow when a
// value does not fit its type.
func (t *Tx) SetExtension(identifier string, explicit, implicit any) error {
	if strings.IndexByte(identifier, 0) >= 0 {
		return newError(ErrInvalidArgument, "tx: extension identifier contains a NUL byte")
	}
	parts := [2]string{}
	for i, v := range [2]any{explicit, implicit} {
		if v == nil {
			continue
		}
		text, err := jsonText(v)
		if err != nil {
			return err
		}
		parts[i] = text
	}
	return t.use(func(h uintptr) error {
		return check(cwetee.Tx_set_extension_json(h, identifier, parts[0], parts[1]))
	})
}

func (t *Tx) bytesOut(f func(out *[]byte, h uintptr) string) ([]byte, error) {
	var out []byte
	err := t.use(func(h uintptr) error { return check(f(&out, h)) })
	if err != nil {
		return nil, err
	}
	return nonNil(out), nil
}

// SigningPayload returns the bytes a signer signs for a v4 signed
// transaction: call ‖ explicit ‖ implicit extension data, replaced by its
// BLAKE2b-256 hash when longer than 256 bytes. ErrState naming what is
// missing (no call, genesis hash or nonce).
func (t *Tx) SigningPayload() ([]byte, error) { return t.bytesOut(cwetee.Tx_signing_payload) }

// SigningPayloadRaw returns the signing payload before hashing, e.g. for a
// signer that shows and hashes it itself (and for Metadata.ProofForPayload).
func (t *Tx) SigningPayloadRaw() ([]byte, error) { return t.bytesOut(cwetee.Tx_signing_payload_raw) }

// Sign signs with kp and returns the v4 signed extrinsic. An error names
// the address or signature when the chain's types cannot carry kp's scheme.
func (t *Tx) Sign(kp *Keypair) ([]byte, error) {
	var out []byte
	err := t.use(func(h uintptr) error {
		return kp.use(func(kh uintptr) error { return check(cwetee.Tx_sign(&out, h, kh)) })
	})
	return out, err
}

// AttachSignature returns the v4 signed extrinsic with a signature made
// elsewhere over SigningPayload by the key public of scheme. The signature
// is verified first: ErrVerify when it does not match the payload and key.
func (t *Tx) AttachSignature(scheme Scheme, public, sig []byte) ([]byte, error) {
	return t.bytesOut(func(out *[]byte, h uintptr) string {
		return cwetee.Tx_attach_signature(out, h, scheme.c(), public, sig)
	})
}

// Bare returns a bare (unsigned) extrinsic: 0x04 ‖ call (version 4) or
// 0x05 ‖ call (version 5, only on a chain whose metadata lists it:
// ErrUnsupported otherwise).
func (t *Tx) Bare(version uint) ([]byte, error) {
	return t.bytesOut(func(out *[]byte, h uintptr) string { return cwetee.Tx_bare(out, h, version) })
}

// General returns a v5 general extrinsic (0x45, the extension version, its
// explicit data, the call), which carries no signature of its own.
// ErrUnsupported on a chain without extrinsic version 5.
func (t *Tx) General(extensionVersion uint) ([]byte, error) {
	return t.bytesOut(func(out *[]byte, h uintptr) string { return cwetee.Tx_general(out, h, extensionVersion) })
}

// ---- decoding and the metadata's extrinsic information

// TxExtension is a transaction extension of the metadata.
type TxExtension struct {
	Identifier   string // "CheckNonce"
	Type         uint32 // explicit type id (in the extrinsic)
	ImplicitType uint32 // implicit type id (only in the signing payload)
}

// ExtrinsicVersions returns the extrinsic format versions the metadata
// lists ([4], or [4 5] for V16 chains).
func (m *Metadata) ExtrinsicVersions() ([]uint8, error) {
	var out []uint8
	err := m.use(func(h uintptr) error {
		n := cwetee.Txb_extrinsic_version_count(h)
		out = make([]uint8, n)
		for i := range out {
			out[i] = uint8(cwetee.Txb_extrinsic_version(h, int64(i)))
		}
		return nil
	})
	return out, err
}

// TxExtensions returns the transaction extensions of each extension
// version, in order (before V16 only version 0, which v4 transactions use).
func (m *Metadata) TxExtensions() (map[uint8][]TxExtension, error) {
	var out map[uint8][]TxExtension
	err := m.use(func(h uintptr) error {
		out = txExtensions(h)
		return nil
	})
	return out, err
}

func txExtensions(h uintptr) map[uint8][]TxExtension {
	out := map[uint8][]TxExtension{}
	for i := int64(0); i < cwetee.Txb_extension_version_count(h); i++ {
		n := cwetee.Txb_extension_count(h, i)
		exts := make([]TxExtension, n)
		for j := int64(0); j < n; j++ {
			exts[j] = TxExtension{cwetee.Txb_extension_identifier(h, i, j), uint32(cwetee.Txb_extension_type(h, i, j)),
				uint32(cwetee.Txb_extension_implicit_type(h, i, j))}
		}
		out[uint8(cwetee.Txb_extension_version(h, i))] = exts
	}
	return out
}

// DecodedExtrinsic is a decoded extrinsic. Integer-typed values in
// Address, Extensions and Call.Args are *big.Int, as in Metadata.Decode.
type DecodedExtrinsic struct {
	Version          int            // 4 or 5
	Type             string         // "bare", "signed" or "general"
	ExtensionVersion int            // v5 general only
	Address          any            // signed only: {"Id": "5Grw..."} for a MultiAddress
	Signature        any            // signed only: {"Sr25519": "0x..."} for a MultiSignature
	Extensions       map[string]any // by identifier; CheckMortality "immortal" or {"mortal": {"period", "phase"}}; zero-sized ones nil
	Call             DecodedCall
	Hash             [32]byte // the transaction hash
}

// DecodedPayload is a decoded (unhashed) v4 signing payload.
type DecodedPayload struct {
	Call       DecodedCall
	Extensions map[string]any // explicit parts, as in DecodedExtrinsic
	Implicit   map[string]any // implicit parts
}

// tx JSON post-processing: integers to *big.Int along the registry types
type txWalker struct {
	h     uintptr
	types map[string][2]uint32 // identifier -> explicit, implicit type
}

func newTxWalker(h uintptr) txWalker {
	w := txWalker{h: h, types: map[string][2]uint32{}}
	for _, exts := range txExtensions(h) {
		for _, e := range exts {
			if _, ok := w.types[e.Identifier]; !ok {
				w.types[e.Identifier] = [2]uint32{e.Type, e.ImplicitType}
			}
		}
	}
	return w
}

func (w txWalker) parts(x any, part int) map[string]any {
	obj, _ := x.(map[string]any)
	for name, v := range obj {
		t, ok := w.types[name]
		if !ok || t[part] == NoType || (part == 0 && (name == "CheckMortality" || name == "CheckEra")) {
			continue
		}
		obj[name] = intWalker{w.h}.value(v, t[part], 0)
	}
	return obj
}

func (w txWalker) call(x any) DecodedCall {
	obj, _ := x.(map[string]any)
	var dc DecodedCall
	dc.Pallet, _ = obj["pallet"].(string)
	dc.Call, _ = obj["call"].(string)
	dc.Args = obj["args"]
	if fields := variantFields(w.h, dc.Pallet, cwetee.MD_CALLS, dc.Call); fields != nil {
		dc.Args = intWalker{w.h}.fields(dc.Args, fields, 0)
	}
	return dc
}

// decodeTxJSON runs a decoder of the SWIG layer and parses its JSON object.
func decodeTxJSON(h uintptr, decode func(text *string) string) (map[string]any, txWalker, error) {
	var text string
	if err := check(decode(&text)); err != nil {
		return nil, txWalker{}, err
	}
	x, err := parseJSON(text)
	if err != nil {
		return nil, txWalker{}, err
	}
	obj, _ := x.(map[string]any)
	return obj, newTxWalker(h), nil
}

// DecodeExtrinsic decodes any extrinsic (with its length prefix, as found
// in a block or made by Tx): v4 bare and signed, v5 bare and general.
// Errors (ErrTruncated, ErrTrailing, ErrDecode) name the part and offset.
func (m *Metadata) DecodeExtrinsic(data []byte, camelCase bool) (*DecodedExtrinsic, error) {
	var d *DecodedExtrinsic
	err := m.use(func(h uintptr) error {
		obj, w, err := decodeTxJSON(h, func(text *string) string {
			return cwetee.Txb_decode(text, h, data, camelFlag(camelCase))
		})
		if err != nil {
			return err
		}
		d = &DecodedExtrinsic{Address: obj["address"], Signature: obj["signature"]}
		d.Type, _ = obj["type"].(string)
		d.Version = jsonInt(obj["version"])
		d.ExtensionVersion = jsonInt(obj["extension_version"])
		d.Extensions = w.parts(obj["extensions"], 0)
		d.Call = w.call(obj["call"])
		if t := uint32(cwetee.Txb_extrinsic_type(h, 0)); d.Address != nil && t != NoType {
			d.Address = intWalker{h}.value(d.Address, t, 0)
		}
		if s, ok := obj["hash"].(string); ok {
			if b, err := hex.DecodeString(strings.TrimPrefix(s, "0x")); err == nil && len(b) == 32 {
				copy(d.Hash[:], b)
			}
		}
		return nil
	})
	return d, err
}

// DecodeSigningPayload decodes an unhashed v4 signing payload
// (Tx.SigningPayloadRaw). A payload longer than 256 bytes is signed as its
// hash, which cannot be decoded: give the raw one.
func (m *Metadata) DecodeSigningPayload(payload []byte, camelCase bool) (*DecodedPayload, error) {
	var d *DecodedPayload
	err := m.use(func(h uintptr) error {
		obj, w, err := decodeTxJSON(h, func(text *string) string {
			return cwetee.Txb_payload_decode(text, h, payload, camelFlag(camelCase))
		})
		if err != nil {
			return err
		}
		d = &DecodedPayload{Extensions: w.parts(obj["extensions"], 0), Implicit: w.parts(obj["implicit"], 1)}
		d.Call = w.call(callForm(obj["call"]))
		return nil
	})
	return d, err
}

// callForm turns {"Pallet": {"call": args}} (a call as a value of the
// outer Call enum) into {"pallet": ..., "call": ..., "args": ...}.
func callForm(x any) any {
	obj, ok := x.(map[string]any)
	if !ok || len(obj) != 1 {
		return x
	}
	for pallet, inner := range obj {
		switch v := inner.(type) {
		case string:
			return map[string]any{"pallet": pallet, "call": v, "args": map[string]any{}}
		case map[string]any:
			if len(v) == 1 {
				for name, args := range v {
					return map[string]any{"pallet": pallet, "call": name, "args": args}
				}
			}
		}
	}
	return x
}

func jsonInt(x any) int {
	if n, ok := x.(interface{ Int64() (int64, error) }); ok {
		if i, err := n.Int64(); err == nil {
			return int(i)
		}
	}
	return 0
}

// ---- RFC-0078 proofs for an external signer (V15 metadata only)

// ProofForExtrinsic returns the RFC-0078 proof a hardware signer receives
// for a v4 extrinsic (SCALE Proof ‖ reduced ExtrinsicMetadata ‖ ExtraInfo),
// from which it recomputes Hash. implicit is the implicit extension data of
// the signing payload, whose types are then included; nil leaves them out.
// ErrUnsupported for metadata other than V15.
func (m *Metadata) ProofForExtrinsic(extrinsic []byte, decimals uint8, tokenSymbol string, implicit []byte) ([]byte, error) {
	if strings.IndexByte(tokenSymbol, 0) >= 0 {
		return nil, newError(ErrInvalidArgument, "metadata hash: token symbol contains a NUL byte")
	}
	has := 0
	if implicit != nil {
		has = 1
	}
	var out []byte
	err := m.use(func(h uintptr) error {
		return check(cwetee.Txb_proof_for_extrinsic(&out, h, uint(decimals), tokenSymbol, extrinsic, implicit, has))
	})
	return out, err
}

// ProofForPayload returns the RFC-0078 proof for an unhashed v4 signing
// payload (Tx.SigningPayloadRaw): the leaves of the call and of the
// explicit and implicit extension data.
func (m *Metadata) ProofForPayload(payload []byte, decimals uint8, tokenSymbol string) ([]byte, error) {
	if strings.IndexByte(tokenSymbol, 0) >= 0 {
		return nil, newError(ErrInvalidArgument, "metadata hash: token symbol contains a NUL byte")
	}
	var out []byte
	err := m.use(func(h uintptr) error {
		return check(cwetee.Txb_proof_for_payload(&out, h, uint(decimals), tokenSymbol, payload))
	})
	return out, err
}
