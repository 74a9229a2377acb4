/* Telegram Mini App initData: strict query-string parsing, the bot-token
 * HMAC and third-party Ed25519 validation methods, the user object
 * (include/wetee/telegram.h; ../shared/reference/ton.md §6). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal/common.h"
#include "wetee/hash.h"
#include "wetee/keys.h"
#include "wetee/telegram.h"

#define MOD "telegram"
#define MAX_FIELDS 256
#define MAX_TOKEN 1024

typedef struct pair {
    char *key, *value; /* decoded, NUL-terminated */
    size_t key_len, value_len;
} pair;

struct wetee_telegram_init_data {
    size_t n;
    pair *pairs;
    json_t *user; /* the parsed `user` object, or NULL */
    uint64_t auth_date;
};

/* Telegram's keys (core.telegram.org/bots/webapps, "Validating data for
 * third-party use"). */
static const uint8_t KEY_PRODUCTION[32] = {0xe7, 0xbf, 0x03, 0xa2, 0xfa, 0x46, 0x02, 0xaf, 0x45, 0x80, 0x70,
                                           0x3d, 0x88, 0xdd, 0xa5, 0xbb, 0x59, 0xf3, 0x2e, 0xd8, 0xb0, 0x2a,
                                           0x56, 0xc1, 0x87, 0xfe, 0x7d, 0x34, 0xca, 0xed, 0x24, 0x2d};
static const uint8_t KEY_TEST[32] = {0x40, 0x05, 0x50, 0x58, 0xa4, 0xee, 0x38, 0x15, 0x6a, 0x06, 0x56,
                                     0x2e, 0x52, 0xee, 0xce, 0x92, 0xa7, 0x71, 0xbc, 0xd8, 0x34, 0x6a,
                                     0x8c, 0x46, 0x15, 0xcb, 0x73, 0x76, 0xed, 0xdf, 0x72, 0xec};

int wetee_telegram_public_key(uint8_t out[32], int environment)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(environment == WETEE_TELEGRAM_PRODUCTION || environment == WETEE_TELEGRAM_TEST, MOD,
           "environment is neither WETEE_TELEGRAM_PRODUCTION nor WETEE_TELEGRAM_TEST");
    memcpy(out, environment == WETEE_TELEGRAM_TEST ? KEY_TEST : KEY_PRODUCTION, 32);
    return WETEE_OK;
}

void wetee_telegram_init_data_free(wetee_telegram_init_data *d)
{
    if (d == NULL) return;
    for (size_t i = 0; i < d->n; i++) {
        wt_free(d->pairs[i].key);
        wt_free(d->pairs[i].value);
    }
    wt_free(d->pairs);
    if (d->user) json_decref(d->user);
    wt_free(d);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* URL-decode text[0..len) (at offset `at` of the whole string) into a new
 * NUL-terminated string. */
static int url_decode(char **out, size_t *out_len, const char *text, size_t len, size_t at, const char *what)
{
    char *s = wt_malloc(len + 1);
    size_t n = 0, bad = 0;
    if (s == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for init data");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '%') {
            if (len - i < 3 || hexval(text[i + 1]) < 0 || hexval(text[i + 2]) < 0) {
                wt_free(s);
                return wt_error(WETEE_ERR_DECODE, MOD ": init data at offset %zu: '%%' in the %s is not followed by "
                                "two hex digits", at + i, what);
            }
            c = (unsigned char)(hexval(text[i + 1]) * 16 + hexval(text[i + 2]));
            i += 2;
        } else if (c == '+') {
            c = ' ';
        } else if (c <= 0x20 || c == 0x7f) {
            wt_free(s);
            return wt_error(WETEE_ERR_DECODE, MOD ": init data at offset %zu: raw %s byte 0x%02x in the %s (it must "
                            "be percent-encoded)", at + i, c == 0x20 ? "space" : "control", c, what);
        }
        if (c < 0x20 || c == 0x7f) {
            wt_free(s);
            return wt_error(WETEE_ERR_DECODE, MOD ": init data at offset %zu: the %s decodes to control character "
                            "0x%02x", at + i - 2, what, c);
        }
        s[n++] = (char)c;
    }
    s[n] = 0;
    if (!wt_utf8_valid((const uint8_t *)s, n, &bad)) {
        wt_free(s);
        return wt_error(WETEE_ERR_DECODE, MOD ": init data at offset %zu: the %s is not UTF-8 (decoded byte %zu)", at,
                        what, bad);
    }
    *out = s;
    *out_len = n;
    return WETEE_OK;
}

