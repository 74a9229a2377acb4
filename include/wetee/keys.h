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
 * Ownership: fixed-size results go into caller buffers of the documented
 * size; handles (wetee_suri, wetee_keypair) are created by their
 * constructors, owned by the caller and released with their `_free`
 * function; a NULL `*out` is stored on failure. Inputs are only read and may
 * be released when the call returns.
 *
 * Secrets: secret outputs in caller buffers are the caller's to wipe
 * (wetee_wipe(), or wetee_buf_free_secure() for a wetee_buf); keypair and
 * SURI handles wipe themselves on free. Keypair handles are also locked in
 * RAM (mlock, best effort) with a reference count per page, so freeing one
 * handle never unlocks a page another live handle shares. libwetee wipes
 * its own temporaries (jansson's too: see wetee_keystore_import()), and
 * error details never quote secrets (phrases, passwords, seeds), only
 * offsets.
 *
 * Thread safety: every primitive is thread-safe; a keypair or SURI handle
 * is immutable after construction and may be used from several threads at
 * once (for signing, deriving, exporting), but must not be freed while in
 * use.
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

/** @brief Size of an sr25519 mini secret (the seed a keypair is expanded from). */
#define WETEE_SR25519_SEED_BYTES 32
/** @brief Size of an sr25519 public key (compressed Ristretto255 point). */
#define WETEE_SR25519_PUBLIC_BYTES 32
/** @brief Size of an sr25519 secret: 32-byte key ‖ 32-byte nonce. */
#define WETEE_SR25519_SECRET_BYTES 64
/** @brief Size of an sr25519 signature (R ‖ s with the schnorrkel marker bit). */
#define WETEE_SR25519_SIGNATURE_BYTES 64
/** @brief Size of an ed25519 seed (RFC 8032 private key). */
#define WETEE_ED25519_SEED_BYTES 32
/** @brief Size of an ed25519 public key. */
#define WETEE_ED25519_PUBLIC_BYTES 32
/** @brief Size of an ed25519 secret: seed ‖ public key. */
#define WETEE_ED25519_SECRET_BYTES 64
/** @brief Size of an ed25519 signature. */
#define WETEE_ED25519_SIGNATURE_BYTES 64
/** @brief Size of a secp256k1 secret (ecdsa and Ethereum): a scalar below the group order. */
#define WETEE_ECDSA_SECRET_BYTES 32
/** @brief Size of a compressed secp256k1 public key. */
#define WETEE_ECDSA_PUBLIC_BYTES 33
/** @brief Size of a recoverable secp256k1 signature: r ‖ s ‖ recovery id (ecdsa and Ethereum). */
#define WETEE_ECDSA_SIGNATURE_BYTES 65
/** @brief Size of an Ethereum address (AccountId20). */
#define WETEE_ETH_ADDRESS_BYTES 20
/** @brief Size of a derivation chain code (a SURI junction). */
#define WETEE_CHAIN_CODE_BYTES 32
/** @brief Largest public key of any scheme (ecdsa compressed). */
#define WETEE_PUBLIC_MAX_BYTES 33
/** @brief Largest signature of any scheme (ecdsa recoverable). */
#define WETEE_SIGNATURE_MAX_BYTES 65

/**
 * @brief WETEE_SR25519_SIGNATURE_BYTES as a function, for bindings.
 * @return 64.
 */
WETEE_API size_t wetee_sr25519_signature_bytes(void);
/**
 * @brief WETEE_ECDSA_SIGNATURE_BYTES as a function, for bindings.
 * @return 65.
 */
WETEE_API size_t wetee_ecdsa_signature_bytes(void);

/* ------------------------------------------------------------------ */
/* sr25519                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Expand a 32-byte mini secret (Ed25519 expansion mode, as Substrate).
 * @param secret caller buffer of 64 bytes; receives `8·key ‖ nonce` (ed25519
 *        form), a secret to wipe when done.
 * @param pub caller buffer of 32 bytes; receives the public key.
 * @param seed the 32-byte mini secret (e.g. from
 *        wetee_mnemonic_to_mini_secret()).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (a NULL pointer);
 *         WETEE_ERR_INTERNAL (the expansion gave the identity, which cannot
 *         happen for a correct implementation).
 */
WETEE_API int wetee_sr25519_keypair_from_seed(uint8_t secret[64], uint8_t pub[32], const uint8_t seed[32]);
/**
 * @brief ed25519 form → canonical (`key ‖ nonce`, key reduced mod ℓ).
 * @param out caller buffer of 64 bytes; receives the canonical secret (may
 *        be the same buffer as `ed25519_form`).
 * @param ed25519_form the 64-byte secret in ed25519 form.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (a NULL pointer).
 */
WETEE_API int wetee_sr25519_secret_to_canonical(uint8_t out[64], const uint8_t ed25519_form[64]);
/**
 * @brief canonical → ed25519 form.
 * @param out caller buffer of 64 bytes; receives the ed25519-form secret
 *        (may be the same buffer as `canonical`).
 * @param canonical the 64-byte canonical secret `key ‖ nonce`.
 * @return WETEE_OK; WETEE_ERR_CRYPTO when the key is not a canonical scalar
 *         (not below ℓ); WETEE_ERR_INVALID_ARGUMENT (a NULL pointer).
 */
WETEE_API int wetee_sr25519_secret_from_canonical(uint8_t out[64], const uint8_t canonical[64]);
/**
 * @brief Public key of an ed25519-form secret.
 * @param pub caller buffer of 32 bytes; receives the public key.
 * @param secret the 64-byte ed25519-form secret (only the key half is used).
 * @return WETEE_OK; WETEE_ERR_CRYPTO when the key is zero (mod ℓ);
 *         WETEE_ERR_INVALID_ARGUMENT (a NULL pointer).
 */
WETEE_API int wetee_sr25519_public_from_secret(uint8_t pub[32], const uint8_t secret[64]);
/**
 * @brief Sign with the "substrate" signing context and fresh randomness
 *        (signatures of the same message differ; each verifies).
 * @param sig caller buffer of 64 bytes; receives the signature.
 * @param secret ed25519-form secret.
 * @param pub its public key; it is not checked against `secret` (a wrong
 *        one gives signatures that do not verify).
 * @param msg the message (raw, not pre-hashed); may be NULL when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL sig, secret or pub, NULL
 *         msg with msg_len > 0); WETEE_ERR_CRYPTO (zero nonce, negligible).
 */
WETEE_API int wetee_sr25519_sign(uint8_t sig[64], const uint8_t secret[64], const uint8_t pub[32],
                                 const uint8_t *msg, size_t msg_len);
/**
 * @brief Verify a signature made with the "substrate" context, with the
 *        rules of schnorrkel 0.11 and so of the chain (sp-core).
 *
 * These rules accept the all-zero public key (the Ristretto identity),
 * for which any `R = s·B` is a valid signature of every message: the
 * chain accepts such signatures, so this function does too. Use
 * wetee_sr25519_verify_strict() to reject that key. Public keys with bit
 * 255 set are rejected, as curve25519-dalek and RFC 9496 require
 * (libsodium 1.0.18 alone would ignore that bit).
 * @param sig the 64-byte signature.
 * @param msg the message; may be NULL when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @param pub the 32-byte public key.
 * @return WETEE_OK when valid; WETEE_ERR_VERIFY otherwise (missing marker
 *         bit, non-canonical s, invalid or non-canonical (bit 255 set)
 *         public key, mismatch); WETEE_ERR_INVALID_ARGUMENT (NULL sig or
 *         pub, NULL msg with msg_len > 0).
 */
WETEE_API int wetee_sr25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32]);
/**
 * @brief Verify as wetee_sr25519_verify(), but also reject the all-zero
 *        (identity) public key, which the chain accepts.
 * @param sig the 64-byte signature.
 * @param msg the message; may be NULL when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @param pub the 32-byte public key.
 * @return WETEE_OK when valid; WETEE_ERR_VERIFY otherwise (as
 *         wetee_sr25519_verify(), and for the identity public key);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL sig or pub, NULL msg with
 *         msg_len > 0).
 */
