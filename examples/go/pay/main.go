// Pay 1.5 DOT on a dev chain and print the receipt.
//
//	go run ./pay [URL]     (default ws://127.0.0.1:9944)
//
// The chain at URL stands in for Polkadot (DOT's 10 decimals); //Alice
// pays //Bob with the memo "order-42" after a quote.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

func main() {
	url := "ws://127.0.0.1:9944"
	if len(os.Args) > 1 {
		url = os.Args[1]
	}
	const bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"
	reg, err := wetee.NewTokenRegistry(false)
	if err != nil {
		fail(err)
	}
	defer reg.Close()
	dot, err := reg.Lookup("polkadot", wetee.TokenNative, "")
	if err != nil {
		fail(err)
	}
	chain, err := wetee.ConnectChain(url, nil)
	if err != nil {
		fail(err)
	}
	defer chain.Close()
	alice, err := wetee.KeypairFromSURI(wetee.Sr25519, "//Alice")
	if err != nil {
		fail(err)
	}
	defer alice.Close()
	payer, err := wetee.NewPayer(reg)
	if err != nil {
		fail(err)
	}
	defer payer.Close()
	if err := payer.AddSubstrate("polkadot", chain, alice); err != nil {
		fail(err)
	}
	amount, err := dot.Parse("1.5 DOT")
	if err != nil {
		fail(err)
	}
	quote, err := payer.Quote(dot, amount, bob, "order-42", nil)
	if err != nil {
		fail(err)
	}
	q, _ := json.Marshal(quote)
	fmt.Printf("quote: %s\n", q)
	receipt, err := payer.Pay(dot, amount, bob, "order-42", nil)
	r, _ := json.Marshal(receipt)
	fmt.Printf("receipt: %s\n", r)
	if err != nil {
		fail(err)
	}
}
