#define _DEFAULT_SOURCE
/* A scripted JSON-RPC node over an application transport (wt_mock_node.h). */
#include "wt_mock_node.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wt_test.h"

/* json_dumps() as a malloc() copy: jansson's blocks belong to its current
 * free function (libwetee's wiping hooks once installed), so the mock keeps
 * only its own copies and frees them with free(). */
static char *dumps_dup(const json_t *v, size_t flags)
{
    json_malloc_t jm;
    json_free_t jf;
    char *t = json_dumps(v, flags), *c;
    if (t == NULL) return NULL;
    c = strdup(t);
    json_get_alloc_funcs(&jm, &jf);
    jf(t);
    return c;
}

typedef struct wt_mock_entry {
    char *key;
    char *result; /* JSON text, or NULL when `error` is set */
    char *error;
    char *last_params;
    int calls;
} wt_mock_entry;

typedef struct wt_mock_after_t {
    char *key, *method, *sub, *result;
    int nth;
} wt_mock_after_t;

struct wt_mock {
    wetee_rpc *rpc;
    pthread_mutex_t mu;
    wt_mock_entry e[64];
    int n;
    wt_mock_after_t after[64];
    int n_after;
};

/* `text` with "@N" replaced by `num` (malloc'd) */
static char *subst_n(const char *text, int num)
{
    const char *at = strstr(text, "@N");
    size_t n = strlen(text) + 16;
    char *out = malloc(n);
    if (at) snprintf(out, n, "%.*s%d%s", (int)(at - text), text, num, at + 2);
    else snprintf(out, n, "%s", text);
    return out;
}

static wt_mock_entry *entry(wt_mock *m, const char *key, int create)
{
    for (int i = 0; i < m->n; i++)
        if (!strcmp(m->e[i].key, key)) return &m->e[i];
    if (!create || m->n == 64) return NULL;
    memset(&m->e[m->n], 0, sizeof m->e[0]);
    m->e[m->n].key = strdup(key);
    return &m->e[m->n++];
}

static int mock_send(void *ctx, const char *json, size_t len)
{
    wt_mock *m = ctx;
    json_t *req = json_loadb(json, len, 0, NULL), *id, *params;
    const char *method;
    char key[256], *resp = NULL, *idtext, *ptext;
    if (!req) return -1;
    id = json_object_get(req, "id");
    method = json_string_value(json_object_get(req, "method"));
    params = json_object_get(req, "params");
    if (!method) {
        json_decref(req);
        return -1;
    }
    /* "method:<first param>" when scripted (e.g. chain_getHeader of one block), else "method";
     * state_call is always keyed by its function */
    snprintf(key, sizeof key, "%s", method);
    if (!strcmp(method, "chainHead_v1_call") && json_is_string(json_array_get(params, 2))) {
        snprintf(key, sizeof key, "%s:%s", method, json_string_value(json_array_get(params, 2)));
    } else if (json_is_string(json_array_get(params, 0))) {
        char k2[256];
        snprintf(k2, sizeof k2, "%s:%s", method, json_string_value(json_array_get(params, 0)));
        pthread_mutex_lock(&m->mu);
        if (!strcmp(method, "state_call") || entry(m, k2, 0)) snprintf(key, sizeof key, "%s", k2);
        pthread_mutex_unlock(&m->mu);
    }
    idtext = dumps_dup(id, JSON_ENCODE_ANY);
    ptext = params ? dumps_dup(params, JSON_COMPACT | JSON_ENCODE_ANY) : strdup("[]");
    pthread_mutex_lock(&m->mu);
    {
        wt_mock_entry *e = entry(m, key, 1);
        size_t n;
        if (e) {
            e->calls++;
            free(e->last_params);
            e->last_params = strdup(ptext ? ptext : "[]");
        }
        if (e && e->result) {
            /* "@N" in a result becomes the number of this call (distinct operation ids) */
            char num[16], *at = strstr(e->result, "@N");
            n = strlen(e->result) + strlen(idtext) + 64;
            resp = malloc(n);
            snprintf(num, sizeof num, "%d", e->calls);
            if (at)
                snprintf(resp, n, "{\"jsonrpc\":\"2.0\",\"id\":%s,\"result\":%.*s%s%s}", idtext, (int)(at - e->result), e->result,
                         num, at + 2);
            else snprintf(resp, n, "{\"jsonrpc\":\"2.0\",\"id\":%s,\"result\":%s}", idtext, e->result);
        } else {
            const char *err = e && e->error ? e->error : "{\"code\":-32601,\"message\":\"Method not found\"}";
            n = strlen(err) + strlen(idtext) + 64;
            resp = malloc(n);
            snprintf(resp, n, "{\"jsonrpc\":\"2.0\",\"id\":%s,\"error\":%s}", idtext, err);
        }
    }
    /* the notifications that follow this answer */
    char *notes[16];
    int n_notes = 0;
    {
        wt_mock_entry *e = entry(m, key, 0);
        int callno = e ? e->calls : 0;
        for (int i = 0; i < m->n_after && n_notes < 16; i++) {
            wt_mock_after_t *a = &m->after[i];
            if (strcmp(a->key, key) != 0 || (a->nth && a->nth != callno)) continue;
            char *r = subst_n(a->result, callno);
            size_t nn = strlen(a->method) + strlen(a->sub) + strlen(r) + 100;
            notes[n_notes] = malloc(nn);
            snprintf(notes[n_notes], nn, "{\"jsonrpc\":\"2.0\",\"method\":\"%s\",\"params\":{\"subscription\":\"%s\",\"result\":%s}}",
                     a->method, a->sub, r);
            free(r);
            n_notes++;
        }
    }
    pthread_mutex_unlock(&m->mu);
    int answer = id && !json_is_null(id);
    free(idtext);
    free(ptext);
    json_decref(req);
    if (answer) wetee_rpc_transport_receive(m->rpc, resp, strlen(resp));
    free(resp);
    for (int i = 0; i < n_notes; i++) {
        wetee_rpc_transport_receive(m->rpc, notes[i], strlen(notes[i]));
        free(notes[i]);
    }
    return 0;
}

