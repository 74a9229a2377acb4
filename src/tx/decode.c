/* Decoding of any extrinsic (v4 bare and signed, v5 bare and general) to JSON. */
#include <stdio.h>

#include "internal/common.h"
#include "tx_impl.h"
#include "wetee/hash.h"
#include "wetee/scale.h"
#include "wetee/tx.h"
#include "wetee/value.h"

#define MOD "extrinsic"

static int app(wetee_buf *b, const char *s) { return wetee_buf_append(b, (const uint8_t *)s, strlen(s)); }

/* Decode one value of `type` at data[*pos], append its JSON, advance *pos. */
static int part_json(wetee_buf *j, const struct wetee_metadata *md, uint32_t type, const uint8_t *data, size_t len,
                     size_t *pos, const char *what, const wetee_json_options *opts)
{
    wetee_value *v = NULL;
    size_t used = 0;
    int rc = wetee_value_decode(&v, &used, md, type, data + *pos, len - *pos);
    if (rc != WETEE_OK) {
        char first[512];
        snprintf(first, sizeof first, "%s", wetee_last_error());
        return wt_error(rc, "%s: %s at offset %zu: %s", MOD, what, *pos, first);
    }
    wetee_buf t = WETEE_BUF_INIT;
    rc = wetee_value_to_json(&t, md, v, opts);
    wetee_value_free(v);
    if (rc == WETEE_OK)
        rc = wetee_buf_append(j, t.data, t.len);
    wetee_buf_free(&t);
    *pos += used;
    return rc;
}

/* Explicit extension data of one extension list, as a JSON object. */
static int extensions_json(wetee_buf *j, const struct wetee_metadata *md, const wt_md_ext_version *list,
                           const uint8_t *data, size_t len, size_t *pos, const wetee_json_options *opts)
{
    int rc = app(j, "{");
    for (uint32_t i = 0; rc == WETEE_OK && i < list->n; i++) {
        const struct wetee_md_extension *e = &md->extensions[list->indexes[i]];
        if (i && (rc = app(j, ",")) != WETEE_OK)
            break;
        if ((rc = app(j, "\"")) != WETEE_OK || (rc = app(j, e->identifier)) != WETEE_OK ||
            (rc = app(j, "\":")) != WETEE_OK)
            break;
        if (wt_tx_zero_sized(md, e->type)) {
            rc = app(j, "null");
        } else if (strcmp(e->identifier, "CheckMortality") == 0 || strcmp(e->identifier, "CheckEra") == 0) {
            uint64_t period, phase;
            size_t used;
            rc = wetee_era_decode(&period, &phase, &used, data + *pos, len - *pos);
            if (rc != WETEE_OK) {
                char first[256];
                snprintf(first, sizeof first, "%s", wetee_last_error());
                return wt_error(rc, "%s: extension %s at offset %zu: %s", MOD, e->identifier, *pos, first);
            }
            char buf[96];
            if (period == 0)
                snprintf(buf, sizeof buf, "\"immortal\"");
            else
                snprintf(buf, sizeof buf, "{\"mortal\":{\"period\":%llu,\"phase\":%llu}}",
                         (unsigned long long)period, (unsigned long long)phase);
            /* the bytes must also be the metadata type (an Era enum) */
            if ((rc = wt_tx_check_bytes(md, e->type, data + *pos, used, e->identifier)) != WETEE_OK)
                return rc;
            *pos += used;
            rc = app(j, buf);
        } else {
            char what[160];
            snprintf(what, sizeof what, "extension %.100s", e->identifier);
            rc = part_json(j, md, e->type, data, len, pos, what, opts);
        }
    }
    if (rc == WETEE_OK)
        rc = app(j, "}");
    return rc;
}

static const wt_md_ext_version *ext_list(const struct wetee_metadata *md, unsigned version)
{
    for (uint32_t i = 0; i < md->n_ext_versions; i++)
        if (md->ext_versions[i].version == version)
            return &md->ext_versions[i];
    return NULL;
}

