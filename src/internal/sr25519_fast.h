/* Variable-time Ristretto255 double-scalar check for sr25519 verification.
 *
 * libsodium exposes only constant-time single-scalar multiplications, each of
 * which decodes its input and encodes its output; verification needs
 * s·B − k·A on public data only, so src/keys/sr25519_fast.c computes it with
 * its own radix-2^51 field arithmetic and a wNAF Straus double-scalar
 * multiplication (about twice as fast). Available where the compiler has a
 * 128-bit integer type; otherwise WT_SR25519_HAVE_FAST is 0 and callers use
 * the libsodium path. */
#ifndef WETEE_INTERNAL_SR25519_FAST_H
#define WETEE_INTERNAL_SR25519_FAST_H

#include <stdint.h>

#if defined(__SIZEOF_INT128__)
#define WT_SR25519_HAVE_FAST 1
#else
#define WT_SR25519_HAVE_FAST 0
#endif

#define WT_SR25519_FAST_OK 0
#define WT_SR25519_FAST_MISMATCH 1
#define WT_SR25519_FAST_BAD_POINT 2

/* Decode `pub` strictly as a Ristretto point (canonical, valid, and not the
 * identity) and check encode(s·B − k·A) == R byte for byte. `s` and `k` are
 * reduced scalars (< ℓ). VARIABLE TIME: public inputs only. */
int wt_sr25519_fast_check(const uint8_t R[32], const uint8_t s[32], const uint8_t k[32], const uint8_t pub[32]);

/* Test hooks: strict Ristretto decode+encode round trip (0 = valid, else -1),
 * and the base-point multiple s·B by the variable-time path. */
int wt_ristretto_fast_roundtrip(uint8_t out[32], const uint8_t in[32]);
void wt_ristretto_fast_base(uint8_t out[32], const uint8_t s[32]);

#endif
