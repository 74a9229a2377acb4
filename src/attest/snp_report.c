/* SEV-SNP attestation report: strict parsing, TCB layouts, JSON view.
 * Layout: AMD SEV-SNP ABI specification, ATTESTATION_REPORT (attestation.md §2). */
#include <stdio.h>

#include "internal/common.h"
#include "snp_impl.h"
#include "wetee/attest_snp.h"

#define MOD "attest"

size_t wetee_snp_report_bytes(void) { return WETEE_SNP_REPORT_BYTES; }

const char *wetee_snp_product_name(int product)
{
    switch (product) {
    case WETEE_SNP_PRODUCT_MILAN: return "Milan";
    case WETEE_SNP_PRODUCT_GENOA: return "Genoa";
    case WETEE_SNP_PRODUCT_TURIN: return "Turin";
    default: return "unknown";
    }
}

static void tcb_split(wetee_snp_tcb *t, uint64_t v, wetee_snp_product product)
{
    uint8_t b[8];
    wt_store_le64(b, v);
    memset(t, 0, sizeof *t);
    t->raw = v;
    if (product == WETEE_SNP_PRODUCT_TURIN) {
        t->fmc = b[0];
        t->bootloader = b[1];
        t->tee = b[2];
        t->snp = b[3];
    } else {
        t->bootloader = b[0];
        t->tee = b[1];
        t->snp = b[6];
    }
    t->microcode = b[7];
}

int wetee_snp_tcb_split(wetee_snp_tcb *out, uint64_t tcb, wetee_snp_product product)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    tcb_split(out, tcb, product);
    return WETEE_OK;
}

wetee_snp_product wt_snp_product_from_cpuid(uint8_t family, uint8_t model)
{
    if (family == 0x19) {
        if (model <= 0x0f) return WETEE_SNP_PRODUCT_MILAN;
        if ((model >= 0x10 && model <= 0x1f) || (model >= 0xa0 && model <= 0xaf)) return WETEE_SNP_PRODUCT_GENOA;
        return WETEE_SNP_PRODUCT_UNKNOWN;
    }
    if (family == 0x1a) return WETEE_SNP_PRODUCT_TURIN;
    return WETEE_SNP_PRODUCT_UNKNOWN;
}

/* First non-zero byte of report[from .. to), or -1. */
static long nonzero_at(const uint8_t *r, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (r[i] != 0) return (long)i;
    return -1;
}

static int reserved_zero(const uint8_t *r, size_t from, size_t to, const char *what)
{
    long at = nonzero_at(r, from, to);
    if (at >= 0)
        return wt_error(WETEE_ERR_DECODE, MOD ": snp report at offset 0x%03lx: %s must be zero (byte 0x%02x)",
                        (unsigned long)at, what, r[at]);
    return WETEE_OK;
}

