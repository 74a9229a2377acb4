/* SEV-SNP report verification: report signature, VCEK/VLEK chain to the
 * pinned ARK, leaf extensions, CRL (attestation.md §5; AMD VCEK spec 57230).
 * OpenSSL 3 does the X.509, CRL and signature work; DER is bounded here
 * (size, nesting depth) before OpenSSL parses it. */
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <pthread.h>

#include "internal/common.h"
#include "snp_impl.h"

#define MOD "attest"

/* SHA-256 of the DER of AMD's root keys (ARK), one per product. */
static const uint8_t ARK_SHA256[4][32] = {
    { 0 },
    { 0x69, 0xd0, 0x63, 0xb4, 0x53, 0x44, 0xd2, 0x6a, 0x2e, 0x94, 0xe1, 0xf4, 0x21, 0x0d, 0xe4, 0x9e,
      0xf5, 0x55, 0x30, 0x82, 0x87, 0xd4, 0xc1, 0x74, 0x44, 0x5c, 0x95, 0x63, 0x9a, 0x54, 0x0b, 0xcd },
    { 0x4c, 0x65, 0x98, 0xd1, 0x9c, 0x18, 0x71, 0x9c, 0x5d, 0xfd, 0x4a, 0x7d, 0x33, 0x5f, 0x67, 0x4e,
      0x5b, 0xfe, 0x1d, 0x8f, 0x80, 0x0c, 0xea, 0x2c, 0xf2, 0x70, 0xc1, 0x0d, 0x10, 0x3d, 0xb2, 0xf1 },
    { 0x1f, 0x08, 0x41, 0x61, 0xa4, 0x4b, 0xb6, 0xd9, 0x37, 0x78, 0xa9, 0x04, 0x87, 0x7d, 0x48, 0x19,
      0xca, 0xfa, 0x5d, 0x05, 0xef, 0x41, 0x93, 0xb2, 0xde, 0xd9, 0xdd, 0x9c, 0x73, 0xdd, 0x3f, 0x6a },
};

/* ---- DER bounds ---- */

/* Walk one TLV at p[0..len): its total size in *used. Constructed values
 * are walked recursively to `depth`; lengths must be definite and minimal
 * in size (at most 4 length bytes). */
static int der_walk(const uint8_t *p, size_t len, size_t *used, unsigned depth, const char *what, size_t base)
{
    size_t i = 0, n;
    if (depth > WETEE_SNP_MAX_DER_DEPTH)
        return wt_error(WETEE_ERR_DEPTH, MOD ": %s at offset %zu: DER nested deeper than %d", what, base,
                        WETEE_SNP_MAX_DER_DEPTH);
    if (len < 2) return wt_error(WETEE_ERR_TRUNCATED, MOD ": %s at offset %zu: DER element truncated", what, base);
    uint8_t tag = p[i++];
    if ((tag & 0x1f) == 0x1f) { /* high tag number: up to 4 continuation bytes */
        unsigned k = 0;
        while (i < len && (p[i] & 0x80) && k < 4) { i++; k++; }
        if (i >= len || k >= 4)
            return wt_error(WETEE_ERR_DECODE, MOD ": %s at offset %zu: DER tag too long", what, base);
        i++;
    }
    if (i >= len) return wt_error(WETEE_ERR_TRUNCATED, MOD ": %s at offset %zu: DER length truncated", what, base);
    uint8_t l0 = p[i++];
    if (l0 < 0x80) {
        n = l0;
    } else {
        unsigned k = l0 & 0x7f;
        if (k == 0)
            return wt_error(WETEE_ERR_DECODE, MOD ": %s at offset %zu: indefinite DER length", what, base);
        if (k > 4) return wt_error(WETEE_ERR_TOO_LONG, MOD ": %s at offset %zu: DER length of %u bytes", what, base, k);
        if (len - i < k) return wt_error(WETEE_ERR_TRUNCATED, MOD ": %s at offset %zu: DER length truncated", what, base);
        n = 0;
        for (unsigned j = 0; j < k; j++) n = (n << 8) | p[i++];
    }
    if (n > len - i)
        return wt_error(WETEE_ERR_TRUNCATED, MOD ": %s at offset %zu: DER element of %zu bytes, %zu left", what, base, n,
                        len - i);
    if (tag & 0x20) {
        size_t off = 0;
        while (off < n) {
            size_t u = 0;
            int rc = der_walk(p + i + off, n - off, &u, depth + 1, what, base + i + off);
            if (rc != WETEE_OK) return rc;
            off += u;
        }
    }
    *used = i + n;
    return WETEE_OK;
}

/* Check the DER element at p (bounded size and depth); its size in *used. */
static int der_check(const uint8_t *p, size_t len, size_t *used, const char *what)
{
    if (len > WETEE_SNP_MAX_DER_BYTES)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": %s: %zu bytes, more than %d", what, len, WETEE_SNP_MAX_DER_BYTES);
    return der_walk(p, len, used, 0, what, 0);
}

/* ---- loading certificates and CRLs ---- */

static int is_pem(const uint8_t *p, size_t len)
{
    size_t i = 0;
    while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) i++;
    return len - i >= 10 && memcmp(p + i, "-----BEGIN", 10) == 0;
}

