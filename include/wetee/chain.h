/**
 * @file chain.h
 * @brief Chain client on top of the JSON-RPC client (rpc.h): connection to
 *        a Substrate chain with its genesis hash, runtime version, metadata
 *        and properties; nonces, fees, storage, constants, runtime API
 *        calls, events; submission and watching of transactions with their
 *        outcome; block subscriptions with reorg notifications; the legacy
 *        JSON-RPC methods or the new JSON-RPC spec (chainHead_v1,
 *        transaction_v1).
 *
 * @code
 * wetee_chain *c;
 * if (wetee_chain_connect(&c, "ws://127.0.0.1:9944", NULL) != WETEE_OK) { puts(wetee_last_error()); ... }
 * wetee_u128 free_balance;
 * wetee_chain_balance(&free_balance, c, "5GrwvaEF...");
 * wetee_buf result = WETEE_BUF_INIT;
 * wetee_chain_transfer(&result, c, alice, "5FHneW46...", amount, WETEE_TX_FINALIZED, 60000);
 * puts((char *)result.data);  // {"status":"finalized","success":true,"block":"0x..",...}
 * @endcode
 *
 * **Metadata.** On connect the client reads `Metadata_metadata_versions`
 * and takes the newest stable version it can parse (V16, V15, V14; the
 * unstable version u32::MAX is skipped) through
 * `Metadata_metadata_at_version`, else `state_getMetadata`. It is cached
 * in memory per spec version, and on disk when `cache_dir` is set; with
 * `metadata_path` it is read from a file instead (SCALE, hex, or a
 * JSON-RPC response; see wetee_metadata_parse()). Before a transaction is
 * built (wetee_chain_tx_new(), wetee_chain_transfer()) the runtime version
 * is read again; after a runtime upgrade the new metadata is loaded first.
 * Metadata handles given out stay valid until wetee_chain_free(), also
 * after an upgrade.
 *
 * **JSON-RPC spec.** With WETEE_CHAIN_RPC_AUTO the client uses the new
 * spec when `rpc_methods` lists `chainHead_v1_follow` and
 * `transaction_v1_broadcast` (or `transactionWatch_v1_submitAndWatch`),
 * else the legacy methods (`author_submitAndWatchExtrinsic`,
 * `chain_subscribeNewHeads`, ...). WETEE_CHAIN_RPC_LEGACY and
 * WETEE_CHAIN_RPC_NEW force the choice. On the new spec, a transaction is
 * watched with `transactionWatch_v1_submitAndWatch` when offered, otherwise
 * it is validated with `TaggedTransactionQueue_validate_transaction`, sent
 * with `transaction_v1_broadcast` and found in the bodies of the blocks a
 * `chainHead_v1_follow` subscription reports (pinned blocks are unpinned
 * once looked at; a `stop` event renews the subscription and rescans).
 *
 * **State reads on the new spec.** The chain keeps its own
 * `chainHead_v1_follow` subscription (withRuntime). Storage reads, paged
 * entries, runtime calls (also the runtime version, `Core_version`, and
 * the metadata) then use `chainHead_v1_storage` and `chainHead_v1_call` on
 * the best block it follows (`at` NULL) or on `at` when that block is
 * pinned; items come in `operationStorageItems` events, more after
 * `chainHead_v1_continue`, until `operationStorageDone`. Blocks are
 * unpinned once a later block is finalized or when pruned, but not while
 * a read uses them. After a `stop` event the subscription is renewed
 * before the next read. The legacy `state_*` method serves a read instead
 * when the block is not pinned (an older block), when the node lacks the
 * method or answers `limitReached`, `operationInaccessible` or an error
 * object, or when the subscription was stopped or lost during the read;
 * wetee_chain_get_stats() counts both. `chainHead_v1_storage` has no start
 * key: a page of wetee_chain_storage_entries_json() reads every entry
 * below the prefix and keeps the page (memory bounded by the page size).
 *
 * **Outcome of a transaction.** A watch reports its states
 * (wetee_tx_status). Once the transaction is in a block, the client reads
 * the block's events and gives those of the extrinsic, and whether it
 * succeeded (`System.ExtrinsicSuccess`) or failed
 * (`System.ExtrinsicFailed`, with the DispatchError decoded: for a module
 * error, the pallet and error name). A transaction is never resubmitted: a
 * lost connection ends its watch with WETEE_ERR_NETWORK and the last state
 * known.
 *
 * **Threads.** A wetee_chain may be used from several threads at once
 * (calls are serialised where they touch its cached state). Callbacks of
 * watches run on the thread that waits (wetee_chain_watch_wait()); those
 * of block subscriptions on the subscription's own thread. Neither may
 * call wetee_chain_free().
 *
 * JSON results follow value.h (polkadot.js `toJSON()` shapes, names as in
 * the metadata) and are NUL-terminated and owned by the caller.
 */
