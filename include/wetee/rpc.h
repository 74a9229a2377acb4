/**
 * @file rpc.h
 * @brief JSON-RPC 2.0 client: WebSocket (ws, wss) and HTTP (http, https)
 *        transports, or a transport supplied by the application; many
 *        requests in flight, per-request timeouts, subscriptions,
 *        reconnection with exponential backoff and jitter, failover
 *        between endpoints.
 *
 * The client moves JSON text: a call takes a method name and its `params`
 * as JSON text and gives back the `result` member of the response as JSON
 * text, exactly as the server wrote it. It knows nothing of Substrate
 * beyond the optional genesis-hash check (WETEE_RPC_CHECK_GENESIS); the
 * chain client builds on it.
 *
 * @code
 * wetee_rpc *rpc;
 * wetee_rpc_options o = WETEE_RPC_OPTIONS_INIT;
 * o.request_timeout_ms = 5000;
 * if (wetee_rpc_new(&rpc, "ws://127.0.0.1:9944", &o) != WETEE_OK) { puts(wetee_last_error()); ... }
 * wetee_buf res = WETEE_BUF_INIT;
 * wetee_rpc_call(&res, rpc, "chain_getBlockHash", "[0]", SIZE_MAX, 0);  // res: "\"0x45...\""
 * wetee_buf_free(&res);
 * wetee_rpc_free(rpc);
 * @endcode
 *
 * **Engine.** Every client has one service thread that owns the
 * connection (libwebsockets or libcurl) and runs the timers; the calls
 * below queue work for it and, for the blocking ones, wait. All callbacks
 * of one client (responses, notifications, events) run on that thread,
 * one at a time, never concurrently with each other. With an application
 * transport (wetee_rpc_new_custom()) there is no connection thread: the
 * callbacks run on the thread that hands in a message
 * (wetee_rpc_transport_receive()) or on the client's timer thread for
 * timeouts and reconnection.
 *
 * **Thread safety.** A wetee_rpc may be used from any number of threads at
 * once (except wetee_rpc_free()). A callback may call
 * wetee_rpc_call_async(), wetee_rpc_unsubscribe() and the getters, but not
 * the blocking calls
 * (wetee_rpc_call(), wetee_rpc_subscribe(), wetee_rpc_sub_renew()), which
 * give WETEE_ERR_STATE there instead of deadlocking, nor wetee_rpc_free().
 *
 * **Failures are always reported.** Every request ends exactly once: with
 * its result, with the server's error object (WETEE_ERR_RPC), with
 * WETEE_ERR_TIMEOUT when its deadline passes, or with WETEE_ERR_NETWORK
 * when the connection it was sent on is lost (a request is never resent
 * after a reconnect: it may have had an effect). A subscription is told
 * when its connection is lost (WETEE_RPC_SUB_LOST), when it has been
 * re-established on the new connection (WETEE_RPC_SUB_RESUBSCRIBED, after
 * which the owner must fetch what it may have missed), and when it has
 * ended for good (WETEE_RPC_SUB_CLOSED).
 *
 * **Reconnection.** After a connection is lost, or when a connection
 * attempt fails, the client waits `reconnect_initial_ms`, doubling each
 * time up to `reconnect_max_ms`, each delay varied at random by up to
 * `reconnect_jitter_pct` percent, and tries the endpoints in turn (the
 * next one first). After `reconnect_limit` failed attempts in a row it
 * gives up (WETEE_RPC_EVENT_GAVE_UP): in-flight and later calls fail with
 * WETEE_ERR_NETWORK and subscriptions are closed, until
 * wetee_rpc_reconnect() is called.
 *
 * **HTTP.** Each request is its own POST. When it cannot reach a server
 * (no connection could be made) it is tried on the next endpoint; after a
 * round in which no endpoint could be reached it waits as above
 * (`reconnect_initial_ms` doubling, jitter) and tries again, for up to
 * `reconnect_limit` rounds (a negative limit: one round) and within its
 * deadline, then fails with WETEE_ERR_NETWORK naming the last failure. A
 * transaction submission (a method starting with `author_submit`,
 * `transactionWatch_`, `transaction_v1_broadcast` or their `unstable`
 * forms) is never retried nor moved to another endpoint: it fails at once
 * with WETEE_ERR_NETWORK (the detail says it was not retried) and the
 * caller decides. A request that reached a server is never retried.
 *
 * **Sending.** On a plain ws:// connection a call writes its frame on the
 * calling thread when nothing is queued before it (the service thread
 * only reads the answer); otherwise, and on wss://, the service thread
 * writes. Either way the order of calls made from one thread is kept.
 *
 * **Protocol errors.** A message that is not JSON (or not a JSON object),
 * or a WebSocket message larger than `max_message_bytes`, is a protocol
 * error: the client reports it (WETEE_RPC_EVENT_PROTOCOL_ERROR), closes that
 * connection (its in-flight requests fail with WETEE_ERR_NETWORK and a
 * detail naming the cause) and reconnects. A well-formed message that fits
 * nothing (a response to an id never sent, a message that is neither a
 * response nor a notification) is reported the same way but the connection
 * stays; a response with neither `result` nor `error` fails its request
 * with WETEE_ERR_DECODE; the late answer to a request that timed out is
 * dropped quietly. Over HTTP, where a response belongs to one request, that
 * request alone fails (WETEE_ERR_DECODE or WETEE_ERR_TOO_LONG).
 *
 * Callbacks receive JSON text that is not NUL-terminated and is valid only
 * during the callback; copy it to keep it.
 */
