/*
 * metadata.i - runtime metadata (wetee/metadata.h): parsing and the
 * enumeration of pallets, calls, events, errors, storage entries,
 * constants and runtime APIs.
 *
 * wetee_metadata is a handle (WETEE_HANDLE in typemaps.i). The C API's
 * item handles (const wetee_md_pallet *, ...) point into the metadata and
 * die with it, so they are not exposed: the wetee_mdb_* helpers below take
 * the metadata and positions instead (pallet position `p` in metadata
 * order, item position `j` within the pallet, `kind` a wetee_md_enum_kind),
 * which a binding cannot turn into a dangling pointer. Out-of-range
 * positions give NULL / 0 / -1 / WETEE_METADATA_NO_TYPE, as in C.
 * Package wetee (Python) and wetee (Go) build their object model on them.
 * At the end: the RFC-0078 metadata hash of wetee/metadata_hash.h.
 */

typedef enum wetee_md_enum_kind {
  WETEE_MD_CALLS = 0,
  WETEE_MD_EVENTS = 1,
  WETEE_MD_ERRORS = 2
} wetee_md_enum_kind;

%constant uint32_t WETEE_METADATA_NO_TYPE = WETEE_METADATA_NO_TYPE;

WETEE_HANDLE(wetee_metadata, wetee_metadata_free)

#ifdef SWIGPYTHON
/* parsing half a megabyte takes a millisecond or two */
%thread wetee_mdb_parse;
%thread wetee_mdb_parse_hex;
%thread wetee_mdb_parse_rpc;
%thread wetee_mdb_hash;
%thread wetee_mdb_digest;
#endif

/* item handles by position (not wrapped) */
%{
static const wetee_md_pallet *wetee_mdb_pallet_(const wetee_metadata *md, size_t p) {
  return wetee_metadata_pallet_at(md, p);
}
static const wetee_md_variant *wetee_mdb_variant_(const wetee_metadata *md, size_t p, int kind, size_t j) {
  if (kind < WETEE_MD_CALLS || kind > WETEE_MD_ERRORS) return NULL;
  return wetee_md_pallet_variant_at(md, wetee_mdb_pallet_(md, p), (wetee_md_enum_kind)kind, j);
}
static const wetee_md_storage *wetee_mdb_storage_(const wetee_metadata *md, size_t p, size_t j) {
  return wetee_md_pallet_storage_at(wetee_mdb_pallet_(md, p), j);
}
static const wetee_md_constant *wetee_mdb_constant_(const wetee_metadata *md, size_t p, size_t j) {
  return wetee_md_pallet_constant_at(wetee_mdb_pallet_(md, p), j);
}
%}

