/* Chain-level dynamic operations on top of the value codec: calls by name,
 * storage keys and values, System.Events and DispatchError. */
#include <string.h>

#include "value/value_impl.h"
#include "wetee/hash.h"
#include "wetee/scale.h"

static void jw_start(wt_jw *w, wetee_buf *out)
{
    out->len = 0;
    w->b = out;
    w->err = 0;
}

/* "key": with a string value, or null when `s` is NULL */
static void jw_member_str(wt_jw *w, const char *key, const char *s, int first)
{
    if (!first) wt_jw_raw(w, ",", 1);
    wt_jw_str(w, key, strlen(key));
    wt_jw_raw(w, ":", 1);
    if (s) wt_jw_str(w, s, strlen(s));
    else wt_jw_raw(w, "null", 4);
}

static void jw_member(wt_jw *w, const char *key)
{
    wt_jw_raw(w, ",", 1);
    wt_jw_str(w, key, strlen(key));
    wt_jw_raw(w, ":", 1);
}

/* ------------------------------------------------------------------ */
/* calls                                                               */
/* ------------------------------------------------------------------ */

static const struct wetee_md_pallet *find_pallet(const wetee_metadata *md, const char *name)
{
    const struct wetee_md_pallet *p = wetee_metadata_pallet_by_name(md, name);
    uint32_t i;
    if (p) return p;
    for (i = 0; i < md->n_pallets; i++)
        if (wt_name_matches(md->pallets[i].name, name)) return &md->pallets[i];
    return NULL;
}

static const struct wetee_md_variant *find_call(const wetee_metadata *md, const struct wetee_md_pallet *p,
                                                const char *name)
{
    const struct wetee_md_variant *v = wetee_md_pallet_variant_by_name(md, p, WETEE_MD_CALLS, name);
    const struct wetee_md_type *t;
    uint32_t i;
    if (v || p->call_type == WT_MD_NONE) return v;
    t = &md->types[p->call_type];
    for (i = 0; i < t->u.var.n; i++)
        if (wt_name_matches(t->u.var.variants[i].name, name)) return &t->u.var.variants[i];
    return NULL;
}

int wetee_call_encode(wetee_buf *out, const wetee_metadata *md, const char *pallet, const char *call,
                      const wetee_value *args)
{
    const struct wetee_md_pallet *p;
    const struct wetee_md_variant *v;
    size_t len0;
    int rc;
    WT_ARG(out && md && pallet && call, "value", "NULL argument");
    p = find_pallet(md, pallet);
    if (!p) return wt_error(WETEE_ERR_NOT_FOUND, "value: call: no pallet named \"%.80s\"", pallet);
    if (p->call_type == WT_MD_NONE) return wt_error(WETEE_ERR_NOT_FOUND, "value: call: pallet %s has no calls", p->name);
    v = find_call(md, p, call);
    if (!v) return wt_error(WETEE_ERR_NOT_FOUND, "value: call: pallet %s has no call \"%.80s\"", p->name, call);
    len0 = out->len;
    if ((rc = wetee_scale_put_u8(out, p->index)) != WETEE_OK || (rc = wetee_scale_put_u8(out, v->index)) != WETEE_OK) {
        out->len = len0;
        return rc;
    }
    rc = wt_value_encode_fields(out, md, v->fields, v->n_fields, args, NULL);
    if (rc != WETEE_OK) out->len = len0;
    return rc;
}

int wetee_call_encode_json(wetee_buf *out, const wetee_metadata *md, const char *pallet, const char *call,
                           const char *args_json, size_t args_len)
{
    wetee_value *args = NULL;
    int rc;
    WT_ARG_DATA(args_json, args_len, "value");
    if (args_len && (rc = wetee_value_from_json(&args, args_json, args_len)) != WETEE_OK) return rc;
    rc = wetee_call_encode(out, md, pallet, call, args);
    wetee_value_free(args);
    return rc;
}

