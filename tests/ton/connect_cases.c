/* TON Connect: TEP-467 normalised message hash, public key from a StateInit,
 * ton_proof (vector of xssnick/tonutils-go ton/wallet/proof_test.go, quoted
 * in ../shared/reference/ton.md §5), with negative tests. Linked into test_ton. */
#include <stdio.h>

#include "wt_test.h"

void test_normalized_hash(void);
void test_state_init_public_key(void);
void test_ton_proof_vector(void);
void test_ton_proof_own(void);

static const char *const MNEMONIC =
    "hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry senior coconut "
    "label tumble carry category beauty bean road solution";

static wetee_ton_wallet *make_wallet(int version, uint8_t secret[64], uint8_t pub[32])
{
    wetee_ton_wallet *w = NULL;
    uint32_t id = 0;
    CHECK_OK(wetee_ton_mnemonic_to_keypair(secret, pub, MNEMONIC, strlen(MNEMONIC), NULL, 0));
    CHECK_OK(wetee_ton_wallet_default_id(&id, version, 0, WETEE_TON_NETWORK_MAINNET));
    CHECK_OK(wetee_ton_wallet_new(&w, version, pub, 0, id));
    return w;
}

/* The signed W5 transfer of examples/ton_transfer.c (1.5 TON, comment "order 42", seqno 0, valid until
 * 1767225600): normalised hash computed with @ton/core 0.63.1 following the TON documentation's
 * normalisation (tests/interop/ton/ton_diff.mjs normHash). */
#define DEMO_NORM_HASH "e716dd1f1057b7650b48822267c2d571a6de9c6dca0f6f92179bb3ea5860af0e"

