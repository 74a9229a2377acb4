/*
 * pay.i - payments (wetee/pay.h): the token registry, exact amounts, the
 * payer with its Substrate routes, quotes and receipts.
 *
 * wetee_token_registry and wetee_payer are handles (WETEE_HANDLE). A token
 * is owned by its registry, so it crosses the binding as its identity
 * (chain, kind, id) and the wrappers below look it up again; tokens come
 * back as the JSON of wetee_token_to_json(). Options are flattened (flags,
 * timeout, fee token identity, max fee, mortal period). A payment that got
 * as far as a receipt returns WETEE_OK with
 *   {"rc": <status>, "detail": "<wetee_last_error()>", "receipt": {...}}
 * (rc 0 when confirmed), so the packages can raise with the receipt
 * attached. The payer borrows the registry, chain and keypair: the
 * Python and Go packages keep them referenced while the payer lives.
 */

WETEE_HANDLE(wetee_token_registry, wetee_token_registry_free)
WETEE_HANDLE(wetee_payer, wetee_payer_free)
void wetee_token_registry_free(wetee_token_registry *r);
void wetee_payer_free(wetee_payer *p);

%constant int TOKEN_NATIVE = WETEE_TOKEN_NATIVE;
%constant int TOKEN_ASSET = WETEE_TOKEN_ASSET;
%constant int TOKEN_FOREIGN_ASSET = WETEE_TOKEN_FOREIGN_ASSET;
%constant int TOKEN_CURRENCY = WETEE_TOKEN_CURRENCY;
%constant int TOKEN_TON = WETEE_TOKEN_TON;
%constant int TOKEN_JETTON = WETEE_TOKEN_JETTON;
%constant int TOKEN_REGISTRY_EMPTY = WETEE_TOKEN_REGISTRY_EMPTY;
%constant int AMOUNT_NO_SYMBOL = WETEE_AMOUNT_NO_SYMBOL;
%constant int PAY_FINALIZED = WETEE_PAY_FINALIZED;
%constant int PAY_ALLOW_DEATH = WETEE_PAY_ALLOW_DEATH;
%constant int PAY_MEMO_REMARK = WETEE_PAY_MEMO_REMARK;
%constant int PAY_NO_CHECKS = WETEE_PAY_NO_CHECKS;

#ifdef SWIGPYTHON
%thread wetee_payb_quote;
%thread wetee_payb_pay;
#endif

%apply const char *optional_text { const char *id, const char *memo, const char *fee_chain, const char *fee_id };

%{
/* the options of a quote or payment (C only) */
static wetee_rc wetee_payb_opts_(wetee_pay_options *o, wetee_token_registry *r, unsigned flags, unsigned timeout_ms,
                                 const char *fee_chain, int fee_kind, const char *fee_id, wetee_u128 max_fee,
                                 uint64_t mortal_period) {
  o->flags = flags;
  o->timeout_ms = timeout_ms;
  o->max_fee = max_fee;
  o->mortal_period = mortal_period;
  if (fee_chain) return wetee_token_lookup(&o->fee_token, r, fee_chain, fee_kind, fee_id);
  return WETEE_OK;
}
%}

