/* The JSON-RPC engine: requests, deadlines, subscriptions, reconnection and
 * failover, independent of the transport (ws.c, http.c, or the
 * application's own through wetee_rpc_new_custom()).
 *
 * Locking: `mu` guards the state; `cbmu` (recursive) is held by whoever
 * runs callbacks, so callbacks of one client never run concurrently and
 * wetee_rpc_unsubscribe() can wait for a running one. Order: cbmu, then mu;
 * no callback runs with mu held. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal/common.h"
#include "internal/rpc.h"

#define MOD "rpc"
#define DEF_CONNECT_MS 10000u
#define DEF_REQUEST_MS 30000u
#define DEF_MAX_MSG ((size_t)16 << 20)
#define DEF_RECONNECT_INITIAL 100u
#define DEF_RECONNECT_MAX 10000u
#define DEF_JITTER 20u
#define DEF_LIMIT 8
#define DEF_MAX_IN_FLIGHT ((size_t)65536)
#define ORPHAN_MAX 256
#define ORPHAN_TTL_NS 2000000000ull

enum { ST_BACKOFF, ST_CONNECTING, ST_HANDSHAKE, ST_OPEN, ST_GAVE_UP, ST_CLOSING };
enum { K_USER, K_SUB, K_GENESIS, K_FIRE };
enum { S_PENDING, S_ACTIVE, S_LOST, S_CLOSED };

typedef struct req {
    uint64_t id;
    uint64_t deadline;
    int kind;
    int sent;
    int prio; /* in the handshake queue */
    size_t heap_idx;
    struct req *hnext;
    struct req *qprev, *qnext;
    int queued;
    char *msg; /* WT_RPC_PRE headroom, text, NUL; NULL once taken */
    size_t msg_len;
    wetee_rpc_response_fn cb;
    void *ctx;
    wetee_rpc_sub *sub;
    /* completion, filled under mu, run after */
    struct req *dnext;
    int dstatus;
    const char *djson; /* into the message being handled (alive until dl_run) */
    size_t dlen;
    char *ddetail;
    char method[];
} req;

struct wetee_rpc_sub {
    wetee_rpc *rpc;
    wetee_rpc_sub *prev, *next;
    char *method, *params, *unsub;
    size_t params_len;
    unsigned flags;
    wetee_rpc_sub_fn cb;
    void *ctx;
    char *id;
    size_t id_len;
    int state;
    int dead;          /* unsubscribed: no callbacks; freed when no request refers to it */
    uint64_t pending;  /* id of the subscribing request in flight, or 0 */
    int resub;         /* the pending request re-subscribes */
};

typedef struct orphan {
    struct orphan *next;
    uint64_t at;
    size_t len;
    char text[];
} orphan;

struct wetee_rpc {
    pthread_mutex_t mu;
    pthread_mutex_t cbmu;
    wetee_rpc_options o;
    char *ca_file;
    char **urls;
    size_t nurls;
    int kind;
    const wt_tr_ops *ops;
    void *tr;
    wetee_rpc_transport custom;
    /* custom transport: timer thread, send flushing */
    pthread_t timer;
    int timer_started;
    pthread_cond_t tcond;
    int flushing, flush_req;
    int wake_pending; /* the service thread has been woken for queued messages */
    uint64_t tick_next; /* when the service thread calls wt_rpc_tick() next (at the latest) */
    /* connection */
    int state;
    int initial;          /* still in wetee_rpc_new()'s first round */
    size_t initial_fails;
    size_t ep;
    int attempts;
    uint64_t next_attempt;
    int want_close;
    int ever_open;
    size_t resub_pending;
    char *genesis;
    size_t genesis_len;
    uint64_t genesis_req;
    pthread_cond_t scond; /* state changes (wetee_rpc_new waits) */
    char fail_detail[512];
    int fail_code;
    /* requests */
    uint64_t next_id;
    req **buckets;
    size_t nbuckets, count;
    req **heap;
    size_t heap_len, heap_cap;
    req *hq_head, *hq_tail, *q_head, *q_tail;
    wetee_rpc_sub *subs;
    size_t nsubs;
    orphan *orphans;
    size_t norphans;
    wetee_rpc_sub *grave; /* unsubscribed from inside a callback: freed when it returns */
    wetee_rpc_stats st;
};

static _Thread_local wetee_rpc *tl_in_cb;

/* ------------------------------------------------------------------ */
/* small helpers                                                       */
/* ------------------------------------------------------------------ */

uint64_t wt_rpc_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = wt_malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

void *wt_rpc_tr(wetee_rpc *rpc) { return rpc->tr; }
void wt_rpc_set_tr(wetee_rpc *rpc, void *tr) { rpc->tr = tr; }
const wetee_rpc_options *wt_rpc_opts(wetee_rpc *rpc) { return &rpc->o; }
const char *wt_rpc_url(wetee_rpc *rpc, size_t i) { return i < rpc->nurls ? rpc->urls[i] : ""; }
size_t wt_rpc_url_count(wetee_rpc *rpc) { return rpc->nurls; }

size_t wt_rpc_current_ep(wetee_rpc *rpc)
{
    pthread_mutex_lock(&rpc->mu);
    size_t ep = rpc->ep;
    pthread_mutex_unlock(&rpc->mu);
    return ep;
}

void wt_rpc_out_free(wt_rpc_out *o)
{
    if (o && o->buf) {
        wt_free(o->buf);
        o->buf = NULL;
    }
}

static void cb_enter(wetee_rpc *rpc, wetee_rpc **saved)
{
    pthread_mutex_lock(&rpc->cbmu);
    *saved = tl_in_cb;
    tl_in_cb = rpc;
}

static void sub_free(wetee_rpc_sub *s);

static void cb_leave(wetee_rpc *rpc, wetee_rpc *saved)
{
    if (saved != rpc && rpc->grave) {
        pthread_mutex_lock(&rpc->mu);
        wetee_rpc_sub *g = rpc->grave;
        rpc->grave = NULL;
        pthread_mutex_unlock(&rpc->mu);
        while (g) {
            wetee_rpc_sub *n = g->next;
            sub_free(g);
            g = n;
        }
    }
    tl_in_cb = saved;
    pthread_mutex_unlock(&rpc->cbmu);
}

static void emit(wetee_rpc *rpc, int event, size_t ep, const char *detail)
{
    if (event == WETEE_RPC_EVENT_PROTOCOL_ERROR) {
        pthread_mutex_lock(&rpc->mu);
        rpc->st.protocol_errors++;
        pthread_mutex_unlock(&rpc->mu);
    }
    if (rpc->o.on_event) rpc->o.on_event(rpc->o.event_ctx, event, wt_rpc_url(rpc, ep), detail ? detail : "");
}

/* ------------------------------------------------------------------ */
/* request table (hash by id), deadline heap, send queues              */
/* ------------------------------------------------------------------ */

static int map_grow(wetee_rpc *rpc)
{
    size_t nb = rpc->nbuckets ? rpc->nbuckets * 2 : 256;
    req **b = wt_calloc(nb, sizeof *b);
    if (!b) return WETEE_ERR_NO_MEMORY;
    for (size_t i = 0; i < rpc->nbuckets; i++) {
        req *r = rpc->buckets[i];
        while (r) {
            req *n = r->hnext;
            size_t k = (size_t)r->id & (nb - 1);
            r->hnext = b[k];
            b[k] = r;
            r = n;
        }
    }
    wt_free(rpc->buckets);
    rpc->buckets = b;
    rpc->nbuckets = nb;
    return WETEE_OK;
}

static req *map_find(wetee_rpc *rpc, uint64_t id)
{
    if (!rpc->nbuckets) return NULL;
    for (req *r = rpc->buckets[(size_t)id & (rpc->nbuckets - 1)]; r; r = r->hnext)
        if (r->id == id) return r;
    return NULL;
}

static void heap_swap(wetee_rpc *rpc, size_t a, size_t b)
{
    req *t = rpc->heap[a];
    rpc->heap[a] = rpc->heap[b];
    rpc->heap[b] = t;
    rpc->heap[a]->heap_idx = a;
    rpc->heap[b]->heap_idx = b;
}

static void heap_up(wetee_rpc *rpc, size_t i)
{
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (rpc->heap[p]->deadline <= rpc->heap[i]->deadline) break;
        heap_swap(rpc, p, i);
        i = p;
    }
}

static void heap_down(wetee_rpc *rpc, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < rpc->heap_len && rpc->heap[l]->deadline < rpc->heap[m]->deadline) m = l;
        if (r < rpc->heap_len && rpc->heap[r]->deadline < rpc->heap[m]->deadline) m = r;
        if (m == i) return;
        heap_swap(rpc, i, m);
        i = m;
    }
}

static void q_remove(wetee_rpc *rpc, req *r)
{
    if (!r->queued) return;
    req **head = r->prio ? &rpc->hq_head : &rpc->q_head;
    req **tail = r->prio ? &rpc->hq_tail : &rpc->q_tail;
    if (r->qprev) r->qprev->qnext = r->qnext;
    else *head = r->qnext;
    if (r->qnext) r->qnext->qprev = r->qprev;
    else *tail = r->qprev;
    r->qprev = r->qnext = NULL;
    r->queued = 0;
}

static void q_push(wetee_rpc *rpc, req *r)
{
    req **head = r->prio ? &rpc->hq_head : &rpc->q_head;
    req **tail = r->prio ? &rpc->hq_tail : &rpc->q_tail;
    r->qnext = NULL;
    r->qprev = *tail;
    if (*tail) (*tail)->qnext = r;
    else *head = r;
    *tail = r;
    r->queued = 1;
}

/* Register a request: table, heap, queue. */
static int track(wetee_rpc *rpc, req *r)
{
    if (rpc->count + 1 > rpc->nbuckets && map_grow(rpc)) return WETEE_ERR_NO_MEMORY;
    if (rpc->heap_len == rpc->heap_cap) {
        size_t nc = rpc->heap_cap ? rpc->heap_cap * 2 : 256;
        req **h = wt_realloc(rpc->heap, nc * sizeof *h);
        if (!h) return WETEE_ERR_NO_MEMORY;
        rpc->heap = h;
        rpc->heap_cap = nc;
    }
    size_t k = (size_t)r->id & (rpc->nbuckets - 1);
    r->hnext = rpc->buckets[k];
    rpc->buckets[k] = r;
    rpc->count++;
    r->heap_idx = rpc->heap_len;
    rpc->heap[rpc->heap_len++] = r;
    heap_up(rpc, r->heap_idx);
    q_push(rpc, r);
    return WETEE_OK;
}

