/* DCAP quote verification as Intel's QVL does it (attestation.md §3):
 * collateral chains and CRLs to the pinned root, TCB Info and QE Identity
 * signatures over their raw bytes, PCK chain from the quote, QE report
 * signature and attestation-key binding, QE identity, quote signature, TCB
 * level matching, TDX module identity, Intel's status convergence and TD
 * relaunch rule. */
#include <string.h>
#include <strings.h>

#include <pthread.h>

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "internal/attest_dcap.h"

/* Intel quote3_error_t codes (sgx_ql_lib_common.h) used as status codes,
 * chosen as QvE chooses them: QVL's Status mapped by qve.cpp's
 * status_error_to_quote3_error() (DCAP a46ee8a). Where QvE has no code for
 * a QVL status (CRL of an unknown issuer) it answers 0xE001 UNEXPECTED. */
enum {
    QE_UNEXPECTED = 0xE001,
    QE_INVALID_PARAMETER = 0xE002,
    QE_QE_REPORT_INVALID_SIGNATURE = 0xE01F,
    QE_PCK_CERT_UNSUPPORTED_FORMAT = 0xE021,
    QE_PCK_CERT_CHAIN_ERROR = 0xE022,
    QE_TCBINFO_UNSUPPORTED_FORMAT = 0xE023,
    QE_TCBINFO_MISMATCH = 0xE024,
    QE_QEIDENTITY_UNSUPPORTED_FORMAT = 0xE025,
    QE_QEIDENTITY_MISMATCH = 0xE026,
    QE_CRL_UNSUPPORTED_FORMAT = 0xE038,
    QE_QEIDENTITY_CHAIN_ERROR = 0xE039,
    QE_TCBINFO_CHAIN_ERROR = 0xE03A,
    QE_PCK_REVOKED = 0xE031,
    QE_TCB_REVOKED = 0xE032,
    QE_TDX_MODULE_MISMATCH = 0xE060,
    QE_TCB_NOT_SUPPORTED = 0xE066,
    QE_INVALID_SIGNATURE = 0xE068
};

/* ------------------------------------------------------------------ */
/* P-256                                                               */
/* ------------------------------------------------------------------ */

/* SHA-256 fetched once (an implicit fetch per call costs more than the
 * hashing of a quote). */
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;
static EVP_MD *sha256_md;
static void fetch_sha256(void) { sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL); }
static const EVP_MD *sha256(void)
{
    pthread_once(&sha256_once, fetch_sha256);
    return sha256_md ? sha256_md : EVP_sha256();
}

EVP_PKEY *wt_p256_key_from_raw(const uint8_t xy[64])
{
    uint8_t pt[65];
    char group[] = "prime256v1";
    OSSL_PARAM params[3];
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
    EVP_PKEY *k = NULL;
    pt[0] = 4;
    memcpy(pt + 1, xy, 64);
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0);
    params[1] = OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, pt, sizeof pt);
    params[2] = OSSL_PARAM_construct_end();
    if (ctx == NULL || EVP_PKEY_fromdata_init(ctx) != 1 || EVP_PKEY_fromdata(ctx, &k, EVP_PKEY_PUBLIC_KEY, params) != 1)
        k = NULL;
    EVP_PKEY_CTX_free(ctx);
    return k;
}

int wt_p256_verify(EVP_PKEY *key, const uint8_t *msg, size_t len, const uint8_t sig[64])
{
    ECDSA_SIG *s = ECDSA_SIG_new();
    BIGNUM *br = BN_bin2bn(sig, 32, NULL), *bs = BN_bin2bn(sig + 32, 32, NULL);
    uint8_t der[80], *p = der, h[32];
    EVP_PKEY_CTX *ctx = NULL;
    unsigned hl = 0;
    int n, ok = 0;
    if (s == NULL || br == NULL || bs == NULL || !ECDSA_SIG_set0(s, br, bs)) {
        BN_free(br);
        BN_free(bs);
        ECDSA_SIG_free(s);
        return 0;
    }
    n = i2d_ECDSA_SIG(s, &p);
    ECDSA_SIG_free(s);
    if (n <= 0 || n > (int)sizeof der) return 0;
    if (EVP_Digest(msg, len, h, &hl, sha256(), NULL) != 1 || hl != 32) return 0;
    if ((ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL)) == NULL) return 0;
    if (EVP_PKEY_verify_init(ctx) == 1 && EVP_PKEY_verify(ctx, der, (size_t)n, h, 32) == 1) ok = 1;
    EVP_PKEY_CTX_free(ctx);
    return ok;
}

/* ------------------------------------------------------------------ */
/* Windows                                                             */
/* ------------------------------------------------------------------ */

typedef struct window {
    uint64_t from, until; /* intersection; until = earliest expiry */
} window;

