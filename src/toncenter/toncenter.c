/* toncenter HTTP client (v2 and v3 APIs) over libcurl; see wetee/toncenter.h.
 * Answers are parsed with jansson. Without WETEE_WITH_NETWORK (the mobile
 * preset) every call but free returns WETEE_ERR_UNSUPPORTED. */
#define _POSIX_C_SOURCE 200809L /* nanosleep, strnlen */

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "tc_impl.h"

#define MAX_BOC (1u << 20)
#define MAX_ANSWER TC_MAX_ANSWER

#ifndef WETEE_WITH_NETWORK

struct wetee_toncenter { int unused; };

static int unsupported(void)
{
    return wt_error(WETEE_ERR_UNSUPPORTED, MOD ": this build has no network parts (WETEE_WITH_NETWORK off)");
}
int wetee_toncenter_new(wetee_toncenter **out, const wetee_toncenter_options *opts)
{
    (void)opts;
    if (out) *out = NULL;
    return unsupported();
}
void wetee_toncenter_free(wetee_toncenter *c) { (void)c; }
int wetee_toncenter_send_boc(uint8_t hash[32], wetee_toncenter *c, const uint8_t *boc, size_t boc_len)
{
    (void)hash, (void)c, (void)boc, (void)boc_len;
    return unsupported();
}
int wetee_toncenter_run_get_method(wetee_buf *result, int *exit_code, wetee_toncenter *c, const char *address,
                                   const char *method, const char *stack_json)
{
    (void)result, (void)exit_code, (void)c, (void)address, (void)method, (void)stack_json;
    return unsupported();
}
int wetee_toncenter_seqno(uint32_t *seqno, wetee_toncenter *c, const char *address)
{
    (void)seqno, (void)c, (void)address;
    return unsupported();
}
int wetee_toncenter_jetton_wallet_address(wetee_ton_address *out, wetee_toncenter *c, const char *master,
                                          const wetee_ton_address *owner)
{
    (void)out, (void)c, (void)master, (void)owner;
    return unsupported();
}
int wetee_toncenter_account_info(wetee_toncenter_account *out, wetee_toncenter *c, const char *address)
{
    (void)out, (void)c, (void)address;
    return unsupported();
}
int wetee_toncenter_find_transaction(wetee_toncenter_tx *out, wetee_toncenter *c, const uint8_t msg_hash[32])
{
    (void)out, (void)c, (void)msg_hash;
    return unsupported();
}
int wetee_toncenter_find_trace(wetee_toncenter_trace *out, wetee_toncenter *c, const uint8_t msg_hash[32])
{
    (void)out, (void)c, (void)msg_hash;
    return unsupported();
}
int wetee_toncenter_confirm(wetee_toncenter_confirmation *out, wetee_toncenter *c, const uint8_t ext_hash[32],
                            const wetee_toncenter_confirm_options *opts)
{
    (void)c, (void)ext_hash, (void)opts;
    if (out) memset(out, 0, sizeof *out);
    return unsupported();
}

#else /* WETEE_WITH_NETWORK */

#include <curl/curl.h>

struct wetee_toncenter {
    pthread_mutex_t lock;
    CURL *curl;
    char *v2, *v3;
    char *key_header; /* "X-API-Key: ..." or NULL; wiped on free */
    size_t key_header_len;
    wetee_toncenter_options o;
};

static pthread_once_t g_curl_once = PTHREAD_ONCE_INIT;
static CURLcode g_curl_init = CURLE_FAILED_INIT;
static void curl_init_once(void) { g_curl_init = curl_global_init(CURL_GLOBAL_DEFAULT); }

static char *dup_str(const char *s, size_t *len_out)
{
    size_t n = strlen(s);
    char *d = wt_malloc(n + 1);
    if (d) memcpy(d, s, n + 1);
    if (len_out) *len_out = n;
    return d;
}