/* Remove from table, heap and queue (the caller completes and frees it). */
static void untrack(wetee_rpc *rpc, req *r)
{
    req **pp = &rpc->buckets[(size_t)r->id & (rpc->nbuckets - 1)];
    while (*pp && *pp != r) pp = &(*pp)->hnext;
    if (*pp) *pp = r->hnext;
    rpc->count--;
    size_t i = r->heap_idx;
    rpc->heap_len--;
    if (i != rpc->heap_len) {
        rpc->heap[i] = rpc->heap[rpc->heap_len];
        rpc->heap[i]->heap_idx = i;
        heap_down(rpc, i);
        heap_up(rpc, i);
    }
    q_remove(rpc, r);
}

static void req_free(req *r)
{
    if (!r) return;
    wt_free(r->msg);
    wt_free(r);
}

/* Build a request message. `params` already checked. */
static req *req_make(wetee_rpc *rpc, const char *method, const char *params, size_t params_len, unsigned timeout_ms,
                     int kind)
{
    size_t mlen = strlen(method);
    req *r = wt_calloc(1, sizeof *r + mlen + 1);
    if (!r) return NULL;
    memcpy(r->method, method, mlen + 1);
    r->kind = kind;
    r->id = ++rpc->next_id;
    char head[64];
    int hl = snprintf(head, sizeof head, "{\"jsonrpc\":\"2.0\",\"id\":%llu,\"method\":\"", (unsigned long long)r->id);
    size_t total = (size_t)hl + mlen + 11 + params_len + 1;
    r->msg = wt_malloc(WT_RPC_PRE + total + 1);
    if (!r->msg) {
        wt_free(r);
        return NULL;
    }
    char *p = r->msg + WT_RPC_PRE;
    memcpy(p, head, (size_t)hl);
    p += hl;
    memcpy(p, method, mlen);
    p += mlen;
    memcpy(p, "\",\"params\":", 11);
    p += 11;
    memcpy(p, params, params_len);
    p += params_len;
    *p++ = '}';
    *p = 0;
    r->msg_len = total;
    r->deadline = wt_rpc_now_ns() + (uint64_t)(timeout_ms ? timeout_ms : rpc->o.request_timeout_ms) * 1000000ull;
    return r;
}

/* ------------------------------------------------------------------ */
/* completion                                                          */
/* ------------------------------------------------------------------ */

typedef struct donelist {
    req *head, *tail;
} donelist;

static void dl_add(donelist *dl, req *r, int status, const char *json, size_t len, const char *fmt, ...)
    WT_PRINTF(6, 7);
static void dl_add(donelist *dl, req *r, int status, const char *json, size_t len, const char *fmt, ...)
{
    r->dnext = NULL;
    if (dl->tail) dl->tail->dnext = r;
    else dl->head = r;
    dl->tail = r;
    r->dstatus = status;
    r->djson = json;
    r->dlen = json ? len : 0;
    r->ddetail = NULL;
    if (fmt) {
        char d[512];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d, sizeof d, fmt, ap);
        va_end(ap);
        r->ddetail = xstrndup(d, strlen(d));
    }
}

static void sub_maybe_free(wetee_rpc *rpc, wetee_rpc_sub *s);

/* Run the callbacks of completed requests (cbmu held, mu not held), then
 * free them. */
static void dl_run(wetee_rpc *rpc, donelist *dl)
{
    req *r = dl->head;
    while (r) {
        req *n = r->dnext;
        if (r->cb) {
            if (r->dstatus != WETEE_OK) wt_error(r->dstatus, "%s", r->ddetail ? r->ddetail : "rpc: request failed");
            r->cb(r->ctx, r->dstatus, r->djson, r->dlen);
        }
        wt_free(r->ddetail);
        req_free(r);
        r = n;
    }
    dl->head = dl->tail = NULL;
    (void)rpc;
}

/* Subscription callbacks queued while mu is held, run after. */
typedef struct subev {
    wetee_rpc_sub *s;
    int kind;
    char *json;
    size_t len;
} subev;
typedef struct sublist {
    subev *v;
    size_t n, cap;
} sublist;

static void sl_add(sublist *sl, wetee_rpc_sub *s, int kind, const char *json, size_t len)
{
    if (sl->n == sl->cap) {
        size_t nc = sl->cap ? sl->cap * 2 : 8;
        subev *v = wt_realloc(sl->v, nc * sizeof *v);
        if (!v) return;
        sl->v = v;
        sl->cap = nc;
    }
    subev *e = &sl->v[sl->n++];
    e->s = s;
    e->kind = kind;
    e->json = json ? xstrndup(json, len) : NULL;
    e->len = e->json ? len : 0;
}

/* cbmu held, mu not held. A subscription unsubscribed meanwhile (dead) gets
 * nothing; its memory is still alive because only the holder of cbmu frees
 * subscriptions. */
static void sl_run(wetee_rpc *rpc, sublist *sl)
{
    for (size_t i = 0; i < sl->n; i++) {
        subev *e = &sl->v[i];
        pthread_mutex_lock(&rpc->mu);
        int dead = e->s->dead;
        wetee_rpc_sub_fn cb = e->s->cb;
        void *ctx = e->s->ctx;
        pthread_mutex_unlock(&rpc->mu);
        if (!dead) cb(ctx, e->kind, e->json, e->len);
        wt_free(e->json);
    }
    wt_free(sl->v);
    sl->v = NULL;
    sl->n = sl->cap = 0;
}

/* ------------------------------------------------------------------ */
/* connection state machine                                            */
/* ------------------------------------------------------------------ */

static uint64_t backoff_ns(wetee_rpc *rpc)
{
    uint64_t d = rpc->o.reconnect_initial_ms;
    for (int i = 1; i < rpc->attempts && d < rpc->o.reconnect_max_ms; i++) d *= 2;
    if (d > rpc->o.reconnect_max_ms) d = rpc->o.reconnect_max_ms;
    uint64_t ns = d * 1000000ull;
    if (!(rpc->o.flags & WETEE_RPC_NO_JITTER) && rpc->o.reconnect_jitter_pct) {
        uint32_t rnd = 0;
        if (wt_random(&rnd, sizeof rnd, MOD) == WETEE_OK) {
            uint64_t span = ns * rpc->o.reconnect_jitter_pct / 100;
            /* uniform in [ns - span, ns + span] */
            uint64_t off = span ? (uint64_t)rnd % (2 * span + 1) : 0;
            ns = ns - span + off;
        }
    }
    return ns;
}

static void fail_all(wetee_rpc *rpc, donelist *dl, int only_sent, const char *why)
{
    /* walk the table; collect first, then untrack */
    for (size_t b = 0; b < rpc->nbuckets; b++) {
        req *r = rpc->buckets[b];
        while (r) {
            req *n = r->hnext;
            if (!only_sent || r->sent) {
                untrack(rpc, r);
                if (r->kind == K_SUB && r->sub) {
                    wetee_rpc_sub *s = r->sub;
                    if (s->resub == 1 && rpc->resub_pending) rpc->resub_pending--;
                    s->pending = 0;
                    s->resub = 0;
                    if (s->dead) {
                        r->sub = NULL;
                        sub_maybe_free(rpc, s);
                    } else if (s->state != S_PENDING) {
                        s->state = S_LOST;
                    }
                }
                if (r->kind == K_USER || r->kind == K_SUB) rpc->st.failed++;
                dl_add(dl, r, WETEE_ERR_NETWORK, NULL, 0, "rpc: %s (request %s, id %llu, endpoint %s)", why,
                       r->method, (unsigned long long)r->id, wt_rpc_url(rpc, rpc->ep));
            }
            r = n;
        }
    }
}

/* Subscriptions after a loss: LOST, or CLOSED (no resubscribe / gave up). */
static void subs_lost(wetee_rpc *rpc, sublist *sl, int final)
{
    for (wetee_rpc_sub *s = rpc->subs; s; s = s->next) {
        if (s->dead) continue;
        if (s->state == S_ACTIVE || s->state == S_PENDING || s->state == S_LOST) {
            int was_active = s->state == S_ACTIVE;
            wt_free(s->id);
            s->id = NULL;
            s->id_len = 0;
            if (final || (s->flags & WETEE_RPC_SUB_NO_RESUBSCRIBE)) {
                if (was_active) sl_add(sl, s, WETEE_RPC_SUB_LOST, NULL, 0);
                if (s->state != S_PENDING || s->resub) sl_add(sl, s, WETEE_RPC_SUB_CLOSED, NULL, 0);
                s->state = S_CLOSED;
            } else if (was_active) {
                sl_add(sl, s, WETEE_RPC_SUB_LOST, NULL, 0);
                s->state = S_LOST;
            }
        }
    }
}

/* Called with mu held: the connection is gone. */
static void lost_locked(wetee_rpc *rpc, donelist *dl, sublist *sl, const char *reason, int verify, int *events)
{
    size_t ep = rpc->ep;
    int was_open = rpc->state == ST_OPEN || rpc->state == ST_HANDSHAKE;
    rpc->st.connected = 0;
    rpc->st.disconnects++;
    rpc->want_close = 0;
    /* requests written on that connection may have had an effect: fail them */
    char why[600];
    snprintf(why, sizeof why, "%s: %s", was_open ? "connection lost" : "connection failed", reason);
    fail_all(rpc, dl, 1, why);
    /* handshake requests not yet sent belong to the dead connection */
    while (rpc->hq_head) {
        req *r = rpc->hq_head;
        untrack(rpc, r);
        dl_add(dl, r, WETEE_ERR_NETWORK, NULL, 0, "rpc: %s", why);
    }
    rpc->resub_pending = 0;
    rpc->attempts++;
    if (rpc->initial) rpc->initial_fails++;
    snprintf(rpc->fail_detail, sizeof rpc->fail_detail, "rpc: %s: %s", wt_rpc_url(rpc, ep), reason);
    rpc->fail_code = verify ? WETEE_ERR_VERIFY : WETEE_ERR_NETWORK;
    int limit = rpc->o.reconnect_limit;
    int give_up = limit < 0 || rpc->attempts > limit;
    if (rpc->initial) give_up = rpc->initial_fails >= rpc->nurls;
    if (rpc->state == ST_CLOSING) give_up = 0;
    events[0] = 1; /* disconnected */
    if (give_up && rpc->state != ST_CLOSING) {
        rpc->state = ST_GAVE_UP;
        rpc->st.gave_up = 1;
        fail_all(rpc, dl, 0, "not connected: gave up reconnecting");
        subs_lost(rpc, sl, 1);
        events[1] = 1;
    } else if (rpc->state != ST_CLOSING) {
        subs_lost(rpc, sl, 0);
        rpc->state = ST_BACKOFF;
        rpc->ep = (rpc->ep + 1) % rpc->nurls;
        rpc->next_attempt = wt_rpc_now_ns() + (rpc->initial ? 0 : backoff_ns(rpc));
    }
    pthread_cond_broadcast(&rpc->scond);
    (void)ep;
}

