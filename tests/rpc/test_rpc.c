/* JSON-RPC client tests against the fault-injecting server (fault_server.py,
 * WebSocket and HTTP on loopback) and an in-process application transport:
 * results, error objects, many requests in flight answered out of order,
 * timeouts, connections dropped mid-request and mid-subscription,
 * malformed and oversized messages, subscriptions resumed after
 * reconnecting, failover with the genesis check, giving up, thread safety.
 * Run under ASan/LSan in the asan preset: no crash, leak or hang. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"
#include "wt_test.h"

static test_server g_srv;
static int g_up;

static int need_server(void)
{
    if (!g_up) {
        g_up = ts_start(&g_srv, NULL) == 0 ? 1 : -1;
    }
    CHECK(g_up == 1);
    return g_up == 1;
}

/* ---- events ---- */
typedef struct evlog {
    pthread_mutex_t m;
    int count[8];
    char last[8][512];
} evlog;

static void on_event(void *ctx, int event, const char *url, const char *detail)
{
    evlog *e = ctx;
    (void)url;
    pthread_mutex_lock(&e->m);
    if (event > 0 && event < 8) {
        e->count[event]++;
        snprintf(e->last[event], sizeof e->last[event], "%s", detail);
    }
    pthread_mutex_unlock(&e->m);
}

static int ev_count(evlog *e, int event)
{
    pthread_mutex_lock(&e->m);
    int n = e->count[event];
    pthread_mutex_unlock(&e->m);
    return n;
}

static wetee_rpc *connect_ws(const char *urls, evlog *e, unsigned flags)
{
    wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
    o.request_timeout_ms = 5000;
    o.connect_timeout_ms = 2000;
    o.reconnect_initial_ms = 20;
    o.reconnect_max_ms = 200;
    o.flags = flags;
    if (e) {
        o.on_event = on_event;
        o.event_ctx = e;
    }
    wetee_rpc *rpc = NULL;
    CHECK_OK(wetee_rpc_new(&rpc, urls, &o));
    return rpc;
}

static int call_str(wetee_rpc *rpc, const char *method, const char *params, const char *expect)
{
    wetee_buf r = WETEE_BUF_INIT;
    int rc = wetee_rpc_call(&r, rpc, method, params, SIZE_MAX, 0);
    if (rc == WETEE_OK && expect) CHECK_STR((const char *)r.data, expect);
    wetee_buf_free(&r);
    return rc;
}

