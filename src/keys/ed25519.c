/* ed25519 as sp-core uses it (shared/reference/keys.md §3.1): RFC 8032 keys
 * from libsodium; RFC 8032 §5.1.6 signatures with libsodium's SHA-512 and
 * scalar arithmetic around the constant-time fixed-base multiplication of
 * src/keys/ed25519_base.c (faster here than libsodium 1.0.18's, the same
 * bytes: tests/keys compares them with crypto_sign_detached); verification
 * with the ZIP-215 rules of ed25519-zebra, which sp-core verifies with, on
 * the variable-time curve code of src/keys/ed25519_curve.c (libsodium's
 * stricter rules remain as wetee_ed25519_verify_strict); hard derivation
 * seed' = blake2b-256(SCALE(("Ed25519HDKD", seed, cc))). */
#include <sodium.h>

#include "internal/common.h"
#include "internal/ed25519_curve.h"
#include "internal/hdkd.h"
#include "wetee/hash.h"
#include "wetee/keys.h"

#define MOD "ed25519"

int wetee_ed25519_keypair_from_seed(uint8_t secret[64], uint8_t pub[32], const uint8_t seed[32])
{
    uint8_t pk[32], sk[64];
    WT_ARG(secret != NULL && pub != NULL && seed != NULL, MOD, "NULL pointer");
    /* Through locals so that `seed` may alias `secret`. */
    if (crypto_sign_seed_keypair(pk, sk, seed) != 0) {
        sodium_memzero(sk, sizeof sk);
        return wt_error(WETEE_ERR_CRYPTO, MOD ": key generation failed");
    }
    memcpy(secret, sk, 64);
    memcpy(pub, pk, 32);
    sodium_memzero(sk, sizeof sk);
    return WETEE_OK;
}

void wt_ed25519_expand(uint8_t expanded[64], const uint8_t seed[32])
{
    crypto_hash_sha512(expanded, seed, 32);
    expanded[0] &= 248;
    expanded[31] &= 127;
    expanded[31] |= 64;
}

void wt_ed25519_sign_expanded(uint8_t sig[64], const uint8_t expanded[64], const uint8_t pub[32],
                              const uint8_t *msg, size_t msg_len)
{
    crypto_hash_sha512_state st;
    uint8_t wide[64], r[32], k[32], out[64];
    /* r = SHA-512(prefix ‖ M) mod ℓ, R = r·B (constant time) */
    crypto_hash_sha512_init(&st);
    crypto_hash_sha512_update(&st, expanded + 32, 32);
    if (msg_len) crypto_hash_sha512_update(&st, msg, msg_len);
    crypto_hash_sha512_final(&st, wide);
    crypto_core_ed25519_scalar_reduce(r, wide);
    wt_ge_scalarmult_base_ct(out, r);
    /* k = SHA-512(R ‖ A ‖ M) mod ℓ, S = (r + k·a) mod ℓ; into `out` first,
     * so that a `sig` overlapping `msg` cannot change what is hashed */
    crypto_hash_sha512_init(&st);
    crypto_hash_sha512_update(&st, out, 32);
    crypto_hash_sha512_update(&st, pub, 32);
    if (msg_len) crypto_hash_sha512_update(&st, msg, msg_len);
    crypto_hash_sha512_final(&st, wide);
    crypto_core_ed25519_scalar_reduce(k, wide);
    crypto_core_ed25519_scalar_mul(k, k, expanded);
    crypto_core_ed25519_scalar_add(out + 32, k, r);
    memcpy(sig, out, 64);
    sodium_memzero(&st, sizeof st);
    sodium_memzero(wide, sizeof wide);
    sodium_memzero(r, sizeof r);
    sodium_memzero(k, sizeof k);
    sodium_memzero(out, sizeof out);
}

int wetee_ed25519_sign(uint8_t sig[64], const uint8_t secret[64], const uint8_t *msg, size_t msg_len)
{
    uint8_t expanded[64];
    WT_ARG(sig != NULL && secret != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, msg_len, MOD);
    wt_ed25519_expand(expanded, secret);
    wt_ed25519_sign_expanded(sig, expanded, secret + 32, msg, msg_len);
    sodium_memzero(expanded, sizeof expanded);
    return WETEE_OK;
}

int wetee_ed25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32])
{
    crypto_hash_sha512_state st;
    uint8_t h[64], k[32];
    wt_ge A, R, X;
    WT_ARG(sig != NULL && pub != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, msg_len, MOD);
    /* ZIP 215: S canonical; A and R any encoding of a curve point (y may be
     * p or above, x may be "negative zero", any order); k from the bytes as
     * given; [8][S]B = [8]R + [8][k]A. */
    if (!wt_sc_is_canonical(sig + 32))
        return wt_error(WETEE_ERR_VERIFY, MOD ": signature scalar S is not canonical (not below the group order)");
    if (wt_ge_from_edwards_zip215(&A, pub) != 0)
        return wt_error(WETEE_ERR_VERIFY, MOD ": public key is not the encoding of a curve point");
    if (wt_ge_from_edwards_zip215(&R, sig) != 0)
        return wt_error(WETEE_ERR_VERIFY, MOD ": signature R is not the encoding of a curve point");
    crypto_hash_sha512_init(&st);
    crypto_hash_sha512_update(&st, sig, 32);
    crypto_hash_sha512_update(&st, pub, 32);
    if (msg_len) crypto_hash_sha512_update(&st, msg, msg_len);
    crypto_hash_sha512_final(&st, h);
    crypto_core_ed25519_scalar_reduce(k, h);
    /* X = [S]B - [k]A; valid when [8]X = [8]R */
    wt_ge_neg(&A);
    wt_ge_double_scalarmult_base(&X, k, &A, sig + 32);
    if (!wt_ge_cofactor_equal(&X, &R)) return wt_error(WETEE_ERR_VERIFY, MOD ": signature mismatch");
    return WETEE_OK;
}

int wetee_ed25519_verify_strict(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32])
{
    WT_ARG(sig != NULL && pub != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, msg_len, MOD);
    /* libsodium rejects non-canonical S, small-order and non-canonical
     * public keys and R, then checks [S]B = R + [k]A without the cofactor. */
    if (crypto_sign_verify_detached(sig, msg, msg_len, pub) != 0)
        return wt_error(WETEE_ERR_VERIFY, MOD ": signature verification failed (strict rules)");
    return WETEE_OK;
}

int wetee_ed25519_derive_hard(uint8_t out_seed[32], const uint8_t seed[32], const uint8_t chain_code[32])
{
    WT_ARG(out_seed != NULL && seed != NULL && chain_code != NULL, MOD, "NULL pointer");
    return wt_hdkd_blake2(out_seed, "Ed25519HDKD", seed, chain_code);
}
