package wetee

import (
	"encoding/json"
	"math/big"
	"runtime"
	"strings"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Contracts on pallet-revive (see wetee/contract.h): ABIs of WeTEE's three
// generations (wrevive, ink! v5/v6, Solidity) with call data from JSON
// arguments and return values decoded to JSON, Revive.* calls built from a
// metadata, ReviveApi_call input and results, AccountId32 -> H160, and the
// pod cost formula. Arguments are JSON values: a map by argument name or a
// slice in order (or JSON text as a string); results are decoded with
// json.Number for numbers.

// Contract ABI kinds.
const (
	ContractWrevive  = 1
	ContractInk      = 2
	ContractSolidity = 3
	// ContractWreviveCallDataMax is the most call data a wrevive contract reads.
	ContractWreviveCallDataMax = 1024
)

// ContractABI is a loaded contract ABI (immutable; safe for concurrent use).
type ContractABI struct{ h uintptr }

func newContractABI(status string, h uintptr) (*ContractABI, error) {
	if err := check(status); err != nil {
		if h != 0 {
			cwetee.Contract_abi_free(h)
		}
		return nil, err
	}
	a := &ContractABI{h: h}
	runtime.SetFinalizer(a, func(a *ContractABI) { cwetee.Contract_abi_free(a.h) })
	return a, nil
}

// LoadContractABI loads ink! metadata, a Solidity JSON ABI or a wrevive ABI.
func LoadContractABI(text string) (*ContractABI, error) {
	var h uintptr
	return newContractABI(cwetee.Contract_abi_load(&h, text), h)
}

// WeteeContractABI is the built-in wrevive ABI of WeTEE's "cloud", "subnet",
// "pod", "proxy" or "dao" contract.
func WeteeContractABI(contract string) (*ContractABI, error) {
	var h uintptr
	return newContractABI(cwetee.Contract_abi_wetee(&h, contract), h)
}

// ContractSelector is the 4-byte selector of a message name (Solidity: of
// its canonical signature) for an ABI kind.
func ContractSelector(kind int, name string) ([]byte, error) {
	var out []byte
	err := check(cwetee.Contract_selector(&out, kind, name))
	return out, err
}

func argsJSON(args any) (string, error) {
	switch a := args.(type) {
	case nil:
		return "", nil
	case string:
		return a, nil
	}
	b, err := json.Marshal(args)
	if err != nil {
		return "", newError(ErrInvalidArgument, "contract: "+err.Error())
	}
	return string(b), nil
}

func contractJSON(text string) (any, error) {
	var v any
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return nil, newError(ErrDecode, "contract: "+err.Error())
	}
	return v, nil
}

// Kind is ContractWrevive, ContractInk or ContractSolidity.
func (a *ContractABI) Kind() int {
	defer runtime.KeepAlive(a)
	return cwetee.Contract_abi_kind_of(a.h)
}

// Messages lists the message names (constructors included).
func (a *ContractABI) Messages() []string {
	defer runtime.KeepAlive(a)
	n := int(cwetee.Contract_abi_message_count(a.h))
	out := make([]string, n)
	for i := range out {
		out[i] = cwetee.Contract_abi_message_name(a.h, int64(i))
	}
	return out
}

// Selector is a message's 4-byte selector.
func (a *ContractABI) Selector(message string) ([]byte, error) {
	defer runtime.KeepAlive(a)
	var out []byte
	err := check(cwetee.Contract_abi_selector(&out, a.h, message))
	return out, err
}

// Describe gives the message as a map: name, selector, args, returns,
// payable, mutates, constructor.
func (a *ContractABI) Describe(message string) (any, error) {
	defer runtime.KeepAlive(a)
	var t string
	if err := check(cwetee.Contract_abi_message_json(&t, a.h, message)); err != nil {
		return nil, err
	}
	return contractJSON(t)
}

// Encode gives the call data of a message with its arguments.
func (a *ContractABI) Encode(message string, args any) ([]byte, error) {
	defer runtime.KeepAlive(a)
	j, err := argsJSON(args)
	if err != nil {
		return nil, err
	}
	var out []byte
	err = check(cwetee.Contract_encode_call(&out, a.h, message, j))
	return out, err
}

// DecodeCall gives {"message": name, "args": {...}} of call data.
func (a *ContractABI) DecodeCall(data []byte) (any, error) {
	defer runtime.KeepAlive(a)
	var t string
	if err := check(cwetee.Contract_decode_call(&t, a.h, data)); err != nil {
		return nil, err
	}
	return contractJSON(t)
}

// DecodeReturn decodes a message's return data (ink!: LangError is ErrState).
func (a *ContractABI) DecodeReturn(message string, data []byte) (any, error) {
	defer runtime.KeepAlive(a)
	var t string
	if err := check(cwetee.Contract_decode_return(&t, a.h, message, data)); err != nil {
		return nil, err
	}
	return contractJSON(t)
}

// ReviveAddressOf is the H160 of a 32-byte AccountId32.
func ReviveAddressOf(account []byte) ([]byte, error) {
	var out []byte
	err := check(cwetee.Revive_address_of(&out, account))
	return out, err
}

func bigWords(v *big.Int) ([]uint64, error) {
	if v == nil {
		return []uint64{0, 0}, nil
	}
	return u128Words(v)
}

// ReviveCall builds the call bytes of Revive.call from a metadata.
func ReviveCall(md *Metadata, dest []byte, value *big.Int, refTime, proofSize uint64, deposit *big.Int, data []byte) ([]byte, error) {
	v, err := bigWords(value)
	if err != nil {
		return nil, err
	}
	d, err := bigWords(deposit)
	if err != nil {
		return nil, err
	}
	var out []byte
	err = md.use(func(h uintptr) error {
		return check(cwetee.Revive_call_encode(&out, h, dest, v, refTime, proofSize, d, data))
	})
	return out, err
}

// ReviveMapAccount builds the call bytes of Revive.map_account().
func ReviveMapAccount(md *Metadata) ([]byte, error) {
	var out []byte
	err := md.use(func(h uintptr) error { return check(cwetee.Revive_map_account_encode(&out, h)) })
	return out, err
}

// ReviveDryRunResult decodes a ReviveApi_call output (with "status").
func ReviveDryRunResult(md *Metadata, output []byte) (any, error) {
	var t string
	if err := md.use(func(h uintptr) error { return check(cwetee.Revive_result_json(&t, h, output)) }); err != nil {
		return nil, err
	}
	return contractJSON(t)
}

// ContractPodCost is WeTEE's pod prepayment (wetee.md §5) as decimal text.
func ContractPodCost(containers, price any, teeType int, durationBlocks uint32, assetPrice string) (string, error) {
	c, err := argsJSON(containers)
	if err != nil {
		return "", err
	}
	p, err := argsJSON(price)
	if err != nil {
		return "", err
	}
	var t string
	err = check(cwetee.Contract_pod_cost(&t, c, p, teeType, uint(durationBlocks), assetPrice))
	return t, err
}
