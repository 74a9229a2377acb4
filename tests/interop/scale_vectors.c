/* Differential test of libwetee's SCALE codec against @polkadot/types-codec:
 * the libwetee side. Pairs with scale_diff.mjs (the JavaScript side); run.sh
 * runs both directions.
 *
 *   scale_vectors gen SEED COUNT   COUNT random values of every type with
 *                                  libwetee's encoding, one per line
 *   scale_vectors check FILE       for each line: parse the value, encode it
 *                                  with libwetee and compare the bytes; decode
 *                                  the bytes (all of them must be consumed),
 *                                  compare the value, re-encode and compare
 *   scale_vectors selfcheck        inputs that parity-scale-codec rejects
 *                                  (non-canonical compacts, bad tags, bad
 *                                  UTF-8, ...) must be rejected by libwetee
 *                                  too, with the right status
 *
 * Line format (see scale_diff.mjs for the full definition of each type's
 * value text): <type> TAB <canonical JSON value> TAB <lower-case hex>.
 * Integers of any size are JSON numbers; bytes are "0x..." strings; Text is
 * a JSON string as JSON.stringify writes it; a BitVec is a string of '0'/'1'.
 *
 * Each check and selfcheck ends with the line "N passed, M failed" and exits
 * non-zero on any failure (the first few are printed in full).
 */
#define _POSIX_C_SOURCE 200809L /* getline */

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee/core.h"
#include "wetee/scale.h"

#define SHAPE_ERROR (-1000) /* the value text does not fit the type */
#define MAX_SHOWN 5         /* mismatches printed in full */
#define BIG_BYTES 67        /* CompactBig: values below 2^536 */

static char g_msg[512]; /* detail of the last SHAPE_ERROR or cross-check failure */

#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 1, 2)))
#endif
static int shape(const char *fmt, ...);
static int shape(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g_msg, sizeof g_msg, fmt, ap);
    va_end(ap);
    return SHAPE_ERROR;
}

static void die(const char *what)
{
    fprintf(stderr, "scale_vectors: %s\n", what);
    exit(2);
}

/* ------------------------------------------------------------------ */
/* Arena for the values of one line                                    */
/* ------------------------------------------------------------------ */

typedef struct block {
    struct block *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
} block;

static block *g_arena;

static void *aalloc(size_t n)
{
    n = (n + 15u) & ~(size_t)15u;
    if (!g_arena || g_arena->cap - g_arena->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        block *b = malloc(sizeof *b + cap);
        if (!b) die("out of memory");
        b->next = g_arena;
        b->used = 0;
        b->cap = cap;
        g_arena = b;
    }
    void *p = g_arena->data + g_arena->used;
    g_arena->used += n;
    return p;
}

static void areset(void)
{
    while (g_arena) {
        block *next = g_arena->next;
        free(g_arena);
        g_arena = next;
    }
}

static char *adup(const void *p, size_t n)
{
    char *s = aalloc(n + 1);
    if (n) memcpy(s, p, n);
    s[n] = 0;
    return s;
}

/* ------------------------------------------------------------------ */
/* JSON values                                                         */
/* ------------------------------------------------------------------ */

typedef enum { JV_NULL, JV_FALSE, JV_TRUE, JV_NUM, JV_STR, JV_ARR, JV_OBJ } jv_kind;

typedef struct jv {
    jv_kind k;
    const char *s;      /* JV_NUM: decimal text; JV_STR: UTF-8 bytes */
    size_t n;           /* length of s */
    size_t count;       /* JV_ARR / JV_OBJ: number of items */
    struct jv **items;  /* items (object values) */
    struct jv **keys;   /* JV_OBJ: keys (JV_STR) */
} jv;

static jv *jv_new(jv_kind k)
{
    jv *v = aalloc(sizeof *v);
    memset(v, 0, sizeof *v);
    v->k = k;
    return v;
}

static jv *jv_bool(int b) { return jv_new(b ? JV_TRUE : JV_FALSE); }

static jv *jv_num(const char *text)
{
    jv *v = jv_new(JV_NUM);
    v->n = strlen(text);
    v->s = adup(text, v->n);
    return v;
}

static jv *jv_numu(uint64_t x)
{
    char t[32];
    snprintf(t, sizeof t, "%" PRIu64, x);
    return jv_num(t);
}

static jv *jv_numi(int64_t x)
{
    char t[32];
    snprintf(t, sizeof t, "%" PRId64, x);
    return jv_num(t);
}

static jv *jv_str(const void *p, size_t n)
{
    jv *v = jv_new(JV_STR);
    v->s = adup(p, n);
    v->n = n;
    return v;
}

static jv *jv_arr(size_t n)
{
    jv *v = jv_new(JV_ARR);
    v->count = n;
    v->items = aalloc((n ? n : 1) * sizeof *v->items);
    return v;
}

static jv *jv_obj1(const char *key, jv *val)
{
    jv *v = jv_new(JV_OBJ);
    v->count = 1;
    v->items = aalloc(sizeof *v->items);
    v->keys = aalloc(sizeof *v->keys);
    v->keys[0] = jv_str(key, strlen(key));
    v->items[0] = val;
    return v;
}

static const char HEXD[] = "0123456789abcdef";

static void buf_put(wetee_buf *b, const void *p, size_t n)
{
    if (n && wetee_buf_append(b, p, n) != WETEE_OK) die("out of memory");
}

static void buf_putc(wetee_buf *b, char c) { buf_put(b, &c, 1); }
static void buf_puts(wetee_buf *b, const char *s) { buf_put(b, s, strlen(s)); }

/* As JSON.stringify writes a string of valid UTF-8. */
static void json_str(wetee_buf *b, const char *s, size_t n)
{
    buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default:
            if (c < 0x20) {
                u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
                u[4] = HEXD[c >> 4]; u[5] = HEXD[c & 15]; u[6] = 0;
                esc = u;
            }
        }
        if (esc) {
            buf_put(b, s + i - run, run);
            run = 0;
            buf_puts(b, esc);
        } else {
            run++;
        }
    }
    buf_put(b, s + n - run, run);
    buf_putc(b, '"');
}

static void json_dump(wetee_buf *b, const jv *v)
{
    switch (v->k) {
    case JV_NULL: buf_puts(b, "null"); break;
    case JV_FALSE: buf_puts(b, "false"); break;
    case JV_TRUE: buf_puts(b, "true"); break;
    case JV_NUM: buf_put(b, v->s, v->n); break;
    case JV_STR: json_str(b, v->s, v->n); break;
    case JV_ARR:
        buf_putc(b, '[');
        for (size_t i = 0; i < v->count; i++) {
            if (i) buf_putc(b, ',');
            json_dump(b, v->items[i]);
        }
        buf_putc(b, ']');
        break;
    case JV_OBJ:
        buf_putc(b, '{');
        for (size_t i = 0; i < v->count; i++) {
            if (i) buf_putc(b, ',');
            json_dump(b, v->keys[i]);
            buf_putc(b, ':');
            json_dump(b, v->items[i]);
        }
        buf_putc(b, '}');
        break;
    }
}

/* Strict JSON parser (integers only, no whitespace needed but allowed). */
typedef struct {
    const char *p, *end;
    int depth;
} jparser;

static void jskip(jparser *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')) j->p++;
}

static int jlit(jparser *j, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n) != 0) return 0;
    j->p += n;
    return 1;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int jhex4(jparser *j, unsigned *out)
{
    if (j->end - j->p < 4) return 0;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval((unsigned char)j->p[i]);
        if (h < 0) return 0;
        v = v * 16 + (unsigned)h;
    }
    j->p += 4;
    *out = v;
    return 1;
}

static size_t utf8_put(char *o, unsigned cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 63)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 63)); o[2] = (char)(0x80 | (cp & 63));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 63));
    o[2] = (char)(0x80 | ((cp >> 6) & 63)); o[3] = (char)(0x80 | (cp & 63));
    return 4;
}

static jv *jparse(jparser *j);

static jv *jparse_str(jparser *j)
{
    j->p++; /* opening quote */
    /* the decoded text is never longer than the escaped one */
    const char *start = j->p;
    const char *q = start;
    while (q < j->end && *q != '"') q += (*q == '\\' && q + 1 < j->end) ? 2 : 1;
    if (q >= j->end) return NULL;
    char *o = aalloc((size_t)(q - start) + 1);
    size_t n = 0;
    while (j->p < q) {
        unsigned char c = (unsigned char)*j->p;
        if (c < 0x20) return NULL;
        if (c != '\\') { o[n++] = (char)c; j->p++; continue; }
        j->p++;
        char e = *j->p++;
        unsigned cp;
        switch (e) {
        case '"': o[n++] = '"'; break;
        case '\\': o[n++] = '\\'; break;
        case '/': o[n++] = '/'; break;
        case 'b': o[n++] = '\b'; break;
        case 'f': o[n++] = '\f'; break;
        case 'n': o[n++] = '\n'; break;
        case 'r': o[n++] = '\r'; break;
        case 't': o[n++] = '\t'; break;
        case 'u':
            if (!jhex4(j, &cp)) return NULL;
            if (cp >= 0xDC00 && cp <= 0xDFFF) return NULL; /* lone low surrogate */
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned lo;
                if (!jlit(j, "\\u") || !jhex4(j, &lo) || lo < 0xDC00 || lo > 0xDFFF) return NULL;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            n += utf8_put(o + n, cp);
            break;
        default: return NULL;
        }
    }
    j->p = q + 1;
    jv *v = jv_new(JV_STR);
    o[n] = 0;
    v->s = o;
    v->n = n;
    return v;
}