WETEE_API int wetee_sr25519_verify_strict(const uint8_t sig[64], const uint8_t *msg, size_t msg_len,
                                          const uint8_t pub[32]);
/**
 * @brief Hard derivation (`//junction`) with a 32-byte chain code, as
 *        sp-core: the child is expanded from a mini secret derived from the
 *        parent key (the parent nonce is not used).
 * @param out_secret caller buffer of 64 bytes; receives the child secret
 *        (ed25519 form), a secret to wipe when done.
 * @param out_pub caller buffer of 32 bytes; receives the child public key.
 * @param secret the parent's 64-byte ed25519-form secret.
 * @param chain_code the junction's chain code (see wetee_suri_junction()).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (a NULL pointer);
 *         WETEE_ERR_INTERNAL (cannot happen for a correct implementation).
 */
WETEE_API int wetee_sr25519_derive_hard(uint8_t out_secret[64], uint8_t out_pub[32], const uint8_t secret[64],
                                        const uint8_t chain_code[32]);
/**
 * @brief Soft derivation (`/junction`) of a keypair (the new nonce is random, as in sp-core).
 *
 * The public key of the result is deterministic (the one
 * wetee_sr25519_derive_public() gives); the nonce half of the secret is not.
 * @param out_secret caller buffer of 64 bytes; receives the child secret
 *        (ed25519 form), a secret to wipe when done.
 * @param out_pub caller buffer of 32 bytes; receives the child public key.
 * @param secret the parent's 64-byte ed25519-form secret.
 * @param pub the parent's public key. It is trusted, not checked: it must
 *        be the public key of `secret`, or the child keypair is inconsistent.
 * @param chain_code the junction's chain code.
 * @return WETEE_OK; WETEE_ERR_CRYPTO (the derived key is zero, negligible);
 *         WETEE_ERR_INVALID_ARGUMENT (a NULL pointer).
 */
WETEE_API int wetee_sr25519_derive_soft(uint8_t out_secret[64], uint8_t out_pub[32], const uint8_t secret[64],
                                        const uint8_t pub[32], const uint8_t chain_code[32]);
/**
 * @brief Soft derivation of a public key alone.
 * @param out_pub caller buffer of 32 bytes; receives the child public key.
 * @param pub the parent's 32-byte public key.
 * @param chain_code the junction's chain code.
 * @return WETEE_OK; WETEE_ERR_CRYPTO (identity, non-canonical (bit 255
 *         set) or otherwise invalid public key); WETEE_ERR_INVALID_ARGUMENT
 *         (a NULL pointer).
 */
WETEE_API int wetee_sr25519_derive_public(uint8_t out_pub[32], const uint8_t pub[32], const uint8_t chain_code[32]);

/* ------------------------------------------------------------------ */
/* ed25519                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Keypair from a 32-byte RFC 8032 seed; secret = seed ‖ public.
 * @param secret caller buffer of 64 bytes; receives seed ‖ public, a secret
 *        to wipe when done.
 * @param pub caller buffer of 32 bytes; receives the public key.
 * @param seed the 32-byte seed (may be the first half of `secret`).
 * @return WETEE_OK; WETEE_ERR_CRYPTO if libsodium fails;
 *         WETEE_ERR_INVALID_ARGUMENT (a NULL pointer).
 */
WETEE_API int wetee_ed25519_keypair_from_seed(uint8_t secret[64], uint8_t pub[32], const uint8_t seed[32]);
/**
 * @brief Deterministic RFC 8032 signature.
 * @param sig caller buffer of 64 bytes; receives the signature. It may
 *        overlap `msg` or `secret` (the signature is computed before it is
 *        stored).
 * @param secret the 64-byte secret seed ‖ public.
 * @param msg the message (raw); may be NULL when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @return WETEE_OK; WETEE_ERR_CRYPTO if libsodium fails;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL sig or secret, NULL msg with
 *         msg_len > 0).
 */
WETEE_API int wetee_ed25519_sign(uint8_t sig[64], const uint8_t secret[64], const uint8_t *msg, size_t msg_len);
/**
 * @brief Verify an ed25519 signature with the rules of the chain: ZIP 215,
 *        as ed25519-zebra, which sp-core verifies with.
 *
 * The rules: S (the second half of the signature) must be canonical (below
 * the group order ℓ); the public key A and the first half R are decoded
 * permissively — y may be any 255-bit value, including the non-canonical
 * encodings of y ≥ p, a set sign bit with x = 0 is accepted, and points of
 * small or mixed order are allowed; k = SHA-512(R ‖ A ‖ msg) mod ℓ over the
 * bytes as given; the signature is valid when [8][S]B = [8]R + [8][k]A.
 * This accepts everything RFC 8032 signing produces and, in addition,
 * signatures by small-order keys and signatures whose R or A carries a
 * small-order component, which libsodium rejects
 * (wetee_ed25519_verify_strict() keeps its rules). Runs in variable time
 * (inputs are public).
 * @param sig the 64-byte signature R ‖ S.
 * @param msg the message; may be NULL when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @param pub the 32-byte public key.
 * @return WETEE_OK; WETEE_ERR_VERIFY (non-canonical S, A or R not a curve
 *         point, mismatch); WETEE_ERR_INVALID_ARGUMENT (NULL sig or pub,
 *         NULL msg with msg_len > 0).
 */
