/* Private in-memory model of parsed runtime metadata (V14, V15, V16).
 * Not installed. Shared by the metadata module and the modules built on it
 * (dynamic values, the RFC-0078 digest, extrinsics).
 *
 * Layout
 * ------
 * wetee_metadata_parse*() makes ONE owned copy of the metadata body
 * (`md->bytes`, the bytes after the "meta" magic and the version byte) and
 * builds a handful of flat arrays (the arena) that point into it:
 *
 *   md->types[n_types]        one per registry entry; md->types[id].id == id
 *   md->fields[]              fields of composites and variants, runtime-API
 *                             and view-function inputs (name + type)
 *   md->variants[]            variants of every variant type
 *   md->strv[]                const char * slots: type paths and docs lines
 *   md->ids[]                 uint32 slots: tuple members, storage hashers,
 *                             extension indexes, extrinsic versions
 *   md->params[]              type parameters
 *   md->pallets[], storage[], constants[], assoc[], apis[], methods[]
 *                             (runtime-API methods and view functions),
 *   extensions[], ext_versions[], customs[], enum_deps[]
 *
 * Every item refers to its children by pointer + count (`fields`/`n_fields`,
 * `docs`/`n_docs`, ...). The pointers are stable for the lifetime of the
 * metadata: they are set once, after all arrays reached their final size.
 *
 * Strings
 * -------
 * Every string (names, paths, docs, type names, deprecation notes) is a
 * NUL-terminated `const char *` INSIDE `md->bytes`: while parsing, each
 * SCALE string is moved one byte to the left over the last byte of its
 * compact length prefix and a NUL is written after it. So strings cost no
 * allocation, and `md->bytes` no longer holds the original encoding of the
 * string positions (it is not a copy of the input any more; do not re-read
 * it as SCALE). Byte blobs (constant values, storage defaults, custom
 * values, view-function ids) are untouched slices of `md->bytes`. Strings
 * are valid UTF-8 without embedded NUL (the parser rejects others).
 * An absent optional string is NULL.
 *
 * Type ids
 * --------
 * Every type id stored anywhere (fields, params, storage, constants, APIs,
 * extrinsic, outer enums, custom values) was checked at parse time:
 * id < md->n_types. WT_MD_NONE marks an absent optional type. Types may be
 * recursive (a composite may contain itself through a sequence); any walk
 * over the type graph must bound its depth itself.
 *
 * Threading: after parsing nothing is modified; a wetee_metadata may be read
 * by any number of threads at once.
 */
#ifndef WETEE_INTERNAL_METADATA_H
#define WETEE_INTERNAL_METADATA_H

#include <stddef.h>
#include <stdint.h>

#include "internal/common.h"
#include "wetee/metadata.h"

/* Absent optional type id (Option<Type> = None, pallet without calls, ...). */
#define WT_MD_NONE UINT32_MAX
/* Largest number of types accepted (ids must fit the hash-table key). */
#define WT_MD_MAX_TYPES (1u << 24)

/* V16 deprecation information (ItemDeprecationInfo / VariantDeprecationInfo).
 * kind: WETEE_MD_NOT_DEPRECATED, WETEE_MD_DEPRECATED_WITHOUT_NOTE or
 * WETEE_MD_DEPRECATED; note/since NULL when absent. Before V16 always
 * WETEE_MD_NOT_DEPRECATED. */
typedef struct wt_md_deprecation {
    const char *note;
    const char *since;
    uint8_t kind;
} wt_md_deprecation;

/* One entry of an EnumDeprecationInfo map (variant index -> info). */
typedef struct wt_md_enum_dep {
    wt_md_deprecation dep;
    uint8_t index;
} wt_md_enum_dep;

/* A field of a composite or variant (scale-info Field), or an input of a
 * runtime-API method / view function (then type_name is NULL, n_docs 0). */
struct wetee_md_field {
    const char *name;      /* NULL when unnamed (tuple-like) */
    const char *type_name; /* NULL when absent */
    const char *const *docs;
    uint32_t type;
    uint32_t n_docs;
};

/* A variant of a variant type. `owner` is the id of the variant type. */
struct wetee_md_variant {
    const char *name;
    const struct wetee_md_field *fields;
    const char *const *docs;
    uint32_t n_fields;
    uint32_t n_docs;
    uint32_t owner;
    uint8_t index;
};

/* A type parameter: name and optional type (WT_MD_NONE when None). */
typedef struct wt_md_param {
    const char *name;
    uint32_t type;
} wt_md_param;

