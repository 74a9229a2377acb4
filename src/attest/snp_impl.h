/* SEV-SNP internals shared by the attest sources. Not installed. */
#ifndef WETEE_ATTEST_SNP_IMPL_H
#define WETEE_ATTEST_SNP_IMPL_H

#include "wetee/attest_snp.h"

/* Product line from the CPUID family and model bytes (VERSION >= 3). */
wetee_snp_product wt_snp_product_from_cpuid(uint8_t family, uint8_t model);

/* wetee_snp_report_parse() without argument checks; `hint` is the TCB
 * layout to use when the report does not name its product (VERSION 2). */
int wt_snp_parse(wetee_snp_report *out, const uint8_t *r, size_t len, wetee_snp_product hint);

#endif
