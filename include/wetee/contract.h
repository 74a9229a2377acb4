/**
 * @file contract.h
 * @brief Smart contracts on pallet-revive: contract ABIs (WeTEE's wrevive
 *        PolkaVM contracts, ink! v5/v6, Solidity), call data from a message
 *        name and JSON arguments, return values decoded to JSON, the
 *        `Revive.*` extrinsics built from the runtime metadata, `ReviveApi_call`
 *        dry runs, AccountId32 <-> H160 mapping, and WeTEE's contract-generation
 *        cloud operations on top.
 *
 * ABIs (wetee_contract_abi_load()):
 * - **wrevive** (WeTEE's current contracts, docs/contract.md): call data =
 *   selector ‖ SCALE(arg1) ‖ SCALE(arg2) ‖ ..., selector = the first 4 bytes
 *   of BLAKE2s-256 of the message name; the return value is plain SCALE; the
 *   contracts read at most 1,024 bytes of call data, so longer call data is
 *   refused (WETEE_ERR_TOO_LONG) instead of being cut by the contract;
 *   `U256` is 32 bytes big-endian and written in JSON as a number. The ABIs of
 *   WeTEE's Cloud, Subnet, Pod and Proxy contracts are built in
 *   (wetee_contract_abi_wetee()); other contracts are described in the same
 *   JSON format.
 * - **ink! v5/v6** metadata JSON (`spec.messages`, `spec.constructors`,
 *   `types`): selectors from the ABI, arguments and returns with the ABI's
 *   type registry; messages return `Result<T, LangError>`, which
 *   wetee_contract_decode_return() unwraps (an `Err` is WETEE_ERR_STATE
 *   naming the LangError).
 * - **Solidity** JSON ABI (an array of functions, constructors, errors and
 *   events): Keccak-256 selectors of the canonical signature, the standard
 *   ABI encoding of uintN/intN, address, bool, bytesN, bytes, string, fixed
 *   and dynamic arrays and tuples.
 *
 * JSON values follow the value module (value.h): integers as numbers or
 * decimal / 0x strings on input and as numbers up to 2^53 - 1, decimal
 * strings beyond, on output; bytes as 0x-hex; enums as "Name" or
 * {"Name": fields}; Option as null / the value; structs as objects by field
 * name (or arrays in order). Arguments are a JSON object by argument name or
 * an array in order (NULL, "" or "[]" for none).
 *
 * Thread safety: a loaded ABI is immutable and may be shared by threads.
 */
#ifndef WETEE_CONTRACT_H
#define WETEE_CONTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/chain.h"
#include "wetee/core.h"
#include "wetee/keys.h"
#include "wetee/metadata.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A loaded contract ABI (opaque, immutable). */
typedef struct wetee_contract_abi wetee_contract_abi;

/** @brief The ABI families. */
typedef enum wetee_contract_abi_kind {
    WETEE_CONTRACT_WREVIVE = 1,  /**< WeTEE's wrevive: BLAKE2s-256 selectors, plain SCALE */
    WETEE_CONTRACT_INK = 2,      /**< ink! v5/v6: BLAKE2b-256 selectors, Result<_, LangError> returns */
    WETEE_CONTRACT_SOLIDITY = 3  /**< Solidity: Keccak-256 selectors, Ethereum ABI encoding */
} wetee_contract_abi_kind;

/** @brief Largest call data a wrevive contract reads (bytes). */
#define WETEE_CONTRACT_WREVIVE_CALL_DATA_MAX 1024
/** @brief Size of a message selector. */
#define WETEE_CONTRACT_SELECTOR_BYTES 4
/** @brief Size of an H160 contract or account address. */
#define WETEE_REVIVE_ADDRESS_BYTES 20
/** @brief The REVERT bit of a pallet-revive ExecReturnValue's flags. */
#define WETEE_REVIVE_FLAG_REVERT 1u

/** @brief WETEE_CONTRACT_WREVIVE_CALL_DATA_MAX as a function (for bindings). @return 1024. */
WETEE_API size_t wetee_contract_wrevive_call_data_max(void);

/* ------------------------------------------------------------------ */
/* ABIs and messages                                                   */
/* ------------------------------------------------------------------ */

