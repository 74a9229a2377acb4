/*
 * SEV-SNP benchmarks: verification of the go-sev-guest sample report
 * (../shared/vectors/attestation/snp: Milan, VERSION 2) with its VCEK and
 * the ASK/ARK chain at t = 1700000000. Peer, in the same run:
 * bench/peers/go/attest_snp_peer (google/go-sev-guest, pinned in go.sum:
 * abi.ReportToProto + verify.SnpAttestation with the chain as trusted roots,
 * no network).
 *
 *  snp_verify   one full verification per operation: report signature
 *               (ECDSA P-384 over the raw bytes), VCEK certificate parsed
 *               and checked (RSA-PSS by the ASK, validity, TCB and hwID
 *               extensions). libwetee also parses the PEM chain and checks
 *               the ARK's self-signature and the ASK's signature on every
 *               call; go-sev-guest gets the ASK/ARK parsed once (its
 *               trusted roots) and lets crypto/x509 check the VCEK -> ASK
 *               -> ARK path
 *  snp_parse    parse the 1184-byte report into its fields (libwetee:
 *               wetee_snp_report_parse; go-sev-guest: abi.ReportToProto)
 *
 * CHECK: FNV-1a 64 of the MEASUREMENT and REPORT_DATA fields read back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "wetee.h"

typedef struct snp_ctx {
    uint8_t *report, *vcek, *chain;
    size_t report_len, vcek_len, chain_len;
    wetee_snp_report out;
} snp_ctx;

static uint8_t *read_vector(const char *rel, size_t *len)
{
    const char *dir = getenv("WETEE_VECTORS_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : WETEE_VECTORS_DEFAULT, rel);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench_attest_snp: %s: not found\n", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc(n > 0 ? (size_t)n : 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return b;
}

static int setup(void **out)
{
    snp_ctx *c = calloc(1, sizeof *c);
    if (!c) return -1;
    c->report = read_vector("attestation/snp/report.bin", &c->report_len);
    c->vcek = read_vector("attestation/snp/vcek.der", &c->vcek_len);
    c->chain = read_vector("attestation/snp/ask_ark_milan.pem", &c->chain_len);
    *out = c;
    return c->report && c->vcek && c->chain ? 0 : -1;
}

static void teardown(void *p)
{
    snp_ctx *c = p;
    free(c->report);
    free(c->vcek);
    free(c->chain);
    free(c);
}

static void run_verify(void *p, uint64_t iters)
{
    snp_ctx *c = p;
    wetee_snp_verify_opts o = WETEE_SNP_VERIFY_OPTS_INIT;
    o.time = 1700000000;
    for (uint64_t i = 0; i < iters; i++) {
        if (wetee_snp_verify(&c->out, c->report, c->report_len, c->vcek, c->vcek_len, c->chain, c->chain_len, &o) !=
            WETEE_OK) {
            fprintf(stderr, "bench_attest_snp: verify failed: %s\n", wetee_last_error());
            exit(1);
        }
        wb_sink += c->out.measurement[0];
    }
}

static void run_parse(void *p, uint64_t iters)
{
    snp_ctx *c = p;
    for (uint64_t i = 0; i < iters; i++) {
        if (wetee_snp_report_parse(&c->out, c->report, c->report_len) != WETEE_OK) exit(1);
        wb_sink += c->out.measurement[0];
    }
}

static uint64_t check(void *p)
{
    snp_ctx *c = p;
    uint64_t h = wb_fnv1a(WB_FNV_INIT, c->out.measurement, 48);
    return wb_fnv1a(h, c->out.report_data, 64);
}

static const wb_case CASES[] = {
    { "snp_verify", 1, setup, run_verify, check, teardown },
    { "snp_parse", 1, setup, run_parse, check, teardown },
};

int main(int argc, char **argv)
{
    return wb_main(argc, argv, "libwetee", CASES, sizeof CASES / sizeof CASES[0]);
}
