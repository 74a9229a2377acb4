// Connect to a chain, show a balance, transfer and watch to finalization.
//
//	go run ./chain_transfer [URL] [legacy|new]
//
// Sends 1.5 tokens from //Alice to //Bob (a dev chain such as the devnode
// of tests/devnode).
package main

import (
	"fmt"
	"os"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

func main() {
	url := "ws://127.0.0.1:9944"
	if len(os.Args) > 1 {
		url = os.Args[1]
	}
	opts := &wetee.ChainOptions{}
	if len(os.Args) > 2 {
		opts.RPCSpec = wetee.ChainRPCLegacy
		if os.Args[2] == "new" {
			opts.RPCSpec = wetee.ChainRPCNew
		}
	}
	if err := run(url, opts); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(url string, opts *wetee.ChainOptions) error {
	chain, err := wetee.ConnectChain(url, opts)
	if err != nil {
		return err
	}
	defer chain.Close()
	ss58, decimals, symbol, err := chain.Properties()
	if err != nil {
		return err
	}
	spec, _, _ := chain.RuntimeVersion()
	rpc := "legacy"
	if chain.UsesNewRPC() {
		rpc = "new"
	}
	fmt.Printf("connected to %s: spec %d, %s JSON-RPC, token %s (%d decimals)\n", url, spec, rpc, symbol, decimals)
	alice, err := wetee.KeypairFromSURI(wetee.Sr25519, "//Alice")
	if err != nil {
		return err
	}
	defer alice.Close()
	bob, err := wetee.KeypairFromSURI(wetee.Sr25519, "//Bob")
	if err != nil {
		return err
	}
	defer bob.Close()
	a, _ := alice.Address(ss58)
	b, _ := bob.Address(ss58)
	show := func(who, addr string) {
		v, err := chain.Balance(addr)
		if err != nil {
			fmt.Println(who, err)
			return
		}
		text, _ := wetee.U128ToDecimal(v, decimals)
		fmt.Printf("%s (%s): %s %s\n", who, addr, text, symbol)
	}
	show("Alice", a)
	show("Bob", b)
	amount, err := wetee.U128FromDecimal("1.5", decimals)
	if err != nil {
		return err
	}
	fmt.Printf("transfer of 1.5 %s from Alice to Bob:\n", symbol)
	out, err := chain.Transfer(alice, b, amount, false, wetee.TxFinalized, 120000)
	if err != nil {
		return err
	}
	fmt.Printf("status: %v in block %v, success: %v\n", out["status"], out["blockNumber"], out["success"])
	show("Alice", a)
	show("Bob", b)
	if out["success"] != true {
		return fmt.Errorf("transfer failed: %v", out["error"])
	}
	return nil
}
