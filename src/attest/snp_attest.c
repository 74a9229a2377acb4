/* SEV-SNP in the attestation module: the wt_attest_snp_* hooks of
 * src/internal/attest.h (evidence detection, verification into a
 * wetee_attest_result, AMD ARK anchors) and the extended-report form
 * "report ‖ certificate table" that SNP_GET_EXT_REPORT returns. */
#include <openssl/err.h>
#include <openssl/x509.h>

#include "internal/attest.h"
#include "snp_impl.h"

#define MOD "attest"

/* GHCB certificate table GUIDs (RFC 4122 byte order; the mixed-endian
 * form some tools write is accepted too). */
enum { CT_NONE, CT_ARK, CT_ASK, CT_VCEK, CT_VLEK, CT_CRL };
static const struct { const char *text; int kind; } GUIDS[] = {
    { "c0b406a4a80349529743" "3fb6014cd0ae", CT_ARK },
    { "4ab7b379bbac4fe4a02f" "05aef327c782", CT_ASK },
    { "63da758de6644564adc5" "f4b93be8accd", CT_VCEK },
    { "a8074bc2a25a483eaae6" "39c045a0b8a1", CT_VLEK },
    { "92f81bc358114d3d97ff" "d19f88dc67ea", CT_CRL },
};
/* Largest certificate table accepted after a report. */
#define CT_MAX (64u * 1024u)
#define CT_MAX_ENTRIES 16

static int guid_kind(const uint8_t g[16])
{
    for (size_t i = 0; i < sizeof GUIDS / sizeof GUIDS[0]; i++) {
        uint8_t be[16], le[16];
        (void)wetee_hex_decode_exact(be, 16, GUIDS[i].text, 32);
        /* mixed-endian: the first three fields little-endian */
        le[0] = be[3]; le[1] = be[2]; le[2] = be[1]; le[3] = be[0];
        le[4] = be[5]; le[5] = be[4]; le[6] = be[7]; le[7] = be[6];
        memcpy(le + 8, be + 8, 8);
        if (memcmp(g, be, 16) == 0 || memcmp(g, le, 16) == 0) return GUIDS[i].kind;
    }
    return CT_NONE;
}

typedef struct cert_table {
    const uint8_t *item[6];
    size_t len[6];
} cert_table;

/* Entries {guid[16], offset u32, length u32} up to an all-zero entry;
 * offsets are from the table's start; every item lies inside the table. */
static int parse_table(cert_table *t, const uint8_t *p, size_t len)
{
    static const uint8_t zero[24];
    memset(t, 0, sizeof *t);
    if (len > CT_MAX)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": snp certificate table: %zu bytes, more than %u", len, CT_MAX);
    for (size_t i = 0;; i++) {
        size_t at = 24 * i;
        if (i >= CT_MAX_ENTRIES)
            return wt_error(WETEE_ERR_DECODE, MOD ": snp certificate table: more than %d entries", CT_MAX_ENTRIES);
        if (len - at < 24 || len < at)
            return wt_error(WETEE_ERR_TRUNCATED, MOD ": snp certificate table at offset %zu: no terminating entry", at);
        if (memcmp(p + at, zero, 24) == 0) break;
        uint32_t off = wt_load_le32(p + at + 16), n = wt_load_le32(p + at + 20);
        if (off > len || n > len - off || n == 0)
            return wt_error(WETEE_ERR_DECODE,
                            MOD ": snp certificate table at offset %zu: item at %u of %u bytes outside the table", at,
                            (unsigned)off, (unsigned)n);
        int k = guid_kind(p + at);
        if (k == CT_NONE) continue; /* other certificates are ignored */
        if (t->item[k] != NULL)
            return wt_error(WETEE_ERR_DECODE, MOD ": snp certificate table at offset %zu: a certificate kind repeated", at);
        t->item[k] = p + off;
        t->len[k] = n;
    }
    return WETEE_OK;
}

int wt_attest_snp_anchors_init(wetee_attest_anchors *a)
{
    /* AMD's ARKs are pinned by the SHA-256 of their DER (snp_verify.c):
     * no certificate is loaded until a caller sets one. */
    for (int i = 0; i < WT_SNP_PRODUCTS; i++) a->amd_ark[i] = NULL;
    return WETEE_OK;
}

