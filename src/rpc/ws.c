/* WebSocket transport (libwebsockets): one lws context and one service
 * thread per client; at most one connection at a time. */
#ifdef WETEE_WITH_NETWORK
#include <errno.h>
#include <libwebsockets.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "internal/common.h"
#include "internal/rpc.h"

_Static_assert(WT_RPC_PRE >= LWS_PRE, "WT_RPC_PRE must cover LWS_PRE");

typedef struct ws_tr {
    wetee_rpc *rpc;
    struct lws_context *ctx;
    struct lws *wsi;
    int established;
    uint64_t connect_deadline;
    size_t ep;
    pthread_t thread;
    int started;
    _Atomic int stop;
    char *rx;
    size_t rx_len, rx_cap;
    /* Sending. Every data frame is written under `txmu`. The service
     * thread writes through lws_write(), which keeps what the socket did
     * not take and sends it before anything else (its own pongs too). On a
     * plain ws:// connection a caller whose request is the only one in
     * flight (wt_tr_ops.send_now) writes its frame itself with send(2) on
     * `sock`, a dup of the connection's socket, but only when the whole
     * frame fits in the socket's free send space and nothing waits (neither
     * in libwebsockets nor in `pend`), so that no frame is ever left half
     * written outside libwebsockets; otherwise the frame goes to `pend`,
     * whole, for the service thread. On wss:// (TLS state is not shared
     * between threads) the service thread writes everything. The dup keeps
     * the descriptor number ours until the connection's close callback
     * closes it, so a send never reaches a reused descriptor. */
    pthread_mutex_t txmu;
    int sock;                   /* -1: none (no connection, or TLS) */
    unsigned conn_no;           /* connections established so far */
    _Atomic unsigned direct;    /* conn_no while `sock` is usable, else 0 */
    unsigned char *pend; /* whole frames for the service thread to write */
    size_t pend_off, pend_len, pend_cap;
    _Atomic int lws_busy; /* libwebsockets holds part of a write */
    int sndbuf;           /* SO_SNDBUF of the connection */
    unsigned char *tx; /* LWS_PRE + framed messages */
    size_t tx_cap;
    uint64_t mask_state;
    int tls_conn;
    char reason[512];
    int verify;
    lws_sorted_usec_list_t sul;
    char host[256];
    char path[1024];
    char hosthdr[300];
} ws_tr;

static void set_reason(ws_tr *t, const char *prefix, const char *arg)
{
    if (t->reason[0]) return;
    snprintf(t->reason, sizeof t->reason, "%s%s", prefix, arg ? arg : "");
}

static int parse_url(ws_tr *t, const char *url, int *port, int *tls)
{
    *tls = strncmp(url, "wss://", 6) == 0;
    const char *h = url + (*tls ? 6 : 5);
    const char *end = h + strcspn(h, "/?");
    const char *colon = NULL;
    const char *hs = h, *he;
    if (*h == '[') {
        const char *rb = memchr(h, ']', (size_t)(end - h));
        if (!rb) return -1;
        hs = h + 1;
        he = rb;
        if (rb + 1 < end && rb[1] == ':') colon = rb + 1;
    } else {
        colon = memchr(h, ':', (size_t)(end - h));
        he = colon ? colon : end;
    }
    if (he <= hs || (size_t)(he - hs) >= sizeof t->host) return -1;
    memcpy(t->host, hs, (size_t)(he - hs));
    t->host[he - hs] = 0;
    *port = *tls ? 443 : 80;
    if (colon) {
        char *e;
        long p = strtol(colon + 1, &e, 10);
        if (e != end || p <= 0 || p > 65535) return -1;
        *port = (int)p;
    }
    const char *path = *end ? end : "/";
    if (strlen(path) + 2 >= sizeof t->path) return -1;
    if (*path == '?') snprintf(t->path, sizeof t->path, "/%s", path);
    else snprintf(t->path, sizeof t->path, "%s", path);
    snprintf(t->hosthdr, sizeof t->hosthdr, "%.*s", (int)(end - h), h);
    return 0;
}

