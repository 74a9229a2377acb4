/* Wiping allocation hooks for jansson.
 *
 * jansson copies every string it parses or builds (the lexer's buffer, the
 * value) and frees those copies itself, so an unencrypted keystore's secret
 * would be left in freed heap. json_set_alloc_funcs() is process-wide and
 * the application may use jansson too, so the hooks are installed once
 * (wt_json_wiping_hooks(), pthread_once) and are safe for every block:
 *
 * - blocks allocated through them come from the libwetee allocator with a
 *   header holding their size, are recorded in a set of live blocks, and
 *   are wiped over their whole size when freed;
 * - a block not in the set was allocated before the hooks were installed
 *   (by the application, with the functions jansson had then): it is
 *   handed to those previous functions unchanged.
 *
 * The set is a mutex-protected open-addressing hash table of pointers. */
#include <pthread.h>

#include <jansson.h>
#include <sodium.h>

#include "internal/common.h"

/* Header before each block: its size, padded to keep malloc's alignment. */
#define HDR 16

static json_malloc_t g_prev_malloc;
static json_free_t g_prev_free;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;

#define EMPTY ((uintptr_t)0)
#define GONE ((uintptr_t)1) /* tombstone; never a block address */
static uintptr_t *g_set;
static size_t g_cap, g_used /* live + tombstones */, g_live;

static size_t slot_of(uintptr_t p, size_t cap)
{
    uint64_t h = (uint64_t)p * 0x9e3779b97f4a7c15ull;
    return (size_t)(h >> 17) & (cap - 1);
}

/* Rebuild with room for twice the live entries (at least 64 slots). */
static int set_grow(void)
{
    size_t cap = 64, i;
    uintptr_t *t;
    while (cap < 4 * (g_live + 1)) cap *= 2;
    t = wt_calloc(cap, sizeof *t);
    if (!t) return 0;
    for (i = 0; i < g_cap; i++) {
        uintptr_t p = g_set[i];
        if (p != EMPTY && p != GONE) {
            size_t j = slot_of(p, cap);
            while (t[j] != EMPTY) j = (j + 1) & (cap - 1);
            t[j] = p;
        }
    }
    wt_free(g_set);
    g_set = t;
    g_cap = cap;
    g_used = g_live;
    return 1;
}

static int set_add(uintptr_t p)
{
    size_t j;
    if (2 * (g_used + 1) > g_cap && !set_grow()) return 0;
    j = slot_of(p, g_cap);
    while (g_set[j] != EMPTY && g_set[j] != GONE) j = (j + 1) & (g_cap - 1);
    if (g_set[j] == EMPTY) g_used++;
    g_set[j] = p;
    g_live++;
    return 1;
}

static int set_remove(uintptr_t p)
{
    size_t j;
    if (g_cap == 0) return 0;
    for (j = slot_of(p, g_cap); g_set[j] != EMPTY; j = (j + 1) & (g_cap - 1)) {
        if (g_set[j] == p) {
            g_set[j] = GONE;
            g_live--;
            return 1;
        }
    }
    return 0;
}

static void *hook_malloc(size_t size)
{
    uint8_t *block;
    int ok;
    if (size > SIZE_MAX - HDR) return NULL;
    block = wt_malloc(HDR + size);
    if (!block) return NULL;
    memcpy(block, &size, sizeof size);
    pthread_mutex_lock(&g_mu);
    ok = set_add((uintptr_t)(block + HDR));
    pthread_mutex_unlock(&g_mu);
    if (!ok) {
        wt_free(block);
        return NULL;
    }
    return block + HDR;
}

static void hook_free(void *ptr)
{
    int ours;
    if (!ptr) return;
    pthread_mutex_lock(&g_mu);
    ours = set_remove((uintptr_t)ptr);
    pthread_mutex_unlock(&g_mu);
    if (ours) {
        uint8_t *block = (uint8_t *)ptr - HDR;
        size_t size;
        memcpy(&size, block, sizeof size);
        wt_free_secure(block, HDR + size);
    } else {
        g_prev_free(ptr); /* allocated before the hooks were installed */
    }
}

static void install(void)
{
    json_get_alloc_funcs(&g_prev_malloc, &g_prev_free);
    json_set_alloc_funcs(hook_malloc, hook_free);
}

void wt_json_wiping_hooks(void)
{
    pthread_once(&g_once, install);
}

void wt_json_text_free(char *s)
{
    json_malloc_t m;
    json_free_t f;
    if (s == NULL) return;
    json_get_alloc_funcs(&m, &f);
    f(s);
}
