/**
 * @file hash.h
 * @brief Hash functions used across Substrate, Ethereum, TON and attestation:
 *        BLAKE2b/BLAKE2s, twox (xxHash64), Keccak-256, SHA-2, HMAC, PBKDF2,
 *        BLAKE3, CRC16-XMODEM and CRC32C.
 *
 * All functions are pure and thread-safe (except a wetee_blake3 hasher,
 * which is used by one thread at a time). `data` may be NULL when `len` is 0.
 * Every function returns WETEE_OK or WETEE_ERR_INVALID_ARGUMENT (NULL output,
 * NULL input with non-zero length, sizes out of range; wetee_last_error()
 * names the function and the argument); the functions backed by OpenSSL or
 * libsodium (BLAKE2b, BLAKE2s, SHA-2, HMAC, PBKDF2) may also return
 * WETEE_ERR_CRYPTO when that library fails, and wetee_blake3_new()
 * WETEE_ERR_NO_MEMORY. Keccak-256, BLAKE3 and the CRCs are written in
 * libwetee and cannot fail on valid arguments.
 *
 * Outputs go into caller buffers of the documented size; nothing here
 * allocates except wetee_blake3_new(). Inputs are only read and may be
 * released as soon as the call returns. Keys, passwords and derived keys
 * written to caller buffers are the caller's to wipe (wetee_wipe()).
 */
#ifndef WETEE_HASH_H
#define WETEE_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Output size of wetee_hash_blake2b_128() (Substrate `Blake2_128`). */
#define WETEE_BLAKE2B_128_BYTES 16
/** @brief Output size of wetee_hash_blake2b_256(). */
#define WETEE_BLAKE2B_256_BYTES 32
/** @brief Output size of wetee_hash_blake2b_512(); also the largest output of wetee_hash_blake2b(). */
#define WETEE_BLAKE2B_512_BYTES 64
/** @brief Largest key of wetee_hash_blake2b(), in bytes. */
#define WETEE_BLAKE2B_KEY_MAX 64
/** @brief Output size of wetee_hash_blake2s_256(). */
#define WETEE_BLAKE2S_256_BYTES 32
/** @brief Output size of wetee_hash_twox64(). */
#define WETEE_TWOX64_BYTES 8
/** @brief Output size of wetee_hash_twox128(). */
#define WETEE_TWOX128_BYTES 16
/** @brief Output size of wetee_hash_twox256(). */
#define WETEE_TWOX256_BYTES 32
/** @brief Output size of wetee_hash_keccak256(). */
#define WETEE_KECCAK256_BYTES 32
/** @brief Output size of wetee_hash_sha256() and wetee_hmac_sha256(). */
#define WETEE_SHA256_BYTES 32
/** @brief Output size of wetee_hash_sha512() and wetee_hmac_sha512(). */
#define WETEE_SHA512_BYTES 64
/** @brief Default BLAKE3 output size (the XOF functions accept any length >= 1). */
#define WETEE_BLAKE3_BYTES 32
/** @brief Size of a BLAKE3 key (wetee_hash_blake3_keyed(), wetee_blake3_new()). */
#define WETEE_BLAKE3_KEY_BYTES 32

/**
 * @brief WETEE_BLAKE2B_256_BYTES as a function, for bindings.
 * @return 32.
 */
WETEE_API size_t wetee_blake2b_256_bytes(void);
/**
 * @brief WETEE_KECCAK256_BYTES as a function, for bindings.
 * @return 32.
 */
WETEE_API size_t wetee_keccak256_bytes(void);
/**
 * @brief WETEE_BLAKE3_BYTES as a function, for bindings.
 * @return 32.
 */
WETEE_API size_t wetee_blake3_bytes(void);

/**
 * @brief BLAKE2b with any output length 1..64 and an optional key of 0..64
 *        bytes (`key` may be NULL when `key_len` is 0).
 * @param out caller buffer of `out_len` bytes; receives the digest.
 * @param out_len digest length, 1..WETEE_BLAKE2B_512_BYTES.
 * @param key the key, or NULL when `key_len` is 0 (unkeyed).
 * @param key_len key length, 0..WETEE_BLAKE2B_KEY_MAX.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, out_len or key_len
 *         out of range, NULL key or data with a non-zero length);
 *         WETEE_ERR_CRYPTO if libsodium fails.
 */
WETEE_API int wetee_hash_blake2b(uint8_t *out, size_t out_len, const uint8_t *key, size_t key_len,
                                 const uint8_t *data, size_t len);
/**
 * @brief BLAKE2b-128 (Substrate `Blake2_128`).
 * @param out caller buffer of 16 bytes; receives the digest.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0); WETEE_ERR_CRYPTO if the underlying library fails.
 */