/* the client wants a connection again: the node is back at once */
static void mock_connect(void *ctx)
{
    wt_mock *m = ctx;
    wetee_rpc_transport_open(m->rpc);
}

wt_mock *wt_mock_new(void) { return wt_mock_new_opts(0); }

wt_mock *wt_mock_new_opts(int reconnect)
{
    wt_mock *m = calloc(1, sizeof *m);
    wetee_rpc_transport t = WETEE_RPC_TRANSPORT_INIT;
    wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
    if (!m) return NULL;
    pthread_mutex_init(&m->mu, NULL);
    t.send = mock_send;
    t.ctx = m;
    o.request_timeout_ms = 5000;
    o.reconnect_limit = -1;
    if (reconnect) {
        t.connect = mock_connect;
        o.reconnect_limit = 3;
        o.reconnect_initial_ms = 10;
        o.flags = WETEE_RPC_NO_JITTER;
    }
    if (wetee_rpc_new_custom(&m->rpc, &t, &o) != WETEE_OK || wetee_rpc_transport_open(m->rpc) != WETEE_OK) {
        wt_mock_free(m);
        return NULL;
    }
    return m;
}

void wt_mock_free(wt_mock *m)
{
    if (!m) return;
    wetee_rpc_free(m->rpc);
    for (int i = 0; i < m->n; i++) {
        free(m->e[i].key);
        free(m->e[i].result);
        free(m->e[i].error);
        free(m->e[i].last_params);
    }
    wt_mock_after_clear(m, NULL);
    pthread_mutex_destroy(&m->mu);
    free(m);
}

void wt_mock_after(wt_mock *m, const char *key, int nth, const char *method, const char *sub, const char *result_json)
{
    pthread_mutex_lock(&m->mu);
    if (m->n_after < 64) {
        wt_mock_after_t *a = &m->after[m->n_after++];
        a->key = strdup(key);
        a->method = strdup(method);
        a->sub = strdup(sub);
        a->result = strdup(result_json);
        a->nth = nth;
    }
    pthread_mutex_unlock(&m->mu);
}

