/* Starts and stops tests/rpc/fault_server.py for the rpc tests. */
#define _POSIX_C_SOURCE 200809L
#include "server.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *source_dir(void)
{
    static char dir[1024];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "%s", __FILE__);
        char *s = strrchr(dir, '/');
        if (s) *s = 0;
        else snprintf(dir, sizeof dir, ".");
    }
    return dir;
}

int ts_start(test_server *s, const char *const *extra)
{
    int in[2], out[2];
    memset(s, 0, sizeof *s);
    if (pipe(in) || pipe(out)) return -1;
    char script[1200];
    snprintf(script, sizeof script, "%s/fault_server.py", source_dir());
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        const char *argv[16] = { "python3", script };
        int n = 2;
        for (int i = 0; extra && extra[i] && n < 15; i++) argv[n++] = extra[i];
        argv[n] = NULL;
        execvp("python3", (char *const *)argv);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    s->pid = pid;
    s->stdin_fd = in[1];
    FILE *f = fdopen(out[0], "r");
    char line[256];
    if (!f || !fgets(line, sizeof line, f) || sscanf(line, "READY ws=%d http=%d", &s->ws_port, &s->http_port) != 2) {
        fprintf(stderr, "rpc test: the fault server did not start (is the Python package `websockets` installed? "
                        "run scripts/dev setup)\n");
        if (f) fclose(f);
        ts_stop(s);
        return -1;
    }
    s->out = f;
    snprintf(s->ws_url, sizeof s->ws_url, "ws://127.0.0.1:%d", s->ws_port);
    snprintf(s->http_url, sizeof s->http_url, "http://127.0.0.1:%d", s->http_port);
    return 0;
}

void ts_stop(test_server *s)
{
    if (s->stdin_fd > 0) close(s->stdin_fd);
    s->stdin_fd = 0;
    if (s->pid > 0) {
        for (int i = 0; i < 300; i++) {
            int st;
            if (waitpid(s->pid, &st, WNOHANG) == s->pid) {
                s->pid = 0;
                break;
            }
            struct timespec ts = { 0, 10000000 };
            nanosleep(&ts, NULL);
        }
        if (s->pid > 0) {
            kill(s->pid, SIGKILL);
            waitpid(s->pid, NULL, 0);
        }
    }
    s->pid = 0;
    if (s->out) fclose(s->out);
    s->out = NULL;
}

void ts_sleep_ms(unsigned ms)
{
    struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

double ts_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

long ts_rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, rss = 0;
    if (!f) return -1;
    if (fscanf(f, "%ld %ld", &pages, &rss) != 2) rss = -1;
    fclose(f);
    return rss < 0 ? -1 : rss * (sysconf(_SC_PAGESIZE) / 1024);
}
