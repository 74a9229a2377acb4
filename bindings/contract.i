/*
 * contract.i - contracts on pallet-revive of wetee/contract.h: ABIs (wrevive,
 * ink! v5/v6, Solidity) with call data from JSON arguments and returns decoded
 * to JSON; Revive.* calls from a metadata; ReviveApi_call input and results;
 * AccountId32 -> H160; the pod cost formula; a contract query on a chain.
 *
 * wetee_contract_abi is a handle. Fixed-size byte inputs go in as bytes and
 * are checked for their length in the wrappers (key = a 32-byte account,
 * pub = a 20-byte H160; another length is WETEE_ERR_INVALID_ARGUMENT). Not exposed: wetee_revive_call and
 * wetee_contract_create_pod (signing and submitting; use the C API), the
 * result handle (its JSON and limits are given by two functions).
 */

%constant int WETEE_CONTRACT_WREVIVE = WETEE_CONTRACT_WREVIVE;
%constant int WETEE_CONTRACT_INK = WETEE_CONTRACT_INK;
%constant int WETEE_CONTRACT_SOLIDITY = WETEE_CONTRACT_SOLIDITY;
%constant int WETEE_CONTRACT_WREVIVE_CALL_DATA_MAX = WETEE_CONTRACT_WREVIVE_CALL_DATA_MAX;

WETEE_HANDLE(wetee_contract_abi, wetee_contract_abi_free)
void wetee_contract_abi_free(wetee_contract_abi *abi);
wetee_rc wetee_contract_abi_load(wetee_contract_abi **out, const char *json, size_t json_len);
wetee_rc wetee_contract_abi_wetee(wetee_contract_abi **out, const char *contract);
int wetee_contract_abi_kind_of(const wetee_contract_abi *abi);
size_t wetee_contract_abi_message_count(const wetee_contract_abi *abi);
const char *wetee_contract_abi_message_name(const wetee_contract_abi *abi, size_t i);
wetee_rc wetee_contract_abi_message_json(wetee_buf *text_out, const wetee_contract_abi *abi, const char *message);
wetee_rc wetee_contract_encode_call(wetee_buf *out, const wetee_contract_abi *abi, const char *message,
                                    const char *json, size_t json_len);
wetee_rc wetee_contract_decode_call(wetee_buf *text_out, const wetee_contract_abi *abi, const uint8_t *data, size_t len);
wetee_rc wetee_contract_decode_return(wetee_buf *text_out, const wetee_contract_abi *abi, const char *message,
                                      const uint8_t *data, size_t len);
wetee_rc wetee_contract_decode_revert(wetee_buf *text_out, const wetee_contract_abi *abi, const uint8_t *data, size_t len);