#ifndef WETEE_RPC_H
#define WETEE_RPC_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A JSON-RPC client (opaque, thread-safe). */
typedef struct wetee_rpc wetee_rpc;
/** @brief One subscription of a wetee_rpc (opaque; owned by the client). */
typedef struct wetee_rpc_sub wetee_rpc_sub;

/* ------------------------------------------------------------------ */
/* Connection events                                                   */
/* ------------------------------------------------------------------ */

/** @brief What a wetee_rpc_event_fn reports. */
typedef enum wetee_rpc_event {
    /** A connection to `url` is open (the first one, and every later one). */
    WETEE_RPC_EVENT_CONNECTED = 1,
    /** The connection to `url` was lost or could not be opened; `detail`
     *  says why. In-flight requests have failed; reconnection follows
     *  unless the limit is reached. */
    WETEE_RPC_EVENT_DISCONNECTED = 2,
    /** A connection is open again after a loss and the subscriptions have
     *  been re-established (or closed, those that could not be). */
    WETEE_RPC_EVENT_RECONNECTED = 3,
    /** `reconnect_limit` attempts in a row failed: the client stays
     *  disconnected until wetee_rpc_reconnect(). */
    WETEE_RPC_EVENT_GAVE_UP = 4,
    /** `url` was skipped: with WETEE_RPC_CHECK_GENESIS, it serves another
     *  genesis hash than the first endpoint that answered (`detail` gives
     *  both), or it did not answer chain_getBlockHash(0). */
    WETEE_RPC_EVENT_ENDPOINT_REJECTED = 5,
    /** The server sent something that is not JSON-RPC 2.0 (malformed JSON,
     *  a message over `max_message_bytes`, a response to no request):
     *  `detail` says what. */
    WETEE_RPC_EVENT_PROTOCOL_ERROR = 6
} wetee_rpc_event;

/**
 * @brief Connection event callback (see wetee_rpc_options.on_event).
 * @param ctx wetee_rpc_options.event_ctx.
 * @param event a wetee_rpc_event.
 * @param url the endpoint concerned (NUL-terminated; valid during the call).
 * @param detail human-readable detail, NUL-terminated, "" when none.
 */
typedef void (*wetee_rpc_event_fn)(void *ctx, int event, const char *url, const char *detail);

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

/** @brief wetee_rpc_options flag: on every connection, call
 *  chain_getBlockHash(0) first and use the endpoint only if it gives the
 *  same genesis hash as the first endpoint that answered (see
 *  wetee_rpc_genesis_hash()). Over HTTP the check runs on the service
 *  thread before an endpoint's first request, and again after the endpoint
 *  could not be reached; an endpoint that fails it is skipped
 *  (WETEE_RPC_EVENT_ENDPOINT_REJECTED). */
#define WETEE_RPC_CHECK_GENESIS 1u
/** @brief wetee_rpc_options flag: wetee_rpc_new() returns at once without
 *  waiting for the first connection (calls made before it opens wait for
 *  it, within their own timeouts). */
