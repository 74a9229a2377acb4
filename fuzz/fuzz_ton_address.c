/* libFuzzer target for TON addresses (wetee_ton_address_parse) and amounts
 * (wetee_ton_amount_parse).
 *
 * Invariants:
 * - parsing arbitrary text never crashes, and a failure leaves a detail;
 * - an accepted user-friendly address re-encodes, with the flags the parser
 *   reported, to the identical text (when the text shows its alphabet);
 *   an accepted raw address re-encodes to the same workchain and hash;
 * - every accepted address survives raw -> parse and, for int8
 *   workchains, friendly -> parse in all eight forms;
 * - an accepted amount formats and parses back to the same value. */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wetee_ton_address a, b;
    unsigned flags = 99, f2;
    char buf[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    wetee_u128 v, v2;
    const char *t = (const char *)data;
    if (wetee_ton_address_parse(&a, &flags, t, size) == WETEE_OK) {
        REQUIRE(flags <= 7);
        if (memchr(t, ':', size) == NULL) {
            REQUIRE(size == 48);
            REQUIRE(wetee_ton_address_to_friendly(buf, sizeof buf, &a, flags) == WETEE_OK);
            REQUIRE(memcmp(buf, t, 48) == 0 || memchr(t, '-', 48) == NULL);
        }
        REQUIRE(wetee_ton_address_to_raw(buf, sizeof buf, &a) == WETEE_OK);
        REQUIRE(wetee_ton_address_parse(&b, &f2, buf, strlen(buf)) == WETEE_OK);
        REQUIRE(b.workchain == a.workchain && memcmp(a.hash, b.hash, 32) == 0);
        if (a.workchain >= -128 && a.workchain <= 127)
            for (unsigned k = 0; k < 8; k++) {
                REQUIRE(wetee_ton_address_to_friendly(buf, sizeof buf, &a, k) == WETEE_OK);
                REQUIRE(wetee_ton_address_parse(&b, &f2, buf, 48) == WETEE_OK);
                REQUIRE(b.workchain == a.workchain && memcmp(a.hash, b.hash, 32) == 0);
                REQUIRE((f2 & 3) == (k & 3));
            }
    } else {
        REQUIRE(wetee_last_error()[0] != '\0');
    }
    if (wetee_ton_amount_parse(&v, t, size) == WETEE_OK) {
        char amt[WETEE_TON_AMOUNT_BUFSIZE];
        REQUIRE(wetee_ton_amount_format(amt, sizeof amt, v, "TON") == WETEE_OK);
        REQUIRE(wetee_ton_amount_parse(&v2, amt, strlen(amt)) == WETEE_OK);
        REQUIRE(wetee_u128_cmp(v, v2) == 0);
    }
    return 0;
}
