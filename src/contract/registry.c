/* A portable type registry written as SCALE and wrapped in a synthetic V14
 * metadata, so that contract ABIs reuse the value module's codec. */
#include <string.h>

#include "contract/contract_impl.h"

#define BAD UINT32_MAX

static void put(wt_reg *r, int rc)
{
    if (rc != WETEE_OK && !r->err) r->err = rc;
}

static void put_compact(wt_reg *r, uint64_t v)
{
    if (!r->err) put(r, wetee_scale_put_compact_u64(&r->body, v));
}

static void put_str(wt_reg *r, const char *s, size_t n)
{
    if (!r->err) put(r, wetee_scale_put_str(&r->body, s, n));
}

static void put_u8(wt_reg *r, uint8_t v)
{
    if (!r->err) put(r, wetee_scale_put_u8(&r->body, v));
}

/* path "a::b::c" as Vec<String> */
static void put_path(wt_reg *r, const char *path)
{
    size_t n = 0;
    const char *p = path, *q;
    if (!path || !*path) {
        put_compact(r, 0);
        return;
    }
    for (p = path; p; p = strstr(p, "::"), p = p ? p + 2 : NULL) n++;
    put_compact(r, n);
    for (p = path; p;) {
        q = strstr(p, "::");
        put_str(r, p, q ? (size_t)(q - p) : strlen(p));
        p = q ? q + 2 : NULL;
    }
}

uint32_t wt_reg_begin(wt_reg *r, const char *path, const uint32_t *params, const char *const *pnames, size_t nparams)
{
    size_t i;
    uint32_t id = r->n;
    if (r->err) return BAD;
    if (r->n >= WT_MD_MAX_TYPES - 1) {
        r->err = wt_error(WETEE_ERR_TOO_LONG, "contract: more than %u types", WT_MD_MAX_TYPES - 1);
        return BAD;
    }
    put_compact(r, id);
    put_path(r, path);
    put_compact(r, nparams);
    for (i = 0; i < nparams; i++) {
        const char *nm = pnames ? pnames[i] : (i == 0 ? "T" : "E");
        put_str(r, nm, strlen(nm));
        if (params[i] == BAD) put_u8(r, 0);
        else {
            put_u8(r, 1);
            put_compact(r, params[i]);
        }
    }
    r->n++;
    return r->err ? BAD : id;
}

void wt_reg_end(wt_reg *r) { put_compact(r, 0); /* docs */ }

static void put_fields(wt_reg *r, const wt_reg_field *f, size_t n)
{
    size_t i;
    put_compact(r, n);
    for (i = 0; i < n; i++) {
        if (f[i].name) {
            put_u8(r, 1);
            put_str(r, f[i].name, strlen(f[i].name));
        } else put_u8(r, 0);
        put_compact(r, f[i].type);
        put_u8(r, 0);      /* type name: None */
        put_compact(r, 0); /* docs */
    }
}

uint32_t wt_reg_prim(wt_reg *r, uint8_t prim)
{
    uint32_t id = wt_reg_begin(r, NULL, NULL, NULL, 0);
    put_u8(r, WETEE_TYPE_PRIMITIVE);
    put_u8(r, prim);
    wt_reg_end(r);
    return r->err ? BAD : id;
}

uint32_t wt_reg_seq(wt_reg *r, uint32_t elem)
{
    uint32_t id = wt_reg_begin(r, NULL, NULL, NULL, 0);
    put_u8(r, WETEE_TYPE_SEQUENCE);
    put_compact(r, elem);
    wt_reg_end(r);
    return r->err ? BAD : id;
}

uint32_t wt_reg_compact(wt_reg *r, uint32_t elem)
{
    uint32_t id = wt_reg_begin(r, NULL, NULL, NULL, 0);
    put_u8(r, WETEE_TYPE_COMPACT);
    put_compact(r, elem);
    wt_reg_end(r);
    return r->err ? BAD : id;
}

