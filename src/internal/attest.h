/* Private types of the attestation module (include/wetee/attest.h). Not
 * installed.
 *
 * Split of the module:
 *   src/attest/common.c    anchors, collateral objects, results, names, JSON
 *   src/attest/policy.c    policies (setters, JSON) and wt_attest_finish()
 *   src/attest/x509.c      bounded PEM/DER/hex loaders, chain and CRL checks
 *   src/attest/dcap_*.c    Intel DCAP quotes (parse, collateral, verify)
 *   src/attest/evidence.c  wetee_attest_verify_evidence() dispatch
 *   src/attest/snp*.c      AMD SEV-SNP: implements the wt_attest_snp_* hooks
 *                          declared at the end of this header.
 */
#ifndef WETEE_INTERNAL_ATTEST_H
#define WETEE_INTERNAL_ATTEST_H

#include <pthread.h>
#include <stdint.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "internal/common.h"
#include "wetee/attest.h"
#include "wetee/attest_fetch.h"

#define WT_ATTEST_MODULE "attest"

/* Bounds on untrusted collateral (checked before any OpenSSL parser runs). */
#define WT_ATTEST_MAX_CERT_DER 8192     /* one certificate */
#define WT_ATTEST_MAX_CHAIN_CERTS 8     /* certificates in one PEM chain */
#define WT_ATTEST_MAX_CRL_DER (1u << 20) /* one CRL */
#define WT_ATTEST_MAX_DER_DEPTH 16      /* ASN.1 nesting accepted before d2i_* */
#define WT_ATTEST_MAX_ADVISORIES 64
#define WT_ATTEST_ADVISORY_LEN 64
#define WT_ATTEST_MAX_EXPECT 64         /* values per expected field */

/* ---- SEV-SNP product indices (anchors, result) ---- */
enum { WT_SNP_MILAN = 0, WT_SNP_GENOA = 1, WT_SNP_TURIN = 2, WT_SNP_PRODUCTS = 3, WT_SNP_UNKNOWN = -1 };

struct wetee_attest_anchors {
    uint8_t intel_root_pub[65]; /* uncompressed P-256 key of the pinned Intel root */
    X509 *amd_ark[WT_SNP_PRODUCTS]; /* pinned ARK per product (NULL = none) */
};

/* A parsed, signature-bearing JSON collateral item (TCB Info, QE Identity). */
typedef struct wt_signed_json {
    int present;
    char *body;        /* raw bytes of the inner object (signed), NUL-terminated */
    size_t body_len;
    uint8_t sig[64];   /* r || s */
} wt_signed_json;

struct wt_tcb_info;    /* dcap_collateral.c */
struct wt_qe_identity; /* dcap_collateral.c */

struct wetee_attest_collateral {
    /* DCAP */
    X509_CRL *root_ca_crl;
    X509_CRL *pck_crl;
    STACK_OF(X509) *pck_crl_chain;
    STACK_OF(X509) *tcb_info_chain;
    STACK_OF(X509) *qe_identity_chain;
    STACK_OF(X509) *pck_cert_chain;
    wt_signed_json tcb_info_raw;
    wt_signed_json qe_identity_raw;
    struct wt_tcb_info *tcb_info;         /* parsed from tcb_info_raw.body */
    struct wt_qe_identity *qe_identity;   /* parsed from qe_identity_raw.body */
    /* SEV-SNP (raw parsed objects; checked by src/attest/snp*.c) */
    X509 *snp_vcek;
    STACK_OF(X509) *snp_chain;
    X509_CRL *snp_crl;
    /* Check cache: signatures already verified under anchors with this
     * root key (time checks are redone at every verification). */
    pthread_mutex_t lock;
    int cache_valid;
    uint8_t cache_root[65];
    int cache_ok;                 /* result of the signature checks */
    int cache_check;              /* failing wetee_attest_check when !cache_ok */
    uint32_t cache_code;          /* its status code */
    char cache_reason[256];
    uint64_t valid_from, valid_until; /* intersection of the items' windows */
    /* verified PCK chains from quotes (keyed by SHA-256 of the chain bytes) */
    struct wt_pck_entry *leaf_cache[16];
    unsigned leaf_cache_next;
    /* references (wetee_attest_collateral_free drops one; the fetcher's
     * in-memory cache holds its own) and, for a fetching collateral
     * (wetee_attest_collateral_new_fetching), its fetcher */
    unsigned refs;
    wetee_attest_fetcher *fetcher;
    int readonly; /* shared with a fetcher's cache */
};

/* Fields a policy can expect: values kept as byte strings. */
typedef struct wt_expect {
    int field;
    size_t len;
    unsigned count;
    uint8_t *values; /* count * len bytes */
} wt_expect;

#define WT_POLICY_MAX_EXPECT_FIELDS 32

enum { WT_BIND_NONE = 0, WT_BIND_VALUE, WT_BIND_KEY_HASH, WT_BIND_WETEE_ED25519, WT_BIND_CALLBACK };