#define WETEE_RPC_LAZY_CONNECT 2u
/** @brief wetee_rpc_options flag: reconnection delays without jitter
 *  (exactly doubling), e.g. for reproducible tests. */
#define WETEE_RPC_NO_JITTER 4u

/** @brief Current version of wetee_rpc_options. */
#define WETEE_RPC_OPTIONS_VERSION 1

/**
 * @brief Options of wetee_rpc_new() and wetee_rpc_new_custom(); start from
 *        WETEE_RPC_OPTIONS_INIT. A field left at 0 takes the default named
 *        in its comment. The struct and its strings are copied by the
 *        constructor.
 */
typedef struct wetee_rpc_options {
    unsigned version;              /**< WETEE_RPC_OPTIONS_VERSION */
    unsigned flags;                /**< WETEE_RPC_CHECK_GENESIS | WETEE_RPC_LAZY_CONNECT |
                                        WETEE_RPC_NO_JITTER, or 0 */
    unsigned connect_timeout_ms;   /**< one connection attempt (TCP, TLS, upgrade); default 10000 */
    unsigned request_timeout_ms;   /**< a call's deadline when the call gives 0; default 30000 */
    const char *ca_file;           /**< PEM bundle of trusted CAs for wss/https instead of the
                                        system's; NULL: the system's. Certificates and host names are
                                        always verified. */
    size_t max_message_bytes;      /**< largest message accepted from the server; default 16 MiB */
    unsigned reconnect_initial_ms; /**< first reconnection delay; default 100 */
    unsigned reconnect_max_ms;     /**< largest delay; default 10000 */
    unsigned reconnect_jitter_pct; /**< each delay varies at random by up to this percentage (at
                                        most 100); default 20; WETEE_RPC_NO_JITTER turns it off */
    int reconnect_limit;           /**< failed attempts in a row before giving up; 0: default 8;
                                        negative: never reconnect (the first loss is final) */
    size_t max_in_flight;          /**< requests awaiting a response at once; beyond it calls fail
                                        with WETEE_ERR_STATE; default 65536 */
    wetee_rpc_event_fn on_event;   /**< connection events, or NULL */
    void *event_ctx;               /**< passed to on_event */
} wetee_rpc_options;

/** @brief Initialiser of wetee_rpc_options: current version, every other
 *         field 0 (the defaults). */
#define WETEE_RPC_OPTIONS_INIT { WETEE_RPC_OPTIONS_VERSION, 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0, NULL, NULL }

/* ------------------------------------------------------------------ */
/* Client                                                              */
/* ------------------------------------------------------------------ */

/**
 * @brief Create a client for one or more endpoints and connect.
 *
 * The endpoints are tried in order until one connects (and, with
 * WETEE_RPC_CHECK_GENESIS, passes the genesis check); later failovers go
 * to the next endpoint in turn. All endpoints must use the same kind of
 * transport: WebSocket (`ws://`, `wss://`) or HTTP (`http://`,
 * `https://`). HTTP has no subscriptions (WETEE_ERR_UNSUPPORTED); its
 * "connection" is the endpoint last found reachable.
 * @param out receives the client (NULL on failure); free with wetee_rpc_free().
 * @param urls one URL, or several separated by spaces or commas, e.g.
 *        "ws://127.0.0.1:9944 wss://rpc.example.org".
 * @param opts options, or NULL for the defaults.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out or urls, no URL,
 *         a URL that does not parse, mixed WebSocket and HTTP endpoints,
 *         unknown options version); WETEE_ERR_UNSUPPORTED (a scheme this
 *         build lacks: the network parts are optional, see
 *         wetee_rpc_transports()); WETEE_ERR_NETWORK (each endpoint was
 *         tried once and none connected; the detail names the last
 *         failure; later losses are retried up to `reconnect_limit`);
 *         WETEE_ERR_TIMEOUT; WETEE_ERR_VERIFY (a TLS certificate was
 *         rejected); WETEE_ERR_IO (`ca_file` unreadable);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_rpc_new(wetee_rpc **out, const char *urls, const wetee_rpc_options *opts);

/** @brief wetee_rpc_transports() bit: ws:// and wss:// (libwebsockets). */
#define WETEE_RPC_TRANSPORT_WS 1u
/** @brief wetee_rpc_transports() bit: http:// and https:// (libcurl). */
#define WETEE_RPC_TRANSPORT_HTTP 2u
/** @brief wetee_rpc_transports() bit: application transports
 *  (wetee_rpc_new_custom(); always present). */
