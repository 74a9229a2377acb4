/**
 * @file tx.h
 * @brief Extrinsics built and decoded from the runtime metadata alone:
 *        transaction extensions in metadata order with their explicit and
 *        implicit data, signing payloads, v4 signed and bare, v5 bare and
 *        general extrinsics, mortal eras, offline signing, and decoding of
 *        any extrinsic to JSON.
 *
 * Nothing here touches the network: the inputs are the metadata, the
 * genesis hash, the runtime's spec and transaction versions (taken from the
 * metadata's System.Version unless set), the nonce, and for a mortal
 * transaction a block number and that block's hash.
 *
 * A wetee_tx collects one transaction's call and extension values:
 * @code
 * wetee_tx *tx;
 * wetee_tx_new(&tx, md);
 * wetee_tx_set_call_json(tx, "Balances", "transfer_keep_alive",
 *                        "{\"dest\": {\"Id\": \"5FHneW46...\"}, \"value\": 1000}", SIZE_MAX);
 * wetee_tx_set_genesis_hash(tx, genesis);
 * wetee_tx_set_nonce(tx, 7);
 * wetee_tx_set_mortal(tx, 64, best_number, best_hash);
 * wetee_tx_sign(&extrinsic, tx, keypair);      // or: signing_payload + attach_signature
 * @endcode
 * A program that builds many transactions can give the arguments as a
 * wetee_value tree with wetee_tx_set_call_value() (same bytes, no JSON
 * text to parse).
 *
 * **Extensions.** The list, the order and the types come from the metadata
 * (for V16, the extensions of extension version 0 for v4 transactions).
 * The library fills in CheckNonZeroSender, CheckSpecVersion,
 * CheckTxVersion, CheckGenesis, CheckMortality / CheckEra, CheckNonce,
 * CheckWeight, ChargeTransactionPayment, ChargeAssetTxPayment,
 * CheckMetadataHash, and every extension whose explicit and implicit types
 * are both zero-sized. Any extension may instead be given by name as JSON
 * (checked against its types); an extension the library cannot fill and
 * the caller did not give fails the build with an error naming it.
 *
 * **Formats.** v4 signed (`0x84`) is what every current chain verifies and
 * is the default. v5 general (`0x45`, an extension-version byte then the
 * explicit data) carries no signature of its own; it is built only on
 * request (wetee_tx_general()). A v5 *signed* form (`0x85`) exists in
 * RFC-0099 but sp-runtime rejects it, so libwetee never builds it; chains
 * that advertise extrinsic version 5 in their metadata still need v4 for
 * signed transactions.
 *
 * Thread safety: a wetee_tx is used by one thread at a time; the metadata
 * it refers to may be shared. The metadata must outlive the wetee_tx.
 */
#ifndef WETEE_TX_H
#define WETEE_TX_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"
#include "wetee/keys.h"
#include "wetee/metadata.h"
#include "wetee/value.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief One transaction being built (opaque). */
typedef struct wetee_tx wetee_tx;

/** @brief Payloads longer than this are replaced by their BLAKE2b-256 hash before signing. */
#define WETEE_TX_PAYLOAD_HASH_THRESHOLD 256
/** @brief Size of an extrinsic hash (BLAKE2b-256 of the encoded extrinsic). */
#define WETEE_TX_HASH_BYTES 32

/* ------------------------------------------------------------------ */
/* Mortal eras (sp-runtime generic::Era)                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Encode a mortal era as Substrate does: the period is rounded up to
 *        a power of two and clamped to [4, 65536]; the phase is
 *        `current % period` rounded down to a multiple of
 *        `max(period >> 12, 1)`.
 * @param out receives the 2-byte encoding.
 * @param period requested period in blocks (>= 1).
 * @param current the block number the transaction is made at.
 * @param birth receives the era's birth block number (whose hash the
 *        signature commits to); may be NULL. Equal to `current` for periods
 *        up to 4096.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL out, period 0).
 */
WETEE_API int wetee_era_mortal(uint8_t out[2], uint64_t period, uint64_t current, uint64_t *birth);

/**
 * @brief Decode an era: `00` (immortal) or two bytes (mortal).
 * @param period receives the period (0 for immortal).
 * @param phase receives the phase (0 for immortal).
 * @param consumed receives 1 or 2.
 * @param data the bytes; may be NULL when `len` is 0.
 * @param len their length.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED; WETEE_ERR_DECODE (a mortal era
 *         whose period is below 4 or whose phase is not below its period);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_era_decode(uint64_t *period, uint64_t *phase, size_t *consumed, const uint8_t *data, size_t len);

/**
 * @brief Birth block of a mortal era at block `current`:
 *        `floor((max(current, phase) - phase) / period) * period + phase`.
 * @param period the era's period (>= 4).
 * @param phase the era's phase (< period).
 * @param current a block number.
 * @return the birth block number.
 */
