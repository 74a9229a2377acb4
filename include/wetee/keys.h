/**
 * @file keys.h
 * @brief Keys and signatures: sr25519 (schnorrkel, as Substrate uses it),
 *        ed25519, ecdsa (secp256k1, Substrate style) and Ethereum keys;
 *        hard/soft derivation; secret URIs; a scheme-generic keypair; the
 *        polkadot.js JSON keystore (v3).
 *
 * Byte layouts follow polkadot-sdk (sp-core) and polkadot.js:
 * - sr25519 secrets are 64 bytes `key ‖ nonce`, exchanged in the
 *   "ed25519 form" (key multiplied by the cofactor 8), as polkadot.js and
 *   every keystore hold them; conversion functions give the canonical form.
 * - ed25519 secrets are 64 bytes `seed ‖ public` (libsodium / polkadot.js).
 * - ecdsa and Ethereum secrets are 32-byte secp256k1 scalars; public keys
 *   are 33-byte compressed points.
 *
 * Secret outputs are the caller's to wipe (wetee_wipe()); keypair handles
 * wipe themselves on free. Every primitive is thread-safe; a keypair handle
 * may be used from several threads at once for signing (it is immutable).
 */
#ifndef WETEE_KEYS_H
#define WETEE_KEYS_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Signature schemes. Values are stable (ABI). */
typedef enum wetee_scheme {
    WETEE_SCHEME_SR25519 = 0,  /**< schnorrkel sr25519, AccountId32 = public key */
    WETEE_SCHEME_ED25519 = 1,  /**< RFC 8032 Ed25519, AccountId32 = public key */
    WETEE_SCHEME_ECDSA = 2,    /**< secp256k1, AccountId32 = blake2b-256(public33) */
    WETEE_SCHEME_ETHEREUM = 3  /**< secp256k1 with BIP-32, AccountId20 = keccak address */
} wetee_scheme;

#define WETEE_SR25519_SEED_BYTES 32
#define WETEE_SR25519_PUBLIC_BYTES 32
#define WETEE_SR25519_SECRET_BYTES 64
#define WETEE_SR25519_SIGNATURE_BYTES 64
#define WETEE_ED25519_SEED_BYTES 32
#define WETEE_ED25519_PUBLIC_BYTES 32
#define WETEE_ED25519_SECRET_BYTES 64
#define WETEE_ED25519_SIGNATURE_BYTES 64
#define WETEE_ECDSA_SECRET_BYTES 32
#define WETEE_ECDSA_PUBLIC_BYTES 33
#define WETEE_ECDSA_SIGNATURE_BYTES 65
#define WETEE_ETH_ADDRESS_BYTES 20
#define WETEE_CHAIN_CODE_BYTES 32
/** @brief Largest public key of any scheme (ecdsa compressed). */
#define WETEE_PUBLIC_MAX_BYTES 33
/** @brief Largest signature of any scheme (ecdsa recoverable). */
#define WETEE_SIGNATURE_MAX_BYTES 65

/** @brief Size functions for bindings. */
WETEE_API size_t wetee_sr25519_signature_bytes(void);
WETEE_API size_t wetee_ecdsa_signature_bytes(void);

/* ------------------------------------------------------------------ */
/* sr25519                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Expand a 32-byte mini secret (Ed25519 expansion mode, as Substrate).
 * @param secret receives `8·key ‖ nonce` (ed25519 form).
 * @param pub receives the public key.
 */
WETEE_API int wetee_sr25519_keypair_from_seed(uint8_t secret[64], uint8_t pub[32], const uint8_t seed[32]);
/** @brief ed25519 form → canonical (`key ‖ nonce`, key reduced mod ℓ). */
WETEE_API int wetee_sr25519_secret_to_canonical(uint8_t out[64], const uint8_t ed25519_form[64]);
/** @brief canonical → ed25519 form. WETEE_ERR_CRYPTO when the key is not a canonical scalar. */
WETEE_API int wetee_sr25519_secret_from_canonical(uint8_t out[64], const uint8_t canonical[64]);
/** @brief Public key of an ed25519-form secret. */
WETEE_API int wetee_sr25519_public_from_secret(uint8_t pub[32], const uint8_t secret[64]);
/**
 * @brief Sign with the "substrate" signing context and fresh randomness.
 * @param secret ed25519-form secret; @param pub its public key.
 */
