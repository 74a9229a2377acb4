/* Private helpers shared by the SCALE encoder and decoder. Not installed. */
#ifndef WETEE_SCALE_IMPL_H
#define WETEE_SCALE_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "internal/common.h"
#include "wetee/scale.h"

#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WT_SCALE_LE_HOST 1
#else
#define WT_SCALE_LE_HOST 0
#endif

#if defined(__GNUC__) || defined(__clang__)
#define WT_SCALE_NOINLINE __attribute__((noinline, cold))
#define WT_SCALE_INLINE static inline __attribute__((always_inline))
#else
#define WT_SCALE_NOINLINE
#define WT_SCALE_INLINE static inline
#endif

/* Little-endian loads and stores: one unaligned move on little-endian
 * hosts, byte by byte elsewhere. */
#if WT_SCALE_LE_HOST
#define WT_SCALE_LDST(bits)                                                                                      \
    WT_SCALE_INLINE uint##bits##_t wt_scale_ld##bits(const uint8_t *p)                                       \
    {                                                                                                        \
        uint##bits##_t v;                                                                                    \
        memcpy(&v, p, sizeof v);                                                                             \
        return v;                                                                                            \
    }                                                                                                        \
    WT_SCALE_INLINE void wt_scale_st##bits(uint8_t *p, uint##bits##_t v) { memcpy(p, &v, sizeof v); }
#else
#define WT_SCALE_LDST(bits)                                                                                      \
    WT_SCALE_INLINE uint##bits##_t wt_scale_ld##bits(const uint8_t *p) { return wt_load_le##bits(p); }       \
    WT_SCALE_INLINE void wt_scale_st##bits(uint8_t *p, uint##bits##_t v) { wt_store_le##bits(p, v); }
#endif
WT_SCALE_LDST(16)
WT_SCALE_LDST(32)
WT_SCALE_LDST(64)
#undef WT_SCALE_LDST

/* Largest BitVec length parity-scale-codec accepts (bitvec's BitSlice limit
 * on 32-bit targets); it panics when encoding more and rejects more when
 * decoding. */
#define WT_SCALE_BITVEC_MAX_BITS 0x1fffffffu

/* Reverse the bit order of a byte. */
static inline uint8_t wt_scale_bitrev8(uint8_t b)
{
    b = (uint8_t)(((b & 0xF0u) >> 4) | ((b & 0x0Fu) << 4));
    b = (uint8_t)(((b & 0xCCu) >> 2) | ((b & 0x33u) << 2));
    b = (uint8_t)(((b & 0xAAu) >> 1) | ((b & 0x55u) << 1));
    return b;
}

/* Byte `k` of the packed element stream (elements 8k..8k+7, element 8k+j at
 * bit j) lands in the encoded word stream at byte wt_scale_bitvec_pos(k):
 * Lsb0 keeps the position and the bit order, Msb0 reverses the bits within
 * the byte and the bytes within each `wb`-byte little-endian word. */
static inline size_t wt_scale_bitvec_pos(size_t k, size_t wb, wetee_scale_bitorder order)
{
    if (order == WETEE_SCALE_LSB0) return k;
    return (k - k % wb) + (wb - 1 - k % wb);
}

#endif
