/**
 * @file pay.h
 * @brief Payments in many tokens: a token registry (native coins, Polkadot
 *        assets by id or XCM Location, orml currencies, TON's coin and
 *        jettons), exact amounts, routes chosen from a chain's metadata,
 *        checks before submission, confirmation, and receipts.
 *
 * @code
 * wetee_token_registry *reg;
 * wetee_token_registry_new(&reg, 0);                     // the built-in tokens
 * const wetee_token *dot;
 * wetee_token_lookup(&dot, reg, "polkadot", WETEE_TOKEN_NATIVE, NULL);
 * wetee_u128 amount;
 * wetee_amount_parse(&amount, dot, "1.5 DOT", SIZE_MAX); // 15000000000
 *
 * wetee_payer *payer;
 * wetee_payer_new(&payer, reg);
 * wetee_payer_add_substrate(payer, "polkadot", chain, alice);
 * wetee_pay_receipt *r = NULL;
 * int rc = wetee_pay(&r, payer, dot, amount, "5FHneW46...", "order-42", NULL);
 * wetee_buf json = WETEE_BUF_INIT;
 * if (r) wetee_pay_receipt_to_json(&json, r);            // also when rc != WETEE_OK
 * @endcode
 *
 * **Tokens are identified by chain and on-chain id**, never by a symbol
 * alone: a jetton that calls itself GRAM is not TON's coin, and USDT on
 * Polkadot Asset Hub is not USDT on TON. A wetee_token is an entry of a
 * registry: (chain, kind, id) is unique in it, the symbol is not.
 * wetee_token_lookup_symbol() needs the chain and fails, naming the
 * candidates, when the symbol is ambiguous on that chain. Payment
 * functions take a wetee_token, never a symbol.
 *
 * Built-in entries (chain names are lower-case words the caller uses when
 * adding a chain to a payer):
 *
 * | chain | kind | id | symbol | decimals |
 * | --- | --- | --- | --- | --- |
 * | polkadot | native | | DOT | 10 |
 * | kusama | native | | KSM | 12 |
 * | paseo | native | | PAS | 10 |
 * | wetee | native | | WTE | 12 |
 * | polkadot-asset-hub | native | | DOT | 10 |
 * | polkadot-asset-hub | asset | 1984 | USDT | 6 |
 * | polkadot-asset-hub | asset | 1337 | USDC | 6 |
 * | kusama-asset-hub | native | | KSM | 12 |
 * | kusama-asset-hub | asset | 1984 | USDT | 6 |
 * | paseo-asset-hub | native | | PAS | 10 |
 * | ton | ton | | GRAM (alias TON) | 9 |
 * | ton-testnet | ton | | GRAM (alias TON) | 9 |
 * | ton | jetton | 0:b113a994…c06c (EQCxE6mU…sDs) | USDT | 6 |
 *
 * **On-chain ids** are given as text and kept in a canonical form:
 * - WETEE_TOKEN_NATIVE, WETEE_TOKEN_TON: none (NULL or "");
 * - WETEE_TOKEN_ASSET: the pallet-assets id as a decimal integer below
 *   2^128 ("1984"; leading zeros are refused);
 * - WETEE_TOKEN_FOREIGN_ASSET: the XCM Location as JSON
 *   (`{"parents":1,"interior":{"X1":[{"Parachain":2011}]}}`), kept compact
 *   with sorted keys, so equal Locations are equal ids;
 * - WETEE_TOKEN_CURRENCY: the orml-tokens currency id as JSON of the
 *   runtime's CurrencyId type (`0`, `{"Token":"KSM"}`), canonical likewise;
 * - WETEE_TOKEN_JETTON: the jetton minter's address in any form, kept in
 *   raw form (`0:<64 hex>`).
 *
 * **Amounts** are integers in base units (wetee_u128); text is parsed and
 * formatted exactly with the token's decimals (wetee_amount_parse(),
 * wetee_amount_format()); there is no floating point anywhere.
 *
 * **Substrate routes** are chosen from the chain's metadata:
 * - native: `Balances.transfer_keep_alive` (`transfer_allow_death` with
 *   WETEE_PAY_ALLOW_DEATH; `transfer` on old runtimes);
 * - asset: `Assets.transfer_keep_alive` (`transfer` with WETEE_PAY_ALLOW_DEATH);
 * - foreign asset: `ForeignAssets.transfer_keep_alive` / `transfer`;
 * - currency: `Tokens.transfer_keep_alive` / `transfer` (orml-tokens),
 *   else `WeTEEAsset.transfer` / `Currencies.transfer`.
 *
 * With a memo and WETEE_PAY_MEMO_REMARK the transfer is sent as
 * `Utility.batch_all([transfer, System.remark_with_event(memo)])`, so the
 * memo is on chain; otherwise the memo is only in the receipt. A fee may be
 * paid in an asset (wetee_pay_options.fee_token, `ChargeAssetTxPayment`);
 * the fee is then quoted in that asset before signing, through the
 * runtime's `AssetConversionApi` when it has one.
 *
 * **Checks before submission** (Substrate): the sender's free balance must
 * cover the amount (and the fee when paid in the same token); a transfer
 * that would leave the sender below the existential deposit (or the
 * asset's `min_balance`) is refused unless WETEE_PAY_ALLOW_DEATH; a payment
 * that would leave a receiver's new balance below the existential deposit
 * is refused. **Confirmation**: the including block (or the finalized one
 * with WETEE_PAY_FINALIZED) and the matching `Transfer`, `Transferred` or
 * `Issued` event of the extrinsic, which goes into the receipt.
 *
 * **Failures** come back as a status code with wetee_last_error() and,
 * once the request was understood, as a receipt whose
 * wetee_pay_receipt_failure() says what happened (wetee_pay_failure) and
 * which records what is known (the transaction hash once submitted, the
 * block once included, the chain's error).
 *
 * Threads: a registry may be shared read-only between threads once no
 * more entries are added; a payer and a receipt are used by one thread at
 * a time.
 */
