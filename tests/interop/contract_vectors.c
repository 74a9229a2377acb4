#define _POSIX_C_SOURCE 200809L
/* libwetee side of the pallet-revive differential test (contract_diff.mjs):
 *   contract_vectors run REQ.tsv   reads the requests and prints one answer
 *                                  line each: call bytes as 0x-hex, or the
 *                                  decoded dry-run result as JSON
 *                                  {status, ref_time, proof_size, deposit, data}
 *                                  (limits with a 0 % margin)
 *   contract_vectors selfcheck     bad requests give errors (no node) */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define MAX_MD 8

static struct {
    char *path;
    wetee_metadata *md;
} mds[MAX_MD];

static wetee_metadata *metadata(const char *path)
{
    int i;
    for (i = 0; i < MAX_MD && mds[i].path; i++)
        if (strcmp(mds[i].path, path) == 0) return mds[i].md;
    if (i == MAX_MD) return NULL;
    {
        FILE *f = fopen(path, "rb");
        uint8_t *b;
        long n;
        if (!f) return NULL;
        fseek(f, 0, SEEK_END);
        n = ftell(f);
        fseek(f, 0, SEEK_SET);
        b = malloc((size_t)n + 1);
        if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) exit(2);
        fclose(f);
        if (strstr(path, ".json")) {
            if (wetee_metadata_parse_rpc_response(&mds[i].md, (const char *)b, (size_t)n, NULL) != WETEE_OK) exit(2);
        } else if (wetee_metadata_parse(&mds[i].md, b, (size_t)n, NULL) != WETEE_OK) exit(2);
        free(b);
        mds[i].path = strdup(path);
    }
    return mds[i].md;
}

static void unhex(wetee_buf *out, const char *s)
{
    out->len = 0;
    if (s && wetee_hex_decode(out, s, strlen(s)) != WETEE_OK) exit(3);
}

static wetee_u128 dec(const char *s)
{
    wetee_u128 v;
    if (wetee_u128_from_decimal(&v, s, strlen(s), 0) != WETEE_OK) exit(3);
    return v;
}

static int do_call(wetee_buf *out, wetee_metadata *md, const char *op, json_t *a)
{
    wetee_buf d1 = WETEE_BUF_INIT, d2 = WETEE_BUF_INIT, d3 = WETEE_BUF_INIT;
    wetee_revive_limits l;
    int rc;
    memset(&l, 0, sizeof l);
    if (json_object_get(a, "ref_time")) {
        l.ref_time = strtoull(json_string_value(json_object_get(a, "ref_time")), NULL, 10);
        l.proof_size = strtoull(json_string_value(json_object_get(a, "proof_size")), NULL, 10);
    }
    if (json_object_get(a, "deposit")) l.storage_deposit = dec(json_string_value(json_object_get(a, "deposit")));
    if (strcmp(op, "call") == 0) {
        unhex(&d1, json_string_value(json_object_get(a, "dest")));
        unhex(&d2, json_string_value(json_object_get(a, "data")));
        rc = d1.len == 20 ? wetee_revive_call_encode(out, md, d1.data, dec(json_string_value(json_object_get(a, "value"))), &l,
                                                     d2.data, d2.len)
                          : WETEE_ERR_INVALID_ARGUMENT;
    } else if (strcmp(op, "instantiate") == 0) {
        unhex(&d1, json_string_value(json_object_get(a, "code")));
        unhex(&d2, json_string_value(json_object_get(a, "data")));
        unhex(&d3, json_string_value(json_object_get(a, "salt")));
        rc = wetee_revive_instantiate_with_code_encode(out, md, dec(json_string_value(json_object_get(a, "value"))), &l,
                                                       d1.data, d1.len, d2.data, d2.len, d3.len == 32 ? d3.data : NULL);
    } else if (strcmp(op, "upload") == 0) {
        unhex(&d1, json_string_value(json_object_get(a, "code")));
        rc = wetee_revive_upload_code_encode(out, md, d1.data, d1.len, l.storage_deposit);
    } else rc = wetee_revive_map_account_encode(out, md);
    wetee_buf_free(&d1);
    wetee_buf_free(&d2);
    wetee_buf_free(&d3);
    return rc;
}