/* A base URL without its trailing slashes. */
static int set_url(char **dst, const char *url, const char *dflt, const char *which)
{
    size_t n;
    if (url == NULL) url = dflt;
    if (strncmp(url, "http://", 7) && strncmp(url, "https://", 8))
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": %s URL must start with http:// or https://", which);
    if ((*dst = dup_str(url, &n)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
    while (n > 8 && (*dst)[n - 1] == '/') (*dst)[--n] = 0;
    return WETEE_OK;
}

int wetee_toncenter_new(wetee_toncenter **out, const wetee_toncenter_options *opts)
{
    static const wetee_toncenter_options dflt = WETEE_TONCENTER_OPTIONS_INIT;
    wetee_toncenter *c;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    if (opts == NULL) opts = &dflt;
    if (opts->version != WETEE_TONCENTER_OPTIONS_VERSION)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": unknown options version %u", opts->version);
    if (opts->api_key && strpbrk(opts->api_key, "\r\n"))
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": the API key contains a line break");
    pthread_once(&g_curl_once, curl_init_once);
    if (g_curl_init != CURLE_OK) return wt_error(WETEE_ERR_NETWORK, MOD ": curl_global_init failed");
    if ((c = wt_calloc(1, sizeof *c)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
    c->o = *opts;
    c->o.v2_url = c->o.v3_url = c->o.api_key = NULL;
    if (pthread_mutex_init(&c->lock, NULL) != 0) {
        wt_free(c);
        return wt_error(WETEE_ERR_NO_MEMORY, MOD ": cannot create a mutex");
    }
    if ((rc = set_url(&c->v2, opts->v2_url, "https://toncenter.com/api/v2", "v2")) ||
        (rc = set_url(&c->v3, opts->v3_url, "https://toncenter.com/api/v3", "v3")))
        goto fail;
    if (opts->api_key && *opts->api_key) {
        size_t n = strlen(opts->api_key);
        c->key_header_len = n + 12;
        if ((c->key_header = wt_malloc(c->key_header_len)) == NULL) {
            rc = wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
            goto fail;
        }
        memcpy(c->key_header, "X-API-Key: ", 11);
        memcpy(c->key_header + 11, opts->api_key, n + 1);
    }
    if ((c->curl = curl_easy_init()) == NULL) {
        rc = wt_error(WETEE_ERR_NETWORK, MOD ": curl_easy_init failed");
        goto fail;
    }
    *out = c;
    return WETEE_OK;
fail:
    wetee_toncenter_free(c);
    return rc;
}

void wetee_toncenter_free(wetee_toncenter *c)
{
    if (c == NULL) return;
    if (c->curl) curl_easy_cleanup(c->curl);
    if (c->key_header) wt_free_secure(c->key_header, c->key_header_len);
    wt_free(c->v2);
    wt_free(c->v3);
    pthread_mutex_destroy(&c->lock);
    wt_free(c);
}

/* ---- HTTP ---- */

typedef struct answer {
    wetee_buf body;
    int too_big;
    long retry_after; /* seconds from a Retry-After header, -1: none */
} answer;

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
    answer *a = ud;
    size_t len = size * n;
    if (a->body.len + len > MAX_ANSWER) {
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
    static const char name[] = "retry-after:";
    if (len > sizeof name - 1) {
        size_t i;
        for (i = 0; i < sizeof name - 1 && tolower((unsigned char)p[i]) == name[i]; i++) {}
        if (i == sizeof name - 1) {
            long v = 0;
            int digits = 0;
            for (i = sizeof name - 1; i < len && p[i] == ' '; i++) {}
            for (; i < len && isdigit((unsigned char)p[i]) && v < 100000; i++, digits++) v = v * 10 + (p[i] - '0');
            if (digits) a->retry_after = v;
        }
    }
    return len;
}

static void sleep_ms(unsigned ms)
{
    struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

/* The "error" text of a toncenter error answer, printable and bounded. */
static void error_text(char *out, size_t size, const wetee_buf *body)
{
    json_error_t e;
    json_t *j = body->len ? json_loadb((const char *)body->data, body->len, 0, &e) : NULL;
    const char *s = NULL;
    size_t n = 0;
    if (j) {
        json_t *err = json_object_get(j, "error");
        if (json_is_string(err)) s = json_string_value(err);
    }
    if (s == NULL) s = body->len ? (const char *)body->data : "(empty answer)", n = body->len ? body->len : 14;
    else n = strlen(s);
    if (n > 200) n = 200;
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < size; i++) out[k++] = isprint((unsigned char)s[i]) ? s[i] : '?';
    out[k] = 0;
    json_decref(j);
}

/* One request with the 429 back-off. `post` NULL: GET. On success the body
 * of a 2xx answer is in *body (caller frees). */
static int http(wetee_toncenter *c, wetee_buf *body, const char *what, const char *url, const char *post)
{
    struct curl_slist *hdrs = NULL;
    unsigned wait = c->o.backoff_ms;
    int rc = WETEE_OK;
    *body = (wetee_buf)WETEE_BUF_INIT;
    if (post) hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
    hdrs = curl_slist_append(hdrs, "Accept: application/json");
    if (c->key_header) hdrs = curl_slist_append(hdrs, c->key_header);
    if (hdrs == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory");
    pthread_mutex_lock(&c->lock);
    for (unsigned attempt = 0;; attempt++) {
        answer a = { WETEE_BUF_INIT, 0, -1 };
        long status = 0;
        CURLcode cc;
        curl_easy_reset(c->curl);
        curl_easy_setopt(c->curl, CURLOPT_URL, url);
        curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, hdrs);
        curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, &a);
        curl_easy_setopt(c->curl, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(c->curl, CURLOPT_HEADERDATA, &a);
        curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c->curl, CURLOPT_USERAGENT, "libwetee");
        curl_easy_setopt(c->curl, CURLOPT_PROTOCOLS_STR, "http,https");
        if (c->o.timeout_ms) curl_easy_setopt(c->curl, CURLOPT_TIMEOUT_MS, (long)c->o.timeout_ms);
        if (post) curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, post);
        cc = curl_easy_perform(c->curl);
        if (cc != CURLE_OK) {
            rc = a.too_big ? wt_error(WETEE_ERR_NETWORK, MOD ": %s: answer larger than %u bytes", what, MAX_ANSWER)
                           : wt_error(WETEE_ERR_NETWORK, MOD ": %s: %s", what, curl_easy_strerror(cc));
            wetee_buf_free(&a.body);
            break;
        }
        curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &status);
        if (status == 429 && attempt < c->o.max_retries) {
            unsigned ms = a.retry_after >= 0 ? (unsigned)a.retry_after * 1000u : wait;
            if (ms > c->o.max_backoff_ms) ms = c->o.max_backoff_ms;
            wetee_buf_free(&a.body);
            sleep_ms(ms);
            wait = wait > c->o.max_backoff_ms / 2 ? c->o.max_backoff_ms : wait * 2;
            continue;
        }
        if (status < 200 || status > 299) {
            char text[256];
            error_text(text, sizeof text, &a.body);
            if (status == 429)
                rc = wt_error(WETEE_ERR_NETWORK, MOD ": %s: HTTP 429 (rate limit) after %u retries: %s", what, attempt,
                              text);
            else
                rc = wt_error(WETEE_ERR_NETWORK, MOD ": %s: HTTP %ld: %s", what, status, text);
            wetee_buf_free(&a.body);
            break;
        }
        *body = a.body;
        break;
    }
    pthread_mutex_unlock(&c->lock);
    curl_slist_free_all(hdrs);
    return rc;
}

