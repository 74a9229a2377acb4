/*
 * chain.i - the chain client (wetee/chain.h): a wetee_chain handle made by
 * wetee_chain_connect() (which owns its rpc client), state reads, fees,
 * transactions signed with the chain's nonce, submit and watch.
 *
 * Flattened here: the options of connect (rpc spec, metadata file, cache
 * folder, timeout), the properties (three getters), optional block hashes
 * and JSON arguments (optional_text: None / "" for none), the counters (as
 * JSON text). Watch callbacks are not exposed; a watch is waited on and
 * gives its outcome as JSON. A block subscription is a queue
 * (wetee_chain_blockq) that its callback fills on the subscription's own
 * thread and the target language drains with a blocking
 * wetee_chain_blockq_next (the GIL released in Python; a blocked cgo call
 * in Go). Python: every call that talks to the node or waits releases the
 * GIL (%thread), so other threads and an asyncio loop (through
 * run_in_executor, see wetee.chain) keep running while it waits.
 *
 * A wetee_chain_blockq refers to its chain without owning it: package
 * wetee (Python) keeps the chain handle alive as long as the subscription;
 * Go closes the subscriptions in Chain.Close before the chain.
 */

WETEE_HANDLE(wetee_chain, wetee_chain_free)
WETEE_HANDLE(wetee_chain_watch, wetee_chain_watch_free)
void wetee_chain_free(wetee_chain *c);
void wetee_chain_watch_free(wetee_chain_watch *w);

%constant int CHAIN_RPC_AUTO = WETEE_CHAIN_RPC_AUTO;
%constant int CHAIN_RPC_LEGACY = WETEE_CHAIN_RPC_LEGACY;
%constant int CHAIN_RPC_NEW = WETEE_CHAIN_RPC_NEW;
%constant int TX_IN_BLOCK = WETEE_TX_IN_BLOCK;
%constant int TX_FINALIZED = WETEE_TX_FINALIZED;
%constant int BLOCK_NEW = WETEE_BLOCK_NEW;
%constant int BLOCK_FINALIZED = WETEE_BLOCK_FINALIZED;
%constant int BLOCK_RETRACTED = WETEE_BLOCK_RETRACTED;
%constant int BLOCK_GAP = WETEE_BLOCK_GAP;
%constant int BLOCK_STOPPED = WETEE_BLOCK_STOPPED;
%constant unsigned FOLLOW_EVENTS = WETEE_FOLLOW_EVENTS;

#ifdef SWIGPYTHON
%thread wetee_chainb_connect;
%thread wetee_chain_refresh;
%thread wetee_chain_account_nonce;
%thread wetee_chain_balance;
%thread wetee_chainb_storage_json;
%thread wetee_chainb_entries_json;
%thread wetee_chainb_runtime_call_json;
%thread wetee_chainb_events_json;
%thread wetee_chainb_request;
%thread wetee_chainb_sign_call;
%thread wetee_chain_fee_info_json;
%thread wetee_chain_fee_details_json;
%thread wetee_chainb_submit;
%thread wetee_chainb_submit_watch;
%thread wetee_chain_watch_wait;
%thread wetee_chainb_transfer;
%thread wetee_chainb_block_hash;
%thread wetee_chainb_header_json;
%thread wetee_chainb_storage_raw;
%thread wetee_chain_estimate_fee;
%thread wetee_chain_blockq_subscribe;
%thread wetee_chain_blockq_next;
%thread wetee_chain_blockq_free;
#endif

%apply const char *optional_text { const char *metadata_path, const char *cache_dir, const char *at,
                                   const char *keys_json, const char *args_json, const char *start_key,
                                   const char *params };
%apply uint64_t *out { uint64_t *nonce_out };
%apply int *flag_out { int *upgraded };
%apply (const uint8_t *data, size_t len) { (const uint8_t *ext, size_t len) };