/* A registry type. `kind` is a wetee_type_kind, `prim` a wetee_primitive
 * (primitives only). Which union member is valid depends on kind:
 *   COMPOSITE     comp.fields / comp.n
 *   VARIANT       var.variants / var.n (in metadata order, which is not
 *                 necessarily index order); var.dense is 1 when
 *                 variants[i].index == i for every i (O(1) lookup by index)
 *   SEQUENCE, COMPACT  elem.type
 *   ARRAY         elem.type, elem.len
 *   TUPLE         tuple.ids / tuple.n
 *   BIT_SEQUENCE  bits.store, bits.order (type ids)                      */
struct wetee_md_type {
    const char *const *path;
    const wt_md_param *params;
    const char *const *docs;
    union {
        struct {
            const struct wetee_md_field *fields;
            uint32_t n;
        } comp;
        struct {
            const struct wetee_md_variant *variants;
            uint32_t n;
            uint8_t dense;
        } var;
        struct {
            uint32_t type;
            uint32_t len;
        } elem;
        struct {
            const uint32_t *ids;
            uint32_t n;
        } tuple;
        struct {
            uint32_t store;
            uint32_t order;
        } bits;
    } u;
    uint32_t id;
    uint32_t n_path;
    uint32_t n_params;
    uint32_t n_docs;
    uint8_t kind;
    uint8_t prim;
};

/* Storage entry. modifier: WETEE_MD_STORAGE_OPTIONAL / _DEFAULT. Plain
 * entries have n_hashers 0 and key_type WT_MD_NONE. hashers[i] is a
 * wetee_storage_hasher. */
struct wetee_md_storage {
    const char *name;
    const struct wetee_md_pallet *pallet;
    const uint32_t *hashers;
    const uint8_t *def;
    const char *const *docs;
    wt_md_deprecation dep;
    uint32_t n_hashers;
    uint32_t key_type;
    uint32_t value_type;
    uint32_t def_len;
    uint32_t n_docs;
    uint8_t modifier;
};

/* Pallet constant (value = SCALE bytes of `type`). */
struct wetee_md_constant {
    const char *name;
    const uint8_t *value;
    const char *const *docs;
    wt_md_deprecation dep;
    uint32_t type;
    uint32_t value_len;
    uint32_t n_docs;
};

/* V16 pallet associated type. */
typedef struct wt_md_assoc {
    const char *name;
    const char *const *docs;
    uint32_t type;
    uint32_t n_docs;
} wt_md_assoc;

/* Runtime-API method (V15+) or pallet view function (V16; then `id` points
 * to its 32-byte id, otherwise NULL). */
struct wetee_md_method {
    const char *name;
    const struct wetee_md_field *inputs;
    const char *const *docs;
    const uint8_t *id;
    wt_md_deprecation dep;
    uint32_t n_inputs;
    uint32_t output;
    uint32_t n_docs;
};

/* Runtime API (V15+). has_version/version: V16 only. */
struct wetee_md_runtime_api {
    const char *name;
    const struct wetee_md_method *methods;
    const char *const *docs;
    wt_md_deprecation dep;
    uint32_t n_methods;
    uint32_t n_docs;
    uint32_t version;
    uint8_t has_version;
};

/* Signed (V14/V15) or transaction (V16) extension: identifier, explicit
 * type (`ty`) and implicit type (`additional_signed` / `implicit`). */
struct wetee_md_extension {
    const char *identifier;
    uint32_t type;
    uint32_t implicit;
};

/* V16 transaction_extensions_by_version entry: extension version -> indexes
 * into md->extensions. V14/V15 get one synthesized entry {0, all}. */
typedef struct wt_md_ext_version {
    const uint32_t *indexes;
    uint32_t n;
    uint8_t version;
} wt_md_ext_version;

/* Custom value (V15+). */
typedef struct wt_md_custom {
    const char *name;
    const uint8_t *value;
    uint32_t type;
    uint32_t value_len;
} wt_md_custom;

/* Pallet. call/event/error_type are WT_MD_NONE when absent;
 * storage_prefix is NULL when the pallet has no storage. The *_deps arrays
 * are the V16 per-variant deprecation maps of the call/event/error enums. */
struct wetee_md_pallet {
    const char *name;
    const char *storage_prefix;
    const struct wetee_md_storage *storage;
    const struct wetee_md_constant *constants;
    const wt_md_assoc *assoc;
    const struct wetee_md_method *views;
    const wt_md_enum_dep *call_deps, *event_deps, *error_deps;
    const char *const *docs;
    wt_md_deprecation dep;
    uint32_t n_storage, n_constants, n_assoc, n_views;
    uint32_t n_call_deps, n_event_deps, n_error_deps;
    uint32_t call_type, event_type, error_type;
    uint32_t n_docs;
    uint32_t pos; /* position in md->pallets */
    uint8_t index;
};