#ifndef WETEE_PAY_H
#define WETEE_PAY_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/chain.h"
#include "wetee/core.h"
#include "wetee/keys.h"
#include "wetee/metadata.h"
#include "wetee/toncenter.h"
#include "wetee/tx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Token registry                                                      */
/* ------------------------------------------------------------------ */

/** @brief A set of tokens (opaque). */
typedef struct wetee_token_registry wetee_token_registry;
/** @brief One token of a registry (opaque; valid as long as its registry). */
typedef struct wetee_token wetee_token;

/** @brief Kinds of token (wetee_token_kind()). */
typedef enum wetee_token_kind {
    WETEE_TOKEN_NATIVE = 1,        /**< a Substrate chain's native token (Balances) */
    WETEE_TOKEN_ASSET = 2,         /**< a pallet-assets asset by its local id */
    WETEE_TOKEN_FOREIGN_ASSET = 3, /**< a ForeignAssets asset by its XCM Location */
    WETEE_TOKEN_CURRENCY = 4,      /**< an orml-tokens currency (WeTEEAsset, Tokens) by its currency id */
    WETEE_TOKEN_TON = 5,           /**< TON's native coin (Gram, 9 decimals) */
    WETEE_TOKEN_JETTON = 6         /**< a TON jetton by its minter address */
} wetee_token_kind;

/** @brief wetee_token_registry_new() flag: start empty (no built-in entries). */
#define WETEE_TOKEN_REGISTRY_EMPTY 1u
/** @brief Largest number of decimals of a token. */
#define WETEE_TOKEN_MAX_DECIMALS 38
/** @brief Longest chain name (bytes). */
#define WETEE_TOKEN_MAX_CHAIN 64
/** @brief Longest symbol (bytes). */
#define WETEE_TOKEN_MAX_SYMBOL 32
/** @brief Longest on-chain id text (bytes). */
#define WETEE_TOKEN_MAX_ID 4096

/**
 * @brief Make a registry with the built-in tokens (see the file comment),
 *        or an empty one.
 * @param out receives the registry; free with wetee_token_registry_free().
 * @param flags WETEE_TOKEN_REGISTRY_EMPTY, or 0.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, unknown flag);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_token_registry_new(wetee_token_registry **out, unsigned flags);

/**
 * @brief Release a registry and its tokens.
 * @param reg the registry, or NULL (no-op).
 */
WETEE_API void wetee_token_registry_free(wetee_token_registry *reg);

