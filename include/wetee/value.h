/**
 * @file value.h
 * @brief Dynamic values typed by a runtime metadata's registry: SCALE
 *        encoding and decoding of any registry type, a JSON mapping close to
 *        polkadot.js, calls by name, storage keys and values, events and
 *        dispatch errors.
 *
 * A wetee_value is a tree (null, bool, unsigned or signed integer up to 256
 * bits, string, bytes, sequence, composite with named or unnamed fields,
 * variant with a name and/or index and fields, bit sequence). Values built
 * by hand carry no type; values decoded by wetee_value_decode() remember the
 * registry type of every node, which wetee_value_to_json() uses.
 *
 * Encoding is strict about the value but accepts every natural way to say
 * it: for `Vec<u8>`/`[u8; N]` bytes, a "0x" hex string or a sequence of
 * integers; for integers, a number or a decimal / "0x" (big-endian) hex
 * string; for `AccountId32`, an SS58 address or hex; for `AccountId20`, an
 * EIP-55 (or all-lower/upper-case) hex address; for an enum, a variant, a
 * one-entry composite `{"Variant": fields}` or, for a variant without
 * fields, the bare name; for `Option<T>`, null (None) or the value (Some),
 * also {"Some": x} / {"None": null} unless `T` is an enum with a variant of
 * that name (then it is that variant, Some; docs/metadata.md);
 * names as in the metadata or in polkadot.js camelCase. Unknown or missing
 * fields, numbers out of range, wrong lengths and unknown variants fail with
 * WETEE_ERR_DECODE or WETEE_ERR_OVERFLOW and a detail naming the path, e.g.
 * "value: dest.Id: expected 32 bytes, got 31".
 *
 * JSON output (see docs/metadata.md): polkadot.js `toJSON()` shapes, with
 * integers as numbers up to 2^53 - 1 in magnitude (JavaScript safe
 * integers) and decimal strings beyond, byte arrays as 0x-hex, `AccountId32` as SS58
 * (prefix from the metadata's System.SS58Prefix, else 42, or the option),
 * `AccountId20` as EIP-55, Option as null / value, enums whose variants
 * all lack fields as the bare variant name and others as `{"Variant":
 * fields}`; struct fields and enum keys as in the metadata unless
 * `camel_case` asks for polkadot.js's camelCase.
 *
 * Ownership: a wetee_value belongs to whoever created it until it is
 * appended to a parent (the parent then owns it); free roots with
 * wetee_value_free(). Pointers returned by accessors live as long as the
 * value. Outputs go to caller-owned wetee_buf.
 *
 * Thread safety: functions taking a `const wetee_metadata *` only read it;
 * a value is used by one thread at a time.
 */
#ifndef WETEE_VALUE_H
#define WETEE_VALUE_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"
#include "wetee/metadata.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A dynamic value (opaque tree node). */
typedef struct wetee_value wetee_value;

/** @brief Kind of a wetee_value. */
typedef enum wetee_value_kind {
    WETEE_VALUE_NULL = 0,      /**< no data: (), an empty struct, a unit */
    WETEE_VALUE_BOOL = 1,      /**< true / false */
    WETEE_VALUE_UINT = 2,      /**< unsigned integer up to 2^256-1 */
    WETEE_VALUE_INT = 3,       /**< signed integer, -2^255 .. 2^255-1 */
    WETEE_VALUE_STRING = 4,    /**< UTF-8 text */
    WETEE_VALUE_BYTES = 5,     /**< bytes (Vec<u8>, [u8; N]) */
    WETEE_VALUE_SEQUENCE = 6,  /**< ordered unnamed items (Vec, array, tuple) */
    WETEE_VALUE_COMPOSITE = 7, /**< struct: named or unnamed fields */
    WETEE_VALUE_VARIANT = 8,   /**< enum variant: name and/or index, and fields */
    WETEE_VALUE_BITS = 9       /**< bit sequence */
} wetee_value_kind;

