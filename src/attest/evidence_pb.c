/* WeTEE's protobuf evidence for wetee_attest_verify_evidence():
 *
 * - `TeeCall` (wetee-dao/tee-dsecret and libos-entry `pkg/model/tx.proto`,
 *   `model/tx.proto`): caller = 1 (Ed25519 key), time = 2 (int64),
 *   tee_type = 3 (0 SGX/EGo, 1 SEV-SNP, 2 TDX, 9999 no TEE), report = 4,
 *   and the oneof `tx` = 5..10. REPORTDATA is the caller's Ed25519
 *   signature over BE_u64(time) ‖ caller ‖ the tx field as marshalled (its
 *   tag, length and payload). Also accepted with a varint length prefix
 *   (protoio.WriteMessage, as pods send it to /launch).
 * - go-sev-guest's `sevsnp.Attestation` (`proto/sevsnp.proto`): report = 1
 *   (a `Report` of decoded fields), certificate_chain = 2, product = 3. The
 *   raw 1184-byte report is rebuilt as go-sev-guest's ReportToAbiBytes does
 *   (reserved bytes zero) and its certificates become an SNP_GET_EXT_REPORT
 *   certificate table, so the SEV-SNP verification sees the signed bytes. */
#include <stdio.h>
#include <string.h>

#include "internal/attest.h"
#include "internal/protobuf.h"

#define SNP_REPORT 1184

/* The thread's error detail without the "attest: " prefix that
 * wt_attest_fail() adds again. */
static const char *detail(void)
{
    const char *e = wetee_last_error();
    return strncmp(e, "attest: ", 8) == 0 ? e + 8 : e;
}

/* ---- sevsnp.Report -> raw ATTESTATION_REPORT ---- */

enum { F_U32, F_U64, F_U8, F_BYTES, F_FMS };
static const struct {
    uint8_t number, kind;
    uint16_t offset, size;
    const char *name;
} REPORT_FIELDS[] = {
    {1, F_U32, 0x00, 4, "version"},         {2, F_U32, 0x04, 4, "guest_svn"},
    {3, F_U64, 0x08, 8, "policy"},          {4, F_BYTES, 0x10, 16, "family_id"},
    {5, F_BYTES, 0x20, 16, "image_id"},     {6, F_U32, 0x30, 4, "vmpl"},
    {7, F_U32, 0x34, 4, "signature_algo"},  {8, F_U64, 0x38, 8, "current_tcb"},
    {9, F_U64, 0x40, 8, "platform_info"},   {10, F_U32, 0x48, 4, "signer_info"},
    {11, F_BYTES, 0x50, 64, "report_data"}, {12, F_BYTES, 0x90, 48, "measurement"},
    {13, F_BYTES, 0xC0, 32, "host_data"},   {14, F_BYTES, 0xE0, 48, "id_key_digest"},
    {15, F_BYTES, 0x110, 48, "author_key_digest"}, {16, F_BYTES, 0x140, 32, "report_id"},
    {17, F_BYTES, 0x160, 32, "report_id_ma"}, {18, F_U64, 0x180, 8, "reported_tcb"},
    {19, F_BYTES, 0x1A0, 64, "chip_id"},    {20, F_U64, 0x1E0, 8, "committed_tcb"},
    {21, F_U8, 0x1E8, 1, "current_build"},  {22, F_U8, 0x1E9, 1, "current_minor"},
    {23, F_U8, 0x1EA, 1, "current_major"},  {24, F_U8, 0x1EC, 1, "committed_build"},
    {25, F_U8, 0x1ED, 1, "committed_minor"}, {26, F_U8, 0x1EE, 1, "committed_major"},
    {27, F_U64, 0x1F0, 8, "launch_tcb"},    {28, F_BYTES, 0x2A0, 512, "signature"},
    {29, F_FMS, 0x188, 3, "cpuid1eax_fms"}, {30, F_U64, 0x1F8, 8, "launch_mit_vector"},
    {31, F_U64, 0x200, 8, "current_mit_vector"},
};
#define N_REPORT_FIELDS (sizeof REPORT_FIELDS / sizeof REPORT_FIELDS[0])