static void ws_connect(ws_tr *t, size_t ep)
{
    const char *url = wt_rpc_url(t->rpc, ep);
    int port, tls;
    t->ep = ep;
    t->reason[0] = 0;
    t->verify = 0;
    t->established = 0;
    t->rx_len = 0;
    if (parse_url(t, url, &port, &tls)) {
        wt_rpc_on_closed(t->rpc, "URL does not parse", 0);
        return;
    }
    t->tls_conn = tls;
    struct lws_client_connect_info ci;
    memset(&ci, 0, sizeof ci);
    ci.context = t->ctx;
    ci.address = t->host;
    ci.port = port;
    ci.path = t->path;
    ci.host = t->hosthdr;
    ci.origin = t->hosthdr;
    ci.ssl_connection = tls ? LCCSCF_USE_SSL : 0;
    ci.local_protocol_name = "wetee-jsonrpc";
    ci.pwsi = &t->wsi;
    t->connect_deadline = wt_rpc_now_ns() + (uint64_t)wt_rpc_opts(t->rpc)->connect_timeout_ms * 1000000ull;
    if (!lws_client_connect_via_info(&ci)) {
        t->wsi = NULL;
        char r[600];
        snprintf(r, sizeof r, "cannot connect: %s", t->reason[0] ? t->reason : "connection refused or unreachable");
        wt_rpc_on_closed(t->rpc, r, t->verify);
    }
}

static int is_verify_error(const char *s)
{
    return s && (strstr(s, "certificate") || strstr(s, "verif") || strstr(s, "CERT") || strstr(s, "ssl") ||
                 strstr(s, "SSL") || strstr(s, "tls"));
}

/* Frames of a client: FIN + text, masked with a key from a xorshift
 * generator (RFC 6455 asks for unpredictable keys against proxy cache
 * poisoning; the generator is seeded from the system RNG). Several queued
 * messages go out as one write of raw, already framed bytes. */
#define WS_BATCH (256u * 1024u)

static size_t frame(unsigned char *dst, const char *msg, size_t len, uint64_t *state)
{
    size_t h = 0;
    dst[h++] = 0x81;
    if (len < 126) {
        dst[h++] = (unsigned char)(0x80 | len);
    } else if (len < 65536) {
        dst[h++] = 0x80 | 126;
        dst[h++] = (unsigned char)(len >> 8);
        dst[h++] = (unsigned char)len;
    } else {
        dst[h++] = 0x80 | 127;
        for (int i = 7; i >= 0; i--) dst[h++] = (unsigned char)((uint64_t)len >> (8 * i));
    }
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    unsigned char key[4] = { (unsigned char)x, (unsigned char)(x >> 8), (unsigned char)(x >> 16), (unsigned char)(x >> 24) };
    memcpy(dst + h, key, 4);
    h += 4;
    unsigned char *p = dst + h;
    for (size_t i = 0; i < len; i++) p[i] = (unsigned char)msg[i] ^ key[i & 3];
    return h + len;
}

/* txmu held: make room for `need` bytes after LWS_PRE in t->tx */
static int tx_reserve(ws_tr *t, size_t need)
{
    need += LWS_PRE;
    if (need <= t->tx_cap) return 0;
    size_t nc = t->tx_cap ? t->tx_cap : 65536;
    while (nc < need) nc *= 2;
    unsigned char *n = wt_realloc(t->tx, nc);
    if (!n) return -1;
    t->tx = n;
    t->tx_cap = nc;
    return 0;
}

