package wetee

import (
	"math/big"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// ScaleEncodeCompact returns the SCALE compact encoding (canonical,
// shortest mode) of v, which must be in 0..2^128-1 (else ErrOverflow).
func ScaleEncodeCompact(v *big.Int) ([]byte, error) {
	w, err := u128Words(v)
	if err != nil {
		return nil, err
	}
	var out []byte
	if err := check(cwetee.Scale_encode_compact(&out, w)); err != nil {
		return nil, err
	}
	return out, nil
}

// ScaleEncodeCompactUint64 returns the SCALE compact encoding of v.
func ScaleEncodeCompactUint64(v uint64) []byte {
	var out []byte
	must(cwetee.Scale_encode_compact(&out, []uint64{v, 0}))
	return out
}

// ScaleDecodeCompact decodes the compact integer at the start of data and
// returns it with the number of bytes it took. Errors: ErrTruncated,
// ErrNonCanonical (not the shortest mode), ErrOverflow (above 2^128-1); the
// detail names the offset.
func ScaleDecodeCompact(data []byte) (v *big.Int, consumed int, err error) {
	w := make([]uint64, 2)
	if err := check(cwetee.Scale_decode_compact(w, &consumed, data)); err != nil {
		return nil, 0, err
	}
	return fromWords(w), consumed, nil
}
