package gotest

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

func TestVersion(t *testing.T) {
	v := wetee.Version()
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(v) {
		t.Fatalf("version %q", v)
	}
	var major, minor, patch int
	fmt.Sscanf(v, "%d.%d.%d", &major, &minor, &patch)
	if got := wetee.VersionNumber(); got != major*10000+minor*100+patch {
		t.Fatalf("VersionNumber %d for %s", got, v)
	}
}

func TestStatus(t *testing.T) {
	cases := map[wetee.Status]string{
		wetee.ErrInvalidArgument: "invalid argument",
		wetee.ErrDecode:          "malformed input",
		wetee.ErrTruncated:       "truncated input",
		wetee.ErrNonCanonical:    "non-canonical encoding",
		wetee.ErrOverflow:        "value out of range",
		wetee.ErrTrailing:        "trailing input",
		wetee.ErrInternal:        "internal error",
		wetee.ErrTooLong:         "input too long",
	}
	for code, name := range cases {
		if code.Error() != name || code.String() != name {
			t.Errorf("%d: got %q, want %q", int(code), code.Error(), name)
		}
	}
	if wetee.Status(-100).Error() != "unknown error" {
		t.Errorf("unknown code")
	}
	var err error = &wetee.Error{Code: wetee.ErrDecode, Detail: "x"}
	if !errors.Is(err, wetee.ErrDecode) || errors.Is(err, wetee.ErrTruncated) {
		t.Errorf("errors.Is")
	}
}

func TestHexEncode(t *testing.T) {
	data := []byte{0x00, 0x01, 0xab, 0xff}
	cases := []struct {
		flags wetee.HexFlag
		want  string
	}{
		{0, "0001abff"},
		{wetee.HexUpper, "0001ABFF"},
		{wetee.HexPrefix, "0x0001abff"},
		{wetee.HexPrefix | wetee.HexUpper, "0x0001ABFF"},
	}
	for _, c := range cases {
		if got := wetee.HexEncode(data, c.flags); got != c.want {
			t.Errorf("flags %d: %q, want %q", c.flags, got, c.want)
		}
	}
	if got := wetee.HexEncode(nil, 0); got != "" {
		t.Errorf("empty: %q", got)
	}
	if got := wetee.HexEncode(nil, wetee.HexPrefix); got != "0x" {
		t.Errorf("empty prefixed: %q", got)
	}
}

