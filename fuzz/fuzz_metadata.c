/* libFuzzer target for the runtime metadata parser (wetee_metadata_parse*).
 *
 * The input is metadata bytes in any accepted form; the last byte's low
 * bit drops the docs. Invariants:
 * - parsing never crashes, hangs or reads out of bounds; a failure returns
 *   a documented code, sets *out to NULL and leaves a "metadata: " detail;
 * - a success yields a consistent model: every type id the metadata refers
 *   to resolves, every named item is found again by name and index, every
 *   string is NUL-terminated (strlen inside the sanitizer's bounds);
 * - the hex form of the same bytes parses to the same result. */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void type_ok(const wetee_metadata *md, uint32_t id) { REQUIRE(wetee_metadata_type(md, id) != NULL); }

static void walk(const wetee_metadata *md)
{
    size_t i, j, k, n = wetee_metadata_type_count(md);
    for (i = 0; i < n; i++) {
        const wetee_md_type *t = wetee_metadata_type(md, (uint32_t)i);
        REQUIRE(wetee_md_type_id(t) == i);
        for (j = 0; j < wetee_md_type_path_len(t); j++) (void)strlen(wetee_md_type_path(t, j));
        for (j = 0; j < wetee_md_type_param_count(t); j++) {
            uint32_t p = wetee_md_type_param_type(t, j);
            if (p != WETEE_METADATA_NO_TYPE) type_ok(md, p);
        }
        for (j = 0; j < wetee_md_type_doc_count(t); j++) (void)strlen(wetee_md_type_doc(t, j));
        switch (wetee_md_type_kind(t)) {
        case WETEE_TYPE_COMPOSITE:
            for (j = 0; j < wetee_md_type_field_count(t); j++) type_ok(md, wetee_md_field_type(wetee_md_type_field(t, j)));
            break;
        case WETEE_TYPE_VARIANT:
            for (j = 0; j < wetee_md_type_variant_count(t); j++) {
                const wetee_md_variant *v = wetee_md_type_variant(t, j);
                REQUIRE(wetee_md_type_variant_by_index(t, wetee_md_variant_index(v)) == v);
                for (k = 0; k < wetee_md_variant_field_count(v); k++)
                    type_ok(md, wetee_md_field_type(wetee_md_variant_field(v, k)));
            }
            break;
        case WETEE_TYPE_SEQUENCE:
        case WETEE_TYPE_ARRAY:
        case WETEE_TYPE_COMPACT: type_ok(md, wetee_md_type_elem(t)); break;
        case WETEE_TYPE_TUPLE:
            for (j = 0; j < wetee_md_type_tuple_len(t); j++) type_ok(md, wetee_md_type_tuple_elem(t, j));
            break;
        case WETEE_TYPE_BIT_SEQUENCE:
            type_ok(md, wetee_md_type_bit_store(t));
            type_ok(md, wetee_md_type_bit_order(t));
            break;
        case WETEE_TYPE_PRIMITIVE: REQUIRE(wetee_md_type_primitive(t) <= WETEE_PRIM_I256); break;
        default: abort();
        }
    }
    for (i = 0; i < wetee_metadata_pallet_count(md); i++) {
        const wetee_md_pallet *p = wetee_metadata_pallet_at(md, i);
        const wetee_md_pallet *q = wetee_metadata_pallet_by_name(md, wetee_md_pallet_name(p));
        REQUIRE(q != NULL && strcmp(wetee_md_pallet_name(q), wetee_md_pallet_name(p)) == 0);
        REQUIRE(wetee_metadata_pallet_by_index(md, wetee_md_pallet_index(p)) != NULL);
        for (k = 0; k < 3; k++) {
            for (j = 0; j < wetee_md_pallet_variant_count(md, p, (wetee_md_enum_kind)k); j++) {
                const wetee_md_variant *v = wetee_md_pallet_variant_at(md, p, (wetee_md_enum_kind)k, j);
                REQUIRE(wetee_md_pallet_variant_by_name(md, p, (wetee_md_enum_kind)k, wetee_md_variant_name(v)) != NULL);
                (void)wetee_md_pallet_variant_deprecation(NULL, NULL, p, (wetee_md_enum_kind)k, wetee_md_variant_index(v));
            }
        }
        for (j = 0; j < wetee_md_pallet_storage_count(p); j++) {
            const wetee_md_storage *s = wetee_md_pallet_storage_at(p, j);
            size_t dl;
            REQUIRE(wetee_md_pallet_storage_by_name(md, q, wetee_md_storage_name(s)) != NULL || q != p);
            type_ok(md, wetee_md_storage_value_type(s));
            (void)wetee_md_storage_default(&dl, s);
        }
        for (j = 0; j < wetee_md_pallet_constant_count(p); j++)
            type_ok(md, wetee_md_constant_type(wetee_md_pallet_constant_at(p, j)));
        for (j = 0; j < wetee_md_pallet_view_function_count(p); j++)
            type_ok(md, wetee_md_method_output(wetee_md_pallet_view_function_at(p, j)));
    }
    for (i = 0; i < wetee_metadata_runtime_api_count(md); i++) {
        const wetee_md_runtime_api *a = wetee_metadata_runtime_api_at(md, i);
        for (j = 0; j < wetee_md_runtime_api_method_count(a); j++)
            type_ok(md, wetee_md_method_output(wetee_md_runtime_api_method_at(a, j)));
    }
    for (i = 0; i < wetee_metadata_extension_version_count(md); i++) {
        size_t cnt = 0;
        REQUIRE(wetee_metadata_extension_version_at(NULL, &cnt, md, i) == WETEE_OK);
        for (j = 0; j < cnt; j++) REQUIRE(wetee_metadata_extension_of_version(md, i, j) != NULL);
    }
    if (wetee_metadata_spec_name(md)) (void)strlen(wetee_metadata_spec_name(md));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wetee_metadata_options o = WETEE_METADATA_OPTIONS_INIT;
    wetee_metadata *md = (wetee_metadata *)&o, *md2 = NULL;
    wetee_buf hex = WETEE_BUF_INIT;
    int rc, rc2;
    if (size > 0) o.keep_docs = !(data[size - 1] & 1);
    rc = wetee_metadata_parse(&md, data, size, &o);
    if (rc == WETEE_OK) {
        REQUIRE(md != NULL);
        walk(md);
    } else {
        REQUIRE(md == NULL);
        REQUIRE(strncmp(wetee_last_error(), "metadata: ", 10) == 0);
        REQUIRE(rc == WETEE_ERR_TRUNCATED || rc == WETEE_ERR_DECODE || rc == WETEE_ERR_NON_CANONICAL ||
                rc == WETEE_ERR_OVERFLOW || rc == WETEE_ERR_TRAILING || rc == WETEE_ERR_UNSUPPORTED ||
                rc == WETEE_ERR_NOT_FOUND || rc == WETEE_ERR_NO_MEMORY);
    }
    if (size < 4096) {
        REQUIRE(wetee_hex_encode(&hex, data, size, WETEE_HEX_PREFIX) == WETEE_OK);
        rc2 = wetee_metadata_parse_hex(&md2, (const char *)hex.data, hex.len, &o);
        REQUIRE(rc2 == rc);
        if (rc == WETEE_OK) REQUIRE(wetee_metadata_pallet_count(md2) == wetee_metadata_pallet_count(md));
        wetee_metadata_free(md2);
        wetee_buf_free(&hex);
    }
    if (rc == WETEE_OK) wetee_metadata_free(md);
    return 0;
}
