/* secp256k1 keys: Substrate ecdsa (blake2b-256 prehash, AccountId32 =
 * blake2b-256(pub33)), Ethereum (keccak-256 prehash, 20-byte addresses,
 * EIP-55 text) and BIP-32 derivation as polkadot.js applies it to Ethereum
 * accounts. Written from shared/reference/keys.md §3.2-3.3, BIP-32 and
 * EIP-55, on libsecp256k1 (>= 0.2).
 *
 * Signing and public-key creation use one process-wide context, created and
 * randomized once (pthread_once) and read-only afterwards, so every function
 * here is thread-safe; recovery and parsing use secp256k1_context_static. */
#include <pthread.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <sodium.h>

#include "internal/common.h"
#include "internal/hdkd.h"
#include "wetee/hash.h"
#include "wetee/keys.h"

#define MOD "ecdsa"

size_t wetee_ecdsa_signature_bytes(void) { return WETEE_ECDSA_SIGNATURE_BYTES; }

static secp256k1_context *g_sign_ctx;
static pthread_once_t g_sign_once = PTHREAD_ONCE_INIT;

static void sign_ctx_init(void)
{
    uint8_t seed[32];
    secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    if (!ctx) return;
    /* Blinding of the generator multiplication (side-channel hardening). */
    if (wt_random(seed, sizeof seed, MOD) != WETEE_OK || !secp256k1_context_randomize(ctx, seed)) {
        secp256k1_context_destroy(ctx);
        ctx = NULL;
    }
    sodium_memzero(seed, sizeof seed);
    g_sign_ctx = ctx;
}

static const secp256k1_context *sign_ctx(void)
{
    pthread_once(&g_sign_once, sign_ctx_init);
    return g_sign_ctx;
}

#define NEED_CTX(ctx, module)                                                                      \
    do {                                                                                           \
        if (!(ctx)) return wt_error(WETEE_ERR_NO_MEMORY, "%s: cannot create the secp256k1 context", module); \
    } while (0)

/* Compressed public key of a valid secret. */
static int pub_from_secret(uint8_t pub[33], const uint8_t secret[32], const char *module)
{
    const secp256k1_context *ctx = sign_ctx();
    secp256k1_pubkey pk;
    size_t n = 33;
    NEED_CTX(ctx, module);
    if (!secp256k1_ec_seckey_verify(secp256k1_context_static, secret))
        return wt_error(WETEE_ERR_CRYPTO, "%s: secret key is zero or not below the group order", module);
    if (!secp256k1_ec_pubkey_create(ctx, &pk, secret))
        return wt_error(WETEE_ERR_CRYPTO, "%s: cannot compute the public key", module);
    secp256k1_ec_pubkey_serialize(secp256k1_context_static, pub, &n, &pk, SECP256K1_EC_COMPRESSED);
    return WETEE_OK;
}

int wetee_ecdsa_public_from_secret(uint8_t pub[33], const uint8_t secret[32])
{
    WT_ARG(pub != NULL && secret != NULL, MOD, "NULL pointer");
    return pub_from_secret(pub, secret, MOD);
}

/* r ‖ s ‖ recid over a 32-byte digest (RFC 6979 nonce, low s). */
static int sign_digest(uint8_t sig[65], const uint8_t secret[32], const uint8_t digest[32], const char *module)
{
    const secp256k1_context *ctx = sign_ctx();
    secp256k1_ecdsa_recoverable_signature rs;
    int recid = 0;
    NEED_CTX(ctx, module);
    if (!secp256k1_ec_seckey_verify(secp256k1_context_static, secret))
        return wt_error(WETEE_ERR_CRYPTO, "%s: secret key is zero or not below the group order", module);
    if (!secp256k1_ecdsa_sign_recoverable(ctx, &rs, digest, secret, NULL, NULL))
        return wt_error(WETEE_ERR_CRYPTO, "%s: signing failed", module);
    secp256k1_ecdsa_recoverable_signature_serialize_compact(secp256k1_context_static, sig, &recid, &rs);
    sig[64] = (uint8_t)recid;
    return WETEE_OK;
}

/* Recover the public key of a 65-byte signature over `digest`. `v` is the
 * recovery id already mapped to 0..3. */
