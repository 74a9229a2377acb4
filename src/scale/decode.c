/* SCALE decoder: a bounded cursor over caller-owned bytes.
 *
 * Every get function checks the bytes it needs against what remains before
 * touching them, writes its outputs and advances the cursor only on
 * success, and names the kind of value and its offset in the error detail.
 * Compact integers are held to the canonical form parity-scale-codec
 * insists on: the shortest mode, and in big-integer mode a non-zero top
 * byte (and a value of at least 2^30 in the 4-byte form). */
#include "scale/scale_impl.h"

#define MOD "scale"

static const uint8_t empty_input[1] = { 0 };

WT_SCALE_INLINE size_t avail(const wetee_scale_reader *r) { return r->len > r->pos ? r->len - r->pos : 0; }

/* ---- error details (kept out of line, off the hot paths) ---- */

static WT_SCALE_NOINLINE int err_trunc(const wetee_scale_reader *r, const char *kind, size_t need)
{
    return wt_error(WETEE_ERR_TRUNCATED, "scale: %s at offset %zu: truncated: needs %zu byte%s, %zu remain", kind,
                    r->pos, need, need == 1 ? "" : "s", avail(r));
}

static WT_SCALE_NOINLINE int err_noncanon(const wetee_scale_reader *r, const char *kind)
{
    return wt_error(WETEE_ERR_NON_CANONICAL, "scale: %s at offset %zu: non-canonical encoding", kind, r->pos);
}

static WT_SCALE_NOINLINE int err_compact_overflow(const wetee_scale_reader *r, const char *kind, unsigned nbytes,
                                                  unsigned maxb)
{
    return wt_error(WETEE_ERR_OVERFLOW, "scale: %s at offset %zu: %u-byte value does not fit in %u bits", kind,
                    r->pos, nbytes, maxb * 8);
}

static WT_SCALE_NOINLINE int err_byte(const wetee_scale_reader *r, const char *kind, const char *what, uint8_t b)
{
    return wt_error(WETEE_ERR_DECODE, "scale: %s at offset %zu: invalid %s 0x%02x", kind, r->pos, what, b);
}

static WT_SCALE_NOINLINE int err_length(const wetee_scale_reader *r, const char *kind, size_t n, size_t rem)
{
    return wt_error(WETEE_ERR_TRUNCATED, "scale: %s at offset %zu: length %zu exceeds the %zu remaining bytes", kind,
                    r->pos, n, rem);
}

#define CHECK_READER(r, out) WT_ARG((r) != NULL && (out) != NULL, MOD, #r " or " #out " is NULL")

/* ---- reader ---- */

void wetee_scale_reader_init(wetee_scale_reader *r, const uint8_t *data, size_t len)
{
    if (r == NULL) return;
    r->data = data != NULL ? data : empty_input;
    /* no object is larger than PTRDIFF_MAX bytes: such a length is a
     * caller's mistake and gives an empty reader */
    r->len = data != NULL && len <= WT_LEN_MAX ? len : 0;
    r->pos = 0;
    r->depth = 0;
    r->max_depth = WETEE_SCALE_DEFAULT_MAX_DEPTH;
}

size_t wetee_scale_remaining(const wetee_scale_reader *r) { return r != NULL ? avail(r) : 0; }

int wetee_scale_finish(const wetee_scale_reader *r)
{
    size_t rem;
    WT_ARG(r != NULL, MOD, "r is NULL");
    rem = avail(r);
    if (rem != 0)
        return wt_error(WETEE_ERR_TRAILING, "scale: input at offset %zu: %zu trailing byte%s", r->pos, rem,
                        rem == 1 ? "" : "s");
    return WETEE_OK;
}

int wetee_scale_enter(wetee_scale_reader *r)
{
    WT_ARG(r != NULL, MOD, "r is NULL");
    if (WT_UNLIKELY(r->depth >= r->max_depth))
        return wt_error(WETEE_ERR_DEPTH, "scale: nesting at offset %zu: deeper than the limit of %u", r->pos,
                        r->max_depth);
    r->depth++;
    return WETEE_OK;
}

