/*
 * Keys benchmarks: signatures and SS58. Peers, in the same run:
 * bench/peers/rust/src/bin/keys_peer.rs (schnorrkel, ed25519-dalek, the
 * secp256k1 crate and an sp-core-style SS58 codec on bs58 + blake2, all
 * native) and bench/peers/node/bench_keys.mjs (@polkadot/wasm-crypto, the
 * WebAssembly build, and @polkadot/util-crypto for SS58). Every case does
 * KEYS_N = 16 operations per iteration; times are per operation.
 *
 *  sr25519_sign     sign each message with the "substrate" signing context
 *                   (randomised: each implementation's signatures differ)
 *  sr25519_verify   verify 16 fixed signatures made by libwetee (SR_SIGS
 *                   below, the same bytes in every implementation); the
 *                   public key is decoded on every call, as sp-core's
 *                   sr25519::Pair::verify and polkadot.js do
 *  ed25519_sign     RFC 8032 signatures (deterministic: identical bytes)
 *  ed25519_verify   verify those signatures with the chain's rules (ZIP 215:
 *                   wetee_ed25519_verify on libwetee's curve code; peers:
 *                   ed25519-zebra, which sp-core uses, ed25519-dalek's
 *                   `verify` and @polkadot/wasm-crypto)
 *  ed25519_verify_strict  the same signatures with libsodium's strict rules
 *                   (wetee_ed25519_verify_strict, i.e. libsodium 1.0.18's
 *                   crypto_sign_verify_detached; peer: ed25519-dalek's
 *                   `verify_strict`)
 *  ecdsa_sign       Substrate ecdsa: recoverable secp256k1 signature over
 *                   blake2b-256(msg), RFC 6979, low s: r ‖ s ‖ recid
 *                   (deterministic: identical bytes)
 *  ecdsa_verify     blake2b-256, recover the public key, compare it with
 *                   the expected compressed key (as sp-core's
 *                   ecdsa::Pair::verify)
 *  ss58_encode_42   16 32-byte account ids to SS58 text with prefix 42
 *  ss58_encode_0    the same with prefix 0 (Polkadot)
 *  ss58_decode_42   those addresses back to the account id and prefix,
 *  ss58_decode_0    checksum and prefix checked
 *
 * Data (identical in every implementation, from splitmix64; a draw gives 8
 * bytes little-endian, so 4 draws make 32 bytes):
 *  sr25519 mini secret: seed 1 (4 draws), expanded in Ed25519 mode
 *  ed25519 seed: seed 2; ecdsa secret key: seed 3
 *  messages: seed 4, 16 messages of 32 bytes (4 draws each)
 *  SS58 account ids: seed 5, 16 ids of 32 bytes
 *
 * CHECK hashes (FNV-1a 64, outside the timing) cover what every
 * implementation must agree on: the public key, the deterministic signatures,
 * the verification results (1 for each valid signature, then 0 for each
 * signature checked against a message with its first byte flipped), the
 * addresses and the decoded payloads with their prefix.
 *
 * Cross-checks: the peers verify libwetee's signatures (sr25519_verify's
 * data), and the sr25519 setup here verifies one signature made by schnorrkel
 * and one made by @polkadot/wasm-crypto (SR_PEER_SIGS) over message 0; a
 * failure aborts the case.
 *
 * `bench_keys --print-sr25519-signatures` prints 16 fresh libwetee
 * signatures in the form of SR_SIGS (to regenerate the vectors of all three
 * files together).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "wetee/keys.h"
#include "wetee/ss58.h"

#define KEYS_N 16
#define MSG_LEN 32

/* 16 sr25519 signatures by libwetee over the messages, with the key from seed 1. */
static const char *const SR_SIGS[KEYS_N] = {
#include "keys_sr25519_sigs.inc"
};

/* Signatures over message 0 with the same key: by schnorrkel 0.11.5 (Rust
 * peer, `keys_peer --print-sr25519-signature`) and by @polkadot/wasm-crypto
 * 7.5.4 (`node bench_keys.mjs --print-sr25519-signature`). */
