// Command ton_pay pays 2 TON (Gram) with a memo, signed offline: the payment
// message with the memo "order 42", signed by a W5 wallet (seqno 0 deploys
// it), ready for toncenter's sendBoc, with the normalised hash that
// Toncenter.Confirm tracks it by.
//
//	go run ./ton_pay
//
// (from examples/go, with libwetee installed: see bindings/go). It prints
// what examples/ton_pay.c prints without arguments (the same message and
// hashes). To send it: Toncenter.SendBOC, then Toncenter.Confirm, which
// returns the wallet's transaction, the recipient's and any bounce. The key
// is the first test vector of ton-crypto (never use it for real funds).
package main

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

const words = "hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry " +
	"senior coconut label tumble carry category beauty bean road solution"
const to = "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB"

func main() {
	secret, public, err := wetee.TonMnemonicToKeypair(words, "")
	if err != nil {
		log.Fatal(err)
	}
	w, err := wetee.NewTonWallet(wetee.TonWalletV5R1, public, 0, wetee.TonNetworkMainnet)
	if err != nil {
		log.Fatal(err)
	}
	amount, err := wetee.TonAmountParse("2 TON")
	if err != nil {
		log.Fatal(err)
	}
	msg, err := wetee.TonPaymentMessage("", "", to, amount, "order 42", nil)
	if err != nil {
		log.Fatal(err)
	}
	ext, norm, err := w.SignPayment(secret, 0, 1767225660, 3, msg)
	if err != nil {
		log.Fatal(err)
	}
	memo, err := wetee.TonPaymentMemo(msg, true)
	if err != nil {
		log.Fatal(err)
	}
	payer, err := wetee.TonAddressFriendly(w.Address(), 0)
	if err != nil {
		log.Fatal(err)
	}
	text, err := wetee.TonAmountFormat(amount, "GRAM")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("payer:      %s (W5, seqno 0: this message deploys it)\n", payer)
	fmt.Printf("payee:      %s (bounceable)\n", to)
	fmt.Printf("amount:     %s (%s nanotons)\n", text, amount)
	fmt.Printf("memo:       %s\n", memo)
	fmt.Printf("boc:        %s\n", base64.StdEncoding.EncodeToString(ext.BOC(true, false)))
	fmt.Printf("normalized: %s\n", hex.EncodeToString(norm))
	fmt.Printf("hash:       %s\n", hex.EncodeToString(ext.Hash()))
}
