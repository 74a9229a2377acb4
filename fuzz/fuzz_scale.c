/* libFuzzer target for the SCALE decoder (include/wetee/scale.h).
 *
 * The input is a small program followed by the bytes to decode:
 *
 *   byte 0        bits 0-4: program length P (0..31); bits 5-7: depth limit
 *   bytes 1..P    one instruction each: bits 0-4 pick a get function (or
 *                 enter/leave/finish/one-shot), bits 5-7 are its argument
 *                 (variant count, item size, array length, BitVec layout)
 *   the rest      SCALE input, decoded by running the program repeatedly
 *                 until a pass makes no progress
 *
 * After every call it checks the contract: the cursor never passes the end;
 * a failure returns a documented code, leaves the cursor and the outputs
 * untouched and names an offset in wetee_last_error(); a success consumed
 * exactly the bytes that re-encoding the decoded value produces (compact
 * integers are canonical, so they must re-encode byte for byte); views
 * point inside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(cond)                                                                                  \
    do {                                                                                               \
        if (!(cond)) {                                                                                 \
            fprintf(stderr, "fuzz_scale: invariant failed at line %d: %s (detail: %s)\n", __LINE__,  \
                    #cond, wetee_last_error());                                                        \
            abort();                                                                                   \
        }                                                                                              \
    } while (0)

static wetee_buf enc; /* re-encodings */

/* The bytes from `start` to the cursor must equal enc. */
static void same_as_consumed(const wetee_scale_reader *r, size_t start)
{
    REQUIRE(r->pos - start == enc.len);
    REQUIRE(enc.len == 0 || memcmp(r->data + start, enc.data, enc.len) == 0);
}

static void check_failure(const wetee_scale_reader *r, size_t start, int rc)
{
    REQUIRE(r->pos == start);
    REQUIRE(rc == WETEE_ERR_TRUNCATED || rc == WETEE_ERR_DECODE || rc == WETEE_ERR_NON_CANONICAL ||
            rc == WETEE_ERR_OVERFLOW || rc == WETEE_ERR_DEPTH || rc == WETEE_ERR_TRAILING || rc == WETEE_ERR_TOO_LONG);
    REQUIRE(wetee_last_error_code() == rc);
    REQUIRE(strncmp(wetee_last_error(), "scale: ", 7) == 0);
    REQUIRE(strstr(wetee_last_error(), " at offset ") != NULL);
}

