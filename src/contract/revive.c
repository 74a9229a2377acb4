/* pallet-revive: account mapping, Revive.* calls from the metadata,
 * ReviveApi_call dry runs, and calls on a chain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract/contract_impl.h"
#include "wetee/hash.h"
#include "wetee/tx.h"

#define MOD "contract"

__extension__ typedef unsigned __int128 wt_u128x;

/* ------------------------------------------------------------------ */
/* account mapping                                                     */
/* ------------------------------------------------------------------ */

int wetee_revive_is_eth_derived(const uint8_t account[32])
{
    size_t i;
    WT_ARG(account, MOD, "NULL account");
    for (i = 20; i < 32; i++)
        if (account[i] != 0xEE) return 0;
    return 1;
}

int wetee_revive_address_of(uint8_t out[20], const uint8_t account[32])
{
    uint8_t h[32];
    int rc;
    WT_ARG(out && account, MOD, "NULL argument");
    if (wetee_revive_is_eth_derived(account) == 1) {
        memmove(out, account, 20);
        return WETEE_OK;
    }
    if ((rc = wetee_hash_keccak256(h, account, 32)) != WETEE_OK) return rc;
    memcpy(out, h + 12, 20);
    return WETEE_OK;
}

int wetee_revive_fallback_account(uint8_t out[32], const uint8_t address[20])
{
    WT_ARG(out && address, MOD, "NULL argument");
    memmove(out, address, 20);
    memset(out + 20, 0xEE, 12);
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* Revive.* calls                                                      */
/* ------------------------------------------------------------------ */

/* the Revive pallet's call `name`, checked to have `nfields` fields */
static int revive_call(const wetee_metadata *md, const char *name, uint32_t nfields)
{
    const wetee_md_pallet *p = wetee_metadata_pallet_by_name(md, "Revive");
    const wetee_md_variant *v;
    if (!p) return wt_error(WETEE_ERR_NOT_FOUND, "contract: the metadata has no Revive pallet");
    v = wetee_md_pallet_variant_by_name(md, p, WETEE_MD_CALLS, name);
    if (!v) return wt_error(WETEE_ERR_NOT_FOUND, "contract: the metadata has no Revive.%s", name);
    if (wetee_md_variant_field_count(v) != nfields)
        return wt_error(WETEE_ERR_UNSUPPORTED, "contract: Revive.%s has %zu fields, expected %u", name,
                        wetee_md_variant_field_count(v), nfields);
    return WETEE_OK;
}

typedef struct vb {
    wetee_value *seq;
    int rc;
} vb;

static void vb_add(vb *b, wetee_value *v, int rc)
{
    if (b->rc == WETEE_OK && rc != WETEE_OK) b->rc = rc;
    if (b->rc != WETEE_OK) {
        wetee_value_free(v);
        return;
    }
    b->rc = wetee_value_append(b->seq, NULL, v);
}

static void vb_bytes(vb *b, const uint8_t *p, size_t n)
{
    wetee_value *v = NULL;
    int rc = wetee_value_new_bytes(&v, p, n);
    vb_add(b, v, rc);
}

static void vb_u128(vb *b, wetee_u128 x)
{
    wetee_value *v = NULL;
    int rc = wetee_value_new_u128(&v, x);
    vb_add(b, v, rc);
}

static void vb_null(vb *b)
{
    wetee_value *v = NULL;
    int rc = wetee_value_new_null(&v);
    vb_add(b, v, rc);
}

static void vb_weight(vb *b, const wetee_revive_limits *l)
{
    wetee_value *w = NULL, *x = NULL;
    int rc = wetee_value_new_sequence(&w);
    if (rc == WETEE_OK && (rc = wetee_value_new_u64(&x, l->ref_time)) == WETEE_OK) rc = wetee_value_append(w, NULL, x);
    x = NULL;
    if (rc == WETEE_OK && (rc = wetee_value_new_u64(&x, l->proof_size)) == WETEE_OK) rc = wetee_value_append(w, NULL, x);
    vb_add(b, w, rc);
}

static int vb_init(vb *b)
{
    b->seq = NULL;
    b->rc = wetee_value_new_sequence(&b->seq);
    return b->rc;
}

static int encode_revive(wetee_buf *out, const wetee_metadata *md, const char *call, vb *b)
{
    int rc = b->rc;
    if (rc == WETEE_OK) {
        out->len = 0;
        rc = wetee_call_encode(out, md, "Revive", call, b->seq);
    }
    wetee_value_free(b->seq);
    return rc;
}

int wetee_revive_call_encode(wetee_buf *out, const wetee_metadata *md, const uint8_t dest[20], wetee_u128 value,
                             const wetee_revive_limits *limits, const uint8_t *data, size_t len)
{
    vb b;
    int rc;
    WT_ARG_DATA(data, len, MOD);
    WT_ARG(out && md && dest && limits, MOD, "NULL argument");
    if ((rc = revive_call(md, "call", 5)) != WETEE_OK) return rc;
    if ((rc = vb_init(&b)) != WETEE_OK) return rc;
    vb_bytes(&b, dest, 20);
    vb_u128(&b, value);
    vb_weight(&b, limits);
    vb_u128(&b, limits->storage_deposit);
    vb_bytes(&b, data, len);
    return encode_revive(out, md, "call", &b);
}

int wetee_revive_instantiate_with_code_encode(wetee_buf *out, const wetee_metadata *md, wetee_u128 value,
                                              const wetee_revive_limits *limits, const uint8_t *code, size_t code_len,
                                              const uint8_t *data, size_t data_len, const uint8_t *salt)
{
    vb b;
    int rc;
    WT_ARG_DATA(code, code_len, MOD);
    WT_ARG_DATA(data, data_len, MOD);
    WT_ARG(out && md && limits, MOD, "NULL argument");
    if ((rc = revive_call(md, "instantiate_with_code", 6)) != WETEE_OK) return rc;
    if ((rc = vb_init(&b)) != WETEE_OK) return rc;
    vb_u128(&b, value);
    vb_weight(&b, limits);
    vb_u128(&b, limits->storage_deposit);
    vb_bytes(&b, code, code_len);
    vb_bytes(&b, data, data_len);
    if (salt) vb_bytes(&b, salt, 32);
    else vb_null(&b);
    return encode_revive(out, md, "instantiate_with_code", &b);
}

int wetee_revive_upload_code_encode(wetee_buf *out, const wetee_metadata *md, const uint8_t *code, size_t len,
                                    wetee_u128 storage_deposit_limit)
{
    vb b;
    int rc;
    WT_ARG_DATA(code, len, MOD);
    WT_ARG(out && md, MOD, "NULL argument");
    if ((rc = revive_call(md, "upload_code", 2)) != WETEE_OK) return rc;
    if ((rc = vb_init(&b)) != WETEE_OK) return rc;
    vb_bytes(&b, code, len);
    vb_u128(&b, storage_deposit_limit);
    return encode_revive(out, md, "upload_code", &b);
}

int wetee_revive_map_account_encode(wetee_buf *out, const wetee_metadata *md)
{
    vb b;
    int rc;
    WT_ARG(out && md, MOD, "NULL argument");
    if ((rc = revive_call(md, "map_account", 0)) != WETEE_OK) return rc;
    if ((rc = vb_init(&b)) != WETEE_OK) return rc;
    return encode_revive(out, md, "map_account", &b);
}

/* ------------------------------------------------------------------ */
/* dry runs                                                            */
/* ------------------------------------------------------------------ */

static const wetee_md_method *revive_api_call(const wetee_metadata *md)
{
    const wetee_md_runtime_api *a = wetee_metadata_runtime_api_by_name(md, "ReviveApi");
    return a ? wetee_md_runtime_api_method_by_name(md, a, "call") : NULL;
}

int wetee_revive_dry_run_input(wetee_buf *out, const wetee_metadata *md, const uint8_t origin[32],
                               const uint8_t dest[20], wetee_u128 value, const wetee_revive_limits *limits,
                               const uint8_t *data, size_t len)
{
    const wetee_md_method *m;
    int rc;
    wetee_buf tmp = WETEE_BUF_INIT;
    WT_ARG_DATA(data, len, MOD);
    WT_ARG(out && md && origin && dest, MOD, "NULL argument");
    m = revive_api_call(md);
    if (m && m->n_inputs == 6) {
        /* the runtime API's own input types (V15+) */
        vb b;
        uint32_t i;
        if ((rc = vb_init(&b)) != WETEE_OK) return rc;
        vb_bytes(&b, origin, 32);
        vb_bytes(&b, dest, 20);
        vb_u128(&b, value);
        if (limits) {
            vb_weight(&b, limits);
            vb_u128(&b, limits->storage_deposit);
        } else {
            vb_null(&b);
            vb_null(&b);
        }
        vb_bytes(&b, data, len);
        rc = b.rc;
        out->len = 0;
        for (i = 0; rc == WETEE_OK && i < 6; i++)
            rc = wetee_value_encode(out, md, m->inputs[i].type, wetee_value_at(b.seq, i));
        wetee_value_free(b.seq);
        if (rc != WETEE_OK) {
            char d[300];
            snprintf(d, sizeof d, "%s", wetee_last_error());
            out->len = 0;
            return wt_error(rc, "contract: ReviveApi_call input: %s", d);
        }
        return WETEE_OK;
    }
    /* V14: origin, dest, value u128, Option<Weight>, Option<u128>, Vec<u8>;
       into a buffer of its own (the inputs may lie inside `out`) */
    rc = wetee_scale_put_raw(&tmp, origin, 32);
    if (rc == WETEE_OK) rc = wetee_scale_put_raw(&tmp, dest, 20);
    if (rc == WETEE_OK) rc = wetee_scale_put_u128(&tmp, value);
    if (rc == WETEE_OK && limits) {
        rc = wetee_scale_put_some(&tmp);
        if (rc == WETEE_OK) rc = wetee_scale_put_compact_u64(&tmp, limits->ref_time);
        if (rc == WETEE_OK) rc = wetee_scale_put_compact_u64(&tmp, limits->proof_size);
        if (rc == WETEE_OK) rc = wetee_scale_put_some(&tmp);
        if (rc == WETEE_OK) rc = wetee_scale_put_u128(&tmp, limits->storage_deposit);
    } else if (rc == WETEE_OK) {
        rc = wetee_scale_put_none(&tmp);
        if (rc == WETEE_OK) rc = wetee_scale_put_none(&tmp);
    }
    if (rc == WETEE_OK) rc = wetee_scale_put_bytes(&tmp, data, len);
    out->len = 0;
    if (rc == WETEE_OK) rc = wetee_buf_append(out, tmp.data, tmp.len);
    wetee_buf_free(&tmp);
    return rc;
}


void wetee_revive_result_free(wetee_revive_result *r)
{
    if (!r) return;
    wetee_buf_free(&r->data);
    wt_json_text_free(r->json);
    wt_free(r);
}

/* the registry's ContractResult<ExecReturnValue, ...> */
static uint32_t find_contract_result(const wetee_metadata *md)
{
    uint32_t i, k;
    for (i = 0; i < md->n_types; i++) {
        const struct wetee_md_type *t = &md->types[i];
        if (t->kind != WETEE_TYPE_COMPOSITE || t->n_path < 1 || strcmp(t->path[t->n_path - 1], "ContractResult") != 0)
            continue;
        for (k = 0; k < t->u.comp.n; k++) {
            const struct wetee_md_field *f = &t->u.comp.fields[k];
            const struct wetee_md_type *rt = &md->types[f->type];
            const struct wetee_md_variant *ok;
            if (!f->name || strcmp(f->name, "result") != 0 || rt->kind != WETEE_TYPE_VARIANT) continue;
            ok = wt_md_variant_by_index(rt, 0);
            if (ok && ok->n_fields == 1) {
                const struct wetee_md_type *ev = &md->types[ok->fields[0].type];
                if (ev->n_path && strcmp(ev->path[ev->n_path - 1], "ExecReturnValue") == 0) return i;
            }
        }
    }
    return WT_MD_NONE;
}

static int dr_bad(const char *what)
{
    return wt_error(WETEE_ERR_DECODE, "contract: ReviveApi_call result: %s", what);
}

static int get_weight(const wetee_value *w, uint64_t *rt, uint64_t *ps)
{
    if (!w || wetee_value_get_u64(rt, wetee_value_field(w, "ref_time")) != WETEE_OK ||
        wetee_value_get_u64(ps, wetee_value_field(w, "proof_size")) != WETEE_OK)
        return dr_bad("weight without ref_time/proof_size");
    return WETEE_OK;
}

static int get_deposit(const wetee_value *d, wetee_u128 *amount, int *charge)
{
    const char *n = wetee_value_variant_name(d);
    if (!n || wetee_value_get_u128(amount, wetee_value_at(d, 0)) != WETEE_OK) return dr_bad("bad storage deposit");
    *charge = strcmp(n, "Charge") == 0;
    return WETEE_OK;
}

/* the DispatchError of a failed result as JSON (names from the metadata) */
static json_t *dispatch_error(const wetee_metadata *md, const uint8_t *p, size_t n)
{
    wetee_buf j = WETEE_BUF_INIT;
    json_t *out = NULL;
    if (wetee_dispatch_error_json(&j, md, p, n, NULL) == WETEE_OK) out = json_loadb((const char *)j.data, j.len, 0, NULL);
    wetee_buf_free(&j);
    if (!out) {
        wetee_buf h = WETEE_BUF_INIT;
        if (wetee_hex_encode(&h, p, n, 0) == WETEE_OK) out = json_pack("{s:s%}", "raw", (const char *)h.data, h.len);
        wetee_buf_free(&h);
    }
    return out;
}

static int typed_decode(wetee_revive_result *r, const wetee_metadata *md, uint32_t ty, const uint8_t *data,
                        size_t len, json_t **jout)
{
    wetee_value *v = NULL;
    const wetee_value *w, *res, *inner;
    wetee_buf j = WETEE_BUF_INIT;
    int rc;
    if ((rc = wetee_value_decode(&v, NULL, md, ty, data, len)) != WETEE_OK) {
        char d[300];
        snprintf(d, sizeof d, "%s", wetee_last_error());
        return wt_error(rc, "contract: ReviveApi_call result: %s", d);
    }
    w = wetee_value_field(v, "weight_required");
    if (!w) w = wetee_value_field(v, "gas_required");
    rc = get_weight(w, &r->req_rt, &r->req_ps);
    if (rc == WETEE_OK) rc = get_deposit(wetee_value_field(v, "storage_deposit"), &r->deposit, &r->charge);
    res = wetee_value_field(v, "result");
    if (rc == WETEE_OK && (!res || wetee_value_variant_index(res) < 0)) rc = dr_bad("no result");
    if (rc == WETEE_OK) rc = wetee_value_to_json(&j, md, v, NULL);
    if (rc == WETEE_OK && !(*jout = json_loadb((const char *)j.data, j.len, 0, NULL))) rc = dr_bad("JSON");
    inner = res ? wetee_value_at(res, 0) : NULL;
    if (rc == WETEE_OK && wetee_value_variant_index(res) == 0) {
        const wetee_value *fl = wetee_value_field(inner, "flags"), *d = wetee_value_field(inner, "data");
        const uint8_t *p;
        size_t n = 0;
        uint64_t f;
        if (fl && wetee_value_get_kind(fl) == WETEE_VALUE_COMPOSITE) fl = wetee_value_at(fl, 0);
        p = wetee_value_bytes(&n, d);
        if (!p || wetee_value_get_u64(&f, fl) != WETEE_OK || f > UINT32_MAX) rc = dr_bad("bad ExecReturnValue");
        else {
            r->flags = (uint32_t)f;
            r->status = (r->flags & WETEE_REVIVE_FLAG_REVERT) ? WETEE_REVIVE_REVERTED : WETEE_REVIVE_OK;
            rc = wetee_buf_append(&r->data, p, n);
        }
    } else if (rc == WETEE_OK) {
        wetee_buf eb = WETEE_BUF_INIT;
        r->status = WETEE_REVIVE_FAILED;
        if (inner && wetee_value_encode(&eb, md, wetee_value_type(inner), inner) == WETEE_OK)
            json_object_set_new(*jout, "error", dispatch_error(md, eb.data, eb.len));
        wetee_buf_free(&eb);
    }
    wetee_buf_free(&j);
    wetee_value_free(v);
    return rc;
}

/* current pallet-revive layout, for V14 metadata without the type */
static int manual_decode(wetee_revive_result *r, const wetee_metadata *md, const uint8_t *data, size_t len,
                         json_t **jout)
{
    wetee_scale_reader rd;
    uint64_t crt, cps;
    wetee_u128 maxd, gas;
    uint8_t dtag, mtag, tag;
    int rc, mcharge;
    char a[48], b[48], c[48];
    wetee_scale_reader_init(&rd, data, len);
    rc = wetee_scale_get_compact_u64(&rd, &crt);
    if (rc == WETEE_OK) rc = wetee_scale_get_compact_u64(&rd, &cps);
    if (rc == WETEE_OK) rc = wetee_scale_get_compact_u64(&rd, &r->req_rt);
    if (rc == WETEE_OK) rc = wetee_scale_get_compact_u64(&rd, &r->req_ps);
    if (rc == WETEE_OK) rc = wetee_scale_get_variant(&rd, &dtag, 2);
    if (rc == WETEE_OK) rc = wetee_scale_get_u128(&rd, &r->deposit);
    if (rc == WETEE_OK) rc = wetee_scale_get_variant(&rd, &mtag, 2);
    if (rc == WETEE_OK) rc = wetee_scale_get_u128(&rd, &maxd);
    if (rc == WETEE_OK) rc = wetee_scale_get_u128(&rd, &gas);
    if (rc == WETEE_OK) rc = wetee_scale_get_result(&rd, &mcharge);
    if (rc != WETEE_OK) {
        char d[300];
        snprintf(d, sizeof d, "%s", wetee_last_error());
        return wt_error(rc, "contract: ReviveApi_call result: %s", d);
    }
    r->charge = dtag == 1;
    wetee_u128_to_decimal(a, sizeof a, r->deposit, 0);
    wetee_u128_to_decimal(b, sizeof b, maxd, 0);
    wetee_u128_to_decimal(c, sizeof c, gas, 0);
    *jout = json_pack("{s:{s:I,s:I},s:{s:I,s:I},s:{s:s},s:{s:s},s:s}", "weight_consumed", "ref_time", (json_int_t)crt,
                      "proof_size", (json_int_t)cps, "weight_required", "ref_time", (json_int_t)r->req_rt, "proof_size",
                      (json_int_t)r->req_ps, "storage_deposit", dtag ? "Charge" : "Refund", a, "max_storage_deposit",
                      mtag ? "Charge" : "Refund", b, "gas_consumed", c);
    if (!*jout) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    tag = (uint8_t)mcharge;
    if (tag == 0) {
        const uint8_t *p;
        size_t n;
        wetee_buf h = WETEE_BUF_INIT;
        rc = wetee_scale_get_u32(&rd, &r->flags);
        if (rc == WETEE_OK) rc = wetee_scale_get_bytes(&rd, &p, &n);
        if (rc == WETEE_OK) rc = wetee_scale_finish(&rd);
        if (rc == WETEE_OK) rc = wetee_buf_append(&r->data, p, n);
        if (rc == WETEE_OK) rc = wetee_hex_encode(&h, p, n, 0);
        if (rc == WETEE_OK)
            json_object_set_new(*jout, "result", json_pack("{s:{s:{s:I},s:s%}}", "Ok", "flags", "bits",
                                                          (json_int_t)r->flags, "data", (const char *)h.data, h.len));
        wetee_buf_free(&h);
        r->status = (r->flags & WETEE_REVIVE_FLAG_REVERT) ? WETEE_REVIVE_REVERTED : WETEE_REVIVE_OK;
        if (rc != WETEE_OK) return dr_bad(wetee_last_error());
        return WETEE_OK;
    }
    r->status = WETEE_REVIVE_FAILED;
    json_object_set_new(*jout, "error", dispatch_error(md, data + (len - wetee_scale_remaining(&rd)), wetee_scale_remaining(&rd)));
    return WETEE_OK;
}

static const char *status_name(int s)
{
    return s == WETEE_REVIVE_OK ? "ok" : s == WETEE_REVIVE_REVERTED ? "reverted" : "failed";
}

int wetee_revive_result_decode(wetee_revive_result **out, const wetee_metadata *md, const uint8_t *data, size_t len)
{
    wetee_revive_result *r;
    const wetee_md_method *m;
    uint32_t ty;
    json_t *j = NULL;
    int rc;
    WT_ARG_DATA(data, len, MOD);
    WT_ARG(out && md, MOD, "NULL argument");
    *out = NULL;
    r = wt_calloc(1, sizeof *r);
    if (!r) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    m = revive_api_call(md);
    ty = m ? m->output : find_contract_result(md);
    if (ty != WT_MD_NONE) rc = typed_decode(r, md, ty, data, len, &j);
    else rc = manual_decode(r, md, data, len, &j);
    if (rc == WETEE_OK) {
        json_object_set_new(j, "status", json_string(status_name(r->status)));
        r->json = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
        if (!r->json) rc = wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    }
    json_decref(j);
    if (rc != WETEE_OK) {
        wetee_revive_result_free(r);
        return rc;
    }
    *out = r;
    return WETEE_OK;
}

int wetee_revive_result_status(const wetee_revive_result *r)
{
    WT_ARG(r, MOD, "NULL result");
    return r->status;
}

const uint8_t *wetee_revive_result_data(size_t *len, uint32_t *flags, const wetee_revive_result *r)
{
    static const uint8_t empty[1] = { 0 };
    if (len) *len = 0;
    if (!r || r->status == WETEE_REVIVE_FAILED) return NULL;
    if (len) *len = r->data.len;
    if (flags) *flags = r->flags;
    return r->data.data ? r->data.data : empty;
}

static int add_margin64(uint64_t *out, uint64_t v, unsigned pct)
{
    wt_u128x x = (wt_u128x)v * (100u + pct);
    x = (x + 99) / 100;
    if (x > UINT64_MAX) return wt_error(WETEE_ERR_OVERFLOW, "contract: limit with a %u%% margin does not fit u64", pct);
    *out = (uint64_t)x;
    return WETEE_OK;
}

int wetee_revive_result_limits(wetee_revive_limits *out, const wetee_revive_result *r, unsigned margin_percent)
{
    wetee_u128 d, m, h, q;
    int rc;
    WT_ARG(out && r, MOD, "NULL argument");
    WT_ARG(margin_percent <= 1000, MOD, "margin above 1000 %");
    if ((rc = add_margin64(&out->ref_time, r->req_rt, margin_percent)) != WETEE_OK) return rc;
    if ((rc = add_margin64(&out->proof_size, r->req_ps, margin_percent)) != WETEE_OK) return rc;
    d = r->charge ? r->deposit : wetee_u128_from_u64(0);
    /* d * (100 + m) / 100, rounded up, without overflow for d near 2^128:
       d + ceil(d / 100 * m + (d % 100) * m / 100) */
    {
        wt_u128x v = ((wt_u128x)d.hi << 64) | d.lo, extra;
        extra = v / 100 * margin_percent + ((v % 100) * margin_percent + 99) / 100;
        if (v + extra < v) return wt_error(WETEE_ERR_OVERFLOW, "contract: storage deposit limit does not fit u128");
        v += extra;
        out->storage_deposit.lo = (uint64_t)v;
        out->storage_deposit.hi = (uint64_t)(v >> 64);
    }
    (void)m;
    (void)h;
    (void)q;
    return WETEE_OK;
}

int wetee_revive_result_json(wetee_buf *out, const wetee_revive_result *r)
{
    int rc;
    WT_ARG(out && r, MOD, "NULL argument");
    out->len = 0;
    rc = wetee_buf_append(out, (const uint8_t *)r->json, strlen(r->json));
    return rc == WETEE_OK ? wt_buf_terminate(out) : rc;
}

/* ------------------------------------------------------------------ */
/* on a chain                                                          */
/* ------------------------------------------------------------------ */

static int hex_param(wetee_buf *params, const char *method, const uint8_t *p, size_t n)
{
    wetee_buf h = WETEE_BUF_INIT;
    int rc = wetee_hex_encode(&h, p, n, 0);
    if (rc == WETEE_OK) {
        size_t need = strlen(method) + h.len + 16;
        params->len = 0;
        if ((rc = wetee_buf_reserve(params, need)) == WETEE_OK) {
            int k = snprintf((char *)params->data, need, "[\"%s\",\"%.*s\"]", method, (int)h.len, (const char *)h.data);
            params->len = (size_t)k;
        }
    }
    wetee_buf_free(&h);
    return rc;
}

/* a JSON-RPC result that is a "0x.." string, as bytes */
static int result_hex(wetee_buf *out, const wetee_buf *res, const char *what)
{
    const char *s = (const char *)res->data;
    size_t n = res->len;
    if (n < 4 || s[0] != '"' || s[n - 1] != '"') return wt_error(WETEE_ERR_DECODE, "contract: %s: expected a hex string", what);
    out->len = 0;
    return wetee_hex_decode(out, s + 1, n - 2);
}

int wetee_revive_dry_run(wetee_revive_result **out, wetee_chain *c, const uint8_t origin[32], const uint8_t dest[20],
                         wetee_u128 value, const uint8_t *data, size_t len)
{
    const wetee_metadata *md;
    wetee_buf in = WETEE_BUF_INIT, params = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
    int rc;
    WT_ARG_DATA(data, len, MOD);
    WT_ARG(out && c && origin && dest, MOD, "NULL argument");
    *out = NULL;
    md = wetee_chain_metadata(c);
    if (!md) return wt_error(WETEE_ERR_STATE, "contract: the chain has no metadata");
    rc = wetee_revive_dry_run_input(&in, md, origin, dest, value, NULL, data, len);
    if (rc == WETEE_OK) rc = hex_param(&params, "ReviveApi_call", in.data, in.len);
    if (rc == WETEE_OK) rc = wt_buf_terminate(&params);
    if (rc == WETEE_OK) rc = wetee_chain_request(&res, c, "state_call", (const char *)params.data);
    if (rc == WETEE_OK) rc = result_hex(&in, &res, "state_call ReviveApi_call");
    if (rc == WETEE_OK) rc = wetee_revive_result_decode(out, md, in.data, in.len);
    wetee_buf_free(&in);
    wetee_buf_free(&params);
    wetee_buf_free(&res);
    return rc;
}

int wetee_revive_is_mapped(int *mapped, wetee_chain *c, const uint8_t account[32])
{
    const wetee_metadata *md;
    const wetee_md_pallet *p;
    const wetee_md_storage *s;
    uint8_t h160[20];
    wetee_buf key = WETEE_BUF_INIT, hex = WETEE_BUF_INIT, val = WETEE_BUF_INIT;
    char keyjson[64];
    int rc, found = 0;
    WT_ARG(mapped && c && account, MOD, "NULL argument");
    *mapped = 0;
    if (wetee_revive_is_eth_derived(account) == 1) {
        *mapped = 1;
        return WETEE_OK;
    }
    md = wetee_chain_metadata(c);
    p = md ? wetee_metadata_pallet_by_name(md, "Revive") : NULL;
    s = p ? wetee_md_pallet_storage_by_name(md, p, "OriginalAccount") : NULL;
    if (!s) return wt_error(WETEE_ERR_NOT_FOUND, "contract: the metadata has no Revive.OriginalAccount");
    wetee_revive_address_of(h160, account);
    if ((rc = wetee_hex_encode(&hex, h160, 20, 0)) != WETEE_OK) return rc;
    snprintf(keyjson, sizeof keyjson, "[\"%.*s\"]", (int)hex.len, (const char *)hex.data);
    rc = wetee_storage_key_json(&key, md, s, keyjson, strlen(keyjson));
    if (rc == WETEE_OK) rc = wetee_hex_encode(&hex, key.data, key.len, 0);
    if (rc == WETEE_OK) rc = wt_buf_terminate(&hex);
    if (rc == WETEE_OK) rc = wetee_chain_storage_raw(&val, &found, c, (const char *)hex.data, NULL);
    if (rc == WETEE_OK) *mapped = found && val.len == 32 && memcmp(val.data, account, 32) == 0;
    wetee_buf_free(&key);
    wetee_buf_free(&hex);
    wetee_buf_free(&val);
    return rc;
}

/* sign, submit and watch a call */
static int send_call(wetee_buf *result, wetee_chain *c, const wetee_keypair *kp, const uint8_t *call, size_t n,
                     int finalized, unsigned timeout_ms)
{
    wetee_tx *tx = NULL;
    wetee_buf ext = WETEE_BUF_INIT;
    int rc = wetee_chain_tx_new(&tx, c);
    if (rc == WETEE_OK) rc = wetee_tx_set_call(tx, call, n);
    if (rc == WETEE_OK) rc = wetee_chain_sign(&ext, c, tx, kp, 64);
    if (rc == WETEE_OK)
        rc = wetee_chain_submit_and_watch(result, c, ext.data, ext.len, finalized ? WETEE_TX_FINALIZED : WETEE_TX_IN_BLOCK,
                                          timeout_ms);
    wetee_tx_free(tx);
    wetee_buf_free(&ext);
    return rc;
}

static int signer_account(uint8_t acc[32], const wetee_keypair *kp)
{
    size_t n = 0;
    int rc = wetee_keypair_account_id(kp, acc, &n);
    if (rc == WETEE_OK && n != 32) return wt_error(WETEE_ERR_UNSUPPORTED, "contract: the signer has no 32-byte account id");
    return rc;
}

static int ensure_mapped(wetee_chain *c, const wetee_keypair *kp, const uint8_t acc[32], unsigned timeout_ms)
{
    int mapped = 0, rc;
    wetee_buf call = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
    rc = wetee_revive_is_mapped(&mapped, c, acc);
    if (rc == WETEE_ERR_NOT_FOUND) return WETEE_OK; /* no mapping storage: the runtime maps by itself */
    if (rc != WETEE_OK || mapped) return rc;
    rc = wetee_revive_map_account_encode(&call, wetee_chain_metadata(c));
    if (rc == WETEE_OK) rc = send_call(&res, c, kp, call.data, call.len, 0, timeout_ms);
    if (rc == WETEE_OK && res.len && !strstr((const char *)res.data, "\"success\":true"))
        rc = wt_error(WETEE_ERR_STATE, "contract: Revive.map_account failed: %.300s", (const char *)res.data);
    wetee_buf_free(&call);
    wetee_buf_free(&res);
    return rc;
}

static int dry_run_refused(const wetee_revive_result *r)
{
    return wt_error(WETEE_ERR_STATE, "contract: the dry run %s: %.400s",
                    r->status == WETEE_REVIVE_REVERTED ? "reverted" : "failed", r->json);
}

int wetee_revive_call(wetee_buf *result, wetee_buf *dry_run_return, wetee_chain *c, const wetee_keypair *kp,
                      const uint8_t dest[20], wetee_u128 value, const uint8_t *data, size_t len, int finalized,
                      unsigned timeout_ms)
{
    uint8_t acc[32];
    wetee_revive_result *dr = NULL;
    wetee_revive_limits lim;
    wetee_buf call = WETEE_BUF_INIT;
    int rc;
    WT_ARG_DATA(data, len, MOD);
    WT_ARG(result && c && kp && dest, MOD, "NULL argument");
    if ((rc = signer_account(acc, kp)) != WETEE_OK) return rc;
    if ((rc = ensure_mapped(c, kp, acc, timeout_ms)) != WETEE_OK) return rc;
    rc = wetee_revive_dry_run(&dr, c, acc, dest, value, data, len);
    if (rc == WETEE_OK && dr->status != WETEE_REVIVE_OK) rc = dry_run_refused(dr);
    if (rc == WETEE_OK && dry_run_return) {
        dry_run_return->len = 0;
        rc = wetee_buf_append(dry_run_return, dr->data.data ? dr->data.data : (const uint8_t *)"", dr->data.len);
    }
    if (rc == WETEE_OK) rc = wetee_revive_result_limits(&lim, dr, 10);
    if (rc == WETEE_OK) rc = wetee_revive_call_encode(&call, wetee_chain_metadata(c), dest, value, &lim, data, len);
    if (rc == WETEE_OK) rc = send_call(result, c, kp, call.data, call.len, finalized, timeout_ms);
    wetee_revive_result_free(dr);
    wetee_buf_free(&call);
    return rc;
}

int wetee_contract_query(wetee_buf *out, wetee_chain *c, const wetee_contract_abi *abi, const uint8_t origin[32],
                         const uint8_t dest[20], const char *message, const char *args_json, size_t len)
{
    wetee_buf data = WETEE_BUF_INIT;
    wetee_revive_result *dr = NULL;
    int rc;
    WT_ARG_DATA(args_json, len, MOD);
    WT_ARG(out && c && abi && origin && dest && message, MOD, "NULL argument");
    rc = wetee_contract_encode_call(&data, abi, message, args_json, len);
    if (rc == WETEE_OK) rc = wetee_revive_dry_run(&dr, c, origin, dest, wetee_u128_from_u64(0), data.data, data.len);
    if (rc == WETEE_OK && dr->status != WETEE_REVIVE_OK) rc = dry_run_refused(dr);
    if (rc == WETEE_OK) rc = wetee_contract_decode_return(out, abi, message, dr->data.data, dr->data.len);
    wetee_revive_result_free(dr);
    wetee_buf_free(&data);
    return rc;
}