%inline %{
static wetee_rc wetee_mdb_parse(wetee_metadata **out, const uint8_t *data, size_t len, int keep_docs) {
  wetee_metadata_options o = WETEE_METADATA_OPTIONS_INIT;
  o.keep_docs = keep_docs;
  return wetee_metadata_parse(out, data, len, &o);
}
static wetee_rc wetee_mdb_parse_hex(wetee_metadata **out, const char *text, size_t text_len, int keep_docs) {
  wetee_metadata_options o = WETEE_METADATA_OPTIONS_INIT;
  o.keep_docs = keep_docs;
  return wetee_metadata_parse_hex(out, text, text_len, &o);
}
static wetee_rc wetee_mdb_parse_rpc(wetee_metadata **out, const char *json, size_t json_len, int keep_docs) {
  wetee_metadata_options o = WETEE_METADATA_OPTIONS_INIT;
  o.keep_docs = keep_docs;
  return wetee_metadata_parse_rpc_response(out, json, json_len, &o);
}

/* ---- pallets ---- */
static const char *wetee_mdb_pallet_name(const wetee_metadata *md, size_t p) {
  return wetee_md_pallet_name(wetee_mdb_pallet_(md, p));
}
/* the pallet's index byte, -1 out of range */
static int wetee_mdb_pallet_index(const wetee_metadata *md, size_t p) {
  const wetee_md_pallet *pl = wetee_mdb_pallet_(md, p);
  return pl ? (int)wetee_md_pallet_index(pl) : -1;
}
/* position of the pallet called `name`, -1 when none */
static int64_t wetee_mdb_pallet_position(const wetee_metadata *md, const char *name) {
  const wetee_md_pallet *pl = wetee_metadata_pallet_by_name(md, name);
  size_t i, n = wetee_metadata_pallet_count(md);
  for (i = 0; pl && i < n; i++)
    if (wetee_metadata_pallet_at(md, i) == pl) return (int64_t)i;
  return -1;
}
static uint32_t wetee_mdb_pallet_enum_type(const wetee_metadata *md, size_t p, int kind) {
  const wetee_md_pallet *pl = wetee_mdb_pallet_(md, p);
  switch (kind) {
  case WETEE_MD_CALLS: return wetee_md_pallet_call_type(pl);
  case WETEE_MD_EVENTS: return wetee_md_pallet_event_type(pl);
  case WETEE_MD_ERRORS: return wetee_md_pallet_error_type(pl);
  default: return WETEE_METADATA_NO_TYPE;
  }
}

/* ---- calls, events, errors of a pallet ---- */
static size_t wetee_mdb_variant_count(const wetee_metadata *md, size_t p, int kind) {
  if (kind < WETEE_MD_CALLS || kind > WETEE_MD_ERRORS) return 0;
  return wetee_md_pallet_variant_count(md, wetee_mdb_pallet_(md, p), (wetee_md_enum_kind)kind);
}
static const char *wetee_mdb_variant_name(const wetee_metadata *md, size_t p, int kind, size_t j) {
  return wetee_md_variant_name(wetee_mdb_variant_(md, p, kind, j));
}
static int wetee_mdb_variant_index(const wetee_metadata *md, size_t p, int kind, size_t j) {
  const wetee_md_variant *v = wetee_mdb_variant_(md, p, kind, j);
  return v ? (int)wetee_md_variant_index(v) : -1;
}
/* the doc lines joined with "\n" */
static wetee_rc wetee_mdb_variant_docs(wetee_buf *text_out, const wetee_metadata *md, size_t p, int kind, size_t j) {
  const wetee_md_variant *v = wetee_mdb_variant_(md, p, kind, j);
  size_t i, n = wetee_md_variant_doc_count(v);
  int rc = WETEE_OK;
  for (i = 0; i < n && rc == WETEE_OK; i++) {
    const char *d = wetee_md_variant_doc(v, i);
    if (i > 0) rc = wetee_buf_append(text_out, (const uint8_t *)"\n", 1);
    if (rc == WETEE_OK) rc = wetee_buf_append(text_out, (const uint8_t *)d, strlen(d));
  }
  return rc;
}
static size_t wetee_mdb_field_count(const wetee_metadata *md, size_t p, int kind, size_t j) {
  return wetee_md_variant_field_count(wetee_mdb_variant_(md, p, kind, j));
}
/* NULL for unnamed (tuple-like) fields */
static const char *wetee_mdb_field_name(const wetee_metadata *md, size_t p, int kind, size_t j, size_t k) {
  return wetee_md_field_name(wetee_md_variant_field(wetee_mdb_variant_(md, p, kind, j), k));
}
/* the Rust type name in the source ("T::Balance"), NULL when absent */
static const char *wetee_mdb_field_type_name(const wetee_metadata *md, size_t p, int kind, size_t j, size_t k) {
  return wetee_md_field_type_name(wetee_md_variant_field(wetee_mdb_variant_(md, p, kind, j), k));
}
static uint32_t wetee_mdb_field_type(const wetee_metadata *md, size_t p, int kind, size_t j, size_t k) {
  return wetee_md_field_type(wetee_md_variant_field(wetee_mdb_variant_(md, p, kind, j), k));
}

/* ---- storage ---- */
static const char *wetee_mdb_storage_prefix(const wetee_metadata *md, size_t p) {
  return wetee_md_pallet_storage_prefix(wetee_mdb_pallet_(md, p));
}
static size_t wetee_mdb_storage_count(const wetee_metadata *md, size_t p) {
  return wetee_md_pallet_storage_count(wetee_mdb_pallet_(md, p));
}
static const char *wetee_mdb_storage_name(const wetee_metadata *md, size_t p, size_t j) {
  return wetee_md_storage_name(wetee_mdb_storage_(md, p, j));
}
/* wetee_storage_modifier, -1 out of range */
static int wetee_mdb_storage_modifier(const wetee_metadata *md, size_t p, size_t j) {
  const wetee_md_storage *s = wetee_mdb_storage_(md, p, j);
  return s ? wetee_md_storage_modifier(s) : -1;
}
static size_t wetee_mdb_storage_hasher_count(const wetee_metadata *md, size_t p, size_t j) {
  return wetee_md_storage_hasher_count(wetee_mdb_storage_(md, p, j));
}
/* wetee_storage_hasher, -1 out of range */
static int wetee_mdb_storage_hasher(const wetee_metadata *md, size_t p, size_t j, size_t k) {
  return wetee_md_storage_hasher(wetee_mdb_storage_(md, p, j), k);
}
static uint32_t wetee_mdb_storage_key_type(const wetee_metadata *md, size_t p, size_t j) {
  return wetee_md_storage_key_type(wetee_mdb_storage_(md, p, j));
}
static uint32_t wetee_mdb_storage_value_type(const wetee_metadata *md, size_t p, size_t j) {
  return wetee_md_storage_value_type(wetee_mdb_storage_(md, p, j));
}
static wetee_rc wetee_mdb_storage_default(wetee_buf *out, const wetee_metadata *md, size_t p, size_t j) {
  const wetee_md_storage *s = wetee_mdb_storage_(md, p, j);
  size_t n = 0;
  const uint8_t *d = wetee_md_storage_default(&n, s);
  if (!s) return WETEE_ERR_NOT_FOUND;
  return n > 0 ? wetee_buf_append(out, d, n) : WETEE_OK;
}

/* ---- constants ---- */
static size_t wetee_mdb_constant_count(const wetee_metadata *md, size_t p) {
  return wetee_md_pallet_constant_count(wetee_mdb_pallet_(md, p));
}
static const char *wetee_mdb_constant_name(const wetee_metadata *md, size_t p, size_t j) {
  return wetee_md_constant_name(wetee_mdb_constant_(md, p, j));
}
static uint32_t wetee_mdb_constant_type(const wetee_metadata *md, size_t p, size_t j) {
  return wetee_md_constant_type(wetee_mdb_constant_(md, p, j));
}
/* the SCALE bytes of the value */
static wetee_rc wetee_mdb_constant_value(wetee_buf *out, const wetee_metadata *md, size_t p, size_t j) {
  const wetee_md_constant *c = wetee_mdb_constant_(md, p, j);
  size_t n = 0;
  const uint8_t *d = wetee_md_constant_value(&n, c);
  if (!c) return WETEE_ERR_NOT_FOUND;
  return n > 0 ? wetee_buf_append(out, d, n) : WETEE_OK;
}

/* ---- runtime APIs (V15+) ---- */
static const char *wetee_mdb_api_name(const wetee_metadata *md, size_t a) {
  return wetee_md_runtime_api_name(wetee_metadata_runtime_api_at(md, a));
}
static size_t wetee_mdb_api_method_count(const wetee_metadata *md, size_t a) {
  return wetee_md_runtime_api_method_count(wetee_metadata_runtime_api_at(md, a));
}
static const char *wetee_mdb_api_method_name(const wetee_metadata *md, size_t a, size_t m) {
  return wetee_md_method_name(wetee_md_runtime_api_method_at(wetee_metadata_runtime_api_at(md, a), m));
}

/* ---- types ---- */
/* "sp_runtime::multiaddress::MultiAddress"; "" for types without a path */
static wetee_rc wetee_mdb_type_path(wetee_buf *text_out, const wetee_metadata *md, uint32_t id) {
  const wetee_md_type *t = wetee_metadata_type(md, id);
  if (!t) return WETEE_ERR_NOT_FOUND;
  return wetee_md_type_path_string(text_out, t);
}
%}

