/* Substrate payment routes chosen from the metadata, checks before
 * submission, confirmation by the matching event (include/wetee/pay.h). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal/common.h"
#include "internal/pay.h"
#include "wetee/hash.h"
#include "wetee/ss58.h"
#include "wetee/value.h"

#define MOD "pay"

/* ------------------------------------------------------------------ */
/* small helpers                                                       */
/* ------------------------------------------------------------------ */

static int oom(void) { return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory"); }

static int buf_set_json(wetee_buf *out, const json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
    int rc;
    if (!s) return oom();
    out->len = 0;
    rc = wetee_buf_append(out, (const uint8_t *)s, strlen(s));
    wt_json_text_free(s);
    return rc == WETEE_OK ? wt_buf_terminate(out) : rc;
}

static char *dumps(const json_t *v) { return json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY); }

static json_t *u128_json(wetee_u128 v)
{
    char d[WETEE_U128_DECIMAL_BUFSIZE];
    wetee_u128_to_decimal(d, sizeof d, v, 0);
    return json_string(d);
}

/* a number from decoded JSON: integer or decimal string */
static int json_u128(wetee_u128 *out, const json_t *v)
{
    if (json_is_integer(v) && json_integer_value(v) >= 0) {
        *out = wetee_u128_from_u64((uint64_t)json_integer_value(v));
        return 1;
    }
    if (json_is_string(v))
        return wetee_u128_from_decimal(out, json_string_value(v), json_string_length(v), 0) == WETEE_OK;
    return 0;
}

/* 32-byte account id of an SS58 or 0x-hex address */
static int account_bytes(uint8_t out[32], const char *addr)
{
    size_t n = strlen(addr);
    if (n == 66 && addr[0] == '0' && (addr[1] == 'x' || addr[1] == 'X'))
        return wetee_hex_decode_exact(out, 32, addr, n);
    {
        wetee_buf p = WETEE_BUF_INIT;
        uint16_t prefix;
        int rc = wetee_ss58_decode(&p, &prefix, addr, n);
        if (rc == WETEE_OK && p.len != 32)
            rc = wt_error(WETEE_ERR_DECODE, "pay: address '%.64s' is not a 32-byte account", addr);
        if (rc == WETEE_OK) memcpy(out, p.data, 32);
        wetee_buf_free(&p);
        return rc;
    }
}

static int same_account(const json_t *v, const uint8_t acct[32])
{
    uint8_t b[32];
    if (!json_is_string(v)) return 0;
    return account_bytes(b, json_string_value(v)) == WETEE_OK && !memcmp(b, acct, 32);
}

