package gotest

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

const tonWords = "hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry " +
	"senior coconut label tumble carry category beauty bean road solution"

func TestTonBOCVectors(t *testing.T) {
	child, err := wetee.NewTonBuilder().StoreUint(123456789, 32).End()
	if err != nil {
		t.Fatal(err)
	}
	parent, err := wetee.NewTonBuilder().StoreUint(987654321, 32).StoreRef(child).End()
	if err != nil {
		t.Fatal(err)
	}
	if got := base64.StdEncoding.EncodeToString(parent.Hash()); got != "goaQYcsXO2c/gd3qvMo3ncEjzpbU7urNQ7hPDo0qC1c=" {
		t.Fatalf("hash %s", got)
	}
	if got := base64.StdEncoding.EncodeToString(parent.BOC(true, false)); got != "te6cckEBAgEADQABCDreaLEBAAgHW80VSW/75w==" {
		t.Fatalf("boc %s", got)
	}
	back, err := wetee.TonCellFromBOC(parent.BOC(false, true))
	if err != nil || !back.Equal(parent) || back.String() != "x{3ADE68B1}\n x{075BCD15}" {
		t.Fatalf("round trip: %v %v", err, back)
	}
	lib, err := wetee.TonCellFromBase64("te6ccgEBAgEALQABDv8AiNDtHtgBCEICGbgzd5nhZ9WhSM+4juFCvgMYJOtxthFdtTKIH6M/6SM=")
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(lib.Hash()) != "bf006bfec496a04f1164b1c3cd29fe4827f1eb1c17a0330375e79201e8f66e62" {
		t.Fatal("library root hash")
	}
	if r, _ := lib.Ref(0); r.Type() != wetee.TonCellLibrary {
		t.Fatal("library type")
	}
	bad, _ := hex.DecodeString("b5ee9c7241010201000d00010800000001010008000000027d4b3cf9")
	if _, err := wetee.TonCellFromBOC(bad); !errors.Is(err, wetee.ErrChecksum) {
		t.Fatalf("bad crc: %v", err)
	}
	cyc, _ := hex.DecodeString("b5ee9c7201010201000d0001080000000100000800000002")
	if _, err := wetee.TonCellFromBOC(cyc); !errors.Is(err, wetee.ErrDecode) || !strings.Contains(err.Error(), "later cell") {
		t.Fatalf("cycle: %v", err)
	}
}

