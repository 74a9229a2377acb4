/* Payments (pay.h) against the devnode runtimes, run by tests/devnode/pay.sh:
 *
 *   pay_devnode URL template   the parachain template: native transfers,
 *                              refusals before submission, the chain's error
 *   pay_devnode URL wetee      the WeTEE testnet runtime: WTE, WeTEEAsset
 *                              asset 0 (the balance WeTEEApp charges run
 *                              fees from) and an orml-tokens currency
 *   pay_devnode URL assethub   Asset Hub Kusama: a pallet-assets asset
 *                              created and minted here, an asset-conversion
 *                              pool, fees paid in the asset
 *
 * Balances are read before and after through the chain client; events
 * from the receipts and the blocks. Ends with "N passed, M failed". */
#include <inttypes.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

static int g_pass, g_fail;

static void check(int ok, const char *fmt, ...)
{
    va_list ap;
    printf("%s ", ok ? "ok  " : "FAIL");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    if (!ok) printf(" [last error: %s]", wetee_last_error());
    printf("\n");
    fflush(stdout);
    if (ok) g_pass++;
    else g_fail++;
}

static void die(const char *what)
{
    printf("FAIL %s: %s\n0 passed, %d failed\n", what, wetee_last_error(), g_fail + 1);
    exit(1);
}

static wetee_u128 u(uint64_t v) { return wetee_u128_from_u64(v); }
static wetee_u128 units(uint64_t whole, unsigned decimals)
{
    wetee_u128 v = u(whole), ten = u(10);
    while (decimals--) wetee_u128_mul(&v, v, ten);
    return v;
}
static const char *dec(wetee_u128 v)
{
    static char b[4][WETEE_U128_DECIMAL_BUFSIZE];
    static int i;
    i = (i + 1) % 4;
    wetee_u128_to_decimal(b[i], sizeof b[i], v, 0);
    return b[i];
}
static int eq(wetee_u128 a, wetee_u128 b) { return wetee_u128_cmp(a, b) == 0; }
static wetee_u128 sub(wetee_u128 a, wetee_u128 b)
{
    wetee_u128 r = { 0, 0 };
    wetee_u128_sub(&r, a, b);
    return r;
}

static wetee_keypair *kp(const char *suri)
{
    wetee_keypair *k = NULL;
    if (wetee_keypair_from_suri(&k, WETEE_SCHEME_SR25519, suri, strlen(suri)) != WETEE_OK) die(suri);
    return k;
}
static char *addr(const wetee_keypair *k)
{
    wetee_buf b = WETEE_BUF_INIT;
    char *s;
    if (wetee_keypair_address(&b, k, 42) != WETEE_OK) die("address");
    s = malloc(b.len + 1);
    if (!s) die("out of memory");
    memcpy(s, b.data, b.len + 1);
    wetee_buf_free(&b);
    return s;
}

static json_t *jparse(const wetee_buf *b) { return json_loadb((const char *)b->data, b->len, JSON_DECODE_ANY, NULL); }

static int json_num(wetee_u128 *out, const json_t *v)
{
    out->lo = out->hi = 0;
    if (json_is_integer(v)) {
        *out = u((uint64_t)json_integer_value(v));
        return 1;
    }
    if (json_is_string(v)) return wetee_u128_from_decimal(out, json_string_value(v), json_string_length(v), 0) == WETEE_OK;
    return 0;
}

/* a storage value's numeric field (0 when absent) */
static wetee_u128 storage_num(wetee_chain *c, const char *pallet, const char *entry, const char *keys, const char *field)
{
    wetee_buf b = WETEE_BUF_INIT;
    wetee_u128 v = { 0, 0 };
    json_t *j;
    if (wetee_chain_storage_json(&b, c, pallet, entry, keys, NULL) != WETEE_OK) die(entry);
    j = jparse(&b);
    json_num(&v, field ? json_object_get(j, field) : j);
    json_decref(j);
    wetee_buf_free(&b);
    return v;
}

