/* Placeholder for the SEV-SNP part until src/attest/snp*.c implements the
 * wt_attest_snp_* hooks of src/internal/attest.h (delete this file then). */
#include "internal/attest.h"

int wt_attest_snp_anchors_init(wetee_attest_anchors *a)
{
    (void)a;
    return WETEE_OK;
}

int wt_attest_snp_is_report(const uint8_t *data, size_t len)
{
    (void)data;
    return len == 0x4A0;
}

int wt_attest_snp_verify(wetee_attest_result *r, const uint8_t *report, size_t len, wetee_attest_collateral *coll,
                         const wetee_attest_anchors *anchors, const wetee_attest_policy *policy,
                         const wt_attest_envelope *env, uint64_t time)
{
    (void)report; (void)len; (void)coll; (void)anchors; (void)policy; (void)env; (void)time;
    r->tee = WETEE_ATTEST_TEE_SEV_SNP;
    return wt_attest_fail(r, WETEE_ERR_UNSUPPORTED, WETEE_ATTEST_CHECK_UNSUPPORTED, 0xA006,
                          "SEV-SNP verification is not in this build");
}
