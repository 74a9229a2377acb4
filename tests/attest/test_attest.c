/* Attestation tests: the shared DCAP samples verify with the verdicts of
 * attestation.md §7 inside their windows and fail as expired outside;
 * negative tests for every signed region, trust anchors, CRLs, QE identity,
 * TDX module identity, TCB components, debug, policy and malformed input. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "forge.h"
#include "samples.h"
#include "wt_test.h"

/* Verify with a fresh collateral object; returns the call's code. */
static int verify(wetee_attest_result **res, const uint8_t *q, size_t qlen, const char *coll, size_t clen,
                  const wetee_attest_policy *pol, uint64_t t)
{
    wetee_attest_collateral *c = NULL;
    int rc = wetee_attest_collateral_from_json(&c, coll, clen);
    if (rc != WETEE_OK) {
        *res = NULL;
        return rc;
    }
    rc = wetee_attest_verify_quote(res, q, qlen, c, NULL, pol, t);
    wetee_attest_collateral_free(c);
    return rc;
}

WT_TEST(sgx_sample)
{
    sample s;
    wetee_attest_result *r = NULL;
    wetee_attest_policy *accept;
    const uint8_t *f;
    size_t n;
    uint64_t v;
    if (load_sample(&s, "sgx") != 0) WT_SKIP("attestation/sgx not found");
    /* strict default policy: the status is not UpToDate -> reject with the verdict kept */
    CHECK_ERR(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, NULL, 1751000000), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_SGX);
    CHECK(wetee_attest_result_status_code(r) == 0xA008);
    CHECK(wetee_attest_result_tcb_status(r) == WETEE_ATTEST_TCB_CONFIGURATION_AND_SW_HARDENING_NEEDED);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_STATUS_POLICY);
    CHECK(wetee_attest_result_advisory_count(r) == 2);
    CHECK_STR(wetee_attest_result_advisory(r, 0), "INTEL-SA-00289");
    CHECK_STR(wetee_attest_result_advisory(r, 1), "INTEL-SA-00615");
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_MRENCLAVE, &f, &n));
    CHECK_HEX(f, n, "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb");
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_MRSIGNER, &f, &n));
    CHECK_HEX(f, n, "815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6");
    CHECK_OK(wetee_attest_result_u64(r, WETEE_ATTEST_FIELD_ISVSVN, &v));
    CHECK(v == 0);
    wetee_attest_result_free(r);
    /* accepting the status and its advisories */
    accept = policy_json("{\"accept_status\": [\"ConfigurationAndSWHardeningNeeded\"],"
                         " \"accept_advisories\": [\"INTEL-SA-00289\", \"INTEL-SA-00615\"],"
                         " \"mrenclave\": \"33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb\"}");
    CHECK_OK(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, accept, 1751000000));
    CHECK(wetee_attest_result_verdict(r) == WETEE_ATTEST_ACCEPT);
    if (wetee_attest_result_verdict(r) != WETEE_ATTEST_ACCEPT) fprintf(stderr, "reason: %s\n", wetee_attest_result_reason(r));
    wetee_attest_result_free(r);
    /* window edges */
    CHECK_OK(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, accept, 1750330571));
    wetee_attest_result_free(r);
    CHECK_OK(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, accept, 1752919278));
    wetee_attest_result_free(r);
    CHECK_ERR(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, accept, 1750330570), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED);
    wetee_attest_result_free(r);
    CHECK_ERR(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, accept, 1752919279), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED);
    wetee_attest_result_free(r);
    wetee_attest_policy_free(accept);
    free_sample(&s);
}

WT_TEST(tdx_sample)
{
    sample s;
    wetee_attest_result *r = NULL;
    if (load_sample(&s, "tdx") != 0) WT_SKIP("attestation/tdx not found");
    CHECK_OK(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, NULL, 1751000000));
    if (wetee_attest_result_verdict(r) != WETEE_ATTEST_ACCEPT) fprintf(stderr, "reason: %s\n", wetee_attest_result_reason(r));
    CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_TDX);
    CHECK(wetee_attest_result_status_code(r) == 0x0000);
    CHECK(wetee_attest_result_advisory_count(r) == 0);
    wetee_attest_result_free(r);
    free_sample(&s);
}

WT_TEST(tdx_outdated_sample)
{
    sample s;
    wetee_attest_result *r = NULL;
    if (load_sample(&s, "tdx-outdated") != 0) WT_SKIP("attestation/tdx-outdated not found");
    CHECK_ERR(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, NULL, 1772000000), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_status_code(r) == 0xE066);
    CHECK(wetee_attest_result_tcb_status(r) == WETEE_ATTEST_TCB_UNKNOWN ||
          wetee_attest_result_tcb_status(r) == WETEE_ATTEST_TCB_NOT_SUPPORTED);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_TCB_LEVEL);
    fprintf(stderr, "reason: %s\n", wetee_attest_result_reason(r));
    wetee_attest_result_free(r);
    free_sample(&s);
}


/* Every byte of the quote's signed region, the attestation key, the QE
 * report and its signature, flipped: never accepted, and each flip fails
 * at the check that covers that byte. One collateral object (cached). */
