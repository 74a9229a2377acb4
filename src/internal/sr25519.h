/* Internal sr25519 entry points: fixed-randomness hooks (tests, KATs) and
 * helpers for the keypair / SURI code. Secrets are in the ed25519 form
 * (`8·key ‖ nonce`) unless the name says canonical. */
#ifndef WETEE_INTERNAL_SR25519_H
#define WETEE_INTERNAL_SR25519_H

#include <stddef.h>
#include <stdint.h>

/* wetee_sr25519_sign with caller-supplied witness randomness (rand32 enters
 * the Merlin witness RNG via key(rand32)); byte-reproducible. */
int wt_sr25519_sign_with_rand(uint8_t sig[64], const uint8_t secret[64], const uint8_t pub[32],
                              const uint8_t *msg, size_t len, const uint8_t rand32[32]);

/* wetee_sr25519_derive_soft with caller-supplied randomness for the new nonce. */
int wt_sr25519_derive_soft_with_rand(uint8_t out_secret[64], uint8_t out_pub[32], const uint8_t secret[64],
                                     const uint8_t pub[32], const uint8_t chain_code[32],
                                     const uint8_t rand32[32]);

/* Hard derivation returning the child mini secret ("secret seed"), which
 * wetee_sr25519_keypair_from_seed() expands; lets a hard-derived account be
 * re-exported as a 0x seed. */
int wt_sr25519_derive_hard_mini(uint8_t out_mini[32], const uint8_t secret[64], const uint8_t chain_code[32]);

/* The libsodium-only reference verification (base mult + var-base mult +
 * sub), kept for differential tests of the fast path. Same contract as
 * wetee_sr25519_verify (strict = 0) or wetee_sr25519_verify_strict (1). */
int wt_sr25519_verify_ref(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32],
                          int strict);

#endif