static jv *jparse(jparser *j)
{
    jskip(j);
    if (j->p >= j->end || ++j->depth > 32) return NULL;
    jv *v = NULL;
    char c = *j->p;
    if (jlit(j, "null")) v = jv_new(JV_NULL);
    else if (jlit(j, "true")) v = jv_new(JV_TRUE);
    else if (jlit(j, "false")) v = jv_new(JV_FALSE);
    else if (c == '"') v = jparse_str(j);
    else if (c == '-' || (c >= '0' && c <= '9')) {
        const char *s = j->p;
        if (*j->p == '-') j->p++;
        if (j->p >= j->end || *j->p < '0' || *j->p > '9') return NULL;
        if (*j->p == '0') j->p++;
        else while (j->p < j->end && *j->p >= '0' && *j->p <= '9') j->p++;
        if (j->p < j->end && (*j->p == '.' || *j->p == 'e' || *j->p == 'E')) return NULL; /* integers only */
        if (j->p - s == 2 && s[0] == '-' && s[1] == '0') return NULL;                   /* -0 */
        v = jv_new(JV_NUM);
        v->s = adup(s, (size_t)(j->p - s));
        v->n = (size_t)(j->p - s);
    } else if (c == '[' || c == '{') {
        int obj = c == '{';
        char close = obj ? '}' : ']';
        j->p++;
        size_t cap = 4, n = 0;
        jv **items = malloc(cap * sizeof *items), **keys = malloc(cap * sizeof *keys);
        if (!items || !keys) die("out of memory");
        jskip(j);
        int ok = 1;
        if (j->p < j->end && *j->p == close) {
            j->p++;
        } else {
            for (;;) {
                jv *key = NULL;
                if (obj) {
                    jskip(j);
                    if (j->p >= j->end || *j->p != '"' || !(key = jparse_str(j))) { ok = 0; break; }
                    jskip(j);
                    if (!jlit(j, ":")) { ok = 0; break; }
                }
                jv *item = jparse(j);
                if (!item) { ok = 0; break; }
                if (n == cap) {
                    cap *= 2;
                    items = realloc(items, cap * sizeof *items);
                    keys = realloc(keys, cap * sizeof *keys);
                    if (!items || !keys) die("out of memory");
                }
                keys[n] = key;
                items[n++] = item;
                jskip(j);
                if (jlit(j, ",")) continue;
                if (j->p < j->end && *j->p == close) { j->p++; break; }
                ok = 0;
                break;
            }
        }
        if (ok) {
            v = jv_new(obj ? JV_OBJ : JV_ARR);
            v->count = n;
            v->items = aalloc((n ? n : 1) * sizeof *v->items);
            memcpy(v->items, items, n * sizeof *items);
            if (obj) {
                v->keys = aalloc((n ? n : 1) * sizeof *v->keys);
                memcpy(v->keys, keys, n * sizeof *keys);
            }
        }
        free(items);
        free(keys);
    }
    j->depth--;
    return v;
}

static jv *json_parse(const char *s, size_t n)
{
    jparser j = { s, s + n, 0 };
    jv *v = jparse(&j);
    jskip(&j);
    return v && j.p == j.end ? v : NULL;
}

/* ------------------------------------------------------------------ */
/* Big integers as little-endian byte arrays                           */
/* ------------------------------------------------------------------ */

/* Decimal text (JSON number) into `n` bytes of two's complement (signed) or
 * unsigned; SHAPE_ERROR when out of range. */
static int dec_to_le(uint8_t *le, size_t n, int is_signed, const jv *v)
{
    if (v->k != JV_NUM) return shape("expected an integer");
    const char *s = v->s;
    int neg = *s == '-';
    if (neg && !is_signed) return shape("negative value for an unsigned type");
    s += neg;
    uint8_t mag[BIG_BYTES + 1] = { 0 };
    if (n > BIG_BYTES) die("dec_to_le: too wide");
    for (; *s; s++) {
        unsigned carry = (unsigned)(*s - '0');
        for (size_t i = 0; i <= n; i++) {
            unsigned x = mag[i] * 10u + carry;
            mag[i] = (uint8_t)x;
            carry = x >> 8;
        }
        if (carry || mag[n]) return shape("integer out of range");
    }
    if (is_signed) {
        /* |v| <= 2^(8n-1) - 1, or 2^(8n-1) when negative */
        uint8_t top = mag[n - 1];
        if (top & 0x80) {
            int is_min = neg && top == 0x80;
            for (size_t i = 0; is_min && i + 1 < n; i++) is_min = mag[i] == 0;
            if (!is_min) return shape("integer out of range");
        }
        if (neg) { /* two's complement negation */
            unsigned carry = 1;
            for (size_t i = 0; i < n; i++) {
                unsigned x = (uint8_t)~mag[i] + carry;
                mag[i] = (uint8_t)x;
                carry = x >> 8;
            }
        }
    }
    memcpy(le, mag, n);
    return WETEE_OK;
}

static jv *le_to_dec(const uint8_t *le, size_t n, int is_signed)
{
    uint8_t mag[BIG_BYTES];
    char digits[BIG_BYTES * 3 + 3];
    memcpy(mag, le, n);
    int neg = is_signed && (le[n - 1] & 0x80);
    if (neg) {
        unsigned carry = 1;
        for (size_t i = 0; i < n; i++) {
            unsigned x = (uint8_t)~mag[i] + carry;
            mag[i] = (uint8_t)x;
            carry = x >> 8;
        }
    }
    size_t nd = 0;
    size_t top = n;
    do {
        unsigned rem = 0;
        while (top && mag[top - 1] == 0) top--;
        for (size_t i = top; i-- > 0;) {
            unsigned x = (rem << 8) | mag[i];
            mag[i] = (uint8_t)(x / 10);
            rem = x % 10;
        }
        digits[nd++] = (char)('0' + rem);
        while (top && mag[top - 1] == 0) top--;
    } while (top);
    char text[sizeof digits + 1];
    size_t t = 0;
    if (neg) text[t++] = '-';
    while (nd) text[t++] = digits[--nd];
    text[t] = 0;
    return jv_num(text);
}

static int dec_to_u64(uint64_t *out, const jv *v, uint64_t max)
{
    uint8_t le[8];
    int rc = dec_to_le(le, 8, 0, v);
    if (rc) return rc;
    uint64_t x = 0;
    for (int i = 7; i >= 0; i--) x = (x << 8) | le[i];
    if (x > max) return shape("integer out of range");
    *out = x;
    return WETEE_OK;
}

static int dec_to_i64(int64_t *out, const jv *v, int64_t min, int64_t max)
{
    uint8_t le[8];
    int rc = dec_to_le(le, 8, 1, v);
    if (rc) return rc;
    uint64_t x = 0;
    for (int i = 7; i >= 0; i--) x = (x << 8) | le[i];
    int64_t s = (x >> 63) ? -(int64_t)(~x) - 1 : (int64_t)x;
    if (s < min || s > max) return shape("integer out of range");
    *out = s;
    return WETEE_OK;
}

static int get_u32_val(uint32_t *out, const jv *v)
{
    uint64_t x = 0;
    int rc = dec_to_u64(&x, v, UINT32_MAX);
    if (!rc) *out = (uint32_t)x;
    return rc;
}

static int get_bool_val(int *out, const jv *v)
{
    if (v->k != JV_TRUE && v->k != JV_FALSE) return shape("expected a bool");
    *out = v->k == JV_TRUE;
    return WETEE_OK;
}

/* "0x" + lower-case hex into arena bytes */
static int hex_val(const uint8_t **out, size_t *len, const jv *v)
{
    if (v->k != JV_STR || v->n < 2 || v->s[0] != '0' || v->s[1] != 'x' || v->n % 2)
        return shape("expected a 0x-hex string");
    size_t n = (v->n - 2) / 2;
    uint8_t *b = aalloc(n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        int h = hexval((unsigned char)v->s[2 + 2 * i]), l = hexval((unsigned char)v->s[3 + 2 * i]);
        if (h < 0 || l < 0 || (v->s[2 + 2 * i] >= 'A' && v->s[2 + 2 * i] <= 'F') ||
            (v->s[3 + 2 * i] >= 'A' && v->s[3 + 2 * i] <= 'F'))
            return shape("expected lower-case hex");
        b[i] = (uint8_t)(h * 16 + l);
    }
    *out = b;
    *len = n;
    return WETEE_OK;
}

static jv *hex_jv(const uint8_t *b, size_t n)
{
    char *s = aalloc(2 * n + 3);
    s[0] = '0';
    s[1] = 'x';
    for (size_t i = 0; i < n; i++) {
        s[2 + 2 * i] = HEXD[b[i] >> 4];
        s[3 + 2 * i] = HEXD[b[i] & 15];
    }
    jv *v = jv_new(JV_STR);
    v->s = s;
    v->n = 2 * n + 2;
    s[v->n] = 0;
    return v;
}

/* the single key of an object, checked against `names`; index or SHAPE_ERROR */
static int obj_key(const jv *v, const char *const *names, int count, const jv **val)
{
    if (v->k != JV_OBJ || v->count != 1) return shape("expected an object with one key");
    for (int i = 0; i < count; i++) {
        if (strlen(names[i]) == v->keys[0]->n && memcmp(names[i], v->keys[0]->s, v->keys[0]->n) == 0) {
            *val = v->items[0];
            return i;
        }
    }
    return shape("unknown key %s", v->keys[0]->s);
}

/* ------------------------------------------------------------------ */
/* Random numbers (xoshiro256**), one stream per type                  */
/* ------------------------------------------------------------------ */

typedef struct { uint64_t s[4]; } rng;

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void rng_init(rng *g, const char *seed, const char *stream)
{
    uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a of "seed:stream" */
    for (const char *p = seed; *p; p++) h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
    h = (h ^ ':') * 0x100000001b3ull;
    for (const char *p = stream; *p; p++) h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
    for (int i = 0; i < 4; i++) g->s[i] = splitmix(&h);
}

