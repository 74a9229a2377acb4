/* TON addresses (TEP-2; ton-core src/address), StateInit, amounts. */
#include <ctype.h>
#include <stdio.h>

#include "ton/ton_impl.h"
#include "wetee/hash.h"

#define TAG_BOUNCEABLE 0x11
#define TAG_NON_BOUNCEABLE 0x51
#define TAG_TEST 0x80

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int parse_raw(wetee_ton_address *out, const char *t, size_t len, size_t colon)
{
    int64_t wc = 0;
    size_t i = 0;
    int neg = 0;
    if (t[0] == '-') { neg = 1; i = 1; }
    if (i == colon) return wt_error(WETEE_ERR_DECODE, MOD ": address: empty workchain");
    if (colon - i > 1 && t[i] == '0')
        return wt_error(WETEE_ERR_DECODE, MOD ": address at offset %zu: workchain with a leading zero", i);
    for (; i < colon; i++) {
        if (t[i] < '0' || t[i] > '9')
            return wt_error(WETEE_ERR_DECODE, MOD ": address at offset %zu: bad workchain character", i);
        wc = wc * 10 + (t[i] - '0');
        if (wc > (int64_t)INT32_MAX + 1)
            return wt_error(WETEE_ERR_DECODE, MOD ": address: workchain outside int32");
    }
    if (neg) wc = -wc;
    if (wc > INT32_MAX || (neg && wc == 0 && colon == 2 && t[1] == '0'))
        return wt_error(WETEE_ERR_DECODE, MOD ": address: workchain %lld outside int32 or -0", (long long)wc);
    if (len - colon - 1 != 64)
        return wt_error(WETEE_ERR_DECODE, MOD ": address: raw form needs 64 hex digits after ':', got %zu",
                        len - colon - 1);
    for (i = 0; i < 32; i++) {
        int hi = hexval(t[colon + 1 + 2 * i]), lo = hexval(t[colon + 2 + 2 * i]);
        if (hi < 0 || lo < 0)
            return wt_error(WETEE_ERR_DECODE, MOD ": address at offset %zu: bad hex digit",
                            colon + 1 + 2 * i + (hi < 0 ? 0 : 1));
        out->hash[i] = (uint8_t)(hi << 4 | lo);
    }
    out->workchain = (int32_t)wc;
    return WETEE_OK;
}

int wetee_ton_address_parse(wetee_ton_address *out, unsigned *flags, const char *text, size_t text_len)
{
    wetee_ton_address a;
    const char *colon;
    int rc, url = 0, std = 0;
    wetee_buf b = WETEE_BUF_INIT;
    uint16_t crc;
    uint8_t tag;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(text, text_len, MOD);
    colon = text_len ? memchr(text, ':', text_len) : NULL;
    if (colon) {
        if ((rc = parse_raw(&a, text, text_len, (size_t)(colon - text)))) return rc;
        *out = a;
        if (flags) *flags = WETEE_TON_ADDRESS_BOUNCEABLE;
        return WETEE_OK;
    }
    if (text_len != 48)
        return wt_error(WETEE_ERR_DECODE, MOD ": address of %zu characters is neither raw (wc:hex) nor user-friendly (48)",
                        text_len);
    for (size_t i = 0; i < 48; i++) {
        char c = text[i];
        if (c == '-' || c == '_') url = 1;
        else if (c == '+' || c == '/') std = 1;
        else if (!isalnum((unsigned char)c))
            return wt_error(WETEE_ERR_DECODE, MOD ": address at offset %zu: bad base64 character", i);
    }
    if (url && std) return wt_error(WETEE_ERR_DECODE, MOD ": address mixes base64 and base64url characters");
    rc = wetee_base64_decode(&b, text, 48, url ? WETEE_BASE64_URL : 0);
    if (rc) { wetee_buf_free(&b); return rc; }
    if (b.len != 36) { wetee_buf_free(&b); return wt_error(WETEE_ERR_DECODE, MOD ": address decodes to %zu bytes, not 36", b.len); }
    wetee_crc16_xmodem(&crc, b.data, 34);
    if (crc != (uint16_t)(b.data[34] << 8 | b.data[35])) {
        unsigned got = (unsigned)(b.data[34] << 8 | b.data[35]);
        wetee_buf_free(&b);
        return wt_error(WETEE_ERR_CHECKSUM, MOD ": address checksum %04x does not match the computed %04x", got, crc);
    }
    tag = b.data[0];
    if ((tag & ~TAG_TEST) != TAG_BOUNCEABLE && (tag & ~TAG_TEST) != TAG_NON_BOUNCEABLE) {
        wetee_buf_free(&b);
        return wt_error(WETEE_ERR_DECODE, MOD ": address tag 0x%02x is not 0x11 or 0x51 (optionally | 0x80)", tag);
    }
    a.workchain = (int8_t)b.data[1];
    memcpy(a.hash, b.data + 2, 32);
    wetee_buf_free(&b);
    *out = a;
    if (flags)
        *flags = ((tag & ~TAG_TEST) == TAG_BOUNCEABLE ? WETEE_TON_ADDRESS_BOUNCEABLE : 0) |
                 ((tag & TAG_TEST) ? WETEE_TON_ADDRESS_TESTNET : 0) | (std ? WETEE_TON_ADDRESS_BASE64_STD : 0);
    return WETEE_OK;
}