#define WETEE_RPC_TRANSPORT_CUSTOM 4u

/**
 * @brief Which transports this build has.
 * @return a mask of WETEE_RPC_TRANSPORT_WS, WETEE_RPC_TRANSPORT_HTTP and
 *         WETEE_RPC_TRANSPORT_CUSTOM (the mobile build, without libcurl and
 *         libwebsockets, gives only CUSTOM).
 */
WETEE_API unsigned wetee_rpc_transports(void);

/**
 * @brief Close the connection and free the client.
 *
 * Requests still in flight end with WETEE_ERR_NETWORK ("client closed"),
 * subscriptions with WETEE_RPC_SUB_CLOSED, their callbacks running on the
 * calling thread or the service thread before this returns; no callback
 * runs after it. Every wetee_rpc_sub of the client is freed. Must not be
 * called from a callback of the same client.
 * @param rpc the client, or NULL (no-op).
 */
WETEE_API void wetee_rpc_free(wetee_rpc *rpc);

/**
 * @brief After WETEE_RPC_EVENT_GAVE_UP (or with a lazy client at any time),
 *        start connecting again with a fresh attempt counter.
 * @param rpc the client.
 * @return WETEE_OK (the attempt runs in the background; events report its
 *         outcome); WETEE_ERR_INVALID_ARGUMENT (NULL rpc).
 */
WETEE_API int wetee_rpc_reconnect(wetee_rpc *rpc);

/* ------------------------------------------------------------------ */
/* Calls                                                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Send a request and wait for its response.
 * @param result replaced with the JSON text of the response's `result`
 *        member, NUL-terminated (e.g. `"0x45…"` with its quotes, `null`,
 *        `{…}`); with WETEE_ERR_RPC, the server's error object instead
 *        (`{"code":…,"message":…}`); empty on other errors. Owned by the
 *        caller.
 * @param rpc the client.
 * @param method the method name, NUL-terminated (e.g. "system_health").
 * @param params the params as JSON text: an array or an object; NULL or ""
 *        for `[]`. Checked to be one JSON value before sending.
 * @param params_len length of `params`, or SIZE_MAX when NUL-terminated.
 * @param timeout_ms the deadline in milliseconds, or 0 for the client's
 *        `request_timeout_ms`.
 * @return WETEE_OK; WETEE_ERR_RPC (the server's error object, whose code
 *         and message are also in the detail); WETEE_ERR_TIMEOUT (no
 *         response within the deadline; the detail names the method and
 *         the endpoint); WETEE_ERR_NETWORK (not connected, or the
 *         connection was lost before the response; the detail says why);
 *         WETEE_ERR_DECODE (params not JSON, or over HTTP a response that is
 *         not JSON-RPC); WETEE_ERR_TOO_LONG (params over
 *         `max_message_bytes`; over HTTP a response over it);
 *         WETEE_ERR_STATE (called from a callback of this client, or too
 *         many requests in flight); WETEE_ERR_INVALID_ARGUMENT (NULL result,
 *         rpc or method, an empty method); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_rpc_call(wetee_buf *result, wetee_rpc *rpc, const char *method, const char *params,
                             size_t params_len, unsigned timeout_ms);

/**
 * @brief Response callback of wetee_rpc_call_async(); called exactly once.
 * @param ctx the `ctx` given with the call.
 * @param status WETEE_OK, or an error code as listed for wetee_rpc_call()
 *        (the thread's wetee_last_error() holds the detail during the call).
 * @param json with WETEE_OK the `result` text, with WETEE_ERR_RPC the error
 *        object's text, otherwise NULL. Not NUL-terminated; valid only
 *        during the call.
 * @param json_len length of `json` (0 when NULL).
 */
typedef void (*wetee_rpc_response_fn)(void *ctx, int status, const char *json, size_t json_len);

