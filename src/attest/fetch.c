/* Collateral fetcher: Intel PCS v4 / PCCS and AMD KDS over libcurl, with an
 * in-memory and an on-disk cache (include/wetee/attest_fetch.h). The pure
 * parsers are in fetch_parse.c. Without WETEE_WITH_NETWORK every call but
 * the _free ones returns WETEE_ERR_UNSUPPORTED. */
#define _GNU_SOURCE /* mkstemp, fdopen */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal/attest_dcap.h"
#include "wetee/attest_snp.h"

#define MOD "attest"

#ifndef WETEE_WITH_NETWORK

static int no_net(void)
{
    return wt_error(WETEE_ERR_UNSUPPORTED, MOD ": fetch: this build has no network parts (WETEE_WITH_NETWORK off)");
}

WETEE_API int wetee_attest_fetcher_new(wetee_attest_fetcher **out, const wetee_attest_fetch_options *opts)
{
    (void)opts;
    if (out) *out = NULL;
    return no_net();
}
WETEE_API void wetee_attest_fetcher_free(wetee_attest_fetcher *f) { (void)f; }
WETEE_API uint64_t wetee_attest_fetcher_requests(const wetee_attest_fetcher *f)
{
    (void)f;
    return 0;
}
WETEE_API int wetee_attest_fetch_dcap(wetee_attest_collateral **out, wetee_attest_fetcher *f, int tee,
                                      const uint8_t fmspc[6], int ca, uint64_t time)
{
    (void)f, (void)tee, (void)fmspc, (void)ca, (void)time;
    if (out) *out = NULL;
    return no_net();
}
WETEE_API int wetee_attest_fetch_snp(wetee_attest_collateral **out, wetee_attest_fetcher *f, int product, int key,
                                     const uint8_t *hwid, size_t hwid_len, uint64_t reported_tcb, uint64_t time)
{
    (void)f, (void)product, (void)key, (void)hwid, (void)hwid_len, (void)reported_tcb, (void)time;
    if (out) *out = NULL;
    return no_net();
}
WETEE_API int wetee_attest_collateral_new_fetching(wetee_attest_collateral **out, wetee_attest_fetcher *f)
{
    (void)f;
    if (out) *out = NULL;
    return no_net();
}
int wt_attest_fetched(wetee_attest_collateral **out, wetee_attest_fetcher *f, wetee_attest_result *r, int kind,
                      const uint8_t *ev, size_t len, uint64_t time)
{
    (void)f, (void)kind, (void)ev, (void)len, (void)time;
    *out = NULL;
    return wt_attest_fail(r, WETEE_ERR_UNSUPPORTED, WETEE_ATTEST_CHECK_COLLATERAL, 0xE002,
                          "fetch: this build has no network parts");
}

#else /* WETEE_WITH_NETWORK */

#include <pthread.h>

#include <curl/curl.h>
#include <openssl/sha.h>

#define MEM_ITEMS 64
#define MEM_COLLS 16
#define MAX_NAME 160
#define DEFAULT_MAX_RESPONSE (1u << 20)

typedef struct mem_item {
    char name[MAX_NAME];
    char *url;
    wt_fetch_entry e;
} mem_item;

typedef struct mem_coll {
    char key[MAX_NAME];
    uint64_t expires;
    wetee_attest_collateral *c;
} mem_coll;

struct wetee_attest_fetcher {
    pthread_mutex_t lock;
    CURL *curl;
    char *pcs, *root_crl_url, *kds, *cache_dir, *ca_file, *update;
    char pcs_tag[17], kds_tag[17]; /* hash of the base URL, in cache names */
    unsigned timeout_ms;
    size_t max_response;
    const wetee_attest_anchors *anchors;
    int snp_product;
    int snp_no_crl;
    uint64_t requests;
    mem_item items[MEM_ITEMS];
    unsigned next_item;
    mem_coll colls[MEM_COLLS];
    unsigned next_coll;
};

static pthread_once_t g_curl_once = PTHREAD_ONCE_INIT;
static CURLcode g_curl_init = CURLE_FAILED_INIT;
static void curl_init_once(void) { g_curl_init = curl_global_init(CURL_GLOBAL_DEFAULT); }

static char *dup_str(const char *s)
{
    size_t n = strlen(s);
    char *d = wt_malloc(n + 1);
    if (d) memcpy(d, s, n + 1);
    return d;
}

static char *dup_printf(const char *fmt, ...) WT_PRINTF(1, 2);
static char *dup_printf(const char *fmt, ...)
{
    va_list ap;
    int n;
    char *d;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || (d = wt_malloc((size_t)n + 1)) == NULL) return NULL;
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