WETEE_API int wetee_ed25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32]);
/**
 * @brief Verify an ed25519 signature with libsodium's strict rules:
 *        canonical S, canonical encodings of A and R, no small-order A or
 *        R, and the equation [S]B = R + [k]A without the cofactor.
 *
 * Stricter than the chain: some signatures that sp-core accepts are
 * rejected here (see wetee_ed25519_verify()). Every signature this accepts
 * is also accepted by wetee_ed25519_verify().
 * @param sig the 64-byte signature.
 * @param msg the message; may be NULL when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @param pub the 32-byte public key.
 * @return WETEE_OK; WETEE_ERR_VERIFY; WETEE_ERR_INVALID_ARGUMENT (NULL sig
 *         or pub, NULL msg with msg_len > 0).
 */
WETEE_API int wetee_ed25519_verify_strict(const uint8_t sig[64], const uint8_t *msg, size_t msg_len,
                                          const uint8_t pub[32]);
/**
 * @brief Hard derivation: seed' = blake2b-256(SCALE(("Ed25519HDKD", seed, cc))).
 * @param out_seed caller buffer of 32 bytes; receives the child seed (a
 *        secret), to expand with wetee_ed25519_keypair_from_seed().
 * @param seed the parent's 32-byte seed (the first half of its secret).
 * @param chain_code the junction's chain code.
 * @return WETEE_OK; WETEE_ERR_CRYPTO (hash failure);
 *         WETEE_ERR_INVALID_ARGUMENT (a NULL pointer).
 */
WETEE_API int wetee_ed25519_derive_hard(uint8_t out_seed[32], const uint8_t seed[32], const uint8_t chain_code[32]);

/* ------------------------------------------------------------------ */
/* ecdsa (Substrate) and Ethereum                                      */
/* ------------------------------------------------------------------ */

/**
 * @brief Public key (33-byte compressed) of a secp256k1 secret.
 * @param pub caller buffer of 33 bytes; receives the compressed public key.
 * @param secret the 32-byte secret scalar (big-endian).
 * @return WETEE_OK; WETEE_ERR_CRYPTO for a secret of 0 or ≥ n;
 *         WETEE_ERR_NO_MEMORY (the secp256k1 context could not be created);
 *         WETEE_ERR_INVALID_ARGUMENT (a NULL pointer).
 */
WETEE_API int wetee_ecdsa_public_from_secret(uint8_t pub[33], const uint8_t secret[32]);
/**
 * @brief Substrate ecdsa signature: recoverable over blake2b-256(msg), RFC 6979, low-s: r ‖ s ‖ recid.
 * @param sig caller buffer of 65 bytes; receives r ‖ s ‖ recovery id
 *        (0 or 1, except with negligible probability 2 or 3).
 * @param secret the 32-byte secret scalar.
 * @param msg the message (raw; hashed here); may be NULL when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @return WETEE_OK; WETEE_ERR_CRYPTO (secret 0 or ≥ n, signing failure);
 *         WETEE_ERR_NO_MEMORY (secp256k1 context); WETEE_ERR_INVALID_ARGUMENT
 *         (NULL sig or secret, NULL msg with msg_len > 0).
 */
WETEE_API int wetee_ecdsa_sign(uint8_t sig[65], const uint8_t secret[32], const uint8_t *msg, size_t msg_len);
/**
 * @brief Verify by recovery against the compressed public key.
 *
 * The recovery id (last byte) must be 0..3. High-s signatures are accepted
 * (signing always produces low-s).
 * @param sig the 65-byte signature r ‖ s ‖ recid.
 * @param msg the message (raw; hashed with blake2b-256 here); may be NULL
 *        when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @param pub the 33-byte compressed public key.
 * @return WETEE_OK; WETEE_ERR_VERIFY (bad recovery id, r or s out of range,
 *         recovery failure, signature by another key);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL sig or pub, NULL msg with
 *         msg_len > 0); WETEE_ERR_CRYPTO (hash failure).
 */
WETEE_API int wetee_ecdsa_verify(const uint8_t sig[65], const uint8_t *msg, size_t msg_len, const uint8_t pub[33]);
/**
 * @brief Hard derivation: seed' = blake2b-256(SCALE(("Secp256k1HDKD", seed, cc))).
 * @param out_secret caller buffer of 32 bytes; receives the child secret (a
 *        secret to wipe when done); untouched on error.
 * @param secret the parent's 32-byte secret.
 * @param chain_code the junction's chain code.
 * @return WETEE_OK; WETEE_ERR_CRYPTO (the derived value is not a valid
 *         secp256k1 secret, negligible; hash failure);
 *         WETEE_ERR_INVALID_ARGUMENT (a NULL pointer).
 */
WETEE_API int wetee_ecdsa_derive_hard(uint8_t out_secret[32], const uint8_t secret[32], const uint8_t chain_code[32]);
/**
 * @brief AccountId32 of an ecdsa key: blake2b-256(pub33).
 * @param out caller buffer of 32 bytes; receives the account id.
 * @param pub the 33-byte compressed public key (not validated).
 * @return WETEE_OK; WETEE_ERR_CRYPTO (hash failure);
 *         WETEE_ERR_INVALID_ARGUMENT (a NULL pointer).
 */
WETEE_API int wetee_ecdsa_account_id(uint8_t out[32], const uint8_t pub[33]);

/**
 * @brief Ethereum signature: recoverable over keccak-256(msg): r ‖ s ‖ v
 *        (v = recovery id 0/1, not 27/28), RFC 6979, low-s.
 * @param sig caller buffer of 65 bytes; receives r ‖ s ‖ v.
 * @param secret the 32-byte secret scalar.
 * @param msg the message (raw; hashed with keccak-256 here, no EIP-191
 *        prefix is added); may be NULL when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @return WETEE_OK; WETEE_ERR_CRYPTO (secret 0 or ≥ n, signing failure);
 *         WETEE_ERR_NO_MEMORY (secp256k1 context); WETEE_ERR_INVALID_ARGUMENT
 *         (NULL sig or secret, NULL msg with msg_len > 0).
 */