/**
 * @brief Add a token.
 * @param out receives the new entry (owned by the registry); may be NULL.
 * @param reg the registry.
 * @param chain chain name: 1..WETEE_TOKEN_MAX_CHAIN bytes of `a-z 0-9 - _ .`.
 * @param kind a wetee_token_kind.
 * @param id the on-chain id as the file comment describes (NULL or "" for
 *        native tokens).
 * @param symbol 1..WETEE_TOKEN_MAX_SYMBOL printable ASCII bytes without spaces.
 * @param decimals 0..WETEE_TOKEN_MAX_DECIMALS.
 * @return WETEE_OK; WETEE_ERR_STATE (the registry already has a token
 *         with this chain, kind and id; the detail names it);
 *         WETEE_ERR_DECODE (a bad chain name, symbol or id, e.g. an asset
 *         id that is not a decimal number, a Location that is not JSON, a
 *         bad minter address); WETEE_ERR_OVERFLOW (an asset id above
 *         2^128-1); WETEE_ERR_TOO_LONG (a name, symbol or id above its
 *         limit); WETEE_ERR_INVALID_ARGUMENT (NULL reg, chain or symbol, an
 *         unknown kind, an id given to a native token, decimals above
 *         WETEE_TOKEN_MAX_DECIMALS); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_token_registry_add(const wetee_token **out, wetee_token_registry *reg, const char *chain, int kind,
                                       const char *id, const char *symbol, unsigned decimals);

/**
 * @brief Add tokens from JSON: an array of
 *        `{"chain": "...", "kind": "asset", "id": "...", "symbol": "...", "decimals": 6}`
 *        (kind as wetee_token_kind_name() gives it; `id` a string, or for
 *        foreign assets and currencies any JSON value). All entries are
 *        checked first: on error nothing is added.
 * @param reg the registry.
 * @param json the text (not necessarily NUL-terminated).
 * @param len its length, or SIZE_MAX when NUL-terminated.
 * @return WETEE_OK; WETEE_ERR_DECODE (not JSON, a missing or mistyped
 *         field, with the entry's index); as wetee_token_registry_add();
 *         WETEE_ERR_TOO_LONG (more than 1 MiB).
 */
WETEE_API int wetee_token_registry_add_json(wetee_token_registry *reg, const char *json, size_t len);

/**
 * @brief Number of tokens in a registry.
 * @param reg the registry.
 * @return the count; 0 for NULL.
 */
WETEE_API size_t wetee_token_registry_count(const wetee_token_registry *reg);

/**
 * @brief A token by position (in the order they were added).
 * @param reg the registry.
 * @param i 0..count-1.
 * @return the token, or NULL when out of range.
 */
WETEE_API const wetee_token *wetee_token_registry_at(const wetee_token_registry *reg, size_t i);

/**
 * @brief Find a token by chain, kind and on-chain id (the id in any form
 *        wetee_token_registry_add() accepts; it is made canonical first).
 * @param out receives the token.
 * @param reg the registry.
 * @param chain the chain name.
 * @param kind a wetee_token_kind.
 * @param id the on-chain id (NULL or "" for native tokens).
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no such token; the detail names
 *         what was looked for); as wetee_token_registry_add() for a bad
 *         id; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_token_lookup(const wetee_token **out, const wetee_token_registry *reg, const char *chain, int kind,
                                 const char *id);

/**
 * @brief Find a token by symbol on one chain. The symbol matches a
 *        token's symbol or one of its aliases (TON for GRAM), ASCII case
 *        ignored. A symbol never names a token without its chain.
 * @param out receives the token.
 * @param reg the registry.
 * @param chain the chain name (required).
 * @param symbol the symbol.
 * @return WETEE_OK (exactly one token matches); WETEE_ERR_NOT_FOUND (none);
 *         WETEE_ERR_STATE (several tokens on that chain have this symbol:
 *         the detail lists them; look the token up by its id instead);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL argument).
 */
WETEE_API int wetee_token_lookup_symbol(const wetee_token **out, const wetee_token_registry *reg, const char *chain,
                                        const char *symbol);

/**
 * @brief The token's chain name.
 * @param t the token.
 * @return a string owned by the registry; "" for NULL.
 */
WETEE_API const char *wetee_token_chain(const wetee_token *t);
/**
 * @brief The token's kind.
 * @param t the token.
 * @return a wetee_token_kind; 0 for NULL.
 */
WETEE_API int wetee_token_kind_of(const wetee_token *t);
/**
 * @brief The token's canonical on-chain id ("" for native tokens).
 * @param t the token.
 * @return a string owned by the registry; "" for NULL.
 */
WETEE_API const char *wetee_token_id(const wetee_token *t);
/**
 * @brief The token's symbol.
 * @param t the token.
 * @return a string owned by the registry; "" for NULL.
 */
WETEE_API const char *wetee_token_symbol(const wetee_token *t);
/**
 * @brief The token's decimals.
 * @param t the token.
 * @return 0..WETEE_TOKEN_MAX_DECIMALS; 0 for NULL.
 */
