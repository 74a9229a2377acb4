/* Private helpers shared by every libwetee module. Not installed. */
#ifndef WETEE_INTERNAL_COMMON_H
#define WETEE_INTERNAL_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "wetee/core.h"

#if defined(__GNUC__) || defined(__clang__)
#define WT_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define WT_LIKELY(x) __builtin_expect(!!(x), 1)
#define WT_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define WT_PRINTF(a, b)
#define WT_LIKELY(x) (x)
#define WT_UNLIKELY(x) (x)
#endif

/* Allocation through the hooks set by wetee_set_allocator(). */
void *wt_malloc(size_t size);
void *wt_calloc(size_t n, size_t size); /* checks n*size overflow, zeroes */
void *wt_realloc(void *ptr, size_t size);
void wt_free(void *ptr);
/* Wipe `size` bytes then free. */
void wt_free_secure(void *ptr, size_t size);

/* libsodium, initialised once and thread-safely (pthread_once) before any
 * use: WETEE_OK, or WETEE_ERR_CRYPTO with "<module>: libsodium
 * initialisation failed". Every libsodium call that needs sodium_init()
 * (the RNG, runtime-dispatched primitives) goes through these. */
int wt_sodium_ready(const char *module);
/* Fill `buf` with `len` bytes of libsodium's RNG after wt_sodium_ready(). */
int wt_random(void *buf, size_t len, const char *module);

/* Install, once, jansson allocation hooks that route jansson's blocks
 * through the libwetee allocator and wipe them when freed; blocks allocated
 * before go back to the functions jansson had then (src/core/json_alloc.c).
 * Called before any jansson use that may hold secrets. */
void wt_json_wiping_hooks(void);
/* Release text returned by json_dumps() (and any other block jansson
 * allocated for the caller) with jansson's current free function: once the
 * wiping hooks are installed, those blocks are not malloc() blocks, so free()
 * must never be used on them. NULL is ignored. */
void wt_json_text_free(char *s);

/* Lock the pages of [p, p+len) in RAM (best effort), counting references
 * per page so that wt_unlock_pages() of one object never unlocks a page
 * another locked object still uses (src/core/lockpages.c). Thread-safe.
 * Neither function wipes: wipe the object first. */
void wt_lock_pages(const void *p, size_t len);
void wt_unlock_pages(const void *p, size_t len);

/* Record an error detail for this thread and return `code`.
 * The detail is "<fmt expanded>"; callers start it with "<module>: ". */
int wt_error(int code, const char *fmt, ...) WT_PRINTF(2, 3);

/* Ensure room for `additional` bytes after buf->len. */
int wt_buf_grow(wetee_buf *buf, size_t additional);
/* Terminate a text buffer with NUL (not counted in len). */
int wt_buf_terminate(wetee_buf *buf);

/* Inputs that overlap the output buffer (the rule in core.h, "Inputs
 * inside the output buffer"): every function that writes into a wetee_buf
 * reads its inputs as they were at the call, even when they lie inside that
 * buffer's block (which growing it frees, and which replacing its content
 * overwrites). 1 when [p, p + n) intersects [buf->data, buf->data + buf->cap). */
static inline int wt_buf_overlaps(const wetee_buf *buf, const void *p, size_t n)
{
    uintptr_t a = (uintptr_t)p, d = (uintptr_t)buf->data;
    if (n == 0 || buf->data == NULL || p == NULL) return 0;
    return a >= d ? a - d < buf->cap : d - a < n;
}
/* A copy of `n` bytes (n > 0) freed with wt_free_secure(copy, n): inputs
 * may be secrets. NULL (with the error detail set) when out of memory. */
void *wt_input_copy(const void *p, size_t n);
/* When `ptr` (n bytes) lies inside `buf`'s block, point it at a private copy
 * kept in `copy` (a void * the caller set to NULL, released afterwards with
 * wt_free_secure(copy, n)). Use before anything else that must be undone:
 * it returns WETEE_ERR_NO_MEMORY from the caller when the copy fails. */