static void win_init(window *w) { w->from = 0; w->until = UINT64_MAX; }
static void win_add(window *w, uint64_t from, uint64_t until)
{
    if (from > w->from) w->from = from;
    if (until < w->until) w->until = until;
}
static int win_cert(window *w, const X509 *x)
{
    uint64_t a, b;
    if (wt_asn1_time_unix(X509_get0_notBefore(x), &a) != 0 || wt_asn1_time_unix(X509_get0_notAfter(x), &b) != 0)
        return -1;
    win_add(w, a, b);
    return 0;
}
static int win_crl(window *w, const X509_CRL *c)
{
    uint64_t a, b;
    if (wt_asn1_time_unix(X509_CRL_get0_lastUpdate(c), &a) != 0 || X509_CRL_get0_nextUpdate(c) == NULL ||
        wt_asn1_time_unix(X509_CRL_get0_nextUpdate(c), &b) != 0)
        return -1;
    win_add(w, a, b);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Chains and CRLs                                                     */
/* ------------------------------------------------------------------ */

static int cn_contains(const X509_NAME *n, const char *sub)
{
    char cn[256];
    if (X509_NAME_get_text_by_NID((X509_NAME *)n, NID_commonName, cn, sizeof cn) <= 0) return 0;
    return strstr(cn, sub) != NULL;
}

/* Order `sk` leaf first up to the self-issued root, verify every link and
 * the root pin; `path` receives the ordered certificates (borrowed). */
static int verify_chain(wetee_attest_result *r, STACK_OF(X509) *sk, int want, const wetee_attest_anchors *a,
                        X509 **path, window *w, uint32_t code, const char *what)
{
    int n = sk_X509_num(sk), i, j, k;
    X509 *leaf = NULL;
    uint8_t pub[65];
    if (n != want)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CERT_CHAIN, code,
                              "%s: %d certificates, expected %d", what, n, want);
    for (i = 0; i < n && leaf == NULL; i++) {
        X509 *c = sk_X509_value(sk, i);
        int issues_other = 0;
        for (j = 0; j < n; j++)
            if (j != i && X509_NAME_cmp(X509_get_subject_name(c), X509_get_issuer_name(sk_X509_value(sk, j))) == 0)
                issues_other = 1;
        if (!issues_other) leaf = c;
    }
    if (leaf == NULL)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CERT_CHAIN, code, "%s: no leaf certificate", what);
    path[0] = leaf;
    for (k = 1; k < n; k++) {
        X509 *prev = path[k - 1], *next = NULL;
        for (j = 0; j < n; j++) {
            X509 *c = sk_X509_value(sk, j);
            if (c != prev && X509_NAME_cmp(X509_get_subject_name(c), X509_get_issuer_name(prev)) == 0) next = c;
        }
        if (next == NULL)
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CERT_CHAIN, code,
                                  "%s: the issuer of certificate %d is not in the chain", what, k - 1);
        path[k] = next;
    }
    if (X509_NAME_cmp(X509_get_subject_name(path[n - 1]), X509_get_issuer_name(path[n - 1])) != 0)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CERT_CHAIN, code,
                              "%s: the last certificate is not self-issued", what);
    if (wt_p256_pub_bytes(X509_get0_pubkey(path[n - 1]), pub) != 0 || memcmp(pub, a->intel_root_pub, 65) != 0)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_ROOT_UNTRUSTED, code,
                              "%s: the root certificate's key is not the pinned Intel root key", what);
    for (k = 0; k < n; k++) {
        X509 *issuer = path[k + 1 < n ? k + 1 : k];
        if (k + 1 < n || k == n - 1) {
            if (X509_verify(path[k], X509_get0_pubkey(issuer)) != 1)
                return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CERT_CHAIN, code,
                                      "%s: signature of certificate %d (%s) does not verify", what, k,
                                      k == n - 1 ? "root" : k == 0 ? "leaf" : "intermediate");
        }
        if (k > 0 && X509_check_ca(path[k]) < 1)
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CERT_CHAIN, code,
                                  "%s: issuer certificate %d is not a CA", what, k);
        if (win_cert(w, path[k]) != 0)
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CERT_CHAIN, code,
                                  "%s: certificate %d has unreadable validity dates", what, k);
    }
    return WETEE_OK;
}

/* CRL signed by `issuer`, names matching, window added. */
static int verify_crl(wetee_attest_result *r, X509_CRL *crl, X509 *issuer, window *w, const char *what)
{
    if (crl == NULL)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_COLLATERAL, QE_INVALID_PARAMETER,
                              "%s is missing", what);
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_subject_name(issuer)) != 0)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CRL, QE_UNEXPECTED,
                              "%s: issuer is not the expected CA", what);
    if (X509_CRL_verify(crl, X509_get0_pubkey(issuer)) != 1)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CRL, QE_INVALID_SIGNATURE,
                              "%s: signature does not verify", what);
    if (win_crl(w, crl) != 0)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CRL, QE_CRL_UNSUPPORTED_FORMAT,
                              "%s: unreadable thisUpdate/nextUpdate", what);
    return WETEE_OK;
}

static int revoked(X509_CRL *crl, X509 *x)
{
    X509_REVOKED *rev = NULL;
    return X509_CRL_get0_by_serial(crl, &rev, (ASN1_INTEGER *)X509_get0_serialNumber(x)) == 1;
}

/* ------------------------------------------------------------------ */
/* Collateral checks (cached per root key)                             */
/* ------------------------------------------------------------------ */

static int check_signed_json(wetee_attest_result *r, const wt_signed_json *sj, X509 *signer, int check,
                             uint32_t code, const char *what)
{
    if (!cn_contains(X509_get_subject_name(signer), "TCB Signing"))
        return wt_attest_fail(r, WETEE_ERR_VERIFY, check, code, "%s: issuer chain leaf is not an Intel SGX TCB "
                              "Signing certificate", what);
    if (!wt_p256_verify(X509_get0_pubkey(signer), (const uint8_t *)sj->body, sj->body_len, sj->sig))
        return wt_attest_fail(r, WETEE_ERR_VERIFY, check, code, "%s: signature over the raw JSON does not verify",
                              what);
    return WETEE_OK;
}

static int collateral_check_uncached(wetee_attest_result *r, wetee_attest_collateral *c,
                                     const wetee_attest_anchors *a, window *w)
{
    X509 *tcb_path[2], *qe_path[2], *crl_path[2];
    int rc;
    if (c->tcb_info == NULL || c->tcb_info_chain == NULL)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_COLLATERAL, QE_INVALID_PARAMETER,
                              "TCB Info or its issuer chain is missing");
    if (c->qe_identity == NULL || c->qe_identity_chain == NULL)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_COLLATERAL, QE_INVALID_PARAMETER,
                              "QE Identity or its issuer chain is missing");
    if (c->root_ca_crl == NULL || c->pck_crl == NULL)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_COLLATERAL, QE_INVALID_PARAMETER,
                              "root CA CRL or PCK CRL is missing");
    if ((rc = verify_chain(r, c->tcb_info_chain, 2, a, tcb_path, w, QE_TCBINFO_CHAIN_ERROR, "TCB Info issuer chain")))
        return rc;
    if ((rc = verify_chain(r, c->qe_identity_chain, 2, a, qe_path, w, QE_QEIDENTITY_CHAIN_ERROR,
                           "QE Identity issuer chain")))
        return rc;
    if ((rc = check_signed_json(r, &c->tcb_info_raw, tcb_path[0], WETEE_ATTEST_CHECK_TCB_INFO, QE_TCBINFO_CHAIN_ERROR,
                                "TCB Info")))
        return rc;
    if ((rc = check_signed_json(r, &c->qe_identity_raw, qe_path[0], WETEE_ATTEST_CHECK_QE_IDENTITY,
                                QE_QEIDENTITY_CHAIN_ERROR, "QE Identity")))
        return rc;
    win_add(w, c->tcb_info->issue_date, c->tcb_info->next_update);
    win_add(w, c->qe_identity->issue_date, c->qe_identity->next_update);
    /* root CA CRL, signed by the root */
    if ((rc = verify_crl(r, c->root_ca_crl, tcb_path[1], w, "root CA CRL"))) return rc;
    if (revoked(c->root_ca_crl, tcb_path[0]) || revoked(c->root_ca_crl, qe_path[0]))
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_REVOKED_CERT, QE_PCK_REVOKED,
                              "the TCB Signing certificate is listed in the root CA CRL");
    /* PCK CRL: its issuer chain when given, else checked against the
     * quote's PCK CA per quote. */
    if (c->pck_crl_chain != NULL) {
        if ((rc = verify_chain(r, c->pck_crl_chain, 2, a, crl_path, w, QE_PCK_CERT_CHAIN_ERROR,
                               "PCK CRL issuer chain")))
            return rc;
        if (revoked(c->root_ca_crl, crl_path[0]))
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_REVOKED_CERT, QE_PCK_REVOKED,
                                  "the PCK CA certificate is listed in the root CA CRL");
        if (!cn_contains(X509_CRL_get_issuer(c->pck_crl), "CA"))
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CRL, QE_UNEXPECTED,
                                  "PCK CRL: issuer CN does not name a CA");
        if ((rc = verify_crl(r, c->pck_crl, crl_path[0], w, "PCK CRL"))) return rc;
    } else if (win_crl(w, c->pck_crl) != 0) {
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CRL, QE_CRL_UNSUPPORTED_FORMAT,
                              "PCK CRL: unreadable thisUpdate/nextUpdate");
    }
    return WETEE_OK;
}