static const char *first_of(const wetee_metadata *md, const wetee_md_pallet *p, const char *const *names)
{
    for (; *names; names++)
        if (wetee_md_pallet_variant_by_name(md, p, WETEE_MD_CALLS, *names)) return *names;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* the call                                                            */
/* ------------------------------------------------------------------ */

typedef struct wt_sub_call {
    const wetee_md_pallet *pallet;
    const char *call;
    json_t *args; /* object by field name */
} wt_sub_call;

static const char *const KEEP[] = { "transfer_keep_alive", "transfer", NULL };
static const char *const DEATH[] = { "transfer_allow_death", "transfer", NULL };

/* pallets that may pay a kind of token, in order of preference */
static const char *const *pallets_for(int kind)
{
    static const char *const native[] = { "Balances", NULL };
    static const char *const asset[] = { "Assets", NULL };
    static const char *const foreign[] = { "ForeignAssets", NULL };
    /* Currencies (orml-currencies) and WeTEEAsset also move the native token
     * under its currency id; orml-tokens alone does not */
    static const char *const currency[] = { "Currencies", "WeTEEAsset", "Tokens", NULL };
    switch (kind) {
    case WETEE_TOKEN_NATIVE: return native;
    case WETEE_TOKEN_ASSET: return asset;
    case WETEE_TOKEN_FOREIGN_ASSET: return foreign;
    case WETEE_TOKEN_CURRENCY: return currency;
    default: return NULL;
    }
}

/* the token's id as a JSON value for an argument or storage key */
static json_t *token_id_json(const wetee_token *t)
{
    if (wetee_token_kind_of(t) == WETEE_TOKEN_ASSET) return json_string(wetee_token_id(t));
    return json_loads(wetee_token_id(t), JSON_DECODE_ANY, NULL);
}

static int is_addr_field(const char *n)
{
    return !strcmp(n, "dest") || !strcmp(n, "target") || !strcmp(n, "to") || !strcmp(n, "who") ||
           !strcmp(n, "beneficiary");
}
static int is_amount_field(const char *n) { return !strcmp(n, "value") || !strcmp(n, "amount") || !strcmp(n, "balance"); }
static int is_id_field(const char *n)
{
    return !strcmp(n, "id") || !strcmp(n, "asset_id") || !strcmp(n, "currency_id") || !strcmp(n, "asset") ||
           !strcmp(n, "dao_id");
}

/* an address for a field of type `type`: {"Id": addr} for MultiAddress */
static json_t *addr_json(const wetee_metadata *md, uint32_t type, const char *to)
{
    const wetee_md_type *ty = wetee_metadata_type(md, type);
    if (ty && wetee_md_type_kind(ty) == WETEE_TYPE_VARIANT && wetee_md_type_variant_by_name(ty, "Id"))
        return json_pack("{s:s}", "Id", to);
    return json_string(to);
}

static void sub_call_free(wt_sub_call *c)
{
    json_decref(c->args);
    c->args = NULL;
}

static int choose_call(wt_sub_call *out, const wetee_metadata *md, const wetee_token *t, wetee_u128 amount,
                       const char *to, unsigned flags)
{
    const char *const *pn = pallets_for(wetee_token_kind_of(t));
    const wetee_md_pallet *p = NULL;
    const wetee_md_variant *v;
    const char *call = NULL;
    size_t i, n;
    uint8_t acct[32];
    int rc;
    memset(out, 0, sizeof *out);
    if (!pn)
        return wt_error(WETEE_ERR_UNSUPPORTED, "pay: %s tokens are not paid on Substrate chains",
                        wetee_token_kind_name(wetee_token_kind_of(t)));
    if ((rc = account_bytes(acct, to)) != WETEE_OK) return rc;
    for (; *pn && !call; pn++) {
        if (!(p = wetee_metadata_pallet_by_name(md, *pn))) continue;
        call = first_of(md, p, (flags & WETEE_PAY_ALLOW_DEATH) ? DEATH : KEEP);
    }
    if (!call) {
        const char *const *all = pallets_for(wetee_token_kind_of(t));
        char names[96] = "";
        for (; *all; all++)
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", names[0] ? " or " : "", *all);
        return wt_error(WETEE_ERR_NOT_FOUND, "pay: the chain's metadata has no %s with a transfer call for %s tokens",
                        names, wetee_token_kind_name(wetee_token_kind_of(t)));
    }
    v = wetee_md_pallet_variant_by_name(md, p, WETEE_MD_CALLS, call);
    if (!(out->args = json_object())) return oom();
    n = wetee_md_variant_field_count(v);
    for (i = 0; i < n; i++) {
        const wetee_md_field *f = wetee_md_variant_field(v, i);
        const char *fname = wetee_md_field_name(f);
        json_t *a = NULL;
        if (!fname) fname = "";
        if (is_addr_field(fname)) a = addr_json(md, wetee_md_field_type(f), to);
        else if (is_amount_field(fname)) a = u128_json(amount);
        else if (is_id_field(fname) && wetee_token_kind_of(t) != WETEE_TOKEN_NATIVE) a = token_id_json(t);
        else {
            sub_call_free(out);
            return wt_error(WETEE_ERR_NOT_FOUND, "pay: %s.%s has an argument '%s' this route does not know",
                            wetee_md_pallet_name(p), call, fname);
        }
        if (!a || json_object_set_new(out->args, fname, a)) {
            sub_call_free(out);
            return oom();
        }
    }
    out->pallet = p;
    out->call = call;
    return WETEE_OK;
}

/* Option<T> of ChargeAssetTxPayment's asset_id: T, or 0 when the chain has none */
static uint32_t fee_asset_type(const wetee_metadata *md)
{
    size_t i, n = wetee_metadata_extension_count(md);
    for (i = 0; i < n; i++) {
        const wetee_md_extension *e = wetee_metadata_extension_at(md, i);
        const wetee_md_type *ty;
        size_t j;
        if (strcmp(wetee_md_extension_identifier(e), "ChargeAssetTxPayment")) continue;
        ty = wetee_metadata_type(md, wetee_md_extension_type(e));
        for (j = 0; ty && j < wetee_md_type_field_count(ty); j++) {
            const wetee_md_field *f = wetee_md_type_field(ty, j);
            const wetee_md_type *opt;
            const wetee_md_variant *some;
            if (!wetee_md_field_name(f) || strcmp(wetee_md_field_name(f), "asset_id")) continue;
            opt = wetee_metadata_type(md, wetee_md_field_type(f));
            some = opt ? wetee_md_type_variant_by_name(opt, "Some") : NULL;
            if (some && wetee_md_variant_field_count(some) == 1)
                return wetee_md_field_type(wetee_md_variant_field(some, 0));
        }
    }
    return 0;
}

/* the fee token as ChargeAssetTxPayment's asset id; *out NULL for a native token */
static int fee_asset_json(json_t **out, const wetee_metadata *md, const wetee_token *fee)
{
    uint32_t ty;
    const wetee_md_type *t;
    int kind = wetee_token_kind_of(fee);
    *out = NULL;
    if (kind == WETEE_TOKEN_NATIVE) return WETEE_OK;
    if (!(ty = fee_asset_type(md)))
        return wt_error(WETEE_ERR_NOT_FOUND, "pay: the chain has no ChargeAssetTxPayment: the fee cannot be paid in %s",
                        wetee_token_symbol(fee));
    t = wetee_metadata_type(md, ty);
    if (t && wetee_md_type_kind(t) == WETEE_TYPE_COMPOSITE) { /* an XCM Location */
        if (kind == WETEE_TOKEN_FOREIGN_ASSET) *out = token_id_json(fee);
        else if (kind == WETEE_TOKEN_ASSET) {
            const wetee_md_pallet *ap = wetee_metadata_pallet_by_name(md, "Assets");
            wetee_u128 id;
            if (!ap) return wt_error(WETEE_ERR_NOT_FOUND, "pay: fee asset: the chain has no Assets pallet");
            wetee_u128_from_decimal(&id, wetee_token_id(fee), strlen(wetee_token_id(fee)), 0);
            *out = json_pack("{s:i, s:{s:[{s:i}, {s:o}]}}", "parents", 0, "interior", "X2", "PalletInstance",
                             (json_int_t)wetee_md_pallet_index(ap), "GeneralIndex", u128_json(id));
        } else
            return wt_error(WETEE_ERR_UNSUPPORTED, "pay: fee asset: a %s token cannot pay fees here",
                            wetee_token_kind_name(kind));
    } else if (kind == WETEE_TOKEN_ASSET) {
        *out = json_string(wetee_token_id(fee));
    } else {
        return wt_error(WETEE_ERR_UNSUPPORTED, "pay: fee asset: this chain takes asset ids, not a %s token",
                        wetee_token_kind_name(kind));
    }
    return *out ? WETEE_OK : oom();
}

int wetee_pay_prepare(wetee_tx **tx, wetee_buf *plan, const wetee_metadata *md, const wetee_token *t,
                      wetee_u128 amount, const char *to, const char *memo, const wetee_pay_options *opts)
{
    wt_sub_call c;
    unsigned flags = opts ? opts->flags : 0;
    const wetee_token *fee = opts ? opts->fee_token : NULL;
    json_t *fee_json = NULL, *pl = NULL, *call_args = NULL;
    wetee_tx *b = NULL;
    char *args = NULL, route[160];
    const char *pallet, *call;
    size_t bad;
    int rc;
    if (tx) *tx = NULL;
    WT_ARG(md && t && to, MOD, "NULL argument");
    WT_ARG(!opts || opts->version >= 1, MOD, "unknown options version");
    if (memo) {
        size_t n = strlen(memo);
        if (n > WT_PAY_MEMO_MAX)
            return wt_error(WETEE_ERR_TOO_LONG, "pay: memo of %zu bytes (at most %d)", n, WT_PAY_MEMO_MAX);
        if (!wt_utf8_valid((const uint8_t *)memo, n, &bad))
            return wt_error(WETEE_ERR_DECODE, "pay: memo: invalid UTF-8 at offset %zu", bad);
        if (!n) memo = NULL;
    }
    if ((rc = choose_call(&c, md, t, amount, to, flags)) != WETEE_OK) return rc;
    pallet = wetee_md_pallet_name(c.pallet);
    call = c.call;
    snprintf(route, sizeof route, "%s.%s", pallet, call);
    call_args = c.args;
    json_incref(call_args);
    if (memo && (flags & WETEE_PAY_MEMO_REMARK)) {
        const wetee_md_pallet *u = wetee_metadata_pallet_by_name(md, "Utility");
        const wetee_md_pallet *s = wetee_metadata_pallet_by_name(md, "System");
        wetee_buf hex = WETEE_BUF_INIT;
        json_t *inner;
        if (!u || !wetee_md_pallet_variant_by_name(md, u, WETEE_MD_CALLS, "batch_all") || !s ||
            !wetee_md_pallet_variant_by_name(md, s, WETEE_MD_CALLS, "remark_with_event")) {
            rc = wt_error(WETEE_ERR_UNSUPPORTED,
                          "pay: an on-chain memo (WETEE_PAY_MEMO_REMARK) needs Utility.batch_all and "
                          "System.remark_with_event, which this chain lacks");
            goto done;
        }
        if ((rc = wetee_hex_encode(&hex, (const uint8_t *)memo, strlen(memo), WETEE_HEX_PREFIX)) != WETEE_OK) goto done;
        inner = json_pack("{s:[{s:{s:O}}, {s:{s:{s:s}}}]}", "calls", pallet, call, c.args, "System",
                          "remark_with_event", "remark", (const char *)hex.data);
        wetee_buf_free(&hex);
        if (!inner) {
            rc = oom();
            goto done;
        }
        json_decref(call_args);
        call_args = inner;
        pallet = "Utility";
        call = "batch_all";
    }
    if (fee && (rc = fee_asset_json(&fee_json, md, fee)) != WETEE_OK) goto done;
    if (!(args = dumps(call_args))) {
        rc = oom();
        goto done;
    }
    if (tx) {
        if ((rc = wetee_tx_new(&b, md)) != WETEE_OK) goto done;
        if ((rc = wetee_tx_set_call_json(b, pallet, call, args, SIZE_MAX)) != WETEE_OK) goto done;
        if (fee_json) {
            char *fj = dumps(fee_json);
            if (!fj) {
                rc = oom();
                goto done;
            }
            rc = wetee_tx_set_fee_asset_json(b, fj, SIZE_MAX);
            wt_json_text_free(fj);
            if (rc != WETEE_OK) goto done;
        }
    }
    if (plan) {
        wetee_buf tb = WETEE_BUF_INIT, at = WETEE_BUF_INIT;
        const wetee_md_pallet *bal = wetee_metadata_pallet_by_name(md, "Balances");
        const wetee_md_constant *ed = bal ? wetee_md_pallet_constant_by_name(md, bal, "ExistentialDeposit") : NULL;
        json_t *edj = NULL;
        if ((rc = wetee_token_to_json(&tb, t)) == WETEE_OK) rc = wetee_amount_format(&at, t, amount, 0);
        if (rc == WETEE_OK && ed && wetee_token_kind_of(t) == WETEE_TOKEN_NATIVE) {
            wetee_buf eb = WETEE_BUF_INIT;
            if ((rc = wetee_constant_json(&eb, md, ed, NULL)) == WETEE_OK)
                edj = json_loadb((const char *)eb.data, eb.len, JSON_DECODE_ANY, NULL);
            wetee_buf_free(&eb);
            if (json_is_integer(edj)) {
                json_t *s = u128_json(wetee_u128_from_u64((uint64_t)json_integer_value(edj)));
                json_decref(edj);
                edj = s;
            }
        }
        if (rc == WETEE_OK) {
            pl = json_pack("{s:s, s:s, s:s, s:O, s:o, s:s, s:o, s:s, s:o, s:o, s:O}", "route", route, "pallet", pallet,
                           "call", call, "args", call_args, "amount", u128_json(amount), "amount_text",
                           (const char *)at.data, "token", json_loadb((const char *)tb.data, tb.len, 0, NULL), "to", to,
                           "memo", memo ? json_string(memo) : json_null(), "existential_deposit",
                           edj ? edj : json_null(), "fee_asset", fee_json ? fee_json : json_null());
            edj = NULL;
            if (!pl) rc = oom();
            else rc = buf_set_json(plan, pl);
        }
        json_decref(edj);
        wetee_buf_free(&tb);
        wetee_buf_free(&at);
        if (rc != WETEE_OK) goto done;
    }
    if (tx) {
        *tx = b;
        b = NULL;
    }
done:
    wetee_tx_free(b);
    if (args) wt_json_text_free(args);
    json_decref(pl);
    json_decref(fee_json);
    json_decref(call_args);
    sub_call_free(&c);
    return rc;
}

/* ------------------------------------------------------------------ */
/* the online route                                                    */
/* ------------------------------------------------------------------ */

typedef struct wt_sub_ctx {
    wetee_chain *c;
    const wetee_keypair *kp;
} wt_sub_ctx;

static int sub_accepts(int kind)
{
    return kind == WETEE_TOKEN_NATIVE || kind == WETEE_TOKEN_ASSET || kind == WETEE_TOKEN_FOREIGN_ASSET ||
           kind == WETEE_TOKEN_CURRENCY;
}

/* storage value as JSON (null when absent) */
static int storage(json_t **out, wetee_chain *c, const char *pallet, const char *entry, json_t *keys)
{
    wetee_buf js = WETEE_BUF_INIT;
    char *k = dumps(keys);
    int rc;
    *out = NULL;
    if (!k) return oom();
    rc = wetee_chain_storage_json(&js, c, pallet, entry, k, NULL);
    wt_json_text_free(k);
    if (rc == WETEE_OK) {
        *out = json_loadb((const char *)js.data, js.len, JSON_DECODE_ANY, NULL);
        if (!*out) rc = wt_error(WETEE_ERR_DECODE, "pay: %s.%s: the chain client's JSON does not parse", pallet, entry);
    }
    wetee_buf_free(&js);
    return rc;
}

/* what the quote found */
typedef struct wt_quote {
    json_t *o;            /* the quote JSON */
    int failure;          /* WETEE_PAY_OK when the checks pass */
    char reason[400];
    wetee_buf ext;        /* the signed extrinsic */
    char route[160];
    char payer[64];
} wt_quote;

static void quote_refuse(wt_quote *q, int failure, const char *fmt, ...) WT_PRINTF(3, 4);
static void quote_refuse(wt_quote *q, int failure, const char *fmt, ...)
{
    va_list ap;
    if (q->failure != WETEE_PAY_OK) return; /* the first reason stands */
    q->failure = failure;
    va_start(ap, fmt);
    vsnprintf(q->reason, sizeof q->reason, fmt, ap);
    va_end(ap);
}

static void quote_free(wt_quote *q)
{
    json_decref(q->o);
    wetee_buf_free(&q->ext);
}

/* the native fee converted to the fee asset through AssetConversionApi; 0 when not available */
static int convert_fee(wetee_u128 *out, wetee_chain *c, const json_t *asset_loc, wetee_u128 native_fee)
{
    static const int parents[] = { 1, 0 };
    size_t i;
    for (i = 0; i < 2; i++) {
        json_t *args = json_pack("[O, {s:i, s:s}, o, b]", asset_loc, "parents", parents[i], "interior", "Here",
                                 u128_json(native_fee), 1);
        wetee_buf r = WETEE_BUF_INIT;
        char *a = args ? dumps(args) : NULL;
        int rc;
        json_decref(args);
        if (!a) return oom();
        rc = wetee_chain_runtime_call_json(&r, c, "AssetConversionApi", "quote_price_tokens_for_exact_tokens", a, NULL);
        wt_json_text_free(a);
        if (rc == WETEE_ERR_NOT_FOUND) {
            wetee_buf_free(&r);
            return 0; /* no such runtime API */
        }
        if (rc == WETEE_OK) {
            json_t *v = json_loadb((const char *)r.data, r.len, JSON_DECODE_ANY, NULL);
            int ok = v && json_u128(out, v);
            json_decref(v);
            wetee_buf_free(&r);
            if (ok) return 1;
            continue; /* null: no pool with this native location */
        }
        wetee_buf_free(&r);
        return rc;
    }
    return 0;
}

/* a currency id that a currency pallet maps to the native token: orml-currencies'
 * GetNativeCurrencyId, WeTEEAsset's asset 0 */
static int currency_is_native(const wetee_metadata *md, const char *route, const wetee_token *t)
{
    const wetee_md_pallet *p;
    const wetee_md_constant *k;
    wetee_buf b = WETEE_BUF_INIT;
    json_t *v;
    char *s;
    int same = 0;
    if (wetee_token_kind_of(t) != WETEE_TOKEN_CURRENCY) return 0;
    if (!strncmp(route, "WeTEEAsset.", 11)) return !strcmp(wetee_token_id(t), "0");
    if (strncmp(route, "Currencies.", 11) || !(p = wetee_metadata_pallet_by_name(md, "Currencies")) ||
        !(k = wetee_md_pallet_constant_by_name(md, p, "GetNativeCurrencyId")))
        return 0;
    if (wetee_constant_json(&b, md, k, NULL) != WETEE_OK) return 0;
    v = json_loadb((const char *)b.data, b.len, JSON_DECODE_ANY, NULL);
    wetee_buf_free(&b);
    s = v ? json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY) : NULL;
    json_decref(v);
    if (s) same = !strcmp(s, wetee_token_id(t));
    wt_json_text_free(s);
    return same;
}