static void flip_all(const char *dir, uint64_t t, size_t body_end, size_t att_off, size_t qe_off)
{
    sample s;
    wetee_attest_collateral *c = NULL;
    wetee_attest_policy *any = policy_json("{\"accept_status\": [\"ConfigurationAndSWHardeningNeeded\"], "
                                           "\"accept_advisories\": \"*\"}");
    size_t i, bad = 0;
    if (load_sample(&s, dir) != 0) {
        wetee_attest_policy_free(any);
        printf("SKIP flip %s: sample not found\n", dir);
        return;
    }
    CHECK_OK(wetee_attest_collateral_from_json(&c, s.coll, s.coll_len));
    for (i = 0; i < qe_off + 384 + 64; i++) {
        wetee_attest_result *r = NULL;
        int rc, fc, want;
        if (i >= body_end && i < att_off - 64) continue; /* signature length */
        if (i >= att_off + 64 && i < qe_off) continue;  /* outer cert-data header */
        s.quote[i] ^= 0x01;
        rc = wetee_attest_verify_quote(&r, s.quote, s.quote_len, c, NULL, any, t);
        s.quote[i] ^= 0x01;
        fc = wetee_attest_result_failed_check(r);
        if (i < body_end) /* header and body: parse error, vendor, or the quote signature */
            want = (i < 12 || (i >= 48 && i < 54 && body_end > 632)) ? fc : (i >= 12 && i < 28) ? WETEE_ATTEST_CHECK_QE_VENDOR
                                                                                            : WETEE_ATTEST_CHECK_QUOTE_SIGNATURE;
        else if (i < att_off) want = WETEE_ATTEST_CHECK_QUOTE_SIGNATURE;       /* the signature */
        else if (i < att_off + 64) want = WETEE_ATTEST_CHECK_ATTESTATION_KEY;  /* binding fails first */
        else want = WETEE_ATTEST_CHECK_QE_REPORT_SIGNATURE;                   /* QE report and its signature */
        if (rc == WETEE_OK || fc != want || (i < 12 && fc == WETEE_ATTEST_CHECK_NONE)) {
            bad++;
            if (bad < 5)
                fprintf(stderr, "%s byte %zu: rc %d check %s (%s)\n", dir, i, rc, wetee_attest_check_name(fc),
                        wetee_attest_result_reason(r));
        }
        wetee_attest_result_free(r);
    }
    CHECK(bad == 0);
    wetee_attest_collateral_free(c);
    wetee_attest_policy_free(any);
    free_sample(&s);
}

WT_TEST(flip_signed_quote_bytes)
{
    flip_all("sgx", 1751000000, 432, 500, 564);
    flip_all("tdx", 1751000000, 632, 700, 770);
}

/* One character of the signed JSON (tcb_info, qe_identity) changed:
 * either the bundle no longer parses or the signature fails. */
static void flip_json(const char *dir, const char *key, int want_check, uint32_t want_code, uint64_t t)
{
    sample s;
    char *p;
    size_t i, start, n, bad = 0, sig_fail = 0;
    if (load_sample(&s, dir) != 0) {
        printf("SKIP flip_json %s: sample not found\n", dir);
        return;
    }
    p = strstr(s.coll, key);
    CHECK(p != NULL);
    if (p == NULL) {
        free_sample(&s);
        return;
    }
    start = (size_t)(p - s.coll) + strlen(key) + 3; /* "key":"{ */
    n = 600; /* the first 600 characters cover ids, dates, identities and levels */
    for (i = start; i < start + n && i < s.coll_len; i += 1) {
        wetee_attest_result *r = NULL;
        int rc;
        if (s.coll[i] == '\\' || s.coll[i] == '"') continue;
        s.coll[i] ^= 0x01;
        rc = verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, NULL, t);
        s.coll[i] ^= 0x01;
        if (rc == WETEE_OK) bad++;
        else if (r != NULL && wetee_attest_result_failed_check(r) == want_check &&
                 wetee_attest_result_status_code(r) == want_code)
            sig_fail++;
        else if (r != NULL) bad++, fprintf(stderr, "%s %s char %zu: %s\n", dir, key, i, wetee_attest_result_reason(r));
        wetee_attest_result_free(r);
    }
    CHECK(bad == 0);
    CHECK(sig_fail > 100);
    free_sample(&s);
}

WT_TEST(flip_collateral_json)
{
    /* QvE: TCBINFO_CHAIN_ERROR (STATUS_TCB_INFO_INVALID_SIGNATURE), QEIDENTITY_CHAIN_ERROR
     * (STATUS_SGX_ENCLAVE_IDENTITY_INVALID_SIGNATURE) */
    flip_json("tdx", "\"tcb_info\"", WETEE_ATTEST_CHECK_TCB_INFO, 0xE03A, 1751000000);
    flip_json("tdx", "\"qe_identity\"", WETEE_ATTEST_CHECK_QE_IDENTITY, 0xE039, 1751000000);
}

