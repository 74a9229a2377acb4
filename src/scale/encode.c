/* SCALE encoder: every function appends to a caller-owned wetee_buf. */
#include "scale/scale_impl.h"

#define MOD "scale"

/* Growth is out of line so that the fast paths stay leaf functions. */
static WT_SCALE_NOINLINE int grow(wetee_buf *out, size_t n) { return wt_buf_grow(out, n); }

/* Make room for `n` more bytes after out->len or return the error. The
 * common case is one compare (wt_buf_grow keeps one spare byte, hence <=). */
#define RESERVE(out, n)                                                                                          \
    do {                                                                                                         \
        if (WT_UNLIKELY((out)->cap - (out)->len <= (n))) {                                                       \
            int rc_ = grow((out), (n));                                                                          \
            if (rc_ != WETEE_OK) return rc_;                                                                     \
        }                                                                                                        \
    } while (0)

WT_SCALE_INLINE int put_fixed(wetee_buf *out, const uint8_t *src, size_t n)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    RESERVE(out, n);
    memcpy(out->data + out->len, src, n);
    out->len += n;
    return WETEE_OK;
}

WT_SCALE_INLINE int put_byte(wetee_buf *out, uint8_t b)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    RESERVE(out, 1);
    out->data[out->len++] = b;
    return WETEE_OK;
}

/* Number of significant bytes of v (0 for 0). */
WT_SCALE_INLINE unsigned sig_bytes64(uint64_t v)
{
#if defined(__GNUC__) || defined(__clang__)
    return v ? (unsigned)(71 - __builtin_clzll(v)) >> 3 : 0;
#else
    unsigned n = 0;
    while (v) { n++; v >>= 8; }
    return n;
#endif
}

/* Write the canonical compact form of v at p (which has room for 9 bytes);
 * returns the encoded length. */
WT_SCALE_INLINE size_t compact64_write(uint8_t *p, uint64_t v)
{
    if (v < (1u << 6)) {
        p[0] = (uint8_t)(v << 2);
        return 1;
    }
    if (v < (1u << 14)) {
        wt_scale_st16(p, (uint16_t)((v << 2) | 1u));
        return 2;
    }
    if (v < (1u << 30)) {
        wt_scale_st32(p, (uint32_t)((v << 2) | 2u));
        return 4;
    }
    {
        unsigned n = sig_bytes64(v); /* 4..8 */
        p[0] = (uint8_t)(((n - 4) << 2) | 3u);
        wt_scale_st64(p + 1, v); /* only n bytes count */
        return (size_t)n + 1;
    }
}

/* Same for 128 bits; p has room for 17 bytes. */
WT_SCALE_INLINE size_t compact128_write(uint8_t *p, wetee_u128 v)
{
    unsigned n;
    if (WT_LIKELY(v.hi == 0)) return compact64_write(p, v.lo);
    n = 8 + sig_bytes64(v.hi); /* 9..16 */
    p[0] = (uint8_t)(((n - 4) << 2) | 3u);
    wt_scale_st64(p + 1, v.lo);
    wt_scale_st64(p + 9, v.hi);
    return (size_t)n + 1;
}

/* ---- primitives ---- */

int wetee_scale_put_bool(wetee_buf *out, int v) { return put_byte(out, v ? 1 : 0); }
int wetee_scale_put_u8(wetee_buf *out, uint8_t v) { return put_byte(out, v); }

int wetee_scale_put_u16(wetee_buf *out, uint16_t v)
{
    uint8_t b[2];
    wt_store_le16(b, v);
    return put_fixed(out, b, 2);
}

int wetee_scale_put_u32(wetee_buf *out, uint32_t v)
{
    uint8_t b[4];
    wt_store_le32(b, v);
    return put_fixed(out, b, 4);
}

int wetee_scale_put_u64(wetee_buf *out, uint64_t v)
{
    uint8_t b[8];
    wt_store_le64(b, v);
    return put_fixed(out, b, 8);
}

