/* Text codecs: hex, base58 (Bitcoin alphabet), base64 (standard and URL). */
#include "internal/common.h"

/* ---------------- hex ---------------- */

static const char hex_lower[] = "0123456789abcdef";
static const char hex_upper[] = "0123456789ABCDEF";

static int hex_nibble(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static int hex_encode(wetee_buf *out, const uint8_t *data, size_t len, unsigned flags)
{
    const char *digits = (flags & WETEE_HEX_UPPER) ? hex_upper : hex_lower;
    size_t pre = (flags & WETEE_HEX_PREFIX) ? 2 : 0, i;
    uint8_t *p;
    int rc;
    out->len = 0;
    if ((rc = wt_buf_grow(out, pre + 2 * len)) != WETEE_OK) return rc;
    p = out->data;
    if (pre) { *p++ = '0'; *p++ = 'x'; }
    for (i = 0; i < len; i++) {
        *p++ = (uint8_t)digits[data[i] >> 4];
        *p++ = (uint8_t)digits[data[i] & 15];
    }
    out->len = pre + 2 * len;
    out->data[out->len] = 0;
    return WETEE_OK;
}

int wetee_hex_encode(wetee_buf *out, const uint8_t *data, size_t len, unsigned flags)
{
    void *copy = NULL;
    int rc;
    WT_ARG(out != NULL, "hex", "out is NULL");
    WT_ARG_DATA(data, len, "hex");
    WT_ARG((flags & ~(WETEE_HEX_PREFIX | WETEE_HEX_UPPER)) == 0, "hex", "unknown flag");
    WT_ARG(len <= (SIZE_MAX - 3) / 2, "hex", "input too large");
    WT_DETACH(out, data, len, copy);
    rc = hex_encode(out, data, len, flags);
    wt_free_secure(copy, len);
    return rc;
}

/* Decode into `dst` (room for (len - prefix) / 2 bytes); returns bytes or negative status. */
static int hex_decode_into(uint8_t *dst, size_t dst_cap, const char *text, size_t text_len, size_t *written)
{
    size_t pre = 0, i, n;
    if (text_len >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) pre = 2;
    n = text_len - pre;
    if (n % 2)
        return wt_error(WETEE_ERR_DECODE, "hex: odd number of digits (%zu)", n);
    if (n / 2 > dst_cap)
        return wt_error(WETEE_ERR_DECODE, "hex: %zu bytes, expected %zu", n / 2, dst_cap);
    for (i = 0; i < n; i += 2) {
        int a = hex_nibble((unsigned char)text[pre + i]);
        int b = hex_nibble((unsigned char)text[pre + i + 1]);
        if (a < 0 || b < 0) {
            size_t at = pre + i + (a < 0 ? 0 : 1);
            unsigned char c = (unsigned char)text[at];
            if (c >= 0x20 && c < 0x7f)
                return wt_error(WETEE_ERR_DECODE, "hex: invalid character '%c' at offset %zu", c, at);
            return wt_error(WETEE_ERR_DECODE, "hex: invalid byte 0x%02x at offset %zu", c, at);
        }
        dst[i / 2] = (uint8_t)(a << 4 | b);
    }
    *written = n / 2;
    return WETEE_OK;
}

int wetee_hex_decode(wetee_buf *out, const char *text, size_t text_len)
{
    size_t written = 0;
    void *copy = NULL;
    int rc;
    WT_ARG(out != NULL, "hex", "out is NULL");
    WT_ARG_DATA(text, text_len, "hex");
    WT_DETACH(out, text, text_len, copy);
    out->len = 0;
    if ((rc = wt_buf_grow(out, text_len / 2)) == WETEE_OK) {
        rc = hex_decode_into(out->data, text_len / 2, text, text_len, &written);
        if (rc == WETEE_OK) out->len = written;
        else wetee_wipe(out->data, text_len / 2); /* the partial output may be a secret */
    }
    wt_free_secure(copy, text_len);
    return rc;
}

int wetee_hex_decode_exact(uint8_t *out, size_t out_len, const char *text, size_t text_len)
{
    size_t written = 0, pre;
    int rc;
    WT_ARG(out != NULL || out_len == 0, "hex", "out is NULL");
    WT_ARG_OUT_LEN(out_len, "hex");
    WT_ARG_DATA(text, text_len, "hex");
    pre = (text_len >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) ? 2 : 0;
    /* compare halves: 2 * out_len may not fit a size_t */
    if ((text_len - pre) % 2 == 0 && (text_len - pre) / 2 != out_len)
        rc = wt_error(WETEE_ERR_DECODE, "hex: %zu bytes, expected %zu", (text_len - pre) / 2, out_len);
    else
        rc = hex_decode_into(out, out_len, text, text_len, &written);
    if (rc != WETEE_OK) wetee_wipe(out, out_len); /* the partial output may be a secret */
    return rc;
}

/* ---------------- base58 ---------------- */

static const char b58_alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
/* The work is quadratic in the length, so inputs are capped (core.h): far
 * above any real use (an SS58 address is at most 50 characters, a 64-byte
 * key 88) and small enough that the worst case takes microseconds. */
#if WETEE_BASE58_MAX_BYTES * 1366 / 1000 + 1 > WETEE_BASE58_MAX_TEXT
#error "WETEE_BASE58_MAX_TEXT must hold the encoding of WETEE_BASE58_MAX_BYTES bytes"
#endif
#define B58_STACK_LIMBS 32

static const int8_t b58_map[128] = {
    -1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1, -1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,
    -1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8,-1,-1,-1,-1,-1,-1,
    -1, 9,10,11,12,13,14,15,16,-1,17,18,19,20,21,-1, 22,23,24,25,26,27,28,29,30,31,32,-1,-1,-1,-1,-1,
    -1,33,34,35,36,37,38,39,40,41,42,43,-1,44,45,46, 47,48,49,50,51,52,53,54,55,56,57,-1,-1,-1,-1,-1,
};

#define B58_POW5 656356768u /* 58^5 < 2^30 */

int wetee_base58_encode(wetee_buf *out, const uint8_t *data, size_t len)
{
    size_t zeros = 0, nlimbs, i, used, j, k, ndigits;
    uint32_t stack_limbs[B58_STACK_LIMBS], *limbs;
    int rc = WETEE_OK;
    WT_ARG(out != NULL, "base58", "out is NULL");
    WT_ARG_DATA(data, len, "base58");
    if (len > WETEE_BASE58_MAX_BYTES)
        return wt_error(WETEE_ERR_TOO_LONG, "base58: %zu bytes to encode, above the limit of %d", len,
                        WETEE_BASE58_MAX_BYTES);
    while (zeros < len && data[zeros] == 0) zeros++;
    /* The value in base 58^5 limbs, least significant first, fed up to three
     * bytes at a time (limb * 2^24 + carry < 2^54). log(256)/log(58^5) < 0.274
     * limbs per byte. Small inputs stay on the stack. */
    nlimbs = (len - zeros) * 274 / 1000 + 2;
    limbs = nlimbs <= B58_STACK_LIMBS ? stack_limbs : wt_calloc(nlimbs, sizeof *limbs);
    if (!limbs) return wt_error(WETEE_ERR_NO_MEMORY, "base58: cannot allocate %zu limbs", nlimbs);
    used = 0;
    for (i = zeros; i < len;) {
        uint64_t carry = 0;
        unsigned shift = 0;
        for (k = 0; k < 3 && i < len; k++, i++) {
            carry = carry << 8 | data[i];
            shift += 8;
        }
        for (j = 0; j < used; j++) {
            uint64_t t = ((uint64_t)limbs[j] << shift) + carry;
            limbs[j] = (uint32_t)(t % B58_POW5);
            carry = t / B58_POW5;
        }
        while (carry) {
            if (WT_UNLIKELY(used >= nlimbs)) { /* cannot happen: nlimbs bounds the value */
                rc = wt_error(WETEE_ERR_INTERNAL, "base58: limb overflow");
                goto done;
            }
            limbs[used++] = (uint32_t)(carry % B58_POW5);
            carry /= B58_POW5;
        }
    }
    /* digits of the top limb without its leading zeros, then 5 per limb */
    ndigits = 0;
    if (used) {
        uint32_t top = limbs[used - 1];
        for (ndigits = 0; top; top /= 58) ndigits++;
        ndigits += (used - 1) * 5;
    }
    out->len = 0;
    if ((rc = wt_buf_grow(out, zeros + ndigits)) != WETEE_OK) goto done;
    for (k = 0; k < zeros; k++) out->data[k] = '1';
    for (j = 0; j < used; j++) { /* limb j fills digits from the end */
        uint32_t v = limbs[j];
        size_t d, n = (j + 1 < used) ? 5 : ndigits - (used - 1) * 5;
        for (d = 0; d < n; d++) {
            out->data[zeros + ndigits - 1 - (j * 5 + d)] = (uint8_t)b58_alphabet[v % 58];
            v /= 58;
        }
    }
    out->len = zeros + ndigits;
    out->data[out->len] = 0;
done:
    /* base58 may carry secrets (seeds) */
    if (limbs == stack_limbs) wetee_wipe(stack_limbs, sizeof stack_limbs);
    else wt_free_secure(limbs, nlimbs * sizeof *limbs);
    return rc;
}

int wetee_base58_decode(wetee_buf *out, const char *text, size_t text_len)
{
    size_t zeros = 0, nlimbs, i, j, used, k, sig;
    uint32_t stack_limbs[B58_STACK_LIMBS], *limbs;
    int rc = WETEE_OK;
    WT_ARG(out != NULL, "base58", "out is NULL");
    WT_ARG_DATA(text, text_len, "base58");
    if (text_len > WETEE_BASE58_MAX_TEXT)
        return wt_error(WETEE_ERR_TOO_LONG, "base58: text of %zu characters, above the limit of %d", text_len,
                        WETEE_BASE58_MAX_TEXT);
    for (i = 0; i < text_len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 128 || b58_map[c] < 0) {
            if (c >= 0x20 && c < 0x7f)
                return wt_error(WETEE_ERR_DECODE, "base58: invalid character '%c' at offset %zu", c, i);
            return wt_error(WETEE_ERR_DECODE, "base58: invalid byte 0x%02x at offset %zu", c, i);
        }
    }
    while (zeros < text_len && text[zeros] == '1') zeros++;
    /* The value as 32-bit limbs, least significant first, fed up to five
     * digits at a time (58^5 < 2^30, so limb * 58^5 + carry fits in 64 bits).
     * log(58)/log(2^32) < 0.184 limbs per digit. Small inputs (addresses,
     * keys) stay on the stack. */
    nlimbs = (text_len - zeros) * 184 / 1000 + 2;
    limbs = nlimbs <= B58_STACK_LIMBS ? stack_limbs : wt_calloc(nlimbs, sizeof *limbs);
    if (!limbs) return wt_error(WETEE_ERR_NO_MEMORY, "base58: cannot allocate %zu limbs", nlimbs);
    used = 0;
    for (i = zeros; i < text_len;) {
        uint64_t mul = 1, carry = 0;
        for (k = 0; k < 5 && i < text_len; k++, i++) {
            carry = carry * 58 + (uint64_t)b58_map[(unsigned char)text[i]];
            mul *= 58;
        }
        for (j = 0; j < used; j++) {
            uint64_t t = (uint64_t)limbs[j] * mul + carry;
            limbs[j] = (uint32_t)t;
            carry = t >> 32;
        }
        while (carry) {
            if (WT_UNLIKELY(used >= nlimbs)) { /* cannot happen: nlimbs bounds the value */
                rc = wt_error(WETEE_ERR_INTERNAL, "base58: limb overflow");
                goto done;
            }
            limbs[used++] = (uint32_t)carry;
            carry >>= 32;
        }
    }
    /* significant bytes of the value, most significant first */
    sig = used * 4;
    if (used) {
        uint32_t top = limbs[used - 1];
        while (sig > (used - 1) * 4 && !(top >> (8 * ((sig - 1) % 4)))) sig--;
    }
    out->len = 0;
    if ((rc = wt_buf_grow(out, zeros + sig)) != WETEE_OK) goto done;
    memset(out->data, 0, zeros);
    for (k = 0; k < sig; k++) {
        size_t bit = sig - 1 - k; /* byte index from the least significant end */
        out->data[zeros + k] = (uint8_t)(limbs[bit / 4] >> (8 * (bit % 4)));
    }
    out->len = zeros + sig;
done:
    /* base58 may carry secrets (seeds) */
    if (limbs == stack_limbs) wetee_wipe(stack_limbs, sizeof stack_limbs);
    else wt_free_secure(limbs, nlimbs * sizeof *limbs);
    return rc;
}

/* ---------------- base64 ---------------- */

static const char b64_std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64_url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static int base64_encode(wetee_buf *out, const uint8_t *data, size_t len, unsigned flags)
{
    const char *a = (flags & WETEE_BASE64_URL) ? b64_url : b64_std;
    int pad = !(flags & WETEE_BASE64_NOPAD);
    size_t i, n, full = len / 3 * 3;
    uint8_t *p;
    int rc;
    n = len / 3 * 4 + (len % 3 ? 4 : 0); /* (len + 2) / 3 * 4 without the overflow */
    out->len = 0;
    if ((rc = wt_buf_grow(out, n)) != WETEE_OK) return rc;
    p = out->data;
    for (i = 0; i < full; i += 3) {
        uint32_t v = (uint32_t)data[i] << 16 | (uint32_t)data[i + 1] << 8 | data[i + 2];
        *p++ = (uint8_t)a[v >> 18];
        *p++ = (uint8_t)a[(v >> 12) & 63];
        *p++ = (uint8_t)a[(v >> 6) & 63];
        *p++ = (uint8_t)a[v & 63];
    }
    if (len - full == 1) {
        uint32_t v = (uint32_t)data[full] << 16;
        *p++ = (uint8_t)a[v >> 18];
        *p++ = (uint8_t)a[(v >> 12) & 63];
        if (pad) { *p++ = '='; *p++ = '='; }
    } else if (len - full == 2) {
        uint32_t v = (uint32_t)data[full] << 16 | (uint32_t)data[full + 1] << 8;
        *p++ = (uint8_t)a[v >> 18];
        *p++ = (uint8_t)a[(v >> 12) & 63];
        *p++ = (uint8_t)a[(v >> 6) & 63];
        if (pad) *p++ = '=';
    }
    out->len = (size_t)(p - out->data);
    *p = 0;
    return WETEE_OK;
}

int wetee_base64_encode(wetee_buf *out, const uint8_t *data, size_t len, unsigned flags)
{
    void *copy = NULL;
    int rc;
    WT_ARG(out != NULL, "base64", "out is NULL");
    WT_ARG_DATA(data, len, "base64");
    WT_ARG((flags & ~(WETEE_BASE64_URL | WETEE_BASE64_NOPAD)) == 0, "base64", "unknown flag");
    WT_ARG(len <= (SIZE_MAX - 8) / 4 * 3, "base64", "input too large");
    WT_DETACH(out, data, len, copy);
    rc = base64_encode(out, data, len, flags);
    wt_free_secure(copy, len);
    return rc;
}

static int b64_value(unsigned char c, int url)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == (url ? '-' : '+')) return 62;
    if (c == (url ? '_' : '/')) return 63;
    return -1;
}

static int base64_decode(wetee_buf *out, const char *text, size_t text_len, unsigned flags)
{
    int url = (flags & WETEE_BASE64_URL) != 0;
    size_t n = text_len, pads = 0, i, rem, o = 0;
    uint32_t acc = 0;
    int rc;
    while (n > 0 && text[n - 1] == '=' && pads < 3) { n--; pads++; }
    for (i = 0; i < n; i++) {
        if (b64_value((unsigned char)text[i], url) < 0) {
            unsigned char c = (unsigned char)text[i];
            if (c >= 0x20 && c < 0x7f)
                return wt_error(WETEE_ERR_DECODE, "base64: invalid character '%c' at offset %zu", c, i);
            return wt_error(WETEE_ERR_DECODE, "base64: invalid byte 0x%02x at offset %zu", c, i);
        }
    }
    if (pads) {
        if (flags & WETEE_BASE64_NOPAD)
            return wt_error(WETEE_ERR_DECODE, "base64: padding at offset %zu not allowed", n);
        if (text_len % 4 != 0 || pads > 2)
            return wt_error(WETEE_ERR_DECODE, "base64: bad padding at offset %zu", n);
    }
    rem = n % 4;
    if (rem == 1) return wt_error(WETEE_ERR_DECODE, "base64: impossible length %zu", n);
    if (pads && (4 - rem) % 4 != pads)
        return wt_error(WETEE_ERR_DECODE, "base64: bad padding at offset %zu", n);
    out->len = 0;
    if ((rc = wt_buf_grow(out, n / 4 * 3 + 2)) != WETEE_OK) return rc;
    for (i = 0; i < n; i++) {
        int v = b64_value((unsigned char)text[i], url);
        acc = acc << 6 | (uint32_t)v;
        if (i % 4 == 3) {
            out->data[o++] = (uint8_t)(acc >> 16);
            out->data[o++] = (uint8_t)(acc >> 8);
            out->data[o++] = (uint8_t)acc;
            acc = 0;
        }
    }
    if ((rem == 2 && (acc & 0xf)) || (rem == 3 && (acc & 0x3))) {
        wetee_wipe(out->data, o); /* the partial output may be a secret */
        acc = 0;
        return wt_error(WETEE_ERR_DECODE, "base64: non-zero trailing bits at offset %zu", n - 1);
    }
    if (rem == 2) {
        out->data[o++] = (uint8_t)(acc >> 4);
    } else if (rem == 3) {
        out->data[o++] = (uint8_t)(acc >> 10);
        out->data[o++] = (uint8_t)(acc >> 2);
    }
    out->len = o;
    return WETEE_OK;
}

int wetee_base64_decode(wetee_buf *out, const char *text, size_t text_len, unsigned flags)
{
    void *copy = NULL;
    int rc;
    WT_ARG(out != NULL, "base64", "out is NULL");
    WT_ARG_DATA(text, text_len, "base64");
    WT_ARG((flags & ~(WETEE_BASE64_URL | WETEE_BASE64_NOPAD)) == 0, "base64", "unknown flag");
    WT_DETACH(out, text, text_len, copy);
    rc = base64_decode(out, text, text_len, flags);
    if (rc != WETEE_OK) out->len = 0;
    wt_free_secure(copy, text_len);
    return rc;
}