#ifndef WETEE_CHAIN_H
#define WETEE_CHAIN_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"
#include "wetee/keys.h"
#include "wetee/metadata.h"
#include "wetee/rpc.h"
#include "wetee/tx.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A connected chain (opaque, thread-safe). */
typedef struct wetee_chain wetee_chain;
/** @brief A watched transaction (opaque; one thread at a time). */
typedef struct wetee_chain_watch wetee_chain_watch;
/** @brief A block subscription (opaque). */
typedef struct wetee_chain_blocks wetee_chain_blocks;

/** @brief wetee_chain_options.rpc_spec: choose from `rpc_methods`. */
#define WETEE_CHAIN_RPC_AUTO 0
/** @brief wetee_chain_options.rpc_spec: legacy methods only. */
#define WETEE_CHAIN_RPC_LEGACY 1
/** @brief wetee_chain_options.rpc_spec: the new JSON-RPC spec (chainHead_v1, transaction_v1). */
#define WETEE_CHAIN_RPC_NEW 2

/** @brief Current version of wetee_chain_options. */
#define WETEE_CHAIN_OPTIONS_VERSION 1

/** @brief Options of wetee_chain_connect() and wetee_chain_new(); start from WETEE_CHAIN_OPTIONS_INIT. */
typedef struct wetee_chain_options {
    unsigned version;           /**< WETEE_CHAIN_OPTIONS_VERSION */
    int rpc_spec;               /**< WETEE_CHAIN_RPC_AUTO (default), _LEGACY or _NEW */
    const char *metadata_path;  /**< read the metadata from this file instead of the node, or NULL */
    const char *cache_dir;      /**< keep fetched metadata in this folder, one file per spec name and
                                     version (`<spec>-<version>.scale`), or NULL */
    unsigned timeout_ms;        /**< deadline of each request; 0: the rpc client's default */
    const wetee_rpc_options *rpc; /**< options of the rpc client made by wetee_chain_connect(), or NULL */
} wetee_chain_options;

/** @brief Initialiser of wetee_chain_options. */
#define WETEE_CHAIN_OPTIONS_INIT { WETEE_CHAIN_OPTIONS_VERSION, WETEE_CHAIN_RPC_AUTO, NULL, NULL, 0, NULL }

/* ------------------------------------------------------------------ */
/* Connection                                                          */
/* ------------------------------------------------------------------ */

/**
 * @brief Connect to a chain: make an rpc client for `urls` (wetee_rpc_new()
 *        with WETEE_RPC_CHECK_GENESIS), then wetee_chain_new() on it.
 * @param out receives the chain (NULL on error); free with wetee_chain_free().
 * @param urls one or more endpoints, as for wetee_rpc_new().
 * @param opts options, or NULL.
 * @return WETEE_OK; the errors of wetee_rpc_new() and wetee_chain_new().
 */
WETEE_API int wetee_chain_connect(wetee_chain **out, const char *urls, const wetee_chain_options *opts);

