/* SEV-SNP reports: the go-sev-guest sample of ../shared/vectors/attestation/snp
 * (attestation.md §7: Milan, VERSION 2, DEBUG set, VCEK valid
 * 1663980928 .. 1884905728) with its expected verdict, and negative tests:
 * every signed byte flipped, wrong ARK, TCB extension and chip id
 * mismatches, key type, CRL, validity, truncated / oversized / garbage
 * reports, deep and huge DER. Synthetic chains (snp_gen.c) cover Turin,
 * VERSION 3/5 and VLEK. */
#include <stdio.h>

#include "snp_gen.h"
#include "wt_test.h"

#define T_SAMPLE 1700000000
#define VCEK_FROM 1663980928
#define VCEK_UNTIL 1884905728

typedef struct sample {
    uint8_t *report, *vcek, *milan, *genoa, *turin;
    size_t report_len, vcek_len, milan_len, genoa_len, turin_len;
} sample;

static int load_sample(sample *s)
{
    memset(s, 0, sizeof *s);
    s->report = wt_read_vector("attestation/snp/report.bin", &s->report_len);
    s->vcek = wt_read_vector("attestation/snp/vcek.der", &s->vcek_len);
    s->milan = wt_read_vector("attestation/snp/ask_ark_milan.pem", &s->milan_len);
    s->genoa = wt_read_vector("attestation/snp/ask_ark_genoa.pem", &s->genoa_len);
    s->turin = wt_read_vector("attestation/snp/ask_ark_turin_vcek.pem", &s->turin_len);
    return s->report && s->vcek && s->milan && s->genoa && s->turin;
}

static void free_sample(sample *s)
{
    free(s->report);
    free(s->vcek);
    free(s->milan);
    free(s->genoa);
    free(s->turin);
}

static int verify_at(const sample *s, const uint8_t *report, int64_t t, wetee_snp_report *out)
{
    wetee_snp_verify_opts o = WETEE_SNP_VERIFY_OPTS_INIT;
    o.time = t;
    return wetee_snp_verify(out, report, s->report_len, s->vcek, s->vcek_len, s->milan, s->milan_len, &o);
}

WT_TEST(test_sample_verifies)
{
    sample s;
    wetee_snp_report r;
    if (!load_sample(&s)) {
        free_sample(&s);
        WT_SKIP("attestation/snp vectors absent");
    }
    CHECK_OK(verify_at(&s, s.report, T_SAMPLE, &r));
    CHECK(r.version == 2);
    CHECK(r.product == WETEE_SNP_PRODUCT_MILAN);
    CHECK(r.policy == 0xB0000);
    CHECK((r.policy & WETEE_SNP_POLICY_DEBUG) != 0);
    CHECK(r.signing_key == WETEE_SNP_KEY_VCEK);
    CHECK(r.reported_tcb.raw == 0x4405000000000002ull);
    CHECK(r.reported_tcb.bootloader == 2 && r.reported_tcb.tee == 0 && r.reported_tcb.snp == 5 &&
          r.reported_tcb.microcode == 68 && r.reported_tcb.fmc == 0);
    CHECK_HEX(r.measurement, 48,
              "b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01");
    CHECK_HEX(r.report_data, 8, "0102030405000000");
    for (int i = 5; i < 64; i++) CHECK(r.report_data[i] == 0);
    CHECK(r.signature_algo == 1);
    /* the validity window is the VCEK's: its ends verify, one second outside fails as expired */
    CHECK_OK(verify_at(&s, s.report, VCEK_FROM, NULL));
    CHECK_OK(verify_at(&s, s.report, VCEK_UNTIL, NULL));
    CHECK_ERR(verify_at(&s, s.report, VCEK_FROM - 1, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("VCEK certificate: not yet valid");
    CHECK_ERR(verify_at(&s, s.report, VCEK_UNTIL + 1, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("VCEK certificate: expired");
    /* the chain given as DER certificates one after the other, ARK first */
    {
        wetee_snp_verify_opts o = WETEE_SNP_VERIFY_OPTS_INIT;
        o.time = T_SAMPLE;
        CHECK_OK(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.milan, s.milan_len, &o));
        o.product = WETEE_SNP_PRODUCT_MILAN;
        CHECK_OK(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.milan, s.milan_len, &o));
        o.product = WETEE_SNP_PRODUCT_GENOA; /* the leaf says Milan-B0 */
        CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.genoa, s.genoa_len, &o),
                  WETEE_ERR_VERIFY);
        CHECK_DETAIL("productName");
    }
    free_sample(&s);
}

WT_TEST(test_sample_parse_fields)
{
    sample s;
    wetee_snp_report r;
    wetee_buf j = WETEE_BUF_INIT;
    if (!load_sample(&s)) {
        free_sample(&s);
        WT_SKIP("attestation/snp vectors absent");
    }
    CHECK_OK(wetee_snp_report_parse(&r, s.report, s.report_len));
    CHECK(r.product == WETEE_SNP_PRODUCT_UNKNOWN); /* VERSION 2 has no CPUID bytes */
    CHECK(r.vmpl == 0 && r.guest_svn == 0 && r.platform_info == 1);
    CHECK(r.current_tcb.raw == 0x4405000000000002ull && r.committed_tcb.raw == 0x4405000000000002ull &&
          r.launch_tcb.raw == 0x4405000000000002ull);
    CHECK(r.current_build == 3 && r.current_minor == 0x31 && r.current_major == 1);
    CHECK(r.committed_build == 3 && r.committed_minor == 0x31 && r.committed_major == 1);
    CHECK_HEX(r.chip_id, 8, "3ac3fe21e13fb099");
    CHECK_HEX(r.report_id, 4, "8edc638e");
    CHECK_HEX(r.report_id_ma, 4, "ffffffff");
    CHECK_HEX(r.signature_r, 4, "4f8e8b5a");
    CHECK_OK(wetee_snp_report_to_json(&j, &r));
    CHECK(strstr((const char *)j.data, "\"measurement\":\"b07af962") != NULL);
    CHECK(strstr((const char *)j.data, "\"reported_tcb\":{\"raw\":\"4405000000000002\",\"fmc\":0,\"bootloader\":2,"
                                       "\"tee\":0,\"snp\":5,\"microcode\":68}") != NULL);
    CHECK(strstr((const char *)j.data, "\"debug\":1") != NULL);
    wetee_buf_free(&j);
    free_sample(&s);
}

/* Every byte of the signed region, and the low 48 bytes of R and S, flipped:
 * the signature check comes first, so each is a signature failure. */
