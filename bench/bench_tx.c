/*
 * Extrinsic benchmarks: build, sign and encode Balances.transfer_keep_alive
 * offline. Peers: bench/peers/node/bench_tx.mjs (@polkadot/types
 * `createType('Extrinsic')` + `sign()` with @polkadot/util-crypto keys, the
 * offline path of polkadot.js). Same metadata
 * ($WETEE_VECTORS_DIR/metadata/polkadot_metadata_full.scale, parsed once in
 * setup), same key (ed25519 / sr25519 from the all-zero seed), same inputs:
 * genesis 0x91b1..90c3, mortal era of period 64 at block 1000 with block
 * hash 0x0101..01, nonce 7 + i, tip 5, dest 0x8eaf..6a48, value 10^12.
 *
 * One operation = everything a wallet does per transaction: build the call
 * arguments and encode the call against the metadata (libwetee: a value
 * tree made per transaction, wetee_tx_set_call_value; subxt: scale_value
 * Values made per transaction; polkadot.js: createType from the args
 * object), fill the extensions from the metadata, make the signing payload,
 * sign, encode the signed extrinsic.
 *
 *  tx_transfer_ed25519  CHECK: the extrinsic bytes of nonce 7 (ed25519 is
 *                       deterministic, so both implementations must produce
 *                       the same bytes: a byte-exact cross-check)
 *  tx_transfer_sr25519  CHECK: the signing payload of nonce 7 (sr25519
 *                       signatures are randomised)
 *  tx_transfer_ed25519_json  libwetee only: the same with the arguments
 *                       as JSON text (wetee_tx_set_call_json), what the
 *                       bindings use; same CHECK as tx_transfer_ed25519
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "wetee.h"

#ifndef WETEE_VECTORS_DEFAULT
#define WETEE_VECTORS_DEFAULT "../shared/vectors"
#endif

#define MD_FILE "metadata/polkadot_metadata_full.scale"

static const char *GENESIS = "0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3";
static const uint8_t DEST[32] = { 0x8e, 0xaf, 0x04, 0x15, 0x16, 0x87, 0x73, 0x63, 0x26, 0xc9, 0xfe,
                                  0xa1, 0x7e, 0x25, 0xfc, 0x52, 0x87, 0x61, 0x36, 0x93, 0xc9, 0x12,
                                  0x90, 0x9c, 0xb2, 0x26, 0xaa, 0x47, 0x94, 0xf2, 0x6a, 0x48 };
static const char *ARGS =
    "{\"dest\": {\"Id\": \"0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48\"}, "
    "\"value\": 1000000000000}";

static void die_rc(const char *what, int rc)
{
    fprintf(stderr, "bench_tx: %s failed: %s (%s)\n", what, wetee_strerror(rc), wetee_last_error());
    exit(1);
}

typedef struct tx_ctx {
    wetee_metadata *md;
    wetee_keypair *kp;
    uint8_t genesis[32], block[32];
    wetee_buf out;
    int json; /* call arguments as JSON text instead of values */
} tx_ctx;

