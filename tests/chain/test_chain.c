/* Chain client parts that need no network, fed with JSON recorded from the
 * devnode (Chopsticks 1.5.1 running the parachain template, see
 * tests/devnode): transaction-watch notifications of both JSON-RPC specs,
 * chainHead_v1_follow events and the pinning they imply, block header
 * hashes, the search of an extrinsic in a block body, and the outcome of an
 * extrinsic from System.Events (built against the Polkadot V15 metadata of
 * the shared vectors). The network parts run against the devnode in
 * tests/devnode/run.sh. */
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <string.h>

#include "chain/chain_impl.h"
#include "internal/common.h"
#include "wetee/value.h"
#include "wt_mock_node.h"
#include "wt_test.h"
#include <pthread.h>
#include <unistd.h>

static int parse_legacy(wt_tx_event *ev, const char *s) { return wt_tx_event_parse_legacy(ev, s, strlen(s)); }
static int parse_new(wt_tx_event *ev, const char *s) { return wt_tx_event_parse_new(ev, s, strlen(s)); }

/* author_extrinsicUpdate results as Chopsticks sent them */
WT_TEST(legacy_statuses)
{
    wt_tx_event ev;
    CHECK_OK(parse_legacy(&ev, "\"ready\""));
    CHECK(ev.status == WETEE_TX_VALIDATED && !ev.has_block);
    CHECK_OK(parse_legacy(&ev, "{\"broadcast\":[\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\"]}"));
    CHECK(ev.status == WETEE_TX_BROADCAST);
    CHECK_OK(parse_legacy(&ev, "{\"inBlock\":\"0x47b330ffa323eb981be0f6f18047c56b86552537750dcddf98904d171d81ad2d\"}"));
    CHECK(ev.status == WETEE_TX_IN_BLOCK && ev.has_block);
    CHECK_HEX(ev.block_hash, 32, "47b330ffa323eb981be0f6f18047c56b86552537750dcddf98904d171d81ad2d");
    CHECK_OK(parse_legacy(&ev, "{\"finalized\":\"0x47b330ffa323eb981be0f6f18047c56b86552537750dcddf98904d171d81ad2d\"}"));
    CHECK(ev.status == WETEE_TX_FINALIZED && ev.has_block);
    CHECK_OK(parse_legacy(&ev, "{\"retracted\":\"0x47b330ffa323eb981be0f6f18047c56b86552537750dcddf98904d171d81ad2d\"}"));
    CHECK(ev.status == WETEE_TX_RETRACTED);
    CHECK_OK(parse_legacy(&ev, "\"invalid\""));
    CHECK(ev.status == WETEE_TX_INVALID);
    CHECK_STR(ev.reason, "invalid");
    CHECK_OK(parse_legacy(&ev, "\"dropped\""));
    CHECK(ev.status == WETEE_TX_DROPPED);
    CHECK_OK(parse_legacy(&ev, "{\"usurped\":\"0x1111111111111111111111111111111111111111111111111111111111111111\"}"));
    CHECK(ev.status == WETEE_TX_USURPED && strstr(ev.reason, "0x1111") != NULL);
    /* bad input is an error naming it, never a crash */
    CHECK_ERR(parse_legacy(&ev, "\"readyy\""), WETEE_ERR_DECODE);
    CHECK_DETAIL("unknown transaction status");
    CHECK_ERR(parse_legacy(&ev, "{\"inBlock\":\"0x47b3\"}"), WETEE_ERR_DECODE);
    CHECK_ERR(parse_legacy(&ev, "{\"inBlock\""), WETEE_ERR_DECODE);
    CHECK_ERR(parse_legacy(&ev, "{\"inBlock\":1,\"finalized\":2}"), WETEE_ERR_DECODE);
    CHECK_ERR(parse_legacy(&ev, "[]"), WETEE_ERR_DECODE);
}

/* transactionWatch_v1 events (spec shapes) */
WT_TEST(new_spec_statuses)
{
    wt_tx_event ev;
    CHECK_OK(parse_new(&ev, "{\"event\":\"validated\"}"));
    CHECK(ev.status == WETEE_TX_VALIDATED);
    CHECK_OK(parse_new(&ev, "{\"event\":\"broadcasted\",\"numPeers\":2}"));
    CHECK(ev.status == WETEE_TX_BROADCAST);
    CHECK_OK(parse_new(&ev, "{\"event\":\"bestChainBlockIncluded\",\"block\":{\"hash\":"
                            "\"0x2c01b5d0aa59e3c9c2a8f959b3e8d428428ff333206de5a3053247a71ccfe919\",\"index\":2}}"));
    CHECK(ev.status == WETEE_TX_IN_BLOCK && ev.has_block);
    CHECK_HEX(ev.block_hash, 32, "2c01b5d0aa59e3c9c2a8f959b3e8d428428ff333206de5a3053247a71ccfe919");
    CHECK_OK(parse_new(&ev, "{\"event\":\"bestChainBlockIncluded\",\"block\":null}"));
    CHECK(ev.status == WETEE_TX_RETRACTED && !ev.has_block);
    CHECK_OK(parse_new(&ev, "{\"event\":\"finalized\",\"block\":{\"hash\":"
                            "\"0x2c01b5d0aa59e3c9c2a8f959b3e8d428428ff333206de5a3053247a71ccfe919\",\"index\":2}}"));
    CHECK(ev.status == WETEE_TX_FINALIZED);
    CHECK_OK(parse_new(&ev, "{\"event\":\"invalid\",\"error\":\"Invalid(BadProof)\"}"));
    CHECK(ev.status == WETEE_TX_INVALID);
    CHECK_STR(ev.reason, "Invalid(BadProof)");
    CHECK_OK(parse_new(&ev, "{\"event\":\"dropped\",\"error\":\"pool full\"}"));
    CHECK(ev.status == WETEE_TX_DROPPED);
    CHECK_OK(parse_new(&ev, "{\"event\":\"error\",\"error\":\"boom\"}"));
    CHECK(ev.status == WETEE_TX_ERROR);
    CHECK_ERR(parse_new(&ev, "{\"event\":\"finalized\",\"block\":null}"), WETEE_ERR_DECODE);
    CHECK_ERR(parse_new(&ev, "{\"event\":\"nonsense\"}"), WETEE_ERR_DECODE);
    CHECK_ERR(parse_new(&ev, "{\"block\":{}}"), WETEE_ERR_DECODE);
}

/* a block header from chain_getBlock and the hash the node gave for it */
WT_TEST(header_hash)
{
    const char *hdr = "{\"parentHash\":\"0x03f997d76832a005e219d23a1d1a2ae33c803f35a26637d43504992eb82ee729\","
                      "\"number\":\"0x00000004\",\"stateRoot\":"
                      "\"0x0000000000000000000000000000000000000000000000000000000000000000\",\"extrinsicsRoot\":"
                      "\"0x85e165ce0684c09c670489d0c3a1a53e844cf19287c14aafd055d544a28064dc\",\"digest\":{\"logs\":["
                      "\"0x066175726120c291d81100000000\"]}}";
    json_t *h = json_loads(hdr, 0, NULL);
    uint8_t out[32];
    CHECK(h != NULL);
    CHECK_OK(wt_header_hash(out, h));
    CHECK_HEX(out, 32, "47b330ffa323eb981be0f6f18047c56b86552537750dcddf98904d171d81ad2d");
    /* a changed digest gives another hash; a missing field an error */
    json_array_set_new(json_object_get(json_object_get(h, "digest"), "logs"), 0, json_string("0x066175726120c391d81100000000"));
    CHECK_OK(wt_header_hash(out, h));
    CHECK(out[0] != 0x47 || out[1] != 0xb3);
    json_object_del(h, "stateRoot");
    CHECK_ERR(wt_header_hash(out, h), WETEE_ERR_DECODE);
    json_decref(h);
}

/* the block body of a transfer and its transaction hash */
WT_TEST(find_extrinsic)
{
    /* inherent (timestamp) then the signed transfer recorded from the devnode */
    const char *tx = "0x49028400d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d01d08a96243124c815ea6e2f2e5"
                     "d9ba67632a00fd11359e9cfc90a8d608b42db61ba7b8da0f3f4392a20ce7c6b6d2277f92c8f12559ac4caaa936cdf8b612b6a8"
                     "035000800000a03008eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a480bcb04fb711f01";
    json_t *body = json_pack("[s,s,s]", "0x280402000ba336d843a201", "0x0c0102", tx);
    wetee_buf b = WETEE_BUF_INIT;
    uint8_t h[32];
    CHECK_OK(wetee_hex_decode(&b, tx, strlen(tx)));
    CHECK_OK(wetee_extrinsic_hash(h, b.data, b.len));
    CHECK(wt_find_extrinsic(body, h) == 2);
    h[0] ^= 1;
    CHECK(wt_find_extrinsic(body, h) == -1);
    /* entries that are not hex are skipped */
    json_array_insert_new(body, 0, json_string("zz"));
    h[0] ^= 1;
    CHECK(wt_find_extrinsic(body, h) == 3);
    json_decref(body);
    wetee_buf_free(&b);
}

