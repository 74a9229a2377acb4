/* Keccak-f[1600] permutation (24 rounds) on 25 64-bit lanes, written here
 * (used by Keccak-256 and by the STROBE-128/Merlin transcripts). */
#ifndef WETEE_INTERNAL_KECCAK_H
#define WETEE_INTERNAL_KECCAK_H

#include <stdint.h>

void wt_keccakf1600(uint64_t st[25]);
/* The same permutation on a 200-byte state read as little-endian lanes. */
void wt_keccakf1600_bytes(uint8_t st[200]);

#endif
