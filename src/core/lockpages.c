/* Reference-counted page locking for memory that holds secrets.
 *
 * mlock() works on whole pages and does not nest: unlocking one object
 * would unlock every other object on its pages. So each page is locked when
 * the first object on it is registered and unlocked when the last one is
 * released; the counts live in a table behind a mutex (thread-safe). Locking
 * is best effort: where mlock fails (RLIMIT_MEMLOCK) the page is counted but
 * not locked, and nothing is reported. Pages are also excluded from core
 * dumps while locked (MADV_DONTDUMP), as sodium_mlock() does. */
#include <pthread.h>
#include <stdint.h>

#include "internal/common.h"

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#define WT_HAVE_MLOCK 1
#endif

#ifdef WT_HAVE_MLOCK

typedef struct page_ref {
    uintptr_t page;
    size_t count;
    int locked;
} page_ref;

static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static page_ref *g_pages; /* sorted by page */
static size_t g_n, g_cap;

static size_t page_size(void)
{
    static size_t ps;
    if (!ps) {
        long v = sysconf(_SC_PAGESIZE);
        ps = v > 0 ? (size_t)v : 4096;
    }
    return ps;
}

/* Index of `page`, or of where it would go (*found = 0). */
static size_t find(uintptr_t page, int *found)
{
    size_t lo = 0, hi = g_n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g_pages[mid].page < page) lo = mid + 1;
        else hi = mid;
    }
    *found = lo < g_n && g_pages[lo].page == page;
    return lo;
}

static void lock_page(uintptr_t page, size_t ps)
{
    int found;
    size_t i = find(page, &found);
    if (found) {
        g_pages[i].count++;
        return;
    }
    if (g_n == g_cap) {
        size_t cap = g_cap ? 2 * g_cap : 16;
        page_ref *t = wt_calloc(cap, sizeof *t);
        if (!t) return; /* best effort: the page stays unlocked and uncounted */
        if (g_n) memcpy(t, g_pages, g_n * sizeof *t);
        wt_free(g_pages);
        g_pages = t;
        g_cap = cap;
    }
    memmove(g_pages + i + 1, g_pages + i, (g_n - i) * sizeof *g_pages);
    g_pages[i].page = page;
    g_pages[i].count = 1;
    g_pages[i].locked = mlock((void *)page, ps) == 0;
#ifdef MADV_DONTDUMP
    if (g_pages[i].locked) (void)madvise((void *)page, ps, MADV_DONTDUMP);
#endif
    g_n++;
}

static void unlock_page(uintptr_t page, size_t ps)
{
    int found;
    size_t i = find(page, &found);
    if (!found || --g_pages[i].count > 0) return;
    if (g_pages[i].locked) {
#ifdef MADV_DODUMP
        (void)madvise((void *)page, ps, MADV_DODUMP);
#endif
        (void)munlock((void *)page, ps);
    }
    memmove(g_pages + i, g_pages + i + 1, (g_n - i - 1) * sizeof *g_pages);
    g_n--;
}

/* Apply `fn` to every page of [p, p+len) under the table's lock. */
static void each_page(const void *p, size_t len, void (*fn)(uintptr_t page, size_t ps))
{
    size_t ps = page_size();
    uintptr_t a, end;
    if (!p || !len) return;
    a = (uintptr_t)p & ~(uintptr_t)(ps - 1);
    end = (uintptr_t)p + len;
    pthread_mutex_lock(&g_mu);
    for (; a < end; a += ps) fn(a, ps);
    pthread_mutex_unlock(&g_mu);
}

void wt_lock_pages(const void *p, size_t len) { each_page(p, len, lock_page); }
void wt_unlock_pages(const void *p, size_t len) { each_page(p, len, unlock_page); }

#else

void wt_lock_pages(const void *p, size_t len) { (void)p; (void)len; }
void wt_unlock_pages(const void *p, size_t len) { (void)p; (void)len; }

#endif
