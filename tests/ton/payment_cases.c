/* TON payments: the coin and jetton payment messages with a memo, the memo
 * read back, one message signed for a wallet with its normalised hash, and
 * bad input. The on-chain behaviour is tested in @ton/sandbox (interop suite
 * ton-sandbox); the hashes below were computed with @ton/core 0.63.1 from
 * the TL-B layouts (tests/interop/ton-sandbox/payment_kat.mjs). Linked into test_ton. */
#include <stdio.h>

#include "wt_test.h"

void test_payment_messages(void);
void test_payment_memo_negative(void);
void test_payment_sign(void);

static const char DEST[] = "0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3";
static const char PAYER[] = "0:d22ce1556a6359cddcb82ee95c95c08110591145e67b5ac70108b030dcf839de";
static const char JW[] = "0:71461a638ce14508ffcf36f0fd9d7171ea1ad75d15b007ec13ed80f0d295fe11";

static wetee_ton_address addr(const char *s)
{
    wetee_ton_address a;
    memset(&a, 0, sizeof a);
    CHECK_OK(wetee_ton_address_parse(&a, NULL, s, strlen(s)));
    return a;
}

static void check_memo(const wetee_ton_cell *c, int is_message, const char *want)
{
    wetee_buf m = WETEE_BUF_INIT;
    CHECK_OK(wetee_ton_payment_memo(&m, c, is_message));
    CHECK(m.len == strlen(want) && m.data && memcmp(m.data, want, m.len) == 0);
    wetee_buf_free(&m);
}

static void check_hash(const wetee_ton_cell *c, const char *hex)
{
    uint8_t h[32];
    CHECK_OK(wetee_ton_cell_hash(h, c));
    CHECK_HEX(h, 32, hex);
}

void test_payment_messages(void)
{
    wetee_ton_address dest = addr(DEST), payer = addr(PAYER), jw = addr(JW);
    wetee_ton_payment_options o = WETEE_TON_PAYMENT_OPTIONS_INIT;
    wetee_ton_cell *m = NULL;
    char long_memo[601];
    for (int i = 0; i < 600; i++) long_memo[i] = (char)('a' + i % 26);
    long_memo[600] = 0;

    /* 2 TON, bounceable, comment "order 42" */
    CHECK_OK(wetee_ton_payment_message(&m, NULL, NULL, &dest, wetee_u128_from_u64(2000000000u), "order 42", 8, NULL));
    check_hash(m, "3471df32080403c0ab555dbc09401901c59b92d5c704e9fc01a35a6926075b59");
    check_memo(m, 1, "order 42");
    wetee_ton_cell_free(m);
    /* non-bounceable, no memo: empty body */
    o.bounce = 0;
    CHECK_OK(wetee_ton_payment_message(&m, NULL, NULL, &dest, wetee_u128_from_u64(1), NULL, 0, &o));
    check_hash(m, "963d54074ae2289542e77d131dc65af56fb7feb4d57f9832914261acb5662898");
    check_memo(m, 1, "");
    wetee_ton_cell_free(m);
    /* a long UTF-8 memo continues in references (600 bytes: 5 cells) */
    CHECK_OK(wetee_ton_payment_message(&m, NULL, NULL, &dest, wetee_u128_from_u64(5), long_memo, 600, NULL));
    check_hash(m, "2ba53d45c2803d66092f18e6ab964cbf002e22be4ad37a384e740f3fb90b0fbb");
    check_memo(m, 1, long_memo);
    wetee_ton_cell_free(m);
    /* jetton: 1.5 USDT-like units, defaults (0.05 TON attached, 1 nanoton forwarded) */
    CHECK_OK(wetee_ton_payment_message(&m, &payer, &jw, &dest, wetee_u128_from_u64(1500000), "order 42 — ✓", strlen("order 42 — ✓"),
                                       NULL));
    check_hash(m, "4bac6e0f9401a11da78293e4d14981c0f0bd50b53883bdd26f77f324c9711126");
    check_memo(m, 1, "order 42 — ✓");
    wetee_ton_cell_free(m);
    /* jetton with options: query id, other response destination and amounts, long memo */
    o = (wetee_ton_payment_options)WETEE_TON_PAYMENT_OPTIONS_INIT;
    o.query_id = 77;
    o.response_destination = &dest;
    o.jetton_ton_amount = wetee_u128_from_u64(100000000);
    o.forward_ton_amount = wetee_u128_from_u64(10000000);
    CHECK_OK(wetee_ton_payment_message(&m, NULL, &jw, &dest, wetee_u128_from_u64(7), long_memo, 600, &o));
    check_hash(m, "e08551e80030ff09b0f511a7b3657ada91fb3a6a30c35847069389dbcefaf2b9");
    check_memo(m, 1, long_memo);
    wetee_ton_cell_free(m);
}

