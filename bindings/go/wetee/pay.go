package wetee

import (
	"encoding/json"
	"math/big"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Payments (wetee/pay.h): a token registry identified by chain and
// on-chain id, exact amounts, Substrate routes chosen from the metadata,
// quotes, checks before submission, confirmation and receipts.
//
//	reg, _ := wetee.NewTokenRegistry(false)
//	dot, _ := reg.Lookup("polkadot", wetee.TokenNative, "")
//	amount, _ := dot.Parse("1.5 DOT") // 15000000000
//	payer, _ := wetee.NewPayer(reg)
//	payer.AddSubstrate("polkadot", chain, alice)
//	receipt, err := payer.Pay(dot, amount, bob, "order-42", nil)
//
// A payment that fails once it was understood returns a *PayError whose
// Receipt says what is known.

// Token kinds.
const (
	TokenNative       = 1
	TokenAsset        = 2
	TokenForeignAsset = 3
	TokenCurrency     = 4
	TokenTON          = 5
	TokenJetton       = 6
)

// Flags of PayOptions.
const (
	PayFinalized  = 1
	PayAllowDeath = 2
	PayMemoRemark = 4
	PayNoChecks   = 8
)

var tokenKinds = map[string]int{"native": TokenNative, "asset": TokenAsset, "foreign_asset": TokenForeignAsset,
	"currency": TokenCurrency, "ton": TokenTON, "jetton": TokenJetton}

// TokenRegistry is a set of tokens. Close frees it (a finalizer does it for one never closed).
type TokenRegistry struct {
	mu sync.RWMutex
	h  uintptr
}

// Token is an entry of a registry: chain, kind and canonical on-chain id identify it.
type Token struct {
	reg      *TokenRegistry
	Chain    string
	Kind     int
	KindName string
	ID       string
	Symbol   string
	Decimals uint
	Aliases  []string
}

// NewTokenRegistry makes a registry with the built-in tokens, or an empty one.
func NewTokenRegistry(empty bool) (*TokenRegistry, error) {
	var h uintptr
	flags := uint(0)
	if empty {
		flags = 1
	}
	if err := check(cwetee.Payb_registry_new(&h, flags)); err != nil {
		return nil, err
	}
	r := &TokenRegistry{h: h}
	runtime.SetFinalizer(r, (*TokenRegistry).Close)
	return r, nil
}

// Close frees the registry; payers made on it must be closed first.
func (r *TokenRegistry) Close() error {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.h != 0 {
		cwetee.Token_registry_free(r.h)
		r.h = 0
	}
	return nil
}

func (r *TokenRegistry) use(f func(h uintptr) error) error {
	if r == nil {
		return newError(ErrInvalidArgument, "pay: nil *TokenRegistry")
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.h == 0 {
		return newError(ErrState, "pay: registry closed")
	}
	return f(r.h)
}

func (r *TokenRegistry) token(text string) (*Token, error) {
	var info struct {
		Chain    string   `json:"chain"`
		Kind     string   `json:"kind"`
		ID       string   `json:"id"`
		Symbol   string   `json:"symbol"`
		Decimals uint     `json:"decimals"`
		Aliases  []string `json:"aliases"`
	}
	if err := json.Unmarshal([]byte(text), &info); err != nil {
		return nil, newError(ErrDecode, "pay: "+err.Error())
	}
	return &Token{reg: r, Chain: info.Chain, Kind: tokenKinds[info.Kind], KindName: info.Kind, ID: info.ID,
		Symbol: info.Symbol, Decimals: info.Decimals, Aliases: info.Aliases}, nil
}

// Add adds a token (id: text; a Location or currency id as JSON text) and returns it.
func (r *TokenRegistry) Add(chain string, kind int, id, symbol string, decimals uint) (*Token, error) {
	var text string
	err := r.use(func(h uintptr) error {
		return check(cwetee.Payb_registry_add(&text, h, chain, kind, id, symbol, decimals))
	})
	if err != nil {
		return nil, err
	}
	return r.token(text)
}

// AddJSON adds a JSON list of entries, all or nothing.
func (r *TokenRegistry) AddJSON(entries string) error {
	return r.use(func(h uintptr) error { return check(cwetee.Payb_registry_add_json(h, entries)) })
}

// Lookup finds a token by chain, kind and id ("" for native tokens).
func (r *TokenRegistry) Lookup(chain string, kind int, id string) (*Token, error) {
	var text string
	err := r.use(func(h uintptr) error { return check(cwetee.Payb_lookup(&text, h, chain, kind, id)) })
	if err != nil {
		return nil, err
	}
	return r.token(text)
}

// LookupSymbol finds the one token with this symbol (or alias) on a chain;
// ErrState when several tokens there have it.
func (r *TokenRegistry) LookupSymbol(chain, symbol string) (*Token, error) {
	var text string
	err := r.use(func(h uintptr) error { return check(cwetee.Payb_lookup_symbol(&text, h, chain, symbol)) })
	if err != nil {
		return nil, err
	}
	return r.token(text)
}

// Tokens lists every token in the order they were added.
func (r *TokenRegistry) Tokens() ([]*Token, error) {
	var text string
	if err := r.use(func(h uintptr) error { return check(cwetee.Payb_registry_list(&text, h)) }); err != nil {
		return nil, err
	}
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return nil, newError(ErrDecode, "pay: "+err.Error())
	}
	out := make([]*Token, 0, len(raw))
	for _, m := range raw {
		t, err := r.token(string(m))
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// Parse gives the base units of a human amount ("1.5", "1.5 DOT"), exactly.
func (t *Token) Parse(text string) (*big.Int, error) {
	w := []uint64{0, 0}
	err := t.reg.use(func(h uintptr) error {
		return check(cwetee.Payb_amount_parse(w, h, t.Chain, t.Kind, t.ID, text))
	})
	if err != nil {
		return nil, err
	}
	return fromWords(w), nil
}

// Format writes an amount in base units as text ("1.5 DOT"; without the symbol when symbol is false).
func (t *Token) Format(amount *big.Int, symbol bool) (string, error) {
	w, err := u128Words(amount)
	if err != nil {
		return "", err
	}
	flags := uint(0)
	if !symbol {
		flags = 1
	}
	var text string
	err = t.reg.use(func(h uintptr) error {
		return check(cwetee.Payb_amount_format(&text, h, t.Chain, t.Kind, t.ID, w, flags))
	})
	return text, err
}

// PayOptions are the options of a quote or payment; nil means the defaults.
type PayOptions struct {
	Flags        uint     // PayFinalized | PayAllowDeath | PayMemoRemark | PayNoChecks
	TimeoutMs    uint     // confirmation deadline; 0: 60 s
	FeeToken     *Token   // pay the fee in this asset
	MaxFee       *big.Int // refuse above this fee (in the fee token); nil: no limit
	MortalPeriod uint64   // 0: immortal
}

// PayError is a payment that failed once it was understood; Receipt has what is known.
type PayError struct {
	Err     *Error
	Receipt map[string]any
}

// Error returns the failure's detail.
func (e *PayError) Error() string { return e.Err.Error() }

// Unwrap gives the *Error (errors.Is with the status codes works through it).
func (e *PayError) Unwrap() error { return e.Err }

type payRoute struct {
	chain *Chain
	kp    *Keypair
}

// Payer pays the tokens of a registry through connections and signers by
// chain name. The registry, chains and keypairs must stay open while it is used.
type Payer struct {
	mu     sync.Mutex
	h      uintptr
	reg    *TokenRegistry
	routes map[string]payRoute
}

// NewPayer makes a payer for the tokens of a registry.
func NewPayer(reg *TokenRegistry) (*Payer, error) {
	var h uintptr
	if err := reg.use(func(rh uintptr) error { return check(cwetee.Payb_payer_new(&h, rh)) }); err != nil {
		return nil, err
	}
	p := &Payer{h: h, reg: reg, routes: map[string]payRoute{}}
	runtime.SetFinalizer(p, (*Payer).Close)
	return p, nil
}

// Close frees the payer (not the registry, chains or keypairs).
func (p *Payer) Close() error {
	if p == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.h != 0 {
		cwetee.Payer_free(p.h)
		p.h = 0
	}
	return nil
}

// AddSubstrate pays the tokens of chainName through c, signed by kp.
func (p *Payer) AddSubstrate(chainName string, c *Chain, kp *Keypair) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.h == 0 {
		return newError(ErrState, "pay: payer closed")
	}
	err := c.use(func(ch uintptr) error {
		return kp.use(func(kh uintptr) error { return check(cwetee.Payb_add_substrate(p.h, chainName, ch, kh)) })
	})
	if err == nil {
		p.routes[chainName] = payRoute{c, kp}
	}
	return err
}

// call runs a quote or payment with the registry, the route's chain and keypair held open.
func (p *Payer) call(t *Token, amount *big.Int, o *PayOptions, f func(ph, rh uintptr, w, maxw []uint64, fee [3]string, feeKind int) error) error {
	if t == nil {
		return newError(ErrInvalidArgument, "pay: nil *Token")
	}
	w, err := u128Words(amount)
	if err != nil {
		return err
	}
	var opts PayOptions
	if o != nil {
		opts = *o
	}
	maxw := []uint64{0, 0}
	if opts.MaxFee != nil {
		if maxw, err = u128Words(opts.MaxFee); err != nil {
			return err
		}
	}
	var fee [3]string
	feeKind := 0
	if opts.FeeToken != nil {
		fee = [3]string{opts.FeeToken.Chain, "", opts.FeeToken.ID}
		feeKind = opts.FeeToken.Kind
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.h == 0 {
		return newError(ErrState, "pay: payer closed")
	}
	run := func() error {
		return p.reg.use(func(rh uintptr) error { return f(p.h, rh, w, maxw, fee, feeKind) })
	}
	route, ok := p.routes[t.Chain]
	if !ok {
		return run() // the C payer reports the missing route
	}
	return route.chain.use(func(uintptr) error { return route.kp.use(func(uintptr) error { return run() }) })
}

func payDecodeJSON(text string) (map[string]any, error) {
	var v map[string]any
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return nil, newError(ErrDecode, "pay: "+err.Error())
	}
	return v, nil
}

// Quote gives the route, the fee and the checks of a payment without sending it.
func (p *Payer) Quote(t *Token, amount *big.Int, to, memo string, o *PayOptions) (map[string]any, error) {
	var text string
	var opts PayOptions
	if o != nil {
		opts = *o
	}
	err := p.call(t, amount, o, func(ph, rh uintptr, w, maxw []uint64, fee [3]string, feeKind int) error {
		return check(cwetee.Payb_quote(&text, ph, rh, t.Chain, t.Kind, t.ID, w, to, memo, opts.Flags, opts.TimeoutMs,
			fee[0], feeKind, fee[2], maxw, opts.MortalPeriod))
	})
	if err != nil {
		return nil, err
	}
	return payDecodeJSON(text)
}

// Pay pays and waits for confirmation; it returns the receipt, or a
// *PayError with the receipt once the request was understood.
func (p *Payer) Pay(t *Token, amount *big.Int, to, memo string, o *PayOptions) (map[string]any, error) {
	var text string
	var opts PayOptions
	if o != nil {
		opts = *o
	}
	err := p.call(t, amount, o, func(ph, rh uintptr, w, maxw []uint64, fee [3]string, feeKind int) error {
		return check(cwetee.Payb_pay(&text, ph, rh, t.Chain, t.Kind, t.ID, w, to, memo, opts.Flags, opts.TimeoutMs,
			fee[0], feeKind, fee[2], maxw, opts.MortalPeriod))
	})
	if err != nil {
		return nil, err
	}
	out, err := payDecodeJSON(text)
	if err != nil {
		return nil, err
	}
	receipt, _ := out["receipt"].(map[string]any)
	rc, _ := strconv.Atoi(string(out["rc"].(json.Number)))
	if rc != 0 {
		detail, _ := out["detail"].(string)
		return receipt, &PayError{Err: &Error{Code: Status(rc), Detail: detail}, Receipt: receipt}
	}
	return receipt, nil
}

// PayPrepare gives the plan of a Substrate payment from metadata alone
// (route, call, arguments, amount text, existential deposit).
func PayPrepare(md *Metadata, t *Token, amount *big.Int, to, memo string, flags uint) (map[string]any, error) {
	if t == nil {
		return nil, newError(ErrInvalidArgument, "pay: nil *Token")
	}
	w, err := u128Words(amount)
	if err != nil {
		return nil, err
	}
	var text string
	err = md.use(func(mh uintptr) error {
		return t.reg.use(func(rh uintptr) error {
			return check(cwetee.Payb_prepare(&text, mh, rh, t.Chain, t.Kind, t.ID, w, to, memo, flags))
		})
	})
	if err != nil {
		return nil, err
	}
	return payDecodeJSON(text)
}

// PayFailureName names a failure code ("insufficient_balance", ...).
func PayFailureName(failure int) string { return cwetee.Pay_failure_name(failure) }