int wt_attest_snp_is_report(const uint8_t *data, size_t len)
{
    if (len < WETEE_SNP_REPORT_BYTES) return 0;
    uint32_t v = wt_load_le32(data);
    if ((v != 2 && v != 3 && v != 5) || wt_load_le32(data + 0x34) != 1) return 0;
    if (len == WETEE_SNP_REPORT_BYTES) return 1;
    /* a report followed by its certificate table: the table must parse */
    cert_table t;
    int ok = parse_table(&t, data + WETEE_SNP_REPORT_BYTES, len - WETEE_SNP_REPORT_BYTES) == WETEE_OK;
    return ok;
}

static int check_of(int snp_check)
{
    switch (snp_check) {
    case WT_SNP_CHECK_SIGNATURE: return WETEE_ATTEST_CHECK_QUOTE_SIGNATURE;
    case WT_SNP_CHECK_TCB: return WETEE_ATTEST_CHECK_SNP_TCB;
    case WT_SNP_CHECK_ROOT: return WETEE_ATTEST_CHECK_ROOT_UNTRUSTED;
    case WT_SNP_CHECK_CHAIN: return WETEE_ATTEST_CHECK_CERT_CHAIN;
    case WT_SNP_CHECK_EXPIRED: return WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED;
    case WT_SNP_CHECK_CRL: return WETEE_ATTEST_CHECK_CRL;
    case WT_SNP_CHECK_REVOKED: return WETEE_ATTEST_CHECK_REVOKED_CERT;
    default: return WETEE_ATTEST_CHECK_PARSE;
    }
}

/* Minimum SNP firmware SPL per AMD-SB-3019 (attestation.md §5.7): below it
 * the platform is reported OutOfDate. 0 = no published minimum. */
static unsigned min_snp_spl(wetee_snp_product p)
{
    return p == WETEE_SNP_PRODUCT_MILAN ? 0x18 : p == WETEE_SNP_PRODUCT_GENOA ? 0x17 : 0;
}