void test_payment_memo_negative(void)
{
    wetee_ton_address dest = addr(DEST), jw = addr(JW);
    wetee_ton_payment_options o = WETEE_TON_PAYMENT_OPTIONS_INIT;
    wetee_ton_cell *m = NULL, *c = NULL;
    wetee_ton_builder *b = NULL;
    wetee_buf memo = WETEE_BUF_INIT;
    static char big[WETEE_TON_MEMO_MAX_BYTES + 1];
    wetee_u128 too_big = { 0, (uint64_t)1 << 56 };
    memset(big, 'x', sizeof big);

    CHECK_ERR(wetee_ton_payment_message(&m, NULL, NULL, &dest, wetee_u128_from_u64(1), "bad \xff", 5, NULL),
              WETEE_ERR_DECODE);
    CHECK_DETAIL("memo is not UTF-8 at byte 4");
    CHECK(m == NULL);
    CHECK_ERR(wetee_ton_payment_message(&m, NULL, NULL, &dest, wetee_u128_from_u64(1), big, sizeof big, NULL),
              WETEE_ERR_TOO_LONG);
    CHECK_OK(wetee_ton_payment_message(&m, NULL, NULL, &dest, wetee_u128_from_u64(1), big, sizeof big - 1, NULL));
    wetee_ton_cell_free(m);
    m = NULL;
    CHECK_ERR(wetee_ton_payment_message(&m, NULL, NULL, &dest, wetee_u128_from_u64(0), "x", 1, NULL),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK_DETAIL("amount is zero");
    CHECK_ERR(wetee_ton_payment_message(&m, NULL, NULL, &dest, too_big, "x", 1, NULL), WETEE_ERR_OVERFLOW);
    CHECK_ERR(wetee_ton_payment_message(&m, NULL, &jw, &dest, wetee_u128_from_u64(1), "x", 1, NULL),
              WETEE_ERR_INVALID_ARGUMENT); /* jetton without a payer */
    CHECK_ERR(wetee_ton_payment_message(&m, NULL, NULL, NULL, wetee_u128_from_u64(1), "x", 1, NULL),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_ton_payment_message(&m, NULL, NULL, &dest, wetee_u128_from_u64(1), NULL, 1, NULL),
              WETEE_ERR_INVALID_ARGUMENT);
    o.version = 99;
    CHECK_ERR(wetee_ton_payment_message(&m, NULL, NULL, &dest, wetee_u128_from_u64(1), "x", 1, &o),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK_DETAIL("unknown options version 99");

    /* bodies that carry no comment */
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_uint(b, 0x12345678, 32));
    CHECK_OK(wetee_ton_builder_end(&c, b));
    CHECK_ERR(wetee_ton_payment_memo(&memo, c, 0), WETEE_ERR_NOT_FOUND);
    CHECK_DETAIL("op 0x12345678");
    CHECK_ERR(wetee_ton_payment_memo(&memo, c, 1), WETEE_ERR_TRUNCATED); /* read as int_msg_info: too short */
    wetee_ton_cell_free(c);
    wetee_ton_builder_free(b);
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_uint(b, 5, 7));
    CHECK_OK(wetee_ton_builder_end(&c, b));
    CHECK_ERR(wetee_ton_payment_memo(&memo, c, 0), WETEE_ERR_NOT_FOUND);
    wetee_ton_cell_free(c);
    wetee_ton_builder_free(b);
    /* a comment that is not UTF-8, and one that is not whole bytes */
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_uint(b, 0, 32));
    CHECK_OK(wetee_ton_builder_store_uint(b, 0xc3, 8));
    CHECK_OK(wetee_ton_builder_end(&c, b));
    CHECK_ERR(wetee_ton_payment_memo(&memo, c, 0), WETEE_ERR_DECODE);
    CHECK_DETAIL("not UTF-8 at byte 0");
    wetee_ton_cell_free(c);
    wetee_ton_builder_free(b);
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_uint(b, 0, 35));
    CHECK_OK(wetee_ton_builder_end(&c, b));
    CHECK_ERR(wetee_ton_payment_memo(&memo, c, 0), WETEE_ERR_DECODE);
    wetee_ton_cell_free(c);
    wetee_ton_builder_free(b);
    /* a truncated jetton transfer */
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_uint(b, 0x0f8a7ea5, 32));
    CHECK_OK(wetee_ton_builder_store_uint(b, 1, 64));
    CHECK_OK(wetee_ton_builder_end(&c, b));
    CHECK_ERR(wetee_ton_payment_memo(&memo, c, 0), WETEE_ERR_TRUNCATED);
    wetee_ton_cell_free(c);
    wetee_ton_builder_free(b);
    CHECK_ERR(wetee_ton_payment_memo(NULL, c, 0), WETEE_ERR_INVALID_ARGUMENT);
    wetee_buf_free(&memo);
}