/* GET or POST, then parse the JSON answer. */
static int call_json(wetee_toncenter *c, json_t **out, const char *what, const char *url, const char *post)
{
    wetee_buf body;
    json_error_t e;
    int rc = http(c, &body, what, url, post);
    if (rc) return rc;
    *out = json_loadb((const char *)body.data, body.len, 0, &e);
    wetee_buf_free(&body);
    if (*out == NULL)
        return wt_error(WETEE_ERR_DECODE, MOD ": %s: answer is not JSON (line %d: %.80s)", what, e.line, e.text);
    return WETEE_OK;
}

/* A v2 call: the answer's "result" after checking "ok". */
static int call_v2(wetee_toncenter *c, json_t **root, json_t **result, const char *what, const char *url,
                   const char *post)
{
    int rc = call_json(c, root, what, url, post);
    json_t *ok;
    if (rc) return rc;
    ok = json_object_get(*root, "ok");
    if (!json_is_true(ok)) {
        json_t *err = json_object_get(*root, "error");
        rc = wt_error(json_is_false(ok) ? WETEE_ERR_NETWORK : WETEE_ERR_DECODE, MOD ": %s: %.200s", what,
                      json_is_string(err) ? json_string_value(err) : "answer without \"ok\": true");
        goto fail;
    }
    if ((*result = json_object_get(*root, "result")) == NULL) {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": %s: answer without \"result\"", what);
        goto fail;
    }
    return WETEE_OK;
fail:
    json_decref(*root);
    *root = NULL;
    return rc;
}

static char *url_of(const char *base, const char *path, const char *q_name, const char *q_value)
{
    char *esc = NULL, *u;
    size_t n;
    if (q_value && (esc = curl_easy_escape(NULL, q_value, 0)) == NULL) return NULL;
    n = strlen(base) + strlen(path) + (q_name ? strlen(q_name) + strlen(esc) + 3 : 0) + 2;
    if ((u = wt_malloc(n)) != NULL) {
        if (q_name) snprintf(u, n, "%s/%s?%s=%s", base, path, q_name, esc);
        else snprintf(u, n, "%s/%s", base, path);
    }
    curl_free(esc);
    return u;
}