WETEE_API unsigned wetee_token_decimals(const wetee_token *t);
/**
 * @brief Name of a token kind: "native", "asset", "foreign_asset",
 *        "currency", "ton", "jetton".
 * @param kind a wetee_token_kind.
 * @return a static string; "unknown" for other values.
 */
WETEE_API const char *wetee_token_kind_name(int kind);
/**
 * @brief The token as JSON:
 *        `{"chain":"polkadot-asset-hub","kind":"asset","id":"1984","symbol":"USDT","decimals":6}`
 *        (`id` is a string, also for JSON ids; `aliases` is added when the
 *        token has any).
 * @param out replaced with the NUL-terminated JSON.
 * @param t the token.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_token_to_json(wetee_buf *out, const wetee_token *t);

/* ------------------------------------------------------------------ */
/* Amounts                                                             */
/* ------------------------------------------------------------------ */

/** @brief wetee_amount_format() flag: the number only, without " SYMBOL". */
#define WETEE_AMOUNT_NO_SYMBOL 1u

/**
 * @brief Parse a human amount of a token into base units: "1.5",
 *        "1.5 DOT" or "1.5DOT" (the symbol is optional; when present it
 *        must be the token's symbol or alias, ASCII case ignored; at most
 *        one space before it). The number follows wetee_u128_from_decimal():
 *        digits, optionally a point and digits; no sign, exponent or
 *        separators; at most the token's decimals after the point.
 * @param out receives the amount; untouched on error.
 * @param t the token.
 * @param text the text.
 * @param len its length, or SIZE_MAX when NUL-terminated.
 * @return WETEE_OK; WETEE_ERR_DECODE (empty, a bad character or shape, a
 *         symbol that is not the token's, with the offset);
 *         WETEE_ERR_NON_CANONICAL (more fraction digits than the token's
 *         decimals); WETEE_ERR_OVERFLOW (above 2^128-1 base units);
 *         WETEE_ERR_TOO_LONG (above 256 bytes); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_amount_parse(wetee_u128 *out, const wetee_token *t, const char *text, size_t len);

/**
 * @brief Format base units of a token: 15000000000 of DOT gives "1.5 DOT"
 *        (trailing fraction zeros removed; "0 DOT" for zero).
 * @param out replaced with the NUL-terminated text.
 * @param t the token.
 * @param amount the amount in base units.
 * @param flags WETEE_AMOUNT_NO_SYMBOL, or 0.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out or t, unknown
 *         flag); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_amount_format(wetee_buf *out, const wetee_token *t, wetee_u128 amount, unsigned flags);

/* ------------------------------------------------------------------ */
/* Receipts                                                            */
/* ------------------------------------------------------------------ */

/** @brief The record of a payment (opaque; one thread at a time). */
typedef struct wetee_pay_receipt wetee_pay_receipt;

/** @brief What went wrong with a payment (wetee_pay_receipt_failure()). */
typedef enum wetee_pay_failure {
    WETEE_PAY_OK = 0,                   /**< the payment is confirmed */
    WETEE_PAY_INSUFFICIENT_BALANCE = 1, /**< the sender cannot cover amount (and fee): refused before submission,
                                             or the chain's module error (detail) */
    WETEE_PAY_SENDER_REAPED = 2,        /**< the sender would drop below the existential deposit / min_balance:
                                             refused before submission */
    WETEE_PAY_BELOW_MINIMUM = 3,        /**< the receiver's balance would stay below the existential deposit /
                                             min_balance: refused before submission */
    WETEE_PAY_UNKNOWN_TOKEN = 4,        /**< the chain does not know the token (no such asset, no pallet for it) */
    WETEE_PAY_NO_ROUTE = 5,             /**< the payer has no connection for the token's chain */
    WETEE_PAY_REJECTED = 6,             /**< the node refused the transaction (invalid, dropped, usurped) */
    WETEE_PAY_DISPATCH_FAILED = 7,      /**< included, but the call failed on chain (the error is recorded) */
    WETEE_PAY_BOUNCED = 8,              /**< a TON message bounced, or its compute or action phase failed */
    WETEE_PAY_TIMEOUT = 9,              /**< no confirmation in time: the receipt says what is known */
    WETEE_PAY_NETWORK = 10,             /**< the connection failed: the receipt says what is known */
    WETEE_PAY_FEE_TOO_HIGH = 11,        /**< the quoted fee is above wetee_pay_options.max_fee */
    WETEE_PAY_ERROR = 12                /**< another error (see the status code and detail) */
} wetee_pay_failure;