void wt_rpc_on_closed(wetee_rpc *rpc, const char *reason, int verify)
{
    donelist dl = { 0 };
    sublist sl = { 0 };
    int ev[2] = { 0, 0 };
    wetee_rpc *saved;
    cb_enter(rpc, &saved);
    pthread_mutex_lock(&rpc->mu);
    size_t ep = rpc->ep;
    if (rpc->state == ST_GAVE_UP) {
        pthread_mutex_unlock(&rpc->mu);
        cb_leave(rpc, saved);
        return;
    }
    lost_locked(rpc, &dl, &sl, reason ? reason : "closed", verify, ev);
    pthread_mutex_unlock(&rpc->mu);
    if (ev[0]) emit(rpc, WETEE_RPC_EVENT_DISCONNECTED, ep, reason);
    sl_run(rpc, &sl);
    dl_run(rpc, &dl);
    if (ev[1]) emit(rpc, WETEE_RPC_EVENT_GAVE_UP, ep, reason);
    cb_leave(rpc, saved);
}

static void queue_resubscribes(wetee_rpc *rpc);

/* mu held: the handshake is over; the connection is usable. */
static void opened_locked(wetee_rpc *rpc)
{
    rpc->state = ST_OPEN;
    rpc->attempts = 0;
    rpc->initial = 0;
    rpc->st.connected = 1;
    rpc->st.connects++;
    queue_resubscribes(rpc);
}

/* wetee_rpc_new() waits for the state; told after the events went out */
static void state_changed(wetee_rpc *rpc)
{
    pthread_mutex_lock(&rpc->mu);
    pthread_cond_broadcast(&rpc->scond);
    pthread_mutex_unlock(&rpc->mu);
}

static req *internal_req(wetee_rpc *rpc, const char *method, const char *params, int kind)
{
    req *r = req_make(rpc, method, params, strlen(params), 0, kind);
    if (!r) return NULL;
    r->prio = 1;
    if (track(rpc, r)) {
        req_free(r);
        return NULL;
    }
    return r;
}

void wt_rpc_on_open(wetee_rpc *rpc, size_t ep)
{
    wetee_rpc *saved;
    cb_enter(rpc, &saved);
    pthread_mutex_lock(&rpc->mu);
    rpc->ep = ep;
    rpc->st.endpoint = ep;
    int reconnect = rpc->ever_open;
    int open = 0;
    if (rpc->o.flags & WETEE_RPC_CHECK_GENESIS) {
        rpc->state = ST_HANDSHAKE;
        req *r = internal_req(rpc, "chain_getBlockHash", "[0]", K_GENESIS);
        if (r) {
            r->deadline = wt_rpc_now_ns() + (uint64_t)rpc->o.connect_timeout_ms * 1000000ull;
            heap_down(rpc, r->heap_idx);
            heap_up(rpc, r->heap_idx);
            rpc->genesis_req = r->id;
        } else {
            rpc->want_close = 1;
        }
    } else {
        opened_locked(rpc);
        rpc->ever_open = 1;
        open = 1;
    }
    size_t resub = rpc->resub_pending;
    pthread_mutex_unlock(&rpc->mu);
    if (open) {
        emit(rpc, WETEE_RPC_EVENT_CONNECTED, ep, "");
        if (reconnect && resub == 0) emit(rpc, WETEE_RPC_EVENT_RECONNECTED, ep, "");
        state_changed(rpc);
    }
    cb_leave(rpc, saved);
    if (rpc->ops && rpc->ops->wake) rpc->ops->wake(rpc);
}

/* mu held. */
static void queue_resubscribes(wetee_rpc *rpc)
{
    for (wetee_rpc_sub *s = rpc->subs; s; s = s->next) {
        if (s->dead || s->state != S_LOST || s->pending) continue;
        req *r = req_make(rpc, s->method, s->params, s->params_len, 0, K_SUB);
        if (!r) continue;
        r->prio = 1;
        r->sub = s;
        if (track(rpc, r)) {
            req_free(r);
            continue;
        }
        s->pending = r->id;
        s->resub = 1;
        rpc->resub_pending++;
    }
}

/* ------------------------------------------------------------------ */
/* outgoing                                                            */
/* ------------------------------------------------------------------ */

static int next_out_locked(wetee_rpc *rpc, wt_rpc_out *o)
{
    req *r = NULL;
    if (rpc->kind == WT_TR_HTTP) {
        r = rpc->q_head;
    } else if (rpc->state == ST_OPEN || rpc->state == ST_HANDSHAKE) {
        r = rpc->hq_head;
        if (!r && rpc->state == ST_OPEN) r = rpc->q_head;
    }
    if (!r) {
        rpc->wake_pending = 0;
        return 0;
    }
    q_remove(rpc, r);
    r->sent = 1;
    o->buf = r->msg;
    o->len = r->msg_len;
    o->id = r->id;
    o->submission = wt_rpc_is_submission(r->method);
    r->msg = NULL;
    rpc->st.requests++;
    if (r->kind == K_FIRE) {
        /* nobody waits for the answer */
        untrack(rpc, r);
        req_free(r);
    }
    return 1;
}

int wt_rpc_next_out(wetee_rpc *rpc, wt_rpc_out *o)
{
    pthread_mutex_lock(&rpc->mu);
    int n = next_out_locked(rpc, o);
    pthread_mutex_unlock(&rpc->mu);
    return n;
}

int wt_rpc_has_out(wetee_rpc *rpc)
{
    pthread_mutex_lock(&rpc->mu);
    int n = (rpc->state == ST_OPEN && rpc->q_head) || ((rpc->state == ST_OPEN || rpc->state == ST_HANDSHAKE) && rpc->hq_head);
    pthread_mutex_unlock(&rpc->mu);
    return n;
}

int wt_rpc_want_close(wetee_rpc *rpc)
{
    pthread_mutex_lock(&rpc->mu);
    int w = rpc->want_close;
    pthread_mutex_unlock(&rpc->mu);
    return w;
}

/* custom transport: send what is queued from this thread */
static void custom_flush(wetee_rpc *rpc)
{
    pthread_mutex_lock(&rpc->mu);
    rpc->flush_req = 1;
    if (rpc->flushing) {
        pthread_mutex_unlock(&rpc->mu);
        return;
    }
    rpc->flushing = 1;
    while (rpc->flush_req) {
        rpc->flush_req = 0;
        wt_rpc_out o;
        while (next_out_locked(rpc, &o)) {
            pthread_mutex_unlock(&rpc->mu);
            int rc = rpc->custom.send(rpc->custom.ctx, o.buf + WT_RPC_PRE, o.len);
            wt_rpc_out_free(&o);
            if (rc < 0) {
                wetee_rpc_transport_closed(rpc, "application transport failed to send");
            }
            pthread_mutex_lock(&rpc->mu);
        }
    }
    rpc->flushing = 0;
    pthread_mutex_unlock(&rpc->mu);
}

static void wake(wetee_rpc *rpc)
{
    if (rpc->kind == WT_TR_CUSTOM) {
        pthread_mutex_lock(&rpc->mu);
        pthread_cond_signal(&rpc->tcond);
        pthread_mutex_unlock(&rpc->mu);
        custom_flush(rpc);
    } else if (rpc->ops) {
        rpc->ops->wake(rpc);
    }
}

/* ------------------------------------------------------------------ */
/* incoming                                                            */
/* ------------------------------------------------------------------ */

static wetee_rpc_sub *sub_by_id(wetee_rpc *rpc, wt_span id)
{
    for (wetee_rpc_sub *s = rpc->subs; s; s = s->next)
        if (s->state == S_ACTIVE && !s->dead && s->id_len == id.n && memcmp(s->id, id.p, id.n) == 0) return s;
    return NULL;
}

static void deliver_orphans(wetee_rpc *rpc, wetee_rpc_sub *s, sublist *sl)
{
    orphan **pp = &rpc->orphans;
    while (*pp) {
        orphan *o = *pp;
        wt_rpc_msg m;
        if (wt_rpc_msg_parse(&m, o->text, o->len) == WETEE_OK && m.sub_id.n == s->id_len &&
            memcmp(m.sub_id.p, s->id, s->id_len) == 0) {
            sl_add(sl, s, WETEE_RPC_SUB_NOTIFICATION, m.sub_result.p ? m.sub_result.p : "null",
                   m.sub_result.p ? m.sub_result.n : 4);
            rpc->st.notifications++;
            *pp = o->next;
            wt_free(o);
            rpc->norphans--;
        } else {
            pp = &o->next;
        }
    }
}

static void send_unsub_locked(wetee_rpc *rpc, const char *unsub, const char *id, size_t id_len)
{
    if (!unsub || !id || (rpc->state != ST_OPEN && rpc->state != ST_HANDSHAKE)) return;
    char *params = wt_malloc(id_len + 3);
    if (!params) return;
    params[0] = '[';
    memcpy(params + 1, id, id_len);
    params[id_len + 1] = ']';
    params[id_len + 2] = 0;
    req *r = req_make(rpc, unsub, params, id_len + 2, 0, K_FIRE);
    wt_free(params);
    if (!r) return;
    if (track(rpc, r)) req_free(r);
}

