/* Chain client over the JSON-RPC client (chain.h). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "chain/chain_impl.h"
#include "internal/common.h"
#include "wetee/hash.h"
#include "wetee/scale.h"
#include "wetee/value.h"

#define MOD "chain"

struct wetee_chain {
    wetee_rpc *rpc;
    int own_rpc;
    pthread_mutex_t mu;
    uint8_t genesis[32];
    uint32_t spec, txv;
    char spec_name[96];
    wetee_metadata *md;          /* current */
    wetee_metadata **all;        /* every metadata loaded (kept until free) */
    uint32_t *all_spec;
    size_t n_all;
    uint16_t ss58;
    unsigned decimals;
    char symbol[32];
    int new_rpc, tx_watch, has_head_storage, has_head_call;
    unsigned timeout;
    char *cache_dir, *md_path;
    wt_follow *fol;             /* new spec: the chain's own follow subscription for reads */
    pthread_mutex_t subs_mu;
    struct wetee_chain_blocks *blocks; /* open block subscriptions, stopped by wetee_chain_free() */
    struct wetee_chain_watch *watches; /* open watches, stopped by wetee_chain_free() */
    uint64_t legacy_storage, legacy_calls, upgrades; /* counters (atomic) */
};

static void count(uint64_t *n) { __atomic_add_fetch(n, 1, __ATOMIC_RELAXED); }

/* ------------------------------------------------------------------ */
/* helpers                                                             */
/* ------------------------------------------------------------------ */

static char *dupstr(const char *s)
{
    size_t n;
    char *d;
    if (!s) return NULL;
    n = strlen(s);
    d = wt_malloc(n + 1);
    if (d) memcpy(d, s, n + 1);
    return d;
}

static int call(wetee_buf *res, wetee_chain *c, const char *method, const char *params)
{
    return wetee_rpc_call(res, c->rpc, method, params ? params : "[]", SIZE_MAX, c->timeout);
}

/* call and parse the result as JSON */
static int call_json(json_t **out, wetee_chain *c, const char *method, const char *params)
{
    wetee_buf r = WETEE_BUF_INIT;
    int rc = call(&r, c, method, params);
    *out = NULL;
    if (rc == WETEE_OK) rc = wt_json_parse(out, (const char *)r.data, r.len, method);
    wetee_buf_free(&r);
    return rc;
}

/* JSON string literal of `s` (escaped), or null */
static char *jstr(const char *s)
{
    json_t *v = s ? json_string(s) : json_null();
    char *t = v ? json_dumps(v, JSON_ENCODE_ANY) : NULL;
    json_decref(v);
    return t;
}

static int hex_of(char **out, const uint8_t *p, size_t n)
{
    wetee_buf b = WETEE_BUF_INIT;
    int rc = wetee_hex_encode(&b, p, n, 0);
    *out = NULL;
    if (rc != WETEE_OK) return rc;
    *out = wt_malloc(b.len + 3);
    if (!*out) {
        wetee_buf_free(&b);
        return WETEE_ERR_NO_MEMORY;
    }
    (*out)[0] = '0';
    (*out)[1] = 'x';
    memcpy(*out + 2, b.data, b.len);
    (*out)[b.len + 2] = 0;
    wetee_buf_free(&b);
    return WETEE_OK;
}

/* hex result "0x.." (quoted JSON text) to bytes; `null` -> found 0 */
static int hex_result(wetee_buf *out, int *found, const wetee_buf *r, const char *what)
{
    const char *t = (const char *)r->data;
    size_t n = r->len;
    out->len = 0;
    if (found) *found = 0;
    if (n == 4 && !memcmp(t, "null", 4)) return WETEE_OK;
    if (n < 4 || t[0] != '"' || t[1] != '0' || t[2] != 'x' || t[n - 1] != '"')
        return wt_error(WETEE_ERR_DECODE, "chain: %s: expected a 0x-hex string, got %.60s", what, t);
    if (found) *found = 1;
    return wetee_hex_decode(out, t + 3, n - 4);
}

static int set_json_out(wetee_buf *out, const json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    int rc;
    if (!s) return WETEE_ERR_NO_MEMORY;
    out->len = 0;
    rc = wetee_buf_append(out, (const uint8_t *)s, strlen(s));
    wt_json_text_free(s);
    return rc == WETEE_OK ? wt_buf_terminate(out) : rc;
}

static const char *at_param(const char *at) { return at && *at ? at : NULL; }

/* runtime call `name` with SCALE `args`; output bytes: chainHead_v1_call
 * on the new spec (pinned block), else state_call */
static int state_call(wetee_buf *outb, wetee_chain *c, const char *name, const uint8_t *args, size_t n, const char *at)
{
    wetee_buf r = WETEE_BUF_INIT;
    char *hex = NULL, *params;
    size_t len;
    int rc;
    if ((rc = hex_of(&hex, args, n)) != WETEE_OK) return rc;
    if (c->fol && (rc = wt_follow_call(c->fol, outb, name, hex, at_param(at))) != WT_HEAD_FALLBACK) {
        wt_free(hex);
        return rc;
    }
    len = strlen(hex) + strlen(name) + 100;
    params = wt_malloc(len);
    if (!params) {
        wt_free(hex);
        return WETEE_ERR_NO_MEMORY;
    }
    if (at_param(at)) snprintf(params, len, "[\"%s\",\"%s\",\"%.70s\"]", name, hex, at);
    else snprintf(params, len, "[\"%s\",\"%s\"]", name, hex);
    wt_free(hex);
    count(&c->legacy_calls);
    rc = call(&r, c, "state_call", params);
    wt_free(params);
    if (rc == WETEE_OK) rc = hex_result(outb, NULL, &r, name);
    wetee_buf_free(&r);
    return rc;
}

/* ------------------------------------------------------------------ */
/* metadata                                                            */
/* ------------------------------------------------------------------ */

static int cache_path(char *out, size_t cap, const wetee_chain *c, uint32_t spec)
{
    int n = snprintf(out, cap, "%s/%s-%u.scale", c->cache_dir, c->spec_name, (unsigned)spec);
    return n > 0 && (size_t)n < cap ? WETEE_OK : WETEE_ERR_TOO_LONG;
}

static int read_file(wetee_buf *out, const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t tmp[65536];
    size_t n;
    int rc = WETEE_OK;
    if (!f) return wt_error(WETEE_ERR_IO, "chain: cannot open %s: %s", path, strerror(errno));
    out->len = 0;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0 && rc == WETEE_OK) rc = wetee_buf_append(out, tmp, n);
    if (ferror(f)) rc = wt_error(WETEE_ERR_IO, "chain: cannot read %s", path);
    fclose(f);
    return rc;
}

static int parse_md_bytes(wetee_metadata **md, const uint8_t *p, size_t n, const char *what)
{
    int rc;
    /* a file may hold SCALE, hex text or a JSON-RPC response */
    if (n > 0 && (p[0] == '{')) return wetee_metadata_parse_rpc_response(md, (const char *)p, n, NULL);
    if (n > 1 && ((p[0] == '0' && p[1] == 'x') || p[0] == '"')) return wetee_metadata_parse_hex(md, (const char *)p, n, NULL);
    rc = wetee_metadata_parse(md, p, n, NULL);
    if (rc != WETEE_OK) wt_error(rc, "chain: metadata from %s: %s", what, wetee_last_error());
    return rc;
}

