/* The chain client's own chainHead_v1_follow subscription (new JSON-RPC
 * spec): storage reads and runtime calls on followed, pinned blocks with
 * chainHead_v1_storage and chainHead_v1_call (see chain_impl.h, wt_follow).
 *
 * Events arrive on the rpc client's callback thread; the reads wait on the
 * caller's thread. An operation is registered before its request is sent
 * and learns its id in the response callback, which runs on the same
 * thread as the subscription's notifications and, as the spec requires,
 * before any event of that operation: so no event can be missed. A block
 * that an operation is reading stays pinned until the operation ends (its
 * unpin is deferred). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chain/chain_impl.h"
#include "internal/common.h"

#define OP_STORAGE 1
#define OP_CALL 2

typedef struct wt_op {
    struct wt_op *next;
    int refs;          /* the waiting caller, the pending response */
    int kind;          /* OP_STORAGE, OP_CALL */
    char id[128];      /* operation id, empty until the response */
    int done, waiting_continue;
    int outcome;       /* WETEE_OK, WT_HEAD_FALLBACK or an error */
    char detail[300];
    json_t *items;     /* storage: [[key, value], ...] in key order */
    char *output;      /* call: the output, 0x-hex */
    /* storage: keep only keys after `after` (lower-case hex), at most `keep` of them (0: all) */
    char *after;
    size_t keep;
    struct wt_follow *f;
} wt_op;

struct wt_follow {
    wetee_rpc *rpc;
    wetee_rpc_sub *sub;
    unsigned timeout;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_mutex_t renew_mu;
    wt_heads heads;
    uint8_t best[32];
    int has_best;
    int active;  /* `initialized` seen on the current subscription */
    int stopped; /* `stop` seen: follow again before the next read */
    int closed;  /* the subscription ended for good */
    int no_storage, no_call;
    wt_op *ops;
    struct {
        uint8_t hash[32];
        unsigned n;
    } busy[64];
    size_t n_busy;
    uint8_t deferred[64][32]; /* unpins waiting for the operations on those blocks */
    size_t n_deferred;
    wt_follow_stats st;
    unsigned pending; /* responses not yet received (their callbacks use this struct) */
};

/* ------------------------------------------------------------------ */

static void op_unref(wt_op *op)
{
    if (__atomic_sub_fetch(&op->refs, 1, __ATOMIC_ACQ_REL) > 0) return;
    json_decref(op->items);
    wt_free(op->output);
    wt_free(op->after);
    wt_free(op);
}

/* end an operation (under f->mu) */
static void op_finish(wt_op *op, int outcome, const char *detail)
{
    if (op->done) return;
    op->done = 1;
    op->outcome = outcome;
    snprintf(op->detail, sizeof op->detail, "%s", detail ? detail : "");
}

static void fail_ops(wt_follow *f, const char *why)
{
    wt_op *op;
    for (op = f->ops; op; op = op->next) op_finish(op, WT_HEAD_FALLBACK, why);
}

static wt_op *find_op(wt_follow *f, const char *id)
{
    wt_op *op;
    if (!id) return NULL;
    for (op = f->ops; op; op = op->next)
        if (op->id[0] && !strcmp(op->id, id)) return op;
    return NULL;
}

static int is_busy(const wt_follow *f, const uint8_t h[32])
{
    size_t i;
    for (i = 0; i < f->n_busy; i++)
        if (!memcmp(f->busy[i].hash, h, 32)) return 1;
    return 0;
}

static void unpin_done(void *ctx, int status, const char *json, size_t len)
{
    (void)ctx;
    (void)status;
    (void)json;
    (void)len;
}

/* chainHead_v1_unpin without waiting (allowed on the callback thread); a
 * failed unpin only keeps a block pinned longer. Called without f->mu. */
