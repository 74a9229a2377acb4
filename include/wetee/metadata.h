/**
 * @file metadata.h
 * @brief Runtime metadata V14, V15 and V16: parsing, the portable type
 *        registry and lookups of pallets, calls, events, errors, storage,
 *        constants, runtime APIs, extrinsic information and custom values.
 *
 * A wetee_metadata is parsed once from the output of `state_getMetadata` or
 * `Metadata_metadata_at_version` (raw bytes in any of their wrappers, the
 * JSON-RPC hex string, or a whole JSON-RPC response) and is then immutable.
 *
 * Handles: every `const wetee_md_*` pointer returned by this module points
 * into the wetee_metadata it came from and is valid until
 * wetee_metadata_free(); never free it. The same holds for every returned
 * string (NUL-terminated UTF-8) and byte slice. Functions that take a handle
 * accept NULL and then return 0 / NULL / WETEE_METADATA_NO_TYPE, so lookups
 * may be chained.
 *
 * Indexes: `i`-th item accessors return NULL when `i` is out of range.
 * Type ids are the registry's ids; an absent optional type is
 * WETEE_METADATA_NO_TYPE. Every type id the metadata refers to was checked
 * at parse time to exist.
 *
 * Thread safety: a parsed wetee_metadata is never modified; it and all its
 * handles may be used by any number of threads at once. Parsing and freeing
 * are, as usual, one thread at a time per object.
 */
#ifndef WETEE_METADATA_H
#define WETEE_METADATA_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A parsed runtime metadata (opaque, immutable). */
typedef struct wetee_metadata wetee_metadata;
/** @brief A type of the portable registry (opaque handle). */
typedef struct wetee_md_type wetee_md_type;
/** @brief A field of a composite or variant, or a runtime-API / view-function input (opaque handle). */
typedef struct wetee_md_field wetee_md_field;
/** @brief A variant of a variant type: a call, an event, an error, ... (opaque handle). */
typedef struct wetee_md_variant wetee_md_variant;
/** @brief A pallet (opaque handle). */
typedef struct wetee_md_pallet wetee_md_pallet;
/** @brief A storage entry of a pallet (opaque handle). */
typedef struct wetee_md_storage wetee_md_storage;
/** @brief A constant of a pallet (opaque handle). */
typedef struct wetee_md_constant wetee_md_constant;
/** @brief A runtime API (V15+, opaque handle). */
typedef struct wetee_md_runtime_api wetee_md_runtime_api;
/** @brief A runtime-API method or a pallet view function (opaque handle). */
typedef struct wetee_md_method wetee_md_method;
/** @brief A signed extension (V14/V15) or transaction extension (V16) (opaque handle). */
typedef struct wetee_md_extension wetee_md_extension;

/** @brief Absent optional type id. */
#define WETEE_METADATA_NO_TYPE UINT32_MAX

/** @brief Kind of a registry type (scale-info TypeDef). */
typedef enum wetee_type_kind {
    WETEE_TYPE_COMPOSITE = 0,   /**< struct: named or unnamed fields */
    WETEE_TYPE_VARIANT = 1,     /**< enum: variants with an index byte and fields */
    WETEE_TYPE_SEQUENCE = 2,    /**< Vec<T>: compact length, then the items */
    WETEE_TYPE_ARRAY = 3,       /**< [T; N] */
    WETEE_TYPE_TUPLE = 4,       /**< (A, B, ...) */
    WETEE_TYPE_PRIMITIVE = 5,   /**< see wetee_primitive */
    WETEE_TYPE_COMPACT = 6,     /**< Compact<T> */
    WETEE_TYPE_BIT_SEQUENCE = 7 /**< BitVec<Store, Order> */
} wetee_type_kind;

/** @brief Primitive types (scale-info TypeDefPrimitive, same order). */
typedef enum wetee_primitive {
    WETEE_PRIM_BOOL = 0,  /**< bool */
    WETEE_PRIM_CHAR = 1,  /**< char (u32 code point) */
    WETEE_PRIM_STR = 2,   /**< String */
    WETEE_PRIM_U8 = 3,    /**< u8 */
    WETEE_PRIM_U16 = 4,   /**< u16 */
    WETEE_PRIM_U32 = 5,   /**< u32 */
    WETEE_PRIM_U64 = 6,   /**< u64 */
    WETEE_PRIM_U128 = 7,  /**< u128 */
    WETEE_PRIM_U256 = 8,  /**< u256 */
    WETEE_PRIM_I8 = 9,    /**< i8 */
    WETEE_PRIM_I16 = 10,  /**< i16 */
    WETEE_PRIM_I32 = 11,  /**< i32 */
    WETEE_PRIM_I64 = 12,  /**< i64 */
    WETEE_PRIM_I128 = 13, /**< i128 */
    WETEE_PRIM_I256 = 14  /**< i256 */
} wetee_primitive;

/** @brief Storage hashers (frame-metadata StorageHasher, same order). */
typedef enum wetee_storage_hasher {
    WETEE_HASHER_BLAKE2_128 = 0,        /**< blake2b-128 */
    WETEE_HASHER_BLAKE2_256 = 1,        /**< blake2b-256 */
    WETEE_HASHER_BLAKE2_128_CONCAT = 2, /**< blake2b-128 then the key */
    WETEE_HASHER_TWOX128 = 3,           /**< xxhash64 x2 */
    WETEE_HASHER_TWOX256 = 4,           /**< xxhash64 x4 */
    WETEE_HASHER_TWOX64_CONCAT = 5,     /**< xxhash64 then the key */
    WETEE_HASHER_IDENTITY = 6           /**< the key itself */
} wetee_storage_hasher;

