/* SS58 addresses: base58(prefix ‖ payload ‖ checksum), checksum =
 * blake2b-512("SS58PRE" ‖ prefix ‖ payload), first 2 bytes for 32/33-byte
 * payloads and first byte for 1/2/4/8-byte payloads.
 *
 * Prefix forms: 0..63 as one byte; 64..16383 as two bytes
 *   b0 = 0x40 | (p & 0xfc) >> 2,  b1 = p >> 8 | (p & 3) << 6.
 *
 * The decoder is strict, so that decode and encode are inverse bijections
 * (every accepted address re-encodes to the identical text):
 * - the two-byte form of a prefix below 64 is rejected as non-canonical
 *   (WETEE_ERR_NON_CANONICAL); polkadot.js and sp-core accept it and
 *   normalise it to the one-byte form;
 * - only the lengths of the payloads above are accepted, with either prefix
 *   form (polkadot.js infers the checksum length from the total length
 *   alone, which gives odd results for two-byte prefixes with short payloads,
 *   e.g. an empty payload for a 3-byte address);
 * - reserved prefixes 46 and 47 are rejected in every form, as in sp-core.
 * The encoder rejects prefixes above 16383; polkadot.js alone makes an
 * exception for 29972 (mythos), whose two-byte form decodes to 13589. */
#include "internal/common.h"
#include "wetee/hash.h"
#include "wetee/ss58.h"

#define MOD "ss58"
#define SS58_PRE "SS58PRE"
#define SS58_PRE_LEN 7
#define PAYLOAD_MAX 33
#define RAW_MAX (2 + PAYLOAD_MAX + 2)
/* Longest text of a RAW_MAX-byte value: 37 * log(256)/log(58) < 51 digits. */
#define TEXT_MAX 64

typedef struct ss58_network {
    uint16_t prefix;
    const char *network;
    const char *display_name;
    const char *symbol;
    uint8_t decimals;
} ss58_network;

static const ss58_network networks[] = {
#include "ss58_networks.inc"
};
#define NETWORK_COUNT (sizeof networks / sizeof networks[0])

/* Checksum length for a payload length, or 0 when the length is not allowed. */
static size_t checksum_len(size_t payload_len)
{
    switch (payload_len) {
    case 1: case 2: case 4: case 8: return 1;
    case 32: case 33: return 2;
    default: return 0;
    }
}

/* Write the prefix bytes; returns their count (1 or 2). */
static size_t put_prefix(uint8_t *p, uint16_t prefix)
{
    if (prefix < 64) {
        p[0] = (uint8_t)prefix;
        return 1;
    }
    p[0] = (uint8_t)(0x40 | ((prefix & 0xfc) >> 2));
    p[1] = (uint8_t)((prefix >> 8) | ((prefix & 0x03) << 6));
    return 2;
}

/* blake2b-512("SS58PRE" ‖ body) into hash[64]. */
static int ss58_hash(uint8_t hash[64], const uint8_t *body, size_t body_len)
{
    uint8_t in[SS58_PRE_LEN + RAW_MAX];
    memcpy(in, SS58_PRE, SS58_PRE_LEN);
    memcpy(in + SS58_PRE_LEN, body, body_len);
    return wetee_hash_blake2b(hash, 64, NULL, 0, in, SS58_PRE_LEN + body_len);
}

int wetee_ss58_encode(wetee_buf *out, const uint8_t *payload, size_t payload_len, uint16_t prefix)
{
    uint8_t raw[RAW_MAX], hash[64];
    size_t n, cs;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(payload, payload_len, MOD);
    if ((cs = checksum_len(payload_len)) == 0)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": payload of %zu bytes; expected 1, 2, 4, 8, 32 or 33",
                        payload_len);
    if (prefix > WETEE_SS58_PREFIX_MAX)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": prefix %u is above %d", (unsigned)prefix,
                        WETEE_SS58_PREFIX_MAX);
    if (prefix == 46 || prefix == 47)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": prefix %u is reserved", (unsigned)prefix);
    n = put_prefix(raw, prefix);
    memcpy(raw + n, payload, payload_len);
    n += payload_len;
    if ((rc = ss58_hash(hash, raw, n)) != WETEE_OK) return rc;
    memcpy(raw + n, hash, cs);
    return wetee_base58_encode(out, raw, n + cs);
}

