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

int main(void)
{
    static const wt_test_case cases[] = { WT_CASE(test_send_boc), WT_CASE(test_get_methods), WT_CASE(test_account),
                                          WT_CASE(test_api_key),  WT_CASE(test_rate_limit),  WT_CASE(test_v3),
                                          WT_CASE(test_transport_error) };
    if (start_server() != 0) {
        fprintf(stderr, "cannot start replay_server.py\n");
        return 1;
    }
    return wt_run("toncenter", cases, sizeof cases / sizeof cases[0]);
}
