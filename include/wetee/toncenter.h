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

/** @brief A message of a transaction as the v3 indexer lists it (plain value type). */
typedef struct wetee_toncenter_msg {
    uint8_t hash[32];              /**< message hash (representation hash of the message cell) */
    wetee_ton_address source;      /**< sender (when has_source) */
    wetee_ton_address destination; /**< recipient (when has_destination) */
    int has_source;                /**< 0: an inbound external message */
    int has_destination;           /**< 0: an outbound external message (a log) */
    wetee_u128 value;              /**< nanotons carried (0 for external messages) */
    uint64_t created_lt;           /**< logical time of creation (0 for inbound external messages) */
    int bounce;                    /**< 1: bounceable */
    int bounced;                   /**< 1: this is a bounced message coming back */
    int64_t opcode;                /**< the body's first 32 bits, or -1 when the indexer gives none */
} wetee_toncenter_msg;

/** @brief What wetee_toncenter_confirm() knows of a payment. */
typedef enum wetee_toncenter_payment_status {
    WETEE_TONCENTER_PAYMENT_UNKNOWN = 0,   /**< the indexer does not know the external message (yet) */
    WETEE_TONCENTER_PAYMENT_PENDING = 1,   /**< the wallet's transaction is known, the delivery not yet */
    WETEE_TONCENTER_PAYMENT_CONFIRMED = 2, /**< delivered: every transaction on the way found and not bounced */
    WETEE_TONCENTER_PAYMENT_FAILED = 3,    /**< a transaction on the way failed and nothing bounced (the wallet
                                                refused the request or sent nothing, a contract failed on a
                                                non-bounceable message) */
    WETEE_TONCENTER_PAYMENT_BOUNCED = 4    /**< the payment bounced: its value (less fees) returns to the sender */
} wetee_toncenter_payment_status;

/** @brief Version of wetee_toncenter_confirm_options understood by this release. */
#define WETEE_TONCENTER_CONFIRM_OPTIONS_VERSION 1u

/** @brief Options of wetee_toncenter_confirm(); start from WETEE_TONCENTER_CONFIRM_OPTIONS_INIT. */
typedef struct wetee_toncenter_confirm_options {
    unsigned version;    /**< WETEE_TONCENTER_CONFIRM_OPTIONS_VERSION */
    unsigned hops;       /**< internal messages followed after the wallet's transaction: 1 for a coin payment
                              (the recipient's transaction), 2 for a jetton payment (the payer's jetton wallet,
                              then the recipient's jetton wallet); 1..8 */
    unsigned timeout_ms; /**< give up after this long (0: query once, no waiting) */
    unsigned poll_ms;    /**< wait between indexer queries while a transaction is not indexed yet */
} wetee_toncenter_confirm_options;

/** @brief Defaults: one hop (a coin payment), 60 s timeout, a query every 1.5 s. */
#define WETEE_TONCENTER_CONFIRM_OPTIONS_INIT { WETEE_TONCENTER_CONFIRM_OPTIONS_VERSION, 1u, 60000u, 1500u }

/** @brief The outcome of wetee_toncenter_confirm(), with what is known (plain value type). */
typedef struct wetee_toncenter_confirmation {
    int status;                    /**< a wetee_toncenter_payment_status */
    unsigned hops;                 /**< transactions found after the wallet's (0..options.hops) */
    int has_wallet_tx;             /**< 1 when wallet_tx is valid */
    wetee_toncenter_tx wallet_tx;  /**< the wallet's transaction of the external message */
    int has_payment;               /**< 1 when payment is valid */
    wetee_toncenter_msg payment;   /**< the internal message the wallet sent (to the recipient, or to the
                                        payer's jetton wallet) */
    int has_last_tx;               /**< 1 when last_tx is valid */
    wetee_toncenter_tx last_tx;    /**< the last transaction found after the wallet's (the recipient's, or the
                                        recipient jetton wallet's, once confirmed) */
    int has_bounce;                /**< 1 when bounce is valid */
    wetee_toncenter_msg bounce;    /**< the bounced message going back (status BOUNCED) */
} wetee_toncenter_confirmation;

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

/**
 * @brief Parse a toncenter v3 answer that lists transactions
 *        (`transactionsByMessage`, `transactions`): the first transaction,
 *        its inbound message and its outbound messages. Pure (no network):
 *        for applications that fetch the answer themselves, and the parser
 *        wetee_toncenter_confirm() uses.
 * @param tx receives the transaction and its outcome.
 * @param in_msg receives its inbound message, or NULL.
 * @param out_msgs receives up to max_out outbound messages in the
 *        indexer's order, or NULL when max_out is 0.
 * @param max_out room in out_msgs.
 * @param out_count receives the number of outbound messages in the answer
 *        (may exceed max_out), or NULL.
 * @param json the answer (`{"transactions": [...], ...}`).
 * @param json_len its length, at most 16 MiB.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (an empty list); WETEE_ERR_DECODE
 *         (not JSON, a missing or mistyped field; the detail names it);
 *         WETEE_ERR_TOO_LONG; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_toncenter_parse_transaction(wetee_toncenter_tx *tx, wetee_toncenter_msg *in_msg,
                                                wetee_toncenter_msg *out_msgs, size_t max_out, size_t *out_count,
                                                const char *json, size_t json_len);

/**
 * @brief Confirm a payment sent as an external message: find the wallet's
 *        transaction by the message's TEP-467 normalised hash (v3
 *        `transactionsByMessage`), check that its compute and action phases
 *        succeeded and that it sent an internal message, then follow that
 *        message `hops` times to the transaction it caused (the first
 *        outbound message of each transaction on the way). A transaction
 *        that sends a bounced message back means BOUNCED; an intermediate
 *        transaction (a jetton wallet) must succeed; the last one must not
 *        bounce (a coin payment to an account without code is credited
 *        even though its compute phase is skipped). Polls every `poll_ms`
 *        while a transaction is not indexed, until `timeout_ms`.
 * @param out receives the outcome and everything found so far (also on
 *        failure and timeout).
 * @param c the client.
 * @param ext_hash the normalised hash of the external message
 *        (wetee_ton_wallet_sign_payment()).
 * @param opts options, or NULL for WETEE_TONCENTER_CONFIRM_OPTIONS_INIT.
 * @return WETEE_OK (CONFIRMED); WETEE_ERR_TIMEOUT (UNKNOWN or PENDING:
 *         `out` says how far it got); WETEE_ERR_STATE (FAILED or BOUNCED:
 *         the detail names the transaction, its exit or result code, and
 *         the bounced value); WETEE_ERR_NETWORK, WETEE_ERR_DECODE (a
 *         request failed: `out` keeps what was found before);
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_UNSUPPORTED (no network parts).
 */
WETEE_API int wetee_toncenter_confirm(wetee_toncenter_confirmation *out, wetee_toncenter *c, const uint8_t ext_hash[32],
                                      const wetee_toncenter_confirm_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_TONCENTER_H */
