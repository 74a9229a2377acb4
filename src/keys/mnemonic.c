/* BIP-39 English mnemonics: generation, strict parsing, entropy round trip,
 * the substrate-bip39 mini secret and the standard BIP-39 seed.
 *
 * Accepted phrase syntax (mnemonic.h): 12, 15, 18, 21 or 24 words of
 * lower-case ASCII letters separated by runs of Unicode whitespace
 * (internal/textspace.h), leading and trailing whitespace ignored, as
 * sp-core's bip39 crate reads a phrase (NFKD, then str::split_whitespace).
 * polkadot.js' mnemonicValidate (checked against @polkadot/util-crypto
 * 14.0.3) wants single spaces; its JavaScript path, like sp-core, applies
 * NFKD first and so also accepts compatibility characters that fold into
 * ASCII letters (full-width letters, ligatures), which libwetee (no Unicode
 * tables) rejects: callers holding such text must normalise it themselves.
 *
 * Secrets: error details name positions and counts, never words or
 * characters; every buffer that held a phrase, word indices, entropy or a
 * seed is wiped before returning. */
#include <sodium.h>

#include "internal/bip39.h"

#include "internal/common.h"
#include "internal/textspace.h"
#include "wetee/hash.h"
#include "wetee/mnemonic.h"

#define MOD "mnemonic"
#define WORDS_MAX 24
#define WORD_LEN_MAX 8          /* longest English word */
#define ENTROPY_MAX 32
#define PHRASE_MAX (WORDS_MAX * (WORD_LEN_MAX + 1))
#define PBKDF2_ROUNDS 2048
#define SALT_PREFIX "mnemonic"
#define SALT_PREFIX_LEN 8

static const char *const wordlist[2048] = {
#include "bip39_english.inc"
};