/* ------------------------------------------------------------------ */
/* Construction                                                        */
/* ------------------------------------------------------------------ */

/**
 * @brief New null value.
 * @param out receives the value (free with wetee_value_free()).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_null(wetee_value **out);
/**
 * @brief New bool.
 * @param out receives the value.
 * @param v zero is false, anything else true.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_bool(wetee_value **out, int v);
/**
 * @brief New unsigned integer.
 * @param out receives the value.
 * @param v the value.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_u64(wetee_value **out, uint64_t v);
/**
 * @brief New signed integer.
 * @param out receives the value.
 * @param v the value.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_i64(wetee_value **out, int64_t v);
/**
 * @brief New unsigned 128-bit integer.
 * @param out receives the value.
 * @param v the value.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_u128(wetee_value **out, wetee_u128 v);
/**
 * @brief New unsigned integer from little-endian bytes (up to 32).
 * @param out receives the value.
 * @param le the bytes; may be NULL when `len` is 0 (the value 0).
 * @param len 0..32.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (len above 32, NULL
 *         pointer); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_uint_le(wetee_value **out, const uint8_t *le, size_t len);
/**
 * @brief New signed integer from little-endian two's-complement bytes (up
 *        to 32; sign-extended from the top bit of the last byte).
 * @param out receives the value.
 * @param le the bytes; may be NULL when `len` is 0 (the value 0).
 * @param len 0..32.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_int_le(wetee_value **out, const uint8_t *le, size_t len);
/**
 * @brief New string (copied).
 * @param out receives the value.
 * @param s UTF-8 text (not necessarily NUL-terminated); may be NULL when `len` is 0.
 * @param len length in bytes.
 * @return WETEE_OK; WETEE_ERR_DECODE (invalid UTF-8); WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_string(wetee_value **out, const char *s, size_t len);
/**
 * @brief New byte string (copied).
 * @param out receives the value.
 * @param data the bytes; may be NULL when `len` is 0.
 * @param len number of bytes.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_bytes(wetee_value **out, const uint8_t *data, size_t len);
/**
 * @brief New bit sequence (copied).
 * @param out receives the value.
 * @param bits packed bits: element i is bit i % 8 of bits[i / 8]; may be
 *        NULL when `nbits` is 0.
 * @param nbits number of bits.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_bits(wetee_value **out, const uint8_t *bits, size_t nbits);
/**
 * @brief New empty sequence; add items with wetee_value_append().
 * @param out receives the value.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_sequence(wetee_value **out);
/**
 * @brief New empty composite; add fields with wetee_value_append().
 * @param out receives the value.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_composite(wetee_value **out);
/**
 * @brief New variant without fields yet; add fields with wetee_value_append().
 * @param out receives the value.
 * @param name the variant name (copied), or NULL to select by index.
 * @param index the variant index 0..255, or -1 to select by name.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (no name and no index, index
 *         above 255); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_new_variant(wetee_value **out, const char *name, int index);
/**
 * @brief Append a child to a sequence, composite or variant. The parent
 *        takes ownership of `child`, also when the call fails (it is then
 *        freed) — except when `child` already belongs to a tree or is an
 *        ancestor of `parent`: that call fails and changes nothing.
 * @param parent the sequence, composite or variant.
 * @param name field name (copied), or NULL for an unnamed item; must be
 *        NULL for sequences.
 * @param child the child value.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL parent or child,
 *         parent of another kind, a name for a sequence, a child with a
 *         parent, a cycle); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_append(wetee_value *parent, const char *name, wetee_value *child);
/**
 * @brief Free a value and all its children.
 * @param v the value, or NULL (no-op). Never free a child still owned by a parent.
 */
WETEE_API void wetee_value_free(wetee_value *v);

/* ------------------------------------------------------------------ */
/* Access                                                              */
/* ------------------------------------------------------------------ */

