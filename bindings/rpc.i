/*
 * rpc.i - the JSON-RPC client (wetee/rpc.h) for the bindings.
 *
 * Flattened here: the options (one function with the fields as
 * parameters), the statistics (as JSON text), and subscriptions, whose
 * callbacks run on libwetee's service thread: a binding subscription is a
 * queue (wetee_rpc_queue) that the callback fills and the target language
 * drains with a blocking wetee_rpc_queue_next (the GIL released in Python;
 * a blocked cgo call in Go). Calls, connecting, waiting on a queue and
 * closing release the GIL.
 *
 * A wetee_rpc_queue refers to its client without owning it: package wetee
 * (Python) keeps the Rpc object alive as long as the Subscription and
 * closes the subscriptions before the client; Go does the same in
 * Rpc.Close.
 */

WETEE_HANDLE(wetee_rpc, wetee_rpc_free)

%constant unsigned WETEE_RPC_CHECK_GENESIS = WETEE_RPC_CHECK_GENESIS;
%constant unsigned WETEE_RPC_LAZY_CONNECT = WETEE_RPC_LAZY_CONNECT;
%constant unsigned WETEE_RPC_NO_JITTER = WETEE_RPC_NO_JITTER;
%constant unsigned WETEE_RPC_SUB_NO_RESUBSCRIBE = WETEE_RPC_SUB_NO_RESUBSCRIBE;
%constant unsigned WETEE_RPC_TRANSPORT_WS = WETEE_RPC_TRANSPORT_WS;
%constant unsigned WETEE_RPC_TRANSPORT_HTTP = WETEE_RPC_TRANSPORT_HTTP;
%constant unsigned WETEE_RPC_TRANSPORT_CUSTOM = WETEE_RPC_TRANSPORT_CUSTOM;
%constant int WETEE_RPC_SUB_NOTIFICATION = WETEE_RPC_SUB_NOTIFICATION;
%constant int WETEE_RPC_SUB_LOST = WETEE_RPC_SUB_LOST;
%constant int WETEE_RPC_SUB_RESUBSCRIBED = WETEE_RPC_SUB_RESUBSCRIBED;
%constant int WETEE_RPC_SUB_CLOSED = WETEE_RPC_SUB_CLOSED;

unsigned wetee_rpc_transports(void);
void wetee_rpc_free(wetee_rpc *rpc);

#if defined(SWIGPYTHON)
%thread wetee_rpc_open_;
%thread wetee_rpc_call;
%thread wetee_rpc_free;
%thread wetee_rpc_queue_subscribe;
%thread wetee_rpc_queue_next;
%thread wetee_rpc_queue_renew;
%thread wetee_rpc_queue_free;
#endif

%rename(rpc_open) wetee_rpc_open_;
%apply const char *optional_text { const char *ca_file, const char *unsubscribe_method };
%inline %{
/* wetee_rpc_new with the options as parameters (0: the default) */
static wetee_rc wetee_rpc_open_(wetee_rpc **out, const char *urls, unsigned flags, unsigned connect_timeout_ms,
                                unsigned request_timeout_ms, const char *ca_file, uint64_t max_message_bytes,
                                unsigned reconnect_initial_ms, unsigned reconnect_max_ms, int reconnect_limit) {
  wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
  o.flags = flags;
  o.connect_timeout_ms = connect_timeout_ms;
  o.request_timeout_ms = request_timeout_ms;
  o.ca_file = ca_file;
  o.max_message_bytes = (size_t)max_message_bytes;
  o.reconnect_initial_ms = reconnect_initial_ms;
  o.reconnect_max_ms = reconnect_max_ms;
  o.reconnect_limit = reconnect_limit;
  return wetee_rpc_new(out, urls, &o);
}
%}

/* the result as JSON text; params as JSON text ("" for none) */
wetee_rc wetee_rpc_call(wetee_buf *text_out, wetee_rpc *rpc, const char *method, const char *json, size_t json_len,
                        unsigned timeout_ms);
wetee_rc wetee_rpc_reconnect(wetee_rpc *rpc);
wetee_rc wetee_rpc_current_url(wetee_buf *text_out, wetee_rpc *rpc);
wetee_rc wetee_rpc_genesis_hash(wetee_buf *text_out, wetee_rpc *rpc);

%rename(rpc_stats_json) wetee_rpc_stats_json_;
%inline %{
/* the counters of wetee_rpc_stats as a JSON object */
static wetee_rc wetee_rpc_stats_json_(wetee_buf *text_out, wetee_rpc *rpc) {
  wetee_rpc_stats s = WETEE_RPC_STATS_INIT;
  int rc = wetee_rpc_get_stats(&s, rpc);
  if (rc) return rc;
  char t[512];
  int n = snprintf(t, sizeof t,
                   "{\"connected\":%s,\"gave_up\":%s,\"endpoint\":%zu,\"in_flight\":%zu,\"subscriptions\":%zu,"
                   "\"requests\":%llu,\"responses\":%llu,\"notifications\":%llu,\"timeouts\":%llu,\"failed\":%llu,"
                   "\"connects\":%llu,\"disconnects\":%llu,\"protocol_errors\":%llu}",
                   s.connected ? "true" : "false", s.gave_up ? "true" : "false", s.endpoint, s.in_flight,
                   s.subscriptions, (unsigned long long)s.requests, (unsigned long long)s.responses,
                   (unsigned long long)s.notifications, (unsigned long long)s.timeouts, (unsigned long long)s.failed,
                   (unsigned long long)s.connects, (unsigned long long)s.disconnects,
                   (unsigned long long)s.protocol_errors);
  wetee_buf_clear(text_out);
  if (wetee_buf_append(text_out, (const uint8_t *)t, (size_t)n) || wetee_buf_reserve(text_out, 1)) return WETEE_ERR_NO_MEMORY;
  text_out->data[text_out->len] = 0;
  return WETEE_OK;
}
%}

