/**
 * @file seal.h
 * @brief Attested secret sealing: verify a TEE's evidence under a policy,
 *        establish the public key its REPORTDATA binds, and seal secrets
 *        to that key so that only the attested TEE can open them.
 *
 * The flow, on the client:
 * 1. wetee_seal_verify() takes evidence in any form
 *    wetee_attest_verify_evidence() accepts (a DCAP quote, an Open Enclave /
 *    EGo report, a SEV-SNP report, go-sev-guest's protobuf
 *    `sevsnp.Attestation`, WeTEE's protobuf `TeeCall` or a JSON envelope),
 *    collateral and a policy, and returns a **recipient**: the attestation
 *    result and, when the verdict is ACCEPT, the X25519 key to seal to.
 * 2. wetee_seal_to() seals a secret to the recipient with libsodium's sealed
 *    box (`crypto_box_seal`: an ephemeral X25519 key, XSalsa20-Poly1305).
 *    A recipient whose verification failed refuses to seal, and
 *    wetee_last_error() says which check failed and why.
 *
 * In the TEE (or a test), wetee_seal_open() opens the box with the private
 * key whose public half the evidence bound.
 *
 * Where the key comes from (wetee_seal_key_source):
 * - **WeTEE's Ed25519 binding** (the policy binds with
 *   wetee_attest_policy_bind_wetee_ed25519() or `"wetee_ed25519"` in JSON):
 *   REPORTDATA is an Ed25519 signature by the pod's or worker's key over
 *   `BE_u64(timestamp) ‖ key ‖ protobuf(tx)`; the recipient key is that
 *   Ed25519 key converted to X25519 (`crypto_sign_ed25519_pk_to_curve25519`).
 *   The pod opens with its Ed25519 secret key.
 * - **Hash-of-key binding** (wetee_attest_policy_bind_key_hash()):
 *   REPORTDATA is `hash(key)`; the key is an Ed25519 key (converted) or an
 *   X25519 key (used as is), as the caller says.
 * - **Direct X25519 binding**: the first 32 bytes of REPORTDATA are the
 *   X25519 public key itself (the policy may bind nothing else, or check
 *   REPORTDATA further with a callback).
 *
 * Sealed format: exactly libsodium's sealed box, `ephemeral_pk[32] ‖
 * ciphertext ‖ mac[16]` (WETEE_SEAL_OVERHEAD = 48 bytes more than the
 * secret), readable by any libsodium binding (`crypto_box_seal_open`,
 * PyNaCl's `SealedBox`). It hides the secret from everyone but the key's
 * holder; it does not say who sealed it (authenticate the sender
 * separately, e.g. by signing the upload transaction). Secrets of up to
 * WETEE_SEAL_MAX_SECRET bytes are accepted (no 245-byte limit as with
 * RSA-2048 PKCS#1 v1.5).
 *
 * Secrets: every intermediate copy of a private key (the X25519 key derived
 * from an Ed25519 key) is wiped; opened plaintext is returned in a
 * wetee_buf the caller releases with wetee_buf_free_secure(). Neither keys
 * nor plaintext appear in error messages.
 *
 * Thread safety: a recipient is immutable once made and may be shared
 * read-only by any number of threads; the other functions are pure.
 */
#ifndef WETEE_SEAL_H
#define WETEE_SEAL_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/attest.h"
#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief An attested recipient of sealed secrets (opaque; immutable). */
typedef struct wetee_seal_recipient wetee_seal_recipient;

/** @brief Size of an X25519 or Ed25519 public key, and of an X25519 secret key. */
#define WETEE_SEAL_KEY_BYTES 32
/** @brief Bytes a sealed box adds to the secret (ephemeral key and MAC). */
#define WETEE_SEAL_OVERHEAD 48
/** @brief Largest secret wetee_seal_to() accepts (64 MiB). */
#define WETEE_SEAL_MAX_SECRET (64u * 1024u * 1024u)

/** @brief Kind of a key given to or returned by this module. */
typedef enum wetee_seal_key_kind {
    WETEE_SEAL_KEY_ED25519 = 1, /**< Ed25519 (converted to X25519 for sealing) */
    WETEE_SEAL_KEY_X25519 = 2   /**< X25519 (used as is) */
} wetee_seal_key_kind;