WETEE_API uint64_t wetee_era_birth(uint64_t period, uint64_t phase, uint64_t current);

/* ------------------------------------------------------------------ */
/* Building                                                            */
/* ------------------------------------------------------------------ */

/**
 * @brief Start a transaction for a chain described by `md`.
 * @param out receives the builder; free it with wetee_tx_free().
 * @param md the metadata (V14, V15 or V16); it must outlive the builder.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_UNSUPPORTED
 *         (the metadata has no address, call or signature type, e.g. an
 *         unusual V14 extrinsic type); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_tx_new(wetee_tx **out, const wetee_metadata *md);
/**
 * @brief Release a builder.
 * @param tx the builder, or NULL (no-op).
 */
WETEE_API void wetee_tx_free(wetee_tx *tx);

/**
 * @brief Set the call from its SCALE encoding (pallet index, call index,
 *        arguments); it is checked against the metadata (decodes completely).
 * @param tx the builder.
 * @param call the bytes (copied).
 * @param len their length.
 * @return WETEE_OK; as wetee_value_decode() for a call that does not match
 *         the metadata; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_tx_set_call(wetee_tx *tx, const uint8_t *call, size_t len);
/**
 * @brief Set the call by pallet and call name with JSON arguments
 *        (see wetee_call_encode_json()).
 * @param tx the builder.
 * @param pallet pallet name.
 * @param call call name.
 * @param args_json arguments (object or array); NULL or "" for none.
 * @param args_len length of `args_json`, or SIZE_MAX when NUL-terminated.
 * @return as wetee_call_encode_json().
 */
WETEE_API int wetee_tx_set_call_json(wetee_tx *tx, const char *pallet, const char *call, const char *args_json,
                                     size_t args_len);
/**
 * @brief Set the call by pallet and call name with arguments given as a
 *        value tree (see wetee_call_encode()): the same bytes as
 *        wetee_tx_set_call_json() with the equivalent JSON, without JSON text.
 * @param tx the builder.
 * @param pallet pallet name.
 * @param call call name.
 * @param args a composite of the named arguments or a sequence of them in
 *        order; NULL for a call without arguments. Not taken: the caller
 *        still frees it.
 * @return as wetee_call_encode(); on error the call set before is kept.
 */
WETEE_API int wetee_tx_set_call_value(wetee_tx *tx, const char *pallet, const char *call, const wetee_value *args);
/**
 * @brief The chain's genesis hash (CheckGenesis; CheckMortality of an
 *        immortal transaction). Required for signed transactions.
 * @param tx the builder.
 * @param hash 32 bytes (copied).
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_tx_set_genesis_hash(wetee_tx *tx, const uint8_t hash[32]);
/**
 * @brief The runtime's spec and transaction versions (CheckSpecVersion,
 *        CheckTxVersion). Default: System.Version in the metadata.
 * @param tx the builder.
 * @param spec_version spec_version of the runtime.
 * @param transaction_version transaction_version of the runtime.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_tx_set_runtime_version(wetee_tx *tx, uint32_t spec_version, uint32_t transaction_version);
/**
 * @brief The sender's account nonce (CheckNonce). Required when the chain
 *        has CheckNonce: there is no default.
 * @param tx the builder.
 * @param nonce the nonce (range-checked against the metadata's Nonce type).
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_tx_set_nonce(wetee_tx *tx, uint64_t nonce);
/**
 * @brief Tip for the block author (ChargeTransactionPayment,
 *        ChargeAssetTxPayment). Default 0.
 * @param tx the builder.
 * @param tip the tip in the chain's smallest unit.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_tx_set_tip(wetee_tx *tx, wetee_u128 tip);
/**
 * @brief Make the transaction mortal: valid for `period` blocks from block
 *        `block_number`, whose hash is `block_hash` (CheckMortality).
 *
 * The era's birth block (wetee_era_mortal()) must be `block_number`, which
 * holds for periods up to 4096; for longer periods pass the birth block's
 * number and hash (the call fails otherwise, naming the birth block).
 * @param tx the builder.
 * @param period requested period (rounded as Substrate does; >= 1).
 * @param block_number number of the block the era starts at.
 * @param block_hash hash of that block (copied).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL, period 0, a block
 *         number that is not the era's birth block).
 */