static void send_unpin(wt_follow *f, uint8_t (*hs)[32], size_t n)
{
    wetee_buf id = WETEE_BUF_INIT;
    json_t *p, *arr;
    char hx[67], *pt;
    size_t i;
    if (!n || wetee_rpc_sub_id(&id, f->sub) != WETEE_OK || !id.len) {
        wetee_buf_free(&id);
        return;
    }
    p = json_array();
    arr = json_array();
    for (i = 0; i < n; i++) {
        wt_hex_str(hx, hs[i], 32);
        json_array_append_new(arr, json_string(hx));
    }
    json_array_append_new(p, json_loadb((const char *)id.data, id.len, JSON_DECODE_ANY, NULL));
    json_array_append_new(p, arr);
    pt = json_dumps(p, JSON_COMPACT);
    json_decref(p);
    wetee_buf_free(&id);
    if (pt && wetee_rpc_call_async(NULL, f->rpc, "chainHead_v1_unpin", pt, SIZE_MAX, f->timeout, unpin_done, NULL) == WETEE_OK) {
        pthread_mutex_lock(&f->mu);
        f->st.unpinned += n;
        pthread_mutex_unlock(&f->mu);
    }
    wt_json_text_free(pt);
}

/* lower-case copy of a hex string */
static char *lower_hex(const char *s)
{
    size_t n = strlen(s), i;
    char *d = wt_malloc(n + 1);
    if (!d) return NULL;
    for (i = 0; i <= n; i++) d[i] = (char)((s[i] >= 'A' && s[i] <= 'F') ? s[i] + 32 : s[i]);
    return d;
}

/* operationStorageItems: add the items to op->items, keeping key order and
 * the page limits (equal-length lower-case hex compares as the bytes do,
 * and a key that is a prefix of another sorts first, as in the trie) */
static void add_items(wt_op *op, const json_t *items)
{
    size_t i;
    for (i = 0; i < json_array_size(items); i++) {
        const json_t *it = json_array_get(items, i);
        const char *k = json_string_value(json_object_get(it, "key"));
        const char *v = json_string_value(json_object_get(it, "value"));
        char *lk;
        size_t lo = 0, hi, mid;
        if (!k || !v || !(lk = lower_hex(k))) continue;
        if (op->after && strcmp(lk, op->after) <= 0) {
            wt_free(lk);
            continue;
        }
        hi = json_array_size(op->items);
        while (lo < hi) {
            mid = (lo + hi) / 2;
            if (strcmp(json_string_value(json_array_get(json_array_get(op->items, mid), 0)), lk) < 0) lo = mid + 1;
            else hi = mid;
        }
        if (op->keep && lo >= op->keep) {
            wt_free(lk);
            continue;
        }
        if (lo < json_array_size(op->items) && !strcmp(json_string_value(json_array_get(json_array_get(op->items, lo), 0)), lk)) {
            wt_free(lk); /* the same key twice: keep the first */
            continue;
        }
        json_array_insert_new(op->items, lo, json_pack("[s,s]", lk, v));
        wt_free(lk);
        if (op->keep && json_array_size(op->items) > op->keep) json_array_remove(op->items, op->keep);
    }
}

static void on_operation(wt_follow *f, const char *e, const json_t *ev)
{
    wt_op *op = find_op(f, json_string_value(json_object_get(ev, "operationId")));
    if (!op || op->done) return; /* not ours (or already ended): ignored */
    if (!strcmp(e, "operationStorageItems")) add_items(op, json_object_get(ev, "items"));
    else if (!strcmp(e, "operationWaitingForContinue")) op->waiting_continue = 1;
    else if (!strcmp(e, "operationStorageDone")) op_finish(op, WETEE_OK, NULL);
    else if (!strcmp(e, "operationCallDone")) {
        const char *o = json_string_value(json_object_get(ev, "output"));
        if (o && (op->output = wt_malloc(strlen(o) + 1))) {
            memcpy(op->output, o, strlen(o) + 1);
            op_finish(op, WETEE_OK, NULL);
        } else op_finish(op, WETEE_ERR_DECODE, "chainHead_v1_call: operationCallDone without output");
    } else if (!strcmp(e, "operationInaccessible")) op_finish(op, WT_HEAD_FALLBACK, "operationInaccessible");
    else if (!strcmp(e, "operationError")) {
        const char *m = json_string_value(json_object_get(ev, "error"));
        char d[300];
        snprintf(d, sizeof d, "%s", m ? m : "operationError");
        op_finish(op, WETEE_ERR_RPC, d);
    }
}

