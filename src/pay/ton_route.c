/* The TON routes of wetee_pay(): TON's coin (Gram) with a text memo and
 * jettons (TEP-74 transfer with the memo in the forward payload), sent from
 * a wallet through toncenter and confirmed by wetee_toncenter_confirm().
 * See wetee_payer_add_ton() in wetee/pay.h. */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <stdio.h>
#include <time.h>

#include <jansson.h>

#include "internal/common.h"
#include "internal/pay.h"
#include "wetee/toncenter.h"

#define MOD "pay"

/* kept on the sender when checking the balance: the wallet's own fees */
#define TON_FEE_RESERVE 10000000u /* 0.01 TON */

typedef struct wt_ton_ctx {
    wetee_toncenter *tc;         /* borrowed */
    const wetee_ton_wallet *w;   /* borrowed */
    uint8_t secret[64];          /* copied; wiped on free */
    wetee_pay_ton_options o;
} wt_ton_ctx;

static int ton_accepts(int kind) { return kind == WETEE_TOKEN_TON || kind == WETEE_TOKEN_JETTON; }

static void hex32(char out[65], const uint8_t h[32])
{
    static const char d[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = d[h[i] >> 4];
        out[2 * i + 1] = d[h[i] & 15];
    }
    out[64] = 0;
}

static void raw_of(char out[WETEE_TON_ADDRESS_RAW_BUFSIZE], const wetee_ton_address *a)
{
    if (wetee_ton_address_to_raw(out, WETEE_TON_ADDRESS_RAW_BUFSIZE, a) != WETEE_OK) strcpy(out, "?");
}

static void dec_of(char out[WETEE_U128_DECIMAL_BUFSIZE], wetee_u128 v)
{
    if (wetee_u128_to_decimal(out, WETEE_U128_DECIMAL_BUFSIZE, v, 0) != WETEE_OK) strcpy(out, "?");
}

/* What a TON payment needs before signing: addresses, amounts, balances. */
typedef struct ton_plan {
    int jetton;
    int bounce;
    wetee_ton_address self, to, jw;
    char self_raw[WETEE_TON_ADDRESS_RAW_BUFSIZE], jw_raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    wetee_u128 ton_needed;      /* nanotons leaving the wallet (amount or attached TON) */
    wetee_u128 ton_balance;
    wetee_u128 jetton_balance;
    int failure;                /* WETEE_PAY_OK when the checks pass */
    char reason[256];
} ton_plan;

/* A jetton wallet's balance from get_wallet_data (0 when not deployed). */
static int jetton_balance(wetee_u128 *out, wetee_toncenter *tc, const char *jw)
{
    wetee_buf res = WETEE_BUF_INIT;
    json_t *j = NULL, *e;
    const char *v;
    int ec = 0, rc;
    *out = (wetee_u128){ 0, 0 };
    if ((rc = wetee_toncenter_run_get_method(&res, &ec, tc, jw, "get_wallet_data", NULL))) return rc;
    if (ec != 0 && ec != 1) { /* not deployed: no jettons */
        wetee_buf_free(&res);
        return WETEE_OK;
    }
    j = json_loadb((const char *)res.data, res.len, 0, NULL);
    wetee_buf_free(&res);
    e = json_array_get(json_object_get(j, "stack"), 0);
    v = json_string_value(json_array_get(e, 1));
    if (v == NULL || strcmp(json_string_value(json_array_get(e, 0)) ? json_string_value(json_array_get(e, 0)) : "", "num") ||
        strncmp(v, "0x", 2) || strlen(v) < 3 || strlen(v) > 34) {
        json_decref(j);
        return wt_error(WETEE_ERR_DECODE, MOD ": ton: get_wallet_data of %s: stack entry 0 is not a balance", jw);
    }
    for (v += 2; *v; v++) {
        int d = *v >= '0' && *v <= '9' ? *v - '0' : *v >= 'a' && *v <= 'f' ? *v - 'a' + 10 : *v >= 'A' && *v <= 'F' ? *v - 'A' + 10 : -1;
        if (d < 0) {
            json_decref(j);
            return wt_error(WETEE_ERR_DECODE, MOD ": ton: get_wallet_data of %s: bad hex balance", jw);
        }
        out->hi = out->hi << 4 | out->lo >> 60;
        out->lo = out->lo << 4 | (uint64_t)d;
    }
    json_decref(j);
    return WETEE_OK;
}