WETEE_API int wetee_sr25519_sign(uint8_t sig[64], const uint8_t secret[64], const uint8_t pub[32],
                                 const uint8_t *msg, size_t msg_len);
/**
 * @brief Verify a signature made with the "substrate" context.
 * @return WETEE_OK when valid; WETEE_ERR_VERIFY otherwise (missing marker
 *         bit, non-canonical s, invalid or identity public key, mismatch).
 */
WETEE_API int wetee_sr25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32]);
/** @brief Hard derivation (`//junction`) with a 32-byte chain code. */
WETEE_API int wetee_sr25519_derive_hard(uint8_t out_secret[64], uint8_t out_pub[32], const uint8_t secret[64],
                                        const uint8_t chain_code[32]);
/** @brief Soft derivation (`/junction`) of a keypair (the new nonce is random, as in sp-core). */
WETEE_API int wetee_sr25519_derive_soft(uint8_t out_secret[64], uint8_t out_pub[32], const uint8_t secret[64],
                                        const uint8_t pub[32], const uint8_t chain_code[32]);
/** @brief Soft derivation of a public key alone. */
WETEE_API int wetee_sr25519_derive_public(uint8_t out_pub[32], const uint8_t pub[32], const uint8_t chain_code[32]);

/* ------------------------------------------------------------------ */
/* ed25519                                                             */
/* ------------------------------------------------------------------ */

/** @brief Keypair from a 32-byte RFC 8032 seed; secret = seed ‖ public. */
WETEE_API int wetee_ed25519_keypair_from_seed(uint8_t secret[64], uint8_t pub[32], const uint8_t seed[32]);
/** @brief Deterministic RFC 8032 signature. */
WETEE_API int wetee_ed25519_sign(uint8_t sig[64], const uint8_t secret[64], const uint8_t *msg, size_t msg_len);
/** @brief Verify; WETEE_OK or WETEE_ERR_VERIFY. */
WETEE_API int wetee_ed25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32]);
/** @brief Hard derivation: seed' = blake2b-256(SCALE(("Ed25519HDKD", seed, cc))). */
WETEE_API int wetee_ed25519_derive_hard(uint8_t out_seed[32], const uint8_t seed[32], const uint8_t chain_code[32]);

/* ------------------------------------------------------------------ */
/* ecdsa (Substrate) and Ethereum                                      */
/* ------------------------------------------------------------------ */

/** @brief Public key (33-byte compressed) of a secp256k1 secret; WETEE_ERR_CRYPTO for 0 or ≥ n. */
WETEE_API int wetee_ecdsa_public_from_secret(uint8_t pub[33], const uint8_t secret[32]);
/** @brief Substrate ecdsa signature: recoverable over blake2b-256(msg), RFC 6979, low-s: r ‖ s ‖ recid. */
WETEE_API int wetee_ecdsa_sign(uint8_t sig[65], const uint8_t secret[32], const uint8_t *msg, size_t msg_len);
/** @brief Verify by recovery against the compressed public key; WETEE_OK or WETEE_ERR_VERIFY. */
WETEE_API int wetee_ecdsa_verify(const uint8_t sig[65], const uint8_t *msg, size_t msg_len, const uint8_t pub[33]);
/** @brief Hard derivation: seed' = blake2b-256(SCALE(("Secp256k1HDKD", seed, cc))). */
WETEE_API int wetee_ecdsa_derive_hard(uint8_t out_secret[32], const uint8_t secret[32], const uint8_t chain_code[32]);
/** @brief AccountId32 of an ecdsa key: blake2b-256(pub33). */
WETEE_API int wetee_ecdsa_account_id(uint8_t out[32], const uint8_t pub[33]);

/** @brief Ethereum signature: recoverable over keccak-256(msg): r ‖ s ‖ v (v = recid 0/1). */
WETEE_API int wetee_eth_sign(uint8_t sig[65], const uint8_t secret[32], const uint8_t *msg, size_t msg_len);
/** @brief Verify an Ethereum signature against a 20-byte address; WETEE_OK or WETEE_ERR_VERIFY. */
WETEE_API int wetee_eth_verify(const uint8_t sig[65], const uint8_t *msg, size_t msg_len, const uint8_t address[20]);
/** @brief Address = keccak-256(uncompressed public key without 0x04)[12..32]; accepts a 33- or 65-byte public key. */
WETEE_API int wetee_eth_address(uint8_t out[20], const uint8_t *pub, size_t pub_len);
/** @brief "0x" + EIP-55 checksummed hex of an address (NUL-terminated in `out`). */
WETEE_API int wetee_eth_address_to_string(wetee_buf *out, const uint8_t address[20]);
/**
 * @brief Parse "0x…" hex (40 digits); mixed case must match the EIP-55
 *        checksum (WETEE_ERR_CHECKSUM), all-lower or all-upper is accepted.
 */