static int set_url(char **dst, const char *url, const char *dflt, const char *which)
{
    size_t n;
    if (url == NULL) url = dflt;
    if (strncmp(url, "http://", 7) && strncmp(url, "https://", 8))
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": fetch: %s URL must start with http:// or https://", which);
    if (strpbrk(url, " \r\n\t") != NULL)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": fetch: %s URL contains white space", which);
    if ((*dst = dup_str(url)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
    n = strlen(*dst);
    while (n > 8 && (*dst)[n - 1] == '/') (*dst)[--n] = 0;
    return WETEE_OK;
}

static void tag_of(char out[17], const char *url)
{
    uint8_t h[32];
    static const char hx[] = "0123456789abcdef";
    SHA256((const uint8_t *)url, strlen(url), h);
    for (int i = 0; i < 8; i++) {
        out[2 * i] = hx[h[i] >> 4];
        out[2 * i + 1] = hx[h[i] & 15];
    }
    out[16] = 0;
}

WETEE_API int wetee_attest_fetcher_new(wetee_attest_fetcher **out, const wetee_attest_fetch_options *opts)
{
    static const wetee_attest_fetch_options dflt = WETEE_ATTEST_FETCH_OPTIONS_INIT;
    wetee_attest_fetcher *f;
    struct stat st;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    if (opts == NULL) opts = &dflt;
    if (opts->version != WETEE_ATTEST_FETCH_OPTIONS_VERSION)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": fetch: unknown options version %u", opts->version);
    if (opts->max_response > WETEE_ATTEST_MAX_COLLATERAL_ITEM)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": fetch: max_response %zu is above %u", opts->max_response,
                        WETEE_ATTEST_MAX_COLLATERAL_ITEM);
    if (opts->snp_product < 0 || opts->snp_product > WETEE_SNP_PRODUCT_TURIN)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": fetch: unknown snp_product %d", opts->snp_product);
    if (opts->update && strcmp(opts->update, "early") && strcmp(opts->update, "standard"))
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": fetch: update must be \"early\" or \"standard\"");
    if (opts->cache_dir && (stat(opts->cache_dir, &st) != 0 || !S_ISDIR(st.st_mode) || access(opts->cache_dir, W_OK | X_OK)))
        return wt_error(WETEE_ERR_IO, MOD ": fetch: cache_dir %s is not a writable directory", opts->cache_dir);
    if (opts->ca_file && access(opts->ca_file, R_OK) != 0)
        return wt_error(WETEE_ERR_IO, MOD ": fetch: ca_file %s: %s", opts->ca_file, strerror(errno));
    pthread_once(&g_curl_once, curl_init_once);
    if (g_curl_init != CURLE_OK) return wt_error(WETEE_ERR_NETWORK, MOD ": fetch: curl_global_init failed");
    if ((f = wt_calloc(1, sizeof *f)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
    if (pthread_mutex_init(&f->lock, NULL) != 0) {
        wt_free(f);
        return wt_error(WETEE_ERR_NO_MEMORY, MOD ": fetch: cannot create a mutex");
    }
    f->timeout_ms = opts->timeout_ms ? opts->timeout_ms : 30000;
    f->max_response = opts->max_response ? opts->max_response : DEFAULT_MAX_RESPONSE;
    f->anchors = opts->anchors;
    f->snp_product = opts->snp_product;
    f->snp_no_crl = opts->snp_no_crl != 0;
    if ((rc = set_url(&f->pcs, opts->pcs_url, WETEE_ATTEST_PCS_URL, "PCS")) ||
        (rc = set_url(&f->kds, opts->kds_url, WETEE_ATTEST_KDS_URL, "KDS")))
        goto fail;
    if (opts->root_ca_crl_url) rc = set_url(&f->root_crl_url, opts->root_ca_crl_url, NULL, "root CA CRL");
    else if (strcmp(f->pcs, WETEE_ATTEST_PCS_URL) == 0)
        rc = set_url(&f->root_crl_url, WETEE_ATTEST_ROOT_CA_CRL_URL, NULL, "root CA CRL");
    else if ((f->root_crl_url = dup_printf("%s/sgx/certification/v4/rootcacrl", f->pcs)) == NULL)
        rc = wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
    if (rc) goto fail;
    if ((opts->cache_dir && (f->cache_dir = dup_str(opts->cache_dir)) == NULL) ||
        (opts->ca_file && (f->ca_file = dup_str(opts->ca_file)) == NULL) ||
        (opts->update && (f->update = dup_str(opts->update)) == NULL)) {
        rc = wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
        goto fail;
    }
    tag_of(f->pcs_tag, f->pcs);
    tag_of(f->kds_tag, f->kds);
    if ((f->curl = curl_easy_init()) == NULL) {
        rc = wt_error(WETEE_ERR_NETWORK, MOD ": fetch: curl_easy_init failed");
        goto fail;
    }
    *out = f;
    return WETEE_OK;
fail:
    wetee_attest_fetcher_free(f);
    return rc;
}

WETEE_API void wetee_attest_fetcher_free(wetee_attest_fetcher *f)
{
    unsigned i;
    if (f == NULL) return;
    if (f->curl) curl_easy_cleanup(f->curl);
    for (i = 0; i < MEM_ITEMS; i++) {
        wt_free(f->items[i].url);
        wt_fetch_entry_clear(&f->items[i].e);
    }
    for (i = 0; i < MEM_COLLS; i++) wetee_attest_collateral_free(f->colls[i].c);
    wt_free(f->pcs);
    wt_free(f->root_crl_url);
    wt_free(f->kds);
    wt_free(f->cache_dir);
    wt_free(f->ca_file);
    wt_free(f->update);
    pthread_mutex_destroy(&f->lock);
    wt_free(f);
}

WETEE_API uint64_t wetee_attest_fetcher_requests(const wetee_attest_fetcher *f)
{
    return f ? __atomic_load_n(&f->requests, __ATOMIC_RELAXED) : 0;
}

/* ---- HTTP ---- */

typedef struct answer {
    wetee_buf body;
    size_t max;
    int too_big;
    const char *const *names; /* header names wanted (NULL-terminated) */
    wetee_buf header;         /* URL-decoded value of the first one found */
    int header_bad;
} answer;

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
    answer *a = ud;
    size_t len = size * n;
    if (a->body.len + len > a->max) {
        a->too_big = 1;
        return 0;
    }
    if (wetee_buf_append(&a->body, (const uint8_t *)p, len) != WETEE_OK) return 0;
    return len;
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
    answer *a = ud;
    size_t len = size * n;
    if (a->names == NULL || a->header.len) return len;
    for (unsigned i = 0; a->names[i]; i++) {
        int m = wt_fetch_header_value(&a->header, p, len, a->names[i]);
        if (m < 0) a->header_bad = 1;
        if (m != 0) break;
    }
    return len;
}

