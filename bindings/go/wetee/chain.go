package wetee

import (
	"encoding/json"
	"math/big"
	"runtime"
	"strings"
	"sync"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Chain client (wetee/chain.h): a connection to a Substrate node with its
// genesis hash, runtime version, metadata and properties; state reads,
// fees, transactions signed with the chain's nonce, submit and watch.
//
//	c, err := wetee.ConnectChain("ws://127.0.0.1:9944", nil)
//	defer c.Close()
//	free, _ := c.Balance(aliceAddress)
//	outcome, err := c.Transfer(alice, bobAddress, big.NewInt(1e12), false, wetee.TxFinalized, 60000)
//
// A Chain may be used from several goroutines. Values are given and
// returned as JSON-compatible Go values (maps, slices, numbers, strings).

// JSON-RPC spec choices of ChainOptions.RPCSpec.
const (
	ChainRPCAuto   = 0
	ChainRPCLegacy = 1
	ChainRPCNew    = 2
)

// States a watch waits for.
const (
	TxInBlock   = 3
	TxFinalized = 5
)

// ChainOptions are the options of ConnectChain; the zero value is the default.
type ChainOptions struct {
	RPCSpec      int    // ChainRPCAuto, ChainRPCLegacy or ChainRPCNew
	MetadataPath string // read the metadata from this file instead of the node
	CacheDir     string // keep fetched metadata here, per spec version
	TimeoutMs    uint   // deadline of each request; 0: the default
}

// Chain is a connection to a chain. Close frees it (a finalizer does it
// for one never closed).
type Chain struct {
	mu sync.RWMutex
	h  uintptr
}

// ConnectChain connects to one or more endpoints (space or comma separated).
func ConnectChain(urls string, opts *ChainOptions) (*Chain, error) {
	var o ChainOptions
	if opts != nil {
		o = *opts
	}
	var h uintptr
	if err := check(cwetee.Chainb_connect(&h, urls, o.RPCSpec, o.MetadataPath, o.CacheDir, o.TimeoutMs)); err != nil {
		if h != 0 {
			cwetee.Chain_free(h)
		}
		return nil, err
	}
	c := &Chain{h: h}
	runtime.SetFinalizer(c, (*Chain).Close)
	return c, nil
}

// Close disconnects. Calls made after it return ErrState.
func (c *Chain) Close() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.h != 0 {
		cwetee.Chain_free(c.h)
		c.h = 0
	}
	return nil
}

func (c *Chain) use(f func(h uintptr) error) error {
	if c == nil {
		return newError(ErrInvalidArgument, "chain: nil *Chain")
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.h == 0 {
		return newError(ErrState, "chain: closed")
	}
	return f(c.h)
}

func (c *Chain) jsonCall(f func(h uintptr, text *string) string) (any, error) {
	var text string
	err := c.use(func(h uintptr) error { return check(f(h, &text)) })
	if err != nil {
		return nil, err
	}
	var v any
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return nil, newError(ErrDecode, "chain: "+err.Error())
	}
	return v, nil
}

func optJSON(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", newError(ErrInvalidArgument, "chain: "+err.Error())
	}
	return string(b), nil
}

// GenesisHash returns the chain's genesis hash.
func (c *Chain) GenesisHash() (out [32]byte, err error) {
	err = c.use(func(h uintptr) error { return check(cwetee.Chainb_genesis_hash(out[:], h)) })
	return out, err
}

// RuntimeVersion returns the spec and transaction versions last read.
func (c *Chain) RuntimeVersion() (spec, tx uint32, err error) {
	err = c.use(func(h uintptr) error {
		spec, tx = uint32(cwetee.Chainb_spec_version(h)), uint32(cwetee.Chainb_transaction_version(h))
		return nil
	})
	return spec, tx, err
}

// Properties returns the SS58 prefix, token decimals and symbol.
func (c *Chain) Properties() (ss58 uint16, decimals uint, symbol string, err error) {
	err = c.use(func(h uintptr) error {
		ss58, decimals = uint16(cwetee.Chainb_ss58(h)), cwetee.Chainb_decimals(h)
		return check(cwetee.Chainb_symbol(&symbol, h))
	})
	return ss58, decimals, symbol, err
}

// UsesNewRPC reports whether the new JSON-RPC spec (chainHead_v1, transaction_v1) is used.
func (c *Chain) UsesNewRPC() bool {
	var r bool
	_ = c.use(func(h uintptr) error { r = cwetee.Chainb_uses_new_rpc(h) != 0; return nil })
	return r
}

// Refresh reads the runtime version again; true after a runtime upgrade.
func (c *Chain) Refresh() (upgraded bool, err error) {
	err = c.use(func(h uintptr) error {
		var u int
		e := check(cwetee.Chain_refresh(&u, h))
		upgraded = u != 0
		return e
	})
	return upgraded, err
}

