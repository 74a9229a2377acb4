/* Differential test of libwetee's metadata module against @polkadot/types:
 * the libwetee side. Pairs with md_diff.mjs (the JavaScript side, which
 * generates the requests and compares the answers); run.sh runs both.
 *
 *   metadata_vectors run FILE    answer each request line of FILE with one
 *                                line on stdout: the result, or "!" and
 *                                libwetee's error (wetee_last_error())
 *   metadata_vectors selfcheck   bad input must give errors (no node needed;
 *                                also run by ctest)
 *   metadata_vectors ops         the request kinds it answers, comma-separated
 *
 * Requests (fields separated by one TAB, see md_diff.mjs):
 *   fixture NAME PATH            load a metadata file (raw SCALE, or a
 *                                JSON-RPC response) -> "ok"
 *   enumerate FX                 everything the lookups say about the
 *                                metadata, as one JSON object (the shape
 *                                md_summary.mjs builds from polkadot.js)
 *   constant FX PALLET NAME      wetee_constant_json
 *   encode_call FX PALLET CALL ARGS
 *                                wetee_call_encode_json -> hex
 *   decode_call FX HEX           wetee_call_decode_json
 *   call_roundtrip FX PALLET CALL ARGS
 *                                encode, then decode libwetee's bytes
 *   storage_key FX PALLET ENTRY KEYS
 *                                wetee_storage_key_json -> hex
 *   storage_key_decode FX PALLET ENTRY HEX
 *                                wetee_storage_key_decode_json
 *   storage_value FX PALLET ENTRY HEX|-
 *                                wetee_storage_value_decode_json ("-": no
 *                                value in storage)
 *   decode_type FX TYPE HEX      wetee_value_decode_json
 *   encode_type FX TYPE JSON     wetee_value_encode_json -> hex
 *   decode_events FX HEX         wetee_events_decode_json
 *   dispatch_error FX HEX        wetee_dispatch_error_json
 * Hex is written lower-case without "0x"; JSON as libwetee writes it, with
 * the default options (names as in the metadata, the chain's SS58 prefix).
 */
#define _POSIX_C_SOURCE 200809L /* getline */

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "wetee/core.h"
#include "wetee/metadata.h"
#include "wetee/value.h"

#define MAX_FIELDS 8

const char *const drv_name = "metadata_vectors";


/* ------------------------------------------------------------------ */
/* JSON helpers                                                        */

static json_t *jstr(const char *s) { return s ? json_string(s) : json_null(); }
static json_t *jtype(uint32_t id) { return id == WETEE_METADATA_NO_TYPE ? json_null() : json_integer(id); }

static json_t *jhex(const uint8_t *p, size_t n)
{
    wetee_buf b = WETEE_BUF_INIT;
    if (wetee_hex_encode(&b, p, n, WETEE_HEX_PREFIX) != WETEE_OK) drv_die("hex");
    json_t *j = json_stringn((const char *)b.data, b.len);
    wetee_buf_free(&b);
    return j;
}

typedef size_t (*doc_count_fn)(const void *);
typedef const char *(*doc_fn)(const void *, size_t);

static json_t *jdocs(const void *item, size_t n, const char *(*get)(const void *, size_t))
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) json_array_append_new(a, jstr(get(item, i)));
    return a;
}

/* wetee_md_*_doc take typed handles: thin adapters for jdocs */
#define DOC_ADAPTER(name, type, fn) \
    static const char *name(const void *p, size_t i) { return fn((const type *)p, i); }
DOC_ADAPTER(doc_pallet, wetee_md_pallet, wetee_md_pallet_doc)
DOC_ADAPTER(doc_storage, wetee_md_storage, wetee_md_storage_doc)
DOC_ADAPTER(doc_constant, wetee_md_constant, wetee_md_constant_doc)
DOC_ADAPTER(doc_api, wetee_md_runtime_api, wetee_md_runtime_api_doc)
DOC_ADAPTER(doc_method, wetee_md_method, wetee_md_method_doc)

/* A deprecation status as md_summary.mjs writes it: null, ["without-note"]
 * or ["deprecated", note, since|null]. */
static json_t *jdepr(int kind, const char *note, const char *since)
{
    if (kind == WETEE_MD_NOT_DEPRECATED) return json_null();
    if (kind == WETEE_MD_DEPRECATED_WITHOUT_NOTE) return json_pack("[s]", "without-note");
    return json_pack("[s,o,o]", "deprecated", jstr(note), jstr(since));
}

