/* TON payments: the internal message of a coin or jetton payment with a
 * text memo, the memo read back from a message or body, and one message
 * signed for a wallet with its TEP-467 normalised hash. See wetee/ton.h. */
#include "ton_impl.h"

#define OP_COMMENT 0u
#define OP_JETTON_TRANSFER 0x0f8a7ea5u
#define OP_JETTON_NOTIFICATION 0x7362d09cu

static int memo_comment(wetee_ton_cell **out, const char *memo, size_t len)
{
    size_t bad = 0;
    *out = NULL;
    if (len > WETEE_TON_MEMO_MAX_BYTES)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": payment: memo of %zu bytes, at most %u", len, WETEE_TON_MEMO_MAX_BYTES);
    if (!wt_utf8_valid((const uint8_t *)memo, len, &bad))
        return wt_error(WETEE_ERR_DECODE, MOD ": payment: memo is not UTF-8 at byte %zu", bad);
    if (len == 0) return WETEE_OK;
    return wetee_ton_comment(out, memo, len);
}

int wetee_ton_payment_message(wetee_ton_cell **out, const wetee_ton_address *payer,
                              const wetee_ton_address *jetton_wallet, const wetee_ton_address *to, wetee_u128 amount,
                              const char *memo, size_t memo_len, const wetee_ton_payment_options *opts)
{
    static const wetee_ton_payment_options dflt = WETEE_TON_PAYMENT_OPTIONS_INIT;
    wetee_ton_cell *comment = NULL, *body = NULL;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(to != NULL, MOD, "to is NULL");
    WT_ARG_DATA(memo, memo_len, MOD);
    if (opts == NULL) opts = &dflt;
    if (opts->version != WETEE_TON_PAYMENT_OPTIONS_VERSION)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": payment: unknown options version %u", opts->version);
    if (amount.lo == 0 && amount.hi == 0) return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": payment: amount is zero");
    if (amount.hi >> 56)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": payment: amount above 2^120-1 (the largest Coins value)");
    if (jetton_wallet && payer == NULL && opts->response_destination == NULL)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": payment: a jetton payment needs the payer's address");
    if ((rc = memo_comment(&comment, memo, memo_len))) return rc;
    if (jetton_wallet == NULL) {
        rc = wetee_ton_internal_message(out, to, amount, opts->bounce != 0, NULL, comment);
    } else {
        const wetee_ton_address *resp = opts->response_destination ? opts->response_destination : payer;
        rc = wetee_ton_jetton_transfer(&body, opts->query_id, amount, to, resp, NULL, opts->forward_ton_amount, comment,
                                       0);
        if (rc == WETEE_OK) rc = wetee_ton_internal_message(out, jetton_wallet, opts->jetton_ton_amount, 1, NULL, body);
    }
    wetee_ton_cell_free(comment);
    wetee_ton_cell_free(body);
    return rc;
}

/* ---- reading the memo back ---- */

static int skip_maybe_ref(ton_reader *r)
{
    uint64_t v;
    const wetee_ton_cell *c;
    int rc = ton_read_uint(r, &v, 1);
    if (rc == WETEE_OK && v) rc = ton_read_ref(r, &c);
    return rc;
}

/* StateInit inline: split_depth:(Maybe (## 5)) special:(Maybe TickTock)
 * code:(Maybe ^Cell) data:(Maybe ^Cell) library:(HashmapE 256 SimpleLib) */
static int skip_state_init(ton_reader *r)
{
    uint64_t v;
    int rc;
    if ((rc = ton_read_uint(r, &v, 1)) || (v && (rc = ton_read_uint(r, &v, 5)))) return rc;
    if ((rc = ton_read_uint(r, &v, 1)) || (v && (rc = ton_read_uint(r, &v, 2)))) return rc;
    if ((rc = skip_maybe_ref(r)) || (rc = skip_maybe_ref(r))) return rc;
    return skip_maybe_ref(r);
}

/* Position r at the body of an int_msg_info message (the reader then reads
 * either the rest of the message cell or the body reference). */
static int open_message_body(ton_reader *r)
{
    uint64_t v;
    wetee_ton_address a;
    wetee_u128 coins;
    int none, rc;
    const wetee_ton_cell *ref;
    if ((rc = ton_read_uint(r, &v, 1))) return rc;
    if (v != 0) return wt_error(WETEE_ERR_DECODE, MOD ": payment memo: message at bit 0: not an internal message");
    if ((rc = ton_read_uint(r, &v, 3))) return rc; /* ihr_disabled bounce bounced */
    if ((rc = ton_read_address(r, &a, &none)) || (rc = ton_read_address(r, &a, &none))) return rc;
    if ((rc = ton_read_coins(r, &coins)) || (rc = skip_maybe_ref(r))) return rc; /* value, extra currencies */
    if ((rc = ton_read_coins(r, &coins)) || (rc = ton_read_coins(r, &coins))) return rc; /* ihr_fee, fwd_fee */
    if ((rc = ton_read_uint(r, &v, 64)) || (rc = ton_read_uint(r, &v, 32))) return rc;  /* created_lt, created_at */
    if ((rc = ton_read_uint(r, &v, 1))) return rc;                                        /* init? */
    if (v) {
        if ((rc = ton_read_uint(r, &v, 1))) return rc;
        if (v) rc = ton_read_ref(r, &ref);
        else rc = skip_state_init(r);
        if (rc) return rc;
    }
    if ((rc = ton_read_uint(r, &v, 1))) return rc; /* body: Either X ^X */
    if (v) {
        if ((rc = ton_read_ref(r, &ref))) return rc;
        r->cell = ref;
        r->pos = 0;
        r->ref = 0;
    }
    return WETEE_OK;
}

