/* libFuzzer target for DCAP quote and evidence parsing.
 *
 * Invariants:
 * - parsing arbitrary bytes never crashes or reads past the input; a
 *   failure leaves a detail;
 * - an accepted quote's every region (body, signature data, QE report,
 *   authentication and certification data) lies inside the input, and the
 *   signed region ends where the body ends;
 * - the evidence entry point on the same bytes (raw, Open Enclave header,
 *   JSON envelope) returns a result naming a failed check, never ACCEPT
 *   (no collateral). */
#include <stdlib.h>
#include <string.h>

#include "internal/attest_dcap.h"
#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int inside(const uint8_t *p, size_t n, const uint8_t *d, size_t size)
{
    return p >= d && (size_t)(p - d) <= size && n <= size - (size_t)(p - d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wt_quote q;
    wetee_attest_result *r = NULL;
    wetee_attest_collateral *c = NULL;
    int rc = wt_quote_parse(&q, data, size, NULL);
    if (rc == WETEE_OK) {
        REQUIRE(inside(q.body, q.body_len, data, size));
        REQUIRE(q.body + q.body_len == data + q.signed_len);
        REQUIRE(inside(q.sig, 64, data, size) && inside(q.att_key, 64, data, size));
        REQUIRE(inside(q.qe_report, 384, data, size) && inside(q.qe_sig, 64, data, size));
        REQUIRE(inside(q.auth, q.auth_len, data, size) && inside(q.cert, q.cert_len, data, size));
        REQUIRE(q.tee == WETEE_ATTEST_TEE_SGX || q.tee == WETEE_ATTEST_TEE_TDX);
    } else {
        REQUIRE(wetee_last_error()[0] != 0);
    }
    if (wetee_attest_collateral_new(&c) != WETEE_OK) return 0;
    rc = wetee_attest_verify_evidence(&r, data, size, c, NULL, NULL, 1751000000);
    REQUIRE(rc != WETEE_OK);
    REQUIRE(r == NULL || (wetee_attest_result_verdict(r) == WETEE_ATTEST_REJECT &&
                          wetee_attest_result_failed_check(r) != WETEE_ATTEST_CHECK_NONE));
    wetee_attest_result_free(r);
    wetee_attest_collateral_free(c);
    return 0;
}