static void print_result(wetee_metadata *md, const char *h)
{
    wetee_buf b = WETEE_BUF_INIT, hx = WETEE_BUF_INIT;
    wetee_revive_result *r = NULL;
    wetee_revive_limits l;
    const char *st[] = { "ok", "reverted", "failed" };
    char dep[48];
    const uint8_t *d;
    size_t n;
    unhex(&b, h);
    if (wetee_revive_result_decode(&r, md, b.data, b.len) != WETEE_OK || wetee_revive_result_limits(&l, r, 0) != WETEE_OK) {
        printf("error %s\n", wetee_last_error());
    } else {
        wetee_u128_to_decimal(dep, sizeof dep, l.storage_deposit, 0);
        d = wetee_revive_result_data(&n, NULL, r);
        if (d) wetee_hex_encode(&hx, d, n, WETEE_HEX_PREFIX);
        printf("{\"status\":\"%s\",\"ref_time\":%llu,\"proof_size\":%llu,\"deposit\":\"%s\",\"data\":%s%.*s%s}\n",
               st[wetee_revive_result_status(r)], (unsigned long long)l.ref_time, (unsigned long long)l.proof_size, dep,
               d ? "\"" : "null", d ? (int)hx.len : 0, d ? (const char *)hx.data : "", d ? "\"" : "");
    }
    wetee_revive_result_free(r);
    wetee_buf_free(&b);
    wetee_buf_free(&hx);
}

static int run(const char *file)
{
    FILE *f = fopen(file, "r");
    char *line = NULL;
    size_t cap = 0;
    if (!f) return 2;
    while (getline(&line, &cap, f) > 0) {
        char *kind = strtok(line, "\t\n"), *path = strtok(NULL, "\t\n"), *x = strtok(NULL, "\t\n"), *y = strtok(NULL, "\t\n");
        wetee_metadata *md = path ? metadata(path) : NULL;
        if (!kind || !md) return 2;
        if (strcmp(kind, "call") == 0) {
            wetee_buf out = WETEE_BUF_INIT, hx = WETEE_BUF_INIT;
            json_t *a = json_loads(y ? y : "{}", 0, NULL);
            if (do_call(&out, md, x, a) == WETEE_OK && wetee_hex_encode(&hx, out.data, out.len, WETEE_HEX_PREFIX) == WETEE_OK)
                printf("%.*s\n", (int)hx.len, (const char *)hx.data);
            else printf("error %s\n", wetee_last_error());
            json_decref(a);
            wetee_buf_free(&out);
            wetee_buf_free(&hx);
        } else print_result(md, x);
    }
    free(line);
    fclose(f);
    return 0;
}

static int selfcheck(void)
{
    int passed = 0, failed = 0;
    wetee_revive_result *r = NULL;
    wetee_buf b = WETEE_BUF_INIT;
    wetee_revive_limits l;
    uint8_t dest[20] = { 0 };
    memset(&l, 0, sizeof l);
#define T(c) ((c) ? passed++ : (printf("selfcheck failed: %s\n", #c), failed++))
    T(wetee_revive_result_decode(&r, NULL, (const uint8_t *)"", 0) == WETEE_ERR_INVALID_ARGUMENT);
    T(wetee_revive_call_encode(&b, NULL, dest, wetee_u128_from_u64(0), &l, NULL, 0) == WETEE_ERR_INVALID_ARGUMENT);
    T(wetee_revive_map_account_encode(NULL, NULL) == WETEE_ERR_INVALID_ARGUMENT);
    printf("%d passed, %d failed\n", passed, failed);
    wetee_buf_free(&b);
    return failed != 0;
}

int main(int argc, char **argv)
{
    int i, rc;
    if (argc == 2 && strcmp(argv[1], "selfcheck") == 0) return selfcheck();
    if (argc != 3 || strcmp(argv[1], "run") != 0) {
        fprintf(stderr, "usage: contract_vectors run REQ.tsv | selfcheck\n");
        return 2;
    }
    rc = run(argv[2]);
    for (i = 0; i < MAX_MD && mds[i].path; i++) {
        wetee_metadata_free(mds[i].md);
        free(mds[i].path);
    }
    return rc;
}