WETEE_API int wetee_eth_sign(uint8_t sig[65], const uint8_t secret[32], const uint8_t *msg, size_t msg_len);
/**
 * @brief Verify an Ethereum signature against a 20-byte address.
 *
 * v may be the recovery id 0..3 or the legacy 27..30. High-s signatures are
 * accepted.
 * @param sig the 65-byte signature r ‖ s ‖ v.
 * @param msg the message (raw; hashed with keccak-256 here); may be NULL
 *        when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @param address the 20-byte address.
 * @return WETEE_OK; WETEE_ERR_VERIFY (bad v, r or s out of range, recovery
 *         failure, signature by another address); WETEE_ERR_INVALID_ARGUMENT
 *         (NULL sig or address, NULL msg with msg_len > 0).
 */
WETEE_API int wetee_eth_verify(const uint8_t sig[65], const uint8_t *msg, size_t msg_len, const uint8_t address[20]);
/**
 * @brief Address = keccak-256(uncompressed public key without 0x04)[12..32]; accepts a 33- or 65-byte public key.
 * @param out caller buffer of 20 bytes; receives the address.
 * @param pub the public key, compressed (33 bytes) or uncompressed (65 bytes).
 * @param pub_len 33 or 65.
 * @return WETEE_OK; WETEE_ERR_CRYPTO (not a valid secp256k1 point);
 *         WETEE_ERR_INVALID_ARGUMENT (a NULL pointer, another length).
 */
WETEE_API int wetee_eth_address(uint8_t out[20], const uint8_t *pub, size_t pub_len);
/**
 * @brief "0x" + EIP-55 checksummed hex of an address.
 * @param out replaced with the 42-character text (NUL-terminated); owned by
 *        the caller.
 * @param address the 20-byte address.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT (a NULL
 *         pointer).
 */
WETEE_API int wetee_eth_address_to_string(wetee_buf *out, const uint8_t address[20]);
/**
 * @brief Parse "0x…" hex (40 digits); mixed case must match the EIP-55
 *        checksum (WETEE_ERR_CHECKSUM), all-lower or all-upper is accepted.
 * @param out caller buffer of 20 bytes; receives the address (untouched on
 *        error).
 * @param text the text, "0x" or "0X" then 40 hex digits (not necessarily
 *        NUL-terminated).
 * @param len length of `text` in bytes (42).
 * @return WETEE_OK; WETEE_ERR_DECODE (missing prefix, wrong length, non-hex
 *         digit, with its offset); WETEE_ERR_CHECKSUM (mixed case that is
 *         not the EIP-55 checksum); WETEE_ERR_INVALID_ARGUMENT (a NULL
 *         pointer).
 */
WETEE_API int wetee_eth_address_from_string(uint8_t out[20], const char *text, size_t len);
/**
 * @brief BIP-32 derivation from a BIP-39 seed along a path such as
 *        "m/44'/60'/0'/0/0" ("m" alone, or an empty path, gives the master key).
 *
 * Path grammar: empty, or "m" or "M" followed by any number of "/INDEX"
 * components, where INDEX is a decimal number below 2^31, optionally
 * followed by a hardened marker `'`, `h` or `H`; at most 255 components.
 * The whole path is checked before any key is derived. As in polkadot.js,
 * an index whose child key would be invalid (probability about 2^-127)
 * moves on to the next index.
 * @param out_secret caller buffer of 32 bytes; receives the derived private
 *        key (a secret to wipe when done); untouched on error.
 * @param seed the seed, normally the 64 bytes of
 *        wetee_mnemonic_to_bip39_seed().
 * @param seed_len 16..64.
 * @param path the path (not necessarily NUL-terminated); may be NULL when
 *        `path_len` is 0.
 * @param path_len length of `path` in bytes.
 * @return WETEE_OK; WETEE_ERR_DECODE (malformed path or an index not below
 *         2^31, with its offset in `path` in the detail; more than 255
 *         components);
 *         WETEE_ERR_CRYPTO (invalid master key, negligible);
 *         WETEE_ERR_NO_MEMORY (secp256k1 context); WETEE_ERR_INVALID_ARGUMENT
 *         (NULL out_secret or seed, NULL path with path_len > 0, seed_len
 *         outside 16..64).
 */
WETEE_API int wetee_bip32_derive(uint8_t out_secret[32], const uint8_t *seed, size_t seed_len, const char *path,
                                 size_t path_len);

/* ------------------------------------------------------------------ */
/* Secret URIs                                                         */
/* ------------------------------------------------------------------ */

/** @brief The Substrate development phrase used when a SURI has no phrase. */
#define WETEE_DEV_PHRASE "bottom drive obey lake curtain smoke basket hold race lonely fit walk"
/**
 * @brief Longest SURI accepted, in bytes (a 24-word phrase, 256 BIP-32
 *        levels and a long password fit with room to spare).
 */
#define WETEE_SURI_MAX_BYTES 4096
/**
 * @brief Most junctions a SURI may have (enough for an Ethereum path "m"
 *        with BIP-32's 255 levels); each junction costs a derivation.
 */
#define WETEE_SURI_MAX_JUNCTIONS 256

/**
 * @brief A parsed secret URI `phrase//hard/soft///password` (opaque;
 *        immutable after wetee_suri_parse(); secrets wiped by
 *        wetee_suri_free()).
 */
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
 * The input must be UTF-8 without NUL bytes, at most WETEE_SURI_MAX_BYTES
 * long, with at most WETEE_SURI_MAX_JUNCTIONS junctions (both checked
 * before any work).
 *
 * Whitespace (libwetee extensions; sp-core rejects all of these): the
 * phrase may also hold the whitespace mnemonic.h accepts (tabs, newlines,
 * Unicode spaces), and a final line break ("
" or "
", as read from a
 * file) is dropped after the phrase or the password. After a junction it is
 * refused (WETEE_ERR_DECODE): sp-core would take it as part of the junction
 * name and derive another key.
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
 *
 * Only the syntax is checked: whether the phrase is a valid mnemonic or
 * seed is decided by wetee_keypair_from_suri().
 * @param out receives the parsed URI (NULL on failure); the caller owns it
 *        and frees it with wetee_suri_free().
 * @param suri the text (not necessarily NUL-terminated; copied, so it may be
 *        wiped after the call).
 * @param len length of `suri` in bytes.
 * @return WETEE_OK; WETEE_ERR_DECODE with the offset of the problem
 *         (empty junction, character not allowed in the phrase, newline in
 *         the password, a final line break after a junction, NUL or invalid
 *         UTF-8); WETEE_ERR_TOO_LONG (more than WETEE_SURI_MAX_BYTES bytes
 *         or WETEE_SURI_MAX_JUNCTIONS junctions); WETEE_ERR_INVALID_ARGUMENT
 *         (NULL out, NULL suri with len > 0); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_suri_parse(wetee_suri **out, const char *suri, size_t len);