/* mu held: the response to request r (already untracked). */
static void complete_locked(wetee_rpc *rpc, req *r, const wt_rpc_msg *m, donelist *dl, sublist *sl, int *ev)
{
    rpc->st.responses++;
    if (r->kind == K_FIRE) {
        req_free(r);
        return;
    }
    if (r->kind == K_GENESIS) {
        if (m->result.p && m->result.n > 2 && m->result.p[0] == '"') {
            if (!rpc->genesis) {
                rpc->genesis = xstrndup(m->result.p, m->result.n);
                rpc->genesis_len = m->result.n;
            }
            if (rpc->genesis && rpc->genesis_len == m->result.n && memcmp(rpc->genesis, m->result.p, m->result.n) == 0) {
                int reconnect = rpc->ever_open;
                opened_locked(rpc);
                rpc->ever_open = 1;
                ev[0] = 1;
                ev[1] = reconnect && rpc->resub_pending == 0;
            } else {
                ev[2] = 1;
                snprintf(rpc->fail_detail, sizeof rpc->fail_detail,
                         "genesis hash %.*s differs from %.*s of the first endpoint", (int)m->result.n, m->result.p,
                         (int)rpc->genesis_len, rpc->genesis ? rpc->genesis : "");
                rpc->want_close = 1;
            }
        } else {
            ev[2] = 1;
            snprintf(rpc->fail_detail, sizeof rpc->fail_detail, "chain_getBlockHash(0) gave no hash: %.*s",
                     (int)(m->error.p ? m->error.n : m->result.n), m->error.p ? m->error.p : m->result.p);
            rpc->want_close = 1;
        }
        req_free(r);
        return;
    }
    if (r->kind == K_SUB) {
        wetee_rpc_sub *s = r->sub;
        int resub = 0;
        if (s) {
            resub = s->resub;
            s->pending = 0;
            s->resub = 0;
            if (resub == 1 && rpc->resub_pending) {
                rpc->resub_pending--;
                if (rpc->resub_pending == 0) ev[1] = 1;
            }
        }
        int ok_id = m->result.p && (m->result.p[0] == '"' || (m->result.p[0] >= '0' && m->result.p[0] <= '9'));
        if (s && s->dead) {
            if (ok_id) send_unsub_locked(rpc, s->unsub, m->result.p, m->result.n);
            sub_maybe_free(rpc, s);
            s = NULL;
        }
        if (s && ok_id) {
            wt_free(s->id);
            s->id = xstrndup(m->result.p, m->result.n);
            s->id_len = s->id ? m->result.n : 0;
            s->state = s->id ? S_ACTIVE : S_CLOSED;
            if (resub && s->id) sl_add(sl, s, WETEE_RPC_SUB_RESUBSCRIBED, s->id, s->id_len);
            deliver_orphans(rpc, s, sl);
        } else if (s && resub) {
            s->state = S_CLOSED;
            sl_add(sl, s, WETEE_RPC_SUB_CLOSED, m->error.p, m->error.n);
        }
        if (m->error.p) {
            dl_add(dl, r, WETEE_ERR_RPC, m->error.p, m->error.n, "rpc: %s: server error %.*s: %.*s", r->method,
                   (int)m->err_code.n, m->err_code.p ? m->err_code.p : "", (int)m->err_message.n,
                   m->err_message.p ? m->err_message.p : "");
        } else if (!ok_id) {
            dl_add(dl, r, WETEE_ERR_DECODE, NULL, 0, "rpc: %s: subscription id is not a string or number: %.*s",
                   r->method, (int)(m->result.n > 64 ? 64 : m->result.n), m->result.p ? m->result.p : "");
        } else {
            dl_add(dl, r, WETEE_OK, m->result.p, m->result.n, NULL);
        }
        return;
    }
    if (m->result.p) {
        dl_add(dl, r, WETEE_OK, m->result.p, m->result.n, NULL);
    } else if (m->error.p) {
        dl_add(dl, r, WETEE_ERR_RPC, m->error.p, m->error.n, "rpc: %s: server error %.*s: %.*s", r->method,
               (int)m->err_code.n, m->err_code.p ? m->err_code.p : "?", (int)m->err_message.n,
               m->err_message.p ? m->err_message.p : "");
    } else {
        dl_add(dl, r, WETEE_ERR_DECODE, NULL, 0, "rpc: %s: response %llu has neither result nor error", r->method,
               (unsigned long long)r->id);
    }
}

static int handle_message(wetee_rpc *rpc, const char *text, size_t len, uint64_t http_id)
{
    wt_rpc_msg m;
    int rc = wt_rpc_msg_parse(&m, text, len);
    donelist dl = { 0 };
    sublist sl = { 0 };
    int ev[3] = { 0, 0, 0 };
    char detail[256];
    detail[0] = 0;
    pthread_mutex_lock(&rpc->mu);
    size_t ep = rpc->ep;
    if (rc != WETEE_OK) {
        snprintf(detail, sizeof detail, "%s", wetee_last_error());
        if (http_id) {
            req *r = map_find(rpc, http_id);
            if (r) {
                untrack(rpc, r);
                dl_add(&dl, r, rc, NULL, 0, "rpc: %s: response from %s: %s", r->method, wt_rpc_url(rpc, ep), detail);
            }
        }
    } else if (http_id) {
        /* an HTTP response belongs to its request, whatever its id says */
        req *r = map_find(rpc, http_id);
        uint64_t id;
        if (r) {
            untrack(rpc, r);
            if (m.id.p && !(m.id.n == 4 && memcmp(m.id.p, "null", 4) == 0) && (!wt_span_u64(&id, m.id) || id != http_id))
                dl_add(&dl, r, WETEE_ERR_DECODE, NULL, 0, "rpc: %s: response from %s carries id %.*s, not %llu",
                       r->method, wt_rpc_url(rpc, ep), (int)(m.id.n > 32 ? 32 : m.id.n), m.id.p,
                       (unsigned long long)http_id);
            else
                complete_locked(rpc, r, &m, &dl, &sl, ev);
        }
    } else if (m.id.p && !m.method.p) {
        uint64_t id;
        req *r = NULL;
        int num = wt_span_u64(&id, m.id);
        if (num) r = map_find(rpc, id);
        if (r) {
            untrack(rpc, r);
            complete_locked(rpc, r, &m, &dl, &sl, ev);
        } else if (!num || id > rpc->next_id || id == 0) {
            snprintf(detail, sizeof detail, "rpc: response with id %.*s matches no request",
                     (int)(m.id.n > 32 ? 32 : m.id.n), m.id.p);
        } /* else: the answer to a request that timed out: dropped */
    } else if (m.sub_id.p && m.method.p) {
        wetee_rpc_sub *s = sub_by_id(rpc, m.sub_id);
        if (s) {
            rpc->st.notifications++;
            sl_add(&sl, s, WETEE_RPC_SUB_NOTIFICATION, m.sub_result.p ? m.sub_result.p : "null",
                   m.sub_result.p ? m.sub_result.n : 4);
        } else if (rpc->norphans < ORPHAN_MAX) {
            orphan *o = wt_malloc(sizeof *o + len);
            if (o) {
                memcpy(o->text, text, len);
                o->len = len;
                o->at = wt_rpc_now_ns();
                o->next = rpc->orphans;
                rpc->orphans = o;
                rpc->norphans++;
            }
        }
    } else {
        snprintf(detail, sizeof detail, "rpc: message is neither a response nor a notification: %.*s",
                 (int)(len > 96 ? 96 : len), text);
    }
    pthread_mutex_unlock(&rpc->mu);
    if (detail[0] && !http_id) emit(rpc, WETEE_RPC_EVENT_PROTOCOL_ERROR, ep, detail);
    if (ev[2]) emit(rpc, WETEE_RPC_EVENT_ENDPOINT_REJECTED, ep, rpc->fail_detail);
    if (ev[0]) emit(rpc, WETEE_RPC_EVENT_CONNECTED, ep, "");
    sl_run(rpc, &sl);
    dl_run(rpc, &dl);
    if (ev[1]) emit(rpc, WETEE_RPC_EVENT_RECONNECTED, ep, "");
    if (ev[0]) state_changed(rpc);
    if (ev[0] || ev[2]) wake(rpc);
    if (rc != WETEE_OK) wt_error(rc, "%s", detail);
    return rc;
}

int wt_rpc_on_message(wetee_rpc *rpc, const char *text, size_t len)
{
    wetee_rpc *saved;
    cb_enter(rpc, &saved);
    int rc = handle_message(rpc, text, len, 0);
    cb_leave(rpc, saved);
    return rc;
}

void wt_rpc_protocol_error(wetee_rpc *rpc, const char *detail)
{
    wetee_rpc *saved;
    cb_enter(rpc, &saved);
    pthread_mutex_lock(&rpc->mu);
    size_t ep = rpc->ep;
    pthread_mutex_unlock(&rpc->mu);
    emit(rpc, WETEE_RPC_EVENT_PROTOCOL_ERROR, ep, detail);
    cb_leave(rpc, saved);
}

void wt_rpc_http_done(wetee_rpc *rpc, uint64_t id, int status, const char *body, size_t len, const char *detail)
{
    wetee_rpc *saved;
    cb_enter(rpc, &saved);
    if (status == WETEE_OK) {
        handle_message(rpc, body, len, id);
    } else {
        donelist dl = { 0 };
        pthread_mutex_lock(&rpc->mu);
        req *r = map_find(rpc, id);
        if (r) {
            untrack(rpc, r);
            if (status == WETEE_ERR_NETWORK) rpc->st.failed++;
            dl_add(&dl, r, status, NULL, 0, "rpc: %s: %s", r->method, detail ? detail : "");
        }
        pthread_mutex_unlock(&rpc->mu);
        dl_run(rpc, &dl);
    }
    cb_leave(rpc, saved);
}

int wt_rpc_is_submission(const char *m)
{
    static const char *const prefixes[] = { "author_submit", "transaction_v1_broadcast", "transaction_unstable_broadcast",
                                            "transactionWatch_", "transaction_unstable_submitAndWatch" };
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(m, prefixes[i], strlen(prefixes[i])) == 0) return 1;
    return 0;
}

int wt_rpc_req_alive(wetee_rpc *rpc, uint64_t id)
{
    pthread_mutex_lock(&rpc->mu);
    int alive = map_find(rpc, id) != NULL;
    pthread_mutex_unlock(&rpc->mu);
    return alive;
}

