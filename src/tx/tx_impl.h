/* Private helpers of the tx module. */
#ifndef WETEE_TX_IMPL_H
#define WETEE_TX_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "internal/metadata.h"
#include "wetee/core.h"

/* Encode JSON text as registry type `type`, appending to `out`. A composite
 * with a single field encodes exactly as that field, so when the JSON does
 * not fit the composite it is tried against the field (repeatedly, for
 * nested newtypes such as CheckNonce(Compact<Nonce>)). On failure `out` is
 * unchanged and the detail names `what` and the first error. */
int wt_tx_encode_json(wetee_buf *out, const struct wetee_metadata *md, uint32_t type, const char *json, size_t len,
                      const char *what);
/* The same with a value (consumed: freed in every case; NULL means the
 * allocation that made it failed). */
struct wetee_value;
int wt_tx_encode_value(wetee_buf *out, const struct wetee_metadata *md, uint32_t type, struct wetee_value *v,
                       const char *what);
/* Check that `data` is exactly one value of type `type`. */
int wt_tx_check_bytes(const struct wetee_metadata *md, uint32_t type, const uint8_t *data, size_t len,
                      const char *what);
/* 1 when every value of `type` encodes to no bytes (empty composite or
 * tuple, array of length 0, or made only of such). */
int wt_tx_zero_sized(const struct wetee_metadata *md, uint32_t type);

#endif