WETEE_API int wetee_extrinsic_decode_json(wetee_buf *out, const wetee_metadata *md, const uint8_t *data, size_t len,
                                          const wetee_json_options *opts)
{
    WT_ARG(out != NULL && md != NULL, MOD, "NULL argument");
    WT_ARG_DATA(data, len, MOD);
    wetee_scale_reader r;
    wetee_scale_reader_init(&r, data, len);
    uint64_t body_len = 0;
    int rc = wetee_scale_get_compact_u64(&r, &body_len);
    if (rc != WETEE_OK) {
        char first[256];
        snprintf(first, sizeof first, "%s", wetee_last_error());
        return wt_error(rc, "%s: length prefix: %s", MOD, first);
    }
    size_t pos = len - wetee_scale_remaining(&r);
    if (body_len > len - pos)
        return wt_error(WETEE_ERR_TRUNCATED, "%s: length prefix says %llu bytes, %zu follow", MOD,
                        (unsigned long long)body_len, len - pos);
    if (body_len < len - pos)
        return wt_error(WETEE_ERR_TRAILING, "%s: length prefix says %llu bytes, %zu follow", MOD,
                        (unsigned long long)body_len, len - pos);
    if (body_len == 0)
        return wt_error(WETEE_ERR_TRUNCATED, "%s: empty extrinsic", MOD);
    uint8_t head = data[pos++];
    unsigned version = head & 0x3f, kind = head >> 6;
    if (version != 4 && version != 5)
        return wt_error(WETEE_ERR_DECODE, "%s: unknown extrinsic version %u (byte 0x%02x)", MOD, version, head);
    if (kind == 3 || (version == 4 && kind == 1))
        return wt_error(WETEE_ERR_DECODE, "%s: unknown extrinsic type bits %u for version %u (byte 0x%02x)", MOD, kind,
                        version, head);
    if (version == 5 && kind == 2)
        return wt_error(WETEE_ERR_UNSUPPORTED,
                        "%s: v5 signed extrinsic (0x85): not valid on any runtime (sp-runtime rejects it)", MOD);

    wetee_buf j = WETEE_BUF_INIT;
    char buf[128];
    snprintf(buf, sizeof buf, "{\"version\":%u,\"type\":\"%s\"", version,
             kind == 0 ? "bare" : kind == 2 ? "signed" : "general");
    rc = app(&j, buf);
    if (rc == WETEE_OK && kind == 2) {
        const wt_md_ext_version *list = ext_list(md, 0);
        if (!list)
            rc = wt_error(WETEE_ERR_DECODE, "%s: the metadata has no extensions of version 0", MOD);
        if (rc == WETEE_OK && (rc = app(&j, ",\"address\":")) == WETEE_OK)
            rc = part_json(&j, md, md->address_type, data, len, &pos, "address", opts);
        if (rc == WETEE_OK && (rc = app(&j, ",\"signature\":")) == WETEE_OK)
            rc = part_json(&j, md, md->signature_type, data, len, &pos, "signature", opts);
        if (rc == WETEE_OK && (rc = app(&j, ",\"extensions\":")) == WETEE_OK)
            rc = extensions_json(&j, md, list, data, len, &pos, opts);
    } else if (rc == WETEE_OK && kind == 1) {
        if (pos >= len) {
            rc = wt_error(WETEE_ERR_TRUNCATED, "%s: general extrinsic ends before its extension version", MOD);
        } else {
            unsigned ev = data[pos++];
            const wt_md_ext_version *list = ext_list(md, ev);
            if (!list)
                rc = wt_error(WETEE_ERR_DECODE, "%s: extension version %u is not in the metadata", MOD, ev);
            snprintf(buf, sizeof buf, ",\"extension_version\":%u,\"extensions\":", ev);
            if (rc == WETEE_OK && (rc = app(&j, buf)) == WETEE_OK)
                rc = extensions_json(&j, md, list, data, len, &pos, opts);
        }
    }
    if (rc == WETEE_OK && (rc = app(&j, ",\"call\":")) == WETEE_OK) {
        wetee_buf c = WETEE_BUF_INIT;
        rc = wetee_call_decode_json(&c, md, data + pos, len - pos, opts);
        if (rc != WETEE_OK) {
            char first[512];
            snprintf(first, sizeof first, "%s", wetee_last_error());
            rc = wt_error(rc, "%s: call at offset %zu: %s", MOD, pos, first);
        } else {
            rc = wetee_buf_append(&j, c.data, c.len);
        }
        wetee_buf_free(&c);
    }
    if (rc == WETEE_OK) {
        uint8_t h[32];
        wetee_hash_blake2b_256(h, data, len);
        wetee_buf hex = WETEE_BUF_INIT;
        if ((rc = wetee_hex_encode(&hex, h, 32, WETEE_HEX_PREFIX)) == WETEE_OK && (rc = app(&j, ",\"hash\":\"")) == WETEE_OK &&
            (rc = wetee_buf_append(&j, hex.data, hex.len)) == WETEE_OK)
            rc = app(&j, "\"}");
        wetee_buf_free(&hex);
    }
    if (rc == WETEE_OK) {
        wetee_buf_free(out);
        *out = j;
        rc = wt_buf_terminate(out);
    } else {
        wetee_buf_free(&j);
    }
    return rc;
}

WETEE_API int wetee_tx_payload_decode_json(wetee_buf *out, const wetee_metadata *md, const uint8_t *data, size_t len,
                                           const wetee_json_options *opts)
{
    WT_ARG(out != NULL && md != NULL, MOD, "NULL argument");
    WT_ARG_DATA(data, len, MOD);
    const wt_md_ext_version *list = ext_list(md, 0);
    if (!list)
        return wt_error(WETEE_ERR_DECODE, "%s: the metadata has no extensions of version 0", MOD);
    wetee_buf j = WETEE_BUF_INIT;
    size_t pos = 0;
    int rc = app(&j, "{\"call\":");
    if (rc == WETEE_OK)
        rc = part_json(&j, md, md->call_type, data, len, &pos, "call", opts);
    if (rc == WETEE_OK && (rc = app(&j, ",\"extensions\":")) == WETEE_OK)
        rc = extensions_json(&j, md, list, data, len, &pos, opts);
    if (rc == WETEE_OK)
        rc = app(&j, ",\"implicit\":{");
    for (uint32_t i = 0; rc == WETEE_OK && i < list->n; i++) {
        const struct wetee_md_extension *e = &md->extensions[list->indexes[i]];
        if (i && (rc = app(&j, ",")) != WETEE_OK)
            break;
        if ((rc = app(&j, "\"")) != WETEE_OK || (rc = app(&j, e->identifier)) != WETEE_OK ||
            (rc = app(&j, "\":")) != WETEE_OK)
            break;
        if (wt_tx_zero_sized(md, e->implicit)) {
            rc = app(&j, "null");
        } else {
            char what[160];
            snprintf(what, sizeof what, "implicit data of %.100s", e->identifier);
            rc = part_json(&j, md, e->implicit, data, len, &pos, what, opts);
        }
    }
    if (rc == WETEE_OK && pos != len)
        rc = wt_error(WETEE_ERR_TRAILING, "%s: payload has %zu bytes after the implicit data", MOD, len - pos);
    if (rc == WETEE_OK)
        rc = app(&j, "}}");
    if (rc == WETEE_OK) {
        wetee_buf_free(out);
        *out = j;
        rc = wt_buf_terminate(out);
    } else {
        wetee_buf_free(&j);
    }
    return rc;
}