/**
 * @brief Selector of a message name (or Solidity signature).
 * @param out caller buffer of 4 bytes.
 * @param kind the ABI family: WREVIVE = BLAKE2s-256(name)[0..4], INK =
 *        BLAKE2b-256(name)[0..4], SOLIDITY = Keccak-256(signature)[0..4]
 *        (give the canonical signature, e.g. "transfer(address,uint256)").
 * @param name the name or signature (not necessarily NUL-terminated).
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL pointers, unknown kind,
 *         empty name).
 */
WETEE_API int wetee_contract_selector(uint8_t out[4], int kind, const char *name, size_t len);

/**
 * @brief Load an ABI from JSON text: an ink! metadata file (an object with
 *        `spec` and `types`), a Solidity ABI (a JSON array, or an object with
 *        an `abi` array) or a wrevive ABI (an object with `"abi": "wrevive"`,
 *        see docs/contract.md). At most 16 MiB of text.
 * @param out receives the ABI (free with wetee_contract_abi_free()).
 * @param json the text.
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_DECODE (invalid JSON, an unknown format, a
 *         malformed message, argument or type, a duplicate message name; the
 *         detail names the item); WETEE_ERR_UNSUPPORTED (a type the ABI
 *         family does not have, e.g. Solidity fixed-point); WETEE_ERR_TOO_LONG;
 *         WETEE_ERR_DEPTH; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_contract_abi_load(wetee_contract_abi **out, const char *json, size_t len);

/**
 * @brief The built-in wrevive ABI of one of WeTEE's contracts (docs/contract.md
 *        lists their messages and types, from wetee.md §3).
 * @param out receives the ABI (free with wetee_contract_abi_free()).
 * @param contract "cloud", "subnet", "pod" or "proxy".
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (another name);
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_contract_abi_wetee(wetee_contract_abi **out, const char *contract);

/**
 * @brief Free an ABI.
 * @param abi the ABI, or NULL (no-op).
 */
WETEE_API void wetee_contract_abi_free(wetee_contract_abi *abi);

/**
 * @brief Family of an ABI.
 * @param abi the ABI.
 * @return a wetee_contract_abi_kind, or WETEE_ERR_INVALID_ARGUMENT for NULL.
 */
WETEE_API int wetee_contract_abi_kind_of(const wetee_contract_abi *abi);

/**
 * @brief Number of messages (functions), constructors included.
 * @param abi the ABI.
 * @return the count (0 for NULL).
 */
WETEE_API size_t wetee_contract_abi_message_count(const wetee_contract_abi *abi);

/**
 * @brief Name of message `i` (ink! constructors and the Solidity
 *        constructor are listed too; see wetee_contract_abi_message_json()).
 * @param abi the ABI.
 * @param i position.
 * @return the name (owned by the ABI), or NULL when out of range.
 */
WETEE_API const char *wetee_contract_abi_message_name(const wetee_contract_abi *abi, size_t i);

/**
 * @brief Selector of a message of the ABI.
 * @param out caller buffer of 4 bytes.
 * @param abi the ABI.
 * @param message the message name (for overloaded Solidity functions, the
 *        signature "f(uint256)").
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no such message; a Solidity
 *         constructor has no selector); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_contract_abi_selector(uint8_t out[4], const wetee_contract_abi *abi, const char *message);

/**
 * @brief Describe a message as JSON: `{"name", "selector", "args": [{"name",
 *        "type"}], "returns", "payable", "mutates", "constructor"}` (types
 *        as the ABI writes them).
 * @param out replaced with the JSON text.
 * @param abi the ABI.
 * @param message the message name.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND; WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_contract_abi_message_json(wetee_buf *out, const wetee_contract_abi *abi, const char *message);

/**
 * @brief Call data of a message: selector and encoded arguments.
 * @param out replaced with the call data.
 * @param abi the ABI.
 * @param message the message name (or Solidity signature).
 * @param args_json the arguments: a JSON object by name or an array in order;
 *        may be NULL when `len` is 0.
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no such message);
 *         WETEE_ERR_DECODE / WETEE_ERR_OVERFLOW (an argument that does not fit
 *         its type; the detail names the argument path, e.g.
 *         "value: containers[1].cpu: 4294967296 out of range for u32");
 *         WETEE_ERR_TOO_LONG (wrevive call data over 1,024 bytes: the
 *         contract would silently cut it); WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY. On error `out` is emptied.
 */
WETEE_API int wetee_contract_encode_call(wetee_buf *out, const wetee_contract_abi *abi, const char *message,
                                         const char *args_json, size_t len);

