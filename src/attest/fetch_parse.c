/* Pure parsers of the collateral fetcher (include/wetee/attest_fetch.h):
 * response header lines with URL-encoded issuer chains, the expiry of a
 * fetched item, and the on-disk cache entry format. Built with or without
 * the network parts, so the fuzz target (fuzz/fuzz_attest_fetch.c) reaches
 * them in every build.
 *
 * Cache entry (one JSON object per file):
 *   {"v": 1, "url": "<the URL fetched>", "expires": <Unix seconds>,
 *    "body": "<hex>", "chain": "<issuer chain PEM>"}
 * An entry whose URL is not the one asked for is refused (a file renamed or
 * shared between configurations). */
#include <ctype.h>
#include <string.h>

#include <jansson.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "internal/attest_dcap.h"

#define MAX_HEADER_VALUE (64u * 1024u)

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int wt_fetch_url_decode(wetee_buf *out, const char *s, size_t n)
{
    size_t i, k = 0;
    uint8_t *d;
    wetee_buf_free(out);
    if (n > MAX_HEADER_VALUE)
        return wt_error(WETEE_ERR_TOO_LONG, "attest: fetch: URL-encoded value of %zu bytes is above %u", n,
                        MAX_HEADER_VALUE);
    if ((d = wt_malloc(n + 1)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    for (i = 0; i < n; i++) {
        int hi, lo;
        if (s[i] != '%') {
            d[k++] = (uint8_t)s[i];
            continue;
        }
        if (i + 2 >= n || (hi = hexval((unsigned char)s[i + 1])) < 0 || (lo = hexval((unsigned char)s[i + 2])) < 0) {
            wt_free(d);
            return wt_error(WETEE_ERR_DECODE, "attest: fetch: URL-encoded value: '%%' at offset %zu not followed by "
                            "two hex digits", i);
        }
        d[k++] = (uint8_t)(hi << 4 | lo);
        i += 2;
    }
    d[k] = 0;
    out->data = d;
    out->len = k;
    out->cap = n + 1;
    return WETEE_OK;
}

int wt_fetch_header_value(wetee_buf *value, const char *line, size_t len, const char *name)
{
    size_t n = strlen(name), i;
    if (len <= n || line[n] != ':') return 0;
    for (i = 0; i < n; i++)
        if (tolower((unsigned char)line[i]) != tolower((unsigned char)name[i])) return 0;
    i = n + 1;
    while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
    while (len > i && (line[len - 1] == '\r' || line[len - 1] == '\n' || line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    if (wt_fetch_url_decode(value, line + i, len - i) != WETEE_OK) return -1;
    return 1;
}

/* ---- expiry ---- */

static void take_min(uint64_t *m, uint64_t v)
{
    if (v != 0 && (*m == 0 || v < *m)) *m = v;
}

int wt_fetch_item_expiry(uint64_t *out, int kind, const uint8_t *data, size_t len)
{
    uint64_t t = 0;
    int rc;
    *out = 0;
    if (kind == 0) {
        X509_CRL *crl = NULL;
        const ASN1_TIME *nu;
        if ((rc = wt_load_crl(&crl, data, len, "fetched CRL")) != WETEE_OK) return rc;
        nu = X509_CRL_get0_nextUpdate(crl);
        if (nu == NULL || wt_asn1_time_unix(nu, &t) != 0) t = 0;
        X509_CRL_free(crl);
        if (t == 0) return wt_error(WETEE_ERR_DECODE, "attest: fetched CRL has no readable nextUpdate");
    } else if (kind == 1) {
        json_error_t e;
        json_t *root = json_loadb((const char *)data, len, JSON_REJECT_DUPLICATES, &e), *inner, *nu;
        inner = json_object_get(root, "tcbInfo");
        if (inner == NULL) inner = json_object_get(root, "enclaveIdentity");
        nu = json_object_get(inner, "nextUpdate");
        if (!json_is_string(nu) || wt_parse_iso8601(json_string_value(nu), &t) != 0) t = 0;
        json_decref(root);
        if (t == 0) return wt_error(WETEE_ERR_DECODE, "attest: fetched JSON has no readable nextUpdate");
    } else {
        STACK_OF(X509) *sk = NULL;
        X509 *one = NULL;
        int i;
        if (len > 0 && data[0] == 0x30) {
            if ((rc = wt_load_cert(&one, data, len, "fetched certificate")) != WETEE_OK) return rc;
            if (wt_asn1_time_unix(X509_get0_notAfter(one), &t) != 0) t = 0;
            X509_free(one);
        } else {
            if ((rc = wt_load_chain(&sk, data, len, "fetched certificates")) != WETEE_OK) return rc;
            for (i = 0; i < sk_X509_num(sk); i++) {
                uint64_t na = 0;
                if (wt_asn1_time_unix(X509_get0_notAfter(sk_X509_value(sk, i)), &na) == 0) take_min(&t, na);
            }
            sk_X509_pop_free(sk, X509_free);
        }
        if (t == 0) return wt_error(WETEE_ERR_DECODE, "attest: fetched certificates have no readable notAfter");
    }
    *out = t;
    return WETEE_OK;
}

/* ---- cache entries ---- */

void wt_fetch_entry_clear(wt_fetch_entry *e)
{
    wetee_buf_free(&e->body);
    wetee_buf_free(&e->chain);
    e->expires = 0;
}

int wt_fetch_entry_encode(wetee_buf *out, const char *url, const wt_fetch_entry *e)
{
    wetee_buf hex = WETEE_BUF_INIT;
    json_t *o;
    char *text;
    int rc;
    if ((rc = wetee_hex_encode(&hex, e->body.data, e->body.len, 0)) != WETEE_OK) return rc;
    o = json_pack("{s:i, s:s, s:I, s:s%, s:s%}", "v", 1, "url", url, "expires", (json_int_t)e->expires, "body",
                  (const char *)hex.data, hex.len, "chain", e->chain.len ? (const char *)e->chain.data : "",
                  e->chain.len);
    wetee_buf_free(&hex);
    if (o == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: fetch: cannot build a cache entry");
    text = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    if (text == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    wetee_buf_free(out);
    rc = wetee_buf_append(out, (const uint8_t *)text, strlen(text));
    wt_json_text_free(text);
    return rc;
}

int wt_fetch_entry_decode(wt_fetch_entry *e, const uint8_t *data, size_t len, const char *url)
{
    json_error_t err;
    json_t *o, *v, *u, *x, *b, *c;
    int rc = WETEE_ERR_DECODE;
    memset(e, 0, sizeof *e);
    if (len > 2u * WETEE_ATTEST_MAX_COLLATERAL_ITEM + MAX_HEADER_VALUE + 4096)
        return wt_error(WETEE_ERR_TOO_LONG, "attest: fetch cache entry of %zu bytes is too long", len);
    o = json_loadb((const char *)data, len, JSON_REJECT_DUPLICATES, &err);
    v = json_object_get(o, "v");
    u = json_object_get(o, "url");
    x = json_object_get(o, "expires");
    b = json_object_get(o, "body");
    c = json_object_get(o, "chain");
    if (!json_is_object(o) || !json_is_integer(v) || json_integer_value(v) != 1 || !json_is_string(u) ||
        !json_is_integer(x) || json_integer_value(x) <= 0 || !json_is_string(b) || !json_is_string(c)) {
        wt_error(WETEE_ERR_DECODE, "attest: fetch cache entry: not a version 1 entry");
        goto done;
    }
    if (url != NULL && strcmp(json_string_value(u), url) != 0) {
        wt_error(WETEE_ERR_DECODE, "attest: fetch cache entry: made for another URL");
        goto done;
    }
    if ((rc = wetee_hex_decode(&e->body, json_string_value(b), json_string_length(b))) != WETEE_OK) goto done;
    if (e->body.len == 0 || e->body.len > WETEE_ATTEST_MAX_COLLATERAL_ITEM) {
        rc = wt_error(WETEE_ERR_DECODE, "attest: fetch cache entry: body empty or too long");
        goto done;
    }
    if (json_string_length(c) > MAX_HEADER_VALUE) {
        rc = wt_error(WETEE_ERR_DECODE, "attest: fetch cache entry: issuer chain too long");
        goto done;
    }
    if (json_string_length(c) &&
        (rc = wetee_buf_append(&e->chain, (const uint8_t *)json_string_value(c), json_string_length(c))) != WETEE_OK)
        goto done;
    e->expires = (uint64_t)json_integer_value(x);
    rc = WETEE_OK;
done:
    json_decref(o);
    if (rc != WETEE_OK) wt_fetch_entry_clear(e);
    return rc;
}