void wetee_scale_leave(wetee_scale_reader *r)
{
    if (r != NULL && r->depth > 0) r->depth--;
}

/* ---- fixed-size primitives ---- */

/* Pointer to `n` readable bytes at the cursor, or NULL (detail set). */
WT_SCALE_INLINE const uint8_t *need(const wetee_scale_reader *r, size_t n, const char *kind)
{
    if (WT_UNLIKELY(avail(r) < n)) {
        err_trunc(r, kind, n);
        return NULL;
    }
    return r->data + r->pos;
}

int wetee_scale_get_u8(wetee_scale_reader *r, uint8_t *out)
{
    const uint8_t *p;
    CHECK_READER(r, out);
    if (WT_UNLIKELY((p = need(r, 1, "u8")) == NULL)) return WETEE_ERR_TRUNCATED;
    *out = p[0];
    r->pos += 1;
    return WETEE_OK;
}

int wetee_scale_get_i8(wetee_scale_reader *r, int8_t *out)
{
    const uint8_t *p;
    CHECK_READER(r, out);
    if (WT_UNLIKELY((p = need(r, 1, "i8")) == NULL)) return WETEE_ERR_TRUNCATED;
    *out = (int8_t)p[0];
    r->pos += 1;
    return WETEE_OK;
}

#define GET_INT(name, kind, type, n, load)                                                                        \
    int name(wetee_scale_reader *r, type *out)                                                                   \
    {                                                                                                            \
        const uint8_t *p;                                                                                        \
        CHECK_READER(r, out);                                                                                    \
        if (WT_UNLIKELY((p = need(r, n, kind)) == NULL)) return WETEE_ERR_TRUNCATED;                            \
        *out = (type)load(p);                                                                                    \
        r->pos += n;                                                                                             \
        return WETEE_OK;                                                                                         \
    }

GET_INT(wetee_scale_get_u16, "u16", uint16_t, 2, wt_load_le16)
GET_INT(wetee_scale_get_u32, "u32", uint32_t, 4, wt_load_le32)
GET_INT(wetee_scale_get_u64, "u64", uint64_t, 8, wt_load_le64)
GET_INT(wetee_scale_get_i16, "i16", int16_t, 2, wt_load_le16)
GET_INT(wetee_scale_get_i32, "i32", int32_t, 4, wt_load_le32)
GET_INT(wetee_scale_get_i64, "i64", int64_t, 8, wt_load_le64)

static inline int get_128(wetee_scale_reader *r, wetee_u128 *out, const char *kind)
{
    const uint8_t *p;
    CHECK_READER(r, out);
    if (WT_UNLIKELY((p = need(r, 16, kind)) == NULL)) return WETEE_ERR_TRUNCATED;
    out->lo = wt_load_le64(p);
    out->hi = wt_load_le64(p + 8);
    r->pos += 16;
    return WETEE_OK;
}

int wetee_scale_get_u128(wetee_scale_reader *r, wetee_u128 *out) { return get_128(r, out, "u128"); }
int wetee_scale_get_i128(wetee_scale_reader *r, wetee_u128 *out) { return get_128(r, out, "i128"); }

int wetee_scale_get_u256(wetee_scale_reader *r, uint8_t out[32])
{
    const uint8_t *p;
    CHECK_READER(r, out);
    if (WT_UNLIKELY((p = need(r, 32, "u256")) == NULL)) return WETEE_ERR_TRUNCATED;
    memcpy(out, p, 32);
    r->pos += 32;
    return WETEE_OK;
}

/* ---- one-byte tags ---- */