#define NO_VECTORS "metadata-hash/polkadot_metadata_v15.hex not found (vectors directory absent)"

static wetee_metadata *polkadot_v15(void)
{
    size_t len = 0;
    uint8_t *b = wt_read_vector("metadata-hash/polkadot_metadata_v15.hex", &len);
    wetee_metadata *md = NULL;
    if (!b) return NULL;
    while (len && (b[len - 1] == '\n' || b[len - 1] == ' ')) len--;
    CHECK_OK(wetee_metadata_parse_hex(&md, (const char *)b, len, NULL));
    free(b);
    return md;
}

static void events_bytes(wetee_buf *out, const wetee_metadata *md, const char *json)
{
    const wetee_md_pallet *p = wetee_metadata_pallet_by_name(md, "System");
    const wetee_md_storage *s = wetee_md_pallet_storage_by_name(md, p, "Events");
    CHECK(s != NULL);
    CHECK_OK(wetee_value_encode_json(out, md, wetee_md_storage_value_type(s), json, strlen(json)));
}

#define INFO "{\"weight\":{\"ref_time\":1000,\"proof_size\":10},\"class\":\"Normal\",\"pays_fee\":\"Yes\"}"
#define ALICE "\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\""

WT_TEST(extrinsic_outcome)
{
    wetee_metadata *md = polkadot_v15();
    if (!md) WT_SKIP(NO_VECTORS);
    const wetee_md_pallet *bal = wetee_metadata_pallet_by_name(md, "Balances");
    char ev[2048];
    wetee_buf b = WETEE_BUF_INIT;
    json_t *o;
    /* extrinsic 0 succeeds; extrinsic 1 withdraws its fee and fails with Balances error 2 */
    snprintf(ev, sizeof ev,
             "[{\"phase\":{\"ApplyExtrinsic\":0},\"event\":{\"System\":{\"ExtrinsicSuccess\":{\"dispatch_info\":" INFO
             "}}},\"topics\":[]},"
             "{\"phase\":{\"ApplyExtrinsic\":1},\"event\":{\"Balances\":{\"Withdraw\":{\"who\":" ALICE
             ",\"amount\":5}}},\"topics\":[]},"
             "{\"phase\":{\"ApplyExtrinsic\":1},\"event\":{\"System\":{\"ExtrinsicFailed\":{\"dispatch_error\":{\"Module\":"
             "{\"index\":%u,\"error\":\"0x02000000\"}},\"dispatch_info\":" INFO "}}},\"topics\":[]},"
             "{\"phase\":\"Finalization\",\"event\":{\"Balances\":{\"Deposit\":{\"who\":" ALICE ",\"amount\":1}}},\"topics\":[]}]",
             (unsigned)wetee_md_pallet_index(bal));
    events_bytes(&b, md, ev);
    o = json_object();
    CHECK_OK(wt_extrinsic_outcome(o, md, b.data, b.len, 1));
    CHECK(json_is_false(json_object_get(o, "success")));
    CHECK(json_array_size(json_object_get(o, "events")) == 2);
    {
        json_t *err = json_object_get(o, "error");
        const wetee_md_pallet *pp = NULL;
        const uint8_t code[4] = { 2, 0, 0, 0 };
        const wetee_md_variant *want = wetee_metadata_module_error(&pp, md, wetee_md_pallet_index(bal), code, 4);
        CHECK(want != NULL);
        CHECK_STR(json_string_value(json_object_get(err, "kind")), "Module");
        CHECK_STR(json_string_value(json_object_get(err, "pallet")), "Balances");
        if (want) CHECK_STR(json_string_value(json_object_get(err, "error")), wetee_md_variant_name(want));
    }
    json_decref(o);
    o = json_object();
    CHECK_OK(wt_extrinsic_outcome(o, md, b.data, b.len, 0));
    CHECK(json_is_true(json_object_get(o, "success")));
    CHECK(json_is_null(json_object_get(o, "error")));
    CHECK(json_array_size(json_object_get(o, "events")) == 1);
    json_decref(o);
    /* an index without System.Extrinsic* events is an error, not a guess */
    o = json_object();
    CHECK_ERR(wt_extrinsic_outcome(o, md, b.data, b.len, 7), WETEE_ERR_DECODE);
    CHECK_DETAIL("extrinsic 7");
    /* truncated events bytes */
    CHECK(wt_extrinsic_outcome(o, md, b.data, b.len - 3, 0) != WETEE_OK);
    json_decref(o);
    /* a non-module dispatch error: Arithmetic(Underflow), as the devnode gave for an over-balance transfer */
    snprintf(ev, sizeof ev,
             "[{\"phase\":{\"ApplyExtrinsic\":2},\"event\":{\"System\":{\"ExtrinsicFailed\":{\"dispatch_error\":"
             "{\"Arithmetic\":\"Underflow\"},\"dispatch_info\":" INFO "}}},\"topics\":[]}]");
    b.len = 0;
    events_bytes(&b, md, ev);
    o = json_object();
    CHECK_OK(wt_extrinsic_outcome(o, md, b.data, b.len, 2));
    CHECK_STR(json_string_value(json_object_get(json_object_get(o, "error"), "kind")), "Arithmetic");
    CHECK_STR(json_string_value(json_object_get(json_object_get(o, "error"), "error")), "Underflow");
    json_decref(o);
    wetee_buf_free(&b);
    wetee_metadata_free(md);
}

static json_t *jl(const char *s)
{
    json_t *v = json_loads(s, 0, NULL);
    CHECK(v != NULL);
    return v;
}

#define H(c) "\"0x" c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c "\""

static int apply(wt_heads *h, wt_head_actions *a, const char *ev)
{
    json_t *v = jl(ev);
    int rc = wt_heads_apply(h, a, v);
    json_decref(v);
    return rc;
}

/* chainHead_v1_follow: what is pinned and when it is unpinned */
WT_TEST(follow_pinning)
{
    wt_heads h = { 0 };
    wt_head_actions a;
    /* initialized with two finalized blocks: the older can be unpinned at once */
    CHECK_OK(apply(&h, &a, "{\"event\":\"initialized\",\"finalizedBlockHashes\":[" H("01") "," H("02") "]}"));
    CHECK(a.kind == 1 && a.n_added == 2 && a.n_unpin == 1 && a.unpin[0][0] == 0x01);
    wt_head_actions_free(&a);
    /* two forks on top of 02 */
    CHECK_OK(apply(&h, &a, "{\"event\":\"newBlock\",\"blockHash\":" H("03") ",\"parentBlockHash\":" H("02") ",\"newRuntime\":null}"));
    CHECK(a.kind == 2 && a.n_added == 1 && a.added[0][0] == 0x03);
    wt_head_actions_free(&a);
    CHECK_OK(apply(&h, &a, "{\"event\":\"newBlock\",\"blockHash\":" H("04") ",\"parentBlockHash\":" H("02") ",\"newRuntime\":null}"));
    wt_head_actions_free(&a);
    wt_heads_find(&h, (const uint8_t *)"\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04"
                                       "\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04")->reported = 1;
    CHECK_OK(apply(&h, &a, "{\"event\":\"bestBlockChanged\",\"bestBlockHash\":" H("04") "}"));
    CHECK(a.kind == 3 && a.n_unpin == 0);
    wt_head_actions_free(&a);
    /* 03 finalized, 04 pruned: 04 was reported, so it is retracted; 02 and 04 unpinned, 03 stays */
    CHECK_OK(apply(&h, &a, "{\"event\":\"finalized\",\"finalizedBlockHashes\":[" H("03") "],\"prunedBlockHashes\":[" H("04") "]}"));
    CHECK(a.kind == 4 && a.n_finalized == 1 && a.finalized[0][0] == 0x03);
    CHECK(a.n_pruned == 1 && a.pruned[0][0] == 0x04);
    CHECK(a.n_unpin == 2);
    {
        int saw2 = 0, saw4 = 0;
        for (size_t i = 0; i < a.n_unpin; i++) {
            saw2 |= a.unpin[i][0] == 0x02;
            saw4 |= a.unpin[i][0] == 0x04;
        }
        CHECK(saw2 && saw4);
    }
    CHECK(h.n == 1 && h.b[0].hash[0] == 0x03);
    wt_head_actions_free(&a);
    /* stop: the server forgot every pin */
    CHECK_OK(apply(&h, &a, "{\"event\":\"stop\"}"));
    CHECK(a.kind == 5 && h.n == 0);
    wt_head_actions_free(&a);
    /* malformed events */
    CHECK_ERR(apply(&h, &a, "{\"event\":\"newBlock\",\"blockHash\":\"0x12\"}"), WETEE_ERR_DECODE);
    wt_head_actions_free(&a);
    CHECK_ERR(apply(&h, &a, "{\"event\":\"finalized\",\"finalizedBlockHashes\":[]}"), WETEE_ERR_DECODE);
    wt_head_actions_free(&a);
    CHECK_ERR(apply(&h, &a, "{}"), WETEE_ERR_DECODE);
    wt_head_actions_free(&a);
    wt_heads_free(&h);
}

