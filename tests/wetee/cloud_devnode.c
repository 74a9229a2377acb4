/* The cloud API (cloud.h) end to end on WeTEE's own testnet runtime (spec
 * `WeTEE` 3, ../shared/devnode/wetee-testnet-2024.json) run by Chopsticks;
 * tests/wetee/run.sh starts it.
 *
 *   cloud_devnode WS_URL DEPLOYMENT.json QUOTE TXLOG [COLLATERAL.json]
 *
 * A worker (//Bob) registers a cluster and mortgages resources; a user
 * (//Alice) deploys DEPLOYMENT.json, the app is assigned, the worker uploads
 * a work proof carrying QUOTE (a sample DCAP quote) and the app is reported
 * running; the next proof charges the run fee, which must equal the
 * estimate from the chain's level prices; the report on chain is the
 * quote, and with the quote's collateral the deployment is verified under
 * a policy (accepted and a secret sealed to the attested key; refused for a
 * wrong measurement); restart, update and stop; too little CPU and too little balance
 * come back as module errors by name. The test sets WeTEEWorker.Stage (the
 * fee period, 600 blocks) to 2 with dev_setStorage so that the fee is
 * charged within the test, and funds its accounts the same way (the
 * runtime's sudo key is not a dev account). Every extrinsic the cloud
 * handle signs is written to TXLOG (pallet, call, hex, libwetee's decoding
 * of the call with camelCase names) for cloud_decode.mjs, which decodes the
 * same bytes with @polkadot/types.
 * Prints one line per check and "N passed, M failed". */
#define _DEFAULT_SOURCE
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

static int passed, failed;

static void check(int ok, const char *what, const char *detail)
{
    if (ok) passed++;
    else failed++;
    printf("%s %s%s%s\n", ok ? "ok  " : "FAIL", what, detail && *detail ? ": " : "", detail ? detail : "");
    fflush(stdout);
}
#define CHECK_RC(expr, what)                                                                                           \
    do {                                                                                                               \
        int rc_ = (expr);                                                                                              \
        check(rc_ == WETEE_OK, what, rc_ == WETEE_OK ? "" : wetee_last_error());                                       \
    } while (0)

static const char *str(const char *s) { return s ? s : ""; }

static wetee_chain *g_chain;

static int dev(const char *method, const char *params)
{
    wetee_buf r = WETEE_BUF_INIT;
    int rc = wetee_chain_request(&r, g_chain, method, params);
    if (rc != WETEE_OK) printf("  %s: %s\n", method, wetee_last_error());
    wetee_buf_free(&r);
    return rc;
}
static void new_block(void) { dev("dev_newBlock", "[{\"count\":1}]"); }