/* txmu held: keep bytes the socket did not take, behind those kept already */
static int pend_add(ws_tr *t, const unsigned char *p, size_t n)
{
    if (t->pend_off && t->pend_off == t->pend_len) t->pend_off = t->pend_len = 0;
    if (t->pend_len + n > t->pend_cap) {
        if (t->pend_off) {
            memmove(t->pend, t->pend + t->pend_off, t->pend_len - t->pend_off);
            t->pend_len -= t->pend_off;
            t->pend_off = 0;
        }
        if (t->pend_len + n > t->pend_cap) {
            size_t nc = t->pend_cap ? t->pend_cap : 65536;
            while (nc < t->pend_len + n) nc *= 2;
            unsigned char *b = wt_realloc(t->pend, nc);
            if (!b) return -1;
            t->pend = b;
            t->pend_cap = nc;
        }
    }
    memcpy(t->pend + t->pend_len, p, n);
    t->pend_len += n;
    return 0;
}

/* txmu held: bytes the socket can take now without a partial write (a
 * conservative estimate: SO_SNDBUF less what is queued, halved for the
 * kernel's per-buffer overhead) */
static size_t send_room(ws_tr *t)
{
    int queued = 0;
    if (ioctl(t->sock, TIOCOUTQ, &queued) != 0 || queued < 0 || queued >= t->sndbuf) return 0;
    return (size_t)(t->sndbuf - queued) / 2;
}

/* service thread: the connection has ended; no send reaches it after this */
static void direct_end(ws_tr *t)
{
    pthread_mutex_lock(&t->txmu);
    atomic_store(&t->direct, 0);
    if (t->sock >= 0) close(t->sock);
    t->sock = -1;
    t->pend_off = t->pend_len = 0;
    pthread_mutex_unlock(&t->txmu);
}

static void kill_conn(ws_tr *t, struct lws *wsi, const char *why)
{
    set_reason(t, "", why);
    direct_end(t);
    lws_set_timeout(wsi, PENDING_TIMEOUT_KILLED_BY_PARENT, LWS_TO_KILL_ASYNC);
}

static void write_some(ws_tr *t, struct lws *wsi)
{
    wt_rpc_out o;
    size_t used = 0;
    pthread_mutex_lock(&t->txmu);
    if (lws_send_pipe_choked(wsi)) {
        atomic_store(&t->lws_busy, 1);
        pthread_mutex_unlock(&t->txmu);
        lws_callback_on_writable(wsi);
        return;
    }
    /* frames the callers left, first (they were taken from the queue first) */
    if (t->pend_len > t->pend_off) {
        if (tx_reserve(t, t->pend_len - t->pend_off)) {
            pthread_mutex_unlock(&t->txmu);
            kill_conn(t, wsi, "out of memory for sending");
            return;
        }
        memcpy(t->tx + LWS_PRE, t->pend + t->pend_off, t->pend_len - t->pend_off);
        used = t->pend_len - t->pend_off;
        t->pend_off = t->pend_len = 0;
    }
    while (used < WS_BATCH && wt_rpc_next_out(t->rpc, &o)) {
        if (tx_reserve(t, used + o.len + 14)) {
            wt_rpc_out_free(&o);
            pthread_mutex_unlock(&t->txmu);
            kill_conn(t, wsi, "out of memory for sending");
            return;
        }
        used += frame(t->tx + LWS_PRE + used, o.buf + WT_RPC_PRE, o.len, &t->mask_state);
        wt_rpc_out_free(&o);
    }
    int failed = used && lws_write(wsi, t->tx + LWS_PRE, used, LWS_WRITE_RAW) < 0;
    int busy = !failed && lws_partial_buffered(wsi);
    atomic_store(&t->lws_busy, busy);
    if (t->tx_cap > 4 * WS_BATCH) { /* keep a big buffer only while big messages go */
        wt_free(t->tx);
        t->tx = NULL;
        t->tx_cap = 0;
    }
    pthread_mutex_unlock(&t->txmu);
    if (failed) {
        kill_conn(t, wsi, "write failed");
        return;
    }
    if (busy || wt_rpc_has_out(t->rpc)) lws_callback_on_writable(wsi);
}

