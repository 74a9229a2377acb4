/* libFuzzer target for SEV-SNP attestation reports and the certificates
 * that come with them (wetee_snp_report_parse, wetee_snp_verify).
 *
 * Invariants:
 * - parsing arbitrary bytes never crashes, hangs or leaks; a failure leaves
 *   a detail naming what and where and a zeroed report;
 * - a parsed report has VERSION 2, 3 or 5 and SIGNATURE_ALGO 1, its split
 *   TCB fields agree with the raw values, and its JSON view builds;
 * - bytes after the first 1184 are read as a leaf certificate and a chain
 *   (DER or PEM, split at a position taken from the input): verification
 *   of such unsigned evidence never succeeds, never crashes, and every
 *   failure has a detail (this drives the DER bounds and the OpenSSL
 *   certificate loading with hostile bytes). */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wetee_snp_report r;
    size_t n = size < WETEE_SNP_REPORT_BYTES ? size : WETEE_SNP_REPORT_BYTES;
    int rc = wetee_snp_report_parse(&r, data, n);
    if (rc != WETEE_OK) {
        static const wetee_snp_report zero;
        REQUIRE(wetee_last_error()[0] != '\0');
        REQUIRE(memcmp(&r, &zero, sizeof r) == 0);
    } else {
        wetee_buf j = WETEE_BUF_INIT;
        wetee_snp_tcb t;
        REQUIRE(r.version == 2 || r.version == 3 || r.version == 5);
        REQUIRE(r.signature_algo == 1);
        REQUIRE(wetee_snp_tcb_split(&t, r.reported_tcb.raw, r.product) == WETEE_OK);
        REQUIRE(memcmp(&t, &r.reported_tcb, sizeof t) == 0);
        REQUIRE(wetee_snp_report_to_json(&j, &r) == WETEE_OK && j.data[0] == '{' && j.data[j.len - 1] == '}');
        wetee_buf_free(&j);
    }
    if (size > WETEE_SNP_REPORT_BYTES + 2) {
        const uint8_t *rest = data + WETEE_SNP_REPORT_BYTES + 1;
        size_t rl = size - WETEE_SNP_REPORT_BYTES - 1;
        size_t split = rl ? data[WETEE_SNP_REPORT_BYTES] * rl / 256 : 0;
        wetee_snp_verify_opts o = WETEE_SNP_VERIFY_OPTS_INIT;
        o.time = 1700000000;
        rc = wetee_snp_verify(&r, data, WETEE_SNP_REPORT_BYTES, rest, split, rest + split, rl - split, &o);
        REQUIRE(rc != WETEE_OK);
        REQUIRE(wetee_last_error()[0] != '\0');
    }
    return 0;
}