/* Signature checks once per collateral object and root key. */
static int collateral_check(wetee_attest_result *r, wetee_attest_collateral *c, const wetee_attest_anchors *a,
                            window *w)
{
    int rc;
    pthread_mutex_lock(&c->lock);
    if (!(c->cache_valid && memcmp(c->cache_root, a->intel_root_pub, 65) == 0)) {
        wetee_attest_result tmp;
        window cw;
        memset(&tmp, 0, sizeof tmp);
        win_init(&cw);
        rc = collateral_check_uncached(&tmp, c, a, &cw);
        c->cache_ok = rc == WETEE_OK;
        c->cache_check = tmp.failed_check;
        c->cache_code = tmp.status_code;
        memcpy(c->cache_reason, tmp.reason, sizeof c->cache_reason);
        c->cache_reason[sizeof c->cache_reason - 1] = 0;
        c->valid_from = cw.from;
        c->valid_until = cw.until;
        memcpy(c->cache_root, a->intel_root_pub, 65);
        c->cache_valid = 1;
    }
    if (!c->cache_ok) {
        int check = c->cache_check;
        uint32_t code = c->cache_code;
        char reason[sizeof c->cache_reason];
        memcpy(reason, c->cache_reason, sizeof reason);
        pthread_mutex_unlock(&c->lock);
        /* reason is "<check>: <text>"; keep the text */
        {
            const char *t = strchr(reason, ':');
            return wt_attest_fail(r, WETEE_ERR_VERIFY, check, code, "%s", t ? t + 2 : reason);
        }
    }
    win_add(w, c->valid_from, c->valid_until);
    pthread_mutex_unlock(&c->lock);
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* PCK chain from the quote (cached per chain bytes)                   */
/* ------------------------------------------------------------------ */

struct wt_pck_entry {
    uint8_t hash[32];
    EVP_PKEY *pub;
    uint64_t comps[16];
    uint64_t pcesvn;
    uint8_t cpusvn[16];
    uint8_t fmspc[6];
    uint8_t pceid[2];
    window w;
    int ok;
    int check;
    uint32_t code;
    char reason[256];
    /* the last QE report / attestation key seen with this chain and found
     * valid: SHA-256 of qe_report || qe_sig || att_key || auth, and the key */
    int qe_valid;
    uint8_t qe_hash[32];
    EVP_PKEY *att;
    /* references, under the collateral's lock: one while the entry is in
     * the cache, one for each verification using it (an entry evicted by
     * another thread stays alive until the last user releases it) */
    unsigned refs;
};

static void entry_free(struct wt_pck_entry *e)
{
    if (e == NULL) return;
    EVP_PKEY_free(e->pub);
    EVP_PKEY_free(e->att);
    wt_free(e);
}

/* c->lock held: drop one reference; returns the entry to free, if any, so
 * that it is freed after the lock is released */
static struct wt_pck_entry *entry_unref_locked(struct wt_pck_entry *e)
{
    if (e == NULL || --e->refs > 0) return NULL;
    return e;
}

static void entry_release(wetee_attest_collateral *c, struct wt_pck_entry *e)
{
    if (e == NULL) return;
    pthread_mutex_lock(&c->lock);
    e = entry_unref_locked(e);
    pthread_mutex_unlock(&c->lock);
    entry_free(e);
}

void wt_leaf_cache_clear(wetee_attest_collateral *c)
{
    unsigned i;
    for (i = 0; i < 16; i++) {
        struct wt_pck_entry *dead;
        pthread_mutex_lock(&c->lock);
        dead = entry_unref_locked(c->leaf_cache[i]);
        c->leaf_cache[i] = NULL;
        pthread_mutex_unlock(&c->lock);
        entry_free(dead);
    }
    c->leaf_cache_next = 0;
}

/* Minimal DER reader for the SGX extension. */
static int der_next(const uint8_t **p, const uint8_t *end, uint8_t *tag, const uint8_t **val, size_t *vlen)
{
    const uint8_t *q = *p;
    size_t len = 0;
    if (end - q < 2) return -1;
    *tag = *q++;
    if (*q & 0x80) {
        unsigned n = *q++ & 0x7f;
        if (n == 0 || n > 3 || (size_t)(end - q) < n) return -1;
        while (n--) len = (len << 8) | *q++;
    } else {
        len = *q++;
    }
    if ((size_t)(end - q) < len) return -1;
    *val = q;
    *vlen = len;
    *p = q + len;
    return 0;
}

static int der_uint(const uint8_t *v, size_t n, uint64_t *out)
{
    uint64_t x = 0;
    size_t i;
    if (n == 0 || (v[0] & 0x80)) return -1;
    while (n > 1 && v[0] == 0) { v++; n--; }
    if (n > 8) return -1;
    for (i = 0; i < n; i++) x = (x << 8) | v[i];
    *out = x;
    return 0;
}

static const uint8_t SGX_EXT_OID[9] = {0x2a, 0x86, 0x48, 0x86, 0xf8, 0x4d, 0x01, 0x0d, 0x01};

/* Read PPID/TCB/PCE-ID/FMSPC from the PCK certificate's SGX extension. */
static int parse_sgx_ext(struct wt_pck_entry *e, X509 *leaf)
{
    int i, n = X509_get_ext_count(leaf), have_tcb = 0, have_fmspc = 0, have_pceid = 0;
    for (i = 0; i < n; i++) {
        X509_EXTENSION *ext = X509_get_ext(leaf, i);
        const ASN1_OBJECT *obj = X509_EXTENSION_get_object(ext);
        const ASN1_OCTET_STRING *os;
        const uint8_t *p, *end, *seq;
        size_t seql;
        uint8_t tag;
        if (OBJ_length(obj) != sizeof SGX_EXT_OID || memcmp(OBJ_get0_data(obj), SGX_EXT_OID, 9) != 0) continue;
        os = X509_EXTENSION_get_data(ext);
        p = ASN1_STRING_get0_data(os);
        end = p + ASN1_STRING_length(os);
        if (der_next(&p, end, &tag, &seq, &seql) != 0 || tag != 0x30) return -1;
        p = seq;
        end = seq + seql;
        while (p < end) {
            const uint8_t *item, *ip, *iend, *oid, *val;
            size_t il, ol, vl;
            uint8_t t1, t2;
            if (der_next(&p, end, &tag, &item, &il) != 0 || tag != 0x30) return -1;
            ip = item;
            iend = item + il;
            if (der_next(&ip, iend, &t1, &oid, &ol) != 0 || t1 != 0x06) return -1;
            if (der_next(&ip, iend, &t2, &val, &vl) != 0) return -1;
            if (ol != 10 || memcmp(oid, SGX_EXT_OID, 9) != 0) continue;
            switch (oid[9]) {
            case 2: { /* TCB: SEQUENCE of SEQUENCE { OID .2.N, value } */
                const uint8_t *tp = val, *tend = val + vl;
                unsigned seen = 0;
                if (t2 != 0x30) return -1;
                while (tp < tend) {
                    const uint8_t *ti, *tip, *toid, *tval;
                    size_t tl, tol, tvl;
                    uint8_t a, b;
                    if (der_next(&tp, tend, &tag, &ti, &tl) != 0 || tag != 0x30) return -1;
                    tip = ti;
                    if (der_next(&tip, ti + tl, &a, &toid, &tol) != 0 || a != 0x06) return -1;
                    if (der_next(&tip, ti + tl, &b, &tval, &tvl) != 0) return -1;
                    if (tol != 11 || memcmp(toid, SGX_EXT_OID, 9) != 0 || toid[9] != 2) return -1;
                    if (toid[10] >= 1 && toid[10] <= 16) {
                        if (b != 0x02 || der_uint(tval, tvl, &e->comps[toid[10] - 1]) != 0) return -1;
                        seen |= 1u << (toid[10] - 1);
                    } else if (toid[10] == 17) {
                        if (b != 0x02 || der_uint(tval, tvl, &e->pcesvn) != 0) return -1;
                        seen |= 1u << 16;
                    } else if (toid[10] == 18) {
                        if (b != 0x04 || tvl != 16) return -1;
                        memcpy(e->cpusvn, tval, 16);
                        seen |= 1u << 17;
                    }
                }
                if (seen != 0x3ffff) return -1;
                have_tcb = 1;
                break;
            }
            case 3:
                if (t2 != 0x04 || vl != 2) return -1;
                memcpy(e->pceid, val, 2);
                have_pceid = 1;
                break;
            case 4:
                if (t2 != 0x04 || vl != 6) return -1;
                memcpy(e->fmspc, val, 6);
                have_fmspc = 1;
                break;
            default:
                break;
            }
        }
    }
    return have_tcb && have_fmspc && have_pceid ? 0 : -1;
}

/* Verify a PCK chain (leaf, PCK CA, root) against the collateral's CRLs. */
static int pck_chain_verify(wetee_attest_result *r, struct wt_pck_entry *e, STACK_OF(X509) *sk,
                            wetee_attest_collateral *c, const wetee_attest_anchors *a)
{
    X509 *path[3];
    window w;
    int rc;
    win_init(&w);
    if ((rc = verify_chain(r, sk, 3, a, path, &w, QE_PCK_CERT_CHAIN_ERROR, "PCK certificate chain"))) return rc;
    if (!cn_contains(X509_get_subject_name(path[0]), "SGX PCK Certificate"))
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CERT_CHAIN, QE_PCK_CERT_UNSUPPORTED_FORMAT,
                              "PCK certificate chain: leaf CN is not an SGX PCK Certificate");
    if (revoked(c->root_ca_crl, path[1]))
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_REVOKED_CERT, QE_PCK_REVOKED,
                              "the PCK CA certificate is listed in the root CA CRL");
    if (!cn_contains(X509_CRL_get_issuer(c->pck_crl), "CA") ||
        X509_NAME_cmp(X509_CRL_get_issuer(c->pck_crl), X509_get_issuer_name(path[0])) != 0)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CRL, QE_UNEXPECTED,
                              "PCK CRL: its issuer is not the PCK certificate's issuer");
    if (X509_CRL_verify(c->pck_crl, X509_get0_pubkey(path[1])) != 1)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CRL, QE_INVALID_SIGNATURE,
                              "PCK CRL: signature by the PCK CA does not verify");
    if (revoked(c->pck_crl, path[0]))
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_REVOKED_CERT, QE_PCK_REVOKED,
                              "the PCK certificate is listed in the PCK CRL");
    if (parse_sgx_ext(e, path[0]) != 0)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CERT_CHAIN, QE_PCK_CERT_UNSUPPORTED_FORMAT,
                              "PCK certificate: SGX extension 1.2.840.113741.1.13.1 missing or malformed");
    if (wt_p256_pub_bytes(X509_get0_pubkey(path[0]), (uint8_t[65]){0}) != 0)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_CERT_CHAIN, QE_PCK_CERT_UNSUPPORTED_FORMAT,
                              "PCK certificate: key is not P-256");
    e->pub = X509_get_pubkey(path[0]);
    e->w = w;
    return WETEE_OK;
}