static int report_from_pb(uint8_t out[SNP_REPORT], wt_pb_reader *r)
{
    uint32_t seen = 0; /* bit per field number 1..31 */
    uint64_t fms = 0;
    wt_pb_field f;
    size_t i;
    int rc;
    memset(out, 0, SNP_REPORT);
    while ((rc = wt_pb_next(r, &f)) > 0) {
        for (i = 0; i < N_REPORT_FIELDS && REPORT_FIELDS[i].number != f.number; i++) {}
        if (i == N_REPORT_FIELDS)
            return wt_pb_field_error(r, &f, WETEE_ERR_DECODE, "unknown",
                                     "not a field of go-sev-guest's sevsnp.Report (fields 1-31)");
        if (seen & (1u << f.number)) return wt_pb_field_error(r, &f, WETEE_ERR_DECODE, REPORT_FIELDS[i].name, "repeated");
        seen |= 1u << f.number;
        if ((rc = wt_pb_expect(r, &f, REPORT_FIELDS[i].kind == F_BYTES ? WT_PB_LEN : WT_PB_VARINT,
                               REPORT_FIELDS[i].name)) != WETEE_OK)
            return rc;
        switch (REPORT_FIELDS[i].kind) {
        case F_BYTES:
            if (f.len != REPORT_FIELDS[i].size) {
                char why[64];
                snprintf(why, sizeof why, "%zu bytes, expected %u", f.len, (unsigned)REPORT_FIELDS[i].size);
                return wt_pb_field_error(r, &f, WETEE_ERR_DECODE, REPORT_FIELDS[i].name, why);
            }
            memcpy(out + REPORT_FIELDS[i].offset, f.data, f.len);
            break;
        case F_U8:
            if (f.value > 0xff) return wt_pb_field_error(r, &f, WETEE_ERR_DECODE, REPORT_FIELDS[i].name, "above 255");
            out[REPORT_FIELDS[i].offset] = (uint8_t)f.value;
            break;
        case F_U32:
        case F_FMS:
            if (f.value > 0xffffffffu)
                return wt_pb_field_error(r, &f, WETEE_ERR_DECODE, REPORT_FIELDS[i].name, "above 2^32-1");
            if (REPORT_FIELDS[i].kind == F_FMS) fms = f.value;
            else wt_store_le32(out + REPORT_FIELDS[i].offset, (uint32_t)f.value);
            break;
        default:
            wt_store_le64(out + REPORT_FIELDS[i].offset, f.value);
            break;
        }
    }
    if (rc < 0) return rc;
    for (i = 0; i < N_REPORT_FIELDS; i++)
        if (REPORT_FIELDS[i].kind == F_BYTES && !(seen & (1u << REPORT_FIELDS[i].number)))
            return wt_error(WETEE_ERR_DECODE, "%s: protobuf: field %u (%s) missing", r->what,
                            (unsigned)REPORT_FIELDS[i].number, REPORT_FIELDS[i].name);
    /* version 3 and later carry the CPUID family, model and stepping */
    if (wt_load_le32(out) >= 3) {
        uint8_t ext_family = (uint8_t)((fms >> 20) & 0xff), ext_model = (uint8_t)((fms >> 16) & 0xf);
        out[0x188] = (uint8_t)(ext_family + ((fms >> 8) & 0xf));
        out[0x189] = (uint8_t)((ext_model << 4) | ((fms >> 4) & 0xf));
        out[0x18A] = (uint8_t)(fms & 0xf);
    }
    return WETEE_OK;
}

/* GHCB certificate table GUIDs (RFC 4122 byte order) for the items a
 * sevsnp.CertificateChain carries. */