int wetee_ton_address_to_raw(char *out, size_t out_size, const wetee_ton_address *addr)
{
    static const char hexd[] = "0123456789abcdef";
    char tmp[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    int n;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_OUT_LEN(out_size, MOD);
    WT_ARG(addr != NULL, MOD, "addr is NULL");
    n = snprintf(tmp, sizeof tmp, "%ld:", (long)addr->workchain);
    for (int i = 0; i < 32; i++) {
        tmp[n++] = hexd[addr->hash[i] >> 4];
        tmp[n++] = hexd[addr->hash[i] & 15];
    }
    tmp[n] = 0;
    if ((size_t)n + 1 > out_size) {
        if (out_size) out[0] = 0;
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": raw address needs %d bytes, buffer has %zu", n + 1, out_size);
    }
    memcpy(out, tmp, (size_t)n + 1);
    return WETEE_OK;
}

int wetee_ton_address_to_friendly(char *out, size_t out_size, const wetee_ton_address *addr, unsigned flags)
{
    uint8_t raw[36];
    uint16_t crc;
    wetee_buf b = WETEE_BUF_INIT;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_OUT_LEN(out_size, MOD);
    WT_ARG(addr != NULL, MOD, "addr is NULL");
    WT_ARG((flags & ~7u) == 0, MOD, "unknown flag");
    if (out_size) out[0] = 0;
    if (out_size < WETEE_TON_ADDRESS_FRIENDLY_BUFSIZE)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": user-friendly address needs 49 bytes, buffer has %zu", out_size);
    if (addr->workchain < -128 || addr->workchain > 127)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": workchain %ld does not fit the user-friendly form (int8)",
                        (long)addr->workchain);
    raw[0] = (uint8_t)(((flags & WETEE_TON_ADDRESS_BOUNCEABLE) ? TAG_BOUNCEABLE : TAG_NON_BOUNCEABLE) |
                       ((flags & WETEE_TON_ADDRESS_TESTNET) ? TAG_TEST : 0));
    raw[1] = (uint8_t)(int8_t)addr->workchain;
    memcpy(raw + 2, addr->hash, 32);
    wetee_crc16_xmodem(&crc, raw, 34);
    raw[34] = (uint8_t)(crc >> 8);
    raw[35] = (uint8_t)crc;
    rc = wetee_base64_encode(&b, raw, 36, (flags & WETEE_TON_ADDRESS_BASE64_STD) ? 0 : WETEE_BASE64_URL);
    if (rc == WETEE_OK) {
        memcpy(out, b.data, 48);
        out[48] = 0;
    }
    wetee_buf_free(&b);
    return rc;
}

int wetee_ton_builder_store_address(wetee_ton_builder *b, const wetee_ton_address *addr)
{
    WT_ARG(b != NULL, MOD, "b is NULL");
    if (addr == NULL) return wetee_ton_builder_store_uint(b, 0, 2);
    if (addr->workchain < -128 || addr->workchain > 127)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": workchain %ld does not fit addr_std (int8)", (long)addr->workchain);
    if (WETEE_TON_CELL_MAX_BITS - b->bits < 267)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": builder at bit %u: an address needs 267 bits", (unsigned)b->bits);
    wetee_ton_builder_store_uint(b, 4, 3); /* addr_std$10, anycast nothing$0 */
    wetee_ton_builder_store_int(b, addr->workchain, 8);
    return wetee_ton_builder_store_bits(b, addr->hash, 256);
}

