/* sr25519 (schnorrkel 0.11 as used by Substrate) on libsodium's ristretto255.
 *
 * Written from shared/reference/keys.md §1 (expansion in Ed25519 mode, the
 * two secret serialisations, the "substrate" signing context, Schnorr
 * signatures with the 0x80 marker bit, HDKD). Scalars are 32-byte
 * little-endian integers mod ℓ; points are compressed Ristretto255.
 *
 * Secrets handled here are wiped before return (sodium_memzero). */
#include <pthread.h>
#include <sodium.h>

#include "internal/common.h"
#include "internal/merlin.h"
#include "internal/sr25519.h"
#include "internal/ed25519_curve.h"
#include "wetee/keys.h"

#define MOD "sr25519"

size_t wetee_sr25519_signature_bytes(void) { return WETEE_SR25519_SIGNATURE_BYTES; }

/* ed25519 form (8·key as a 256-bit integer) → canonical key mod ℓ. */
static void key_from_ed25519_form(uint8_t key[32], const uint8_t ed[32])
{
    uint8_t wide[64];
    unsigned carry = 0;
    int i;
    for (i = 31; i >= 0; i--) {
        wide[i] = (uint8_t)((ed[i] >> 3) | carry);
        carry = (unsigned)(ed[i] & 7) << 5;
    }
    memset(wide + 32, 0, 32);
    crypto_core_ristretto255_scalar_reduce(key, wide);
    sodium_memzero(wide, sizeof wide);
}

/* canonical key (< 2^253) → ed25519 form (shift left by 3). */
static void key_to_ed25519_form(uint8_t ed[32], const uint8_t key[32])
{
    unsigned carry = 0;
    int i;
    for (i = 0; i < 32; i++) {
        unsigned b = key[i];
        ed[i] = (uint8_t)((b << 3) | carry);
        carry = b >> 5;
    }
}

/* Ed25519-mode expansion: ed25519-form secret and public key from a mini secret. */
static int expand_mini(uint8_t secret[64], uint8_t pub[32], const uint8_t mini[32])
{
    uint8_t h[64], key[32];
    int rc = WETEE_OK;
    crypto_hash_sha512(h, mini, 32);
    h[0] &= 248;
    h[31] &= 63;
    h[31] |= 64;
    /* The clamped value is already 8·key with key in [2^251, 2^252) < ℓ:
     * it is the ed25519 form as is. */
    key_from_ed25519_form(key, h);
    if (crypto_scalarmult_ristretto255_base(pub, key) != 0)
        rc = wt_error(WETEE_ERR_INTERNAL, MOD ": expansion gave the identity");
    memcpy(secret, h, 64);
    sodium_memzero(h, sizeof h);
    sodium_memzero(key, sizeof key);
    return rc;
}

int wetee_sr25519_keypair_from_seed(uint8_t secret[64], uint8_t pub[32], const uint8_t seed[32])
{
    WT_ARG(secret != NULL && pub != NULL && seed != NULL, MOD, "NULL pointer");
    return expand_mini(secret, pub, seed);
}

int wetee_sr25519_secret_to_canonical(uint8_t out[64], const uint8_t ed25519_form[64])
{
    WT_ARG(out != NULL && ed25519_form != NULL, MOD, "NULL pointer");
    key_from_ed25519_form(out, ed25519_form);
    if (out != ed25519_form) memmove(out + 32, ed25519_form + 32, 32);
    return WETEE_OK;
}

int wetee_sr25519_secret_from_canonical(uint8_t out[64], const uint8_t canonical[64])
{
    uint8_t ed[32];
    WT_ARG(out != NULL && canonical != NULL, MOD, "NULL pointer");
    if (!wt_sc_is_canonical(canonical))
        return wt_error(WETEE_ERR_CRYPTO, MOD ": secret key is not a canonical scalar");
    key_to_ed25519_form(ed, canonical);
    memcpy(out, ed, 32);
    if (out != canonical) memmove(out + 32, canonical + 32, 32);
    sodium_memzero(ed, sizeof ed);
    return WETEE_OK;
}

int wetee_sr25519_public_from_secret(uint8_t pub[32], const uint8_t secret[64])
{
    uint8_t key[32];
    int r;
    WT_ARG(pub != NULL && secret != NULL, MOD, "NULL pointer");
    key_from_ed25519_form(key, secret);
    r = crypto_scalarmult_ristretto255_base(pub, key);
    sodium_memzero(key, sizeof key);
    if (r != 0) return wt_error(WETEE_ERR_CRYPTO, MOD ": secret key is zero");
    return WETEE_OK;
}