static const char *const SR_PEER_SIGS[2] = {
#include "keys_sr25519_peer_sigs.inc"
};

static void die(const char *what, int rc)
{
    fprintf(stderr, "bench_keys: %s failed: %s (%s)\n", what, wetee_strerror(rc), wetee_last_error());
    exit(1);
}

static void fill(uint8_t *out, size_t len, uint64_t *state)
{
    for (size_t i = 0; i < len; i += 8) {
        uint64_t r = wb_splitmix64(state);
        for (size_t j = 0; j < 8 && i + j < len; j++) out[i + j] = (uint8_t)(r >> (8 * j));
    }
}

static void seed_bytes(uint8_t out[32], uint64_t seed)
{
    uint64_t s = seed;
    fill(out, 32, &s);
}

static void messages(uint8_t msg[KEYS_N][MSG_LEN])
{
    uint64_t s = 4;
    for (int i = 0; i < KEYS_N; i++) fill(msg[i], MSG_LEN, &s);
}

static void from_hex(uint8_t *out, size_t len, const char *hex)
{
    int rc = wetee_hex_decode_exact(out, len, hex, strlen(hex));
    if (rc != WETEE_OK) die("hex_decode_exact", rc);
}

/* ---- signatures ---- */

typedef struct sig_ctx {
    uint8_t msg[KEYS_N][MSG_LEN];
    uint8_t secret[64]; /* sr25519 and ed25519: 64 bytes; ecdsa: the first 32 */
    uint8_t pub[33];    /* 32 bytes, 33 for ecdsa */
    size_t pub_len;
    uint8_t sig[KEYS_N][65];
    size_t sig_len;
    uint8_t ok[KEYS_N];
} sig_ctx;

static sig_ctx *sig_new(void)
{
    sig_ctx *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    messages(c->msg);
    return c;
}

static void sig_teardown(void *ctx)
{
    sig_ctx *c = ctx;
    wetee_wipe(c->secret, sizeof c->secret);
    free(c);
}

typedef int (*verify_fn)(const uint8_t *sig, const uint8_t *msg, size_t len, const uint8_t *pub);

static int sr_verify(const uint8_t *sig, const uint8_t *msg, size_t len, const uint8_t *pub)
{
    return wetee_sr25519_verify(sig, msg, len, pub);
}
static int ed_verify(const uint8_t *sig, const uint8_t *msg, size_t len, const uint8_t *pub)
{
    return wetee_ed25519_verify(sig, msg, len, pub);
}
static int ec_verify(const uint8_t *sig, const uint8_t *msg, size_t len, const uint8_t *pub)
{
    return wetee_ecdsa_verify(sig, msg, len, pub);
}

/* pub ‖ (signatures when deterministic) ‖ results ‖ results with a tampered message. */
static uint64_t sig_hash(sig_ctx *c, verify_fn verify, int with_sigs)
{
    uint64_t h = wb_fnv1a(WB_FNV_INIT, c->pub, c->pub_len);
    uint8_t r;
    if (with_sigs)
        for (int i = 0; i < KEYS_N; i++) h = wb_fnv1a(h, c->sig[i], c->sig_len);
    for (int i = 0; i < KEYS_N; i++) {
        r = verify(c->sig[i], c->msg[i], MSG_LEN, c->pub) == WETEE_OK;
        h = wb_fnv1a(h, &r, 1);
    }
    for (int i = 0; i < KEYS_N; i++) {
        uint8_t m[MSG_LEN];
        memcpy(m, c->msg[i], MSG_LEN);
        m[0] ^= 1;
        r = verify(c->sig[i], m, MSG_LEN, c->pub) == WETEE_OK;
        h = wb_fnv1a(h, &r, 1);
    }
    return h;
}

/* sr25519 */

