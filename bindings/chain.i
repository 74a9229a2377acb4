/*
 * chain.i - the chain client (wetee/chain.h): a wetee_chain handle made by
 * wetee_chain_connect() (which owns its rpc client), state reads, fees,
 * transactions signed with the chain's nonce, submit and watch.
 *
 * Flattened here: the options of connect (rpc spec, metadata file, cache
 * folder, timeout), the properties (three getters), optional block hashes
 * and JSON arguments (optional_text: None / "" for none). Watch callbacks
 * and block subscriptions are not exposed; a watch is waited on and gives
 * its outcome as JSON. Python: every call that talks to the node releases
 * the GIL (%thread), so other threads and an asyncio loop (through
 * run_in_executor, see wetee.chain) keep running while it waits.
 */

WETEE_HANDLE(wetee_chain, wetee_chain_free)
WETEE_HANDLE(wetee_chain_watch, wetee_chain_watch_free)
void wetee_chain_free(wetee_chain *c);
void wetee_chain_watch_free(wetee_chain_watch *w);

%constant int CHAIN_RPC_AUTO = WETEE_CHAIN_RPC_AUTO;
%constant int CHAIN_RPC_LEGACY = WETEE_CHAIN_RPC_LEGACY;
%constant int CHAIN_RPC_NEW = WETEE_CHAIN_RPC_NEW;
%constant int TX_IN_BLOCK = WETEE_TX_IN_BLOCK;
%constant int TX_FINALIZED = WETEE_TX_FINALIZED;

#ifdef SWIGPYTHON
%thread wetee_chainb_connect;
%thread wetee_chain_refresh;
%thread wetee_chain_account_nonce;
%thread wetee_chain_balance;
%thread wetee_chainb_storage_json;
%thread wetee_chainb_entries_json;
%thread wetee_chainb_runtime_call_json;
%thread wetee_chainb_events_json;
%thread wetee_chainb_request;
%thread wetee_chainb_sign_call;
%thread wetee_chain_fee_info_json;
%thread wetee_chain_fee_details_json;
%thread wetee_chainb_submit;
%thread wetee_chainb_submit_watch;
%thread wetee_chain_watch_wait;
%thread wetee_chainb_transfer;
#endif

%apply const char *optional_text { const char *metadata_path, const char *cache_dir, const char *at,
                                   const char *keys_json, const char *args_json, const char *start_key,
                                   const char *params };
%apply uint64_t *out { uint64_t *nonce_out };
%apply int *flag_out { int *upgraded };
%apply (const uint8_t *data, size_t len) { (const uint8_t *ext, size_t len) };