#define WT_DETACH(buf, ptr, n, copy)                                                               \
    do {                                                                                           \
        if (WT_UNLIKELY(wt_buf_overlaps((buf), (ptr), (n)))) {                                     \
            if (((copy) = wt_input_copy((ptr), (n))) == NULL) return WETEE_ERR_NO_MEMORY;          \
            (ptr) = (copy);                                                                        \
        }                                                                                          \
    } while (0)

/* Release the copy made by WT_DETACH (nothing when none was made). */
#define WT_RELEASE(copy, n)                                                                        \
    do {                                                                                           \
        if (WT_UNLIKELY((copy) != NULL)) wt_free_secure((copy), (n));                              \
    } while (0)

/* Overflow-checked size arithmetic on caller-supplied lengths: 1 and *out
 * set when a + b (a * b) fits a size_t, 0 otherwise. */
static inline int wt_size_add(size_t *out, size_t a, size_t b)
{
    if (a > SIZE_MAX - b) return 0;
    *out = a + b;
    return 1;
}
static inline int wt_size_mul(size_t *out, size_t a, size_t b)
{
    if (b != 0 && a > SIZE_MAX / b) return 0;
    *out = a * b;
    return 1;
}

/* Null-argument check returning WETEE_ERR_INVALID_ARGUMENT with a detail
 * naming the function and parameter. */
#define WT_ARG(cond, module, what)                                                                 \
    do {                                                                                           \
        if (WT_UNLIKELY(!(cond)))                                                                  \
            return wt_error(WETEE_ERR_INVALID_ARGUMENT, "%s: %s: invalid argument: %s", module,     \
                            __func__, what);                                                       \
    } while (0)

/* No object is larger than PTRDIFF_MAX bytes: a length above it is a
 * caller's mistake, rejected before anything is read (core.h, "Lengths"). */
#define WT_LEN_MAX ((size_t)PTRDIFF_MAX)

/* An input length above WT_LEN_MAX: WETEE_ERR_TOO_LONG. */
#define WT_ARG_LEN(len, module)                                                                    \
    do {                                                                                           \
        if (WT_UNLIKELY((size_t)(len) > WT_LEN_MAX))                                               \
            return wt_error(WETEE_ERR_TOO_LONG, "%s: %s: " #len " of %zu is larger than any object", \
                            module, __func__, (size_t)(len));                                      \
    } while (0)

/* An input: its pointer may be NULL only when its length is 0, and its
 * length is at most WT_LEN_MAX. */
#define WT_ARG_DATA(ptr, len, module)                                                              \
    do {                                                                                           \
        WT_ARG((ptr) != NULL || (len) == 0, module, #ptr " is NULL");                              \
        WT_ARG_LEN(len, module);                                                                   \
    } while (0)

/* The size of a caller's output buffer: at most WT_LEN_MAX
 * (WETEE_ERR_INVALID_ARGUMENT). */
#define WT_ARG_OUT_LEN(len, module) WT_ARG((size_t)(len) <= WT_LEN_MAX, module, #len " larger than any object")

static inline void wt_store_le16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static inline void wt_store_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}
static inline void wt_store_le64(uint8_t *p, uint64_t v)
{
    wt_store_le32(p, (uint32_t)v);
    wt_store_le32(p + 4, (uint32_t)(v >> 32));
}
static inline uint16_t wt_load_le16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static inline uint32_t wt_load_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static inline uint64_t wt_load_le64(const uint8_t *p)
{
    return (uint64_t)wt_load_le32(p) | ((uint64_t)wt_load_le32(p + 4) << 32);
}
static inline void wt_store_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}
static inline uint32_t wt_load_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* Validate UTF-8 (RFC 3629: no overlongs, no surrogates, max U+10FFFF).
 * Returns 1 when valid; otherwise 0 and, when bad_offset is not NULL,
 * *bad_offset = offset of the first byte of the first invalid or incomplete
 * sequence (the length of the valid prefix, as Rust's
 * Utf8Error::valid_up_to), not of the byte where the problem was found. */
int wt_utf8_valid(const uint8_t *s, size_t len, size_t *bad_offset);

#endif
