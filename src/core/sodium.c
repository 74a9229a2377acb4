/* libsodium initialisation and randomness: every use of libsodium's RNG and
 * of its runtime-dispatched primitives goes through these helpers, which
 * call sodium_init() exactly once (pthread_once) before anything else. */
#include <pthread.h>

#include <sodium.h>

#include "internal/common.h"

static pthread_once_t g_sodium_once = PTHREAD_ONCE_INIT;
static int g_sodium_status = -1;

static void sodium_once(void)
{
    /* 0: initialised now, 1: already initialised (by the application); -1: failure. */
    g_sodium_status = sodium_init() < 0 ? -1 : 0;
}

int wt_sodium_ready(const char *module)
{
    pthread_once(&g_sodium_once, sodium_once);
    if (g_sodium_status != 0)
        return wt_error(WETEE_ERR_CRYPTO, "%s: libsodium initialisation failed", module);
    return WETEE_OK;
}

int wt_random(void *buf, size_t len, const char *module)
{
    int rc = wt_sodium_ready(module);
    if (rc != WETEE_OK) return rc;
    if (len) randombytes_buf(buf, len);
    return WETEE_OK;
}
