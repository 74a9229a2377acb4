/* A bounded protobuf wire-format reader (src/core/protobuf.c). Not
 * installed.
 *
 * Reads one message's fields in order without allocating: every length is
 * checked against what remains, varints are at most 10 bytes and must fit
 * 64 bits, field numbers are 1..2^29-1, the deprecated group wire types (3,
 * 4) are refused, and nested messages are read with wt_pb_sub(), which
 * counts depth up to WT_PB_MAX_DEPTH. Nothing recurses. Errors set
 * wetee_last_error() to "<what>: protobuf at offset N: <reason>", with N
 * counted from the outermost message.
 *
 * Typical use:
 *     wt_pb_reader r; wt_pb_field f; int rc;
 *     wt_pb_init(&r, data, len, "attest: TeeCall");
 *     while ((rc = wt_pb_next(&r, &f)) > 0) switch (f.number) { ... }
 *     if (rc < 0) return rc;
 */
#ifndef WETEE_INTERNAL_PROTOBUF_H
#define WETEE_INTERNAL_PROTOBUF_H

#include <stddef.h>
#include <stdint.h>

/* Nesting accepted by wt_pb_sub() (the outermost message is depth 0). */
#define WT_PB_MAX_DEPTH 16

enum { WT_PB_VARINT = 0, WT_PB_I64 = 1, WT_PB_LEN = 2, WT_PB_I32 = 5 };

typedef struct wt_pb_reader {
    const uint8_t *data;
    size_t len, pos;
    size_t base;      /* offset of data[0] in the outermost message */
    unsigned depth;
    const char *what; /* "<module>: <message>" for error details */
} wt_pb_reader;

typedef struct wt_pb_field {
    uint32_t number;
    int wire;             /* WT_PB_* */
    uint64_t value;       /* VARINT, I64, I32 */
    const uint8_t *data;  /* LEN: the payload */
    size_t len;
    const uint8_t *raw;   /* the whole field, tag included */
    size_t raw_len;
    size_t offset;        /* of the tag, from the outermost message */
} wt_pb_field;

/* Start reading `len` bytes as one message. */
void wt_pb_init(wt_pb_reader *r, const uint8_t *data, size_t len, const char *what);

/* Read the next field: 1 and *f filled; 0 at the end; a negative
 * wetee_status (WETEE_ERR_TRUNCATED, WETEE_ERR_DECODE) with the detail set. */
int wt_pb_next(wt_pb_reader *r, wt_pb_field *f);

/* Read a LEN field `f` of `parent` as a nested message: WETEE_OK, or
 * WETEE_ERR_DECODE (not LEN) / WETEE_ERR_DEPTH (deeper than
 * WT_PB_MAX_DEPTH). */
int wt_pb_sub(wt_pb_reader *child, const wt_pb_reader *parent, const wt_pb_field *f, const char *what);

/* Error helpers naming the field: "<what>: protobuf at offset N: field K
 * (<name>): <reason>". Return `code`. */
int wt_pb_field_error(const wt_pb_reader *r, const wt_pb_field *f, int code, const char *name, const char *reason);

/* Check a field's wire type: WETEE_OK or WETEE_ERR_DECODE with the detail. */
int wt_pb_expect(const wt_pb_reader *r, const wt_pb_field *f, int wire, const char *name);

/* Read a varint at data[*pos] (pos < len): WETEE_OK and *pos advanced;
 * WETEE_ERR_TRUNCATED or WETEE_ERR_DECODE (more than 64 bits), no detail. */
int wt_pb_varint(const uint8_t *data, size_t len, size_t *pos, uint64_t *value);

#endif
