/**
 * @file scale.h
 * @brief SCALE codec (Substrate's Simple Concatenated Aggregate Little-Endian).
 *
 * Encoding appends to a caller-owned wetee_buf. Decoding reads through a
 * wetee_scale_reader, a bounded cursor over caller-owned bytes: it never
 * reads past the end, checks every declared length against what remains
 * before allocating, rejects non-canonical compact integers exactly as
 * parity-scale-codec does, limits nesting depth, and on error names the
 * kind of value and the byte offset in wetee_last_error()
 * (e.g. "scale: compact at offset 17: non-canonical encoding"). After an
 * error the reader does not move.
 *
 * Signed 128-bit values travel as their two's-complement bits in a
 * wetee_u128; 256-bit values as 32 little-endian bytes.
 *
 * Thread safety: a reader is used by one thread at a time; the functions
 * themselves keep no state.
 */
#ifndef WETEE_SCALE_H
#define WETEE_SCALE_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Default nesting limit of a reader (see wetee_scale_enter()). */
#define WETEE_SCALE_DEFAULT_MAX_DEPTH 64
/** @brief Largest compact integer in bytes of value (big-integer mode: 4 + 63). */
#define WETEE_SCALE_COMPACT_BIG_MAX 67
/** @brief Largest encoded compact integer: one prefix byte plus 67 value bytes. */
#define WETEE_SCALE_COMPACT_MAX_BYTES 68

/** @brief Store word of a BitVec. */
typedef enum wetee_scale_bitstore {
    WETEE_SCALE_BITSTORE_U8 = 1,
    WETEE_SCALE_BITSTORE_U16 = 2,
    WETEE_SCALE_BITSTORE_U32 = 4,
    WETEE_SCALE_BITSTORE_U64 = 8
} wetee_scale_bitstore;

/** @brief Bit order of a BitVec within each store word. */
typedef enum wetee_scale_bitorder {
    WETEE_SCALE_LSB0 = 0, /**< element i is bit i of its word (bitvec's Lsb0) */
    WETEE_SCALE_MSB0 = 1  /**< element i is bit W-1-i of its word (bitvec's Msb0) */
} wetee_scale_bitorder;

/* ------------------------------------------------------------------ */
/* Encoding                                                            */
/* All functions append to `out` and return WETEE_OK,                  */
/* WETEE_ERR_INVALID_ARGUMENT or WETEE_ERR_NO_MEMORY unless noted.     */
/* ------------------------------------------------------------------ */

/** @brief bool as one byte 0x00/0x01 (any non-zero `v` is true). */
WETEE_API int wetee_scale_put_bool(wetee_buf *out, int v);
WETEE_API int wetee_scale_put_u8(wetee_buf *out, uint8_t v);   /**< @brief u8 */
WETEE_API int wetee_scale_put_u16(wetee_buf *out, uint16_t v); /**< @brief u16, little-endian */
WETEE_API int wetee_scale_put_u32(wetee_buf *out, uint32_t v); /**< @brief u32, little-endian */
WETEE_API int wetee_scale_put_u64(wetee_buf *out, uint64_t v); /**< @brief u64, little-endian */
WETEE_API int wetee_scale_put_u128(wetee_buf *out, wetee_u128 v); /**< @brief u128, little-endian */
WETEE_API int wetee_scale_put_i8(wetee_buf *out, int8_t v);   /**< @brief i8 */
WETEE_API int wetee_scale_put_i16(wetee_buf *out, int16_t v); /**< @brief i16, two's complement LE */
WETEE_API int wetee_scale_put_i32(wetee_buf *out, int32_t v); /**< @brief i32, two's complement LE */
WETEE_API int wetee_scale_put_i64(wetee_buf *out, int64_t v); /**< @brief i64, two's complement LE */
/** @brief i128 given as its two's-complement bits. */
WETEE_API int wetee_scale_put_i128(wetee_buf *out, wetee_u128 bits);
/** @brief u256 or i256 as 32 little-endian bytes (copied as is). */
WETEE_API int wetee_scale_put_u256(wetee_buf *out, const uint8_t le[32]);