/* the fee of a signed extrinsic: TransactionPaymentApi through the
 * metadata's runtime APIs, else (runtimes whose metadata does not list the
 * API, such as WeTEE's 2024 testnet) `state_call` of
 * TransactionPaymentApi_query_info decoded here: RuntimeDispatchInfo with a
 * V2 weight (two compacts) or a V1 weight (u64), a class byte and the u128
 * partial fee, the layout chosen by the exact length */
static int compact_len(const uint8_t *p, size_t n)
{
    if (n == 0) return -1;
    switch (p[0] & 3) {
    case 0: return 1;
    case 1: return 2;
    case 2: return 4;
    default: return 5 + (p[0] >> 2);
    }
}
static int estimate_fee(wetee_u128 *fee, wetee_chain *c, const wetee_buf *ext)
{
    wetee_buf hex = WETEE_BUF_INIT, res = WETEE_BUF_INIT, out = WETEE_BUF_INIT;
    uint8_t le[4];
    char *params;
    int rc = wetee_chain_estimate_fee(fee, c, ext->data, ext->len);
    if (rc != WETEE_ERR_NOT_FOUND) return rc;
    if (ext->len > UINT32_MAX) return wt_error(WETEE_ERR_TOO_LONG, "pay: extrinsic too long");
    le[0] = (uint8_t)ext->len;
    le[1] = (uint8_t)(ext->len >> 8);
    le[2] = (uint8_t)(ext->len >> 16);
    le[3] = (uint8_t)(ext->len >> 24);
    if ((rc = wetee_buf_append(&out, ext->data, ext->len)) != WETEE_OK || (rc = wetee_buf_append(&out, le, 4)) != WETEE_OK ||
        (rc = wetee_hex_encode(&hex, out.data, out.len, WETEE_HEX_PREFIX)) != WETEE_OK) {
        wetee_buf_free(&out);
        wetee_buf_free(&hex);
        return rc;
    }
    wetee_buf_free(&out);
    if (!(params = wt_malloc(hex.len + 64))) {
        wetee_buf_free(&hex);
        return oom();
    }
    snprintf(params, hex.len + 64, "[\"TransactionPaymentApi_query_info\", \"%s\"]", (const char *)hex.data);
    wetee_buf_free(&hex);
    rc = wetee_chain_request(&res, c, "state_call", params);
    wt_free(params);
    if (rc == WETEE_OK) {
        /* "0x.." */
        if (res.len < 4 || res.data[0] != '"' || res.data[res.len - 1] != '"')
            rc = wt_error(WETEE_ERR_DECODE, "pay: TransactionPaymentApi_query_info: not a hex string");
        else
            rc = wetee_hex_decode(&out, (const char *)res.data + 1, res.len - 2);
    }
    wetee_buf_free(&res);
    if (rc == WETEE_OK) {
        int a = compact_len(out.data, out.len), b = a > 0 ? compact_len(out.data + a, out.len - (size_t)a) : -1;
        size_t at;
        if (a > 0 && b > 0 && (size_t)(a + b + 17) == out.len) at = (size_t)(a + b + 1);
        else if (out.len == 25) at = 9;
        else at = 0;
        if (!at) rc = wt_error(WETEE_ERR_DECODE, "pay: TransactionPaymentApi_query_info: %zu bytes of unknown layout", out.len);
        else *fee = wetee_u128_from_le(out.data + at);
    }
    wetee_buf_free(&out);
    return rc;
}