func TestTonSliceAndAddresses(t *testing.T) {
	const friendly = "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB"
	const raw = "0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3"
	c, err := wetee.NewTonBuilder().StoreCoins(big.NewInt(1500000000)).StoreAddress(friendly).StoreAddress("").
		StoreSnake([]byte(strings.Repeat("x", 300))).End()
	if err != nil {
		t.Fatal(err)
	}
	s := c.Parse()
	if v, err := s.LoadCoins(); err != nil || v.Int64() != 1500000000 {
		t.Fatal("coins", v, err)
	}
	if a, err := s.LoadAddress(); err != nil || a != raw {
		t.Fatal("address", a, err)
	}
	if a, err := s.LoadAddress(); err != nil || a != "" {
		t.Fatal("addr_none", a, err)
	}
	if b, err := s.LoadSnake(); err != nil || len(b) != 300 {
		t.Fatal("snake", len(b), err)
	}
	if err := s.End(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadUint(1); !errors.Is(err, wetee.ErrTruncated) {
		t.Fatal("past the end", err)
	}
	r, flags, err := wetee.TonAddressParse(friendly)
	if err != nil || r != raw || flags != wetee.TonAddressBounceable {
		t.Fatal(r, flags, err)
	}
	if f, _ := wetee.TonAddressFriendly(raw, wetee.TonAddressTestnet); f != "0QAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4-QO" {
		t.Fatal(f)
	}
	if _, _, err := wetee.TonAddressParse(friendly[:47] + "C"); !errors.Is(err, wetee.ErrChecksum) {
		t.Fatal(err)
	}
	if s, _ := wetee.TonAmountFormat(big.NewInt(1500000000), ""); s != "1.5 GRAM" {
		t.Fatal(s)
	}
	if s, _ := wetee.TonAmountFormat(big.NewInt(1500000000), "TON"); s != "1.5 TON" {
		t.Fatal(s)
	}
	if v, err := wetee.TonAmountParse("2.5 ton"); err != nil || v.Int64() != 2500000000 {
		t.Fatal(v, err)
	}
	if _, err := wetee.TonAmountParse("2 USD"); !errors.Is(err, wetee.ErrDecode) {
		t.Fatal(err)
	}
}

func TestTonMnemonicAndWallets(t *testing.T) {
	secret, public, err := wetee.TonMnemonicToKeypair(tonWords, "")
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(public) != "f6c450a16bb1c514e22f1977e390a3025599aa1e7b00068a6aacf2119484c1bd" ||
		hex.EncodeToString(secret[:32]) != "9d659a6c2234db7f6e4f977e6e8653b9f5946d557163f31034011375d8f3f97d" {
		t.Fatal("key pair")
	}
	if err := wetee.TonMnemonicValidate(strings.Replace(tonWords, "solution", "road", 1), ""); !errors.Is(err, wetee.ErrChecksum) {
		t.Fatal(err)
	}
	want := map[wetee.TonWalletVersion]string{
		wetee.TonWalletV3R2: "0:dbb8c6e348a8f5224a0c53ec21503779bf63a6e06ead570af007196b06606dab",
		wetee.TonWalletV4R2: "0:1867eadc85b6872b8214902bdcca5dd5f2ca5c0273bc20144236f4b76ab7be09",
		wetee.TonWalletV5R1: "0:d22ce1556a6359cddcb82ee95c95c08110591145e67b5ac70108b030dcf839de",
	}
	for v, addr := range want {
		w, err := wetee.NewTonWallet(v, public, 0, wetee.TonNetworkMainnet)
		if err != nil || w.Address() != addr {
			t.Fatalf("%v: %v %v", v, err, w)
		}
	}
	w, _ := wetee.NewTonWallet(wetee.TonWalletV5R1, public, 0, wetee.TonNetworkMainnet)
	if w.WalletID != 2147483409 {
		t.Fatal(w.WalletID)
	}
	comment, _ := wetee.TonComment("order 42")
	msg, err := wetee.TonInternalMessage("EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB", big.NewInt(1500000000), true, nil, comment)
	if err != nil {
		t.Fatal(err)
	}
	body, err := w.Transfer(secret, 0, 1700000000, []wetee.TonOutMessage{{Mode: wetee.TonSendDefault, Message: msg}})
	if err != nil {
		t.Fatal(err)
	}
	ext, err := w.External(body, true)
	if err != nil {
		t.Fatal(err)
	}
	if back, err := wetee.TonCellFromBOC(ext.BOC(true, false)); err != nil || !back.Equal(ext) {
		t.Fatal("external round trip", err)
	}
	s := body.Parse()
	if op, _ := s.LoadUint(32); op != 0x7369676e {
		t.Fatal("op", op)
	}
	other := append([]byte(nil), secret...)
	other[40] ^= 1
	if _, err := w.Transfer(other, 0, 1, nil); !errors.Is(err, wetee.ErrInvalidArgument) {
		t.Fatal(err)
	}
}

func TestTonDict(t *testing.T) {
	d, err := wetee.NewTonDict(12)
	if err != nil {
		t.Fatal(err)
	}
	v1, _ := wetee.NewTonBuilder().StoreUint(111, 32).End()
	v2, _ := wetee.NewTonBuilder().StoreUint(222, 32).End()
	if err := d.Set([]byte{0x12, 0x30}, v1); err != nil {
		t.Fatal(err)
	}
	if err := d.Set([]byte{0x00, 0x70}, v2); err != nil {
		t.Fatal(err)
	}
	if err := d.Set([]byte{0x00, 0x71}, v2); !errors.Is(err, wetee.ErrInvalidArgument) {
		t.Fatal("padding bits", err)
	}
	if _, err := d.Get([]byte{0x00, 0x80}); !errors.Is(err, wetee.ErrNotFound) {
		t.Fatal(err)
	}
	c, err := wetee.NewTonBuilder().StoreDict(d).End()
	if err != nil {
		t.Fatal(err)
	}
	back, err := c.Parse().LoadDict(12)
	if err != nil || back.Len() != 2 {
		t.Fatal(err)
	}
	k, v, err := back.Entry(0)
	if err != nil || hex.EncodeToString(k) != "0070" || !v.Equal(v2) {
		t.Fatal("entry 0", k, err)
	}
	if err := d.Delete([]byte{0x12, 0x30}); err != nil || d.Len() != 1 {
		t.Fatal(err)
	}
}

func TestTonHighloadWallet(t *testing.T) {
	secret, public, err := wetee.TonMnemonicToKeypair(tonWords, "")
	if err != nil {
		t.Fatal(err)
	}
	w, err := wetee.NewTonHighloadWallet(public, 0, 0x10ad, 86400)
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := wetee.TonInternalMessage("EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB", big.NewInt(1000), false, nil, nil)
	body, err := w.HighloadTransfer(secret, 5<<10|7, 1700000000, []wetee.TonOutMessage{{Mode: 3, Message: msg}}, nil)
	if err != nil || body.Bits() != 512 || body.Refs() != 1 {
		t.Fatal(err)
	}
	if _, err := w.HighloadTransfer(secret, 1023, 1, nil, nil); !errors.Is(err, wetee.ErrInvalidArgument) {
		t.Fatal(err)
	}
	if _, err := w.Transfer(secret, 0, 1, nil); !errors.Is(err, wetee.ErrInvalidArgument) {
		t.Fatal("plain transfer on a highload wallet", err)
	}
}

func TestTonJetton(t *testing.T) {
	const dest = "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB"
	comment, _ := wetee.TonComment("hi")
	body, err := wetee.TonJettonTransfer(42, big.NewInt(400), dest, dest, nil, big.NewInt(1), comment, false)
	if err != nil || body.Refs() != 1 {
		t.Fatal(err)
	}
	if op, _ := body.Parse().LoadUint(32); op != 0x0f8a7ea5 {
		t.Fatal(op)
	}
	code, _ := wetee.TonCellFromBase64("te6ccgEBAgEALQABDv8AiNDtHtgBCEICGbgzd5nhZ9WhSM+4juFCvgMYJOtxthFdtTKIH6M/6SM=")
	a, err := wetee.TonJettonWalletAddress(wetee.TonJettonDataStatus, dest, "-1:"+strings.Repeat("33", 32), code)
	if err != nil || !strings.HasPrefix(a, "-1:") {
		t.Fatal(a, err)
	}
	if _, err := wetee.TonJettonTransfer(0, big.NewInt(1), "nope", "", nil, nil, nil, false); !errors.Is(err, wetee.ErrDecode) {
		t.Fatal(err)
	}
}
