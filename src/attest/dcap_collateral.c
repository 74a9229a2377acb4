/* DCAP collateral JSON: TCB Info v2/v3 (SGX, TDX) and QE Identity v2
 * (attestation.md §4.1). Signatures are checked elsewhere, over the raw
 * bytes; this file only reads the fields. */
#define _GNU_SOURCE /* timegm */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <jansson.h>

#include "internal/attest_dcap.h"

int wt_parse_iso8601(const char *s, uint64_t *out)
{
    struct tm tm;
    int y, mo, d, h, mi, se, n = 0;
    time_t v;
    if (s == NULL || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &n) != 6 || n != 19)
        return -1;
    s += 19;
    if (*s == '.') {
        s++;
        if (!isdigit((unsigned char)*s)) return -1;
        while (isdigit((unsigned char)*s)) s++;
    }
    if (strcmp(s, "Z") != 0 && strcmp(s, "+00:00") != 0) return -1;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60 || y < 1970) return -1;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = se;
    v = timegm(&tm);
    if (v < 0) return -1;
    *out = (uint64_t)v;
    return 0;
}

static int status_from_name(const char *s)
{
    static const struct { const char *name; int st; } T[] = {
        {"UpToDate", WETEE_ATTEST_TCB_UP_TO_DATE},
        {"SWHardeningNeeded", WETEE_ATTEST_TCB_SW_HARDENING_NEEDED},
        {"ConfigurationNeeded", WETEE_ATTEST_TCB_CONFIGURATION_NEEDED},
        {"ConfigurationAndSWHardeningNeeded", WETEE_ATTEST_TCB_CONFIGURATION_AND_SW_HARDENING_NEEDED},
        {"OutOfDate", WETEE_ATTEST_TCB_OUT_OF_DATE},
        {"OutOfDateConfigurationNeeded", WETEE_ATTEST_TCB_OUT_OF_DATE_CONFIGURATION_NEEDED},
        {"Revoked", WETEE_ATTEST_TCB_REVOKED},
    };
    size_t i;
    for (i = 0; i < sizeof T / sizeof T[0]; i++)
        if (strcmp(s, T[i].name) == 0) return T[i].st;
    return -1;
}


static int get_u64(json_t *o, const char *key, uint64_t *out, const char *what)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return wt_error(WETEE_ERR_DECODE, "attest: %s: \"%s\" is %s", what, key,
                        v == NULL ? "missing" : "not a non-negative integer");
    *out = (uint64_t)json_integer_value(v);
    return WETEE_OK;
}

static int get_hex(json_t *o, const char *key, uint8_t *out, size_t n, const char *what)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v) || wetee_hex_decode_exact(out, n, json_string_value(v), json_string_length(v)) != 0)
        return wt_error(WETEE_ERR_DECODE, "attest: %s: \"%s\" is %s", what, key,
                        v == NULL ? "missing" : "not hex of the expected length");
    return WETEE_OK;
}

static int get_date(json_t *o, const char *key, uint64_t *out, const char *what)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v) || wt_parse_iso8601(json_string_value(v), out) != 0)
        return wt_error(WETEE_ERR_DECODE, "attest: %s: \"%s\" is %s", what, key,
                        v == NULL ? "missing" : "not an ISO 8601 UTC date");
    return WETEE_OK;
}

static void levels_free(wt_tcb_level *l, unsigned n)
{
    unsigned i;
    if (l == NULL) return;
    for (i = 0; i < n; i++) wt_free(l[i].adv);
    wt_free(l);
}