/* ---------------------------------------------------------------- */
/* Signatures                                                        */
/* ---------------------------------------------------------------- */

/* SigningContext("substrate").bytes(msg), then the Schnorr-sig protocol
 * name and the public key: the common prefix of sign and verify. */
static wt_merlin g_ctx_transcript; /* after Transcript::new + the context: public, immutable */
static pthread_once_t g_ctx_once = PTHREAD_ONCE_INIT;

static void ctx_transcript_init(void)
{
    static const uint8_t ctx[9] = { 's', 'u', 'b', 's', 't', 'r', 'a', 't', 'e' };
    wt_merlin_init(&g_ctx_transcript, "SigningContext");
    wt_merlin_append(&g_ctx_transcript, "", ctx, sizeof ctx);
}

static void sig_transcript(wt_merlin *t, const uint8_t pub[32], const uint8_t *msg, size_t len)
{
    static const uint8_t proto[11] = { 'S', 'c', 'h', 'n', 'o', 'r', 'r', '-', 's', 'i', 'g' };
    pthread_once(&g_ctx_once, ctx_transcript_init);
    *t = g_ctx_transcript;
    wt_merlin_append(t, "sign-bytes", msg, len);
    wt_merlin_append(t, "proto-name", proto, sizeof proto);
    wt_merlin_append(t, "sign:pk", pub, 32);
}

int wt_sr25519_sign_with_rand(uint8_t sig[64], const uint8_t secret[64], const uint8_t pub[32],
                              const uint8_t *msg, size_t len, const uint8_t rand32[32])
{
    wt_merlin t;
    uint8_t key[32], wide[64], r[32], k[32], s[32], R[32];
    const uint8_t *nonce = secret + 32;
    const size_t nonce_len = 32;
    int rc = WETEE_OK;

    WT_ARG(sig != NULL && secret != NULL && pub != NULL && rand32 != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, len, MOD);

    sig_transcript(&t, pub, msg, len);
    wt_merlin_witness_bytes(&t, "signing", wide, 64, &nonce, &nonce_len, 1, rand32);
    crypto_core_ristretto255_scalar_reduce(r, wide);
    /* R = r·B with the constant-time fixed-base table of ed25519_base.c
     * (libsodium's crypto_scalarmult_ristretto255_base gives the same bytes,
     * slower; tests/keys compares them); r = 0 is refused as libsodium does */
    if (sodium_is_zero(r, 32)) {
        rc = wt_error(WETEE_ERR_CRYPTO, MOD ": zero signing nonce");
        goto done;
    }
    wt_ge_scalarmult_base_ristretto_ct(R, r);
    wt_merlin_append(&t, "sign:R", R, 32);
    wt_merlin_challenge(&t, "sign:c", wide, 64);
    crypto_core_ristretto255_scalar_reduce(k, wide);

    key_from_ed25519_form(key, secret);
    crypto_core_ristretto255_scalar_mul(s, k, key);
    crypto_core_ristretto255_scalar_add(s, s, r);
    memcpy(sig, R, 32);
    memcpy(sig + 32, s, 32);
    sig[63] |= 0x80;
done:
    wt_merlin_wipe(&t);
    sodium_memzero(key, sizeof key);
    sodium_memzero(wide, sizeof wide);
    sodium_memzero(r, sizeof r);
    sodium_memzero(s, sizeof s);
    return rc;
}

int wetee_sr25519_sign(uint8_t sig[64], const uint8_t secret[64], const uint8_t pub[32], const uint8_t *msg,
                       size_t msg_len)
{
    uint8_t rand32[32];
    int rc;
    rc = wt_random(rand32, sizeof rand32, "sr25519");
    if (rc == WETEE_OK) rc = wt_sr25519_sign_with_rand(sig, secret, pub, msg, msg_len, rand32);
    sodium_memzero(rand32, sizeof rand32);
    return rc;
}

/* Checks shared by both verification paths: marker bit, canonical s, a
 * public key without bit 255 and, in strict mode, not the identity; then
 * the challenge scalar k. On success `s` holds the scalar with the marker
 * cleared. */