/** @brief Compact integer (canonical, shortest mode) of a 64-bit value. */
WETEE_API int wetee_scale_put_compact_u64(wetee_buf *out, uint64_t v);
/** @brief Compact integer (canonical, shortest mode) of a 128-bit value. */
WETEE_API int wetee_scale_put_compact_u128(wetee_buf *out, wetee_u128 v);
/**
 * @brief Compact integer of an arbitrary unsigned little-endian integer of
 *        `len` bytes (leading zero bytes allowed; value below 2^536).
 * @return also WETEE_ERR_OVERFLOW when the value needs more than 67 bytes.
 */
WETEE_API int wetee_scale_put_compact_big(wetee_buf *out, const uint8_t *le, size_t len);

/** @brief Option tag: None (0x00). */
WETEE_API int wetee_scale_put_none(wetee_buf *out);
/** @brief Option tag: Some (0x01); the caller then encodes the value. */
WETEE_API int wetee_scale_put_some(wetee_buf *out);
/**
 * @brief Option<bool> in its one-byte form: None 0x00, Some(true) 0x01,
 *        Some(false) 0x02.
 * @param v -1 for None, 0 for Some(false), 1 for Some(true).
 */
WETEE_API int wetee_scale_put_option_bool(wetee_buf *out, int v);
/** @brief Result tag: Ok 0x00 when `is_err` is 0, Err 0x01 otherwise. */
WETEE_API int wetee_scale_put_result(wetee_buf *out, int is_err);
/** @brief Enum variant index (one byte). */
WETEE_API int wetee_scale_put_variant(wetee_buf *out, uint8_t index);

/** @brief Sequence length prefix (Compact<u32>); the caller encodes the items. */
WETEE_API int wetee_scale_put_seq_len(wetee_buf *out, size_t n);
/** @brief Vec<u8>: compact length then the bytes. */
WETEE_API int wetee_scale_put_bytes(wetee_buf *out, const uint8_t *data, size_t len);
/**
 * @brief String: compact length then UTF-8 bytes.
 * @return also WETEE_ERR_DECODE when `text` is not valid UTF-8 (offset in the detail).
 */
WETEE_API int wetee_scale_put_str(wetee_buf *out, const char *text, size_t len);
/** @brief Fixed array of bytes ([u8; N]) or pre-encoded bytes: appended as is. */
WETEE_API int wetee_scale_put_raw(wetee_buf *out, const uint8_t *data, size_t len);
/** @brief `n` u16 values, no length prefix (use put_seq_len first for a Vec). */
WETEE_API int wetee_scale_put_u16_array(wetee_buf *out, const uint16_t *v, size_t n);
/** @brief `n` u32 values, no length prefix (use put_seq_len first for a Vec). */
WETEE_API int wetee_scale_put_u32_array(wetee_buf *out, const uint32_t *v, size_t n);
/** @brief `n` u64 values, no length prefix (use put_seq_len first for a Vec). */
WETEE_API int wetee_scale_put_u64_array(wetee_buf *out, const uint64_t *v, size_t n);

/**
 * @brief BitVec<store, order>: Compact<u32> bit count, then the store words
 *        (each little-endian), unused high positions zero.
 * @param bits packed input: element i is bit (i % 8) of bits[i / 8].
 * @param nbits number of elements (at most 2^32 - 1).
 * @return also WETEE_ERR_OVERFLOW for too many bits.
 */
WETEE_API int wetee_scale_put_bitvec(wetee_buf *out, const uint8_t *bits, size_t nbits,
                                     wetee_scale_bitstore store, wetee_scale_bitorder order);

/* ------------------------------------------------------------------ */
/* Decoding                                                            */
/* ------------------------------------------------------------------ */

/**
 * @brief Bounded decoding cursor (plain value type; the bytes stay owned
 *        by the caller and must outlive the reader).
 */
typedef struct wetee_scale_reader {
    const uint8_t *data; /**< input */
    size_t len;          /**< input length */
    size_t pos;          /**< next byte to read */
    unsigned depth;      /**< current nesting depth */
    unsigned max_depth;  /**< nesting limit */
} wetee_scale_reader;

