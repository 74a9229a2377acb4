/* Token registry and exact amounts (include/wetee/pay.h). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal/common.h"
#include "internal/pay.h"
#include "wetee/pay.h"
#include "wetee/ton.h"

#define MOD "pay"
#define WT_AMOUNT_MAX_TEXT 256
#define WT_REGISTRY_JSON_MAX (1u << 20)

struct wetee_token {
    char chain[WETEE_TOKEN_MAX_CHAIN + 1];
    int kind;
    char *id; /* canonical, "" for native tokens */
    char symbol[WETEE_TOKEN_MAX_SYMBOL + 1];
    char alias[WETEE_TOKEN_MAX_SYMBOL + 1]; /* "" when none */
    unsigned decimals;
};

struct wetee_token_registry {
    wetee_token **items;
    size_t n, cap;
};

const char *wetee_token_kind_name(int kind)
{
    switch (kind) {
    case WETEE_TOKEN_NATIVE: return "native";
    case WETEE_TOKEN_ASSET: return "asset";
    case WETEE_TOKEN_FOREIGN_ASSET: return "foreign_asset";
    case WETEE_TOKEN_CURRENCY: return "currency";
    case WETEE_TOKEN_TON: return "ton";
    case WETEE_TOKEN_JETTON: return "jetton";
    default: return "unknown";
    }
}

static int kind_from_name(const char *s)
{
    int k;
    for (k = WETEE_TOKEN_NATIVE; k <= WETEE_TOKEN_JETTON; k++)
        if (!strcmp(s, wetee_token_kind_name(k))) return k;
    return 0;
}

int wt_pay_check_chain_name(const char *chain, const char *what)
{
    size_t i, n = strlen(chain);
    if (n == 0) return wt_error(WETEE_ERR_DECODE, "pay: %s: empty chain name", what);
    if (n > WETEE_TOKEN_MAX_CHAIN)
        return wt_error(WETEE_ERR_TOO_LONG, "pay: %s: chain name of %zu bytes (at most %d)", what, n,
                        WETEE_TOKEN_MAX_CHAIN);
    for (i = 0; i < n; i++) {
        char ch = chain[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.'))
            return wt_error(WETEE_ERR_DECODE, "pay: %s: chain name: byte %zu (0x%02x) is not one of a-z 0-9 - _ .",
                            what, i, (unsigned char)ch);
    }
    return WETEE_OK;
}

static int check_symbol(const char *symbol)
{
    size_t i, n = strlen(symbol);
    if (n == 0) return wt_error(WETEE_ERR_DECODE, "pay: empty token symbol");
    if (n > WETEE_TOKEN_MAX_SYMBOL)
        return wt_error(WETEE_ERR_TOO_LONG, "pay: token symbol of %zu bytes (at most %d)", n, WETEE_TOKEN_MAX_SYMBOL);
    for (i = 0; i < n; i++)
        if ((unsigned char)symbol[i] <= 0x20 || (unsigned char)symbol[i] >= 0x7f)
            return wt_error(WETEE_ERR_DECODE, "pay: token symbol: byte %zu (0x%02x) is not printable ASCII", i,
                            (unsigned char)symbol[i]);
    /* a symbol made only of digits and points would read as part of an amount */
    for (i = 0; i < n; i++)
        if (!((symbol[i] >= '0' && symbol[i] <= '9') || symbol[i] == '.')) return WETEE_OK;
    return wt_error(WETEE_ERR_DECODE, "pay: token symbol '%s' has no letter", symbol);
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s);
    char *d = wt_malloc(n + 1);
    if (d) memcpy(d, s, n + 1);
    return d;
}

