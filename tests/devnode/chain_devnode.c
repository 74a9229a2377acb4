/* The chain client (chain.h) against a real runtime: the parachain template
 * run by Chopsticks (tests/devnode/run.sh starts it).
 *
 *   chain_devnode WS_URL legacy|new OUT.json
 *
 * With the JSON-RPC spec forced as given, checks: connection facts
 * (genesis, runtime version, newest metadata, properties); transfers from
 * sr25519 //Alice and from ed25519 and ecdsa accounts funded with
 * dev_setStorage, watched to finalization, with balances before and after;
 * the fee estimate against the TransactionFeePaid event; a changed
 * signature byte reported invalid with the node's reason; an over-balance
 * transfer reported with its dispatch error name; a mortal transaction past
 * its era rejected; block subscriptions. Writes libwetee's answers for
 * storage, constants and runtime API calls to OUT.json, which
 * chain_compare.mjs compares with @polkadot/api's on the same node.
 * Prints one line per check and "N passed, M failed". */
#define _DEFAULT_SOURCE
#include <inttypes.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wetee.h"

static int passed, failed;

static const char *str(const char *s) { return s ? s : ""; }
static const char *mode_name;

static void check(int ok, const char *what, const char *detail)
{
    if (ok) passed++;
    else failed++;
    printf("%s [%s] %s%s%s\n", ok ? "ok  " : "FAIL", mode_name, what, detail && *detail ? ": " : "", detail ? detail : "");
    fflush(stdout);
}

#define BOB "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"
#define ALICE "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"

static wetee_u128 balance(wetee_chain *c, const char *who)
{
    wetee_u128 b = wetee_u128_from_u64(0);
    if (wetee_chain_balance(&b, c, who) != WETEE_OK) printf("  balance of %s: %s\n", who, wetee_last_error());
    return b;
}

static wetee_u128 u128(const json_t *v)
{
    wetee_u128 r = wetee_u128_from_u64(0);
    if (json_is_integer(v)) r = wetee_u128_from_u64((uint64_t)json_integer_value(v));
    else if (json_is_string(v)) wetee_u128_from_decimal(&r, json_string_value(v), strlen(json_string_value(v)), 0);
    return r;
}

static char *dec(char *buf, wetee_u128 v)
{
    wetee_u128_to_decimal(buf, 64, v, 0);
    return buf;
}

/* the event pallet.name among an outcome's events, or NULL */
static json_t *find_event(json_t *outcome, const char *pallet, const char *name)
{
    json_t *evs = json_object_get(outcome, "events");
    for (size_t i = 0; i < json_array_size(evs); i++) {
        json_t *e = json_array_get(evs, i);
        if (!strcmp(str(json_string_value(json_object_get(e, "pallet"))), pallet) &&
            !strcmp(str(json_string_value(json_object_get(e, "event"))), name))
            return e;
    }
    return NULL;
}

static int fund(wetee_chain *c, const char *who, const char *free_amount)
{
    char params[512];
    wetee_buf r = WETEE_BUF_INIT;
    snprintf(params, sizeof params,
             "[{\"System\":{\"Account\":[[[\"%s\"],{\"providers\":1,\"data\":{\"free\":\"%s\"}}]]}}]", who, free_amount);
    int rc = wetee_chain_request(&r, c, "dev_setStorage", params);
    wetee_buf_free(&r);
    return rc;
}

/* System.Account of `n` accounts 0x00..01, 0x00..02, ... (dev_setStorage) */
static int fund_many(wetee_chain *c, int n)
{
    size_t cap = (size_t)n * 160 + 100, len;
    char *p = malloc(cap);
    wetee_buf r = WETEE_BUF_INIT;
    int rc;
    len = (size_t)snprintf(p, cap, "[{\"System\":{\"Account\":[");
    for (int i = 1; i <= n; i++)
        len += (size_t)snprintf(p + len, cap - len, "%s[[\"0x%064x\"],{\"providers\":1,\"data\":{\"free\":\"1000000000000\"}}]", i > 1 ? "," : "", i);
    snprintf(p + len, cap - len, "]}}]");
    rc = wetee_chain_request(&r, c, "dev_setStorage", p);
    wetee_buf_free(&r);
    free(p);
    return rc;
}

