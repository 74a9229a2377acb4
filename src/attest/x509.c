/* Bounded loaders for untrusted certificates and CRLs: the size and the
 * ASN.1 nesting depth are checked here before any OpenSSL parser sees the
 * bytes; PEM is split and base64-decoded here too (no OpenSSL PEM reader on
 * untrusted input). */
#define _GNU_SOURCE /* timegm */
#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include <openssl/x509.h>

#include "internal/attest.h"
#include "wetee/hash.h"

/* Walk one DER TLV tree: definite lengths only, every length inside its
 * parent, constructed values nested at most `depth_left` deep. Returns the
 * length of the TLV at `p` or 0 on error. */
static size_t der_walk(const uint8_t *p, size_t avail, unsigned depth_left)
{
    size_t pos = 0, len = 0, hdr;
    uint8_t tag;
    if (avail < 2) return 0;
    tag = p[pos++];
    if ((tag & 0x1f) == 0x1f) { /* high tag number: at most 4 bytes */
        unsigned n = 0;
        while (pos < avail && (p[pos] & 0x80)) { pos++; if (++n > 3) return 0; }
        if (pos >= avail) return 0;
        pos++;
    }
    if (pos >= avail) return 0;
    if (p[pos] & 0x80) {
        unsigned n = p[pos++] & 0x7f;
        if (n == 0 || n > 4) return 0; /* indefinite or absurd */
        if (pos + n > avail) return 0;
        while (n--) len = (len << 8) | p[pos++];
    } else {
        len = p[pos++];
    }
    hdr = pos;
    if (len > avail - hdr) return 0;
    if (tag & 0x20) { /* constructed */
        size_t off = 0;
        if (depth_left == 0) return 0;
        while (off < len) {
            size_t n = der_walk(p + hdr + off, len - off, depth_left - 1);
            if (n == 0) return 0;
            off += n;
        }
    }
    return hdr + len;
}

int wt_der_check(const uint8_t *der, size_t len, size_t max_len, unsigned max_depth)
{
    if (len == 0 || len > max_len) return -1;
    return der_walk(der, len, max_depth) == len ? 0 : -1;
}

/* Find the next PEM block of `label`: the base64 body is decoded into
 * `out`. Returns 1 found, 0 none left, negative error. *pos advances. */
