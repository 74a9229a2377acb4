package wetee

import (
	"encoding/hex"
	"encoding/json"
	"math/big"
	"runtime"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Toncenter is a client of the toncenter HTTP APIs (see wetee/toncenter.h):
// v2 to send a BOC, run get-methods and read account states, v3 to find the
// transaction or trace of a message by its hash. Safe for concurrent use
// (requests on one client are serialised). HTTP 429 answers are retried up
// to MaxRetries times after Retry-After or an exponential back-off. Errors
// are *Error with ErrNetwork (transport, HTTP, toncenter's error, the rate
// limit), ErrDecode, ErrNotFound (the indexer has no such message yet) or
// ErrUnsupported (a build without the network parts).
type Toncenter struct{ h uintptr }

// ToncenterOptions configures NewToncenter; the zero value of a field
// takes the default given with it.
type ToncenterOptions struct {
	V2URL        string // "": https://toncenter.com/api/v2
	V3URL        string // "": https://toncenter.com/api/v3
	APIKey       string // sent as X-API-Key; "": none
	TimeoutMs    uint   // 0: 15000
	MaxRetries   int    // retries after HTTP 429; negative: none, 0: 4
	BackoffMs    uint   // 0: 1000
	MaxBackoffMs uint   // 0: 10000
}

// ToncenterAccount is an account's state (v2 getAddressInformation).
type ToncenterAccount struct {
	Balance  *big.Int // nanotons
	State    string   // "uninitialized", "active" or "frozen"
	LastLt   uint64   // logical time of the last transaction (0: none)
	LastHash []byte   // hash of the last transaction
}

// ToncenterTx is a transaction found by the indexer, with its outcome.
type ToncenterTx struct {
	Account        string // raw address
	Hash           []byte
	Lt             uint64
	Utime          uint32
	Aborted        bool
	ComputeSuccess bool
	ExitCode       int
	ActionSuccess  bool
	Success        bool
}

// ToncenterTrace is the trace started by a message.
type ToncenterTrace struct {
	TraceID         []byte
	Complete        bool
	Transactions    uint32
	Failed          uint32
	PendingMessages uint32
}

func orDefault(v, d uint) uint {
	if v == 0 {
		return d
	}
	return v
}

// NewToncenter makes a client; nil options take every default.
func NewToncenter(o *ToncenterOptions) (*Toncenter, error) {
	if o == nil {
		o = &ToncenterOptions{}
	}
	retries := uint(4)
	if o.MaxRetries < 0 {
		retries = 0
	} else if o.MaxRetries > 0 {
		retries = uint(o.MaxRetries)
	}
	var h uintptr
	if err := check(cwetee.Toncenter_new(&h, o.V2URL, o.V3URL, o.APIKey, orDefault(o.TimeoutMs, 15000), retries,
		orDefault(o.BackoffMs, 1000), orDefault(o.MaxBackoffMs, 10000))); err != nil {
		return nil, err
	}
	c := &Toncenter{h: h}
	runtime.SetFinalizer(c, func(c *Toncenter) { c.Close() })
	return c, nil
}

// Close releases the client (also done by a finalizer).
func (c *Toncenter) Close() {
	if c.h != 0 {
		cwetee.Toncenter_free(c.h)
		c.h = 0
	}
}

// SendBoc sends an external message's BOC (sendBocReturnHash) and returns
// toncenter's 32-byte hash of it.
func (c *Toncenter) SendBoc(boc []byte) ([]byte, error) {
	out := make([]byte, 32)
	err := check(cwetee.Toncenter_send_boc(out, c.h, boc))
	runtime.KeepAlive(c)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// RunGetMethod runs a get-method; stack is toncenter's JSON list form (nil:
// none). It returns toncenter's result object (stack, exit_code, ...).
func (c *Toncenter) RunGetMethod(address, method string, stack []any) (map[string]any, error) {
	st := ""
	if stack != nil {
		b, err := json.Marshal(stack)
		if err != nil {
			return nil, &Error{Code: ErrInvalidArgument, Detail: "toncenter: stack: " + err.Error()}
		}
		st = string(b)
	}
	var text string
	err := check(cwetee.Toncenter_run_get_method(&text, c.h, address, method, st))
	runtime.KeepAlive(c)
	if err != nil {
		return nil, err
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		return nil, &Error{Code: ErrDecode, Detail: "toncenter: " + err.Error()}
	}
	return r, nil
}

// Seqno is a wallet's seqno (0 while the account is not deployed).
func (c *Toncenter) Seqno(address string) (uint32, error) {
	var v uint32
	err := check(cwetee.Toncenter_seqno(&v, c.h, address))
	runtime.KeepAlive(c)
	return v, err
}

// JettonWalletAddress is the owner's jetton wallet from the master's
// get_wallet_address (raw form).
func (c *Toncenter) JettonWalletAddress(master, owner string) (string, error) {
	var s string
	err := check(cwetee.Toncenter_jetton_wallet_address(&s, c.h, master, owner))
	runtime.KeepAlive(c)
	return s, err
}

func (c *Toncenter) decode(status string, text string, v any) error {
	runtime.KeepAlive(c)
	if err := check(status); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(text), v); err != nil {
		return &Error{Code: ErrInternal, Detail: "toncenter: binding JSON: " + err.Error()}
	}
	return nil
}

func checkHash32(h []byte) error {
	if len(h) != 32 {
		return &Error{Code: ErrInvalidArgument, Detail: "toncenter: message hash must be 32 bytes"}
	}
	return nil
}

func unhex(s string) []byte {
	b, _ := hex.DecodeString(s)
	return b
}

// Account reads an account's balance, state and last transaction.
func (c *Toncenter) Account(address string) (*ToncenterAccount, error) {
	var text string
	var j struct {
		Balance  string `json:"balance"`
		State    string `json:"state"`
		LastLt   uint64 `json:"last_lt,string"`
		LastHash string `json:"last_hash"`
	}
	status := cwetee.Toncenter_account_info(&text, c.h, address)
	if err := c.decode(status, text, &j); err != nil {
		return nil, err
	}
	bal, ok := new(big.Int).SetString(j.Balance, 10)
	if !ok {
		return nil, &Error{Code: ErrInternal, Detail: "toncenter: binding JSON: balance"}
	}
	return &ToncenterAccount{Balance: bal, State: j.State, LastLt: j.LastLt, LastHash: unhex(j.LastHash)}, nil
}

// FindTransaction finds the transaction that processed the message with
// this hash (for an external message, its TEP-467 normalised hash).
func (c *Toncenter) FindTransaction(msgHash []byte) (*ToncenterTx, error) {
	if err := checkHash32(msgHash); err != nil {
		return nil, err
	}
	var text string
	var j tcTxJSON
	status := cwetee.Toncenter_find_transaction(&text, c.h, msgHash)
	if err := c.decode(status, text, &j); err != nil {
		return nil, err
	}
	return j.tx(), nil
}

// FindTrace finds the trace started by the message with this hash.
func (c *Toncenter) FindTrace(msgHash []byte) (*ToncenterTrace, error) {
	if err := checkHash32(msgHash); err != nil {
		return nil, err
	}
	var text string
	var j struct {
		TraceID         string `json:"trace_id"`
		Complete        bool   `json:"complete"`
		Transactions    uint32 `json:"transactions"`
		Failed          uint32 `json:"failed"`
		PendingMessages uint32 `json:"pending_messages"`
	}
	status := cwetee.Toncenter_find_trace(&text, c.h, msgHash)
	if err := c.decode(status, text, &j); err != nil {
		return nil, err
	}
	return &ToncenterTrace{TraceID: unhex(j.TraceID), Complete: j.Complete, Transactions: j.Transactions,
		Failed: j.Failed, PendingMessages: j.PendingMessages}, nil
}
