/* Unit tests of the dynamic value module (include/wetee/value.h).
 *
 * Known answers: the storage keys of System.Account(Alice), Timestamp.Now
 * and System.Events are the well-known Substrate keys (twox128 / blake2_128
 * of fixed names and of Alice's public key d435..a27d); the encoding of
 * Balances.transfer_keep_alive(Id(Alice), 12345) on Polkadot is pallet 5,
 * call 3, MultiAddress::Id 0x00, the key, Compact(12345) = e5c0; System
 * constants are chain facts (Polkadot ED 10_000_000_000, SS58 prefix 0).
 * Round trips: every constant and storage default of every fixture decodes
 * to a value and JSON, and both encode back to the identical bytes. Error
 * paths: wrong lengths, unknown/missing fields, numbers out of range,
 * unknown variants, truncated input, trailing bytes, recursive types. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wt_test.h"

#if !defined(__STDC_NO_THREADS__)
#include <threads.h>
#endif

#define ALICE_HEX "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"
#define ALICE_SS58 "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
#define BOB_SS58 "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"

static wetee_metadata *load_hex(const char *rel)
{
    size_t len;
    uint8_t *data = wt_read_vector(rel, &len);
    wetee_metadata *md = NULL;
    if (!data) return NULL;
    CHECK_OK(wetee_metadata_parse_hex(&md, (const char *)data, len, NULL));
    free(data);
    return md;
}

static wetee_metadata *load_scale(const char *rel)
{
    size_t len;
    uint8_t *data = wt_read_vector(rel, &len);
    wetee_metadata *md = NULL;
    if (!data) return NULL;
    CHECK_OK(wetee_metadata_parse(&md, data, len, NULL));
    free(data);
    return md;
}

static wetee_metadata *load_rpc(const char *rel)
{
    size_t len;
    uint8_t *data = wt_read_vector(rel, &len);
    wetee_metadata *md = NULL;
    if (!data) return NULL;
    CHECK_OK(wetee_metadata_parse_rpc_response(&md, (const char *)data, len, NULL));
    free(data);
    return md;
}

static int json_has(const wetee_buf *b, const char *sub) { return b->data && strstr((const char *)b->data, sub) != NULL; }
#define CHECK_JSON_HAS(b, sub)                                                                                   \
    do {                                                                                                         \
        wt_test_checks++;                                                                                        \
        if (!json_has((b), (sub))) {                                                                             \
            wt_test_failures++;                                                                                  \
            fprintf(stderr, "%s:%d: JSON %.400s lacks %s\n", __FILE__, __LINE__,                                 \
                    (b)->data ? (const char *)(b)->data : "(null)", (sub));                                      \
        }                                                                                                        \
    } while (0)

/* ------------------------------------------------------------------ */
/* value model                                                         */
/* ------------------------------------------------------------------ */

