/*
 * keys.i - keys and signatures of wetee/keys.h: the sr25519, ed25519,
 * ecdsa and Ethereum primitives, BIP-32, secret URIs, the scheme-generic
 * keypair and the polkadot.js keystore.
 *
 * wetee_suri and wetee_keypair are handles (WETEE_HANDLE in typemaps.i):
 * Python gets objects that free themselves, Go gets uintptr values that
 * package wetee frees. Secret outputs use the secret_out typemaps, which
 * wipe the C copies. Not exposed: the size functions (the constants below
 * say the same).
 */

#ifdef SWIGPYTHON
/* Slow by design (PBKDF2, BIP-32, scrypt) and taking no handle that another
   thread could release meanwhile... except wetee_keystore_export, whose
   keypair stays alive: the call holds a reference to it. */
%thread wetee_keypair_from_suri;
%thread wetee_keypair_from_suri_eth_;
%thread wetee_keypair_from_mnemonic;
%thread wetee_keystore_export;
%thread wetee_keystore_export_scrypt_;
%thread wetee_keystore_import;
#endif

typedef enum wetee_scheme {
  WETEE_SCHEME_SR25519 = 0,
  WETEE_SCHEME_ED25519 = 1,
  WETEE_SCHEME_ECDSA = 2,
  WETEE_SCHEME_ETHEREUM = 3
} wetee_scheme;

%constant unsigned WETEE_SR25519_SEED_BYTES = WETEE_SR25519_SEED_BYTES;
%constant unsigned WETEE_SR25519_PUBLIC_BYTES = WETEE_SR25519_PUBLIC_BYTES;
%constant unsigned WETEE_SR25519_SECRET_BYTES = WETEE_SR25519_SECRET_BYTES;
%constant unsigned WETEE_SR25519_SIGNATURE_BYTES = WETEE_SR25519_SIGNATURE_BYTES;
%constant unsigned WETEE_ED25519_SEED_BYTES = WETEE_ED25519_SEED_BYTES;
%constant unsigned WETEE_ED25519_PUBLIC_BYTES = WETEE_ED25519_PUBLIC_BYTES;
%constant unsigned WETEE_ED25519_SECRET_BYTES = WETEE_ED25519_SECRET_BYTES;
%constant unsigned WETEE_ED25519_SIGNATURE_BYTES = WETEE_ED25519_SIGNATURE_BYTES;
%constant unsigned WETEE_ECDSA_SECRET_BYTES = WETEE_ECDSA_SECRET_BYTES;
%constant unsigned WETEE_ECDSA_PUBLIC_BYTES = WETEE_ECDSA_PUBLIC_BYTES;
%constant unsigned WETEE_ECDSA_SIGNATURE_BYTES = WETEE_ECDSA_SIGNATURE_BYTES;
%constant unsigned WETEE_ETH_ADDRESS_BYTES = WETEE_ETH_ADDRESS_BYTES;
%constant unsigned WETEE_CHAIN_CODE_BYTES = WETEE_CHAIN_CODE_BYTES;
%constant unsigned WETEE_PUBLIC_MAX_BYTES = WETEE_PUBLIC_MAX_BYTES;
%constant unsigned WETEE_SIGNATURE_MAX_BYTES = WETEE_SIGNATURE_MAX_BYTES;
#ifdef SWIGGO
/* SWIG makes Go string constants from literals only: a function instead. */
%inline %{
static const char *wetee_dev_phrase(void) { return WETEE_DEV_PHRASE; }
%}
#else
%constant const char *WETEE_DEV_PHRASE = WETEE_DEV_PHRASE;
#endif

/* ---- sr25519 (secrets in the ed25519 form, key ‖ nonce) ---- */
/* (secret, public) of a 32-byte mini secret */
wetee_rc wetee_sr25519_keypair_from_seed(uint8_t secret_out[64], uint8_t out[32], const uint8_t seed[32]);
wetee_rc wetee_sr25519_secret_to_canonical(uint8_t secret_out[64], const uint8_t ed25519_form[64]);
wetee_rc wetee_sr25519_secret_from_canonical(uint8_t secret_out[64], const uint8_t canonical[64]);
wetee_rc wetee_sr25519_public_from_secret(uint8_t out[32], const uint8_t secret[64]);
wetee_rc wetee_sr25519_sign(uint8_t out[64], const uint8_t secret[64], const uint8_t pub[32],
                            const uint8_t *data, size_t len);
