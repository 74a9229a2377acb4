/* The Solidity contract ABI: JSON ABI loading, canonical signatures,
 * Keccak-256 selectors, encoding and strict decoding. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract/contract_impl.h"
#include "value/value_impl.h"
#include "wetee/keys.h"

#define MOD "contract"
#define SOL_DEPTH_MAX 32

enum { T_UINT, T_INT, T_ADDRESS, T_BOOL, T_FBYTES, T_BYTES, T_STRING, T_ARRAY, T_TUPLE, T_FUNCTION };

typedef struct sol_type sol_type;
struct wt_sol_param {
    char *name;     /* may be "" */
    sol_type *type;
};
struct sol_type {
    int kind;
    unsigned size;    /* bits of uintN/intN, bytes of bytesN */
    long len;         /* arrays: fixed length, or -1 */
    sol_type *elem;   /* arrays */
    wt_sol_param *comps; /* tuples */
    size_t ncomps;
    char *canon;      /* canonical type text */
};

static void free_type(sol_type *t);

static void free_params(wt_sol_param *p, size_t n)
{
    size_t i;
    if (!p) return;
    for (i = 0; i < n; i++) {
        wt_free(p[i].name);
        free_type(p[i].type);
    }
    wt_free(p);
}

static void free_type(sol_type *t)
{
    if (!t) return;
    free_type(t->elem);
    free_params(t->comps, t->ncomps);
    wt_free(t->canon);
    wt_free(t);
}

void wt_sol_free_msg(wt_msg *m)
{
    free_params(m->inputs, m->n_inputs);
    free_params(m->outputs, m->n_outputs);
    wt_free(m->signature);
    m->inputs = m->outputs = NULL;
    m->signature = NULL;
}

