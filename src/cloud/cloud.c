/* The cloud API on a connected chain: typed operations of the pallet
 * generation over the chain client (storage reads, signed calls watched
 * to inclusion, events). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "cloud/cloud_impl.h"
#include "wetee/value.h"


#define MORTAL_PERIOD 64

struct wetee_cloud {
    wetee_chain *chain;
    wetee_cloud_tx_fn on_tx;
    void *on_tx_ctx;
};

static const char *const wtype_names[3] = {"APP", "TASK", "GPU"};

static const wetee_metadata *md_of(wetee_cloud *cl) { return wetee_chain_metadata(cl->chain); }

static const char *pallet_of(wetee_cloud *cl, int role) { return wetee_cloud_pallet(md_of(cl), role); }

#define KIND_ARG(kind) WT_ARG((kind) >= WETEE_CLOUD_APP && (kind) <= WETEE_CLOUD_GPU, CM, "kind is not app, task or gpu")

WETEE_API int wetee_cloud_open(wetee_cloud **out, wetee_chain *c)
{
    wetee_cloud *cl;
    WT_ARG(out != NULL, CM, "out is NULL");
    *out = NULL;
    WT_ARG(c != NULL, CM, "chain is NULL");
    if (wetee_cloud_pallet(wetee_chain_metadata(c), WETEE_CLOUD_APP) == NULL)
        return wt_error(WETEE_ERR_NOT_FOUND,
                        "cloud: the chain has no WeTEEApp or App pallet: not a WeTEE runtime of the pallet generation");
    if ((cl = wt_calloc(1, sizeof *cl)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    cl->chain = c;
    *out = cl;
    return WETEE_OK;
}

WETEE_API void wetee_cloud_free(wetee_cloud *cl) { wt_free(cl); }

WETEE_API wetee_chain *wetee_cloud_chain(wetee_cloud *cl) { return cl ? cl->chain : NULL; }

WETEE_API int wetee_cloud_on_transaction(wetee_cloud *cl, wetee_cloud_tx_fn fn, void *ctx)
{
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    cl->on_tx = fn;
    cl->on_tx_ctx = ctx;
    return WETEE_OK;
}

static int parse_json(json_t **out, const wetee_buf *b, const char *what)
{
    json_error_t err;
    *out = json_loadb((const char *)b->data, b->len, JSON_DECODE_ANY, &err);
    if (*out == NULL) return wt_error(WETEE_ERR_DECODE, "cloud: %s: not JSON: %s", what, err.text);
    return WETEE_OK;
}

/* Sign `call` bytes, submit and watch to inclusion; a failed dispatch is
 * WETEE_ERR_STATE naming the module error. */
static int submit_call(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, const char *pallet,
                       const char *call, const wetee_buf *bytes, unsigned timeout_ms)
{
    wetee_tx *tx = NULL;
    wetee_buf ext = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
    json_t *o = NULL;
    int rc;
    if ((rc = wetee_chain_tx_new(&tx, cl->chain)) != WETEE_OK) return rc;
    if ((rc = wetee_tx_set_call(tx, bytes->data, bytes->len)) != WETEE_OK) goto done;
    if ((rc = wetee_chain_sign(&ext, cl->chain, tx, kp, MORTAL_PERIOD)) != WETEE_OK) goto done;
    if (cl->on_tx) cl->on_tx(cl->on_tx_ctx, pallet, call, ext.data, ext.len);
    if ((rc = wetee_chain_submit_and_watch(&res, cl->chain, ext.data, ext.len, WETEE_TX_IN_BLOCK, timeout_ms)) !=
        WETEE_OK)
        goto done;
    if ((rc = parse_json(&o, &res, "transaction outcome")) != WETEE_OK) goto done;
    if (!json_is_true(json_object_get(o, "success"))) {
        json_t *e = json_object_get(o, "error");
        const char *ep = json_string_value(json_object_get(e, "pallet"));
        const char *en = json_string_value(json_object_get(e, "error"));
        if (ep && en)
            rc = wt_error(WETEE_ERR_STATE, "cloud: %s.%s failed: %s.%s", pallet, call, ep, en);
        else
            rc = wt_error(WETEE_ERR_STATE, "cloud: %s.%s failed: %s", pallet, call,
                          en ? en : (json_string_value(json_object_get(e, "kind")) ? json_string_value(json_object_get(e, "kind")) : "dispatch error"));
    }
done:
    if (result != NULL) {
        int rc2;
        wetee_buf_clear(result);
        rc2 = res.len ? wetee_buf_append(result, res.data, res.len) : WETEE_OK;
        if (rc2 == WETEE_OK) rc2 = wt_buf_terminate(result);
        if (rc == WETEE_OK) rc = rc2;
    }
    json_decref(o);
    wetee_buf_free(&res);
    wetee_buf_free(&ext);
    wetee_tx_free(tx);
    return rc;
}