/** @brief Storage entry modifier. */
typedef enum wetee_storage_modifier {
    WETEE_MD_STORAGE_OPTIONAL = 0, /**< absent value is None */
    WETEE_MD_STORAGE_DEFAULT = 1   /**< absent value is the default bytes */
} wetee_storage_modifier;

/** @brief V16 deprecation status of an item (always NOT_DEPRECATED before V16). */
typedef enum wetee_md_deprecation_kind {
    WETEE_MD_NOT_DEPRECATED = 0,          /**< not deprecated */
    WETEE_MD_DEPRECATED_WITHOUT_NOTE = 1, /**< deprecated, no note */
    WETEE_MD_DEPRECATED = 2               /**< deprecated with a note and maybe a "since" */
} wetee_md_deprecation_kind;

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

/** @brief Options of the parse functions; start from WETEE_METADATA_OPTIONS_INIT. */
typedef struct wetee_metadata_options {
    unsigned version; /**< WETEE_METADATA_OPTIONS_VERSION */
    int keep_docs;    /**< non-zero (default): keep the docs; 0: drop them (every doc count is 0) */
} wetee_metadata_options;

/** @brief Current version of wetee_metadata_options. */
#define WETEE_METADATA_OPTIONS_VERSION 1
/** @brief Initialiser of wetee_metadata_options: current version, docs kept. */
#define WETEE_METADATA_OPTIONS_INIT { WETEE_METADATA_OPTIONS_VERSION, 1 }

/**
 * @brief Parse runtime metadata from bytes.
 *
 * Accepted forms (detected from the first bytes):
 * - `RuntimeMetadataPrefixed`: "meta" (6d657461) ‖ version ‖ body;
 * - the same without the magic: version byte (0x0e, 0x0f, 0x10) ‖ body;
 * - `OpaqueMetadata` (`state_getMetadata`, `Metadata_metadata`): a SCALE
 *   `Vec<u8>` holding RuntimeMetadataPrefixed;
 * - `Option<OpaqueMetadata>` (`Metadata_metadata_at_version`): 0x01 ‖ the
 *   Vec<u8>; 0x00 (None) gives WETEE_ERR_NOT_FOUND.
 *
 * The input is copied once; the caller keeps ownership of `data`. Every
 * length is checked against the remaining input before anything is
 * allocated, every type id the metadata refers to must exist, and the whole
 * input must be consumed.
 * @param out receives the new metadata (free with wetee_metadata_free());
 *        set to NULL on error.
 * @param data the bytes; may be NULL when `len` is 0.
 * @param len length of `data`.
 * @param opts options, or NULL for the defaults.
 * @return WETEE_OK; WETEE_ERR_UNSUPPORTED (a metadata version other than
 *         14, 15, 16; the detail names it); WETEE_ERR_TRUNCATED,
 *         WETEE_ERR_DECODE, WETEE_ERR_NON_CANONICAL, WETEE_ERR_OVERFLOW,
 *         WETEE_ERR_TRAILING (malformed input; the detail names the item
 *         and byte offset, e.g. "metadata: type 17: field type id 9999 out
 *         of range (704 types)"); WETEE_ERR_NOT_FOUND (Option is None);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with len > 0,
 *         unknown options version); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_metadata_parse(wetee_metadata **out, const uint8_t *data, size_t len,
                                   const wetee_metadata_options *opts);

/**
 * @brief Parse runtime metadata from hex text, such as the `result` of
 *        `state_getMetadata` or `state_call("Metadata_metadata_at_version")`.
 *
 * The text is hex with or without "0x", optionally surrounded by
 * whitespace and double quotes; the decoded bytes may be in any form
 * wetee_metadata_parse() accepts.
 * @param out receives the new metadata; NULL on error.
 * @param text the text (not necessarily NUL-terminated).
 * @param text_len length of `text`.
 * @param opts options, or NULL for the defaults.
 * @return as wetee_metadata_parse(); WETEE_ERR_DECODE for bad hex.
 */
WETEE_API int wetee_metadata_parse_hex(wetee_metadata **out, const char *text, size_t text_len,
                                       const wetee_metadata_options *opts);

/**
 * @brief Parse runtime metadata from a JSON-RPC response text
 *        (`{"jsonrpc":"2.0","id":1,"result":"0x6d657461..."}`).
 * @param out receives the new metadata; NULL on error.
 * @param json the response text (not necessarily NUL-terminated).
 * @param json_len length of `json`.
 * @param opts options, or NULL for the defaults.
 * @return as wetee_metadata_parse_hex(); WETEE_ERR_DECODE for invalid
 *         JSON, a missing or non-string `result`, or an `error` member
 *         (its message in the detail).
 */
WETEE_API int wetee_metadata_parse_rpc_response(wetee_metadata **out, const char *json, size_t json_len,
                                                const wetee_metadata_options *opts);

/**
 * @brief Release a metadata and everything it owns; every handle and
 *        string taken from it becomes invalid.
 * @param md the metadata, or NULL (no-op).
 */
WETEE_API void wetee_metadata_free(wetee_metadata *md);

/**
 * @brief Metadata version.
 * @param md the metadata.
 * @return 14, 15 or 16 (0 for NULL).
 */
WETEE_API unsigned wetee_metadata_version(const wetee_metadata *md);

/* ------------------------------------------------------------------ */
/* Chain information from the System constants                         */
/* ------------------------------------------------------------------ */

/**
 * @brief Spec name from the `System.Version` constant (e.g. "polkadot").
 * @param md the metadata.
 * @return the name (owned by `md`), or NULL when `md` is NULL or the
 *         constant is absent or not a RuntimeVersion.
 */
WETEE_API const char *wetee_metadata_spec_name(const wetee_metadata *md);
/**
 * @brief Spec version from the `System.Version` constant.
 * @param out receives the version.
 * @param md the metadata.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no usable System.Version);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL argument).
 */