/* the recorded follow subscription of the devnode (Chopsticks finalizes each block at once) */
WT_TEST(follow_recorded)
{
    static const char *events[] = {
        "{\"event\":\"initialized\",\"finalizedBlockHashes\":[\"0x2c01b5d0aa59e3c9c2a8f959b3e8d428428ff333206de5a3053247a71ccfe919\"],\"finalizedBlockRuntime\":null}",
        "{\"event\":\"bestBlockChanged\",\"bestBlockHash\":\"0x2c01b5d0aa59e3c9c2a8f959b3e8d428428ff333206de5a3053247a71ccfe919\"}",
        "{\"event\":\"newBlock\",\"blockHash\":\"0x2c1a445e558655e5ec3cb6ea1b74304163c8fe0abd36748004c3d848ac32ed03\",\"parentBlockHash\":\"0x2c01b5d0aa59e3c9c2a8f959b3e8d428428ff333206de5a3053247a71ccfe919\",\"newRuntime\":null}",
        "{\"event\":\"bestBlockChanged\",\"bestBlockHash\":\"0x2c1a445e558655e5ec3cb6ea1b74304163c8fe0abd36748004c3d848ac32ed03\"}",
        "{\"event\":\"finalized\",\"finalizedBlockHashes\":[\"0x2c1a445e558655e5ec3cb6ea1b74304163c8fe0abd36748004c3d848ac32ed03\"],\"prunedBlockHashes\":[]}",
        "{\"event\":\"newBlock\",\"blockHash\":\"0xc349f158a0bf51c4f54eec1dd1e5ce08c70c9722f94210cdd83d451b27d2cefa\",\"parentBlockHash\":\"0x2c1a445e558655e5ec3cb6ea1b74304163c8fe0abd36748004c3d848ac32ed03\",\"newRuntime\":null}",
        "{\"event\":\"finalized\",\"finalizedBlockHashes\":[\"0xc349f158a0bf51c4f54eec1dd1e5ce08c70c9722f94210cdd83d451b27d2cefa\"],\"prunedBlockHashes\":[]}",
    };
    wt_heads h = { 0 };
    size_t unpinned = 0, i;
    for (i = 0; i < sizeof events / sizeof events[0]; i++) {
        wt_head_actions a;
        CHECK_OK(apply(&h, &a, events[i]));
        unpinned += a.n_unpin;
        CHECK(a.n_pruned == 0);
        wt_head_actions_free(&a);
    }
    /* three blocks pinned, two released: only the newest finalized stays pinned */
    CHECK(unpinned == 2);
    CHECK(h.n == 1 && h.b[0].hash[0] == 0xc3);
    wt_heads_free(&h);
}

WT_TEST(numbers_and_names)
{
    json_t *v;
    uint64_t n;
    v = json_string("0x00000004");
    CHECK_OK(wt_u64_from_json(&n, v));
    CHECK(n == 4);
    json_decref(v);
    v = json_string("18446744073709551615");
    CHECK_OK(wt_u64_from_json(&n, v));
    CHECK(n == UINT64_MAX);
    json_decref(v);
    v = json_string("18446744073709551616");
    CHECK_ERR(wt_u64_from_json(&n, v), WETEE_ERR_DECODE);
    json_decref(v);
    v = json_string("0x1ffffffffffffffff");
    CHECK_ERR(wt_u64_from_json(&n, v), WETEE_ERR_DECODE);
    json_decref(v);
    v = json_integer(-1);
    CHECK_ERR(wt_u64_from_json(&n, v), WETEE_ERR_DECODE);
    json_decref(v);
    CHECK_STR(wetee_tx_status_name(WETEE_TX_IN_BLOCK), "inBlock");
    CHECK_STR(wetee_tx_status_name(WETEE_TX_FINALIZED), "finalized");
    CHECK_STR(wetee_tx_status_name(99), "unknown");
}


/* ------------------------------------------------------------------ */
/* the client over a scripted node (application transport)            */
/* ------------------------------------------------------------------ */

static wetee_chain *open_mock(wt_mock *m, const wetee_chain_options *o)
{
    wetee_chain *c = NULL;
    CHECK_OK(wetee_chain_new(&c, wt_mock_rpc(m), o));
    return c;
}

/* The scripted Polkadot node `m` (reconnecting when `reconnect`), set up
 * further by `script(m)` when not NULL, and the chain `c` opened over it;
 * the case is skipped without the shared vectors. close_mock() ends both. */
