/* libFuzzer target for the text codecs: hex, base58, base64 (both
 * alphabets, padded and not) and decimal amounts. Decoding arbitrary text
 * must never crash; whatever decodes must re-encode to text that decodes
 * to the same bytes, and canonical forms must round-trip exactly. */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_roundtrip_b64(const char *text, size_t len, unsigned flags)
{
    wetee_buf dec = WETEE_BUF_INIT, enc = WETEE_BUF_INIT, again = WETEE_BUF_INIT;
    if (wetee_base64_decode(&dec, text, len, flags) == WETEE_OK) {
        REQUIRE(wetee_base64_encode(&enc, dec.data, dec.len, flags) == WETEE_OK);
        REQUIRE(wetee_base64_decode(&again, (const char *)enc.data, enc.len, flags) == WETEE_OK);
        REQUIRE(again.len == dec.len && (dec.len == 0 || memcmp(again.data, dec.data, dec.len) == 0));
        /* strict decoding: canonical text round-trips byte for byte (padding may be added) */
        REQUIRE(enc.len >= len && memcmp(enc.data, text, len) == 0);
    } else {
        REQUIRE(wetee_last_error()[0] != '\0');
    }
    wetee_buf_free(&dec); wetee_buf_free(&enc); wetee_buf_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    wetee_buf a = WETEE_BUF_INIT, b = WETEE_BUF_INIT, c = WETEE_BUF_INIT;
    wetee_u128 v;
    char s[WETEE_U128_DECIMAL_BUFSIZE];

    /* hex */
    if (wetee_hex_decode(&a, text, size) == WETEE_OK) {
        REQUIRE(wetee_hex_encode(&b, a.data, a.len, 0) == WETEE_OK);
        REQUIRE(wetee_hex_decode(&c, (const char *)b.data, b.len) == WETEE_OK);
        REQUIRE(c.len == a.len && (a.len == 0 || memcmp(a.data, c.data, a.len) == 0));
    }
    /* base58: decode then encode gives the same text (base58 is canonical) */
    if (size < 512 && wetee_base58_decode(&a, text, size) == WETEE_OK) {
        REQUIRE(wetee_base58_encode(&b, a.data, a.len) == WETEE_OK);
        REQUIRE(b.len == size && memcmp(b.data, text, size) == 0);
    }
    /* base58 encode of arbitrary bytes decodes back */
    if (size < 512) {
        REQUIRE(wetee_base58_encode(&a, data, size) == WETEE_OK);
        REQUIRE(wetee_base58_decode(&b, (const char *)a.data, a.len) == WETEE_OK);
        REQUIRE(b.len == size && (size == 0 || memcmp(b.data, data, size) == 0));
    }
    check_roundtrip_b64(text, size, 0);
    check_roundtrip_b64(text, size, WETEE_BASE64_URL);
    check_roundtrip_b64(text, size, WETEE_BASE64_NOPAD);
    check_roundtrip_b64(text, size, WETEE_BASE64_URL | WETEE_BASE64_NOPAD);
    /* decimal amounts at a decimals value taken from the input */
    {
        unsigned d = size ? data[0] % (WETEE_U128_MAX_DECIMALS + 1) : 0;
        if (size > 1 && wetee_u128_from_decimal(&v, text + 1, size - 1, d) == WETEE_OK) {
            wetee_u128 w;
            REQUIRE(wetee_u128_to_decimal(s, sizeof s, v, d) == WETEE_OK);
            REQUIRE(wetee_u128_from_decimal(&w, s, strlen(s), d) == WETEE_OK);
            REQUIRE(w.lo == v.lo && w.hi == v.hi);
        }
    }
    wetee_buf_free(&a); wetee_buf_free(&b); wetee_buf_free(&c);
    return 0;
}
