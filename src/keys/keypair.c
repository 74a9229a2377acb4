/* Scheme-generic keypair: construction from secret URIs, mnemonics, seeds and
 * the RNG; derivation; addresses; signing and verification dispatch. */
#include <sodium.h>

#include "internal/common.h"
#include "internal/ed25519_curve.h"
#include "internal/suri.h"
#include "internal/textspace.h"
#include "wetee/keys.h"
#include "wetee/mnemonic.h"
#include "wetee/ss58.h"

/* The whole handle holds secrets; its pages are locked when the OS allows
 * it (wt_lock_pages: reference-counted per page, so freeing one handle
 * never unlocks a page another live handle shares; best effort). */
struct wetee_keypair {
    uint8_t secret[64]; /* sr25519: 8·key ‖ nonce; ed25519: seed ‖ public; ecdsa/eth: 32-byte scalar */
    uint8_t ed_expanded[64]; /* ed25519: SHA-512(seed) clamped (scalar ‖ nonce prefix), made once for signing */
    uint8_t pub[WETEE_PUBLIC_MAX_BYTES];
    size_t secret_len;
    size_t pub_len;
    wetee_scheme scheme;
};

static int scheme_valid(wetee_scheme scheme)
{
    return scheme == WETEE_SCHEME_SR25519 || scheme == WETEE_SCHEME_ED25519 || scheme == WETEE_SCHEME_ECDSA ||
           scheme == WETEE_SCHEME_ETHEREUM;
}

static const char *scheme_name(wetee_scheme scheme)
{
    switch (scheme) {
    case WETEE_SCHEME_SR25519: return "sr25519";
    case WETEE_SCHEME_ED25519: return "ed25519";
    case WETEE_SCHEME_ECDSA: return "ecdsa";
    case WETEE_SCHEME_ETHEREUM: return "ethereum";
    }
    return "unknown";
}

static wetee_keypair *kp_alloc(wetee_scheme scheme)
{
    wetee_keypair *kp = wt_malloc(sizeof *kp);
    if (!kp) return NULL;
    memset(kp, 0, sizeof *kp);
    wt_lock_pages(kp, sizeof *kp);
    kp->scheme = scheme;
    return kp;
}

void wetee_keypair_free(wetee_keypair *kp)
{
    if (!kp) return;
    sodium_memzero(kp, sizeof *kp);
    wt_unlock_pages(kp, sizeof *kp);
    wt_free(kp);
}

/* Fill kp from a 32-byte seed of its scheme. */
static int kp_set_seed(wetee_keypair *kp, const uint8_t seed[32])
{
    int rc;
    switch (kp->scheme) {
    case WETEE_SCHEME_SR25519:
        rc = wetee_sr25519_keypair_from_seed(kp->secret, kp->pub, seed);
        kp->secret_len = 64;
        kp->pub_len = 32;
        return rc;
    case WETEE_SCHEME_ED25519:
        rc = wetee_ed25519_keypair_from_seed(kp->secret, kp->pub, seed);
        if (rc == WETEE_OK) wt_ed25519_expand(kp->ed_expanded, kp->secret);
        kp->secret_len = 64;
        kp->pub_len = 32;
        return rc;
    case WETEE_SCHEME_ECDSA:
    case WETEE_SCHEME_ETHEREUM:
        rc = wetee_ecdsa_public_from_secret(kp->pub, seed);
        if (rc) return rc;
        memcpy(kp->secret, seed, 32);
        kp->secret_len = 32;
        kp->pub_len = 33;
        return WETEE_OK;
    }
    return wt_error(WETEE_ERR_INVALID_ARGUMENT, "keypair: unknown scheme %d", (int)kp->scheme);
}

/* sr25519 from a 64-byte canonical secret `key ‖ nonce` (sp-core's 64-byte from_seed_slice). */
static int kp_set_sr25519_canonical(wetee_keypair *kp, const uint8_t canonical[64])
{
    int rc = wetee_sr25519_secret_from_canonical(kp->secret, canonical);
    if (rc) return rc;
    kp->secret_len = 64;
    kp->pub_len = 32;
    return wetee_sr25519_public_from_secret(kp->pub, kp->secret);
}