unsigned wetee_metadata_version(const wetee_metadata *md);
const char *wetee_metadata_spec_name(const wetee_metadata *md);
wetee_rc wetee_metadata_spec_version(uint32_t *out, const wetee_metadata *md);
wetee_rc wetee_metadata_transaction_version(uint32_t *out, const wetee_metadata *md);
wetee_rc wetee_metadata_ss58_prefix(uint16_t *out, const wetee_metadata *md);
size_t wetee_metadata_type_count(const wetee_metadata *md);
size_t wetee_metadata_pallet_count(const wetee_metadata *md);
size_t wetee_metadata_runtime_api_count(const wetee_metadata *md);
void wetee_metadata_free(wetee_metadata *md);

/* ---- RFC-0078 metadata hash (wetee/metadata_hash.h; V15 metadata only) ---- */
%constant unsigned WETEE_METADATA_HASH_BYTES = WETEE_METADATA_HASH_BYTES;
%inline %{
/* spec name, spec version and SS58 prefix from the metadata; decimals and
   the token symbol from the chain properties */
static wetee_rc wetee_mdb_hash(uint8_t out[32], const wetee_metadata *md, unsigned decimals, const char *token_symbol) {
  wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
  if (decimals > 255) return WETEE_ERR_INVALID_ARGUMENT;
  info.decimals = (uint8_t)decimals;
  info.token_symbol = token_symbol;
  return wetee_metadata_hash(out, md, &info);
}
static wetee_rc wetee_mdb_digest(wetee_buf *out, const wetee_metadata *md, unsigned decimals, const char *token_symbol) {
  wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
  if (decimals > 255) return WETEE_ERR_INVALID_ARGUMENT;
  info.decimals = (uint8_t)decimals;
  info.token_symbol = token_symbol;
  return wetee_metadata_digest(out, md, &info);
}
%}

