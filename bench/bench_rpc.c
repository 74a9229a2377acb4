/* JSON-RPC client benchmark: libwetee's WebSocket client against the local
 * server bench/rpc_bench_server.c, which the @polkadot/api peer
 * (bench/peers/node/bench_rpc.mjs) meets in the same run.
 *
 * Cases (output lines as bench/harness.h describes):
 *   ws_pipelined_call    a trivial method (system_health), 1000 requests in
 *                        flight on one WebSocket; ns/op = wall time per call
 *   ws_latency_p50/p99   one request at a time; ns/op = that percentile of
 *                        the round-trip times
 *   ws_connected_client  connect and one call; peak_rss_kb = the resident
 *                        memory of a connected client, ns/op = the time
 *                        to connect and get the first answer
 *   ws_chain_with_metadata  the chain client (wetee_chain_connect) connected
 *                        to the server serving a real metadata blob
 *                        ($WETEE_VECTORS_DIR/metadata-hash/
 *                        polkadot_metadata_v15.hex, Polkadot V15, 418 KB),
 *                        metadata fetched and parsed; peak_rss_kb = the
 *                        resident memory of that connected client, ns/op =
 *                        the time to connect; the peer is @polkadot/api's
 *                        ApiPromise.create with the same server
 * Each run starts its own server (WETEE_RPC_BENCH_SERVER, default: next to
 * this executable). */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "wetee.h"

#define WINDOW 1000
#define METHOD "system_health"

static const char *const CASES[] = { "ws_pipelined_call", "ws_latency_p50", "ws_latency_p99", "ws_connected_client",
                                     "ws_chain_with_metadata" };
#define NCASES 5

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static void line(const char *name, double ns, int samples, long iters, double mn, double mx)
{
    printf("BENCH\tlibwetee\t%s\t%.3f\t%.1f\t%ld\t%d\t%ld\t%.3f\t%.3f\n", name, ns, 1e9 / ns, peak_rss_kb(), samples,
           iters, mn, mx);
}

static void check(const char *name, const char *text, size_t len)
{
    printf("CHECK\tlibwetee\t%s\t%016llx\n", name, (unsigned long long)wb_fnv1a(WB_FNV_INIT, text, len));
}

static int free_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t l = sizeof a;
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) || getsockname(s, (struct sockaddr *)&a, &l)) return -1;
    close(s);
    return ntohs(a.sin_port);
}

static pid_t start_server(const char *self, char *url, size_t url_size, const char *metadata)
{
    char path[1024];
    const char *env = getenv("WETEE_RPC_BENCH_SERVER");
    if (env) snprintf(path, sizeof path, "%s", env);
    else {
        snprintf(path, sizeof path, "%s", self);
        char *s = strrchr(path, '/');
        snprintf(s ? s + 1 : path, sizeof path - (size_t)(s ? s + 1 - path : 0), "rpc_bench_server");
    }
    int port = free_port();
    char ps[16];
    snprintf(ps, sizeof ps, "%d", port);
    int out[2];
    if (port < 0 || pipe(out)) return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        if (metadata) execl(path, path, ps, metadata, (char *)NULL);
        else execl(path, path, ps, (char *)NULL);
        _exit(127);
    }
    close(out[1]);
    char buf[16] = { 0 };
    ssize_t n = read(out[0], buf, sizeof buf - 1);
    close(out[0]);
    if (n < 5 || strncmp(buf, "READY", 5) != 0) {
        fprintf(stderr, "bench_rpc: the server %s did not start\n", path);
        return -1;
    }
    snprintf(url, url_size, "ws://127.0.0.1:%d", port);
    return pid;
}

/* pipelined calls with a window */
typedef struct pipe_state {
    pthread_mutex_t m;
    pthread_cond_t c;
    long in_flight, done, failed, target;
    wetee_buf last;
} pipe_state;

static void on_resp(void *ctx, int status, const char *json, size_t len)
{
    pipe_state *p = ctx;
    pthread_mutex_lock(&p->m);
    if (status != WETEE_OK) p->failed++;
    else if (p->last.len != len) {
        wetee_buf_clear(&p->last);
        wetee_buf_append(&p->last, (const uint8_t *)json, len);
    }
    p->in_flight--;
    p->done++;
    /* wake the sender when half the window is free, or at the end */
    if (p->in_flight == WINDOW / 2 || p->done == p->target) pthread_cond_signal(&p->c);
    pthread_mutex_unlock(&p->m);
}