struct wetee_attest_policy {
    unsigned tee_mask;          /* bit per wetee_attest_tee; 0 = any */
    unsigned status_mask;       /* bit per accepted wetee_attest_tcb_status */
    int any_advisory;
    unsigned n_advisories;
    char advisories[WT_ATTEST_MAX_ADVISORIES][WT_ATTEST_ADVISORY_LEN];
    int allow_debug;
    int strict_expiry;
    int allow_mrservicetd;
    uint8_t allow_td_attributes[8];
    wt_expect expect[WT_POLICY_MAX_EXPECT_FIELDS];
    unsigned n_expect;
    /* integer expectations */
    int has_isvprodid; uint64_t isvprodid;
    int has_vmpl; uint64_t vmpl;
    int has_guest_svn; uint64_t guest_svn;
    int has_min_isvsvn; uint64_t min_isvsvn;
    int has_min_guest_svn; uint64_t min_guest_svn;
    int has_min_snp_tcb; uint64_t min_snp_tcb;
    int has_snp_policy_bits; uint64_t snp_policy_mask, snp_policy_value;
    /* REPORTDATA binding */
    int bind;
    uint8_t bind_value[64]; size_t bind_value_len;
    int bind_hash; uint8_t *bind_key; size_t bind_key_len;
    int bind_ed25519_has_key; uint8_t bind_ed25519_key[32]; uint64_t bind_max_age;
    wetee_attest_report_data_fn bind_fn; void *bind_ctx;
};

struct wetee_attest_result {
    int verdict;
    int tee;
    uint32_t status_code;
    int tcb_status;
    int failed_check;
    char reason[384];
    unsigned n_advisories;
    char advisories[WT_ATTEST_MAX_ADVISORIES][WT_ATTEST_ADVISORY_LEN];
    /* raw report: SGX body (384), TD body (584/648/885) or SEV-SNP report (1184) */
    uint8_t report[1184];
    size_t report_len;
    int td15;            /* TD body is TDX 1.5 (648 bytes) */
    int snp_product;     /* WT_SNP_* (SEV-SNP only) */
    int has_tcb_date; uint64_t tcb_date;
    int expired; uint64_t earliest_expiry;
    uint8_t bound_key[64]; size_t bound_key_len;
};

/* WeTEE evidence envelope values (Ed25519 binding). */
typedef struct wt_attest_envelope {
    int present;
    uint64_t timestamp;
    uint8_t public_key[32];
    const uint8_t *message; size_t message_len;
} wt_attest_envelope;

/* ---- common.c ---- */
wetee_attest_result *wt_attest_result_new(void);
/* Record a failure: sets verdict REJECT, failed_check, reason (formatted),
 * and the thread's error detail "attest: <reason>"; returns `code`. Only
 * the first failure is kept. */
int wt_attest_fail(wetee_attest_result *r, int code, int check, uint32_t status_code, const char *fmt, ...)
    WT_PRINTF(5, 6);
/* Add an advisory ID (deduplicated, case-insensitive). */
void wt_attest_add_advisory(wetee_attest_result *r, const char *id, size_t len);
/* Where a field lies in r->report: 0 and off, len set, or -1. */
int wt_attest_field_loc(const wetee_attest_result *r, int field, size_t *off, size_t *len);
/* Size of a byte field for a TEE-independent lookup (policy), 0 for unknown
 * or integer fields; *is_int set for integer fields. */
size_t wt_attest_field_size(int field, int *is_int);
/* Default anchors (built-in pins), created once. */
const wetee_attest_anchors *wt_attest_default_anchors(void);

/* ---- evidence.c, evidence_pb.c ---- */
/* Verify binary evidence (a DCAP quote, an Open Enclave report, a SEV-SNP
 * report with or without its certificate table, a protobuf TeeCall or
 * sevsnp.Attestation) into `r`; `env` carries WeTEE binding values. */
int wt_attest_verify_raw(wetee_attest_result *r, const uint8_t *ev, size_t len, wetee_attest_collateral *coll,
                         const wetee_attest_anchors *anchors, const wetee_attest_policy *policy,
                         const wt_attest_envelope *env, uint64_t time);
/* The protobuf forms; `nested` (inside a TeeCall or a JSON envelope)
 * accepts only a sevsnp.Attestation. */
int wt_attest_pb_verify(wetee_attest_result *r, const uint8_t *ev, size_t len, wetee_attest_collateral *coll,
                        const wetee_attest_anchors *anchors, const wetee_attest_policy *policy,
                        const wt_attest_envelope *env, uint64_t time, int nested);

/* go-sev-guest's sevsnp.Attestation to "raw report [‖ certificate table]"
 * (replaces out's content). */
int wt_attest_snp_from_pb(wetee_buf *out, const uint8_t *data, size_t len);