static int submit_json(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, const char *pallet,
                       const char *call, json_t *args, unsigned timeout_ms)
{
    wetee_buf bytes = WETEE_BUF_INIT;
    int rc = wt_cloud_encode_call(&bytes, md_of(cl), pallet, call, args);
    if (rc == WETEE_OK) rc = submit_call(result, cl, kp, pallet, call, &bytes, timeout_ms);
    wetee_buf_free(&bytes);
    return rc;
}

WETEE_API int wetee_cloud_submit(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, int role,
                                 const char *call, const char *args_json, unsigned timeout_ms)
{
    const char *pallet;
    wetee_buf bytes = WETEE_BUF_INIT;
    int rc;
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    WT_ARG(kp != NULL, CM, "keypair is NULL");
    WT_ARG(call != NULL, CM, "call is NULL");
    WT_ARG(role >= WETEE_CLOUD_APP && role <= WETEE_CLOUD_WORKER, CM, "unknown role");
    if ((pallet = pallet_of(cl, role)) == NULL) return WETEE_ERR_NOT_FOUND;
    rc = wetee_call_encode_json(&bytes, md_of(cl), pallet, call, args_json, args_json ? strlen(args_json) : 0);
    if (rc == WETEE_OK) rc = submit_call(result, cl, kp, pallet, call, &bytes, timeout_ms);
    wetee_buf_free(&bytes);
    return rc;
}

/* The `id` of the first event named one of `names` of `pallet` in an outcome. */
static int event_id(uint64_t *id, const wetee_buf *res, const char *pallet, const char *const *names)
{
    json_t *o, *evs, *e;
    size_t i;
    int rc;
    if ((rc = parse_json(&o, res, "transaction outcome")) != WETEE_OK) return rc;
    evs = json_object_get(o, "events");
    json_array_foreach(evs, i, e) {
        const char *p = json_string_value(json_object_get(e, "pallet"));
        const char *n = json_string_value(json_object_get(e, "event"));
        size_t k;
        if (p == NULL || n == NULL || strcmp(p, pallet) != 0) continue;
        for (k = 0; names[k] != NULL; k++) {
            json_t *v = json_object_get(json_object_get(e, "fields"), "id");
            if (strcmp(n, names[k]) == 0 && json_is_integer(v) && json_integer_value(v) >= 0) {
                *id = (uint64_t)json_integer_value(v);
                json_decref(o);
                return WETEE_OK;
            }
        }
    }
    json_decref(o);
    return wt_error(WETEE_ERR_DECODE, "cloud: the transaction succeeded but emitted no %s.%s event with an id", pallet,
                    names[0]);
}

WETEE_API int wetee_cloud_deploy(uint64_t *id, wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp,
                                 const wetee_cloud_deployment *d, unsigned timeout_ms)
{
    static const char *const created[] = {"CreatedApp", "CreatedTask", "CreatedGpu", "CreatedGPU", NULL};
    const char *pallet;
    json_t *args;
    wetee_buf res = WETEE_BUF_INIT;
    int rc;
    WT_ARG(id != NULL, CM, "id is NULL");
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    WT_ARG(kp != NULL, CM, "keypair is NULL");
    WT_ARG(d != NULL, CM, "deployment is NULL");
    if ((pallet = pallet_of(cl, d->kind)) == NULL) return WETEE_ERR_NOT_FOUND;
    if ((rc = wt_cloud_build_args(&args, md_of(cl), pallet, "create", d, 0, 0, NULL, 0, 0)) != WETEE_OK) return rc;
    rc = submit_json(&res, cl, kp, pallet, "create", args, timeout_ms);
    json_decref(args);
    if (rc == WETEE_OK) rc = event_id(id, &res, pallet, created);
    if (result != NULL) {
        wetee_buf_clear(result);
        if (res.len && wetee_buf_append(result, res.data, res.len) == WETEE_OK) wt_buf_terminate(result);
    }
    wetee_buf_free(&res);
    return rc;
}

/* A storage value as a jansson tree (null when absent). */
static int storage(json_t **out, wetee_cloud *cl, const char *pallet, const char *const *entries, const char *keys)
{
    wetee_buf b = WETEE_BUF_INIT;
    const wetee_md_pallet *p = wetee_metadata_pallet_by_name(md_of(cl), pallet);
    size_t i;
    int rc = WETEE_ERR_NOT_FOUND;
    *out = NULL;
    for (i = 0; entries[i] != NULL; i++) {
        if (p == NULL || wetee_md_pallet_storage_by_name(md_of(cl), p, entries[i]) == NULL) continue;
        rc = wetee_chain_storage_json(&b, cl->chain, pallet, entries[i], keys, NULL);
        if (rc == WETEE_OK) rc = parse_json(out, &b, entries[i]);
        wetee_buf_free(&b);
        return rc;
    }
    return wt_error(rc, "cloud: the runtime's %s pallet has no %s storage", pallet, entries[0]);
}