int wetee_scale_get_bool(wetee_scale_reader *r, int *out)
{
    const uint8_t *p;
    CHECK_READER(r, out);
    if (WT_UNLIKELY((p = need(r, 1, "bool")) == NULL)) return WETEE_ERR_TRUNCATED;
    if (WT_UNLIKELY(p[0] > 1)) return err_byte(r, "bool", "byte", p[0]);
    *out = p[0];
    r->pos += 1;
    return WETEE_OK;
}

int wetee_scale_get_option(wetee_scale_reader *r, int *is_some)
{
    const uint8_t *p;
    CHECK_READER(r, is_some);
    if (WT_UNLIKELY((p = need(r, 1, "option")) == NULL)) return WETEE_ERR_TRUNCATED;
    if (WT_UNLIKELY(p[0] > 1)) return err_byte(r, "option", "tag", p[0]);
    *is_some = p[0];
    r->pos += 1;
    return WETEE_OK;
}

int wetee_scale_get_optionbool(wetee_scale_reader *r, int *out)
{
    const uint8_t *p;
    CHECK_READER(r, out);
    if (WT_UNLIKELY((p = need(r, 1, "optionbool")) == NULL)) return WETEE_ERR_TRUNCATED;
    if (WT_UNLIKELY(p[0] > 2)) return err_byte(r, "optionbool", "byte", p[0]);
    *out = p[0] == 0 ? -1 : p[0] == 1 ? 1 : 0;
    r->pos += 1;
    return WETEE_OK;
}

int wetee_scale_get_result(wetee_scale_reader *r, int *is_err)
{
    const uint8_t *p;
    CHECK_READER(r, is_err);
    if (WT_UNLIKELY((p = need(r, 1, "result")) == NULL)) return WETEE_ERR_TRUNCATED;
    if (WT_UNLIKELY(p[0] > 1)) return err_byte(r, "result", "tag", p[0]);
    *is_err = p[0];
    r->pos += 1;
    return WETEE_OK;
}

int wetee_scale_get_variant(wetee_scale_reader *r, uint8_t *out, unsigned n_variants)
{
    const uint8_t *p;
    CHECK_READER(r, out);
    if (WT_UNLIKELY((p = need(r, 1, "variant")) == NULL)) return WETEE_ERR_TRUNCATED;
    if (WT_UNLIKELY(n_variants != 0 && p[0] >= n_variants))
        return wt_error(WETEE_ERR_DECODE, "scale: variant at offset %zu: index %u out of range (%u variants)",
                        r->pos, (unsigned)p[0], n_variants);
    *out = p[0];
    r->pos += 1;
    return WETEE_OK;
}

/* ---- compact integers ---- */

/* Decode the compact integer at the cursor without moving it. `maxb` is the
 * widest big-integer mode the target type accepts (4, 8 or 16 bytes); a
 * wider one is an overflow, reported before reading its bytes, as
 * parity-scale-codec does. (A switch on the mode: when the mode is
 * predicted, the new position does not wait for the loaded byte.) */