static unsigned ws_direct_token(wetee_rpc *rpc)
{
    ws_tr *t = wt_rpc_tr(rpc);
    return t ? atomic_load(&t->direct) : 0;
}

static void ws_send_now(wetee_rpc *rpc, unsigned token, char *buf, size_t len)
{
    ws_tr *t = wt_rpc_tr(rpc);
    int handover = 0, failed = 0;
    pthread_mutex_lock(&t->txmu);
    if (t->sock >= 0 && t->conn_no == token) {
        unsigned char small[512];
        unsigned char *dst = small;
        if (len + 14 > sizeof small) {
            if (tx_reserve(t, len + 14)) failed = 1;
            dst = t->tx + LWS_PRE;
        }
        size_t n = failed ? 0 : frame(dst, buf + WT_RPC_PRE, len, &t->mask_state);
        if (!failed && t->pend_len == t->pend_off && !atomic_load(&t->lws_busy) && n <= send_room(t)) {
            size_t done = 0;
            while (done < n) {
                ssize_t w = send(t->sock, dst + done, n - done, MSG_DONTWAIT | MSG_NOSIGNAL);
                if (w > 0) done += (size_t)w;
                else if (w < 0 && errno == EINTR) continue;
                else break;
            }
            if (done > 0 && done < n) {
                /* the room estimate failed: the rest must follow at once,
                 * before anything else is written; the service thread
                 * writes it first (a pong of libwebsockets could still
                 * come between: see the struct comment) */
                failed = pend_add(t, dst + done, n - done) != 0;
                handover = 1;
            } else if (done == 0) {
                failed = pend_add(t, dst, n) != 0;
                handover = 1;
            }
        } else if (!failed) {
            /* not now: the whole frame goes to the service thread */
            failed = pend_add(t, dst, n) != 0;
            handover = 1;
        }
        if (failed) atomic_store(&t->direct, 0); /* out of memory: later calls queue; this one ends at its deadline */
    }
    pthread_mutex_unlock(&t->txmu);
    wt_free(buf);
    if (handover || failed) lws_cancel_service(t->ctx);
}

