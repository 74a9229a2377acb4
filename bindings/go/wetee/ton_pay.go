package wetee

import (
	"encoding/json"
	"math/big"
	"runtime"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// TON payments with a memo (wetee/ton.h "Payments") and their confirmation
// through toncenter (wetee_toncenter_confirm).

// Default amounts of a jetton payment (nanotons): attached to the message to
// the payer's jetton wallet, and forwarded with the notification that
// carries the memo.
const (
	TonJettonAttachedDefault = 50000000
	TonJettonForwardDefault  = 1
	TonMemoMaxBytes          = 1024
)

// TonPaymentOptions are the options of TonPaymentMessage; the zero value
// gives the defaults (bounceable, query id 0, TonJettonAttachedDefault and
// TonJettonForwardDefault, excess to the payer).
type TonPaymentOptions struct {
	NonBounceable       bool     // coin payments: credit even an account that is not deployed
	QueryID             uint64   // jetton transfer query_id
	JettonTonAmount     *big.Int // nil: TonJettonAttachedDefault
	ForwardTonAmount    *big.Int // nil: TonJettonForwardDefault
	ResponseDestination string   // "": the payer
}

// TonPaymentMessage builds the internal message of a payment with a memo:
// a coin payment of amount nanotons to `to` when jettonWallet is "", else a
// TEP-74 jetton transfer of amount base units to the owner `to`, sent to
// the payer's jetton wallet (the memo in the forward payload). payer is the
// paying wallet's address (needed for jetton payments). opts may be nil.
func TonPaymentMessage(payer, jettonWallet, to string, amount *big.Int, memo string, opts *TonPaymentOptions) (*TonCell, error) {
	if opts == nil {
		opts = &TonPaymentOptions{}
	}
	aw, err := u128Words(amount)
	if err != nil {
		return nil, err
	}
	att := opts.JettonTonAmount
	if att == nil {
		att = big.NewInt(TonJettonAttachedDefault)
	}
	fwd := opts.ForwardTonAmount
	if fwd == nil {
		fwd = big.NewInt(TonJettonForwardDefault)
	}
	attw, err := u128Words(att)
	if err != nil {
		return nil, err
	}
	fwdw, err := u128Words(fwd)
	if err != nil {
		return nil, err
	}
	bounce := 1
	if opts.NonBounceable {
		bounce = 0
	}
	var h uintptr
	return newTonCell(cwetee.Ton_payment_message(&h, to, aw, memo, jettonWallet, payer, bounce, opts.QueryID, attw, fwdw,
		opts.ResponseDestination), h)
}

// TonPaymentMemo reads the memo of a payment: the comment of a coin
// transfer or the comment in a jetton transfer's (or notification's)
// forward payload; isMessage when cell is a whole internal message.
// ErrNotFound when the body carries no comment.
func TonPaymentMemo(cell *TonCell, isMessage bool) (string, error) {
	var s string
	m := 0
	if isMessage {
		m = 1
	}
	err := check(cwetee.Ton_payment_memo(&s, cell.handle(), m))
	runtime.KeepAlive(cell)
	return s, err
}

// SignPayment signs one message (e.g. from TonPaymentMessage) for the
// wallet (seqno 0 deploys it) and returns the external message to send and
// its TEP-467 normalised hash, by which Toncenter.Confirm tracks it.
func (w *TonWallet) SignPayment(secret []byte, seqno, validUntil uint32, mode uint, message *TonCell) (*TonCell, []byte, error) {
	if len(secret) != 64 {
		return nil, nil, &Error{Code: ErrInvalidArgument, Detail: "ton: secret must be 64 bytes"}
	}
	var h uintptr
	norm := make([]byte, 32)
	defer runtime.KeepAlive(w)
	defer runtime.KeepAlive(message)
	c, err := newTonCell(cwetee.Ton_wallet_sign_payment(&h, norm, w.h, secret, uint(seqno), uint(validUntil), mode, message.handle()), h)
	if err != nil {
		return nil, nil, err
	}
	return c, norm, nil
}

// ToncenterMsg is a message of a transaction as the v3 indexer lists it.
type ToncenterMsg struct {
	Hash        []byte
	Source      string // raw address; "" for an inbound external message
	Destination string // raw address; "" for an outbound external message
	Value       *big.Int
	CreatedLt   uint64
	Bounce      bool
	Bounced     bool
	Opcode      int64 // -1: none
}

// ToncenterConfirmation is what Confirm found: Status is "unknown",
// "pending", "confirmed", "failed" or "bounced"; Error the detail of a
// timeout, failure or bounce; nil fields were not found.
type ToncenterConfirmation struct {
	Status   string
	Error    string
	Hops     uint
	WalletTx *ToncenterTx
	Payment  *ToncenterMsg
	LastTx   *ToncenterTx
	Bounce   *ToncenterMsg
}

type tcTxJSON struct {
	Account        string `json:"account"`
	Hash           string `json:"hash"`
	Lt             uint64 `json:"lt,string"`
	Utime          uint32 `json:"utime"`
	Aborted        bool   `json:"aborted"`
	ComputeSuccess bool   `json:"compute_success"`
	ExitCode       int    `json:"exit_code"`
	ActionSuccess  bool   `json:"action_success"`
	Success        bool   `json:"success"`
}

type tcMsgJSON struct {
	Hash        string  `json:"hash"`
	Source      *string `json:"source"`
	Destination *string `json:"destination"`
	Value       string  `json:"value"`
	CreatedLt   uint64  `json:"created_lt,string"`
	Bounce      bool    `json:"bounce"`
	Bounced     bool    `json:"bounced"`
	Opcode      *int64  `json:"opcode"`
}

func (j *tcTxJSON) tx() *ToncenterTx {
	if j == nil {
		return nil
	}
	return &ToncenterTx{Account: j.Account, Hash: unhex(j.Hash), Lt: j.Lt, Utime: j.Utime, Aborted: j.Aborted,
		ComputeSuccess: j.ComputeSuccess, ExitCode: j.ExitCode, ActionSuccess: j.ActionSuccess, Success: j.Success}
}

func (j *tcMsgJSON) msg() *ToncenterMsg {
	if j == nil {
		return nil
	}
	m := &ToncenterMsg{Hash: unhex(j.Hash), CreatedLt: j.CreatedLt, Bounce: j.Bounce, Bounced: j.Bounced, Opcode: -1}
	if j.Source != nil {
		m.Source = *j.Source
	}
	if j.Destination != nil {
		m.Destination = *j.Destination
	}
	if j.Opcode != nil {
		m.Opcode = *j.Opcode
	}
	m.Value, _ = new(big.Int).SetString(j.Value, 10)
	return m
}

// Confirm confirms a payment sent as an external message with this
// normalised hash: the wallet's transaction, then hops internal messages
// (1 for a coin payment, 2 for a jetton payment), polling every pollMs up
// to timeoutMs. A timeout, a failure and a bounce are results (Status,
// Error), not errors; errors are transport and decoding failures.
func (c *Toncenter) Confirm(extHash []byte, hops, timeoutMs, pollMs uint) (*ToncenterConfirmation, error) {
	if err := checkHash32(extHash); err != nil {
		return nil, err
	}
	var text string
	var j struct {
		Status   string     `json:"status"`
		Error    *string    `json:"error"`
		Hops     uint       `json:"hops"`
		WalletTx *tcTxJSON  `json:"wallet_tx"`
		Payment  *tcMsgJSON `json:"payment"`
		LastTx   *tcTxJSON  `json:"last_tx"`
		Bounce   *tcMsgJSON `json:"bounce"`
	}
	status := cwetee.Toncenter_confirm(&text, c.h, extHash, hops, timeoutMs, pollMs)
	if err := c.decode(status, text, &j); err != nil {
		return nil, err
	}
	r := &ToncenterConfirmation{Status: j.Status, Hops: j.Hops, WalletTx: j.WalletTx.tx(), Payment: j.Payment.msg(),
		LastTx: j.LastTx.tx(), Bounce: j.Bounce.msg()}
	if j.Error != nil {
		r.Error = *j.Error
	}
	return r, nil
}

// ToncenterParseTransaction parses a toncenter v3 answer that lists
// transactions (transactionsByMessage, transactions): the first
// transaction, its inbound message and up to 16 outbound messages.
func ToncenterParseTransaction(answer string) (*ToncenterTx, *ToncenterMsg, []*ToncenterMsg, error) {
	var text string
	var j struct {
		Transaction *tcTxJSON    `json:"transaction"`
		InMsg       *tcMsgJSON   `json:"in_msg"`
		OutMsgs     []*tcMsgJSON `json:"out_msgs"`
	}
	if err := check(cwetee.Toncenter_parse_transaction(&text, answer)); err != nil {
		return nil, nil, nil, err
	}
	if err := json.Unmarshal([]byte(text), &j); err != nil {
		return nil, nil, nil, &Error{Code: ErrInternal, Detail: "toncenter: binding JSON: " + err.Error()}
	}
	outs := make([]*ToncenterMsg, len(j.OutMsgs))
	for i, m := range j.OutMsgs {
		outs[i] = m.msg()
	}
	return j.Transaction.tx(), j.InMsg.msg(), outs, nil
}
