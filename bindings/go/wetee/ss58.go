package wetee

import (
	"strings"
	"sync"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Well-known SS58 prefixes.
const (
	SS58PrefixPolkadot uint16 = 0
	SS58PrefixKusama   uint16 = 2
	SS58PrefixGeneric  uint16 = 42    // generic Substrate, the default
	SS58PrefixMax      uint16 = 16383 // the largest prefix the two-byte form carries
)

// SS58Encode returns the SS58 address of a 1, 2, 4, 8, 32 or 33-byte
// payload with a network prefix 0..16383 (46 and 47 are reserved).
func SS58Encode(payload []byte, prefix uint16) (string, error) {
	var s string
	if err := check(cwetee.Ss58_encode(&s, payload, prefix)); err != nil {
		return "", err
	}
	return s, nil
}

// SS58Decode returns the payload and network prefix of an address:
// ErrDecode (bad character, length, prefix), ErrChecksum.
func SS58Decode(address string) (payload []byte, prefix uint16, err error) {
	if err := check(cwetee.Ss58_decode(&payload, &prefix, address)); err != nil {
		return nil, 0, err
	}
	return payload, prefix, nil
}

// SS58Network is a network of the SS58 registry compiled into libwetee.
type SS58Network struct {
	Prefix      uint16
	Network     string // registry name, e.g. "polkadot"
	DisplayName string // e.g. "Polkadot Relay Chain"
	Symbol      string // first token symbol, "" if none
	Decimals    uint   // that token's decimals, 0 if none
}

var (
	ss58Once  sync.Once
	ss58Table []SS58Network
)

func ss58NetworkAt(i int) SS58Network {
	var n SS58Network
	var decimals uint32
	must(cwetee.Ss58_network_at(int64(i), &n.Prefix, &n.Network, &n.DisplayName, &n.Symbol, &decimals))
	n.Decimals = uint(decimals)
	return n
}

// SS58Networks returns (a copy of) the registry, in registry order.
func SS58Networks() []SS58Network {
	ss58Once.Do(func() {
		count := int(cwetee.Ss58_network_count())
		ss58Table = make([]SS58Network, count)
		for i := range ss58Table {
			ss58Table[i] = ss58NetworkAt(i)
		}
	})
	return append([]SS58Network(nil), ss58Table...)
}

// SS58NetworkByName returns the network with the registry name (e.g.
// "kusama"); ErrNotFound if there is none.
func SS58NetworkByName(name string) (SS58Network, error) {
	if strings.IndexByte(name, 0) >= 0 {
		return SS58Network{}, newError(ErrNotFound, "ss58: no network with a NUL byte in its name")
	}
	var i int
	if err := check(cwetee.Ss58_network_find(&i, name)); err != nil {
		return SS58Network{}, err
	}
	return ss58NetworkAt(i), nil
}

// SS58NetworkByPrefix returns the first network with prefix; ErrNotFound if
// there is none.
func SS58NetworkByPrefix(prefix uint16) (SS58Network, error) {
	var i int
	if err := check(cwetee.Ss58_network_find_prefix(&i, prefix)); err != nil {
		return SS58Network{}, err
	}
	return ss58NetworkAt(i), nil
}
