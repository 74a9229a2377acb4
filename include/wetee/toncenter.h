/**
 * @file toncenter.h
 * @brief A blocking client of the toncenter HTTP APIs (libcurl): v2 to send
 *        a BOC, run get-methods (seqno, get_wallet_address) and read an
 *        account's state; v3 (the indexer) to find the transaction or the
 *        trace of a message by its hash and read its outcome.
 *
 * A payment goes out as: build and sign the external message (ton.h),
 * wetee_toncenter_send_boc() its BOC, then track it by the TEP-467
 * normalised hash of the message with wetee_toncenter_find_transaction()
 * or wetee_toncenter_find_trace() until the indexer has it (or poll
 * wetee_toncenter_seqno() until it moves).
 *
 * The API key, when given, is sent in the `X-API-Key` header. An HTTP 429
 * answer (rate limit) is retried after a back-off: the server's
 * `Retry-After` seconds when it sends them, else `backoff_ms` doubled on
 * every retry, each wait at most `max_backoff_ms`, and at most
 * `max_retries` retries; then the call fails with WETEE_ERR_NETWORK and a
 * detail saying the rate limit was hit. Other HTTP errors are not retried.
 *
 * Errors: WETEE_ERR_NETWORK for a transport failure, an HTTP error or an
 * answer with `"ok": false` (the detail gives the HTTP status and
 * toncenter's error text, e.g. "toncenter: sendBocReturnHash: HTTP 500:
 * LITE_SERVER_UNKNOWN: cannot apply external message"), WETEE_ERR_DECODE
 * for an answer that is not the JSON this client expects,
 * WETEE_ERR_NOT_FOUND when the indexer knows no such message (yet), and
 * WETEE_ERR_UNSUPPORTED in a build without the network parts
 * (WETEE_WITH_NETWORK off, as in the mobile preset).
 *
 * A client handle may be used from several threads: requests on one
 * handle are serialised.
 */
#ifndef WETEE_TONCENTER_H
#define WETEE_TONCENTER_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"
#include "wetee/ton.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A toncenter client (opaque; thread-safe). */
typedef struct wetee_toncenter wetee_toncenter;

/** @brief Version of wetee_toncenter_options understood by this release. */
#define WETEE_TONCENTER_OPTIONS_VERSION 1u

/** @brief Options of wetee_toncenter_new(); start from WETEE_TONCENTER_OPTIONS_INIT. */
typedef struct wetee_toncenter_options {
    unsigned version;        /**< WETEE_TONCENTER_OPTIONS_VERSION */
    const char *v2_url;      /**< v2 base URL; NULL: https://toncenter.com/api/v2 */
    const char *v3_url;      /**< v3 base URL; NULL: https://toncenter.com/api/v3 */
    const char *api_key;     /**< sent as `X-API-Key`; NULL: none */
    unsigned timeout_ms;     /**< whole-request timeout; 0: none */
    unsigned max_retries;    /**< retries after HTTP 429 (0: none) */
    unsigned backoff_ms;     /**< first wait after a 429 without Retry-After, doubled each time */
    unsigned max_backoff_ms; /**< longest single wait (also caps Retry-After) */
} wetee_toncenter_options;

/** @brief Defaults: toncenter.com, no key, 15 s timeout, 4 retries from 1 s up to 10 s. */
#define WETEE_TONCENTER_OPTIONS_INIT { WETEE_TONCENTER_OPTIONS_VERSION, NULL, NULL, NULL, 15000u, 4u, 1000u, 10000u }

/** @brief Account states (v2 getAddressInformation `state`). */
typedef enum wetee_toncenter_account_state {
    WETEE_TONCENTER_UNINITIALIZED = 0, /**< no code yet (a wallet before its first transfer), or no account */
    WETEE_TONCENTER_ACTIVE = 1,        /**< deployed */
    WETEE_TONCENTER_FROZEN = 2         /**< frozen for unpaid storage */
} wetee_toncenter_account_state;

/** @brief An account's state (plain value type). */
typedef struct wetee_toncenter_account {
    wetee_u128 balance;       /**< nanotons */
    int state;                /**< a wetee_toncenter_account_state */
    uint64_t last_lt;         /**< logical time of the last transaction (0: none) */
    uint8_t last_hash[32];    /**< hash of the last transaction (zeros: none) */
} wetee_toncenter_account;

/** @brief A transaction found by the indexer, with its outcome (plain value type). */
typedef struct wetee_toncenter_tx {
    wetee_ton_address account; /**< the account the transaction ran on */
    uint8_t hash[32];          /**< transaction hash */
    uint64_t lt;               /**< logical time */
    uint32_t utime;            /**< Unix time */
    int aborted;               /**< 1 if the transaction was aborted */
    int compute_success;       /**< 1 if the compute phase ran and succeeded */
    int exit_code;             /**< compute phase exit code (0 when skipped) */
    int action_success;        /**< 1 if the action phase ran and succeeded */
    int success;               /**< 1 if not aborted, the compute phase succeeded or was skipped (a plain
                                    transfer to an account without code) and the action phase, if any, succeeded */
} wetee_toncenter_tx;

/** @brief The trace (every transaction caused by one message) found by the indexer (plain value type). */
typedef struct wetee_toncenter_trace {
    uint8_t trace_id[32];      /**< the trace id (hash of its first transaction) */
    int complete;              /**< 1 when the indexer says the trace is complete */
    uint32_t transactions;     /**< transactions in the trace so far */
    uint32_t failed;           /**< of which aborted or with a failed compute or action phase */
    uint32_t pending_messages; /**< messages not yet processed */
} wetee_toncenter_trace;

