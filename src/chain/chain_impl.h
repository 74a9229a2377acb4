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

#endif
