/*
 * ton.i - TON of wetee/ton.h: cells, builders, slices, bags of cells,
 * addresses, amounts, TON mnemonics, dictionaries, messages and wallets
 * v3r2/v4r2/W5/highload v3.
 *
 * wetee_ton_cell, wetee_ton_builder, wetee_ton_slice, wetee_ton_wallet and
 * wetee_ton_transfer are handles (WETEE_HANDLE in typemaps.i). Addresses
 * cross the binding as text: the wrappers below take any form that
 * wetee_ton_address_parse() accepts and give the raw form "wc:hex" (the
 * struct wetee_ton_address itself is not exposed). Unsigned slice loads come
 * back through the wetee_u128 typemap. Mnemonics, seeds and secret keys use
 * the secret_* typemaps, which wipe the C copies. Not exposed: the BOC
 * options (defaults only), multi-root BOCs, signed loads wider than the
 * wrappers below, wetee_ton_cell_retain (the handles own their references).
 */

#ifdef SWIGPYTHON
/* PBKDF2 with 100000 iterations, or a search over random phrases. */
%thread wetee_ton_mnemonic_to_keypair;
%thread wetee_ton_mnemonic_to_seed;
%thread wetee_ton_mnemonic_generate;
#endif

%constant unsigned WETEE_TON_HASH_BYTES = WETEE_TON_HASH_BYTES;
%constant unsigned WETEE_TON_CELL_MAX_BITS = WETEE_TON_CELL_MAX_BITS;
%constant unsigned WETEE_TON_CELL_MAX_REFS = WETEE_TON_CELL_MAX_REFS;
%constant unsigned WETEE_TON_CELL_MAX_DEPTH = WETEE_TON_CELL_MAX_DEPTH;
%constant unsigned WETEE_TON_BOC_INDEX = WETEE_TON_BOC_INDEX;
%constant unsigned WETEE_TON_BOC_CRC32C = WETEE_TON_BOC_CRC32C;
%constant unsigned WETEE_TON_ADDRESS_BOUNCEABLE = WETEE_TON_ADDRESS_BOUNCEABLE;
%constant unsigned WETEE_TON_ADDRESS_TESTNET = WETEE_TON_ADDRESS_TESTNET;
%constant unsigned WETEE_TON_ADDRESS_BASE64_STD = WETEE_TON_ADDRESS_BASE64_STD;
%constant unsigned WETEE_TON_DECIMALS = WETEE_TON_DECIMALS;
%constant unsigned WETEE_TON_MNEMONIC_WORDS = WETEE_TON_MNEMONIC_WORDS;
%constant int WETEE_TON_NETWORK_MAINNET = WETEE_TON_NETWORK_MAINNET;
%constant int WETEE_TON_NETWORK_TESTNET = WETEE_TON_NETWORK_TESTNET;
%constant unsigned WETEE_TON_SEND_PAY_FEES_SEPARATELY = WETEE_TON_SEND_PAY_FEES_SEPARATELY;
%constant unsigned WETEE_TON_SEND_IGNORE_ERRORS = WETEE_TON_SEND_IGNORE_ERRORS;
%constant unsigned WETEE_TON_SEND_DESTROY_IF_ZERO = WETEE_TON_SEND_DESTROY_IF_ZERO;
%constant unsigned WETEE_TON_SEND_CARRY_INBOUND_VALUE = WETEE_TON_SEND_CARRY_INBOUND_VALUE;
%constant unsigned WETEE_TON_SEND_CARRY_BALANCE = WETEE_TON_SEND_CARRY_BALANCE;
%constant unsigned WETEE_TON_SEND_DEFAULT = WETEE_TON_SEND_DEFAULT;
%constant unsigned WETEE_TON_EXTERNAL_FORCE_REF = WETEE_TON_EXTERNAL_FORCE_REF;

