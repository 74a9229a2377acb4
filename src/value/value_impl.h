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
/* Is `t` Option<T> (path "Option", variants None/Some)? */
int wt_type_is_option(const struct wetee_md_type *t);

/* JSON of a value with the metadata's type information (jansson tree). */
json_t *wt_value_to_jansson(const wetee_metadata *md, const wetee_value *v, const wetee_json_options *o,
                            int ss58, unsigned depth);
/* Children of a list node: object when named, array otherwise, null when
 * none; a single unnamed child bare when `unwrap_one`. */
json_t *wt_value_fields_to_jansson(const wetee_metadata *md, const wetee_value *v, const wetee_json_options *o,
                                   int ss58, unsigned depth, int unwrap_one);
/* Encode call arguments / variant fields from a list value (named or positional). */
int wt_value_encode_fields(wetee_buf *out, const wetee_metadata *md, const struct wetee_md_field *f, uint32_t nf,
                           const wetee_value *args, const char *path);
/* Effective SS58 prefix of the options. */
int wt_json_ss58(const wetee_metadata *md, const wetee_json_options *o);
/* Check the options struct. */
int wt_json_opts(const wetee_json_options *o);
/* Serialise a jansson tree into `out` (replacing it); steals `j`. */
int wt_json_dump(wetee_buf *out, json_t *j);

/* Encode / decode with an initial error path (e.g. "dest", "key[0]"). */
int wt_value_encode_at(wetee_buf *out, const wetee_metadata *md, uint32_t type, const wetee_value *v,
                       const char *path);
int wt_value_decode_at(wetee_value **out, size_t *consumed, const wetee_metadata *md, uint32_t type,
                       const uint8_t *data, size_t len, const char *path);

#endif