WT_TEST(test_sample_every_signed_byte)
{
    sample s;
    if (!load_sample(&s)) {
        free_sample(&s);
        WT_SKIP("attestation/snp vectors absent");
    }
    uint8_t rep[WETEE_SNP_REPORT_BYTES];
    int bad = 0;
    for (size_t i = 0; i < WETEE_SNP_SIGNED_BYTES + 144; i++) {
        if (i >= WETEE_SNP_SIGNED_BYTES && (i - WETEE_SNP_SIGNED_BYTES) % 72 >= 48) continue;
        memcpy(rep, s.report, sizeof rep);
        rep[i] ^= (uint8_t)(1u << (i % 8));
        int rc = verify_at(&s, rep, T_SAMPLE, NULL);
        if (rc != WETEE_ERR_VERIFY || strstr(wetee_last_error(), "signature does not verify") == NULL) {
            if (bad++ < 5) fprintf(stderr, "byte 0x%zx: rc %d: %s\n", i, rc, wetee_last_error());
        }
    }
    CHECK(bad == 0);
    /* bytes 48..71 of R: not a P-384 scalar any more */
    memcpy(rep, s.report, sizeof rep);
    rep[0x2a0 + 50] = 1;
    CHECK_ERR(verify_at(&s, rep, T_SAMPLE, NULL), WETEE_ERR_VERIFY);
    /* the signature's reserved tail is outside the signed region but must be zero */
    memcpy(rep, s.report, sizeof rep);
    rep[0x400] = 1;
    CHECK_ERR(verify_at(&s, rep, T_SAMPLE, NULL), WETEE_ERR_DECODE);
    CHECK_DETAIL("offset 0x400");
    free_sample(&s);
}

WT_TEST(test_sample_wrong_chain)
{
    sample s;
    wetee_snp_verify_opts o = WETEE_SNP_VERIFY_OPTS_INIT;
    if (!load_sample(&s)) {
        free_sample(&s);
        WT_SKIP("attestation/snp vectors absent");
    }
    o.time = T_SAMPLE;
    /* Milan report with the Genoa or Turin chain: the ARK is not Milan's */
    CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.genoa, s.genoa_len, &o),
              WETEE_ERR_VERIFY);
    CHECK_DETAIL("untrusted root");
    CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.turin, s.turin_len, &o),
              WETEE_ERR_VERIFY);
    CHECK_DETAIL("untrusted root");
    /* a caller anchor that is not the chain's ARK */
    {
        const char *p = strstr((const char *)s.genoa + 10, "-----BEGIN");
        o.ark = (const uint8_t *)p;
        o.ark_len = s.genoa_len - (size_t)(p - (const char *)s.genoa);
        CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.milan, s.milan_len, &o),
                  WETEE_ERR_VERIFY);
        CHECK_DETAIL("caller's trust anchor");
        /* the Milan ARK as the caller's anchor: accepted */
        p = strstr((const char *)s.milan + 10, "-----BEGIN");
        o.ark = (const uint8_t *)p;
        o.ark_len = s.milan_len - (size_t)(p - (const char *)s.milan);
        CHECK_OK(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.milan, s.milan_len, &o));
        /* chain holding only the ASK, ARK from the anchor */
        CHECK_OK(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.milan,
                                  (size_t)(p - (const char *)s.milan), &o));
        o.ark = NULL;
        o.ark_len = 0;
        CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.milan,
                                   (size_t)(p - (const char *)s.milan), &o),
                  WETEE_ERR_VERIFY);
        CHECK_DETAIL("needs the ASK and the ARK");
    }
    /* the VCEK in place of the ASK: not signed by the ARK */
    CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.vcek, s.vcek_len, &o),
              WETEE_ERR_VERIFY);
    /* an ASK as the leaf: not P-384 */
    CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.milan, s.milan_len, s.milan, s.milan_len, &o),
              WETEE_ERR_TRAILING); /* two certificates where one leaf is expected */
    CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.milan, 2000, s.milan, s.milan_len, &o),
              WETEE_ERR_DECODE);
    free_sample(&s);
}