/** @brief Start reading `len` bytes at `data` with the default depth limit. */
WETEE_API void wetee_scale_reader_init(wetee_scale_reader *r, const uint8_t *data, size_t len);
/** @brief Bytes not yet read. */
WETEE_API size_t wetee_scale_remaining(const wetee_scale_reader *r);
/**
 * @brief Check that the whole input was consumed.
 * @return WETEE_OK or WETEE_ERR_TRAILING (count and offset in the detail).
 */
WETEE_API int wetee_scale_finish(const wetee_scale_reader *r);
/**
 * @brief Enter one level of nesting (a composite value containing others).
 * @return WETEE_OK or WETEE_ERR_DEPTH when the limit would be exceeded.
 */
WETEE_API int wetee_scale_enter(wetee_scale_reader *r);
/** @brief Leave one level of nesting. */
WETEE_API void wetee_scale_leave(wetee_scale_reader *r);

/*
 * Every get function returns WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL
 * pointers) or WETEE_ERR_TRUNCATED (not enough bytes), plus the errors it
 * lists. On error neither the reader nor *out changes.
 */

/** @brief bool; WETEE_ERR_DECODE for a byte other than 0 or 1. */
WETEE_API int wetee_scale_get_bool(wetee_scale_reader *r, int *out);
WETEE_API int wetee_scale_get_u8(wetee_scale_reader *r, uint8_t *out);   /**< @brief u8 */
WETEE_API int wetee_scale_get_u16(wetee_scale_reader *r, uint16_t *out); /**< @brief u16 */
WETEE_API int wetee_scale_get_u32(wetee_scale_reader *r, uint32_t *out); /**< @brief u32 */
WETEE_API int wetee_scale_get_u64(wetee_scale_reader *r, uint64_t *out); /**< @brief u64 */
WETEE_API int wetee_scale_get_u128(wetee_scale_reader *r, wetee_u128 *out); /**< @brief u128 */
WETEE_API int wetee_scale_get_i8(wetee_scale_reader *r, int8_t *out);   /**< @brief i8 */
WETEE_API int wetee_scale_get_i16(wetee_scale_reader *r, int16_t *out); /**< @brief i16 */
WETEE_API int wetee_scale_get_i32(wetee_scale_reader *r, int32_t *out); /**< @brief i32 */
WETEE_API int wetee_scale_get_i64(wetee_scale_reader *r, int64_t *out); /**< @brief i64 */
/** @brief i128 as two's-complement bits. */
WETEE_API int wetee_scale_get_i128(wetee_scale_reader *r, wetee_u128 *out);
/** @brief u256/i256 as 32 little-endian bytes. */
WETEE_API int wetee_scale_get_u256(wetee_scale_reader *r, uint8_t out[32]);

/**
 * @brief Compact integer that must fit in 64 bits.
 * @return also WETEE_ERR_NON_CANONICAL (not the shortest mode / leading zero
 *         byte), WETEE_ERR_OVERFLOW (value above 2^64-1).
 */
WETEE_API int wetee_scale_get_compact_u64(wetee_scale_reader *r, uint64_t *out);
/** @brief Compact integer that must fit in 32 bits (as Compact<u32>). */
WETEE_API int wetee_scale_get_compact_u32(wetee_scale_reader *r, uint32_t *out);
/** @brief Compact integer that must fit in 128 bits. */
WETEE_API int wetee_scale_get_compact_u128(wetee_scale_reader *r, wetee_u128 *out);
/**
 * @brief Compact integer of any size the format allows (up to 2^536 - 1).
 * @param out caller buffer of WETEE_SCALE_COMPACT_BIG_MAX bytes, receives the
 *        value little-endian without leading zero bytes above `*out_len`.
 * @param out_len number of significant bytes (0 for the value 0).
 */
WETEE_API int wetee_scale_get_compact_big(wetee_scale_reader *r, uint8_t out[WETEE_SCALE_COMPACT_BIG_MAX],
                                          size_t *out_len);

