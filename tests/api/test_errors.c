/* The error-code table of core.h ("One code per kind of failure"): for
 * each kind of bad input, representative functions of every module must
 * return the code the table gives. Each row fails on the code a module
 * used before the table (noted where it differed). */
#include "api_cases.h"

static uint8_t e_in[64], e_out[128];
static wetee_buf e_buf;
static char e_text[128];

static int kp_free_rc(wetee_keypair *kp, int rc)
{
    wetee_keypair_free(kp);
    return rc;
}
static int from_seed(size_t len, int scheme)
{
    wetee_keypair *kp = NULL;
    return kp_free_rc(kp, wetee_keypair_from_seed(&kp, (wetee_scheme)scheme, e_in, len));
}
static int from_suri(const char *suri, size_t len)
{
    wetee_keypair *kp = NULL;
    return kp_free_rc(kp, wetee_keypair_from_suri(&kp, WETEE_SCHEME_SR25519, suri, len));
}
static int suri_parse(const char *text, size_t len)
{
    wetee_suri *s = NULL;
    int rc = wetee_suri_parse(&s, text, len);
    wetee_suri_free(s);
    return rc;
}
/* SCALE reads of hex bytes: which read is `what` (0 u32, 1 bool, 2 compact) */
static int scale_read(const char *hex, int what)
{
    static uint8_t b[16];
    size_t n = wt_unhex(b, sizeof b, hex), used;
    wetee_scale_reader r;
    uint32_t u;
    int v;
    wetee_u128 c;
    wetee_scale_reader_init(&r, b, n);
    return what == 0 ? wetee_scale_get_u32(&r, &u)
         : what == 1 ? wetee_scale_get_bool(&r, &v)
                     : wetee_scale_decode_compact(&c, &used, b, n);
}
static int u128_parse(const char *text)
{
    wetee_u128 v;
    return wetee_u128_from_decimal(&v, text, strlen(text), 0);
}
static int u128_format_small(void)
{
    char small[3];
    return wetee_u128_to_decimal(small, sizeof small, wetee_u128_from_u64(123456), 0);
}
static int ss58_dec(const char *text, size_t len)
{
    uint16_t p;
    return wetee_ss58_decode(&e_buf, &p, text, len);
}
static int ton_addr(const char *text)
{
    wetee_ton_address a;
    return wetee_ton_address_parse(&a, NULL, text, strlen(text));
}
static int ton_boc(const char *hex)
{
    uint8_t b[64];
    size_t n = wt_unhex(b, sizeof b, hex);
    wetee_ton_cell *c = NULL;
    int rc = wetee_ton_boc_parse(&c, b, n, NULL);
    wetee_ton_cell_free(c);
    return rc;
}
static int ton_snake(size_t len)
{
    wetee_ton_builder *b = NULL;
    uint8_t *big = calloc(len, 1);
    int rc;
    if (!big || wetee_ton_builder_new(&b) != WETEE_OK) abort();
    rc = wetee_ton_builder_store_snake(b, big, len);
    wetee_ton_builder_free(b);
    free(big);
    return rc;
}
static int ton_dict_key(size_t len)
{
    wetee_ton_dict *d = NULL;
    wetee_ton_cell *v = NULL;
    int rc;
    if (wetee_ton_dict_new(&d, 32) != WETEE_OK) abort();
    rc = wetee_ton_dict_get(&v, d, e_in, len);
    wetee_ton_cell_free(v);
    wetee_ton_dict_free(d);
    return rc;
}
static int value_json(const char *json)
{
    wetee_value *v = NULL;
    int rc = wetee_value_from_json(&v, json, strlen(json));
    wetee_value_free(v);
    return rc;
}
static int value_uint(size_t len)
{
    wetee_value *v = NULL;
    int rc = wetee_value_new_uint_le(&v, e_in, len);
    wetee_value_free(v);
    return rc;
}
static int metadata_garbage(void)
{
    wetee_metadata *md = NULL;
    static const uint8_t junk[] = { 0x6d, 0x65, 0x74, 0x60, 14, 0 }; /* bad magic */
    int rc = wetee_metadata_parse(&md, junk, sizeof junk, NULL);
    wetee_metadata_free(md);
    return rc;
}
static int keystore_big(void)
{
    size_t n = (1u << 20) + 1;
    char *json = malloc(n);
    wetee_keypair *kp = NULL;
    int rc;
    if (!json) abort();
    memset(json, ' ', n);
    rc = wetee_keystore_import(&kp, json, n, "pw", 2);
    wetee_keypair_free(kp);
    free(json);
    return rc;
}
static int ss58_bad_checksum(void)
{
    char a[] = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    a[sizeof a - 2] = a[sizeof a - 2] == 'Y' ? 'Z' : 'Y';
    return ss58_dec(a, sizeof a - 1);
}
static int eth_bad_eip55(void)
{
    /* the EIP-55 example with one letter's case flipped */
    return wetee_eth_address_from_string(e_out, "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", 42);
}
static int mnemonic_bad_checksum(void)
{
    static const char p[] = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon "
                            "abandon abandon";
    return wetee_mnemonic_validate(p, sizeof p - 1);
}