uint32_t wt_reg_array(wt_reg *r, uint32_t len, uint32_t elem)
{
    uint32_t id = wt_reg_begin(r, NULL, NULL, NULL, 0);
    put_u8(r, WETEE_TYPE_ARRAY);
    if (!r->err) put(r, wetee_scale_put_u32(&r->body, len));
    put_compact(r, elem);
    wt_reg_end(r);
    return r->err ? BAD : id;
}

uint32_t wt_reg_tuple(wt_reg *r, const uint32_t *ids, size_t n)
{
    size_t i;
    uint32_t id = wt_reg_begin(r, NULL, NULL, NULL, 0);
    put_u8(r, WETEE_TYPE_TUPLE);
    put_compact(r, n);
    for (i = 0; i < n; i++) put_compact(r, ids[i]);
    wt_reg_end(r);
    return r->err ? BAD : id;
}

uint32_t wt_reg_composite(wt_reg *r, const char *path, const wt_reg_field *f, size_t n)
{
    uint32_t id = wt_reg_begin(r, path, NULL, NULL, 0);
    put_u8(r, WETEE_TYPE_COMPOSITE);
    put_fields(r, f, n);
    wt_reg_end(r);
    return r->err ? BAD : id;
}

uint32_t wt_reg_variant_begin(wt_reg *r, const char *path, const uint32_t *params, size_t nparams, size_t nvariants)
{
    uint32_t id = wt_reg_begin(r, path, params, NULL, nparams);
    put_u8(r, WETEE_TYPE_VARIANT);
    put_compact(r, nvariants);
    return r->err ? BAD : id;
}

void wt_reg_variant_item(wt_reg *r, const char *name, uint8_t index, const wt_reg_field *f, size_t n)
{
    put_str(r, name, strlen(name));
    put_fields(r, f, n);
    put_u8(r, index);
    put_compact(r, 0); /* docs */
}

void wt_reg_free(wt_reg *r)
{
    wetee_buf_free(&r->body);
    r->n = 0;
}

int wt_reg_finish(wetee_metadata **out, wt_reg *r)
{
    wetee_buf md = WETEE_BUF_INIT;
    uint32_t unit;
    int rc;
    static const uint8_t head[5] = { 'm', 'e', 't', 'a', 14 };
    *out = NULL;
    /* a unit type for the extrinsic and runtime type ids */
    unit = wt_reg_tuple(r, NULL, 0);
    if (r->err) {
        rc = r->err;
        wt_reg_free(r);
        return rc == WETEE_ERR_NO_MEMORY ? wt_error(rc, "contract: out of memory") : rc;
    }
    rc = wetee_buf_append(&md, head, sizeof head);
    if (rc == WETEE_OK) rc = wetee_scale_put_compact_u64(&md, r->n);
    if (rc == WETEE_OK) rc = wetee_buf_append(&md, r->body.data, r->body.len);
    if (rc == WETEE_OK) rc = wetee_scale_put_compact_u64(&md, 0); /* pallets */
    if (rc == WETEE_OK) rc = wetee_scale_put_compact_u64(&md, unit); /* extrinsic type */
    if (rc == WETEE_OK) rc = wetee_scale_put_u8(&md, 4);
    if (rc == WETEE_OK) rc = wetee_scale_put_compact_u64(&md, 0); /* signed extensions */
    if (rc == WETEE_OK) rc = wetee_scale_put_compact_u64(&md, unit); /* runtime type */
    wt_reg_free(r);
    if (rc == WETEE_OK) {
        rc = wetee_metadata_parse(out, md.data, md.len, NULL);
        if (rc != WETEE_OK) {
            char d[400];
            snprintf(d, sizeof d, "%s", wetee_last_error());
            rc = wt_error(rc, "contract: ABI type registry: %s", d);
        }
    }
    wetee_buf_free(&md);
    return rc;
}