WETEE_API int wetee_metadata_spec_version(uint32_t *out, const wetee_metadata *md);
/**
 * @brief Transaction version from the `System.Version` constant.
 * @param out receives the version.
 * @param md the metadata.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_metadata_transaction_version(uint32_t *out, const wetee_metadata *md);
/**
 * @brief SS58 prefix from the `System.SS58Prefix` constant (0 for
 *        Polkadot, 2 for Kusama, 42 for generic Substrate).
 * @param out receives the prefix.
 * @param md the metadata.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (constant absent, or not an
 *         integer below 16384); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_metadata_ss58_prefix(uint16_t *out, const wetee_metadata *md);

/* ------------------------------------------------------------------ */
/* Type registry                                                       */
/* ------------------------------------------------------------------ */

/**
 * @brief Number of types in the registry (ids are 0 .. count-1).
 * @param md the metadata.
 * @return the count (0 for NULL).
 */
WETEE_API size_t wetee_metadata_type_count(const wetee_metadata *md);
/**
 * @brief Type by id.
 * @param md the metadata.
 * @param id the type id.
 * @return the type, or NULL when `id` is out of range.
 */
WETEE_API const wetee_md_type *wetee_metadata_type(const wetee_metadata *md, uint32_t id);
/**
 * @brief Id of a type.
 * @param t the type.
 * @return its id (WETEE_METADATA_NO_TYPE for NULL).
 */
WETEE_API uint32_t wetee_md_type_id(const wetee_md_type *t);
/**
 * @brief Kind of a type.
 * @param t the type.
 * @return a wetee_type_kind (-1 for NULL).
 */
WETEE_API int wetee_md_type_kind(const wetee_md_type *t);
/**
 * @brief Number of path segments ("sp_runtime", "multiaddress", "MultiAddress").
 * @param t the type.
 * @return the count (0 for NULL or types without a path).
 */
WETEE_API size_t wetee_md_type_path_len(const wetee_md_type *t);
/**
 * @brief Path segment `i`.
 * @param t the type.
 * @param i index below wetee_md_type_path_len().
 * @return the segment, or NULL when out of range.
 */
WETEE_API const char *wetee_md_type_path(const wetee_md_type *t, size_t i);
/**
 * @brief Full path joined with "::" ("sp_runtime::multiaddress::MultiAddress"),
 *        "" for types without a path.
 * @param out replaced with the NUL-terminated text; owned by the caller.
 * @param t the type.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out or t); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_md_type_path_string(wetee_buf *out, const wetee_md_type *t);
/**
 * @brief Number of type parameters.
 * @param t the type.
 * @return the count (0 for NULL).
 */
WETEE_API size_t wetee_md_type_param_count(const wetee_md_type *t);
/**
 * @brief Name of type parameter `i` ("T", "AccountId", ...).
 * @param t the type.
 * @param i the parameter index.
 * @return the name, or NULL when out of range.
 */
WETEE_API const char *wetee_md_type_param_name(const wetee_md_type *t, size_t i);
/**
 * @brief Type of type parameter `i`.
 * @param t the type.
 * @param i the parameter index.
 * @return the type id, or WETEE_METADATA_NO_TYPE when the parameter has no
 *         type or `i` is out of range.
 */
WETEE_API uint32_t wetee_md_type_param_type(const wetee_md_type *t, size_t i);
/**
 * @brief Number of fields of a composite type.
 * @param t the type.
 * @return the count (0 when `t` is NULL or not a composite).
 */
WETEE_API size_t wetee_md_type_field_count(const wetee_md_type *t);
/**
 * @brief Field `i` of a composite type.
 * @param t the type.
 * @param i the field index.
 * @return the field, or NULL.
 */
WETEE_API const wetee_md_field *wetee_md_type_field(const wetee_md_type *t, size_t i);
/**
 * @brief Number of variants of a variant type.
 * @param t the type.
 * @return the count (0 when `t` is NULL or not a variant type).
 */
WETEE_API size_t wetee_md_type_variant_count(const wetee_md_type *t);
/**
 * @brief Variant `i` of a variant type, in metadata order.
 * @param t the type.
 * @param i position (not the index byte).
 * @return the variant, or NULL.
 */
WETEE_API const wetee_md_variant *wetee_md_type_variant(const wetee_md_type *t, size_t i);
/**
 * @brief Variant of a variant type by its index byte.
 * @param t the type.
 * @param index the variant index as encoded.
 * @return the variant, or NULL when none has that index.
 */
WETEE_API const wetee_md_variant *wetee_md_type_variant_by_index(const wetee_md_type *t, uint8_t index);
/**
 * @brief Variant of a variant type by name (exact, case-sensitive).
 * @param t the type.
 * @param name the NUL-terminated name.
 * @return the variant, or NULL when none has that name.
 */
WETEE_API const wetee_md_variant *wetee_md_type_variant_by_name(const wetee_md_type *t, const char *name);
/**
 * @brief Element type of a sequence, array or compact type.
 * @param t the type.
 * @return the element type id, or WETEE_METADATA_NO_TYPE for other kinds.
 */
WETEE_API uint32_t wetee_md_type_elem(const wetee_md_type *t);
/**
 * @brief Length of an array type.
 * @param t the type.
 * @return N of [T; N] (0 for other kinds).
 */
WETEE_API uint32_t wetee_md_type_array_len(const wetee_md_type *t);
/**
 * @brief Number of members of a tuple type (0 for the unit type ()).
 * @param t the type.
 * @return the count (0 for other kinds).
 */