static int verify_prepare(uint8_t s[32], uint8_t k[32], const uint8_t sig[64], const uint8_t *msg,
                          size_t msg_len, const uint8_t pub[32], int strict)
{
    static const uint8_t zero[32] = { 0 };
    wt_merlin t;
    uint8_t wide[64];
    if ((sig[63] & 0x80) == 0)
        return wt_error(WETEE_ERR_VERIFY, MOD ": signature lacks the schnorrkel marker bit");
    memcpy(s, sig + 32, 32);
    s[31] &= 0x7f;
    if (!wt_sc_is_canonical(s)) return wt_error(WETEE_ERR_VERIFY, MOD ": signature scalar is not canonical");
    /* schnorrkel (and so the chain) accepts the identity: with A = 0 the
     * equation is R = s·B, which anyone can satisfy. */
    if (strict && memcmp(pub, zero, 32) == 0)
        return wt_error(WETEE_ERR_VERIFY, MOD ": public key is the identity (rejected by the strict rules)");
    /* libsodium 1.0.18 ignores bit 255 when decoding Ristretto points;
     * curve25519-dalek (and RFC 9496) reject it. */
    if (pub[31] & 0x80) return wt_error(WETEE_ERR_VERIFY, MOD ": public key is not a canonical encoding");
    sig_transcript(&t, pub, msg, msg_len);
    wt_merlin_append(&t, "sign:R", sig, 32);
    wt_merlin_challenge(&t, "sign:c", wide, 64);
    crypto_core_ristretto255_scalar_reduce(k, wide);
    return WETEE_OK;
}

int wt_sr25519_verify_ref(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32],
                          int strict)
{
    static const uint8_t zero[32] = { 0 };
    uint8_t s[32], k[32], sB[32], kA[32], X[32];
    int rc;
    WT_ARG(sig != NULL && pub != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, msg_len, MOD);
    if ((rc = verify_prepare(s, k, sig, msg, msg_len, pub, strict)) != WETEE_OK) return rc;
    /* s = 0 gives -1 with the identity encoding (all zero) in sB: usable. */
    (void)crypto_scalarmult_ristretto255_base(sB, s);
    if (memcmp(pub, zero, 32) == 0) {
        /* the identity key: s·B - k·0 = s·B */
        memcpy(X, sB, 32);
    } else {
        /* k·A decodes A (rejecting invalid encodings); -1 also for an
         * identity result, which for a non-identity A of prime order means
         * k ≡ 0: reject. */
        if (crypto_scalarmult_ristretto255(kA, k, pub) != 0)
            return wt_error(WETEE_ERR_VERIFY, MOD ": invalid public key");
        if (crypto_core_ristretto255_sub(X, sB, kA) != 0)
            return wt_error(WETEE_ERR_VERIFY, MOD ": signature mismatch");
    }
    if (sodium_memcmp(X, sig, 32) != 0) return wt_error(WETEE_ERR_VERIFY, MOD ": signature mismatch");
    return WETEE_OK;
}

/* s·B - k·A on the variable-time curve code, compared with R. */
static int verify_fast(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32], int strict)
{
    uint8_t s[32], k[32], enc[32];
    wt_ge A, X;
    int rc;
    WT_ARG(sig != NULL && pub != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, msg_len, MOD);
    if ((rc = verify_prepare(s, k, sig, msg, msg_len, pub, strict)) != WETEE_OK) return rc;
    if (wt_ge_from_ristretto(&A, pub) != 0) return wt_error(WETEE_ERR_VERIFY, MOD ": invalid public key");
    wt_ge_neg(&A);
    wt_ge_double_scalarmult_base(&X, k, &A, s);
    wt_ge_to_ristretto(enc, &X);
    if (memcmp(enc, sig, 32) != 0) return wt_error(WETEE_ERR_VERIFY, MOD ": signature mismatch");
    return WETEE_OK;
}

int wetee_sr25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32])
{
    return verify_fast(sig, msg, msg_len, pub, 0);
}

int wetee_sr25519_verify_strict(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32])
{
    return verify_fast(sig, msg, msg_len, pub, 1);
}

/* ---------------------------------------------------------------- */
/* HDKD                                                              */
/* ---------------------------------------------------------------- */

static void hdkd_transcript(wt_merlin *t, const uint8_t chain_code[32])
{
    wt_merlin_init(t, "SchnorrRistrettoHDKD");
    wt_merlin_append(t, "sign-bytes", NULL, 0);
    wt_merlin_append(t, "chain-code", chain_code, 32);
}

int wt_sr25519_derive_hard_mini(uint8_t out_mini[32], const uint8_t secret[64], const uint8_t chain_code[32])
{
    wt_merlin t;
    uint8_t key[32];
    WT_ARG(out_mini != NULL && secret != NULL && chain_code != NULL, MOD, "NULL pointer");
    key_from_ed25519_form(key, secret);
    hdkd_transcript(&t, chain_code);
    wt_merlin_append(&t, "secret-key", key, 32);
    wt_merlin_challenge(&t, "HDKD-hard", out_mini, 32);
    /* schnorrkel then squeezes "HDKD-chaincode"; sp-core discards it. */
    wt_merlin_wipe(&t);
    sodium_memzero(key, sizeof key);
    return WETEE_OK;
}

