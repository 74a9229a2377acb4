/*
 * tx.i - extrinsics (wetee/tx.h): mortal eras, the transaction builder
 * (wetee_tx, a handle), signing payloads, offline signing, v4/v5 forms,
 * decoding to JSON and the transaction hash; and the RFC-0078 proofs for
 * an external signer (wetee/metadata_hash.h).
 *
 * A wetee_tx refers to its metadata without owning it: package wetee
 * (Python) keeps the metadata object alive as long as the Tx, and (Go)
 * runs every call on the Tx under the Metadata's read lock, so that a
 * closed Metadata gives ErrState instead of a dangling pointer.
 *
 * Flattened here: the optional metadata hash (set / cleared in two calls),
 * the JSON options of the decoders (camel_case only, as in metadata.i), the
 * hash information of the proofs (decimals and token symbol, the rest from
 * the metadata, as wetee_mdb_hash), and the transaction extensions of the
 * metadata by position (identifier and types), which the bindings use to
 * turn integer-typed JSON values into integers.
 */

/* ---- eras ---- */
%apply uint64_t *out { uint64_t *birth, uint64_t *period, uint64_t *phase };
/* (era bytes, birth block) */
wetee_rc wetee_era_mortal(uint8_t out[2], uint64_t period, uint64_t current, uint64_t *birth);
/* (period, phase, bytes used); period 0 for immortal */
wetee_rc wetee_era_decode(uint64_t *period, uint64_t *phase, size_t *consumed, const uint8_t *data, size_t len);
%clear uint64_t *birth, uint64_t *period, uint64_t *phase;
uint64_t wetee_era_birth(uint64_t period, uint64_t phase, uint64_t current);

/* ---- the builder ---- */
WETEE_HANDLE(wetee_tx, wetee_tx_free)

%constant unsigned WETEE_TX_PAYLOAD_HASH_THRESHOLD = WETEE_TX_PAYLOAD_HASH_THRESHOLD;
%constant unsigned WETEE_TX_HASH_BYTES = WETEE_TX_HASH_BYTES;

wetee_rc wetee_tx_new(wetee_tx **out, const wetee_metadata *md);
void wetee_tx_free(wetee_tx *tx);
wetee_rc wetee_tx_set_call(wetee_tx *tx, const uint8_t *data, size_t len);
/* arguments as JSON; "" for none */
wetee_rc wetee_tx_set_call_json(wetee_tx *tx, const char *pallet, const char *call, const char *json, size_t json_len);
wetee_rc wetee_tx_set_genesis_hash(wetee_tx *tx, const uint8_t hash[32]);
wetee_rc wetee_tx_set_runtime_version(wetee_tx *tx, uint32_t spec_version, uint32_t transaction_version);
wetee_rc wetee_tx_set_nonce(wetee_tx *tx, uint64_t nonce);
wetee_rc wetee_tx_set_tip(wetee_tx *tx, wetee_u128 tip);
wetee_rc wetee_tx_set_mortal(wetee_tx *tx, uint64_t period, uint64_t block_number, const uint8_t block_hash[32]);
wetee_rc wetee_tx_set_immortal(wetee_tx *tx);
/* JSON of the asset id; "null" for the native token */
wetee_rc wetee_tx_set_fee_asset_json(wetee_tx *tx, const char *json, size_t json_len);
/* CheckMetadataHash mode 1 with this hash; tx_clear_metadata_hash: mode 0 */
wetee_rc wetee_tx_set_metadata_hash(wetee_tx *tx, const uint8_t hash[32]);
%rename(tx_clear_metadata_hash) wetee_tx_clear_metadata_hash_;
%inline %{
static wetee_rc wetee_tx_clear_metadata_hash_(wetee_tx *tx) {
  return wetee_tx_set_metadata_hash(tx, NULL);
}
%}
/* either part may be None (Python) / "" (Go): the library's value */
%apply const char *optional_text { const char *explicit_json, const char *implicit_json };
wetee_rc wetee_tx_set_extension_json(wetee_tx *tx, const char *identifier, const char *explicit_json,
                                     const char *implicit_json);
%clear const char *explicit_json, const char *implicit_json;

wetee_rc wetee_tx_signing_payload(wetee_buf *out, wetee_tx *tx);
wetee_rc wetee_tx_signing_payload_raw(wetee_buf *out, wetee_tx *tx);
wetee_rc wetee_tx_attach_signature(wetee_buf *out, wetee_tx *tx, wetee_scheme scheme, const uint8_t *pub,
                                   size_t pub_len, const uint8_t *sig, size_t sig_len);
wetee_rc wetee_tx_sign(wetee_buf *out, wetee_tx *tx, const wetee_keypair *kp);
wetee_rc wetee_tx_bare(wetee_buf *out, wetee_tx *tx, unsigned version);
wetee_rc wetee_tx_general(wetee_buf *out, wetee_tx *tx, unsigned extension_version);

