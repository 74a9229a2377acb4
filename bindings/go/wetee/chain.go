package wetee

import (
	"encoding/hex"
	"encoding/json"
	"errors"
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
	mu   sync.RWMutex
	h    uintptr
	smu  sync.Mutex
	subs map[*BlockSubscription]struct{}
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
	c := &Chain{h: h, subs: map[*BlockSubscription]struct{}{}}
	runtime.SetFinalizer(c, (*Chain).Close)
	return c, nil
}

// Close disconnects (closing its block subscriptions first). Calls made
// after it return ErrState.
func (c *Chain) Close() error {
	if c == nil {
		return nil
	}
	c.smu.Lock()
	subs := make([]*BlockSubscription, 0, len(c.subs))
	for s := range c.subs {
		subs = append(subs, s)
	}
	c.smu.Unlock()
	for _, s := range subs {
		s.Close()
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

// FeeDetails returns TransactionPaymentApi.query_fee_details of a signed extrinsic.
func (c *Chain) FeeDetails(extrinsic []byte) (any, error) {
	return c.jsonCall(func(h uintptr, t *string) string { return cwetee.Chain_fee_details_json(t, h, extrinsic) })
}

// EstimateFee returns the partial_fee of FeeInfo: the fee without the tip.
func (c *Chain) EstimateFee(extrinsic []byte) (*big.Int, error) {
	w := []uint64{0, 0}
	err := c.use(func(h uintptr) error { return check(cwetee.Chain_estimate_fee(w, h, extrinsic)) })
	if err != nil {
		return nil, err
	}
	return fromWords(w), nil
}

// StorageEntries returns one page of a storage map: up to count entries
// ({"key", "keys", "value"}) under prefixKeys (nil for the whole map), in
// key order, after startKey ("" for the first page; else the last "key"
// of the previous page), at a block ("" for the best block).
func (c *Chain) StorageEntries(pallet, entry string, prefixKeys []any, count uint, startKey, at string) ([]any, error) {
	k, err := optJSON(prefixKeys)
	if err != nil {
		return nil, err
	}
	v, err := c.jsonCall(func(h uintptr, t *string) string {
		return cwetee.Chainb_entries_json(t, h, pallet, entry, k, count, startKey, at)
	})
	if err != nil {
		return nil, err
	}
	page, _ := v.([]any)
	return page, nil
}

// StorageRaw returns the raw value of a storage key (0x-hex) at a block
// ("" for the best block); found is false when the key has no value.
func (c *Chain) StorageRaw(key, at string) (value []byte, found bool, err error) {
	v, err := c.jsonCall(func(h uintptr, t *string) string { return cwetee.Chainb_storage_raw(t, h, key, at) })
	if err != nil || v == nil {
		return nil, false, err
	}
	s, _ := v.(string)
	value, err = hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil {
		return nil, false, newError(ErrDecode, "chain: "+err.Error())
	}
	return value, true, nil
}

// BlockHash returns the hash of block number (-1: the best block, -2: the last finalized).
func (c *Chain) BlockHash(number int64) (out [32]byte, err error) {
	err = c.use(func(h uintptr) error { return check(cwetee.Chainb_block_hash(out[:], h, number)) })
	return out, err
}

// Header returns a block header as the node gives it (chain_getHeader; at "" for the best block).
func (c *Chain) Header(at string) (any, error) {
	return c.jsonCall(func(h uintptr, t *string) string { return cwetee.Chainb_header_json(t, h, at) })
}

// Stats returns the chain's counters: which JSON-RPC methods served its
// reads (head_storage, head_calls, legacy_storage, legacy_calls,
// head_fallbacks, head_continues, follow_renewals, unpinned, upgrades).
func (c *Chain) Stats() (map[string]uint64, error) {
	var text string
	if err := c.use(func(h uintptr) error { return check(cwetee.Chainb_stats_json(&text, h)) }); err != nil {
		return nil, err
	}
	m := map[string]uint64{}
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		return nil, newError(ErrDecode, "chain: "+err.Error())
	}
	return m, nil
}

// ChainWatch is a submitted transaction being watched (SubmitWatch).
type ChainWatch struct {
	mu sync.Mutex
	h  uintptr
	c  *Chain
}

// SubmitWatch submits an extrinsic and starts watching it; Wait gives its
// outcome. Close the watch when done (a finalizer does it otherwise).
func (c *Chain) SubmitWatch(extrinsic []byte) (*ChainWatch, error) {
	var w uintptr
	if err := c.use(func(h uintptr) error { return check(cwetee.Chainb_submit_watch(&w, h, extrinsic)) }); err != nil {
		return nil, err
	}
	cw := &ChainWatch{h: w, c: c}
	runtime.SetFinalizer(cw, (*ChainWatch).Close)
	return cw, nil
}

// Wait waits until the transaction is in a block (TxInBlock) or finalized
// (TxFinalized); the outcome as SubmitAndWatch gives it. It may be called
// again with a later state.
func (w *ChainWatch) Wait(until int, timeoutMs uint) (map[string]any, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.h == 0 {
		return nil, newError(ErrState, "chain: watch closed")
	}
	var text string
	err := w.c.use(func(uintptr) error { return check(cwetee.Chain_watch_wait(&text, w.h, until, timeoutMs)) })
	return outcome(text, err)
}

// Close stops watching. It may be called more than once.
func (w *ChainWatch) Close() error {
	if w == nil {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.h != 0 {
		cwetee.Chain_watch_free(w.h)
		w.h = 0
		runtime.SetFinalizer(w, nil)
	}
	return nil
}

// What a block subscription reports (BlockEvent.Kind).
const (
	BlockNew       = 1 // a new best block: hash, number, parent (events with withEvents)
	BlockFinalized = 2 // a block was finalized
	BlockRetracted = 3 // a block reported before left the best chain: its events are withdrawn
	BlockGap       = 4 // blocks may have been missed (from, to, reason)
	BlockStopped   = 5 // the subscription ended (reason); nothing follows
)

// BlockEvent is one report of a block subscription.
type BlockEvent struct {
	Kind  int            // BlockNew, BlockFinalized, BlockRetracted, BlockGap or BlockStopped
	Value map[string]any // {"hash", "number", "parent", "events"}, or {"from", "to", "reason"}, {"reason"}
}

// BlockSubscription follows a chain's blocks (SubscribeBlocks): new best
// blocks in order (a parent before its child), finalized blocks, and blocks
// retracted by a reorg. Read it with Next or from the channel of Events.
type BlockSubscription struct {
	mu   sync.RWMutex
	h    uintptr
	c    *Chain
	once sync.Once
	ch   chan BlockEvent
	done chan struct{}
}

// SubscribeBlocks follows the chain's blocks; withEvents: give each new
// block's events.
func (c *Chain) SubscribeBlocks(withEvents bool) (*BlockSubscription, error) {
	var flags uint
	if withEvents {
		flags = cwetee.FOLLOW_EVENTS
	}
	var q uintptr
	if err := c.use(func(h uintptr) error { return check(cwetee.Chain_blockq_subscribe(&q, h, flags)) }); err != nil {
		return nil, err
	}
	s := &BlockSubscription{h: q, c: c, done: make(chan struct{})}
	c.smu.Lock()
	c.subs[s] = struct{}{}
	c.smu.Unlock()
	runtime.SetFinalizer(s, (*BlockSubscription).Close)
	return s, nil
}

// Next waits for the next report, up to timeoutMs (0: until one comes or
// the subscription ends). ErrTimeout when none came in time;
// ErrSubscriptionClosed after BlockStopped was taken or after Close.
func (s *BlockSubscription) Next(timeoutMs uint32) (BlockEvent, error) {
	for {
		wait := timeoutMs
		if wait == 0 || wait > 200 {
			wait = 200 // wake up now and then so that Close never waits long
		}
		var kind uint32
		var text string
		s.mu.RLock()
		if s.h == 0 {
			s.mu.RUnlock()
			return BlockEvent{}, ErrSubscriptionClosed
		}
		err := check(cwetee.Chain_blockq_next(&kind, &text, s.h, uint(wait)))
		s.mu.RUnlock()
		var e *Error
		if errors.As(err, &e) && e.Code == ErrState {
			return BlockEvent{}, ErrSubscriptionClosed
		}
		if errors.As(err, &e) && e.Code == ErrTimeout {
			if timeoutMs == 0 {
				continue
			}
			if timeoutMs > wait {
				timeoutMs -= wait
				continue
			}
			return BlockEvent{}, err
		}
		if err != nil {
			return BlockEvent{}, err
		}
		ev := BlockEvent{Kind: int(kind)}
		d := json.NewDecoder(strings.NewReader(text))
		d.UseNumber()
		if err := d.Decode(&ev.Value); err != nil {
			return BlockEvent{}, newError(ErrDecode, "chain: "+err.Error())
		}
		return ev, nil
	}
}

// Events returns a channel that receives the reports; it is closed after
// BlockStopped or when the subscription is closed. Use either Events or
// Next, not both.
func (s *BlockSubscription) Events() <-chan BlockEvent {
	s.once.Do(func() {
		s.ch = make(chan BlockEvent, 16)
		go func() {
			defer close(s.ch)
			for {
				ev, err := s.Next(0)
				if err != nil {
					return
				}
				select {
				case s.ch <- ev:
				case <-s.done:
					return
				}
				if ev.Kind == BlockStopped {
					return
				}
			}
		}()
	})
	return s.ch
}

// Close stops following. It may be called more than once and always returns nil.
func (s *BlockSubscription) Close() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	if s.h != 0 {
		close(s.done)
		cwetee.Chain_blockq_free(s.h)
		s.h = 0
		runtime.SetFinalizer(s, nil)
	}
	s.mu.Unlock()
	s.c.smu.Lock()
	delete(s.c.subs, s)
	s.c.smu.Unlock()
	return nil
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