#define MOCK_CHAIN_SCRIPTED(m, c, reconnect, script)                                              \
    wt_mock *m = wt_mock_polkadot_opts(reconnect);                                                \
    if (!m) WT_SKIP(NO_VECTORS);                                                                  \
    void (*script_##m)(wt_mock *) = (script);                                                     \
    if (script_##m) script_##m(m);                                                                \
    wetee_chain *c = open_mock(m, NULL)
#define MOCK_CHAIN(m, c) MOCK_CHAIN_SCRIPTED(m, c, 0, NULL)

static void close_mock(wetee_chain *c, wt_mock *m)
{
    wetee_chain_free(c);
    wt_mock_free(m);
}

/* rpc_methods of a new-spec node with transactionWatch_v1 / with transaction_v1_broadcast only */
static void methods_txwatch(wt_mock *m)
{
    wt_mock_set(m, "rpc_methods", "{\"methods\":[\"chainHead_v1_follow\",\"transaction_v1_broadcast\","
                                  "\"transactionWatch_v1_submitAndWatch\"]}");
}
static void methods_broadcast(wt_mock *m)
{
    wt_mock_set(m, "rpc_methods", "{\"methods\":[\"chainHead_v1_follow\",\"transaction_v1_broadcast\"]}");
}

WT_TEST(client_connect)
{
    MOCK_CHAIN(m, c);
    uint8_t g[32];
    uint16_t ss58 = 99;
    unsigned dec = 0;
    uint32_t spec = 0, txv = 0;
    wetee_buf sym = WETEE_BUF_INIT, b = WETEE_BUF_INIT;
    uint64_t nonce = 0;
    if (!c) goto done;
    CHECK_OK(wetee_chain_genesis_hash(g, c));
    CHECK_HEX(g, 32, "91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3");
    CHECK_OK(wetee_chain_properties(&ss58, &dec, &sym, c));
    CHECK(ss58 == 0 && dec == 10);
    CHECK_STR((const char *)sym.data, "DOT");
    CHECK_OK(wetee_chain_runtime_version(&spec, &txv, c));
    CHECK(spec == 1004001 && txv == 26);
    CHECK(wetee_metadata_version(wetee_chain_metadata(c)) == 15);
    /* Metadata_metadata_versions failed: state_getMetadata was used */
    CHECK(wt_mock_calls(m, "state_call:Metadata_metadata_versions") == 1 && wt_mock_calls(m, "state_getMetadata") == 1);
    CHECK(wetee_chain_uses_new_rpc(c) == 0);
    /* nonce, constants, storage defaults, runtime call argument checks */
    wt_mock_set(m, "system_accountNextIndex", "7");
    CHECK_OK(wetee_chain_account_nonce(&nonce, c, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5"));
    CHECK(nonce == 7);
    CHECK_STR(wt_mock_last_params(m, "system_accountNextIndex"), "[\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"]");
    CHECK_OK(wetee_chain_constant_json(&b, c, "Balances", "ExistentialDeposit"));
    CHECK_STR((const char *)b.data, "10000000000");
    wt_mock_set(m, "state_getStorage", "null");
    CHECK_OK(wetee_chain_storage_json(&b, c, "System", "Account", "[\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"]", NULL));
    CHECK(strstr((const char *)b.data, "\"nonce\":0") != NULL);
    CHECK(strstr(wt_mock_last_params(m, "state_getStorage"), "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9") != NULL);
    CHECK_ERR(wetee_chain_storage_json(&b, c, "System", "Acount", NULL, NULL), WETEE_ERR_NOT_FOUND);
    CHECK_DETAIL("System.Acount");
    CHECK_ERR(wetee_chain_runtime_call_json(&b, c, "AccountNonceApi", "account_nonce", "[]", NULL), WETEE_ERR_DECODE);
    CHECK_DETAIL("takes 1 arguments");
    CHECK_ERR(wetee_chain_runtime_call_json(&b, c, "NoSuchApi", "x", NULL, NULL), WETEE_ERR_NOT_FOUND);
    /* a node error is WETEE_ERR_RPC with its message */
    wt_mock_set_error(m, "author_submitExtrinsic", 1010, "Invalid Transaction");
    CHECK_ERR(wetee_chain_submit(NULL, c, (const uint8_t *)"\x04\x00", 2), WETEE_ERR_RPC);
    CHECK_DETAIL("Invalid Transaction");
    /* answers of the wrong shape */
    wt_mock_set(m, "system_accountNextIndex", "\"seven\"");
    CHECK_ERR(wetee_chain_account_nonce(&nonce, c, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5"), WETEE_ERR_DECODE);
    wt_mock_set(m, "state_getStorage", "42");
    CHECK_ERR(wetee_chain_storage_json(&b, c, "System", "Number", NULL, NULL), WETEE_ERR_DECODE);
done:
    wetee_buf_free(&sym);
    wetee_buf_free(&b);
    close_mock(c, m);
}

/* a runtime upgrade is seen before the next transaction is built; metadata
 * is cached per spec version in memory and on disk, or read from a file */
WT_TEST(client_upgrade_and_cache)
{
    wt_mock *m = wt_mock_polkadot();
    if (!m) WT_SKIP("metadata-hash/polkadot_metadata_v15.hex not found (vectors directory absent)");
    char dir[] = "/tmp/wetee-chain-test.XXXXXX", path[256];
    wetee_chain_options o = WETEE_CHAIN_OPTIONS_INIT;
    wetee_chain *c = NULL, *c2 = NULL, *c3 = NULL;
    const wetee_metadata *md1;
    wetee_tx *tx = NULL;
    uint32_t spec = 0;
    int up = -1;
    CHECK(mkdtemp(dir) != NULL);
    o.cache_dir = dir;
    c = open_mock(m, &o);
    if (!c) goto done;
    snprintf(path, sizeof path, "%s/polkadot-1004001.scale", dir);
    CHECK(access(path, R_OK) == 0);
    md1 = wetee_chain_metadata(c);
    CHECK_OK(wetee_chain_refresh(&up, c));
    CHECK(up == 0 && wt_mock_calls(m, "state_getMetadata") == 1);
    /* the runtime is upgraded: building a transaction reloads the metadata first */
    wt_mock_set(m, "state_getRuntimeVersion", "{\"specName\":\"polkadot\",\"specVersion\":1004002,\"transactionVersion\":27}");
    CHECK_OK(wetee_chain_tx_new(&tx, c));
    CHECK(wt_mock_calls(m, "state_getMetadata") == 2);
    CHECK_OK(wetee_chain_runtime_version(&spec, NULL, c));
    CHECK(spec == 1004002);
    CHECK(wetee_chain_metadata(c) != md1 && wetee_metadata_version(md1) == 15); /* the old one is still valid */
    wetee_tx_free(tx);
    /* back to the old runtime: from memory, no request */
    wt_mock_set(m, "state_getRuntimeVersion", "{\"specName\":\"polkadot\",\"specVersion\":1004001,\"transactionVersion\":26}");
    CHECK_OK(wetee_chain_refresh(&up, c));
    CHECK(up == 1 && wetee_chain_metadata(c) == md1 && wt_mock_calls(m, "state_getMetadata") == 2);
    /* another client with the same cache folder: from disk */
    wt_mock_set_error(m, "state_getMetadata", -32000, "gone");
    c2 = open_mock(m, &o);
    CHECK(c2 && wetee_metadata_version(wetee_chain_metadata(c2)) == 15);
    /* offline metadata from a file */
    o.cache_dir = NULL;
    o.metadata_path = path;
    c3 = open_mock(m, &o);
    CHECK(c3 && wetee_metadata_version(wetee_chain_metadata(c3)) == 15);
    o.metadata_path = "/nonexistent/metadata.scale";
    wetee_chain *c4 = NULL;
    CHECK_ERR(wetee_chain_new(&c4, wt_mock_rpc(m), &o), WETEE_ERR_IO);
    CHECK(c4 == NULL);
done:
    wetee_chain_free(c);
    wetee_chain_free(c2);
    wetee_chain_free(c3);
    remove(path);
    rmdir(dir);
    wt_mock_free(m);
}

/* a signed System.remark for the mock chain, and its block and events */
static void remark_ext(wetee_buf *ext, wetee_chain *c)
{
    wetee_tx *tx = NULL;
    wetee_keypair *kp = NULL;
    CHECK_OK(wetee_keypair_from_suri(&kp, WETEE_SCHEME_ED25519, "//Alice", 7));
    CHECK_OK(wetee_chain_tx_new(&tx, c));
    CHECK_OK(wetee_tx_set_call_json(tx, "System", "remark", "{\"remark\":\"0x01\"}", SIZE_MAX));
    CHECK_OK(wetee_tx_set_nonce(tx, 3));
    CHECK_OK(wetee_tx_sign(ext, tx, kp));
    wetee_tx_free(tx);
    wetee_keypair_free(kp);
}

static void script_block(wt_mock *m, const wetee_metadata *md, const wetee_buf *ext, unsigned pallet_index)
{
    char *block, ev[2048];
    wetee_buf hex = WETEE_BUF_INIT, evb = WETEE_BUF_INIT, evhex = WETEE_BUF_INIT;
    CHECK_OK(wetee_hex_encode(&hex, ext->data, ext->len, 0));
    block = malloc(hex.len + 400);
    sprintf(block, "{\"block\":{\"header\":{\"number\":\"0x10\"},\"extrinsics\":[\"0x0400\",\"0x%.*s\"]}}", (int)hex.len,
            (const char *)hex.data);
    wt_mock_set(m, "chain_getBlock", block);
    snprintf(ev, sizeof ev,
             "[{\"phase\":{\"ApplyExtrinsic\":1},\"event\":{\"System\":{\"ExtrinsicFailed\":{\"dispatch_error\":{\"Module\":"
             "{\"index\":%u,\"error\":\"0x02000000\"}},\"dispatch_info\":" INFO "}}},\"topics\":[]}]",
             pallet_index);
    events_bytes(&evb, md, ev);
    CHECK_OK(wetee_hex_encode(&evhex, evb.data, evb.len, 0));
    free(block);
    block = malloc(evhex.len + 8);
    sprintf(block, "\"0x%.*s\"", (int)evhex.len, (const char *)evhex.data);
    wt_mock_set(m, "state_getStorage", block);
    free(block);
    wetee_buf_free(&hex);
    wetee_buf_free(&evb);
    wetee_buf_free(&evhex);
}

static int seen_status[16];
static void on_status(void *ctx, int status, const char *json)
{
    (void)ctx;
    CHECK(json && json[0] == '{');
    if (status > 0 && status < 16) seen_status[status]++;
}

#define BLOCK_HEX "0x1111111111111111111111111111111111111111111111111111111111111111"
#define BLOCK_H "\"" BLOCK_HEX "\""

WT_TEST(client_watch_legacy)
{
    MOCK_CHAIN(m, c);
    wetee_chain_watch *w = NULL;
    wetee_buf ext = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
    json_t *o;
    if (!c) goto done;
    remark_ext(&ext, c);
    script_block(m, wetee_chain_metadata(c), &ext,
                 wetee_md_pallet_index(wetee_metadata_pallet_by_name(wetee_chain_metadata(c), "Balances")));
    wt_mock_set(m, "author_submitAndWatchExtrinsic", "\"w1\"");
    memset(seen_status, 0, sizeof seen_status);
    CHECK_OK(wetee_chain_submit_watch(&w, c, ext.data, ext.len, on_status, NULL));
    wt_mock_notify(m, "author_extrinsicUpdate", "w1", "\"ready\"");
    wt_mock_notify(m, "author_extrinsicUpdate", "w1", "{\"inBlock\":" BLOCK_H "}");
    CHECK_OK(wetee_chain_watch_wait(&res, w, WETEE_TX_IN_BLOCK, 5000));
    o = json_loads((const char *)res.data, 0, NULL);
    CHECK_STR(json_string_value(json_object_get(o, "status")), "inBlock");
    CHECK(json_integer_value(json_object_get(o, "index")) == 1 && json_integer_value(json_object_get(o, "blockNumber")) == 16);
    CHECK(json_is_false(json_object_get(o, "success")));
    CHECK_STR(json_string_value(json_object_get(json_object_get(o, "error"), "pallet")), "Balances");
    json_decref(o);
    CHECK(seen_status[WETEE_TX_VALIDATED] == 1 && seen_status[WETEE_TX_IN_BLOCK] == 1);
    /* then finalized in the same block */
    wt_mock_notify(m, "author_extrinsicUpdate", "w1", "{\"finalized\":" BLOCK_H "}");
    CHECK_OK(wetee_chain_watch_wait(&res, w, WETEE_TX_FINALIZED, 5000));
    CHECK(strstr((const char *)res.data, "\"status\":\"finalized\"") != NULL);
    CHECK(wt_mock_calls(m, "chain_getBlock") == 1); /* the block was read once */
    wetee_chain_watch_free(w);
    w = NULL;
    /* invalid: WETEE_ERR_RPC with the reason */
    wt_mock_set(m, "author_submitAndWatchExtrinsic", "\"w2\"");
    CHECK_OK(wetee_chain_submit_watch(&w, c, ext.data, ext.len, NULL, NULL));
    wt_mock_notify(m, "author_extrinsicUpdate", "w2", "\"invalid\"");
    CHECK_ERR(wetee_chain_watch_wait(&res, w, WETEE_TX_FINALIZED, 5000), WETEE_ERR_RPC);
    CHECK_DETAIL("invalid");
    CHECK(strstr((const char *)res.data, "\"status\":\"invalid\"") != NULL);
    wetee_chain_watch_free(w);
    w = NULL;
    /* the chain freed before its watch (as a binding's garbage collector may
     * do): the watch is stopped and its handle stays valid */
    wt_mock_set(m, "author_submitAndWatchExtrinsic", "\"w4\"");
    wt_mock_set(m, "author_unwatchExtrinsic", "true");
    wetee_chain *c2 = open_mock(m, NULL);
    CHECK_OK(wetee_chain_submit_watch(&w, c2, ext.data, ext.len, NULL, NULL));
    wetee_chain_free(c2);
    wt_mock_notify(m, "author_extrinsicUpdate", "w4", "\"ready\"");
    CHECK_ERR(wetee_chain_watch_wait(&res, w, WETEE_TX_FINALIZED, 100), WETEE_ERR_STATE);
    CHECK_DETAIL("freed");
    wetee_chain_watch_free(w);
    w = NULL;
    /* nothing happens: timeout, the state so far */
    wt_mock_set(m, "author_submitAndWatchExtrinsic", "\"w3\"");
    CHECK_OK(wetee_chain_submit_watch(&w, c, ext.data, ext.len, NULL, NULL));
    wt_mock_notify(m, "author_extrinsicUpdate", "w3", "\"ready\"");
    CHECK_ERR(wetee_chain_watch_wait(&res, w, WETEE_TX_FINALIZED, 200), WETEE_ERR_TIMEOUT);
    CHECK(strstr((const char *)res.data, "\"status\":\"validated\"") != NULL);
    /* the connection is lost: reported, never resubmitted */
    int submits = wt_mock_calls(m, "author_submitAndWatchExtrinsic");
    wt_mock_drop(m, "test: connection lost");
    CHECK_ERR(wetee_chain_watch_wait(&res, w, WETEE_TX_FINALIZED, 5000), WETEE_ERR_NETWORK);
    CHECK_DETAIL("not resubmitted");
    CHECK(wt_mock_calls(m, "author_submitAndWatchExtrinsic") == submits);
    wetee_chain_watch_free(w);
    w = NULL;
done:
    wetee_buf_free(&ext);
    wetee_buf_free(&res);
    close_mock(c, m);
}

/* the new JSON-RPC spec: transactionWatch_v1 when the node offers it */
WT_TEST(client_watch_new_txwatch)
{
    MOCK_CHAIN_SCRIPTED(m, c, 0, methods_txwatch);
    wetee_chain_watch *w = NULL;
    wetee_buf ext = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
    if (!c) goto done;
    CHECK(wetee_chain_uses_new_rpc(c) == 1);
    remark_ext(&ext, c);
    script_block(m, wetee_chain_metadata(c), &ext, 5);
    wt_mock_set(m, "transactionWatch_v1_submitAndWatch", "\"t1\"");
    CHECK_OK(wetee_chain_submit_watch(&w, c, ext.data, ext.len, NULL, NULL));
    wt_mock_notify(m, "transactionWatch_v1_watchEvent", "t1", "{\"event\":\"validated\"}");
    wt_mock_notify(m, "transactionWatch_v1_watchEvent", "t1",
                   "{\"event\":\"bestChainBlockIncluded\",\"block\":{\"hash\":" BLOCK_H ",\"index\":1}}");
    CHECK_OK(wetee_chain_watch_wait(&res, w, WETEE_TX_IN_BLOCK, 5000));
    CHECK(strstr((const char *)res.data, "\"index\":1") && strstr((const char *)res.data, "\"success\":false"));
    wt_mock_notify(m, "transactionWatch_v1_watchEvent", "t1", "{\"event\":\"bestChainBlockIncluded\",\"block\":null}");
    wt_mock_notify(m, "transactionWatch_v1_watchEvent", "t1",
                   "{\"event\":\"finalized\",\"block\":{\"hash\":" BLOCK_H ",\"index\":1}}");
    CHECK_OK(wetee_chain_watch_wait(&res, w, WETEE_TX_FINALIZED, 5000));
    CHECK(strstr((const char *)res.data, "\"status\":\"finalized\"") != NULL);
    wetee_chain_watch_free(w);
    w = NULL;
    wt_mock_set(m, "transactionWatch_v1_submitAndWatch", "\"t2\"");
    CHECK_OK(wetee_chain_submit_watch(&w, c, ext.data, ext.len, NULL, NULL));
    wt_mock_notify(m, "transactionWatch_v1_watchEvent", "t2", "{\"event\":\"invalid\",\"error\":\"Invalid(BadProof)\"}");
    CHECK_ERR(wetee_chain_watch_wait(&res, w, WETEE_TX_FINALIZED, 5000), WETEE_ERR_RPC);
    CHECK_DETAIL("BadProof");
done:
    wetee_chain_watch_free(w);
    wetee_buf_free(&ext);
    wetee_buf_free(&res);
    close_mock(c, m);
}

#define H0 "\"0x0000000000000000000000000000000000000000000000000000000000000001\""

/* the new spec without transactionWatch: validate, follow, broadcast, find
 * the transaction in block bodies; unpin; recover from a stop event */
WT_TEST(client_watch_new_broadcast)
{
    MOCK_CHAIN_SCRIPTED(m, c, 0, methods_broadcast);
    wetee_chain_watch *w = NULL;
    wetee_buf ext = WETEE_BUF_INIT, res = WETEE_BUF_INIT, hex = WETEE_BUF_INIT;
    char done_ev[1024];
    if (!c) goto done;
    remark_ext(&ext, c);
    script_block(m, wetee_chain_metadata(c), &ext, 5);
    CHECK_OK(wetee_hex_encode(&hex, ext.data, ext.len, 0));
    /* the node's verdict first: invalid is refused before anything is broadcast */
    wt_mock_set(m, "state_call:TaggedTransactionQueue_validate_transaction", "\"0x010000\"");
    CHECK_ERR(wetee_chain_submit_watch(&w, c, ext.data, ext.len, NULL, NULL), WETEE_ERR_RPC);
    CHECK_DETAIL("Invalid");
    CHECK(wt_mock_calls(m, "transaction_v1_broadcast") == 0);
    wt_mock_set(m, "state_call:TaggedTransactionQueue_validate_transaction", "\"0x00\"");
    wt_mock_set(m, "chainHead_v1_follow", "\"f1\"");
    wt_mock_set(m, "chainHead_v1_unfollow", "null");
    wt_mock_set(m, "chainHead_v1_unpin", "null");
    wt_mock_set(m, "chainHead_v1_body", "{\"result\":\"started\",\"operationId\":\"b@N\"}");
    wt_mock_set(m, "transaction_v1_broadcast", "\"op1\"");
    wt_mock_set(m, "transaction_v1_stop", "null");
    CHECK_OK(wetee_chain_submit_watch(&w, c, ext.data, ext.len, NULL, NULL));
    CHECK(wt_mock_calls(m, "transaction_v1_broadcast") == 1);
    wt_mock_notify(m, "chainHead_v1_followEvent", "f1", "{\"event\":\"initialized\",\"finalizedBlockHashes\":[" H0 "]}");
    wt_mock_notify(m, "chainHead_v1_followEvent", "f1",
                   "{\"event\":\"newBlock\",\"blockHash\":" BLOCK_H ",\"parentBlockHash\":" H0 ",\"newRuntime\":null}");
    snprintf(done_ev, sizeof done_ev, "{\"event\":\"operationBodyDone\",\"operationId\":\"b2\",\"value\":[\"0x0400\",\"0x%.*s\"]}",
             (int)hex.len, (const char *)hex.data);
    wt_mock_notify(m, "chainHead_v1_followEvent", "f1", done_ev);
    CHECK_OK(wetee_chain_watch_wait(&res, w, WETEE_TX_IN_BLOCK, 5000));
    CHECK(strstr((const char *)res.data, "\"status\":\"inBlock\"") && strstr((const char *)res.data, "\"index\":1"));
    CHECK(strstr(wt_mock_last_params(m, "chainHead_v1_body"), "\"f1\"") != NULL);
    /* stop: followed again; the block comes back finalized in initialized */
    wt_mock_notify(m, "chainHead_v1_followEvent", "f1", "{\"event\":\"stop\"}");
    CHECK_ERR(wetee_chain_watch_wait(&res, w, WETEE_TX_FINALIZED, 300), WETEE_ERR_TIMEOUT);
    CHECK(wt_mock_calls(m, "chainHead_v1_follow") == 2);
    wt_mock_notify(m, "chainHead_v1_followEvent", "f1", "{\"event\":\"initialized\",\"finalizedBlockHashes\":[" H0 "," BLOCK_H "]}");
    CHECK_OK(wetee_chain_watch_wait(&res, w, WETEE_TX_FINALIZED, 5000));
    CHECK(strstr((const char *)res.data, "\"status\":\"finalized\"") != NULL);
    /* the older finalized block was unpinned */
    CHECK(wt_mock_calls(m, "chainHead_v1_unpin") >= 1);
    CHECK(wt_mock_last_params(m, "chainHead_v1_unpin") && strstr(wt_mock_last_params(m, "chainHead_v1_unpin"), "0x0000000000000000000000000000000000000000000000000000000000000001") != NULL);
    wetee_chain_watch_free(w);
    w = NULL;
    CHECK(wt_mock_calls(m, "transaction_v1_stop") == 1);
done:
    wetee_chain_watch_free(w);
    wetee_buf_free(&ext);
    wetee_buf_free(&res);
    wetee_buf_free(&hex);
    close_mock(c, m);
}

/* ------------------------------------------------------------------ */
/* the new spec: reads on the chain's own follow subscription          */
/* ------------------------------------------------------------------ */

#define FE "chainHead_v1_followEvent"
#define NEW_READ_METHODS                                                                                       \
    "{\"methods\":[\"chainHead_v1_follow\",\"chainHead_v1_storage\",\"chainHead_v1_call\",\"chainHead_v1_continue\"," \
    "\"chainHead_v1_unpin\",\"transaction_v1_broadcast\"]}"
/* Core_version: "polkadot", "parity-polkadot", 0, spec 1004001, 0, no APIs, transaction 26, state version 1 */
#define CORE_VERSION "0x20706f6c6b61646f743c7061726974792d706f6c6b61646f7400000000e1510f0000000000001a00000001"

/* chainHead_v1_call of `fn` answers `output` (0x-hex) or, when NULL, operationError */
static void script_call(wt_mock *m, const char *fn, const char *output)
{
    char key[128];
    size_t cap = (output ? strlen(output) : 0) + strlen(fn) + 200;
    char *ev = malloc(cap);
    snprintf(key, sizeof key, "chainHead_v1_call:%s", fn);
    wt_mock_set(m, key, "{\"result\":\"started\",\"operationId\":\"c@N\"}");
    wt_mock_after_clear(m, key);
    if (output) snprintf(ev, cap, "{\"event\":\"operationCallDone\",\"operationId\":\"c@N\",\"output\":\"%s\"}", output);
    else snprintf(ev, cap, "{\"event\":\"operationError\",\"operationId\":\"c@N\",\"error\":\"no %s in this runtime\"}", fn);
    wt_mock_after(m, key, 0, FE, "cf", ev);
    free(ev);
}

/* the follow subscription "cf": H0 finalized, BLOCK_H new and best; the
 * runtime version by Core_version and the metadata by Metadata_metadata */
static void script_follow(wt_mock *m)
{
    size_t len = 0, n;
    uint8_t *hex = wt_read_vector("metadata-hash/polkadot_metadata_v15.hex", &len);
    char *out;
    wt_mock_set(m, "rpc_methods", NEW_READ_METHODS);
    wt_mock_set(m, "chainHead_v1_follow", "\"cf\"");
    wt_mock_set(m, "chainHead_v1_unfollow", "null");
    wt_mock_set(m, "chainHead_v1_unpin", "null");
    wt_mock_after(m, "chainHead_v1_follow", 0, FE, "cf",
                  "{\"event\":\"initialized\",\"finalizedBlockHashes\":[" H0 "],\"finalizedBlockRuntime\":null}");
    wt_mock_after(m, "chainHead_v1_follow", 0, FE, "cf",
                  "{\"event\":\"newBlock\",\"blockHash\":" BLOCK_H ",\"parentBlockHash\":" H0 ",\"newRuntime\":null}");
    wt_mock_after(m, "chainHead_v1_follow", 0, FE, "cf", "{\"event\":\"bestBlockChanged\",\"bestBlockHash\":" BLOCK_H "}");
    script_call(m, "Core_version", CORE_VERSION);
    script_call(m, "Metadata_metadata_versions", NULL);
    /* OpaqueMetadata: the bytes with a 4-byte compact length */
    CHECK(hex != NULL);
    if (!hex) return;
    while (len && (hex[len - 1] == '\n' || hex[len - 1] == ' ' || hex[len - 1] == '\r')) len--;
    n = (len - 2) / 2;
    out = malloc(len + 16);
    snprintf(out, len + 16, "0x%02x%02x%02x%02x%.*s", (unsigned)((n << 2 | 2) & 255), (unsigned)((n << 2) >> 8 & 255),
             (unsigned)((n << 2) >> 16 & 255), (unsigned)((n << 2) >> 24 & 255), (int)(len - 2), (const char *)hex + 2);
    script_call(m, "Metadata_metadata", out);
    free(out);
    free(hex);
}

/* chainHead_v1_storage answers with these events (each a JSON object text with "s@N" as operation id) */
static void script_storage(wt_mock *m, const char *answer, const char *const *events, size_t n)
{
    wt_mock_set(m, "chainHead_v1_storage", answer ? answer : "{\"result\":\"started\",\"operationId\":\"s@N\",\"discardedItems\":0}");
    wt_mock_after_clear(m, "chainHead_v1_storage");
    for (size_t i = 0; i < n; i++) wt_mock_after(m, "chainHead_v1_storage", 0, FE, "cf", events[i]);
}

static void key_hex(char *out, size_t cap, wetee_chain *c, const char *pallet, const char *entry, const char *keys)
{
    const wetee_metadata *md = wetee_chain_metadata(c);
    const wetee_md_storage *s = wetee_md_pallet_storage_by_name(md, wetee_metadata_pallet_by_name(md, pallet), entry);
    wetee_buf k = WETEE_BUF_INIT;
    CHECK_OK(wetee_storage_key_json(&k, md, s, keys, keys ? strlen(keys) : 0));
    CHECK(2 * k.len + 3 <= cap);
    if (2 * k.len + 3 <= cap) wt_hex_str(out, k.data, k.len);
    wetee_buf_free(&k);
}

/* an AccountInfo (nonce, consumers, providers 1, sufficients, free, reserved, frozen, flags) as 0x-hex */
static const char *account_hex(char out[200], unsigned nonce, unsigned free_amount)
{
    snprintf(out, 200, "0x%02x%02x0000" "00000000" "01000000" "00000000" "%02x%02x%0124d", nonce & 255, nonce >> 8 & 255,
             free_amount & 255, free_amount >> 8 & 255, 0);
    return out;
}

static wetee_chain_stats stats(wetee_chain *c)
{
    wetee_chain_stats st = WETEE_CHAIN_STATS_INIT;
    CHECK_OK(wetee_chain_get_stats(&st, c));
    return st;
}

WT_TEST(client_reads_new_spec)
{
    MOCK_CHAIN_SCRIPTED(m, c, 0, script_follow);
    wetee_buf b = WETEE_BUF_INIT;
    char key[200], ev[3][800], acc[200];
    uint32_t spec = 0, txv = 0;
    int found = -1;
    wetee_chain_stats st;
    if (!c) goto done;
    /* connected on the new spec: runtime version and metadata came through chainHead_v1_call */
    CHECK(wetee_chain_uses_new_rpc(c) == 1);
    CHECK_OK(wetee_chain_runtime_version(&spec, &txv, c));
    CHECK(spec == 1004001 && txv == 26);
    CHECK(wetee_metadata_version(wetee_chain_metadata(c)) == 15);
    CHECK(wt_mock_calls(m, "state_getRuntimeVersion") == 0 && wt_mock_calls(m, "state_getMetadata") == 0);
    CHECK(wt_mock_calls(m, "state_call:Metadata_metadata_versions") == 0);
    CHECK(wt_mock_calls(m, "chainHead_v1_call:Metadata_metadata") == 1);
    CHECK(strstr(wt_mock_last_params(m, "chainHead_v1_call:Core_version"), "[\"cf\"," BLOCK_H) != NULL);
    /* a storage value on the best block: items, then done */
    key_hex(key, sizeof key, c, "System", "Account", "[\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"]");
    snprintf(ev[0], sizeof ev[0],
             "{\"event\":\"operationStorageItems\",\"operationId\":\"s@N\",\"items\":[{\"key\":\"%s\",\"value\":\"%s\"}]}", key,
             account_hex(acc, 5, 1000));
    snprintf(ev[1], sizeof ev[1], "{\"event\":\"operationStorageDone\",\"operationId\":\"s@N\"}");
    {
        const char *evs[] = { ev[0], ev[1] };
        script_storage(m, NULL, evs, 2);
    }
    CHECK_OK(wetee_chain_storage_json(&b, c, "System", "Account", "[\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"]", NULL));
    CHECK(strstr((const char *)b.data, "\"nonce\":5") && strstr((const char *)b.data, "\"free\":1000"));
    CHECK(strstr(wt_mock_last_params(m, "chainHead_v1_storage"), "[\"cf\"," BLOCK_H ",[{\"key\":\"") != NULL);
    CHECK(strstr(wt_mock_last_params(m, "chainHead_v1_storage"), "\"type\":\"value\"") != NULL);
    CHECK(wt_mock_calls(m, "state_getStorage") == 0);
    /* at a pinned block, absent: done without items */
    {
        const char *evs[] = { ev[1] };
        script_storage(m, NULL, evs, 1);
    }
    CHECK_OK(wetee_chain_storage_raw(&b, &found, c, key, "0x0000000000000000000000000000000000000000000000000000000000000001"));
    CHECK(found == 0 && b.len == 0);
    CHECK(strstr(wt_mock_last_params(m, "chainHead_v1_storage"), H0) != NULL);
    /* a runtime API call */
    script_call(m, "AccountNonceApi_account_nonce", "0x07000000");
    CHECK_OK(wetee_chain_runtime_call_json(&b, c, "AccountNonceApi", "account_nonce",
                                           "[\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"]", NULL));
    CHECK_STR((const char *)b.data, "7");
    /* operationError: the node's message, WETEE_ERR_RPC */
    script_call(m, "AccountNonceApi_account_nonce", NULL);
    CHECK_ERR(wetee_chain_runtime_call_json(&b, c, "AccountNonceApi", "account_nonce",
                                            "[\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"]", NULL),
              WETEE_ERR_RPC);
    CHECK_DETAIL("no AccountNonceApi_account_nonce in this runtime");
    st = stats(c);
    CHECK(st.head_storage == 2 && st.head_calls == 3 && st.legacy_storage == 0 && st.legacy_calls == 0 && st.head_fallbacks == 0);
    /* a block that is not pinned: the legacy method at that block */
    wt_mock_set(m, "state_getStorage", "\"0x2a\"");
    CHECK_OK(wetee_chain_storage_raw(&b, &found, c, key, "0x2222222222222222222222222222222222222222222222222222222222222222"));
    CHECK(found == 1 && b.len == 1 && b.data[0] == 0x2a);
    CHECK(strstr(wt_mock_last_params(m, "state_getStorage"), "0x2222") != NULL);
    /* operationInaccessible, limitReached, discardedItems: the legacy method, at the block chosen */
    snprintf(ev[2], sizeof ev[2], "{\"event\":\"operationInaccessible\",\"operationId\":\"s@N\"}");
    {
        const char *evs[] = { ev[2] };
        script_storage(m, NULL, evs, 1);
    }
    CHECK_OK(wetee_chain_storage_raw(&b, &found, c, key, BLOCK_HEX));
    CHECK(found == 1 && wt_mock_calls(m, "state_getStorage") == 2);
    CHECK(strstr(wt_mock_last_params(m, "state_getStorage"), BLOCK_HEX) != NULL);
    script_storage(m, "{\"result\":\"limitReached\"}", NULL, 0);
    CHECK_OK(wetee_chain_storage_raw(&b, &found, c, key, NULL));
    CHECK(found == 1 && wt_mock_calls(m, "state_getStorage") == 3);
    script_storage(m, "{\"result\":\"started\",\"operationId\":\"s@N\",\"discardedItems\":1}", NULL, 0);
    CHECK_OK(wetee_chain_storage_raw(&b, &found, c, key, NULL));
    CHECK(wt_mock_calls(m, "state_getStorage") == 4);
    st = stats(c);
    CHECK(st.head_fallbacks == 4 && st.legacy_storage == 4);
    /* a finalized block: the older finalized one is unpinned */
    wt_mock_notify(m, FE, "cf", "{\"event\":\"finalized\",\"finalizedBlockHashes\":[" BLOCK_H "],\"prunedBlockHashes\":[]}");
    for (int i = 0; i < 200 && wt_mock_calls(m, "chainHead_v1_unpin") < 1; i++) usleep(5000);
    CHECK(wt_mock_calls(m, "chainHead_v1_unpin") == 1);
    CHECK(strstr(wt_mock_last_params(m, "chainHead_v1_unpin"), "[\"cf\",[" H0 "]]") != NULL);
    /* a stop during a read: that read goes to the legacy method, the next one follows again */
    {
        const char *evs[] = { "{\"event\":\"stop\"}" };
        script_storage(m, NULL, evs, 1);
    }
    CHECK_OK(wetee_chain_storage_raw(&b, &found, c, key, NULL));
    CHECK(wt_mock_calls(m, "state_getStorage") == 5);
    {
        const char *evs[] = { ev[0], ev[1] };
        script_storage(m, NULL, evs, 2);
    }
    CHECK_OK(wetee_chain_storage_raw(&b, &found, c, key, NULL));
    CHECK(found == 1 && b.len == 80 && b.data[0] == 5);
    CHECK(wt_mock_calls(m, "chainHead_v1_follow") == 2 && wt_mock_calls(m, "state_getStorage") == 5);
    st = stats(c);
    CHECK(st.follow_renewals == 1 && st.unpinned == 1);
done:
    wetee_buf_free(&b);
    close_mock(c, m);
}

/* paged entries on the new spec: descendantsValues, items out of order, a
 * chainHead_v1_continue, the page chosen by the client */
WT_TEST(client_entries_new_spec)
{
    MOCK_CHAIN_SCRIPTED(m, c, 0, script_follow);
    wetee_buf b = WETEE_BUF_INIT;
    char prefix[200], k[6][300], ev[1][2048];
    json_t *o = NULL;
    if (!c) goto done;
    key_hex(prefix, sizeof prefix, c, "System", "Account", NULL);
    /* keys: prefix ++ blake2_128(id) ++ id; here 16 bytes of i then 32 bytes of i */
    for (int i = 1; i <= 5; i++) {
        char id[100];
        int n = snprintf(id, sizeof id, "[\"0x");
        for (int j = 0; j < 32; j++) n += snprintf(id + n, sizeof id - n, "%02x", i);
        snprintf(id + n, sizeof id - n, "\"]");
        key_hex(k[i], sizeof k[i], c, "System", "Account", id);
    }
    /* k[1] < ... < k[5] */
    qsort(k + 1, 5, sizeof k[0], (int (*)(const void *, const void *))strcmp);
    CHECK(strncmp(k[1], prefix, strlen(prefix)) == 0);
    char acc[6][200];
    for (int i = 1; i <= 5; i++) account_hex(acc[i], (unsigned)i, 0);
#define ITEM "{\"key\":\"%s\",\"value\":\"%s\"}"
    snprintf(ev[0], sizeof ev[0], "{\"event\":\"operationStorageItems\",\"operationId\":\"s@N\",\"items\":[" ITEM "," ITEM "," ITEM "]}",
             k[4], acc[4], k[1], acc[1], k[5], acc[5]);
    {
        const char *evs[] = { ev[0], "{\"event\":\"operationWaitingForContinue\",\"operationId\":\"s@N\"}" };
        script_storage(m, NULL, evs, 2);
    }
    /* the continuation's events carry the id of the storage operation: "s1", then "s2" */
    wt_mock_set(m, "chainHead_v1_continue", "null");
    for (int call = 1; call <= 2; call++) {
        char e1[2048], e2[100];
        snprintf(e1, sizeof e1, "{\"event\":\"operationStorageItems\",\"operationId\":\"s%d\",\"items\":[" ITEM "," ITEM "]}", call, k[3],
                 acc[3], k[2], acc[2]);
        snprintf(e2, sizeof e2, "{\"event\":\"operationStorageDone\",\"operationId\":\"s%d\"}", call);
        wt_mock_after(m, "chainHead_v1_continue", call, FE, "cf", e1);
        wt_mock_after(m, "chainHead_v1_continue", call, FE, "cf", e2);
    }
#undef ITEM
    CHECK_OK(wetee_chain_storage_entries_json(&b, c, "System", "Account", NULL, 2, NULL, NULL));
    o = json_loads((const char *)b.data, 0, NULL);
    CHECK(json_array_size(o) == 2);
    CHECK_STR(json_string_value(json_object_get(json_array_get(o, 0), "key")), k[1]);
    CHECK_STR(json_string_value(json_object_get(json_array_get(o, 1), "key")), k[2]);
    CHECK(json_integer_value(json_object_get(json_object_get(json_array_get(o, 1), "value"), "nonce")) == 2);
    CHECK(strstr(wt_mock_last_params(m, "chainHead_v1_storage"), "\"type\":\"descendantsValues\"") != NULL);
    CHECK(strstr(wt_mock_last_params(m, "chainHead_v1_continue"), "[\"cf\",\"s1\"]") != NULL);
    json_decref(o);
    /* the next page, after the last key */
    CHECK_OK(wetee_chain_storage_entries_json(&b, c, "System", "Account", NULL, 2, k[2], NULL));
    o = json_loads((const char *)b.data, 0, NULL);
    CHECK(json_array_size(o) == 2);
    CHECK_STR(json_string_value(json_object_get(json_array_get(o, 0), "key")), k[3]);
    CHECK_STR(json_string_value(json_object_get(json_array_get(o, 1), "key")), k[4]);
    CHECK(wt_mock_calls(m, "chainHead_v1_continue") == 2 && wt_mock_calls(m, "state_getKeysPaged") == 0);
    CHECK(stats(c).head_continues == 2);
done:
    json_decref(o);
    wetee_buf_free(&b);
    close_mock(c, m);
}

/* block subscriptions on the legacy methods: a reorg and a reconnection */
struct blk_log {
    pthread_mutex_t mu;
    char kinds[64];
    uint64_t numbers[64];
    int n;
};
static void on_blk(void *ctx, int kind, const char *json)
{
    struct blk_log *l = ctx;
    json_t *o = json_loads(json, 0, NULL);
    pthread_mutex_lock(&l->mu);
    if (l->n < 64) {
        l->kinds[l->n] = kind == WETEE_BLOCK_NEW ? 'N' : kind == WETEE_BLOCK_FINALIZED ? 'F' : kind == WETEE_BLOCK_RETRACTED ? 'R' : 'G';
        l->numbers[l->n] = (uint64_t)json_integer_value(json_object_get(o, "number"));
        l->n++;
        l->kinds[l->n] = 0;
    }
    pthread_mutex_unlock(&l->mu);
    json_decref(o);
}
/* header JSON of block `number` on top of `parent` (hex with quotes); its hash into hash_out (quoted hex) */
static void header(char *out, size_t cap, char *hash_out, const char *parent, unsigned number, int fork)
{
    json_t *h;
    uint8_t hh[32];
    snprintf(out, cap,
             "{\"parentHash\":%s,\"number\":\"0x%x\",\"stateRoot\":\"0x%064x\",\"extrinsicsRoot\":\"0x%064x\",\"digest\":{\"logs\":[]}}",
             parent, number, 0, fork);
    h = json_loads(out, 0, NULL);
    CHECK(h != NULL);
    CHECK_OK(wt_header_hash(hh, h));
    json_decref(h);
    hash_out[0] = '"';
    wt_hex_str(hash_out + 1, hh, 32);
    strcat(hash_out, "\"");
}
static int wait_log(struct blk_log *l, int n)
{
    for (int i = 0; i < 200; i++) {
        pthread_mutex_lock(&l->mu);
        int got = l->n;
        pthread_mutex_unlock(&l->mu);
        if (got >= n) return 1;
        usleep(10000);
    }
    return 0;
}

WT_TEST(client_blocks_legacy)
{
    MOCK_CHAIN_SCRIPTED(m, c, 1, NULL);
    wetee_chain_blocks *b = NULL;
    struct blk_log l = { PTHREAD_MUTEX_INITIALIZER, "", { 0 }, 0 };
    char h[8][300], hash[8][70], key[100];
    if (!c) goto done;
    wt_mock_set(m, "chain_subscribeNewHeads", "\"nh\"");
    wt_mock_set(m, "chain_subscribeFinalizedHeads", "\"fh\"");
    wt_mock_set(m, "chain_unsubscribeNewHeads", "true");
    wt_mock_set(m, "chain_unsubscribeFinalizedHeads", "true");
    CHECK_OK(wetee_chain_blocks_subscribe(&b, c, 0, on_blk, &l));
    /* 1, 2, 3 on one branch; 2' and 3' on another from 1 */
    header(h[1], 300, hash[1], H0, 1, 0);
    header(h[2], 300, hash[2], hash[1], 2, 0);
    header(h[3], 300, hash[3], hash[2], 3, 0);
    header(h[4], 300, hash[4], hash[1], 2, 1); /* 2' */
    header(h[5], 300, hash[5], hash[4], 3, 1); /* 3' */
    wt_mock_notify(m, "chain_newHead", "nh", h[1]);
    wt_mock_notify(m, "chain_newHead", "nh", h[2]);
    wt_mock_notify(m, "chain_newHead", "nh", h[3]);
    CHECK(wait_log(&l, 3));
    /* only 3' is announced: 2' is fetched, 3 and 2 are retracted */
    snprintf(key, sizeof key, "chain_getHeader:%.66s", hash[4] + 1);
    wt_mock_set(m, key, h[4]);
    wt_mock_notify(m, "chain_newHead", "nh", h[5]);
    CHECK(wait_log(&l, 7));
    CHECK_STR(l.kinds, "NNNRRNN");
    CHECK(l.numbers[3] == 3 && l.numbers[4] == 2 && l.numbers[5] == 2 && l.numbers[6] == 3);
    /* finalized */
    wt_mock_notify(m, "chain_finalizedHead", "fh", h[4]);
    CHECK(wait_log(&l, 8));
    CHECK(l.kinds[7] == 'F' && l.numbers[7] == 2);
    /* the connection drops; the subscriptions come back; blocks 4' and 5'
     * were missed: 5' is announced and 4' fetched and reported first */
    header(h[6], 300, hash[6], hash[5], 4, 1);
    header(h[7], 300, hash[7], hash[6], 5, 1);
    snprintf(key, sizeof key, "chain_getHeader:%.66s", hash[6] + 1);
    wt_mock_set(m, key, h[6]);
    wt_mock_drop(m, "test: connection lost");
    for (int i = 0; i < 200 && wt_mock_calls(m, "chain_subscribeNewHeads") < 2; i++) usleep(10000);
    CHECK(wt_mock_calls(m, "chain_subscribeNewHeads") == 2);
    usleep(50000);
    wt_mock_notify(m, "chain_newHead", "nh", h[7]);
    CHECK(wait_log(&l, 10));
    CHECK_STR(l.kinds + 8, "NN");
    CHECK(l.numbers[8] == 4 && l.numbers[9] == 5);
done:
    /* the chain first, as a binding's garbage collector may do: it stops the
     * subscription, whose handle stays valid for wetee_chain_blocks_free() */
    wetee_chain_free(c);
    if (b) {
        l.n = 0;
        wt_mock_notify(m, "chain_newHead", "nh", h[7]);
        usleep(20000);
        CHECK(l.n == 0);
    }
    wetee_chain_blocks_free(b);
    wt_mock_free(m);
}

/* The same client cases with libwetee's wiping jansson hooks installed (the
 * keystore installs them, process-wide): text from json_dumps() is then not
 * a malloc() block, and releasing it with free() crashed. Forked, since the
 * hooks stay for the life of the process. */
static void wiping_hooks_child(void)
{
    wt_json_wiping_hooks();
    client_connect();
    client_watch_legacy();
    client_reads_new_spec();
    client_entries_new_spec();
}

WT_TEST(client_with_wiping_json_hooks)
{
    wt_run_forked("client cases under the wiping jansson hooks", wiping_hooks_child);
}

WT_MAIN("chain", WT_CASE(legacy_statuses), WT_CASE(new_spec_statuses), WT_CASE(header_hash), WT_CASE(find_extrinsic),
        WT_CASE(extrinsic_outcome), WT_CASE(follow_pinning), WT_CASE(follow_recorded), WT_CASE(numbers_and_names),
        WT_CASE(client_connect), WT_CASE(client_upgrade_and_cache), WT_CASE(client_watch_legacy),
        WT_CASE(client_watch_new_txwatch), WT_CASE(client_watch_new_broadcast), WT_CASE(client_reads_new_spec),
        WT_CASE(client_entries_new_spec), WT_CASE(client_blocks_legacy), WT_CASE(client_with_wiping_json_hooks))