WETEE_API int wetee_tx_set_mortal(wetee_tx *tx, uint64_t period, uint64_t block_number, const uint8_t block_hash[32]);
/**
 * @brief Make the transaction immortal (the default).
 * @param tx the builder.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_tx_set_immortal(wetee_tx *tx);
/**
 * @brief Pay the fee in another asset (ChargeAssetTxPayment `asset_id`):
 *        JSON of the metadata's AssetId type (a number on chains with u32
 *        asset ids, an XCM Location such as
 *        `{"parents": 0, "interior": {"X2": [{"PalletInstance": 50}, {"GeneralIndex": 1984}]}}`
 *        on current Asset Hubs), or NULL / "null" for the native token.
 * @param tx the builder.
 * @param json the asset id; checked against the type when the transaction is built.
 * @param len length of `json`, or SIZE_MAX when NUL-terminated.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (the chain has no
 *         ChargeAssetTxPayment); WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_tx_set_fee_asset_json(wetee_tx *tx, const char *json, size_t len);
/**
 * @brief CheckMetadataHash: mode 1 with the RFC-0078 hash
 *        (wetee_metadata_hash() over the chain's V15 metadata), or mode 0
 *        (the default) when `hash` is NULL.
 * @param tx the builder.
 * @param hash 32 bytes (copied), or NULL.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_tx_set_metadata_hash(wetee_tx *tx, const uint8_t *hash);
/**
 * @brief Give any extension's data by name as JSON, overriding what the
 *        library would fill in. Each part is checked against the
 *        extension's explicit or implicit type.
 * @param tx the builder.
 * @param identifier the extension's identifier ("CheckNonce", ...).
 * @param explicit_json data included in the extrinsic, or NULL to keep
 *        the library's (or to leave a zero-sized part empty).
 * @param implicit_json data only in the signing payload, or NULL likewise.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no extension of that name);
 *         as wetee_value_encode_json() for data that does not fit its type;
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_tx_set_extension_json(wetee_tx *tx, const char *identifier, const char *explicit_json,
                                          const char *implicit_json);

/**
 * @brief The bytes a signer signs for a v4 signed transaction:
 *        call ‖ explicit extension data ‖ implicit extension data, replaced
 *        by its BLAKE2b-256 hash when longer than 256 bytes.
 * @param out replaced with the payload.
 * @param tx the builder.
 * @return WETEE_OK; WETEE_ERR_STATE (no call, or a required value missing:
 *         the detail names the extension, e.g. "tx: extension CheckGenesis:
 *         genesis hash not set"); as wetee_value_encode_json() for data
 *         that does not fit its type; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_tx_signing_payload(wetee_buf *out, wetee_tx *tx);
/**
 * @brief The signing payload before hashing (call ‖ explicit ‖ implicit),
 *        e.g. for a hardware signer that shows and hashes it itself.
 * @param out replaced with the bytes.
 * @param tx the builder.
 * @return as wetee_tx_signing_payload().
 */
WETEE_API int wetee_tx_signing_payload_raw(wetee_buf *out, wetee_tx *tx);
/**
 * @brief Attach a signature made elsewhere over wetee_tx_signing_payload()
 *        and produce the v4 signed extrinsic (with its compact length prefix).
 *
 * The signature is verified over the payload first (with the chain's rules,
 * wetee_verify()), so a wrong key, payload or scheme fails here instead of
 * at the node. The address is derived from the public key: the account id
 * (sr25519, ed25519: the key; ecdsa: BLAKE2b-256 of the compressed key;
 * ethereum: the 20-byte address), wrapped as the metadata's address type
 * requires (`MultiAddress::Id` or a bare account id); the signature as the
 * metadata's signature type requires (`MultiSignature` variant of the
 * scheme, or a bare 65-byte Ethereum signature).
 * @param out replaced with the extrinsic.
 * @param tx the builder.
 * @param scheme the signature scheme.
 * @param pub the signer's public key (32 bytes sr25519/ed25519, 33 ecdsa,
 *        33 or 65 ethereum).
 * @param pub_len its length.
 * @param sig the signature (64 or 65 bytes).
 * @param sig_len its length.
 * @return WETEE_OK; WETEE_ERR_VERIFY (the signature does not verify);
 *         WETEE_ERR_UNSUPPORTED (the chain's address or signature type
 *         cannot carry this scheme, e.g. sr25519 on an AccountId20 chain);
 *         as wetee_tx_signing_payload().
 */
WETEE_API int wetee_tx_attach_signature(wetee_buf *out, wetee_tx *tx, wetee_scheme scheme, const uint8_t *pub,
                                        size_t pub_len, const uint8_t *sig, size_t sig_len);
