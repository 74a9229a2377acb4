/* The chain client's block subscription (include/wetee/chain.h, legacy
 * methods) through the fault server's simulated chain (fault_server.py,
 * real Substrate headers): a reorg to a heavier branch reports the blocks
 * of the abandoned branch as retracted and the new branch's blocks in
 * order; a connection dropped while blocks advance gets the missed blocks
 * delivered after the reconnect, or, when more were missed than the client
 * walks back, reported as a gap. Every block number is either delivered or
 * inside a reported gap: none is skipped silently. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"
#include "wetee.h"
#include "wt_test.h"

#define LOG_MAX 1024

typedef struct blog {
    pthread_mutex_t m;
    int n;
    char kind[LOG_MAX + 1];  /* N new, R retracted, F finalized, G gap, S stopped */
    uint64_t num[LOG_MAX];   /* block number, or the gap's `from` */
    uint64_t to[LOG_MAX];    /* the gap's `to` */
    char hash[LOG_MAX][67];
} blog;

static void on_block(void *ctx, int kind, const char *json)
{
    blog *l = ctx;
    json_t *o = json_loads(json, 0, NULL);
    pthread_mutex_lock(&l->m);
    if (l->n < LOG_MAX) {
        int i = l->n++;
        l->kind[i] = kind == WETEE_BLOCK_NEW         ? 'N'
                     : kind == WETEE_BLOCK_RETRACTED ? 'R'
                     : kind == WETEE_BLOCK_FINALIZED ? 'F'
                     : kind == WETEE_BLOCK_GAP       ? 'G'
                                                     : 'S';
        l->kind[i + 1] = 0;
        if (kind == WETEE_BLOCK_GAP) {
            l->num[i] = (uint64_t)json_integer_value(json_object_get(o, "from"));
            l->to[i] = (uint64_t)json_integer_value(json_object_get(o, "to"));
        } else {
            l->num[i] = (uint64_t)json_integer_value(json_object_get(o, "number"));
        }
        const char *h = json_string_value(json_object_get(o, "hash"));
        snprintf(l->hash[i], sizeof l->hash[i], "%s", h ? h : "");
    }
    pthread_mutex_unlock(&l->m);
    json_decref(o);
}

static int log_wait(blog *l, int n)
{
    for (int i = 0; i < 3000; i++) { /* 30 s: generous for a loaded machine */
        pthread_mutex_lock(&l->m);
        int got = l->n;
        pthread_mutex_unlock(&l->m);
        if (got >= n) return 1;
        ts_sleep_ms(10);
    }
    return 0;
}

/* chain_extend / chain_drop_others on the control connection: the new
 * hashes (quoted hex), oldest first */
static json_t *ctl_call(wetee_rpc *ctl, const char *method, const char *params)
{
    wetee_buf r = WETEE_BUF_INIT;
    json_t *v = NULL;
    if (wetee_rpc_call(&r, ctl, method, params, SIZE_MAX, 0) == WETEE_OK) v = json_loadb((const char *)r.data, r.len, JSON_DECODE_ANY, NULL);
    else printf("control call %s failed: %s\n", method, wetee_last_error());
    wetee_buf_free(&r);
    CHECK(v != NULL);
    return v;
}

static const char *hash_at(json_t *a, size_t i) { return json_string_value(json_array_get(a, i)); }

void test_chain_blocks_faults(void)
{
    const char *dir = wt_vectors_dir();
    char md[1024];
    if (!dir) WT_SKIP("shared vectors directory absent (metadata-hash/polkadot_metadata_v15.hex)");
    snprintf(md, sizeof md, "%s/metadata-hash/polkadot_metadata_v15.hex", dir);
    if (access(md, R_OK) != 0) WT_SKIP("metadata-hash/polkadot_metadata_v15.hex not found");
    const char *args[] = { "--metadata", md, NULL };
    test_server srv;
    if (ts_start(&srv, args) != 0) {
        CHECK(!"the fault server did not start");
        return;
    }
    blog *l = calloc(1, sizeof *l);
    pthread_mutex_init(&l->m, NULL);
    wetee_rpc *ctl = NULL;
    wetee_chain *c = NULL;
    wetee_chain_blocks *b = NULL;
    json_t *a = NULL, *bb = NULL, *gap = NULL, *big = NULL;
    char p[256];
    CHECK_OK(wetee_rpc_new(&ctl, srv.ws_url, NULL));
    wetee_rpc_options ro = WETEE_RPC_OPTIONS_INIT;
    ro.request_timeout_ms = 20000;
    ro.reconnect_initial_ms = 50;
    ro.reconnect_max_ms = 400;
    ro.reconnect_limit = 50;
    wetee_chain_options co = WETEE_CHAIN_OPTIONS_INIT;
    co.rpc_spec = WETEE_CHAIN_RPC_LEGACY;
    co.rpc = &ro;
    CHECK_OK(wetee_chain_connect(&c, srv.ws_url, &co));
    if (!ctl || !c) goto done;
    CHECK_OK(wetee_chain_blocks_subscribe(&b, c, 0, on_block, l));
    if (!b) goto done;

    /* blocks 1, 2, 3 on branch A, each announced */
    a = json_array();
    for (int i = 0; i < 3; i++) {
        json_t *h = ctl_call(ctl, "chain_extend", "[null, 1, 0, true]");
        json_array_extend(a, h);
        json_decref(h);
    }
    CHECK(log_wait(l, 3));
    CHECK_STR(l->kind, "NNN");
    CHECK(l->num[0] == 1 && l->num[2] == 3 && !strcmp(l->hash[2], hash_at(a, 2)));

    /* a heavier branch B from block 1: 2', 3', 4'; only 4' is announced.
     * 3 and 2 are retracted (newest first), then 2', 3', 4' in order */
    snprintf(p, sizeof p, "[\"%s\", 3, 1, true]", hash_at(a, 0));
    bb = ctl_call(ctl, "chain_extend", p);
    CHECK(log_wait(l, 8));
    CHECK_STR(l->kind + 3, "RRNNN");
    CHECK(l->num[3] == 3 && !strcmp(l->hash[3], hash_at(a, 2)));
    CHECK(l->num[4] == 2 && !strcmp(l->hash[4], hash_at(a, 1)));
    for (int i = 0; i < 3; i++) CHECK(l->num[5 + i] == (uint64_t)(2 + i) && !strcmp(l->hash[5 + i], hash_at(bb, (size_t)i)));

    /* 2' finalized */
    snprintf(p, sizeof p, "[\"%s\"]", hash_at(bb, 0));
    json_decref(ctl_call(ctl, "chain_finalize", p));
    CHECK(log_wait(l, 9));
    CHECK(l->kind[8] == 'F' && l->num[8] == 2 && !strcmp(l->hash[8], hash_at(bb, 0)));

    /* the chain client's connection drops and 5 blocks (5..9) are made
     * while it is away: after the reconnect they are all delivered, in
     * order, no gap */
    gap = ctl_call(ctl, "chain_drop_others", "[5, 1]");
    CHECK(log_wait(l, 14));
    CHECK_STR(l->kind + 9, "NNNNN");
    for (int i = 0; i < 5; i++) CHECK(l->num[9 + i] == (uint64_t)(5 + i) && !strcmp(l->hash[9 + i], hash_at(gap, (size_t)i)));

    /* 200 blocks (10..209) missed: more than the client walks back (128):
     * a gap 10..81 is reported, then 82..209 delivered in order */
    big = ctl_call(ctl, "chain_drop_others", "[200, 1]");
    CHECK(log_wait(l, 14 + 1 + 128));
    CHECK(l->kind[14] == 'G');
    CHECK(l->num[14] == 10 && l->to[14] == 81);
    printf("gap reported: blocks %llu..%llu\n", (unsigned long long)l->num[14], (unsigned long long)l->to[14]);
    int in_order = 1;
    for (int i = 0; i < 128; i++)
        in_order &= l->kind[15 + i] == 'N' && l->num[15 + i] == (uint64_t)(82 + i) &&
                    !strcmp(l->hash[15 + i], hash_at(big, (size_t)(72 + i)));
    CHECK(in_order);

    /* nothing skipped: every number 1..209 was delivered on the final
     * branch or lies in a reported gap; nothing after that, no STOPPED */
    ts_sleep_ms(200);
    pthread_mutex_lock(&l->m);
    CHECK(l->n == 14 + 1 + 128);
    static char seen[210];
    memset(seen, 0, sizeof seen);
    for (int i = 0; i < l->n; i++) {
        if (l->kind[i] == 'N' && l->num[i] < 210) seen[l->num[i]] = 1;
        if (l->kind[i] == 'G')
            for (uint64_t k = l->num[i]; k <= l->to[i] && k < 210; k++) seen[k] = 1;
        CHECK(l->kind[i] != 'S');
    }
    pthread_mutex_unlock(&l->m);
    int missing = 0;
    for (int k = 1; k < 210; k++) missing += !seen[k];
    CHECK(missing == 0);
    wetee_rpc_stats st = WETEE_RPC_STATS_INIT;
    CHECK_OK(wetee_rpc_get_stats(&st, wetee_chain_rpc(c)));
    CHECK(st.connects == 3);
done:
    json_decref(a);
    json_decref(bb);
    json_decref(gap);
    json_decref(big);
    wetee_chain_blocks_free(b);
    wetee_chain_free(c);
    wetee_rpc_free(ctl);
    ts_stop(&srv);
    free(l);
}