WT_TEST(test_parse_bad_reports)
{
    uint8_t rep[WETEE_SNP_REPORT_BYTES + 8], chip[64] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    wetee_snp_report r;
    snp_gen_report(rep, 3, WETEE_SNP_PRODUCT_MILAN, 0x30000, 0x0018000000000003ull, chip, 0);
    CHECK_OK(wetee_snp_report_parse(&r, rep, WETEE_SNP_REPORT_BYTES));
    CHECK(r.product == WETEE_SNP_PRODUCT_MILAN && r.cpuid_family == 0x19 && r.cpuid_model == 1);
    CHECK(r.reported_tcb.snp == 0x18 && r.reported_tcb.bootloader == 3);
    CHECK_ERR(wetee_snp_report_parse(&r, rep, WETEE_SNP_REPORT_BYTES - 1), WETEE_ERR_TRUNCATED);
    CHECK_DETAIL("truncated");
    CHECK_ERR(wetee_snp_report_parse(&r, rep, 0), WETEE_ERR_TRUNCATED);
    CHECK_ERR(wetee_snp_report_parse(&r, rep, WETEE_SNP_REPORT_BYTES + 1), WETEE_ERR_TRAILING);
    CHECK_ERR(wetee_snp_report_parse(NULL, rep, WETEE_SNP_REPORT_BYTES), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_snp_report_parse(&r, NULL, 5), WETEE_ERR_INVALID_ARGUMENT);
    static const struct { size_t off; uint8_t val; int code; const char *detail; } cases[] = {
        { 0x000, 4, WETEE_ERR_UNSUPPORTED, "VERSION 4" },
        { 0x000, 1, WETEE_ERR_UNSUPPORTED, "VERSION 1" },
        { 0x034, 2, WETEE_ERR_UNSUPPORTED, "SIGNATURE_ALGO 2" },
        { 0x00a, 0, WETEE_ERR_DECODE, "bit 17" },
        { 0x048, 0x20, WETEE_ERR_DECODE, "bits 31:5" },
        { 0x048, 0x08, WETEE_ERR_DECODE, "SIGNING_KEY 2 is reserved" },
        { 0x04c, 1, WETEE_ERR_DECODE, "offset 0x04c" },
        { 0x18b, 1, WETEE_ERR_DECODE, "offset 0x18b" },
        { 0x19f, 1, WETEE_ERR_DECODE, "offset 0x19f" },
        { 0x1eb, 1, WETEE_ERR_DECODE, "offset 0x1eb" },
        { 0x1ef, 1, WETEE_ERR_DECODE, "offset 0x1ef" },
        { 0x1f8, 1, WETEE_ERR_DECODE, "offset 0x1f8" }, /* mitigation vectors are VERSION 5 only */
        { 0x208, 1, WETEE_ERR_DECODE, "offset 0x208" },
        { 0x29f, 1, WETEE_ERR_DECODE, "offset 0x29f" },
        { 0x2a0 + 60, 1, WETEE_ERR_DECODE, "R above 48" },
        { 0x2e8 + 48, 1, WETEE_ERR_DECODE, "S above 48" },
        { 0x49f, 1, WETEE_ERR_DECODE, "offset 0x49f" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint8_t save = rep[cases[i].off];
        rep[cases[i].off] = cases[i].val;
        CHECK_ERR(wetee_snp_report_parse(&r, rep, WETEE_SNP_REPORT_BYTES), cases[i].code);
        CHECK_DETAIL(cases[i].detail);
        CHECK(r.version == 0); /* zeroed on failure */
        rep[cases[i].off] = save;
    }
    /* VERSION 2: the CPUID bytes are reserved */
    snp_gen_report(rep, 2, WETEE_SNP_PRODUCT_MILAN, 0x30000, 0, chip, 0);
    CHECK_OK(wetee_snp_report_parse(&r, rep, WETEE_SNP_REPORT_BYTES));
    rep[0x188] = 0x19;
    CHECK_ERR(wetee_snp_report_parse(&r, rep, WETEE_SNP_REPORT_BYTES), WETEE_ERR_DECODE);
    /* Turin: 8-byte chip id, the rest zero; mitigation vectors in VERSION 5 */
    snp_gen_report(rep, 5, WETEE_SNP_PRODUCT_TURIN, 0x30000, 0x4400000004030201ull, chip, 0);
    CHECK_OK(wetee_snp_report_parse(&r, rep, WETEE_SNP_REPORT_BYTES));
    CHECK(r.product == WETEE_SNP_PRODUCT_TURIN && r.launch_mit_vector == 3 && r.current_mit_vector == 7);
    CHECK(r.reported_tcb.fmc == 1 && r.reported_tcb.bootloader == 2 && r.reported_tcb.tee == 3 &&
          r.reported_tcb.snp == 4 && r.reported_tcb.microcode == 0x44);
    rep[0x1a0 + 8] = 1;
    CHECK_ERR(wetee_snp_report_parse(&r, rep, WETEE_SNP_REPORT_BYTES), WETEE_ERR_DECODE);
    CHECK_DETAIL("Turin CHIP_ID");
    /* garbage */
    for (int k = 0; k < 200; k++) {
        for (size_t i = 0; i < WETEE_SNP_REPORT_BYTES; i++) rep[i] = (uint8_t)wt_rand();
        int rc = wetee_snp_report_parse(&r, rep, WETEE_SNP_REPORT_BYTES);
        CHECK(rc == WETEE_ERR_UNSUPPORTED || rc == WETEE_ERR_DECODE);
        CHECK(wetee_last_error()[0] != '\0');
    }
}

WT_TEST(test_tcb_split)
{
    wetee_snp_tcb t;
    CHECK_OK(wetee_snp_tcb_split(&t, 0x4405000000000002ull, WETEE_SNP_PRODUCT_MILAN));
    CHECK(t.bootloader == 2 && t.tee == 0 && t.snp == 5 && t.microcode == 0x44 && t.fmc == 0);
    CHECK_OK(wetee_snp_tcb_split(&t, 0x4405000000000002ull, WETEE_SNP_PRODUCT_GENOA));
    CHECK(t.snp == 5);
    CHECK_OK(wetee_snp_tcb_split(&t, 0x4800000004030201ull, WETEE_SNP_PRODUCT_TURIN));
    CHECK(t.fmc == 1 && t.bootloader == 2 && t.tee == 3 && t.snp == 4 && t.microcode == 0x48 && t.raw == 0x4800000004030201ull);
    CHECK_ERR(wetee_snp_tcb_split(NULL, 0, WETEE_SNP_PRODUCT_TURIN), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_STR(wetee_snp_product_name(WETEE_SNP_PRODUCT_TURIN), "Turin");
    CHECK_STR(wetee_snp_product_name(99), "unknown");
    CHECK(wetee_snp_report_bytes() == 1184);
}

/* ---- synthetic chains ---- */

typedef struct synth {
    snp_chain c;
    uint8_t rep[WETEE_SNP_REPORT_BYTES];
    wetee_snp_verify_opts o;
} synth;

static int synth_make(synth *s, const snp_gen_opts *g, unsigned version, uint64_t policy, uint64_t tcb,
                      const uint8_t chip[64], unsigned key)
{
    if (snp_gen_chain(&s->c, g) != 0) return -1;
    snp_gen_report(s->rep, version, g->product, policy, tcb, chip, key);
    if (snp_gen_sign(s->rep, &s->c) != 0) return -1;
    wetee_snp_verify_opts o = WETEE_SNP_VERIFY_OPTS_INIT;
    o.time = T_SAMPLE;
    o.ark = s->c.ark_der;
    o.ark_len = s->c.ark_der_len;
    s->o = o;
    return 0;
}

static int synth_verify(synth *s, wetee_snp_report *out)
{
    return wetee_snp_verify(out, s->rep, sizeof s->rep, s->c.leaf_der, s->c.leaf_der_len,
                            (const uint8_t *)s->c.chain_pem, s->c.chain_pem_len, &s->o);
}

static const uint8_t CHIP[64] = { 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd,
                                  0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda,
                                  0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7,
                                  0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf2, 0xf3, 0xf4,
                                  0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff, 0x01 };
static const uint8_t TURIN_CHIP[64] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };

#define MILAN_TCB 0xdb18000000000004ull /* BL 4, TEE 0, SNP 0x18, uCode 0xdb */
#define TURIN_TCB 0x4800000005090101ull /* FMC 1, BL 1, TEE 9, SNP 5, uCode 0x48 */

WT_TEST(test_synthetic_versions_and_products)
{
    static const struct { int product; unsigned version; uint64_t tcb; const uint8_t *chip; } cases[] = {
        { WETEE_SNP_PRODUCT_MILAN, 3, MILAN_TCB, CHIP },
        { WETEE_SNP_PRODUCT_GENOA, 3, 0x1c17000000000009ull, CHIP },
        { WETEE_SNP_PRODUCT_GENOA, 5, 0x1c17000000000009ull, CHIP },
        { WETEE_SNP_PRODUCT_TURIN, 5, TURIN_TCB, TURIN_CHIP },
        { WETEE_SNP_PRODUCT_MILAN, 2, MILAN_TCB, CHIP },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        synth s;
        snp_gen_opts g;
        wetee_snp_report r;
        snp_gen_defaults(&g, cases[i].product, cases[i].tcb, cases[i].chip);
        if (synth_make(&s, &g, cases[i].version, 0x30000, cases[i].tcb, cases[i].chip, 0) != 0) {
            CHECK(!"synthetic chain");
            continue;
        }
        CHECK_OK(synth_verify(&s, &r));
        CHECK((int)r.product == cases[i].product && r.version == cases[i].version);
        CHECK(r.reported_tcb.raw == cases[i].tcb);
        /* AMD's pinned ARK instead of the synthetic one: untrusted */
        s.o.ark = NULL;
        s.o.ark_len = 0;
        CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
        CHECK_DETAIL("untrusted root");
        snp_chain_free(&s.c);
    }
}

WT_TEST(test_synthetic_turin_fmc_and_hwid)
{
    synth s;
    snp_gen_opts g;
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_TURIN, TURIN_TCB, TURIN_CHIP);
    /* FMC SPL in the certificate differs from REPORTED_TCB */
    g.spl[9] = 2;
    if (synth_make(&s, &g, 5, 0x30000, TURIN_TCB, TURIN_CHIP, 0) != 0) { CHECK(!"chain"); return; }
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("FMC SPL 2 in the certificate, 1 in REPORTED_TCB");
    snp_chain_free(&s.c);
    /* FMC SPL missing on Turin */
    g.spl[9] = -1;
    if (synth_make(&s, &g, 5, 0x30000, TURIN_TCB, TURIN_CHIP, 0) != 0) { CHECK(!"chain"); return; }
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("FMC SPL extension");
    snp_chain_free(&s.c);
    /* a 64-byte hwID on Turin */
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_TURIN, TURIN_TCB, TURIN_CHIP);
    g.hwid_len = 64;
    if (synth_make(&s, &g, 5, 0x30000, TURIN_TCB, TURIN_CHIP, 0) != 0) { CHECK(!"chain"); return; }
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("chip id mismatch");
    snp_chain_free(&s.c);
    /* the Milan layout read on a Turin report would see SNP = byte 6 */
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_TURIN, TURIN_TCB, TURIN_CHIP);
    g.spl[3] = 0;
    if (synth_make(&s, &g, 5, 0x30000, TURIN_TCB, TURIN_CHIP, 0) != 0) { CHECK(!"chain"); return; }
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("SNP SPL 0 in the certificate, 5 in REPORTED_TCB");
    snp_chain_free(&s.c);
}