static const char *const PRIM_NAMES[] = {"bool", "char", "str", "u8", "u16", "u32", "u64", "u128",
                                         "u256", "i8", "i16", "i32", "i64", "i128", "i256"};
static const char *const KIND_NAMES[] = {"composite", "variant", "sequence", "array",
                                         "tuple", "primitive", "compact", "bitsequence"};
static const char *const HASHER_NAMES[] = {"Blake2_128", "Blake2_256", "Blake2_128Concat", "Twox128",
                                           "Twox256", "Twox64Concat", "Identity"};

/* growable text */
typedef struct {
    char *p;
    size_t len, cap;
} text;

static void tput(text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (t->len + n + 1 > cap) cap *= 2;
        char *np = realloc(t->p, cap);
        if (!np) drv_die("out of memory");
        t->p = np;
        t->cap = cap;
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
}

#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 2, 3)))
#endif
static void tprintf(text *t, const char *fmt, ...);
static void tprintf(text *t, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) drv_die("format");
    if ((size_t)n < sizeof tmp) {
        tput(t, tmp, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) drv_die("out of memory");
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    tput(t, big, (size_t)n);
    free(big);
}

static void tfields(text *t, size_t n, const wetee_md_field *(*at)(const void *, size_t), const void *owner)
{
    for (size_t i = 0; i < n; i++) {
        const wetee_md_field *f = at(owner, i);
        const char *name = wetee_md_field_name(f), *tn = wetee_md_field_type_name(f);
        tprintf(t, "%s%s:%u:%s", i ? "," : "", name ? name : "_", wetee_md_field_type(f), tn ? tn : "");
    }
}
static const wetee_md_field *type_field_at(const void *t, size_t i) { return wetee_md_type_field(t, i); }
static const wetee_md_field *variant_field_at(const void *v, size_t i) { return wetee_md_variant_field(v, i); }

/* one registry type as md_summary.mjs's typeLine writes it */
static json_t *jtype_line(const wetee_md_type *t)
{
    text s = {0};
    int kind = wetee_md_type_kind(t);
    if (kind < 0 || kind > WETEE_TYPE_BIT_SEQUENCE) drv_die("bad type kind");
    tprintf(&s, "%s ", KIND_NAMES[kind]);
    for (size_t i = 0; i < wetee_md_type_path_len(t); i++) tprintf(&s, "%s%s", i ? "::" : "", wetee_md_type_path(t, i));
    tput(&s, "<", 1);
    for (size_t i = 0; i < wetee_md_type_param_count(t); i++) {
        uint32_t p = wetee_md_type_param_type(t, i);
        if (p == WETEE_METADATA_NO_TYPE) tprintf(&s, "%s_", i ? "," : "");
        else tprintf(&s, "%s%u", i ? "," : "", p);
    }
    tput(&s, ">", 1);
    switch (kind) {
    case WETEE_TYPE_COMPOSITE:
        tput(&s, " {", 2);
        tfields(&s, wetee_md_type_field_count(t), type_field_at, t);
        tput(&s, "}", 1);
        break;
    case WETEE_TYPE_VARIANT:
        tput(&s, " {", 2);
        for (size_t i = 0; i < wetee_md_type_variant_count(t); i++) {
            const wetee_md_variant *v = wetee_md_type_variant(t, i);
            tprintf(&s, "%s%u:%s(", i ? ";" : "", wetee_md_variant_index(v), wetee_md_variant_name(v));
            tfields(&s, wetee_md_variant_field_count(v), variant_field_at, v);
            tput(&s, ")", 1);
        }
        tput(&s, "}", 1);
        break;
    case WETEE_TYPE_SEQUENCE:
    case WETEE_TYPE_COMPACT:
        tprintf(&s, " %u", wetee_md_type_elem(t));
        break;
    case WETEE_TYPE_ARRAY:
        tprintf(&s, " %u;%u", wetee_md_type_elem(t), wetee_md_type_array_len(t));
        break;
    case WETEE_TYPE_TUPLE:
        tput(&s, " (", 2);
        for (size_t i = 0; i < wetee_md_type_tuple_len(t); i++)
            tprintf(&s, "%s%u", i ? "," : "", wetee_md_type_tuple_elem(t, i));
        tput(&s, ")", 1);
        break;
    case WETEE_TYPE_PRIMITIVE: {
        int p = wetee_md_type_primitive(t);
        if (p < 0 || p > WETEE_PRIM_I256) drv_die("bad primitive");
        tprintf(&s, " %s", PRIM_NAMES[p]);
        break;
    }
    case WETEE_TYPE_BIT_SEQUENCE:
        tprintf(&s, " %u,%u", wetee_md_type_bit_store(t), wetee_md_type_bit_order(t));
        break;
    default:
        break;
    }
    json_t *j = json_stringn(s.p, s.len);
    free(s.p);
    return j;
}