/* ---- process-wide cache: parsed certificates and verified signatures ----
 *
 * Parsing a certificate (OpenSSL 3 decodes its key through the provider
 * decoders) and checking an RSA-4096 signature cost more than the report's
 * own ECDSA check, and a verifier sees the same ASK/ARK, and often the same
 * VCEK, again and again. Both results are pure functions of DER bytes, so
 * they are kept, keyed by SHA-256: certificates by their DER, signatures by
 * the pair (certificate DER, issuer DER). Validity periods, names,
 * extensions and CRLs are still checked at every call. Bounded (round robin),
 * thread-safe; entries live until the process ends. */
#define CACHE_SLOTS 32

static pthread_mutex_t g_cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct { uint8_t h[32]; X509 *x; } g_certs[CACHE_SLOTS];
static unsigned g_certs_next;
static struct { uint8_t h[64]; int used; } g_links[CACHE_SLOTS];
static unsigned g_links_next;

static X509 *cache_get_cert(const uint8_t h[32])
{
    X509 *x = NULL;
    pthread_mutex_lock(&g_cache_lock);
    for (unsigned i = 0; i < CACHE_SLOTS && x == NULL; i++)
        if (g_certs[i].x != NULL && memcmp(g_certs[i].h, h, 32) == 0 && X509_up_ref(g_certs[i].x)) x = g_certs[i].x;
    pthread_mutex_unlock(&g_cache_lock);
    return x;
}

static void cache_put_cert(const uint8_t h[32], X509 *x)
{
    if (!X509_up_ref(x)) return;
    pthread_mutex_lock(&g_cache_lock);
    unsigned i = g_certs_next++ % CACHE_SLOTS;
    X509 *old = g_certs[i].x;
    memcpy(g_certs[i].h, h, 32);
    g_certs[i].x = x;
    pthread_mutex_unlock(&g_cache_lock);
    X509_free(old);
}

/* SHA-256 of (child DER, issuer DER) identifies a verified signature. */
static int link_key(uint8_t key[64], X509 *child, X509 *issuer)
{
    unsigned n1 = 0, n2 = 0;
    return X509_digest(child, EVP_sha256(), key, &n1) == 1 && X509_digest(issuer, EVP_sha256(), key + 32, &n2) == 1 &&
           n1 == 32 && n2 == 32;
}

static int cache_has_link(const uint8_t key[64])
{
    int found = 0;
    pthread_mutex_lock(&g_cache_lock);
    for (unsigned i = 0; i < CACHE_SLOTS && !found; i++) found = g_links[i].used && memcmp(g_links[i].h, key, 64) == 0;
    pthread_mutex_unlock(&g_cache_lock);
    return found;
}

static void cache_put_link(const uint8_t key[64])
{
    pthread_mutex_lock(&g_cache_lock);
    unsigned i = g_links_next++ % CACHE_SLOTS;
    memcpy(g_links[i].h, key, 64);
    g_links[i].used = 1;
    pthread_mutex_unlock(&g_cache_lock);
}

static int x509_from_der(X509 **out, const uint8_t *der, size_t len, const char *what)
{
    size_t used = 0;
    int rc = der_check(der, len, &used, what);
    if (rc != WETEE_OK) return rc;
    if (used != len)
        return wt_error(WETEE_ERR_TRAILING, MOD ": %s at offset %zu: bytes after the certificate", what, used);
    uint8_t h[32];
    unsigned hl = 0;
    int hashed = EVP_Digest(der, len, h, &hl, EVP_sha256(), NULL) == 1 && hl == 32;
    X509 *x = hashed ? cache_get_cert(h) : NULL;
    if (x == NULL) {
        const uint8_t *q = der;
        x = d2i_X509(NULL, &q, (long)len);
        if (x == NULL || q != der + len) {
            X509_free(x);
            ERR_clear_error();
            return wt_error(WETEE_ERR_DECODE, MOD ": %s: not an X.509 certificate", what);
        }
        if (hashed) cache_put_cert(h, x);
    }
    *out = x;
    return WETEE_OK;
}

/* Load up to `max` certificates: PEM blocks, or DER certificates one after
 * the other. */
