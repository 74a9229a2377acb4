/*
 * toncenter.i - the toncenter HTTP client of wetee/toncenter.h.
 *
 * wetee_toncenter is a handle (WETEE_HANDLE). The result structs
 * (account, transaction, trace) cross the binding as JSON text made by the
 * wrappers below, which the Python and Go packages parse:
 *   account:     {"balance": "<decimal>", "state": "uninitialized|active|frozen",
 *                 "last_lt": "<decimal>", "last_hash": "<hex>"}
 *   transaction: {"account": "wc:hex", "hash": "<hex>", "lt": "<decimal>", "utime": n,
 *                 "aborted": b, "compute_success": b, "exit_code": n,
 *                 "action_success": b, "success": b}
 *   trace:       {"trace_id": "<hex>", "complete": b, "transactions": n,
 *                 "failed": n, "pending_messages": n}
 *   message:     {"hash": "<hex>", "source": "wc:hex"|null, "destination": "wc:hex"|null,
 *                 "value": "<decimal>", "created_lt": "<decimal>", "bounce": b,
 *                 "bounced": b, "opcode": n|null}
 *   confirmation: {"status": "unknown|pending|confirmed|failed|bounced",
 *                 "error": "<detail>"|null, "hops": n, "wallet_tx": transaction|null,
 *                 "payment": message|null, "last_tx": transaction|null,
 *                 "bounce": message|null}
 *                 (a timeout, failure or bounce is a result, not an error)
 *   parsed:      {"transaction": transaction, "in_msg": message|null,
 *                 "out_msgs": [message, ...]}  (wetee_toncenter_parse_transaction)
 * Addresses are text in any form wetee_ton_address_parse() takes; returned
 * addresses are raw ("wc:hex"). In a build without the network parts every
 * call fails with WETEE_ERR_UNSUPPORTED.
 */

#ifdef SWIGPYTHON
/* network calls: release the GIL */
%thread wetee_toncenter_send_boc;
%thread wetee_toncenter_seqno;
%thread wetee_toncenter_run_get_method_;
%thread wetee_toncenter_jetton_wallet_address_;
%thread wetee_toncenter_account_info_;
%thread wetee_toncenter_find_transaction_;
%thread wetee_toncenter_find_trace_;
%thread wetee_toncenter_confirm_;
#endif

WETEE_HANDLE(wetee_toncenter, wetee_toncenter_free)
void wetee_toncenter_free(wetee_toncenter *c);

%apply const char *optional_text { const char *v2_url, const char *v3_url, const char *api_key, const char *stack_json };

