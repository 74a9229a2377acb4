/* HTTP transport (libcurl multi): one POST per request, many in flight,
 * on one service thread; an endpoint that cannot be reached is replaced by
 * the next for the same request (the request never reached a server). */
#ifdef WETEE_WITH_NETWORK
#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "internal/common.h"
#include "internal/rpc.h"

typedef struct http_req {
    struct http_req *next;
    wetee_rpc *rpc;
    CURL *easy;
    wt_rpc_out out;
    size_t ep;
    size_t tries;
    char *body;
    size_t body_len, body_cap;
    int too_long;
} http_req;

typedef struct http_tr {
    wetee_rpc *rpc;
    CURLM *multi;
    struct curl_slist *headers;
    pthread_t thread;
    int started;
    atomic_int stop;
    http_req *active;
} http_tr;

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static void curl_init_once(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

static size_t on_body(char *data, size_t size, size_t n, void *ud)
{
    http_req *h = ud;
    size_t len = size * n;
    size_t max = wt_rpc_opts(h->rpc)->max_message_bytes;
    if (h->body_len + len > max) {
        h->too_long = 1;
        return 0; /* aborts the transfer */
    }
    if (h->body_len + len + 1 > h->body_cap) {
        size_t nc = h->body_cap ? h->body_cap : 1024;
        while (nc < h->body_len + len + 1) nc *= 2;
        char *b = wt_realloc(h->body, nc);
        if (!b) return 0;
        h->body = b;
        h->body_cap = nc;
    }
    memcpy(h->body + h->body_len, data, len);
    h->body_len += len;
    return len;
}

static int start_easy(http_tr *t, http_req *h)
{
    const wetee_rpc_options *o = wt_rpc_opts(t->rpc);
    CURL *e = curl_easy_init();
    if (!e) return -1;
    h->easy = e;
    h->body_len = 0;
    h->too_long = 0;
    curl_easy_setopt(e, CURLOPT_URL, wt_rpc_url(t->rpc, h->ep));
    curl_easy_setopt(e, CURLOPT_POST, 1L);
    curl_easy_setopt(e, CURLOPT_POSTFIELDS, h->out.buf + WT_RPC_PRE);
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)h->out.len);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, h);
    curl_easy_setopt(e, CURLOPT_PRIVATE, h);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)o->connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)o->request_timeout_ms + (long)o->connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    if (o->ca_file) curl_easy_setopt(e, CURLOPT_CAINFO, o->ca_file);
    if (curl_multi_add_handle(t->multi, e) != CURLM_OK) {
        curl_easy_cleanup(e);
        h->easy = NULL;
        return -1;
    }
    h->next = t->active;
    t->active = h;
    return 0;
}

static void unlink_req(http_tr *t, http_req *h)
{
    for (http_req **pp = &t->active; *pp; pp = &(*pp)->next)
        if (*pp == h) {
            *pp = h->next;
            break;
        }
    curl_multi_remove_handle(t->multi, h->easy);
    curl_easy_cleanup(h->easy);
    h->easy = NULL;
}

static void req_done(http_req *h)
{
    wt_rpc_out_free(&h->out);
    wt_free(h->body);
    wt_free(h);
}

static void finish(http_tr *t, http_req *h, CURLcode cc)
{
    long status = 0;
    curl_easy_getinfo(h->easy, CURLINFO_RESPONSE_CODE, &status);
    unlink_req(t, h);
    const char *url = wt_rpc_url(t->rpc, h->ep);
    char d[600];
    size_t n = wt_rpc_url_count(t->rpc);
    if (cc == CURLE_COULDNT_CONNECT || cc == CURLE_COULDNT_RESOLVE_HOST ||
        (cc == CURLE_OPERATION_TIMEDOUT && status == 0 && h->body_len == 0 && h->tries + 1 < n)) {
        wt_rpc_http_failover(t->rpc, h->ep);
        if (++h->tries < n) {
            h->ep = (h->ep + 1) % n;
            if (start_easy(t, h) == 0) return;
        }
        snprintf(d, sizeof d, "cannot reach %s: %s", url, curl_easy_strerror(cc));
        wt_rpc_http_done(t->rpc, h->out.id, WETEE_ERR_NETWORK, NULL, 0, d);
    } else if (h->too_long) {
        snprintf(d, sizeof d, "response from %s over max_message_bytes (%zu)", url,
                 wt_rpc_opts(t->rpc)->max_message_bytes);
        wt_rpc_http_done(t->rpc, h->out.id, WETEE_ERR_TOO_LONG, NULL, 0, d);
    } else if (cc == CURLE_PEER_FAILED_VERIFICATION || cc == CURLE_SSL_CACERT_BADFILE || cc == CURLE_SSL_CERTPROBLEM) {
        snprintf(d, sizeof d, "TLS verification of %s failed: %s", url, curl_easy_strerror(cc));
        wt_rpc_http_done(t->rpc, h->out.id, WETEE_ERR_VERIFY, NULL, 0, d);
    } else if (cc != CURLE_OK) {
        snprintf(d, sizeof d, "%s: %s", url, curl_easy_strerror(cc));
        wt_rpc_http_done(t->rpc, h->out.id, cc == CURLE_OPERATION_TIMEDOUT ? WETEE_ERR_TIMEOUT : WETEE_ERR_NETWORK,
                         NULL, 0, d);
    } else if (h->body_len == 0 || (status != 200 && (h->body_len == 0 || h->body[0] != '{'))) {
        snprintf(d, sizeof d, "%s answered HTTP %ld%s", url, status, h->body_len ? "" : " with an empty body");
        wt_rpc_http_done(t->rpc, h->out.id, status >= 200 && status < 300 ? WETEE_ERR_DECODE : WETEE_ERR_NETWORK,
                         NULL, 0, d);
    } else {
        wt_rpc_http_done(t->rpc, h->out.id, WETEE_OK, h->body, h->body_len, NULL);
    }
    req_done(h);
}

