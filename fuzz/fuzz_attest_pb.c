/* libFuzzer target for WeTEE's protobuf evidence: the bounded protobuf
 * reader (src/internal/protobuf.h), go-sev-guest's sevsnp.Attestation and
 * WeTEE's TeeCall.
 *
 * Invariants:
 * - walking the input as nested messages (every LEN field tried as a
 *   message, up to the reader's depth limit) ends with 0 or an error with
 *   a detail, and every field lies inside its parent;
 * - a sevsnp.Attestation that converts gives a 1184-byte SEV-SNP report,
 *   alone or followed by a certificate table that parses;
 * - the evidence entry point on the same bytes never accepts (no
 *   collateral, built-in anchors) and always names a failed check. */
#include <stdlib.h>
#include <string.h>

#include "internal/attest.h"
#include "internal/protobuf.h"
#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void walk(const wt_pb_reader *parent, const wt_pb_field *pf)
{
    wt_pb_reader r;
    wt_pb_field f;
    int rc;
    if (wt_pb_sub(&r, parent, pf, "fuzz: nested") != WETEE_OK) {
        REQUIRE(wetee_last_error()[0] != 0);
        return;
    }
    while ((rc = wt_pb_next(&r, &f)) > 0) {
        REQUIRE(f.raw >= r.data && f.raw + f.raw_len <= r.data + r.len);
        if (f.wire == WT_PB_LEN) walk(&r, &f);
    }
    if (rc < 0) REQUIRE(wetee_last_error()[0] != 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wt_pb_reader r;
    wt_pb_field f;
    wetee_buf raw = WETEE_BUF_INIT;
    wetee_attest_result *res = NULL;
    int rc;
    wt_pb_init(&r, data, size, "fuzz: message");
    while ((rc = wt_pb_next(&r, &f)) > 0) {
        REQUIRE(f.raw >= data && f.raw + f.raw_len <= data + size);
        if (f.wire == WT_PB_LEN) walk(&r, &f);
    }
    if (rc < 0) REQUIRE(wetee_last_error()[0] != 0);
    if (wt_attest_snp_from_pb(&raw, data, size) == WETEE_OK) {
        REQUIRE(raw.len >= 1184);
        REQUIRE(wt_attest_snp_is_report(raw.data, 1184) && wt_attest_snp_is_report(raw.data, raw.len));
    }
    wetee_buf_free(&raw);
    rc = wetee_attest_verify_evidence(&res, data, size, NULL, NULL, NULL, 1751000000);
    REQUIRE(rc != WETEE_OK);
    REQUIRE(res == NULL || (wetee_attest_result_verdict(res) == WETEE_ATTEST_REJECT &&
                            wetee_attest_result_failed_check(res) != WETEE_ATTEST_CHECK_NONE));
    wetee_attest_result_free(res);
    return 0;
}