int wetee_call_decode_json(wetee_buf *out, const wetee_metadata *md, const uint8_t *data, size_t len,
                           const wetee_json_options *opts)
{
    const struct wetee_md_pallet *p;
    const struct wetee_md_variant *v;
    wetee_value *args = NULL;
    wt_jw w;
    int rc, ss58;
    size_t i;
    WT_ARG(out && md, "value", "NULL argument");
    WT_ARG_DATA(data, len, "value");
    if ((rc = wt_json_opts(opts)) != WETEE_OK) return rc;
    if (len < 2) return wt_error(WETEE_ERR_TRUNCATED, "value: call: %zu bytes, need at least 2", len);
    p = wetee_metadata_pallet_by_index(md, data[0]);
    if (!p || p->call_type == WT_MD_NONE)
        return wt_error(WETEE_ERR_NOT_FOUND, "value: call: no pallet with calls at index %u", data[0]);
    v = wt_md_variant_by_index(&md->types[p->call_type], data[1]);
    if (!v) return wt_error(WETEE_ERR_NOT_FOUND, "value: call: pallet %s has no call with index %u", p->name, data[1]);
    /* decode the arguments one by one into a composite */
    args = wt_value_alloc(WETEE_VALUE_COMPOSITE);
    if (!args) return wt_error(WETEE_ERR_NO_MEMORY, "value: out of memory");
    {
        size_t pos = 2;
        for (i = 0; i < v->n_fields; i++) {
            wetee_value *c;
            size_t used;
            char *name = NULL;
            rc = wt_value_decode_at(&c, &used, md, v->fields[i].type, data + pos, len - pos,
                                    v->fields[i].name ? v->fields[i].name : "arg");
            if (rc != WETEE_OK) goto fail;
            pos += used;
            if (v->fields[i].name && !(name = wt_value_strdup(v->fields[i].name, strlen(v->fields[i].name)))) {
                wetee_value_free(c);
                rc = wt_error(WETEE_ERR_NO_MEMORY, "value: out of memory");
                goto fail;
            }
            if ((rc = wt_value_push(args, name, c)) != WETEE_OK) goto fail;
        }
        if (pos != len) {
            rc = wt_error(WETEE_ERR_TRAILING, "value: call %s.%s: %zu bytes left after the arguments", p->name, v->name,
                          len - pos);
            goto fail;
        }
    }
    ss58 = wt_json_ss58(md, opts);
    jw_start(&w, out);
    wt_jw_raw(&w, "{", 1);
    jw_member_str(&w, "pallet", p->name, 1);
    jw_member_str(&w, "call", v->name, 0);
    jw_member(&w, "args");
    if (args->u.list.n) wt_jw_fields(&w, md, args, opts, ss58, 0, 0);
    else wt_jw_raw(&w, "{}", 2);
    wt_jw_raw(&w, "}", 1);
    wetee_value_free(args);
    return wt_jw_finish(&w);
fail:
    wetee_value_free(args);
    return rc;
}

/* ------------------------------------------------------------------ */
/* storage                                                             */
/* ------------------------------------------------------------------ */

/* Type of key i of a map entry. */
static int key_type(uint32_t *ty, const wetee_metadata *md, const struct wetee_md_storage *s, size_t i)
{
    const struct wetee_md_type *kt;
    *ty = WT_MD_NONE;
    if (s->n_hashers == 1) {
        *ty = s->key_type;
        return WETEE_OK;
    }
    kt = &md->types[s->key_type];
    if (kt->kind != WETEE_TYPE_TUPLE || kt->u.tuple.n != s->n_hashers)
        return wt_error(WETEE_ERR_DECODE, "value: storage %s: %u hashers but the key type is not a %u-tuple", s->name,
                        s->n_hashers, s->n_hashers);
    *ty = kt->u.tuple.ids[i];
    return WETEE_OK;
}