static json_t *jinputs(const wetee_md_method *m)
{
    json_t *a = json_array();
    for (size_t i = 0; i < wetee_md_method_input_count(m); i++) {
        const wetee_md_field *f = wetee_md_method_input(m, i);
        text s = {0};
        tprintf(&s, "%s:%u", wetee_md_field_name(f) ? wetee_md_field_name(f) : "_", wetee_md_field_type(f));
        json_array_append_new(a, json_stringn(s.p, s.len));
        free(s.p);
    }
    return a;
}

static json_t *jpallet(const wetee_metadata *md, const wetee_md_pallet *p, int v16)
{
    const char *note, *since;
    json_t *o = json_object();
    json_object_set_new(o, "name", jstr(wetee_md_pallet_name(p)));
    json_object_set_new(o, "index", json_integer(wetee_md_pallet_index(p)));
    json_object_set_new(o, "docs", jdocs(p, wetee_md_pallet_doc_count(p), doc_pallet));
    json_object_set_new(o, "calls", jtype(wetee_md_pallet_call_type(p)));
    json_object_set_new(o, "events", jtype(wetee_md_pallet_event_type(p)));
    json_object_set_new(o, "errors", jtype(wetee_md_pallet_error_type(p)));
    json_object_set_new(o, "storage_prefix", jstr(wetee_md_pallet_storage_prefix(p)));
    json_t *st = json_array();
    for (size_t i = 0; i < wetee_md_pallet_storage_count(p); i++) {
        const wetee_md_storage *s = wetee_md_pallet_storage_at(p, i);
        json_t *e = json_object();
        json_object_set_new(e, "name", jstr(wetee_md_storage_name(s)));
        json_object_set_new(e, "modifier",
                            json_string(wetee_md_storage_modifier(s) == WETEE_MD_STORAGE_OPTIONAL ? "Optional" : "Default"));
        json_t *h = json_array();
        for (size_t k = 0; k < wetee_md_storage_hasher_count(s); k++) {
            int hk = wetee_md_storage_hasher(s, k);
            json_array_append_new(h, hk >= 0 && hk <= WETEE_HASHER_IDENTITY ? json_string(HASHER_NAMES[hk]) : json_null());
        }
        json_object_set_new(e, "hashers", h);
        json_object_set_new(e, "key", wetee_md_storage_hasher_count(s) ? jtype(wetee_md_storage_key_type(s)) : json_null());
        json_object_set_new(e, "value", jtype(wetee_md_storage_value_type(s)));
        size_t dl = 0;
        const uint8_t *d = wetee_md_storage_default(&dl, s);
        json_object_set_new(e, "default", jhex(d, dl));
        json_object_set_new(e, "docs", jdocs(s, wetee_md_storage_doc_count(s), doc_storage));
        if (v16) {
            int k = wetee_md_storage_deprecation(&note, &since, s);
            json_object_set_new(e, "deprecation", jdepr(k, note, since));
        }
        json_array_append_new(st, e);
    }
    json_object_set_new(o, "storage", st);
    json_t *cs = json_array();
    for (size_t i = 0; i < wetee_md_pallet_constant_count(p); i++) {
        const wetee_md_constant *c = wetee_md_pallet_constant_at(p, i);
        size_t vl = 0;
        const uint8_t *v = wetee_md_constant_value(&vl, c);
        json_t *e = json_pack("{s:o,s:o,s:o,s:o}", "name", jstr(wetee_md_constant_name(c)), "type",
                              jtype(wetee_md_constant_type(c)), "value", jhex(v, vl), "docs",
                              jdocs(c, wetee_md_constant_doc_count(c), doc_constant));
        if (v16) {
            int k = wetee_md_constant_deprecation(&note, &since, c);
            json_object_set_new(e, "deprecation", jdepr(k, note, since));
        }
        json_array_append_new(cs, e);
    }
    json_object_set_new(o, "constants", cs);
    if (v16) {
        int k = wetee_md_pallet_deprecation(&note, &since, p);
        json_object_set_new(o, "deprecation", jdepr(k, note, since));
        json_t *vd = json_object();
        static const char *const kinds[] = {"calls", "events", "errors"};
        for (int kind = WETEE_MD_CALLS; kind <= WETEE_MD_ERRORS; kind++) {
            for (size_t i = 0; i < wetee_md_pallet_variant_count(md, p, (wetee_md_enum_kind)kind); i++) {
                const wetee_md_variant *v = wetee_md_pallet_variant_at(md, p, (wetee_md_enum_kind)kind, i);
                uint8_t idx = wetee_md_variant_index(v);
                int dk = wetee_md_pallet_variant_deprecation(&note, &since, p, (wetee_md_enum_kind)kind, idx);
                if (dk == WETEE_MD_NOT_DEPRECATED) continue;
                char key[32];
                snprintf(key, sizeof key, "%s:%u", kinds[kind], idx);
                json_object_set_new(vd, key, jdepr(dk, note, since));
            }
        }
        json_object_set_new(o, "variant_deprecation", vd);
        json_t *vf = json_array();
        for (size_t i = 0; i < wetee_md_pallet_view_function_count(p); i++) {
            const wetee_md_method *m = wetee_md_pallet_view_function_at(p, i);
            int dk = wetee_md_method_deprecation(&note, &since, m);
            json_array_append_new(vf, json_pack("{s:o,s:o,s:o,s:I,s:o,s:o}", "name", jstr(wetee_md_method_name(m)), "id",
                                                jhex(wetee_md_method_view_id(m), 32), "inputs", jinputs(m), "output",
                                                (json_int_t)wetee_md_method_output(m), "docs",
                                                jdocs(m, wetee_md_method_doc_count(m), doc_method), "deprecation",
                                                jdepr(dk, note, since)));
        }
        json_object_set_new(o, "view_functions", vf);
    }
    return o;
}

