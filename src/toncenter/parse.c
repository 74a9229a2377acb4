/* Parsing of toncenter v3 transaction answers (jansson). Built with and
 * without the network parts: wetee_toncenter_parse_transaction() is pure. */
#include <inttypes.h>
#include <stdio.h>

#include "tc_impl.h"

int tc_get_b64_32(uint8_t out[32], json_t *v, const char *what, const char *field)
{
    wetee_buf b = WETEE_BUF_INIT;
    const char *s = json_string_value(v);
    size_t n = s ? json_string_length(v) : 0;
    int ok = s && n <= 64 && wetee_base64_decode(&b, s, n, 0) == WETEE_OK && b.len == 32;
    if (!ok && s && n <= 64) { /* the indexer may send URL-safe base64 */
        wetee_buf_free(&b);
        ok = wetee_base64_decode(&b, s, n, WETEE_BASE64_URL) == WETEE_OK && b.len == 32;
    }
    if (ok) memcpy(out, b.data, 32);
    wetee_buf_free(&b);
    return ok ? WETEE_OK : wt_error(WETEE_ERR_DECODE, MOD ": %s: \"%s\" is not a base64 32-byte hash", what, field);
}

/* A decimal integer given as a JSON string or number. */
int tc_get_u64(uint64_t *out, json_t *v, const char *what, const char *field)
{
    if (json_is_integer(v) && json_integer_value(v) >= 0) {
        *out = (uint64_t)json_integer_value(v);
        return WETEE_OK;
    }
    if (json_is_string(v)) {
        wetee_u128 x;
        if (wetee_u128_from_decimal(&x, json_string_value(v), json_string_length(v), 0) == WETEE_OK && x.hi == 0) {
            *out = x.lo;
            return WETEE_OK;
        }
    }
    return wt_error(WETEE_ERR_DECODE, MOD ": %s: \"%s\" is not an unsigned integer", what, field);
}

static int get_int(json_t *v, int dflt)
{
    json_int_t x;
    if (!json_is_integer(v)) return dflt;
    x = json_integer_value(v);
    return x < INT32_MIN ? INT32_MIN : x > INT32_MAX ? INT32_MAX : (int)x;
}

/* Outcome of a v3 transaction object. */
int tc_read_tx(wetee_toncenter_tx *out, tc_tx_extra *extra, json_t *tx, const char *what)
{
    json_t *d = json_object_get(tx, "description"), *cp = json_object_get(d, "compute_ph"),
           *ac = json_object_get(d, "action"), *bp = json_object_get(d, "bounce");
    json_t *acct = json_object_get(tx, "account");
    const char *bt = json_string_value(json_object_get(bp, "type"));
    uint64_t now = 0;
    tc_tx_extra x = { 0, 0, 0, 0 };
    int rc;
    memset(out, 0, sizeof *out);
    if (!json_is_object(tx)) return wt_error(WETEE_ERR_DECODE, MOD ": %s: a transaction is not an object", what);
    if (!json_is_object(d)) return wt_error(WETEE_ERR_DECODE, MOD ": %s: transaction without \"description\"", what);
    if (!json_is_string(acct) ||
        wetee_ton_address_parse(&out->account, NULL, json_string_value(acct), json_string_length(acct)) != WETEE_OK)
        return wt_error(WETEE_ERR_DECODE, MOD ": %s: transaction \"account\" is not an address", what);
    if ((rc = tc_get_b64_32(out->hash, json_object_get(tx, "hash"), what, "hash")) ||
        (rc = tc_get_u64(&out->lt, json_object_get(tx, "lt"), what, "lt")) ||
        (rc = tc_get_u64(&now, json_object_get(tx, "now"), what, "now")))
        return rc;
    if (now > UINT32_MAX) return wt_error(WETEE_ERR_DECODE, MOD ": %s: \"now\" above 2^32-1", what);
    out->utime = (uint32_t)now;
    out->aborted = json_is_true(json_object_get(d, "aborted"));
    out->compute_success = json_is_true(json_object_get(cp, "success"));
    out->exit_code = get_int(json_object_get(cp, "exit_code"), 0);
    out->action_success = json_is_true(json_object_get(ac, "success"));
    x.compute_skipped = json_is_true(json_object_get(cp, "skipped"));
    x.has_action = json_is_object(ac);
    x.result_code = get_int(json_object_get(ac, "result_code"), 0);
    x.bounce_phase = bt != NULL && !strcmp(bt, "ok");
    /* a skipped compute phase (a plain transfer to an account without code)
     * and no action phase are not failures */
    out->success = !out->aborted && (out->compute_success || x.compute_skipped) && (out->action_success || !x.has_action);
    if (extra) *extra = x;
    return WETEE_OK;
}

static int get_address(wetee_ton_address *out, int *has, json_t *v, const char *what, const char *field)
{
    *has = 0;
    if (v == NULL || json_is_null(v)) return WETEE_OK;
    if (!json_is_string(v) || wetee_ton_address_parse(out, NULL, json_string_value(v), json_string_length(v)) != WETEE_OK)
        return wt_error(WETEE_ERR_DECODE, MOD ": %s: message \"%s\" is not an address", what, field);
    *has = 1;
    return WETEE_OK;
}

