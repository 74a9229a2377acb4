/* The local JSON-RPC server of the rpc benchmark (bench/bench_rpc.c and the
 * @polkadot/api peer bench/peers/node/bench_rpc.mjs run against it in the
 * same run): a libwebsockets server on 127.0.0.1 that answers every request
 * at once with a fixed system_health result, echoing the request id, so
 * that the clients, not the server, are what is measured.
 *
 * With a metadata file (hex, e.g. the shared vectors'
 * metadata-hash/polkadot_metadata_v15.hex) it also answers what a chain
 * client asks when it connects (chain_getBlockHash, state_getRuntimeVersion,
 * state_getMetadata with that metadata, system_properties, system_chain,
 * rpc_methods, state_subscribeRuntimeVersion; state_call fails, so both
 * clients read the metadata with state_getMetadata), so that the memory of
 * a connected client with that metadata loaded can be compared.
 *
 * Usage: rpc_bench_server PORT [METADATA_HEX_FILE]   (prints "READY" when
 * listening; runs until a signal ends it) */
#include <libwebsockets.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RESULT "{\"isSyncing\":false,\"peers\":0,\"shouldHavePeers\":false}"
#define QCAP 65536

typedef struct conn {
    char rx[65536];
    size_t rx_len;
    /* answers waiting to be written: ids, and for methods other than
     * system_health the whole answer (else NULL) */
    char ids[QCAP][24];
    char *text[QCAP];
    size_t head, tail;
} conn;

static char *g_metadata; /* "0x..." */

/* the result of `method` for a connecting chain client, or NULL */
static const char *chain_result(const char *method, int *error)
{
    static char meta_result[64];
    *error = 0;
    if (!g_metadata) return NULL;
    if (!strcmp(method, "chain_getBlockHash"))
        return "\"0x4545454545454545454545454545454545454545454545454545454545454545\"";
    if (!strcmp(method, "state_getRuntimeVersion"))
        return "{\"specName\":\"polkadot\",\"implName\":\"parity-polkadot\",\"authoringVersion\":0,"
               "\"specVersion\":1004001,\"implVersion\":0,\"apis\":[],\"transactionVersion\":26,\"stateVersion\":1}";
    if (!strcmp(method, "state_getMetadata")) return g_metadata;
    if (!strcmp(method, "system_properties")) return "{\"ss58Format\":0,\"tokenDecimals\":10,\"tokenSymbol\":\"DOT\"}";
    if (!strcmp(method, "system_chain")) return "\"Polkadot\"";
    if (!strcmp(method, "rpc_methods"))
        return "{\"methods\":[\"chain_getBlockHash\",\"chain_getHeader\",\"rpc_methods\",\"state_getMetadata\","
               "\"state_getRuntimeVersion\",\"state_subscribeRuntimeVersion\",\"system_chain\",\"system_health\","
               "\"system_properties\"]}";
    if (!strcmp(method, "state_subscribeRuntimeVersion")) {
        snprintf(meta_result, sizeof meta_result, "\"rv%d\"", 1);
        return meta_result;
    }
    *error = 1;
    return "{\"code\":-32601,\"message\":\"Method not found\"}";
}

static char *answer(const char *id, size_t id_len, const char *method)
{
    int err;
    const char *r = chain_result(method, &err);
    if (!r) return NULL;
    size_t n = strlen(r) + id_len + 64;
    char *t = malloc(LWS_PRE + n);
    if (!t) return NULL;
    snprintf(t + LWS_PRE, n, "{\"jsonrpc\":\"2.0\",\"id\":%.*s,\"%s\":%s}", (int)id_len, id, err ? "error" : "result", r);
    return t;
}