static int sr_setup(void **out)
{
    sig_ctx *c = sig_new();
    uint8_t seed[32];
    int rc;
    if (!c) return -1;
    seed_bytes(seed, 1);
    if ((rc = wetee_sr25519_keypair_from_seed(c->secret, c->pub, seed)) != WETEE_OK) die("sr25519_keypair_from_seed", rc);
    c->pub_len = 32;
    c->sig_len = 64;
    for (int i = 0; i < KEYS_N; i++) from_hex(c->sig[i], 64, SR_SIGS[i]);
    for (int i = 0; i < 2; i++) { /* the peers' signatures verify here */
        uint8_t sig[64];
        from_hex(sig, 64, SR_PEER_SIGS[i]);
        if ((rc = wetee_sr25519_verify(sig, c->msg[0], MSG_LEN, c->pub)) != WETEE_OK)
            die(i == 0 ? "verifying schnorrkel's signature" : "verifying wasm-crypto's signature", rc);
    }
    *out = c;
    return 0;
}

static void sr_sign_run(void *ctx, uint64_t iters)
{
    sig_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        int rc = 0;
        for (int i = 0; i < KEYS_N; i++) rc |= wetee_sr25519_sign(c->sig[i], c->secret, c->pub, c->msg[i], MSG_LEN);
        if (rc != WETEE_OK) die("sr25519_sign", rc);
        wb_sink += c->sig[KEYS_N - 1][0];
    }
}

static uint64_t sr_sign_check(void *ctx)
{
    sig_ctx *c = ctx;
    sr_sign_run(c, 1); /* randomised: hash the key and the verification results */
    return sig_hash(c, sr_verify, 0);
}

static void sr_verify_run(void *ctx, uint64_t iters)
{
    sig_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        for (int i = 0; i < KEYS_N; i++) c->ok[i] = wetee_sr25519_verify(c->sig[i], c->msg[i], MSG_LEN, c->pub) == WETEE_OK;
        wb_sink += c->ok[KEYS_N - 1];
    }
}

static uint64_t sr_verify_check(void *ctx)
{
    return sig_hash(ctx, sr_verify, 1);
}

/* ed25519 */

static int ed_setup(void **out)
{
    sig_ctx *c = sig_new();
    uint8_t seed[32];
    int rc;
    if (!c) return -1;
    seed_bytes(seed, 2);
    if ((rc = wetee_ed25519_keypair_from_seed(c->secret, c->pub, seed)) != WETEE_OK) die("ed25519_keypair_from_seed", rc);
    c->pub_len = 32;
    c->sig_len = 64;
    for (int i = 0; i < KEYS_N; i++)
        if ((rc = wetee_ed25519_sign(c->sig[i], c->secret, c->msg[i], MSG_LEN)) != WETEE_OK) die("ed25519_sign", rc);
    *out = c;
    return 0;
}

static void ed_sign_run(void *ctx, uint64_t iters)
{
    sig_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        int rc = 0;
        for (int i = 0; i < KEYS_N; i++) rc |= wetee_ed25519_sign(c->sig[i], c->secret, c->msg[i], MSG_LEN);
        if (rc != WETEE_OK) die("ed25519_sign", rc);
        wb_sink += c->sig[KEYS_N - 1][0];
    }
}

static uint64_t ed_sign_check(void *ctx)
{
    ed_sign_run(ctx, 1);
    return sig_hash(ctx, ed_verify, 1);
}

static void ed_verify_run(void *ctx, uint64_t iters)
{
    sig_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        for (int i = 0; i < KEYS_N; i++) c->ok[i] = wetee_ed25519_verify(c->sig[i], c->msg[i], MSG_LEN, c->pub) == WETEE_OK;
        wb_sink += c->ok[KEYS_N - 1];
    }
}

static uint64_t ed_verify_check(void *ctx)
{
    return sig_hash(ctx, ed_verify, 1);
}

static int ed_verify_strict(const uint8_t *sig, const uint8_t *msg, size_t len, const uint8_t *pub)
{
    return wetee_ed25519_verify_strict(sig, msg, len, pub);
}

static void ed_verify_strict_run(void *ctx, uint64_t iters)
{
    sig_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        for (int i = 0; i < KEYS_N; i++)
            c->ok[i] = wetee_ed25519_verify_strict(c->sig[i], c->msg[i], MSG_LEN, c->pub) == WETEE_OK;
        wb_sink += c->ok[KEYS_N - 1];
    }
}