static int load_certs(X509 **out, size_t max, size_t *n, const uint8_t *data, size_t len, const char *what)
{
    int rc = WETEE_OK;
    *n = 0;
    if (len == 0) return wt_error(WETEE_ERR_TRUNCATED, MOD ": %s: empty", what);
    if (len > 2 * (size_t)WETEE_SNP_MAX_DER_BYTES)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": %s: %zu bytes, more than %d", what, len, 2 * WETEE_SNP_MAX_DER_BYTES);
    if (is_pem(data, len)) {
        BIO *bio = BIO_new_mem_buf(data, (int)len);
        if (bio == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": %s: out of memory", what);
        for (;;) {
            char *name = NULL, *header = NULL;
            unsigned char *der = NULL;
            long dlen = 0;
            if (!PEM_read_bio(bio, &name, &header, &der, &dlen)) {
                ERR_clear_error();
                break;
            }
            if (strcmp(name, "CERTIFICATE") != 0)
                rc = wt_error(WETEE_ERR_DECODE, MOD ": %s: PEM block \"%.40s\" is not a CERTIFICATE", what, name);
            else if (*n >= max)
                rc = wt_error(WETEE_ERR_TRAILING, MOD ": %s: more than %zu certificates", what, max);
            else
                rc = x509_from_der(&out[*n], der, (size_t)dlen, what);
            if (rc == WETEE_OK) (*n)++;
            OPENSSL_free(name);
            OPENSSL_free(header);
            OPENSSL_free(der);
            if (rc != WETEE_OK) break;
        }
        BIO_free(bio);
        if (rc == WETEE_OK && *n == 0) rc = wt_error(WETEE_ERR_DECODE, MOD ": %s: no PEM certificate", what);
    } else {
        size_t off = 0;
        while (off < len && rc == WETEE_OK) {
            size_t used = 0;
            if (*n >= max) {
                rc = wt_error(WETEE_ERR_TRAILING, MOD ": %s at offset %zu: more than %zu certificates", what, off, max);
                break;
            }
            rc = der_walk(data + off, len - off, &used, 0, what, off);
            if (rc == WETEE_OK) rc = x509_from_der(&out[*n], data + off, used, what);
            if (rc == WETEE_OK) {
                (*n)++;
                off += used;
            }
        }
    }
    if (rc != WETEE_OK) {
        for (size_t i = 0; i < *n; i++) X509_free(out[i]);
        *n = 0;
    }
    return rc;
}

static int load_crl(X509_CRL **out, const uint8_t *data, size_t len)
{
    const char *what = "CRL";
    unsigned char *pem_der = NULL;
    const uint8_t *der = data;
    size_t dlen = len, used = 0;
    int rc;
    *out = NULL;
    if (len > WETEE_SNP_MAX_DER_BYTES * 16)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": CRL: %zu bytes, more than %d", len, WETEE_SNP_MAX_DER_BYTES * 16);
    if (is_pem(data, len)) {
        BIO *bio = BIO_new_mem_buf(data, (int)len);
        char *name = NULL, *header = NULL;
        long l = 0;
        if (bio == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": CRL: out of memory");
        int ok = PEM_read_bio(bio, &name, &header, &pem_der, &l);
        BIO_free(bio);
        ERR_clear_error();
        if (!ok) return wt_error(WETEE_ERR_DECODE, MOD ": CRL: bad PEM");
        ok = strcmp(name, "X509 CRL") == 0;
        OPENSSL_free(name);
        OPENSSL_free(header);
        if (!ok) {
            OPENSSL_free(pem_der);
            return wt_error(WETEE_ERR_DECODE, MOD ": CRL: PEM block is not an X509 CRL");
        }
        der = pem_der;
        dlen = (size_t)l;
    }
    /* A CRL lists many serials: its size limit is 16 times a certificate's. */
    rc = dlen > WETEE_SNP_MAX_DER_BYTES * 16
             ? wt_error(WETEE_ERR_TOO_LONG, MOD ": CRL: %zu bytes", dlen)
             : der_walk(der, dlen, &used, 0, what, 0);
    if (rc == WETEE_OK && used != dlen)
        rc = wt_error(WETEE_ERR_TRAILING, MOD ": CRL at offset %zu: bytes after the CRL", used);
    if (rc == WETEE_OK) {
        const uint8_t *q = der;
        *out = d2i_X509_CRL(NULL, &q, (long)dlen);
        if (*out == NULL || q != der + dlen) {
            X509_CRL_free(*out);
            *out = NULL;
            ERR_clear_error();
            rc = wt_error(WETEE_ERR_DECODE, MOD ": CRL: not an X.509 CRL");
        }
    }
    OPENSSL_free(pem_der);
    return rc;
}