/* The verified PCK entry for this quote (cached); on success *entry holds a
 * reference the caller gives back with entry_release(). */
static int pck_lookup(wetee_attest_result *r, const wt_quote *q, wetee_attest_collateral *c,
                      const wetee_attest_anchors *a, struct wt_pck_entry **entry)
{
    uint8_t h[32];
    unsigned i;
    struct wt_pck_entry *e;
    STACK_OF(X509) *sk = NULL;
    int rc;
    if (q->cert_type == 5) SHA256(q->cert, q->cert_len, h);
    else if (c->pck_cert_chain == NULL)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_COLLATERAL, QE_INVALID_PARAMETER,
                              "quote certification data type %u carries no PCK chain and the collateral has none",
                              q->cert_type);
    else memset(h, 0, sizeof h); /* the collateral's own chain */
    pthread_mutex_lock(&c->lock);
    for (i = 0; i < 16; i++) {
        e = c->leaf_cache[i];
        if (e != NULL && memcmp(e->hash, h, 32) == 0) {
            if (!e->ok) {
                int check = e->check;
                uint32_t code = e->code;
                char reason[sizeof e->reason];
                const char *t;
                memcpy(reason, e->reason, sizeof reason);
                pthread_mutex_unlock(&c->lock);
                t = strchr(reason, ':');
                return wt_attest_fail(r, WETEE_ERR_VERIFY, check, code, "%s", t ? t + 2 : reason);
            }
            e->refs++;
            pthread_mutex_unlock(&c->lock);
            *entry = e;
            return WETEE_OK;
        }
    }
    pthread_mutex_unlock(&c->lock);
    if ((e = wt_calloc(1, sizeof *e)) == NULL) return wt_attest_fail(r, WETEE_ERR_NO_MEMORY, WETEE_ATTEST_CHECK_PARSE,
                                                                      0, "out of memory");
    memcpy(e->hash, h, 32);
    if (q->cert_type == 5) {
        rc = wt_load_chain(&sk, q->cert, q->cert_len, "quote PCK certificate chain");
        if (rc != WETEE_OK) {
            entry_free(e);
            return wt_attest_fail(r, rc, WETEE_ATTEST_CHECK_PARSE, QE_PCK_CERT_UNSUPPORTED_FORMAT, "%s",
                                  wetee_last_error());
        }
        rc = pck_chain_verify(r, e, sk, c, a);
        sk_X509_pop_free(sk, X509_free);
    } else {
        rc = pck_chain_verify(r, e, c->pck_cert_chain, c, a);
    }
    if (rc == WETEE_ERR_NO_MEMORY) {
        entry_free(e);
        return rc;
    }
    e->ok = rc == WETEE_OK;
    if (!e->ok) {
        e->check = r->failed_check;
        e->code = r->status_code;
        memcpy(e->reason, r->reason, sizeof e->reason);
        e->reason[sizeof e->reason - 1] = 0;
    }
    {
        struct wt_pck_entry *dead;
        pthread_mutex_lock(&c->lock);
        i = c->leaf_cache_next;
        dead = entry_unref_locked(c->leaf_cache[i]);
        c->leaf_cache[i] = e;
        c->leaf_cache_next = (i + 1) % 16;
        e->refs = rc == WETEE_OK ? 2 : 1; /* the cache's, and the caller's */
        pthread_mutex_unlock(&c->lock);
        entry_free(dead);
    }
    if (rc != WETEE_OK) return rc;
    *entry = e;
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* TCB statuses                                                        */
/* ------------------------------------------------------------------ */