/**
 * @brief Kind of a value.
 * @param v the value.
 * @return a wetee_value_kind, or -1 for NULL.
 */
WETEE_API int wetee_value_get_kind(const wetee_value *v);
/**
 * @brief Registry type a value was decoded as.
 * @param v the value.
 * @return the type id, or WETEE_METADATA_NO_TYPE for built values and NULL.
 */
WETEE_API uint32_t wetee_value_type(const wetee_value *v);
/**
 * @brief Read a bool.
 * @param out receives 0 or 1.
 * @param v the value.
 * @return WETEE_OK; WETEE_ERR_STATE (not a bool); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_value_get_bool(int *out, const wetee_value *v);
/**
 * @brief Read an integer that fits 64 unsigned bits.
 * @param out receives the value.
 * @param v an UINT or INT value.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (negative or too large);
 *         WETEE_ERR_STATE (not an integer); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_value_get_u64(uint64_t *out, const wetee_value *v);
/**
 * @brief Read an integer that fits 64 signed bits.
 * @param out receives the value.
 * @param v an UINT or INT value.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW; WETEE_ERR_STATE; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_value_get_i64(int64_t *out, const wetee_value *v);
/**
 * @brief Read an integer that fits 128 unsigned bits.
 * @param out receives the value.
 * @param v an UINT or INT value.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW; WETEE_ERR_STATE; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_value_get_u128(wetee_u128 *out, const wetee_value *v);
/**
 * @brief Read any integer as 32 little-endian bytes: the magnitude of an
 *        UINT, the two's complement of an INT.
 * @param out caller buffer of 32 bytes.
 * @param v an UINT or INT value.
 * @return WETEE_OK; WETEE_ERR_STATE; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_value_get_int_le(uint8_t out[32], const wetee_value *v);
/**
 * @brief Text of a string value (NUL-terminated).
 * @param len receives the length in bytes; may be NULL.
 * @param v the value.
 * @return the text (owned by the value), or NULL when not a string.
 */
WETEE_API const char *wetee_value_string(size_t *len, const wetee_value *v);
/**
 * @brief Bytes of a bytes value.
 * @param len receives the length; may be NULL.
 * @param v the value.
 * @return the bytes (owned by the value; non-NULL even when empty), or
 *         NULL when not a bytes value.
 */
WETEE_API const uint8_t *wetee_value_bytes(size_t *len, const wetee_value *v);
/**
 * @brief Bits of a bit-sequence value, packed as in wetee_value_new_bits().
 * @param nbits receives the number of bits; may be NULL.
 * @param v the value.
 * @return the packed bits (owned by the value), or NULL when not a bit sequence.
 */
WETEE_API const uint8_t *wetee_value_bits(size_t *nbits, const wetee_value *v);
/**
 * @brief Number of children of a sequence, composite or variant.
 * @param v the value.
 * @return the count (0 for other kinds and NULL).
 */
WETEE_API size_t wetee_value_count(const wetee_value *v);
/**
 * @brief Child `i` of a sequence, composite or variant.
 * @param v the value.
 * @param i position.
 * @return the child (owned by `v`), or NULL.
 */
WETEE_API const wetee_value *wetee_value_at(const wetee_value *v, size_t i);
/**
 * @brief Name of child `i` of a composite or variant.
 * @param v the value.
 * @param i position.
 * @return the name, or NULL when unnamed or out of range.
 */
WETEE_API const char *wetee_value_name_at(const wetee_value *v, size_t i);
/**
 * @brief Child of a composite or variant by field name.
 * @param v the value.
 * @param name the NUL-terminated name.
 * @return the child, or NULL.
 */
WETEE_API const wetee_value *wetee_value_field(const wetee_value *v, const char *name);
/**
 * @brief Name of a variant.
 * @param v the value.
 * @return the name, or NULL (not a variant, or built by index only).
 */