static int cb(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
    conn *c = user;
    switch (reason) {
    case LWS_CALLBACK_ESTABLISHED:
        c->rx_len = 0;
        c->head = c->tail = 0;
        break;
    case LWS_CALLBACK_RECEIVE: {
        if (c->rx_len + len >= sizeof c->rx) return -1;
        memcpy(c->rx + c->rx_len, in, len);
        c->rx_len += len;
        if (!lws_is_final_fragment(wsi) || lws_remaining_packet_payload(wsi)) break;
        c->rx[c->rx_len] = 0;
        c->rx_len = 0;
        const char *p = strstr(c->rx, "\"id\":");
        if (!p) break;
        p += 5;
        while (*p == ' ') p++;
        size_t n = strcspn(p, ",}");
        if (n == 0 || n > 22) break;
        if ((c->tail + 1) % QCAP == c->head) return -1; /* the client sends faster than it reads */
        memcpy(c->ids[c->tail], p, n);
        c->ids[c->tail][n] = 0;
        c->text[c->tail] = NULL;
        const char *m = strstr(c->rx, "\"method\":");
        if (m && g_metadata) {
            char method[64];
            m += 9;
            while (*m == ' ' || *m == '"') m++;
            size_t ml = strcspn(m, "\"");
            if (ml < sizeof method) {
                memcpy(method, m, ml);
                method[ml] = 0;
                if (strcmp(method, "system_health") != 0) c->text[c->tail] = answer(p, n, method);
            }
        }
        c->tail = (c->tail + 1) % QCAP;
        lws_callback_on_writable(wsi);
        break;
    }
    case LWS_CALLBACK_SERVER_WRITEABLE: {
        /* every pending answer as one write of ready-made frames */
        static unsigned char buf[LWS_PRE + 256 * 1024];
        size_t used = 0;
        if (c->head != c->tail && c->text[c->head]) {
            /* a chain client's answer: one message of its own */
            char *t = c->text[c->head];
            c->text[c->head] = NULL;
            c->head = (c->head + 1) % QCAP;
            size_t n = strlen(t + LWS_PRE);
            int w = lws_write(wsi, (unsigned char *)t + LWS_PRE, n, LWS_WRITE_TEXT);
            free(t);
            if (w < (int)n) return -1;
            if (c->head != c->tail) lws_callback_on_writable(wsi);
            break;
        }
        while (c->head != c->tail && !c->text[c->head] && used + 256 < sizeof buf - LWS_PRE) {
            char *m = (char *)buf + LWS_PRE + used + 2;
            int n = snprintf(m, 200, "{\"jsonrpc\":\"2.0\",\"id\":%s,\"result\":" RESULT "}", c->ids[c->head]);
            buf[LWS_PRE + used] = 0x81;
            buf[LWS_PRE + used + 1] = (unsigned char)n; /* always < 126 */
            used += 2 + (size_t)n;
            c->head = (c->head + 1) % QCAP;
        }
        if (used && lws_write(wsi, buf + LWS_PRE, used, LWS_WRITE_RAW) < (int)used) return -1;
        if (c->head != c->tail) lws_callback_on_writable(wsi);
        break;
    }
    default:
        break;
    }
    return 0;
}

static const struct lws_protocols protocols[] = {
    { "jsonrpc", cb, sizeof(conn), 65536, 0, NULL, 0 },
    { NULL, NULL, 0, 0, 0, NULL, 0 },
};

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: rpc_bench_server PORT [METADATA_HEX_FILE]\n");
        return 2;
    }
    if (argc == 3) {
        FILE *f = fopen(argv[2], "rb");
        if (!f) {
            fprintf(stderr, "rpc_bench_server: cannot read %s\n", argv[2]);
            return 1;
        }
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        g_metadata = malloc((size_t)len + 8);
        char *d = g_metadata;
        *d++ = '"';
        size_t got = fread(d, 1, (size_t)len, f);
        fclose(f);
        while (got && (d[got - 1] == '\n' || d[got - 1] == '\r' || d[got - 1] == ' ')) got--;
        if (got < 2 || d[0] != '0' || d[1] != 'x') {
            memmove(d + 2, d, got);
            d[0] = '0';
            d[1] = 'x';
            got += 2;
        }
        /* an Option<OpaqueMetadata> (Metadata_metadata_at_version's answer):
         * serve the metadata itself, from its magic number "meta" on */
        char *magic = strstr(d, "6d657461");
        if (magic && magic - d <= 24 && magic - d > 2) {
            size_t skip = (size_t)(magic - d) - 2;
            memmove(d + 2, magic, got - (size_t)(magic - d));
            got -= skip;
        }
        d[got] = '"';
        d[got + 1] = 0;
    }
    lws_set_log_level(LLL_ERR, NULL);
    struct lws_context_creation_info info;
    memset(&info, 0, sizeof info);
    info.port = atoi(argv[1]);
    info.iface = "127.0.0.1";
    info.protocols = protocols;
    info.gid = (gid_t)-1;
    info.uid = (uid_t)-1;
    info.fd_limit_per_thread = 64;
    struct lws_context *ctx = lws_create_context(&info);
    if (!ctx) {
        fprintf(stderr, "rpc_bench_server: cannot listen on port %s\n", argv[1]);
        return 1;
    }
    printf("READY\n");
    fflush(stdout);
    for (;;) lws_service(ctx, 0);
}
