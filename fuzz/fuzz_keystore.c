/* libFuzzer target for the polkadot.js JSON keystore importer, with a fixed
 * password ("fuzz"). Only the four accepted scrypt parameter sets (N ≤ 2^17,
 * ~0.1-0.3 s each) can reach scrypt; anything else is rejected before it, so
 * most executions exercise the JSON, base64, parameter and pair-layout checks
 * (unencrypted "none" exports reach the layout checks without scrypt).
 * A successful import must give a usable keypair. */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wetee_keypair *kp = NULL;
    int rc;
    if (size > 4096) return 0;
    rc = wetee_keystore_import(&kp, (const char *)data, size, "fuzz", 4);
    if (rc == WETEE_OK) {
        uint8_t pub[WETEE_PUBLIC_MAX_BYTES], sig[WETEE_SIGNATURE_MAX_BYTES];
        size_t pub_len = 0, sig_len = 0;
        wetee_buf addr = WETEE_BUF_INIT;
        wetee_scheme scheme;
        REQUIRE(kp != NULL);
        scheme = wetee_keypair_scheme(kp);
        REQUIRE(wetee_keypair_public(kp, pub, &pub_len) == WETEE_OK);
        REQUIRE(wetee_keypair_address(&addr, kp, 42) == WETEE_OK);
        REQUIRE(wetee_keypair_sign(kp, sig, &sig_len, data, size) == WETEE_OK);
        REQUIRE(wetee_verify(scheme, sig, sig_len, data, size, pub, pub_len) == WETEE_OK);
        wetee_buf_free(&addr);
        wetee_keypair_free(kp);
    } else {
        REQUIRE(kp == NULL);
        REQUIRE(rc == WETEE_ERR_DECODE || rc == WETEE_ERR_VERIFY || rc == WETEE_ERR_UNSUPPORTED);
        REQUIRE(wetee_last_error()[0] != '\0');
    }
    return 0;
}