/* Strict decimal u64. */
static int parse_u64(uint64_t *out, const char *s, size_t n)
{
    uint64_t x = 0;
    if (n == 0 || n > 20) return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || x > (UINT64_MAX - (uint64_t)(s[i] - '0')) / 10) return -1;
        x = x * 10 + (uint64_t)(s[i] - '0');
    }
    *out = x;
    return 0;
}

static const pair *find(const wetee_telegram_init_data *d, const char *key)
{
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->pairs[i].key, key) == 0) return &d->pairs[i];
    return NULL;
}

static int parse_user(wetee_telegram_init_data *d, const pair *p)
{
    json_error_t jerr;
    json_t *u, *id;
    const char *k;
    json_t *v;
    u = json_loadb(p->value, p->value_len, JSON_REJECT_DUPLICATES, &jerr);
    if (u == NULL)
        return wt_error(WETEE_ERR_DECODE, MOD ": init data: user JSON at offset %d: %s", jerr.position, jerr.text);
    if (!json_is_object(u)) {
        json_decref(u);
        return wt_error(WETEE_ERR_DECODE, MOD ": init data: user is not a JSON object");
    }
    id = json_object_get(u, "id");
    if (!json_is_integer(id)) {
        json_decref(u);
        return wt_error(WETEE_ERR_DECODE, MOD ": init data: user.id is %s", id ? "not an integer" : "missing");
    }
    json_object_foreach(u, k, v) {
        static const char *const strings[] = {"first_name", "last_name", "username", "language_code", "photo_url"};
        static const char *const flags[] = {"is_bot", "is_premium", "allows_write_to_pm", "added_to_attachment_menu"};
        for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
            if (strcmp(k, strings[i]) == 0 && !json_is_string(v)) {
                int rc = wt_error(WETEE_ERR_DECODE, MOD ": init data: user.%s is not a string", k);
                json_decref(u); /* frees k */
                return rc;
            }
        for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
            if (strcmp(k, flags[i]) == 0 && !json_is_boolean(v)) {
                int rc = wt_error(WETEE_ERR_DECODE, MOD ": init data: user.%s is not a boolean", k);
                json_decref(u); /* frees k */
                return rc;
            }
    }
    d->user = u;
    return WETEE_OK;
}

int wetee_telegram_init_data_parse(wetee_telegram_init_data **out, const char *text, size_t len)
{
    wetee_telegram_init_data *d;
    size_t start = 0, parts = 1;
    const pair *ad, *user;
    int rc = WETEE_OK;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG_DATA(text, len, MOD);
    if (len > WETEE_TELEGRAM_INIT_DATA_MAX)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": init data of %zu bytes (limit %d)", len, WETEE_TELEGRAM_INIT_DATA_MAX);
    if (len == 0) return wt_error(WETEE_ERR_DECODE, MOD ": init data is empty");
    for (size_t i = 0; i < len; i++) parts += text[i] == '&';
    if (parts > MAX_FIELDS)
        return wt_error(WETEE_ERR_DECODE, MOD ": init data has %zu fields (limit %d)", parts, MAX_FIELDS);
    d = wt_calloc(1, sizeof *d);
    if (d == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for init data");
    d->pairs = wt_calloc(parts, sizeof *d->pairs);
    if (d->pairs == NULL) {
        wt_free(d);
        return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for init data");
    }
    while (rc == WETEE_OK && start <= len) {
        const char *part = text + start, *amp = memchr(part, '&', len - start), *eq;
        size_t plen = amp ? (size_t)(amp - part) : len - start;
        pair *p = &d->pairs[d->n];
        eq = memchr(part, '=', plen);
        if (plen == 0) {
            rc = wt_error(WETEE_ERR_DECODE, MOD ": init data at offset %zu: empty field (\"&&\", or '&' at an end)",
                          start);
        } else if (eq == NULL) {
            rc = wt_error(WETEE_ERR_DECODE, MOD ": init data at offset %zu: field without '='", start);
        } else if (eq == part) {
            rc = wt_error(WETEE_ERR_DECODE, MOD ": init data at offset %zu: empty key", start);
        } else if ((rc = url_decode(&p->key, &p->key_len, part, (size_t)(eq - part), start, "key")) == WETEE_OK) {
            d->n++;
            if ((rc = url_decode(&p->value, &p->value_len, eq + 1, plen - (size_t)(eq - part) - 1,
                                 start + (size_t)(eq - part) + 1, "value")) == WETEE_OK) {
                for (size_t i = 0; i + 1 < d->n; i++)
                    if (strcmp(d->pairs[i].key, p->key) == 0) {
                        rc = wt_error(WETEE_ERR_DECODE, MOD ": init data at offset %zu: duplicate key \"%.64s\"", start,
                                      p->key);
                        break;
                    }
            }
        }
        start += plen + 1;
    }
    if (rc == WETEE_OK && (ad = find(d, "auth_date")) != NULL && parse_u64(&d->auth_date, ad->value, ad->value_len))
        d->auth_date = 0;
    if (rc == WETEE_OK && (user = find(d, "user")) != NULL) rc = parse_user(d, user);
    if (rc) {
        wetee_telegram_init_data_free(d);
        return rc;
    }
    *out = d;
    return WETEE_OK;
}

