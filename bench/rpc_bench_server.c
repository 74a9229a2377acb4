/* The local JSON-RPC server of the rpc benchmark (bench/bench_rpc.c and the
 * @polkadot/api peer bench/peers/node/bench_rpc.mjs run against it in the
 * same run): a libwebsockets server on 127.0.0.1 that answers every request
 * at once with a fixed system_health result, echoing the request id, so
 * that the clients, not the server, are what is measured.
 *
 * Usage: rpc_bench_server PORT   (prints "READY" when listening; runs until
 * a signal ends it) */
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
    /* answers waiting to be written: ids */
    char ids[QCAP][24];
    size_t head, tail;
} conn;

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
        c->tail = (c->tail + 1) % QCAP;
        lws_callback_on_writable(wsi);
        break;
    }
    case LWS_CALLBACK_SERVER_WRITEABLE: {
        /* every pending answer as one write of ready-made frames */
        static unsigned char buf[LWS_PRE + 256 * 1024];
        size_t used = 0;
        while (c->head != c->tail && used + 256 < sizeof buf - LWS_PRE) {
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
    if (argc != 2) {
        fprintf(stderr, "usage: rpc_bench_server PORT\n");
        return 2;
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