/**
 * @brief Name of a wetee_pay_failure ("ok", "insufficient_balance",
 *        "sender_reaped", "below_minimum", "unknown_token", "no_route",
 *        "rejected", "dispatch_failed", "bounced", "timeout", "network",
 *        "fee_too_high", "error").
 * @param failure the value.
 * @return a static string; "unknown" for other values.
 */
WETEE_API const char *wetee_pay_failure_name(int failure);

/**
 * @brief Release a receipt.
 * @param r the receipt, or NULL (no-op).
 */
WETEE_API void wetee_pay_receipt_free(wetee_pay_receipt *r);

/**
 * @brief The receipt as JSON:
 * @code
 * {"status":"finalized","failure":"ok","chain":"polkadot",
 *  "token":{"chain":"polkadot","kind":"native","id":"","symbol":"DOT","decimals":10},
 *  "amount":"15000000000","amount_text":"1.5 DOT","payer":"5Grw...","payee":"5FHn...",
 *  "memo":"order-42","tx_hash":"0x...","block_hash":"0x...","block_number":12,
 *  "logical_time":null,"route":"Balances.transfer_keep_alive","fee":"1234",
 *  "event":{...the matching event...},"error":null}
 * @endcode
 * Amounts are decimal strings (u128 does not fit a JSON number exactly);
 * fields that are not known are null. `status` is "inBlock", "finalized"
 * or, on TON, "confirmed" for a confirmed payment; "refused" (not sent),
 * "submitted" (sent, outcome unknown), "failed" otherwise. `logical_time`
 * is a TON transaction's lt (a decimal string).
 * @param out replaced with the NUL-terminated JSON.
 * @param r the receipt.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_pay_receipt_to_json(wetee_buf *out, const wetee_pay_receipt *r);

/**
 * @brief The failure recorded in a receipt.
 * @param r the receipt.
 * @return a wetee_pay_failure (WETEE_PAY_OK for a confirmed payment);
 *         WETEE_PAY_ERROR for NULL.
 */
WETEE_API int wetee_pay_receipt_failure(const wetee_pay_receipt *r);

/**
 * @brief The amount paid, in base units.
 * @param r the receipt.
 * @return the amount; 0 for NULL.
 */
WETEE_API wetee_u128 wetee_pay_receipt_amount(const wetee_pay_receipt *r);

/** @brief wetee_pay_receipt_field(): the chain name. */
#define WETEE_RECEIPT_CHAIN 1
/** @brief wetee_pay_receipt_field(): the amount as text ("1.5 DOT"). */
#define WETEE_RECEIPT_AMOUNT_TEXT 2
/** @brief wetee_pay_receipt_field(): the payer's address. */
#define WETEE_RECEIPT_PAYER 3
/** @brief wetee_pay_receipt_field(): the payee's address. */
#define WETEE_RECEIPT_PAYEE 4
/** @brief wetee_pay_receipt_field(): the memo. */
#define WETEE_RECEIPT_MEMO 5
/** @brief wetee_pay_receipt_field(): the transaction hash (0x-hex on Substrate; TON: as the route documents). */
#define WETEE_RECEIPT_TX_HASH 6
/** @brief wetee_pay_receipt_field(): the including block's hash. */
#define WETEE_RECEIPT_BLOCK_HASH 7
/** @brief wetee_pay_receipt_field(): the status ("inBlock", "finalized", "confirmed", "refused", ...). */
#define WETEE_RECEIPT_STATUS 8
/** @brief wetee_pay_receipt_field(): the route ("Balances.transfer_keep_alive", "ton", "jetton", ...). */
#define WETEE_RECEIPT_ROUTE 9
/** @brief wetee_pay_receipt_field(): the matching event as JSON. */
#define WETEE_RECEIPT_EVENT 10
/** @brief wetee_pay_receipt_field(): the error as text (the chain's module error, the refusal). */
#define WETEE_RECEIPT_ERROR 11
/** @brief wetee_pay_receipt_field(): the token's symbol. */
#define WETEE_RECEIPT_SYMBOL 12
/** @brief wetee_pay_receipt_field(): the fee paid or quoted, base units as decimal text. */
#define WETEE_RECEIPT_FEE 13

/**
 * @brief A text field of a receipt.
 * @param r the receipt.
 * @param field one of the WETEE_RECEIPT_* values.
 * @return a string owned by the receipt, or NULL when the field is not
 *         known (or r is NULL, or field unknown).
 */