WT_TEST(trust_anchors)
{
    sample s;
    size_t qlen, clen, n;
    uint8_t *q = NULL, *root = NULL;
    char *tcb = NULL, *qeid = NULL, *chain = NULL, *crl_root = NULL, *crl_pck = NULL, *pck = NULL;
    wetee_attest_anchors *test_root = NULL;
    wetee_attest_collateral *c = NULL;
    wetee_attest_result *r = NULL;
    if (load_sample(&s, "sgx") != 0) WT_SKIP("attestation/sgx not found");
    root = wt_read_vector("attestation/intel-synthetic-sgx/trustedRootCaCert.pem", &n);
    q = wt_read_vector("attestation/intel-synthetic-sgx/quote.dat", &qlen);
    if (root == NULL || q == NULL) { free(root); free(q); free_sample(&s); WT_SKIP("intel-synthetic-sgx not found"); }
    CHECK_OK(wetee_attest_anchors_new(&test_root));
    CHECK_OK(wetee_attest_anchors_set_intel_root(test_root, root, n));
    /* production sample under the test root: untrusted */
    CHECK_OK(wetee_attest_collateral_from_json(&c, s.coll, s.coll_len));
    CHECK_ERR(wetee_attest_verify_quote(&r, s.quote, s.quote_len, c, test_root, NULL, 1751000000), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_ROOT_UNTRUSTED);
    CHECK(wetee_attest_result_status_code(r) == 0xE03A); /* QvE: TCBINFO_CHAIN_ERROR (the TCB Info chain is checked first) */
    wetee_attest_result_free(r);
    wetee_attest_collateral_free(c);
    /* Intel's synthetic sample, collateral item by item */
    CHECK_OK(wetee_attest_collateral_new(&c));
#define SET(item, file)                                                                                    \
    do {                                                                                                   \
        uint8_t *d_ = wt_read_vector("attestation/intel-synthetic-sgx/" file, &clen);                     \
        CHECK(d_ != NULL);                                                                                 \
        if (d_) CHECK_OK(wetee_attest_collateral_set(c, item, d_, clen));                                  \
        free(d_);                                                                                          \
    } while (0)
    SET(WETEE_ATTEST_ITEM_TCB_INFO, "tcbInfo.json");
    SET(WETEE_ATTEST_ITEM_QE_IDENTITY, "qeIdentity.json");
    SET(WETEE_ATTEST_ITEM_TCB_INFO_ISSUER_CHAIN, "tcbSignChain.pem");
    SET(WETEE_ATTEST_ITEM_QE_IDENTITY_ISSUER_CHAIN, "tcbSignChain.pem");
    SET(WETEE_ATTEST_ITEM_ROOT_CA_CRL, "rootCaCrl.der");
    SET(WETEE_ATTEST_ITEM_PCK_CRL, "intermediateCaCrl.der");
    SET(WETEE_ATTEST_ITEM_PCK_CRL_ISSUER_CHAIN, "pckSignChain.pem");
#undef SET
    {
        size_t l1, l2;
        uint8_t *a = wt_read_vector("attestation/intel-synthetic-sgx/pckCert.pem", &l1);
        uint8_t *b = wt_read_vector("attestation/intel-synthetic-sgx/pckSignChain.pem", &l2);
        uint8_t *both = malloc(l1 + l2 + 1);
        memcpy(both, a, l1);
        memcpy(both + l1, b, l2);
        CHECK_OK(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_PCK_CERT_CHAIN, both, l1 + l2));
        free(a); free(b); free(both);
    }
    CHECK_OK(wetee_attest_verify_quote(&r, q, qlen, c, test_root, NULL, 1700000000));
    if (wetee_attest_result_verdict(r) != WETEE_ATTEST_ACCEPT) fprintf(stderr, "synthetic: %s\n", wetee_attest_result_reason(r));
    CHECK(wetee_attest_result_status_code(r) == 0x0000);
    wetee_attest_result_free(r);
    /* the same under the production root: untrusted */
    CHECK_ERR(wetee_attest_verify_quote(&r, q, qlen, c, NULL, NULL, 1700000000), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_ROOT_UNTRUSTED);
    wetee_attest_result_free(r);
    wetee_attest_collateral_free(c);
    wetee_attest_anchors_free(test_root);
    free(q); free(root); free(tcb); free(qeid); free(chain); free(crl_root); free(crl_pck); free(pck);
    free_sample(&s);
}

/* Verify a forged quote/collateral pair under the forge's test root. */
static int forged(wetee_attest_result **r, forge *f, const uint8_t *head, const char *tcb, const char *qeid,
                  long revoked, const wetee_attest_policy *pol)
{
    wetee_attest_anchors *a = NULL;
    wetee_attest_collateral *c = NULL;
    uint8_t pub[65], *q;
    size_t qlen;
    char *coll = forge_collateral(f, tcb, qeid, revoked);
    int rc;
    forge_root_pub(f, pub);
    wetee_attest_anchors_new(&a);
    wetee_attest_anchors_set_intel_root(a, pub, 65);
    q = forge_quote(f, head, &qlen);
    rc = wetee_attest_collateral_from_json(&c, coll, strlen(coll));
    if (rc == WETEE_OK) rc = wetee_attest_verify_quote(r, q, qlen, c, a, pol, 1751000000);
    else *r = NULL;
    wetee_attest_collateral_free(c);
    wetee_attest_anchors_free(a);
    free(q);
    free(coll);
    return rc;
}

static char *replace(const char *s, const char *from, const char *to)
{
    const char *p = strstr(s, from);
    size_t a, fl = strlen(from), tl = strlen(to);
    char *o;
    CHECK(p != NULL);
    if (p == NULL) return strdup(s);
    a = (size_t)(p - s);
    o = malloc(strlen(s) - fl + tl + 1);
    memcpy(o, s, a);
    memcpy(o + a, to, tl);
    strcpy(o + a + tl, p + fl);
    return o;
}

