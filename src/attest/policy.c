/* Attestation policies: strict defaults, setters, JSON, and the final
 * policy evaluation shared by DCAP and SEV-SNP (wt_attest_finish). */
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <sodium.h>

#include "internal/attest.h"
#include "internal/attest_dcap.h"

#define PM "attest"

static void policy_defaults(wetee_attest_policy *p)
{
    memset(p, 0, sizeof *p);
    p->status_mask = 1u << WETEE_ATTEST_TCB_UP_TO_DATE;
    p->strict_expiry = 1;
}

WETEE_API int wetee_attest_policy_new(wetee_attest_policy **out)
{
    wetee_attest_policy *p;
    WT_ARG(out != NULL, PM, "out is NULL");
    *out = NULL;
    if ((p = wt_calloc(1, sizeof *p)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    policy_defaults(p);
    *out = p;
    return WETEE_OK;
}

WETEE_API void wetee_attest_policy_free(wetee_attest_policy *p)
{
    unsigned i;
    if (p == NULL) return;
    for (i = 0; i < p->n_expect; i++) wt_free(p->expect[i].values);
    wt_free(p->bind_key);
    wt_free(p);
}

static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static wetee_attest_policy default_policy;
static void make_default(void) { policy_defaults(&default_policy); }
const wetee_attest_policy *wt_attest_default_policy(void)
{
    pthread_once(&default_once, make_default);
    return &default_policy;
}

WETEE_API int wetee_attest_policy_allow_tee(wetee_attest_policy *p, int tee)
{
    WT_ARG(p != NULL, PM, "policy is NULL");
    WT_ARG(tee >= WETEE_ATTEST_TEE_SGX && tee <= WETEE_ATTEST_TEE_SEV_SNP, PM, "unknown TEE kind");
    p->tee_mask |= 1u << tee;
    return WETEE_OK;
}

WETEE_API int wetee_attest_policy_accept_status(wetee_attest_policy *p, int status)
{
    WT_ARG(p != NULL, PM, "policy is NULL");
    WT_ARG(status >= 0 && status < WETEE_ATTEST_TCB_REVOKED, PM, "status is terminal or unknown");
    p->status_mask |= 1u << status;
    return WETEE_OK;
}

WETEE_API int wetee_attest_policy_accept_advisory(wetee_attest_policy *p, const char *id)
{
    size_t n;
    WT_ARG(p != NULL && id != NULL && id[0] != 0, PM, "policy or advisory_id is NULL or empty");
    n = strlen(id);
    if (n >= WT_ATTEST_ADVISORY_LEN)
        return wt_error(WETEE_ERR_TOO_LONG, "attest: advisory ID of %zu characters is above %d", n,
                        WT_ATTEST_ADVISORY_LEN - 1);
    if (strcmp(id, "*") == 0) {
        p->any_advisory = 1;
        return WETEE_OK;
    }
    if (p->n_advisories == WT_ATTEST_MAX_ADVISORIES)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "attest: more than %d accepted advisories",
                        WT_ATTEST_MAX_ADVISORIES);
    memcpy(p->advisories[p->n_advisories++], id, n + 1);
    return WETEE_OK;
}

WETEE_API int wetee_attest_policy_allow_debug(wetee_attest_policy *p, int allow)
{
    WT_ARG(p != NULL, PM, "policy is NULL");
    p->allow_debug = allow != 0;
    return WETEE_OK;
}

WETEE_API int wetee_attest_policy_strict_expiry(wetee_attest_policy *p, int strict)
{
    WT_ARG(p != NULL, PM, "policy is NULL");
    p->strict_expiry = strict != 0;
    return WETEE_OK;
}

WETEE_API int wetee_attest_policy_expect(wetee_attest_policy *p, int field, const uint8_t *value, size_t len)
{
    int is_int = 0;
    size_t size, i;
    wt_expect *e = NULL;
    uint8_t *nv;
    WT_ARG(p != NULL, PM, "policy is NULL");
    WT_ARG_DATA(value, len, PM);
    size = wt_attest_field_size(field, &is_int);
    WT_ARG(size != 0 && !is_int && field != WETEE_ATTEST_FIELD_REPORT_DATA, PM,
           "field is not a byte field (use expect_u64 or the bind functions)");
    if (len != size)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "attest: expected %s is %zu bytes, not %zu",
                        wt_attest_field_name(field), size, len);
    for (i = 0; i < p->n_expect; i++)
        if (p->expect[i].field == field) e = &p->expect[i];
    if (e == NULL) {
        if (p->n_expect == WT_POLICY_MAX_EXPECT_FIELDS)
            return wt_error(WETEE_ERR_INVALID_ARGUMENT, "attest: too many expected fields");
        e = &p->expect[p->n_expect++];
        memset(e, 0, sizeof *e);
        e->field = field;
        e->len = size;
    }
    if (e->count == WT_ATTEST_MAX_EXPECT)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "attest: more than %d values for %s", WT_ATTEST_MAX_EXPECT,
                        wt_attest_field_name(field));
    if ((nv = wt_realloc(e->values, (e->count + 1) * size)) == NULL)
        return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    memcpy(nv + e->count * size, value, size);
    e->values = nv;
    e->count++;
    return WETEE_OK;
}