/* ---- certificate checks ---- */

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static int asn1_time_unix(const ASN1_TIME *t, int64_t *out)
{
    struct tm tm;
    if (t == NULL || !ASN1_TIME_to_tm(t, &tm)) return 0;
    *out = days_from_civil((int64_t)tm.tm_year + 1900, (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday) * 86400 +
           tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    return 1;
}

/* Validity of `x` at the verification time. Tracks the earliest notAfter;
 * in lenient mode a certificate outside its window only sets *expired. */
static int check_validity(X509 *x, const wt_snp_in *in, wt_snp_out *o, const char *role)
{
    int64_t nb, na;
    if (!asn1_time_unix(X509_get0_notBefore(x), &nb) || !asn1_time_unix(X509_get0_notAfter(x), &na)) {
        o->check = WT_SNP_CHECK_CHAIN;
        return wt_error(WETEE_ERR_DECODE, MOD ": snp %s certificate: bad validity time", role);
    }
    if (o->earliest == 0 || na < o->earliest) o->earliest = na;
    if (in->time >= nb && in->time <= na) return WETEE_OK;
    o->expired = 1;
    if (in->lenient_time) return WETEE_OK;
    o->check = WT_SNP_CHECK_EXPIRED;
    if (in->time < nb)
        return wt_error(WETEE_ERR_VERIFY, MOD ": snp %s certificate: not yet valid at %lld (valid from %lld)", role,
                        (long long)in->time, (long long)nb);
    return wt_error(WETEE_ERR_VERIFY, MOD ": snp %s certificate: expired at %lld (valid until %lld)", role,
                    (long long)in->time, (long long)na);
}

/* Exactly one CN; 1 when it equals `want`. */
static int cn_is(X509_NAME *name, const char *want)
{
    int i = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (i < 0 || X509_NAME_get_index_by_NID(name, NID_commonName, i) >= 0) return 0;
    const ASN1_STRING *s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
    size_t n = strlen(want);
    return s != NULL && (size_t)ASN1_STRING_length(s) == n && memcmp(ASN1_STRING_get0_data(s), want, n) == 0;
}

static int algor_is_sha384(const X509_ALGOR *a)
{
    const ASN1_OBJECT *oid;
    int ptype;
    const void *pval;
    if (a == NULL) return 0;
    X509_ALGOR_get0(&oid, &ptype, &pval, a);
    return OBJ_obj2nid(oid) == NID_sha384 && (ptype == V_ASN1_UNDEF || ptype == V_ASN1_NULL);
}

/* RSASSA-PSS with SHA-384, MGF1-SHA-384, salt 48, trailer 1. */
static int sigalg_is_pss384(const X509_ALGOR *alg)
{
    const ASN1_OBJECT *oid;
    int ptype, ok = 0;
    const void *pval;
    X509_ALGOR_get0(&oid, &ptype, &pval, alg);
    if (OBJ_obj2nid(oid) != NID_rsassaPss || ptype != V_ASN1_SEQUENCE) return 0;
    const ASN1_STRING *seq = pval;
    const unsigned char *p = ASN1_STRING_get0_data(seq);
    RSA_PSS_PARAMS *pss = d2i_RSA_PSS_PARAMS(NULL, &p, ASN1_STRING_length(seq));
    if (pss == NULL) {
        ERR_clear_error();
        return 0;
    }
    if (algor_is_sha384(pss->hashAlgorithm) && pss->maskGenAlgorithm != NULL && pss->saltLength != NULL &&
        ASN1_INTEGER_get(pss->saltLength) == 48 && (pss->trailerField == NULL || ASN1_INTEGER_get(pss->trailerField) == 1)) {
        X509_ALGOR_get0(&oid, &ptype, &pval, pss->maskGenAlgorithm);
        if (OBJ_obj2nid(oid) == NID_mgf1 && ptype == V_ASN1_SEQUENCE) {
            const ASN1_STRING *ms = pval;
            const unsigned char *mp = ASN1_STRING_get0_data(ms);
            X509_ALGOR *mh = d2i_X509_ALGOR(NULL, &mp, ASN1_STRING_length(ms));
            ok = algor_is_sha384(mh);
            X509_ALGOR_free(mh);
        }
    }
    RSA_PSS_PARAMS_free(pss);
    ERR_clear_error();
    return ok;
}

/* `x` is signed by `issuer` with RSA-PSS/SHA-384 and `issuer` named it. */
static int check_signed_by(X509 *x, X509 *issuer, const char *role, const char *issuer_role)
{
    const X509_ALGOR *alg;
    X509_get0_signature(NULL, &alg, x);
    if (!sigalg_is_pss384(alg))
        return wt_error(WETEE_ERR_VERIFY,
                        MOD ": snp %s certificate: signature algorithm is not RSASSA-PSS with SHA-384, MGF1-SHA-384, salt 48",
                        role);
    if (X509_NAME_cmp(X509_get_issuer_name(x), X509_get_subject_name(issuer)) != 0)
        return wt_error(WETEE_ERR_VERIFY, MOD ": snp %s certificate: issuer is not the %s", role, issuer_role);
    EVP_PKEY *k = X509_get0_pubkey(issuer);
    if (k == NULL || EVP_PKEY_get_base_id(k) != EVP_PKEY_RSA || EVP_PKEY_get_bits(k) < 2048) {
        ERR_clear_error();
        return wt_error(WETEE_ERR_VERIFY, MOD ": snp %s key is not RSA of at least 2048 bits", issuer_role);
    }
    uint8_t key[64];
    int keyed = link_key(key, x, issuer);
    if (keyed && cache_has_link(key)) return WETEE_OK;
    if (X509_verify(x, k) != 1) {
        ERR_clear_error();
        return wt_error(WETEE_ERR_VERIFY, MOD ": snp %s certificate: signature by the %s does not verify", role,
                        issuer_role);
    }
    if (keyed) cache_put_link(key);
    return WETEE_OK;
}

/* ---- leaf extensions (1.3.6.1.4.1.3704.1.*) ---- */

static const uint8_t AMD_OID_PREFIX[] = { 0x2b, 0x06, 0x01, 0x04, 0x01, 0x9c, 0x78, 0x01 };

typedef struct leaf_ext {
    int spl[10];          /* .3.1 .. .3.9 (index 1..9); -1 when absent */
    const uint8_t *hwid;  /* .4 contents */
    size_t hwid_len;
    const uint8_t *product; /* .2 IA5String contents */
    size_t product_len;
} leaf_ext;

/* A small DER INTEGER 0..255 (minimal encoding). */
static int spl_value(const uint8_t *p, size_t n)
{
    if (n == 3 && p[0] == 0x02 && p[1] == 1 && p[2] < 0x80) return p[2];
    if (n == 4 && p[0] == 0x02 && p[1] == 2 && p[2] == 0 && p[3] >= 0x80) return p[3];
    return -1;
}

static int leaf_extensions(leaf_ext *e, X509 *leaf)
{
    unsigned seen = 0; /* bit per extension, to refuse duplicates */
    for (int i = 0; i < 10; i++) e->spl[i] = -1;
    e->hwid = e->product = NULL;
    e->hwid_len = e->product_len = 0;
    int count = X509_get_ext_count(leaf);
    for (int i = 0; i < count; i++) {
        X509_EXTENSION *ext = X509_get_ext(leaf, i);
        const ASN1_OBJECT *obj = X509_EXTENSION_get_object(ext);
        const unsigned char *od = OBJ_get0_data(obj);
        size_t ol = OBJ_length(obj);
        if (od == NULL || ol <= sizeof AMD_OID_PREFIX || memcmp(od, AMD_OID_PREFIX, sizeof AMD_OID_PREFIX) != 0) continue;
        const uint8_t *sfx = od + sizeof AMD_OID_PREFIX;
        size_t sl = ol - sizeof AMD_OID_PREFIX;
        const ASN1_OCTET_STRING *v = X509_EXTENSION_get_data(ext);
        const uint8_t *vp = ASN1_STRING_get0_data(v);
        size_t vl = (size_t)ASN1_STRING_length(v);
        unsigned bit;
        if (sl == 2 && sfx[0] == 3 && sfx[1] >= 1 && sfx[1] <= 9) {
            bit = sfx[1];
            int s = spl_value(vp, vl);
            if (s < 0)
                return wt_error(WETEE_ERR_VERIFY, MOD ": snp leaf certificate: extension 1.3.6.1.4.1.3704.1.3.%u is not an SPL 0..255",
                                sfx[1]);
            e->spl[sfx[1]] = s;
        } else if (sl == 1 && sfx[0] == 4) {
            bit = 10;
            e->hwid = vp;
            e->hwid_len = vl;
            if ((vl == 66 && vp[0] == 0x04 && vp[1] == 64) || (vl == 10 && vp[0] == 0x04 && vp[1] == 8)) {
                e->hwid += 2; /* wrapped in an OCTET STRING */
                e->hwid_len -= 2;
            }
        } else if (sl == 1 && sfx[0] == 2) {
            bit = 11;
            if (vl < 2 || vp[0] != 0x16 || vp[1] != vl - 2)
                return wt_error(WETEE_ERR_VERIFY, MOD ": snp leaf certificate: productName is not an IA5String");
            e->product = vp + 2;
            e->product_len = vl - 2;
        } else {
            continue;
        }
        if (seen & (1u << bit)) return wt_error(WETEE_ERR_VERIFY, MOD ": snp leaf certificate: AMD extension repeated");
        seen |= 1u << bit;
    }
    return WETEE_OK;
}

static wetee_snp_product product_from_name(const uint8_t *p, size_t n)
{
    static const char *const names[] = { NULL, "Milan", "Genoa", "Turin" };
    for (int i = 1; i <= 3; i++) {
        size_t l = strlen(names[i]);
        if (n >= l && memcmp(p, names[i], l) == 0 && (n == l || p[l] == '-')) return (wetee_snp_product)i;
    }
    return WETEE_SNP_PRODUCT_UNKNOWN;
}

static int check_spl(const leaf_ext *e, unsigned idx, unsigned want, const char *name)
{
    if (e->spl[idx] < 0)
        return wt_error(WETEE_ERR_VERIFY, MOD ": snp leaf certificate: %s SPL extension (1.3.6.1.4.1.3704.1.3.%u) missing",
                        name, idx);
    if ((unsigned)e->spl[idx] != want)
        return wt_error(WETEE_ERR_VERIFY,
                        MOD ": snp leaf certificate: TCB extension mismatch: %s SPL %d in the certificate, %u in REPORTED_TCB",
                        name, e->spl[idx], want);
    return WETEE_OK;
}

/* ---- report signature ---- */

static int verify_report_signature(const uint8_t *report, X509 *leaf)
{
    EVP_PKEY *k = X509_get0_pubkey(leaf);
    char group[32] = "";
    int rc = WETEE_OK;
    if (k == NULL || EVP_PKEY_get_base_id(k) != EVP_PKEY_EC ||
        !EVP_PKEY_get_group_name(k, group, sizeof group, NULL) || strcmp(group, "secp384r1") != 0) {
        ERR_clear_error();
        return wt_error(WETEE_ERR_VERIFY, MOD ": snp leaf certificate: key is not EC P-384");
    }
    const uint8_t *r = report + 0x2a0, *s = report + 0x2e8;
    for (size_t i = 48; i < 72; i++)
        if (r[i] != 0 || s[i] != 0)
            return wt_error(WETEE_ERR_VERIFY, MOD ": snp report at offset 0x2a0: signature does not verify (R or S above 48 bytes)");
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *br = BN_lebin2bn(r, 48, NULL), *bs = BN_lebin2bn(s, 48, NULL);
    unsigned char *der = NULL;
    int dl = -1;
    if (sig != NULL && br != NULL && bs != NULL && ECDSA_SIG_set0(sig, br, bs)) {
        br = bs = NULL;
        dl = i2d_ECDSA_SIG(sig, &der);
    }
    BN_free(br);
    BN_free(bs);
    ECDSA_SIG_free(sig);
    if (dl <= 0) {
        ERR_clear_error();
        return wt_error(WETEE_ERR_NO_MEMORY, MOD ": snp report signature: out of memory");
    }
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (ctx == NULL || EVP_DigestVerifyInit(ctx, NULL, EVP_sha384(), NULL, k) != 1) {
        rc = wt_error(WETEE_ERR_CRYPTO, MOD ": snp report signature: OpenSSL could not set up ECDSA");
    } else if (EVP_DigestVerify(ctx, der, (size_t)dl, report, WETEE_SNP_SIGNED_BYTES) != 1) {
        rc = wt_error(WETEE_ERR_VERIFY, MOD ": snp report at offset 0x2a0: signature does not verify with the leaf key");
    }
    ERR_clear_error();
    EVP_MD_CTX_free(ctx);
    OPENSSL_free(der);
    return rc;
}

/* ---- CRL ---- */

static int check_crl(X509_CRL *crl, X509 *ark, X509 *ask, const wt_snp_in *in, wt_snp_out *o)
{
    int64_t tu, nu;
    X509_REVOKED *rev = NULL;
    int rc = WETEE_OK;
    o->check = WT_SNP_CHECK_CRL;
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_subject_name(ark)) != 0)
        rc = wt_error(WETEE_ERR_VERIFY, MOD ": snp CRL: issuer is not the ARK");
    else if (X509_CRL_verify(crl, X509_get0_pubkey(ark)) != 1)
        rc = wt_error(WETEE_ERR_VERIFY, MOD ": snp CRL: signature by the ARK does not verify");
    else if (!asn1_time_unix(X509_CRL_get0_lastUpdate(crl), &tu))
        rc = wt_error(WETEE_ERR_DECODE, MOD ": snp CRL: bad thisUpdate");
    else if (X509_CRL_get0_nextUpdate(crl) != NULL && !asn1_time_unix(X509_CRL_get0_nextUpdate(crl), &nu))
        rc = wt_error(WETEE_ERR_DECODE, MOD ": snp CRL: bad nextUpdate");
    else if (X509_CRL_get0_by_serial(crl, &rev, X509_get0_serialNumber(ask)) == 1) {
        o->check = WT_SNP_CHECK_REVOKED;
        rc = wt_error(WETEE_ERR_VERIFY, MOD ": snp CRL: the ASK/ASVK certificate is revoked");
    } else {
        int has_next = X509_CRL_get0_nextUpdate(crl) != NULL;
        if (has_next && (o->earliest == 0 || nu < o->earliest)) o->earliest = nu;
        if (in->time < tu || (has_next && in->time > nu)) {
            o->expired = 1;
            if (!in->lenient_time) {
                o->check = WT_SNP_CHECK_EXPIRED;
                rc = in->time < tu ? wt_error(WETEE_ERR_VERIFY, MOD ": snp CRL: not yet valid at %lld (thisUpdate %lld)",
                                              (long long)in->time, (long long)tu)
                                   : wt_error(WETEE_ERR_VERIFY, MOD ": snp CRL: expired at %lld (nextUpdate %lld)",
                                              (long long)in->time, (long long)nu);
            }
        }
    }
    ERR_clear_error();
    return rc;
}