WT_TEST(test_synthetic_extension_mismatches)
{
    synth s;
    snp_gen_opts g;
    static const struct { int idx; const char *detail; } spl_cases[] = {
        { 1, "BL SPL 5 in the certificate, 4 in" },
        { 2, "TEE SPL 5 in the certificate, 0 in" },
        { 3, "SNP SPL 5 in the certificate, 24 in" },
        { 8, "uCode SPL 5 in the certificate, 219 in" },
    };
    for (size_t i = 0; i < sizeof spl_cases / sizeof spl_cases[0]; i++) {
        snp_gen_defaults(&g, WETEE_SNP_PRODUCT_MILAN, MILAN_TCB, CHIP);
        g.spl[spl_cases[i].idx] = 5;
        if (synth_make(&s, &g, 3, 0x30000, MILAN_TCB, CHIP, 0) != 0) { CHECK(!"chain"); return; }
        CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
        CHECK_DETAIL(spl_cases[i].detail);
        snp_chain_free(&s.c);
    }
    /* hwID differs from CHIP_ID in one byte */
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_MILAN, MILAN_TCB, CHIP);
    g.hwid[63] ^= 1;
    if (synth_make(&s, &g, 3, 0x30000, MILAN_TCB, CHIP, 0) != 0) { CHECK(!"chain"); return; }
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("chip id mismatch");
    snp_chain_free(&s.c);
    /* MASK_CHIP_KEY: CHIP_ID is zero and not compared */
    {
        uint8_t zero[64] = { 0 };
        if (synth_make(&s, &g, 3, 0x30000, MILAN_TCB, zero, 0) != 0) { CHECK(!"chain"); return; }
        s.rep[0x48] |= 2;
        snp_gen_sign(s.rep, &s.c);
        wetee_snp_report r;
        CHECK_OK(synth_verify(&s, &r));
        CHECK(r.mask_chip_key == 1);
        snp_chain_free(&s.c);
    }
    /* hwID missing */
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_MILAN, MILAN_TCB, CHIP);
    g.hwid_len = 0;
    if (synth_make(&s, &g, 3, 0x30000, MILAN_TCB, CHIP, 0) != 0) { CHECK(!"chain"); return; }
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("hwID extension missing");
    snp_chain_free(&s.c);
    /* productName of another product */
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_MILAN, MILAN_TCB, CHIP);
    g.product_name = "Genoa-B1";
    if (synth_make(&s, &g, 3, 0x30000, MILAN_TCB, CHIP, 0) != 0) { CHECK(!"chain"); return; }
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("productName");
    snp_chain_free(&s.c);
    /* leaf signed with PSS salt 32 */
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_MILAN, MILAN_TCB, CHIP);
    g.salt = 32;
    if (synth_make(&s, &g, 3, 0x30000, MILAN_TCB, CHIP, 0) != 0) { CHECK(!"chain"); return; }
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("salt 48");
    snp_chain_free(&s.c);
    /* the leaf's validity */
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_MILAN, MILAN_TCB, CHIP);
    g.not_before = T_SAMPLE + 1;
    if (synth_make(&s, &g, 3, 0x30000, MILAN_TCB, CHIP, 0) != 0) { CHECK(!"chain"); return; }
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("not yet valid");
    s.o.time = T_SAMPLE + 1;
    CHECK_OK(synth_verify(&s, NULL));
    snp_chain_free(&s.c);
}

WT_TEST(test_synthetic_key_types)
{
    synth s;
    snp_gen_opts g;
    wetee_snp_report r;
    /* VLEK signed through the ASVK */
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_GENOA, 0x1c17000000000009ull, CHIP);
    g.vlek = 1;
    g.hwid_len = 0;
    if (synth_make(&s, &g, 3, 0x30000, 0x1c17000000000009ull, CHIP, 1) != 0) { CHECK(!"chain"); return; }
    CHECK_OK(synth_verify(&s, &r));
    CHECK(r.signing_key == WETEE_SNP_KEY_VLEK);
    /* the report claims a VCEK but the leaf is a VLEK */
    s.rep[0x48] = 0;
    snp_gen_sign(s.rep, &s.c);
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("SIGNING_KEY 0 names a VCEK");
    /* SIGNING_KEY 7: no signature */
    s.rep[0x48] = 7 << 2;
    snp_gen_sign(s.rep, &s.c);
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("SIGNING_KEY 7");
    snp_chain_free(&s.c);
    /* the report claims a VLEK but the leaf is a VCEK */
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_GENOA, 0x1c17000000000009ull, CHIP);
    if (synth_make(&s, &g, 3, 0x30000, 0x1c17000000000009ull, CHIP, 1) != 0) { CHECK(!"chain"); return; }
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("SIGNING_KEY 1 names a VLEK");
    snp_chain_free(&s.c);
}

WT_TEST(test_synthetic_crl)
{
    synth s;
    snp_gen_opts g;
    uint8_t crl[4096];
    size_t n = 0;
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_MILAN, MILAN_TCB, CHIP);
    if (synth_make(&s, &g, 3, 0x30000, MILAN_TCB, CHIP, 0) != 0) { CHECK(!"chain"); return; }
    CHECK(snp_gen_crl(crl, sizeof crl, &n, &s.c, 0, T_SAMPLE - 100, T_SAMPLE + 100) == 0);
    s.o.crl = crl;
    s.o.crl_len = n;
    CHECK_OK(synth_verify(&s, NULL));
    s.o.time = T_SAMPLE + 101;
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("CRL: expired");
    s.o.time = T_SAMPLE - 101;
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("CRL: not yet valid");
    s.o.time = T_SAMPLE;
    crl[n - 10] ^= 1; /* inside the signature */
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("CRL: signature");
    CHECK(snp_gen_crl(crl, sizeof crl, &n, &s.c, 1, T_SAMPLE - 100, T_SAMPLE + 100) == 0);
    s.o.crl_len = n;
    CHECK_ERR(synth_verify(&s, NULL), WETEE_ERR_VERIFY);
    CHECK_DETAIL("revoked");
    s.o.crl_len = 7;
    CHECK(synth_verify(&s, NULL) != WETEE_OK);
    snp_chain_free(&s.c);
}

