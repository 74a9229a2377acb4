/* Payment receipts (include/wetee/pay.h). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "internal/common.h"
#include "internal/pay.h"

#define MOD "pay"
#define WT_RF_COUNT 14 /* WETEE_RECEIPT_* are 1..13 */

struct wetee_pay_receipt {
    char *f[WT_RF_COUNT];
    char *token_json;
    wetee_u128 amount;
    int failure;
    int has_block, has_lt;
    uint64_t block, lt;
};

const char *wetee_pay_failure_name(int failure)
{
    switch (failure) {
    case WETEE_PAY_OK: return "ok";
    case WETEE_PAY_INSUFFICIENT_BALANCE: return "insufficient_balance";
    case WETEE_PAY_SENDER_REAPED: return "sender_reaped";
    case WETEE_PAY_BELOW_MINIMUM: return "below_minimum";
    case WETEE_PAY_UNKNOWN_TOKEN: return "unknown_token";
    case WETEE_PAY_NO_ROUTE: return "no_route";
    case WETEE_PAY_REJECTED: return "rejected";
    case WETEE_PAY_DISPATCH_FAILED: return "dispatch_failed";
    case WETEE_PAY_BOUNCED: return "bounced";
    case WETEE_PAY_TIMEOUT: return "timeout";
    case WETEE_PAY_NETWORK: return "network";
    case WETEE_PAY_FEE_TOO_HIGH: return "fee_too_high";
    case WETEE_PAY_ERROR: return "error";
    default: return "unknown";
    }
}

void wetee_pay_receipt_free(wetee_pay_receipt *r)
{
    int i;
    if (!r) return;
    for (i = 0; i < WT_RF_COUNT; i++) wt_free(r->f[i]);
    wt_free(r->token_json);
    wt_free(r);
}

int wt_pay_receipt_set(wetee_pay_receipt *r, int field, const char *value)
{
    char *d = NULL;
    if (!r || field < 1 || field >= WT_RF_COUNT) return wt_error(WETEE_ERR_INTERNAL, "pay: receipt field %d", field);
    if (value) {
        size_t n = strlen(value);
        if (!(d = wt_malloc(n + 1))) return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
        memcpy(d, value, n + 1);
    }
    wt_free(r->f[field]);
    r->f[field] = d;
    return WETEE_OK;
}

void wt_pay_receipt_set_failure(wetee_pay_receipt *r, int failure)
{
    if (r) r->failure = failure;
}

void wt_pay_receipt_set_block_number(wetee_pay_receipt *r, uint64_t n)
{
    if (!r) return;
    r->block = n;
    r->has_block = 1;
}

void wt_pay_receipt_set_logical_time(wetee_pay_receipt *r, uint64_t lt)
{
    if (!r) return;
    r->lt = lt;
    r->has_lt = 1;
}

int wt_pay_receipt_new(wetee_pay_receipt **out, const wt_pay_request *req)
{
    wetee_pay_receipt *r;
    wetee_buf b = WETEE_BUF_INIT;
    int rc;
    *out = NULL;
    if (!(r = wt_calloc(1, sizeof *r))) return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
    r->amount = req->amount;
    r->failure = WETEE_PAY_ERROR;
    rc = wetee_token_to_json(&b, req->token);
    if (rc == WETEE_OK) {
        r->token_json = wt_malloc(b.len + 1);
        if (!r->token_json) rc = wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
        else memcpy(r->token_json, b.data, b.len + 1);
    }
    if (rc == WETEE_OK) rc = wetee_amount_format(&b, req->token, req->amount, 0);
    if (rc == WETEE_OK) rc = wt_pay_receipt_set(r, WETEE_RECEIPT_AMOUNT_TEXT, (const char *)b.data);
    if (rc == WETEE_OK) rc = wt_pay_receipt_set(r, WETEE_RECEIPT_CHAIN, wetee_token_chain(req->token));
    if (rc == WETEE_OK) rc = wt_pay_receipt_set(r, WETEE_RECEIPT_SYMBOL, wetee_token_symbol(req->token));
    if (rc == WETEE_OK) rc = wt_pay_receipt_set(r, WETEE_RECEIPT_PAYEE, req->to);
    if (rc == WETEE_OK && req->memo) rc = wt_pay_receipt_set(r, WETEE_RECEIPT_MEMO, req->memo);
    if (rc == WETEE_OK) rc = wt_pay_receipt_set(r, WETEE_RECEIPT_STATUS, "refused");
    wetee_buf_free(&b);
    if (rc != WETEE_OK) {
        wetee_pay_receipt_free(r);
        return rc;
    }
    *out = r;
    return WETEE_OK;
}

