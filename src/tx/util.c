/* Shared helpers of the tx module: typed JSON encoding with newtype
 * unwrapping, byte checks and zero-sized types. */
#include <stdio.h>

#include "internal/common.h"
#include "tx_impl.h"
#include "wetee/value.h"

#define MOD "tx"

int wt_tx_encode_json(wetee_buf *out, const struct wetee_metadata *md, uint32_t type, const char *json, size_t len,
                      const char *what)
{
    size_t start = out->len;
    int rc = wetee_value_encode_json(out, md, type, json, len);
    if (rc == WETEE_OK)
        return rc;
    char first[512];
    int first_rc = rc;
    snprintf(first, sizeof first, "%s", wetee_last_error());
    uint32_t t = type;
    for (int depth = 0; depth < 16; depth++) {
        const struct wetee_md_type *ty = &md->types[t];
        if (ty->kind != WETEE_TYPE_COMPOSITE || ty->u.comp.n != 1)
            break;
        t = ty->u.comp.fields[0].type;
        out->len = start;
        if (wetee_value_encode_json(out, md, t, json, len) == WETEE_OK)
            return WETEE_OK;
    }
    out->len = start;
    return wt_error(first_rc, "%s: %s: %s", MOD, what, first);
}

int wt_tx_encode_value(wetee_buf *out, const struct wetee_metadata *md, uint32_t type, wetee_value *v,
                       const char *what)
{
    size_t start = out->len;
    int rc = WETEE_ERR_NO_MEMORY;
    if (!v)
        return wt_error(rc, "%s: %s: out of memory", MOD, what);
    rc = wetee_value_encode(out, md, type, v);
    if (rc != WETEE_OK) {
        char first[512];
        int first_rc = rc;
        snprintf(first, sizeof first, "%s", wetee_last_error());
        uint32_t t = type;
        for (int depth = 0; depth < 16 && rc != WETEE_OK; depth++) {
            const struct wetee_md_type *ty = &md->types[t];
            if (ty->kind != WETEE_TYPE_COMPOSITE || ty->u.comp.n != 1)
                break;
            t = ty->u.comp.fields[0].type;
            out->len = start;
            rc = wetee_value_encode(out, md, t, v);
        }
        if (rc != WETEE_OK) {
            out->len = start;
            rc = wt_error(first_rc, "%s: %s: %s", MOD, what, first);
        }
    }
    wetee_value_free(v);
    return rc;
}

int wt_tx_check_bytes(const struct wetee_metadata *md, uint32_t type, const uint8_t *data, size_t len,
                      const char *what)
{
    wetee_value *v = NULL;
    int rc = wetee_value_decode(&v, NULL, md, type, data, len);
    wetee_value_free(v);
    if (rc != WETEE_OK) {
        char first[512];
        snprintf(first, sizeof first, "%s", wetee_last_error());
        return wt_error(rc, "%s: %s: %s", MOD, what, first);
    }
    return WETEE_OK;
}

int wt_tx_zero_sized(const struct wetee_metadata *md, uint32_t type) { return wt_md_zero_sized(md, type); }
