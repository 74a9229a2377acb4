/*
 * Runtime metadata benchmarks. Peers: bench/peers/rust/src/bin/metadata_peer.rs
 * (subxt-metadata: frame-metadata decoding, then subxt_metadata::Metadata)
 * and bench/peers/node/bench_metadata.mjs (@polkadot/types
 * `new Metadata(registry, bytes)`) run the same cases on the same bytes:
 * $WETEE_VECTORS_DIR/metadata/polkadot_metadata_full.scale (Polkadot, V15,
 * "meta"-prefixed), read into memory before anything is timed.
 *
 *  md_baseline      the process only holds the metadata bytes; run() folds
 *                   their length into the sink (its time means nothing). Its
 *                   peak RSS is the baseline that the memory figures of the
 *                   other cases are taken against.
 *  md_parse         parse the bytes into the implementation's metadata
 *                   object and free it; ns per parse
 *  md_parse_lookup  parse, then look up the call Balances.transfer_keep_alive
 *                   by pallet and call name and read its index and argument
 *                   types; ns per parse + lookup
 *  md_lookup_call   the metadata is parsed once in setup() and kept; run()
 *                   looks up Balances.transfer_keep_alive by name; ns per
 *                   lookup. The peak RSS of this process minus that of
 *                   md_baseline is the memory of one parsed metadata (with
 *                   what parsing needed on the way).
 *
 * Event decoding (peer: @polkadot/types only): bench/data/rococo_events.hex,
 * the value of System.Events of a 21-transfer Rococo block (126 records,
 * 6,638 bytes; made by bench/peers/node/gen_events.mjs, see there), decoded
 * with the same metadata, parsed once in setup(); ns per event record:
 *
 *  events_decode       to the library's own objects: libwetee
 *                      wetee_value_decode() of the System.Events value type
 *                      (a typed value tree); polkadot.js
 *                      registry.createType(<that type>, bytes) (codec objects)
 *  events_decode_json  to JSON: libwetee wetee_events_decode_json() (JSON
 *                      text with pallet and event names, fields, phase,
 *                      topics); polkadot.js createType(...).toJSON() (plain
 *                      objects, not even stringified)
 *
 * CHECK of the event cases: per record, the ApplyExtrinsic index (u32 LE),
 * the pallet index and the event index, read from the decoded objects.
 *
 * `bench_metadata --heap` (not run by bench/run.sh) prints, with glibc, the
 * heap bytes that one parsed metadata keeps (mallinfo2 in-use bytes, arena and mmapped, after
 * wetee_metadata_parse() minus before) next to the size of the input: an
 * allocator-exact cross-check of the RSS delta.
 *
 * CHECK: md_parse hashes the number of registry types and of pallets (two
 * little-endian u32); the lookup cases hash the pallet index, the call
 * index, the number of arguments and, per argument, its name and type id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <malloc.h>
#define HAVE_MALLINFO2 1
#endif

#include "harness.h"
#include "wetee/metadata.h"
#include "wetee/value.h"

#ifndef WETEE_BENCH_DATA
#define WETEE_BENCH_DATA "bench/data"
#endif
#ifndef WETEE_VECTORS_DEFAULT
#define WETEE_VECTORS_DEFAULT "../shared/vectors"
#endif

#define MD_FILE "metadata/polkadot_metadata_full.scale"
#define PALLET "Balances"
#define CALL "transfer_keep_alive"

static void die_rc(const char *what, int rc)
{
    fprintf(stderr, "bench_metadata: %s failed: %s (%s)\n", what, wetee_strerror(rc), wetee_last_error());
    exit(1);
}

typedef struct md_ctx {
    uint8_t *bytes;
    size_t len;
    wetee_metadata *md; /* md_lookup_call, events: parsed once */
    wetee_buf events;   /* events: the System.Events value */
    uint32_t events_type;
    size_t n_events;
    wetee_buf json; /* events_decode_json: reused output */
} md_ctx;

static int load_bytes(md_ctx *c)
{
    const char *dir = getenv("WETEE_VECTORS_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : WETEE_VECTORS_DEFAULT, MD_FILE);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench_metadata: cannot open %s (set WETEE_VECTORS_DIR)\n", path);
        return -1;
    }
    if (fseek(f, 0, SEEK_END) != 0) { fclose(f); return -1; }
    long n = ftell(f);
    if (n <= 0 || fseek(f, 0, SEEK_SET) != 0) { fclose(f); return -1; }
    c->bytes = malloc((size_t)n);
    c->len = (size_t)n;
    if (!c->bytes || fread(c->bytes, 1, c->len, f) != c->len) {
        fclose(f);
        return -1;
    }
    fclose(f);
    return 0;
}

static int md_setup(void **ctx)
{
    md_ctx *c = calloc(1, sizeof *c);
    if (!c || load_bytes(c) != 0) {
        free(c);
        return -1;
    }
    *ctx = c;
    return 0;
}

static void md_teardown(void *ctx)
{
    md_ctx *c = ctx;
    wetee_buf_free(&c->events);
    wetee_buf_free(&c->json);
    wetee_metadata_free(c->md);
    free(c->bytes);
    free(c);
}

