/* toncenter client against tests/toncenter/replay_server.py, which replays
 * the answers of responses.json (made by make_fixtures.py; shapes from
 * toncenter's v2/v3 API documentation): every call's success path, toncenter
 * errors, answers that are not JSON, the API key, and the HTTP 429 back-off
 * (retried until an answer; bounded when the limit never lifts). */
#define _POSIX_C_SOURCE 200809L /* popen */

#include <stdio.h>

#include "wt_test.h"

static char v2[128], v3[128], keyed[128];

static const char W5[] = "0:d22ce1556a6359cddcb82ee95c95c08110591145e67b5ac70108b030dcf839de";
static const char W5_FRIENDLY[] = "UQDSLOFVamNZzdy4LulclcCBEFkRReZ7WscBCLAw3Pg53h3h";

static int start_server(void)
{
    static FILE *server; /* left open: the server exits when this process does */
    char port[32];
    server = popen("exec " WT_PYTHON3 " " WT_TONCENTER_DIR "/replay_server.py " WT_TONCENTER_DIR "/responses.json", "r");
    if (server == NULL || fgets(port, sizeof port, server) == NULL) return -1;
    port[strcspn(port, "\n")] = 0;
    snprintf(v2, sizeof v2, "http://127.0.0.1:%s/api/v2/", port);
    snprintf(v3, sizeof v3, "http://127.0.0.1:%s/api/v3", port);
    snprintf(keyed, sizeof keyed, "http://127.0.0.1:%s/keyed/api/v2", port);
    return 0;
}

static wetee_toncenter *client(const char *key, unsigned retries)
{
    wetee_toncenter_options o = WETEE_TONCENTER_OPTIONS_INIT;
    wetee_toncenter *c = NULL;
    o.v2_url = key ? keyed : v2;
    o.v3_url = v3;
    o.api_key = key;
    o.timeout_ms = 10000;
    o.max_retries = retries;
    o.backoff_ms = 20;
    o.max_backoff_ms = 50;
    CHECK_OK(wetee_toncenter_new(&c, &o));
    return c;
}

static void hash_of(uint8_t h[32], unsigned mul, unsigned add, int down)
{
    for (unsigned i = 0; i < 32; i++) h[i] = (uint8_t)(down ? 255 - i * mul : i * mul + add);
}

WT_TEST(test_send_boc)
{
    wetee_toncenter *c = client(NULL, 0);
    uint8_t hash[32], want[32];
    wetee_buf boc = WETEE_BUF_INIT;
    hash_of(want, 3, 0, 1);
    CHECK_OK(wetee_base64_decode(&boc, "te6cckEBAQEAAgAAAEysuc0=", 24, 0));
    CHECK_OK(wetee_toncenter_send_boc(hash, c, boc.data, boc.len));
    CHECK(memcmp(hash, want, 32) == 0);
    CHECK_OK(wetee_toncenter_send_boc(NULL, c, boc.data, boc.len));
    wetee_buf_free(&boc);
    /* refused by the lite server: HTTP 500 with toncenter's error text */
    CHECK_OK(wetee_base64_decode(&boc, "te6ccgEBAQEAAgAAAA==", 20, 0));
    CHECK_ERR(wetee_toncenter_send_boc(hash, c, boc.data, boc.len), WETEE_ERR_NETWORK);
    CHECK_DETAIL("toncenter: sendBocReturnHash: HTTP 500: LITE_SERVER_UNKNOWN: cannot apply external message");
    wetee_buf_free(&boc);
    /* a BOC nobody has a route for: 404 */
    CHECK_ERR(wetee_toncenter_send_boc(hash, c, (const uint8_t *)"x", 1), WETEE_ERR_NETWORK);
    CHECK_DETAIL("HTTP 404");
    CHECK_ERR(wetee_toncenter_send_boc(hash, c, NULL, 0), WETEE_ERR_INVALID_ARGUMENT);
    wetee_toncenter_free(c);
}