/* GET url; the body of a 200 answer and the first header of `names`. */
static int http_get(wetee_attest_fetcher *f, wetee_buf *body, wetee_buf *header, const char *url,
                    const char *const *names)
{
    answer a;
    long status = 0;
    CURLcode cc;
    memset(&a, 0, sizeof a);
    a.max = f->max_response;
    a.names = names;
    __atomic_add_fetch(&f->requests, 1, __ATOMIC_RELAXED);
    curl_easy_reset(f->curl);
    curl_easy_setopt(f->curl, CURLOPT_URL, url);
    curl_easy_setopt(f->curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(f->curl, CURLOPT_WRITEDATA, &a);
    curl_easy_setopt(f->curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(f->curl, CURLOPT_HEADERDATA, &a);
    curl_easy_setopt(f->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(f->curl, CURLOPT_USERAGENT, "libwetee");
    curl_easy_setopt(f->curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(f->curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(f->curl, CURLOPT_TIMEOUT_MS, (long)f->timeout_ms);
    curl_easy_setopt(f->curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)f->max_response);
    if (f->ca_file) curl_easy_setopt(f->curl, CURLOPT_CAINFO, f->ca_file);
    cc = curl_easy_perform(f->curl);
    if (cc != CURLE_OK) {
        int rc = a.too_big || cc == CURLE_FILESIZE_EXCEEDED
                     ? wt_error(WETEE_ERR_NETWORK, MOD ": fetch %s: response larger than %zu bytes", url, f->max_response)
                     : wt_error(WETEE_ERR_NETWORK, MOD ": fetch %s: %s", url, curl_easy_strerror(cc));
        wetee_buf_free(&a.body);
        wetee_buf_free(&a.header);
        return rc;
    }
    curl_easy_getinfo(f->curl, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200) {
        wetee_buf_free(&a.body);
        wetee_buf_free(&a.header);
        return wt_error(WETEE_ERR_NETWORK, MOD ": fetch %s: HTTP %ld", url, status);
    }
    if (a.body.len == 0) {
        wetee_buf_free(&a.header);
        return wt_error(WETEE_ERR_DECODE, MOD ": fetch %s: empty response", url);
    }
    if (names != NULL && (a.header_bad || a.header.len == 0)) {
        wetee_buf_free(&a.body);
        wetee_buf_free(&a.header);
        return wt_error(WETEE_ERR_DECODE, MOD ": fetch %s: response header %s %s", url, names[0],
                        a.header_bad ? "is not valid URL-encoded text" : "is missing");
    }
    *body = a.body;
    *header = a.header;
    return WETEE_OK;
}

/* ---- item cache ---- */

static int copy_entry(wt_fetch_entry *dst, const wt_fetch_entry *src)
{
    memset(dst, 0, sizeof *dst);
    dst->expires = src->expires;
    if (wetee_buf_append(&dst->body, src->body.data, src->body.len) != WETEE_OK ||
        (src->chain.len && wetee_buf_append(&dst->chain, src->chain.data, src->chain.len) != WETEE_OK)) {
        wt_fetch_entry_clear(dst);
        return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
    }
    return WETEE_OK;
}

static mem_item *mem_find(wetee_attest_fetcher *f, const char *name, const char *url)
{
    for (unsigned i = 0; i < MEM_ITEMS; i++)
        if (f->items[i].url && strcmp(f->items[i].name, name) == 0 && strcmp(f->items[i].url, url) == 0)
            return &f->items[i];
    return NULL;
}

static void mem_store(wetee_attest_fetcher *f, const char *name, const char *url, const wt_fetch_entry *e)
{
    mem_item *m = mem_find(f, name, url);
    char *u;
    wt_fetch_entry copy;
    if (copy_entry(&copy, e) != WETEE_OK || (u = dup_str(url)) == NULL) {
        wt_fetch_entry_clear(&copy);
        return; /* the memory cache is an optimisation */
    }
    if (m == NULL) {
        m = &f->items[f->next_item];
        f->next_item = (f->next_item + 1) % MEM_ITEMS;
    }
    wt_free(m->url);
    wt_fetch_entry_clear(&m->e);
    snprintf(m->name, sizeof m->name, "%s", name);
    m->url = u;
    m->e = copy;
}

static char *cache_path(const wetee_attest_fetcher *f, const char *name)
{
    return dup_printf("%s/%s.json", f->cache_dir, name);
}

static int disk_load(wetee_attest_fetcher *f, const char *name, const char *url, wt_fetch_entry *e)
{
    char *path;
    FILE *fp;
    wetee_buf data = WETEE_BUF_INIT;
    uint8_t chunk[8192];
    size_t n, limit = 2u * WETEE_ATTEST_MAX_COLLATERAL_ITEM + 128u * 1024u;
    int rc = -1;
    if (f->cache_dir == NULL || (path = cache_path(f, name)) == NULL) return -1;
    fp = fopen(path, "rb");
    wt_free(path);
    if (fp == NULL) return -1;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (data.len + n > limit || wetee_buf_append(&data, chunk, n) != WETEE_OK) goto done;
    }
    if (!ferror(fp) && wt_fetch_entry_decode(e, data.data, data.len, url) == WETEE_OK) rc = 0;
done:
    fclose(fp);
    wetee_buf_free(&data);
    return rc;
}

/* Write temp + rename; failures leave the cache as it was (not an error). */
static void disk_store(wetee_attest_fetcher *f, const char *name, const char *url, const wt_fetch_entry *e)
{
    wetee_buf text = WETEE_BUF_INIT;
    char *path, *tmp;
    int fd;
    if (f->cache_dir == NULL || wt_fetch_entry_encode(&text, url, e) != WETEE_OK) return;
    path = cache_path(f, name);
    tmp = dup_printf("%s/.%s.XXXXXX", f->cache_dir, name);
    if (path && tmp && (fd = mkstemp(tmp)) >= 0) {
        size_t off = 0;
        int ok = 1;
        while (off < text.len) {
            ssize_t w = write(fd, text.data + off, text.len - off);
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) {
                ok = 0;
                break;
            }
            off += (size_t)w;
        }
        if (fchmod(fd, 0644) != 0) { /* the file stays private (0600): still usable by this user */ }
        if (close(fd) != 0) ok = 0;
        if (!ok || rename(tmp, path) != 0) unlink(tmp);
    }
    wt_free(path);
    wt_free(tmp);
    wetee_buf_free(&text);
}

/* One item: fresh from memory or disk, else fetched (*fetched = 1; the
 * caller stores it once checked). An expired copy is used when fetching
 * fails. kind: expiry kind of wt_fetch_item_expiry(). */
static int get_item(wetee_attest_fetcher *f, wt_fetch_entry *out, int *fetched, const char *what, const char *name,
                    const char *url, const char *const *headers, int kind, uint64_t time)
{
    wt_fetch_entry stale;
    wetee_buf body = WETEE_BUF_INIT, chain = WETEE_BUF_INIT;
    mem_item *m = mem_find(f, name, url);
    int have_stale = 0, rc;
    uint64_t exp = 0, cexp = 0;
    *fetched = 0;
    memset(&stale, 0, sizeof stale);
    if (m != NULL) {
        if (m->e.expires > time) return copy_entry(out, &m->e);
        have_stale = copy_entry(&stale, &m->e) == WETEE_OK;
    }
    if (!have_stale && disk_load(f, name, url, &stale) == 0) {
        if (stale.expires > time) {
            mem_store(f, name, url, &stale);
            *out = stale;
            return WETEE_OK;
        }
        have_stale = 1;
    }
    rc = http_get(f, &body, &chain, url, headers);
    if (rc == WETEE_OK) {
        rc = wt_fetch_item_expiry(&exp, kind, body.data, body.len);
        if (rc == WETEE_OK && chain.len) rc = wt_fetch_item_expiry(&cexp, 2, chain.data, chain.len);
        if (rc != WETEE_OK)
            rc = wt_error(rc, MOD ": fetched %s (%s): %s", what, url, wetee_last_error() + sizeof MOD + 1);
    }
    if (rc == WETEE_OK) {
        wt_fetch_entry_clear(&stale);
        out->body = body;
        out->chain = chain;
        out->expires = cexp && cexp < exp ? cexp : exp;
        *fetched = 1;
        return WETEE_OK;
    }
    wetee_buf_free(&body);
    wetee_buf_free(&chain);
    if (have_stale) {
        *out = stale; /* expired: the verification reports it */
        return WETEE_OK;
    }
    return rc;
}

static void put_item(wetee_attest_fetcher *f, const char *name, const char *url, const wt_fetch_entry *e)
{
    mem_store(f, name, url, e);
    disk_store(f, name, url, e);
}

/* ---- assembled collateral cache ---- */

static wetee_attest_collateral *coll_find(wetee_attest_fetcher *f, const char *key, uint64_t time)
{
    for (unsigned i = 0; i < MEM_COLLS; i++)
        if (f->colls[i].c && strcmp(f->colls[i].key, key) == 0) {
            if (f->colls[i].expires > time) {
                wt_attest_collateral_ref(f->colls[i].c);
                return f->colls[i].c;
            }
            wetee_attest_collateral_free(f->colls[i].c);
            f->colls[i].c = NULL;
        }
    return NULL;
}

static void coll_store(wetee_attest_fetcher *f, const char *key, uint64_t expires, wetee_attest_collateral *c)
{
    mem_coll *m = &f->colls[f->next_coll];
    f->next_coll = (f->next_coll + 1) % MEM_COLLS;
    wetee_attest_collateral_free(m->c);
    snprintf(m->key, sizeof m->key, "%s", key);
    m->expires = expires;
    wt_attest_collateral_ref(c);
    c->readonly = 1;
    m->c = c;
}

/* Keep the items fetched now (memory and disk) and give the earliest
 * expiry of all n items; item `skip` (-1: none) was not fetched at all. */
static uint64_t keep_items(wetee_attest_fetcher *f, int n, int skip, char name[][MAX_NAME], char *const *url,
                           const wt_fetch_entry *e, const int *fetched)
{
    uint64_t expires = UINT64_MAX;
    for (int i = 0; i < n; i++) {
        if (i == skip) continue;
        if (fetched[i]) put_item(f, name[i], url[i], &e[i]);
        if (e[i].expires < expires) expires = e[i].expires;
    }
    return expires;
}

static void clear_items(int n, wt_fetch_entry *e, char **url)
{
    for (int i = 0; i < n; i++) {
        wt_fetch_entry_clear(&e[i]);
        wt_free(url[i]);
    }
}

/* ---- Intel ---- */

enum { IT_ROOT, IT_PCK, IT_TCB, IT_QE, IT_N };

/* FMSPC in upper case, as Intel's PCS documentation writes it */
static void hex6(char out[13], const uint8_t b[6])
{
    static const char hx[] = "0123456789ABCDEF";
    for (int i = 0; i < 6; i++) {
        out[2 * i] = hx[b[i] >> 4];
        out[2 * i + 1] = hx[b[i] & 15];
    }
    out[12] = 0;
}

static int fetch_dcap_locked(wetee_attest_collateral **out, wetee_attest_fetcher *f, int tee, const uint8_t fmspc[6],
                             int ca, uint64_t time)
{
    static const char *const H_PCK[] = { "SGX-PCK-CRL-Issuer-Chain", NULL };
    static const char *const H_TCB[] = { "TCB-Info-Issuer-Chain", "SGX-TCB-Info-Issuer-Chain", NULL };
    static const char *const H_QE[] = { "SGX-Enclave-Identity-Issuer-Chain", NULL };
    const char *t = tee == WETEE_ATTEST_TEE_TDX ? "tdx" : "sgx";
    const char *cas = ca == WETEE_ATTEST_PCK_CA_PLATFORM ? "platform" : "processor";
    char fm[13], key[MAX_NAME], name[IT_N][MAX_NAME];
    char *url[IT_N] = { NULL, NULL, NULL, NULL };
    wt_fetch_entry e[IT_N];
    int fetched[IT_N] = { 0, 0, 0, 0 }, any = 0, rc = WETEE_OK, i;
    wetee_attest_collateral *c = NULL;
    const wetee_attest_anchors *anchors = f->anchors ? f->anchors : wt_attest_default_anchors();

    hex6(fm, fmspc);
    snprintf(key, sizeof key, "dcap-%s-%s-%s", t, fm, cas);
    if ((*out = coll_find(f, key, time)) != NULL) return WETEE_OK;
    memset(e, 0, sizeof e);
    snprintf(name[IT_ROOT], MAX_NAME, "pcs-%s-rootcacrl", f->pcs_tag);
    snprintf(name[IT_PCK], MAX_NAME, "pcs-%s-pckcrl-%s", f->pcs_tag, cas);
    snprintf(name[IT_TCB], MAX_NAME, "pcs-%s-%s-tcb-%s", f->pcs_tag, t, fm);
    snprintf(name[IT_QE], MAX_NAME, "pcs-%s-%s-qe", f->pcs_tag, t);
    url[IT_ROOT] = dup_str(f->root_crl_url);
    url[IT_PCK] = dup_printf("%s/sgx/certification/v4/pckcrl?ca=%s&encoding=der", f->pcs, cas);
    url[IT_TCB] = dup_printf("%s/%s/certification/v4/tcb?fmspc=%s%s%s", f->pcs, t, fm, f->update ? "&update=" : "",
                             f->update ? f->update : "");
    url[IT_QE] = dup_printf("%s/%s/certification/v4/qe/identity%s%s", f->pcs, t, f->update ? "?update=" : "",
                            f->update ? f->update : "");
    for (i = 0; i < IT_N; i++)
        if (url[i] == NULL) {
            rc = wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
            goto done;
        }
    if ((rc = get_item(f, &e[IT_ROOT], &fetched[IT_ROOT], "root CA CRL", name[IT_ROOT], url[IT_ROOT], NULL, 0,
                       time)) ||
        (rc = get_item(f, &e[IT_PCK], &fetched[IT_PCK], "PCK CRL", name[IT_PCK], url[IT_PCK], H_PCK, 0, time)) ||
        (rc = get_item(f, &e[IT_TCB], &fetched[IT_TCB], "TCB Info", name[IT_TCB], url[IT_TCB], H_TCB, 1, time)) ||
        (rc = get_item(f, &e[IT_QE], &fetched[IT_QE], "QE Identity", name[IT_QE], url[IT_QE], H_QE, 1, time)))
        goto done;
    if ((rc = wetee_attest_collateral_new(&c)) != WETEE_OK) goto done;
#define SET(item, buf, what)                                                                                   \
    if ((rc = wetee_attest_collateral_set(c, item, (buf).data, (buf).len)) != WETEE_OK) {                      \
        rc = wt_error(rc, MOD ": fetched %s (%s): %s", what, url[i], wetee_last_error() + sizeof MOD + 1);     \
        goto done;                                                                                             \
    }
    i = IT_ROOT;
    SET(WETEE_ATTEST_ITEM_ROOT_CA_CRL, e[i].body, "root CA CRL")
    i = IT_PCK;
    SET(WETEE_ATTEST_ITEM_PCK_CRL, e[i].body, "PCK CRL")
    SET(WETEE_ATTEST_ITEM_PCK_CRL_ISSUER_CHAIN, e[i].chain, "PCK CRL issuer chain")
    i = IT_TCB;
    SET(WETEE_ATTEST_ITEM_TCB_INFO, e[i].body, "TCB Info")
    SET(WETEE_ATTEST_ITEM_TCB_INFO_ISSUER_CHAIN, e[i].chain, "TCB Info issuer chain")
    i = IT_QE;
    SET(WETEE_ATTEST_ITEM_QE_IDENTITY, e[i].body, "QE Identity")
    SET(WETEE_ATTEST_ITEM_QE_IDENTITY_ISSUER_CHAIN, e[i].chain, "QE Identity issuer chain")
#undef SET
    /* the answers must be for what was asked */
    if (memcmp(c->tcb_info->fmspc, fmspc, 6) != 0 ||
        (c->tcb_info->id != WT_TCBINFO_ID_NONE &&
         c->tcb_info->id != (tee == WETEE_ATTEST_TEE_TDX ? WT_TCBINFO_ID_TDX : WT_TCBINFO_ID_SGX))) {
        rc = wt_error(WETEE_ERR_VERIFY, MOD ": fetched TCB Info (%s) is for another FMSPC or TEE", url[IT_TCB]);
        goto done;
    }
    if (c->qe_identity->id != (tee == WETEE_ATTEST_TEE_TDX ? WT_QEID_TD_QE : WT_QEID_QE)) {
        rc = wt_error(WETEE_ERR_VERIFY, MOD ": fetched QE Identity (%s) is not the %s", url[IT_QE],
                      tee == WETEE_ATTEST_TEE_TDX ? "TD_QE identity" : "QE identity");
        goto done;
    }
    for (i = 0; i < IT_N; i++) any |= fetched[i];
    if (any && (rc = wt_dcap_collateral_check(c, anchors)) != WETEE_OK) goto done;
    coll_store(f, key, keep_items(f, IT_N, -1, name, url, e, fetched), c);
    *out = c;
    c = NULL;
done:
    wetee_attest_collateral_free(c);
    clear_items(IT_N, e, url);
    return rc;
}

WETEE_API int wetee_attest_fetch_dcap(wetee_attest_collateral **out, wetee_attest_fetcher *f, int tee,
                                      const uint8_t fmspc[6], int ca, uint64_t time)
{
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(f != NULL, MOD, "fetcher is NULL");
    WT_ARG(fmspc != NULL, MOD, "fmspc is NULL");
    WT_ARG(tee == WETEE_ATTEST_TEE_SGX || tee == WETEE_ATTEST_TEE_TDX, MOD, "tee is neither SGX nor TDX");
    WT_ARG(ca == WETEE_ATTEST_PCK_CA_PROCESSOR || ca == WETEE_ATTEST_PCK_CA_PLATFORM, MOD, "unknown PCK CA type");
    pthread_mutex_lock(&f->lock);
    rc = fetch_dcap_locked(out, f, tee, fmspc, ca, time);
    pthread_mutex_unlock(&f->lock);
    return rc;
}

/* ---- AMD ---- */

enum { IS_CHAIN, IS_CRL, IS_VCEK, IS_N };

static int fetch_snp_locked(wetee_attest_collateral **out, wetee_attest_fetcher *f, int product, int keytype,
                            int want_leaf, const uint8_t *hwid, size_t hwid_len, uint64_t tcb, uint64_t time)
{
    const char *prod = wetee_snp_product_name(product);
    const char *k = keytype == WETEE_SNP_KEY_VLEK ? "vlek" : "vcek";
    char key[MAX_NAME], name[IS_N][MAX_NAME], hw[129];
    char *url[IS_N] = { NULL, NULL, NULL };
    wt_fetch_entry e[IS_N];
    int fetched[IS_N] = { 0, 0, 0 }, n = want_leaf ? 3 : 2, rc = WETEE_OK, i;
    wetee_snp_tcb s;
    wetee_attest_collateral *c = NULL;
    static const char hx[] = "0123456789abcdef";

    hw[0] = 0;
    if (n == 3) {
        for (i = 0; i < (int)hwid_len; i++) {
            hw[2 * i] = hx[hwid[i] >> 4];
            hw[2 * i + 1] = hx[hwid[i] & 15];
        }
        hw[2 * hwid_len] = 0;
    }
    wetee_snp_tcb_split(&s, tcb, (wetee_snp_product)product);
    snprintf(key, sizeof key, "snp-%s-%s-%.16s-%016llx", k, prod, hw, (unsigned long long)tcb);
    if ((*out = coll_find(f, key, time)) != NULL) return WETEE_OK;
    memset(e, 0, sizeof e);
    snprintf(name[IS_CHAIN], MAX_NAME, "kds-%s-%s-%s-certchain", f->kds_tag, k, prod);
    snprintf(name[IS_CRL], MAX_NAME, "kds-%s-%s-%s-crl", f->kds_tag, k, prod);
    url[IS_CHAIN] = dup_printf("%s/%s/v1/%s/cert_chain", f->kds, k, prod);
    url[IS_CRL] = dup_printf("%s/%s/v1/%s/crl", f->kds, k, prod);
    if (n == 3) {
        /* the hwid is long: the file name carries its hash */
        uint8_t h[32];
        char hh[17];
        SHA256(hwid, hwid_len, h);
        for (i = 0; i < 8; i++) {
            hh[2 * i] = hx[h[i] >> 4];
            hh[2 * i + 1] = hx[h[i] & 15];
        }
        hh[16] = 0;
        snprintf(name[IS_VCEK], MAX_NAME, "kds-%s-vcek-%s-%s-%016llx", f->kds_tag, prod, hh, (unsigned long long)tcb);
        if (product == WETEE_SNP_PRODUCT_TURIN)
            url[IS_VCEK] = dup_printf("%s/vcek/v1/%s/%s?fmcSPL=%u&blSPL=%u&teeSPL=%u&snpSPL=%u&ucodeSPL=%u", f->kds,
                                      prod, hw, s.fmc, s.bootloader, s.tee, s.snp, s.microcode);
        else
            url[IS_VCEK] = dup_printf("%s/vcek/v1/%s/%s?blSPL=%u&teeSPL=%u&snpSPL=%u&ucodeSPL=%u", f->kds, prod, hw,
                                      s.bootloader, s.tee, s.snp, s.microcode);
    }
    for (i = 0; i < n; i++)
        if (url[i] == NULL) {
            rc = wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
            goto done;
        }
    if ((rc = get_item(f, &e[IS_CHAIN], &fetched[IS_CHAIN], "AMD certificate chain", name[IS_CHAIN], url[IS_CHAIN],
                       NULL, 2, time)) ||
        (!f->snp_no_crl && (rc = get_item(f, &e[IS_CRL], &fetched[IS_CRL], "AMD CRL", name[IS_CRL], url[IS_CRL], NULL,
                                          0, time))) ||
        (n == 3 && (rc = get_item(f, &e[IS_VCEK], &fetched[IS_VCEK], "VCEK", name[IS_VCEK], url[IS_VCEK], NULL, 2,
                                  time))))
        goto done;
    if ((rc = wetee_attest_collateral_new(&c)) != WETEE_OK) goto done;
    if ((rc = wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_SNP_CERT_CHAIN, e[IS_CHAIN].body.data,
                                          e[IS_CHAIN].body.len)) != WETEE_OK ||
        (!f->snp_no_crl && (rc = wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_SNP_CRL, e[IS_CRL].body.data,
                                                             e[IS_CRL].body.len)) != WETEE_OK) ||
        (n == 3 && (rc = wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_SNP_VCEK, e[IS_VCEK].body.data,
                                                     e[IS_VCEK].body.len)) != WETEE_OK)) {
        rc = wt_error(rc, MOD ": fetched KDS item: %s", wetee_last_error() + sizeof MOD + 1);
        goto done;
    }
    if (sk_X509_num(c->snp_chain) != 2) {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": fetched %s: %d certificates, expected 2 (ASK or ASVK, and ARK)",
                      url[IS_CHAIN], sk_X509_num(c->snp_chain));
        goto done;
    }
    coll_store(f, key, keep_items(f, n, f->snp_no_crl ? IS_CRL : -1, name, url, e, fetched), c);
    *out = c;
    c = NULL;