WT_TEST(forged_tdx)
{
    sample s;
    forge f;
    wetee_attest_result *r = NULL;
    uint8_t head[54 + 648];
    char *t;
    if (load_sample(&s, "tdx") != 0) WT_SKIP("attestation/tdx not found");
    CHECK(forge_init(&f, s.quote, s.quote_len, s.coll, s.coll_len) == 0);
    /* baseline: the re-signed world verifies */
    CHECK_OK(forged(&r, &f, NULL, NULL, NULL, 0, NULL));
    if (wetee_attest_result_verdict(r) != WETEE_ATTEST_ACCEPT) fprintf(stderr, "forge baseline: %s\n", wetee_attest_result_reason(r));
    wetee_attest_result_free(r);
    /* PCK certificate listed in the PCK CRL */
    CHECK_ERR(forged(&r, &f, NULL, NULL, NULL, 4242, NULL), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_REVOKED_CERT);
    CHECK(wetee_attest_result_status_code(r) == 0xE031);
    wetee_attest_result_free(r);
    /* another serial in the CRL: fine */
    CHECK_OK(forged(&r, &f, NULL, NULL, NULL, 777, NULL));
    wetee_attest_result_free(r);
    /* TDX module identity: mrsigner differs */
    t = replace(f.tcb_info, "\"id\":\"TDX_01\",\"mrsigner\":\"00", "\"id\":\"TDX_01\",\"mrsigner\":\"01");
    CHECK_ERR(forged(&r, &f, NULL, t, NULL, 0, NULL), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_TDX_MODULE);
    CHECK(wetee_attest_result_status_code(r) == 0xE060);
    wetee_attest_result_free(r);
    free(t);
    /* TDX module identity missing */
    t = replace(f.tcb_info, "\"id\":\"TDX_01\"", "\"id\":\"TDX_02\"");
    CHECK_ERR(forged(&r, &f, NULL, t, NULL, 0, NULL), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_TDX_MODULE);
    wetee_attest_result_free(r);
    free(t);
    /* SEAMATTRIBUTES non-zero in the quote */
    memcpy(head, f.head, f.body_end);
    head[48 + 112] = 1;
    CHECK_ERR(forged(&r, &f, head, NULL, NULL, 0, NULL), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_TDX_MODULE);
    wetee_attest_result_free(r);
    /* debug TD */
    memcpy(head, f.head, f.body_end);
    head[48 + 120] |= 1;
    CHECK_ERR(forged(&r, &f, head, NULL, NULL, 0, NULL), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_DEBUG);
    CHECK(wetee_attest_result_status_code(r) == 0x0000); /* Intel's verdict is unaffected */
    wetee_attest_result_free(r);
    {
        wetee_attest_policy *dbg = policy_json("{\"allow_debug\": true}");
        CHECK_OK(forged(&r, &f, head, NULL, NULL, 0, dbg));
        wetee_attest_result_free(r);
        wetee_attest_policy_free(dbg);
    }
    /* SEPT_VE_DISABLE cleared */
    memcpy(head, f.head, f.body_end);
    head[48 + 123] &= (uint8_t)~0x10;
    CHECK_ERR(forged(&r, &f, head, NULL, NULL, 0, NULL), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_ATTRIBUTES);
    wetee_attest_result_free(r);
    /* QE vendor ID of another vendor (re-signed, so only the vendor check can fail) */
    memcpy(head, f.head, f.body_end);
    head[12] ^= 0xff;
    CHECK_ERR(forged(&r, &f, head, NULL, NULL, 0, NULL), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_QE_VENDOR);
    CHECK(wetee_attest_result_status_code(r) == 0xE01D); /* QVL: a quote format error */
    wetee_attest_result_free(r);
    /* TCB components that differ only in bits above 8: every level's TDX
     * component 2 raised by 256 must not match TEE_TCB_SVN[2] */
    {
        json_t *ti = json_loads(f.tcb_info, 0, NULL), *levels = json_object_get(ti, "tcbLevels");
        size_t i;
        char *d;
        for (i = 0; i < json_array_size(levels); i++) {
            json_t *comp = json_array_get(json_object_get(json_object_get(json_array_get(levels, i), "tcb"),
                                                          "tdxtcbcomponents"), 2);
            json_object_set_new(comp, "svn", json_integer(json_integer_value(json_object_get(comp, "svn")) + 256));
        }
        d = json_dumps(ti, JSON_COMPACT | JSON_PRESERVE_ORDER);
        CHECK_ERR(forged(&r, &f, NULL, d, NULL, 0, NULL), WETEE_ERR_VERIFY);
        CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_TCB_LEVEL);
        CHECK(wetee_attest_result_status_code(r) == 0xE066);
        wetee_attest_result_free(r);
        free(d);
        json_decref(ti);
    }
    /* QE identity: another MRSIGNER; a QE ISVSVN above every level */
    t = replace(f.qe_identity, "\"mrsigner\":\"DC", "\"mrsigner\":\"DD");
    CHECK_ERR(forged(&r, &f, NULL, NULL, t, 0, NULL), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_QE_IDENTITY_MISMATCH);
    wetee_attest_result_free(r);
    free(t);
    t = replace(f.qe_identity, "\"id\":\"TD_QE\"", "\"id\":\"QE\"");
    CHECK_ERR(forged(&r, &f, NULL, NULL, t, 0, NULL), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_QE_IDENTITY);
    wetee_attest_result_free(r);
    free(t);
    forge_free(&f);
    free_sample(&s);
}