/* ---- registry types by id (for the bindings' JSON post-processing) ---- */
%inline %{
/* wetee_type_kind, -1 for an unknown id */
static int wetee_mdb_type_kind(const wetee_metadata *md, uint32_t id) {
  return wetee_md_type_kind(wetee_metadata_type(md, id));
}
/* wetee_primitive of a primitive type, else -1 */
static int wetee_mdb_type_primitive(const wetee_metadata *md, uint32_t id) {
  return wetee_md_type_primitive(wetee_metadata_type(md, id));
}
/* element type of a sequence, array or compact; the store type of nothing else */
static uint32_t wetee_mdb_type_elem(const wetee_metadata *md, uint32_t id) {
  return wetee_md_type_elem(wetee_metadata_type(md, id));
}
static size_t wetee_mdb_type_tuple_len(const wetee_metadata *md, uint32_t id) {
  return wetee_md_type_tuple_len(wetee_metadata_type(md, id));
}
static uint32_t wetee_mdb_type_tuple_elem(const wetee_metadata *md, uint32_t id, size_t i) {
  return wetee_md_type_tuple_elem(wetee_metadata_type(md, id), i);
}
/* composite fields */
static size_t wetee_mdb_type_field_count(const wetee_metadata *md, uint32_t id) {
  return wetee_md_type_field_count(wetee_metadata_type(md, id));
}
static const char *wetee_mdb_type_field_name(const wetee_metadata *md, uint32_t id, size_t k) {
  return wetee_md_field_name(wetee_md_type_field(wetee_metadata_type(md, id), k));
}
static uint32_t wetee_mdb_type_field_type(const wetee_metadata *md, uint32_t id, size_t k) {
  return wetee_md_field_type(wetee_md_type_field(wetee_metadata_type(md, id), k));
}
/* variants and their fields */
static size_t wetee_mdb_type_variant_count(const wetee_metadata *md, uint32_t id) {
  return wetee_md_type_variant_count(wetee_metadata_type(md, id));
}
static const char *wetee_mdb_type_variant_name(const wetee_metadata *md, uint32_t id, size_t j) {
  return wetee_md_variant_name(wetee_md_type_variant(wetee_metadata_type(md, id), j));
}
static size_t wetee_mdb_type_variant_field_count(const wetee_metadata *md, uint32_t id, size_t j) {
  return wetee_md_variant_field_count(wetee_md_type_variant(wetee_metadata_type(md, id), j));
}
static const char *wetee_mdb_type_variant_field_name(const wetee_metadata *md, uint32_t id, size_t j, size_t k) {
  return wetee_md_field_name(wetee_md_variant_field(wetee_md_type_variant(wetee_metadata_type(md, id), j), k));
}
static uint32_t wetee_mdb_type_variant_field_type(const wetee_metadata *md, uint32_t id, size_t j, size_t k) {
  return wetee_md_field_type(wetee_md_variant_field(wetee_md_type_variant(wetee_metadata_type(md, id), j), k));
}
%}

