package gotest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

const alicePublic = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"

// //Alice's sr25519 public key under several prefixes (keys.md §5).
var aliceAddresses = []struct {
	prefix  uint16
	address string
}{
	{42, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"},
	{0, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5"},
	{2, "HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F"},
	{5, "ajYMsCKsEAhEvHpeA4XqsfiA9v1CdzZPrCfS6pEfeGHW9j8"},
	{7, "nJrsrH8dov9Z36kTDpabgCZT8CbK1FbmjJvfU6qbMTG4g4c"},
	{1284, "VdvKmYJfD4VXA9fzz1SbmCo2eYHSzUFbaDCZSuaNKJAe8YNg6"},
	{2032, "wdCJ8CsZchTEfUP8Xz1eZKNRjW5cuYjJ9fh6pcZNXezsysBrJ"},
}

func TestSS58Vectors(t *testing.T) {
	pub := unhex(t, alicePublic)
	for _, v := range aliceAddresses {
		got, err := wetee.SS58Encode(pub, v.prefix)
		if err != nil || got != v.address {
			t.Errorf("encode prefix %d: %q, %v", v.prefix, got, err)
		}
		payload, prefix, err := wetee.SS58Decode(v.address)
		if err != nil || prefix != v.prefix || !bytes.Equal(payload, pub) {
			t.Errorf("decode %s: %x, %d, %v", v.address, payload, prefix, err)
		}
	}
}

func TestSS58PayloadSizes(t *testing.T) {
	for _, n := range []int{1, 2, 4, 8, 32, 33} {
		payload := bytes.Repeat([]byte{0xa5}, n)
		for _, prefix := range []uint16{0, 42, 63, 64, 1284, wetee.SS58PrefixMax} {
			addr, err := wetee.SS58Encode(payload, prefix)
			if err != nil {
				t.Fatalf("%d bytes, prefix %d: %v", n, prefix, err)
			}
			got, p, err := wetee.SS58Decode(addr)
			if err != nil || p != prefix || !bytes.Equal(got, payload) {
				t.Fatalf("%d bytes, prefix %d: %x %d %v", n, prefix, got, p, err)
			}
		}
	}
	for _, n := range []int{0, 3, 20, 31, 34} {
		_, err := wetee.SS58Encode(make([]byte, n), 42)
		wantError(t, err, wetee.ErrInvalidArgument)
	}
}

func TestSS58Errors(t *testing.T) {
	addr := aliceAddresses[0].address
	// A different last character keeps the length and breaks the checksum.
	last := addr[len(addr)-1]
	repl := byte('Z')
	if last == 'Z' {
		repl = 'Y'
	}
	_, _, err := wetee.SS58Decode(addr[:len(addr)-1] + string(repl))
	wantError(t, err, wetee.ErrChecksum)
	_, _, err = wetee.SS58Decode("0" + addr[1:]) // '0' is not Base58
	wantError(t, err, wetee.ErrDecode)
	_, _, err = wetee.SS58Decode("")
	wantError(t, err, wetee.ErrDecode)
	for _, prefix := range []uint16{46, 47, wetee.SS58PrefixMax + 1} {
		_, err := wetee.SS58Encode(unhex(t, alicePublic), prefix)
		wantError(t, err, wetee.ErrInvalidArgument)
	}
}

func TestSS58Networks(t *testing.T) {
	nets := wetee.SS58Networks()
	if len(nets) != 149 {
		t.Fatalf("%d networks", len(nets))
	}
	want := wetee.SS58Network{Prefix: 0, Network: "polkadot", DisplayName: "Polkadot Relay Chain", Symbol: "DOT", Decimals: 10}
	if nets[0] != want {
		t.Fatalf("first network %+v", nets[0])
	}
	nets[0].Network = "changed" // a copy
	if wetee.SS58Networks()[0].Network != "polkadot" {
		t.Fatal("SS58Networks returned the shared table")
	}
	ksm, err := wetee.SS58NetworkByName("kusama")
	if err != nil || ksm.Prefix != wetee.SS58PrefixKusama || ksm.Symbol != "KSM" || ksm.Decimals != 12 {
		t.Fatalf("kusama: %+v, %v", ksm, err)
	}
	generic, err := wetee.SS58NetworkByPrefix(wetee.SS58PrefixGeneric)
	if err != nil || generic.Network != "substrate" || generic.Symbol != "" || generic.Decimals != 0 {
		t.Fatalf("prefix 42: %+v, %v", generic, err)
	}
	moonbeam, err := wetee.SS58NetworkByPrefix(1284)
	if err != nil || moonbeam.Network != "moonbeam" || moonbeam.Symbol != "GLMR" || moonbeam.Decimals != 18 {
		t.Fatalf("prefix 1284: %+v, %v", moonbeam, err)
	}
	_, err = wetee.SS58NetworkByName("no-such-network")
	wantError(t, err, wetee.ErrNotFound, "no-such-network")
	_, err = wetee.SS58NetworkByName("polkadot\x00x")
	wantError(t, err, wetee.ErrNotFound)
	_, err = wetee.SS58NetworkByPrefix(16000)
	wantError(t, err, wetee.ErrNotFound)
}

// The compiled-in table is the registry snapshot of the shared vectors.
func TestSS58NetworksMatchRegistry(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(vectorsDir(t), "keys", "ss58-registry.json"))
	if err != nil {
		t.Skipf("registry snapshot: %v", err)
	}
	var reg struct {
		Registry []struct {
			Prefix      uint16   `json:"prefix"`
			Network     string   `json:"network"`
			DisplayName string   `json:"displayName"`
			Symbols     []string `json:"symbols"`
			Decimals    []uint   `json:"decimals"`
		} `json:"registry"`
	}
	if err := json.Unmarshal(raw, &reg); err != nil {
		t.Fatal(err)
	}
	nets := wetee.SS58Networks()
	if len(nets) != len(reg.Registry) {
		t.Fatalf("%d networks, registry has %d", len(nets), len(reg.Registry))
	}
	for i, r := range reg.Registry {
		want := wetee.SS58Network{Prefix: r.Prefix, Network: r.Network, DisplayName: r.DisplayName}
		if len(r.Symbols) > 0 {
			want.Symbol = r.Symbols[0]
		}
		if len(r.Decimals) > 0 {
			want.Decimals = r.Decimals[0]
		}
		if nets[i] != want {
			t.Errorf("entry %d: %+v, registry %+v", i, nets[i], want)
		}
		if got, err := wetee.SS58NetworkByName(r.Network); err != nil || got != want {
			t.Errorf("by name %s: %+v, %v", r.Network, got, err)
		}
	}
}