done:
    wetee_attest_collateral_free(c);
    clear_items(IS_N, e, url);
    return rc;
}

WETEE_API int wetee_attest_fetch_snp(wetee_attest_collateral **out, wetee_attest_fetcher *f, int product, int key,
                                     const uint8_t *hwid, size_t hwid_len, uint64_t reported_tcb, uint64_t time)
{
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(f != NULL, MOD, "fetcher is NULL");
    WT_ARG(product >= WETEE_SNP_PRODUCT_MILAN && product <= WETEE_SNP_PRODUCT_TURIN, MOD, "unknown SEV-SNP product");
    WT_ARG(key == WETEE_SNP_KEY_VCEK || key == WETEE_SNP_KEY_VLEK, MOD, "key is neither VCEK nor VLEK");
    if (key == WETEE_SNP_KEY_VCEK) {
        WT_ARG(hwid != NULL, MOD, "hwid is NULL");
        WT_ARG(hwid_len == 64 || (hwid_len == 8 && product == WETEE_SNP_PRODUCT_TURIN), MOD,
               "hwid must be 64 bytes (8 on Turin)");
        if (product == WETEE_SNP_PRODUCT_TURIN) hwid_len = 8;
    }
    pthread_mutex_lock(&f->lock);
    rc = fetch_snp_locked(out, f, product, key, key == WETEE_SNP_KEY_VCEK, hwid, hwid_len, reported_tcb, time);
    pthread_mutex_unlock(&f->lock);
    return rc;
}