static wetee_u128 native_free(wetee_chain *c, const char *who)
{
    wetee_u128 v = { 0, 0 };
    int rc = wetee_chain_balance(&v, c, who);
    if (rc != WETEE_OK && rc != WETEE_ERR_NOT_FOUND) die("balance");
    return v;
}

/* dev_setStorage with a JSON object; then a block so that it is visible */
static void set_storage(wetee_chain *c, const char *json)
{
    wetee_buf b = WETEE_BUF_INIT;
    char *params = malloc(strlen(json) + 3);
    sprintf(params, "[%s]", json);
    if (wetee_chain_request(&b, c, "dev_setStorage", params) != WETEE_OK) die("dev_setStorage");
    free(params);
    wetee_buf_free(&b);
}

/* give `who` `amount` of the native token (System.Account and TotalIssuance) */
static void fund(wetee_chain *c, const char *who, wetee_u128 amount)
{
    wetee_u128 total = storage_num(c, "Balances", "TotalIssuance", NULL, NULL), had = native_free(c, who);
    char js[600];
    wetee_u128_add(&total, total, sub(amount, had));
    snprintf(js, sizeof js,
             "{\"System\":{\"Account\":[[[\"%s\"],{\"providers\":1,\"data\":{\"free\":\"%s\"}}]]},"
             "\"Balances\":{\"TotalIssuance\":\"%s\"}}",
             who, dec(amount), dec(total));
    set_storage(c, js);
}

/* sign, submit and wait for a call; 1 when it succeeded */
static int call(wetee_chain *c, const wetee_keypair *k, const char *pallet, const char *name, const char *args)
{
    wetee_tx *tx = NULL;
    wetee_buf ext = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
    int ok = 0;
    if (wetee_chain_tx_new(&tx, c) == WETEE_OK && wetee_tx_set_call_json(tx, pallet, name, args, SIZE_MAX) == WETEE_OK &&
        wetee_chain_sign(&ext, c, tx, k, 0) == WETEE_OK &&
        wetee_chain_submit_and_watch(&res, c, ext.data, ext.len, WETEE_TX_IN_BLOCK, 120000) == WETEE_OK)
        ok = strstr((const char *)res.data, "\"success\":true") != NULL;
    if (!ok) printf("  %s.%s: %s %s\n", pallet, name, res.data ? (const char *)res.data : "", wetee_last_error());
    wetee_tx_free(tx);
    wetee_buf_free(&ext);
    wetee_buf_free(&res);
    return ok;
}

static const char *field(const wetee_pay_receipt *r, int f)
{
    const char *s = wetee_pay_receipt_field(r, f);
    return s ? s : "(null)";
}

static void show_receipt(const wetee_pay_receipt *r)
{
    wetee_buf b = WETEE_BUF_INIT;
    if (r && wetee_pay_receipt_to_json(&b, r) == WETEE_OK) printf("  receipt: %s\n", (const char *)b.data);
    wetee_buf_free(&b);
}

/* a quote's JSON */
static json_t *quote(wetee_payer *p, const wetee_token *t, wetee_u128 amount, const char *to, const wetee_pay_options *o)
{
    wetee_buf b = WETEE_BUF_INIT;
    json_t *j = NULL;
    if (wetee_pay_quote(&b, p, t, amount, to, NULL, o) == WETEE_OK) j = jparse(&b);
    else printf("  quote: %s\n", wetee_last_error());
    wetee_buf_free(&b);
    return j;
}