/**
 * @brief Decode call data back to `{"message": name, "args": {...}}` (by
 *        the selector; arguments by name).
 * @param out replaced with the JSON text.
 * @param abi the ABI.
 * @param data the call data.
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED (under 4 bytes); WETEE_ERR_NOT_FOUND
 *         (unknown selector); as wetee_contract_decode_return() for the
 *         arguments; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_contract_decode_call(wetee_buf *out, const wetee_contract_abi *abi, const uint8_t *data,
                                         size_t len);

/**
 * @brief Decode a message's return data to JSON. wrevive: the plain SCALE
 *        value (a contract `Result` shows as {"Ok": ...} / {"Err": "Name"}).
 *        ink!: the `Result<T, LangError>` is unwrapped to T. Solidity: null
 *        for no outputs, the value for one, an object by name (or an array
 *        when unnamed) for several.
 * @param out replaced with the JSON text.
 * @param abi the ABI.
 * @param message the message name.
 * @param data the return data (all of it must be used, except the padding
 *        the Solidity ABI allows).
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND; WETEE_ERR_STATE (ink!: the
 *         contract answered LangError, named in the detail);
 *         WETEE_ERR_TRUNCATED, WETEE_ERR_DECODE, WETEE_ERR_TRAILING,
 *         WETEE_ERR_OVERFLOW (malformed data, the detail names the path and
 *         offset); WETEE_ERR_DEPTH; WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_contract_decode_return(wetee_buf *out, const wetee_contract_abi *abi, const char *message,
                                           const uint8_t *data, size_t len);

/**
 * @brief Decode the data of a reverted call: Solidity `Error(string)`,
 *        `Panic(uint256)` or a custom error of the ABI to `{"error": name,
 *        "args": ...}`; for the other families the data as 0x-hex in
 *        `{"error": "Revert", "data": "0x.."}`.
 * @param out replaced with the JSON text.
 * @param abi the ABI.
 * @param data the revert data.
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_DECODE / WETEE_ERR_TRUNCATED (malformed error
 *         data); WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_contract_decode_revert(wetee_buf *out, const wetee_contract_abi *abi, const uint8_t *data,
                                           size_t len);

/* ------------------------------------------------------------------ */
/* Account mapping (pallet-revive)                                     */
/* ------------------------------------------------------------------ */

/**
 * @brief H160 of an AccountId32: its first 20 bytes when the last 12 are all
 *        0xEE (an Ethereum-derived account), else the last 20 bytes of
 *        Keccak-256(account).
 * @param out caller buffer of 20 bytes.
 * @param account the 32-byte account id.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_revive_address_of(uint8_t out[20], const uint8_t account[32]);

/**
 * @brief The fallback AccountId32 of an H160 that has no mapping: the H160
 *        followed by twelve 0xEE bytes (the account of a mapped H160 is the
 *        `Revive.OriginalAccount` entry instead).
 * @param out caller buffer of 32 bytes.
 * @param address the H160.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_revive_fallback_account(uint8_t out[32], const uint8_t address[20]);

/**
 * @brief Whether an AccountId32 is Ethereum-derived (last 12 bytes 0xEE),
 *        which pallet-revive maps without `map_account`.
 * @param account the 32-byte account id.
 * @return 1 or 0; WETEE_ERR_INVALID_ARGUMENT for NULL.
 */
WETEE_API int wetee_revive_is_eth_derived(const uint8_t account[32]);

/* ------------------------------------------------------------------ */
/* Revive extrinsics, built from the metadata                          */
/* ------------------------------------------------------------------ */

/** @brief Weight and storage-deposit limits of a contract call (plain value type). */
typedef struct wetee_revive_limits {
    uint64_t ref_time;          /**< weight limit: reference time */
    uint64_t proof_size;        /**< weight limit: proof size */
    wetee_u128 storage_deposit; /**< storage deposit limit */
} wetee_revive_limits;

