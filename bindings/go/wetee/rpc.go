package wetee

import (
	"encoding/json"
	"errors"
	"runtime"
	"sync"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// JSON-RPC client (wetee/rpc.h): WebSocket and HTTP transports, many
// requests in flight, per-request timeouts, subscriptions resumed after a
// reconnect, reconnection with backoff and jitter, failover between
// endpoints. An Rpc is safe for concurrent use by many goroutines.
//
//	rpc, err := wetee.NewRpc("ws://127.0.0.1:9944", wetee.RpcOptions{RequestTimeoutMs: 5000})
//	defer rpc.Close()
//	var genesis string
//	err = rpc.Call(&genesis, "chain_getBlockHash", []any{0})
//	sub, err := rpc.Subscribe("chain_subscribeNewHeads", nil, "chain_unsubscribeNewHeads", false)
//	ev, err := sub.Next(0) // ev.Kind, ev.Value (raw JSON)

// RpcOptions are the options of NewRpc; zero values take the library's
// defaults (see wetee_rpc_options).
type RpcOptions struct {
	ConnectTimeoutMs   uint32
	RequestTimeoutMs   uint32
	CAFile             string // PEM bundle instead of the system's trust store
	MaxMessageBytes    uint64
	ReconnectInitialMs uint32
	ReconnectMaxMs     uint32
	ReconnectLimit     int32 // failed attempts in a row before giving up; negative: never reconnect
	CheckGenesis       bool  // every endpoint must serve the first one's genesis hash
	Lazy               bool  // return at once; connect in the background
	NoJitter           bool
}

// Subscription event kinds (wetee_rpc_sub_kind).
const (
	RpcNotification = 0 // a notification; Value is its result
	RpcLost         = 1 // the connection was lost; notifications may be missed
	RpcResubscribed = 2 // active again on a new connection; Value is the new id
	RpcClosed       = 3 // ended for good
)

// RpcTransports returns the mask of transports this build has: 1 WebSocket,
// 2 HTTP, 4 application transports (always).
func RpcTransports() uint { return cwetee.Rpc_transports() }

// Rpc is a JSON-RPC client. Close frees it (a finalizer does it for one
// never closed).
type Rpc struct {
	mu   sync.RWMutex
	h    uintptr
	subs map[*RpcSubscription]struct{}
	smu  sync.Mutex
}

// NewRpc connects to one or more endpoints (space- or comma-separated URLs,
// all WebSocket or all HTTP).
func NewRpc(urls string, o RpcOptions) (*Rpc, error) {
	var flags uint
	if o.CheckGenesis {
		flags |= cwetee.RPC_CHECK_GENESIS
	}
	if o.Lazy {
		flags |= cwetee.RPC_LAZY_CONNECT
	}
	if o.NoJitter {
		flags |= cwetee.RPC_NO_JITTER
	}
	var h uintptr
	if err := check(cwetee.Rpc_open(&h, urls, flags, uint(o.ConnectTimeoutMs), uint(o.RequestTimeoutMs), o.CAFile,
		o.MaxMessageBytes, uint(o.ReconnectInitialMs), uint(o.ReconnectMaxMs), int(o.ReconnectLimit))); err != nil {
		if h != 0 {
			cwetee.Rpc_free(h)
		}
		return nil, err
	}
	r := &Rpc{h: h, subs: map[*RpcSubscription]struct{}{}}
	runtime.SetFinalizer(r, (*Rpc).Close)
	return r, nil
}

// Close ends the subscriptions, then the client; in-flight calls fail with
// ErrNetwork. It may be called more than once and always returns nil.
func (r *Rpc) Close() error {
	if r == nil {
		return nil
	}
	r.smu.Lock()
	subs := make([]*RpcSubscription, 0, len(r.subs))
	for s := range r.subs {
		subs = append(subs, s)
	}
	r.smu.Unlock()
	for _, s := range subs {
		s.Close()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.h != 0 {
		cwetee.Rpc_free(r.h)
		r.h = 0
		runtime.SetFinalizer(r, nil)
	}
	return nil
}

func (r *Rpc) use(f func(h uintptr) error) error {
	if r == nil {
		return newError(ErrInvalidArgument, "rpc: nil *Rpc")
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.h == 0 {
		return newError(ErrState, "rpc: closed")
	}
	return f(r.h)
}

func paramsText(params any) (string, error) {
	switch p := params.(type) {
	case nil:
		return "", nil
	case string:
		return p, nil
	case json.RawMessage:
		return string(p), nil
	}
	b, err := json.Marshal(params)
	if err != nil {
		return "", newError(ErrInvalidArgument, "rpc: params: "+err.Error())
	}
	return string(b), nil
}

// CallRaw sends a request with params (nil, JSON text, or a value for
// encoding/json) and returns the result as the JSON text the server wrote.
// timeoutMs 0: the client's default. ErrRPC for the server's error object,
// ErrTimeout, ErrNetwork when the connection was lost (never resent).
func (r *Rpc) CallRaw(method string, params any, timeoutMs uint32) (json.RawMessage, error) {
	text, err := paramsText(params)
	if err != nil {
		return nil, err
	}
	var out string
	err = r.use(func(h uintptr) error { return check(cwetee.Rpc_call(&out, h, method, text, uint(timeoutMs))) })
	if err != nil {
		return nil, err
	}
	return json.RawMessage(out), nil
}

// Call is CallRaw with the result decoded into result (a pointer, or nil
// to discard it).
func (r *Rpc) Call(result any, method string, params any) error {
	raw, err := r.CallRaw(method, params, 0)
	if err != nil || result == nil {
		return err
	}
	return json.Unmarshal(raw, result)
}

// Reconnect starts connecting again after the client gave up.
func (r *Rpc) Reconnect() error {
	return r.use(func(h uintptr) error { return check(cwetee.Rpc_reconnect(h)) })
}

// Stats returns the client's counters (wetee_rpc_stats) as a map.
func (r *Rpc) Stats() (map[string]any, error) {
	var text string
	if err := r.use(func(h uintptr) error { return check(cwetee.Rpc_stats_json(&text, h)) }); err != nil {
		return nil, err
	}
	m := map[string]any{}
	return m, json.Unmarshal([]byte(text), &m)
}

// URL returns the URL of the current (or last) endpoint.
func (r *Rpc) URL() (string, error) {
	var text string
	err := r.use(func(h uintptr) error { return check(cwetee.Rpc_current_url(&text, h)) })
	return text, err
}

// GenesisHash returns the genesis hash found with CheckGenesis ("0x...").
func (r *Rpc) GenesisHash() (string, error) {
	var text, hash string
	if err := r.use(func(h uintptr) error { return check(cwetee.Rpc_genesis_hash(&text, h)) }); err != nil {
		return "", err
	}
	return hash, json.Unmarshal([]byte(text), &hash)
}

// RpcEvent is one event of a subscription.
type RpcEvent struct {
	Kind  int             // RpcNotification, RpcLost, RpcResubscribed or RpcClosed
	Value json.RawMessage // the notification's result, or the new id; nil otherwise
}

// RpcSubscription is one subscription of an Rpc; Next returns its events.
type RpcSubscription struct {
	mu  sync.RWMutex
	h   uintptr
	rpc *Rpc
}

// Subscribe sends method with params and returns the subscription;
// unsubscribe names the method that ends it ("" for none). noResubscribe:
// close it instead of subscribing again after a reconnect (for calls with
// an effect, such as author_submitAndWatchExtrinsic).
func (r *Rpc) Subscribe(method string, params any, unsubscribe string, noResubscribe bool) (*RpcSubscription, error) {
	text, err := paramsText(params)
	if err != nil {
		return nil, err
	}
	var flags uint
	if noResubscribe {
		flags = cwetee.RPC_SUB_NO_RESUBSCRIBE
	}
	var q uintptr
	err = r.use(func(h uintptr) error {
		return check(cwetee.Rpc_queue_subscribe(&q, h, method, text, unsubscribe, flags, 0))
	})
	if err != nil {
		return nil, err
	}
	s := &RpcSubscription{h: q, rpc: r}
	r.smu.Lock()
	r.subs[s] = struct{}{}
	r.smu.Unlock()
	runtime.SetFinalizer(s, (*RpcSubscription).Close)
	return s, nil
}

// ErrSubscriptionClosed is returned by Next once the subscription has ended
// and every event has been taken.
var ErrSubscriptionClosed = errors.New("rpc: subscription closed")

// Next waits for the next event, up to timeoutMs (0: until one comes or the
// subscription is closed). ErrTimeout when none came in time.
func (s *RpcSubscription) Next(timeoutMs uint32) (RpcEvent, error) {
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
			return RpcEvent{}, ErrSubscriptionClosed
		}
		err := check(cwetee.Rpc_queue_next(&kind, &text, s.h, uint(wait)))
		s.mu.RUnlock()
		var e *Error
		if errors.As(err, &e) && e.Code == ErrState {
			return RpcEvent{}, ErrSubscriptionClosed
		}
		if errors.As(err, &e) && e.Code == ErrTimeout {
			if timeoutMs == 0 {
				continue
			}
			if timeoutMs > wait {
				timeoutMs -= wait
				continue
			}
			return RpcEvent{}, err
		}
		if err != nil {
			return RpcEvent{}, err
		}
		ev := RpcEvent{Kind: int(kind)}
		if text != "" {
			ev.Value = json.RawMessage(text)
		}
		return ev, nil
	}
}

// ID returns the current server-side subscription id (JSON text).
func (s *RpcSubscription) ID() (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.h == 0 {
		return "", ErrSubscriptionClosed
	}
	var text string
	return text, check(cwetee.Rpc_queue_id(&text, s.h))
}

// Renew subscribes again (e.g. after chainHead_v1's stop event).
func (s *RpcSubscription) Renew() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.h == 0 {
		return ErrSubscriptionClosed
	}
	return check(cwetee.Rpc_queue_renew(s.h, 0))
}

// Close unsubscribes. It may be called more than once and always returns nil.
func (s *RpcSubscription) Close() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	if s.h != 0 {
		cwetee.Rpc_queue_free(s.h)
		s.h = 0
		runtime.SetFinalizer(s, nil)
	}
	s.mu.Unlock()
	s.rpc.smu.Lock()
	delete(s.rpc.subs, s)
	s.rpc.smu.Unlock()
	return nil
}
