// Package gotest holds the go test suite of the libwetee Go binding
// (github.com/wetee-dao/libwetee/bindings/go/wetee); tests/go/run.sh runs it
// against a libwetee installed into a temporary prefix.
package gotest

import (
	"encoding/hex"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad test vector %q: %v", s, err)
	}
	return b
}

func bigFromString(t *testing.T, s string) *big.Int {
	t.Helper()
	v, ok := new(big.Int).SetString(s, 0)
	if !ok {
		t.Fatalf("bad big int %q", s)
	}
	return v
}

var u128Max = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1))

// wantError checks that err is a *wetee.Error with the given status whose
// detail contains each of the fragments.
func wantError(t *testing.T, err error, code wetee.Status, fragments ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want error %v, got nil", code)
	}
	var we *wetee.Error
	if !errors.As(err, &we) {
		t.Fatalf("want *wetee.Error, got %T: %v", err, err)
	}
	if we.Code != code || !errors.Is(err, code) {
		t.Fatalf("want code %d (%v), got %d: %v", code, code, we.Code, err)
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			t.Fatalf("error %q does not mention %q", err, f)
		}
	}
}

func vectorsDir(t *testing.T) string {
	t.Helper()
	d := os.Getenv("WETEE_VECTORS_DIR")
	if d == "" {
		d = filepath.Join("..", "..", "..", "shared", "vectors")
	}
	if st, err := os.Stat(d); err != nil || !st.IsDir() {
		t.Skipf("shared vectors not found at %s", d)
	}
	return d
}