WT_TEST(test_get_methods)
{
    wetee_toncenter *c = client(NULL, 0);
    uint32_t seqno = 99;
    wetee_buf res = WETEE_BUF_INIT;
    int ec = 5;
    wetee_ton_address owner, jw;
    char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];

    CHECK_OK(wetee_toncenter_seqno(&seqno, c, W5_FRIENDLY));
    CHECK(seqno == 27);
    CHECK_OK(wetee_toncenter_run_get_method(&res, &ec, c, W5_FRIENDLY, "seqno", "[]"));
    CHECK(ec == 0);
    CHECK(strstr((const char *)res.data, "\"stack\":[[\"num\",\"0x1b\"]]") != NULL);
    {   /* the address inside the output buffer (core.h's overlap rule) */
        wetee_buf o = WETEE_BUF_INIT;
        CHECK_OK(wetee_buf_append(&o, (const uint8_t *)W5_FRIENDLY, sizeof W5_FRIENDLY));
        CHECK_OK(wetee_toncenter_run_get_method(&o, &ec, c, (const char *)o.data, "seqno", NULL));
        CHECK(o.len == res.len && memcmp(o.data, res.data, res.len) == 0);
        wetee_buf_free(&o);
    }
    wetee_buf_free(&res);
    /* not deployed: the get-method fails and getAddressState says uninitialized */
    seqno = 99;
    CHECK_OK(wetee_toncenter_seqno(&seqno, c, "0:0000000000000000000000000000000000000000000000000000000000000001"));
    CHECK(seqno == 0);
    /* deployed but the get-method throws */
    CHECK_ERR(wetee_toncenter_seqno(&seqno, c, "0:0000000000000000000000000000000000000000000000000000000000000002"),
              WETEE_ERR_NETWORK);
    CHECK_DETAIL("exit code 11");
    CHECK_ERR(wetee_toncenter_seqno(&seqno, c, "not an address"), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_toncenter_run_get_method(&res, &ec, c, W5, "seqno", "{\"not\": \"an array\"}"), WETEE_ERR_DECODE);

    /* get_wallet_address(owner) on a jetton master */
    CHECK_OK(wetee_ton_address_parse(&owner, NULL, W5, strlen(W5)));
    CHECK_OK(wetee_toncenter_jetton_wallet_address(&jw, c,
                                                   "0:0000000000000000000000000000000000000000000000000000000000000010",
                                                   &owner));
    CHECK_OK(wetee_ton_address_to_raw(raw, sizeof raw, &jw));
    CHECK_STR(raw, "0:71461a638ce1450e3fcf36f0fd9d71711eadaf5d15b007ec13ed80f0d295f847");
    /* another owner: the request does not match (the slice is checked) */
    owner.hash[0] ^= 1;
    CHECK_ERR(wetee_toncenter_jetton_wallet_address(&jw, c,
                                                    "0:0000000000000000000000000000000000000000000000000000000000000010",
                                                    &owner),
              WETEE_ERR_NETWORK);
    wetee_toncenter_free(c);
}

WT_TEST(test_account)
{
    wetee_toncenter *c = client(NULL, 0);
    wetee_toncenter_account a;
    uint8_t want[32];
    hash_of(want, 7, 1, 0);
    CHECK_OK(wetee_toncenter_account_info(&a, c, W5));
    CHECK(a.state == WETEE_TONCENTER_ACTIVE);
    CHECK(a.balance.lo == 898000000123ull && a.balance.hi == 0);
    CHECK(a.last_lt == 47000000000003ull);
    CHECK(memcmp(a.last_hash, want, 32) == 0);
    CHECK_OK(wetee_toncenter_account_info(&a, c, "0:0000000000000000000000000000000000000000000000000000000000000001"));
    CHECK(a.state == WETEE_TONCENTER_UNINITIALIZED && a.balance.lo == 0 && a.last_lt == 0);
    /* not JSON */
    CHECK_ERR(wetee_toncenter_account_info(&a, c, "0:0000000000000000000000000000000000000000000000000000000000000005"),
              WETEE_ERR_DECODE);
    CHECK_DETAIL("answer is not JSON");
    wetee_toncenter_free(c);
}

