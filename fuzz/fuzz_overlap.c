/* libFuzzer target for the overlap and length rules of core.h.
 *
 * The input drives a sequence of operations, each writing into one
 * wetee_buf whose content and spare capacity come from the input. Each
 * operation takes its input from inside that buffer (any offset and length
 * within its allocated block) and must give exactly what it gives with a
 * private copy of the same bytes (same status, same length, same bytes).
 * Every operation is also called with a length above PTRDIFF_MAX, which
 * must fail with WETEE_ERR_TOO_LONG and leave the buffer untouched. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef int (*op_fn)(wetee_buf *out, const uint8_t *in, size_t n);

static int op_append(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_buf_append(o, p, n); }
static int op_hex_enc(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_hex_encode(o, p, n, WETEE_HEX_PREFIX); }
static int op_hex_dec(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_hex_decode(o, (const char *)p, n); }
static int op_b58_enc(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_base58_encode(o, p, n); }
static int op_b58_dec(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_base58_decode(o, (const char *)p, n); }
static int op_b64_enc(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_base64_encode(o, p, n, 0); }
static int op_b64_dec(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_base64_decode(o, (const char *)p, n, WETEE_BASE64_URL);
}
static int op_bytes(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_scale_put_bytes(o, p, n); }
static int op_str(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_scale_put_str(o, (const char *)p, n); }
static int op_raw(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_scale_put_raw(o, p, n); }
static int op_compact_big(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_scale_put_compact_big(o, p, n); }
static int op_bitvec(wetee_buf *o, const uint8_t *p, size_t n)
{
    if (n > SIZE_MAX / 8) return wetee_scale_put_bitvec(o, p, n, WETEE_SCALE_BITSTORE_U32, WETEE_SCALE_MSB0);
    return wetee_scale_put_bitvec(o, p, n * 8 - n % 7, WETEE_SCALE_BITSTORE_U32, WETEE_SCALE_MSB0);
}
static int op_get_bitvec(wetee_buf *o, const uint8_t *p, size_t n)
{
    wetee_scale_reader r;
    size_t nbits = 0;
    int rc;
    wetee_scale_reader_init(&r, p, n);
    rc = wetee_scale_get_bitvec(&r, o, &nbits, WETEE_SCALE_BITSTORE_U8, WETEE_SCALE_LSB0);
    return rc ? rc : (int)((nbits + r.pos) % 997);
}
static int op_ss58_enc(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_ss58_encode(o, p, n, 42); }
static int op_ss58_dec(wetee_buf *o, const uint8_t *p, size_t n)
{
    uint16_t prefix = 0;
    int rc = wetee_ss58_decode(o, &prefix, (const char *)p, n);
    return rc ? rc : prefix;
}
static int op_mn_to_entropy(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_mnemonic_to_entropy(o, (const char *)p, n);
}
static int op_mn_from_entropy(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_mnemonic_from_entropy(o, p, n);
}

/* fixed-size inputs: the operation reads exactly that many bytes */
static int op_u256(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_scale_put_u256(o, p);
}
static int op_eth(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_eth_address_to_string(o, p);
}

static const struct {
    op_fn fn;
    size_t fixed; /* 0: variable length */
    int huge_ok;  /* 1: the length-above-PTRDIFF_MAX call applies */
} OPS[] = {
    { op_append, 0, 1 },     { op_hex_enc, 0, 1 },    { op_hex_dec, 0, 1 },         { op_b58_enc, 0, 1 },
    { op_b58_dec, 0, 1 },    { op_b64_enc, 0, 1 },    { op_b64_dec, 0, 1 },         { op_bytes, 0, 1 },
    { op_str, 0, 1 },        { op_raw, 0, 1 },        { op_compact_big, 0, 1 },     { op_bitvec, 0, 1 },
    { op_get_bitvec, 0, 0 }, { op_ss58_enc, 0, 1 },   { op_ss58_dec, 0, 1 },        { op_mn_to_entropy, 0, 1 },
    { op_mn_from_entropy, 0, 1 }, { op_u256, 32, 0 }, { op_eth, 20, 0 },
};
#define NOPS (sizeof OPS / sizeof OPS[0])

static uint8_t take(const uint8_t **d, size_t *n)
{
    uint8_t b = 0;
    if (*n) {
        b = **d;
        (*d)++;
        (*n)--;
    }
    return b;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int steps = 0;
    while (size >= 4 && steps++ < 8) {
        size_t op = take(&data, &size) % NOPS, content, spare, off, n, cap;
        wetee_buf b = WETEE_BUF_INIT, ref = WETEE_BUF_INIT;
        uint8_t *copy;
        int rc, rc_ref;
        content = take(&data, &size);
        spare = take(&data, &size) % 64;
        content = content < size ? content : size;
        /* the buffer: `content` bytes of input, `spare` more bytes of input
         * (or zeros) after them inside the block */
        cap = content + spare + 1;
        b.data = malloc(cap); /* the default allocator is malloc/free */
        REQUIRE(b.data != NULL);
        b.cap = cap;
        memset(b.data, 0, cap);
        memcpy(b.data, data, content);
        if (size > content) memcpy(b.data + content, data + content, spare < size - content ? spare : size - content);
        b.len = content;
        data += content;
        size -= content;
        /* the input: somewhere in the block */
        off = take(&data, &size) % cap;
        n = OPS[op].fixed ? OPS[op].fixed : take(&data, &size) % (cap - off + 1);
        if (off + n > cap) { /* a fixed-size input that does not fit this block */
            free(b.data);
            continue;
        }
        copy = malloc(n ? n : 1);
        REQUIRE(copy != NULL);
        memcpy(copy, b.data + off, n);
        REQUIRE(wetee_buf_append(&ref, b.data, b.len) == WETEE_OK);
        rc_ref = OPS[op].fn(&ref, copy, n);
        rc = OPS[op].fn(&b, b.data + off, n);
        REQUIRE(rc == rc_ref);
        REQUIRE(b.len == ref.len);
        if (rc >= 0) REQUIRE(b.len == 0 || memcmp(b.data, ref.data, b.len) == 0);
        /* the length rule: a length no object can have fails first and
         * leaves the buffer as it was */
        if (OPS[op].huge_ok) {
            size_t before = b.len;
            REQUIRE(OPS[op].fn(&b, copy, SIZE_MAX - (n % 3)) == WETEE_ERR_TOO_LONG);
            REQUIRE(OPS[op].fn(&b, copy, SIZE_MAX / 2 + 1 + n) == WETEE_ERR_TOO_LONG);
            REQUIRE(b.len == before);
        }
        free(copy);
        wetee_buf_free(&b);
        wetee_buf_free(&ref);
    }
    return 0;
}