static char *sdup(const char *s, size_t n)
{
    char *p = wt_malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static int perr(const char *where, const char *what)
{
    return wt_error(WETEE_ERR_DECODE, "contract: Solidity ABI: %s: %s", where, what);
}

static int parse_params(json_t *arr, wt_sol_param **out, size_t *n, const char *where, unsigned depth);

/* canonical text of a tuple's components "(a,b)" */
static char *tuple_canon(const wt_sol_param *c, size_t n)
{
    size_t i, len = 2;
    char *s, *p;
    for (i = 0; i < n; i++) len += strlen(c[i].type->canon) + 1;
    s = wt_malloc(len + 1);
    if (!s) return NULL;
    p = s;
    *p++ = '(';
    for (i = 0; i < n; i++) {
        size_t k = strlen(c[i].type->canon);
        if (i) *p++ = ',';
        memcpy(p, c[i].type->canon, k);
        p += k;
    }
    *p++ = ')';
    *p = '\0';
    return s;
}

static int parse_param_type(sol_type **out, json_t *param, const char *where, unsigned depth)
{
    const char *ty = json_string_value(json_object_get(param, "type"));
    const char *br;
    size_t blen;
    sol_type *t;
    int rc;
    *out = NULL;
    if (depth > SOL_DEPTH_MAX) return wt_error(WETEE_ERR_DEPTH, "contract: Solidity ABI: %s: types nested too deep", where);
    if (!ty) return perr(where, "a parameter without a type");
    br = strchr(ty, '[');
    blen = br ? (size_t)(br - ty) : strlen(ty);
    t = wt_calloc(1, sizeof *t);
    if (!t) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    t->len = -1;
    if (blen == 5 && strncmp(ty, "tuple", 5) == 0) {
        t->kind = T_TUPLE;
        if ((rc = parse_params(json_object_get(param, "components"), &t->comps, &t->ncomps, where, depth + 1)) != WETEE_OK) {
            free_type(t);
            return rc;
        }
        t->canon = tuple_canon(t->comps, t->ncomps);
    } else {
        char base[32];
        unsigned long sz = 0;
        char *end;
        if (blen >= sizeof base) {
            free_type(t);
            return perr(where, "unknown type");
        }
        memcpy(base, ty, blen);
        base[blen] = '\0';
        if (strncmp(base, "uint", 4) == 0 || strncmp(base, "int", 3) == 0) {
            const char *digits = base + (base[0] == 'u' ? 4 : 3);
            t->kind = base[0] == 'u' ? T_UINT : T_INT;
            sz = *digits ? strtoul(digits, &end, 10) : 256;
            if ((*digits && (*end || !isdigit((unsigned char)*digits) || digits[0] == '0')) || sz == 0 || sz > 256 || sz % 8) {
                free_type(t);
                return perr(where, "uintN/intN needs N in 8..256, a multiple of 8");
            }
            t->size = (unsigned)sz;
        } else if (strcmp(base, "address") == 0) t->kind = T_ADDRESS;
        else if (strcmp(base, "bool") == 0) t->kind = T_BOOL;
        else if (strcmp(base, "string") == 0) t->kind = T_STRING;
        else if (strcmp(base, "bytes") == 0) t->kind = T_BYTES;
        else if (strcmp(base, "function") == 0) {
            t->kind = T_FUNCTION;
            t->size = 24;
        } else if (strncmp(base, "bytes", 5) == 0 && isdigit((unsigned char)base[5])) {
            t->kind = T_FBYTES;
            sz = strtoul(base + 5, &end, 10);
            if (*end || sz == 0 || sz > 32 || base[5] == '0') {
                free_type(t);
                return perr(where, "bytesN needs N in 1..32");
            }
            t->size = (unsigned)sz;
        } else if (strncmp(base, "fixed", 5) == 0 || strncmp(base, "ufixed", 6) == 0) {
            free_type(t);
            return wt_error(WETEE_ERR_UNSUPPORTED, "contract: Solidity ABI: %s: fixed-point types are not supported", where);
        } else {
            free_type(t);
            return wt_error(WETEE_ERR_DECODE, "contract: Solidity ABI: %s: unknown type \"%.40s\"", where, ty);
        }
        if (t->kind == T_UINT || t->kind == T_INT) {
            char c[16];
            snprintf(c, sizeof c, "%s%u", t->kind == T_UINT ? "uint" : "int", t->size);
            t->canon = sdup(c, strlen(c));
        } else t->canon = sdup(base, blen);
    }
    if (!t->canon) {
        free_type(t);
        return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    }
    /* array suffixes, innermost first: T[2][] = dynamic array of T[2] */
    while (br && *br) {
        sol_type *a;
        long len = -1;
        const char *close = strchr(br, ']');
        size_t cl;
        char *canon;
        if (*br != '[' || !close) {
            free_type(t);
            return perr(where, "malformed array suffix");
        }
        if (close > br + 1) {
            char *end;
            unsigned long v;
            if (!isdigit((unsigned char)br[1])) {
                free_type(t);
                return perr(where, "malformed array length");
            }
            v = strtoul(br + 1, &end, 10);
            if (end != close || v == 0 || v > 65536) {
                free_type(t);
                return perr(where, "array length must be 1..65536");
            }
            len = (long)v;
        }
        if (++depth > SOL_DEPTH_MAX) {
            free_type(t);
            return wt_error(WETEE_ERR_DEPTH, "contract: Solidity ABI: %s: types nested too deep", where);
        }
        a = wt_calloc(1, sizeof *a);
        cl = strlen(t->canon) + (size_t)(close - br) + 2;
        canon = wt_malloc(cl);
        if (!a || !canon) {
            wt_free(a);
            wt_free(canon);
            free_type(t);
            return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
        }
        snprintf(canon, cl, "%s%.*s", t->canon, (int)(close - br + 1), br);
        a->kind = T_ARRAY;
        a->len = len;
        a->elem = t;
        a->canon = canon;
        t = a;
        br = close + 1;
    }
    *out = t;
    return WETEE_OK;
}

static int parse_params(json_t *arr, wt_sol_param **out, size_t *n, const char *where, unsigned depth)
{
    size_t i;
    json_t *p;
    *out = NULL;
    *n = 0;
    if (!arr) return WETEE_OK;
    if (!json_is_array(arr)) return perr(where, "inputs/outputs/components must be arrays");
    if (json_array_size(arr) > 256) return perr(where, "more than 256 parameters");
    if (json_array_size(arr) == 0) return WETEE_OK;
    *out = wt_calloc(json_array_size(arr), sizeof **out);
    if (!*out) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    json_array_foreach(arr, i, p) {
        const char *nm = json_string_value(json_object_get(p, "name"));
        int rc;
        if (!json_is_object(p)) rc = perr(where, "a parameter must be an object");
        else if (!((*out)[i].name = sdup(nm ? nm : "", nm ? strlen(nm) : 0))) rc = wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
        else rc = parse_param_type(&(*out)[i].type, p, where, depth);
        (*n)++;
        if (rc != WETEE_OK) {
            free_params(*out, *n);
            *out = NULL;
            *n = 0;
            return rc;
        }
    }
    return WETEE_OK;
}

int wt_abi_load_solidity(wetee_contract_abi *abi, json_t *root)
{
    size_t i, j;
    json_t *e;
    abi->name = sdup("solidity", 8);
    if (!abi->name) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    json_array_foreach(root, i, e) {
        const char *type = json_string_value(json_object_get(e, "type"));
        const char *name = json_string_value(json_object_get(e, "name"));
        const char *sm = json_string_value(json_object_get(e, "stateMutability"));
        wt_msg *m;
        char where[120];
        char *sig;
        size_t sl;
        int rc, kind;
        if (!json_is_object(e)) return wt_error(WETEE_ERR_DECODE, "contract: Solidity ABI: [%zu] is not an object", i);
        if (!type) type = "function";
        if (strcmp(type, "function") == 0) kind = 0;
        else if (strcmp(type, "constructor") == 0) kind = 1;
        else if (strcmp(type, "error") == 0) kind = 2;
        else if (strcmp(type, "event") == 0 || strcmp(type, "fallback") == 0 || strcmp(type, "receive") == 0) continue;
        else return wt_error(WETEE_ERR_DECODE, "contract: Solidity ABI: [%zu]: unknown entry type \"%.40s\"", i, type);
        if (kind != 1 && (!name || !*name || strlen(name) > 256))
            return wt_error(WETEE_ERR_DECODE, "contract: Solidity ABI: [%zu]: a %s needs a name", i, type);
        if (kind == 1) name = "constructor";
        snprintf(where, sizeof where, "[%zu] %s", i, name);
        if ((rc = wt_abi_add_msg(abi, &m)) != WETEE_OK) return rc;
        m->constructor = kind;
        if (!(m->name = sdup(name, strlen(name)))) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
        if ((rc = parse_params(json_object_get(e, "inputs"), &m->inputs, &m->n_inputs, where, 0)) != WETEE_OK) return rc;
        if (kind == 0 &&
            (rc = parse_params(json_object_get(e, "outputs"), &m->outputs, &m->n_outputs, where, 0)) != WETEE_OK)
            return rc;
        m->payable = (sm && strcmp(sm, "payable") == 0) || json_is_true(json_object_get(e, "payable"));
        m->mutates = kind == 1 || !(sm && (strcmp(sm, "view") == 0 || strcmp(sm, "pure") == 0));
        if (json_is_true(json_object_get(e, "constant"))) m->mutates = 0;
        sl = strlen(name) + 3;
        for (j = 0; j < m->n_inputs; j++) sl += strlen(m->inputs[j].type->canon) + 1;
        if (!(sig = wt_malloc(sl))) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
        {
            char *p = sig;
            p += sprintf(p, "%s(", name);
            for (j = 0; j < m->n_inputs; j++) p += sprintf(p, "%s%s", j ? "," : "", m->inputs[j].type->canon);
            sprintf(p, ")");
        }
        m->signature = sig;
        if (kind != 1) {
            if ((rc = wetee_contract_selector(m->selector, WETEE_CONTRACT_SOLIDITY, sig, strlen(sig))) != WETEE_OK) return rc;
            m->has_selector = 1;
        }
    }
    for (i = 0; i < abi->n_msgs; i++)
        for (j = i + 1; j < abi->n_msgs; j++)
            if (abi->msgs[i].has_selector && abi->msgs[j].has_selector && abi->msgs[i].constructor == abi->msgs[j].constructor &&
                strcmp(abi->msgs[i].signature, abi->msgs[j].signature) == 0)
                return wt_error(WETEE_ERR_DECODE, "contract: Solidity ABI: %s is defined twice", abi->msgs[i].signature);
    return WETEE_OK;
}

int wt_sol_describe(json_t *o, const wt_msg *m)
{
    json_t *args = json_array(), *outs = json_array();
    size_t i;
    for (i = 0; args && i < m->n_inputs; i++)
        json_array_append_new(args, json_pack("{s:s,s:s}", "name", m->inputs[i].name, "type", m->inputs[i].type->canon));
    for (i = 0; outs && i < m->n_outputs; i++)
        json_array_append_new(outs, json_pack("{s:s,s:s}", "name", m->outputs[i].name, "type", m->outputs[i].type->canon));
    json_object_set_new(o, "args", args);
    json_object_set_new(o, "returns", outs);
    json_object_set_new(o, "signature", json_string(m->signature));
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* encoding                                                            */
/* ------------------------------------------------------------------ */

typedef struct senc {
    char path[256];
    size_t plen;
} senc;

static int eerr(senc *e, int code, const char *msg)
{
    return wt_error(code, "contract: argument %s: %s", e->plen ? e->path : "(root)", msg);
}

static size_t push(senc *e, const char *name, size_t idx)
{
    size_t at = e->plen;
    int k;
    if (name && *name) k = snprintf(e->path + at, sizeof e->path - at, "%s%s", at ? "." : "", name);
    else k = snprintf(e->path + at, sizeof e->path - at, "[%zu]", idx);
    if (k > 0 && (size_t)k < sizeof e->path - at) e->plen += (size_t)k;
    return at;
}

static void pop(senc *e, size_t at)
{
    e->plen = at;
    e->path[at] = '\0';
}

static int is_dynamic(const sol_type *t)
{
    size_t i;
    switch (t->kind) {
    case T_BYTES: case T_STRING: return 1;
    case T_ARRAY: return t->len < 0 || is_dynamic(t->elem);
    case T_TUPLE:
        for (i = 0; i < t->ncomps; i++)
            if (is_dynamic(t->comps[i].type)) return 1;
        return 0;
    default: return 0;
    }
}

/* head size of a static type (32 for dynamic ones) */
static size_t head_size(const sol_type *t)
{
    size_t i, n = 0;
    if (is_dynamic(t)) return 32;
    if (t->kind == T_ARRAY) return (size_t)t->len * head_size(t->elem);
    if (t->kind == T_TUPLE) {
        for (i = 0; i < t->ncomps; i++) n += head_size(t->comps[i].type);
        return n;
    }
    return 32;
}

static int put_word_u64(wetee_buf *b, uint64_t v)
{
    uint8_t w[32];
    int i;
    memset(w, 0, 32);
    for (i = 0; i < 8; i++) w[31 - i] = (uint8_t)(v >> (8 * i));
    return wetee_buf_append(b, w, 32);
}

static int patch_word(wetee_buf *b, size_t at, uint64_t v)
{
    int i;
    memset(b->data + at, 0, 32);
    for (i = 0; i < 8; i++) b->data[at + 31 - i] = (uint8_t)(v >> (8 * i));
    return WETEE_OK;
}

static int enc_value(senc *e, wetee_buf *b, const sol_type *t, const wetee_value *v, unsigned depth);

static int bytes_of(senc *e, wetee_buf *tmp, const wetee_value *v)
{
    size_t n;
    const char *s = wetee_value_string(&n, v);
    if (!s || n < 2 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) return eerr(e, WETEE_ERR_DECODE, "expected bytes as a 0x-hex string");
    if (wetee_hex_decode(tmp, s, n) != WETEE_OK) return eerr(e, WETEE_ERR_DECODE, "bad hex");
    return WETEE_OK;
}

/* items (array elements or tuple components) as a tuple encoding */
static int enc_seq(senc *e, wetee_buf *b, const sol_type *const *types, const char *const *names,
                   const wetee_value *const *vals, size_t n, unsigned depth)
{
    size_t i, heads = 0, start = b->len;
    int rc;
    for (i = 0; i < n; i++) heads += head_size(types[i]);
    if ((rc = wetee_buf_reserve(b, heads)) != WETEE_OK) return rc;
    /* write heads, remembering where the offsets go */
    for (i = 0; i < n; i++) {
        size_t at = push(e, names ? names[i] : NULL, i);
        if (is_dynamic(types[i])) rc = put_word_u64(b, 0);
        else rc = enc_value(e, b, types[i], vals[i], depth + 1);
        pop(e, at);
        if (rc != WETEE_OK) return rc;
    }
    {
        size_t off = 0;
        for (i = 0; i < n; i++) {
            if (is_dynamic(types[i])) {
                size_t at = push(e, names ? names[i] : NULL, i);
                patch_word(b, start + off, b->len - start);
                rc = enc_value(e, b, types[i], vals[i], depth + 1);
                pop(e, at);
                if (rc != WETEE_OK) return rc;
            }
            off += head_size(types[i]);
        }
    }
    return WETEE_OK;
}

static int enc_items(senc *e, wetee_buf *b, const sol_type *t, const wetee_value *v, unsigned depth)
{
    size_t n, i;
    const sol_type **types = NULL;
    const char **names = NULL;
    const wetee_value **vals = NULL;
    int rc;
    if (t->kind == T_ARRAY) {
        if (wetee_value_get_kind(v) != WETEE_VALUE_SEQUENCE) return eerr(e, WETEE_ERR_DECODE, "expected an array");
        n = wetee_value_count(v);
        if (t->len >= 0 && n != (size_t)t->len) {
            char m[80];
            snprintf(m, sizeof m, "expected %ld items, got %zu", t->len, n);
            return eerr(e, WETEE_ERR_DECODE, m);
        }
        if (t->len < 0 && (rc = put_word_u64(b, n)) != WETEE_OK) return rc;
    } else {
        n = t->ncomps;
        if (wetee_value_get_kind(v) == WETEE_VALUE_COMPOSITE) {
            if (wetee_value_count(v) != n) return eerr(e, WETEE_ERR_DECODE, "wrong number of tuple components");
        } else if (wetee_value_get_kind(v) == WETEE_VALUE_SEQUENCE) {
            if (wetee_value_count(v) != n) return eerr(e, WETEE_ERR_DECODE, "wrong number of tuple components");
        } else if (!(n == 0 && wetee_value_get_kind(v) == WETEE_VALUE_NULL))
            return eerr(e, WETEE_ERR_DECODE, "expected a tuple as an array or an object");
    }
    if (n) {
        types = wt_calloc(n, sizeof *types);
        names = wt_calloc(n, sizeof *names);
        vals = wt_calloc(n, sizeof *vals);
        if (!types || !names || !vals) {
            rc = wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
            goto done;
        }
    }
    for (i = 0; i < n; i++) {
        if (t->kind == T_ARRAY) {
            types[i] = t->elem;
            vals[i] = wetee_value_at(v, i);
        } else {
            types[i] = t->comps[i].type;
            names[i] = t->comps[i].name;
            if (wetee_value_get_kind(v) == WETEE_VALUE_COMPOSITE) {
                vals[i] = *t->comps[i].name ? wetee_value_field(v, t->comps[i].name) : NULL;
                if (!vals[i]) {
                    char m[120];
                    snprintf(m, sizeof m, "missing component \"%.60s\"", t->comps[i].name);
                    rc = eerr(e, WETEE_ERR_DECODE, m);
                    goto done;
                }
            } else vals[i] = wetee_value_at(v, i);
        }
    }
    rc = enc_seq(e, b, types, t->kind == T_TUPLE ? names : NULL, vals, n, depth);
done:
    wt_free(types);
    wt_free(names);
    wt_free(vals);
    return rc;
}

/* is the magnitude exactly 2^bit? */
static int is_pow2(const wt_num *n, unsigned bit)
{
    unsigned i;
    for (i = 0; i < 32; i++)
        if (n->mag[i] != (i == bit / 8 ? (uint8_t)(1u << (bit % 8)) : 0)) return 0;
    return 1;
}

static int enc_value(senc *e, wetee_buf *b, const sol_type *t, const wetee_value *v, unsigned depth)
{
    uint8_t w[32];
    int rc, k;
    if (depth > 2 * SOL_DEPTH_MAX + 8) return eerr(e, WETEE_ERR_DEPTH, "nested too deep");
    if (!v) return eerr(e, WETEE_ERR_DECODE, "missing value");
    memset(w, 0, 32);
    switch (t->kind) {
    case T_UINT:
    case T_INT: {
        wt_num n;
        const char *why = "expected an integer";
        unsigned bits;
        if (wetee_value_get_kind(v) != WETEE_VALUE_UINT && wetee_value_get_kind(v) != WETEE_VALUE_INT &&
            wetee_value_get_kind(v) != WETEE_VALUE_STRING)
            return eerr(e, WETEE_ERR_DECODE, "expected an integer");
        if ((rc = wt_num_from_value(&n, v, &why)) != WETEE_OK) return eerr(e, rc, why);
        bits = wt_num_bits(&n);
        if (t->kind == T_UINT && (n.neg || bits > t->size)) return eerr(e, WETEE_ERR_OVERFLOW, "out of range for the uint type");
        if (t->kind == T_INT) {
            /* -2^(N-1) <= v <= 2^(N-1) - 1 */
            int ok = n.neg ? (bits < t->size || (bits == t->size && is_pow2(&n, t->size - 1))) : bits < t->size;
            if (!ok) return eerr(e, WETEE_ERR_OVERFLOW, "out of range for the int type");
        }
        for (k = 0; k < 32; k++) w[31 - k] = n.mag[k];
        if (n.neg) { /* two's complement over 256 bits */
            unsigned carry = 1;
            for (k = 31; k >= 0; k--) {
                unsigned x = (uint8_t)~w[k] + carry;
                w[k] = (uint8_t)x;
                carry = x >> 8;
            }
        }
        return wetee_buf_append(b, w, 32);
    }
    case T_ADDRESS: {
        size_t n;
        const char *s = wetee_value_string(&n, v);
        if (!s) return eerr(e, WETEE_ERR_DECODE, "expected an address string");
        if (wetee_eth_address_from_string(w + 12, s, n) != WETEE_OK) {
            char d[160];
            snprintf(d, sizeof d, "%s", wetee_last_error());
            return eerr(e, WETEE_ERR_DECODE, d);
        }
        return wetee_buf_append(b, w, 32);
    }
    case T_BOOL: {
        int x;
        if (wetee_value_get_bool(&x, v) != WETEE_OK) return eerr(e, WETEE_ERR_DECODE, "expected true or false");
        w[31] = (uint8_t)(x != 0);
        return wetee_buf_append(b, w, 32);
    }
    case T_FBYTES:
    case T_FUNCTION: {
        wetee_buf tmp = WETEE_BUF_INIT;
        if ((rc = bytes_of(e, &tmp, v)) == WETEE_OK) {
            if (tmp.len != t->size) {
                char m[64];
                snprintf(m, sizeof m, "expected %u bytes, got %zu", t->size, tmp.len);
                rc = eerr(e, WETEE_ERR_DECODE, m);
            } else {
                memcpy(w, tmp.data, tmp.len);
                rc = wetee_buf_append(b, w, 32);
            }
        }
        wetee_buf_free(&tmp);
        return rc;
    }
    case T_BYTES:
    case T_STRING: {
        wetee_buf tmp = WETEE_BUF_INIT;
        const uint8_t *p;
        size_t n, pad;
        if (t->kind == T_STRING) {
            p = (const uint8_t *)wetee_value_string(&n, v);
            if (!p) return eerr(e, WETEE_ERR_DECODE, "expected a string");
        } else {
            if ((rc = bytes_of(e, &tmp, v)) != WETEE_OK) return rc;
            p = tmp.data;
            n = tmp.len;
        }
        pad = (32 - n % 32) % 32;
        rc = put_word_u64(b, n);
        if (rc == WETEE_OK && n) rc = wetee_buf_append(b, p, n);
        if (rc == WETEE_OK && pad) rc = wetee_buf_append(b, w, pad);
        wetee_buf_free(&tmp);
        return rc;
    }
    case T_ARRAY:
    case T_TUPLE: return enc_items(e, b, t, v, depth);
    default: return eerr(e, WETEE_ERR_INTERNAL, "unknown type");
    }
}

int wt_sol_encode(wetee_buf *out, const wt_msg *m, const char *json, size_t len)
{
    wetee_value *args = NULL;
    sol_type tuple;
    senc e;
    size_t i;
    int rc;
    memset(&e, 0, sizeof e);
    memset(&tuple, 0, sizeof tuple);
    tuple.kind = T_TUPLE;
    tuple.comps = m->inputs;
    tuple.ncomps = m->n_inputs;
    for (i = 0; json && i < len && isspace((unsigned char)json[i]); i++) {}
    if (!json || i == len) rc = wetee_value_from_json(&args, "[]", 2);
    else rc = wetee_value_from_json(&args, json, len);
    if (rc != WETEE_OK) return rc;
    if (m->has_selector) rc = wetee_buf_append(out, m->selector, 4);
    /* an object by argument name, or an array in order */
    if (rc == WETEE_OK) {
        if (wetee_value_get_kind(args) == WETEE_VALUE_COMPOSITE) {
            for (i = 0; i < m->n_inputs; i++)
                if (!*m->inputs[i].name) {
                    rc = wt_error(WETEE_ERR_DECODE, "contract: %s: unnamed arguments must be given as an array", m->name);
                    break;
                }
        } else if (wetee_value_get_kind(args) != WETEE_VALUE_SEQUENCE)
            rc = wt_error(WETEE_ERR_DECODE, "contract: %s: arguments must be a JSON array or object", m->name);
    }
    if (rc == WETEE_OK) rc = enc_items(&e, out, &tuple, args, 0);
    wetee_value_free(args);
    return rc;
}

/* ------------------------------------------------------------------ */
/* decoding                                                            */
/* ------------------------------------------------------------------ */

typedef struct sdec {
    const uint8_t *d;
    size_t len;
    size_t budget; /* elements left (guards against overlapping offsets) */
} sdec;

static int derr(size_t off, const char *msg)
{
    return wt_error(WETEE_ERR_DECODE, "contract: ABI data at offset %zu: %s", off, msg);
}

static int word_at(const sdec *s, size_t off, const uint8_t **w)
{
    if (off > s->len || s->len - off < 32)
        return wt_error(WETEE_ERR_TRUNCATED, "contract: ABI data of %zu bytes ends before the word at offset %zu", s->len, off);
    *w = s->d + off;
    return WETEE_OK;
}

/* a word holding an offset or length: at most 2^32 */
static int small_at(const sdec *s, size_t off, size_t *out)
{
    const uint8_t *w = NULL;
    int rc, i;
    uint64_t v = 0;
    if ((rc = word_at(s, off, &w)) != WETEE_OK) return rc;
    for (i = 0; i < 28; i++)
        if (w[i]) return derr(off, "offset or length above 2^32");
    for (i = 28; i < 32; i++) v = v << 8 | w[i];
    *out = (size_t)v;
    return WETEE_OK;
}

static void jraw(wetee_buf *b, const char *s) { wetee_buf_append(b, (const uint8_t *)s, strlen(s)); }

static void jstr(wetee_buf *b, const char *s, size_t n)
{
    json_t *j = json_stringn(s, n);
    char *t = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
    if (t) jraw(b, t);
    wt_json_text_free(t);
    json_decref(j);
}

static void jhex(wetee_buf *b, const uint8_t *p, size_t n)
{
    wetee_buf h = WETEE_BUF_INIT;
    jraw(b, "\"");
    if (wetee_hex_encode(&h, p, n, 0) == WETEE_OK) wetee_buf_append(b, h.data, h.len);
    jraw(b, "\"");
    wetee_buf_free(&h);
}

static int dec_value(sdec *s, wetee_buf *o, const sol_type *t, size_t base, size_t at, unsigned depth);

static int dec_items(sdec *s, wetee_buf *o, const sol_type *const *types, const char *const *names, size_t n,
                     size_t base, unsigned depth)
{
    size_t i, off = base, j;
    int rc, named = names != NULL && n > 0;
    for (i = 0; named && i < n; i++) {
        if (!*names[i]) named = 0;
        for (j = 0; named && j < i; j++)
            if (strcmp(names[i], names[j]) == 0) named = 0;
    }
    jraw(o, named ? "{" : "[");
    for (i = 0; i < n; i++) {
        if (i) jraw(o, ",");
        if (named) {
            jstr(o, names[i], strlen(names[i]));
            jraw(o, ":");
        }
        if (is_dynamic(types[i])) {
            size_t rel;
            if ((rc = small_at(s, off, &rel)) != WETEE_OK) return rc;
            if (rel > s->len - base) return derr(off, "offset past the end");
            rc = dec_value(s, o, types[i], base + rel, base + rel, depth + 1);
        } else rc = dec_value(s, o, types[i], off, off, depth + 1);
        if (rc != WETEE_OK) return rc;
        off += head_size(types[i]);
    }
    jraw(o, named ? "}" : "]");
    return WETEE_OK;
}

static int dec_value(sdec *s, wetee_buf *o, const sol_type *t, size_t base, size_t at, unsigned depth)
{
    const uint8_t *w = NULL;
    int rc, k;
    (void)base;
    if (depth > 2 * SOL_DEPTH_MAX + 8) return derr(at, "nested too deep");
    if (s->budget == 0) return derr(at, "more elements than the data can hold (overlapping offsets?)");
    s->budget--;
    switch (t->kind) {
    case T_UINT:
    case T_INT: {
        wetee_value num;
        wt_num n;
        char dec[90];
        int neg;
        if ((rc = word_at(s, at, &w)) != WETEE_OK) return rc;
        neg = t->kind == T_INT && (w[32 - t->size / 8] & 0x80);
        for (k = 0; k < 32 - (int)t->size / 8; k++)
            if (w[k] != (neg ? 0xff : 0)) return derr(at, t->kind == T_UINT ? "value wider than its uint type" : "bad sign extension for its int type");
        memset(&num, 0, sizeof num);
        num.kind = neg ? WETEE_VALUE_INT : WETEE_VALUE_UINT;
        for (k = 0; k < 32; k++) num.u.num[k] = w[31 - k];
        wt_num_from_value_bits(&n, &num);
        wt_num_to_decimal(dec, &n);
        if (wt_num_bits(&n) <= 53) jraw(o, dec);
        else jstr(o, dec, strlen(dec));
        return WETEE_OK;
    }
    case T_ADDRESS: {
        wetee_buf a = WETEE_BUF_INIT;
        if ((rc = word_at(s, at, &w)) != WETEE_OK) return rc;
        for (k = 0; k < 12; k++)
            if (w[k]) return derr(at, "address with non-zero high bytes");
        if ((rc = wetee_eth_address_to_string(&a, w + 12)) == WETEE_OK) jstr(o, (const char *)a.data, a.len);
        wetee_buf_free(&a);
        return rc;
    }
    case T_BOOL:
        if ((rc = word_at(s, at, &w)) != WETEE_OK) return rc;
        for (k = 0; k < 31; k++)
            if (w[k]) return derr(at, "bool other than 0 or 1");
        if (w[31] > 1) return derr(at, "bool other than 0 or 1");
        jraw(o, w[31] ? "true" : "false");
        return WETEE_OK;
    case T_FBYTES:
    case T_FUNCTION:
        if ((rc = word_at(s, at, &w)) != WETEE_OK) return rc;
        for (k = (int)t->size; k < 32; k++)
            if (w[k]) return derr(at, "non-zero padding after bytesN");
        jhex(o, w, t->size);
        return WETEE_OK;
    case T_BYTES:
    case T_STRING: {
        size_t n, pad;
        if ((rc = small_at(s, at, &n)) != WETEE_OK) return rc;
        if (n > s->len - at - 32)
            return wt_error(WETEE_ERR_TRUNCATED, "contract: ABI data at offset %zu: %zu bytes announced, %zu left", at, n,
                            s->len - at - 32);
        pad = (32 - n % 32) % 32;
        if (pad > s->len - at - 32 - n) return wt_error(WETEE_ERR_TRUNCATED, "contract: ABI data at offset %zu: padding missing", at);
        for (k = 0; k < (int)pad; k++)
            if (s->d[at + 32 + n + (size_t)k]) return derr(at, "non-zero padding after bytes or string");
        if (t->kind == T_BYTES) jhex(o, s->d + at + 32, n);
        else {
            json_t *j = json_stringn((const char *)s->d + at + 32, n);
            if (!j) return derr(at, "string that is not UTF-8 or holds NUL");
            json_decref(j);
            jstr(o, (const char *)s->d + at + 32, n);
        }
        return WETEE_OK;
    }
    case T_ARRAY: {
        size_t n, i, hs = head_size(t->elem), start = at;
        const sol_type **types;
        if (t->len < 0) {
            if ((rc = small_at(s, at, &n)) != WETEE_OK) return rc;
            start = at + 32;
        } else n = (size_t)t->len;
        if (hs && n > (s->len - (start > s->len ? s->len : start)) / hs)
            return wt_error(WETEE_ERR_TRUNCATED, "contract: ABI data at offset %zu: %zu items do not fit the data", at, n);
        if (n > s->budget) return derr(at, "more elements than the data can hold (overlapping offsets?)");
        types = n ? wt_calloc(n, sizeof *types) : NULL;
        if (n && !types) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
        for (i = 0; i < n; i++) types[i] = t->elem;
        rc = dec_items(s, o, types, NULL, n, start, depth);
        wt_free(types);
        return rc;
    }
    case T_TUPLE: {
        size_t i;
        const sol_type *types[256];
        const char *names[256];
        for (i = 0; i < t->ncomps && i < 256; i++) {
            types[i] = t->comps[i].type;
            names[i] = t->comps[i].name;
        }
        return dec_items(s, o, types, names, t->ncomps, at, depth);
    }
    default: return derr(at, "unknown type");
    }
}

static int decode_params(wetee_buf *out, const wt_sol_param *p, size_t n, const uint8_t *data, size_t len, int unwrap)
{
    sdec s;
    const sol_type *types[256];
    const char *names[256];
    size_t i;
    int rc;
    s.d = data;
    s.len = len;
    s.budget = len / 16 + 64;
    for (i = 0; i < n; i++) {
        types[i] = p[i].type;
        names[i] = p[i].name;
    }
    out->len = 0;
    if (unwrap && n == 0) jraw(out, "null");
    else if (unwrap && n == 1) {
        if (is_dynamic(types[0])) {
            size_t rel;
            if ((rc = small_at(&s, 0, &rel)) != WETEE_OK) return rc;
            if (rel > len) return derr(0, "offset past the end");
            rc = dec_value(&s, out, types[0], rel, rel, 0);
        } else rc = dec_value(&s, out, types[0], 0, 0, 0);
        if (rc != WETEE_OK) return rc;
    } else if ((rc = dec_items(&s, out, types, names, n, 0, 0)) != WETEE_OK) return rc;
    return wt_buf_terminate(out);
}

int wt_sol_decode(wetee_buf *out, const wt_msg *m, const uint8_t *data, size_t len, int outputs)
{
    wetee_buf tmp = WETEE_BUF_INIT;
    int rc;
    if (outputs) rc = decode_params(&tmp, m->outputs, m->n_outputs, data, len, 1);
    else rc = decode_params(&tmp, m->inputs, m->n_inputs, data, len, 0);
    if (rc == WETEE_OK) {
        out->len = 0;
        rc = wetee_buf_append(out, tmp.data, tmp.len);
        if (rc == WETEE_OK) rc = wt_buf_terminate(out);
    }
    wetee_buf_free(&tmp);
    return rc;
}

int wetee_contract_decode_revert(wetee_buf *out, const wetee_contract_abi *abi, const uint8_t *data, size_t len)
{
    static const uint8_t err_sel[4] = { 0x08, 0xc3, 0x79, 0xa0 }, panic_sel[4] = { 0x4e, 0x48, 0x7b, 0x71 };
    wetee_buf args = WETEE_BUF_INIT;
    const char *name = NULL;
    size_t i;
    int rc;
    wetee_buf res = WETEE_BUF_INIT;
    WT_ARG_DATA(data, len, MOD);
    WT_ARG(out && abi, MOD, "NULL argument");
    if (abi->kind == WETEE_CONTRACT_SOLIDITY && len >= 4) {
        static sol_type str_t = { T_STRING, 0, -1, NULL, NULL, 0, (char *)"string" };
        static sol_type u256_t = { T_UINT, 256, -1, NULL, NULL, 0, (char *)"uint256" };
        wt_sol_param p;
        p.name = (char *)"";
        if (memcmp(data, err_sel, 4) == 0) {
            p.type = &str_t;
            name = "Error";
            rc = decode_params(&args, &p, 1, data + 4, len - 4, 1);
        } else if (memcmp(data, panic_sel, 4) == 0) {
            p.type = &u256_t;
            name = "Panic";
            rc = decode_params(&args, &p, 1, data + 4, len - 4, 1);
        } else {
            rc = WETEE_OK;
            for (i = 0; i < abi->n_msgs; i++)
                if (abi->msgs[i].constructor == 2 && memcmp(abi->msgs[i].selector, data, 4) == 0) {
                    name = abi->msgs[i].name;
                    rc = decode_params(&args, abi->msgs[i].inputs, abi->msgs[i].n_inputs, data + 4, len - 4, 0);
                    break;
                }
        }
        if (rc != WETEE_OK) {
            wetee_buf_free(&args);
            return rc;
        }
    }
    /* into a buffer of its own: `data` may lie inside `out` */
    jraw(&res, "{\"error\":");
    if (name) {
        jstr(&res, name, strlen(name));
        jraw(&res, ",\"args\":");
        wetee_buf_append(&res, args.data, args.len);
    } else {
        jraw(&res, "\"Revert\",\"data\":");
        jhex(&res, data, len);
    }
    jraw(&res, "}");
    wetee_buf_free(&args);
    out->len = 0;
    rc = wetee_buf_append(out, res.data, res.len);
    wetee_buf_free(&res);
    return rc == WETEE_OK ? wt_buf_terminate(out) : rc;
}