func TestHexDecode(t *testing.T) {
	for _, s := range []string{"0001abff", "0x0001ABFF", "0X0001aBfF"} {
		got, err := wetee.HexDecode(s)
		if err != nil || !bytes.Equal(got, []byte{0, 1, 0xab, 0xff}) {
			t.Errorf("%q: %x, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "0x"} {
		got, err := wetee.HexDecode(s)
		if err != nil || got == nil || len(got) != 0 {
			t.Errorf("%q: %#v, %v", s, got, err)
		}
	}
	for n := 0; n < 100; n += 7 {
		data := make([]byte, n)
		rand.Read(data)
		got, err := wetee.HexDecode(wetee.HexEncode(data, wetee.HexPrefix))
		if err != nil || !bytes.Equal(got, data) || wetee.HexEncode(data, 0) != hex.EncodeToString(data) {
			t.Fatalf("roundtrip %x: %x, %v", data, got, err)
		}
	}
}

func TestHexDecodeErrors(t *testing.T) {
	got, err := wetee.HexDecode("0x12zz")
	if got != nil {
		t.Errorf("result on error: %x", got)
	}
	wantError(t, err, wetee.ErrDecode, "offset 4")
	_, err = wetee.HexDecode("abc")
	wantError(t, err, wetee.ErrDecode)
}

// Bitcoin Core's base58_encode_decode.json
var base58Vectors = []struct{ hex, text string }{
	{"", ""},
	{"61", "2g"},
	{"626262", "a3gV"},
	{"636363", "aPEr"},
	{"73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"},
	{"00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"},
	{"516b6fcd0f", "ABnLTmg"},
	{"bf4f89001e670274dd", "3SEo3LWLoPntC"},
	{"572e4794", "3EFU7m"},
	{"ecac89cad93923c02321", "EJDM8drfXA6uyA"},
	{"10c8511e", "Rt5zm"},
	{"00000000000000000000", "1111111111"},
}

func TestBase58(t *testing.T) {
	for _, v := range base58Vectors {
		data := unhex(t, v.hex)
		if got, err := wetee.Base58Encode(data); err != nil || got != v.text {
			t.Errorf("encode %s: %q, want %q (%v)", v.hex, got, v.text, err)
		}
		got, err := wetee.Base58Decode(v.text)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("decode %q: %x, %v", v.text, got, err)
		}
	}
	_, err := wetee.Base58Decode("abcO")
	wantError(t, err, wetee.ErrDecode, "offset 3")
	_, err = wetee.Base58Decode("0")
	wantError(t, err, wetee.ErrDecode, "offset 0")
	// the caps of the quadratic codec give ErrTooLong, not a panic
	if _, err := wetee.Base58Encode(make([]byte, wetee.Base58MaxBytes)); err != nil {
		t.Errorf("encode of the largest input: %v", err)
	}
	_, err = wetee.Base58Encode(make([]byte, wetee.Base58MaxBytes+1))
	wantError(t, err, wetee.ErrTooLong, "above the limit of 1024")
	_, err = wetee.Base58Decode(strings.Repeat("z", wetee.Base58MaxText+1))
	wantError(t, err, wetee.ErrTooLong, "above the limit of 1400")
}

func TestBase64(t *testing.T) {
	// RFC 4648 section 10
	for _, v := range []struct{ in, out string }{
		{"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="},
		{"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
	} {
		if got := wetee.Base64Encode([]byte(v.in), 0); got != v.out {
			t.Errorf("encode %q: %q", v.in, got)
		}
		got, err := wetee.Base64Decode(v.out, 0)
		if err != nil || string(got) != v.in {
			t.Errorf("decode %q: %q, %v", v.out, got, err)
		}
	}
	for n := 0; n < 70; n++ {
		data := make([]byte, n)
		rand.Read(data)
		if got := wetee.Base64Encode(data, 0); got != base64.StdEncoding.EncodeToString(data) {
			t.Fatalf("std %x: %q", data, got)
		}
		if got := wetee.Base64Encode(data, wetee.Base64URL|wetee.Base64NoPad); got != base64.RawURLEncoding.EncodeToString(data) {
			t.Fatalf("raw url %x: %q", data, got)
		}
		got, err := wetee.Base64Decode(base64.URLEncoding.EncodeToString(data), wetee.Base64URL)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("decode url %x: %x, %v", data, got, err)
		}
	}
	for _, bad := range []struct {
		s     string
		flags wetee.Base64Flag
	}{
		{"Zm8=", wetee.Base64NoPad}, {"Zm9v!", 0}, {"Zm=8", 0}, {"Zh==", 0}, {"-_-_", 0}, {"Zm 9v", 0},
	} {
		_, err := wetee.Base64Decode(bad.s, bad.flags)
		wantError(t, err, wetee.ErrDecode)
	}
}

func TestU128FromDecimal(t *testing.T) {
	cases := []struct {
		s        string
		decimals uint
		want     string
	}{
		{"1.5", 10, "15000000000"},
		{"0", 0, "0"},
		{"0.0000000001", 10, "1"},
		{"12.34", 2, "1234"},
		{"340282366920938463463374607431768211455", 0, u128Max.String()},
		{"3.40282366920938463463374607431768211455", 38, u128Max.String()},
	}
	for _, c := range cases {
		got, err := wetee.U128FromDecimal(c.s, c.decimals)
		if err != nil || got.String() != c.want {
			t.Errorf("%q@%d: %v, %v", c.s, c.decimals, got, err)
		}
	}
}

func TestU128FromDecimalErrors(t *testing.T) {
	_, err := wetee.U128FromDecimal("1.55", 1)
	wantError(t, err, wetee.ErrNonCanonical)
	_, err = wetee.U128FromDecimal("1.50", 1)
	wantError(t, err, wetee.ErrNonCanonical)
	_, err = wetee.U128FromDecimal("340282366920938463463374607431768211456", 0)
	wantError(t, err, wetee.ErrOverflow)
	_, err = wetee.U128FromDecimal("12x4", 0)
	wantError(t, err, wetee.ErrDecode, "offset 2")
	for _, s := range []string{"", ".", "1.", ".5", "-1", "1,5", "1e5", " 1"} {
		_, err = wetee.U128FromDecimal(s, 10)
		wantError(t, err, wetee.ErrDecode)
	}
	_, err = wetee.U128FromDecimal("1", 39)
	wantError(t, err, wetee.ErrInvalidArgument)
	_, err = wetee.U128FromDecimal("1", 1<<32+2) // must not wrap to 2 in C
	wantError(t, err, wetee.ErrInvalidArgument)
}

func TestU128ToDecimal(t *testing.T) {
	cases := []struct {
		v        *big.Int
		decimals uint
		want     string
	}{
		{big.NewInt(15000000000), 10, "1.5"},
		{big.NewInt(0), 10, "0"},
		{big.NewInt(10000000000), 10, "1"},
		{big.NewInt(1), 10, "0.0000000001"},
		{u128Max, 0, "340282366920938463463374607431768211455"},
		{u128Max, 38, "3.40282366920938463463374607431768211455"},
	}
	for _, c := range cases {
		got, err := wetee.U128ToDecimal(c.v, c.decimals)
		if err != nil || got != c.want {
			t.Errorf("%v@%d: %q, %v", c.v, c.decimals, got, err)
		}
	}
	_, err := wetee.U128ToDecimal(big.NewInt(-1), 0)
	wantError(t, err, wetee.ErrOverflow)
	_, err = wetee.U128ToDecimal(new(big.Int).Lsh(big.NewInt(1), 128), 0)
	wantError(t, err, wetee.ErrOverflow)
	_, err = wetee.U128ToDecimal(nil, 0)
	wantError(t, err, wetee.ErrInvalidArgument)
	_, err = wetee.U128ToDecimal(big.NewInt(1), 39)
	wantError(t, err, wetee.ErrInvalidArgument)
}

func TestU128LE(t *testing.T) {
	le, err := wetee.U128ToLE(u128Max)
	if err != nil || le != [16]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff} {
		t.Fatalf("max: %x, %v", le, err)
	}
	for i := 0; i < 50; i++ {
		var b [16]byte
		rand.Read(b[:])
		v := wetee.U128FromLE(b)
		// big.Int is big-endian
		var be [16]byte
		for j := range b {
			be[15-j] = b[j]
		}
		if v.Cmp(new(big.Int).SetBytes(be[:])) != 0 {
			t.Fatalf("from %x: %v", b, v)
		}
		back, err := wetee.U128ToLE(v)
		if err != nil || back != b {
			t.Fatalf("roundtrip %x: %x, %v", b, back, err)
		}
	}
	_, err = wetee.U128ToLE(big.NewInt(-5))
	wantError(t, err, wetee.ErrOverflow)
}

// The detail of a failed call must be that call's, even with goroutines
// moving between OS threads between cgo calls.
func TestErrorDetailPerCallAcrossGoroutines(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for k := 0; k < 16; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			bad := bytes.Repeat([]byte("00"), k)
			want := fmt.Sprintf("offset %d", 2*k)
			for i := 0; i < 500; i++ {
				_, err := wetee.HexDecode(string(bad) + "zz")
				if err == nil || !bytes.Contains([]byte(err.Error()), []byte(want)) {
					errs <- fmt.Errorf("goroutine %d: %v (want %s)", k, err, want)
					return
				}
				if _, err := wetee.HexDecode(string(bad)); err != nil {
					errs <- err
					return
				}
			}
		}(k)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