/* WeTEEAsset knows its assets (DaoAssetsInfo, also asset 0) and their
 * existential deposits (ExistentDeposits) */
static int wetee_asset_check(wt_quote *q, wetee_chain *c, const wetee_token *t, wetee_u128 *minimum)
{
    json_t *info = NULL, *edv = NULL, *dao = NULL, *keys = json_pack("[o]", token_id_json(t));
    int rc = keys ? WETEE_OK : oom();
    /* WeTEEAsset.transfer needs the DAO of the asset (WeTEEOrg.Daos) and,
     * except for asset 0 (WTE), its metadata (DaoAssetsInfo) */
    if (rc == WETEE_OK && wetee_metadata_pallet_by_name(wetee_chain_metadata(c), "WeTEEOrg")) {
        rc = storage(&dao, c, "WeTEEOrg", "Daos", keys);
        if (rc == WETEE_OK && json_is_null(dao)) {
            q->failure = WETEE_PAY_UNKNOWN_TOKEN;
            rc = wt_error(WETEE_ERR_NOT_FOUND, "pay: WeTEEAsset: no DAO %.64s (WeTEEOrg.Daos) for the asset",
                          wetee_token_id(t));
        }
        json_decref(dao);
    }
    if (rc == WETEE_OK && strcmp(wetee_token_id(t), "0")) rc = storage(&info, c, "WeTEEAsset", "DaoAssetsInfo", keys);
    if (rc == WETEE_OK && json_is_null(info)) {
        q->failure = WETEE_PAY_UNKNOWN_TOKEN;
        rc = wt_error(WETEE_ERR_NOT_FOUND, "pay: WeTEEAsset has no asset %.64s on this chain", wetee_token_id(t));
    }
    if (rc == WETEE_OK && storage(&edv, c, "WeTEEAsset", "ExistentDeposits", keys) == WETEE_OK) json_u128(minimum, edv);
    json_decref(info);
    json_decref(edv);
    json_decref(keys);
    return rc;
}