/* ---- subscriptions as queues ---- */
%{
#include <pthread.h>
#include <time.h>
typedef struct wt_q_item {
  struct wt_q_item *next;
  int kind;
  size_t len;
  char text[];
} wt_q_item;
typedef struct wetee_rpc_queue {
  wetee_rpc_sub *sub;
  pthread_mutex_t m;
  pthread_cond_t c;
  wt_q_item *head, *tail;
  int closed; /* WETEE_RPC_SUB_CLOSED seen */
} wetee_rpc_queue;

static void wt_q_cb(void *ctx, int kind, const char *json, size_t len) {
  wetee_rpc_queue *q = (wetee_rpc_queue *)ctx;
  wt_q_item *it = (wt_q_item *)malloc(sizeof *it + len + 1);
  if (!it) return;
  it->next = NULL;
  it->kind = kind;
  it->len = len;
  if (len) memcpy(it->text, json, len);
  it->text[len] = 0;
  pthread_mutex_lock(&q->m);
  if (q->tail) q->tail->next = it; else q->head = it;
  q->tail = it;
  pthread_cond_broadcast(&q->c);
  pthread_mutex_unlock(&q->m);
}
static void wetee_rpc_queue_free(wetee_rpc_queue *q) {
  if (!q) return;
  wetee_rpc_unsubscribe(q->sub);
  while (q->head) {
    wt_q_item *n = q->head->next;
    free(q->head);
    q->head = n;
  }
  pthread_mutex_destroy(&q->m);
  pthread_cond_destroy(&q->c);
  free(q);
}
%}
WETEE_HANDLE(wetee_rpc_queue, wetee_rpc_queue_free)
void wetee_rpc_queue_free(wetee_rpc_queue *q);
%rename(rpc_queue_subscribe) wetee_rpc_queue_subscribe;
%rename(rpc_queue_next) wetee_rpc_queue_next;
%rename(rpc_queue_renew) wetee_rpc_queue_renew;
%rename(rpc_queue_id) wetee_rpc_queue_id;
%inline %{
/* wetee_rpc_subscribe whose events go to a queue */
static wetee_rc wetee_rpc_queue_subscribe(wetee_rpc_queue **out, wetee_rpc *rpc, const char *method, const char *json,
                                          size_t json_len, const char *unsubscribe_method, unsigned flags,
                                          unsigned timeout_ms) {
  wetee_rpc_queue *q = (wetee_rpc_queue *)calloc(1, sizeof *q);
  if (!q) return WETEE_ERR_NO_MEMORY;
  pthread_mutex_init(&q->m, NULL);
  pthread_cond_init(&q->c, NULL);
  int rc = wetee_rpc_subscribe(&q->sub, rpc, method, json, json_len, unsubscribe_method, flags, wt_q_cb, q, timeout_ms);
  if (rc) {
    q->sub = NULL;
    wetee_rpc_queue_free(q);
    *out = NULL;
    return rc;
  }
  *out = q;
  return WETEE_OK;
}
/* The next event: (kind, JSON text); WETEE_ERR_TIMEOUT when none came
 * within timeout_ms (0: wait for ever); WETEE_ERR_STATE when the
 * subscription was closed and every event has been taken. */
static wetee_rc wetee_rpc_queue_next(unsigned *out, wetee_buf *text_out, wetee_rpc_queue *q, unsigned timeout_ms) {
  if (!q || !text_out) return WETEE_ERR_INVALID_ARGUMENT;
  struct timespec end;
  clock_gettime(CLOCK_REALTIME, &end);
  end.tv_sec += timeout_ms / 1000;
  end.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
  if (end.tv_nsec >= 1000000000L) { end.tv_sec++; end.tv_nsec -= 1000000000L; }
  pthread_mutex_lock(&q->m);
  while (!q->head && !q->closed) {
    if (timeout_ms == 0) pthread_cond_wait(&q->c, &q->m);
    else if (pthread_cond_timedwait(&q->c, &q->m, &end) != 0) break;
  }
  wt_q_item *it = q->head;
  if (it) {
    q->head = it->next;
    if (!q->head) q->tail = NULL;
    if (it->kind == WETEE_RPC_SUB_CLOSED) q->closed = 1;
  }
  int closed = q->closed;
  pthread_mutex_unlock(&q->m);
  wetee_buf_clear(text_out);
  if (!it) {
    if (closed) {
      wetee_buf_reserve(text_out, 1);
      return WETEE_ERR_STATE;
    }
    wetee_buf_reserve(text_out, 1);
    return WETEE_ERR_TIMEOUT;
  }
  *out = (unsigned)it->kind;
  int rc = wetee_buf_append(text_out, (const uint8_t *)it->text, it->len + 1);
  if (rc == WETEE_OK) text_out->len = it->len;
  free(it);
  return rc;
}
static wetee_rc wetee_rpc_queue_renew(wetee_rpc_queue *q, unsigned timeout_ms) {
  if (!q) return WETEE_ERR_INVALID_ARGUMENT;
  pthread_mutex_lock(&q->m);
  q->closed = 0;
  pthread_mutex_unlock(&q->m);
  return wetee_rpc_sub_renew(q->sub, timeout_ms);
}
static wetee_rc wetee_rpc_queue_id(wetee_buf *text_out, wetee_rpc_queue *q) {
  if (!q) return WETEE_ERR_INVALID_ARGUMENT;
  return wetee_rpc_sub_id(text_out, q->sub);
}
%}
%clear const char *ca_file, const char *unsubscribe_method;