WETEE_API int wetee_attest_policy_expect_u64(wetee_attest_policy *p, int field, uint64_t value)
{
    WT_ARG(p != NULL, PM, "policy is NULL");
    switch (field) {
    case WETEE_ATTEST_FIELD_ISVPRODID: p->has_isvprodid = 1; p->isvprodid = value; return WETEE_OK;
    case WETEE_ATTEST_FIELD_SNP_VMPL: p->has_vmpl = 1; p->vmpl = value; return WETEE_OK;
    case WETEE_ATTEST_FIELD_SNP_GUEST_SVN: p->has_guest_svn = 1; p->guest_svn = value; return WETEE_OK;
    default:
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "attest: field %d cannot be expected as an integer", field);
    }
}

WETEE_API int wetee_attest_policy_min_u64(wetee_attest_policy *p, int field, uint64_t value)
{
    WT_ARG(p != NULL, PM, "policy is NULL");
    switch (field) {
    case WETEE_ATTEST_FIELD_ISVSVN: p->has_min_isvsvn = 1; p->min_isvsvn = value; return WETEE_OK;
    case WETEE_ATTEST_FIELD_SNP_GUEST_SVN: p->has_min_guest_svn = 1; p->min_guest_svn = value; return WETEE_OK;
    case WETEE_ATTEST_FIELD_SNP_REPORTED_TCB: p->has_min_snp_tcb = 1; p->min_snp_tcb = value; return WETEE_OK;
    default: return wt_error(WETEE_ERR_INVALID_ARGUMENT, "attest: field %d has no minimum", field);
    }
}

WETEE_API int wetee_attest_policy_snp_policy_bits(wetee_attest_policy *p, uint64_t mask, uint64_t value)
{
    WT_ARG(p != NULL, PM, "policy is NULL");
    WT_ARG((value & ~mask) == 0, PM, "value has bits outside mask");
    p->has_snp_policy_bits = 1;
    p->snp_policy_mask = mask;
    p->snp_policy_value = value;
    return WETEE_OK;
}

static void clear_binding(wetee_attest_policy *p)
{
    wt_free(p->bind_key);
    p->bind_key = NULL;
    p->bind_key_len = 0;
    p->bind = WT_BIND_NONE;
    p->bind_fn = NULL;
    p->bind_ctx = NULL;
}

WETEE_API int wetee_attest_policy_bind_report_data(wetee_attest_policy *p, const uint8_t *value, size_t len)
{
    WT_ARG(p != NULL, PM, "policy is NULL");
    WT_ARG_DATA(value, len, PM);
    WT_ARG(len >= 1 && len <= 64, PM, "len must be 1..64");
    clear_binding(p);
    memcpy(p->bind_value, value, len);
    p->bind_value_len = len;
    p->bind = WT_BIND_VALUE;
    return WETEE_OK;
}

