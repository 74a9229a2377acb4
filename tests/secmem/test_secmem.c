/* Memory that held secrets: page locking shared between keypair handles,
 * and jansson's copies of keystore text. Each case runs in a fresh child
 * process (fork): both concern process-wide state (the jansson allocation
 * functions, the libwetee allocator, locked pages). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <unistd.h>

#include <jansson.h>

#include "wt_test.h"

/* ---- locked pages ---- */

/* VmLck of this process in kB, or -1. */
static long locked_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    if (!f) return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmLck: %ld kB", &kb) == 1) break;
    fclose(f);
    return kb;
}

/* A bump allocator on a page-aligned arena, 256-byte slots: small objects
 * allocated one after the other share a page and never straddle one. */
static uint8_t *g_arena;
static size_t g_arena_used, g_arena_size;

static void *bump_malloc(size_t size, void *ctx)
{
    void *p;
    (void)ctx;
    size = (size + 255) & ~(size_t)255;
    if (g_arena_used + size > g_arena_size) return NULL;
    p = g_arena + g_arena_used;
    g_arena_used += size;
    return p;
}
static void *bump_realloc(void *ptr, size_t size, void *ctx)
{
    (void)ptr;
    (void)size;
    (void)ctx;
    return NULL; /* libwetee does not realloc */
}
static void bump_free(void *ptr, void *ctx)
{
    (void)ptr;
    (void)ctx;
}

static void shared_page_case(void)
{
    wetee_allocator a = WETEE_ALLOCATOR_INIT;
    uint8_t seed[32] = { 7 };
    wetee_keypair *kp1 = NULL, *kp2 = NULL;
    long ps = sysconf(_SC_PAGESIZE), base, one;
    if (locked_kb() < 0) WT_SKIP("no /proc/self/status VmLck");
    g_arena_size = 16 * (size_t)ps;
    if (posix_memalign((void **)&g_arena, (size_t)ps, g_arena_size) != 0) WT_SKIP("no memory");
    a.malloc_fn = bump_malloc;
    a.realloc_fn = bump_realloc;
    a.free_fn = bump_free;
    CHECK_OK(wetee_set_allocator(&a));
    base = locked_kb();
    CHECK_OK(wetee_keypair_from_seed(&kp1, WETEE_SCHEME_ED25519, seed, 32));
    one = locked_kb();
    if (one == base) WT_SKIP("mlock is not permitted here (RLIMIT_MEMLOCK)");
    CHECK(one == base + ps / 1024);
    seed[0] = 8;
    CHECK_OK(wetee_keypair_from_seed(&kp2, WETEE_SCHEME_SR25519, seed, 32));
    /* the two handles share a page */
    CHECK((uintptr_t)kp1 / (uintptr_t)ps == (uintptr_t)kp2 / (uintptr_t)ps);
    CHECK(locked_kb() == one);
    /* freeing one keeps the page locked for the other */
    wetee_keypair_free(kp1);
    CHECK(locked_kb() == one);
    {
        uint8_t sig[WETEE_SIGNATURE_MAX_BYTES];
        size_t n = 0;
        CHECK_OK(wetee_keypair_sign(kp2, sig, &n, (const uint8_t *)"m", 1));
    }
    wetee_keypair_free(kp2);
    CHECK(locked_kb() == base);
}

static void *churn(void *arg)
{
    int i;
    (void)arg;
    for (i = 0; i < 200; i++) {
        wetee_keypair *kp = NULL;
        uint8_t seed[32] = { (uint8_t)i };
        if (wetee_keypair_from_seed(&kp, WETEE_SCHEME_ED25519, seed, 32) != WETEE_OK) return (void *)1;
        wetee_keypair_free(kp);
    }
    return NULL;
}

/* Many threads creating and freeing handles (with malloc): every page ends unlocked. */
static void threads_case(void)
{
    pthread_t t[8];
    long base = locked_kb();
    int i;
    wetee_keypair *keep = NULL;
    uint8_t seed[32] = { 1 };
    if (base < 0) WT_SKIP("no /proc/self/status VmLck");
    CHECK_OK(wetee_keypair_from_seed(&keep, WETEE_SCHEME_ECDSA, seed, 32));
    for (i = 0; i < 8; i++) CHECK(pthread_create(&t[i], NULL, churn, NULL) == 0);
    for (i = 0; i < 8; i++) {
        void *r = (void *)1;
        pthread_join(t[i], &r);
        CHECK(r == NULL);
    }
    CHECK(locked_kb() >= base);
    wetee_keypair_free(keep);
    CHECK(locked_kb() == base);
}

