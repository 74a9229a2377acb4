/*
 * seal.i - attested secret sealing of wetee/seal.h.
 *
 * wetee_seal_recipient is a handle (WETEE_HANDLE in typemaps.i). The
 * verification takes JSON policy and collateral as attest.i does and
 * returns the recipient also when it was refused (read accepted/reason),
 * so a refusal is not an exception; errors are malformed JSON, malformed
 * evidence the attestation could not even start on, and exhausted memory.
 * Opened secrets come back through secret_out (the C copy is wiped).
 * Not exposed: anchors other than the built-in pins.
 */

%constant int WETEE_SEAL_KEY_ED25519 = WETEE_SEAL_KEY_ED25519;
%constant int WETEE_SEAL_KEY_X25519 = WETEE_SEAL_KEY_X25519;
%constant int WETEE_SEAL_SOURCE_BOUND_ED25519 = WETEE_SEAL_SOURCE_BOUND_ED25519;
%constant int WETEE_SEAL_SOURCE_BOUND_X25519 = WETEE_SEAL_SOURCE_BOUND_X25519;
%constant int WETEE_SEAL_SOURCE_REPORT_DATA_X25519 = WETEE_SEAL_SOURCE_REPORT_DATA_X25519;
%constant unsigned WETEE_SEAL_OVERHEAD = WETEE_SEAL_OVERHEAD;
%constant unsigned WETEE_SEAL_MAX_SECRET = WETEE_SEAL_MAX_SECRET;

WETEE_HANDLE(wetee_seal_recipient, wetee_seal_recipient_free)
void wetee_seal_recipient_free(wetee_seal_recipient *rec);
int wetee_seal_recipient_accepted(const wetee_seal_recipient *rec);
int wetee_seal_recipient_failed_check(const wetee_seal_recipient *rec);
const char *wetee_seal_recipient_reason(const wetee_seal_recipient *rec);
wetee_rc wetee_seal_recipient_public_key(uint8_t out[32], const wetee_seal_recipient *rec);
wetee_rc wetee_seal_to(wetee_buf *out, const wetee_seal_recipient *rec, const uint8_t *data, size_t len);
wetee_rc wetee_seal_to_key(wetee_buf *out, const uint8_t key[32], int key_kind, const uint8_t *data, size_t len);
wetee_rc wetee_seal_open(wetee_buf *secret_out, const uint8_t *data, size_t len, const uint8_t *key, size_t key_len,
                         int key_kind);
wetee_rc wetee_seal_x25519_public(uint8_t out[32], const uint8_t key[32], int key_kind);

%rename(seal_verify_json) wetee_seal_verify_json_;
%rename(seal_recipient_result_json) wetee_seal_recipient_result_json_;
%rename(seal_recipient_bound_key) wetee_seal_recipient_bound_key_;
%rename(seal_recipient_bound_key_kind) wetee_seal_recipient_bound_key_kind_;
%rename(seal_recipient_failed_check_name) wetee_seal_recipient_failed_check_name_;
%inline %{
/* policy_json "" = the strict default policy; collateral_json "" = the
   collateral inside the evidence. A refused recipient is returned (OK). */
static wetee_rc wetee_seal_verify_json_(wetee_seal_recipient **out, const uint8_t *data, size_t len,
                                        const char *policy_json, size_t policy_json_len,
                                        const char *collateral_json, size_t collateral_json_len, int key_source,
                                        uint64_t time) {
  wetee_attest_policy *p = NULL;
  wetee_attest_collateral *c = NULL;
  int rc = WETEE_OK;
  *out = NULL;
  if (policy_json_len > 0) rc = wetee_attest_policy_from_json(&p, policy_json, policy_json_len);
  if (rc == WETEE_OK && collateral_json_len > 0)
    rc = wetee_attest_collateral_from_json(&c, collateral_json, collateral_json_len);
  if (rc == WETEE_OK) {
    rc = wetee_seal_verify(out, data, len, c, NULL, p, key_source, time);
    if (*out != NULL) {
      rc = WETEE_OK;
      wetee_clear_error();
    }
  }
  wetee_attest_collateral_free(c);
  wetee_attest_policy_free(p);
  return rc;
}
static wetee_rc wetee_seal_recipient_result_json_(wetee_buf *text_out, const wetee_seal_recipient *rec) {
  return wetee_attest_result_to_json(text_out, wetee_seal_recipient_result(rec));
}
/* the bound key's bytes (NOT_FOUND when refused) */
static wetee_rc wetee_seal_recipient_bound_key_(wetee_buf *out, const wetee_seal_recipient *rec) {
  const uint8_t *k;
  size_t n;
  int rc = wetee_seal_recipient_bound_key(rec, &k, &n, NULL);
  if (rc != WETEE_OK) return rc;
  wetee_buf_clear(out);
  return wetee_buf_append(out, k, n);
}
/* the failed check's name ("none" when accepted) */
static const char *wetee_seal_recipient_failed_check_name_(const wetee_seal_recipient *rec) {
  return wetee_attest_check_name(wetee_seal_recipient_failed_check(rec));
}
/* its wetee_seal_key_kind, 0 when no key is bound */
static int wetee_seal_recipient_bound_key_kind_(const wetee_seal_recipient *rec) {
  const uint8_t *k;
  size_t n;
  int kind = 0;
  if (wetee_seal_recipient_bound_key(rec, &k, &n, &kind) != WETEE_OK) {
    wetee_clear_error();
    return 0;
  }
  return kind;
}
%}