static int pem_next(wetee_buf *out, const uint8_t *data, size_t len, size_t *pos, const char *label,
                    const char *what)
{
    char begin[64], end[64];
    size_t bl, el, i, start, stop;
    const uint8_t *b = NULL, *e = NULL;
    wetee_buf clean = WETEE_BUF_INIT;
    int rc;
    bl = (size_t)snprintf(begin, sizeof begin, "-----BEGIN %s-----", label);
    el = (size_t)snprintf(end, sizeof end, "-----END %s-----", label);
    for (i = *pos; i + bl <= len; i++)
        if (data[i] == '-' && memcmp(data + i, begin, bl) == 0) { b = data + i; break; }
    if (b == NULL) { *pos = len; return 0; }
    start = (size_t)(b - data) + bl;
    for (i = start; i + el <= len; i++)
        if (data[i] == '-' && memcmp(data + i, end, el) == 0) { e = data + i; break; }
    if (e == NULL)
        return wt_error(WETEE_ERR_DECODE, "attest: %s: PEM block at offset %zu has no END line", what,
                        (size_t)(b - data));
    stop = (size_t)(e - data);
    if (stop - start > 4 * WT_ATTEST_MAX_CRL_DER / 3 + 4096)
        return wt_error(WETEE_ERR_TOO_LONG, "attest: %s: PEM block at offset %zu too large", what,
                        (size_t)(b - data));
    if ((rc = wetee_buf_reserve(&clean, stop - start)) != WETEE_OK) return rc;
    for (i = start; i < stop; i++) {
        uint8_t c = data[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        clean.data[clean.len++] = c;
    }
    rc = wetee_base64_decode(out, (const char *)clean.data, clean.len, 0);
    wetee_buf_free(&clean);
    if (rc != WETEE_OK)
        return wt_error(WETEE_ERR_DECODE, "attest: %s: PEM block at offset %zu: bad base64", what,
                        (size_t)(b - data));
    *pos = stop + el;
    return 1;
}

static int looks_pem(const uint8_t *data, size_t len)
{
    size_t i;
    for (i = 0; i + 11 <= len && i < 4096; i++)
        if (data[i] == '-' && memcmp(data + i, "-----BEGIN ", 11) == 0) return 1;
    return 0;
}

/* Decoded certificates, process-wide, by the SHA-256 of their DER: decoding
 * one with OpenSSL 3.0 costs about as much as verifying its signature, and
 * the same few Intel certificates come with every collateral bundle and
 * quote. Only decoding is saved: every signature, name, validity and CRL
 * check is still made by the verification. X509 objects are reference
 * counted and not modified after decoding. */
#define CERT_CACHE 32
static struct {
    uint8_t h[32];
    X509 *x;
} cert_cache[CERT_CACHE];
static unsigned cert_cache_next;
static pthread_mutex_t cert_cache_lock = PTHREAD_MUTEX_INITIALIZER;

static int cert_from_der(X509 **out, const uint8_t *der, size_t len, const char *what, unsigned index)
{
    const uint8_t *p = der;
    uint8_t h[32];
    X509 *x, *dead = NULL;
    unsigned i;
    if (wt_der_check(der, len, WT_ATTEST_MAX_CERT_DER, WT_ATTEST_MAX_DER_DEPTH) != 0)
        return wt_error(WETEE_ERR_DECODE,
                        "attest: %s: certificate %u: not one DER value of at most %u bytes and depth %u", what,
                        index, WT_ATTEST_MAX_CERT_DER, WT_ATTEST_MAX_DER_DEPTH);
    if (wetee_hash_sha256(h, der, len) == WETEE_OK) {
        pthread_mutex_lock(&cert_cache_lock);
        for (i = 0; i < CERT_CACHE; i++)
            if (cert_cache[i].x != NULL && memcmp(cert_cache[i].h, h, 32) == 0 && X509_up_ref(cert_cache[i].x) == 1) {
                *out = cert_cache[i].x;
                pthread_mutex_unlock(&cert_cache_lock);
                return WETEE_OK;
            }
        pthread_mutex_unlock(&cert_cache_lock);
    } else {
        memset(h, 0, sizeof h);
    }
    x = d2i_X509(NULL, &p, (long)len);
    if (x == NULL || p != der + len) {
        X509_free(x);
        return wt_error(WETEE_ERR_DECODE, "attest: %s: certificate %u: not an X.509 certificate", what, index);
    }
    if (X509_up_ref(x) == 1) {
        pthread_mutex_lock(&cert_cache_lock);
        dead = cert_cache[cert_cache_next].x;
        memcpy(cert_cache[cert_cache_next].h, h, 32);
        cert_cache[cert_cache_next].x = x;
        cert_cache_next = (cert_cache_next + 1) % CERT_CACHE;
        pthread_mutex_unlock(&cert_cache_lock);
        X509_free(dead);
    }
    *out = x;
    return WETEE_OK;
}

int wt_load_cert(X509 **out, const uint8_t *data, size_t len, const char *what)
{
    *out = NULL;
    if (len > WETEE_ATTEST_MAX_COLLATERAL_ITEM)
        return wt_error(WETEE_ERR_TOO_LONG, "attest: %s: %zu bytes is above the limit", what, len);
    if (looks_pem(data, len)) {
        wetee_buf der = WETEE_BUF_INIT;
        size_t pos = 0;
        int rc = pem_next(&der, data, len, &pos, "CERTIFICATE", what);
        if (rc == 0) rc = wt_error(WETEE_ERR_DECODE, "attest: %s: no PEM certificate", what);
        if (rc == 1) rc = cert_from_der(out, der.data, der.len, what, 0);
        wetee_buf_free(&der);
        return rc;
    }
    return cert_from_der(out, data, len, what, 0);
}

int wt_load_chain(STACK_OF(X509) **out, const uint8_t *data, size_t len, const char *what)
{
    STACK_OF(X509) *sk;
    wetee_buf der = WETEE_BUF_INIT;
    size_t pos = 0;
    unsigned n = 0;
    int rc;
    *out = NULL;
    if (len > WETEE_ATTEST_MAX_COLLATERAL_ITEM)
        return wt_error(WETEE_ERR_TOO_LONG, "attest: %s: %zu bytes is above the limit", what, len);
    if ((sk = sk_X509_new_null()) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: %s: out of memory", what);
    for (;;) {
        X509 *x = NULL;
        rc = pem_next(&der, data, len, &pos, "CERTIFICATE", what);
        if (rc < 0) goto fail;
        if (rc == 0) break;
        if (n == WT_ATTEST_MAX_CHAIN_CERTS) {
            rc = wt_error(WETEE_ERR_TOO_LONG, "attest: %s: more than %u certificates", what,
                          WT_ATTEST_MAX_CHAIN_CERTS);
            goto fail;
        }
        if ((rc = cert_from_der(&x, der.data, der.len, what, n)) != WETEE_OK) goto fail;
        if (!sk_X509_push(sk, x)) {
            X509_free(x);
            rc = wt_error(WETEE_ERR_NO_MEMORY, "attest: %s: out of memory", what);
            goto fail;
        }
        n++;
    }
    if (n == 0) {
        rc = wt_error(WETEE_ERR_DECODE, "attest: %s: no PEM certificate", what);
        goto fail;
    }
    wetee_buf_free(&der);
    *out = sk;
    return WETEE_OK;
fail:
    wetee_buf_free(&der);
    sk_X509_pop_free(sk, X509_free);
    return rc;
}

static int is_hex_text(const uint8_t *d, size_t len)
{
    size_t i, n = 0;
    for (i = 0; i < len; i++) {
        if (isxdigit(d[i])) n++;
        else if (!(d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t')) return 0;
    }
    return n > 0;
}

int wt_load_crl(X509_CRL **out, const uint8_t *data, size_t len, const char *what)
{
    wetee_buf der = WETEE_BUF_INIT;
    const uint8_t *p;
    X509_CRL *crl;
    int rc;
    *out = NULL;
    if (len > WETEE_ATTEST_MAX_COLLATERAL_ITEM)
        return wt_error(WETEE_ERR_TOO_LONG, "attest: %s: %zu bytes is above the limit", what, len);
    if (looks_pem(data, len)) {
        size_t pos = 0;
        rc = pem_next(&der, data, len, &pos, "X509 CRL", what);
        if (rc == 0) rc = wt_error(WETEE_ERR_DECODE, "attest: %s: no PEM CRL", what);
        if (rc < 0) goto done;
    } else if (len > 0 && data[0] != 0x30 && is_hex_text(data, len)) {
        size_t i, l = len;
        while (l > 0 && (data[l - 1] == '\n' || data[l - 1] == '\r' || data[l - 1] == ' ')) l--;
        for (i = 0; i < l; i++)
            if (!isxdigit(data[i])) break;
        if (i != l) { rc = wt_error(WETEE_ERR_DECODE, "attest: %s: bad hex at offset %zu", what, i); goto done; }
        if ((rc = wetee_hex_decode(&der, (const char *)data, l)) != WETEE_OK) goto done;
    } else {
        if ((rc = wetee_buf_append(&der, data, len)) != WETEE_OK) goto done;
    }
    if (wt_der_check(der.data, der.len, WT_ATTEST_MAX_CRL_DER, WT_ATTEST_MAX_DER_DEPTH) != 0) {
        rc = wt_error(WETEE_ERR_DECODE, "attest: %s: not one DER value of at most %u bytes and depth %u", what,
                      WT_ATTEST_MAX_CRL_DER, WT_ATTEST_MAX_DER_DEPTH);
        goto done;
    }
    p = der.data;
    crl = d2i_X509_CRL(NULL, &p, (long)der.len);
    if (crl == NULL || p != der.data + der.len) {
        X509_CRL_free(crl);
        rc = wt_error(WETEE_ERR_DECODE, "attest: %s: not an X.509 CRL", what);
        goto done;
    }
    *out = crl;
    rc = WETEE_OK;
done:
    wetee_buf_free(&der);
    return rc;
}

int wt_asn1_time_unix(const ASN1_TIME *t, uint64_t *out)
{
    struct tm tm;
    time_t v;
    if (t == NULL || !ASN1_TIME_to_tm(t, &tm)) return -1;
    v = timegm(&tm);
    if (v < 0) return -1;
    *out = (uint64_t)v;
    return 0;
}
