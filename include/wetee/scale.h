/**
 * @file scale.h
 * @brief SCALE codec (Substrate's Simple Concatenated Aggregate Little-Endian).
 *
 * Encoding appends to a caller-owned wetee_buf. Decoding reads through a
 * wetee_scale_reader, a bounded cursor over caller-owned bytes: it never
 * reads past the end, checks every declared length against what remains
 * before allocating, rejects non-canonical compact integers exactly as
 * parity-scale-codec does, limits nesting depth (the caller brackets each
 * composite value with wetee_scale_enter() and wetee_scale_leave()), and on
 * error names the kind of value and the byte offset in wetee_last_error()
 * (e.g. "scale: compact at offset 17: non-canonical encoding"). After an
 * error the reader does not move.
 *
 * Signed 128-bit values travel as their two's-complement bits in a
 * wetee_u128; 256-bit values as 32 little-endian bytes.
 *
 * Ownership: encoders append to a wetee_buf the caller owns and frees with
 * wetee_buf_free(). Decoders that return a view (wetee_scale_get_bytes(),
 * wetee_scale_get_str(), wetee_scale_get_raw()) point into the reader's
 * input, which the caller owns; such a view is valid as long as that input
 * is. Nothing is allocated while decoding except into a caller wetee_buf
 * (wetee_scale_get_bitvec()).
 *
 * Thread safety: a reader (and a wetee_buf being appended to) is used by one
 * thread at a time; the functions themselves keep no state.
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

/** @brief Store word of a BitVec (the value is the word size in bytes). */
typedef enum wetee_scale_bitstore {
    WETEE_SCALE_BITSTORE_U8 = 1,  /**< u8 words */
    WETEE_SCALE_BITSTORE_U16 = 2, /**< u16 words, little-endian */
    WETEE_SCALE_BITSTORE_U32 = 4, /**< u32 words, little-endian */
    WETEE_SCALE_BITSTORE_U64 = 8  /**< u64 words, little-endian */
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
/* On error `out` keeps its previous length and content.               */
/* ------------------------------------------------------------------ */

/**
 * @brief Append a bool as one byte 0x00/0x01.
 * @param out the buffer to append to (caller-owned).
 * @param v the value; any non-zero `v` is true.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_bool(wetee_buf *out, int v);
/**
 * @brief Append a u8.
 * @param out the buffer to append to (caller-owned).
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_u8(wetee_buf *out, uint8_t v);
/**
 * @brief Append a u16, little-endian.
 * @param out the buffer to append to (caller-owned).
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_u16(wetee_buf *out, uint16_t v);
/**
 * @brief Append a u32, little-endian.
 * @param out the buffer to append to (caller-owned).
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_u32(wetee_buf *out, uint32_t v);
/**
 * @brief Append a u64, little-endian.
 * @param out the buffer to append to (caller-owned).
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_u64(wetee_buf *out, uint64_t v);
/**
 * @brief Append a u128, little-endian (16 bytes).
 * @param out the buffer to append to (caller-owned).
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_u128(wetee_buf *out, wetee_u128 v);
/**
 * @brief Append an i8.
 * @param out the buffer to append to (caller-owned).
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_i8(wetee_buf *out, int8_t v);
/**
 * @brief Append an i16, two's complement little-endian.
 * @param out the buffer to append to (caller-owned).
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_i16(wetee_buf *out, int16_t v);
/**
 * @brief Append an i32, two's complement little-endian.
 * @param out the buffer to append to (caller-owned).
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_i32(wetee_buf *out, int32_t v);
/**
 * @brief Append an i64, two's complement little-endian.
 * @param out the buffer to append to (caller-owned).
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_i64(wetee_buf *out, int64_t v);
/**
 * @brief Append an i128 given as its two's-complement bits (16 bytes LE).
 * @param out the buffer to append to (caller-owned).
 * @param bits the two's-complement bits of the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_i128(wetee_buf *out, wetee_u128 bits);
/**
 * @brief Append a u256 or i256 as 32 little-endian bytes (copied as is).
 * @param out the buffer to append to (caller-owned).
 * @param le the 32 little-endian bytes of the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out or le) or
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_u256(wetee_buf *out, const uint8_t le[32]);

/**
 * @brief Append a compact integer (canonical, shortest mode) of a 64-bit value.
 * @param out the buffer to append to (caller-owned).
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_compact_u64(wetee_buf *out, uint64_t v);
/**
 * @brief Append a compact integer (canonical, shortest mode) of a 128-bit value.
 * @param out the buffer to append to (caller-owned).
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_compact_u128(wetee_buf *out, wetee_u128 v);
/**
 * @brief Append the compact integer of an arbitrary unsigned little-endian
 *        integer of `len` bytes (leading zero bytes allowed; value below
 *        2^536), in canonical shortest mode.
 * @param out the buffer to append to (caller-owned).
 * @param le the value, little-endian; may be NULL when `len` is 0 (the value 0).
 * @param len number of bytes at `le` (any; high zero bytes are ignored).
 * @return WETEE_OK; WETEE_ERR_OVERFLOW when the value needs more than
 *         WETEE_SCALE_COMPACT_BIG_MAX bytes; WETEE_ERR_INVALID_ARGUMENT (NULL
 *         out, NULL le with len > 0); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_compact_big(wetee_buf *out, const uint8_t *le, size_t len);

/**
 * @brief Append the Option tag None (0x00).
 * @param out the buffer to append to (caller-owned).
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_none(wetee_buf *out);
/**
 * @brief Append the Option tag Some (0x01); the caller then encodes the value.
 * @param out the buffer to append to (caller-owned).
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_some(wetee_buf *out);
/**
 * @brief Append an OptionBool: parity-scale-codec's separate one-byte type
 *        (None 0x00, Some(true) 0x01, Some(false) 0x02).
 *
 * This is NOT how a field typed `Option<bool>` in runtime metadata is
 * encoded: that uses the generic Option rule, tag then value
 * (None 00, Some(true) 01 01, Some(false) 01 00), written with
 * wetee_scale_put_none() / wetee_scale_put_some() + wetee_scale_put_bool().
 * Use this function only where the type is `OptionBool` itself.
 * @param out the buffer to append to (caller-owned).
 * @param v -1 for None, 0 for Some(false), 1 for Some(true).
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out, `v` not -1, 0 or 1)
 *         or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_optionbool(wetee_buf *out, int v);
/**
 * @brief Append a Result tag: Ok 0x00 when `is_err` is 0, Err 0x01 otherwise;
 *        the caller then encodes the value.
 * @param out the buffer to append to (caller-owned).
 * @param is_err 0 for Ok, non-zero for Err.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_result(wetee_buf *out, int is_err);
/**
 * @brief Append an enum variant index (one byte); the caller then encodes
 *        the variant's fields.
 * @param out the buffer to append to (caller-owned).
 * @param index the variant index.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_variant(wetee_buf *out, uint8_t index);

/**
 * @brief Append a sequence length prefix (Compact<u32>); the caller encodes
 *        the items.
 * @param out the buffer to append to (caller-owned).
 * @param n number of items, at most 2^32-1.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (n above 2^32-1, which the
 *         Compact<u32> prefix cannot hold); WETEE_ERR_INVALID_ARGUMENT (NULL
 *         out); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_seq_len(wetee_buf *out, size_t n);
/**
 * @brief Append a Vec<u8>: Compact<u32> length, then the bytes.
 * @param out the buffer to append to (caller-owned).
 * @param data the bytes (copied); may be NULL when `len` is 0.
 * @param len number of bytes, at most 2^32-1.
 * @return WETEE_OK; WETEE_ERR_TOO_LONG (len above 2^32-1);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with len > 0);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_bytes(wetee_buf *out, const uint8_t *data, size_t len);
/**
 * @brief Append a String: Compact<u32> length, then the UTF-8 bytes.
 * @param out the buffer to append to (caller-owned).
 * @param text the text (not necessarily NUL-terminated; a NUL byte inside
 *        is encoded like any other); may be NULL when `len` is 0.
 * @param len length of `text` in bytes, at most 2^32-1.
 * @return WETEE_OK; WETEE_ERR_DECODE when `text` is not valid UTF-8 (offset
 *         in the detail); WETEE_ERR_TOO_LONG (len above 2^32-1);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL text with len > 0);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_str(wetee_buf *out, const char *text, size_t len);
/**
 * @brief Append a fixed array of bytes ([u8; N]) or pre-encoded bytes as is
 *        (no length prefix).
 * @param out the buffer to append to (caller-owned).
 * @param data the bytes (copied); may be NULL when `len` is 0.
 * @param len number of bytes.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_raw(wetee_buf *out, const uint8_t *data, size_t len);
/**
 * @brief Append `n` u16 values, each little-endian, no length prefix (use
 *        wetee_scale_put_seq_len() first for a Vec).
 * @param out the buffer to append to (caller-owned).
 * @param v the values; may be NULL when `n` is 0.
 * @param n number of values.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL v with n > 0)
 *         or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_u16_array(wetee_buf *out, const uint16_t *v, size_t n);
/**
 * @brief Append `n` u32 values, each little-endian, no length prefix (use
 *        wetee_scale_put_seq_len() first for a Vec).
 * @param out the buffer to append to (caller-owned).
 * @param v the values; may be NULL when `n` is 0.
 * @param n number of values.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL v with n > 0)
 *         or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_u32_array(wetee_buf *out, const uint32_t *v, size_t n);
/**
 * @brief Append `n` u64 values, each little-endian, no length prefix (use
 *        wetee_scale_put_seq_len() first for a Vec).
 * @param out the buffer to append to (caller-owned).
 * @param v the values; may be NULL when `n` is 0.
 * @param n number of values.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL v with n > 0)
 *         or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_u64_array(wetee_buf *out, const uint64_t *v, size_t n);

/**
 * @brief Append a BitVec<store, order>: Compact<u32> bit count, then the
 *        store words (each little-endian), unused high positions zero.
 *
 * The limit of 2^29-1 bits is the largest BitVec parity-scale-codec handles
 * (bitvec's BitSlice limit on 32-bit targets).
 * @param out the buffer to append to (caller-owned).
 * @param bits packed input: element i is bit (i % 8) of bits[i / 8]; bits of
 *        the last byte beyond `nbits` are ignored. May be NULL when `nbits`
 *        is 0.
 * @param nbits number of elements, at most 2^29 - 1.
 * @param store the store word size.
 * @param order the bit order within each word.
 * @return WETEE_OK; WETEE_ERR_TOO_LONG for more than 2^29 - 1 bits;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL bits with nbits > 0,
 *         unknown store or order); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_put_bitvec(wetee_buf *out, const uint8_t *bits, size_t nbits,
                                     wetee_scale_bitstore store, wetee_scale_bitorder order);

/* ------------------------------------------------------------------ */
/* Decoding                                                            */
/* ------------------------------------------------------------------ */

/**
 * @brief Bounded decoding cursor (plain value type; the bytes stay owned
 *        by the caller and must outlive the reader and every view taken
 *        from it).
 *
 * Initialise with wetee_scale_reader_init(); `max_depth` may then be
 * changed. The other fields are read-only for the caller.
 */
typedef struct wetee_scale_reader {
    const uint8_t *data; /**< input */
    size_t len;          /**< input length */
    size_t pos;          /**< next byte to read */
    unsigned depth;      /**< current nesting depth */
    unsigned max_depth;  /**< nesting limit */
} wetee_scale_reader;

/**
 * @brief Start reading `len` bytes at `data` with the default depth limit
 *        (WETEE_SCALE_DEFAULT_MAX_DEPTH).
 * @param r the reader to initialise; NULL is ignored.
 * @param data the input (not copied: it must stay valid while the reader
 *        and the views it returns are used); NULL gives an empty reader,
 *        whatever `len` is.
 * @param len length of `data` in bytes (above PTRDIFF_MAX, which no object
 *        has: an empty reader, so every read gives WETEE_ERR_TRUNCATED).
 */
WETEE_API void wetee_scale_reader_init(wetee_scale_reader *r, const uint8_t *data, size_t len);
/**
 * @brief Bytes not yet read.
 * @param r the reader.
 * @return the number of bytes after the cursor; 0 for a NULL reader.
 */
WETEE_API size_t wetee_scale_remaining(const wetee_scale_reader *r);
/**
 * @brief Check that the whole input was consumed.
 * @param r the reader.
 * @return WETEE_OK; WETEE_ERR_TRAILING (count and offset in the detail);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL r).
 */
WETEE_API int wetee_scale_finish(const wetee_scale_reader *r);
/**
 * @brief Enter one level of nesting (call before decoding a composite value
 *        that contains others, and wetee_scale_leave() after it).
 * @param r the reader.
 * @return WETEE_OK; WETEE_ERR_DEPTH when `depth` already equals `max_depth`
 *         (the depth is then unchanged); WETEE_ERR_INVALID_ARGUMENT (NULL r).
 */
WETEE_API int wetee_scale_enter(wetee_scale_reader *r);
/**
 * @brief Leave one level of nesting entered with wetee_scale_enter().
 * @param r the reader; NULL, or a depth of 0, is ignored.
 */
WETEE_API void wetee_scale_leave(wetee_scale_reader *r);

/*
 * Every get function returns WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL
 * pointers) or WETEE_ERR_TRUNCATED (not enough bytes), plus the errors it
 * lists. On error neither the reader nor *out changes.
 */

/**
 * @brief Read a bool.
 * @param r the reader.
 * @param out receives 0 or 1.
 * @return WETEE_OK; WETEE_ERR_DECODE for a byte other than 0 or 1;
 *         WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_bool(wetee_scale_reader *r, int *out);
/**
 * @brief Read a u8.
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK, WETEE_ERR_TRUNCATED or WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_u8(wetee_scale_reader *r, uint8_t *out);
/**
 * @brief Read a little-endian u16.
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK, WETEE_ERR_TRUNCATED or WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_u16(wetee_scale_reader *r, uint16_t *out);
/**
 * @brief Read a little-endian u32.
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK, WETEE_ERR_TRUNCATED or WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_u32(wetee_scale_reader *r, uint32_t *out);
/**
 * @brief Read a little-endian u64.
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK, WETEE_ERR_TRUNCATED or WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_u64(wetee_scale_reader *r, uint64_t *out);
/**
 * @brief Read a little-endian u128 (16 bytes).
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK, WETEE_ERR_TRUNCATED or WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_u128(wetee_scale_reader *r, wetee_u128 *out);
/**
 * @brief Read an i8.
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK, WETEE_ERR_TRUNCATED or WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_i8(wetee_scale_reader *r, int8_t *out);
/**
 * @brief Read a two's-complement little-endian i16.
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK, WETEE_ERR_TRUNCATED or WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_i16(wetee_scale_reader *r, int16_t *out);
/**
 * @brief Read a two's-complement little-endian i32.
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK, WETEE_ERR_TRUNCATED or WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_i32(wetee_scale_reader *r, int32_t *out);
/**
 * @brief Read a two's-complement little-endian i64.
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK, WETEE_ERR_TRUNCATED or WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_i64(wetee_scale_reader *r, int64_t *out);
/**
 * @brief Read an i128 (16 bytes) as its two's-complement bits.
 * @param r the reader.
 * @param out receives the bits.
 * @return WETEE_OK, WETEE_ERR_TRUNCATED or WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_i128(wetee_scale_reader *r, wetee_u128 *out);
/**
 * @brief Read a u256/i256 as 32 little-endian bytes.
 * @param r the reader.
 * @param out caller buffer of 32 bytes; receives the bytes.
 * @return WETEE_OK, WETEE_ERR_TRUNCATED or WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_u256(wetee_scale_reader *r, uint8_t out[32]);

/**
 * @brief Read a compact integer that must fit in 64 bits.
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK; WETEE_ERR_NON_CANONICAL (not the shortest mode, or a zero
 *         top byte in big-integer mode); WETEE_ERR_OVERFLOW (value above
 *         2^64-1; reported from the prefix byte, before the remaining bytes
 *         are read, as parity-scale-codec does); WETEE_ERR_TRUNCATED;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_compact_u64(wetee_scale_reader *r, uint64_t *out);
/**
 * @brief Read a compact integer that must fit in 32 bits (as Compact<u32>).
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK; WETEE_ERR_NON_CANONICAL (not the shortest mode);
 *         WETEE_ERR_OVERFLOW (value above 2^32-1; reported from the prefix
 *         byte, before the remaining bytes are read); WETEE_ERR_TRUNCATED;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_compact_u32(wetee_scale_reader *r, uint32_t *out);
/**
 * @brief Read a compact integer that must fit in 128 bits.
 * @param r the reader.
 * @param out receives the value.
 * @return WETEE_OK; WETEE_ERR_NON_CANONICAL (not the shortest mode, or a zero
 *         top byte in big-integer mode); WETEE_ERR_OVERFLOW (value above
 *         2^128-1; reported from the prefix byte, before the remaining bytes
 *         are read); WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT (NULL r
 *         or out).
 */
WETEE_API int wetee_scale_get_compact_u128(wetee_scale_reader *r, wetee_u128 *out);
/**
 * @brief Read a compact integer of any size the format allows (up to
 *        2^536 - 1).
 * @param r the reader.
 * @param out caller buffer of WETEE_SCALE_COMPACT_BIG_MAX bytes; receives
 *        the value little-endian in its first `*out_len` bytes, and all the
 *        bytes above `*out_len` are set to zero (so the whole buffer is the
 *        value as a 67-byte little-endian integer).
 * @param out_len receives the number of significant bytes (0 for the value 0).
 * @return WETEE_OK; WETEE_ERR_NON_CANONICAL (not the shortest mode, or a zero
 *         top byte in big-integer mode); WETEE_ERR_TRUNCATED;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL r, out or out_len).
 */
WETEE_API int wetee_scale_get_compact_big(wetee_scale_reader *r, uint8_t out[WETEE_SCALE_COMPACT_BIG_MAX],
                                          size_t *out_len);

/**
 * @brief Read an Option tag.
 * @param r the reader.
 * @param is_some receives 0 (None, 0x00) or 1 (Some, 0x01).
 * @return WETEE_OK; WETEE_ERR_DECODE for other bytes; WETEE_ERR_TRUNCATED;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL r or is_some).
 */
WETEE_API int wetee_scale_get_option(wetee_scale_reader *r, int *is_some);
/**
 * @brief Read an OptionBool, parity-scale-codec's one-byte type (see
 *        wetee_scale_put_optionbool()); a registry `Option<bool>` is read
 *        with wetee_scale_get_option() then wetee_scale_get_bool().
 * @param r the reader.
 * @param out receives -1 (None, 0x00), 1 (Some(true), 0x01) or 0
 *        (Some(false), 0x02).
 * @return WETEE_OK; WETEE_ERR_DECODE for a byte above 2; WETEE_ERR_TRUNCATED;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_optionbool(wetee_scale_reader *r, int *out);
/**
 * @brief Read a Result tag.
 * @param r the reader.
 * @param is_err receives 0 (Ok, 0x00) or 1 (Err, 0x01).
 * @return WETEE_OK; WETEE_ERR_DECODE for other bytes; WETEE_ERR_TRUNCATED;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL r or is_err).
 */
WETEE_API int wetee_scale_get_result(wetee_scale_reader *r, int *is_err);
/**
 * @brief Read an enum variant index (one byte).
 * @param r the reader.
 * @param out receives the index.
 * @param n_variants number of variants of the enum (indexes 0..n-1), or 0 to accept any byte.
 * @return WETEE_OK; WETEE_ERR_DECODE for an index >= n_variants;
 *         WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT (NULL r or out).
 */
WETEE_API int wetee_scale_get_variant(wetee_scale_reader *r, uint8_t *out, unsigned n_variants);

/**
 * @brief Read a sequence length (Compact<u32>), checked against the
 *        remaining bytes: `n * min_item_size` must not exceed them.
 * @param r the reader.
 * @param out receives the number of items.
 * @param min_item_size smallest encoded size of one item (0 for zero-sized
 *        items, which disables the check).
 * @return WETEE_OK; WETEE_ERR_NON_CANONICAL; WETEE_ERR_OVERFLOW (above
 *         2^32-1); WETEE_ERR_TRUNCATED (the prefix is cut short, or the
 *         declared items cannot fit); WETEE_ERR_INVALID_ARGUMENT (NULL r or
 *         out).
 */
WETEE_API int wetee_scale_get_seq_len(wetee_scale_reader *r, size_t *out, size_t min_item_size);
/**
 * @brief Read a Vec<u8> as a view into the input (no copy).
 * @param r the reader.
 * @param out set to the first byte, inside the reader's input (owned by the
 *        caller of wetee_scale_reader_init(); valid as long as that input).
 * @param out_len receives the number of bytes.
 * @return WETEE_OK; WETEE_ERR_NON_CANONICAL or WETEE_ERR_OVERFLOW (length
 *         prefix); WETEE_ERR_TRUNCATED (prefix cut short, or fewer bytes
 *         remain than it declares); WETEE_ERR_INVALID_ARGUMENT (NULL r, out
 *         or out_len).
 */
WETEE_API int wetee_scale_get_bytes(wetee_scale_reader *r, const uint8_t **out, size_t *out_len);
/**
 * @brief Read a String as a view into the input (no copy, not NUL-terminated).
 * @param r the reader.
 * @param out set to the first byte of the UTF-8 text, inside the reader's
 *        input (valid as long as that input).
 * @param out_len receives the length in bytes.
 * @return WETEE_OK; WETEE_ERR_DECODE for invalid UTF-8 (offset in the
 *         detail); WETEE_ERR_NON_CANONICAL or WETEE_ERR_OVERFLOW (length
 *         prefix); WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT (NULL r,
 *         out or out_len).
 */
WETEE_API int wetee_scale_get_str(wetee_scale_reader *r, const char **out, size_t *out_len);
/**
 * @brief Read `n` raw bytes ([u8; N]) as a view into the input (no copy).
 * @param r the reader.
 * @param out set to the first byte, inside the reader's input (valid as
 *        long as that input).
 * @param n number of bytes.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT (NULL r
 *         or out).
 */
WETEE_API int wetee_scale_get_raw(wetee_scale_reader *r, const uint8_t **out, size_t n);
/**
 * @brief Read `n` little-endian u16 values into a caller array (no length prefix).
 * @param r the reader.
 * @param out caller array of `n` values; may be NULL when `n` is 0.
 * @param n number of values.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT (NULL r,
 *         NULL out with n > 0).
 */
WETEE_API int wetee_scale_get_u16_array(wetee_scale_reader *r, uint16_t *out, size_t n);
/**
 * @brief Read `n` little-endian u32 values into a caller array (no length prefix).
 * @param r the reader.
 * @param out caller array of `n` values; may be NULL when `n` is 0.
 * @param n number of values.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT (NULL r,
 *         NULL out with n > 0).
 */
WETEE_API int wetee_scale_get_u32_array(wetee_scale_reader *r, uint32_t *out, size_t n);
/**
 * @brief Read `n` little-endian u64 values into a caller array (no length prefix).
 * @param r the reader.
 * @param out caller array of `n` values; may be NULL when `n` is 0.
 * @param n number of values.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT (NULL r,
 *         NULL out with n > 0).
 */
WETEE_API int wetee_scale_get_u64_array(wetee_scale_reader *r, uint64_t *out, size_t n);

/**
 * @brief Read a BitVec<store, order>, as parity-scale-codec decodes it:
 *        unused positions of the last word are ignored.
 *
 * The bit count is limited to 2^29-1, as in parity-scale-codec; the count
 * is checked against the remaining input before `bits` grows.
 * @param r the reader.
 * @param bits replaced with the packed elements (element i is bit i % 8 of
 *        byte i / 8; unused bits of the last byte are zero); owned by the
 *        caller, who frees it with wetee_buf_free().
 * @param nbits receives the number of elements.
 * @param store the store word size the value was encoded with.
 * @param order the bit order the value was encoded with.
 * @return WETEE_OK; WETEE_ERR_NON_CANONICAL (count prefix);
 *         WETEE_ERR_TOO_LONG (count above 2^29-1); WETEE_ERR_OVERFLOW (a
 *         prefix wider than Compact<u32>); WETEE_ERR_TRUNCATED; WETEE_ERR_NO_MEMORY;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL r, bits or nbits, unknown store
 *         or order).
 */
WETEE_API int wetee_scale_get_bitvec(wetee_scale_reader *r, wetee_buf *bits, size_t *nbits,
                                     wetee_scale_bitstore store, wetee_scale_bitorder order);

/* ------------------------------------------------------------------ */
/* One-shot helpers (used by the bindings)                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Encode a 128-bit value as a compact integer into `out`.
 * @param out replaced (not appended to) with the encoding; owned by the caller.
 * @param v the value.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_scale_encode_compact(wetee_buf *out, wetee_u128 v);
/**
 * @brief Decode one compact integer (up to 128 bits) from the start of
 *        `data`; bytes after it are ignored.
 * @param out receives the value.
 * @param consumed receives the number of bytes read (set on success only).
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return as wetee_scale_get_compact_u128(); also WETEE_ERR_INVALID_ARGUMENT
 *         for NULL out or consumed, or NULL data with len > 0.
 */
WETEE_API int wetee_scale_decode_compact(wetee_u128 *out, size_t *consumed, const uint8_t *data, size_t len);

/* ------------------------------------------------------------------ */
/* Inline fast paths                                                   */
/* ------------------------------------------------------------------ */

#if !defined(SWIG) && !defined(WETEE_SCALE_NO_INLINE) && !defined(WETEE_BUILDING) && !defined(__DOXYGEN__)
/*
 * The one-, two- and four-byte compact modes are decoded inline in the
 * caller; the big-integer mode, every error and every unusual argument go
 * to the exported function, so results and errors are exactly those of the
 * exported function. Define WETEE_SCALE_NO_INLINE to always call it.
 */
static inline int wetee_scale_inline_compact_(wetee_scale_reader *r, uint32_t *v, size_t *n)
{
    const uint8_t *p;
    size_t rem;
    if (!r || !r->data || r->pos >= r->len) return 0;
    p = r->data + r->pos;
    rem = r->len - r->pos;
    switch (p[0] & 3u) {
    case 0:
        *v = (uint32_t)p[0] >> 2;
        *n = 1;
        return 1;
    case 1:
        if (rem < 2) return 0;
        *v = ((uint32_t)p[0] | (uint32_t)p[1] << 8) >> 2;
        *n = 2;
        return *v >= 64u;
    case 2:
        if (rem < 4) return 0;
        *v = ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24) >> 2;
        *n = 4;
        return *v >= (1u << 14);
    default:
        return 0;
    }
}