WETEE_API size_t wetee_md_type_tuple_len(const wetee_md_type *t);
/**
 * @brief Type of tuple member `i`.
 * @param t the type.
 * @param i the member index.
 * @return the type id, or WETEE_METADATA_NO_TYPE.
 */
WETEE_API uint32_t wetee_md_type_tuple_elem(const wetee_md_type *t, size_t i);
/**
 * @brief Primitive of a primitive type.
 * @param t the type.
 * @return a wetee_primitive, or -1 when `t` is NULL or not primitive.
 */
WETEE_API int wetee_md_type_primitive(const wetee_md_type *t);
/**
 * @brief Store type (u8, u16, u32 or u64) of a bit-sequence type.
 * @param t the type.
 * @return the type id, or WETEE_METADATA_NO_TYPE for other kinds.
 */
WETEE_API uint32_t wetee_md_type_bit_store(const wetee_md_type *t);
/**
 * @brief Order type (bitvec::order::Lsb0 / Msb0) of a bit-sequence type.
 * @param t the type.
 * @return the type id, or WETEE_METADATA_NO_TYPE for other kinds.
 */
WETEE_API uint32_t wetee_md_type_bit_order(const wetee_md_type *t);
/**
 * @brief Number of doc lines of a type.
 * @param t the type.
 * @return the count (0 for NULL or when docs were dropped).
 */
WETEE_API size_t wetee_md_type_doc_count(const wetee_md_type *t);
/**
 * @brief Doc line `i` of a type.
 * @param t the type.
 * @param i the line index.
 * @return the line, or NULL.
 */
WETEE_API const char *wetee_md_type_doc(const wetee_md_type *t, size_t i);

/* Fields */

/**
 * @brief Name of a field.
 * @param f the field.
 * @return the name, or NULL for unnamed fields.
 */
WETEE_API const char *wetee_md_field_name(const wetee_md_field *f);
/**
 * @brief Declared Rust type name of a field ("T::Balance"), if any.
 * @param f the field.
 * @return the name, or NULL when absent.
 */
WETEE_API const char *wetee_md_field_type_name(const wetee_md_field *f);
/**
 * @brief Type of a field.
 * @param f the field.
 * @return the type id (WETEE_METADATA_NO_TYPE for NULL).
 */
WETEE_API uint32_t wetee_md_field_type(const wetee_md_field *f);
/**
 * @brief Number of doc lines of a field.
 * @param f the field.
 * @return the count.
 */
WETEE_API size_t wetee_md_field_doc_count(const wetee_md_field *f);
/**
 * @brief Doc line `i` of a field.
 * @param f the field.
 * @param i the line index.
 * @return the line, or NULL.
 */
WETEE_API const char *wetee_md_field_doc(const wetee_md_field *f, size_t i);

/* Variants */

/**
 * @brief Name of a variant.
 * @param v the variant.
 * @return the name (NULL for NULL).
 */
WETEE_API const char *wetee_md_variant_name(const wetee_md_variant *v);
/**
 * @brief Index byte of a variant (the call index, event index, ...).
 * @param v the variant.
 * @return the index (0 for NULL).
 */
WETEE_API uint8_t wetee_md_variant_index(const wetee_md_variant *v);
/**
 * @brief Number of fields of a variant (call arguments, event fields).
 * @param v the variant.
 * @return the count.
 */
WETEE_API size_t wetee_md_variant_field_count(const wetee_md_variant *v);
/**
 * @brief Field `i` of a variant.
 * @param v the variant.
 * @param i the field index.
 * @return the field, or NULL.
 */
WETEE_API const wetee_md_field *wetee_md_variant_field(const wetee_md_variant *v, size_t i);
/**
 * @brief Number of doc lines of a variant.
 * @param v the variant.
 * @return the count.
 */
WETEE_API size_t wetee_md_variant_doc_count(const wetee_md_variant *v);
/**
 * @brief Doc line `i` of a variant.
 * @param v the variant.
 * @param i the line index.
 * @return the line, or NULL.
 */
WETEE_API const char *wetee_md_variant_doc(const wetee_md_variant *v, size_t i);
/**
 * @brief Id of the variant type a variant belongs to.
 * @param v the variant.
 * @return the type id (WETEE_METADATA_NO_TYPE for NULL).
 */
WETEE_API uint32_t wetee_md_variant_owner(const wetee_md_variant *v);

/* ------------------------------------------------------------------ */
/* Pallets, calls, events, errors                                      */
/* ------------------------------------------------------------------ */

/**
 * @brief Number of pallets.
 * @param md the metadata.
 * @return the count.
 */
WETEE_API size_t wetee_metadata_pallet_count(const wetee_metadata *md);
/**
 * @brief Pallet `i` in metadata order.
 * @param md the metadata.
 * @param i position.
 * @return the pallet, or NULL.
 */
WETEE_API const wetee_md_pallet *wetee_metadata_pallet_at(const wetee_metadata *md, size_t i);
/**
 * @brief Pallet by name ("Balances"), O(1).
 * @param md the metadata.
 * @param name the NUL-terminated name.
 * @return the pallet, or NULL when absent.
 */
WETEE_API const wetee_md_pallet *wetee_metadata_pallet_by_name(const wetee_metadata *md, const char *name);
/**
 * @brief Pallet by its index byte (the first byte of a call), O(1).
 * @param md the metadata.
 * @param index the pallet index.
 * @return the pallet, or NULL when absent.
 */
WETEE_API const wetee_md_pallet *wetee_metadata_pallet_by_index(const wetee_metadata *md, uint8_t index);
/**
 * @brief Name of a pallet.
 * @param p the pallet.
 * @return the name.
 */
WETEE_API const char *wetee_md_pallet_name(const wetee_md_pallet *p);
/**
 * @brief Index byte of a pallet.
 * @param p the pallet.
 * @return the index (0 for NULL).
 */