/**
 * @brief The phrase (or "0x…" seed) part.
 * @param s the parsed URI.
 * @return the NUL-terminated phrase exactly as written (WETEE_DEV_PHRASE
 *         when the SURI has none; "" for a NULL `s`); never NULL. A secret
 *         owned by `s`, valid until wetee_suri_free(s); do not free it.
 */
WETEE_API const char *wetee_suri_phrase(const wetee_suri *s);
/**
 * @brief The password (the text after `///`).
 * @param s the parsed URI.
 * @return the NUL-terminated password (possibly ""), or NULL when there is
 *         no `///` part (or `s` is NULL). A secret owned by `s`, valid until
 *         wetee_suri_free(s); do not free it.
 */
WETEE_API const char *wetee_suri_password(const wetee_suri *s);
/**
 * @brief Number of junctions.
 * @param s the parsed URI.
 * @return the number of `//hard` and `/soft` junctions; 0 for a NULL `s`.
 */
WETEE_API size_t wetee_suri_junction_count(const wetee_suri *s);
/**
 * @brief Junction `i`: its chain code and whether it is hard.
 * @param s the parsed URI.
 * @param i the index, 0 ≤ i < wetee_suri_junction_count(s), in SURI order.
 * @param chain_code caller buffer of WETEE_CHAIN_CODE_BYTES; receives the
 *        chain code (derived from secret material: wipe it when done).
 * @param is_hard receives 1 for a hard (`//`) and 0 for a soft (`/`)
 *        junction; may be NULL.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT when i is out of range or
 *         `s` or `chain_code` is NULL.
 */
WETEE_API int wetee_suri_junction(const wetee_suri *s, size_t i, uint8_t chain_code[32], int *is_hard);
/**
 * @brief Free a parsed URI, wiping the phrase, password and chain codes.
 * @param s the parsed URI, or NULL (no-op). Invalid afterwards, as are the
 *        strings it returned.
 */
WETEE_API void wetee_suri_free(wetee_suri *s);

/* ------------------------------------------------------------------ */
/* Scheme-generic keypair                                              */
/* ------------------------------------------------------------------ */

/**
 * @brief A keypair of any scheme (opaque, immutable; mlock'ed when the OS
 *        allows it; wiped and unlocked by wetee_keypair_free()).
 */
typedef struct wetee_keypair wetee_keypair;

/**
 * @brief What a `///password` means in an Ethereum SURI, where the tools
 *        disagree. Values are stable (ABI).
 */
typedef enum wetee_eth_password {
    /** A non-empty password is refused (WETEE_ERR_UNSUPPORTED, naming both
     *  conventions); the default, so that no tool silently gives another
     *  account. An empty one ("///") means the same everywhere and is accepted. */
    WETEE_ETH_PASSWORD_REJECT = 0,
    /** The BIP-39 passphrase of the seed, as substrate-interface
     *  (`Keypair.create_from_uri`) and BIP-39 wallets use it. */
    WETEE_ETH_PASSWORD_PASSPHRASE = 1,
    /** Ignored, as polkadot.js (`Keyring.createFromUri`) does. */
    WETEE_ETH_PASSWORD_IGNORE = 2
} wetee_eth_password;

/**
 * @brief Options of wetee_keypair_from_suri_opts(). Start from
 *        WETEE_SURI_OPTIONS_INIT; fields may be appended in later versions.
 */
typedef struct wetee_suri_options {
    unsigned version;                /**< WETEE_SURI_OPTIONS_VERSION */
    wetee_eth_password eth_password; /**< Ethereum `///password` rule; default WETEE_ETH_PASSWORD_REJECT */
} wetee_suri_options;

/** @brief Current version of wetee_suri_options (its `version` field). */
#define WETEE_SURI_OPTIONS_VERSION 1
/** @brief Initialiser of a wetee_suri_options: current version, defaults. */
#define WETEE_SURI_OPTIONS_INIT { WETEE_SURI_OPTIONS_VERSION, WETEE_ETH_PASSWORD_REJECT }

/**
 * @brief Keypair from a secret URI (phrase or 0x seed, junctions, password),
 *        with default options (wetee_keypair_from_suri_opts() with NULL).
 * @param out receives the keypair (NULL on failure); the caller owns it and
 *        frees it with wetee_keypair_free().
 * @param scheme the key scheme.
 * @param suri the SURI text (not necessarily NUL-terminated; a secret the
 *        caller should wipe after the call).
 * @param len length of `suri` in bytes.
 * @return as wetee_keypair_from_suri_opts().
 */