WT_TEST(keypair_pages)
{
    wt_run_forked("shared page", shared_page_case);
    wt_run_forked("threads", threads_case);
}

/* ---- jansson ---- */

/* A recording allocator (malloc with a size header) that looks for `g_needle`
 * in every block freed through it. */
#define REC_HDR 16
static size_t g_allocs, g_found;
static const char *g_needles[2];

static void *rec_malloc(size_t size, void *ctx)
{
    uint8_t *b = malloc(REC_HDR + size);
    (void)ctx;
    if (!b) return NULL;
    memcpy(b, &size, sizeof size);
    g_allocs++;
    return b + REC_HDR;
}
static void *rec_realloc(void *ptr, size_t size, void *ctx)
{
    uint8_t *b;
    (void)ctx;
    if (!ptr) return rec_malloc(size, ctx);
    b = realloc((uint8_t *)ptr - REC_HDR, REC_HDR + size);
    if (!b) return NULL;
    memcpy(b, &size, sizeof size);
    return b + REC_HDR;
}
static void rec_free(void *ptr, void *ctx)
{
    uint8_t *b;
    size_t size, i;
    (void)ctx;
    if (!ptr) return;
    b = (uint8_t *)ptr - REC_HDR;
    memcpy(&size, b, sizeof size);
    for (i = 0; i < 2; i++)
        if (g_needles[i] && memmem(ptr, size, g_needles[i], strlen(g_needles[i])) != NULL) g_found++;
    free(b);
}

/* //Alice's sr25519 pair, unencrypted (@polkadot/keyring 14.0.3 toJson() without a password). */
#define SECRET_B64                                                                                                    \
    "MFMCAQEwBQYDK2VwBCIEIJgxnU/4qVCMS7DPC1p412CgsggsAndeboI3CBb+3/9IkloiXZeqAGgtalm5Wxh4DBDXAyM26I80QrQjYfSmYBGhIwMhA" \
    "NQ1k8cV/dMcYRQavQSpn9aCLIVYhUzN45pWhOelbaJ9"
static const char JS_NONE[] = "{\"encoded\":\"" SECRET_B64
                              "\",\"encoding\":{\"content\":[\"pkcs8\",\"sr25519\"],\"type\":[\"none\"],"
                              "\"version\":\"3\"},\"address\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\","
                              "\"meta\":{}}";

static void jansson_case(void)
{
    wetee_allocator a = WETEE_ALLOCATOR_INIT;
    json_malloc_t m0 = NULL, m1 = NULL;
    json_free_t f0 = NULL, f1 = NULL;
    wetee_keypair *kp = NULL;
    json_t *foreign, *mine;
    size_t before;
    /* the application's own jansson object, made before libwetee installs its hooks */
    foreign = json_pack("{s:s}", "app", "allocated with malloc before the hooks");
    CHECK(foreign != NULL);
    json_get_alloc_funcs(&m0, &f0);
    a.malloc_fn = rec_malloc;
    a.realloc_fn = rec_realloc;
    a.free_fn = rec_free;
    CHECK_OK(wetee_set_allocator(&a));
    g_needles[0] = SECRET_B64;
    g_needles[1] = "wetee-test-marker-string";

    /* import of an unencrypted keystore: jansson's copies of "encoded" are wiped when freed */
    before = g_allocs;
    CHECK_OK(wetee_keystore_import(&kp, JS_NONE, strlen(JS_NONE), NULL, 0));
    wetee_keypair_free(kp);
    CHECK(g_found == 0);
    /* ... because jansson now allocates through libwetee (the allocator saw its blocks) */
    json_get_alloc_funcs(&m1, &f1);
    CHECK(m1 != m0 && f1 != f0);
    CHECK(g_allocs > before);
    before = g_allocs;
    mine = json_string("wetee-test-marker-string");
    CHECK(mine != NULL && g_allocs > before);
    json_decref(mine);
    CHECK(g_found == 0);
    /* the block allocated before the hooks goes back to the function that allocated it
     * (malloc/free: ASan reports a mismatched free otherwise) */
    json_decref(foreign);
    /* the application keeps using jansson normally */
    mine = json_loads("{\"a\":[1,2,\"three\"]}", 0, NULL);
    CHECK(mine != NULL && json_array_size(json_object_get(mine, "a")) == 3);
    json_decref(mine);
    CHECK(g_found == 0);
    CHECK_OK(wetee_set_allocator(NULL));
}

WT_TEST(jansson_blocks)
{
    wt_run_forked("jansson", jansson_case);
}

WT_MAIN("secmem", WT_CASE(keypair_pages), WT_CASE(jansson_blocks))
