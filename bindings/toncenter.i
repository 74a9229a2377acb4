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

static wetee_rc wetee_toncenter_find_transaction_(wetee_buf *text_out, wetee_toncenter *c, const uint8_t hash[32]) {
  wetee_toncenter_tx t;
  char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE], h[65], json[512];
  wetee_rc rc = wetee_toncenter_find_transaction(&t, c, hash);
  if (rc) return rc;
  if ((rc = wetee_ton_address_to_raw(raw, sizeof raw, &t.account))) return rc;
  wetee_tc_hex_(h, t.hash);
  snprintf(json, sizeof json,
           "{\"account\": \"%s\", \"hash\": \"%s\", \"lt\": \"%llu\", \"utime\": %u, \"aborted\": %s, "
           "\"compute_success\": %s, \"exit_code\": %d, \"action_success\": %s, \"success\": %s}",
           raw, h, (unsigned long long)t.lt, (unsigned)t.utime, t.aborted ? "true" : "false",
           t.compute_success ? "true" : "false", t.exit_code, t.action_success ? "true" : "false",
           t.success ? "true" : "false");
  return wetee_tc_text_(text_out, json);
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