/* Apply one substrate junction to kp in place. */
static int kp_apply_junction(wetee_keypair *kp, const uint8_t cc[32], int hard, size_t index)
{
    uint8_t tmp[64], tpub[32];
    int rc;
    switch (kp->scheme) {
    case WETEE_SCHEME_SR25519:
        if (hard) rc = wetee_sr25519_derive_hard(tmp, tpub, kp->secret, cc);
        else rc = wetee_sr25519_derive_soft(tmp, tpub, kp->secret, kp->pub, cc);
        if (rc == WETEE_OK) {
            memcpy(kp->secret, tmp, 64);
            memcpy(kp->pub, tpub, 32);
        }
        break;
    case WETEE_SCHEME_ED25519:
        if (!hard) goto soft;
        rc = wetee_ed25519_derive_hard(tmp, kp->secret, cc);
        if (rc == WETEE_OK) rc = kp_set_seed(kp, tmp);
        break;
    case WETEE_SCHEME_ECDSA:
        if (!hard) goto soft;
        rc = wetee_ecdsa_derive_hard(tmp, kp->secret, cc);
        if (rc == WETEE_OK) rc = kp_set_seed(kp, tmp);
        break;
    default:
        rc = wt_error(WETEE_ERR_UNSUPPORTED, "keypair: %s keys take BIP-32 paths, not substrate junctions",
                      scheme_name(kp->scheme));
        break;
    }
    sodium_memzero(tmp, sizeof tmp);
    return rc;
soft:
    return wt_error(WETEE_ERR_UNSUPPORTED,
                    "keypair: junction %zu is soft (/x); %s supports only hard junctions (//x)", index,
                    scheme_name(kp->scheme));
}

static int kp_apply_suri_junctions(wetee_keypair *kp, const wetee_suri *s)
{
    size_t i, n = wetee_suri_junction_count(s);
    uint8_t cc[32];
    int hard = 0, rc = WETEE_OK;
    for (i = 0; i < n && rc == WETEE_OK; i++) {
        rc = wetee_suri_junction(s, i, cc, &hard);
        if (rc == WETEE_OK) rc = kp_apply_junction(kp, cc, hard, i);
    }
    sodium_memzero(cc, sizeof cc);
    return rc;
}

/* Drop leading and trailing whitespace (wt_space_len) from a phrase:
 * advances *phrase and returns the new length. */
static size_t phrase_trim(const char **phrase, size_t len)
{
    const unsigned char *p = (const unsigned char *)*phrase;
    size_t i = 0, end = 0, sp;
    while (i < len && (sp = wt_space_len(p + i, len - i)) != 0) i += sp;
    *phrase += i;
    p += i;
    len -= i;
    for (i = 0; i < len;) {
        if ((sp = wt_space_len(p + i, len - i)) != 0) {
            i += sp;
        } else {
            end = ++i;
        }
    }
    return end;
}

static int is_hex_phrase(const char *phrase, size_t len)
{
    return len >= 2 && phrase[0] == '0' && phrase[1] == 'x';
}