WT_TEST(test_api_key)
{
    wetee_toncenter *c = client("test-key-123", 0);
    wetee_toncenter_account a;
    CHECK_OK(wetee_toncenter_account_info(&a, c, W5));
    CHECK(a.balance.lo == 7 && a.state == WETEE_TONCENTER_ACTIVE);
    wetee_toncenter_free(c);
    c = client("wrong-key", 0);
    CHECK_ERR(wetee_toncenter_account_info(&a, c, W5), WETEE_ERR_NETWORK);
    CHECK_DETAIL("HTTP 401: API key does not exist");
    wetee_toncenter_free(c);
    {
        wetee_toncenter_options o = WETEE_TONCENTER_OPTIONS_INIT;
        o.api_key = "bad\r\nX-Injected: 1";
        CHECK_ERR(wetee_toncenter_new(&c, &o), WETEE_ERR_INVALID_ARGUMENT);
        o = (wetee_toncenter_options)WETEE_TONCENTER_OPTIONS_INIT;
        o.v2_url = "ftp://example.org";
        CHECK_ERR(wetee_toncenter_new(&c, &o), WETEE_ERR_INVALID_ARGUMENT);
        o = (wetee_toncenter_options)WETEE_TONCENTER_OPTIONS_INIT;
        o.version = 99;
        CHECK_ERR(wetee_toncenter_new(&c, &o), WETEE_ERR_INVALID_ARGUMENT);
        CHECK(c == NULL);
    }
}

WT_TEST(test_rate_limit)
{
    wetee_toncenter *c = client(NULL, 2);
    wetee_toncenter_account a;
    /* two 429 answers, then the state: retried twice */
    CHECK_OK(wetee_toncenter_account_info(&a, c, "0:0000000000000000000000000000000000000000000000000000000000000003"));
    CHECK(a.state == WETEE_TONCENTER_FROZEN && a.balance.lo == 5);
    /* the limit never lifts: 1 request + 2 retries, then the error */
    CHECK_ERR(wetee_toncenter_account_info(&a, c, "0:0000000000000000000000000000000000000000000000000000000000000004"),
              WETEE_ERR_NETWORK);
    CHECK_DETAIL("HTTP 429 (rate limit) after 2 retries: Ratelimit exceed (request 3)");
    wetee_toncenter_free(c);
    /* without retries the first 429 is the answer */
    c = client(NULL, 0);
    CHECK_ERR(wetee_toncenter_account_info(&a, c, "0:0000000000000000000000000000000000000000000000000000000000000004"),
              WETEE_ERR_NETWORK);
    CHECK_DETAIL("after 0 retries: Ratelimit exceed (request 4)");
    wetee_toncenter_free(c);
}

WT_TEST(test_v3)
{
    wetee_toncenter *c = client(NULL, 0);
    wetee_toncenter_tx t;
    wetee_toncenter_trace tr;
    uint8_t msg[32], none[32] = { 0 }, pending[32] = { 0 }, want[32];
    char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    pending[31] = 1;
    hash_of(msg, 3, 0, 1);
    hash_of(want, 7, 1, 0);

    CHECK_OK(wetee_toncenter_find_transaction(&t, c, msg));
    CHECK_OK(wetee_ton_address_to_raw(raw, sizeof raw, &t.account));
    CHECK_STR(raw, W5);
    CHECK(memcmp(t.hash, want, 32) == 0);
    CHECK(t.lt == 47000000000003ull && t.utime == 1700000005u);
    CHECK(t.success && t.compute_success && t.action_success && !t.aborted && t.exit_code == 0);
    CHECK_OK(wetee_toncenter_find_transaction(&t, c, pending));
    CHECK(!t.success && t.aborted && !t.compute_success && t.exit_code == 33);
    CHECK_ERR(wetee_toncenter_find_transaction(&t, c, none), WETEE_ERR_NOT_FOUND);

    CHECK_OK(wetee_toncenter_find_trace(&tr, c, msg));
    CHECK(memcmp(tr.trace_id, want, 32) == 0);
    CHECK(tr.complete && tr.transactions == 2 && tr.failed == 0 && tr.pending_messages == 0);
    CHECK_OK(wetee_toncenter_find_trace(&tr, c, pending));
    CHECK(!tr.complete && tr.transactions == 1 && tr.failed == 1 && tr.pending_messages == 1);
    CHECK_ERR(wetee_toncenter_find_trace(&tr, c, none), WETEE_ERR_NOT_FOUND);
    wetee_toncenter_free(c);
}

