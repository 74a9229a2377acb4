/* Synthetic DCAP collateral and quotes for negative tests (forge.c). */
#ifndef WT_ATTEST_FORGE_H
#define WT_ATTEST_FORGE_H

#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

typedef struct forge {
    uint16_t version;
    size_t body_end;          /* signed region length of the sample */
    uint8_t head[54 + 885];   /* header (+ descriptor) + body of the sample (up to body type 4) */
    uint8_t qe_report[384];
    uint8_t auth[512];
    size_t auth_len;
    char *tcb_info, *qe_identity; /* the sample's raw JSON */
    X509_EXTENSION *sgx_ext;      /* the sample PCK certificate's SGX extension */
    EVP_PKEY *root_key, *tcb_key, *ca_key, *pck_key, *att_key;
    X509 *root, *tcb, *ca, *pck;  /* PCK serial 4242 */
} forge;

int forge_init(forge *f, const uint8_t *quote, size_t qlen, const char *coll_json, size_t clen);
void forge_free(forge *f);
void forge_root_pub(const forge *f, uint8_t out[65]);
/* Collateral bundle JSON (malloc'd) with the given raw TCB Info / QE
 * Identity (NULL: the sample's), re-signed; PCK CRL listing
 * `revoked_pck_serial` when non-zero. */
char *forge_collateral(const forge *f, const char *tcb_info, const char *qe_identity, long revoked_pck_serial);
/* A quote with the given header+body (NULL: the sample's), re-signed
 * (malloc'd). */
uint8_t *forge_quote(const forge *f, const uint8_t *head, size_t *len);

#endif
