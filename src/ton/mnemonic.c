/* TON mnemonics (ton-org/ton-crypto src/mnemonic/mnemonic.ts, a port of
 * tonlib Mnemonic.cpp): not BIP-39 seeds, only BIP-39's word list. */
#include <sodium.h>

#include "internal/bip39.h"
#include "ton/ton_impl.h"
#include "wetee/hash.h"

#define WORDS_MAX 64
#define PHRASE_MAX (WORDS_MAX * 9)
#define PBKDF_ITERATIONS 100000u

/* Normalise: words separated by ASCII whitespace runs, trimmed, upper case
 * folded (as ton-crypto normalizeMnemonic); every word in the list. Writes
 * the words joined by single spaces into `norm` (NUL-terminated). */
static int normalise(char norm[PHRASE_MAX + 1], size_t *norm_len, size_t *nwords, const char *phrase, size_t len)
{
    size_t i = 0, n = 0, w = 0;
    while (i < len) {
        size_t start, wl;
        while (i < len && (phrase[i] == ' ' || phrase[i] == '\t' || phrase[i] == '\n' || phrase[i] == '\r')) i++;
        if (i == len) break;
        start = i;
        while (i < len && !(phrase[i] == ' ' || phrase[i] == '\t' || phrase[i] == '\n' || phrase[i] == '\r')) i++;
        wl = i - start;
        if (++w > WORDS_MAX) return wt_error(WETEE_ERR_DECODE, MOD ": mnemonic has more than %d words", WORDS_MAX);
        if (wl > 8) return wt_error(WETEE_ERR_DECODE, MOD ": mnemonic word %zu (offset %zu) is not in the word list", w, start);
        if (n) norm[n++] = ' ';
        for (size_t k = 0; k < wl; k++) {
            char c = phrase[start + k];
            if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
            if (c < 'a' || c > 'z')
                return wt_error(WETEE_ERR_DECODE, MOD ": mnemonic word %zu, offset %zu: a character other than a-z", w,
                                start + k);
            norm[n++] = c;
        }
        if (wt_bip39_word_index(norm + n - wl, wl) < 0)
            return wt_error(WETEE_ERR_DECODE, MOD ": mnemonic word %zu (offset %zu) is not in the word list", w, start);
    }
    if (w == 0) return wt_error(WETEE_ERR_DECODE, MOD ": empty mnemonic");
    norm[n] = 0;
    *norm_len = n;
    *nwords = w;
    return WETEE_OK;
}

static int entropy_of(uint8_t out[64], const char *norm, size_t n, const char *password, size_t password_len)
{
    return wetee_hmac_sha512(out, (const uint8_t *)norm, n, (const uint8_t *)password, password_len);
}

static int first_byte(uint8_t *out, const uint8_t entropy[64], const char *salt, uint32_t iterations)
{
    uint8_t k[64];
    int rc = wetee_pbkdf2_sha512(k, 64, entropy, 64, (const uint8_t *)salt, strlen(salt), iterations);
    *out = k[0];
    sodium_memzero(k, sizeof k);
    return rc;
}

/* ton-crypto isBasicSeed: PBKDF2(entropy, "TON seed version", 390)[0] == 0 */
static int is_basic(int *out, const uint8_t entropy[64])
{
    uint8_t b;
    int rc = first_byte(&b, entropy, "TON seed version", PBKDF_ITERATIONS / 256);
    *out = rc == WETEE_OK && b == 0;
    return rc;
}

/* ton-crypto isPasswordNeeded, on the password-less entropy */
static int password_needed(int *out, const char *norm, size_t n)
{
    uint8_t e[64], b;
    int basic = 0, rc = entropy_of(e, norm, n, NULL, 0);
    if (rc == WETEE_OK) rc = first_byte(&b, e, "TON fast seed version", 1);
    if (rc == WETEE_OK) rc = is_basic(&basic, e);
    *out = rc == WETEE_OK && b == 1 && !basic;
    sodium_memzero(e, sizeof e);
    return rc;
}