typedef enum wetee_ton_cell_type {
  WETEE_TON_CELL_ORDINARY = 0,
  WETEE_TON_CELL_PRUNED_BRANCH = 1,
  WETEE_TON_CELL_LIBRARY = 2,
  WETEE_TON_CELL_MERKLE_PROOF = 3,
  WETEE_TON_CELL_MERKLE_UPDATE = 4
} wetee_ton_cell_type;
typedef enum wetee_ton_wallet_version {
  WETEE_TON_WALLET_V3R2 = 1,
  WETEE_TON_WALLET_V4R2 = 2,
  WETEE_TON_WALLET_V5R1 = 3,
  WETEE_TON_WALLET_HIGHLOAD_V3 = 4
} wetee_ton_wallet_version;
%constant unsigned WETEE_TON_HIGHLOAD_SUBWALLET_DEFAULT = WETEE_TON_HIGHLOAD_SUBWALLET_DEFAULT;
%constant unsigned WETEE_TON_HIGHLOAD_TIMEOUT_DEFAULT = WETEE_TON_HIGHLOAD_TIMEOUT_DEFAULT;

/* ---- cells ---- */
WETEE_HANDLE(wetee_ton_cell, wetee_ton_cell_free)
void wetee_ton_cell_free(wetee_ton_cell *cell);
wetee_rc wetee_ton_cell_hash(uint8_t out[32], const wetee_ton_cell *cell);
wetee_rc wetee_ton_cell_hash_at(uint8_t out[32], const wetee_ton_cell *cell, unsigned level);
unsigned wetee_ton_cell_depth(const wetee_ton_cell *cell);
unsigned wetee_ton_cell_depth_at(const wetee_ton_cell *cell, unsigned level);
unsigned wetee_ton_cell_bits(const wetee_ton_cell *cell);
unsigned wetee_ton_cell_refs(const wetee_ton_cell *cell);
int wetee_ton_cell_type_of(const wetee_ton_cell *cell);
unsigned wetee_ton_cell_level(const wetee_ton_cell *cell);
unsigned wetee_ton_cell_level_mask(const wetee_ton_cell *cell);
wetee_rc wetee_ton_cell_data(wetee_buf *out, const wetee_ton_cell *cell);
wetee_rc wetee_ton_cell_ref(wetee_ton_cell **out, const wetee_ton_cell *cell, unsigned index);
int wetee_ton_cell_equal(const wetee_ton_cell *a, const wetee_ton_cell *b);
wetee_rc wetee_ton_cell_to_string(wetee_buf *text_out, const wetee_ton_cell *cell);

/* ---- bags of cells (default limits; exactly one root) ---- */
wetee_rc wetee_ton_boc_serialize(wetee_buf *out, const wetee_ton_cell *root, unsigned flags);
%rename(ton_boc_parse) wetee_ton_boc_parse_;
%inline %{
static wetee_rc wetee_ton_boc_parse_(wetee_ton_cell **out, const uint8_t *data, size_t len) {
  return wetee_ton_boc_parse(out, data, len, NULL);
}
%}
wetee_rc wetee_ton_boc_parse_base64(wetee_ton_cell **out, const char *text, size_t text_len);

WETEE_HANDLE(wetee_ton_slice, wetee_ton_slice_free)

/* ---- builders ---- */
WETEE_HANDLE(wetee_ton_builder, wetee_ton_builder_free)
void wetee_ton_builder_free(wetee_ton_builder *b);
wetee_rc wetee_ton_builder_new(wetee_ton_builder **out);
unsigned wetee_ton_builder_bits(const wetee_ton_builder *b);
unsigned wetee_ton_builder_refs(const wetee_ton_builder *b);
wetee_rc wetee_ton_builder_store_bit(wetee_ton_builder *b, int bit);
wetee_rc wetee_ton_builder_store_uint(wetee_ton_builder *b, uint64_t value, unsigned bits);
wetee_rc wetee_ton_builder_store_int(wetee_ton_builder *b, int64_t value, unsigned bits);
%rename(ton_builder_store_bits) wetee_ton_builder_store_bits_;
%inline %{
/* the first bit_len bits of data, most significant bit first */
static wetee_rc wetee_ton_builder_store_bits_(wetee_ton_builder *b, const uint8_t *data, size_t len, size_t bit_len) {
  if (bit_len > len * 8) return WETEE_ERR_INVALID_ARGUMENT; /* fewer bytes than bits */
  return wetee_ton_builder_store_bits(b, data, bit_len);
}
%}
wetee_rc wetee_ton_builder_store_bytes(wetee_ton_builder *b, const uint8_t *data, size_t len);
wetee_rc wetee_ton_builder_store_coins(wetee_ton_builder *b, wetee_u128 value);
wetee_rc wetee_ton_builder_store_ref(wetee_ton_builder *b, const wetee_ton_cell *cell);
wetee_rc wetee_ton_builder_store_maybe_ref(wetee_ton_builder *b, const wetee_ton_cell *cell);
wetee_rc wetee_ton_builder_store_slice(wetee_ton_builder *b, const wetee_ton_slice *s);
wetee_rc wetee_ton_builder_store_snake(wetee_ton_builder *b, const uint8_t *data, size_t len);
wetee_rc wetee_ton_builder_end(wetee_ton_cell **out, const wetee_ton_builder *b);
wetee_rc wetee_ton_builder_end_exotic(wetee_ton_cell **out, const wetee_ton_builder *b);
%rename(ton_builder_store_address) wetee_ton_builder_store_address_;
%inline %{
/* an address in any form; "" stores addr_none */
static wetee_rc wetee_ton_builder_store_address_(wetee_ton_builder *b, const char *text, size_t text_len) {
  wetee_ton_address a;
  int rc;
  if (text_len == 0) return wetee_ton_builder_store_address(b, NULL);
  if ((rc = wetee_ton_address_parse(&a, NULL, text, text_len))) return rc;
  return wetee_ton_builder_store_address(b, &a);
}
%}