static int recover(secp256k1_pubkey *pk, const uint8_t sig[65], int v, const uint8_t digest[32],
                   const char *module)
{
    secp256k1_ecdsa_recoverable_signature rs;
    if (v < 0 || v > 3) return wt_error(WETEE_ERR_VERIFY, "%s: bad recovery id %d", module, (int)sig[64]);
    if (!secp256k1_ecdsa_recoverable_signature_parse_compact(secp256k1_context_static, &rs, sig, v))
        return wt_error(WETEE_ERR_VERIFY, "%s: r or s is zero or not below the group order", module);
    if (!secp256k1_ecdsa_recover(secp256k1_context_static, pk, &rs, digest))
        return wt_error(WETEE_ERR_VERIFY, "%s: public key recovery failed", module);
    return WETEE_OK;
}

int wetee_ecdsa_sign(uint8_t sig[65], const uint8_t secret[32], const uint8_t *msg, size_t msg_len)
{
    uint8_t h[32];
    int rc;
    WT_ARG(sig != NULL && secret != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, msg_len, MOD);
    if ((rc = wetee_hash_blake2b_256(h, msg, msg_len)) != WETEE_OK) return rc;
    return sign_digest(sig, secret, h, MOD);
}

int wetee_ecdsa_verify(const uint8_t sig[65], const uint8_t *msg, size_t msg_len, const uint8_t pub[33])
{
    uint8_t h[32], got[33];
    secp256k1_pubkey pk;
    size_t n = 33;
    int rc;
    WT_ARG(sig != NULL && pub != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, msg_len, MOD);
    if ((rc = wetee_hash_blake2b_256(h, msg, msg_len)) != WETEE_OK) return rc;
    if ((rc = recover(&pk, sig, sig[64], h, MOD)) != WETEE_OK) return rc;
    secp256k1_ec_pubkey_serialize(secp256k1_context_static, got, &n, &pk, SECP256K1_EC_COMPRESSED);
    if (memcmp(got, pub, 33) != 0) return wt_error(WETEE_ERR_VERIFY, MOD ": signature is by another key");
    return WETEE_OK;
}

int wetee_ecdsa_derive_hard(uint8_t out_secret[32], const uint8_t secret[32], const uint8_t chain_code[32])
{
    uint8_t out[32];
    int rc;
    WT_ARG(out_secret != NULL && secret != NULL && chain_code != NULL, MOD, "NULL pointer");
    rc = wt_hdkd_blake2(out, "Secp256k1HDKD", secret, chain_code);
    if (rc == WETEE_OK && !secp256k1_ec_seckey_verify(secp256k1_context_static, out))
        rc = wt_error(WETEE_ERR_CRYPTO, MOD ": derived secret is not a valid scalar");
    if (rc == WETEE_OK) memcpy(out_secret, out, 32);
    sodium_memzero(out, sizeof out);
    return rc;
}

int wetee_ecdsa_account_id(uint8_t out[32], const uint8_t pub[33])
{
    WT_ARG(out != NULL && pub != NULL, MOD, "NULL pointer");
    return wetee_hash_blake2b_256(out, pub, 33);
}

/* ---------------------------------------------------------------- */
/* Ethereum                                                          */
/* ---------------------------------------------------------------- */

#undef MOD
#define MOD "eth"

static void address_of(uint8_t out[20], const secp256k1_pubkey *pk)
{
    uint8_t full[65], h[32];
    size_t n = 65;
    secp256k1_ec_pubkey_serialize(secp256k1_context_static, full, &n, pk, SECP256K1_EC_UNCOMPRESSED);
    (void)wetee_hash_keccak256(h, full + 1, 64);
    memcpy(out, h + 12, 20);
}

int wetee_eth_sign(uint8_t sig[65], const uint8_t secret[32], const uint8_t *msg, size_t msg_len)
{
    uint8_t h[32];
    int rc;
    WT_ARG(sig != NULL && secret != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, msg_len, MOD);
    if ((rc = wetee_hash_keccak256(h, msg, msg_len)) != WETEE_OK) return rc;
    return sign_digest(sig, secret, h, MOD);
}

int wetee_eth_verify(const uint8_t sig[65], const uint8_t *msg, size_t msg_len, const uint8_t address[20])
{
    uint8_t h[32], got[20];
    secp256k1_pubkey pk;
    int v, rc;
    WT_ARG(sig != NULL && address != NULL, MOD, "NULL pointer");
    WT_ARG_DATA(msg, msg_len, MOD);
    if ((rc = wetee_hash_keccak256(h, msg, msg_len)) != WETEE_OK) return rc;
    /* v is the recovery id; the legacy 27/28 (+2) form is accepted too. */
    v = sig[64] >= 27 ? sig[64] - 27 : sig[64];
    if ((rc = recover(&pk, sig, v, h, MOD)) != WETEE_OK) return rc;
    address_of(got, &pk);
    if (memcmp(got, address, 20) != 0) return wt_error(WETEE_ERR_VERIFY, MOD ": signature is by another address");
    return WETEE_OK;
}