static int hash_into(wetee_buf *out, uint32_t hasher, const uint8_t *k, size_t n)
{
    uint8_t h[32];
    int rc;
    switch (hasher) {
    case WETEE_HASHER_BLAKE2_128:
    case WETEE_HASHER_BLAKE2_128_CONCAT:
        wetee_hash_blake2b_128(h, k, n);
        rc = wetee_buf_append(out, h, 16);
        break;
    case WETEE_HASHER_BLAKE2_256:
        wetee_hash_blake2b_256(h, k, n);
        rc = wetee_buf_append(out, h, 32);
        break;
    case WETEE_HASHER_TWOX128:
        wetee_hash_twox128(h, k, n);
        rc = wetee_buf_append(out, h, 16);
        break;
    case WETEE_HASHER_TWOX256:
        wetee_hash_twox256(h, k, n);
        rc = wetee_buf_append(out, h, 32);
        break;
    case WETEE_HASHER_TWOX64_CONCAT:
        wetee_hash_twox64(h, k, n);
        rc = wetee_buf_append(out, h, 8);
        break;
    default: rc = WETEE_OK; break;
    }
    if (rc == WETEE_OK &&
        (hasher == WETEE_HASHER_BLAKE2_128_CONCAT || hasher == WETEE_HASHER_TWOX64_CONCAT || hasher == WETEE_HASHER_IDENTITY))
        rc = wetee_buf_append(out, k, n);
    return rc;
}

static int storage_prefix(wetee_buf *out, const struct wetee_md_storage *s)
{
    uint8_t h[32];
    int rc;
    out->len = 0;
    wetee_hash_twox128(h, (const uint8_t *)s->pallet->storage_prefix, strlen(s->pallet->storage_prefix));
    wetee_hash_twox128(h + 16, (const uint8_t *)s->name, strlen(s->name));
    rc = wetee_buf_append(out, h, 32);
    return rc;
}

int wetee_storage_key(wetee_buf *out, const wetee_metadata *md, const wetee_md_storage *s,
                      const wetee_value *const *keys, size_t nkeys)
{
    wetee_buf tmp = WETEE_BUF_INIT;
    size_t i;
    int rc;
    WT_ARG(out && md && s, "value", "NULL argument");
    WT_ARG_DATA(keys, nkeys, "value");
    if (nkeys > s->n_hashers)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "value: storage %s.%s takes %u keys, got %zu", s->pallet->name,
                        s->name, s->n_hashers, nkeys);
    if ((rc = storage_prefix(out, s)) != WETEE_OK) return rc;
    for (i = 0; i < nkeys; i++) {
        uint32_t ty;
        char path[32];
        snprintf(path, sizeof path, "key[%zu]", i);
        tmp.len = 0;
        if ((rc = key_type(&ty, md, s, i)) != WETEE_OK) break;
        if ((rc = wt_value_encode_at(&tmp, md, ty, keys[i], path)) != WETEE_OK) break;
        if ((rc = hash_into(out, s->hashers[i], tmp.data, tmp.len)) != WETEE_OK) break;
    }
    wetee_buf_free(&tmp);
    if (rc != WETEE_OK) out->len = 0;
    return rc;
}

int wetee_storage_key_json(wetee_buf *out, const wetee_metadata *md, const wetee_md_storage *s, const char *keys_json,
                           size_t len)
{
    wetee_value *v = NULL;
    int rc;
    WT_ARG_DATA(keys_json, len, "value");
    if (len && (rc = wetee_value_from_json(&v, keys_json, len)) != WETEE_OK) return rc;
    if (v && v->kind != WETEE_VALUE_SEQUENCE && v->kind != WETEE_VALUE_NULL) {
        wetee_value_free(v);
        return wt_error(WETEE_ERR_DECODE, "value: storage keys must be a JSON array");
    }
    rc = wetee_storage_key(out, md, s, v && v->kind == WETEE_VALUE_SEQUENCE ? (const wetee_value *const *)v->u.list.items : NULL,
                           v && v->kind == WETEE_VALUE_SEQUENCE ? v->u.list.n : 0);
    wetee_value_free(v);
    return rc;
}

