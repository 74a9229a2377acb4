/* Bounded protobuf wire-format reader (src/internal/protobuf.h). */
#include "internal/protobuf.h"

#include <stdio.h>

#include "internal/common.h"

void wt_pb_init(wt_pb_reader *r, const uint8_t *data, size_t len, const char *what)
{
    r->data = data;
    r->len = len;
    r->pos = 0;
    r->base = 0;
    r->depth = 0;
    r->what = what;
}

int wt_pb_varint(const uint8_t *data, size_t len, size_t *pos, uint64_t *value)
{
    uint64_t v = 0;
    size_t p = *pos;
    for (unsigned i = 0; i < 10; i++) {
        uint8_t b;
        if (p >= len) return WETEE_ERR_TRUNCATED;
        b = data[p++];
        /* the tenth byte holds bit 63 only */
        if (i == 9 && b > 1) return WETEE_ERR_DECODE;
        v |= (uint64_t)(b & 0x7f) << (7 * i);
        if (!(b & 0x80)) {
            *pos = p;
            *value = v;
            return WETEE_OK;
        }
    }
    return WETEE_ERR_DECODE;
}

static int fail(const wt_pb_reader *r, size_t at, int code, const char *reason)
{
    return wt_error(code, "%s: protobuf at offset %zu: %s", r->what, r->base + at, reason);
}

int wt_pb_next(wt_pb_reader *r, wt_pb_field *f)
{
    uint64_t tag, v;
    size_t start = r->pos, p = r->pos;
    int rc;
    if (r->pos >= r->len) return 0;
    if ((rc = wt_pb_varint(r->data, r->len, &p, &tag)) != WETEE_OK)
        return fail(r, start, rc, rc == WETEE_ERR_TRUNCATED ? "tag varint truncated" : "tag varint longer than 64 bits");
    if ((tag >> 3) == 0 || (tag >> 3) > 0x1fffffff) return fail(r, start, WETEE_ERR_DECODE, "field number 0 or above 2^29-1");
    f->number = (uint32_t)(tag >> 3);
    f->wire = (int)(tag & 7);
    f->data = NULL;
    f->len = 0;
    f->value = 0;
    switch (f->wire) {
    case WT_PB_VARINT:
        if ((rc = wt_pb_varint(r->data, r->len, &p, &v)) != WETEE_OK)
            return fail(r, p, rc, rc == WETEE_ERR_TRUNCATED ? "varint truncated" : "varint longer than 64 bits");
        f->value = v;
        break;
    case WT_PB_I64:
    case WT_PB_I32: {
        size_t n = f->wire == WT_PB_I64 ? 8 : 4;
        if (r->len - p < n) return fail(r, p, WETEE_ERR_TRUNCATED, "fixed-size value truncated");
        f->value = n == 8 ? wt_load_le64(r->data + p) : wt_load_le32(r->data + p);
        p += n;
        break;
    }
    case WT_PB_LEN:
        if ((rc = wt_pb_varint(r->data, r->len, &p, &v)) != WETEE_OK)
            return fail(r, p, rc, rc == WETEE_ERR_TRUNCATED ? "length varint truncated" : "length longer than 64 bits");
        if (v > r->len - p) return fail(r, p, WETEE_ERR_TRUNCATED, "length runs past the end of the message");
        f->data = r->data + p;
        f->len = (size_t)v;
        p += (size_t)v;
        break;
    default:
        return fail(r, start, WETEE_ERR_DECODE, "group or unknown wire type (3, 4, 6, 7)");
    }
    f->raw = r->data + start;
    f->raw_len = p - start;
    f->offset = r->base + start;
    r->pos = p;
    return 1;
}

int wt_pb_sub(wt_pb_reader *child, const wt_pb_reader *parent, const wt_pb_field *f, const char *what)
{
    if (f->wire != WT_PB_LEN)
        return wt_error(WETEE_ERR_DECODE, "%s: protobuf at offset %zu: field %u is not a message", parent->what, f->offset,
                        (unsigned)f->number);
    if (parent->depth + 1 > WT_PB_MAX_DEPTH)
        return wt_error(WETEE_ERR_DEPTH, "%s: protobuf at offset %zu: messages nested deeper than %d", parent->what,
                        f->offset, WT_PB_MAX_DEPTH);
    child->data = f->data;
    child->len = f->len;
    child->pos = 0;
    child->base = parent->base + (size_t)(f->data - parent->data);
    child->depth = parent->depth + 1;
    child->what = what;
    return WETEE_OK;
}

int wt_pb_field_error(const wt_pb_reader *r, const wt_pb_field *f, int code, const char *name, const char *reason)
{
    return wt_error(code, "%s: protobuf at offset %zu: field %u (%s): %s", r->what, f->offset, (unsigned)f->number, name,
                    reason);
}

int wt_pb_expect(const wt_pb_reader *r, const wt_pb_field *f, int wire, const char *name)
{
    static const char *const wires[] = {"varint", "64-bit", "length-delimited", "", "", "32-bit"};
    char why[64];
    if (f->wire == wire) return WETEE_OK;
    snprintf(why, sizeof why, "expected a %s value", wires[wire]);
    return wt_pb_field_error(r, f, WETEE_ERR_DECODE, name, why);
}
