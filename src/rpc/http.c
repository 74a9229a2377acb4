/* HTTP transport (libcurl multi): one POST per request, many in flight,
 * on one service thread.
 *
 * Endpoints: with WETEE_RPC_CHECK_GENESIS each endpoint answers
 * chain_getBlockHash(0) before its first request (and again after it
 * could not be reached); one that serves another chain is skipped.
 * Connection failures (the request reached no server): a request is tried
 * on the next endpoint, and after a round in which none could be reached
 * it waits (reconnect_initial_ms, doubling up to reconnect_max_ms, with
 * jitter) and tries again, for up to reconnect_limit rounds and within its
 * deadline. A transaction submission is never retried nor sent elsewhere:
 * it fails at once (WETEE_ERR_NETWORK) and the caller decides. */
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
    size_t tries;     /* endpoints tried in this round */
    int rounds;       /* rounds in which no endpoint could be reached */
    uint64_t retry_at;
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
    http_req *waiting; /* waiting for their retry time */
    unsigned char *gok; /* per endpoint: the genesis check passed */
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

static void setup_easy(http_tr *t, CURL *e, size_t ep, const char *body, size_t len, http_req *h, long timeout_ms)
{
    const wetee_rpc_options *o = wt_rpc_opts(t->rpc);
    curl_easy_setopt(e, CURLOPT_URL, wt_rpc_url(t->rpc, ep));
    curl_easy_setopt(e, CURLOPT_POST, 1L);
    curl_easy_setopt(e, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, h);
    curl_easy_setopt(e, CURLOPT_PRIVATE, h);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)o->connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    if (o->ca_file) curl_easy_setopt(e, CURLOPT_CAINFO, o->ca_file);
}

static int start_easy(http_tr *t, http_req *h)
{
    const wetee_rpc_options *o = wt_rpc_opts(t->rpc);
    CURL *e = curl_easy_init();
    if (!e) return -1;
    h->easy = e;
    h->body_len = 0;
    h->too_long = 0;
    setup_easy(t, e, h->ep, h->out.buf + WT_RPC_PRE, h->out.len, h,
               (long)o->request_timeout_ms + (long)o->connect_timeout_ms);
    if (curl_multi_add_handle(t->multi, e) != CURLM_OK) {
        curl_easy_cleanup(e);
        h->easy = NULL;
        return -1;
    }
    h->next = t->active;
    t->active = h;
    return 0;
}

static int is_connect_failure(CURLcode cc, CURL *e)
{
    if (cc == CURLE_COULDNT_CONNECT || cc == CURLE_COULDNT_RESOLVE_HOST) return 1;
    if (cc != CURLE_OPERATION_TIMEDOUT) return 0;
    curl_off_t connected = 0; /* 0: no connection was made */
    curl_easy_getinfo(e, CURLINFO_CONNECT_TIME_T, &connected);
    return connected == 0;
}

/* With WETEE_RPC_CHECK_GENESIS, before endpoint `ep` takes a request:
 * chain_getBlockHash(0), blocking this thread for at most
 * connect_timeout_ms twice. 0: usable; -1: unreachable (`*unreachable`
 * set) or serving another chain (reported by the engine). */
static int check_endpoint(http_tr *t, size_t ep, int *unreachable)
{
    const wetee_rpc_options *o = wt_rpc_opts(t->rpc);
    *unreachable = 0;
    if (!(o->flags & WETEE_RPC_CHECK_GENESIS) || t->gok[ep]) return 0;
    static const char q[] = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"chain_getBlockHash\",\"params\":[0]}";
    http_req probe;
    memset(&probe, 0, sizeof probe);
    probe.rpc = t->rpc;
    CURL *e = curl_easy_init();
    if (!e) return -1;
    setup_easy(t, e, ep, q, sizeof q - 1, &probe, 2L * (long)o->connect_timeout_ms);
    CURLcode cc = curl_easy_perform(e);
    int rc = -1;
    char why[300];
    if (cc != CURLE_OK) {
        *unreachable = is_connect_failure(cc, e);
        snprintf(why, sizeof why, "%s: %s", wt_rpc_url(t->rpc, ep), curl_easy_strerror(cc));
        if (!*unreachable) wt_rpc_genesis_verdict(t->rpc, ep, NULL, 0, why);
    } else {
        wt_rpc_msg m;
        if (probe.body_len && wt_rpc_msg_parse(&m, probe.body, probe.body_len) == WETEE_OK && m.result.p)
            rc = wt_rpc_genesis_verdict(t->rpc, ep, m.result.p, m.result.n, NULL);
        else
            rc = wt_rpc_genesis_verdict(t->rpc, ep, NULL, 0, "not a JSON-RPC result");
    }
    curl_easy_cleanup(e);
    wt_free(probe.body);
    if (rc == 0) t->gok[ep] = 1;
    return rc;
}

static uint64_t retry_delay_ns(wetee_rpc *rpc, int round)
{
    const wetee_rpc_options *o = wt_rpc_opts(rpc);
    uint64_t d = o->reconnect_initial_ms;
    for (int i = 1; i < round && d < o->reconnect_max_ms; i++) d *= 2;
    if (d > o->reconnect_max_ms) d = o->reconnect_max_ms;
    uint64_t ns = d * 1000000ull;
    if (!(o->flags & WETEE_RPC_NO_JITTER) && o->reconnect_jitter_pct) {
        uint32_t rnd = 0;
        if (wt_random(&rnd, sizeof rnd, "rpc") == WETEE_OK) {
            uint64_t span = ns * o->reconnect_jitter_pct / 100;
            ns = ns - span + (span ? (uint64_t)rnd % (2 * span + 1) : 0);
        }
    }
    return ns;
}