/* A comment (op 0 + snake text) at r; an empty payload gives an empty memo. */
static int read_comment(wetee_buf *out, ton_reader *r)
{
    uint64_t op;
    wetee_ton_slice s;
    size_t bad = 0;
    int rc;
    wetee_buf_clear(out);
    if (r->pos == r->cell->bits && r->ref == r->cell->nrefs) return wt_buf_terminate(out);
    if (r->cell->bits - r->pos < 32)
        return wt_error(WETEE_ERR_NOT_FOUND, MOD ": payment memo: %u bits at bit %u are not a text comment",
                        r->cell->bits - r->pos, r->pos);
    if ((rc = ton_read_uint(r, &op, 32))) return rc;
    if (op != OP_COMMENT)
        return wt_error(WETEE_ERR_NOT_FOUND, MOD ": payment memo: op 0x%08x is not a text comment", (unsigned)op);
    s.r = *r;
    if ((rc = wetee_ton_slice_load_snake(out, &s))) return rc;
    if (!wt_utf8_valid(out->data, out->len, &bad))
        return wt_error(WETEE_ERR_DECODE, MOD ": payment memo: comment is not UTF-8 at byte %zu", bad);
    return WETEE_OK;
}

int wetee_ton_payment_memo(wetee_buf *out, const wetee_ton_cell *cell, int is_message)
{
    ton_reader r;
    uint64_t op, v;
    wetee_u128 coins;
    wetee_ton_address a;
    int none, rc;
    const wetee_ton_cell *ref;
    WT_ARG(out != NULL && cell != NULL, MOD, "out or cell is NULL");
    if (cell->exotic) return wt_error(WETEE_ERR_DECODE, MOD ": payment memo: an exotic cell is not a message or body");
    r.cell = cell;
    r.pos = 0;
    r.ref = 0;
    if (is_message && (rc = open_message_body(&r))) return rc;
    if (r.cell->exotic) return wt_error(WETEE_ERR_DECODE, MOD ": payment memo: the body is an exotic cell");
    if (r.cell->bits - r.pos < 32) return read_comment(out, &r);
    op = 0;
    {
        ton_reader peek = r;
        if ((rc = ton_read_uint(&peek, &op, 32))) return rc;
        if (op == OP_COMMENT) return read_comment(out, &r);
        r = peek;
    }
    if (op == OP_JETTON_TRANSFER) {
        /* query_id amount destination response_destination custom_payload forward_ton_amount */
        if ((rc = ton_read_uint(&r, &v, 64)) || (rc = ton_read_coins(&r, &coins)) ||
            (rc = ton_read_address(&r, &a, &none)) || (rc = ton_read_address(&r, &a, &none)) ||
            (rc = skip_maybe_ref(&r)) || (rc = ton_read_coins(&r, &coins)))
            return rc;
    } else if (op == OP_JETTON_NOTIFICATION) {
        /* query_id amount sender */
        if ((rc = ton_read_uint(&r, &v, 64)) || (rc = ton_read_coins(&r, &coins)) ||
            (rc = ton_read_address(&r, &a, &none)))
            return rc;
    } else {
        return wt_error(WETEE_ERR_NOT_FOUND, MOD ": payment memo: op 0x%08x is neither a comment nor a jetton transfer",
                        (unsigned)op);
    }
    /* forward_payload:(Either Cell ^Cell) */
    if ((rc = ton_read_uint(&r, &v, 1))) return rc;
    if (v) {
        if ((rc = ton_read_ref(&r, &ref))) return rc;
        if (ref->exotic) return wt_error(WETEE_ERR_DECODE, MOD ": payment memo: the forward payload is an exotic cell");
        r.cell = ref;
        r.pos = 0;
        r.ref = 0;
    }
    return read_comment(out, &r);
}

int wetee_ton_wallet_sign_payment(wetee_ton_cell **ext, uint8_t normalized_hash[32], const wetee_ton_wallet *w,
                                  const uint8_t secret[64], uint32_t seqno, uint32_t valid_until, unsigned mode,
                                  const wetee_ton_cell *message)
{
    wetee_ton_transfer *t = NULL;
    wetee_ton_cell *body = NULL;
    int rc;
    WT_ARG(ext != NULL, MOD, "ext is NULL");
    *ext = NULL;
    WT_ARG(w != NULL && secret != NULL && message != NULL, MOD, "w, secret or message is NULL");
    WT_ARG(mode <= 255, MOD, "mode above 255");
    if ((rc = wetee_ton_transfer_new(&t)) || (rc = wetee_ton_transfer_add(t, mode, message)) ||
        (rc = wetee_ton_wallet_sign_transfer(&body, w, secret, seqno, valid_until, t)) ||
        (rc = wetee_ton_wallet_external(ext, w, body, seqno == 0)))
        goto done;
    if (normalized_hash && (rc = wetee_ton_message_normalized_hash(normalized_hash, *ext))) {
        wetee_ton_cell_free(*ext);
        *ext = NULL;
    }
done:
    wetee_ton_transfer_free(t);
    wetee_ton_cell_free(body);
    return rc;
}