static uint64_t rng_u64(rng *g)
{
    uint64_t *s = g->s;
    uint64_t r = s[1] * 5;
    r = ((r << 7) | (r >> 57)) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 45) | (s[3] >> 19);
    return r;
}

static uint64_t rng_below(rng *g, uint64_t n) { return n ? rng_u64(g) % n : 0; }
static uint64_t rng_range(rng *g, uint64_t lo, uint64_t hi) { return lo + rng_below(g, hi - lo + 1); }
static int rng_chance(rng *g, double p) { return (double)(rng_u64(g) >> 11) * 0x1.0p-53 < p; }

/* k random bits with bit k-1 set (zero for k = 0), in n little-endian bytes */
static void rng_bits(rng *g, uint8_t *le, size_t n, unsigned k)
{
    memset(le, 0, n);
    for (unsigned i = 0; i < (k + 7) / 8; i++) le[i] = (uint8_t)rng_u64(g);
    if (k % 8) le[k / 8] &= (uint8_t)((1u << (k % 8)) - 1);
    if (k) le[(k - 1) / 8] |= (uint8_t)(1u << ((k - 1) % 8));
}

/* ------------------------------------------------------------------ */
/* Random values                                                       */
/* ------------------------------------------------------------------ */

/* Edges of an unsigned W-bit type: 0, then 2^(k-1) and 2^k - 1 for every k
 * (all compact mode boundaries among them: 63/64, 16383/16384,
 * 2^30-1/2^30, 2^32, 2^64-1, 2^128-1, ...). */
static size_t unsigned_edges(unsigned bits) { return 2 * (size_t)bits + 1; }

static void unsigned_edge(uint8_t *le, size_t n, unsigned bits, size_t i)
{
    memset(le, 0, n);
    if (i == 0) return;
    unsigned k = (unsigned)((i + 1) / 2); /* 1..bits */
    if (i % 2) {
        le[(k - 1) / 8] = (uint8_t)(1u << ((k - 1) % 8)); /* 2^(k-1) */
    } else {
        for (unsigned b = 0; b < k; b++) le[b / 8] |= (uint8_t)(1u << (b % 8)); /* 2^k - 1 */
    }
    (void)bits;
}

static void gen_unsigned(rng *g, size_t i, unsigned bits, uint8_t *le, size_t n)
{
    size_t ne = unsigned_edges(bits);
    if (i < ne) unsigned_edge(le, n, bits, i);
    else if (rng_chance(g, 0.05)) unsigned_edge(le, n, bits, rng_below(g, ne));
    else rng_bits(g, le, n, (unsigned)rng_range(g, 0, bits));
}

static void negate(uint8_t *le, size_t n, int plus_one)
{
    unsigned carry = plus_one ? 1 : 0;
    for (size_t i = 0; i < n; i++) {
        unsigned x = (uint8_t)~le[i] + carry;
        le[i] = (uint8_t)x;
        carry = x >> 8;
    }
}

/* Edges of a signed W-bit type: 0, -1, and 2^k - 1, -2^k, 2^k, -2^k - 1 for
 * k = 1..W-1 (the last pair only while in range): max and min among them. */
static size_t signed_edges(unsigned bits) { return 2 + 4 * (size_t)(bits - 1); }

static void signed_edge(uint8_t *le, size_t n, unsigned bits, size_t i)
{
    memset(le, 0, n);
    if (i == 0) return;
    if (i == 1) { memset(le, 0xff, n); return; }
    unsigned k = (unsigned)((i - 2) / 4) + 1;
    unsigned which = (unsigned)((i - 2) % 4);
    if (k == bits - 1 && which >= 2) which -= 2; /* 2^(W-1) is out of range */
    le[k / 8] = (uint8_t)(1u << (k % 8)); /* 2^k */
    switch (which) {
    case 0: negate(le, n, 1); negate(le, n, 0); break; /* 2^k - 1 = ~(-(2^k)) */
    case 1: negate(le, n, 1); break;                   /* -2^k */
    case 2: break;                                      /* 2^k */
    default: negate(le, n, 0); break;                   /* -2^k - 1 = ~(2^k) */
    }
}

static void gen_signed(rng *g, size_t i, unsigned bits, uint8_t *le, size_t n)
{
    size_t ne = signed_edges(bits);
    if (i < ne) { signed_edge(le, n, bits, i); return; }
    if (rng_chance(g, 0.05)) { signed_edge(le, n, bits, rng_below(g, ne)); return; }
    rng_bits(g, le, n, (unsigned)rng_range(g, 0, bits - 1));
    if (rng_chance(g, 0.5)) negate(le, n, rng_chance(g, 0.5)); /* -m or -m-1 */
}

static const unsigned SPECIAL_CP[] = { 0, 9, 10, 13, 8, 12, 0x1f, 0x22, 0x5c, 0x2f, 0x7f, 0x80, 0xa0, 0x7ff,
    0x800, 0xd7ff, 0xe000, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1f600, 0x10fffd, 0x10ffff, 0x2028,
    0x2029, 0x200b };

static unsigned random_cp(rng *g)
{
    unsigned r = (unsigned)rng_below(g, 100);
    if (r < 40) return (unsigned)rng_range(g, 0x20, 0x7e);
    if (r < 45) return (unsigned)rng_range(g, 0, 0x1f);
    if (r < 60) return (unsigned)rng_range(g, 0x80, 0x7ff);
    if (r < 80) {
        unsigned cp = (unsigned)rng_range(g, 0x800, 0xffff - 0x800);
        return cp >= 0xd800 ? cp + 0x800 : cp;
    }
    if (r < 92) return (unsigned)rng_range(g, 0x10000, 0x10ffff);
    return SPECIAL_CP[rng_below(g, sizeof SPECIAL_CP / sizeof SPECIAL_CP[0])];
}

/* Mostly short; some past 63 (two-byte length), a few past 16383 (four-byte). */
static size_t random_length(rng *g)
{
    unsigned r = (unsigned)rng_below(g, 1000);
    if (r < 850) return rng_range(g, 0, 48);
    if (r < 995) return rng_range(g, 49, 300);
    return rng_range(g, 16300, 17000);
}

/* About `bytes` bytes of UTF-8 (exactly when `exact`). Never starts with
 * U+FEFF: types-codec's Text drops a leading byte order mark (TextDecoder). */
static jv *random_string(rng *g, size_t bytes, int exact)
{
    char *s = aalloc(bytes + 4);
    size_t n = 0;
    while (n < bytes) {
        unsigned cp = random_cp(g);
        if (n == 0 && cp == 0xfeff) continue;
        char tmp[4];
        size_t k = utf8_put(tmp, cp);
        if (exact && n + k > bytes) { tmp[0] = 'a'; k = 1; }
        memcpy(s + n, tmp, k);
        n += k;
    }
    jv *v = jv_new(JV_STR);
    s[n] = 0;
    v->s = s;
    v->n = n;
    return v;
}

static const size_t EDGE_STRING_BYTES[] = { 0, 1, 63, 64, 16383, 16384 };
#define N_EDGE_STRING_BYTES (sizeof EDGE_STRING_BYTES / sizeof EDGE_STRING_BYTES[0])
static const char *const EDGE_STRINGS[] = { "0x", "0x41", "\"\\/\b\f\n\r\t\xe2\x80\xa8\x7f" };
#define N_EDGE_STRINGS (sizeof EDGE_STRINGS / sizeof EDGE_STRINGS[0])

static jv *gen_string(rng *g, size_t i)
{
    if (i < N_EDGE_STRING_BYTES) return random_string(g, EDGE_STRING_BYTES[i], 1);
    if (i - N_EDGE_STRING_BYTES < N_EDGE_STRINGS) {
        const char *s = EDGE_STRINGS[i - N_EDGE_STRING_BYTES];
        return jv_str(s, strlen(s));
    }
    if (i == N_EDGE_STRING_BYTES + N_EDGE_STRINGS) return jv_str("a\0b", 3); /* NUL inside */
    return random_string(g, random_length(g), 0);
}

static uint32_t gen_u32(rng *g)
{
    static const uint32_t edges[] = { 0, 1, 63, 64, 16383, 16384, (1u << 30) - 1, 1u << 30, UINT32_MAX };
    if (rng_below(g, 10) == 0) return edges[rng_below(g, sizeof edges / sizeof edges[0])];
    uint8_t le[4];
    rng_bits(g, le, 4, (unsigned)rng_range(g, 0, 32));
    return (uint32_t)le[0] | (uint32_t)le[1] << 8 | (uint32_t)le[2] << 16 | (uint32_t)le[3] << 24;
}

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

typedef struct type type;
struct type {
    const char *name;
    unsigned bits;  /* integer width */
    int is_signed;
    jv *(*gen)(const type *t, rng *g, size_t i);
    int (*enc)(const type *t, const jv *v, wetee_buf *out);
    int (*dec)(const type *t, wetee_scale_reader *r, jv **out);
};

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        int rc_ = (expr);                                                                          \
        if (rc_ != WETEE_OK) return rc_;                                                           \
    } while (0)

/* --- bool --- */
static jv *gen_bool(const type *t, rng *g, size_t i)
{
    (void)t;
    return jv_bool(i < 2 ? (int)i : rng_chance(g, 0.5));
}
static int enc_bool(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    int b = 0;
    TRY(get_bool_val(&b, v));
    return wetee_scale_put_bool(out, b);
}
static int dec_bool(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    int b = 0;
    TRY(wetee_scale_get_bool(r, &b));
    *out = jv_bool(b);
    return WETEE_OK;
}