WT_TEST(test_bad_der)
{
    sample s;
    wetee_snp_verify_opts o = WETEE_SNP_VERIFY_OPTS_INIT;
    uint8_t deep[200], *huge;
    if (!load_sample(&s)) {
        free_sample(&s);
        WT_SKIP("attestation/snp vectors absent");
    }
    o.time = T_SAMPLE;
    /* 40 nested SEQUENCEs */
    for (int i = 0; i < 40; i++) {
        deep[2 * i] = 0x30;
        deep[2 * i + 1] = (uint8_t)(2 * (40 - i) - 2);
    }
    CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, deep, 80, s.milan, s.milan_len, &o), WETEE_ERR_DEPTH);
    CHECK_DETAIL("nested deeper than 16");
    /* a certificate above the size limit */
    huge = calloc(1, 140000);
    huge[0] = 0x30;
    huge[1] = 0x83;
    huge[2] = 0x01;
    huge[3] = 0x11;
    huge[4] = 0x6b;
    CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, huge, 70000, s.milan, s.milan_len, &o), WETEE_ERR_TOO_LONG);
    /* a chain of huge PEM size */
    CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, huge, 131073, &o),
              WETEE_ERR_TOO_LONG);
    free(huge);
    /* indefinite length, truncated element, garbage */
    {
        static const uint8_t indef[] = { 0x30, 0x80, 0x02, 0x01, 0x00, 0x00, 0x00 };
        static const uint8_t trunc[] = { 0x30, 0x82, 0x05, 0x00, 0x02 };
        static const uint8_t junk[] = { 0x02, 0x01, 0x00 };
        CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, indef, sizeof indef, s.milan, s.milan_len, &o),
                  WETEE_ERR_DECODE);
        CHECK_DETAIL("indefinite");
        CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, trunc, sizeof trunc, s.milan, s.milan_len, &o),
                  WETEE_ERR_TRUNCATED);
        CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, junk, sizeof junk, s.milan, s.milan_len, &o),
                  WETEE_ERR_DECODE);
        CHECK_DETAIL("not an X.509 certificate");
        CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len - 1, s.milan, s.milan_len, &o),
                  WETEE_ERR_TRUNCATED);
    }
    /* a PEM block of another kind */
    {
        static const char key[] = "-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----\n";
        CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, (const uint8_t *)key, sizeof key - 1, s.milan,
                                   s.milan_len, &o),
                  WETEE_ERR_DECODE);
        CHECK_DETAIL("is not a CERTIFICATE");
    }
    /* report length errors come before the certificates */
    CHECK_ERR(wetee_snp_verify(NULL, s.report, 100, s.vcek, s.vcek_len, s.milan, s.milan_len, &o), WETEE_ERR_TRUNCATED);
    {
        uint8_t *big = calloc(1, 2000);
        memcpy(big, s.report, s.report_len);
        CHECK_ERR(wetee_snp_verify(NULL, big, 2000, s.vcek, s.vcek_len, s.milan, s.milan_len, &o), WETEE_ERR_TRAILING);
        free(big);
    }
    /* options */
    o.time = 0;
    CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.milan, s.milan_len, &o),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK_DETAIL("verification time");
    o.time = T_SAMPLE;
    o.version = 99;
    CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.milan, s.milan_len, &o),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_snp_verify(NULL, s.report, s.report_len, s.vcek, s.vcek_len, s.milan, s.milan_len, NULL),
              WETEE_ERR_INVALID_ARGUMENT);
    free_sample(&s);
}

/* ---- through the attestation module (attest.h) ---- */

static wetee_attest_collateral *sample_collateral(const sample *s)
{
    wetee_attest_collateral *c = NULL;
    CHECK_OK(wetee_attest_collateral_new(&c));
    CHECK_OK(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_SNP_VCEK, s->vcek, s->vcek_len));
    CHECK_OK(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_SNP_CERT_CHAIN, s->milan, s->milan_len));
    return c;
}

static int evidence(wetee_attest_result **r, const uint8_t *ev, size_t len, wetee_attest_collateral *c,
                    const wetee_attest_anchors *a, const wetee_attest_policy *p, uint64_t t)
{
    wetee_attest_result_free(*r);
    *r = NULL;
    return wetee_attest_verify_evidence(r, ev, len, c, a, p, t);
}