/* Index of `word` (len bytes, 1..8 lower-case letters) in the list, or -1. */
static int word_index(const char *word, size_t len)
{
    size_t lo = 0, hi = sizeof wordlist / sizeof wordlist[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *w = wordlist[mid];
        int c = strncmp(word, w, len);
        if (c == 0) c = (w[len] == '\0') ? 0 : -1; /* `word` is a proper prefix of `w` */
        if (c == 0) return (int)mid;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return -1;
}

int wt_bip39_word_index(const char *word, size_t len)
{
    return len >= 1 && len <= WORD_LEN_MAX ? word_index(word, len) : -1;
}

const char *wt_bip39_word(unsigned i) { return i < 2048 ? wordlist[i] : NULL; }

static int words_ok(size_t n) { return n >= 12 && n <= WORDS_MAX && n % 3 == 0; }

/* Parse `phrase` into word indices and check the checksum. On success writes
 * the entropy (n_words * 4 / 3 bytes) to `entropy` and its length to
 * *ent_len and, when `norm` is not NULL, the normalised phrase (the words
 * joined by single spaces, NUL-terminated) to `norm` and its length to
 * *norm_len. Words are separated by runs of whitespace (wt_space_len), and
 * leading and trailing whitespace is ignored, as sp-core's bip39 does. */
static int parse_phrase(uint8_t entropy[ENTROPY_MAX], size_t *ent_len, char norm[PHRASE_MAX + 1], size_t *norm_len,
                        const char *phrase, size_t len)
{
    const unsigned char *p = (const unsigned char *)phrase;
    uint8_t bits[(WORDS_MAX * 11 + 7) / 8];
    uint8_t hash[WETEE_SHA256_BYTES];
    size_t i, n_words, word, ent, cs, sp, pos;
    uint32_t acc;
    unsigned acc_bits;
    int rc = WETEE_OK, idx = -1;

    /* Pass 1: syntax and word count; no lookups yet. */
    n_words = 0;
    for (i = 0; i < len;) {
        if ((sp = wt_space_len(p + i, len - i)) != 0) {
            i += sp;
            continue;
        }
        n_words++;
        for (; i < len && (sp = wt_space_len(p + i, len - i)) == 0; i++) {
            unsigned char c = p[i];
            if (c < 'a' || c > 'z') {
                const char *what = (c >= 'A' && c <= 'Z') ? "an upper-case letter"
                                   : c >= 0x80 ? "a non-ASCII character other than whitespace (normalise the "
                                                 "phrase to NFKD ASCII)"
                                               : "a character other than a-z";
                return wt_error(WETEE_ERR_DECODE, MOD ": word %zu, offset %zu: %s", n_words, i, what);
            }
        }
    }
    if (n_words == 0) return wt_error(WETEE_ERR_DECODE, MOD ": empty phrase (no words)");
    if (!words_ok(n_words))
        return wt_error(WETEE_ERR_DECODE, MOD ": %zu words; expected 12, 15, 18, 21 or 24", n_words);

    /* Pass 2: look each word up and pack its 11-bit index, MSB first. */
    memset(bits, 0, sizeof bits);
    acc = 0;
    acc_bits = 0;
    ent = 0;
    word = 0;
    pos = 0;
    for (i = 0; i < len;) {
        size_t start;
        if ((sp = wt_space_len(p + i, len - i)) != 0) {
            i += sp;
            continue;
        }
        start = i;
        while (i < len && wt_space_len(p + i, len - i) == 0) i++;
        word++;
        idx = (i - start <= WORD_LEN_MAX) ? word_index(phrase + start, i - start) : -1;
        if (idx < 0) {
            rc = wt_error(WETEE_ERR_DECODE, MOD ": word %zu is not in the BIP-39 English list", word);
            goto out;
        }
        if (norm) {
            if (pos) norm[pos++] = ' ';
            memcpy(norm + pos, phrase + start, i - start);
            pos += i - start;
        }
        acc = (acc << 11) | (uint32_t)idx;
        acc_bits += 11;
        while (acc_bits >= 8) {
            acc_bits -= 8;
            bits[ent++] = (uint8_t)(acc >> acc_bits);
        }
        acc &= (1u << acc_bits) - 1;
    }
    /* n_words * 11 bits = ENT + ENT/32 with ENT = n_words * 32 / 3 (always a multiple of 8 here). */
    if (acc_bits) bits[ent] = (uint8_t)(acc << (8 - acc_bits));
    ent = n_words * 4 / 3;
    cs = ent / 4; /* checksum bits: ENT/32 = bytes/4, at most 8 */
    if ((rc = wetee_hash_sha256(hash, bits, ent)) != WETEE_OK) goto out;
    if ((uint8_t)((hash[0] ^ bits[ent]) >> (8 - cs)) != 0) {
        rc = wt_error(WETEE_ERR_CHECKSUM, MOD ": checksum mismatch (%zu words)", n_words);
        goto out;
    }
    memcpy(entropy, bits, ent);
    *ent_len = ent;
    if (norm) {
        norm[pos] = '\0';
        *norm_len = pos;
    }
out:
    if (rc != WETEE_OK && norm) sodium_memzero(norm, PHRASE_MAX + 1);
    sodium_memzero(bits, sizeof bits);
    sodium_memzero(hash, sizeof hash);
    sodium_memzero(&acc, sizeof acc);
    sodium_memzero(&idx, sizeof idx);
    return rc;
}

/* Entropy (length already validated) → phrase in `text` (NUL-terminated), its length in *text_len. */
static int entropy_to_phrase(char text[PHRASE_MAX + 1], size_t *text_len, const uint8_t *entropy, size_t len)
{
    uint8_t bits[ENTROPY_MAX + 1], hash[WETEE_SHA256_BYTES];
    size_t n_words = len * 3 / 4, i, pos = 0;
    int rc;
    if ((rc = wetee_hash_sha256(hash, entropy, len)) != WETEE_OK) return rc;
    memcpy(bits, entropy, len);
    bits[len] = hash[0];
    sodium_memzero(hash, sizeof hash);
    /* Only the top len/4 bits of the checksum byte are used; the rest are ignored below. */
    for (i = 0; i < n_words; i++) {
        size_t bit = i * 11, byte = bit / 8, shift = bit % 8;
        /* 11 bits starting at `shift` span at most 3 bytes; the third exists for every word but the
         * last, whose bits end inside the checksum byte. */
        uint32_t window = ((uint32_t)bits[byte] << 16) | ((uint32_t)bits[byte + 1] << 8) |
                          (byte + 2 < len + 1 ? bits[byte + 2] : 0u);
        unsigned idx = (unsigned)(window >> (13 - shift)) & 0x7ffu;
        const char *w = wordlist[idx];
        size_t wl = strlen(w);
        if (i) text[pos++] = ' ';
        memcpy(text + pos, w, wl);
        pos += wl;
        sodium_memzero(&window, sizeof window);
        sodium_memzero(&idx, sizeof idx);
    }
    text[pos] = '\0';
    *text_len = pos;
    sodium_memzero(bits, sizeof bits);
    return WETEE_OK;
}

static int set_text(wetee_buf *out, const char *text, size_t len)
{
    int rc;
    out->len = 0;
    if ((rc = wt_buf_grow(out, len)) != WETEE_OK) return rc;
    memcpy(out->data, text, len);
    out->len = len;
    out->data[len] = 0;
    return WETEE_OK;
}

int wetee_mnemonic_from_entropy(wetee_buf *out, const uint8_t *entropy, size_t len)
{
    char text[PHRASE_MAX + 1];
    size_t text_len = 0;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(entropy, len, MOD);
    if (len < 16 || len > ENTROPY_MAX || len % 4 != 0)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": entropy of %zu bytes; expected 16, 20, 24, 28 or 32",
                        len);
    if ((rc = entropy_to_phrase(text, &text_len, entropy, len)) == WETEE_OK) rc = set_text(out, text, text_len);
    sodium_memzero(text, sizeof text);
    return rc;
}