/**
 * @brief Call bytes of `Revive.call(dest, value, weight_limit,
 *        storage_deposit_limit, data)`: pallet and call index and the field
 *        types come from the metadata (the deposit limit is written as the
 *        metadata types it: Compact<u128> on current runtimes, Option on older
 *        ones).
 * @param out replaced with the call bytes.
 * @param md the chain's metadata (with a Revive pallet).
 * @param dest the contract's H160.
 * @param value the balance sent with the call.
 * @param limits the limits (from a dry run: wetee_revive_result_limits()).
 * @param data the call data; may be NULL when `len` is 0.
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no Revive pallet or call);
 *         WETEE_ERR_UNSUPPORTED (the call's fields are not the expected
 *         five); as wetee_call_encode(); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_revive_call_encode(wetee_buf *out, const wetee_metadata *md, const uint8_t dest[20],
                                       wetee_u128 value, const wetee_revive_limits *limits, const uint8_t *data,
                                       size_t len);

/**
 * @brief Call bytes of `Revive.instantiate_with_code(value, weight_limit,
 *        storage_deposit_limit, code, data, salt)`.
 * @param out replaced with the call bytes.
 * @param md the metadata.
 * @param value the endowment.
 * @param limits the limits.
 * @param code the PolkaVM blob; may be NULL when `code_len` is 0.
 * @param code_len its length.
 * @param data the constructor's call data; may be NULL when `data_len` is 0.
 * @param data_len its length.
 * @param salt 32 bytes, or NULL for none (None).
 * @return as wetee_revive_call_encode().
 */
WETEE_API int wetee_revive_instantiate_with_code_encode(wetee_buf *out, const wetee_metadata *md, wetee_u128 value,
                                                        const wetee_revive_limits *limits, const uint8_t *code,
                                                        size_t code_len, const uint8_t *data, size_t data_len,
                                                        const uint8_t *salt);

/**
 * @brief Call bytes of `Revive.upload_code(code, storage_deposit_limit)`.
 * @param out replaced with the call bytes.
 * @param md the metadata.
 * @param code the PolkaVM blob; may be NULL when `len` is 0.
 * @param len its length.
 * @param storage_deposit_limit the deposit limit.
 * @return as wetee_revive_call_encode().
 */
WETEE_API int wetee_revive_upload_code_encode(wetee_buf *out, const wetee_metadata *md, const uint8_t *code,
                                              size_t len, wetee_u128 storage_deposit_limit);

/**
 * @brief Call bytes of `Revive.map_account()`.
 * @param out replaced with the call bytes.
 * @param md the metadata.
 * @return as wetee_revive_call_encode().
 */
WETEE_API int wetee_revive_map_account_encode(wetee_buf *out, const wetee_metadata *md);

/* ------------------------------------------------------------------ */
/* Dry runs (ReviveApi_call)                                           */
/* ------------------------------------------------------------------ */

/** @brief A decoded `ReviveApi_call` result (opaque). */
typedef struct wetee_revive_result wetee_revive_result;

/**
 * @brief SCALE input of `state_call("ReviveApi_call", ...)`: origin, dest,
 *        value, gas_limit Option<Weight>, storage_deposit_limit Option<u128>,
 *        input data; with the runtime API's own input types when the
 *        metadata (V15+) has them.
 * @param out replaced with the bytes.
 * @param md the metadata.
 * @param origin the caller's AccountId32.
 * @param dest the contract's H160.
 * @param value the balance sent.
 * @param limits the limits, or NULL for none (None, None: the runtime's maximum).
 * @param data the call data; may be NULL when `len` is 0.
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_DECODE (the runtime API's input types do not
 *         take these values); WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_revive_dry_run_input(wetee_buf *out, const wetee_metadata *md, const uint8_t origin[32],
                                         const uint8_t dest[20], wetee_u128 value, const wetee_revive_limits *limits,
                                         const uint8_t *data, size_t len);

/**
 * @brief Decode the output of `ReviveApi_call` with the type the metadata
 *        gives (the runtime API's output type on V15+, else the registry's
 *        `pallet_revive::primitives::ContractResult` for an ExecReturnValue,
 *        else the layout of current pallet-revive: weight_consumed,
 *        weight_required, storage_deposit, max_storage_deposit, gas_consumed
 *        u128, result).
 * @param out receives the result (free with wetee_revive_result_free()).
 * @param md the metadata.
 * @param data the output bytes.
 * @param len their length.
 * @return WETEE_OK (also when the call failed or reverted: see
 *         wetee_revive_result_status()); WETEE_ERR_TRUNCATED,
 *         WETEE_ERR_DECODE, WETEE_ERR_TRAILING (malformed output);
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_revive_result_decode(wetee_revive_result **out, const wetee_metadata *md, const uint8_t *data,
                                          size_t len);

/**
 * @brief Free a dry-run result.
 * @param r the result, or NULL (no-op).
 */
WETEE_API void wetee_revive_result_free(wetee_revive_result *r);