void test_normalized_hash(void)
{
    uint8_t secret[64], pub[32], h1[32], h2[32], h3[32], h4[32];
    wetee_ton_wallet *w = make_wallet(WETEE_TON_WALLET_V5R1, secret, pub);
    wetee_ton_address self, dest;
    wetee_ton_cell *comment = NULL, *msg = NULL, *body = NULL, *ext = NULL, *init = NULL, *alt = NULL, *bad = NULL;
    wetee_ton_transfer *t = NULL;
    wetee_u128 amount;
    const char *to = "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB";

    CHECK_OK(wetee_ton_wallet_address(&self, w));
    CHECK_OK(wetee_ton_address_parse(&dest, NULL, to, strlen(to)));
    CHECK_OK(wetee_ton_amount_parse(&amount, "1.5 TON", 7));
    CHECK_OK(wetee_ton_comment(&comment, "order 42", 8));
    CHECK_OK(wetee_ton_internal_message(&msg, &dest, amount, 1, NULL, comment));
    CHECK_OK(wetee_ton_transfer_new(&t));
    CHECK_OK(wetee_ton_transfer_add(t, WETEE_TON_SEND_DEFAULT, msg));
    CHECK_OK(wetee_ton_wallet_sign_transfer(&body, w, secret, 0, 1767225600u, t));
    CHECK_OK(wetee_ton_wallet_external(&ext, w, body, 1));
    CHECK_OK(wetee_ton_message_normalized_hash(h1, ext));
    CHECK_HEX(h1, 32, DEMO_NORM_HASH);

    /* the same message without the StateInit, with the body inline: same normalised hash */
    CHECK_OK(wetee_ton_wallet_external(&alt, w, body, 0));
    CHECK_OK(wetee_ton_message_normalized_hash(h2, alt));
    CHECK(memcmp(h1, h2, 32) == 0);
    /* and it is the plain hash of the normal form */
    wetee_ton_cell_free(alt);
    CHECK_OK(wetee_ton_external_message(&alt, &self, NULL, body, WETEE_TON_EXTERNAL_FORCE_REF));
    CHECK_OK(wetee_ton_cell_hash(h3, alt));
    CHECK(memcmp(h1, h3, 32) == 0);
    CHECK_OK(wetee_ton_cell_hash(h4, ext));
    CHECK(memcmp(h1, h4, 32) != 0);
    wetee_ton_cell_free(alt);
    /* the StateInit as a reference, body as a reference */
    CHECK_OK(wetee_ton_wallet_state_init(&init, w));
    CHECK_OK(wetee_ton_external_message(&alt, &self, init, body, WETEE_TON_EXTERNAL_FORCE_REF));
    CHECK_OK(wetee_ton_message_normalized_hash(h2, alt));
    CHECK(memcmp(h1, h2, 32) == 0);
    wetee_ton_cell_free(alt);

    /* a source address (addr_extern) and an import fee are dropped too */
    {
        wetee_ton_builder *b = NULL;
        CHECK_OK(wetee_ton_builder_new(&b));
        CHECK_OK(wetee_ton_builder_store_uint(b, 2, 2));
        CHECK_OK(wetee_ton_builder_store_uint(b, 1, 2)); /* addr_extern */
        CHECK_OK(wetee_ton_builder_store_uint(b, 5, 9));
        CHECK_OK(wetee_ton_builder_store_uint(b, 0x15, 5));
        CHECK_OK(wetee_ton_builder_store_address(b, &self));
        CHECK_OK(wetee_ton_builder_store_coins(b, wetee_u128_from_u64(777)));
        CHECK_OK(wetee_ton_builder_store_uint(b, 0, 1));
        CHECK_OK(wetee_ton_builder_store_uint(b, 1, 1));
        CHECK_OK(wetee_ton_builder_store_ref(b, body));
        CHECK_OK(wetee_ton_builder_end(&alt, b));
        CHECK_OK(wetee_ton_message_normalized_hash(h2, alt));
        CHECK(memcmp(h1, h2, 32) == 0);
        /* something after the body reference */
        CHECK_OK(wetee_ton_builder_store_uint(b, 1, 1));
        CHECK_OK(wetee_ton_builder_end(&bad, b));
        CHECK_ERR(wetee_ton_message_normalized_hash(h2, bad), WETEE_ERR_TRAILING);
        CHECK_DETAIL("after the body reference");
        wetee_ton_builder_free(b);
        wetee_ton_cell_free(bad);
        wetee_ton_cell_free(alt);
    }
    /* not an external message: an internal one, a cut one */
    CHECK_ERR(wetee_ton_message_normalized_hash(h2, msg), WETEE_ERR_DECODE);
    CHECK_DETAIL("not an inbound external message");
    {
        wetee_ton_builder *b = NULL;
        CHECK_OK(wetee_ton_builder_new(&b));
        CHECK_OK(wetee_ton_builder_store_uint(b, 8, 4));
        CHECK_OK(wetee_ton_builder_store_uint(b, 2, 2));
        CHECK_OK(wetee_ton_builder_end(&bad, b));
        CHECK_ERR(wetee_ton_message_normalized_hash(h2, bad), WETEE_ERR_TRUNCATED);
        wetee_ton_builder_free(b);
        wetee_ton_cell_free(bad);
    }
    CHECK_ERR(wetee_ton_message_normalized_hash(NULL, ext), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_ton_message_normalized_hash(h2, NULL), WETEE_ERR_INVALID_ARGUMENT);

    wetee_ton_cell_free(init);
    wetee_ton_cell_free(comment);
    wetee_ton_cell_free(msg);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(ext);
    wetee_ton_transfer_free(t);
    wetee_ton_wallet_free(w);
}