/** @brief Where wetee_seal_verify() takes the recipient key from. */
typedef enum wetee_seal_key_source {
    /** The key the policy's REPORTDATA binding established, as an Ed25519
     *  key: WeTEE's Ed25519 binding, or a hash-of-key binding of a 32-byte
     *  Ed25519 public key. */
    WETEE_SEAL_SOURCE_BOUND_ED25519 = 0,
    /** The key the policy's hash-of-key binding established, as an X25519
     *  key (32 bytes). */
    WETEE_SEAL_SOURCE_BOUND_X25519 = 1,
    /** The first 32 bytes of REPORTDATA are the X25519 key. */
    WETEE_SEAL_SOURCE_REPORT_DATA_X25519 = 2
} wetee_seal_key_source;

/** @brief WETEE_SEAL_KEY_BYTES as a function (for bindings). @return 32. */
WETEE_API size_t wetee_seal_key_bytes(void);
/** @brief WETEE_SEAL_OVERHEAD as a function (for bindings). @return 48. */
WETEE_API size_t wetee_seal_overhead(void);
/** @brief WETEE_SEAL_MAX_SECRET as a function (for bindings). @return the limit. */
WETEE_API size_t wetee_seal_max_secret(void);

/**
 * @brief Verify evidence and establish the key to seal to.
 *
 * Runs wetee_attest_verify_evidence() with the given collateral, anchors,
 * policy and time, then takes the recipient key from `key_source`. The
 * recipient is returned whenever it could be made, also when the
 * verification or the key failed, so that the caller can read why
 * (wetee_seal_recipient_reason()); such a recipient refuses to seal.
 * @param out receives the recipient; free with wetee_seal_recipient_free().
 *        NULL only when an argument is invalid or allocation failed.
 * @param evidence the evidence bytes (see wetee_attest_verify_evidence()).
 * @param len its length.
 * @param coll collateral, or NULL to use the evidence's own (a JSON
 *        envelope's bundle, a SEV-SNP certificate table or chain).
 * @param anchors trust anchors, or NULL for the built-in pins.
 * @param policy the policy, or NULL for the strict default policy (which
 *        binds no key: use it only with
 *        WETEE_SEAL_SOURCE_REPORT_DATA_X25519).
 * @param key_source a wetee_seal_key_source.
 * @param time verification time, Unix seconds.
 * @return WETEE_OK when the evidence is accepted and the key established;
 *         WETEE_ERR_VERIFY when the verification rejected the evidence or
 *         no usable key is bound (the policy binds none, or the bound key
 *         is not a valid key of the expected kind); WETEE_ERR_DECODE /
 *         WETEE_ERR_TRUNCATED / WETEE_ERR_TOO_LONG for malformed evidence
 *         (a recipient is still returned); WETEE_ERR_INVALID_ARGUMENT (NULL
 *         out or evidence, unknown key_source); WETEE_ERR_NO_MEMORY.
 *         wetee_last_error() names the failing check.
 */
WETEE_API int wetee_seal_verify(wetee_seal_recipient **out, const uint8_t *evidence, size_t len,
                                wetee_attest_collateral *coll, const wetee_attest_anchors *anchors,
                                const wetee_attest_policy *policy, int key_source, uint64_t time);

/**
 * @brief Release a recipient.
 * @param rec the recipient, or NULL (no-op).
 */
WETEE_API void wetee_seal_recipient_free(wetee_seal_recipient *rec);

/**
 * @brief Whether the recipient may be sealed to: the evidence was accepted
 *        and a valid key established.
 * @param rec a recipient (NULL gives 0).
 * @return 1 or 0.
 */
WETEE_API int wetee_seal_recipient_accepted(const wetee_seal_recipient *rec);

/**
 * @brief The check that refused the recipient: the attestation's failed
 *        check (wetee_attest_check), or WETEE_ATTEST_CHECK_REPORT_DATA when
 *        the evidence verified but no usable key is bound;
 *        WETEE_ATTEST_CHECK_NONE when accepted.
 * @param rec a recipient (NULL gives WETEE_ATTEST_CHECK_PARSE).
 * @return a wetee_attest_check.
 */
WETEE_API int wetee_seal_recipient_failed_check(const wetee_seal_recipient *rec);

/**
 * @brief Why the recipient was refused, in words (the check's name and the
 *        reason), or "" when accepted.
 * @param rec a recipient (NULL gives "no recipient").
 * @return a string owned by the recipient. Never NULL.
 */
WETEE_API const char *wetee_seal_recipient_reason(const wetee_seal_recipient *rec);

/**
 * @brief The attestation result behind the recipient (verdict, measurements,
 *        TCB status, ...).
 * @param rec a recipient.
 * @return the result, owned by the recipient (valid until it is freed), or
 *         NULL for a NULL recipient.
 */
WETEE_API const wetee_attest_result *wetee_seal_recipient_result(const wetee_seal_recipient *rec);

