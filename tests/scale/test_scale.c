/* Unit tests of the SCALE codec (include/wetee/scale.h).
 *
 * Known answers come from the SCALE specification (docs.substrate.io,
 * Polkadot spec) and from parity-scale-codec 3.7.5 (Rust), whose output was
 * printed by a throwaway program and pasted here; round trips use wt_rand;
 * negative tests cover every truncation point, every non-canonical compact
 * mode, overflow, bad tags, invalid UTF-8, depth and trailing bytes, and
 * check that a failed call leaves the reader and the output untouched and
 * names the offset in wetee_last_error(). */
#include <stdio.h>
#include <string.h>

#include "wt_test.h"

#include "bitvec_vectors.h"

/* ------------------------------------------------------------------ */
/* helpers                                                             */
/* ------------------------------------------------------------------ */

static size_t unhex(uint8_t *out, size_t cap, const char *hex) { return wt_unhex(out, cap, hex); }

static wetee_u128 u128(uint64_t hi, uint64_t lo)
{
    wetee_u128 v;
    v.lo = lo;
    v.hi = hi;
    return v;
}

static int u128_eq(wetee_u128 a, wetee_u128 b) { return a.lo == b.lo && a.hi == b.hi; }

/* ------------------------------------------------------------------ */
/* compact integers                                                    */
/* ------------------------------------------------------------------ */

/* From the SCALE spec and parity-scale-codec 3.7.5 (Compact<u128>::encode). */
static const struct {
    uint64_t hi, lo;
    const char *hex;
} compact_vectors[] = {
    { 0, 0, "00" },
    { 0, 1, "04" },
    { 0, 42, "a8" },
    { 0, 63, "fc" },
    { 0, 64, "0101" },
    { 0, 69, "1501" },
    { 0, 16383, "fdff" },
    { 0, 16384, "02000100" },
    { 0, 65535, "feff0300" },
    { 0, 1073741823, "feffffff" },
    { 0, 1073741824, "0300000040" },
    { 0, 4294967295u, "03ffffffff" },
    { 0, 4294967296ull, "070000000001" },
    { 0, 100000000000000ull, "0b00407a10f35a" },
    { 0, 72057594037927935ull, "0fffffffffffffff" },
    { 0, 72057594037927936ull, "130000000000000001" },
    { 0, UINT64_MAX, "13ffffffffffffffff" },
    { 1, 0, "17000000000000000001" },
    { 0xff, UINT64_MAX, "17ffffffffffffffffff" },
    { 1ull << 36, 0, "2700000000000000000000000010" },
    { 0x00ffffffffffffffull, UINT64_MAX, "2fffffffffffffffffffffffffffffff" },
    { 1ull << 56, 0, "3300000000000000000000000000000001" },
    { UINT64_MAX, UINT64_MAX - 1, "33feffffffffffffffffffffffffffffff" },
    { UINT64_MAX, UINT64_MAX, "33ffffffffffffffffffffffffffffffff" },
};

WT_TEST(test_compact_vectors)
{
    size_t i;
    for (i = 0; i < sizeof compact_vectors / sizeof compact_vectors[0]; i++) {
        wetee_u128 v = u128(compact_vectors[i].hi, compact_vectors[i].lo), got;
        uint8_t enc[80], big[WETEE_SCALE_COMPACT_BIG_MAX], le[16];
        size_t n = unhex(enc, sizeof enc, compact_vectors[i].hex), big_len = 99, consumed = 0, k;
        wetee_buf b = WETEE_BUF_INIT;
        wetee_scale_reader r;
        uint64_t v64 = 7;
        uint32_t v32 = 7;

        CHECK_OK(wetee_scale_put_compact_u128(&b, v));
        CHECK_HEX(b.data, b.len, compact_vectors[i].hex);
        b.len = 0;
        if (v.hi == 0) {
            CHECK_OK(wetee_scale_put_compact_u64(&b, v.lo));
            CHECK_HEX(b.data, b.len, compact_vectors[i].hex);
            b.len = 0;
        }
        wetee_u128_to_le(le, v);
        CHECK_OK(wetee_scale_put_compact_big(&b, le, 16));
        CHECK_HEX(b.data, b.len, compact_vectors[i].hex);
        CHECK_OK(wetee_scale_encode_compact(&b, v)); /* replaces */
        CHECK_HEX(b.data, b.len, compact_vectors[i].hex);

        wetee_scale_reader_init(&r, enc, n);
        CHECK_OK(wetee_scale_get_compact_u128(&r, &got));
        CHECK(u128_eq(got, v));
        CHECK(r.pos == n);
        CHECK_OK(wetee_scale_finish(&r));

        CHECK_OK(wetee_scale_decode_compact(&got, &consumed, enc, n));
        CHECK(u128_eq(got, v) && consumed == n);

        wetee_scale_reader_init(&r, enc, n);
        if (v.hi == 0) {
            CHECK_OK(wetee_scale_get_compact_u64(&r, &v64));
            CHECK(v64 == v.lo && r.pos == n);
        } else {
            CHECK_ERR(wetee_scale_get_compact_u64(&r, &v64), WETEE_ERR_OVERFLOW);
            CHECK(v64 == 7 && r.pos == 0);
            CHECK_DETAIL("scale: compact at offset 0:");
        }
        wetee_scale_reader_init(&r, enc, n);
        if (v.hi == 0 && v.lo <= UINT32_MAX) {
            CHECK_OK(wetee_scale_get_compact_u32(&r, &v32));
            CHECK(v32 == v.lo && r.pos == n);
        } else {
            CHECK_ERR(wetee_scale_get_compact_u32(&r, &v32), WETEE_ERR_OVERFLOW);
            CHECK(v32 == 7 && r.pos == 0);
        }

        wetee_scale_reader_init(&r, enc, n);
        CHECK_OK(wetee_scale_get_compact_big(&r, big, &big_len));
        CHECK(r.pos == n);
        {
            size_t sig = 16;
            while (sig > 0 && le[sig - 1] == 0) sig--;
            CHECK(big_len == sig);
            CHECK(memcmp(big, le, 16) == 0);
            for (k = 16; k < sizeof big; k++) CHECK(big[k] == 0);
        }

        /* every proper prefix is truncated input */
        for (k = 0; k < n; k++) {
            wetee_u128 sentinel = u128(5, 5);
            wetee_scale_reader_init(&r, enc, k);
            CHECK_ERR(wetee_scale_get_compact_u128(&r, &sentinel), WETEE_ERR_TRUNCATED);
            CHECK(r.pos == 0 && u128_eq(sentinel, u128(5, 5)));
            CHECK_DETAIL("scale: compact at offset 0: truncated");
            wetee_scale_reader_init(&r, enc, k);
            CHECK_ERR(wetee_scale_get_compact_big(&r, big, &big_len), WETEE_ERR_TRUNCATED);
            CHECK(r.pos == 0);
        }
        wetee_buf_free(&b);
    }
}

/* A compact placed at offset 3 (after three filler bytes). */
static size_t at3(uint8_t *buf, size_t cap, const char *hex)
{
    buf[0] = 0xAA;
    buf[1] = 0xBB;
    buf[2] = 0xCC;
    return 3 + unhex(buf + 3, cap - 3, hex);
}

static void skip3(wetee_scale_reader *r)
{
    const uint8_t *p;
    CHECK_OK(wetee_scale_get_raw(r, &p, 3));
}

/* Non-canonical in every mode: expected result for u32, u64, u128, big. */
static const struct {
    const char *hex;
    int e32, e64, e128, ebig;
} noncanon_vectors[] = {
#define NC WETEE_ERR_NON_CANONICAL
#define OV WETEE_ERR_OVERFLOW
    /* two-byte mode with a value below 2^6 */
    { "0100", NC, NC, NC, NC },
    { "fd00", NC, NC, NC, NC },
    /* four-byte mode with a value below 2^14 */
    { "02000000", NC, NC, NC, NC },
    { "feff0000", NC, NC, NC, NC },
    /* four-byte big-integer mode with a value below 2^30 */
    { "0300000000", NC, NC, NC, NC },
    { "03ffffff3f", NC, NC, NC, NC },
    /* big-integer mode with a zero top byte */
    { "07ffffffff00", OV, NC, NC, NC },
    { "0b000000000000", OV, NC, NC, NC },
    { "13ffffffffffffff00", OV, NC, NC, NC },
    { "17000000000000000000", OV, OV, NC, NC },
    { "33ffffffffffffffffffffffffffffff00", OV, OV, NC, NC },
    /* too wide for the type */
    { "070000000001", OV, 0, 0, 0 },
    { "17000000000000000001", OV, OV, 0, 0 },
    { "370000000000000000000000000000000001", OV, OV, OV, 0 },
#undef NC
#undef OV
};

