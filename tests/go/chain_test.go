package gotest

import (
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

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

func newBlocks(t *testing.T, c *wetee.Chain, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if _, err := c.Request("dev_newBlock", []any{map[string]any{"count": 1}}); err != nil {
			t.Fatal(err)
		}
	}
}

func headNumber(t *testing.T, c *wetee.Chain) int64 {
	t.Helper()
	h, err := c.Header("")
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.ParseInt(strings.TrimPrefix(h.(map[string]any)["number"].(string), "0x"), 16, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func num(v any) int64 {
	n, _ := v.(json.Number).Int64()
	return n
}

// Block hash, header, raw storage, a map paged, fee details and estimate,
// SubmitWatch, and the counters: on the new spec the reads go to chainHead_v1_*.
func TestChainReadsFeesStats(t *testing.T) {
	url := devnode(t)
	for _, spec := range []int{wetee.ChainRPCLegacy, wetee.ChainRPCNew} {
		c, err := wetee.ConnectChain(url, &wetee.ChainOptions{RPCSpec: spec})
		if err != nil {
			t.Fatal(err)
		}
		g, _ := c.GenesisHash()
		if h0, err := c.BlockHash(0); err != nil || h0 != g {
			t.Errorf("block 0 %x vs genesis %x (%v)", h0, g, err)
		}
		const numberKey = "0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac" // System.Number
		raw, found, err := c.StorageRaw(numberKey, "")
		n, _ := c.Storage("System", "Number", nil, "")
		if err != nil || !found || len(raw) != 4 || int64(raw[0])|int64(raw[1])<<8 != num(n) {
			t.Errorf("System.Number raw %x found %v (%v), decoded %v", raw, found, err, n)
		}
		if _, found, err := c.StorageRaw(numberKey+"00", ""); err != nil || found {
			t.Errorf("absent key: found %v, %v", found, err)
		}
		page, err := c.StorageEntries("System", "Account", nil, 2, "", "")
		if err != nil || len(page) != 2 {
			t.Fatalf("entries: %v %v", page, err)
		}
		last := page[1].(map[string]any)["key"].(string)
		next, err := c.StorageEntries("System", "Account", nil, 2, last, "")
		if err != nil || len(next) == 0 || !(page[0].(map[string]any)["key"].(string) < last && last < next[0].(map[string]any)["key"].(string)) {
			t.Errorf("next page after %s: %v %v", last, next, err)
		}
		alice, _ := wetee.KeypairFromSURI(wetee.Sr25519, "//Alice")
		xt, err := c.Sign(alice, "Balances", "transfer_keep_alive", map[string]any{"dest": map[string]any{"Id": bobAddress}, "value": 7}, 0)
		if err != nil {
			t.Fatal(err)
		}
		info, _ := c.FeeInfo(xt)
		fee, err := c.EstimateFee(xt)
		if err != nil || fee.Sign() <= 0 || fee.String() != info.(map[string]any)["partial_fee"].(json.Number).String() {
			t.Errorf("estimate %v vs query_info %v (%v)", fee, info, err)
		}
		details, err := c.FeeDetails(xt)
		if err != nil || details.(map[string]any)["inclusion_fee"] == nil {
			t.Errorf("fee details %v %v", details, err)
		}
		if spec == wetee.ChainRPCNew { // the legacy watch runs in TestChainTransfer
			w, err := c.SubmitWatch(xt)
			if err != nil {
				t.Fatal(err)
			}
			out, err := w.Wait(wetee.TxInBlock, 60000)
			if err != nil || out["success"] != true {
				t.Errorf("in block: %v %v", out, err)
			}
			if out, err = w.Wait(wetee.TxFinalized, 60000); err != nil || out["status"] != "finalized" {
				t.Errorf("finalized: %v %v", out, err)
			}
			w.Close()
		}
		st, err := c.Stats()
		if err != nil {
			t.Fatal(err)
		}
		if spec == wetee.ChainRPCNew && (st["head_storage"] < 3 || st["head_calls"] < 3 || st["legacy_storage"] != 0) {
			t.Errorf("new spec counters %v", st)
		}
		if spec == wetee.ChainRPCLegacy && (st["head_storage"] != 0 || st["legacy_storage"] < 3 || st["legacy_calls"] < 3) {
			t.Errorf("legacy counters %v", st)
		}
		alice.Close()
		c.Close()
	}
}

// Block subscriptions: new blocks in order with their events, finalized
// blocks, a reorg on the legacy methods (retracted blocks), from the
// channel and from Next; Close ends the channel.
func TestChainBlocks(t *testing.T) {
	url := devnode(t)
	// the channel on the new spec, Next and a reorg on the legacy methods
	// (Chopsticks sends no pruned blocks on chainHead_v1 after dev_setHead)
	for _, spec := range []int{wetee.ChainRPCNew, wetee.ChainRPCLegacy} {
		c, err := wetee.ConnectChain(url, &wetee.ChainOptions{RPCSpec: spec})
		if err != nil {
			t.Fatal(err)
		}
		if spec == wetee.ChainRPCNew {
			blocksChannel(t, c)
		}
		if spec == wetee.ChainRPCLegacy {
			// a reorg: back two blocks, then a new block there
			sub2, err := c.SubscribeBlocks(false)
			if err != nil {
				t.Fatal(err)
			}
			// two blocks the subscription reports, then back below them
			base := headNumber(t, c)
			newBlocks(t, c, 2)
			for {
				ev, err := sub2.Next(30000)
				if err != nil {
					t.Fatal(err)
				}
				if ev.Kind == wetee.BlockNew && num(ev.Value["number"]) == base+2 {
					break
				}
			}
			head := base + 2
			if _, err := c.Request("dev_setHead", []any{head - 2}); err != nil {
				t.Fatal(err)
			}
			// a block with a remark (an empty one would be the abandoned block again)
			alice, _ := wetee.KeypairFromSURI(wetee.Sr25519, "//Alice")
			xt, err := c.Sign(alice, "System", "remark", map[string]any{"remark": "0x676f666f726b"}, 0)
			alice.Close()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.SubmitAndWatch(xt, wetee.TxInBlock, 30000); err != nil {
				t.Fatal(err)
			}
			retracted := 0
			for {
				ev, err := sub2.Next(30000)
				if err != nil {
					t.Fatalf("reorg: %v (retracted %d)", err, retracted)
				}
				if ev.Kind == wetee.BlockRetracted {
					retracted++
				}
				if ev.Kind == wetee.BlockNew && num(ev.Value["number"]) == head-1 && retracted > 0 {
					break
				}
			}
			if retracted != 2 {
				t.Errorf("reorg: %d retracted, want 2", retracted)
			}
			sub2.Close()
		}
		c.Close()
		if _, err := c.SubscribeBlocks(false); !errors.Is(err, wetee.ErrState) {
			t.Errorf("closed chain: %v", err)
		}
	}
}

// blocksChannel: two new blocks with their events and their finalization, from the Events channel; Close ends it
func blocksChannel(t *testing.T, c *wetee.Chain) {
	t.Helper()
	sub, err := c.SubscribeBlocks(true)
	if err != nil {
		t.Fatal(err)
	}
	start := headNumber(t, c)
	newBlocks(t, c, 2)
	var news []map[string]any
	finalized := int64(0)
	timeout := time.After(60 * time.Second)
	for len(news) < 2 || finalized < start+2 {
		select {
		case ev, ok := <-sub.Events():
			if !ok {
				t.Fatal("channel closed early")
			}
			if ev.Kind == wetee.BlockNew && num(ev.Value["number"]) > start {
				if _, ok := ev.Value["events"].([]any); !ok {
					t.Errorf("no events in %v", ev.Value)
				}
				news = append(news, ev.Value)
			}
			if ev.Kind == wetee.BlockFinalized && num(ev.Value["number"]) > finalized {
				finalized = num(ev.Value["number"])
			}
		case <-timeout:
			t.Fatalf("%d new, finalized %d", len(news), finalized)
		}
	}
	for i, b := range news {
		if num(b["number"]) != start+1+int64(i) || (i > 0 && b["parent"] != news[i-1]["hash"]) {
			t.Errorf("block %d: %v", i, b)
		}
	}
	sub.Close()
	if _, ok := <-sub.Events(); ok {
		// drain what was buffered; the channel must end
		for range sub.Events() {
		}
	}
}