static int do_enumerate(char **out, const wetee_metadata *md)
{
    const char *note, *since;
    unsigned version = wetee_metadata_version(md);
    int v16 = version >= 16;
    json_t *o = json_object();
    json_object_set_new(o, "version", json_integer(version));
    json_t *types = json_array();
    for (size_t i = 0; i < wetee_metadata_type_count(md); i++) {
        const wetee_md_type *t = wetee_metadata_type(md, (uint32_t)i);
        if (!t || wetee_md_type_id(t) != i) {
            json_decref(o);
            json_decref(types);
            return drv_fail("type %zu: lookup by id gives another type", i);
        }
        json_array_append_new(types, jtype_line(t));
    }
    json_object_set_new(o, "types", types);
    json_t *pallets = json_array();
    for (size_t i = 0; i < wetee_metadata_pallet_count(md); i++)
        json_array_append_new(pallets, jpallet(md, wetee_metadata_pallet_at(md, i), v16));
    json_object_set_new(o, "pallets", pallets);
    json_t *apis = json_array();
    for (size_t i = 0; i < wetee_metadata_runtime_api_count(md); i++) {
        const wetee_md_runtime_api *a = wetee_metadata_runtime_api_at(md, i);
        json_t *ms = json_array();
        for (size_t k = 0; k < wetee_md_runtime_api_method_count(a); k++) {
            const wetee_md_method *m = wetee_md_runtime_api_method_at(a, k);
            json_t *e = json_pack("{s:o,s:o,s:I,s:o}", "name", jstr(wetee_md_method_name(m)), "inputs", jinputs(m), "output",
                                  (json_int_t)wetee_md_method_output(m), "docs",
                                  jdocs(m, wetee_md_method_doc_count(m), doc_method));
            if (v16) {
                int dk = wetee_md_method_deprecation(&note, &since, m);
                json_object_set_new(e, "deprecation", jdepr(dk, note, since));
            }
            json_array_append_new(ms, e);
        }
        json_t *e = json_pack("{s:o,s:o,s:o}", "name", jstr(wetee_md_runtime_api_name(a)), "docs",
                              jdocs(a, wetee_md_runtime_api_doc_count(a), doc_api), "methods", ms);
        if (v16) {
            uint32_t ver = 0;
            json_object_set_new(e, "version",
                                wetee_md_runtime_api_version(&ver, a) == WETEE_OK ? json_integer(ver) : json_null());
            int dk = wetee_md_runtime_api_deprecation(&note, &since, a);
            json_object_set_new(e, "deprecation", jdepr(dk, note, since));
        }
        json_array_append_new(apis, e);
    }
    json_object_set_new(o, "apis", apis);
    uint32_t call = 0, event = 0, error = 0;
    wetee_metadata_outer_enums(&call, &event, &error, md);
    json_t *outer = json_pack("{s:o,s:o}", "call", jtype(call), "event", jtype(event));
    if (version >= 15) json_object_set_new(outer, "error", jtype(error));
    json_object_set_new(o, "outer", outer);
    uint32_t xa = 0, xc = 0, xs = 0, xe = 0;
    wetee_metadata_extrinsic_types(&xa, &xc, &xs, &xe, md);
    json_t *versions = json_array();
    for (size_t i = 0; i < wetee_metadata_extrinsic_version_count(md); i++)
        json_array_append_new(versions, json_integer(wetee_metadata_extrinsic_version(md, i)));
    json_t *exts = json_array();
    for (size_t i = 0; i < wetee_metadata_extension_count(md); i++) {
        const wetee_md_extension *e = wetee_metadata_extension_at(md, i);
        json_array_append_new(exts, json_pack("[o,o,o]", jstr(wetee_md_extension_identifier(e)),
                                              jtype(wetee_md_extension_type(e)), jtype(wetee_md_extension_implicit_type(e))));
    }
    json_t *x = json_pack("{s:o,s:o,s:o,s:o,s:o}", "versions", versions, "address", jtype(xa), "call", jtype(xc),
                          "signature", jtype(xs), "extensions", exts);
    if (v16) {
        json_t *bv = json_array();
        for (size_t i = 0; i < wetee_metadata_extension_version_count(md); i++) {
            uint8_t ver = 0;
            size_t n = 0;
            wetee_metadata_extension_version_at(&ver, &n, md, i);
            json_t *idx = json_array();
            for (size_t j = 0; j < n; j++) {
                const wetee_md_extension *e = wetee_metadata_extension_of_version(md, i, j);
                /* by position in the full list, as the metadata stores it */
                size_t pos = 0;
                while (pos < wetee_metadata_extension_count(md) && wetee_metadata_extension_at(md, pos) != e) pos++;
                json_array_append_new(idx, json_integer((json_int_t)pos));
            }
            json_array_append_new(bv, json_pack("[i,o]", ver, idx));
        }
        json_object_set_new(x, "by_version", bv);
    }
    json_object_set_new(o, "extrinsic", x);
    const char *spec = wetee_metadata_spec_name(md);
    uint32_t sv = 0, tv = 0;
    if (spec && wetee_metadata_spec_version(&sv, md) == WETEE_OK && wetee_metadata_transaction_version(&tv, md) == WETEE_OK)
        json_object_set_new(o, "spec", json_pack("{s:s,s:I,s:I}", "name", spec, "version", (json_int_t)sv,
                                                 "transaction_version", (json_int_t)tv));
    uint16_t ss58 = 0;
    if (wetee_metadata_ss58_prefix(&ss58, md) == WETEE_OK) json_object_set_new(o, "ss58", json_integer(ss58));
    json_t *custom = json_array();
    for (size_t i = 0; i < wetee_metadata_custom_count(md); i++) {
        const char *name = NULL;
        uint32_t type = 0;
        const uint8_t *v = NULL;
        size_t vl = 0;
        wetee_metadata_custom_at(&name, &type, &v, &vl, md, i);
        json_array_append_new(custom, json_pack("[o,o,o]", jstr(name), jtype(type), jhex(v, vl)));
    }
    json_object_set_new(o, "custom", custom);
    *out = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(o);
    return *out ? 0 : drv_fail("json_dumps failed");
}