/* a payment that must be confirmed, moving `delta` to the receiver by `balance_fn` */
typedef wetee_u128 (*balance_fn)(wetee_chain *c, const char *who, const void *ctx);
static wetee_pay_receipt *pay_ok(const char *what, wetee_payer *p, wetee_chain *c, const wetee_token *t, const char *amount_text,
                                 const char *to, const char *memo, const wetee_pay_options *o, balance_fn bal,
                                 const void *ctx, const char *route)
{
    wetee_u128 amount, before, after;
    wetee_pay_receipt *r = NULL;
    int rc;
    if (wetee_amount_parse(&amount, t, amount_text, SIZE_MAX) != WETEE_OK) die(amount_text);
    before = bal(c, to, ctx);
    rc = wetee_pay(&r, p, t, amount, to, memo, o);
    show_receipt(r);
    check(rc == WETEE_OK && wetee_pay_receipt_failure(r) == WETEE_PAY_OK, "%s: pay %s confirmed (%s)", what, amount_text,
          field(r, WETEE_RECEIPT_STATUS));
    after = bal(c, to, ctx);
    check(eq(sub(after, before), amount), "%s: the receiver's balance rose by exactly %s (%s -> %s)", what, dec(amount),
          dec(before), dec(after));
    check(rc == WETEE_OK && !strcmp(field(r, WETEE_RECEIPT_ROUTE), route), "%s: route %s", what, field(r, WETEE_RECEIPT_ROUTE));
    check(rc == WETEE_OK && strstr(field(r, WETEE_RECEIPT_EVENT), dec(amount)) != NULL &&
              !strncmp(field(r, WETEE_RECEIPT_TX_HASH), "0x", 2) && !strncmp(field(r, WETEE_RECEIPT_BLOCK_HASH), "0x", 2),
          "%s: receipt has the transfer event (%.80s), tx hash and block", what, field(r, WETEE_RECEIPT_EVENT));
    return r;
}

static wetee_u128 bal_native(wetee_chain *c, const char *who, const void *ctx)
{
    (void)ctx;
    return native_free(c, who);
}

/* a payment refused before submission: no transaction hash, the nonce unchanged */
static void pay_refused(const char *what, wetee_payer *p, wetee_chain *c, const char *payer, const wetee_token *t,
                        wetee_u128 amount, const char *to, const wetee_pay_options *o, int failure)
{
    wetee_pay_receipt *r = NULL;
    uint64_t n0 = 0, n1 = 0;
    int rc;
    wetee_chain_account_nonce(&n0, c, payer);
    rc = wetee_pay(&r, p, t, amount, to, NULL, o);
    wetee_chain_account_nonce(&n1, c, payer);
    show_receipt(r);
    check(rc == WETEE_ERR_STATE && wetee_pay_receipt_failure(r) == failure && !wetee_pay_receipt_field(r, WETEE_RECEIPT_TX_HASH) &&
              n0 == n1,
          "%s: refused before submission as %s (%s)", what, wetee_pay_failure_name(failure), wetee_last_error());
    wetee_pay_receipt_free(r);
}

/* a payment above the balance sent anyway: the chain's error in the receipt */
static void pay_chain_error(const char *what, wetee_payer *p, const wetee_token *t, wetee_u128 amount, const char *to,
                            const char *expect)
{
    wetee_pay_options o = WETEE_PAY_OPTIONS_INIT;
    wetee_pay_receipt *r = NULL;
    int rc;
    o.flags = WETEE_PAY_NO_CHECKS;
    rc = wetee_pay(&r, p, t, amount, to, NULL, &o);
    show_receipt(r);
    check(rc == WETEE_ERR_STATE && wetee_pay_receipt_failure(r) == WETEE_PAY_DISPATCH_FAILED &&
              strstr(field(r, WETEE_RECEIPT_ERROR), expect) && strstr(wetee_last_error(), expect) &&
              !strncmp(field(r, WETEE_RECEIPT_BLOCK_HASH), "0x", 2),
          "%s: a payment above the balance fails on chain with %s (%s)", what, expect, field(r, WETEE_RECEIPT_ERROR));
    wetee_pay_receipt_free(r);
}

/* ------------------------------------------------------------------ */