/* ---- slices ---- */
void wetee_ton_slice_free(wetee_ton_slice *s);
wetee_rc wetee_ton_slice_new(wetee_ton_slice **out, const wetee_ton_cell *cell);
unsigned wetee_ton_slice_bits_left(const wetee_ton_slice *s);
unsigned wetee_ton_slice_refs_left(const wetee_ton_slice *s);
%rename(ton_slice_load_bit) wetee_ton_slice_load_bit_;
%rename(ton_slice_load_uint) wetee_ton_slice_load_uint_;
%rename(ton_slice_load_bits) wetee_ton_slice_load_bits_;
%rename(ton_slice_load_address) wetee_ton_slice_load_address_;
%inline %{
static wetee_rc wetee_ton_slice_load_bit_(int *flag_out, wetee_ton_slice *s) {
  return wetee_ton_slice_load_bit(flag_out, s);
}
/* 0..64 bits as an unsigned value (the signed reading is done by the caller) */
static wetee_rc wetee_ton_slice_load_uint_(wetee_u128 *out, wetee_ton_slice *s, unsigned bits) {
  uint64_t v = 0;
  int rc = wetee_ton_slice_load_uint(&v, s, bits);
  out->lo = v;
  out->hi = 0;
  return rc;
}
/* bit_len bits as ceil(bit_len/8) bytes */
static wetee_rc wetee_ton_slice_load_bits_(wetee_buf *out, wetee_ton_slice *s, size_t bit_len) {
  int rc = wetee_buf_reserve(out, bit_len / 8 + 1);
  if (rc) return rc;
  rc = wetee_ton_slice_load_bits(out->data, bit_len / 8 + 1, s, bit_len);
  out->len = rc ? 0 : (bit_len + 7) / 8;
  return rc;
}
/* raw "wc:hex", or "" for addr_none */
static wetee_rc wetee_ton_slice_load_address_(wetee_buf *text_out, wetee_ton_slice *s) {
  wetee_ton_address a;
  char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
  int none = 0, rc = wetee_ton_slice_load_address(&a, &none, s);
  if (rc) return rc;
  if (none) raw[0] = 0;
  else if ((rc = wetee_ton_address_to_raw(raw, sizeof raw, &a))) return rc;
  return wetee_buf_append(text_out, (const uint8_t *)raw, strlen(raw));
}
%}
wetee_rc wetee_ton_slice_load_coins(wetee_u128 *out, wetee_ton_slice *s);
wetee_rc wetee_ton_slice_load_ref(wetee_ton_cell **out, wetee_ton_slice *s);
wetee_rc wetee_ton_slice_load_maybe_ref(wetee_ton_cell **out, wetee_ton_slice *s);
wetee_rc wetee_ton_slice_load_snake(wetee_buf *out, wetee_ton_slice *s);
wetee_rc wetee_ton_slice_skip(wetee_ton_slice *s, size_t bits);
wetee_rc wetee_ton_slice_end(const wetee_ton_slice *s);