static int sub_quote_core(wt_quote *q, wt_sub_ctx *x, const wt_pay_request *req)
{
    const wetee_token *t = req->token, *fee_tok = req->opts->fee_token;
    const wetee_metadata *md;
    wetee_tx *tx = NULL;
    wetee_buf plan = WETEE_BUF_INIT, addr = WETEE_BUF_INIT, info = WETEE_BUF_INIT;
    json_t *planj = NULL, *fee_loc = NULL, *keys = NULL, *v = NULL;
    wetee_u128 fee = { 0, 0 }, fee_in_token = { 0, 0 }, zero = { 0, 0 };
    uint8_t genesis[32], acct[32];
    uint32_t spec, txv;
    uint16_t ss58 = 42;
    int kind = wetee_token_kind_of(t), have_fee_conv = 0, rc;
    unsigned flags = req->opts->flags;

    memset(q, 0, sizeof *q);
    q->failure = WETEE_PAY_OK;
    if ((rc = wetee_chain_refresh(NULL, x->c)) != WETEE_OK) return rc;
    md = wetee_chain_metadata(x->c);
    wetee_chain_properties(&ss58, NULL, NULL, x->c);
    if ((rc = wetee_keypair_address(&addr, x->kp, ss58)) != WETEE_OK) return rc;
    snprintf(q->payer, sizeof q->payer, "%s", (const char *)addr.data);
    wetee_buf_free(&addr);
    if ((rc = account_bytes(acct, req->to)) != WETEE_OK) return rc;
    if ((rc = wetee_pay_prepare(&tx, &plan, md, t, req->amount, req->to, req->memo, req->opts)) != WETEE_OK) {
        if (rc == WETEE_ERR_NOT_FOUND) q->failure = WETEE_PAY_UNKNOWN_TOKEN;
        goto done;
    }
    planj = json_loadb((const char *)plan.data, plan.len, 0, NULL);
    if (!planj) {
        rc = oom();
        goto done;
    }
    snprintf(q->route, sizeof q->route, "%s", json_string_value(json_object_get(planj, "route")));
    if ((rc = wetee_chain_genesis_hash(genesis, x->c)) != WETEE_OK ||
        (rc = wetee_chain_runtime_version(&spec, &txv, x->c)) != WETEE_OK ||
        (rc = wetee_tx_set_genesis_hash(tx, genesis)) != WETEE_OK ||
        (rc = wetee_tx_set_runtime_version(tx, spec, txv)) != WETEE_OK)
        goto done;
    if ((rc = wetee_chain_sign(&q->ext, x->c, tx, x->kp, req->opts->mortal_period)) != WETEE_OK) goto done;
    if ((rc = estimate_fee(&fee, x->c, &q->ext)) != WETEE_OK) goto done;
    fee_loc = json_incref(json_object_get(planj, "fee_asset"));
    if (json_is_object(fee_loc)) {
        int k = convert_fee(&fee_in_token, x->c, fee_loc, fee);
        if (k < 0) {
            rc = k;
            goto done;
        }
        have_fee_conv = k;
    }

    q->o = json_pack("{s:s, s:o, s:O, s:s, s:s, s:o}", "route", q->route, "amount", u128_json(req->amount),
                     "amount_text", json_object_get(planj, "amount_text"), "payer", q->payer, "to", req->to,
                     "fee_native", u128_json(fee));
    if (!q->o) {
        rc = oom();
        goto done;
    }
    if (fee_tok && wetee_token_kind_of(fee_tok) != WETEE_TOKEN_NATIVE) {
        wetee_buf tb = WETEE_BUF_INIT;
        wetee_token_to_json(&tb, fee_tok);
        json_object_set_new(q->o, "fee_token", json_loadb((const char *)tb.data, tb.len, 0, NULL));
        wetee_buf_free(&tb);
        json_object_set_new(q->o, "fee", have_fee_conv ? u128_json(fee_in_token) : json_null());
        if (!have_fee_conv)
            json_object_set_new(q->o, "fee_note",
                                json_string("the runtime has no AssetConversionApi quote for this asset: "
                                            "the fee in the asset is known only after inclusion"));
    } else {
        json_object_set_new(q->o, "fee_token", json_null());
        json_object_set_new(q->o, "fee", u128_json(fee));
        fee_in_token = fee;
        have_fee_conv = 1;
    }
    if (req->opts->max_fee.lo | req->opts->max_fee.hi) {
        if (!have_fee_conv)
            quote_refuse(q, WETEE_PAY_FEE_TOO_HIGH, "the fee in %s cannot be quoted, and max_fee is set",
                         wetee_token_symbol(fee_tok));
        else if (wetee_u128_cmp(fee_in_token, req->opts->max_fee) > 0)
            quote_refuse(q, WETEE_PAY_FEE_TOO_HIGH, "the quoted fee is above max_fee");
    }

    /* balances and minimums */
    {
        wetee_u128 sender_nat = zero, recv_nat = zero, ed = zero, sbal = zero, rbal = zero, minimum = zero, need, left;
        json_t *edj = json_object_get(planj, "existential_deposit");
        const char *payer = q->payer;
        int native_fee = !fee_tok || wetee_token_kind_of(fee_tok) == WETEE_TOKEN_NATIVE;
        if ((rc = wetee_chain_balance(&sender_nat, x->c, payer)) != WETEE_OK && rc != WETEE_ERR_NOT_FOUND) goto done;
        if (json_is_string(edj)) json_u128(&ed, edj);
        else {
            /* existential deposit of the native token for fee checks */
            wetee_buf eb = WETEE_BUF_INIT;
            if (wetee_chain_constant_json(&eb, x->c, "Balances", "ExistentialDeposit") == WETEE_OK) {
                json_t *e = json_loadb((const char *)eb.data, eb.len, JSON_DECODE_ANY, NULL);
                json_u128(&ed, e);
                json_decref(e);
            }
            wetee_buf_free(&eb);
        }
        if (kind == WETEE_TOKEN_CURRENCY && !strncmp(q->route, "WeTEEAsset.", 11) &&
            (rc = wetee_asset_check(q, x->c, t, &minimum)) != WETEE_OK)
            goto done;
        if (kind == WETEE_TOKEN_NATIVE || currency_is_native(md, q->route, t)) {
            if ((rc = wetee_chain_balance(&recv_nat, x->c, req->to)) != WETEE_OK && rc != WETEE_ERR_NOT_FOUND) goto done;
            sbal = sender_nat;
            rbal = recv_nat;
            if (wetee_u128_cmp(minimum, ed) < 0) minimum = ed;
            need = req->amount;
            if (native_fee && wetee_u128_add(&need, need, fee) != WETEE_OK) need.lo = need.hi = UINT64_MAX;
            if (wetee_u128_cmp(sbal, need) < 0)
                quote_refuse(q, WETEE_PAY_INSUFFICIENT_BALANCE, "the sender's free balance cannot cover amount + fee");
            else if (!(flags & WETEE_PAY_ALLOW_DEATH) && (wetee_u128_sub(&left, sbal, need), wetee_u128_cmp(left, ed) < 0))
                quote_refuse(q, WETEE_PAY_SENDER_REAPED,
                             "the sender would drop below the existential deposit (set WETEE_PAY_ALLOW_DEATH to allow it)");
        } else {
            char pallet[64];
            json_t *id = token_id_json(t);
            snprintf(pallet, sizeof pallet, "%.*s", (int)strcspn(q->route, "."), q->route);
            if (kind == WETEE_TOKEN_ASSET || kind == WETEE_TOKEN_FOREIGN_ASSET) {
                const char *ap = kind == WETEE_TOKEN_ASSET ? "Assets" : "ForeignAssets";
                json_t *asset = NULL, *sa = NULL, *ra = NULL;
                keys = json_pack("[O]", id);
                rc = storage(&asset, x->c, ap, "Asset", keys);
                json_decref(keys);
                keys = NULL;
                if (rc != WETEE_OK) {
                    json_decref(id);
                    goto done;
                }
                if (json_is_null(asset)) {
                    json_decref(asset);
                    json_decref(id);
                    rc = wt_error(WETEE_ERR_NOT_FOUND, "pay: %s has no asset %.200s on this chain", ap, wetee_token_id(t));
                    q->failure = WETEE_PAY_UNKNOWN_TOKEN;
                    goto done;
                }
                json_u128(&minimum, json_object_get(asset, "min_balance"));
                json_decref(asset);
                keys = json_pack("[O, s]", id, payer);
                if ((rc = storage(&sa, x->c, ap, "Account", keys)) == WETEE_OK) {
                    json_decref(keys);
                    keys = json_pack("[O, s]", id, req->to);
                    rc = storage(&ra, x->c, ap, "Account", keys);
                }
                if (sa) json_u128(&sbal, json_object_get(sa, "balance"));
                if (ra) json_u128(&rbal, json_object_get(ra, "balance"));
                json_decref(sa);
                json_decref(ra);
            } else if (!strcmp(pallet, "Tokens")) {
                json_t *sa = NULL, *ra = NULL;
                keys = json_pack("[s, O]", payer, id);
                if ((rc = storage(&sa, x->c, "Tokens", "Accounts", keys)) == WETEE_OK) {
                    json_decref(keys);
                    keys = json_pack("[s, O]", req->to, id);
                    rc = storage(&ra, x->c, "Tokens", "Accounts", keys);
                }
                if (sa) json_u128(&sbal, json_object_get(sa, "free"));
                if (ra) json_u128(&rbal, json_object_get(ra, "free"));
                json_decref(sa);
                json_decref(ra);
            } else {
                /* another currency pallet: balances through orml Tokens when present */
                json_t *sa = NULL;
                keys = json_pack("[s, O]", payer, id);
                if (wetee_metadata_pallet_by_name(md, "Tokens") &&
                    (rc = storage(&sa, x->c, "Tokens", "Accounts", keys)) == WETEE_OK) {
                    json_t *ra = NULL;
                    json_decref(keys);
                    keys = json_pack("[s, O]", req->to, id);
                    rc = storage(&ra, x->c, "Tokens", "Accounts", keys);
                    if (ra) json_u128(&rbal, json_object_get(ra, "free"));
                    json_decref(ra);
                    if (sa) json_u128(&sbal, json_object_get(sa, "free"));
                } else {
                    sbal.lo = sbal.hi = UINT64_MAX; /* unknown: the chain decides */
                }
                json_decref(sa);
            }
            json_decref(keys);
            keys = NULL;
            json_decref(id);
            if (rc != WETEE_OK) goto done;
            if (wetee_u128_cmp(sbal, req->amount) < 0)
                quote_refuse(q, WETEE_PAY_INSUFFICIENT_BALANCE, "the sender's %s balance is below the amount",
                             wetee_token_symbol(t));
            else if (!(flags & WETEE_PAY_ALLOW_DEATH) && (minimum.lo | minimum.hi) &&
                     (wetee_u128_sub(&left, sbal, req->amount), wetee_u128_cmp(left, minimum) < 0))
                quote_refuse(q, WETEE_PAY_SENDER_REAPED,
                             "the sender's %s balance would drop below the asset's min_balance (set "
                             "WETEE_PAY_ALLOW_DEATH to allow it)",
                             wetee_token_symbol(t));
            if (native_fee && wetee_u128_cmp(sender_nat, fee) < 0)
                quote_refuse(q, WETEE_PAY_INSUFFICIENT_BALANCE, "the sender's native balance cannot cover the fee");
        }
        if (!(sbal.lo == UINT64_MAX && sbal.hi == UINT64_MAX))
            json_object_set_new(q->o, "sender_balance", u128_json(sbal));
        else
            json_object_set_new(q->o, "sender_balance", json_null());
        json_object_set_new(q->o, "receiver_balance", u128_json(rbal));
        json_object_set_new(q->o, "minimum", u128_json(minimum));
        {
            wetee_u128 after;
            if (wetee_u128_add(&after, rbal, req->amount) == WETEE_OK && wetee_u128_cmp(after, minimum) < 0)
                quote_refuse(q, WETEE_PAY_BELOW_MINIMUM,
                             "the receiver's balance would stay below the %s (%s)",
                             kind == WETEE_TOKEN_NATIVE || kind == WETEE_TOKEN_CURRENCY ? "existential deposit"
                                                                                        : "asset's min_balance",
                             wetee_token_symbol(t));
        }
    }
    if (flags & WETEE_PAY_NO_CHECKS) {
        if (q->failure != WETEE_PAY_FEE_TOO_HIGH) q->failure = WETEE_PAY_OK;
    }
    json_object_set_new(q->o, "ok", json_boolean(q->failure == WETEE_PAY_OK));
    json_object_set_new(q->o, "failure", json_string(wetee_pay_failure_name(q->failure)));
    json_object_set_new(q->o, "reason", q->failure == WETEE_PAY_OK ? json_null() : json_string(q->reason));
    rc = WETEE_OK;
done:
    (void)v;
    wetee_buf_free(&info);
    wetee_buf_free(&plan);
    json_decref(planj);
    json_decref(fee_loc);
    json_decref(keys);
    wetee_tx_free(tx);
    return rc;
}

