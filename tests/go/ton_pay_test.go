package gotest

import (
	"bytes"
	"encoding/hex"
	"math/big"
	"strings"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// TON payments with a memo and their confirmation: the known answers of
// tests/ton/payment_cases.c (from @ton/core, tests/interop/ton-sandbox/
// payment_kat.mjs) and the confirmation routes of tests/toncenter/responses.json.

const (
	payDest  = "0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3"
	payPayer = "0:d22ce1556a6359cddcb82ee95c95c08110591145e67b5ac70108b030dcf839de"
	payJW    = "0:71461a638ce14508ffcf36f0fd9d7171ea1ad75d15b007ec13ed80f0d295fe11"
)

func TestTonPaymentMessages(t *testing.T) {
	m, err := wetee.TonPaymentMessage("", "", payDest, big.NewInt(2000000000), "order 42", nil)
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(m.Hash()) != "3471df32080403c0ab555dbc09401901c59b92d5c704e9fc01a35a6926075b59" {
		t.Fatal("coin payment hash")
	}
	if memo, err := wetee.TonPaymentMemo(m, true); err != nil || memo != "order 42" {
		t.Fatal(memo, err)
	}
	memo := "order 42 — ✓"
	j, err := wetee.TonPaymentMessage(payPayer, payJW, payDest, big.NewInt(1500000), memo, nil)
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(j.Hash()) != "4bac6e0f9401a11da78293e4d14981c0f0bd50b53883bdd26f77f324c9711126" {
		t.Fatal("jetton payment hash")
	}
	if got, err := wetee.TonPaymentMemo(j, true); err != nil || got != memo {
		t.Fatal(got, err)
	}
	p, err := wetee.TonPaymentMessage("", "", payDest, big.NewInt(1), "", &wetee.TonPaymentOptions{NonBounceable: true})
	if err != nil || hex.EncodeToString(p.Hash()) != "963d54074ae2289542e77d131dc65af56fb7feb4d57f9832914261acb5662898" {
		t.Fatal("plain payment", err)
	}
	long := strings.Repeat("abcdefghijklmnopqrstuvwxyz", 24)[:600]
	o, err := wetee.TonPaymentMessage("", payJW, payDest, big.NewInt(7), long, &wetee.TonPaymentOptions{QueryID: 77,
		ResponseDestination: payDest, JettonTonAmount: big.NewInt(100000000), ForwardTonAmount: big.NewInt(10000000)})
	if err != nil || hex.EncodeToString(o.Hash()) != "e08551e80030ff09b0f511a7b3657ada91fb3a6a30c35847069389dbcefaf2b9" {
		t.Fatal("jetton payment with options", err)
	}
	_, err = wetee.TonPaymentMessage("", "", payDest, big.NewInt(1), "bad \xff", nil)
	wantError(t, err, wetee.ErrDecode, "memo is not UTF-8 at byte 4")
	_, err = wetee.TonPaymentMessage("", "", payDest, big.NewInt(0), "x", nil)
	wantError(t, err, wetee.ErrInvalidArgument, "amount is zero")
	_, err = wetee.TonPaymentMessage("", "", payDest, big.NewInt(1), strings.Repeat("x", wetee.TonMemoMaxBytes+1), nil)
	wantError(t, err, wetee.ErrTooLong)
	_, err = wetee.TonPaymentMessage("", payJW, payDest, big.NewInt(1), "x", nil)
	wantError(t, err, wetee.ErrInvalidArgument, "payer")

	secret, public, err := wetee.TonMnemonicToKeypair(tonWords, "")
	if err != nil {
		t.Fatal(err)
	}
	w, err := wetee.NewTonWallet(wetee.TonWalletV5R1, public, 0, wetee.TonNetworkMainnet)
	if err != nil {
		t.Fatal(err)
	}
	ext, norm, err := w.SignPayment(secret, 0, 1767225660, 3, m)
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(ext.Hash()) != "e25b4d6d3f950122905bfa8f4e0c73fb5f1a8b451e864b6bda5045698e7a1b17" {
		t.Fatal("signed W5 payment")
	}
	n2, err := ext.NormalizedHash()
	if err != nil || !bytes.Equal(norm, n2) {
		t.Fatal("normalised hash", err)
	}
	if _, _, err := w.SignPayment(secret[:63], 0, 1, 3, m); err == nil {
		t.Fatal("short secret accepted")
	}
}

func TestToncenterConfirm(t *testing.T) {
	base := replayServer(t)
	tc, err := wetee.NewToncenter(&wetee.ToncenterOptions{V2URL: base + "/api/v2", V3URL: base + "/api/v3", TimeoutMs: 10000})
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	ext := func(b byte) []byte { return bytes.Repeat([]byte{b}, 32) }
	r, err := tc.Confirm(ext(0x11), 1, 5000, 20)
	if err != nil || r.Status != "confirmed" || r.Hops != 1 || r.Error != "" {
		t.Fatal(r, err)
	}
	if r.WalletTx.Lt != 47000000000003 || r.Payment.Destination != payDest || r.Payment.Value.String() != "2000000000" ||
		!r.Payment.Bounce || r.LastTx.Lt != 47000000000011 || r.Bounce != nil {
		t.Fatalf("%+v", r)
	}
	r, err = tc.Confirm(ext(0x13), 1, 5000, 20)
	if err != nil || r.Status != "bounced" || r.Bounce == nil || r.Bounce.Value.String() != "499600000" || !r.Bounce.Bounced ||
		!strings.Contains(r.Error, "bounced") {
		t.Fatal(r, err)
	}
	r, err = tc.Confirm(ext(0x14), 1, 100, 20)
	if err != nil || r.Status != "pending" || r.WalletTx == nil || r.LastTx != nil || !strings.Contains(r.Error, "not indexed yet") {
		t.Fatal(r, err)
	}
	r, err = tc.Confirm(ext(0x16), 2, 5000, 20)
	if err != nil || r.Status != "confirmed" || r.Hops != 2 || r.Payment.Opcode != 0x0f8a7ea5 {
		t.Fatal(r, err)
	}
	r, err = tc.Confirm(ext(0x12), 1, 5000, 20)
	if err != nil || r.Status != "failed" || r.WalletTx.ExitCode != 33 {
		t.Fatal(r, err)
	}
	_, err = tc.Confirm(ext(0x11), 0, 5000, 20)
	wantError(t, err, wetee.ErrInvalidArgument, "hops 0")
	_, err = tc.Confirm(ext(0x11)[:5], 1, 5000, 20)
	wantError(t, err, wetee.ErrInvalidArgument)
}

func TestToncenterParseTransaction(t *testing.T) {
	answer := `{"transactions": [{"account": "0:D22CE1556A6359CDDCB82EE95C95C08110591145E67B5AC70108B030DCF839DE",
	 "hash": "AQgPFh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09o=", "lt": "47000000000003", "now": 1700000005,
	 "description": {"aborted": false, "compute_ph": {"skipped": false, "success": true, "exit_code": 0}},
	 "in_msg": {"hash": "//z59vPw7ern5OHe29jV0s/MycbDwL26t7SxrquopaI=", "source": null,
	  "destination": "0:D22CE1556A6359CDDCB82EE95C95C08110591145E67B5AC70108B030DCF839DE", "opcode": "0x7369676e"},
	 "out_msgs": [{"hash": "AQgPFh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09o=",
	  "source": "0:D22CE1556A6359CDDCB82EE95C95C08110591145E67B5AC70108B030DCF839DE",
	  "destination": "0:2CF55953E92EFBEADAB7BA725C3F93A0B23F842CBBA72D7B8E6F510A70E422E3", "value": "5", "bounce": true}]}]}`
	tx, in, outs, err := wetee.ToncenterParseTransaction(answer)
	if err != nil || tx.Lt != 47000000000003 || !tx.Success || in.Source != "" || in.Opcode != 0x7369676e ||
		len(outs) != 1 || outs[0].Destination != payDest || outs[0].Value.Int64() != 5 || outs[0].Opcode != -1 {
		t.Fatal(tx, in, outs, err)
	}
	_, _, _, err = wetee.ToncenterParseTransaction(`{"transactions": []}`)
	wantError(t, err, wetee.ErrNotFound)
	_, _, _, err = wetee.ToncenterParseTransaction(`<html>`)
	wantError(t, err, wetee.ErrDecode)
}