/**
 * @brief Sign with a keypair and produce the v4 signed extrinsic
 *        (wetee_tx_signing_payload(), wetee_keypair_sign(),
 *        wetee_tx_attach_signature()).
 * @param out replaced with the extrinsic (with its length prefix).
 * @param tx the builder.
 * @param kp the signer.
 * @return as wetee_tx_attach_signature().
 */
WETEE_API int wetee_tx_sign(wetee_buf *out, wetee_tx *tx, const wetee_keypair *kp);
/**
 * @brief A bare (unsigned) extrinsic: `0x04 ‖ call` (v4) or `0x05 ‖ call`
 *        (v5, only when the metadata lists extrinsic version 5), with its
 *        length prefix.
 * @param out replaced with the extrinsic.
 * @param tx the builder (only the call is used).
 * @param version 4 or 5.
 * @return WETEE_OK; WETEE_ERR_STATE (no call); WETEE_ERR_UNSUPPORTED
 *         (version 5 on a chain without it); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_tx_bare(wetee_buf *out, wetee_tx *tx, unsigned version);
/**
 * @brief A v5 general extrinsic: `0x45 ‖ extension_version ‖ explicit data
 *        of that version's extensions ‖ call`, with its length prefix. It
 *        carries no signature of its own; an origin comes only from an
 *        extension that provides one (e.g. VerifySignature, given with
 *        wetee_tx_set_extension_json()).
 * @param out replaced with the extrinsic.
 * @param tx the builder.
 * @param extension_version the extension version (V16: one of
 *        wetee_metadata_extension_version_at(); V14/V15: 0).
 * @return WETEE_OK; WETEE_ERR_UNSUPPORTED (the metadata does not list
 *         extrinsic version 5, or has no such extension version); as
 *         wetee_tx_signing_payload().
 */
WETEE_API int wetee_tx_general(wetee_buf *out, wetee_tx *tx, unsigned extension_version);

/* ------------------------------------------------------------------ */
/* Decoding                                                            */
/* ------------------------------------------------------------------ */

/**
 * @brief Decode any extrinsic (with its compact length prefix, as found in
 *        a block or returned by the builders) to JSON:
 * @code
 * {"version":4,"type":"signed","address":{...},"signature":{...},
 *  "extensions":{"CheckMortality":{"mortal":{"period":64,"phase":27}},"CheckNonce":7,...},
 *  "call":{"pallet":"Balances","call":"transfer_keep_alive","args":{...}},
 *  "hash":"0x..."}
 * @endcode
 * `type` is "bare", "signed" or "general" (v5, then `extension_version`
 * is present); extensions with zero-sized explicit data are listed as null;
 * CheckMortality / CheckEra as "immortal" or {"mortal":{"period","phase"}};
 * the other parts as wetee_value_to_json() writes them.
 * @param out replaced with the JSON text.
 * @param md the metadata of the runtime that made the block.
 * @param data the extrinsic bytes.
 * @param len their length.
 * @param opts JSON options, or NULL.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED, WETEE_ERR_TRAILING, WETEE_ERR_DECODE
 *         (unknown version or type bits, a part that does not match the
 *         metadata; the detail names the part and offset);
 *         WETEE_ERR_UNSUPPORTED (v5 signed); WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_extrinsic_decode_json(wetee_buf *out, const wetee_metadata *md, const uint8_t *data, size_t len,
                                          const wetee_json_options *opts);
/**
 * @brief Decode an unhashed v4 signing payload (wetee_tx_signing_payload_raw())
 *        to JSON: `{"call":{...},"extensions":{explicit parts},"implicit":{implicit parts}}`.
 *
 * Unlike wetee_extrinsic_decode_json(), the call is written as a value of
 * the runtime's call type, `{"Pallet":{"call_name":{args}}}` (a call
 * without arguments: `{"Pallet":"call_name"}`), the form
 * wetee_value_decode_json() gives for the RuntimeCall type.
 *
 * A payload that was longer than 256 bytes is signed as its hash, which
 * cannot be decoded: give the raw payload.
 * @param out replaced with the JSON text.
 * @param md the metadata.
 * @param data the payload.
 * @param len its length.
 * @param opts JSON options, or NULL.
 * @return as wetee_extrinsic_decode_json().
 */
WETEE_API int wetee_tx_payload_decode_json(wetee_buf *out, const wetee_metadata *md, const uint8_t *data, size_t len,
                                           const wetee_json_options *opts);
/**
 * @brief The transaction hash: BLAKE2b-256 of the whole encoded extrinsic
 *        (length prefix included), as the node reports it.
 * @param out receives 32 bytes.
 * @param data the extrinsic; may be NULL when `len` is 0.
 * @param len its length.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_extrinsic_hash(uint8_t out[32], const uint8_t *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif
