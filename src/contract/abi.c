/* Contract ABIs: loading (wrevive, ink!, Solidity), message lookup, call
 * data and return values. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract/contract_impl.h"
#include "wetee/hash.h"

#define MOD "contract"
#define BAD UINT32_MAX
#define ABI_MAX_TEXT (16u << 20)
#define TYPE_DEPTH_MAX 64

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif
#include "contract/wetee_abi.inc"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

size_t wetee_contract_wrevive_call_data_max(void) { return WETEE_CONTRACT_WREVIVE_CALL_DATA_MAX; }

int wetee_contract_selector(uint8_t out[4], int kind, const char *name, size_t len)
{
    uint8_t h[32];
    int rc;
    WT_ARG(out && name, MOD, "NULL argument");
    WT_ARG_LEN(len, MOD);
    WT_ARG(len > 0, MOD, "empty name");
    switch (kind) {
    case WETEE_CONTRACT_WREVIVE: rc = wetee_hash_blake2s_256(h, (const uint8_t *)name, len); break;
    case WETEE_CONTRACT_INK: rc = wetee_hash_blake2b_256(h, (const uint8_t *)name, len); break;
    case WETEE_CONTRACT_SOLIDITY: rc = wetee_hash_keccak256(h, (const uint8_t *)name, len); break;
    default: return wt_error(WETEE_ERR_INVALID_ARGUMENT, "contract: unknown ABI kind %d", kind);
    }
    if (rc != WETEE_OK) return rc;
    memcpy(out, h, 4);
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* ABI object                                                          */
/* ------------------------------------------------------------------ */

static char *dupstr(const char *s)
{
    size_t n = strlen(s);
    char *p = wt_malloc(n + 1);
    if (p) memcpy(p, s, n + 1);
    return p;
}

int wt_abi_add_msg(wetee_contract_abi *abi, wt_msg **out)
{
    wt_msg *m = wt_realloc(abi->msgs, (abi->n_msgs + 1) * sizeof *m);
    if (!m) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    abi->msgs = m;
    m = &abi->msgs[abi->n_msgs++];
    memset(m, 0, sizeof *m);
    m->args_type = m->return_type = BAD;
    *out = m;
    return WETEE_OK;
}

void wetee_contract_abi_free(wetee_contract_abi *abi)
{
    size_t i;
    if (!abi) return;
    for (i = 0; i < abi->n_msgs; i++) {
        wt_free(abi->msgs[i].name);
        wt_sol_free_msg(&abi->msgs[i]);
    }
    wt_free(abi->msgs);
    wt_free(abi->name);
    wetee_metadata_free(abi->md);
    wt_free(abi);
}

int wetee_contract_abi_kind_of(const wetee_contract_abi *abi)
{
    WT_ARG(abi, MOD, "NULL abi");
    return abi->kind;
}

size_t wetee_contract_abi_message_count(const wetee_contract_abi *abi) { return abi ? abi->n_msgs : 0; }

const char *wetee_contract_abi_message_name(const wetee_contract_abi *abi, size_t i)
{
    return abi && i < abi->n_msgs ? abi->msgs[i].name : NULL;
}

/* By name (messages before constructors), then by Solidity signature. */
static const wt_msg *find_msg(const wetee_contract_abi *abi, const char *name)
{
    size_t i;
    int pass;
    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < abi->n_msgs; i++)
            if (abi->msgs[i].constructor < 2 && (abi->msgs[i].constructor != 0) == pass &&
                strcmp(abi->msgs[i].name, name) == 0)
                return &abi->msgs[i];
    for (i = 0; i < abi->n_msgs; i++)
        if (abi->msgs[i].signature && strcmp(abi->msgs[i].signature, name) == 0) return &abi->msgs[i];
    return NULL;
}

static int not_found(const wetee_contract_abi *abi, const char *message)
{
    return wt_error(WETEE_ERR_NOT_FOUND, "contract: %s: no message \"%.100s\"", abi->name ? abi->name : "ABI", message);
}