/* The same on the new JSON-RPC spec (chainHead_v1_follow): every block of
 * both branches is reported as it comes; when the fork is finalized the
 * abandoned branch's blocks are pruned and reported retracted; after a
 * dropped connection the client follows again, reports a possible gap and
 * gets every block above the finalized one, the missed ones included. */
void test_chain_follow_faults(void)
{
    const char *dir = wt_vectors_dir();
    char md[1024];
    if (!dir) WT_SKIP("shared vectors directory absent (metadata-hash/polkadot_metadata_v15.hex)");
    snprintf(md, sizeof md, "%s/metadata-hash/polkadot_metadata_v15.hex", dir);
    if (access(md, R_OK) != 0) WT_SKIP("metadata-hash/polkadot_metadata_v15.hex not found");
    const char *args[] = { "--metadata", md, NULL };
    test_server srv;
    if (ts_start(&srv, args) != 0) {
        CHECK(!"the fault server did not start");
        return;
    }
    blog *l = calloc(1, sizeof *l);
    pthread_mutex_init(&l->m, NULL);
    wetee_rpc *ctl = NULL;
    wetee_chain *c = NULL;
    wetee_chain_blocks *b = NULL;
    json_t *a1 = NULL, *a = NULL, *bb = NULL, *gap = NULL;
    char p[512];
    CHECK_OK(wetee_rpc_new(&ctl, srv.ws_url, NULL));
    if (!ctl) goto done;
    /* block 1, finalized before the client follows */
    a1 = ctl_call(ctl, "chain_extend", "[null, 1, 0, false]");
    snprintf(p, sizeof p, "[\"%s\", []]", hash_at(a1, 0));
    json_decref(ctl_call(ctl, "chain_finalize", p));
    wetee_rpc_options ro = WETEE_RPC_OPTIONS_INIT;
    ro.request_timeout_ms = 20000;
    ro.reconnect_initial_ms = 50;
    ro.reconnect_max_ms = 400;
    ro.reconnect_limit = 50;
    wetee_chain_options co = WETEE_CHAIN_OPTIONS_INIT;
    co.rpc_spec = WETEE_CHAIN_RPC_NEW;
    co.rpc = &ro;
    CHECK_OK(wetee_chain_connect(&c, srv.ws_url, &co));
    if (!c) goto done;
    CHECK(wetee_chain_uses_new_rpc(c) == 1);
    CHECK_OK(wetee_chain_blocks_subscribe(&b, c, 0, on_block, l));
    if (!b) goto done;
    /* initialized: block 1, new and finalized */
    CHECK(log_wait(l, 2));
    CHECK_STR(l->kind, "NF");
    CHECK(l->num[0] == 1 && !strcmp(l->hash[0], hash_at(a1, 0)));
    /* 2, 3 on branch A; 2', 3', 4' on branch B from 1: all reported */
    a = ctl_call(ctl, "chain_extend", "[null, 2, 0, true]");
    CHECK(log_wait(l, 4));
    snprintf(p, sizeof p, "[\"%s\", 3, 1, true]", hash_at(a1, 0));
    bb = ctl_call(ctl, "chain_extend", p);
    CHECK(log_wait(l, 7));
    CHECK_STR(l->kind + 2, "NNNNN");
    for (int i = 0; i < 3; i++) CHECK(l->num[4 + i] == (uint64_t)(2 + i) && !strcmp(l->hash[4 + i], hash_at(bb, (size_t)i)));
    /* 3' finalized: 2 and 3 are pruned, reported retracted; 2', 3' finalized */
    snprintf(p, sizeof p, "[\"%s\", [\"%s\", \"%s\"]]", hash_at(bb, 1), hash_at(a, 0), hash_at(a, 1));
    json_decref(ctl_call(ctl, "chain_finalize", p));
    CHECK(log_wait(l, 11));
    CHECK_STR(l->kind + 7, "RRFF");
    CHECK((!strcmp(l->hash[7], hash_at(a, 0)) && !strcmp(l->hash[8], hash_at(a, 1))) ||
          (!strcmp(l->hash[7], hash_at(a, 1)) && !strcmp(l->hash[8], hash_at(a, 0))));
    CHECK(!strcmp(l->hash[9], hash_at(bb, 0)) && !strcmp(l->hash[10], hash_at(bb, 1)));
    /* dropped while 5', 6', 7' are made: following again reports a possible
     * gap, then 3' (finalized) and every block above it: 4' to 7' */
    gap = ctl_call(ctl, "chain_drop_others", "[3, 1]");
    CHECK(log_wait(l, 11 + 1 + 2 + 4));
    CHECK(l->kind[11] == 'G');
    CHECK_STR(l->kind + 12, "NFNNNN");
    CHECK(l->num[12] == 3 && !strcmp(l->hash[12], hash_at(bb, 1)));
    CHECK(l->num[14] == 4 && !strcmp(l->hash[14], hash_at(bb, 2)));
    for (int i = 0; i < 3; i++) CHECK(l->num[15 + i] == (uint64_t)(5 + i) && !strcmp(l->hash[15 + i], hash_at(gap, (size_t)i)));
    /* nothing skipped: every number 1..7 delivered on the final branch */
    ts_sleep_ms(200);
    pthread_mutex_lock(&l->m);
    CHECK(l->n == 18);
    char seen[8] = { 0 };
    for (int i = 0; i < l->n; i++) {
        if (l->kind[i] == 'N' && l->num[i] < 8) seen[l->num[i]] = 1;
        CHECK(l->kind[i] != 'S');
    }
    pthread_mutex_unlock(&l->m);
    for (int k = 1; k < 8; k++) CHECK(seen[k]);
done:
    json_decref(a1);
    json_decref(a);
    json_decref(bb);
    json_decref(gap);
    wetee_chain_blocks_free(b);
    wetee_chain_free(c);
    wetee_rpc_free(ctl);
    ts_stop(&srv);
    free(l);
}
