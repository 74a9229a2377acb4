/* libFuzzer target for attestation collateral and policies: collateral
 * bundles (JSON), each collateral item (PEM chains, CRLs as DER/PEM/hex,
 * PCS TCB Info and QE Identity bodies, SEV-SNP certificates), trust-anchor
 * certificates and policy JSON.
 *
 * Invariants: no crash, leak or unbounded work on any input; every failure
 * leaves a detail; an accepted bundle can be used for a verification that
 * fails cleanly (the quote is empty). */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int items[] = {
        WETEE_ATTEST_ITEM_ROOT_CA_CRL, WETEE_ATTEST_ITEM_PCK_CRL, WETEE_ATTEST_ITEM_PCK_CRL_ISSUER_CHAIN,
        WETEE_ATTEST_ITEM_TCB_INFO, WETEE_ATTEST_ITEM_TCB_INFO_ISSUER_CHAIN, WETEE_ATTEST_ITEM_QE_IDENTITY,
        WETEE_ATTEST_ITEM_QE_IDENTITY_ISSUER_CHAIN, WETEE_ATTEST_ITEM_PCK_CERT_CHAIN, WETEE_ATTEST_ITEM_SNP_VCEK,
        WETEE_ATTEST_ITEM_SNP_CERT_CHAIN, WETEE_ATTEST_ITEM_SNP_CRL};
    wetee_attest_collateral *c = NULL;
    wetee_attest_policy *p = NULL;
    wetee_attest_anchors *a = NULL;
    size_t i;
    int rc;
    rc = wetee_attest_collateral_from_json(&c, (const char *)data, size);
    REQUIRE(rc == WETEE_OK || wetee_last_error()[0] != 0);
    if (rc == WETEE_OK) {
        wetee_attest_result *r = NULL;
        static const uint8_t q[1] = {0};
        REQUIRE(wetee_attest_verify_quote(&r, q, sizeof q, c, NULL, NULL, 1) != WETEE_OK);
        wetee_attest_result_free(r);
        wetee_attest_collateral_free(c);
    }
    if (wetee_attest_collateral_new(&c) == WETEE_OK) {
        for (i = 0; i < sizeof items / sizeof items[0]; i++) {
            rc = wetee_attest_collateral_set(c, items[i], data, size);
            REQUIRE(rc == WETEE_OK || wetee_last_error()[0] != 0);
        }
        wetee_attest_collateral_free(c);
    }
    rc = wetee_attest_policy_from_json(&p, (const char *)data, size);
    REQUIRE(rc == WETEE_OK || wetee_last_error()[0] != 0);
    wetee_attest_policy_free(p);
    if (wetee_attest_anchors_new(&a) == WETEE_OK) {
        (void)wetee_attest_anchors_set_intel_root(a, data, size);
        wetee_attest_anchors_free(a);
    }
    return 0;
}