WETEE_API const char *wetee_value_variant_name(const wetee_value *v);
/**
 * @brief Index of a variant.
 * @param v the value.
 * @return 0..255, or -1 (not a variant, or built by name only).
 */
WETEE_API int wetee_value_variant_index(const wetee_value *v);

/* ------------------------------------------------------------------ */
/* SCALE against the registry                                          */
/* ------------------------------------------------------------------ */

/**
 * @brief Encode a value as registry type `type`, appending to `out`.
 * @param out the buffer to append to (caller-owned); on error its length
 *        is restored.
 * @param md the metadata.
 * @param type the type id.
 * @param v the value.
 * @return WETEE_OK; WETEE_ERR_DECODE (value does not fit the type: wrong
 *         kind, unknown/missing field, unknown variant, wrong length; the
 *         detail names the path); WETEE_ERR_OVERFLOW (number out of range);
 *         WETEE_ERR_DEPTH; WETEE_ERR_NOT_FOUND (unknown type id);
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_encode(wetee_buf *out, const wetee_metadata *md, uint32_t type, const wetee_value *v);
/**
 * @brief Decode registry type `type` from SCALE bytes.
 * @param out receives the value (free with wetee_value_free()); NULL on error.
 * @param consumed receives the number of bytes read; if NULL, the value
 *        must use all of `data` (else WETEE_ERR_TRAILING).
 * @param md the metadata.
 * @param type the type id.
 * @param data the bytes; may be NULL when `len` is 0.
 * @param len length of `data`.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED, WETEE_ERR_DECODE,
 *         WETEE_ERR_NON_CANONICAL, WETEE_ERR_OVERFLOW, WETEE_ERR_TRAILING
 *         (the detail names the path and offset); WETEE_ERR_DEPTH (nesting
 *         above 128, e.g. recursive types); WETEE_ERR_NOT_FOUND;
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_decode(wetee_value **out, size_t *consumed, const wetee_metadata *md, uint32_t type,
                                 const uint8_t *data, size_t len);

/* ------------------------------------------------------------------ */
/* JSON                                                                */
/* ------------------------------------------------------------------ */

/** @brief Options of the JSON output functions; start from WETEE_JSON_OPTIONS_INIT. */
typedef struct wetee_json_options {
    unsigned version; /**< WETEE_JSON_OPTIONS_VERSION */
    int camel_case;   /**< non-zero: struct fields and enum keys in polkadot.js camelCase */
    int ss58_prefix;  /**< SS58 prefix for AccountId32, or -1 (default): System.SS58Prefix, else 42 */
} wetee_json_options;

/** @brief Current version of wetee_json_options. */
#define WETEE_JSON_OPTIONS_VERSION 1
/** @brief Initialiser of wetee_json_options: names as in the metadata, SS58 prefix of the chain. */
#define WETEE_JSON_OPTIONS_INIT { WETEE_JSON_OPTIONS_VERSION, 0, -1 }

/**
 * @brief Build an untyped value from JSON text: objects become composites
 *        with named fields, arrays sequences, strings strings, integers
 *        UINT/INT, true/false bools, null null. The encoder interprets
 *        them against a type.
 * @param out receives the value.
 * @param json the text (not necessarily NUL-terminated).
 * @param len its length.
 * @return WETEE_OK; WETEE_ERR_DECODE (invalid JSON, with line and column;
 *         non-integer numbers); WETEE_ERR_DEPTH; WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_from_json(wetee_value **out, const char *json, size_t len);
/**
 * @brief Write a value as JSON text. Decoded values are mapped with their
 *        registry types (see the file comment); built values generically.
 * @param out replaced with the NUL-terminated JSON text.
 * @param md the metadata the value was decoded with, or NULL.
 * @param v the value.
 * @param opts options, or NULL for the defaults.
 * @return WETEE_OK; WETEE_ERR_DEPTH (a tree deeper than 128 levels);
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_value_to_json(wetee_buf *out, const wetee_metadata *md, const wetee_value *v,
                                  const wetee_json_options *opts);
/**
 * @brief Encode JSON text as registry type `type`, appending to `out`.
 * @param out the buffer to append to; on error its length is restored.
 * @param md the metadata.
 * @param type the type id.
 * @param json the text.
 * @param len its length.
 * @return as wetee_value_from_json() and wetee_value_encode().
 */
