/* Secret URIs (`phrase//hard/soft///password`) with sp-core's grammar and
 * junction → chain-code encoding (sp-core `AddressUri`, `DeriveJunction`). */
#include <sodium.h>

#include "internal/common.h"
#include "internal/suri.h"
#include "internal/textspace.h"
#include "wetee/hash.h"
#include "wetee/keys.h"

typedef struct suri_junction {
    uint8_t chain_code[WETEE_CHAIN_CODE_BYTES];
    int hard;
} suri_junction;

struct wetee_suri {
    char *phrase;        /* NUL-terminated; WETEE_DEV_PHRASE copy when absent */
    size_t phrase_len;
    char *password;      /* NULL when there is no `///` part */
    size_t password_len;
    suri_junction *junctions;
    size_t junction_count;
    size_t junction_cap;
};

/* Length of the phrase character at p: an ASCII letter or digit (sp-core's
 * grammar) or whitespace (sp-core allows only ' '; other whitespace, which
 * sp-core rejects, is accepted here as mnemonics accept it). 0 otherwise. */
static size_t phrase_char_len(const char *p, size_t n)
{
    unsigned char c = (unsigned char)p[0];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 1;
    return wt_space_len((const unsigned char *)p, n);
}

/* Rust's `str::parse::<u64>`: an optional '+', then one or more ASCII digits,
 * no overflow. Returns 1 and the value when the text is such a number. */
static int parse_u64(const char *s, size_t len, uint64_t *out)
{
    size_t i = 0;
    uint64_t v = 0;
    if (len > 0 && s[0] == '+') i = 1;
    if (i == len) return 0;
    for (; i < len; i++) {
        unsigned d;
        if (s[i] < '0' || s[i] > '9') return 0;
        d = (unsigned)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10) return 0;
        v = v * 10 + d;
    }
    *out = v;
    return 1;
}

/* SCALE compact encoding of a length; returns the number of bytes written (≤ 9). */
static size_t compact_len(uint8_t out[9], uint64_t n)
{
    size_t bytes, i;
    if (n < 64) { out[0] = (uint8_t)(n << 2); return 1; }
    if (n < (1u << 14)) { wt_store_le16(out, (uint16_t)((n << 2) | 1)); return 2; }
    if (n < (1u << 30)) { wt_store_le32(out, (uint32_t)((n << 2) | 2)); return 4; }
    for (bytes = 4; bytes < 8 && (n >> (8 * bytes)) != 0; bytes++) {}
    out[0] = (uint8_t)(((bytes - 4) << 2) | 3);
    for (i = 0; i < bytes; i++) out[1 + i] = (uint8_t)(n >> (8 * i));
    return 1 + bytes;
}

/* sp-core DeriveJunction: u64 LE when the text is a number, else the SCALE
 * string; encodings over 32 bytes are hashed with blake2b-256; zero padding. */
static int junction_chain_code(uint8_t cc[32], const char *text, size_t len)
{
    uint64_t n;
    memset(cc, 0, 32);
    if (parse_u64(text, len, &n)) {
        wt_store_le64(cc, n);
        return WETEE_OK;
    }
    {
        uint8_t prefix[9];
        size_t plen = compact_len(prefix, (uint64_t)len);
        if (len <= 32 - plen) {
            memcpy(cc, prefix, plen);
            if (len) memcpy(cc + plen, text, len);
            return WETEE_OK;
        } else {
            /* The state holds the junction text (secret-derived): wiped on every path. */
            crypto_generichash_state st;
            int ok = wt_sodium_ready("suri") == WETEE_OK && crypto_generichash_init(&st, NULL, 0, 32) == 0 &&
                     crypto_generichash_update(&st, prefix, plen) == 0 &&
                     crypto_generichash_update(&st, (const unsigned char *)text, len) == 0 &&
                     crypto_generichash_final(&st, cc, 32) == 0;
            sodium_memzero(&st, sizeof st);
            if (!ok) return wt_error(WETEE_ERR_CRYPTO, "suri: blake2b failed");
            return WETEE_OK;
        }
    }
}

