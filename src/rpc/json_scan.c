/* A validating JSON scanner (RFC 8259) that records spans instead of
 * building a tree: the RPC client's responses are passed on as the text the
 * server wrote, so it only needs to check them and find a few members. */
#include <string.h>

#include "internal/common.h"
#include "internal/rpc.h"

typedef struct scan {
    const char *s;
    size_t len, pos;
    const char *what;
    int code;
    const char *why;
} scan;

static int fail(scan *c, int code, const char *why)
{
    if (c->why == NULL) {
        c->code = code;
        c->why = why;
    }
    return -1;
}

static void ws(scan *c)
{
    while (c->pos < c->len) {
        char ch = c->s[c->pos];
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') break;
        c->pos++;
    }
}

static int hexval(char ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

static int scan_u4(scan *c, unsigned *out)
{
    unsigned v = 0;
    if (c->len - c->pos < 4) return fail(c, WETEE_ERR_DECODE, "truncated \\u escape");
    for (int i = 0; i < 4; i++) {
        int h = hexval(c->s[c->pos + (size_t)i]);
        if (h < 0) return fail(c, WETEE_ERR_DECODE, "bad \\u escape");
        v = v << 4 | (unsigned)h;
    }
    c->pos += 4;
    *out = v;
    return 0;
}

static int scan_string(scan *c)
{
    c->pos++; /* opening quote */
    while (c->pos < c->len) {
        unsigned char ch = (unsigned char)c->s[c->pos];
        if (ch == '"') {
            c->pos++;
            return 0;
        }
        if (ch < 0x20) return fail(c, WETEE_ERR_DECODE, "control character in string");
        if (ch == '\\') {
            if (++c->pos >= c->len) break;
            char e = c->s[c->pos++];
            if (e == 'u') {
                unsigned u;
                if (scan_u4(c, &u)) return -1;
                if (u >= 0xD800 && u <= 0xDBFF) {
                    unsigned lo;
                    if (c->len - c->pos < 2 || c->s[c->pos] != '\\' || c->s[c->pos + 1] != 'u')
                        return fail(c, WETEE_ERR_DECODE, "unpaired surrogate");
                    c->pos += 2;
                    if (scan_u4(c, &lo)) return -1;
                    if (lo < 0xDC00 || lo > 0xDFFF) return fail(c, WETEE_ERR_DECODE, "unpaired surrogate");
                } else if (u >= 0xDC00 && u <= 0xDFFF) {
                    return fail(c, WETEE_ERR_DECODE, "unpaired surrogate");
                }
            } else if (!strchr("\"\\/bfnrt", e) || e == 0) {
                c->pos--;
                return fail(c, WETEE_ERR_DECODE, "bad escape");
            }
            continue;
        }
        if (ch < 0x80) {
            c->pos++;
            continue;
        }
        /* UTF-8: reject overlong forms, surrogates, values above U+10FFFF */
        size_t n;
        unsigned cp;
        if (ch >= 0xC2 && ch <= 0xDF) { n = 1; cp = ch & 0x1F; }
        else if (ch >= 0xE0 && ch <= 0xEF) { n = 2; cp = ch & 0x0F; }
        else if (ch >= 0xF0 && ch <= 0xF4) { n = 3; cp = ch & 0x07; }
        else return fail(c, WETEE_ERR_DECODE, "invalid UTF-8");
        if (c->len - c->pos <= n) return fail(c, WETEE_ERR_DECODE, "truncated UTF-8");
        for (size_t i = 1; i <= n; i++) {
            unsigned char cc = (unsigned char)c->s[c->pos + i];
            if ((cc & 0xC0) != 0x80) return fail(c, WETEE_ERR_DECODE, "invalid UTF-8");
            cp = cp << 6 | (cc & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return fail(c, WETEE_ERR_DECODE, "invalid UTF-8");
        c->pos += n + 1;
    }
    return fail(c, WETEE_ERR_DECODE, "unterminated string");
}

static int digits(scan *c)
{
    size_t start = c->pos;
    while (c->pos < c->len && c->s[c->pos] >= '0' && c->s[c->pos] <= '9') c->pos++;
    return c->pos > start ? 0 : fail(c, WETEE_ERR_DECODE, "bad number");
}

static int scan_number(scan *c)
{
    if (c->s[c->pos] == '-') c->pos++;
    if (c->pos >= c->len) return fail(c, WETEE_ERR_DECODE, "bad number");
    if (c->s[c->pos] == '0') c->pos++;
    else if (digits(c)) return -1;
    if (c->pos < c->len && c->s[c->pos] == '.') {
        c->pos++;
        if (digits(c)) return -1;
    }
    if (c->pos < c->len && (c->s[c->pos] == 'e' || c->s[c->pos] == 'E')) {
        c->pos++;
        if (c->pos < c->len && (c->s[c->pos] == '+' || c->s[c->pos] == '-')) c->pos++;
        if (digits(c)) return -1;
    }
    return 0;
}

static int literal(scan *c, const char *word)
{
    size_t n = strlen(word);
    if (c->len - c->pos < n || memcmp(c->s + c->pos, word, n) != 0) return fail(c, WETEE_ERR_DECODE, "unexpected character");
    c->pos += n;
    return 0;
}

/* One value at c->pos (after whitespace). `keys`/`out` (n entries): for an
 * object at this level, the spans of the members whose names (with quotes)
 * are given. */
static int scan_value(scan *c, int depth, const char *const *keys, wt_span *out, size_t nkeys)
{
    ws(c);
    if (c->pos >= c->len) return fail(c, WETEE_ERR_DECODE, "unexpected end");
    char ch = c->s[c->pos];
    if (ch == '"') return scan_string(c);
    if (ch == '-' || (ch >= '0' && ch <= '9')) return scan_number(c);
    if (ch == 't') return literal(c, "true");
    if (ch == 'f') return literal(c, "false");
    if (ch == 'n') return literal(c, "null");
    if (ch != '{' && ch != '[') return fail(c, WETEE_ERR_DECODE, "unexpected character");
    if (depth >= WT_JSON_MAX_DEPTH) return fail(c, WETEE_ERR_DEPTH, "nesting too deep");
    int obj = ch == '{';
    char close = obj ? '}' : ']';
    c->pos++;
    ws(c);
    if (c->pos < c->len && c->s[c->pos] == close) {
        c->pos++;
        return 0;
    }
    for (;;) {
        wt_span *slot = NULL;
        if (obj) {
            ws(c);
            if (c->pos >= c->len || c->s[c->pos] != '"') return fail(c, WETEE_ERR_DECODE, "expected a member name");
            size_t k0 = c->pos;
            if (scan_string(c)) return -1;
            for (size_t i = 0; i < nkeys; i++) {
                size_t kn = strlen(keys[i]);
                if (kn == c->pos - k0 && memcmp(keys[i], c->s + k0, kn) == 0) slot = &out[i];
            }
            ws(c);
            if (c->pos >= c->len || c->s[c->pos] != ':') return fail(c, WETEE_ERR_DECODE, "expected ':'");
            c->pos++;
        }
        ws(c);
        size_t v0 = c->pos;
        if (scan_value(c, depth + 1, NULL, NULL, 0)) return -1;
        if (slot) {
            slot->p = c->s + v0;
            slot->n = c->pos - v0;
        }
        ws(c);
        if (c->pos >= c->len) return fail(c, WETEE_ERR_DECODE, "unexpected end");
        if (c->s[c->pos] == ',') {
            c->pos++;
            continue;
        }
        if (c->s[c->pos] == close) {
            c->pos++;
            return 0;
        }
        return fail(c, WETEE_ERR_DECODE, obj ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static int report(scan *c)
{
    return wt_error(c->code ? c->code : WETEE_ERR_DECODE, "%s: invalid JSON at offset %zu: %s", c->what, c->pos,
                    c->why ? c->why : "trailing characters");
}

int wt_json_check(wt_span *value, const char *s, size_t len, const char *what)
{
    scan c = { s, len, 0, what, 0, NULL };
    ws(&c);
    size_t v0 = c.pos;
    if (scan_value(&c, 0, NULL, NULL, 0)) return report(&c);
    size_t v1 = c.pos;
    ws(&c);
    if (c.pos != len) return report(&c);
    if (value) {
        value->p = s + v0;
        value->n = v1 - v0;
    }
    return WETEE_OK;
}

int wt_rpc_msg_parse(wt_rpc_msg *m, const char *s, size_t len)
{
    static const char *const top[] = { "\"id\"", "\"result\"", "\"error\"", "\"method\"", "\"params\"", "\"jsonrpc\"" };
    wt_span sp[6];
    memset(m, 0, sizeof *m);
    memset(sp, 0, sizeof sp);
    scan c = { s, len, 0, "rpc: message", 0, NULL };
    ws(&c);
    if (c.pos >= len || s[c.pos] != '{') {
        if (c.pos < len && s[c.pos] == '[')
            return wt_error(WETEE_ERR_DECODE, "rpc: message: a batch (array) where a single response was expected");
        fail(&c, WETEE_ERR_DECODE, "not a JSON object");
        return report(&c);
    }
    if (scan_value(&c, 0, top, sp, 6)) return report(&c);
    ws(&c);
    if (c.pos != len) return report(&c);
    m->id = sp[0];
    m->result = sp[1];
    m->error = sp[2];
    m->method = sp[3];
    m->params = sp[4];
    m->jsonrpc_20 = sp[5].n == 5 && memcmp(sp[5].p, "\"2.0\"", 5) == 0;
    if (m->params.p && m->params.p[0] == '{') {
        static const char *const pk[] = { "\"subscription\"", "\"result\"" };
        wt_span ps[2] = { { NULL, 0 }, { NULL, 0 } };
        scan d = { m->params.p, m->params.n, 0, "rpc: params", 0, NULL };
        if (scan_value(&d, 0, pk, ps, 2) == 0) {
            m->sub_id = ps[0];
            m->sub_result = ps[1];
        }
    }
    if (m->error.p && m->error.p[0] == '{') {
        static const char *const ek[] = { "\"code\"", "\"message\"" };
        wt_span es[2] = { { NULL, 0 }, { NULL, 0 } };
        scan d = { m->error.p, m->error.n, 0, "rpc: error", 0, NULL };
        if (scan_value(&d, 0, ek, es, 2) == 0) {
            m->err_code = es[0];
            m->err_message = es[1];
        }
    }
    return WETEE_OK;
}

int wt_span_u64(uint64_t *out, wt_span v)
{
    uint64_t x = 0;
    if (v.p == NULL || v.n == 0 || v.n > 20 || (v.n > 1 && v.p[0] == '0')) return 0;
    for (size_t i = 0; i < v.n; i++) {
        char ch = v.p[i];
        if (ch < '0' || ch > '9') return 0;
        uint64_t d = (uint64_t)(ch - '0');
        if (x > (UINT64_MAX - d) / 10) return 0;
        x = x * 10 + d;
    }
    *out = x;
    return 1;
}