%rename(toncenter_new) wetee_toncenter_new_;
%rename(toncenter_run_get_method) wetee_toncenter_run_get_method_;
%rename(toncenter_jetton_wallet_address) wetee_toncenter_jetton_wallet_address_;
%rename(toncenter_account_info) wetee_toncenter_account_info_;
%rename(toncenter_find_transaction) wetee_toncenter_find_transaction_;
%rename(toncenter_find_trace) wetee_toncenter_find_trace_;
%rename(toncenter_confirm) wetee_toncenter_confirm_;
%rename(toncenter_parse_transaction) wetee_toncenter_parse_transaction_;
%inline %{
static wetee_rc wetee_toncenter_new_(wetee_toncenter **out, const char *v2_url, const char *v3_url,
                                     const char *api_key, unsigned timeout_ms, unsigned max_retries,
                                     unsigned backoff_ms, unsigned max_backoff_ms) {
  wetee_toncenter_options o = WETEE_TONCENTER_OPTIONS_INIT;
  o.v2_url = v2_url;
  o.v3_url = v3_url;
  o.api_key = api_key;
  o.timeout_ms = timeout_ms;
  o.max_retries = max_retries;
  o.backoff_ms = backoff_ms;
  o.max_backoff_ms = max_backoff_ms;
  return wetee_toncenter_new(out, &o);
}

static void wetee_tc_hex_(char *dst, const uint8_t *h) {
  static const char d[] = "0123456789abcdef";
  for (int i = 0; i < 32; i++) { dst[2 * i] = d[h[i] >> 4]; dst[2 * i + 1] = d[h[i] & 15]; }
  dst[64] = 0;
}

static wetee_rc wetee_tc_text_(wetee_buf *text_out, const char *s) {
  wetee_buf b = WETEE_BUF_INIT;
  wetee_rc rc = wetee_buf_append(&b, (const uint8_t *)s, strlen(s) + 1);
  if (rc) return rc;
  b.len--; /* the NUL stays after the text */
  wetee_buf_free(text_out);
  *text_out = b;
  return WETEE_OK;
}

static wetee_rc wetee_toncenter_run_get_method_(wetee_buf *text_out, wetee_toncenter *c, const char *address,
                                                const char *method, const char *stack_json) {
  int ec = 0;
  return wetee_toncenter_run_get_method(text_out, &ec, c, address, method, stack_json);
}

static wetee_rc wetee_toncenter_jetton_wallet_address_(wetee_buf *text_out, wetee_toncenter *c, const char *master,
                                                       const char *owner) {
  wetee_ton_address o, jw;
  char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
  wetee_rc rc;
  if (owner == NULL) return WETEE_ERR_INVALID_ARGUMENT;
  if ((rc = wetee_ton_address_parse(&o, NULL, owner, strlen(owner)))) return rc;
  if ((rc = wetee_toncenter_jetton_wallet_address(&jw, c, master, &o))) return rc;
  if ((rc = wetee_ton_address_to_raw(raw, sizeof raw, &jw))) return rc;
  return wetee_tc_text_(text_out, raw);
}

static wetee_rc wetee_toncenter_account_info_(wetee_buf *text_out, wetee_toncenter *c, const char *address) {
  static const char *const states[] = { "uninitialized", "active", "frozen" };
  wetee_toncenter_account a;
  char bal[WETEE_U128_DECIMAL_BUFSIZE], hash[65], json[256];
  wetee_rc rc = wetee_toncenter_account_info(&a, c, address);
  if (rc) return rc;
  if ((rc = wetee_u128_to_decimal(bal, sizeof bal, a.balance, 0))) return rc;
  wetee_tc_hex_(hash, a.last_hash);
  snprintf(json, sizeof json, "{\"balance\": \"%s\", \"state\": \"%s\", \"last_lt\": \"%llu\", \"last_hash\": \"%s\"}",
           bal, states[a.state >= 0 && a.state <= 2 ? a.state : 0], (unsigned long long)a.last_lt, hash);
  return wetee_tc_text_(text_out, json);
}

/* a transaction as JSON into dst (at least 512 bytes) */
static wetee_rc wetee_tc_tx_json_(char *dst, size_t size, const wetee_toncenter_tx *t) {
  char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE], h[65];
  wetee_rc rc = wetee_ton_address_to_raw(raw, sizeof raw, &t->account);
  if (rc) return rc;
  wetee_tc_hex_(h, t->hash);
  snprintf(dst, size,
           "{\"account\": \"%s\", \"hash\": \"%s\", \"lt\": \"%llu\", \"utime\": %u, \"aborted\": %s, "
           "\"compute_success\": %s, \"exit_code\": %d, \"action_success\": %s, \"success\": %s}",
           raw, h, (unsigned long long)t->lt, (unsigned)t->utime, t->aborted ? "true" : "false",
           t->compute_success ? "true" : "false", t->exit_code, t->action_success ? "true" : "false",
           t->success ? "true" : "false");
  return WETEE_OK;
}

/* a message as JSON into dst (at least 512 bytes) */
static wetee_rc wetee_tc_msg_json_(char *dst, size_t size, const wetee_toncenter_msg *m) {
  char src[WETEE_TON_ADDRESS_RAW_BUFSIZE + 2] = "null", dst_a[WETEE_TON_ADDRESS_RAW_BUFSIZE + 2] = "null";
  char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE], h[65], val[WETEE_U128_DECIMAL_BUFSIZE], op[16] = "null";
  wetee_rc rc;
  if (m->has_source) {
    if ((rc = wetee_ton_address_to_raw(raw, sizeof raw, &m->source))) return rc;
    snprintf(src, sizeof src, "\"%s\"", raw);
  }
  if (m->has_destination) {
    if ((rc = wetee_ton_address_to_raw(raw, sizeof raw, &m->destination))) return rc;
    snprintf(dst_a, sizeof dst_a, "\"%s\"", raw);
  }
  if ((rc = wetee_u128_to_decimal(val, sizeof val, m->value, 0))) return rc;
  if (m->opcode >= 0) snprintf(op, sizeof op, "%lld", (long long)m->opcode);
  wetee_tc_hex_(h, m->hash);
  snprintf(dst, size,
           "{\"hash\": \"%s\", \"source\": %s, \"destination\": %s, \"value\": \"%s\", \"created_lt\": \"%llu\", "
           "\"bounce\": %s, \"bounced\": %s, \"opcode\": %s}",
           h, src, dst_a, val, (unsigned long long)m->created_lt, m->bounce ? "true" : "false",
           m->bounced ? "true" : "false", op);
  return WETEE_OK;
}

static wetee_rc wetee_toncenter_find_transaction_(wetee_buf *text_out, wetee_toncenter *c, const uint8_t hash[32]) {
  wetee_toncenter_tx t;
  char json[512];
  wetee_rc rc = wetee_toncenter_find_transaction(&t, c, hash);
  if (rc) return rc;
  if ((rc = wetee_tc_tx_json_(json, sizeof json, &t))) return rc;
  return wetee_tc_text_(text_out, json);
}