WETEE_API int wetee_eth_address_from_string(uint8_t out[20], const char *text, size_t len);
/**
 * @brief BIP-32 derivation from a 64-byte BIP-39 seed along a path such as
 *        "m/44'/60'/0'/0/0" ("m" alone gives the master key).
 */
WETEE_API int wetee_bip32_derive(uint8_t out_secret[32], const uint8_t *seed, size_t seed_len, const char *path,
                                 size_t path_len);

/* ------------------------------------------------------------------ */
/* Secret URIs                                                         */
/* ------------------------------------------------------------------ */

/** @brief The Substrate development phrase used when a SURI has no phrase. */
#define WETEE_DEV_PHRASE "bottom drive obey lake curtain smoke basket hold race lonely fit walk"

/** @brief A parsed secret URI `phrase//hard/soft///password` (opaque; secrets wiped on free). */
typedef struct wetee_suri wetee_suri;

/**
 * @brief Parse a SURI with sp-core's grammar. An omitted phrase means
 *        WETEE_DEV_PHRASE. Junctions are encoded to chain codes as in
 *        sp-core (decimal u64 → 8 bytes LE, otherwise SCALE string; > 32
 *        bytes → blake2b-256; zero-padded to 32).
 *
 * Grammar (sp-core `AddressUri`):
 * `^(phrase [a-zA-Z0-9 ]+)? (path (//?[^/]+)*) (///password)?$` — the phrase
 * is the longest prefix of ASCII letters, digits and spaces; `//x` is a hard
 * and `/x` a soft junction (x non-empty, any characters but '/'); `///`
 * starts the password, which is the rest of the string and may contain '/'
 * (not a newline). A decimal junction is a Rust `u64` (an optional '+',
 * leading zeros allowed, at most 2^64-1); anything else is a string.
 * The input must be UTF-8 without NUL bytes.
 *
 * Where polkadot.js (`keyExtractSuri`, `DeriveJunction`, `Keyring.createFromUri`) differs:
 * - it normalises to NFC and allows Unicode letters and digits in the phrase;
 *   here the phrase is ASCII only;
 * - it supplies the DEV phrase only for SURIs starting with `//`; here any
 *   SURI without a phrase gets it (e.g. "/foo", "///pw");
 * - numeric junctions are 256-bit LE numbers there: the chain code is the
 *   same below 2^64, but "//18446744073709551616" differs (a string here);
 *   "+5" is the number 5 here and a string there;
 * - a `0x…` junction is hex-decoded there, a string here;
 * - a phrase that is not a mnemonic and at most 32 characters is used there
 *   as a seed (UTF-8 padded with spaces); here it is an error.
 * Secrets are never quoted in error details, only offsets.
 * @param out receives the parsed URI, to free with wetee_suri_free().
 * @param suri the text (not necessarily NUL-terminated); @param len its length in bytes.
 * @return WETEE_OK; WETEE_ERR_DECODE with the offset of the problem
 *         (empty junction, character not allowed in the phrase, newline in
 *         the password, NUL or invalid UTF-8); WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_suri_parse(wetee_suri **out, const char *suri, size_t len);
/** @brief The phrase (or "0x…" seed) part; never NULL. */
WETEE_API const char *wetee_suri_phrase(const wetee_suri *s);
/** @brief The password, or NULL when there is no `///` part. */
WETEE_API const char *wetee_suri_password(const wetee_suri *s);
/** @brief Number of junctions. */
WETEE_API size_t wetee_suri_junction_count(const wetee_suri *s);
/**
 * @brief Junction `i`: its chain code and whether it is hard.
 * @return WETEE_ERR_INVALID_ARGUMENT when i is out of range.
 */
WETEE_API int wetee_suri_junction(const wetee_suri *s, size_t i, uint8_t chain_code[32], int *is_hard);
/** @brief Free (wiping the phrase and password). Accepts NULL. */
WETEE_API void wetee_suri_free(wetee_suri *s);

