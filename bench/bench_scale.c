/*
 * SCALE codec benchmarks. Peers: bench/peers/rust/src/bin/scale_peer.rs
 * (parity-scale-codec) and bench/peers/node/bench_scale.mjs
 * (@polkadot/types-codec) run the same cases on the same data:
 *
 *  compact_u128_encode  1024 values covering every compact mode, appended to a
 *                       reused buffer; ns per value
 *  compact_u128_decode  the same 1024 values decoded back from their encoding;
 *                       ns per value
 *  vec_u32_1m_encode    Vec<u32> of 1,000,000 elements (compact length then the
 *                       elements) into a reused buffer; ns per vector
 *  vec_u32_1m_decode    the same vector decoded into a preallocated array;
 *                       ns per vector
 *
 * Data (identical in every implementation, from splitmix64):
 *  compact: seed 42; value i takes one draw r and, by i % 4,
 *    0: r % 64                              (single-byte mode)
 *    1: 64 + r % (2^14 - 64)                (two-byte mode)
 *    2: 2^14 + r % (2^30 - 2^14)            (four-byte mode)
 *    3: big-integer mode of k = 4 + r % 13 bytes: two more draws lo, hi form
 *       a 128-bit value, masked to k bytes, with bit 8k-1 set
 *  vec: seed 7; element i is the low 32 bits of draw i.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "wetee/scale.h"

#define COMPACT_N 1024
#define VEC_N 1000000

static void die_rc(const char *what, int rc)
{
    fprintf(stderr, "bench_scale: %s failed: %s (%s)\n", what, wetee_strerror(rc), wetee_last_error());
    exit(1);
}

static void compact_values(wetee_u128 *v)
{
    uint64_t s = 42;
    for (unsigned i = 0; i < COMPACT_N; i++) {
        uint64_t r = wb_splitmix64(&s);
        switch (i % 4) {
        case 0: v[i] = (wetee_u128){ r % 64, 0 }; break;
        case 1: v[i] = (wetee_u128){ 64 + r % ((1u << 14) - 64), 0 }; break;
        case 2: v[i] = (wetee_u128){ (1u << 14) + r % ((1u << 30) - (1u << 14)), 0 }; break;
        default: {
            unsigned k = 4 + (unsigned)(r % 13); /* 4..16 bytes */
            uint64_t lo = wb_splitmix64(&s), hi = wb_splitmix64(&s);
            unsigned bits = 8 * k;
            if (bits < 64) {
                lo &= (UINT64_C(1) << bits) - 1;
                lo |= UINT64_C(1) << (bits - 1);
                hi = 0;
            } else if (bits == 64) {
                lo |= UINT64_C(1) << 63;
                hi = 0;
            } else {
                if (bits < 128) hi &= (UINT64_C(1) << (bits - 64)) - 1;
                hi |= UINT64_C(1) << (bits - 65);
            }
            v[i] = (wetee_u128){ lo, hi };
        }
        }
    }
}

static uint64_t hash_u128s(const wetee_u128 *v, size_t n)
{
    uint64_t h = WB_FNV_INIT;
    for (size_t i = 0; i < n; i++) {
        uint8_t le[16];
        wetee_u128_to_le(le, v[i]);
        h = wb_fnv1a(h, le, sizeof le);
    }
    return h;
}

/* ---- compact ---- */

typedef struct compact_ctx {
    wetee_u128 values[COMPACT_N];
    wetee_u128 decoded[COMPACT_N];
    wetee_buf enc;  /* the encoding of values (decode input) */
    wetee_buf out;  /* the reused output buffer of the encoder */
} compact_ctx;

static int compact_setup(void **out)
{
    compact_ctx *c = calloc(1, sizeof *c);
    if (!c) return -1;
    compact_values(c->values);
    for (unsigned i = 0; i < COMPACT_N; i++) {
        int rc = wetee_scale_put_compact_u128(&c->enc, c->values[i]);
        if (rc != WETEE_OK) die_rc("put_compact_u128", rc);
    }
    if (wetee_buf_reserve(&c->out, c->enc.len) != WETEE_OK) return -1;
    *out = c;
    return 0;
}

static void compact_teardown(void *ctx)
{
    compact_ctx *c = ctx;
    wetee_buf_free(&c->enc);
    wetee_buf_free(&c->out);
    free(c);
}

static void compact_encode_run(void *ctx, uint64_t iters)
{
    compact_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        int rc = 0;
        wetee_buf_clear(&c->out);
        for (unsigned i = 0; i < COMPACT_N; i++) rc |= wetee_scale_put_compact_u128(&c->out, c->values[i]);
        if (rc != WETEE_OK) die_rc("put_compact_u128", rc);
        wb_sink += c->out.len + c->out.data[c->out.len - 1];
    }
}

static uint64_t compact_encode_check(void *ctx)
{
    compact_ctx *c = ctx;
    compact_encode_run(c, 1);
    return wb_fnv1a(WB_FNV_INIT, c->out.data, c->out.len);
}

