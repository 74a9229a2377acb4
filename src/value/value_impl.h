/* Private helpers shared by the files of the value module. Not installed. */
#ifndef WETEE_VALUE_IMPL_H
#define WETEE_VALUE_IMPL_H

#include <jansson.h>

#include "internal/metadata.h"
#include "wetee/value.h"

/* Nesting limit of every walk over values, JSON and the type graph. */
#define WT_VALUE_MAX_DEPTH 128

struct wetee_value {
    struct wetee_value *parent; /* set when appended; NULL for roots */
    uint8_t kind;
    uint8_t has_index;
    uint8_t index;
    uint32_t type; /* registry type when decoded, WT_MD_NONE otherwise */
    union {
        int b;
        uint8_t num[32]; /* UINT: magnitude; INT: two's complement; little-endian */
        struct {
            uint8_t *p; /* STRING (NUL-terminated), BYTES, BITS (packed) */
            size_t len; /* bytes, or bits for BITS */
        } blob;
        struct {
            wetee_value **items;
            char **names; /* NULL until a named child is appended */
            size_t n, cap;
            char *vname; /* VARIANT name or NULL */
        } list;
    } u;
};

/* New node of `kind` (zeroed, type WT_MD_NONE). */
wetee_value *wt_value_alloc(uint8_t kind);
/* Append without copying `name` (taken over, may be NULL). Frees both on error. */
int wt_value_push(wetee_value *parent, char *name, wetee_value *child);
/* strdup through the allocator hooks */
char *wt_value_strdup(const char *s, size_t n);

/* A number as sign and 256-bit magnitude. */
typedef struct wt_num {
    uint8_t mag[32];
    int neg;
} wt_num;

/* Number from a UINT/INT/STRING (decimal or 0x hex) value.
 * Returns WETEE_OK, or WETEE_ERR_DECODE / WETEE_ERR_OVERFLOW with *why set. */
int wt_num_from_value(wt_num *n, const wetee_value *v, const char **why);
/* Decimal text of a number into `out` (at least 80 bytes). */
void wt_num_to_decimal(char *out, const wt_num *n);
/* Number of significant bits of the magnitude. */
unsigned wt_num_bits(const wt_num *n);
void wt_num_from_value_bits(wt_num *n, const wetee_value *v); /* UINT/INT only */

/* polkadot.js stringCamelCase into `out` (cap bytes incl. NUL). */
void wt_camel_case(char *out, size_t cap, const char *in);
/* name == want, or camelCase(name) == want */
int wt_name_matches(const char *name, const char *want);

/* Last path segment of a type, or "" */
const char *wt_type_last_path(const struct wetee_md_type *t);
/* Is `t` wrevive's big-endian U256 (a composite with path wrevive::U256
 * around [u8; 32], made by the contract module's ABIs)? It encodes from and
 * writes to JSON as a number. */
int wt_type_is_u256be(const struct wetee_md_type *t);
/* Is `t` Option<T> (path "Option", variants None/Some)? */
int wt_type_is_option(const struct wetee_md_type *t);

/* Direct JSON writer into a wetee_buf (appends; `err` keeps the first
 * failure, after which nothing more is written). */
typedef struct wt_jw {
    wetee_buf *b;
    int err;
} wt_jw;
void wt_jw_raw(wt_jw *w, const char *s, size_t n);
void wt_jw_cstr(wt_jw *w, const char *s);
void wt_jw_str(wt_jw *w, const char *s, size_t n); /* quoted and escaped */
void wt_jw_hex(wt_jw *w, const uint8_t *p, size_t n); /* "0x..." */
/* A value with its registry types (see docs/metadata.md). */
void wt_jw_value(wt_jw *w, const wetee_metadata *md, const wetee_value *v, const wetee_json_options *o, int ss58,
                 unsigned depth);
/* Children of a list node: object when all named (and distinct), array
 * otherwise, null when none; a single unnamed child bare when `unwrap_one`. */
void wt_jw_fields(wt_jw *w, const wetee_metadata *md, const wetee_value *v, const wetee_json_options *o, int ss58,
                  unsigned depth, int unwrap_one);
/* NUL-terminate, or turn `err` into an error detail. */
int wt_jw_finish(wt_jw *w);
/* Does every variant of a variant type lack fields? */
int wt_type_basic_enum(const struct wetee_md_type *t);
/* Encode call arguments / variant fields from a list value (named or positional). */
int wt_value_encode_fields(wetee_buf *out, const wetee_metadata *md, const struct wetee_md_field *f, uint32_t nf,
                           const wetee_value *args, const char *path);
/* Effective SS58 prefix of the options. */
int wt_json_ss58(const wetee_metadata *md, const wetee_json_options *o);
/* Check the options struct. */
int wt_json_opts(const wetee_json_options *o);

/* Encode / decode with an initial error path (e.g. "dest", "key[0]"). */
int wt_value_encode_at(wetee_buf *out, const wetee_metadata *md, uint32_t type, const wetee_value *v,
                       const char *path);
int wt_value_decode_at(wetee_value **out, size_t *consumed, const wetee_metadata *md, uint32_t type,
                       const uint8_t *data, size_t len, const char *path);

#endif