WETEE_API int wetee_value_encode_json(wetee_buf *out, const wetee_metadata *md, uint32_t type, const char *json,
                                      size_t len);
/**
 * @brief Decode SCALE bytes of registry type `type` (all of them) to JSON text.
 * @param out replaced with the NUL-terminated JSON text.
 * @param md the metadata.
 * @param type the type id.
 * @param data the bytes.
 * @param len their length.
 * @param opts options, or NULL.
 * @return as wetee_value_decode().
 */
WETEE_API int wetee_value_decode_json(wetee_buf *out, const wetee_metadata *md, uint32_t type, const uint8_t *data,
                                      size_t len, const wetee_json_options *opts);
/**
 * @brief Decode a pallet constant to JSON text.
 * @param out replaced with the JSON text.
 * @param md the metadata.
 * @param c the constant.
 * @param opts options, or NULL.
 * @return as wetee_value_decode_json().
 */
WETEE_API int wetee_constant_json(wetee_buf *out, const wetee_metadata *md, const wetee_md_constant *c,
                                  const wetee_json_options *opts);

/* ------------------------------------------------------------------ */
/* Calls                                                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Encode a call by name: pallet index, call index, arguments.
 * @param out the buffer to append to; on error its length is restored.
 * @param md the metadata.
 * @param pallet pallet name ("Balances").
 * @param call call name ("transfer_keep_alive").
 * @param args a composite with the named arguments, a sequence of them in
 *        order, or NULL / null for a call without arguments.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (unknown pallet or call); as
 *         wetee_value_encode() for the arguments (the path starts with the
 *         argument name).
 */
WETEE_API int wetee_call_encode(wetee_buf *out, const wetee_metadata *md, const char *pallet, const char *call,
                                const wetee_value *args);
/**
 * @brief wetee_call_encode() with the arguments as JSON text (an object of
 *        named arguments or an array; NULL or "" for none).
 * @param out the buffer to append to.
 * @param md the metadata.
 * @param pallet pallet name.
 * @param call call name.
 * @param args_json the arguments; may be NULL when `args_len` is 0.
 * @param args_len their length.
 * @return as wetee_call_encode() and wetee_value_from_json().
 */
WETEE_API int wetee_call_encode_json(wetee_buf *out, const wetee_metadata *md, const char *pallet, const char *call,
                                     const char *args_json, size_t args_len);
/**
 * @brief Decode call bytes (all of them) to JSON text
 *        `{"pallet": "Balances", "call": "transfer_keep_alive", "args": {...}}`.
 * @param out replaced with the JSON text.
 * @param md the metadata.
 * @param data the call bytes.
 * @param len their length.
 * @param opts options, or NULL.
 * @return as wetee_value_decode(); WETEE_ERR_NOT_FOUND for an unknown pallet
 *         or call index.
 */
WETEE_API int wetee_call_decode_json(wetee_buf *out, const wetee_metadata *md, const uint8_t *data, size_t len,
                                     const wetee_json_options *opts);

/* ------------------------------------------------------------------ */
/* Storage                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Storage key: twox128(prefix) ‖ twox128(entry) ‖ for each given key
 *        hasher(SCALE(key)). Give all keys of a map for a full key, fewer
 *        (down to none) for a prefix to iterate under.
 * @param out replaced with the key bytes.
 * @param md the metadata.
 * @param s the storage entry.
 * @param keys the key values, in order; may be NULL when `nkeys` is 0.
 * @param nkeys 0 .. number of hashers of the entry.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (too many keys, NULL
 *         arguments); as wetee_value_encode() for the keys (path "key[i]").
 */