/* the canonical id text of (kind, id) in *out (wt_malloc'd) */
static int canonical_id(char **out, int kind, const char *id)
{
    size_t n = id ? strlen(id) : 0;
    *out = NULL;
    if (n > WETEE_TOKEN_MAX_ID)
        return wt_error(WETEE_ERR_TOO_LONG, "pay: token id of %zu bytes (at most %d)", n, WETEE_TOKEN_MAX_ID);
    switch (kind) {
    case WETEE_TOKEN_NATIVE:
    case WETEE_TOKEN_TON:
        if (n != 0)
            return wt_error(WETEE_ERR_INVALID_ARGUMENT, "pay: a %s token has no id (got '%.40s')",
                            wetee_token_kind_name(kind), id);
        break;
    case WETEE_TOKEN_ASSET: {
        wetee_u128 v;
        size_t i;
        int rc;
        if (n == 0) return wt_error(WETEE_ERR_DECODE, "pay: asset id: empty");
        for (i = 0; i < n; i++)
            if (id[i] < '0' || id[i] > '9')
                return wt_error(WETEE_ERR_DECODE, "pay: asset id: byte %zu is not a decimal digit", i);
        if (n > 1 && id[0] == '0') return wt_error(WETEE_ERR_DECODE, "pay: asset id '%.40s': leading zero", id);
        if ((rc = wetee_u128_from_decimal(&v, id, n, 0)) != WETEE_OK) {
            if (rc == WETEE_ERR_OVERFLOW) return wt_error(rc, "pay: asset id '%.60s' is above 2^128-1", id);
            return rc;
        }
        break;
    }
    case WETEE_TOKEN_FOREIGN_ASSET:
    case WETEE_TOKEN_CURRENCY: {
        json_error_t e;
        json_t *v;
        char *s;
        if (n == 0) return wt_error(WETEE_ERR_DECODE, "pay: %s id: empty", wetee_token_kind_name(kind));
        v = json_loadb(id, n, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);
        if (!v)
            return wt_error(WETEE_ERR_DECODE, "pay: %s id: not JSON at offset %d: %s", wetee_token_kind_name(kind),
                            e.position, e.text);
        if (kind == WETEE_TOKEN_FOREIGN_ASSET && !json_is_object(v)) {
            json_decref(v);
            return wt_error(WETEE_ERR_DECODE, "pay: foreign asset id: an XCM Location must be a JSON object");
        }
        s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
        json_decref(v);
        if (!s) return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
        *out = dup_str(s);
        wt_json_text_free(s);
        return *out ? WETEE_OK : wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
    }
    case WETEE_TOKEN_JETTON: {
        wetee_ton_address a;
        char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
        int rc;
        if (n == 0) return wt_error(WETEE_ERR_DECODE, "pay: jetton id: empty minter address");
        if ((rc = wetee_ton_address_parse(&a, NULL, id, n)) != WETEE_OK) return rc;
        if ((rc = wetee_ton_address_to_raw(raw, sizeof raw, &a)) != WETEE_OK) return rc;
        *out = dup_str(raw);
        return *out ? WETEE_OK : wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
    }
    default:
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "pay: unknown token kind %d", kind);
    }
    *out = dup_str(n ? id : "");
    return *out ? WETEE_OK : wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
}

static wetee_token *find_exact(const wetee_token_registry *reg, const char *chain, int kind, const char *cid)
{
    size_t i;
    for (i = 0; i < reg->n; i++) {
        wetee_token *t = reg->items[i];
        if (t->kind == kind && !strcmp(t->chain, chain) && !strcmp(t->id, cid)) return t;
    }
    return NULL;
}

static void token_free(wetee_token *t)
{
    if (!t) return;
    wt_free(t->id);
    wt_free(t);
}

/* checks everything; *out a new token not yet in the registry */
static int token_make(wetee_token **out, const wetee_token_registry *reg, const char *chain, int kind, const char *id,
                      const char *symbol, unsigned decimals)
{
    wetee_token *t;
    char *cid = NULL;
    int rc;
    *out = NULL;
    WT_ARG(kind >= WETEE_TOKEN_NATIVE && kind <= WETEE_TOKEN_JETTON, MOD, "unknown token kind");
    WT_ARG(decimals <= WETEE_TOKEN_MAX_DECIMALS, MOD, "decimals above WETEE_TOKEN_MAX_DECIMALS");
    if ((rc = wt_pay_check_chain_name(chain, "token")) != WETEE_OK) return rc;
    if ((rc = check_symbol(symbol)) != WETEE_OK) return rc;
    if ((rc = canonical_id(&cid, kind, id)) != WETEE_OK) return rc;
    if (find_exact(reg, chain, kind, cid)) {
        rc = wt_error(WETEE_ERR_STATE, "pay: the registry already has %s token '%.80s' on %s",
                      wetee_token_kind_name(kind), cid, chain);
        wt_free(cid);
        return rc;
    }
    if (!(t = wt_calloc(1, sizeof *t))) {
        wt_free(cid);
        return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
    }
    memcpy(t->chain, chain, strlen(chain) + 1);
    memcpy(t->symbol, symbol, strlen(symbol) + 1);
    t->kind = kind;
    t->id = cid;
    t->decimals = decimals;
    *out = t;
    return WETEE_OK;
}