int wetee_scale_put_u128(wetee_buf *out, wetee_u128 v)
{
    uint8_t b[16];
    wt_store_le64(b, v.lo);
    wt_store_le64(b + 8, v.hi);
    return put_fixed(out, b, 16);
}

int wetee_scale_put_i8(wetee_buf *out, int8_t v) { return put_byte(out, (uint8_t)v); }
int wetee_scale_put_i16(wetee_buf *out, int16_t v) { return wetee_scale_put_u16(out, (uint16_t)v); }
int wetee_scale_put_i32(wetee_buf *out, int32_t v) { return wetee_scale_put_u32(out, (uint32_t)v); }
int wetee_scale_put_i64(wetee_buf *out, int64_t v) { return wetee_scale_put_u64(out, (uint64_t)v); }
int wetee_scale_put_i128(wetee_buf *out, wetee_u128 bits) { return wetee_scale_put_u128(out, bits); }

int wetee_scale_put_u256(wetee_buf *out, const uint8_t le[32])
{
    uint8_t b[32]; /* a copy: `le` may lie inside `out` */
    WT_ARG(le != NULL, MOD, "le is NULL");
    memcpy(b, le, 32);
    return put_fixed(out, b, 32);
}

/* ---- compact ---- */

int wetee_scale_put_compact_u64(wetee_buf *out, uint64_t v)
{
    uint8_t *p;
    WT_ARG(out != NULL, MOD, "out is NULL");
    RESERVE(out, 9);
    p = out->data + out->len;
    out->len += compact64_write(p, v);
    return WETEE_OK;
}

int wetee_scale_put_compact_u128(wetee_buf *out, wetee_u128 v)
{
    uint8_t *p;
    WT_ARG(out != NULL, MOD, "out is NULL");
    RESERVE(out, 17);
    p = out->data + out->len;
    out->len += compact128_write(p, v);
    return WETEE_OK;
}

int wetee_scale_put_compact_big(wetee_buf *out, const uint8_t *le, size_t len)
{
    uint8_t *p;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(le, len, MOD);
    while (len > 0 && le[len - 1] == 0) len--;
    if (len <= 8) {
        uint64_t v = 0;
        size_t i;
        for (i = len; i > 0; i--) v = (v << 8) | le[i - 1];
        return wetee_scale_put_compact_u64(out, v);
    }
    if (len > WETEE_SCALE_COMPACT_BIG_MAX)
        return wt_error(WETEE_ERR_OVERFLOW,
                        "scale: compact: value of %zu bytes exceeds the %d-byte limit of the format", len,
                        WETEE_SCALE_COMPACT_BIG_MAX);
    if (WT_UNLIKELY(wt_buf_overlaps(out, le, len))) { /* at most 67 bytes: copy through the stack */
        uint8_t copy[WETEE_SCALE_COMPACT_BIG_MAX];
        int rc;
        memcpy(copy, le, len);
        rc = wetee_scale_put_compact_big(out, copy, len);
        wetee_wipe(copy, sizeof copy);
        return rc;
    }
    RESERVE(out, len + 1);
    p = out->data + out->len;
    p[0] = (uint8_t)(((len - 4) << 2) | 3u);
    memcpy(p + 1, le, len);
    out->len += len + 1;
    return WETEE_OK;
}

/* ---- tags ---- */

int wetee_scale_put_none(wetee_buf *out) { return put_byte(out, 0); }
int wetee_scale_put_some(wetee_buf *out) { return put_byte(out, 1); }

int wetee_scale_put_optionbool(wetee_buf *out, int v)
{
    WT_ARG(v >= -1 && v <= 1, MOD, "v must be -1, 0 or 1");
    return put_byte(out, v < 0 ? 0 : v ? 1 : 2);
}

int wetee_scale_put_result(wetee_buf *out, int is_err) { return put_byte(out, is_err ? 1 : 0); }
int wetee_scale_put_variant(wetee_buf *out, uint8_t index) { return put_byte(out, index); }