/* A JSON object serialised (compact). */
static char *dump(json_t *j)
{
    char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    return s;
}

static int no_memory(void) { return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory"); }

/* ---- parsing helpers ---- */

static int check_address(const char *address, const char *what)
{
    wetee_ton_address a;
    WT_ARG(address != NULL, MOD, "address is NULL");
    if (wetee_ton_address_parse(&a, NULL, address, strlen(address)) != WETEE_OK)
        return wt_error(WETEE_ERR_DECODE, MOD ": %s: not a TON address: %s", what, wetee_last_error());
    return WETEE_OK;
}

/* ---- v2 ---- */

int wetee_toncenter_send_boc(uint8_t hash[32], wetee_toncenter *c, const uint8_t *boc, size_t boc_len)
{
    static const char what[] = "sendBocReturnHash";
    wetee_buf b64 = WETEE_BUF_INIT;
    json_t *root = NULL, *result;
    char *url = NULL, *post = NULL;
    int rc;
    WT_ARG(c != NULL, MOD, "c is NULL");
    WT_ARG_DATA(boc, boc_len, MOD);
    if (boc_len == 0) return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": %s: empty BOC", what);
    if (boc_len > MAX_BOC) return wt_error(WETEE_ERR_TOO_LONG, MOD ": %s: BOC of %zu bytes, at most %u", what, boc_len, MAX_BOC);
    if ((rc = wetee_base64_encode(&b64, boc, boc_len, 0))) return rc;
    post = dump(json_pack("{s:s}", "boc", (const char *)b64.data));
    url = url_of(c->v2, what, NULL, NULL);
    wetee_buf_free(&b64);
    if (post == NULL || url == NULL) { rc = no_memory(); goto done; }
    if ((rc = call_v2(c, &root, &result, what, url, post))) goto done;
    if (hash) rc = tc_get_b64_32(hash, json_object_get(result, "hash"), what, "hash");
done:
    json_decref(root);
    wt_json_text_free(post);
    wt_free(url);
    return rc;
}

static int run_get(json_t **root, json_t **result, int *exit_code, wetee_toncenter *c, const char *address,
                   const char *method, json_t *stack)
{
    static const char what[] = "runGetMethod";
    char *url, *post;
    json_t *ec;
    int rc;
    if (stack == NULL) return no_memory();
    post = dump(json_pack("{s:s,s:s,s:o}", "address", address, "method", method, "stack", stack));
    url = url_of(c->v2, what, NULL, NULL);
    if (post == NULL || url == NULL) rc = no_memory();
    else rc = call_v2(c, root, result, what, url, post);
    wt_json_text_free(post);
    wt_free(url);
    if (rc) return rc;
    ec = json_object_get(*result, "exit_code");
    if (!json_is_integer(ec)) {
        json_decref(*root);
        *root = NULL;
        return wt_error(WETEE_ERR_DECODE, MOD ": %s %s: answer without an integer \"exit_code\"", what, method);
    }
    *exit_code = (int)json_integer_value(ec);
    return WETEE_OK;
}

int wetee_toncenter_run_get_method(wetee_buf *result, int *exit_code, wetee_toncenter *c, const char *address,
                                   const char *method, const char *stack_json)
{
    json_t *root = NULL, *res, *stack;
    json_error_t e;
    char *s;
    int rc;
    WT_ARG(result != NULL && exit_code != NULL, MOD, "result or exit_code is NULL");
    WT_ARG(c != NULL && method != NULL, MOD, "c or method is NULL");
    if ((rc = check_address(address, "runGetMethod"))) return rc;
    if (stack_json == NULL) stack = json_array();
    else if ((stack = json_loads(stack_json, 0, &e)) == NULL || !json_is_array(stack)) {
        json_decref(stack);
        return wt_error(WETEE_ERR_DECODE, MOD ": runGetMethod %s: stack is not a JSON array", method);
    }
    if ((rc = run_get(&root, &res, exit_code, c, address, method, stack))) return rc;
    s = json_dumps(res, JSON_COMPACT);
    json_decref(root);
    if (s == NULL) return no_memory();
    result->len = 0; /* replaced: the inputs (possibly inside it) were read above */
    rc = wetee_buf_append(result, (const uint8_t *)s, strlen(s));
    if (rc == WETEE_OK) rc = wt_buf_terminate(result);
    wt_json_text_free(s);
    return rc;
}

