/* libFuzzer target for deployment files (wetee_cloud_deployment_parse) and
 * the calls built from them (wetee_cloud_deploy_call against WeTEE's
 * spec-110 metadata when WETEE_VECTORS_DIR or ../shared/vectors has it).
 *
 * Invariants:
 * - arbitrary text never crashes, hangs or leaks; a failure leaves a detail
 *   and no deployment;
 * - an accepted deployment writes a normalised JSON that parses again to the
 *   same normalised JSON (a fixed point);
 * - an accepted deployment either builds a call that decodes back with the
 *   same metadata, or is refused with a detail;
 * - an accepted deployment's estimate at a fixed price is either the sum the
 *   formula gives or an overflow refusal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static wetee_metadata *g_md;
static int g_md_tried;

static void load_md(void)
{
    const char *dir = getenv("WETEE_VECTORS_DIR");
    char path[1024];
    FILE *f;
    long n;
    char *buf;
    g_md_tried = 1;
    snprintf(path, sizeof path, "%s/wetee/wetee-dev-spec110-metadata.json", dir ? dir : "../shared/vectors");
    if ((f = fopen(path, "rb")) == NULL) return;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n);
    if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n)
        if (wetee_metadata_parse_rpc_response(&g_md, buf, (size_t)n, NULL) != WETEE_OK) g_md = NULL;
    free(buf);
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wetee_cloud_deployment *d = NULL, *d2 = NULL;
    wetee_buf j = WETEE_BUF_INIT, j2 = WETEE_BUF_INIT, call = WETEE_BUF_INIT, dec = WETEE_BUF_INIT;
    wetee_u128 cost;
    int rc;
    if (!g_md_tried) load_md();
    rc = wetee_cloud_deployment_parse(&d, (const char *)data, size);
    if (rc != WETEE_OK) {
        REQUIRE(d == NULL);
        REQUIRE(wetee_last_error()[0] != 0);
        return 0;
    }
    REQUIRE(wetee_cloud_deployment_json(&j, d) == WETEE_OK);
    REQUIRE(wetee_cloud_deployment_parse(&d2, (const char *)j.data, j.len) == WETEE_OK);
    REQUIRE(wetee_cloud_deployment_json(&j2, d2) == WETEE_OK);
    REQUIRE(j.len == j2.len && memcmp(j.data, j2.data, j.len) == 0);
    rc = wetee_cloud_estimate_at(&cost, d, "{\"cpu_per\":3,\"memory_per\":5,\"disk_per\":7}");
    REQUIRE(rc == WETEE_OK || rc == WETEE_ERR_OVERFLOW);
    if (rc == WETEE_OK) REQUIRE(cost.hi == 0 && cost.lo <= 0xffffffffu);
    if (g_md) {
        rc = wetee_cloud_deploy_call(&call, g_md, d);
        if (rc == WETEE_OK)
            REQUIRE(wetee_call_decode_json(&dec, g_md, call.data, call.len, NULL) == WETEE_OK);
        else
            REQUIRE(wetee_last_error()[0] != 0);
    }
    wetee_buf_free(&j);
    wetee_buf_free(&j2);
    wetee_buf_free(&call);
    wetee_buf_free(&dec);
    wetee_cloud_deployment_free(d);
    wetee_cloud_deployment_free(d2);
    return 0;
}