static void follow_fn(void *ctx, int kind, const char *json, size_t len)
{
    wt_follow *f = ctx;
    uint8_t(*unpin)[32] = NULL;
    size_t n_unpin = 0, i;
    pthread_mutex_lock(&f->mu);
    if (kind == WETEE_RPC_SUB_LOST || kind == WETEE_RPC_SUB_RESUBSCRIBED || kind == WETEE_RPC_SUB_CLOSED) {
        /* the operations of the old subscription are gone; the new one starts with `initialized` */
        f->active = 0;
        f->has_best = 0;
        wt_heads_free(&f->heads);
        f->n_deferred = 0;
        if (kind == WETEE_RPC_SUB_CLOSED) f->closed = 1;
        fail_ops(f, kind == WETEE_RPC_SUB_LOST ? "connection lost" : kind == WETEE_RPC_SUB_CLOSED ? "follow subscription closed" : "followed again");
    } else if (kind == WETEE_RPC_SUB_NOTIFICATION) {
        json_t *ev = json_loadb(json, len, 0, NULL);
        const char *e = json_string_value(json_object_get(ev, "event"));
        wt_head_actions a;
        if (e && !strncmp(e, "operation", 9)) on_operation(f, e, ev);
        else if (e && wt_heads_apply(&f->heads, &a, ev) == WETEE_OK) {
            if (a.kind == 1) {
                f->active = 1;
                if (a.n_added) {
                    memcpy(f->best, a.added[a.n_added - 1], 32);
                    f->has_best = 1;
                }
            } else if (a.kind == 3) {
                uint8_t h[32];
                if (wt_hash_from_json(h, json_object_get(ev, "bestBlockHash")) == WETEE_OK && wt_heads_find(&f->heads, h)) {
                    memcpy(f->best, h, 32);
                    f->has_best = 1;
                }
            } else if (a.kind == 4 && f->has_best && !wt_heads_find(&f->heads, f->best) && a.n_finalized) {
                memcpy(f->best, a.finalized[a.n_finalized - 1], 32);
            } else if (a.kind == 5) {
                f->active = 0;
                f->stopped = 1;
                f->has_best = 0;
                f->n_deferred = 0;
                fail_ops(f, "chainHead_v1 stop");
            }
            /* unpin now, or once the operations on that block have ended */
            if (a.n_unpin && (unpin = wt_malloc(a.n_unpin * 32))) {
                for (i = 0; i < a.n_unpin; i++) {
                    if (!is_busy(f, a.unpin[i])) memcpy(unpin[n_unpin++], a.unpin[i], 32);
                    else if (f->n_deferred < 64) memcpy(f->deferred[f->n_deferred++], a.unpin[i], 32);
                }
            }
            wt_head_actions_free(&a);
        }
        json_decref(ev);
    }
    pthread_cond_broadcast(&f->cv);
    pthread_mutex_unlock(&f->mu);
    if (n_unpin) send_unpin(f, unpin, n_unpin);
    wt_free(unpin);
}