%inline %{
static wetee_rc wetee_payb_registry_new(wetee_token_registry **out, unsigned flags) {
  return wetee_token_registry_new(out, flags);
}
/* add a token; its JSON in text_out */
static wetee_rc wetee_payb_registry_add(wetee_buf *text_out, wetee_token_registry *r, const char *chain, int kind,
                                        const char *id, const char *symbol, unsigned decimals) {
  const wetee_token *t = NULL;
  wetee_rc rc = wetee_token_registry_add(&t, r, chain, kind, id, symbol, decimals);
  return rc ? rc : wetee_token_to_json(text_out, t);
}
static wetee_rc wetee_payb_registry_add_json(wetee_token_registry *r, const char *json) {
  return wetee_token_registry_add_json(r, json, SIZE_MAX);
}
/* all tokens as a JSON array */
static wetee_rc wetee_payb_registry_list(wetee_buf *text_out, wetee_token_registry *r) {
  wetee_buf all = WETEE_BUF_INIT, one = WETEE_BUF_INIT;
  size_t i, n = wetee_token_registry_count(r);
  wetee_rc rc = wetee_buf_append(&all, (const uint8_t *)"[", 1);
  for (i = 0; i < n && rc == WETEE_OK; i++) {
    rc = wetee_token_to_json(&one, wetee_token_registry_at(r, i));
    if (rc == WETEE_OK && i) rc = wetee_buf_append(&all, (const uint8_t *)",", 1);
    if (rc == WETEE_OK) rc = wetee_buf_append(&all, one.data, one.len);
  }
  if (rc == WETEE_OK) rc = wetee_buf_append(&all, (const uint8_t *)"]", 2);
  wetee_buf_free(&one);
  if (rc) {
    wetee_buf_free(&all);
    return rc;
  }
  all.len--; /* the NUL stays after the text */
  wetee_buf_free(text_out);
  *text_out = all;
  return WETEE_OK;
}
static wetee_rc wetee_payb_lookup(wetee_buf *text_out, wetee_token_registry *r, const char *chain, int kind,
                                  const char *id) {
  const wetee_token *t = NULL;
  wetee_rc rc = wetee_token_lookup(&t, r, chain, kind, id);
  return rc ? rc : wetee_token_to_json(text_out, t);
}
static wetee_rc wetee_payb_lookup_symbol(wetee_buf *text_out, wetee_token_registry *r, const char *chain,
                                         const char *symbol) {
  const wetee_token *t = NULL;
  wetee_rc rc = wetee_token_lookup_symbol(&t, r, chain, symbol);
  return rc ? rc : wetee_token_to_json(text_out, t);
}
static wetee_rc wetee_payb_amount_parse(wetee_u128 *out, wetee_token_registry *r, const char *chain, int kind,
                                        const char *id, const char *text) {
  const wetee_token *t = NULL;
  wetee_rc rc = wetee_token_lookup(&t, r, chain, kind, id);
  return rc ? rc : wetee_amount_parse(out, t, text, SIZE_MAX);
}
static wetee_rc wetee_payb_amount_format(wetee_buf *text_out, wetee_token_registry *r, const char *chain, int kind,
                                         const char *id, wetee_u128 amount, unsigned flags) {
  const wetee_token *t = NULL;
  wetee_rc rc = wetee_token_lookup(&t, r, chain, kind, id);
  return rc ? rc : wetee_amount_format(text_out, t, amount, flags);
}
static wetee_rc wetee_payb_payer_new(wetee_payer **out, wetee_token_registry *r) { return wetee_payer_new(out, r); }
static wetee_rc wetee_payb_add_substrate(wetee_payer *p, const char *chain, wetee_chain *c, const wetee_keypair *kp) {
  return wetee_payer_add_substrate(p, chain, c, kp);
}
/* the quote JSON of wetee_pay_quote() */
static wetee_rc wetee_payb_quote(wetee_buf *text_out, wetee_payer *p, wetee_token_registry *r, const char *chain,
                                 int kind, const char *id, wetee_u128 amount, const char *to, const char *memo,
                                 unsigned flags, unsigned timeout_ms, const char *fee_chain, int fee_kind,
                                 const char *fee_id, wetee_u128 max_fee, uint64_t mortal_period) {
  wetee_pay_options o = WETEE_PAY_OPTIONS_INIT;
  const wetee_token *t = NULL;
  wetee_rc rc = wetee_token_lookup(&t, r, chain, kind, id);
  if (rc == WETEE_OK) rc = wetee_payb_opts_(&o, r, flags, timeout_ms, fee_chain, fee_kind, fee_id, max_fee, mortal_period);
  return rc ? rc : wetee_pay_quote(text_out, p, t, amount, to, memo, &o);
}
/* pay; {"rc": n, "detail": "...", "receipt": {...}} once a receipt exists */
static wetee_rc wetee_payb_pay(wetee_buf *text_out, wetee_payer *p, wetee_token_registry *r, const char *chain,
                               int kind, const char *id, wetee_u128 amount, const char *to, const char *memo,
                               unsigned flags, unsigned timeout_ms, const char *fee_chain, int fee_kind,
                               const char *fee_id, wetee_u128 max_fee, uint64_t mortal_period) {
  wetee_pay_options o = WETEE_PAY_OPTIONS_INIT;
  const wetee_token *t = NULL;
  wetee_pay_receipt *receipt = NULL;
  wetee_buf rj = WETEE_BUF_INIT, dj = WETEE_BUF_INIT;
  char head[64], detail[600];
  wetee_rc rc = wetee_token_lookup(&t, r, chain, kind, id), prc;
  if (rc == WETEE_OK) rc = wetee_payb_opts_(&o, r, flags, timeout_ms, fee_chain, fee_kind, fee_id, max_fee, mortal_period);
  if (rc) return rc;
  prc = wetee_pay(&receipt, p, t, amount, to, memo, &o);
  if (!receipt) return prc;
  snprintf(detail, sizeof detail, "%s", prc ? wetee_last_error() : "");
  rc = wetee_pay_receipt_to_json(&rj, receipt);
  wetee_pay_receipt_free(receipt);
  if (rc == WETEE_OK) {
    /* the detail as a JSON string: escape quotes, backslashes and control bytes */
    size_t i;
    rc = wetee_buf_append(&dj, (const uint8_t *)"\"", 1);
    for (i = 0; detail[i] && rc == WETEE_OK; i++) {
      char e[8];
      unsigned char ch = (unsigned char)detail[i];
      if (ch == '"' || ch == '\\') snprintf(e, sizeof e, "\\%c", ch);
      else if (ch < 0x20) snprintf(e, sizeof e, "\\u%04x", ch);
      else snprintf(e, sizeof e, "%c", ch);
      rc = wetee_buf_append(&dj, (const uint8_t *)e, strlen(e));
    }
    if (rc == WETEE_OK) rc = wetee_buf_append(&dj, (const uint8_t *)"\"", 1);
  }
  if (rc == WETEE_OK) {
    wetee_buf all = WETEE_BUF_INIT;
    snprintf(head, sizeof head, "{\"rc\":%d,\"detail\":", (int)prc);
    rc = wetee_buf_append(&all, (const uint8_t *)head, strlen(head));
    if (rc == WETEE_OK) rc = wetee_buf_append(&all, dj.data, dj.len);
    if (rc == WETEE_OK) rc = wetee_buf_append(&all, (const uint8_t *)",\"receipt\":", 11);
    if (rc == WETEE_OK) rc = wetee_buf_append(&all, rj.data, rj.len);
    if (rc == WETEE_OK) rc = wetee_buf_append(&all, (const uint8_t *)"}", 2);
    if (rc == WETEE_OK) {
      all.len--;
      wetee_buf_free(text_out);
      *text_out = all;
    } else {
      wetee_buf_free(&all);
    }
  }
  wetee_buf_free(&rj);
  wetee_buf_free(&dj);
  return rc;
}
/* the plan of wetee_pay_prepare() and, with a keypair, the signed
   extrinsic for the given genesis hash, runtime version and nonce (offline) */
static wetee_rc wetee_payb_prepare(wetee_buf *text_out, const wetee_metadata *md, wetee_token_registry *r,
                                   const char *chain, int kind, const char *id, wetee_u128 amount, const char *to,
                                   const char *memo, unsigned flags) {
  wetee_pay_options o = WETEE_PAY_OPTIONS_INIT;
  const wetee_token *t = NULL;
  wetee_rc rc = wetee_token_lookup(&t, r, chain, kind, id);
  o.flags = flags;
  return rc ? rc : wetee_pay_prepare(NULL, text_out, md, t, amount, to, memo, &o);
}
%}

const char *wetee_token_kind_name(int kind);
const char *wetee_pay_failure_name(int failure);

%clear const char *id, const char *memo, const char *fee_chain, const char *fee_id;