/* ------------------------------------------------------------------ */
/* Scheme-generic keypair                                              */
/* ------------------------------------------------------------------ */

/** @brief A keypair of any scheme (opaque, immutable, wiped and unlocked on free). */
typedef struct wetee_keypair wetee_keypair;

/**
 * @brief Keypair from a secret URI (phrase or 0x seed, junctions, password).
 *
 * sr25519, ed25519, ecdsa (as sp-core): a `0x` phrase is a 32-byte seed
 * (sr25519 also takes a 64-byte canonical secret `key ‖ nonce`) and any
 * password is ignored; otherwise the phrase is a BIP-39 English mnemonic
 * (runs of spaces are allowed) turned into the substrate-bip39 mini secret
 * with the password. Junctions apply in order; ed25519 and ecdsa accept only
 * hard junctions.
 *
 * WETEE_SCHEME_ETHEREUM (as polkadot.js): the path is BIP-32
 * (`phrase/m/44'/60'/0'/0/0`) over the standard BIP-39 seed with an empty
 * passphrase — the `///password` is ignored, as polkadot.js does; with no
 * path the key is the BIP-32 master key; a `0x` phrase is the 32-byte
 * private key itself and may not be followed by a path.
 * @param out receives the keypair, to free with wetee_keypair_free().
 * @param scheme the key scheme.
 * @param suri the SURI text; @param len its length in bytes.
 * @return WETEE_OK; WETEE_ERR_DECODE (SURI syntax, seed length or hex,
 *         mnemonic word or count); WETEE_ERR_CHECKSUM (mnemonic checksum);
 *         WETEE_ERR_UNSUPPORTED (soft junction on ed25519/ecdsa, path after
 *         an Ethereum private key); WETEE_ERR_CRYPTO (secp256k1 secret 0 or
 *         ≥ n); WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_keypair_from_suri(wetee_keypair **out, wetee_scheme scheme, const char *suri, size_t len);
/**
 * @brief Keypair from a mnemonic and optional password (`password` may be NULL).
 *        sr25519/ed25519/ecdsa: substrate-bip39 mini secret with the password.
 *        Ethereum: BIP-32 master key of the standard BIP-39 seed, the password
 *        being the BIP-39 passphrase (use wetee_keypair_from_suri() for a path).
 */
WETEE_API int wetee_keypair_from_mnemonic(wetee_keypair **out, wetee_scheme scheme, const char *phrase,
                                          size_t phrase_len, const char *password, size_t password_len);
/**
 * @brief Keypair from a raw seed: 32 bytes for every scheme (sr25519 also
 *        accepts a 64-byte canonical secret, as sp-core does).
 */
WETEE_API int wetee_keypair_from_seed(wetee_keypair **out, wetee_scheme scheme, const uint8_t *seed, size_t len);
/** @brief Fresh keypair from libsodium's RNG. */
WETEE_API int wetee_keypair_generate(wetee_keypair **out, wetee_scheme scheme);
/**
 * @brief Derive along a path of junctions ("//hard/soft", starting with '/';
 *        no password; "" copies the keypair).
 * @return WETEE_ERR_UNSUPPORTED for soft junctions on ed25519/ecdsa, and for
 *         Ethereum keypairs, which keep no BIP-32 chain code (give the full
 *         path to wetee_keypair_from_suri(), as polkadot.js requires too);
 *         WETEE_ERR_DECODE for a malformed path.
 */
WETEE_API int wetee_keypair_derive(wetee_keypair **out, const wetee_keypair *kp, const char *path, size_t len);
/** @brief The scheme of a keypair ((wetee_scheme)-1 for NULL). */
WETEE_API wetee_scheme wetee_keypair_scheme(const wetee_keypair *kp);
/**
 * @brief Public key (32 bytes, or 33 for ecdsa/ethereum).
 * @param kp the keypair.
 * @param out a buffer of WETEE_PUBLIC_MAX_BYTES; @param out_len receives the length (may be NULL).
 */
WETEE_API int wetee_keypair_public(const wetee_keypair *kp, uint8_t out[WETEE_PUBLIC_MAX_BYTES], size_t *out_len);
/**
 * @brief Account id: 32 bytes (20 for ethereum; blake2b-256 of the public key for ecdsa).
 * @param kp the keypair; @param out a buffer of 32 bytes; @param out_len receives the length (may be NULL).
 */