WT_SCALE_INLINE int compact_peek(const wetee_scale_reader *r, unsigned maxb, const char *kind, uint64_t *lo,
                                 uint64_t *hi, size_t *used)
{
    size_t av = avail(r);
    const uint8_t *p;
    if (WT_UNLIKELY(av == 0)) return (void)err_trunc(r, kind, 1), WETEE_ERR_TRUNCATED;
    p = r->data + r->pos;
    switch (p[0] & 3u) {
    case 0:
        *lo = (uint64_t)(p[0] >> 2);
        *hi = 0;
        *used = 1;
        return WETEE_OK;
    case 1: {
        uint32_t v;
        if (WT_UNLIKELY(av < 2)) return (void)err_trunc(r, kind, 2), WETEE_ERR_TRUNCATED;
        v = (uint32_t)wt_scale_ld16(p) >> 2;
        if (WT_UNLIKELY(v < (1u << 6))) return (void)err_noncanon(r, kind), WETEE_ERR_NON_CANONICAL;
        *lo = v;
        *hi = 0;
        *used = 2;
        return WETEE_OK;
    }
    case 2: {
        uint32_t v;
        if (WT_UNLIKELY(av < 4)) return (void)err_trunc(r, kind, 4), WETEE_ERR_TRUNCATED;
        v = wt_scale_ld32(p) >> 2;
        if (WT_UNLIKELY(v < (1u << 14))) return (void)err_noncanon(r, kind), WETEE_ERR_NON_CANONICAL;
        *lo = v;
        *hi = 0;
        *used = 4;
        return WETEE_OK;
    }
    default: {
        unsigned n = (unsigned)(p[0] >> 2) + 4;
        if (WT_UNLIKELY(n > maxb)) return (void)err_compact_overflow(r, kind, n, maxb), WETEE_ERR_OVERFLOW;
        if (WT_UNLIKELY(av < (size_t)n + 1)) return (void)err_trunc(r, kind, (size_t)n + 1), WETEE_ERR_TRUNCATED;
        /* canonical: the top byte is non-zero, and at least 0x40 in the 4-byte form (value >= 2^30) */
        if (WT_UNLIKELY(p[n] < 1u + 0x3Fu * (n == 4))) return (void)err_noncanon(r, kind), WETEE_ERR_NON_CANONICAL;
        *used = (size_t)n + 1;
        if (maxb == 4) { /* n == 4 */
            *lo = wt_scale_ld32(p + 1);
            *hi = 0;
        } else if (WT_LIKELY(av >= 1 + (size_t)maxb)) {
            /* whole-word loads (the bytes exist), then drop those above n; no branches */
            unsigned nlo = n < 8 ? n : 8, nhi = n - nlo; /* nlo 4..8, nhi 0..8 */
            *lo = wt_scale_ld64(p + 1) & (~0ull >> (64 - 8 * nlo));
            *hi = maxb > 8 ? wt_scale_ld64(p + 9) & (~0ull >> ((64 - 8 * nhi) & 63)) & (0 - (uint64_t)(nhi != 0)) : 0;
        } else { /* near the end of the input */
            uint64_t x = 0, y = 0;
            unsigned i;
            for (i = n; i > 8; i--) y = (y << 8) | p[i];
            for (; i > 0; i--) x = (x << 8) | p[i];
            *lo = x;
            *hi = y;
        }
        return WETEE_OK;
    }
    }
}

int wetee_scale_get_compact_u32(wetee_scale_reader *r, uint32_t *out)
{
    uint64_t lo, hi;
    size_t used;
    int rc;
    CHECK_READER(r, out);
    rc = compact_peek(r, 4, "compact", &lo, &hi, &used);
    if (WT_UNLIKELY(rc != WETEE_OK)) return rc;
    *out = (uint32_t)lo;
    r->pos += used;
    return WETEE_OK;
}

int wetee_scale_get_compact_u64(wetee_scale_reader *r, uint64_t *out)
{
    uint64_t lo, hi;
    size_t used;
    int rc;
    CHECK_READER(r, out);
    rc = compact_peek(r, 8, "compact", &lo, &hi, &used);
    if (WT_UNLIKELY(rc != WETEE_OK)) return rc;
    *out = lo;
    r->pos += used;
    return WETEE_OK;
}

int wetee_scale_get_compact_u128(wetee_scale_reader *r, wetee_u128 *out)
{
    uint64_t lo, hi;
    size_t used;
    int rc;
    CHECK_READER(r, out);
    rc = compact_peek(r, 16, "compact", &lo, &hi, &used);
    if (WT_UNLIKELY(rc != WETEE_OK)) return rc;
    out->lo = lo;
    out->hi = hi;
    r->pos += used;
    return WETEE_OK;
}