// Request calls any JSON-RPC method; params nil for none.
func (c *Chain) Request(method string, params any) (any, error) {
	p, err := optJSON(params)
	if err != nil {
		return nil, err
	}
	return c.jsonCall(func(h uintptr, t *string) string { return cwetee.Chainb_request(t, h, method, p) })
}

// AccountNonce returns the account's next nonce (system_accountNextIndex).
func (c *Chain) AccountNonce(address string) (n uint64, err error) {
	err = c.use(func(h uintptr) error { return check(cwetee.Chain_account_nonce(&n, h, address)) })
	return n, err
}

// Balance returns the free balance of an account at the best block.
func (c *Chain) Balance(address string) (*big.Int, error) {
	w := []uint64{0, 0}
	err := c.use(func(h uintptr) error { return check(cwetee.Chain_balance(w, h, address)) })
	if err != nil {
		return nil, err
	}
	return fromWords(w), nil
}

// Storage reads pallet.entry with its keys (nil for a plain value) at a
// block ("" for the best block), decoded.
func (c *Chain) Storage(pallet, entry string, keys []any, at string) (any, error) {
	k, err := optJSON(keys)
	if err != nil {
		return nil, err
	}
	return c.jsonCall(func(h uintptr, t *string) string { return cwetee.Chainb_storage_json(t, h, pallet, entry, k, at) })
}

// Constant returns a pallet constant, decoded.
func (c *Chain) Constant(pallet, name string) (any, error) {
	return c.jsonCall(func(h uintptr, t *string) string { return cwetee.Chainb_constant_json(t, h, pallet, name) })
}

// RuntimeCall calls a runtime API method by name with its arguments in order.
func (c *Chain) RuntimeCall(api, method string, args []any, at string) (any, error) {
	a, err := optJSON(args)
	if err != nil {
		return nil, err
	}
	return c.jsonCall(func(h uintptr, t *string) string { return cwetee.Chainb_runtime_call_json(t, h, api, method, a, at) })
}

// Events returns the events of a block ("" for the best block).
func (c *Chain) Events(at string) (any, error) {
	return c.jsonCall(func(h uintptr, t *string) string { return cwetee.Chainb_events_json(t, h, at) })
}

// Sign builds pallet.call(args) for the current runtime and signs it with
// the chain's nonce for kp (mortal from the best block when mortalPeriod > 0).
func (c *Chain) Sign(kp *Keypair, pallet, call string, args any, mortalPeriod uint64) ([]byte, error) {
	a, err := optJSON(args)
	if err != nil {
		return nil, err
	}
	var out []byte
	err = c.use(func(h uintptr) error {
		return kp.use(func(kh uintptr) error {
			return check(cwetee.Chainb_sign_call(&out, h, pallet, call, a, kh, mortalPeriod))
		})
	})
	return out, err
}

// FeeInfo returns TransactionPaymentApi.query_info of a signed extrinsic.
func (c *Chain) FeeInfo(extrinsic []byte) (any, error) {
	return c.jsonCall(func(h uintptr, t *string) string { return cwetee.Chain_fee_info_json(t, h, extrinsic) })
}

// Submit sends an extrinsic without watching it; the transaction hash.
func (c *Chain) Submit(extrinsic []byte) (hash [32]byte, err error) {
	err = c.use(func(h uintptr) error { return check(cwetee.Chainb_submit(hash[:], h, extrinsic)) })
	return hash, err
}

// SubmitAndWatch submits an extrinsic and waits until it is in a block
// (TxInBlock) or finalized (TxFinalized); the outcome (status, block,
// success, error with pallet and error name, events). ErrRPC when the node
// reports it invalid or dropped.
func (c *Chain) SubmitAndWatch(extrinsic []byte, until int, timeoutMs uint) (map[string]any, error) {
	var text string
	err := c.use(func(h uintptr) error {
		var w uintptr
		if err := check(cwetee.Chainb_submit_watch(&w, h, extrinsic)); err != nil {
			return err
		}
		defer cwetee.Chain_watch_free(w)
		return check(cwetee.Chain_watch_wait(&text, w, until, timeoutMs))
	})
	return outcome(text, err)
}

// Transfer sends amount with Balances.transfer_keep_alive (transfer_allow_death
// when allowDeath) and watches it; the outcome as SubmitAndWatch gives it.
func (c *Chain) Transfer(kp *Keypair, dest string, amount *big.Int, allowDeath bool, until int, timeoutMs uint) (map[string]any, error) {
	w, err := u128Words(amount)
	if err != nil {
		return nil, err
	}
	death := 0
	if allowDeath {
		death = 1
	}
	var text string
	err = c.use(func(h uintptr) error {
		return kp.use(func(kh uintptr) error {
			return check(cwetee.Chainb_transfer(&text, h, kh, dest, w, death, until, timeoutMs))
		})
	})
	return outcome(text, err)
}

func outcome(text string, err error) (map[string]any, error) {
	if text == "" {
		return nil, err
	}
	var m map[string]any
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	if e := d.Decode(&m); e != nil && err == nil {
		err = newError(ErrDecode, "chain: "+e.Error())
	}
	return m, err
}