int wt_rpc_genesis_verdict(wetee_rpc *rpc, size_t ep, const char *json, size_t len, const char *why)
{
    char detail[sizeof rpc->fail_detail];
    int ok = 0;
    pthread_mutex_lock(&rpc->mu);
    if (json && len > 2 && json[0] == '"') {
        if (!rpc->genesis) {
            rpc->genesis = xstrndup(json, len);
            rpc->genesis_len = rpc->genesis ? len : 0;
        }
        if (rpc->genesis && rpc->genesis_len == len && memcmp(rpc->genesis, json, len) == 0) ok = 1;
        else
            snprintf(rpc->fail_detail, sizeof rpc->fail_detail, "genesis hash %.*s differs from %.*s of the first endpoint",
                     (int)len, json, (int)rpc->genesis_len, rpc->genesis ? rpc->genesis : "");
    } else {
        snprintf(rpc->fail_detail, sizeof rpc->fail_detail, "chain_getBlockHash(0) gave no hash: %.*s",
                 json ? (int)(len > 200 ? 200 : len) : (int)strlen(why ? why : ""), json ? json : why ? why : "");
    }
    snprintf(detail, sizeof detail, "%s", rpc->fail_detail);
    pthread_mutex_unlock(&rpc->mu);
    if (ok) return 0;
    wetee_rpc *saved;
    cb_enter(rpc, &saved);
    emit(rpc, WETEE_RPC_EVENT_ENDPOINT_REJECTED, ep, detail);
    cb_leave(rpc, saved);
    return -1;
}

void wt_rpc_http_failover(wetee_rpc *rpc, size_t failed_ep, int lost)
{
    pthread_mutex_lock(&rpc->mu);
    if (rpc->ep == failed_ep) rpc->ep = (rpc->ep + 1) % rpc->nurls;
    rpc->st.endpoint = rpc->ep;
    if (lost) rpc->st.disconnects++;
    pthread_mutex_unlock(&rpc->mu);
}

/* ------------------------------------------------------------------ */
/* timers                                                              */
/* ------------------------------------------------------------------ */

long wt_rpc_tick(wetee_rpc *rpc, uint64_t *next_ns)
{
    donelist dl = { 0 };
    sublist sl = { 0 };
    wetee_rpc *saved;
    long connect = -1;
    uint64_t now = wt_rpc_now_ns();
    int genesis_timeout = 0;
    cb_enter(rpc, &saved);
    pthread_mutex_lock(&rpc->mu);
    while (rpc->heap_len && rpc->heap[0]->deadline <= now) {
        req *r = rpc->heap[0];
        untrack(rpc, r);
        if (r->kind == K_FIRE) {
            req_free(r);
            continue;
        }
        if (r->kind == K_GENESIS) {
            genesis_timeout = 1;
            rpc->want_close = 1;
            snprintf(rpc->fail_detail, sizeof rpc->fail_detail, "chain_getBlockHash(0) got no answer in time");
            req_free(r);
            continue;
        }
        rpc->st.timeouts++;
        if (r->kind == K_SUB && r->sub) {
            wetee_rpc_sub *s = r->sub;
            int resub = s->resub;
            s->pending = 0;
            s->resub = 0;
            if (s->dead) {
                sub_maybe_free(rpc, s);
            } else if (resub) {
                if (resub == 1 && rpc->resub_pending) rpc->resub_pending--;
                s->state = S_CLOSED;
                sl_add(&sl, s, WETEE_RPC_SUB_CLOSED, NULL, 0);
            }
        }
        dl_add(&dl, r, WETEE_ERR_TIMEOUT, NULL, 0, "rpc: %s (id %llu): no response from %s within the deadline",
               r->method, (unsigned long long)r->id,
               r->sent ? wt_rpc_url(rpc, rpc->ep) : "any endpoint (not connected)");
    }
    /* orphaned notifications nobody claimed */
    for (orphan **pp = &rpc->orphans; *pp;) {
        if (now - (*pp)->at > ORPHAN_TTL_NS) {
            orphan *o = *pp;
            *pp = o->next;
            wt_free(o);
            rpc->norphans--;
        } else {
            pp = &(*pp)->next;
        }
    }
    uint64_t next = now + 50000000ull;
    if (rpc->heap_len && rpc->heap[0]->deadline < next) next = rpc->heap[0]->deadline;
    if (rpc->state == ST_BACKOFF) {
        if (rpc->next_attempt <= now) {
            rpc->state = ST_CONNECTING;
            connect = (long)rpc->ep;
        } else if (rpc->next_attempt < next) {
            next = rpc->next_attempt;
        }
    }
    size_t ep = rpc->ep;
    rpc->tick_next = next;
    pthread_mutex_unlock(&rpc->mu);
    if (genesis_timeout) emit(rpc, WETEE_RPC_EVENT_ENDPOINT_REJECTED, ep, rpc->fail_detail);
    sl_run(rpc, &sl);
    dl_run(rpc, &dl);
    cb_leave(rpc, saved);
    *next_ns = next;
    return connect;
}

/* ------------------------------------------------------------------ */
/* construction                                                        */
/* ------------------------------------------------------------------ */

static int opts_copy(wetee_rpc *rpc, const wetee_rpc_options *opts)
{
    wetee_rpc_options d = WETEE_RPC_OPTIONS_INIT;
    if (opts) {
        if (opts->version != WETEE_RPC_OPTIONS_VERSION)
            return wt_error(WETEE_ERR_INVALID_ARGUMENT, "rpc: options version %u is not %d", opts->version,
                            WETEE_RPC_OPTIONS_VERSION);
        if (opts->flags & ~(unsigned)(WETEE_RPC_CHECK_GENESIS | WETEE_RPC_LAZY_CONNECT | WETEE_RPC_NO_JITTER))
            return wt_error(WETEE_ERR_INVALID_ARGUMENT, "rpc: unknown option flags 0x%x", opts->flags);
        if (opts->reconnect_jitter_pct > 100)
            return wt_error(WETEE_ERR_INVALID_ARGUMENT, "rpc: reconnect_jitter_pct %u is above 100",
                            opts->reconnect_jitter_pct);
        d = *opts;
    }
    if (!d.connect_timeout_ms) d.connect_timeout_ms = DEF_CONNECT_MS;
    if (!d.request_timeout_ms) d.request_timeout_ms = DEF_REQUEST_MS;
    if (!d.max_message_bytes) d.max_message_bytes = DEF_MAX_MSG;
    if (!d.reconnect_initial_ms) d.reconnect_initial_ms = DEF_RECONNECT_INITIAL;
    if (!d.reconnect_max_ms) d.reconnect_max_ms = DEF_RECONNECT_MAX;
    if (d.reconnect_max_ms < d.reconnect_initial_ms) d.reconnect_max_ms = d.reconnect_initial_ms;
    if (!d.reconnect_jitter_pct) d.reconnect_jitter_pct = DEF_JITTER;
    if (!d.reconnect_limit) d.reconnect_limit = DEF_LIMIT;
    if (!d.max_in_flight) d.max_in_flight = DEF_MAX_IN_FLIGHT;
    if (d.ca_file) {
        rpc->ca_file = xstrndup(d.ca_file, strlen(d.ca_file));
        if (!rpc->ca_file) return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
        FILE *f = fopen(rpc->ca_file, "rb");
        if (!f) return wt_error(WETEE_ERR_IO, "rpc: ca_file %s: %s", rpc->ca_file, strerror(errno));
        fclose(f);
        d.ca_file = rpc->ca_file;
    }
    rpc->o = d;
    return WETEE_OK;
}

static wetee_rpc *rpc_alloc(void)
{
    wetee_rpc *rpc = wt_calloc(1, sizeof *rpc);
    if (!rpc) return NULL;
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&rpc->cbmu, &a);
    pthread_mutexattr_destroy(&a);
    pthread_mutex_init(&rpc->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&rpc->scond, &ca);
    pthread_cond_init(&rpc->tcond, &ca);
    pthread_condattr_destroy(&ca);
    rpc->st.version = WETEE_RPC_STATS_VERSION;
    return rpc;
}

static void abs_deadline(struct timespec *ts, uint64_t ns)
{
    ts->tv_sec = (time_t)(ns / 1000000000ull);
    ts->tv_nsec = (long)(ns % 1000000000ull);
}

static int scheme_kind(const char *u)
{
    if (strncmp(u, "ws://", 5) == 0 || strncmp(u, "wss://", 6) == 0) return WT_TR_WS;
    if (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0) return WT_TR_HTTP;
    return 0;
}

unsigned wetee_rpc_transports(void)
{
    unsigned m = WETEE_RPC_TRANSPORT_CUSTOM;
#ifdef WETEE_WITH_NETWORK
    m |= WETEE_RPC_TRANSPORT_WS | WETEE_RPC_TRANSPORT_HTTP;
#endif
    return m;
}

static int split_urls(wetee_rpc *rpc, const char *urls)
{
    size_t n = 0;
    for (const char *p = urls; *p;) {
        while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n') p++;
        if (!*p) break;
        const char *e = p;
        while (*e && *e != ' ' && *e != ',' && *e != '\t' && *e != '\n') e++;
        char **v = wt_realloc(rpc->urls, (n + 1) * sizeof *v);
        if (!v) return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
        rpc->urls = v;
        v[n] = xstrndup(p, (size_t)(e - p));
        if (!v[n]) return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
        rpc->nurls = ++n;
        int k = scheme_kind(v[n - 1]);
        if (!k)
            return wt_error(WETEE_ERR_INVALID_ARGUMENT,
                            "rpc: endpoint %zu \"%s\": not a ws://, wss://, http:// or https:// URL", n, v[n - 1]);
        const char *host = strstr(v[n - 1], "://") + 3;
        if (!*host || *host == '/' || *host == ':')
            return wt_error(WETEE_ERR_INVALID_ARGUMENT, "rpc: endpoint %zu \"%s\": no host", n, v[n - 1]);
        if (rpc->kind && rpc->kind != k)
            return wt_error(WETEE_ERR_INVALID_ARGUMENT,
                            "rpc: endpoint %zu \"%s\": WebSocket and HTTP endpoints cannot be mixed", n, v[n - 1]);
        rpc->kind = k;
        p = e;
    }
    if (n == 0) return wt_error(WETEE_ERR_INVALID_ARGUMENT, "rpc: no endpoint URL given");
    return WETEE_OK;
}