static void new_block(wetee_chain *c, int count)
{
    char params[64];
    wetee_buf r = WETEE_BUF_INIT;
    snprintf(params, sizeof params, "[{\"count\":%d}]", count);
    wetee_chain_request(&r, c, "dev_newBlock", params);
    wetee_buf_free(&r);
}

static int statuses_seen;
static void on_status(void *ctx, int status, const char *json)
{
    (void)ctx;
    (void)json;
    statuses_seen |= 1 << status;
}

/* sign `pallet.call(args)` by kp; watch to finalization; return the outcome JSON (caller frees) */
static json_t *sign_submit(wetee_chain *c, const wetee_keypair *kp, const char *pallet, const char *callname,
                           const char *args, wetee_u128 *fee_estimate, int *rc_out)
{
    wetee_tx *tx = NULL;
    wetee_buf ext = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
    wetee_chain_watch *w = NULL;
    json_t *out = NULL;
    int rc;
    if ((rc = wetee_chain_tx_new(&tx, c)) != WETEE_OK || (rc = wetee_tx_set_call_json(tx, pallet, callname, args, SIZE_MAX)) != WETEE_OK ||
        (rc = wetee_chain_sign(&ext, c, tx, kp, 0)) != WETEE_OK)
        goto done;
    if (fee_estimate && (rc = wetee_chain_estimate_fee(fee_estimate, c, ext.data, ext.len)) != WETEE_OK) goto done;
    statuses_seen = 0;
    if ((rc = wetee_chain_submit_watch(&w, c, ext.data, ext.len, on_status, NULL)) != WETEE_OK) goto done;
    rc = wetee_chain_watch_wait(&res, w, WETEE_TX_FINALIZED, 60000);
    if (res.len) out = json_loads((const char *)res.data, 0, NULL);
done:
    if (rc != WETEE_OK) printf("  %s.%s: %s\n", pallet, callname, wetee_last_error());
    *rc_out = rc;
    wetee_chain_watch_free(w);
    wetee_tx_free(tx);
    wetee_buf_free(&ext);
    wetee_buf_free(&res);
    return out;
}

static void transfer_case(wetee_chain *c, const char *label, const wetee_keypair *kp, const char *from, uint64_t amount)
{
    char args[256], d1[64], d2[64], d3[64], msg[512];
    wetee_u128 b0 = balance(c, BOB), f0 = balance(c, from), b1, f1, fee = wetee_u128_from_u64(0), want, spent;
    int rc;
    snprintf(args, sizeof args, "{\"dest\":{\"Id\":\"%s\"},\"value\":%" PRIu64 "}", BOB, amount);
    json_t *o = sign_submit(c, kp, "Balances", "transfer_keep_alive", args, &fee, &rc);
    check(rc == WETEE_OK && o && json_is_true(json_object_get(o, "success")) &&
              !strcmp(str(json_string_value(json_object_get(o, "status"))), "finalized"),
          label, rc == WETEE_OK ? "finalized, ExtrinsicSuccess" : wetee_last_error());
    check((statuses_seen & (1 << WETEE_TX_IN_BLOCK)) && (statuses_seen & (1 << WETEE_TX_FINALIZED)), "watch reported inBlock then finalized", "");
    b1 = balance(c, BOB);
    f1 = balance(c, from);
    wetee_u128_add(&want, b0, wetee_u128_from_u64(amount));
    snprintf(msg, sizeof msg, "before %s, after %s", dec(d1, b0), dec(d2, b1));
    check(wetee_u128_cmp(b1, want) == 0, "Bob's balance up by exactly the amount", msg);
    /* the sender paid amount + the fee the TransactionFeePaid event names, which equals the estimate */
    json_t *paid = o ? find_event(o, "TransactionPayment", "TransactionFeePaid") : NULL;
    wetee_u128 actual = u128(json_object_get(json_object_get(paid, "fields"), "actual_fee"));
    snprintf(msg, sizeof msg, "estimate %s, charged %s", dec(d1, fee), dec(d3, actual));
    check(paid && wetee_u128_cmp(actual, fee) == 0 && actual.lo > 0, "fee estimate (query_info) equals TransactionFeePaid.actual_fee", msg);
    wetee_u128_sub(&spent, f0, f1);
    wetee_u128_add(&want, actual, wetee_u128_from_u64(amount));
    snprintf(msg, sizeof msg, "spent %s", dec(d1, spent));
    check(wetee_u128_cmp(spent, want) == 0, "sender's balance down by amount + fee", msg);
    json_decref(o);
}