/* Quote v5 body type 4 (TDX 1.5ex, 885 bytes: sgx_report2_body_v1_5_ex_t of
 * Intel's sgx_quote_5.h), made from the tdx sample's TD 1.0 body and
 * re-signed under the synthetic root: it verifies like a TDX 1.5 report,
 * its added fields are readable at Intel's offsets, a size other than 885
 * is refused, and a non-zero CUR_SERVTD_HASH fails the default policy. */
WT_TEST(tdx_body_type4)
{
    sample s;
    forge f;
    wetee_attest_result *r = NULL;
    uint8_t head[54 + 885];
    const uint8_t *p;
    size_t n, i;
    uint64_t v;
    wetee_buf js = WETEE_BUF_INIT;
    if (load_sample(&s, "tdx") != 0) WT_SKIP("attestation/tdx not found");
    CHECK(forge_init(&f, s.quote, s.quote_len, s.coll, s.coll_len) == 0);
    memset(head, 0, sizeof head);
    memcpy(head, f.head, 48);
    head[0] = 5;                            /* version 5 */
    head[48] = 4;                           /* body type 4 */
    head[50] = 885 & 0xff, head[51] = 885 >> 8;
    memcpy(head + 54, f.head + 48, 584);    /* the TD 1.0 body; TEE_TCB_SVN2 and MRSERVICETD zero */
    head[54 + 648] = 2;                     /* vmid */
    for (i = 0; i < 32; i++) head[54 + 649 + i] = (uint8_t)(0xA0 + i); /* td_id */
    memset(head + 54 + 681, 0xD1, 48);      /* devinfo */
    memset(head + 54 + 785, 0x13, 16);      /* init_cpu_svn */
    memset(head + 54 + 817, 0x15, 12);      /* init_tee_fmspc */
    f.version = 5;
    f.body_end = 54 + 885;
    CHECK_OK(forged(&r, &f, head, NULL, NULL, 0, NULL));
    CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_TDX);
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_TD_ID, &p, &n));
    CHECK(n == 32 && p[0] == 0xA0 && p[31] == 0xA0 + 31);
    CHECK_OK(wetee_attest_result_u64(r, WETEE_ATTEST_FIELD_TD_VMID, &v));
    CHECK(v == 2);
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_TD_DEVINFO, &p, &n));
    CHECK(n == 48 && p[0] == 0xD1 && p[47] == 0xD1);
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_TD_INIT_CPUSVN, &p, &n));
    CHECK(n == 16 && p[0] == 0x13 && p[15] == 0x13);
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_TD_INIT_TEE_FMSPC, &p, &n));
    CHECK(n == 12 && p[0] == 0x15 && p[11] == 0x15);
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_MRTD, &p, &n));
    CHECK(n == 48 && memcmp(p, f.head + 48 + 136, 48) == 0);
    CHECK_OK(wetee_attest_result_to_json(&js, r));
    CHECK(strstr((const char *)js.data, "\"td_id\":\"a0a1a2") != NULL);
    CHECK(strstr((const char *)js.data, "\"vmid\":2") != NULL);
    wetee_buf_free(&js);
    wetee_attest_result_free(r);
    /* a TD 1.0 body gives no body type 4 field */
    {
        wetee_attest_collateral *c = NULL;
        CHECK_OK(wetee_attest_collateral_from_json(&c, s.coll, s.coll_len));
        CHECK_OK(wetee_attest_verify_quote(&r, s.quote, s.quote_len, c, NULL, NULL, 1751000000));
        CHECK_ERR(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_TD_ID, &p, &n), WETEE_ERR_NOT_FOUND);
        wetee_attest_result_free(r);
        wetee_attest_collateral_free(c);
    }
    /* a service TD bound after creation */
    head[54 + 829] = 1;
    CHECK_ERR(forged(&r, &f, head, NULL, NULL, 0, NULL), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_ATTRIBUTES);
    CHECK(strstr(wetee_attest_result_reason(r), "CUR_SERVTD_HASH") != NULL);
    wetee_attest_result_free(r);
    {
        wetee_attest_policy *allow = policy_json("{\"allow_mrservicetd\": true}");
        CHECK_OK(forged(&r, &f, head, NULL, NULL, 0, allow));
        wetee_attest_result_free(r);
        wetee_attest_policy_free(allow);
    }
    head[54 + 829] = 0;
    /* body type 4 of another size: 884 bytes (the last byte moved into the signature data) */
    head[50] = 884 & 0xff;
    f.body_end = 54 + 884;
    CHECK_ERR(forged(&r, &f, head, NULL, NULL, 0, NULL), WETEE_ERR_DECODE);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_PARSE);
    CHECK(strstr(wetee_attest_result_reason(r), "body size 884 does not fit body type 4") != NULL);
    wetee_attest_result_free(r);
    forge_free(&f);
    free_sample(&s);
}

