/*
 * TON benchmarks. Peers: bench/peers/node/bench_ton.mjs (@ton/core 0.63.1
 * cells and BOC, @ton/ton 16.3.0 wallets with @ton/crypto 3.3.0 signing) and
 * bench/peers/go (xssnick/tonutils-go). Inputs from bench/data/ton_bocs.txt
 * (made by bench/peers/node/gen_ton.mjs) and the first ton-crypto mnemonic
 * vector's key.
 *
 *  ton_boc_parse_hash_wallet  parse a W5 deploy + transfer external message
 *                             (898 bytes, 25 cells) and take the root's
 *                             representation hash. CHECK: the hash
 *  ton_boc_parse_hash_dict    the same for a 2048-entry HashmapE (42,790
 *                             bytes, 4,095 cells). CHECK: the hash
 *  ton_transfer_w5            one signed W5 transfer: comment body, internal
 *                             message (1.5 TON, non-bounceable), signed
 *                             request (seqno 5, valid_until 2000000000, mode
 *                             3), external message, BOC with CRC32C, as a
 *                             service does per payment. CHECK: the BOC bytes
 *                             (Ed25519 is deterministic: byte-exact with
 *                             @ton/ton)
 *  ton_transfer_v4r2          the same for wallet v4r2
 */
#define _POSIX_C_SOURCE 200809L /* getline */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "wetee.h"

#ifndef WETEE_BENCH_DATA
#define WETEE_BENCH_DATA "bench/data"
#endif

static const char SECRET_HEX[] = "9d659a6c2234db7f6e4f977e6e8653b9f5946d557163f31034011375d8f3f97d"
                                 "f6c450a16bb1c514e22f1977e390a3025599aa1e7b00068a6aacf2119484c1bd";
static const char DEST[] = "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB";

static void die_rc(const char *what)
{
    fprintf(stderr, "bench_ton: %s failed: %s\n", what, wetee_last_error());
    exit(1);
}

/* ---- BOC parse + hash ---- */

typedef struct boc_ctx {
    wetee_buf boc;
} boc_ctx;

static int load_boc(void **ctx, const char *name)
{
    char path[4096], *line = NULL;
    size_t cap = 0;
    ssize_t n;
    snprintf(path, sizeof path, "%s/ton_bocs.txt", WETEE_BENCH_DATA);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "bench_ton: cannot open %s\n", path);
        return -1;
    }
    boc_ctx *c = calloc(1, sizeof *c);
    if (!c) {
        fclose(f);
        return -1;
    }
    while ((n = getline(&line, &cap, f)) > 0) {
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab = 0;
        if (strcmp(line, name)) continue;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        if (wetee_base64_decode(&c->boc, tab + 1, strlen(tab + 1), 0) != WETEE_OK) die_rc("base64");
        break;
    }
    free(line);
    fclose(f);
    if (c->boc.len == 0) {
        fprintf(stderr, "bench_ton: no BOC %s in %s\n", name, path);
        free(c);
        return -1;
    }
    *ctx = c;
    return 0;
}

static int setup_wallet_boc(void **ctx) { return load_boc(ctx, "wallet"); }
static int setup_dict_boc(void **ctx) { return load_boc(ctx, "dict"); }

static void parse_hash(const boc_ctx *c, uint8_t hash[32])
{
    wetee_ton_cell *root = NULL;
    if (wetee_ton_boc_parse(&root, c->boc.data, c->boc.len, NULL) != WETEE_OK) die_rc("wetee_ton_boc_parse");
    if (wetee_ton_cell_hash(hash, root) != WETEE_OK) die_rc("wetee_ton_cell_hash");
    wetee_ton_cell_free(root);
}

static void run_parse(void *ctx, uint64_t iters)
{
    uint8_t h[32];
    for (uint64_t i = 0; i < iters; i++) {
        parse_hash(ctx, h);
        wb_sink ^= h[0];
    }
}

static uint64_t check_parse(void *ctx)
{
    uint8_t h[32];
    parse_hash(ctx, h);
    return wb_fnv1a(WB_FNV_INIT, h, sizeof h);
}