/**
 * @brief Create a client.
 * @param out receives the client; free with wetee_toncenter_free().
 * @param opts options, or NULL for WETEE_TONCENTER_OPTIONS_INIT (the
 *        strings are copied).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, unknown options
 *         version, a URL that is not http:// or https://);
 *         WETEE_ERR_UNSUPPORTED (built without the network parts);
 *         WETEE_ERR_NETWORK (libcurl failed to initialise); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_toncenter_new(wetee_toncenter **out, const wetee_toncenter_options *opts);
/**
 * @brief Free a client (the API key copy is wiped).
 * @param c the client, or NULL (no-op).
 */
WETEE_API void wetee_toncenter_free(wetee_toncenter *c);

/**
 * @brief Send a message (v2 `sendBocReturnHash`).
 * @param hash receives the 32-byte hash toncenter returns for the message
 *        (of the message cell as sent; track it with the TEP-467
 *        normalised hash), or NULL.
 * @param c the client.
 * @param boc the BOC of the external message (wetee_ton_boc_serialize()).
 * @param boc_len its length (1..1 MiB).
 * @return WETEE_OK; WETEE_ERR_NETWORK (toncenter refused the message: the
 *         detail has its error); WETEE_ERR_DECODE; WETEE_ERR_TOO_LONG;
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_UNSUPPORTED.
 */
WETEE_API int wetee_toncenter_send_boc(uint8_t hash[32], wetee_toncenter *c, const uint8_t *boc, size_t boc_len);
/**
 * @brief Run a get-method (v2 `runGetMethod`).
 * @param result receives toncenter's `result` object as JSON text
 *        (`gas_used`, `stack`, `exit_code`, ...); free with wetee_buf_free().
 * @param exit_code receives the TVM exit code (0 or 1: success).
 * @param c the client.
 * @param address the contract address (any form wetee_ton_address_parse() takes).
 * @param method the get-method name.
 * @param stack_json the argument stack as toncenter's JSON array (e.g.
 *        `[["num", "0x5"]]`), or NULL for `[]`.
 * @return WETEE_OK (whatever the exit code); WETEE_ERR_NETWORK;
 *         WETEE_ERR_DECODE (bad address or stack JSON, unexpected answer);
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_UNSUPPORTED.
 */
WETEE_API int wetee_toncenter_run_get_method(wetee_buf *result, int *exit_code, wetee_toncenter *c, const char *address,
                                             const char *method, const char *stack_json);
/**
 * @brief A wallet's seqno: get-method `seqno`, or 0 when the account is
 *        not deployed yet (checked with getAddressState when the get-method
 *        fails).
 * @param seqno receives the seqno.
 * @param c the client.
 * @param address the wallet address.
 * @return WETEE_OK; WETEE_ERR_NETWORK (also: the get-method failed on a
 *         deployed account, with its exit code in the detail);
 *         WETEE_ERR_DECODE; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_UNSUPPORTED.
 */
WETEE_API int wetee_toncenter_seqno(uint32_t *seqno, wetee_toncenter *c, const char *address);
/**
 * @brief An owner's jetton wallet from the jetton master's get-method
 *        `get_wallet_address` (compare with wetee_ton_jetton_wallet_address()).
 * @param out receives the jetton wallet address.
 * @param c the client.
 * @param master the jetton master address.
 * @param owner the owner's address.
 * @return WETEE_OK; WETEE_ERR_NETWORK (also a non-zero exit code);
 *         WETEE_ERR_DECODE; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_UNSUPPORTED.
 */
WETEE_API int wetee_toncenter_jetton_wallet_address(wetee_ton_address *out, wetee_toncenter *c, const char *master,
                                                    const wetee_ton_address *owner);
/**
 * @brief An account's balance, state and last transaction (v2
 *        `getAddressInformation`).
 * @param out receives the state.
 * @param c the client.
 * @param address the account address.
 * @return WETEE_OK; WETEE_ERR_NETWORK; WETEE_ERR_DECODE;
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_UNSUPPORTED.
 */
WETEE_API int wetee_toncenter_account_info(wetee_toncenter_account *out, wetee_toncenter *c, const char *address);
/**
 * @brief The transaction that processed an inbound message, found by the
 *        message hash (v3 `transactionsByMessage`, direction in).
 * @param out receives the transaction and its outcome.
 * @param c the client.
 * @param msg_hash the message hash: for an external message sent by
 *        wetee_toncenter_send_boc(), its TEP-467 normalised hash.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (not indexed, or not yet);
 *         WETEE_ERR_NETWORK; WETEE_ERR_DECODE; WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_UNSUPPORTED.
 */
WETEE_API int wetee_toncenter_find_transaction(wetee_toncenter_tx *out, wetee_toncenter *c, const uint8_t msg_hash[32]);
/**
 * @brief The trace started by a message, found by the message hash (v3
 *        `traces`): complete or not, and how many of its transactions failed.
 * @param out receives the summary.
 * @param c the client.
 * @param msg_hash the message hash (as wetee_toncenter_find_transaction()).
 * @return as wetee_toncenter_find_transaction().
 */
WETEE_API int wetee_toncenter_find_trace(wetee_toncenter_trace *out, wetee_toncenter *c, const uint8_t msg_hash[32]);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_TONCENTER_H */