WT_TEST(policy_checks)
{
    sample s;
    wetee_attest_collateral *c = NULL;
    wetee_attest_result *r = NULL;
    wetee_attest_policy *p;
    static const struct { const char *json; int check; } CASES[] = {
        {"{\"mrtd\": \"000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000\"}", WETEE_ATTEST_CHECK_MEASUREMENT},
        {"{\"rtmr3\": [\"000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001\"]}", WETEE_ATTEST_CHECK_MEASUREMENT},
        {"{\"mrenclave\": \"33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb\"}", WETEE_ATTEST_CHECK_TEE_KIND},
        {"{\"tee\": [\"sgx\"]}", WETEE_ATTEST_CHECK_TEE_KIND},
        {"{\"report_data\": \"01\"}", WETEE_ATTEST_CHECK_REPORT_DATA},
        {"{\"report_data_key\": {\"hash\": \"sha256\", \"key\": \"00\"}}", WETEE_ATTEST_CHECK_REPORT_DATA},
        {"{\"wetee_ed25519\": {}}", WETEE_ATTEST_CHECK_REPORT_DATA},
    };
    size_t i;
    const uint8_t *f;
    size_t n;
    if (load_sample(&s, "tdx") != 0) WT_SKIP("attestation/tdx not found");
    CHECK_OK(wetee_attest_collateral_from_json(&c, s.coll, s.coll_len));
    for (i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        p = policy_json(CASES[i].json);
        CHECK_ERR(wetee_attest_verify_quote(&r, s.quote, s.quote_len, c, NULL, p, 1751000000), WETEE_ERR_VERIFY);
        CHECK(wetee_attest_result_failed_check(r) == CASES[i].check);
        wetee_attest_result_free(r);
        wetee_attest_policy_free(p);
    }
    /* the real MRTD and REPORTDATA accepted */
    CHECK_OK(wetee_attest_verify_quote(&r, s.quote, s.quote_len, c, NULL, NULL, 1751000000));
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_MRTD, &f, &n));
    CHECK_OK(wetee_attest_policy_new(&p));
    CHECK_OK(wetee_attest_policy_expect(p, WETEE_ATTEST_FIELD_MRTD, f, n));
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_REPORT_DATA, &f, &n));
    CHECK_OK(wetee_attest_policy_bind_report_data(p, f, n));
    wetee_attest_result_free(r);
    CHECK_OK(wetee_attest_verify_quote(&r, s.quote, s.quote_len, c, NULL, p, 1751000000));
    wetee_attest_result_free(r);
    /* QvE semantics: expired collateral flagged, verdict kept */
    CHECK_OK(wetee_attest_policy_strict_expiry(p, 0));
    CHECK_OK(wetee_attest_verify_quote(&r, s.quote, s.quote_len, c, NULL, p, 1752919236));
    {
        int exp = 0;
        uint64_t earliest = 0;
        CHECK_OK(wetee_attest_result_expiry(r, &exp, &earliest));
        CHECK(exp == 1);
        CHECK(earliest == 1752919235);
    }
    wetee_attest_result_free(r);
    wetee_attest_policy_free(p);
    /* SGX: minimum ISVSVN above the enclave's */
    wetee_attest_collateral_free(c);
    free_sample(&s);
    if (load_sample(&s, "sgx") != 0) return;
    p = policy_json("{\"accept_status\": [\"ConfigurationAndSWHardeningNeeded\"], \"accept_advisories\": \"*\", \"min_isvsvn\": 1}");
    CHECK_ERR(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, p, 1751000000), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_SVN);
    wetee_attest_result_free(r);
    wetee_attest_policy_free(p);
    p = policy_json("{\"accept_status\": [\"ConfigurationAndSWHardeningNeeded\"], \"accept_advisories\": [\"INTEL-SA-00289\"]}");
    CHECK_ERR(verify(&r, s.quote, s.quote_len, s.coll, s.coll_len, p, 1751000000), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_ADVISORY_POLICY);
    wetee_attest_result_free(r);
    wetee_attest_policy_free(p);
    free_sample(&s);
}

WT_TEST(policy_json_errors)
{
    static const char *const BAD[] = {
        "[]", "{\"mrenclav\": \"00\"}", "{\"accept_status\": [\"Revoked\"]}", "{\"mrtd\": \"00\"}",
        "{\"report_data\": \"01\", \"wetee_ed25519\": {}}", "{\"allow_debug\": 1}", "{\"snp_min_tcb\": -1}",
    };
    size_t i;
    for (i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        wetee_attest_policy *p = NULL;
        CHECK_ERR(wetee_attest_policy_from_json(&p, BAD[i], strlen(BAD[i])), WETEE_ERR_DECODE);
        CHECK(p == NULL);
    }
    CHECK_ERR(wetee_attest_policy_accept_status(NULL, 0), WETEE_ERR_INVALID_ARGUMENT);
}

