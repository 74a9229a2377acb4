/* The fault-injecting JSON-RPC server of the rpc tests (fault_server.py),
 * run as a child process on loopback. */
#ifndef WT_RPC_TEST_SERVER_H
#define WT_RPC_TEST_SERVER_H

#include <stdio.h>
#include <sys/types.h>

typedef struct test_server {
    pid_t pid;
    int stdin_fd;
    FILE *out;
    int ws_port, http_port;
    char ws_url[64], http_url[64];
} test_server;

/* Start it (extra: NULL-terminated extra arguments, or NULL); 0 or -1. */
int ts_start(test_server *s, const char *const *extra);
/* Stop it (closes its stdin, waits, kills after 3 s). */
void ts_stop(test_server *s);
void ts_sleep_ms(unsigned ms);
double ts_now(void);
/* Resident memory of this process in KiB. */
long ts_rss_kb(void);

/* chain_blocks.c: the chain client's block subscription through the fault
 * server's simulated chain (reorg, missed blocks, gap). */
void test_chain_blocks_faults(void);
void test_chain_follow_faults(void);

#endif