static int sub_quote(void *ctx, wetee_buf *out, const wt_pay_request *req)
{
    wt_quote q;
    int rc = sub_quote_core(&q, ctx, req);
    if (rc == WETEE_OK) rc = buf_set_json(out, q.o);
    quote_free(&q);
    return rc;
}

/* a field (object member or array item) of an event equal to the account / the amount */
static int has_account(const json_t *f, const uint8_t acct[32])
{
    const char *k;
    const json_t *v;
    size_t i;
    if (json_is_object(f)) {
        json_object_foreach((json_t *)f, k, v) {
            if (!strcmp(k, "from") || !strcmp(k, "source")) continue; /* the receiver, not the payer */
            if (same_account(v, acct)) return 1;
        }
    } else if (json_is_array(f)) {
        /* positional fields (asset, from, to, amount): skip the first account, the payer's */
        int seen = 0;
        json_array_foreach(f, i, v) {
            uint8_t b[32];
            if (!json_is_string(v) || account_bytes(b, json_string_value(v)) != WETEE_OK) continue;
            if (seen++ && !memcmp(b, acct, 32)) return 1;
        }
    }
    return 0;
}
static int has_amount(const json_t *f, wetee_u128 amount)
{
    const char *k;
    const json_t *v;
    size_t i;
    wetee_u128 a;
    if (json_is_object(f)) {
        json_object_foreach((json_t *)f, k, v) {
            if ((!strcmp(k, "amount") || !strcmp(k, "value") || !strcmp(k, "balance")) && json_u128(&a, v) &&
                !wetee_u128_cmp(a, amount))
                return 1;
        }
    } else if (json_is_array(f) && json_array_size(f)) {
        v = json_array_get(f, json_array_size(f) - 1); /* the amount comes last */
        return json_u128(&a, v) && !wetee_u128_cmp(a, amount);
    }
    (void)i;
    return 0;
}