/* every signed extrinsic: pallet, call, hex, libwetee's call JSON */
static FILE *g_txlog;
static void on_tx(void *ctx, const char *pallet, const char *call, const uint8_t *ext, size_t len)
{
    wetee_buf hex = WETEE_BUF_INIT, dec = WETEE_BUF_INIT;
    wetee_json_options o = WETEE_JSON_OPTIONS_INIT;
    json_t *x;
    json_error_t err;
    (void)ctx;
    o.camel_case = 1;
    wetee_hex_encode(&hex, ext, len, WETEE_HEX_PREFIX);
    if (wetee_extrinsic_decode_json(&dec, wetee_chain_metadata(g_chain), ext, len, &o) != WETEE_OK) {
        printf("  extrinsic_decode_json: %s\n", wetee_last_error());
        fprintf(g_txlog, "%s\t%s\t%s\tnull\n", pallet, call, (char *)hex.data);
    } else {
        /* keep only the call: {"pallet","call","args"} */
        x = json_loadb((const char *)dec.data, dec.len, 0, &err);
        json_t *c = json_object_get(x, "call");
        char *t = c ? json_dumps(c, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
        fprintf(g_txlog, "%s\t%s\t%s\t%s\n", pallet, call, (char *)hex.data, t ? t : "null");
        free(t);
        json_decref(x);
    }
    fflush(g_txlog);
    wetee_buf_free(&hex);
    wetee_buf_free(&dec);
}

static int status_of(wetee_cloud *cl, uint64_t id, json_t **out)
{
    wetee_buf b = WETEE_BUF_INIT;
    json_error_t err;
    int rc = wetee_cloud_status_json(&b, cl, WETEE_CLOUD_APP, id), s = -1;
    if (rc == WETEE_OK) {
        json_t *o = json_loadb((const char *)b.data, b.len, 0, &err);
        s = (int)json_integer_value(json_object_get(o, "status"));
        if (out) *out = o;
        else json_decref(o);
    } else {
        printf("  status: %s\n", wetee_last_error());
    }
    wetee_buf_free(&b);
    return s;
}

static json_t *find_event(const wetee_buf *outcome, const char *pallet, const char *name)
{
    json_error_t err;
    json_t *o = json_loadb((const char *)outcome->data, outcome->len, 0, &err), *found = NULL;
    json_t *evs = json_object_get(o, "events");
    for (size_t i = 0; i < json_array_size(evs); i++) {
        json_t *e = json_array_get(evs, i);
        if (!strcmp(str(json_string_value(json_object_get(e, "pallet"))), pallet) &&
            !strcmp(str(json_string_value(json_object_get(e, "event"))), name))
            found = json_incref(e);
    }
    json_decref(o);
    return found;
}

static int progress_calls;
static void on_progress(void *ctx, int status, const char *json)
{
    (void)ctx;
    progress_calls++;
    printf("  progress: %s (%d) %.120s\n", wetee_cloud_status_name(status), status, json);
}

static uint8_t *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *b;
    long n;
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return b;
}

#define T 60000u
#define ALICE "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
#define BOB "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"
#define DAVE "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy"
#define MRTD "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7"