enum { ST_ISVSVN_NOT_SUPPORTED = 100 };

static int converge(int platform, int other)
{
    int base = platform == WETEE_ATTEST_TCB_UP_TO_DATE || platform == WETEE_ATTEST_TCB_SW_HARDENING_NEEDED;
    int conf = platform == WETEE_ATTEST_TCB_CONFIGURATION_NEEDED ||
               platform == WETEE_ATTEST_TCB_CONFIGURATION_AND_SW_HARDENING_NEEDED;
    switch (other) {
    case WETEE_ATTEST_TCB_OUT_OF_DATE:
        if (base) return WETEE_ATTEST_TCB_OUT_OF_DATE;
        if (conf) return WETEE_ATTEST_TCB_OUT_OF_DATE_CONFIGURATION_NEEDED;
        return platform;
    case WETEE_ATTEST_TCB_REVOKED: return WETEE_ATTEST_TCB_REVOKED;
    case ST_ISVSVN_NOT_SUPPORTED: return WETEE_ATTEST_TCB_NOT_SUPPORTED;
    default: return platform;
    }
}

static uint32_t status_code_of(int st)
{
    switch (st) {
    case WETEE_ATTEST_TCB_UP_TO_DATE: return 0x0000;
    case WETEE_ATTEST_TCB_CONFIGURATION_NEEDED: return 0xA001;
    case WETEE_ATTEST_TCB_OUT_OF_DATE: return 0xA002;
    case WETEE_ATTEST_TCB_OUT_OF_DATE_CONFIGURATION_NEEDED: return 0xA003;
    case WETEE_ATTEST_TCB_SW_HARDENING_NEEDED: return 0xA007;
    case WETEE_ATTEST_TCB_CONFIGURATION_AND_SW_HARDENING_NEEDED: return 0xA008;
    case WETEE_ATTEST_TCB_TD_RELAUNCH_ADVISED: return 0xA009;
    case WETEE_ATTEST_TCB_TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED: return 0xA00A;
    case WETEE_ATTEST_TCB_REVOKED: return QE_TCB_REVOKED;
    case WETEE_ATTEST_TCB_NOT_SUPPORTED: return QE_TCB_NOT_SUPPORTED;
    default: return 0xA006;
    }
}

static void add_level_advisories(wetee_attest_result *r, const wt_tcb_level *l)
{
    size_t off = 0;
    while (l->adv && off < l->adv_len) {
        size_t n = strlen(l->adv + off);
        wt_attest_add_advisory(r, l->adv + off, n);
        off += n + 1;
    }
}