/* Stack entry i of a get-method result: ["num", "0x.."] as an integer. */
static int stack_num(uint64_t *out, json_t *result, size_t i, const char *what)
{
    json_t *e = json_array_get(json_object_get(result, "stack"), i);
    const char *t = json_string_value(json_array_get(e, 0)), *v = json_string_value(json_array_get(e, 1));
    uint64_t x = 0;
    int neg = 0;
    if (t == NULL || strcmp(t, "num") || v == NULL)
        return wt_error(WETEE_ERR_DECODE, MOD ": %s: stack entry %zu is not [\"num\", ...]", what, i);
    if (*v == '-') neg = 1, v++;
    if (strncmp(v, "0x", 2)) return wt_error(WETEE_ERR_DECODE, MOD ": %s: stack number without 0x: %.40s", what, v);
    v += 2;
    if (*v == 0 || strlen(v) > 16) return wt_error(WETEE_ERR_DECODE, MOD ": %s: stack number out of range", what);
    for (; *v; v++) {
        int d = isdigit((unsigned char)*v) ? *v - '0' : (tolower((unsigned char)*v) >= 'a' && tolower((unsigned char)*v) <= 'f') ? tolower((unsigned char)*v) - 'a' + 10 : -1;
        if (d < 0) return wt_error(WETEE_ERR_DECODE, MOD ": %s: bad hex digit in a stack number", what);
        x = x << 4 | (uint64_t)d;
    }
    if (neg && x) return wt_error(WETEE_ERR_DECODE, MOD ": %s: negative stack number", what);
    *out = x;
    return WETEE_OK;
}

static int address_state(int *state, wetee_toncenter *c, const char *address)
{
    static const char what[] = "getAddressState";
    json_t *root = NULL, *res;
    const char *s;
    char *url = url_of(c->v2, what, "address", address);
    int rc;
    if (url == NULL) return no_memory();
    rc = call_v2(c, &root, &res, what, url, NULL);
    wt_free(url);
    if (rc) return rc;
    s = json_string_value(res);
    if (s && !strcmp(s, "active")) *state = WETEE_TONCENTER_ACTIVE;
    else if (s && !strcmp(s, "uninitialized")) *state = WETEE_TONCENTER_UNINITIALIZED;
    else if (s && !strcmp(s, "frozen")) *state = WETEE_TONCENTER_FROZEN;
    else rc = wt_error(WETEE_ERR_DECODE, MOD ": %s: unknown state %.40s", what, s ? s : "(not a string)");
    json_decref(root);
    return rc;
}

int wetee_toncenter_seqno(uint32_t *seqno, wetee_toncenter *c, const char *address)
{
    json_t *root = NULL, *res;
    int rc, ec = 0, state;
    uint64_t v = 0;
    WT_ARG(seqno != NULL && c != NULL, MOD, "seqno or c is NULL");
    if ((rc = check_address(address, "seqno"))) return rc;
    if ((rc = run_get(&root, &res, &ec, c, address, "seqno", json_array()))) return rc;
    if (ec == 0 || ec == 1) {
        rc = stack_num(&v, res, 0, "seqno");
        if (rc == WETEE_OK && v > UINT32_MAX) rc = wt_error(WETEE_ERR_DECODE, MOD ": seqno: %" PRIu64 " above 2^32-1", v);
        json_decref(root);
        if (rc == WETEE_OK) *seqno = (uint32_t)v;
        return rc;
    }
    json_decref(root);
    if ((rc = address_state(&state, c, address))) return rc;
    if (state == WETEE_TONCENTER_UNINITIALIZED) {
        *seqno = 0;
        return WETEE_OK;
    }
    return wt_error(WETEE_ERR_NETWORK, MOD ": seqno: get-method failed with exit code %d on a deployed account", ec);
}

