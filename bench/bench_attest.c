/* Attestation benchmarks: DCAP quote verifications per second, SGX (the
 * shared sgx sample, quote v3) and TDX (the shared tdx sample, quote v4),
 * each at t = 1751000000 under a policy that accepts every non-terminal
 * status (so the whole path runs):
 *
 *   dcap_{sgx,tdx}_cached  one collateral object reused: its signatures,
 *                          chains and CRLs were checked by the first call and
 *                          the quote's PCK chain is remembered, so a call
 *                          parses the quote, redoes every time check and
 *                          verifies the QE report and quote signatures
 *                          (2 P-256 verifications) and the TCB/identity logic;
 *   dcap_{sgx,tdx}_full    the collateral bundle parsed from its JSON and
 *                          every signature (CRLs, chains, TCB Info, QE
 *                          Identity, PCK chain, QE report, quote) checked on
 *                          every call.
 *
 * Peer: @phala/dcap-qvl 0.3.9 (bench/peers/node/bench_attest.mjs), whose
 * verify() always does the full work (it has no collateral cache), so both
 * of its cases measure the same call. CHECK hashes the TCB status name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "wetee.h"

#define T_VERIFY 1751000000ull

typedef struct ctx {
    unsigned char *quote, *coll;
    size_t qlen, clen;
    wetee_attest_collateral *c;
    wetee_attest_policy *p;
    int status;
} ctx;

static unsigned char *slurp(const char *rel, size_t *len)
{
    char path[1024];
    const char *dir = getenv("WETEE_VECTORS_DIR");
    FILE *f;
    unsigned char *d;
    long n;
    snprintf(path, sizeof path, "%s/%s", dir ? dir : WETEE_VECTORS_DEFAULT, rel);
    if ((f = fopen(path, "rb")) == NULL) return NULL;
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

static const char POLICY[] =
    "{\"accept_status\": [\"SWHardeningNeeded\", \"ConfigurationNeeded\", \"ConfigurationAndSWHardeningNeeded\","
    " \"OutOfDate\", \"OutOfDateConfigurationNeeded\"], \"accept_advisories\": \"*\"}";

static int setup_dir(void **out, const char *dir)
{
    ctx *x = calloc(1, sizeof *x);
    char q[256], c[256];
    snprintf(q, sizeof q, "attestation/%s/quote.bin", dir);
    snprintf(c, sizeof c, "attestation/%s/collateral.json", dir);
    x->quote = slurp(q, &x->qlen);
    x->coll = slurp(c, &x->clen);
    if (x->quote == NULL || x->coll == NULL) {
        fprintf(stderr, "bench_attest: shared sample attestation/%s not found\n", dir);
        return 1;
    }
    if (wetee_attest_collateral_from_json(&x->c, (const char *)x->coll, x->clen) != WETEE_OK ||
        wetee_attest_policy_from_json(&x->p, POLICY, sizeof POLICY - 1) != WETEE_OK)
        return 1;
    *out = x;
    return 0;
}
static int setup_sgx(void **out) { return setup_dir(out, "sgx"); }
static int setup_tdx(void **out) { return setup_dir(out, "tdx"); }

static void run_cached(void *v, uint64_t iters)
{
    ctx *x = v;
    uint64_t i;
    for (i = 0; i < iters; i++) {
        wetee_attest_result *r = NULL;
        if (wetee_attest_verify_quote(&r, x->quote, x->qlen, x->c, NULL, x->p, T_VERIFY) != WETEE_OK) abort();
        x->status = wetee_attest_result_tcb_status(r);
        wb_sink += (uint64_t)x->status;
        wetee_attest_result_free(r);
    }
}

static void run_full(void *v, uint64_t iters)
{
    ctx *x = v;
    uint64_t i;
    for (i = 0; i < iters; i++) {
        wetee_attest_collateral *c = NULL;
        wetee_attest_result *r = NULL;
        if (wetee_attest_collateral_from_json(&c, (const char *)x->coll, x->clen) != WETEE_OK) abort();
        if (wetee_attest_verify_quote(&r, x->quote, x->qlen, c, NULL, x->p, T_VERIFY) != WETEE_OK) abort();
        x->status = wetee_attest_result_tcb_status(r);
        wb_sink += (uint64_t)x->status;
        wetee_attest_result_free(r);
        wetee_attest_collateral_free(c);
    }
}

static uint64_t check(void *v)
{
    const char *s = wetee_attest_tcb_status_name(((ctx *)v)->status);
    return wb_fnv1a(WB_FNV_INIT, s, strlen(s));
}

static void teardown(void *v)
{
    ctx *x = v;
    wetee_attest_collateral_free(x->c);
    wetee_attest_policy_free(x->p);
    free(x->quote);
    free(x->coll);
    free(x);
}

static const wb_case CASES[] = {
    {"dcap_sgx_cached", 1, setup_sgx, run_cached, check, teardown},
    {"dcap_sgx_full", 1, setup_sgx, run_full, check, teardown},
    {"dcap_tdx_cached", 1, setup_tdx, run_cached, check, teardown},
    {"dcap_tdx_full", 1, setup_tdx, run_full, check, teardown},
};

int main(int argc, char **argv) { return wb_main(argc, argv, "libwetee", CASES, sizeof CASES / sizeof CASES[0]); }
