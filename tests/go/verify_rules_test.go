package gotest

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// The published ed25519 vectors kept in tests/ed25519 (see its README.md).
func readEd25519Cases(t *testing.T, name string, into any) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "ed25519", name))
	if err != nil {
		t.Fatalf("reading tests/ed25519/%s: %v", name, err)
	}
	if err := json.Unmarshal(raw, into); err != nil {
		t.Fatalf("tests/ed25519/%s: %v", name, err)
	}
}

func hex32(t *testing.T, s string) (b [32]byte) {
	t.Helper()
	if n := copy(b[:], unhex(t, s)); n != 32 {
		t.Fatalf("%q is not 32 bytes", s)
	}
	return
}

func hex64(t *testing.T, s string) (b [64]byte) {
	t.Helper()
	if n := copy(b[:], unhex(t, s)); n != 64 {
		t.Fatalf("%q is not 64 bytes", s)
	}
	return
}

// The 196 ZIP-215 cases: valid under the default (chain) rules, invalid
// under the strict ones (every key has small order).
func TestEd25519Zip215Vectors(t *testing.T) {
	var data struct {
		Cases []struct{ Pub, Sig string }
	}
	readEd25519Cases(t, "zip215.json", &data)
	if len(data.Cases) != 196 {
		t.Fatalf("%d cases, want 196", len(data.Cases))
	}
	msg := []byte("Zcash")
	for i, c := range data.Cases {
		pub, sig := hex32(t, c.Pub), hex64(t, c.Sig)
		if !wetee.Ed25519Verify(sig, msg, pub) || wetee.Verify(wetee.Ed25519, sig[:], msg, pub[:]) != nil {
			t.Errorf("case %d: rejected", i)
		}
		if wetee.Ed25519VerifyStrict(sig, msg, pub) {
			t.Errorf("case %d: accepted by the strict rules", i)
		}
		wantError(t, wetee.VerifyStrict(wetee.Ed25519, sig[:], msg, pub[:]), wetee.ErrVerify)
	}
}

// ed25519-speccheck: ed25519-zebra's published results by default,
// libsodium's when strict.
func TestEd25519Speccheck(t *testing.T) {
	var data struct {
		Cases []struct {
			Index             int
			Message, Pub, Sig string
			Zebra, Libsodium  bool
		}
	}
	readEd25519Cases(t, "speccheck.json", &data)
	if len(data.Cases) != 12 {
		t.Fatalf("%d cases, want 12", len(data.Cases))
	}
	for _, c := range data.Cases {
		msg, _ := hex.DecodeString(c.Message)
		pub, sig := hex32(t, c.Pub), hex64(t, c.Sig)
		if got := wetee.Ed25519Verify(sig, msg, pub); got != c.Zebra {
			t.Errorf("case %d: Ed25519Verify %v, ed25519-zebra %v", c.Index, got, c.Zebra)
		}
		if got := wetee.Ed25519VerifyStrict(sig, msg, pub); got != c.Libsodium {
			t.Errorf("case %d: Ed25519VerifyStrict %v, libsodium %v", c.Index, got, c.Libsodium)
		}
	}
}

// schnorrkel (the chain) accepts the all-zero sr25519 public key: with
// R = 0·B and s = 0 any message verifies. The strict rules reject the key.
func TestSr25519IdentityKey(t *testing.T) {
	var zero [32]byte
	var sig [64]byte
	sig[63] = 0x80
	for _, msg := range [][]byte{nil, []byte("any message")} {
		if !wetee.Sr25519Verify(sig, msg, zero) || wetee.Verify(wetee.Sr25519, sig[:], msg, zero[:]) != nil {
			t.Errorf("%q: rejected by the default rules", msg)
		}
		if wetee.Sr25519VerifyStrict(sig, msg, zero) {
			t.Errorf("%q: accepted by the strict rules", msg)
		}
		wantError(t, wetee.VerifyStrict(wetee.Sr25519, sig[:], msg, zero[:]), wetee.ErrVerify, "identity")
	}
	sig[0] = 2
	if wetee.Sr25519Verify(sig, nil, zero) {
		t.Error("R != s·B accepted")
	}
}

// Honest signatures verify under both rule sets, for every scheme.
func TestVerifyStrictHonest(t *testing.T) {
	for _, scheme := range []wetee.Scheme{wetee.Sr25519, wetee.Ed25519, wetee.Ecdsa, wetee.Ethereum} {
		kp := keypair(t, scheme, phrase)
		msg := []byte("honest")
		sig, err := kp.Sign(msg)
		if err != nil {
			t.Fatal(err)
		}
		if err := kp.VerifyStrict(sig, msg); err != nil {
			t.Errorf("%v: %v", scheme, err)
		}
		wantError(t, kp.VerifyStrict(sig, []byte("honesT")), wetee.ErrVerify)
	}
}