/* ---- policy.c ---- */
/* Default strict policy, created once. */
const wetee_attest_policy *wt_attest_default_policy(void);
/* Apply the policy to a result whose cryptographic checks all passed
 * (r->tcb_status, r->report, advisories, expiry set). Sets the verdict.
 * Returns WETEE_OK (accept) or WETEE_ERR_VERIFY. */
int wt_attest_finish(wetee_attest_result *r, const wetee_attest_policy *p, const wt_attest_envelope *env,
                     uint64_t time);

/* ---- x509.c: bounded loaders ---- */
/* Depth/size check of one DER TLV tree before any d2i_ call. 0 ok, -1 bad. */
int wt_der_check(const uint8_t *der, size_t len, size_t max_len, unsigned max_depth);
/* One certificate from DER or PEM (first block). */
int wt_load_cert(X509 **out, const uint8_t *data, size_t len, const char *what);
/* Every PEM certificate of a chain (at most WT_ATTEST_MAX_CHAIN_CERTS). */
int wt_load_chain(STACK_OF(X509) **out, const uint8_t *data, size_t len, const char *what);
/* A CRL from DER, PEM or hex text of DER. */
int wt_load_crl(X509_CRL **out, const uint8_t *data, size_t len, const char *what);
/* ASN1_TIME to Unix seconds (0 on failure). */
int wt_asn1_time_unix(const ASN1_TIME *t, uint64_t *out);

/* ---- collateral fetching (src/attest/fetch*.c, dcap_verify.c) ---- */
/* Take one more reference to a collateral object. */
void wt_attest_collateral_ref(wetee_attest_collateral *c);
/* The signature checks of DCAP collateral (chains, CRLs, TCB Info, QE
 * Identity) without time checks: WETEE_OK or an error with the detail. */
int wt_dcap_collateral_check(wetee_attest_collateral *c, const wetee_attest_anchors *a);
/* TEE, FMSPC and PCK CA type (wetee_attest_pck_ca) of a quote with a PCK
 * chain (certification data type 5). */
int wt_dcap_quote_pck_info(const uint8_t *quote, size_t len, int *tee, uint8_t fmspc[6], int *ca);
/* The collateral for one piece of evidence from a fetching collateral's
 * fetcher (kind: WETEE_ATTEST_TEE_SGX for any DCAP quote, _SEV_SNP for a
 * report with or without its certificate table). On failure `r` records
 * CHECK_COLLATERAL and the returned code is the rejection's. */
int wt_attest_fetched(wetee_attest_collateral **out, wetee_attest_fetcher *f, wetee_attest_result *r, int kind,
                      const uint8_t *ev, size_t len, uint64_t time);
/* Pure parsers of the fetcher (fetch_parse.c; fuzzed by fuzz_attest_fetch):
 * the value of response header `name` in one header line (1 and *value
 * set, URL-decoded; 0 when the line is another header; negative on a
 * malformed value), and the on-disk cache entry format. */
int wt_fetch_header_value(wetee_buf *value, const char *line, size_t len, const char *name);
int wt_fetch_url_decode(wetee_buf *out, const char *s, size_t n);
typedef struct wt_fetch_entry {
    uint64_t expires;   /* Unix seconds */
    wetee_buf body;     /* response body */
    wetee_buf chain;    /* issuer chain (PEM), empty when none */
} wt_fetch_entry;
int wt_fetch_entry_encode(wetee_buf *out, const char *url, const wt_fetch_entry *e);
int wt_fetch_entry_decode(wt_fetch_entry *e, const uint8_t *data, size_t len, const char *url);
void wt_fetch_entry_clear(wt_fetch_entry *e);
/* Expiry of an item: the earliest nextUpdate / notAfter in it (0: none
 * found). kind: 0 CRL, 1 PCS JSON (nextUpdate of the inner object), 2
 * certificates (DER or PEM). */
int wt_fetch_item_expiry(uint64_t *out, int kind, const uint8_t *data, size_t len);

/* ---- hooks implemented by the SEV-SNP part (src/attest/snp*.c) ----
 * wt_attest_snp_anchors_init: load the built-in ARK pins into `a` (called by
 *   wetee_attest_anchors_new; return WETEE_OK or an error).
 * wt_attest_snp_is_report: 1 when `data` looks like a raw SEV-SNP report.
 * wt_attest_snp_verify: verify a report with coll->snp_* and anchors, fill
 *   `r` (tee, report, snp_product, ...), then call wt_attest_finish(). */
int wt_attest_snp_anchors_init(wetee_attest_anchors *a);
int wt_attest_snp_is_report(const uint8_t *data, size_t len);
int wt_attest_snp_verify(wetee_attest_result *r, const uint8_t *report, size_t len, wetee_attest_collateral *coll,
                         const wetee_attest_anchors *anchors, const wetee_attest_policy *policy,
                         const wt_attest_envelope *env, uint64_t time);

#endif /* WETEE_INTERNAL_ATTEST_H */