%rename(contract_selector) wetee_contract_selector_;
%rename(contract_abi_selector) wetee_contract_abi_selector_;
%rename(revive_address_of) wetee_revive_address_of_;
%rename(revive_call_encode) wetee_revive_call_encode_;
%rename(revive_map_account_encode) wetee_revive_map_account_encode_;
%rename(revive_dry_run_input) wetee_revive_dry_run_input_;
%rename(revive_result_json) wetee_revive_result_json_;
%rename(revive_result_limits) wetee_revive_result_limits_;
%rename(contract_pod_cost) wetee_contract_pod_cost_;
%rename(contract_query) wetee_contract_query_;
%{
static wetee_rc wetee_contract_bytes_(wetee_buf *out, const uint8_t *p, size_t n) {
  out->len = 0;
  return wetee_buf_append(out, p, n);
}
%}
%inline %{
/* a 4-byte selector of a name (or Solidity signature) for an ABI kind */
static wetee_rc wetee_contract_selector_(wetee_buf *out, int kind, const char *text, size_t text_len) {
  uint8_t s[4];
  int rc = wetee_contract_selector(s, kind, text, text_len);
  return rc == WETEE_OK ? wetee_contract_bytes_(out, s, 4) : rc;
}
static wetee_rc wetee_contract_abi_selector_(wetee_buf *out, const wetee_contract_abi *abi, const char *message) {
  uint8_t s[4];
  int rc = wetee_contract_abi_selector(s, abi, message);
  return rc == WETEE_OK ? wetee_contract_bytes_(out, s, 4) : rc;
}
/* key = the 32-byte AccountId32 */
static wetee_rc wetee_revive_address_of_(wetee_buf *out, const uint8_t *key, size_t key_len) {
  uint8_t h[20];
  int rc;
  if (key_len != 32) return WETEE_ERR_INVALID_ARGUMENT; /* detail: wetee_strerror */
  rc = wetee_revive_address_of(h, key);
  return rc == WETEE_OK ? wetee_contract_bytes_(out, h, 20) : rc;
}
/* pub = the contract's 20-byte H160 */
static wetee_rc wetee_revive_call_encode_(wetee_buf *out, const wetee_metadata *md, const uint8_t *pub, size_t pub_len,
                                         wetee_u128 value, uint64_t ref_time, uint64_t proof_size,
                                         wetee_u128 storage_deposit, const uint8_t *data, size_t len) {
  wetee_revive_limits l;
  if (pub_len != 20) return WETEE_ERR_INVALID_ARGUMENT;
  l.ref_time = ref_time;
  l.proof_size = proof_size;
  l.storage_deposit = storage_deposit;
  return wetee_revive_call_encode(out, md, pub, value, &l, data, len);
}
static wetee_rc wetee_revive_map_account_encode_(wetee_buf *out, const wetee_metadata *md) {
  return wetee_revive_map_account_encode(out, md);
}
/* key = the caller's AccountId32, pub = the contract; no limits (None) */
static wetee_rc wetee_revive_dry_run_input_(wetee_buf *out, const wetee_metadata *md, const uint8_t *key, size_t key_len,
                                           const uint8_t *pub, size_t pub_len, wetee_u128 value, const uint8_t *data,
                                           size_t len) {
  if (key_len != 32 || pub_len != 20) return WETEE_ERR_INVALID_ARGUMENT;
  return wetee_revive_dry_run_input(out, md, key, pub, value, NULL, data, len);
}
/* the decoded ReviveApi_call output as JSON (with "status") */
static wetee_rc wetee_revive_result_json_(wetee_buf *text_out, const wetee_metadata *md, const uint8_t *data, size_t len) {
  wetee_revive_result *r = NULL;
  int rc = wetee_revive_result_decode(&r, md, data, len);
  if (rc == WETEE_OK) rc = wetee_revive_result_json(text_out, r);
  wetee_revive_result_free(r);
  return rc;
}
/* limits from a ReviveApi_call output with a margin, as JSON
   {"ref_time", "proof_size", "storage_deposit" (decimal text)} */
static wetee_rc wetee_revive_result_limits_(wetee_buf *text_out, const wetee_metadata *md, const uint8_t *data, size_t len,
                                           unsigned margin_percent) {
  wetee_revive_result *r = NULL;
  wetee_revive_limits l;
  char dep[48], txt[160];
  int rc = wetee_revive_result_decode(&r, md, data, len);
  if (rc == WETEE_OK) rc = wetee_revive_result_limits(&l, r, margin_percent);
  if (rc == WETEE_OK) rc = wetee_u128_to_decimal(dep, sizeof dep, l.storage_deposit, 0);
  if (rc == WETEE_OK) {
    int k = snprintf(txt, sizeof txt, "{\"ref_time\":%llu,\"proof_size\":%llu,\"storage_deposit\":\"%s\"}",
                     (unsigned long long)l.ref_time, (unsigned long long)l.proof_size, dep);
    text_out->len = 0;
    rc = wetee_buf_append(text_out, (const uint8_t *)txt, (size_t)k);
  }
  wetee_revive_result_free(r);
  return rc;
}
/* (containers JSON as json, RunPrice JSON as context) */
static wetee_rc wetee_contract_pod_cost_(wetee_buf *text_out, const char *json, size_t json_len, const char *context,
                                        size_t context_len, int tee_type, uint32_t duration_blocks, const char *asset_price) {
  return wetee_contract_pod_cost(text_out, json, json_len, context, context_len, tee_type, duration_blocks, asset_price);
}
static wetee_rc wetee_contract_query_(wetee_buf *text_out, wetee_chain *c, const wetee_contract_abi *abi,
                                     const uint8_t *key, size_t key_len, const uint8_t *pub, size_t pub_len,
                                     const char *message, const char *json, size_t json_len) {
  if (key_len != 32 || pub_len != 20) return WETEE_ERR_INVALID_ARGUMENT;
  return wetee_contract_query(text_out, c, abi, key, pub, message, json, json_len);
}
%}