static void compact_decode_run(void *ctx, uint64_t iters)
{
    compact_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        wetee_scale_reader r;
        int rc = 0;
        wetee_scale_reader_init(&r, c->enc.data, c->enc.len);
        for (unsigned i = 0; i < COMPACT_N; i++) rc |= wetee_scale_get_compact_u128(&r, &c->decoded[i]);
        if (rc != WETEE_OK) die_rc("get_compact_u128", rc);
        wb_sink += r.pos + c->decoded[COMPACT_N - 1].lo;
    }
}

static uint64_t compact_decode_check(void *ctx)
{
    compact_ctx *c = ctx;
    compact_decode_run(c, 1);
    return hash_u128s(c->decoded, COMPACT_N);
}

/* ---- Vec<u32> of 1M ---- */

typedef struct vec_ctx {
    uint32_t *values;
    uint32_t *decoded;
    wetee_buf enc;
    wetee_buf out;
} vec_ctx;

static void vec_teardown(void *ctx)
{
    vec_ctx *c = ctx;
    free(c->values);
    free(c->decoded);
    wetee_buf_free(&c->enc);
    wetee_buf_free(&c->out);
    free(c);
}

static uint32_t *vec_values(void)
{
    uint32_t *v = malloc(VEC_N * sizeof *v);
    uint64_t s = 7;
    if (v)
        for (size_t i = 0; i < VEC_N; i++) v[i] = (uint32_t)wb_splitmix64(&s);
    return v;
}

/* Each setup allocates only what its case uses, as the peers do, so that the
   peak RSS of the processes compare. */
static int vec_encode_setup(void **out)
{
    vec_ctx *c = calloc(1, sizeof *c);
    if (!c) return -1;
    c->values = vec_values();
    if (!c->values || wetee_buf_reserve(&c->out, 5 + VEC_N * sizeof(uint32_t)) != WETEE_OK) {
        vec_teardown(c);
        return -1;
    }
    *out = c;
    return 0;
}

static int vec_decode_setup(void **out)
{
    vec_ctx *c = calloc(1, sizeof *c);
    if (!c) return -1;
    uint32_t *values = vec_values();
    if (!values) {
        vec_teardown(c);
        return -1;
    }
    int rc = wetee_scale_put_seq_len(&c->enc, VEC_N);
    if (rc == WETEE_OK) rc = wetee_scale_put_u32_array(&c->enc, values, VEC_N);
    if (rc != WETEE_OK) die_rc("encoding the vector", rc);
    free(values);
    c->decoded = malloc(VEC_N * sizeof *c->decoded);
    if (!c->decoded) {
        vec_teardown(c);
        return -1;
    }
    memset(c->decoded, 0, VEC_N * sizeof *c->decoded); /* fault the pages in outside the timing */
    *out = c;
    return 0;
}

static void vec_encode_run(void *ctx, uint64_t iters)
{
    vec_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        wetee_buf_clear(&c->out);
        int rc = wetee_scale_put_seq_len(&c->out, VEC_N);
        if (rc == WETEE_OK) rc = wetee_scale_put_u32_array(&c->out, c->values, VEC_N);
        if (rc != WETEE_OK) die_rc("put_u32_array", rc);
        wb_sink += c->out.len + c->out.data[c->out.len - 1];
    }
}

static uint64_t vec_encode_check(void *ctx)
{
    vec_ctx *c = ctx;
    vec_encode_run(c, 1);
    return wb_fnv1a(WB_FNV_INIT, c->out.data, c->out.len);
}

static void vec_decode_run(void *ctx, uint64_t iters)
{
    vec_ctx *c = ctx;
    for (uint64_t it = 0; it < iters; it++) {
        wetee_scale_reader r;
        size_t n = 0;
        wetee_scale_reader_init(&r, c->enc.data, c->enc.len);
        int rc = wetee_scale_get_seq_len(&r, &n, sizeof(uint32_t));
        if (rc == WETEE_OK && n != VEC_N) die_rc("get_seq_len (wrong length)", WETEE_ERR_DECODE);
        if (rc == WETEE_OK) rc = wetee_scale_get_u32_array(&r, c->decoded, n);
        if (rc == WETEE_OK) rc = wetee_scale_finish(&r);
        if (rc != WETEE_OK) die_rc("decoding the vector", rc);
        wb_sink += c->decoded[n - 1] + r.pos;
    }
}

static uint64_t vec_decode_check(void *ctx)
{
    vec_ctx *c = ctx;
    vec_decode_run(c, 1);
    uint64_t h = WB_FNV_INIT;
    for (size_t i = 0; i < VEC_N; i++) {
        uint32_t v = c->decoded[i];
        uint8_t le[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
        h = wb_fnv1a(h, le, sizeof le);
    }
    return h;
}

static const wb_case cases[] = {
    { "compact_u128_encode", COMPACT_N, compact_setup, compact_encode_run, compact_encode_check, compact_teardown },
    { "compact_u128_decode", COMPACT_N, compact_setup, compact_decode_run, compact_decode_check, compact_teardown },
    { "vec_u32_1m_encode", 1, vec_encode_setup, vec_encode_run, vec_encode_check, vec_teardown },
    { "vec_u32_1m_decode", 1, vec_decode_setup, vec_decode_run, vec_decode_check, vec_teardown },
};

int main(int argc, char **argv)
{
    return wb_main(argc, argv, "libwetee", cases, sizeof cases / sizeof cases[0]);
}