/* newest stable version in Metadata_metadata_versions (Vec<u32>), or 0 */
static unsigned newest_version(const wetee_buf *v)
{
    unsigned best = 0;
    size_t i, n, off;
    if (v->len < 1) return 0;
    /* compact length (small lists only) */
    if ((v->data[0] & 3) != 0) return 0;
    n = v->data[0] >> 2;
    off = 1;
    if (v->len != off + 4 * n) return 0;
    for (i = 0; i < n; i++) {
        const uint8_t *q = v->data + off + 4 * i;
        uint32_t x = (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24;
        if (x >= 14 && x <= 16 && x > best) best = x;
    }
    return best;
}

static int fetch_metadata(wetee_metadata **md, wetee_buf *raw, wetee_chain *c)
{
    wetee_buf r = WETEE_BUF_INIT, v = WETEE_BUF_INIT;
    unsigned ver = 0;
    int rc = WETEE_OK;
    if (state_call(&v, c, "Metadata_metadata_versions", (const uint8_t *)"", 0, NULL) == WETEE_OK) ver = newest_version(&v);
    while (ver >= 14) {
        uint8_t arg[4] = { (uint8_t)ver, 0, 0, 0 };
        wetee_buf m = WETEE_BUF_INIT;
        /* Option<OpaqueMetadata>: 01, then the bytes with their length */
        if ((rc = state_call(&m, c, "Metadata_metadata_at_version", arg, 4, NULL)) == WETEE_OK) {
            wetee_scale_reader rd;
            const uint8_t *p;
            size_t n;
            int some = 0;
            wetee_scale_reader_init(&rd, m.data, m.len);
            if (wetee_scale_get_option(&rd, &some) == WETEE_OK && some && wetee_scale_get_bytes(&rd, &p, &n) == WETEE_OK) {
                raw->len = 0;
                if ((rc = wetee_buf_append(raw, p, n)) == WETEE_OK) rc = wetee_metadata_parse(md, raw->data, raw->len, NULL);
            } else rc = wt_error(WETEE_ERR_DECODE, "chain: Metadata_metadata_at_version(%u): no metadata", ver);
        }
        wetee_buf_free(&m);
        if (rc == WETEE_OK) break;
        ver--;
    }
    if (ver < 14 && c->fol) {
        /* the new spec: Metadata_metadata (OpaqueMetadata, with its length) */
        wetee_buf m = WETEE_BUF_INIT;
        wetee_scale_reader rd;
        const uint8_t *p;
        size_t n;
        if ((rc = state_call(&m, c, "Metadata_metadata", (const uint8_t *)"", 0, NULL)) == WETEE_OK) {
            wetee_scale_reader_init(&rd, m.data, m.len);
            raw->len = 0;
            if ((rc = wetee_scale_get_bytes(&rd, &p, &n)) == WETEE_OK && (rc = wetee_buf_append(raw, p, n)) == WETEE_OK)
                rc = wetee_metadata_parse(md, raw->data, raw->len, NULL);
        }
        wetee_buf_free(&m);
        if (rc == WETEE_OK) ver = 14;
    }
    if (ver < 14) {
        if ((rc = call(&r, c, "state_getMetadata", "[]")) == WETEE_OK && (rc = hex_result(raw, NULL, &r, "state_getMetadata")) == WETEE_OK)
            rc = wetee_metadata_parse(md, raw->data, raw->len, NULL);
    }
    wetee_buf_free(&r);
    wetee_buf_free(&v);
    return rc;
}

/* make `spec` current: from memory, the disk cache, or the node */
static int load_metadata(wetee_chain *c)
{
    wetee_metadata *md = NULL;
    wetee_buf raw = WETEE_BUF_INIT;
    char path[4096];
    size_t i;
    int rc = WETEE_OK, from_node = 0;
    for (i = 0; i < c->n_all; i++)
        if (c->all_spec[i] == c->spec) {
            c->md = c->all[i];
            return WETEE_OK;
        }
    if (c->md_path && c->n_all == 0) {
        if ((rc = read_file(&raw, c->md_path)) == WETEE_OK) rc = parse_md_bytes(&md, raw.data, raw.len, c->md_path);
    } else {
        if (c->cache_dir && cache_path(path, sizeof path, c, c->spec) == WETEE_OK && read_file(&raw, path) == WETEE_OK &&
            wetee_metadata_parse(&md, raw.data, raw.len, NULL) == WETEE_OK) {
            uint32_t s = 0;
            if (wetee_metadata_spec_version(&s, md) != WETEE_OK || s != c->spec) {
                wetee_metadata_free(md);
                md = NULL;
            }
        }
        if (!md) {
            rc = fetch_metadata(&md, &raw, c);
            from_node = 1;
        }
    }
    if (rc == WETEE_OK && from_node && c->cache_dir && cache_path(path, sizeof path, c, c->spec) == WETEE_OK) {
        char tmp[4200];
        FILE *f;
        snprintf(tmp, sizeof tmp, "%s.tmp%d", path, (int)getpid());
        f = fopen(tmp, "wb");
        if (f && fwrite(raw.data, 1, raw.len, f) == raw.len && fclose(f) == 0) rename(tmp, path);
        else {
            if (f) fclose(f);
            remove(tmp);
        }
    }
    wetee_buf_free(&raw);
    if (rc != WETEE_OK) return rc;
    {
        wetee_metadata **na = wt_realloc(c->all, (c->n_all + 1) * sizeof *na);
        uint32_t *ns;
        if (!na) {
            wetee_metadata_free(md);
            return WETEE_ERR_NO_MEMORY;
        }
        c->all = na;
        ns = wt_realloc(c->all_spec, (c->n_all + 1) * sizeof *ns);
        if (!ns) {
            wetee_metadata_free(md);
            return WETEE_ERR_NO_MEMORY;
        }
        c->all_spec = ns;
        c->all[c->n_all] = md;
        c->all_spec[c->n_all++] = c->spec;
        c->md = md;
    }
    return WETEE_OK;
}

/* the runtime just read; the spec name is kept safe for a file name */
static void set_runtime(wetee_chain *c, int *changed, uint64_t spec, uint64_t txv, const char *name)
{
    *changed = c->spec != (uint32_t)spec || c->txv != (uint32_t)txv;
    c->spec = (uint32_t)spec;
    c->txv = (uint32_t)txv;
    snprintf(c->spec_name, sizeof c->spec_name, "%s", name && *name ? name : "runtime");
    for (char *p = c->spec_name; *p; p++)
        if (*p == '/' || *p == '\\' || *p == '.') *p = '_';
}

/* Core_version's RuntimeVersion: spec_name, impl_name, authoring_version,
 * spec_version, impl_version, apis, transaction_version, ... */
static int decode_core_version(uint64_t *spec, uint64_t *txv, char *name, size_t cap, const wetee_buf *b)
{
    wetee_scale_reader r;
    const char *sn, *in;
    size_t snl, inl, napis;
    uint32_t auth, sv, iv, tv;
    const uint8_t *apis;
    wetee_scale_reader_init(&r, b->data, b->len);
    if (wetee_scale_get_str(&r, &sn, &snl) != WETEE_OK || wetee_scale_get_str(&r, &in, &inl) != WETEE_OK ||
        wetee_scale_get_u32(&r, &auth) != WETEE_OK || wetee_scale_get_u32(&r, &sv) != WETEE_OK ||
        wetee_scale_get_u32(&r, &iv) != WETEE_OK || wetee_scale_get_seq_len(&r, &napis, 12) != WETEE_OK ||
        wetee_scale_get_raw(&r, &apis, napis * 12) != WETEE_OK || wetee_scale_get_u32(&r, &tv) != WETEE_OK)
        return wt_error(WETEE_ERR_DECODE, "chain: Core_version: not a RuntimeVersion");
    *spec = sv;
    *txv = tv;
    snprintf(name, cap, "%.*s", (int)(snl < cap ? snl : cap - 1), sn);
    return WETEE_OK;
}

static int read_runtime_version(wetee_chain *c, int *changed)
{
    json_t *v;
    uint64_t spec = 0, txv = 0;
    const char *name;
    int rc;
    if (c->fol) {
        /* the new spec: Core_version on the best pinned block */
        wetee_buf b = WETEE_BUF_INIT;
        char nm[96];
        rc = wt_follow_call(c->fol, &b, "Core_version", "0x", NULL);
        if (rc == WETEE_OK) rc = decode_core_version(&spec, &txv, nm, sizeof nm, &b);
        wetee_buf_free(&b);
        if (rc == WETEE_OK) {
            set_runtime(c, changed, spec, txv, nm);
            return WETEE_OK;
        }
        if (rc != WT_HEAD_FALLBACK) return rc;
    }
    rc = call_json(&v, c, "state_getRuntimeVersion", "[]");
    if (rc != WETEE_OK) return rc;
    if ((rc = wt_u64_from_json(&spec, json_object_get(v, "specVersion"))) != WETEE_OK ||
        (rc = wt_u64_from_json(&txv, json_object_get(v, "transactionVersion"))) != WETEE_OK) {
        json_decref(v);
        return wt_error(WETEE_ERR_DECODE, "chain: state_getRuntimeVersion: no specVersion / transactionVersion");
    }
    name = json_string_value(json_object_get(v, "specName"));
    set_runtime(c, changed, spec, txv, name);
    json_decref(v);
    return WETEE_OK;
}

static const json_t *first(const json_t *v) { return json_is_array(v) ? json_array_get(v, 0) : v; }

static int read_properties(wetee_chain *c)
{
    json_t *p;
    const json_t *x;
    uint16_t pre = 42;
    int rc = call_json(&p, c, "system_properties", "[]");
    if (rc != WETEE_OK) return rc;
    if (c->md && wetee_metadata_ss58_prefix(&pre, c->md) != WETEE_OK) pre = 42;
    x = first(json_object_get(p, "ss58Format"));
    if (json_is_integer(x)) pre = (uint16_t)json_integer_value(x);
    c->ss58 = pre;
    x = first(json_object_get(p, "tokenDecimals"));
    c->decimals = json_is_integer(x) ? (unsigned)json_integer_value(x) : 0;
    x = first(json_object_get(p, "tokenSymbol"));
    snprintf(c->symbol, sizeof c->symbol, "%s", json_is_string(x) ? json_string_value(x) : "");
    json_decref(p);
    return WETEE_OK;
}

static int read_methods(wetee_chain *c, int mode)
{
    json_t *m;
    size_t i;
    int follow = 0, bcast = 0, watch = 0, storage = 0, hcall = 0;
    int rc = call_json(&m, c, "rpc_methods", "[]");
    if (rc != WETEE_OK) {
        if (mode == WETEE_CHAIN_RPC_LEGACY) return WETEE_OK;
        return rc;
    }
    for (i = 0; i < json_array_size(json_object_get(m, "methods")); i++) {
        const char *s = json_string_value(json_array_get(json_object_get(m, "methods"), i));
        if (!s) continue;
        follow |= !strcmp(s, "chainHead_v1_follow");
        bcast |= !strcmp(s, "transaction_v1_broadcast");
        watch |= !strcmp(s, "transactionWatch_v1_submitAndWatch");
        storage |= !strcmp(s, "chainHead_v1_storage");
        hcall |= !strcmp(s, "chainHead_v1_call");
    }
    json_decref(m);
    c->tx_watch = watch;
    c->has_head_storage = storage;
    c->has_head_call = hcall;
    if (mode == WETEE_CHAIN_RPC_LEGACY) c->new_rpc = 0;
    else if (follow && (bcast || watch)) c->new_rpc = 1;
    else if (mode == WETEE_CHAIN_RPC_NEW)
        return wt_error(WETEE_ERR_UNSUPPORTED, "chain: the node does not offer chainHead_v1_follow and transaction_v1 methods");
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* connection                                                          */
/* ------------------------------------------------------------------ */

int wetee_chain_new(wetee_chain **out, wetee_rpc *rpc, const wetee_chain_options *opts)
{
    wetee_chain *c;
    wetee_chain_options o = WETEE_CHAIN_OPTIONS_INIT;
    wetee_buf r = WETEE_BUF_INIT, g = WETEE_BUF_INIT;
    int rc, changed;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(rpc != NULL, MOD, "rpc is NULL");
    if (opts) {
        WT_ARG(opts->version == WETEE_CHAIN_OPTIONS_VERSION, MOD, "unknown options version");
        o = *opts;
    }
    WT_ARG(o.rpc_spec >= WETEE_CHAIN_RPC_AUTO && o.rpc_spec <= WETEE_CHAIN_RPC_NEW, MOD, "unknown rpc_spec");
    c = wt_calloc(1, sizeof *c);
    if (!c) return WETEE_ERR_NO_MEMORY;
    pthread_mutex_init(&c->mu, NULL);
    pthread_mutex_init(&c->subs_mu, NULL);
    c->rpc = rpc;
    c->timeout = o.timeout_ms;
    c->spec = UINT32_MAX;
    if ((o.cache_dir && !(c->cache_dir = dupstr(o.cache_dir))) || (o.metadata_path && !(c->md_path = dupstr(o.metadata_path)))) {
        rc = WETEE_ERR_NO_MEMORY;
        goto fail;
    }
    if ((rc = call(&r, c, "chain_getBlockHash", "[0]")) != WETEE_OK) goto fail;
    if ((rc = hex_result(&g, NULL, &r, "chain_getBlockHash")) != WETEE_OK) goto fail;
    if (g.len != 32) {
        rc = wt_error(WETEE_ERR_DECODE, "chain: chain_getBlockHash(0): not a 32-byte hash");
        goto fail;
    }
    memcpy(c->genesis, g.data, 32);
    if ((rc = read_methods(c, o.rpc_spec)) != WETEE_OK) goto fail;
    /* the new spec: reads go to chainHead_v1_storage / _call on the blocks
     * of the chain's own follow subscription (without one, e.g. over HTTP,
     * the legacy methods serve them) */
    if (c->new_rpc && (c->has_head_storage || c->has_head_call) &&
        wt_follow_new(&c->fol, rpc, c->timeout, c->has_head_storage, c->has_head_call) != WETEE_OK)
        c->fol = NULL;
    if ((rc = read_runtime_version(c, &changed)) != WETEE_OK) goto fail;
    if ((rc = load_metadata(c)) != WETEE_OK) goto fail;
    if ((rc = read_properties(c)) != WETEE_OK) goto fail;
    wetee_buf_free(&r);
    wetee_buf_free(&g);
    *out = c;
    return WETEE_OK;
fail:
    wetee_buf_free(&r);
    wetee_buf_free(&g);
    c->rpc = NULL;
    wetee_chain_free(c);
    return rc;
}

int wetee_chain_connect(wetee_chain **out, const char *urls, const wetee_chain_options *opts)
{
    wetee_rpc *rpc;
    wetee_rpc_options ro = WETEE_RPC_OPTIONS_INIT;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(urls != NULL, MOD, "urls is NULL");
    WT_ARG(!opts || opts->version == WETEE_CHAIN_OPTIONS_VERSION, MOD, "unknown options version");
    if (opts && opts->rpc) ro = *opts->rpc;
    ro.flags |= WETEE_RPC_CHECK_GENESIS;
    if ((rc = wetee_rpc_new(&rpc, urls, &ro)) != WETEE_OK) return rc;
    if ((rc = wetee_chain_new(out, rpc, opts)) != WETEE_OK) {
        wetee_rpc_free(rpc);
        return rc;
    }
    (*out)->own_rpc = 1;
    return WETEE_OK;
}

static void chain_detach_blocks(wetee_chain *c);

void wetee_chain_free(wetee_chain *c)
{
    size_t i;
    if (!c) return;
    chain_detach_blocks(c);
    wt_follow_free(c->fol);
    for (i = 0; i < c->n_all; i++) wetee_metadata_free(c->all[i]);
    wt_free(c->all);
    wt_free(c->all_spec);
    wt_free(c->cache_dir);
    wt_free(c->md_path);
    if (c->own_rpc) wetee_rpc_free(c->rpc);
    pthread_mutex_destroy(&c->subs_mu);
    pthread_mutex_destroy(&c->mu);
    wt_free(c);
}

wetee_rpc *wetee_chain_rpc(wetee_chain *c) { return c ? c->rpc : NULL; }

int wetee_chain_get_stats(wetee_chain_stats *out, wetee_chain *c)
{
    WT_ARG(out && c, MOD, "NULL argument");
    WT_ARG(out->version == WETEE_CHAIN_STATS_VERSION, MOD, "unknown stats version");
    memset(out, 0, sizeof *out);
    out->version = WETEE_CHAIN_STATS_VERSION;
    out->legacy_storage = __atomic_load_n(&c->legacy_storage, __ATOMIC_RELAXED);
    out->legacy_calls = __atomic_load_n(&c->legacy_calls, __ATOMIC_RELAXED);
    out->upgrades = __atomic_load_n(&c->upgrades, __ATOMIC_RELAXED);
    if (c->fol) {
        wt_follow_stats s;
        wt_follow_get_stats(&s, c->fol);
        out->head_storage = s.head_storage;
        out->head_calls = s.head_calls;
        out->head_fallbacks = s.fallbacks;
        out->head_continues = s.continues;
        out->follow_renewals = s.renewals;
        out->unpinned = s.unpinned;
    }
    return WETEE_OK;
}

int wetee_chain_genesis_hash(uint8_t out[32], wetee_chain *c)
{
    WT_ARG(out && c, MOD, "NULL argument");
    memcpy(out, c->genesis, 32);
    return WETEE_OK;
}

int wetee_chain_runtime_version(uint32_t *spec_version, uint32_t *transaction_version, wetee_chain *c)
{
    WT_ARG(c != NULL, MOD, "c is NULL");
    pthread_mutex_lock(&c->mu);
    if (spec_version) *spec_version = c->spec;
    if (transaction_version) *transaction_version = c->txv;
    pthread_mutex_unlock(&c->mu);
    return WETEE_OK;
}

const wetee_metadata *wetee_chain_metadata(wetee_chain *c)
{
    const wetee_metadata *md;
    if (!c) return NULL;
    pthread_mutex_lock(&c->mu);
    md = c->md;
    pthread_mutex_unlock(&c->mu);
    return md;
}

int wetee_chain_properties(uint16_t *ss58, unsigned *decimals, wetee_buf *symbol, wetee_chain *c)
{
    WT_ARG(c != NULL, MOD, "c is NULL");
    if (ss58) *ss58 = c->ss58;
    if (decimals) *decimals = c->decimals;
    if (symbol) {
        int rc;
        symbol->len = 0;
        if ((rc = wetee_buf_append(symbol, (const uint8_t *)c->symbol, strlen(c->symbol))) != WETEE_OK) return rc;
        return wt_buf_terminate(symbol);
    }
    return WETEE_OK;
}

int wetee_chain_uses_new_rpc(wetee_chain *c)
{
    WT_ARG(c != NULL, MOD, "c is NULL");
    return c->new_rpc;
}

int wetee_chain_refresh(int *upgraded, wetee_chain *c)
{
    int rc, changed = 0;
    WT_ARG(c != NULL, MOD, "c is NULL");
    pthread_mutex_lock(&c->mu);
    rc = read_runtime_version(c, &changed);
    if (rc == WETEE_OK && changed) {
        rc = load_metadata(c);
        if (rc == WETEE_OK) count(&c->upgrades);
    }
    pthread_mutex_unlock(&c->mu);
    if (upgraded) *upgraded = rc == WETEE_OK && changed;
    return rc;
}

/* ------------------------------------------------------------------ */
/* state                                                               */
/* ------------------------------------------------------------------ */

int wetee_chain_request(wetee_buf *out, wetee_chain *c, const char *method, const char *params)
{
    char *m, *p = NULL;
    int rc;
    WT_ARG(out && c && method, MOD, "NULL argument");
    /* the inputs may lie in `out`, which the call replaces: copy them first */
    if (!(m = dupstr(method)) || (params && !(p = dupstr(params)))) {
        wt_free(m);
        return WETEE_ERR_NO_MEMORY;
    }
    rc = call(out, c, m, p);
    wt_free(m);
    wt_free(p);
    return rc;
}

int wetee_chain_account_nonce(uint64_t *out, wetee_chain *c, const char *address)
{
    char *a, params[200];
    json_t *v;
    int rc;
    WT_ARG(out && c && address, MOD, "NULL argument");
    a = jstr(address);
    if (!a) return WETEE_ERR_NO_MEMORY;
    snprintf(params, sizeof params, "[%.180s]", a);
    wt_json_text_free(a);
    if ((rc = call_json(&v, c, "system_accountNextIndex", params)) != WETEE_OK) return rc;
    rc = wt_u64_from_json(out, v);
    json_decref(v);
    return rc;
}

int wetee_chain_block_hash(uint8_t out[32], wetee_chain *c, int64_t number)
{
    wetee_buf r = WETEE_BUF_INIT, h = WETEE_BUF_INIT;
    char params[40];
    int rc, found = 0;
    WT_ARG(out && c, MOD, "NULL argument");
    if (number >= 0) {
        snprintf(params, sizeof params, "[%lld]", (long long)number);
        rc = call(&r, c, "chain_getBlockHash", params);
    } else rc = call(&r, c, number == -1 ? "chain_getBlockHash" : "chain_getFinalizedHead", "[]");
    if (rc == WETEE_OK) rc = hex_result(&h, &found, &r, "block hash");
    if (rc == WETEE_OK && !found) rc = wt_error(WETEE_ERR_NOT_FOUND, "chain: no block %lld", (long long)number);
    if (rc == WETEE_OK && h.len != 32) rc = wt_error(WETEE_ERR_DECODE, "chain: block hash is not 32 bytes");
    if (rc == WETEE_OK) memcpy(out, h.data, 32);
    wetee_buf_free(&r);
    wetee_buf_free(&h);
    return rc;
}

int wetee_chain_header_json(wetee_buf *out, wetee_chain *c, const char *at)
{
    char params[100];
    int rc;
    WT_ARG(out && c, MOD, "NULL argument");
    snprintf(params, sizeof params, at_param(at) ? "[\"%.70s\"]" : "[]", at);
    rc = call(out, c, "chain_getHeader", params);
    if (rc == WETEE_OK && out->len == 4 && !memcmp(out->data, "null", 4))
        rc = wt_error(WETEE_ERR_NOT_FOUND, "chain: no header for block %s", at ? at : "(best)");
    return rc;
}

int wetee_chain_storage_raw(wetee_buf *out, int *found, wetee_chain *c, const char *key, const char *at)
{
    wetee_buf r = WETEE_BUF_INIT;
    char *k, *params;
    size_t n;
    int rc;
    WT_ARG(out && c && key, MOD, "NULL argument");
    if (c->fol && (rc = wt_follow_storage(c->fol, out, found, key, at_param(at))) != WT_HEAD_FALLBACK) return rc;
    count(&c->legacy_storage);
    if (!(k = jstr(key))) return WETEE_ERR_NO_MEMORY;
    n = strlen(k) + 100;
    params = wt_malloc(n);
    if (!params) {
        wt_json_text_free(k);
        return WETEE_ERR_NO_MEMORY;
    }
    if (at_param(at)) snprintf(params, n, "[%s,\"%.70s\"]", k, at);
    else snprintf(params, n, "[%s]", k);
    wt_json_text_free(k);
    rc = call(&r, c, "state_getStorage", params);
    wt_free(params);
    if (rc == WETEE_OK) rc = hex_result(out, found, &r, "state_getStorage");
    wetee_buf_free(&r);
    return rc;
}

static int find_storage(const wetee_md_storage **s, const wetee_metadata *md, const char *pallet, const char *entry)
{
    const wetee_md_pallet *p = wetee_metadata_pallet_by_name(md, pallet);
    *s = p ? wetee_md_pallet_storage_by_name(md, p, entry) : NULL;
    if (!*s) return wt_error(WETEE_ERR_NOT_FOUND, "chain: no storage %s.%s in the metadata", pallet, entry);
    return WETEE_OK;
}

int wetee_chain_storage_json(wetee_buf *out, wetee_chain *c, const char *pallet, const char *entry,
                             const char *keys_json, const char *at)
{
    const wetee_metadata *md;
    const wetee_md_storage *s;
    wetee_buf key = WETEE_BUF_INIT, val = WETEE_BUF_INIT;
    char *khex = NULL;
    int rc, found = 0;
    WT_ARG(out && c && pallet && entry, MOD, "NULL argument");
    md = wetee_chain_metadata(c);
    if ((rc = find_storage(&s, md, pallet, entry)) != WETEE_OK) return rc;
    if ((rc = wetee_storage_key_json(&key, md, s, keys_json, keys_json ? strlen(keys_json) : 0)) != WETEE_OK) goto done;
    if ((rc = hex_of(&khex, key.data, key.len)) != WETEE_OK) goto done;
    if ((rc = wetee_chain_storage_raw(&val, &found, c, khex, at)) != WETEE_OK) goto done;
    rc = wetee_storage_value_decode_json(out, md, s, found ? val.data : NULL, val.len, NULL);
done:
    wt_free(khex);
    wetee_buf_free(&key);
    wetee_buf_free(&val);
    return rc;
}

int wetee_chain_balance(wetee_u128 *out, wetee_chain *c, const char *address)
{
    wetee_buf js = WETEE_BUF_INIT;
    json_t *v = NULL, *fr;
    char *keys;
    int rc;
    WT_ARG(out && c && address, MOD, "NULL argument");
    {
        char *a = jstr(address);
        if (!a) return WETEE_ERR_NO_MEMORY;
        keys = wt_malloc(strlen(a) + 3);
        if (!keys) {
            wt_json_text_free(a);
            return WETEE_ERR_NO_MEMORY;
        }
        sprintf(keys, "[%s]", a);
        wt_json_text_free(a);
    }
    rc = wetee_chain_storage_json(&js, c, "System", "Account", keys, NULL);
    wt_free(keys);
    if (rc == WETEE_OK) rc = wt_json_parse(&v, (const char *)js.data, js.len, "System.Account");
    wetee_buf_free(&js);
    if (rc != WETEE_OK) return rc;
    fr = json_object_get(json_object_get(v, "data"), "free");
    if (json_is_integer(fr)) *out = wetee_u128_from_u64((uint64_t)json_integer_value(fr));
    else if (json_is_string(fr)) rc = wetee_u128_from_decimal(out, json_string_value(fr), strlen(json_string_value(fr)), 0);
    else rc = wt_error(WETEE_ERR_NOT_FOUND, "chain: System.Account has no data.free");
    json_decref(v);
    return rc;
}

/* legacy paged entries: state_getKeysPaged then state_queryStorageAt; [[key, value|null], ...] */
static int entries_legacy(json_t **pairs, wetee_chain *c, const char *phex, unsigned count_, const char *start_key, const char *at)
{
    char *params = NULL, *sk = NULL;
    json_t *keys = NULL, *changes = NULL;
    size_t i, j, m, n;
    int rc;
    *pairs = NULL;
    count(&c->legacy_storage);
    if (!(sk = jstr(start_key))) return WETEE_ERR_NO_MEMORY;
    n = strlen(phex) + strlen(sk) + 120;
    if (!(params = wt_malloc(n))) {
        wt_json_text_free(sk);
        return WETEE_ERR_NO_MEMORY;
    }
    if (at_param(at)) snprintf(params, n, "[\"%s\",%u,%s,\"%.70s\"]", phex, count_, sk, at);
    else snprintf(params, n, "[\"%s\",%u,%s]", phex, count_, sk);
    wt_json_text_free(sk);
    rc = call_json(&keys, c, "state_getKeysPaged", params);
    wt_free(params);
    if (rc != WETEE_OK) return rc;
    if (!json_is_array(keys)) {
        json_decref(keys);
        return wt_error(WETEE_ERR_DECODE, "chain: state_getKeysPaged: not an array");
    }
    if (json_array_size(keys)) {
        json_t *p = at_param(at) ? json_pack("[O,s]", keys, at) : json_pack("[O]", keys);
        char *pt = p ? json_dumps(p, JSON_COMPACT) : NULL;
        json_decref(p);
        if (!pt) {
            json_decref(keys);
            return WETEE_ERR_NO_MEMORY;
        }
        rc = call_json(&changes, c, "state_queryStorageAt", pt);
        wt_json_text_free(pt);
        if (rc != WETEE_OK) {
            json_decref(keys);
            return rc;
        }
    }
    *pairs = json_array();
    for (i = 0; i < json_array_size(keys); i++) {
        const char *k = json_string_value(json_array_get(keys, i));
        const char *vhex = NULL;
        if (!k) continue;
        /* the value among the changes of the (single) result */
        for (m = 0; m < json_array_size(changes) && !vhex; m++) {
            json_t *ch = json_object_get(json_array_get(changes, m), "changes");
            for (j = 0; j < json_array_size(ch); j++) {
                json_t *pair = json_array_get(ch, j);
                if (json_is_string(json_array_get(pair, 0)) && !strcmp(json_string_value(json_array_get(pair, 0)), k)) {
                    vhex = json_string_value(json_array_get(pair, 1));
                    break;
                }
            }
        }
        json_array_append_new(*pairs, json_pack("[s,o]", k, vhex ? json_string(vhex) : json_null()));
    }
    json_decref(keys);
    json_decref(changes);
    return WETEE_OK;
}

int wetee_chain_storage_entries_json(wetee_buf *out, wetee_chain *c, const char *pallet, const char *entry,
                                     const char *prefix_keys_json, unsigned count_, const char *start_key,
                                     const char *at)
{
    const wetee_metadata *md;
    const wetee_md_storage *s;
    wetee_buf pre = WETEE_BUF_INIT, kb = WETEE_BUF_INIT, js = WETEE_BUF_INIT;
    char *phex = NULL;
    json_t *pairs = NULL, *res = NULL;
    size_t i;
    int rc;
    WT_ARG(out && c && pallet && entry, MOD, "NULL argument");
    WT_ARG(count_ >= 1 && count_ <= 1000, MOD, "count must be 1..1000");
    md = wetee_chain_metadata(c);
    if ((rc = find_storage(&s, md, pallet, entry)) != WETEE_OK) return rc;
    if ((rc = wetee_storage_key_json(&pre, md, s, prefix_keys_json, prefix_keys_json ? strlen(prefix_keys_json) : 0)) != WETEE_OK ||
        (rc = hex_of(&phex, pre.data, pre.len)) != WETEE_OK)
        goto done;
    /* the new spec: the descendants of the prefix on a pinned block (the
     * node gives them all; the page is chosen here), else the legacy pages */
    rc = WT_HEAD_FALLBACK;
    if (c->fol) rc = wt_follow_entries(c->fol, &pairs, phex, at_param(start_key), count_, at_param(at));
    if (rc == WT_HEAD_FALLBACK) rc = entries_legacy(&pairs, c, phex, count_, start_key, at);
    if (rc != WETEE_OK) goto done;
    res = json_array();
    for (i = 0; i < json_array_size(pairs); i++) {
        const char *k = json_string_value(json_array_get(json_array_get(pairs, i), 0));
        const char *vhex = json_string_value(json_array_get(json_array_get(pairs, i), 1));
        json_t *kv = NULL, *vv = NULL;
        if ((rc = wetee_hex_decode(&kb, k, strlen(k))) != WETEE_OK) goto done;
        if ((rc = wetee_storage_key_decode_json(&js, md, s, kb.data, kb.len, NULL)) != WETEE_OK) goto done;
        if ((rc = wt_json_parse(&kv, (const char *)js.data, js.len, "storage key")) != WETEE_OK) goto done;
        if (vhex && (rc = wetee_hex_decode(&kb, vhex, strlen(vhex))) != WETEE_OK) goto item_fail;
        if ((rc = wetee_storage_value_decode_json(&js, md, s, vhex ? kb.data : NULL, vhex ? kb.len : 0, NULL)) != WETEE_OK)
            goto item_fail;
        if ((rc = wt_json_parse(&vv, (const char *)js.data, js.len, "storage value")) != WETEE_OK) goto item_fail;
        json_array_append_new(res, json_pack("{s:s,s:o,s:o}", "key", k, "keys", kv, "value", vv));
        continue;
    item_fail:
        json_decref(kv);
        goto done;
    }
    rc = set_json_out(out, res);
done:
    wt_free(phex);
    json_decref(pairs);
    json_decref(res);
    wetee_buf_free(&pre);
    wetee_buf_free(&kb);
    wetee_buf_free(&js);
    return rc;
}

int wetee_chain_constant_json(wetee_buf *out, wetee_chain *c, const char *pallet, const char *name)
{
    const wetee_metadata *md;
    const wetee_md_pallet *p;
    const wetee_md_constant *k;
    WT_ARG(out && c && pallet && name, MOD, "NULL argument");
    md = wetee_chain_metadata(c);
    p = wetee_metadata_pallet_by_name(md, pallet);
    k = p ? wetee_md_pallet_constant_by_name(md, p, name) : NULL;
    if (!k) return wt_error(WETEE_ERR_NOT_FOUND, "chain: no constant %s.%s in the metadata", pallet, name);
    return wetee_constant_json(out, md, k, NULL);
}

static int find_method(const wetee_md_method **m, const wetee_metadata *md, const char *api, const char *method)
{
    const wetee_md_runtime_api *a = wetee_metadata_runtime_api_by_name(md, api);
    *m = a ? wetee_md_runtime_api_method_by_name(md, a, method) : NULL;
    if (!*m)
        return wt_error(WETEE_ERR_NOT_FOUND, "chain: no runtime API %s_%s in the metadata (V%u)", api, method,
                        wetee_metadata_version(md));
    return WETEE_OK;
}

int wetee_chain_runtime_call_json(wetee_buf *out, wetee_chain *c, const char *api, const char *method,
                                  const char *args_json, const char *at)
{
    const wetee_metadata *md;
    const wetee_md_method *m;
    wetee_buf args = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
    json_t *a = NULL;
    char name[256];
    size_t i, n;
    int rc;
    WT_ARG(out && c && api && method, MOD, "NULL argument");
    md = wetee_chain_metadata(c);
    if ((rc = find_method(&m, md, api, method)) != WETEE_OK) return rc;
    n = wetee_md_method_input_count(m);
    if (args_json && *args_json && (rc = wt_json_parse(&a, args_json, strlen(args_json), "runtime call arguments")) != WETEE_OK)
        return rc;
    if (a && !json_is_array(a) && !json_is_object(a)) {
        json_decref(a);
        return wt_error(WETEE_ERR_DECODE, "chain: %s_%s: arguments must be a JSON array or object", api, method);
    }
    if ((json_is_array(a) ? json_array_size(a) : json_is_object(a) ? json_object_size(a) : 0) != n) {
        json_decref(a);
        return wt_error(WETEE_ERR_DECODE, "chain: %s_%s takes %zu arguments", api, method, n);
    }
    for (i = 0; i < n && rc == WETEE_OK; i++) {
        const wetee_md_field *f = wetee_md_method_input(m, i);
        json_t *v = json_is_array(a) ? json_array_get(a, i) : json_object_get(a, wetee_md_field_name(f));
        char *t;
        if (!v) {
            rc = wt_error(WETEE_ERR_DECODE, "chain: %s_%s: missing argument %s", api, method, wetee_md_field_name(f));
            break;
        }
        if (!(t = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY))) {
            rc = WETEE_ERR_NO_MEMORY;
            break;
        }
        rc = wetee_value_encode_json(&args, md, wetee_md_field_type(f), t, strlen(t));
        if (rc != WETEE_OK) wt_error(rc, "chain: %s_%s argument %s: %s", api, method, wetee_md_field_name(f), wetee_last_error());
        wt_json_text_free(t);
    }
    json_decref(a);
    snprintf(name, sizeof name, "%s_%s", api, method);
    if (rc == WETEE_OK) rc = state_call(&res, c, name, args.data, args.len, at);
    if (rc == WETEE_OK) rc = wetee_value_decode_json(out, md, wetee_md_method_output(m), res.data, res.len, NULL);
    wetee_buf_free(&args);
    wetee_buf_free(&res);
    return rc;
}

int wetee_chain_events_json(wetee_buf *out, wetee_chain *c, const char *at)
{
    const wetee_metadata *md;
    const wetee_md_storage *s;
    wetee_buf key = WETEE_BUF_INIT, val = WETEE_BUF_INIT;
    char *khex = NULL;
    int rc, found = 0;
    WT_ARG(out && c, MOD, "NULL argument");
    md = wetee_chain_metadata(c);
    if ((rc = find_storage(&s, md, "System", "Events")) != WETEE_OK) return rc;
    if ((rc = wetee_storage_key(&key, md, s, NULL, 0)) == WETEE_OK && (rc = hex_of(&khex, key.data, key.len)) == WETEE_OK &&
        (rc = wetee_chain_storage_raw(&val, &found, c, khex, at)) == WETEE_OK)
        rc = wetee_events_decode_json(out, md, found ? val.data : (const uint8_t *)"\0", found ? val.len : 1, NULL);
    wt_free(khex);
    wetee_buf_free(&key);
    wetee_buf_free(&val);
    return rc;
}

/* ------------------------------------------------------------------ */
/* transactions                                                        */
/* ------------------------------------------------------------------ */

int wetee_chain_tx_new(wetee_tx **out, wetee_chain *c)
{
    int rc;
    uint32_t spec, txv;
    WT_ARG(out && c, MOD, "NULL argument");
    *out = NULL;
    if ((rc = wetee_chain_refresh(NULL, c)) != WETEE_OK) return rc;
    pthread_mutex_lock(&c->mu);
    spec = c->spec;
    txv = c->txv;
    rc = wetee_tx_new(out, c->md);
    pthread_mutex_unlock(&c->mu);
    if (rc == WETEE_OK && ((rc = wetee_tx_set_genesis_hash(*out, c->genesis)) != WETEE_OK ||
                           (rc = wetee_tx_set_runtime_version(*out, spec, txv)) != WETEE_OK)) {
        wetee_tx_free(*out);
        *out = NULL;
    }
    return rc;
}

static int signer_address(wetee_buf *out, wetee_chain *c, const wetee_keypair *kp)
{
    uint8_t id[32];
    size_t n = 0;
    int rc = wetee_keypair_account_id(kp, id, &n);
    if (rc != WETEE_OK) return rc;
    if (n == 20) {
        char h[43];
        wt_hex_str(h, id, 20);
        out->len = 0;
        if ((rc = wetee_buf_append(out, (const uint8_t *)h, 42)) != WETEE_OK) return rc;
        return wt_buf_terminate(out);
    }
    return wetee_keypair_address(out, kp, c->ss58);
}

int wetee_chain_sign(wetee_buf *out, wetee_chain *c, wetee_tx *tx, const wetee_keypair *kp, uint64_t mortal_period)
{
    wetee_buf addr = WETEE_BUF_INIT, hdr = WETEE_BUF_INIT;
    uint64_t nonce;
    int rc;
    WT_ARG(out && c && tx && kp, MOD, "NULL argument");
    if ((rc = signer_address(&addr, c, kp)) != WETEE_OK) return rc;
    rc = wetee_chain_account_nonce(&nonce, c, (const char *)addr.data);
    wetee_buf_free(&addr);
    if (rc == WETEE_OK) rc = wetee_tx_set_nonce(tx, nonce);
    if (rc == WETEE_OK && mortal_period) {
        /* the era starts at the best block */
        json_t *h = NULL;
        uint64_t num = 0;
        uint8_t hash[32];
        if ((rc = wetee_chain_block_hash(hash, c, -1)) == WETEE_OK) {
            char hx[67];
            wt_hex_str(hx, hash, 32);
            if ((rc = wetee_chain_header_json(&hdr, c, hx)) == WETEE_OK &&
                (rc = wt_json_parse(&h, (const char *)hdr.data, hdr.len, "header")) == WETEE_OK &&
                (rc = wt_u64_from_json(&num, json_object_get(h, "number"))) == WETEE_OK) {
                uint64_t birth = num;
                uint8_t era[2];
                wetee_era_mortal(era, mortal_period, num, &birth);
                if (birth != num) {
                    /* long periods: the era starts at an earlier block */
                    uint8_t bh[32];
                    if ((rc = wetee_chain_block_hash(bh, c, (int64_t)birth)) == WETEE_OK)
                        rc = wetee_tx_set_mortal(tx, mortal_period, birth, bh);
                } else rc = wetee_tx_set_mortal(tx, mortal_period, num, hash);
            }
        }
        json_decref(h);
    }
    wetee_buf_free(&hdr);
    if (rc == WETEE_OK) rc = wetee_tx_sign(out, tx, kp);
    return rc;
}

static int fee_call(wetee_buf *out, wetee_chain *c, const uint8_t *ext, size_t len, const char *method)
{
    const wetee_metadata *md;
    const wetee_md_method *m;
    wetee_buf args = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
    char name[96];
    int rc;
    WT_ARG_DATA(ext, len, MOD);
    WT_ARG(out && c, MOD, "NULL argument");
    WT_ARG(len <= UINT32_MAX, MOD, "extrinsic too long");
    md = wetee_chain_metadata(c);
    if ((rc = find_method(&m, md, "TransactionPaymentApi", method)) != WETEE_OK) return rc;
    /* (uxt: Extrinsic, len: u32): the extrinsic is its own encoding */
    if ((rc = wetee_buf_append(&args, ext, len)) == WETEE_OK) {
        uint8_t l[4] = { (uint8_t)len, (uint8_t)(len >> 8), (uint8_t)(len >> 16), (uint8_t)(len >> 24) };
        rc = wetee_buf_append(&args, l, 4);
    }
    snprintf(name, sizeof name, "TransactionPaymentApi_%s", method);
    if (rc == WETEE_OK) rc = state_call(&res, c, name, args.data, args.len, NULL);
    if (rc == WETEE_OK) rc = wetee_value_decode_json(out, md, wetee_md_method_output(m), res.data, res.len, NULL);
    wetee_buf_free(&args);
    wetee_buf_free(&res);
    return rc;
}

int wetee_chain_fee_info_json(wetee_buf *out, wetee_chain *c, const uint8_t *ext, size_t len)
{
    return fee_call(out, c, ext, len, "query_info");
}

int wetee_chain_fee_details_json(wetee_buf *out, wetee_chain *c, const uint8_t *ext, size_t len)
{
    return fee_call(out, c, ext, len, "query_fee_details");
}

int wetee_chain_estimate_fee(wetee_u128 *out, wetee_chain *c, const uint8_t *ext, size_t len)
{
    wetee_buf js = WETEE_BUF_INIT;
    json_t *v = NULL, *f;
    int rc;
    WT_ARG_DATA(ext, len, MOD);
    WT_ARG(out != NULL, MOD, "out is NULL");
    if ((rc = wetee_chain_fee_info_json(&js, c, ext, len)) == WETEE_OK)
        rc = wt_json_parse(&v, (const char *)js.data, js.len, "query_info");
    wetee_buf_free(&js);
    if (rc != WETEE_OK) return rc;
    f = json_object_get(v, "partial_fee");
    if (json_is_integer(f)) *out = wetee_u128_from_u64((uint64_t)json_integer_value(f));
    else if (json_is_string(f)) rc = wetee_u128_from_decimal(out, json_string_value(f), strlen(json_string_value(f)), 0);
    else rc = wt_error(WETEE_ERR_DECODE, "chain: query_info has no partial_fee");
    json_decref(v);
    return rc;
}

/* TaggedTransactionQueue_validate_transaction(External, tx, best): NULL
 * reason when valid, else the decoded error (caller frees) */
static int validate_tx(char **reason, wetee_chain *c, const uint8_t *ext, size_t len)
{
    const wetee_metadata *md = wetee_chain_metadata(c);
    const wetee_md_method *m;
    wetee_buf args = WETEE_BUF_INIT, res = WETEE_BUF_INIT, js = WETEE_BUF_INIT;
    uint8_t best[32];
    int rc;
    *reason = NULL;
    if ((rc = find_method(&m, md, "TaggedTransactionQueue", "validate_transaction")) != WETEE_OK) return WETEE_OK;
    if ((rc = wetee_chain_block_hash(best, c, -1)) != WETEE_OK) return rc;
    if ((rc = wetee_buf_append(&args, (const uint8_t *)"\x02", 1)) == WETEE_OK &&
        (rc = wetee_buf_append(&args, ext, len)) == WETEE_OK && (rc = wetee_buf_append(&args, best, 32)) == WETEE_OK)
        rc = state_call(&res, c, "TaggedTransactionQueue_validate_transaction", args.data, args.len, NULL);
    if (rc == WETEE_OK && res.len > 0 && res.data[0] == 1) {
        if (wetee_value_decode_json(&js, md, wetee_md_method_output(m), res.data, res.len, NULL) == WETEE_OK)
            *reason = dupstr((const char *)js.data);
        else *reason = dupstr("invalid");
        if (!*reason) rc = WETEE_ERR_NO_MEMORY;
    }
    wetee_buf_free(&args);
    wetee_buf_free(&res);
    wetee_buf_free(&js);
    return rc;
}

static int ext_param(char **out, const uint8_t *ext, size_t len)
{
    char *hex;
    int rc = hex_of(&hex, ext, len);
    if (rc != WETEE_OK) return rc;
    *out = wt_malloc(strlen(hex) + 5);
    if (!*out) {
        wt_free(hex);
        return WETEE_ERR_NO_MEMORY;
    }
    sprintf(*out, "[\"%s\"]", hex);
    wt_free(hex);
    return WETEE_OK;
}

int wetee_chain_submit(uint8_t *hash, wetee_chain *c, const uint8_t *ext, size_t len)
{
    wetee_buf r = WETEE_BUF_INIT;
    char *params = NULL, *reason = NULL;
    int rc;
    WT_ARG_DATA(ext, len, MOD);
    WT_ARG(c != NULL, MOD, "c is NULL");
    if (hash) wetee_extrinsic_hash(hash, ext, len);
    if ((rc = ext_param(&params, ext, len)) != WETEE_OK) return rc;
    if (c->new_rpc) {
        /* broadcast gives no verdict: validate first */
        if ((rc = validate_tx(&reason, c, ext, len)) == WETEE_OK && reason)
            rc = wt_error(WETEE_ERR_RPC, "chain: transaction invalid: %s", reason);
        if (rc == WETEE_OK) rc = call(&r, c, "transaction_v1_broadcast", params);
    } else
        rc = call(&r, c, "author_submitExtrinsic", params);
    wt_free(reason);
    wt_free(params);
    wetee_buf_free(&r);
    return rc;
}

/* ------------------------------------------------------------------ */
/* watching                                                            */
/* ------------------------------------------------------------------ */

typedef struct wt_note {
    struct wt_note *next;
    int kind;
    size_t len;
    char text[];
} wt_note;

enum { MODE_LEGACY, MODE_TXWATCH, MODE_BROADCAST };

struct wetee_chain_watch {
    wetee_chain *c;
    wetee_rpc_sub *sub;
    int mode;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    wt_note *head, *tail;
    uint8_t tx_hash[32];
    int status;
    int final;
    int lost;
    int has_block;
    uint8_t block[32];
    long index;
    int64_t number;
    json_t *outcome; /* success, error, events */
    char reason[512];
    wetee_chain_tx_fn cb;
    void *ctx;
    char *bcast_id;  /* transaction_v1_broadcast operation id (JSON text) */
    wt_heads heads;
    struct {
        char id[64];
        uint8_t hash[32];
    } ops[16];
    size_t n_ops;
    uint8_t fin_ring[32][32]; /* recently finalized blocks: a body may be read after its block is finalized */
    size_t n_fin;
    struct wetee_chain_watch *next_watch; /* in c->watches */
    int detached;                         /* stopped by wetee_chain_free(): c is gone */
};

static void watch_note(void *ctx, int kind, const char *json, size_t len)
{
    wetee_chain_watch *w = ctx;
    wt_note *n = wt_malloc(sizeof *n + len + 1);
    if (!n) return; /* reported as a lost notification below */
    n->next = NULL;
    n->kind = kind;
    n->len = len;
    if (len) memcpy(n->text, json, len);
    n->text[len] = 0;
    pthread_mutex_lock(&w->mu);
    if (w->tail) w->tail->next = n;
    else w->head = n;
    w->tail = n;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

static int state_json(wetee_buf *out, wetee_chain_watch *w)
{
    json_t *o = json_object();
    char hx[67];
    int rc;
    json_object_set_new(o, "status", json_string(wetee_tx_status_name(w->status)));
    wt_hex_str(hx, w->tx_hash, 32);
    json_object_set_new(o, "hash", json_string(hx));
    if (w->has_block) {
        wt_hex_str(hx, w->block, 32);
        json_object_set_new(o, "block", json_string(hx));
    } else json_object_set_new(o, "block", json_null());
    json_object_set_new(o, "blockNumber", w->number >= 0 ? json_integer(w->number) : json_null());
    json_object_set_new(o, "index", w->index >= 0 ? json_integer(w->index) : json_null());
    if (w->outcome && w->has_block) json_object_update(o, w->outcome);
    else {
        json_object_set_new(o, "success", json_null());
        json_object_set_new(o, "error", json_null());
        json_object_set_new(o, "events", json_array());
    }
    json_object_set_new(o, "reason", w->reason[0] ? json_string(w->reason) : json_null());
    rc = set_json_out(out, o);
    json_decref(o);
    return rc;
}

static void report(wetee_chain_watch *w)
{
    wetee_buf b = WETEE_BUF_INIT;
    if (w->cb && state_json(&b, w) == WETEE_OK) w->cb(w->ctx, w->status, (const char *)b.data);
    wetee_buf_free(&b);
}

/* the extrinsic's index, number and events in block w->block */
static int fetch_outcome_legacy(wetee_chain_watch *w)
{
    json_t *blk = NULL;
    wetee_buf ev = WETEE_BUF_INIT, key = WETEE_BUF_INIT;
    char hx[67], params[90];
    uint64_t num = 0;
    int rc;
    wt_hex_str(hx, w->block, 32);
    snprintf(params, sizeof params, "[\"%s\"]", hx);
    if ((rc = call_json(&blk, w->c, "chain_getBlock", params)) != WETEE_OK) return rc;
    w->index = wt_find_extrinsic(json_object_get(json_object_get(blk, "block"), "extrinsics"), w->tx_hash);
    if (wt_u64_from_json(&num, json_object_get(json_object_get(json_object_get(blk, "block"), "header"), "number")) == WETEE_OK)
        w->number = (int64_t)num;
    json_decref(blk);
    if (w->index < 0) return wt_error(WETEE_ERR_NOT_FOUND, "chain: the transaction is not in block %s", hx);
    {
        const wetee_metadata *md = wetee_chain_metadata(w->c);
        const wetee_md_storage *s;
        char *khex = NULL;
        int found = 0;
        if ((rc = find_storage(&s, md, "System", "Events")) == WETEE_OK && (rc = wetee_storage_key(&key, md, s, NULL, 0)) == WETEE_OK &&
            (rc = hex_of(&khex, key.data, key.len)) == WETEE_OK && (rc = wetee_chain_storage_raw(&ev, &found, w->c, khex, hx)) == WETEE_OK) {
            json_decref(w->outcome);
            w->outcome = json_object();
            rc = wt_extrinsic_outcome(w->outcome, md, ev.data, ev.len, w->index);
        }
        wt_free(khex);
    }
    wetee_buf_free(&ev);
    wetee_buf_free(&key);
    return rc;
}

static int deadline_wait(wetee_chain_watch *w, const struct timespec *dl)
{
    int r = 0;
    while (!w->head && r != ETIMEDOUT) r = dl ? pthread_cond_timedwait(&w->cv, &w->mu, dl) : pthread_cond_wait(&w->cv, &w->mu);
    return w->head ? 0 : ETIMEDOUT;
}

static int sub_id(char *out, size_t cap, wetee_rpc_sub *sub)
{
    wetee_buf b = WETEE_BUF_INIT;
    int rc = wetee_rpc_sub_id(&b, sub);
    if (rc == WETEE_OK) snprintf(out, cap, "%s", (const char *)b.data);
    wetee_buf_free(&b);
    return rc;
}

/* chainHead_v1_unpin of the blocks the bookkeeping released (the answer
 * is not needed: a failed unpin only keeps a block pinned longer) */
static void unpin(wetee_chain *c, const char *follow_id, const wt_head_actions *a)
{
    json_t *p = json_array(), *hs = json_array();
    char hx[67], *pt;
    size_t i;
    for (i = 0; i < a->n_unpin; i++) {
        wt_hex_str(hx, a->unpin[i], 32);
        json_array_append_new(hs, json_string(hx));
    }
    json_array_append_new(p, json_loads(follow_id, JSON_DECODE_ANY, NULL));
    json_array_append_new(p, hs);
    pt = json_dumps(p, JSON_COMPACT);
    json_decref(p);
    if (pt) {
        wetee_buf r = WETEE_BUF_INIT;
        call(&r, c, "chainHead_v1_unpin", pt);
        wetee_buf_free(&r);
        wt_json_text_free(pt);
    }
}

/* new spec without transactionWatch: look for the transaction in new blocks */
static int follow_event(wetee_chain_watch *w, const char *text, size_t len)
{
    json_t *ev = NULL;
    wt_head_actions a;
    char fid[128], hx[67], params[400];
    size_t i;
    int rc;
    const char *e;
    if ((rc = wt_json_parse(&ev, text, len, "chainHead_v1_followEvent")) != WETEE_OK) return rc;
    e = json_string_value(json_object_get(ev, "event"));
    if ((rc = wt_heads_apply(&w->heads, &a, ev)) != WETEE_OK) {
        json_decref(ev);
        return rc;
    }
    if (sub_id(fid, sizeof fid, w->sub) != WETEE_OK) fid[0] = 0;
    if (a.kind == 5) {
        /* stop: the server dropped the subscription; follow again and rescan */
        w->n_ops = 0;
        rc = wetee_rpc_sub_renew(w->sub, w->c->timeout);
        goto done;
    }
    /* bodies of new blocks */
    for (i = 0; i < a.n_added && fid[0] && w->status < WETEE_TX_IN_BLOCK; i++) {
        json_t *r = NULL;
        wt_hex_str(hx, a.added[i], 32);
        snprintf(params, sizeof params, "[%s,\"%s\"]", fid, hx);
        if (call_json(&r, w->c, "chainHead_v1_body", params) == WETEE_OK) {
            const char *op = json_string_value(json_object_get(r, "operationId"));
            if (op && w->n_ops < sizeof w->ops / sizeof w->ops[0]) {
                snprintf(w->ops[w->n_ops].id, sizeof w->ops[0].id, "%s", op);
                memcpy(w->ops[w->n_ops++].hash, a.added[i], 32);
            }
        }
        json_decref(r);
    }
    if (e && !strcmp(e, "operationBodyDone")) {
        const char *op = json_string_value(json_object_get(ev, "operationId"));
        for (i = 0; op && i < w->n_ops; i++) {
            if (strcmp(w->ops[i].id, op) != 0) continue;
            if (wt_find_extrinsic(json_object_get(ev, "value"), w->tx_hash) >= 0 && w->status < WETEE_TX_IN_BLOCK) {
                memcpy(w->block, w->ops[i].hash, 32);
                w->has_block = 1;
                w->status = WETEE_TX_IN_BLOCK;
                if ((rc = fetch_outcome_legacy(w)) == WETEE_OK) report(w);
                for (size_t k = 0; rc == WETEE_OK && k < w->n_fin && k < 32; k++)
                    if (!memcmp(w->fin_ring[k], w->block, 32)) {
                        w->status = WETEE_TX_FINALIZED;
                        w->final = 1;
                        report(w);
                        break;
                    }
            }
            w->ops[i] = w->ops[--w->n_ops];
            break;
        }
    }
    for (i = 0; i < a.n_pruned; i++)
        if (w->has_block && !memcmp(a.pruned[i], w->block, 32) && w->status == WETEE_TX_IN_BLOCK) {
            w->status = WETEE_TX_RETRACTED;
            report(w);
        }
    {
        /* the blocks of `initialized` (after a stop, too) are finalized ones */
        uint8_t(*fin)[32] = a.kind == 1 ? a.added : a.finalized;
        size_t nfin = a.kind == 1 ? a.n_added : a.n_finalized;
        for (i = 0; i < nfin; i++) memcpy(w->fin_ring[w->n_fin++ % 32], fin[i], 32);
        for (i = 0; i < nfin; i++)
            if (w->has_block && !memcmp(fin[i], w->block, 32) && w->status == WETEE_TX_IN_BLOCK) {
                w->status = WETEE_TX_FINALIZED;
                w->final = 1;
                report(w);
            }
    }
    if (a.n_unpin && fid[0]) unpin(w->c, fid, &a);
done:
    wt_head_actions_free(&a);
    json_decref(ev);
    return rc;
}

static int handle(wetee_chain_watch *w, wt_note *n)
{
    wt_tx_event ev;
    int rc = WETEE_OK;
    if (n->kind == WETEE_RPC_SUB_LOST || n->kind == WETEE_RPC_SUB_CLOSED) {
        if (w->mode != MODE_BROADCAST || n->kind == WETEE_RPC_SUB_CLOSED) {
            w->lost = 1;
            snprintf(w->reason, sizeof w->reason, "connection lost while watching (last status %s); not resubmitted",
                     wetee_tx_status_name(w->status));
            return WETEE_OK;
        }
        return WETEE_OK;
    }
    if (n->kind == WETEE_RPC_SUB_RESUBSCRIBED) {
        w->heads.n = 0; /* the new subscription starts with initialized */
        w->n_ops = 0;
        return WETEE_OK;
    }
    if (w->mode == MODE_BROADCAST) return follow_event(w, n->text, n->len);
    rc = w->mode == MODE_LEGACY ? wt_tx_event_parse_legacy(&ev, n->text, n->len) : wt_tx_event_parse_new(&ev, n->text, n->len);
    if (rc != WETEE_OK || !ev.status) return rc;
    w->status = ev.status;
    if (ev.reason[0]) snprintf(w->reason, sizeof w->reason, "%s", ev.reason);
    if (ev.status == WETEE_TX_RETRACTED) {
        w->has_block = 0;
        json_decref(w->outcome);
        w->outcome = NULL;
    }
    if (ev.has_block && (ev.status == WETEE_TX_IN_BLOCK || ev.status == WETEE_TX_FINALIZED)) {
        if (!w->has_block || memcmp(w->block, ev.block_hash, 32) != 0 || !w->outcome) {
            memcpy(w->block, ev.block_hash, 32);
            w->has_block = 1;
            if ((rc = fetch_outcome_legacy(w)) != WETEE_OK) return rc;
        }
    }
    if (ev.status >= WETEE_TX_FINALIZED) w->final = 1;
    report(w);
    return WETEE_OK;
}

int wetee_chain_submit_watch(wetee_chain_watch **out, wetee_chain *c, const uint8_t *ext, size_t len,
                             wetee_chain_tx_fn cb, void *ctx)
{
    wetee_chain_watch *w;
    char *params = NULL, *reason = NULL;
    int rc;
    WT_ARG_DATA(ext, len, MOD);
    WT_ARG(out && c, MOD, "NULL argument");
    *out = NULL;
    w = wt_calloc(1, sizeof *w);
    if (!w) return WETEE_ERR_NO_MEMORY;
    w->c = c;
    w->cb = cb;
    w->ctx = ctx;
    w->index = -1;
    w->number = -1;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    wetee_extrinsic_hash(w->tx_hash, ext, len);
    w->mode = !c->new_rpc ? MODE_LEGACY : c->tx_watch ? MODE_TXWATCH : MODE_BROADCAST;
    if ((rc = ext_param(&params, ext, len)) != WETEE_OK) goto fail;
    if (w->mode == MODE_LEGACY)
        rc = wetee_rpc_subscribe(&w->sub, c->rpc, "author_submitAndWatchExtrinsic", params, SIZE_MAX,
                                 "author_unwatchExtrinsic", WETEE_RPC_SUB_NO_RESUBSCRIBE, watch_note, w, c->timeout);
    else if (w->mode == MODE_TXWATCH)
        rc = wetee_rpc_subscribe(&w->sub, c->rpc, "transactionWatch_v1_submitAndWatch", params, SIZE_MAX,
                                 "transactionWatch_v1_unwatch", WETEE_RPC_SUB_NO_RESUBSCRIBE, watch_note, w, c->timeout);
    else {
        wetee_buf r = WETEE_BUF_INIT;
        if ((rc = validate_tx(&reason, c, ext, len)) == WETEE_OK && reason)
            rc = wt_error(WETEE_ERR_RPC, "chain: transaction invalid: %s", reason);
        /* follow first so that no block is missed, then broadcast */
        if (rc == WETEE_OK)
            rc = wetee_rpc_subscribe(&w->sub, c->rpc, "chainHead_v1_follow", "[false]", SIZE_MAX, "chainHead_v1_unfollow",
                                     0, watch_note, w, c->timeout);
        if (rc == WETEE_OK && (rc = call(&r, c, "transaction_v1_broadcast", params)) == WETEE_OK) {
            w->bcast_id = dupstr((const char *)r.data);
            w->status = WETEE_TX_BROADCAST;
        }
        wetee_buf_free(&r);
    }
    if (rc != WETEE_OK) goto fail;
    wt_free(params);
    pthread_mutex_lock(&c->subs_mu);
    w->next_watch = c->watches;
    c->watches = w;
    pthread_mutex_unlock(&c->subs_mu);
    *out = w;
    return WETEE_OK;
fail:
    wt_free(params);
    wt_free(reason);
    wetee_chain_watch_free(w);
    return rc;
}

int wetee_chain_watch_wait(wetee_buf *result, wetee_chain_watch *w, int until, unsigned timeout_ms)
{
    struct timespec dl;
    int rc = WETEE_OK;
    WT_ARG(w != NULL, MOD, "w is NULL");
    WT_ARG(until == WETEE_TX_IN_BLOCK || until == WETEE_TX_FINALIZED, MOD, "until must be IN_BLOCK or FINALIZED");
    if (w->detached) return wt_error(WETEE_ERR_STATE, "chain: watch_wait: the chain of this watch was freed");
    if (timeout_ms) {
        clock_gettime(CLOCK_REALTIME, &dl);
        dl.tv_sec += timeout_ms / 1000;
        dl.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
        if (dl.tv_nsec >= 1000000000L) {
            dl.tv_sec++;
            dl.tv_nsec -= 1000000000L;
        }
    }
    for (;;) {
        wt_note *n;
        int reached = (w->status == WETEE_TX_FINALIZED) || (until == WETEE_TX_IN_BLOCK && w->status == WETEE_TX_IN_BLOCK);
        if (reached) break;
        if (w->final) {
            rc = wt_error(WETEE_ERR_RPC, "chain: transaction %s%s%s", wetee_tx_status_name(w->status), w->reason[0] ? ": " : "",
                          w->reason);
            break;
        }
        if (w->lost) {
            rc = wt_error(WETEE_ERR_NETWORK, "chain: %s", w->reason);
            break;
        }
        pthread_mutex_lock(&w->mu);
        if (deadline_wait(w, timeout_ms ? &dl : NULL) != 0) {
            pthread_mutex_unlock(&w->mu);
            rc = wt_error(WETEE_ERR_TIMEOUT, "chain: transaction still %s after %u ms", wetee_tx_status_name(w->status), timeout_ms);
            break;
        }
        n = w->head;
        w->head = n->next;
        if (!w->head) w->tail = NULL;
        pthread_mutex_unlock(&w->mu);
        rc = handle(w, n);
        wt_free(n);
        if (rc != WETEE_OK) break;
    }
    if (result) {
        int saved = rc;
        char detail[512];
        snprintf(detail, sizeof detail, "%s", rc != WETEE_OK ? wetee_last_error() : "");
        if (state_json(result, w) != WETEE_OK) result->len = 0;
        if (saved != WETEE_OK) wt_error(saved, "%s", detail);
    }
    return rc;
}

/* unsubscribe (and stop a broadcast); no callback after it */
static void watch_stop(wetee_chain_watch *w)
{
    if (w->sub) wetee_rpc_unsubscribe(w->sub);
    w->sub = NULL;
    if (w->bcast_id) {
        char params[200];
        wetee_buf r = WETEE_BUF_INIT;
        snprintf(params, sizeof params, "[%.180s]", w->bcast_id);
        call(&r, w->c, "transaction_v1_stop", params);
        wetee_buf_free(&r);
        wt_free(w->bcast_id);
        w->bcast_id = NULL;
    }
}

void wetee_chain_watch_free(wetee_chain_watch *w)
{
    wt_note *n;
    if (!w) return;
    if (!w->detached) {
        wetee_chain_watch **pp;
        pthread_mutex_lock(&w->c->subs_mu);
        for (pp = &w->c->watches; *pp; pp = &(*pp)->next_watch)
            if (*pp == w) {
                *pp = w->next_watch;
                break;
            }
        pthread_mutex_unlock(&w->c->subs_mu);
        watch_stop(w);
    }
    while ((n = w->head)) {
        w->head = n->next;
        wt_free(n);
    }
    json_decref(w->outcome);
    wt_heads_free(&w->heads);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
    wt_free(w);
}

int wetee_chain_submit_and_watch(wetee_buf *result, wetee_chain *c, const uint8_t *ext, size_t len, int until,
                                 unsigned timeout_ms)
{
    wetee_chain_watch *w;
    int rc;
    WT_ARG_DATA(ext, len, MOD);
    WT_ARG(until == WETEE_TX_IN_BLOCK || until == WETEE_TX_FINALIZED, MOD, "until must be IN_BLOCK or FINALIZED");
    if ((rc = wetee_chain_submit_watch(&w, c, ext, len, NULL, NULL)) != WETEE_OK) return rc;
    rc = wetee_chain_watch_wait(result, w, until, timeout_ms);
    {
        char detail[512];
        snprintf(detail, sizeof detail, "%s", wetee_last_error());
        wetee_chain_watch_free(w);
        if (rc != WETEE_OK) wt_error(rc, "%s", detail);
    }
    return rc;
}

int wetee_chain_transfer(wetee_buf *result, wetee_chain *c, const wetee_keypair *from, const char *dest,
                         wetee_u128 amount, int allow_death, int until, unsigned timeout_ms)
{
    wetee_tx *tx = NULL;
    wetee_buf ext = WETEE_BUF_INIT;
    char amt[64], *d, *args;
    int rc;
    WT_ARG(c && from && dest, MOD, "NULL argument");
    if ((rc = wetee_u128_to_decimal(amt, sizeof amt, amount, 0)) != WETEE_OK) return rc;
    if (!(d = jstr(dest))) return WETEE_ERR_NO_MEMORY;
    args = wt_malloc(strlen(d) + 120);
    if (!args) {
        wt_json_text_free(d);
        return WETEE_ERR_NO_MEMORY;
    }
    sprintf(args, "{\"dest\":{\"Id\":%s},\"value\":\"%s\"}", d, amt);
    wt_json_text_free(d);
    if ((rc = wetee_chain_tx_new(&tx, c)) == WETEE_OK &&
        (rc = wetee_tx_set_call_json(tx, "Balances", allow_death ? "transfer_allow_death" : "transfer_keep_alive", args, SIZE_MAX)) == WETEE_OK &&
        (rc = wetee_chain_sign(&ext, c, tx, from, 0)) == WETEE_OK)
        rc = wetee_chain_submit_and_watch(result, c, ext.data, ext.len, until, timeout_ms);
    wt_free(args);
    wetee_tx_free(tx);
    wetee_buf_free(&ext);
    return rc;
}

/* ------------------------------------------------------------------ */
/* block subscriptions                                                 */
/* ------------------------------------------------------------------ */

#define WT_BLOCKS_KEEP 256 /* reported best-chain blocks remembered for reorgs */
#define WT_BLOCKS_WALK 128 /* ancestors fetched at most to join a new head */

typedef struct wt_blk {
    uint8_t hash[32], parent[32];
    uint64_t number;
} wt_blk;

struct wetee_chain_blocks {
    wetee_chain *c;
    unsigned flags;
    wetee_chain_block_fn cb;
    void *ctx;
    wetee_rpc_sub *heads, *fin; /* legacy: two subscriptions; new: heads is chainHead_v1_follow */
    int mode_new;
    pthread_t th;
    int started;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    wt_note *head, *tail;
    int stop;
    wt_blk *chain; /* reported best chain, oldest first */
    size_t n;
    wt_heads pins;
    int lost;
    int ready; /* the subscription handles are set (under mu) */
    struct wetee_chain_blocks *next_sub; /* in c->blocks */
    int detached;                        /* stopped by wetee_chain_free(): c is gone */
};

static void blocks_note(wetee_chain_blocks *b, int kind, const char *json, size_t len)
{
    wt_note *n = wt_malloc(sizeof *n + len + 1);
    if (!n) return;
    n->next = NULL;
    n->kind = kind;
    n->len = len;
    if (len) memcpy(n->text, json, len);
    n->text[len] = 0;
    pthread_mutex_lock(&b->mu);
    if (b->tail) b->tail->next = n;
    else b->head = n;
    b->tail = n;
    pthread_cond_signal(&b->cv);
    pthread_mutex_unlock(&b->mu);
}

/* kinds: sub kinds for heads; +16 for the finalized subscription */
static void blocks_heads_fn(void *ctx, int kind, const char *json, size_t len) { blocks_note(ctx, kind, json, len); }
static void blocks_fin_fn(void *ctx, int kind, const char *json, size_t len) { blocks_note(ctx, kind + 16, json, len); }

static void blocks_emit(wetee_chain_blocks *b, int kind, const wt_blk *k, const char *extra_key, json_t *extra)
{
    json_t *o = json_object();
    char hx[67], *s;
    wt_hex_str(hx, k->hash, 32);
    json_object_set_new(o, "hash", json_string(hx));
    json_object_set_new(o, "number", json_integer((json_int_t)k->number));
    wt_hex_str(hx, k->parent, 32);
    json_object_set_new(o, "parent", json_string(hx));
    if (extra_key) json_object_set_new(o, extra_key, extra);
    s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    if (s) {
        b->cb(b->ctx, kind, s);
        wt_json_text_free(s);
    }
}

static void blocks_emit_new(wetee_chain_blocks *b, const wt_blk *k)
{
    json_t *ev = NULL;
    if (b->flags & WETEE_FOLLOW_EVENTS) {
        wetee_buf js = WETEE_BUF_INIT;
        char hx[67];
        wt_hex_str(hx, k->hash, 32);
        if (wetee_chain_events_json(&js, b->c, hx) == WETEE_OK) ev = json_loadb((const char *)js.data, js.len, 0, NULL);
        wetee_buf_free(&js);
        if (!ev) ev = json_null();
    }
    blocks_emit(b, WETEE_BLOCK_NEW, k, ev ? "events" : NULL, ev);
}

static void blocks_emit_msg(wetee_chain_blocks *b, int kind, const char *reason)
{
    json_t *o = json_pack("{s:s}", "reason", reason);
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (s) {
        b->cb(b->ctx, kind, s);
        wt_json_text_free(s);
    }
}

static int header_blk(wt_blk *k, const json_t *h)
{
    int rc = wt_hash_from_json(k->parent, json_object_get(h, "parentHash"));
    if (rc == WETEE_OK) rc = wt_u64_from_json(&k->number, json_object_get(h, "number"));
    return rc;
}

static int fetch_header(wt_blk *k, wetee_chain *c, const uint8_t hash_in[32])
{
    char hx[67], params[80];
    json_t *h = NULL;
    uint8_t hash[32];
    int rc;
    memcpy(hash, hash_in, 32); /* hash_in may be k->parent, which header_blk() replaces */
    wt_hex_str(hx, hash, 32);
    snprintf(params, sizeof params, "[\"%s\"]", hx);
    if ((rc = call_json(&h, c, "chain_getHeader", params)) != WETEE_OK) return rc;
    if (json_is_null(h)) rc = wt_error(WETEE_ERR_NOT_FOUND, "chain: no header %s", hx);
    else rc = header_blk(k, h);
    memcpy(k->hash, hash, 32);
    json_decref(h);
    return rc;
}

static long chain_find(const wetee_chain_blocks *b, const uint8_t hash[32])
{
    size_t i;
    for (i = b->n; i-- > 0;)
        if (!memcmp(b->chain[i].hash, hash, 32)) return (long)i;
    return -1;
}

static int chain_push(wetee_chain_blocks *b, const wt_blk *k)
{
    if (b->n == WT_BLOCKS_KEEP) {
        memmove(b->chain, b->chain + 1, (b->n - 1) * sizeof *b->chain);
        b->n--;
    }
    b->chain[b->n++] = *k;
    return WETEE_OK;
}

/* a new best head: join it to the reported chain, retracting the blocks of
 * an abandoned branch and reporting missed ancestors first */
static void legacy_new_head(wetee_chain_blocks *b, const wt_blk *h)
{
    wt_blk path[WT_BLOCKS_WALK];
    size_t np = 0, i;
    long join = -1;
    wt_blk cur = *h;
    if (chain_find(b, h->hash) >= 0) return; /* already reported */
    if (b->n == 0) {
        chain_push(b, h);
        blocks_emit_new(b, h);
        return;
    }
    for (;;) {
        if (np == WT_BLOCKS_WALK) break;
        path[np++] = cur;
        if ((join = chain_find(b, cur.parent)) >= 0) break;
        if (cur.number == 0 || cur.number <= b->chain[0].number) break;
        if (fetch_header(&cur, b->c, cur.parent) != WETEE_OK) break;
    }
    if (join < 0) {
        /* could not join: report the gap and restart the chain here */
        json_t *o = json_pack("{s:I,s:I,s:s}", "from", (json_int_t)(b->chain[b->n - 1].number + 1), "to",
                              (json_int_t)(path[np - 1].number ? path[np - 1].number - 1 : 0), "reason",
                              "the new head does not join the blocks reported before");
        char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
        json_decref(o);
        if (s) {
            b->cb(b->ctx, WETEE_BLOCK_GAP, s);
            wt_json_text_free(s);
        }
        b->n = 0;
    } else {
        /* retract what lies above the join point, newest first */
        while (b->n > (size_t)join + 1) {
            b->n--;
            blocks_emit(b, WETEE_BLOCK_RETRACTED, &b->chain[b->n], NULL, NULL);
        }
    }
    for (i = np; i-- > 0;) {
        chain_push(b, &path[i]);
        blocks_emit_new(b, &path[i]);
    }
}

static void legacy_note(wetee_chain_blocks *b, wt_note *n)
{
    int fin = n->kind >= 16, kind = n->kind & 15;
    json_t *h;
    wt_blk k;
    if (kind == WETEE_RPC_SUB_LOST) {
        b->lost = 1;
        return;
    }
    if (kind == WETEE_RPC_SUB_CLOSED) {
        if (!b->stop) blocks_emit_msg(b, WETEE_BLOCK_STOPPED, "subscription closed (connection lost for good)");
        b->stop = 1;
        return;
    }
    if (kind == WETEE_RPC_SUB_RESUBSCRIBED) {
        b->lost = 0; /* the next head is joined to the reported chain, fetching what was missed */
        return;
    }
    if (!(h = json_loadb(n->text, n->len, 0, NULL))) return;
    if (header_blk(&k, h) == WETEE_OK && wt_header_hash(k.hash, h) == WETEE_OK) {
        if (fin) {
            long at = chain_find(b, k.hash);
            if (at < 0) legacy_new_head(b, &k);
            blocks_emit(b, WETEE_BLOCK_FINALIZED, &k, NULL, NULL);
        } else legacy_new_head(b, &k);
    }
    json_decref(h);
}

/* number of a pinned block from its SCALE header (parent, compact number) */
static int new_header(wt_blk *k, wetee_chain_blocks *b, const uint8_t hash[32])
{
    char fid[128], hx[67], params[300];
    wetee_buf r = WETEE_BUF_INIT, hb = WETEE_BUF_INIT;
    int rc;
    memcpy(k->hash, hash, 32);
    if ((rc = sub_id(fid, sizeof fid, b->heads)) != WETEE_OK) return rc;
    wt_hex_str(hx, hash, 32);
    snprintf(params, sizeof params, "[%s,\"%s\"]", fid, hx);
    if ((rc = call(&r, b->c, "chainHead_v1_header", params)) == WETEE_OK) rc = hex_result(&hb, NULL, &r, "chainHead_v1_header");
    if (rc == WETEE_OK && hb.len < 33) rc = wt_error(WETEE_ERR_DECODE, "chain: header too short");
    if (rc == WETEE_OK) {
        const uint8_t *p = hb.data + 32;
        size_t left = hb.len - 32;
        memcpy(k->parent, hb.data, 32);
        switch (p[0] & 3) {
        case 0: k->number = p[0] >> 2; break;
        case 1: k->number = left >= 2 ? (uint64_t)(p[0] | p[1] << 8) >> 2 : 0; break;
        case 2: k->number = left >= 4 ? ((uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24) >> 2 : 0; break;
        default: {
            size_t m = (size_t)(p[0] >> 2) + 4, i;
            k->number = 0;
            for (i = 0; i < m && i < 8 && i + 1 < left; i++) k->number |= (uint64_t)p[1 + i] << (8 * i);
        }
        }
    }
    wetee_buf_free(&r);
    wetee_buf_free(&hb);
    return rc;
}

static void new_note(wetee_chain_blocks *b, wt_note *n)
{
    json_t *ev;
    wt_head_actions a;
    size_t i;
    char fid[128];
    if (n->kind == WETEE_RPC_SUB_LOST) {
        b->lost = 1;
        return;
    }
    if (n->kind == WETEE_RPC_SUB_CLOSED) {
        if (!b->stop) blocks_emit_msg(b, WETEE_BLOCK_STOPPED, "subscription closed (connection lost for good)");
        b->stop = 1;
        return;
    }
    if (n->kind == WETEE_RPC_SUB_RESUBSCRIBED) {
        if (b->lost) blocks_emit_msg(b, WETEE_BLOCK_GAP, "reconnected: blocks between the last one reported and the new finalized block may be missing");
        b->lost = 0;
        wt_heads_free(&b->pins);
        return;
    }
    if (!(ev = json_loadb(n->text, n->len, 0, NULL))) return;
    if (wt_heads_apply(&b->pins, &a, ev) != WETEE_OK) {
        json_decref(ev);
        return;
    }
    if (a.kind == 5) {
        blocks_emit_msg(b, WETEE_BLOCK_GAP, "chainHead_v1 stop: following again; blocks in between may be missing");
        wt_heads_free(&b->pins);
        wetee_rpc_sub_renew(b->heads, b->c->timeout);
    }
    for (i = 0; i < a.n_added; i++) {
        wt_blk k;
        wt_head_block *hb = wt_heads_find(&b->pins, a.added[i]);
        if (new_header(&k, b, a.added[i]) != WETEE_OK) continue;
        if (hb) {
            hb->number = k.number;
            hb->has_number = 1;
            hb->reported = 1;
        }
        blocks_emit_new(b, &k);
        if (a.kind == 1) blocks_emit(b, WETEE_BLOCK_FINALIZED, &k, NULL, NULL);
    }
    for (i = 0; i < a.n_pruned; i++) {
        wt_blk k;
        memset(&k, 0, sizeof k);
        memcpy(k.hash, a.pruned[i], 32);
        blocks_emit(b, WETEE_BLOCK_RETRACTED, &k, NULL, NULL);
    }
    for (i = 0; i < a.n_finalized; i++) {
        wt_blk k;
        memset(&k, 0, sizeof k);
        memcpy(k.hash, a.finalized[i], 32);
        {
            wt_head_block *hb = wt_heads_find(&b->pins, a.finalized[i]);
            if (hb) {
                k.number = hb->number;
                memcpy(k.parent, hb->parent, 32);
            }
        }
        blocks_emit(b, WETEE_BLOCK_FINALIZED, &k, NULL, NULL);
    }
    if (a.n_unpin && sub_id(fid, sizeof fid, b->heads) == WETEE_OK) unpin(b->c, fid, &a);
    wt_head_actions_free(&a);
    json_decref(ev);
}

static void *blocks_thread(void *arg)
{
    wetee_chain_blocks *b = arg;
    for (;;) {
        wt_note *n;
        pthread_mutex_lock(&b->mu);
        /* notes may arrive before wetee_rpc_subscribe() has returned the
         * handle (chainHead_v1_follow's `initialized` comes right after its
         * answer); new_note() needs the handle's id for chainHead_v1_header,
         * so wait until the handles are set */
        while ((!b->head || !b->ready) && !b->stop) pthread_cond_wait(&b->cv, &b->mu);
        if (b->stop && !b->head) {
            pthread_mutex_unlock(&b->mu);
            break;
        }
        n = b->head;
        b->head = n->next;
        if (!b->head) b->tail = NULL;
        pthread_mutex_unlock(&b->mu);
        if (!b->stop) {
            if (b->mode_new) new_note(b, n);
            else legacy_note(b, n);
        }
        wt_free(n);
    }
    return NULL;
}

int wetee_chain_blocks_subscribe(wetee_chain_blocks **out, wetee_chain *c, unsigned flags, wetee_chain_block_fn cb,
                                 void *ctx)
{
    wetee_chain_blocks *b;
    int rc;
    WT_ARG(out && c && cb, MOD, "NULL argument");
    WT_ARG((flags & ~WETEE_FOLLOW_EVENTS) == 0, MOD, "unknown flags");
    *out = NULL;
    b = wt_calloc(1, sizeof *b);
    if (!b) return WETEE_ERR_NO_MEMORY;
    b->chain = wt_calloc(WT_BLOCKS_KEEP, sizeof *b->chain);
    if (!b->chain) {
        wt_free(b);
        return WETEE_ERR_NO_MEMORY;
    }
    b->c = c;
    b->flags = flags;
    b->cb = cb;
    b->ctx = ctx;
    b->mode_new = c->new_rpc;
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->cv, NULL);
    if (pthread_create(&b->th, NULL, blocks_thread, b) != 0) {
        wetee_chain_blocks_free(b);
        return wt_error(WETEE_ERR_NO_MEMORY, "chain: cannot start the block thread");
    }
    b->started = 1;
    if (b->mode_new)
        rc = wetee_rpc_subscribe(&b->heads, c->rpc, "chainHead_v1_follow", "[false]", SIZE_MAX, "chainHead_v1_unfollow", 0,
                                 blocks_heads_fn, b, c->timeout);
    else {
        rc = wetee_rpc_subscribe(&b->heads, c->rpc, "chain_subscribeNewHeads", "[]", SIZE_MAX, "chain_unsubscribeNewHeads", 0,
                                 blocks_heads_fn, b, c->timeout);
        if (rc == WETEE_OK)
            rc = wetee_rpc_subscribe(&b->fin, c->rpc, "chain_subscribeFinalizedHeads", "[]", SIZE_MAX,
                                     "chain_unsubscribeFinalizedHeads", 0, blocks_fin_fn, b, c->timeout);
    }
    if (rc != WETEE_OK) {
        wetee_chain_blocks_free(b);
        return rc;
    }
    pthread_mutex_lock(&b->mu);
    b->ready = 1;
    pthread_cond_signal(&b->cv);
    pthread_mutex_unlock(&b->mu);
    pthread_mutex_lock(&c->subs_mu);
    b->next_sub = c->blocks;
    c->blocks = b;
    pthread_mutex_unlock(&c->subs_mu);
    *out = b;
    return WETEE_OK;
}

/* unsubscribe and end the thread (no callback after it) */
static void blocks_stop(wetee_chain_blocks *b)
{
    if (b->heads) wetee_rpc_unsubscribe(b->heads);
    if (b->fin) wetee_rpc_unsubscribe(b->fin);
    b->heads = b->fin = NULL;
    pthread_mutex_lock(&b->mu);
    b->stop = 1;
    pthread_cond_signal(&b->cv);
    pthread_mutex_unlock(&b->mu);
    if (b->started) pthread_join(b->th, NULL);
    b->started = 0;
}

/* wetee_chain_free() with subscriptions still open (a binding's garbage
 * collector may free them in any order): stop them; their handles stay
 * valid until wetee_chain_blocks_free() */
static void chain_detach_blocks(wetee_chain *c)
{
    wetee_chain_blocks *b, *n;
    wetee_chain_watch *w, *wn;
    pthread_mutex_lock(&c->subs_mu);
    b = c->blocks;
    c->blocks = NULL;
    w = c->watches;
    c->watches = NULL;
    pthread_mutex_unlock(&c->subs_mu);
    for (; w; w = wn) {
        wn = w->next_watch;
        watch_stop(w);
        w->detached = 1;
        w->c = NULL;
    }
    for (; b; b = n) {
        n = b->next_sub;
        blocks_stop(b);
        b->detached = 1;
        b->c = NULL;
    }
}

void wetee_chain_blocks_free(wetee_chain_blocks *b)
{
    wt_note *n;
    if (!b) return;
    if (!b->detached) {
        wetee_chain_blocks **pp;
        pthread_mutex_lock(&b->c->subs_mu);
        for (pp = &b->c->blocks; *pp; pp = &(*pp)->next_sub)
            if (*pp == b) {
                *pp = b->next_sub;
                break;
            }
        pthread_mutex_unlock(&b->c->subs_mu);
        blocks_stop(b);
    }
    while ((n = b->head)) {
        b->head = n->next;
        wt_free(n);
    }
    wt_heads_free(&b->pins);
    wt_free(b->chain);
    pthread_mutex_destroy(&b->mu);
    pthread_cond_destroy(&b->cv);
    wt_free(b);
}