WETEE_API int wetee_keypair_account_id(const wetee_keypair *kp, uint8_t out[32], size_t *out_len);
/**
 * @brief Address text: SS58 with `prefix` for sr25519/ed25519/ecdsa; EIP-55
 *        "0x…" for ethereum (prefix ignored).
 */
WETEE_API int wetee_keypair_address(wetee_buf *out, const wetee_keypair *kp, uint16_t prefix);
/** @brief Sign `msg` (raw, not pre-hashed); the signature length depends on the scheme. */
WETEE_API int wetee_keypair_sign(const wetee_keypair *kp, uint8_t out[WETEE_SIGNATURE_MAX_BYTES], size_t *out_len,
                                 const uint8_t *msg, size_t msg_len);
/**
 * @brief Verify a signature of any scheme against a public key (ethereum:
 *        33- or 65-byte public key, or the 20-byte address).
 * @return WETEE_OK; WETEE_ERR_VERIFY (also for a signature of the wrong
 *         length); WETEE_ERR_INVALID_ARGUMENT for a public key of the wrong length.
 */
WETEE_API int wetee_verify(wetee_scheme scheme, const uint8_t *sig, size_t sig_len, const uint8_t *msg,
                           size_t msg_len, const uint8_t *pub, size_t pub_len);
/**
 * @brief Export the secret: sr25519 64 bytes (ed25519 form ‖ nonce),
 *        ed25519 64 bytes (seed ‖ public), ecdsa/ethereum 32 bytes.
 *        Free `out` with wetee_buf_free_secure().
 */
WETEE_API int wetee_keypair_secret(const wetee_keypair *kp, wetee_buf *out);
/** @brief Free (wipes the secret). Accepts NULL. */
WETEE_API void wetee_keypair_free(wetee_keypair *kp);

/* ------------------------------------------------------------------ */
/* polkadot.js JSON keystore (version 3)                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Export as polkadot.js keystore JSON (scrypt N=2^17, p=1, r=8;
 *        xsalsa20-poly1305). `name` (may be NULL) goes to meta.name;
 *        `when_created_ms` to meta.whenCreated.
 *
 * "address" is the SS58 address (prefix 42) for sr25519/ed25519 and, as
 * polkadot.js writes it, the 0x-hex compressed public key for ecdsa and
 * ethereum. Takes ~0.3 s and 128 MiB (scrypt).
 * @param out replaced with the JSON text (NUL-terminated).
 * @param kp the keypair to export.
 * @param password UTF-8 password bytes; @param password_len their number (> 0).
 * @param name meta.name, a NUL-terminated UTF-8 string, or NULL for none.
 * @param when_created_ms meta.whenCreated, milliseconds since the Unix epoch.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (also for an empty password,
 *         which polkadot.js would turn into an unencrypted export, a name
 *         that is not UTF-8, or when_created_ms above 2^53-1);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_keystore_export(wetee_buf *out, const wetee_keypair *kp, const char *password,
                                    size_t password_len, const char *name, uint64_t when_created_ms);
/**
 * @brief Import a keystore JSON. Accepts scrypt (N,p,r) in
 *        {(2^15,1,8),(2^15,3,8),(2^16,2,8),(2^17,1,8)} and unencrypted
 *        exports.
 *
 * Requires encoding.version "3" and content ["pkcs8", sr25519 | ed25519 |
 * ecdsa | ethereum]. The scrypt parameters are checked before scrypt runs.
 * The decrypted pair must be consistent: the stored public key (33 bytes for
 * ecdsa/ethereum) and 64-byte secrets must be what the secret gives; 32-byte
 * secrets (older generations) are seeds. An "address" field, when present,
 * must name the key (SS58 with any prefix, or hex of the public key).
 * Unencrypted exports (type ["none"]) ignore the password.
 * @param out receives the keypair, to free with wetee_keypair_free().
 * @param json the JSON text (at most 1 MiB); @param json_len its length in bytes.
 * @param password the password bytes (may be NULL when password_len is 0); @param password_len their number.
 * @return WETEE_ERR_VERIFY for a wrong password or a tampered blob (also an
 *         inconsistent pair or address); WETEE_ERR_DECODE naming the
 *         malformed field; WETEE_ERR_UNSUPPORTED (scrypt parameters outside
 *         the set, other versions, key types or encryptions).
 */
WETEE_API int wetee_keystore_import(wetee_keypair **out, const char *json, size_t json_len, const char *password,
                                    size_t password_len);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_KEYS_H */