/* tcbDate, tcbStatus, advisoryIDs of one level. */
static int level_common(wt_tcb_level *l, json_t *lv, const char *what, unsigned idx)
{
    json_t *st = json_object_get(lv, "tcbStatus"), *adv = json_object_get(lv, "advisoryIDs");
    char w[96];
    int rc;
    snprintf(w, sizeof w, "%s level %u", what, idx);
    if ((rc = get_date(lv, "tcbDate", &l->date, w)) != WETEE_OK) return rc;
    if (!json_is_string(st)) return wt_error(WETEE_ERR_DECODE, "attest: %s: \"tcbStatus\" missing", w);
    l->status = status_from_name(json_string_value(st));
    if (adv != NULL) {
        size_t i, total = 0, n;
        if (!json_is_array(adv) || (n = json_array_size(adv)) > WT_ATTEST_MAX_ADVISORIES)
            return wt_error(WETEE_ERR_DECODE, "attest: %s: \"advisoryIDs\" is not a list of at most %d strings", w,
                            WT_ATTEST_MAX_ADVISORIES);
        for (i = 0; i < n; i++) {
            json_t *a = json_array_get(adv, i);
            if (!json_is_string(a) || json_string_length(a) == 0 || json_string_length(a) >= WT_ATTEST_ADVISORY_LEN)
                return wt_error(WETEE_ERR_DECODE, "attest: %s: advisory %zu is not a short string", w, i);
            total += json_string_length(a) + 1;
        }
        if (total) {
            char *p = wt_malloc(total);
            if (p == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
            l->adv = p;
            l->adv_len = total;
            for (i = 0; i < n; i++) {
                json_t *a = json_array_get(adv, i);
                memcpy(p, json_string_value(a), json_string_length(a) + 1);
                p += json_string_length(a) + 1;
            }
        }
    }
    return WETEE_OK;
}

static int comp_list(json_t *arr, uint64_t out[16], const char *what, const char *key)
{
    size_t i;
    if (!json_is_array(arr) || json_array_size(arr) != 16)
        return wt_error(WETEE_ERR_DECODE, "attest: %s: \"%s\" is not a list of 16 components", what, key);
    for (i = 0; i < 16; i++) {
        json_t *c = json_array_get(arr, i), *svn = json_object_get(c, "svn");
        if (!json_is_integer(svn) || json_integer_value(svn) < 0)
            return wt_error(WETEE_ERR_DECODE, "attest: %s: \"%s\"[%zu].svn is not a non-negative integer", what,
                            key, i);
        out[i] = (uint64_t)json_integer_value(svn);
    }
    return WETEE_OK;
}

/* tcbLevels of a TCB Info (platform levels). */
static int platform_levels(struct wt_tcb_info *ti, json_t *arr, int tdx)
{
    size_t i, n;
    int rc;
    if (!json_is_array(arr) || (n = json_array_size(arr)) == 0 || n > WT_TCB_MAX_LEVELS)
        return wt_error(WETEE_ERR_DECODE, "attest: TCB Info: \"tcbLevels\" is not a list of 1 to %d levels",
                        WT_TCB_MAX_LEVELS);
    if ((ti->levels = wt_calloc(n, sizeof *ti->levels)) == NULL)
        return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    ti->n_levels = (unsigned)n;
    for (i = 0; i < n; i++) {
        json_t *lv = json_array_get(arr, i), *tcb = json_object_get(lv, "tcb");
        wt_tcb_level *l = &ti->levels[i];
        char w[64];
        snprintf(w, sizeof w, "TCB Info level %zu", i);
        if (!json_is_object(tcb)) return wt_error(WETEE_ERR_DECODE, "attest: %s: \"tcb\" is not an object", w);
        if (ti->version >= 3) {
            if ((rc = comp_list(json_object_get(tcb, "sgxtcbcomponents"), l->sgx, w, "sgxtcbcomponents")) != 0)
                return rc;
            if (tdx) {
                if ((rc = comp_list(json_object_get(tcb, "tdxtcbcomponents"), l->tdx, w, "tdxtcbcomponents")) != 0)
                    return rc;
                l->has_tdx = 1;
            }
        } else {
            unsigned k;
            for (k = 0; k < 16; k++) {
                char key[24];
                snprintf(key, sizeof key, "sgxtcbcomp%02usvn", k + 1);
                if ((rc = get_u64(tcb, key, &l->sgx[k], w)) != WETEE_OK) return rc;
            }
        }
        if ((rc = get_u64(tcb, "pcesvn", &l->pcesvn, w)) != WETEE_OK) return rc;
        if ((rc = level_common(l, lv, "TCB Info", (unsigned)i)) != WETEE_OK) return rc;
    }
    return WETEE_OK;
}

/* Identity levels: [{tcb: {isvsvn}, tcbDate, tcbStatus, advisoryIDs?}]. */
static int identity_levels(wt_tcb_level **out, unsigned *count, json_t *arr, const char *what)
{
    size_t i, n;
    int rc;
    if (!json_is_array(arr) || (n = json_array_size(arr)) == 0 || n > WT_TCB_MAX_LEVELS)
        return wt_error(WETEE_ERR_DECODE, "attest: %s: \"tcbLevels\" is not a list of 1 to %d levels", what,
                        WT_TCB_MAX_LEVELS);
    if ((*out = wt_calloc(n, sizeof **out)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    *count = (unsigned)n;
    for (i = 0; i < n; i++) {
        json_t *lv = json_array_get(arr, i), *tcb = json_object_get(lv, "tcb");
        char w[96];
        snprintf(w, sizeof w, "%s level %zu", what, i);
        if (!json_is_object(tcb)) return wt_error(WETEE_ERR_DECODE, "attest: %s: \"tcb\" is not an object", w);
        if ((rc = get_u64(tcb, "isvsvn", &(*out)[i].isvsvn, w)) != WETEE_OK) return rc;
        if ((rc = level_common(&(*out)[i], lv, what, (unsigned)i)) != WETEE_OK) return rc;
    }
    return WETEE_OK;
}

static int module_id(wt_tdx_module_id *m, json_t *o, const char *what, int with_levels)
{
    int rc;
    if (!json_is_object(o)) return wt_error(WETEE_ERR_DECODE, "attest: %s: not an object", what);
    if ((rc = get_hex(o, "mrsigner", m->mrsigner, 48, what)) != WETEE_OK) return rc;
    if ((rc = get_hex(o, "attributes", m->attributes, 8, what)) != WETEE_OK) return rc;
    if ((rc = get_hex(o, "attributesMask", m->attributes_mask, 8, what)) != WETEE_OK) return rc;
    if (with_levels) {
        json_t *id = json_object_get(o, "id");
        if (!json_is_string(id) || json_string_length(id) >= sizeof m->id)
            return wt_error(WETEE_ERR_DECODE, "attest: %s: \"id\" is not a short string", what);
        memcpy(m->id, json_string_value(id), json_string_length(id) + 1);
        if ((rc = identity_levels(&m->levels, &m->n_levels, json_object_get(o, "tcbLevels"), what)) != WETEE_OK)
            return rc;
    }
    return WETEE_OK;
}

void wt_tcb_info_free(struct wt_tcb_info *ti)
{
    unsigned i;
    if (ti == NULL) return;
    levels_free(ti->levels, ti->n_levels);
    for (i = 0; i < ti->n_modules; i++) levels_free(ti->modules[i].levels, ti->modules[i].n_levels);
    wt_free(ti->modules);
    wt_free(ti);
}

int wt_tcb_info_parse(struct wt_tcb_info **out, const char *json, size_t len)
{
    struct wt_tcb_info *ti;
    json_error_t err;
    json_t *o, *id, *mods;
    uint64_t version = 0, tcb_type = 0;
    int rc, tdx = 0;
    *out = NULL;
    o = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
    if (!json_is_object(o)) {
        json_decref(o);
        return wt_error(WETEE_ERR_DECODE, "attest: TCB Info: bad JSON at line %d column %d: %s", err.line,
                        err.column, err.text);
    }
    if ((ti = wt_calloc(1, sizeof *ti)) == NULL) {
        json_decref(o);
        return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    }
    if ((rc = get_u64(o, "version", &version, "TCB Info")) != WETEE_OK) goto done;
    if (version != 2 && version != 3) {
        rc = wt_error(WETEE_ERR_DECODE, "attest: TCB Info: version %llu is not 2 or 3", (unsigned long long)version);
        goto done;
    }
    ti->version = (unsigned)version;
    id = json_object_get(o, "id");
    if (id != NULL) {
        if (!json_is_string(id)) { rc = wt_error(WETEE_ERR_DECODE, "attest: TCB Info: \"id\" is not a string"); goto done; }
        if (strcmp(json_string_value(id), "SGX") == 0) ti->id = WT_TCBINFO_ID_SGX;
        else if (strcmp(json_string_value(id), "TDX") == 0) ti->id = WT_TCBINFO_ID_TDX, tdx = 1;
        else { rc = wt_error(WETEE_ERR_DECODE, "attest: TCB Info: unknown id \"%s\"", json_string_value(id)); goto done; }
    } else if (version >= 3) {
        rc = wt_error(WETEE_ERR_DECODE, "attest: TCB Info: version 3 without \"id\"");
        goto done;
    }
    if (tdx && version < 3) { rc = wt_error(WETEE_ERR_DECODE, "attest: TCB Info: TDX needs version 3"); goto done; }
    if ((rc = get_date(o, "issueDate", &ti->issue_date, "TCB Info")) != WETEE_OK) goto done;
    if ((rc = get_date(o, "nextUpdate", &ti->next_update, "TCB Info")) != WETEE_OK) goto done;
    if ((rc = get_hex(o, "fmspc", ti->fmspc, 6, "TCB Info")) != WETEE_OK) goto done;
    if ((rc = get_hex(o, "pceId", ti->pce_id, 2, "TCB Info")) != WETEE_OK) goto done;
    if ((rc = get_u64(o, "tcbType", &tcb_type, "TCB Info")) != WETEE_OK) goto done;
    if (tcb_type != 0) { rc = wt_error(WETEE_ERR_DECODE, "attest: TCB Info: tcbType %llu is not 0", (unsigned long long)tcb_type); goto done; }
    if ((rc = platform_levels(ti, json_object_get(o, "tcbLevels"), tdx)) != WETEE_OK) goto done;
    if (tdx) {
        json_t *tm = json_object_get(o, "tdxModule");
        if (tm != NULL) {
            if ((rc = module_id(&ti->tdx_module, tm, "TCB Info tdxModule", 0)) != WETEE_OK) goto done;
            ti->has_tdx_module = 1;
        }
        mods = json_object_get(o, "tdxModuleIdentities");
        if (mods != NULL) {
            size_t i, n;
            if (!json_is_array(mods) || (n = json_array_size(mods)) > WT_TCB_MAX_MODULES) {
                rc = wt_error(WETEE_ERR_DECODE, "attest: TCB Info: \"tdxModuleIdentities\" is not a list of at most %d",
                              WT_TCB_MAX_MODULES);
                goto done;
            }
            if (n && (ti->modules = wt_calloc(n, sizeof *ti->modules)) == NULL) {
                rc = wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
                goto done;
            }
            for (i = 0; i < n; i++) {
                char w[64];
                snprintf(w, sizeof w, "TCB Info tdxModuleIdentities[%zu]", i);
                ti->n_modules = (unsigned)i + 1;
                if ((rc = module_id(&ti->modules[i], json_array_get(mods, i), w, 1)) != WETEE_OK) goto done;
            }
        }
    }
    rc = WETEE_OK;
done:
    json_decref(o);
    if (rc != WETEE_OK) wt_tcb_info_free(ti);
    else *out = ti;
    return rc;
}

void wt_qe_identity_free(struct wt_qe_identity *qi)
{
    if (qi == NULL) return;
    levels_free(qi->levels, qi->n_levels);
    wt_free(qi);
}

int wt_qe_identity_parse(struct wt_qe_identity **out, const char *json, size_t len)
{
    struct wt_qe_identity *qi;
    json_error_t err;
    json_t *o, *id;
    uint64_t version = 0;
    int rc;
    const char *W = "QE Identity";
    *out = NULL;
    o = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
    if (!json_is_object(o)) {
        json_decref(o);
        return wt_error(WETEE_ERR_DECODE, "attest: QE Identity: bad JSON at line %d column %d: %s", err.line,
                        err.column, err.text);
    }
    if ((qi = wt_calloc(1, sizeof *qi)) == NULL) {
        json_decref(o);
        return wt_error(WETEE_ERR_NO_MEMORY, "attest: out of memory");
    }
    if ((rc = get_u64(o, "version", &version, W)) != WETEE_OK) goto done;
    if (version != 2) { rc = wt_error(WETEE_ERR_DECODE, "attest: QE Identity: version %llu is not 2", (unsigned long long)version); goto done; }
    qi->version = 2;
    id = json_object_get(o, "id");
    if (!json_is_string(id)) { rc = wt_error(WETEE_ERR_DECODE, "attest: QE Identity: \"id\" missing"); goto done; }
    if (strcmp(json_string_value(id), "QE") == 0) qi->id = WT_QEID_QE;
    else if (strcmp(json_string_value(id), "TD_QE") == 0) qi->id = WT_QEID_TD_QE;
    else if (strcmp(json_string_value(id), "QVE") == 0) qi->id = WT_QEID_QVE;
    else { rc = wt_error(WETEE_ERR_DECODE, "attest: QE Identity: unknown id \"%s\"", json_string_value(id)); goto done; }
    if ((rc = get_date(o, "issueDate", &qi->issue_date, W)) != WETEE_OK) goto done;
    if ((rc = get_date(o, "nextUpdate", &qi->next_update, W)) != WETEE_OK) goto done;
    if ((rc = get_hex(o, "miscselect", qi->miscselect, 4, W)) != WETEE_OK) goto done;
    if ((rc = get_hex(o, "miscselectMask", qi->miscselect_mask, 4, W)) != WETEE_OK) goto done;
    if ((rc = get_hex(o, "attributes", qi->attributes, 16, W)) != WETEE_OK) goto done;
    if ((rc = get_hex(o, "attributesMask", qi->attributes_mask, 16, W)) != WETEE_OK) goto done;
    if ((rc = get_hex(o, "mrsigner", qi->mrsigner, 32, W)) != WETEE_OK) goto done;
    if ((rc = get_u64(o, "isvprodid", &qi->isvprodid, W)) != WETEE_OK) goto done;
    rc = identity_levels(&qi->levels, &qi->n_levels, json_object_get(o, "tcbLevels"), W);
done:
    json_decref(o);
    if (rc != WETEE_OK) wt_qe_identity_free(qi);
    else *out = qi;
    return rc;
}