/* ------------------------------------------------------------------ */
/* Values                                                              */

static char *buf_text(wetee_buf *b)
{
    char *t = malloc(b->len + 1);
    if (!t) drv_die("out of memory");
    memcpy(t, b->data, b->len);
    t[b->len] = '\0';
    wetee_buf_free(b);
    return t;
}

static char *buf_hex(wetee_buf *b)
{
    wetee_buf h = WETEE_BUF_INIT;
    if (wetee_hex_encode(&h, b->data, b->len, 0) != WETEE_OK) drv_die("hex");
    wetee_buf_free(b);
    return buf_text(&h);
}

/* hex text (with or without 0x) -> bytes in b */
static int unhex(wetee_buf *b, const char *hex)
{
    int rc = wetee_hex_decode(b, hex, strlen(hex));
    return rc == WETEE_OK ? 0 : drv_fail("bad hex in the request: %s", wetee_last_error());
}

static const wetee_md_pallet *pallet_named(const wetee_metadata *md, const char *name)
{
    const wetee_md_pallet *p = wetee_metadata_pallet_by_name(md, name);
    if (!p) drv_fail("no pallet %s", name);
    return p;
}

/* Run a libwetee call that fills a buffer; on success the result is its
 * text (as_hex: lower-case hex) in *out. */
