/* libFuzzer target for secret URIs: wetee_suri_parse on any bytes, and
 * wetee_keypair_from_suri (sr25519, and ed25519 for hard-only paths) on short
 * inputs. Parsing must never crash, must agree with keypair construction
 * (a SURI that does not parse never yields a keypair), and junction accessors
 * must stay in range. Mnemonic phrases cost one 2048-round PBKDF2 each. */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    wetee_suri *s = NULL;
    wetee_keypair *kp = NULL;
    int parsed, rc;

    parsed = wetee_suri_parse(&s, text, size) == WETEE_OK;
    if (parsed) {
        size_t i, n = wetee_suri_junction_count(s);
        uint8_t cc[32];
        int hard = -1;
        const char *pw = wetee_suri_password(s);
        const char *phrase = wetee_suri_phrase(s);
        REQUIRE(phrase != NULL);
        REQUIRE(strcmp(phrase, WETEE_DEV_PHRASE) == 0 ||
                (strlen(phrase) <= size && memcmp(phrase, text, strlen(phrase)) == 0));
        REQUIRE(n <= size / 2 && n <= WETEE_SURI_MAX_JUNCTIONS);
        REQUIRE(size <= WETEE_SURI_MAX_BYTES);
        REQUIRE(pw == NULL || strlen(pw) + 3 <= size);
        for (i = 0; i < n; i++) {
            REQUIRE(wetee_suri_junction(s, i, cc, &hard) == WETEE_OK);
            REQUIRE(hard == 0 || hard == 1);
        }
        REQUIRE(wetee_suri_junction(s, n, cc, &hard) == WETEE_ERR_INVALID_ARGUMENT);
    } else {
        REQUIRE(s == NULL);
        REQUIRE(wetee_last_error()[0] != '\0');
    }
    wetee_suri_free(s);

    if (size <= 256) {
        static const wetee_scheme schemes[2] = { WETEE_SCHEME_SR25519, WETEE_SCHEME_ED25519 };
        size_t k;
        for (k = 0; k < 2; k++) {
            rc = wetee_keypair_from_suri(&kp, schemes[k], text, size);
            if (!parsed) REQUIRE(rc == WETEE_ERR_DECODE);
            if (rc == WETEE_OK) {
                uint8_t pub[WETEE_PUBLIC_MAX_BYTES], sig[WETEE_SIGNATURE_MAX_BYTES];
                size_t pub_len = 0, sig_len = 0;
                REQUIRE(kp != NULL);
                REQUIRE(wetee_keypair_public(kp, pub, &pub_len) == WETEE_OK && pub_len == 32);
                REQUIRE(wetee_keypair_sign(kp, sig, &sig_len, data, size) == WETEE_OK);
                REQUIRE(wetee_verify(schemes[k], sig, sig_len, data, size, pub, pub_len) == WETEE_OK);
            } else {
                REQUIRE(kp == NULL);
            }
            wetee_keypair_free(kp);
            kp = NULL;
        }
    }
    return 0;
}
