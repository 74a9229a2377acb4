/* Private parts of the JSON-RPC client shared by the engine (src/rpc/client.c),
 * its transports (ws.c, http.c) and the JSON scanner (json_scan.c). */
#ifndef WETEE_INTERNAL_RPC_H
#define WETEE_INTERNAL_RPC_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/rpc.h"

/* ---- JSON scanner: validates RFC 8259 text and returns spans ---- */

/* Deepest nesting the scanner accepts. */
#define WT_JSON_MAX_DEPTH 128

typedef struct wt_span {
    const char *p; /* NULL when absent */
    size_t n;
} wt_span;

/* Validate that [s, s+len) is exactly one JSON value with optional
 * surrounding whitespace. WETEE_OK, or WETEE_ERR_DECODE / WETEE_ERR_DEPTH
 * with "<what>: <reason> at offset N" in the detail. The value's span
 * (without the whitespace) goes to *value when not NULL. */
int wt_json_check(wt_span *value, const char *s, size_t len, const char *what);

/* One JSON-RPC 2.0 message, as spans into the text. */
typedef struct wt_rpc_msg {
    wt_span id;         /* response id (any JSON value) */
    wt_span result;     /* response result */
    wt_span error;      /* response error object */
    wt_span method;     /* notification method (with quotes) */
    wt_span params;     /* notification params */
    wt_span sub_id;     /* params.subscription */
    wt_span sub_result; /* params.result */
    wt_span err_code;   /* error.code */
    wt_span err_message;/* error.message (with quotes) */
    int jsonrpc_20;     /* "jsonrpc": "2.0" present */
} wt_rpc_msg;

/* Validate and split a message (an object). WETEE_OK or WETEE_ERR_DECODE
 * (not JSON, or not an object) with the detail set. Members other than the
 * above are validated and ignored. */
int wt_rpc_msg_parse(wt_rpc_msg *m, const char *s, size_t len);

/* The id span as an unsigned integer (digits only, no leading zeros);
 * 1 when it is one, 0 otherwise. */
int wt_span_u64(uint64_t *out, wt_span v);

/* ---- engine <-> transport ---- */

/* Headroom before each outgoing message (libwebsockets needs LWS_PRE). */
#define WT_RPC_PRE 32

/* One outgoing message taken from the engine's queue: the text is at
 * buf + WT_RPC_PRE, `len` bytes, followed by a NUL. Freed with
 * wt_rpc_out_free(). `id` is the request id (0 for none). */
typedef struct wt_rpc_out {
    char *buf;
    size_t len;
    uint64_t id;
    int submission; /* a transaction submission: never retried (wt_rpc_is_submission) */
} wt_rpc_out;

/* 1 when `method` submits a transaction (author_submit*,
 * transaction_v1_broadcast, transactionWatch_*_submitAndWatch and their
 * unstable forms): sending it twice may have an effect twice. */
int wt_rpc_is_submission(const char *method);
void wt_rpc_out_free(wt_rpc_out *o);

enum { WT_TR_WS = 1, WT_TR_HTTP = 2, WT_TR_CUSTOM = 3 };

typedef struct wt_tr_ops {
    /* create transport state and start the service thread */
    int (*start)(wetee_rpc *rpc);
    /* wake the service thread (new messages queued, timers changed);
     * any thread */
    void (*wake)(wetee_rpc *rpc);
    /* stop and join the thread, free the transport state; called once */
    void (*stop)(wetee_rpc *rpc);
    /* Optional (NULL: every message goes through the service thread).
     * direct_token: a non-zero token when the open connection takes
     * messages written on the caller's thread (a plain ws:// connection),
     * else 0; read by the engine with its lock held and the connection
     * open. send_now: write one message (text at buf + WT_RPC_PRE, `len`
     * bytes) on that connection from the caller's thread, without the
     * engine's lock; takes ownership of `buf`. When the connection named
     * by `token` has gone meanwhile the message is dropped (its request
     * is marked sent, so the engine fails it with the connection). */
    unsigned (*direct_token)(wetee_rpc *rpc);
    void (*send_now)(wetee_rpc *rpc, unsigned token, char *buf, size_t len);
} wt_tr_ops;

extern const wt_tr_ops wt_rpc_ws_ops;
extern const wt_tr_ops wt_rpc_http_ops;

/* Transport state pointer of the client. */
void *wt_rpc_tr(wetee_rpc *rpc);
void wt_rpc_set_tr(wetee_rpc *rpc, void *tr);
const wetee_rpc_options *wt_rpc_opts(wetee_rpc *rpc);
const char *wt_rpc_url(wetee_rpc *rpc, size_t i);
size_t wt_rpc_url_count(wetee_rpc *rpc);

/* Called by the transport's service thread. */
/* Timers, reconnection: returns the endpoint to connect to now (or -1) and
 * the time (monotonic ns) at which to call again. */
long wt_rpc_tick(wetee_rpc *rpc, uint64_t *next_ns);
/* A connection to endpoint `ep` is open. */
void wt_rpc_on_open(wetee_rpc *rpc, size_t ep);
/* The connection (or the attempt) ended; `verify` when TLS verification
 * failed. */
void wt_rpc_on_closed(wetee_rpc *rpc, const char *reason, int verify);
/* One message received. WETEE_OK, or an error code (with detail) when the
 * message was unusable: the WebSocket transport then closes the
 * connection. */
int wt_rpc_on_message(wetee_rpc *rpc, const char *text, size_t len);
/* Report a protocol error event. */
void wt_rpc_protocol_error(wetee_rpc *rpc, const char *detail);
/* Take the next message to send (1) or none (0). */
int wt_rpc_next_out(wetee_rpc *rpc, wt_rpc_out *o);
/* HTTP: one request's response (or failure) arrived. `status` WETEE_OK
 * with the body, or an error code with `detail`. */
void wt_rpc_http_done(wetee_rpc *rpc, uint64_t id, int status, const char *body, size_t len, const char *detail);
/* HTTP: the endpoint failed to connect (`lost` 1: counted as a
 * disconnect) or was rejected (0): when it is the current one, the next
 * one becomes current. */
void wt_rpc_http_failover(wetee_rpc *rpc, size_t failed_ep, int lost);
/* HTTP with WETEE_RPC_CHECK_GENESIS: endpoint `ep` answered
 * chain_getBlockHash(0) with `json` (the result, or NULL with `why` when
 * it gave none). 0: it serves the genesis of the first endpoint that
 * answered (the first answer sets it); -1: it is rejected (reported as
 * WETEE_RPC_EVENT_ENDPOINT_REJECTED). */
int wt_rpc_genesis_verdict(wetee_rpc *rpc, size_t ep, const char *json, size_t len, const char *why);
/* The request `id` still waits for its outcome (not timed out). */
int wt_rpc_req_alive(wetee_rpc *rpc, uint64_t id);
/* Messages waiting to be sent on the open connection. */
int wt_rpc_has_out(wetee_rpc *rpc);
/* The engine wants the connection closed (genesis check failed). */
int wt_rpc_want_close(wetee_rpc *rpc);
/* Current endpoint index. */
size_t wt_rpc_current_ep(wetee_rpc *rpc);
/* Monotonic clock in ns. */
uint64_t wt_rpc_now_ns(void);

#endif /* WETEE_INTERNAL_RPC_H */