/* WETEE_ERR_VERIFY when the signature is not valid; _strict also rejects the identity key */
wetee_rc wetee_sr25519_verify(const uint8_t sig[64], const uint8_t *data, size_t len, const uint8_t pub[32]);
wetee_rc wetee_sr25519_verify_strict(const uint8_t sig[64], const uint8_t *data, size_t len, const uint8_t pub[32]);
/* (secret, public) */
wetee_rc wetee_sr25519_derive_hard(uint8_t secret_out[64], uint8_t out[32], const uint8_t secret[64],
                                   const uint8_t chain_code[32]);
wetee_rc wetee_sr25519_derive_soft(uint8_t secret_out[64], uint8_t out[32], const uint8_t secret[64],
                                   const uint8_t pub[32], const uint8_t chain_code[32]);
wetee_rc wetee_sr25519_derive_public(uint8_t out[32], const uint8_t pub[32], const uint8_t chain_code[32]);

/* ---- ed25519 (secrets seed ‖ public) ---- */
wetee_rc wetee_ed25519_keypair_from_seed(uint8_t secret_out[64], uint8_t out[32], const uint8_t seed[32]);
wetee_rc wetee_ed25519_sign(uint8_t out[64], const uint8_t secret[64], const uint8_t *data, size_t len);
/* ZIP 215 (the chain's rules); _strict: libsodium's */
wetee_rc wetee_ed25519_verify(const uint8_t sig[64], const uint8_t *data, size_t len, const uint8_t pub[32]);
wetee_rc wetee_ed25519_verify_strict(const uint8_t sig[64], const uint8_t *data, size_t len, const uint8_t pub[32]);
wetee_rc wetee_ed25519_derive_hard(uint8_t secret_out[32], const uint8_t seed[32], const uint8_t chain_code[32]);

/* ---- ecdsa (Substrate) and Ethereum ---- */
wetee_rc wetee_ecdsa_public_from_secret(uint8_t out[33], const uint8_t secret[32]);
wetee_rc wetee_ecdsa_sign(uint8_t out[65], const uint8_t secret[32], const uint8_t *data, size_t len);
wetee_rc wetee_ecdsa_verify(const uint8_t sig[65], const uint8_t *data, size_t len, const uint8_t pub[33]);
wetee_rc wetee_ecdsa_derive_hard(uint8_t secret_out[32], const uint8_t secret[32], const uint8_t chain_code[32]);
wetee_rc wetee_ecdsa_account_id(uint8_t out[32], const uint8_t pub[33]);

wetee_rc wetee_eth_sign(uint8_t out[65], const uint8_t secret[32], const uint8_t *data, size_t len);
wetee_rc wetee_eth_verify(const uint8_t sig[65], const uint8_t *data, size_t len, const uint8_t address[20]);
/* the address of a 33- or 65-byte public key */
wetee_rc wetee_eth_address(uint8_t out[20], const uint8_t *pub, size_t pub_len);
wetee_rc wetee_eth_address_to_string(wetee_buf *text_out, const uint8_t address[20]);
wetee_rc wetee_eth_address_from_string(uint8_t out[20], const char *text, size_t text_len);
wetee_rc wetee_bip32_derive(uint8_t secret_out[32], const uint8_t *seed, size_t seed_len, const char *path,
                            size_t path_len);

/* ---- secret URIs ---- */
WETEE_HANDLE(wetee_suri, wetee_suri_free)

wetee_rc wetee_suri_parse(wetee_suri **out, const char *text, size_t text_len);
const char *wetee_suri_phrase(const wetee_suri *s);
/* NULL (Python None, Go "") without a ///password part: see suri_has_password */
const char *wetee_suri_password(const wetee_suri *s);
size_t wetee_suri_junction_count(const wetee_suri *s);
/* (chain code, is hard) of junction i */
wetee_rc wetee_suri_junction(const wetee_suri *s, size_t i, uint8_t out[32], int *flag_out);
void wetee_suri_free(wetee_suri *s);

/* Whether the SURI has a ///password part (possibly empty), which Go's
   string result of suri_password cannot tell. */
%rename(suri_has_password) wetee_suri_has_password_;
%inline %{
static int wetee_suri_has_password_(const wetee_suri *s) {
  return wetee_suri_password(s) != NULL;
}
%}