void test_payment_sign(void)
{
    static const char *const MNEMONIC =
        "hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry senior "
        "coconut label tumble carry category beauty bean road solution";
    uint8_t secret[64], pub[32], h[32], h2[32], other[64];
    wetee_ton_wallet *w = NULL, *hl = NULL;
    wetee_ton_cell *m = NULL, *ext = NULL, *ext2 = NULL;
    wetee_ton_address dest = addr(DEST);
    uint32_t id = 0;
    CHECK_OK(wetee_ton_mnemonic_to_keypair(secret, pub, MNEMONIC, strlen(MNEMONIC), NULL, 0));
    CHECK_OK(wetee_ton_wallet_default_id(&id, WETEE_TON_WALLET_V5R1, 0, WETEE_TON_NETWORK_MAINNET));
    CHECK_OK(wetee_ton_wallet_new(&w, WETEE_TON_WALLET_V5R1, pub, 0, id));
    CHECK_OK(wetee_ton_payment_message(&m, NULL, NULL, &dest, wetee_u128_from_u64(2000000000u), "order 42", 8, NULL));
    /* seqno 0 deploys (StateInit included), seqno 5 does not; the normalised hash equals the function's */
    CHECK_OK(wetee_ton_wallet_sign_payment(&ext, h, w, secret, 0, 1767225660u, WETEE_TON_SEND_DEFAULT, m));
    CHECK_OK(wetee_ton_message_normalized_hash(h2, ext));
    CHECK(memcmp(h, h2, 32) == 0);
    check_hash(ext, "e25b4d6d3f950122905bfa8f4e0c73fb5f1a8b451e864b6bda5045698e7a1b17");
    CHECK_OK(wetee_ton_wallet_sign_payment(&ext2, NULL, w, secret, 5, 1767225660u, WETEE_TON_SEND_DEFAULT, m));
    CHECK_OK(wetee_ton_message_normalized_hash(h2, ext2));
    CHECK(memcmp(h, h2, 32) != 0);
    wetee_ton_cell_free(ext2);
    ext2 = NULL;
    /* bad input */
    memcpy(other, secret, 64);
    other[40] ^= 1;
    CHECK_ERR(wetee_ton_wallet_sign_payment(&ext2, h, w, other, 0, 1, 3, m), WETEE_ERR_INVALID_ARGUMENT);
    CHECK(ext2 == NULL);
    CHECK_ERR(wetee_ton_wallet_sign_payment(&ext2, h, w, secret, 0, 1, 256, m), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_ton_wallet_sign_payment(&ext2, h, w, secret, 0, 1, 3, NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_OK(wetee_ton_wallet_new_highload_v3(&hl, pub, 0, WETEE_TON_HIGHLOAD_SUBWALLET_DEFAULT,
                                              WETEE_TON_HIGHLOAD_TIMEOUT_DEFAULT));
    CHECK_ERR(wetee_ton_wallet_sign_payment(&ext2, h, hl, secret, 0, 1, 3, m), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_DETAIL("highload");
    wetee_wipe(secret, sizeof secret);
    wetee_wipe(other, sizeof other);
    wetee_ton_cell_free(m);
    wetee_ton_cell_free(ext);
    wetee_ton_wallet_free(w);
    wetee_ton_wallet_free(hl);
}
