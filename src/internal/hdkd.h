/* Hard derivation shared by ed25519 and ecdsa (sp-core's derive_hard_junction):
 * blake2b-256 of the SCALE tuple (label, seed, chain_code). */
#ifndef WETEE_INTERNAL_HDKD_H
#define WETEE_INTERNAL_HDKD_H

#include <stdint.h>

/* `label` is ASCII of at most 63 bytes ("Ed25519HDKD", "Secp256k1HDKD").
 * The intermediate buffer is wiped. Returns WETEE_OK or the hash's error. */
int wt_hdkd_blake2(uint8_t out[32], const char *label, const uint8_t seed[32], const uint8_t chain_code[32]);

#endif
