/*
 * attest.i - TEE attestation of wetee/attest.h, reduced to one call for the
 * bindings: verify evidence (a DCAP quote, an Open Enclave report or a
 * WeTEE JSON envelope) with a JSON collateral bundle and a JSON policy at an
 * explicit time, and get the whole result as JSON (verdict, Intel status
 * code, TCB status, failed check and reason, advisory IDs, measurements,
 * report data, TCB date, collateral expiry, bound key). A rejected quote is
 * a result ("verdict": "reject"), not an error; errors are malformed
 * policy/collateral JSON and exhausted memory. Not exposed: the handle API
 * (anchors other than the built-in pins, item-by-item collateral, the
 * REPORTDATA callback).
 */

%apply (const char *json, size_t json_len) {
  (const char *policy_json, size_t policy_json_len),
  (const char *collateral_json, size_t collateral_json_len)
};

%rename(attest_verify_evidence_json) wetee_attest_verify_evidence_json_;
%inline %{
/* policy_json "" = the strict default policy; collateral_json "" = the
   collateral inside the evidence envelope. */
static wetee_rc wetee_attest_verify_evidence_json_(wetee_buf *text_out, const uint8_t *data, size_t len,
                                                   const char *policy_json, size_t policy_json_len,
                                                   const char *collateral_json, size_t collateral_json_len,
                                                   uint64_t time) {
  wetee_attest_policy *p = NULL;
  wetee_attest_collateral *c = NULL;
  wetee_attest_result *r = NULL;
  int rc = WETEE_OK;
  if (policy_json_len > 0) rc = wetee_attest_policy_from_json(&p, policy_json, policy_json_len);
  if (rc == WETEE_OK && collateral_json_len > 0)
    rc = wetee_attest_collateral_from_json(&c, collateral_json, collateral_json_len);
  if (rc == WETEE_OK) {
    (void)wetee_attest_verify_evidence(&r, data, len, c, NULL, p, time);
    rc = r != NULL ? wetee_attest_result_to_json(text_out, r) : wetee_last_error_code();
    if (rc == WETEE_OK) wetee_clear_error();
  }
  wetee_attest_result_free(r);
  wetee_attest_collateral_free(c);
  wetee_attest_policy_free(p);
  return rc;
}
%}