/* key NULL: all */
void wt_mock_after_clear(wt_mock *m, const char *key)
{
    int j = 0;
    pthread_mutex_lock(&m->mu);
    for (int i = 0; i < m->n_after; i++) {
        wt_mock_after_t *a = &m->after[i];
        if (!key || !strcmp(a->key, key)) {
            free(a->key);
            free(a->method);
            free(a->sub);
            free(a->result);
        } else m->after[j++] = *a;
    }
    m->n_after = j;
    pthread_mutex_unlock(&m->mu);
}

wetee_rpc *wt_mock_rpc(wt_mock *m) { return m->rpc; }

void wt_mock_set(wt_mock *m, const char *method, const char *result_json)
{
    pthread_mutex_lock(&m->mu);
    wt_mock_entry *e = entry(m, method, 1);
    if (e) {
        free(e->result);
        free(e->error);
        e->error = NULL;
        e->result = strdup(result_json);
    }
    pthread_mutex_unlock(&m->mu);
}

void wt_mock_set_error(wt_mock *m, const char *method, int code, const char *message)
{
    json_t *o = json_pack("{s:i,s:s}", "code", code, "message", message);
    pthread_mutex_lock(&m->mu);
    wt_mock_entry *e = entry(m, method, 1);
    if (e) {
        free(e->result);
        free(e->error);
        e->result = NULL;
        e->error = dumps_dup(o, JSON_COMPACT);
    }
    pthread_mutex_unlock(&m->mu);
    json_decref(o);
}

int wt_mock_calls(wt_mock *m, const char *method)
{
    pthread_mutex_lock(&m->mu);
    wt_mock_entry *e = entry(m, method, 0);
    int n = e ? e->calls : 0;
    pthread_mutex_unlock(&m->mu);
    return n;
}

const char *wt_mock_last_params(wt_mock *m, const char *method)
{
    pthread_mutex_lock(&m->mu);
    wt_mock_entry *e = entry(m, method, 0);
    const char *p = e ? e->last_params : NULL;
    pthread_mutex_unlock(&m->mu);
    return p;
}

void wt_mock_notify(wt_mock *m, const char *method, const char *sub, const char *result_json)
{
    size_t n = strlen(method) + strlen(sub) + strlen(result_json) + 100;
    char *msg = malloc(n);
    snprintf(msg, n, "{\"jsonrpc\":\"2.0\",\"method\":\"%s\",\"params\":{\"subscription\":\"%s\",\"result\":%s}}", method, sub,
             result_json);
    wetee_rpc_transport_receive(m->rpc, msg, strlen(msg));
    free(msg);
}

void wt_mock_drop(wt_mock *m, const char *reason) { wetee_rpc_transport_closed(m->rpc, reason); }

wt_mock *wt_mock_polkadot(void) { return wt_mock_polkadot_opts(0); }

wt_mock *wt_mock_polkadot_opts(int reconnect)
{
    size_t len = 0;
    uint8_t *hex = wt_read_vector("metadata-hash/polkadot_metadata_v15.hex", &len);
    wt_mock *m;
    char *res;
    if (!hex) return NULL;
    while (len && (hex[len - 1] == '\n' || hex[len - 1] == ' ' || hex[len - 1] == '\r')) len--;
    m = wt_mock_new_opts(reconnect);
    if (!m) {
        free(hex);
        return NULL;
    }
    res = malloc(len + 3);
    res[0] = '"';
    memcpy(res + 1, hex, len);
    res[len + 1] = '"';
    res[len + 2] = 0;
    free(hex);
    wt_mock_set(m, "chain_getBlockHash", "\"0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3\"");
    wt_mock_set(m, "state_getRuntimeVersion",
                "{\"specName\":\"polkadot\",\"specVersion\":1004001,\"transactionVersion\":26,\"apis\":[]}");
    /* no metadata API: the client falls back to state_getMetadata */
    wt_mock_set_error(m, "state_call:Metadata_metadata_versions", -32000, "Client error: Execution failed");
    wt_mock_set(m, "state_getMetadata", res);
    wt_mock_set(m, "system_properties", "{\"ss58Format\":0,\"tokenDecimals\":10,\"tokenSymbol\":\"DOT\"}");
    wt_mock_set(m, "rpc_methods", "{\"methods\":[\"author_submitAndWatchExtrinsic\",\"chain_getBlock\"]}");
    free(res);
    return m;
}