WETEE_API int wetee_attest_policy_bind_key_hash(wetee_attest_policy *p, int hash, const uint8_t *key, size_t key_len)
{
    uint8_t *k;
    WT_ARG(p != NULL, PM, "policy is NULL");
    WT_ARG_DATA(key, key_len, PM);
    WT_ARG(hash >= WETEE_ATTEST_HASH_SHA256 && hash <= WETEE_ATTEST_HASH_BLAKE2B_256, PM, "unknown hash");
    if (key_len > 8192) return wt_error(WETEE_ERR_TOO_LONG, "attest: key of %zu bytes is above 8192", key_len);
    WT_ARG(key_len >= 1, PM, "key is empty");
    if ((k = wt_malloc(key_len)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    memcpy(k, key, key_len);
    clear_binding(p);
    p->bind_key = k;
    p->bind_key_len = key_len;
    p->bind_hash = hash;
    p->bind = WT_BIND_KEY_HASH;
    return WETEE_OK;
}

WETEE_API int wetee_attest_policy_bind_wetee_ed25519(wetee_attest_policy *p, const uint8_t *public_key,
                                                     uint64_t max_age_seconds)
{
    WT_ARG(p != NULL, PM, "policy is NULL");
    clear_binding(p);
    p->bind = WT_BIND_WETEE_ED25519;
    p->bind_ed25519_has_key = public_key != NULL;
    if (public_key) memcpy(p->bind_ed25519_key, public_key, 32);
    p->bind_max_age = max_age_seconds;
    return WETEE_OK;
}

WETEE_API int wetee_attest_policy_bind_callback(wetee_attest_policy *p, wetee_attest_report_data_fn fn, void *ctx)
{
    WT_ARG(p != NULL, PM, "policy is NULL");
    clear_binding(p);
    if (fn != NULL) {
        p->bind = WT_BIND_CALLBACK;
        p->bind_fn = fn;
        p->bind_ctx = ctx;
    }
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* JSON                                                                */
/* ------------------------------------------------------------------ */

static int jfail(const char *key, const char *why)
{
    return wt_error(WETEE_ERR_DECODE, "attest: policy JSON: \"%s\": %s", key, why);
}

static int json_hex(json_t *v, uint8_t *out, size_t n, const char *key)
{
    if (!json_is_string(v) || wetee_hex_decode_exact(out, n, json_string_value(v), json_string_length(v)) != 0)
        return jfail(key, "not hex of the right length");
    return WETEE_OK;
}

static int json_u64(json_t *v, uint64_t *out, const char *key)
{
    if (json_is_integer(v) && json_integer_value(v) >= 0) {
        *out = (uint64_t)json_integer_value(v);
        return WETEE_OK;
    }
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        char *end;
        unsigned long long x;
        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && s[2]) {
            x = strtoull(s + 2, &end, 16);
            if (*end == 0 && strlen(s + 2) <= 16) {
                *out = x;
                return WETEE_OK;
            }
        }
    }
    return jfail(key, "not a non-negative integer or 0x-hex string");
}

static int tee_by_name(const char *s)
{
    if (strcmp(s, "sgx") == 0) return WETEE_ATTEST_TEE_SGX;
    if (strcmp(s, "tdx") == 0) return WETEE_ATTEST_TEE_TDX;
    if (strcmp(s, "sev-snp") == 0 || strcmp(s, "snp") == 0) return WETEE_ATTEST_TEE_SEV_SNP;
    return -1;
}

static int policy_json_key(wetee_attest_policy *p, const char *key, json_t *v)
{
    int rc, field;
    size_t i;
    if (strcmp(key, "tee") == 0) {
        if (!json_is_array(v)) return jfail(key, "not a list");
        for (i = 0; i < json_array_size(v); i++) {
            json_t *t = json_array_get(v, i);
            int tee = json_is_string(t) ? tee_by_name(json_string_value(t)) : -1;
            if (tee < 0) return jfail(key, "unknown TEE kind (sgx, tdx, sev-snp)");
            wetee_attest_policy_allow_tee(p, tee);
        }
        return WETEE_OK;
    }
    if (strcmp(key, "accept_status") == 0) {
        if (!json_is_array(v)) return jfail(key, "not a list");
        for (i = 0; i < json_array_size(v); i++) {
            json_t *t = json_array_get(v, i);
            int s, found = -1;
            for (s = 0; s < WETEE_ATTEST_TCB_REVOKED; s++)
                if (json_is_string(t) && strcmp(json_string_value(t), wetee_attest_tcb_status_name(s)) == 0) found = s;
            if (found < 0) return jfail(key, "unknown or terminal status name");
            p->status_mask |= 1u << found;
        }
        return WETEE_OK;
    }
    if (strcmp(key, "accept_advisories") == 0) {
        if (json_is_string(v) && strcmp(json_string_value(v), "*") == 0) {
            p->any_advisory = 1;
            return WETEE_OK;
        }
        if (!json_is_array(v)) return jfail(key, "not a list or \"*\"");
        for (i = 0; i < json_array_size(v); i++) {
            json_t *t = json_array_get(v, i);
            if (!json_is_string(t)) return jfail(key, "entries must be strings");
            if ((rc = wetee_attest_policy_accept_advisory(p, json_string_value(t))) != WETEE_OK) return rc;
        }
        return WETEE_OK;
    }
    if (strcmp(key, "allow_debug") == 0 || strcmp(key, "strict_expiry") == 0 || strcmp(key, "allow_mrservicetd") == 0) {
        if (!json_is_boolean(v)) return jfail(key, "not a boolean");
        if (key[0] == 's') p->strict_expiry = json_is_true(v);
        else if (strcmp(key, "allow_debug") == 0) p->allow_debug = json_is_true(v);
        else p->allow_mrservicetd = json_is_true(v);
        return WETEE_OK;
    }
    if (strcmp(key, "allow_td_attributes") == 0) return json_hex(v, p->allow_td_attributes, 8, key);
    if (strcmp(key, "isvprodid") == 0 || strcmp(key, "min_isvsvn") == 0 || strcmp(key, "min_guest_svn") == 0 ||
        strcmp(key, "guest_svn") == 0 || strcmp(key, "vmpl") == 0 || strcmp(key, "snp_min_tcb") == 0) {
        uint64_t x;
        if ((rc = json_u64(v, &x, key)) != WETEE_OK) return rc;
        if (strcmp(key, "isvprodid") == 0) return wetee_attest_policy_expect_u64(p, WETEE_ATTEST_FIELD_ISVPRODID, x);
        if (strcmp(key, "guest_svn") == 0) return wetee_attest_policy_expect_u64(p, WETEE_ATTEST_FIELD_SNP_GUEST_SVN, x);
        if (strcmp(key, "vmpl") == 0) return wetee_attest_policy_expect_u64(p, WETEE_ATTEST_FIELD_SNP_VMPL, x);
        if (strcmp(key, "min_isvsvn") == 0) return wetee_attest_policy_min_u64(p, WETEE_ATTEST_FIELD_ISVSVN, x);
        if (strcmp(key, "min_guest_svn") == 0) return wetee_attest_policy_min_u64(p, WETEE_ATTEST_FIELD_SNP_GUEST_SVN, x);
        return wetee_attest_policy_min_u64(p, WETEE_ATTEST_FIELD_SNP_REPORTED_TCB, x);
    }
    if (strcmp(key, "snp_policy_mask") == 0 || strcmp(key, "snp_policy_value") == 0) {
        uint64_t x;
        if ((rc = json_u64(v, &x, key)) != WETEE_OK) return rc;
        p->has_snp_policy_bits = 1;
        if (key[11] == 'm') p->snp_policy_mask = x;
        else p->snp_policy_value = x;
        return WETEE_OK;
    }
    if (strcmp(key, "report_data") == 0) {
        uint8_t b[64];
        size_t n;
        if (!json_is_string(v)) return jfail(key, "not hex");
        n = json_string_length(v);
        if (n >= 2 && json_string_value(v)[0] == '0' && (json_string_value(v)[1] | 0x20) == 'x') n -= 2;
        if (n == 0 || n % 2 || n > 128 || json_hex(v, b, n / 2, key) != WETEE_OK) return jfail(key, "not 1-64 bytes of hex");
        return wetee_attest_policy_bind_report_data(p, b, n / 2);
    }
    if (strcmp(key, "report_data_key") == 0) {
        json_t *h = json_object_get(v, "hash"), *k = json_object_get(v, "key");
        wetee_buf kb = WETEE_BUF_INIT;
        int hash;
        if (!json_is_string(h) || !json_is_string(k)) return jfail(key, "needs \"hash\" and \"key\" strings");
        hash = strcmp(json_string_value(h), "sha256") == 0   ? WETEE_ATTEST_HASH_SHA256
               : strcmp(json_string_value(h), "sha384") == 0 ? WETEE_ATTEST_HASH_SHA384
               : strcmp(json_string_value(h), "sha512") == 0 ? WETEE_ATTEST_HASH_SHA512
               : strcmp(json_string_value(h), "blake2b-256") == 0 ? WETEE_ATTEST_HASH_BLAKE2B_256 : 0;
        if (hash == 0) return jfail(key, "hash must be sha256, sha384, sha512 or blake2b-256");
        if (wetee_hex_decode(&kb, json_string_value(k), json_string_length(k)) != WETEE_OK || kb.len == 0) {
            wetee_buf_free(&kb);
            return jfail(key, "key is not hex");
        }
        rc = wetee_attest_policy_bind_key_hash(p, hash, kb.data, kb.len);
        wetee_buf_free(&kb);
        return rc;
    }
    if (strcmp(key, "wetee_ed25519") == 0) {
        json_t *k = json_object_get(v, "public_key"), *age = json_object_get(v, "max_age");
        uint8_t pk[32];
        uint64_t a = 0;
        if (!json_is_object(v)) return jfail(key, "not an object");
        if (k != NULL && (rc = json_hex(k, pk, 32, "wetee_ed25519.public_key")) != WETEE_OK) return rc;
        if (age != NULL && (rc = json_u64(age, &a, "wetee_ed25519.max_age")) != WETEE_OK) return rc;
        return wetee_attest_policy_bind_wetee_ed25519(p, k ? pk : NULL, a);
    }
    field = wt_attest_field_by_name(key, 0);
    if (field > 0) {
        int is_int;
        size_t n = wt_attest_field_size(field, &is_int);
        uint8_t b[64];
        if (is_int || n == 0 || n > sizeof b) return jfail(key, "not an expectable field");
        if (json_is_string(v)) {
            if ((rc = json_hex(v, b, n, key)) != WETEE_OK) return rc;
            return wetee_attest_policy_expect(p, field, b, n);
        }
        if (!json_is_array(v) || json_array_size(v) == 0) return jfail(key, "not hex or a list of hex");
        for (i = 0; i < json_array_size(v); i++) {
            if ((rc = json_hex(json_array_get(v, i), b, n, key)) != WETEE_OK) return rc;
            if ((rc = wetee_attest_policy_expect(p, field, b, n)) != WETEE_OK) return rc;
        }
        return WETEE_OK;
    }
    return jfail(key, "unknown key");
}

WETEE_API int wetee_attest_policy_from_json(wetee_attest_policy **out, const char *json, size_t len)
{
    wetee_attest_policy *p;
    json_error_t err;
    json_t *root, *v;
    const char *key;
    int rc = WETEE_OK, n_bind = 0;
    WT_ARG(out != NULL, PM, "out is NULL");
    *out = NULL;
    WT_ARG_DATA(json, len, PM);
    if (len > WETEE_ATTEST_MAX_POLICY)
        return wt_error(WETEE_ERR_TOO_LONG, "attest: policy JSON of %zu bytes is above %u", len, WETEE_ATTEST_MAX_POLICY);
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
    if (!json_is_object(root)) {
        json_decref(root);
        return wt_error(WETEE_ERR_DECODE, "attest: policy JSON: line %d column %d: %s", err.line, err.column,
                        root ? "not an object" : err.text);
    }
    if ((rc = wetee_attest_policy_new(&p)) != WETEE_OK) {
        json_decref(root);
        return rc;
    }
    json_object_foreach(root, key, v) {
        if (strcmp(key, "report_data") == 0 || strcmp(key, "report_data_key") == 0 || strcmp(key, "wetee_ed25519") == 0)
            n_bind++;
        if ((rc = policy_json_key(p, key, v)) != WETEE_OK) break;
    }
    if (rc == WETEE_OK && n_bind > 1) rc = jfail("report_data", "the REPORTDATA bindings are exclusive");
    if (rc == WETEE_OK && p->has_snp_policy_bits && (p->snp_policy_value & ~p->snp_policy_mask))
        rc = jfail("snp_policy_value", "has bits outside snp_policy_mask");
    json_decref(root);
    if (rc != WETEE_OK) {
        wetee_attest_policy_free(p);
        return rc;
    }
    *out = p;
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* Evaluation                                                          */
/* ------------------------------------------------------------------ */

static int field_tee(int field)
{
    if (field >= WETEE_ATTEST_FIELD_MRENCLAVE && field <= WETEE_ATTEST_FIELD_CPUSVN) return WETEE_ATTEST_TEE_SGX;
    if (field >= WETEE_ATTEST_FIELD_MRTD && field <= WETEE_ATTEST_FIELD_TEE_TCB_SVN2) return WETEE_ATTEST_TEE_TDX;
    if (field >= WETEE_ATTEST_FIELD_SNP_MEASUREMENT) return WETEE_ATTEST_TEE_SEV_SNP;
    return 0;
}

static int hash_bytes(int hash, const uint8_t *in, size_t n, uint8_t out[64], size_t *olen)
{
    switch (hash) {
    case WETEE_ATTEST_HASH_SHA256: SHA256(in, n, out); *olen = 32; return 0;
    case WETEE_ATTEST_HASH_SHA384: SHA384(in, n, out); *olen = 48; return 0;
    case WETEE_ATTEST_HASH_SHA512: SHA512(in, n, out); *olen = 64; return 0;
    case WETEE_ATTEST_HASH_BLAKE2B_256: crypto_generichash(out, 32, in, n, NULL, 0); *olen = 32; return 0;
    default: return -1;
    }
}

#define PFAIL(check, ...) wt_attest_fail(r, WETEE_ERR_VERIFY, check, 0, __VA_ARGS__)

int wt_attest_finish(wetee_attest_result *r, const wetee_attest_policy *p, const wt_attest_envelope *env,
                     uint64_t t)
{
    const uint8_t *rd;
    size_t off, len, i;
    unsigned implied = 0;
    uint64_t v;
    if (p == NULL) p = wt_attest_default_policy();
    if (p->tee_mask && !(p->tee_mask & (1u << r->tee)))
        return PFAIL(WETEE_ATTEST_CHECK_TEE_KIND, "TEE kind not allowed by the policy");
    for (i = 0; i < p->n_expect; i++) implied |= 1u << field_tee(p->expect[i].field);
    if (p->has_isvprodid || p->has_min_isvsvn) implied |= 1u << WETEE_ATTEST_TEE_SGX;
    if (p->has_vmpl || p->has_guest_svn || p->has_min_guest_svn || p->has_min_snp_tcb || p->has_snp_policy_bits)
        implied |= 1u << WETEE_ATTEST_TEE_SEV_SNP;
    if (implied && !(implied & (1u << r->tee)))
        return PFAIL(WETEE_ATTEST_CHECK_TEE_KIND, "the policy's expectations are for another TEE kind");
    if (r->expired && p->strict_expiry)
        return PFAIL(WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED,
                     "collateral not valid at %llu (earliest expiry %llu)", (unsigned long long)t,
                     (unsigned long long)r->earliest_expiry);
    /* debug and attributes */
    if (r->tee == WETEE_ATTEST_TEE_SGX) {
        if ((r->report[48] & 2) && !p->allow_debug) return PFAIL(WETEE_ATTEST_CHECK_DEBUG, "SGX enclave has the DEBUG attribute");
    } else if (r->tee == WETEE_ATTEST_TEE_TDX) {
        uint64_t attr = wt_load_le64(r->report + 120), allowed = wt_load_le64(p->allow_td_attributes);
        const uint64_t reserved = 0x7FFFFFFF2FFFFFFEull;
        static const uint8_t zero48[48];
        if ((attr & 1) && !p->allow_debug) return PFAIL(WETEE_ATTEST_CHECK_DEBUG, "TD has the DEBUG attribute");
        if (attr & reserved & ~allowed)
            return PFAIL(WETEE_ATTEST_CHECK_ATTRIBUTES, "TDATTRIBUTES 0x%016llx sets reserved bits",
                         (unsigned long long)attr);
        if (!(attr & (1ull << 28)) && !(allowed & (1ull << 28)))
            return PFAIL(WETEE_ATTEST_CHECK_ATTRIBUTES, "TD does not set SEPT_VE_DISABLE");
        if (r->td15 && !p->allow_mrservicetd && memcmp(r->report + 600, zero48, 48) != 0)
            return PFAIL(WETEE_ATTEST_CHECK_ATTRIBUTES, "MRSERVICETD is not zero");
        /* body type 4: a service TD bound after creation shows only here */
        if (r->report_len >= 885 && !p->allow_mrservicetd && memcmp(r->report + 829, zero48, 48) != 0)
            return PFAIL(WETEE_ATTEST_CHECK_ATTRIBUTES, "CUR_SERVTD_HASH (body type 4) is not zero");
    } else if (r->tee == WETEE_ATTEST_TEE_SEV_SNP) {
        uint64_t pol = wt_load_le64(r->report + 0x08);
        if ((pol & (1ull << 19)) && !p->allow_debug) return PFAIL(WETEE_ATTEST_CHECK_DEBUG, "SEV-SNP guest policy allows debugging");
        if (p->has_snp_policy_bits) {
            if ((pol & p->snp_policy_mask) != p->snp_policy_value)
                return PFAIL(WETEE_ATTEST_CHECK_ATTRIBUTES, "SEV-SNP POLICY 0x%llx does not match the required bits",
                             (unsigned long long)pol);
        } else if (pol & (1ull << 18)) {
            return PFAIL(WETEE_ATTEST_CHECK_ATTRIBUTES, "SEV-SNP guest policy allows a migration agent");
        }
    }
    /* TCB status and advisories */
    if (r->tcb_status < 0 || r->tcb_status >= WETEE_ATTEST_TCB_REVOKED || !(p->status_mask & (1u << r->tcb_status)))
        return PFAIL(WETEE_ATTEST_CHECK_STATUS_POLICY, "TCB status %s is not accepted by the policy",
                     wetee_attest_tcb_status_name(r->tcb_status));
    if (!p->any_advisory)
        for (i = 0; i < r->n_advisories; i++) {
            unsigned k, ok = 0;
            for (k = 0; k < p->n_advisories; k++)
                if (strcasecmp(p->advisories[k], r->advisories[i]) == 0) ok = 1;
            if (!ok) return PFAIL(WETEE_ATTEST_CHECK_ADVISORY_POLICY, "advisory %s is not accepted by the policy", r->advisories[i]);
        }
    /* measurements */
    for (i = 0; i < p->n_expect; i++) {
        const wt_expect *e = &p->expect[i];
        unsigned k, ok = 0;
        if (field_tee(e->field) != r->tee) continue;
        if (wt_attest_field_loc(r, e->field, &off, &len) != 0)
            return PFAIL(WETEE_ATTEST_CHECK_MEASUREMENT, "%s is not in this report", wt_attest_field_name(e->field));
        for (k = 0; k < e->count; k++)
            if (len == e->len && memcmp(r->report + off, e->values + k * e->len, len) == 0) ok = 1;
        if (!ok) return PFAIL(WETEE_ATTEST_CHECK_MEASUREMENT, "%s differs from the policy", wt_attest_field_name(e->field));
    }
    if (r->tee == WETEE_ATTEST_TEE_SGX) {
        if (p->has_isvprodid && wt_load_le16(r->report + 256) != p->isvprodid)
            return PFAIL(WETEE_ATTEST_CHECK_MEASUREMENT, "ISVPRODID %u is not %llu", wt_load_le16(r->report + 256),
                         (unsigned long long)p->isvprodid);
        if (p->has_min_isvsvn && wt_load_le16(r->report + 258) < p->min_isvsvn)
            return PFAIL(WETEE_ATTEST_CHECK_SVN, "ISVSVN %u is below %llu", wt_load_le16(r->report + 258),
                         (unsigned long long)p->min_isvsvn);
    }
    if (r->tee == WETEE_ATTEST_TEE_SEV_SNP) {
        if (p->has_vmpl && wt_load_le32(r->report + 0x30) != p->vmpl)
            return PFAIL(WETEE_ATTEST_CHECK_MEASUREMENT, "VMPL differs from the policy");
        if (p->has_guest_svn && wt_load_le32(r->report + 4) != p->guest_svn)
            return PFAIL(WETEE_ATTEST_CHECK_MEASUREMENT, "GUEST_SVN differs from the policy");
        if (p->has_min_guest_svn && wt_load_le32(r->report + 4) < p->min_guest_svn)
            return PFAIL(WETEE_ATTEST_CHECK_SVN, "GUEST_SVN is below the policy's minimum");
        if (p->has_min_snp_tcb) {
            unsigned k;
            for (k = 0; k < 8; k++)
                if (r->report[0x180 + k] < (uint8_t)(p->min_snp_tcb >> (8 * k)))
                    return PFAIL(WETEE_ATTEST_CHECK_SVN, "REPORTED_TCB byte %u is below the policy's minimum", k);
        }
    }
    /* REPORTDATA binding */
    if (wt_attest_field_loc(r, WETEE_ATTEST_FIELD_REPORT_DATA, &off, &len) != 0)
        return PFAIL(WETEE_ATTEST_CHECK_REPORT_DATA, "no REPORTDATA");
    rd = r->report + off;
    switch (p->bind) {
    case WT_BIND_VALUE:
        for (i = 0; i < 64; i++)
            if (rd[i] != (i < p->bind_value_len ? p->bind_value[i] : 0))
                return PFAIL(WETEE_ATTEST_CHECK_REPORT_DATA, "REPORTDATA byte %zu differs from the expected value", i);
        break;
    case WT_BIND_KEY_HASH: {
        uint8_t h[64];
        size_t hl = 0;
        hash_bytes(p->bind_hash, p->bind_key, p->bind_key_len, h, &hl);
        for (i = 0; i < 64; i++)
            if (rd[i] != (i < hl ? h[i] : 0))
                return PFAIL(WETEE_ATTEST_CHECK_REPORT_DATA, "REPORTDATA is not the hash of the given key (byte %zu)", i);
        if (p->bind_key_len <= sizeof r->bound_key) {
            memcpy(r->bound_key, p->bind_key, p->bind_key_len);
            r->bound_key_len = p->bind_key_len;
        }
        break;
    }
    case WT_BIND_WETEE_ED25519: {
        uint8_t head[40];
        crypto_sign_ed25519ph_state st;
        if (env == NULL || !env->present)
            return PFAIL(WETEE_ATTEST_CHECK_REPORT_DATA, "WeTEE binding needs an evidence envelope with timestamp, "
                         "public_key and message");
        if (p->bind_ed25519_has_key && sodium_memcmp(p->bind_ed25519_key, env->public_key, 32) != 0)
            return PFAIL(WETEE_ATTEST_CHECK_REPORT_DATA, "the envelope's public key is not the expected key");
        if (env->timestamp > t + 60)
            return PFAIL(WETEE_ATTEST_CHECK_REPORT_DATA, "envelope timestamp lies in the future");
        if (p->bind_max_age && t > env->timestamp && t - env->timestamp > p->bind_max_age)
            return PFAIL(WETEE_ATTEST_CHECK_REPORT_DATA, "envelope timestamp is older than %llu s",
                         (unsigned long long)p->bind_max_age);
        (void)st;
        for (i = 0; i < 8; i++) head[i] = (uint8_t)(env->timestamp >> (56 - 8 * i));
        memcpy(head + 8, env->public_key, 32);
        {
            size_t mlen = 40 + env->message_len;
            uint8_t *m = wt_malloc(mlen);
            int ok;
            if (m == NULL) return wt_attest_fail(r, WETEE_ERR_NO_MEMORY, WETEE_ATTEST_CHECK_REPORT_DATA, 0, "out of memory");
            memcpy(m, head, 40);
            if (env->message_len) memcpy(m + 40, env->message, env->message_len);
            if (wt_sodium_ready("attest") != WETEE_OK) { wt_free(m); return WETEE_ERR_CRYPTO; }
            /* WeTEE's signer (ink.go Signer.Sign) signs BLAKE2b-256 of messages over 256 bytes */
            if (mlen > 256) {
                uint8_t h[32];
                crypto_generichash(h, sizeof h, m, mlen, NULL, 0);
                ok = crypto_sign_ed25519_verify_detached(rd, h, sizeof h, env->public_key) == 0;
            } else {
                ok = crypto_sign_ed25519_verify_detached(rd, m, mlen, env->public_key) == 0;
            }
            wt_free(m);
            if (!ok)
                return PFAIL(WETEE_ATTEST_CHECK_REPORT_DATA, "REPORTDATA is not an Ed25519 signature by the envelope's "
                             "key over BE_u64(timestamp) || key || message (BLAKE2b-256 of it above 256 bytes)");
        }
        memcpy(r->bound_key, env->public_key, 32);
        r->bound_key_len = 32;
        break;
    }
    case WT_BIND_CALLBACK:
        if (p->bind_fn(rd, r, p->bind_ctx) != 0)
            return PFAIL(WETEE_ATTEST_CHECK_REPORT_DATA, "the caller's REPORTDATA check rejected it");
        break;
    default:
        break;
    }
    (void)v;
    r->verdict = WETEE_ATTEST_ACCEPT;
    r->failed_check = WETEE_ATTEST_CHECK_NONE;
    r->reason[0] = 0;
    return WETEE_OK;
}
