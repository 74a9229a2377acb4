/* Private interface of the pay module (include/wetee/pay.h): routes and
 * receipts. A route pays the tokens of one chain name of a payer; the
 * Substrate route is src/pay/substrate.c, the TON routes plug in the same
 * way (a public wetee_payer_add_<route>() that calls wt_payer_add_route()).
 * Not installed. */
#ifndef WETEE_INTERNAL_PAY_H
#define WETEE_INTERNAL_PAY_H

#include <stdint.h>

#include "wetee/pay.h"

/* A payment request as the routes see it: checked by wetee_pay() /
 * wetee_pay_quote() (non-NULL token and receiver, memo NULL or UTF-8 of at
 * most WT_PAY_MEMO_MAX bytes, opts never NULL). */
typedef struct wt_pay_request {
    const wetee_token *token;
    wetee_u128 amount;
    const char *to;
    const char *memo;                /* NULL when none */
    const wetee_pay_options *opts;   /* defaults filled in; timeout_ms non-zero */
} wt_pay_request;

#define WT_PAY_MEMO_MAX 1024

typedef struct wt_pay_route {
    const char *name; /* "substrate", "ton", ... */
    /* 1 when the route can pay this kind of token */
    int (*accepts)(int token_kind);
    /* Quote: write the JSON of wetee_pay_quote() */
    int (*quote)(void *ctx, wetee_buf *out, const wt_pay_request *req);
    /* Pay: fill `r` (made by wt_pay_receipt_new()), return WETEE_OK when
     * confirmed; on failure set the receipt's failure and what is known and
     * return the status code (with the detail set). */
    int (*pay)(void *ctx, wetee_pay_receipt *r, const wt_pay_request *req);
    /* Release ctx (may be NULL) */
    void (*free_ctx)(void *ctx);
} wt_pay_route;

/* Register a route for a chain name (validated); the payer takes `ctx`
 * (free_ctx is called on it also when this fails). WETEE_ERR_STATE when the
 * chain name already has a route. */
int wt_payer_add_route(wetee_payer *p, const char *chain, const wt_pay_route *route, void *ctx);

/* Chain names: 1..WETEE_TOKEN_MAX_CHAIN of [a-z0-9._-]; WETEE_ERR_DECODE /
 * WETEE_ERR_TOO_LONG with "pay: <what>: ..." otherwise. */
int wt_pay_check_chain_name(const char *chain, const char *what);

/* Receipts. wt_pay_receipt_new() records the request (token, amount and
 * its text, receiver, memo), status "refused", failure WETEE_PAY_ERROR
 * until the route says otherwise. */
int wt_pay_receipt_new(wetee_pay_receipt **out, const wt_pay_request *req);
/* Replace a text field (WETEE_RECEIPT_*; NULL clears). WETEE_RECEIPT_EVENT
 * holds JSON (written as is). */
int wt_pay_receipt_set(wetee_pay_receipt *r, int field, const char *value);
void wt_pay_receipt_set_failure(wetee_pay_receipt *r, int failure);
void wt_pay_receipt_set_block_number(wetee_pay_receipt *r, uint64_t n);
/* TON: the transaction's logical time (written as "logical_time"). */
void wt_pay_receipt_set_logical_time(wetee_pay_receipt *r, uint64_t lt);


/* Token internals used by routes */
const char *wt_token_alias(const wetee_token *t); /* "" when none */

#endif