/* opcode: a number, "0x..." hex or decimal text, or null */
static int get_opcode(int64_t *out, json_t *v, const char *what)
{
    *out = -1;
    if (v == NULL || json_is_null(v)) return WETEE_OK;
    if (json_is_integer(v)) {
        json_int_t x = json_integer_value(v);
        if (x >= INT32_MIN && x <= (json_int_t)UINT32_MAX) {
            *out = (int64_t)(uint32_t)x;
            return WETEE_OK;
        }
    } else if (json_is_string(v)) {
        const char *s = json_string_value(v);
        size_t n = json_string_length(v);
        uint64_t x = 0;
        if (n > 2 && n <= 10 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
            size_t i;
            for (i = 2; i < n; i++) {
                char ch = s[i];
                int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                      : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
                if (d < 0) break;
                x = x << 4 | (uint64_t)d;
            }
            if (i == n) {
                *out = (int64_t)x;
                return WETEE_OK;
            }
        } else if (tc_get_u64(&x, v, what, "opcode") == WETEE_OK && x <= UINT32_MAX) {
            *out = (int64_t)x;
            return WETEE_OK;
        }
    }
    return wt_error(WETEE_ERR_DECODE, MOD ": %s: message \"opcode\" is not a 32-bit opcode", what);
}

static int read_msg(wetee_toncenter_msg *m, json_t *j, const char *what)
{
    json_t *v;
    int rc;
    memset(m, 0, sizeof *m);
    if (!json_is_object(j)) return wt_error(WETEE_ERR_DECODE, MOD ": %s: a message is not an object", what);
    if ((rc = tc_get_b64_32(m->hash, json_object_get(j, "hash"), what, "message hash")) ||
        (rc = get_address(&m->source, &m->has_source, json_object_get(j, "source"), what, "source")) ||
        (rc = get_address(&m->destination, &m->has_destination, json_object_get(j, "destination"), what,
                          "destination")) ||
        (rc = get_opcode(&m->opcode, json_object_get(j, "opcode"), what)))
        return rc;
    v = json_object_get(j, "value");
    if (json_is_string(v)) {
        if (wetee_u128_from_decimal(&m->value, json_string_value(v), json_string_length(v), 0) != WETEE_OK)
            return wt_error(WETEE_ERR_DECODE, MOD ": %s: message \"value\" is not a decimal amount", what);
    } else if (json_is_integer(v) && json_integer_value(v) >= 0) {
        m->value.lo = (uint64_t)json_integer_value(v);
    } else if (v != NULL && !json_is_null(v)) {
        return wt_error(WETEE_ERR_DECODE, MOD ": %s: message \"value\" is not a decimal amount", what);
    }
    v = json_object_get(j, "created_lt");
    if (v != NULL && !json_is_null(v) && (rc = tc_get_u64(&m->created_lt, v, what, "created_lt"))) return rc;
    m->bounce = json_is_true(json_object_get(j, "bounce"));
    m->bounced = json_is_true(json_object_get(j, "bounced"));
    return WETEE_OK;
}

int tc_parse_tx_list(wetee_toncenter_tx *tx, tc_tx_extra *extra, wetee_toncenter_msg *in_msg,
                     wetee_toncenter_msg *out_msgs, size_t max_out, size_t *out_count, json_t *root,
                     const char *what)
{
    json_t *txs = json_object_get(root, "transactions"), *t, *outs, *in;
    size_t n;
    int rc;
    if (out_count) *out_count = 0;
    if (!json_is_array(txs)) return wt_error(WETEE_ERR_DECODE, MOD ": %s: answer without a \"transactions\" array", what);
    if (json_array_size(txs) == 0) return wt_error(WETEE_ERR_NOT_FOUND, MOD ": %s: no transaction", what);
    t = json_array_get(txs, 0);
    if ((rc = tc_read_tx(tx, extra, t, what))) return rc;
    in = json_object_get(t, "in_msg");
    if (in_msg) {
        if (in == NULL || json_is_null(in)) return wt_error(WETEE_ERR_DECODE, MOD ": %s: transaction without \"in_msg\"", what);
        if ((rc = read_msg(in_msg, in, what))) return rc;
    }
    outs = json_object_get(t, "out_msgs");
    if (outs == NULL || json_is_null(outs)) return WETEE_OK;
    if (!json_is_array(outs)) return wt_error(WETEE_ERR_DECODE, MOD ": %s: \"out_msgs\" is not an array", what);
    n = json_array_size(outs);
    for (size_t i = 0; i < n; i++) {
        wetee_toncenter_msg m;
        if ((rc = read_msg(&m, json_array_get(outs, i), what))) return rc;
        if (i < max_out) out_msgs[i] = m;
    }
    if (out_count) *out_count = n;
    return WETEE_OK;
}

int wetee_toncenter_parse_transaction(wetee_toncenter_tx *tx, wetee_toncenter_msg *in_msg,
                                      wetee_toncenter_msg *out_msgs, size_t max_out, size_t *out_count,
                                      const char *json, size_t json_len)
{
    json_error_t e;
    json_t *root;
    int rc;
    WT_ARG(tx != NULL, MOD, "tx is NULL");
    WT_ARG(out_msgs != NULL || max_out == 0, MOD, "out_msgs is NULL");
    WT_ARG_OUT_LEN(max_out, MOD);
    WT_ARG(max_out <= WT_LEN_MAX / sizeof *out_msgs, MOD, "max_out larger than any array");
    WT_ARG_DATA(json, json_len, MOD);
    if (json_len > TC_MAX_ANSWER)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": answer of %zu bytes, at most %u", json_len, TC_MAX_ANSWER);
    root = json_loadb(json, json_len, JSON_REJECT_DUPLICATES, &e);
    if (root == NULL)
        return wt_error(WETEE_ERR_DECODE, MOD ": transactions: answer is not JSON (line %d: %.80s)", e.line, e.text);
    rc = tc_parse_tx_list(tx, NULL, in_msg, out_msgs, max_out, out_count, root, "transactions");
    json_decref(root);
    return rc;
}