static int registry_push(wetee_token_registry *reg, wetee_token *t)
{
    if (reg->n == reg->cap) {
        size_t cap = reg->cap ? reg->cap * 2 : 16;
        wetee_token **p = wt_realloc(reg->items, cap * sizeof *p);
        if (!p) return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
        reg->items = p;
        reg->cap = cap;
    }
    reg->items[reg->n++] = t;
    return WETEE_OK;
}

int wetee_token_registry_add(const wetee_token **out, wetee_token_registry *reg, const char *chain, int kind,
                             const char *id, const char *symbol, unsigned decimals)
{
    wetee_token *t;
    int rc;
    if (out) *out = NULL;
    WT_ARG(reg && chain && symbol, MOD, "NULL argument");
    if ((rc = token_make(&t, reg, chain, kind, id, symbol, decimals)) != WETEE_OK) return rc;
    if ((rc = registry_push(reg, t)) != WETEE_OK) {
        token_free(t);
        return rc;
    }
    if (out) *out = t;
    return WETEE_OK;
}

typedef struct builtin {
    const char *chain;
    int kind;
    const char *id;
    const char *symbol, *alias;
    unsigned decimals;
} builtin;

static const builtin BUILTINS[] = {
    { "polkadot", WETEE_TOKEN_NATIVE, NULL, "DOT", NULL, 10 },
    { "kusama", WETEE_TOKEN_NATIVE, NULL, "KSM", NULL, 12 },
    { "paseo", WETEE_TOKEN_NATIVE, NULL, "PAS", NULL, 10 },
    { "wetee", WETEE_TOKEN_NATIVE, NULL, "WTE", NULL, 12 },
    { "polkadot-asset-hub", WETEE_TOKEN_NATIVE, NULL, "DOT", NULL, 10 },
    { "polkadot-asset-hub", WETEE_TOKEN_ASSET, "1984", "USDT", NULL, 6 },
    { "polkadot-asset-hub", WETEE_TOKEN_ASSET, "1337", "USDC", NULL, 6 },
    { "kusama-asset-hub", WETEE_TOKEN_NATIVE, NULL, "KSM", NULL, 12 },
    { "kusama-asset-hub", WETEE_TOKEN_ASSET, "1984", "USDT", NULL, 6 },
    { "paseo-asset-hub", WETEE_TOKEN_NATIVE, NULL, "PAS", NULL, 10 },
    { "ton", WETEE_TOKEN_TON, NULL, WETEE_TON_SYMBOL, "TON", WETEE_TON_DECIMALS },
    { "ton-testnet", WETEE_TOKEN_TON, NULL, WETEE_TON_SYMBOL, "TON", WETEE_TON_DECIMALS },
    /* Tether's USD₮ jetton minter on TON mainnet */
    { "ton", WETEE_TOKEN_JETTON, "EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs", "USDT", NULL, 6 },
};

int wetee_token_registry_new(wetee_token_registry **out, unsigned flags)
{
    wetee_token_registry *reg;
    size_t i;
    WT_ARG(out, MOD, "out is NULL");
    *out = NULL;
    WT_ARG((flags & ~WETEE_TOKEN_REGISTRY_EMPTY) == 0, MOD, "unknown flag");
    if (!(reg = wt_calloc(1, sizeof *reg))) return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
    if (!(flags & WETEE_TOKEN_REGISTRY_EMPTY)) {
        for (i = 0; i < sizeof BUILTINS / sizeof BUILTINS[0]; i++) {
            const builtin *b = &BUILTINS[i];
            wetee_token *t;
            int rc = wetee_token_registry_add((const wetee_token **)&t, reg, b->chain, b->kind, b->id, b->symbol,
                                              b->decimals);
            if (rc != WETEE_OK) {
                wetee_token_registry_free(reg);
                return rc;
            }
            if (b->alias) memcpy(t->alias, b->alias, strlen(b->alias) + 1);
        }
    }
    *out = reg;
    return WETEE_OK;
}