static const wt_tdx_module_id *find_module(const struct wt_tcb_info *ti, uint8_t major)
{
    char id[16];
    unsigned i;
    snprintf(id, sizeof id, "TDX_%02X", major);
    for (i = 0; i < ti->n_modules; i++)
        if (strcasecmp(ti->modules[i].id, id) == 0) return &ti->modules[i];
    return NULL;
}

static int sgx_level_matches(const wt_tcb_level *l, const struct wt_pck_entry *e)
{
    unsigned i;
    for (i = 0; i < 16; i++)
        if (e->comps[i] < l->sgx[i]) return 0;
    return e->pcesvn >= l->pcesvn;
}

/* ------------------------------------------------------------------ */
/* Verification                                                        */
/* ------------------------------------------------------------------ */

static int dcap_verify(wetee_attest_result *r, const uint8_t *quote, size_t len, wetee_attest_collateral *c,
                       const wetee_attest_anchors *a, const wetee_attest_policy *policy, const wt_attest_envelope *env,
                       uint64_t t, struct wt_pck_entry **held);

/* The verification holds a reference to its PCK cache entry from the lookup
 * to the end, whichever way it returns. */
int wt_dcap_verify(wetee_attest_result *r, const uint8_t *quote, size_t len, wetee_attest_collateral *c,
                   const wetee_attest_anchors *a, const wetee_attest_policy *policy, const wt_attest_envelope *env,
                   uint64_t t)
{
    struct wt_pck_entry *held = NULL;
    int rc = dcap_verify(r, quote, len, c, a, policy, env, t, &held);
    entry_release(c, held);
    return rc;
}

