/* libFuzzer target: the JSON-RPC client's message scanner (src/rpc/json_scan.c)
 * and its dispatch, fed any bytes as one message from the server.
 * Checks: no crash, leak or hang (ASan); text the scanner rejects as
 * malformed (not merely too deep; without NUL bytes) is also rejected by
 * jansson; a message
 * handed to a client over an application transport never crashes it. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "internal/rpc.h"
#include "wetee.h"

static int nowhere(void *ctx, const char *json, size_t len)
{
    (void)ctx;
    (void)json;
    (void)len;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wetee_rpc *rpc = NULL;
    wetee_rpc_transport tr = WETEE_RPC_TRANSPORT_INIT;
    tr.send = nowhere;
    if (wetee_rpc_new_custom(&rpc, &tr, NULL) != WETEE_OK) abort();
    const char *s = (const char *)data;
    wt_span v;
    int rc = wt_json_check(&v, s, size, "fuzz");
    /* jansson reads a NUL byte outside strings as the end of the text
     * (RFC 8259 has no such rule): compare only texts without one */
    if (rc == WETEE_ERR_DECODE && memchr(s, 0, size) == NULL) {
        json_error_t e;
        json_t *j = json_loadb(s, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
        if (j) {
            json_decref(j);
            abort(); /* the scanner refused JSON that jansson reads */
        }
    } else if (rc == WETEE_OK && (v.p < s || v.p + v.n > s + size)) {
        abort();
    }
    wt_rpc_msg m;
    if (wt_rpc_msg_parse(&m, s, size) == WETEE_OK) {
        const wt_span *sp[] = { &m.id, &m.result, &m.error, &m.method, &m.params, &m.sub_id, &m.sub_result };
        for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++)
            if (sp[i]->p && (sp[i]->p < s || sp[i]->p + sp[i]->n > s + size)) abort();
    }
    wetee_rpc_transport_open(rpc);
    wetee_rpc_transport_receive(rpc, s, size);
    wetee_rpc_free(rpc);
    return 0;
}