int wetee_storage_key_decode_json(wetee_buf *out, const wetee_metadata *md, const wetee_md_storage *s,
                                  const uint8_t *key, size_t len, const wetee_json_options *opts)
{
    wetee_buf pre = WETEE_BUF_INIT;
    wt_jw w;
    size_t pos = 32, i;
    int rc, ss58;
    WT_ARG(out && md && s, "value", "NULL argument");
    WT_ARG_DATA(key, len, "value");
    if ((rc = wt_json_opts(opts)) != WETEE_OK) return rc;
    if ((rc = storage_prefix(&pre, s)) != WETEE_OK) return rc;
    if (len < 32 || memcmp(pre.data, key, 32) != 0) {
        wetee_buf_free(&pre);
        return wt_error(len < 32 ? WETEE_ERR_TRUNCATED : WETEE_ERR_DECODE,
                        "value: storage key does not start with the prefix of %s.%s", s->pallet->name, s->name);
    }
    wetee_buf_free(&pre);
    ss58 = wt_json_ss58(md, opts);
    jw_start(&w, out);
    wt_jw_raw(&w, "[", 1);
    for (i = 0; i < s->n_hashers; i++) {
        uint32_t h = s->hashers[i], ty;
        size_t hl = h == WETEE_HASHER_BLAKE2_128 || h == WETEE_HASHER_BLAKE2_128_CONCAT || h == WETEE_HASHER_TWOX128 ? 16
                    : h == WETEE_HASHER_BLAKE2_256 || h == WETEE_HASHER_TWOX256                                       ? 32
                    : h == WETEE_HASHER_TWOX64_CONCAT                                                                 ? 8
                                                                                                                      : 0;
        if (i) wt_jw_raw(&w, ",", 1);
        if (len - pos < hl) {
            rc = wt_error(WETEE_ERR_TRUNCATED, "value: storage key of %s.%s ends inside the hash of key %zu", s->pallet->name,
                          s->name, i);
            goto fail;
        }
        if (h == WETEE_HASHER_BLAKE2_128_CONCAT || h == WETEE_HASHER_TWOX64_CONCAT || h == WETEE_HASHER_IDENTITY) {
            wetee_value *v;
            size_t used;
            char path[32];
            uint8_t chk[16];
            snprintf(path, sizeof path, "key[%zu]", i);
            if ((rc = key_type(&ty, md, s, i)) != WETEE_OK) goto fail;
            if ((rc = wt_value_decode_at(&v, &used, md, ty, key + pos + hl, len - pos - hl, path)) != WETEE_OK) goto fail;
            /* the hash must be that of the key bytes */
            if (h == WETEE_HASHER_BLAKE2_128_CONCAT) wetee_hash_blake2b_128(chk, key + pos + hl, used);
            if (h == WETEE_HASHER_TWOX64_CONCAT) wetee_hash_twox64(chk, key + pos + hl, used);
            if (hl && memcmp(chk, key + pos, hl) != 0) {
                wetee_value_free(v);
                rc = wt_error(WETEE_ERR_CHECKSUM, "value: storage key %zu: hash does not match the key", i);
                goto fail;
            }
            wt_jw_value(&w, md, v, opts, ss58, 0);
            wetee_value_free(v);
            pos += hl + used;
        } else {
            wt_jw_hex(&w, key + pos, hl);
            pos += hl;
        }
    }
    if (pos != len) {
        rc = wt_error(WETEE_ERR_TRAILING, "value: storage key of %s.%s has %zu bytes after the last key", s->pallet->name,
                      s->name, len - pos);
        goto fail;
    }
    wt_jw_raw(&w, "]", 1);
    return wt_jw_finish(&w);
fail:
    out->len = 0;
    return rc;
}

int wetee_storage_value_decode_json(wetee_buf *out, const wetee_metadata *md, const wetee_md_storage *s,
                                    const uint8_t *data, size_t len, const wetee_json_options *opts)
{
    int rc;
    WT_ARG(out && md && s, "value", "NULL argument");
    if (!data) {
        if (s->modifier == WETEE_MD_STORAGE_DEFAULT)
            return wetee_value_decode_json(out, md, s->value_type, s->def, s->def_len, opts);
        out->len = 0;
        if ((rc = wetee_buf_append(out, (const uint8_t *)"null", 4)) != WETEE_OK) return rc;
        return wt_buf_terminate(out);
    }
    return wetee_value_decode_json(out, md, s->value_type, data, len, opts);
}