/** @brief Outcome of a dry run. */
typedef enum wetee_revive_status {
    WETEE_REVIVE_OK = 0,       /**< returned without the REVERT flag */
    WETEE_REVIVE_REVERTED = 1, /**< returned with the REVERT flag: the data is revert data */
    WETEE_REVIVE_FAILED = 2    /**< the call failed with a DispatchError (wetee_revive_result_json() names it) */
} wetee_revive_status;

/**
 * @brief Outcome of a dry run.
 * @param r the result.
 * @return a wetee_revive_status, or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_revive_result_status(const wetee_revive_result *r);

/**
 * @brief Return data and flags of a successful or reverted dry run.
 * @param len receives the length; may be NULL.
 * @param flags receives the ExecReturnValue flags; may be NULL.
 * @param r the result.
 * @return the data (owned by `r`, non-NULL even when empty), or NULL when
 *         the call failed.
 */
WETEE_API const uint8_t *wetee_revive_result_data(size_t *len, uint32_t *flags, const wetee_revive_result *r);

/**
 * @brief Limits for the real call: the weight the dry run required and the
 *        storage deposit it charged (0 for a refund), each raised by
 *        `margin_percent` percent (rounded up).
 * @param out receives the limits.
 * @param r the result.
 * @param margin_percent the safety margin, 0..1000 (ink.go uses 20 for
 *        deployments; libwetee's helpers use 10 for calls, 20 for deployments).
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (a limit does not fit its type);
 *         WETEE_ERR_INVALID_ARGUMENT (margin above 1000, NULL).
 */
WETEE_API int wetee_revive_result_limits(wetee_revive_limits *out, const wetee_revive_result *r,
                                          unsigned margin_percent);

/**
 * @brief The whole dry-run result as JSON (the decoded ContractResult with
 *        its field names, plus "status" ("ok", "reverted", "failed") and, for
 *        a failure, "error" as wetee_dispatch_error_json() describes it when
 *        the metadata has the DispatchError type).
 * @param out replaced with the JSON text.
 * @param r the result.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_revive_result_json(wetee_buf *out, const wetee_revive_result *r);

/* ------------------------------------------------------------------ */
/* On a chain                                                          */
/* ------------------------------------------------------------------ */

/**
 * @brief Dry-run a contract call on a chain (`state_call` of
 *        `ReviveApi_call` at the best block).
 * @param out receives the result (free with wetee_revive_result_free()).
 * @param c the chain.
 * @param origin the caller's AccountId32.
 * @param dest the contract.
 * @param value the balance sent.
 * @param data the call data; may be NULL when `len` is 0.
 * @param len its length.
 * @return WETEE_OK; the errors of wetee_chain_request() and
 *         wetee_revive_result_decode().
 */
WETEE_API int wetee_revive_dry_run(wetee_revive_result **out, wetee_chain *c, const uint8_t origin[32],
                                   const uint8_t dest[20], wetee_u128 value, const uint8_t *data, size_t len);

/**
 * @brief Whether an account can call contracts without `map_account`:
 *        Ethereum-derived accounts always can; others when
 *        `Revive.OriginalAccount` holds their H160.
 * @param mapped receives 1 or 0.
 * @param c the chain.
 * @param account the AccountId32.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no Revive.OriginalAccount in the
 *         metadata); the errors of wetee_chain_storage_raw().
 */
WETEE_API int wetee_revive_is_mapped(int *mapped, wetee_chain *c, const uint8_t account[32]);

/**
 * @brief Send a contract call the safe way: map the signer first when it is
 *        not mapped (waiting for that to be in a block), dry-run the call,
 *        refuse when the dry run fails or reverts (the detail names the
 *        error), set the limits from the dry run with a 10 % margin, then sign
 *        (mortal, 64 blocks), submit and wait for the block (or finalization).
 * @param result replaced with the outcome JSON of wetee_chain_submit_and_watch()
 *        (events, success or the dispatch error).
 * @param dry_run_return replaced with the dry run's return data (for
 *        wetee_contract_decode_return(): a wrevive contract reports its
 *        `Err` there without reverting); may be NULL.
 * @param c the chain.
 * @param kp the signer.
 * @param dest the contract.
 * @param value the balance sent (a payable message's payment).
 * @param data the call data; may be NULL when `len` is 0.
 * @param len its length.
 * @param finalized non-zero: wait for finalization, else for inclusion.
 * @param timeout_ms how long to wait for each transaction.
 * @return WETEE_OK (the transaction's own outcome is in `result`);
 *         WETEE_ERR_STATE (the dry run failed or reverted); the errors of
 *         the steps.
 */