/* the confirmation of a payment as JSON; timeouts, failures and bounces are results */
static wetee_rc wetee_toncenter_confirm_(wetee_buf *text_out, wetee_toncenter *c, const uint8_t hash[32],
                                         unsigned hops, unsigned timeout_ms, unsigned poll_ms) {
  static const char *const names[] = { "unknown", "pending", "confirmed", "failed", "bounced" };
  wetee_toncenter_confirm_options o = WETEE_TONCENTER_CONFIRM_OPTIONS_INIT;
  wetee_toncenter_confirmation r;
  char wallet[512] = "null", pay[512] = "null", last[512] = "null", bounce[512] = "null", err[640] = "null";
  char json[3200];
  wetee_rc rc;
  o.hops = hops;
  o.timeout_ms = timeout_ms;
  o.poll_ms = poll_ms;
  rc = wetee_toncenter_confirm(&r, c, hash, &o);
  if (rc != WETEE_OK && rc != WETEE_ERR_TIMEOUT && rc != WETEE_ERR_STATE) return rc;
  if (rc != WETEE_OK) { /* the detail as a JSON string */
    const char *d = wetee_last_error();
    size_t k = 0;
    err[k++] = '"';
    for (; *d && k < sizeof err - 3; d++) {
      if (*d == '"' || *d == '\\') { err[k++] = '\\'; }
      err[k++] = (*d >= 0x20 || *d < 0) ? *d : ' ';
    }
    err[k++] = '"';
    err[k] = 0;
  }
  if (r.has_wallet_tx && (rc = wetee_tc_tx_json_(wallet, sizeof wallet, &r.wallet_tx))) return rc;
  if (r.has_payment && (rc = wetee_tc_msg_json_(pay, sizeof pay, &r.payment))) return rc;
  if (r.has_last_tx && (rc = wetee_tc_tx_json_(last, sizeof last, &r.last_tx))) return rc;
  if (r.has_bounce && (rc = wetee_tc_msg_json_(bounce, sizeof bounce, &r.bounce))) return rc;
  snprintf(json, sizeof json,
           "{\"status\": \"%s\", \"error\": %s, \"hops\": %u, \"wallet_tx\": %s, \"payment\": %s, \"last_tx\": %s, "
           "\"bounce\": %s}",
           names[r.status >= 0 && r.status <= 4 ? r.status : 0], err, r.hops, wallet, pay, last, bounce);
  return wetee_tc_text_(text_out, json);
}

/* a v3 transaction list answer (json) parsed: transaction, in_msg, up to 16 out_msgs */
static wetee_rc wetee_toncenter_parse_transaction_(wetee_buf *text_out, const char *json, size_t json_len) {
  wetee_toncenter_tx t;
  wetee_toncenter_msg in, outs[16];
  size_t n = 0, k;
  char tx[512], one[512];
  wetee_buf b = WETEE_BUF_INIT;
  wetee_rc rc = wetee_toncenter_parse_transaction(&t, &in, outs, 16, &n, json, json_len);
  if (rc) return rc;
  if ((rc = wetee_tc_tx_json_(tx, sizeof tx, &t)) || (rc = wetee_tc_msg_json_(one, sizeof one, &in))) return rc;
  if ((rc = wetee_buf_append(&b, (const uint8_t *)"{\"transaction\": ", 16)) ||
      (rc = wetee_buf_append(&b, (const uint8_t *)tx, strlen(tx))) ||
      (rc = wetee_buf_append(&b, (const uint8_t *)", \"in_msg\": ", 12)) ||
      (rc = wetee_buf_append(&b, (const uint8_t *)one, strlen(one))) ||
      (rc = wetee_buf_append(&b, (const uint8_t *)", \"out_msgs\": [", 15)))
    goto fail;
  for (k = 0; k < n && k < 16; k++) {
    if ((rc = wetee_tc_msg_json_(one, sizeof one, &outs[k])) ||
        (k && (rc = wetee_buf_append(&b, (const uint8_t *)", ", 2))) ||
        (rc = wetee_buf_append(&b, (const uint8_t *)one, strlen(one))))
      goto fail;
  }
  if ((rc = wetee_buf_append(&b, (const uint8_t *)"]}", 3))) goto fail;
  b.len--;
  wetee_buf_free(text_out);
  *text_out = b;
  return WETEE_OK;
fail:
  wetee_buf_free(&b);
  return rc;
}

static wetee_rc wetee_toncenter_find_trace_(wetee_buf *text_out, wetee_toncenter *c, const uint8_t hash[32]) {
  wetee_toncenter_trace t;
  char h[65], json[256];
  wetee_rc rc = wetee_toncenter_find_trace(&t, c, hash);
  if (rc) return rc;
  wetee_tc_hex_(h, t.trace_id);
  snprintf(json, sizeof json,
           "{\"trace_id\": \"%s\", \"complete\": %s, \"transactions\": %u, \"failed\": %u, \"pending_messages\": %u}",
           h, t.complete ? "true" : "false", (unsigned)t.transactions, (unsigned)t.failed,
           (unsigned)t.pending_messages);
  return wetee_tc_text_(text_out, json);
}
%}

wetee_rc wetee_toncenter_send_boc(uint8_t out[32], wetee_toncenter *c, const uint8_t *data, size_t len);
wetee_rc wetee_toncenter_seqno(uint32_t *out, wetee_toncenter *c, const char *address);