WETEE_API int wetee_keypair_from_suri(wetee_keypair **out, wetee_scheme scheme, const char *suri, size_t len);
/**
 * @brief Keypair from a secret URI (phrase or 0x seed, junctions, password).
 *
 * The SURI is parsed as by wetee_suri_parse() (limits, whitespace and final
 * line break rules included).
 *
 * sr25519, ed25519, ecdsa (as sp-core): a `0x` phrase is a 32-byte seed
 * (sr25519 also takes a 64-byte canonical secret `key ‖ nonce`, as
 * sp-core's `from_seed_slice` does; this is a libwetee extension for SURIs,
 * which sp-core's and polkadot.js's SURI parsers reject) and any
 * password is ignored, as in sp-core; otherwise the phrase is a BIP-39
 * English mnemonic (whitespace as in mnemonic.h: leading, trailing and
 * repeated whitespace is allowed) turned into the substrate-bip39 mini
 * secret with the password. Junctions apply in order; ed25519 and ecdsa
 * accept only hard junctions.
 *
 * WETEE_SCHEME_ETHEREUM (as polkadot.js): the path is BIP-32
 * (`phrase/m/44'/60'/0'/0/0`) over the standard BIP-39 seed; with no path
 * the key is the BIP-32 master key; a `0x` phrase is the 32-byte private
 * key itself and may not be followed by a path. A non-empty `///password`
 * follows `opts->eth_password`: refused by default, because polkadot.js
 * ignores it while substrate-interface makes it the BIP-39 passphrase
 * (the same SURI would name two accounts). The path text after the phrase
 * must follow the grammar of wetee_bip32_derive() (BIP-32 offsets in error
 * details count from its 'm').
 * @param out receives the keypair (NULL on failure); the caller owns it and
 *        frees it with wetee_keypair_free().
 * @param scheme the key scheme.
 * @param suri the SURI text (not necessarily NUL-terminated; a secret the
 *        caller should wipe after the call).
 * @param len length of `suri` in bytes.
 * @param opts the options (only read during the call), or NULL for
 *        WETEE_SURI_OPTIONS_INIT.
 * @return WETEE_OK; WETEE_ERR_DECODE (SURI syntax, seed length or hex,
 *         mnemonic syntax, word or count, Ethereum BIP-32 path);
 *         WETEE_ERR_CHECKSUM (mnemonic checksum); WETEE_ERR_UNSUPPORTED
 *         (soft junction on ed25519/ecdsa, path after an Ethereum private
 *         key, Ethereum password refused by WETEE_ETH_PASSWORD_REJECT or
 *         given as a passphrase after a private key); WETEE_ERR_CRYPTO
 *         (secp256k1 secret 0 or ≥ n, 64-byte sr25519 secret whose key is
 *         not canonical); WETEE_ERR_TOO_LONG (SURI over the limits of
 *         wetee_suri_parse()); WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL
 *         suri with len > 0, unknown scheme, unknown options version or
 *         eth_password); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_keypair_from_suri_opts(wetee_keypair **out, wetee_scheme scheme, const char *suri, size_t len,
                                           const wetee_suri_options *opts);
/**
 * @brief Keypair from a mnemonic and optional password (`password` may be NULL).
 *        sr25519/ed25519/ecdsa: substrate-bip39 mini secret with the password.
 *        Ethereum: BIP-32 master key of the standard BIP-39 seed, the password
 *        being the BIP-39 passphrase (use wetee_keypair_from_suri() for a path).
 *
 * The phrase follows the syntax of mnemonic.h (leading, trailing and
 * repeated whitespace allowed). The password is used byte-for-byte (no NFKD
 * normalisation). For Ethereum this is the rule of
 * wetee_keypair_from_suri_opts() with WETEE_ETH_PASSWORD_PASSPHRASE.
 * @param out receives the keypair (NULL on failure); the caller owns it and
 *        frees it with wetee_keypair_free().
 * @param scheme the key scheme.
 * @param phrase the BIP-39 English phrase (not necessarily NUL-terminated).
 * @param phrase_len length of `phrase` in bytes.
 * @param password the password or passphrase bytes, or NULL when
 *        `password_len` is 0.
 * @param password_len length of `password` in bytes (0 for none).
 * @return WETEE_OK; WETEE_ERR_DECODE (mnemonic syntax, word or count);
 *         WETEE_ERR_CHECKSUM; WETEE_ERR_CRYPTO (invalid secp256k1 key,
 *         negligible; hash failure); WETEE_ERR_INVALID_ARGUMENT (NULL out,
 *         NULL phrase or password with a non-zero length, unknown scheme);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_keypair_from_mnemonic(wetee_keypair **out, wetee_scheme scheme, const char *phrase,
                                          size_t phrase_len, const char *password, size_t password_len);
/**
 * @brief Keypair from a raw seed: 32 bytes for every scheme (sr25519 also
 *        accepts a 64-byte canonical secret, as sp-core's `from_seed_slice` does).
 *
 * The 32 bytes are the sr25519 mini secret, the ed25519 seed, or the
 * secp256k1 private key itself (ecdsa, Ethereum).
 * @param out receives the keypair (NULL on failure); the caller owns it and
 *        frees it with wetee_keypair_free().
 * @param scheme the key scheme.
 * @param seed the seed bytes (copied; the caller should wipe its copy).
 * @param len 32, or 64 for an sr25519 canonical secret `key ‖ nonce`.
 * @return WETEE_OK; WETEE_ERR_CRYPTO (secp256k1 secret 0 or ≥ n, sr25519
 *         key not canonical); WETEE_ERR_INVALID_ARGUMENT (another length,
 *         NULL out, NULL seed with len > 0, unknown scheme);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_keypair_from_seed(wetee_keypair **out, wetee_scheme scheme, const uint8_t *seed, size_t len);
/**
 * @brief Fresh keypair from libsodium's RNG (a random 32-byte seed as in
 *        wetee_keypair_from_seed(); no mnemonic is involved).
 * @param out receives the keypair (NULL on failure); the caller owns it and
 *        frees it with wetee_keypair_free().
 * @param scheme the key scheme.
 * @return WETEE_OK; WETEE_ERR_CRYPTO (libsodium could not be initialised);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out, unknown scheme);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_keypair_generate(wetee_keypair **out, wetee_scheme scheme);
/**
 * @brief Derive along a path of junctions ("//hard/soft", starting with '/';
 *        no password; "" copies the keypair).
 *
 * Junctions are encoded and applied as in wetee_keypair_from_suri(). An
 * sr25519 soft junction gives a random nonce, so the derived secret differs
 * from call to call while its public key does not.
 * @param out receives the derived keypair (NULL on failure), a new handle
 *        the caller owns and frees with wetee_keypair_free(); `kp` is not
 *        changed.
 * @param kp the parent keypair.
 * @param path the junctions (not necessarily NUL-terminated); may be NULL
 *        when `len` is 0.
 * @param len length of `path` in bytes.
 * @return WETEE_OK; WETEE_ERR_UNSUPPORTED for soft junctions on
 *         ed25519/ecdsa, and for Ethereum keypairs, which keep no BIP-32
 *         chain code (give the full path to wetee_keypair_from_suri(), as
 *         polkadot.js requires too); WETEE_ERR_DECODE for a malformed path
 *         (not starting with '/', empty junction, a `///password`, NUL or
 *         invalid UTF-8); WETEE_ERR_CRYPTO (invalid derived key,
 *         negligible); WETEE_ERR_INVALID_ARGUMENT (NULL out or kp, NULL path
 *         with len > 0); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_keypair_derive(wetee_keypair **out, const wetee_keypair *kp, const char *path, size_t len);
/**
 * @brief The scheme of a keypair.
 * @param kp the keypair.
 * @return its scheme, or (wetee_scheme)-1 for NULL.
 */