/**
 * @brief Open a chain over an existing rpc client: read the genesis hash,
 *        the runtime version, the metadata, the chain properties and
 *        `rpc_methods`.
 * @param out receives the chain (NULL on error).
 * @param rpc the client; borrowed: it must outlive the chain.
 * @param opts options (`rpc` is not used), or NULL.
 * @return WETEE_OK; the errors of wetee_rpc_call() (WETEE_ERR_NETWORK,
 *         WETEE_ERR_TIMEOUT, WETEE_ERR_RPC); WETEE_ERR_DECODE (an answer of
 *         the wrong shape, the detail names the method); as
 *         wetee_metadata_parse() for the metadata; WETEE_ERR_IO
 *         (`metadata_path` unreadable); WETEE_ERR_UNSUPPORTED (WETEE_CHAIN_RPC_NEW
 *         on a node without chainHead_v1); WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_chain_new(wetee_chain **out, wetee_rpc *rpc, const wetee_chain_options *opts);

/**
 * @brief Release a chain (and the rpc client wetee_chain_connect() made).
 *        Watches and block subscriptions still open are stopped (no
 *        callback runs after this returns; a later wetee_chain_watch_wait()
 *        gives WETEE_ERR_STATE); their handles stay valid for
 *        wetee_chain_watch_free() and wetee_chain_blocks_free().
 * @param c the chain, or NULL (no-op).
 */
WETEE_API void wetee_chain_free(wetee_chain *c);

/**
 * @brief The rpc client under the chain.
 * @param c the chain.
 * @return the client (owned by the chain or by the caller of wetee_chain_new()), or NULL.
 */
WETEE_API wetee_rpc *wetee_chain_rpc(wetee_chain *c);

/**
 * @brief The chain's genesis hash.
 * @param out receives 32 bytes.
 * @param c the chain.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_chain_genesis_hash(uint8_t out[32], wetee_chain *c);

/**
 * @brief The runtime version last read (see wetee_chain_refresh()).
 * @param spec_version receives spec_version; may be NULL.
 * @param transaction_version receives transaction_version; may be NULL.
 * @param c the chain.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_chain_runtime_version(uint32_t *spec_version, uint32_t *transaction_version, wetee_chain *c);

/**
 * @brief The metadata of the current runtime.
 * @param c the chain.
 * @return the metadata, valid until wetee_chain_free() (also after an
 *         upgrade); NULL for a NULL chain.
 */
WETEE_API const wetee_metadata *wetee_chain_metadata(wetee_chain *c);

/**
 * @brief The chain's properties: SS58 prefix (`ss58Format`, else the
 *        metadata's System.SS58Prefix, else 42), token decimals and symbol
 *        (the first ones when the chain lists several; 0 and "" when absent).
 * @param ss58 receives the prefix; may be NULL.
 * @param decimals receives the decimals; may be NULL.
 * @param symbol replaced with the NUL-terminated symbol; may be NULL.
 * @param c the chain.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_chain_properties(uint16_t *ss58, unsigned *decimals, wetee_buf *symbol, wetee_chain *c);

/**
 * @brief Whether the chain uses the new JSON-RPC spec (see the file comment).
 * @param c the chain.
 * @return 1 (new spec), 0 (legacy), or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_chain_uses_new_rpc(wetee_chain *c);

/**
 * @brief Read the runtime version; after an upgrade (another spec_version
 *        or transaction_version) load the new runtime's metadata.
 * @param upgraded receives 1 when the runtime changed since the last read, else 0; may be NULL.
 * @param c the chain.
 * @return WETEE_OK; as wetee_chain_new().
 */
WETEE_API int wetee_chain_refresh(int *upgraded, wetee_chain *c);

/** @brief Current version of wetee_chain_stats. */
#define WETEE_CHAIN_STATS_VERSION 1