void test_state_init_public_key(void)
{
    static const int versions[] = {WETEE_TON_WALLET_V3R2, WETEE_TON_WALLET_V4R2, WETEE_TON_WALLET_V5R1};
    uint8_t secret[64], pub[32], got[32];
    int version = -1;
    wetee_ton_cell *si = NULL, *code = NULL, *other = NULL;
    for (size_t i = 0; i < 3; i++) {
        wetee_ton_wallet *w = make_wallet(versions[i], secret, pub);
        CHECK_OK(wetee_ton_wallet_state_init(&si, w));
        memset(got, 0, sizeof got);
        CHECK_OK(wetee_ton_state_init_public_key(got, &version, si));
        CHECK(memcmp(got, pub, 32) == 0);
        CHECK(version == versions[i]);
        wetee_ton_cell_free(si);
        wetee_ton_wallet_free(w);
    }
    CHECK_HEX(pub, 32, "f6c450a16bb1c514e22f1977e390a3025599aa1e7b00068a6aacf2119484c1bd");
    /* highload v3 code is not a wallet the key can be read from here */
    CHECK_OK(wetee_ton_wallet_code(&code, WETEE_TON_WALLET_HIGHLOAD_V3));
    CHECK_OK(wetee_ton_wallet_code(&other, WETEE_TON_WALLET_V3R2));
    CHECK_OK(wetee_ton_state_init(&si, code, other));
    CHECK_ERR(wetee_ton_state_init_public_key(got, NULL, si), WETEE_ERR_UNSUPPORTED);
    CHECK_DETAIL("is not wallet v3r2, v4r2 or W5");
    wetee_ton_cell_free(si);
    /* wallet code with a data cell too short for a key */
    CHECK_OK(wetee_ton_state_init(&si, other, code));
    wetee_ton_cell_free(si);
    {
        wetee_ton_builder *b = NULL;
        wetee_ton_cell *data = NULL;
        CHECK_OK(wetee_ton_builder_new(&b));
        CHECK_OK(wetee_ton_builder_store_uint(b, 0, 64));
        CHECK_OK(wetee_ton_builder_end(&data, b));
        CHECK_OK(wetee_ton_state_init(&si, other, data));
        CHECK_ERR(wetee_ton_state_init_public_key(got, NULL, si), WETEE_ERR_TRUNCATED);
        wetee_ton_cell_free(si);
        wetee_ton_cell_free(data);
        wetee_ton_builder_free(b);
    }
    CHECK_ERR(wetee_ton_state_init_public_key(NULL, NULL, code), WETEE_ERR_INVALID_ARGUMENT);
    wetee_ton_cell_free(code);
    wetee_ton_cell_free(other);
}

/* tonutils-go ton/wallet/proof_test.go: verified at 1747303900 with a 30-minute window */
static const char PROOF_ADDR[] = "0:960ab627408d5472d9d125b667cbe00ce17eeaa44e9dc6a86e93cdfef2c480d5";
static const char PROOF_SIG[] = "OXNmXOa6Ml5mgx13CXVunl5TjQiIl2oYq8dn9MUcBiS6OjZcuJYccqqVMluy0duyOXkoJYHg4VJCyycwkjdJBA==";
static const char PROOF_SI[] =
    "te6cckECFgEAAwQAAgE0AgEAUQAAAAApqaMXp6kMOCJ4z0QdKdtKvLvoflXmJvj/gmw26izx4ImGnYtAART/APSkE/S88sgLAwIBIAgEBPjygwjX"
    "GCDTH9Mf0x8C+CO78mTtRNDTH9Mf0//0BNFRQ7ryoVFRuvKiBfkBVBBk+RDyo/gAJKTIyx9SQMsfUjDL/1IQ9ADJ7VT4DwHTByHAAJ9sUZMg10qW"
    "0wfUAvsA6DDgIcAB4wAhwALjAAHAA5Ew4w0DpMjLHxLLH8v/BwYQBQAK9ADJ7VQAcIEBCNcY+gDTP8hUIEeBAQj0UfKnghBub3RlcHSAGMjLBcsC"
    "UAbPFlAE+gIUy2oSyx/LP8lz+wACAG7SB/oA1NQi+QAFyMoHFcv/ydB3dIAYyMsFywIizxZQBfoCFMtrEszMyXP7AMhAFIEBCPRR8qcCAgFIDQkC"
    "ASALCgBZvSQrb2omhAgKBrkPoCGEcNQICEekk30pkQzmkD6f+YN4EoAbeBAUiYcVnzGEAgEgEQwAEbjJftRNDXCx+ALm0AHQ0wMhcbCSXwTgItdJ"
    "wSCSXwTgAtMfIYIQcGx1Z70ighBkc3RyvbCSXwXgA/pAMCD6RAHIygfL/8nQ7UTQgQFA1yH0BDBcgQEI9ApvoTGzkl8H4AXTP8glghBwbHVnupI4"
    "MOMNA4IQZHN0crqSXwbjDQ8OAIpQBIEBCPRZMO1E0IEBQNcgyAHPFvQAye1UAXKwjiOCEGRzdHKDHrFwgBhQBcsFUAPPFiP6AhPLassfyz/JgED7"
    "AJJfA+IAeAH6APQEMPgnbyIwUAqhIb7y4FCCEHBsdWeDHrFwgBhQBMsFJs8WWPoCGfQAy2kXyx9SYMs/IMmAQPsABgBsgQEI1xj6ANM/MFIkgQEI"
    "9Fnyp4IQZHN0cnB0gBjIywXLAlAFzxZQA/oCE8tqyx8Syz/Jc/sAAgFYFRICASAUEwAZrx32omhAEGuQ64WPwAAZrc52omhAIGuQ64X/wAA9sp37"
    "UTQgQFA1yH0BDACyMoHy//J0AGBAQj0Cm+hMYHrKDBA=";
