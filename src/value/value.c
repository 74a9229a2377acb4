/* Dynamic values: construction, access, numbers, names and the JSON mapping. */
#include <stdio.h>
#include <string.h>

#include "value/value_impl.h"
#include "wetee/keys.h"
#include "wetee/ss58.h"

/* ------------------------------------------------------------------ */
/* nodes                                                               */
/* ------------------------------------------------------------------ */

wetee_value *wt_value_alloc(uint8_t kind)
{
    wetee_value *v = wt_calloc(1, sizeof *v);
    if (v) {
        v->kind = kind;
        v->type = WT_MD_NONE;
    }
    return v;
}

char *wt_value_strdup(const char *s, size_t n)
{
    char *d = wt_malloc(n + 1);
    if (d) {
        if (n) memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static void free_node_only(wetee_value *v)
{
    size_t i;
    switch (v->kind) {
    case WETEE_VALUE_STRING:
    case WETEE_VALUE_BYTES:
    case WETEE_VALUE_BITS: wt_free(v->u.blob.p); break;
    case WETEE_VALUE_SEQUENCE:
    case WETEE_VALUE_COMPOSITE:
    case WETEE_VALUE_VARIANT:
        for (i = 0; v->u.list.names && i < v->u.list.n; i++) wt_free(v->u.list.names[i]);
        wt_free(v->u.list.items);
        wt_free(v->u.list.names);
        wt_free(v->u.list.vname);
        break;
    default: break;
    }
    wt_free(v);
}

static int has_children(const wetee_value *v)
{
    return (v->kind == WETEE_VALUE_SEQUENCE || v->kind == WETEE_VALUE_COMPOSITE || v->kind == WETEE_VALUE_VARIANT) &&
           v->u.list.n > 0;
}

/* Iterative, so that a deep hand-built tree cannot exhaust the stack: a
 * node's children are detached one at a time, descending to a leaf. */
void wetee_value_free(wetee_value *v)
{
    wetee_value *cur = v;
    if (!v) return;
    while (cur) {
        if (has_children(cur)) {
            wetee_value *c = cur->u.list.items[--cur->u.list.n];
            if (cur->u.list.names) {
                wt_free(cur->u.list.names[cur->u.list.n]);
                cur->u.list.names[cur->u.list.n] = NULL;
            }
            c->parent = cur;
            cur = c;
        } else {
            wetee_value *up = cur == v ? NULL : cur->parent;
            free_node_only(cur);
            cur = up;
        }
    }
}

static int is_list(const wetee_value *v)
{
    return v && (v->kind == WETEE_VALUE_SEQUENCE || v->kind == WETEE_VALUE_COMPOSITE || v->kind == WETEE_VALUE_VARIANT);
}

int wt_value_push(wetee_value *parent, char *name, wetee_value *child)
{
    if (parent->u.list.n == parent->u.list.cap) {
        size_t nc = parent->u.list.cap ? parent->u.list.cap * 2 : 4;
        wetee_value **ni = wt_realloc(parent->u.list.items, nc * sizeof *ni);
        if (!ni) goto nomem;
        parent->u.list.items = ni;
        if (parent->u.list.names) {
            char **nn = wt_realloc(parent->u.list.names, nc * sizeof *nn);
            if (!nn) goto nomem;
            parent->u.list.names = nn;
        }
        parent->u.list.cap = nc;
    }
    child->parent = parent;
    if (name && !parent->u.list.names) {
        parent->u.list.names = wt_calloc(parent->u.list.cap, sizeof *parent->u.list.names);
        if (!parent->u.list.names) goto nomem;
    }
    if (parent->u.list.names) parent->u.list.names[parent->u.list.n] = name;
    parent->u.list.items[parent->u.list.n++] = child;
    return WETEE_OK;
nomem:
    wt_free(name);
    wetee_value_free(child);
    return wt_error(WETEE_ERR_NO_MEMORY, "value: out of memory");
}

#define NEW(kind)                                                                                              \
    wetee_value *v;                                                                                            \
    WT_ARG(out != NULL, "value", "out is NULL");                                                               \
    *out = NULL;                                                                                               \
    v = wt_value_alloc(kind);                                                                                  \
    if (!v) return wt_error(WETEE_ERR_NO_MEMORY, "value: out of memory")

int wetee_value_new_null(wetee_value **out)
{
    NEW(WETEE_VALUE_NULL);
    *out = v;
    return WETEE_OK;
}

int wetee_value_new_bool(wetee_value **out, int b)
{
    NEW(WETEE_VALUE_BOOL);
    v->u.b = b != 0;
    *out = v;
    return WETEE_OK;
}

int wetee_value_new_u64(wetee_value **out, uint64_t x)
{
    NEW(WETEE_VALUE_UINT);
    wt_store_le64(v->u.num, x);
    *out = v;
    return WETEE_OK;
}

int wetee_value_new_i64(wetee_value **out, int64_t x)
{
    NEW(WETEE_VALUE_INT);
    wt_store_le64(v->u.num, (uint64_t)x);
    memset(v->u.num + 8, x < 0 ? 0xff : 0, 24);
    *out = v;
    return WETEE_OK;
}

int wetee_value_new_u128(wetee_value **out, wetee_u128 x)
{
    NEW(WETEE_VALUE_UINT);
    wt_store_le64(v->u.num, x.lo);
    wt_store_le64(v->u.num + 8, x.hi);
    *out = v;
    return WETEE_OK;
}

int wetee_value_new_uint_le(wetee_value **out, const uint8_t *le, size_t len)
{
    WT_ARG_DATA(le, len, "value");
    WT_ARG(len <= 32, "value", "len above 32");
    {
        NEW(WETEE_VALUE_UINT);
        if (len) memcpy(v->u.num, le, len);
        *out = v;
    }
    return WETEE_OK;
}

int wetee_value_new_int_le(wetee_value **out, const uint8_t *le, size_t len)
{
    WT_ARG_DATA(le, len, "value");
    WT_ARG(len <= 32, "value", "len above 32");
    {
        NEW(WETEE_VALUE_INT);
        if (len) {
            memcpy(v->u.num, le, len);
            if (le[len - 1] & 0x80) memset(v->u.num + len, 0xff, 32 - len);
        }
        *out = v;
    }
    return WETEE_OK;
}

static int new_blob(wetee_value **out, uint8_t kind, const uint8_t *data, size_t len, size_t bytes)
{
    NEW(kind);
    v->u.blob.p = wt_malloc(bytes + 1);
    if (!v->u.blob.p) {
        wt_free(v);
        return wt_error(WETEE_ERR_NO_MEMORY, "value: out of memory");
    }
    if (bytes) memcpy(v->u.blob.p, data, bytes);
    v->u.blob.p[bytes] = 0;
    v->u.blob.len = len;
    *out = v;
    return WETEE_OK;
}

int wetee_value_new_string(wetee_value **out, const char *s, size_t len)
{
    size_t bad;
    WT_ARG(out != NULL, "value", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(s, len, "value");
    if (!wt_utf8_valid((const uint8_t *)s, len, &bad))
        return wt_error(WETEE_ERR_DECODE, "value: string is not valid UTF-8 at byte %zu", bad);
    return new_blob(out, WETEE_VALUE_STRING, (const uint8_t *)s, len, len);
}

int wetee_value_new_bytes(wetee_value **out, const uint8_t *data, size_t len)
{
    WT_ARG(out != NULL, "value", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(data, len, "value");
    return new_blob(out, WETEE_VALUE_BYTES, data, len, len);
}

int wetee_value_new_bits(wetee_value **out, const uint8_t *bits, size_t nbits)
{
    int rc;
    WT_ARG(out != NULL, "value", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(bits, nbits, "value");
    rc = new_blob(out, WETEE_VALUE_BITS, bits, nbits, (nbits + 7) / 8);
    if (rc == WETEE_OK && (nbits & 7)) (*out)->u.blob.p[nbits / 8] &= (uint8_t)((1u << (nbits & 7)) - 1);
    return rc;
}

int wetee_value_new_sequence(wetee_value **out)
{
    NEW(WETEE_VALUE_SEQUENCE);
    *out = v;
    return WETEE_OK;
}

int wetee_value_new_composite(wetee_value **out)
{
    NEW(WETEE_VALUE_COMPOSITE);
    *out = v;
    return WETEE_OK;
}

int wetee_value_new_variant(wetee_value **out, const char *name, int index)
{
    WT_ARG(out != NULL, "value", "out is NULL");
    *out = NULL;
    WT_ARG(name != NULL || index >= 0, "value", "neither name nor index");
    WT_ARG(index >= -1 && index <= 255, "value", "index out of range");
    {
        NEW(WETEE_VALUE_VARIANT);
        if (name && !(v->u.list.vname = wt_value_strdup(name, strlen(name)))) {
            wt_free(v);
            return wt_error(WETEE_ERR_NO_MEMORY, "value: out of memory");
        }
        if (index >= 0) {
            v->has_index = 1;
            v->index = (uint8_t)index;
        }
        *out = v;
    }
    return WETEE_OK;
}

int wetee_value_append(wetee_value *parent, const char *name, wetee_value *child)
{
    const wetee_value *a;
    char *n = NULL;
    if (!parent || !child || !is_list(parent) || (name && parent->kind == WETEE_VALUE_SEQUENCE)) {
        wetee_value_free(child);
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "value: wetee_value_append: invalid argument");
    }
    /* a child already in a tree, or an ancestor of the parent, stays with its owner */
    for (a = parent; a; a = a->parent)
        if (a == child) return wt_error(WETEE_ERR_INVALID_ARGUMENT, "value: wetee_value_append: would make a cycle");
    if (child->parent) return wt_error(WETEE_ERR_INVALID_ARGUMENT, "value: wetee_value_append: child already has a parent");
    if (name && !(n = wt_value_strdup(name, strlen(name)))) {
        wetee_value_free(child);
        return wt_error(WETEE_ERR_NO_MEMORY, "value: out of memory");
    }
    return wt_value_push(parent, n, child);
}

/* ------------------------------------------------------------------ */
/* access                                                              */
/* ------------------------------------------------------------------ */

int wetee_value_get_kind(const wetee_value *v) { return v ? v->kind : -1; }
uint32_t wetee_value_type(const wetee_value *v) { return v ? v->type : WT_MD_NONE; }

int wetee_value_get_bool(int *out, const wetee_value *v)
{
    WT_ARG(out && v, "value", "NULL argument");
    if (v->kind != WETEE_VALUE_BOOL) return wt_error(WETEE_ERR_STATE, "value: not a bool");
    *out = v->u.b;
    return WETEE_OK;
}

static int get_int(const wetee_value *v, wt_num *n)
{
    if (!v || (v->kind != WETEE_VALUE_UINT && v->kind != WETEE_VALUE_INT))
        return wt_error(WETEE_ERR_STATE, "value: not an integer");
    wt_num_from_value_bits(n, v);
    return WETEE_OK;
}

static int fits(const wt_num *n, unsigned bytes)
{
    unsigned i;
    for (i = bytes; i < 32; i++)
        if (n->mag[i]) return 0;
    return 1;
}

int wetee_value_get_u64(uint64_t *out, const wetee_value *v)
{
    wt_num n;
    int rc;
    WT_ARG(out && v, "value", "NULL argument");
    if ((rc = get_int(v, &n)) != WETEE_OK) return rc;
    if (n.neg || !fits(&n, 8)) return wt_error(WETEE_ERR_OVERFLOW, "value: integer does not fit u64");
    *out = wt_load_le64(n.mag);
    return WETEE_OK;
}

int wetee_value_get_i64(int64_t *out, const wetee_value *v)
{
    wt_num n;
    uint64_t m;
    int rc;
    WT_ARG(out && v, "value", "NULL argument");
    if ((rc = get_int(v, &n)) != WETEE_OK) return rc;
    m = wt_load_le64(n.mag);
    if (!fits(&n, 8) || (!n.neg && m > (uint64_t)INT64_MAX) || (n.neg && m > (uint64_t)INT64_MAX + 1))
        return wt_error(WETEE_ERR_OVERFLOW, "value: integer does not fit i64");
    *out = n.neg ? (int64_t)(0 - m) : (int64_t)m;
    return WETEE_OK;
}

int wetee_value_get_u128(wetee_u128 *out, const wetee_value *v)
{
    wt_num n;
    int rc;
    WT_ARG(out && v, "value", "NULL argument");
    if ((rc = get_int(v, &n)) != WETEE_OK) return rc;
    if (n.neg || !fits(&n, 16)) return wt_error(WETEE_ERR_OVERFLOW, "value: integer does not fit u128");
    out->lo = wt_load_le64(n.mag);
    out->hi = wt_load_le64(n.mag + 8);
    return WETEE_OK;
}

int wetee_value_get_int_le(uint8_t out[32], const wetee_value *v)
{
    WT_ARG(out && v, "value", "NULL argument");
    if (v->kind != WETEE_VALUE_UINT && v->kind != WETEE_VALUE_INT)
        return wt_error(WETEE_ERR_STATE, "value: not an integer");
    memcpy(out, v->u.num, 32);
    return WETEE_OK;
}

const char *wetee_value_string(size_t *len, const wetee_value *v)
{
    if (!v || v->kind != WETEE_VALUE_STRING) return NULL;
    if (len) *len = v->u.blob.len;
    return (const char *)v->u.blob.p;
}

const uint8_t *wetee_value_bytes(size_t *len, const wetee_value *v)
{
    if (!v || v->kind != WETEE_VALUE_BYTES) return NULL;
    if (len) *len = v->u.blob.len;
    return v->u.blob.p;
}

const uint8_t *wetee_value_bits(size_t *nbits, const wetee_value *v)
{
    if (!v || v->kind != WETEE_VALUE_BITS) return NULL;
    if (nbits) *nbits = v->u.blob.len;
    return v->u.blob.p;
}

size_t wetee_value_count(const wetee_value *v) { return is_list(v) ? v->u.list.n : 0; }

const wetee_value *wetee_value_at(const wetee_value *v, size_t i)
{
    return is_list(v) && i < v->u.list.n ? v->u.list.items[i] : NULL;
}

const char *wetee_value_name_at(const wetee_value *v, size_t i)
{
    return is_list(v) && i < v->u.list.n && v->u.list.names ? v->u.list.names[i] : NULL;
}

const wetee_value *wetee_value_field(const wetee_value *v, const char *name)
{
    size_t i;
    if (!is_list(v) || !name || !v->u.list.names) return NULL;
    for (i = 0; i < v->u.list.n; i++)
        if (v->u.list.names[i] && strcmp(v->u.list.names[i], name) == 0) return v->u.list.items[i];
    return NULL;
}

const char *wetee_value_variant_name(const wetee_value *v)
{
    return v && v->kind == WETEE_VALUE_VARIANT ? v->u.list.vname : NULL;
}

int wetee_value_variant_index(const wetee_value *v)
{
    return v && v->kind == WETEE_VALUE_VARIANT && v->has_index ? v->index : -1;
}

/* ------------------------------------------------------------------ */
/* numbers                                                             */
/* ------------------------------------------------------------------ */

void wt_num_from_value_bits(wt_num *n, const wetee_value *v)
{
    memcpy(n->mag, v->u.num, 32);
    n->neg = 0;
    if (v->kind == WETEE_VALUE_INT && (v->u.num[31] & 0x80)) {
        unsigned i, carry = 1;
        n->neg = 1;
        for (i = 0; i < 32; i++) {
            unsigned x = (uint8_t)~n->mag[i] + carry;
            n->mag[i] = (uint8_t)x;
            carry = x >> 8;
        }
    }
}

unsigned wt_num_bits(const wt_num *n)
{
    int i;
    for (i = 31; i >= 0; i--)
        if (n->mag[i]) {
            unsigned b = 8;
            while (!(n->mag[i] & (1u << (b - 1)))) b--;
            return (unsigned)i * 8 + b;
        }
    return 0;
}

/* mag = mag * 10 + d (or * 16); returns 0 on overflow */
static int mul_add(uint8_t mag[32], unsigned base, unsigned d)
{
    unsigned i, carry = d;
    for (i = 0; i < 32; i++) {
        unsigned x = mag[i] * base + carry;
        mag[i] = (uint8_t)x;
        carry = x >> 8;
    }
    return carry == 0;
}

int wt_num_from_value(wt_num *n, const wetee_value *v, const char **why)
{
    const char *s;
    size_t len, i = 0;
    memset(n, 0, sizeof *n);
    if (v->kind == WETEE_VALUE_UINT || v->kind == WETEE_VALUE_INT) {
        wt_num_from_value_bits(n, v);
        return WETEE_OK;
    }
    if (v->kind != WETEE_VALUE_STRING) {
        *why = "expected an integer";
        return WETEE_ERR_DECODE;
    }
    s = (const char *)v->u.blob.p;
    len = v->u.blob.len;
    if (len && s[0] == '-') {
        n->neg = 1;
        i = 1;
    }
    if (len - i >= 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        i += 2;
        if (i == len) {
            *why = "empty hex number";
            return WETEE_ERR_DECODE;
        }
        for (; i < len; i++) {
            unsigned d;
            char c = s[i];
            if (c >= '0' && c <= '9') d = (unsigned)(c - '0');
            else if (c >= 'a' && c <= 'f') d = (unsigned)(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') d = (unsigned)(c - 'A' + 10);
            else {
                *why = "bad hex digit in number";
                return WETEE_ERR_DECODE;
            }
            if (!mul_add(n->mag, 16, d)) {
                *why = "number above 2^256";
                return WETEE_ERR_OVERFLOW;
            }
        }
    } else {
        if (i == len) {
            *why = "expected an integer, got an empty string";
            return WETEE_ERR_DECODE;
        }
        for (; i < len; i++) {
            if (s[i] < '0' || s[i] > '9') {
                *why = "expected a decimal or 0x-hex integer string";
                return WETEE_ERR_DECODE;
            }
            if (!mul_add(n->mag, 10, (unsigned)(s[i] - '0'))) {
                *why = "number above 2^256";
                return WETEE_ERR_OVERFLOW;
            }
        }
    }
    if (wt_num_bits(n) == 0) n->neg = 0;
    return WETEE_OK;
}

void wt_num_to_decimal(char *out, const wt_num *n)
{
    uint8_t m[32];
    char tmp[90];
    size_t k = 0, i;
    if (wt_num_bits(n) <= 64) {
        uint64_t x = wt_load_le64(n->mag);
        do {
            tmp[k++] = (char)('0' + x % 10);
            x /= 10;
        } while (x);
        i = 0;
        if (n->neg) out[i++] = '-';
        while (k) out[i++] = tmp[--k];
        out[i] = '\0';
        return;
    }
    memcpy(m, n->mag, 32);
    do {
        unsigned rem = 0;
        int j;
        for (j = 31; j >= 0; j--) {
            unsigned x = (rem << 8) | m[j];
            m[j] = (uint8_t)(x / 10);
            rem = x % 10;
        }
        tmp[k++] = (char)('0' + rem);
        for (i = 0; i < 32 && !m[i]; i++) {
        }
        if (i == 32) break;
    } while (1);
    i = 0;
    if (n->neg) out[i++] = '-';
    while (k) out[i++] = tmp[--k];
    out[i] = '\0';
}

/* ------------------------------------------------------------------ */
/* names                                                               */
/* ------------------------------------------------------------------ */

static int is_up_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
static char lo(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }
static char up(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }
static int is_sep(char c) { return c == '-' || c == '_' || c == '.' || c == ',' || c == ' '; }

/* polkadot.js stringCamelCase (util/string/camelCase.ts) */
void wt_camel_case(char *out, size_t cap, const char *in)
{
    size_t o = 0, i = 0, n = strlen(in);
    unsigned word = 0;
    char w[256];
    if (cap == 0) return;
    while (i < n) {
        size_t wl = 0, j, k;
        int all_up = 1;
        while (i < n && is_sep(in[i])) i++;
        while (i < n && !is_sep(in[i]) && wl < sizeof w - 1) w[wl++] = in[i++];
        while (i < n && !is_sep(in[i])) i++;
        if (!wl) break;
        w[wl] = 0;
        for (j = 0; j < wl; j++)
            if (!is_up_or_digit(w[j])) all_up = 0;
        if (all_up) {
            for (j = 0; j < wl; j++) w[j] = lo(w[j]);
        } else {
            /* ^[\dA-Z]{2,}[^a-z] : the longest run of caps/digits (>= 2) followed by a non-lowercase */
            for (k = 0; k < wl && is_up_or_digit(w[k]); k++) {
            }
            /* backtrack until w[m] (the [^a-z] char) is not lowercase */
            while (k >= 2) {
                if (k < wl && !(w[k] >= 'a' && w[k] <= 'z')) break;
                k--;
            }
            if (k >= 2 && k < wl) {
                for (j = 0; j < k; j++) w[j] = lo(w[j]);
                w[k] = up(w[k]);
            }
        }
        w[0] = word ? up(w[0]) : lo(w[0]);
        for (j = 0; j < wl && o + 1 < cap; j++) out[o++] = w[j];
        word++;
    }
    out[o] = '\0';
}

int wt_name_matches(const char *name, const char *want)
{
    char c[256];
    if (strcmp(name, want) == 0) return 1;
    wt_camel_case(c, sizeof c, name);
    return strcmp(c, want) == 0;
}

const char *wt_type_last_path(const struct wetee_md_type *t)
{
    return t && t->n_path ? t->path[t->n_path - 1] : "";
}

int wt_type_is_u256be(const struct wetee_md_type *t)
{
    return t && t->kind == WETEE_TYPE_COMPOSITE && t->n_path == 2 && strcmp(t->path[0], "wrevive") == 0 &&
           strcmp(t->path[1], "U256") == 0 && t->u.comp.n == 1;
}

int wt_type_is_option(const struct wetee_md_type *t)
{
    return t && t->kind == WETEE_TYPE_VARIANT && t->n_path == 1 && strcmp(t->path[0], "Option") == 0 &&
           t->u.var.n == 2;
}

/* ------------------------------------------------------------------ */
/* JSON -> untyped value                                               */
/* ------------------------------------------------------------------ */

static int from_jansson(wetee_value **out, json_t *j, unsigned depth)
{
    wetee_value *v = NULL;
    int rc;
    *out = NULL;
    if (depth > WT_VALUE_MAX_DEPTH) return wt_error(WETEE_ERR_DEPTH, "value: JSON nested deeper than %d", WT_VALUE_MAX_DEPTH);
    switch (json_typeof(j)) {
    case JSON_NULL: return wetee_value_new_null(out);
    case JSON_TRUE: return wetee_value_new_bool(out, 1);
    case JSON_FALSE: return wetee_value_new_bool(out, 0);
    case JSON_INTEGER: {
        json_int_t x = json_integer_value(j);
        return x >= 0 ? wetee_value_new_u64(out, (uint64_t)x) : wetee_value_new_i64(out, (int64_t)x);
    }
    case JSON_REAL: return wt_error(WETEE_ERR_DECODE, "value: JSON number %g is not an integer (use a string for big numbers)", json_real_value(j));
    case JSON_STRING: return wetee_value_new_string(out, json_string_value(j), json_string_length(j));
    case JSON_ARRAY: {
        size_t i;
        if ((rc = wetee_value_new_sequence(&v)) != WETEE_OK) return rc;
        for (i = 0; i < json_array_size(j); i++) {
            wetee_value *c;
            if ((rc = from_jansson(&c, json_array_get(j, i), depth + 1)) != WETEE_OK ||
                (rc = wt_value_push(v, NULL, c)) != WETEE_OK) {
                wetee_value_free(v);
                return rc;
            }
        }
        *out = v;
        return WETEE_OK;
    }
    case JSON_OBJECT: {
        const char *key;
        json_t *val;
        if ((rc = wetee_value_new_composite(&v)) != WETEE_OK) return rc;
        json_object_foreach(j, key, val)
        {
            wetee_value *c;
            char *k;
            if ((rc = from_jansson(&c, val, depth + 1)) != WETEE_OK) {
                wetee_value_free(v);
                return rc;
            }
            if (!(k = wt_value_strdup(key, strlen(key)))) {
                wetee_value_free(c);
                wetee_value_free(v);
                return wt_error(WETEE_ERR_NO_MEMORY, "value: out of memory");
            }
            if ((rc = wt_value_push(v, k, c)) != WETEE_OK) {
                wetee_value_free(v);
                return rc;
            }
        }
        *out = v;
        return WETEE_OK;
    }
    default: return wt_error(WETEE_ERR_DECODE, "value: unsupported JSON value");
    }
}

int wetee_value_from_json(wetee_value **out, const char *json, size_t len)
{
    json_t *j;
    json_error_t e;
    int rc;
    WT_ARG(out != NULL, "value", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(json, len, "value");
    j = json_loadb(json, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
    if (!j) return wt_error(WETEE_ERR_DECODE, "value: invalid JSON at line %d column %d: %s", e.line, e.column, e.text);
    rc = from_jansson(out, j, 0);
    json_decref(j);
    return rc;
}

/* ------------------------------------------------------------------ */
/* value -> JSON                                                       */
/* ------------------------------------------------------------------ */

int wt_json_opts(const wetee_json_options *o)
{
    if (o && o->version != WETEE_JSON_OPTIONS_VERSION)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "value: unknown wetee_json_options version %u", o->version);
    if (o && (o->ss58_prefix < -1 || o->ss58_prefix > WETEE_SS58_PREFIX_MAX))
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "value: ss58_prefix %d out of range", o->ss58_prefix);
    return WETEE_OK;
}

int wt_json_ss58(const wetee_metadata *md, const wetee_json_options *o)
{
    if (o && o->ss58_prefix >= 0) return o->ss58_prefix;
    if (md && md->has_ss58) return md->ss58_prefix;
    return WETEE_SS58_PREFIX_GENERIC;
}

/* ---- direct JSON writer (output never goes through a jansson tree) ---- */

void wt_jw_raw(wt_jw *w, const char *s, size_t n)
{
    wetee_buf *b = w->b;
    if (w->err) return;
    if (b->cap - b->len > n) { /* room, with the spare byte for the NUL */
        memcpy(b->data + b->len, s, n);
        b->len += n;
        return;
    }
    if (wetee_buf_append(b, (const uint8_t *)s, n) != WETEE_OK) w->err = WETEE_ERR_NO_MEMORY;
}

void wt_jw_cstr(wt_jw *w, const char *s) { wt_jw_raw(w, s, strlen(s)); }

/* A JSON string: the same escapes as jansson's default output. */
void wt_jw_str(wt_jw *w, const char *s, size_t n)
{
    static const char hexd[] = "0123456789abcdef";
    size_t i, run = 0;
    wt_jw_raw(w, "\"", 1);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[6];
        size_t el = 2;
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        wt_jw_raw(w, s + run, i - run);
        run = i + 1;
        esc[0] = '\\';
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hexd[c >> 4];
            esc[5] = hexd[c & 15];
            el = 6;
        }
        wt_jw_raw(w, esc, el);
    }
    wt_jw_raw(w, s + run, n - run);
    wt_jw_raw(w, "\"", 1);
}

void wt_jw_hex(wt_jw *w, const uint8_t *p, size_t n)
{
    static const char hexd[] = "0123456789abcdef";
    char chunk[130];
    size_t i, k = 0;
    wt_jw_raw(w, "\"0x", 3);
    for (i = 0; i < n; i++) {
        chunk[k++] = hexd[p[i] >> 4];
        chunk[k++] = hexd[p[i] & 15];
        if (k == sizeof chunk) {
            wt_jw_raw(w, chunk, k);
            k = 0;
        }
    }
    wt_jw_raw(w, chunk, k);
    wt_jw_raw(w, "\"", 1);
}

static void jw_num(wt_jw *w, const wetee_value *v)
{
    wt_num n;
    char dec[90];
    wt_num_from_value_bits(&n, v);
    wt_num_to_decimal(dec, &n);
    if (wt_num_bits(&n) <= 53) { /* |v| <= 2^53 - 1: a safe JSON integer */
        wt_jw_cstr(w, dec);
    } else {
        wt_jw_raw(w, "\"", 1);
        wt_jw_cstr(w, dec);
        wt_jw_raw(w, "\"", 1);
    }
}

static const char *key_of(const char *name, const wetee_json_options *o, char *buf, size_t cap)
{
    if (!o || !o->camel_case) return name;
    wt_camel_case(buf, cap, name);
    return buf;
}

static void jw_key(wt_jw *w, const char *name, const wetee_json_options *o)
{
    char buf[256];
    const char *k = key_of(name, o, buf, sizeof buf);
    wt_jw_str(w, k, strlen(k));
    wt_jw_raw(w, ":", 1);
}

/* Children as an object only when all are named and the names distinct
 * (else an array: the encoder takes fields by position too). */
static int named_children(const wetee_value *v)
{
    size_t i, j, n = v->u.list.n;
    if (!v->u.list.names) return 0;
    for (i = 0; i < n; i++)
        if (!v->u.list.names[i]) return 0;
    if (n <= 256)
        for (i = 0; i < n; i++)
            for (j = i + 1; j < n; j++)
                if (strcmp(v->u.list.names[i], v->u.list.names[j]) == 0) return 0;
    return 1;
}

void wt_jw_fields(wt_jw *w, const wetee_metadata *md, const wetee_value *v, const wetee_json_options *o, int ss58,
                  unsigned depth, int unwrap_one)
{
    size_t i, n = v->u.list.n;
    int named = named_children(v);
    if (n == 0) {
        wt_jw_raw(w, "null", 4);
        return;
    }
    if (n == 1 && !named && unwrap_one) {
        wt_jw_value(w, md, v->u.list.items[0], o, ss58, depth + 1);
        return;
    }
    wt_jw_raw(w, named ? "{" : "[", 1);
    for (i = 0; i < n && !w->err; i++) {
        if (i) wt_jw_raw(w, ",", 1);
        if (named) jw_key(w, v->u.list.names[i], o);
        wt_jw_value(w, md, v->u.list.items[i], o, ss58, depth + 1);
    }
    wt_jw_raw(w, named ? "}" : "]", 1);
}

void wt_jw_value(wt_jw *w, const wetee_metadata *md, const wetee_value *v, const wetee_json_options *o, int ss58,
                 unsigned depth)
{
    const struct wetee_md_type *t = md && v->type < md->n_types ? &md->types[v->type] : NULL;
    if (w->err) return;
    if (depth > 2 * WT_VALUE_MAX_DEPTH + 4) {
        w->err = WETEE_ERR_DEPTH;
        return;
    }
    switch (v->kind) {
    case WETEE_VALUE_NULL: wt_jw_raw(w, "null", 4); return;
    case WETEE_VALUE_BOOL: wt_jw_cstr(w, v->u.b ? "true" : "false"); return;
    case WETEE_VALUE_UINT:
    case WETEE_VALUE_INT: jw_num(w, v); return;
    case WETEE_VALUE_STRING: wt_jw_str(w, (const char *)v->u.blob.p, v->u.blob.len); return;
    case WETEE_VALUE_BYTES: wt_jw_hex(w, v->u.blob.p, v->u.blob.len); return;
    case WETEE_VALUE_BITS: wt_jw_hex(w, v->u.blob.p, (v->u.blob.len + 7) / 8); return;
    case WETEE_VALUE_SEQUENCE: {
        size_t i;
        wt_jw_raw(w, "[", 1);
        for (i = 0; i < v->u.list.n && !w->err; i++) {
            if (i) wt_jw_raw(w, ",", 1);
            wt_jw_value(w, md, v->u.list.items[i], o, ss58, depth + 1);
        }
        wt_jw_raw(w, "]", 1);
        return;
    }
    case WETEE_VALUE_COMPOSITE: {
        if (t) {
            const char *last = wt_type_last_path(t);
            const wetee_value *inner = v->u.list.n == 1 ? v->u.list.items[0] : NULL;
            if (inner && inner->kind == WETEE_VALUE_BYTES && inner->u.blob.len == 32 && wt_type_is_u256be(t)) {
                /* wrevive's U256: 32 bytes big-endian, written as a number */
                wetee_value num;
                size_t i;
                memset(&num, 0, sizeof num);
                num.kind = WETEE_VALUE_UINT;
                for (i = 0; i < 32; i++) num.u.num[i] = inner->u.blob.p[31 - i];
                jw_num(w, &num);
                return;
            }
            if (inner && inner->kind == WETEE_VALUE_BYTES) {
                wetee_buf b = WETEE_BUF_INIT;
                int done = 0;
                if (inner->u.blob.len == 32 && strcmp(last, "AccountId32") == 0)
                    done = wetee_ss58_encode(&b, inner->u.blob.p, 32, (uint16_t)ss58) == WETEE_OK;
                else if (inner->u.blob.len == 20 && strcmp(last, "AccountId20") == 0)
                    done = wetee_eth_address_to_string(&b, inner->u.blob.p) == WETEE_OK;
                if (done) wt_jw_str(w, (const char *)b.data, b.len);
                wetee_buf_free(&b);
                if (done) return;
            }
        }
        wt_jw_fields(w, md, v, o, ss58, depth, 1);
        return;
    }
    case WETEE_VALUE_VARIANT: {
        const char *name = v->u.list.vname;
        char idx[8];
        if (t && wt_type_is_option(t)) {
            wt_jw_fields(w, md, v, o, ss58, depth, 1);
            return;
        }
        if (!name) {
            snprintf(idx, sizeof idx, "%u", v->index);
            name = idx;
        }
        if (t ? t->kind == WETEE_TYPE_VARIANT && wt_type_basic_enum(t) : v->u.list.n == 0) {
            wt_jw_str(w, name, strlen(name));
            return;
        }
        wt_jw_raw(w, "{", 1);
        jw_key(w, name, o);
        wt_jw_fields(w, md, v, o, ss58, depth, 1);
        wt_jw_raw(w, "}", 1);
        return;
    }
    default: w->err = WETEE_ERR_INTERNAL; return;
    }
}

int wt_jw_finish(wt_jw *w)
{
    if (w->err == WETEE_ERR_DEPTH) return wt_error(WETEE_ERR_DEPTH, "value: nested deeper than %d", WT_VALUE_MAX_DEPTH);
    if (w->err) return wt_error(w->err, "value: out of memory writing JSON");
    return wt_buf_terminate(w->b);
}

int wt_type_basic_enum(const struct wetee_md_type *t)
{
    uint32_t i;
    for (i = 0; i < t->u.var.n; i++)
        if (t->u.var.variants[i].n_fields) return 0;
    return 1;
}

/* Is the tree deeper than the limit? Iterative with a bounded stack, linear
 * in the number of nodes visited. */
static int too_deep(const wetee_value *root)
{
    struct {
        const wetee_value *v;
        size_t next;
    } st[WT_VALUE_MAX_DEPTH + 1];
    size_t top = 0;
    st[0].v = root;
    st[0].next = 0;
    for (;;) {
        const wetee_value *v = st[top].v;
        if (has_children(v) && st[top].next < v->u.list.n) {
            const wetee_value *c = v->u.list.items[st[top].next++];
            if (top + 1 > WT_VALUE_MAX_DEPTH) return 1;
            top++;
            st[top].v = c;
            st[top].next = 0;
        } else if (top == 0) {
            return 0;
        } else {
            top--;
        }
    }
}

int wetee_value_to_json(wetee_buf *out, const wetee_metadata *md, const wetee_value *v, const wetee_json_options *opts)
{
    wt_jw w;
    int rc;
    WT_ARG(out && v, "value", "NULL argument");
    if ((rc = wt_json_opts(opts)) != WETEE_OK) return rc;
    if (too_deep(v)) return wt_error(WETEE_ERR_DEPTH, "value: nested deeper than %d", WT_VALUE_MAX_DEPTH);
    out->len = 0;
    w.b = out;
    w.err = 0;
    wt_jw_value(&w, md, v, opts, wt_json_ss58(md, opts), 0);
    return wt_jw_finish(&w);
}