static int plan_payment(ton_plan *p, wt_ton_ctx *x, const wt_pay_request *req)
{
    wetee_toncenter_account acct;
    unsigned flags = 0;
    int rc;
    memset(p, 0, sizeof *p);
    p->failure = WETEE_PAY_OK;
    p->jetton = wetee_token_kind_of(req->token) == WETEE_TOKEN_JETTON;
    if ((rc = wetee_ton_address_parse(&p->to, &flags, req->to, strlen(req->to))))
        return wt_error(rc, MOD ": ton: receiver %s: %s", req->to, wetee_last_error());
    /* a user-friendly non-bounceable address (UQ…) asks for a non-bounceable coin payment */
    p->bounce = strchr(req->to, ':') != NULL || (flags & WETEE_TON_ADDRESS_BOUNCEABLE) != 0;
    if ((rc = wetee_ton_wallet_address(&p->self, x->w))) return rc;
    raw_of(p->self_raw, &p->self);
    if (p->jetton) {
        const char *minter = wetee_token_id(req->token);
        if ((rc = wetee_toncenter_jetton_wallet_address(&p->jw, x->tc, minter, &p->self))) return rc;
        raw_of(p->jw_raw, &p->jw);
        p->ton_needed = x->o.jetton_ton_amount;
    } else {
        p->ton_needed = req->amount;
    }
    if (req->opts->flags & WETEE_PAY_NO_CHECKS) return WETEE_OK;
    if ((rc = wetee_toncenter_account_info(&acct, x->tc, p->self_raw))) return rc;
    p->ton_balance = acct.balance;
    {
        wetee_u128 need;
        char have[WETEE_U128_DECIMAL_BUFSIZE], want[WETEE_U128_DECIMAL_BUFSIZE];
        if (wetee_u128_add(&need, p->ton_needed, wetee_u128_from_u64(TON_FEE_RESERVE)) != WETEE_OK ||
            wetee_u128_cmp(acct.balance, need) < 0) {
            dec_of(have, acct.balance);
            dec_of(want, p->ton_needed);
            p->failure = WETEE_PAY_INSUFFICIENT_BALANCE;
            snprintf(p->reason, sizeof p->reason,
                     "the wallet %s holds %s nanotons; %s and about 0.01 TON of fees are needed", p->self_raw, have,
                     want);
            return WETEE_OK;
        }
    }
    if (p->jetton) {
        if ((rc = jetton_balance(&p->jetton_balance, x->tc, p->jw_raw))) return rc;
        if (wetee_u128_cmp(p->jetton_balance, req->amount) < 0) {
            char have[WETEE_U128_DECIMAL_BUFSIZE], want[WETEE_U128_DECIMAL_BUFSIZE];
            dec_of(have, p->jetton_balance);
            dec_of(want, req->amount);
            p->failure = WETEE_PAY_INSUFFICIENT_BALANCE;
            snprintf(p->reason, sizeof p->reason, "the jetton wallet %s holds %s base units, %s wanted", p->jw_raw, have,
                     want);
        }
    }
    return WETEE_OK;
}

static int ton_quote(void *ctx, wetee_buf *out, const wt_pay_request *req)
{
    wt_ton_ctx *x = ctx;
    ton_plan p;
    wetee_buf amount_text = WETEE_BUF_INIT;
    char amount[WETEE_U128_DECIMAL_BUFSIZE], bal[WETEE_U128_DECIMAL_BUFSIZE], jbal[WETEE_U128_DECIMAL_BUFSIZE],
        att[WETEE_U128_DECIMAL_BUFSIZE], fwd[WETEE_U128_DECIMAL_BUFSIZE];
    json_t *j;
    char *s;
    int rc = plan_payment(&p, x, req);
    if (rc) return rc;
    if ((rc = wetee_amount_format(&amount_text, req->token, req->amount, 0))) return rc;
    dec_of(amount, req->amount);
    dec_of(bal, p.ton_balance);
    dec_of(jbal, p.jetton_balance);
    dec_of(att, x->o.jetton_ton_amount);
    dec_of(fwd, x->o.forward_ton_amount);
    j = json_pack("{s:s,s:s,s:s,s:s,s:s,s:b,s:n,s:s?,s:s?,s:s?,s:s?,s:s?,s:b,s:s,s:s?}", "route",
                  p.jetton ? "jetton" : "ton", "amount", amount, "amount_text", (const char *)amount_text.data, "payer",
                  p.self_raw, "to", req->to, "bounce", p.jetton || p.bounce, "fee", "jetton_wallet",
                  p.jetton ? p.jw_raw : NULL, "attached", p.jetton ? att : NULL, "forward_ton_amount",
                  p.jetton ? fwd : NULL, "sender_balance", (req->opts->flags & WETEE_PAY_NO_CHECKS) ? NULL : bal,
                  "jetton_balance", p.jetton && !(req->opts->flags & WETEE_PAY_NO_CHECKS) ? jbal : NULL, "ok",
                  p.failure == WETEE_PAY_OK, "failure", wetee_pay_failure_name(p.failure), "reason",
                  p.failure == WETEE_PAY_OK ? NULL : p.reason);
    wetee_buf_free(&amount_text);
    if (j == NULL || (s = json_dumps(j, JSON_COMPACT)) == NULL) {
        json_decref(j);
        return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
    }
    json_decref(j);
    out->len = 0;
    rc = wetee_buf_append(out, (const uint8_t *)s, strlen(s));
    if (rc == WETEE_OK) rc = wt_buf_terminate(out);
    wt_json_text_free(s);
    return rc;
}

/* The confirmation as the receipt's event JSON. */
static void set_event(wetee_pay_receipt *r, const uint8_t norm[32], const wetee_toncenter_confirmation *c)
{
    char h[65], a[WETEE_TON_ADDRESS_RAW_BUFSIZE], v[WETEE_U128_DECIMAL_BUFSIZE], lt[24];
    json_t *j = json_object(), *o;
    char *s;
    if (j == NULL) return;
    hex32(h, norm);
    json_object_set_new(j, "external_message_hash_norm", json_string(h));
    if (c->has_wallet_tx) {
        hex32(h, c->wallet_tx.hash);
        snprintf(lt, sizeof lt, "%" PRIu64, c->wallet_tx.lt);
        json_object_set_new(j, "wallet_tx", json_pack("{s:s,s:s}", "hash", h, "lt", lt));
    }
    if (c->has_payment) {
        hex32(h, c->payment.hash);
        raw_of(a, &c->payment.destination);
        dec_of(v, c->payment.value);
        json_object_set_new(j, "message", json_pack("{s:s,s:s,s:s}", "hash", h, "destination", a, "value", v));
    }
    if (c->has_last_tx) {
        hex32(h, c->last_tx.hash);
        raw_of(a, &c->last_tx.account);
        snprintf(lt, sizeof lt, "%" PRIu64, c->last_tx.lt);
        o = json_pack("{s:s,s:s,s:s,s:b,s:i}", "hash", h, "lt", lt, "account", a, "success", c->last_tx.success,
                      "exit_code", c->last_tx.exit_code);
        json_object_set_new(j, "destination_tx", o);
    }
    if (c->has_bounce) {
        hex32(h, c->bounce.hash);
        dec_of(v, c->bounce.value);
        json_object_set_new(j, "bounce", json_pack("{s:s,s:s}", "hash", h, "value", v));
    }
    if ((s = json_dumps(j, JSON_COMPACT)) != NULL) {
        wt_pay_receipt_set(r, WETEE_RECEIPT_EVENT, s);
        wt_json_text_free(s);
    }
    json_decref(j);
}

