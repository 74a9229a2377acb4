/* WeTEE's contract-generation cloud operations: the pod cost formula of
 * wetee.md §5 and create_pod with the new pod's id found by polling. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract/contract_impl.h"

#define MOD "contract"

__extension__ typedef unsigned __int128 wt_u128x;

/* 256-bit unsigned integers, little-endian 64-bit limbs */
typedef struct u256 {
    uint64_t w[4];
} u256;

static int u256_mul_add(u256 *a, uint64_t m, uint64_t add)
{
    wt_u128x carry = add;
    int i;
    for (i = 0; i < 4; i++) {
        wt_u128x x = (wt_u128x)a->w[i] * m + carry;
        a->w[i] = (uint64_t)x;
        carry = x >> 64;
    }
    return carry == 0;
}

static int u256_add(u256 *a, const u256 *b)
{
    wt_u128x carry = 0;
    int i;
    for (i = 0; i < 4; i++) {
        wt_u128x x = (wt_u128x)a->w[i] + b->w[i] + carry;
        a->w[i] = (uint64_t)x;
        carry = x >> 64;
    }
    return carry == 0;
}

static int u256_is_zero(const u256 *a) { return !(a->w[0] | a->w[1] | a->w[2] | a->w[3]); }

static int u256_bit(const u256 *a, int i) { return (int)(a->w[i / 64] >> (i % 64)) & 1; }

static int u256_cmp(const u256 *a, const u256 *b)
{
    int i;
    for (i = 3; i >= 0; i--)
        if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

static void u256_sub(u256 *a, const u256 *b)
{
    uint64_t borrow = 0;
    int i;
    for (i = 0; i < 4; i++) {
        uint64_t x = a->w[i] - b->w[i] - borrow;
        borrow = (a->w[i] < b->w[i]) || (a->w[i] - b->w[i] < borrow);
        a->w[i] = x;
    }
}

static void u256_shl1(u256 *a, int bit)
{
    int i;
    for (i = 3; i > 0; i--) a->w[i] = a->w[i] << 1 | a->w[i - 1] >> 63;
    a->w[0] = a->w[0] << 1 | (uint64_t)bit;
}

static void u256_div(u256 *q, const u256 *n, const u256 *d)
{
    u256 r;
    int i;
    memset(q, 0, sizeof *q);
    memset(&r, 0, sizeof r);
    for (i = 255; i >= 0; i--) {
        u256_shl1(&r, u256_bit(n, i));
        u256_shl1(q, 0);
        if (u256_cmp(&r, d) >= 0) {
            u256_sub(&r, d);
            q->w[0] |= 1;
        }
    }
}

static void u256_to_dec(char out[80], const u256 *a)
{
    u256 x = *a;
    char tmp[80];
    size_t k = 0, i;
    do {
        wt_u128x rem = 0;
        int j;
        for (j = 3; j >= 0; j--) {
            wt_u128x cur = rem << 64 | x.w[j];
            x.w[j] = (uint64_t)(cur / 10);
            rem = cur % 10;
        }
        tmp[k++] = (char)('0' + (int)rem);
    } while (!u256_is_zero(&x));
    for (i = 0; i < k; i++) out[i] = tmp[k - 1 - i];
    out[k] = '\0';
}

static int u256_from_dec(u256 *a, const char *s)
{
    memset(a, 0, sizeof *a);
    if (!*s) return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return 0;
        if (!u256_mul_add(a, 10, (uint64_t)(*s - '0'))) return 0;
    }
    return 1;
}

/* a non-negative integer field: a JSON integer or a decimal string */
static int field_u256(u256 *out, json_t *obj, const char *name, int optional, const char *where)
{
    json_t *j = json_object_get(obj, name);
    memset(out, 0, sizeof *out);
    if (!j || json_is_null(j)) {
        if (optional) return WETEE_OK;
        return wt_error(WETEE_ERR_DECODE, "contract: pod cost: %s: missing \"%s\"", where, name);
    }
    if (json_is_integer(j) && json_integer_value(j) >= 0) {
        out->w[0] = (uint64_t)json_integer_value(j);
        return WETEE_OK;
    }
    if (json_is_string(j) && u256_from_dec(out, json_string_value(j))) return WETEE_OK;
    return wt_error(WETEE_ERR_DECODE, "contract: pod cost: %s: \"%s\" must be a non-negative integer", where, name);
}

static int mul_acc(u256 *acc, const u256 *a, const u256 *b)
{
    /* acc += a * b, with a below 2^64 (resources are u32, prices u64) */
    u256 p = *b;
    if (a->w[1] | a->w[2] | a->w[3] || !u256_mul_add(&p, a->w[0], 0) || !u256_add(acc, &p))
        return wt_error(WETEE_ERR_OVERFLOW, "contract: pod cost above 2^256 - 1");
    return WETEE_OK;
}