/**
 * @brief The public key the evidence bound, as bound (the Ed25519 key for
 *        WeTEE's binding, the hashed key, or the X25519 key in REPORTDATA).
 * @param rec a recipient.
 * @param key receives a pointer into the recipient.
 * @param len receives its length (32).
 * @param kind receives its wetee_seal_key_kind; may be NULL.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no key established: see
 *         wetee_seal_recipient_reason()); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_seal_recipient_bound_key(const wetee_seal_recipient *rec, const uint8_t **key, size_t *len,
                                             int *kind);

/**
 * @brief The X25519 key secrets are sealed to.
 * @param out receives 32 bytes.
 * @param rec a recipient.
 * @return WETEE_OK; WETEE_ERR_VERIFY (the recipient was refused;
 *         wetee_last_error() says why); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_seal_recipient_public_key(uint8_t out[WETEE_SEAL_KEY_BYTES], const wetee_seal_recipient *rec);

/**
 * @brief Seal a secret to an accepted recipient.
 * @param out replaced with the sealed box (`len` + WETEE_SEAL_OVERHEAD
 *        bytes); unchanged on failure.
 * @param rec the recipient.
 * @param secret the secret (may be NULL when `len` is 0).
 * @param len its length, at most WETEE_SEAL_MAX_SECRET.
 * @return WETEE_OK; WETEE_ERR_VERIFY (the recipient was refused:
 *         wetee_last_error() is "seal: refused: <check>: <reason>");
 *         WETEE_ERR_TOO_LONG; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_CRYPTO;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_seal_to(wetee_buf *out, const wetee_seal_recipient *rec, const uint8_t *secret, size_t len);

/**
 * @brief Seal a secret to a key without attestation: for keys the caller
 *        has verified otherwise (e.g. one taken from an accepted recipient
 *        earlier). Prefer wetee_seal_to().
 * @param out replaced with the sealed box; unchanged on failure.
 * @param key the recipient's public key.
 * @param key_kind WETEE_SEAL_KEY_ED25519 (converted) or WETEE_SEAL_KEY_X25519.
 * @param secret the secret (may be NULL when `len` is 0).
 * @param len its length, at most WETEE_SEAL_MAX_SECRET.
 * @return WETEE_OK; WETEE_ERR_CRYPTO (not a valid key of that kind, or a key
 *         of small order); WETEE_ERR_TOO_LONG; WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_seal_to_key(wetee_buf *out, const uint8_t key[WETEE_SEAL_KEY_BYTES], int key_kind,
                                const uint8_t *secret, size_t len);

/**
 * @brief Open a sealed box (in the TEE, or in a test).
 * @param out replaced with the secret; release it with
 *        wetee_buf_free_secure(). Unchanged on failure.
 * @param sealed the sealed box.
 * @param len its length (at least WETEE_SEAL_OVERHEAD, at most
 *        WETEE_SEAL_MAX_SECRET + WETEE_SEAL_OVERHEAD).
 * @param secret_key the private key: for WETEE_SEAL_KEY_ED25519 a 32-byte
 *        seed or a 64-byte libsodium secret key (seed ‖ public key); for
 *        WETEE_SEAL_KEY_X25519 a 32-byte scalar.
 * @param secret_key_len 32 or 64 as above.
 * @param key_kind a wetee_seal_key_kind.
 * @return WETEE_OK; WETEE_ERR_VERIFY (the box was not sealed to this key, or
 *         was altered); WETEE_ERR_TRUNCATED (shorter than the overhead);
 *         WETEE_ERR_TOO_LONG; WETEE_ERR_INVALID_ARGUMENT (NULL, a key
 *         length or kind not listed); WETEE_ERR_CRYPTO; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_seal_open(wetee_buf *out, const uint8_t *sealed, size_t len, const uint8_t *secret_key,
                              size_t secret_key_len, int key_kind);

/**
 * @brief The X25519 public key to which secrets for a key are sealed: an
 *        Ed25519 public key converted, or the public key of an X25519
 *        secret key.
 * @param out receives 32 bytes.
 * @param key an Ed25519 public key (WETEE_SEAL_KEY_ED25519) or an X25519
 *        secret key (WETEE_SEAL_KEY_X25519).
 * @param key_kind a wetee_seal_key_kind.
 * @return WETEE_OK; WETEE_ERR_CRYPTO (not a valid Ed25519 point, or a key
 *         of small order); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_seal_x25519_public(uint8_t out[WETEE_SEAL_KEY_BYTES], const uint8_t key[WETEE_SEAL_KEY_BYTES],
                                       int key_kind);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_SEAL_H */