void wetee_token_registry_free(wetee_token_registry *reg)
{
    size_t i;
    if (!reg) return;
    for (i = 0; i < reg->n; i++) token_free(reg->items[i]);
    wt_free(reg->items);
    wt_free(reg);
}

size_t wetee_token_registry_count(const wetee_token_registry *reg) { return reg ? reg->n : 0; }

const wetee_token *wetee_token_registry_at(const wetee_token_registry *reg, size_t i)
{
    return reg && i < reg->n ? reg->items[i] : NULL;
}

int wetee_token_registry_add_json(wetee_token_registry *reg, const char *json, size_t len)
{
    json_error_t e;
    json_t *arr;
    wetee_token **made = NULL;
    size_t i, n;
    int rc = WETEE_OK;
    WT_ARG(reg && json, MOD, "NULL argument");
    if (len == SIZE_MAX) len = strlen(json);
    WT_ARG_LEN(len, MOD);
    if (len > WT_REGISTRY_JSON_MAX)
        return wt_error(WETEE_ERR_TOO_LONG, "pay: token list of %zu bytes (at most 1 MiB)", len);
    if (!(arr = json_loadb(json, len, JSON_REJECT_DUPLICATES, &e)))
        return wt_error(WETEE_ERR_DECODE, "pay: token list: not JSON at offset %d: %s", e.position, e.text);
    if (!json_is_array(arr)) {
        json_decref(arr);
        return wt_error(WETEE_ERR_DECODE, "pay: token list: expected a JSON array");
    }
    n = json_array_size(arr);
    if (n && !(made = wt_calloc(n, sizeof *made))) {
        json_decref(arr);
        return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
    }
    for (i = 0; i < n && rc == WETEE_OK; i++) {
        json_t *o = json_array_get(arr, i), *jc, *jk, *ji, *js, *jd;
        char *idtext = NULL;
        int kind;
        size_t j;
        if (!json_is_object(o)) {
            rc = wt_error(WETEE_ERR_DECODE, "pay: token list[%zu]: expected an object", i);
            break;
        }
        jc = json_object_get(o, "chain");
        jk = json_object_get(o, "kind");
        ji = json_object_get(o, "id");
        js = json_object_get(o, "symbol");
        jd = json_object_get(o, "decimals");
        if (!json_is_string(jc) || !json_is_string(jk) || !json_is_string(js) || !json_is_integer(jd)) {
            rc = wt_error(WETEE_ERR_DECODE,
                          "pay: token list[%zu]: needs chain, kind and symbol (strings) and decimals (integer)", i);
            break;
        }
        if (!(kind = kind_from_name(json_string_value(jk)))) {
            rc = wt_error(WETEE_ERR_DECODE, "pay: token list[%zu]: unknown kind '%.40s'", i, json_string_value(jk));
            break;
        }
        if (json_integer_value(jd) < 0 || json_integer_value(jd) > WETEE_TOKEN_MAX_DECIMALS) {
            rc = wt_error(WETEE_ERR_DECODE, "pay: token list[%zu]: decimals out of 0..%d", i, WETEE_TOKEN_MAX_DECIMALS);
            break;
        }
        if (ji && !json_is_null(ji) && !json_is_string(ji)) {
            if (kind != WETEE_TOKEN_FOREIGN_ASSET && kind != WETEE_TOKEN_CURRENCY) {
                rc = wt_error(WETEE_ERR_DECODE, "pay: token list[%zu]: id must be a string", i);
                break;
            }
            if (!(idtext = json_dumps(ji, JSON_COMPACT | JSON_ENCODE_ANY))) {
                rc = wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
                break;
            }
        }
        rc = token_make(&made[i], reg, json_string_value(jc), kind,
                        idtext ? idtext : json_is_string(ji) ? json_string_value(ji) : NULL, json_string_value(js),
                        (unsigned)json_integer_value(jd));
        wt_json_text_free(idtext);
        if (rc != WETEE_OK) {
            char detail[400];
            snprintf(detail, sizeof detail, "%s", wetee_last_error());
            rc = wt_error(rc, "token list[%zu]: %s", i, detail);
            break;
        }
        /* duplicates inside the list */
        for (j = 0; j < i; j++)
            if (made[j]->kind == made[i]->kind && !strcmp(made[j]->chain, made[i]->chain) &&
                !strcmp(made[j]->id, made[i]->id)) {
                rc = wt_error(WETEE_ERR_STATE, "pay: token list[%zu]: same token as entry %zu", i, j);
                break;
            }
    }
    json_decref(arr);
    if (rc == WETEE_OK && reg->n + n > reg->cap) {
        size_t cap = reg->n + n;
        wetee_token **p = wt_realloc(reg->items, cap * sizeof *p);
        if (!p) rc = wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
        else {
            reg->items = p;
            reg->cap = cap;
        }
    }
    if (rc == WETEE_OK) {
        for (i = 0; i < n; i++) reg->items[reg->n++] = made[i];
    } else {
        for (i = 0; i < n; i++) token_free(made[i]);
    }
    wt_free(made);
    return rc;
}