static void baseline_run(void *ctx, uint64_t iters)
{
    md_ctx *c = ctx;
    for (uint64_t i = 0; i < iters; i++) wb_sink += c->len + c->bytes[i % c->len];
}

static uint64_t baseline_check(void *ctx)
{
    md_ctx *c = ctx;
    return wb_fnv1a(WB_FNV_INIT, c->bytes, c->len);
}

static wetee_metadata *parse(const md_ctx *c)
{
    wetee_metadata *md = NULL;
    int rc = wetee_metadata_parse(&md, c->bytes, c->len, NULL);
    if (rc != WETEE_OK) die_rc("wetee_metadata_parse", rc);
    return md;
}

static void parse_run(void *ctx, uint64_t iters)
{
    md_ctx *c = ctx;
    for (uint64_t i = 0; i < iters; i++) {
        wetee_metadata *md = parse(c);
        wb_sink += wetee_metadata_type_count(md);
        wetee_metadata_free(md);
    }
}

static uint64_t parse_check(void *ctx)
{
    md_ctx *c = ctx;
    wetee_metadata *md = parse(c);
    uint8_t le[8];
    uint32_t nt = (uint32_t)wetee_metadata_type_count(md), np = (uint32_t)wetee_metadata_pallet_count(md);
    for (int i = 0; i < 4; i++) {
        le[i] = (uint8_t)(nt >> (8 * i));
        le[4 + i] = (uint8_t)(np >> (8 * i));
    }
    wetee_metadata_free(md);
    return wb_fnv1a(WB_FNV_INIT, le, sizeof le);
}

/* The lookup every case performs: the call by pallet and call name, its
 * index and its argument types (what encoding the call needs first). */
static const wetee_md_variant *lookup(const wetee_metadata *md, const wetee_md_pallet **pallet)
{
    const wetee_md_pallet *p = wetee_metadata_pallet_by_name(md, PALLET);
    const wetee_md_variant *v = wetee_md_pallet_variant_by_name(md, p, WETEE_MD_CALLS, CALL);
    if (!v) {
        fprintf(stderr, "bench_metadata: %s.%s not found\n", PALLET, CALL);
        exit(1);
    }
    *pallet = p;
    return v;
}

static uint64_t fold_call(const wetee_md_pallet *p, const wetee_md_variant *v)
{
    uint64_t s = wetee_md_pallet_index(p) * 256u + wetee_md_variant_index(v);
    size_t n = wetee_md_variant_field_count(v);
    for (size_t i = 0; i < n; i++) s += wetee_md_field_type(wetee_md_variant_field(v, i));
    return s;
}

static uint64_t hash_call(const wetee_md_pallet *p, const wetee_md_variant *v)
{
    uint8_t head[3] = { wetee_md_pallet_index(p), wetee_md_variant_index(v),
                        (uint8_t)wetee_md_variant_field_count(v) };
    uint64_t h = wb_fnv1a(WB_FNV_INIT, head, sizeof head);
    for (size_t i = 0; i < wetee_md_variant_field_count(v); i++) {
        const wetee_md_field *f = wetee_md_variant_field(v, i);
        const char *name = wetee_md_field_name(f);
        uint32_t t = wetee_md_field_type(f);
        uint8_t le[4] = { (uint8_t)t, (uint8_t)(t >> 8), (uint8_t)(t >> 16), (uint8_t)(t >> 24) };
        h = wb_fnv1a(h, name ? name : "", name ? strlen(name) : 0);
        h = wb_fnv1a(h, le, sizeof le);
    }
    return h;
}

static void parse_lookup_run(void *ctx, uint64_t iters)
{
    md_ctx *c = ctx;
    for (uint64_t i = 0; i < iters; i++) {
        wetee_metadata *md = parse(c);
        const wetee_md_pallet *p;
        const wetee_md_variant *v = lookup(md, &p);
        wb_sink += fold_call(p, v);
        wetee_metadata_free(md);
    }
}

static uint64_t parse_lookup_check(void *ctx)
{
    md_ctx *c = ctx;
    wetee_metadata *md = parse(c);
    const wetee_md_pallet *p;
    const wetee_md_variant *v = lookup(md, &p);
    uint64_t h = hash_call(p, v);
    wetee_metadata_free(md);
    return h;
}

static int lookup_setup(void **ctx)
{
    if (md_setup(ctx) != 0) return -1;
    md_ctx *c = *ctx;
    c->md = parse(c);
    return 0;
}

static void lookup_run(void *ctx, uint64_t iters)
{
    md_ctx *c = ctx;
    for (uint64_t i = 0; i < iters; i++) {
        const wetee_md_pallet *p;
        const wetee_md_variant *v = lookup(c->md, &p);
        wb_sink += fold_call(p, v);
    }
}

static uint64_t lookup_check(void *ctx)
{
    md_ctx *c = ctx;
    const wetee_md_pallet *p;
    const wetee_md_variant *v = lookup(c->md, &p);
    return hash_call(p, v);
}

/* ---- events ---- */