int wetee_eth_address(uint8_t out[20], const uint8_t *pub, size_t pub_len)
{
    secp256k1_pubkey pk;
    WT_ARG(out != NULL && pub != NULL, MOD, "NULL pointer");
    WT_ARG_LEN(pub_len, MOD);
    if (pub_len != 33 && pub_len != 65)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": public key must be 33 or 65 bytes, not %zu", pub_len);
    if (!secp256k1_ec_pubkey_parse(secp256k1_context_static, &pk, pub, pub_len))
        return wt_error(WETEE_ERR_CRYPTO, MOD ": invalid secp256k1 public key");
    address_of(out, &pk);
    return WETEE_OK;
}

static const char hex_lower[] = "0123456789abcdef";

/* Lower-case hex of the address and the keccak-256 of that text. */
static void eip55_hash(char lower[40], uint8_t h[32], const uint8_t address[20])
{
    int i;
    for (i = 0; i < 20; i++) {
        lower[2 * i] = hex_lower[address[i] >> 4];
        lower[2 * i + 1] = hex_lower[address[i] & 15];
    }
    (void)wetee_hash_keccak256(h, (const uint8_t *)lower, 40);
}

/* EIP-55: a letter at position i is upper case when nibble i of the hash is >= 8. */
static int eip55_upper(const uint8_t h[32], int i) { return ((i & 1) ? (h[i / 2] & 15) : (h[i / 2] >> 4)) >= 8; }

int wetee_eth_address_to_string(wetee_buf *out, const uint8_t address[20])
{
    char lower[40];
    uint8_t h[32];
    int i, rc;
    WT_ARG(out != NULL && address != NULL, MOD, "NULL pointer");
    eip55_hash(lower, h, address); /* before `out` grows: `address` may lie inside it */
    out->len = 0;
    if ((rc = wt_buf_grow(out, 42)) != WETEE_OK) return rc;
    out->data[0] = '0';
    out->data[1] = 'x';
    for (i = 0; i < 40; i++) {
        char c = lower[i];
        if (c >= 'a' && eip55_upper(h, i)) c = (char)(c - 'a' + 'A');
        out->data[2 + i] = (uint8_t)c;
    }
    out->len = 42;
    out->data[42] = 0;
    return WETEE_OK;
}