static uint64_t ed_verify_strict_check(void *ctx)
{
    return sig_hash(ctx, ed_verify_strict, 1);
}

/* ecdsa */

static int ec_setup(void **out)
{
    sig_ctx *c = sig_new();
    int rc;
    if (!c) return -1;
    seed_bytes(c->secret, 3);
    if ((rc = wetee_ecdsa_public_from_secret(c->pub, c->secret)) != WETEE_OK) die("ecdsa_public_from_secret", rc);
    c->pub_len = 33;
    c->sig_len = 65;
    for (int i = 0; i < KEYS_N; i++)
        if ((rc = wetee_ecdsa_sign(c->sig[i], c->secret, c->msg[i], MSG_LEN)) != WETEE_OK) die("ecdsa_sign", rc);
    *out = c;
    return 0;
}

static void ec_sign_run(void *ctx, uint64_t iters)
{
    sig_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        int rc = 0;
        for (int i = 0; i < KEYS_N; i++) rc |= wetee_ecdsa_sign(c->sig[i], c->secret, c->msg[i], MSG_LEN);
        if (rc != WETEE_OK) die("ecdsa_sign", rc);
        wb_sink += c->sig[KEYS_N - 1][0];
    }
}

static uint64_t ec_sign_check(void *ctx)
{
    ec_sign_run(ctx, 1);
    return sig_hash(ctx, ec_verify, 1);
}

static void ec_verify_run(void *ctx, uint64_t iters)
{
    sig_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        for (int i = 0; i < KEYS_N; i++) c->ok[i] = wetee_ecdsa_verify(c->sig[i], c->msg[i], MSG_LEN, c->pub) == WETEE_OK;
        wb_sink += c->ok[KEYS_N - 1];
    }
}

static uint64_t ec_verify_check(void *ctx)
{
    return sig_hash(ctx, ec_verify, 1);
}

/* ---- SS58 ---- */

typedef struct ss58_ctx {
    uint16_t prefix;
    uint8_t ids[KEYS_N][32];
    wetee_buf addr[KEYS_N];   /* encode output (reused), decode input */
    wetee_buf payload[KEYS_N]; /* decode output (reused) */
    uint16_t got[KEYS_N];
} ss58_ctx;

static void ss58_teardown(void *ctx)
{
    ss58_ctx *c = ctx;
    for (int i = 0; i < KEYS_N; i++) {
        wetee_buf_free(&c->addr[i]);
        wetee_buf_free(&c->payload[i]);
    }
    free(c);
}

static int ss58_setup(void **out, uint16_t prefix)
{
    ss58_ctx *c = calloc(1, sizeof *c);
    uint64_t s = 5;
    int rc;
    if (!c) return -1;
    c->prefix = prefix;
    for (int i = 0; i < KEYS_N; i++) {
        fill(c->ids[i], 32, &s);
        if ((rc = wetee_ss58_encode(&c->addr[i], c->ids[i], 32, prefix)) != WETEE_OK) die("ss58_encode", rc);
        if ((rc = wetee_buf_reserve(&c->payload[i], 32)) != WETEE_OK) die("buf_reserve", rc);
    }
    *out = c;
    return 0;
}

static int ss58_setup_42(void **out) { return ss58_setup(out, 42); }
static int ss58_setup_0(void **out) { return ss58_setup(out, 0); }

static void ss58_encode_run(void *ctx, uint64_t iters)
{
    ss58_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        int rc = 0;
        for (int i = 0; i < KEYS_N; i++) rc |= wetee_ss58_encode(&c->addr[i], c->ids[i], 32, c->prefix);
        if (rc != WETEE_OK) die("ss58_encode", rc);
        wb_sink += c->addr[KEYS_N - 1].len;
    }
}