#define ANSWER(call, what, as_hex)                              \
    do {                                                        \
        wetee_buf b_ = WETEE_BUF_INIT;                          \
        int rc_ = (call);                                       \
        if (rc_ != WETEE_OK) {                                  \
            wetee_buf_free(&b_);                                \
            return drv_fail_wetee(rc_, what);                       \
        }                                                       \
        *out = (as_hex) ? buf_hex(&b_) : buf_text(&b_);         \
        return 0;                                               \
    } while (0)

static int do_constant(char **out, const wetee_metadata *md, char **f, size_t n)
{
    if (n != 4) return drv_fail("constant: expected FX PALLET NAME");
    const wetee_md_pallet *p = pallet_named(md, f[2]);
    if (!p) return -1;
    const wetee_md_constant *c = wetee_md_pallet_constant_by_name(md, p, f[3]);
    if (!c) return drv_fail("no constant %s.%s", f[2], f[3]);
    ANSWER(wetee_constant_json(&b_, md, c, NULL), "wetee_constant_json", 0);
}

static int do_encode_call(char **out, const wetee_metadata *md, char **f, size_t n)
{
    if (n != 5) return drv_fail("encode_call: expected FX PALLET CALL ARGS");
    ANSWER(wetee_call_encode_json(&b_, md, f[2], f[3], f[4], strlen(f[4])), "wetee_call_encode_json", 1);
}

/* encode a call, then decode libwetee's own bytes */
static int do_call_roundtrip(char **out, const wetee_metadata *md, char **f, size_t n)
{
    if (n != 5) return drv_fail("call_roundtrip: expected FX PALLET CALL ARGS");
    wetee_buf enc = WETEE_BUF_INIT, b = WETEE_BUF_INIT;
    int rc = wetee_call_encode_json(&enc, md, f[2], f[3], f[4], strlen(f[4]));
    if (rc != WETEE_OK) {
        wetee_buf_free(&enc);
        return drv_fail_wetee(rc, "wetee_call_encode_json");
    }
    rc = wetee_call_decode_json(&b, md, enc.data, enc.len, NULL);
    wetee_buf_free(&enc);
    if (rc != WETEE_OK) {
        wetee_buf_free(&b);
        return drv_fail_wetee(rc, "wetee_call_decode_json");
    }
    *out = buf_text(&b);
    return 0;
}

static int do_decode_call(char **out, const wetee_metadata *md, char **f, size_t n)
{
    if (n != 3) return drv_fail("decode_call: expected FX HEX");
    wetee_buf in = WETEE_BUF_INIT;
    if (unhex(&in, f[2])) return -1;
    wetee_buf b = WETEE_BUF_INIT;
    int rc = wetee_call_decode_json(&b, md, in.data, in.len, NULL);
    wetee_buf_free(&in);
    if (rc != WETEE_OK) {
        wetee_buf_free(&b);
        return drv_fail_wetee(rc, "wetee_call_decode_json");
    }
    *out = buf_text(&b);
    return 0;
}

static const wetee_md_storage *storage_named(const wetee_metadata *md, const char *pallet, const char *entry)
{
    const wetee_md_pallet *p = pallet_named(md, pallet);
    if (!p) return NULL;
    const wetee_md_storage *s = wetee_md_pallet_storage_by_name(md, p, entry);
    if (!s) drv_fail("no storage entry %s.%s", pallet, entry);
    return s;
}

static int do_storage_key(char **out, const wetee_metadata *md, char **f, size_t n)
{
    if (n != 5) return drv_fail("storage_key: expected FX PALLET ENTRY KEYS");
    const wetee_md_storage *s = storage_named(md, f[2], f[3]);
    if (!s) return -1;
    ANSWER(wetee_storage_key_json(&b_, md, s, f[4], strlen(f[4])), "wetee_storage_key_json", 1);
}

/* decode requests whose last field is hex: run fn over the bytes */
typedef int (*decode_fn)(wetee_buf *, const wetee_metadata *, const void *, const uint8_t *, size_t);

