/* DCAP ECDSA quote parsing: versions 3, 4 and 5 (attestation.md §1). Every
 * length is checked against what remains before it is used; bytes after
 * the signature data are ignored and never hashed. */
#include <string.h>

#include "internal/attest_dcap.h"

#define QUOTE_HEADER 48
#define SGX_BODY 384
#define TD10_BODY 584
#define TD15_BODY 648
/* body type 4: TD report for TDX 1.5ex, `sgx_report2_body_v1_5_ex_t` of
 * Intel's sgx_quote_5.h (DCAP 1.25): the TDX 1.5 report, then vmid (648),
 * td_id (649), devinfo (681), init_server_td_hash (729), init_server_td_attr
 * (777), init_cpu_svn (785), init_tee_tcb_svn (801), init_tee_fmspc (817),
 * curr_server_td_hash (829), curr_server_td_attr (877) */
#define TD15EX_BODY 885

static const uint8_t INTEL_QE_VENDOR[16] = {0x93, 0x9a, 0x72, 0x33, 0xf7, 0x9c, 0x4c, 0xa9,
                                            0x94, 0x0a, 0x0d, 0xb3, 0x95, 0x7f, 0x06, 0x07};

/* QvE answers a quote QVL cannot parse with 0xE01D QUOTE_FORMAT_UNSUPPORTED
 * (STATUS_UNSUPPORTED_QUOTE_FORMAT), and certification data of another type
 * with 0xE01C QUOTE_CERTIFICATION_DATA_UNSUPPORTED. */
#define PFAIL(code, ...) wt_attest_fail(r, code, WETEE_ATTEST_CHECK_PARSE, 0xE01D, __VA_ARGS__)