static char g_long[WETEE_BASE58_MAX_TEXT + 1];
static uint8_t g_long_bytes[WETEE_SURI_MAX_BYTES + 1];

/* X(kind, call, expected code) */
#define ROWS(X)                                                                                                  \
    /* a NULL pointer, an unknown flag, enum or scheme */                                                         \
    X("NULL pointer", wetee_hex_encode(NULL, e_in, 1, 0), WETEE_ERR_INVALID_ARGUMENT)                            \
    X("NULL pointer", wetee_hash_sha256(NULL, e_in, 1), WETEE_ERR_INVALID_ARGUMENT)                              \
    X("NULL pointer", wetee_scale_put_bytes(NULL, e_in, 1), WETEE_ERR_INVALID_ARGUMENT)                          \
    X("NULL pointer", wetee_ss58_encode(&e_buf, NULL, 32, 0), WETEE_ERR_INVALID_ARGUMENT)                        \
    X("NULL pointer", wetee_mnemonic_to_entropy(NULL, "a", 1), WETEE_ERR_INVALID_ARGUMENT)                       \
    X("NULL pointer", wetee_metadata_parse(NULL, e_in, 4, NULL), WETEE_ERR_INVALID_ARGUMENT)                     \
    X("NULL pointer", wetee_ton_boc_parse(NULL, e_in, 4, NULL), WETEE_ERR_INVALID_ARGUMENT)                      \
    X("NULL pointer", wetee_value_from_json(NULL, "1", 1), WETEE_ERR_INVALID_ARGUMENT)                           \
    X("unknown flag", wetee_hex_encode(&e_buf, e_in, 1, 8), WETEE_ERR_INVALID_ARGUMENT)                          \
    X("unknown flag", wetee_base64_encode(&e_buf, e_in, 1, 8), WETEE_ERR_INVALID_ARGUMENT)                       \
    X("unknown enum", wetee_scale_put_bitvec(&e_buf, e_in, 8, (wetee_scale_bitstore)3, WETEE_SCALE_LSB0),       \
      WETEE_ERR_INVALID_ARGUMENT)                                                                                \
    X("unknown scheme", from_seed(32, 99), WETEE_ERR_INVALID_ARGUMENT)                                           \
    /* a binary argument of a length the function does not take (was DECODE in keypair_from_seed) */            \
    X("wrong length", from_seed(31, WETEE_SCHEME_SR25519), WETEE_ERR_INVALID_ARGUMENT)                           \
    X("wrong length", from_seed(64, WETEE_SCHEME_ED25519), WETEE_ERR_INVALID_ARGUMENT)                           \
    X("wrong length", wetee_ss58_encode(&e_buf, e_in, 5, 42), WETEE_ERR_INVALID_ARGUMENT)                        \
    X("wrong length", wetee_mnemonic_from_entropy(&e_buf, e_in, 15), WETEE_ERR_INVALID_ARGUMENT)                 \
    X("wrong length", wetee_hash_blake2b(e_out, 32, e_in, 65, e_in, 1), WETEE_ERR_INVALID_ARGUMENT)              \
    X("wrong length", wetee_eth_address(e_out, e_in, 34), WETEE_ERR_INVALID_ARGUMENT)                            \
    X("wrong length", wetee_bip32_derive(e_out, e_in, 15, "m/0", 3), WETEE_ERR_INVALID_ARGUMENT)                 \
    X("wrong length", wetee_verify(WETEE_SCHEME_SR25519, e_in, 64, e_in, 1, e_in, 31), WETEE_ERR_INVALID_ARGUMENT) \
    X("wrong length", ton_dict_key(3), WETEE_ERR_INVALID_ARGUMENT)                                               \
    X("wrong length", value_uint(33), WETEE_ERR_INVALID_ARGUMENT)                                                \
    /* an input longer than the function's limit (was DECODE in ss58_decode and keystore_import,              \
     * INVALID_ARGUMENT in base58 and SURIs, DEPTH in TON snake strings) */                                      \
    X("too long", wetee_base58_encode(&e_buf, g_long_bytes, WETEE_BASE58_MAX_BYTES + 1), WETEE_ERR_TOO_LONG)     \
    X("too long", wetee_base58_decode(&e_buf, g_long, WETEE_BASE58_MAX_TEXT + 1), WETEE_ERR_TOO_LONG)            \
    X("too long", ss58_dec(g_long, 65), WETEE_ERR_TOO_LONG)                                                      \
    X("too long", suri_parse((const char *)g_long_bytes, WETEE_SURI_MAX_BYTES + 1), WETEE_ERR_TOO_LONG)          \
    X("too long", keystore_big(), WETEE_ERR_TOO_LONG)                                                            \
    X("too long", ton_snake(200000), WETEE_ERR_TOO_LONG)                                                         \
    X("too long", wetee_hash_sha256(e_out, e_in, SIZE_MAX), WETEE_ERR_TOO_LONG)                                  \
    X("too long", value_uint(SIZE_MAX), WETEE_ERR_TOO_LONG)                                                      \
    /* malformed text or bytes, also text that decodes to the wrong length */                                    \
    X("malformed", wetee_hex_decode(&e_buf, "0xzz", 4), WETEE_ERR_DECODE)                                        \
    X("malformed", wetee_hex_decode_exact(e_out, 32, "0x00", 4), WETEE_ERR_DECODE)                               \
    X("malformed", wetee_base64_decode(&e_buf, "!!!!", 4, 0), WETEE_ERR_DECODE)                                  \
    X("malformed", ss58_dec("0GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", 48), WETEE_ERR_DECODE)          \
    X("malformed", wetee_mnemonic_validate("foo bar", 7), WETEE_ERR_DECODE)                                      \
    X("malformed", suri_parse("//", 2), WETEE_ERR_DECODE)                                                        \
    X("malformed", from_suri("0x1234", 6), WETEE_ERR_DECODE)                                                     \
    X("malformed", scale_read("05", 1), WETEE_ERR_DECODE)                                                           \
    X("malformed", metadata_garbage(), WETEE_ERR_DECODE)                                                         \
    X("malformed", value_json("{"), WETEE_ERR_DECODE)                                                            \
    X("malformed", ton_addr("not an address"), WETEE_ERR_DECODE)                                                 \
    /* input that ends before the value */                                                                       \
    X("truncated", scale_read("0102", 0), WETEE_ERR_TRUNCATED)                                                       \
    X("truncated", scale_read("01", 2), WETEE_ERR_TRUNCATED)                                                    \
    X("truncated", ton_boc("b5ee9c72"), WETEE_ERR_TRUNCATED)                                                     \
    /* a value out of its type's range, or an output buffer too small */                                         \
    X("out of range", u128_parse("340282366920938463463374607431768211456"), WETEE_ERR_OVERFLOW)                 \
    X("out of range", wetee_scale_put_compact_big(&e_buf, g_long_bytes, 68), WETEE_ERR_OVERFLOW)                 \
    X("out of range", u128_format_small(), WETEE_ERR_OVERFLOW)                                                   \
    /* a checksum */                                                                                             \
    X("checksum", ss58_bad_checksum(), WETEE_ERR_CHECKSUM)                                                       \
    X("checksum", eth_bad_eip55(), WETEE_ERR_CHECKSUM)                                                           \
    X("checksum", mnemonic_bad_checksum(), WETEE_ERR_CHECKSUM)

typedef struct {
    const char *kind, *call;
    int expect;
} error_row;

void test_error_table(void)
{
#define RUN(kind, call, code)                                                                                   \
    do {                                                                                                        \
        int rc_;                                                                                                \
        wetee_clear_error();                                                                                    \
        rc_ = (call);                                                                                           \
        wt_test_checks++;                                                                                       \
        if (rc_ != (code)) {                                                                                    \
            wt_test_failures++;                                                                                 \
            fprintf(stderr, "errors: %s: %s returned %d (%s), the table says %d (%s); detail: %s\n", kind,       \
                    #call, rc_, wetee_strerror(rc_), (int)(code), wetee_strerror(code), wetee_last_error());     \
        } else {                                                                                                \
            CHECK(wetee_last_error_code() == rc_ && wetee_last_error()[0] != '\0');                             \
        }                                                                                                       \
    } while (0);
    memset(e_in, 0x11, sizeof e_in);
    memset(g_long, 'z', sizeof g_long);
    memset(g_long_bytes, 0xff, sizeof g_long_bytes);
    memcpy(g_long_bytes, "//", 2);
    (void)e_text;
    ROWS(RUN)
    wetee_buf_free(&e_buf);
}