int wetee_toncenter_jetton_wallet_address(wetee_ton_address *out, wetee_toncenter *c, const char *master,
                                          const wetee_ton_address *owner)
{
    static const char what[] = "get_wallet_address";
    wetee_ton_builder *b = NULL;
    wetee_ton_cell *cell = NULL;
    wetee_ton_slice *sl = NULL;
    wetee_buf boc = WETEE_BUF_INIT, b64 = WETEE_BUF_INIT;
    json_t *root = NULL, *res, *e, *bytes;
    int rc, ec = 0, none = 0;
    WT_ARG(out != NULL && c != NULL && owner != NULL, MOD, "out, c or owner is NULL");
    if ((rc = check_address(master, what))) return rc;
    if ((rc = wetee_ton_builder_new(&b)) || (rc = wetee_ton_builder_store_address(b, owner)) ||
        (rc = wetee_ton_builder_end(&cell, b)) || (rc = wetee_ton_boc_serialize(&boc, cell, 0)) ||
        (rc = wetee_base64_encode(&b64, boc.data, boc.len, 0)))
        goto done;
    wetee_ton_cell_free(cell);
    cell = NULL;
    rc = run_get(&root, &res, &ec, c, master, what, json_pack("[[s,s]]", "tvm.Slice", (const char *)b64.data));
    if (rc) goto done;
    if (ec != 0 && ec != 1) {
        rc = wt_error(WETEE_ERR_NETWORK, MOD ": %s: exit code %d", what, ec);
        goto done;
    }
    /* ["cell", {"bytes": base64 BOC, ...}] (also "slice") */
    e = json_array_get(json_object_get(res, "stack"), 0);
    bytes = json_object_get(json_array_get(e, 1), "bytes");
    if (!json_is_string(bytes)) {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": %s: stack entry 0 is not a cell with \"bytes\"", what);
        goto done;
    }
    if ((rc = wetee_ton_boc_parse_base64(&cell, json_string_value(bytes), strlen(json_string_value(bytes)))) ||
        (rc = wetee_ton_slice_new(&sl, cell)) || (rc = wetee_ton_slice_load_address(out, &none, sl)))
        goto done;
    if (none) rc = wt_error(WETEE_ERR_DECODE, MOD ": %s: the master returned addr_none", what);
done:
    json_decref(root);
    wetee_ton_slice_free(sl);
    wetee_ton_cell_free(cell);
    wetee_ton_builder_free(b);
    wetee_buf_free(&boc);
    wetee_buf_free(&b64);
    return rc;
}

int wetee_toncenter_account_info(wetee_toncenter_account *out, wetee_toncenter *c, const char *address)
{
    static const char what[] = "getAddressInformation";
    json_t *root = NULL, *res, *v, *last;
    const char *s;
    char *url;
    int rc;
    WT_ARG(out != NULL && c != NULL, MOD, "out or c is NULL");
    if ((rc = check_address(address, what))) return rc;
    memset(out, 0, sizeof *out);
    if ((url = url_of(c->v2, what, "address", address)) == NULL) return no_memory();
    rc = call_v2(c, &root, &res, what, url, NULL);
    wt_free(url);
    if (rc) return rc;
    v = json_object_get(res, "balance");
    s = json_string_value(v);
    if (json_is_integer(v) && json_integer_value(v) >= 0) out->balance.lo = (uint64_t)json_integer_value(v);
    else if (s == NULL || wetee_u128_from_decimal(&out->balance, s, strlen(s), 0) != WETEE_OK)
        rc = wt_error(WETEE_ERR_DECODE, MOD ": %s: \"balance\" is not a decimal amount", what);
    s = json_string_value(json_object_get(res, "state"));
    if (rc == WETEE_OK) {
        if (s && !strcmp(s, "active")) out->state = WETEE_TONCENTER_ACTIVE;
        else if (s && !strcmp(s, "uninitialized")) out->state = WETEE_TONCENTER_UNINITIALIZED;
        else if (s && !strcmp(s, "frozen")) out->state = WETEE_TONCENTER_FROZEN;
        else rc = wt_error(WETEE_ERR_DECODE, MOD ": %s: unknown \"state\" %.40s", what, s ? s : "(missing)");
    }
    last = json_object_get(res, "last_transaction_id");
    if (rc == WETEE_OK && last && (rc = tc_get_u64(&out->last_lt, json_object_get(last, "lt"), what, "last_transaction_id.lt")) == WETEE_OK &&
        out->last_lt != 0)
        rc = tc_get_b64_32(out->last_hash, json_object_get(last, "hash"), what, "last_transaction_id.hash");
    json_decref(root);
    return rc;
}

/* ---- v3 ---- */

static int hash_query(char hex[65], const uint8_t h[32])
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        hex[2 * i] = digits[h[i] >> 4];
        hex[2 * i + 1] = digits[h[i] & 15];
    }
    hex[64] = 0;
    return WETEE_OK;
}

/* v3 transactionsByMessage (direction in): the transaction that processed
 * the message, with its messages. */