/* ---- sequences ---- */

int wetee_scale_put_seq_len(wetee_buf *out, size_t n)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    if (WT_UNLIKELY((uint64_t)n > UINT32_MAX))
        return wt_error(WETEE_ERR_OVERFLOW, "scale: sequence length %zu does not fit the Compact<u32> prefix", n);
    return wetee_scale_put_compact_u64(out, (uint64_t)n);
}

/* Compact<u32> length prefix followed by `len` bytes, one reservation. */
static int check_prefixed_len(size_t len, const char *what)
{
    /* WT_ARG_DATA has bounded len by WT_LEN_MAX, so len + 9 cannot wrap */
    if (WT_UNLIKELY((uint64_t)len > UINT32_MAX))
        return wt_error(WETEE_ERR_TOO_LONG, "scale: %s of %zu bytes: its length does not fit the Compact<u32> prefix",
                        what, len);
    return WETEE_OK;
}

/* `len` passed check_prefixed_len(). */
static int put_prefixed(wetee_buf *out, const uint8_t *data, size_t len)
{
    uint8_t *p;
    size_t k;
    RESERVE(out, len + 9);
    p = out->data + out->len;
    k = compact64_write(p, (uint64_t)len);
    if (len) memcpy(p + k, data, len);
    out->len += k + len;
    return WETEE_OK;
}

int wetee_scale_put_bytes(wetee_buf *out, const uint8_t *data, size_t len)
{
    void *copy = NULL;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(data, len, MOD);
    if (WT_UNLIKELY((rc = check_prefixed_len(len, "bytes")) != WETEE_OK)) return rc;
    WT_DETACH(out, data, len, copy);
    rc = put_prefixed(out, data, len);
    WT_RELEASE(copy, len);
    return rc;
}

int wetee_scale_put_str(wetee_buf *out, const char *text, size_t len)
{
    size_t bad = 0;
    void *copy = NULL;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(text, len, MOD);
    if (len && !wt_utf8_valid((const uint8_t *)text, len, &bad))
        return wt_error(WETEE_ERR_DECODE, "scale: str: invalid UTF-8 at offset %zu of the text", bad);
    if (WT_UNLIKELY((rc = check_prefixed_len(len, "str")) != WETEE_OK)) return rc;
    WT_DETACH(out, text, len, copy);
    rc = put_prefixed(out, (const uint8_t *)text, len);
    WT_RELEASE(copy, len);
    return rc;
}

int wetee_scale_put_raw(wetee_buf *out, const uint8_t *data, size_t len)
{
    void *copy = NULL;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(data, len, MOD);
    if (len == 0) return WETEE_OK;
    WT_DETACH(out, data, len, copy);
    rc = put_fixed(out, data, len);
    WT_RELEASE(copy, len);
    return rc;
}

/* n items of W bytes each, converted to little-endian: one reservation,
 * then a plain copy on little-endian hosts. */
#if WT_SCALE_LE_HOST
#define COPY_ITEMS(bits, p, v, n) memcpy((p), (v), (n) * sizeof *(v))
#else
#define COPY_ITEMS(bits, p, v, n)                                                                                \
    do {                                                                                                         \
        size_t i_;                                                                                               \
        for (i_ = 0; i_ < (n); i_++) wt_store_le##bits((p) + i_ * sizeof *(v), (v)[i_]);                          \
    } while (0)
#endif