int wetee_sr25519_derive_hard(uint8_t out_secret[64], uint8_t out_pub[32], const uint8_t secret[64],
                              const uint8_t chain_code[32])
{
    uint8_t mini[32];
    int rc;
    WT_ARG(out_secret != NULL && out_pub != NULL, MOD, "NULL pointer");
    if ((rc = wt_sr25519_derive_hard_mini(mini, secret, chain_code)) != WETEE_OK) return rc;
    rc = expand_mini(out_secret, out_pub, mini);
    sodium_memzero(mini, sizeof mini);
    return rc;
}

/* The soft-derivation transcript up to (and including) both challenges;
 * `delta` receives the scalar offset. */
static void soft_transcript(wt_merlin *t, uint8_t delta[32], const uint8_t pub[32], const uint8_t chain_code[32])
{
    uint8_t wide[64], cc[32];
    hdkd_transcript(t, chain_code);
    wt_merlin_append(t, "public-key", pub, 32);
    wt_merlin_challenge(t, "HDKD-scalar", wide, 64);
    crypto_core_ristretto255_scalar_reduce(delta, wide);
    wt_merlin_challenge(t, "HDKD-chaincode", cc, 32);
}

int wt_sr25519_derive_soft_with_rand(uint8_t out_secret[64], uint8_t out_pub[32], const uint8_t secret[64],
                                     const uint8_t pub[32], const uint8_t chain_code[32],
                                     const uint8_t rand32[32])
{
    wt_merlin t;
    uint8_t delta[32], key[32], canon[64], nonce[32];
    const uint8_t *witnesses[2];
    size_t lens[2] = { 32, 64 };
    int rc = WETEE_OK;

    WT_ARG(out_secret != NULL && out_pub != NULL && secret != NULL && pub != NULL && chain_code != NULL &&
               rand32 != NULL,
           MOD, "NULL pointer");
    soft_transcript(&t, delta, pub, chain_code);
    key_from_ed25519_form(key, secret);
    memcpy(canon, key, 32);
    memcpy(canon + 32, secret + 32, 32);
    witnesses[0] = secret + 32;
    witnesses[1] = canon;
    wt_merlin_witness_bytes(&t, "HDKD-nonce", nonce, 32, witnesses, lens, 2, rand32);
    crypto_core_ristretto255_scalar_add(key, key, delta);
    /* A' = A + δ·B = key'·B for the public key of `secret`. */
    if (crypto_scalarmult_ristretto255_base(out_pub, key) != 0) {
        rc = wt_error(WETEE_ERR_CRYPTO, MOD ": derived key is zero");
    } else {
        key_to_ed25519_form(out_secret, key);
        memcpy(out_secret + 32, nonce, 32);
    }
    wt_merlin_wipe(&t);
    sodium_memzero(delta, sizeof delta);
    sodium_memzero(key, sizeof key);
    sodium_memzero(canon, sizeof canon);
    sodium_memzero(nonce, sizeof nonce);
    return rc;
}

int wetee_sr25519_derive_soft(uint8_t out_secret[64], uint8_t out_pub[32], const uint8_t secret[64],
                              const uint8_t pub[32], const uint8_t chain_code[32])
{
    uint8_t rand32[32];
    int rc;
    rc = wt_random(rand32, sizeof rand32, "sr25519");
    if (rc == WETEE_OK) rc = wt_sr25519_derive_soft_with_rand(out_secret, out_pub, secret, pub, chain_code, rand32);
    sodium_memzero(rand32, sizeof rand32);
    return rc;
}

int wetee_sr25519_derive_public(uint8_t out_pub[32], const uint8_t pub[32], const uint8_t chain_code[32])
{
    static const uint8_t zero[32] = { 0 };
    wt_merlin t;
    uint8_t delta[32], dB[32];
    WT_ARG(out_pub != NULL && pub != NULL && chain_code != NULL, MOD, "NULL pointer");
    if (sodium_memcmp(pub, zero, 32) == 0) return wt_error(WETEE_ERR_CRYPTO, MOD ": public key is the identity");
    if (pub[31] & 0x80) return wt_error(WETEE_ERR_CRYPTO, MOD ": invalid public key encoding");
    soft_transcript(&t, delta, pub, chain_code);
    /* δ = 0 (probability 2^-252) leaves dB as the identity encoding, still valid. */
    (void)crypto_scalarmult_ristretto255_base(dB, delta);
    if (crypto_core_ristretto255_add(out_pub, pub, dB) != 0)
        return wt_error(WETEE_ERR_CRYPTO, MOD ": invalid public key encoding");
    return WETEE_OK;
}
