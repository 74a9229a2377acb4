/*
 * mnemonic.i - BIP-39 English mnemonics of wetee/mnemonic.h.
 *
 * Phrases, entropy and seeds are secrets: they come back through the
 * secret_out typemaps, which wipe the C copies.
 */

#ifdef SWIGPYTHON
/* PBKDF2 with 2048 iterations: let other Python threads run meanwhile. */
%thread wetee_mnemonic_to_mini_secret;
%thread wetee_mnemonic_to_bip39_seed;
#endif

/* 12, 15, 18, 21 or 24 words from libsodium's RNG */
wetee_rc wetee_mnemonic_generate(wetee_buf *secret_text_out, unsigned words);
/* WETEE_ERR_DECODE (unknown word with its position, bad count), WETEE_ERR_CHECKSUM */
wetee_rc wetee_mnemonic_validate(const char *phrase, size_t phrase_len);
wetee_rc wetee_mnemonic_to_entropy(wetee_buf *secret_out, const char *phrase, size_t phrase_len);
wetee_rc wetee_mnemonic_from_entropy(wetee_buf *secret_text_out, const uint8_t *entropy, size_t entropy_len);
/* substrate-bip39 mini secret (from the entropy, not the phrase) */
wetee_rc wetee_mnemonic_to_mini_secret(uint8_t secret_out[32], const char *phrase, size_t phrase_len,
                                       const char *password, size_t password_len);
/* standard BIP-39 seed */
wetee_rc wetee_mnemonic_to_bip39_seed(uint8_t secret_out[64], const char *phrase, size_t phrase_len,
                                      const char *passphrase, size_t passphrase_len);
