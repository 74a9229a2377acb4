/**
 * @file ss58.h
 * @brief SS58 addresses (Substrate's Base58Check variant) and the table of
 *        known networks compiled in from the SS58 registry.
 *
 * Thread-safe; the network table is immutable.
 */
#ifndef WETEE_SS58_H
#define WETEE_SS58_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

#define WETEE_SS58_PREFIX_POLKADOT 0
#define WETEE_SS58_PREFIX_KUSAMA 2
#define WETEE_SS58_PREFIX_GENERIC 42
/** @brief Largest prefix the two-byte form can carry. */
#define WETEE_SS58_PREFIX_MAX 16383

/**
 * @brief Encode a payload (1, 2, 4, 8, 32 or 33 bytes) with a network prefix
 *        0..16383 (46 and 47 are reserved and rejected).
 * @param out replaced with the address (NUL-terminated).
 */
WETEE_API int wetee_ss58_encode(wetee_buf *out, const uint8_t *payload, size_t payload_len, uint16_t prefix);
/**
 * @brief Decode an address: checks the alphabet, length, prefix form and checksum.
 * @param payload replaced with the payload bytes; @param prefix receives the network prefix.
 * @return WETEE_OK; WETEE_ERR_DECODE (bad character, length, prefix byte,
 *         reserved prefix); WETEE_ERR_CHECKSUM.
 */
WETEE_API int wetee_ss58_decode(wetee_buf *payload, uint16_t *prefix, const char *address, size_t len);

/** @brief Number of networks in the compiled-in registry. */
WETEE_API size_t wetee_ss58_network_count(void);
/**
 * @brief Network `i` of the registry (0 ≤ i < count).
 * @param network receives its registry name (e.g. "polkadot"), static.
 * @param display_name receives its display name, static (may be NULL).
 * @param symbol receives its first token symbol or "" (static, may be NULL).
 * @param decimals receives that token's decimals or 0 (may be NULL).
 */
WETEE_API int wetee_ss58_network_at(size_t i, uint16_t *prefix, const char **network, const char **display_name,
                                    const char **symbol, unsigned *decimals);
/** @brief Find a network by registry name; WETEE_ERR_NOT_FOUND if absent. Returns its index in *index. */
WETEE_API int wetee_ss58_network_find(size_t *index, const char *network);
/** @brief Find the first network with `prefix`; WETEE_ERR_NOT_FOUND if absent. */
WETEE_API int wetee_ss58_network_find_prefix(size_t *index, uint16_t prefix);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_SS58_H */