/* The addresses, each followed by a NUL. */
static uint64_t ss58_encode_check(void *ctx)
{
    ss58_ctx *c = ctx;
    uint64_t h = WB_FNV_INIT;
    ss58_encode_run(c, 1);
    for (int i = 0; i < KEYS_N; i++) h = wb_fnv1a(h, c->addr[i].data, c->addr[i].len + 1);
    return h;
}

static void ss58_decode_run(void *ctx, uint64_t iters)
{
    ss58_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        int rc = 0;
        for (int i = 0; i < KEYS_N; i++)
            rc |= wetee_ss58_decode(&c->payload[i], &c->got[i], (const char *)c->addr[i].data, c->addr[i].len);
        if (rc != WETEE_OK) die("ss58_decode", rc);
        wb_sink += c->payload[KEYS_N - 1].data[0] + c->got[KEYS_N - 1];
    }
}

/* Each payload followed by its prefix (u16 little-endian). */
static uint64_t ss58_decode_check(void *ctx)
{
    ss58_ctx *c = ctx;
    uint64_t h = WB_FNV_INIT;
    ss58_decode_run(c, 1);
    for (int i = 0; i < KEYS_N; i++) {
        uint8_t p[2] = { (uint8_t)c->got[i], (uint8_t)(c->got[i] >> 8) };
        if (c->payload[i].len != 32 || memcmp(c->payload[i].data, c->ids[i], 32) != 0 || c->got[i] != c->prefix)
            die("ss58_decode (round trip)", WETEE_ERR_DECODE);
        h = wb_fnv1a(h, c->payload[i].data, c->payload[i].len);
        h = wb_fnv1a(h, p, 2);
    }
    return h;
}

static const wb_case cases[] = {
    { "sr25519_sign", KEYS_N, sr_setup, sr_sign_run, sr_sign_check, sig_teardown },
    { "sr25519_verify", KEYS_N, sr_setup, sr_verify_run, sr_verify_check, sig_teardown },
    { "ed25519_sign", KEYS_N, ed_setup, ed_sign_run, ed_sign_check, sig_teardown },
    { "ed25519_verify", KEYS_N, ed_setup, ed_verify_run, ed_verify_check, sig_teardown },
    { "ed25519_verify_strict", KEYS_N, ed_setup, ed_verify_strict_run, ed_verify_strict_check, sig_teardown },
    { "ecdsa_sign", KEYS_N, ec_setup, ec_sign_run, ec_sign_check, sig_teardown },
    { "ecdsa_verify", KEYS_N, ec_setup, ec_verify_run, ec_verify_check, sig_teardown },
    { "ss58_encode_42", KEYS_N, ss58_setup_42, ss58_encode_run, ss58_encode_check, ss58_teardown },
    { "ss58_encode_0", KEYS_N, ss58_setup_0, ss58_encode_run, ss58_encode_check, ss58_teardown },
    { "ss58_decode_42", KEYS_N, ss58_setup_42, ss58_decode_run, ss58_decode_check, ss58_teardown },
    { "ss58_decode_0", KEYS_N, ss58_setup_0, ss58_decode_run, ss58_decode_check, ss58_teardown },
};

/* Fresh libwetee signatures in the form of SR_SIGS. */
static int print_sr25519_signatures(void)
{
    uint8_t seed[32], secret[64], pub[32], msg[KEYS_N][MSG_LEN], sig[64];
    int rc;
    seed_bytes(seed, 1);
    messages(msg);
    if ((rc = wetee_sr25519_keypair_from_seed(secret, pub, seed)) != WETEE_OK) die("sr25519_keypair_from_seed", rc);
    for (int i = 0; i < KEYS_N; i++) {
        if ((rc = wetee_sr25519_sign(sig, secret, pub, msg[i], MSG_LEN)) != WETEE_OK) die("sr25519_sign", rc);
        printf("\"");
        for (int j = 0; j < 64; j++) printf("%02x", sig[j]);
        printf("\",\n");
    }
    wetee_wipe(secret, sizeof secret);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--print-sr25519-signatures") == 0) return print_sr25519_signatures();
    return wb_main(argc, argv, "libwetee", cases, sizeof cases / sizeof cases[0]);
}
