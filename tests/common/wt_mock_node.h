/* A scripted JSON-RPC node for offline tests of the chain client: an
 * application transport (wetee_rpc_new_custom()) that answers each request
 * at once from a table of canned results (by "method:<first param>" when
 * one is set for it, else by method; state_call and chainHead_v1_call by
 * "<method>:<function>"), records the requests, and lets the test push
 * subscription notifications and connection losses. */
#ifndef WT_MOCK_NODE_H
#define WT_MOCK_NODE_H

#include "wetee.h"

typedef struct wt_mock wt_mock;

/* A mock with an open application transport; NULL on failure. */
wt_mock *wt_mock_new(void);
/* reconnect non-zero: after wt_mock_drop() the client reconnects at once
 * (the transport's connect reopens it) and re-establishes subscriptions. */
wt_mock *wt_mock_new_opts(int reconnect);
void wt_mock_free(wt_mock *m);
wetee_rpc *wt_mock_rpc(wt_mock *m);
/* Answer `method` (or "state_call:<function>") with this result JSON text
 * (copied; replaces an earlier one). */
void wt_mock_set(wt_mock *m, const char *method, const char *result_json);
/* Answer `method` with a JSON-RPC error object. */
void wt_mock_set_error(wt_mock *m, const char *method, int code, const char *message);
/* Requests of `method` seen so far. */
int wt_mock_calls(wt_mock *m, const char *method);
/* The params JSON text of the last request of `method`, or NULL. */
const char *wt_mock_last_params(wt_mock *m, const char *method);
/* After answering the `nth` request of `key` (1, 2, ...; 0: every request),
 * send this notification of subscription `sub`, as wt_mock_notify() does;
 * "@N" in `result_json` becomes the number of that request (as in answers,
 * so that operation ids match). Several are sent in the order added. */
void wt_mock_after(wt_mock *m, const char *key, int nth, const char *method, const char *sub, const char *result_json);
/* Drop every wt_mock_after() of `key`. */
void wt_mock_after_clear(wt_mock *m, const char *key);
/* Send a notification of subscription `sub` (its id as given by the canned
 * result, without quotes). */
void wt_mock_notify(wt_mock *m, const char *method, const char *sub, const char *result_json);
/* The transport lost its connection. */
void wt_mock_drop(wt_mock *m, const char *reason);
/* A node that answers the connect sequence of wetee_chain_new() with the
 * Polkadot V15 metadata of the shared vectors (spec version 1, properties
 * 0 / 10 / DOT); NULL (after a visible note) when the vectors are absent. */
wt_mock *wt_mock_polkadot(void);
wt_mock *wt_mock_polkadot_opts(int reconnect);

#endif