int wetee_token_lookup(const wetee_token **out, const wetee_token_registry *reg, const char *chain, int kind,
                       const char *id)
{
    char *cid = NULL;
    wetee_token *t;
    int rc;
    WT_ARG(out && reg && chain, MOD, "NULL argument");
    *out = NULL;
    WT_ARG(kind >= WETEE_TOKEN_NATIVE && kind <= WETEE_TOKEN_JETTON, MOD, "unknown token kind");
    if ((rc = canonical_id(&cid, kind, id)) != WETEE_OK) return rc;
    t = find_exact(reg, chain, kind, cid);
    if (!t) rc = wt_error(WETEE_ERR_NOT_FOUND, "pay: no %s token '%.80s' on chain '%.64s' in the registry",
                          wetee_token_kind_name(kind), cid, chain);
    else *out = t;
    wt_free(cid);
    return rc;
}

static int ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'a' && x <= 'z') x = (char)(x - 32);
        if (y >= 'a' && y <= 'z') y = (char)(y - 32);
        if (x != y) return 0;
    }
    return *a == *b;
}

static int ascii_ieqn(const char *a, size_t an, const char *b)
{
    size_t bn = strlen(b), i;
    if (an != bn || bn == 0) return 0;
    for (i = 0; i < an; i++) {
        char x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z') x = (char)(x - 32);
        if (y >= 'a' && y <= 'z') y = (char)(y - 32);
        if (x != y) return 0;
    }
    return 1;
}

int wetee_token_lookup_symbol(const wetee_token **out, const wetee_token_registry *reg, const char *chain,
                              const char *symbol)
{
    const wetee_token *found = NULL;
    char list[300];
    size_t i, count = 0, used = 0;
    WT_ARG(out && reg && chain && symbol, MOD, "NULL argument (a symbol needs its chain)");
    *out = NULL;
    list[0] = 0;
    for (i = 0; i < reg->n; i++) {
        const wetee_token *t = reg->items[i];
        if (strcmp(t->chain, chain) || !(ascii_ieq(t->symbol, symbol) || (t->alias[0] && ascii_ieq(t->alias, symbol))))
            continue;
        count++;
        found = t;
        if (used < sizeof list - 1) {
            int k = snprintf(list + used, sizeof list - used, "%s%s %s", used ? ", " : "", wetee_token_kind_name(t->kind),
                             t->id[0] ? t->id : "(native)");
            if (k > 0) used += (size_t)k < sizeof list - used ? (size_t)k : sizeof list - used - 1;
        }
    }
    if (count == 0)
        return wt_error(WETEE_ERR_NOT_FOUND, "pay: no token with symbol '%.32s' on chain '%.64s'", symbol, chain);
    if (count > 1)
        return wt_error(WETEE_ERR_STATE,
                        "pay: symbol '%.32s' is ambiguous on chain '%.64s' (%zu tokens: %s); look the token up by its id",
                        symbol, chain, count, list);
    *out = found;
    return WETEE_OK;
}

const char *wetee_token_chain(const wetee_token *t) { return t ? t->chain : ""; }
int wetee_token_kind_of(const wetee_token *t) { return t ? t->kind : 0; }
const char *wetee_token_id(const wetee_token *t) { return t ? t->id : ""; }
const char *wetee_token_symbol(const wetee_token *t) { return t ? t->symbol : ""; }
unsigned wetee_token_decimals(const wetee_token *t) { return t ? t->decimals : 0; }
const char *wt_token_alias(const wetee_token *t) { return t ? t->alias : ""; }