WETEE_API uint8_t wetee_md_pallet_index(const wetee_md_pallet *p);
/**
 * @brief Number of doc lines of a pallet (V15+; 0 in V14).
 * @param p the pallet.
 * @return the count.
 */
WETEE_API size_t wetee_md_pallet_doc_count(const wetee_md_pallet *p);
/**
 * @brief Doc line `i` of a pallet.
 * @param p the pallet.
 * @param i the line index.
 * @return the line, or NULL.
 */
WETEE_API const char *wetee_md_pallet_doc(const wetee_md_pallet *p, size_t i);
/**
 * @brief Call enum type of a pallet.
 * @param p the pallet.
 * @return the type id, or WETEE_METADATA_NO_TYPE when it has no calls.
 */
WETEE_API uint32_t wetee_md_pallet_call_type(const wetee_md_pallet *p);
/**
 * @brief Event enum type of a pallet.
 * @param p the pallet.
 * @return the type id, or WETEE_METADATA_NO_TYPE when it has no events.
 */
WETEE_API uint32_t wetee_md_pallet_event_type(const wetee_md_pallet *p);
/**
 * @brief Error enum type of a pallet.
 * @param p the pallet.
 * @return the type id, or WETEE_METADATA_NO_TYPE when it has no errors.
 */
WETEE_API uint32_t wetee_md_pallet_error_type(const wetee_md_pallet *p);

/** @brief Which enum of a pallet: calls, events or errors. */
typedef enum wetee_md_enum_kind {
    WETEE_MD_CALLS = 0,  /**< the pallet's Call enum */
    WETEE_MD_EVENTS = 1, /**< the pallet's Event enum */
    WETEE_MD_ERRORS = 2  /**< the pallet's Error enum */
} wetee_md_enum_kind;

/**
 * @brief Number of calls, events or errors of a pallet.
 * @param md the metadata.
 * @param p the pallet.
 * @param kind calls, events or errors.
 * @return the count (0 when the pallet has none).
 */
WETEE_API size_t wetee_md_pallet_variant_count(const wetee_metadata *md, const wetee_md_pallet *p,
                                               wetee_md_enum_kind kind);
/**
 * @brief Call, event or error `i` of a pallet, in metadata order.
 * @param md the metadata.
 * @param p the pallet.
 * @param kind calls, events or errors.
 * @param i position.
 * @return the variant, or NULL.
 */
WETEE_API const wetee_md_variant *wetee_md_pallet_variant_at(const wetee_metadata *md, const wetee_md_pallet *p,
                                                             wetee_md_enum_kind kind, size_t i);
/**
 * @brief Call, event or error of a pallet by name, O(1).
 * @param md the metadata.
 * @param p the pallet.
 * @param kind calls, events or errors.
 * @param name the NUL-terminated name ("transfer_keep_alive", "Transfer",
 *        "InsufficientBalance").
 * @return the variant, or NULL when absent.
 */
WETEE_API const wetee_md_variant *wetee_md_pallet_variant_by_name(const wetee_metadata *md, const wetee_md_pallet *p,
                                                                  wetee_md_enum_kind kind, const char *name);
/**
 * @brief Call, event or error of a pallet by its index byte, O(1) for
 *        densely numbered enums.
 * @param md the metadata.
 * @param p the pallet.
 * @param kind calls, events or errors.
 * @param index the variant index.
 * @return the variant, or NULL when absent.
 */
WETEE_API const wetee_md_variant *wetee_md_pallet_variant_by_index(const wetee_metadata *md,
                                                                   const wetee_md_pallet *p,
                                                                   wetee_md_enum_kind kind, uint8_t index);
/**
 * @brief V16 deprecation status of a call, event or error variant.
 * @param note receives the note or NULL; may be NULL.
 * @param since receives the "since" text or NULL; may be NULL.
 * @param p the pallet.
 * @param kind calls, events or errors.
 * @param index the variant index.
 * @return a wetee_md_deprecation_kind (NOT_DEPRECATED for NULL, before V16
 *         or when the variant is not listed).
 */
WETEE_API int wetee_md_pallet_variant_deprecation(const char **note, const char **since, const wetee_md_pallet *p,
                                                  wetee_md_enum_kind kind, uint8_t index);
/**
 * @brief V16 deprecation status of a pallet.
 * @param note receives the note or NULL; may be NULL.
 * @param since receives the "since" text or NULL; may be NULL.
 * @param p the pallet.
 * @return a wetee_md_deprecation_kind.
 */
WETEE_API int wetee_md_pallet_deprecation(const char **note, const char **since, const wetee_md_pallet *p);

/**
 * @brief Resolve a module error (`DispatchError::Module { index, error }`)
 *        to its variant in the pallet's Error enum.
 * @param pallet receives the pallet; may be NULL.
 * @param md the metadata.
 * @param pallet_index the pallet index (`ModuleError.index`).
 * @param error the `ModuleError.error` bytes; the first is the variant index
 *        (the other three are reserved and ignored).
 * @param error_len 1 (old u8 form) or 4 ([u8; 4]).
 * @return the error variant (name, docs and fields), or NULL when not
 *         found (WETEE_ERR_NOT_FOUND in the detail) or on a bad argument.
 */
WETEE_API const wetee_md_variant *wetee_metadata_module_error(const wetee_md_pallet **pallet, const wetee_metadata *md,
                                                             uint8_t pallet_index, const uint8_t *error,
                                                             size_t error_len);

/* ------------------------------------------------------------------ */
/* Storage                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Storage prefix of a pallet (usually its name).
 * @param p the pallet.
 * @return the prefix, or NULL when the pallet has no storage.
 */