WT_TEST(test_transport_error)
{
    wetee_toncenter_options o = WETEE_TONCENTER_OPTIONS_INIT;
    wetee_toncenter *c = NULL;
    wetee_toncenter_account a;
    o.v2_url = "http://127.0.0.1:1/api/v2"; /* nothing listens on port 1 */
    o.timeout_ms = 3000;
    CHECK_OK(wetee_toncenter_new(&c, &o));
    CHECK_ERR(wetee_toncenter_account_info(&a, c, W5), WETEE_ERR_NETWORK);
    CHECK_DETAIL("toncenter: getAddressInformation: ");
    wetee_toncenter_free(c);
    wetee_toncenter_free(NULL);
}

/* ---- payment confirmation (routes "payment confirmation" of make_fixtures.py) ---- */

static void label_hash(uint8_t h[32], const char *label)
{
    CHECK_OK(wetee_hash_sha256(h, (const uint8_t *)label, strlen(label)));
}

static int confirm_ext(wetee_toncenter_confirmation *r, wetee_toncenter *c, uint8_t byte, unsigned hops,
                       unsigned timeout_ms)
{
    wetee_toncenter_confirm_options o = WETEE_TONCENTER_CONFIRM_OPTIONS_INIT;
    uint8_t ext[32];
    memset(ext, byte, sizeof ext);
    o.hops = hops;
    o.timeout_ms = timeout_ms;
    o.poll_ms = 20;
    return wetee_toncenter_confirm(r, c, ext, &o);
}