static void rpc_destroy(wetee_rpc *rpc);

int wetee_rpc_new(wetee_rpc **out, const char *urls, const wetee_rpc_options *opts)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(urls != NULL, MOD, "urls is NULL");
    wetee_rpc *rpc = rpc_alloc();
    if (!rpc) return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
    int rc = opts_copy(rpc, opts);
    if (!rc) rc = split_urls(rpc, urls);
    if (rc) {
        rpc_destroy(rpc);
        return rc;
    }
#ifdef WETEE_WITH_NETWORK
    rpc->ops = rpc->kind == WT_TR_WS ? &wt_rpc_ws_ops : &wt_rpc_http_ops;
#else
    rpc_destroy(rpc);
    return wt_error(WETEE_ERR_UNSUPPORTED,
                    "rpc: this build has no WebSocket or HTTP transport (built without libwebsockets and libcurl); "
                    "use wetee_rpc_new_custom()");
#endif
    rpc->state = rpc->kind == WT_TR_HTTP ? ST_OPEN : ST_BACKOFF;
    if (rpc->kind == WT_TR_HTTP) {
        rpc->st.connected = 1;
        rpc->ever_open = 1;
    }
    rpc->initial = rpc->kind == WT_TR_WS && !(rpc->o.flags & WETEE_RPC_LAZY_CONNECT);
    rpc->next_attempt = wt_rpc_now_ns();
    rc = rpc->ops->start(rpc);
    if (rc) {
        rpc->ops = NULL;
        rpc_destroy(rpc);
        return rc;
    }
    if (rpc->kind == WT_TR_WS && !(rpc->o.flags & WETEE_RPC_LAZY_CONNECT)) {
        pthread_mutex_lock(&rpc->mu);
        uint64_t limit = wt_rpc_now_ns() + (uint64_t)rpc->o.connect_timeout_ms * 1000000ull * (rpc->nurls + 1);
        while (rpc->state != ST_OPEN && rpc->state != ST_GAVE_UP) {
            struct timespec ts;
            abs_deadline(&ts, limit);
            if (pthread_cond_timedwait(&rpc->scond, &rpc->mu, &ts) == ETIMEDOUT) break;
        }
        int st = rpc->state;
        char detail[512];
        snprintf(detail, sizeof detail, "%s", rpc->fail_detail);
        int code = rpc->fail_code ? rpc->fail_code : WETEE_ERR_NETWORK;
        pthread_mutex_unlock(&rpc->mu);
        if (st != ST_OPEN) {
            wetee_rpc_free(rpc);
            if (st == ST_GAVE_UP) return wt_error(code, "%s", detail[0] ? detail : "rpc: no endpoint could be connected");
            return wt_error(WETEE_ERR_TIMEOUT, "rpc: no endpoint connected within %u ms each%s%s",
                            opts && opts->connect_timeout_ms ? opts->connect_timeout_ms : DEF_CONNECT_MS,
                            detail[0] ? "; last failure: " : "", detail);
        }
    } else {
        pthread_mutex_lock(&rpc->mu);
        rpc->initial = 0;
        pthread_mutex_unlock(&rpc->mu);
    }
    *out = rpc;
    return WETEE_OK;
}

static void custom_check_close(wetee_rpc *rpc)
{
    if (!wt_rpc_want_close(rpc)) return;
    char d[600];
    pthread_mutex_lock(&rpc->mu);
    snprintf(d, sizeof d, "endpoint rejected: %s", rpc->fail_detail);
    pthread_mutex_unlock(&rpc->mu);
    if (rpc->custom.close) rpc->custom.close(rpc->custom.ctx);
    wetee_rpc_transport_closed(rpc, d);
}

static void *custom_timer(void *arg)
{
    wetee_rpc *rpc = arg;
    for (;;) {
        uint64_t next;
        long ep = wt_rpc_tick(rpc, &next);
        custom_check_close(rpc);
        if (ep >= 0 && rpc->custom.connect) rpc->custom.connect(rpc->custom.ctx);
        pthread_mutex_lock(&rpc->mu);
        if (rpc->state == ST_CLOSING) {
            pthread_mutex_unlock(&rpc->mu);
            break;
        }
        struct timespec ts;
        abs_deadline(&ts, next);
        pthread_cond_timedwait(&rpc->tcond, &rpc->mu, &ts);
        int closing = rpc->state == ST_CLOSING;
        pthread_mutex_unlock(&rpc->mu);
        if (closing) break;
    }
    return NULL;
}

int wetee_rpc_new_custom(wetee_rpc **out, const wetee_rpc_transport *transport, const wetee_rpc_options *opts)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(transport != NULL, MOD, "transport is NULL");
    WT_ARG(transport->send != NULL, MOD, "transport->send is NULL");
    if (transport->version != WETEE_RPC_TRANSPORT_VERSION)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "rpc: transport version %u is not %d", transport->version,
                        WETEE_RPC_TRANSPORT_VERSION);
    wetee_rpc *rpc = rpc_alloc();
    if (!rpc) return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
    int rc = opts_copy(rpc, opts);
    if (!rc) {
        rpc->urls = wt_calloc(1, sizeof *rpc->urls);
        if (rpc->urls) rpc->urls[0] = xstrndup("custom:", 7);
        if (!rpc->urls || !rpc->urls[0]) rc = wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
        else rpc->nurls = 1;
    }
    if (rc) {
        rpc_destroy(rpc);
        return rc;
    }
    rpc->kind = WT_TR_CUSTOM;
    rpc->custom = *transport;
    rpc->state = ST_CONNECTING;
    if (pthread_create(&rpc->timer, NULL, custom_timer, rpc) != 0) {
        rpc_destroy(rpc);
        return wt_error(WETEE_ERR_NO_MEMORY, "rpc: cannot start the timer thread");
    }
    rpc->timer_started = 1;
    *out = rpc;
    return WETEE_OK;
}

static int check_custom(wetee_rpc *rpc)
{
    WT_ARG(rpc != NULL, MOD, "rpc is NULL");
    if (rpc->kind != WT_TR_CUSTOM)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "rpc: not a client made by wetee_rpc_new_custom()");
    return WETEE_OK;
}

int wetee_rpc_transport_open(wetee_rpc *rpc)
{
    int rc = check_custom(rpc);
    if (rc) return rc;
    pthread_mutex_lock(&rpc->mu);
    int closing = rpc->state == ST_CLOSING;
    pthread_mutex_unlock(&rpc->mu);
    if (closing) return wt_error(WETEE_ERR_STATE, "rpc: client is closing");
    wt_rpc_on_open(rpc, 0);
    custom_flush(rpc);
    return WETEE_OK;
}

int wetee_rpc_transport_closed(wetee_rpc *rpc, const char *reason)
{
    int rc = check_custom(rpc);
    if (rc) return rc;
    pthread_mutex_lock(&rpc->mu);
    int st = rpc->state;
    pthread_mutex_unlock(&rpc->mu);
    if (st == ST_OPEN || st == ST_HANDSHAKE || st == ST_CONNECTING) {
        wt_rpc_on_closed(rpc, reason ? reason : "application transport closed", 0);
        pthread_mutex_lock(&rpc->mu);
        pthread_cond_signal(&rpc->tcond);
        pthread_mutex_unlock(&rpc->mu);
    }
    return WETEE_OK;
}