WETEE_API const char *wetee_md_pallet_storage_prefix(const wetee_md_pallet *p);
/**
 * @brief Number of storage entries of a pallet.
 * @param p the pallet.
 * @return the count.
 */
WETEE_API size_t wetee_md_pallet_storage_count(const wetee_md_pallet *p);
/**
 * @brief Storage entry `i` of a pallet.
 * @param p the pallet.
 * @param i position.
 * @return the entry, or NULL.
 */
WETEE_API const wetee_md_storage *wetee_md_pallet_storage_at(const wetee_md_pallet *p, size_t i);
/**
 * @brief Storage entry by name ("Account"), O(1).
 * @param md the metadata.
 * @param p the pallet.
 * @param name the NUL-terminated name.
 * @return the entry, or NULL.
 */
WETEE_API const wetee_md_storage *wetee_md_pallet_storage_by_name(const wetee_metadata *md, const wetee_md_pallet *p,
                                                                  const char *name);
/**
 * @brief Name of a storage entry.
 * @param s the entry.
 * @return the name.
 */
WETEE_API const char *wetee_md_storage_name(const wetee_md_storage *s);
/**
 * @brief Pallet a storage entry belongs to.
 * @param s the entry.
 * @return the pallet.
 */
WETEE_API const wetee_md_pallet *wetee_md_storage_pallet(const wetee_md_storage *s);
/**
 * @brief Modifier of a storage entry.
 * @param s the entry.
 * @return a wetee_storage_modifier (-1 for NULL).
 */
WETEE_API int wetee_md_storage_modifier(const wetee_md_storage *s);
/**
 * @brief Number of hashers (0 for a plain entry, 1 for a map, N for an
 *        N-key map).
 * @param s the entry.
 * @return the count.
 */
WETEE_API size_t wetee_md_storage_hasher_count(const wetee_md_storage *s);
/**
 * @brief Hasher `i` of a map entry.
 * @param s the entry.
 * @param i the hasher index.
 * @return a wetee_storage_hasher, or -1 when out of range.
 */
WETEE_API int wetee_md_storage_hasher(const wetee_md_storage *s, size_t i);
/**
 * @brief Key type of a map entry (a tuple for N-key maps with N > 1).
 * @param s the entry.
 * @return the type id, or WETEE_METADATA_NO_TYPE for plain entries.
 */
WETEE_API uint32_t wetee_md_storage_key_type(const wetee_md_storage *s);
/**
 * @brief Value type of a storage entry.
 * @param s the entry.
 * @return the type id.
 */
WETEE_API uint32_t wetee_md_storage_value_type(const wetee_md_storage *s);
/**
 * @brief Default value bytes (SCALE of the value type) of a storage entry.
 * @param len receives the length (must not be NULL).
 * @param s the entry.
 * @return the bytes (owned by the metadata), or NULL for NULL `s`.
 */
WETEE_API const uint8_t *wetee_md_storage_default(size_t *len, const wetee_md_storage *s);
/**
 * @brief Number of doc lines of a storage entry.
 * @param s the entry.
 * @return the count.
 */
WETEE_API size_t wetee_md_storage_doc_count(const wetee_md_storage *s);
/**
 * @brief Doc line `i` of a storage entry.
 * @param s the entry.
 * @param i the line index.
 * @return the line, or NULL.
 */
WETEE_API const char *wetee_md_storage_doc(const wetee_md_storage *s, size_t i);
/**
 * @brief V16 deprecation status of a storage entry.
 * @param note receives the note or NULL; may be NULL.
 * @param since receives the "since" text or NULL; may be NULL.
 * @param s the entry.
 * @return a wetee_md_deprecation_kind.
 */
WETEE_API int wetee_md_storage_deprecation(const char **note, const char **since, const wetee_md_storage *s);

/* ------------------------------------------------------------------ */
/* Constants                                                           */
/* ------------------------------------------------------------------ */

/**
 * @brief Number of constants of a pallet.
 * @param p the pallet.
 * @return the count.
 */
WETEE_API size_t wetee_md_pallet_constant_count(const wetee_md_pallet *p);
/**
 * @brief Constant `i` of a pallet.
 * @param p the pallet.
 * @param i position.
 * @return the constant, or NULL.
 */
WETEE_API const wetee_md_constant *wetee_md_pallet_constant_at(const wetee_md_pallet *p, size_t i);
/**
 * @brief Constant by name ("ExistentialDeposit"), O(1).
 * @param md the metadata.
 * @param p the pallet.
 * @param name the NUL-terminated name.
 * @return the constant, or NULL.
 */
WETEE_API const wetee_md_constant *wetee_md_pallet_constant_by_name(const wetee_metadata *md,
                                                                    const wetee_md_pallet *p, const char *name);
/**
 * @brief Name of a constant.
 * @param c the constant.
 * @return the name.
 */
WETEE_API const char *wetee_md_constant_name(const wetee_md_constant *c);
/**
 * @brief Type of a constant.
 * @param c the constant.
 * @return the type id.
 */
WETEE_API uint32_t wetee_md_constant_type(const wetee_md_constant *c);
/**
 * @brief SCALE-encoded value of a constant.
 * @param len receives the length (must not be NULL).
 * @param c the constant.
 * @return the bytes (owned by the metadata), or NULL for NULL `c`.
 */
WETEE_API const uint8_t *wetee_md_constant_value(size_t *len, const wetee_md_constant *c);
/**
 * @brief Number of doc lines of a constant.
 * @param c the constant.
 * @return the count.
 */
WETEE_API size_t wetee_md_constant_doc_count(const wetee_md_constant *c);
/**
 * @brief Doc line `i` of a constant.
 * @param c the constant.
 * @param i the line index.
 * @return the line, or NULL.
 */