int wetee_scale_get_compact_big(wetee_scale_reader *r, uint8_t out[WETEE_SCALE_COMPACT_BIG_MAX], size_t *out_len)
{
    const uint8_t *p;
    size_t av;
    unsigned n;
    CHECK_READER(r, out);
    WT_ARG(out_len != NULL, MOD, "out_len is NULL");
    av = avail(r);
    if (WT_UNLIKELY(av == 0)) return err_trunc(r, "compact", 1);
    p = r->data + r->pos;
    if ((p[0] & 3u) != 3u) {
        uint64_t lo, hi;
        size_t used, k;
        int rc = compact_peek(r, 4, "compact", &lo, &hi, &used);
        if (rc != WETEE_OK) return rc;
        memset(out, 0, WETEE_SCALE_COMPACT_BIG_MAX);
        for (k = 0; lo != 0; k++, lo >>= 8) out[k] = (uint8_t)lo;
        *out_len = k;
        r->pos += used;
        return WETEE_OK;
    }
    n = (unsigned)(p[0] >> 2) + 4; /* 4..67 */
    if (WT_UNLIKELY(av < (size_t)n + 1)) return err_trunc(r, "compact", (size_t)n + 1);
    if (WT_UNLIKELY(n == 4 ? p[4] < 0x40 : p[n] == 0)) return err_noncanon(r, "compact");
    memcpy(out, p + 1, n);
    memset(out + n, 0, WETEE_SCALE_COMPACT_BIG_MAX - n);
    *out_len = n;
    r->pos += (size_t)n + 1;
    return WETEE_OK;
}

/* ---- sequences ---- */

/* Compact<u32> length at the cursor; *used = its size. */
WT_SCALE_INLINE int len_peek(const wetee_scale_reader *r, const char *kind, size_t *n, size_t *used)
{
    uint64_t lo, hi;
    int rc = compact_peek(r, 4, kind, &lo, &hi, used);
    if (WT_UNLIKELY(rc != WETEE_OK)) return rc;
    *n = (size_t)lo;
    return WETEE_OK;
}

int wetee_scale_get_seq_len(wetee_scale_reader *r, size_t *out, size_t min_item_size)
{
    size_t n, used, rem;
    int rc;
    CHECK_READER(r, out);
    rc = len_peek(r, "sequence length", &n, &used);
    if (WT_UNLIKELY(rc != WETEE_OK)) return rc;
    rem = avail(r) - used;
    if (WT_UNLIKELY(min_item_size != 0 && n > rem / min_item_size))
        return wt_error(WETEE_ERR_TRUNCATED,
                        "scale: sequence at offset %zu: %zu items of at least %zu bytes exceed the %zu remaining bytes",
                        r->pos, n, min_item_size, rem);
    *out = n;
    r->pos += used;
    return WETEE_OK;
}

static inline int get_prefixed(wetee_scale_reader *r, const char *kind, const char *len_kind, const uint8_t **out,
                               size_t *out_len)
{
    size_t n, used, rem;
    int rc = len_peek(r, len_kind, &n, &used);
    if (WT_UNLIKELY(rc != WETEE_OK)) return rc;
    rem = avail(r) - used;
    if (WT_UNLIKELY(n > rem)) return (void)err_length(r, kind, n, rem), WETEE_ERR_TRUNCATED;
    *out = r->data + r->pos + used;
    *out_len = n;
    return WETEE_OK;
}

int wetee_scale_get_bytes(wetee_scale_reader *r, const uint8_t **out, size_t *out_len)
{
    const uint8_t *p = NULL;
    size_t n = 0;
    int rc;
    CHECK_READER(r, out);
    WT_ARG(out_len != NULL, MOD, "out_len is NULL");
    rc = get_prefixed(r, "bytes", "bytes length", &p, &n);
    if (WT_UNLIKELY(rc != WETEE_OK)) return rc;
    *out = p;
    *out_len = n;
    r->pos = (size_t)(p - r->data) + n;
    return WETEE_OK;
}