/* ---- decoding ---- */
#ifdef SWIGPYTHON
%thread wetee_txb_decode;
%thread wetee_txb_payload_decode;
#endif
%inline %{
static wetee_rc wetee_txb_decode(wetee_buf *text_out, const wetee_metadata *md, const uint8_t *data, size_t len,
                                 int camel_case) {
  wetee_json_options o = wetee_mdb_json_opts_(camel_case);
  return wetee_extrinsic_decode_json(text_out, md, data, len, &o);
}
static wetee_rc wetee_txb_payload_decode(wetee_buf *text_out, const wetee_metadata *md, const uint8_t *data,
                                         size_t len, int camel_case) {
  wetee_json_options o = wetee_mdb_json_opts_(camel_case);
  return wetee_tx_payload_decode_json(text_out, md, data, len, &o);
}
%}
wetee_rc wetee_extrinsic_hash(uint8_t out[32], const uint8_t *data, size_t len);

/* ---- the metadata's extrinsic types and transaction extensions ---- */
%inline %{
/* which: 0 address, 1 call, 2 signature, 3 extra; WETEE_METADATA_NO_TYPE when absent */
static uint32_t wetee_txb_extrinsic_type(const wetee_metadata *md, int which) {
  uint32_t t[4] = {WETEE_METADATA_NO_TYPE, WETEE_METADATA_NO_TYPE, WETEE_METADATA_NO_TYPE, WETEE_METADATA_NO_TYPE};
  if (which < 0 || which > 3 || wetee_metadata_extrinsic_types(&t[0], &t[1], &t[2], &t[3], md) != WETEE_OK)
    return WETEE_METADATA_NO_TYPE;
  return t[which];
}
static size_t wetee_txb_extrinsic_version_count(const wetee_metadata *md) {
  return wetee_metadata_extrinsic_version_count(md);
}
static int wetee_txb_extrinsic_version(const wetee_metadata *md, size_t i) {
  return (int)wetee_metadata_extrinsic_version(md, i);
}
static size_t wetee_txb_extension_version_count(const wetee_metadata *md) {
  return wetee_metadata_extension_version_count(md);
}
/* the extension version byte at position i, -1 out of range */
static int wetee_txb_extension_version(const wetee_metadata *md, size_t i) {
  uint8_t v = 0;
  return wetee_metadata_extension_version_at(&v, NULL, md, i) == WETEE_OK ? (int)v : -1;
}
static size_t wetee_txb_extension_count(const wetee_metadata *md, size_t i) {
  size_t n = 0;
  return wetee_metadata_extension_version_at(NULL, &n, md, i) == WETEE_OK ? n : 0;
}
/* extension j of extension version position i; NULL / WETEE_METADATA_NO_TYPE out of range */
static const char *wetee_txb_extension_identifier(const wetee_metadata *md, size_t i, size_t j) {
  const wetee_md_extension *e = wetee_metadata_extension_of_version(md, i, j);
  return e ? wetee_md_extension_identifier(e) : NULL;
}
static uint32_t wetee_txb_extension_type(const wetee_metadata *md, size_t i, size_t j) {
  const wetee_md_extension *e = wetee_metadata_extension_of_version(md, i, j);
  return e ? wetee_md_extension_type(e) : WETEE_METADATA_NO_TYPE;
}
static uint32_t wetee_txb_extension_implicit_type(const wetee_metadata *md, size_t i, size_t j) {
  const wetee_md_extension *e = wetee_metadata_extension_of_version(md, i, j);
  return e ? wetee_md_extension_implicit_type(e) : WETEE_METADATA_NO_TYPE;
}
%}

/* ---- RFC-0078 proofs for an external signer (V15 metadata only) ---- */
%apply (const uint8_t *data, size_t len) { (const uint8_t *implicit, size_t implicit_len) };
#ifdef SWIGPYTHON
%thread wetee_txb_proof_for_extrinsic;
%thread wetee_txb_proof_for_payload;
#endif
%inline %{
/* has_implicit 0: no implicit data (its types are left out) */
static wetee_rc wetee_txb_proof_for_extrinsic(wetee_buf *out, const wetee_metadata *md, unsigned decimals,
                                              const char *token_symbol, const uint8_t *data, size_t len,
                                              const uint8_t *implicit, size_t implicit_len, int has_implicit) {
  wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
  if (decimals > 255) return WETEE_ERR_INVALID_ARGUMENT;
  info.decimals = (uint8_t)decimals;
  info.token_symbol = token_symbol;
  return wetee_metadata_proof_for_extrinsic(out, md, &info, data, len, has_implicit ? implicit : NULL,
                                            has_implicit ? implicit_len : 0);
}
static wetee_rc wetee_txb_proof_for_payload(wetee_buf *out, const wetee_metadata *md, unsigned decimals,
                                            const char *token_symbol, const uint8_t *data, size_t len) {
  wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
  if (decimals > 255) return WETEE_ERR_INVALID_ARGUMENT;
  info.decimals = (uint8_t)decimals;
  info.token_symbol = token_symbol;
  return wetee_metadata_proof_for_payload(out, md, &info, data, len);
}
%}
%clear (const uint8_t *implicit, size_t implicit_len);