/* ---- addresses (as text) and amounts ---- */
%rename(ton_address_parse) wetee_ton_address_parse_;
%rename(ton_address_format) wetee_ton_address_format_;
%rename(ton_state_init_address) wetee_ton_state_init_address_;
%rename(ton_amount_format) wetee_ton_amount_format_;
%inline %{
/* (raw form, flags of the form given) */
static wetee_rc wetee_ton_address_parse_(wetee_buf *text_out, unsigned *out, const char *text, size_t text_len) {
  wetee_ton_address a;
  char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
  int rc = wetee_ton_address_parse(&a, out, text, text_len);
  if (rc == WETEE_OK) rc = wetee_ton_address_to_raw(raw, sizeof raw, &a);
  if (rc == WETEE_OK) rc = wetee_buf_append(text_out, (const uint8_t *)raw, strlen(raw));
  return rc;
}
/* user-friendly form (flags WETEE_TON_ADDRESS_*) of an address in any form */
static wetee_rc wetee_ton_address_format_(wetee_buf *text_out, const char *text, size_t text_len, unsigned flags) {
  wetee_ton_address a;
  char buf[WETEE_TON_ADDRESS_FRIENDLY_BUFSIZE];
  int rc = wetee_ton_address_parse(&a, NULL, text, text_len);
  if (rc == WETEE_OK) rc = wetee_ton_address_to_friendly(buf, sizeof buf, &a, flags);
  if (rc == WETEE_OK) rc = wetee_buf_append(text_out, (const uint8_t *)buf, strlen(buf));
  return rc;
}
/* raw address of a contract with this code and data */
static wetee_rc wetee_ton_state_init_address_(wetee_buf *text_out, int32_t workchain, const wetee_ton_cell *code,
                                              const wetee_ton_cell *data) {
  wetee_ton_address a;
  char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
  int rc = wetee_ton_address_from_state_init(&a, workchain, code, data);
  if (rc == WETEE_OK) rc = wetee_ton_address_to_raw(raw, sizeof raw, &a);
  if (rc == WETEE_OK) rc = wetee_buf_append(text_out, (const uint8_t *)raw, strlen(raw));
  return rc;
}
/* symbol: NULL gives the current one (GRAM), "" none */
static wetee_rc wetee_ton_amount_format_(wetee_buf *text_out, wetee_u128 value, const char *optional_text) {
  char buf[WETEE_TON_AMOUNT_BUFSIZE];
  int rc = wetee_ton_amount_format(buf, sizeof buf, value, optional_text);
  if (rc == WETEE_OK) rc = wetee_buf_append(text_out, (const uint8_t *)buf, strlen(buf));
  return rc;
}
%}
wetee_rc wetee_ton_amount_parse(wetee_u128 *out, const char *text, size_t text_len);
wetee_rc wetee_ton_state_init(wetee_ton_cell **out, const wetee_ton_cell *code, const wetee_ton_cell *data);

/* ---- TON mnemonics ---- */
wetee_rc wetee_ton_mnemonic_generate(wetee_buf *secret_text_out, const char *password, size_t password_len);
wetee_rc wetee_ton_mnemonic_validate(const char *phrase, size_t phrase_len, const char *password, size_t password_len);
wetee_rc wetee_ton_mnemonic_to_seed(uint8_t secret_out[64], const char *phrase, size_t phrase_len,
                                    const char *password, size_t password_len);
/* (secret seed ‖ public, public) */
wetee_rc wetee_ton_mnemonic_to_keypair(uint8_t secret_out[64], uint8_t out[32], const char *phrase, size_t phrase_len,
                                       const char *password, size_t password_len);