static int decode_hex(char **out, const wetee_metadata *md, const void *arg, const char *hex, decode_fn fn,
                      const char *what)
{
    wetee_buf in = WETEE_BUF_INIT;
    if (unhex(&in, hex)) return -1;
    wetee_buf b = WETEE_BUF_INIT;
    int rc = fn(&b, md, arg, in.data, in.len);
    wetee_buf_free(&in);
    if (rc != WETEE_OK) {
        wetee_buf_free(&b);
        return drv_fail_wetee(rc, what);
    }
    *out = buf_text(&b);
    return 0;
}

static int key_decode(wetee_buf *b, const wetee_metadata *md, const void *s, const uint8_t *d, size_t n)
{
    return wetee_storage_key_decode_json(b, md, s, d, n, NULL);
}
static int value_decode(wetee_buf *b, const wetee_metadata *md, const void *s, const uint8_t *d, size_t n)
{
    return wetee_storage_value_decode_json(b, md, s, d, n, NULL);
}
static int type_decode(wetee_buf *b, const wetee_metadata *md, const void *type, const uint8_t *d, size_t n)
{
    return wetee_value_decode_json(b, md, *(const uint32_t *)type, d, n, NULL);
}
static int dispatch_error(wetee_buf *b, const wetee_metadata *md, const void *unused, const uint8_t *d, size_t n)
{
    (void)unused;
    return wetee_dispatch_error_json(b, md, d, n, NULL);
}
static int events_decode(wetee_buf *b, const wetee_metadata *md, const void *unused, const uint8_t *d, size_t n)
{
    (void)unused;
    return wetee_events_decode_json(b, md, d, n, NULL);
}

static int parse_type(uint32_t *type, const char *s)
{
    char *end = NULL;
    unsigned long v = strtoul(s, &end, 10);
    if (!*s || *end || v >= WETEE_METADATA_NO_TYPE) return drv_fail("bad type id %s", s);
    *type = (uint32_t)v;
    return 0;
}

static int do_values(char **out, const wetee_metadata *md, char **f, size_t n)
{
    if (strcmp(f[0], "constant") == 0) return do_constant(out, md, f, n);
    if (strcmp(f[0], "encode_call") == 0) return do_encode_call(out, md, f, n);
    if (strcmp(f[0], "decode_call") == 0) return do_decode_call(out, md, f, n);
    if (strcmp(f[0], "call_roundtrip") == 0) return do_call_roundtrip(out, md, f, n);
    if (strcmp(f[0], "storage_key") == 0) return do_storage_key(out, md, f, n);
    if (strcmp(f[0], "storage_key_decode") == 0) {
        if (n != 5) return drv_fail("storage_key_decode: expected FX PALLET ENTRY HEX");
        const wetee_md_storage *s = storage_named(md, f[2], f[3]);
        if (!s) return -1;
        return decode_hex(out, md, s, f[4], key_decode, "wetee_storage_key_decode_json");
    }
    if (strcmp(f[0], "storage_value") == 0) {
        if (n != 5) return drv_fail("storage_value: expected FX PALLET ENTRY HEX|-");
        const wetee_md_storage *s = storage_named(md, f[2], f[3]);
        if (!s) return -1;
        if (strcmp(f[4], "-") == 0) { /* no value in storage: the default, or null */
            ANSWER(wetee_storage_value_decode_json(&b_, md, s, NULL, 0, NULL), "wetee_storage_value_decode_json", 0);
        }
        return decode_hex(out, md, s, f[4], value_decode, "wetee_storage_value_decode_json");
    }
    if (strcmp(f[0], "decode_type") == 0 || strcmp(f[0], "encode_type") == 0) {
        uint32_t type = 0;
        if (n != 4) return drv_fail("%s: expected FX TYPE DATA", f[0]);
        if (parse_type(&type, f[2])) return -1;
        if (f[0][0] == 'd') return decode_hex(out, md, &type, f[3], type_decode, "wetee_value_decode_json");
        ANSWER(wetee_value_encode_json(&b_, md, type, f[3], strlen(f[3])), "wetee_value_encode_json", 1);
    }
    if (strcmp(f[0], "dispatch_error") == 0) {
        if (n != 3) return drv_fail("dispatch_error: expected FX HEX");
        return decode_hex(out, md, NULL, f[2], dispatch_error, "wetee_dispatch_error_json");
    }
    if (strcmp(f[0], "decode_events") == 0) {
        if (n != 3) return drv_fail("decode_events: expected FX HEX");
        return decode_hex(out, md, NULL, f[2], events_decode, "wetee_events_decode_json");
    }
    return drv_fail("unknown request %s", f[0]);
}