/**
 * @brief Send a request and return at once; `cb` gets the outcome.
 *
 * When this returns WETEE_OK, `cb` is called exactly once, later, on the
 * service thread (or, for a client freed first, on the thread of
 * wetee_rpc_free()). When it returns an error, `cb` is never called.
 * @param out_id receives the request's JSON-RPC id (unique per client), or
 *        NULL.
 * @param rpc the client.
 * @param method the method name, NUL-terminated.
 * @param params as for wetee_rpc_call().
 * @param params_len as for wetee_rpc_call().
 * @param timeout_ms as for wetee_rpc_call().
 * @param cb the response callback (not NULL).
 * @param ctx passed to `cb`.
 * @return WETEE_OK; WETEE_ERR_NETWORK (the client has given up
 *         reconnecting); WETEE_ERR_DECODE; WETEE_ERR_TOO_LONG;
 *         WETEE_ERR_STATE (too many requests in flight);
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_rpc_call_async(uint64_t *out_id, wetee_rpc *rpc, const char *method, const char *params,
                                   size_t params_len, unsigned timeout_ms, wetee_rpc_response_fn cb, void *ctx);

/* ------------------------------------------------------------------ */
/* Subscriptions                                                       */
/* ------------------------------------------------------------------ */

/** @brief What a wetee_rpc_sub_fn reports. */
typedef enum wetee_rpc_sub_kind {
    /** A notification: `json` is its `params.result`. */
    WETEE_RPC_SUB_NOTIFICATION = 0,
    /** The connection was lost; notifications sent meanwhile are missed.
     *  `json` is NULL. RESUBSCRIBED or CLOSED follows. */
    WETEE_RPC_SUB_LOST = 1,
    /** The subscription is active again on a new connection (or after
     *  wetee_rpc_sub_renew()); `json` is its new subscription id (JSON
     *  text). Fetch what may have been missed since the last notification. */
    WETEE_RPC_SUB_RESUBSCRIBED = 2,
    /** The subscription has ended for good: the client gave up
     *  reconnecting, re-subscribing failed (`json` is the error object, or
     *  NULL), it was made with WETEE_RPC_SUB_NO_RESUBSCRIBE and its
     *  connection was lost, or the client is being freed. No callback
     *  follows; the handle stays valid until wetee_rpc_unsubscribe() or
     *  wetee_rpc_free(). */
    WETEE_RPC_SUB_CLOSED = 3
} wetee_rpc_sub_kind;

/**
 * @brief Subscription callback.
 * @param ctx the `ctx` given to wetee_rpc_subscribe().
 * @param kind a wetee_rpc_sub_kind.
 * @param json as described for `kind`; not NUL-terminated; valid only
 *        during the call; may be NULL.
 * @param json_len length of `json` (0 when NULL).
 */
typedef void (*wetee_rpc_sub_fn)(void *ctx, int kind, const char *json, size_t json_len);

/** @brief wetee_rpc_subscribe() flag: do not re-subscribe after a reconnect
 *  (the subscription is closed instead). For subscribing calls with an
 *  effect, such as author_submitAndWatchExtrinsic, which must never be
 *  repeated silently. */
#define WETEE_RPC_SUB_NO_RESUBSCRIBE 1u

/**
 * @brief Subscribe: send `method` with `params`, take the subscription id
 *        from the response, and deliver the notifications that carry it.
 *
 * Notifications are JSON-RPC requests without an id whose `params` has
 * `subscription` (the id) and `result`; any method name is accepted. Those
 * that arrive before the subscription response is processed are kept
 * (bounded) and delivered after it.
 * @param out receives the subscription handle (NULL on failure). It is
 *        owned by the client: release it with wetee_rpc_unsubscribe(), or
 *        it is freed with the client.
 * @param rpc the client (a WebSocket or application transport).
 * @param method the subscribing method, NUL-terminated (e.g.
 *        "chain_subscribeNewHeads").
 * @param params as for wetee_rpc_call().
 * @param params_len as for wetee_rpc_call().
 * @param unsubscribe_method the method that ends it, called with
 *        `[<subscription id>]` (e.g. "chain_unsubscribeNewHeads"), or NULL
 *        when there is none.
 * @param flags WETEE_RPC_SUB_NO_RESUBSCRIBE, or 0.
 * @param cb the callback (not NULL); may run before this function returns.
 * @param ctx passed to `cb`.
 * @param timeout_ms deadline of the subscribing request, or 0 for the
 *        client's default.
 * @return WETEE_OK; the errors of wetee_rpc_call() (with WETEE_ERR_RPC, the
 *         error object is in the detail); WETEE_ERR_DECODE (the result is
 *         not a string or number id); WETEE_ERR_UNSUPPORTED (an HTTP
 *         client).
 */