/* --- fixed-width integers --- */
static jv *gen_int(const type *t, rng *g, size_t i)
{
    uint8_t le[32];
    size_t n = t->bits / 8;
    if (t->is_signed) gen_signed(g, i, t->bits, le, n);
    else gen_unsigned(g, i, t->bits, le, n);
    return le_to_dec(le, n, t->is_signed);
}

static int enc_int(const type *t, const jv *v, wetee_buf *out)
{
    uint8_t le[32];
    size_t n = t->bits / 8;
    if (t->bits <= 64) {
        if (t->is_signed) {
            int64_t x = 0;
            int64_t max = (int64_t)(UINT64_MAX >> (65 - t->bits));
            TRY(dec_to_i64(&x, v, -max - 1, max));
            switch (t->bits) {
            case 8: return wetee_scale_put_i8(out, (int8_t)x);
            case 16: return wetee_scale_put_i16(out, (int16_t)x);
            case 32: return wetee_scale_put_i32(out, (int32_t)x);
            default: return wetee_scale_put_i64(out, x);
            }
        }
        uint64_t x = 0;
        TRY(dec_to_u64(&x, v, UINT64_MAX >> (64 - t->bits)));
        switch (t->bits) {
        case 8: return wetee_scale_put_u8(out, (uint8_t)x);
        case 16: return wetee_scale_put_u16(out, (uint16_t)x);
        case 32: return wetee_scale_put_u32(out, (uint32_t)x);
        default: return wetee_scale_put_u64(out, x);
        }
    }
    TRY(dec_to_le(le, n, t->is_signed, v));
    if (t->bits == 128) {
        wetee_u128 x = wetee_u128_from_le(le);
        return t->is_signed ? wetee_scale_put_i128(out, x) : wetee_scale_put_u128(out, x);
    }
    return wetee_scale_put_u256(out, le);
}

static int dec_int(const type *t, wetee_scale_reader *r, jv **out)
{
    if (t->bits <= 64) {
        if (t->is_signed) {
            int8_t a = 0; int16_t b = 0; int32_t c = 0; int64_t d = 0;
            switch (t->bits) {
            case 8: TRY(wetee_scale_get_i8(r, &a)); d = a; break;
            case 16: TRY(wetee_scale_get_i16(r, &b)); d = b; break;
            case 32: TRY(wetee_scale_get_i32(r, &c)); d = c; break;
            default: TRY(wetee_scale_get_i64(r, &d)); break;
            }
            *out = jv_numi(d);
            return WETEE_OK;
        }
        uint8_t a = 0; uint16_t b; uint32_t c; uint64_t d;
        switch (t->bits) {
        case 8: TRY(wetee_scale_get_u8(r, &a)); d = a; break;
        case 16: TRY(wetee_scale_get_u16(r, &b)); d = b; break;
        case 32: TRY(wetee_scale_get_u32(r, &c)); d = c; break;
        default: TRY(wetee_scale_get_u64(r, &d)); break;
        }
        *out = jv_numu(d);
        return WETEE_OK;
    }
    uint8_t le[32];
    if (t->bits == 128) {
        wetee_u128 x = { 0, 0 };
        TRY(t->is_signed ? wetee_scale_get_i128(r, &x) : wetee_scale_get_u128(r, &x));
        wetee_u128_to_le(le, x);
    } else {
        TRY(wetee_scale_get_u256(r, le));
    }
    *out = le_to_dec(le, t->bits / 8, t->is_signed);
    return WETEE_OK;
}

/* --- compact integers ---
 * Every value is encoded through each entry point that can take it
 * (put_compact_u64, put_compact_u128, put_compact_big with and without
 * leading zero bytes, encode_compact) and decoded through each that can
 * return it (get_compact_u32/u64/u128/big, decode_compact); all must agree. */
static jv *gen_compact(const type *t, rng *g, size_t i)
{
    uint8_t le[BIG_BYTES];
    size_t n = (t->bits + 7) / 8;
    gen_unsigned(g, i, t->bits, le, n);
    return le_to_dec(le, n, 0);
}

static int same_bytes(const wetee_buf *a, const wetee_buf *b, const char *what)
{
    if (a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0)) return WETEE_OK;
    return shape("%s disagrees with the main encoder (%zu vs %zu bytes)", what, b->len, a->len);
}

static int enc_compact(const type *t, const jv *v, wetee_buf *out)
{
    uint8_t le[BIG_BYTES] = { 0 };
    size_t n = (t->bits + 7) / 8;
    TRY(dec_to_le(le, n, 0, v));
    size_t sig = n;
    while (sig && le[sig - 1] == 0) sig--;
    size_t start = out->len;
    wetee_buf alt = WETEE_BUF_INIT;
    int rc = WETEE_OK;
    /* the main encoding: the narrowest entry point */
    if (t->bits <= 64) {
        uint64_t x = 0;
        for (size_t k = n; k-- > 0;) x = (x << 8) | le[k];
        rc = wetee_scale_put_compact_u64(out, x);
    } else if (t->bits == 128) {
        rc = wetee_scale_put_compact_u128(out, wetee_u128_from_le(le));
    } else {
        rc = wetee_scale_put_compact_big(out, le, n);
    }
    if (rc) goto done;
    wetee_buf main_enc = { out->data + start, out->len - start, 0 };
    /* the others */
    if (sig <= 16) {
        uint8_t le16[16] = { 0 };
        memcpy(le16, le, sig);
        wetee_u128 x = wetee_u128_from_le(le16);
        wetee_buf_clear(&alt);
        if ((rc = wetee_scale_put_compact_u128(&alt, x)) || (rc = same_bytes(&main_enc, &alt, "put_compact_u128")))
            goto done;
        if ((rc = wetee_scale_encode_compact(&alt, x)) || (rc = same_bytes(&main_enc, &alt, "encode_compact")))
            goto done;
    }
    wetee_buf_clear(&alt);
    if ((rc = wetee_scale_put_compact_big(&alt, le, sig)) || (rc = same_bytes(&main_enc, &alt, "put_compact_big (trimmed)")))
        goto done;
    wetee_buf_clear(&alt);
    if ((rc = wetee_scale_put_compact_big(&alt, le, BIG_BYTES)) ||
        (rc = same_bytes(&main_enc, &alt, "put_compact_big (67 bytes)")))
        goto done;
done:
    wetee_buf_free(&alt);
    if (rc) out->len = start;
    return rc;
}

static int dec_compact(const type *t, wetee_scale_reader *r, jv **out)
{
    size_t n = (t->bits + 7) / 8;
    uint8_t le[BIG_BYTES] = { 0 };
    wetee_scale_reader start = *r;
    /* the main decoding: the entry point of the type */
    if (t->bits <= 32) {
        uint32_t x = 0;
        TRY(wetee_scale_get_compact_u32(r, &x));
        if (t->bits < 32 && x >> t->bits) return shape("compact value %" PRIu32 " does not fit u%u", x, t->bits);
        for (size_t k = 0; k < 4; k++) le[k] = (uint8_t)(x >> (8 * k));
    } else if (t->bits == 64) {
        uint64_t x = 0;
        TRY(wetee_scale_get_compact_u64(r, &x));
        for (size_t k = 0; k < 8; k++) le[k] = (uint8_t)(x >> (8 * k));
    } else if (t->bits == 128) {
        wetee_u128 x = { 0, 0 };
        TRY(wetee_scale_get_compact_u128(r, &x));
        wetee_u128_to_le(le, x);
    } else {
        size_t len = 0;
        TRY(wetee_scale_get_compact_big(r, le, &len));
        if (len > n) return shape("compact value of %zu bytes does not fit u%u", len, t->bits);
        if (len && le[len - 1] == 0) return shape("get_compact_big: out_len %zu counts a zero top byte", len);
        for (size_t k = len; k < BIG_BYTES; k++)
            if (le[k]) return shape("get_compact_big: non-zero byte %zu past out_len %zu", k, len);
    }
    size_t used = r->pos - start.pos;
    /* the others must read the same bytes and value */
    uint8_t big[BIG_BYTES];
    size_t big_len = 0;
    wetee_scale_reader r2 = start;
    TRY(wetee_scale_get_compact_big(&r2, big, &big_len));
    if (r2.pos != r->pos) return shape("get_compact_big read %zu bytes, not %zu", r2.pos - start.pos, used);
    for (size_t k = 0; k < BIG_BYTES; k++)
        if ((k < big_len ? big[k] : 0) != le[k]) return shape("get_compact_big disagrees at byte %zu", k);
    if (big_len <= 16) {
        wetee_u128 x = { 0, 0 }, y = { 0, 0 };
        size_t consumed = 0;
        r2 = start;
        TRY(wetee_scale_get_compact_u128(&r2, &x));
        TRY(wetee_scale_decode_compact(&y, &consumed, start.data + start.pos, start.len - start.pos));
        if (wetee_u128_cmp(x, wetee_u128_from_le(le)) || wetee_u128_cmp(y, x) || consumed != used ||
            r2.pos != r->pos)
            return shape("get_compact_u128/decode_compact disagree");
        if (big_len <= 8) {
            uint64_t z = 0;
            r2 = start;
            TRY(wetee_scale_get_compact_u64(&r2, &z));
            if (z != x.lo || r2.pos != r->pos) return shape("get_compact_u64 disagrees");
        } else {
            uint64_t z = 0;
            r2 = start;
            if (wetee_scale_get_compact_u64(&r2, &z) != WETEE_ERR_OVERFLOW || r2.pos != start.pos)
                return shape("get_compact_u64 of a value above 2^64-1 is not OVERFLOW");
        }
    } else {
        wetee_u128 x = { 0, 0 };
        r2 = start;
        if (wetee_scale_get_compact_u128(&r2, &x) != WETEE_ERR_OVERFLOW || r2.pos != start.pos)
            return shape("get_compact_u128 of a value above 2^128-1 is not OVERFLOW");
    }
    *out = le_to_dec(le, n, 0);
    return WETEE_OK;
}