static int ws_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
    (void)user;
    struct lws_context *ctx = lws_get_context(wsi);
    ws_tr *t = ctx ? lws_context_user(ctx) : NULL;
    if (!t) return 0;
    switch (reason) {
    case LWS_CALLBACK_CLIENT_ESTABLISHED:
        t->established = 1;
        t->rx_len = 0;
        pthread_mutex_lock(&t->txmu);
        t->conn_no++;
        if (t->conn_no == 0) t->conn_no = 1;
        t->pend_off = t->pend_len = 0;
        t->sock = t->tls_conn ? -1 : dup(lws_get_socket_fd(wsi));
        {
            socklen_t sl = sizeof t->sndbuf;
            if (t->sock >= 0 && (getsockopt(t->sock, SOL_SOCKET, SO_SNDBUF, &t->sndbuf, &sl) != 0 || t->sndbuf <= 0))
                t->sndbuf = 0;
        }
        atomic_store(&t->lws_busy, 0);
        atomic_store(&t->direct, t->sock >= 0 ? t->conn_no : 0);
        pthread_mutex_unlock(&t->txmu);
        wt_rpc_on_open(t->rpc, t->ep);
        lws_callback_on_writable(wsi);
        break;
    case LWS_CALLBACK_CLIENT_CONNECTION_ERROR: {
        char r[600];
        const char *why = in ? (const char *)in : "connection failed";
        snprintf(r, sizeof r, "cannot connect: %.*s", (int)(in ? strnlen(in, 400) : strlen(why)), why);
        if (t->wsi == wsi || !t->wsi) t->wsi = NULL;
        t->established = 0;
        direct_end(t);
        wt_rpc_on_closed(t->rpc, r, is_verify_error(why));
        break;
    }
    case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
        if (len >= 2) {
            const unsigned char *p = in;
            char r[200];
            snprintf(r, sizeof r, "closed by the server (code %u%s%.*s)", (unsigned)(p[0] << 8 | p[1]),
                     len > 2 ? ": " : "", (int)(len > 2 ? (len - 2 > 100 ? 100 : len - 2) : 0), (const char *)p + 2);
            set_reason(t, "", r);
        }
        break;
    case LWS_CALLBACK_CLIENT_CLOSED:
        if (t->wsi == wsi) {
            t->wsi = NULL;
            t->established = 0;
            direct_end(t);
            set_reason(t, "", "closed by the server");
            wt_rpc_on_closed(t->rpc, t->reason, 0);
        }
        break;
    case LWS_CALLBACK_CLIENT_RECEIVE: {
        size_t max = wt_rpc_opts(t->rpc)->max_message_bytes;
        if (t->rx_len + len > max) {
            char r[160];
            snprintf(r, sizeof r, "message over max_message_bytes (%zu)", max);
            set_reason(t, "protocol error: ", r);
            wt_rpc_protocol_error(t->rpc, r);
            return -1;
        }
        if (t->rx_len + len + 1 > t->rx_cap) {
            size_t nc = t->rx_cap ? t->rx_cap : 4096;
            while (nc < t->rx_len + len + 1) nc *= 2;
            char *n = wt_realloc(t->rx, nc);
            if (!n) {
                set_reason(t, "", "out of memory for a message");
                return -1;
            }
            t->rx = n;
            t->rx_cap = nc;
        }
        memcpy(t->rx + t->rx_len, in, len);
        t->rx_len += len;
        if (lws_is_final_fragment(wsi) && lws_remaining_packet_payload(wsi) == 0) {
            size_t n = t->rx_len;
            t->rx_len = 0;
            if (wt_rpc_on_message(t->rpc, t->rx, n) != WETEE_OK) {
                set_reason(t, "protocol error: ", wetee_last_error()); /* reported by the engine */
                return -1;
            }
            /* keep a big buffer only while big messages come */
            if (t->rx_cap > 1u << 20 && n < 1u << 16) {
                wt_free(t->rx);
                t->rx = NULL;
                t->rx_cap = 0;
            }
        }
        break;
    }
    case LWS_CALLBACK_CLIENT_WRITEABLE:
        if (t->wsi == wsi && t->established) write_some(t, wsi);
        break;
    case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
        /* woken for queued messages: send them now (one poll fewer than
         * waiting for the writable callback; write_some asks for that
         * callback itself when the socket is full) */
        if (t->wsi && t->established) write_some(t, t->wsi);
        break;
    default:
        break;
    }
    return 0;
}

static const struct lws_protocols ws_protocols[] = {
    { "wetee-jsonrpc", ws_callback, 0, 65536, 0, NULL, 0 },
    { NULL, NULL, 0, 0, 0, NULL, 0 },
};

static void sul_cb(lws_sorted_usec_list_t *sul) { (void)sul; }

static void *ws_thread(void *arg)
{
    ws_tr *t = arg;
    while (!t->stop) {
        uint64_t next;
        long ep = wt_rpc_tick(t->rpc, &next);
        uint64_t now = wt_rpc_now_ns();
        if (ep >= 0 && !t->wsi) ws_connect(t, (size_t)ep);
        if (t->wsi && !t->established && now > t->connect_deadline) {
            char r[80];
            snprintf(r, sizeof r, "no connection within %u ms", wt_rpc_opts(t->rpc)->connect_timeout_ms);
            set_reason(t, "", r);
            lws_set_timeout(t->wsi, PENDING_TIMEOUT_KILLED_BY_PARENT, LWS_TO_KILL_ASYNC);
        }
        if (t->wsi && wt_rpc_want_close(t->rpc)) {
            set_reason(t, "", "endpoint rejected");
            lws_set_timeout(t->wsi, PENDING_TIMEOUT_KILLED_BY_PARENT, LWS_TO_KILL_ASYNC);
        }
        if (t->wsi && t->established && wt_rpc_has_out(t->rpc)) lws_callback_on_writable(t->wsi);
        if (t->wsi && !t->established && t->connect_deadline < next) next = t->connect_deadline;
        now = wt_rpc_now_ns();
        uint64_t us = next > now ? (next - now) / 1000 : 0;
        if (us < 100) us = 100;
        lws_sul_schedule(t->ctx, 0, &t->sul, sul_cb, (lws_usec_t)us);
        lws_service(t->ctx, 0);
    }
    return NULL;
}