int wetee_scale_get_str(wetee_scale_reader *r, const char **out, size_t *out_len)
{
    const uint8_t *p = NULL;
    size_t n = 0, bad = 0;
    int rc;
    CHECK_READER(r, out);
    WT_ARG(out_len != NULL, MOD, "out_len is NULL");
    rc = get_prefixed(r, "str", "str length", &p, &n);
    if (WT_UNLIKELY(rc != WETEE_OK)) return rc;
    if (WT_UNLIKELY(n != 0 && !wt_utf8_valid(p, n, &bad)))
        return wt_error(WETEE_ERR_DECODE, "scale: str at offset %zu: invalid UTF-8 at offset %zu", r->pos,
                        (size_t)(p - r->data) + bad);
    *out = (const char *)p;
    *out_len = n;
    r->pos = (size_t)(p - r->data) + n;
    return WETEE_OK;
}

int wetee_scale_get_raw(wetee_scale_reader *r, const uint8_t **out, size_t n)
{
    size_t rem;
    CHECK_READER(r, out);
    rem = avail(r);
    if (WT_UNLIKELY(n > rem))
        return wt_error(WETEE_ERR_TRUNCATED, "scale: array at offset %zu: truncated: needs %zu bytes, %zu remain",
                        r->pos, n, rem);
    *out = r->data != NULL ? r->data + r->pos : NULL;
    r->pos += n;
    return WETEE_OK;
}

static WT_SCALE_NOINLINE int err_array(const wetee_scale_reader *r, const char *kind, size_t n, size_t w)
{
    return wt_error(WETEE_ERR_TRUNCATED,
                    "scale: %s array at offset %zu: truncated: %zu items of %zu bytes exceed the %zu remaining bytes",
                    kind, r->pos, n, w, avail(r));
}

int wetee_scale_get_u16_array(wetee_scale_reader *r, uint16_t *out, size_t n)
{
    const uint8_t *p;
    WT_ARG(r != NULL, MOD, "r is NULL");
    WT_ARG(out != NULL || n == 0, MOD, "out is NULL");
    if (WT_UNLIKELY(n > avail(r) / 2)) return err_array(r, "u16", n, 2);
    if (n == 0) return WETEE_OK;
    p = r->data + r->pos;
#if WT_SCALE_LE_HOST
    memcpy(out, p, n * 2);
#else
    {
        size_t i;
        for (i = 0; i < n; i++) out[i] = wt_load_le16(p + 2 * i);
    }
#endif
    r->pos += n * 2;
    return WETEE_OK;
}

int wetee_scale_get_u32_array(wetee_scale_reader *r, uint32_t *out, size_t n)
{
    const uint8_t *p;
    WT_ARG(r != NULL, MOD, "r is NULL");
    WT_ARG(out != NULL || n == 0, MOD, "out is NULL");
    if (WT_UNLIKELY(n > avail(r) / 4)) return err_array(r, "u32", n, 4);
    if (n == 0) return WETEE_OK;
    p = r->data + r->pos;
#if WT_SCALE_LE_HOST
    memcpy(out, p, n * 4);
#else
    {
        size_t i;
        for (i = 0; i < n; i++) out[i] = wt_load_le32(p + 4 * i);
    }
#endif
    r->pos += n * 4;
    return WETEE_OK;
}

int wetee_scale_get_u64_array(wetee_scale_reader *r, uint64_t *out, size_t n)
{
    const uint8_t *p;
    WT_ARG(r != NULL, MOD, "r is NULL");
    WT_ARG(out != NULL || n == 0, MOD, "out is NULL");
    if (WT_UNLIKELY(n > avail(r) / 8)) return err_array(r, "u64", n, 8);
    if (n == 0) return WETEE_OK;
    p = r->data + r->pos;
#if WT_SCALE_LE_HOST
    memcpy(out, p, n * 8);
#else
    {
        size_t i;
        for (i = 0; i < n; i++) out[i] = wt_load_le64(p + 8 * i);
    }
#endif
    r->pos += n * 8;
    return WETEE_OK;
}

/* ---- BitVec ---- */