WT_TEST(test_confirm)
{
    wetee_toncenter *c = client(NULL, 0);
    wetee_toncenter_confirmation r;
    wetee_toncenter_confirm_options o = WETEE_TONCENTER_CONFIRM_OPTIONS_INIT;
    uint8_t h[32], ext[32];
    char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];

    /* confirmed after one empty answer; credited to an account without code */
    CHECK_OK(confirm_ext(&r, c, 0x11, 1, 5000));
    CHECK(r.status == WETEE_TONCENTER_PAYMENT_CONFIRMED && r.hops == 1);
    label_hash(h, "tx ok");
    CHECK(r.has_wallet_tx && memcmp(r.wallet_tx.hash, h, 32) == 0 && r.wallet_tx.lt == 47000000000003u);
    CHECK(r.wallet_tx.success && r.wallet_tx.compute_success && r.wallet_tx.action_success);
    label_hash(h, "pay ok");
    CHECK(r.has_payment && memcmp(r.payment.hash, h, 32) == 0 && r.payment.value.lo == 2000000000u);
    CHECK(r.payment.bounce && !r.payment.bounced && r.payment.opcode == 0 && r.payment.created_lt == 47000000000004u);
    CHECK_OK(wetee_ton_address_to_raw(raw, sizeof raw, &r.payment.destination));
    CHECK_STR(raw, "0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3");
    label_hash(h, "tx dest ok");
    CHECK(r.has_last_tx && memcmp(r.last_tx.hash, h, 32) == 0 && r.last_tx.lt == 47000000000011u && !r.has_bounce);

    /* the wallet's transaction failed */
    CHECK_ERR(confirm_ext(&r, c, 0x12, 1, 5000), WETEE_ERR_STATE);
    CHECK(r.status == WETEE_TONCENTER_PAYMENT_FAILED && r.has_wallet_tx && !r.has_payment && r.wallet_tx.exit_code == 33);
    CHECK_DETAIL("the wallet's transaction");
    CHECK_DETAIL("failed (aborted, compute exit code 33");

    /* bounced: the value comes back */
    CHECK_ERR(confirm_ext(&r, c, 0x13, 1, 5000), WETEE_ERR_STATE);
    CHECK(r.status == WETEE_TONCENTER_PAYMENT_BOUNCED && r.hops == 1 && r.has_bounce && r.bounce.bounced);
    CHECK(r.bounce.value.lo == 499600000u && r.bounce.opcode == 0xffffffff);
    label_hash(h, "back");
    CHECK(memcmp(r.bounce.hash, h, 32) == 0);
    CHECK_DETAIL("the payment bounced at 0:2cf55953");
    CHECK_DETAIL("499600000 nanotons return to the sender");

    /* pending: a timeout that says how far it got */
    CHECK_ERR(confirm_ext(&r, c, 0x14, 1, 200), WETEE_ERR_TIMEOUT);
    CHECK(r.status == WETEE_TONCENTER_PAYMENT_PENDING && r.has_wallet_tx && r.has_payment && !r.has_last_tx);
    CHECK_DETAIL("hop 1 of 1");
    CHECK_DETAIL("is not indexed yet");
    /* unknown: never indexed; timeout 0 asks once */
    CHECK_ERR(confirm_ext(&r, c, 0x00, 1, 0), WETEE_ERR_TIMEOUT);
    CHECK(r.status == WETEE_TONCENTER_PAYMENT_UNKNOWN && !r.has_wallet_tx);
    CHECK_DETAIL("no transaction for the external message 0000");

    /* the wallet sent nothing (send mode +2 skipped the message) */
    CHECK_ERR(confirm_ext(&r, c, 0x15, 1, 5000), WETEE_ERR_STATE);
    CHECK(r.status == WETEE_TONCENTER_PAYMENT_FAILED && r.has_wallet_tx && r.wallet_tx.success && !r.has_payment);
    CHECK_DETAIL("sent no message");

    /* jetton: two hops, to the shop's jetton wallet */
    CHECK_OK(confirm_ext(&r, c, 0x16, 2, 5000));
    CHECK(r.status == WETEE_TONCENTER_PAYMENT_CONFIRMED && r.hops == 2 && r.payment.opcode == 0x0f8a7ea5);
    label_hash(h, "tx jw shop");
    CHECK(memcmp(r.last_tx.hash, h, 32) == 0 && r.last_tx.lt == 47000000000019u);
    CHECK_OK(wetee_ton_address_to_raw(raw, sizeof raw, &r.last_tx.account));
    CHECK_STR(raw, "0:abababababababababababababababababababababababababababababababab");
    /* the same with one hop stops at the payer's jetton wallet */
    CHECK_OK(confirm_ext(&r, c, 0x16, 1, 5000));
    CHECK(r.hops == 1 && r.last_tx.lt == 47000000000011u);
    /* more hops than the payment has: the shop's jetton wallet sent the notification, which is not indexed */
    CHECK_ERR(confirm_ext(&r, c, 0x16, 3, 0), WETEE_ERR_NETWORK); /* no route for the notification: HTTP 404 */
    CHECK(r.hops == 2 && r.status == WETEE_TONCENTER_PAYMENT_PENDING);

    /* jetton refused by the payer's jetton wallet: bounced at hop 1 of 2 */
    CHECK_ERR(confirm_ext(&r, c, 0x17, 2, 5000), WETEE_ERR_STATE);
    CHECK(r.status == WETEE_TONCENTER_PAYMENT_BOUNCED && r.hops == 1 && r.last_tx.exit_code == 47);
    CHECK(r.payment.opcode == 0x0f8a7ea5 && r.bounce.value.lo == 42000000u);
    CHECK_DETAIL("hop 1 of 2");

    /* bad arguments */
    memset(ext, 0x11, sizeof ext);
    o.hops = 0;
    CHECK_ERR(wetee_toncenter_confirm(&r, c, ext, &o), WETEE_ERR_INVALID_ARGUMENT);
    o.hops = 9;
    CHECK_ERR(wetee_toncenter_confirm(&r, c, ext, &o), WETEE_ERR_INVALID_ARGUMENT);
    o.hops = 1;
    o.version = 7;
    CHECK_ERR(wetee_toncenter_confirm(&r, c, ext, &o), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_toncenter_confirm(&r, NULL, ext, NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_toncenter_confirm(NULL, c, ext, NULL), WETEE_ERR_INVALID_ARGUMENT);
    wetee_toncenter_free(c);
}