WETEE_API int wetee_hash_blake2b_128(uint8_t out[16], const uint8_t *data, size_t len);
/**
 * @brief BLAKE2b-256 (Substrate `blake2_256`).
 * @param out caller buffer of 32 bytes; receives the digest.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0); WETEE_ERR_CRYPTO if the underlying library fails.
 */
WETEE_API int wetee_hash_blake2b_256(uint8_t out[32], const uint8_t *data, size_t len);
/**
 * @brief BLAKE2b-512.
 * @param out caller buffer of 64 bytes; receives the digest.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0); WETEE_ERR_CRYPTO if the underlying library fails.
 */
WETEE_API int wetee_hash_blake2b_512(uint8_t out[64], const uint8_t *data, size_t len);
/**
 * @brief BLAKE2s-256 (unkeyed).
 * @param out caller buffer of 32 bytes; receives the digest.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0); WETEE_ERR_CRYPTO if the underlying library fails.
 */
WETEE_API int wetee_hash_blake2s_256(uint8_t out[32], const uint8_t *data, size_t len);

/**
 * @brief twox64: xxHash64 with seed 0, little-endian.
 * @param out caller buffer of 8 bytes; receives the digest.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0).
 */
WETEE_API int wetee_hash_twox64(uint8_t out[8], const uint8_t *data, size_t len);
/**
 * @brief twox128: xxHash64 seeds 0 and 1, each little-endian, concatenated.
 * @param out caller buffer of 16 bytes; receives the digest.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0).
 */
WETEE_API int wetee_hash_twox128(uint8_t out[16], const uint8_t *data, size_t len);
/**
 * @brief twox256: xxHash64 seeds 0..3, each little-endian, concatenated.
 * @param out caller buffer of 32 bytes; receives the digest.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0).
 */
WETEE_API int wetee_hash_twox256(uint8_t out[32], const uint8_t *data, size_t len);

/**
 * @brief Keccak-256 (original Keccak padding 0x01, as Ethereum uses).
 * @param out caller buffer of 32 bytes; receives the digest.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0).
 */
WETEE_API int wetee_hash_keccak256(uint8_t out[32], const uint8_t *data, size_t len);

/**
 * @brief SHA-256.
 * @param out caller buffer of 32 bytes; receives the digest.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0); WETEE_ERR_CRYPTO if the underlying library fails.
 */
WETEE_API int wetee_hash_sha256(uint8_t out[32], const uint8_t *data, size_t len);
/**
 * @brief SHA-512.
 * @param out caller buffer of 64 bytes; receives the digest.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0); WETEE_ERR_CRYPTO if the underlying library fails.
 */
WETEE_API int wetee_hash_sha512(uint8_t out[64], const uint8_t *data, size_t len);
/**
 * @brief HMAC-SHA-256.
 * @param out caller buffer of 32 bytes; receives the MAC.
 * @param key the key (any length up to INT_MAX); may be NULL when `key_len` is 0.
 * @param key_len key length in bytes.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL key or data
 *         with a non-zero length, key_len above INT_MAX); WETEE_ERR_CRYPTO
 *         if OpenSSL fails.
 */
WETEE_API int wetee_hmac_sha256(uint8_t out[32], const uint8_t *key, size_t key_len,
                                const uint8_t *data, size_t len);
/**
 * @brief HMAC-SHA-512.
 * @param out caller buffer of 64 bytes; receives the MAC.
 * @param key the key (any length up to INT_MAX); may be NULL when `key_len` is 0.
 * @param key_len key length in bytes.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL key or data
 *         with a non-zero length, key_len above INT_MAX); WETEE_ERR_CRYPTO
 *         if OpenSSL fails.
 */
WETEE_API int wetee_hmac_sha512(uint8_t out[64], const uint8_t *key, size_t key_len,
                                const uint8_t *data, size_t len);
/**
 * @brief PBKDF2-HMAC-SHA-256 into `out_len` (1..2^20) bytes; `iterations`
 *        1..2^31-1; `password` and `salt` may be NULL when their length is 0.
 * @param out caller buffer of `out_len` bytes; receives the derived key
 *        (a secret: wipe it when done).
 * @param out_len 1..2^20.
 * @param password the password bytes (used as is); may be NULL when
 *        `password_len` is 0.
 * @param password_len password length, at most INT_MAX.
 * @param salt the salt; may be NULL when `salt_len` is 0.
 * @param salt_len salt length, at most INT_MAX.
 * @param iterations iteration count, 1..2^31-1.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, a length or the
 *         iteration count out of range, NULL password or salt with a
 *         non-zero length); WETEE_ERR_CRYPTO if OpenSSL fails.
 */
WETEE_API int wetee_pbkdf2_sha256(uint8_t *out, size_t out_len, const uint8_t *password, size_t password_len,
                                  const uint8_t *salt, size_t salt_len, uint32_t iterations);