#define PROOF_NOW 1747303900u
#define PROOF_AGE 1800u

static int proof_json(const char *addr, const char *ts, const char *domain, unsigned dom_len, const char *payload,
                      const char *sig, const char *pk, uint64_t now, uint8_t pub[32])
{
    char json[4096];
    snprintf(json, sizeof json,
             "{\"address\":\"%s\",%s%s%s\"proof\":{\"payload\":\"%s\",\"signature\":\"%s\",\"timestamp\":%s,"
             "\"domain\":{\"value\":\"%s\",\"lengthBytes\":%u}},\"state_init\":\"%s\"}",
             addr, pk ? "\"public_key\":\"" : "", pk ? pk : "", pk ? "\"," : "", payload, sig, ts, domain, dom_len,
             PROOF_SI);
    return wetee_ton_proof_verify_json(pub, NULL, NULL, json, strlen(json), "ton-connect.github.io", now, PROOF_AGE);
}

void test_ton_proof_vector(void)
{
    static const char PK[] = "a7a90c382278cf441d29db4abcbbe87e55e626f8ff826c36ea2cf1e089869d8b";
    static const char MSG[] = "746f6e2d70726f6f662d6974656d2d76322f00000000960ab627408d5472d9d125b667cbe00ce17eeaa44e9dc6a"
                              "86e93cdfef2c480d515000000746f6e2d636f6e6e6563742e6769746875622e696fd5bd256800000000313734"
                              "373330333838353a";
    const char *D = "ton-connect.github.io";
    uint8_t pub[32], digest[32], expect[32], inner[45];
    wetee_buf msg = WETEE_BUF_INIT, payload = WETEE_BUF_INIT;
    wetee_ton_address addr;
    char json[4096];

    /* the signed digest from the message bytes of ton.md §5 */
    CHECK_OK(wetee_hex_decode(&msg, MSG, strlen(MSG)));
    inner[0] = inner[1] = 0xff;
    memcpy(inner + 2, "ton-connect", 11);
    CHECK_OK(wetee_hash_sha256(inner + 13, msg.data, msg.len));
    CHECK_OK(wetee_hash_sha256(expect, inner, sizeof inner));
    CHECK_OK(wetee_ton_address_parse(&addr, NULL, PROOF_ADDR, strlen(PROOF_ADDR)));
    CHECK_OK(wetee_ton_proof_hash(digest, &addr, D, strlen(D), 1747303893u, "1747303885:", 11));
    CHECK(memcmp(digest, expect, 32) == 0);
    wetee_buf_free(&msg);

    /* valid: timestamp as a number or a string, with and without the public key */
    memset(pub, 0, sizeof pub);
    CHECK_OK(proof_json(PROOF_ADDR, "1747303893", D, 21, "1747303885:", PROOF_SIG, NULL, PROOF_NOW, pub));
    CHECK_HEX(pub, 32, PK);
    CHECK_OK(proof_json(PROOF_ADDR, "\"1747303893\"", D, 21, "1747303885:", PROOF_SIG, PK, PROOF_NOW, pub));
    /* user-friendly address form */
    {
        char friendly[WETEE_TON_ADDRESS_FRIENDLY_BUFSIZE];
        CHECK_OK(wetee_ton_address_to_friendly(friendly, sizeof friendly, &addr, 0));
        CHECK_OK(proof_json(friendly, "1747303893", D, 21, "1747303885:", PROOF_SIG, NULL, PROOF_NOW, pub));
    }
    /* outputs */
    snprintf(json, sizeof json,
             "{\"address\":\"%s\",\"proof\":{\"payload\":\"1747303885:\",\"signature\":\"%s\",\"timestamp\":1747303893,"
             "\"domain\":{\"value\":\"%s\",\"lengthBytes\":\"21\"},\"state_init\":\"%s\"}}",
             PROOF_ADDR, PROOF_SIG, D, PROOF_SI);
    {
        wetee_ton_address got;
        CHECK_OK(wetee_ton_proof_verify_json(NULL, &got, &payload, json, strlen(json), D, PROOF_NOW, PROOF_AGE));
        CHECK_STR((const char *)payload.data, "1747303885:");
        CHECK(memcmp(got.hash, addr.hash, 32) == 0);
        wetee_buf_free(&payload);
    }

    /* each field altered */
    CHECK_ERR(proof_json(PROOF_ADDR, "1747303894", D, 21, "1747303885:", PROOF_SIG, NULL, PROOF_NOW, pub),
              WETEE_ERR_VERIFY);
    CHECK_DETAIL("signature does not verify");
    CHECK_ERR(proof_json(PROOF_ADDR, "1747303893", D, 21, "1747303885;", PROOF_SIG, NULL, PROOF_NOW, pub),
              WETEE_ERR_VERIFY);
    {
        char sig[sizeof PROOF_SIG];
        memcpy(sig, PROOF_SIG, sizeof sig);
        sig[10] = sig[10] == 'A' ? 'B' : 'A';
        CHECK_ERR(proof_json(PROOF_ADDR, "1747303893", D, 21, "1747303885:", sig, NULL, PROOF_NOW, pub),
                  WETEE_ERR_VERIFY);
    }
    /* another address: the StateInit does not hash to it */
    CHECK_ERR(proof_json("0:960ab627408d5472d9d125b667cbe00ce17eeaa44e9dc6a86e93cdfef2c480d6", "1747303893", D, 21,
                         "1747303885:", PROOF_SIG, NULL, PROOF_NOW, pub),
              WETEE_ERR_VERIFY);
    CHECK_DETAIL("does not hash to the address");
    /* wrong domain (the expected one is ton-connect.github.io) */
    CHECK_ERR(proof_json(PROOF_ADDR, "1747303893", "ton-connect.github.ie", 21, "1747303885:", PROOF_SIG, NULL,
                         PROOF_NOW, pub),
              WETEE_ERR_VERIFY);
    CHECK_DETAIL("is not the expected");
    /* expired, and from the future */
    CHECK_ERR(proof_json(PROOF_ADDR, "1747303893", D, 21, "1747303885:", PROOF_SIG, NULL, 1747303893u + PROOF_AGE + 1,
                         pub),
              WETEE_ERR_VERIFY);
    CHECK_DETAIL("more than 1800 s from now");
    CHECK_OK(proof_json(PROOF_ADDR, "1747303893", D, 21, "1747303885:", PROOF_SIG, NULL, 1747303893u + PROOF_AGE, pub));
    CHECK_ERR(proof_json(PROOF_ADDR, "1747303893", D, 21, "1747303885:", PROOF_SIG, NULL, 1747303893u - PROOF_AGE - 1,
                         pub),
              WETEE_ERR_VERIFY);
    /* a public key other than the wallet's */
    CHECK_ERR(proof_json(PROOF_ADDR, "1747303893", D, 21, "1747303885:", PROOF_SIG,
                         "f6c450a16bb1c514e22f1977e390a3025599aa1e7b00068a6aacf2119484c1bd", PROOF_NOW, pub),
              WETEE_ERR_VERIFY);
    CHECK_DETAIL("public_key is not the key in the state init");
    /* malformed */
    CHECK_ERR(proof_json(PROOF_ADDR, "1747303893", D, 20, "1747303885:", PROOF_SIG, NULL, PROOF_NOW, pub),
              WETEE_ERR_DECODE);
    CHECK_DETAIL("lengthBytes");
    CHECK_ERR(proof_json(PROOF_ADDR, "-1", D, 21, "1747303885:", PROOF_SIG, NULL, PROOF_NOW, pub), WETEE_ERR_DECODE);
    CHECK_ERR(proof_json(PROOF_ADDR, "\"17473038x3\"", D, 21, "1747303885:", PROOF_SIG, NULL, PROOF_NOW, pub),
              WETEE_ERR_DECODE);
    CHECK_ERR(proof_json(PROOF_ADDR, "\"\"", D, 21, "1747303885:", PROOF_SIG, NULL, PROOF_NOW, pub), WETEE_ERR_DECODE);
    CHECK_ERR(proof_json(PROOF_ADDR, "1747303893.5", D, 21, "1747303885:", PROOF_SIG, NULL, PROOF_NOW, pub),
              WETEE_ERR_DECODE);
    CHECK_ERR(proof_json(PROOF_ADDR, "1747303893", D, 21, "1747303885:", "AAAA", NULL, PROOF_NOW, pub),
              WETEE_ERR_DECODE);
    CHECK_DETAIL("not 64");
    CHECK_ERR(wetee_ton_proof_verify_json(pub, NULL, NULL, "{\"a\":1,\"a\":2}", 13, D, 0, 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_proof_verify_json(pub, NULL, NULL, "[]", 2, D, 0, 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_proof_verify_json(pub, NULL, NULL, "{\"proof\":{}}", 12, D, 0, 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_proof_verify_json(pub, NULL, NULL, "{\"proof\":", 9, D, 0, 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_proof_verify_json(pub, NULL, NULL, NULL, 0, D, 0, 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_proof_verify_json(pub, NULL, NULL, NULL, 5, D, 0, 0), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_ton_proof_verify_json(pub, NULL, NULL, "{}", 2, NULL, 0, 0), WETEE_ERR_INVALID_ARGUMENT);
}

/* A proof signed here for each wallet version, checked through the structured API. */
void test_ton_proof_own(void)
{
    static const int versions[] = {WETEE_TON_WALLET_V3R2, WETEE_TON_WALLET_V4R2, WETEE_TON_WALLET_V5R1};
    const char *dom = "app.wetee.example", *pay = "nonce-0123456789";
    for (size_t i = 0; i < 3; i++) {
        uint8_t secret[64], pub[32], other_sk[64], other_pk[32], digest[32], sig[64], got[32];
        wetee_ton_wallet *w = make_wallet(versions[i], secret, pub);
        wetee_ton_cell *si = NULL;
        wetee_ton_address addr;
        CHECK_OK(wetee_ton_wallet_address(&addr, w));
        CHECK_OK(wetee_ton_wallet_state_init(&si, w));
        CHECK_OK(wetee_ton_proof_hash(digest, &addr, dom, strlen(dom), 1700000000u, pay, strlen(pay)));
        CHECK_OK(wetee_ed25519_sign(sig, secret, digest, 32));
        CHECK_OK(wetee_ton_proof_verify(got, &addr, si, dom, strlen(dom), 1700000000u, pay, strlen(pay), sig, dom,
                                        1700000060u, 300));
        CHECK(memcmp(got, pub, 32) == 0);
        /* signed by another key */
        CHECK_OK(wetee_ed25519_keypair_from_seed(other_sk, other_pk, digest));
        CHECK_OK(wetee_ed25519_sign(sig, other_sk, digest, 32));
        CHECK_ERR(wetee_ton_proof_verify(got, &addr, si, dom, strlen(dom), 1700000000u, pay, strlen(pay), sig, dom,
                                         1700000060u, 300),
                  WETEE_ERR_VERIFY);
        CHECK_ERR(wetee_ton_proof_hash(digest, &addr, dom, 4097, 0, pay, strlen(pay)), WETEE_ERR_TOO_LONG);
        wetee_ton_cell_free(si);
        wetee_ton_wallet_free(w);
    }
}