static void req_done(http_req *h);

/* Send `h` on h->ep, or on the next endpoints; after a round with none
 * reachable, wait for a retry (or fail when the rounds are used up).
 * `first`: h->ep has not been tried yet. */
static void dispatch(http_tr *t, http_req *h, int first, const char *last_failure)
{
    size_t n = wt_rpc_url_count(t->rpc);
    char d[700];
    if (!first) goto next;
    for (;;) {
        int unreachable = 0;
        if (check_endpoint(t, h->ep, &unreachable) == 0) {
            if (start_easy(t, h) == 0) return;
            wt_rpc_http_done(t->rpc, h->out.id, WETEE_ERR_NO_MEMORY, NULL, 0, "cannot start a transfer");
            req_done(h);
            return;
        }
        snprintf(d, sizeof d, "%s: %s", wt_rpc_url(t->rpc, h->ep),
                 unreachable ? "cannot connect" : "rejected (genesis check)");
        last_failure = d;
        wt_rpc_http_failover(t->rpc, h->ep, unreachable);
    next:
        if (h->out.submission) {
            char m[900];
            snprintf(m, sizeof m, "%s; a transaction submission is not retried nor sent to another endpoint "
                     "(submit it again if it should be)", last_failure ? last_failure : "endpoint unusable");
            wt_rpc_http_done(t->rpc, h->out.id, WETEE_ERR_NETWORK, NULL, 0, m);
            req_done(h);
            return;
        }
        if (++h->tries >= n) {
            const wetee_rpc_options *o = wt_rpc_opts(t->rpc);
            int limit = o->reconnect_limit < 0 ? 0 : o->reconnect_limit;
            h->tries = 0;
            if (++h->rounds > limit) {
                char m[900];
                snprintf(m, sizeof m, "no endpoint reachable in %d round%s (last: %s)", h->rounds,
                         h->rounds == 1 ? "" : "s", last_failure ? last_failure : "?");
                wt_rpc_http_done(t->rpc, h->out.id, WETEE_ERR_NETWORK, NULL, 0, m);
                req_done(h);
                return;
            }
            h->ep = (h->ep + 1) % n;
            h->retry_at = wt_rpc_now_ns() + retry_delay_ns(t->rpc, h->rounds);
            h->next = t->waiting;
            t->waiting = h;
            return;
        }
        h->ep = (h->ep + 1) % n;
    }
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
    int connect_failure = is_connect_failure(cc, h->easy);
    unlink_req(t, h);
    const char *url = wt_rpc_url(t->rpc, h->ep);
    char d[600];
    if (connect_failure) {
        /* the request reached no server */
        snprintf(d, sizeof d, "cannot reach %s: %s", url, curl_easy_strerror(cc));
        t->gok[h->ep] = 0; /* checked again before its next use */
        wt_rpc_http_failover(t->rpc, h->ep, 1);
        dispatch(t, h, 0, d);
        return;
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

/* retries whose time has come */
static uint64_t run_waiting(http_tr *t)
{
    uint64_t now = wt_rpc_now_ns(), next = UINT64_MAX;
    http_req **pp = &t->waiting;
    while (*pp) {
        http_req *h = *pp;
        if (h->retry_at > now) {
            if (h->retry_at < next) next = h->retry_at;
            pp = &h->next;
            continue;
        }
        *pp = h->next;
        h->next = NULL;
        if (!wt_rpc_req_alive(t->rpc, h->out.id)) req_done(h); /* timed out meanwhile: already reported */
        else dispatch(t, h, 1, NULL);
        pp = &t->waiting; /* dispatch may have put requests back */
        now = wt_rpc_now_ns();
        next = UINT64_MAX;
    }
    return next;
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
            dispatch(t, h, 1, NULL);
        }
        uint64_t retry = run_waiting(t);
        if (retry < next) next = retry;
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
    while (t->waiting) {
        http_req *h = t->waiting;
        t->waiting = h->next;
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
    t->gok = wt_calloc(wt_rpc_url_count(rpc), 1);
    if (!t->multi || !t->headers || !t->gok) {
        if (t->multi) curl_multi_cleanup(t->multi);
        curl_slist_free_all(t->headers);
        wt_free(t->gok);
        wt_free(t);
        return wt_error(WETEE_ERR_NO_MEMORY, "rpc: cannot initialise libcurl");
    }
    curl_multi_setopt(t->multi, CURLMOPT_MAX_HOST_CONNECTIONS, 16L);
    wt_rpc_set_tr(rpc, t);
    if (pthread_create(&t->thread, NULL, http_thread, t) != 0) {
        curl_multi_cleanup(t->multi);
        curl_slist_free_all(t->headers);
        wt_free(t->gok);
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
    wt_free(t->gok);
    wt_rpc_set_tr(rpc, NULL);
    wt_free(t);
}

const wt_tr_ops wt_rpc_http_ops = { http_start, http_wake, http_stop, NULL, NULL };
#else
typedef int wt_rpc_http_unused;
#endif
