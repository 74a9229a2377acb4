/* Variable-time arithmetic on the Ed25519 curve for signature verification.
 *
 * libsodium exposes only constant-time single-scalar multiplications, each
 * of which decodes its input and encodes its output, and its Edwards point
 * decoding is stricter than the chain's. Verification works on public data
 * only, so src/keys/ed25519_curve.c implements what both verifiers need with
 * its own radix-2^51 field arithmetic and a wNAF Straus double-scalar
 * multiplication:
 * - sr25519 (src/keys/sr25519.c): Ristretto255 decoding and encoding;
 * - ed25519 (src/keys/ed25519.c): the ZIP-215 point decoding and the
 *   cofactored equality used by ed25519-zebra (and so by sp-core).
 * Products use a 128-bit integer type when the compiler has one and a
 * portable two-word emulation otherwise.
 *
 * EVERYTHING HERE RUNS IN VARIABLE TIME: public inputs only, except the
 * section "Signing" at the end (constant time, src/keys/ed25519_base.c and
 * src/keys/ed25519.c). */
#ifndef WETEE_INTERNAL_ED25519_CURVE_H
#define WETEE_INTERNAL_ED25519_CURVE_H

#include <stddef.h>
#include <stdint.h>

/* A curve point in extended twisted Edwards coordinates (X : Y : Z : T),
 * x = X/Z, y = Y/Z, x·y = T/Z; field elements as five 51-bit limbs. */
typedef struct wt_ge {
    uint64_t X[5], Y[5], Z[5], T[5];
} wt_ge;

/* Strict Ristretto255 decoding (RFC 9496 §4.3.1: canonical, bit 255 clear,
 * non-negative s, valid). The identity (all-zero bytes) decodes.
 * Returns 0, or -1 for an invalid encoding. */
int wt_ge_from_ristretto(wt_ge *p, const uint8_t in[32]);
/* Ristretto255 encoding (RFC 9496 §4.3.2). */
void wt_ge_to_ristretto(uint8_t out[32], const wt_ge *p);

/* Ed25519 point decoding with the ZIP-215 rules (as curve25519-dalek's
 * CompressedEdwardsY::decompress): y is the low 255 bits taken as an
 * integer, which may be p or above (reduced mod p); bit 255 is the sign of
 * x, and a sign bit of 1 with x = 0 ("negative zero") is accepted. Points of
 * any order decode. Returns 0, or -1 when no x exists for y. */
int wt_ge_from_edwards_zip215(wt_ge *p, const uint8_t in[32]);
/* Canonical Ed25519 encoding of a point. */
void wt_ge_to_edwards(uint8_t out[32], const wt_ge *p);

/* p := -p. */
void wt_ge_neg(wt_ge *p);
/* out = a·A + b·B, B the Ed25519 base point; `A` may be NULL (a = 0).
 * Scalars are 32-byte little-endian integers below 2^253 (any value < ℓ). */
void wt_ge_double_scalarmult_base(wt_ge *out, const uint8_t a[32], const wt_ge *A, const uint8_t b[32]);
/* 1 when [8]P == [8]Q (P and Q differ by a point of small order). */
int wt_ge_cofactor_equal(const wt_ge *P, const wt_ge *Q);

/* 1 when the 32-byte little-endian integer s is below the group order ℓ
 * (a canonical scalar), in constant time. */
int wt_sc_is_canonical(const uint8_t s[32]);

/* Test hooks: strict Ristretto decode+encode round trip (0 = valid, else
 * -1), and the base-point multiple s·B through the variable-time path. */
int wt_ristretto_fast_roundtrip(uint8_t out[32], const uint8_t in[32]);
void wt_ristretto_fast_base(uint8_t out[32], const uint8_t s[32]);

/* ---- Signing: constant time in the secret inputs ---- */

/* out = Ed25519 encoding of s·B, B the base point, for a 32-byte
 * little-endian scalar s below 2^255 (bit 255 must be clear). Constant time
 * in s (fixed-base table, signed radix-16 digits, masked selection). */
void wt_ge_scalarmult_base_ct(uint8_t out[32], const uint8_t s[32]);
/* The same point s·B as a Ristretto255 encoding (RFC 9496 §4.3.2 with
 * masked selections), for sr25519 signing; constant time in s. */
void wt_ge_scalarmult_base_ristretto_ct(uint8_t out[32], const uint8_t s[32]);

/* The expanded ed25519 secret of RFC 8032 §5.1.5: SHA-512(seed), its first
 * half clamped (the secret scalar a), its second half the nonce prefix. */
void wt_ed25519_expand(uint8_t expanded[64], const uint8_t seed[32]);

/* RFC 8032 §5.1.6 signature with an expanded secret and its public key
 * (the same bytes as libsodium's crypto_sign_detached with seed ‖ pub).
 * `sig` may overlap nothing else. */
void wt_ed25519_sign_expanded(uint8_t sig[64], const uint8_t expanded[64], const uint8_t pub[32],
                              const uint8_t *msg, size_t msg_len);

#endif