static int cmp_lines(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    return strcmp(x, y);
}

/* "key=value" lines of every pair but the skipped keys, sorted as byte
 * strings, joined with '\n', after `prefix`. */
static int check_string(wetee_buf *out, const wetee_telegram_init_data *d, const char *prefix, const char *skip1,
                        const char *skip2)
{
    char **lines = wt_calloc(d->n ? d->n : 1, sizeof *lines);
    size_t m = 0;
    int rc = WETEE_OK;
    if (lines == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for the data-check string");
    for (size_t i = 0; i < d->n && rc == WETEE_OK; i++) {
        const pair *p = &d->pairs[i];
        if ((skip1 && strcmp(p->key, skip1) == 0) || (skip2 && strcmp(p->key, skip2) == 0)) continue;
        lines[m] = wt_malloc(p->key_len + 1 + p->value_len + 1);
        if (lines[m] == NULL) { rc = wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory"); break; }
        memcpy(lines[m], p->key, p->key_len);
        lines[m][p->key_len] = '=';
        memcpy(lines[m] + p->key_len + 1, p->value, p->value_len + 1);
        m++;
    }
    if (rc == WETEE_OK) {
        qsort(lines, m, sizeof *lines, cmp_lines);
        rc = wetee_buf_append(out, (const uint8_t *)prefix, strlen(prefix));
        for (size_t i = 0; i < m && rc == WETEE_OK; i++) {
            if (i) rc = wetee_buf_append(out, (const uint8_t *)"\n", 1);
            if (rc == WETEE_OK) rc = wetee_buf_append(out, (const uint8_t *)lines[i], strlen(lines[i]));
        }
    }
    for (size_t i = 0; i < m; i++) wt_free(lines[i]);
    wt_free(lines);
    return rc;
}

static int check_age(const wetee_telegram_init_data *d, uint64_t now, uint64_t max_age)
{
    const pair *ad = find(d, "auth_date");
    uint64_t t;
    if (ad == NULL) return wt_error(WETEE_ERR_DECODE, MOD ": init data: auth_date is missing");
    if (parse_u64(&t, ad->value, ad->value_len))
        return wt_error(WETEE_ERR_DECODE, MOD ": init data: auth_date \"%.24s\" is not a decimal number", ad->value);
    if (t > now ? t - now > max_age : now - t > max_age)
        return wt_error(WETEE_ERR_VERIFY, MOD ": init data: auth_date %llu is more than %llu s from now (%llu)%s",
                        (unsigned long long)t, (unsigned long long)max_age, (unsigned long long)now,
                        t < now ? ": expired" : "");
    return WETEE_OK;
}

static int finish(wetee_telegram_init_data **out, wetee_telegram_init_data *d, int rc)
{
    if (rc == WETEE_OK && out) *out = d;
    else wetee_telegram_init_data_free(d);
    return rc;
}

int wetee_telegram_init_data_validate(wetee_telegram_init_data **out, const char *text, size_t len,
                                      const char *bot_token, size_t token_len, uint64_t now, uint64_t max_age)
{
    wetee_telegram_init_data *d = NULL;
    wetee_buf dcs = WETEE_BUF_INIT;
    uint8_t secret[32], mac[32], want[32];
    const pair *h;
    int rc;
    if (out) *out = NULL;
    WT_ARG_DATA(text, len, MOD);
    WT_ARG_DATA(bot_token, token_len, MOD);
    if (token_len > MAX_TOKEN)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": bot token of %zu bytes (limit %d)", token_len, MAX_TOKEN);
    if ((rc = wetee_telegram_init_data_parse(&d, text, len))) return rc;
    h = find(d, "hash");
    if (h == NULL) return finish(out, d, wt_error(WETEE_ERR_DECODE, MOD ": init data: hash is missing"));
    if (h->value_len != 64 || wetee_hex_decode_exact(want, 32, h->value, 64) != WETEE_OK)
        return finish(out, d, wt_error(WETEE_ERR_DECODE, MOD ": init data: hash is not 64 hex digits"));
    if ((rc = check_age(d, now, max_age))) return finish(out, d, rc);
    if ((rc = check_string(&dcs, d, "", "hash", NULL))) return finish(out, d, rc);
    rc = wetee_hmac_sha256(secret, (const uint8_t *)"WebAppData", 10, (const uint8_t *)bot_token, token_len);
    if (rc == WETEE_OK) rc = wetee_hmac_sha256(mac, secret, 32, dcs.data, dcs.len);
    wetee_wipe(secret, sizeof secret);
    wetee_buf_free(&dcs);
    if (rc == WETEE_OK && !wetee_ct_equal(mac, want, 32))
        rc = wt_error(WETEE_ERR_VERIFY, MOD ": init data: hash does not match (altered data, or the token of "
                      "another bot)");
    return finish(out, d, rc);
}

int wetee_telegram_init_data_validate_third_party(wetee_telegram_init_data **out, const char *text, size_t len,
                                                  int64_t bot_id, const uint8_t public_key[32], uint64_t now,
                                                  uint64_t max_age)
{
    wetee_telegram_init_data *d = NULL;
    wetee_buf msg = WETEE_BUF_INIT, sig = WETEE_BUF_INIT;
    char prefix[48];
    const pair *s;
    int rc;
    if (out) *out = NULL;
    WT_ARG_DATA(text, len, MOD);
    WT_ARG(public_key != NULL, MOD, "public_key is NULL");
    if ((rc = wetee_telegram_init_data_parse(&d, text, len))) return rc;
    s = find(d, "signature");
    if (s == NULL) return finish(out, d, wt_error(WETEE_ERR_DECODE, MOD ": init data: signature is missing"));
    rc = wetee_base64_decode(&sig, s->value, s->value_len, WETEE_BASE64_URL | WETEE_BASE64_NOPAD);
    if (rc != WETEE_OK) rc = wetee_base64_decode(&sig, s->value, s->value_len, WETEE_BASE64_URL);
    if (rc != WETEE_OK || sig.len != 64) {
        wetee_buf_free(&sig);
        return finish(out, d, wt_error(WETEE_ERR_DECODE, MOD ": init data: signature is not 64 bytes of base64url"));
    }
    if ((rc = check_age(d, now, max_age))) {
        wetee_buf_free(&sig);
        return finish(out, d, rc);
    }
    snprintf(prefix, sizeof prefix, "%lld:WebAppData\n", (long long)bot_id);
    rc = check_string(&msg, d, prefix, "hash", "signature");
    if (rc == WETEE_OK && wetee_ed25519_verify(sig.data, msg.data, msg.len, public_key) != WETEE_OK)
        rc = wt_error(WETEE_ERR_VERIFY, MOD ": init data: signature does not verify (altered data, another bot id "
                      "or key)");
    wetee_buf_free(&msg);
    wetee_buf_free(&sig);
    return finish(out, d, rc);
}

const char *wetee_telegram_init_data_get(const wetee_telegram_init_data *d, const char *key)
{
    const pair *p;
    if (d == NULL || key == NULL) return NULL;
    p = find(d, key);
    return p ? p->value : NULL;
}

uint64_t wetee_telegram_init_data_auth_date(const wetee_telegram_init_data *d) { return d ? d->auth_date : 0; }

int wetee_telegram_init_data_has_user(const wetee_telegram_init_data *d) { return d && d->user ? 1 : 0; }

int64_t wetee_telegram_init_data_user_id(const wetee_telegram_init_data *d)
{
    if (d == NULL || d->user == NULL) return 0;
    return (int64_t)json_integer_value(json_object_get(d->user, "id"));
}

const char *wetee_telegram_init_data_user_string(const wetee_telegram_init_data *d, const char *field)
{
    if (d == NULL || d->user == NULL || field == NULL) return NULL;
    return json_string_value(json_object_get(d->user, field));
}

int wetee_telegram_init_data_user_flag(const wetee_telegram_init_data *d, const char *field)
{
    if (d == NULL || d->user == NULL || field == NULL) return 0;
    return json_is_true(json_object_get(d->user, field)) ? 1 : 0;
}