/** @brief Counters of a chain (wetee_chain_get_stats()): which JSON-RPC
 *        methods served its reads. Start from WETEE_CHAIN_STATS_INIT. */
typedef struct wetee_chain_stats {
    unsigned version;         /**< WETEE_CHAIN_STATS_VERSION */
    uint64_t head_storage;    /**< storage reads served by `chainHead_v1_storage` */
    uint64_t head_calls;      /**< runtime calls served by `chainHead_v1_call` */
    uint64_t legacy_storage;  /**< storage reads sent to `state_getStorage` / `state_getKeysPaged` */
    uint64_t legacy_calls;    /**< runtime calls sent to `state_call` */
    uint64_t head_fallbacks;  /**< new-spec reads that went to the legacy method instead (block not
                                   pinned, limitReached, operationInaccessible, stop, lost connection) */
    uint64_t head_continues;  /**< `chainHead_v1_continue` requests */
    uint64_t follow_renewals; /**< follow subscriptions renewed after a `stop` event */
    uint64_t unpinned;        /**< blocks unpinned by the chain's follow subscription */
    uint64_t upgrades;        /**< runtime upgrades seen (new metadata loaded) */
} wetee_chain_stats;

/** @brief Initialiser of wetee_chain_stats. */
#define WETEE_CHAIN_STATS_INIT { WETEE_CHAIN_STATS_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/**
 * @brief The chain's counters since it was opened.
 * @param out receives them; its `version` must be WETEE_CHAIN_STATS_VERSION.
 * @param c the chain.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL, or another version).
 */
WETEE_API int wetee_chain_get_stats(wetee_chain_stats *out, wetee_chain *c);

/* ------------------------------------------------------------------ */
/* Reading state                                                       */
/* ------------------------------------------------------------------ */

/**
 * @brief Any JSON-RPC method, through the chain's rpc client.
 * @param out replaced with the result's JSON text (the error object with WETEE_ERR_RPC).
 * @param c the chain.
 * @param method the method name.
 * @param params JSON array or object, or NULL for none.
 * @return as wetee_rpc_call().
 */
WETEE_API int wetee_chain_request(wetee_buf *out, wetee_chain *c, const char *method, const char *params);

/**
 * @brief The account's next nonce, counting its transactions in the pool
 *        (`system_accountNextIndex`).
 * @param out receives the nonce.
 * @param c the chain.
 * @param address SS58 address (any prefix) or 0x-hex account id.
 * @return WETEE_OK; the errors of wetee_rpc_call(); WETEE_ERR_DECODE.
 */
WETEE_API int wetee_chain_account_nonce(uint64_t *out, wetee_chain *c, const char *address);

/**
 * @brief Free balance of an account (`System.Account` → `data.free`) at the best block.
 * @param out receives the balance.
 * @param c the chain.
 * @param address SS58 address or 0x-hex account id.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no System.Account or no `free`
 *         field); as wetee_chain_storage_json().
 */
WETEE_API int wetee_chain_balance(wetee_u128 *out, wetee_chain *c, const char *address);

/**
 * @brief Hash of a block by number, or of the best (`number` < 0) block.
 * @param out receives 32 bytes.
 * @param c the chain.
 * @param number the block number, or -1 for the best block, -2 for the last finalized block.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no such block); the errors of wetee_rpc_call().
 */
WETEE_API int wetee_chain_block_hash(uint8_t out[32], wetee_chain *c, int64_t number);

/**
 * @brief Header of a block as JSON (`chain_getHeader`: parentHash, number as 0x-hex, ...).
 * @param out replaced with the JSON text.
 * @param c the chain.
 * @param at 0x-hex block hash, or NULL for the best block.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND; the errors of wetee_rpc_call().
 */
WETEE_API int wetee_chain_header_json(wetee_buf *out, wetee_chain *c, const char *at);

