/* Test helpers shared by the attestation tests (tests/attest, tests/seal,
 * tests/attest_pb): the shared DCAP samples, JSON policies, and WeTEE's
 * Ed25519 REPORTDATA binding as pods make it (samples.c). */
#ifndef WT_ATTEST_SAMPLES_H
#define WT_ATTEST_SAMPLES_H

#include <stddef.h>
#include <stdint.h>

#include "wetee.h"

typedef struct sample {
    uint8_t *quote;
    size_t quote_len;
    char *coll;
    size_t coll_len;
} sample;

/* attestation/<dir>/quote.bin and collateral.json; -1 when absent. */
int load_sample(sample *s, const char *dir);
void free_sample(sample *s);
/* A policy from JSON (a CHECK fails when it does not parse). */
wetee_attest_policy *policy_json(const char *j);
/* REPORTDATA as WeTEE's pods make it (tee-dsecret / libos-entry
 * SgxIssue/SnpIssue): the Ed25519 signature by `secret` over
 * BE_u64(ts) || pub || tx, over its BLAKE2b-256 when longer than 256 bytes
 * (ink.go Signer.Sign). */
void wetee_report_data(uint8_t rd[64], const uint8_t secret[64], const uint8_t pub[32], uint64_t ts, const uint8_t *tx,
                       size_t tx_len);

#endif