static int tx_by_message(wetee_toncenter *c, const uint8_t msg_hash[32], wetee_toncenter_tx *tx, tc_tx_extra *extra,
                         wetee_toncenter_msg *outs, size_t max_out, size_t *out_count)
{
    static const char what[] = "transactionsByMessage";
    char hex[65], *url, *full;
    json_t *root = NULL;
    size_t n;
    int rc;
    hash_query(hex, msg_hash);
    if ((url = url_of(c->v3, what, "msg_hash", hex)) == NULL) return no_memory();
    n = strlen(url) + 32;
    if ((full = wt_malloc(n)) == NULL) {
        wt_free(url);
        return no_memory();
    }
    snprintf(full, n, "%s&direction=in&limit=1", url);
    wt_free(url);
    rc = call_json(c, &root, what, full, NULL);
    wt_free(full);
    if (rc) return rc;
    rc = tc_parse_tx_list(tx, extra, NULL, outs, max_out, out_count, root, what);
    if (rc == WETEE_ERR_NOT_FOUND) rc = wt_error(WETEE_ERR_NOT_FOUND, MOD ": %s: no transaction for message %s", what, hex);
    json_decref(root);
    return rc;
}

int wetee_toncenter_find_transaction(wetee_toncenter_tx *out, wetee_toncenter *c, const uint8_t msg_hash[32])
{
    WT_ARG(out != NULL && c != NULL && msg_hash != NULL, MOD, "out, c or msg_hash is NULL");
    return tx_by_message(c, msg_hash, out, NULL, NULL, 0, NULL);
}

/* ---- payment confirmation ---- */

#define CONFIRM_MAX_OUT 16

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void raw_of(char out[WETEE_TON_ADDRESS_RAW_BUFSIZE], const wetee_ton_address *a)
{
    if (wetee_ton_address_to_raw(out, WETEE_TON_ADDRESS_RAW_BUFSIZE, a) != WETEE_OK) strcpy(out, "?");
}

/* The first internal message going forward (not a bounce, not a log). */
static const wetee_toncenter_msg *next_message(const wetee_toncenter_msg *outs, size_t n)
{
    for (size_t i = 0; i < n && i < CONFIRM_MAX_OUT; i++)
        if (outs[i].has_destination && !outs[i].bounced) return &outs[i];
    return NULL;
}

static const wetee_toncenter_msg *bounce_message(const wetee_toncenter_msg *outs, size_t n)
{
    for (size_t i = 0; i < n && i < CONFIRM_MAX_OUT; i++)
        if (outs[i].bounced) return &outs[i];
    return NULL;
}

int wetee_toncenter_confirm(wetee_toncenter_confirmation *out, wetee_toncenter *c, const uint8_t ext_hash[32],
                            const wetee_toncenter_confirm_options *opts)
{
    static const wetee_toncenter_confirm_options dflt = WETEE_TONCENTER_CONFIRM_OPTIONS_INIT;
    wetee_toncenter_msg outs[CONFIRM_MAX_OUT];
    uint8_t want[32];
    char hex[65], hex2[65], addr[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    unsigned stage = 0;
    uint64_t deadline;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    memset(out, 0, sizeof *out);
    WT_ARG(c != NULL && ext_hash != NULL, MOD, "c or ext_hash is NULL");
    if (opts == NULL) opts = &dflt;
    if (opts->version != WETEE_TONCENTER_CONFIRM_OPTIONS_VERSION)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": confirm: unknown options version %u", opts->version);
    if (opts->hops < 1 || opts->hops > 8)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": confirm: hops %u outside 1..8", opts->hops);
    memcpy(want, ext_hash, 32);
    deadline = now_ms() + opts->timeout_ms;
    for (;;) {
        wetee_toncenter_tx tx;
        tc_tx_extra x;
        size_t nout = 0;
        const wetee_toncenter_msg *next, *bounce;
        rc = tx_by_message(c, want, &tx, &x, outs, CONFIRM_MAX_OUT, &nout);
        if (rc == WETEE_ERR_NOT_FOUND) {
            uint64_t t = now_ms();
            if (t >= deadline) break;
            sleep_ms((unsigned)(deadline - t < opts->poll_ms ? deadline - t : opts->poll_ms));
            continue;
        }
        if (rc) return rc;
        hash_query(hex, tx.hash);
        if (stage == 0) {
            out->has_wallet_tx = 1;
            out->wallet_tx = tx;
            out->status = WETEE_TONCENTER_PAYMENT_PENDING;
            next = next_message(outs, nout);
            if (!tx.success || next == NULL) {
                out->status = WETEE_TONCENTER_PAYMENT_FAILED;
                if (!tx.success)
                    return wt_error(WETEE_ERR_STATE, MOD ": confirm: the wallet's transaction %s failed (%s, compute "
                                    "exit code %d, action result code %d)", hex, tx.aborted ? "aborted" : "not aborted",
                                    tx.exit_code, x.result_code);
                return wt_error(WETEE_ERR_STATE, MOD ": confirm: the wallet's transaction %s sent no message (action "
                                "result code %d; with send mode +2 a message the balance cannot pay is skipped)",
                                hex, x.result_code);
            }
            out->has_payment = 1;
            out->payment = *next;
            memcpy(want, next->hash, 32);
            stage = 1;
            continue;
        }
        out->hops = stage;
        out->has_last_tx = 1;
        out->last_tx = tx;
        raw_of(addr, &tx.account);
        bounce = bounce_message(outs, nout);
        if (bounce || x.bounce_phase) {
            char val[WETEE_U128_DECIMAL_BUFSIZE] = "unknown";
            out->status = WETEE_TONCENTER_PAYMENT_BOUNCED;
            if (bounce) {
                out->has_bounce = 1;
                out->bounce = *bounce;
                wetee_u128_to_decimal(val, sizeof val, bounce->value, 0);
            }
            return wt_error(WETEE_ERR_STATE, MOD ": confirm: the payment bounced at %s (hop %u of %u, transaction %s, "
                            "compute exit code %d): %s nanotons return to the sender", addr, stage, opts->hops, hex,
                            tx.exit_code, val);
        }
        if (stage == opts->hops && (opts->hops == 1 || tx.success)) {
            out->status = WETEE_TONCENTER_PAYMENT_CONFIRMED;
            return WETEE_OK;
        }
        next = next_message(outs, nout);
        if (!tx.success || next == NULL) {
            out->status = WETEE_TONCENTER_PAYMENT_FAILED;
            return wt_error(WETEE_ERR_STATE, MOD ": confirm: the transaction %s at %s (hop %u of %u) %s (compute exit "
                            "code %d, action result code %d)", hex, addr, stage, opts->hops,
                            tx.success ? "sent no message" : "failed without bouncing", tx.exit_code, x.result_code);
        }
        memcpy(want, next->hash, 32);
        stage++;
    }
    hash_query(hex2, want);
    if (stage == 0)
        return wt_error(WETEE_ERR_TIMEOUT, MOD ": confirm: after %u ms the indexer has no transaction for the external "
                        "message %s (not accepted, expired, or not indexed yet)", opts->timeout_ms, hex2);
    hash_query(hex, out->wallet_tx.hash);
    return wt_error(WETEE_ERR_TIMEOUT, MOD ": confirm: after %u ms: the wallet's transaction %s is known; hop %u of %u "
                    "(message %s) is not indexed yet", opts->timeout_ms, hex, stage, opts->hops, hex2);
}