static int setup(void **ctx, wetee_scheme scheme)
{
    const char *dir = getenv("WETEE_VECTORS_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : WETEE_VECTORS_DEFAULT, MD_FILE);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench_tx: cannot open %s (set WETEE_VECTORS_DIR)\n", path);
        return -1;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    uint8_t *bytes = malloc((size_t)n);
    if (!bytes || fread(bytes, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(bytes);
        return -1;
    }
    fclose(f);
    tx_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    int rc = wetee_metadata_parse(&c->md, bytes, (size_t)n, NULL);
    free(bytes);
    if (rc != WETEE_OK)
        die_rc("wetee_metadata_parse", rc);
    uint8_t seed[32] = { 0 };
    if ((rc = wetee_keypair_from_seed(&c->kp, scheme, seed, 32)) != WETEE_OK)
        die_rc("wetee_keypair_from_seed", rc);
    if ((rc = wetee_hex_decode_exact(c->genesis, 32, GENESIS, strlen(GENESIS))) != WETEE_OK)
        die_rc("genesis", rc);
    memset(c->block, 1, 32);
    *ctx = c;
    return 0;
}

static int setup_ed25519(void **ctx) { return setup(ctx, WETEE_SCHEME_ED25519); }
static int setup_ed25519_json(void **ctx)
{
    int rc = setup(ctx, WETEE_SCHEME_ED25519);
    if (rc == 0)
        ((tx_ctx *)*ctx)->json = 1;
    return rc;
}
static int setup_sr25519(void **ctx) { return setup(ctx, WETEE_SCHEME_SR25519); }

static void teardown(void *ctx)
{
    tx_ctx *c = ctx;
    wetee_buf_free(&c->out);
    wetee_keypair_free(c->kp);
    wetee_metadata_free(c->md);
    free(c);
}

/* {dest: Id(DEST), value: 10^12}, as the caller builds it per transaction. */
static int set_call_values(wetee_tx *tx)
{
    wetee_value *args = NULL, *dest = NULL, *acc = NULL, *value = NULL;
    int rc = wetee_value_new_composite(&args);
    if (rc == WETEE_OK && (rc = wetee_value_new_variant(&dest, "Id", -1)) == WETEE_OK &&
        (rc = wetee_value_new_bytes(&acc, DEST, 32)) == WETEE_OK && (rc = wetee_value_append(dest, NULL, acc)) == WETEE_OK)
        rc = wetee_value_append(args, "dest", dest);
    else
        wetee_value_free(dest);
    if (rc == WETEE_OK && (rc = wetee_value_new_u64(&value, 1000000000000ull)) == WETEE_OK)
        rc = wetee_value_append(args, "value", value);
    if (rc == WETEE_OK)
        rc = wetee_tx_set_call_value(tx, "Balances", "transfer_keep_alive", args);
    wetee_value_free(args);
    return rc;
}

/* One transaction: nonce 7 + i; `payload_only` stops at the signing payload. */
static void build(tx_ctx *c, uint64_t i, int payload_only)
{
    wetee_tx *tx = NULL;
    int rc = wetee_tx_new(&tx, c->md);
    if (rc == WETEE_OK)
        rc = c->json ? wetee_tx_set_call_json(tx, "Balances", "transfer_keep_alive", ARGS, SIZE_MAX)
                     : set_call_values(tx);
    if (rc == WETEE_OK)
        rc = wetee_tx_set_genesis_hash(tx, c->genesis);
    if (rc == WETEE_OK)
        rc = wetee_tx_set_mortal(tx, 64, 1000, c->block);
    if (rc == WETEE_OK)
        rc = wetee_tx_set_nonce(tx, 7 + i);
    if (rc == WETEE_OK)
        rc = wetee_tx_set_tip(tx, wetee_u128_from_u64(5));
    if (rc == WETEE_OK)
        rc = payload_only ? wetee_tx_signing_payload(&c->out, tx) : wetee_tx_sign(&c->out, tx, c->kp);
    if (rc != WETEE_OK)
        die_rc("build and sign", rc);
    wetee_tx_free(tx);
}

static void run(void *ctx, uint64_t iters)
{
    tx_ctx *c = ctx;
    for (uint64_t i = 0; i < iters; i++) {
        build(c, i & 1023, 0);
        wb_sink += c->out.len + c->out.data[c->out.len - 1];
    }
}

static uint64_t check_bytes(void *ctx)
{
    tx_ctx *c = ctx;
    build(c, 0, 0);
    return wb_fnv1a(WB_FNV_INIT, c->out.data, c->out.len);
}

static uint64_t check_payload(void *ctx)
{
    tx_ctx *c = ctx;
    build(c, 0, 1);
    return wb_fnv1a(WB_FNV_INIT, c->out.data, c->out.len);
}

static const wb_case cases[] = {
    { "tx_transfer_ed25519", 1, setup_ed25519, run, check_bytes, teardown },
    { "tx_transfer_sr25519", 1, setup_sr25519, run, check_payload, teardown },
    { "tx_transfer_ed25519_json", 1, setup_ed25519_json, run, check_bytes, teardown },
};

int main(int argc, char **argv) { return wb_main(argc, argv, "libwetee", cases, sizeof cases / sizeof cases[0]); }