/**
 * @brief Raw storage value at a block.
 * @param out replaced with the value's bytes (empty when absent).
 * @param found receives 1 when the key has a value, else 0; may be NULL.
 * @param c the chain.
 * @param key the storage key as 0x-hex.
 * @param at 0x-hex block hash, or NULL for the best block.
 * @return WETEE_OK; the errors of wetee_rpc_call(); WETEE_ERR_DECODE.
 */
WETEE_API int wetee_chain_storage_raw(wetee_buf *out, int *found, wetee_chain *c, const char *key, const char *at);

/**
 * @brief A storage value by pallet and entry name, decoded to JSON (the
 *        entry's default, or null for an Optional entry, when absent).
 * @param out replaced with the JSON text.
 * @param c the chain.
 * @param pallet pallet name ("System").
 * @param entry storage entry name ("Account").
 * @param keys_json JSON array of all the entry's keys (NULL or "[]" for a plain value).
 * @param at 0x-hex block hash, or NULL for the best block.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (unknown pallet or entry); as
 *         wetee_storage_key_json() and wetee_storage_value_decode_json();
 *         the errors of wetee_rpc_call().
 */
WETEE_API int wetee_chain_storage_json(wetee_buf *out, wetee_chain *c, const char *pallet, const char *entry,
                                       const char *keys_json, const char *at);

/**
 * @brief One page of a storage map: the entries under a key prefix, as a
 *        JSON array of `{"key": "0x..", "keys": [...], "value": ...}` in key
 *        order (`state_getKeysPaged` and `state_queryStorageAt`, or on the new
 *        spec `chainHead_v1_storage` with `descendantsValues`).
 * @param out replaced with the JSON text.
 * @param c the chain.
 * @param pallet pallet name.
 * @param entry storage map name.
 * @param prefix_keys_json JSON array of the first keys (NULL or "[]" for the whole map).
 * @param count page size, 1..1000.
 * @param start_key 0x-hex key to continue after (the last `key` of the previous page), or NULL.
 * @param at 0x-hex block hash, or NULL for the best block.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (count out of range); as
 *         wetee_chain_storage_json().
 */
WETEE_API int wetee_chain_storage_entries_json(wetee_buf *out, wetee_chain *c, const char *pallet, const char *entry,
                                               const char *prefix_keys_json, unsigned count, const char *start_key,
                                               const char *at);

/**
 * @brief A pallet constant decoded to JSON (from the metadata; no request).
 * @param out replaced with the JSON text.
 * @param c the chain.
 * @param pallet pallet name.
 * @param name constant name.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND; as wetee_constant_json().
 */
WETEE_API int wetee_chain_constant_json(wetee_buf *out, wetee_chain *c, const char *pallet, const char *name);

/**
 * @brief Call a runtime API method by name (`state_call`, or
 *        `chainHead_v1_call` on the new spec, see the file comment): the
 *        arguments are encoded with the method's input types and the output
 *        decoded with its output type, both from the metadata (V15 or later).
 * @param out replaced with the output as JSON.
 * @param c the chain.
 * @param api the runtime API ("TransactionPaymentApi").
 * @param method the method ("query_info").
 * @param args_json JSON array of the arguments in order, or object by
 *        name; NULL or "[]" for none.
 * @param at 0x-hex block hash, or NULL for the best block.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (unknown API or method, or V14
 *         metadata without runtime APIs); WETEE_ERR_DECODE (arguments that
 *         do not fit, an output that does not decode); the errors of
 *         wetee_rpc_call().
 */
WETEE_API int wetee_chain_runtime_call_json(wetee_buf *out, wetee_chain *c, const char *api, const char *method,
                                            const char *args_json, const char *at);

/**
 * @brief Events of a block (`System.Events`), as wetee_events_decode_json() writes them.
 * @param out replaced with the JSON array.
 * @param c the chain.
 * @param at 0x-hex block hash, or NULL for the best block.
 * @return WETEE_OK; as wetee_chain_storage_raw() and wetee_events_decode_json().
 */
