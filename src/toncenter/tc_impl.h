/* Private parts of the toncenter client shared by its sources. Not installed. */
#ifndef WETEE_TC_IMPL_H
#define WETEE_TC_IMPL_H

#include <jansson.h>

#include "internal/common.h"
#include "wetee/toncenter.h"

#define MOD "toncenter"
#define TC_MAX_ANSWER (16u << 20) /* largest answer read */

/* What a transaction's description says beyond wetee_toncenter_tx. */
typedef struct tc_tx_extra {
    int compute_skipped;  /* compute phase skipped (no state, no gas, ...) */
    int result_code;      /* action phase result code (0 when no action phase) */
    int has_action;       /* an action phase ran */
    int bounce_phase;     /* a bounce phase of type "ok" */
} tc_tx_extra;

int tc_get_b64_32(uint8_t out[32], json_t *v, const char *what, const char *field);
int tc_get_u64(uint64_t *out, json_t *v, const char *what, const char *field);
int tc_read_tx(wetee_toncenter_tx *out, tc_tx_extra *extra, json_t *tx, const char *what);
/* A v3 transaction list answer: the first transaction (WETEE_ERR_NOT_FOUND
 * when empty), its messages and the description's extras. */
int tc_parse_tx_list(wetee_toncenter_tx *tx, tc_tx_extra *extra, wetee_toncenter_msg *in_msg,
                     wetee_toncenter_msg *out_msgs, size_t max_out, size_t *out_count, json_t *root,
                     const char *what);

#endif