/* --- Option<u32> --- */
static jv *gen_opt_u32(const type *t, rng *g, size_t i)
{
    (void)t;
    return i == 0 || rng_chance(g, 0.25) ? jv_new(JV_NULL) : jv_numu(gen_u32(g));
}
static int enc_opt_u32(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    if (v->k == JV_NULL) return wetee_scale_put_none(out);
    uint32_t x = 0;
    TRY(get_u32_val(&x, v));
    TRY(wetee_scale_put_some(out));
    return wetee_scale_put_u32(out, x);
}
static int dec_opt_u32(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    int some = 0;
    uint32_t x = 0;
    TRY(wetee_scale_enter(r));
    TRY(wetee_scale_get_option(r, &some));
    if (some) TRY(wetee_scale_get_u32(r, &x));
    wetee_scale_leave(r);
    *out = some ? jv_numu(x) : jv_new(JV_NULL);
    return WETEE_OK;
}

/* --- Option<bool>: the generic Option rule, tag then bool --- */
static int enc_opt_bool_generic(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    int b = 0;
    if (v->k == JV_NULL) return wetee_scale_put_none(out);
    TRY(get_bool_val(&b, v));
    TRY(wetee_scale_put_some(out));
    return wetee_scale_put_bool(out, b);
}
static int dec_opt_bool_generic(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    int some = 0, b = 0;
    TRY(wetee_scale_enter(r));
    TRY(wetee_scale_get_option(r, &some));
    if (some) TRY(wetee_scale_get_bool(r, &b));
    wetee_scale_leave(r);
    *out = some ? jv_bool(b) : jv_new(JV_NULL);
    return WETEE_OK;
}

/* --- OptionBool (parity-scale-codec's separate one-byte type) --- */
static jv *gen_opt_bool(const type *t, rng *g, size_t i)
{
    (void)t;
    unsigned k = i < 3 ? (unsigned)i : (unsigned)rng_below(g, 3);
    return k == 0 ? jv_new(JV_NULL) : jv_bool(k == 1);
}
static int enc_opt_bool(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    int b = -1;
    if (v->k != JV_NULL) TRY(get_bool_val(&b, v));
    return wetee_scale_put_optionbool(out, b);
}
static int dec_opt_bool(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    int b = 0;
    TRY(wetee_scale_get_optionbool(r, &b));
    if (b != -1 && b != 0 && b != 1) return shape("get_optionbool gave %d", b);
    *out = b < 0 ? jv_new(JV_NULL) : jv_bool(b);
    return WETEE_OK;
}

/* --- Text and the types that contain it --- */
static int enc_text_val(const jv *v, wetee_buf *out)
{
    if (v->k != JV_STR) return shape("expected a string");
    return wetee_scale_put_str(out, v->s, v->n);
}
static int dec_text_val(wetee_scale_reader *r, jv **out)
{
    const char *s = NULL;
    size_t n = 0;
    TRY(wetee_scale_get_str(r, &s, &n));
    *out = jv_str(s, n);
    return WETEE_OK;
}

static jv *gen_text(const type *t, rng *g, size_t i)
{
    (void)t;
    return gen_string(g, i);
}
static int enc_text(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    return enc_text_val(v, out);
}
static int dec_text(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    return dec_text_val(r, out);
}

/* --- Result<u32, Text> --- */
static const char *const RESULT_KEYS[] = { "Ok", "Err" };
static jv *gen_result(const type *t, rng *g, size_t i)
{
    (void)t;
    int ok = i < 4 ? i % 2 == 0 : rng_chance(g, 0.5);
    return ok ? jv_obj1("Ok", jv_numu(gen_u32(g))) : jv_obj1("Err", gen_string(g, i));
}
static int enc_result(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    const jv *x = NULL;
    int k = obj_key(v, RESULT_KEYS, 2, &x);
    if (k < 0) return k;
    if (k == 0) {
        uint32_t u = 0;
        TRY(get_u32_val(&u, x));
        TRY(wetee_scale_put_result(out, 0));
        return wetee_scale_put_u32(out, u);
    }
    if (x->k != JV_STR) return shape("Err takes a string");
    TRY(wetee_scale_put_result(out, 1));
    return enc_text_val(x, out);
}
static int dec_result(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    int is_err = 0;
    jv *x = NULL;
    TRY(wetee_scale_enter(r));
    TRY(wetee_scale_get_result(r, &is_err));
    if (is_err) {
        TRY(dec_text_val(r, &x));
    } else {
        uint32_t u = 0;
        TRY(wetee_scale_get_u32(r, &u));
        x = jv_numu(u);
    }
    wetee_scale_leave(r);
    *out = jv_obj1(is_err ? "Err" : "Ok", x);
    return WETEE_OK;
}

/* --- Bytes (Vec<u8>) --- */
static jv *gen_bytes(const type *t, rng *g, size_t i)
{
    (void)t;
    size_t n = i < N_EDGE_STRING_BYTES ? EDGE_STRING_BYTES[i] : random_length(g);
    uint8_t *b = aalloc(n ? n : 1);
    for (size_t k = 0; k < n; k++) b[k] = (uint8_t)rng_u64(g);
    return hex_jv(b, n);
}
static int enc_bytes(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    const uint8_t *b = NULL;
    size_t n = 0;
    TRY(hex_val(&b, &n, v));
    return wetee_scale_put_bytes(out, b, n);
}
static int dec_bytes(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    const uint8_t *b = NULL;
    size_t n = 0;
    TRY(wetee_scale_get_bytes(r, &b, &n));
    *out = hex_jv(b, n);
    return WETEE_OK;
}

/* --- [u8; 32] --- */
static jv *gen_fixed(const type *t, rng *g, size_t i)
{
    (void)t;
    uint8_t b[32];
    for (size_t k = 0; k < 32; k++) b[k] = i == 0 ? 0 : i == 1 ? 0xff : (uint8_t)rng_u64(g);
    return hex_jv(b, 32);
}
static int enc_fixed(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    const uint8_t *b = NULL;
    size_t n = 0;
    TRY(hex_val(&b, &n, v));
    if (n != 32) return shape("expected 32 bytes");
    return wetee_scale_put_raw(out, b, n);
}
static int dec_fixed(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    const uint8_t *b = NULL;
    TRY(wetee_scale_get_raw(r, &b, 32));
    *out = hex_jv(b, 32);
    return WETEE_OK;
}

/* --- (u32, Text, bool) --- */
static jv *gen_tuple(const type *t, rng *g, size_t i)
{
    (void)t;
    jv *v = jv_arr(3);
    v->items[0] = jv_numu(gen_u32(g));
    v->items[1] = gen_string(g, i);
    v->items[2] = jv_bool(rng_chance(g, 0.5));
    return v;
}
static int enc_tuple(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    uint32_t u = 0;
    int b = 0;
    if (v->k != JV_ARR || v->count != 3) return shape("expected a 3-item array");
    TRY(get_u32_val(&u, v->items[0]));
    TRY(get_bool_val(&b, v->items[2]));
    TRY(wetee_scale_put_u32(out, u));
    TRY(enc_text_val(v->items[1], out));
    return wetee_scale_put_bool(out, b);
}
static int dec_tuple(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    uint32_t u = 0;
    int b = 0;
    jv *s = NULL;
    TRY(wetee_scale_enter(r));
    TRY(wetee_scale_get_u32(r, &u));
    TRY(dec_text_val(r, &s));
    TRY(wetee_scale_get_bool(r, &b));
    wetee_scale_leave(r);
    jv *v = jv_arr(3);
    v->items[0] = jv_numu(u);
    v->items[1] = s;
    v->items[2] = jv_bool(b);
    *out = v;
    return WETEE_OK;
}

/* --- enum Sample { Unit, Num(u32), Name(Text), Pair(u16, bool) } --- */
static const char *const SAMPLE_KEYS[] = { "Unit", "Num", "Name", "Pair" };
static jv *gen_sample(const type *t, rng *g, size_t i)
{
    (void)t;
    unsigned k = i < 4 ? (unsigned)i : (unsigned)rng_below(g, 4);
    switch (k) {
    case 0: return jv_obj1("Unit", jv_new(JV_NULL));
    case 1: return jv_obj1("Num", jv_numu(gen_u32(g)));
    case 2: return jv_obj1("Name", gen_string(g, i));
    default: {
        jv *p = jv_arr(2);
        p->items[0] = jv_numu(rng_below(g, 65536));
        p->items[1] = jv_bool(rng_chance(g, 0.5));
        return jv_obj1("Pair", p);
    }
    }
}
static int enc_sample(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    const jv *x = NULL;
    int k = obj_key(v, SAMPLE_KEYS, 4, &x);
    if (k < 0) return k;
    uint32_t u = 0;
    uint64_t w = 0;
    int b = 0;
    switch (k) {
    case 0:
        if (x->k != JV_NULL) return shape("Unit takes null");
        return wetee_scale_put_variant(out, 0);
    case 1:
        TRY(get_u32_val(&u, x));
        TRY(wetee_scale_put_variant(out, 1));
        return wetee_scale_put_u32(out, u);
    case 2:
        if (x->k != JV_STR) return shape("Name takes a string");
        TRY(wetee_scale_put_variant(out, 2));
        return enc_text_val(x, out);
    default:
        if (x->k != JV_ARR || x->count != 2) return shape("Pair takes [u16, bool]");
        TRY(dec_to_u64(&w, x->items[0], UINT16_MAX));
        TRY(get_bool_val(&b, x->items[1]));
        TRY(wetee_scale_put_variant(out, 3));
        TRY(wetee_scale_put_u16(out, (uint16_t)w));
        return wetee_scale_put_bool(out, b);
    }
}
static int dec_sample(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    uint8_t k = 0;
    jv *x = NULL;
    TRY(wetee_scale_enter(r));
    TRY(wetee_scale_get_variant(r, &k, 4));
    switch (k) {
    case 0: x = jv_new(JV_NULL); break;
    case 1: {
        uint32_t u = 0;
        TRY(wetee_scale_get_u32(r, &u));
        x = jv_numu(u);
        break;
    }
    case 2: TRY(dec_text_val(r, &x)); break;
    case 3: {
        uint16_t w = 0;
        int b = 0;
        TRY(wetee_scale_get_u16(r, &w));
        TRY(wetee_scale_get_bool(r, &b));
        x = jv_arr(2);
        x->items[0] = jv_numu(w);
        x->items[1] = jv_bool(b);
        break;
    }
    default: return shape("get_variant(n=4) returned %u", k);
    }
    wetee_scale_leave(r);
    *out = jv_obj1(SAMPLE_KEYS[k], x);
    return WETEE_OK;
}