static int dcap_verify(wetee_attest_result *r, const uint8_t *quote, size_t len, wetee_attest_collateral *c,
                       const wetee_attest_anchors *a, const wetee_attest_policy *policy, const wt_attest_envelope *env,
                       uint64_t t, struct wt_pck_entry **held)
{
    wt_quote q;
    struct wt_pck_entry *e = NULL;
    const struct wt_tcb_info *ti;
    const struct wt_qe_identity *qi;
    const wt_tcb_level *sgx_level = NULL, *tdx_level = NULL, *qe_level = NULL, *mod_level = NULL;
    EVP_PKEY *att = NULL;
    window w;
    uint8_t h[32];
    const uint8_t *qr;
    unsigned i;
    int rc, qe_status, status, is_tdx;
    int module_status = WETEE_ATTEST_TCB_UP_TO_DATE;

    if ((rc = wt_quote_parse(&q, quote, len, r)) != WETEE_OK) return rc;
    is_tdx = q.tee == WETEE_ATTEST_TEE_TDX;
    memcpy(r->report, q.body, q.body_len); /* at most 885 bytes (body type 4) */
    r->report_len = q.body_len;
    r->td15 = q.body_type >= 3;

    win_init(&w);
    if ((rc = collateral_check(r, c, a, &w)) != WETEE_OK) return rc;
    ti = c->tcb_info;
    qi = c->qe_identity;
    if ((rc = pck_lookup(r, &q, c, a, &e)) != WETEE_OK) return rc;
    *held = e;
    win_add(&w, e->w.from, e->w.until);
    r->earliest_expiry = w.until;
    r->expired = !(w.from <= t && t <= w.until);

    /* TCB Info and QE Identity kinds and platform identity */
    if (is_tdx ? ti->id != WT_TCBINFO_ID_TDX || ti->version < 3 : ti->id == WT_TCBINFO_ID_TDX)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TCB_INFO, QE_TCBINFO_MISMATCH,
                              "TCB Info id/version does not fit a%s quote", is_tdx ? " TDX" : "n SGX");
    if (qi->id != (is_tdx ? WT_QEID_TD_QE : WT_QEID_QE))
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_QE_IDENTITY, QE_QEIDENTITY_MISMATCH,
                              "QE Identity id is not %s", is_tdx ? "TD_QE" : "QE");
    if (memcmp(ti->fmspc, e->fmspc, 6) != 0 || memcmp(ti->pce_id, e->pceid, 2) != 0)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TCB_INFO, QE_TCBINFO_MISMATCH,
                              "TCB Info FMSPC/PCE-ID differ from the PCK certificate's "
                              "(%02x%02x%02x%02x%02x%02x)", e->fmspc[0], e->fmspc[1], e->fmspc[2], e->fmspc[3],
                              e->fmspc[4], e->fmspc[5]);

    /* steps 8 and 9 (QE report signature, attestation key binding): once
     * per distinct QE report / key seen with this PCK chain */
    {
        uint8_t qh[32];
        int known = 0;
        EVP_MD_CTX *mc = EVP_MD_CTX_new();
        int ok = mc != NULL && EVP_DigestInit_ex(mc, sha256(), NULL) == 1 &&
                 EVP_DigestUpdate(mc, q.qe_report, 448) == 1 && EVP_DigestUpdate(mc, q.att_key, 64) == 1 &&
                 EVP_DigestUpdate(mc, q.auth, q.auth_len) == 1 && EVP_DigestFinal_ex(mc, qh, NULL) == 1;
        EVP_MD_CTX_free(mc);
        if (!ok) return wt_attest_fail(r, WETEE_ERR_CRYPTO, WETEE_ATTEST_CHECK_ATTESTATION_KEY, 0, "SHA-256 failed");
        pthread_mutex_lock(&c->lock);
        if (e->qe_valid && memcmp(e->qe_hash, qh, 32) == 0 && EVP_PKEY_up_ref(e->att) == 1) {
            att = e->att;
            known = 1;
        }
        pthread_mutex_unlock(&c->lock);
        if (!known) {
            static const uint8_t zero32[32];
            if (!wt_p256_verify(e->pub, q.qe_report, 384, q.qe_sig))
                return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_QE_REPORT_SIGNATURE,
                                      QE_QE_REPORT_INVALID_SIGNATURE,
                                      "QE report signature (by the PCK key) does not verify");
            mc = EVP_MD_CTX_new();
            ok = mc != NULL && EVP_DigestInit_ex(mc, sha256(), NULL) == 1 && EVP_DigestUpdate(mc, q.att_key, 64) == 1 &&
                 EVP_DigestUpdate(mc, q.auth, q.auth_len) == 1 && EVP_DigestFinal_ex(mc, h, NULL) == 1;
            EVP_MD_CTX_free(mc);
            if (!ok) return wt_attest_fail(r, WETEE_ERR_CRYPTO, WETEE_ATTEST_CHECK_ATTESTATION_KEY, 0, "SHA-256 failed");
            if (memcmp(h, q.qe_report + 320, 32) != 0 || memcmp(q.qe_report + 352, zero32, 32) != 0)
                return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_ATTESTATION_KEY,
                                      QE_UNEXPECTED, /* QVL STATUS_INVALID_QE_REPORT_DATA: QvE has no code */
                                      "QE REPORTDATA is not SHA-256(attestation key || auth data) || zeros");
            if ((att = wt_p256_key_from_raw(q.att_key)) == NULL)
                return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_QUOTE_SIGNATURE, QE_INVALID_SIGNATURE,
                                      "attestation key is not a P-256 point");
            pthread_mutex_lock(&c->lock);
            if (EVP_PKEY_up_ref(att) == 1) {
                EVP_PKEY_free(e->att);
                e->att = att;
                memcpy(e->qe_hash, qh, 32);
                e->qe_valid = 1;
            }
            pthread_mutex_unlock(&c->lock);
        }
    }
    /* step 11: quote signature */
    rc = wt_p256_verify(att, quote, q.signed_len, q.sig);
    EVP_PKEY_free(att);
    att = NULL;
    if (!rc)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_QUOTE_SIGNATURE, QE_INVALID_SIGNATURE,
                              "quote signature over bytes 0..%zu does not verify", q.signed_len);

    /* step 10: QE identity */
    qr = q.qe_report;
    for (i = 0; i < 4; i++)
        if ((qr[16 + i] & qi->miscselect_mask[i]) != qi->miscselect[i])
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_QE_IDENTITY_MISMATCH, QE_QEIDENTITY_MISMATCH,
                                  "QE MISCSELECT does not match the QE Identity");
    for (i = 0; i < 16; i++)
        if ((qr[48 + i] & qi->attributes_mask[i]) != qi->attributes[i])
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_QE_IDENTITY_MISMATCH, QE_QEIDENTITY_MISMATCH,
                                  "QE ATTRIBUTES (byte %u) do not match the QE Identity", i);
    if (memcmp(qr + 128, qi->mrsigner, 32) != 0)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_QE_IDENTITY_MISMATCH, QE_QEIDENTITY_MISMATCH,
                              "QE MRSIGNER does not match the QE Identity");
    if (wt_load_le16(qr + 256) != qi->isvprodid)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_QE_IDENTITY_MISMATCH, QE_QEIDENTITY_MISMATCH,
                              "QE ISVPRODID %u is not %llu", wt_load_le16(qr + 256),
                              (unsigned long long)qi->isvprodid);
    for (i = 0; i < qi->n_levels; i++)
        if (qi->levels[i].isvsvn <= wt_load_le16(qr + 258)) { qe_level = &qi->levels[i]; break; }
    if (qe_level == NULL) qe_status = ST_ISVSVN_NOT_SUPPORTED;
    else if (qe_level->status == WETEE_ATTEST_TCB_UP_TO_DATE || qe_level->status == WETEE_ATTEST_TCB_OUT_OF_DATE ||
             qe_level->status == WETEE_ATTEST_TCB_REVOKED)
        qe_status = qe_level->status;
    else
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_QE_IDENTITY, QE_QEIDENTITY_UNSUPPORTED_FORMAT,
                              "QE Identity level status is not UpToDate, OutOfDate or Revoked");

    /* step 7: TDX module identity (after the signatures, so that no field of
     * an unsigned body is interpreted) */
    if (is_tdx) {
        const uint8_t *svn = q.body, *mrsignerseam = q.body + 64, *seamattr = q.body + 112;
        const wt_tdx_module_id *m = NULL;
        static const uint8_t zero8[8];
        if (q.version > 3 && svn[1] > 0) {
            if ((m = find_module(ti, svn[1])) == NULL)
                return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TDX_MODULE, QE_TDX_MODULE_MISMATCH,
                                      "no TDX module identity TDX_%02X in TCB Info", svn[1]);
        } else if (ti->has_tdx_module) {
            m = &ti->tdx_module;
        } else {
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TDX_MODULE, QE_TDX_MODULE_MISMATCH,
                                  "TCB Info has no tdxModule");
        }
        if (memcmp(mrsignerseam, m->mrsigner, 48) != 0)
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TDX_MODULE, QE_TDX_MODULE_MISMATCH,
                                  "MRSIGNERSEAM (body offset 64) differs from the module identity's mrsigner");
        if (memcmp(seamattr, zero8, 8) != 0 || memcmp(seamattr, m->attributes, 8) != 0)
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TDX_MODULE, QE_TDX_MODULE_MISMATCH,
                                  "SEAMATTRIBUTES (body offset 112) not zero or not the module identity's");
        if (q.version > 3 && svn[1] == 0) {
            module_status = WETEE_ATTEST_TCB_UP_TO_DATE;
        } else if (m->levels != NULL) {
            for (i = 0; i < m->n_levels; i++)
                if (svn[0] >= m->levels[i].isvsvn) { mod_level = &m->levels[i]; break; }
            if (mod_level == NULL)
                return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TCB_LEVEL, QE_TCB_NOT_SUPPORTED,
                                      "TDX module ISVSVN %u is below every level of %s", svn[0], m->id);
            module_status = mod_level->status;
            if (module_status != WETEE_ATTEST_TCB_UP_TO_DATE && module_status != WETEE_ATTEST_TCB_OUT_OF_DATE &&
                module_status != WETEE_ATTEST_TCB_REVOKED)
                return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TCB_INFO, QE_TCBINFO_UNSUPPORTED_FORMAT,
                                      "TDX module level status is not UpToDate, OutOfDate or Revoked");
        }
    }

    /* step 12: TCB levels */
    for (i = 0; i < ti->n_levels; i++) {
        const wt_tcb_level *l = &ti->levels[i];
        unsigned k;
        if (!sgx_level_matches(l, e)) continue;
        if (sgx_level == NULL) sgx_level = l;
        if (!is_tdx) break;
        for (k = q.body[1] > 0 ? 2 : 0; k < 16; k++)
            if ((uint64_t)q.body[k] < l->tdx[k]) break;
        if (k == 16) { tdx_level = l; break; }
    }
    if (sgx_level == NULL)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TCB_LEVEL, QE_TCB_NOT_SUPPORTED,
                              "no TCB level matches the PCK certificate's SGX components and PCESVN");
    if (is_tdx && tdx_level == NULL)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TCB_LEVEL, QE_TCB_NOT_SUPPORTED,
                              "no TCB level matches the TD's TEE_TCB_SVN");
    {
        const wt_tcb_level *pl = is_tdx ? tdx_level : sgx_level;
        if (pl->status < 0 || (sgx_level->status < 0))
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TCB_INFO, QE_TCBINFO_UNSUPPORTED_FORMAT,
                                  "matched TCB level has an unrecognised tcbStatus");
        r->has_tcb_date = 1;
        r->tcb_date = pl->date;
        add_level_advisories(r, pl);
        if (mod_level) add_level_advisories(r, mod_level);
        if (qe_level) add_level_advisories(r, qe_level);
        /* step 13: convergence */
        if (is_tdx) {
            status = converge(tdx_level->status, module_status);
            if (status != WETEE_ATTEST_TCB_REVOKED && r->td15 && qe_status != WETEE_ATTEST_TCB_OUT_OF_DATE &&
                qe_status != WETEE_ATTEST_TCB_REVOKED && qe_status != ST_ISVSVN_NOT_SUPPORTED &&
                sgx_level->status <= WETEE_ATTEST_TCB_CONFIGURATION_AND_SW_HARDENING_NEEDED &&
                (status == WETEE_ATTEST_TCB_OUT_OF_DATE || status == WETEE_ATTEST_TCB_OUT_OF_DATE_CONFIGURATION_NEEDED) &&
                module_status == WETEE_ATTEST_TCB_OUT_OF_DATE) {
                const uint8_t *svn2 = q.body + 584;
                const wt_tcb_level *latest = &ti->levels[0];
                int advised = 0;
                if (svn2[1] == 0) {
                    advised = svn2[0] >= latest->tdx[0] && svn2[2] >= latest->tdx[2];
                } else {
                    const wt_tdx_module_id *m2 = find_module(ti, svn2[1]);
                    uint64_t top = 0;
                    unsigned k;
                    if (m2 == NULL)
                        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TDX_MODULE,
                                              QE_TDX_MODULE_MISMATCH, "no TDX module identity TDX_%02X for "
                                              "TEE_TCB_SVN2", svn2[1]);
                    for (k = 0; k < m2->n_levels; k++)
                        if (m2->levels[k].isvsvn > top) top = m2->levels[k].isvsvn;
                    advised = svn2[0] >= top && svn2[2] >= latest->tdx[2];
                }
                if (advised) {
                    int confn = sgx_level->status == WETEE_ATTEST_TCB_CONFIGURATION_NEEDED ||
                                sgx_level->status == WETEE_ATTEST_TCB_CONFIGURATION_AND_SW_HARDENING_NEEDED ||
                                status == WETEE_ATTEST_TCB_OUT_OF_DATE_CONFIGURATION_NEEDED;
                    status = confn ? WETEE_ATTEST_TCB_TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED
                                   : WETEE_ATTEST_TCB_TD_RELAUNCH_ADVISED;
                }
            }
            if (status != WETEE_ATTEST_TCB_REVOKED) status = converge(status, qe_status);
        } else {
            status = converge(sgx_level->status, qe_status);
        }
    }
    r->tcb_status = status;
    r->status_code = status_code_of(status);
    if (status == WETEE_ATTEST_TCB_REVOKED || status == WETEE_ATTEST_TCB_NOT_SUPPORTED)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TCB_LEVEL, status_code_of(status),
                              "TCB status %s", wetee_attest_tcb_status_name(status));
    return wt_attest_finish(r, policy, env, t);
}

