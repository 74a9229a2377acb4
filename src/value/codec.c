/* SCALE encoding and decoding of dynamic values against a metadata's
 * portable type registry. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "value/value_impl.h"
#include "wetee/keys.h"
#include "wetee/scale.h"
#include "wetee/ss58.h"

/* ------------------------------------------------------------------ */
/* paths                                                               */
/* ------------------------------------------------------------------ */

typedef struct walk {
    const wetee_metadata *md;
    char path[384];
    size_t plen;
    unsigned depth;
} walk;

/* Path maintenance is on every node, so it avoids printf. */
static size_t push_name(walk *w, const char *name)
{
    size_t at = w->plen, n = strlen(name), room = sizeof w->path - 1 - at;
    char *p = w->path + at;
    if (at && room) {
        *p++ = '.';
        room--;
    }
    if (n > room) n = room;
    memcpy(p, name, n);
    p[n] = '\0';
    w->plen = (size_t)(p + n - w->path);
    return at;
}

static size_t push_index(walk *w, size_t i)
{
    size_t at = w->plen, k = 0;
    char tmp[24];
    tmp[k++] = ']';
    do {
        tmp[k++] = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    tmp[k++] = '[';
    if (k < sizeof w->path - at) {
        size_t j;
        for (j = 0; j < k; j++) w->path[at + j] = tmp[k - 1 - j];
        w->plen = at + k;
        w->path[w->plen] = '\0';
    }
    return at;
}

static void walk_init(walk *w, const wetee_metadata *md, const char *path)
{
    memset(w, 0, sizeof *w);
    w->md = md;
    if (path) {
        snprintf(w->path, sizeof w->path, "%s", path);
        w->plen = strlen(w->path);
    }
}

static void pop(walk *w, size_t at)
{
    w->plen = at;
    w->path[at] = '\0';
}

static int werr(walk *w, int code, const char *fmt, ...) WT_PRINTF(3, 4);
static int werr(walk *w, int code, const char *fmt, ...)
{
    char msg[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return wt_error(code, "value: %s: %s", w->plen ? w->path : "(root)", msg);
}

/* Wrap the detail of a failed scale/core call with the path. */
static int wrap(walk *w, int rc)
{
    char d[512];
    snprintf(d, sizeof d, "%s", wetee_last_error());
    return werr(w, rc, "%s", d);
}

static const char *type_name(const struct wetee_md_type *t) { return t->n_path ? t->path[t->n_path - 1] : "type"; }

static int is_u8(const wetee_metadata *md, uint32_t ty)
{
    return md->types[ty].kind == WETEE_TYPE_PRIMITIVE && md->types[ty].prim == WETEE_PRIM_U8;
}

static const char *kind_name(int k)
{
    static const char *names[] = { "null", "bool", "unsigned integer", "signed integer", "string",
                                   "bytes", "sequence", "composite", "variant", "bit sequence" };
    return k >= 0 && k <= 9 ? names[k] : "?";
}

static int prim_width(uint8_t prim)
{
    switch (prim) {
    case WETEE_PRIM_U8: case WETEE_PRIM_I8: return 1;
    case WETEE_PRIM_U16: case WETEE_PRIM_I16: return 2;
    case WETEE_PRIM_U32: case WETEE_PRIM_I32: case WETEE_PRIM_CHAR: return 4;
    case WETEE_PRIM_U64: case WETEE_PRIM_I64: return 8;
    case WETEE_PRIM_U128: case WETEE_PRIM_I128: return 16;
    case WETEE_PRIM_U256: case WETEE_PRIM_I256: return 32;
    default: return 0;
    }
}

static int prim_signed(uint8_t prim) { return prim >= WETEE_PRIM_I8 && prim <= WETEE_PRIM_I256; }

static const char *prim_name(uint8_t prim)
{
    static const char *n[] = { "bool", "char", "str", "u8", "u16", "u32", "u64", "u128",
                               "u256", "i8", "i16", "i32", "i64", "i128", "i256" };
    return prim <= WETEE_PRIM_I256 ? n[prim] : "?";
}

/* Resolve Compact<T>'s T through single-field wrappers to a primitive. */
static int compact_prim(const wetee_metadata *md, uint32_t ty, uint8_t *prim)
{
    int i;
    for (i = 0; i < 16; i++) {
        const struct wetee_md_type *t = &md->types[ty];
        if (t->kind == WETEE_TYPE_PRIMITIVE) {
            *prim = t->prim;
            return prim_width(t->prim) > 0 && !prim_signed(t->prim) && t->prim != WETEE_PRIM_CHAR;
        }
        if (t->kind == WETEE_TYPE_COMPOSITE && t->u.comp.n == 1) ty = t->u.comp.fields[0].type;
        else if (t->kind == WETEE_TYPE_TUPLE && t->u.tuple.n == 1) ty = t->u.tuple.ids[0];
        else if ((t->kind == WETEE_TYPE_COMPOSITE && t->u.comp.n == 0) || (t->kind == WETEE_TYPE_TUPLE && t->u.tuple.n == 0)) {
            *prim = 0xff; /* Compact<()> */
            return 1;
        } else return 0;
    }
    return 0;
}

static int bit_layout(const wetee_metadata *md, const struct wetee_md_type *t, wetee_scale_bitstore *store,
                      wetee_scale_bitorder *order)
{
    const struct wetee_md_type *s = &md->types[t->u.bits.store], *o = &md->types[t->u.bits.order];
    const char *on = wt_type_last_path(o);
    if (s->kind != WETEE_TYPE_PRIMITIVE) return 0;
    switch (s->prim) {
    case WETEE_PRIM_U8: *store = WETEE_SCALE_BITSTORE_U8; break;
    case WETEE_PRIM_U16: *store = WETEE_SCALE_BITSTORE_U16; break;
    case WETEE_PRIM_U32: *store = WETEE_SCALE_BITSTORE_U32; break;
    case WETEE_PRIM_U64: *store = WETEE_SCALE_BITSTORE_U64; break;
    default: return 0;
    }
    if (strcmp(on, "Lsb0") == 0) *order = WETEE_SCALE_LSB0;
    else if (strcmp(on, "Msb0") == 0) *order = WETEE_SCALE_MSB0;
    else return 0;
    return 1;
}

/* ------------------------------------------------------------------ */
/* encoding                                                            */
/* ------------------------------------------------------------------ */

typedef struct enc {
    walk w;
    wetee_buf *out;
} enc;

static int enc_type(enc *e, uint32_t ty, const wetee_value *v);

static int is_hex_str(const wetee_value *v)
{
    return v->kind == WETEE_VALUE_STRING && v->u.blob.len >= 2 && v->u.blob.p[0] == '0' &&
           (v->u.blob.p[1] == 'x' || v->u.blob.p[1] == 'X');
}

static int is_list(const wetee_value *v)
{
    return v->kind == WETEE_VALUE_SEQUENCE || v->kind == WETEE_VALUE_COMPOSITE || v->kind == WETEE_VALUE_VARIANT;
}

static int has_names(const wetee_value *v)
{
    size_t i;
    if (!is_list(v) || !v->u.list.names) return 0;
    for (i = 0; i < v->u.list.n; i++)
        if (v->u.list.names[i]) return 1;
    return 0;
}

/* Bytes of a Vec<u8> / [u8; N] value: BYTES, 0x-hex STRING, or a sequence
 * of integers 0..255. `want` is the array length or -1. */
static int enc_bytes(enc *e, const wetee_value *v, long want)
{
    wetee_buf tmp = WETEE_BUF_INIT;
    const uint8_t *p;
    size_t n, i;
    int rc = WETEE_OK;
    if (v->kind == WETEE_VALUE_BYTES) {
        p = v->u.blob.p;
        n = v->u.blob.len;
    } else if (is_hex_str(v)) {
        if (wetee_hex_decode(&tmp, (const char *)v->u.blob.p, v->u.blob.len) != WETEE_OK) {
            rc = wrap(&e->w, WETEE_ERR_DECODE);
            goto done;
        }
        p = tmp.data;
        n = tmp.len;
    } else if (v->kind == WETEE_VALUE_SEQUENCE) {
        for (i = 0; i < v->u.list.n; i++) {
            wt_num num;
            const char *why = NULL;
            uint8_t b;
            if (wt_num_from_value(&num, v->u.list.items[i], &why) != WETEE_OK || num.neg || wt_num_bits(&num) > 8) {
                size_t at = push_index(&e->w, i);
                rc = werr(&e->w, WETEE_ERR_DECODE, "expected a byte 0..255");
                pop(&e->w, at);
                goto done;
            }
            b = num.mag[0];
            if ((rc = wetee_buf_append(&tmp, &b, 1)) != WETEE_OK) goto done;
        }
        p = tmp.data;
        n = tmp.len;
    } else {
        rc = werr(&e->w, WETEE_ERR_DECODE, "expected bytes as a 0x-hex string, got %s", kind_name(v->kind));
        goto done;
    }
    if (want >= 0 && n != (size_t)want) {
        rc = werr(&e->w, WETEE_ERR_DECODE, "expected %ld bytes, got %zu", want, n);
        goto done;
    }
    if (want < 0 && (rc = wetee_scale_put_seq_len(e->out, n)) != WETEE_OK) goto done;
    rc = wetee_scale_put_raw(e->out, p, n);
done:
    wetee_buf_free(&tmp);
    return rc;
}

/* Encode `nf` fields from a list of items (named or positional). */
static int enc_fields(enc *e, const struct wetee_md_field *f, uint32_t nf, wetee_value *const *items,
                      char *const *names, size_t ni)
{
    size_t i, j;
    int named = nf && f[0].name != NULL;
    int given_names = 0;
    for (j = 0; names && j < ni; j++)
        if (names[j]) given_names = 1;
    if (named && (given_names || ni == 0)) {
        for (j = 0; j < ni; j++) {
            int found = 0;
            for (i = 0; i < nf && !found; i++) found = names[j] && f[i].name && wt_name_matches(f[i].name, names[j]);
            if (!found) {
                size_t at = push_name(&e->w, names[j] ? names[j] : "?");
                int rc = werr(&e->w, WETEE_ERR_DECODE, "unknown field");
                pop(&e->w, at);
                return rc;
            }
        }
        for (i = 0; i < nf; i++) {
            size_t at = push_name(&e->w, f[i].name);
            int rc;
            for (j = 0; j < ni; j++)
                if (names[j] && wt_name_matches(f[i].name, names[j])) break;
            if (j == ni) rc = werr(&e->w, WETEE_ERR_DECODE, "missing field");
            else rc = enc_type(e, f[i].type, items[j]);
            pop(&e->w, at);
            if (rc != WETEE_OK) return rc;
        }
        if (ni != nf) return werr(&e->w, WETEE_ERR_DECODE, "a field is given twice");
        return WETEE_OK;
    }
    if (given_names) return werr(&e->w, WETEE_ERR_DECODE, "expected %u unnamed fields, got named ones", nf);
    if (ni != nf) return werr(&e->w, WETEE_ERR_DECODE, "expected %u fields, got %zu", nf, ni);
    for (i = 0; i < nf; i++) {
        size_t at = f[i].name ? push_name(&e->w, f[i].name) : push_index(&e->w, i);
        int rc = enc_type(e, f[i].type, items[i]);
        pop(&e->w, at);
        if (rc != WETEE_OK) return rc;
    }
    return WETEE_OK;
}

/* Fields given as one payload value (struct body, or a variant's payload). */
static int enc_payload(enc *e, const struct wetee_md_field *f, uint32_t nf, const wetee_value *v)
{
    if (nf == 0) {
        if (v->kind == WETEE_VALUE_NULL || (is_list(v) && v->u.list.n == 0)) return WETEE_OK;
        return werr(&e->w, WETEE_ERR_DECODE, "expected no value (null), got %s", kind_name(v->kind));
    }
    if (nf == 1 && !f[0].name) return enc_type(e, f[0].type, v);
    if (v->kind != WETEE_VALUE_COMPOSITE && v->kind != WETEE_VALUE_SEQUENCE && v->kind != WETEE_VALUE_VARIANT)
        return werr(&e->w, WETEE_ERR_DECODE, "expected %s with %u fields, got %s", f[0].name ? "an object" : "an array",
                    nf, kind_name(v->kind));
    return enc_fields(e, f, nf, v->u.list.items, v->u.list.names, v->u.list.n);
}

static int enc_composite(enc *e, const struct wetee_md_type *t, const wetee_value *v)
{
    const char *last = wt_type_last_path(t);
    /* a decoded newtype: composite node with its one unnamed child */
    if (t->u.comp.n == 1 && !t->u.comp.fields[0].name && v->kind == WETEE_VALUE_COMPOSITE && v->u.list.n == 1 &&
        !has_names(v))
        v = v->u.list.items[0];
    if (wt_type_is_u256be(t) && (v->kind == WETEE_VALUE_UINT || v->kind == WETEE_VALUE_INT || v->kind == WETEE_VALUE_STRING)) {
        /* wrevive's U256: a number (or decimal / 0x string) as 32 bytes big-endian */
        wt_num n;
        const char *why = "";
        uint8_t be[32];
        size_t i;
        int rc = wt_num_from_value(&n, v, &why);
        if (rc != WETEE_OK) return werr(&e->w, rc, "%s", v->kind == WETEE_VALUE_STRING ? why : "expected an integer");
        if (n.neg) return werr(&e->w, WETEE_ERR_OVERFLOW, "negative value for U256");
        for (i = 0; i < 32; i++) be[i] = n.mag[31 - i];
        return wetee_scale_put_raw(e->out, be, 32);
    }
    if (v->kind == WETEE_VALUE_STRING && !is_hex_str(v)) {
        if (strcmp(last, "AccountId32") == 0) {
            wetee_buf pl = WETEE_BUF_INIT;
            uint16_t prefix;
            int rc = wetee_ss58_decode(&pl, &prefix, (const char *)v->u.blob.p, v->u.blob.len);
            if (rc != WETEE_OK) rc = wrap(&e->w, rc);
            else if (pl.len != 32) rc = werr(&e->w, WETEE_ERR_DECODE, "expected 32 bytes, got %zu", pl.len);
            else rc = wetee_scale_put_raw(e->out, pl.data, 32);
            wetee_buf_free(&pl);
            return rc;
        }
    }
    if (v->kind == WETEE_VALUE_STRING && strcmp(last, "AccountId20") == 0 && v->u.blob.len == 42) {
        uint8_t a[20];
        int rc = wetee_eth_address_from_string(a, (const char *)v->u.blob.p, v->u.blob.len);
        if (rc != WETEE_OK) return wrap(&e->w, rc);
        return wetee_scale_put_raw(e->out, a, 20);
    }
    return enc_payload(e, t->u.comp.fields, t->u.comp.n, v);
}

static const struct wetee_md_variant *variant_named(const struct wetee_md_type *t, const char *name)
{
    uint32_t i;
    for (i = 0; i < t->u.var.n; i++)
        if (strcmp(t->u.var.variants[i].name, name) == 0) return &t->u.var.variants[i];
    for (i = 0; i < t->u.var.n; i++)
        if (wt_name_matches(t->u.var.variants[i].name, name)) return &t->u.var.variants[i];
    return NULL;
}

static int enc_variant_with(enc *e, const struct wetee_md_variant *var, const wetee_value *payload,
                            const wetee_value *node, int quiet)
{
    size_t at = e->w.plen;
    int rc;
    if ((rc = wetee_scale_put_u8(e->out, var->index)) != WETEE_OK) return rc;
    if (!quiet) at = push_name(&e->w, var->name);
    if (node) { /* a VARIANT value: its children are the fields */
        if (var->n_fields == 1 && !var->fields[0].name && node->u.list.n == 1 && !has_names(node))
            rc = enc_type(e, var->fields[0].type, node->u.list.items[0]);
        else
            rc = enc_fields(e, var->fields, var->n_fields, node->u.list.items, node->u.list.names, node->u.list.n);
    } else if (payload) {
        rc = enc_payload(e, var->fields, var->n_fields, payload);
    } else if (var->n_fields) {
        rc = werr(&e->w, WETEE_ERR_DECODE, "variant has %u fields, none given", var->n_fields);
    }
    pop(&e->w, at);
    return rc;
}

/* The name a value gives as an Option's variant (a one-entry object's key or a
 * hand-built variant's name), or NULL. */
static const char *option_key(const wetee_value *v)
{
    if (v->kind == WETEE_VALUE_COMPOSITE && v->u.list.n == 1 && has_names(v)) return v->u.list.names[0];
    if (v->kind == WETEE_VALUE_VARIANT) return v->u.list.vname;
    return NULL;
}

/* Whether `v` names Option's own None / Some rather than a variant of the
 * inner enum: a variant decoded with this Option's type always does; a variant
 * built without a name (index only) does; otherwise its key must match None
 * or Some (exactly or camelCased) and no variant of the inner type when that
 * is an enum (so {"none": null} for Option<E> with a variant E::NONE is
 * Some(E::NONE), as polkadot.js writes it; JSON null is the only None then). */
static int option_explicit(const wetee_metadata *md, const struct wetee_md_type *t, const struct wetee_md_variant *some,
                           const wetee_value *v)
{
    const char *key = option_key(v);
    const struct wetee_md_type *in;
    if (v->kind == WETEE_VALUE_VARIANT && (v->type < md->n_types && &md->types[v->type] == t)) return 1;
    if (v->kind == WETEE_VALUE_VARIANT && !key) return 1;
    if (!key || !(wt_name_matches("None", key) || wt_name_matches("Some", key))) return 0;
    if (some->n_fields != 1) return 1;
    in = &md->types[some->fields[0].type];
    return !(in->kind == WETEE_TYPE_VARIANT && variant_named(in, key));
}

static int enc_variant(enc *e, const struct wetee_md_type *t, const wetee_value *v)
{
    const struct wetee_md_variant *var = NULL;
    if (wt_type_is_option(t)) {
        const struct wetee_md_variant *none = variant_named(t, "None"), *some = variant_named(t, "Some");
        if (none && some && !option_explicit(e->w.md, t, some, v)) {
            if (v->kind == WETEE_VALUE_NULL) return wetee_scale_put_u8(e->out, none->index);
            return enc_variant_with(e, some, v, NULL, 1);
        }
    }
    if (v->kind == WETEE_VALUE_VARIANT) {
        if (v->u.list.vname) var = variant_named(t, v->u.list.vname);
        else var = wt_md_variant_by_index(t, v->index);
        if (!var) {
            if (v->u.list.vname)
                return werr(&e->w, WETEE_ERR_DECODE, "unknown variant \"%.80s\" of %s", v->u.list.vname, type_name(t));
            return werr(&e->w, WETEE_ERR_DECODE, "unknown variant index %u of %s", v->index, type_name(t));
        }
        if (v->u.list.vname && v->has_index && var->index != v->index)
            return werr(&e->w, WETEE_ERR_DECODE, "variant %s has index %u, not %u", var->name, var->index, v->index);
        return enc_variant_with(e, var, NULL, v, 0);
    }
    if (v->kind == WETEE_VALUE_STRING) {
        var = variant_named(t, (const char *)v->u.blob.p);
        if (!var)
            return werr(&e->w, WETEE_ERR_DECODE, "unknown variant \"%.80s\" of %s", (const char *)v->u.blob.p,
                        type_name(t));
        return enc_variant_with(e, var, NULL, NULL, 0);
    }
    if (v->kind == WETEE_VALUE_COMPOSITE && v->u.list.n == 1 && has_names(v)) {
        var = variant_named(t, v->u.list.names[0]);
        if (!var)
            return werr(&e->w, WETEE_ERR_DECODE, "unknown variant \"%.80s\" of %s", v->u.list.names[0], type_name(t));
        return enc_variant_with(e, var, v->u.list.items[0], NULL, 0);
    }
    return werr(&e->w, WETEE_ERR_DECODE, "expected a variant of %s (\"Name\" or {\"Name\": fields}), got %s",
                type_name(t), kind_name(v->kind));
}

static int is_pow2_top(const wt_num *n, unsigned bits)
{
    unsigned i;
    for (i = 0; i < 32; i++) {
        uint8_t want = (i == (bits - 1) / 8) ? (uint8_t)(1u << ((bits - 1) % 8)) : 0;
        if (n->mag[i] != want) return 0;
    }
    return 1;
}

static int enc_int(enc *e, uint8_t prim, const wetee_value *v)
{
    wt_num n;
    const char *why = "";
    int w = prim_width(prim), rc;
    unsigned bits, i;
    uint8_t le[32];
    char dec[90];
    if ((rc = wt_num_from_value(&n, v, &why)) != WETEE_OK) {
        if (v->kind != WETEE_VALUE_STRING) return werr(&e->w, rc, "expected %s, got %s", prim_name(prim), kind_name(v->kind));
        return werr(&e->w, rc, "%s", why);
    }
    bits = wt_num_bits(&n);
    /* A signed type written as full-width hex ("0x" and exactly 2 * width
     * digits, as polkadot.js writes a negative i128) is two's complement. */
    if (prim_signed(prim) && !n.neg && v->kind == WETEE_VALUE_STRING && v->u.blob.len == 2 + 2 * (size_t)w &&
        is_hex_str(v) && bits == (unsigned)w * 8)
        return wetee_scale_put_raw(e->out, n.mag, (size_t)w);
    if (prim_signed(prim) ? (n.neg ? !(bits < (unsigned)w * 8 || (bits == (unsigned)w * 8 && is_pow2_top(&n, bits)))
                                   : bits > (unsigned)w * 8 - 1)
                          : (n.neg || bits > (unsigned)w * 8)) {
        wt_num_to_decimal(dec, &n);
        return werr(&e->w, WETEE_ERR_OVERFLOW, "%s out of range for %s", dec, prim_name(prim));
    }
    memcpy(le, n.mag, 32);
    if (n.neg) {
        unsigned carry = 1;
        for (i = 0; i < 32; i++) {
            unsigned x = (uint8_t)~le[i] + carry;
            le[i] = (uint8_t)x;
            carry = x >> 8;
        }
    }
    return wetee_scale_put_raw(e->out, le, (size_t)w);
}

static int enc_prim(enc *e, uint8_t prim, const wetee_value *v)
{
    switch (prim) {
    case WETEE_PRIM_BOOL:
        if (v->kind != WETEE_VALUE_BOOL) return werr(&e->w, WETEE_ERR_DECODE, "expected a bool, got %s", kind_name(v->kind));
        return wetee_scale_put_bool(e->out, v->u.b);
    case WETEE_PRIM_STR:
        if (v->kind != WETEE_VALUE_STRING) return werr(&e->w, WETEE_ERR_DECODE, "expected a string, got %s", kind_name(v->kind));
        return wetee_scale_put_str(e->out, (const char *)v->u.blob.p, v->u.blob.len);
    case WETEE_PRIM_CHAR: {
        const uint8_t *s = v->u.blob.p;
        uint32_t cp;
        size_t n;
        if (v->kind != WETEE_VALUE_STRING || v->u.blob.len == 0 || v->u.blob.len > 4)
            return werr(&e->w, WETEE_ERR_DECODE, "expected a one-character string");
        n = v->u.blob.len;
        if (n == 1 && s[0] < 0x80) cp = s[0];
        else if (n == 2 && (s[0] & 0xe0) == 0xc0) cp = (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
        else if (n == 3 && (s[0] & 0xf0) == 0xe0) cp = (uint32_t)(s[0] & 0x0f) << 12 | (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
        else if (n == 4 && (s[0] & 0xf8) == 0xf0)
            cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 | (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
        else return werr(&e->w, WETEE_ERR_DECODE, "expected a one-character string");
        return wetee_scale_put_u32(e->out, cp);
    }
    default: return enc_int(e, prim, v);
    }
}

static int enc_compact(enc *e, const struct wetee_md_type *t, const wetee_value *v)
{
    uint8_t prim;
    wt_num n;
    const char *why = "";
    int rc, w;
    if (!compact_prim(e->w.md, t->u.elem.type, &prim))
        return werr(&e->w, WETEE_ERR_UNSUPPORTED, "Compact of a non-integer type");
    if (prim == 0xff) return enc_type(e, t->u.elem.type, v); /* Compact<()>: what () takes, no bytes */
    if ((rc = wt_num_from_value(&n, v, &why)) != WETEE_OK)
        return werr(&e->w, rc, "%s", v->kind == WETEE_VALUE_STRING ? why : "expected an integer");
    w = prim_width(prim);
    if (n.neg || wt_num_bits(&n) > (unsigned)w * 8) {
        char dec[90];
        wt_num_to_decimal(dec, &n);
        return werr(&e->w, WETEE_ERR_OVERFLOW, "%s out of range for Compact<%s>", dec, prim_name(prim));
    }
    rc = wetee_scale_put_compact_big(e->out, n.mag, (size_t)w);
    return rc == WETEE_OK ? rc : wrap(&e->w, rc);
}

static const uint8_t zero32[32];

static int enc_bits(enc *e, const struct wetee_md_type *t, const wetee_value *v)
{
    wetee_scale_bitstore store;
    wetee_scale_bitorder order;
    wetee_buf tmp = WETEE_BUF_INIT;
    const uint8_t *p;
    size_t nbits, i;
    int rc;
    if (!bit_layout(e->w.md, t, &store, &order))
        return werr(&e->w, WETEE_ERR_UNSUPPORTED, "bit sequence with an unknown store or order type");
    if (v->kind == WETEE_VALUE_BITS) {
        p = v->u.blob.p;
        nbits = v->u.blob.len;
    } else if (v->kind == WETEE_VALUE_BYTES || is_hex_str(v)) {
        if (v->kind == WETEE_VALUE_BYTES) rc = wetee_buf_append(&tmp, v->u.blob.p, v->u.blob.len);
        else rc = wetee_hex_decode(&tmp, (const char *)v->u.blob.p, v->u.blob.len);
        if (rc != WETEE_OK) {
            wetee_buf_free(&tmp);
            return wrap(&e->w, rc);
        }
        p = tmp.data;
        nbits = tmp.len * 8;
    } else if (v->kind == WETEE_VALUE_SEQUENCE) {
        nbits = v->u.list.n;
        if ((rc = wetee_buf_reserve(&tmp, nbits / 8 + 1)) != WETEE_OK) return rc;
        memset(tmp.data, 0, nbits / 8 + 1);
        for (i = 0; i < nbits; i++) {
            const wetee_value *b = v->u.list.items[i];
            int bit;
            if (b->kind == WETEE_VALUE_BOOL) bit = b->u.b;
            else if (b->kind == WETEE_VALUE_UINT && b->u.num[0] <= 1 && !memcmp(b->u.num + 1, zero32, 31)) bit = b->u.num[0];
            else {
                size_t at = push_index(&e->w, i);
                rc = werr(&e->w, WETEE_ERR_DECODE, "expected a bit (true/false or 0/1)");
                pop(&e->w, at);
                wetee_buf_free(&tmp);
                return rc;
            }
            if (bit) tmp.data[i / 8] |= (uint8_t)(1u << (i % 8));
        }
        p = tmp.data;
    } else {
        return werr(&e->w, WETEE_ERR_DECODE, "expected a bit sequence, got %s", kind_name(v->kind));
    }
    rc = wetee_scale_put_bitvec(e->out, p, nbits, store, order);
    wetee_buf_free(&tmp);
    return rc == WETEE_OK ? rc : wrap(&e->w, rc);
}

static int enc_list(enc *e, uint32_t elem, const wetee_value *v, long want)
{
    size_t i;
    int rc;
    if (v->kind != WETEE_VALUE_SEQUENCE && !(v->kind == WETEE_VALUE_COMPOSITE && !has_names(v)))
        return werr(&e->w, WETEE_ERR_DECODE, "expected an array, got %s", kind_name(v->kind));
    if (want >= 0 && v->u.list.n != (size_t)want)
        return werr(&e->w, WETEE_ERR_DECODE, "expected %ld items, got %zu", want, v->u.list.n);
    if (want < 0 && (rc = wetee_scale_put_seq_len(e->out, v->u.list.n)) != WETEE_OK) return wrap(&e->w, rc);
    for (i = 0; i < v->u.list.n; i++) {
        size_t at = push_index(&e->w, i);
        rc = enc_type(e, elem, v->u.list.items[i]);
        pop(&e->w, at);
        if (rc != WETEE_OK) return rc;
    }
    return WETEE_OK;
}

static int enc_type(enc *e, uint32_t ty, const wetee_value *v)
{
    const struct wetee_md_type *t;
    int rc;
    if (ty >= e->w.md->n_types) return werr(&e->w, WETEE_ERR_NOT_FOUND, "unknown type id %u", ty);
    if (++e->w.depth > WT_VALUE_MAX_DEPTH) {
        e->w.depth--;
        return werr(&e->w, WETEE_ERR_DEPTH, "nesting deeper than %d", WT_VALUE_MAX_DEPTH);
    }
    t = &e->w.md->types[ty];
    switch (t->kind) {
    case WETEE_TYPE_COMPOSITE: rc = enc_composite(e, t, v); break;
    case WETEE_TYPE_VARIANT: rc = enc_variant(e, t, v); break;
    case WETEE_TYPE_SEQUENCE:
        rc = is_u8(e->w.md, t->u.elem.type) ? enc_bytes(e, v, -1) : enc_list(e, t->u.elem.type, v, -1);
        break;
    case WETEE_TYPE_ARRAY:
        rc = is_u8(e->w.md, t->u.elem.type) ? enc_bytes(e, v, (long)t->u.elem.len)
                                             : enc_list(e, t->u.elem.type, v, (long)t->u.elem.len);
        break;
    case WETEE_TYPE_TUPLE:
        if (t->u.tuple.n == 0) {
            rc = (v->kind == WETEE_VALUE_NULL || (is_list(v) && v->u.list.n == 0))
                     ? WETEE_OK
                     : werr(&e->w, WETEE_ERR_DECODE, "expected () (null), got %s", kind_name(v->kind));
        } else if (t->u.tuple.n == 1 && !(v->kind == WETEE_VALUE_SEQUENCE && v->u.list.n == 1)) {
            rc = enc_type(e, t->u.tuple.ids[0], v);
        } else if (v->kind != WETEE_VALUE_SEQUENCE && !(v->kind == WETEE_VALUE_COMPOSITE && !has_names(v))) {
            rc = werr(&e->w, WETEE_ERR_DECODE, "expected an array of %u items, got %s", t->u.tuple.n, kind_name(v->kind));
        } else if (v->u.list.n != t->u.tuple.n) {
            rc = werr(&e->w, WETEE_ERR_DECODE, "expected %u items, got %zu", t->u.tuple.n, v->u.list.n);
        } else {
            uint32_t i;
            rc = WETEE_OK;
            for (i = 0; i < t->u.tuple.n && rc == WETEE_OK; i++) {
                size_t at = push_index(&e->w, i);
                rc = enc_type(e, t->u.tuple.ids[i], v->u.list.items[i]);
                pop(&e->w, at);
            }
        }
        break;
    case WETEE_TYPE_PRIMITIVE: rc = enc_prim(e, t->prim, v); break;
    case WETEE_TYPE_COMPACT: rc = enc_compact(e, t, v); break;
    case WETEE_TYPE_BIT_SEQUENCE: rc = enc_bits(e, t, v); break;
    default: rc = werr(&e->w, WETEE_ERR_INTERNAL, "unknown type kind");
    }
    e->w.depth--;
    return rc;
}

int wt_value_encode_at(wetee_buf *out, const wetee_metadata *md, uint32_t type, const wetee_value *v,
                       const char *path)
{
    enc e;
    size_t len0;
    int rc;
    WT_ARG(out && md && v, "value", "NULL argument");
    walk_init(&e.w, md, path);
    e.out = out;
    len0 = out->len;
    if (type >= md->n_types) return wt_error(WETEE_ERR_NOT_FOUND, "value: unknown type id %u", type);
    rc = enc_type(&e, type, v);
    if (rc != WETEE_OK) out->len = len0;
    return rc;
}

int wt_value_encode_fields(wetee_buf *out, const wetee_metadata *md, const struct wetee_md_field *f, uint32_t nf,
                           const wetee_value *args, const char *path)
{
    enc e;
    size_t len0 = out->len;
    int rc;
    walk_init(&e.w, md, path);
    e.out = out;
    if (!args || args->kind == WETEE_VALUE_NULL) rc = enc_fields(&e, f, nf, NULL, NULL, 0);
    else if (args->kind != WETEE_VALUE_COMPOSITE && args->kind != WETEE_VALUE_SEQUENCE)
        rc = werr(&e.w, WETEE_ERR_DECODE, "expected the arguments as an object or array, got %s", kind_name(args->kind));
    else rc = enc_fields(&e, f, nf, args->u.list.items, args->u.list.names, args->u.list.n);
    if (rc != WETEE_OK) out->len = len0;
    return rc;
}

int wetee_value_encode(wetee_buf *out, const wetee_metadata *md, uint32_t type, const wetee_value *v)
{
    return wt_value_encode_at(out, md, type, v, NULL);
}

int wetee_value_encode_json(wetee_buf *out, const wetee_metadata *md, uint32_t type, const char *json, size_t len)
{
    wetee_value *v = NULL;
    int rc;
    WT_ARG(out && md, "value", "NULL argument");
    if ((rc = wetee_value_from_json(&v, json, len)) != WETEE_OK) return rc;
    rc = wetee_value_encode(out, md, type, v);
    wetee_value_free(v);
    return rc;
}

/* ------------------------------------------------------------------ */
/* decoding                                                            */
/* ------------------------------------------------------------------ */

typedef struct dec {
    walk w;
    wetee_scale_reader r;
} dec;

static int dec_type(dec *d, uint32_t ty, wetee_value **out);

static int mk(dec *d, uint8_t kind, uint32_t ty, wetee_value **out)
{
    *out = wt_value_alloc(kind);
    if (!*out) return werr(&d->w, WETEE_ERR_NO_MEMORY, "out of memory");
    (*out)->type = ty;
    return WETEE_OK;
}

/* Lower bound of the encoded size of a type (0 when unknown). */
static size_t min_size(const wetee_metadata *md, uint32_t ty, unsigned depth)
{
    const struct wetee_md_type *t = &md->types[ty];
    size_t s = 0;
    uint32_t i;
    if (depth > 6) return 0;
    switch (t->kind) {
    case WETEE_TYPE_PRIMITIVE:
        return t->prim == WETEE_PRIM_BOOL || t->prim == WETEE_PRIM_STR ? 1 : (size_t)prim_width(t->prim);
    case WETEE_TYPE_COMPOSITE:
        for (i = 0; i < t->u.comp.n && s < (1u << 20); i++) s += min_size(md, t->u.comp.fields[i].type, depth + 1);
        return s;
    case WETEE_TYPE_TUPLE:
        for (i = 0; i < t->u.tuple.n && s < (1u << 20); i++) s += min_size(md, t->u.tuple.ids[i], depth + 1);
        return s;
    case WETEE_TYPE_ARRAY: {
        size_t m = min_size(md, t->u.elem.type, depth + 1);
        return m && t->u.elem.len > (1u << 20) / m ? (1u << 20) : m * t->u.elem.len;
    }
    default: return 1; /* variant index, compact, length prefix */
    }
}

static int dec_items(dec *d, wetee_value *node, uint32_t elem, size_t n)
{
    size_t i, lb = min_size(d->w.md, elem, 0);
    if (lb ? n > (d->r.len - d->r.pos) / lb : n > (1u << 16))
        return werr(&d->w, WETEE_ERR_TRUNCATED, "%zu items declared at offset %zu cannot fit", n, d->r.pos);
    for (i = 0; i < n; i++) {
        wetee_value *c;
        size_t at = push_index(&d->w, i);
        int rc = dec_type(d, elem, &c);
        pop(&d->w, at);
        if (rc != WETEE_OK) return rc;
        if ((rc = wt_value_push(node, NULL, c)) != WETEE_OK) return rc;
    }
    return WETEE_OK;
}

static int dec_fields(dec *d, wetee_value *node, const struct wetee_md_field *f, uint32_t nf)
{
    uint32_t i;
    for (i = 0; i < nf; i++) {
        wetee_value *c;
        char *name = NULL;
        size_t at = f[i].name ? push_name(&d->w, f[i].name) : nf == 1 ? d->w.plen : push_index(&d->w, i);
        int rc = dec_type(d, f[i].type, &c);
        pop(&d->w, at);
        if (rc != WETEE_OK) return rc;
        if (f[i].name && !(name = wt_value_strdup(f[i].name, strlen(f[i].name)))) {
            wetee_value_free(c);
            return werr(&d->w, WETEE_ERR_NO_MEMORY, "out of memory");
        }
        if ((rc = wt_value_push(node, name, c)) != WETEE_OK) return rc;
    }
    return WETEE_OK;
}

static int dec_prim(dec *d, uint32_t ty, uint8_t prim, wetee_value **out)
{
    int rc, w;
    const uint8_t *p;
    switch (prim) {
    case WETEE_PRIM_BOOL: {
        int b;
        if ((rc = wetee_scale_get_bool(&d->r, &b)) != WETEE_OK) return wrap(&d->w, rc);
        if ((rc = mk(d, WETEE_VALUE_BOOL, ty, out)) != WETEE_OK) return rc;
        (*out)->u.b = b;
        return WETEE_OK;
    }
    case WETEE_PRIM_STR: {
        const char *s;
        size_t n;
        if ((rc = wetee_scale_get_str(&d->r, &s, &n)) != WETEE_OK) return wrap(&d->w, rc);
        if ((rc = wetee_value_new_string(out, s, n)) != WETEE_OK) return rc;
        (*out)->type = ty;
        return WETEE_OK;
    }
    case WETEE_PRIM_CHAR: {
        uint32_t cp;
        uint8_t u[4];
        size_t n;
        if ((rc = wetee_scale_get_u32(&d->r, &cp)) != WETEE_OK) return wrap(&d->w, rc);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return werr(&d->w, WETEE_ERR_DECODE, "invalid char U+%X at offset %zu", cp, d->r.pos - 4);
        if (cp < 0x80) { u[0] = (uint8_t)cp; n = 1; }
        else if (cp < 0x800) { u[0] = (uint8_t)(0xc0 | cp >> 6); u[1] = (uint8_t)(0x80 | (cp & 0x3f)); n = 2; }
        else if (cp < 0x10000) {
            u[0] = (uint8_t)(0xe0 | cp >> 12); u[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f)); u[2] = (uint8_t)(0x80 | (cp & 0x3f)); n = 3;
        } else {
            u[0] = (uint8_t)(0xf0 | cp >> 18); u[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3f));
            u[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f)); u[3] = (uint8_t)(0x80 | (cp & 0x3f)); n = 4;
        }
        if ((rc = wetee_value_new_string(out, (const char *)u, n)) != WETEE_OK) return rc;
        (*out)->type = ty;
        return WETEE_OK;
    }
    default:
        w = prim_width(prim);
        if ((rc = wetee_scale_get_raw(&d->r, &p, (size_t)w)) != WETEE_OK) return wrap(&d->w, rc);
        if ((rc = mk(d, prim_signed(prim) ? WETEE_VALUE_INT : WETEE_VALUE_UINT, ty, out)) != WETEE_OK) return rc;
        memcpy((*out)->u.num, p, (size_t)w);
        if (prim_signed(prim) && (p[w - 1] & 0x80)) memset((*out)->u.num + w, 0xff, 32 - (size_t)w);
        return WETEE_OK;
    }
}

static int dec_type(dec *d, uint32_t ty, wetee_value **out)
{
    const struct wetee_md_type *t = &d->w.md->types[ty];
    wetee_value *v = NULL;
    int rc = WETEE_OK;
    *out = NULL;
    if (++d->w.depth > WT_VALUE_MAX_DEPTH) {
        d->w.depth--;
        return werr(&d->w, WETEE_ERR_DEPTH, "nesting deeper than %d (recursive type?)", WT_VALUE_MAX_DEPTH);
    }
    switch (t->kind) {
    case WETEE_TYPE_COMPOSITE:
        if ((rc = mk(d, WETEE_VALUE_COMPOSITE, ty, &v)) == WETEE_OK) rc = dec_fields(d, v, t->u.comp.fields, t->u.comp.n);
        break;
    case WETEE_TYPE_VARIANT: {
        uint8_t idx;
        const struct wetee_md_variant *var;
        if ((rc = wetee_scale_get_u8(&d->r, &idx)) != WETEE_OK) {
            rc = wrap(&d->w, rc);
            break;
        }
        var = wt_md_variant_by_index(t, idx);
        if (!var) {
            rc = werr(&d->w, WETEE_ERR_DECODE, "unknown variant index %u of %s at offset %zu", idx, type_name(t),
                      d->r.pos - 1);
            break;
        }
        if ((rc = mk(d, WETEE_VALUE_VARIANT, ty, &v)) != WETEE_OK) break;
        v->has_index = 1;
        v->index = idx;
        if (!(v->u.list.vname = wt_value_strdup(var->name, strlen(var->name)))) {
            rc = werr(&d->w, WETEE_ERR_NO_MEMORY, "out of memory");
            break;
        }
        {
            size_t at = push_name(&d->w, var->name);
            rc = dec_fields(d, v, var->fields, var->n_fields);
            pop(&d->w, at);
        }
        break;
    }
    case WETEE_TYPE_SEQUENCE:
    case WETEE_TYPE_ARRAY: {
        size_t n;
        int seq = t->kind == WETEE_TYPE_SEQUENCE;
        if (is_u8(d->w.md, t->u.elem.type)) {
            const uint8_t *p;
            if (seq) rc = wetee_scale_get_bytes(&d->r, &p, &n);
            else rc = wetee_scale_get_raw(&d->r, &p, n = t->u.elem.len);
            if (rc != WETEE_OK) {
                rc = wrap(&d->w, rc);
                break;
            }
            if ((rc = wetee_value_new_bytes(&v, p, n)) == WETEE_OK) v->type = ty;
            break;
        }
        if (seq) {
            if ((rc = wetee_scale_get_seq_len(&d->r, &n, 0)) != WETEE_OK) {
                rc = wrap(&d->w, rc);
                break;
            }
        } else {
            n = t->u.elem.len;
        }
        if ((rc = mk(d, WETEE_VALUE_SEQUENCE, ty, &v)) == WETEE_OK) rc = dec_items(d, v, t->u.elem.type, n);
        break;
    }
    case WETEE_TYPE_TUPLE:
        if (t->u.tuple.n == 0) {
            rc = mk(d, WETEE_VALUE_NULL, ty, &v);
            break;
        }
        if ((rc = mk(d, WETEE_VALUE_SEQUENCE, ty, &v)) == WETEE_OK) {
            uint32_t i;
            for (i = 0; i < t->u.tuple.n && rc == WETEE_OK; i++) {
                wetee_value *c;
                size_t at = push_index(&d->w, i);
                rc = dec_type(d, t->u.tuple.ids[i], &c);
                pop(&d->w, at);
                if (rc == WETEE_OK) rc = wt_value_push(v, NULL, c);
            }
        }
        break;
    case WETEE_TYPE_PRIMITIVE: rc = dec_prim(d, ty, t->prim, &v); break;
    case WETEE_TYPE_COMPACT: {
        uint8_t prim, big[WETEE_SCALE_COMPACT_BIG_MAX];
        size_t n;
        if (!compact_prim(d->w.md, t->u.elem.type, &prim)) {
            rc = werr(&d->w, WETEE_ERR_UNSUPPORTED, "Compact of a non-integer type");
            break;
        }
        if (prim == 0xff) {
            rc = mk(d, WETEE_VALUE_NULL, ty, &v);
            break;
        }
        if ((rc = wetee_scale_get_compact_big(&d->r, big, &n)) != WETEE_OK) {
            rc = wrap(&d->w, rc);
            break;
        }
        if (n > (size_t)prim_width(prim)) {
            rc = werr(&d->w, WETEE_ERR_OVERFLOW, "compact value does not fit %s (offset %zu)", prim_name(prim), d->r.pos);
            break;
        }
        if ((rc = mk(d, WETEE_VALUE_UINT, ty, &v)) == WETEE_OK) memcpy(v->u.num, big, n);
        break;
    }
    case WETEE_TYPE_BIT_SEQUENCE: {
        wetee_scale_bitstore store;
        wetee_scale_bitorder order;
        wetee_buf bits = WETEE_BUF_INIT;
        size_t nbits;
        if (!bit_layout(d->w.md, t, &store, &order)) {
            rc = werr(&d->w, WETEE_ERR_UNSUPPORTED, "bit sequence with an unknown store or order type");
            break;
        }
        if ((rc = wetee_scale_get_bitvec(&d->r, &bits, &nbits, store, order)) != WETEE_OK) rc = wrap(&d->w, rc);
        else if ((rc = wetee_value_new_bits(&v, bits.data, nbits)) == WETEE_OK) v->type = ty;
        wetee_buf_free(&bits);
        break;
    }
    default: rc = werr(&d->w, WETEE_ERR_INTERNAL, "unknown type kind");
    }
    d->w.depth--;
    if (rc != WETEE_OK) {
        wetee_value_free(v);
        return rc;
    }
    *out = v;
    return WETEE_OK;
}

int wt_value_decode_at(wetee_value **out, size_t *consumed, const wetee_metadata *md, uint32_t type,
                       const uint8_t *data, size_t len, const char *path)
{
    dec d;
    int rc;
    WT_ARG(out != NULL, "value", "out is NULL");
    *out = NULL;
    WT_ARG(md != NULL, "value", "md is NULL");
    WT_ARG_DATA(data, len, "value");
    if (type >= md->n_types) return wt_error(WETEE_ERR_NOT_FOUND, "value: unknown type id %u", type);
    walk_init(&d.w, md, path);
    wetee_scale_reader_init(&d.r, data, len);
    d.r.max_depth = WT_VALUE_MAX_DEPTH + 8;
    rc = dec_type(&d, type, out);
    if (rc != WETEE_OK) return rc;
    if (consumed) *consumed = d.r.pos;
    else if (d.r.pos != len) {
        wetee_value_free(*out);
        *out = NULL;
        return werr(&d.w, WETEE_ERR_TRAILING, "%zu bytes left after the value (offset %zu)", len - d.r.pos, d.r.pos);
    }
    return WETEE_OK;
}

int wetee_value_decode(wetee_value **out, size_t *consumed, const wetee_metadata *md, uint32_t type,
                       const uint8_t *data, size_t len)
{
    return wt_value_decode_at(out, consumed, md, type, data, len, NULL);
}

int wetee_value_decode_json(wetee_buf *out, const wetee_metadata *md, uint32_t type, const uint8_t *data, size_t len,
                            const wetee_json_options *opts)
{
    wetee_value *v = NULL;
    int rc;
    WT_ARG(out != NULL, "value", "out is NULL");
    if ((rc = wt_json_opts(opts)) != WETEE_OK) return rc;
    if ((rc = wetee_value_decode(&v, NULL, md, type, data, len)) != WETEE_OK) return rc;
    rc = wetee_value_to_json(out, md, v, opts);
    wetee_value_free(v);
    return rc;
}

int wetee_constant_json(wetee_buf *out, const wetee_metadata *md, const wetee_md_constant *c,
                        const wetee_json_options *opts)
{
    WT_ARG(out && md && c, "value", "NULL argument");
    return wetee_value_decode_json(out, md, c->type, c->value, c->value_len, opts);
}