/* ---- dynamic values through JSON (wetee/value.h) ---- */
#ifdef SWIGPYTHON
%thread wetee_mdb_events_decode;
#endif
%{
static wetee_json_options wetee_mdb_json_opts_(int camel_case) {
  wetee_json_options o = WETEE_JSON_OPTIONS_INIT;
  o.camel_case = camel_case;
  return o;
}
%}
%inline %{
/* the SCALE bytes of registry type `type` from JSON text */
static wetee_rc wetee_mdb_encode(wetee_buf *out, const wetee_metadata *md, uint32_t type, const char *json,
                                 size_t json_len) {
  return wetee_value_encode_json(out, md, type, json, json_len);
}
/* JSON text of the SCALE bytes (all of them) of registry type `type` */
static wetee_rc wetee_mdb_decode(wetee_buf *text_out, const wetee_metadata *md, uint32_t type, const uint8_t *data,
                                 size_t len, int camel_case) {
  wetee_json_options o = wetee_mdb_json_opts_(camel_case);
  return wetee_value_decode_json(text_out, md, type, data, len, &o);
}
/* call bytes from pallet and call names and the arguments as JSON ("" for none) */
static wetee_rc wetee_mdb_call_encode(wetee_buf *out, const wetee_metadata *md, const char *pallet, const char *call,
                                      const char *json, size_t json_len) {
  return wetee_call_encode_json(out, md, pallet, call, json, json_len);
}
static wetee_rc wetee_mdb_call_decode(wetee_buf *text_out, const wetee_metadata *md, const uint8_t *data, size_t len,
                                      int camel_case) {
  wetee_json_options o = wetee_mdb_json_opts_(camel_case);
  return wetee_call_decode_json(text_out, md, data, len, &o);
}
/* the storage key of entry j of pallet position p for the keys as a JSON array ("" or "[]": the prefix) */
static wetee_rc wetee_mdb_storage_key(wetee_buf *out, const wetee_metadata *md, size_t p, size_t j, const char *json,
                                      size_t json_len) {
  const wetee_md_storage *s = wetee_mdb_storage_(md, p, j);
  if (!s) return WETEE_ERR_NOT_FOUND;
  return wetee_storage_key_json(out, md, s, json, json_len);
}
/* a storage value to JSON; absent != 0: the storage has no value (default or null) */
static wetee_rc wetee_mdb_storage_decode(wetee_buf *text_out, const wetee_metadata *md, size_t p, size_t j,
                                         const uint8_t *data, size_t len, int absent, int camel_case) {
  const wetee_md_storage *s = wetee_mdb_storage_(md, p, j);
  wetee_json_options o = wetee_mdb_json_opts_(camel_case);
  if (!s) return WETEE_ERR_NOT_FOUND;
  return wetee_storage_value_decode_json(text_out, md, s, absent ? NULL : data, absent ? 0 : len, &o);
}
/* the value of System.Events to a JSON array */
static wetee_rc wetee_mdb_events_decode(wetee_buf *text_out, const wetee_metadata *md, const uint8_t *data, size_t len,
                                        int camel_case) {
  wetee_json_options o = wetee_mdb_json_opts_(camel_case);
  return wetee_events_decode_json(text_out, md, data, len, &o);
}
static wetee_rc wetee_mdb_dispatch_error(wetee_buf *text_out, const wetee_metadata *md, const uint8_t *data,
                                         size_t len, int camel_case) {
  wetee_json_options o = wetee_mdb_json_opts_(camel_case);
  return wetee_dispatch_error_json(text_out, md, data, len, &o);
}
%}
