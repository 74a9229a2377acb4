/* Test helpers shared by the attestation tests (samples.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samples.h"
#include "wt_test.h"

int load_sample(sample *s, const char *dir)
{
    char p[256];
    snprintf(p, sizeof p, "attestation/%s/quote.bin", dir);
    s->quote = wt_read_vector(p, &s->quote_len);
    snprintf(p, sizeof p, "attestation/%s/collateral.json", dir);
    s->coll = (char *)wt_read_vector(p, &s->coll_len);
    if (s->quote == NULL || s->coll == NULL) {
        free(s->quote);
        free(s->coll);
        return -1;
    }
    return 0;
}

void free_sample(sample *s)
{
    free(s->quote);
    free(s->coll);
}

wetee_attest_policy *policy_json(const char *j)
{
    wetee_attest_policy *p = NULL;
    CHECK_OK(wetee_attest_policy_from_json(&p, j, strlen(j)));
    return p;
}

void wetee_report_data(uint8_t rd[64], const uint8_t secret[64], const uint8_t pub[32], uint64_t ts, const uint8_t *tx,
                       size_t tx_len)
{
    size_t n = 40 + tx_len;
    uint8_t *m = malloc(n), h[32];
    for (int i = 0; i < 8; i++) m[i] = (uint8_t)(ts >> (56 - 8 * i));
    memcpy(m + 8, pub, 32);
    if (tx_len) memcpy(m + 40, tx, tx_len);
    if (n > 256) {
        CHECK_OK(wetee_hash_blake2b_256(h, m, n));
        CHECK_OK(wetee_ed25519_sign(rd, secret, h, 32));
    } else {
        CHECK_OK(wetee_ed25519_sign(rd, secret, m, n));
    }
    free(m);
}