/* ---- the whole verification ---- */

/* The chain's ARK is the caller's anchor, or AMD's pinned root. */
static int ark_trusted(X509 *ark, wetee_snp_product product, X509 *anchor)
{
    if (anchor != NULL) return X509_cmp(ark, anchor) == 0;
    unsigned char *der = NULL;
    int dl = i2d_X509(ark, &der), ok = 0;
    if (dl > 0 && product >= WETEE_SNP_PRODUCT_MILAN && product <= WETEE_SNP_PRODUCT_TURIN) {
        uint8_t h[32];
        unsigned hl = 0;
        ok = EVP_Digest(der, (size_t)dl, h, &hl, EVP_sha256(), NULL) == 1 && hl == 32 &&
             memcmp(h, ARK_SHA256[product], 32) == 0;
    }
    OPENSSL_free(der);
    ERR_clear_error();
    return ok;
}

#define FAIL(chk, ...) do { o->check = (chk); return wt_error(__VA_ARGS__); } while (0)

static int verify_core(const uint8_t *report, size_t len, const wt_snp_in *in, wt_snp_out *o)
{
    wetee_snp_report *rep = &o->rep;
    int rc;
    o->check = WT_SNP_CHECK_PARSE;
    if (len != WETEE_SNP_REPORT_BYTES) return wt_snp_parse(rep, report, len, WETEE_SNP_PRODUCT_UNKNOWN);
    /* 1. the signature over the raw bytes, before any field is interpreted */
    o->check = WT_SNP_CHECK_SIGNATURE;
    if ((rc = verify_report_signature(report, in->leaf)) != WETEE_OK) return rc;
    /* 2. the fields */
    o->check = WT_SNP_CHECK_PARSE;
    if ((rc = wt_snp_parse(rep, report, len, in->product)) != WETEE_OK) return rc;
    /* 3. the key type */
    if (rep->signing_key == WETEE_SNP_KEY_NONE)
        FAIL(WT_SNP_CHECK_TCB, WETEE_ERR_VERIFY, MOD ": snp report at offset 0x048: SIGNING_KEY 7: the report is not signed");
    int vlek = rep->signing_key == WETEE_SNP_KEY_VLEK;
    if (!cn_is(X509_get_subject_name(in->leaf), vlek ? "SEV-VLEK" : "SEV-VCEK"))
        FAIL(WT_SNP_CHECK_TCB, WETEE_ERR_VERIFY,
             MOD ": snp leaf certificate: SIGNING_KEY %u names a %s, but the certificate's CN is not %s",
             rep->signing_key, vlek ? "VLEK" : "VCEK", vlek ? "SEV-VLEK" : "SEV-VCEK");
    leaf_ext ext;
    o->check = WT_SNP_CHECK_TCB;
    if ((rc = leaf_extensions(&ext, in->leaf)) != WETEE_OK) return rc;
    /* 4. the product */
    wetee_snp_product product = in->product;
    if (product == WETEE_SNP_PRODUCT_UNKNOWN) product = rep->product;
    if (product == WETEE_SNP_PRODUCT_UNKNOWN && ext.product != NULL) product = product_from_name(ext.product, ext.product_len);
    if (product == WETEE_SNP_PRODUCT_UNKNOWN)
        FAIL(WT_SNP_CHECK_TCB, WETEE_ERR_VERIFY,
             MOD ": snp report: product unknown (no CPUID in the report, no productName in the leaf, none given)");
    if (rep->product != WETEE_SNP_PRODUCT_UNKNOWN && rep->product != product)
        FAIL(WT_SNP_CHECK_TCB, WETEE_ERR_VERIFY, MOD ": snp report: CPUID names %s, expected %s",
             wetee_snp_product_name(rep->product), wetee_snp_product_name(product));
    if (ext.product != NULL && product_from_name(ext.product, ext.product_len) != product)
        FAIL(WT_SNP_CHECK_TCB, WETEE_ERR_VERIFY, MOD ": snp leaf certificate: productName \"%.*s\" is not a %s part",
             (int)(ext.product_len > 32 ? 32 : ext.product_len), (const char *)ext.product,
             wetee_snp_product_name(product));
    if (rep->product == WETEE_SNP_PRODUCT_UNKNOWN && product == WETEE_SNP_PRODUCT_TURIN)
        (void)wt_snp_parse(rep, report, len, product); /* Turin TCB layout */
    /* 5. the chain */
    X509 *anchor = in->anchors != NULL ? in->anchors[product] : NULL;
    X509 *ark = NULL, *ask = NULL;
    for (size_t i = 0; i < in->nchain; i++) {
        int self = X509_NAME_cmp(X509_get_subject_name(in->chain[i]), X509_get_issuer_name(in->chain[i])) == 0;
        if (self && ark == NULL)
            ark = in->chain[i];
        else if (!self && ask == NULL)
            ask = in->chain[i];
    }
    if (ark == NULL) ark = anchor;
    if (ark == NULL || ask == NULL)
        FAIL(WT_SNP_CHECK_CHAIN, WETEE_ERR_VERIFY, MOD ": snp certificate chain: needs the %s and the ARK",
             vlek ? "ASVK" : "ASK");
    if (!ark_trusted(ark, product, anchor))
        FAIL(WT_SNP_CHECK_ROOT, WETEE_ERR_VERIFY, MOD ": snp ARK: not the %s for %s (untrusted root)",
             anchor ? "caller's trust anchor" : "pinned AMD root key", wetee_snp_product_name(product));
    char cn[32];
    snprintf(cn, sizeof cn, "ARK-%s", wetee_snp_product_name(product));
    if (anchor == NULL && !cn_is(X509_get_subject_name(ark), cn))
        FAIL(WT_SNP_CHECK_CHAIN, WETEE_ERR_VERIFY, MOD ": snp ARK: CN is not %s", cn);
    o->check = WT_SNP_CHECK_CHAIN;
    if ((rc = check_signed_by(ark, ark, "ARK", "ARK")) != WETEE_OK) return rc;
    if ((rc = check_validity(ark, in, o, "ARK")) != WETEE_OK) return rc;
    snprintf(cn, sizeof cn, vlek ? "SEV-VLEK-%s" : "SEV-%s", wetee_snp_product_name(product));
    if (!cn_is(X509_get_subject_name(ask), cn))
        FAIL(WT_SNP_CHECK_CHAIN, WETEE_ERR_VERIFY, MOD ": snp %s: CN is not %s", vlek ? "ASVK" : "ASK", cn);
    o->check = WT_SNP_CHECK_CHAIN;
    if ((rc = check_signed_by(ask, ark, vlek ? "ASVK" : "ASK", "ARK")) != WETEE_OK) return rc;
    if ((rc = check_validity(ask, in, o, vlek ? "ASVK" : "ASK")) != WETEE_OK) return rc;
    o->check = WT_SNP_CHECK_CHAIN;
    if ((rc = check_signed_by(in->leaf, ask, vlek ? "VLEK" : "VCEK", vlek ? "ASVK" : "ASK")) != WETEE_OK) return rc;
    if ((rc = check_validity(in->leaf, in, o, vlek ? "VLEK" : "VCEK")) != WETEE_OK) return rc;
    /* 6. leaf extensions against the report */
    const wetee_snp_tcb *tcb = &rep->reported_tcb;
    o->check = WT_SNP_CHECK_TCB;
    if ((rc = check_spl(&ext, 1, tcb->bootloader, "BL")) != WETEE_OK) return rc;
    if ((rc = check_spl(&ext, 2, tcb->tee, "TEE")) != WETEE_OK) return rc;
    if ((rc = check_spl(&ext, 3, tcb->snp, "SNP")) != WETEE_OK) return rc;
    if ((rc = check_spl(&ext, 8, tcb->microcode, "uCode")) != WETEE_OK) return rc;
    if (product == WETEE_SNP_PRODUCT_TURIN && (rc = check_spl(&ext, 9, tcb->fmc, "FMC")) != WETEE_OK) return rc;
    if (!vlek && !rep->mask_chip_key) {
        size_t want = product == WETEE_SNP_PRODUCT_TURIN ? 8 : 64;
        if (ext.hwid == NULL)
            FAIL(WT_SNP_CHECK_TCB, WETEE_ERR_VERIFY, MOD ": snp VCEK certificate: hwID extension missing");
        if (ext.hwid_len != want || memcmp(ext.hwid, rep->chip_id, want) != 0)
            FAIL(WT_SNP_CHECK_TCB, WETEE_ERR_VERIFY,
                 MOD ": snp VCEK certificate: hwID does not equal the report's CHIP_ID (chip id mismatch)");
    }
    /* 7. the CRL */
    if (in->crl != NULL && (rc = check_crl(in->crl, ark, ask, in, o)) != WETEE_OK) return rc;
    rep->product = product;
    o->check = WT_SNP_CHECK_NONE;
    return WETEE_OK;
}