WT_TEST(test_model)
{
    wetee_value *c = NULL, *x = NULL, *seq = NULL, *var = NULL;
    uint64_t u;
    int64_t i;
    wetee_u128 w;
    uint8_t le[32], big[32];
    size_t n;
    CHECK_OK(wetee_value_new_composite(&c));
    CHECK_OK(wetee_value_new_u64(&x, 7));
    CHECK_OK(wetee_value_append(c, "a", x));
    CHECK_OK(wetee_value_new_i64(&x, -5));
    CHECK_OK(wetee_value_append(c, "b", x));
    CHECK_OK(wetee_value_new_string(&x, "hi", 2));
    CHECK_OK(wetee_value_append(c, NULL, x));
    CHECK_OK(wetee_value_new_sequence(&seq));
    CHECK_OK(wetee_value_new_bool(&x, 1));
    CHECK_OK(wetee_value_append(seq, NULL, x));
    CHECK_OK(wetee_value_new_bool(&x, 0));
    CHECK_ERR(wetee_value_append(seq, "named", x), WETEE_ERR_INVALID_ARGUMENT); /* x freed */
    CHECK_OK(wetee_value_append(c, "s", seq));
    CHECK_OK(wetee_value_new_variant(&var, "Some", 1));
    CHECK_OK(wetee_value_new_bytes(&x, (const uint8_t *)"\x01\x02", 2));
    CHECK_OK(wetee_value_append(var, NULL, x));
    CHECK_OK(wetee_value_append(c, "v", var));
    CHECK(wetee_value_get_kind(c) == WETEE_VALUE_COMPOSITE && wetee_value_count(c) == 5);
    CHECK_OK(wetee_value_get_u64(&u, wetee_value_field(c, "a")));
    CHECK(u == 7);
    CHECK_OK(wetee_value_get_i64(&i, wetee_value_field(c, "b")));
    CHECK(i == -5);
    CHECK_ERR(wetee_value_get_u64(&u, wetee_value_field(c, "b")), WETEE_ERR_OVERFLOW);
    CHECK_ERR(wetee_value_get_u64(&u, wetee_value_at(c, 2)), WETEE_ERR_STATE);
    CHECK_STR(wetee_value_string(&n, wetee_value_at(c, 2)), "hi");
    CHECK(wetee_value_name_at(c, 2) == NULL);
    CHECK_STR(wetee_value_name_at(c, 3), "s");
    CHECK(wetee_value_count(wetee_value_field(c, "s")) == 1);
    CHECK_STR(wetee_value_variant_name(wetee_value_field(c, "v")), "Some");
    CHECK(wetee_value_variant_index(wetee_value_field(c, "v")) == 1);
    CHECK(wetee_value_bytes(&n, wetee_value_at(wetee_value_field(c, "v"), 0))[1] == 2 && n == 2);
    CHECK(wetee_value_type(c) == WETEE_METADATA_NO_TYPE);
    wetee_value_free(c);
    /* 256-bit integers */
    memset(big, 0xff, 32);
    CHECK_OK(wetee_value_new_uint_le(&x, big, 32));
    CHECK_ERR(wetee_value_get_u128(&w, x), WETEE_ERR_OVERFLOW);
    CHECK_OK(wetee_value_get_int_le(le, x));
    CHECK(memcmp(le, big, 32) == 0);
    wetee_value_free(x);
    CHECK_OK(wetee_value_new_int_le(&x, (const uint8_t *)"\xfe", 1)); /* -2 */
    CHECK_OK(wetee_value_get_i64(&i, x));
    CHECK(i == -2);
    wetee_value_free(x);
    CHECK_ERR(wetee_value_new_string(&x, "\xff", 1), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_value_new_variant(&x, NULL, -1), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_value_new_uint_le(&x, big, 33), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_OK(wetee_value_new_bits(&x, (const uint8_t *)"\xff", 3));
    CHECK(wetee_value_bits(&n, x)[0] == 7 && n == 3);
    wetee_value_free(x);
    wetee_value_free(NULL);
}

/* Hand-built trees: no cycles, no shared children, deep ones are refused by
 * the JSON writer and freed without recursion. */
WT_TEST(test_model_trees)
{
    wetee_value *root = NULL, *a = NULL, *b = NULL, *cur;
    wetee_buf out = WETEE_BUF_INIT;
    size_t i;
    CHECK_OK(wetee_value_new_sequence(&root));
    CHECK_OK(wetee_value_new_sequence(&a));
    CHECK_OK(wetee_value_append(root, NULL, a));
    CHECK_ERR(wetee_value_append(a, NULL, root), WETEE_ERR_INVALID_ARGUMENT); /* cycle: nothing changes */
    CHECK_DETAIL("cycle");
    CHECK_ERR(wetee_value_append(a, NULL, a), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_OK(wetee_value_new_sequence(&b));
    CHECK_ERR(wetee_value_append(b, NULL, a), WETEE_ERR_INVALID_ARGUMENT); /* a already has a parent */
    CHECK_DETAIL("already has a parent");
    wetee_value_free(b);
    CHECK(wetee_value_count(root) == 1 && wetee_value_count(a) == 0);
    /* a chain 100000 deep */
    cur = a;
    for (i = 0; i < 100000; i++) {
        wetee_value *c = NULL;
        CHECK_OK(wetee_value_new_sequence(&c));
        CHECK_OK(wetee_value_append(cur, NULL, c));
        cur = c;
    }
    CHECK_ERR(wetee_value_to_json(&out, NULL, root, NULL), WETEE_ERR_DEPTH);
    /* 127 levels are fine */
    b = NULL;
    CHECK_OK(wetee_value_new_null(&b));
    for (i = 0; i < 127; i++) {
        wetee_value *s = NULL;
        CHECK_OK(wetee_value_new_sequence(&s));
        CHECK_OK(wetee_value_append(s, NULL, b));
        b = s;
    }
    CHECK_OK(wetee_value_to_json(&out, NULL, b, NULL));
    CHECK(out.len == 127 * 2 + 4);
    wetee_value_free(b);
    wetee_value_free(root);
    wetee_buf_free(&out);
}

WT_TEST(test_json_generic)
{
    wetee_value *v = NULL;
    wetee_buf out = WETEE_BUF_INIT;
    const char *j = "{\"a\":[1,-2,\"x\",null,true],\"b\":{\"c\":false}}";
    CHECK_OK(wetee_value_from_json(&v, j, strlen(j)));
    CHECK(wetee_value_get_kind(wetee_value_field(v, "a")) == WETEE_VALUE_SEQUENCE);
    CHECK(wetee_value_get_kind(wetee_value_at(wetee_value_field(v, "a"), 1)) == WETEE_VALUE_INT);
    CHECK_OK(wetee_value_to_json(&out, NULL, v, NULL));
    CHECK_STR((const char *)out.data, j);
    wetee_value_free(v);
    CHECK_ERR(wetee_value_from_json(&v, "{\"a\":1.5}", 9), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_value_from_json(&v, "{\"a\":", 5), WETEE_ERR_DECODE);
    CHECK_DETAIL("line 1");
    CHECK_ERR(wetee_value_from_json(&v, "{\"a\":1,\"a\":2}", 13), WETEE_ERR_DECODE);
    {
        /* nesting is bounded */
        char deep[600];
        memset(deep, '[', 300);
        memset(deep + 300, ']', 300);
        CHECK_ERR(wetee_value_from_json(&v, deep, 600), WETEE_ERR_DEPTH);
    }
    {
        wetee_json_options o = WETEE_JSON_OPTIONS_INIT;
        o.version = 9;
        CHECK_OK(wetee_value_new_null(&v));
        CHECK_ERR(wetee_value_to_json(&out, NULL, v, &o), WETEE_ERR_INVALID_ARGUMENT);
        wetee_value_free(v);
    }
    wetee_buf_free(&out);
}

static uint8_t unused_pallet_index(const wetee_metadata *md)
{
    unsigned i;
    for (i = 255; i > 0; i--)
        if (!wetee_metadata_pallet_by_index(md, (uint8_t)i)) return (uint8_t)i;
    return 0;
}

/* ------------------------------------------------------------------ */
/* calls                                                               */
/* ------------------------------------------------------------------ */

WT_TEST(test_calls_polkadot)
{
    wetee_metadata *md = load_hex("metadata-hash/polkadot_metadata_v15.hex");
    wetee_buf out = WETEE_BUF_INIT, json = WETEE_BUF_INIT, out2 = WETEE_BUF_INIT;
    const char *args = "{\"dest\":{\"Id\":\"" ALICE_SS58 "\"},\"value\":12345}";
    wetee_json_options camel = WETEE_JSON_OPTIONS_INIT;
    if (!md) WT_SKIP("vectors/metadata-hash/polkadot_metadata_v15.hex absent");
    CHECK_OK(wetee_call_encode_json(&out, md, "Balances", "transfer_keep_alive", args, strlen(args)));
    CHECK_HEX(out.data, out.len, "050300" ALICE_HEX "e5c0");
    /* hex account id, positional args, polkadot.js camelCase names give the same bytes */
    {
        const char *a2 = "[{\"id\":\"0x" ALICE_HEX "\"},\"12345\"]";
        CHECK_OK(wetee_call_encode_json(&out2, md, "balances", "transferKeepAlive", a2, strlen(a2)));
        CHECK(out2.len == out.len && memcmp(out2.data, out.data, out.len) == 0);
    }
    CHECK_OK(wetee_call_decode_json(&json, md, out.data, out.len, NULL));
    CHECK_STR((const char *)json.data,
              "{\"pallet\":\"Balances\",\"call\":\"transfer_keep_alive\",\"args\":{\"dest\":{\"Id\":"
              "\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"},\"value\":12345}}");
    camel.camel_case = 1;
    camel.ss58_prefix = 42;
    CHECK_OK(wetee_call_decode_json(&json, md, out.data, out.len, &camel));
    CHECK_JSON_HAS(&json, "\"dest\":{\"id\":\"" ALICE_SS58 "\"}");
    /* System.remark with bytes as hex and as a byte array */
    out.len = 0;
    CHECK_OK(wetee_call_encode_json(&out, md, "System", "remark", "{\"remark\":\"0x010203\"}", 21));
    CHECK_HEX(out.data, out.len, "00000c010203");
    out2.len = 0;
    CHECK_OK(wetee_call_encode_json(&out2, md, "System", "remark", "{\"remark\":[1,2,3]}", 18));
    CHECK(out2.len == out.len && memcmp(out2.data, out.data, out.len) == 0);
    /* a call without arguments */
    {
        const wetee_md_pallet *p = wetee_metadata_pallet_by_name(md, "Timestamp");
        CHECK(p != NULL);
    }
    /* Utility.batch with nested calls */
    {
        const char *b = "{\"calls\":[{\"System\":{\"remark\":{\"remark\":\"0x00\"}}},"
                        "{\"Balances\":{\"transfer_keep_alive\":{\"dest\":{\"Id\":\"" BOB_SS58 "\"},\"value\":1}}}]}";
        out.len = 0;
        CHECK_OK(wetee_call_encode_json(&out, md, "Utility", "batch", b, strlen(b)));
        CHECK_OK(wetee_call_decode_json(&json, md, out.data, out.len, NULL));
        CHECK_JSON_HAS(&json, "\"call\":\"batch\"");
        CHECK_JSON_HAS(&json, "{\"System\":{\"remark\":{\"remark\":\"0x00\"}}}");
    }
    /* error paths */
    {
        const char *bad = "{\"dest\":{\"Id\":\"0x00000000000000000000000000000000000000000000000000000000000000\"},\"value\":1}";
        size_t keep = out.len;
        CHECK_ERR(wetee_call_encode_json(&out, md, "Balances", "transfer_keep_alive", bad, strlen(bad)), WETEE_ERR_DECODE);
        CHECK_STR(wetee_last_error(), "value: dest.Id: expected 32 bytes, got 31");
        CHECK(out.len == keep);
        bad = "{\"dest\":{\"Id\":\"" ALICE_SS58 "\"},\"value\":1,\"tip\":2}";
        CHECK_ERR(wetee_call_encode_json(&out, md, "Balances", "transfer_keep_alive", bad, strlen(bad)), WETEE_ERR_DECODE);
        CHECK_DETAIL("tip: unknown field");
        bad = "{\"dest\":{\"Id\":\"" ALICE_SS58 "\"}}";
        CHECK_ERR(wetee_call_encode_json(&out, md, "Balances", "transfer_keep_alive", bad, strlen(bad)), WETEE_ERR_DECODE);
        CHECK_DETAIL("value: value: missing field");
        bad = "{\"dest\":{\"Id\":\"" ALICE_SS58 "\"},\"value\":\"340282366920938463463374607431768211456\"}";
        CHECK_ERR(wetee_call_encode_json(&out, md, "Balances", "transfer_keep_alive", bad, strlen(bad)), WETEE_ERR_OVERFLOW);
        CHECK_DETAIL("value: 340282366920938463463374607431768211456 out of range for Compact<u128>");
        bad = "{\"dest\":{\"Id\":\"" ALICE_SS58 "\"},\"value\":-1}";
        CHECK_ERR(wetee_call_encode_json(&out, md, "Balances", "transfer_keep_alive", bad, strlen(bad)), WETEE_ERR_OVERFLOW);
        bad = "{\"dest\":{\"Nope\":1},\"value\":1}";
        CHECK_ERR(wetee_call_encode_json(&out, md, "Balances", "transfer_keep_alive", bad, strlen(bad)), WETEE_ERR_DECODE);
        CHECK_DETAIL("dest: unknown variant \"Nope\" of MultiAddress");
        bad = "{\"dest\":{\"Id\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ\"},\"value\":1}";
        CHECK_ERR(wetee_call_encode_json(&out, md, "Balances", "transfer_keep_alive", bad, strlen(bad)), WETEE_ERR_CHECKSUM);
        CHECK_DETAIL("dest.Id: ");
        bad = "{\"dest\":{\"Id\":\"" ALICE_SS58 "\"},\"value\":\"12x\"}";
        CHECK_ERR(wetee_call_encode_json(&out, md, "Balances", "transfer_keep_alive", bad, strlen(bad)), WETEE_ERR_DECODE);
        CHECK_ERR(wetee_call_encode_json(&out, md, "Balances", "no_call", NULL, 0), WETEE_ERR_NOT_FOUND);
        CHECK_DETAIL("no call \"no_call\"");
        CHECK_ERR(wetee_call_encode_json(&out, md, "Nope", "x", NULL, 0), WETEE_ERR_NOT_FOUND);
        CHECK(out.len == keep);
    }
    /* decoding errors */
    {
        uint8_t t[40];
        CHECK_ERR(wetee_call_decode_json(&json, md, (const uint8_t *)"\x05", 1, NULL), WETEE_ERR_TRUNCATED);
        t[0] = unused_pallet_index(md);
        t[1] = 0;
        CHECK_ERR(wetee_call_decode_json(&json, md, t, 2, NULL), WETEE_ERR_NOT_FOUND);
        CHECK_ERR(wetee_call_decode_json(&json, md, (const uint8_t *)"\x05\xc8", 2, NULL), WETEE_ERR_NOT_FOUND);
        memcpy(t, "\x05\x03\x00", 3);
        memset(t + 3, 1, 32);
        CHECK_ERR(wetee_call_decode_json(&json, md, t, 35, NULL), WETEE_ERR_TRUNCATED);
        CHECK_DETAIL("value: ");
        t[35] = 4;
        t[36] = 9;
        CHECK_ERR(wetee_call_decode_json(&json, md, t, 37, NULL), WETEE_ERR_TRAILING);
    }
    wetee_buf_free(&out);
    wetee_buf_free(&out2);
    wetee_buf_free(&json);
    wetee_metadata_free(md);
}

/* ------------------------------------------------------------------ */
/* storage                                                             */
/* ------------------------------------------------------------------ */

WT_TEST(test_storage_polkadot)
{
    wetee_metadata *md = load_hex("metadata-hash/polkadot_metadata_v15.hex");
    wetee_buf key = WETEE_BUF_INIT, json = WETEE_BUF_INIT;
    const wetee_md_storage *acc, *now, *events;
    const char *k = "[\"" ALICE_SS58 "\"]";
    if (!md) WT_SKIP("vectors/metadata-hash/polkadot_metadata_v15.hex absent");
    acc = wetee_md_pallet_storage_by_name(md, wetee_metadata_pallet_by_name(md, "System"), "Account");
    now = wetee_md_pallet_storage_by_name(md, wetee_metadata_pallet_by_name(md, "Timestamp"), "Now");
    events = wetee_md_pallet_storage_by_name(md, wetee_metadata_pallet_by_name(md, "System"), "Events");
    CHECK_OK(wetee_storage_key_json(&key, md, acc, k, strlen(k)));
    CHECK_HEX(key.data, key.len,
              "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59f" ALICE_HEX);
    CHECK_OK(wetee_storage_key_decode_json(&json, md, acc, key.data, key.len, NULL));
    CHECK_STR((const char *)json.data, "[\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"]");
    /* prefix for iteration */
    CHECK_OK(wetee_storage_key_json(&key, md, acc, NULL, 0));
    CHECK_HEX(key.data, key.len, "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9");
    CHECK_OK(wetee_storage_key_json(&key, md, now, "[]", 2));
    CHECK_HEX(key.data, key.len, "f0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb");
    CHECK_OK(wetee_storage_key(&key, md, events, NULL, 0));
    CHECK_HEX(key.data, key.len, "26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7");
    CHECK_ERR(wetee_storage_key_json(&key, md, now, "[1]", 3), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_storage_key_json(&key, md, acc, "[\"0x00\"]", 8), WETEE_ERR_DECODE);
    CHECK_DETAIL("key[0]: expected 32 bytes, got 1");
    CHECK_ERR(wetee_storage_key_json(&key, md, acc, "{}", 2), WETEE_ERR_DECODE);
    /* values: default of a Default entry, null of an Optional one */
    CHECK_OK(wetee_storage_value_decode_json(&json, md, acc, NULL, 0, NULL));
    CHECK_JSON_HAS(&json, "\"nonce\":0");
    CHECK_OK(wetee_storage_value_decode_json(&json, md, now, (const uint8_t *)"\x39\x30\0\0\0\0\0\0", 8, NULL));
    CHECK_STR((const char *)json.data, "12345");
    CHECK_ERR(wetee_storage_value_decode_json(&json, md, now, (const uint8_t *)"\x39\x30\0", 3, NULL), WETEE_ERR_TRUNCATED);
    /* key decoding errors */
    CHECK_OK(wetee_storage_key_json(&key, md, acc, k, strlen(k)));
    key.data[40] ^= 1; /* inside the blake2_128 hash */
    CHECK_ERR(wetee_storage_key_decode_json(&json, md, acc, key.data, key.len, NULL), WETEE_ERR_CHECKSUM);
    CHECK_ERR(wetee_storage_key_decode_json(&json, md, acc, key.data, 40, NULL), WETEE_ERR_TRUNCATED);
    CHECK_ERR(wetee_storage_key_decode_json(&json, md, now, key.data, key.len, NULL), WETEE_ERR_DECODE);
    /* a double map with Twox64Concat keys */
    {
        const wetee_md_pallet *p = wetee_metadata_pallet_by_name(md, "Staking");
        const wetee_md_storage *s = wetee_md_pallet_storage_by_name(md, p, "ErasStakers");
        const char *kk = "[7,\"" ALICE_SS58 "\"]";
        CHECK(s != NULL && wetee_md_storage_hasher_count(s) == 2);
        CHECK_OK(wetee_storage_key_json(&key, md, s, kk, strlen(kk)));
        CHECK(key.len == 32 + 8 + 4 + 8 + 32);
        CHECK_OK(wetee_storage_key_decode_json(&json, md, s, key.data, key.len, NULL));
        CHECK_STR((const char *)json.data, "[7,\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"]");
        CHECK_OK(wetee_storage_key_json(&key, md, s, "[7]", 3));
        CHECK(key.len == 32 + 8 + 4);
    }
    wetee_buf_free(&key);
    wetee_buf_free(&json);
    wetee_metadata_free(md);
}

/* ------------------------------------------------------------------ */
/* events and errors                                                   */
/* ------------------------------------------------------------------ */

WT_TEST(test_events_and_errors)
{
    wetee_metadata *md = load_hex("metadata-hash/polkadot_metadata_v15.hex");
    wetee_buf b = WETEE_BUF_INIT, json = WETEE_BUF_INIT, hex = WETEE_BUF_INIT;
    const wetee_md_storage *events;
    const char *rec;
    if (!md) WT_SKIP("vectors/metadata-hash/polkadot_metadata_v15.hex absent");
    events = wetee_md_pallet_storage_by_name(md, wetee_metadata_pallet_by_name(md, "System"), "Events");
    rec = "[{\"phase\":{\"ApplyExtrinsic\":1},\"event\":{\"Balances\":{\"Transfer\":{\"from\":\"" ALICE_SS58
          "\",\"to\":\"" ALICE_SS58 "\",\"amount\":5}}},\"topics\":[]},"
          "{\"phase\":\"Initialization\",\"event\":{\"System\":{\"Remarked\":{\"sender\":\"" ALICE_SS58
          "\",\"hash\":\"0x" ALICE_HEX "\"}}},\"topics\":[\"0x" ALICE_HEX "\"]}]";
    CHECK_OK(wetee_value_encode_json(&b, md, wetee_md_storage_value_type(events), rec, strlen(rec)));
    /* Vec len 2; ApplyExtrinsic(1); Balances (5) Transfer (2) from to amount u128; no topics */
    CHECK_OK(wetee_hex_encode(&hex, b.data, 4 + 1 + 1 + 1 + 1 + 32 + 32 + 16 + 1, 0));
    CHECK_STR((const char *)hex.data, "08"
                                      "0001000000"
                                      "0502" ALICE_HEX ALICE_HEX "05000000000000000000000000000000"
                                      "00");
    CHECK_OK(wetee_events_decode_json(&json, md, b.data, b.len, NULL));
    CHECK_STR((const char *)json.data,
              "[{\"phase\":{\"ApplyExtrinsic\":1},\"pallet\":\"Balances\",\"event\":\"Transfer\",\"fields\":{\"from\":"
              "\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\",\"to\":\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\","
              "\"amount\":5},\"topics\":[]},{\"phase\":{\"Initialization\":null},\"pallet\":\"System\",\"event\":\"Remarked\","
              "\"fields\":{\"sender\":\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\",\"hash\":\"0x" ALICE_HEX
              "\"},\"topics\":[\"0x" ALICE_HEX "\"]}]");
    CHECK_ERR(wetee_events_decode_json(&json, md, b.data, b.len - 1, NULL), WETEE_ERR_TRUNCATED);
    CHECK_DETAIL("events[1]");
    /* DispatchError: Module { index 5, error [2,0,0,0] } is Balances.InsufficientBalance */
    CHECK_OK(wetee_dispatch_error_json(&json, md, (const uint8_t *)"\x03\x05\x02\x00\x00\x00", 6, NULL));
    CHECK_JSON_HAS(&json, "\"kind\":\"Module\",\"pallet\":\"Balances\",\"error\":\"InsufficientBalance\"");
    CHECK_JSON_HAS(&json, "\"docs\":\"Balance too low to send value.\"");
    CHECK_OK(wetee_dispatch_error_json(&json, md, (const uint8_t *)"\x07\x00", 2, NULL));
    CHECK_JSON_HAS(&json, "\"kind\":\"Token\",\"pallet\":null,\"error\":\"FundsUnavailable\"");
    CHECK_OK(wetee_dispatch_error_json(&json, md, (const uint8_t *)"\x08\x01", 2, NULL));
    CHECK_JSON_HAS(&json, "\"kind\":\"Arithmetic\",\"pallet\":null,\"error\":\"Overflow\"");
    CHECK_OK(wetee_dispatch_error_json(&json, md, (const uint8_t *)"\x09\x00", 2, NULL));
    CHECK_JSON_HAS(&json, "\"kind\":\"Transactional\",\"pallet\":null,\"error\":\"LimitReached\"");
    CHECK_OK(wetee_dispatch_error_json(&json, md, (const uint8_t *)"\x02", 1, NULL));
    CHECK_JSON_HAS(&json, "\"kind\":\"BadOrigin\",\"pallet\":null,\"error\":\"BadOrigin\"");
    {
        uint8_t de[6] = { 3, 0, 2, 0, 0, 0 };
        de[1] = unused_pallet_index(md);
        CHECK_OK(wetee_dispatch_error_json(&json, md, de, 6, NULL));
    }
    CHECK_JSON_HAS(&json, "\"pallet\":null,\"error\":null");
    CHECK_ERR(wetee_dispatch_error_json(&json, md, (const uint8_t *)"\x63", 1, NULL), WETEE_ERR_DECODE);
    CHECK_DETAIL("unknown variant index 99 of DispatchError");
    wetee_buf_free(&b);
    wetee_buf_free(&json);
    wetee_buf_free(&hex);
    wetee_metadata_free(md);
}

/* Compact<()> (MultiAddress::Index on chains without an indices pallet) takes
 * what () takes and nothing else: it used to encode any value as no bytes. */
static void compact_unit_strict(const wetee_metadata *md, const char *name, size_t *found)
{
    static const char *bad[] = { "\"garbage\"", "12345", "[1,2,3]", "true" };
    size_t i, k;
    for (i = 0; i < wetee_metadata_type_count(md); i++) {
        const wetee_md_type *t = wetee_metadata_type(md, (uint32_t)i), *in;
        wetee_buf b = WETEE_BUF_INIT;
        if (wetee_md_type_kind(t) != WETEE_TYPE_COMPACT) continue;
        in = wetee_metadata_type(md, wetee_md_type_elem(t));
        if (!((wetee_md_type_kind(in) == WETEE_TYPE_TUPLE && wetee_md_type_tuple_len(in) == 0) ||
              (wetee_md_type_kind(in) == WETEE_TYPE_COMPOSITE && wetee_md_type_field_count(in) == 0)))
            continue;
        (*found)++;
        CHECK_OK(wetee_value_encode_json(&b, md, (uint32_t)i, "null", 4));
        CHECK(b.len == 0);
        for (k = 0; k < sizeof bad / sizeof *bad; k++) {
            if (wetee_value_encode_json(&b, md, (uint32_t)i, bad[k], strlen(bad[k])) == WETEE_OK) {
                wt_test_checks++;
                wt_test_failures++;
                fprintf(stderr, "  %s: Compact<()> type %zu took %s\n", name, i, bad[k]);
            } else {
                CHECK_ERR(wetee_last_error_code(), WETEE_ERR_DECODE);
                CHECK_DETAIL("expected ");
            }
            CHECK(b.len == 0);
        }
        wetee_buf_free(&b);
    }
}

WT_TEST(test_compact_unit_strict)
{
    wetee_metadata *md = load_rpc("wetee/wetee-dev-spec110-metadata.json");
    wetee_buf b = WETEE_BUF_INIT;
    size_t found = 0;
    const char *ok = "{\"dest\":{\"Index\":null},\"value\":1}", *bad = "{\"dest\":{\"Index\":\"garbage\"},\"value\":1}";
    if (!md) WT_SKIP("vectors/wetee/wetee-dev-spec110-metadata.json absent");
    /* WeTEE's MultiAddress<AccountId32, ()>: Index carries Compact<()> */
    CHECK_OK(wetee_call_encode_json(&b, md, "Balances", "transfer_keep_alive", ok, strlen(ok)));
    CHECK_HEX(b.data, b.len, "04030104");
    b.len = 0;
    CHECK_ERR(wetee_call_encode_json(&b, md, "Balances", "transfer_keep_alive", bad, strlen(bad)), WETEE_ERR_DECODE);
    CHECK_DETAIL("value: dest.Index: expected () (null), got string");
    CHECK(b.len == 0);
    bad = "{\"dest\":{\"Index\":12345},\"value\":1}";
    CHECK_ERR(wetee_call_encode_json(&b, md, "Balances", "transfer_keep_alive", bad, strlen(bad)), WETEE_ERR_DECODE);
    CHECK_DETAIL("dest.Index: expected () (null), got ");
    compact_unit_strict(md, "wetee-dev", &found);
    CHECK(found > 0);
    wetee_metadata_free(md);
    md = load_hex("metadata-hash/polkadot_metadata_v15.hex");
    if (md) {
        compact_unit_strict(md, "polkadot v15", &found);
        wetee_metadata_free(md);
    }
    wetee_buf_free(&b);
}

/* Option<E> where the enum E has a variant NONE (WeTEE's Command): polkadot.js
 * writes Some(E::NONE) as {"none": null}; a key naming a variant of the inner
 * enum is that variant (Some), JSON null alone is None. It used to be read as
 * Option::None and encoded 00, silently. */
WT_TEST(test_option_of_enum_names)
{
    wetee_metadata *md = load_rpc("wetee/wetee-dev-spec110-metadata.json");
    static const char *some_none[] = { "{\"none\":null}", "{\"NONE\":null}", "\"NONE\"", "{\"Some\":\"NONE\"}",
                                       "{\"some\":{\"none\":null}}" };
    wetee_buf b = WETEE_BUF_INIT, json = WETEE_BUF_INIT;
    char args[512];
    size_t i;
    if (!md) WT_SKIP("vectors/wetee/wetee-dev-spec110-metadata.json absent");
#define UPDATE_ARGS(cmd)                                                                                              \
    snprintf(args, sizeof args,                                                                                   \
             "{\"app_id\":1,\"new_name\":null,\"new_image\":null,\"new_signer\":null,\"new_signature\":null,"      \
             "\"new_port\":null,\"new_command\":%s,\"new_env\":[],\"secret_env\":null,\"with_restart\":false}", (cmd))
    /* App (0x70) update (0x02), app_id u64 1, four None, None port, then the command */
    for (i = 0; i < sizeof some_none / sizeof *some_none; i++) {
        UPDATE_ARGS(some_none[i]);
        b.len = 0;
        CHECK_OK(wetee_call_encode_json(&b, md, "App", "update", args, strlen(args)));
        CHECK_HEX(b.data, b.len, "7002010000000000000000000000000103000000");
    }
    /* decoded and written back as JSON, it encodes to the same bytes */
    CHECK_OK(wetee_call_decode_json(&json, md, b.data, b.len, NULL));
    CHECK_JSON_HAS(&json, "\"new_command\":{\"NONE\":null}");
    UPDATE_ARGS("null");
    b.len = 0;
    CHECK_OK(wetee_call_encode_json(&b, md, "App", "update", args, strlen(args)));
    CHECK_HEX(b.data, b.len, "70020100000000000000000000000000000000");
    /* "None" is not a spelling of NONE (camelCase gives "none"): Option::None */
    UPDATE_ARGS("{\"None\":null}");
    b.len = 0;
    CHECK_OK(wetee_call_encode_json(&b, md, "App", "update", args, strlen(args)));
    CHECK_HEX(b.data, b.len, "70020100000000000000000000000000000000");
    /* inner types that are not enums keep {"None": null} / {"Some": x} */
    snprintf(args, sizeof args,
             "{\"app_id\":1,\"new_name\":{\"none\":null},\"new_image\":{\"Some\":\"0x01\"},\"new_signer\":null,"
             "\"new_signature\":null,\"new_port\":null,\"new_command\":null,\"new_env\":[],\"secret_env\":null,"
             "\"with_restart\":false}");
    b.len = 0;
    CHECK_OK(wetee_call_encode_json(&b, md, "App", "update", args, strlen(args)));
    CHECK_HEX(b.data, b.len, "700201000000000000000001040100000000000000");
    UPDATE_ARGS("{\"nope\":null}");
    b.len = 0;
    CHECK_ERR(wetee_call_encode_json(&b, md, "App", "update", args, strlen(args)), WETEE_ERR_DECODE);
    CHECK_DETAIL("new_command: unknown variant \"nope\"");
#undef UPDATE_ARGS
    wetee_buf_free(&b);
    wetee_buf_free(&json);
    wetee_metadata_free(md);
}

/* DispatchError::Module { index: u8, error: u8 } with the fields in the variant
 * (runtimes before 2022, here Kusama 9111) resolves as the ModuleError form. */
WT_TEST(test_dispatch_error_inline_module)
{
    wetee_metadata *md = load_scale("metadata/metadata_v14_9111.scale");
    wetee_buf json = WETEE_BUF_INIT;
    if (!md) WT_SKIP("vectors/metadata/metadata_v14_9111.scale absent");
    /* Module (3), Balances (4), InsufficientBalance (2) */
    CHECK_OK(wetee_dispatch_error_json(&json, md, (const uint8_t *)"\x03\x04\x02", 3, NULL));
    CHECK_STR((const char *)json.data, "{\"kind\":\"Module\",\"pallet\":\"Balances\",\"error\":\"InsufficientBalance\","
                                       "\"docs\":\"Balance too low to send value\",\"value\":{\"Module\":{\"index\":4,"
                                       "\"error\":2}}}");
    /* System (0) error 1 */
    CHECK_OK(wetee_dispatch_error_json(&json, md, (const uint8_t *)"\x03\x00\x01", 3, NULL));
    CHECK_JSON_HAS(&json, "\"kind\":\"Module\",\"pallet\":\"System\",\"error\":\"");
    {
        uint8_t de[3] = { 3, 0, 2 };
        de[1] = unused_pallet_index(md);
        CHECK_OK(wetee_dispatch_error_json(&json, md, de, 3, NULL));
        CHECK_JSON_HAS(&json, "\"kind\":\"Module\",\"pallet\":null,\"error\":null,\"docs\":\"\"");
    }
    CHECK_ERR(wetee_dispatch_error_json(&json, md, (const uint8_t *)"\x03\x04", 2, NULL), WETEE_ERR_TRUNCATED);
    wetee_buf_free(&json);
    wetee_metadata_free(md);
}

/* ------------------------------------------------------------------ */
/* round trips over every constant and storage default of a fixture    */
/* ------------------------------------------------------------------ */

static void round_trip(const wetee_metadata *md, uint32_t ty, const uint8_t *data, size_t len, const char *what,
                       size_t *n_ok, size_t *n_json)
{
    wetee_value *v = NULL, *back = NULL;
    wetee_buf enc = WETEE_BUF_INIT, json = WETEE_BUF_INIT, enc2 = WETEE_BUF_INIT;
    int rc = wetee_value_decode(&v, NULL, md, ty, data, len);
    if (rc != WETEE_OK) {
        wt_test_checks++;
        wt_test_failures++;
        fprintf(stderr, "  %s: decode failed: %s\n", what, wetee_last_error());
        return;
    }
    CHECK_OK(wetee_value_encode(&enc, md, ty, v));
    CHECK(enc.len == len && (len == 0 || memcmp(enc.data, data, len) == 0));
    CHECK_OK(wetee_value_to_json(&json, md, v, NULL));
    rc = wetee_value_encode_json(&enc2, md, ty, (const char *)json.data, json.len);
    if (rc == WETEE_OK && enc2.len == len && (len == 0 || memcmp(enc2.data, data, len) == 0)) (*n_json)++;
    else fprintf(stderr, "  %s: JSON %.200s does not round-trip (%s)\n", what, (const char *)json.data,
                 rc ? wetee_last_error() : "different bytes");
    (*n_ok)++;
    wetee_value_free(v);
    wetee_value_free(back);
    wetee_buf_free(&enc);
    wetee_buf_free(&enc2);
    wetee_buf_free(&json);
}

static void round_trip_all(const wetee_metadata *md, const char *name)
{
    size_t i, j, n = 0, nj = 0, total = 0;
    for (i = 0; i < wetee_metadata_pallet_count(md); i++) {
        const wetee_md_pallet *p = wetee_metadata_pallet_at(md, i);
        char what[200];
        for (j = 0; j < wetee_md_pallet_constant_count(p); j++) {
            const wetee_md_constant *c = wetee_md_pallet_constant_at(p, j);
            size_t vl;
            const uint8_t *val = wetee_md_constant_value(&vl, c);
            snprintf(what, sizeof what, "%s %s.%s", name, wetee_md_pallet_name(p), wetee_md_constant_name(c));
            round_trip(md, wetee_md_constant_type(c), val, vl, what, &n, &nj);
            total++;
        }
        for (j = 0; j < wetee_md_pallet_storage_count(p); j++) {
            const wetee_md_storage *s = wetee_md_pallet_storage_at(p, j);
            size_t dl;
            const uint8_t *def = wetee_md_storage_default(&dl, s);
            if (wetee_md_storage_modifier(s) != WETEE_MD_STORAGE_DEFAULT) continue;
            snprintf(what, sizeof what, "%s %s.%s default", name, wetee_md_pallet_name(p), wetee_md_storage_name(s));
            round_trip(md, wetee_md_storage_value_type(s), def, dl, what, &n, &nj);
            total++;
        }
    }
    printf("  %s: %zu of %zu constants/defaults decode and re-encode, %zu round-trip through JSON\n", name, n, total, nj);
    CHECK(n == total);
    CHECK(nj == total);
}

WT_TEST(test_round_trip_fixtures)
{
    static const char *hex[] = { "metadata-hash/polkadot_metadata_v15.hex", "metadata-hash/kusama_metadata_v15.hex" };
    static const char *scale[] = { "metadata/polkadot_metadata_full.scale", "metadata/metadata_v14_9111.scale",
                                   "metadata/polkadot_assethub_metadata_small.scale",
                                   "metadata/frontier_metadata_small.scale", "wetee/revive-dev-runtime-v16.scale" };
    static const char *rpc[] = { "wetee/wetee-dev-spec110-metadata.json", "wetee/revive-dev-spec101-metadata.json" };
    size_t i;
    int any = 0;
    for (i = 0; i < 2; i++) {
        wetee_metadata *md = load_hex(hex[i]);
        if (!md) continue;
        any = 1;
        round_trip_all(md, hex[i]);
        wetee_metadata_free(md);
    }
    for (i = 0; i < 5; i++) {
        wetee_metadata *md = load_scale(scale[i]);
        if (!md) continue;
        any = 1;
        round_trip_all(md, scale[i]);
        wetee_metadata_free(md);
    }
    for (i = 0; i < 2; i++) {
        wetee_metadata *md = load_rpc(rpc[i]);
        if (!md) continue;
        any = 1;
        round_trip_all(md, rpc[i]);
        wetee_metadata_free(md);
    }
    if (!any) WT_SKIP("no metadata fixtures");
}

WT_TEST(test_constants_known)
{
    wetee_metadata *md = load_hex("metadata-hash/polkadot_metadata_v15.hex");
    wetee_buf json = WETEE_BUF_INIT;
    const wetee_md_pallet *bal, *sys;
    if (!md) WT_SKIP("vectors/metadata-hash/polkadot_metadata_v15.hex absent");
    bal = wetee_metadata_pallet_by_name(md, "Balances");
    sys = wetee_metadata_pallet_by_name(md, "System");
    CHECK_OK(wetee_constant_json(&json, md, wetee_md_pallet_constant_by_name(md, bal, "ExistentialDeposit"), NULL));
    CHECK_STR((const char *)json.data, "10000000000");
    CHECK_OK(wetee_constant_json(&json, md, wetee_md_pallet_constant_by_name(md, sys, "SS58Prefix"), NULL));
    CHECK_STR((const char *)json.data, "0");
    CHECK_OK(wetee_constant_json(&json, md, wetee_md_pallet_constant_by_name(md, sys, "Version"), NULL));
    CHECK_JSON_HAS(&json, "{\"spec_name\":\"polkadot\",\"impl_name\":\"parity-polkadot\"");
    /* u64::MAX is above 2^53: a decimal string */
    CHECK_OK(wetee_constant_json(&json, md, wetee_md_pallet_constant_by_name(md, sys, "BlockWeights"), NULL));
    CHECK_JSON_HAS(&json, "\"proof_size\":\"18446744073709551615\"");
    {
        wetee_json_options camel = WETEE_JSON_OPTIONS_INIT;
        camel.camel_case = 1;
        CHECK_OK(wetee_constant_json(&json, md, wetee_md_pallet_constant_by_name(md, sys, "BlockWeights"), &camel));
        CHECK_JSON_HAS(&json, "\"baseBlock\":{\"refTime\":");
        CHECK_JSON_HAS(&json, "\"perClass\":{\"normal\":{\"baseExtrinsic\"");
    }
    wetee_buf_free(&json);
    wetee_metadata_free(md);
}

/* ------------------------------------------------------------------ */
/* synthetic registry: primitives, ranges, recursion, bit sequences    */
/* ------------------------------------------------------------------ */

static void put_str(wetee_buf *b, const char *s) { CHECK_OK(wetee_scale_put_str(b, s, strlen(s))); }
static void put_c(wetee_buf *b, uint32_t v) { CHECK_OK(wetee_scale_put_compact_u64(b, v)); }
static void put_u8(wetee_buf *b, uint8_t v) { CHECK_OK(wetee_scale_put_u8(b, v)); }

/* Types: 0..14 the primitives in wetee_primitive order, 25 (u32, u8), 15 Node { next:
 * Option<Node> } via 16 = Option<Node> (recursive), 17 BitVec<u8, Lsb0> with
 * 18 = Lsb0, 19 Compact<u64>, 20 Vec<()> with 21 = (), 22 [u16; 2],
 * 23 AccountId20([u8; 20]) with 24 = [u8; 20]. */
static wetee_metadata *synthetic(void)
{
    wetee_buf b = WETEE_BUF_INIT;
    wetee_metadata *md = NULL;
    unsigned i;
    CHECK_OK(wetee_buf_append(&b, (const uint8_t *)"meta\x0e", 5));
    put_c(&b, 26);
    for (i = 0; i <= 14; i++) {
        put_c(&b, i); put_c(&b, 0); put_c(&b, 0); put_u8(&b, 5); put_u8(&b, (uint8_t)i); put_c(&b, 0);
    }
    put_c(&b, 15); put_c(&b, 1); put_str(&b, "Node"); put_c(&b, 0); put_u8(&b, 0); put_c(&b, 1);
    put_u8(&b, 1); put_str(&b, "next"); put_c(&b, 16); put_u8(&b, 0); put_c(&b, 0); put_c(&b, 0);
    put_c(&b, 16); put_c(&b, 1); put_str(&b, "Option"); put_c(&b, 1); put_str(&b, "T"); put_u8(&b, 1); put_c(&b, 15);
    put_u8(&b, 1); put_c(&b, 2);
    put_str(&b, "None"); put_c(&b, 0); put_u8(&b, 0); put_c(&b, 0);
    put_str(&b, "Some"); put_c(&b, 1); put_u8(&b, 0); put_c(&b, 15); put_u8(&b, 0); put_c(&b, 0); put_u8(&b, 1); put_c(&b, 0);
    put_c(&b, 0);
    put_c(&b, 17); put_c(&b, 0); put_c(&b, 0); put_u8(&b, 7); put_c(&b, 3); put_c(&b, 18); put_c(&b, 0);
    put_c(&b, 18); put_c(&b, 3); put_str(&b, "bitvec"); put_str(&b, "order"); put_str(&b, "Lsb0"); put_c(&b, 0);
    put_u8(&b, 0); put_c(&b, 0); put_c(&b, 0);
    put_c(&b, 19); put_c(&b, 0); put_c(&b, 0); put_u8(&b, 6); put_c(&b, 6); put_c(&b, 0);
    put_c(&b, 20); put_c(&b, 0); put_c(&b, 0); put_u8(&b, 2); put_c(&b, 21); put_c(&b, 0);
    put_c(&b, 21); put_c(&b, 0); put_c(&b, 0); put_u8(&b, 4); put_c(&b, 0); put_c(&b, 0);
    put_c(&b, 22); put_c(&b, 0); put_c(&b, 0); put_u8(&b, 3); CHECK_OK(wetee_scale_put_u32(&b, 2)); put_c(&b, 4); put_c(&b, 0);
    put_c(&b, 23); put_c(&b, 1); put_str(&b, "AccountId20"); put_c(&b, 0); put_u8(&b, 0); put_c(&b, 1);
    put_u8(&b, 0); put_c(&b, 24); put_u8(&b, 0); put_c(&b, 0); put_c(&b, 0);
    put_c(&b, 24); put_c(&b, 0); put_c(&b, 0); put_u8(&b, 3); CHECK_OK(wetee_scale_put_u32(&b, 20)); put_c(&b, 3); put_c(&b, 0);
    put_c(&b, 25); put_c(&b, 0); put_c(&b, 0); put_u8(&b, 4); put_c(&b, 2); put_c(&b, 5); put_c(&b, 3); put_c(&b, 0);
    /* pallet "Demo" (index 9): maps u32 -> u8 with each hasher, and a double map (u32, u8) */
    put_c(&b, 1);
    put_str(&b, "Demo");
    put_u8(&b, 1);
    put_str(&b, "Demo");
    put_c(&b, 8);
    for (i = 0; i <= WETEE_HASHER_IDENTITY; i++) {
        char name[8];
        snprintf(name, sizeof name, "Map%u", i);
        put_str(&b, name); put_u8(&b, 1); put_u8(&b, 1); put_c(&b, 1); put_u8(&b, (uint8_t)i); put_c(&b, 5); put_c(&b, 3);
        put_c(&b, 1); put_u8(&b, 7); put_c(&b, 0);
    }
    put_str(&b, "Double"); put_u8(&b, 0); put_u8(&b, 1); put_c(&b, 2); put_u8(&b, WETEE_HASHER_BLAKE2_128_CONCAT);
    put_u8(&b, WETEE_HASHER_IDENTITY); put_c(&b, 25); put_c(&b, 3); put_c(&b, 0); put_c(&b, 0);
    put_u8(&b, 0); put_u8(&b, 0); put_c(&b, 0); put_u8(&b, 0); put_u8(&b, 9);
    put_c(&b, 21); put_u8(&b, 4); put_c(&b, 0); /* extrinsic */
    put_c(&b, 21);                   /* runtime type */
    CHECK_OK(wetee_metadata_parse(&md, b.data, b.len, NULL));
    /* WETEE_WRITE_VALUE_REGISTRY=<file> writes this registry (fuzz/fuzz_value.c embeds it) */
    if (getenv("WETEE_WRITE_VALUE_REGISTRY")) {
        FILE *f = fopen(getenv("WETEE_WRITE_VALUE_REGISTRY"), "wb");
        CHECK(f != NULL);
        if (f) {
            CHECK(fwrite(b.data, 1, b.len, f) == b.len);
            fclose(f);
        }
    }
    wetee_buf_free(&b);
    return md;
}

static void enc_json_hex(const wetee_metadata *md, uint32_t ty, const char *json, const char *hex)
{
    wetee_buf b = WETEE_BUF_INIT, back = WETEE_BUF_INIT;
    CHECK_OK(wetee_value_encode_json(&b, md, ty, json, strlen(json)));
    CHECK_HEX(b.data, b.len, hex);
    CHECK_OK(wetee_value_decode_json(&back, md, ty, b.data, b.len, NULL));
    wetee_buf_free(&b);
    wetee_buf_free(&back);
}

static void enc_json_err(const wetee_metadata *md, uint32_t ty, const char *json, int code, const char *detail)
{
    wetee_buf b = WETEE_BUF_INIT;
    CHECK_ERR(wetee_value_encode_json(&b, md, ty, json, strlen(json)), code);
    CHECK_DETAIL(detail);
    CHECK(b.len == 0);
    wetee_buf_free(&b);
}

WT_TEST(test_synthetic_primitives)
{
    wetee_metadata *md = synthetic();
    wetee_buf j = WETEE_BUF_INIT, b = WETEE_BUF_INIT;
    if (!md) return;
    enc_json_hex(md, WETEE_PRIM_BOOL, "true", "01");
    enc_json_hex(md, WETEE_PRIM_CHAR, "\"\xc3\xa9\"", "e9000000");
    enc_json_hex(md, WETEE_PRIM_STR, "\"abc\"", "0c616263");
    enc_json_hex(md, WETEE_PRIM_U8, "255", "ff");
    enc_json_hex(md, WETEE_PRIM_U16, "\"0x0102\"", "0201");
    enc_json_hex(md, WETEE_PRIM_U64, "\"18446744073709551615\"", "ffffffffffffffff");
    enc_json_hex(md, WETEE_PRIM_U128, "\"340282366920938463463374607431768211455\"", "ffffffffffffffffffffffffffffffff");
    enc_json_hex(md, WETEE_PRIM_U256, "\"0x01\"", "0100000000000000000000000000000000000000000000000000000000000000");
    enc_json_hex(md, WETEE_PRIM_I8, "-128", "80");
    enc_json_hex(md, WETEE_PRIM_I16, "-2", "feff");
    enc_json_hex(md, WETEE_PRIM_I128, "\"-170141183460469231731687303715884105728\"", "00000000000000000000000000000080");
    enc_json_hex(md, WETEE_PRIM_I256, "-1", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
    /* full-width hex of a signed type is two's complement (polkadot.js's form of a negative i128);
     * shorter hex is a magnitude */
    enc_json_hex(md, WETEE_PRIM_I128, "\"0xfffffffffffffffffffffffffffffffe\"", "feffffffffffffffffffffffffffffff");
    enc_json_hex(md, WETEE_PRIM_I16, "\"0x8000\"", "0080");
    enc_json_hex(md, WETEE_PRIM_I16, "\"0x7fff\"", "ff7f");
    enc_json_err(md, WETEE_PRIM_I16, "\"0x08000\"", WETEE_ERR_OVERFLOW, "32768 out of range for i16");
    enc_json_hex(md, 19, "\"1000000000000\"", "070010a5d4e8");
    enc_json_hex(md, 22, "[1,2]", "01000200");
    enc_json_hex(md, 17, "[true,false,true]", "0c05");
    enc_json_hex(md, 20, "[null,[]]", "08");
    enc_json_hex(md, 16, "null", "00");
    enc_json_hex(md, 16, "{\"next\":{\"next\":null}}", "010100");
    enc_json_hex(md, 23, "\"0x52908400098527886E0F7030069857D2E4169EE7\"", "52908400098527886e0f7030069857d2e4169ee7");
    enc_json_err(md, 23, "\"0x52908400098527886E0F7030069857D2E4169Ee7\"", WETEE_ERR_CHECKSUM, "value: (root): ");
    enc_json_err(md, WETEE_PRIM_U8, "256", WETEE_ERR_OVERFLOW, "256 out of range for u8");
    enc_json_err(md, WETEE_PRIM_I8, "-129", WETEE_ERR_OVERFLOW, "-129 out of range for i8");
    enc_json_err(md, WETEE_PRIM_I8, "128", WETEE_ERR_OVERFLOW, "128 out of range for i8");
    enc_json_err(md, WETEE_PRIM_U256, "\"0x10000000000000000000000000000000000000000000000000000000000000000\"",
                 WETEE_ERR_OVERFLOW, "above 2^256");
    enc_json_err(md, WETEE_PRIM_BOOL, "1", WETEE_ERR_DECODE, "expected a bool");
    enc_json_err(md, WETEE_PRIM_CHAR, "\"ab\"", WETEE_ERR_DECODE, "one-character");
    enc_json_err(md, 22, "[1,2,3]", WETEE_ERR_DECODE, "expected 2 items, got 3");
    enc_json_err(md, 22, "[1,70000]", WETEE_ERR_OVERFLOW, "[1]: 70000 out of range for u16");
    enc_json_err(md, 16, "{\"next\":{\"nxt\":null}}", WETEE_ERR_DECODE, "next.nxt: unknown field");
    enc_json_err(md, 15, "{}", WETEE_ERR_DECODE, "next: missing field");
    enc_json_err(md, 17, "[true,2]", WETEE_ERR_DECODE, "[1]: expected a bit");
    enc_json_err(md, 99, "1", WETEE_ERR_NOT_FOUND, "unknown type id 99");
    /* JSON output rules: 2^53 - 1 is a number, 2^53 a string (also negative); bits as hex */
    CHECK_OK(wetee_value_decode_json(&j, md, WETEE_PRIM_U64, (const uint8_t *)"\xff\xff\xff\xff\xff\xff\x1f\x00", 8, NULL));
    CHECK_STR((const char *)j.data, "9007199254740991");
    CHECK_OK(wetee_value_decode_json(&j, md, WETEE_PRIM_U64, (const uint8_t *)"\x00\x00\x00\x00\x00\x00\x20\x00", 8, NULL));
    CHECK_STR((const char *)j.data, "\"9007199254740992\"");
    CHECK_OK(wetee_value_decode_json(&j, md, WETEE_PRIM_I64, (const uint8_t *)"\x01\x00\x00\x00\x00\x00\xe0\xff", 8, NULL));
    CHECK_STR((const char *)j.data, "-9007199254740991");
    CHECK_OK(wetee_value_decode_json(&j, md, WETEE_PRIM_I64, (const uint8_t *)"\x00\x00\x00\x00\x00\x00\xe0\xff", 8, NULL));
    CHECK_STR((const char *)j.data, "\"-9007199254740992\"");
    CHECK_OK(wetee_value_decode_json(&j, md, WETEE_PRIM_I64, (const uint8_t *)"\xff\xff\xff\xff\xff\xff\xff\xff", 8, NULL));
    CHECK_STR((const char *)j.data, "-1");
    CHECK_OK(wetee_value_decode_json(&j, md, 17, (const uint8_t *)"\x0c\x05", 2, NULL));
    CHECK_STR((const char *)j.data, "\"0x05\"");
    CHECK_OK(wetee_value_decode_json(&j, md, 23, (const uint8_t *)"\x52\x90\x84\x00\x09\x85\x27\x88\x6e\x0f\x70\x30\x06\x98\x57\xd2\xe4\x16\x9e\xe7", 20, NULL));
    CHECK_STR((const char *)j.data, "\"0x52908400098527886E0F7030069857D2E4169EE7\"");
    /* decoding errors */
    CHECK_ERR(wetee_value_decode_json(&j, md, WETEE_PRIM_BOOL, (const uint8_t *)"\x02", 1, NULL), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_value_decode_json(&j, md, WETEE_PRIM_CHAR, (const uint8_t *)"\x00\xd8\x00\x00", 4, NULL), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_value_decode_json(&j, md, WETEE_PRIM_U8, (const uint8_t *)"\x01\x02", 2, NULL), WETEE_ERR_TRAILING);
    CHECK_OK(wetee_value_decode_json(&j, md, 19, (const uint8_t *)"\x13\xff\xff\xff\xff\xff\xff\xff\xff", 9, NULL));
    CHECK_STR((const char *)j.data, "\"18446744073709551615\"");
    CHECK_ERR(wetee_value_decode_json(&j, md, 19, (const uint8_t *)"\x17\xff\xff\xff\xff\xff\xff\xff\xff\x01", 10, NULL), WETEE_ERR_OVERFLOW);
    /* Vec<()> with a huge declared length: bounded */
    CHECK_ERR(wetee_value_decode_json(&j, md, 20, (const uint8_t *)"\x03\xff\xff\xff\xff", 5, NULL), WETEE_ERR_TRUNCATED);
    CHECK_DETAIL("cannot fit");
    /* a long chain of Some(Node) hits the depth limit, not the stack */
    {
        size_t k;
        b.len = 0;
        for (k = 0; k < 1000; k++) CHECK_OK(wetee_scale_put_u8(&b, 1));
        CHECK_OK(wetee_scale_put_u8(&b, 0));
        CHECK_ERR(wetee_value_decode_json(&j, md, 16, b.data, b.len, NULL), WETEE_ERR_DEPTH);
        CHECK_DETAIL("next.Some");
    }
    wetee_buf_free(&j);
    wetee_buf_free(&b);
    wetee_metadata_free(md);
}

/* Storage keys for all seven hashers: prefix ‖ hasher(SCALE(key)), with the
 * hashes from the hash module (known-answer tested there). */
WT_TEST(test_storage_hashers)
{
    wetee_metadata *md = synthetic();
    const wetee_md_pallet *p;
    wetee_buf key = WETEE_BUF_INIT, want = WETEE_BUF_INIT, json = WETEE_BUF_INIT;
    static const uint8_t k[4] = { 0x2a, 0, 0, 0 }; /* SCALE of 42u32 */
    uint8_t h[32], pre[32];
    unsigned i;
    if (!md) return;
    p = wetee_metadata_pallet_by_name(md, "Demo");
    CHECK(p != NULL);
    wetee_hash_twox128(pre, (const uint8_t *)"Demo", 4);
    for (i = 0; i <= WETEE_HASHER_IDENTITY; i++) {
        char name[8];
        const wetee_md_storage *s;
        snprintf(name, sizeof name, "Map%u", i);
        s = wetee_md_pallet_storage_by_name(md, p, name);
        CHECK(s != NULL && wetee_md_storage_hasher(s, 0) == (int)i);
        want.len = 0;
        CHECK_OK(wetee_buf_append(&want, pre, 16));
        wetee_hash_twox128(h, (const uint8_t *)name, strlen(name));
        CHECK_OK(wetee_buf_append(&want, h, 16));
        switch (i) {
        case WETEE_HASHER_BLAKE2_128: wetee_hash_blake2b_128(h, k, 4); CHECK_OK(wetee_buf_append(&want, h, 16)); break;
        case WETEE_HASHER_BLAKE2_256: wetee_hash_blake2b_256(h, k, 4); CHECK_OK(wetee_buf_append(&want, h, 32)); break;
        case WETEE_HASHER_BLAKE2_128_CONCAT:
            wetee_hash_blake2b_128(h, k, 4);
            CHECK_OK(wetee_buf_append(&want, h, 16));
            CHECK_OK(wetee_buf_append(&want, k, 4));
            break;
        case WETEE_HASHER_TWOX128: wetee_hash_twox128(h, k, 4); CHECK_OK(wetee_buf_append(&want, h, 16)); break;
        case WETEE_HASHER_TWOX256: wetee_hash_twox256(h, k, 4); CHECK_OK(wetee_buf_append(&want, h, 32)); break;
        case WETEE_HASHER_TWOX64_CONCAT:
            wetee_hash_twox64(h, k, 4);
            CHECK_OK(wetee_buf_append(&want, h, 8));
            CHECK_OK(wetee_buf_append(&want, k, 4));
            break;
        default: CHECK_OK(wetee_buf_append(&want, k, 4)); break;
        }
        CHECK_OK(wetee_storage_key_json(&key, md, s, "[42]", 4));
        CHECK(key.len == want.len && memcmp(key.data, want.data, key.len) == 0);
        CHECK_OK(wetee_storage_key_decode_json(&json, md, s, key.data, key.len, NULL));
        if (i == WETEE_HASHER_BLAKE2_128_CONCAT || i == WETEE_HASHER_TWOX64_CONCAT || i == WETEE_HASHER_IDENTITY)
            CHECK_STR((const char *)json.data, "[42]");
        else
            CHECK(json.data[0] == '[' && json.data[1] == '"' && json.data[2] == '0' && json.data[3] == 'x');
        /* the Default modifier gives the default bytes (7) when absent */
        CHECK_OK(wetee_storage_value_decode_json(&json, md, s, NULL, 0, NULL));
        CHECK_STR((const char *)json.data, "7");
    }
    {
        const wetee_md_storage *s = wetee_md_pallet_storage_by_name(md, p, "Double");
        CHECK_OK(wetee_storage_key_json(&key, md, s, "[42,5]", 6));
        CHECK(key.len == 32 + 16 + 4 + 1 && key.data[52] == 5);
        CHECK_OK(wetee_storage_key_decode_json(&json, md, s, key.data, key.len, NULL));
        CHECK_STR((const char *)json.data, "[42,5]");
        CHECK_OK(wetee_storage_value_decode_json(&json, md, s, NULL, 0, NULL));
        CHECK_STR((const char *)json.data, "null");
        CHECK_ERR(wetee_storage_key_json(&key, md, s, "[42,5,1]", 8), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_ERR(wetee_storage_key_json(&key, md, s, "[42,256]", 8), WETEE_ERR_OVERFLOW);
        CHECK_DETAIL("key[1]: 256 out of range for u8");
        CHECK_OK(wetee_storage_key_json(&key, md, s, "[42,5]", 6));
        CHECK_OK(wetee_buf_append(&key, (const uint8_t *)"\x00", 1));
        CHECK_ERR(wetee_storage_key_decode_json(&json, md, s, key.data, key.len, NULL), WETEE_ERR_TRAILING);
    }
    wetee_buf_free(&key);
    wetee_buf_free(&want);
    wetee_buf_free(&json);
    wetee_metadata_free(md);
}

/* One parsed metadata shared by four threads that encode and decode at the
 * same time: every thread gets the single-threaded answer every time. */
#if !defined(__STDC_NO_THREADS__)
typedef struct shared_job {
    const wetee_metadata *md;
    const char *expect_call;
    const char *expect_json;
    int bad;
} shared_job;

static int shared_worker(void *arg)
{
    shared_job *j = arg;
    wetee_buf call = WETEE_BUF_INIT, json = WETEE_BUF_INIT, hex = WETEE_BUF_INIT;
    const char *args = "{\"dest\":{\"Id\":\"" ALICE_SS58 "\"},\"value\":12345}";
    int i;
    for (i = 0; i < 300; i++) {
        call.len = 0;
        if (wetee_call_encode_json(&call, j->md, "Balances", "transfer_keep_alive", args, strlen(args)) != WETEE_OK ||
            wetee_hex_encode(&hex, call.data, call.len, 0) != WETEE_OK || strcmp((const char *)hex.data, j->expect_call) ||
            wetee_call_decode_json(&json, j->md, call.data, call.len, NULL) != WETEE_OK ||
            strcmp((const char *)json.data, j->expect_json) ||
            wetee_metadata_pallet_by_name(j->md, "Staking") == NULL)
            j->bad++;
    }
    wetee_buf_free(&call);
    wetee_buf_free(&json);
    wetee_buf_free(&hex);
    return 0;
}
#endif

WT_TEST(test_shared_between_threads)
{
#if defined(__STDC_NO_THREADS__)
    WT_SKIP("no C11 threads");
#else
    wetee_metadata *md = load_hex("metadata-hash/polkadot_metadata_v15.hex");
    shared_job jobs[4];
    thrd_t t[4];
    int k;
    if (!md) WT_SKIP("vectors/metadata-hash/polkadot_metadata_v15.hex absent");
    for (k = 0; k < 4; k++) {
        jobs[k].md = md;
        jobs[k].expect_call = "050300" ALICE_HEX "e5c0";
        jobs[k].expect_json = "{\"pallet\":\"Balances\",\"call\":\"transfer_keep_alive\",\"args\":{\"dest\":{\"Id\":"
                              "\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"},\"value\":12345}}";
        jobs[k].bad = 0;
        CHECK(thrd_create(&t[k], shared_worker, &jobs[k]) == thrd_success);
    }
    for (k = 0; k < 4; k++) {
        CHECK(thrd_join(t[k], NULL) == thrd_success);
        CHECK(jobs[k].bad == 0);
    }
    wetee_metadata_free(md);
#endif
}

/* Random bytes against every type of the synthetic registry: decoding never
 * crashes, and whatever decodes re-encodes to exactly the bytes consumed. */
WT_TEST(test_random_decode)
{
    wetee_metadata *md = synthetic();
    uint8_t buf[64];
    size_t it;
    if (!md) return;
    wt_rand_seed(99);
    for (it = 0; it < 20000; it++) {
        uint32_t ty = (uint32_t)(wt_rand() % wetee_metadata_type_count(md));
        size_t len = (size_t)(wt_rand() % sizeof buf), k, used = 0;
        wetee_value *v = NULL;
        for (k = 0; k < len; k++) buf[k] = (uint8_t)wt_rand();
        if (wt_rand() % 2 && len) buf[0] = (uint8_t)(wt_rand() % 4);
        if (wetee_value_decode(&v, &used, md, ty, buf, len) == WETEE_OK) {
            wetee_buf e = WETEE_BUF_INIT;
            int rc = wetee_value_encode(&e, md, ty, v);
            if (ty == 17) {
                /* BitVec: unused bits of the last store word are ignored when
                 * decoding (as parity-scale-codec does), so compare values */
                wetee_buf j1 = WETEE_BUF_INIT, j2 = WETEE_BUF_INIT;
                CHECK_OK(wetee_value_decode_json(&j1, md, ty, buf, used, NULL));
                CHECK(rc == WETEE_OK && wetee_value_decode_json(&j2, md, ty, e.data, e.len, NULL) == WETEE_OK &&
                      j1.len == j2.len && memcmp(j1.data, j2.data, j1.len) == 0);
                wetee_buf_free(&j1);
                wetee_buf_free(&j2);
            } else {
                CHECK(rc == WETEE_OK && e.len == used && (used == 0 || memcmp(e.data, buf, used) == 0));
            }
            wetee_buf_free(&e);
            wetee_value_free(v);
        }
    }
    wetee_metadata_free(md);
}

WT_MAIN("value", WT_CASE(test_model), WT_CASE(test_model_trees), WT_CASE(test_json_generic), WT_CASE(test_calls_polkadot),
        WT_CASE(test_storage_polkadot), WT_CASE(test_events_and_errors), WT_CASE(test_compact_unit_strict),
        WT_CASE(test_option_of_enum_names), WT_CASE(test_dispatch_error_inline_module), WT_CASE(test_round_trip_fixtures),
        WT_CASE(test_constants_known), WT_CASE(test_synthetic_primitives), WT_CASE(test_storage_hashers), WT_CASE(test_shared_between_threads), WT_CASE(test_random_decode))