%inline %{
/* connect with the options flattened; rpc_spec WETEE_CHAIN_RPC_* */
static wetee_rc wetee_chainb_connect(wetee_chain **out, const char *urls, int rpc_spec, const char *metadata_path,
                                     const char *cache_dir, unsigned timeout_ms) {
  wetee_chain_options o = WETEE_CHAIN_OPTIONS_INIT;
  o.rpc_spec = rpc_spec;
  o.metadata_path = metadata_path;
  o.cache_dir = cache_dir;
  o.timeout_ms = timeout_ms;
  return wetee_chain_connect(out, urls, &o);
}
static wetee_rc wetee_chainb_genesis_hash(uint8_t out[32], wetee_chain *c) { return wetee_chain_genesis_hash(out, c); }
static uint32_t wetee_chainb_spec_version(wetee_chain *c) {
  uint32_t s = 0;
  wetee_chain_runtime_version(&s, NULL, c);
  return s;
}
static uint32_t wetee_chainb_transaction_version(wetee_chain *c) {
  uint32_t t = 0;
  wetee_chain_runtime_version(NULL, &t, c);
  return t;
}
static unsigned wetee_chainb_ss58(wetee_chain *c) {
  uint16_t p = 42;
  wetee_chain_properties(&p, NULL, NULL, c);
  return p;
}
static unsigned wetee_chainb_decimals(wetee_chain *c) {
  unsigned d = 0;
  wetee_chain_properties(NULL, &d, NULL, c);
  return d;
}
static wetee_rc wetee_chainb_symbol(wetee_buf *text_out, wetee_chain *c) {
  return wetee_chain_properties(NULL, NULL, text_out, c);
}
static int wetee_chainb_uses_new_rpc(wetee_chain *c) { return wetee_chain_uses_new_rpc(c) == 1; }
static wetee_rc wetee_chainb_request(wetee_buf *text_out, wetee_chain *c, const char *method, const char *params) {
  return wetee_chain_request(text_out, c, method, params);
}
static wetee_rc wetee_chainb_storage_json(wetee_buf *text_out, wetee_chain *c, const char *pallet, const char *entry,
                                          const char *keys_json, const char *at) {
  return wetee_chain_storage_json(text_out, c, pallet, entry, keys_json, at);
}
static wetee_rc wetee_chainb_entries_json(wetee_buf *text_out, wetee_chain *c, const char *pallet, const char *entry,
                                          const char *keys_json, unsigned count, const char *start_key, const char *at) {
  return wetee_chain_storage_entries_json(text_out, c, pallet, entry, keys_json, count, start_key, at);
}
static wetee_rc wetee_chainb_constant_json(wetee_buf *text_out, wetee_chain *c, const char *pallet, const char *name) {
  return wetee_chain_constant_json(text_out, c, pallet, name);
}
static wetee_rc wetee_chainb_runtime_call_json(wetee_buf *text_out, wetee_chain *c, const char *api, const char *method,
                                               const char *args_json, const char *at) {
  return wetee_chain_runtime_call_json(text_out, c, api, method, args_json, at);
}
static wetee_rc wetee_chainb_events_json(wetee_buf *text_out, wetee_chain *c, const char *at) {
  return wetee_chain_events_json(text_out, c, at);
}
/* build pallet.call(args) for the current runtime and sign it with the chain's nonce */
static wetee_rc wetee_chainb_sign_call(wetee_buf *out, wetee_chain *c, const char *pallet, const char *call,
                                       const char *args_json, const wetee_keypair *kp, uint64_t mortal_period) {
  wetee_tx *tx = NULL;
  int rc = wetee_chain_tx_new(&tx, c);
  if (rc == WETEE_OK) rc = wetee_tx_set_call_json(tx, pallet, call, args_json, args_json ? strlen(args_json) : 0);
  if (rc == WETEE_OK) rc = wetee_chain_sign(out, c, tx, kp, mortal_period);
  wetee_tx_free(tx);
  return rc;
}
static wetee_rc wetee_chainb_submit(uint8_t out[32], wetee_chain *c, const uint8_t *ext, size_t len) {
  return wetee_chain_submit(out, c, ext, len);
}
static wetee_rc wetee_chainb_submit_watch(wetee_chain_watch **out, wetee_chain *c, const uint8_t *ext, size_t len) {
  return wetee_chain_submit_watch(out, c, ext, len, NULL, NULL);
}
static wetee_rc wetee_chainb_transfer(wetee_buf *text_out, wetee_chain *c, const wetee_keypair *kp, const char *dest,
                                      wetee_u128 amount, int allow_death, int until, unsigned timeout_ms) {
  return wetee_chain_transfer(text_out, c, kp, dest, amount, allow_death, until, timeout_ms);
}
%}

wetee_rc wetee_chain_refresh(int *upgraded, wetee_chain *c);
wetee_rc wetee_chain_account_nonce(uint64_t *nonce_out, wetee_chain *c, const char *address);
wetee_rc wetee_chain_balance(wetee_u128 *out, wetee_chain *c, const char *address);
wetee_rc wetee_chain_fee_info_json(wetee_buf *text_out, wetee_chain *c, const uint8_t *ext, size_t len);
wetee_rc wetee_chain_fee_details_json(wetee_buf *text_out, wetee_chain *c, const uint8_t *ext, size_t len);
%rename(chain_watch_wait) wetee_chain_watch_wait;
wetee_rc wetee_chain_watch_wait(wetee_buf *text_out, wetee_chain_watch *w, int until, unsigned timeout_ms);
const char *wetee_tx_status_name(int status);

%clear const char *metadata_path, const char *cache_dir, const char *at, const char *keys_json, const char *args_json,
       const char *start_key, const char *params;
%clear uint64_t *nonce_out;
%clear int *upgraded;
%clear (const uint8_t *ext, size_t len);
