/* libsodium is initialised before libwetee first uses it, from any entry
 * point and any thread.
 *
 * Each case runs in a fresh child process (fork) that installs a recording
 * randombytes implementation before anything else: sodium_init() calls its
 * stir() (libsodium core.c), so a buf() before any stir() is randomness
 * drawn before sodium_init(). After the entry point, sodium_init() must
 * report that it had already run (1). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include <sodium.h>

#include "wt_test.h"

#define PHRASE "bottom drive obey lake curtain smoke basket hold race lonely fit walk"

/* The recorder may be called from several threads: its state is behind a mutex. */
static pthread_mutex_t g_rec_mu = PTHREAD_MUTEX_INITIALIZER;
static int g_stirred, g_early_draws, g_draws;
static uint64_t g_state = 0x9e3779b97f4a7c15ull;

static const char *rec_name(void) { return "wetee-test-recorder"; }
static void rec_stir(void)
{
    pthread_mutex_lock(&g_rec_mu);
    g_stirred = 1;
    pthread_mutex_unlock(&g_rec_mu);
}
static void rec_buf(void *buf, size_t n)
{
    uint8_t *p = buf;
    size_t i;
    pthread_mutex_lock(&g_rec_mu);
    if (!g_stirred) g_early_draws++;
    g_draws++;
    /* Test randomness only (xorshift64*); never used for real keys. */
    for (i = 0; i < n; i++) {
        g_state ^= g_state >> 12;
        g_state ^= g_state << 25;
        g_state ^= g_state >> 27;
        p[i] = (uint8_t)((g_state * 0x2545f4914f6cdd1dull) >> 56);
    }
    pthread_mutex_unlock(&g_rec_mu);
}
static uint32_t rec_random(void)
{
    uint32_t v;
    rec_buf(&v, sizeof v);
    return v;
}
static int rec_close(void) { return 0; }
static randombytes_implementation g_recorder = { rec_name, rec_random, rec_stir, NULL, rec_buf, rec_close };

/* ---- entry points (each returns a wetee status) ---- */

static int sr25519_sign(void)
{
    uint8_t seed[32] = { 1 }, secret[64], pub[32], sig[64];
    int rc = wetee_sr25519_keypair_from_seed(secret, pub, seed);
    return rc ? rc : wetee_sr25519_sign(sig, secret, pub, (const uint8_t *)"m", 1);
}
static int sr25519_derive_soft(void)
{
    uint8_t seed[32] = { 2 }, secret[64], pub[32], cc[32] = { 3 }, s2[64], p2[32];
    int rc = wetee_sr25519_keypair_from_seed(secret, pub, seed);
    return rc ? rc : wetee_sr25519_derive_soft(s2, p2, secret, pub, cc);
}
static int suri_soft(void)
{
    wetee_keypair *kp = NULL;
    int rc = wetee_keypair_from_suri(&kp, WETEE_SCHEME_SR25519, PHRASE "/soft", strlen(PHRASE "/soft"));
    wetee_keypair_free(kp);
    return rc;
}
static int ecdsa_sign(void)
{
    uint8_t secret[32] = { 0, 1 }, sig[65];
    return wetee_ecdsa_sign(sig, secret, (const uint8_t *)"m", 1);
}
static int eth_public(void)
{
    uint8_t secret[32] = { 0, 1 }, pub[33];
    return wetee_ecdsa_public_from_secret(pub, secret);
}
static int keypair_generate(void)
{
    wetee_keypair *kp = NULL;
    int rc = wetee_keypair_generate(&kp, WETEE_SCHEME_ED25519);
    wetee_keypair_free(kp);
    return rc;
}
static int mnemonic_generate(void)
{
    wetee_buf b = WETEE_BUF_INIT;
    int rc = wetee_mnemonic_generate(&b, 12);
    wetee_buf_free_secure(&b);
    return rc;
}
static int keystore_export(void)
{
    wetee_keypair *kp = NULL;
    wetee_buf json = WETEE_BUF_INIT;
    int rc = wetee_keypair_from_seed(&kp, WETEE_SCHEME_ED25519, (const uint8_t *)"0123456789abcdef0123456789abcdef", 32);
    if (rc == WETEE_OK) rc = wetee_keystore_export(&json, kp, "pw", 2, NULL, 0);
    wetee_buf_free(&json);
    wetee_keypair_free(kp);
    return rc;
}
static int blake2b(void)
{
    uint8_t h[32];
    return wetee_hash_blake2b_256(h, (const uint8_t *)"m", 1);
}
static int suri_long_junction(void)
{
    wetee_suri *s = NULL;
    const char *t = "//a-junction-name-longer-than-32-bytes-is-hashed";
    int rc = wetee_suri_parse(&s, t, strlen(t));
    wetee_suri_free(s);
    return rc;
}

