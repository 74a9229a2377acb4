/* Attested sealing demo (wetee/seal.h):
 *
 * 1. verify the shared TDX sample quote with its collateral under a policy
 *    that pins its MRTD, take the X25519 key in its REPORTDATA, and seal a
 *    secret to it;
 * 2. the same evidence under a policy that expects another MRTD: refused,
 *    and sealing says which check failed;
 * 3. the TEE side: a pod's Ed25519 key (the key WeTEE's binding puts in a
 *    TeeCall) receives a sealed secret and opens it with its seed.
 *
 * Usage: wetee_seal_demo [VECTORS_DIR]   (default $WETEE_VECTORS_DIR or
 * ../shared/vectors). Prints a note and exits 0 when the sample is absent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define MRTD "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7"

static unsigned char *read_file(const char *dir, const char *name, size_t *len)
{
    char path[1024];
    FILE *f;
    unsigned char *d = NULL;
    long n;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if ((f = fopen(path, "rb")) == NULL) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (d = malloc((size_t)n + 1)) != NULL && fread(d, 1, (size_t)n, f) == (size_t)n)
        *len = (size_t)n;
    else {
        free(d);
        d = NULL;
    }
    fclose(f);
    return d;
}

static void seal_with_policy(const uint8_t *quote, size_t qlen, wetee_attest_collateral *coll, const char *policy_json)
{
    static const char secret[] = "STRIPE_API_KEY=sk_live_demo";
    wetee_attest_policy *pol = NULL;
    wetee_seal_recipient *rec = NULL;
    wetee_buf box = WETEE_BUF_INIT;
    int rc;
    printf("policy %s\n", policy_json);
    if (wetee_attest_policy_from_json(&pol, policy_json, strlen(policy_json)) != WETEE_OK) {
        printf("  policy: %s\n", wetee_last_error());
        return;
    }
    rc = wetee_seal_verify(&rec, quote, qlen, coll, NULL, pol, WETEE_SEAL_SOURCE_REPORT_DATA_X25519, 1751000000);
    printf("  verify: %s, recipient %s\n", wetee_strerror(rc),
           wetee_seal_recipient_accepted(rec) ? "ACCEPTED" : "REFUSED");
    if (rec != NULL && !wetee_seal_recipient_accepted(rec))
        printf("  failed check: %s\n", wetee_attest_check_name(wetee_seal_recipient_failed_check(rec)));
    rc = rec ? wetee_seal_to(&box, rec, (const uint8_t *)secret, sizeof secret - 1) : WETEE_ERR_INVALID_ARGUMENT;
    if (rc == WETEE_OK) {
        uint8_t pk[WETEE_SEAL_KEY_BYTES];
        wetee_seal_recipient_public_key(pk, rec);
        printf("  sealed %zu secret bytes into a %zu-byte box for X25519 key %02x%02x%02x%02x...\n", sizeof secret - 1,
               box.len, pk[0], pk[1], pk[2], pk[3]);
    } else {
        printf("  seal: %s\n", wetee_last_error());
    }
    wetee_buf_free(&box);
    wetee_seal_recipient_free(rec);
    wetee_attest_policy_free(pol);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : getenv("WETEE_VECTORS_DIR");
    char sub[1024];
    size_t qlen = 0, clen = 0;
    unsigned char *quote, *coll_json;
    wetee_attest_collateral *coll = NULL;
    if (dir == NULL) dir = "../shared/vectors";
    snprintf(sub, sizeof sub, "%s/attestation/tdx", dir);
    quote = read_file(sub, "quote.bin", &qlen);
    coll_json = read_file(sub, "collateral.json", &clen);
    if (quote == NULL || coll_json == NULL || wetee_attest_collateral_from_json(&coll, (const char *)coll_json, clen)) {
        printf("seal demo skipped: %s/quote.bin or collateral.json not usable\n", sub);
        free(quote);
        free(coll_json);
        return 0;
    }
    seal_with_policy(quote, qlen, coll, "{\"mrtd\": \"" MRTD "\"}");
    seal_with_policy(quote, qlen, coll, "{\"mrtd\": \"" MRTD "\", \"mrconfigid\": \"" MRTD "\"}");

    /* the TEE side: the pod's Ed25519 key, as WeTEE pods bind it */
    {
        static const char secret[] = "DATABASE_PASSWORD=correct-horse";
        uint8_t seed[32], edsk[64], edpk[32], other[32];
        wetee_buf box = WETEE_BUF_INIT, plain = WETEE_BUF_INIT;
        memset(seed, 0x5e, sizeof seed);
        memset(other, 0x42, sizeof other);
        wetee_ed25519_keypair_from_seed(edsk, edpk, seed);
        if (wetee_seal_to_key(&box, edpk, WETEE_SEAL_KEY_ED25519, (const uint8_t *)secret, sizeof secret - 1) == WETEE_OK &&
            wetee_seal_open(&plain, box.data, box.len, seed, sizeof seed, WETEE_SEAL_KEY_ED25519) == WETEE_OK)
            printf("pod: opened a %zu-byte box with its Ed25519 seed: %zu bytes, %s\n", box.len, plain.len,
                   plain.len == sizeof secret - 1 && memcmp(plain.data, secret, plain.len) == 0 ? "the secret"
                                                                                                 : "WRONG");
        if (wetee_seal_open(&plain, box.data, box.len, other, sizeof other, WETEE_SEAL_KEY_ED25519) != WETEE_OK)
            printf("pod: another key cannot open it: %s\n", wetee_last_error());
        wetee_buf_free(&box);
        wetee_buf_free_secure(&plain);
        wetee_wipe(edsk, sizeof edsk);
        wetee_wipe(seed, sizeof seed);
    }
    wetee_attest_collateral_free(coll);
    free(quote);
    free(coll_json);
    return 0;
}
