/* Rules that hold across every module of the public API (core.h): inputs
 * that overlap the output buffer, length parameters, the error-code table.
 * One file per rule; test_api.c runs them. */
#ifndef WT_API_CASES_H
#define WT_API_CASES_H

#include <stdint.h>

#include "wt_test.h"

void test_overlap_every_writer(void);
void test_overlap_self_append_doubling(void);
void test_overlap_keystore_export(void);
void test_lengths_sweep(void);
void test_overlap_rpc_call(void);
void test_overlap_ton_mnemonic(void);
void test_overlap_toncenter(void);
void test_overlap_seal(void);
void test_error_table(void);

#endif
