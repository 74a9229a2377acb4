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
 */
#ifndef WETEE_HASH_H
#define WETEE_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#define WETEE_BLAKE2B_128_BYTES 16
#define WETEE_BLAKE2B_256_BYTES 32
#define WETEE_BLAKE2B_512_BYTES 64
#define WETEE_BLAKE2B_KEY_MAX 64
#define WETEE_BLAKE2S_256_BYTES 32
#define WETEE_TWOX64_BYTES 8
#define WETEE_TWOX128_BYTES 16
#define WETEE_TWOX256_BYTES 32
#define WETEE_KECCAK256_BYTES 32
#define WETEE_SHA256_BYTES 32
#define WETEE_SHA512_BYTES 64
#define WETEE_BLAKE3_BYTES 32
#define WETEE_BLAKE3_KEY_BYTES 32

/** @brief Size functions for bindings (same values as the macros). */
WETEE_API size_t wetee_blake2b_256_bytes(void);
WETEE_API size_t wetee_keccak256_bytes(void);
WETEE_API size_t wetee_blake3_bytes(void);

/**
 * @brief BLAKE2b with any output length 1..64 and an optional key of 0..64
 *        bytes (`key` may be NULL when `key_len` is 0).
 */
WETEE_API int wetee_hash_blake2b(uint8_t *out, size_t out_len, const uint8_t *key, size_t key_len,
                                 const uint8_t *data, size_t len);
/** @brief BLAKE2b-128 (Substrate `Blake2_128`). */
WETEE_API int wetee_hash_blake2b_128(uint8_t out[16], const uint8_t *data, size_t len);
/** @brief BLAKE2b-256 (Substrate `blake2_256`). */
WETEE_API int wetee_hash_blake2b_256(uint8_t out[32], const uint8_t *data, size_t len);
/** @brief BLAKE2b-512. */
WETEE_API int wetee_hash_blake2b_512(uint8_t out[64], const uint8_t *data, size_t len);
/** @brief BLAKE2s-256 (unkeyed). */
WETEE_API int wetee_hash_blake2s_256(uint8_t out[32], const uint8_t *data, size_t len);

/** @brief twox64: xxHash64 with seed 0, little-endian. */
WETEE_API int wetee_hash_twox64(uint8_t out[8], const uint8_t *data, size_t len);
/** @brief twox128: xxHash64 seeds 0 and 1, each little-endian, concatenated. */
WETEE_API int wetee_hash_twox128(uint8_t out[16], const uint8_t *data, size_t len);
/** @brief twox256: xxHash64 seeds 0..3, each little-endian, concatenated. */
WETEE_API int wetee_hash_twox256(uint8_t out[32], const uint8_t *data, size_t len);

/** @brief Keccak-256 (original Keccak padding 0x01, as Ethereum uses). */
WETEE_API int wetee_hash_keccak256(uint8_t out[32], const uint8_t *data, size_t len);

/** @brief SHA-256. */
WETEE_API int wetee_hash_sha256(uint8_t out[32], const uint8_t *data, size_t len);
/** @brief SHA-512. */
WETEE_API int wetee_hash_sha512(uint8_t out[64], const uint8_t *data, size_t len);
/** @brief HMAC-SHA-256. `key` may be NULL when `key_len` is 0. */
WETEE_API int wetee_hmac_sha256(uint8_t out[32], const uint8_t *key, size_t key_len,
                                const uint8_t *data, size_t len);
/** @brief HMAC-SHA-512. `key` may be NULL when `key_len` is 0. */
WETEE_API int wetee_hmac_sha512(uint8_t out[64], const uint8_t *key, size_t key_len,
                                const uint8_t *data, size_t len);
/**
 * @brief PBKDF2-HMAC-SHA-256 into `out_len` (1..2^20) bytes; `iterations`
 *        1..2^31-1; `password` and `salt` may be NULL when their length is 0.
 */
WETEE_API int wetee_pbkdf2_sha256(uint8_t *out, size_t out_len, const uint8_t *password, size_t password_len,
                                  const uint8_t *salt, size_t salt_len, uint32_t iterations);
/**
 * @brief PBKDF2-HMAC-SHA-512 into `out_len` (1..2^20) bytes; `iterations`
 *        1..2^31-1; `password` and `salt` may be NULL when their length is 0.
 */
WETEE_API int wetee_pbkdf2_sha512(uint8_t *out, size_t out_len, const uint8_t *password, size_t password_len,
                                  const uint8_t *salt, size_t salt_len, uint32_t iterations);

/** @brief BLAKE3 hash with extended output of any length `out_len` >= 1
 *         (the first 32 bytes are the default-length hash). */
WETEE_API int wetee_hash_blake3(uint8_t *out, size_t out_len, const uint8_t *data, size_t len);
/** @brief BLAKE3 keyed hash (32-byte key), extended output of any length. */
WETEE_API int wetee_hash_blake3_keyed(uint8_t *out, size_t out_len, const uint8_t key[32],
                                      const uint8_t *data, size_t len);
/**
 * @brief BLAKE3 key derivation: `context` (any bytes, normally a hard-coded
 *        string) and key material, extended output of any length.
 */
WETEE_API int wetee_hash_blake3_derive_key(uint8_t *out, size_t out_len, const char *context, size_t context_len,
                                           const uint8_t *material, size_t material_len);

/** @brief Incremental BLAKE3 hasher (opaque; one thread at a time). */
typedef struct wetee_blake3 wetee_blake3;

/**
 * @brief Create a hasher: plain when `key` is NULL, keyed with the 32 bytes
 *        at `key` otherwise (copied).
 * @param out receives the hasher (NULL on failure); free it with
 *        wetee_blake3_free().
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL out) or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_blake3_new(wetee_blake3 **out, const uint8_t *key);
/** @brief Absorb more input (`data` may be NULL when `len` is 0). */
WETEE_API int wetee_blake3_update(wetee_blake3 *h, const uint8_t *data, size_t len);
/**
 * @brief Write `out_len` (>= 1) bytes of output for everything absorbed so
 *        far. The hasher is not changed: more input may follow, and a later
 *        finalize covers all of it.
 */
WETEE_API int wetee_blake3_finalize(const wetee_blake3 *h, uint8_t *out, size_t out_len);
/** @brief Release a hasher (wiped). Accepts NULL. */
WETEE_API void wetee_blake3_free(wetee_blake3 *h);

/** @brief CRC-16/XMODEM (poly 0x1021, init 0, no reflection), as TON uses. */
WETEE_API int wetee_crc16_xmodem(uint16_t *out, const uint8_t *data, size_t len);
/** @brief CRC-32C (Castagnoli, reflected, init/xorout 0xFFFFFFFF). */
WETEE_API int wetee_crc32c(uint32_t *out, const uint8_t *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_HASH_H */