/* ---- messages and wallets ---- */
wetee_rc wetee_ton_comment(wetee_ton_cell **out, const char *text, size_t text_len);
%rename(ton_internal_message) wetee_ton_internal_message_;
%rename(ton_external_message) wetee_ton_external_message_;
%rename(ton_wallet_address) wetee_ton_wallet_address_;
%inline %{
static wetee_rc wetee_ton_internal_message_(wetee_ton_cell **out, const char *text, size_t text_len, wetee_u128 value,
                                            int bounce, const wetee_ton_cell *init, const wetee_ton_cell *body) {
  wetee_ton_address a;
  int rc = wetee_ton_address_parse(&a, NULL, text, text_len);
  if (rc) return rc;
  return wetee_ton_internal_message(out, &a, value, bounce, init, body);
}
static wetee_rc wetee_ton_external_message_(wetee_ton_cell **out, const char *text, size_t text_len,
                                            const wetee_ton_cell *init, const wetee_ton_cell *body, unsigned flags) {
  wetee_ton_address a;
  int rc = wetee_ton_address_parse(&a, NULL, text, text_len);
  if (rc) return rc;
  return wetee_ton_external_message(out, &a, init, body, flags);
}
%}
WETEE_HANDLE(wetee_ton_wallet, wetee_ton_wallet_free)
void wetee_ton_wallet_free(wetee_ton_wallet *w);
wetee_rc wetee_ton_wallet_code(wetee_ton_cell **out, int version);
wetee_rc wetee_ton_wallet_v5r1_id(uint32_t *out, int32_t network_global_id, int32_t workchain, uint32_t subwallet_number);
wetee_rc wetee_ton_wallet_default_id(uint32_t *out, int version, int32_t workchain, int32_t network_global_id);
wetee_rc wetee_ton_wallet_new(wetee_ton_wallet **out, int version, const uint8_t pub[32], int32_t workchain,
                              uint32_t wallet_id);
wetee_rc wetee_ton_wallet_id(uint32_t *out, const wetee_ton_wallet *w);
wetee_rc wetee_ton_wallet_state_init(wetee_ton_cell **out, const wetee_ton_wallet *w);
%inline %{
/* raw "wc:hex" */
static wetee_rc wetee_ton_wallet_address_(wetee_buf *text_out, const wetee_ton_wallet *w) {
  wetee_ton_address a;
  char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
  int rc = wetee_ton_wallet_address(&a, w);
  if (rc == WETEE_OK) rc = wetee_ton_address_to_raw(raw, sizeof raw, &a);
  if (rc == WETEE_OK) rc = wetee_buf_append(text_out, (const uint8_t *)raw, strlen(raw));
  return rc;
}
%}
WETEE_HANDLE(wetee_ton_transfer, wetee_ton_transfer_free)
void wetee_ton_transfer_free(wetee_ton_transfer *t);
wetee_rc wetee_ton_transfer_new(wetee_ton_transfer **out);
wetee_rc wetee_ton_transfer_add(wetee_ton_transfer *t, unsigned mode, const wetee_ton_cell *message);
size_t wetee_ton_transfer_count(const wetee_ton_transfer *t);
wetee_rc wetee_ton_wallet_sign_transfer(wetee_ton_cell **out, const wetee_ton_wallet *w, const uint8_t secret[64],
                                        uint32_t seqno, uint32_t valid_until, const wetee_ton_transfer *t);
wetee_rc wetee_ton_wallet_external(wetee_ton_cell **out, const wetee_ton_wallet *w, const wetee_ton_cell *body,
                                   int deploy);
wetee_rc wetee_ton_wallet_new_highload_v3(wetee_ton_wallet **out, const uint8_t pub[32], int32_t workchain,
                                          uint32_t subwallet_id, uint32_t timeout);
wetee_rc wetee_ton_highload_sign_message(wetee_ton_cell **out, const wetee_ton_wallet *w, const uint8_t secret[64],
                                         uint32_t query_id, uint64_t created_at, unsigned mode,
                                         const wetee_ton_cell *message);
wetee_rc wetee_ton_highload_sign_batch(wetee_ton_cell **out, const wetee_ton_wallet *w, const uint8_t secret[64],
                                       uint32_t query_id, uint64_t created_at, const wetee_ton_transfer *t,
                                       wetee_u128 value);