static void *http_thread(void *arg)
{
    http_tr *t = arg;
    while (!atomic_load(&t->stop)) {
        uint64_t next;
        (void)wt_rpc_tick(t->rpc, &next);
        wt_rpc_out o;
        while (wt_rpc_next_out(t->rpc, &o)) {
            http_req *h = wt_calloc(1, sizeof *h);
            if (!h) {
                wt_rpc_http_done(t->rpc, o.id, WETEE_ERR_NO_MEMORY, NULL, 0, "out of memory");
                wt_rpc_out_free(&o);
                continue;
            }
            h->rpc = t->rpc;
            h->out = o;
            h->ep = wt_rpc_current_ep(t->rpc);
            if (start_easy(t, h)) {
                wt_rpc_http_done(t->rpc, o.id, WETEE_ERR_NO_MEMORY, NULL, 0, "cannot start a transfer");
                req_done(h);
            }
        }
        int running;
        curl_multi_perform(t->multi, &running);
        CURLMsg *m;
        int left;
        while ((m = curl_multi_info_read(t->multi, &left))) {
            if (m->msg != CURLMSG_DONE) continue;
            http_req *h = NULL;
            curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&h);
            if (h) finish(t, h, m->data.result);
        }
        uint64_t now = wt_rpc_now_ns();
        int ms = next > now ? (int)((next - now) / 1000000ull) : 0;
        if (ms > 50) ms = 50;
        if (ms < 1) ms = 1;
        curl_multi_poll(t->multi, NULL, 0, ms, NULL);
    }
    while (t->active) {
        http_req *h = t->active;
        unlink_req(t, h);
        req_done(h);
    }
    return NULL;
}

static int http_start(wetee_rpc *rpc)
{
    pthread_once(&curl_once, curl_init_once);
    http_tr *t = wt_calloc(1, sizeof *t);
    if (!t) return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
    t->rpc = rpc;
    t->multi = curl_multi_init();
    t->headers = curl_slist_append(NULL, "Content-Type: application/json");
    if (!t->multi || !t->headers) {
        if (t->multi) curl_multi_cleanup(t->multi);
        curl_slist_free_all(t->headers);
        wt_free(t);
        return wt_error(WETEE_ERR_NO_MEMORY, "rpc: cannot initialise libcurl");
    }
    curl_multi_setopt(t->multi, CURLMOPT_MAX_HOST_CONNECTIONS, 16L);
    wt_rpc_set_tr(rpc, t);
    if (pthread_create(&t->thread, NULL, http_thread, t) != 0) {
        curl_multi_cleanup(t->multi);
        curl_slist_free_all(t->headers);
        wt_rpc_set_tr(rpc, NULL);
        wt_free(t);
        return wt_error(WETEE_ERR_NO_MEMORY, "rpc: cannot start the service thread");
    }
    t->started = 1;
    return WETEE_OK;
}

static void http_wake(wetee_rpc *rpc)
{
    http_tr *t = wt_rpc_tr(rpc);
    if (t) curl_multi_wakeup(t->multi);
}

static void http_stop(wetee_rpc *rpc)
{
    http_tr *t = wt_rpc_tr(rpc);
    if (!t) return;
    atomic_store(&t->stop, 1);
    curl_multi_wakeup(t->multi);
    if (t->started) pthread_join(t->thread, NULL);
    curl_multi_cleanup(t->multi);
    curl_slist_free_all(t->headers);
    wt_rpc_set_tr(rpc, NULL);
    wt_free(t);
}

const wt_tr_ops wt_rpc_http_ops = { http_start, http_wake, http_stop };
#else
typedef int wt_rpc_http_unused;
#endif