%inline %{
/* connect with the options flattened; rpc_spec WETEE_CHAIN_RPC_* */
static wetee_rc wetee_chainb_connect(wetee_chain **out, const char *urls, int rpc_spec, const char *metadata_path,
                                     const char *cache_dir, unsigned timeout_ms) {
  wetee_chain_options o = WETEE_CHAIN_OPTIONS_INIT;
  o.rpc_spec = rpc_spec;
  o.metadata_path = metadata_path;
  o.cache_dir = cache_dir;
  o.timeout_ms = timeout_ms;
  return wetee_chain_connect(out, urls, &o);
}
static wetee_rc wetee_chainb_genesis_hash(uint8_t out[32], wetee_chain *c) { return wetee_chain_genesis_hash(out, c); }
static uint32_t wetee_chainb_spec_version(wetee_chain *c) {
  uint32_t s = 0;
  wetee_chain_runtime_version(&s, NULL, c);
  return s;
}
static uint32_t wetee_chainb_transaction_version(wetee_chain *c) {
  uint32_t t = 0;
  wetee_chain_runtime_version(NULL, &t, c);
  return t;
}
static unsigned wetee_chainb_ss58(wetee_chain *c) {
  uint16_t p = 42;
  wetee_chain_properties(&p, NULL, NULL, c);
  return p;
}
static unsigned wetee_chainb_decimals(wetee_chain *c) {
  unsigned d = 0;
  wetee_chain_properties(NULL, &d, NULL, c);
  return d;
}
static wetee_rc wetee_chainb_symbol(wetee_buf *text_out, wetee_chain *c) {
  return wetee_chain_properties(NULL, NULL, text_out, c);
}
static int wetee_chainb_uses_new_rpc(wetee_chain *c) { return wetee_chain_uses_new_rpc(c) == 1; }
static wetee_rc wetee_chainb_request(wetee_buf *text_out, wetee_chain *c, const char *method, const char *params) {
  return wetee_chain_request(text_out, c, method, params);
}
static wetee_rc wetee_chainb_storage_json(wetee_buf *text_out, wetee_chain *c, const char *pallet, const char *entry,
                                          const char *keys_json, const char *at) {
  return wetee_chain_storage_json(text_out, c, pallet, entry, keys_json, at);
}
static wetee_rc wetee_chainb_entries_json(wetee_buf *text_out, wetee_chain *c, const char *pallet, const char *entry,
                                          const char *keys_json, unsigned count, const char *start_key, const char *at) {
  return wetee_chain_storage_entries_json(text_out, c, pallet, entry, keys_json, count, start_key, at);
}
static wetee_rc wetee_chainb_constant_json(wetee_buf *text_out, wetee_chain *c, const char *pallet, const char *name) {
  return wetee_chain_constant_json(text_out, c, pallet, name);
}
static wetee_rc wetee_chainb_runtime_call_json(wetee_buf *text_out, wetee_chain *c, const char *api, const char *method,
                                               const char *args_json, const char *at) {
  return wetee_chain_runtime_call_json(text_out, c, api, method, args_json, at);
}
static wetee_rc wetee_chainb_events_json(wetee_buf *text_out, wetee_chain *c, const char *at) {
  return wetee_chain_events_json(text_out, c, at);
}
/* build pallet.call(args) for the current runtime and sign it with the chain's nonce */
static wetee_rc wetee_chainb_sign_call(wetee_buf *out, wetee_chain *c, const char *pallet, const char *call,
                                       const char *args_json, const wetee_keypair *kp, uint64_t mortal_period) {
  wetee_tx *tx = NULL;
  int rc = wetee_chain_tx_new(&tx, c);
  if (rc == WETEE_OK) rc = wetee_tx_set_call_json(tx, pallet, call, args_json, args_json ? strlen(args_json) : 0);
  if (rc == WETEE_OK) rc = wetee_chain_sign(out, c, tx, kp, mortal_period);
  wetee_tx_free(tx);
  return rc;
}
static wetee_rc wetee_chainb_submit(uint8_t out[32], wetee_chain *c, const uint8_t *ext, size_t len) {
  return wetee_chain_submit(out, c, ext, len);
}
static wetee_rc wetee_chainb_submit_watch(wetee_chain_watch **out, wetee_chain *c, const uint8_t *ext, size_t len) {
  return wetee_chain_submit_watch(out, c, ext, len, NULL, NULL);
}
static wetee_rc wetee_chainb_block_hash(uint8_t out[32], wetee_chain *c, int64_t number) {
  return wetee_chain_block_hash(out, c, number);
}
static wetee_rc wetee_chainb_header_json(wetee_buf *text_out, wetee_chain *c, const char *at) {
  return wetee_chain_header_json(text_out, c, at);
}
/* the raw value as JSON text: "0x.." or null when the key has none */
static wetee_rc wetee_chainb_storage_raw(wetee_buf *text_out, wetee_chain *c, const char *key, const char *at) {
  wetee_buf v = WETEE_BUF_INIT;
  int found = 0, rc = wetee_chain_storage_raw(&v, &found, c, key, at);
  wetee_buf_clear(text_out);
  if (rc == WETEE_OK && !found) rc = wetee_buf_append(text_out, (const uint8_t *)"null", 4);
  else if (rc == WETEE_OK) {
    wetee_buf h = WETEE_BUF_INIT;
    rc = wetee_hex_encode(&h, v.data, v.len, 0);
    if (rc == WETEE_OK) rc = wetee_buf_append(text_out, (const uint8_t *)"\"0x", 3);
    if (rc == WETEE_OK) rc = wetee_buf_append(text_out, h.data, h.len);
    if (rc == WETEE_OK) rc = wetee_buf_append(text_out, (const uint8_t *)"\"", 1);
    wetee_buf_free(&h);
  }
  wetee_buf_free(&v);
  if (rc == WETEE_OK && (rc = wetee_buf_append(text_out, (const uint8_t *)"", 1)) == WETEE_OK) text_out->len--;
  return rc;
}
/* the counters of wetee_chain_get_stats() as JSON text */
static wetee_rc wetee_chainb_stats_json(wetee_buf *text_out, wetee_chain *c) {
  wetee_chain_stats s = WETEE_CHAIN_STATS_INIT;
  char t[512];
  int rc = wetee_chain_get_stats(&s, c);
  if (rc != WETEE_OK) return rc;
  snprintf(t, sizeof t,
           "{\"head_storage\":%llu,\"head_calls\":%llu,\"legacy_storage\":%llu,\"legacy_calls\":%llu,"
           "\"head_fallbacks\":%llu,\"head_continues\":%llu,\"follow_renewals\":%llu,\"unpinned\":%llu,\"upgrades\":%llu}",
           (unsigned long long)s.head_storage, (unsigned long long)s.head_calls, (unsigned long long)s.legacy_storage,
           (unsigned long long)s.legacy_calls, (unsigned long long)s.head_fallbacks, (unsigned long long)s.head_continues,
           (unsigned long long)s.follow_renewals, (unsigned long long)s.unpinned, (unsigned long long)s.upgrades);
  wetee_buf_clear(text_out);
  rc = wetee_buf_append(text_out, (const uint8_t *)t, strlen(t) + 1);
  if (rc == WETEE_OK) text_out->len = strlen(t);
  return rc;
}
static wetee_rc wetee_chainb_transfer(wetee_buf *text_out, wetee_chain *c, const wetee_keypair *kp, const char *dest,
                                      wetee_u128 amount, int allow_death, int until, unsigned timeout_ms) {
  return wetee_chain_transfer(text_out, c, kp, dest, amount, allow_death, until, timeout_ms);
}
%}