WETEE_API int wetee_rpc_subscribe(wetee_rpc_sub **out, wetee_rpc *rpc, const char *method, const char *params,
                                  size_t params_len, const char *unsubscribe_method, unsigned flags,
                                  wetee_rpc_sub_fn cb, void *ctx, unsigned timeout_ms);

/**
 * @brief End a subscription and free its handle.
 *
 * No callback of the subscription runs after this returns (when called
 * from another thread while one runs, it waits for it; from inside the
 * subscription's own callback, the callback simply gets no further calls).
 * The unsubscribe method, if any, is sent without waiting for its answer.
 * @param sub the subscription, or NULL (no-op).
 * @return WETEE_OK (also when the connection is down: the server forgets
 *         the subscription with the connection); WETEE_ERR_NO_MEMORY (the
 *         unsubscribe request could not be queued; the handle is freed
 *         anyway).
 */
WETEE_API int wetee_rpc_unsubscribe(wetee_rpc_sub *sub);

/**
 * @brief Subscribe again with the same method, params and callback, ending
 *        the current server subscription first (e.g. after chainHead_v1's
 *        `stop` event). WETEE_RPC_SUB_RESUBSCRIBED is delivered on success.
 * @param sub the subscription (also one that was CLOSED).
 * @param timeout_ms deadline, or 0 for the client's default.
 * @return as wetee_rpc_subscribe(); on failure the subscription is CLOSED.
 */
WETEE_API int wetee_rpc_sub_renew(wetee_rpc_sub *sub, unsigned timeout_ms);

/**
 * @brief The current server-side subscription id, as JSON text (a quoted
 *        string or a number), to pass in later params (for example the
 *        followSubscription of chainHead_v1_call).
 * @param out replaced with the id text, NUL-terminated; empty when the
 *        subscription is not active (lost or closed).
 * @param sub the subscription.
 * @return WETEE_OK; WETEE_ERR_STATE (not active); WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_rpc_sub_id(wetee_buf *out, const wetee_rpc_sub *sub);

/* ------------------------------------------------------------------ */
/* State                                                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Counters and state of a client (a plain value type); start from
 *        WETEE_RPC_STATS_INIT.
 */
typedef struct wetee_rpc_stats {
    unsigned version;        /**< WETEE_RPC_STATS_VERSION */
    int connected;           /**< 1 when a connection is open */
    int gave_up;             /**< 1 after WETEE_RPC_EVENT_GAVE_UP (until wetee_rpc_reconnect()) */
    size_t endpoint;         /**< index of the current (or last) endpoint in the URL list */
    size_t in_flight;        /**< requests awaiting their response */
    size_t subscriptions;    /**< live subscription handles */
    uint64_t requests;       /**< requests sent */
    uint64_t responses;      /**< responses received and matched */
    uint64_t notifications;  /**< notifications delivered */
    uint64_t timeouts;       /**< requests that ended with WETEE_ERR_TIMEOUT */
    uint64_t failed;         /**< requests that ended with WETEE_ERR_NETWORK */
    uint64_t connects;       /**< connections opened */
    uint64_t disconnects;    /**< connections lost or attempts failed */
    uint64_t protocol_errors;/**< WETEE_RPC_EVENT_PROTOCOL_ERROR events */
} wetee_rpc_stats;

/** @brief Current version of wetee_rpc_stats. */
#define WETEE_RPC_STATS_VERSION 1
/** @brief Initialiser of wetee_rpc_stats. */
#define WETEE_RPC_STATS_INIT { WETEE_RPC_STATS_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/**
 * @brief Read the client's counters.
 * @param out receives them; its `version` must be set (WETEE_RPC_STATS_INIT).
 * @param rpc the client.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL pointer, unknown version).
 */
WETEE_API int wetee_rpc_get_stats(wetee_rpc_stats *out, wetee_rpc *rpc);

/**
 * @brief The URL of the current (or last) endpoint.
 * @param out replaced with the URL, NUL-terminated.
 * @param rpc the client.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_rpc_current_url(wetee_buf *out, wetee_rpc *rpc);

/**
 * @brief The genesis hash found by WETEE_RPC_CHECK_GENESIS, as the JSON
 *        text chain_getBlockHash(0) returned (`"0x…"` with its quotes).
 * @param out replaced with the text, NUL-terminated.
 * @param rpc the client.
 * @return WETEE_OK; WETEE_ERR_STATE (the flag is not set, or no endpoint has
 *         answered yet); WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_rpc_genesis_hash(wetee_buf *out, wetee_rpc *rpc);

/* ------------------------------------------------------------------ */
/* Application transports                                              */
/* ------------------------------------------------------------------ */