WETEE_API const char *wetee_md_constant_doc(const wetee_md_constant *c, size_t i);
/**
 * @brief V16 deprecation status of a constant.
 * @param note receives the note or NULL; may be NULL.
 * @param since receives the "since" text or NULL; may be NULL.
 * @param c the constant.
 * @return a wetee_md_deprecation_kind.
 */
WETEE_API int wetee_md_constant_deprecation(const char **note, const char **since, const wetee_md_constant *c);

/* ------------------------------------------------------------------ */
/* Runtime APIs (V15+) and view functions (V16)                        */
/* ------------------------------------------------------------------ */

/**
 * @brief Number of runtime APIs (0 in V14).
 * @param md the metadata.
 * @return the count.
 */
WETEE_API size_t wetee_metadata_runtime_api_count(const wetee_metadata *md);
/**
 * @brief Runtime API `i`.
 * @param md the metadata.
 * @param i position.
 * @return the API, or NULL.
 */
WETEE_API const wetee_md_runtime_api *wetee_metadata_runtime_api_at(const wetee_metadata *md, size_t i);
/**
 * @brief Runtime API by name ("Core", "AccountNonceApi"), O(1).
 * @param md the metadata.
 * @param name the NUL-terminated name.
 * @return the API, or NULL.
 */
WETEE_API const wetee_md_runtime_api *wetee_metadata_runtime_api_by_name(const wetee_metadata *md, const char *name);
/**
 * @brief Name of a runtime API.
 * @param a the API.
 * @return the name.
 */
WETEE_API const char *wetee_md_runtime_api_name(const wetee_md_runtime_api *a);
/**
 * @brief Version of a runtime API (V16 only).
 * @param out receives the version.
 * @param a the API.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND before V16; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_md_runtime_api_version(uint32_t *out, const wetee_md_runtime_api *a);
/**
 * @brief Number of doc lines of a runtime API.
 * @param a the API.
 * @return the count.
 */
WETEE_API size_t wetee_md_runtime_api_doc_count(const wetee_md_runtime_api *a);
/**
 * @brief Doc line `i` of a runtime API.
 * @param a the API.
 * @param i the line index.
 * @return the line, or NULL.
 */
WETEE_API const char *wetee_md_runtime_api_doc(const wetee_md_runtime_api *a, size_t i);
/**
 * @brief V16 deprecation status of a runtime API.
 * @param note receives the note or NULL; may be NULL.
 * @param since receives the "since" text or NULL; may be NULL.
 * @param a the API.
 * @return a wetee_md_deprecation_kind.
 */
WETEE_API int wetee_md_runtime_api_deprecation(const char **note, const char **since, const wetee_md_runtime_api *a);
/**
 * @brief Number of methods of a runtime API.
 * @param a the API.
 * @return the count.
 */
WETEE_API size_t wetee_md_runtime_api_method_count(const wetee_md_runtime_api *a);
/**
 * @brief Method `i` of a runtime API.
 * @param a the API.
 * @param i position.
 * @return the method, or NULL.
 */
WETEE_API const wetee_md_method *wetee_md_runtime_api_method_at(const wetee_md_runtime_api *a, size_t i);
/**
 * @brief Method of a runtime API by name ("account_nonce"), O(1).
 * @param md the metadata.
 * @param a the API.
 * @param name the NUL-terminated name.
 * @return the method, or NULL.
 */
WETEE_API const wetee_md_method *wetee_md_runtime_api_method_by_name(const wetee_metadata *md,
                                                                   const wetee_md_runtime_api *a, const char *name);
/**
 * @brief Number of view functions of a pallet (V16; 0 before).
 * @param p the pallet.
 * @return the count.
 */
WETEE_API size_t wetee_md_pallet_view_function_count(const wetee_md_pallet *p);
/**
 * @brief View function `i` of a pallet.
 * @param p the pallet.
 * @param i position.
 * @return the view function, or NULL.
 */
WETEE_API const wetee_md_method *wetee_md_pallet_view_function_at(const wetee_md_pallet *p, size_t i);
/**
 * @brief Name of a method or view function.
 * @param m the method.
 * @return the name.
 */
WETEE_API const char *wetee_md_method_name(const wetee_md_method *m);
/**
 * @brief 32-byte id of a view function (the bytes to call it with).
 * @param m the view function.
 * @return 32 bytes owned by the metadata, or NULL for runtime-API methods.
 */
WETEE_API const uint8_t *wetee_md_method_view_id(const wetee_md_method *m);
/**
 * @brief Number of inputs of a method (each a wetee_md_field with a name
 *        and a type).
 * @param m the method.
 * @return the count.
 */
WETEE_API size_t wetee_md_method_input_count(const wetee_md_method *m);
/**
 * @brief Input `i` of a method.
 * @param m the method.
 * @param i position.
 * @return the input, or NULL.
 */
WETEE_API const wetee_md_field *wetee_md_method_input(const wetee_md_method *m, size_t i);
/**
 * @brief Output type of a method.
 * @param m the method.
 * @return the type id.
 */
WETEE_API uint32_t wetee_md_method_output(const wetee_md_method *m);
/**
 * @brief Number of doc lines of a method.
 * @param m the method.
 * @return the count.
 */
WETEE_API size_t wetee_md_method_doc_count(const wetee_md_method *m);
/**
 * @brief Doc line `i` of a method.
 * @param m the method.
 * @param i the line index.
 * @return the line, or NULL.
 */
WETEE_API const char *wetee_md_method_doc(const wetee_md_method *m, size_t i);
/**
 * @brief V16 deprecation status of a method or view function.
 * @param note receives the note or NULL; may be NULL.
 * @param since receives the "since" text or NULL; may be NULL.
 * @param m the method.
 * @return a wetee_md_deprecation_kind.
 */