WETEE_API wetee_scheme wetee_keypair_scheme(const wetee_keypair *kp);
/**
 * @brief Public key (32 bytes, or 33 compressed for ecdsa/ethereum).
 * @param kp the keypair.
 * @param out a caller buffer of WETEE_PUBLIC_MAX_BYTES; receives the key.
 * @param out_len receives the length (may be NULL).
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL kp or out).
 */
WETEE_API int wetee_keypair_public(const wetee_keypair *kp, uint8_t out[WETEE_PUBLIC_MAX_BYTES], size_t *out_len);
/**
 * @brief Account id: 32 bytes (20 for ethereum; blake2b-256 of the public key for ecdsa).
 * @param kp the keypair.
 * @param out a caller buffer of 32 bytes; receives the account id (the
 *        public key for sr25519/ed25519, the address for ethereum).
 * @param out_len receives the length, 32 or 20 (may be NULL).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL kp or out);
 *         WETEE_ERR_CRYPTO (hash failure).
 */
WETEE_API int wetee_keypair_account_id(const wetee_keypair *kp, uint8_t out[32], size_t *out_len);
/**
 * @brief Address text: SS58 with `prefix` for sr25519/ed25519/ecdsa; EIP-55
 *        "0x…" for ethereum (prefix ignored).
 * @param out replaced with the NUL-terminated address; owned by the caller.
 * @param kp the keypair.
 * @param prefix SS58 network prefix (e.g. WETEE_SS58_PREFIX_GENERIC), as
 *        accepted by wetee_ss58_encode(); ignored for ethereum.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out or kp, prefix above
 *         16383 or reserved); WETEE_ERR_NO_MEMORY; WETEE_ERR_CRYPTO.
 */
WETEE_API int wetee_keypair_address(wetee_buf *out, const wetee_keypair *kp, uint16_t prefix);
/**
 * @brief Sign `msg` (raw, not pre-hashed); the signature length depends on the scheme.
 *
 * sr25519: 64 bytes, randomised (wetee_sr25519_sign()); ed25519: 64 bytes;
 * ecdsa: 65 bytes over blake2b-256(msg) (wetee_ecdsa_sign()); ethereum:
 * 65 bytes over keccak-256(msg), v = 0/1 (wetee_eth_sign()).
 * @param kp the keypair.
 * @param out a caller buffer of WETEE_SIGNATURE_MAX_BYTES; receives the signature.
 * @param out_len receives the signature length, 64 or 65 (may be NULL).
 * @param msg the message; may be NULL when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL kp or out, NULL msg
 *         with msg_len > 0); WETEE_ERR_CRYPTO; WETEE_ERR_NO_MEMORY
 *         (secp256k1 context).
 */
WETEE_API int wetee_keypair_sign(const wetee_keypair *kp, uint8_t out[WETEE_SIGNATURE_MAX_BYTES], size_t *out_len,
                                 const uint8_t *msg, size_t msg_len);
/**
 * @brief Verify a signature of any scheme against a public key (ethereum:
 *        33- or 65-byte public key, or the 20-byte address).
 *
 * Dispatches to wetee_sr25519_verify(), wetee_ed25519_verify(),
 * wetee_ecdsa_verify() (recovery id 0..3) or wetee_eth_verify() (v 0..3 or
 * 27..30) and has their acceptance rules, which are the chain's (sp-core's):
 * ed25519 with the ZIP-215 rules, sr25519 accepting the identity public
 * key. wetee_verify_strict() applies the strict rules instead.
 * @param scheme the scheme the signature was made with.
 * @param sig the signature; may be NULL when `sig_len` is 0.
 * @param sig_len its length: 64 (sr25519, ed25519) or 65 (ecdsa, ethereum).
 * @param msg the message (raw); may be NULL when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @param pub the public key: 32 bytes (sr25519, ed25519), 33 (ecdsa,
 *        compressed), or for ethereum a 33/65-byte public key or the
 *        20-byte address.
 * @param pub_len length of `pub` in bytes.
 * @return WETEE_OK; WETEE_ERR_VERIFY (also for a signature of the wrong
 *         length); WETEE_ERR_INVALID_ARGUMENT for a public key of the wrong
 *         length, an unknown scheme, NULL pub, or NULL sig or msg with a
 *         non-zero length; WETEE_ERR_CRYPTO for an ethereum public key that
 *         is not a valid secp256k1 point.
 */
WETEE_API int wetee_verify(wetee_scheme scheme, const uint8_t *sig, size_t sig_len, const uint8_t *msg,
                           size_t msg_len, const uint8_t *pub, size_t pub_len);
/**
 * @brief wetee_verify() with the strict rules: wetee_ed25519_verify_strict()
 *        and wetee_sr25519_verify_strict() (ecdsa and ethereum have one set
 *        of rules and verify as in wetee_verify()).
 * @param scheme the scheme the signature was made with.
 * @param sig the signature; may be NULL when `sig_len` is 0.
 * @param sig_len its length: 64 (sr25519, ed25519) or 65 (ecdsa, ethereum).
 * @param msg the message (raw); may be NULL when `msg_len` is 0.
 * @param msg_len length of `msg` in bytes.
 * @param pub the public key, as for wetee_verify().
 * @param pub_len length of `pub` in bytes.
 * @return as wetee_verify().
 */
WETEE_API int wetee_verify_strict(wetee_scheme scheme, const uint8_t *sig, size_t sig_len, const uint8_t *msg,
                                  size_t msg_len, const uint8_t *pub, size_t pub_len);
/**
 * @brief Export the secret: sr25519 64 bytes (ed25519 form ‖ nonce),
 *        ed25519 64 bytes (seed ‖ public), ecdsa/ethereum 32 bytes.
 *        Free `out` with wetee_buf_free_secure().
 * @param kp the keypair.
 * @param out replaced with the secret bytes; owned by the caller, who
 *        releases it with wetee_buf_free_secure().
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL kp or out);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_keypair_secret(const wetee_keypair *kp, wetee_buf *out);
/**
 * @brief Free a keypair, wiping the secret (and unlocking its memory).
 * @param kp the keypair, or NULL (no-op). Invalid afterwards.
 */
WETEE_API void wetee_keypair_free(wetee_keypair *kp);