static const struct {
    uint8_t number;
    uint8_t guid[16];
    const char *name;
} CHAIN_FIELDS[] = {
    {1, {0x63, 0xda, 0x75, 0x8d, 0xe6, 0x64, 0x45, 0x64, 0xad, 0xc5, 0xf4, 0xb9, 0x3b, 0xe8, 0xac, 0xcd}, "vcek_cert"},
    {6, {0xa8, 0x07, 0x4b, 0xc2, 0xa2, 0x5a, 0x48, 0x3e, 0xaa, 0xe6, 0x39, 0xc0, 0x45, 0xa0, 0xb8, 0xa1}, "vlek_cert"},
    {2, {0x4a, 0xb7, 0xb3, 0x79, 0xbb, 0xac, 0x4f, 0xe4, 0xa0, 0x2f, 0x05, 0xae, 0xf3, 0x27, 0xc7, 0x82}, "ask_cert"},
    {3, {0xc0, 0xb4, 0x06, 0xa4, 0xa8, 0x03, 0x49, 0x52, 0x97, 0x43, 0x3f, 0xb6, 0x01, 0x4c, 0xd0, 0xae}, "ark_cert"},
};
#define N_CHAIN (sizeof CHAIN_FIELDS / sizeof CHAIN_FIELDS[0])

/* sevsnp.Attestation -> report ‖ certificate table (no table when the
 * chain is empty). */
static int snp_attestation_from_pb(wetee_buf *out, wt_pb_reader *r)
{
    wt_pb_field f;
    wt_pb_reader sub;
    const uint8_t *cert[N_CHAIN] = {NULL};
    size_t cert_len[N_CHAIN] = {0}, n = 0, i, table, total, at;
    int rc, have_report = 0, have_chain = 0, have_product = 0;
    uint8_t report[SNP_REPORT];
    while ((rc = wt_pb_next(r, &f)) > 0) {
        if (f.number == 1) {
            if (have_report++) return wt_pb_field_error(r, &f, WETEE_ERR_DECODE, "report", "repeated");
            if ((rc = wt_pb_sub(&sub, r, &f, "attest: sevsnp.Report")) != WETEE_OK) return rc;
            if ((rc = report_from_pb(report, &sub)) != WETEE_OK) return rc;
        } else if (f.number == 2) {
            wt_pb_field c;
            if (have_chain++) return wt_pb_field_error(r, &f, WETEE_ERR_DECODE, "certificate_chain", "repeated");
            if ((rc = wt_pb_sub(&sub, r, &f, "attest: sevsnp.CertificateChain")) != WETEE_OK) return rc;
            while ((rc = wt_pb_next(&sub, &c)) > 0) {
                for (i = 0; i < N_CHAIN && CHAIN_FIELDS[i].number != c.number; i++) {}
                if (i == N_CHAIN) {
                    /* firmware_cert (4) and extras (7) are not used; the
                     * shape is still checked */
                    if ((c.number == 4 || c.number == 7) && (rc = wt_pb_expect(&sub, &c, WT_PB_LEN, "extra")) != WETEE_OK)
                        return rc;
                    continue;
                }
                if ((rc = wt_pb_expect(&sub, &c, WT_PB_LEN, CHAIN_FIELDS[i].name)) != WETEE_OK) return rc;
                if (cert[i] != NULL) return wt_pb_field_error(&sub, &c, WETEE_ERR_DECODE, CHAIN_FIELDS[i].name, "repeated");
                if (c.len > WT_ATTEST_MAX_CERT_DER)
                    return wt_pb_field_error(&sub, &c, WETEE_ERR_TOO_LONG, CHAIN_FIELDS[i].name,
                                             "larger than a certificate may be");
                if (c.len == 0) continue; /* proto3: empty = not set */
                cert[i] = c.data;
                cert_len[i] = c.len;
                n++;
            }
            if (rc < 0) return rc;
        } else if (f.number == 3) {
            if (have_product++) return wt_pb_field_error(r, &f, WETEE_ERR_DECODE, "product", "repeated");
            if ((rc = wt_pb_expect(r, &f, WT_PB_LEN, "product")) != WETEE_OK) return rc;
        }
        /* other fields: unknown to this version, ignored as protobuf does */
    }
    if (rc < 0) return rc;
    if (!have_report) return wt_error(WETEE_ERR_DECODE, "%s: protobuf: field 1 (report) missing", r->what);
    if (!wt_attest_snp_is_report(report, SNP_REPORT))
        return wt_error(WETEE_ERR_DECODE, "%s: the report's version (%u) or signature_algo (%u) is not one of a "
                        "SEV-SNP report", r->what, (unsigned)wt_load_le32(report), (unsigned)wt_load_le32(report + 0x34));
    table = n ? 24 * (n + 1) : 0;
    total = SNP_REPORT + table;
    for (i = 0; i < N_CHAIN; i++) total += cert_len[i];
    out->len = 0;
    if ((rc = wt_buf_grow(out, total)) != WETEE_OK) return rc;
    memcpy(out->data, report, SNP_REPORT);
    if (n) {
        uint8_t *t = out->data + SNP_REPORT;
        size_t e = 0;
        memset(t, 0, table);
        at = table;
        for (i = 0; i < N_CHAIN; i++) {
            if (cert[i] == NULL) continue;
            memcpy(t + 24 * e, CHAIN_FIELDS[i].guid, 16);
            wt_store_le32(t + 24 * e + 16, (uint32_t)at);
            wt_store_le32(t + 24 * e + 20, (uint32_t)cert_len[i]);
            memcpy(t + at, cert[i], cert_len[i]);
            at += cert_len[i];
            e++;
        }
    }
    out->len = total;
    return WETEE_OK;
}