int wetee_contract_pod_cost(wetee_buf *out, const char *containers_json, size_t containers_len, const char *price_json,
                            size_t price_len, int tee_type, uint32_t duration_blocks, const char *asset_price)
{
    json_t *cs = NULL, *pr = NULL, *c;
    u256 cpu_per, mem_per, disk_per, gpu_per, price, per_block, q;
    char dec[80];
    size_t i;
    int rc = WETEE_OK;
    WT_ARG_DATA(containers_json, containers_len, MOD);
    WT_ARG_DATA(price_json, price_len, MOD);
    WT_ARG(out && asset_price, MOD, "NULL argument");
    WT_ARG(tee_type == 0 || tee_type == 1, MOD, "tee_type must be 0 (SGX) or 1 (CVM)");
    WT_ARG(duration_blocks > 0, MOD, "duration_blocks must be at least 1");
    if (!u256_from_dec(&price, asset_price) || u256_is_zero(&price))
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "contract: pod cost: asset price must be a positive decimal integer");
    cs = json_loadb(containers_json ? containers_json : "", containers_len, 0, NULL);
    pr = json_loadb(price_json ? price_json : "", price_len, 0, NULL);
    if (!json_is_array(cs)) rc = wt_error(WETEE_ERR_DECODE, "contract: pod cost: containers must be a JSON array");
    else if (!json_is_object(pr)) rc = wt_error(WETEE_ERR_DECODE, "contract: pod cost: the price must be a JSON object (RunPrice)");
    if (rc == WETEE_OK) rc = field_u256(&cpu_per, pr, tee_type ? "cvm_cpu_per" : "cpu_per", 0, "price");
    if (rc == WETEE_OK) rc = field_u256(&mem_per, pr, tee_type ? "cvm_memory_per" : "memory_per", 0, "price");
    if (rc == WETEE_OK) rc = field_u256(&disk_per, pr, "disk_per", 0, "price");
    if (rc == WETEE_OK) rc = field_u256(&gpu_per, pr, "gpu_per", 0, "price");
    memset(&per_block, 0, sizeof per_block);
    json_array_foreach(cs, i, c) {
        u256 cpu, mem, gpu, disk;
        char where[40];
        if (rc != WETEE_OK) break;
        snprintf(where, sizeof where, "containers[%zu]", i);
        if (!json_is_object(c)) rc = wt_error(WETEE_ERR_DECODE, "contract: pod cost: %s must be an object", where);
        if (rc == WETEE_OK) rc = field_u256(&cpu, c, "cpu", 0, where);
        if (rc == WETEE_OK) rc = field_u256(&mem, c, "mem", 0, where);
        if (rc == WETEE_OK) rc = field_u256(&gpu, c, "gpu", 1, where);
        if (rc == WETEE_OK) rc = field_u256(&disk, c, "disk", 1, where);
        if (rc == WETEE_OK && json_is_array(json_object_get(c, "disk")))
            rc = wt_error(WETEE_ERR_DECODE, "contract: pod cost: %s: give \"disk\" as the size in GB", where);
        if (rc == WETEE_OK) rc = mul_acc(&per_block, &cpu, &cpu_per);
        if (rc == WETEE_OK) rc = mul_acc(&per_block, &mem, &mem_per);
        if (rc == WETEE_OK) rc = mul_acc(&per_block, &gpu, &gpu_per);
        if (rc == WETEE_OK) rc = mul_acc(&per_block, &disk, &disk_per);
    }
    json_decref(cs);
    json_decref(pr);
    if (rc != WETEE_OK) return rc;
    if (!u256_mul_add(&per_block, duration_blocks, 0) || !u256_mul_add(&per_block, 1000, 0))
        return wt_error(WETEE_ERR_OVERFLOW, "contract: pod cost above 2^256 - 1");
    u256_div(&q, &per_block, &price);
    u256_to_dec(dec, &q);
    out->len = 0;
    rc = wetee_buf_append(out, (const uint8_t *)dec, strlen(dec));
    return rc == WETEE_OK ? wt_buf_terminate(out) : rc;
}

