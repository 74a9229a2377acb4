/* Attested secret sealing (include/wetee/seal.h): a recipient is an
 * attestation result plus the X25519 key its REPORTDATA binding
 * established; secrets are libsodium sealed boxes to that key. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "internal/attest.h"
#include "internal/common.h"
#include "wetee/seal.h"

#define M "seal"

struct wetee_seal_recipient {
    wetee_attest_result *result;
    int accepted;
    int failed_check;
    char reason[512];
    int has_key;
    int bound_kind;         /* wetee_seal_key_kind of bound_key */
    uint8_t bound_key[32];  /* as bound */
    uint8_t x25519[32];     /* what secrets are sealed to */
};

WETEE_API size_t wetee_seal_key_bytes(void) { return WETEE_SEAL_KEY_BYTES; }
WETEE_API size_t wetee_seal_overhead(void) { return WETEE_SEAL_OVERHEAD; }
WETEE_API size_t wetee_seal_max_secret(void) { return WETEE_SEAL_MAX_SECRET; }

/* 0 when `pk` is an X25519 key of large order (a product with a clamped
 * scalar is not the identity). */
static int x25519_usable(const uint8_t pk[32])
{
    static const uint8_t probe[32] = {9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                                      16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};
    uint8_t q[32];
    int rc = crypto_scalarmult(q, probe, pk);
    sodium_memzero(q, sizeof q);
    return rc == 0 ? 0 : -1;
}

static int to_x25519(uint8_t out[32], const uint8_t key[32], int kind)
{
    if (kind == WETEE_SEAL_KEY_ED25519) {
        if (crypto_sign_ed25519_pk_to_curve25519(out, key) != 0)
            return wt_error(WETEE_ERR_CRYPTO, "seal: the Ed25519 key is not a valid point of large order");
    } else if (kind == WETEE_SEAL_KEY_X25519) {
        memcpy(out, key, 32);
    } else {
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "seal: unknown key kind %d", kind);
    }
    if (x25519_usable(out) != 0) return wt_error(WETEE_ERR_CRYPTO, "seal: the X25519 key is of small order");
    return WETEE_OK;
}

/* Refuse with "<check>: <detail>" (the attestation's reasons already start
 * with their check's name). */
static int refuse(wetee_seal_recipient *r, int check, const char *detail)
{
    const char *name = wetee_attest_check_name(check);
    size_t n = strlen(name);
    r->accepted = 0;
    r->failed_check = check;
    if (strncmp(detail, name, n) == 0 && detail[n] == ':')
        snprintf(r->reason, sizeof r->reason, "%s", detail);
    else
        snprintf(r->reason, sizeof r->reason, "%s: %s", name, detail);
    return wt_error(WETEE_ERR_VERIFY, "seal: refused: %s", r->reason);
}