/* ---- dictionaries (keys as bytes: key_bits bits MSB first, zero-padded) ---- */
WETEE_HANDLE(wetee_ton_dict, wetee_ton_dict_free)
void wetee_ton_dict_free(wetee_ton_dict *d);
wetee_rc wetee_ton_dict_new(wetee_ton_dict **out, unsigned key_bits);
size_t wetee_ton_dict_count(const wetee_ton_dict *d);
unsigned wetee_ton_dict_key_bits(const wetee_ton_dict *d);
wetee_rc wetee_ton_dict_set(wetee_ton_dict *d, const uint8_t *data, size_t len, const wetee_ton_cell *value);
wetee_rc wetee_ton_dict_get(wetee_ton_cell **out, const wetee_ton_dict *d, const uint8_t *data, size_t len);
wetee_rc wetee_ton_dict_remove(wetee_ton_dict *d, const uint8_t *data, size_t len);
/* (key, value) of entry index in key order; out_len = ceil(key_bits/8) */
wetee_rc wetee_ton_dict_entry(uint8_t *out, size_t out_len, wetee_ton_cell **out, const wetee_ton_dict *d, size_t index);
wetee_rc wetee_ton_dict_root(wetee_ton_cell **out, const wetee_ton_dict *d);
wetee_rc wetee_ton_builder_store_dict(wetee_ton_builder *b, const wetee_ton_dict *d);
wetee_rc wetee_ton_dict_from_root(wetee_ton_dict **out, const wetee_ton_cell *root, unsigned key_bits);
wetee_rc wetee_ton_slice_load_dict(wetee_ton_dict **out, wetee_ton_slice *s, unsigned key_bits);

/* ---- jettons (addresses as text; "" response destination = addr_none) ---- */
%constant unsigned WETEE_TON_JETTON_FORWARD_INLINE = WETEE_TON_JETTON_FORWARD_INLINE;
%constant int WETEE_TON_JETTON_DATA_STATUS = WETEE_TON_JETTON_DATA_STATUS;
%constant int WETEE_TON_JETTON_DATA_CODE_REF = WETEE_TON_JETTON_DATA_CODE_REF;
%rename(ton_jetton_transfer) wetee_ton_jetton_transfer_;
%rename(ton_jetton_wallet_address) wetee_ton_jetton_wallet_address_;
%inline %{
static wetee_rc wetee_ton_jetton_transfer_(wetee_ton_cell **out, uint64_t query_id, wetee_u128 amount,
                                           const char *text, size_t text_len, const char *context, size_t context_len,
                                           const wetee_ton_cell *custom_payload, wetee_u128 forward_ton_amount,
                                           const wetee_ton_cell *forward_payload, unsigned flags) {
  wetee_ton_address dest, resp;
  int rc = wetee_ton_address_parse(&dest, NULL, text, text_len);
  if (rc) return rc;
  if (context_len && (rc = wetee_ton_address_parse(&resp, NULL, context, context_len))) return rc;
  return wetee_ton_jetton_transfer(out, query_id, amount, &dest, context_len ? &resp : NULL, custom_payload,
                                   forward_ton_amount, forward_payload, flags);
}
/* raw address of the owner's (text) jetton wallet under the master (context) */
static wetee_rc wetee_ton_jetton_wallet_address_(wetee_buf *text_out, int layout, const char *text, size_t text_len,
                                                 const char *context, size_t context_len,
                                                 const wetee_ton_cell *wallet_code) {
  wetee_ton_address owner, master, w;
  char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
  int rc = wetee_ton_address_parse(&owner, NULL, text, text_len);
  if (rc == WETEE_OK) rc = wetee_ton_address_parse(&master, NULL, context, context_len);
  if (rc == WETEE_OK) rc = wetee_ton_jetton_wallet_address(&w, layout, &owner, &master, wallet_code);
  if (rc == WETEE_OK) rc = wetee_ton_address_to_raw(raw, sizeof raw, &w);
  if (rc == WETEE_OK) rc = wetee_buf_append(text_out, (const uint8_t *)raw, strlen(raw));
  return rc;
}
%}

