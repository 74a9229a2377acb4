/* Allocator hooks and owned buffers. */
#include <stdlib.h>

#include <sodium.h>

#include "internal/common.h"

static void *default_malloc(size_t size, void *ctx) { (void)ctx; return malloc(size); }
static void *default_realloc(void *ptr, size_t size, void *ctx) { (void)ctx; return realloc(ptr, size); }
static void default_free(void *ptr, void *ctx) { (void)ctx; free(ptr); }

static wetee_allocator wt_alloc = { WETEE_ALLOCATOR_VERSION, default_malloc, default_realloc, default_free, NULL };

int wetee_set_allocator(const wetee_allocator *alloc)
{
    if (alloc == NULL) {
        wetee_allocator def = { WETEE_ALLOCATOR_VERSION, default_malloc, default_realloc, default_free, NULL };
        wt_alloc = def;
        return WETEE_OK;
    }
    if (alloc->version != WETEE_ALLOCATOR_VERSION)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "core: wetee_set_allocator: unknown version %u", alloc->version);
    if (!alloc->malloc_fn || !alloc->realloc_fn || !alloc->free_fn)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "core: wetee_set_allocator: a function pointer is NULL");
    wt_alloc = *alloc;
    return WETEE_OK;
}

void *wt_malloc(size_t size) { return wt_alloc.malloc_fn(size ? size : 1, wt_alloc.ctx); }

void *wt_calloc(size_t n, size_t size)
{
    void *p;
    if (size && n > SIZE_MAX / size) return NULL;
    p = wt_malloc(n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

void *wt_realloc(void *ptr, size_t size) { return wt_alloc.realloc_fn(ptr, size ? size : 1, wt_alloc.ctx); }

void wt_free(void *ptr)
{
    if (ptr) wt_alloc.free_fn(ptr, wt_alloc.ctx);
}

void wt_free_secure(void *ptr, size_t size)
{
    if (!ptr) return;
    sodium_memzero(ptr, size);
    wt_alloc.free_fn(ptr, wt_alloc.ctx);
}

void *wt_input_copy(const void *p, size_t n)
{
    void *c = wt_malloc(n);
    if (!c) {
        wt_error(WETEE_ERR_NO_MEMORY, "core: cannot copy %zu bytes of input that overlaps the output buffer", n);
        return NULL;
    }
    memcpy(c, p, n);
    return c;
}

void wetee_wipe(void *ptr, size_t len)
{
    if (ptr && len && len <= WT_LEN_MAX) sodium_memzero(ptr, len);
}

int wetee_ct_equal(const void *a, const void *b, size_t len)
{
    const volatile uint8_t *x = a, *y = b;
    uint8_t acc = 0;
    size_t i;
    if (len == 0) return 1;
    if (!a || !b || len > WT_LEN_MAX) return 0;
    for (i = 0; i < len; i++) acc |= (uint8_t)(x[i] ^ y[i]);
    return (int)(1 & ((uint32_t)(acc - 1) >> 8));
}

/* ---- wetee_buf ---- */

int wt_buf_grow(wetee_buf *buf, size_t additional)
{
    size_t need, cap;
    uint8_t *p;
    if (WT_UNLIKELY(buf->len > WT_LEN_MAX || additional > WT_LEN_MAX - buf->len - 1))
        return wt_error(WETEE_ERR_NO_MEMORY, "core: buffer: %zu more bytes would exceed the largest object size",
                        additional);
    need = buf->len + additional + 1; /* one spare byte for a text terminator */
    if (need <= buf->cap) return WETEE_OK;
    cap = buf->cap < 64 ? 64 : buf->cap;
    while (cap < need) cap = cap > WT_LEN_MAX / 2 ? need : cap * 2;
    /* Never realloc: a buffer may hold secrets, so the old block is wiped
     * before it is released rather than left behind by a moving realloc. */
    p = wt_malloc(cap);
    if (!p) return wt_error(WETEE_ERR_NO_MEMORY, "core: buffer: cannot allocate %zu bytes", cap);
    if (buf->data) {
        memcpy(p, buf->data, buf->len);
        wt_free_secure(buf->data, buf->cap);
    }
    buf->data = p;
    buf->cap = cap;
    return WETEE_OK;
}

int wt_buf_terminate(wetee_buf *buf)
{
    int rc = wt_buf_grow(buf, 0);
    if (rc) return rc;
    buf->data[buf->len] = 0;
    return WETEE_OK;
}

void wetee_buf_free(wetee_buf *buf)
{
    if (!buf) return;
    wt_free(buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}

void wetee_buf_free_secure(wetee_buf *buf)
{
    if (!buf) return;
    wt_free_secure(buf->data, buf->cap);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}

int wetee_buf_reserve(wetee_buf *buf, size_t additional)
{
    WT_ARG(buf != NULL, "core", "buf is NULL");
    return wt_buf_grow(buf, additional);
}

int wetee_buf_append(wetee_buf *buf, const uint8_t *data, size_t len)
{
    void *copy = NULL;
    int rc;
    WT_ARG(buf != NULL, "core", "buf is NULL");
    WT_ARG_DATA(data, len, "core");
    if (len == 0) return WETEE_OK;
    WT_DETACH(buf, data, len, copy);
    if ((rc = wt_buf_grow(buf, len)) == WETEE_OK) {
        memcpy(buf->data + buf->len, data, len);
        buf->len += len;
    }
    wt_free_secure(copy, len);
    return rc;
}

void wetee_buf_clear(wetee_buf *buf)
{
    if (buf) buf->len = 0;
}