int wt_follow_new(wt_follow **out, wetee_rpc *rpc, unsigned timeout_ms, int has_storage, int has_call)
{
    wt_follow *f = wt_calloc(1, sizeof *f);
    int rc;
    *out = NULL;
    if (!f) return WETEE_ERR_NO_MEMORY;
    f->rpc = rpc;
    f->timeout = timeout_ms;
    f->no_storage = !has_storage;
    f->no_call = !has_call;
    pthread_mutex_init(&f->mu, NULL);
    pthread_cond_init(&f->cv, NULL);
    pthread_mutex_init(&f->renew_mu, NULL);
    /* withRuntime: chainHead_v1_call needs it */
    rc = wetee_rpc_subscribe(&f->sub, rpc, "chainHead_v1_follow", "[true]", SIZE_MAX, "chainHead_v1_unfollow", 0, follow_fn, f,
                             timeout_ms);
    if (rc != WETEE_OK) {
        wt_follow_free(f);
        return rc;
    }
    *out = f;
    return WETEE_OK;
}

void wt_follow_free(wt_follow *f)
{
    if (!f) return;
    if (f->sub) wetee_rpc_unsubscribe(f->sub); /* no callback after this */
    /* a response still pending after a timed-out read ends by the rpc
     * client's own deadline (every request ends once) */
    pthread_mutex_lock(&f->mu);
    while (f->pending) pthread_cond_wait(&f->cv, &f->mu);
    pthread_mutex_unlock(&f->mu);
    wt_heads_free(&f->heads);
    pthread_mutex_destroy(&f->mu);
    pthread_cond_destroy(&f->cv);
    pthread_mutex_destroy(&f->renew_mu);
    wt_free(f);
}

void wt_follow_get_stats(wt_follow_stats *out, wt_follow *f)
{
    pthread_mutex_lock(&f->mu);
    *out = f->st;
    pthread_mutex_unlock(&f->mu);
}

static void deadline_after(struct timespec *dl, unsigned ms)
{
    clock_gettime(CLOCK_REALTIME, dl);
    dl->tv_sec += ms / 1000;
    dl->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (dl->tv_nsec >= 1000000000L) {
        dl->tv_sec++;
        dl->tv_nsec -= 1000000000L;
    }
}

static unsigned op_timeout(const wt_follow *f) { return f->timeout ? f->timeout : 60000; }

/* Ready to read: follow again after a stop, wait for `initialized`, and
 * choose the block (`at`, when pinned, else the best block). Marks the
 * block busy. Under f->mu on return when WETEE_OK. */
static int begin(wt_follow *f, uint8_t block[32], const char *at)
{
    struct timespec dl;
    uint8_t want[32];
    int r = 0;
    if (at && *at) {
        json_t *s = json_string(at);
        int ok = s && wt_hash_from_json(want, s) == WETEE_OK;
        json_decref(s);
        if (!ok) return WT_HEAD_FALLBACK; /* let the legacy method report it */
    }
    pthread_mutex_lock(&f->mu);
    if (f->stopped && !f->closed) {
        pthread_mutex_unlock(&f->mu);
        pthread_mutex_lock(&f->renew_mu);
        pthread_mutex_lock(&f->mu);
        if (f->stopped) {
            f->stopped = 0;
            f->st.renewals++;
            pthread_mutex_unlock(&f->mu);
            wetee_rpc_sub_renew(f->sub, f->timeout); /* a failure closes it: the reads fall back */
            pthread_mutex_lock(&f->mu);
        }
        pthread_mutex_unlock(&f->renew_mu);
    }
    deadline_after(&dl, op_timeout(f));
    while (!f->active && !f->closed && !f->stopped && r != ETIMEDOUT) r = pthread_cond_timedwait(&f->cv, &f->mu, &dl);
    if (!f->active) {
        pthread_mutex_unlock(&f->mu);
        return WT_HEAD_FALLBACK;
    }
    if (at && *at) {
        if (!wt_heads_find(&f->heads, want)) {
            pthread_mutex_unlock(&f->mu);
            return WT_HEAD_FALLBACK; /* not pinned: the legacy method reads it */
        }
        memcpy(block, want, 32);
    } else {
        if (!f->has_best || !wt_heads_find(&f->heads, f->best)) {
            pthread_mutex_unlock(&f->mu);
            return WT_HEAD_FALLBACK;
        }
        memcpy(block, f->best, 32);
    }
    {
        size_t i;
        for (i = 0; i < f->n_busy; i++)
            if (!memcmp(f->busy[i].hash, block, 32)) break;
        if (i == f->n_busy) {
            if (f->n_busy == 64) {
                pthread_mutex_unlock(&f->mu);
                return WT_HEAD_FALLBACK;
            }
            memcpy(f->busy[f->n_busy].hash, block, 32);
            f->busy[f->n_busy++].n = 0;
        }
        f->busy[i].n++;
    }
    return WETEE_OK;
}