static int events_setup(void **ctx)
{
    char path[4096];
    if (md_setup(ctx) != 0) return -1;
    md_ctx *c = *ctx;
    c->md = parse(c);
    snprintf(path, sizeof path, "%s/rococo_events.hex", WETEE_BENCH_DATA);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench_metadata: cannot open %s\n", path);
        return -1;
    }
    char *hex = malloc(1 << 16);
    size_t n = hex ? fread(hex, 1, (1 << 16) - 1, f) : 0;
    fclose(f);
    if (!hex || n == 0) return -1;
    while (n > 0 && (hex[n - 1] == '\n' || hex[n - 1] == '\r')) n--;
    int rc = wetee_hex_decode(&c->events, hex, n);
    free(hex);
    if (rc != WETEE_OK) die_rc("wetee_hex_decode", rc);
    const wetee_md_storage *s =
        wetee_md_pallet_storage_by_name(c->md, wetee_metadata_pallet_by_name(c->md, "System"), "Events");
    if (!s) return -1;
    c->events_type = wetee_md_storage_value_type(s);
    wetee_value *v = NULL;
    rc = wetee_value_decode(&v, NULL, c->md, c->events_type, c->events.data, c->events.len);
    if (rc != WETEE_OK) die_rc("wetee_value_decode", rc);
    c->n_events = wetee_value_count(v);
    wetee_value_free(v);
    return 0;
}

static void events_decode_run(void *ctx, uint64_t iters)
{
    md_ctx *c = ctx;
    for (uint64_t i = 0; i < iters; i++) {
        wetee_value *v = NULL;
        int rc = wetee_value_decode(&v, NULL, c->md, c->events_type, c->events.data, c->events.len);
        if (rc != WETEE_OK) die_rc("wetee_value_decode", rc);
        wb_sink += wetee_value_count(v);
        wetee_value_free(v);
    }
}

/* per record: phase ApplyExtrinsic index (u32 LE), pallet index, event index */
static uint64_t events_check(void *ctx)
{
    md_ctx *c = ctx;
    wetee_value *v = NULL;
    uint64_t h = WB_FNV_INIT;
    int rc = wetee_value_decode(&v, NULL, c->md, c->events_type, c->events.data, c->events.len);
    if (rc != WETEE_OK) die_rc("wetee_value_decode", rc);
    for (size_t i = 0; i < wetee_value_count(v); i++) {
        const wetee_value *r = wetee_value_at(v, i);
        const wetee_value *ph = wetee_value_field(r, "phase"), *ev = wetee_value_field(r, "event");
        uint64_t x = 0;
        if (wetee_value_get_u64(&x, wetee_value_at(ph, 0)) != WETEE_OK) die_rc("phase", WETEE_ERR_DECODE);
        uint8_t rec[6] = { (uint8_t)x, (uint8_t)(x >> 8), (uint8_t)(x >> 16), (uint8_t)(x >> 24),
                           (uint8_t)wetee_value_variant_index(ev),
                           (uint8_t)wetee_value_variant_index(wetee_value_at(ev, 0)) };
        h = wb_fnv1a(h, rec, sizeof rec);
    }
    wetee_value_free(v);
    return h;
}

static void events_json_run(void *ctx, uint64_t iters)
{
    md_ctx *c = ctx;
    for (uint64_t i = 0; i < iters; i++) {
        int rc = wetee_events_decode_json(&c->json, c->md, c->events.data, c->events.len, NULL);
        if (rc != WETEE_OK) die_rc("wetee_events_decode_json", rc);
        wb_sink += c->json.len;
    }
}

static const wb_case cases[] = {
    { "md_baseline", 1, md_setup, baseline_run, baseline_check, md_teardown },
    { "md_parse", 1, md_setup, parse_run, parse_check, md_teardown },
    { "md_parse_lookup", 1, md_setup, parse_lookup_run, parse_lookup_check, md_teardown },
    { "md_lookup_call", 1, lookup_setup, lookup_run, lookup_check, md_teardown },
    { "events_decode", 126, events_setup, events_decode_run, events_check, md_teardown },
    { "events_decode_json", 126, events_setup, events_json_run, events_check, md_teardown },
};

static int heap_report(void)
{
#ifdef HAVE_MALLINFO2
    md_ctx c = { 0 };
    if (load_bytes(&c) != 0) return 1;
    struct mallinfo2 m0 = mallinfo2();
    size_t before = m0.uordblks + m0.hblkhd; /* small chunks + mmapped ones */
    wetee_metadata *md = parse(&c);
    struct mallinfo2 m1 = mallinfo2();
    size_t after = m1.uordblks + m1.hblkhd;
    printf("HEAP\tlibwetee\tmetadata bytes %zu\theap kept by the parsed metadata %zu (%.2fx)\n", c.len, after - before,
           (double)(after - before) / (double)c.len);
    wetee_metadata_free(md);
    free(c.bytes);
    return 0;
#else
    fprintf(stderr, "bench_metadata: --heap needs glibc's mallinfo2\n");
    return 1;
#endif
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--heap") == 0) return heap_report();
    return wb_main(argc, argv, "libwetee", cases, sizeof cases / sizeof cases[0]);
}