static wetee_keypair *key(wetee_scheme s, const char *suri)
{
    wetee_keypair *kp = NULL;
    if (wetee_keypair_from_suri(&kp, s, suri, strlen(suri)) != WETEE_OK) printf("  key %s: %s\n", suri, wetee_last_error());
    return kp;
}

struct blocks_seen {
    pthread_mutex_t mu;
    int news, finals, retracted;
    char last[80];
};

static void on_block(void *ctx, int kind, const char *json)
{
    struct blocks_seen *s = ctx;
    pthread_mutex_lock(&s->mu);
    if (kind == WETEE_BLOCK_NEW) s->news++;
    if (kind == WETEE_BLOCK_FINALIZED) s->finals++;
    if (kind == WETEE_BLOCK_RETRACTED) s->retracted++;
    snprintf(s->last, sizeof s->last, "%.79s", json);
    pthread_mutex_unlock(&s->mu);
}

static void add_answer(json_t *out, const char *name, int rc, const wetee_buf *b)
{
    json_t *v = rc == WETEE_OK ? json_loadb((const char *)b->data, b->len, JSON_DECODE_ANY, NULL) : NULL;
    json_object_set_new(out, name, v ? v : json_pack("{s:s}", "error", wetee_last_error()));
}

int main(int argc, char **argv)
{
    wetee_chain_options o = WETEE_CHAIN_OPTIONS_INIT;
    wetee_chain *c = NULL;
    wetee_buf b = WETEE_BUF_INIT;
    char msg[512];
    int rc;
    if (argc != 4) {
        fprintf(stderr, "usage: chain_devnode WS_URL legacy|new OUT.json\n");
        return 2;
    }
    mode_name = argv[2];
    o.rpc_spec = strcmp(argv[2], "new") == 0 ? WETEE_CHAIN_RPC_NEW : WETEE_CHAIN_RPC_LEGACY;
    o.timeout_ms = 30000;
    rc = wetee_chain_connect(&c, argv[1], &o);
    check(rc == WETEE_OK, "connect", rc == WETEE_OK ? "" : wetee_last_error());
    if (rc != WETEE_OK) goto end;

    /* connection facts */
    {
        uint8_t g[32], g0[32];
        uint32_t spec = 0, txv = 0;
        uint16_t ss58 = 0;
        unsigned decimals = 0;
        const wetee_metadata *md = wetee_chain_metadata(c);
        wetee_chain_genesis_hash(g, c);
        check(wetee_chain_block_hash(g0, c, 0) == WETEE_OK && !memcmp(g, g0, 32), "genesis hash", "");
        wetee_chain_runtime_version(&spec, &txv, c);
        snprintf(msg, sizeof msg, "spec %u tx %u", spec, txv);
        check(spec == 1 && txv == 1, "runtime version of parachain-template-runtime", msg);
        snprintf(msg, sizeof msg, "V%u (the node serves 14, 15 and unstable u32::MAX)", wetee_metadata_version(md));
        check(wetee_metadata_version(md) == 15, "newest stable metadata through Metadata_metadata_at_version", msg);
        wetee_chain_properties(&ss58, &decimals, &b, c);
        snprintf(msg, sizeof msg, "ss58 %u, decimals %u, symbol %s", ss58, decimals, (const char *)b.data);
        check(ss58 == 42 && decimals == 12 && !strcmp((const char *)b.data, "UNIT"), "chain properties", msg);
        check(wetee_chain_uses_new_rpc(c) == (o.rpc_spec == WETEE_CHAIN_RPC_NEW), "JSON-RPC spec as forced", "");
    }

    /* block subscription while the transfers run */
    struct blocks_seen seen = { PTHREAD_MUTEX_INITIALIZER, 0, 0, 0, "" };
    wetee_chain_blocks *blocks = NULL;
    rc = wetee_chain_blocks_subscribe(&blocks, c, WETEE_FOLLOW_EVENTS, on_block, &seen);
    check(rc == WETEE_OK, "block subscription", rc == WETEE_OK ? "" : wetee_last_error());

    wetee_keypair *alice = key(WETEE_SCHEME_SR25519, "//Alice");
    transfer_case(c, "sr25519 //Alice -> //Bob transfer_keep_alive", alice, ALICE, 1000000000000ull + (o.rpc_spec == WETEE_CHAIN_RPC_NEW));

    /* ed25519 and ecdsa accounts funded with dev_setStorage */
    static const struct {
        wetee_scheme s;
        const char *name;
    } schemes[] = { { WETEE_SCHEME_ED25519, "ed25519" }, { WETEE_SCHEME_ECDSA, "ecdsa" } };
    for (size_t i = 0; i < 2; i++) {
        char suri[64], label[128];
        snprintf(suri, sizeof suri, "//WeteeChain%s%s", schemes[i].name, mode_name);
        wetee_keypair *kp = key(schemes[i].s, suri);
        wetee_buf addr = WETEE_BUF_INIT;
        if (!kp || wetee_keypair_address(&addr, kp, 42) != WETEE_OK) {
            check(0, "key", wetee_last_error());
            continue;
        }
        rc = fund(c, (const char *)addr.data, "10000000000000000");
        wetee_u128 got = balance(c, (const char *)addr.data);
        check(rc == WETEE_OK && got.lo == 10000000000000000ull && got.hi == 0, "account funded with dev_setStorage", (const char *)addr.data);
        snprintf(label, sizeof label, "%s %s -> //Bob transfer_keep_alive", schemes[i].name, (const char *)addr.data);
        transfer_case(c, label, kp, (const char *)addr.data, 2500000000000ull);
        wetee_buf_free(&addr);
        wetee_keypair_free(kp);
    }

    /* a changed signature byte: invalid, with the node's reason */
    {
        wetee_tx *tx = NULL;
        wetee_buf ext = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
        wetee_chain_tx_new(&tx, c);
        wetee_tx_set_call_json(tx, "Balances", "transfer_keep_alive", "{\"dest\":{\"Id\":\"" BOB "\"},\"value\":5}", SIZE_MAX);
        rc = wetee_chain_sign(&ext, c, tx, alice, 0);
        /* a signature byte: compact length (2), 0x84, MultiAddress::Id (33), MultiSignature variant (1) */
        if (rc == WETEE_OK) ext.data[2 + 1 + 33 + 1 + 10] ^= 1;
        rc = wetee_chain_submit_and_watch(&res, c, ext.data, ext.len, WETEE_TX_IN_BLOCK, 30000);
        snprintf(msg, sizeof msg, "%s", wetee_last_error());
        check(rc == WETEE_ERR_RPC && (strstr(msg, "badProof") || strstr(msg, "BadProof")), "bad signature reported invalid with the node's reason", msg);
        wetee_tx_free(tx);
        wetee_buf_free(&ext);
        wetee_buf_free(&res);
    }

    /* more than the balance: dispatched, fails, error named (pallet-balances of
     * stable2503 reports Arithmetic(Underflow) for an amount above the free balance) */
    {
        char args[256];
        snprintf(args, sizeof args, "{\"dest\":{\"Id\":\"%s\"},\"value\":\"100000000000000000000\"}", BOB);
        json_t *out = sign_submit(c, alice, "Balances", "transfer_keep_alive", args, NULL, &rc);
        json_t *err = json_object_get(out, "error");
        const char *kind = json_string_value(json_object_get(err, "kind")), *name = json_string_value(json_object_get(err, "error"));
        snprintf(msg, sizeof msg, "%s / %s", kind ? kind : "-", name ? name : "-");
        check(rc == WETEE_OK && json_is_false(json_object_get(out, "success")) && kind && !strcmp(kind, "Arithmetic") && name &&
                  !strcmp(name, "Underflow"),
              "over-balance transfer: ExtrinsicFailed, DispatchError named as the runtime gives it", msg);
        json_decref(out);
    }
    /* a module error: Sudo.sudo from //Bob, who is not the sudo key */
    {
        wetee_keypair *bob = key(WETEE_SCHEME_SR25519, "//Bob");
        json_t *out = sign_submit(c, bob, "Sudo", "sudo", "{\"call\":{\"System\":{\"remark\":{\"remark\":\"0x00\"}}}}", NULL, &rc);
        json_t *err = json_object_get(out, "error");
        const char *pallet = json_string_value(json_object_get(err, "pallet")), *name = json_string_value(json_object_get(err, "error"));
        snprintf(msg, sizeof msg, "%s.%s", pallet ? pallet : "-", name ? name : "-");
        check(rc == WETEE_OK && json_is_false(json_object_get(out, "success")) && pallet && !strcmp(pallet, "Sudo") && name &&
                  !strcmp(name, "RequireSudo"),
              "module error decoded to pallet and error name", msg);
        json_decref(out);
        wetee_keypair_free(bob);
    }

    /* a mortal transaction past its era */
    {
        wetee_tx *tx = NULL;
        wetee_buf ext = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
        wetee_chain_tx_new(&tx, c);
        wetee_tx_set_call_json(tx, "Balances", "transfer_keep_alive", "{\"dest\":{\"Id\":\"" BOB "\"},\"value\":7}", SIZE_MAX);
        rc = wetee_chain_sign(&ext, c, tx, alice, 4);
        check(rc == WETEE_OK, "mortal transaction signed (period 4 from the best block)", rc ? wetee_last_error() : "");
        new_block(c, 8);
        rc = wetee_chain_submit_and_watch(&res, c, ext.data, ext.len, WETEE_TX_IN_BLOCK, 30000);
        snprintf(msg, sizeof msg, "%s", wetee_last_error());
        check(rc == WETEE_ERR_RPC, "mortal transaction 8 blocks later rejected as invalid", msg);
        wetee_tx_free(tx);
        wetee_buf_free(&ext);
        wetee_buf_free(&res);
    }

    /* a reorg: back to two blocks below the best, then a new block on that
     * fork (Chopsticks dev_setHead and dev_newBlock) */
    {
        wetee_buf hdr = WETEE_BUF_INIT, r = WETEE_BUF_INIT;
        json_t *h = NULL;
        int before, news_before;
        long long best = -1;
        char params[64];
        if (wetee_chain_header_json(&hdr, c, NULL) == WETEE_OK && (h = json_loadb((const char *)hdr.data, hdr.len, 0, NULL)))
            best = strtoll(json_string_value(json_object_get(h, "number")), NULL, 16);
        json_decref(h);
        usleep(300000);
        pthread_mutex_lock(&seen.mu);
        before = seen.retracted;
        news_before = seen.news;
        pthread_mutex_unlock(&seen.mu);
        snprintf(params, sizeof params, "[%lld]", best - 2);
        rc = wetee_chain_request(&r, c, "dev_setHead", params);
        /* a block with a transaction: unlike an empty one it differs from the abandoned block */
        {
            wetee_buf ext = WETEE_BUF_INIT, res = WETEE_BUF_INIT;
            wetee_tx *tx = NULL;
            if (rc == WETEE_OK && (rc = wetee_chain_tx_new(&tx, c)) == WETEE_OK &&
                (rc = wetee_tx_set_call_json(tx, "System", "remark", "{\"remark\":\"0x666f726b\"}", SIZE_MAX)) == WETEE_OK &&
                (rc = wetee_chain_sign(&ext, c, tx, alice, 0)) == WETEE_OK)
                rc = wetee_chain_submit_and_watch(&res, c, ext.data, ext.len, WETEE_TX_IN_BLOCK, 30000);
            if (rc != WETEE_OK) printf("  fork block: %s\n", wetee_last_error());
            wetee_tx_free(tx);
            wetee_buf_free(&ext);
            wetee_buf_free(&res);
        }
        usleep(1000000);
        pthread_mutex_lock(&seen.mu);
        snprintf(msg, sizeof msg, "head %lld -> %lld -> new block: %d retracted, %d new", best, best - 2,
                 seen.retracted - before, seen.news - news_before);
        if (o.rpc_spec == WETEE_CHAIN_RPC_LEGACY)
            check(rc == WETEE_OK && seen.retracted - before == 2 && seen.news - news_before >= 1,
                  "reorg: the two abandoned blocks reported RETRACTED, the new block NEW", msg);
        else
            printf("info [%s] reorg on chainHead_v1 (Chopsticks reports no pruned blocks after dev_setHead): %s\n", mode_name, msg);
        pthread_mutex_unlock(&seen.mu);
        wetee_buf_free(&hdr);
        wetee_buf_free(&r);
    }

    /* the block subscription saw the blocks */
    usleep(300000);
    pthread_mutex_lock(&seen.mu);
    snprintf(msg, sizeof msg, "%d new, %d finalized, %d retracted; last %s", seen.news, seen.finals, seen.retracted, seen.last);
    check(seen.news >= 10 && seen.finals >= 5, "block subscription reported new and finalized blocks", msg);
    pthread_mutex_unlock(&seen.mu);
    wetee_chain_blocks_free(blocks);

    /* new spec: a map of more than 1000 entries, so that chainHead_v1_storage
     * pauses (operationWaitingForContinue) and the client continues */
    int is_new = o.rpc_spec == WETEE_CHAIN_RPC_NEW;
    if (is_new) {
        rc = fund_many(c, 1100);
        check(rc == WETEE_OK, "1100 accounts set with dev_setStorage (System.Account)", rc == WETEE_OK ? "" : wetee_last_error());
    }
    wetee_chain_stats st0 = WETEE_CHAIN_STATS_INIT, st1 = WETEE_CHAIN_STATS_INIT;
    wetee_chain_get_stats(&st0, c);

    /* answers for chain_compare.mjs */
    {
        json_t *ans = json_object();
        uint8_t best[32];
        char at[67] = "0x";
        wetee_chain_block_hash(best, c, -1);
        for (int i = 0; i < 32; i++) snprintf(at + 2 + 2 * i, 3, "%02x", best[i]);
        json_object_set_new(ans, "at", json_string(at));
        rc = wetee_chain_storage_json(&b, c, "System", "Account", "[\"" ALICE "\"]", at);
        add_answer(ans, "storage System.Account(Alice)", rc, &b);
        rc = wetee_chain_storage_json(&b, c, "Balances", "TotalIssuance", NULL, at);
        add_answer(ans, "storage Balances.TotalIssuance", rc, &b);
        rc = wetee_chain_storage_json(&b, c, "System", "Number", NULL, at);
        add_answer(ans, "storage System.Number", rc, &b);
        rc = wetee_chain_storage_json(&b, c, "Aura", "Authorities", NULL, at);
        add_answer(ans, "storage Aura.Authorities", rc, &b);
        rc = wetee_chain_storage_entries_json(&b, c, "System", "Account", NULL, 5, NULL, at);
        add_answer(ans, "entries System.Account (5)", rc, &b);
        {
            /* the next page, after the last key of this one */
            json_t *page = rc == WETEE_OK ? json_loadb((const char *)b.data, b.len, 0, NULL) : NULL;
            const char *last = json_string_value(json_object_get(json_array_get(page, json_array_size(page) - 1), "key"));
            json_object_set_new(ans, "entries start", json_string(last ? last : ""));
            rc = wetee_chain_storage_entries_json(&b, c, "System", "Account", NULL, 5, last, at);
            add_answer(ans, "entries System.Account (5 after)", rc, &b);
            json_decref(page);
        }
        rc = wetee_chain_constant_json(&b, c, "Balances", "ExistentialDeposit");
        add_answer(ans, "constant Balances.ExistentialDeposit", rc, &b);
        rc = wetee_chain_constant_json(&b, c, "System", "BlockWeights");
        add_answer(ans, "constant System.BlockWeights", rc, &b);
        rc = wetee_chain_constant_json(&b, c, "System", "Version");
        add_answer(ans, "constant System.Version", rc, &b);
        rc = wetee_chain_runtime_call_json(&b, c, "AccountNonceApi", "account_nonce", "[\"" ALICE "\"]", at);
        add_answer(ans, "call AccountNonceApi.account_nonce(Alice)", rc, &b);
        rc = wetee_chain_runtime_call_json(&b, c, "Core", "version", NULL, at);
        add_answer(ans, "call Core.version", rc, &b);
        rc = wetee_chain_runtime_call_json(&b, c, "Metadata", "metadata_versions", "[]", at);
        add_answer(ans, "call Metadata.metadata_versions", rc, &b);
        rc = wetee_chain_events_json(&b, c, at);
        add_answer(ans, "events", rc, &b);
        check(json_dump_file(ans, argv[3], JSON_INDENT(1)) == 0, "answers written for the comparison with @polkadot/api", argv[3]);
        json_decref(ans);
    }
    /* which methods served those reads */
    wetee_chain_get_stats(&st1, c);
    snprintf(msg, sizeof msg, "chainHead_v1_storage %" PRIu64 ", chainHead_v1_call %" PRIu64 ", continue %" PRIu64 "; state_* storage %" PRIu64
             ", state_call %" PRIu64 ", fallbacks %" PRIu64,
             st1.head_storage - st0.head_storage, st1.head_calls - st0.head_calls, st1.head_continues - st0.head_continues,
             st1.legacy_storage - st0.legacy_storage, st1.legacy_calls - st0.legacy_calls, st1.head_fallbacks - st0.head_fallbacks);
    if (is_new) {
        check(st1.head_storage - st0.head_storage >= 7 && st1.head_calls - st0.head_calls >= 3 &&
                  st1.legacy_storage == st0.legacy_storage && st1.legacy_calls == st0.legacy_calls,
              "reads at the followed best block served by chainHead_v1_storage / chainHead_v1_call only", msg);
        check(st1.head_continues > st0.head_continues, "paged entries of 1100+ accounts: chainHead_v1_continue after operationWaitingForContinue", msg);
        check(st1.unpinned > 0, "finalized blocks unpinned by the chain's follow subscription", "");
    } else
        check(st1.head_storage == 0 && st1.head_calls == 0 && st1.legacy_storage > st0.legacy_storage, "legacy spec: state_* methods only", msg);
    /* an older block is not pinned: the legacy method reads it */
    {
        uint8_t h1[32];
        char at1[67];
        rc = wetee_chain_block_hash(h1, c, 1);
        for (int i = 0; i < 32; i++) snprintf(at1 + 2 * i, 3, "%02x", h1[i]);
        memmove(at1 + 2, at1, 65);
        at1[0] = '0';
        at1[1] = 'x';
        wetee_chain_get_stats(&st0, c);
        if (rc == WETEE_OK) rc = wetee_chain_storage_json(&b, c, "System", "Number", NULL, at1);
        wetee_chain_get_stats(&st1, c);
        check(rc == WETEE_OK && !strcmp((const char *)b.data, "1") && st1.legacy_storage == st0.legacy_storage + 1 &&
                  st1.head_fallbacks == st0.head_fallbacks + (uint64_t)is_new,
              is_new ? "System.Number at block 1 (not pinned: state_getStorage)" : "System.Number at block 1", rc == WETEE_OK ? (const char *)b.data : wetee_last_error());
    }
    /* bad input gets a clear error */
    rc = wetee_chain_storage_json(&b, c, "System", "Acount", "[]", NULL);
    check(rc == WETEE_ERR_NOT_FOUND && strstr(wetee_last_error(), "System.Acount"), "unknown storage entry named in the error", wetee_last_error());
    rc = wetee_chain_runtime_call_json(&b, c, "AccountNonceApi", "account_nonce", "[1,2]", NULL);
    check(rc == WETEE_ERR_DECODE, "runtime call with the wrong number of arguments", wetee_last_error());
    wetee_keypair_free(alice);
end:
    wetee_buf_free(&b);
    wetee_chain_free(c);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