int wt_snp_verify_x509(const uint8_t *report, size_t len, const wt_snp_in *in, wt_snp_out *o)
{
    memset(o, 0, sizeof *o);
    int rc = verify_core(report, len, in, o);
    ERR_clear_error();
    if (rc != WETEE_OK) {
        int check = o->check, expired = o->expired;
        int64_t earliest = o->earliest;
        memset(&o->rep, 0, sizeof o->rep);
        o->check = check == WT_SNP_CHECK_NONE ? WT_SNP_CHECK_PARSE : check;
        o->expired = expired;
        o->earliest = earliest;
    }
    return rc;
}

int wetee_snp_verify(wetee_snp_report *out, const uint8_t *report, size_t report_len, const uint8_t *leaf,
                     size_t leaf_len, const uint8_t *chain, size_t chain_len, const wetee_snp_verify_opts *opts)
{
    if (out != NULL) memset(out, 0, sizeof *out);
    WT_ARG_DATA(report, report_len, MOD);
    WT_ARG_DATA(leaf, leaf_len, MOD);
    WT_ARG_DATA(chain, chain_len, MOD);
    WT_ARG(opts != NULL, MOD, "opts is NULL");
    WT_ARG(opts->version == WETEE_SNP_VERIFY_OPTS_VERSION, MOD, "unknown wetee_snp_verify_opts version");
    WT_ARG(opts->time != 0, MOD, "opts->time (the verification time) is not set");
    WT_ARG(opts->product >= WETEE_SNP_PRODUCT_UNKNOWN && opts->product <= WETEE_SNP_PRODUCT_TURIN, MOD,
           "unknown opts->product");
    WT_ARG_DATA(opts->ark, opts->ark_len, MOD);
    WT_ARG_DATA(opts->crl, opts->crl_len, MOD);

    wetee_snp_report rep;
    X509 *lf[1] = { NULL }, *ch[3] = { NULL, NULL, NULL }, *anchor[1] = { NULL };
    X509_CRL *crl = NULL;
    size_t nl = 0, nc = 0, na = 0;
    wt_snp_out res;
    int rc;

    if (report_len != WETEE_SNP_REPORT_BYTES) return wt_snp_parse(&rep, report, report_len, WETEE_SNP_PRODUCT_UNKNOWN);
    if (leaf_len > WETEE_SNP_MAX_DER_BYTES)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": snp leaf certificate: %zu bytes, more than %d", leaf_len,
                        WETEE_SNP_MAX_DER_BYTES);
    if ((rc = load_certs(lf, 1, &nl, leaf, leaf_len, "snp leaf certificate")) != WETEE_OK) return rc;
    if ((rc = load_certs(ch, 3, &nc, chain, chain_len, "snp certificate chain")) != WETEE_OK) goto done;
    if (opts->ark != NULL && (rc = load_certs(anchor, 1, &na, opts->ark, opts->ark_len, "snp trust anchor")) != WETEE_OK)
        goto done;
    if (opts->crl != NULL && (rc = load_crl(&crl, opts->crl, opts->crl_len)) != WETEE_OK) goto done;
    {
        X509 *anchors[4] = { anchor[0], anchor[0], anchor[0], anchor[0] };
        wt_snp_in in = { lf[0], ch, nc, anchors, crl, opts->time, opts->product, 0 };
        rc = wt_snp_verify_x509(report, report_len, &in, &res);
        if (rc == WETEE_OK && out != NULL) *out = res.rep;
    }
done:
    ERR_clear_error();
    X509_free(lf[0]);
    for (size_t i = 0; i < nc; i++) X509_free(ch[i]);
    X509_free(anchor[0]);
    X509_CRL_free(crl);
    return rc;
}