/* ---- scheme-generic keypair ---- */
WETEE_HANDLE(wetee_keypair, wetee_keypair_free)

wetee_rc wetee_keypair_from_suri(wetee_keypair **out, wetee_scheme scheme, const char *text, size_t text_len);

/* wetee_keypair_from_suri_opts with the one option there is (the Ethereum
   ///password rule), flattened: no option struct crosses the binding. */
typedef enum wetee_eth_password {
  WETEE_ETH_PASSWORD_REJECT = 0,
  WETEE_ETH_PASSWORD_PASSPHRASE = 1,
  WETEE_ETH_PASSWORD_IGNORE = 2
} wetee_eth_password;
%rename(keypair_from_suri_opts) wetee_keypair_from_suri_eth_;
%inline %{
static wetee_rc wetee_keypair_from_suri_eth_(wetee_keypair **out, wetee_scheme scheme, const char *text,
                                             size_t text_len, wetee_eth_password eth_password) {
  wetee_suri_options opts = WETEE_SURI_OPTIONS_INIT;
  opts.eth_password = eth_password;
  return wetee_keypair_from_suri_opts(out, scheme, text, text_len, &opts);
}
%}
wetee_rc wetee_keypair_from_mnemonic(wetee_keypair **out, wetee_scheme scheme, const char *phrase,
                                     size_t phrase_len, const char *password, size_t password_len);
wetee_rc wetee_keypair_from_seed(wetee_keypair **out, wetee_scheme scheme, const uint8_t *seed, size_t seed_len);
wetee_rc wetee_keypair_generate(wetee_keypair **out, wetee_scheme scheme);
wetee_rc wetee_keypair_derive(wetee_keypair **out, const wetee_keypair *kp, const char *path, size_t path_len);
wetee_scheme wetee_keypair_scheme(const wetee_keypair *kp);
wetee_rc wetee_keypair_public(const wetee_keypair *kp, uint8_t out[33], size_t *out_len);
wetee_rc wetee_keypair_account_id(const wetee_keypair *kp, uint8_t out[32], size_t *out_len);
wetee_rc wetee_keypair_address(wetee_buf *text_out, const wetee_keypair *kp, uint16_t prefix);
wetee_rc wetee_keypair_sign(const wetee_keypair *kp, uint8_t out[65], size_t *out_len, const uint8_t *data,
                            size_t len);
wetee_rc wetee_verify(wetee_scheme scheme, const uint8_t *sig, size_t sig_len, const uint8_t *data, size_t len,
                      const uint8_t *pub, size_t pub_len);
wetee_rc wetee_verify_strict(wetee_scheme scheme, const uint8_t *sig, size_t sig_len, const uint8_t *data,
                             size_t len, const uint8_t *pub, size_t pub_len);
wetee_rc wetee_keypair_secret(const wetee_keypair *kp, wetee_buf *secret_out);
void wetee_keypair_free(wetee_keypair *kp);

/* ---- polkadot.js JSON keystore (v3) ---- */
wetee_rc wetee_keystore_export(wetee_buf *text_out, const wetee_keypair *kp, const char *password,
                               size_t password_len, const char *optional_text, uint64_t when_created_ms);
/* wetee_keystore_export_opts, flattened: the scrypt cost (0 = default) with the name and time. */
%rename(keystore_export_opts) wetee_keystore_export_scrypt_;
%inline %{
static wetee_rc wetee_keystore_export_scrypt_(wetee_buf *text_out, const wetee_keypair *kp, const char *password,
                                              size_t password_len, const char *optional_text,
                                              uint64_t when_created_ms, uint32_t scrypt_n, uint32_t scrypt_p,
                                              uint32_t scrypt_r) {
  wetee_keystore_options opts = WETEE_KEYSTORE_OPTIONS_INIT;
  opts.name = optional_text;
  opts.when_created_ms = when_created_ms;
  opts.scrypt_n = scrypt_n;
  opts.scrypt_p = scrypt_p;
  opts.scrypt_r = scrypt_r;
  return wetee_keystore_export_opts(text_out, kp, password, password_len, &opts);
}
%}
wetee_rc wetee_keystore_import(wetee_keypair **out, const char *json, size_t json_len, const char *password,
                               size_t password_len);