/* ---- payments with a memo (addresses as text; "" jetton wallet = a coin payment) ---- */
%constant unsigned WETEE_TON_JETTON_ATTACHED_DEFAULT = WETEE_TON_JETTON_ATTACHED_DEFAULT;
%constant unsigned WETEE_TON_JETTON_FORWARD_DEFAULT = WETEE_TON_JETTON_FORWARD_DEFAULT;
%constant unsigned WETEE_TON_MEMO_MAX_BYTES = WETEE_TON_MEMO_MAX_BYTES;
%apply const char *optional_text { const char *jetton_wallet, const char *payer, const char *response };
%apply uint8_t out[ANY] { uint8_t norm_out[32] };
%rename(ton_payment_message) wetee_ton_payment_message_;
%rename(ton_wallet_sign_payment) wetee_ton_wallet_sign_payment_;
%inline %{
/* to (text), memo (context), the payer's jetton wallet or NULL, the payer (jettons), options */
static wetee_rc wetee_ton_payment_message_(wetee_ton_cell **out, const char *text, size_t text_len, wetee_u128 amount,
                                           const char *context, size_t context_len, const char *jetton_wallet,
                                           const char *payer, int bounce, uint64_t query_id,
                                           wetee_u128 jetton_ton_amount, wetee_u128 forward_ton_amount,
                                           const char *response) {
  wetee_ton_payment_options o = WETEE_TON_PAYMENT_OPTIONS_INIT;
  wetee_ton_address to, jw, pa, re;
  int rc = wetee_ton_address_parse(&to, NULL, text, text_len);
  if (rc == WETEE_OK && jetton_wallet) rc = wetee_ton_address_parse(&jw, NULL, jetton_wallet, strlen(jetton_wallet));
  if (rc == WETEE_OK && payer) rc = wetee_ton_address_parse(&pa, NULL, payer, strlen(payer));
  if (rc == WETEE_OK && response) rc = wetee_ton_address_parse(&re, NULL, response, strlen(response));
  if (rc) return rc;
  o.bounce = bounce;
  o.query_id = query_id;
  o.jetton_ton_amount = jetton_ton_amount;
  o.forward_ton_amount = forward_ton_amount;
  o.response_destination = response ? &re : NULL;
  return wetee_ton_payment_message(out, payer ? &pa : NULL, jetton_wallet ? &jw : NULL, &to, amount, context,
                                   context_len, &o);
}
/* (external message, its normalised hash) */
static wetee_rc wetee_ton_wallet_sign_payment_(wetee_ton_cell **out, uint8_t norm_out[32], const wetee_ton_wallet *w,
                                               const uint8_t secret[64], uint32_t seqno, uint32_t valid_until,
                                               unsigned mode, const wetee_ton_cell *message) {
  return wetee_ton_wallet_sign_payment(out, norm_out, w, secret, seqno, valid_until, mode, message);
}
%}
wetee_rc wetee_ton_payment_memo(wetee_buf *text_out, const wetee_ton_cell *cell, int is_message);

/* ---- tracking and TON Connect ---- */
wetee_rc wetee_ton_message_normalized_hash(uint8_t out[32], const wetee_ton_cell *message);
%apply wetee_buf *text_out { wetee_buf *payload_text_out };
%apply unsigned *out { unsigned *version_out };
%rename(ton_state_init_public_key) wetee_ton_state_init_public_key_;
%rename(ton_proof_hash) wetee_ton_proof_hash_;
%rename(ton_proof_verify_json) wetee_ton_proof_verify_json_;
%inline %{
/* (public key, wallet version) */
static wetee_rc wetee_ton_state_init_public_key_(uint8_t out[32], unsigned *version_out,
                                                 const wetee_ton_cell *state_init) {
  int v = 0, rc = wetee_ton_state_init_public_key(out, &v, state_init);
  *version_out = (unsigned)v;
  return rc;
}
/* the digest a wallet signs for ton_proof: address (text, any form), domain (context), timestamp, payload (bytes) */
static wetee_rc wetee_ton_proof_hash_(uint8_t out[32], const char *text, size_t text_len, const char *context,
                                      size_t context_len, uint64_t timestamp, const uint8_t *data, size_t len) {
  wetee_ton_address a;
  int rc = wetee_ton_address_parse(&a, NULL, text, text_len);
  if (rc) return rc;
  return wetee_ton_proof_hash(out, &a, context, context_len, timestamp, (const char *)data, len);
}
/* (public key, raw wallet address, payload) of a verified ton_proof reply */
static wetee_rc wetee_ton_proof_verify_json_(uint8_t out[32], wetee_buf *text_out, wetee_buf *payload_text_out,
                                             const char *json, size_t json_len, const char *expected_domain,
                                             uint64_t now, uint64_t max_age) {
  wetee_ton_address a;
  char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
  int rc = wetee_ton_proof_verify_json(out, &a, payload_text_out, json, json_len, expected_domain, now, max_age);
  if (rc == WETEE_OK) rc = wetee_ton_address_to_raw(raw, sizeof raw, &a);
  if (rc == WETEE_OK) rc = wetee_buf_append(text_out, (const uint8_t *)raw, strlen(raw));
  return rc;
}
%}