WT_TEST(test_evidence_sample_verdicts)
{
    sample s;
    wetee_attest_result *r = NULL;
    wetee_attest_policy *p = NULL;
    const uint8_t *f;
    size_t fl;
    uint64_t v;
    if (!load_sample(&s)) {
        free_sample(&s);
        WT_SKIP("attestation/snp vectors absent");
    }
    wetee_attest_collateral *c = sample_collateral(&s);
    /* strict default policy: the guest allows debugging */
    CHECK_ERR(evidence(&r, s.report, s.report_len, c, NULL, NULL, T_SAMPLE), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_SEV_SNP);
    CHECK(wetee_attest_result_verdict(r) == WETEE_ATTEST_REJECT);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_DEBUG);
    /* debug allowed: SNP SPL 5 is below AMD-SB-3019's Milan minimum 0x18, so OutOfDate */
    CHECK_OK(wetee_attest_policy_new(&p));
    CHECK_OK(wetee_attest_policy_allow_debug(p, 1));
    CHECK_ERR(evidence(&r, s.report, s.report_len, c, NULL, p, T_SAMPLE), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_STATUS_POLICY);
    CHECK(wetee_attest_result_tcb_status(r) == WETEE_ATTEST_TCB_OUT_OF_DATE);
    CHECK_OK(wetee_attest_policy_accept_status(p, WETEE_ATTEST_TCB_OUT_OF_DATE));
    CHECK_OK(evidence(&r, s.report, s.report_len, c, NULL, p, T_SAMPLE));
    CHECK(wetee_attest_result_verdict(r) == WETEE_ATTEST_ACCEPT);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_NONE);
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_SNP_MEASUREMENT, &f, &fl));
    CHECK(fl == 48);
    CHECK_HEX(f, 4, "b07af962");
    CHECK_OK(wetee_attest_result_field(r, WETEE_ATTEST_FIELD_REPORT_DATA, &f, &fl));
    CHECK(fl == 64);
    CHECK_HEX(f, 6, "010203040500");
    CHECK_OK(wetee_attest_result_u64(r, WETEE_ATTEST_FIELD_SNP_REPORTED_TCB, &v));
    CHECK(v == 0x4405000000000002ull);
    CHECK_OK(wetee_attest_result_u64(r, WETEE_ATTEST_FIELD_SNP_POLICY, &v));
    CHECK(v == 0xB0000);
    {
        int expired = -1;
        uint64_t earliest = 0;
        CHECK_OK(wetee_attest_result_expiry(r, &expired, &earliest));
        CHECK(expired == 0 && earliest == VCEK_UNTIL);
    }
    /* outside the window: strict fails, QvE-style lenient sets the flag */
    CHECK_ERR(evidence(&r, s.report, s.report_len, c, NULL, p, VCEK_UNTIL + 1), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED);
    CHECK_ERR(evidence(&r, s.report, s.report_len, c, NULL, p, VCEK_FROM - 1), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED);
    CHECK_OK(wetee_attest_policy_strict_expiry(p, 0));
    CHECK_OK(evidence(&r, s.report, s.report_len, c, NULL, p, VCEK_UNTIL + 1));
    {
        int expired = 0;
        CHECK_OK(wetee_attest_result_expiry(r, &expired, NULL));
        CHECK(expired == 1);
    }
    wetee_attest_policy_free(p);
    p = NULL;
    /* policy expectations */
    static const struct { const char *json; int check; } cases[] = {
        { "{\"allow_debug\":true,\"accept_status\":[\"OutOfDate\"],\"measurement\":\"b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01\",\"report_data\":\"0102030405\"}", WETEE_ATTEST_CHECK_NONE },
        { "{\"allow_debug\":true,\"accept_status\":[\"OutOfDate\"],\"measurement\":\"b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b02\"}", WETEE_ATTEST_CHECK_MEASUREMENT },
        { "{\"allow_debug\":true,\"accept_status\":[\"OutOfDate\"],\"host_data\":\"0100000000000000000000000000000000000000000000000000000000000000\"}", WETEE_ATTEST_CHECK_MEASUREMENT },
        { "{\"allow_debug\":true,\"accept_status\":[\"OutOfDate\"],\"snp_min_tcb\":\"0x4406000000000002\"}", WETEE_ATTEST_CHECK_SVN },
        { "{\"allow_debug\":true,\"accept_status\":[\"OutOfDate\"],\"snp_min_tcb\":\"0x4405000000000002\"}", WETEE_ATTEST_CHECK_NONE },
        { "{\"allow_debug\":true,\"accept_status\":[\"OutOfDate\"],\"min_guest_svn\":1}", WETEE_ATTEST_CHECK_SVN },
        { "{\"allow_debug\":true,\"accept_status\":[\"OutOfDate\"],\"report_data\":\"0102030406\"}", WETEE_ATTEST_CHECK_REPORT_DATA },
        { "{\"allow_debug\":true,\"accept_status\":[\"OutOfDate\"],\"snp_policy_mask\":\"0x10000\",\"snp_policy_value\":\"0x0\"}", WETEE_ATTEST_CHECK_ATTRIBUTES },
        { "{\"allow_debug\":true,\"accept_status\":[\"OutOfDate\"],\"tee\":[\"tdx\"]}", WETEE_ATTEST_CHECK_TEE_KIND },
        { "{\"accept_status\":[\"OutOfDate\"],\"measurement\":\"b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01\"}", WETEE_ATTEST_CHECK_DEBUG },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_OK(wetee_attest_policy_from_json(&p, cases[i].json, strlen(cases[i].json)));
        int rc = evidence(&r, s.report, s.report_len, c, NULL, p, T_SAMPLE);
        CHECK(rc == (cases[i].check == WETEE_ATTEST_CHECK_NONE ? WETEE_OK : WETEE_ERR_VERIFY));
        if (wetee_attest_result_failed_check(r) != cases[i].check)
            fprintf(stderr, "policy case %zu: failed check %d (%s), expected %d\n", i,
                    wetee_attest_result_failed_check(r), wetee_attest_result_reason(r), cases[i].check);
        CHECK(wetee_attest_result_failed_check(r) == cases[i].check);
        wetee_attest_policy_free(p);
        p = NULL;
    }
    /* a flipped byte: quote/report signature check */
    {
        uint8_t rep[WETEE_SNP_REPORT_BYTES];
        memcpy(rep, s.report, sizeof rep);
        rep[0x90] ^= 1;
        CHECK_ERR(evidence(&r, rep, sizeof rep, c, NULL, NULL, T_SAMPLE), WETEE_ERR_VERIFY);
        CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_QUOTE_SIGNATURE);
    }
    /* the Genoa chain: untrusted root */
    {
        wetee_attest_collateral *g = NULL;
        CHECK_OK(wetee_attest_collateral_new(&g));
        CHECK_OK(wetee_attest_collateral_set(g, WETEE_ATTEST_ITEM_SNP_VCEK, s.vcek, s.vcek_len));
        CHECK_OK(wetee_attest_collateral_set(g, WETEE_ATTEST_ITEM_SNP_CERT_CHAIN, s.genoa, s.genoa_len));
        CHECK_ERR(evidence(&r, s.report, s.report_len, g, NULL, NULL, T_SAMPLE), WETEE_ERR_VERIFY);
        CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_ROOT_UNTRUSTED);
        wetee_attest_collateral_free(g);
    }
    /* no SEV-SNP collateral */
    {
        wetee_attest_collateral *e = NULL;
        CHECK_OK(wetee_attest_collateral_new(&e));
        CHECK_ERR(evidence(&r, s.report, s.report_len, e, NULL, NULL, T_SAMPLE), WETEE_ERR_VERIFY);
        CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL);
        wetee_attest_collateral_free(e);
    }
    wetee_attest_result_free(r);
    wetee_attest_collateral_free(c);
    free_sample(&s);
}

/* report ‖ GHCB certificate table (what SNP_GET_EXT_REPORT returns) */
static size_t ext_report(uint8_t *out, const uint8_t *report, const uint8_t *vcek, size_t vcek_len,
                         const uint8_t *ask, size_t ask_len, const uint8_t *ark, size_t ark_len, int mixed_endian)
{
    static const char *const guid[3] = { "63da758de6644564adc5f4b93be8accd", "4ab7b379bbac4fe4a02f05aef327c782",
                                         "c0b406a4a80349529743" "3fb6014cd0ae" };
    const uint8_t *item[3] = { vcek, ask, ark };
    size_t len[3] = { vcek_len, ask_len, ark_len }, off = 4 * 24;
    uint8_t *t = out + WETEE_SNP_REPORT_BYTES;
    memcpy(out, report, WETEE_SNP_REPORT_BYTES);
    memset(t, 0, 4 * 24);
    for (int i = 0; i < 3; i++) {
        uint8_t g[16];
        wt_unhex(g, 16, guid[i]);
        if (mixed_endian) {
            uint8_t m[16] = { g[3], g[2], g[1], g[0], g[5], g[4], g[7], g[6] };
            memcpy(m + 8, g + 8, 8);
            memcpy(g, m, 16);
        }
        memcpy(t + 24 * i, g, 16);
        for (int k = 0; k < 4; k++) {
            t[24 * i + 16 + k] = (uint8_t)(off >> (8 * k));
            t[24 * i + 20 + k] = (uint8_t)(len[i] >> (8 * k));
        }
        memcpy(t + off, item[i], len[i]);
        off += len[i];
    }
    return WETEE_SNP_REPORT_BYTES + off;
}

