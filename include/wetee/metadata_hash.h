/**
 * @file metadata_hash.h
 * @brief The RFC-0078 metadata hash that the `CheckMetadataHash`
 *        transaction extension signs in mode 1.
 *
 * The digest is defined over **V15** metadata: a runtime computes its own
 * `RUNTIME_METADATA_HASH` from `Metadata_metadata_at_version(15)`, even when
 * it also serves V16. A digest computed from the V16 (or V14) form of the
 * same runtime differs, and a transaction signed with it is rejected as a
 * bad signature. These functions therefore take V15 metadata only and
 * refuse any other version with WETEE_ERR_UNSUPPORTED, naming the runtime
 * call to use instead.
 *
 * Construction (polkadot-fellows RFC-0078): the types reachable from the
 * extrinsic metadata (address, call, signature and every extension's
 * explicit and implicit type) are reduced to their basic form, sorted by
 * registry id, split into one leaf per enum variant, hashed with BLAKE3 and
 * merkleized; the root, the BLAKE3 hash of the reduced extrinsic metadata
 * and the chain's extra information (spec version and name, SS58 prefix,
 * token decimals and symbol) form the `MetadataDigest::V1` whose BLAKE3
 * hash is the metadata hash.
 *
 * Thread safety: pure functions of their arguments; the metadata may be
 * shared by threads.
 */
#ifndef WETEE_METADATA_HASH_H
#define WETEE_METADATA_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"
#include "wetee/metadata.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Size of a metadata hash (a BLAKE3-256 output). */
#define WETEE_METADATA_HASH_BYTES 32
/** @brief WETEE_METADATA_HASH_BYTES as a function (for bindings).
 *  @return 32. */
WETEE_API size_t wetee_metadata_hash_bytes(void);

/** @brief Current version of wetee_metadata_hash_info. */
#define WETEE_METADATA_HASH_INFO_VERSION 1

/**
 * @brief The chain information that RFC-0078 mixes into the digest
 *        (`ExtraInfo`). Start from WETEE_METADATA_HASH_INFO_INIT.
 *
 * `decimals` and `token_symbol` are not in the metadata: take them from the
 * chain properties (`system_properties`: `tokenDecimals`, `tokenSymbol`;
 * the first entry when the chain lists several). The other fields default
 * to the values in the metadata's System constants.
 */
typedef struct wetee_metadata_hash_info {
    unsigned version;         /**< WETEE_METADATA_HASH_INFO_VERSION */
    uint8_t decimals;         /**< token decimals */
    const char *token_symbol; /**< token symbol, UTF-8, NUL-terminated; required */
    const char *spec_name;    /**< NULL: the spec_name of System.Version in the metadata */
    int64_t spec_version;     /**< negative: the spec_version of System.Version; else 0 to 2^32-1 */
    int32_t base58_prefix;    /**< negative: System.SS58Prefix; else 0 to 65535 */
} wetee_metadata_hash_info;

/** @brief Initialiser: decimals 0, no symbol (must be set), the rest from the metadata. */
#define WETEE_METADATA_HASH_INFO_INIT {WETEE_METADATA_HASH_INFO_VERSION, 0, NULL, NULL, -1, -1}

/**
 * @brief The RFC-0078 metadata hash: BLAKE3 of the SCALE `MetadataDigest::V1`.
 *
 * This is the 32-byte value that `CheckMetadataHash` in mode 1 puts into
 * the signing payload as `Some(hash)`.
 * @param out receives WETEE_METADATA_HASH_BYTES bytes.
 * @param md V15 metadata (from `Metadata_metadata_at_version(15)`).
 * @param info the chain information (see wetee_metadata_hash_info).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL pointer, unknown info
 *         version, missing token symbol, spec_version or base58_prefix out
 *         of range); WETEE_ERR_UNSUPPORTED (metadata is not V15); WETEE_ERR_NOT_FOUND
 *         (the metadata lacks System.Version or System.SS58Prefix and info
 *         does not supply it); WETEE_ERR_DECODE (a type the digest needs
 *         cannot be reduced: a Compact over a non-integer, a BitSequence
 *         whose store is not u8/u16/u32/u64 or whose order is neither Lsb0
 *         nor Msb0); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_metadata_hash(uint8_t out[32], const wetee_metadata *md, const wetee_metadata_hash_info *info);

/**
 * @brief The SCALE encoding of the `MetadataDigest::V1` itself (enum tag 1,
 *        type-tree root, extrinsic-metadata hash, spec version, spec name,
 *        base58 prefix, decimals, token symbol), for signers that want to
 *        show or check its parts. Its BLAKE3 hash is wetee_metadata_hash().
 * @param out receives the encoding (its previous content is replaced).
 * @param md V15 metadata.
 * @param info the chain information.
 * @return as wetee_metadata_hash().
 */
WETEE_API int wetee_metadata_digest(wetee_buf *out, const wetee_metadata *md, const wetee_metadata_hash_info *info);

/**
 * @brief RFC-0078 proof for an extrinsic, in the form an offline signer (a
 *        hardware wallet) receives it: the type-information leaves it needs
 *        to decode the extrinsic, the node hashes that connect them to the
 *        type-tree root, and what else it needs to recompute the metadata
 *        hash.
 *
 * The result is three SCALE values back to back: the reference
 * implementation's (merkleized-metadata) `Proof { leaves: Vec<Type>,
 * leaf_indices: Vec<u32>, nodes: Vec<[u8; 32]> }`, the reduced
 * `ExtrinsicMetadata`, and `ExtraInfo { spec_version: u32, spec_name:
 * String, base58_prefix: u16, decimals: u8, token_symbol: String }`.
 * From them the signer rebuilds wetee_metadata_hash() and checks it against
 * the hash the transaction signs.
 * @param out replaced with the encoding.
 * @param md V15 metadata.
 * @param info the chain information (as for wetee_metadata_hash()).
 * @param extrinsic a v4 extrinsic (signed or bare) with its length prefix.
 * @param len its length.
 * @param implicit the implicit extension data of its signing payload
 *        ("additional signed"), whose types are then included; NULL for none.
 * @param implicit_len its length.
 * @return WETEE_OK; WETEE_ERR_UNSUPPORTED (metadata not V15, extrinsic not
 *         v4); the errors of wetee_metadata_hash() for `info`;
 *         WETEE_ERR_TRUNCATED, WETEE_ERR_DECODE, WETEE_ERR_TRAILING,
 *         WETEE_ERR_DEPTH (the bytes do not match the metadata; the detail
 *         names the part); WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_metadata_proof_for_extrinsic(wetee_buf *out, const wetee_metadata *md,
                                                 const wetee_metadata_hash_info *info, const uint8_t *extrinsic,
                                                 size_t len, const uint8_t *implicit, size_t implicit_len);
/**
 * @brief RFC-0078 proof for an unhashed v4 signing payload (call ‖
 *        explicit ‖ implicit extension data, as wetee_tx_signing_payload_raw()
 *        makes it): the leaves used by the call and by the explicit and
 *        implicit extension data (a payload carries no address or signature).
 * @param out replaced with the encoding (proof, extrinsic metadata, chain
 *        information, as wetee_metadata_proof_for_extrinsic()).
 * @param md V15 metadata.
 * @param info the chain information.
 * @param payload the payload.
 * @param len its length.
 * @return as wetee_metadata_proof_for_extrinsic().
 */
WETEE_API int wetee_metadata_proof_for_payload(wetee_buf *out, const wetee_metadata *md,
                                               const wetee_metadata_hash_info *info, const uint8_t *payload, size_t len);

#ifdef __cplusplus
}
#endif

#endif