static void run_template(wetee_chain *c)
{
    wetee_token_registry *reg = NULL;
    const wetee_token *unit = NULL, *foreign = NULL;
    wetee_payer *p = NULL, *p2 = NULL;
    wetee_keypair *alice = kp("//Alice"), *fresh = kp("//pay-devnode-reap");
    char *a = addr(alice), *bob = addr(kp("//Bob")), *fa = addr(fresh), *nobody = addr(kp("//pay-devnode-nobody"));
    wetee_pay_options o = WETEE_PAY_OPTIONS_INIT;
    wetee_pay_receipt *r;
    wetee_u128 ed = { 0, 0 }, fee = { 0, 0 }, two61 = { 0, 1u << 29 }, amount;
    json_t *q;
    int rc;
    (void)a;
    if (wetee_token_registry_new(&reg, 0) != WETEE_OK ||
        wetee_token_registry_add(&unit, reg, "parachain-template", WETEE_TOKEN_NATIVE, NULL, "UNIT", 12) != WETEE_OK ||
        wetee_token_registry_add(&foreign, reg, "parachain-template", WETEE_TOKEN_FOREIGN_ASSET,
                                 "{\"parents\":1,\"interior\":\"Here\"}", "ROC", 12) != WETEE_OK ||
        wetee_payer_new(&p, reg) != WETEE_OK || wetee_payer_add_substrate(p, "parachain-template", c, alice) != WETEE_OK)
        die("payer");
    {
        wetee_buf b = WETEE_BUF_INIT;
        json_t *j;
        if (wetee_chain_constant_json(&b, c, "Balances", "ExistentialDeposit") != WETEE_OK) die("ED");
        j = jparse(&b);
        json_num(&ed, j);
        json_decref(j);
        wetee_buf_free(&b);
    }

    q = quote(p, unit, units(3, 11) /* 0.3 */, bob, NULL);
    rc = q && json_is_true(json_object_get(q, "ok")) && json_num(&fee, json_object_get(q, "fee")) && (fee.lo | fee.hi) &&
         !strcmp(json_string_value(json_object_get(q, "route")), "Balances.transfer_keep_alive");
    check(rc, "template: quote 0.3 UNIT: route, fee %s, checks pass", dec(fee));
    json_decref(q);

    r = pay_ok("template", p, c, unit, "1.5 UNIT", bob, "order-1", NULL, bal_native, NULL, "Balances.transfer_keep_alive");
    check(r && strstr(field(r, WETEE_RECEIPT_EVENT), "\"Transfer\"") && !strcmp(field(r, WETEE_RECEIPT_MEMO), "order-1") &&
              (!strcmp(field(r, WETEE_RECEIPT_STATUS), "inBlock") || !strcmp(field(r, WETEE_RECEIPT_STATUS), "finalized")),
          "template: Balances.Transfer event, memo and status %s in the receipt", field(r, WETEE_RECEIPT_STATUS));
    wetee_pay_receipt_free(r);

    /* no Utility pallet here: an on-chain memo cannot be carried */
    o.flags = WETEE_PAY_MEMO_REMARK;
    r = NULL;
    rc = wetee_pay(&r, p, unit, units(1, 12), bob, "order-2", &o);
    check(rc == WETEE_ERR_UNSUPPORTED && r && !wetee_pay_receipt_field(r, WETEE_RECEIPT_TX_HASH),
          "template: WETEE_PAY_MEMO_REMARK without Utility is refused (%s)", wetee_last_error());
    wetee_pay_receipt_free(r);

    /* above the balance: refused before submission, or the chain's error when sent anyway */
    pay_refused("template", p, c, a, unit, two61, bob, NULL, WETEE_PAY_INSUFFICIENT_BALANCE);
    pay_chain_error("template", p, unit, two61, bob, "Arithmetic");

    /* a transfer that would reap the sender */
    fund(c, fa, units(10, 12));
    if (wetee_payer_new(&p2, reg) != WETEE_OK || wetee_payer_add_substrate(p2, "parachain-template", c, fresh) != WETEE_OK)
        die("payer 2");
    q = quote(p2, unit, units(9, 12), bob, NULL);
    if (!q || !json_num(&fee, json_object_get(q, "fee"))) die("quote 2");
    json_decref(q);
    {
        wetee_u128 half = ed;
        half.lo = (ed.lo >> 1) | (ed.hi << 63);
        half.hi = ed.hi >> 1;
        amount = sub(sub(units(10, 12), fee), half);
    }
    pay_refused("template reap", p2, c, fa, unit, amount, bob, NULL, WETEE_PAY_SENDER_REAPED);
    o.flags = WETEE_PAY_ALLOW_DEATH;
    r = NULL;
    rc = wetee_pay(&r, p2, unit, amount, bob, NULL, &o);
    show_receipt(r);
    check(rc == WETEE_OK && !strcmp(field(r, WETEE_RECEIPT_ROUTE), "Balances.transfer_allow_death"),
          "template reap: allowed with WETEE_PAY_ALLOW_DEATH (transfer_allow_death)");
    wetee_pay_receipt_free(r);

    /* a new account below the existential deposit; an unknown token; a fee limit */
    pay_refused("template new account", p, c, a, unit, u(1), nobody, NULL, WETEE_PAY_BELOW_MINIMUM);
    r = NULL;
    rc = wetee_pay(&r, p, foreign, u(1), bob, NULL, NULL);
    check(rc == WETEE_ERR_NOT_FOUND && wetee_pay_receipt_failure(r) == WETEE_PAY_UNKNOWN_TOKEN,
          "template: a foreign asset on a chain without ForeignAssets is unknown_token (%s)", wetee_last_error());
    wetee_pay_receipt_free(r);
    o.flags = 0;
    o.max_fee = u(1);
    pay_refused("template fee limit", p, c, a, unit, units(1, 12), bob, &o, WETEE_PAY_FEE_TOO_HIGH);

    wetee_payer_free(p2);
    wetee_payer_free(p);
    wetee_token_registry_free(reg);
    wetee_keypair_free(alice);
    wetee_keypair_free(fresh);
    free(a);
    free(fa);
    free(nobody);
    free(bob);
}