/**
 * @brief PBKDF2-HMAC-SHA-512 into `out_len` (1..2^20) bytes; `iterations`
 *        1..2^31-1; `password` and `salt` may be NULL when their length is 0.
 * @param out caller buffer of `out_len` bytes; receives the derived key
 *        (a secret: wipe it when done).
 * @param out_len 1..2^20.
 * @param password the password bytes (used as is); may be NULL when
 *        `password_len` is 0.
 * @param password_len password length, at most INT_MAX.
 * @param salt the salt; may be NULL when `salt_len` is 0.
 * @param salt_len salt length, at most INT_MAX.
 * @param iterations iteration count, 1..2^31-1.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, a length or the
 *         iteration count out of range, NULL password or salt with a
 *         non-zero length); WETEE_ERR_CRYPTO if OpenSSL fails.
 */
WETEE_API int wetee_pbkdf2_sha512(uint8_t *out, size_t out_len, const uint8_t *password, size_t password_len,
                                  const uint8_t *salt, size_t salt_len, uint32_t iterations);

/**
 * @brief BLAKE3 hash with extended output of any length `out_len` >= 1
 *        (the first 32 bytes are the default-length hash).
 * @param out caller buffer of `out_len` bytes; receives the output.
 * @param out_len output length, >= 1.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL out, out_len 0,
 *         NULL input with a non-zero length).
 */
WETEE_API int wetee_hash_blake3(uint8_t *out, size_t out_len, const uint8_t *data, size_t len);
/**
 * @brief BLAKE3 keyed hash (32-byte key), extended output of any length.
 * @param out caller buffer of `out_len` bytes; receives the output.
 * @param out_len output length, >= 1.
 * @param key the WETEE_BLAKE3_KEY_BYTES-byte key (must not be NULL).
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL out, out_len 0,
 *         NULL input with a non-zero length, NULL key).
 */
WETEE_API int wetee_hash_blake3_keyed(uint8_t *out, size_t out_len, const uint8_t key[32],
                                      const uint8_t *data, size_t len);
/**
 * @brief BLAKE3 key derivation: `context` (any bytes, normally a hard-coded
 *        string) and key material, extended output of any length.
 * @param out caller buffer of `out_len` bytes; receives the derived key.
 * @param out_len output length, >= 1.
 * @param context the context string (not necessarily NUL-terminated); may be
 *        NULL when `context_len` is 0.
 * @param context_len length of `context` in bytes.
 * @param material the key material; may be NULL when `material_len` is 0.
 * @param material_len length of `material` in bytes.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL out, out_len 0,
 *         NULL input with a non-zero length).
 */
WETEE_API int wetee_hash_blake3_derive_key(uint8_t *out, size_t out_len, const char *context, size_t context_len,
                                           const uint8_t *material, size_t material_len);

/** @brief Incremental BLAKE3 hasher (opaque; one thread at a time). */
typedef struct wetee_blake3 wetee_blake3;

/**
 * @brief Create a hasher: plain when `key` is NULL, keyed with the 32 bytes
 *        at `key` otherwise (copied).
 * @param out receives the hasher (NULL on failure); the caller owns it and
 *        frees it with wetee_blake3_free().
 * @param key NULL for plain hashing, or WETEE_BLAKE3_KEY_BYTES bytes for
 *        keyed hashing (copied; the caller keeps ownership).
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_blake3_new(wetee_blake3 **out, const uint8_t *key);
/**
 * @brief Absorb more input.
 * @param h the hasher.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL h, NULL data with
 *         len > 0).
 */
WETEE_API int wetee_blake3_update(wetee_blake3 *h, const uint8_t *data, size_t len);
/**
 * @brief Write `out_len` (>= 1) bytes of output for everything absorbed so
 *        far. The hasher is not changed: more input may follow, and a later
 *        finalize covers all of it.
 * @param h the hasher (not modified).
 * @param out caller buffer of `out_len` bytes; receives the output.
 * @param out_len output length, >= 1.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL h or out, out_len 0).
 */
WETEE_API int wetee_blake3_finalize(const wetee_blake3 *h, uint8_t *out, size_t out_len);
/**
 * @brief Release a hasher, wiping its state.
 * @param h the hasher, or NULL (no-op). Invalid afterwards.
 */
WETEE_API void wetee_blake3_free(wetee_blake3 *h);

/**
 * @brief CRC-16/XMODEM (poly 0x1021, init 0, no reflection), as TON uses.
 * @param out receives the checksum.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0).
 */
WETEE_API int wetee_crc16_xmodem(uint16_t *out, const uint8_t *data, size_t len);
/**
 * @brief CRC-32C (Castagnoli, reflected, init/xorout 0xFFFFFFFF).
 * @param out receives the checksum.
 * @param data the input; may be NULL when `len` is 0.
 * @param len length of `data` in bytes.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0).
 */
WETEE_API int wetee_crc32c(uint32_t *out, const uint8_t *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_HASH_H */