static int storage_entries(json_t **out, wetee_cloud *cl, const char *pallet, const char *const *entries,
                           const char *prefix)
{
    const wetee_md_pallet *p = wetee_metadata_pallet_by_name(md_of(cl), pallet);
    json_t *all = json_array();
    char *start = NULL;
    size_t i;
    int rc = WETEE_OK;
    *out = NULL;
    for (i = 0; entries[i] != NULL; i++)
        if (p != NULL && wetee_md_pallet_storage_by_name(md_of(cl), p, entries[i]) != NULL) break;
    if (entries[i] == NULL) {
        json_decref(all);
        return wt_error(WETEE_ERR_NOT_FOUND, "cloud: the runtime's %s pallet has no %s storage", pallet, entries[0]);
    }
    for (;;) { /* pages of 200 */
        wetee_buf b = WETEE_BUF_INIT;
        json_t *page, *e;
        size_t k;
        rc = wetee_chain_storage_entries_json(&b, cl->chain, pallet, entries[i], prefix, 200, start, NULL);
        if (rc == WETEE_OK) rc = parse_json(&page, &b, entries[i]);
        wetee_buf_free(&b);
        if (rc != WETEE_OK) break;
        json_array_foreach(page, k, e) json_array_append(all, e);
        wt_free(start);
        start = NULL;
        if (json_array_size(page) == 200) {
            const char *last = json_string_value(json_object_get(json_array_get(page, 199), "key"));
            if (last != NULL && (start = wt_malloc(strlen(last) + 1)) != NULL) strcpy(start, last);
        }
        json_decref(page);
        if (start == NULL) break;
    }
    wt_free(start);
    if (rc != WETEE_OK) {
        json_decref(all);
        return rc;
    }
    *out = all;
    return WETEE_OK;
}

static const char *const *records_of(int kind)
{
    static const char *const app[] = {"TEEApps", NULL}, *const task[] = {"TEETasks", NULL},
                             *const gpu[] = {"GPUApps", NULL};
    return kind == WETEE_CLOUD_APP ? app : kind == WETEE_CLOUD_TASK ? task : gpu;
}
static const char *const *owners_of(int kind)
{
    static const char *const app[] = {"AppIdAccounts", NULL}, *const task[] = {"TaskIdAccounts", NULL};
    return kind == WETEE_CLOUD_TASK ? task : app;
}

/* {"kind","id","owner","status","statusName","cluster","work"} of one record. */
static json_t *status_object(int kind, uint64_t id, const char *owner, json_t *rec, json_t *cluster)
{
    json_t *st = json_object_get(rec, "status");
    int s = json_is_integer(st) ? (int)json_integer_value(st) : -1;
    json_t *o = json_pack("{s:s,s:I,s:s,s:i,s:s}", "kind", wetee_cloud_kind_name(kind), "id", (json_int_t)id, "owner",
                          owner, "status", s, "statusName", wetee_cloud_status_name(s));
    if (o == NULL) return NULL;
    if (cluster != NULL) json_object_set(o, "cluster", cluster);
    json_object_set(o, "work", rec);
    return o;
}

static int status_tree(json_t **out, wetee_cloud *cl, int kind, uint64_t id)
{
    const char *pallet = pallet_of(cl, kind), *worker = pallet_of(cl, WETEE_CLOUD_WORKER);
    static const char *const contracts[] = {"WorkContracts", NULL};
    json_t *owner = NULL, *rec = NULL, *cluster = NULL;
    char keys[160];
    int rc;
    *out = NULL;
    if (pallet == NULL) return WETEE_ERR_NOT_FOUND;
    snprintf(keys, sizeof keys, "[%llu]", (unsigned long long)id);
    if ((rc = storage(&owner, cl, pallet, owners_of(kind), keys)) != WETEE_OK) return rc;
    if (!json_is_string(owner)) {
        json_decref(owner);
        return wt_error(WETEE_ERR_NOT_FOUND, "cloud: no %s with id %llu", wetee_cloud_kind_name(kind),
                        (unsigned long long)id);
    }
    snprintf(keys, sizeof keys, "[\"%s\",%llu]", json_string_value(owner), (unsigned long long)id);
    if ((rc = storage(&rec, cl, pallet, records_of(kind), keys)) != WETEE_OK) goto done;
    if (!json_is_object(rec)) {
        rc = wt_error(WETEE_ERR_NOT_FOUND, "cloud: no %s with id %llu", wetee_cloud_kind_name(kind), (unsigned long long)id);
        goto done;
    }
    if (worker != NULL) {
        snprintf(keys, sizeof keys, "[{\"wtype\":\"%s\",\"id\":%llu}]", wtype_names[kind], (unsigned long long)id);
        if ((rc = storage(&cluster, cl, worker, contracts, keys)) != WETEE_OK) goto done;
    }
    if ((*out = status_object(kind, id, json_string_value(owner), rec, cluster ? cluster : json_null())) == NULL)
        rc = wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
done:
    json_decref(owner);
    json_decref(rec);
    json_decref(cluster);
    return rc;
}

WETEE_API int wetee_cloud_status_json(wetee_buf *out, wetee_cloud *cl, int kind, uint64_t id)
{
    json_t *o;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    KIND_ARG(kind);
    if ((rc = status_tree(&o, cl, kind, id)) != WETEE_OK) return rc;
    rc = wt_cloud_set_json(out, o);
    json_decref(o);
    return rc;
}