WT_TEST(test_calls_and_errors)
{
    if (!need_server()) return;
    CHECK(wetee_rpc_transports() & WETEE_RPC_TRANSPORT_WS);
    CHECK(wetee_rpc_transports() & WETEE_RPC_TRANSPORT_CUSTOM);
    evlog e = { PTHREAD_MUTEX_INITIALIZER, { 0 }, { { 0 } } };
    wetee_rpc *rpc = connect_ws(g_srv.ws_url, &e, 0);
    if (!rpc) return;
    CHECK(ev_count(&e, WETEE_RPC_EVENT_CONNECTED) == 1);
    CHECK_OK(call_str(rpc, "echo", "[1, \"two\", {\"3\": null}]", "[1, \"two\", {\"3\": null}]"));
    CHECK_OK(call_str(rpc, "add", "[40, 2]", "42"));
    CHECK_OK(call_str(rpc, "echo", NULL, "[]"));
    CHECK_OK(call_str(rpc, "echo", "{\"a\": \"\\u00e9\"}", "{\"a\": \"\\u00e9\"}"));
    /* the server's error object is returned with WETEE_ERR_RPC */
    wetee_buf r = WETEE_BUF_INIT;
    CHECK_ERR(wetee_rpc_call(&r, rpc, "fail", "[1010, \"Invalid Transaction\"]", SIZE_MAX, 0), WETEE_ERR_RPC);
    CHECK_STR((const char *)r.data, "{\"code\": 1010, \"message\": \"Invalid Transaction\"}");
    CHECK_DETAIL("1010");
    CHECK_DETAIL("Invalid Transaction");
    CHECK_ERR(wetee_rpc_call(&r, rpc, "no_such_method", "[]", SIZE_MAX, 0), WETEE_ERR_RPC);
    CHECK_DETAIL("-32601");
    CHECK_ERR(wetee_rpc_call(&r, rpc, "fail_nocode", "[]", SIZE_MAX, 0), WETEE_ERR_RPC);
    /* bad arguments never reach the server */
    CHECK_ERR(wetee_rpc_call(&r, rpc, "echo", "[1,", SIZE_MAX, 0), WETEE_ERR_DECODE);
    CHECK_DETAIL("params");
    CHECK_ERR(wetee_rpc_call(&r, rpc, "echo", "7", SIZE_MAX, 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_rpc_call(&r, rpc, "echo", "[] []", SIZE_MAX, 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_rpc_call(&r, rpc, "ec\"ho", "[]", SIZE_MAX, 0), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_rpc_call(&r, rpc, "", "[]", SIZE_MAX, 0), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_rpc_call(NULL, rpc, "echo", "[]", SIZE_MAX, 0), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_rpc_call(&r, NULL, "echo", "[]", SIZE_MAX, 0), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_rpc_call(&r, rpc, "echo", "[1]", (size_t)-1 / 2 + 1, 0), WETEE_ERR_TOO_LONG);
    /* params given by length: only that many bytes */
    CHECK_OK(wetee_rpc_call(&r, rpc, "echo", "[5]garbage", 3, 0));
    CHECK_STR((const char *)r.data, "[5]");
    /* a response with neither result nor error fails that request */
    CHECK_ERR(wetee_rpc_call(&r, rpc, "noresult", "[]", SIZE_MAX, 0), WETEE_ERR_DECODE);
    CHECK_DETAIL("neither result nor error");
    /* a response to no request is reported, the connection stays */
    CHECK_ERR(wetee_rpc_call_async(NULL, rpc, "echo", "[]", SIZE_MAX, 0, NULL, NULL), WETEE_ERR_INVALID_ARGUMENT);
    wetee_rpc_stats st = WETEE_RPC_STATS_INIT;
    CHECK_ERR(wetee_rpc_call(&r, rpc, "wrong_id", "[]", SIZE_MAX, 300), WETEE_ERR_TIMEOUT);
    CHECK(ev_count(&e, WETEE_RPC_EVENT_PROTOCOL_ERROR) == 1);
    CHECK(strstr(e.last[WETEE_RPC_EVENT_PROTOCOL_ERROR], "matches no request") != NULL);
    CHECK_OK(wetee_rpc_get_stats(&st, rpc));
    CHECK(st.connected == 1 && st.disconnects == 0 && st.protocol_errors == 1 && st.timeouts == 1);
    CHECK_OK(wetee_rpc_current_url(&r, rpc));
    CHECK_STR((const char *)r.data, g_srv.ws_url);
    CHECK_ERR(wetee_rpc_genesis_hash(&r, rpc), WETEE_ERR_STATE);
    wetee_buf_free(&r);
    wetee_rpc_free(rpc);
    wetee_rpc_free(NULL);
}

/* ---- many in flight, answered out of order ---- */
typedef struct inflight {
    atomic_int done, bad;
    pthread_mutex_t m;
    pthread_cond_t c;
} inflight;

typedef struct one {
    inflight *f;
    long expect;
    int expect_status;
} one;

static void on_one(void *ctx, int status, const char *json, size_t len)
{
    one *o = ctx;
    int ok = status == o->expect_status;
    if (ok && status == WETEE_OK) {
        char buf[32];
        snprintf(buf, sizeof buf, "%.*s", (int)(len < 31 ? len : 31), json);
        ok = strtol(buf, NULL, 10) == o->expect;
    }
    if (ok && status != WETEE_OK) ok = json == NULL && wetee_last_error()[0] != 0;
    if (!ok) atomic_fetch_add(&o->f->bad, 1);
    pthread_mutex_lock(&o->f->m);
    atomic_fetch_add(&o->f->done, 1);
    pthread_cond_broadcast(&o->f->c);
    pthread_mutex_unlock(&o->f->m);
}

static int wait_done(inflight *f, int n, double secs)
{
    double end = ts_now() + secs;
    pthread_mutex_lock(&f->m);
    while (atomic_load(&f->done) < n && ts_now() < end) {
        pthread_mutex_unlock(&f->m);
        ts_sleep_ms(2);
        pthread_mutex_lock(&f->m);
    }
    pthread_mutex_unlock(&f->m);
    return atomic_load(&f->done);
}

WT_TEST(test_many_in_flight_out_of_order)
{
    if (!need_server()) return;
    wetee_rpc *rpc = connect_ws(g_srv.ws_url, NULL, 0);
    if (!rpc) return;
    enum { N = 2000 };
    inflight f = { 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
    one *ones = calloc(N, sizeof *ones);
    wt_rand_seed(7);
    for (int i = 0; i < N; i++) {
        char p[64];
        ones[i].f = &f;
        ones[i].expect = i;
        ones[i].expect_status = WETEE_OK;
        /* delays of 0..30 ms: later requests often answered first */
        snprintf(p, sizeof p, "[%u, %d]", (unsigned)(wt_rand() % 31), i);
        CHECK_OK(wetee_rpc_call_async(NULL, rpc, "sleep", p, SIZE_MAX, 0, on_one, &ones[i]));
    }
    CHECK(wait_done(&f, N, 20) == N);
    CHECK(atomic_load(&f.bad) == 0);
    wetee_rpc_stats st = WETEE_RPC_STATS_INIT;
    CHECK_OK(wetee_rpc_get_stats(&st, rpc));
    CHECK(st.in_flight == 0 && st.responses >= N);
    wetee_rpc_free(rpc);
    free(ones);
}

WT_TEST(test_timeouts)
{
    if (!need_server()) return;
    wetee_rpc *rpc = connect_ws(g_srv.ws_url, NULL, 0);
    if (!rpc) return;
    wetee_buf r = WETEE_BUF_INIT;
    double t0 = ts_now();
    CHECK_ERR(wetee_rpc_call(&r, rpc, "sleep", "[1500, 1]", SIZE_MAX, 150), WETEE_ERR_TIMEOUT);
    double dt = ts_now() - t0;
    CHECK(dt >= 0.14 && dt < 3.0);
    CHECK_DETAIL("sleep");
    CHECK_DETAIL("within the deadline");
    CHECK(r.len == 0);
    /* the late answer is dropped quietly; the connection keeps working */
    CHECK_OK(call_str(rpc, "add", "[1, 1]", "2"));
    /* a callback outlives nothing: timeouts of async calls too */
    inflight f = { 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
    one o[3] = { { &f, 0, WETEE_ERR_TIMEOUT }, { &f, 5, WETEE_OK }, { &f, 0, WETEE_ERR_TIMEOUT } };
    CHECK_OK(wetee_rpc_call_async(NULL, rpc, "sleep", "[1000, 0]", SIZE_MAX, 100, on_one, &o[0]));
    CHECK_OK(wetee_rpc_call_async(NULL, rpc, "sleep", "[10, 5]", SIZE_MAX, 2000, on_one, &o[1]));
    CHECK_OK(wetee_rpc_call_async(NULL, rpc, "sleep", "[1000, 0]", SIZE_MAX, 50, on_one, &o[2]));
    CHECK(wait_done(&f, 3, 3) == 3);
    CHECK(atomic_load(&f.bad) == 0);
    wetee_buf_free(&r);
    wetee_rpc_free(rpc);
}

WT_TEST(test_drop_mid_request)
{
    if (!need_server()) return;
    evlog e = { PTHREAD_MUTEX_INITIALIZER, { 0 }, { { 0 } } };
    wetee_rpc *rpc = connect_ws(g_srv.ws_url, &e, 0);
    if (!rpc) return;
    inflight f = { 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
    one o[4];
    for (int i = 0; i < 4; i++) o[i] = (one){ &f, 0, WETEE_ERR_NETWORK };
    for (int i = 0; i < 4; i++) CHECK_OK(wetee_rpc_call_async(NULL, rpc, "sleep", "[500, 1]", SIZE_MAX, 0, on_one, &o[i]));
    wetee_buf r = WETEE_BUF_INIT;
    double t0 = ts_now();
    CHECK_ERR(wetee_rpc_call(&r, rpc, "drop", "[]", SIZE_MAX, 0), WETEE_ERR_NETWORK);
    CHECK(ts_now() - t0 < 3.0);
    CHECK_DETAIL("connection lost");
    CHECK_DETAIL("drop");
    CHECK(wait_done(&f, 4, 3) == 4);
    CHECK(atomic_load(&f.bad) == 0);
    /* the client reconnects by itself; calls after it work */
    CHECK_OK(call_str(rpc, "add", "[2, 3]", "5"));
    CHECK(ev_count(&e, WETEE_RPC_EVENT_DISCONNECTED) == 1);
    CHECK(ev_count(&e, WETEE_RPC_EVENT_CONNECTED) == 2);
    CHECK(ev_count(&e, WETEE_RPC_EVENT_RECONNECTED) == 1);
    wetee_rpc_stats st = WETEE_RPC_STATS_INIT;
    CHECK_OK(wetee_rpc_get_stats(&st, rpc));
    CHECK(st.failed == 5 && st.connects == 2);
    wetee_buf_free(&r);
    wetee_rpc_free(rpc);
}

WT_TEST(test_malformed_and_oversized)
{
    if (!need_server()) return;
    evlog e = { PTHREAD_MUTEX_INITIALIZER, { 0 }, { { 0 } } };
    wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
    o.max_message_bytes = 64 * 1024;
    o.reconnect_initial_ms = 10;
    o.on_event = on_event;
    o.event_ctx = &e;
    wetee_rpc *rpc = NULL;
    CHECK_OK(wetee_rpc_new(&rpc, g_srv.ws_url, &o));
    if (!rpc) return;
    wetee_buf r = WETEE_BUF_INIT;
    CHECK_ERR(wetee_rpc_call(&r, rpc, "malformed", "[]", SIZE_MAX, 0), WETEE_ERR_NETWORK);
    CHECK_DETAIL("invalid JSON");
    CHECK(ev_count(&e, WETEE_RPC_EVENT_PROTOCOL_ERROR) == 1);
    CHECK_OK(call_str(rpc, "add", "[1, 2]", "3"));
    CHECK_OK(wetee_rpc_call(&r, rpc, "oversize", "[60000]", SIZE_MAX, 0));
    CHECK(r.len == 60002);
    CHECK_ERR(wetee_rpc_call(&r, rpc, "oversize", "[70000]", SIZE_MAX, 0), WETEE_ERR_NETWORK);
    CHECK_DETAIL("max_message_bytes");
    CHECK(ev_count(&e, WETEE_RPC_EVENT_PROTOCOL_ERROR) == 2);
    CHECK_OK(call_str(rpc, "add", "[1, 3]", "4"));
    /* params over the limit are refused before sending */
    char *big = malloc(70010);
    memset(big, ' ', 70010);
    big[0] = '[';
    big[70008] = ']';
    big[70009] = 0;
    CHECK_ERR(wetee_rpc_call(&r, rpc, "echo", big, SIZE_MAX, 0), WETEE_ERR_TOO_LONG);
    free(big);
    wetee_buf_free(&r);
    wetee_rpc_free(rpc);
}

/* ---- subscriptions ---- */
typedef struct subrec {
    pthread_mutex_t m;
    int ticks[4096];
    int nticks;
    int lost, resub, closed;
    char newid[64];
    int after_free;
} subrec;

static void on_sub(void *ctx, int kind, const char *json, size_t len)
{
    subrec *s = ctx;
    pthread_mutex_lock(&s->m);
    if (s->after_free) s->after_free = 2;
    if (kind == WETEE_RPC_SUB_NOTIFICATION && s->nticks < 4096) {
        char b[32];
        snprintf(b, sizeof b, "%.*s", (int)(len < 31 ? len : 31), json);
        s->ticks[s->nticks++] = atoi(b);
    } else if (kind == WETEE_RPC_SUB_LOST) {
        s->lost++;
    } else if (kind == WETEE_RPC_SUB_RESUBSCRIBED) {
        s->resub++;
        snprintf(s->newid, sizeof s->newid, "%.*s", (int)(len < 63 ? len : 63), json);
    } else if (kind == WETEE_RPC_SUB_CLOSED) {
        s->closed++;
    }
    pthread_mutex_unlock(&s->m);
}

static int sub_get(subrec *s, int *field)
{
    pthread_mutex_lock(&s->m);
    int v = *field;
    pthread_mutex_unlock(&s->m);
    return v;
}

static int wait_field(subrec *s, int *field, int atleast, double secs)
{
    double end = ts_now() + secs;
    while (sub_get(s, field) < atleast && ts_now() < end) ts_sleep_ms(5);
    return sub_get(s, field);
}

WT_TEST(test_subscription_resumes)
{
    if (!need_server()) return;
    evlog e = { PTHREAD_MUTEX_INITIALIZER, { 0 }, { { 0 } } };
    wetee_rpc *rpc = connect_ws(g_srv.ws_url, &e, 0);
    if (!rpc) return;
    subrec *s = calloc(1, sizeof *s);
    pthread_mutex_init(&s->m, NULL);
    wetee_rpc_sub *sub = NULL;
    CHECK_OK(wetee_rpc_subscribe(&sub, rpc, "subscribe_ticks", "[5, 0]", SIZE_MAX, "unsubscribe_ticks", 0, on_sub, s, 0));
    if (!sub) return;
    wetee_buf id = WETEE_BUF_INIT;
    CHECK_OK(wetee_rpc_sub_id(&id, sub));
    CHECK(id.len > 2 && id.data[0] == '"' && id.data[1] == 't');
    CHECK(wait_field(s, &s->nticks, 5, 5) >= 5);
    /* in order, from 0 */
    pthread_mutex_lock(&s->m);
    for (int i = 0; i < 5; i++) CHECK(s->ticks[i] == i);
    pthread_mutex_unlock(&s->m);
    /* the connection drops mid-subscription: LOST, then RESUBSCRIBED with a new id */
    CHECK_OK(call_str(rpc, "drop_after", "[10]", "true"));
    CHECK(wait_field(s, &s->resub, 1, 5) == 1);
    CHECK(sub_get(s, &s->lost) == 1);
    CHECK(sub_get(s, &s->closed) == 0);
    wetee_buf id2 = WETEE_BUF_INIT;
    CHECK_OK(wetee_rpc_sub_id(&id2, sub));
    CHECK(strcmp((char *)id.data, (char *)id2.data) != 0);
    CHECK_STR(s->newid, (char *)id2.data);
    CHECK(ev_count(&e, WETEE_RPC_EVENT_RECONNECTED) == 1);
    /* notifications flow again: the new subscription starts from 0 */
    int before = sub_get(s, &s->nticks);
    CHECK(wait_field(s, &s->nticks, before + 5, 5) >= before + 5);
    /* unsubscribe: the server is told, no callback after it */
    CHECK_OK(wetee_rpc_unsubscribe(sub));
    pthread_mutex_lock(&s->m);
    s->after_free = 1;
    pthread_mutex_unlock(&s->m);
    ts_sleep_ms(60);
    CHECK(sub_get(s, &s->after_free) == 1);
    wetee_buf r = WETEE_BUF_INIT;
    CHECK_OK(wetee_rpc_call(&r, rpc, "server_stats", "[]", SIZE_MAX, 0));
    CHECK(strstr((char *)r.data, "\"active_subs\": 0") != NULL);
    wetee_rpc_stats st = WETEE_RPC_STATS_INIT;
    CHECK_OK(wetee_rpc_get_stats(&st, rpc));
    CHECK(st.subscriptions == 0);
    wetee_buf_free(&r);
    wetee_buf_free(&id);
    wetee_buf_free(&id2);
    wetee_rpc_free(rpc);
    free(s);
}

WT_TEST(test_subscription_edge_cases)
{
    if (!need_server()) return;
    wetee_rpc *rpc = connect_ws(g_srv.ws_url, NULL, 0);
    if (!rpc) return;
    /* a notification sent before the subscription's response is kept */
    subrec *s = calloc(1, sizeof *s);
    pthread_mutex_init(&s->m, NULL);
    wetee_rpc_sub *sub = NULL;
    CHECK_OK(wetee_rpc_subscribe(&sub, rpc, "subscribe_ticks", "[5, 3, true]", SIZE_MAX, "unsubscribe_ticks", 0, on_sub, s, 0));
    CHECK(wait_field(s, &s->nticks, 3, 5) == 3);
    CHECK(s->ticks[0] == 0 && s->ticks[1] == 1 && s->ticks[2] == 2);
    CHECK_OK(wetee_rpc_unsubscribe(sub));
    /* WETEE_RPC_SUB_NO_RESUBSCRIBE: lost, then closed, never repeated */
    subrec *s2 = calloc(1, sizeof *s2);
    pthread_mutex_init(&s2->m, NULL);
    CHECK_OK(wetee_rpc_subscribe(&sub, rpc, "subscribe_ticks", "[5, 0]", SIZE_MAX, NULL, WETEE_RPC_SUB_NO_RESUBSCRIBE,
                                 on_sub, s2, 0));
    CHECK(wait_field(s2, &s2->nticks, 2, 5) >= 2);
    CHECK_OK(call_str(rpc, "drop_after", "[5]", "true"));
    CHECK(wait_field(s2, &s2->closed, 1, 5) == 1);
    CHECK(sub_get(s2, &s2->lost) == 1 && sub_get(s2, &s2->resub) == 0);
    wetee_buf id = WETEE_BUF_INIT;
    CHECK_ERR(wetee_rpc_sub_id(&id, sub), WETEE_ERR_STATE);
    /* ... but it can be renewed by hand */
    CHECK_OK(call_str(rpc, "add", "[1, 1]", "2"));
    CHECK_OK(wetee_rpc_sub_renew(sub, 0));
    CHECK(sub_get(s2, &s2->resub) == 1);
    int n = sub_get(s2, &s2->nticks);
    CHECK(wait_field(s2, &s2->nticks, n + 2, 5) >= n + 2);
    CHECK_OK(wetee_rpc_unsubscribe(sub));
    /* a subscription the server refuses */
    CHECK_ERR(wetee_rpc_subscribe(&sub, rpc, "fail", "[-32000, \"no\"]", SIZE_MAX, NULL, 0, on_sub, s, 0), WETEE_ERR_RPC);
    CHECK(sub == NULL);
    /* a result that is no subscription id */
    CHECK_ERR(wetee_rpc_subscribe(&sub, rpc, "echo", "[]", SIZE_MAX, NULL, 0, on_sub, s, 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_rpc_subscribe(&sub, rpc, "echo", "[]", SIZE_MAX, NULL, 9, on_sub, s, 0), WETEE_ERR_INVALID_ARGUMENT);
    /* subscriptions still open at free are closed */
    subrec *s3 = calloc(1, sizeof *s3);
    pthread_mutex_init(&s3->m, NULL);
    CHECK_OK(wetee_rpc_subscribe(&sub, rpc, "subscribe_ticks", "[50, 0]", SIZE_MAX, "unsubscribe_ticks", 0, on_sub, s3, 0));
    wetee_rpc_free(rpc);
    CHECK(s3->closed == 1);
    wetee_buf_free(&id);
    free(s);
    free(s2);
    free(s3);
}

/* unsubscribing from inside the subscription's own callback */
typedef struct selfunsub {
    wetee_rpc_sub *sub;
    atomic_int calls;
} selfunsub;

static void on_self(void *ctx, int kind, const char *json, size_t len)
{
    selfunsub *u = ctx;
    (void)json;
    (void)len;
    if (kind != WETEE_RPC_SUB_NOTIFICATION) return;
    if (atomic_fetch_add(&u->calls, 1) == 1) wetee_rpc_unsubscribe(u->sub);
}

WT_TEST(test_unsubscribe_in_callback)
{
    if (!need_server()) return;
    wetee_rpc *rpc = connect_ws(g_srv.ws_url, NULL, 0);
    if (!rpc) return;
    selfunsub u = { NULL, 0 };
    /* early notification + fast ticks: several may be queued in one batch */
    CHECK_OK(wetee_rpc_subscribe(&u.sub, rpc, "subscribe_ticks", "[1, 0, true]", SIZE_MAX, "unsubscribe_ticks", 0,
                                 on_self, &u, 0));
    /* wait for the second notification (a loaded machine or ASan can take
     * longer than a few ticks), then give queued ones time to arrive: none
     * may reach the callback after it unsubscribed */
    for (int i = 0; i < 1000 && atomic_load(&u.calls) < 2; i++) ts_sleep_ms(2);
    ts_sleep_ms(100);
    CHECK(atomic_load(&u.calls) == 2);
    wetee_rpc_free(rpc);
}

/* blocking calls from a callback would deadlock: refused */
typedef struct inner {
    int rc;
    atomic_int done;
    wetee_rpc *rpc;
} inner;

static void on_inner(void *ctx, int status, const char *json, size_t len)
{
    inner *in = ctx;
    (void)status;
    (void)json;
    (void)len;
    wetee_buf r = WETEE_BUF_INIT;
    in->rc = wetee_rpc_call(&r, in->rpc, "echo", "[]", SIZE_MAX, 0);
    wetee_buf_free(&r);
    atomic_store(&in->done, 1);
}

WT_TEST(test_blocking_call_in_callback)
{
    if (!need_server()) return;
    wetee_rpc *rpc = connect_ws(g_srv.ws_url, NULL, 0);
    if (!rpc) return;
    inner in = { 0, 0, rpc };
    CHECK_OK(wetee_rpc_call_async(NULL, rpc, "echo", "[]", SIZE_MAX, 0, on_inner, &in));
    for (int i = 0; i < 500 && !atomic_load(&in.done); i++) ts_sleep_ms(2);
    CHECK(atomic_load(&in.done) == 1);
    CHECK(in.rc == WETEE_ERR_STATE);
    wetee_rpc_free(rpc);
}

/* ---- many threads on one client ---- */
typedef struct worker {
    wetee_rpc *rpc;
    int base;
    int bad;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    wetee_buf r = WETEE_BUF_INIT;
    for (int i = 0; i < 300; i++) {
        char p[64], want[32];
        snprintf(p, sizeof p, "[%d, %d]", w->base, i);
        snprintf(want, sizeof want, "%d", w->base + i);
        if (wetee_rpc_call(&r, w->rpc, "add", p, SIZE_MAX, 0) != WETEE_OK || strcmp((char *)r.data, want) != 0) w->bad++;
    }
    wetee_buf_free(&r);
    return NULL;
}

WT_TEST(test_threads)
{
    if (!need_server()) return;
    wetee_rpc *rpc = connect_ws(g_srv.ws_url, NULL, 0);
    if (!rpc) return;
    pthread_t th[4];
    worker w[4];
    for (int i = 0; i < 4; i++) {
        w[i] = (worker){ rpc, i * 100000, 0 };
        pthread_create(&th[i], NULL, work, &w[i]);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CHECK(w[i].bad == 0);
    }
    wetee_rpc_free(rpc);
}

/* Blocking calls from several threads (a lone call writes its own frame on
 * its thread, the others are queued for the service thread) while the
 * connection is dropped again and again: every call ends, with its right
 * answer or with WETEE_ERR_NETWORK, none hangs, nothing stays in flight. */
typedef struct dropper_arg {
    wetee_rpc *rpc;
    atomic_int stop;
} dropper_arg;

static void *dropper(void *arg)
{
    dropper_arg *d = arg;
    wetee_buf r = WETEE_BUF_INIT;
    while (!atomic_load(&d->stop)) {
        (void)wetee_rpc_call(&r, d->rpc, "drop_after", "[2]", SIZE_MAX, 2000);
        ts_sleep_ms(30);
    }
    wetee_buf_free(&r);
    return NULL;
}

typedef struct caller_arg {
    wetee_rpc *rpc;
    int base, ok, lost, bad;
} caller_arg;

static void *caller(void *arg)
{
    caller_arg *c = arg;
    wetee_buf r = WETEE_BUF_INIT;
    for (int i = 0; i < 400; i++) {
        char p[48], want[24];
        snprintf(p, sizeof p, "[%d, %d]", c->base, i);
        snprintf(want, sizeof want, "%d", c->base + i);
        int rc = wetee_rpc_call(&r, c->rpc, "add", p, SIZE_MAX, 5000);
        if (rc == WETEE_OK && strcmp((const char *)r.data, want) == 0) c->ok++;
        else if (rc == WETEE_ERR_NETWORK) c->lost++;
        else c->bad++;
    }
    wetee_buf_free(&r);
    return NULL;
}

WT_TEST(test_calls_across_drops)
{
    if (!need_server()) return;
    wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
    o.reconnect_initial_ms = 2;
    o.reconnect_max_ms = 10;
    o.reconnect_limit = 100;
    wetee_rpc *rpc = NULL;
    CHECK_OK(wetee_rpc_new(&rpc, g_srv.ws_url, &o));
    if (!rpc) return;
    dropper_arg d = { rpc, 0 };
    caller_arg c[3];
    pthread_t th[3], dth;
    CHECK(pthread_create(&dth, NULL, dropper, &d) == 0);
    for (int i = 0; i < 3; i++) {
        c[i] = (caller_arg){ rpc, (i + 1) * 1000, 0, 0, 0 };
        CHECK(pthread_create(&th[i], NULL, caller, &c[i]) == 0);
    }
    int ok = 0, lost = 0, bad = 0;
    for (int i = 0; i < 3; i++) {
        pthread_join(th[i], NULL);
        ok += c[i].ok;
        lost += c[i].lost;
        bad += c[i].bad;
    }
    atomic_store(&d.stop, 1);
    pthread_join(dth, NULL);
    printf("calls across drops: %d answered, %d failed with the connection, %d wrong\n", ok, lost, bad);
    CHECK(bad == 0);
    CHECK(ok + lost == 1200);
    CHECK(ok > 0);
    CHECK_OK(call_str(rpc, "add", "[1, 1]", "2"));
    wetee_rpc_stats st = WETEE_RPC_STATS_INIT;
    CHECK_OK(wetee_rpc_get_stats(&st, rpc));
    CHECK(st.in_flight == 0);
    CHECK(st.connects >= 2);
    wetee_rpc_free(rpc);
}

/* A lone call too large for the socket's free send space is handed to the
 * service thread whole (never half written outside libwebsockets), then
 * small lone calls go direct again. */
WT_TEST(test_large_lone_call)
{
    if (!need_server()) return;
    wetee_rpc *rpc = connect_ws(g_srv.ws_url, NULL, 0);
    if (!rpc) return;
    size_t n = (size_t)3 << 20;
    char *p = malloc(n + 8);
    p[0] = '[';
    p[1] = '"';
    memset(p + 2, 'a', n);
    p[n + 2] = '"';
    p[n + 3] = ']';
    p[n + 4] = 0;
    wetee_buf r = WETEE_BUF_INIT;
    for (int i = 0; i < 3; i++) {
        CHECK_OK(wetee_rpc_call(&r, rpc, "echo", p, n + 4, 20000));
        CHECK(r.len == n + 4 && memcmp(r.data, p, n + 4) == 0);
        CHECK_OK(call_str(rpc, "add", "[2, 3]", "5"));
    }
    wetee_buf_free(&r);
    free(p);
    wetee_rpc_free(rpc);
}

/* ---- failover, genesis check, giving up ---- */
WT_TEST(test_failover_and_genesis)
{
    if (!need_server()) return;
    test_server a, b, c;
    const char *other[] = { "--genesis", "0x1111111111111111111111111111111111111111111111111111111111111111", NULL };
    CHECK(ts_start(&a, NULL) == 0);
    CHECK(ts_start(&b, NULL) == 0);
    CHECK(ts_start(&c, other) == 0);
    char urls[256];
    snprintf(urls, sizeof urls, "%s, %s %s", a.ws_url, c.ws_url, b.ws_url);
    evlog e = { PTHREAD_MUTEX_INITIALIZER, { 0 }, { { 0 } } };
    wetee_rpc *rpc = connect_ws(urls, &e, WETEE_RPC_CHECK_GENESIS);
    if (rpc) {
        wetee_buf r = WETEE_BUF_INIT;
        CHECK_OK(wetee_rpc_genesis_hash(&r, rpc));
        CHECK_STR((char *)r.data, "\"0x4545454545454545454545454545454545454545454545454545454545454545\"");
        CHECK_OK(wetee_rpc_current_url(&r, rpc));
        CHECK_STR((char *)r.data, a.ws_url);
        /* A goes away: C serves another chain and is skipped; B takes over */
        ts_stop(&a);
        double t0 = ts_now();
        int ok = 0;
        while (ts_now() - t0 < 5 && !ok) {
            ok = wetee_rpc_call(&r, rpc, "add", "[1, 1]", SIZE_MAX, 1000) == WETEE_OK;
            if (!ok) ts_sleep_ms(20);
        }
        CHECK(ok);
        CHECK_OK(wetee_rpc_current_url(&r, rpc));
        CHECK_STR((char *)r.data, b.ws_url);
        CHECK(ev_count(&e, WETEE_RPC_EVENT_ENDPOINT_REJECTED) >= 1);
        CHECK(strstr(e.last[WETEE_RPC_EVENT_ENDPOINT_REJECTED], "0x1111") != NULL);
        wetee_buf_free(&r);
        wetee_rpc_free(rpc);
    }
    /* only a wrong-genesis endpoint after the first: gives up, then recovers */
    ts_stop(&b);
    ts_stop(&c);
}

WT_TEST(test_unreachable_and_give_up)
{
    /* a port nobody listens on: new() fails fast with the reason */
    test_server t;
    CHECK(ts_start(&t, NULL) == 0);
    char url[64];
    snprintf(url, sizeof url, "%s", t.ws_url);
    ts_stop(&t);
    wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
    o.connect_timeout_ms = 1000;
    wetee_rpc *rpc = (wetee_rpc *)1;
    double t0 = ts_now();
    CHECK_ERR(wetee_rpc_new(&rpc, url, &o), WETEE_ERR_NETWORK);
    CHECK(rpc == NULL);
    CHECK(ts_now() - t0 < 5.0);
    CHECK_DETAIL(url);
    /* bad URLs and options */
    CHECK_ERR(wetee_rpc_new(&rpc, "ftp://x", NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_rpc_new(&rpc, "", NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_rpc_new(&rpc, "ws://", NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_rpc_new(&rpc, "ws://a:1 http://b:2", NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_DETAIL("mixed");
    CHECK_ERR(wetee_rpc_new(&rpc, NULL, NULL), WETEE_ERR_INVALID_ARGUMENT);
    o.version = 99;
    CHECK_ERR(wetee_rpc_new(&rpc, url, &o), WETEE_ERR_INVALID_ARGUMENT);
    o = (wetee_rpc_options)WETEE_RPC_OPTIONS_INIT;
    o.ca_file = "/nonexistent/ca.pem";
    CHECK_ERR(wetee_rpc_new(&rpc, "wss://127.0.0.1:1", &o), WETEE_ERR_IO);
    /* a lost server: the limit is reached, GAVE_UP, calls fail at once;
     * wetee_rpc_reconnect() starts again once the server is back */
    if (!need_server()) return;
    evlog e = { PTHREAD_MUTEX_INITIALIZER, { 0 }, { { 0 } } };
    test_server s;
    CHECK(ts_start(&s, NULL) == 0);
    o = (wetee_rpc_options)WETEE_RPC_OPTIONS_INIT;
    o.reconnect_limit = 3;
    o.reconnect_initial_ms = 10;
    o.reconnect_max_ms = 40;
    o.on_event = on_event;
    o.event_ctx = &e;
    CHECK_OK(wetee_rpc_new(&rpc, s.ws_url, &o));
    if (!rpc) return;
    subrec *sr = calloc(1, sizeof *sr);
    pthread_mutex_init(&sr->m, NULL);
    wetee_rpc_sub *sub = NULL;
    CHECK_OK(wetee_rpc_subscribe(&sub, rpc, "subscribe_ticks", "[20, 0]", SIZE_MAX, NULL, 0, on_sub, sr, 0));
    int port = s.ws_port;
    ts_stop(&s);
    double t1 = ts_now();
    while (ev_count(&e, WETEE_RPC_EVENT_GAVE_UP) == 0 && ts_now() - t1 < 5) ts_sleep_ms(5);
    CHECK(ev_count(&e, WETEE_RPC_EVENT_GAVE_UP) == 1);
    CHECK(ev_count(&e, WETEE_RPC_EVENT_DISCONNECTED) == 4); /* the loss + 3 attempts */
    CHECK(sub_get(sr, &sr->lost) == 1 && sub_get(sr, &sr->closed) == 1);
    wetee_rpc_stats st = WETEE_RPC_STATS_INIT;
    CHECK_OK(wetee_rpc_get_stats(&st, rpc));
    CHECK(st.gave_up == 1 && st.connected == 0);
    wetee_buf r = WETEE_BUF_INIT;
    t1 = ts_now();
    CHECK_ERR(wetee_rpc_call(&r, rpc, "echo", "[]", SIZE_MAX, 0), WETEE_ERR_NETWORK);
    CHECK(ts_now() - t1 < 1.0);
    CHECK_DETAIL("gave up");
    /* back on the same port */
    char portarg[16];
    snprintf(portarg, sizeof portarg, "%d", port);
    const char *args[] = { "--ws-port", portarg, NULL };
    if (ts_start(&s, args) == 0) {
        CHECK_OK(wetee_rpc_reconnect(rpc));
        t1 = ts_now();
        int ok = 0;
        while (!ok && ts_now() - t1 < 5) {
            ok = wetee_rpc_call(&r, rpc, "add", "[2, 2]", SIZE_MAX, 500) == WETEE_OK;
            if (!ok) ts_sleep_ms(10);
        }
        CHECK(ok);
        ts_stop(&s);
    } else {
        CHECK(!"restarting the server on its port failed");
    }
    wetee_buf_free(&r);
    wetee_rpc_free(rpc);
    free(sr);
}

/* ---- HTTP ---- */
WT_TEST(test_http)
{
    if (!need_server()) return;
    CHECK(wetee_rpc_transports() & WETEE_RPC_TRANSPORT_HTTP);
    wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
    o.max_message_bytes = 64 * 1024;
    wetee_rpc *rpc = NULL;
    /* the first endpoint is unreachable: requests go to the second */
    test_server t;
    CHECK(ts_start(&t, NULL) == 0);
    char urls[200];
    snprintf(urls, sizeof urls, "%s %s", t.http_url, g_srv.http_url);
    ts_stop(&t);
    CHECK_OK(wetee_rpc_new(&rpc, urls, &o));
    if (!rpc) return;
    CHECK_OK(call_str(rpc, "add", "[20, 22]", "42"));
    wetee_buf r = WETEE_BUF_INIT;
    CHECK_OK(wetee_rpc_current_url(&r, rpc));
    CHECK_STR((char *)r.data, g_srv.http_url);
    CHECK_ERR(wetee_rpc_call(&r, rpc, "fail", "[-32000, \"bad\"]", SIZE_MAX, 0), WETEE_ERR_RPC);
    CHECK_STR((char *)r.data, "{\"code\": -32000, \"message\": \"bad\"}");
    CHECK_ERR(wetee_rpc_call(&r, rpc, "fail_nocode", "[]", SIZE_MAX, 0), WETEE_ERR_RPC);
    CHECK_ERR(wetee_rpc_call(&r, rpc, "malformed", "[]", SIZE_MAX, 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_rpc_call(&r, rpc, "oversize", "[70000]", SIZE_MAX, 0), WETEE_ERR_TOO_LONG);
    CHECK_ERR(wetee_rpc_call(&r, rpc, "drop", "[]", SIZE_MAX, 0), WETEE_ERR_NETWORK);
    CHECK_ERR(wetee_rpc_call(&r, rpc, "sleep", "[1000, 1]", SIZE_MAX, 100), WETEE_ERR_TIMEOUT);
    wetee_rpc_sub *sub = NULL;
    CHECK_ERR(wetee_rpc_subscribe(&sub, rpc, "subscribe_ticks", "[5, 0]", SIZE_MAX, NULL, 0, on_sub, NULL, 0),
              WETEE_ERR_UNSUPPORTED);
    /* concurrent requests */
    enum { N = 64 };
    inflight f = { 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
    one ones[N];
    for (int i = 0; i < N; i++) {
        char p[48];
        ones[i] = (one){ &f, i, WETEE_OK };
        snprintf(p, sizeof p, "[%d, %d]", (i * 7) % 20, i);
        CHECK_OK(wetee_rpc_call_async(NULL, rpc, "sleep", p, SIZE_MAX, 0, on_one, &ones[i]));
    }
    CHECK(wait_done(&f, N, 10) == N);
    CHECK(atomic_load(&f.bad) == 0);
    wetee_buf_free(&r);
    wetee_rpc_free(rpc);
}

/* HTTP with several endpoints: the genesis check skips an endpoint that
 * serves another chain; a request that reaches no server is retried on the
 * next endpoint and, after a round with none reachable, after a backoff,
 * within the limit; a transaction submission is never retried. */
typedef struct late_call {
    wetee_rpc *rpc;
    int rc;
    double took;
    char detail[512];
} late_call;

static void *late_call_run(void *arg)
{
    late_call *lc = arg;
    wetee_buf r = WETEE_BUF_INIT;
    double t0 = ts_now();
    lc->rc = wetee_rpc_call(&r, lc->rpc, "add", "[3, 4]", SIZE_MAX, 20000);
    lc->took = ts_now() - t0;
    snprintf(lc->detail, sizeof lc->detail, "%s", lc->rc ? wetee_last_error() : (const char *)r.data);
    wetee_buf_free(&r);
    return NULL;
}

WT_TEST(test_http_failover_retry)
{
    test_server a, b, c, d;
    const char *other[] = { "--genesis", "0x1111111111111111111111111111111111111111111111111111111111111111", NULL };
    CHECK(ts_start(&a, NULL) == 0);
    CHECK(ts_start(&b, NULL) == 0);
    CHECK(ts_start(&c, other) == 0);
    CHECK(ts_start(&d, NULL) == 0);
    char urls[300], dead[64], port[16];
    snprintf(dead, sizeof dead, "%s", d.http_url);
    snprintf(port, sizeof port, "%d", d.http_port);
    ts_stop(&d); /* nothing listens there now */
    evlog e = { PTHREAD_MUTEX_INITIALIZER, { 0 }, { { 0 } } };
    wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
    o.flags = WETEE_RPC_CHECK_GENESIS;
    o.on_event = on_event;
    o.event_ctx = &e;
    o.reconnect_initial_ms = 20;
    o.reconnect_max_ms = 100;
    wetee_rpc *rpc = NULL;
    wetee_buf r = WETEE_BUF_INIT;
    /* A, then C (another chain), then B */
    snprintf(urls, sizeof urls, "%s %s %s", a.http_url, c.http_url, b.http_url);
    CHECK_OK(wetee_rpc_new(&rpc, urls, &o));
    if (!rpc) goto out;
    CHECK_OK(call_str(rpc, "add", "[1, 2]", "3"));
    CHECK_OK(wetee_rpc_genesis_hash(&r, rpc));
    CHECK_STR((char *)r.data, "\"0x4545454545454545454545454545454545454545454545454545454545454545\"");
    CHECK_OK(wetee_rpc_current_url(&r, rpc));
    CHECK_STR((char *)r.data, a.http_url);
    /* A goes away: the request moves on, C is rejected, B answers */
    ts_stop(&a);
    CHECK_OK(call_str(rpc, "add", "[2, 2]", "4"));
    CHECK_OK(wetee_rpc_current_url(&r, rpc));
    CHECK_STR((char *)r.data, b.http_url);
    CHECK(ev_count(&e, WETEE_RPC_EVENT_ENDPOINT_REJECTED) == 1);
    CHECK(strstr(e.last[WETEE_RPC_EVENT_ENDPOINT_REJECTED], "0x1111") != NULL);
    /* the rejected endpoint stays skipped: further calls go to B */
    CHECK_OK(call_str(rpc, "add", "[3, 3]", "6"));
    wetee_rpc_free(rpc);
    rpc = NULL;

    /* a submission to an unreachable endpoint fails at once, without
     * failover; a read fails over to B */
    snprintf(urls, sizeof urls, "%s %s", dead, b.http_url);
    o.flags = 0;
    CHECK_OK(wetee_rpc_new(&rpc, urls, &o));
    if (!rpc) goto out;
    CHECK_ERR(wetee_rpc_call(&r, rpc, "author_submitExtrinsic", "[\"0x00\"]", SIZE_MAX, 0), WETEE_ERR_NETWORK);
    CHECK_DETAIL("not retried");
    CHECK_DETAIL(dead);
    CHECK_OK(call_str(rpc, "add", "[5, 5]", "10"));
    /* the current endpoint is B now: a submission goes there (B does not
     * know the method: the node's error comes back) */
    CHECK_ERR(wetee_rpc_call(&r, rpc, "author_submitExtrinsic", "[\"0x00\"]", SIZE_MAX, 0), WETEE_ERR_RPC);
    CHECK_DETAIL("-32601");
    wetee_rpc_free(rpc);
    rpc = NULL;

    /* nothing reachable: retried with backoff until the limit */
    o.reconnect_limit = 2;
    CHECK_OK(wetee_rpc_new(&rpc, dead, &o));
    if (!rpc) goto out;
    double t0 = ts_now();
    CHECK_ERR(wetee_rpc_call(&r, rpc, "add", "[1, 1]", SIZE_MAX, 0), WETEE_ERR_NETWORK);
    CHECK_DETAIL("3 rounds");
    CHECK(ts_now() - t0 >= 0.030); /* two waits: 20 ms and 40 ms, less 20 % jitter */
    CHECK_ERR(wetee_rpc_call(&r, rpc, "transaction_v1_broadcast", "[\"0x00\"]", SIZE_MAX, 0), WETEE_ERR_NETWORK);
    CHECK_DETAIL("not retried");
    wetee_rpc_free(rpc);
    rpc = NULL;

    /* the endpoint comes back while a request waits for its retry: it is answered */
    o.reconnect_limit = 100;
    CHECK_OK(wetee_rpc_new(&rpc, dead, &o));
    if (!rpc) goto out;
    late_call lc = { rpc, -1, 0, "" };
    pthread_t th;
    CHECK(pthread_create(&th, NULL, late_call_run, &lc) == 0);
    ts_sleep_ms(300);
    const char *args[] = { "--http-port", port, NULL };
    int up = ts_start(&d, args) == 0;
    CHECK(up);
    pthread_join(th, NULL);
    CHECK(lc.rc == WETEE_OK);
    CHECK_STR(lc.detail, "7");
    CHECK(lc.took >= 0.25);
    printf("http: answered after %.2f s of retries (server back after 0.3 s)\n", lc.took);
    if (up) ts_stop(&d);
out:
    wetee_rpc_free(rpc);
    wetee_buf_free(&r);
    ts_stop(&b);
    ts_stop(&c);
}

/* ---- application transport: an in-process loopback server ---- */
typedef struct loop_tr {
    wetee_rpc *rpc;
    pthread_mutex_t m;
    pthread_cond_t c;
    char *queue[256];
    int head, tail;
    int stop;
    int drop_next; /* lose the connection instead of answering */
    atomic_int connects, closes;
    pthread_t th;
} loop_tr;

static int loop_send(void *ctx, const char *json, size_t len)
{
    loop_tr *t = ctx;
    pthread_mutex_lock(&t->m);
    if ((t->tail + 1) % 256 == t->head) {
        pthread_mutex_unlock(&t->m);
        return -1;
    }
    char *copy = malloc(len + 1);
    memcpy(copy, json, len);
    copy[len] = 0;
    t->queue[t->tail] = copy;
    t->tail = (t->tail + 1) % 256;
    pthread_cond_signal(&t->c);
    pthread_mutex_unlock(&t->m);
    return 0;
}

static void loop_connect(void *ctx)
{
    loop_tr *t = ctx;
    atomic_fetch_add(&t->connects, 1);
}

static void loop_close(void *ctx)
{
    loop_tr *t = ctx;
    atomic_fetch_add(&t->closes, 1);
}

/* answers {"id":N,"method":"add","params":[a,b]} with a+b; "lose" drops */
static void *loop_server(void *arg)
{
    loop_tr *t = arg;
    pthread_mutex_lock(&t->m);
    for (;;) {
        while (t->head == t->tail && !t->stop) pthread_cond_wait(&t->c, &t->m);
        if (t->stop) break;
        char *msg = t->queue[t->head];
        t->head = (t->head + 1) % 256;
        pthread_mutex_unlock(&t->m);
        unsigned long long id = 0;
        long a = 0, b = 0;
        const char *pid = strstr(msg, "\"id\":");
        if (pid) id = strtoull(pid + 5, NULL, 10);
        char out[256];
        if (strstr(msg, "\"lose\"")) {
            wetee_rpc_transport_closed(t->rpc, "test: transport lost");
        } else if (strstr(msg, "\"junk\"")) {
            wetee_rpc_transport_receive(t->rpc, "}{", SIZE_MAX);
        } else {
            const char *pp = strstr(msg, "\"params\":[");
            if (pp) sscanf(pp + 10, "%ld , %ld", &a, &b);
            snprintf(out, sizeof out, "{\"jsonrpc\":\"2.0\",\"id\":%llu,\"result\":%ld}", id, a + b);
            wetee_rpc_transport_receive(t->rpc, out, SIZE_MAX);
        }
        free(msg);
        pthread_mutex_lock(&t->m);
    }
    pthread_mutex_unlock(&t->m);
    return NULL;
}

WT_TEST(test_custom_transport)
{
    loop_tr *t = calloc(1, sizeof *t);
    pthread_mutex_init(&t->m, NULL);
    pthread_cond_init(&t->c, NULL);
    wetee_rpc_transport tr = WETEE_RPC_TRANSPORT_INIT;
    tr.send = loop_send;
    tr.connect = loop_connect;
    tr.close = loop_close;
    tr.ctx = t;
    wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
    o.reconnect_initial_ms = 10;
    o.request_timeout_ms = 2000;
    wetee_rpc *rpc = NULL;
    CHECK_OK(wetee_rpc_new_custom(&rpc, &tr, &o));
    if (!rpc) return;
    t->rpc = rpc;
    pthread_create(&t->th, NULL, loop_server, t);
    /* not open yet: a call waits, then times out */
    wetee_buf r = WETEE_BUF_INIT;
    CHECK_ERR(wetee_rpc_call(&r, rpc, "add", "[1, 2]", SIZE_MAX, 100), WETEE_ERR_TIMEOUT);
    CHECK_DETAIL("not connected");
    CHECK_OK(wetee_rpc_transport_open(rpc));
    CHECK_OK(wetee_rpc_call(&r, rpc, "add", "[1, 2]", SIZE_MAX, 0));
    CHECK_STR((char *)r.data, "3");
    /* the transport loses the connection mid-request */
    CHECK_ERR(wetee_rpc_call(&r, rpc, "lose", "[]", SIZE_MAX, 0), WETEE_ERR_NETWORK);
    CHECK_DETAIL("transport lost");
    for (int i = 0; i < 200 && atomic_load(&t->connects) == 0; i++) ts_sleep_ms(5);
    CHECK(atomic_load(&t->connects) == 1); /* libwetee asked for a new connection */
    CHECK_OK(wetee_rpc_transport_open(rpc));
    CHECK_OK(wetee_rpc_call(&r, rpc, "add", "[5, 6]", SIZE_MAX, 0));
    CHECK_STR((char *)r.data, "11");
    /* an unusable message: the transport is told to close */
    CHECK_ERR(wetee_rpc_call(&r, rpc, "junk", "[]", SIZE_MAX, 0), WETEE_ERR_NETWORK);
    CHECK(atomic_load(&t->closes) == 1);
    CHECK_ERR(wetee_rpc_transport_open(NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_rpc_transport_receive(rpc, NULL, 3), WETEE_ERR_INVALID_ARGUMENT);
    tr.send = NULL;
    wetee_rpc *bad = NULL;
    CHECK_ERR(wetee_rpc_new_custom(&bad, &tr, NULL), WETEE_ERR_INVALID_ARGUMENT);
    wetee_rpc_free(rpc);
    pthread_mutex_lock(&t->m);
    t->stop = 1;
    pthread_cond_signal(&t->c);
    pthread_mutex_unlock(&t->m);
    pthread_join(t->th, NULL);
    while (t->head != t->tail) {
        free(t->queue[t->head]);
        t->head = (t->head + 1) % 256;
    }
    wetee_buf_free(&r);
    free(t);
}

/* ---- soak: thousands of requests and reconnects, memory flat ----
 * Quick by default (CI); WETEE_RPC_SOAK=long for the long run. Each cycle
 * sends a batch of pipelined requests, then has the server drop the
 * connection; a subscription lives through all of it. Resident memory is
 * recorded after the first tenth of the cycles and at the end. */
WT_TEST(test_soak)
{
    if (!need_server()) return;
    const char *mode = getenv("WETEE_RPC_SOAK");
    int longrun = mode && strcmp(mode, "long") == 0;
    int cycles = longrun ? 1000 : 50, batch = longrun ? 200 : 100;
    wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
    o.reconnect_initial_ms = 2;
    o.reconnect_max_ms = 10;
    o.reconnect_limit = 50;
    o.request_timeout_ms = 10000;
    wetee_rpc *rpc = NULL;
    CHECK_OK(wetee_rpc_new(&rpc, g_srv.ws_url, &o));
    if (!rpc) return;
    subrec *s = calloc(1, sizeof *s);
    pthread_mutex_init(&s->m, NULL);
    wetee_rpc_sub *sub = NULL;
    CHECK_OK(wetee_rpc_subscribe(&sub, rpc, "subscribe_ticks", "[20, 0]", SIZE_MAX, "unsubscribe_ticks", 0, on_sub, s, 0));
    one *ones = calloc((size_t)batch, sizeof *ones);
    long rss_early = 0, requests = 0, network_failures = 0;
    double t0 = ts_now();
    wetee_buf r = WETEE_BUF_INIT;
    for (int c = 0; c < cycles; c++) {
        inflight f = { 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
        for (int i = 0; i < batch; i++) {
            char p[48];
            ones[i] = (one){ &f, i, WETEE_OK };
            snprintf(p, sizeof p, "[0, %d]", i);
            if (wetee_rpc_call_async(NULL, rpc, "sleep", p, SIZE_MAX, 0, on_one, &ones[i]) != WETEE_OK) {
                CHECK(!"call_async failed");
                break;
            }
        }
        CHECK(wait_done(&f, batch, 20) == batch);
        CHECK(atomic_load(&f.bad) == 0);
        requests += batch;
        int rc = wetee_rpc_call(&r, rpc, "drop", "[]", SIZE_MAX, 0);
        CHECK(rc == WETEE_ERR_NETWORK);
        network_failures += rc == WETEE_ERR_NETWORK;
        if (c == cycles / 10) rss_early = ts_rss_kb();
    }
    /* back to normal: the subscription was re-established after every loss */
    CHECK_OK(call_str(rpc, "add", "[1, 1]", "2"));
    CHECK(wait_field(s, &s->resub, cycles, 10) == cycles);
    CHECK(sub_get(s, &s->lost) == cycles);
    CHECK(sub_get(s, &s->closed) == 0);
    long rss_end = ts_rss_kb();
    wetee_rpc_stats st = WETEE_RPC_STATS_INIT;
    CHECK_OK(wetee_rpc_get_stats(&st, rpc));
    CHECK(st.in_flight == 0);
    CHECK(st.connects == (uint64_t)cycles + 1);
    printf("soak (%s): %ld requests, %d reconnects, %ld lost-connection failures reported, %.1f s; resident memory "
           "%ld KiB after %d cycles, %ld KiB at the end (%+ld KiB)\n",
           longrun ? "long" : "quick", requests, cycles, network_failures, ts_now() - t0, rss_early, cycles / 10 + 1,
           rss_end, rss_end - rss_early);
#if !defined(__SANITIZE_ADDRESS__)
    /* flat: growth below 1 MiB (ASan's quarantine makes it meaningless there) */
    CHECK(rss_end - rss_early < 1024);
#endif
    CHECK_OK(wetee_rpc_unsubscribe(sub));
    wetee_buf_free(&r);
    wetee_rpc_free(rpc);
    free(ones);
    free(s);
}

/* ---- TLS: verified by default, a custom CA bundle accepted ----
 * A throw-away self-signed certificate for 127.0.0.1 (openssl CLI), served
 * over wss:// and https:// by the fault server. */
WT_TEST(test_tls)
{
    char dir[] = "/tmp/wetee-rpc-tls-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp failed");
        return;
    }
    char cmd[1024], cert[128], key[128];
    snprintf(cert, sizeof cert, "%s/cert.pem", dir);
    snprintf(key, sizeof key, "%s/key.pem", dir);
    snprintf(cmd, sizeof cmd,
             "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout %s -out %s -days 1 "
             "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1",
             key, cert);
    CHECK(system(cmd) == 0);
    const char *args[] = { "--certfile", cert, "--keyfile", key, NULL };
    test_server t;
    if (ts_start(&t, args) != 0) {
        CHECK(!"the TLS fault server did not start");
        return;
    }
    char wss[64], https[64];
    snprintf(wss, sizeof wss, "wss://127.0.0.1:%d", t.ws_port);
    snprintf(https, sizeof https, "https://127.0.0.1:%d", t.http_port);
    wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
    o.connect_timeout_ms = 3000;
    wetee_rpc *rpc = NULL;
    /* not trusted by the system: refused */
    int rc = wetee_rpc_new(&rpc, wss, &o);
    CHECK(rc == WETEE_ERR_VERIFY || rc == WETEE_ERR_NETWORK);
    CHECK(rpc == NULL);
    printf("wss without the CA: %s\n", wetee_last_error());
    wetee_buf r = WETEE_BUF_INIT;
    CHECK_OK(wetee_rpc_new(&rpc, https, &o));
    if (rpc) {
        CHECK_ERR(wetee_rpc_call(&r, rpc, "add", "[1, 2]", SIZE_MAX, 0), WETEE_ERR_VERIFY);
        wetee_rpc_free(rpc);
        rpc = NULL;
    }
    /* with the certificate as the CA bundle: accepted */
    o.ca_file = cert;
    CHECK_OK(wetee_rpc_new(&rpc, wss, &o));
    if (rpc) {
        CHECK_OK(call_str(rpc, "add", "[1, 2]", "3"));
        subrec *s = calloc(1, sizeof *s);
        pthread_mutex_init(&s->m, NULL);
        wetee_rpc_sub *sub = NULL;
        CHECK_OK(wetee_rpc_subscribe(&sub, rpc, "subscribe_ticks", "[5, 3]", SIZE_MAX, NULL, 0, on_sub, s, 0));
        CHECK(wait_field(s, &s->nticks, 3, 5) == 3);
        wetee_rpc_free(rpc);
        free(s);
        rpc = NULL;
    }
    CHECK_OK(wetee_rpc_new(&rpc, https, &o));
    if (rpc) {
        CHECK_OK(call_str(rpc, "add", "[2, 2]", "4"));
        wetee_rpc_free(rpc);
    }
    wetee_buf_free(&r);
    ts_stop(&t);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
}

static void teardown(void)
{
    if (g_up == 1) ts_stop(&g_srv);
}

WT_TEST(test_zz_stop_server) { teardown(); CHECK(1); }

WT_MAIN("rpc", WT_CASE(test_calls_and_errors), WT_CASE(test_many_in_flight_out_of_order), WT_CASE(test_timeouts),
        WT_CASE(test_drop_mid_request), WT_CASE(test_malformed_and_oversized), WT_CASE(test_subscription_resumes),
        WT_CASE(test_subscription_edge_cases), WT_CASE(test_unsubscribe_in_callback),
        WT_CASE(test_blocking_call_in_callback), WT_CASE(test_threads), WT_CASE(test_calls_across_drops), WT_CASE(test_large_lone_call), WT_CASE(test_failover_and_genesis),
        WT_CASE(test_unreachable_and_give_up), WT_CASE(test_http), WT_CASE(test_http_failover_retry), WT_CASE(test_custom_transport), WT_CASE(test_soak), WT_CASE(test_tls),
        WT_CASE(test_chain_blocks_faults), WT_CASE(test_chain_follow_faults), WT_CASE(test_zz_stop_server))