static pthread_once_t log_once = PTHREAD_ONCE_INIT;
static void quiet_logs(void) { lws_set_log_level(0, NULL); }

static int ws_start(wetee_rpc *rpc)
{
    pthread_once(&log_once, quiet_logs);
    ws_tr *t = wt_calloc(1, sizeof *t);
    if (!t) return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
    t->rpc = rpc;
    t->sock = -1;
    pthread_mutex_init(&t->txmu, NULL);
    if (wt_random(&t->mask_state, sizeof t->mask_state, "rpc") != WETEE_OK || t->mask_state == 0)
        t->mask_state = 0x9e3779b97f4a7c15ull ^ (uint64_t)(uintptr_t)t;
    int tls = 0;
    for (size_t i = 0; i < wt_rpc_url_count(rpc); i++)
        if (strncmp(wt_rpc_url(rpc, i), "wss://", 6) == 0) tls = 1;
    struct lws_context_creation_info info;
    memset(&info, 0, sizeof info);
    info.port = CONTEXT_PORT_NO_LISTEN;
    info.protocols = ws_protocols;
    info.gid = (gid_t)-1;
    info.uid = (uid_t)-1;
    info.user = t;
    info.fd_limit_per_thread = 8;
    info.count_threads = 1;
    if (tls) {
        info.options |= LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
        info.client_ssl_ca_filepath = wt_rpc_opts(rpc)->ca_file;
    }
    t->ctx = lws_create_context(&info);
    if (!t->ctx) {
        pthread_mutex_destroy(&t->txmu);
        wt_free(t);
        return wt_error(WETEE_ERR_NETWORK, "rpc: cannot create the libwebsockets context%s",
                        tls ? " (TLS set-up failed: check ca_file)" : "");
    }
    wt_rpc_set_tr(rpc, t);
    if (pthread_create(&t->thread, NULL, ws_thread, t) != 0) {
        lws_context_destroy(t->ctx);
        pthread_mutex_destroy(&t->txmu);
        wt_rpc_set_tr(rpc, NULL);
        wt_free(t);
        return wt_error(WETEE_ERR_NO_MEMORY, "rpc: cannot start the service thread");
    }
    t->started = 1;
    return WETEE_OK;
}

static void ws_wake(wetee_rpc *rpc)
{
    ws_tr *t = wt_rpc_tr(rpc);
    if (t && t->ctx) lws_cancel_service(t->ctx);
}

static void ws_stop(wetee_rpc *rpc)
{
    ws_tr *t = wt_rpc_tr(rpc);
    if (!t) return;
    t->stop = 1;
    lws_cancel_service(t->ctx);
    if (t->started) pthread_join(t->thread, NULL);
    lws_context_destroy(t->ctx);
    if (t->sock >= 0) close(t->sock);
    pthread_mutex_destroy(&t->txmu);
    wt_free(t->rx);
    wt_free(t->tx);
    wt_free(t->pend);
    wt_rpc_set_tr(rpc, NULL);
    wt_free(t);
}

const wt_tr_ops wt_rpc_ws_ops = { ws_start, ws_wake, ws_stop, ws_direct_token, ws_send_now };
#else
typedef int wt_rpc_ws_unused;
#endif