/* ---- block subscriptions as queues ---- */
%{
#include <pthread.h>
#include <time.h>
typedef struct wt_bq_item {
  struct wt_bq_item *next;
  int kind;
  size_t len;
  char text[];
} wt_bq_item;
typedef struct wetee_chain_blockq {
  wetee_chain_blocks *b;
  pthread_mutex_t m;
  pthread_cond_t c;
  wt_bq_item *head, *tail;
  int stopped; /* WETEE_BLOCK_STOPPED taken */
} wetee_chain_blockq;

static void wt_bq_cb(void *ctx, int kind, const char *json) {
  wetee_chain_blockq *q = (wetee_chain_blockq *)ctx;
  size_t len = json ? strlen(json) : 0;
  wt_bq_item *it = (wt_bq_item *)malloc(sizeof *it + len + 1);
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
static void wetee_chain_blockq_free(wetee_chain_blockq *q) {
  if (!q) return;
  wetee_chain_blocks_free(q->b); /* no callback after this */
  while (q->head) {
    wt_bq_item *n = q->head->next;
    free(q->head);
    q->head = n;
  }
  pthread_mutex_destroy(&q->m);
  pthread_cond_destroy(&q->c);
  free(q);
}
%}
WETEE_HANDLE(wetee_chain_blockq, wetee_chain_blockq_free)
void wetee_chain_blockq_free(wetee_chain_blockq *q);
%rename(chain_blockq_subscribe) wetee_chain_blockq_subscribe;
%rename(chain_blockq_next) wetee_chain_blockq_next;
%inline %{
/* wetee_chain_blocks_subscribe whose reports go to a queue; flags WETEE_FOLLOW_EVENTS or 0 */
static wetee_rc wetee_chain_blockq_subscribe(wetee_chain_blockq **out, wetee_chain *c, unsigned flags) {
  wetee_chain_blockq *q = (wetee_chain_blockq *)calloc(1, sizeof *q);
  int rc;
  if (!q) return WETEE_ERR_NO_MEMORY;
  pthread_mutex_init(&q->m, NULL);
  pthread_cond_init(&q->c, NULL);
  rc = wetee_chain_blocks_subscribe(&q->b, c, flags, wt_bq_cb, q);
  if (rc) {
    q->b = NULL;
    wetee_chain_blockq_free(q);
    *out = NULL;
    return rc;
  }
  *out = q;
  return WETEE_OK;
}
/* The next report: (kind WETEE_BLOCK_*, JSON text); WETEE_ERR_TIMEOUT when
 * none came within timeout_ms (0: wait for ever); WETEE_ERR_STATE once
 * WETEE_BLOCK_STOPPED has been taken. */
static wetee_rc wetee_chain_blockq_next(unsigned *out, wetee_buf *text_out, wetee_chain_blockq *q, unsigned timeout_ms) {
  struct timespec end;
  wt_bq_item *it;
  int stopped, rc;
  if (!q || !text_out) return WETEE_ERR_INVALID_ARGUMENT;
  clock_gettime(CLOCK_REALTIME, &end);
  end.tv_sec += timeout_ms / 1000;
  end.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
  if (end.tv_nsec >= 1000000000L) { end.tv_sec++; end.tv_nsec -= 1000000000L; }
  pthread_mutex_lock(&q->m);
  while (!q->head && !q->stopped) {
    if (timeout_ms == 0) pthread_cond_wait(&q->c, &q->m);
    else if (pthread_cond_timedwait(&q->c, &q->m, &end) != 0) break;
  }
  it = q->stopped ? NULL : q->head;
  if (it) {
    q->head = it->next;
    if (!q->head) q->tail = NULL;
    if (it->kind == WETEE_BLOCK_STOPPED) q->stopped = 1;
  }
  stopped = q->stopped && !it;
  pthread_mutex_unlock(&q->m);
  wetee_buf_clear(text_out);
  wetee_buf_reserve(text_out, 1);
  if (!it) return stopped ? WETEE_ERR_STATE : WETEE_ERR_TIMEOUT;
  *out = (unsigned)it->kind;
  rc = wetee_buf_append(text_out, (const uint8_t *)it->text, it->len + 1);
  if (rc == WETEE_OK) text_out->len = it->len;
  free(it);
  return rc;
}
%}

wetee_rc wetee_chain_refresh(int *upgraded, wetee_chain *c);
wetee_rc wetee_chain_estimate_fee(wetee_u128 *out, wetee_chain *c, const uint8_t *ext, size_t len);
wetee_rc wetee_chain_account_nonce(uint64_t *nonce_out, wetee_chain *c, const char *address);
wetee_rc wetee_chain_balance(wetee_u128 *out, wetee_chain *c, const char *address);
wetee_rc wetee_chain_fee_info_json(wetee_buf *text_out, wetee_chain *c, const uint8_t *ext, size_t len);
wetee_rc wetee_chain_fee_details_json(wetee_buf *text_out, wetee_chain *c, const uint8_t *ext, size_t len);
%rename(chain_watch_wait) wetee_chain_watch_wait;
wetee_rc wetee_chain_watch_wait(wetee_buf *text_out, wetee_chain_watch *w, int until, unsigned timeout_ms);
const char *wetee_tx_status_name(int status);

%clear const char *metadata_path, const char *cache_dir, const char *at, const char *keys_json, const char *args_json,
       const char *start_key, const char *params;
%clear uint64_t *nonce_out;
%clear int *upgraded;
%clear (const uint8_t *ext, size_t len);
