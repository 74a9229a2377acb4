/* Core: status codes, error detail, allocator hooks, buffers, text codecs,
 * constant-time helpers and u128 decimal conversion. */
#include <inttypes.h>

#include "wt_test.h"

WT_TEST(test_version_and_status)
{
    CHECK_STR(wetee_version_string(), WETEE_VERSION_STRING);
    CHECK(wetee_version_number() == WETEE_VERSION_NUMBER);
    CHECK_STR(wetee_strerror(WETEE_OK), "success");
    CHECK_STR(wetee_strerror(WETEE_ERR_TRUNCATED), "truncated input");
    CHECK_STR(wetee_strerror(12345), "unknown error");
    for (int c = WETEE_ERR_INTERNAL; c < 0; c++) CHECK(strcmp(wetee_strerror(c), "unknown error") != 0);
    wetee_clear_error();
    CHECK_STR(wetee_last_error(), "");
    CHECK(wetee_last_error_code() == WETEE_OK);
}

static size_t alloc_calls, free_calls;
static void *counting_malloc(size_t n, void *ctx) { (void)ctx; alloc_calls++; return malloc(n); }
static void *counting_realloc(void *p, size_t n, void *ctx) { (void)ctx; if (!p) alloc_calls++; return realloc(p, n); }
static void counting_free(void *p, void *ctx) { (void)ctx; if (p) free_calls++; free(p); }
static void *failing_malloc(size_t n, void *ctx) { (void)n; (void)ctx; return NULL; }
static void *failing_realloc(void *p, size_t n, void *ctx) { (void)p; (void)n; (void)ctx; return NULL; }

WT_TEST(test_allocator_hooks)
{
    wetee_allocator a = WETEE_ALLOCATOR_INIT;
    wetee_buf b = WETEE_BUF_INIT;
    CHECK_ERR(wetee_set_allocator(&a), WETEE_ERR_INVALID_ARGUMENT); /* missing functions */
    a.malloc_fn = counting_malloc; a.realloc_fn = counting_realloc; a.free_fn = counting_free;
    a.version = 99;
    CHECK_ERR(wetee_set_allocator(&a), WETEE_ERR_INVALID_ARGUMENT);
    a.version = WETEE_ALLOCATOR_VERSION;
    CHECK_OK(wetee_set_allocator(&a));
    alloc_calls = free_calls = 0;
    CHECK_OK(wetee_hex_encode(&b, (const uint8_t *)"abc", 3, 0));
    wetee_buf_free(&b);
    CHECK_OK(wetee_base58_encode(&b, (const uint8_t *)"abc", 3));
    wetee_buf_free(&b);
    CHECK(alloc_calls >= 2);
    CHECK(alloc_calls == free_calls);
    /* an allocator that fails gives WETEE_ERR_NO_MEMORY, not a crash */
    a.malloc_fn = failing_malloc; a.realloc_fn = failing_realloc;
    CHECK_OK(wetee_set_allocator(&a));
    CHECK_ERR(wetee_hex_encode(&b, (const uint8_t *)"abc", 3, 0), WETEE_ERR_NO_MEMORY);
    CHECK_ERR(wetee_base58_decode(&b, "abc", 3), WETEE_ERR_NO_MEMORY);
    CHECK_OK(wetee_set_allocator(NULL));
    wetee_buf_free(&b);
}