/** @brief Option tag: *is_some = 0 or 1; WETEE_ERR_DECODE for other bytes. */
WETEE_API int wetee_scale_get_option(wetee_scale_reader *r, int *is_some);
/** @brief Option<bool> one-byte form: *out = -1 (None), 1 (0x01) or 0 (0x02). */
WETEE_API int wetee_scale_get_option_bool(wetee_scale_reader *r, int *out);
/** @brief Result tag: *is_err = 0 (Ok) or 1 (Err); WETEE_ERR_DECODE otherwise. */
WETEE_API int wetee_scale_get_result(wetee_scale_reader *r, int *is_err);
/**
 * @brief Enum variant index.
 * @param n_variants number of variants of the enum (indexes 0..n-1), or 0 to accept any byte.
 * @return also WETEE_ERR_DECODE for an index >= n_variants.
 */
WETEE_API int wetee_scale_get_variant(wetee_scale_reader *r, uint8_t *out, unsigned n_variants);

/**
 * @brief Sequence length (Compact<u32>), checked against the remaining bytes:
 *        `n * min_item_size` must not exceed them.
 * @param min_item_size smallest encoded size of one item (0 for zero-sized items).
 * @return also WETEE_ERR_NON_CANONICAL, WETEE_ERR_OVERFLOW (above u32),
 *         WETEE_ERR_TRUNCATED (the declared items cannot fit).
 */
WETEE_API int wetee_scale_get_seq_len(wetee_scale_reader *r, size_t *out, size_t min_item_size);
/**
 * @brief Vec<u8> as a view into the input (no copy).
 * @param out set to the first byte (inside the reader's input).
 */
WETEE_API int wetee_scale_get_bytes(wetee_scale_reader *r, const uint8_t **out, size_t *out_len);
/**
 * @brief String as a view into the input (no copy, not NUL-terminated).
 * @return also WETEE_ERR_DECODE for invalid UTF-8 (offset in the detail).
 */
WETEE_API int wetee_scale_get_str(wetee_scale_reader *r, const char **out, size_t *out_len);
/** @brief `n` raw bytes ([u8; N]) as a view into the input. */
WETEE_API int wetee_scale_get_raw(wetee_scale_reader *r, const uint8_t **out, size_t n);
/** @brief `n` u16 values into a caller array (no length prefix). */
WETEE_API int wetee_scale_get_u16_array(wetee_scale_reader *r, uint16_t *out, size_t n);
/** @brief `n` u32 values into a caller array (no length prefix). */
WETEE_API int wetee_scale_get_u32_array(wetee_scale_reader *r, uint32_t *out, size_t n);
/** @brief `n` u64 values into a caller array (no length prefix). */
WETEE_API int wetee_scale_get_u64_array(wetee_scale_reader *r, uint64_t *out, size_t n);

/**
 * @brief BitVec<store, order>, as parity-scale-codec decodes it: unused
 *        positions of the last word are ignored.
 * @param bits replaced with the packed elements (element i is bit i % 8 of byte i / 8).
 * @param nbits number of elements.
 * @return also WETEE_ERR_NON_CANONICAL/WETEE_ERR_OVERFLOW for the count,
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_get_bitvec(wetee_scale_reader *r, wetee_buf *bits, size_t *nbits,
                                     wetee_scale_bitstore store, wetee_scale_bitorder order);

/* ------------------------------------------------------------------ */
/* One-shot helpers (used by the bindings)                             */
/* ------------------------------------------------------------------ */

/** @brief Encode a 128-bit value as a compact integer into `out` (replaced). */
WETEE_API int wetee_scale_encode_compact(wetee_buf *out, wetee_u128 v);
/**
 * @brief Decode one compact integer (up to 128 bits) from the start of `data`.
 * @param consumed receives the number of bytes read.
 * @return as wetee_scale_get_compact_u128().
 */
WETEE_API int wetee_scale_decode_compact(wetee_u128 *out, size_t *consumed, const uint8_t *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_SCALE_H */
