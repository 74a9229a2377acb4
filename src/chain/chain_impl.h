/* Private parts of the chain client that do not touch the network: the
 * parsing of transaction-watch notifications (legacy and new JSON-RPC
 * spec), the outcome of an extrinsic from its block's events, the search
 * of an extrinsic in a block body, and the bookkeeping of chainHead_v1
 * pinned blocks. Unit-tested with recorded JSON (tests/chain). */
#ifndef WETEE_CHAIN_IMPL_H
#define WETEE_CHAIN_IMPL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "wetee/chain.h"
#include "wetee/metadata.h"

/* One parsed watch notification. */
typedef struct wt_tx_event {
    int status;       /* wetee_tx_status, or 0 for a notification without a state change */
    int has_block;    /* block_hash is set */
    uint8_t block_hash[32];
    char reason[512]; /* node's reason (invalid/dropped/error), NUL-terminated */
} wt_tx_event;

/* author_submitAndWatchExtrinsic notification result (JSON text):
 * "ready", "future", {"broadcast":[...]}, {"inBlock":h}, {"retracted":h},
 * {"finalized":h}, {"finalityTimeout":h}, {"usurped":h}, "dropped", "invalid". */
int wt_tx_event_parse_legacy(wt_tx_event *ev, const char *json, size_t len);
/* transactionWatch_v1 event (JSON text): {"event":"validated"},
 * {"event":"broadcasted"}, {"event":"bestChainBlockIncluded","block":{"hash","index"}|null},
 * {"event":"finalized","block":{...}}, {"event":"invalid"|"dropped"|"error","error":"..."}.
 * A bestChainBlockIncluded with a null block is RETRACTED. */
int wt_tx_event_parse_new(wt_tx_event *ev, const char *json, size_t len);

/* Index of the extrinsic whose hash is `tx_hash` in a JSON array of
 * 0x-hex extrinsics (a block body); -1 when absent. */
long wt_find_extrinsic(const json_t *extrinsics, const uint8_t tx_hash[32]);

/* The outcome of extrinsic `index` from the block's System.Events bytes:
 * sets "success", "error" (wetee_dispatch_error_json object or null) and
 * "events" (that extrinsic's events) on `obj`. */
int wt_extrinsic_outcome(json_t *obj, const wetee_metadata *md, const uint8_t *events, size_t events_len,
                         long index);

/* Type id of sp_runtime::DispatchError, or WETEE_METADATA_NO_TYPE. */
uint32_t wt_dispatch_error_type(const wetee_metadata *md);

/* Hash of a header given as chain_getHeader JSON (BLAKE2b-256 of its SCALE form). */
int wt_header_hash(uint8_t out[32], const json_t *h);
/* Parse "0x" + 64 hex digits (a JSON string value). */
int wt_hash_from_json(uint8_t out[32], const json_t *s);
/* Number from a JSON integer or a 0x-hex / decimal string. */
int wt_u64_from_json(uint64_t *out, const json_t *v);
/* json_loadb with a detail naming `what` on failure. */
int wt_json_parse(json_t **out, const char *text, size_t len, const char *what);
/* "0x..." into `out` (at least 2 * n + 3 bytes). */
void wt_hex_str(char *out, const uint8_t *p, size_t n);

/* ---- chainHead_v1_follow bookkeeping ---- */

/* A block the follow subscription has reported (and so pinned). */
typedef struct wt_head_block {
    uint8_t hash[32];
    uint8_t parent[32];
    uint64_t number;  /* valid when has_number */
    int has_number;
    int finalized;
    int reported;     /* given to the user as NEW */
} wt_head_block;

typedef struct wt_heads {
    wt_head_block *b;
    size_t n, cap;
} wt_heads;

/* What one followEvent asks of the follower. */
typedef struct wt_head_actions {
    int kind;              /* 1 initialized, 2 newBlock, 3 bestBlockChanged, 4 finalized, 5 stop,
                              6 operation event, 0 other */
    uint8_t (*unpin)[32];  /* blocks to unpin now (finalized before the last finalized, pruned) */
    size_t n_unpin;
    uint8_t (*pruned)[32]; /* pruned blocks that were reported: RETRACTED */
    size_t n_pruned;
    uint8_t (*finalized)[32]; /* newly finalized, in order */
    size_t n_finalized;
    uint8_t (*added)[32];  /* new blocks (initialized: the finalized ones; newBlock: one) */
    size_t n_added;
} wt_head_actions;

void wt_heads_free(wt_heads *h);
void wt_head_actions_free(wt_head_actions *a);
wt_head_block *wt_heads_find(wt_heads *h, const uint8_t hash[32]);
/* Apply one chainHead_v1_followEvent: keeps the pinned set (every block
 * reported by initialized/newBlock until unpinned) and says what to unpin:
 * pruned blocks at once, finalized blocks once a later block is finalized
 * (the newest finalized block stays pinned). */
int wt_heads_apply(wt_heads *h, wt_head_actions *a, const json_t *event);

/* ---- the chain's own chainHead_v1_follow: reads on pinned blocks (follow.c) ---- */

/* a result of the wt_follow_* reads: ask the legacy method instead (the
 * block is not pinned, the follow subscription is not ready, the node
 * lacks the method, limitReached, operationInaccessible, a stop, ...) */
#define WT_HEAD_FALLBACK 1

typedef struct wt_follow_stats {
    uint64_t head_storage, head_calls, fallbacks, continues, renewals, unpinned;
} wt_follow_stats;

typedef struct wt_follow wt_follow;

/* chainHead_v1_follow(withRuntime true) on `rpc`; has_storage/has_call:
 * whether rpc_methods lists chainHead_v1_storage / chainHead_v1_call */
int wt_follow_new(wt_follow **out, wetee_rpc *rpc, unsigned timeout_ms, int has_storage, int has_call);
void wt_follow_free(wt_follow *f);
void wt_follow_get_stats(wt_follow_stats *out, wt_follow *f);
/* chainHead_v1_storage `value` of `key` (0x-hex) at `at` (0x-hex block hash, pinned) or the best block */
int wt_follow_storage(wt_follow *f, wetee_buf *out, int *found, const char *key, const char *at);
/* chainHead_v1_storage `descendantsValues` of `prefix`: [[key, value], ...]
 * in key order, keys after `after` (or all when NULL), at most `keep` (0: all) */
int wt_follow_entries(wt_follow *f, json_t **pairs, const char *prefix, const char *after, size_t keep, const char *at);
/* chainHead_v1_call of `function` with SCALE arguments `args_hex` (0x-hex); the output bytes */
int wt_follow_call(wt_follow *f, wetee_buf *out, const char *function, const char *args_hex, const char *at);

#endif
