package gotest

import (
	"errors"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// The chain client through the Go binding. The node tests need a running
// devnode named by WETEE_DEVNODE_URL (tests/devnode/run.sh sets it and runs
// them); without it they skip and say so.

const bobAddress = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"

func devnode(t *testing.T) string {
	url := os.Getenv("WETEE_DEVNODE_URL")
	if url == "" {
		t.Skip("WETEE_DEVNODE_URL not set (tests/devnode/run.sh runs the chain tests)")
	}
	return url
}

func TestChainBadURL(t *testing.T) {
	_, err := wetee.ConnectChain("not a url", nil)
	if !errors.Is(err, wetee.ErrInvalidArgument) {
		t.Fatalf("want ErrInvalidArgument, got %v", err)
	}
}

func TestChainTransfer(t *testing.T) {
	url := devnode(t)
	for _, spec := range []int{wetee.ChainRPCLegacy, wetee.ChainRPCNew} {
		c, err := wetee.ConnectChain(url, &wetee.ChainOptions{RPCSpec: spec})
		if err != nil {
			t.Fatal(err)
		}
		if c.UsesNewRPC() != (spec == wetee.ChainRPCNew) {
			t.Errorf("spec %d: UsesNewRPC %v", spec, c.UsesNewRPC())
		}
		ss58, dec, sym, err := c.Properties()
		if err != nil || ss58 != 42 || dec != 12 || sym != "UNIT" {
			t.Errorf("properties %d %d %q %v", ss58, dec, sym, err)
		}
		ed, err := c.Constant("Balances", "ExistentialDeposit")
		if err != nil || ed.(interface{ String() string }).String() != "1000000000" {
			t.Errorf("ExistentialDeposit %v %v", ed, err)
		}
		alice, _ := wetee.KeypairFromSURI(wetee.Sr25519, "//Alice")
		me, _ := alice.Address(42)
		n, err := c.AccountNonce(me)
		acct, err2 := c.Storage("System", "Account", []any{me}, "")
		if err != nil || err2 != nil || acct.(map[string]any)["nonce"].(interface{ String() string }).String() != big.NewInt(int64(n)).String() {
			t.Errorf("nonce %d vs System.Account %v (%v %v)", n, acct, err, err2)
		}
		before, _ := c.Balance(bobAddress)
		amount := big.NewInt(3000000000000 + int64(spec))
		out, err := c.Transfer(alice, bobAddress, amount, false, wetee.TxFinalized, 60000)
		if err != nil || out["status"] != "finalized" || out["success"] != true {
			t.Fatalf("transfer: %v %v", out, err)
		}
		after, _ := c.Balance(bobAddress)
		if new(big.Int).Sub(after, before).Cmp(amount) != 0 {
			t.Errorf("Bob's balance %s -> %s, want +%s", before, after, amount)
		}
		// a changed signature byte: the node's reason comes back as ErrRPC
		xt, err := c.Sign(alice, "Balances", "transfer_keep_alive", map[string]any{"dest": map[string]any{"Id": bobAddress}, "value": 5}, 0)
		if err != nil {
			t.Fatal(err)
		}
		xt[2+1+33+1+10] ^= 1
		_, err = c.SubmitAndWatch(xt, wetee.TxInBlock, 30000)
		if !errors.Is(err, wetee.ErrRPC) || !strings.Contains(strings.ToLower(err.Error()), "badproof") {
			t.Errorf("bad signature: %v", err)
		}
		_, err = c.Storage("System", "Acount", nil, "")
		if !errors.Is(err, wetee.ErrNotFound) {
			t.Errorf("unknown storage: %v", err)
		}
		alice.Close()
		c.Close()
		if _, err := c.Balance(bobAddress); !errors.Is(err, wetee.ErrState) {
			t.Errorf("closed chain: %v", err)
		}
	}
}
