/**
 * @file mnemonic.h
 * @brief BIP-39 English mnemonics: generation, validation, entropy round
 *        trip, the substrate-bip39 mini secret and the standard BIP-39 seed.
 *
 * Phrases are single-space separated lower-case words. All functions are
 * thread-safe. Outputs holding secrets must be wiped by the caller
 * (wetee_buf_free_secure(), wetee_wipe()).
 */
#ifndef WETEE_MNEMONIC_H
#define WETEE_MNEMONIC_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Generate a phrase of 12, 15, 18, 21 or 24 words from libsodium's RNG.
 * @param out replaced with the phrase (NUL-terminated).
 */
WETEE_API int wetee_mnemonic_generate(wetee_buf *out, unsigned words);
/**
 * @brief Check a phrase: word count, every word in the list, checksum.
 * @return WETEE_OK; WETEE_ERR_DECODE (unknown word, with its position, or
 *         bad count); WETEE_ERR_CHECKSUM.
 */
WETEE_API int wetee_mnemonic_validate(const char *phrase, size_t len);
/** @brief Phrase → entropy (16..32 bytes). Errors as wetee_mnemonic_validate(). */
WETEE_API int wetee_mnemonic_to_entropy(wetee_buf *out, const char *phrase, size_t len);
/** @brief Entropy (16, 20, 24, 28 or 32 bytes) → phrase. */
WETEE_API int wetee_mnemonic_from_entropy(wetee_buf *out, const uint8_t *entropy, size_t len);
/**
 * @brief substrate-bip39 mini secret: first 32 bytes of
 *        PBKDF2-HMAC-SHA512(entropy, "mnemonic" ‖ password, 2048).
 * @param password may be NULL when password_len is 0.
 */
WETEE_API int wetee_mnemonic_to_mini_secret(uint8_t out[32], const char *phrase, size_t len, const char *password,
                                            size_t password_len);
/**
 * @brief Standard BIP-39 seed: PBKDF2-HMAC-SHA512(phrase, "mnemonic" ‖ passphrase, 2048), 64 bytes.
 *        The phrase is validated first.
 */
WETEE_API int wetee_mnemonic_to_bip39_seed(uint8_t out[64], const char *phrase, size_t len, const char *passphrase,
                                           size_t passphrase_len);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_MNEMONIC_H */