/* --- Vec<u32> --- */
static jv *gen_vec(const type *t, rng *g, size_t i)
{
    (void)t;
    static const size_t edges[] = { 0, 1, 63, 64 };
    size_t n = i < 4 ? edges[i] : rng_chance(g, 0.05) ? rng_range(g, 60, 300) : rng_range(g, 0, 20);
    jv *v = jv_arr(n);
    for (size_t k = 0; k < n; k++) v->items[k] = jv_numu(gen_u32(g));
    return v;
}
static int enc_vec(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    if (v->k != JV_ARR) return shape("expected an array");
    uint32_t *xs = aalloc((v->count ? v->count : 1) * sizeof *xs);
    for (size_t k = 0; k < v->count; k++) TRY(get_u32_val(&xs[k], v->items[k]));
    TRY(wetee_scale_put_seq_len(out, v->count));
    return wetee_scale_put_u32_array(out, xs, v->count);
}
static int dec_vec(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    size_t n = 0;
    TRY(wetee_scale_enter(r));
    TRY(wetee_scale_get_seq_len(r, &n, 4));
    uint32_t *xs = aalloc((n ? n : 1) * sizeof *xs);
    TRY(wetee_scale_get_u32_array(r, xs, n));
    wetee_scale_leave(r);
    jv *v = jv_arr(n);
    for (size_t k = 0; k < n; k++) v->items[k] = jv_numu(xs[k]);
    *out = v;
    return WETEE_OK;
}

/* --- BitVec<u8, Lsb0> --- */
static jv *gen_bitvec(const type *t, rng *g, size_t i)
{
    (void)t;
    static const size_t edges[] = { 0, 1, 7, 8, 9, 63, 64, 65, 16383, 16384 };
    static const double density[] = { 0.5, 0.5, 0.1, 0.9 };
    size_t n = i < 10 ? edges[i] : rng_chance(g, 0.05) ? rng_range(g, 60, 600) : rng_range(g, 0, 70);
    double d = density[rng_below(g, 4)];
    char *s = aalloc(n + 1);
    for (size_t k = 0; k < n; k++) s[k] = rng_chance(g, d) ? '1' : '0';
    jv *v = jv_new(JV_STR);
    s[n] = 0;
    v->s = s;
    v->n = n;
    return v;
}
static int enc_bitvec(const type *t, const jv *v, wetee_buf *out)
{
    (void)t;
    if (v->k != JV_STR) return shape("expected a string of 0/1");
    uint8_t *bits = aalloc(v->n / 8 + 1);
    memset(bits, 0, v->n / 8 + 1);
    for (size_t k = 0; k < v->n; k++) {
        if (v->s[k] != '0' && v->s[k] != '1') return shape("expected a string of 0/1");
        if (v->s[k] == '1') bits[k / 8] |= (uint8_t)(1u << (k % 8));
    }
    return wetee_scale_put_bitvec(out, bits, v->n, WETEE_SCALE_BITSTORE_U8, WETEE_SCALE_LSB0);
}
static int dec_bitvec(const type *t, wetee_scale_reader *r, jv **out)
{
    (void)t;
    wetee_buf bits = WETEE_BUF_INIT;
    size_t n = 0;
    int rc = wetee_scale_get_bitvec(r, &bits, &n, WETEE_SCALE_BITSTORE_U8, WETEE_SCALE_LSB0);
    if (rc) {
        wetee_buf_free(&bits);
        return rc;
    }
    if (bits.len < (n + 7) / 8) {
        wetee_buf_free(&bits);
        return shape("get_bitvec: %zu bytes for %zu bits", bits.len, n);
    }
    char *s = aalloc(n + 1);
    for (size_t k = 0; k < n; k++) s[k] = (bits.data[k / 8] >> (k % 8)) & 1 ? '1' : '0';
    wetee_buf_free(&bits);
    jv *v = jv_new(JV_STR);
    s[n] = 0;
    v->s = s;
    v->n = n;
    *out = v;
    return WETEE_OK;
}

#define INT_T(name, bits, sgn) { name, bits, sgn, gen_int, enc_int, dec_int }
#define COMPACT_T(name, bits) { name, bits, 0, gen_compact, enc_compact, dec_compact }

/* The same types, names and order as scale_diff.mjs. */
static const type TYPES[] = {
    { "bool", 0, 0, gen_bool, enc_bool, dec_bool },
    INT_T("u8", 8, 0), INT_T("u16", 16, 0), INT_T("u32", 32, 0), INT_T("u64", 64, 0),
    INT_T("u128", 128, 0), INT_T("u256", 256, 0),
    INT_T("i8", 8, 1), INT_T("i16", 16, 1), INT_T("i32", 32, 1), INT_T("i64", 64, 1),
    INT_T("i128", 128, 1), INT_T("i256", 256, 1),
    COMPACT_T("Compact<u8>", 8), COMPACT_T("Compact<u16>", 16), COMPACT_T("Compact<u32>", 32),
    COMPACT_T("Compact<u64>", 64), COMPACT_T("Compact<u128>", 128), COMPACT_T("Compact<u256>", 256),
    COMPACT_T("CompactBig", 536),
    { "Option<u32>", 0, 0, gen_opt_u32, enc_opt_u32, dec_opt_u32 },
    { "Option<bool>", 0, 0, gen_opt_bool, enc_opt_bool_generic, dec_opt_bool_generic },
    { "OptionBool", 0, 0, gen_opt_bool, enc_opt_bool, dec_opt_bool },
    { "Result<u32,Text>", 0, 0, gen_result, enc_result, dec_result },
    { "Bytes", 0, 0, gen_bytes, enc_bytes, dec_bytes },
    { "Text", 0, 0, gen_text, enc_text, dec_text },
    { "[u8;32]", 0, 0, gen_fixed, enc_fixed, dec_fixed },
    { "(u32,Text,bool)", 0, 0, gen_tuple, enc_tuple, dec_tuple },
    { "Sample", 0, 0, gen_sample, enc_sample, dec_sample },
    { "Vec<u32>", 0, 0, gen_vec, enc_vec, dec_vec },
    { "BitVec", 0, 0, gen_bitvec, enc_bitvec, dec_bitvec },
};
#define N_TYPES (sizeof TYPES / sizeof TYPES[0])

static const char *rc_text(int rc)
{
    static char t[700];
    if (rc == SHAPE_ERROR) return g_msg;
    snprintf(t, sizeof t, "%d (%s): %s", rc, wetee_strerror(rc), wetee_last_error());
    return t;
}

static void hex_out(wetee_buf *b, const uint8_t *p, size_t n)
{
    if (wetee_buf_reserve(b, 2 * n) != WETEE_OK) die("out of memory");
    for (size_t i = 0; i < n; i++) {
        b->data[b->len++] = (uint8_t)HEXD[p[i] >> 4];
        b->data[b->len++] = (uint8_t)HEXD[p[i] & 15];
    }
}

/* ------------------------------------------------------------------ */
/* gen                                                                 */
/* ------------------------------------------------------------------ */

static int cmd_gen(const char *seed, const char *count_text)
{
    char *end;
    unsigned long long count = strtoull(count_text, &end, 10);
    if (*end || !*count_text) die("COUNT must be a number");
    static char obuf[1 << 20];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    wetee_buf line = WETEE_BUF_INIT, enc = WETEE_BUF_INIT;
    for (size_t ti = 0; ti < N_TYPES; ti++) {
        const type *t = &TYPES[ti];
        rng g;
        rng_init(&g, seed, t->name);
        for (size_t i = 0; i < count; i++) {
            jv *v = t->gen(t, &g, i);
            wetee_buf_clear(&line);
            wetee_buf_clear(&enc);
            int rc = t->enc(t, v, &enc);
            if (rc != WETEE_OK) {
                json_dump(&line, v);
                fprintf(stderr, "scale_vectors gen: libwetee cannot encode %s %.*s: %s\n", t->name,
                        (int)line.len, (const char *)line.data, rc_text(rc));
                return 1;
            }
            buf_puts(&line, t->name);
            buf_putc(&line, '\t');
            json_dump(&line, v);
            buf_putc(&line, '\t');
            hex_out(&line, enc.data, enc.len);
            buf_putc(&line, '\n');
            fwrite(line.data, 1, line.len, stdout);
            areset();
        }
    }
    wetee_buf_free(&line);
    wetee_buf_free(&enc);
    return fflush(stdout) == 0 ? 0 : 1;
}

/* ------------------------------------------------------------------ */
/* check                                                               */
/* ------------------------------------------------------------------ */

typedef struct {
    size_t passed, failed;
} tally;