/* ------------------------------------------------------------------ */
/* events                                                              */
/* ------------------------------------------------------------------ */

static const wetee_value *child(const wetee_value *v, const char *name)
{
    return wetee_value_field(v, name);
}

int wetee_events_decode_json(wetee_buf *out, const wetee_metadata *md, const uint8_t *data, size_t len,
                             const wetee_json_options *opts)
{
    const wetee_md_pallet *sys;
    const wetee_md_storage *ev;
    wetee_value *all = NULL;
    wt_jw w;
    size_t i;
    int rc, ss58;
    WT_ARG(out && md, "value", "NULL argument");
    if ((rc = wt_json_opts(opts)) != WETEE_OK) return rc;
    sys = wetee_metadata_pallet_by_name(md, "System");
    ev = sys ? wetee_md_pallet_storage_by_name(md, sys, "Events") : NULL;
    if (!ev) return wt_error(WETEE_ERR_NOT_FOUND, "value: events: the metadata has no System.Events");
    if ((rc = wt_value_decode_at(&all, NULL, md, ev->value_type, data, len, "events")) != WETEE_OK) return rc;
    ss58 = wt_json_ss58(md, opts);
    jw_start(&w, out);
    wt_jw_raw(&w, "[", 1);
    for (i = 0; i < wetee_value_count(all) && !w.err; i++) {
        const wetee_value *rec = wetee_value_at(all, i), *phase = child(rec, "phase"), *event = child(rec, "event"),
                          *topics = child(rec, "topics");
        const wetee_value *inner = event && event->kind == WETEE_VALUE_VARIANT && event->u.list.n == 1
                                       ? event->u.list.items[0]
                                       : NULL;
        if (!event || event->kind != WETEE_VALUE_VARIANT) {
            wetee_value_free(all);
            out->len = 0;
            return wt_error(WETEE_ERR_DECODE, "value: events[%zu]: not an EventRecord with an event enum", i);
        }
        wt_jw_raw(&w, i ? ",{\"phase\":" : "{\"phase\":", i ? 10 : 9);
        if (phase) wt_jw_value(&w, md, phase, opts, ss58, 0);
        else wt_jw_raw(&w, "null", 4);
        jw_member_str(&w, "pallet", event->u.list.vname ? event->u.list.vname : "", 0);
        if (inner && inner->kind == WETEE_VALUE_VARIANT) {
            jw_member_str(&w, "event", inner->u.list.vname ? inner->u.list.vname : "", 0);
            jw_member(&w, "fields");
            wt_jw_fields(&w, md, inner, opts, ss58, 0, 0);
        } else {
            jw_member_str(&w, "event", NULL, 0);
            jw_member(&w, "fields");
            wt_jw_fields(&w, md, event, opts, ss58, 0, 0);
        }
        jw_member(&w, "topics");
        if (topics) wt_jw_value(&w, md, topics, opts, ss58, 0);
        else wt_jw_raw(&w, "[]", 2);
        wt_jw_raw(&w, "}", 1);
    }
    wt_jw_raw(&w, "]", 1);
    rc = wt_jw_finish(&w);
    wetee_value_free(all);
    return rc;
}

/* ------------------------------------------------------------------ */
/* dispatch errors                                                     */
/* ------------------------------------------------------------------ */

static uint32_t find_dispatch_error(const wetee_metadata *md)
{
    uint32_t i;
    for (i = 0; i < md->n_types; i++) {
        const struct wetee_md_type *t = &md->types[i];
        if (t->kind == WETEE_TYPE_VARIANT && t->n_path == 2 && strcmp(t->path[0], "sp_runtime") == 0 &&
            strcmp(t->path[1], "DispatchError") == 0)
            return i;
    }
    return WT_MD_NONE;
}

