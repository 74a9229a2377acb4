/* Private DCAP types: parsed quotes, TCB Info, QE Identity. Not installed. */
#ifndef WETEE_INTERNAL_ATTEST_DCAP_H
#define WETEE_INTERNAL_ATTEST_DCAP_H

#include <stdint.h>

#include <openssl/evp.h>

#include "internal/attest.h"

#define WT_TCB_MAX_LEVELS 256
#define WT_TCB_MAX_MODULES 32

/* One TCB level (platform level, module identity level or QE level). */
typedef struct wt_tcb_level {
    uint64_t sgx[16];   /* full width, as written in the JSON */
    uint64_t pcesvn;
    uint64_t tdx[16];
    int has_tdx;
    uint64_t isvsvn;    /* QE and module identity levels */
    int status;         /* wetee_attest_tcb_status or -1 (unrecognised) */
    uint64_t date;
    char *adv;          /* NUL-separated advisory IDs */
    size_t adv_len;
} wt_tcb_level;

typedef struct wt_tdx_module_id {
    char id[16];
    uint8_t mrsigner[48];
    uint8_t attributes[8];
    uint8_t attributes_mask[8];
    wt_tcb_level *levels;
    unsigned n_levels;
} wt_tdx_module_id;

enum { WT_TCBINFO_ID_NONE = 0, WT_TCBINFO_ID_SGX = 1, WT_TCBINFO_ID_TDX = 2 };

struct wt_tcb_info {
    int id;
    unsigned version;
    uint64_t issue_date, next_update;
    uint8_t fmspc[6];
    uint8_t pce_id[2];
    wt_tcb_level *levels;
    unsigned n_levels;
    int has_tdx_module;
    wt_tdx_module_id tdx_module; /* top-level tdxModule (no levels) */
    wt_tdx_module_id *modules;   /* tdxModuleIdentities */
    unsigned n_modules;
};

enum { WT_QEID_QE = 1, WT_QEID_TD_QE = 2, WT_QEID_QVE = 3 };

struct wt_qe_identity {
    int id;
    unsigned version;
    uint64_t issue_date, next_update;
    uint8_t miscselect[4], miscselect_mask[4];
    uint8_t attributes[16], attributes_mask[16];
    uint8_t mrsigner[32];
    uint64_t isvprodid;
    wt_tcb_level *levels;
    unsigned n_levels;
};

int wt_tcb_info_parse(struct wt_tcb_info **out, const char *json, size_t len);
void wt_tcb_info_free(struct wt_tcb_info *ti);
int wt_qe_identity_parse(struct wt_qe_identity **out, const char *json, size_t len);
void wt_qe_identity_free(struct wt_qe_identity *qi);
/* "2025-06-19T10:16:03Z" (optional fraction) to Unix seconds. */
int wt_parse_iso8601(const char *s, uint64_t *out);

/* A parsed DCAP quote: pointers into the caller's bytes. */
typedef struct wt_quote {
    uint16_t version, key_type;
    uint32_t tee_type;
    int tee;                    /* WETEE_ATTEST_TEE_SGX / _TDX */
    int body_type;              /* 1 SGX, 2 TD 1.0, 3 TD 1.5, 4 TD 1.5 extended */
    const uint8_t *body;
    size_t body_len;
    size_t signed_len;          /* quote[0 .. signed_len) is signed */
    const uint8_t *sig;         /* 64 */
    const uint8_t *att_key;     /* 64 (x || y) */
    const uint8_t *qe_report;   /* 384 */
    const uint8_t *qe_sig;      /* 64 */
    const uint8_t *auth;
    uint16_t auth_len;
    uint16_t cert_type;
    const uint8_t *cert;
    uint32_t cert_len;
} wt_quote;

/* Parse a quote (dcap_parse.c). Errors carry offsets; r (may be NULL)
 * receives CHECK_PARSE. */
int wt_quote_parse(wt_quote *q, const uint8_t *data, size_t len, wetee_attest_result *r);

/* P-256 helpers (dcap_verify.c / common.c). */
EVP_PKEY *wt_p256_key_from_raw(const uint8_t xy[64]);
int wt_p256_pub_bytes(EVP_PKEY *key, uint8_t out[65]);
/* 1 valid, 0 invalid: ECDSA-P256-SHA256 over msg with raw r||s. */
int wt_p256_verify(EVP_PKEY *key, const uint8_t *msg, size_t len, const uint8_t sig[64]);

/* Collateral helpers (common.c / dcap_verify.c). */
void wt_leaf_cache_clear(wetee_attest_collateral *c);
int wt_attest_collateral_from_object(wetee_attest_collateral *c, void *json_object);
const char *wt_attest_field_name(int field);
int wt_attest_field_by_name(const char *name, int tee_hint);

/* Verify a parsed quote (dcap_verify.c). */
int wt_dcap_verify(wetee_attest_result *r, const uint8_t *quote, size_t len, wetee_attest_collateral *coll,
                   const wetee_attest_anchors *anchors, const wetee_attest_policy *policy,
                   const wt_attest_envelope *env, uint64_t time);

#endif