WETEE_API int wetee_md_method_deprecation(const char **note, const char **since, const wetee_md_method *m);

/* ------------------------------------------------------------------ */
/* Outer enums, extrinsic information, custom values                   */
/* ------------------------------------------------------------------ */

/**
 * @brief The runtime's outer enums (RuntimeCall, RuntimeEvent, RuntimeError).
 *
 * V15+ take them from `outer_enums`. V14 has no such section: the call
 * enum is the `Call` parameter of the extrinsic type, the event enum the
 * `E` parameter of `System.Events`' EventRecord, and the error enum is
 * WETEE_METADATA_NO_TYPE.
 * @param call receives the RuntimeCall type id; may be NULL.
 * @param event receives the RuntimeEvent type id; may be NULL.
 * @param error receives the RuntimeError type id; may be NULL.
 * @param md the metadata.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT (NULL md).
 */
WETEE_API int wetee_metadata_outer_enums(uint32_t *call, uint32_t *event, uint32_t *error, const wetee_metadata *md);

/**
 * @brief Extrinsic types.
 *
 * V14: taken from the type parameters of the UncheckedExtrinsic type
 * (`Address`, `Call`, `Signature`, `Extra`); V15: the explicit fields;
 * V16: address, call and signature (extra is WETEE_METADATA_NO_TYPE).
 * Any of them is WETEE_METADATA_NO_TYPE when the metadata does not say.
 * @param address receives the address type; may be NULL.
 * @param call receives the call type; may be NULL.
 * @param signature receives the signature type; may be NULL.
 * @param extra receives the extra (signed extensions tuple) type; may be NULL.
 * @param md the metadata.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT (NULL md).
 */
WETEE_API int wetee_metadata_extrinsic_types(uint32_t *address, uint32_t *call, uint32_t *signature, uint32_t *extra,
                                             const wetee_metadata *md);
/**
 * @brief Number of supported extrinsic format versions (1 before V16).
 * @param md the metadata.
 * @return the count.
 */
WETEE_API size_t wetee_metadata_extrinsic_version_count(const wetee_metadata *md);
/**
 * @brief Extrinsic format version `i` (4, 5, ...).
 * @param md the metadata.
 * @param i position.
 * @return the version, or 0 when out of range.
 */
WETEE_API uint8_t wetee_metadata_extrinsic_version(const wetee_metadata *md, size_t i);
/**
 * @brief Number of signed / transaction extensions (all versions).
 * @param md the metadata.
 * @return the count.
 */
WETEE_API size_t wetee_metadata_extension_count(const wetee_metadata *md);
/**
 * @brief Extension `i`.
 * @param md the metadata.
 * @param i position.
 * @return the extension, or NULL.
 */
WETEE_API const wetee_md_extension *wetee_metadata_extension_at(const wetee_metadata *md, size_t i);
/**
 * @brief Identifier of an extension ("CheckNonce", "CheckMetadataHash").
 * @param e the extension.
 * @return the identifier.
 */
WETEE_API const char *wetee_md_extension_identifier(const wetee_md_extension *e);
/**
 * @brief Explicit type of an extension (encoded in the extrinsic).
 * @param e the extension.
 * @return the type id.
 */
WETEE_API uint32_t wetee_md_extension_type(const wetee_md_extension *e);
/**
 * @brief Implicit type of an extension (signed but not transmitted;
 *        `additional_signed` before V16).
 * @param e the extension.
 * @return the type id.
 */
WETEE_API uint32_t wetee_md_extension_implicit_type(const wetee_md_extension *e);
/**
 * @brief Number of transaction-extension versions (V16's
 *        `transaction_extensions_by_version`; before V16 one version, 0,
 *        which lists every extension).
 * @param md the metadata.
 * @return the count.
 */
WETEE_API size_t wetee_metadata_extension_version_count(const wetee_metadata *md);
/**
 * @brief Extension version `i` and the extensions it uses, in order.
 * @param version receives the extension version byte; may be NULL.
 * @param count receives the number of extensions of that version; may be NULL.
 * @param md the metadata.
 * @param i position.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND when `i` is out of range;
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_metadata_extension_version_at(uint8_t *version, size_t *count, const wetee_metadata *md,
                                                  size_t i);
/**
 * @brief Extension `j` of extension version position `i`.
 * @param md the metadata.
 * @param i the version position (see wetee_metadata_extension_version_at()).
 * @param j position within that version.
 * @return the extension, or NULL when out of range.
 */
WETEE_API const wetee_md_extension *wetee_metadata_extension_of_version(const wetee_metadata *md, size_t i,
                                                                        size_t j);

/**
 * @brief Number of custom values (V15+).
 * @param md the metadata.
 * @return the count.
 */
WETEE_API size_t wetee_metadata_custom_count(const wetee_metadata *md);
/**
 * @brief Custom value `i` (in the map's key order).
 * @param name receives the key; may be NULL.
 * @param type receives the value's type id; may be NULL.
 * @param value receives the SCALE bytes (owned by the metadata); may be NULL.
 * @param value_len receives their length; may be NULL.
 * @param md the metadata.
 * @param i position.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND when out of range; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_metadata_custom_at(const char **name, uint32_t *type, const uint8_t **value, size_t *value_len,
                                       const wetee_metadata *md, size_t i);
/**
 * @brief Custom value by key, O(1).
 * @param type receives the value's type id; may be NULL.
 * @param value receives the SCALE bytes; may be NULL.
 * @param value_len receives their length; may be NULL.
 * @param md the metadata.
 * @param name the NUL-terminated key.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_metadata_custom_by_name(uint32_t *type, const uint8_t **value, size_t *value_len,
                                            const wetee_metadata *md, const char *name);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_METADATA_H */
