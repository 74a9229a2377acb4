/* 128-bit unsigned values and exact decimal conversion (no floating point). */
#include "internal/common.h"

wetee_u128 wetee_u128_from_u64(uint64_t v)
{
    wetee_u128 r = { v, 0 };
    return r;
}

int wetee_u128_cmp(wetee_u128 a, wetee_u128 b)
{
    if (a.hi != b.hi) return a.hi < b.hi ? -1 : 1;
    if (a.lo != b.lo) return a.lo < b.lo ? -1 : 1;
    return 0;
}

int wetee_u128_add(wetee_u128 *out, wetee_u128 a, wetee_u128 b)
{
    wetee_u128 r;
    uint64_t carry;
    WT_ARG(out != NULL, "u128", "out is NULL");
    r.lo = a.lo + b.lo;
    carry = r.lo < a.lo;
    r.hi = a.hi + b.hi;
    if (r.hi < a.hi || r.hi + carry < r.hi) return wt_error(WETEE_ERR_OVERFLOW, "u128: addition overflows 2^128");
    r.hi += carry;
    *out = r;
    return WETEE_OK;
}

int wetee_u128_sub(wetee_u128 *out, wetee_u128 a, wetee_u128 b)
{
    wetee_u128 r;
    WT_ARG(out != NULL, "u128", "out is NULL");
    if (wetee_u128_cmp(a, b) < 0) return wt_error(WETEE_ERR_OVERFLOW, "u128: subtraction underflows 0");
    r.lo = a.lo - b.lo;
    r.hi = a.hi - b.hi - (a.lo < b.lo);
    *out = r;
    return WETEE_OK;
}

/* 64x64 -> 128 multiply. */
static wetee_u128 mul64(uint64_t a, uint64_t b)
{
    uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
    wetee_u128 r;
    r.lo = (mid << 32) | (uint32_t)p00;
    r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    return r;
}

int wetee_u128_mul(wetee_u128 *out, wetee_u128 a, wetee_u128 b)
{
    wetee_u128 r, cross1, cross2;
    WT_ARG(out != NULL, "u128", "out is NULL");
    if (a.hi && b.hi) return wt_error(WETEE_ERR_OVERFLOW, "u128: multiplication overflows 2^128");
    r = mul64(a.lo, b.lo);
    cross1 = mul64(a.hi, b.lo);
    cross2 = mul64(a.lo, b.hi);
    if (cross1.hi || cross2.hi) return wt_error(WETEE_ERR_OVERFLOW, "u128: multiplication overflows 2^128");
    if (r.hi + cross1.lo < r.hi) return wt_error(WETEE_ERR_OVERFLOW, "u128: multiplication overflows 2^128");
    r.hi += cross1.lo;
    if (r.hi + cross2.lo < r.hi) return wt_error(WETEE_ERR_OVERFLOW, "u128: multiplication overflows 2^128");
    r.hi += cross2.lo;
    *out = r;
    return WETEE_OK;
}

/* v = v * 10 + d; returns 0 on overflow. */
static int mul10_add(wetee_u128 *v, unsigned d)
{
    wetee_u128 t;
    if (wetee_u128_mul(&t, *v, wetee_u128_from_u64(10)) != WETEE_OK) return 0;
    if (wetee_u128_add(&t, t, wetee_u128_from_u64(d)) != WETEE_OK) return 0;
    *v = t;
    return 1;
}