/* the operation on `block` has ended: unpin it now if its unpin was deferred (under f->mu; sends after unlocking) */
static void end(wt_follow *f, const uint8_t block[32])
{
    size_t i;
    int unpin = 0;
    for (i = 0; i < f->n_busy; i++)
        if (!memcmp(f->busy[i].hash, block, 32)) {
            if (--f->busy[i].n == 0) f->busy[i] = f->busy[--f->n_busy];
            break;
        }
    if (!is_busy(f, block))
        for (i = 0; i < f->n_deferred; i++)
            if (!memcmp(f->deferred[i], block, 32)) {
                memcpy(f->deferred[i], f->deferred[--f->n_deferred], 32);
                unpin = 1;
                break;
            }
    pthread_mutex_unlock(&f->mu);
    if (unpin) {
        uint8_t h[1][32];
        memcpy(h[0], block, 32);
        send_unpin(f, h, 1);
    }
}

static int is_method_missing(const char *json, size_t len)
{
    json_t *e = json ? json_loadb(json, len, 0, NULL) : NULL;
    int missing = json_integer_value(json_object_get(e, "code")) == -32601;
    json_decref(e);
    return missing;
}

static void op_response(void *ctx, int status, const char *json, size_t len)
{
    wt_op *op = ctx;
    wt_follow *f = op->f;
    pthread_mutex_lock(&f->mu);
    if (status != WETEE_OK) {
        if (status == WETEE_ERR_RPC && is_method_missing(json, len)) {
            if (op->kind == OP_STORAGE) f->no_storage = 1;
            else f->no_call = 1;
        }
        /* an error answer (no such follow subscription, block not pinned, ...): the legacy method is asked */
        op_finish(op, status == WETEE_ERR_RPC ? WT_HEAD_FALLBACK : status, wetee_last_error());
    } else {
        json_t *r = json_loadb(json, len, JSON_DECODE_ANY, NULL);
        const char *res = json_string_value(json_object_get(r, "result"));
        const char *id = json_string_value(json_object_get(r, "operationId"));
        if (res && !strcmp(res, "started") && id && strlen(id) < sizeof op->id) {
            if (json_integer_value(json_object_get(r, "discardedItems")) > 0)
                op_finish(op, WT_HEAD_FALLBACK, "discardedItems"); /* its events are ignored */
            else snprintf(op->id, sizeof op->id, "%s", id);
        } else if (res && !strcmp(res, "limitReached")) op_finish(op, WT_HEAD_FALLBACK, "limitReached");
        else op_finish(op, WT_HEAD_FALLBACK, "unexpected answer");
        json_decref(r);
    }
    f->pending--;
    pthread_cond_broadcast(&f->cv);
    op_unref(op);
    pthread_mutex_unlock(&f->mu);
}

/* Run one operation on `block` (begin() done, f->mu held); releases f->mu.
 * `params_tail` is the JSON after the follow subscription and the block hash. */