WT_TEST(test_compact_noncanonical)
{
    size_t i;
    for (i = 0; i < sizeof noncanon_vectors / sizeof noncanon_vectors[0]; i++) {
        uint8_t in[64], big[WETEE_SCALE_COMPACT_BIG_MAX];
        size_t n = at3(in, sizeof in, noncanon_vectors[i].hex), big_len = 77;
        wetee_scale_reader r;
        uint32_t v32 = 9;
        uint64_t v64 = 9;
        wetee_u128 v128 = u128(9, 9);
        const char *want_nc = "scale: compact at offset 3: non-canonical encoding";

        wetee_scale_reader_init(&r, in, n);
        skip3(&r);
        if (noncanon_vectors[i].e32) {
            CHECK_ERR(wetee_scale_get_compact_u32(&r, &v32), noncanon_vectors[i].e32);
            CHECK(v32 == 9 && r.pos == 3);
            if (noncanon_vectors[i].e32 == WETEE_ERR_NON_CANONICAL) CHECK_STR(wetee_last_error(), want_nc);
            else CHECK_DETAIL("scale: compact at offset 3:");
        }
        if (noncanon_vectors[i].e64) {
            CHECK_ERR(wetee_scale_get_compact_u64(&r, &v64), noncanon_vectors[i].e64);
            CHECK(v64 == 9 && r.pos == 3);
            CHECK_DETAIL("scale: compact at offset 3:");
        } else {
            CHECK_OK(wetee_scale_get_compact_u64(&r, &v64));
            r.pos = 3;
        }
        if (noncanon_vectors[i].e128) {
            CHECK_ERR(wetee_scale_get_compact_u128(&r, &v128), noncanon_vectors[i].e128);
            CHECK(u128_eq(v128, u128(9, 9)) && r.pos == 3);
            CHECK_DETAIL("scale: compact at offset 3:");
        } else {
            CHECK_OK(wetee_scale_get_compact_u128(&r, &v128));
            r.pos = 3;
        }
        if (noncanon_vectors[i].ebig) {
            CHECK_ERR(wetee_scale_get_compact_big(&r, big, &big_len), noncanon_vectors[i].ebig);
            CHECK(big_len == 77 && r.pos == 3);
            CHECK_STR(wetee_last_error(), want_nc);
        } else {
            CHECK_OK(wetee_scale_get_compact_big(&r, big, &big_len));
            CHECK(r.pos == n);
        }
        /* lengths are Compact<u32> too */
        r.pos = 3;
        {
            size_t len = 5;
            const uint8_t *p = NULL;
            CHECK(wetee_scale_get_seq_len(&r, &len, 0) != WETEE_OK && len == 5 && r.pos == 3);
            CHECK(wetee_scale_get_bytes(&r, &p, &len) != WETEE_OK && p == NULL && r.pos == 3);
        }
    }
}

WT_TEST(test_compact_big)
{
    uint8_t le[80], enc[80], out[WETEE_SCALE_COMPACT_BIG_MAX];
    size_t i, n, out_len;
    wetee_buf b = WETEE_BUF_INIT;
    wetee_scale_reader r;

    /* the largest value: 67 bytes of 0xff, prefix (67 - 4) << 2 | 3 = 0xff */
    memset(le, 0xff, 67);
    CHECK_OK(wetee_scale_put_compact_big(&b, le, 67));
    CHECK(b.len == 68 && b.data[0] == 0xff);
    wetee_scale_reader_init(&r, b.data, b.len);
    CHECK_OK(wetee_scale_get_compact_big(&r, out, &out_len));
    CHECK(out_len == 67 && memcmp(out, le, 67) == 0 && r.pos == 68);
    wetee_scale_reader_init(&r, b.data, b.len);
    {
        wetee_u128 v;
        CHECK_ERR(wetee_scale_get_compact_u128(&r, &v), WETEE_ERR_OVERFLOW);
        CHECK_DETAIL("67-byte value does not fit in 128 bits");
    }
    /* leading zero bytes above the value are allowed in the input */
    memset(le + 67, 0, 13);
    b.len = 0;
    CHECK_OK(wetee_scale_put_compact_big(&b, le, 80));
    CHECK(b.len == 68);
    /* 68 significant bytes overflow the format */
    le[67] = 1;
    b.len = 0;
    CHECK_ERR(wetee_scale_put_compact_big(&b, le, 68), WETEE_ERR_OVERFLOW);
    CHECK(b.len == 0);
    /* zero in any length */
    memset(le, 0, sizeof le);
    CHECK_OK(wetee_scale_put_compact_big(&b, le, 80));
    CHECK_OK(wetee_scale_put_compact_big(&b, NULL, 0));
    CHECK_HEX(b.data, b.len, "0000");
    wetee_scale_reader_init(&r, b.data, 1);
    memset(out, 0xEE, sizeof out);
    CHECK_OK(wetee_scale_get_compact_big(&r, out, &out_len));
    CHECK(out_len == 0 && out[0] == 0 && out[66] == 0);

    /* every size from 9 to 67 bytes round trips and rejects a zero top byte */
    for (n = 9; n <= 67; n++) {
        for (i = 0; i < n; i++) le[i] = (uint8_t)(wt_rand() | 1);
        b.len = 0;
        CHECK_OK(wetee_scale_put_compact_big(&b, le, n));
        CHECK(b.len == n + 1 && b.data[0] == (uint8_t)(((n - 4) << 2) | 3));
        wetee_scale_reader_init(&r, b.data, b.len);
        CHECK_OK(wetee_scale_get_compact_big(&r, out, &out_len));
        CHECK(out_len == n && memcmp(out, le, n) == 0);
        memcpy(enc, b.data, b.len);
        enc[n] = 0;
        wetee_scale_reader_init(&r, enc, n + 1);
        CHECK_ERR(wetee_scale_get_compact_big(&r, out, &out_len), WETEE_ERR_NON_CANONICAL);
    }
    wetee_buf_free(&b);
}

