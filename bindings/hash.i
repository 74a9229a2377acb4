/*
 * hash.i - the one-shot hash functions of wetee/hash.h.
 *
 * Every function returns WETEE_OK or WETEE_ERR_INVALID_ARGUMENT (sizes out
 * of range); the OpenSSL/libsodium-backed ones may return WETEE_ERR_CRYPTO.
 * Not exposed yet: the incremental BLAKE3 hasher.
 */

#ifdef SWIGPYTHON
/* Slow by design: let other Python threads run meanwhile. */
%thread wetee_pbkdf2_sha256;
%thread wetee_pbkdf2_sha512;
#endif

%constant unsigned WETEE_BLAKE2B_KEY_MAX = WETEE_BLAKE2B_KEY_MAX;

wetee_rc wetee_hash_blake2b(uint8_t *out, size_t out_len, const uint8_t *key, size_t key_len,
                            const uint8_t *data, size_t len);
wetee_rc wetee_hash_blake2b_128(uint8_t out[16], const uint8_t *data, size_t len);
wetee_rc wetee_hash_blake2b_256(uint8_t out[32], const uint8_t *data, size_t len);
wetee_rc wetee_hash_blake2b_512(uint8_t out[64], const uint8_t *data, size_t len);
wetee_rc wetee_hash_blake2s_256(uint8_t out[32], const uint8_t *data, size_t len);

wetee_rc wetee_hash_twox64(uint8_t out[8], const uint8_t *data, size_t len);
wetee_rc wetee_hash_twox128(uint8_t out[16], const uint8_t *data, size_t len);
wetee_rc wetee_hash_twox256(uint8_t out[32], const uint8_t *data, size_t len);

wetee_rc wetee_hash_keccak256(uint8_t out[32], const uint8_t *data, size_t len);

wetee_rc wetee_hash_sha256(uint8_t out[32], const uint8_t *data, size_t len);
wetee_rc wetee_hash_sha512(uint8_t out[64], const uint8_t *data, size_t len);
wetee_rc wetee_hmac_sha256(uint8_t out[32], const uint8_t *key, size_t key_len, const uint8_t *data, size_t len);
wetee_rc wetee_hmac_sha512(uint8_t out[64], const uint8_t *key, size_t key_len, const uint8_t *data, size_t len);
wetee_rc wetee_pbkdf2_sha256(uint8_t *out, size_t out_len, const uint8_t *password, size_t password_len,
                             const uint8_t *salt, size_t salt_len, uint32_t iterations);
wetee_rc wetee_pbkdf2_sha512(uint8_t *out, size_t out_len, const uint8_t *password, size_t password_len,
                             const uint8_t *salt, size_t salt_len, uint32_t iterations);

wetee_rc wetee_hash_blake3(uint8_t *out, size_t out_len, const uint8_t *data, size_t len);
wetee_rc wetee_hash_blake3_keyed(uint8_t *out, size_t out_len, const uint8_t key[32], const uint8_t *data, size_t len);
wetee_rc wetee_hash_blake3_derive_key(uint8_t *out, size_t out_len, const char *context, size_t context_len,
                                      const uint8_t *material, size_t material_len);

wetee_rc wetee_crc16_xmodem(uint16_t *out, const uint8_t *data, size_t len);
wetee_rc wetee_crc32c(uint32_t *out, const uint8_t *data, size_t len);