int wt_quote_parse(wt_quote *q, const uint8_t *d, size_t len, wetee_attest_result *r)
{
    size_t pos, sig_end, cert_end;
    uint32_t sig_len;
    memset(q, 0, sizeof *q);
    if (len > WETEE_ATTEST_MAX_EVIDENCE)
        return PFAIL(WETEE_ERR_TOO_LONG, "quote of %zu bytes is above the limit of %u", len, WETEE_ATTEST_MAX_EVIDENCE);
    if (len < QUOTE_HEADER) return PFAIL(WETEE_ERR_TRUNCATED, "quote of %zu bytes ends inside the 48-byte header", len);
    q->version = wt_load_le16(d);
    q->key_type = wt_load_le16(d + 2);
    q->tee_type = wt_load_le32(d + 4);
    if (q->version < 3 || q->version > 5)
        return PFAIL(WETEE_ERR_UNSUPPORTED, "header offset 0: quote version %u is not 3, 4 or 5", q->version);
    if (q->key_type != 2)
        return PFAIL(WETEE_ERR_UNSUPPORTED, "header offset 2: attestation key type %u is not 2 (ECDSA P-256)",
                     q->key_type);
    if (q->tee_type == 0) q->tee = WETEE_ATTEST_TEE_SGX;
    else if (q->tee_type == 0x81 && q->version >= 4) q->tee = WETEE_ATTEST_TEE_TDX;
    else
        return PFAIL(WETEE_ERR_UNSUPPORTED, "header offset 4: TEE type 0x%08x is not valid for quote version %u",
                     (unsigned)q->tee_type, q->version);
    if (r) r->tee = q->tee;
    if (memcmp(d + 12, INTEL_QE_VENDOR, 16) != 0)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_QE_VENDOR, 0xE01D, /* QVL: a quote format error */
                              "header offset 12: QE vendor ID is not Intel's 939a7233f79c4ca9940a0db3957f0607");
    pos = QUOTE_HEADER;
    if (q->version == 5) {
        uint16_t bt;
        uint32_t bs;
        if (len < pos + 6) return PFAIL(WETEE_ERR_TRUNCATED, "quote ends inside the v5 body descriptor at offset 48");
        bt = wt_load_le16(d + pos);
        bs = wt_load_le32(d + pos + 2);
        q->body_type = bt;
        if (bt == 1) {
            if (q->tee != WETEE_ATTEST_TEE_SGX || bs != SGX_BODY)
                return PFAIL(WETEE_ERR_DECODE, "offset 48: body type 1 needs an SGX quote and size 384 (size %u)", bs);
        } else if (bt == 2 || bt == 3 || bt == 4) {
            if (q->tee != WETEE_ATTEST_TEE_TDX)
                return PFAIL(WETEE_ERR_DECODE, "offset 48: body type %u in an SGX quote", bt);
            if ((bt == 2 && bs != TD10_BODY) || (bt == 3 && bs != TD15_BODY) ||
                (bt == 4 && bs != TD15EX_BODY))
                return PFAIL(WETEE_ERR_DECODE, "offset 50: body size %u does not fit body type %u", bs, bt);
        } else {
            return PFAIL(WETEE_ERR_UNSUPPORTED, "offset 48: body type %u is not 1, 2, 3 or 4", bt);
        }
        pos += 6;
        q->body_len = bs;
    } else if (q->tee == WETEE_ATTEST_TEE_SGX) {
        q->body_type = 1;
        q->body_len = SGX_BODY;
    } else {
        q->body_type = 2;
        q->body_len = TD10_BODY;
    }
    if (len - pos < q->body_len)
        return PFAIL(WETEE_ERR_TRUNCATED, "quote of %zu bytes ends inside the %zu-byte report body at offset %zu", len,
                     q->body_len, pos);
    q->body = d + pos;
    pos += q->body_len;
    q->signed_len = pos;
    if (len - pos < 4) return PFAIL(WETEE_ERR_TRUNCATED, "quote ends before the signature data length at offset %zu", pos);
    sig_len = wt_load_le32(d + pos);
    pos += 4;
    if (sig_len > len - pos)
        return PFAIL(WETEE_ERR_TRUNCATED, "offset %zu: signature data length %u exceeds the %zu bytes left", pos - 4,
                     sig_len, len - pos);
    sig_end = pos + sig_len;
    if (sig_len < 128) return PFAIL(WETEE_ERR_TRUNCATED, "offset %zu: signature data of %u bytes is too short", pos, sig_len);
    q->sig = d + pos;
    q->att_key = d + pos + 64;
    pos += 128;
    if (q->version >= 4) {
        uint16_t t;
        uint32_t sz;
        if (sig_end - pos < 6) return PFAIL(WETEE_ERR_TRUNCATED, "offset %zu: certification data header truncated", pos);
        t = wt_load_le16(d + pos);
        sz = wt_load_le32(d + pos + 2);
        if (t != 6)
            return wt_attest_fail(r, WETEE_ERR_UNSUPPORTED, WETEE_ATTEST_CHECK_PARSE, 0xE01C,
                                  "offset %zu: outer certification data type %u is not 6 (QE report)",
                         pos, t);
        pos += 6;
        if (sz != sig_end - pos)
            return PFAIL(WETEE_ERR_DECODE, "offset %zu: certification data size %u does not match the %zu bytes of "
                         "signature data left", pos - 4, sz, sig_end - pos);
    }
    if (sig_end - pos < 384 + 64 + 2)
        return PFAIL(WETEE_ERR_TRUNCATED, "offset %zu: QE report and signature truncated", pos);
    q->qe_report = d + pos;
    q->qe_sig = d + pos + 384;
    pos += 448;
    q->auth_len = wt_load_le16(d + pos);
    pos += 2;
    if (q->auth_len > sig_end - pos)
        return PFAIL(WETEE_ERR_TRUNCATED, "offset %zu: QE authentication data length %u exceeds the data left", pos - 2,
                     q->auth_len);
    q->auth = d + pos;
    pos += q->auth_len;
    if (sig_end - pos < 6)
        return PFAIL(WETEE_ERR_TRUNCATED, "offset %zu: certification data header truncated", pos);
    q->cert_type = wt_load_le16(d + pos);
    q->cert_len = wt_load_le32(d + pos + 2);
    pos += 6;
    if (q->cert_len != sig_end - pos)
        return PFAIL(WETEE_ERR_DECODE, "offset %zu: certification data size %u does not match the %zu bytes left", pos - 4,
                     q->cert_len, sig_end - pos);
    if (q->cert_type < 1 || q->cert_type > 5)
        return wt_attest_fail(r, WETEE_ERR_UNSUPPORTED, WETEE_ATTEST_CHECK_PARSE, 0xE01C, "offset %zu: certification data type %u is not 1-5", pos - 6, q->cert_type);
    q->cert = d + pos;
    cert_end = pos + q->cert_len;
    (void)cert_end; /* bytes after sig_end (padding) are ignored */
    return WETEE_OK;
}