WETEE_API int wetee_storage_key(wetee_buf *out, const wetee_metadata *md, const wetee_md_storage *s,
                                const wetee_value *const *keys, size_t nkeys);
/**
 * @brief wetee_storage_key() with the keys as a JSON array (or NULL / ""
 *        / [] for the entry prefix).
 * @param out replaced with the key bytes.
 * @param md the metadata.
 * @param s the storage entry.
 * @param keys_json JSON array of 0..N key values; may be NULL when `len` is 0.
 * @param len its length.
 * @return as wetee_storage_key() and wetee_value_from_json().
 */
WETEE_API int wetee_storage_key_json(wetee_buf *out, const wetee_metadata *md, const wetee_md_storage *s,
                                     const char *keys_json, size_t len);
/**
 * @brief Recover the keys of a full storage key as a JSON array (one item
 *        per hasher). Only Blake2_128Concat, Twox64Concat and Identity keep
 *        the key; for the other hashers the item is the hash as 0x-hex.
 * @param out replaced with the JSON text.
 * @param md the metadata.
 * @param s the storage entry.
 * @param key the full storage key.
 * @param len its length.
 * @param opts options, or NULL.
 * @return WETEE_OK; WETEE_ERR_DECODE (prefix mismatch, a key that does not
 *         decode); WETEE_ERR_TRUNCATED; WETEE_ERR_TRAILING;
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_storage_key_decode_json(wetee_buf *out, const wetee_metadata *md, const wetee_md_storage *s,
                                            const uint8_t *key, size_t len, const wetee_json_options *opts);
/**
 * @brief Decode a storage value to JSON text. When the value is absent
 *        (`data` NULL), an entry with the Default modifier decodes its
 *        default bytes and an Optional one gives null.
 * @param out replaced with the JSON text.
 * @param md the metadata.
 * @param s the storage entry.
 * @param data the value bytes, or NULL when the storage has no value.
 * @param len their length.
 * @param opts options, or NULL.
 * @return as wetee_value_decode_json().
 */
WETEE_API int wetee_storage_value_decode_json(wetee_buf *out, const wetee_metadata *md, const wetee_md_storage *s,
                                              const uint8_t *data, size_t len, const wetee_json_options *opts);

/* ------------------------------------------------------------------ */
/* Events and errors                                                   */
/* ------------------------------------------------------------------ */

/**
 * @brief Decode the value of `System.Events` (Vec<EventRecord>) to a JSON
 *        array of `{"phase": ..., "pallet": "Balances", "event":
 *        "Transfer", "fields": {...}, "topics": [...]}`.
 * @param out replaced with the JSON text.
 * @param md the metadata.
 * @param data the storage value bytes.
 * @param len their length.
 * @param opts options, or NULL.
 * @return as wetee_value_decode(); WETEE_ERR_NOT_FOUND when the metadata
 *         has no System.Events.
 */
WETEE_API int wetee_events_decode_json(wetee_buf *out, const wetee_metadata *md, const uint8_t *data, size_t len,
                                       const wetee_json_options *opts);
/**
 * @brief Describe a `sp_runtime::DispatchError` given as SCALE bytes:
 *        `{"kind": "Module", "pallet": "Balances", "error":
 *        "InsufficientBalance", "docs": "...", "value": ...}`; for Token,
 *        Arithmetic and Transactional errors `error` and `docs` are those of
 *        the inner variant; for other kinds `error` is the kind.
 * @param out replaced with the JSON text.
 * @param md the metadata.
 * @param data the DispatchError bytes.
 * @param len their length.
 * @param opts options, or NULL.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no DispatchError type in the
 *         registry); as wetee_value_decode().
 */
WETEE_API int wetee_dispatch_error_json(wetee_buf *out, const wetee_metadata *md, const uint8_t *data, size_t len,
                                        const wetee_json_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_VALUE_H */