int wt_attest_snp_from_pb(wetee_buf *out, const uint8_t *data, size_t len)
{
    wt_pb_reader r;
    wt_pb_init(&r, data, len, "attest: sevsnp.Attestation");
    return snp_attestation_from_pb(out, &r);
}

/* ---- TeeCall ---- */

typedef struct teecall {
    const uint8_t *caller;
    size_t caller_len;
    uint64_t time;
    uint64_t tee_type;
    wt_pb_field report;
    int has_report;
    const uint8_t *tx;
    size_t tx_len;
} teecall;

static int teecall_parse(teecall *c, wt_pb_reader *r)
{
    static const char *const TX[] = {"pod_start", "pod_mint", "bridge_call", "text", "upload_secret", "init_disk"};
    wt_pb_field f;
    uint32_t seen = 0;
    int rc;
    memset(c, 0, sizeof *c);
    while ((rc = wt_pb_next(r, &f)) > 0) {
        const char *name = f.number == 1 ? "caller" : f.number == 2 ? "time" : f.number == 3 ? "tee_type"
                           : f.number == 4 ? "report" : f.number <= 10 ? TX[f.number - 5] : "unknown";
        if (f.number > 10) continue; /* unknown to this version: not signed, ignored */
        if (seen & (1u << f.number)) return wt_pb_field_error(r, &f, WETEE_ERR_DECODE, name, "repeated");
        seen |= 1u << f.number;
        if ((rc = wt_pb_expect(r, &f, f.number == 2 || f.number == 3 ? WT_PB_VARINT : WT_PB_LEN, name)) != WETEE_OK)
            return rc;
        switch (f.number) {
        case 1: c->caller = f.data; c->caller_len = f.len; break;
        case 2:
            if (f.value >> 63) return wt_pb_field_error(r, &f, WETEE_ERR_DECODE, name, "negative");
            c->time = f.value;
            break;
        case 3: c->tee_type = f.value; break;
        case 4: c->report = f; c->has_report = 1; break;
        default:
            if (c->tx != NULL) return wt_pb_field_error(r, &f, WETEE_ERR_DECODE, name, "a second member of the oneof tx");
            c->tx = f.raw; /* signed as marshalled: tag, length, payload */
            c->tx_len = f.raw_len;
            break;
        }
    }
    if (rc < 0) return rc;
    if (c->caller_len != 0 && c->caller_len != 32)
        return wt_error(WETEE_ERR_DECODE, "%s: caller is %zu bytes, not a 32-byte Ed25519 key", r->what, c->caller_len);
    if (!c->has_report && c->tee_type != 9999)
        return wt_error(WETEE_ERR_DECODE, "%s: field 4 (report) missing", r->what);
    return WETEE_OK;
}