#define PUT_ARRAY(name, bits)                                                                                    \
    int name(wetee_buf *out, const uint##bits##_t *v, size_t n)                                                  \
    {                                                                                                            \
        const size_t w = bits / 8;                                                                               \
        void *copy = NULL;                                                                                       \
        WT_ARG(out != NULL, MOD, "out is NULL");                                                                 \
        WT_ARG_DATA(v, n, MOD);                                                                                  \
        if (n == 0) return WETEE_OK;                                                                             \
        if (WT_UNLIKELY(n > WT_LEN_MAX / w))                                                                     \
            return wt_error(WETEE_ERR_TOO_LONG, "scale: u%d array of %zu items is larger than any object", bits, n); \
        WT_DETACH(out, v, n * w, copy);                                                                          \
        if (WT_UNLIKELY(out->cap - out->len <= n * w)) {                                                         \
            int rc_ = grow(out, n * w);                                                                          \
            if (rc_ != WETEE_OK) {                                                                               \
                WT_RELEASE(copy, n * w);                                                                         \
                return rc_;                                                                                      \
            }                                                                                                    \
        }                                                                                                        \
        COPY_ITEMS(bits, out->data + out->len, v, n);                                                            \
        out->len += n * w;                                                                                       \
        WT_RELEASE(copy, n * w);                                                                                 \
        return WETEE_OK;                                                                                         \
    }

PUT_ARRAY(wetee_scale_put_u16_array, 16)
PUT_ARRAY(wetee_scale_put_u32_array, 32)
PUT_ARRAY(wetee_scale_put_u64_array, 64)

/* ---- BitVec ---- */

int wetee_scale_put_bitvec(wetee_buf *out, const uint8_t *bits, size_t nbits, wetee_scale_bitstore store,
                           wetee_scale_bitorder order)
{
    size_t wb = (size_t)store, nbytes, nwords, enc, k, prefix;
    uint8_t *p;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(bits, nbits, MOD);
    WT_ARG(store == WETEE_SCALE_BITSTORE_U8 || store == WETEE_SCALE_BITSTORE_U16 ||
               store == WETEE_SCALE_BITSTORE_U32 || store == WETEE_SCALE_BITSTORE_U64,
           MOD, "unknown store");
    WT_ARG(order == WETEE_SCALE_LSB0 || order == WETEE_SCALE_MSB0, MOD, "unknown order");
    if (WT_UNLIKELY((uint64_t)nbits > WT_SCALE_BITVEC_MAX_BITS))
        return wt_error(WETEE_ERR_TOO_LONG,
                        "scale: bitvec: %zu bits exceed the limit of %u that parity-scale-codec accepts", nbits,
                        (unsigned)WT_SCALE_BITVEC_MAX_BITS);
    nbytes = (nbits + 7) / 8;
    nwords = (nbits + wb * 8 - 1) / (wb * 8);
    enc = nwords * wb;
    if (WT_UNLIKELY(wt_buf_overlaps(out, bits, nbytes))) {
        void *copy = wt_input_copy(bits, nbytes);
        int rc;
        if (!copy) return WETEE_ERR_NO_MEMORY;
        rc = wetee_scale_put_bitvec(out, copy, nbits, store, order);
        wt_free_secure(copy, nbytes);
        return rc;
    }
    RESERVE(out, enc + 5);
    p = out->data + out->len;
    prefix = compact64_write(p, (uint64_t)nbits);
    p += prefix;
    if (enc) {
        uint8_t last_mask = (uint8_t)(nbits % 8 ? (1u << (nbits % 8)) - 1u : 0xFFu);
        /* padding bytes of the last word stay zero */
        memset(p + enc - wb, 0, wb);
        if (order == WETEE_SCALE_LSB0) {
            memcpy(p, bits, nbytes);
            p[nbytes - 1] &= last_mask;
        } else {
            for (k = 0; k + 1 < nbytes; k++) p[wt_scale_bitvec_pos(k, wb, order)] = wt_scale_bitrev8(bits[k]);
            p[wt_scale_bitvec_pos(k, wb, order)] = wt_scale_bitrev8((uint8_t)(bits[k] & last_mask));
        }
    }
    out->len += prefix + enc;
    return WETEE_OK;
}

/* ---- one-shot ---- */

int wetee_scale_encode_compact(wetee_buf *out, wetee_u128 v)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    out->len = 0;
    return wetee_scale_put_compact_u128(out, v);
}
