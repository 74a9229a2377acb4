/* The WeTEE cloud flow offline (scripts/dev demo): nothing touches the network.
 *
 * 1. load and validate a deployment file (examples/cloud/hello.json);
 * 2. estimate its cost per payment period at the pallets' genesis level-1
 *    price (cpu_per = memory_per = disk_per = 100; on a chain,
 *    wetee_cloud_estimate() reads the price from the chain);
 * 3. build the deploy call (App.create) from WeTEE's spec-110 metadata and
 *    sign the transaction with //Alice (immortal, nonce 0, a placeholder
 *    genesis hash: offline);
 * 4. verify the shared TDX sample quote under a policy pinning its MRTD, and
 *    seal a secret to the X25519 key its REPORTDATA carries; the same quote
 *    under a policy expecting another MRTD is refused and nothing is sealed.
 *
 *   wetee_cloud_demo [VECTORS_DIR] [DEPLOYMENT.json]
 * (defaults: $WETEE_VECTORS_DIR or ../shared/vectors, examples/cloud/hello.json).
 * Prints a note for a step whose shared file is absent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define MRTD "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7"

static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f;
    unsigned char *d = NULL;
    long n;
    if ((f = fopen(path, "rb")) == NULL) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (d = malloc((size_t)n + 1)) != NULL && fread(d, 1, (size_t)n, f) == (size_t)n)
        *len = (size_t)n;
    else {
        free(d);
        d = NULL;
    }
    fclose(f);
    return d;
}

static void seal_step(const uint8_t *quote, size_t qlen, wetee_attest_collateral *coll, const char *policy_json)
{
    static const char secret[] = "DB_PASSWORD=correct-horse-battery";
    wetee_attest_policy *pol = NULL;
    wetee_seal_recipient *rec = NULL;
    wetee_buf box = WETEE_BUF_INIT;
    printf("  policy %s\n", policy_json);
    if (wetee_attest_policy_from_json(&pol, policy_json, strlen(policy_json)) != WETEE_OK) {
        printf("  policy: %s\n", wetee_last_error());
        return;
    }
    wetee_seal_verify(&rec, quote, qlen, coll, NULL, pol, WETEE_SEAL_SOURCE_REPORT_DATA_X25519, 1751000000);
    if (wetee_seal_recipient_accepted(rec) &&
        wetee_seal_to(&box, rec, (const uint8_t *)secret, sizeof secret - 1) == WETEE_OK) {
        uint8_t pk[WETEE_SEAL_KEY_BYTES];
        wetee_seal_recipient_public_key(pk, rec);
        printf("  verdict: ACCEPT; sealed %zu secret bytes into a %zu-byte box for X25519 key "
               "%02x%02x%02x%02x...\n",
               sizeof secret - 1, box.len, pk[0], pk[1], pk[2], pk[3]);
    } else {
        printf("  verdict: REFUSED (%s); nothing sealed\n", rec ? wetee_seal_recipient_reason(rec) : wetee_last_error());
    }
    wetee_buf_free(&box);
    wetee_seal_recipient_free(rec);
    wetee_attest_policy_free(pol);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : getenv("WETEE_VECTORS_DIR");
    const char *file = argc > 2 ? argv[2] : "examples/cloud/hello.json";
    char path[1024], text[64];
    wetee_cloud_deployment *d = NULL;
    wetee_metadata *md = NULL;
    wetee_tx *tx = NULL;
    wetee_keypair *alice = NULL;
    wetee_buf call = WETEE_BUF_INIT, ext = WETEE_BUF_INIT, hex = WETEE_BUF_INIT, dec = WETEE_BUF_INIT;
    wetee_u128 cost;
    unsigned char *raw;
    size_t len = 0;
    uint8_t genesis[32];
    if (dir == NULL) dir = "../shared/vectors";

    printf("1. deployment file %s\n", file);
    if (wetee_cloud_deployment_load(&d, file) != WETEE_OK) {
        printf("  refused: %s\n", wetee_last_error());
        return 1;
    }
    wetee_cloud_deployment_json(&dec, d);
    printf("  %s\n", (const char *)dec.data);
    {
        static const char bad[] = "{\"name\":\"x\",\"image\":\"nginx\",\"cpu\":1000,\"memory\":512,\"tee\":\"tdx\"}";
        wetee_cloud_deployment *b = NULL;
        if (wetee_cloud_deployment_parse(&b, bad, sizeof bad - 1) != WETEE_OK)
            printf("  a file with \"tee\": \"tdx\" is refused before anything is signed: %s\n", wetee_last_error());
        wetee_cloud_deployment_free(b);
    }

    printf("2. estimate at the level-1 price {cpu_per 100, memory_per 100, disk_per 100}\n");
    if (wetee_cloud_estimate_at(&cost, d, "{\"cpu_per\":100,\"memory_per\":100,\"disk_per\":100}") == WETEE_OK) {
        wetee_u128_to_decimal(text, sizeof text, cost, 12);
        printf("  %s WTE per payment period (%llu planck)\n", text, (unsigned long long)cost.lo);
    } else {
        printf("  %s\n", wetee_last_error());
    }

    printf("3. deploy transaction from WeTEE's spec-110 metadata\n");
    snprintf(path, sizeof path, "%s/wetee/wetee-dev-spec110-metadata.json", dir);
    if ((raw = read_file(path, &len)) == NULL || wetee_metadata_parse_rpc_response(&md, (const char *)raw, len, NULL)) {
        printf("  skipped: %s not usable\n", path);
    } else {
        memset(genesis, 0x11, sizeof genesis);
        if (wetee_cloud_deploy_call(&call, md, d) == WETEE_OK && wetee_tx_new(&tx, md) == WETEE_OK &&
            wetee_tx_set_call(tx, call.data, call.len) == WETEE_OK && wetee_tx_set_genesis_hash(tx, genesis) == WETEE_OK &&
            wetee_tx_set_runtime_version(tx, 110, 1) == WETEE_OK && wetee_tx_set_nonce(tx, 0) == WETEE_OK &&
            wetee_keypair_from_suri(&alice, WETEE_SCHEME_SR25519, "//Alice", 7) == WETEE_OK &&
            wetee_tx_sign(&ext, tx, alice) == WETEE_OK) {
            wetee_buf_clear(&dec);
            wetee_call_decode_json(&dec, md, call.data, call.len, NULL);
            printf("  call %s.create, %zu bytes: %.160s...\n", wetee_cloud_pallet(md, wetee_cloud_deployment_kind(d)),
                   call.len, (const char *)dec.data);
            wetee_hex_encode(&hex, ext.data, ext.len, WETEE_HEX_PREFIX);
            printf("  signed by //Alice (sr25519), %zu bytes: %.96s...\n", ext.len, (const char *)hex.data);
        } else {
            printf("  %s\n", wetee_last_error());
        }
    }
    free(raw);

    printf("4. attested key and sealed secret (shared TDX sample quote)\n");
    {
        size_t qlen = 0, clen = 0;
        unsigned char *quote, *coll_json;
        wetee_attest_collateral *coll = NULL;
        snprintf(path, sizeof path, "%s/attestation/tdx/quote.bin", dir);
        quote = read_file(path, &qlen);
        snprintf(path, sizeof path, "%s/attestation/tdx/collateral.json", dir);
        coll_json = read_file(path, &clen);
        if (quote && coll_json && wetee_attest_collateral_from_json(&coll, (const char *)coll_json, clen) == WETEE_OK) {
            seal_step(quote, qlen, coll, "{\"mrtd\": \"" MRTD "\"}");
            seal_step(quote, qlen, coll, "{\"mrtd\": \"" MRTD "\", \"mrconfigid\": \"" MRTD "\"}");
        } else {
            printf("  skipped: the TDX sample or its collateral is absent\n");
        }
        wetee_attest_collateral_free(coll);
        free(quote);
        free(coll_json);
    }
    wetee_buf_free(&call);
    wetee_buf_free(&ext);
    wetee_buf_free(&hex);
    wetee_buf_free(&dec);
    wetee_keypair_free(alice);
    wetee_tx_free(tx);
    wetee_metadata_free(md);
    wetee_cloud_deployment_free(d);
    return 0;
}