static void teardown_boc(void *ctx)
{
    boc_ctx *c = ctx;
    wetee_buf_free(&c->boc);
    free(c);
}

/* ---- wallet transfer ---- */

typedef struct transfer_ctx {
    wetee_ton_wallet *w;
    wetee_ton_address dest;
    wetee_u128 amount;
    uint8_t secret[64];
    wetee_buf boc;
} transfer_ctx;

static int setup_transfer(void **ctx, int version)
{
    uint8_t pub[32];
    uint32_t id;
    transfer_ctx *c = calloc(1, sizeof *c);
    if (!c) return -1;
    if (wetee_hex_decode_exact(c->secret, sizeof c->secret, SECRET_HEX, strlen(SECRET_HEX)) != WETEE_OK)
        die_rc("hex");
    memcpy(pub, c->secret + 32, 32);
    if (wetee_ton_wallet_default_id(&id, version, 0, WETEE_TON_NETWORK_MAINNET) != WETEE_OK ||
        wetee_ton_wallet_new(&c->w, version, pub, 0, id) != WETEE_OK)
        die_rc("wetee_ton_wallet_new");
    if (wetee_ton_address_parse(&c->dest, NULL, DEST, strlen(DEST)) != WETEE_OK) die_rc("address");
    c->amount = (wetee_u128){ 1500000000u, 0 };
    *ctx = c;
    return 0;
}

static int setup_w5(void **ctx) { return setup_transfer(ctx, WETEE_TON_WALLET_V5R1); }
static int setup_v4r2(void **ctx) { return setup_transfer(ctx, WETEE_TON_WALLET_V4R2); }

static void transfer_once(transfer_ctx *c)
{
    wetee_ton_cell *comment = NULL, *msg = NULL, *body = NULL, *ext = NULL;
    wetee_ton_transfer *t = NULL;
    if (wetee_ton_comment(&comment, "order 42", 8) || wetee_ton_internal_message(&msg, &c->dest, c->amount, 0, NULL, comment) ||
        wetee_ton_transfer_new(&t) || wetee_ton_transfer_add(t, WETEE_TON_SEND_PAY_FEES_SEPARATELY, msg) ||
        wetee_ton_wallet_sign_transfer(&body, c->w, c->secret, 5, 2000000000u, t) ||
        wetee_ton_wallet_external(&ext, c->w, body, 0))
        die_rc("transfer");
    wetee_buf_free(&c->boc);
    if (wetee_ton_boc_serialize(&c->boc, ext, WETEE_TON_BOC_CRC32C) != WETEE_OK) die_rc("wetee_ton_boc_serialize");
    wetee_ton_cell_free(comment);
    wetee_ton_cell_free(msg);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(ext);
    wetee_ton_transfer_free(t);
}

static void run_transfer(void *ctx, uint64_t iters)
{
    transfer_ctx *c = ctx;
    for (uint64_t i = 0; i < iters; i++) {
        transfer_once(c);
        wb_sink ^= c->boc.data[c->boc.len - 1];
    }
}

static uint64_t check_transfer(void *ctx)
{
    transfer_ctx *c = ctx;
    transfer_once(c);
    return wb_fnv1a(WB_FNV_INIT, c->boc.data, c->boc.len);
}

static void teardown_transfer(void *ctx)
{
    transfer_ctx *c = ctx;
    wetee_wipe(c->secret, sizeof c->secret);
    wetee_buf_free(&c->boc);
    wetee_ton_wallet_free(c->w);
    free(c);
}

static const wb_case CASES[] = {
    { "ton_boc_parse_hash_wallet", 1, setup_wallet_boc, run_parse, check_parse, teardown_boc },
    { "ton_boc_parse_hash_dict", 1, setup_dict_boc, run_parse, check_parse, teardown_boc },
    { "ton_transfer_w5", 1, setup_w5, run_transfer, check_transfer, teardown_transfer },
    { "ton_transfer_v4r2", 1, setup_v4r2, run_transfer, check_transfer, teardown_transfer },
};

int main(int argc, char **argv)
{
    return wb_main(argc, argv, "libwetee", CASES, sizeof CASES / sizeof CASES[0]);
}
