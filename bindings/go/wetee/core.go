package wetee

import (
	"math/big"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Version is the version of the loaded libwetee, "MAJOR.MINOR.PATCH".
func Version() string { return cwetee.Version_string() }

// VersionNumber is the version of the loaded libwetee as
// MAJOR*10000 + MINOR*100 + PATCH.
func VersionNumber() int { return cwetee.Version_number() }

// HexFlag selects the form of HexEncode's output.
type HexFlag uint

const (
	HexPrefix HexFlag = 1 // prefix the text with "0x"
	HexUpper  HexFlag = 2 // upper-case digits
)

// HexEncode returns the hex text of data: lower case without a prefix
// unless flags say otherwise.
func HexEncode(data []byte, flags HexFlag) string {
	var s string
	must(cwetee.Hex_encode(&s, data, uint(flags)))
	return s
}

// HexDecode decodes hex text with or without a "0x"/"0X" prefix, in either
// case. Odd lengths and bad characters give ErrDecode, with the offset in
// the detail.
func HexDecode(s string) ([]byte, error) {
	var out []byte
	if err := check(cwetee.Hex_decode(&out, s)); err != nil {
		return nil, err
	}
	return nonNil(out), nil
}

// Base58Encode returns the Base58 (Bitcoin alphabet) text of data. Inputs
// over Base58MaxBytes give ErrTooLong (the work is quadratic in the length).
func Base58Encode(data []byte) (string, error) {
	var s string
	if err := check(cwetee.Base58_encode(&s, data)); err != nil {
		return "", err
	}
	return s, nil
}

// Base58MaxBytes is the largest input of Base58Encode, Base58MaxText the
// longest text Base58Decode accepts.
const (
	Base58MaxBytes = 1024
	Base58MaxText  = 1400
)

// Base58Decode decodes Base58 text; a character outside the alphabet gives
// ErrDecode, text over Base58MaxText characters ErrTooLong.
func Base58Decode(s string) ([]byte, error) {
	var out []byte
	if err := check(cwetee.Base58_decode(&out, s)); err != nil {
		return nil, err
	}
	return nonNil(out), nil
}

// Base64Flag selects the base64 alphabet and padding.
type Base64Flag uint

const (
	Base64URL   Base64Flag = 1 // URL-safe alphabet ('-' and '_')
	Base64NoPad Base64Flag = 2 // encode without '='; decoding rejects '='
)

// Base64Encode returns the RFC 4648 base64 text of data.
func Base64Encode(data []byte, flags Base64Flag) string {
	var s string
	must(cwetee.Base64_encode(&s, data, uint(flags)))
	return s
}

// Base64Decode decodes base64 strictly: no whitespace, canonical final
// bits; without Base64NoPad padding is required unless the input has none
// at all, with it padding is rejected. Malformed input gives ErrDecode.
func Base64Decode(s string, flags Base64Flag) ([]byte, error) {
	var out []byte
	if err := check(cwetee.Base64_decode(&out, s, uint(flags))); err != nil {
		return nil, err
	}
	return nonNil(out), nil
}

// U128MaxDecimals is the largest number of decimals of the decimal
// conversions.
const U128MaxDecimals = 38

var (
	u128Limit = new(big.Int).Lsh(big.NewInt(1), 128) // 2^128
	mask64    = new(big.Int).SetUint64(^uint64(0))
)

// u128Words splits v (0..2^128-1) into {lo, hi}.
func u128Words(v *big.Int) ([]uint64, error) {
	if v == nil {
		return nil, newError(ErrInvalidArgument, "u128: nil value")
	}
	if v.Sign() < 0 || v.Cmp(u128Limit) >= 0 {
		return nil, newError(ErrOverflow, "u128: value "+v.String()+" outside 0..2^128-1")
	}
	lo := new(big.Int).And(v, mask64).Uint64()
	hi := new(big.Int).Rsh(v, 64).Uint64()
	return []uint64{lo, hi}, nil
}

func fromWords(w []uint64) *big.Int {
	v := new(big.Int).SetUint64(w[1])
	v.Lsh(v, 64)
	return v.Or(v, new(big.Int).SetUint64(w[0]))
}

func checkDecimals(decimals uint) error {
	if decimals > U128MaxDecimals {
		return newError(ErrInvalidArgument, "u128: decimals above 38")
	}
	return nil
}

// U128FromDecimal parses a decimal amount with at most `decimals` fraction
// digits into base units: "1.5" at 10 decimals is 15000000000. Errors:
// ErrDecode (bad shape, with the offset), ErrNonCanonical (more fraction
// digits than decimals), ErrOverflow (above 2^128-1), ErrInvalidArgument
// (decimals above U128MaxDecimals).
func U128FromDecimal(s string, decimals uint) (*big.Int, error) {
	if err := checkDecimals(decimals); err != nil {
		return nil, err
	}
	w := make([]uint64, 2)
	if err := check(cwetee.U128_from_decimal(w, s, decimals)); err != nil {
		return nil, err
	}
	return fromWords(w), nil
}

// U128ToDecimal formats base units as a decimal amount with `decimals`
// fraction digits, trailing zeros removed: 15000000000 at 10 decimals is
// "1.5". v must be in 0..2^128-1 (else ErrOverflow).
func U128ToDecimal(v *big.Int, decimals uint) (string, error) {
	if err := checkDecimals(decimals); err != nil {
		return "", err
	}
	w, err := u128Words(v)
	if err != nil {
		return "", err
	}
	buf := make([]byte, 48) // WETEE_U128_DECIMAL_BUFSIZE
	if err := check(cwetee.U128_to_decimal(buf, w, decimals)); err != nil {
		return "", err
	}
	for i, b := range buf {
		if b == 0 {
			return string(buf[:i]), nil
		}
	}
	return "", newError(ErrInternal, "u128: unterminated decimal text")
}

// U128ToLE returns v (0..2^128-1, else ErrOverflow) as 16 little-endian bytes.
func U128ToLE(v *big.Int) ([16]byte, error) {
	var out [16]byte
	w, err := u128Words(v)
	if err != nil {
		return out, err
	}
	cwetee.U128_to_le(out[:], w)
	return out, nil
}

// U128FromLE reads 16 little-endian bytes.
func U128FromLE(le [16]byte) *big.Int {
	w := make([]uint64, 2)
	cwetee.U128_from_le(w, le[:])
	return fromWords(w)
}

// nonNil returns an empty, non-nil slice for empty results.
func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}