/* ------------------------------------------------------------------ */
/* polkadot.js JSON keystore (version 3)                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Options of wetee_keystore_export_opts(). Start from
 *        WETEE_KEYSTORE_OPTIONS_INIT; fields may be appended in later versions.
 *
 * The scrypt cost (N, p, r) must be one of the sets polkadot.js and
 * wetee_keystore_import() open: (2^15,1,8), (2^15,3,8), (2^16,2,8) or
 * (2^17,1,8). A zero field takes its default (N = 2^17, p = 1, r = 8), so
 * setting only `scrypt_n = 1u << 15` gives (2^15,1,8), the cost
 * substrate-interface can open (its scrypt runs with 32 MiB); 2^17 needs
 * 128 MiB and about 0.3 s, 2^15 a quarter of both.
 */
typedef struct wetee_keystore_options {
    unsigned version;         /**< WETEE_KEYSTORE_OPTIONS_VERSION */
    uint32_t scrypt_n;        /**< scrypt N; 0 for 2^17 */
    uint32_t scrypt_p;        /**< scrypt p; 0 for 1 */
    uint32_t scrypt_r;        /**< scrypt r; 0 for 8 */
    const char *name;         /**< meta.name: NUL-terminated UTF-8, or NULL for none */
    uint64_t when_created_ms; /**< meta.whenCreated, milliseconds since the Unix epoch (≤ 2^53-1) */
} wetee_keystore_options;

/** @brief Current version of wetee_keystore_options (its `version` field). */
#define WETEE_KEYSTORE_OPTIONS_VERSION 1
/** @brief Initialiser of a wetee_keystore_options: current version, defaults (N = 2^17, no name, time 0). */
#define WETEE_KEYSTORE_OPTIONS_INIT { WETEE_KEYSTORE_OPTIONS_VERSION, 0, 0, 0, NULL, 0 }

/**
 * @brief Export as polkadot.js keystore JSON (scrypt N=2^17, p=1, r=8;
 *        xsalsa20-poly1305): wetee_keystore_export_opts() with
 *        WETEE_KEYSTORE_OPTIONS_INIT, `name` and `when_created_ms`.
 * @param out replaced with the JSON text (NUL-terminated); owned by the
 *        caller. It holds the secret encrypted under `password`.
 * @param kp the keypair to export.
 * @param password the password bytes (UTF-8; used byte-for-byte).
 * @param password_len length of `password` in bytes (> 0).
 * @param name meta.name, a NUL-terminated UTF-8 string, or NULL for none.
 * @param when_created_ms meta.whenCreated, milliseconds since the Unix epoch.
 * @return as wetee_keystore_export_opts().
 */
WETEE_API int wetee_keystore_export(wetee_buf *out, const wetee_keypair *kp, const char *password,
                                    size_t password_len, const char *name, uint64_t when_created_ms);
/**
 * @brief Export as polkadot.js keystore JSON with a chosen scrypt cost
 *        (xsalsa20-poly1305 under the scrypt key).
 *
 * "address" is the SS58 address (prefix 42) for sr25519/ed25519 and, as
 * polkadot.js writes it, the 0x-hex compressed public key for ecdsa and
 * ethereum. scrypt takes ~0.3 s and 128 MiB at N = 2^17 (allocated by
 * libsodium, not through the libwetee allocator hooks). The salt and nonce
 * are random, so two exports differ. JSON is built with jansson; see
 * wetee_keystore_import() about its allocations.
 * @param out replaced with the JSON text (NUL-terminated); owned by the
 *        caller. It holds the secret encrypted under `password`.
 * @param kp the keypair to export.
 * @param password the password bytes (UTF-8; used byte-for-byte).
 * @param password_len length of `password` in bytes (> 0).
 * @param opts the options (only read during the call), or NULL for
 *        WETEE_KEYSTORE_OPTIONS_INIT.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (also for an empty password,
 *         which polkadot.js would turn into an unencrypted export, a name
 *         that is not UTF-8, when_created_ms above 2^53-1, a scrypt set
 *         outside the list above, an unknown options version, NULL out or
 *         kp); WETEE_ERR_NO_MEMORY (also when scrypt cannot get its
 *         memory); WETEE_ERR_CRYPTO.
 */
WETEE_API int wetee_keystore_export_opts(wetee_buf *out, const wetee_keypair *kp, const char *password,
                                         size_t password_len, const wetee_keystore_options *opts);
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
 * must name the key: SS58 (any prefix) or 0x hex of the public key or of
 * the account id. "encoded" may be base64 or 0x hex. The fields compared
 * as text ("encoding.version", "encoding.content", "encoding.type",
 * "address", "encoded") must not hold a NUL ("\u0000"), which is refused
 * naming the field; elsewhere (e.g. "meta") it is accepted, as polkadot.js
 * does.
 * Unencrypted exports (type ["none"]) ignore the password.
 * Takes up to ~0.3 s and 128 MiB (scrypt).
 *
 * jansson: its copies of the text (an unencrypted secret among them) are
 * wiped when freed. For that, the first keystore import or export installs
 * process-wide jansson allocation hooks (json_set_alloc_funcs), once: every
 * block jansson allocates from then on, for libwetee or for the
 * application, comes from the libwetee allocator with a size header and is
 * wiped when freed; a block allocated before goes back to the functions
 * jansson had then, so an application that uses jansson itself keeps
 * working. An application that installs its own jansson functions must do
 * so before its first keystore call, never after (they would be handed
 * blocks libwetee allocated).
 * @param out receives the keypair (NULL on failure); the caller owns it and
 *        frees it with wetee_keypair_free().
 * @param json the JSON text (at most 1 MiB; not necessarily NUL-terminated).
 * @param json_len length of `json` in bytes.
 * @param password the password bytes, used byte-for-byte (may be NULL when
 *        password_len is 0).
 * @param password_len length of `password` in bytes.
 * @return WETEE_OK; WETEE_ERR_VERIFY for a wrong password or a tampered
 *         blob (also an inconsistent pair or address); WETEE_ERR_DECODE
 *         naming the malformed field (also for malformed JSON, a
 *         decrypted secret that is not a valid key); WETEE_ERR_TOO_LONG
 *         (JSON over 1 MiB);
 *         WETEE_ERR_UNSUPPORTED (scrypt parameters outside the set, other
 *         versions, key types or encryptions); WETEE_ERR_INVALID_ARGUMENT
 *         (NULL out, NULL json or password with a non-zero length);
 *         WETEE_ERR_NO_MEMORY (also when scrypt cannot get its memory);
 *         WETEE_ERR_CRYPTO.
 */
WETEE_API int wetee_keystore_import(wetee_keypair **out, const char *json, size_t json_len, const char *password,
                                    size_t password_len);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_KEYS_H */