/* Decode "0x…" into out (capacity 64); offsets only in errors (the seed is secret). */
static int decode_hex_seed(uint8_t out[64], size_t *out_len, const char *phrase, size_t len)
{
    size_t i, n = len - 2;
    for (i = 2; i < len; i++) {
        char c = phrase[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return wt_error(WETEE_ERR_DECODE, "keypair: non-hex character in the 0x seed at offset %zu", i);
    }
    if (n % 2 || n / 2 > 64)
        return wt_error(WETEE_ERR_DECODE, "keypair: 0x seed has %zu hex digits, expected 64%s", n,
                        n == 128 ? "" : " (or 128 for an sr25519 secret)");
    if (wetee_hex_decode_exact(out, n / 2, phrase, len) != WETEE_OK)
        return wt_error(WETEE_ERR_DECODE, "keypair: malformed 0x seed");
    *out_len = n / 2;
    return WETEE_OK;
}

static int kp_from_seed_bytes(wetee_keypair *kp, const uint8_t *seed, size_t len)
{
    if (len == 32) return kp_set_seed(kp, seed);
    if (len == 64 && kp->scheme == WETEE_SCHEME_SR25519) return kp_set_sr25519_canonical(kp, seed);
    return wt_error(WETEE_ERR_DECODE, "keypair: %s seed is %zu bytes, expected 32%s", scheme_name(kp->scheme), len,
                    kp->scheme == WETEE_SCHEME_SR25519 ? " (or a 64-byte canonical secret)" : "");
}

/* Ethereum key: standard BIP-39 seed (with `passphrase`), then the BIP-32 path ("m" when empty). */
static int eth_from_mnemonic(wetee_keypair *kp, const char *phrase, size_t len, const char *passphrase,
                             size_t passphrase_len, const char *path, size_t path_len)
{
    uint8_t seed[64], key[32];
    int rc = wetee_mnemonic_to_bip39_seed(seed, phrase, len, passphrase, passphrase_len);
    if (rc == WETEE_OK) {
        if (path_len == 0) rc = wetee_bip32_derive(key, seed, sizeof seed, "m", 1);
        else rc = wetee_bip32_derive(key, seed, sizeof seed, path, path_len);
    }
    if (rc == WETEE_OK) rc = kp_set_seed(kp, key);
    sodium_memzero(seed, sizeof seed);
    sodium_memzero(key, sizeof key);
    return rc;
}

static int finish(wetee_keypair **out, wetee_keypair *kp, int rc)
{
    if (rc == WETEE_OK) {
        *out = kp;
    } else {
        wetee_keypair_free(kp);
    }
    return rc;
}

/* Ethereum SURI: polkadot.js semantics (phrase/m/44'/60'/0'/0/0); the
 * `///password` as opts->eth_password says. `len` excludes a final line break. */
static int eth_from_suri(wetee_keypair *kp, const wetee_suri *s, const char *suri, size_t len,
                         wetee_eth_password mode)
{
    const char *phrase = wetee_suri_phrase(s), *password = wetee_suri_password(s);
    size_t plen = strlen(phrase), start = 0, end, pwlen = password ? strlen(password) : 0;
    /* The raw path text: from the end of the phrase to the `///` of the password. */
    while (start < len && suri[start] != '/') start++;
    for (end = start; end < len; end++)
        if (len - end >= 3 && suri[end] == '/' && suri[end + 1] == '/' && suri[end + 2] == '/') break;
    /* An empty password means the same in every convention. */
    if (pwlen > 0 && mode == WETEE_ETH_PASSWORD_REJECT)
        return wt_error(WETEE_ERR_UNSUPPORTED,
                        "keypair: ethereum: the ///password at offset %zu has no agreed meaning (polkadot.js "
                        "ignores it, substrate-interface uses it as the BIP-39 passphrase): choose with "
                        "wetee_suri_options.eth_password (WETEE_ETH_PASSWORD_PASSPHRASE or "
                        "WETEE_ETH_PASSWORD_IGNORE)",
                        end);
    plen = phrase_trim(&phrase, plen);
    if (is_hex_phrase(phrase, plen)) {
        uint8_t key[64];
        size_t klen = 0;
        int rc;
        if (end > start)
            return wt_error(WETEE_ERR_UNSUPPORTED,
                            "keypair: ethereum: a derivation path at offset %zu cannot follow a raw 0x private key",
                            start);
        if (pwlen > 0 && mode == WETEE_ETH_PASSWORD_PASSPHRASE)
            return wt_error(WETEE_ERR_UNSUPPORTED,
                            "keypair: ethereum: the ///password at offset %zu cannot be a BIP-39 passphrase after "
                            "a raw 0x private key",
                            end);
        rc = decode_hex_seed(key, &klen, phrase, plen);
        if (rc == WETEE_OK && klen != 32)
            rc = wt_error(WETEE_ERR_DECODE, "keypair: ethereum private key is %zu bytes, expected 32", klen);
        if (rc == WETEE_OK) rc = kp_set_seed(kp, key);
        sodium_memzero(key, sizeof key);
        return rc;
    }
    /* Skip the leading '/' of "/m/44'/…". */
    if (end > start) start++;
    if (mode != WETEE_ETH_PASSWORD_PASSPHRASE) pwlen = 0;
    return eth_from_mnemonic(kp, phrase, plen, pwlen ? password : "", pwlen, suri + start, end - start);
}

int wetee_keypair_from_suri(wetee_keypair **out, wetee_scheme scheme, const char *suri, size_t len)
{
    return wetee_keypair_from_suri_opts(out, scheme, suri, len, NULL);
}

int wetee_keypair_from_suri_opts(wetee_keypair **out, wetee_scheme scheme, const char *suri, size_t len,
                                 const wetee_suri_options *opts)
{
    static const wetee_suri_options defaults = WETEE_SURI_OPTIONS_INIT;
    wetee_suri *s = NULL;
    wetee_keypair *kp;
    const char *phrase, *password;
    size_t plen, text_len = 0;
    int rc;
    WT_ARG(out != NULL, "keypair", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(suri, len, "keypair");
    WT_ARG(scheme_valid(scheme), "keypair", "unknown scheme");
    if (!opts) opts = &defaults;
    WT_ARG(opts->version == WETEE_SURI_OPTIONS_VERSION, "keypair", "unknown wetee_suri_options version");
    WT_ARG(opts->eth_password == WETEE_ETH_PASSWORD_REJECT || opts->eth_password == WETEE_ETH_PASSWORD_PASSPHRASE ||
               opts->eth_password == WETEE_ETH_PASSWORD_IGNORE,
           "keypair", "unknown eth_password mode");
    if ((rc = wt_suri_parse(&s, suri, len, scheme == WETEE_SCHEME_ETHEREUM, &text_len)) != WETEE_OK) return rc;
    kp = kp_alloc(scheme);
    if (!kp) {
        wetee_suri_free(s);
        return wt_error(WETEE_ERR_NO_MEMORY, "keypair: out of memory");
    }
    phrase = wetee_suri_phrase(s);
    plen = strlen(phrase);
    password = wetee_suri_password(s);
    if (scheme == WETEE_SCHEME_ETHEREUM) {
        rc = eth_from_suri(kp, s, suri, text_len, opts->eth_password);
    } else {
        plen = phrase_trim(&phrase, plen);
        if (is_hex_phrase(phrase, plen)) {
            uint8_t seed[64];
            size_t slen = 0;
            /* As in sp-core, a password after a raw seed is ignored. */
            rc = decode_hex_seed(seed, &slen, phrase, plen);
            if (rc == WETEE_OK) rc = kp_from_seed_bytes(kp, seed, slen);
            sodium_memzero(seed, sizeof seed);
        } else {
            uint8_t mini[32];
            rc = wetee_mnemonic_to_mini_secret(mini, phrase, plen, password, password ? strlen(password) : 0);
            if (rc == WETEE_OK) rc = kp_set_seed(kp, mini);
            sodium_memzero(mini, sizeof mini);
        }
        if (rc == WETEE_OK) rc = kp_apply_suri_junctions(kp, s);
    }
    wetee_suri_free(s);
    return finish(out, kp, rc);
}

int wetee_keypair_from_mnemonic(wetee_keypair **out, wetee_scheme scheme, const char *phrase, size_t phrase_len,
                                const char *password, size_t password_len)
{
    wetee_keypair *kp;
    int rc;
    WT_ARG(out != NULL, "keypair", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(phrase, phrase_len, "keypair");
    WT_ARG_DATA(password, password_len, "keypair");
    WT_ARG(scheme_valid(scheme), "keypair", "unknown scheme");
    if (!password) password = "";
    kp = kp_alloc(scheme);
    if (!kp) return wt_error(WETEE_ERR_NO_MEMORY, "keypair: out of memory");
    if (scheme == WETEE_SCHEME_ETHEREUM) {
        rc = eth_from_mnemonic(kp, phrase, phrase_len, password, password_len, NULL, 0);
    } else {
        uint8_t mini[32];
        rc = wetee_mnemonic_to_mini_secret(mini, phrase, phrase_len, password, password_len);
        if (rc == WETEE_OK) rc = kp_set_seed(kp, mini);
        sodium_memzero(mini, sizeof mini);
    }
    return finish(out, kp, rc);
}

int wetee_keypair_from_seed(wetee_keypair **out, wetee_scheme scheme, const uint8_t *seed, size_t len)
{
    wetee_keypair *kp;
    WT_ARG(out != NULL, "keypair", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(seed, len, "keypair");
    WT_ARG(scheme_valid(scheme), "keypair", "unknown scheme");
    /* a binary argument of another length is the caller's error (core.h);
     * a 0x seed in a SURI that decodes to one is malformed text (DECODE) */
    if (len != 32 && !(len == 64 && scheme == WETEE_SCHEME_SR25519))
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "keypair: seed of %zu bytes, expected 32%s", len,
                        scheme == WETEE_SCHEME_SR25519 ? " (or a 64-byte canonical secret)" : "");
    kp = kp_alloc(scheme);
    if (!kp) return wt_error(WETEE_ERR_NO_MEMORY, "keypair: out of memory");
    return finish(out, kp, kp_from_seed_bytes(kp, seed, len));
}

int wetee_keypair_generate(wetee_keypair **out, wetee_scheme scheme)
{
    wetee_keypair *kp;
    uint8_t seed[32];
    int rc, tries;
    WT_ARG(out != NULL, "keypair", "out is NULL");
    *out = NULL;
    WT_ARG(scheme_valid(scheme), "keypair", "unknown scheme");
    if ((rc = wt_sodium_ready("keypair")) != WETEE_OK) return rc;
    kp = kp_alloc(scheme);
    if (!kp) return wt_error(WETEE_ERR_NO_MEMORY, "keypair: out of memory");
    /* A random 32-byte string is a valid secp256k1 key except with
     * probability ~2^-128; retry in that case. */
    for (tries = 0; tries < 8; tries++) {
        rc = wt_random(seed, sizeof seed, "keypair");
        if (rc == WETEE_OK) rc = kp_set_seed(kp, seed);
        if (rc != WETEE_ERR_CRYPTO) break;
    }
    sodium_memzero(seed, sizeof seed);
    return finish(out, kp, rc);
}

int wetee_keypair_derive(wetee_keypair **out, const wetee_keypair *kp, const char *path, size_t len)
{
    wetee_suri *s = NULL;
    wetee_keypair *child;
    int rc;
    WT_ARG(out != NULL, "keypair", "out is NULL");
    *out = NULL;
    WT_ARG(kp != NULL, "keypair", "kp is NULL");
    WT_ARG_DATA(path, len, "keypair");
    if (kp->scheme == WETEE_SCHEME_ETHEREUM)
        return wt_error(WETEE_ERR_UNSUPPORTED,
                        "keypair: an ethereum keypair holds no BIP-32 chain code; derive from the mnemonic with "
                        "the full path (phrase/m/44'/60'/0'/0/0)");
    if (len > 0 && path[0] != '/')
        return wt_error(WETEE_ERR_DECODE, "keypair: derivation path must start with '/' (offset 0)");
    if ((rc = wetee_suri_parse(&s, path, len)) != WETEE_OK) return rc;
    if (wetee_suri_password(s) != NULL) {
        wetee_suri_free(s);
        return wt_error(WETEE_ERR_DECODE, "keypair: a derivation path cannot carry a ///password");
    }
    child = kp_alloc(kp->scheme);
    if (!child) {
        wetee_suri_free(s);
        return wt_error(WETEE_ERR_NO_MEMORY, "keypair: out of memory");
    }
    memcpy(child->secret, kp->secret, sizeof kp->secret);
    memcpy(child->ed_expanded, kp->ed_expanded, sizeof kp->ed_expanded);
    memcpy(child->pub, kp->pub, sizeof kp->pub);
    child->secret_len = kp->secret_len;
    child->pub_len = kp->pub_len;
    rc = kp_apply_suri_junctions(child, s);
    wetee_suri_free(s);
    return finish(out, child, rc);
}

wetee_scheme wetee_keypair_scheme(const wetee_keypair *kp)
{
    return kp ? kp->scheme : (wetee_scheme)-1;
}

int wetee_keypair_public(const wetee_keypair *kp, uint8_t out[WETEE_PUBLIC_MAX_BYTES], size_t *out_len)
{
    WT_ARG(kp != NULL, "keypair", "kp is NULL");
    WT_ARG(out != NULL, "keypair", "out is NULL");
    memcpy(out, kp->pub, kp->pub_len);
    if (out_len) *out_len = kp->pub_len;
    return WETEE_OK;
}

int wetee_keypair_account_id(const wetee_keypair *kp, uint8_t out[32], size_t *out_len)
{
    int rc = WETEE_OK;
    size_t n = 32;
    WT_ARG(kp != NULL, "keypair", "kp is NULL");
    WT_ARG(out != NULL, "keypair", "out is NULL");
    switch (kp->scheme) {
    case WETEE_SCHEME_SR25519:
    case WETEE_SCHEME_ED25519: memcpy(out, kp->pub, 32); break;
    case WETEE_SCHEME_ECDSA: rc = wetee_ecdsa_account_id(out, kp->pub); break;
    case WETEE_SCHEME_ETHEREUM:
        rc = wetee_eth_address(out, kp->pub, kp->pub_len);
        n = 20;
        break;
    }
    if (rc == WETEE_OK && out_len) *out_len = n;
    return rc;
}

int wetee_keypair_address(wetee_buf *out, const wetee_keypair *kp, uint16_t prefix)
{
    uint8_t id[32];
    size_t n = 0;
    int rc;
    WT_ARG(out != NULL, "keypair", "out is NULL");
    WT_ARG(kp != NULL, "keypair", "kp is NULL");
    if ((rc = wetee_keypair_account_id(kp, id, &n)) != WETEE_OK) return rc;
    if (kp->scheme == WETEE_SCHEME_ETHEREUM) return wetee_eth_address_to_string(out, id);
    return wetee_ss58_encode(out, id, n, prefix);
}

int wetee_keypair_sign(const wetee_keypair *kp, uint8_t out[WETEE_SIGNATURE_MAX_BYTES], size_t *out_len,
                       const uint8_t *msg, size_t msg_len)
{
    int rc = WETEE_OK;
    size_t n = 64;
    WT_ARG(kp != NULL, "keypair", "kp is NULL");
    WT_ARG(out != NULL, "keypair", "out is NULL");
    WT_ARG_DATA(msg, msg_len, "keypair");
    if (!msg) msg = (const uint8_t *)"";
    switch (kp->scheme) {
    case WETEE_SCHEME_SR25519: rc = wetee_sr25519_sign(out, kp->secret, kp->pub, msg, msg_len); break;
    case WETEE_SCHEME_ED25519: wt_ed25519_sign_expanded(out, kp->ed_expanded, kp->pub, msg, msg_len); break;
    case WETEE_SCHEME_ECDSA:
        rc = wetee_ecdsa_sign(out, kp->secret, msg, msg_len);
        n = 65;
        break;
    case WETEE_SCHEME_ETHEREUM:
        rc = wetee_eth_sign(out, kp->secret, msg, msg_len);
        n = 65;
        break;
    }
    if (rc == WETEE_OK && out_len) *out_len = n;
    return rc;
}

static int verify_scheme(wetee_scheme scheme, const uint8_t *sig, size_t sig_len, const uint8_t *msg,
                         size_t msg_len, const uint8_t *pub, size_t pub_len, int strict)
{
    WT_ARG(scheme_valid(scheme), "keypair", "unknown scheme");
    WT_ARG_DATA(sig, sig_len, "keypair");
    WT_ARG_DATA(msg, msg_len, "keypair");
    WT_ARG(pub != NULL, "keypair", "pub is NULL");
    WT_ARG_LEN(pub_len, "keypair");
    if (!msg) msg = (const uint8_t *)"";
    switch (scheme) {
    case WETEE_SCHEME_SR25519:
    case WETEE_SCHEME_ED25519:
        WT_ARG(pub_len == 32, "keypair", "public key must be 32 bytes");
        if (sig_len != 64)
            return wt_error(WETEE_ERR_VERIFY, "keypair: %s signature is %zu bytes, expected 64", scheme_name(scheme),
                            sig_len);
        if (scheme == WETEE_SCHEME_SR25519)
            return strict ? wetee_sr25519_verify_strict(sig, msg, msg_len, pub)
                          : wetee_sr25519_verify(sig, msg, msg_len, pub);
        return strict ? wetee_ed25519_verify_strict(sig, msg, msg_len, pub)
                      : wetee_ed25519_verify(sig, msg, msg_len, pub);
    case WETEE_SCHEME_ECDSA:
        WT_ARG(pub_len == 33, "keypair", "ecdsa public key must be 33 bytes");
        if (sig_len != 65)
            return wt_error(WETEE_ERR_VERIFY, "keypair: ecdsa signature is %zu bytes, expected 65", sig_len);
        return wetee_ecdsa_verify(sig, msg, msg_len, pub);
    case WETEE_SCHEME_ETHEREUM: {
        uint8_t addr[20];
        int rc;
        WT_ARG(pub_len == 20 || pub_len == 33 || pub_len == 65, "keypair",
               "ethereum key must be a 20-byte address or a 33/65-byte public key");
        if (sig_len != 65)
            return wt_error(WETEE_ERR_VERIFY, "keypair: ethereum signature is %zu bytes, expected 65", sig_len);
        if (pub_len == 20) {
            memcpy(addr, pub, 20);
        } else if ((rc = wetee_eth_address(addr, pub, pub_len)) != WETEE_OK) {
            return rc;
        }
        return wetee_eth_verify(sig, msg, msg_len, addr);
    }
    }
    return wt_error(WETEE_ERR_INVALID_ARGUMENT, "keypair: unknown scheme");
}

int wetee_verify(wetee_scheme scheme, const uint8_t *sig, size_t sig_len, const uint8_t *msg, size_t msg_len,
                 const uint8_t *pub, size_t pub_len)
{
    return verify_scheme(scheme, sig, sig_len, msg, msg_len, pub, pub_len, 0);
}

int wetee_verify_strict(wetee_scheme scheme, const uint8_t *sig, size_t sig_len, const uint8_t *msg,
                        size_t msg_len, const uint8_t *pub, size_t pub_len)
{
    return verify_scheme(scheme, sig, sig_len, msg, msg_len, pub, pub_len, 1);
}

int wetee_keypair_secret(const wetee_keypair *kp, wetee_buf *out)
{
    WT_ARG(kp != NULL, "keypair", "kp is NULL");
    WT_ARG(out != NULL, "keypair", "out is NULL");
    out->len = 0;
    if (wt_buf_grow(out, kp->secret_len) != WETEE_OK) return wt_error(WETEE_ERR_NO_MEMORY, "keypair: out of memory");
    memcpy(out->data, kp->secret, kp->secret_len);
    out->len = kp->secret_len;
    return WETEE_OK;
}