WETEE_API int wetee_chain_events_json(wetee_buf *out, wetee_chain *c, const char *at);

/* ------------------------------------------------------------------ */
/* Transactions                                                        */
/* ------------------------------------------------------------------ */

/**
 * @brief A transaction builder for the current runtime (wetee_chain_refresh()
 *        first), with the genesis hash and runtime version set.
 * @param out receives the builder; free with wetee_tx_free().
 * @param c the chain.
 * @return WETEE_OK; as wetee_chain_refresh() and wetee_tx_new().
 */
WETEE_API int wetee_chain_tx_new(wetee_tx **out, wetee_chain *c);

/**
 * @brief Sign a transaction for the chain: the nonce from
 *        wetee_chain_account_nonce() of the signer, and, when `mortal_period`
 *        is non-zero, a mortal era from the best block.
 * @param out replaced with the signed extrinsic.
 * @param c the chain.
 * @param tx the builder (from wetee_chain_tx_new(), with its call set).
 * @param kp the signer.
 * @param mortal_period 0 for immortal, else the era's period in blocks.
 * @return WETEE_OK; as wetee_tx_sign() and wetee_chain_account_nonce().
 */
WETEE_API int wetee_chain_sign(wetee_buf *out, wetee_chain *c, wetee_tx *tx, const wetee_keypair *kp,
                               uint64_t mortal_period);

/**
 * @brief Fee estimate of an extrinsic: `TransactionPaymentApi_query_info`,
 *        decoded to JSON (`{"weight": {...}, "class": "Normal", "partial_fee": ...}`).
 * @param out replaced with the JSON text.
 * @param c the chain.
 * @param ext the signed extrinsic (with its length prefix).
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_TOO_LONG; as wetee_chain_runtime_call_json().
 */
WETEE_API int wetee_chain_fee_info_json(wetee_buf *out, wetee_chain *c, const uint8_t *ext, size_t len);

/**
 * @brief Fee breakdown of an extrinsic: `TransactionPaymentApi_query_fee_details` decoded to JSON.
 * @param out replaced with the JSON text.
 * @param c the chain.
 * @param ext the signed extrinsic.
 * @param len its length.
 * @return as wetee_chain_fee_info_json().
 */
WETEE_API int wetee_chain_fee_details_json(wetee_buf *out, wetee_chain *c, const uint8_t *ext, size_t len);

/**
 * @brief The `partial_fee` of wetee_chain_fee_info_json(): the fee the
 *        transaction pays without its tip.
 * @param out receives the fee.
 * @param c the chain.
 * @param ext the signed extrinsic.
 * @param len its length.
 * @return as wetee_chain_fee_info_json(); WETEE_ERR_DECODE (no partial_fee).
 */
WETEE_API int wetee_chain_estimate_fee(wetee_u128 *out, wetee_chain *c, const uint8_t *ext, size_t len);

/**
 * @brief Submit an extrinsic without watching it (`author_submitExtrinsic`,
 *        or `transaction_v1_broadcast` on the new spec).
 * @param hash receives the transaction hash (32 bytes); may be NULL.
 * @param c the chain.
 * @param ext the extrinsic.
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_RPC (the node refused it: the detail has its
 *         reason, e.g. `1010: {"invalid":{"badProof":null}}`); WETEE_ERR_TOO_LONG;
 *         the errors of wetee_rpc_call().
 */
WETEE_API int wetee_chain_submit(uint8_t *hash, wetee_chain *c, const uint8_t *ext, size_t len);

