/* Attestation: names, trust anchors, collateral objects, results. */
#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "internal/attest.h"
#include "internal/attest_dcap.h"

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

static const char *const TCB_NAMES[WETEE_ATTEST_TCB_STATUS_COUNT] = {
    "UpToDate", "SWHardeningNeeded", "ConfigurationNeeded", "ConfigurationAndSWHardeningNeeded",
    "OutOfDate", "OutOfDateConfigurationNeeded", "TDRelaunchAdvised", "TDRelaunchAdvisedConfigurationNeeded",
    "Revoked", "TCBNotSupported", "Unknown"};

WETEE_API const char *wetee_attest_tcb_status_name(int status)
{
    if (status < 0 || status >= WETEE_ATTEST_TCB_STATUS_COUNT) return "Unknown";
    return TCB_NAMES[status];
}

static const char *const CHECK_NAMES[] = {
    "none", "parse", "collateral", "root_untrusted", "cert_chain", "crl", "revoked_cert", "tcb_info",
    "qe_identity", "qe_vendor", "qe_report_signature", "attestation_key", "qe_identity_mismatch",
    "quote_signature", "tdx_module", "tcb_level", "collateral_expired", "status_policy", "advisory_policy",
    "debug", "attributes", "measurement", "svn", "report_data", "tee_kind", "snp_tcb", "unsupported"};

WETEE_API const char *wetee_attest_check_name(int check)
{
    if (check < 0 || (size_t)check >= sizeof CHECK_NAMES / sizeof CHECK_NAMES[0]) return "unknown";
    return CHECK_NAMES[check];
}

/* ------------------------------------------------------------------ */
/* Trust anchors                                                       */
/* ------------------------------------------------------------------ */

/* Intel SGX Root CA public key (QvE INTEL_ROOT_PUB_KEY; attestation.md §3.1). */
static const uint8_t INTEL_ROOT_PUB[65] = {
    0x04, 0x0b, 0xa9, 0xc4, 0xc0, 0xc0, 0xc8, 0x61, 0x93, 0xa3, 0xfe, 0x23, 0xd6, 0xb0, 0x2c, 0xda, 0x10,
    0xa8, 0xbb, 0xd4, 0xe8, 0x8e, 0x48, 0xb4, 0x45, 0x85, 0x61, 0xa3, 0x6e, 0x70, 0x55, 0x25, 0xf5,
    0x67, 0x91, 0x8e, 0x2e, 0xdc, 0x88, 0xe4, 0x0d, 0x86, 0x0b, 0xd0, 0xcc, 0x4e, 0xe2, 0x6a, 0xac,
    0xc9, 0x88, 0xe5, 0x05, 0xa9, 0x53, 0x55, 0x8c, 0x45, 0x3f, 0x6b, 0x09, 0x04, 0xae, 0x73, 0x94};