WETEE_API int wetee_cloud_list_json(wetee_buf *out, wetee_cloud *cl, int kind, const char *owner)
{
    const char *pallet;
    json_t *ents, *list, *e, *key;
    char *prefix;
    size_t i;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    WT_ARG(owner != NULL, CM, "owner is NULL");
    KIND_ARG(kind);
    if ((pallet = pallet_of(cl, kind)) == NULL) return WETEE_ERR_NOT_FOUND;
    key = json_pack("[s]", owner);
    prefix = key ? json_dumps(key, JSON_COMPACT) : NULL;
    json_decref(key);
    if (prefix == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    rc = storage_entries(&ents, cl, pallet, records_of(kind), prefix);
    wt_json_text_free(prefix);
    if (rc != WETEE_OK) return rc;
    list = json_array();
    json_array_foreach(ents, i, e) {
        json_t *keys = json_object_get(e, "keys"), *idv = json_array_get(keys, 1);
        json_t *ownv = json_array_get(keys, 0);
        json_t *o;
        if (!json_is_integer(idv)) continue;
        o = status_object(kind, (uint64_t)json_integer_value(idv), json_is_string(ownv) ? json_string_value(ownv) : owner,
                          json_object_get(e, "value"), NULL);
        if (o) json_array_append_new(list, o);
    }
    json_decref(ents);
    rc = wt_cloud_set_json(out, list);
    json_decref(list);
    return rc;
}

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void sleep_ms(unsigned ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

WETEE_API int wetee_cloud_wait(int *status, wetee_cloud *cl, int kind, uint64_t id, int target, unsigned timeout_ms,
                               wetee_cloud_progress_fn cb, void *ctx)
{
    uint64_t deadline;
    uint8_t last_head[32] = {0}, head[32];
    int last = -2, rc, first = 1;
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    KIND_ARG(kind);
    WT_ARG(timeout_ms > 0, CM, "timeout_ms is 0");
    WT_ARG(target >= 0 && target <= WETEE_CLOUD_STATUS_RESTARTING, CM, "unknown target status");
    deadline = now_ms() + timeout_ms;
    for (;;) {
        if ((rc = wetee_chain_block_hash(head, cl->chain, -1)) != WETEE_OK) return rc;
        if (first || memcmp(head, last_head, 32) != 0) { /* read once per new best block */
            json_t *o;
            int s;
            first = 0;
            memcpy(last_head, head, 32);
            if ((rc = status_tree(&o, cl, kind, id)) != WETEE_OK) return rc;
            s = (int)json_integer_value(json_object_get(o, "status"));
            if (status) *status = s;
            if (s != last && cb != NULL) {
                char *t = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
                cb(ctx, s, t ? t : "{}");
                wt_json_text_free(t);
            }
            last = s;
            json_decref(o);
            if (s == target) return WETEE_OK;
            if (s == WETEE_CLOUD_STATUS_STOPPED)
                return wt_error(WETEE_ERR_STATE, "cloud: %s %llu stopped before reaching %s", wetee_cloud_kind_name(kind),
                                (unsigned long long)id, wetee_cloud_status_name(target));
        }
        if (now_ms() >= deadline)
            return wt_error(WETEE_ERR_TIMEOUT, "cloud: %s %llu is %s after %u ms, not %s", wetee_cloud_kind_name(kind),
                            (unsigned long long)id, wetee_cloud_status_name(last), timeout_ms,
                            wetee_cloud_status_name(target));
        sleep_ms(100);
    }
}

WETEE_API int wetee_cloud_restart(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, int kind, uint64_t id,
                                  unsigned timeout_ms)
{
    const char *pallet;
    json_t *args;
    int rc;
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    WT_ARG(kp != NULL, CM, "keypair is NULL");
    KIND_ARG(kind);
    if ((pallet = pallet_of(cl, kind)) == NULL) return WETEE_ERR_NOT_FOUND;
    args = json_pack("[I]", (json_int_t)id);
    rc = submit_json(result, cl, kp, pallet, kind == WETEE_CLOUD_TASK ? "rerun" : "restart", args, timeout_ms);
    json_decref(args);
    return rc;
}

WETEE_API int wetee_cloud_update(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, uint64_t id,
                                 const wetee_cloud_deployment *d, int with_restart, unsigned timeout_ms)
{
    static const char *const envs[] = {"Envs", NULL};
    const char *pallet;
    json_t *args = NULL, *old = NULL, *e;
    uint16_t *removes = NULL;
    size_t n = 0, i;
    char prefix[32];
    int rc;
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    WT_ARG(kp != NULL, CM, "keypair is NULL");
    WT_ARG(d != NULL, CM, "deployment is NULL");
    if ((pallet = pallet_of(cl, d->kind)) == NULL) return WETEE_ERR_NOT_FOUND;
    snprintf(prefix, sizeof prefix, "[%llu]", (unsigned long long)id);
    if ((rc = storage_entries(&old, cl, pallet, envs, prefix)) != WETEE_OK) return rc;
    if (json_array_size(old) > 0 && (removes = wt_calloc(json_array_size(old), sizeof *removes)) == NULL) {
        json_decref(old);
        return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    }
    json_array_foreach(old, i, e) {
        json_t *k = json_array_get(json_object_get(e, "keys"), 1);
        if (json_is_integer(k) && json_integer_value(k) >= 0 && json_integer_value(k) <= UINT16_MAX)
            removes[n++] = (uint16_t)json_integer_value(k);
    }
    json_decref(old);
    rc = wt_cloud_build_args(&args, md_of(cl), pallet, "update", d, 1, id, removes, n, with_restart != 0);
    wt_free(removes);
    if (rc != WETEE_OK) return rc;
    rc = submit_json(result, cl, kp, pallet, "update", args, timeout_ms);
    json_decref(args);
    return rc;
}

WETEE_API int wetee_cloud_stop(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, int kind, uint64_t id,
                               unsigned timeout_ms)
{
    const char *worker;
    json_t *args;
    int rc;
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    WT_ARG(kp != NULL, CM, "keypair is NULL");
    KIND_ARG(kind);
    if ((worker = pallet_of(cl, WETEE_CLOUD_WORKER)) == NULL) return WETEE_ERR_NOT_FOUND;
    args = json_pack("{s:{s:s,s:I}}", "work_id", "wtype", wtype_names[kind], "id", (json_int_t)id);
    rc = submit_json(result, cl, kp, worker, "work_stop", args, timeout_ms);
    json_decref(args);
    return rc;
}

/* Level prices: [{"level": n, "price": {...}}]. */
static int prices_tree(json_t **out, wetee_cloud *cl, int kind)
{
    static const char *const prices[] = {"Prices", NULL}, *const deposits[] = {"DepositPrices", NULL};
    const char *pallet = pallet_of(cl, kind);
    json_t *ents, *e;
    size_t i;
    int rc;
    *out = NULL;
    if (pallet == NULL) return WETEE_ERR_NOT_FOUND;
    if ((rc = storage_entries(&ents, cl, pallet, kind == WETEE_CLOUD_WORKER ? deposits : prices, NULL)) != WETEE_OK)
        return rc;
    *out = json_array();
    json_array_foreach(ents, i, e)
        json_array_append_new(*out, json_pack("{s:O,s:O}", "level", json_array_get(json_object_get(e, "keys"), 0),
                                              "price", json_object_get(e, "value")));
    json_decref(ents);
    return WETEE_OK;
}

WETEE_API int wetee_cloud_prices_json(wetee_buf *out, wetee_cloud *cl, int kind)
{
    json_t *o;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    WT_ARG(kind >= WETEE_CLOUD_APP && kind <= WETEE_CLOUD_WORKER, CM, "unknown kind");
    if ((rc = prices_tree(&o, cl, kind)) != WETEE_OK) return rc;
    rc = wt_cloud_set_json(out, o);
    json_decref(o);
    return rc;
}

WETEE_API int wetee_cloud_estimate(wetee_u128 *out, wetee_buf *price_json, wetee_cloud *cl,
                                   const wetee_cloud_deployment *d)
{
    static const char *const prices[] = {"Prices", NULL};
    const char *pallet;
    json_t *price;
    char keys[16], *text;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    WT_ARG(d != NULL, CM, "deployment is NULL");
    if ((pallet = pallet_of(cl, d->kind)) == NULL) return WETEE_ERR_NOT_FOUND;
    snprintf(keys, sizeof keys, "[%u]", d->level);
    if ((rc = storage(&price, cl, pallet, prices, keys)) != WETEE_OK) return rc;
    if (!json_is_object(price)) {
        json_decref(price);
        return wt_error(WETEE_ERR_NOT_FOUND, "cloud: %s has no price for level %u: the chain would refuse the deployment",
                        pallet, d->level);
    }
    text = json_dumps(price, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(price);
    if (text == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    rc = wetee_cloud_estimate_at(out, d, text);
    if (rc == WETEE_OK && price_json != NULL) {
        wetee_buf_clear(price_json);
        rc = wetee_buf_append(price_json, (const uint8_t *)text, strlen(text));
        if (rc == WETEE_OK) rc = wt_buf_terminate(price_json);
    }
    wt_json_text_free(text);
    return rc;
}

WETEE_API int wetee_cloud_assets_json(wetee_buf *out, wetee_cloud *cl)
{
    wetee_buf sym = WETEE_BUF_INIT;
    unsigned dec = 0;
    json_t *o;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    if ((rc = wetee_chain_properties(NULL, &dec, &sym, cl->chain)) != WETEE_OK) return rc;
    o = json_pack("[{s:i,s:s,s:i,s:b}]", "id", 0, "symbol", sym.data ? (const char *)sym.data : "", "decimals", (int)dec,
                  "native", 1);
    wetee_buf_free(&sym);
    if (o == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    rc = wt_cloud_set_json(out, o);
    json_decref(o);
    return rc;
}

WETEE_API int wetee_cloud_clusters_json(wetee_buf *out, wetee_cloud *cl)
{
    static const char *const clusters[] = {"K8sClusters", NULL}, *const crs[] = {"Crs", NULL},
                             *const scores[] = {"Scores", NULL};
    const char *worker;
    json_t *ents, *e, *list;
    size_t i;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    if ((worker = pallet_of(cl, WETEE_CLOUD_WORKER)) == NULL) return WETEE_ERR_NOT_FOUND;
    if ((rc = storage_entries(&ents, cl, worker, clusters, NULL)) != WETEE_OK) return rc;
    list = json_array();
    json_array_foreach(ents, i, e) {
        json_t *idv = json_array_get(json_object_get(e, "keys"), 0), *val = json_object_get(e, "value");
        json_t *cr = NULL, *score = NULL, *o;
        char keys[32];
        if (!json_is_integer(idv)) continue;
        snprintf(keys, sizeof keys, "[%lld]", (long long)json_integer_value(idv));
        if ((rc = storage(&cr, cl, worker, crs, keys)) != WETEE_OK ||
            (rc = storage(&score, cl, worker, scores, keys)) != WETEE_OK) {
            json_decref(cr);
            break;
        }
        o = json_pack("{s:O,s:O,s:O,s:O,s:O}", "id", idv, "owner",
                      json_object_get(val, "account") ? json_object_get(val, "account") : json_null(), "cluster", val,
                      "resources", cr, "score", score);
        json_decref(cr);
        json_decref(score);
        if (o) json_array_append_new(list, o);
    }
    json_decref(ents);
    if (rc == WETEE_OK) rc = wt_cloud_set_json(out, list);
    json_decref(list);
    return rc;
}

/* ---- worker side ---- */

WETEE_API int wetee_cloud_cluster_register(uint64_t *cluster_id, wetee_buf *result, wetee_cloud *cl,
                                           const wetee_keypair *kp, const char *name, uint32_t ipv4, uint32_t port,
                                           uint8_t level, unsigned timeout_ms)
{
    static const char *const accounts[] = {"K8sClusterAccounts", NULL};
    const char *worker;
    json_t *args, *ents = NULL, *e, *key;
    wetee_buf addr = WETEE_BUF_INIT;
    char *hex = NULL, *prefix;
    size_t i, n;
    int rc, found = 0;
    WT_ARG(cluster_id != NULL, CM, "cluster_id is NULL");
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    WT_ARG(kp != NULL, CM, "keypair is NULL");
    WT_ARG(name != NULL, CM, "name is NULL");
    WT_ARG(port > 0, CM, "port is 0");
    if ((worker = pallet_of(cl, WETEE_CLOUD_WORKER)) == NULL) return WETEE_ERR_NOT_FOUND;
    n = strlen(name);
    {
        wetee_buf h = WETEE_BUF_INIT;
        if ((rc = wetee_hex_encode(&h, (const uint8_t *)name, n, WETEE_HEX_PREFIX)) != WETEE_OK) return rc;
        args = json_pack("{s:s%,s:[{s:I,s:n,s:n}],s:I,s:i}", "name", (const char *)h.data, h.len, "ip", "ipv4",
                         (json_int_t)ipv4, "ipv6", "domain", "port", (json_int_t)port, "level", (int)level);
        wetee_buf_free(&h);
    }
    rc = submit_json(result, cl, kp, worker, "cluster_register", args, timeout_ms);
    json_decref(args);
    if (rc != WETEE_OK) return rc;
    /* the id: the largest cluster id recorded for the signer */
    if ((rc = wetee_keypair_address(&addr, kp, 42)) != WETEE_OK) return rc;
    hex = (char *)addr.data;
    key = json_pack("[s]", hex);
    prefix = key ? json_dumps(key, JSON_COMPACT) : NULL;
    json_decref(key);
    if (prefix == NULL) {
        wetee_buf_free(&addr);
        return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    }
    rc = storage_entries(&ents, cl, worker, accounts, prefix);
    wt_json_text_free(prefix);
    wetee_buf_free(&addr);
    if (rc != WETEE_OK) return rc;
    json_array_foreach(ents, i, e) {
        json_t *v = json_object_get(e, "value");
        if (json_is_integer(v) && (!found || (uint64_t)json_integer_value(v) > *cluster_id)) {
            *cluster_id = (uint64_t)json_integer_value(v);
            found = 1;
        }
    }
    json_decref(ents);
    if (!found) return wt_error(WETEE_ERR_NOT_FOUND, "cloud: the cluster was registered but K8sClusterAccounts has no entry for the signer");
    return WETEE_OK;
}

WETEE_API int wetee_cloud_cluster_mortgage(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp,
                                           uint64_t cluster_id, const char *resources_json, wetee_u128 deposit,
                                           unsigned timeout_ms)
{
    const char *worker;
    const wetee_md_pallet *p;
    const wetee_md_variant *call;
    json_t *res, *args;
    json_error_t err;
    char dep[48];
    size_t i;
    int rc = WETEE_OK;
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    WT_ARG(kp != NULL, CM, "keypair is NULL");
    WT_ARG(resources_json != NULL, CM, "resources_json is NULL");
    if ((worker = pallet_of(cl, WETEE_CLOUD_WORKER)) == NULL) return WETEE_ERR_NOT_FOUND;
    p = wetee_metadata_pallet_by_name(md_of(cl), worker);
    if ((call = wetee_md_pallet_variant_by_name(md_of(cl), p, WETEE_MD_CALLS, "cluster_mortgage")) == NULL)
        return wt_error(WETEE_ERR_NOT_FOUND, "cloud: the runtime has no %s.cluster_mortgage", worker);
    if ((res = json_loads(resources_json, 0, &err)) == NULL || !json_is_object(res)) {
        json_decref(res);
        return wt_error(WETEE_ERR_DECODE, "cloud: resources: expected a JSON object of resource: amount");
    }
    if (wetee_u128_to_decimal(dep, sizeof dep, deposit, 0) != WETEE_OK) {
        json_decref(res);
        return wt_error(WETEE_ERR_INTERNAL, "cloud: deposit formatting");
    }
    args = json_object();
    for (i = 0; i < wetee_md_variant_field_count(call); i++) {
        const char *fn = wetee_md_field_name(wetee_md_variant_field(call, i));
        json_t *v;
        if (fn == NULL) continue;
        if (strcmp(fn, "id") == 0 || strcmp(fn, "cluster_id") == 0) v = json_integer((json_int_t)cluster_id);
        else if (strcmp(fn, "deposit") == 0) v = json_string(dep);
        else if ((v = json_object_get(res, fn)) != NULL) json_incref(v);
        else v = json_integer(0);
        json_object_set_new(args, fn, v);
    }
    {
        const char *k;
        json_t *v;
        json_object_foreach(res, k, v) {
            if (json_object_get(args, k) == NULL) {
                rc = wt_error(WETEE_ERR_DECODE, "cloud: resources: \"%.60s\" is not an argument of %s.cluster_mortgage", k,
                              worker);
                break;
            }
        }
    }
    json_decref(res);
    if (rc == WETEE_OK) rc = submit_json(result, cl, kp, worker, "cluster_mortgage", args, timeout_ms);
    json_decref(args);
    return rc;
}

/* A zero value of a registry type (0, false, empty bytes or sequences,
 * None, the first variant of an enum, composites of zero fields): the
 * empty proof of work. */
static json_t *zero_value(const wetee_metadata *md, uint32_t type, unsigned depth)
{
    const wetee_md_type *t = wetee_metadata_type(md, type);
    json_t *o;
    size_t i;
    if (t == NULL || depth > 16) return NULL;
    switch (wetee_md_type_kind(t)) {
    case WETEE_TYPE_PRIMITIVE:
        if (wetee_md_type_primitive(t) == WETEE_PRIM_BOOL) return json_false();
        if (wetee_md_type_primitive(t) == WETEE_PRIM_STR) return json_string("");
        return json_integer(0);
    case WETEE_TYPE_COMPACT:
        return json_integer(0);
    case WETEE_TYPE_SEQUENCE:
        return json_array();
    case WETEE_TYPE_VARIANT: {
        const wetee_md_variant *v;
        if (wetee_md_type_variant_by_name(t, "None") != NULL) return json_null();
        if ((v = wetee_md_type_variant(t, 0)) == NULL || wetee_md_variant_field_count(v) != 0) return NULL;
        return json_string(wetee_md_variant_name(v));
    }
    case WETEE_TYPE_COMPOSITE:
        o = json_object();
        for (i = 0; i < wetee_md_type_field_count(t); i++) {
            const wetee_md_field *f = wetee_md_type_field(t, i);
            json_t *z = zero_value(md, wetee_md_field_type(f), depth + 1);
            if (z == NULL || wetee_md_field_name(f) == NULL) {
                json_decref(z);
                json_decref(o);
                return NULL;
            }
            json_object_set_new(o, wetee_md_field_name(f), z);
        }
        return o;
    default:
        return NULL;
    }
}

/* The zero proof of work: the Some of the `proof` argument's Option. */
static json_t *empty_proof(const wetee_metadata *md, uint32_t option_type)
{
    const wetee_md_type *t = wetee_metadata_type(md, option_type);
    const wetee_md_variant *some = t ? wetee_md_type_variant_by_name(t, "Some") : NULL;
    if (some == NULL || wetee_md_variant_field_count(some) != 1) return zero_value(md, option_type, 0);
    return zero_value(md, wetee_md_field_type(wetee_md_variant_field(some, 0)), 0);
}

WETEE_API int wetee_cloud_work_proof_upload(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, int kind,
                                            uint64_t id, const char *proof_json, const uint8_t *report,
                                            size_t report_len, unsigned timeout_ms)
{
    static const char *const contracts[] = {"WorkContracts", NULL};
    const char *worker;
    const wetee_md_pallet *p;
    const wetee_md_variant *call;
    json_t *args, *proof = NULL, *cluster = NULL;
    wetee_buf hex = WETEE_BUF_INIT;
    char keys[96];
    size_t i;
    int rc;
    WT_ARG_DATA(report, report_len, CM);
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    WT_ARG(kp != NULL, CM, "keypair is NULL");
    KIND_ARG(kind);
    if ((worker = pallet_of(cl, WETEE_CLOUD_WORKER)) == NULL) return WETEE_ERR_NOT_FOUND;
    p = wetee_metadata_pallet_by_name(md_of(cl), worker);
    if ((call = wetee_md_pallet_variant_by_name(md_of(cl), p, WETEE_MD_CALLS, "work_proof_upload")) == NULL)
        return wt_error(WETEE_ERR_NOT_FOUND, "cloud: the runtime has no %s.work_proof_upload", worker);
    if (proof_json != NULL) {
        json_error_t err;
        if ((proof = json_loads(proof_json, JSON_DECODE_ANY, &err)) == NULL)
            return wt_error(WETEE_ERR_DECODE, "cloud: proof: not JSON: %s", err.text);
    }
    if (report != NULL && (rc = wetee_hex_encode(&hex, report, report_len, WETEE_HEX_PREFIX)) != WETEE_OK) {
        json_decref(proof);
        return rc;
    }
    snprintf(keys, sizeof keys, "[{\"wtype\":\"%s\",\"id\":%llu}]", wtype_names[kind], (unsigned long long)id);
    args = json_object();
    rc = WETEE_OK;
    for (i = 0; i < wetee_md_variant_field_count(call) && rc == WETEE_OK; i++) {
        const char *fn = wetee_md_field_name(wetee_md_variant_field(call, i));
        json_t *v = NULL;
        if (fn == NULL) continue;
        if (strcmp(fn, "cluster_id") == 0) { /* the cluster the work is assigned to */
            if ((rc = storage(&cluster, cl, worker, contracts, keys)) != WETEE_OK) break;
            if (!json_is_integer(cluster)) {
                rc = wt_error(WETEE_ERR_STATE, "cloud: %s %llu is not assigned to a cluster", wetee_cloud_kind_name(kind),
                              (unsigned long long)id);
                break;
            }
            v = json_incref(cluster);
        } else if (strcmp(fn, "work_id") == 0) {
            v = json_pack("{s:s,s:I}", "wtype", wtype_names[kind], "id", (json_int_t)id);
        } else if (strcmp(fn, "proof") == 0) {
            v = proof ? json_incref(proof) : empty_proof(md_of(cl), wetee_md_field_type(wetee_md_variant_field(call, i)));
            if (v == NULL) {
                rc = wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s.work_proof_upload: cannot make an empty proof of the runtime's type",
                              worker);
                break;
            }
        } else if (strcmp(fn, "report") == 0) {
            v = report ? json_stringn((const char *)hex.data, hex.len) : json_null();
        } else {
            rc = wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s.work_proof_upload takes an argument \"%s\" this SDK does not know",
                          worker, fn);
            break;
        }
        json_object_set_new(args, fn, v);
    }
    json_decref(proof);
    json_decref(cluster);
    wetee_buf_free(&hex);
    if (rc == WETEE_OK) rc = submit_json(result, cl, kp, worker, "work_proof_upload", args, timeout_ms);
    json_decref(args);
    return rc;
}

WETEE_API int wetee_cloud_work_report(wetee_buf *out, wetee_cloud *cl, int kind, uint64_t id)
{
    static const char *const reports[] = {"ReportOfWork", NULL};
    const char *worker;
    json_t *v;
    char keys[96];
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    KIND_ARG(kind);
    if ((worker = pallet_of(cl, WETEE_CLOUD_WORKER)) == NULL) return WETEE_ERR_NOT_FOUND;
    snprintf(keys, sizeof keys, "[{\"wtype\":\"%s\",\"id\":%llu}]", wtype_names[kind], (unsigned long long)id);
    if ((rc = storage(&v, cl, worker, reports, keys)) != WETEE_OK) return rc;
    if (!json_is_string(v)) {
        json_decref(v);
        return wt_error(WETEE_ERR_NOT_FOUND, "cloud: no report for %s %llu", wetee_cloud_kind_name(kind),
                        (unsigned long long)id);
    }
    wetee_buf_clear(out);
    rc = wetee_hex_decode(out, json_string_value(v), json_string_length(v));
    json_decref(v);
    return rc;
}

WETEE_API int wetee_cloud_verify_deployment(wetee_seal_recipient **out, wetee_cloud *cl, int kind, uint64_t id,
                                            wetee_attest_collateral *coll, const wetee_attest_anchors *anchors,
                                            const wetee_attest_policy *policy, int key_source, uint64_t time)
{
    wetee_buf report = WETEE_BUF_INIT;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    *out = NULL;
    WT_ARG(cl != NULL, CM, "cloud is NULL");
    KIND_ARG(kind);
    if ((rc = wetee_cloud_work_report(&report, cl, kind, id)) != WETEE_OK) return rc;
    if (report.len == 0) {
        wetee_buf_free(&report);
        return wt_error(WETEE_ERR_NOT_FOUND, "cloud: the report of %s %llu on chain is empty", wetee_cloud_kind_name(kind),
                        (unsigned long long)id);
    }
    rc = wetee_seal_verify(out, report.data, report.len, coll, anchors, policy, key_source, time);
    wetee_buf_free(&report);
    return rc;
}