static int hex_val(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int wetee_eth_address_from_string(uint8_t out[20], const char *text, size_t len)
{
    uint8_t addr[20], h[32];
    char lower[40];
    int has_lower = 0, has_upper = 0, i;
    WT_ARG(out != NULL && text != NULL, MOD, "NULL pointer");
    WT_ARG_LEN(len, MOD);
    if (len < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        return wt_error(WETEE_ERR_DECODE, MOD ": address at offset 0: expected \"0x\"");
    if (len != 42)
        return wt_error(WETEE_ERR_DECODE, MOD ": address must have 40 hex digits after \"0x\", not %zu", len - 2);
    for (i = 0; i < 40; i++) {
        char c = text[2 + i];
        int v = hex_val(c);
        if (v < 0) return wt_error(WETEE_ERR_DECODE, MOD ": address at offset %d: not a hex digit", 2 + i);
        if (c >= 'a' && c <= 'f') has_lower = 1;
        if (c >= 'A' && c <= 'F') has_upper = 1;
        if (i & 1) addr[i / 2] = (uint8_t)(addr[i / 2] | v);
        else addr[i / 2] = (uint8_t)(v << 4);
    }
    if (has_lower && has_upper) {
        eip55_hash(lower, h, addr);
        for (i = 0; i < 40; i++) {
            char c = text[2 + i];
            if (c < 'A') continue; /* digit */
            if ((c <= 'F') != eip55_upper(h, i))
                return wt_error(WETEE_ERR_CHECKSUM, MOD ": address at offset %d: EIP-55 checksum mismatch", 2 + i);
        }
    }
    memcpy(out, addr, 20);
    return WETEE_OK;
}

/* ---------------------------------------------------------------- */
/* BIP-32                                                            */
/* ---------------------------------------------------------------- */

#undef MOD
#define MOD "bip32"

#define BIP32_HARDENED 0x80000000u
#define BIP32_MAX_DEPTH 255

/* Next path component after offset *pos: 1 with *index set, 0 at the end,
 * or a negative status (error detail names the offset). */
static int path_next(const char *path, size_t len, size_t *pos, uint32_t *index)
{
    size_t p = *pos, start;
    uint64_t v = 0;
    if (p >= len) return 0;
    if (path[p] != '/') return wt_error(WETEE_ERR_DECODE, MOD ": path at offset %zu: expected '/'", p);
    start = ++p;
    while (p < len && path[p] >= '0' && path[p] <= '9') {
        v = v * 10 + (uint64_t)(path[p] - '0');
        if (v >= BIP32_HARDENED)
            return wt_error(WETEE_ERR_DECODE, MOD ": path at offset %zu: index is not below 2^31", start);
        p++;
    }
    if (p == start) return wt_error(WETEE_ERR_DECODE, MOD ": path at offset %zu: expected a decimal index", p);
    if (p < len && (path[p] == '\'' || path[p] == 'h' || path[p] == 'H')) {
        v |= BIP32_HARDENED;
        p++;
    }
    *index = (uint32_t)v;
    *pos = p;
    return 1;
}

/* One private child (CKDpriv). An index whose IL is not below n or whose
 * key would be zero moves on to index + 1, as polkadot.js does. */
static int bip32_child(uint8_t k[32], uint8_t c[32], uint32_t index)
{
    uint8_t data[37], I[64], child[32];
    int rc = WETEE_OK;
    for (;;) {
        if (index & BIP32_HARDENED) {
            data[0] = 0;
            memcpy(data + 1, k, 32);
        } else if ((rc = pub_from_secret(data, k, MOD)) != WETEE_OK) {
            break;
        }
        wt_store_be32(data + 33, index);
        if ((rc = wetee_hmac_sha512(I, c, 32, data, sizeof data)) != WETEE_OK) break;
        memcpy(child, k, 32);
        if (secp256k1_ec_seckey_tweak_add(secp256k1_context_static, child, I)) {
            memcpy(k, child, 32);
            memcpy(c, I + 32, 32);
            break;
        }
        if (index == 0xffffffffu) {
            rc = wt_error(WETEE_ERR_CRYPTO, MOD ": no valid child key");
            break;
        }
        index++;
    }
    sodium_memzero(data, sizeof data);
    sodium_memzero(I, sizeof I);
    sodium_memzero(child, sizeof child);
    return rc;
}

int wetee_bip32_derive(uint8_t out_secret[32], const uint8_t *seed, size_t seed_len, const char *path,
                       size_t path_len)
{
    static const uint8_t master_key[12] = { 'B', 'i', 't', 'c', 'o', 'i', 'n', ' ', 's', 'e', 'e', 'd' };
    uint8_t I[64], k[32], c[32];
    size_t pos, depth = 0;
    uint32_t index;
    int rc;

    WT_ARG(out_secret != NULL && seed != NULL, MOD, "NULL pointer");
    WT_ARG_LEN(seed_len, MOD);
    WT_ARG_DATA(path, path_len, MOD);
    if (seed_len < 16 || seed_len > 64)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": seed must be 16 to 64 bytes, not %zu", seed_len);

    /* Validate the whole path before any work: "m" or "M", then "/index" with
     * an optional hardened marker (' h H). An empty path is the master key. */
    if (path_len > 0) {
        if (path[0] != 'm' && path[0] != 'M')
            return wt_error(WETEE_ERR_DECODE, MOD ": path at offset 0: expected 'm'");
        pos = 1;
        while ((rc = path_next(path, path_len, &pos, &index)) == 1) {
            if (++depth > BIP32_MAX_DEPTH)
                return wt_error(WETEE_ERR_DECODE, MOD ": path deeper than %d levels", BIP32_MAX_DEPTH);
        }
        if (rc < 0) return rc;
    }

    if ((rc = wetee_hmac_sha512(I, master_key, sizeof master_key, seed, seed_len)) != WETEE_OK) return rc;
    memcpy(k, I, 32);
    memcpy(c, I + 32, 32);
    sodium_memzero(I, sizeof I);
    if (!secp256k1_ec_seckey_verify(secp256k1_context_static, k)) {
        rc = wt_error(WETEE_ERR_CRYPTO, MOD ": invalid master key");
        goto done;
    }
    pos = 1;
    rc = WETEE_OK;
    while (path_len > 0 && path_next(path, path_len, &pos, &index) == 1)
        if ((rc = bip32_child(k, c, index)) != WETEE_OK) goto done;
    memcpy(out_secret, k, 32);
done:
    sodium_memzero(k, sizeof k);
    sodium_memzero(c, sizeof c);
    return rc;
}