WETEE_API int wetee_revive_call(wetee_buf *result, wetee_buf *dry_run_return, wetee_chain *c,
                                const wetee_keypair *kp, const uint8_t dest[20], wetee_u128 value,
                                const uint8_t *data, size_t len, int finalized, unsigned timeout_ms);

/**
 * @brief Query a contract message by dry run and decode its return value:
 *        wetee_contract_encode_call(), wetee_revive_dry_run(),
 *        wetee_contract_decode_return().
 * @param out replaced with the return value's JSON.
 * @param c the chain.
 * @param abi the contract's ABI.
 * @param origin the caller's AccountId32 (wrevive queries such as
 *        `user_pods` answer for the caller).
 * @param dest the contract.
 * @param message the message name.
 * @param args_json the arguments; may be NULL when `len` is 0.
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_STATE (the call failed or reverted, named in
 *         the detail); the errors of the three steps.
 */
WETEE_API int wetee_contract_query(wetee_buf *out, wetee_chain *c, const wetee_contract_abi *abi,
                                   const uint8_t origin[32], const uint8_t dest[20], const char *message,
                                   const char *args_json, size_t len);

/* ------------------------------------------------------------------ */
/* WeTEE cloud, contract generation                                    */
/* ------------------------------------------------------------------ */

/**
 * @brief Prepayment of a pod (wetee.md §5): per block, the sum over the
 *        containers of cpu·cpu_per + mem·memory_per + gpu·gpu_per +
 *        disk·disk_per (cvm_cpu_per and cvm_memory_per for CVM pods), times
 *        `duration_blocks` times 1000, divided by the asset's price (integer
 *        division, as the Cloud contract does).
 * @param out replaced with the amount as decimal text.
 * @param containers_json a JSON array of containers: objects with `cpu`,
 *        `mem`, and optional `gpu` and `disk` (GB) numbers — the Container
 *        values of create_pod's arguments work when their disk sizes are
 *        added as `disk`.
 * @param containers_len its length.
 * @param price_json the RunPrice of the level (the JSON that
 *        `Subnet.level_price` decodes to: cpu_per, cvm_cpu_per, memory_per,
 *        cvm_memory_per, disk_per, gpu_per).
 * @param price_len its length.
 * @param tee_type 0 SGX, 1 CVM.
 * @param duration_blocks the duration (at least 1).
 * @param asset_price the asset's price from `Subnet.asset` as decimal text
 *        (not zero).
 * @return WETEE_OK; WETEE_ERR_DECODE (a missing or malformed field, named);
 *         WETEE_ERR_OVERFLOW (a result above 2^256 - 1);
 *         WETEE_ERR_INVALID_ARGUMENT (tee_type, zero duration or price);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_contract_pod_cost(wetee_buf *out, const char *containers_json, size_t containers_len,
                                      const char *price_json, size_t price_len, int tee_type,
                                      uint32_t duration_blocks, const char *asset_price);

/**
 * @brief Create a pod on WeTEE's Cloud contract and find its id: reads
 *        `user_pod_len` by dry run, sends `create_pod` with the prepayment
 *        as value through wetee_revive_call() (whose dry run must decode to
 *        `Ok`: a Cloud `Err` such as InsufficientPrepayment fails here with
 *        its name), then reads `user_pod_len` again and the caller's last pod
 *        with `user_pods` (the contract returns no id and emits no event).
 * @param pod_id receives the new pod's id.
 * @param result replaced with the transaction outcome JSON; may be NULL.
 * @param c the chain.
 * @param kp the owner.
 * @param cloud the Cloud contract's H160.
 * @param args_json the arguments of create_pod (name, pod_type, tee_type,
 *        containers, region_id, level, pay_asset, worker_id, duration_blocks)
 *        as an object or array.
 * @param len its length.
 * @param value the prepayment (see wetee_contract_pod_cost()).
 * @param timeout_ms how long to wait for the transactions.
 * @return WETEE_OK; WETEE_ERR_STATE (the contract refused; the detail names
 *         its Error); WETEE_ERR_NOT_FOUND (no new pod after the call); the
 *         errors of the steps.
 */
WETEE_API int wetee_contract_create_pod(uint64_t *pod_id, wetee_buf *result, wetee_chain *c, const wetee_keypair *kp,
                                        const uint8_t cloud[20], const char *args_json, size_t len, wetee_u128 value,
                                        unsigned timeout_ms);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_CONTRACT_H */