/** @brief States of a watched transaction. */
typedef enum wetee_tx_status {
    WETEE_TX_VALIDATED = 1,        /**< in the pool (legacy `ready`/`future`, new `validated`) */
    WETEE_TX_BROADCAST = 2,        /**< sent to peers */
    WETEE_TX_IN_BLOCK = 3,         /**< included in a best block */
    WETEE_TX_RETRACTED = 4,        /**< its block left the best chain (a reorg); it may be included again */
    WETEE_TX_FINALIZED = 5,        /**< its block is finalized (final state) */
    WETEE_TX_DROPPED = 6,          /**< dropped from the pool (final state) */
    WETEE_TX_INVALID = 7,          /**< invalid (final state; the reason is given) */
    WETEE_TX_USURPED = 8,          /**< replaced by another with the same nonce (final state) */
    WETEE_TX_FINALITY_TIMEOUT = 9, /**< not finalized in time (final state) */
    WETEE_TX_ERROR = 10            /**< the node or the connection failed (final state) */
} wetee_tx_status;

/**
 * @brief Name of a wetee_tx_status ("validated", "inBlock", "finalized", ...).
 * @param status the status.
 * @return a static string; "unknown" for other values.
 */
WETEE_API const char *wetee_tx_status_name(int status);

/**
 * @brief Watch callback: one call per state.
 * @param ctx the `ctx` given to wetee_chain_submit_watch().
 * @param status a wetee_tx_status.
 * @param json the state as JSON (see wetee_chain_watch_wait()); NUL-terminated, valid during the call.
 */
typedef void (*wetee_chain_tx_fn)(void *ctx, int status, const char *json);

/**
 * @brief Submit an extrinsic and start watching it.
 * @param out receives the watch; free with wetee_chain_watch_free().
 * @param c the chain.
 * @param ext the extrinsic.
 * @param len its length.
 * @param cb called for each state from wetee_chain_watch_wait(), or NULL.
 * @param ctx passed to `cb`.
 * @return WETEE_OK; WETEE_ERR_RPC (refused at submission; the detail has
 *         the node's reason); WETEE_ERR_TOO_LONG; the errors of wetee_rpc_subscribe().
 */
WETEE_API int wetee_chain_submit_watch(wetee_chain_watch **out, wetee_chain *c, const uint8_t *ext, size_t len,
                                       wetee_chain_tx_fn cb, void *ctx);

/**
 * @brief Wait until the transaction reaches `until` (WETEE_TX_IN_BLOCK or
 *        WETEE_TX_FINALIZED) or a final state, then give its outcome:
 * @code
 * {"status":"finalized","hash":"0x<tx hash>","block":"0x..","blockNumber":12,"index":2,
 *  "success":false,"error":{"kind":"Module","pallet":"Balances","error":"FundsUnavailable",...},
 *  "events":[...events of the extrinsic...],"reason":null}
 * @endcode
 * (`error` as wetee_dispatch_error_json() writes it; `reason` the node's
 * reason for invalid, dropped and error states). May be called again with
 * a later `until`.
 * @param result replaced with the JSON text; may be NULL.
 * @param w the watch.
 * @param until WETEE_TX_IN_BLOCK or WETEE_TX_FINALIZED.
 * @param timeout_ms how long to wait; 0 waits without limit.
 * @return WETEE_OK (the state was reached; see `success` for the dispatch
 *         outcome); WETEE_ERR_RPC (invalid, dropped, usurped or an error
 *         from the node; the detail gives the reason); WETEE_ERR_TIMEOUT;
 *         WETEE_ERR_NETWORK (the connection was lost: the transaction is
 *         not resubmitted, `status` says what was known);
 *         WETEE_ERR_STATE (the chain was freed); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_chain_watch_wait(wetee_buf *result, wetee_chain_watch *w, int until, unsigned timeout_ms);

/**
 * @brief Stop watching (unsubscribe) and free the watch.
 * @param w the watch, or NULL (no-op).
 */
WETEE_API void wetee_chain_watch_free(wetee_chain_watch *w);