int wetee_token_to_json(wetee_buf *out, const wetee_token *t)
{
    json_t *o;
    char *s;
    int rc;
    WT_ARG(out && t, MOD, "NULL argument");
    o = json_pack("{s:s, s:s, s:s, s:s, s:i}", "chain", t->chain, "kind", wetee_token_kind_name(t->kind), "id", t->id,
                  "symbol", t->symbol, "decimals", (json_int_t)t->decimals);
    if (o && t->alias[0]) json_object_set_new(o, "aliases", json_pack("[s]", t->alias));
    s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(o);
    if (!s) return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
    out->len = 0;
    rc = wetee_buf_append(out, (const uint8_t *)s, strlen(s));
    wt_json_text_free(s);
    return rc == WETEE_OK ? wt_buf_terminate(out) : rc;
}

/* ------------------------------------------------------------------ */
/* amounts                                                             */
/* ------------------------------------------------------------------ */

int wetee_amount_parse(wetee_u128 *out, const wetee_token *t, const char *text, size_t len)
{
    size_t num_end, sym;
    wetee_u128 v;
    int rc;
    WT_ARG(out && t && text, MOD, "NULL argument");
    if (len == SIZE_MAX) len = strnlen(text, WT_AMOUNT_MAX_TEXT + 1);
    WT_ARG_LEN(len, MOD);
    if (len > WT_AMOUNT_MAX_TEXT)
        return wt_error(WETEE_ERR_TOO_LONG, "pay: amount of %zu bytes (at most %d)", len, WT_AMOUNT_MAX_TEXT);
    if (len == 0) return wt_error(WETEE_ERR_DECODE, "pay: empty amount");
    for (num_end = 0; num_end < len && ((text[num_end] >= '0' && text[num_end] <= '9') || text[num_end] == '.');
         num_end++) {
    }
    if (num_end == 0) return wt_error(WETEE_ERR_DECODE, "pay: amount: no number at offset 0");
    sym = num_end;
    if (sym < len && text[sym] == ' ') sym++;
    if (sym < len) {
        if (!ascii_ieqn(text + sym, len - sym, t->symbol) && !ascii_ieqn(text + sym, len - sym, t->alias))
            return wt_error(WETEE_ERR_DECODE, "pay: amount: at offset %zu: '%.*s' is not the symbol of %s (%s)", sym,
                            (int)(len - sym > 40 ? 40 : len - sym), text + sym, t->symbol, t->chain);
    } else if (sym != num_end) {
        return wt_error(WETEE_ERR_DECODE, "pay: amount: trailing space at offset %zu", num_end);
    }
    rc = wetee_u128_from_decimal(&v, text, num_end, t->decimals);
    if (rc == WETEE_ERR_NON_CANONICAL)
        return wt_error(rc, "pay: amount '%.*s': more than %u decimals for %s", (int)(num_end > 60 ? 60 : num_end), text,
                        t->decimals, t->symbol);
    if (rc == WETEE_ERR_OVERFLOW)
        return wt_error(rc, "pay: amount '%.*s' %s: above 2^128-1 base units", (int)(num_end > 60 ? 60 : num_end), text,
                        t->symbol);
    if (rc != WETEE_OK) return rc;
    *out = v;
    return WETEE_OK;
}

int wetee_amount_format(wetee_buf *out, const wetee_token *t, wetee_u128 amount, unsigned flags)
{
    char num[WETEE_U128_DECIMAL_BUFSIZE];
    int rc;
    WT_ARG(out && t, MOD, "NULL argument");
    WT_ARG((flags & ~WETEE_AMOUNT_NO_SYMBOL) == 0, MOD, "unknown flag");
    if ((rc = wetee_u128_to_decimal(num, sizeof num, amount, t->decimals)) != WETEE_OK) return rc;
    out->len = 0;
    rc = wetee_buf_append(out, (const uint8_t *)num, strlen(num));
    if (rc == WETEE_OK && !(flags & WETEE_AMOUNT_NO_SYMBOL)) {
        rc = wetee_buf_append(out, (const uint8_t *)" ", 1);
        if (rc == WETEE_OK) rc = wetee_buf_append(out, (const uint8_t *)t->symbol, strlen(t->symbol));
    }
    return rc == WETEE_OK ? wt_buf_terminate(out) : rc;
}