static inline int wetee_scale_inline_compact_u32_(wetee_scale_reader *r, uint32_t *out)
{
    uint32_t v;
    size_t n;
    if (out && wetee_scale_inline_compact_(r, &v, &n)) {
        *out = v;
        r->pos += n;
        return WETEE_OK;
    }
    return (wetee_scale_get_compact_u32)(r, out);
}

static inline int wetee_scale_inline_compact_u64_(wetee_scale_reader *r, uint64_t *out)
{
    uint32_t v;
    size_t n;
    if (out && wetee_scale_inline_compact_(r, &v, &n)) {
        *out = v;
        r->pos += n;
        return WETEE_OK;
    }
    return (wetee_scale_get_compact_u64)(r, out);
}

static inline int wetee_scale_inline_compact_u128_(wetee_scale_reader *r, wetee_u128 *out)
{
    uint32_t v;
    size_t n;
    if (out && wetee_scale_inline_compact_(r, &v, &n)) {
        out->lo = v;
        out->hi = 0;
        r->pos += n;
        return WETEE_OK;
    }
    return (wetee_scale_get_compact_u128)(r, out);
}

#define wetee_scale_get_compact_u32(r, out) wetee_scale_inline_compact_u32_((r), (out))
#define wetee_scale_get_compact_u64(r, out) wetee_scale_inline_compact_u64_((r), (out))
#define wetee_scale_get_compact_u128(r, out) wetee_scale_inline_compact_u128_((r), (out))
#endif

#ifdef __cplusplus
}
#endif

#endif /* WETEE_SCALE_H */
