/* An outside program that uses an installed libwetee. */
#include <stdio.h>
#include <string.h>

#include <wetee.h>

int main(void)
{
    uint8_t h[16];
    wetee_buf hex = WETEE_BUF_INIT, enc = WETEE_BUF_INIT;
    wetee_u128 v;
    if (wetee_hash_twox128(h, (const uint8_t *)"System", 6) != WETEE_OK) return 1;
    if (wetee_hex_encode(&hex, h, sizeof h, 0) != WETEE_OK) return 1;
    if (strcmp((const char *)hex.data, "26aa394eea5630e07c48ae0c9558cef7") != 0) {
        fprintf(stderr, "twox128 mismatch: %s\n", (const char *)hex.data);
        return 1;
    }
    if (wetee_u128_from_decimal(&v, "1.5", 3, 10) != WETEE_OK || v.lo != 15000000000ull) return 1;
    if (wetee_scale_encode_compact(&enc, v) != WETEE_OK) return 1;
    printf("libwetee %s: twox128(System)=%s compact(1.5 DOT planck) is %zu bytes\n", wetee_version_string(),
           (const char *)hex.data, enc.len);
    wetee_buf_free(&hex);
    wetee_buf_free(&enc);
    return 0;
}
