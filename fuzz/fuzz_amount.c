/* libFuzzer target for the pay module's text parsers: amounts
 * (wetee_amount_parse) and token lists (wetee_token_registry_add_json).
 *
 * The first byte selects the case: below 0x80 an amount of a token with
 * (byte % 39) decimals and the symbol "TK"; else a JSON token list.
 *
 * Invariants:
 * - nothing crashes, and a failure leaves a detail;
 * - an accepted amount formats back to the input's number with leading
 *   integer zeros and trailing fraction zeros removed (checked on the text,
 *   independently of the parser's arithmetic), and that text parses to the
 *   same value;
 * - a token list is added all or nothing: on failure the count is unchanged,
 *   on success every entry can be looked up by its chain, kind and id. */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the number part of an accepted amount, normalised as the formatter writes it */
static void normalise(char *out, const char *text, size_t len)
{
    size_t n = 0, i = 0, point, end;
    while (n < len && ((text[n] >= '0' && text[n] <= '9') || text[n] == '.')) n++;
    for (point = 0; point < n && text[point] != '.'; point++) {
    }
    while (i + 1 < point && text[i] == '0') i++; /* leading zeros of the integer part */
    memcpy(out, text + i, point - i);
    out += point - i;
    if (point < n) {
        end = n;
        while (end > point + 1 && text[end - 1] == '0') end--;
        if (end > point + 1) {
            memcpy(out, text + point, end - point);
            out += end - point;
        }
    }
    *out = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wetee_token_registry *r = NULL;
    const wetee_token *t = NULL;
    if (size < 1) return 0;
    REQUIRE(wetee_token_registry_new(&r, WETEE_TOKEN_REGISTRY_EMPTY) == WETEE_OK);
    if (data[0] < 0x80) {
        wetee_u128 v, w;
        wetee_buf b = WETEE_BUF_INIT;
        const char *text = (const char *)data + 1;
        size_t len = size - 1;
        REQUIRE(wetee_token_registry_add(&t, r, "fuzz", WETEE_TOKEN_NATIVE, NULL, "TK", data[0] % 39u) == WETEE_OK);
        if (wetee_amount_parse(&v, t, text, len) == WETEE_OK) {
            char *want = malloc(len + 1);
            REQUIRE(want != NULL);
            normalise(want, text, len);
            REQUIRE(wetee_amount_format(&b, t, v, WETEE_AMOUNT_NO_SYMBOL) == WETEE_OK);
            REQUIRE(strcmp((const char *)b.data, want) == 0);
            REQUIRE(wetee_amount_format(&b, t, v, 0) == WETEE_OK);
            REQUIRE(wetee_amount_parse(&w, t, (const char *)b.data, b.len) == WETEE_OK);
            REQUIRE(w.lo == v.lo && w.hi == v.hi);
            free(want);
        } else {
            REQUIRE(wetee_last_error()[0] != '\0');
        }
        wetee_buf_free(&b);
    } else {
        size_t before = wetee_token_registry_count(r), i;
        if (wetee_token_registry_add_json(r, (const char *)data + 1, size - 1) == WETEE_OK) {
            for (i = 0; i < wetee_token_registry_count(r); i++) {
                const wetee_token *a = wetee_token_registry_at(r, i), *b = NULL;
                REQUIRE(wetee_token_lookup(&b, r, wetee_token_chain(a), wetee_token_kind_of(a), wetee_token_id(a)) ==
                        WETEE_OK);
                REQUIRE(a == b);
            }
        } else {
            REQUIRE(wetee_last_error()[0] != '\0');
            REQUIRE(wetee_token_registry_count(r) == before);
        }
    }
    wetee_token_registry_free(r);
    return 0;
}