/* wetee_toncenter_parse_transaction on answers in memory */
WT_TEST(test_parse_transaction)
{
    static const char good[] =
        "{\"transactions\": [{\"account\": \"0:D22CE1556A6359CDDCB82EE95C95C08110591145E67B5AC70108B030DCF839DE\","
        " \"hash\": \"AQgPFh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09o=\", \"lt\": \"47000000000003\", \"now\": 1700000005,"
        " \"description\": {\"aborted\": false, \"compute_ph\": {\"skipped\": false, \"success\": true, \"exit_code\": 0},"
        " \"action\": {\"success\": true, \"result_code\": 0}},"
        " \"in_msg\": {\"hash\": \"//z59vPw7ern5OHe29jV0s/MycbDwL26t7SxrquopaI=\", \"source\": null,"
        " \"destination\": \"0:D22CE1556A6359CDDCB82EE95C95C08110591145E67B5AC70108B030DCF839DE\", \"value\": null,"
        " \"opcode\": \"0x7369676e\", \"created_lt\": null, \"bounce\": null, \"bounced\": null},"
        " \"out_msgs\": [{\"hash\": \"AQgPFh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09o=\","
        " \"source\": \"0:D22CE1556A6359CDDCB82EE95C95C08110591145E67B5AC70108B030DCF839DE\","
        " \"destination\": \"0:2CF55953E92EFBEADAB7BA725C3F93A0B23F842CBBA72D7B8E6F510A70E422E3\","
        " \"value\": \"340282366920938463463374607431768211455\", \"opcode\": 0, \"created_lt\": \"47000000000004\","
        " \"bounce\": true, \"bounced\": false},"
        " {\"hash\": \"AQgPFh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09o=\", \"source\": \"0:D22CE1556A6359CDDCB82EE95C95C08110591145E67B5AC70108B030DCF839DE\","
        " \"destination\": null, \"value\": null, \"opcode\": null, \"created_lt\": 5}]}]}";
    wetee_toncenter_tx tx;
    wetee_toncenter_msg in, outs[1];
    size_t n = 0;
    char buf[4096];
    CHECK_OK(wetee_toncenter_parse_transaction(&tx, &in, outs, 1, &n, good, strlen(good)));
    CHECK(n == 2 && tx.lt == 47000000000003u && tx.utime == 1700000005u && tx.success);
    CHECK(!in.has_source && in.has_destination && in.opcode == 0x7369676e && in.value.lo == 0);
    CHECK(outs[0].has_source && outs[0].has_destination && outs[0].bounce && !outs[0].bounced && outs[0].opcode == 0);
    CHECK(outs[0].value.lo == UINT64_MAX && outs[0].value.hi == UINT64_MAX && outs[0].created_lt == 47000000000004u);
    CHECK_OK(wetee_toncenter_parse_transaction(&tx, NULL, NULL, 0, NULL, good, strlen(good)));
    /* empty, not JSON, wrong shapes */
    CHECK_ERR(wetee_toncenter_parse_transaction(&tx, NULL, NULL, 0, NULL, "{\"transactions\": []}", 20),
              WETEE_ERR_NOT_FOUND);
    CHECK_ERR(wetee_toncenter_parse_transaction(&tx, NULL, NULL, 0, NULL, "<html>", 6), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_toncenter_parse_transaction(&tx, NULL, NULL, 0, NULL, "{\"transactions\": {}}", 20), WETEE_ERR_DECODE);
    CHECK_DETAIL("\"transactions\" array");
    CHECK_ERR(wetee_toncenter_parse_transaction(&tx, NULL, NULL, 0, NULL, "{\"transactions\": [1]}", 21), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_toncenter_parse_transaction(&tx, NULL, NULL, 0, NULL, "{\"a\":1,\"a\":2}", 13), WETEE_ERR_DECODE);
    /* one field broken at a time */
    {
        static const struct { const char *from, *to, *detail; } cases[] = {
            { "\"lt\": \"47000000000003\"", "\"lt\": \"-1\"", "\"lt\" is not an unsigned integer" },
            { "\"now\": 1700000005", "\"now\": 99999999999", "\"now\" above 2^32-1" },
            { "\"hash\": \"AQgPFh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09o=\", \"lt\"", "\"hash\": \"AQgP\", \"lt\"", "\"hash\" is not a base64 32-byte hash" },
            { "\"opcode\": \"0x7369676e\"", "\"opcode\": \"0x7369676e0\"", "\"opcode\" is not a 32-bit opcode" },
            { "\"opcode\": 0,", "\"opcode\": -5000000000,", "\"opcode\" is not a 32-bit opcode" },
            { "\"value\": \"340282366920938463463374607431768211455\"", "\"value\": \"340282366920938463463374607431768211456\"", "\"value\" is not a decimal amount" },
            { "\"destination\": null", "\"destination\": \"0:zz\"", "\"destination\" is not an address" },
            { "\"description\": {", "\"descriptio\": {", "without \"description\"" },
            { "\"in_msg\": {", "\"in_msgs\": {", "without \"in_msg\"" },
            { "\"out_msgs\": [", "\"out_msgs\": {\"x\": [", "" },
        };
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            const char *p = strstr(good, cases[i].from);
            size_t a, bl, fl, tl;
            CHECK(p != NULL);
            if (p == NULL) continue;
            a = (size_t)(p - good);
            fl = strlen(cases[i].from);
            tl = strlen(cases[i].to);
            bl = strlen(good) - a - fl;
            memcpy(buf, good, a);
            memcpy(buf + a, cases[i].to, tl);
            memcpy(buf + a + tl, p + fl, bl);
            buf[a + tl + bl] = 0;
            CHECK_ERR(wetee_toncenter_parse_transaction(&tx, &in, outs, 1, &n, buf, strlen(buf)), WETEE_ERR_DECODE);
            if (*cases[i].detail) CHECK_DETAIL(cases[i].detail);
        }
    }
    CHECK_ERR(wetee_toncenter_parse_transaction(NULL, NULL, NULL, 0, NULL, good, strlen(good)), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_toncenter_parse_transaction(&tx, NULL, NULL, 1, NULL, good, strlen(good)), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_toncenter_parse_transaction(&tx, NULL, NULL, 0, NULL, NULL, 3), WETEE_ERR_INVALID_ARGUMENT);
}