static int pipelined(wetee_rpc *rpc, pipe_state *p, long n)
{
    pthread_mutex_lock(&p->m);
    p->done = 0;
    p->target = n;
    for (long i = 0; i < n; i++) {
        if (p->in_flight >= WINDOW)
            while (p->in_flight > WINDOW / 2) pthread_cond_wait(&p->c, &p->m);
        p->in_flight++;
        pthread_mutex_unlock(&p->m);
        if (wetee_rpc_call_async(NULL, rpc, METHOD, "[]", 2, 0, on_resp, p) != WETEE_OK) {
            fprintf(stderr, "bench_rpc: %s\n", wetee_last_error());
            return -1;
        }
        pthread_mutex_lock(&p->m);
    }
    while (p->done < n) pthread_cond_wait(&p->c, &p->m);
    long failed = p->failed;
    pthread_mutex_unlock(&p->m);
    return failed ? -1 : 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double env_num(const char *name, double dflt)
{
    const char *s = getenv(name);
    return s && *s ? atof(s) : dflt;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--list") == 0) {
        for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) puts(CASES[i]);
        return 0;
    }
    /* ws_chain_with_metadata only when named (bench/run.sh runs each case in
     * a process of its own): its memory would count in the other cases' */
    int want[NCASES] = { argc == 1, argc == 1, argc == 1, argc == 1, 0 };
    for (int a = 1; a < argc; a++) {
        size_t i = 0;
        while (i < NCASES && strcmp(argv[a], CASES[i]) != 0) i++;
        if (i == NCASES) {
            fprintf(stderr, "bench_rpc: unknown case '%s' (--list shows the cases)\n", argv[a]);
            return 1;
        }
        want[i] = 1;
    }
    int samples = (int)env_num("WETEE_BENCH_SAMPLES", 5);
    double seconds = env_num("WETEE_BENCH_SECONDS", 1);
    if (samples < 1) samples = 1;
    char url[64];
    int rc = 0;
    if (want[4]) {
        char md[1024];
        const char *vd = getenv("WETEE_VECTORS_DIR");
        snprintf(md, sizeof md, "%s/metadata-hash/polkadot_metadata_v15.hex", vd && *vd ? vd : "../shared/vectors");
        FILE *f = fopen(md, "rb");
        if (!f) {
            fprintf(stderr, "bench_rpc: ws_chain_with_metadata: %s not found (set WETEE_VECTORS_DIR): case skipped\n", md);
        } else {
            fclose(f);
            pid_t msrv = start_server(argv[0], url, sizeof url, md);
            if (msrv < 0) return 1;
            wetee_chain *c = NULL;
            wetee_chain_options co = WETEE_CHAIN_OPTIONS_INIT;
            co.rpc_spec = WETEE_CHAIN_RPC_LEGACY;
            double t0 = now_ns();
            if (wetee_chain_connect(&c, url, &co) != WETEE_OK) {
                fprintf(stderr, "bench_rpc: ws_chain_with_metadata: %s\n", wetee_last_error());
                rc = 1;
            } else {
                double ns = now_ns() - t0;
                char n[32];
                snprintf(n, sizeof n, "%zu", wetee_metadata_pallet_count(wetee_chain_metadata(c)));
                line("ws_chain_with_metadata", ns, 1, 1, ns, ns);
                check("ws_chain_with_metadata", n, strlen(n));
            }
            wetee_chain_free(c);
            kill(msrv, SIGTERM);
            waitpid(msrv, NULL, 0);
            if (rc || !(want[0] || want[1] || want[2] || want[3])) return rc;
        }
        if (!(want[0] || want[1] || want[2] || want[3])) return 0;
    }
    pid_t srv = start_server(argv[0], url, sizeof url, NULL);
    if (srv < 0) return 1;
    wetee_rpc *rpc = NULL;
    wetee_buf r = WETEE_BUF_INIT;
    double t0 = now_ns();
    if (wetee_rpc_new(&rpc, url, NULL) != WETEE_OK || wetee_rpc_call(&r, rpc, METHOD, "[]", 2, 0) != WETEE_OK) {
        fprintf(stderr, "bench_rpc: %s\n", wetee_last_error());
        rc = 1;
        goto out;
    }
    double connect_ns = now_ns() - t0;
    if (want[3]) {
        line("ws_connected_client", connect_ns, 1, 1, connect_ns, connect_ns);
        check("ws_connected_client", (const char *)r.data, r.len);
    }
    if (want[0]) {
        pipe_state p = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0, 0, WETEE_BUF_INIT };
        if (pipelined(rpc, &p, 5000)) { rc = 1; goto out; }
        long n = 2000;
        double t = now_ns();
        if (pipelined(rpc, &p, n)) { rc = 1; goto out; }
        double per = (now_ns() - t) / (double)n;
        n = (long)(seconds / samples * 1e9 / per);
        if (n < 1000) n = 1000;
        double *ns = calloc((size_t)samples, sizeof *ns);
        for (int i = 0; i < samples; i++) {
            t = now_ns();
            if (pipelined(rpc, &p, n)) { rc = 1; break; }
            ns[i] = (now_ns() - t) / (double)n;
        }
        if (rc == 0) {
            qsort(ns, (size_t)samples, sizeof *ns, cmp_double);
            line("ws_pipelined_call", ns[samples / 2], samples, n, ns[0], ns[samples - 1]);
            check("ws_pipelined_call", (const char *)p.last.data, p.last.len);
        }
        free(ns);
        wetee_buf_free(&p.last);
    }
    if (want[1] || want[2]) {
        for (int i = 0; i < 2000; i++) wetee_rpc_call(&r, rpc, METHOD, "[]", 2, 0);
        long n = (long)(seconds * 1e9 / 100000);
        if (n < 2000) n = 2000;
        double *lat = calloc((size_t)n, sizeof *lat);
        for (long i = 0; i < n && rc == 0; i++) {
            double t = now_ns();
            if (wetee_rpc_call(&r, rpc, METHOD, "[]", 2, 0) != WETEE_OK) rc = 1;
            lat[i] = now_ns() - t;
        }
        if (rc == 0) {
            qsort(lat, (size_t)n, sizeof *lat, cmp_double);
            const char *names[2] = { "ws_latency_p50", "ws_latency_p99" };
            double q[2] = { 0.5, 0.99 };
            for (int k = 0; k < 2; k++) {
                if (!want[1 + k]) continue;
                long idx = (long)(q[k] * (double)n);
                if (idx >= n) idx = n - 1;
                line(names[k], lat[idx], 1, n, lat[0], lat[n - 1]);
                check(names[k], (const char *)r.data, r.len);
            }
        }
        free(lat);
    }
out:
    wetee_buf_free(&r);
    wetee_rpc_free(rpc);
    kill(srv, SIGTERM);
    waitpid(srv, NULL, 0);
    return rc;
}
