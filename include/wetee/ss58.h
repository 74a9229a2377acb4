/**
 * @file ss58.h
 * @brief SS58 addresses (Substrate's Base58Check variant) and the table of
 *        known networks compiled in from the SS58 registry.
 *
 * An address is base58(prefix ‖ payload ‖ checksum), the checksum being the
 * first 1 (payloads of 1, 2, 4 or 8 bytes) or 2 (payloads of 32 or 33 bytes)
 * bytes of blake2b-512("SS58PRE" ‖ prefix ‖ payload). Prefixes 0..63 take
 * one byte, 64..16383 two bytes.
 *
 * The decoder is strict, so that decoding and encoding are inverse
 * bijections (every accepted address re-encodes to the identical text):
 * the two-byte form of a prefix below 64 is rejected as non-canonical
 * (polkadot.js and sp-core accept it and normalise it), only the payload
 * lengths above are accepted, and the reserved prefixes 46 and 47 are
 * rejected in every form (as in sp-core).
 *
 * The network table holds the 149 entries of `allNetworks` of
 * \@polkadot/networks 14.0.3 (built from \@substrate/ss58-registry 1.51.0) in
 * registry order (not sorted by prefix), including the reserved entries 46
 * and 47 and mythos (29972), whose prefix is above WETEE_SS58_PREFIX_MAX and
 * cannot be encoded by wetee_ss58_encode().
 *
 * Thread-safe; the network table is immutable and its strings are static
 * (owned by libwetee, valid for the life of the process, never freed).
 */
#ifndef WETEE_SS58_H
#define WETEE_SS58_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief SS58 prefix of Polkadot. */
#define WETEE_SS58_PREFIX_POLKADOT 0
/** @brief SS58 prefix of Kusama. */
#define WETEE_SS58_PREFIX_KUSAMA 2
/** @brief Generic Substrate SS58 prefix ("substrate"), also used by keystore exports. */
#define WETEE_SS58_PREFIX_GENERIC 42
/** @brief Largest prefix the two-byte form can carry. */
#define WETEE_SS58_PREFIX_MAX 16383

/**
 * @brief Encode a payload (1, 2, 4, 8, 32 or 33 bytes) with a network prefix
 *        0..16383 (46 and 47 are reserved and rejected).
 *
 * Prefixes above WETEE_SS58_PREFIX_MAX are rejected, including 29972
 * (mythos), which polkadot.js alone encodes (as the two-byte form of 13589).
 * @param out replaced with the address (NUL-terminated); owned by the caller.
 * @param payload the payload, usually a 32-byte account id.
 * @param payload_len 1, 2, 4, 8, 32 or 33.
 * @param prefix the network prefix, 0..WETEE_SS58_PREFIX_MAX except 46 and 47.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL payload,
 *         payload length not allowed, prefix above 16383, reserved prefix
 *         46 or 47); WETEE_ERR_NO_MEMORY; WETEE_ERR_CRYPTO (hash failure).
 */
WETEE_API int wetee_ss58_encode(wetee_buf *out, const uint8_t *payload, size_t payload_len, uint16_t prefix);
/**
 * @brief Decode an address: checks the alphabet, length, prefix form and checksum.
 *
 * Accepted payload lengths are 1, 2, 4, 8, 32 and 33 bytes, with either
 * prefix form.
 * @param payload replaced with the payload bytes on success (untouched on
 *        error); owned by the caller.
 * @param prefix receives the network prefix (0..16383) on success.
 * @param address the address text (not necessarily NUL-terminated).
 * @param len length of `address` in bytes.
 * @return WETEE_OK; WETEE_ERR_TOO_LONG (longer than 64 characters);
 *         WETEE_ERR_DECODE (empty, character outside the base58 alphabet, decoded length that fits
 *         no allowed payload length, first byte >= 0x80, reserved prefix 46
 *         or 47 in the one-byte form); WETEE_ERR_NON_CANONICAL (a prefix
 *         below 64 in the two-byte form, which includes 46 and 47 written
 *         that way); WETEE_ERR_CHECKSUM; WETEE_ERR_INVALID_ARGUMENT (NULL
 *         payload or prefix, NULL address with len > 0);
 *         WETEE_ERR_NO_MEMORY; WETEE_ERR_CRYPTO (hash failure).
 */
WETEE_API int wetee_ss58_decode(wetee_buf *payload, uint16_t *prefix, const char *address, size_t len);

/**
 * @brief Number of networks in the compiled-in registry.
 * @return the number of entries (fixed at build time).
 */
WETEE_API size_t wetee_ss58_network_count(void);
/**
 * @brief Network `i` of the registry (0 ≤ i < count), in registry order.
 *
 * Every output pointer may be NULL, in which case that field is not
 * returned. Returned strings are static (owned by libwetee, never freed).
 * @param i the index, 0 ≤ i < wetee_ss58_network_count().
 * @param prefix receives its SS58 prefix (may be above
 *        WETEE_SS58_PREFIX_MAX, e.g. 29972 for mythos).
 * @param network receives its registry name (e.g. "polkadot").
 * @param display_name receives its display name (e.g. "Polkadot Relay Chain").
 * @param symbol receives its first token symbol, or "" when it has none.
 * @param decimals receives that token's decimals, or 0.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT when `i` is out of range
 *         (the outputs are then untouched).
 */
WETEE_API int wetee_ss58_network_at(size_t i, uint16_t *prefix, const char **network, const char **display_name,
                                    const char **symbol, unsigned *decimals);
/**
 * @brief Find a network by registry name (exact, case-sensitive match,
 *        e.g. "kusama").
 * @param index receives its index for wetee_ss58_network_at().
 * @param network the NUL-terminated registry name.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND if absent; WETEE_ERR_INVALID_ARGUMENT
 *         (NULL index or network).
 */
WETEE_API int wetee_ss58_network_find(size_t *index, const char *network);
/**
 * @brief Find the first network (in registry order) with `prefix`.
 * @param index receives its index for wetee_ss58_network_at().
 * @param prefix the SS58 prefix.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND if no network has it;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL index).
 */
WETEE_API int wetee_ss58_network_find_prefix(size_t *index, uint16_t prefix);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_SS58_H */