int wetee_u128_from_decimal(wetee_u128 *out, const char *text, size_t text_len, unsigned decimals)
{
    wetee_u128 v = { 0, 0 };
    size_t i = 0, int_digits = 0, frac_digits = 0;
    unsigned k;
    WT_ARG(out != NULL, "u128", "out is NULL");
    WT_ARG_DATA(text, text_len, "u128");
    WT_ARG(decimals <= WETEE_U128_MAX_DECIMALS, "u128", "decimals above 38");
    if (text_len == 0) return wt_error(WETEE_ERR_DECODE, "u128: empty amount");
    for (; i < text_len && text[i] >= '0' && text[i] <= '9'; i++, int_digits++)
        if (!mul10_add(&v, (unsigned)(text[i] - '0')))
            return wt_error(WETEE_ERR_OVERFLOW, "u128: amount exceeds 2^128-1 at offset %zu", i);
    if (int_digits == 0) {
        unsigned char c = (unsigned char)text[0];
        if (c >= 0x20 && c < 0x7f)
            return wt_error(WETEE_ERR_DECODE, "u128: expected a digit at offset 0, found '%c'", c);
        return wt_error(WETEE_ERR_DECODE, "u128: expected a digit at offset 0, found byte 0x%02x", c);
    }
    if (i < text_len && text[i] == '.') {
        size_t dot = i++;
        for (; i < text_len && text[i] >= '0' && text[i] <= '9'; i++, frac_digits++) {
            if (frac_digits >= decimals)
                return wt_error(WETEE_ERR_NON_CANONICAL,
                                "u128: more than %u fraction digits at offset %zu", decimals, i);
            if (!mul10_add(&v, (unsigned)(text[i] - '0')))
                return wt_error(WETEE_ERR_OVERFLOW, "u128: amount exceeds 2^128-1 at offset %zu", i);
        }
        if (frac_digits == 0)
            return wt_error(WETEE_ERR_DECODE, "u128: expected a digit after '.' at offset %zu", dot);
    }
    if (i < text_len) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x20 && c < 0x7f)
            return wt_error(WETEE_ERR_DECODE, "u128: unexpected character '%c' at offset %zu", c, i);
        return wt_error(WETEE_ERR_DECODE, "u128: unexpected byte 0x%02x at offset %zu", c, i);
    }
    for (k = (unsigned)frac_digits; k < decimals; k++)
        if (!mul10_add(&v, 0))
            return wt_error(WETEE_ERR_OVERFLOW, "u128: amount exceeds 2^128-1 at %u decimals", decimals);
    *out = v;
    return WETEE_OK;
}

/* v /= 10, returns the remainder. */
static unsigned div10(wetee_u128 *v)
{
    uint32_t limb[4] = { (uint32_t)(v->hi >> 32), (uint32_t)v->hi, (uint32_t)(v->lo >> 32), (uint32_t)v->lo };
    uint64_t rem = 0;
    int i;
    for (i = 0; i < 4; i++) {
        uint64_t cur = rem << 32 | limb[i];
        limb[i] = (uint32_t)(cur / 10);
        rem = cur % 10;
    }
    v->hi = (uint64_t)limb[0] << 32 | limb[1];
    v->lo = (uint64_t)limb[2] << 32 | limb[3];
    return (unsigned)rem;
}

int wetee_u128_to_decimal(char *out, size_t out_size, wetee_u128 v, unsigned decimals)
{
    char digits[48];
    size_t nd = 0, int_len, frac_len, need, i, p = 0;
    WT_ARG(out != NULL, "u128", "out is NULL");
    WT_ARG_OUT_LEN(out_size, "u128");
    WT_ARG(decimals <= WETEE_U128_MAX_DECIMALS, "u128", "decimals above 38");
    do {
        digits[nd++] = (char)('0' + div10(&v));
    } while (v.lo || v.hi);
    /* pad with zeros so that there is at least one integer digit */
    while (nd < (size_t)decimals + 1) digits[nd++] = '0';
    /* digits[] is least-significant first */
    frac_len = decimals;
    while (frac_len > 0 && digits[decimals - frac_len] == '0') frac_len--;
    int_len = nd - decimals;
    need = int_len + (frac_len ? 1 + frac_len : 0) + 1;
    if (need > out_size) {
        if (out_size) out[0] = 0;
        return wt_error(WETEE_ERR_OVERFLOW, "u128: output buffer of %zu bytes, need %zu", out_size, need);
    }
    for (i = 0; i < int_len; i++) out[p++] = digits[nd - 1 - i];
    if (frac_len) {
        out[p++] = '.';
        for (i = 0; i < frac_len; i++) out[p++] = digits[decimals - 1 - i];
    }
    out[p] = 0;
    return WETEE_OK;
}

void wetee_u128_to_le(uint8_t out[16], wetee_u128 v)
{
    wt_store_le64(out, v.lo);
    wt_store_le64(out + 8, v.hi);
}

wetee_u128 wetee_u128_from_le(const uint8_t in[16])
{
    wetee_u128 r;
    r.lo = wt_load_le64(in);
    r.hi = wt_load_le64(in + 8);
    return r;
}