int wt_snp_parse(wetee_snp_report *out, const uint8_t *r, size_t len, wetee_snp_product hint)
{
    int rc;
    memset(out, 0, sizeof *out);
    if (len < WETEE_SNP_REPORT_BYTES)
        return wt_error(WETEE_ERR_TRUNCATED, MOD ": snp report at offset %zu: truncated, %zu of %d bytes", len, len,
                        WETEE_SNP_REPORT_BYTES);
    if (len > WETEE_SNP_REPORT_BYTES)
        return wt_error(WETEE_ERR_TRAILING, MOD ": snp report at offset %d: %zu bytes after the %d-byte report",
                        WETEE_SNP_REPORT_BYTES, len - WETEE_SNP_REPORT_BYTES, WETEE_SNP_REPORT_BYTES);
    uint32_t version = wt_load_le32(r);
    if (version != 2 && version != 3 && version != 5)
        return wt_error(WETEE_ERR_UNSUPPORTED, MOD ": snp report at offset 0x000: VERSION %u is not 2, 3 or 5",
                        (unsigned)version);
    uint32_t algo = wt_load_le32(r + 0x34);
    if (algo != 1)
        return wt_error(WETEE_ERR_UNSUPPORTED,
                        MOD ": snp report at offset 0x034: SIGNATURE_ALGO %u is not 1 (ECDSA P-384 with SHA-384)",
                        (unsigned)algo);
    uint64_t policy = wt_load_le64(r + 0x08);
    if (!(policy & WETEE_SNP_POLICY_RESERVED1))
        return wt_error(WETEE_ERR_DECODE, MOD ": snp report at offset 0x008: POLICY bit 17 must be 1");
    uint32_t signer = wt_load_le32(r + 0x48);
    if (signer >> 5)
        return wt_error(WETEE_ERR_DECODE, MOD ": snp report at offset 0x048: signer info bits 31:5 must be zero (0x%08x)",
                        (unsigned)signer);
    unsigned key = (signer >> 2) & 7;
    if (key != WETEE_SNP_KEY_VCEK && key != WETEE_SNP_KEY_VLEK && key != WETEE_SNP_KEY_NONE)
        return wt_error(WETEE_ERR_DECODE, MOD ": snp report at offset 0x048: SIGNING_KEY %u is reserved", key);
    if ((rc = reserved_zero(r, 0x4c, 0x50, "reserved field")) != WETEE_OK) return rc;
    if ((rc = reserved_zero(r, version >= 3 ? 0x18b : 0x188, 0x1a0, "reserved field")) != WETEE_OK) return rc;
    if ((rc = reserved_zero(r, 0x1eb, 0x1ec, "reserved field")) != WETEE_OK) return rc;
    if ((rc = reserved_zero(r, 0x1ef, 0x1f0, "reserved field")) != WETEE_OK) return rc;
    if ((rc = reserved_zero(r, version >= 5 ? 0x208 : 0x1f8, 0x2a0, "reserved field")) != WETEE_OK) return rc;
    if ((rc = reserved_zero(r, 0x2a0 + 48, 0x2a0 + 72, "signature R above 48 bytes")) != WETEE_OK) return rc;
    if ((rc = reserved_zero(r, 0x2e8 + 48, 0x2e8 + 72, "signature S above 48 bytes")) != WETEE_OK) return rc;
    if ((rc = reserved_zero(r, 0x330, WETEE_SNP_REPORT_BYTES, "signature reserved field")) != WETEE_OK) return rc;

    wetee_snp_product product = WETEE_SNP_PRODUCT_UNKNOWN;
    if (version >= 3) product = wt_snp_product_from_cpuid(r[0x188], r[0x189]);
    if (product == WETEE_SNP_PRODUCT_TURIN && (rc = reserved_zero(r, 0x1a8, 0x1e0, "Turin CHIP_ID above 8 bytes")) != WETEE_OK)
        return rc;
    wetee_snp_product layout = product != WETEE_SNP_PRODUCT_UNKNOWN ? product : hint;

    out->version = version;
    out->guest_svn = wt_load_le32(r + 0x04);
    out->policy = policy;
    memcpy(out->family_id, r + 0x10, 16);
    memcpy(out->image_id, r + 0x20, 16);
    out->vmpl = wt_load_le32(r + 0x30);
    out->signature_algo = algo;
    tcb_split(&out->current_tcb, wt_load_le64(r + 0x38), layout);
    out->platform_info = wt_load_le64(r + 0x40);
    out->signer_info = signer;
    out->author_key_en = (uint8_t)(signer & 1);
    out->mask_chip_key = (uint8_t)((signer >> 1) & 1);
    out->signing_key = (uint8_t)key;
    memcpy(out->report_data, r + 0x50, 64);
    memcpy(out->measurement, r + 0x90, 48);
    memcpy(out->host_data, r + 0xc0, 32);
    memcpy(out->id_key_digest, r + 0xe0, 48);
    memcpy(out->author_key_digest, r + 0x110, 48);
    memcpy(out->report_id, r + 0x140, 32);
    memcpy(out->report_id_ma, r + 0x160, 32);
    tcb_split(&out->reported_tcb, wt_load_le64(r + 0x180), layout);
    if (version >= 3) {
        out->cpuid_family = r[0x188];
        out->cpuid_model = r[0x189];
        out->cpuid_stepping = r[0x18a];
    }
    memcpy(out->chip_id, r + 0x1a0, 64);
    tcb_split(&out->committed_tcb, wt_load_le64(r + 0x1e0), layout);
    out->current_build = r[0x1e8];
    out->current_minor = r[0x1e9];
    out->current_major = r[0x1ea];
    out->committed_build = r[0x1ec];
    out->committed_minor = r[0x1ed];
    out->committed_major = r[0x1ee];
    tcb_split(&out->launch_tcb, wt_load_le64(r + 0x1f0), layout);
    if (version >= 5) {
        out->launch_mit_vector = wt_load_le64(r + 0x1f8);
        out->current_mit_vector = wt_load_le64(r + 0x200);
    }
    memcpy(out->signature_r, r + 0x2a0, 72);
    memcpy(out->signature_s, r + 0x2e8, 72);
    out->product = product;
    return WETEE_OK;
}

int wetee_snp_report_parse(wetee_snp_report *out, const uint8_t *data, size_t len)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    memset(out, 0, sizeof *out);
    WT_ARG_DATA(data, len, MOD);
    return wt_snp_parse(out, data, len, WETEE_SNP_PRODUCT_UNKNOWN);
}

/* ---- JSON view ---- */

static int put(wetee_buf *b, const char *s) { return wetee_buf_append(b, (const uint8_t *)s, strlen(s)); }

