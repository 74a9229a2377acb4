/**
 * @file mnemonic.h
 * @brief BIP-39 English mnemonics: generation, validation, entropy round
 *        trip, the substrate-bip39 mini secret and the standard BIP-39 seed.
 *
 * Phrase syntax (every function here, and the keypair constructors of
 * keys.h): 12, 15, 18, 21 or 24 words of lower-case ASCII letters from the
 * BIP-39 English list, separated by whitespace. As in sp-core (whose bip39
 * crate splits the phrase with Rust's `str::split_whitespace`), leading,
 * trailing and repeated whitespace is allowed, and whitespace is any
 * Unicode White_Space character: ASCII space, tab, line feed, carriage
 * return, vertical tab and form feed, and U+0085, U+00A0, U+1680,
 * U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 in UTF-8. So a
 * phrase read from a file with its final newline is accepted. Upper case
 * and every other non-ASCII byte are rejected (WETEE_ERR_DECODE): sp-core
 * and polkadot.js first apply NFKD, which folds e.g. full-width letters
 * into ASCII; libwetee has no Unicode tables, so callers holding such text
 * must normalise it themselves. (polkadot.js' mnemonicValidate is stricter
 * about whitespace: single spaces only.) Where the phrase itself is hashed
 * (wetee_mnemonic_to_bip39_seed()), it is the normalised sentence, the
 * words joined by single spaces, as in the bip39 crate.
 *
 * Passwords and passphrases are used byte-for-byte: libwetee applies no
 * Unicode normalisation, so a caller with a non-ASCII BIP-39 passphrase must
 * convert it to NFKD first, as BIP-39 requires.
 *
 * Error details name word positions and counts, never the words. All
 * functions are thread-safe. Outputs holding secrets (phrases, entropy,
 * seeds) belong to the caller, who must wipe them (wetee_buf_free_secure(),
 * wetee_wipe()); libwetee wipes its own temporary copies.
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
 * @param out replaced with the phrase (NUL-terminated); a secret owned by
 *        the caller, to release with wetee_buf_free_secure().
 * @param words 12, 15, 18, 21 or 24.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, another word
 *         count); WETEE_ERR_NO_MEMORY; WETEE_ERR_CRYPTO (libsodium could
 *         not be initialised).
 */
WETEE_API int wetee_mnemonic_generate(wetee_buf *out, unsigned words);
/**
 * @brief Check a phrase: syntax, word count, every word in the list, checksum.
 * @param phrase the phrase (not necessarily NUL-terminated).
 * @param len length of `phrase` in bytes.
 * @return WETEE_OK; WETEE_ERR_DECODE (empty phrase, a character or space
 *         not allowed by the syntax, with its offset; bad word count;
 *         unknown word, with its position); WETEE_ERR_CHECKSUM;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL phrase with len > 0);
 *         WETEE_ERR_CRYPTO (hash failure).
 */
WETEE_API int wetee_mnemonic_validate(const char *phrase, size_t len);
/**
 * @brief Phrase → entropy (16..32 bytes).
 * @param out replaced with the entropy (4 bytes per 3 words); a secret
 *        owned by the caller, to release with wetee_buf_free_secure().
 *        Untouched when the phrase is rejected.
 * @param phrase the phrase (not necessarily NUL-terminated).
 * @param len length of `phrase` in bytes.
 * @return as wetee_mnemonic_validate(), plus WETEE_ERR_INVALID_ARGUMENT for
 *         a NULL out and WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_mnemonic_to_entropy(wetee_buf *out, const char *phrase, size_t len);
/**
 * @brief Entropy (16, 20, 24, 28 or 32 bytes) → phrase (12..24 words).
 * @param out replaced with the phrase (NUL-terminated); a secret owned by
 *        the caller, to release with wetee_buf_free_secure().
 * @param entropy the entropy bytes.
 * @param len 16, 20, 24, 28 or 32.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out or entropy, another
 *         length); WETEE_ERR_NO_MEMORY; WETEE_ERR_CRYPTO (hash failure).
 */
WETEE_API int wetee_mnemonic_from_entropy(wetee_buf *out, const uint8_t *entropy, size_t len);
/**
 * @brief substrate-bip39 mini secret: first 32 bytes of
 *        PBKDF2-HMAC-SHA512(entropy, "mnemonic" ‖ password, 2048).
 *
 * This is the secret seed sp-core and polkadot.js derive sr25519, ed25519
 * and ecdsa keys from. The phrase is validated first.
 * @param out caller buffer of 32 bytes; receives the mini secret (a secret:
 *        wipe it when done). Untouched on error.
 * @param phrase the phrase (not necessarily NUL-terminated).
 * @param len length of `phrase` in bytes.
 * @param password the password bytes, used byte-for-byte (no
 *        normalisation); may be NULL when password_len is 0.
 * @param password_len length of `password` in bytes.
 * @return as wetee_mnemonic_validate(), plus WETEE_ERR_INVALID_ARGUMENT
 *         (NULL out, NULL password with password_len > 0, password too
 *         long), WETEE_ERR_NO_MEMORY and WETEE_ERR_CRYPTO (PBKDF2 failure).
 */
WETEE_API int wetee_mnemonic_to_mini_secret(uint8_t out[32], const char *phrase, size_t len, const char *password,
                                            size_t password_len);
/**
 * @brief Standard BIP-39 seed: PBKDF2-HMAC-SHA512(phrase, "mnemonic" ‖ passphrase, 2048), 64 bytes.
 *        The phrase is validated first.
 *
 * This is the seed BIP-32 (wetee_bip32_derive()) and Ethereum wallets use.
 * @param out caller buffer of 64 bytes; receives the seed (a secret: wipe
 *        it when done).
 * @param phrase the phrase (not necessarily NUL-terminated); a valid phrase
 *        is its own NFKD form.
 * @param len length of `phrase` in bytes.
 * @param passphrase the BIP-39 passphrase bytes, used byte-for-byte (NFKD
 *        normalisation is the caller's); may be NULL when passphrase_len
 *        is 0.
 * @param passphrase_len length of `passphrase` in bytes.
 * @return as wetee_mnemonic_validate(), plus WETEE_ERR_INVALID_ARGUMENT
 *         (NULL out, NULL passphrase with passphrase_len > 0, passphrase too
 *         long), WETEE_ERR_NO_MEMORY and WETEE_ERR_CRYPTO (PBKDF2 failure).
 */
WETEE_API int wetee_mnemonic_to_bip39_seed(uint8_t out[64], const char *phrase, size_t len, const char *passphrase,
                                           size_t passphrase_len);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_MNEMONIC_H */