WETEE_API int wetee_attest_anchors_new(wetee_attest_anchors **out)
{
    wetee_attest_anchors *a;
    int rc;
    WT_ARG(out != NULL, "attest", "out is NULL");
    *out = NULL;
    if ((a = wt_calloc(1, sizeof *a)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    memcpy(a->intel_root_pub, INTEL_ROOT_PUB, 65);
    if ((rc = wt_attest_snp_anchors_init(a)) != WETEE_OK) {
        wetee_attest_anchors_free(a);
        return rc;
    }
    *out = a;
    return WETEE_OK;
}

WETEE_API void wetee_attest_anchors_free(wetee_attest_anchors *anchors)
{
    int i;
    if (anchors == NULL) return;
    for (i = 0; i < WT_SNP_PRODUCTS; i++) X509_free(anchors->amd_ark[i]);
    wt_free(anchors);
}

/* Uncompressed P-256 point of a key, or -1. */
int wt_p256_pub_bytes(EVP_PKEY *key, uint8_t out[65])
{
    size_t n = 0;
    char group[32];
    if (key == NULL || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) return -1;
    if (!EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, NULL)) return -1;
    if (strcmp(group, "prime256v1") != 0) return -1;
    if (!EVP_PKEY_get_octet_string_param(key, "encoded-pub-key", out, 65, &n) || n != 65 || out[0] != 4)
        return -1;
    return 0;
}

WETEE_API int wetee_attest_anchors_set_intel_root(wetee_attest_anchors *anchors, const uint8_t *data, size_t len)
{
    X509 *x = NULL;
    uint8_t pub[65];
    int rc;
    WT_ARG(anchors != NULL, "attest", "anchors is NULL");
    WT_ARG_DATA(data, len, "attest");
    if (len > WETEE_ATTEST_MAX_COLLATERAL_ITEM)
        return wt_error(WETEE_ERR_TOO_LONG, "attest: Intel root: %zu bytes is above the limit", len);
    if (len == 65 && data[0] == 4) {
        EVP_PKEY *k = wt_p256_key_from_raw(data + 1);
        if (k == NULL) return wt_error(WETEE_ERR_DECODE, "attest: Intel root: not a P-256 public key");
        EVP_PKEY_free(k);
        memcpy(anchors->intel_root_pub, data, 65);
        return WETEE_OK;
    }
    if ((rc = wt_load_cert(&x, data, len, "Intel root")) != WETEE_OK) return rc;
    rc = wt_p256_pub_bytes(X509_get0_pubkey(x), pub);
    X509_free(x);
    if (rc != 0) return wt_error(WETEE_ERR_DECODE, "attest: Intel root: the certificate key is not P-256");
    memcpy(anchors->intel_root_pub, pub, 65);
    return WETEE_OK;
}

static pthread_once_t default_anchors_once = PTHREAD_ONCE_INIT;
static wetee_attest_anchors *default_anchors;
static void make_default_anchors(void)
{
    if (wetee_attest_anchors_new(&default_anchors) != WETEE_OK) default_anchors = NULL;
}
const wetee_attest_anchors *wt_attest_default_anchors(void)
{
    pthread_once(&default_anchors_once, make_default_anchors);
    return default_anchors;
}

/* ------------------------------------------------------------------ */
/* Collateral                                                          */
/* ------------------------------------------------------------------ */

WETEE_API int wetee_attest_collateral_new(wetee_attest_collateral **out)
{
    wetee_attest_collateral *c;
    WT_ARG(out != NULL, "attest", "out is NULL");
    *out = NULL;
    if ((c = wt_calloc(1, sizeof *c)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    if (pthread_mutex_init(&c->lock, NULL) != 0) {
        wt_free(c);
        return wt_error(WETEE_ERR_NO_MEMORY, "attest: mutex");
    }
    c->refs = 1;
    *out = c;
    return WETEE_OK;
}

static void signed_json_clear(wt_signed_json *s)
{
    wt_free(s->body);
    memset(s, 0, sizeof *s);
}

void wt_attest_collateral_ref(wetee_attest_collateral *c) { __atomic_add_fetch(&c->refs, 1, __ATOMIC_RELAXED); }

WETEE_API void wetee_attest_collateral_free(wetee_attest_collateral *c)
{
    if (c == NULL || __atomic_sub_fetch(&c->refs, 1, __ATOMIC_ACQ_REL) != 0) return;
    X509_CRL_free(c->root_ca_crl);
    X509_CRL_free(c->pck_crl);
    sk_X509_pop_free(c->pck_crl_chain, X509_free);
    sk_X509_pop_free(c->tcb_info_chain, X509_free);
    sk_X509_pop_free(c->qe_identity_chain, X509_free);
    sk_X509_pop_free(c->pck_cert_chain, X509_free);
    signed_json_clear(&c->tcb_info_raw);
    signed_json_clear(&c->qe_identity_raw);
    wt_tcb_info_free(c->tcb_info);
    wt_qe_identity_free(c->qe_identity);
    X509_free(c->snp_vcek);
    sk_X509_pop_free(c->snp_chain, X509_free);
    X509_CRL_free(c->snp_crl);
    wt_leaf_cache_clear(c);
    pthread_mutex_destroy(&c->lock);
    wt_free(c);
}

/* Find the raw value of a top-level key of a JSON object, by scanning
 * (strings with escapes, nesting bounded). 0 and the span, or -1. */
static int json_raw_value(const char *s, size_t len, const char *key, size_t *vstart, size_t *vlen)
{
    size_t i = 0, klen = strlen(key);
    int depth = 0;
    while (i < len && isspace((unsigned char)s[i])) i++;
    if (i >= len || s[i] != '{') return -1;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '"') {
            size_t st = ++i;
            while (i < len && s[i] != '"') {
                if (s[i] == '\\') i++;
                i++;
            }
            if (i >= len) return -1;
            if (depth == 1 && i - st == klen && memcmp(s + st, key, klen) == 0) {
                size_t j = i + 1, vs;
                int d = 0, in_str = 0;
                while (j < len && isspace((unsigned char)s[j])) j++;
                if (j >= len || s[j] != ':') continue; /* a string value equal to the key */
                j++;
                while (j < len && isspace((unsigned char)s[j])) j++;
                vs = j;
                for (; j < len; j++) {
                    char e = s[j];
                    if (in_str) {
                        if (e == '\\') j++;
                        else if (e == '"') { in_str = 0; if (d == 0) { j++; break; } }
                        continue;
                    }
                    if (e == '"') in_str = 1;
                    else if (e == '{' || e == '[') { if (++d > 64) return -1; }
                    else if (e == '}' || e == ']') {
                        if (d == 0) break;
                        if (--d == 0) { j++; break; }
                    } else if (d == 0 && (e == ',')) break;
                }
                if (j > len) return -1;
                *vstart = vs;
                *vlen = j - vs;
                while (*vlen > 0 && isspace((unsigned char)s[vs + *vlen - 1])) (*vlen)--;
                return 0;
            }
        } else if (c == '{' || c == '[') {
            if (++depth > 64) return -1;
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    return -1;
}

static int set_signed_json_parts(wt_signed_json *dst, const char *body, size_t body_len, const char *sig_hex,
                                 size_t sig_len, const char *what)
{
    char *copy;
    if (wetee_hex_decode_exact(dst->sig, 64, sig_hex, sig_len) != WETEE_OK)
        return wt_error(WETEE_ERR_DECODE, "attest: %s: signature is not 64 bytes of hex", what);
    if ((copy = wt_malloc(body_len + 1)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    memcpy(copy, body, body_len);
    copy[body_len] = 0;
    wt_free(dst->body);
    dst->body = copy;
    dst->body_len = body_len;
    dst->present = 1;
    return WETEE_OK;
}

/* PCS body {"<inner>":{...},"signature":"<hex>"}: keep the raw inner bytes. */
static int set_signed_json_pcs(wt_signed_json *dst, const uint8_t *data, size_t len, const char *inner,
                               const char *what)
{
    json_error_t err;
    json_t *root = json_loadb((const char *)data, len, JSON_REJECT_DUPLICATES, &err);
    json_t *sig;
    size_t vs, vl;
    int rc;
    if (root == NULL || !json_is_object(root)) {
        json_decref(root);
        return wt_error(WETEE_ERR_DECODE, "attest: %s: bad JSON at line %d column %d: %s", what, err.line,
                        err.column, err.text);
    }
    sig = json_object_get(root, "signature");
    if (!json_is_object(json_object_get(root, inner)) || !json_is_string(sig)) {
        json_decref(root);
        return wt_error(WETEE_ERR_DECODE, "attest: %s: expected {\"%s\": {...}, \"signature\": \"<hex>\"}", what,
                        inner);
    }
    if (json_raw_value((const char *)data, len, inner, &vs, &vl) != 0) {
        json_decref(root);
        return wt_error(WETEE_ERR_DECODE, "attest: %s: cannot locate the raw \"%s\" object", what, inner);
    }
    rc = set_signed_json_parts(dst, (const char *)data + vs, vl, json_string_value(sig), json_string_length(sig),
                               what);
    json_decref(root);
    return rc;
}

static void invalidate_cache(wetee_attest_collateral *c)
{
    c->cache_valid = 0;
    wt_leaf_cache_clear(c);
}

WETEE_API int wetee_attest_collateral_set(wetee_attest_collateral *c, int item, const uint8_t *data, size_t len)
{
    int rc = WETEE_OK;
    WT_ARG(c != NULL, "attest", "coll is NULL");
    WT_ARG_DATA(data, len, "attest");
    if (len > WETEE_ATTEST_MAX_COLLATERAL_ITEM)
        return wt_error(WETEE_ERR_TOO_LONG, "attest: collateral item %d: %zu bytes is above the limit of %u", item,
                        len, WETEE_ATTEST_MAX_COLLATERAL_ITEM);
    if (c->fetcher != NULL)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "attest: collateral item %d: a fetching collateral holds no items",
                        item);
    if (c->readonly)
        return wt_error(WETEE_ERR_STATE, "attest: collateral item %d: collateral from a fetcher is shared and read-only",
                        item);
    invalidate_cache(c);
    switch (item) {
    case WETEE_ATTEST_ITEM_ROOT_CA_CRL: {
        X509_CRL *crl;
        if ((rc = wt_load_crl(&crl, data, len, "root CA CRL")) == WETEE_OK) {
            X509_CRL_free(c->root_ca_crl);
            c->root_ca_crl = crl;
        }
        break;
    }
    case WETEE_ATTEST_ITEM_PCK_CRL: {
        X509_CRL *crl;
        if ((rc = wt_load_crl(&crl, data, len, "PCK CRL")) == WETEE_OK) {
            X509_CRL_free(c->pck_crl);
            c->pck_crl = crl;
        }
        break;
    }
    case WETEE_ATTEST_ITEM_SNP_CRL: {
        X509_CRL *crl;
        if ((rc = wt_load_crl(&crl, data, len, "SEV-SNP CRL")) == WETEE_OK) {
            X509_CRL_free(c->snp_crl);
            c->snp_crl = crl;
        }
        break;
    }
    case WETEE_ATTEST_ITEM_PCK_CRL_ISSUER_CHAIN:
    case WETEE_ATTEST_ITEM_TCB_INFO_ISSUER_CHAIN:
    case WETEE_ATTEST_ITEM_QE_IDENTITY_ISSUER_CHAIN:
    case WETEE_ATTEST_ITEM_PCK_CERT_CHAIN:
    case WETEE_ATTEST_ITEM_SNP_CERT_CHAIN: {
        STACK_OF(X509) *sk, **dst;
        const char *what = item == WETEE_ATTEST_ITEM_PCK_CRL_ISSUER_CHAIN     ? "PCK CRL issuer chain"
                           : item == WETEE_ATTEST_ITEM_TCB_INFO_ISSUER_CHAIN  ? "TCB Info issuer chain"
                           : item == WETEE_ATTEST_ITEM_QE_IDENTITY_ISSUER_CHAIN ? "QE Identity issuer chain"
                           : item == WETEE_ATTEST_ITEM_PCK_CERT_CHAIN         ? "PCK certificate chain"
                                                                              : "SEV-SNP certificate chain";
        dst = item == WETEE_ATTEST_ITEM_PCK_CRL_ISSUER_CHAIN       ? &c->pck_crl_chain
              : item == WETEE_ATTEST_ITEM_TCB_INFO_ISSUER_CHAIN    ? &c->tcb_info_chain
              : item == WETEE_ATTEST_ITEM_QE_IDENTITY_ISSUER_CHAIN ? &c->qe_identity_chain
              : item == WETEE_ATTEST_ITEM_PCK_CERT_CHAIN           ? &c->pck_cert_chain
                                                                   : &c->snp_chain;
        if ((rc = wt_load_chain(&sk, data, len, what)) == WETEE_OK) {
            sk_X509_pop_free(*dst, X509_free);
            *dst = sk;
        }
        break;
    }
    case WETEE_ATTEST_ITEM_SNP_VCEK: {
        X509 *x;
        if ((rc = wt_load_cert(&x, data, len, "SEV-SNP VCEK/VLEK")) == WETEE_OK) {
            X509_free(c->snp_vcek);
            c->snp_vcek = x;
        }
        break;
    }
    case WETEE_ATTEST_ITEM_TCB_INFO: {
        struct wt_tcb_info *ti = NULL;
        wt_signed_json sj = {0};
        if ((rc = set_signed_json_pcs(&sj, data, len, "tcbInfo", "TCB Info")) != WETEE_OK) break;
        if ((rc = wt_tcb_info_parse(&ti, sj.body, sj.body_len)) != WETEE_OK) {
            signed_json_clear(&sj);
            break;
        }
        signed_json_clear(&c->tcb_info_raw);
        c->tcb_info_raw = sj;
        wt_tcb_info_free(c->tcb_info);
        c->tcb_info = ti;
        break;
    }
    case WETEE_ATTEST_ITEM_QE_IDENTITY: {
        struct wt_qe_identity *qi = NULL;
        wt_signed_json sj = {0};
        if ((rc = set_signed_json_pcs(&sj, data, len, "enclaveIdentity", "QE Identity")) != WETEE_OK) break;
        if ((rc = wt_qe_identity_parse(&qi, sj.body, sj.body_len)) != WETEE_OK) {
            signed_json_clear(&sj);
            break;
        }
        signed_json_clear(&c->qe_identity_raw);
        c->qe_identity_raw = sj;
        wt_qe_identity_free(c->qe_identity);
        c->qe_identity = qi;
        break;
    }
    default:
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "attest: wetee_attest_collateral_set: unknown item %d", item);
    }
    return rc;
}

static int bundle_string(json_t *root, const char *key, const char **s, size_t *n, int required)
{
    json_t *v = json_object_get(root, key);
    if (v == NULL && !required) {
        *s = NULL;
        *n = 0;
        return WETEE_OK;
    }
    if (!json_is_string(v))
        return wt_error(WETEE_ERR_DECODE, "attest: collateral JSON: key \"%s\" %s", key,
                        v == NULL ? "is missing" : "is not a string");
    *s = json_string_value(v);
    *n = json_string_length(v);
    return WETEE_OK;
}

/* Fill `c` from a parsed bundle object (also used by evidence envelopes). */
int wt_attest_collateral_from_object(wetee_attest_collateral *c, void *obj)
{
    json_t *root = obj;
    static const struct { const char *key; int item; int required; } PLAIN[] = {
        {"pck_crl_issuer_chain", WETEE_ATTEST_ITEM_PCK_CRL_ISSUER_CHAIN, 1},
        {"root_ca_crl", WETEE_ATTEST_ITEM_ROOT_CA_CRL, 1},
        {"pck_crl", WETEE_ATTEST_ITEM_PCK_CRL, 1},
        {"tcb_info_issuer_chain", WETEE_ATTEST_ITEM_TCB_INFO_ISSUER_CHAIN, 1},
        {"qe_identity_issuer_chain", WETEE_ATTEST_ITEM_QE_IDENTITY_ISSUER_CHAIN, 1},
        {"pck_certificate_chain", WETEE_ATTEST_ITEM_PCK_CERT_CHAIN, 0},
        {"vcek", WETEE_ATTEST_ITEM_SNP_VCEK, 0},
        {"cert_chain", WETEE_ATTEST_ITEM_SNP_CERT_CHAIN, 0},
        {"crl", WETEE_ATTEST_ITEM_SNP_CRL, 0},
    };
    static const struct { const char *key, *sig; int item; const char *what; } SIGNED[] = {
        {"tcb_info", "tcb_info_signature", WETEE_ATTEST_ITEM_TCB_INFO, "TCB Info"},
        {"qe_identity", "qe_identity_signature", WETEE_ATTEST_ITEM_QE_IDENTITY, "QE Identity"},
    };
    size_t i;
    int rc, dcap = json_object_get(root, "tcb_info") != NULL || json_object_get(root, "pck_crl") != NULL;
    if (!json_is_object(root)) return wt_error(WETEE_ERR_DECODE, "attest: collateral JSON: not an object");
    for (i = 0; i < sizeof PLAIN / sizeof PLAIN[0]; i++) {
        const char *s = NULL;
        size_t n = 0;
        if ((rc = bundle_string(root, PLAIN[i].key, &s, &n, PLAIN[i].required && dcap)) != WETEE_OK) return rc;
        if (s == NULL) continue;
        if (PLAIN[i].item == WETEE_ATTEST_ITEM_SNP_VCEK && n > 0 && s[0] != '-') {
            wetee_buf der = WETEE_BUF_INIT;
            if ((rc = wetee_hex_decode(&der, s, n)) != WETEE_OK)
                return wt_error(WETEE_ERR_DECODE, "attest: collateral JSON: key \"vcek\": neither PEM nor hex");
            rc = wetee_attest_collateral_set(c, PLAIN[i].item, der.data, der.len);
            wetee_buf_free(&der);
        } else {
            rc = wetee_attest_collateral_set(c, PLAIN[i].item, (const uint8_t *)s, n);
        }
        if (rc != WETEE_OK) return rc;
    }
    for (i = 0; dcap && i < sizeof SIGNED / sizeof SIGNED[0]; i++) {
        const char *body = NULL, *sig = NULL;
        size_t bn = 0, sn = 0;
        wt_signed_json sj = {0};
        if ((rc = bundle_string(root, SIGNED[i].key, &body, &bn, 1)) != WETEE_OK) return rc;
        if ((rc = bundle_string(root, SIGNED[i].sig, &sig, &sn, 1)) != WETEE_OK) return rc;
        if ((rc = set_signed_json_parts(&sj, body, bn, sig, sn, SIGNED[i].what)) != WETEE_OK) return rc;
        if (SIGNED[i].item == WETEE_ATTEST_ITEM_TCB_INFO) {
            struct wt_tcb_info *ti = NULL;
            if ((rc = wt_tcb_info_parse(&ti, sj.body, sj.body_len)) != WETEE_OK) {
                signed_json_clear(&sj);
                return rc;
            }
            signed_json_clear(&c->tcb_info_raw);
            c->tcb_info_raw = sj;
            wt_tcb_info_free(c->tcb_info);
            c->tcb_info = ti;
        } else {
            struct wt_qe_identity *qi = NULL;
            if ((rc = wt_qe_identity_parse(&qi, sj.body, sj.body_len)) != WETEE_OK) {
                signed_json_clear(&sj);
                return rc;
            }
            signed_json_clear(&c->qe_identity_raw);
            c->qe_identity_raw = sj;
            wt_qe_identity_free(c->qe_identity);
            c->qe_identity = qi;
        }
    }
    invalidate_cache(c);
    return WETEE_OK;
}

WETEE_API int wetee_attest_collateral_from_json(wetee_attest_collateral **out, const char *json, size_t len)
{
    wetee_attest_collateral *c;
    json_error_t err;
    json_t *root;
    int rc;
    WT_ARG(out != NULL, "attest", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(json, len, "attest");
    if (len > WETEE_ATTEST_MAX_COLLATERAL_ITEM)
        return wt_error(WETEE_ERR_TOO_LONG, "attest: collateral JSON: %zu bytes is above the limit of %u", len,
                        WETEE_ATTEST_MAX_COLLATERAL_ITEM);
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL)
        return wt_error(WETEE_ERR_DECODE, "attest: collateral JSON: line %d column %d: %s", err.line, err.column,
                        err.text);
    if ((rc = wetee_attest_collateral_new(&c)) != WETEE_OK) {
        json_decref(root);
        return rc;
    }
    rc = wt_attest_collateral_from_object(c, root);
    json_decref(root);
    if (rc != WETEE_OK) {
        wetee_attest_collateral_free(c);
        return rc;
    }
    *out = c;
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* Results                                                             */
/* ------------------------------------------------------------------ */

wetee_attest_result *wt_attest_result_new(void)
{
    wetee_attest_result *r = wt_calloc(1, sizeof *r);
    if (r == NULL) return NULL;
    r->verdict = WETEE_ATTEST_REJECT;
    r->tcb_status = WETEE_ATTEST_TCB_UNKNOWN;
    r->status_code = 0xA006;
    r->snp_product = WT_SNP_UNKNOWN;
    return r;
}

int wt_attest_fail(wetee_attest_result *r, int code, int check, uint32_t status_code, const char *fmt, ...)
{
    char msg[sizeof r->reason - 32];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (r != NULL && r->failed_check == WETEE_ATTEST_CHECK_NONE) {
        r->verdict = WETEE_ATTEST_REJECT;
        r->failed_check = check;
        if (status_code != 0) r->status_code = status_code;
        snprintf(r->reason, sizeof r->reason, "%s: %s", wetee_attest_check_name(check), msg);
    }
    return wt_error(code, "attest: %s: %s", wetee_attest_check_name(check), msg);
}

void wt_attest_add_advisory(wetee_attest_result *r, const char *id, size_t len)
{
    unsigned i;
    if (len == 0 || len >= WT_ATTEST_ADVISORY_LEN) return;
    for (i = 0; i < r->n_advisories; i++)
        if (strlen(r->advisories[i]) == len && strncasecmp(r->advisories[i], id, len) == 0) return;
    if (r->n_advisories == WT_ATTEST_MAX_ADVISORIES) return;
    memcpy(r->advisories[r->n_advisories], id, len);
    r->advisories[r->n_advisories][len] = 0;
    r->n_advisories++;
}

typedef struct field_loc {
    int field;
    unsigned short off, len;
    unsigned char is_int;
    const char *name;
} field_loc;

static const field_loc SGX_FIELDS[] = {
    {WETEE_ATTEST_FIELD_REPORT_DATA, 320, 64, 0, "report_data"},
    {WETEE_ATTEST_FIELD_MRENCLAVE, 64, 32, 0, "mrenclave"},
    {WETEE_ATTEST_FIELD_MRSIGNER, 128, 32, 0, "mrsigner"},
    {WETEE_ATTEST_FIELD_ISVPRODID, 256, 2, 1, "isvprodid"},
    {WETEE_ATTEST_FIELD_ISVSVN, 258, 2, 1, "isvsvn"},
    {WETEE_ATTEST_FIELD_SGX_ATTRIBUTES, 48, 16, 0, "attributes"},
    {WETEE_ATTEST_FIELD_SGX_CONFIGID, 192, 64, 0, "configid"},
    {WETEE_ATTEST_FIELD_CPUSVN, 0, 16, 0, "cpusvn"},
};
static const field_loc TD_FIELDS[] = {
    {WETEE_ATTEST_FIELD_REPORT_DATA, 520, 64, 0, "report_data"},
    {WETEE_ATTEST_FIELD_TEE_TCB_SVN, 0, 16, 0, "tee_tcb_svn"},
    {WETEE_ATTEST_FIELD_MRSEAM, 16, 48, 0, "mrseam"},
    {WETEE_ATTEST_FIELD_MRSIGNERSEAM, 64, 48, 0, "mrsignerseam"},
    {WETEE_ATTEST_FIELD_TD_ATTRIBUTES, 120, 8, 0, "td_attributes"},
    {WETEE_ATTEST_FIELD_XFAM, 128, 8, 0, "xfam"},
    {WETEE_ATTEST_FIELD_MRTD, 136, 48, 0, "mrtd"},
    {WETEE_ATTEST_FIELD_MRCONFIGID, 184, 48, 0, "mrconfigid"},
    {WETEE_ATTEST_FIELD_MROWNER, 232, 48, 0, "mrowner"},
    {WETEE_ATTEST_FIELD_MROWNERCONFIG, 280, 48, 0, "mrownerconfig"},
    {WETEE_ATTEST_FIELD_RTMR0, 328, 48, 0, "rtmr0"},
    {WETEE_ATTEST_FIELD_RTMR1, 376, 48, 0, "rtmr1"},
    {WETEE_ATTEST_FIELD_RTMR2, 424, 48, 0, "rtmr2"},
    {WETEE_ATTEST_FIELD_RTMR3, 472, 48, 0, "rtmr3"},
    {WETEE_ATTEST_FIELD_TEE_TCB_SVN2, 584, 16, 0, "tee_tcb_svn2"},
    {WETEE_ATTEST_FIELD_MRSERVICETD, 600, 48, 0, "mrservicetd"},
    /* body type 4 (TDX 1.5ex, sgx_report2_body_v1_5_ex_t in Intel's sgx_quote_5.h) */
    {WETEE_ATTEST_FIELD_TD_VMID, 648, 1, 1, "vmid"},
    {WETEE_ATTEST_FIELD_TD_ID, 649, 32, 0, "td_id"},
    {WETEE_ATTEST_FIELD_TD_DEVINFO, 681, 48, 0, "devinfo"},
    {WETEE_ATTEST_FIELD_TD_INIT_SERVTD_HASH, 729, 48, 0, "init_servtd_hash"},
    {WETEE_ATTEST_FIELD_TD_INIT_SERVTD_ATTR, 777, 8, 0, "init_servtd_attr"},
    {WETEE_ATTEST_FIELD_TD_INIT_CPUSVN, 785, 16, 0, "init_cpusvn"},
    {WETEE_ATTEST_FIELD_TD_INIT_TEE_TCB_SVN, 801, 16, 0, "init_tee_tcb_svn"},
    {WETEE_ATTEST_FIELD_TD_INIT_TEE_FMSPC, 817, 12, 0, "init_tee_fmspc"},
    {WETEE_ATTEST_FIELD_TD_CUR_SERVTD_HASH, 829, 48, 0, "cur_servtd_hash"},
    {WETEE_ATTEST_FIELD_TD_CUR_SERVTD_ATTR, 877, 8, 0, "cur_servtd_attr"},
};
static const field_loc SNP_FIELDS[] = {
    {WETEE_ATTEST_FIELD_REPORT_DATA, 0x50, 64, 0, "report_data"},
    {WETEE_ATTEST_FIELD_SNP_MEASUREMENT, 0x90, 48, 0, "measurement"},
    {WETEE_ATTEST_FIELD_SNP_HOST_DATA, 0xC0, 32, 0, "host_data"},
    {WETEE_ATTEST_FIELD_SNP_ID_KEY_DIGEST, 0xE0, 48, 0, "id_key_digest"},
    {WETEE_ATTEST_FIELD_SNP_AUTHOR_KEY_DIGEST, 0x110, 48, 0, "author_key_digest"},
    {WETEE_ATTEST_FIELD_SNP_FAMILY_ID, 0x10, 16, 0, "family_id"},
    {WETEE_ATTEST_FIELD_SNP_IMAGE_ID, 0x20, 16, 0, "image_id"},
    {WETEE_ATTEST_FIELD_SNP_CHIP_ID, 0x1A0, 64, 0, "chip_id"},
    {WETEE_ATTEST_FIELD_SNP_REPORT_ID, 0x140, 32, 0, "report_id"},
    {WETEE_ATTEST_FIELD_SNP_GUEST_SVN, 0x04, 4, 1, "guest_svn"},
    {WETEE_ATTEST_FIELD_SNP_POLICY, 0x08, 8, 1, "policy"},
    {WETEE_ATTEST_FIELD_SNP_VMPL, 0x30, 4, 1, "vmpl"},
    {WETEE_ATTEST_FIELD_SNP_REPORTED_TCB, 0x180, 8, 1, "reported_tcb"},
    {WETEE_ATTEST_FIELD_SNP_PLATFORM_INFO, 0x40, 8, 1, "platform_info"},
};

static const field_loc *table_for(int tee, size_t *n)
{
    switch (tee) {
    case WETEE_ATTEST_TEE_SGX: *n = sizeof SGX_FIELDS / sizeof SGX_FIELDS[0]; return SGX_FIELDS;
    case WETEE_ATTEST_TEE_TDX: *n = sizeof TD_FIELDS / sizeof TD_FIELDS[0]; return TD_FIELDS;
    case WETEE_ATTEST_TEE_SEV_SNP: *n = sizeof SNP_FIELDS / sizeof SNP_FIELDS[0]; return SNP_FIELDS;
    default: *n = 0; return NULL;
    }
}

static const field_loc *find_loc(int tee, int field)
{
    size_t n, i;
    const field_loc *t = table_for(tee, &n);
    for (i = 0; i < n; i++)
        if (t[i].field == field) return &t[i];
    return NULL;
}

int wt_attest_field_loc(const wetee_attest_result *r, int field, size_t *off, size_t *len)
{
    const field_loc *l = find_loc(r->tee, field);
    if (l == NULL || (size_t)l->off + l->len > r->report_len) return -1;
    *off = l->off;
    *len = l->len;
    return 0;
}

size_t wt_attest_field_size(int field, int *is_int)
{
    int tees[3] = {WETEE_ATTEST_TEE_SGX, WETEE_ATTEST_TEE_TDX, WETEE_ATTEST_TEE_SEV_SNP}, i;
    for (i = 0; i < 3; i++) {
        const field_loc *l = find_loc(tees[i], field);
        if (l != NULL) {
            if (is_int) *is_int = l->is_int;
            return l->len;
        }
    }
    if (is_int) *is_int = 0;
    return 0;
}

const char *wt_attest_field_name(int field)
{
    int tees[3] = {WETEE_ATTEST_TEE_SGX, WETEE_ATTEST_TEE_TDX, WETEE_ATTEST_TEE_SEV_SNP}, i;
    for (i = 0; i < 3; i++) {
        const field_loc *l = find_loc(tees[i], field);
        if (l != NULL) return l->name;
    }
    return NULL;
}

int wt_attest_field_by_name(const char *name, int tee_hint)
{
    int tees[3] = {WETEE_ATTEST_TEE_SGX, WETEE_ATTEST_TEE_TDX, WETEE_ATTEST_TEE_SEV_SNP}, i;
    size_t n, j;
    for (i = 0; i < 3; i++) {
        const field_loc *t;
        if (tee_hint && tees[i] != tee_hint) continue;
        t = table_for(tees[i], &n);
        for (j = 0; j < n; j++)
            if (strcmp(t[j].name, name) == 0) return t[j].field;
    }
    return -1;
}

WETEE_API void wetee_attest_result_free(wetee_attest_result *r) { wt_free(r); }

WETEE_API int wetee_attest_result_verdict(const wetee_attest_result *r)
{
    return r == NULL ? WETEE_ATTEST_REJECT : r->verdict;
}
WETEE_API int wetee_attest_result_tee(const wetee_attest_result *r)
{
    return r == NULL ? WETEE_ATTEST_TEE_UNKNOWN : r->tee;
}
WETEE_API uint32_t wetee_attest_result_status_code(const wetee_attest_result *r)
{
    return r == NULL ? 0xA006u : r->status_code;
}
WETEE_API int wetee_attest_result_tcb_status(const wetee_attest_result *r)
{
    return r == NULL ? WETEE_ATTEST_TCB_UNKNOWN : r->tcb_status;
}
WETEE_API int wetee_attest_result_failed_check(const wetee_attest_result *r)
{
    return r == NULL ? WETEE_ATTEST_CHECK_PARSE : r->failed_check;
}
WETEE_API const char *wetee_attest_result_reason(const wetee_attest_result *r)
{
    return r == NULL ? "no result" : r->reason;
}
WETEE_API size_t wetee_attest_result_advisory_count(const wetee_attest_result *r)
{
    return r == NULL ? 0 : r->n_advisories;
}
WETEE_API const char *wetee_attest_result_advisory(const wetee_attest_result *r, size_t index)
{
    if (r == NULL || index >= r->n_advisories) return NULL;
    return r->advisories[index];
}

WETEE_API int wetee_attest_result_field(const wetee_attest_result *r, int field, const uint8_t **data, size_t *len)
{
    size_t off, l;
    WT_ARG(r != NULL && data != NULL && len != NULL, "attest", "NULL argument");
    if (wt_attest_field_loc(r, field, &off, &l) != 0)
        return wt_error(WETEE_ERR_NOT_FOUND, "attest: field %d does not exist in this %s report", field,
                        r->tee == WETEE_ATTEST_TEE_SGX ? "SGX" : r->tee == WETEE_ATTEST_TEE_TDX ? "TDX"
                        : r->tee == WETEE_ATTEST_TEE_SEV_SNP ? "SEV-SNP" : "unparsed");
    *data = r->report + off;
    *len = l;
    return WETEE_OK;
}

WETEE_API int wetee_attest_result_u64(const wetee_attest_result *r, int field, uint64_t *value)
{
    size_t off, l, i;
    uint64_t v = 0;
    WT_ARG(r != NULL && value != NULL, "attest", "NULL argument");
    if (wt_attest_field_loc(r, field, &off, &l) != 0)
        return wt_error(WETEE_ERR_NOT_FOUND, "attest: field %d does not exist in this report", field);
    if (l > 8) return wt_error(WETEE_ERR_INVALID_ARGUMENT, "attest: field %d is %zu bytes, not an integer", field, l);
    for (i = l; i-- > 0;) v = (v << 8) | r->report[off + i];
    *value = v;
    return WETEE_OK;
}

WETEE_API int wetee_attest_result_tcb_date(const wetee_attest_result *r, uint64_t *time)
{
    WT_ARG(r != NULL && time != NULL, "attest", "NULL argument");
    if (!r->has_tcb_date) return wt_error(WETEE_ERR_NOT_FOUND, "attest: no TCB level matched");
    *time = r->tcb_date;
    return WETEE_OK;
}

WETEE_API int wetee_attest_result_expiry(const wetee_attest_result *r, int *expired, uint64_t *earliest)
{
    WT_ARG(r != NULL, "attest", "result is NULL");
    if (expired) *expired = r->expired;
    if (earliest) *earliest = r->earliest_expiry;
    return WETEE_OK;
}

WETEE_API int wetee_attest_result_bound_key(const wetee_attest_result *r, const uint8_t **key, size_t *len)
{
    WT_ARG(r != NULL && key != NULL && len != NULL, "attest", "NULL argument");
    if (r->bound_key_len == 0) return wt_error(WETEE_ERR_NOT_FOUND, "attest: no key bound by REPORTDATA");
    *key = r->bound_key;
    *len = r->bound_key_len;
    return WETEE_OK;
}

static json_t *hex_json(const uint8_t *p, size_t n)
{
    static const char D[] = "0123456789abcdef";
    char buf[2 * 1184 + 1];
    size_t i;
    for (i = 0; i < n && i < 1184; i++) {
        buf[2 * i] = D[p[i] >> 4];
        buf[2 * i + 1] = D[p[i] & 15];
    }
    buf[2 * i] = 0;
    return json_string(buf);
}

static int dump_cb(const char *buf, size_t size, void *data)
{
    return wetee_buf_append(data, (const uint8_t *)buf, size) == WETEE_OK ? 0 : -1;
}

WETEE_API int wetee_attest_result_to_json(wetee_buf *out, const wetee_attest_result *r)
{
    json_t *o, *adv;
    char code[8];
    size_t n, i;
    const field_loc *t;
    int rc;
    WT_ARG(out != NULL && r != NULL, "attest", "NULL argument");
    o = json_object();
    adv = json_array();
    if (o == NULL || adv == NULL) {
        json_decref(o);
        json_decref(adv);
        return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    }
    snprintf(code, sizeof code, "0x%04X", (unsigned)r->status_code);
    json_object_set_new(o, "verdict", json_string(r->verdict == WETEE_ATTEST_ACCEPT ? "accept" : "reject"));
    json_object_set_new(o, "tee", json_string(r->tee == WETEE_ATTEST_TEE_SGX   ? "sgx"
                                              : r->tee == WETEE_ATTEST_TEE_TDX ? "tdx"
                                              : r->tee == WETEE_ATTEST_TEE_SEV_SNP ? "sev-snp"
                                                                                   : "unknown"));
    json_object_set_new(o, "status_code", json_string(code));
    json_object_set_new(o, "tcb_status", json_string(wetee_attest_tcb_status_name(r->tcb_status)));
    json_object_set_new(o, "failed_check", json_string(wetee_attest_check_name(r->failed_check)));
    json_object_set_new(o, "reason", json_string(r->reason));
    for (i = 0; i < r->n_advisories; i++) json_array_append_new(adv, json_string(r->advisories[i]));
    json_object_set_new(o, "advisory_ids", adv);
    json_object_set_new(o, "tcb_date", r->has_tcb_date ? json_integer((json_int_t)r->tcb_date) : json_null());
    json_object_set_new(o, "collateral_expired", json_boolean(r->expired));
    json_object_set_new(o, "collateral_earliest_expiry",
                        r->earliest_expiry ? json_integer((json_int_t)r->earliest_expiry) : json_null());
    json_object_set_new(o, "bound_key", r->bound_key_len ? hex_json(r->bound_key, r->bound_key_len) : json_null());
    t = table_for(r->tee, &n);
    for (i = 0; i < n; i++) {
        if ((size_t)t[i].off + t[i].len > r->report_len) continue;
        if (t[i].is_int) {
            uint64_t v = 0;
            size_t k;
            for (k = t[i].len; k-- > 0;) v = (v << 8) | r->report[t[i].off + k];
            json_object_set_new(o, t[i].name, json_integer((json_int_t)v));
        } else {
            json_object_set_new(o, t[i].name, hex_json(r->report + t[i].off, t[i].len));
        }
    }
    wetee_buf_clear(out);
    rc = json_dump_callback(o, dump_cb, out, JSON_COMPACT | JSON_PRESERVE_ORDER) == 0 ? WETEE_OK : WETEE_ERR_NO_MEMORY;
    json_decref(o);
    if (rc == WETEE_OK) rc = wt_buf_terminate(out);
    if (rc != WETEE_OK) return wt_error(rc, "attest: result JSON: out of memory");
    return rc;
}