static int hex_in(wetee_buf *out, const char *s, size_t n)
{
    if (n % 2) return 0;
    wetee_buf_clear(out);
    if (wetee_buf_reserve(out, n / 2 + 1) != WETEE_OK) die("out of memory");
    for (size_t i = 0; i < n; i += 2) {
        int h = hexval((unsigned char)s[i]), l = hexval((unsigned char)s[i + 1]);
        if (h < 0 || l < 0 || (s[i] >= 'A' && s[i] <= 'F') || (s[i + 1] >= 'A' && s[i + 1] <= 'F')) return 0;
        out->data[out->len++] = (uint8_t)(h * 16 + l);
    }
    return 1;
}

static int equal_buf(const wetee_buf *a, const wetee_buf *b)
{
    return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/* Checks one line; NULL when it passes, else why it failed. */
static const char *check_line(const char *line, size_t len, tally *per_type, wetee_buf *bytes, wetee_buf *enc,
                              wetee_buf *text)
{
    static char why[2048];
    const char *tab1 = memchr(line, '\t', len);
    const char *tab2 = tab1 ? memchr(tab1 + 1, '\t', len - (size_t)(tab1 + 1 - line)) : NULL;
    if (!tab1 || !tab2 || memchr(tab2 + 1, '\t', len - (size_t)(tab2 + 1 - line))) return "not 3 TAB-separated fields";
    const type *t = NULL;
    size_t ti = 0;
    for (ti = 0; ti < N_TYPES; ti++) {
        if (strlen(TYPES[ti].name) == (size_t)(tab1 - line) && memcmp(TYPES[ti].name, line, (size_t)(tab1 - line)) == 0) {
            t = &TYPES[ti];
            break;
        }
    }
    if (!t) return "unknown type";
    tally *tt = &per_type[ti];
    tt->failed++; /* undone on success */
    const char *vtext = tab1 + 1;
    size_t vlen = (size_t)(tab2 - vtext);
    const char *htext = tab2 + 1;
    size_t hlen = len - (size_t)(htext - line);
    if (!hex_in(bytes, htext, hlen)) return "hex field is not lower-case hex bytes";

    /* 1. the value text parses and is canonical */
    jv *v = json_parse(vtext, vlen);
    if (!v) return "value is not JSON (or has a non-integer number, -0, a lone surrogate)";
    wetee_buf_clear(text);
    json_dump(text, v);
    if (text->len != vlen || memcmp(text->data, vtext, vlen) != 0) {
        snprintf(why, sizeof why, "value text is not canonical; canonical: %.*s", (int)(text->len > 1000 ? 1000 : text->len),
                 (const char *)text->data);
        return why;
    }
    /* 2. libwetee encodes the value to the same bytes */
    wetee_buf_clear(enc);
    int rc = t->enc(t, v, enc);
    if (rc != WETEE_OK) {
        snprintf(why, sizeof why, "libwetee cannot encode the value: %s", rc_text(rc));
        return why;
    }
    if (!equal_buf(enc, bytes)) {
        wetee_buf h = WETEE_BUF_INIT;
        hex_out(&h, enc->data, enc->len);
        snprintf(why, sizeof why, "libwetee encodes the value as %.*s", (int)(h.len > 1500 ? 1500 : h.len), (const char *)h.data);
        wetee_buf_free(&h);
        return why;
    }
    /* 3. libwetee decodes all the bytes to the same value */
    wetee_scale_reader r;
    wetee_scale_reader_init(&r, bytes->data ? bytes->data : (const uint8_t *)"", bytes->len);
    jv *d = NULL;
    rc = t->dec(t, &r, &d);
    if (rc != WETEE_OK) {
        snprintf(why, sizeof why, "libwetee cannot decode the bytes: %s", rc_text(rc));
        return why;
    }
    if ((rc = wetee_scale_finish(&r)) != WETEE_OK) {
        snprintf(why, sizeof why, "libwetee left bytes unread: %s", rc_text(rc));
        return why;
    }
    if (r.depth != 0) return "reader depth is not back to 0";
    wetee_buf_clear(text);
    json_dump(text, d);
    if (text->len != vlen || memcmp(text->data, vtext, vlen) != 0) {
        snprintf(why, sizeof why, "libwetee decodes the bytes as %.*s", (int)(text->len > 1500 ? 1500 : text->len),
                 (const char *)text->data);
        return why;
    }
    /* 4. and re-encodes what it decoded to the same bytes */
    wetee_buf_clear(enc);
    rc = t->enc(t, d, enc);
    if (rc != WETEE_OK) {
        snprintf(why, sizeof why, "libwetee cannot re-encode the decoded value: %s", rc_text(rc));
        return why;
    }
    if (!equal_buf(enc, bytes)) return "libwetee re-encodes the decoded value differently";
    tt->failed--;
    tt->passed++;
    return NULL;
}

static int cmd_check(const char *file)
{
    FILE *f = fopen(file, "rb");
    if (!f) die("cannot open the input file");
    tally per_type[N_TYPES] = { { 0, 0 } };
    size_t passed = 0, failed = 0, line_no = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    wetee_buf bytes = WETEE_BUF_INIT, enc = WETEE_BUF_INIT, text = WETEE_BUF_INIT;
    while ((got = getline(&line, &cap, f)) >= 0) {
        line_no++;
        size_t len = (size_t)got;
        if (len && line[len - 1] == '\n') len--;
        if (len == 0) continue;
        const char *why = check_line(line, len, per_type, &bytes, &enc, &text);
        areset();
        if (!why) {
            passed++;
            continue;
        }
        failed++;
        if (failed <= MAX_SHOWN) fprintf(stderr, "MISMATCH line %zu: %s\n  %.*s\n", line_no, why, (int)len, line);
    }
    free(line);
    fclose(f);
    wetee_buf_free(&bytes);
    wetee_buf_free(&enc);
    wetee_buf_free(&text);
    size_t types_seen = 0;
    for (size_t ti = 0; ti < N_TYPES; ti++) {
        if (per_type[ti].passed + per_type[ti].failed) types_seen++;
        if (per_type[ti].failed)
            fprintf(stderr, "  %s: %zu passed, %zu failed\n", TYPES[ti].name, per_type[ti].passed, per_type[ti].failed);
    }
    printf("libwetee check of %s: %zu types\n", file, types_seen);
    printf("%zu passed, %zu failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}

/* ------------------------------------------------------------------ */
/* selfcheck: what parity-scale-codec rejects, libwetee must reject    */
/* ------------------------------------------------------------------ */

typedef enum {
    K_COMPACT_U32, K_COMPACT_U64, K_COMPACT_U128, K_COMPACT_BIG, K_DECODE_COMPACT, K_BOOL, K_OPTION,
    K_OPTION_BOOL, K_RESULT, K_VARIANT4, K_STR, K_SEQ_U32, K_BYTES, K_BITVEC, K_FINISH_U8
} sc_kind;

static const char *const SC_NAMES[] = { "get_compact_u32", "get_compact_u64", "get_compact_u128",
    "get_compact_big", "decode_compact", "get_bool", "get_option", "get_optionbool", "get_result",
    "get_variant(n=4)", "get_str", "get_seq_len(u32)", "get_bytes", "get_bitvec(u8,Lsb0)", "u8 + finish" };

typedef struct {
    sc_kind kind;
    const char *hex;
    int expect; /* status */
    const char *what;
} sc_case;

static const sc_case SC_CASES[] = {
    /* non-canonical compacts: types-codec accepts all of these (scale_diff.mjs quirks) */
    { K_COMPACT_U32, "0100", WETEE_ERR_NON_CANONICAL, "0 in two-byte mode" },
    { K_COMPACT_U32, "fd00", WETEE_ERR_NON_CANONICAL, "63 in two-byte mode" },
    { K_COMPACT_U32, "02000000", WETEE_ERR_NON_CANONICAL, "0 in four-byte mode" },
    { K_COMPACT_U32, "feff0000", WETEE_ERR_NON_CANONICAL, "16383 in four-byte mode" },
    { K_COMPACT_U64, "0300000000", WETEE_ERR_NON_CANONICAL, "0 in big-integer mode" },
    { K_COMPACT_U64, "03ffffff3f", WETEE_ERR_NON_CANONICAL, "2^30-1 in big-integer mode" },
    { K_COMPACT_U64, "07ffffffff00", WETEE_ERR_NON_CANONICAL, "2^32-1 with a zero top byte" },
    { K_COMPACT_U64, "0b000000000100", WETEE_ERR_NON_CANONICAL, "2^32 in six bytes" },
    { K_COMPACT_U128, "0100", WETEE_ERR_NON_CANONICAL, "0 in two-byte mode" },
    { K_COMPACT_U128, "03ffffff3f", WETEE_ERR_NON_CANONICAL, "2^30-1 in big-integer mode" },
    { K_COMPACT_U128, "1b00000000000000000100", WETEE_ERR_NON_CANONICAL, "2^64 with a zero top byte" },
    { K_COMPACT_BIG, "0100", WETEE_ERR_NON_CANONICAL, "0 in two-byte mode" },
    { K_COMPACT_BIG, "03ffffff3f", WETEE_ERR_NON_CANONICAL, "2^30-1 in big-integer mode" },
    { K_COMPACT_BIG,
      "ff"
      "000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000000000000000000000000000000000000000000000",
      WETEE_ERR_NON_CANONICAL, "67 zero bytes" },
    { K_DECODE_COMPACT, "0100", WETEE_ERR_NON_CANONICAL, "0 in two-byte mode" },
    { K_DECODE_COMPACT, "0300000040", WETEE_OK, "2^30 (canonical big-integer mode)" },
    /* canonical edges that must pass */
    { K_COMPACT_U32, "fc", WETEE_OK, "63" },
    { K_COMPACT_U32, "0101", WETEE_OK, "64" },
    { K_COMPACT_U32, "fdff", WETEE_OK, "16383" },
    { K_COMPACT_U32, "02000100", WETEE_OK, "16384" },
    { K_COMPACT_U32, "feffffff", WETEE_OK, "2^30-1" },
    { K_COMPACT_U32, "0300000040", WETEE_OK, "2^30" },
    { K_COMPACT_U32, "03ffffffff", WETEE_OK, "2^32-1" },
    { K_COMPACT_U64, "070000000001", WETEE_OK, "2^32" },
    { K_COMPACT_U64, "13ffffffffffffffff", WETEE_OK, "2^64-1" },
    { K_COMPACT_U128, "33ffffffffffffffffffffffffffffffff", WETEE_OK, "2^128-1" },
    { K_COMPACT_BIG,
      "ff"
      "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
      "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      WETEE_OK, "2^536-1" },
    /* out of range */
    { K_COMPACT_U32, "070000000001", WETEE_ERR_OVERFLOW, "2^32 as Compact<u32>" },
    { K_COMPACT_U64, "170000000000000000" "01", WETEE_ERR_OVERFLOW, "2^64 as Compact<u64>" },
    { K_COMPACT_U128, "37000000000000000000000000000000" "0001", WETEE_ERR_OVERFLOW, "2^128 as Compact<u128>" },
    { K_DECODE_COMPACT, "37000000000000000000000000000000" "0001", WETEE_ERR_OVERFLOW, "2^128" },
    /* truncated */
    { K_COMPACT_U32, "", WETEE_ERR_TRUNCATED, "empty" },
    { K_COMPACT_U32, "01", WETEE_ERR_TRUNCATED, "two-byte mode, one byte" },
    { K_COMPACT_U32, "020000", WETEE_ERR_TRUNCATED, "four-byte mode, three bytes" },
    { K_COMPACT_U64, "07000000", WETEE_ERR_TRUNCATED, "five-byte big mode, three bytes" },
    { K_COMPACT_BIG, "ffffff", WETEE_ERR_TRUNCATED, "67-byte big mode, two bytes" },
    /* tags: types-codec reads bool 2 as false, Option tag 2 as Some, OptionBool 3 as Some(false) */
    { K_BOOL, "02", WETEE_ERR_DECODE, "bool byte 2" },
    { K_BOOL, "ff", WETEE_ERR_DECODE, "bool byte 0xff" },
    { K_OPTION, "02", WETEE_ERR_DECODE, "Option tag 2" },
    { K_OPTION_BOOL, "03", WETEE_ERR_DECODE, "OptionBool byte 3" },
    { K_OPTION_BOOL, "02", WETEE_OK, "OptionBool Some(false)" },
    { K_RESULT, "02", WETEE_ERR_DECODE, "Result tag 2" },
    { K_VARIANT4, "04", WETEE_ERR_DECODE, "variant 4 of a 4-variant enum" },
    { K_VARIANT4, "03", WETEE_OK, "variant 3 of a 4-variant enum" },
    /* UTF-8: types-codec replaces these with U+FFFD */
    { K_STR, "04ff", WETEE_ERR_DECODE, "byte 0xff" },
    { K_STR, "08c0af", WETEE_ERR_DECODE, "overlong '/'" },
    { K_STR, "0ce0808f", WETEE_ERR_DECODE, "overlong three-byte" },
    { K_STR, "0ceda080", WETEE_ERR_DECODE, "surrogate U+D800" },
    { K_STR, "10f4908080", WETEE_ERR_DECODE, "above U+10FFFF" },
    { K_STR, "08e282", WETEE_ERR_DECODE, "cut sequence" },
    { K_STR, "0cefbbbf", WETEE_OK, "U+FEFF alone (kept, unlike types-codec)" },
    { K_STR, "0461", WETEE_OK, "\"a\"" },
    { K_STR, "0861", WETEE_ERR_TRUNCATED, "length 2, one byte" },
    { K_STR, "0100", WETEE_ERR_NON_CANONICAL, "length 0 in two-byte mode" },
    /* lengths */
    { K_SEQ_U32, "0800000000", WETEE_ERR_TRUNCATED, "Vec<u32> of 2 with 4 bytes" },
    { K_SEQ_U32, "03ffffffff", WETEE_ERR_TRUNCATED, "Vec<u32> of 2^32-1 with no items" },
    { K_BYTES, "130000000000000001", WETEE_ERR_OVERFLOW, "length 2^56 (above u32)" },
    { K_BYTES, "fd03", WETEE_ERR_TRUNCATED, "length 255, no bytes" },
    { K_BITVEC, "2401", WETEE_ERR_TRUNCATED, "9 bits in one byte" },
    { K_BITVEC, "0c05", WETEE_OK, "3 bits" },
    { K_BITVEC, "0cff", WETEE_OK, "3 bits, unused bits set (ignored, as parity-scale-codec)" },
    { K_FINISH_U8, "0100", WETEE_ERR_TRAILING, "one byte left over" },
    { K_FINISH_U8, "01", WETEE_OK, "nothing left over" },
};

static int run_sc_case(const sc_case *c, wetee_scale_reader *r)
{
    uint32_t u32 = 0;
    uint64_t u64 = 0;
    wetee_u128 u128 = { 0, 0 };
    uint8_t big[BIG_BYTES];
    size_t n = 0;
    int i = 0;
    uint8_t u8 = 0;
    const char *s = NULL;
    const uint8_t *b = NULL;
    switch (c->kind) {
    case K_COMPACT_U32: return wetee_scale_get_compact_u32(r, &u32);
    case K_COMPACT_U64: return wetee_scale_get_compact_u64(r, &u64);
    case K_COMPACT_U128: return wetee_scale_get_compact_u128(r, &u128);
    case K_COMPACT_BIG: return wetee_scale_get_compact_big(r, big, &n);
    case K_DECODE_COMPACT: return wetee_scale_decode_compact(&u128, &n, r->data, r->len);
    case K_BOOL: return wetee_scale_get_bool(r, &i);
    case K_OPTION: return wetee_scale_get_option(r, &i);
    case K_OPTION_BOOL: return wetee_scale_get_optionbool(r, &i);
    case K_RESULT: return wetee_scale_get_result(r, &i);
    case K_VARIANT4: return wetee_scale_get_variant(r, &u8, 4);
    case K_STR: return wetee_scale_get_str(r, &s, &n);
    case K_SEQ_U32: return wetee_scale_get_seq_len(r, &n, 4);
    case K_BYTES: return wetee_scale_get_bytes(r, &b, &n);
    case K_BITVEC: {
        wetee_buf bits = WETEE_BUF_INIT;
        int rc = wetee_scale_get_bitvec(r, &bits, &n, WETEE_SCALE_BITSTORE_U8, WETEE_SCALE_LSB0);
        wetee_buf_free(&bits);
        return rc;
    }
    case K_FINISH_U8: {
        int rc = wetee_scale_get_u8(r, &u8);
        return rc ? rc : wetee_scale_finish(r);
    }
    }
    return WETEE_ERR_INTERNAL;
}

static int cmd_selfcheck(void)
{
    size_t passed = 0, failed = 0;
    wetee_buf in = WETEE_BUF_INIT;
    for (size_t k = 0; k < sizeof SC_CASES / sizeof SC_CASES[0]; k++) {
        const sc_case *c = &SC_CASES[k];
        if (!hex_in(&in, c->hex, strlen(c->hex))) die("bad selfcheck hex");
        wetee_scale_reader r;
        wetee_scale_reader_init(&r, in.data ? in.data : (const uint8_t *)"", in.len);
        wetee_clear_error();
        int rc = run_sc_case(c, &r);
        const char *bad = NULL;
        if (rc != c->expect) bad = "wrong status";
        else if (rc != WETEE_OK && c->kind != K_FINISH_U8 && r.pos != 0) bad = "the reader moved on error";
        else if (rc != WETEE_OK && wetee_last_error()[0] == 0) bad = "no error detail";
        if (!bad) {
            passed++;
            continue;
        }
        failed++;
        fprintf(stderr, "SELFCHECK FAILED: %s of 0x%s (%s): %s; expected %d (%s), got %d (%s): %s\n",
                SC_NAMES[c->kind], c->hex, c->what, bad, c->expect, wetee_strerror(c->expect), rc, wetee_strerror(rc),
                wetee_last_error());
    }
    /* depth limit */
    {
        wetee_scale_reader r;
        wetee_scale_reader_init(&r, (const uint8_t *)"", 0);
        int ok = 1;
        for (unsigned d = 0; d < WETEE_SCALE_DEFAULT_MAX_DEPTH; d++) ok &= wetee_scale_enter(&r) == WETEE_OK;
        ok &= wetee_scale_enter(&r) == WETEE_ERR_DEPTH;
        if (ok) passed++;
        else {
            failed++;
            fprintf(stderr, "SELFCHECK FAILED: wetee_scale_enter does not stop at depth %d\n",
                    WETEE_SCALE_DEFAULT_MAX_DEPTH);
        }
    }
    wetee_buf_free(&in);
    printf("libwetee selfcheck (inputs parity-scale-codec rejects or accepts): %zu cases\n", passed + failed);
    printf("%zu passed, %zu failed\n", passed, failed);
    return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "gen") == 0) return cmd_gen(argv[2], argv[3]);
    if (argc == 3 && strcmp(argv[1], "check") == 0) return cmd_check(argv[2]);
    if (argc == 2 && strcmp(argv[1], "selfcheck") == 0) return cmd_selfcheck();
    fprintf(stderr, "usage: scale_vectors gen SEED COUNT | check FILE | selfcheck\n");
    return 2;
}