int wt_attest_snp_verify(wetee_attest_result *r, const uint8_t *report, size_t len, wetee_attest_collateral *coll,
                         const wetee_attest_anchors *anchors, const wetee_attest_policy *policy,
                         const wt_attest_envelope *env, uint64_t time)
{
    X509 *own[4] = { NULL, NULL, NULL, NULL }; /* leaf, ASK, ARK from the table */
    X509_CRL *own_crl = NULL;
    X509 *chain[3];
    size_t nchain = 0;
    X509 *leaf = coll != NULL ? coll->snp_vcek : NULL;
    X509_CRL *crl = coll != NULL ? coll->snp_crl : NULL;
    wt_snp_out res;
    int rc;

    r->tee = WETEE_ATTEST_TEE_SEV_SNP;
    r->snp_product = WT_SNP_UNKNOWN;
    if (len > WETEE_SNP_REPORT_BYTES) {
        cert_table t;
        static const char *const what[] = { "", "ARK", "ASK", "VCEK", "VLEK", "CRL" };
        if ((rc = parse_table(&t, report + WETEE_SNP_REPORT_BYTES, len - WETEE_SNP_REPORT_BYTES)) != WETEE_OK)
            return wt_attest_fail(r, rc, WETEE_ATTEST_CHECK_PARSE, 0xA006, "%s", wetee_last_error() + sizeof MOD + 1);
        for (int k = CT_ARK; k <= CT_VLEK; k++) {
            if (t.item[k] == NULL) continue;
            X509 **slot = k == CT_ARK ? &own[2] : k == CT_ASK ? &own[1] : &own[0];
            if (*slot != NULL) {
                rc = wt_attest_fail(r, WETEE_ERR_DECODE, WETEE_ATTEST_CHECK_PARSE, 0xA006,
                                    "snp certificate table: both a VCEK and a VLEK");
                goto done;
            }
            char name[48];
            snprintf(name, sizeof name, "snp certificate table %s", what[k]);
            if ((rc = wt_load_cert(slot, t.item[k], t.len[k], name)) != WETEE_OK) {
                rc = wt_attest_fail(r, rc, WETEE_ATTEST_CHECK_COLLATERAL, 0xA006, "%s", wetee_last_error() + sizeof MOD + 1);
                goto done;
            }
        }
        if (t.item[CT_CRL] != NULL && (rc = wt_load_crl(&own_crl, t.item[CT_CRL], t.len[CT_CRL], "snp CRL")) != WETEE_OK) {
            rc = wt_attest_fail(r, rc, WETEE_ATTEST_CHECK_COLLATERAL, 0xA006, "%s", wetee_last_error() + sizeof MOD + 1);
            goto done;
        }
        if (own[0] != NULL) leaf = own[0];
        if (own[1] != NULL) chain[nchain++] = own[1];
        if (own[2] != NULL) chain[nchain++] = own[2];
        if (own_crl != NULL) crl = own_crl;
        len = WETEE_SNP_REPORT_BYTES;
    }
    if (nchain == 0 && coll != NULL && coll->snp_chain != NULL)
        for (int i = 0; i < sk_X509_num(coll->snp_chain) && nchain < 3; i++) chain[nchain++] = sk_X509_value(coll->snp_chain, i);
    if (leaf == NULL || nchain == 0) {
        rc = wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_COLLATERAL, 0xA006,
                            "SEV-SNP verification needs the VCEK/VLEK and the ASK/ARK chain (collateral or certificate table)");
        goto done;
    }
    {
        X509 *anch[4] = { NULL, anchors->amd_ark[WT_SNP_MILAN], anchors->amd_ark[WT_SNP_GENOA],
                          anchors->amd_ark[WT_SNP_TURIN] };
        const wetee_attest_policy *pol = policy != NULL ? policy : wt_attest_default_policy();
        wt_snp_in in = { leaf, chain, nchain, anch, crl, (int64_t)time, WETEE_SNP_PRODUCT_UNKNOWN,
                         pol != NULL && !pol->strict_expiry };
        rc = wt_snp_verify_x509(report, len, &in, &res);
    }
    r->expired = res.expired;
    r->earliest_expiry = res.earliest > 0 ? (uint64_t)res.earliest : 0;
    if (rc != WETEE_OK) {
        rc = wt_attest_fail(r, rc, check_of(res.check), 0xA006, "%s", wetee_last_error() + sizeof MOD + 1);
        goto done;
    }
    memcpy(r->report, report, WETEE_SNP_REPORT_BYTES);
    r->report_len = WETEE_SNP_REPORT_BYTES;
    r->snp_product = (int)res.rep.product - 1;
    r->tcb_status = res.rep.reported_tcb.snp < min_snp_spl(res.rep.product) ? WETEE_ATTEST_TCB_OUT_OF_DATE
                                                                               : WETEE_ATTEST_TCB_UP_TO_DATE;
    r->status_code = 0x0000; /* attest.h: 0 when every SEV-SNP check passed; the TCB status says OutOfDate */
    rc = wt_attest_finish(r, policy, env, time);
done:
    X509_free(own[0]);
    X509_free(own[1]);
    X509_free(own[2]);
    X509_CRL_free(own_crl);
    ERR_clear_error();
    return rc;
}

WETEE_API int wetee_attest_anchors_set_amd_ark(wetee_attest_anchors *anchors, int product, const uint8_t *data,
                                               size_t len)
{
    X509 *x = NULL;
    int rc;
    WT_ARG(anchors != NULL, MOD, "anchors is NULL");
    WT_ARG(product >= WETEE_SNP_PRODUCT_MILAN && product <= WETEE_SNP_PRODUCT_TURIN, MOD, "unknown SEV-SNP product");
    WT_ARG_DATA(data, len, MOD);
    if ((rc = wt_load_cert(&x, data, len, "AMD ARK")) != WETEE_OK) return rc;
    X509_free(anchors->amd_ark[product - 1]);
    anchors->amd_ark[product - 1] = x;
    return WETEE_OK;
}