int wetee_toncenter_find_trace(wetee_toncenter_trace *out, wetee_toncenter *c, const uint8_t msg_hash[32])
{
    static const char what[] = "traces";
    char hex[65], *url;
    json_t *root = NULL, *tr, *info, *txs, *tx;
    const char *key, *state;
    int rc;
    WT_ARG(out != NULL && c != NULL && msg_hash != NULL, MOD, "out, c or msg_hash is NULL");
    memset(out, 0, sizeof *out);
    hash_query(hex, msg_hash);
    if ((url = url_of(c->v3, what, "msg_hash", hex)) == NULL) return no_memory();
    rc = call_json(c, &root, what, url, NULL);
    wt_free(url);
    if (rc) return rc;
    tr = json_object_get(root, "traces");
    if (!json_is_array(tr)) {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": %s: answer without a \"traces\" array", what);
        goto done;
    }
    if (json_array_size(tr) == 0) {
        rc = wt_error(WETEE_ERR_NOT_FOUND, MOD ": %s: no trace for message %s", what, hex);
        goto done;
    }
    tr = json_array_get(tr, 0);
    if ((rc = tc_get_b64_32(out->trace_id, json_object_get(tr, "trace_id"), what, "trace_id"))) goto done;
    info = json_object_get(tr, "trace_info");
    state = json_string_value(json_object_get(info, "trace_state"));
    out->complete = !json_is_true(json_object_get(tr, "is_incomplete")) && state && !strcmp(state, "complete");
    if (json_is_integer(json_object_get(info, "pending_messages")))
        out->pending_messages = (uint32_t)json_integer_value(json_object_get(info, "pending_messages"));
    txs = json_object_get(tr, "transactions");
    if (!json_is_object(txs)) {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": %s: trace without a \"transactions\" object", what);
        goto done;
    }
    json_object_foreach(txs, key, tx) {
        wetee_toncenter_tx t;
        if ((rc = tc_read_tx(&t, NULL, tx, what))) goto done;
        out->transactions++;
        if (!t.success) out->failed++;
    }
done:
    json_decref(root);
    return rc;
}

#endif /* WETEE_WITH_NETWORK */