WT_TEST(malformed_quotes)
{
    sample s;
    wetee_attest_collateral *c = NULL;
    wetee_attest_result *r = NULL;
    uint8_t *big;
    size_t cut;
    if (load_sample(&s, "tdx") != 0) WT_SKIP("attestation/tdx not found");
    CHECK_OK(wetee_attest_collateral_from_json(&c, s.coll, s.coll_len));
    /* every truncation up to the end of the certification data */
    for (cut = 0; cut < 4936; cut += (cut < 800 ? 1 : 97)) {
        int rc = wetee_attest_verify_quote(&r, s.quote, cut, c, NULL, NULL, 1751000000);
        CHECK(rc != WETEE_OK);
        CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_PARSE);
        /* QvE: SGX_QL_QUOTE_FORMAT_UNSUPPORTED (QVL STATUS_UNSUPPORTED_QUOTE_FORMAT) */
        CHECK(wetee_attest_result_status_code(r) == 0xE01D);
        wetee_attest_result_free(r);
    }
    /* trailing padding ignored */
    big = calloc(1, s.quote_len + 1000);
    memcpy(big, s.quote, s.quote_len);
    CHECK_OK(wetee_attest_verify_quote(&r, big, s.quote_len + 1000, c, NULL, NULL, 1751000000));
    wetee_attest_result_free(r);
    /* a signature-data length larger than the quote */
    big[632] = 0xff; big[633] = 0xff; big[634] = 0xff; big[635] = 0x7f;
    CHECK_ERR(wetee_attest_verify_quote(&r, big, s.quote_len + 1000, c, NULL, NULL, 1751000000), WETEE_ERR_TRUNCATED);
    wetee_attest_result_free(r);
    free(big);
    /* oversized */
    big = calloc(1, WETEE_ATTEST_MAX_EVIDENCE + 1);
    memcpy(big, s.quote, s.quote_len);
    CHECK_ERR(wetee_attest_verify_quote(&r, big, WETEE_ATTEST_MAX_EVIDENCE + 1, c, NULL, NULL, 1751000000), WETEE_ERR_TOO_LONG);
    wetee_attest_result_free(r);
    /* garbage */
    {
        size_t i;
        for (i = 0; i < 2000; i++) big[i] = (uint8_t)wt_rand();
        CHECK(wetee_attest_verify_quote(&r, big, 2000, c, NULL, NULL, 1751000000) != WETEE_OK);
        CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_PARSE);
        wetee_attest_result_free(r);
        CHECK(wetee_attest_verify_evidence(&r, big, 2000, c, NULL, NULL, 1751000000) != WETEE_OK);
        wetee_attest_result_free(r);
    }
    free(big);
    wetee_attest_collateral_free(c);
    free_sample(&s);
}

WT_TEST(hostile_der)
{
    wetee_attest_collateral *c = NULL;
    uint8_t *d = malloc(4u << 20 | 16);
    size_t i, depth = 100;
    CHECK_OK(wetee_attest_collateral_new(&c));
    /* deeply nested SEQUENCEs */
    for (i = 0; i < depth; i++) { d[2 * i] = 0x30; d[2 * i + 1] = (uint8_t)(2 * (depth - i - 1)); }
    CHECK_ERR(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_ROOT_CA_CRL, d, 2 * depth), WETEE_ERR_DECODE);
    CHECK_DETAIL("depth");
    CHECK_ERR(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_SNP_VCEK, d, 2 * depth), WETEE_ERR_DECODE);
    /* a length beyond the data, an indefinite length */
    d[0] = 0x30; d[1] = 0x84; d[2] = 0x7f; d[3] = 0xff; d[4] = 0xff; d[5] = 0xff;
    CHECK_ERR(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_PCK_CRL, d, 64), WETEE_ERR_DECODE);
    d[1] = 0x80;
    CHECK_ERR(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_PCK_CRL, d, 64), WETEE_ERR_DECODE);
    /* huge: above the item limit, and a huge CRL within it */
    CHECK_ERR(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_PCK_CRL, d, (4u << 20) + 1), WETEE_ERR_TOO_LONG);
    d[0] = 0x30; d[1] = 0x83; d[2] = 0x20; d[3] = 0x00; d[4] = 0x00;
    memset(d + 5, 0, 0x200000);
    CHECK_ERR(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_PCK_CRL, d, 0x200005), WETEE_ERR_DECODE);
    /* a PEM chain of more certificates than allowed */
    {
        const char *one = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
        char *many = malloc(strlen(one) * 20 + 1);
        many[0] = 0;
        for (i = 0; i < 20; i++) strcat(many, one);
        CHECK(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_TCB_INFO_ISSUER_CHAIN, (const uint8_t *)many,
                                          strlen(many)) != WETEE_OK);
        free(many);
    }
    wetee_attest_collateral_free(c);
    free(d);
}

WT_TEST(evidence_envelope)
{
    sample s;
    wetee_attest_result *r = NULL;
    wetee_buf hex = WETEE_BUF_INIT, json = WETEE_BUF_INIT;
    char *env;
    size_t n;
    uint8_t *oe;
    wetee_attest_collateral *c = NULL;
    if (load_sample(&s, "tdx") != 0) WT_SKIP("attestation/tdx not found");
    CHECK_OK(wetee_hex_encode(&hex, s.quote, s.quote_len, 0));
    n = hex.len + s.coll_len + 64;
    env = malloc(n);
    snprintf(env, n, "{\"evidence\": \"%s\", \"collateral\": %.*s}", (const char *)hex.data, (int)s.coll_len, s.coll);
    CHECK_OK(wetee_attest_verify_evidence(&r, (const uint8_t *)env, strlen(env), NULL, NULL, NULL, 1751000000));
    CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_TDX);
    CHECK_OK(wetee_attest_result_to_json(&json, r));
    CHECK(strstr((const char *)json.data, "\"verdict\":\"accept\"") != NULL);
    CHECK(strstr((const char *)json.data, "\"mrtd\":\"") != NULL);
    wetee_attest_result_free(r);
    /* no collateral anywhere */
    CHECK_ERR(wetee_attest_verify_evidence(&r, s.quote, s.quote_len, NULL, NULL, NULL, 1751000000), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL);
    wetee_attest_result_free(r);
    /* Open Enclave remote report around the SGX sample */
    free_sample(&s);
    if (load_sample(&s, "sgx") == 0) {
        wetee_attest_policy *p = policy_json("{\"accept_status\": [\"ConfigurationAndSWHardeningNeeded\"], \"accept_advisories\": \"*\"}");
        oe = calloc(1, s.quote_len + 16);
        oe[0] = 1; oe[4] = 2;
        {
            uint64_t l = s.quote_len; int i;
            for (i = 0; i < 8; i++) oe[8 + i] = (uint8_t)(l >> (8 * i));
        }
        memcpy(oe + 16, s.quote, s.quote_len);
        CHECK_OK(wetee_attest_collateral_from_json(&c, s.coll, s.coll_len));
        CHECK_OK(wetee_attest_verify_evidence(&r, oe, s.quote_len + 16, c, NULL, p, 1751000000));
        CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_SGX);
        wetee_attest_result_free(r);
        wetee_attest_collateral_free(c);
        wetee_attest_policy_free(p);
        free(oe);
        free_sample(&s);
    }
    wetee_buf_free(&hex);
    wetee_buf_free(&json);
    free(env);
}