int wetee_contract_abi_selector(uint8_t out[4], const wetee_contract_abi *abi, const char *message)
{
    const wt_msg *m;
    WT_ARG(out && abi && message, MOD, "NULL argument");
    m = find_msg(abi, message);
    if (!m) return not_found(abi, message);
    if (!m->has_selector) return wt_error(WETEE_ERR_NOT_FOUND, "contract: %s has no selector", m->name);
    memcpy(out, m->selector, 4);
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* loading                                                             */
/* ------------------------------------------------------------------ */

static int load_root(wetee_contract_abi **out, json_t *root)
{
    wetee_contract_abi *abi;
    json_t *k;
    int rc;
    abi = wt_calloc(1, sizeof *abi);
    if (!abi) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    if (json_is_array(root)) {
        abi->kind = WETEE_CONTRACT_SOLIDITY;
        rc = wt_abi_load_solidity(abi, root);
    } else if (json_is_object(root) && json_is_array(json_object_get(root, "abi"))) {
        abi->kind = WETEE_CONTRACT_SOLIDITY;
        rc = wt_abi_load_solidity(abi, json_object_get(root, "abi"));
    } else if (json_is_object(root) && (k = json_object_get(root, "abi")) && json_is_string(k) &&
               strcmp(json_string_value(k), "wrevive") == 0) {
        abi->kind = WETEE_CONTRACT_WREVIVE;
        rc = wt_abi_load_wrevive(abi, root);
    } else if (json_is_object(root) && json_is_object(json_object_get(root, "spec")) &&
               json_is_array(json_object_get(root, "types"))) {
        abi->kind = WETEE_CONTRACT_INK;
        rc = wt_abi_load_ink(abi, root);
    } else {
        rc = wt_error(WETEE_ERR_DECODE, "contract: unknown ABI format (expected ink! metadata with spec and types, a "
                                        "Solidity ABI array, or {\"abi\": \"wrevive\", ...})");
    }
    if (rc != WETEE_OK) {
        wetee_contract_abi_free(abi);
        return rc;
    }
    *out = abi;
    return WETEE_OK;
}

int wetee_contract_abi_load(wetee_contract_abi **out, const char *json, size_t len)
{
    json_t *root;
    json_error_t jerr;
    int rc;
    WT_ARG_DATA(json, len, MOD);
    WT_ARG(out, MOD, "NULL out");
    *out = NULL;
    if (len > ABI_MAX_TEXT) return wt_error(WETEE_ERR_TOO_LONG, "contract: ABI of %zu bytes is over 16 MiB", len);
    root = json_loadb(json ? json : "", len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return wt_error(WETEE_ERR_DECODE, "contract: ABI JSON line %d column %d: %.120s", jerr.line, jerr.column,
                        jerr.text);
    rc = load_root(out, root);
    json_decref(root);
    return rc;
}

int wetee_contract_abi_wetee(wetee_contract_abi **out, const char *contract)
{
    const char *text = NULL;
    WT_ARG(out && contract, MOD, "NULL argument");
    *out = NULL;
    if (strcmp(contract, "cloud") == 0) text = wt_abi_cloud;
    else if (strcmp(contract, "subnet") == 0) text = wt_abi_subnet;
    else if (strcmp(contract, "pod") == 0) text = wt_abi_pod;
    else if (strcmp(contract, "proxy") == 0) text = wt_abi_proxy;
    else if (strcmp(contract, "dao") == 0) text = wt_abi_dao;
    else
        return wt_error(WETEE_ERR_NOT_FOUND, "contract: no built-in WeTEE contract \"%.40s\" (cloud, subnet, pod, proxy, dao)",
                        contract);
    return wetee_contract_abi_load(out, text, strlen(text));
}

/* ------------------------------------------------------------------ */
/* wrevive: type expressions                                           */
/* ------------------------------------------------------------------ */

typedef struct named {
    const char *name;
    uint32_t id; /* BAD while being defined */
} named;

typedef struct wctx {
    wt_reg *r;
    json_t *types;
    const char *abi_name;
    named *names;
    size_t n_names, cap_names;
    uint32_t prims[16];
    uint32_t u8_seq, h160, h256, acc, u256;
    unsigned depth;
    const char *where; /* for errors */
} wctx;

static int wfail(wctx *c, int code, const char *fmt, ...) WT_PRINTF(3, 4);
static int wfail(wctx *c, int code, const char *fmt, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return wt_error(code, "contract: %s: %s", c->where ? c->where : "ABI", msg);
}

static uint32_t prim(wctx *c, uint8_t p)
{
    if (c->prims[p] == BAD) c->prims[p] = wt_reg_prim(c->r, p);
    return c->prims[p];
}

static uint32_t bytes_ty(wctx *c, const char *path, uint32_t n, uint32_t *cache)
{
    uint32_t arr;
    wt_reg_field f;
    if (*cache != BAD) return *cache;
    arr = wt_reg_array(c->r, n, prim(c, WETEE_PRIM_U8));
    f.name = NULL;
    f.type = arr;
    *cache = wt_reg_composite(c->r, path, &f, 1);
    return *cache;
}

static void skip_ws(const char **s)
{
    while (**s == ' ' || **s == '\t') (*s)++;
}

static int parse_type(wctx *c, const char **s, uint32_t *out);
static int define_named(wctx *c, const char *name, uint32_t *out);

static int parse_list(wctx *c, const char **s, char close, uint32_t *ids, size_t max, size_t *n)
{
    *n = 0;
    skip_ws(s);
    if (**s == close) {
        (*s)++;
        return WETEE_OK;
    }
    for (;;) {
        int rc;
        if (*n == max) return wfail(c, WETEE_ERR_DECODE, "type with more than 16 members");
        if ((rc = parse_type(c, s, &ids[(*n)++])) != WETEE_OK) return rc;
        skip_ws(s);
        if (**s == ',') {
            (*s)++;
            continue;
        }
        if (**s == close) {
            (*s)++;
            return WETEE_OK;
        }
        return wfail(c, WETEE_ERR_DECODE, "malformed type near \"%.40s\"", *s);
    }
}

static const struct {
    const char *name;
    uint8_t prim;
} prim_names[] = { { "bool", WETEE_PRIM_BOOL }, { "char", WETEE_PRIM_CHAR }, { "str", WETEE_PRIM_STR },
                   { "String", WETEE_PRIM_STR }, { "u8", WETEE_PRIM_U8 }, { "u16", WETEE_PRIM_U16 },
                   { "u32", WETEE_PRIM_U32 }, { "u64", WETEE_PRIM_U64 }, { "u128", WETEE_PRIM_U128 },
                   { "i8", WETEE_PRIM_I8 }, { "i16", WETEE_PRIM_I16 }, { "i32", WETEE_PRIM_I32 },
                   { "i64", WETEE_PRIM_I64 }, { "i128", WETEE_PRIM_I128 }, { "BlockNumber", WETEE_PRIM_U32 } };

static int parse_type(wctx *c, const char **s, uint32_t *out)
{
    char ident[64];
    size_t n = 0, i, np = 0;
    uint32_t params[16];
    int rc;
    if (++c->depth > TYPE_DEPTH_MAX) return wfail(c, WETEE_ERR_DEPTH, "type nested too deep");
    skip_ws(s);
    if (**s == '(') {
        (*s)++;
        if ((rc = parse_list(c, s, ')', params, 16, &np)) != WETEE_OK) return rc;
        *out = wt_reg_tuple(c->r, params, np);
        goto done;
    }
    if (**s == '[') {
        unsigned long len;
        char *end;
        uint32_t elem;
        (*s)++;
        if ((rc = parse_type(c, s, &elem)) != WETEE_OK) return rc;
        skip_ws(s);
        if (**s != ';') return wfail(c, WETEE_ERR_DECODE, "expected ';' in array type near \"%.40s\"", *s);
        (*s)++;
        skip_ws(s);
        if (!isdigit((unsigned char)**s)) return wfail(c, WETEE_ERR_DECODE, "expected an array length");
        len = strtoul(*s, &end, 10);
        if (len > 1u << 20) return wfail(c, WETEE_ERR_DECODE, "array length too large");
        *s = end;
        skip_ws(s);
        if (**s != ']') return wfail(c, WETEE_ERR_DECODE, "expected ']' near \"%.40s\"", *s);
        (*s)++;
        *out = wt_reg_array(c->r, (uint32_t)len, elem);
        goto done;
    }
    while (isalnum((unsigned char)(*s)[n]) || (*s)[n] == '_') {
        if (n + 1 >= sizeof ident) return wfail(c, WETEE_ERR_DECODE, "type name too long");
        ident[n] = (*s)[n];
        n++;
    }
    ident[n] = '\0';
    if (n == 0) return wfail(c, WETEE_ERR_DECODE, "expected a type near \"%.40s\"", *s);
    *s += n;
    skip_ws(s);
    if (**s == '<') {
        (*s)++;
        if ((rc = parse_list(c, s, '>', params, 16, &np)) != WETEE_OK) return rc;
        if (np == 0) return wfail(c, WETEE_ERR_DECODE, "%s<> without parameters", ident);
    }
#define NP(k)                                                                                                  \
    do {                                                                                                       \
        if (np != (k)) return wfail(c, WETEE_ERR_DECODE, "%s takes " #k " type parameter(s)", ident); \
    } while (0)
    for (i = 0; i < sizeof prim_names / sizeof prim_names[0]; i++)
        if (strcmp(ident, prim_names[i].name) == 0) {
            NP(0);
            *out = prim(c, prim_names[i].prim);
            goto done;
        }
    if (strcmp(ident, "Bytes") == 0) {
        NP(0);
        if (c->u8_seq == BAD) c->u8_seq = wt_reg_seq(c->r, prim(c, WETEE_PRIM_U8));
        *out = c->u8_seq;
    } else if (strcmp(ident, "H160") == 0 || strcmp(ident, "Address") == 0) {
        NP(0);
        *out = bytes_ty(c, "primitive_types::H160", 20, &c->h160);
    } else if (strcmp(ident, "H256") == 0 || strcmp(ident, "Hash") == 0) {
        NP(0);
        *out = bytes_ty(c, "primitive_types::H256", 32, &c->h256);
    } else if (strcmp(ident, "AccountId") == 0) {
        NP(0);
        *out = bytes_ty(c, "wrevive::AccountId32", 32, &c->acc);
    } else if (strcmp(ident, "U256") == 0) {
        NP(0);
        *out = bytes_ty(c, "wrevive::U256", 32, &c->u256);
    } else if (strcmp(ident, "Vec") == 0) {
        NP(1);
        *out = wt_reg_seq(c->r, params[0]);
    } else if (strcmp(ident, "Compact") == 0) {
        NP(1);
        *out = wt_reg_compact(c->r, params[0]);
    } else if (strcmp(ident, "Option") == 0) {
        wt_reg_field f;
        NP(1);
        f.name = NULL;
        f.type = params[0];
        *out = wt_reg_variant_begin(c->r, "Option", params, 1, 2);
        wt_reg_variant_item(c->r, "None", 0, NULL, 0);
        wt_reg_variant_item(c->r, "Some", 1, &f, 1);
        wt_reg_end(c->r);
    } else if (strcmp(ident, "Result") == 0) {
        wt_reg_field f[2];
        NP(2);
        f[0].name = f[1].name = NULL;
        f[0].type = params[0];
        f[1].type = params[1];
        *out = wt_reg_variant_begin(c->r, "Result", params, 2, 2);
        wt_reg_variant_item(c->r, "Ok", 0, &f[0], 1);
        wt_reg_variant_item(c->r, "Err", 1, &f[1], 1);
        wt_reg_end(c->r);
    } else {
        NP(0);
        if ((rc = define_named(c, ident, out)) != WETEE_OK) return rc;
    }
#undef NP
done:
    c->depth--;
    if (c->r->err) return c->r->err;
    return WETEE_OK;
}

static int parse_type_str(wctx *c, const char *text, uint32_t *out)
{
    const char *s = text;
    int rc = parse_type(c, &s, out);
    if (rc != WETEE_OK) return rc;
    skip_ws(&s);
    if (*s) return wfail(c, WETEE_ERR_DECODE, "unexpected text after type: \"%.40s\"", s);
    return WETEE_OK;
}

/* Fields of a struct or variant: "T" (one unnamed), ["T", ...] (unnamed)
 * or [["name", "T"], ...] (named). Field names point into the JSON. */
static int parse_fields(wctx *c, json_t *spec, wt_reg_field *f, size_t max, size_t *n)
{
    size_t i;
    json_t *it;
    int rc;
    *n = 0;
    if (json_is_string(spec)) {
        f[0].name = NULL;
        *n = 1;
        return parse_type_str(c, json_string_value(spec), &f[0].type);
    }
    if (!json_is_array(spec)) return wfail(c, WETEE_ERR_DECODE, "fields must be a type or an array");
    if (json_array_size(spec) > max) return wfail(c, WETEE_ERR_DECODE, "more than 64 fields");
    json_array_foreach(spec, i, it) {
        if (json_is_string(it)) {
            f[i].name = NULL;
            rc = parse_type_str(c, json_string_value(it), &f[i].type);
        } else if (json_is_array(it) && json_array_size(it) == 2 && json_is_string(json_array_get(it, 0)) &&
                   json_is_string(json_array_get(it, 1))) {
            f[i].name = json_string_value(json_array_get(it, 0));
            rc = parse_type_str(c, json_string_value(json_array_get(it, 1)), &f[i].type);
        } else rc = wfail(c, WETEE_ERR_DECODE, "a field must be \"Type\" or [\"name\", \"Type\"]");
        if (rc != WETEE_OK) return rc;
        if (i > 0 && (f[i].name == NULL) != (f[0].name == NULL))
            return wfail(c, WETEE_ERR_DECODE, "fields must be all named or all unnamed");
        (*n)++;
    }
    return WETEE_OK;
}

static int define_named(wctx *c, const char *name, uint32_t *out)
{
    json_t *spec, *body;
    size_t i, pos;
    char path[160];
    int rc;
    for (i = 0; i < c->n_names; i++)
        if (strcmp(c->names[i].name, name) == 0) {
            if (c->names[i].id == BAD) return wfail(c, WETEE_ERR_UNSUPPORTED, "recursive type %s", name);
            *out = c->names[i].id;
            return WETEE_OK;
        }
    spec = c->types ? json_object_get(c->types, name) : NULL;
    if (!spec) return wfail(c, WETEE_ERR_DECODE, "unknown type %s", name);
    if (c->n_names == c->cap_names) {
        size_t cap = c->cap_names ? 2 * c->cap_names : 32;
        named *nn = wt_realloc(c->names, cap * sizeof *nn);
        if (!nn) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
        c->names = nn;
        c->cap_names = cap;
    }
    pos = c->n_names++;
    c->names[pos].name = json_object_iter_key(json_object_iter_at(c->types, name));
    c->names[pos].id = BAD;
    snprintf(path, sizeof path, "%s::%s", c->abi_name, name);
    if (json_is_string(spec)) {
        rc = parse_type_str(c, json_string_value(spec), out);
    } else if ((body = json_object_get(spec, "struct")) != NULL) {
        wt_reg_field f[64];
        size_t n;
        if (!json_is_array(body)) return wfail(c, WETEE_ERR_DECODE, "struct %s: expected an array of fields", name);
        rc = parse_fields(c, body, f, 64, &n);
        if (rc == WETEE_OK) *out = wt_reg_composite(c->r, path, f, n);
    } else if ((body = json_object_get(spec, "enum")) != NULL && json_is_array(body)) {
        /* resolve every variant's fields first (types are written in order) */
        size_t nv = json_array_size(body), k, total = 0;
        wt_reg_field *all;
        size_t *counts;
        const char **names;
        json_t *it;
        if (nv > 256) return wfail(c, WETEE_ERR_DECODE, "enum %s: more than 256 variants", name);
        all = wt_calloc(nv * 64 + 1, sizeof *all);
        counts = wt_calloc(nv + 1, sizeof *counts);
        names = wt_calloc(nv + 1, sizeof *names);
        rc = all && counts && names ? WETEE_OK : wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
        json_array_foreach(body, k, it) {
            if (rc != WETEE_OK) break;
            if (json_is_string(it)) {
                names[k] = json_string_value(it);
                counts[k] = 0;
            } else if (json_is_object(it) && json_object_size(it) == 1) {
                void *iter = json_object_iter(it);
                names[k] = json_object_iter_key(iter);
                rc = parse_fields(c, json_object_iter_value(iter), all + k * 64, 64, &counts[k]);
            } else rc = wfail(c, WETEE_ERR_DECODE, "enum %s: a variant must be \"Name\" or {\"Name\": fields}", name);
            total += counts[k];
        }
        if (rc == WETEE_OK) {
            *out = wt_reg_variant_begin(c->r, path, NULL, 0, nv);
            for (k = 0; k < nv; k++) wt_reg_variant_item(c->r, names[k], (uint8_t)k, all + k * 64, counts[k]);
            wt_reg_end(c->r);
            rc = c->r->err;
        }
        (void)total;
        wt_free(all);
        wt_free(counts);
        wt_free(names);
    } else {
        rc = wfail(c, WETEE_ERR_DECODE, "type %s: expected \"Type\", {\"struct\": [...]} or {\"enum\": [...]}", name);
    }
    if (rc == WETEE_OK && c->r->err) rc = c->r->err;
    if (rc == WETEE_OK) c->names[pos].id = *out;
    return rc;
}

static int hex_selector(uint8_t out[4], json_t *j)
{
    const char *s = json_string_value(j);
    if (!s || strlen(s) != 10 || s[0] != '0' || s[1] != 'x') return WETEE_ERR_DECODE;
    return wetee_hex_decode_exact(out, 4, s, 10) == WETEE_OK ? WETEE_OK : WETEE_ERR_DECODE;
}

static int check_unique(const wetee_contract_abi *abi, const char *name, int constructor)
{
    size_t i;
    for (i = 0; i + 1 < abi->n_msgs; i++)
        if (abi->msgs[i].constructor == constructor && strcmp(abi->msgs[i].name, name) == 0)
            return wt_error(WETEE_ERR_DECODE, "contract: %s: message \"%.80s\" is defined twice", abi->name, name);
    return WETEE_OK;
}

static int check_selectors(const wetee_contract_abi *abi)
{
    size_t i, j;
    for (i = 0; i < abi->n_msgs; i++)
        for (j = i + 1; j < abi->n_msgs; j++)
            if (abi->msgs[i].has_selector && abi->msgs[j].has_selector &&
                abi->msgs[i].constructor == abi->msgs[j].constructor &&
                memcmp(abi->msgs[i].selector, abi->msgs[j].selector, 4) == 0)
                return wt_error(WETEE_ERR_DECODE, "contract: %s: messages \"%.60s\" and \"%.60s\" share a selector",
                                abi->name, abi->msgs[i].name, abi->msgs[j].name);
    return WETEE_OK;
}

int wt_abi_load_wrevive(wetee_contract_abi *abi, json_t *root)
{
    wt_reg r;
    wctx c;
    json_t *msgs = json_object_get(root, "messages"), *m, *nm;
    size_t i, k;
    int rc = WETEE_OK;
    memset(&r, 0, sizeof r);
    memset(&c, 0, sizeof c);
    c.r = &r;
    c.types = json_object_get(root, "types");
    if (c.types && !json_is_object(c.types)) return wt_error(WETEE_ERR_DECODE, "contract: wrevive ABI: types must be an object");
    nm = json_object_get(root, "name");
    abi->name = dupstr(json_is_string(nm) ? json_string_value(nm) : "contract");
    if (!abi->name) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    c.abi_name = abi->name;
    for (k = 0; k < 16; k++) c.prims[k] = BAD;
    c.u8_seq = c.h160 = c.h256 = c.acc = c.u256 = BAD;
    if (!json_is_array(msgs)) {
        wt_reg_free(&r);
        return wt_error(WETEE_ERR_DECODE, "contract: wrevive ABI: messages must be an array");
    }
    json_array_foreach(msgs, i, m) {
        json_t *name = json_object_get(m, "name"), *args = json_object_get(m, "args"), *ret = json_object_get(m, "returns");
        wt_msg *msg = NULL;
        wt_reg_field f[64];
        size_t n = 0;
        char where[120];
        if (!json_is_string(name) || json_string_length(name) == 0 || json_string_length(name) > 256) {
            rc = wt_error(WETEE_ERR_DECODE, "contract: %s: messages[%zu]: name must be a non-empty string", abi->name, i);
            break;
        }
        snprintf(where, sizeof where, "%s.%s", abi->name, json_string_value(name));
        c.where = where;
        if ((rc = wt_abi_add_msg(abi, &msg)) != WETEE_OK) break;
        if (!(msg->name = dupstr(json_string_value(name)))) {
            rc = wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
            break;
        }
        if ((rc = check_unique(abi, msg->name, 0)) != WETEE_OK) break;
        if (json_object_get(m, "selector")) {
            if (hex_selector(msg->selector, json_object_get(m, "selector")) != WETEE_OK) {
                rc = wt_error(WETEE_ERR_DECODE, "contract: %s: selector must be 0x and 8 hex digits", where);
                break;
            }
        } else if ((rc = wetee_contract_selector(msg->selector, WETEE_CONTRACT_WREVIVE, msg->name, strlen(msg->name))) != WETEE_OK)
            break;
        msg->has_selector = 1;
        msg->payable = json_is_true(json_object_get(m, "payable"));
        msg->mutates = !json_is_false(json_object_get(m, "mutates"));
        if (args && !json_is_array(args)) {
            rc = wt_error(WETEE_ERR_DECODE, "contract: %s: args must be an array", where);
            break;
        }
        if (args && json_array_size(args) && (rc = parse_fields(&c, args, f, 64, &n)) != WETEE_OK) break;
        if (n && !f[0].name) {
            rc = wt_error(WETEE_ERR_DECODE, "contract: %s: args must be [\"name\", \"Type\"] pairs", where);
            break;
        }
        msg->args_type = wt_reg_composite(&r, NULL, f, n);
        if (ret) {
            if (!json_is_string(ret)) {
                rc = wt_error(WETEE_ERR_DECODE, "contract: %s: returns must be a type", where);
                break;
            }
            if ((rc = parse_type_str(&c, json_string_value(ret), &msg->return_type)) != WETEE_OK) break;
        }
        if (r.err) {
            rc = r.err;
            break;
        }
    }
    wt_free(c.names);
    if (rc == WETEE_OK) rc = check_selectors(abi);
    if (rc != WETEE_OK) {
        wt_reg_free(&r);
        return rc;
    }
    return wt_reg_finish(&abi->md, &r);
}

/* ------------------------------------------------------------------ */
/* ink! metadata                                                       */
/* ------------------------------------------------------------------ */

static const char *ink_prims[] = { "bool", "char", "str", "u8", "u16", "u32", "u64", "u128",
                                   "u256", "i8", "i16", "i32", "i64", "i128", "i256" };

static int ink_fail(size_t id, const char *what)
{
    return wt_error(WETEE_ERR_DECODE, "contract: ink! ABI: types[%zu]: %s", id, what);
}

/* the JSON "type" id of a field / param / arg, checked */
static int ink_tid(json_t *j, size_t n, uint32_t *out)
{
    json_int_t v;
    if (!json_is_integer(j)) return WETEE_ERR_DECODE;
    v = json_integer_value(j);
    if (v < 0 || (size_t)v >= n) return WETEE_ERR_DECODE;
    *out = (uint32_t)v;
    return WETEE_OK;
}

static void ink_put_fields(wt_reg *r, json_t *fields, size_t n, int *bad, int u256_field, uint32_t u256_id)
{
    size_t i;
    json_t *f;
    if (!fields) {
        wetee_scale_put_compact_u64(&r->body, 0);
        return;
    }
    if (!json_is_array(fields)) {
        *bad = 1;
        return;
    }
    wetee_scale_put_compact_u64(&r->body, json_array_size(fields));
    json_array_foreach(fields, i, f) {
        json_t *nm = json_object_get(f, "name");
        uint32_t t;
        if (json_is_string(nm)) {
            wetee_scale_put_u8(&r->body, 1);
            wetee_scale_put_str(&r->body, json_string_value(nm), json_string_length(nm));
        } else wetee_scale_put_u8(&r->body, 0);
        if (u256_field) t = u256_id;
        else if (ink_tid(json_object_get(f, "type"), n, &t) != WETEE_OK) {
            *bad = 1;
            return;
        }
        wetee_scale_put_compact_u64(&r->body, t);
        wetee_scale_put_u8(&r->body, 0);
        wetee_scale_put_compact_u64(&r->body, 0);
    }
}

static int is_path(json_t *path, const char *last)
{
    size_t n = json_array_size(path);
    return n && json_is_string(json_array_get(path, n - 1)) && strcmp(json_string_value(json_array_get(path, n - 1)), last) == 0;
}

static int ink_registry(wt_reg *r, json_t *types, uint32_t *u256_id)
{
    size_t n = json_array_size(types), i, k;
    json_t *t;
    *u256_id = (uint32_t)n;
    if (n == 0 || n > 100000) return wt_error(WETEE_ERR_DECODE, "contract: ink! ABI: types: expected 1..100000 types");
    json_array_foreach(types, i, t) {
        json_t *ty = json_object_get(t, "type"), *def, *path, *params, *d;
        json_int_t id = json_integer_value(json_object_get(t, "id"));
        const char *pnames[16];
        uint32_t pids[16];
        size_t np = 0;
        int bad = 0, u256 = 0;
        char pathbuf[256];
        if (!json_is_integer(json_object_get(t, "id")) || id != (json_int_t)i)
            return ink_fail(i, "ids must be 0, 1, 2, ... in order");
        if (!json_is_object(ty) || !json_is_object(def = json_object_get(ty, "def"))) return ink_fail(i, "missing type.def");
        path = json_object_get(ty, "path");
        params = json_object_get(ty, "params");
        pathbuf[0] = '\0';
        if (path) {
            json_t *seg;
            if (!json_is_array(path)) return ink_fail(i, "path must be an array");
            json_array_foreach(path, k, seg) {
                const char *s = json_string_value(seg);
                if (!s || strstr(s, "::") || strlen(pathbuf) + strlen(s) + 3 >= sizeof pathbuf)
                    return ink_fail(i, "bad path");
                if (k) strcat(pathbuf, "::");
                strcat(pathbuf, s);
            }
            /* AccountId as AccountId32 (SS58 in JSON), U256 as one 256-bit integer */
            if (is_path(path, "AccountId") && json_array_size(path) > 1) strcat(pathbuf, "32");
            if (is_path(path, "U256") && json_object_get(def, "composite")) u256 = 1;
        }
        if (params) {
            json_t *p;
            if (!json_is_array(params) || json_array_size(params) > 16) return ink_fail(i, "bad params");
            json_array_foreach(params, k, p) {
                json_t *pt = json_object_get(p, "type");
                pnames[k] = json_string_value(json_object_get(p, "name"));
                if (!pnames[k]) return ink_fail(i, "param without a name");
                if (!pt || json_is_null(pt)) pids[k] = BAD;
                else if (ink_tid(pt, n, &pids[k]) != WETEE_OK) return ink_fail(i, "bad param type");
                np++;
            }
        }
        wt_reg_begin(r, pathbuf, pids, pnames, np);
        if (r->err) return r->err;
        if ((d = json_object_get(def, "composite")) != NULL) {
            wetee_scale_put_u8(&r->body, WETEE_TYPE_COMPOSITE);
            if (u256 && json_array_size(json_object_get(d, "fields")) != 1) return ink_fail(i, "U256 must have one field");
            ink_put_fields(r, json_object_get(d, "fields"), n, &bad, u256, *u256_id);
        } else if ((d = json_object_get(def, "variant")) != NULL) {
            json_t *vs = json_object_get(d, "variants"), *v;
            wetee_scale_put_u8(&r->body, WETEE_TYPE_VARIANT);
            if (vs && (!json_is_array(vs) || json_array_size(vs) > 256)) return ink_fail(i, "bad variants");
            wetee_scale_put_compact_u64(&r->body, json_array_size(vs));
            json_array_foreach(vs, k, v) {
                json_t *vn = json_object_get(v, "name"), *vi = json_object_get(v, "index");
                if (!json_is_string(vn) || !json_is_integer(vi) || json_integer_value(vi) < 0 || json_integer_value(vi) > 255)
                    return ink_fail(i, "variant without name or index 0..255");
                wetee_scale_put_str(&r->body, json_string_value(vn), json_string_length(vn));
                ink_put_fields(r, json_object_get(v, "fields"), n, &bad, 0, 0);
                wetee_scale_put_u8(&r->body, (uint8_t)json_integer_value(vi));
                wetee_scale_put_compact_u64(&r->body, 0);
            }
        } else if ((d = json_object_get(def, "sequence")) != NULL || (d = json_object_get(def, "compact")) != NULL) {
            uint32_t e;
            wetee_scale_put_u8(&r->body, json_object_get(def, "sequence") ? WETEE_TYPE_SEQUENCE : WETEE_TYPE_COMPACT);
            if (ink_tid(json_object_get(d, "type"), n, &e) != WETEE_OK) return ink_fail(i, "bad element type");
            wetee_scale_put_compact_u64(&r->body, e);
        } else if ((d = json_object_get(def, "array")) != NULL) {
            uint32_t e;
            json_t *len = json_object_get(d, "len");
            if (!json_is_integer(len) || json_integer_value(len) < 0 || json_integer_value(len) > (1 << 24))
                return ink_fail(i, "bad array length");
            if (ink_tid(json_object_get(d, "type"), n, &e) != WETEE_OK) return ink_fail(i, "bad element type");
            wetee_scale_put_u8(&r->body, WETEE_TYPE_ARRAY);
            wetee_scale_put_u32(&r->body, (uint32_t)json_integer_value(len));
            wetee_scale_put_compact_u64(&r->body, e);
        } else if ((d = json_object_get(def, "tuple")) != NULL) {
            json_t *e;
            if (!json_is_array(d)) return ink_fail(i, "bad tuple");
            wetee_scale_put_u8(&r->body, WETEE_TYPE_TUPLE);
            wetee_scale_put_compact_u64(&r->body, json_array_size(d));
            json_array_foreach(d, k, e) {
                uint32_t x;
                if (ink_tid(e, n, &x) != WETEE_OK) return ink_fail(i, "bad tuple member");
                wetee_scale_put_compact_u64(&r->body, x);
            }
        } else if ((d = json_object_get(def, "primitive")) != NULL) {
            const char *p = json_string_value(d);
            for (k = 0; p && k < sizeof ink_prims / sizeof ink_prims[0]; k++)
                if (strcmp(p, ink_prims[k]) == 0) break;
            if (!p || k == sizeof ink_prims / sizeof ink_prims[0]) return ink_fail(i, "unknown primitive");
            wetee_scale_put_u8(&r->body, WETEE_TYPE_PRIMITIVE);
            wetee_scale_put_u8(&r->body, (uint8_t)k);
        } else if ((d = json_object_get(def, "bitsequence")) != NULL) {
            uint32_t s, o;
            if (ink_tid(json_object_get(d, "bit_store_type"), n, &s) != WETEE_OK ||
                ink_tid(json_object_get(d, "bit_order_type"), n, &o) != WETEE_OK)
                return ink_fail(i, "bad bit sequence");
            wetee_scale_put_u8(&r->body, WETEE_TYPE_BIT_SEQUENCE);
            wetee_scale_put_compact_u64(&r->body, s);
            wetee_scale_put_compact_u64(&r->body, o);
        } else return ink_fail(i, "unknown type definition");
        if (bad) return ink_fail(i, "bad field");
        wt_reg_end(r);
        if (r->err) return r->err;
    }
    if (wt_reg_prim(r, WETEE_PRIM_U256) != *u256_id) return r->err ? r->err : WETEE_ERR_INTERNAL;
    return WETEE_OK;
}

static int ink_messages(wetee_contract_abi *abi, wt_reg *r, json_t *list, int constructor, size_t ntypes)
{
    size_t i, k;
    json_t *m;
    if (!list) return WETEE_OK;
    if (!json_is_array(list)) return wt_error(WETEE_ERR_DECODE, "contract: ink! ABI: spec.%s must be an array",
                                              constructor ? "constructors" : "messages");
    json_array_foreach(list, i, m) {
        json_t *label = json_object_get(m, "label"), *args = json_object_get(m, "args"), *a, *ret;
        wt_msg *msg = NULL;
        wt_reg_field f[64];
        int rc;
        if (!json_is_string(label) || json_string_length(label) == 0)
            return wt_error(WETEE_ERR_DECODE, "contract: ink! ABI: spec.%s[%zu]: no label", constructor ? "constructors" : "messages", i);
        if ((rc = wt_abi_add_msg(abi, &msg)) != WETEE_OK) return rc;
        if (!(msg->name = dupstr(json_string_value(label)))) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
        msg->constructor = constructor;
        if ((rc = check_unique(abi, msg->name, constructor)) != WETEE_OK) return rc;
        if (hex_selector(msg->selector, json_object_get(m, "selector")) != WETEE_OK)
            return wt_error(WETEE_ERR_DECODE, "contract: ink! ABI: %s: selector must be 0x and 8 hex digits", msg->name);
        msg->has_selector = 1;
        msg->payable = json_is_true(json_object_get(m, "payable"));
        msg->mutates = constructor || json_is_true(json_object_get(m, "mutates"));
        if (args && (!json_is_array(args) || json_array_size(args) > 64))
            return wt_error(WETEE_ERR_DECODE, "contract: ink! ABI: %s: args must be an array of at most 64", msg->name);
        json_array_foreach(args, k, a) {
            f[k].name = json_string_value(json_object_get(a, "label"));
            if (!f[k].name || ink_tid(json_object_get(json_object_get(a, "type"), "type"), ntypes, &f[k].type) != WETEE_OK)
                return wt_error(WETEE_ERR_DECODE, "contract: ink! ABI: %s: args[%zu]: needs a label and type.type", msg->name, k);
        }
        msg->args_type = wt_reg_composite(r, NULL, f, json_array_size(args));
        if (r->err) return r->err;
        ret = json_object_get(m, "returnType");
        if (ret && !json_is_null(ret)) {
            if (ink_tid(json_object_get(ret, "type"), ntypes, &msg->return_type) != WETEE_OK)
                return wt_error(WETEE_ERR_DECODE, "contract: ink! ABI: %s: bad returnType", msg->name);
        }
    }
    return WETEE_OK;
}

/* Is `ty` Result<T, ink_primitives::LangError>? */
static int is_lang_result(const wetee_metadata *md, uint32_t ty)
{
    const struct wetee_md_type *t = &md->types[ty], *e;
    const struct wetee_md_variant *err;
    if (t->kind != WETEE_TYPE_VARIANT || t->n_path != 1 || strcmp(t->path[0], "Result") != 0) return 0;
    err = wt_md_variant_by_index(t, 1);
    if (!err || err->n_fields != 1) return 0;
    e = &md->types[err->fields[0].type];
    return e->n_path && strcmp(e->path[e->n_path - 1], "LangError") == 0;
}

int wt_abi_load_ink(wetee_contract_abi *abi, json_t *root)
{
    wt_reg r;
    json_t *spec = json_object_get(root, "spec"), *types = json_object_get(root, "types"), *c;
    uint32_t u256;
    size_t i;
    int rc;
    memset(&r, 0, sizeof r);
    c = json_object_get(json_object_get(root, "contract"), "name");
    abi->name = dupstr(json_is_string(c) ? json_string_value(c) : "contract");
    if (!abi->name) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    rc = ink_registry(&r, types, &u256);
    if (rc == WETEE_OK) rc = ink_messages(abi, &r, json_object_get(spec, "messages"), 0, json_array_size(types));
    if (rc == WETEE_OK) rc = ink_messages(abi, &r, json_object_get(spec, "constructors"), 1, json_array_size(types));
    if (rc == WETEE_OK && !json_object_get(spec, "messages"))
        rc = wt_error(WETEE_ERR_DECODE, "contract: ink! ABI: spec.messages missing");
    if (rc == WETEE_OK) rc = check_selectors(abi);
    if (rc != WETEE_OK) {
        wt_reg_free(&r);
        return rc;
    }
    if ((rc = wt_reg_finish(&abi->md, &r)) != WETEE_OK) return rc;
    for (i = 0; i < abi->n_msgs; i++)
        if (abi->msgs[i].return_type != BAD) abi->msgs[i].lang_error = is_lang_result(abi->md, abi->msgs[i].return_type);
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* call data and returns                                               */
/* ------------------------------------------------------------------ */

static int is_blank(const char *json, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        if (!isspace((unsigned char)json[i])) return 0;
    return 1;
}

static int encode_call(wetee_buf *out, const wetee_contract_abi *abi, const wt_msg *m, const char *args_json, size_t len)
{
    int rc;
    if (abi->kind == WETEE_CONTRACT_SOLIDITY) return wt_sol_encode(out, m, args_json, len);
    if ((rc = wetee_buf_append(out, m->selector, 4)) != WETEE_OK) return rc;
    if (!args_json || is_blank(args_json, len)) rc = wetee_value_encode_json(out, abi->md, m->args_type, "null", 4);
    else rc = wetee_value_encode_json(out, abi->md, m->args_type, args_json, len);
    if (rc != WETEE_OK) {
        char d[400];
        snprintf(d, sizeof d, "%s", wetee_last_error());
        return wt_error(rc, "contract: %s: %s", m->name, d);
    }
    if (abi->kind == WETEE_CONTRACT_WREVIVE && out->len > WETEE_CONTRACT_WREVIVE_CALL_DATA_MAX)
        return wt_error(WETEE_ERR_TOO_LONG,
                        "contract: %s: call data of %zu bytes is over the %d bytes a wrevive contract reads (the "
                        "contract would silently drop the rest)",
                        m->name, out->len, WETEE_CONTRACT_WREVIVE_CALL_DATA_MAX);
    return WETEE_OK;
}

int wetee_contract_encode_call(wetee_buf *out, const wetee_contract_abi *abi, const char *message,
                               const char *args_json, size_t len)
{
    const wt_msg *m;
    wetee_buf tmp = WETEE_BUF_INIT;
    int rc;
    WT_ARG_DATA(args_json, len, MOD);
    WT_ARG(out && abi && message, MOD, "NULL argument");
    m = find_msg(abi, message);
    if (!m) {
        out->len = 0;
        return not_found(abi, message);
    }
    /* into a buffer of its own first: the inputs may lie inside `out` */
    rc = encode_call(&tmp, abi, m, args_json, len);
    out->len = 0;
    if (rc == WETEE_OK) rc = wetee_buf_append(out, tmp.data, tmp.len);
    wetee_buf_free(&tmp);
    return rc;
}

static int wrap_err(int rc, const char *what, const char *name)
{
    char d[400];
    snprintf(d, sizeof d, "%s", wetee_last_error());
    return wt_error(rc, "contract: %s %s: %s", name, what, d);
}

int wetee_contract_decode_return(wetee_buf *out, const wetee_contract_abi *abi, const char *message,
                                 const uint8_t *data, size_t len)
{
    const wt_msg *m;
    wetee_value *v = NULL;
    int rc;
    WT_ARG_DATA(data, len, MOD);
    WT_ARG(out && abi && message, MOD, "NULL argument");
    m = find_msg(abi, message);
    if (!m) return not_found(abi, message);
    if (abi->kind == WETEE_CONTRACT_SOLIDITY) return wt_sol_decode(out, m, data, len, 1);
    if (m->return_type == BAD) {
        /* no documented return type: the bytes as 0x-hex (null when empty) */
        wetee_buf hex = WETEE_BUF_INIT;
        out->len = 0;
        if (len == 0) {
            rc = wetee_buf_append(out, (const uint8_t *)"null", 4);
            return rc == WETEE_OK ? wt_buf_terminate(out) : rc;
        }
        rc = wetee_hex_encode(&hex, data, len, 0);
        if (rc == WETEE_OK) rc = wetee_buf_append(out, (const uint8_t *)"\"", 1);
        if (rc == WETEE_OK) rc = wetee_buf_append(out, hex.data, hex.len);
        if (rc == WETEE_OK) rc = wetee_buf_append(out, (const uint8_t *)"\"", 1);
        if (rc == WETEE_OK) rc = wt_buf_terminate(out);
        wetee_buf_free(&hex);
        return rc;
    }
    if (!m->lang_error) {
        rc = wetee_value_decode_json(out, abi->md, m->return_type, data, len, NULL);
        return rc == WETEE_OK ? rc : wrap_err(rc, "return value", m->name);
    }
    rc = wetee_value_decode(&v, NULL, abi->md, m->return_type, data, len);
    if (rc != WETEE_OK) return wrap_err(rc, "return value", m->name);
    if (wetee_value_variant_index(v) == 0) {
        rc = wetee_value_to_json(out, abi->md, wetee_value_at(v, 0), NULL);
    } else {
        const wetee_value *e = wetee_value_at(v, 0);
        const char *en = e ? wetee_value_variant_name(e) : NULL;
        rc = wt_error(WETEE_ERR_STATE, "contract: %s: the contract answered LangError::%s", m->name, en ? en : "?");
    }
    wetee_value_free(v);
    return rc;
}

int wetee_contract_decode_call(wetee_buf *out, const wetee_contract_abi *abi, const uint8_t *data, size_t len)
{
    size_t i;
    const wt_msg *m = NULL;
    wetee_buf args = WETEE_BUF_INIT;
    int rc;
    WT_ARG_DATA(data, len, MOD);
    WT_ARG(out && abi, MOD, "NULL argument");
    if (len < 4) return wt_error(WETEE_ERR_TRUNCATED, "contract: call data of %zu bytes has no selector", len);
    for (i = 0; i < abi->n_msgs && !m; i++)
        if (abi->msgs[i].has_selector && abi->msgs[i].constructor < 2 && memcmp(abi->msgs[i].selector, data, 4) == 0)
            m = &abi->msgs[i];
    if (!m)
        return wt_error(WETEE_ERR_NOT_FOUND, "contract: %s: no message with selector %02x%02x%02x%02x", abi->name,
                        data[0], data[1], data[2], data[3]);
    if (abi->kind == WETEE_CONTRACT_SOLIDITY) rc = wt_sol_decode(&args, m, data + 4, len - 4, 0);
    else {
        rc = wetee_value_decode_json(&args, abi->md, m->args_type, data + 4, len - 4, NULL);
        if (rc != WETEE_OK) rc = wrap_err(rc, "arguments", m->name);
    }
    if (rc == WETEE_OK) {
        json_t *o = json_pack("{s:s}", "message", m->name);
        json_t *a = json_loadb((const char *)args.data, args.len, JSON_DECODE_ANY, NULL);
        char *s;
        if (!o || !a || json_object_set_new(o, "args", a) != 0) {
            json_decref(o);
            rc = wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
        } else {
            s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
            json_decref(o);
            out->len = 0;
            rc = s ? wetee_buf_append(out, (const uint8_t *)s, strlen(s)) : WETEE_ERR_NO_MEMORY;
            if (rc == WETEE_OK) rc = wt_buf_terminate(out);
            wt_json_text_free(s);
        }
    }
    wetee_buf_free(&args);
    return rc;
}

/* ------------------------------------------------------------------ */
/* describing messages                                                 */
/* ------------------------------------------------------------------ */

static void type_text(wetee_buf *b, const wetee_metadata *md, uint32_t ty, unsigned depth);

static void tt(wetee_buf *b, const char *s) { wetee_buf_append(b, (const uint8_t *)s, strlen(s)); }

static void type_text(wetee_buf *b, const wetee_metadata *md, uint32_t ty, unsigned depth)
{
    const struct wetee_md_type *t = &md->types[ty];
    uint32_t i;
    char num[16];
    if (depth > 16) {
        tt(b, "...");
        return;
    }
    if (t->n_path) {
        const char *last = t->path[t->n_path - 1];
        if (strcmp(last, "AccountId32") == 0) last = "AccountId";
        tt(b, last);
        if (t->n_params) {
            tt(b, "<");
            for (i = 0; i < t->n_params; i++) {
                if (i) tt(b, ", ");
                if (t->params[i].type != WT_MD_NONE) type_text(b, md, t->params[i].type, depth + 1);
            }
            tt(b, ">");
        }
        return;
    }
    switch (t->kind) {
    case WETEE_TYPE_PRIMITIVE: tt(b, ink_prims[t->prim < 15 ? t->prim : 0]); return;
    case WETEE_TYPE_SEQUENCE:
        if (md->types[t->u.elem.type].kind == WETEE_TYPE_PRIMITIVE && md->types[t->u.elem.type].prim == WETEE_PRIM_U8) {
            tt(b, "Bytes");
            return;
        }
        tt(b, "Vec<");
        type_text(b, md, t->u.elem.type, depth + 1);
        tt(b, ">");
        return;
    case WETEE_TYPE_COMPACT:
        tt(b, "Compact<");
        type_text(b, md, t->u.elem.type, depth + 1);
        tt(b, ">");
        return;
    case WETEE_TYPE_ARRAY:
        tt(b, "[");
        type_text(b, md, t->u.elem.type, depth + 1);
        snprintf(num, sizeof num, "; %u]", t->u.elem.len);
        tt(b, num);
        return;
    case WETEE_TYPE_TUPLE:
        tt(b, "(");
        for (i = 0; i < t->u.tuple.n; i++) {
            if (i) tt(b, ", ");
            type_text(b, md, t->u.tuple.ids[i], depth + 1);
        }
        tt(b, ")");
        return;
    default: tt(b, "?"); return;
    }
}


int wetee_contract_abi_message_json(wetee_buf *out, const wetee_contract_abi *abi, const char *message)
{
    const wt_msg *m;
    json_t *o, *args;
    char sel[11];
    char *s;
    int rc = WETEE_OK;
    WT_ARG(out && abi && message, MOD, "NULL argument");
    m = find_msg(abi, message);
    if (!m) return not_found(abi, message);
    if (m->has_selector) snprintf(sel, sizeof sel, "0x%02x%02x%02x%02x", m->selector[0], m->selector[1], m->selector[2], m->selector[3]);
    o = json_pack("{s:s,s:b,s:b,s:b}", "name", m->name, "payable", m->payable, "mutates", m->mutates, "constructor",
                  m->constructor == 1);
    if (!o) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    json_object_set_new(o, "selector", m->has_selector ? json_string(sel) : json_null());
    if (abi->kind == WETEE_CONTRACT_SOLIDITY) rc = wt_sol_describe(o, m);
    else {
        const struct wetee_md_type *t = &abi->md->types[m->args_type];
        uint32_t i;
        wetee_buf b = WETEE_BUF_INIT;
        args = json_array();
        for (i = 0; args && i < t->u.comp.n; i++) {
            b.len = 0;
            type_text(&b, abi->md, t->u.comp.fields[i].type, 0);
            json_array_append_new(args, json_pack("{s:s,s:s%}", "name", t->u.comp.fields[i].name, "type", (const char *)b.data, b.len));
        }
        json_object_set_new(o, "args", args);
        if (m->return_type != BAD) {
            b.len = 0;
            type_text(&b, abi->md, m->return_type, 0);
            json_object_set_new(o, "returns", json_stringn((const char *)b.data, b.len));
        } else json_object_set_new(o, "returns", json_null());
        wetee_buf_free(&b);
    }
    s = rc == WETEE_OK ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(o);
    if (rc != WETEE_OK) return rc;
    if (!s) return wt_error(WETEE_ERR_NO_MEMORY, "contract: out of memory");
    out->len = 0;
    rc = wetee_buf_append(out, (const uint8_t *)s, strlen(s));
    wt_json_text_free(s);
    return rc == WETEE_OK ? wt_buf_terminate(out) : rc;
}