static int run_op(wt_follow *f, wt_op *op, const char *method, const uint8_t block[32], const char *params_tail)
{
    wetee_buf sid = WETEE_BUF_INIT;
    struct timespec dl;
    char hx[67], *params = NULL;
    size_t n;
    int rc, r = 0;
    wt_op **pp;
    op->f = f;
    if (wetee_rpc_sub_id(&sid, f->sub) != WETEE_OK || !sid.len) {
        wetee_buf_free(&sid);
        end(f, block);
        return WT_HEAD_FALLBACK;
    }
    wt_hex_str(hx, block, 32);
    n = sid.len + strlen(params_tail) + 100;
    if (!(params = wt_malloc(n))) {
        wetee_buf_free(&sid);
        end(f, block);
        return WETEE_ERR_NO_MEMORY;
    }
    snprintf(params, n, "[%s,\"%s\",%s]", (const char *)sid.data, hx, params_tail);
    wetee_buf_free(&sid);
    op->next = f->ops;
    f->ops = op;
    __atomic_add_fetch(&op->refs, 1, __ATOMIC_ACQ_REL); /* the response's */
    f->pending++;
    pthread_mutex_unlock(&f->mu);
    rc = wetee_rpc_call_async(NULL, f->rpc, method, params, SIZE_MAX, f->timeout, op_response, op);
    wt_free(params);
    pthread_mutex_lock(&f->mu);
    if (rc != WETEE_OK) {
        f->pending--;
        op_unref(op); /* no response will come */
        op_finish(op, rc, wetee_last_error());
    }
    deadline_after(&dl, op_timeout(f));
    for (;;) {
        while (!op->done && !op->waiting_continue && r != ETIMEDOUT) r = pthread_cond_timedwait(&f->cv, &f->mu, &dl);
        if (op->done || r == ETIMEDOUT) break;
        /* operationWaitingForContinue: ask for the next items */
        op->waiting_continue = 0;
        f->st.continues++;
        {
            char p[400], *sidtext;
            wetee_buf b = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
            int crc = wetee_rpc_sub_id(&b, f->sub);
            sidtext = crc == WETEE_OK ? (char *)b.data : NULL;
            snprintf(p, sizeof p, "[%s,\"%s\"]", sidtext ? sidtext : "null", op->id);
            pthread_mutex_unlock(&f->mu);
            if (crc == WETEE_OK) crc = wetee_rpc_call(&res, f->rpc, "chainHead_v1_continue", p, SIZE_MAX, f->timeout);
            pthread_mutex_lock(&f->mu);
            if (crc != WETEE_OK) op_finish(op, WT_HEAD_FALLBACK, "chainHead_v1_continue failed");
            wetee_buf_free(&b);
            wetee_buf_free(&res);
        }
    }
    if (!op->done) {
        /* out of time: stop it on the node too */
        wetee_buf b = WETEE_BUF_INIT;
        op_finish(op, wt_error(WETEE_ERR_TIMEOUT, "chain: %s on block %s: no result in %u ms", method, hx, op_timeout(f)), NULL);
        if (op->id[0] && wetee_rpc_sub_id(&b, f->sub) == WETEE_OK) {
            char p[400];
            snprintf(p, sizeof p, "[%s,\"%s\"]", (const char *)b.data, op->id);
            wetee_rpc_call_async(NULL, f->rpc, "chainHead_v1_stopOperation", p, SIZE_MAX, f->timeout, unpin_done, NULL);
        }
        wetee_buf_free(&b);
    }
    for (pp = &f->ops; *pp; pp = &(*pp)->next)
        if (*pp == op) {
            *pp = op->next;
            break;
        }
    rc = op->outcome;
    if (rc == WETEE_OK) {
        if (op->kind == OP_STORAGE) f->st.head_storage++;
        else f->st.head_calls++;
    } else if (rc == WETEE_ERR_RPC) wt_error(rc, "chain: %s: %s", method, op->detail);
    else if (op->detail[0]) wt_error(rc, "%s", op->detail);
    end(f, block); /* releases f->mu */
    return rc;
}