static void jw_docs(wt_jw *w, const char *const *docs, uint32_t n)
{
    wetee_buf b = WETEE_BUF_INIT;
    uint32_t i;
    for (i = 0; i < n && !w->err; i++) {
        if ((i && wetee_buf_append(&b, (const uint8_t *)" ", 1) != WETEE_OK) ||
            wetee_buf_append(&b, (const uint8_t *)docs[i], strlen(docs[i])) != WETEE_OK)
            w->err = WETEE_ERR_NO_MEMORY;
    }
    wt_jw_str(w, b.data ? (const char *)b.data : "", b.len);
    wetee_buf_free(&b);
}

int wetee_dispatch_error_json(wetee_buf *out, const wetee_metadata *md, const uint8_t *data, size_t len,
                              const wetee_json_options *opts)
{
    uint32_t ty;
    wetee_value *v = NULL;
    const struct wetee_md_variant *var;
    wt_jw w;
    int rc, ss58;
    WT_ARG(out && md, "value", "NULL argument");
    if ((rc = wt_json_opts(opts)) != WETEE_OK) return rc;
    ty = find_dispatch_error(md);
    if (ty == WT_MD_NONE) return wt_error(WETEE_ERR_NOT_FOUND, "value: the registry has no sp_runtime::DispatchError");
    if ((rc = wt_value_decode_at(&v, NULL, md, ty, data, len, "DispatchError")) != WETEE_OK) return rc;
    ss58 = wt_json_ss58(md, opts);
    var = wt_md_variant_by_index(&md->types[ty], v->index);
    jw_start(&w, out);
    wt_jw_raw(&w, "{", 1);
    jw_member_str(&w, "kind", var->name, 1);
    /* Module(ModuleError { index, error }) since 2021; Module { index, error }
     * (the fields in the variant itself) before; error u8 or [u8; 4] */
    if (strcmp(var->name, "Module") == 0 &&
        ((v->u.list.n == 1 && v->u.list.items[0]->kind == WETEE_VALUE_COMPOSITE) || (child(v, "index") && child(v, "error")))) {
        const wetee_value *me = v->u.list.n == 1 ? v->u.list.items[0] : v, *idx = child(me, "index"), *err = child(me, "error");
        uint64_t pi = 0;
        uint8_t eb[4] = { 0, 0, 0, 0 };
        const wetee_md_pallet *p = NULL;
        const wetee_md_variant *ev = NULL;
        if (idx && wetee_value_get_u64(&pi, idx) == WETEE_OK && pi < 256 && err) {
            if (err->kind == WETEE_VALUE_BYTES && err->u.blob.len >= 1) memcpy(eb, err->u.blob.p, err->u.blob.len < 4 ? err->u.blob.len : 4);
            else if (err->kind == WETEE_VALUE_UINT) eb[0] = err->u.num[0];
            ev = wetee_metadata_module_error(&p, md, (uint8_t)pi, eb, 4);
        }
        jw_member_str(&w, "pallet", p ? wetee_md_pallet_name(p) : NULL, 0);
        jw_member_str(&w, "error", ev ? ev->name : NULL, 0);
        jw_member(&w, "docs");
        jw_docs(&w, ev ? ev->docs : NULL, ev ? ev->n_docs : 0);
    } else if (v->u.list.n == 1 && v->u.list.items[0]->kind == WETEE_VALUE_VARIANT) {
        const wetee_value *in = v->u.list.items[0];
        const struct wetee_md_variant *iv = wt_md_variant_by_index(&md->types[in->type], in->index);
        jw_member_str(&w, "pallet", NULL, 0);
        jw_member_str(&w, "error", iv->name, 0);
        jw_member(&w, "docs");
        jw_docs(&w, iv->docs, iv->n_docs);
    } else {
        jw_member_str(&w, "pallet", NULL, 0);
        jw_member_str(&w, "error", var->name, 0);
        jw_member(&w, "docs");
        jw_docs(&w, var->docs, var->n_docs);
    }
    jw_member(&w, "value");
    wt_jw_value(&w, md, v, opts, ss58, 0);
    wt_jw_raw(&w, "}", 1);
    wetee_value_free(v);
    return wt_jw_finish(&w);
}
