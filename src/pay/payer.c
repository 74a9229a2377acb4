/* Payers: routes by chain name, and the pay()/quote() entry points
 * (include/wetee/pay.h). */
#include <stdio.h>
#include <string.h>

#include "internal/common.h"
#include "internal/pay.h"

#define MOD "pay"

typedef struct wt_route_entry {
    char chain[WETEE_TOKEN_MAX_CHAIN + 1];
    const wt_pay_route *route;
    void *ctx;
} wt_route_entry;

struct wetee_payer {
    const wetee_token_registry *reg;
    wt_route_entry *e;
    size_t n, cap;
};

int wetee_payer_new(wetee_payer **out, const wetee_token_registry *reg)
{
    wetee_payer *p;
    WT_ARG(out, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(reg, MOD, "reg is NULL");
    if (!(p = wt_calloc(1, sizeof *p))) return wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
    p->reg = reg;
    *out = p;
    return WETEE_OK;
}

void wetee_payer_free(wetee_payer *p)
{
    size_t i;
    if (!p) return;
    for (i = 0; i < p->n; i++)
        if (p->e[i].route->free_ctx) p->e[i].route->free_ctx(p->e[i].ctx);
    wt_free(p->e);
    wt_free(p);
}

int wt_payer_add_route(wetee_payer *p, const char *chain, const wt_pay_route *route, void *ctx)
{
    size_t i;
    int rc;
    if ((rc = wt_pay_check_chain_name(chain, "payer")) != WETEE_OK) goto fail;
    for (i = 0; i < p->n; i++)
        if (!strcmp(p->e[i].chain, chain)) {
            rc = wt_error(WETEE_ERR_STATE, "pay: the payer already has a route for chain '%s'", chain);
            goto fail;
        }
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 4;
        wt_route_entry *e = wt_realloc(p->e, cap * sizeof *e);
        if (!e) {
            rc = wt_error(WETEE_ERR_NO_MEMORY, "pay: out of memory");
            goto fail;
        }
        p->e = e;
        p->cap = cap;
    }
    memset(&p->e[p->n], 0, sizeof p->e[p->n]);
    memcpy(p->e[p->n].chain, chain, strlen(chain) + 1);
    p->e[p->n].route = route;
    p->e[p->n].ctx = ctx;
    p->n++;
    return WETEE_OK;
fail:
    if (route->free_ctx) route->free_ctx(ctx);
    return rc;
}

static const wt_route_entry *find_route(const wetee_payer *p, const char *chain)
{
    size_t i;
    for (i = 0; i < p->n; i++)
        if (!strcmp(p->e[i].chain, chain)) return &p->e[i];
    return NULL;
}

/* common checks of pay() and quote(); fills `req` and `opts` */
static int check_request(wt_pay_request *req, wetee_pay_options *o, const wetee_token *t, wetee_u128 amount,
                         const char *to, const char *memo, const wetee_pay_options *opts)
{
    wetee_pay_options def = WETEE_PAY_OPTIONS_INIT;
    size_t bad;
    WT_ARG(t && to, MOD, "NULL token or receiver");
    WT_ARG(amount.lo || amount.hi, MOD, "a payment of zero");
    if (opts) {
        WT_ARG(opts->version >= 1, MOD, "unknown options version");
        WT_ARG((opts->flags & ~(unsigned)(WETEE_PAY_FINALIZED | WETEE_PAY_ALLOW_DEATH | WETEE_PAY_MEMO_REMARK |
                                          WETEE_PAY_NO_CHECKS)) == 0,
               MOD, "unknown flag");
        def = *opts;
        def.version = WETEE_PAY_OPTIONS_VERSION;
    }
    if (def.timeout_ms == 0) def.timeout_ms = 60000;
    if (*to == 0) return wt_error(WETEE_ERR_DECODE, "pay: empty receiver address");
    if (memo) {
        size_t n = strlen(memo);
        if (n > WT_PAY_MEMO_MAX)
            return wt_error(WETEE_ERR_TOO_LONG, "pay: memo of %zu bytes (at most %d)", n, WT_PAY_MEMO_MAX);
        if (!wt_utf8_valid((const uint8_t *)memo, n, &bad))
            return wt_error(WETEE_ERR_DECODE, "pay: memo: invalid UTF-8 at offset %zu", bad);
    }
    *o = def;
    req->token = t;
    req->amount = amount;
    req->to = to;
    req->memo = memo && *memo ? memo : NULL;
    req->opts = o;
    return WETEE_OK;
}