WETEE_API const char *wetee_pay_receipt_field(const wetee_pay_receipt *r, int field);

/**
 * @brief The including block's number (Substrate) or the transaction's
 *        logical time (TON).
 * @param out receives the number.
 * @param r the receipt.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (not known);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_pay_receipt_block_number(uint64_t *out, const wetee_pay_receipt *r);

/* ------------------------------------------------------------------ */
/* Paying                                                              */
/* ------------------------------------------------------------------ */

/** @brief A set of connections and signers to pay with (opaque; one thread at a time). */
typedef struct wetee_payer wetee_payer;

/** @brief wetee_pay_options.flags: wait for finality (default: the including block). */
#define WETEE_PAY_FINALIZED 1u
/** @brief wetee_pay_options.flags: allow the sender's account to be reaped (transfer_allow_death). */
#define WETEE_PAY_ALLOW_DEATH 2u
/** @brief wetee_pay_options.flags: put the memo on chain (Substrate: Utility.batch_all with System.remark_with_event). */
#define WETEE_PAY_MEMO_REMARK 4u
/** @brief wetee_pay_options.flags: skip the balance and existential-deposit checks (the chain decides). */
#define WETEE_PAY_NO_CHECKS 8u

/** @brief Current version of wetee_pay_options. */
#define WETEE_PAY_OPTIONS_VERSION 1

/** @brief Options of a payment; start from WETEE_PAY_OPTIONS_INIT. */
typedef struct wetee_pay_options {
    unsigned version;               /**< WETEE_PAY_OPTIONS_VERSION */
    unsigned flags;                 /**< WETEE_PAY_* flags */
    unsigned timeout_ms;            /**< how long to wait for confirmation; 0: 60000 */
    const wetee_token *fee_token;   /**< pay the fee in this asset (ChargeAssetTxPayment), or NULL for the
                                         chain's native token */
    wetee_u128 max_fee;             /**< refuse when the quoted fee (in the fee token) is above this; 0: no limit */
    uint64_t mortal_period;         /**< 0: immortal; else the era's period in blocks */
} wetee_pay_options;

/** @brief Initialiser of wetee_pay_options. */
#define WETEE_PAY_OPTIONS_INIT { WETEE_PAY_OPTIONS_VERSION, 0, 0, NULL, { 0, 0 }, 0 }

/**
 * @brief The Substrate call of a payment, chosen from the metadata alone
 *        (no network): a builder with the call set (and the fee asset when
 *        `opts->fee_token` is given), and the plan as JSON:
 * @code
 * {"route":"Balances.transfer_keep_alive","pallet":"Balances","call":"transfer_keep_alive",
 *  "args":{"dest":{"Id":"0x..."},"value":"15000000000"},"amount":"15000000000",
 *  "amount_text":"1.5 DOT","token":{...},"to":"5FHn...","memo":"order-42",
 *  "existential_deposit":"10000000000","fee_asset":null}
 * @endcode
 * (`existential_deposit` is Balances.ExistentialDeposit for native tokens,
 * null for others: an asset's min_balance is in its storage). The caller
 * sets the genesis hash, nonce and era and signs (wetee_tx_sign()), or
 * uses wetee_pay(), which does all of it.
 * @param tx receives the builder (free with wetee_tx_free()); may be NULL
 *        to get only the plan.
 * @param plan replaced with the plan JSON; may be NULL.
 * @param md the chain's metadata; must outlive the builder.
 * @param t the token (not a TON token).
 * @param amount the amount in base units.
 * @param to the receiver: SS58 address (any prefix) or 0x-hex account id.
 * @param memo the memo (UTF-8, at most 1024 bytes), or NULL.
 * @param opts options (flags WETEE_PAY_ALLOW_DEATH, WETEE_PAY_MEMO_REMARK
 *        and `fee_token` are used), or NULL.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (the metadata has no pallet or
 *         call for this token: the detail names what is missing);
 *         WETEE_ERR_UNSUPPORTED (a TON token; WETEE_PAY_MEMO_REMARK on a
 *         chain without Utility.batch_all or System.remark_with_event); WETEE_ERR_DECODE (a bad
 *         address, a memo that is not UTF-8); WETEE_ERR_TOO_LONG (memo);
 *         as wetee_tx_set_call_json() and wetee_tx_set_fee_asset_json();
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_pay_prepare(wetee_tx **tx, wetee_buf *plan, const wetee_metadata *md, const wetee_token *t,
                                wetee_u128 amount, const char *to, const char *memo, const wetee_pay_options *opts);

/**
 * @brief Make a payer: connections and signers by chain name, and the
 *        registry its tokens come from.
 * @param out receives the payer; free with wetee_payer_free().
 * @param reg the registry (borrowed: it must outlive the payer).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_payer_new(wetee_payer **out, const wetee_token_registry *reg);

/**
 * @brief Release a payer (not the chains, keys or clients it borrowed).
 * @param p the payer, or NULL (no-op).
 */