/* ---- fetching collateral objects ---- */

WETEE_API int wetee_attest_collateral_new_fetching(wetee_attest_collateral **out, wetee_attest_fetcher *f)
{
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(f != NULL, MOD, "fetcher is NULL");
    if ((rc = wetee_attest_collateral_new(out)) != WETEE_OK) return rc;
    (*out)->fetcher = f;
    return WETEE_OK;
}

int wt_attest_fetched(wetee_attest_collateral **out, wetee_attest_fetcher *f, wetee_attest_result *r, int kind,
                      const uint8_t *ev, size_t len, uint64_t time)
{
    int rc;
    *out = NULL;
    if (kind == WETEE_ATTEST_TEE_SEV_SNP) {
        wetee_snp_report rep;
        int product;
        if ((rc = wetee_snp_report_parse(&rep, ev, WETEE_SNP_REPORT_BYTES)) != WETEE_OK)
            return wt_attest_fail(r, rc, WETEE_ATTEST_CHECK_PARSE, 0xA006, "%s", wetee_last_error());
        product = rep.product != WETEE_SNP_PRODUCT_UNKNOWN ? (int)rep.product : f->snp_product;
        if (product == WETEE_SNP_PRODUCT_UNKNOWN)
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_COLLATERAL, 0xA006,
                                  "fetch: the report (VERSION %u) does not name its product and the fetcher has no "
                                  "snp_product", rep.version);
        if (rep.signing_key != WETEE_SNP_KEY_VCEK && rep.signing_key != WETEE_SNP_KEY_VLEK)
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_SNP_TCB, 0xA006,
                                  "fetch: the report is not signed (SIGNING_KEY %u)", rep.signing_key);
        if (rep.signing_key == WETEE_SNP_KEY_VLEK && len <= WETEE_SNP_REPORT_BYTES)
            return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_COLLATERAL, 0xA006,
                                  "fetch: a VLEK-signed report needs its VLEK in the certificate table (KDS does not "
                                  "serve VLEKs by chip)");
        /* with a certificate table the leaf comes from the table: only the
         * chain and the CRL are fetched */
        pthread_mutex_lock(&f->lock);
        rc = fetch_snp_locked(out, f, product, rep.signing_key,
                              len == WETEE_SNP_REPORT_BYTES && rep.signing_key == WETEE_SNP_KEY_VCEK, rep.chip_id,
                              product == WETEE_SNP_PRODUCT_TURIN ? 8 : 64, rep.reported_tcb.raw, time);
        pthread_mutex_unlock(&f->lock);
    } else {
        int tee, ca;
        uint8_t fmspc[6];
        wt_quote q;
        if ((rc = wt_dcap_quote_pck_info(ev, len, &tee, fmspc, &ca)) != WETEE_OK) {
            int prc = wt_quote_parse(&q, ev, len, r);
            if (prc != WETEE_OK) return prc; /* r records the parse failure */
            return wt_attest_fail(r, rc, WETEE_ATTEST_CHECK_COLLATERAL, 0xE002, "%s", wetee_last_error());
        }
        rc = wetee_attest_fetch_dcap(out, f, tee, fmspc, ca, time);
    }
    if (rc != WETEE_OK)
        return wt_attest_fail(r, rc, WETEE_ATTEST_CHECK_COLLATERAL, kind == WETEE_ATTEST_TEE_SEV_SNP ? 0xA006 : 0xE002,
                              "%s", wetee_last_error());
    return WETEE_OK;
}

#endif /* WETEE_WITH_NETWORK */