static int route_for(const wt_route_entry **out, const wetee_payer *p, const wetee_token *t)
{
    const wt_route_entry *e = find_route(p, wetee_token_chain(t));
    *out = NULL;
    if (!e)
        return wt_error(WETEE_ERR_NOT_FOUND, "pay: no route for chain '%s' (add it to the payer first)",
                        wetee_token_chain(t));
    if (!e->route->accepts(wetee_token_kind_of(t)))
        return wt_error(WETEE_ERR_UNSUPPORTED, "pay: the %s route of chain '%s' cannot pay %s tokens", e->route->name,
                        e->chain, wetee_token_kind_name(wetee_token_kind_of(t)));
    *out = e;
    return WETEE_OK;
}

int wetee_pay_quote(wetee_buf *out, wetee_payer *p, const wetee_token *t, wetee_u128 amount, const char *to,
                    const char *memo, const wetee_pay_options *opts)
{
    wt_pay_request req;
    wetee_pay_options o;
    const wt_route_entry *e;
    int rc;
    WT_ARG(out && p, MOD, "NULL argument");
    if ((rc = check_request(&req, &o, t, amount, to, memo, opts)) != WETEE_OK) return rc;
    if ((rc = route_for(&e, p, t)) != WETEE_OK) return rc;
    return e->route->quote(e->ctx, out, &req);
}

int wetee_pay(wetee_pay_receipt **out, wetee_payer *p, const wetee_token *t, wetee_u128 amount, const char *to,
              const char *memo, const wetee_pay_options *opts)
{
    wt_pay_request req;
    wetee_pay_options o;
    const wt_route_entry *e;
    wetee_pay_receipt *r;
    int rc;
    WT_ARG(out, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(p, MOD, "p is NULL");
    if ((rc = check_request(&req, &o, t, amount, to, memo, opts)) != WETEE_OK) return rc;
    if ((rc = wt_pay_receipt_new(&r, &req)) != WETEE_OK) return rc;
    if ((rc = route_for(&e, p, t)) != WETEE_OK) {
        char detail[512];
        snprintf(detail, sizeof detail, "%s", wetee_last_error());
        wt_pay_receipt_set_failure(r, rc == WETEE_ERR_NOT_FOUND ? WETEE_PAY_NO_ROUTE : WETEE_PAY_UNKNOWN_TOKEN);
        wt_pay_receipt_set(r, WETEE_RECEIPT_ERROR, detail);
        wt_error(rc, "%s", detail);
        *out = r;
        return rc;
    }
    wt_pay_receipt_set(r, WETEE_RECEIPT_ROUTE, e->route->name);
    rc = e->route->pay(e->ctx, r, &req);
    if (rc == WETEE_OK) wt_pay_receipt_set_failure(r, WETEE_PAY_OK);
    else if (wetee_pay_receipt_failure(r) == WETEE_PAY_OK) wt_pay_receipt_set_failure(r, WETEE_PAY_ERROR);
    if (rc != WETEE_OK && !wetee_pay_receipt_field(r, WETEE_RECEIPT_ERROR)) {
        char detail[512];
        snprintf(detail, sizeof detail, "%s", wetee_last_error());
        wt_pay_receipt_set(r, WETEE_RECEIPT_ERROR, detail);
        wt_error(rc, "%s", detail);
    }
    *out = r;
    return rc;
}