/* Full check of a normalised phrase; on success the entropy with the password is in `e`. */
static int check_norm(uint8_t e[64], const char *norm, size_t n, const char *password, size_t password_len)
{
    int ok = 0, rc;
    if (password_len) {
        if ((rc = password_needed(&ok, norm, n))) return rc;
        if (!ok) return wt_error(WETEE_ERR_CHECKSUM, MOD ": mnemonic was not made for a password");
    }
    if ((rc = entropy_of(e, norm, n, password, password_len))) return rc;
    if ((rc = is_basic(&ok, e))) return rc;
    if (!ok)
        return wt_error(WETEE_ERR_CHECKSUM, MOD ": not a valid TON mnemonic%s (seed version check failed)",
                        password_len ? " for this password" : "");
    return WETEE_OK;
}

int wetee_ton_mnemonic_validate(const char *phrase, size_t len, const char *password, size_t password_len)
{
    char norm[PHRASE_MAX + 1];
    uint8_t e[64];
    size_t n, w;
    int rc;
    WT_ARG_DATA(phrase, len, MOD);
    WT_ARG_DATA(password, password_len, MOD);
    rc = normalise(norm, &n, &w, phrase, len);
    if (rc == WETEE_OK) rc = check_norm(e, norm, n, password, password_len);
    sodium_memzero(norm, sizeof norm);
    sodium_memzero(e, sizeof e);
    return rc;
}

int wetee_ton_mnemonic_to_seed(uint8_t out[64], const char *phrase, size_t len, const char *password,
                               size_t password_len)
{
    char norm[PHRASE_MAX + 1];
    uint8_t e[64];
    size_t n, w;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(phrase, len, MOD);
    WT_ARG_DATA(password, password_len, MOD);
    rc = normalise(norm, &n, &w, phrase, len);
    if (rc == WETEE_OK) rc = check_norm(e, norm, n, password, password_len);
    if (rc == WETEE_OK)
        rc = wetee_pbkdf2_sha512(out, 64, e, 64, (const uint8_t *)"TON default seed", 16, PBKDF_ITERATIONS);
    sodium_memzero(norm, sizeof norm);
    sodium_memzero(e, sizeof e);
    return rc;
}

int wetee_ton_mnemonic_to_keypair(uint8_t secret[64], uint8_t pub[32], const char *phrase, size_t len,
                                  const char *password, size_t password_len)
{
    uint8_t seed[64];
    int rc;
    WT_ARG(secret != NULL && pub != NULL, MOD, "secret or pub is NULL");
    rc = wetee_ton_mnemonic_to_seed(seed, phrase, len, password, password_len);
    if (rc == WETEE_OK && crypto_sign_seed_keypair(pub, secret, seed) != 0)
        rc = wt_error(WETEE_ERR_CRYPTO, MOD ": ed25519 key pair from seed failed");
    sodium_memzero(seed, sizeof seed);
    return rc;
}

int wetee_ton_mnemonic_generate(wetee_buf *out, const char *password, size_t password_len)
{
    char norm[PHRASE_MAX + 1];
    uint8_t e[64];
    int rc, ok;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(password, password_len, MOD);
    if (sodium_init() < 0) return wt_error(WETEE_ERR_CRYPTO, MOD ": libsodium failed to initialise");
    for (;;) {
        size_t n = 0;
        for (unsigned i = 0; i < WETEE_TON_MNEMONIC_WORDS; i++) {
            const char *w = wt_bip39_word(randombytes_uniform(2048));
            size_t wl = strlen(w);
            if (n) norm[n++] = ' ';
            memcpy(norm + n, w, wl);
            n += wl;
        }
        norm[n] = 0;
        if (password_len) {
            if ((rc = password_needed(&ok, norm, n))) break;
            if (!ok) continue;
        }
        if ((rc = entropy_of(e, norm, n, password, password_len))) break;
        if ((rc = is_basic(&ok, e))) break;
        if (!ok) continue;
        wetee_buf_free_secure(out);
        rc = wetee_buf_append(out, (const uint8_t *)norm, n);
        if (rc == WETEE_OK) rc = wt_buf_terminate(out);
        break;
    }
    sodium_memzero(norm, sizeof norm);
    sodium_memzero(e, sizeof e);
    return rc;
}
