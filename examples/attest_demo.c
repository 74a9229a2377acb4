/* Attestation demo: verify the shared TDX sample quote (Intel DCAP quote
 * v4, TDX 1.0) with its PCS collateral under a policy that pins its MRTD
 * and requires an UpToDate TCB, at a time inside the collateral's validity,
 * then once more an hour after the collateral expired (strict expiry
 * rejects it), and print both results.
 *
 * Usage: wetee_attest_demo [VECTORS_DIR]   (default $WETEE_VECTORS_DIR or
 * ../shared/vectors). Prints a note and exits 0 when the sample is absent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *d;
    long n;
    if (f == NULL) return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    d = malloc((size_t)n + 1);
    if (d == NULL || fread(d, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(d);
        return NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return d;
}

static void show(const char *title, int rc, const wetee_attest_result *r)
{
    wetee_buf json = WETEE_BUF_INIT;
    printf("%s\n  call: %s\n  verdict: %s, TCB status %s (0x%04X), failed check: %s\n", title, wetee_strerror(rc),
           wetee_attest_result_verdict(r) == WETEE_ATTEST_ACCEPT ? "ACCEPT" : "REJECT",
           wetee_attest_tcb_status_name(wetee_attest_result_tcb_status(r)),
           (unsigned)wetee_attest_result_status_code(r), wetee_attest_check_name(wetee_attest_result_failed_check(r)));
    if (wetee_attest_result_reason(r)[0]) printf("  reason: %s\n", wetee_attest_result_reason(r));
    if (wetee_attest_result_to_json(&json, r) == WETEE_OK) printf("  result: %s\n", (const char *)json.data);
    wetee_buf_free(&json);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : getenv("WETEE_VECTORS_DIR");
    char path[1024];
    unsigned char *quote, *coll;
    size_t qlen = 0, clen = 0;
    wetee_attest_collateral *c = NULL;
    wetee_attest_policy *policy = NULL;
    wetee_attest_result *r = NULL;
    int rc;
    static const char POLICY[] =
        "{\"tee\": [\"tdx\"], \"accept_status\": [\"UpToDate\"], \"allow_debug\": false, \"strict_expiry\": true,"
        " \"mrtd\": \"91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7\"}";
    if (dir == NULL) dir = "../shared/vectors";
    snprintf(path, sizeof path, "%s/attestation/tdx/quote.bin", dir);
    quote = slurp(path, &qlen);
    snprintf(path, sizeof path, "%s/attestation/tdx/collateral.json", dir);
    coll = slurp(path, &clen);
    if (quote == NULL || coll == NULL) {
        printf("attestation demo skipped: %s/attestation/tdx not found\n", dir);
        free(quote);
        free(coll);
        return 0;
    }
    printf("policy: %s\n", POLICY);
    if (wetee_attest_collateral_from_json(&c, (const char *)coll, clen) != WETEE_OK ||
        wetee_attest_policy_from_json(&policy, POLICY, sizeof POLICY - 1) != WETEE_OK) {
        fprintf(stderr, "setup failed: %s\n", wetee_last_error());
        return 1;
    }
    rc = wetee_attest_verify_quote(&r, quote, qlen, c, NULL, policy, 1751000000);
    show("TDX sample at 2025-06-27T04:53:20Z (t = 1751000000):", rc, r);
    wetee_attest_result_free(r);
    rc = wetee_attest_verify_quote(&r, quote, qlen, c, NULL, policy, 1752919235 + 3600);
    show("the same one hour after the collateral expired:", rc, r);
    wetee_attest_result_free(r);
    wetee_attest_policy_free(policy);
    wetee_attest_collateral_free(c);
    free(quote);
    free(coll);
    return 0;
}