int wetee_pay_receipt_failure(const wetee_pay_receipt *r) { return r ? r->failure : WETEE_PAY_ERROR; }

wetee_u128 wetee_pay_receipt_amount(const wetee_pay_receipt *r)
{
    wetee_u128 z = { 0, 0 };
    return r ? r->amount : z;
}

const char *wetee_pay_receipt_field(const wetee_pay_receipt *r, int field)
{
    if (!r || field < 1 || field >= WT_RF_COUNT) return NULL;
    return r->f[field];
}

int wetee_pay_receipt_block_number(uint64_t *out, const wetee_pay_receipt *r)
{
    WT_ARG(out && r, MOD, "NULL argument");
    if (r->has_block) *out = r->block;
    else if (r->has_lt) *out = r->lt;
    else return wt_error(WETEE_ERR_NOT_FOUND, "pay: the receipt has no block number or logical time");
    return WETEE_OK;
}

static json_t *jstr_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* a JSON text field written as JSON when it parses, else as a string */
static json_t *jraw(const char *s)
{
    json_t *v;
    if (!s) return json_null();
    v = json_loads(s, JSON_DECODE_ANY, NULL);
    return v ? v : json_string(s);
}

int wetee_pay_receipt_to_json(wetee_buf *out, const wetee_pay_receipt *r)
{
    char amt[WETEE_U128_DECIMAL_BUFSIZE], num[32];
    json_t *o;
    char *s;
    int rc;
    WT_ARG(out && r, MOD, "NULL argument");
    if ((rc = wetee_u128_to_decimal(amt, sizeof amt, r->amount, 0)) != WETEE_OK) return rc;
    o = json_object();
    if (!o) return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
    json_object_set_new(o, "status", jstr_or_null(r->f[WETEE_RECEIPT_STATUS]));
    json_object_set_new(o, "failure", json_string(wetee_pay_failure_name(r->failure)));
    json_object_set_new(o, "chain", jstr_or_null(r->f[WETEE_RECEIPT_CHAIN]));
    json_object_set_new(o, "token", jraw(r->token_json));
    json_object_set_new(o, "amount", json_string(amt));
    json_object_set_new(o, "amount_text", jstr_or_null(r->f[WETEE_RECEIPT_AMOUNT_TEXT]));
    json_object_set_new(o, "payer", jstr_or_null(r->f[WETEE_RECEIPT_PAYER]));
    json_object_set_new(o, "payee", jstr_or_null(r->f[WETEE_RECEIPT_PAYEE]));
    json_object_set_new(o, "memo", jstr_or_null(r->f[WETEE_RECEIPT_MEMO]));
    json_object_set_new(o, "tx_hash", jstr_or_null(r->f[WETEE_RECEIPT_TX_HASH]));
    json_object_set_new(o, "block_hash", jstr_or_null(r->f[WETEE_RECEIPT_BLOCK_HASH]));
    json_object_set_new(o, "block_number", r->has_block ? json_integer((json_int_t)r->block) : json_null());
    snprintf(num, sizeof num, "%llu", (unsigned long long)r->lt);
    json_object_set_new(o, "logical_time", r->has_lt ? json_string(num) : json_null());
    json_object_set_new(o, "route", jstr_or_null(r->f[WETEE_RECEIPT_ROUTE]));
    json_object_set_new(o, "fee", jstr_or_null(r->f[WETEE_RECEIPT_FEE]));
    json_object_set_new(o, "event", jraw(r->f[WETEE_RECEIPT_EVENT]));
    json_object_set_new(o, "error", jstr_or_null(r->f[WETEE_RECEIPT_ERROR]));
    s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (!s) return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
    out->len = 0;
    rc = wetee_buf_append(out, (const uint8_t *)s, strlen(s));
    wt_json_text_free(s);
    return rc == WETEE_OK ? wt_buf_terminate(out) : rc;
}