static wt_op *op_new(int kind)
{
    wt_op *op = wt_calloc(1, sizeof *op);
    if (!op) return NULL;
    op->kind = kind;
    op->refs = 1; /* the caller's */
    if (kind == OP_STORAGE && !(op->items = json_array())) {
        wt_free(op);
        return NULL;
    }
    return op;
}

static int hex_value(wetee_buf *out, const char *hex)
{
    if (!hex || hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X'))
        return wt_error(WETEE_ERR_DECODE, "chain: chainHead_v1: expected a 0x-hex value");
    out->len = 0;
    return wetee_hex_decode(out, hex + 2, strlen(hex + 2));
}

/* begin() then run_op() with `tail` (a JSON array whose elements follow the
 * subscription and the block hash) */
static int start(wt_follow *f, wt_op *op, const char *method, json_t *tail, const char *at)
{
    uint8_t block[32];
    char *t = tail ? json_dumps(tail, JSON_COMPACT) : NULL;
    int rc;
    json_decref(tail);
    if (!t) return WETEE_ERR_NO_MEMORY;
    t[strlen(t) - 1] = 0; /* without its brackets */
    if ((rc = begin(f, block, at)) == WETEE_OK) rc = run_op(f, op, method, block, t + 1);
    wt_json_text_free(t);
    if (rc == WT_HEAD_FALLBACK) {
        pthread_mutex_lock(&f->mu);
        f->st.fallbacks++;
        pthread_mutex_unlock(&f->mu);
    }
    return rc;
}

int wt_follow_storage(wt_follow *f, wetee_buf *out, int *found, const char *key, const char *at)
{
    wt_op *op;
    char *lk;
    int rc;
    size_t i;
    if (!f || f->no_storage) return WT_HEAD_FALLBACK;
    if (!(op = op_new(OP_STORAGE))) return WETEE_ERR_NO_MEMORY;
    rc = start(f, op, "chainHead_v1_storage", json_pack("[[{s:s,s:s}],n]", "key", key, "type", "value"), at);
    if (rc == WETEE_OK) {
        /* the item of this key, if any */
        lk = lower_hex(key);
        if (found) *found = 0;
        out->len = 0;
        for (i = 0; lk && i < json_array_size(op->items); i++) {
            json_t *pair = json_array_get(op->items, i);
            if (!strcmp(json_string_value(json_array_get(pair, 0)), lk)) {
                rc = hex_value(out, json_string_value(json_array_get(pair, 1)));
                if (found) *found = 1;
                break;
            }
        }
        if (!lk) rc = WETEE_ERR_NO_MEMORY;
        wt_free(lk);
    }
    op_unref(op);
    return rc;
}

int wt_follow_entries(wt_follow *f, json_t **pairs, const char *prefix, const char *after, size_t keep, const char *at)
{
    wt_op *op;
    int rc;
    *pairs = NULL;
    if (!f || f->no_storage) return WT_HEAD_FALLBACK;
    if (!(op = op_new(OP_STORAGE))) return WETEE_ERR_NO_MEMORY;
    op->keep = keep;
    if (after && !(op->after = lower_hex(after))) {
        op_unref(op);
        return WETEE_ERR_NO_MEMORY;
    }
    rc = start(f, op, "chainHead_v1_storage", json_pack("[[{s:s,s:s}],n]", "key", prefix, "type", "descendantsValues"), at);
    if (rc == WETEE_OK) *pairs = json_incref(op->items);
    op_unref(op);
    return rc;
}

int wt_follow_call(wt_follow *f, wetee_buf *out, const char *function, const char *args_hex, const char *at)
{
    wt_op *op;
    int rc;
    if (!f || f->no_call) return WT_HEAD_FALLBACK;
    if (!(op = op_new(OP_CALL))) return WETEE_ERR_NO_MEMORY;
    rc = start(f, op, "chainHead_v1_call", json_pack("[s,s]", function, args_hex), at);
    if (rc == WETEE_OK) rc = hex_value(out, op->output);
    op_unref(op);
    return rc;
}