static int ton_pay(void *ctx, wetee_pay_receipt *r, const wt_pay_request *req)
{
    wt_ton_ctx *x = ctx;
    ton_plan p;
    wetee_ton_payment_options po = WETEE_TON_PAYMENT_OPTIONS_INIT;
    wetee_toncenter_confirm_options co = WETEE_TONCENTER_CONFIRM_OPTIONS_INIT;
    wetee_toncenter_confirmation c;
    wetee_ton_cell *msg = NULL, *ext = NULL;
    wetee_buf boc = WETEE_BUF_INIT;
    uint8_t norm[32];
    uint32_t seqno = 0;
    char h[65], detail[512];
    const char *memo = req->memo ? req->memo : "";
    int rc = plan_payment(&p, x, req);
    wt_pay_receipt_set(r, WETEE_RECEIPT_ROUTE, p.jetton ? "jetton" : "ton");
    if (p.self_raw[0]) wt_pay_receipt_set(r, WETEE_RECEIPT_PAYER, p.self_raw);
    if (rc) {
        wt_pay_receipt_set_failure(r, rc == WETEE_ERR_NETWORK ? WETEE_PAY_NETWORK : WETEE_PAY_ERROR);
        return rc;
    }
    if (p.failure != WETEE_PAY_OK) {
        wt_pay_receipt_set_failure(r, p.failure);
        wt_pay_receipt_set(r, WETEE_RECEIPT_ERROR, p.reason);
        return wt_error(WETEE_ERR_STATE, MOD ": refused before submission: %s", p.reason);
    }
    po.bounce = p.bounce;
    po.jetton_ton_amount = x->o.jetton_ton_amount;
    po.forward_ton_amount = x->o.forward_ton_amount;
    po.query_id = (uint64_t)time(NULL);
    if ((rc = wetee_toncenter_seqno(&seqno, x->tc, p.self_raw)) ||
        (rc = wetee_ton_payment_message(&msg, &p.self, p.jetton ? &p.jw : NULL, &p.to, req->amount, memo, strlen(memo),
                                        &po)) ||
        (rc = wetee_ton_wallet_sign_payment(&ext, norm, x->w, x->secret, seqno,
                                            (uint32_t)time(NULL) + x->o.valid_for_s, WETEE_TON_SEND_DEFAULT, msg)) ||
        (rc = wetee_ton_boc_serialize(&boc, ext, WETEE_TON_BOC_CRC32C))) {
        wt_pay_receipt_set_failure(r, rc == WETEE_ERR_NETWORK ? WETEE_PAY_NETWORK : WETEE_PAY_ERROR);
        goto done;
    }
    if ((rc = wetee_toncenter_send_boc(NULL, x->tc, boc.data, boc.len))) {
        wt_pay_receipt_set_failure(r, WETEE_PAY_REJECTED);
        goto done;
    }
    wt_pay_receipt_set(r, WETEE_RECEIPT_STATUS, "submitted");
    hex32(h, norm);
    co.hops = p.jetton ? 2 : 1;
    co.timeout_ms = req->opts->timeout_ms;
    co.poll_ms = x->o.poll_ms;
    rc = wetee_toncenter_confirm(&c, x->tc, norm, &co);
    snprintf(detail, sizeof detail, "%s", rc ? wetee_last_error() : "");
    set_event(r, norm, &c);
    if (c.has_wallet_tx) {
        hex32(h, c.wallet_tx.hash);
        wt_pay_receipt_set(r, WETEE_RECEIPT_TX_HASH, h);
        wt_pay_receipt_set_logical_time(r, c.wallet_tx.lt);
    }
    if (rc == WETEE_OK) {
        wt_pay_receipt_set(r, WETEE_RECEIPT_STATUS, "confirmed");
        goto done;
    }
    if (rc == WETEE_ERR_STATE) {
        wt_pay_receipt_set(r, WETEE_RECEIPT_STATUS, "failed");
        wt_pay_receipt_set_failure(r, c.status == WETEE_TONCENTER_PAYMENT_FAILED && c.has_wallet_tx &&
                                              c.wallet_tx.success && !c.has_payment
                                          ? WETEE_PAY_INSUFFICIENT_BALANCE
                                          : WETEE_PAY_BOUNCED);
    } else {
        wt_pay_receipt_set_failure(r, rc == WETEE_ERR_TIMEOUT ? WETEE_PAY_TIMEOUT : WETEE_PAY_NETWORK);
    }
    wt_pay_receipt_set(r, WETEE_RECEIPT_ERROR, detail);
    rc = wt_error(rc, "%s", detail);
done:
    wetee_ton_cell_free(msg);
    wetee_ton_cell_free(ext);
    wetee_buf_free(&boc);
    return rc;
}

static void ton_free(void *ctx)
{
    wt_ton_ctx *x = ctx;
    if (x == NULL) return;
    wetee_wipe(x->secret, sizeof x->secret);
    wt_free(x);
}

static const wt_pay_route TON_ROUTE = { "ton", ton_accepts, ton_quote, ton_pay, ton_free };

int wetee_payer_add_ton(wetee_payer *p, const char *chain, wetee_toncenter *tc, const wetee_ton_wallet *w,
                        const uint8_t secret[64], const wetee_pay_ton_options *opts)
{
    static const wetee_pay_ton_options dflt = WETEE_PAY_TON_OPTIONS_INIT;
    wt_ton_ctx *x;
    WT_ARG(p && chain && tc && w && secret, MOD, "NULL argument");
    if (opts == NULL) opts = &dflt;
    if (opts->version != WETEE_PAY_TON_OPTIONS_VERSION)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": ton: unknown options version %u", opts->version);
    if (opts->valid_for_s == 0 || opts->valid_for_s > 86400)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": ton: valid_for_s %u outside 1..86400", opts->valid_for_s);
    if (!(x = wt_calloc(1, sizeof *x))) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
    x->tc = tc;
    x->w = w;
    x->o = *opts;
    memcpy(x->secret, secret, 64);
    return wt_payer_add_route(p, chain, &TON_ROUTE, x);
}