int main(int argc, char **argv)
{
    wetee_chain_options co = WETEE_CHAIN_OPTIONS_INIT;
    wetee_cloud *cl = NULL;
    wetee_keypair *alice = NULL, *bob = NULL, *dave = NULL;
    wetee_cloud_deployment *d = NULL, *d2 = NULL;
    wetee_buf res = WETEE_BUF_INIT, b = WETEE_BUF_INIT, price = WETEE_BUF_INIT;
    wetee_u128 estimate = {0, 0};
    uint64_t cluster = 0, id = 0;
    uint8_t *quote;
    size_t quote_len = 0;
    char detail[512];
    int st;
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: cloud_devnode WS_URL DEPLOYMENT.json QUOTE TXLOG [COLLATERAL.json]\n");
        return 2;
    }
    if ((quote = read_all(argv[3], &quote_len)) == NULL) {
        fprintf(stderr, "cannot read %s\n", argv[3]);
        return 2;
    }
    if ((g_txlog = fopen(argv[4], "w")) == NULL) return 2;
    co.rpc_spec = WETEE_CHAIN_RPC_LEGACY;
    co.timeout_ms = 30000;
    if (wetee_chain_connect(&g_chain, argv[1], &co) != WETEE_OK) {
        printf("FAIL connect: %s\n0 passed, 1 failed\n", wetee_last_error());
        return 1;
    }
    CHECK_RC(wetee_cloud_open(&cl, g_chain), "cloud_open finds the WeTEE pallets in the runtime's metadata");
    if (!cl) goto out;
    check(!strcmp(str(wetee_cloud_pallet(wetee_chain_metadata(g_chain), WETEE_CLOUD_APP)), "WeTEEApp") &&
              !strcmp(str(wetee_cloud_pallet(wetee_chain_metadata(g_chain), WETEE_CLOUD_WORKER)), "WeTEEWorker"),
          "pallets: WeTEEApp and WeTEEWorker (2024 names)", "");
    wetee_cloud_on_transaction(cl, on_tx, NULL);
    wetee_keypair_from_suri(&alice, WETEE_SCHEME_SR25519, "//Alice", 7);
    wetee_keypair_from_suri(&bob, WETEE_SCHEME_SR25519, "//Bob", 5);
    wetee_keypair_from_suri(&dave, WETEE_SCHEME_SR25519, "//Dave", 6);

    /* accounts and the fee period (root-only state, set with dev_setStorage) */
    CHECK_RC(dev("dev_setStorage",
                 "[{\"System\":{\"Account\":[[[\"" ALICE "\"],{\"providers\":1,\"data\":{\"free\":\"100000000000000000000\"}}],"
                 "[[\"" BOB "\"],{\"providers\":1,\"data\":{\"free\":\"100000000000000000000\"}}],"
                 "[[\"" DAVE "\"],{\"providers\":1,\"data\":{\"free\":\"3000000000\"}}]]},"
                 "\"WeTEEWorker\":{\"Stage\":2}}]"),
             "dev_setStorage: fund //Alice, //Bob (10^20) and //Dave (3*10^9); WeTEEWorker.Stage = 2");
    new_block();

    /* chain facts */
    CHECK_RC(wetee_cloud_prices_json(&b, cl, WETEE_CLOUD_APP), "level prices of WeTEEApp");
    check(b.data && strstr((char *)b.data, "{\"level\":1,\"price\":{\"cpu_per\":100,\"memory_per\":100,\"disk_per\":100}}"),
          "level 1 price is the genesis price (100, 100, 100)", (char *)b.data);
    CHECK_RC(wetee_cloud_prices_json(&b, cl, WETEE_CLOUD_WORKER), "deposit prices of WeTEEWorker");
    CHECK_RC(wetee_cloud_assets_json(&b, cl), "accepted assets");
    check(b.data && strstr((char *)b.data, "\"symbol\":\"WTE\",\"decimals\":12"), "asset 0 is WTE with 12 decimals",
          (char *)b.data);

    /* worker side: register a cluster and mortgage resources */
    CHECK_RC(wetee_cloud_cluster_register(&cluster, &res, cl, bob, "c1", 2130706433u, 8080, 1, T),
             "worker //Bob registers cluster c1");
    snprintf(detail, sizeof detail, "cluster id %" PRIu64, cluster);
    check(cluster >= 1, "cluster id read back from K8sClusterAccounts", detail);
    CHECK_RC(wetee_cloud_cluster_mortgage(&res, cl, bob, cluster,
                                          "{\"cpu\":10000,\"mem\":100000,\"cvm_cpu\":10000,\"cvm_mem\":100000,\"disk\":1000,\"gpu\":10}",
                                          wetee_u128_from_u64(3000000), T),
             "worker mortgages cpu 10000, mem 100000, cvm 10000/100000, disk 1000, gpu 10");
    CHECK_RC(wetee_cloud_clusters_json(&b, cl), "clusters list");
    check(b.data && strstr((char *)b.data, "\"resources\":[{\"cpu\":10000,"), "cluster resources show the mortgage",
          (char *)b.data);

    /* user: deploy from the file, with the estimate first */
    CHECK_RC(wetee_cloud_deployment_load(&d, argv[2]), "deployment file loads");
    if (!d) goto out;
    CHECK_RC(wetee_cloud_estimate(&estimate, &price, cl, d), "estimate from the chain's level price");
    snprintf(detail, sizeof detail, "%" PRIu64 " per period at %s", estimate.lo, str((char *)price.data));
    check(estimate.lo > 0, "estimate", detail);
    CHECK_RC(wetee_cloud_deploy(&id, &res, cl, alice, d, T), "//Alice deploys the app (WeTEEApp.create)");
    snprintf(detail, sizeof detail, "id %" PRIu64, id);
    check(1, "deploy returned the id from CreatedApp", detail);
    CHECK_RC(wetee_cloud_list_json(&b, cl, WETEE_CLOUD_APP, ALICE), "the user's list of apps");
    check(b.data && strstr((char *)b.data, "\"statusName\":\"created\""), "the list shows the app as created",
          str((char *)b.data));
    st = status_of(cl, id, NULL);
    check(st == WETEE_CLOUD_STATUS_CREATED, "status: created", wetee_cloud_status_name(st));

    /* the chain assigns it in the next block; the wait helper follows it */
    new_block();
    progress_calls = 0;
    CHECK_RC(wetee_cloud_wait(&st, cl, WETEE_CLOUD_APP, id, WETEE_CLOUD_STATUS_DEPLOYING, 20000, on_progress, NULL),
             "wait: the app is assigned to the cluster (deploying)");
    {
        json_t *o = NULL;
        status_of(cl, id, &o);
        snprintf(detail, sizeof detail, "cluster %" JSON_INTEGER_FORMAT, json_integer_value(json_object_get(o, "cluster")));
        check(json_integer_value(json_object_get(o, "cluster")) == (json_int_t)cluster, "assigned to the worker's cluster",
              detail);
        json_decref(o);
    }

    /* worker: the first work proof, carrying the sample quote, marks it running */
    CHECK_RC(wetee_cloud_work_proof_upload(&res, cl, bob, WETEE_CLOUD_APP, id, NULL, quote, quote_len, T),
             "worker uploads a work proof with the sample quote");
    CHECK_RC(wetee_cloud_wait(&st, cl, WETEE_CLOUD_APP, id, WETEE_CLOUD_STATUS_RUNNING, 20000, on_progress, NULL),
             "wait: the app is running after the work proof");
    check(progress_calls >= 2, "the progress callback reported each status", "");
    CHECK_RC(wetee_cloud_work_report(&b, cl, WETEE_CLOUD_APP, id), "the report is on chain (ReportOfWork)");
    check(b.len == quote_len && memcmp(b.data, quote, quote_len) == 0, "the report on chain is the quote, byte for byte", "");

    /* verify the deployment: the report on chain under a policy pinning the
     * sample's MRTD (accepted, and a secret sealed to the key its REPORTDATA
     * carries), and under a policy expecting another MRCONFIGID (refused) */
    if (argc > 5) {
        size_t clen = 0;
        uint8_t *cj = read_all(argv[5], &clen);
        wetee_attest_collateral *coll = NULL;
        static const char good[] = "{\"mrtd\": \"" MRTD "\"}";
        static const char wrong[] = "{\"mrtd\": \"" MRTD "\", \"mrconfigid\": \"" MRTD "\"}";
        const char *policies[2] = {good, wrong};
        if (cj && wetee_attest_collateral_from_json(&coll, (const char *)cj, clen) == WETEE_OK) {
            for (int k = 0; k < 2; k++) {
                wetee_attest_policy *pol = NULL;
                wetee_seal_recipient *rec = NULL;
                wetee_buf box = WETEE_BUF_INIT;
                int rc;
                wetee_attest_policy_from_json(&pol, policies[k], strlen(policies[k]));
                rc = wetee_cloud_verify_deployment(&rec, cl, WETEE_CLOUD_APP, id, coll, NULL, pol,
                                                   WETEE_SEAL_SOURCE_REPORT_DATA_X25519, 1751000000);
                if (k == 0) {
                    check(rc == WETEE_OK && wetee_seal_recipient_accepted(rec),
                          "verify deployment: the report on chain is accepted under the MRTD policy",
                          rc == WETEE_OK ? "" : wetee_last_error());
                    check(wetee_seal_to(&box, rec, (const uint8_t *)"secret", 6) == WETEE_OK && box.len == 6 + 48,
                          "a secret is sealed to the attested key", wetee_last_error());
                } else {
                    check(rc == WETEE_ERR_VERIFY && rec && !wetee_seal_recipient_accepted(rec) &&
                              wetee_seal_to(&box, rec, (const uint8_t *)"secret", 6) == WETEE_ERR_VERIFY,
                          "verify deployment: refused for a wrong measurement, and sealing refuses",
                          rec ? wetee_seal_recipient_reason(rec) : wetee_last_error());
                }
                wetee_buf_free(&box);
                wetee_seal_recipient_free(rec);
                wetee_attest_policy_free(pol);
            }
        } else {
            check(0, "collateral of the sample quote", argv[5]);
        }
        wetee_attest_collateral_free(coll);
        free(cj);
    }

    /* the next proof, one period (Stage = 2 blocks) later, charges the run
     * fee: a transfer to the work's mint account, which the runtime does not
     * create first, so a fee below the existential deposit fails with
     * Token.BelowMinimum (WeTEE's behaviour, shown here), and succeeds once
     * the mint account exists */
    new_block();
    {
        int rc = wetee_cloud_work_proof_upload(&res, cl, bob, WETEE_CLOUD_APP, id, NULL, NULL, 0, T);
        check(rc == WETEE_ERR_STATE && strstr(wetee_last_error(), "BelowMinimum"),
              "a run fee below the existential deposit into a new mint account: Token.BelowMinimum", wetee_last_error());
    }
    {
        /* the mint account: PalletId sub-account of MintId { wtype, cid, id }
         * ("modl" ‖ pallet id ‖ SCALE(MintId), zero-padded); the pallet id
         * is the one in the app's contract account */
        json_t *o = NULL;
        wetee_buf acc = WETEE_BUF_INIT, hex = WETEE_BUF_INIT;
        uint16_t prefix;
        uint8_t mint[32] = {0};
        char params[512];
        const char *contract;
        status_of(cl, id, &o);
        contract = str(json_string_value(json_object_get(json_object_get(o, "work"), "contract_id")));
        if (wetee_ss58_decode(&acc, &prefix, contract, strlen(contract)) == WETEE_OK && acc.len == 32) {
            memcpy(mint, acc.data, 12);
            mint[12] = 0; /* WorkType::APP */
            for (int k = 0; k < 8; k++) mint[13 + k] = (uint8_t)(cluster >> (8 * k));
            for (int k = 0; k < 8; k++) mint[21 + k] = (uint8_t)(id >> (8 * k));
            wetee_hex_encode(&hex, mint, 32, WETEE_HEX_PREFIX);
            snprintf(params, sizeof params,
                     "[{\"System\":{\"Account\":[[[\"%s\"],{\"providers\":1,\"data\":{\"free\":\"1000000000\"}}]]}}]",
                     (char *)hex.data);
            CHECK_RC(dev("dev_setStorage", params), "dev_setStorage: the mint account holds the existential deposit");
        } else {
            check(0, "contract account of the app", contract);
        }
        wetee_buf_free(&acc);
        wetee_buf_free(&hex);
        json_decref(o);
    }
    CHECK_RC(wetee_cloud_work_proof_upload(&res, cl, bob, WETEE_CLOUD_APP, id, NULL, NULL, 0, T),
             "worker uploads the next work proof");
    {
        json_t *e = find_event(&res, "WeTEEApp", "PayRunFee");
        json_t *amount = json_object_get(json_object_get(e, "fields"), "amount");
        json_int_t charged = json_is_integer(amount) ? json_integer_value(amount) : -1;
        snprintf(detail, sizeof detail, "charged %" JSON_INTEGER_FORMAT ", estimated %" PRIu64, charged, estimate.lo);
        check(e != NULL && charged == (json_int_t)estimate.lo && estimate.hi == 0,
              "the estimate equals the charge (WeTEEApp.PayRunFee)", detail);
        json_decref(e);
    }

    /* restart, update, stop */
    CHECK_RC(wetee_cloud_restart(&res, cl, alice, WETEE_CLOUD_APP, id, T), "restart (WeTEEApp.restart)");
    st = status_of(cl, id, NULL);
    check(st == WETEE_CLOUD_STATUS_CREATED, "after restart the app waits for a cluster again", wetee_cloud_status_name(st));
    {
        static const char upd[] = "{\"name\":\"hello-v2\",\"image\":\"nginx:1.28\",\"ports\":[8080],\"cpu\":1000,"
                                  "\"memory\":1024,\"env\":{\"MODE\":\"staging\"}}";
        json_t *o = NULL;
        CHECK_RC(wetee_cloud_deployment_parse(&d2, upd, sizeof upd - 1), "update deployment parses");
        CHECK_RC(wetee_cloud_update(&res, cl, alice, id, d2, 1, T), "update name, image, ports and env (WeTEEApp.update)");
        status_of(cl, id, &o);
        /* "hello-v2" and "nginx:1.28" as hex */
        check(!strcmp(str(json_string_value(json_object_get(json_object_get(o, "work"), "name"))), "0x68656c6c6f2d7632") &&
                  !strcmp(str(json_string_value(json_object_get(json_object_get(o, "work"), "image"))), "0x6e67696e783a312e3238"),
              "the chain stores the new name and image", "");
        json_decref(o);
        CHECK_RC(wetee_chain_storage_entries_json(&b, g_chain, "WeTEEApp", "Envs", "[0]", 50, NULL, NULL), "Envs of the app");
        check(b.data && strstr((char *)b.data, "0x73746167696e67") && !strstr((char *)b.data, "0x70726f64756374696f6e"),
              "the old env variables were removed and the new one inserted", str((char *)b.data));
    }
    CHECK_RC(wetee_cloud_stop(&res, cl, alice, WETEE_CLOUD_APP, id, T), "stop (WeTEEWorker.work_stop)");
    st = status_of(cl, id, NULL);
    check(st == WETEE_CLOUD_STATUS_STOPPED, "status: stopped", wetee_cloud_status_name(st));

    /* module errors by name */
    {
        static const char low[] = "{\"name\":\"tiny\",\"image\":\"nginx\",\"cpu\":1,\"memory\":1024}";
        wetee_cloud_deployment *t = NULL;
        uint64_t tid = 0;
        int rc;
        wetee_cloud_deployment_parse(&t, low, sizeof low - 1);
        rc = wetee_cloud_deploy(&tid, &res, cl, alice, t, T);
        check(rc == WETEE_ERR_STATE && strstr(wetee_last_error(), "WeTEEApp.CpuTooLow") != NULL,
              "cpu 1: the module error WeTEEApp.CpuTooLow by name", wetee_last_error());
        check(res.data && strstr((char *)res.data, "\"error\":\"CpuTooLow\""), "the outcome JSON names CpuTooLow", "");
        wetee_cloud_deployment_free(t);
    }
    {
        /* 4*10^9 per period (u32 arithmetic of the runtime) against 3*10^9 minus the fee */
        static const char big[] = "{\"name\":\"big\",\"image\":\"nginx\",\"cpu\":20000000,\"memory\":20000000}";
        wetee_cloud_deployment *t = NULL;
        uint64_t tid = 0;
        int rc;
        wetee_cloud_deployment_parse(&t, big, sizeof big - 1);
        rc = wetee_cloud_deploy(&tid, &res, cl, dave, t, T);
        check(rc == WETEE_ERR_STATE && strstr(wetee_last_error(), "WeTEEApp.NotEnoughBalance") != NULL,
              "too little balance: the module error WeTEEApp.NotEnoughBalance by name", wetee_last_error());
        wetee_cloud_deployment_free(t);
    }
out:
    wetee_buf_free(&res);
    wetee_buf_free(&b);
    wetee_buf_free(&price);
    wetee_cloud_deployment_free(d);
    wetee_cloud_deployment_free(d2);
    wetee_keypair_free(alice);
    wetee_keypair_free(bob);
    wetee_keypair_free(dave);
    wetee_cloud_free(cl);
    wetee_chain_free(g_chain);
    fclose(g_txlog);
    free(quote);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
