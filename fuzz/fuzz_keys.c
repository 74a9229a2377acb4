/* libFuzzer target for the key-text parsers and the sr25519 verifier:
 *   byte 0 selects the target, the rest is the input.
 *   0: BIP-32 path (wetee_bip32_derive with a fixed seed): never crashes;
 *      failures carry an error detail; a path that parses gives the same key
 *      with every hardened marker spelled ' instead of h/H.
 *   1: EIP-55 address text: whatever parses re-encodes to checksummed text
 *      that parses to the same bytes.
 *   2: sr25519 verification of arbitrary (sig, pub, msg): the variable-time
 *      path and the libsodium-only path must agree; also the Ristretto
 *      decoder's accept/reject decision and round trip; the strict rules
 *      accept only what the default ones accept.
 *   3: ed25519 verification of arbitrary (sig, pub, msg): whatever the
 *      strict (libsodium) rules accept the ZIP-215 ones accept; every point
 *      libsodium calls valid decodes and re-encodes to the same bytes. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "internal/sr25519.h"
#include "internal/ed25519_curve.h"
#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_bip32(const char *text, size_t len)
{
    static const uint8_t seed[64] = { 1, 2, 3, 4 };
    uint8_t k1[32], k2[32];
    char norm[64];
    size_t i;
    int rc;
    if (len > sizeof norm) return; /* every level costs an HMAC and a point multiplication */
    rc = wetee_bip32_derive(k1, seed, sizeof seed, text, len);
    if (rc != WETEE_OK) {
        REQUIRE(wetee_last_error()[0] != '\0');
        return;
    }
    for (i = 0; i < len; i++) norm[i] = (text[i] == 'h' || text[i] == 'H') ? '\'' : text[i];
    REQUIRE(wetee_bip32_derive(k2, seed, sizeof seed, norm, len) == WETEE_OK);
    REQUIRE(memcmp(k1, k2, 32) == 0);
}

static void fuzz_eip55(const char *text, size_t len)
{
    uint8_t a[20], b[20];
    wetee_buf s = WETEE_BUF_INIT;
    if (wetee_eth_address_from_string(a, text, len) != WETEE_OK) {
        REQUIRE(wetee_last_error()[0] != '\0');
        return;
    }
    REQUIRE(wetee_eth_address_to_string(&s, a) == WETEE_OK);
    REQUIRE(s.len == 42);
    REQUIRE(wetee_eth_address_from_string(b, (const char *)s.data, s.len) == WETEE_OK);
    REQUIRE(memcmp(a, b, 20) == 0);
    wetee_buf_free(&s);
}

static void fuzz_sr25519(const uint8_t *d, size_t len)
{
    uint8_t out[32];
    int fast, ref, lib;
    if (len < 32) return;
    fast = wt_ristretto_fast_roundtrip(out, d) == 0;
    lib = crypto_core_ristretto255_is_valid_point(d) && !(d[31] & 0x80);
    REQUIRE(fast == lib);
    if (fast) REQUIRE(memcmp(out, d, 32) == 0);
    if (len < 96) return;
    fast = wetee_sr25519_verify(d + 32, d + 96, len - 96, d);
    ref = wt_sr25519_verify_ref(d + 32, d + 96, len - 96, d, 0);
    REQUIRE(fast == ref);
    fast = wetee_sr25519_verify_strict(d + 32, d + 96, len - 96, d);
    ref = wt_sr25519_verify_ref(d + 32, d + 96, len - 96, d, 1);
    REQUIRE(fast == ref);
    if (fast == WETEE_OK) REQUIRE(wetee_sr25519_verify(d + 32, d + 96, len - 96, d) == WETEE_OK);
}

static void fuzz_ed25519(const uint8_t *d, size_t len)
{
    uint8_t out[32];
    wt_ge p;
    int ours, strict;
    if (len < 32) return;
    if (crypto_core_ed25519_is_valid_point(d)) {
        REQUIRE(wt_ge_from_edwards_zip215(&p, d) == 0);
        wt_ge_to_edwards(out, &p);
        REQUIRE(memcmp(out, d, 32) == 0);
    }
    if (len < 96) return;
    ours = wetee_ed25519_verify(d + 32, d + 96, len - 96, d);
    strict = wetee_ed25519_verify_strict(d + 32, d + 96, len - 96, d);
    REQUIRE(ours == WETEE_OK || ours == WETEE_ERR_VERIFY);
    REQUIRE(strict == WETEE_OK || strict == WETEE_ERR_VERIFY);
    if (strict == WETEE_OK) REQUIRE(ours == WETEE_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    switch (data[0] % 4) {
    case 0: fuzz_bip32((const char *)data + 1, size - 1); break;
    case 1: fuzz_eip55((const char *)data + 1, size - 1); break;
    case 2: fuzz_sr25519(data + 1, size - 1); break;
    default: fuzz_ed25519(data + 1, size - 1); break;
    }
    return 0;
}