/* ------------------------------------------------------------------ */
/* Requests                                                            */

static int do_fixture(char **out, char **f, size_t n)
{
    if (n != 3) return drv_fail("fixture: expected NAME PATH");
    if (drv_load_fixture(f[1], f[2]) != 0) return -1;
    *out = strdup("ok");
    return 0;
}

static int answer(char **out, char *line)
{
    char *f[MAX_FIELDS];
    size_t n = 0;
    for (char *p = line;;) {
        if (n == MAX_FIELDS) return drv_fail("too many fields");
        f[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab) break;
        *tab = '\0';
        p = tab + 1;
    }
    if (strcmp(f[0], "fixture") == 0) return do_fixture(out, f, n);
    if (n < 2) return drv_fail("%s: no fixture", f[0]);
    const wetee_metadata *md = drv_fixture(f[1]);
    if (!md) return drv_fail("unknown fixture %s", f[1]);
    if (strcmp(f[0], "enumerate") == 0) return do_enumerate(out, md);
    return do_values(out, md, f, n);
}

static int run(const char *path)
{
    FILE *in = fopen(path, "r");
    if (!in) drv_die("cannot open the request file");
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, in)) >= 0) {
        if (got && line[got - 1] == '\n') line[--got] = '\0';
        char *out = NULL;
        drv_err[0] = '\0';
        if (answer(&out, line) == 0) {
            fputs(out, stdout);
        } else {
            /* one line: no newline or TAB inside an error */
            for (char *p = drv_err; *p; p++)
                if (*p == '\n' || *p == '\t') *p = ' ';
            printf("!%s", drv_err);
        }
        putchar('\n');
        free(out);
    }
    free(line);
    fclose(in);
    drv_free_fixtures();
    return fflush(stdout) == 0 ? 0 : 2;
}

/* ------------------------------------------------------------------ */
/* selfcheck: requests that must fail, with no node                   */

static int selfcheck(void)
{
    int passed = 0, failed = 0;
    char *out = NULL;
    char l1[] = "enumerate\tnone";
    char l2[] = "bogus\tx";
    char l3[] = "fixture\tx\t/nonexistent/metadata.scale";
    char *lines[] = {l1, l2, l3};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        if (answer(&out, lines[i]) != 0 && drv_err[0]) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "selfcheck: request %zu was answered\n", i);
        }
        free(out);
        out = NULL;
    }
    /* metadata that must not parse, with the status it must give */
    static const struct {
        const char *what;
        const uint8_t *data;
        size_t len;
        int status;
    } bad[] = {
        {"V13", (const uint8_t *)"meta\x0d\x00", 6, WETEE_ERR_UNSUPPORTED},
        {"V17", (const uint8_t *)"meta\x11\x00", 6, WETEE_ERR_UNSUPPORTED},
        {"V14 with an empty body", (const uint8_t *)"meta\x0e", 5, WETEE_ERR_TRUNCATED},
        {"V15 cut in the type registry", (const uint8_t *)"meta\x0f\x04\x00\x0c", 8, WETEE_ERR_TRUNCATED},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        wetee_metadata *md = NULL;
        int rc = wetee_metadata_parse(&md, bad[i].data, bad[i].len, NULL);
        if (rc == bad[i].status && md == NULL && wetee_last_error()[0]) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "selfcheck: %s: got %s (%s), expected %s\n", bad[i].what, wetee_strerror(rc),
                    wetee_last_error(), wetee_strerror(bad[i].status));
        }
        wetee_metadata_free(md);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

/* the request kinds answered (md_diff.mjs generates only these) */
static const char *const OPS =
    "enumerate,constant,encode_call,decode_call,call_roundtrip,storage_key,storage_key_decode,storage_value,decode_type,"
    "encode_type,"
    "decode_events,dispatch_error";

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "ops") == 0) return puts(OPS) >= 0 ? 0 : 2;
    if (argc == 3 && strcmp(argv[1], "run") == 0) return run(argv[2]);
    if (argc == 2 && strcmp(argv[1], "selfcheck") == 0) return selfcheck();
    fprintf(stderr, "usage: metadata_vectors run FILE | selfcheck | ops\n");
    return 2;
}