/**
 * @brief wetee_chain_submit_watch() then wetee_chain_watch_wait().
 * @param result replaced with the outcome JSON; may be NULL.
 * @param c the chain.
 * @param ext the extrinsic.
 * @param len its length.
 * @param until WETEE_TX_IN_BLOCK or WETEE_TX_FINALIZED.
 * @param timeout_ms deadline; 0 waits without limit.
 * @return as wetee_chain_submit_watch() and wetee_chain_watch_wait().
 */
WETEE_API int wetee_chain_submit_and_watch(wetee_buf *result, wetee_chain *c, const uint8_t *ext, size_t len,
                                           int until, unsigned timeout_ms);

/**
 * @brief Transfer with `Balances.transfer_keep_alive` (or
 *        `transfer_allow_death` when `allow_death` is set): build, sign with
 *        the chain's nonce, submit and watch.
 * @param result replaced with the outcome JSON; may be NULL.
 * @param c the chain.
 * @param from the signer.
 * @param dest SS58 address or 0x-hex account id.
 * @param amount the amount in the chain's smallest unit.
 * @param allow_death non-zero to allow the sender's account to be reaped.
 * @param until WETEE_TX_IN_BLOCK or WETEE_TX_FINALIZED.
 * @param timeout_ms deadline; 0 waits without limit.
 * @return as wetee_chain_sign() and wetee_chain_submit_and_watch(); a
 *         failed dispatch is WETEE_OK with `"success":false`.
 */
WETEE_API int wetee_chain_transfer(wetee_buf *result, wetee_chain *c, const wetee_keypair *from, const char *dest,
                                   wetee_u128 amount, int allow_death, int until, unsigned timeout_ms);

/* ------------------------------------------------------------------ */
/* Block subscriptions                                                 */
/* ------------------------------------------------------------------ */

/** @brief What a wetee_chain_block_fn reports. */
typedef enum wetee_chain_block_kind {
    WETEE_BLOCK_NEW = 1,       /**< a new block (`hash`, `number`, `parent`; `events` with WETEE_FOLLOW_EVENTS) */
    WETEE_BLOCK_FINALIZED = 2, /**< a block was finalized */
    WETEE_BLOCK_RETRACTED = 3, /**< a block reported before left the best chain (reorg or pruning):
                                    its events are withdrawn */
    WETEE_BLOCK_GAP = 4,       /**< blocks may have been missed (`from`, `to` numbers; after a reconnection
                                    the client fetches and reports them as NEW when it can) */
    WETEE_BLOCK_STOPPED = 5    /**< the subscription ended (`reason`); no callback follows */
} wetee_chain_block_kind;

/** @brief wetee_chain_blocks_subscribe() flag: give each new block's events. */
#define WETEE_FOLLOW_EVENTS 1u

/**
 * @brief Block callback, on the subscription's own thread.
 * @param ctx the `ctx` given to wetee_chain_blocks_subscribe().
 * @param kind a wetee_chain_block_kind.
 * @param json `{"hash": "0x..", "number": 12, "parent": "0x..", "events": [...]}`
 *        (NUL-terminated, valid during the call).
 */
typedef void (*wetee_chain_block_fn)(void *ctx, int kind, const char *json);

/**
 * @brief Follow the chain's blocks: new best blocks in order (a block's
 *        parent is always reported before it), finalized blocks, and
 *        blocks retracted by a reorg.
 * @param out receives the subscription; free with wetee_chain_blocks_free().
 * @param c the chain.
 * @param flags WETEE_FOLLOW_EVENTS, or 0.
 * @param cb the callback (not NULL).
 * @param ctx passed to `cb`.
 * @return WETEE_OK; the errors of wetee_rpc_subscribe(); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_chain_blocks_subscribe(wetee_chain_blocks **out, wetee_chain *c, unsigned flags, wetee_chain_block_fn cb,
                                 void *ctx);

/**
 * @brief Stop following and free the subscription; no callback runs after it returns.
 * @param f the subscription, or NULL (no-op).
 */
WETEE_API void wetee_chain_blocks_free(wetee_chain_blocks *f);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_CHAIN_H */