static int query_u64(uint64_t *out, wetee_chain *c, const wetee_contract_abi *abi, const uint8_t acc[32],
                     const uint8_t cloud[20], const char *msg)
{
    wetee_buf r = WETEE_BUF_INIT;
    int rc = wetee_contract_query(&r, c, abi, acc, cloud, msg, NULL, 0);
    if (rc == WETEE_OK) {
        json_t *j = json_loadb((const char *)r.data, r.len, JSON_DECODE_ANY, NULL);
        if (json_is_integer(j) && json_integer_value(j) >= 0) *out = (uint64_t)json_integer_value(j);
        else if (json_is_string(j)) *out = strtoull(json_string_value(j), NULL, 10);
        else rc = wt_error(WETEE_ERR_DECODE, "contract: %s: not a number", msg);
        json_decref(j);
    }
    wetee_buf_free(&r);
    return rc;
}

int wetee_contract_create_pod(uint64_t *pod_id, wetee_buf *result, wetee_chain *c, const wetee_keypair *kp,
                              const uint8_t cloud[20], const char *args_json, size_t len, wetee_u128 value,
                              unsigned timeout_ms)
{
    wetee_contract_abi *abi = NULL;
    wetee_revive_result *dr = NULL;
    wetee_buf data = WETEE_BUF_INIT, ret = WETEE_BUF_INIT, res = WETEE_BUF_INIT, pods = WETEE_BUF_INIT;
    uint8_t acc[32];
    size_t n = 0;
    uint64_t before = 0, after = 0;
    char args[64];
    int rc;
    WT_ARG_LEN(len, MOD);
    WT_ARG(pod_id && c && kp && cloud && args_json, MOD, "NULL argument");
    rc = wetee_keypair_account_id(kp, acc, &n);
    if (rc == WETEE_OK && n != 32) rc = wt_error(WETEE_ERR_UNSUPPORTED, "contract: the signer has no 32-byte account id");
    if (rc == WETEE_OK) rc = wetee_contract_abi_wetee(&abi, "cloud");
    if (rc == WETEE_OK) rc = wetee_contract_encode_call(&data, abi, "create_pod", args_json, len);
    if (rc == WETEE_OK) rc = query_u64(&before, c, abi, acc, cloud, "user_pod_len");
    /* the Cloud contract reports errors without reverting: check first */
    if (rc == WETEE_OK) rc = wetee_revive_dry_run(&dr, c, acc, cloud, value, data.data, data.len);
    if (rc == WETEE_OK && wetee_revive_result_status(dr) == WETEE_REVIVE_OK) {
        rc = wetee_contract_decode_return(&ret, abi, "create_pod", dr->data.data, dr->data.len);
        if (rc == WETEE_OK && strncmp((const char *)ret.data, "{\"Err\"", 6) == 0)
            rc = wt_error(WETEE_ERR_STATE, "contract: create_pod refused by the Cloud contract: %.200s", (const char *)ret.data);
    }
    if (rc == WETEE_OK) rc = wetee_revive_call(&res, NULL, c, kp, cloud, value, data.data, data.len, 0, timeout_ms);
    if (rc == WETEE_OK && !strstr((const char *)res.data, "\"success\":true"))
        rc = wt_error(WETEE_ERR_STATE, "contract: create_pod transaction failed: %.300s", (const char *)res.data);
    if (rc == WETEE_OK) rc = query_u64(&after, c, abi, acc, cloud, "user_pod_len");
    if (rc == WETEE_OK && after <= before)
        rc = wt_error(WETEE_ERR_NOT_FOUND, "contract: create_pod: user_pod_len did not grow (%llu)", (unsigned long long)after);
    if (rc == WETEE_OK) {
        snprintf(args, sizeof args, "[null, %llu]", (unsigned long long)after);
        rc = wetee_contract_query(&pods, c, abi, acc, cloud, "user_pods", args, strlen(args));
    }
    if (rc == WETEE_OK) {
        json_t *j = json_loadb((const char *)pods.data, pods.len, 0, NULL), *e;
        size_t i;
        int found = 0;
        json_array_foreach(j, i, e) {
            json_t *id = json_array_get(e, 0);
            if (json_is_integer(id) && (!found || (uint64_t)json_integer_value(id) > *pod_id)) {
                *pod_id = (uint64_t)json_integer_value(id);
                found = 1;
            }
        }
        json_decref(j);
        if (!found) rc = wt_error(WETEE_ERR_NOT_FOUND, "contract: create_pod: no pod in user_pods");
    }
    if (result && rc == WETEE_OK) {
        result->len = 0;
        rc = wetee_buf_append(result, res.data, res.len);
        if (rc == WETEE_OK) rc = wt_buf_terminate(result);
    }
    wetee_revive_result_free(dr);
    wetee_contract_abi_free(abi);
    wetee_buf_free(&data);
    wetee_buf_free(&ret);
    wetee_buf_free(&res);
    wetee_buf_free(&pods);
    return rc;
}
