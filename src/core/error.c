/* Status names and the thread-local error detail. */
#include <stdio.h>

#include "internal/common.h"

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && !defined(__STDC_NO_THREADS__)
#define WT_THREAD_LOCAL _Thread_local
#else
#define WT_THREAD_LOCAL __thread
#endif

#define WT_ERROR_DETAIL_MAX 512

static WT_THREAD_LOCAL char wt_detail[WT_ERROR_DETAIL_MAX];
static WT_THREAD_LOCAL int wt_detail_code;

const char *wetee_strerror(int code)
{
    switch (code) {
    case WETEE_OK: return "success";
    case WETEE_ERR_INVALID_ARGUMENT: return "invalid argument";
    case WETEE_ERR_NO_MEMORY: return "out of memory";
    case WETEE_ERR_DECODE: return "malformed input";
    case WETEE_ERR_TRUNCATED: return "truncated input";
    case WETEE_ERR_NON_CANONICAL: return "non-canonical encoding";
    case WETEE_ERR_OVERFLOW: return "value out of range";
    case WETEE_ERR_DEPTH: return "nesting too deep";
    case WETEE_ERR_CHECKSUM: return "checksum mismatch";
    case WETEE_ERR_UNSUPPORTED: return "unsupported";
    case WETEE_ERR_CRYPTO: return "cryptographic failure";
    case WETEE_ERR_VERIFY: return "verification failed";
    case WETEE_ERR_NOT_FOUND: return "not found";
    case WETEE_ERR_IO: return "i/o error";
    case WETEE_ERR_NETWORK: return "network error";
    case WETEE_ERR_STATE: return "invalid state";
    case WETEE_ERR_TRAILING: return "trailing input";
    case WETEE_ERR_INTERNAL: return "internal error";
    case WETEE_ERR_TOO_LONG: return "input too long";
    case WETEE_ERR_TIMEOUT: return "timed out";
    case WETEE_ERR_RPC: return "server returned an error";
    default: return "unknown error";
    }
}

const char *wetee_last_error(void) { return wt_detail; }

int wetee_last_error_code(void) { return wt_detail_code; }

void wetee_clear_error(void)
{
    wt_detail[0] = '\0';
    wt_detail_code = WETEE_OK;
}

int wt_error(int code, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(wt_detail, sizeof wt_detail, fmt, ap);
    va_end(ap);
    if (n < 0) wt_detail[0] = '\0';
    wt_detail_code = code;
    return code;
}

const char *wetee_version_string(void) { return WETEE_VERSION_STRING; }

int wetee_version_number(void) { return WETEE_VERSION_NUMBER; }