int wetee_mnemonic_generate(wetee_buf *out, unsigned words)
{
    uint8_t entropy[ENTROPY_MAX];
    size_t len;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    if (!words_ok(words))
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": %u words requested; expected 12, 15, 18, 21 or 24",
                        words);
    len = (size_t)words * 4 / 3;
    rc = wt_random(entropy, len, MOD);
    if (rc == WETEE_OK) rc = wetee_mnemonic_from_entropy(out, entropy, len);
    sodium_memzero(entropy, sizeof entropy);
    return rc;
}

int wetee_mnemonic_validate(const char *phrase, size_t len)
{
    uint8_t entropy[ENTROPY_MAX];
    size_t ent_len = 0;
    int rc;
    WT_ARG_DATA(phrase, len, MOD);
    rc = parse_phrase(entropy, &ent_len, NULL, NULL, phrase, len);
    sodium_memzero(entropy, sizeof entropy);
    return rc;
}

int wetee_mnemonic_to_entropy(wetee_buf *out, const char *phrase, size_t len)
{
    uint8_t entropy[ENTROPY_MAX];
    size_t ent_len = 0;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(phrase, len, MOD);
    if ((rc = parse_phrase(entropy, &ent_len, NULL, NULL, phrase, len)) == WETEE_OK) {
        out->len = 0;
        if ((rc = wt_buf_grow(out, ent_len)) == WETEE_OK) {
            memcpy(out->data, entropy, ent_len);
            out->len = ent_len;
        }
    }
    sodium_memzero(entropy, sizeof entropy);
    return rc;
}

/* PBKDF2-HMAC-SHA512(password, "mnemonic" ‖ salt_tail, 2048) → 64 bytes. */
static int bip39_pbkdf2(uint8_t out[64], const uint8_t *password, size_t password_len, const char *salt_tail,
                        size_t salt_tail_len)
{
    uint8_t *salt;
    size_t salt_len;
    int rc;
    if (salt_tail_len > SIZE_MAX - SALT_PREFIX_LEN)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": passphrase too long");
    salt_len = SALT_PREFIX_LEN + salt_tail_len;
    salt = wt_malloc(salt_len);
    if (!salt) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": cannot allocate %zu bytes", salt_len);
    memcpy(salt, SALT_PREFIX, SALT_PREFIX_LEN);
    if (salt_tail_len) memcpy(salt + SALT_PREFIX_LEN, salt_tail, salt_tail_len);
    rc = wetee_pbkdf2_sha512(out, 64, password, password_len, salt, salt_len, PBKDF2_ROUNDS);
    wt_free_secure(salt, salt_len);
    return rc;
}

int wetee_mnemonic_to_mini_secret(uint8_t out[32], const char *phrase, size_t len, const char *password,
                                  size_t password_len)
{
    uint8_t entropy[ENTROPY_MAX], seed[64];
    size_t ent_len = 0;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(phrase, len, MOD);
    WT_ARG_DATA(password, password_len, MOD);
    if ((rc = parse_phrase(entropy, &ent_len, NULL, NULL, phrase, len)) == WETEE_OK &&
        (rc = bip39_pbkdf2(seed, entropy, ent_len, password, password_len)) == WETEE_OK)
        memcpy(out, seed, 32);
    sodium_memzero(entropy, sizeof entropy);
    sodium_memzero(seed, sizeof seed);
    return rc;
}

int wetee_mnemonic_to_bip39_seed(uint8_t out[64], const char *phrase, size_t len, const char *passphrase,
                                 size_t passphrase_len)
{
    uint8_t entropy[ENTROPY_MAX];
    char norm[PHRASE_MAX + 1];
    size_t ent_len = 0, norm_len = 0;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(phrase, len, MOD);
    WT_ARG_DATA(passphrase, passphrase_len, MOD);
    rc = parse_phrase(entropy, &ent_len, norm, &norm_len, phrase, len);
    sodium_memzero(entropy, sizeof entropy);
    /* The normalised phrase (lower-case ASCII words, single spaces) is its
     * own NFKD form, the sentence BIP-39 hashes. */
    if (rc == WETEE_OK) rc = bip39_pbkdf2(out, (const uint8_t *)norm, norm_len, passphrase, passphrase_len);
    sodium_memzero(norm, sizeof norm);
    return rc;
}
