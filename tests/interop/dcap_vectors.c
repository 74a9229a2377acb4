/* libwetee side of the DCAP differential test (dcap/dcap_diff.mjs): reads
 * one case per line on stdin, `<time> <quote-file> <collateral-file>`, and
 * prints one line per case: `<verdict-class> <status-name> <failed-check>
 * <advisories,...>`, where the class is the TCB status name when libwetee
 * reaches an Intel verdict with valid collateral, and "reject" otherwise.
 * The policy accepts every non-terminal status and advisory, allows debug
 * and keeps strict expiry, so that only Intel's semantics (and expiry) are
 * compared.
 *
 * `dcap_vectors selfcheck` verifies nothing external: it only checks that
 * the policy used here parses (run by ctest without node). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "wetee.h"

static const char POLICY[] =
    "{\"accept_status\": [\"UpToDate\", \"SWHardeningNeeded\", \"ConfigurationNeeded\","
    " \"ConfigurationAndSWHardeningNeeded\", \"OutOfDate\", \"OutOfDateConfigurationNeeded\","
    " \"TDRelaunchAdvised\", \"TDRelaunchAdvisedConfigurationNeeded\"],"
    " \"accept_advisories\": \"*\", \"allow_debug\": true, \"strict_expiry\": true,"
    " \"allow_mrservicetd\": true, \"allow_td_attributes\": \"ffffffffffffffff\"}";

const char *const drv_name = "dcap_vectors";

int main(int argc, char **argv)
{
    wetee_attest_policy *p = NULL;
    char line[4096], qpath[2048], cpath[2048];
    unsigned long long t;
    if (wetee_attest_policy_from_json(&p, POLICY, sizeof POLICY - 1) != WETEE_OK) {
        fprintf(stderr, "dcap_vectors: policy: %s\n", wetee_last_error());
        return 1;
    }
    if (argc > 1 && strcmp(argv[1], "selfcheck") == 0) {
        wetee_attest_policy_free(p);
        puts("dcap_vectors selfcheck ok");
        return 0;
    }
    while (fgets(line, sizeof line, stdin)) {
        unsigned char *q, *c;
        size_t ql = 0, cl = 0, i;
        wetee_attest_collateral *coll = NULL;
        wetee_attest_result *r = NULL;
        int rc;
        if (sscanf(line, "%llu %2047s %2047s", &t, qpath, cpath) != 3) continue;
        q = drv_read_file(&ql, qpath);
        c = drv_read_file(&cl, cpath);
        if (q == NULL || c == NULL) {
            fprintf(stderr, "dcap_vectors: cannot read %s or %s\n", qpath, cpath);
            return 1;
        }
        rc = wetee_attest_collateral_from_json(&coll, (const char *)c, cl);
        if (rc == WETEE_OK) rc = wetee_attest_verify_quote(&r, q, ql, coll, NULL, p, (uint64_t)t);
        if (rc == WETEE_OK)
            printf("%s", wetee_attest_tcb_status_name(wetee_attest_result_tcb_status(r)));
        else
            printf("reject");
        printf(" %s %s ", wetee_attest_tcb_status_name(wetee_attest_result_tcb_status(r)),
               r ? wetee_attest_check_name(wetee_attest_result_failed_check(r)) : "collateral");
        for (i = 0; i < wetee_attest_result_advisory_count(r); i++)
            printf("%s%s", i ? "," : "", wetee_attest_result_advisory(r, i));
        printf("%s\n", wetee_attest_result_advisory_count(r) ? "" : "-");
        wetee_attest_result_free(r);
        wetee_attest_collateral_free(coll);
        free(q);
        free(c);
    }
    wetee_attest_policy_free(p);
    return 0;
}