/* ------------------------------------------------------------------ */
/* Helpers for the collateral fetcher (src/attest/fetch.c)             */
/* ------------------------------------------------------------------ */

int wt_dcap_collateral_check(wetee_attest_collateral *c, const wetee_attest_anchors *a)
{
    wetee_attest_result tmp;
    window w;
    int rc;
    memset(&tmp, 0, sizeof tmp);
    win_init(&w);
    rc = collateral_check_uncached(&tmp, c, a, &w);
    if (rc != WETEE_OK) return wt_error(rc, "attest: fetched collateral: %s", tmp.reason);
    return WETEE_OK;
}

int wt_dcap_quote_pck_info(const uint8_t *quote, size_t len, int *tee, uint8_t fmspc[6], int *ca)
{
    wt_quote q;
    STACK_OF(X509) *sk = NULL;
    struct wt_pck_entry e;
    X509 *leaf = NULL;
    int rc, i;
    if ((rc = wt_quote_parse(&q, quote, len, NULL)) != WETEE_OK) return rc;
    if (q.cert_type != 5)
        return wt_error(WETEE_ERR_UNSUPPORTED, "attest: quote certification data type %u carries no PCK chain: the "
                        "FMSPC for fetching collateral is unknown", q.cert_type);
    if ((rc = wt_load_chain(&sk, q.cert, q.cert_len, "quote PCK certificate chain")) != WETEE_OK) return rc;
    /* the leaf: the certificate whose subject names an SGX PCK Certificate */
    for (i = 0; i < sk_X509_num(sk) && leaf == NULL; i++)
        if (cn_contains(X509_get_subject_name(sk_X509_value(sk, i)), "SGX PCK Certificate")) leaf = sk_X509_value(sk, i);
    memset(&e, 0, sizeof e);
    if (leaf == NULL || parse_sgx_ext(&e, leaf) != 0) {
        sk_X509_pop_free(sk, X509_free);
        return wt_error(WETEE_ERR_DECODE, "attest: quote PCK certificate: no SGX extension with an FMSPC");
    }
    if (cn_contains(X509_get_issuer_name(leaf), "Processor")) *ca = WETEE_ATTEST_PCK_CA_PROCESSOR;
    else if (cn_contains(X509_get_issuer_name(leaf), "Platform")) *ca = WETEE_ATTEST_PCK_CA_PLATFORM;
    else *ca = 0;
    sk_X509_pop_free(sk, X509_free);
    if (*ca == 0)
        return wt_error(WETEE_ERR_DECODE, "attest: quote PCK certificate: issuer is neither the PCK Processor CA nor "
                        "the PCK Platform CA");
    memcpy(fmspc, e.fmspc, 6);
    *tee = q.tee;
    return WETEE_OK;
}