WT_TEST(test_evidence_extended_report)
{
    sample s;
    wetee_attest_result *r = NULL;
    wetee_attest_policy *p = NULL;
    if (!load_sample(&s)) {
        free_sample(&s);
        WT_SKIP("attestation/snp vectors absent");
    }
    /* split the Milan PEM chain into the ASK and the ARK (PEM is accepted in the table too) */
    const char *second = strstr((const char *)s.milan + 10, "-----BEGIN");
    size_t ask_len = (size_t)(second - (const char *)s.milan), ark_len = s.milan_len - ask_len;
    uint8_t *ev = malloc(WETEE_SNP_REPORT_BYTES + 4 * 24 + s.vcek_len + s.milan_len);
    {
        const char *pj = "{\"allow_debug\":true,\"accept_status\":[\"OutOfDate\"]}";
        CHECK_OK(wetee_attest_policy_from_json(&p, pj, strlen(pj)));
    }
    for (int mixed = 0; mixed < 2; mixed++) {
        size_t n = ext_report(ev, s.report, s.vcek, s.vcek_len, s.milan, ask_len, (const uint8_t *)second, ark_len, mixed);
        CHECK_OK(evidence(&r, ev, n, NULL, NULL, p, T_SAMPLE));
        CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_SEV_SNP);
        CHECK(wetee_attest_result_verdict(r) == WETEE_ATTEST_ACCEPT);
        /* an item pointing outside the table */
        ev[WETEE_SNP_REPORT_BYTES + 20] = 0xff;
        ev[WETEE_SNP_REPORT_BYTES + 21] = 0xff;
        CHECK(evidence(&r, ev, n, NULL, NULL, p, T_SAMPLE) != WETEE_OK);
        CHECK(wetee_attest_result_verdict(r) == WETEE_ATTEST_REJECT);
    }
    /* the table without the ARK: fails (AMD's ARK is pinned, not built in) */
    {
        size_t n = ext_report(ev, s.report, s.vcek, s.vcek_len, s.milan, ask_len, (const uint8_t *)second, ark_len, 0);
        memset(ev + WETEE_SNP_REPORT_BYTES + 48, 0, 24); /* the ARK entry becomes the terminator */
        CHECK_ERR(evidence(&r, ev, n, NULL, NULL, p, T_SAMPLE), WETEE_ERR_VERIFY);
        CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_CERT_CHAIN);
        /* ... unless the caller's anchors hold it */
        wetee_attest_anchors *a = NULL;
        CHECK_OK(wetee_attest_anchors_new(&a));
        CHECK_ERR(wetee_attest_anchors_set_amd_ark(a, 0, (const uint8_t *)second, ark_len), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_OK(wetee_attest_anchors_set_amd_ark(a, WETEE_SNP_PRODUCT_MILAN, (const uint8_t *)second, ark_len));
        CHECK_OK(evidence(&r, ev, n, NULL, a, p, T_SAMPLE));
        /* a Genoa ARK set for Milan: the chain's (absent) ARK is that anchor, which did not sign the ASK */
        const char *g2 = strstr((const char *)s.genoa + 10, "-----BEGIN");
        CHECK_OK(wetee_attest_anchors_set_amd_ark(a, WETEE_SNP_PRODUCT_MILAN, (const uint8_t *)g2,
                                                  s.genoa_len - (size_t)(g2 - (const char *)s.genoa)));
        CHECK_ERR(evidence(&r, ev, n, NULL, a, p, T_SAMPLE), WETEE_ERR_VERIFY);
        CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_CERT_CHAIN);
        wetee_attest_anchors_free(a);
    }
    /* no terminator */
    {
        size_t n = ext_report(ev, s.report, s.vcek, s.vcek_len, s.milan, ask_len, (const uint8_t *)second, ark_len, 0);
        CHECK(evidence(&r, ev, WETEE_SNP_REPORT_BYTES + 50, NULL, NULL, p, T_SAMPLE) != WETEE_OK);
        CHECK(wetee_attest_result_failed_check(r) != WETEE_ATTEST_CHECK_NONE);
        (void)n;
    }
    free(ev);
    wetee_attest_policy_free(p);
    wetee_attest_result_free(r);
    free_sample(&s);
}

/* WeTEE's binding: REPORT_DATA is an Ed25519 signature over
 * BE_u64(timestamp) ‖ public key ‖ message (wetee.md §7.1), in a JSON
 * envelope with the SEV-SNP collateral. */
