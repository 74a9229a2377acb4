package gotest

import (
	"crypto/rand"
	"encoding/hex"
	"math/big"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

var compactVectors = []struct{ value, hex string }{
	{"0", "00"},
	{"1", "04"},
	{"42", "a8"},
	{"63", "fc"},
	{"64", "0101"},
	{"69", "1501"},
	{"16383", "fdff"},
	{"16384", "02000100"},
	{"1073741823", "feffffff"},
	{"1073741824", "0300000040"},
	{"4294967295", "03ffffffff"},
	{"4294967296", "070000000001"},
	{"100000000000000", "0b00407a10f35a"},
	{"18446744073709551615", "13ffffffffffffffff"},
	{"18446744073709551616", "17000000000000000001"},
	{"340282366920938463463374607431768211455", "33ffffffffffffffffffffffffffffffff"},
}

func TestScaleCompactVectors(t *testing.T) {
	for _, v := range compactVectors {
		value := bigFromString(t, v.value)
		enc, err := wetee.ScaleEncodeCompact(value)
		if err != nil || hex.EncodeToString(enc) != v.hex {
			t.Errorf("encode %s: %x, %v", v.value, enc, err)
		}
		if value.IsUint64() {
			if got := wetee.ScaleEncodeCompactUint64(value.Uint64()); hex.EncodeToString(got) != v.hex {
				t.Errorf("encode uint64 %s: %x", v.value, got)
			}
		}
		dec, n, err := wetee.ScaleDecodeCompact(append(unhex(t, v.hex), 0xaa, 0xbb))
		if err != nil || dec.Cmp(value) != 0 || n != len(v.hex)/2 {
			t.Errorf("decode %s: %v, %d, %v", v.hex, dec, n, err)
		}
	}
}

func TestScaleCompactRoundtrip(t *testing.T) {
	for i := 0; i < 300; i++ {
		var b [17]byte
		rand.Read(b[:])
		v := new(big.Int).SetBytes(b[:16])
		v.Rsh(v, uint(b[16])%129)
		enc, err := wetee.ScaleEncodeCompact(v)
		if err != nil {
			t.Fatal(err)
		}
		dec, n, err := wetee.ScaleDecodeCompact(enc)
		if err != nil || dec.Cmp(v) != 0 || n != len(enc) {
			t.Fatalf("roundtrip %v: %x -> %v, %d, %v", v, enc, dec, n, err)
		}
	}
}

func TestScaleCompactErrors(t *testing.T) {
	_, err := wetee.ScaleEncodeCompact(big.NewInt(-1))
	wantError(t, err, wetee.ErrOverflow)
	_, err = wetee.ScaleEncodeCompact(new(big.Int).Lsh(big.NewInt(1), 128))
	wantError(t, err, wetee.ErrOverflow)
	_, err = wetee.ScaleEncodeCompact(nil)
	wantError(t, err, wetee.ErrInvalidArgument)

	for _, h := range []string{"", "01", "02", "020001", "03ffffff", "13ffffffffffffff"} {
		v, n, err := wetee.ScaleDecodeCompact(unhex(t, h))
		if v != nil || n != 0 {
			t.Errorf("%s: results on error: %v %d", h, v, n)
		}
		wantError(t, err, wetee.ErrTruncated, "offset")
	}
	for _, h := range []string{"0100", "0500", "02000000", "0300000000", "03ffffff3f", "070000000000"} {
		_, _, err := wetee.ScaleDecodeCompact(unhex(t, h))
		wantError(t, err, wetee.ErrNonCanonical, "non-canonical")
	}
	big17 := append([]byte{(17-4)<<2 | 3}, make([]byte, 17)...)
	big17[17] = 1
	_, _, err = wetee.ScaleDecodeCompact(big17)
	wantError(t, err, wetee.ErrOverflow)
}
