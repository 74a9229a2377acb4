/* blake2b-256(SCALE((label, seed, chain_code))), the hard-junction step of
 * sp-core's ed25519 and ecdsa pairs. */
#include <sodium.h>

#include "internal/common.h"
#include "internal/hdkd.h"
#include "wetee/hash.h"

int wt_hdkd_blake2(uint8_t out[32], const char *label, const uint8_t seed[32], const uint8_t chain_code[32])
{
    uint8_t buf[1 + 63 + 32 + 32];
    size_t n = strlen(label), len;
    int rc;
    if (n > 63) return wt_error(WETEE_ERR_INTERNAL, "keys: HDKD label too long");
    buf[0] = (uint8_t)(n << 2); /* SCALE compact length, single-byte mode */
    memcpy(buf + 1, label, n);
    memcpy(buf + 1 + n, seed, 32);
    memcpy(buf + 1 + n + 32, chain_code, 32);
    len = 1 + n + 64;
    rc = wetee_hash_blake2b_256(out, buf, len);
    sodium_memzero(buf, sizeof buf);
    return rc;
}