int wetee_ss58_decode(wetee_buf *payload, uint16_t *prefix, const char *address, size_t len)
{
    wetee_buf raw = WETEE_BUF_INIT;
    uint8_t hash[64];
    size_t pre_len, body, pl, cs;
    uint16_t p;
    const uint8_t *d;
    int rc;
    WT_ARG(payload != NULL, MOD, "payload is NULL");
    WT_ARG(prefix != NULL, MOD, "prefix is NULL");
    WT_ARG_DATA(address, len, MOD);
    if (len == 0) return wt_error(WETEE_ERR_DECODE, MOD ": empty address");
    if (len > TEXT_MAX)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": address of %zu characters is too long (at most %d)", len, TEXT_MAX);
    if ((rc = wetee_base58_decode(&raw, address, len)) != WETEE_OK) {
        if (rc == WETEE_ERR_DECODE) { /* prefix the module name; copy first, wt_error overwrites the detail */
            char detail[160];
            size_t n = strlen(wetee_last_error());
            if (n >= sizeof detail) n = sizeof detail - 1;
            memcpy(detail, wetee_last_error(), n);
            detail[n] = '\0';
            rc = wt_error(rc, MOD ": %s", detail);
        }
        goto out;
    }
    d = raw.data;
    if (raw.len < 3 || raw.len > RAW_MAX) {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": %zu decoded bytes; no SS58 address has that length", raw.len);
        goto out;
    }
    if (d[0] & 0x80) {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": first byte 0x%02x is not a prefix byte (>= 0x80)", d[0]);
        goto out;
    }
    if (d[0] < 64) {
        pre_len = 1;
        p = d[0];
    } else {
        pre_len = 2;
        p = (uint16_t)(((d[0] & 0x3f) << 2) | (d[1] >> 6) | ((d[1] & 0x3f) << 8));
    }
    /* body = payload ‖ checksum; find the payload length it implies. */
    body = raw.len - pre_len;
    if (body >= 2 && checksum_len(body - 1) == 1) {
        pl = body - 1;
    } else if (body >= 3 && checksum_len(body - 2) == 2) {
        pl = body - 2;
    } else {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": %zu decoded bytes with a %zu-byte prefix; no SS58 payload length fits",
                      raw.len, pre_len);
        goto out;
    }
    cs = body - pl;
    if (pre_len == 2 && p < 64) {
        rc = wt_error(WETEE_ERR_NON_CANONICAL, MOD ": prefix %u in the two-byte form (must be one byte)", (unsigned)p);
        goto out;
    }
    if (p == 46 || p == 47) {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": prefix %u is reserved", (unsigned)p);
        goto out;
    }
    if ((rc = ss58_hash(hash, d, pre_len + pl)) != WETEE_OK) goto out;
    if (memcmp(hash, d + pre_len + pl, cs) != 0) {
        rc = wt_error(WETEE_ERR_CHECKSUM,
                      MOD ": checksum mismatch in the last %zu decoded bytes (prefix %u, %zu-byte payload); "
                      "the address is mistyped or truncated",
                      cs, (unsigned)p, pl);
        goto out;
    }
    payload->len = 0;
    if ((rc = wt_buf_grow(payload, pl)) != WETEE_OK) goto out;
    memcpy(payload->data, d + pre_len, pl);
    payload->len = pl;
    *prefix = p;
out:
    wetee_buf_free(&raw);
    return rc;
}

size_t wetee_ss58_network_count(void) { return NETWORK_COUNT; }

int wetee_ss58_network_at(size_t i, uint16_t *prefix, const char **network, const char **display_name,
                          const char **symbol, unsigned *decimals)
{
    const ss58_network *n;
    if (i >= NETWORK_COUNT)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": network index %zu out of range (count %zu)", i,
                        (size_t)NETWORK_COUNT);
    n = &networks[i];
    if (prefix) *prefix = n->prefix;
    if (network) *network = n->network;
    if (display_name) *display_name = n->display_name;
    if (symbol) *symbol = n->symbol;
    if (decimals) *decimals = n->decimals;
    return WETEE_OK;
}

int wetee_ss58_network_find(size_t *index, const char *network)
{
    size_t i;
    WT_ARG(index != NULL, MOD, "index is NULL");
    WT_ARG(network != NULL, MOD, "network is NULL");
    for (i = 0; i < NETWORK_COUNT; i++) {
        if (strcmp(networks[i].network, network) == 0) {
            *index = i;
            return WETEE_OK;
        }
    }
    return wt_error(WETEE_ERR_NOT_FOUND, MOD ": no network named \"%.64s\"", network);
}

int wetee_ss58_network_find_prefix(size_t *index, uint16_t prefix)
{
    size_t i;
    WT_ARG(index != NULL, MOD, "index is NULL");
    for (i = 0; i < NETWORK_COUNT; i++) {
        if (networks[i].prefix == prefix) {
            *index = i;
            return WETEE_OK;
        }
    }
    return wt_error(WETEE_ERR_NOT_FOUND, MOD ": no network with prefix %u", (unsigned)prefix);
}