WT_TEST(test_compact_random)
{
    int i;
    wetee_buf b = WETEE_BUF_INIT;
    wt_rand_seed(0x5CA1E);
    for (i = 0; i < 20000; i++) {
        unsigned bits = (unsigned)(wt_rand() % 129);
        wetee_u128 v = u128(wt_rand(), wt_rand()), got;
        wetee_scale_reader r;
        size_t expect_len;
        if (bits <= 64) {
            v.hi = 0;
            v.lo = bits == 0 ? 0 : bits == 64 ? v.lo : v.lo & ((1ull << bits) - 1);
        } else if (bits < 128) {
            v.hi &= (1ull << (bits - 64)) - 1;
        }
        b.len = 0;
        CHECK_OK(wetee_scale_put_compact_u128(&b, v));
        if (v.hi == 0 && v.lo < 64) expect_len = 1;
        else if (v.hi == 0 && v.lo < 16384) expect_len = 2;
        else if (v.hi == 0 && v.lo < (1u << 30)) expect_len = 4;
        else {
            size_t sig = 16;
            uint8_t le[16];
            wetee_u128_to_le(le, v);
            while (le[sig - 1] == 0) sig--;
            expect_len = 1 + (sig < 4 ? 4 : sig);
        }
        CHECK(b.len == expect_len);
        wetee_scale_reader_init(&r, b.data, b.len);
        CHECK_OK(wetee_scale_get_compact_u128(&r, &got));
        CHECK(u128_eq(got, v) && r.pos == b.len);
        if (v.hi == 0) {
            uint64_t g64;
            size_t len0 = b.len;
            CHECK_OK(wetee_scale_put_compact_u64(&b, v.lo));
            CHECK(b.len == 2 * len0 && memcmp(b.data, b.data + len0, len0) == 0);
            wetee_scale_reader_init(&r, b.data, b.len); /* the append may have moved the bytes */
            r.pos = len0;
            CHECK_OK(wetee_scale_get_compact_u64(&r, &g64));
            CHECK(g64 == v.lo);
            CHECK_OK(wetee_scale_finish(&r));
        }
    }
    wetee_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* fixed-size primitives                                               */
/* ------------------------------------------------------------------ */

WT_TEST(test_primitives)
{
    wetee_buf b = WETEE_BUF_INIT;
    wetee_scale_reader r;
    uint8_t u256[32], u256b[32];
    size_t i, cut;
    uint8_t v8;
    uint16_t v16;
    uint32_t v32;
    uint64_t v64;
    int8_t s8;
    int16_t s16;
    int32_t s32;
    int64_t s64;
    int iv;
    wetee_u128 v128;

    for (i = 0; i < 32; i++) u256[i] = (uint8_t)i;
    CHECK_OK(wetee_scale_put_u8(&b, 0x45));
    CHECK_OK(wetee_scale_put_u16(&b, 0x1234));
    CHECK_OK(wetee_scale_put_u32(&b, 0xdeadbeef));
    CHECK_OK(wetee_scale_put_u64(&b, 0x0102030405060708ull));
    CHECK_OK(wetee_scale_put_u128(&b, u128(0x1112131415161718ull, 0x0102030405060708ull)));
    CHECK_OK(wetee_scale_put_i8(&b, -1));
    CHECK_OK(wetee_scale_put_i16(&b, -2));
    CHECK_OK(wetee_scale_put_i32(&b, -3));
    CHECK_OK(wetee_scale_put_i64(&b, INT64_MIN));
    CHECK_OK(wetee_scale_put_i128(&b, u128(UINT64_MAX, UINT64_MAX - 1))); /* -2, as parity prints it */
    CHECK_OK(wetee_scale_put_u256(&b, u256));
    CHECK_HEX(b.data, b.len,
              "45" "3412" "efbeadde" "0807060504030201" "08070605040302011817161514131211" "ff" "feff" "fdffffff"
              "0000000000000080" "feffffffffffffffffffffffffffffff"
              "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    wetee_scale_reader_init(&r, b.data, b.len);
    CHECK_OK(wetee_scale_get_u8(&r, &v8));
    CHECK(v8 == 0x45);
    CHECK_OK(wetee_scale_get_u16(&r, &v16));
    CHECK(v16 == 0x1234);
    CHECK_OK(wetee_scale_get_u32(&r, &v32));
    CHECK(v32 == 0xdeadbeef);
    CHECK_OK(wetee_scale_get_u64(&r, &v64));
    CHECK(v64 == 0x0102030405060708ull);
    CHECK_OK(wetee_scale_get_u128(&r, &v128));
    CHECK(u128_eq(v128, u128(0x1112131415161718ull, 0x0102030405060708ull)));
    CHECK_OK(wetee_scale_get_i8(&r, &s8));
    CHECK(s8 == -1);
    CHECK_OK(wetee_scale_get_i16(&r, &s16));
    CHECK(s16 == -2);
    CHECK_OK(wetee_scale_get_i32(&r, &s32));
    CHECK(s32 == -3);
    CHECK_OK(wetee_scale_get_i64(&r, &s64));
    CHECK(s64 == INT64_MIN);
    CHECK_OK(wetee_scale_get_i128(&r, &v128));
    CHECK(u128_eq(v128, u128(UINT64_MAX, UINT64_MAX - 1)));
    CHECK_OK(wetee_scale_get_u256(&r, u256b));
    CHECK(memcmp(u256, u256b, 32) == 0);
    CHECK_OK(wetee_scale_finish(&r));

    /* truncated at every cut point, for each width, at offset 2 */
    for (cut = 0; cut < 32; cut++) {
        uint8_t in[40];
        memset(in, 0x5a, sizeof in);
#define TRUNC(width, call, kind)                                                                               \
    if (cut < (width)) {                                                                                        \
        wetee_scale_reader_init(&r, in, 2 + cut);                                                               \
        r.pos = 2;                                                                                              \
        CHECK_ERR(call, WETEE_ERR_TRUNCATED);                                                                   \
        CHECK(r.pos == 2);                                                                                      \
        CHECK_DETAIL("scale: " kind " at offset 2: truncated");                                                 \
    }
        v8 = 1; v16 = 1; v32 = 1; v64 = 1; v128 = u128(1, 1);
        TRUNC(1, wetee_scale_get_u8(&r, &v8), "u8")
        TRUNC(1, wetee_scale_get_i8(&r, &s8), "i8")
        TRUNC(2, wetee_scale_get_u16(&r, &v16), "u16")
        TRUNC(2, wetee_scale_get_i16(&r, &s16), "i16")
        TRUNC(4, wetee_scale_get_u32(&r, &v32), "u32")
        TRUNC(4, wetee_scale_get_i32(&r, &s32), "i32")
        TRUNC(8, wetee_scale_get_u64(&r, &v64), "u64")
        TRUNC(8, wetee_scale_get_i64(&r, &s64), "i64")
        TRUNC(16, wetee_scale_get_u128(&r, &v128), "u128")
        TRUNC(16, wetee_scale_get_i128(&r, &v128), "i128")
        TRUNC(32, wetee_scale_get_u256(&r, u256b), "u256")
        TRUNC(1, wetee_scale_get_bool(&r, &iv), "bool")
        TRUNC(1, wetee_scale_get_option(&r, &iv), "option")
        TRUNC(1, wetee_scale_get_optionbool(&r, &iv), "optionbool")
        TRUNC(1, wetee_scale_get_result(&r, &iv), "result")
        TRUNC(1, wetee_scale_get_variant(&r, &v8, 0), "variant")
#undef TRUNC
        CHECK(v8 == 1 && v16 == 1 && v32 == 1 && v64 == 1 && u128_eq(v128, u128(1, 1)));
    }
    wetee_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* tags                                                                */
/* ------------------------------------------------------------------ */

WT_TEST(test_bool_option_result_variant)
{
    wetee_buf b = WETEE_BUF_INIT;
    wetee_scale_reader r;
    uint8_t in[8];
    int v;
    uint8_t idx;

    CHECK_OK(wetee_scale_put_bool(&b, 0));
    CHECK_OK(wetee_scale_put_bool(&b, 7));
    CHECK_OK(wetee_scale_put_none(&b));
    CHECK_OK(wetee_scale_put_some(&b));
    CHECK_OK(wetee_scale_put_optionbool(&b, -1));
    CHECK_OK(wetee_scale_put_optionbool(&b, 1));
    CHECK_OK(wetee_scale_put_optionbool(&b, 0));
    CHECK_OK(wetee_scale_put_result(&b, 0));
    CHECK_OK(wetee_scale_put_result(&b, 3));
    CHECK_OK(wetee_scale_put_variant(&b, 200));
    /* OptionBool (parity-scale-codec 3.7.5's separate one-byte type, not a
     * registry Option<bool>): None 00, Some(true) 01, Some(false) 02 */
    CHECK_HEX(b.data, b.len, "00010001000102" "0001" "c8");
    CHECK_ERR(wetee_scale_put_optionbool(&b, 2), WETEE_ERR_INVALID_ARGUMENT);

    wetee_scale_reader_init(&r, b.data, b.len);
    CHECK_OK(wetee_scale_get_bool(&r, &v));
    CHECK(v == 0);
    CHECK_OK(wetee_scale_get_bool(&r, &v));
    CHECK(v == 1);
    CHECK_OK(wetee_scale_get_option(&r, &v));
    CHECK(v == 0);
    CHECK_OK(wetee_scale_get_option(&r, &v));
    CHECK(v == 1);
    CHECK_OK(wetee_scale_get_optionbool(&r, &v));
    CHECK(v == -1);
    CHECK_OK(wetee_scale_get_optionbool(&r, &v));
    CHECK(v == 1);
    CHECK_OK(wetee_scale_get_optionbool(&r, &v));
    CHECK(v == 0);
    CHECK_OK(wetee_scale_get_result(&r, &v));
    CHECK(v == 0);
    CHECK_OK(wetee_scale_get_result(&r, &v));
    CHECK(v == 1);
    CHECK_ERR(wetee_scale_get_variant(&r, &idx, 200), WETEE_ERR_DECODE);
    CHECK_STR(wetee_last_error(), "scale: variant at offset 9: index 200 out of range (200 variants)");
    CHECK_OK(wetee_scale_get_variant(&r, &idx, 201));
    CHECK(idx == 200);
    CHECK_OK(wetee_scale_finish(&r));
    wetee_scale_reader_init(&r, b.data + 9, 1);
    CHECK_OK(wetee_scale_get_variant(&r, &idx, 0));
    CHECK(idx == 200);

    /* bad bytes, at offset 3 */
    unhex(in, sizeof in, "00000005");
    wetee_scale_reader_init(&r, in, 4);
    r.pos = 3;
    v = 42;
    CHECK_ERR(wetee_scale_get_bool(&r, &v), WETEE_ERR_DECODE);
    CHECK_STR(wetee_last_error(), "scale: bool at offset 3: invalid byte 0x05");
    CHECK(v == 42 && r.pos == 3);
    in[3] = 2;
    CHECK_ERR(wetee_scale_get_bool(&r, &v), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_scale_get_option(&r, &v), WETEE_ERR_DECODE);
    CHECK_STR(wetee_last_error(), "scale: option at offset 3: invalid tag 0x02");
    CHECK_ERR(wetee_scale_get_result(&r, &v), WETEE_ERR_DECODE);
    CHECK_STR(wetee_last_error(), "scale: result at offset 3: invalid tag 0x02");
    CHECK_OK(wetee_scale_get_optionbool(&r, &v));
    CHECK(v == 0);
    r.pos = 3;
    in[3] = 3;
    v = 42;
    CHECK_ERR(wetee_scale_get_optionbool(&r, &v), WETEE_ERR_DECODE);
    CHECK_STR(wetee_last_error(), "scale: optionbool at offset 3: invalid byte 0x03");
    CHECK(v == 42 && r.pos == 3);
    in[3] = 0xff;
    CHECK_ERR(wetee_scale_get_bool(&r, &v), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_scale_get_option(&r, &v), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_scale_get_result(&r, &v), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_scale_get_optionbool(&r, &v), WETEE_ERR_DECODE);
    CHECK(v == 42 && r.pos == 3);
    wetee_buf_free(&b);
}

/* A registry field typed Option<bool> uses the generic Option rule (tag,
 * then the bool): parity-scale-codec 3.7.5 `Some(true).encode()` is 01 01,
 * `Some(false)` 01 00, `None` 00 (scalecodec and @polkadot/types agree);
 * the one-byte OptionBool form must not be used for it. */
WT_TEST(test_generic_option_bool)
{
    wetee_buf b = WETEE_BUF_INIT;
    wetee_scale_reader r;
    int is_some = -1, v = -1;

    CHECK_OK(wetee_scale_put_some(&b));
    CHECK_OK(wetee_scale_put_bool(&b, 1));
    CHECK_OK(wetee_scale_put_some(&b));
    CHECK_OK(wetee_scale_put_bool(&b, 0));
    CHECK_OK(wetee_scale_put_none(&b));
    CHECK_HEX(b.data, b.len, "0101" "0100" "00");

    wetee_scale_reader_init(&r, b.data, b.len);
    CHECK_OK(wetee_scale_get_option(&r, &is_some));
    CHECK(is_some == 1);
    CHECK_OK(wetee_scale_get_bool(&r, &v));
    CHECK(v == 1);
    CHECK_OK(wetee_scale_get_option(&r, &is_some));
    CHECK(is_some == 1);
    CHECK_OK(wetee_scale_get_bool(&r, &v));
    CHECK(v == 0);
    CHECK_OK(wetee_scale_get_option(&r, &is_some));
    CHECK(is_some == 0);
    CHECK_OK(wetee_scale_finish(&r));

    /* the two forms differ: generic Some(false) 01 00 is OptionBool
     * Some(true) followed by a trailing byte, OptionBool Some(false) 02 is
     * not an Option tag at all */
    wetee_scale_reader_init(&r, b.data + 2, 2);
    CHECK_OK(wetee_scale_get_optionbool(&r, &v));
    CHECK(v == 1);
    CHECK_ERR(wetee_scale_finish(&r), WETEE_ERR_TRAILING);
    {
        static const uint8_t ob_false[] = { 0x02 };
        wetee_scale_reader_init(&r, ob_false, 1);
        CHECK_ERR(wetee_scale_get_option(&r, &is_some), WETEE_ERR_DECODE);
    }
    wetee_buf_free(&b);
}

/* Result, tuple and Option<u32> encodings from parity-scale-codec 3.7.5. */
WT_TEST(test_composites)
{
    wetee_buf b = WETEE_BUF_INIT;
    wetee_scale_reader r;
    int is_err, v;
    uint8_t u8v;
    uint32_t u32v;
    int16_t i16v;

    /* Result<u8, bool>: Ok(42) = 002a, Err(false) = 0100 */
    CHECK_OK(wetee_scale_put_result(&b, 0));
    CHECK_OK(wetee_scale_put_u8(&b, 42));
    CHECK_OK(wetee_scale_put_result(&b, 1));
    CHECK_OK(wetee_scale_put_bool(&b, 0));
    CHECK_HEX(b.data, b.len, "002a0100");
    wetee_scale_reader_init(&r, b.data, b.len);
    CHECK_OK(wetee_scale_get_result(&r, &is_err));
    CHECK(is_err == 0);
    CHECK_OK(wetee_scale_get_u8(&r, &u8v));
    CHECK(u8v == 42);
    CHECK_OK(wetee_scale_get_result(&r, &is_err));
    CHECK(is_err == 1);
    CHECK_OK(wetee_scale_get_bool(&r, &v));
    CHECK(v == 0);
    CHECK_OK(wetee_scale_finish(&r));

    /* (3u8, Compact(300u32), true, -2i16, Some(7u32)) */
    b.len = 0;
    CHECK_OK(wetee_scale_put_u8(&b, 3));
    CHECK_OK(wetee_scale_put_compact_u64(&b, 300));
    CHECK_OK(wetee_scale_put_bool(&b, 1));
    CHECK_OK(wetee_scale_put_i16(&b, -2));
    CHECK_OK(wetee_scale_put_some(&b));
    CHECK_OK(wetee_scale_put_u32(&b, 7));
    CHECK_HEX(b.data, b.len, "03b10401feff0107000000");
    wetee_scale_reader_init(&r, b.data, b.len);
    CHECK_OK(wetee_scale_enter(&r));
    CHECK_OK(wetee_scale_get_u8(&r, &u8v));
    CHECK_OK(wetee_scale_get_compact_u32(&r, &u32v));
    CHECK(u8v == 3 && u32v == 300);
    CHECK_OK(wetee_scale_get_bool(&r, &v));
    CHECK_OK(wetee_scale_get_i16(&r, &i16v));
    CHECK(v == 1 && i16v == -2);
    CHECK_OK(wetee_scale_get_option(&r, &v));
    CHECK_OK(wetee_scale_get_u32(&r, &u32v));
    CHECK(v == 1 && u32v == 7);
    wetee_scale_leave(&r);
    CHECK(r.depth == 0);
    CHECK_OK(wetee_scale_finish(&r));
    wetee_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* sequences, bytes, strings, arrays                                   */
/* ------------------------------------------------------------------ */

WT_TEST(test_vec_u16_and_arrays)
{
    static const uint16_t v16[6] = { 4, 8, 15, 16, 23, 42 };
    wetee_buf b = WETEE_BUF_INIT;
    wetee_scale_reader r;
    uint16_t got16[6] = { 0 };
    uint32_t v32[3] = { 1, 0x01020304, UINT32_MAX }, got32[3];
    uint64_t v64[2] = { 0x0102030405060708ull, 9 }, got64[2];
    size_t n = 0;

    CHECK_OK(wetee_scale_put_seq_len(&b, 6));
    CHECK_OK(wetee_scale_put_u16_array(&b, v16, 6));
    CHECK_HEX(b.data, b.len, "18040008000f00100017002a00"); /* SCALE spec example */
    wetee_scale_reader_init(&r, b.data, b.len);
    CHECK_OK(wetee_scale_get_seq_len(&r, &n, 2));
    CHECK(n == 6);
    CHECK_OK(wetee_scale_get_u16_array(&r, got16, n));
    CHECK(memcmp(got16, v16, sizeof v16) == 0);
    CHECK_OK(wetee_scale_finish(&r));

    b.len = 0;
    CHECK_OK(wetee_scale_put_u32_array(&b, v32, 3));
    CHECK_OK(wetee_scale_put_u64_array(&b, v64, 2));
    CHECK_OK(wetee_scale_put_u64_array(&b, NULL, 0));
    CHECK_HEX(b.data, b.len, "0100000004030201ffffffff" "08070605040302010900000000000000");
    wetee_scale_reader_init(&r, b.data, b.len);
    CHECK_OK(wetee_scale_get_u32_array(&r, got32, 3));
    CHECK_OK(wetee_scale_get_u64_array(&r, got64, 2));
    CHECK_OK(wetee_scale_get_u64_array(&r, NULL, 0));
    CHECK(memcmp(got32, v32, sizeof v32) == 0 && memcmp(got64, v64, sizeof v64) == 0);
    CHECK_OK(wetee_scale_finish(&r));

    /* arrays that do not fit */
    wetee_scale_reader_init(&r, b.data, 11);
    r.pos = 1;
    memset(got32, 0x77, sizeof got32);
    CHECK_ERR(wetee_scale_get_u32_array(&r, got32, 3), WETEE_ERR_TRUNCATED);
    CHECK_DETAIL("scale: u32 array at offset 1: truncated");
    CHECK(got32[0] == 0x77777777u && r.pos == 1);
    CHECK_ERR(wetee_scale_get_u16_array(&r, got16, 6), WETEE_ERR_TRUNCATED);
    CHECK_ERR(wetee_scale_get_u64_array(&r, got64, 2), WETEE_ERR_TRUNCATED);
    CHECK_ERR(wetee_scale_get_u64_array(&r, got64, SIZE_MAX / 4), WETEE_ERR_TRUNCATED);
    CHECK(r.pos == 1);

    /* a declared length larger than what remains, before any allocation */
    {
        uint8_t in[8];
        size_t len = unhex(in, sizeof in, "a8010203"); /* 42 items, 3 bytes left */
        wetee_scale_reader_init(&r, in, len);
        n = 99;
        CHECK_ERR(wetee_scale_get_seq_len(&r, &n, 4), WETEE_ERR_TRUNCATED);
        CHECK_STR(wetee_last_error(),
                  "scale: sequence at offset 0: 42 items of at least 4 bytes exceed the 3 remaining bytes");
        CHECK(n == 99 && r.pos == 0);
        CHECK_ERR(wetee_scale_get_seq_len(&r, &n, 1), WETEE_ERR_TRUNCATED);
        CHECK_OK(wetee_scale_get_seq_len(&r, &n, 0)); /* zero-sized items */
        CHECK(n == 42 && r.pos == 1);
        /* the largest Compact<u32> times a large item size must not wrap */
        len = unhex(in, sizeof in, "03ffffffff00");
        wetee_scale_reader_init(&r, in, len);
        CHECK_ERR(wetee_scale_get_seq_len(&r, &n, SIZE_MAX / 2), WETEE_ERR_TRUNCATED);
    }
    wetee_buf_free(&b);
}

WT_TEST(test_big_vec_u32)
{
    const size_t n = 1000000;
    uint32_t *v = malloc(n * sizeof *v), *got = malloc(n * sizeof *got);
    wetee_buf b = WETEE_BUF_INIT;
    wetee_scale_reader r;
    size_t i, len = 0;
    if (!v || !got) { free(v); free(got); WT_SKIP("out of memory"); }
    for (i = 0; i < n; i++) v[i] = (uint32_t)wt_rand();
    CHECK_OK(wetee_scale_put_seq_len(&b, n));
    CHECK_OK(wetee_scale_put_u32_array(&b, v, n));
    CHECK(b.len == 4 + 4 * n);
    CHECK_HEX(b.data, 4, "02093d00"); /* Compact(1000000) */
    CHECK(b.data[4] == (uint8_t)v[0] && b.data[7] == (uint8_t)(v[0] >> 24));
    wetee_scale_reader_init(&r, b.data, b.len);
    CHECK_OK(wetee_scale_get_seq_len(&r, &len, 4));
    CHECK(len == n);
    CHECK_OK(wetee_scale_get_u32_array(&r, got, len));
    CHECK(memcmp(v, got, n * 4) == 0);
    CHECK_OK(wetee_scale_finish(&r));
    wetee_buf_free(&b);
    free(v);
    free(got);
}

WT_TEST(test_bytes)
{
    wetee_buf b = WETEE_BUF_INIT;
    wetee_scale_reader r;
    uint8_t in[300], data[256];
    const uint8_t *p = NULL;
    size_t i, len = 0, n;
    for (i = 0; i < sizeof data; i++) data[i] = (uint8_t)i;

    CHECK_OK(wetee_scale_put_bytes(&b, NULL, 0));
    CHECK_OK(wetee_scale_put_bytes(&b, data, 3));
    CHECK_OK(wetee_scale_put_raw(&b, data + 10, 2));
    CHECK_OK(wetee_scale_put_raw(&b, NULL, 0));
    CHECK_HEX(b.data, b.len, "00" "0c000102" "0a0b");
    CHECK_OK(wetee_scale_put_bytes(&b, data, 256));
    CHECK(b.len == 7 + 2 + 256 && b.data[7] == 0x01 && b.data[8] == 0x04);

    wetee_scale_reader_init(&r, b.data, b.len);
    CHECK_OK(wetee_scale_get_bytes(&r, &p, &len));
    CHECK(len == 0 && r.pos == 1);
    CHECK_OK(wetee_scale_get_bytes(&r, &p, &len));
    CHECK(len == 3 && p == b.data + 2 && memcmp(p, data, 3) == 0);
    CHECK_OK(wetee_scale_get_raw(&r, &p, 2));
    CHECK(p == b.data + 5);
    CHECK_OK(wetee_scale_get_raw(&r, &p, 0));
    CHECK_OK(wetee_scale_get_bytes(&r, &p, &len));
    CHECK(len == 256 && memcmp(p, data, 256) == 0);
    CHECK_OK(wetee_scale_finish(&r));

    /* the example of the documentation */
    n = unhex(in, sizeof in, "a10f010203"); /* length 1000, 3 bytes */
    wetee_scale_reader_init(&r, in, n);
    p = NULL;
    len = 7;
    CHECK_ERR(wetee_scale_get_bytes(&r, &p, &len), WETEE_ERR_TRUNCATED);
    CHECK_STR(wetee_last_error(), "scale: bytes at offset 0: length 1000 exceeds the 3 remaining bytes");
    CHECK(p == NULL && len == 7 && r.pos == 0);
    CHECK_ERR(wetee_scale_get_raw(&r, &p, 6), WETEE_ERR_TRUNCATED);
    CHECK_DETAIL("offset 0");

    /* every cut of a valid Vec<u8> */
    b.len = 0;
    CHECK_OK(wetee_scale_put_bytes(&b, data, 100));
    for (i = 0; i < b.len; i++) {
        wetee_scale_reader_init(&r, b.data, i);
        CHECK_ERR(wetee_scale_get_bytes(&r, &p, &len), WETEE_ERR_TRUNCATED);
        CHECK(r.pos == 0);
    }
    wetee_buf_free(&b);
}

/* UTF-8 strings from parity-scale-codec 3.7.5 (String::encode). */
static const struct {
    const char *text, *hex;
} str_vectors[] = {
    { "", "00" },
    { "hello", "1468656c6c6f" },
    { "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xd0\xbc\xd0\xb8\xd1\x80",
      "50d09fd180d0b8d0b2d0b5d1822c20d0bcd0b8d180" },
    { "\xf0\x9f\x98\x80 ok", "1cf09f9880206f6b" },
};

/* Invalid UTF-8 and the offset (inside the text) of the bad sequence. */
static const struct {
    const char *hex;
    size_t bad;
} bad_utf8[] = {
    { "c0af", 0 },             /* overlong '/' */
    { "c1bf", 0 },             /* overlong */
    { "e080af", 0 },           /* overlong three-byte */
    { "f08080af", 0 },         /* overlong four-byte */
    { "6162eda080", 2 },       /* surrogate U+D800 */
    { "edbfbf", 0 },           /* surrogate U+DFFF */
    { "f4908080", 0 },         /* U+110000 */
    { "f5808080", 0 },         /* lead byte above F4 */
    { "ff", 0 },               /* never valid */
    { "61e282", 1 },           /* truncated sequence at the end */
    { "61f09f98", 1 },         /* truncated four-byte sequence */
    { "6162636465666768806a", 8 }, /* lone continuation after an ASCII run */
    { "e2826162", 0 },         /* sequence cut by ASCII */
    { "c3a9c3", 2 },           /* valid é then a cut */
};

static const char *good_utf8[] = {
    "c280", "dfbf", "e0a080", "ed9fbf", "ee8080", "efbfbf", "f0908080", "f48fbfbf", "7f",
    "616263646566676869c3a96a6b6c6d6e6f707172737475767778797a",
};

WT_TEST(test_strings)
{
    wetee_buf b = WETEE_BUF_INIT;
    wetee_scale_reader r;
    size_t i;
    for (i = 0; i < sizeof str_vectors / sizeof str_vectors[0]; i++) {
        const char *s = NULL;
        size_t len = 0;
        b.len = 0;
        CHECK_OK(wetee_scale_put_str(&b, str_vectors[i].text, strlen(str_vectors[i].text)));
        CHECK_HEX(b.data, b.len, str_vectors[i].hex);
        wetee_scale_reader_init(&r, b.data, b.len);
        CHECK_OK(wetee_scale_get_str(&r, &s, &len));
        CHECK(len == strlen(str_vectors[i].text) && (len == 0 || memcmp(s, str_vectors[i].text, len) == 0));
        CHECK_OK(wetee_scale_finish(&r));
    }
    for (i = 0; i < sizeof bad_utf8 / sizeof bad_utf8[0]; i++) {
        uint8_t text[64], in[80];
        size_t n = unhex(text, sizeof text, bad_utf8[i].hex), inlen;
        const char *s = NULL;
        size_t len = 1234;
        char want[128];
        b.len = 0;
        CHECK_ERR(wetee_scale_put_str(&b, (const char *)text, n), WETEE_ERR_DECODE);
        snprintf(want, sizeof want, "invalid UTF-8 at offset %zu", bad_utf8[i].bad);
        CHECK_DETAIL(want);
        CHECK(b.len == 0);
        /* decode: two filler bytes, the length, the text */
        CHECK_OK(wetee_scale_put_u16(&b, 0));
        CHECK_OK(wetee_scale_put_bytes(&b, text, n));
        inlen = b.len;
        memcpy(in, b.data, inlen);
        wetee_scale_reader_init(&r, in, inlen);
        r.pos = 2;
        CHECK_ERR(wetee_scale_get_str(&r, &s, &len), WETEE_ERR_DECODE);
        snprintf(want, sizeof want, "scale: str at offset 2: invalid UTF-8 at offset %zu", 3 + bad_utf8[i].bad);
        CHECK_STR(wetee_last_error(), want);
        CHECK(s == NULL && len == 1234 && r.pos == 2);
        /* bytes accept what str rejects */
        {
            const uint8_t *p;
            CHECK_OK(wetee_scale_get_bytes(&r, &p, &len));
        }
    }
    for (i = 0; i < sizeof good_utf8 / sizeof good_utf8[0]; i++) {
        uint8_t text[64];
        size_t n = unhex(text, sizeof text, good_utf8[i]), len;
        const char *s;
        b.len = 0;
        CHECK_OK(wetee_scale_put_str(&b, (const char *)text, n));
        wetee_scale_reader_init(&r, b.data, b.len);
        CHECK_OK(wetee_scale_get_str(&r, &s, &len));
        CHECK(len == n);
    }
    wetee_buf_free(&b);
}

/* Encode one code point as UTF-8 (test oracle). */
static size_t utf8_put(uint8_t *p, uint32_t c)
{
    if (c < 0x80) { p[0] = (uint8_t)c; return 1; }
    if (c < 0x800) { p[0] = (uint8_t)(0xC0 | c >> 6); p[1] = (uint8_t)(0x80 | (c & 63)); return 2; }
    if (c < 0x10000) {
        p[0] = (uint8_t)(0xE0 | c >> 12); p[1] = (uint8_t)(0x80 | ((c >> 6) & 63)); p[2] = (uint8_t)(0x80 | (c & 63));
        return 3;
    }
    p[0] = (uint8_t)(0xF0 | c >> 18); p[1] = (uint8_t)(0x80 | ((c >> 12) & 63));
    p[2] = (uint8_t)(0x80 | ((c >> 6) & 63)); p[3] = (uint8_t)(0x80 | (c & 63));
    return 4;
}

/* Random code points are valid; random bytes are judged like an oracle that decodes strictly. */
WT_TEST(test_utf8_random)
{
    wetee_buf b = WETEE_BUF_INIT;
    uint8_t text[256];
    int iter;
    wt_rand_seed(0xC0DE);
    for (iter = 0; iter < 3000; iter++) {
        size_t n = 0;
        while (n < sizeof text - 4) {
            uint32_t c, kind = (uint32_t)(wt_rand() % 4);
            if (wt_rand() % 16 == 0) break;
            c = kind == 0 ? (uint32_t)(wt_rand() % 0x80)
                : kind == 1 ? 0x80 + (uint32_t)(wt_rand() % 0x780)
                : kind == 2 ? 0x800 + (uint32_t)(wt_rand() % 0xF800)
                            : 0x10000 + (uint32_t)(wt_rand() % 0x100000);
            if (c >= 0xD800 && c <= 0xDFFF) continue;
            n += utf8_put(text + n, c);
        }
        b.len = 0;
        CHECK_OK(wetee_scale_put_str(&b, (const char *)text, n));
        /* corrupt one byte: the result must agree with a strict oracle */
        if (n > 0) {
            size_t at = (size_t)(wt_rand() % n), i = 0, bad_at = SIZE_MAX;
            wetee_scale_reader r;
            const char *s;
            size_t len;
            int rc;
            text[at] = (uint8_t)wt_rand();
            while (i < n) { /* oracle: decode each sequence and compare with its re-encoding */
                uint8_t c = text[i], tmp[4];
                uint32_t cp;
                size_t k, need = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
                if (need == 0 || i + need > n) { bad_at = i; break; }
                cp = need == 1 ? c : need == 2 ? (c & 0x1Fu) : need == 3 ? (c & 0x0Fu) : (c & 0x07u);
                for (k = 1; k < need; k++) {
                    if ((text[i + k] & 0xC0) != 0x80) break;
                    cp = cp << 6 | (text[i + k] & 0x3Fu);
                }
                if (k < need || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || utf8_put(tmp, cp) != need) {
                    bad_at = i;
                    break;
                }
                i += need;
            }
            b.len = 0;
            CHECK_OK(wetee_scale_put_bytes(&b, text, n));
            wetee_scale_reader_init(&r, b.data, b.len);
            rc = wetee_scale_get_str(&r, &s, &len);
            if (bad_at == SIZE_MAX) {
                CHECK(rc == WETEE_OK);
            } else {
                char want[64];
                CHECK(rc == WETEE_ERR_DECODE);
                snprintf(want, sizeof want, "invalid UTF-8 at offset %zu", bad_at + (b.len - n));
                CHECK_DETAIL(want);
            }
        }
    }
    wetee_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* BitVec                                                              */
/* ------------------------------------------------------------------ */

static int pattern_bit(size_t i, unsigned seed) { return ((i * 7 + 3 + seed) % 5) < 2; }

WT_TEST(test_bitvec_vectors)
{
    size_t i, k;
    wetee_buf b = WETEE_BUF_INIT, bits = WETEE_BUF_INIT;
    for (i = 0; i < sizeof bitvec_vectors / sizeof bitvec_vectors[0]; i++) {
        const struct bitvec_vector *t = &bitvec_vectors[i];
        uint8_t packed[16], enc[32];
        size_t n = unhex(enc, sizeof enc, t->hex), nbits = 12345;
        wetee_scale_reader r;
        wetee_scale_bitstore store = (wetee_scale_bitstore)t->store;
        wetee_scale_bitorder order = t->msb0 ? WETEE_SCALE_MSB0 : WETEE_SCALE_LSB0;
        /* garbage above nbits in the packed input must not leak */
        memset(packed, 0xff, sizeof packed);
        for (k = 0; k < t->nbits; k++)
            if (!pattern_bit(k, t->seed)) packed[k / 8] &= (uint8_t)~(1u << (k % 8));
        b.len = 0;
        CHECK_OK(wetee_scale_put_bitvec(&b, packed, t->nbits, store, order));
        CHECK_HEX(b.data, b.len, t->hex);
        wetee_scale_reader_init(&r, enc, n);
        CHECK_OK(wetee_scale_get_bitvec(&r, &bits, &nbits, store, order));
        CHECK(nbits == t->nbits && bits.len == (t->nbits + 7) / 8 && r.pos == n);
        for (k = 0; k < bits.len * 8; k++) {
            int want = k < t->nbits ? pattern_bit(k, t->seed) : 0; /* unused bits cleared */
            CHECK(((bits.data[k / 8] >> (k % 8)) & 1) == want);
        }
        /* every cut is truncated input */
        for (k = 0; k < n; k++) {
            wetee_scale_reader_init(&r, enc, k);
            CHECK_ERR(wetee_scale_get_bitvec(&r, &bits, &nbits, store, order), WETEE_ERR_TRUNCATED);
            CHECK(r.pos == 0 && nbits == t->nbits);
        }
    }
    wetee_buf_free(&b);
    wetee_buf_free(&bits);
}

WT_TEST(test_bitvec_edges)
{
    wetee_buf bits = WETEE_BUF_INIT, b = WETEE_BUF_INIT;
    wetee_scale_reader r;
    uint8_t in[16];
    size_t n, nbits;

    /* unused bits of the last word are ignored, as parity-scale-codec does */
    n = unhex(in, sizeof in, "0cff");
    wetee_scale_reader_init(&r, in, n);
    CHECK_OK(wetee_scale_get_bitvec(&r, &bits, &nbits, WETEE_SCALE_BITSTORE_U8, WETEE_SCALE_LSB0));
    CHECK(nbits == 3 && bits.len == 1 && bits.data[0] == 0x07);
    n = unhex(in, sizeof in, "04ffff");
    wetee_scale_reader_init(&r, in, n);
    CHECK_OK(wetee_scale_get_bitvec(&r, &bits, &nbits, WETEE_SCALE_BITSTORE_U16, WETEE_SCALE_MSB0));
    CHECK(nbits == 1 && bits.len == 1 && bits.data[0] == 0x01);
    n = unhex(in, sizeof in, "0400800000");
    wetee_scale_reader_init(&r, in, n);
    CHECK_OK(wetee_scale_get_bitvec(&r, &bits, &nbits, WETEE_SCALE_BITSTORE_U32, WETEE_SCALE_LSB0));
    CHECK(nbits == 1 && bits.data[0] == 0x00);

    /* more bits than parity-scale-codec accepts (2^29 - 1): Compact(2^29) = 02000080 */
    n = unhex(in, sizeof in, "02000080");
    wetee_scale_reader_init(&r, in, n);
    CHECK_ERR(wetee_scale_get_bitvec(&r, &bits, &nbits, WETEE_SCALE_BITSTORE_U8, WETEE_SCALE_LSB0),
              WETEE_ERR_TOO_LONG);
    CHECK_DETAIL("scale: bitvec at offset 0:");
    CHECK(nbits == 1 && r.pos == 0);
    /* a count whose words do not fit */
    n = unhex(in, sizeof in, "8401020304050607"); /* 33 bits in u32 words: 8 bytes, 7 left */
    wetee_scale_reader_init(&r, in, n);
    CHECK_ERR(wetee_scale_get_bitvec(&r, &bits, &nbits, WETEE_SCALE_BITSTORE_U32, WETEE_SCALE_LSB0),
              WETEE_ERR_TRUNCATED);
    CHECK_STR(wetee_last_error(), "scale: bitvec at offset 0: 33 bits need 8 bytes, 7 remain");
    CHECK_OK(wetee_scale_get_bitvec(&r, &bits, &nbits, WETEE_SCALE_BITSTORE_U8, WETEE_SCALE_LSB0));
    CHECK(nbits == 33 && bits.len == 5 && r.pos == 6);
    /* non-canonical count */
    n = unhex(in, sizeof in, "0100");
    wetee_scale_reader_init(&r, in, n);
    CHECK_ERR(wetee_scale_get_bitvec(&r, &bits, &nbits, WETEE_SCALE_BITSTORE_U8, WETEE_SCALE_LSB0),
              WETEE_ERR_NON_CANONICAL);
    CHECK(bits.len == 5);

    /* bad arguments */
    CHECK_ERR(wetee_scale_put_bitvec(&b, in, 3, (wetee_scale_bitstore)3, WETEE_SCALE_LSB0),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_put_bitvec(&b, in, 3, WETEE_SCALE_BITSTORE_U8, (wetee_scale_bitorder)2),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_put_bitvec(&b, in, (size_t)0x20000000u, WETEE_SCALE_BITSTORE_U8, WETEE_SCALE_LSB0),
              WETEE_ERR_TOO_LONG);
    CHECK_OK(wetee_scale_put_bitvec(&b, NULL, 0, WETEE_SCALE_BITSTORE_U64, WETEE_SCALE_MSB0));
    CHECK_HEX(b.data, b.len, "00");
    wetee_buf_free(&bits);
    wetee_buf_free(&b);
}

WT_TEST(test_bitvec_random)
{
    static const wetee_scale_bitstore stores[4] = { WETEE_SCALE_BITSTORE_U8, WETEE_SCALE_BITSTORE_U16,
                                                    WETEE_SCALE_BITSTORE_U32, WETEE_SCALE_BITSTORE_U64 };
    wetee_buf b = WETEE_BUF_INIT, bits = WETEE_BUF_INIT;
    uint8_t packed[128];
    int iter;
    wt_rand_seed(0xB17);
    for (iter = 0; iter < 4000; iter++) {
        size_t nbits = (size_t)(wt_rand() % (sizeof packed * 8 + 1)), got_n = 0, i, w;
        wetee_scale_bitstore store = stores[wt_rand() % 4];
        wetee_scale_bitorder order = (wetee_scale_bitorder)(wt_rand() % 2);
        wetee_scale_reader r;
        for (i = 0; i < sizeof packed; i++) packed[i] = (uint8_t)wt_rand();
        b.len = 0;
        CHECK_OK(wetee_scale_put_bitvec(&b, packed, nbits, store, order));
        w = (size_t)store * 8;
        wetee_scale_reader_init(&r, b.data, b.len);
        {
            uint32_t c;
            CHECK_OK(wetee_scale_get_compact_u32(&r, &c));
            CHECK(c == nbits && b.len - r.pos == (nbits + w - 1) / w * (size_t)store);
        }
        /* element i sits in word i / w at bit i % w (Lsb0) or w - 1 - i % w (Msb0) */
        for (i = 0; i < (nbits + w - 1) / w * w; i++) {
            size_t word = i / w, bit = order == WETEE_SCALE_LSB0 ? i % w : w - 1 - i % w;
            int enc_bit = (b.data[r.pos + word * store + bit / 8] >> (bit % 8)) & 1;
            int want = i < nbits ? (packed[i / 8] >> (i % 8)) & 1 : 0;
            CHECK(enc_bit == want);
        }
        wetee_scale_reader_init(&r, b.data, b.len);
        CHECK_OK(wetee_scale_get_bitvec(&r, &bits, &got_n, store, order));
        CHECK(got_n == nbits && bits.len == (nbits + 7) / 8);
        for (i = 0; i < nbits; i++) CHECK(((bits.data[i / 8] ^ packed[i / 8]) >> (i % 8) & 1) == 0);
        CHECK_OK(wetee_scale_finish(&r));
    }
    wetee_buf_free(&b);
    wetee_buf_free(&bits);
}

/* ------------------------------------------------------------------ */
/* reader: depth, trailing bytes, arguments                            */
/* ------------------------------------------------------------------ */

WT_TEST(test_depth)
{
    wetee_scale_reader r;
    uint8_t in[1] = { 0 };
    unsigned i;
    wetee_scale_reader_init(&r, in, 1);
    CHECK(r.max_depth == WETEE_SCALE_DEFAULT_MAX_DEPTH && r.depth == 0);
    for (i = 0; i < WETEE_SCALE_DEFAULT_MAX_DEPTH; i++) CHECK_OK(wetee_scale_enter(&r));
    CHECK_ERR(wetee_scale_enter(&r), WETEE_ERR_DEPTH);
    CHECK(r.depth == WETEE_SCALE_DEFAULT_MAX_DEPTH);
    CHECK_DETAIL("scale: nesting at offset 0");
    wetee_scale_leave(&r);
    CHECK_OK(wetee_scale_enter(&r));
    r.max_depth = 2;
    r.depth = 0;
    r.pos = 1;
    CHECK_OK(wetee_scale_enter(&r));
    CHECK_OK(wetee_scale_enter(&r));
    CHECK_ERR(wetee_scale_enter(&r), WETEE_ERR_DEPTH);
    CHECK_STR(wetee_last_error(), "scale: nesting at offset 1: deeper than the limit of 2");
    wetee_scale_leave(&r);
    wetee_scale_leave(&r);
    wetee_scale_leave(&r); /* extra leave is harmless */
    CHECK(r.depth == 0);
    r.max_depth = 0;
    CHECK_ERR(wetee_scale_enter(&r), WETEE_ERR_DEPTH);
}

WT_TEST(test_finish_and_args)
{
    wetee_scale_reader r;
    uint8_t in[5] = { 1, 2, 3, 4, 5 }, v8;
    const uint8_t *p;
    size_t n;
    int v;
    wetee_buf b = WETEE_BUF_INIT;
    wetee_u128 v128;

    wetee_scale_reader_init(&r, in, 5);
    CHECK_OK(wetee_scale_get_u8(&r, &v8));
    CHECK_OK(wetee_scale_get_u8(&r, &v8));
    CHECK(wetee_scale_remaining(&r) == 3);
    CHECK_ERR(wetee_scale_finish(&r), WETEE_ERR_TRAILING);
    CHECK_STR(wetee_last_error(), "scale: input at offset 2: 3 trailing bytes");
    CHECK(wetee_scale_remaining(NULL) == 0);

    wetee_scale_reader_init(&r, NULL, 0);
    CHECK(wetee_scale_remaining(&r) == 0);
    CHECK_OK(wetee_scale_finish(&r));
    CHECK_OK(wetee_scale_get_raw(&r, &p, 0));
    CHECK_ERR(wetee_scale_get_u8(&r, &v8), WETEE_ERR_TRUNCATED);
    CHECK_STR(wetee_last_error(), "scale: u8 at offset 0: truncated: needs 1 byte, 0 remain");

    CHECK_ERR(wetee_scale_get_u8(NULL, &v8), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_get_bool(&r, NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_get_bytes(&r, &p, NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_get_u32_array(&r, NULL, 1), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_finish(NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_enter(NULL), WETEE_ERR_INVALID_ARGUMENT);
    wetee_scale_leave(NULL);
    wetee_scale_reader_init(NULL, in, 5);
    CHECK_ERR(wetee_scale_put_u8(NULL, 1), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_put_compact_u64(NULL, 1), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_put_bytes(&b, NULL, 1), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_put_str(&b, NULL, 1), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_put_u256(&b, NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_decode_compact(&v128, NULL, in, 1), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_decode_compact(&v128, &n, NULL, 1), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_scale_decode_compact(&v128, &n, NULL, 0), WETEE_ERR_TRUNCATED);
    CHECK(b.len == 0);
    (void)v;

    /* decode_compact reads only the compact and reports its size */
    n = 0;
    CHECK_OK(wetee_scale_decode_compact(&v128, &n, in, 5)); /* 0x01: two-byte mode 0x0201 >> 2 = 128 */
    CHECK(n == 2 && v128.lo == 128 && v128.hi == 0);
    wetee_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* a random mix of values, encoded then decoded                        */
/* ------------------------------------------------------------------ */

enum { T_BOOL, T_U8, T_U16, T_U32, T_U64, T_U128, T_COMPACT, T_BYTES, T_STR, T_OPTBOOL, T_NTYPES };

WT_TEST(test_random_mix)
{
    int iter;
    wt_rand_seed(0xFEED);
    for (iter = 0; iter < 500; iter++) {
        uint64_t vals[64][2];
        int types[64];
        int n = 1 + (int)(wt_rand() % 64), i;
        wetee_buf b = WETEE_BUF_INIT;
        wetee_scale_reader r;
        static const uint8_t blob[41] = "0123456789abcdefghijklmnopqrstuvwxyzABCD";
        for (i = 0; i < n; i++) {
            types[i] = (int)(wt_rand() % T_NTYPES);
            vals[i][0] = wt_rand() >> (wt_rand() % 64);
            vals[i][1] = wt_rand() >> (wt_rand() % 64);
            switch (types[i]) {
            case T_BOOL: CHECK_OK(wetee_scale_put_bool(&b, (int)(vals[i][0] & 1))); break;
            case T_U8: CHECK_OK(wetee_scale_put_u8(&b, (uint8_t)vals[i][0])); break;
            case T_U16: CHECK_OK(wetee_scale_put_u16(&b, (uint16_t)vals[i][0])); break;
            case T_U32: CHECK_OK(wetee_scale_put_u32(&b, (uint32_t)vals[i][0])); break;
            case T_U64: CHECK_OK(wetee_scale_put_u64(&b, vals[i][0])); break;
            case T_U128: CHECK_OK(wetee_scale_put_u128(&b, u128(vals[i][1], vals[i][0]))); break;
            case T_COMPACT: CHECK_OK(wetee_scale_put_compact_u128(&b, u128(vals[i][1], vals[i][0]))); break;
            case T_BYTES: CHECK_OK(wetee_scale_put_bytes(&b, blob, (size_t)(vals[i][0] % 41))); break;
            case T_STR: CHECK_OK(wetee_scale_put_str(&b, (const char *)blob, (size_t)(vals[i][0] % 41))); break;
            default: CHECK_OK(wetee_scale_put_optionbool(&b, (int)(vals[i][0] % 3) - 1)); break;
            }
        }
        wetee_scale_reader_init(&r, b.data, b.len);
        for (i = 0; i < n; i++) {
            int v;
            uint8_t u8v;
            uint16_t u16v;
            uint32_t u32v;
            uint64_t u64v;
            wetee_u128 w;
            const uint8_t *p;
            const char *s;
            size_t len;
            switch (types[i]) {
            case T_BOOL: CHECK_OK(wetee_scale_get_bool(&r, &v)); CHECK(v == (int)(vals[i][0] & 1)); break;
            case T_U8: CHECK_OK(wetee_scale_get_u8(&r, &u8v)); CHECK(u8v == (uint8_t)vals[i][0]); break;
            case T_U16: CHECK_OK(wetee_scale_get_u16(&r, &u16v)); CHECK(u16v == (uint16_t)vals[i][0]); break;
            case T_U32: CHECK_OK(wetee_scale_get_u32(&r, &u32v)); CHECK(u32v == (uint32_t)vals[i][0]); break;
            case T_U64: CHECK_OK(wetee_scale_get_u64(&r, &u64v)); CHECK(u64v == vals[i][0]); break;
            case T_U128:
                CHECK_OK(wetee_scale_get_u128(&r, &w));
                CHECK(u128_eq(w, u128(vals[i][1], vals[i][0])));
                break;
            case T_COMPACT:
                CHECK_OK(wetee_scale_get_compact_u128(&r, &w));
                CHECK(u128_eq(w, u128(vals[i][1], vals[i][0])));
                break;
            case T_BYTES:
                CHECK_OK(wetee_scale_get_bytes(&r, &p, &len));
                CHECK(len == vals[i][0] % 41 && (len == 0 || memcmp(p, blob, len) == 0));
                break;
            case T_STR:
                CHECK_OK(wetee_scale_get_str(&r, &s, &len));
                CHECK(len == vals[i][0] % 41 && (len == 0 || memcmp(s, blob, len) == 0));
                break;
            default: CHECK_OK(wetee_scale_get_optionbool(&r, &v)); CHECK(v == (int)(vals[i][0] % 3) - 1); break;
            }
        }
        CHECK_OK(wetee_scale_finish(&r));
        wetee_buf_free(&b);
    }
}

WT_MAIN("scale",
        WT_CASE(test_compact_vectors),
        WT_CASE(test_compact_noncanonical),
        WT_CASE(test_compact_big),
        WT_CASE(test_compact_random),
        WT_CASE(test_primitives),
        WT_CASE(test_bool_option_result_variant),
        WT_CASE(test_generic_option_bool),
        WT_CASE(test_composites),
        WT_CASE(test_vec_u16_and_arrays),
        WT_CASE(test_big_vec_u32),
        WT_CASE(test_bytes),
        WT_CASE(test_strings),
        WT_CASE(test_utf8_random),
        WT_CASE(test_bitvec_vectors),
        WT_CASE(test_bitvec_edges),
        WT_CASE(test_bitvec_random),
        WT_CASE(test_depth),
        WT_CASE(test_finish_and_args),
        WT_CASE(test_random_mix))