int ton_read_address(ton_reader *r, wetee_ton_address *out, int *is_none)
{
    ton_reader save = *r;
    uint64_t tag = 0, v = 0;
    int rc;
    if ((rc = ton_read_uint(r, &tag, 2))) return rc;
    if (tag == 0) {
        if (is_none == NULL) {
            *r = save;
            return wt_error(WETEE_ERR_DECODE, MOD ": slice at bit %u: addr_none where an address is required", save.pos);
        }
        memset(out, 0, sizeof *out);
        *is_none = 1;
        return WETEE_OK;
    }
    if (tag != 2) {
        *r = save;
        return wt_error(WETEE_ERR_UNSUPPORTED, MOD ": slice at bit %u: %s address not supported", save.pos,
                        tag == 1 ? "addr_extern" : "addr_var");
    }
    if ((rc = ton_read_uint(r, &v, 1))) { *r = save; return rc; }
    if (v) { *r = save; return wt_error(WETEE_ERR_UNSUPPORTED, MOD ": slice at bit %u: anycast address not supported", save.pos); }
    if ((rc = ton_read_uint(r, &v, 8))) { *r = save; return rc; }
    out->workchain = (int8_t)(uint8_t)v;
    if ((rc = ton_read_bits(r, out->hash, 256))) { *r = save; return rc; }
    if (is_none) *is_none = 0;
    return WETEE_OK;
}

int wetee_ton_slice_load_address(wetee_ton_address *out, int *is_none, wetee_ton_slice *s)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(s != NULL, MOD, "s is NULL");
    return ton_read_address(&s->r, out, is_none);
}

int wetee_ton_state_init(wetee_ton_cell **out, const wetee_ton_cell *code, const wetee_ton_cell *data)
{
    wetee_ton_builder b;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(code != NULL && data != NULL, MOD, "code or data is NULL");
    ton_builder_init(&b);
    wetee_ton_builder_store_uint(&b, 6, 5); /* 0 0 1 1 0 */
    wetee_ton_builder_store_ref(&b, code);
    wetee_ton_builder_store_ref(&b, data);
    rc = wetee_ton_builder_end(out, &b);
    ton_builder_clear(&b);
    return rc;
}

int wetee_ton_address_from_state_init(wetee_ton_address *out, int32_t workchain, const wetee_ton_cell *code,
                                      const wetee_ton_cell *data)
{
    wetee_ton_cell *si;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    if ((rc = wetee_ton_state_init(&si, code, data))) return rc;
    out->workchain = workchain;
    memcpy(out->hash, si->hashes[3], 32);
    wetee_ton_cell_free(si);
    return WETEE_OK;
}

/* ---- amounts ---- */

int wetee_ton_amount_format(char *out, size_t out_size, wetee_u128 nano, const char *symbol)
{
    char num[WETEE_U128_DECIMAL_BUFSIZE];
    size_t sl, nl;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_OUT_LEN(out_size, MOD);
    if (symbol == NULL) symbol = WETEE_TON_SYMBOL;
    sl = strlen(symbol);
    WT_ARG(sl <= 15, MOD, "symbol longer than 15 bytes");
    if (out_size) out[0] = 0;
    if ((rc = wetee_u128_to_decimal(num, sizeof num, nano, WETEE_TON_DECIMALS))) return rc;
    nl = strlen(num);
    if (nl + (sl ? sl + 1 : 0) + 1 > out_size)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": amount needs %zu bytes, buffer has %zu", nl + (sl ? sl + 1 : 0) + 1,
                        out_size);
    memcpy(out, num, nl);
    if (sl) {
        out[nl] = ' ';
        memcpy(out + nl + 1, symbol, sl);
        nl += sl + 1;
    }
    out[nl] = 0;
    return WETEE_OK;
}

static int ieq(const char *a, size_t alen, const char *b)
{
    size_t bl = strlen(b);
    if (alen != bl) return 0;
    for (size_t i = 0; i < bl; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i])) return 0;
    return 1;
}

int wetee_ton_amount_parse(wetee_u128 *out, const char *text, size_t text_len)
{
    size_t n = 0, end;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(text, text_len, MOD);
    while (n < text_len && ((text[n] >= '0' && text[n] <= '9') || text[n] == '.')) n++;
    end = n;
    if (n < text_len) {
        size_t s = n;
        if (text[s] == ' ') s++;
        if (!ieq(text + s, text_len - s, "GRAM") && !ieq(text + s, text_len - s, "TON"))
            return wt_error(WETEE_ERR_DECODE, MOD ": amount at offset %zu: expected GRAM or TON after the number", s);
    }
    return wetee_u128_from_decimal(out, text, end, WETEE_TON_DECIMALS);
}