/* Run one instruction. Returns the status of the call. */
static int step(wetee_scale_reader *r, uint8_t ins)
{
    const unsigned op = ins & 31u, arg = ins >> 5;
    const size_t start = r->pos;
    int rc = WETEE_OK;
    enc.len = 0;

    switch (op) {
    case 0: {
        int v = 77;
        rc = wetee_scale_get_bool(r, &v);
        if (rc == WETEE_OK) { REQUIRE(v == 0 || v == 1); wetee_scale_put_bool(&enc, v); }
        else REQUIRE(v == 77);
        break;
    }
    case 1: {
        uint8_t v = 77;
        rc = wetee_scale_get_u8(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_u8(&enc, v);
        else REQUIRE(v == 77);
        break;
    }
    case 2: {
        uint16_t v = 77;
        rc = wetee_scale_get_u16(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_u16(&enc, v);
        else REQUIRE(v == 77);
        break;
    }
    case 3: {
        uint32_t v = 77;
        rc = wetee_scale_get_u32(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_u32(&enc, v);
        else REQUIRE(v == 77);
        break;
    }
    case 4: {
        uint64_t v = 77;
        rc = wetee_scale_get_u64(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_u64(&enc, v);
        else REQUIRE(v == 77);
        break;
    }
    case 5: {
        wetee_u128 v = { 77, 77 };
        rc = wetee_scale_get_u128(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_u128(&enc, v);
        else REQUIRE(v.lo == 77 && v.hi == 77);
        break;
    }
    case 6: {
        int8_t v = 77;
        rc = wetee_scale_get_i8(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_i8(&enc, v);
        else REQUIRE(v == 77);
        break;
    }
    case 7: {
        int16_t v = 77;
        rc = wetee_scale_get_i16(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_i16(&enc, v);
        else REQUIRE(v == 77);
        break;
    }
    case 8: {
        int32_t v = 77;
        rc = wetee_scale_get_i32(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_i32(&enc, v);
        else REQUIRE(v == 77);
        break;
    }
    case 9: {
        int64_t v = 77;
        rc = wetee_scale_get_i64(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_i64(&enc, v);
        else REQUIRE(v == 77);
        break;
    }
    case 10: {
        wetee_u128 v = { 77, 77 };
        rc = wetee_scale_get_i128(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_i128(&enc, v);
        else REQUIRE(v.lo == 77 && v.hi == 77);
        break;
    }
    case 11: {
        uint8_t v[32];
        memset(v, 77, sizeof v);
        rc = wetee_scale_get_u256(r, v);
        if (rc == WETEE_OK) wetee_scale_put_u256(&enc, v);
        else REQUIRE(v[0] == 77 && v[31] == 77);
        break;
    }
    case 12: {
        uint32_t v = 77;
        rc = wetee_scale_get_compact_u32(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_compact_u64(&enc, v);
        else REQUIRE(v == 77);
        break;
    }
    case 13: {
        uint64_t v = 77;
        rc = wetee_scale_get_compact_u64(r, &v);
        if (rc == WETEE_OK) wetee_scale_put_compact_u64(&enc, v);
        else REQUIRE(v == 77);
        break;
    }
    case 14: {
        wetee_u128 v = { 77, 77 };
        rc = wetee_scale_get_compact_u128(r, &v);
        if (rc == WETEE_OK) {
            wetee_scale_put_compact_u128(&enc, v);
            /* the one-shot decoder agrees on the same bytes */
            {
                wetee_u128 w;
                size_t used = 0;
                REQUIRE(wetee_scale_decode_compact(&w, &used, r->data + start, r->len - start) == WETEE_OK);
                REQUIRE(w.lo == v.lo && w.hi == v.hi && used == r->pos - start);
            }
        } else {
            REQUIRE(v.lo == 77 && v.hi == 77);
        }
        break;
    }
    case 15: {
        uint8_t v[WETEE_SCALE_COMPACT_BIG_MAX];
        size_t n = 777, i;
        memset(v, 77, sizeof v);
        rc = wetee_scale_get_compact_big(r, v, &n);
        if (rc == WETEE_OK) {
            REQUIRE(n <= WETEE_SCALE_COMPACT_BIG_MAX);
            REQUIRE(n == 0 || v[n - 1] != 0);
            for (i = n; i < sizeof v; i++) REQUIRE(v[i] == 0);
            wetee_scale_put_compact_big(&enc, v, n);
        } else {
            REQUIRE(n == 777 && v[0] == 77);
        }
        break;
    }
    case 16: {
        int v = 77;
        rc = wetee_scale_get_option(r, &v);
        if (rc == WETEE_OK) { REQUIRE(v == 0 || v == 1); wetee_scale_put_u8(&enc, (uint8_t)v); }
        else REQUIRE(v == 77);
        break;
    }
    case 17: {
        int v = 77;
        rc = wetee_scale_get_optionbool(r, &v);
        if (rc == WETEE_OK) { REQUIRE(v >= -1 && v <= 1); wetee_scale_put_optionbool(&enc, v); }
        else REQUIRE(v == 77);
        break;
    }
    case 18: {
        int v = 77;
        rc = wetee_scale_get_result(r, &v);
        if (rc == WETEE_OK) { REQUIRE(v == 0 || v == 1); wetee_scale_put_result(&enc, v); }
        else REQUIRE(v == 77);
        break;
    }
    case 19: {
        uint8_t v = 77;
        unsigned nv = arg * 37; /* 0 (any), 37, 74, ... 259 */
        rc = wetee_scale_get_variant(r, &v, nv);
        if (rc == WETEE_OK) { REQUIRE(nv == 0 || v < nv); wetee_scale_put_variant(&enc, v); }
        else REQUIRE(v == 77);
        break;
    }
    case 20: {
        size_t n = 777, min = arg == 7 ? (size_t)-1 / 3 : arg;
        rc = wetee_scale_get_seq_len(r, &n, min);
        if (rc == WETEE_OK) {
            REQUIRE(n <= UINT32_MAX);
            REQUIRE(min == 0 || n <= wetee_scale_remaining(r) / min);
            wetee_scale_put_seq_len(&enc, n);
        } else {
            REQUIRE(n == 777);
        }
        break;
    }
    case 21: {
        const uint8_t *p = (const uint8_t *)&enc;
        size_t n = 777;
        rc = wetee_scale_get_bytes(r, &p, &n);
        if (rc == WETEE_OK) {
            REQUIRE(p >= r->data && p + n == r->data + r->pos);
            wetee_scale_put_bytes(&enc, p, n);
        } else {
            REQUIRE(n == 777 && p == (const uint8_t *)&enc);
        }
        break;
    }
    case 22: {
        const char *p = (const char *)&enc;
        size_t n = 777;
        rc = wetee_scale_get_str(r, &p, &n);
        if (rc == WETEE_OK) {
            REQUIRE((const uint8_t *)p >= r->data && (const uint8_t *)p + n == r->data + r->pos);
            REQUIRE(wetee_scale_put_str(&enc, p, n) == WETEE_OK);
        } else {
            REQUIRE(n == 777 && p == (const char *)&enc);
            if (rc == WETEE_ERR_DECODE) { /* bytes accept what str rejects for UTF-8 */
                wetee_scale_reader copy = *r;
                const uint8_t *q;
                REQUIRE(wetee_scale_get_bytes(&copy, &q, &n) == WETEE_OK);
                REQUIRE(wetee_scale_put_str(&enc, (const char *)q, n) == WETEE_ERR_DECODE);
                enc.len = 0;
            }
        }
        break;
    }
    case 23: {
        const uint8_t *p = (const uint8_t *)&enc;
        size_t n = (size_t)arg * 3;
        rc = wetee_scale_get_raw(r, &p, n);
        if (rc == WETEE_OK) wetee_scale_put_raw(&enc, p, n);
        else REQUIRE(p == (const uint8_t *)&enc);
        break;
    }
    case 24: {
        uint16_t v[8];
        memset(v, 77, sizeof v);
        rc = wetee_scale_get_u16_array(r, v, arg + 1);
        if (rc == WETEE_OK) wetee_scale_put_u16_array(&enc, v, arg + 1);
        else REQUIRE(v[0] == 0x4d4d);
        break;
    }
    case 25: {
        uint32_t v[8];
        memset(v, 77, sizeof v);
        rc = wetee_scale_get_u32_array(r, v, arg + 1);
        if (rc == WETEE_OK) wetee_scale_put_u32_array(&enc, v, arg + 1);
        else REQUIRE(v[0] == 0x4d4d4d4du);
        break;
    }
    case 26: {
        uint64_t v[8];
        memset(v, 77, sizeof v);
        rc = wetee_scale_get_u64_array(r, v, arg + 1);
        if (rc == WETEE_OK) wetee_scale_put_u64_array(&enc, v, arg + 1);
        else REQUIRE(v[0] == 0x4d4d4d4d4d4d4d4dull);
        break;
    }
    case 27: {
        static const wetee_scale_bitstore stores[4] = { WETEE_SCALE_BITSTORE_U8, WETEE_SCALE_BITSTORE_U16,
                                                        WETEE_SCALE_BITSTORE_U32, WETEE_SCALE_BITSTORE_U64 };
        wetee_scale_bitstore store = stores[arg & 3];
        wetee_scale_bitorder order = (arg & 4) ? WETEE_SCALE_MSB0 : WETEE_SCALE_LSB0;
        wetee_buf bits = WETEE_BUF_INIT, bits2 = WETEE_BUF_INIT;
        size_t n = 777, n2 = 0, i;
        rc = wetee_scale_get_bitvec(r, &bits, &n, store, order);
        if (rc == WETEE_OK) {
            wetee_scale_reader back;
            REQUIRE(bits.len == (n + 7) / 8);
            for (i = n; i < bits.len * 8; i++) REQUIRE(((bits.data[i / 8] >> (i % 8)) & 1) == 0);
            /* unused bits may differ, so compare lengths and the decoded elements */
            REQUIRE(wetee_scale_put_bitvec(&enc, bits.data, n, store, order) == WETEE_OK);
            REQUIRE(enc.len == r->pos - start);
            wetee_scale_reader_init(&back, enc.data, enc.len);
            REQUIRE(wetee_scale_get_bitvec(&back, &bits2, &n2, store, order) == WETEE_OK);
            REQUIRE(n2 == n && bits2.len == bits.len);
            REQUIRE(bits.len == 0 || memcmp(bits.data, bits2.data, bits.len) == 0);
            REQUIRE(wetee_scale_finish(&back) == WETEE_OK);
            /* the words agree with the input wherever they hold elements */
            for (i = 0; i < enc.len; i++) {
                uint8_t a = enc.data[i], b = r->data[start + i];
                REQUIRE((a & ~b) == 0); /* re-encoding only clears unused bits */
            }
            enc.len = 0;
        } else {
            REQUIRE(n == 777 && bits.len == 0);
        }
        wetee_buf_free(&bits);
        wetee_buf_free(&bits2);
        return rc == WETEE_OK ? rc : (check_failure(r, start, rc), rc);
    }
    case 28: {
        unsigned d = r->depth;
        rc = wetee_scale_enter(r);
        REQUIRE(rc == WETEE_OK ? r->depth == d + 1 : (rc == WETEE_ERR_DEPTH && r->depth == d && d >= r->max_depth));
        REQUIRE(r->pos == start);
        if (rc != WETEE_OK) check_failure(r, start, rc);
        return rc;
    }
    case 29: {
        unsigned d = r->depth;
        wetee_scale_leave(r);
        REQUIRE(r->depth == (d ? d - 1 : 0) && r->pos == start);
        return WETEE_OK;
    }
    case 30:
        rc = wetee_scale_finish(r);
        REQUIRE((rc == WETEE_OK) == (r->pos == r->len));
        if (rc != WETEE_OK) check_failure(r, start, rc);
        return rc;
    default: { /* 31: one-shot compact on what remains */
        wetee_u128 v = { 77, 77 };
        size_t used = 777;
        rc = wetee_scale_decode_compact(&v, &used, r->data + r->pos, r->len - r->pos);
        if (rc == WETEE_OK) {
            REQUIRE(used >= 1 && used <= 17 && used <= r->len - r->pos);
            wetee_scale_put_compact_u128(&enc, v);
            REQUIRE(enc.len == used && memcmp(enc.data, r->data + r->pos, used) == 0);
        } else {
            REQUIRE(used == 777 && v.lo == 77 && v.hi == 77);
        }
        enc.len = 0;
        return rc;
    }
    }

    REQUIRE(r->pos <= r->len);
    if (rc == WETEE_OK) same_as_consumed(r, start);
    else check_failure(r, start, rc);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wetee_scale_reader r;
    const uint8_t *prog;
    size_t plen, steps = 0;
    if (size == 0) return 0;
    plen = data[0] & 31u;
    if (plen > size - 1) plen = size - 1;
    prog = data + 1;
    wetee_scale_reader_init(&r, data + 1 + plen, size - 1 - plen);
    r.max_depth = (unsigned)(data[0] >> 5) * 2;

    if (plen == 0) { /* no program: decode the input as a sequence of compacts */
        while (wetee_scale_remaining(&r) > 0) {
            if (step(&r, 14) != WETEE_OK) break;
        }
    } else {
        for (;;) {
            size_t before = r.pos, i;
            for (i = 0; i < plen && steps < 4096; i++, steps++) {
                (void)step(&r, prog[i]);
                REQUIRE(r.pos <= r.len);
            }
            if (r.pos == before || steps >= 4096) break;
        }
    }
    wetee_buf_free(&enc);
    return 0;
}