static char *dup_text(const char *s, size_t len)
{
    char *p = wt_malloc(len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

static int push_junction(wetee_suri *s, const char *text, size_t len, int hard, size_t offset)
{
    int rc;
    if (s->junction_count == WETEE_SURI_MAX_JUNCTIONS)
        return wt_error(WETEE_ERR_TOO_LONG, "suri: more than %d junctions (the junction at offset %zu)",
                        WETEE_SURI_MAX_JUNCTIONS, offset);
    if (s->junction_count == s->junction_cap) {
        size_t cap = s->junction_cap ? s->junction_cap * 2 : 4;
        suri_junction *nj = wt_calloc(cap, sizeof *nj);
        if (!nj) return wt_error(WETEE_ERR_NO_MEMORY, "suri: out of memory");
        if (s->junction_count) memcpy(nj, s->junctions, s->junction_count * sizeof *nj);
        wt_free_secure(s->junctions, s->junction_cap * sizeof *s->junctions);
        s->junctions = nj;
        s->junction_cap = cap;
    }
    rc = junction_chain_code(s->junctions[s->junction_count].chain_code, text, len);
    if (rc) return rc;
    s->junctions[s->junction_count].hard = hard;
    s->junction_count++;
    return WETEE_OK;
}

void wetee_suri_free(wetee_suri *s)
{
    if (!s) return;
    if (s->phrase) wt_free_secure(s->phrase, s->phrase_len + 1);
    if (s->password) wt_free_secure(s->password, s->password_len + 1);
    if (s->junctions) wt_free_secure(s->junctions, s->junction_cap * sizeof *s->junctions);
    wt_free_secure(s, sizeof *s);
}

int wt_suri_parse(wetee_suri **out, const char *suri, size_t len, int path_is_bip32, size_t *text_len)
{
    wetee_suri *s;
    size_t i, bad, phrase_end, end, sp;
    int rc;
    WT_ARG(out != NULL, "suri", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(suri, len, "suri");
    if (len > WETEE_SURI_MAX_BYTES)
        return wt_error(WETEE_ERR_TOO_LONG, "suri: %zu bytes, above the limit of %d", len,
                        WETEE_SURI_MAX_BYTES);

    /* Offsets are reported, never the text: a SURI is secret. */
    for (i = 0; i < len; i++)
        if (suri[i] == '\0')
            return wt_error(WETEE_ERR_DECODE, "suri: NUL byte at offset %zu", i);
    if (!wt_utf8_valid((const uint8_t *)suri, len, &bad))
        return wt_error(WETEE_ERR_DECODE, "suri: invalid UTF-8 at offset %zu", bad);

    /* A final line break (as read from a file: "\n", "\r\n", repeated) is
     * set aside; what it follows decides below whether it is allowed. */
    end = len;
    if (end > 0 && suri[end - 1] == '\n')
        while (end > 0 && (suri[end - 1] == '\n' || suri[end - 1] == '\r')) end--;

    s = wt_calloc(1, sizeof *s);
    if (!s) return wt_error(WETEE_ERR_NO_MEMORY, "suri: out of memory");

    for (phrase_end = 0; phrase_end < end && (sp = phrase_char_len(suri + phrase_end, end - phrase_end)) != 0;)
        phrase_end += sp;
    if (phrase_end > 0) {
        s->phrase = dup_text(suri, phrase_end);
        s->phrase_len = phrase_end;
    } else {
        s->phrase = dup_text(WETEE_DEV_PHRASE, sizeof WETEE_DEV_PHRASE - 1);
        s->phrase_len = sizeof WETEE_DEV_PHRASE - 1;
    }
    if (!s->phrase) { rc = wt_error(WETEE_ERR_NO_MEMORY, "suri: out of memory"); goto fail; }

    i = phrase_end;
    while (i < end) {
        size_t start = i, j;
        if (end - i >= 3 && suri[i] == '/' && suri[i + 1] == '/' && suri[i + 2] == '/') {
            /* password: the rest of the string, which may contain '/', not a newline
             * (a final line break was set aside above) */
            for (j = i + 3; j < end; j++)
                if (suri[j] == '\n') {
                    rc = wt_error(WETEE_ERR_DECODE, "suri: newline in password at offset %zu", j);
                    goto fail;
                }
            s->password = dup_text(suri + i + 3, end - i - 3);
            if (!s->password) { rc = wt_error(WETEE_ERR_NO_MEMORY, "suri: out of memory"); goto fail; }
            s->password_len = end - i - 3;
            break;
        } else if (suri[i] == '/') {
            int hard = (end - i >= 2 && suri[i + 1] == '/');
            i += hard ? 2 : 1;
            for (j = i; j < end && suri[j] != '/'; j++) {}
            if (j == i) {
                rc = wt_error(WETEE_ERR_DECODE, "suri: empty %s junction at offset %zu", hard ? "hard" : "soft",
                              start);
                goto fail;
            }
            if (j == end && end < len && !path_is_bip32) {
                /* sp-core would make the line break part of the junction name
                 * (another key), a tool reading the SURI from a file would drop it. */
                rc = wt_error(WETEE_ERR_DECODE,
                              "suri: line break at offset %zu ends the junction at offset %zu; sp-core would take "
                              "it as part of the junction (a different key): remove it",
                              end, start);
                goto fail;
            }
            if ((rc = push_junction(s, suri + i, j - i, hard, start)) != WETEE_OK) goto fail;
            i = j;
        } else {
            rc = wt_error(WETEE_ERR_DECODE,
                          "suri: invalid character in phrase at offset %zu (a phrase holds ASCII letters, digits "
                          "and whitespace; junctions start with '/')",
                          i);
            goto fail;
        }
    }
    if (text_len) *text_len = end;
    *out = s;
    return WETEE_OK;
fail:
    wetee_suri_free(s);
    return rc;
}

int wetee_suri_parse(wetee_suri **out, const char *suri, size_t len)
{
    return wt_suri_parse(out, suri, len, 0, NULL);
}

const char *wetee_suri_phrase(const wetee_suri *s)
{
    return s ? s->phrase : "";
}

const char *wetee_suri_password(const wetee_suri *s)
{
    return s ? s->password : NULL;
}

size_t wetee_suri_junction_count(const wetee_suri *s)
{
    return s ? s->junction_count : 0;
}

int wetee_suri_junction(const wetee_suri *s, size_t i, uint8_t chain_code[32], int *is_hard)
{
    WT_ARG(s != NULL, "suri", "s is NULL");
    WT_ARG(chain_code != NULL, "suri", "chain_code is NULL");
    if (i >= s->junction_count)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "suri: junction %zu out of range (%zu junctions)", i,
                        s->junction_count);
    memcpy(chain_code, s->junctions[i].chain_code, 32);
    if (is_hard) *is_hard = s->junctions[i].hard;
    return WETEE_OK;
}