WETEE_API void wetee_payer_free(wetee_payer *p);

/**
 * @brief Pay the tokens of a Substrate chain through `c`, signed by `kp`.
 *        A chain name may be added once.
 * @param p the payer.
 * @param chain the chain name of the tokens (as in the registry: "polkadot", "wetee", ...).
 * @param c the connected chain (borrowed: it must outlive the payer).
 * @param kp the signer (borrowed likewise).
 * @return WETEE_OK; WETEE_ERR_STATE (the chain name was already added);
 *         WETEE_ERR_DECODE (a bad chain name); WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_payer_add_substrate(wetee_payer *p, const char *chain, wetee_chain *c, const wetee_keypair *kp);

/**
 * @brief Quote a payment without sending it: the route, the fee (in the
 *        fee token, converted through the runtime's AssetConversionApi
 *        when the fee is paid in an asset) and the checks:
 * @code
 * {"route":"Assets.transfer_keep_alive","amount":"1500000","amount_text":"1.5 USDT",
 *  "fee":"3012345","fee_text":"0.000301 KSM","fee_token":{...},"fee_native":"3012345",
 *  "sender_balance":"...","receiver_balance":"...","minimum":"...",
 *  "ok":true,"failure":"ok","reason":null}
 * @endcode
 * A payment the checks would refuse gives WETEE_OK with `"ok":false`,
 * `failure` and `reason`.
 * @param out replaced with the JSON.
 * @param p the payer.
 * @param t the token.
 * @param amount the amount in base units.
 * @param to the receiver's address.
 * @param memo the memo, or NULL.
 * @param opts options, or NULL.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no route for the token's chain,
 *         or the chain lacks the token's pallet or asset); the errors of
 *         the chain client (chain.h); as wetee_pay_prepare().
 */
WETEE_API int wetee_pay_quote(wetee_buf *out, wetee_payer *p, const wetee_token *t, wetee_u128 amount, const char *to,
                              const char *memo, const wetee_pay_options *opts);

/**
 * @brief Pay: choose the route for the token's chain, check, sign, submit,
 *        wait for confirmation and return the receipt.
 * @param out receives the receipt (free with wetee_pay_receipt_free()):
 *        always on WETEE_OK, and on failure too once the request was
 *        understood (wetee_pay_receipt_failure() says what happened; the
 *        receipt has what is known). NULL for argument errors.
 * @param p the payer.
 * @param t the token (from the payer's registry or another one; its chain
 *        name selects the route).
 * @param amount the amount in base units (not zero).
 * @param to the receiver's address (SS58 or 0x-hex on Substrate; a TON
 *        address on TON).
 * @param memo the order reference (UTF-8, at most 1024 bytes), or NULL.
 * @param opts options, or NULL.
 * @return WETEE_OK (confirmed); WETEE_ERR_NOT_FOUND (no route for the
 *         chain, or the chain does not know the token); WETEE_ERR_STATE
 *         (refused by the checks before submission, or failed on chain:
 *         the detail names the reason, e.g. "pay: Balances.FundsUnavailable
 *         in block 0x.."); WETEE_ERR_RPC (the node refused it);
 *         WETEE_ERR_TIMEOUT (no confirmation in time); WETEE_ERR_NETWORK;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL, zero amount); as
 *         wetee_pay_prepare().
 */
WETEE_API int wetee_pay(wetee_pay_receipt **out, wetee_payer *p, const wetee_token *t, wetee_u128 amount,
                        const char *to, const char *memo, const wetee_pay_options *opts);

/* ------------------------------------------------------------------ */
/* TON routes (src/pay/ton_route.c)                                    */
/* ------------------------------------------------------------------ */

/** @brief Version of wetee_pay_ton_options understood by this release. */
#define WETEE_PAY_TON_OPTIONS_VERSION 1u

