/* SEV-SNP internals shared by the attest sources. Not installed. */
#ifndef WETEE_ATTEST_SNP_IMPL_H
#define WETEE_ATTEST_SNP_IMPL_H

#include <openssl/x509.h>

#include "wetee/attest_snp.h"

/* Product line from the CPUID family and model bytes (VERSION >= 3). */
wetee_snp_product wt_snp_product_from_cpuid(uint8_t family, uint8_t model);

/* wetee_snp_report_parse() without argument checks; `hint` is the TCB
 * layout to use when the report does not name its product (VERSION 2). */
int wt_snp_parse(wetee_snp_report *out, const uint8_t *r, size_t len, wetee_snp_product hint);

/* Which check failed (mapped to wetee_attest_check by the attest glue). */
enum {
    WT_SNP_CHECK_NONE = 0,
    WT_SNP_CHECK_PARSE,     /* report length or fields */
    WT_SNP_CHECK_SIGNATURE, /* the report signature */
    WT_SNP_CHECK_TCB,       /* signing key, product, SPL extensions, hwID */
    WT_SNP_CHECK_ROOT,      /* the ARK is not trusted */
    WT_SNP_CHECK_CHAIN,     /* a link of the chain: names, algorithm, signature */
    WT_SNP_CHECK_EXPIRED,   /* a certificate or the CRL outside its window */
    WT_SNP_CHECK_CRL,       /* the CRL: issuer, signature */
    WT_SNP_CHECK_REVOKED    /* the ASK/ASVK is listed in the CRL */
};

/* Inputs of a verification with parsed certificates (OpenSSL objects). */
typedef struct wt_snp_in {
    X509 *leaf;             /* VCEK or VLEK */
    X509 *const *chain;     /* ASK/ASVK and ARK, any order */
    size_t nchain;
    X509 *const *anchors;   /* indexed by wetee_snp_product (4 entries); NULL
                             * entries or array: AMD's pinned ARKs */
    X509_CRL *crl;          /* or NULL */
    int64_t time;
    wetee_snp_product product; /* UNKNOWN: from the report / leaf */
    int lenient_time;       /* certificates and CRL outside their window only set `expired` */
} wt_snp_in;

typedef struct wt_snp_out {
    wetee_snp_report rep;   /* parsed report (zeroed on failure) */
    int check;              /* WT_SNP_CHECK_* of the failure */
    int expired;            /* a certificate or the CRL is outside its window */
    int64_t earliest;       /* earliest notAfter / nextUpdate seen, 0 if none */
} wt_snp_out;

/* The verification of wetee_snp_verify() on parsed certificates; sets the
 * error detail on failure. */
int wt_snp_verify_x509(const uint8_t *report, size_t len, const wt_snp_in *in, wt_snp_out *o);

#endif