WT_TEST(test_evidence_wetee_binding)
{
    synth s;
    snp_gen_opts g;
    uint8_t seed[32], sk[64], pk[32], msg[40 + 5] = { 0 }, sig[64];
    const uint64_t ts = T_SAMPLE - 10;
    wetee_buf hex = WETEE_BUF_INIT, vhex = WETEE_BUF_INIT, js = WETEE_BUF_INIT;
    wetee_attest_policy *p = NULL;
    wetee_attest_anchors *a = NULL;
    wetee_attest_result *r = NULL;
    for (int i = 0; i < 32; i++) seed[i] = (uint8_t)(i + 1);
    CHECK_OK(wetee_ed25519_keypair_from_seed(sk, pk, seed));
    for (int i = 0; i < 8; i++) msg[i] = (uint8_t)(ts >> (56 - 8 * i));
    memcpy(msg + 8, pk, 32);
    memcpy(msg + 40, "tx-42", 5);
    CHECK_OK(wetee_ed25519_sign(sig, sk, msg, sizeof msg));
    snp_gen_defaults(&g, WETEE_SNP_PRODUCT_GENOA, 0x1c17000000000009ull, CHIP);
    if (snp_gen_chain(&s.c, &g) != 0) { CHECK(!"chain"); return; }
    snp_gen_report(s.rep, 3, WETEE_SNP_PRODUCT_GENOA, 0x30000, 0x1c17000000000009ull, CHIP, 0);
    memcpy(s.rep + 0x50, sig, 64);
    CHECK(snp_gen_sign(s.rep, &s.c) == 0);
    CHECK_OK(wetee_hex_encode(&hex, s.rep, sizeof s.rep, 0));
    CHECK_OK(wetee_hex_encode(&vhex, s.c.leaf_der, s.c.leaf_der_len, 0));
    for (int variant = 0; variant < 3; variant++) {
        char head[512];
        snprintf(head, sizeof head, "{\"evidence\":\"%s\",\"timestamp\":%llu,\"public_key\":\"", (const char *)hex.data,
                 (unsigned long long)ts);
        wetee_buf_free(&js);
        CHECK_OK(wetee_buf_append(&js, (const uint8_t *)"{\"evidence\":\"", 13));
        CHECK_OK(wetee_buf_append(&js, hex.data, hex.len));
        snprintf(head, sizeof head, "\",\"timestamp\":%llu,\"public_key\":\"", (unsigned long long)ts);
        CHECK_OK(wetee_buf_append(&js, (const uint8_t *)head, strlen(head)));
        for (int i = 0; i < 32; i++) {
            char h[3];
            snprintf(h, sizeof h, "%02x", pk[i]);
            CHECK_OK(wetee_buf_append(&js, (const uint8_t *)h, 2));
        }
        /* variant 1: another message than the one signed */
        const char *m = variant == 1 ? "\",\"message\":\"74782d3433\"" : "\",\"message\":\"74782d3432\"";
        CHECK_OK(wetee_buf_append(&js, (const uint8_t *)m, strlen(m)));
        CHECK_OK(wetee_buf_append(&js, (const uint8_t *)",\"collateral\":{\"vcek\":\"", 23));
        CHECK_OK(wetee_buf_append(&js, vhex.data, vhex.len));
        CHECK_OK(wetee_buf_append(&js, (const uint8_t *)"\",\"cert_chain\":\"", 16));
        for (size_t i = 0; i < s.c.chain_pem_len; i++) {
            if (s.c.chain_pem[i] == '\n')
                CHECK_OK(wetee_buf_append(&js, (const uint8_t *)"\\n", 2));
            else
                CHECK_OK(wetee_buf_append(&js, (const uint8_t *)&s.c.chain_pem[i], 1));
        }
        CHECK_OK(wetee_buf_append(&js, (const uint8_t *)"\"}}", 3));
        CHECK_OK(wetee_attest_anchors_new(&a));
        CHECK_OK(wetee_attest_anchors_set_amd_ark(a, WETEE_SNP_PRODUCT_GENOA, s.c.ark_der, s.c.ark_der_len));
        CHECK_OK(wetee_attest_policy_new(&p));
        {
            uint8_t other[32] = { 9 };
            CHECK_OK(wetee_attest_policy_bind_wetee_ed25519(p, variant == 2 ? other : pk, 300));
        }
        int rc = wetee_attest_verify_evidence(&r, js.data, js.len, NULL, a, p, T_SAMPLE);
        if (variant == 0) {
            CHECK_OK(rc);
            const uint8_t *bk;
            size_t bl;
            CHECK_OK(wetee_attest_result_bound_key(r, &bk, &bl));
            CHECK(bl == 32 && memcmp(bk, pk, 32) == 0);
        } else {
            CHECK(rc == WETEE_ERR_VERIFY);
            CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_REPORT_DATA);
        }
        /* too old for max_age 300 */
        if (variant == 0) {
            wetee_attest_result_free(r);
            r = NULL;
            CHECK_ERR(wetee_attest_verify_evidence(&r, js.data, js.len, NULL, a, p, T_SAMPLE + 400), WETEE_ERR_VERIFY);
            CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_REPORT_DATA);
        }
        wetee_attest_result_free(r);
        r = NULL;
        wetee_attest_policy_free(p);
        wetee_attest_anchors_free(a);
    }
    wetee_buf_free(&hex);
    wetee_buf_free(&vhex);
    wetee_buf_free(&js);
    snp_chain_free(&s.c);
}

/* EGo / Open Enclave remote report: 16-byte header (version 1, type 2 =
 * remote, report size) ‖ SGX quote; unwrapped and verified by the DCAP path
 * with the same verdict as the bare quote. */
WT_TEST(test_evidence_open_enclave_report)
{
    size_t ql = 0, cl = 0;
    uint8_t *quote = wt_read_vector("attestation/sgx/quote.bin", &ql);
    uint8_t *coll = wt_read_vector("attestation/sgx/collateral.json", &cl);
    wetee_attest_collateral *c = NULL;
    wetee_attest_policy *p = NULL;
    wetee_attest_result *r = NULL;
    if (quote == NULL || coll == NULL) {
        free(quote);
        free(coll);
        WT_SKIP("attestation/sgx vectors absent");
    }
    uint8_t *oe = malloc(ql + 16);
    memset(oe, 0, 16);
    oe[0] = 1;
    oe[4] = 2;
    for (int k = 0; k < 8; k++) oe[8 + k] = (uint8_t)((uint64_t)ql >> (8 * k));
    memcpy(oe + 16, quote, ql);
    CHECK_OK(wetee_attest_collateral_from_json(&c, (const char *)coll, cl));
    {
        const char *pj = "{\"accept_status\":[\"ConfigurationAndSWHardeningNeeded\"],\"accept_advisories\":\"*\"}";
        CHECK_OK(wetee_attest_policy_from_json(&p, pj, strlen(pj)));
    }
    CHECK_OK(evidence(&r, quote, ql, c, NULL, p, 1751000000));
    uint32_t bare = wetee_attest_result_status_code(r);
    CHECK(bare == 0xA008);
    CHECK_OK(evidence(&r, oe, ql + 16, c, NULL, p, 1751000000));
    CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_SGX);
    CHECK(wetee_attest_result_status_code(r) == bare);
    CHECK(wetee_attest_result_verdict(r) == WETEE_ATTEST_ACCEPT);
    /* strict default policy: rejected for the status, as the bare quote */
    CHECK_ERR(evidence(&r, oe, ql + 16, c, NULL, NULL, 1751000000), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_STATUS_POLICY);
    /* a byte of the wrapped quote's signed region flipped */
    oe[16 + 100] ^= 1;
    CHECK_ERR(evidence(&r, oe, ql + 16, c, NULL, p, 1751000000), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_QUOTE_SIGNATURE);
    oe[16 + 100] ^= 1;
    /* a local (type 1) report or a wrong size is not unwrapped */
    oe[4] = 1;
    CHECK(evidence(&r, oe, ql + 16, c, NULL, p, 1751000000) != WETEE_OK);
    CHECK(wetee_attest_result_verdict(r) == WETEE_ATTEST_REJECT);
    oe[4] = 2;
    oe[8] ^= 1;
    CHECK(evidence(&r, oe, ql + 16, c, NULL, p, 1751000000) != WETEE_OK);
    CHECK(wetee_attest_result_verdict(r) == WETEE_ATTEST_REJECT);
    wetee_attest_result_free(r);
    wetee_attest_policy_free(p);
    wetee_attest_collateral_free(c);
    free(oe);
    free(quote);
    free(coll);
}

WT_MAIN("attest_snp", WT_CASE(test_sample_verifies), WT_CASE(test_sample_parse_fields),
        WT_CASE(test_sample_every_signed_byte), WT_CASE(test_sample_wrong_chain), WT_CASE(test_parse_bad_reports),
        WT_CASE(test_tcb_split), WT_CASE(test_synthetic_versions_and_products),
        WT_CASE(test_synthetic_turin_fmc_and_hwid), WT_CASE(test_synthetic_extension_mismatches),
        WT_CASE(test_synthetic_key_types), WT_CASE(test_synthetic_crl), WT_CASE(test_bad_der),
        WT_CASE(test_evidence_sample_verdicts), WT_CASE(test_evidence_extended_report),
        WT_CASE(test_evidence_wetee_binding), WT_CASE(test_evidence_open_enclave_report))