static int put_hex(wetee_buf *b, const char *name, const uint8_t *p, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    char tmp[160];
    int rc;
    snprintf(tmp, sizeof tmp, "\"%s\":\"", name);
    if ((rc = put(b, tmp)) != WETEE_OK) return rc;
    if ((rc = wt_buf_grow(b, 2 * n + 3)) != WETEE_OK) return rc;
    for (size_t i = 0; i < n; i++) {
        b->data[b->len++] = (uint8_t)digits[p[i] >> 4];
        b->data[b->len++] = (uint8_t)digits[p[i] & 15];
    }
    return put(b, "\",");
}

static int put_u64(wetee_buf *b, const char *name, uint64_t v)
{
    char tmp[96];
    snprintf(tmp, sizeof tmp, "\"%s\":%llu,", name, (unsigned long long)v);
    return put(b, tmp);
}

static int put_tcb(wetee_buf *b, const char *name, const wetee_snp_tcb *t)
{
    char tmp[256];
    snprintf(tmp, sizeof tmp,
             "\"%s\":{\"raw\":\"%016llx\",\"fmc\":%u,\"bootloader\":%u,\"tee\":%u,\"snp\":%u,\"microcode\":%u},", name,
             (unsigned long long)t->raw, t->fmc, t->bootloader, t->tee, t->snp, t->microcode);
    return put(b, tmp);
}

int wetee_snp_report_to_json(wetee_buf *out, const wetee_snp_report *r)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(r != NULL, MOD, "report is NULL");
    wetee_buf b = WETEE_BUF_INIT;
    int rc = WETEE_OK;
#define P(x) do { if (rc == WETEE_OK) rc = (x); } while (0)
    P(put(&b, "{"));
    P(put_u64(&b, "version", r->version));
    P(put_u64(&b, "guest_svn", r->guest_svn));
    P(put_u64(&b, "policy", r->policy));
    P(put_u64(&b, "debug", (r->policy & WETEE_SNP_POLICY_DEBUG) ? 1 : 0));
    P(put_hex(&b, "family_id", r->family_id, 16));
    P(put_hex(&b, "image_id", r->image_id, 16));
    P(put_u64(&b, "vmpl", r->vmpl));
    P(put_u64(&b, "signature_algo", r->signature_algo));
    P(put_tcb(&b, "current_tcb", &r->current_tcb));
    P(put_u64(&b, "platform_info", r->platform_info));
    P(put_u64(&b, "author_key_en", r->author_key_en));
    P(put_u64(&b, "mask_chip_key", r->mask_chip_key));
    P(put_u64(&b, "signing_key", r->signing_key));
    P(put_hex(&b, "report_data", r->report_data, 64));
    P(put_hex(&b, "measurement", r->measurement, 48));
    P(put_hex(&b, "host_data", r->host_data, 32));
    P(put_hex(&b, "id_key_digest", r->id_key_digest, 48));
    P(put_hex(&b, "author_key_digest", r->author_key_digest, 48));
    P(put_hex(&b, "report_id", r->report_id, 32));
    P(put_hex(&b, "report_id_ma", r->report_id_ma, 32));
    P(put_tcb(&b, "reported_tcb", &r->reported_tcb));
    P(put_u64(&b, "cpuid_family", r->cpuid_family));
    P(put_u64(&b, "cpuid_model", r->cpuid_model));
    P(put_u64(&b, "cpuid_stepping", r->cpuid_stepping));
    P(put_hex(&b, "chip_id", r->chip_id, 64));
    P(put_tcb(&b, "committed_tcb", &r->committed_tcb));
    P(put_u64(&b, "current_build", r->current_build));
    P(put_u64(&b, "current_minor", r->current_minor));
    P(put_u64(&b, "current_major", r->current_major));
    P(put_u64(&b, "committed_build", r->committed_build));
    P(put_u64(&b, "committed_minor", r->committed_minor));
    P(put_u64(&b, "committed_major", r->committed_major));
    P(put_tcb(&b, "launch_tcb", &r->launch_tcb));
    P(put_u64(&b, "launch_mit_vector", r->launch_mit_vector));
    P(put_u64(&b, "current_mit_vector", r->current_mit_vector));
    P(put_hex(&b, "signature_r", r->signature_r, 72));
    P(put_hex(&b, "signature_s", r->signature_s, 72));
    if (rc == WETEE_OK) {
        char tmp[64];
        snprintf(tmp, sizeof tmp, "\"product\":\"%s\"}", wetee_snp_product_name(r->product));
        rc = put(&b, tmp);
    }
    if (rc == WETEE_OK) rc = wt_buf_terminate(&b);
#undef P
    if (rc != WETEE_OK) {
        wetee_buf_free(&b);
        return rc;
    }
    wetee_buf_free(out);
    *out = b;
    return WETEE_OK;
}