/* ------------------------------------------------------------------ */

static wetee_u128 bal_tokens(wetee_chain *c, const char *who, const void *ctx)
{
    char keys[200];
    snprintf(keys, sizeof keys, "[\"%s\", %s]", who, (const char *)ctx);
    return storage_num(c, "Tokens", "Accounts", keys, "free");
}

static void run_wetee(wetee_chain *c)
{
    wetee_token_registry *reg = NULL;
    const wetee_token *wte = NULL, *asset0 = NULL, *wtt = NULL, *t = NULL;
    wetee_payer *p = NULL;
    wetee_keypair *alice = kp("//Alice");
    char *a = addr(alice), *bob = addr(kp("//Bob"));
    wetee_pay_options o = WETEE_PAY_OPTIONS_INIT;
    wetee_pay_receipt *r;
    char js[800];
    if (wetee_token_registry_new(&reg, 0) != WETEE_OK ||
        wetee_token_lookup(&wte, reg, "wetee", WETEE_TOKEN_NATIVE, NULL) != WETEE_OK ||
        wetee_token_registry_add(&asset0, reg, "wetee", WETEE_TOKEN_CURRENCY, "0", "WTE", 12) != WETEE_OK ||
        wetee_token_registry_add(&wtt, reg, "wetee", WETEE_TOKEN_CURRENCY, "1", "WTT", 12) != WETEE_OK ||
        wetee_payer_new(&p, reg) != WETEE_OK || wetee_payer_add_substrate(p, "wetee", c, alice) != WETEE_OK)
        die("payer");
    check(wetee_token_lookup_symbol(&t, reg, "wetee", "WTE") == WETEE_ERR_STATE,
          "wetee: the symbol WTE names two tokens (native and WeTEEAsset asset 0): a lookup by symbol is refused");

    /* Alice: 1000 WTE and 1000 WTT (orml-tokens currency 1) */
    fund(c, a, units(1000, 12));
    snprintf(js, sizeof js,
             "{\"Tokens\":{\"Accounts\":[[[\"%s\",1],{\"free\":\"%s\",\"reserved\":0,\"frozen\":0}]],"
             "\"TotalIssuance\":[[[1],\"%s\"]]}}",
             a, dec(units(1000, 12)), dec(units(1000, 12)));
    set_storage(c, js);
    /* no WeTEEAsset asset yet: unknown to the chain */
    r = NULL;
    check(wetee_pay(&r, p, wtt, u(1), bob, NULL, NULL) == WETEE_ERR_NOT_FOUND &&
              wetee_pay_receipt_failure(r) == WETEE_PAY_UNKNOWN_TOKEN,
          "wetee: WeTEEAsset asset 1 before it is registered is unknown_token (%s)", wetee_last_error());
    wetee_pay_receipt_free(r);
    /* DAOs 0 and 1 (WeTEEOrg) with asset 1 (WTT) registered with WeTEEAsset, as
     * create_dao and create_asset would; asset 0 is WTE itself */
    {
        static const char dao[] = "{\"id\":%d,\"creator\":\"%s\",\"startBlock\":0,\"daoAccountId\":\"%s\",\"name\":\"0x6461\","
                                  "\"desc\":\"0x\",\"purpose\":\"0x\",\"metaData\":\"0x\",\"imApi\":\"0x\",\"bg\":\"0x\","
                                  "\"logo\":\"0x\",\"img\":\"0x\",\"homeUrl\":\"0x\",\"status\":\"Active\"}";
        char d0[700], d1[700], all[2000];
        snprintf(d0, sizeof d0, dao, 0, a, a);
        snprintf(d1, sizeof d1, dao, 1, a, a);
        snprintf(all, sizeof all,
                 "{\"WeTEEOrg\":{\"Daos\":[[[0],%s],[[1],%s]]},\"WeTEEAsset\":{\"DaoAssetsInfo\":["
                 "[[1],{\"owner\":\"%s\",\"metadata\":{\"name\":\"0x575454\",\"symbol\":\"0x575454\",\"decimals\":12}}]]}}",
                 d0, d1, a);
        set_storage(c, all);
    }

    r = pay_ok("wetee WTE", p, c, wte, "1.5 WTE", bob, "run-7", NULL, bal_native, NULL, "Balances.transfer_keep_alive");
    wetee_pay_receipt_free(r);
    /* the memo on chain: Utility.batch_all with System.remark_with_event, to finality */
    o.flags = WETEE_PAY_FINALIZED | WETEE_PAY_MEMO_REMARK;
    r = pay_ok("wetee memo", p, c, wte, "0.25", bob, "order-42", &o, bal_native, NULL, "Balances.transfer_keep_alive");
    {
        wetee_buf ev = WETEE_BUF_INIT;
        uint64_t bn = 0;
        int have = r && wetee_pay_receipt_block_number(&bn, r) == WETEE_OK &&
                   wetee_chain_events_json(&ev, c, field(r, WETEE_RECEIPT_BLOCK_HASH)) == WETEE_OK;
        check(have && !strcmp(field(r, WETEE_RECEIPT_STATUS), "finalized") && strstr((const char *)ev.data, "\"Remarked\"") &&
                  strstr((const char *)ev.data, "\"BatchCompleted\""),
              "wetee memo: finalized in block %" PRIu64 " with Utility.batch_all and System.Remarked", bn);
        wetee_buf_free(&ev);
    }
    wetee_pay_receipt_free(r);
    /* asset 0 of WeTEEAsset is WTE itself: the balance WeTEEApp's pay_run_fee charges */
    r = pay_ok("wetee asset 0", p, c, asset0, "2 WTE", bob, "run-8", NULL, bal_native, NULL, "WeTEEAsset.transfer");
    check(r && strstr(field(r, WETEE_RECEIPT_EVENT), "\"WeTEEAsset\"") && strstr(field(r, WETEE_RECEIPT_EVENT), "Transferred"),
          "wetee asset 0: WeTEEAsset.Transferred event");
    wetee_pay_receipt_free(r);
    r = pay_ok("wetee WTT", p, c, wtt, "3.25 WTT", bob, "run-9", NULL, bal_tokens, "1", "WeTEEAsset.transfer");
    wetee_pay_receipt_free(r);

    pay_refused("wetee WTT", p, c, a, wtt, units(2000, 12), bob, NULL, WETEE_PAY_INSUFFICIENT_BALANCE);
    pay_chain_error("wetee WTT", p, wtt, units(2000, 12), bob, "Tokens.BalanceTooLow");

    wetee_payer_free(p);
    wetee_token_registry_free(reg);
    wetee_keypair_free(alice);
    free(a);
    free(bob);
}