/* A varint length prefix covering exactly the rest (protoio framing). */
static int delimited(const uint8_t *ev, size_t len, size_t *skip)
{
    size_t p = 0;
    uint64_t v;
    if (wt_pb_varint(ev, len, &p, &v) != WETEE_OK || v == 0 || v != len - p) return 0;
    *skip = p;
    return 1;
}

/* Looks like a sevsnp.Attestation rather than a TeeCall: field 1 holds a
 * Report (hundreds of bytes), and no field is a varint or above 3. */
static int is_snp_attestation(const uint8_t *ev, size_t len)
{
    wt_pb_reader r;
    wt_pb_field f;
    int rc, first = 1;
    wt_pb_init(&r, ev, len, "attest: evidence");
    while ((rc = wt_pb_next(&r, &f)) > 0) {
        if (f.wire != WT_PB_LEN || f.number > 3) return 0;
        if (first && (f.number != 1 || f.len < 512)) return 0;
        first = 0;
    }
    return rc == 0 && !first;
}

static int dcap_tee(const uint8_t *q, size_t len)
{
    if (len < 8) return WETEE_ATTEST_TEE_UNKNOWN;
    return wt_load_le32(q + 4) == 0x81 ? WETEE_ATTEST_TEE_TDX : WETEE_ATTEST_TEE_SGX;
}