/** @brief Options of wetee_payer_add_ton(); start from WETEE_PAY_TON_OPTIONS_INIT. */
typedef struct wetee_pay_ton_options {
    unsigned version;              /**< WETEE_PAY_TON_OPTIONS_VERSION */
    unsigned valid_for_s;          /**< the signed request is void this many seconds after signing (1..86400) */
    unsigned poll_ms;              /**< wait between toncenter queries while confirming */
    wetee_u128 jetton_ton_amount;  /**< TON attached to a jetton transfer (WETEE_TON_JETTON_ATTACHED_DEFAULT) */
    wetee_u128 forward_ton_amount; /**< jetton forward_ton_amount (WETEE_TON_JETTON_FORWARD_DEFAULT) */
} wetee_pay_ton_options;

/** @brief Defaults: valid for 60 s, a query every 1.5 s, 0.05 TON attached and 1 nanoton forwarded. */
#define WETEE_PAY_TON_OPTIONS_INIT                                                                       \
    { WETEE_PAY_TON_OPTIONS_VERSION, 60u, 1500u, { WETEE_TON_JETTON_ATTACHED_DEFAULT, 0 },            \
      { WETEE_TON_JETTON_FORWARD_DEFAULT, 0 } }

/**
 * @brief Pay the tokens of a TON chain name (the coin, kind WETEE_TOKEN_TON,
 *        and jettons, WETEE_TOKEN_JETTON, whose id is the minter) from a
 *        wallet through toncenter.
 *
 * wetee_pay() then: parses the receiver (a user-friendly non-bounceable
 * `UQ…` address makes a non-bounceable coin payment, any other form a
 * bounceable one, which returns if the account does not exist); for a
 * jetton asks the minter for the payer's jetton wallet
 * (`get_wallet_address`); checks the wallet's balance (the amount, or the
 * attached TON, plus 0.01 TON of fees) and the jetton wallet's balance
 * (`get_wallet_data`) unless WETEE_PAY_NO_CHECKS; reads the seqno, builds
 * the payment with the memo (wetee_ton_payment_message(): a text comment,
 * or the forward payload of the jetton transfer), signs it valid for
 * `valid_for_s` (wetee_ton_wallet_sign_payment(), send mode 3), sends it
 * (`sendBocReturnHash`) and confirms it with wetee_toncenter_confirm() (one
 * hop for the coin, two for a jetton) within the payment's `timeout_ms`.
 *
 * The receipt: route "ton" or "jetton"; payer the wallet's raw address;
 * status "confirmed", "submitted" (timeout, network) or "failed"; tx_hash
 * the hex hash of the wallet's transaction and logical_time its lt (once
 * found); event the confirmation as JSON
 * (`{"external_message_hash_norm":…, "wallet_tx":{"hash","lt"},
 * "message":{"hash","destination","value"}, "destination_tx":{"hash","lt",
 * "account","success","exit_code"}, "bounce":{"hash","value"}}`, members
 * present when known). Failures: WETEE_PAY_INSUFFICIENT_BALANCE (the checks,
 * or a wallet that sent nothing), WETEE_PAY_REJECTED (toncenter refused the
 * message), WETEE_PAY_BOUNCED (a bounce, or a failed transaction on the
 * way), WETEE_PAY_TIMEOUT, WETEE_PAY_NETWORK. wetee_pay_quote() gives
 * `{"route","amount","amount_text","payer","to","bounce","fee":null,
 * "jetton_wallet","attached","forward_ton_amount","sender_balance",
 * "jetton_balance","ok","failure","reason"}` (the fee is not estimated).
 *
 * @param p the payer.
 * @param chain the chain name of the tokens ("ton", "ton-testnet", ...).
 * @param tc the toncenter client (borrowed: it must outlive the payer).
 * @param w the paying wallet, v3r2, v4r2 or W5 (borrowed likewise).
 * @param secret the wallet key's 64-byte ed25519 secret (copied; wiped when
 *        the payer is freed).
 * @param opts options, or NULL for WETEE_PAY_TON_OPTIONS_INIT.
 * @return WETEE_OK; WETEE_ERR_STATE (the chain name was already added);
 *         WETEE_ERR_DECODE (a bad chain name); WETEE_ERR_INVALID_ARGUMENT
 *         (NULL argument, unknown options version, valid_for_s outside
 *         1..86400); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_payer_add_ton(wetee_payer *p, const char *chain, wetee_toncenter *tc, const wetee_ton_wallet *w,
                                  const uint8_t secret[64], const wetee_pay_ton_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_PAY_H */
