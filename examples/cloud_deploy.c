/* Deploy a confidential app from a deployment file and watch its status
 * (cloud.h, docs/cloud.md).
 *
 *   wetee_cloud_deploy WS_URL DEPLOYMENT.json [SURI] [--dev-block]
 *
 * Validates the file (an error names the bad field and the allowed values),
 * prints the cost per payment period at the chain's level price, deploys it
 * signed by SURI (default //Alice) and follows the app with a progress
 * callback until a cluster takes it (deploying) or 60 s pass. --dev-block
 * asks a devnode for the next block (the chain assigns new works in it).
 * tests/wetee/run.sh runs it on WeTEE's testnet runtime. */
#include <stdio.h>
#include <string.h>

#include "wetee.h"

static void progress(void *ctx, int status, const char *json)
{
    (void)ctx;
    (void)json;
    printf("status: %s\n", wetee_cloud_status_name(status));
}

int main(int argc, char **argv)
{
    wetee_cloud_deployment *d = NULL;
    wetee_chain *chain = NULL;
    wetee_cloud *cl = NULL;
    wetee_keypair *who = NULL;
    wetee_buf out = WETEE_BUF_INIT;
    wetee_u128 cost;
    char text[64];
    uint64_t id = 0;
    int status, rc;
    const char *suri = argc > 3 ? argv[3] : "//Alice";
    if (argc < 3) {
        fprintf(stderr, "usage: wetee_cloud_deploy WS_URL DEPLOYMENT.json [SURI] [--dev-block]\n");
        return 2;
    }
    if ((rc = wetee_cloud_deployment_load(&d, argv[2])) != WETEE_OK) goto fail;
    if ((rc = wetee_chain_connect(&chain, argv[1], NULL)) != WETEE_OK) goto fail;
    if ((rc = wetee_cloud_open(&cl, chain)) != WETEE_OK) goto fail;
    if ((rc = wetee_keypair_from_suri(&who, WETEE_SCHEME_SR25519, suri, strlen(suri))) != WETEE_OK) goto fail;
    if ((rc = wetee_cloud_estimate(&cost, NULL, cl, d)) != WETEE_OK) goto fail;
    wetee_u128_to_decimal(text, sizeof text, cost, 0);
    printf("estimate: %s per period\n", text);
    if ((rc = wetee_cloud_deploy(&id, NULL, cl, who, d, 60000)) != WETEE_OK) goto fail;
    printf("deployed: %s %llu\n", wetee_cloud_kind_name(wetee_cloud_deployment_kind(d)), (unsigned long long)id);
    if (argc > 4 && strcmp(argv[4], "--dev-block") == 0 &&
        (rc = wetee_chain_request(&out, chain, "dev_newBlock", "[{\"count\":1}]")) != WETEE_OK)
        goto fail;
    if ((rc = wetee_cloud_wait(&status, cl, wetee_cloud_deployment_kind(d), id, WETEE_CLOUD_STATUS_DEPLOYING, 60000,
                               progress, NULL)) != WETEE_OK)
        goto fail;
    if ((rc = wetee_cloud_status_json(&out, cl, wetee_cloud_deployment_kind(d), id)) != WETEE_OK) goto fail;
    printf("%s\n", (const char *)out.data);
fail:
    if (rc != WETEE_OK) fprintf(stderr, "error: %s\n", wetee_last_error());
    wetee_buf_free(&out);
    wetee_keypair_free(who);
    wetee_cloud_free(cl);
    wetee_chain_free(chain);
    wetee_cloud_deployment_free(d);
    return rc == WETEE_OK ? 0 : 1;
}
