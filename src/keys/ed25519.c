/* ed25519 as sp-core uses it (shared/reference/keys.md §3.1): RFC 8032 keys
 * and signatures from libsodium; hard derivation
 * seed' = blake2b-256(SCALE(("Ed25519HDKD", seed, cc))). */
#include <sodium.h>

#include "internal/common.h"
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

int wetee_ed25519_sign(uint8_t sig[64], const uint8_t secret[64], const uint8_t *msg, size_t msg_len)
{
    WT_ARG(sig != NULL && secret != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, msg_len, MOD);
    if (crypto_sign_detached(sig, NULL, msg, msg_len, secret) != 0)
        return wt_error(WETEE_ERR_CRYPTO, MOD ": signing failed");
    return WETEE_OK;
}

int wetee_ed25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32])
{
    WT_ARG(sig != NULL && pub != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, msg_len, MOD);
    /* libsodium rejects non-canonical s, small-order and non-canonical
     * public keys and R, then checks [s]B = R + [h]A. */
    if (crypto_sign_verify_detached(sig, msg, msg_len, pub) != 0)
        return wt_error(WETEE_ERR_VERIFY, MOD ": signature verification failed");
    return WETEE_OK;
}

int wetee_ed25519_derive_hard(uint8_t out_seed[32], const uint8_t seed[32], const uint8_t chain_code[32])
{
    WT_ARG(out_seed != NULL && seed != NULL && chain_code != NULL, MOD, "NULL pointer");
    return wt_hdkd_blake2(out_seed, "Ed25519HDKD", seed, chain_code);
}