WT_TEST(test_buf)
{
    wetee_buf b = WETEE_BUF_INIT;
    uint8_t big[1000];
    memset(big, 7, sizeof big);
    CHECK_OK(wetee_buf_append(&b, (const uint8_t *)"ab", 2));
    for (int i = 0; i < 100; i++) CHECK_OK(wetee_buf_append(&b, big, sizeof big));
    CHECK(b.len == 2 + 100 * sizeof big);
    CHECK(b.data[0] == 'a' && b.data[b.len - 1] == 7);
    CHECK_OK(wetee_buf_append(&b, NULL, 0));
    CHECK_ERR(wetee_buf_append(&b, NULL, 3), WETEE_ERR_INVALID_ARGUMENT);
    CHECK(strstr(wetee_last_error(), "NULL") != NULL);
    CHECK_ERR(wetee_buf_append(NULL, big, 3), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_OK(wetee_buf_reserve(&b, 5000));
    CHECK(b.cap >= b.len + 5000);
    CHECK_ERR(wetee_buf_reserve(&b, SIZE_MAX), WETEE_ERR_NO_MEMORY);
    wetee_buf_clear(&b);
    CHECK(b.len == 0 && b.data != NULL);
    wetee_buf_free_secure(&b);
    CHECK(b.data == NULL && b.len == 0 && b.cap == 0);
    wetee_buf_free(NULL);
    wetee_buf_free_secure(NULL);
}

WT_TEST(test_hex)
{
    wetee_buf b = WETEE_BUF_INIT;
    uint8_t out[4];
    const uint8_t bytes[] = { 0x00, 0x01, 0xab, 0xff };
    CHECK_OK(wetee_hex_encode(&b, bytes, 4, 0));
    CHECK_STR((const char *)b.data, "0001abff");
    CHECK_OK(wetee_hex_encode(&b, bytes, 4, WETEE_HEX_PREFIX | WETEE_HEX_UPPER));
    CHECK_STR((const char *)b.data, "0x0001ABFF");
    CHECK_OK(wetee_hex_encode(&b, NULL, 0, WETEE_HEX_PREFIX));
    CHECK_STR((const char *)b.data, "0x");
    CHECK_ERR(wetee_hex_encode(&b, bytes, 4, 8), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_OK(wetee_hex_decode(&b, "0x0001AbfF", 10));
    CHECK(b.len == 4 && memcmp(b.data, bytes, 4) == 0);
    CHECK_OK(wetee_hex_decode(&b, "0001abff", 8));
    CHECK(b.len == 4 && memcmp(b.data, bytes, 4) == 0);
    CHECK_OK(wetee_hex_decode(&b, "0x", 2));
    CHECK(b.len == 0);
    CHECK_OK(wetee_hex_decode(&b, "", 0));
    CHECK(b.len == 0);
    CHECK_ERR(wetee_hex_decode(&b, "0x123", 5), WETEE_ERR_DECODE);
    CHECK(strstr(wetee_last_error(), "odd") != NULL);
    CHECK_ERR(wetee_hex_decode(&b, "00g0", 4), WETEE_ERR_DECODE);
    CHECK(strstr(wetee_last_error(), "offset 2") != NULL);
    CHECK_ERR(wetee_hex_decode(&b, "0x 0", 4), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_hex_decode(&b, "00\0" "0", 4), WETEE_ERR_DECODE); /* embedded NUL */
    CHECK_ERR(wetee_hex_decode(&b, "0X0x", 4), WETEE_ERR_DECODE);
    CHECK_OK(wetee_hex_decode_exact(out, 4, "0x0001abff", 10));
    CHECK(memcmp(out, bytes, 4) == 0);
    CHECK_ERR(wetee_hex_decode_exact(out, 4, "0001ab", 6), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_hex_decode_exact(out, 4, "0001abff00", 10), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_hex_decode_exact(out, 4, "0001abf", 7), WETEE_ERR_DECODE);
    /* random round trips */
    for (int i = 0; i < 200; i++) {
        uint8_t r[64];
        wetee_buf t = WETEE_BUF_INIT;
        size_t n = wt_rand() % sizeof r;
        for (size_t j = 0; j < n; j++) r[j] = (uint8_t)wt_rand();
        CHECK_OK(wetee_hex_encode(&t, r, n, (unsigned)(wt_rand() % 4)));
        CHECK_OK(wetee_hex_decode(&b, (const char *)t.data, t.len));
        CHECK(b.len == n && (n == 0 || memcmp(b.data, r, n) == 0));
        wetee_buf_free(&t);
    }
    wetee_buf_free(&b);
}

WT_TEST(test_base58)
{
    /* vectors from draft-msporny-base58 and Bitcoin's base58_encode_decode.json */
    static const struct { const char *hex, *b58; } v[] = {
        { "", "" },
        { "61", "2g" },
        { "626262", "a3gV" },
        { "636363", "aPEr" },
        { "73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2" },
        { "00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L" },
        { "516b6fcd0f", "ABnLTmg" },
        { "bf4f89001e670274dd", "3SEo3LWLoPntC" },
        { "572e4794", "3EFU7m" },
        { "ecac89cad93923c02321", "EJDM8drfXA6uyA" },
        { "10c8511e", "Rt5zm" },
        { "00000000000000000000", "1111111111" },
        { "48656c6c6f20576f726c6421", "2NEpo7TZRRrLZSi2U" },
        { "000000287fb4cd", "111233QC4" },
    };
    wetee_buf b = WETEE_BUF_INIT;
    uint8_t raw[64];
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        size_t n = wt_unhex(raw, sizeof raw, v[i].hex);
        CHECK_OK(wetee_base58_encode(&b, raw, n));
        CHECK_STR((const char *)b.data, v[i].b58);
        CHECK_OK(wetee_base58_decode(&b, v[i].b58, strlen(v[i].b58)));
        CHECK(b.len == n && (n == 0 || memcmp(b.data, raw, n) == 0));
    }
    /* long inputs (the decoder's limbs leave the stack above ~170 characters) */
    static const size_t long_sizes[] = { 100, 150, 225, 337, 505, 757, WETEE_BASE58_MAX_BYTES };
    for (size_t li = 0; li < sizeof long_sizes / sizeof long_sizes[0]; li++) {
        size_t n = long_sizes[li];
        uint8_t *r = malloc(n);
        wetee_buf t = WETEE_BUF_INIT;
        for (size_t j = 0; j < n; j++) r[j] = j < 3 ? 0 : (uint8_t)wt_rand();
        CHECK_OK(wetee_base58_encode(&t, r, n));
        CHECK_OK(wetee_base58_decode(&b, (const char *)t.data, t.len));
        CHECK(b.len == n && memcmp(b.data, r, n) == 0);
        wetee_buf_free(&t);
        free(r);
    }
    /* the caps: quadratic work stays bounded (core.h) */
    {
        static uint8_t big[WETEE_BASE58_MAX_BYTES + 1];
        static char text[WETEE_BASE58_MAX_TEXT + 1];
        wetee_buf t = WETEE_BUF_INIT;
        memset(big, 0xff, sizeof big);
        memset(text, 'z', sizeof text);
        CHECK_OK(wetee_base58_encode(&t, big, WETEE_BASE58_MAX_BYTES)); /* the largest encoding decodes */
        CHECK(t.len <= WETEE_BASE58_MAX_TEXT);
        CHECK_OK(wetee_base58_decode(&b, (const char *)t.data, t.len));
        CHECK(b.len == WETEE_BASE58_MAX_BYTES);
        CHECK_ERR(wetee_base58_encode(&t, big, WETEE_BASE58_MAX_BYTES + 1), WETEE_ERR_TOO_LONG);
        CHECK_STR(wetee_last_error(), "base58: 1025 bytes to encode, above the limit of 1024");
        CHECK_ERR(wetee_base58_decode(&b, text, WETEE_BASE58_MAX_TEXT + 1), WETEE_ERR_TOO_LONG);
        CHECK_STR(wetee_last_error(), "base58: text of 1401 characters, above the limit of 1400");
        CHECK_OK(wetee_base58_decode(&b, text, WETEE_BASE58_MAX_TEXT));
        wetee_buf_free(&t);
    }
    CHECK_ERR(wetee_base58_decode(&b, "3SEo0LW", 7), WETEE_ERR_DECODE); /* '0' not in alphabet */
    CHECK(strstr(wetee_last_error(), "offset 4") != NULL);
    CHECK_ERR(wetee_base58_decode(&b, "abcIl", 5), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_base58_decode(&b, "ab\xff", 3), WETEE_ERR_DECODE);
    for (int i = 0; i < 300; i++) {
        uint8_t r[80];
        wetee_buf t = WETEE_BUF_INIT;
        size_t n = wt_rand() % sizeof r, z = wt_rand() % 4;
        for (size_t j = 0; j < n; j++) r[j] = j < z ? 0 : (uint8_t)wt_rand();
        CHECK_OK(wetee_base58_encode(&t, r, n));
        CHECK_OK(wetee_base58_decode(&b, (const char *)t.data, t.len));
        CHECK(b.len == n && (n == 0 || memcmp(b.data, r, n) == 0));
        wetee_buf_free(&t);
    }
    wetee_buf_free(&b);
}

WT_TEST(test_base64)
{
    /* RFC 4648 section 10 */
    static const char *plain[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
    static const char *enc[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
    static const char *nopad[] = { "", "Zg", "Zm8", "Zm9v", "Zm9vYg", "Zm9vYmE", "Zm9vYmFy" };
    wetee_buf b = WETEE_BUF_INIT;
    for (int i = 0; i < 7; i++) {
        size_t n = strlen(plain[i]);
        CHECK_OK(wetee_base64_encode(&b, (const uint8_t *)plain[i], n, 0));
        CHECK_STR((const char *)b.data, enc[i]);
        CHECK_OK(wetee_base64_encode(&b, (const uint8_t *)plain[i], n, WETEE_BASE64_NOPAD));
        CHECK_STR((const char *)b.data, nopad[i]);
        CHECK_OK(wetee_base64_decode(&b, enc[i], strlen(enc[i]), 0));
        CHECK(b.len == n && memcmp(b.data, plain[i], n) == 0);
        CHECK_OK(wetee_base64_decode(&b, nopad[i], strlen(nopad[i]), WETEE_BASE64_NOPAD));
        CHECK(b.len == n && memcmp(b.data, plain[i], n) == 0);
        CHECK_OK(wetee_base64_decode(&b, nopad[i], strlen(nopad[i]), 0)); /* unpadded accepted */
        CHECK(b.len == n && memcmp(b.data, plain[i], n) == 0);
    }
    {
        const uint8_t x[] = { 0xfb, 0xff, 0xbf };
        CHECK_OK(wetee_base64_encode(&b, x, 3, 0));
        CHECK_STR((const char *)b.data, "+/+/");
        CHECK_OK(wetee_base64_encode(&b, x, 3, WETEE_BASE64_URL));
        CHECK_STR((const char *)b.data, "-_-_");
        CHECK_OK(wetee_base64_decode(&b, "-_-_", 4, WETEE_BASE64_URL));
        CHECK(b.len == 3 && memcmp(b.data, x, 3) == 0);
        CHECK_ERR(wetee_base64_decode(&b, "-_-_", 4, 0), WETEE_ERR_DECODE);
        CHECK_ERR(wetee_base64_decode(&b, "+/+/", 4, WETEE_BASE64_URL), WETEE_ERR_DECODE);
    }
    CHECK_ERR(wetee_base64_decode(&b, "Zg=", 3, 0), WETEE_ERR_DECODE);      /* short padding */
    CHECK_ERR(wetee_base64_decode(&b, "Zg==", 4, WETEE_BASE64_NOPAD), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_base64_decode(&b, "Zh==", 4, 0), WETEE_ERR_DECODE);     /* non-zero trailing bits */
    CHECK(strstr(wetee_last_error(), "trailing bits") != NULL);
    CHECK_ERR(wetee_base64_decode(&b, "Z", 1, 0), WETEE_ERR_DECODE);        /* impossible length */
    CHECK_ERR(wetee_base64_decode(&b, "Zm9v\nYg==", 9, 0), WETEE_ERR_DECODE); /* whitespace */
    CHECK(strstr(wetee_last_error(), "offset 4") != NULL);
    CHECK_ERR(wetee_base64_decode(&b, "Zm9v===", 7, 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_base64_decode(&b, "Zm=v", 4, 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_base64_decode(&b, "====", 4, 0), WETEE_ERR_DECODE);
    for (int i = 0; i < 300; i++) {
        uint8_t r[70];
        wetee_buf t = WETEE_BUF_INIT;
        size_t n = wt_rand() % sizeof r;
        unsigned f = (unsigned)(wt_rand() % 4);
        for (size_t j = 0; j < n; j++) r[j] = (uint8_t)wt_rand();
        CHECK_OK(wetee_base64_encode(&t, r, n, f));
        CHECK(t.len == ((f & WETEE_BASE64_NOPAD) ? (n * 4 + 2) / 3 : (n + 2) / 3 * 4));
        CHECK_OK(wetee_base64_decode(&b, (const char *)t.data, t.len, f));
        CHECK(b.len == n && (n == 0 || memcmp(b.data, r, n) == 0));
        wetee_buf_free(&t);
    }
    wetee_buf_free(&b);
}

WT_TEST(test_ct_and_wipe)
{
    uint8_t a[32], b[32];
    memset(a, 0x5a, sizeof a);
    memcpy(b, a, sizeof b);
    CHECK(wetee_ct_equal(a, b, 32) == 1);
    for (int i = 0; i < 32; i++) {
        b[i] ^= 1;
        CHECK(wetee_ct_equal(a, b, 32) == 0);
        b[i] ^= 1;
    }
    b[31] ^= 0x80;
    CHECK(wetee_ct_equal(a, b, 32) == 0);
    CHECK(wetee_ct_equal(a, b, 31) == 1);
    CHECK(wetee_ct_equal(NULL, b, 0) == 1);
    CHECK(wetee_ct_equal(NULL, b, 1) == 0);
    wetee_wipe(a, sizeof a);
    for (int i = 0; i < 32; i++) CHECK(a[i] == 0);
    wetee_wipe(NULL, 5);
}

static wetee_u128 u128(uint64_t hi, uint64_t lo)
{
    wetee_u128 v = { lo, hi };
    return v;
}

static void check_dec(const char *text, unsigned decimals, wetee_u128 want, const char *canon)
{
    wetee_u128 v = { 1, 1 };
    char s[WETEE_U128_DECIMAL_BUFSIZE];
    CHECK_OK(wetee_u128_from_decimal(&v, text, strlen(text), decimals));
    CHECK(v.lo == want.lo && v.hi == want.hi);
    CHECK_OK(wetee_u128_to_decimal(s, sizeof s, v, decimals));
    CHECK_STR(s, canon);
}

WT_TEST(test_u128_decimal)
{
    const wetee_u128 max = u128(UINT64_MAX, UINT64_MAX);
    wetee_u128 v;
    char s[WETEE_U128_DECIMAL_BUFSIZE];
    check_dec("1.5", 10, u128(0, 15000000000ull), "1.5");
    check_dec("0", 10, u128(0, 0), "0");
    check_dec("0.0000000001", 10, u128(0, 1), "0.0000000001");
    check_dec("1.0", 10, u128(0, 10000000000ull), "1");
    check_dec("007", 0, u128(0, 7), "7");
    check_dec("340282366920938463463374607431768211455", 0, max, "340282366920938463463374607431768211455");
    check_dec("3.40282366920938463463374607431768211455", 38, max, "3.40282366920938463463374607431768211455");
    check_dec("0.00000000000000000000000000000000000001", 38, u128(0, 1), "0.00000000000000000000000000000000000001");
    check_dec("18446744073709551616", 0, u128(1, 0), "18446744073709551616");
    check_dec("123456789.123456789012345678", 18, u128(0x661efdull, 0xf2e3b19f7564f34eull), "123456789.123456789012345678");
    /* errors */
    CHECK_ERR(wetee_u128_from_decimal(&v, "1.00000000001", 13, 10), WETEE_ERR_NON_CANONICAL);
    CHECK(strstr(wetee_last_error(), "offset 12") != NULL);
    CHECK_ERR(wetee_u128_from_decimal(&v, "1.50", 4, 1), WETEE_ERR_NON_CANONICAL);
    CHECK_ERR(wetee_u128_from_decimal(&v, "340282366920938463463374607431768211456", 39, 0), WETEE_ERR_OVERFLOW);
    CHECK_ERR(wetee_u128_from_decimal(&v, "34028236692093846346337460743176821145.6", 40, 1), WETEE_ERR_OVERFLOW);
    CHECK_ERR(wetee_u128_from_decimal(&v, "3.5", 3, 38), WETEE_ERR_OVERFLOW);
    CHECK_ERR(wetee_u128_from_decimal(&v, "-1", 2, 10), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_u128_from_decimal(&v, "+1", 2, 10), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_u128_from_decimal(&v, " 1", 2, 10), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_u128_from_decimal(&v, "1 ", 2, 10), WETEE_ERR_DECODE);
    CHECK(strstr(wetee_last_error(), "offset 1") != NULL);
    CHECK_ERR(wetee_u128_from_decimal(&v, "1.", 2, 10), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_u128_from_decimal(&v, ".5", 2, 10), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_u128_from_decimal(&v, "1e5", 3, 10), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_u128_from_decimal(&v, "1,000", 5, 10), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_u128_from_decimal(&v, "1.2.3", 5, 10), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_u128_from_decimal(&v, "", 0, 10), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_u128_from_decimal(&v, "1", 1, 39), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_u128_to_decimal(s, 3, u128(0, 1234), 0), WETEE_ERR_OVERFLOW);
    CHECK_OK(wetee_u128_to_decimal(s, 5, u128(0, 1234), 0));
    CHECK_STR(s, "1234");
    /* random round trips at every decimals value */
    for (int i = 0; i < 2000; i++) {
        wetee_u128 r = u128(wt_rand() >> (wt_rand() % 64), wt_rand());
        unsigned d = (unsigned)(wt_rand() % 39);
        CHECK_OK(wetee_u128_to_decimal(s, sizeof s, r, d));
        CHECK_OK(wetee_u128_from_decimal(&v, s, strlen(s), d));
        CHECK(v.lo == r.lo && v.hi == r.hi);
    }
}

WT_TEST(test_u128_arith)
{
    wetee_u128 r, max = u128(UINT64_MAX, UINT64_MAX);
    uint8_t le[16];
    CHECK_OK(wetee_u128_add(&r, u128(0, UINT64_MAX), u128(0, 1)));
    CHECK(r.hi == 1 && r.lo == 0);
    CHECK_ERR(wetee_u128_add(&r, max, u128(0, 1)), WETEE_ERR_OVERFLOW);
    CHECK_ERR(wetee_u128_add(&r, u128(UINT64_MAX, 0), u128(1, 0)), WETEE_ERR_OVERFLOW);
    CHECK_ERR(wetee_u128_add(&r, u128(UINT64_MAX, UINT64_MAX), u128(0, 1)), WETEE_ERR_OVERFLOW);
    CHECK_OK(wetee_u128_sub(&r, u128(1, 0), u128(0, 1)));
    CHECK(r.hi == 0 && r.lo == UINT64_MAX);
    CHECK_ERR(wetee_u128_sub(&r, u128(0, 1), u128(0, 2)), WETEE_ERR_OVERFLOW);
    CHECK_OK(wetee_u128_mul(&r, u128(0, UINT64_MAX), u128(0, UINT64_MAX)));
    CHECK(r.hi == UINT64_MAX - 1 && r.lo == 1);
    CHECK_ERR(wetee_u128_mul(&r, u128(1, 0), u128(1, 0)), WETEE_ERR_OVERFLOW);
    CHECK_ERR(wetee_u128_mul(&r, u128(0, 1ull << 63), u128(2, 0)), WETEE_ERR_OVERFLOW);
    CHECK_OK(wetee_u128_mul(&r, u128(0, 1ull << 63), u128(1, 0)));
    CHECK(r.hi == 1ull << 63 && r.lo == 0);
    CHECK(wetee_u128_cmp(u128(1, 0), u128(0, UINT64_MAX)) == 1);
    CHECK(wetee_u128_cmp(u128(0, 5), u128(0, 5)) == 0);
    CHECK(wetee_u128_cmp(u128(0, 4), u128(0, 5)) == -1);
    wetee_u128_to_le(le, u128(0x0102030405060708ull, 0x090a0b0c0d0e0f10ull));
    CHECK_HEX(le, 16, "100f0e0d0c0b0a090807060504030201");
    r = wetee_u128_from_le(le);
    CHECK(r.hi == 0x0102030405060708ull && r.lo == 0x090a0b0c0d0e0f10ull);
}

/* A failed decode leaves no decoded byte behind (it may be a secret). */
WT_TEST(test_failed_decode_wipes)
{
    wetee_buf b = WETEE_BUF_INIT;
    uint8_t out[4] = { 0xee, 0xee, 0xee, 0xee };
    size_t k, nonzero;

    CHECK_ERR(wetee_hex_decode(&b, "0x41424344zz", 12), WETEE_ERR_DECODE);
    CHECK(b.len == 0 && b.data != NULL);
    for (k = 0, nonzero = 0; b.data && k < 5; k++) nonzero += b.data[k] != 0;
    CHECK(nonzero == 0);

    CHECK_ERR(wetee_base64_decode(&b, "QUJDREVGRx", 10, 0), WETEE_ERR_DECODE); /* "ABCDEF" then bad trailing bits */
    CHECK(b.len == 0);
    for (k = 0, nonzero = 0; b.data && k < 6; k++) nonzero += b.data[k] != 0;
    CHECK(nonzero == 0);

    CHECK_ERR(wetee_hex_decode_exact(out, 4, "414243zz", 8), WETEE_ERR_DECODE);
    CHECK(out[0] == 0 && out[1] == 0 && out[2] == 0 && out[3] == 0);
    memset(out, 0xee, sizeof out);
    CHECK_ERR(wetee_hex_decode_exact(out, 4, "414243", 6), WETEE_ERR_DECODE); /* wrong length */
    CHECK(out[0] == 0 && out[3] == 0);
    wetee_buf_free(&b);
}

WT_MAIN("core", WT_CASE(test_version_and_status), WT_CASE(test_allocator_hooks), WT_CASE(test_buf),
        WT_CASE(test_hex), WT_CASE(test_base58), WT_CASE(test_base64), WT_CASE(test_ct_and_wipe),
        WT_CASE(test_u128_decimal), WT_CASE(test_u128_arith), WT_CASE(test_failed_decode_wipes))