int wetee_rpc_transport_receive(wetee_rpc *rpc, const char *json, size_t len)
{
    int rc = check_custom(rpc);
    if (rc) return rc;
    WT_ARG(json != NULL || len == 0, MOD, "json is NULL");
    if (len == SIZE_MAX) len = strlen(json);
    if (len > rpc->o.max_message_bytes) {
        char d[128];
        snprintf(d, sizeof d, "rpc: message of %zu bytes is over max_message_bytes (%zu)", len,
                 rpc->o.max_message_bytes);
        wt_rpc_protocol_error(rpc, d);
        if (rpc->custom.close) rpc->custom.close(rpc->custom.ctx);
        wetee_rpc_transport_closed(rpc, d);
        return wt_error(WETEE_ERR_TOO_LONG, "%s", d);
    }
    rc = wt_rpc_on_message(rpc, json, len);
    if (rc) {
        char d[512];
        snprintf(d, sizeof d, "%s", wetee_last_error());
        if (rpc->custom.close) rpc->custom.close(rpc->custom.ctx);
        wetee_rpc_transport_closed(rpc, d);
        return wt_error(rc, "%s", d);
    }
    custom_check_close(rpc);
    pthread_mutex_lock(&rpc->mu);
    int pend = rpc->flush_req || rpc->hq_head;
    pthread_mutex_unlock(&rpc->mu);
    if (pend) custom_flush(rpc);
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* free                                                                */
/* ------------------------------------------------------------------ */

static void sub_free(wetee_rpc_sub *s)
{
    if (!s) return;
    wt_free(s->method);
    wt_free(s->params);
    wt_free(s->unsub);
    wt_free(s->id);
    wt_free(s);
}

/* mu held: a dead subscription no request refers to any more is freed. */
static void sub_maybe_free(wetee_rpc *rpc, wetee_rpc_sub *s)
{
    (void)rpc;
    if (s->dead && !s->pending) sub_free(s);
}

static void rpc_destroy(wetee_rpc *rpc)
{
    if (!rpc) return;
    for (size_t i = 0; i < rpc->nurls; i++) wt_free(rpc->urls[i]);
    wt_free(rpc->urls);
    wt_free(rpc->ca_file);
    wt_free(rpc->buckets);
    wt_free(rpc->heap);
    wt_free(rpc->genesis);
    while (rpc->orphans) {
        orphan *o = rpc->orphans;
        rpc->orphans = o->next;
        wt_free(o);
    }
    pthread_mutex_destroy(&rpc->mu);
    pthread_mutex_destroy(&rpc->cbmu);
    pthread_cond_destroy(&rpc->scond);
    pthread_cond_destroy(&rpc->tcond);
    wt_free(rpc);
}

void wetee_rpc_free(wetee_rpc *rpc)
{
    if (!rpc) return;
    pthread_mutex_lock(&rpc->mu);
    rpc->state = ST_CLOSING;
    pthread_cond_broadcast(&rpc->tcond);
    pthread_cond_broadcast(&rpc->scond);
    pthread_mutex_unlock(&rpc->mu);
    if (rpc->ops) rpc->ops->stop(rpc);
    if (rpc->timer_started) pthread_join(rpc->timer, NULL);
    /* no service thread runs now: end everything on this thread */
    donelist dl = { 0 };
    sublist sl = { 0 };
    wetee_rpc *saved;
    cb_enter(rpc, &saved);
    pthread_mutex_lock(&rpc->mu);
    fail_all(rpc, &dl, 0, "client closed");
    for (wetee_rpc_sub *s = rpc->subs; s; s = s->next)
        if (!s->dead && s->state != S_CLOSED) sl_add(&sl, s, WETEE_RPC_SUB_CLOSED, NULL, 0);
    pthread_mutex_unlock(&rpc->mu);
    sl_run(rpc, &sl);
    dl_run(rpc, &dl);
    cb_leave(rpc, saved);
    if (rpc->kind == WT_TR_CUSTOM && rpc->custom.destroy) rpc->custom.destroy(rpc->custom.ctx);
    while (rpc->subs) {
        wetee_rpc_sub *s = rpc->subs;
        rpc->subs = s->next;
        sub_free(s);
    }
    rpc_destroy(rpc);
}

int wetee_rpc_reconnect(wetee_rpc *rpc)
{
    WT_ARG(rpc != NULL, MOD, "rpc is NULL");
    pthread_mutex_lock(&rpc->mu);
    if (rpc->state == ST_GAVE_UP) {
        rpc->state = ST_BACKOFF;
        rpc->st.gave_up = 0;
        rpc->attempts = 0;
        rpc->next_attempt = wt_rpc_now_ns();
    }
    pthread_mutex_unlock(&rpc->mu);
    if (rpc->kind == WT_TR_CUSTOM) {
        pthread_mutex_lock(&rpc->mu);
        pthread_cond_signal(&rpc->tcond);
        pthread_mutex_unlock(&rpc->mu);
    } else if (rpc->ops) {
        rpc->ops->wake(rpc);
    }
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* calls                                                               */
/* ------------------------------------------------------------------ */

static int check_method(const char *method, const char *fn)
{
    if (!method || !*method) return wt_error(WETEE_ERR_INVALID_ARGUMENT, "rpc: %s: method is NULL or empty", fn);
    for (const char *p = method; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x21 || c > 0x7e || c == '"' || c == '\\')
            return wt_error(WETEE_ERR_INVALID_ARGUMENT, "rpc: %s: method \"%s\": character at offset %zu not allowed",
                            fn, method, (size_t)(p - method));
    }
    return WETEE_OK;
}

/* Validate params; gives the span to send. */
static int check_params(wetee_rpc *rpc, wt_span *out, const char *params, size_t len, const char *method)
{
    if (params == NULL || len == 0 || (len == SIZE_MAX && params[0] == 0)) {
        out->p = "[]";
        out->n = 2;
        return WETEE_OK;
    }
    if (len == SIZE_MAX) len = strlen(params);
    else if (len > WT_LEN_MAX) return wt_error(WETEE_ERR_TOO_LONG, "rpc: %s: params length above PTRDIFF_MAX", method);
    if (len > rpc->o.max_message_bytes)
        return wt_error(WETEE_ERR_TOO_LONG, "rpc: %s: params of %zu bytes over max_message_bytes (%zu)", method, len,
                        rpc->o.max_message_bytes);
    char what[96];
    snprintf(what, sizeof what, "rpc: %s: params", method);
    int rc = wt_json_check(out, params, len, what);
    if (rc) return rc;
    if (out->p[0] != '[' && out->p[0] != '{')
        return wt_error(WETEE_ERR_DECODE, "rpc: %s: params must be a JSON array or object", method);
    return WETEE_OK;
}

static int prepare(req **out, wetee_rpc *rpc, const char *method, const char *params, size_t params_len,
                   unsigned timeout_ms, int kind)
{
    wt_span p;
    int rc = check_params(rpc, &p, params, params_len, method);
    if (rc) return rc;
    pthread_mutex_lock(&rpc->mu);
    req *r = req_make(rpc, method, p.p, p.n, timeout_ms, kind);
    pthread_mutex_unlock(&rpc->mu);
    if (!r) return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
    *out = r;
    return WETEE_OK;
}

/* submit() assigns the id under the lock; req_make wrote the id into the
 * text already (taken under the lock too), so keep that one. */
static int submit_keep_id(wetee_rpc *rpc, req *r, uint64_t *out_id)
{
    pthread_mutex_lock(&rpc->mu);
    if (rpc->state == ST_GAVE_UP || rpc->state == ST_CLOSING) {
        int closing = rpc->state == ST_CLOSING;
        pthread_mutex_unlock(&rpc->mu);
        int e = wt_error(WETEE_ERR_NETWORK, "rpc: %s: not connected (%s)", r->method,
                         closing ? "client closing" : "gave up reconnecting; see wetee_rpc_reconnect()");
        req_free(r);
        return e;
    }
    if (rpc->count >= rpc->o.max_in_flight) {
        pthread_mutex_unlock(&rpc->mu);
        int e = wt_error(WETEE_ERR_STATE, "rpc: %s: %zu requests in flight (max_in_flight)", r->method,
                         rpc->o.max_in_flight);
        req_free(r);
        return e;
    }
    if (track(rpc, r)) {
        pthread_mutex_unlock(&rpc->mu);
        req_free(r);
        return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
    }
    if (out_id) *out_id = r->id;
    if (r->kind == K_SUB && r->sub) r->sub->pending = r->id;
    /* Direct path: when this is the only request in flight (nothing
     * queued, nothing awaiting an answer) on an open connection whose
     * transport can write from this thread, send it here instead of waking
     * the service thread, which then only reads the answer: one thread
     * hand-over per call instead of two. The service thread is woken only
     * when this request's deadline comes before the time it sleeps until.
     * With other requests in flight the service thread is busy anyway and
     * sends queued requests in batches (one write for many), which is
     * faster for pipelined calls than one send per call. */
    unsigned token = 0;
    if (rpc->state == ST_OPEN && rpc->count == 1 && rpc->q_head == r && !rpc->hq_head && rpc->ops &&
        rpc->ops->direct_token)
        token = rpc->ops->direct_token(rpc);
    if (token) {
        q_remove(rpc, r);
        r->sent = 1;
        rpc->st.requests++;
        char *buf = r->msg;
        size_t len = r->msg_len;
        r->msg = NULL;
        int need_wake = r->deadline < rpc->tick_next;
        /* r may be completed and freed by the service thread once mu is
         * released: only buf and len are used after this point */
        pthread_mutex_unlock(&rpc->mu);
        rpc->ops->send_now(rpc, token, buf, len);
        if (need_wake) wake(rpc);
        return WETEE_OK;
    }
    int need_wake = rpc->kind == WT_TR_CUSTOM || !rpc->wake_pending;
    rpc->wake_pending = 1;
    pthread_mutex_unlock(&rpc->mu);
    if (need_wake) wake(rpc);
    return WETEE_OK;
}

int wetee_rpc_call_async(uint64_t *out_id, wetee_rpc *rpc, const char *method, const char *params,
                         size_t params_len, unsigned timeout_ms, wetee_rpc_response_fn cb, void *ctx)
{
    if (out_id) *out_id = 0;
    WT_ARG(rpc != NULL, MOD, "rpc is NULL");
    WT_ARG(cb != NULL, MOD, "cb is NULL");
    int rc = check_method(method, "wetee_rpc_call_async");
    if (rc) return rc;
    req *r = NULL;
    rc = prepare(&r, rpc, method, params, params_len, timeout_ms, K_USER);
    if (rc) return rc;
    r->cb = cb;
    r->ctx = ctx;
    return submit_keep_id(rpc, r, out_id);
}

typedef struct waiter {
    pthread_mutex_t m;
    pthread_cond_t c;
    int done;
    int status;
    wetee_buf *out;
    char detail[512];
} waiter;

static void waiter_init(waiter *w, wetee_buf *out)
{
    memset(w, 0, sizeof *w);
    pthread_mutex_init(&w->m, NULL);
    pthread_cond_init(&w->c, NULL);
    w->out = out;
}

static void waiter_cb(void *ctx, int status, const char *json, size_t len)
{
    waiter *w = ctx;
    if (status != WETEE_OK) snprintf(w->detail, sizeof w->detail, "%s", wetee_last_error());
    if (json && w->out) {
        wetee_buf_clear(w->out);
        if (wetee_buf_append(w->out, (const uint8_t *)json, len) || wt_buf_terminate(w->out)) {
            status = WETEE_ERR_NO_MEMORY;
            snprintf(w->detail, sizeof w->detail, "rpc: out of memory for the response");
        }
    }
    pthread_mutex_lock(&w->m);
    w->status = status;
    w->done = 1;
    pthread_cond_signal(&w->c);
    pthread_mutex_unlock(&w->m);
}

static int waiter_wait(waiter *w)
{
    pthread_mutex_lock(&w->m);
    while (!w->done) pthread_cond_wait(&w->c, &w->m);
    pthread_mutex_unlock(&w->m);
    pthread_mutex_destroy(&w->m);
    pthread_cond_destroy(&w->c);
    if (w->status != WETEE_OK) return wt_error(w->status, "%s", w->detail);
    return WETEE_OK;
}

int wetee_rpc_call(wetee_buf *result, wetee_rpc *rpc, const char *method, const char *params, size_t params_len,
                   unsigned timeout_ms)
{
    WT_ARG(result != NULL, MOD, "result is NULL");
    wetee_buf_clear(result);
    WT_ARG(rpc != NULL, MOD, "rpc is NULL");
    int rc = check_method(method, "wetee_rpc_call");
    if (rc) return rc;
    if (tl_in_cb == rpc)
        return wt_error(WETEE_ERR_STATE, "rpc: %s: a blocking call from a callback of the same client would deadlock; "
                        "use wetee_rpc_call_async()", method);
    waiter w;
    waiter_init(&w, result);
    rc = wetee_rpc_call_async(NULL, rpc, method, params, params_len, timeout_ms, waiter_cb, &w);
    if (rc) {
        pthread_mutex_destroy(&w.m);
        pthread_cond_destroy(&w.c);
        return rc;
    }
    rc = waiter_wait(&w);
    if (rc != WETEE_OK && rc != WETEE_ERR_RPC) wetee_buf_clear(result);
    return rc;
}

/* ------------------------------------------------------------------ */
/* subscriptions                                                       */
/* ------------------------------------------------------------------ */

static int sub_request(wetee_rpc_sub *s, unsigned timeout_ms, waiter *w, int resub)
{
    wetee_rpc *rpc = s->rpc;
    pthread_mutex_lock(&rpc->mu);
    req *r = req_make(rpc, s->method, s->params, s->params_len, timeout_ms, K_SUB);
    pthread_mutex_unlock(&rpc->mu);
    if (!r) return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
    r->sub = s;
    r->cb = waiter_cb;
    r->ctx = w;
    pthread_mutex_lock(&rpc->mu);
    s->resub = resub;
    pthread_mutex_unlock(&rpc->mu);
    return submit_keep_id(rpc, r, NULL);
}

static void sub_unlink_locked(wetee_rpc *rpc, wetee_rpc_sub *s)
{
    if (s->prev) s->prev->next = s->next;
    else if (rpc->subs == s) rpc->subs = s->next;
    if (s->next) s->next->prev = s->prev;
    s->prev = s->next = NULL;
    rpc->nsubs--;
}

int wetee_rpc_subscribe(wetee_rpc_sub **out, wetee_rpc *rpc, const char *method, const char *params,
                        size_t params_len, const char *unsubscribe_method, unsigned flags, wetee_rpc_sub_fn cb,
                        void *ctx, unsigned timeout_ms)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(rpc != NULL, MOD, "rpc is NULL");
    WT_ARG(cb != NULL, MOD, "cb is NULL");
    int rc = check_method(method, "wetee_rpc_subscribe");
    if (rc) return rc;
    if (unsubscribe_method && (rc = check_method(unsubscribe_method, "wetee_rpc_subscribe"))) return rc;
    if (flags & ~WETEE_RPC_SUB_NO_RESUBSCRIBE)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "rpc: wetee_rpc_subscribe: unknown flags 0x%x", flags);
    if (rpc->kind == WT_TR_HTTP)
        return wt_error(WETEE_ERR_UNSUPPORTED, "rpc: %s: HTTP has no subscriptions; use a ws:// or wss:// endpoint",
                        method);
    if (tl_in_cb == rpc)
        return wt_error(WETEE_ERR_STATE, "rpc: %s: a blocking subscribe from a callback of the same client would "
                        "deadlock", method);
    wt_span p;
    rc = check_params(rpc, &p, params, params_len, method);
    if (rc) return rc;
    wetee_rpc_sub *s = wt_calloc(1, sizeof *s);
    if (!s) return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
    s->rpc = rpc;
    s->method = xstrndup(method, strlen(method));
    s->params = xstrndup(p.p, p.n);
    s->params_len = p.n;
    s->unsub = unsubscribe_method ? xstrndup(unsubscribe_method, strlen(unsubscribe_method)) : NULL;
    s->flags = flags;
    s->cb = cb;
    s->ctx = ctx;
    s->state = S_PENDING;
    if (!s->method || !s->params || (unsubscribe_method && !s->unsub)) {
        sub_free(s);
        return wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
    }
    pthread_mutex_lock(&rpc->mu);
    s->next = rpc->subs;
    if (rpc->subs) rpc->subs->prev = s;
    rpc->subs = s;
    rpc->nsubs++;
    pthread_mutex_unlock(&rpc->mu);
    waiter w;
    waiter_init(&w, NULL);
    rc = sub_request(s, timeout_ms, &w, 0);
    if (rc == WETEE_OK) rc = waiter_wait(&w);
    else {
        pthread_mutex_destroy(&w.m);
        pthread_cond_destroy(&w.c);
    }
    if (rc != WETEE_OK) {
        char d[512];
        snprintf(d, sizeof d, "%s", wetee_last_error());
        pthread_mutex_lock(&rpc->mu);
        sub_unlink_locked(rpc, s);
        s->dead = 1;
        int can_free = !s->pending;
        pthread_mutex_unlock(&rpc->mu);
        /* wait for a callback that may be running, then free */
        pthread_mutex_lock(&rpc->cbmu);
        pthread_mutex_unlock(&rpc->cbmu);
        if (can_free) sub_free(s);
        return wt_error(rc, "%s", d);
    }
    *out = s;
    return WETEE_OK;
}