/* the matching transfer event of `pallet` among the extrinsic's events */
static json_t *find_event(const json_t *events, const char *pallet, const uint8_t to[32], wetee_u128 amount)
{
    size_t i;
    const json_t *e;
    json_array_foreach(events, i, e) {
        const char *p = json_string_value(json_object_get(e, "pallet"));
        const char *name = json_string_value(json_object_get(e, "event"));
        const json_t *f = json_object_get(e, "fields");
        if (!p || !name || strcmp(p, pallet)) continue;
        if (strcmp(name, "Transfer") && strcmp(name, "Transferred") && strcmp(name, "Issued")) continue;
        if (has_amount(f, amount) && has_account(f, to)) return (json_t *)e;
    }
    return NULL;
}

static int sub_pay(void *ctx, wetee_pay_receipt *r, const wt_pay_request *req)
{
    wt_sub_ctx *x = ctx;
    wt_quote q;
    wetee_chain_watch *w = NULL;
    wetee_buf res = WETEE_BUF_INIT, hx = WETEE_BUF_INIT;
    json_t *out = NULL;
    uint8_t h[32], to[32];
    char detail[512];
    int until = (req->opts->flags & WETEE_PAY_FINALIZED) ? WETEE_TX_FINALIZED : WETEE_TX_IN_BLOCK;
    int rc = sub_quote_core(&q, x, req);
    if (q.payer[0]) wt_pay_receipt_set(r, WETEE_RECEIPT_PAYER, q.payer);
    if (q.route[0]) wt_pay_receipt_set(r, WETEE_RECEIPT_ROUTE, q.route);
    if (rc != WETEE_OK) {
        wt_pay_receipt_set_failure(r, q.failure != WETEE_PAY_OK ? q.failure : WETEE_PAY_ERROR);
        quote_free(&q);
        return rc;
    }
    if (q.o && json_string_value(json_object_get(q.o, "fee")))
        wt_pay_receipt_set(r, WETEE_RECEIPT_FEE, json_string_value(json_object_get(q.o, "fee")));
    if (q.failure != WETEE_PAY_OK) {
        wt_pay_receipt_set_failure(r, q.failure);
        wt_pay_receipt_set(r, WETEE_RECEIPT_ERROR, q.reason);
        rc = wt_error(WETEE_ERR_STATE, "pay: refused before submission: %s", q.reason);
        quote_free(&q);
        return rc;
    }
    account_bytes(to, req->to);
    wetee_extrinsic_hash(h, q.ext.data, q.ext.len);
    wetee_hex_encode(&hx, h, 32, WETEE_HEX_PREFIX);
    wt_pay_receipt_set(r, WETEE_RECEIPT_TX_HASH, (const char *)hx.data);
    wetee_buf_free(&hx);
    rc = wetee_chain_submit_watch(&w, x->c, q.ext.data, q.ext.len, NULL, NULL);
    quote_free(&q);
    if (rc != WETEE_OK) {
        wt_pay_receipt_set_failure(r, rc == WETEE_ERR_RPC ? WETEE_PAY_REJECTED
                                      : rc == WETEE_ERR_TIMEOUT ? WETEE_PAY_TIMEOUT
                                                                : WETEE_PAY_NETWORK);
        return rc;
    }
    wt_pay_receipt_set(r, WETEE_RECEIPT_STATUS, "submitted");
    rc = wetee_chain_watch_wait(&res, w, until, req->opts->timeout_ms);
    snprintf(detail, sizeof detail, "%s", wetee_last_error());
    wetee_chain_watch_free(w);
    if (res.len) out = json_loadb((const char *)res.data, res.len, 0, NULL);
    wetee_buf_free(&res);
    if (out) {
        const json_t *b = json_object_get(out, "block"), *bn = json_object_get(out, "blockNumber");
        if (json_is_string(b)) wt_pay_receipt_set(r, WETEE_RECEIPT_BLOCK_HASH, json_string_value(b));
        if (json_is_integer(bn)) wt_pay_receipt_set_block_number(r, (uint64_t)json_integer_value(bn));
        if (json_is_string(json_object_get(out, "status")) && json_is_string(b))
            wt_pay_receipt_set(r, WETEE_RECEIPT_STATUS, json_string_value(json_object_get(out, "status")));
    }
    if (rc != WETEE_OK) {
        wt_pay_receipt_set_failure(r, rc == WETEE_ERR_TIMEOUT ? WETEE_PAY_TIMEOUT
                                      : rc == WETEE_ERR_RPC   ? WETEE_PAY_REJECTED
                                                              : WETEE_PAY_NETWORK);
        json_decref(out);
        return wt_error(rc, "%s", detail);
    }
    if (!json_is_true(json_object_get(out, "success"))) {
        const json_t *err = json_object_get(out, "error");
        const char *pe = json_string_value(json_object_get(err, "pallet"));
        const char *ee = json_string_value(json_object_get(err, "error"));
        const char *kind = json_string_value(json_object_get(err, "kind"));
        char msg[256];
        if (pe && ee) snprintf(msg, sizeof msg, "%s.%s", pe, ee);
        else snprintf(msg, sizeof msg, "%s%s%s", kind ? kind : "dispatch error", ee ? "." : "", ee ? ee : "");
        wt_pay_receipt_set(r, WETEE_RECEIPT_ERROR, msg);
        wt_pay_receipt_set_failure(r, WETEE_PAY_DISPATCH_FAILED);
        wt_pay_receipt_set(r, WETEE_RECEIPT_STATUS, "failed");
        rc = wt_error(WETEE_ERR_STATE, "pay: %s in block %s", msg,
                      wetee_pay_receipt_field(r, WETEE_RECEIPT_BLOCK_HASH) ? wetee_pay_receipt_field(r, WETEE_RECEIPT_BLOCK_HASH)
                                                                             : "?");
        json_decref(out);
        return rc;
    }
    {
        const char *route = wetee_pay_receipt_field(r, WETEE_RECEIPT_ROUTE);
        char pallet[64];
        const char *dot = route ? strchr(route, '.') : NULL;
        json_t *ev;
        snprintf(pallet, sizeof pallet, "%.*s", dot ? (int)(dot - route) : 0, route ? route : "");
        if (!strcmp(pallet, "Utility")) { /* on-chain memo: the transfer's own pallet */
            const char *const *pn = pallets_for(wetee_token_kind_of(req->token));
            const wetee_metadata *md = wetee_chain_metadata(x->c);
            for (; pn && *pn; pn++)
                if (wetee_metadata_pallet_by_name(md, *pn)) {
                    snprintf(pallet, sizeof pallet, "%s", *pn);
                    break;
                }
        }
        ev = find_event(json_object_get(out, "events"), pallet, to, req->amount);
        /* currency pallets over orml-tokens or Balances: their event */
        if (!ev) ev = find_event(json_object_get(out, "events"), "Tokens", to, req->amount);
        if (!ev) ev = find_event(json_object_get(out, "events"), "Balances", to, req->amount);
        if (!ev) {
            wt_pay_receipt_set_failure(r, WETEE_PAY_ERROR);
            json_decref(out);
            return wt_error(WETEE_ERR_STATE, "pay: the extrinsic succeeded but has no %s transfer event of the amount to %s",
                            pallet, req->to);
        }
        {
            char *s = dumps(ev);
            if (s) {
                wt_pay_receipt_set(r, WETEE_RECEIPT_EVENT, s);
                wt_json_text_free(s);
            }
        }
    }
    json_decref(out);
    return WETEE_OK;
}

static void sub_free(void *ctx) { wt_free(ctx); }

static const wt_pay_route SUBSTRATE_ROUTE = { "substrate", sub_accepts, sub_quote, sub_pay, sub_free };

int wetee_payer_add_substrate(wetee_payer *p, const char *chain, wetee_chain *c, const wetee_keypair *kp)
{
    wt_sub_ctx *x;
    WT_ARG(p && chain && c && kp, MOD, "NULL argument");
    if (!(x = wt_calloc(1, sizeof *x))) return oom();
    x->c = c;
    x->kp = kp;
    return wt_payer_add_route(p, chain, &SUBSTRATE_ROUTE, x);
}
