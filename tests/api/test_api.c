/* Cross-module API rules: see api_cases.h. */
#include "api_cases.h"

WT_MAIN("api", WT_CASE(test_overlap_every_writer), WT_CASE(test_overlap_self_append_doubling),
        WT_CASE(test_overlap_keystore_export), WT_CASE(test_overlap_ton_mnemonic), WT_CASE(test_overlap_rpc_call),
        WT_CASE(test_overlap_toncenter), WT_CASE(test_overlap_seal),
        WT_CASE(test_lengths_sweep), WT_CASE(test_error_table))