int wt_attest_pb_verify(wetee_attest_result *r, const uint8_t *ev, size_t len, wetee_attest_collateral *coll,
                        const wetee_attest_anchors *anchors, const wetee_attest_policy *policy,
                        const wt_attest_envelope *env, uint64_t time, int nested)
{
    wt_pb_reader rd, sub;
    wetee_buf snp = WETEE_BUF_INIT;
    wt_attest_envelope own;
    teecall c;
    size_t skip = 0;
    int rc;
    if (is_snp_attestation(ev, len)) {
        wt_pb_init(&rd, ev, len, "attest: sevsnp.Attestation");
        if ((rc = snp_attestation_from_pb(&snp, &rd)) != WETEE_OK)
            rc = wt_attest_fail(r, rc, WETEE_ATTEST_CHECK_PARSE, 0xE002, "%s", detail());
        else
            rc = wt_attest_verify_raw(r, snp.data, snp.len, coll, anchors, policy, env, time);
        wetee_buf_free(&snp);
        return rc;
    }
    if (nested)
        return wt_attest_fail(r, WETEE_ERR_DECODE, WETEE_ATTEST_CHECK_PARSE, 0xE002,
                              "TeeCall report of %zu bytes is neither an Open Enclave report, a DCAP quote, a SEV-SNP "
                              "report nor a sevsnp.Attestation", len);
    /* a TeeCall as is, else with protoio's varint length prefix */
    wt_pb_init(&rd, ev, len, "attest: TeeCall");
    rc = teecall_parse(&c, &rd);
    if (rc != WETEE_OK && delimited(ev, len, &skip)) {
        wt_pb_init(&rd, ev + skip, len - skip, "attest: TeeCall");
        rd.base = skip;
        rc = teecall_parse(&c, &rd);
    }
    if (rc != WETEE_OK) {
        /* not a TeeCall either: say what was expected */
        return wt_attest_fail(r, rc, WETEE_ATTEST_CHECK_PARSE, 0xE002,
                              "evidence of %zu bytes is neither a DCAP quote, an Open Enclave report, a SEV-SNP "
                              "report, a JSON envelope, a sevsnp.Attestation nor a TeeCall (%s)",
                              len, detail());
    }
    if (c.tee_type == 9999)
        return wt_attest_fail(r, WETEE_ERR_VERIFY, WETEE_ATTEST_CHECK_TEE_KIND, 0xE002,
                              "TeeCall tee_type 9999: issued outside any TEE, nothing to verify");
    if (c.tee_type > 2)
        return wt_attest_fail(r, WETEE_ERR_UNSUPPORTED, WETEE_ATTEST_CHECK_UNSUPPORTED, 0xE002,
                              "TeeCall tee_type %llu is not one WeTEE defines (0 SGX, 1 SEV-SNP, 2 TDX)",
                              (unsigned long long)c.tee_type);
    memset(&own, 0, sizeof own);
    if (c.caller_len == 32) {
        own.present = 1;
        own.timestamp = c.time;
        memcpy(own.public_key, c.caller, 32);
        own.message = c.tx;
        own.message_len = c.tx_len;
    }
    (void)env; /* a TeeCall carries its own binding values */
    {
        const uint8_t *rep = c.report.data;
        size_t rl = c.report.len;
        int want = c.tee_type == 0 ? WETEE_ATTEST_TEE_SGX : c.tee_type == 1 ? WETEE_ATTEST_TEE_SEV_SNP : WETEE_ATTEST_TEE_TDX;
        int got;
        /* what the report is, before anything is verified */
        if (rl >= 16 + 48 && wt_load_le32(rep) == 1 && wt_load_le32(rep + 4) == 2 && wt_load_le64(rep + 8) == rl - 16)
            got = dcap_tee(rep + 16, rl - 16);
        else if (wt_attest_snp_is_report(rep, rl) || is_snp_attestation(rep, rl))
            got = WETEE_ATTEST_TEE_SEV_SNP;
        else if (rl >= 4 && wt_load_le16(rep + 2) == 2 && wt_load_le16(rep) >= 3 && wt_load_le16(rep) <= 5)
            got = dcap_tee(rep, rl);
        else
            got = WETEE_ATTEST_TEE_UNKNOWN;
        if (got == WETEE_ATTEST_TEE_UNKNOWN)
            return wt_attest_fail(r, WETEE_ERR_DECODE, WETEE_ATTEST_CHECK_PARSE, 0xE002,
                                  "TeeCall report of %zu bytes (tee_type %llu) is neither an Open Enclave report, a "
                                  "DCAP quote, a SEV-SNP report nor a sevsnp.Attestation",
                                  rl, (unsigned long long)c.tee_type);
        if (got != want)
            return wt_attest_fail(r, WETEE_ERR_DECODE, WETEE_ATTEST_CHECK_TEE_KIND, 0xE002,
                                  "TeeCall tee_type %llu does not match its report (%s)", (unsigned long long)c.tee_type,
                                  got == WETEE_ATTEST_TEE_SGX ? "SGX" : got == WETEE_ATTEST_TEE_TDX ? "TDX" : "SEV-SNP");
        if (is_snp_attestation(rep, rl)) {
            if ((rc = wt_pb_sub(&sub, &rd, &c.report, "attest: sevsnp.Attestation")) != WETEE_OK ||
                (rc = snp_attestation_from_pb(&snp, &sub)) != WETEE_OK)
                rc = wt_attest_fail(r, rc, WETEE_ATTEST_CHECK_PARSE, 0xE002, "%s", detail());
            else
                rc = wt_attest_verify_raw(r, snp.data, snp.len, coll, anchors, policy, &own, time);
            wetee_buf_free(&snp);
            return rc;
        }
        return wt_attest_verify_raw(r, rep, rl, coll, anchors, policy, &own, time);
    }
}
