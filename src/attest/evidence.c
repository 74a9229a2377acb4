/* Evidence entry points: wetee_attest_verify_quote() and
 * wetee_attest_verify_evidence() (kind detection, envelopes). */
#include <string.h>

#include <jansson.h>

#include "internal/attest.h"
#include "internal/attest_dcap.h"

/* Open Enclave / EGo remote report header: version u32 = 1, type u32 = 2
 * (remote), report_size u64, then the SGX quote. */
#define OE_HEADER 16

/* 1 when the bytes start like an Open Enclave report, a SEV-SNP report or
 * a DCAP quote (the checks wt_attest_verify_raw dispatches on). */
static int raw_form(const uint8_t *ev, size_t len)
{
    return (len >= OE_HEADER + 48 && wt_load_le32(ev) == 1 && wt_load_le32(ev + 4) == 2 &&
            wt_load_le64(ev + 8) == len - OE_HEADER) ||
           wt_attest_snp_is_report(ev, len) ||
           (len >= 4 && wt_load_le16(ev + 2) == 2 && wt_load_le16(ev) >= 3 && wt_load_le16(ev) <= 5);
}

static int start(wetee_attest_result **out, wetee_attest_result **r)
{
    *out = NULL;
    if ((*r = wt_attest_result_new()) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    *out = *r;
    return WETEE_OK;
}

WETEE_API int wetee_attest_verify_quote(wetee_attest_result **out, const uint8_t *quote, size_t len,
                                        wetee_attest_collateral *coll, const wetee_attest_anchors *anchors,
                                        const wetee_attest_policy *policy, uint64_t time)
{
    wetee_attest_result *r;
    int rc;
    WT_ARG(out != NULL, "attest", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(quote, len, "attest");
    WT_ARG(coll != NULL, "attest", "coll is NULL");
    if (anchors == NULL && (anchors = wt_attest_default_anchors()) == NULL)
        return wt_error(WETEE_ERR_NO_MEMORY, "attest: built-in anchors");
    if ((rc = start(out, &r)) != WETEE_OK) return rc;
    if (coll->fetcher != NULL) { /* collateral from the fetcher (attest_fetch.h) */
        wetee_attest_collateral *got;
        if ((rc = wt_attest_fetched(&got, coll->fetcher, r, WETEE_ATTEST_TEE_SGX, quote, len, time)) != WETEE_OK)
            return rc;
        rc = wt_dcap_verify(r, quote, len, got, anchors, policy, NULL, time);
        wetee_attest_collateral_free(got);
        return rc;
    }
    return wt_dcap_verify(r, quote, len, coll, anchors, policy, NULL, time);
}

static int verify_kind(wetee_attest_result *r, const uint8_t *ev, size_t len, wetee_attest_collateral *coll,
                       const wetee_attest_anchors *anchors, const wetee_attest_policy *policy,
                       const wt_attest_envelope *env, uint64_t time);

int wt_attest_verify_raw(wetee_attest_result *r, const uint8_t *ev, size_t len, wetee_attest_collateral *coll,
                         const wetee_attest_anchors *anchors, const wetee_attest_policy *policy,
                         const wt_attest_envelope *env, uint64_t time)
{
    wetee_attest_collateral *got = NULL;
    int rc, snp;
    /* WeTEE's TeeCall and go-sev-guest's sevsnp.Attestation (protobuf,
     * evidence_pb.c): anything that starts like none of the binary forms;
     * the evidence inside comes back here (and is fetched for) */
    if (!raw_form(ev, len)) return wt_attest_pb_verify(r, ev, len, coll, anchors, policy, env, time, env != NULL);
    if (coll == NULL || coll->fetcher == NULL) return verify_kind(r, ev, len, coll, anchors, policy, env, time);
    /* a fetching collateral (attest_fetch.h): collateral for this evidence */
    if (len >= OE_HEADER + 48 && wt_load_le32(ev) == 1 && wt_load_le32(ev + 4) == 2 &&
        wt_load_le64(ev + 8) == len - OE_HEADER) {
        ev += OE_HEADER;
        len -= OE_HEADER;
    }
    snp = wt_attest_snp_is_report(ev, len);
    if (snp || (len >= 4 && wt_load_le16(ev + 2) == 2 && wt_load_le16(ev) >= 3 && wt_load_le16(ev) <= 5)) {
        rc = wt_attest_fetched(&got, coll->fetcher, r, snp ? WETEE_ATTEST_TEE_SEV_SNP : WETEE_ATTEST_TEE_SGX, ev, len,
                               time);
        if (rc != WETEE_OK) return rc;
        coll = got;
    }
    rc = verify_kind(r, ev, len, coll, anchors, policy, env, time);
    wetee_attest_collateral_free(got);
    return rc;
}

static int verify_kind(wetee_attest_result *r, const uint8_t *ev, size_t len, wetee_attest_collateral *coll,
                      const wetee_attest_anchors *anchors, const wetee_attest_policy *policy,
                      const wt_attest_envelope *env, uint64_t time)
{
    /* a SEV-SNP report followed by its certificate table carries its collateral */
    if (coll == NULL && !(len > 0x4A0 && wt_attest_snp_is_report(ev, len)))
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_COLLATERAL, 0xE002,
                              "no collateral given and none in the evidence");
    if (len >= OE_HEADER + 48 && wt_load_le32(ev) == 1 && wt_load_le32(ev + 4) == 2 &&
        wt_load_le64(ev + 8) == len - OE_HEADER)
        return wt_dcap_verify(r, ev + OE_HEADER, len - OE_HEADER, coll, anchors, policy, env, time);
    if (wt_attest_snp_is_report(ev, len))
        return wt_attest_snp_verify(r, ev, len, coll, anchors, policy, env, time);
    if (len >= 4 && wt_load_le16(ev + 2) == 2 && wt_load_le16(ev) >= 3 && wt_load_le16(ev) <= 5)
        return wt_dcap_verify(r, ev, len, coll, anchors, policy, env, time);
    return wt_attest_fail(r, WETEE_ERR_DECODE, WETEE_ATTEST_CHECK_PARSE, 0xE002,
                          "evidence of %zu bytes is neither a DCAP quote, an Open Enclave report, a SEV-SNP report "
                          "nor a JSON envelope", len);
}

static int decode_bin(wetee_buf *out, json_t *v)
{
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (wetee_hex_decode(out, s, n) == WETEE_OK) return WETEE_OK;
    return wetee_base64_decode(out, s, n, 0);
}

WETEE_API int wetee_attest_verify_evidence(wetee_attest_result **out, const uint8_t *ev, size_t len,
                                           wetee_attest_collateral *coll, const wetee_attest_anchors *anchors,
                                           const wetee_attest_policy *policy, uint64_t time)
{
    wetee_attest_result *r;
    wt_attest_envelope env;
    wetee_buf evidence = WETEE_BUF_INIT, msg = WETEE_BUF_INIT;
    wetee_attest_collateral *own = NULL;
    json_t *root = NULL, *v;
    json_error_t err;
    size_t i = 0;
    int rc;
    WT_ARG(out != NULL, "attest", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(ev, len, "attest");
    if (anchors == NULL && (anchors = wt_attest_default_anchors()) == NULL)
        return wt_error(WETEE_ERR_NO_MEMORY, "attest: built-in anchors");
    if ((rc = start(out, &r)) != WETEE_OK) return rc;
    if (len > WETEE_ATTEST_MAX_EVIDENCE + WETEE_ATTEST_MAX_COLLATERAL_ITEM)
        return wt_attest_fail(r, WETEE_ERR_TOO_LONG, WETEE_ATTEST_CHECK_PARSE, 0xE002,
                              "evidence of %zu bytes is above the limit", len);
    memset(&env, 0, sizeof env);
    while (i < len && (ev[i] == ' ' || ev[i] == '\n' || ev[i] == '\r' || ev[i] == '\t')) i++;
    if (i == len || ev[i] != '{') {
        if (len > WETEE_ATTEST_MAX_EVIDENCE)
            return wt_attest_fail(r, WETEE_ERR_TOO_LONG, WETEE_ATTEST_CHECK_PARSE, 0xE002,
                                  "evidence of %zu bytes is above the limit of %u", len, WETEE_ATTEST_MAX_EVIDENCE);
        return wt_attest_verify_raw(r, ev, len, coll, anchors, policy, NULL, time);
    }
    root = json_loadb((const char *)ev, len, JSON_REJECT_DUPLICATES, &err);
    if (!json_is_object(root)) {
        rc = wt_attest_fail(r, WETEE_ERR_DECODE, WETEE_ATTEST_CHECK_PARSE, 0xE002, "evidence JSON: line %d: %s",
                            err.line, root ? "not an object" : err.text);
        goto done;
    }
    v = json_object_get(root, "evidence");
    if (!json_is_string(v) || decode_bin(&evidence, v) != WETEE_OK || evidence.len > WETEE_ATTEST_MAX_EVIDENCE) {
        rc = wt_attest_fail(r, WETEE_ERR_DECODE, WETEE_ATTEST_CHECK_PARSE, 0xE002,
                            "evidence JSON: \"evidence\" is not hex or base64 of at most %u bytes",
                            WETEE_ATTEST_MAX_EVIDENCE);
        goto done;
    }
    v = json_object_get(root, "public_key");
    if (v != NULL) {
        json_t *ts = json_object_get(root, "timestamp"), *m = json_object_get(root, "message");
        if (!json_is_string(v) || wetee_hex_decode_exact(env.public_key, 32, json_string_value(v), json_string_length(v)) ||
            !json_is_integer(ts) || json_integer_value(ts) < 0 ||
            (m != NULL && (!json_is_string(m) || wetee_hex_decode(&msg, json_string_value(m), json_string_length(m))))) {
            rc = wt_attest_fail(r, WETEE_ERR_DECODE, WETEE_ATTEST_CHECK_PARSE, 0xE002,
                                "evidence JSON: \"public_key\" (32 bytes hex), \"timestamp\" (integer) or "
                                "\"message\" (hex) malformed");
            goto done;
        }
        env.present = 1;
        env.timestamp = (uint64_t)json_integer_value(ts);
        env.message = msg.data;
        env.message_len = msg.len;
    }
    v = json_object_get(root, "collateral");
    if (coll == NULL && v != NULL) {
        if ((rc = wetee_attest_collateral_new(&own)) != WETEE_OK) goto done;
        if ((rc = wt_attest_collateral_from_object(own, v)) != WETEE_OK) {
            rc = wt_attest_fail(r, rc, WETEE_ATTEST_CHECK_COLLATERAL, 0xE002, "%s", wetee_last_error());
            goto done;
        }
        coll = own;
    }
    rc = wt_attest_verify_raw(r, evidence.data, evidence.len, coll, anchors, policy, &env, time);
done:
    json_decref(root);
    wetee_buf_free(&evidence);
    wetee_buf_free(&msg);
    wetee_attest_collateral_free(own);
    return rc;
}