int wetee_rpc_unsubscribe(wetee_rpc_sub *sub)
{
    if (!sub) return WETEE_OK;
    wetee_rpc *rpc = sub->rpc;
    pthread_mutex_lock(&rpc->mu);
    sub_unlink_locked(rpc, sub);
    sub->dead = 1;
    if (sub->state == S_ACTIVE) send_unsub_locked(rpc, sub->unsub, sub->id, sub->id_len);
    int can_free = !sub->pending;
    pthread_mutex_unlock(&rpc->mu);
    wake(rpc);
    if (tl_in_cb == rpc) {
        /* inside a callback of this client: the dispatcher may still hold
         * the pointer; free it when the outermost callback returns */
        if (can_free) {
            pthread_mutex_lock(&rpc->mu);
            sub->next = rpc->grave;
            rpc->grave = sub;
            pthread_mutex_unlock(&rpc->mu);
        }
        return WETEE_OK;
    }
    /* a callback running on another thread finishes first */
    pthread_mutex_lock(&rpc->cbmu);
    if (can_free) sub_free(sub);
    pthread_mutex_unlock(&rpc->cbmu);
    return WETEE_OK;
}

int wetee_rpc_sub_renew(wetee_rpc_sub *sub, unsigned timeout_ms)
{
    WT_ARG(sub != NULL, MOD, "sub is NULL");
    wetee_rpc *rpc = sub->rpc;
    if (tl_in_cb == rpc)
        return wt_error(WETEE_ERR_STATE, "rpc: %s: a blocking renew from a callback of the same client would deadlock",
                        sub->method);
    pthread_mutex_lock(&rpc->mu);
    if (sub->pending) {
        pthread_mutex_unlock(&rpc->mu);
        return wt_error(WETEE_ERR_STATE, "rpc: %s: the subscription is being re-established already", sub->method);
    }
    if (sub->state == S_ACTIVE) send_unsub_locked(rpc, sub->unsub, sub->id, sub->id_len);
    wt_free(sub->id);
    sub->id = NULL;
    sub->id_len = 0;
    sub->state = S_LOST;
    pthread_mutex_unlock(&rpc->mu);
    waiter w;
    waiter_init(&w, NULL);
    int rc = sub_request(sub, timeout_ms, &w, 2);
    if (rc == WETEE_OK) rc = waiter_wait(&w);
    else {
        pthread_mutex_destroy(&w.m);
        pthread_cond_destroy(&w.c);
        pthread_mutex_lock(&rpc->mu);
        sub->state = S_CLOSED;
        pthread_mutex_unlock(&rpc->mu);
    }
    return rc;
}

int wetee_rpc_sub_id(wetee_buf *out, const wetee_rpc_sub *sub)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    wetee_buf_clear(out);
    WT_ARG(sub != NULL, MOD, "sub is NULL");
    wetee_rpc *rpc = sub->rpc;
    pthread_mutex_lock(&rpc->mu);
    int rc = WETEE_OK;
    if (sub->state != S_ACTIVE || !sub->id) rc = wt_error(WETEE_ERR_STATE, "rpc: %s: subscription not active", sub->method);
    else if (wetee_buf_append(out, (const uint8_t *)sub->id, sub->id_len) || wt_buf_terminate(out))
        rc = wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
    pthread_mutex_unlock(&rpc->mu);
    if (rc == WETEE_OK) return rc;
    wt_buf_terminate(out);
    return rc;
}

/* ------------------------------------------------------------------ */
/* state                                                               */
/* ------------------------------------------------------------------ */

int wetee_rpc_get_stats(wetee_rpc_stats *out, wetee_rpc *rpc)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(rpc != NULL, MOD, "rpc is NULL");
    if (out->version != WETEE_RPC_STATS_VERSION)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "rpc: stats version %u is not %d", out->version,
                        WETEE_RPC_STATS_VERSION);
    pthread_mutex_lock(&rpc->mu);
    *out = rpc->st;
    out->endpoint = rpc->ep;
    out->in_flight = rpc->count;
    out->subscriptions = rpc->nsubs;
    pthread_mutex_unlock(&rpc->mu);
    return WETEE_OK;
}

int wetee_rpc_current_url(wetee_buf *out, wetee_rpc *rpc)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    wetee_buf_clear(out);
    WT_ARG(rpc != NULL, MOD, "rpc is NULL");
    pthread_mutex_lock(&rpc->mu);
    const char *u = wt_rpc_url(rpc, rpc->ep);
    int rc = wetee_buf_append(out, (const uint8_t *)u, strlen(u));
    if (!rc) rc = wt_buf_terminate(out);
    pthread_mutex_unlock(&rpc->mu);
    return rc ? wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory") : WETEE_OK;
}

int wetee_rpc_genesis_hash(wetee_buf *out, wetee_rpc *rpc)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    wetee_buf_clear(out);
    WT_ARG(rpc != NULL, MOD, "rpc is NULL");
    pthread_mutex_lock(&rpc->mu);
    int rc = WETEE_OK;
    if (!(rpc->o.flags & WETEE_RPC_CHECK_GENESIS)) rc = wt_error(WETEE_ERR_STATE, "rpc: WETEE_RPC_CHECK_GENESIS not set");
    else if (!rpc->genesis) rc = wt_error(WETEE_ERR_STATE, "rpc: no endpoint has given its genesis hash yet");
    else if (wetee_buf_append(out, (const uint8_t *)rpc->genesis, rpc->genesis_len) || wt_buf_terminate(out))
        rc = wt_error(WETEE_ERR_NO_MEMORY, "rpc: out of memory");
    pthread_mutex_unlock(&rpc->mu);
    if (rc) wt_buf_terminate(out);
    return rc;
}