static void *thread_sign(void *arg)
{
    (void)arg;
    return (void *)(intptr_t)(sr25519_sign() | ecdsa_sign());
}
/* Eight threads race to be first. */
static int threads(void)
{
    pthread_t t[8];
    int i, rc = WETEE_OK;
    for (i = 0; i < 8; i++)
        if (pthread_create(&t[i], NULL, thread_sign, NULL) != 0) return WETEE_ERR_INTERNAL;
    for (i = 0; i < 8; i++) {
        void *r = NULL;
        pthread_join(t[i], &r);
        if ((intptr_t)r != 0) rc = (int)(intptr_t)r;
    }
    return rc;
}

/* The case running in the child: the entry point and whether it drew randomness. */
static const char *g_name;
static int (*g_fn)(void);
static int g_draws_expected;

static void child(void)
{
    int rc;
    CHECK(randombytes_set_implementation(&g_recorder) == 0);
    rc = g_fn();
    if (rc != WETEE_OK) fprintf(stderr, "%s: returned %d: %s\n", g_name, rc, wetee_last_error());
    CHECK(rc == WETEE_OK);
    if (g_early_draws) fprintf(stderr, "%s: %d random draws before sodium_init()\n", g_name, g_early_draws);
    CHECK(g_early_draws == 0);
    /* the recorder is the RNG in use */
    if (g_draws_expected) CHECK(g_draws > 0);
    /* libwetee initialised libsodium: 1 = already done (asked once only: the next call says 1 anyway) */
    rc = sodium_init();
    if (rc != 1) fprintf(stderr, "%s: libsodium was not initialised by libwetee\n", g_name);
    CHECK(rc == 1);
}

/* Run `fn` in a fresh process with the recording RNG. */
static void run_fresh(const char *name, int (*fn)(void), int draws_expected)
{
    g_name = name;
    g_fn = fn;
    g_draws_expected = draws_expected;
    wt_run_forked(name, child);
}

WT_TEST(random_after_init)
{
    run_fresh("wetee_sr25519_sign", sr25519_sign, 1);
    run_fresh("wetee_sr25519_derive_soft", sr25519_derive_soft, 1);
    run_fresh("wetee_keypair_from_suri (soft junction)", suri_soft, 1);
    run_fresh("wetee_ecdsa_sign (context blinding)", ecdsa_sign, 1);
    run_fresh("wetee_ecdsa_public_from_secret (context blinding)", eth_public, 1);
    run_fresh("wetee_keypair_generate", keypair_generate, 1);
    run_fresh("wetee_mnemonic_generate", mnemonic_generate, 1);
    run_fresh("wetee_keystore_export", keystore_export, 1);
    run_fresh("threads", threads, 1);
}

WT_TEST(init_before_other_uses)
{
    run_fresh("wetee_hash_blake2b_256", blake2b, 0);
    run_fresh("wetee_suri_parse (hashed junction)", suri_long_junction, 0);
}

WT_MAIN("init", WT_CASE(random_after_init), WT_CASE(init_before_other_uses))