/* ------------------------------------------------------------------ */

static wetee_u128 bal_asset(wetee_chain *c, const char *who, const void *ctx)
{
    char keys[200];
    snprintf(keys, sizeof keys, "[%s, \"%s\"]", (const char *)ctx, who);
    return storage_num(c, "Assets", "Account", keys, "balance");
}

static void run_assethub(wetee_chain *c)
{
    wetee_token_registry *reg = NULL;
    const wetee_token *ksm = NULL, *usdt = NULL;
    wetee_payer *p = NULL;
    wetee_keypair *alice = kp("//Alice");
    char *a = addr(alice), *bob = addr(kp("//Bob")), *charlie = addr(kp("//pay-devnode-charlie"));
    wetee_pay_options o = WETEE_PAY_OPTIONS_INIT;
    wetee_pay_receipt *r;
    char args[800], loc[200];
    unsigned assets_index;
    json_t *q;
    if (wetee_token_registry_new(&reg, 0) != WETEE_OK ||
        wetee_token_lookup(&ksm, reg, "kusama-asset-hub", WETEE_TOKEN_NATIVE, NULL) != WETEE_OK ||
        wetee_token_lookup(&usdt, reg, "kusama-asset-hub", WETEE_TOKEN_ASSET, "1984") != WETEE_OK ||
        wetee_payer_new(&p, reg) != WETEE_OK || wetee_payer_add_substrate(p, "kusama-asset-hub", c, alice) != WETEE_OK)
        die("payer");
    assets_index = wetee_md_pallet_index(wetee_metadata_pallet_by_name(wetee_chain_metadata(c), "Assets"));
    snprintf(loc, sizeof loc, "{\"parents\":0,\"interior\":{\"X2\":[{\"PalletInstance\":%u},{\"GeneralIndex\":1984}]}}",
             assets_index);

    /* the asset does not exist yet: unknown to the chain */
    r = NULL;
    check(wetee_pay(&r, p, usdt, u(1), bob, NULL, NULL) == WETEE_ERR_NOT_FOUND &&
              wetee_pay_receipt_failure(r) == WETEE_PAY_UNKNOWN_TOKEN,
          "assethub: asset 1984 before it exists is unknown_token (%s)", wetee_last_error());
    wetee_pay_receipt_free(r);

    /* Alice: 1000 KSM; creates asset 1984 (min_balance 0.001) and mints 1000 of it */
    fund(c, a, units(1000, 12));
    snprintf(args, sizeof args, "{\"id\":1984,\"admin\":{\"Id\":\"%s\"},\"min_balance\":1000}", a);
    check(call(c, alice, "Assets", "create", args), "assethub: Assets.create 1984");
    snprintf(args, sizeof args, "{\"id\":1984,\"beneficiary\":{\"Id\":\"%s\"},\"amount\":\"%s\"}", a, dec(units(1000, 6)));
    check(call(c, alice, "Assets", "mint", args), "assethub: Assets.mint 1000 USDT to Alice");

    r = pay_ok("assethub USDT", p, c, usdt, "1.5 USDT", bob, "inv-1", NULL, bal_asset, "1984", "Assets.transfer_keep_alive");
    check(r && strstr(field(r, WETEE_RECEIPT_EVENT), "\"Transferred\""), "assethub USDT: Assets.Transferred event");
    wetee_pay_receipt_free(r);
    pay_refused("assethub USDT new holder", p, c, a, usdt, u(100), charlie, NULL, WETEE_PAY_BELOW_MINIMUM);
    pay_refused("assethub USDT", p, c, a, usdt, units(5000, 6), bob, NULL, WETEE_PAY_INSUFFICIENT_BALANCE);
    pay_chain_error("assethub USDT", p, usdt, units(5000, 6), bob, "Assets.BalanceLow");

    /* fees in USDT: a KSM/USDT pool, the fee quoted in USDT through AssetConversionApi */
    snprintf(args, sizeof args, "{\"asset1\":{\"parents\":1,\"interior\":\"Here\"},\"asset2\":%s}", loc);
    check(call(c, alice, "AssetConversion", "create_pool", args), "assethub: AssetConversion.create_pool KSM/USDT");
    snprintf(args, sizeof args,
             "{\"asset1\":{\"parents\":1,\"interior\":\"Here\"},\"asset2\":%s,\"amount1_desired\":\"%s\","
             "\"amount2_desired\":\"%s\",\"amount1_min\":0,\"amount2_min\":0,\"mint_to\":\"%s\"}",
             loc, dec(units(100, 12)), dec(units(500, 6)), a);
    check(call(c, alice, "AssetConversion", "add_liquidity", args), "assethub: add_liquidity 100 KSM + 500 USDT");
    o.fee_token = usdt;
    q = quote(p, usdt, units(1, 6), bob, &o);
    {
        wetee_u128 fee_usdt = { 0, 0 }, fee_ksm = { 0, 0 }, before, after, actual = { 0, 0 }, paid;
        wetee_buf ev = WETEE_BUF_INIT;
        json_t *evs, *e;
        size_t i;
        int found = 0;
        int quoted = q && json_num(&fee_usdt, json_object_get(q, "fee")) && (fee_usdt.lo | fee_usdt.hi) &&
                     json_num(&fee_ksm, json_object_get(q, "fee_native")) && json_is_true(json_object_get(q, "ok"));
        check(quoted,
              "assethub: quote with the fee in USDT: %s USDT units for %s KSM units (AssetConversionApi)", dec(fee_usdt),
              dec(fee_ksm));
        json_decref(q);
        before = bal_asset(c, a, "1984");
        r = pay_ok("assethub fee in USDT", p, c, usdt, "1 USDT", bob, "inv-2", &o, bal_asset, "1984",
                   "Assets.transfer_keep_alive");
        after = bal_asset(c, a, "1984");
        if (r && wetee_chain_events_json(&ev, c, field(r, WETEE_RECEIPT_BLOCK_HASH)) == WETEE_OK) {
            evs = jparse(&ev);
            json_array_foreach(evs, i, e) {
                const char *pn = json_string_value(json_object_get(e, "pallet"));
                if (pn && !strcmp(pn, "AssetTxPayment") &&
                    !strcmp(json_string_value(json_object_get(e, "event")), "AssetTxFeePaid")) {
                    found = json_num(&actual, json_object_get(json_object_get(e, "fields"), "actual_fee"));
                }
            }
            json_decref(evs);
        }
        wetee_u128_add(&paid, units(1, 6), actual);
        check(found && (actual.lo | actual.hi) && eq(sub(before, after), paid) && wetee_u128_cmp(actual, fee_usdt) <= 0,
              "assethub: AssetTxPayment.AssetTxFeePaid %s USDT units (quoted %s); Alice's USDT fell by amount + fee",
              dec(actual), dec(fee_usdt));
        wetee_buf_free(&ev);
        wetee_pay_receipt_free(r);
    }

    wetee_payer_free(p);
    wetee_token_registry_free(reg);
    wetee_keypair_free(alice);
    free(a);
    free(bob);
    free(charlie);
}

int main(int argc, char **argv)
{
    wetee_chain *c = NULL;
    if (argc != 3) {
        fprintf(stderr, "usage: pay_devnode ws://127.0.0.1:PORT template|wetee|assethub\n");
        return 2;
    }
    if (wetee_chain_connect(&c, argv[1], NULL) != WETEE_OK) die("connect");
    if (!strcmp(argv[2], "template")) run_template(c);
    else if (!strcmp(argv[2], "wetee")) run_wetee(c);
    else if (!strcmp(argv[2], "assethub")) run_assethub(c);
    else die("unknown runtime");
    wetee_chain_free(c);
    printf("%d passed, %d failed\n", g_pass, g_fail);
    return g_fail != 0;
}