/** @brief Current version of wetee_rpc_transport. */
#define WETEE_RPC_TRANSPORT_VERSION 1

/**
 * @brief A transport supplied by the application (e.g. a phone's own
 *        WebSocket stack or an app's event loop): libwetee hands it the
 *        JSON text of each outgoing message; the application hands
 *        libwetee each incoming message with wetee_rpc_transport_receive()
 *        and reports the connection's state with wetee_rpc_transport_open()
 *        and wetee_rpc_transport_closed().
 */
typedef struct wetee_rpc_transport {
    unsigned version; /**< WETEE_RPC_TRANSPORT_VERSION */
    /**
     * Send one message. Called from any thread that makes a call (never
     * concurrently for one client; not with the client's lock held, so it
     * may call wetee_rpc_transport_receive() or _closed() itself). Returns
     * 0 when the message was taken, or a negative value when it could not
     * be sent (the request then fails with WETEE_ERR_NETWORK).
     */
    int (*send)(void *ctx, const char *json, size_t len);
    /**
     * Optional (may be NULL): libwetee wants a connection (after a loss,
     * following its backoff, or at wetee_rpc_reconnect()). The application
     * opens one and reports it with wetee_rpc_transport_open().
     */
    void (*connect)(void *ctx);
    /** Optional: the client is being freed; the last call libwetee makes. */
    void (*destroy)(void *ctx);
    void *ctx;        /**< passed to the functions */
    /** Optional: libwetee drops the connection (the server sent something
     *  unusable, or failed the genesis check); the application closes it.
     *  libwetee treats it as closed already (as if
     *  wetee_rpc_transport_closed() had been called). */
    void (*close)(void *ctx);
} wetee_rpc_transport;

/** @brief Initialiser of wetee_rpc_transport (set `send` and `ctx`). */
#define WETEE_RPC_TRANSPORT_INIT { WETEE_RPC_TRANSPORT_VERSION, NULL, NULL, NULL, NULL, NULL }

/**
 * @brief Create a client over an application transport. The client starts
 *        disconnected: calls wait for wetee_rpc_transport_open() (within
 *        their timeouts). A timer thread handles deadlines and backoff.
 * @param out receives the client; free with wetee_rpc_free().
 * @param transport the transport (copied; `ctx` stays the application's).
 * @param opts options (`ca_file` and `connect_timeout_ms` are not used), or
 *        NULL.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, transport or
 *         send, unknown version); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_rpc_new_custom(wetee_rpc **out, const wetee_rpc_transport *transport,
                                   const wetee_rpc_options *opts);

/**
 * @brief The application transport is connected: subscriptions are
 *        re-established and waiting calls are sent.
 * @param rpc a client made by wetee_rpc_new_custom().
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL, or not a custom client).
 */
WETEE_API int wetee_rpc_transport_open(wetee_rpc *rpc);

/**
 * @brief Hand in one message received by the application transport.
 * @param rpc a client made by wetee_rpc_new_custom().
 * @param json the message text (one JSON-RPC response or notification).
 * @param len its length, or SIZE_MAX when NUL-terminated.
 * @return WETEE_OK; WETEE_ERR_DECODE (not JSON-RPC; reported as a protocol
 *         error); WETEE_ERR_TOO_LONG (over `max_message_bytes`);
 *         WETEE_ERR_INVALID_ARGUMENT. A message that could not be used also
 *         closes the connection as described for protocol errors.
 */
WETEE_API int wetee_rpc_transport_receive(wetee_rpc *rpc, const char *json, size_t len);

/**
 * @brief The application transport lost its connection: in-flight requests
 *        fail with WETEE_ERR_NETWORK, subscriptions get WETEE_RPC_SUB_LOST,
 *        and the transport's `connect` is called after the backoff delay.
 * @param rpc a client made by wetee_rpc_new_custom().
 * @param reason why (for the error details), or NULL.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_rpc_transport_closed(wetee_rpc *rpc, const char *reason);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_RPC_H */