/* wetee_payer_add_ton's checks (the route itself runs end to end in the
 * ton-sandbox interop suite: tests/interop/ton-sandbox/payment_e2e.mjs) */
WT_TEST(test_payer_add_ton)
{
    static const char words[] = "hospital stove relief fringe tongue always charge angry urge sentence again match "
                                "nerve inquiry senior coconut label tumble carry category beauty bean road solution";
    wetee_toncenter *c = client(NULL, 0);
    wetee_token_registry *reg = NULL;
    wetee_payer *p = NULL;
    wetee_ton_wallet *w = NULL;
    wetee_pay_ton_options o = WETEE_PAY_TON_OPTIONS_INIT;
    uint8_t secret[64], pub[32];
    uint32_t id = 0;
    CHECK_OK(wetee_ton_mnemonic_to_keypair(secret, pub, words, strlen(words), NULL, 0));
    CHECK_OK(wetee_ton_wallet_default_id(&id, WETEE_TON_WALLET_V5R1, 0, WETEE_TON_NETWORK_MAINNET));
    CHECK_OK(wetee_ton_wallet_new(&w, WETEE_TON_WALLET_V5R1, pub, 0, id));
    CHECK_OK(wetee_token_registry_new(&reg, 0));
    CHECK_OK(wetee_payer_new(&p, reg));
    CHECK_ERR(wetee_payer_add_ton(p, "ton", NULL, w, secret, NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_payer_add_ton(p, "ton", c, NULL, secret, NULL), WETEE_ERR_INVALID_ARGUMENT);
    o.valid_for_s = 0;
    CHECK_ERR(wetee_payer_add_ton(p, "ton", c, w, secret, &o), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_DETAIL("valid_for_s 0 outside 1..86400");
    o = (wetee_pay_ton_options)WETEE_PAY_TON_OPTIONS_INIT;
    o.version = 9;
    CHECK_ERR(wetee_payer_add_ton(p, "ton", c, w, secret, &o), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_payer_add_ton(p, "TON!", c, w, secret, NULL), WETEE_ERR_DECODE);
    CHECK_OK(wetee_payer_add_ton(p, "ton", c, w, secret, NULL));
    CHECK_ERR(wetee_payer_add_ton(p, "ton", c, w, secret, NULL), WETEE_ERR_STATE); /* once per chain name */
    CHECK_OK(wetee_payer_add_ton(p, "ton-testnet", c, w, secret, NULL));
    {   /* a quote reads the W5 wallet's balance (getAddressInformation: 898000000123 nanotons) */
        const wetee_token *gram = NULL;
        wetee_buf q = WETEE_BUF_INIT;
        CHECK_OK(wetee_token_lookup(&gram, reg, "ton", WETEE_TOKEN_TON, NULL));
        CHECK_OK(wetee_pay_quote(&q, p, gram, wetee_u128_from_u64(2000000000u), W5_FRIENDLY, "order 42", NULL));
        CHECK(q.data && strstr((const char *)q.data, "\"route\":\"ton\"") && strstr((const char *)q.data, "\"ok\":true") &&
              strstr((const char *)q.data, "\"sender_balance\":\"898000000123\"") &&
              strstr((const char *)q.data, "\"amount_text\":\"2 GRAM\"") && strstr((const char *)q.data, "\"bounce\":false"));
        /* more than the balance: refused with the reason */
        CHECK_OK(wetee_pay_quote(&q, p, gram, wetee_u128_from_u64(898000000000u), W5, NULL, NULL));
        CHECK(q.data && strstr((const char *)q.data, "\"ok\":false") &&
              strstr((const char *)q.data, "\"failure\":\"insufficient_balance\"") &&
              strstr((const char *)q.data, "\"bounce\":true"));
        CHECK_ERR(wetee_pay_quote(&q, p, gram, wetee_u128_from_u64(1), "0:zz", NULL, NULL), WETEE_ERR_DECODE);
        CHECK_DETAIL("receiver 0:zz");
        wetee_buf_free(&q);
    }
    wetee_wipe(secret, sizeof secret);
    wetee_payer_free(p);
    wetee_token_registry_free(reg);
    wetee_ton_wallet_free(w);
    wetee_toncenter_free(c);
}

int main(void)
{
    static const wt_test_case cases[] = { WT_CASE(test_send_boc), WT_CASE(test_get_methods), WT_CASE(test_account),
                                          WT_CASE(test_api_key),  WT_CASE(test_rate_limit),  WT_CASE(test_v3),
                                          WT_CASE(test_transport_error), WT_CASE(test_confirm),
                                          WT_CASE(test_parse_transaction), WT_CASE(test_payer_add_ton) };
    if (start_server() != 0) {
        fprintf(stderr, "cannot start replay_server.py\n");
        return 1;
    }
    return wt_run("toncenter", cases, sizeof cases / sizeof cases[0]);
}