/* Hash-table slot: name hash, namespace|parent, item position + 1 (0 =
 * empty). See wt_md_find(). */
typedef struct wt_md_slot {
    uint32_t hash;
    uint32_t key;
    uint32_t item;
} wt_md_slot;

/* Namespaces of the name index (key = ns << 24 | parent). */
enum {
    WT_MD_NS_PALLET = 1,  /* parent 0; item = pallet position */
    WT_MD_NS_VARIANT = 2, /* parent = variant type id (calls/events/errors of pallets
                             and the outer enums); item = position in md->variants */
    WT_MD_NS_STORAGE = 3, /* parent = pallet position; item = position in md->storage */
    WT_MD_NS_CONST = 4,   /* parent = pallet position; item = position in md->constants */
    WT_MD_NS_API = 5,     /* parent 0; item = position in md->apis */
    WT_MD_NS_METHOD = 6,  /* parent = api position; item = position in md->methods */
    WT_MD_NS_CUSTOM = 7,  /* parent 0; item = position in md->customs */
    WT_MD_NS_VIEW = 8     /* parent = pallet position; item = position in md->methods */
};

struct wetee_metadata {
    uint8_t *bytes; /* owned copy of the body (strings rewritten in place) */
    size_t len;
    unsigned version; /* 14, 15 or 16 */
    int keep_docs;

    struct wetee_md_type *types;
    uint32_t n_types;
    struct wetee_md_field *fields;
    uint32_t n_fields;
    struct wetee_md_variant *variants;
    uint32_t n_variants;
    const char **strv;
    uint32_t n_strv;
    uint32_t *ids;
    uint32_t n_ids;
    wt_md_param *params;
    uint32_t n_params;

    struct wetee_md_pallet *pallets;
    uint32_t n_pallets;
    struct wetee_md_storage *storage;
    uint32_t n_storage;
    struct wetee_md_constant *constants;
    uint32_t n_constants;
    wt_md_assoc *assoc;
    uint32_t n_assoc;
    wt_md_enum_dep *enum_deps;
    uint32_t n_enum_deps;
    struct wetee_md_runtime_api *apis;
    uint32_t n_apis;
    struct wetee_md_method *methods;
    uint32_t n_methods;
    struct wetee_md_extension *extensions;
    uint32_t n_extensions;
    wt_md_ext_version *ext_versions;
    uint32_t n_ext_versions;
    wt_md_custom *customs;
    uint32_t n_customs;

    /* Extrinsic information. V14: ext_type is the UncheckedExtrinsic type
     * and address/call/signature/extra are taken from its type parameters
     * (WT_MD_NONE when missing). V15: ext_type is WT_MD_NONE. V16: extra
     * is WT_MD_NONE. versions: V14/V15 one entry (the `version` byte). */
    uint32_t ext_type, address_type, call_type, signature_type, extra_type;
    const uint32_t *ext_versions_list;
    uint32_t n_ext_versions_list;

    /* Runtime type (V14/V15 `ty`; WT_MD_NONE in V16) and outer enums
     * (V15+; V14: call from the extrinsic, event/error WT_MD_NONE). */
    uint32_t runtime_type;
    uint32_t outer_call, outer_event, outer_error;

    /* From the System constants (0 / NULL when absent). */
    char *spec_name; /* owned, NUL-terminated */
    uint32_t spec_version;
    uint32_t transaction_version;
    uint16_t ss58_prefix;
    uint8_t has_version, has_ss58;

    /* pallet index -> position + 1 (0 = no pallet with that index) */
    uint16_t pallet_by_index[256];

    wt_md_slot *slots; /* name index, power-of-two size */
    uint32_t slot_mask;
};

/* Look an item up in the name index; returns its position or WT_MD_NONE. */
uint32_t wt_md_find(const struct wetee_metadata *md, unsigned ns, uint32_t parent, const char *name,
                    size_t name_len);

/* 1 when every value of `type` encodes to no bytes: an empty composite or
 * tuple, an array of length 0, or made only of such (bounded depth). */
int wt_md_zero_sized(const struct wetee_metadata *md, uint32_t type);

/* Variant of a variant type by its index byte; NULL when none. */
const struct wetee_md_variant *wt_md_variant_by_index(const struct wetee_md_type *t, uint8_t index);

#endif
