/* Synthetic SEV-SNP evidence for the tests: an ARK/ASK(ASVK)/VCEK(VLEK)
 * chain made with OpenSSL (RSA-PSS SHA-384 links, P-384 leaf, AMD
 * extensions) and reports signed with the leaf key. Lets the tests cover
 * Turin, VLEK, extension and CRL cases no published sample has. */
#ifndef SNP_GEN_H
#define SNP_GEN_H

#include <stddef.h>
#include <stdint.h>

typedef struct snp_gen_opts {
    int product;             /* wetee_snp_product */
    int vlek;                /* ASVK + VLEK instead of ASK + VCEK */
    int spl[10];             /* SPL extensions .3.1 .. .3.9 (index); -1 = omit */
    uint8_t hwid[64];        /* hwID extension */
    size_t hwid_len;         /* 0 = omit */
    const char *product_name; /* productName extension, NULL = omit */
    int salt;                /* PSS salt length of the leaf's signature (48) */
    long not_before, not_after; /* leaf validity */
} snp_gen_opts;

typedef struct snp_chain {
    void *ark_key, *ask_key, *leaf_key; /* EVP_PKEY */
    void *ark, *ask, *leaf;             /* X509 */
    uint8_t ark_der[4096], leaf_der[4096];
    size_t ark_der_len, leaf_der_len;
    char chain_pem[16384];              /* ASK then ARK */
    size_t chain_pem_len;
} snp_chain;

/* Defaults for a product: SPLs of `tcb` (the product's layout), hwID =
 * `chip_id` (8 bytes on Turin). */
void snp_gen_defaults(snp_gen_opts *o, int product, uint64_t tcb, const uint8_t chip_id[64]);
/* Make the ARK and ASK/ASVK once per product/kind (cached keys) and a leaf
 * with `o`. Returns 0 on success. */
int snp_gen_chain(snp_chain *c, const snp_gen_opts *o);
void snp_chain_free(snp_chain *c);
/* Sign report[0..0x2A0) with the leaf key into R and S (little-endian). */
int snp_gen_sign(uint8_t report[1184], const snp_chain *c);
/* A CRL signed by the ARK, listing `revoke_ask` ? the ASK's serial : an
 * unrelated serial; thisUpdate/nextUpdate given. DER into out. */
int snp_gen_crl(uint8_t *out, size_t cap, size_t *len, const snp_chain *c, int revoke_ask, long this_update,
                long next_update);
/* A report body: version, CPUID bytes for the product, policy, TCBs = tcb,
 * chip id, signing key. */
void snp_gen_report(uint8_t report[1184], unsigned version, int product, uint64_t policy, uint64_t tcb,
                    const uint8_t chip_id[64], unsigned signing_key);

#endif