WETEE_API int wetee_seal_verify(wetee_seal_recipient **out, const uint8_t *evidence, size_t len,
                                wetee_attest_collateral *coll, const wetee_attest_anchors *anchors,
                                const wetee_attest_policy *policy, int key_source, uint64_t time)
{
    wetee_seal_recipient *r;
    const uint8_t *k;
    size_t kl;
    int rc, bind = policy ? policy->bind : WT_BIND_NONE;
    WT_ARG(out != NULL, M, "out is NULL");
    *out = NULL;
    WT_ARG(evidence != NULL, M, "evidence is NULL");
    WT_ARG_LEN(len, M);
    WT_ARG(key_source >= WETEE_SEAL_SOURCE_BOUND_ED25519 && key_source <= WETEE_SEAL_SOURCE_REPORT_DATA_X25519, M,
           "unknown key_source");
    if ((rc = wt_sodium_ready(M)) != WETEE_OK) return rc;
    if ((r = wt_calloc(1, sizeof *r)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "seal: out of memory");
    rc = wetee_attest_verify_evidence(&r->result, evidence, len, coll, anchors, policy, time);
    if (r->result == NULL) {
        wt_free(r);
        return rc;
    }
    *out = r;
    if (rc != WETEE_OK || wetee_attest_result_verdict(r->result) != WETEE_ATTEST_ACCEPT) {
        int check = wetee_attest_result_failed_check(r->result);
        refuse(r, check ? check : WETEE_ATTEST_CHECK_PARSE, wetee_attest_result_reason(r->result));
        return rc != WETEE_OK ? rc : WETEE_ERR_VERIFY;
    }
    switch (key_source) {
    case WETEE_SEAL_SOURCE_BOUND_ED25519:
    case WETEE_SEAL_SOURCE_BOUND_X25519:
        if (bind != WT_BIND_WETEE_ED25519 && bind != WT_BIND_KEY_HASH)
            return refuse(r, WETEE_ATTEST_CHECK_REPORT_DATA, "the policy binds no key to REPORTDATA "
                          "(bind it with WeTEE's Ed25519 scheme or a hash of the key)");
        if (key_source == WETEE_SEAL_SOURCE_BOUND_X25519 && bind == WT_BIND_WETEE_ED25519)
            return refuse(r, WETEE_ATTEST_CHECK_REPORT_DATA, "WeTEE's binding binds an Ed25519 key, not an X25519 key");
        if (wetee_attest_result_bound_key(r->result, &k, &kl) != WETEE_OK || kl != 32)
            return refuse(r, WETEE_ATTEST_CHECK_REPORT_DATA, "the bound key is not 32 bytes");
        r->bound_kind = key_source == WETEE_SEAL_SOURCE_BOUND_X25519 ? WETEE_SEAL_KEY_X25519 : WETEE_SEAL_KEY_ED25519;
        break;
    default:
        if (wetee_attest_result_field(r->result, WETEE_ATTEST_FIELD_REPORT_DATA, &k, &kl) != WETEE_OK || kl < 32)
            return refuse(r, WETEE_ATTEST_CHECK_REPORT_DATA, "the evidence has no REPORTDATA");
        r->bound_kind = WETEE_SEAL_KEY_X25519;
        break;
    }
    memcpy(r->bound_key, k, 32);
    if (to_x25519(r->x25519, r->bound_key, r->bound_kind) != WETEE_OK)
        return refuse(r, WETEE_ATTEST_CHECK_REPORT_DATA,
                      r->bound_kind == WETEE_SEAL_KEY_ED25519
                          ? "the bound key cannot be sealed to: not a valid Ed25519 point of large order"
                          : "the bound key cannot be sealed to: an X25519 key of small order");
    r->has_key = 1;
    r->accepted = 1;
    r->failed_check = WETEE_ATTEST_CHECK_NONE;
    r->reason[0] = 0;
    return WETEE_OK;
}

WETEE_API void wetee_seal_recipient_free(wetee_seal_recipient *rec)
{
    if (rec == NULL) return;
    wetee_attest_result_free(rec->result);
    wt_free_secure(rec, sizeof *rec);
}

WETEE_API int wetee_seal_recipient_accepted(const wetee_seal_recipient *rec) { return rec != NULL && rec->accepted; }

WETEE_API int wetee_seal_recipient_failed_check(const wetee_seal_recipient *rec)
{
    return rec == NULL ? WETEE_ATTEST_CHECK_PARSE : rec->failed_check;
}

WETEE_API const char *wetee_seal_recipient_reason(const wetee_seal_recipient *rec)
{
    return rec == NULL ? "no recipient" : rec->reason;
}

WETEE_API const wetee_attest_result *wetee_seal_recipient_result(const wetee_seal_recipient *rec)
{
    return rec == NULL ? NULL : rec->result;
}

WETEE_API int wetee_seal_recipient_bound_key(const wetee_seal_recipient *rec, const uint8_t **key, size_t *len,
                                             int *kind)
{
    WT_ARG(rec != NULL && key != NULL && len != NULL, M, "rec, key or len is NULL");
    if (!rec->has_key) return wt_error(WETEE_ERR_NOT_FOUND, "seal: no key established: %s", rec->reason);
    *key = rec->bound_key;
    *len = 32;
    if (kind) *kind = rec->bound_kind;
    return WETEE_OK;
}

static int check_accepted(const wetee_seal_recipient *rec)
{
    if (!rec->accepted) return wt_error(WETEE_ERR_VERIFY, "seal: refused: %s", rec->reason);
    return WETEE_OK;
}

WETEE_API int wetee_seal_recipient_public_key(uint8_t out[WETEE_SEAL_KEY_BYTES], const wetee_seal_recipient *rec)
{
    int rc;
    WT_ARG(out != NULL && rec != NULL, M, "out or rec is NULL");
    if ((rc = check_accepted(rec)) != WETEE_OK) return rc;
    memcpy(out, rec->x25519, 32);
    return WETEE_OK;
}

/* Seal into a fresh buffer, then replace `out` (its old block may hold
 * the secret itself: it is wiped). */
static int seal_raw(wetee_buf *out, const uint8_t pk[32], const uint8_t *secret, size_t len)
{
    wetee_buf tmp = WETEE_BUF_INIT;
    int rc;
    if (len > WETEE_SEAL_MAX_SECRET)
        return wt_error(WETEE_ERR_TOO_LONG, "seal: secret of %zu bytes is above the limit of %u bytes", len,
                        WETEE_SEAL_MAX_SECRET);
    if ((rc = wt_sodium_ready(M)) != WETEE_OK) return rc;
    if ((rc = wt_buf_grow(&tmp, len + crypto_box_SEALBYTES)) != WETEE_OK) return rc;
    if (crypto_box_seal(tmp.data, len ? secret : (const uint8_t *)"", len, pk) != 0) {
        wetee_buf_free_secure(&tmp);
        return wt_error(WETEE_ERR_CRYPTO, "seal: crypto_box_seal failed (key of small order)");
    }
    tmp.len = len + crypto_box_SEALBYTES;
    wetee_buf_free_secure(out);
    *out = tmp;
    return WETEE_OK;
}

WETEE_API int wetee_seal_to(wetee_buf *out, const wetee_seal_recipient *rec, const uint8_t *secret, size_t len)
{
    int rc;
    WT_ARG(out != NULL && rec != NULL, M, "out or rec is NULL");
    WT_ARG_DATA(secret, len, M);
    if ((rc = check_accepted(rec)) != WETEE_OK) return rc;
    return seal_raw(out, rec->x25519, secret, len);
}

WETEE_API int wetee_seal_to_key(wetee_buf *out, const uint8_t key[WETEE_SEAL_KEY_BYTES], int key_kind,
                                const uint8_t *secret, size_t len)
{
    uint8_t pk[32];
    int rc;
    WT_ARG(out != NULL && key != NULL, M, "out or key is NULL");
    WT_ARG_DATA(secret, len, M);
    if ((rc = wt_sodium_ready(M)) != WETEE_OK) return rc;
    if ((rc = to_x25519(pk, key, key_kind)) != WETEE_OK) return rc;
    return seal_raw(out, pk, secret, len);
}

WETEE_API int wetee_seal_x25519_public(uint8_t out[WETEE_SEAL_KEY_BYTES], const uint8_t key[WETEE_SEAL_KEY_BYTES],
                                       int key_kind)
{
    int rc;
    WT_ARG(out != NULL && key != NULL, M, "out or key is NULL");
    if ((rc = wt_sodium_ready(M)) != WETEE_OK) return rc;
    if (key_kind == WETEE_SEAL_KEY_ED25519) return to_x25519(out, key, key_kind);
    WT_ARG(key_kind == WETEE_SEAL_KEY_X25519, M, "unknown key_kind");
    if (crypto_scalarmult_base(out, key) != 0) return wt_error(WETEE_ERR_CRYPTO, "seal: X25519 secret key is zero");
    return WETEE_OK;
}

WETEE_API int wetee_seal_open(wetee_buf *out, const uint8_t *sealed, size_t len, const uint8_t *secret_key,
                              size_t secret_key_len, int key_kind)
{
    uint8_t sk[32], pk[32], edpk[32], edsk[64];
    wetee_buf tmp = WETEE_BUF_INIT;
    size_t n;
    int rc;
    WT_ARG(out != NULL && secret_key != NULL, M, "out or secret_key is NULL");
    WT_ARG_DATA(sealed, len, M);
    WT_ARG(key_kind == WETEE_SEAL_KEY_ED25519 || key_kind == WETEE_SEAL_KEY_X25519, M, "unknown key_kind");
    WT_ARG(secret_key_len == 32 || (key_kind == WETEE_SEAL_KEY_ED25519 && secret_key_len == 64), M,
           "secret_key_len must be 32 (or 64 for an Ed25519 secret key)");
    if (len < crypto_box_SEALBYTES)
        return wt_error(WETEE_ERR_TRUNCATED, "seal: sealed box of %zu bytes is shorter than its %u-byte overhead", len,
                        (unsigned)crypto_box_SEALBYTES);
    if (len - crypto_box_SEALBYTES > WETEE_SEAL_MAX_SECRET)
        return wt_error(WETEE_ERR_TOO_LONG, "seal: sealed box of %zu bytes is above the limit", len);
    if ((rc = wt_sodium_ready(M)) != WETEE_OK) return rc;
    if (key_kind == WETEE_SEAL_KEY_ED25519) {
        /* libsodium derives the X25519 scalar from the seed half only */
        if (secret_key_len == 32) {
            crypto_sign_seed_keypair(edpk, edsk, secret_key);
        } else {
            memcpy(edsk, secret_key, 64);
        }
        rc = crypto_sign_ed25519_sk_to_curve25519(sk, edsk);
        sodium_memzero(edsk, sizeof edsk);
        if (rc != 0) return wt_error(WETEE_ERR_CRYPTO, "seal: Ed25519 secret key conversion failed");
    } else {
        memcpy(sk, secret_key, 32);
    }
    if (crypto_scalarmult_base(pk, sk) != 0) {
        sodium_memzero(sk, sizeof sk);
        return wt_error(WETEE_ERR_CRYPTO, "seal: X25519 secret key is zero");
    }
    n = len - crypto_box_SEALBYTES;
    if ((rc = wt_buf_grow(&tmp, n)) != WETEE_OK) {
        sodium_memzero(sk, sizeof sk);
        return rc;
    }
    rc = crypto_box_seal_open(tmp.data, sealed, len, pk, sk);
    sodium_memzero(sk, sizeof sk);
    if (rc != 0) {
        wetee_buf_free_secure(&tmp);
        return wt_error(WETEE_ERR_VERIFY, "seal: the sealed box does not open with this key (not sealed to it, or "
                        "altered)");
    }
    tmp.len = n;
    wetee_buf_free_secure(out);
    *out = tmp;
    return WETEE_OK;
}