/* One collateral object shared by threads verifying quotes whose PCK chains
 * differ (each variant writes one line break of the PEM chain as a space):
 * more distinct chains than the collateral's PCK cache holds, so entries are
 * evicted while other threads still use them. Every verification must give
 * the sample's verdict (ASan catches an entry freed under a user). */
#define SHARED_VARIANTS 24
#define SHARED_THREADS 4
#define SHARED_ROUNDS 6

typedef struct shared_run {
    wetee_attest_collateral *c;
    uint8_t *q[SHARED_VARIANTS];
    size_t qlen;
    int start;
    int ok, bad;
} shared_run;

static void *shared_worker(void *arg)
{
    shared_run *w = arg;
    for (int round = 0; round < SHARED_ROUNDS; round++)
        for (int i = 0; i < SHARED_VARIANTS; i++) {
            int k = (w->start + i * 7 + round) % SHARED_VARIANTS;
            wetee_attest_result *r = NULL;
            int rc = wetee_attest_verify_quote(&r, w->q[k], w->qlen, w->c, NULL, NULL, 1751000000);
            if (rc == WETEE_ERR_VERIFY && r != NULL && wetee_attest_result_status_code(r) == 0xA008 &&
                wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_STATUS_POLICY)
                w->ok++;
            else
                w->bad++;
            wetee_attest_result_free(r);
        }
    return NULL;
}

WT_TEST(shared_collateral_threads)
{
    sample s;
    shared_run runs[SHARED_THREADS];
    pthread_t th[SHARED_THREADS];
    uint8_t *q[SHARED_VARIANTS];
    wetee_attest_collateral *c = NULL;
    size_t pos[SHARED_VARIANTS], n = 0, i;
    int t, v;
    if (load_sample(&s, "sgx") != 0) WT_SKIP("attestation/sgx not found");
    /* line breaks inside the base64 of the quote's PEM chain */
    for (i = 1; i + 1 < s.quote_len && n < SHARED_VARIANTS; i++) {
        uint8_t a = s.quote[i - 1], b = s.quote[i + 1];
        if (s.quote[i] == '\n' && (isalnum(a) || a == '+' || a == '/') && (isalnum(b) || b == '+' || b == '/'))
            pos[n++] = i;
    }
    CHECK(n == SHARED_VARIANTS);
    if (n != SHARED_VARIANTS) { free_sample(&s); return; }
    CHECK_OK(wetee_attest_collateral_from_json(&c, s.coll, s.coll_len));
    for (v = 0; v < SHARED_VARIANTS; v++) {
        wetee_attest_result *r = NULL;
        q[v] = malloc(s.quote_len);
        memcpy(q[v], s.quote, s.quote_len);
        q[v][pos[v]] = ' ';
        /* each variant alone: the sample's verdict */
        CHECK_ERR(wetee_attest_verify_quote(&r, q[v], s.quote_len, c, NULL, NULL, 1751000000), WETEE_ERR_VERIFY);
        CHECK(r != NULL && wetee_attest_result_status_code(r) == 0xA008);
        wetee_attest_result_free(r);
    }
    for (t = 0; t < SHARED_THREADS; t++) {
        runs[t].c = c;
        memcpy(runs[t].q, q, sizeof q);
        runs[t].qlen = s.quote_len;
        runs[t].start = t * 5;
        runs[t].ok = runs[t].bad = 0;
        CHECK(pthread_create(&th[t], NULL, shared_worker, &runs[t]) == 0);
    }
    for (t = 0; t < SHARED_THREADS; t++) {
        pthread_join(th[t], NULL);
        CHECK(runs[t].ok == SHARED_ROUNDS * SHARED_VARIANTS);
        CHECK(runs[t].bad == 0);
    }
    for (v = 0; v < SHARED_VARIANTS; v++) free(q[v]);
    wetee_attest_collateral_free(c);
    free_sample(&s);
}

WT_MAIN("attest", WT_CASE(sgx_sample), WT_CASE(tdx_sample), WT_CASE(tdx_outdated_sample),
        WT_CASE(flip_signed_quote_bytes), WT_CASE(flip_collateral_json), WT_CASE(trust_anchors),
        WT_CASE(forged_tdx), WT_CASE(tdx_body_type4), WT_CASE(policy_checks), WT_CASE(policy_json_errors), WT_CASE(malformed_quotes),
        WT_CASE(hostile_der), WT_CASE(evidence_envelope), WT_CASE(shared_collateral_threads))