int wetee_scale_get_bitvec(wetee_scale_reader *r, wetee_buf *bits, size_t *nbits, wetee_scale_bitstore store,
                           wetee_scale_bitorder order)
{
    size_t count, used, rem, wb = (size_t)store, nwords, enc, nbytes, k;
    const uint8_t *src;
    int rc;
    CHECK_READER(r, bits);
    WT_ARG(nbits != NULL, MOD, "nbits is NULL");
    WT_ARG(store == WETEE_SCALE_BITSTORE_U8 || store == WETEE_SCALE_BITSTORE_U16 ||
               store == WETEE_SCALE_BITSTORE_U32 || store == WETEE_SCALE_BITSTORE_U64,
           MOD, "unknown store");
    WT_ARG(order == WETEE_SCALE_LSB0 || order == WETEE_SCALE_MSB0, MOD, "unknown order");
    rc = len_peek(r, "bitvec length", &count, &used);
    if (WT_UNLIKELY(rc != WETEE_OK)) return rc;
    if (WT_UNLIKELY(count > WT_SCALE_BITVEC_MAX_BITS))
        return wt_error(WETEE_ERR_TOO_LONG,
                        "scale: bitvec at offset %zu: %zu bits exceed the limit of %u that parity-scale-codec accepts",
                        r->pos, count, (unsigned)WT_SCALE_BITVEC_MAX_BITS);
    rem = avail(r) - used;
    nwords = (count + wb * 8 - 1) / (wb * 8);
    enc = nwords * wb;
    if (WT_UNLIKELY(enc > rem))
        return wt_error(WETEE_ERR_TRUNCATED,
                        "scale: bitvec at offset %zu: %zu bits need %zu bytes, %zu remain", r->pos, count, enc, rem);
    nbytes = (count + 7) / 8;
    src = r->data + r->pos + used;
    if (WT_UNLIKELY(wt_buf_overlaps(bits, src, enc))) {
        /* the reader's bytes lie inside `bits`: decode from a copy of them */
        wetee_scale_reader sub;
        void *copy = wt_input_copy(src - used, used + enc);
        if (!copy) return WETEE_ERR_NO_MEMORY;
        wetee_scale_reader_init(&sub, copy, used + enc);
        sub.depth = r->depth;
        sub.max_depth = r->max_depth;
        rc = wetee_scale_get_bitvec(&sub, bits, nbits, store, order);
        wt_free_secure(copy, used + enc);
        if (rc == WETEE_OK) r->pos += used + enc;
        return rc;
    }
    bits->len = 0;
    if (nbytes > 0 && wt_buf_grow(bits, nbytes) != WETEE_OK) return WETEE_ERR_NO_MEMORY;
    if (nbytes) {
        uint8_t last_mask = (uint8_t)(count % 8 ? (1u << (count % 8)) - 1u : 0xFFu);
        if (order == WETEE_SCALE_LSB0) {
            memcpy(bits->data, src, nbytes);
        } else {
            for (k = 0; k < nbytes; k++) bits->data[k] = wt_scale_bitrev8(src[wt_scale_bitvec_pos(k, wb, order)]);
        }
        bits->data[nbytes - 1] &= last_mask; /* unused positions are ignored, as parity does */
    }
    bits->len = nbytes;
    *nbits = count;
    r->pos += used + enc;
    return WETEE_OK;
}

/* ---- one-shot ---- */

int wetee_scale_decode_compact(wetee_u128 *out, size_t *consumed, const uint8_t *data, size_t len)
{
    wetee_scale_reader r;
    int rc;
    WT_ARG(out != NULL && consumed != NULL, MOD, "out or consumed is NULL");
    WT_ARG_DATA(data, len, MOD);
    wetee_scale_reader_init(&r, data, len);
    rc = wetee_scale_get_compact_u128(&r, out);
    if (rc == WETEE_OK) *consumed = r.pos;
    return rc;
}
