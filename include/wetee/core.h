/**
 * @file core.h
 * @brief libwetee core: status codes, error detail, allocator hooks, owned
 *        buffers, text codecs (hex, base58, base64), constant-time helpers
 *        and the 128-bit unsigned value type.
 *
 * Thread safety: every function in this header may be called from any
 * thread. wetee_set_allocator() must be called before any other libwetee
 * function and not concurrently with them. The error detail returned by
 * wetee_last_error() is thread-local.
 */
#ifndef WETEE_CORE_H
#define WETEE_CORE_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/export.h"
#include "wetee/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Result codes. Every fallible function returns WETEE_OK (0) or one
 *        of the negative codes below; wetee_last_error() then says what and
 *        where.
 */
typedef enum wetee_status {
    WETEE_OK = 0,                  /**< success */
    WETEE_ERR_INVALID_ARGUMENT = -1, /**< a NULL pointer, a size out of range, an unknown flag */
    WETEE_ERR_NO_MEMORY = -2,      /**< the allocator returned NULL or a size overflowed */
    WETEE_ERR_DECODE = -3,         /**< malformed input (bad character, bad tag, bad UTF-8, ...) */
    WETEE_ERR_TRUNCATED = -4,      /**< input ended before the value did */
    WETEE_ERR_NON_CANONICAL = -5,  /**< a valid but non-canonical encoding was rejected */
    WETEE_ERR_OVERFLOW = -6,       /**< a value does not fit its type, or an output buffer is too small */
    WETEE_ERR_DEPTH = -7,          /**< nesting deeper than the configured limit */
    WETEE_ERR_CHECKSUM = -8,       /**< a checksum did not match */
    WETEE_ERR_UNSUPPORTED = -9,    /**< a valid request this build or version does not support */
    WETEE_ERR_CRYPTO = -10,        /**< a cryptographic primitive failed (bad key, bad point) */
    WETEE_ERR_VERIFY = -11,        /**< a signature or proof did not verify */
    WETEE_ERR_NOT_FOUND = -12,     /**< a looked-up item does not exist */
    WETEE_ERR_IO = -13,            /**< a file could not be read or written */
    WETEE_ERR_NETWORK = -14,       /**< a transport failed */
    WETEE_ERR_STATE = -15,         /**< the object is not in a state that allows the call */
    WETEE_ERR_TRAILING = -16,      /**< input had bytes left after the value */
    WETEE_ERR_INTERNAL = -17       /**< a bug in libwetee; please report it */
} wetee_status;

/**
 * @brief Static English name of a status code, e.g. "truncated input".
 * @param code a wetee_status value (any int is accepted).
 * @return a static string, never NULL; unknown codes give "unknown error".
 */
WETEE_API const char *wetee_strerror(int code);

/**
 * @brief Detail of the most recent error raised on this thread.
 *
 * The text says what failed and where, e.g.
 * "scale: compact at offset 17: non-canonical encoding". It never contains
 * secret material. A successful call does not clear it.
 * @return a thread-local string valid until the next failing libwetee call
 *         on this thread; "" when no error has been raised. Never NULL.
 */
WETEE_API const char *wetee_last_error(void);

/**
 * @brief Status code of the most recent error raised on this thread
 *        (WETEE_OK when none).
 */
WETEE_API int wetee_last_error_code(void);

/** @brief Forget the error detail of this thread. */
WETEE_API void wetee_clear_error(void);

/** @brief Library version as "MAJOR.MINOR.PATCH" (static string). */
WETEE_API const char *wetee_version_string(void);
/** @brief Library version as MAJOR*10000 + MINOR*100 + PATCH. */
WETEE_API int wetee_version_number(void);

/* ------------------------------------------------------------------ */
/* Allocator hooks                                                     */
/* ------------------------------------------------------------------ */

/**
 * @brief Allocation functions used by every libwetee allocation.
 *
 * Start from WETEE_ALLOCATOR_INIT. `realloc_fn` must behave like realloc(3)
 * (NULL pointer allocates); `free_fn` must accept NULL. `ctx` is passed
 * through unchanged.
 */
typedef struct wetee_allocator {
    unsigned version;                                      /**< WETEE_ALLOCATOR_VERSION */
    void *(*malloc_fn)(size_t size, void *ctx);            /**< allocate */
    void *(*realloc_fn)(void *ptr, size_t size, void *ctx); /**< resize */
    void (*free_fn)(void *ptr, void *ctx);                 /**< release */
    void *ctx;                                             /**< user context */
} wetee_allocator;

#define WETEE_ALLOCATOR_VERSION 1
#define WETEE_ALLOCATOR_INIT { WETEE_ALLOCATOR_VERSION, NULL, NULL, NULL, NULL }

/**
 * @brief Replace the allocator (process-wide).
 *
 * Call once at start-up, before any other libwetee call, and never while
 * memory allocated by the previous allocator is still alive.
 * @param alloc the new functions (copied), or NULL to restore malloc/realloc/free.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT if the version is unknown
 *         or a function pointer is missing.
 */
WETEE_API int wetee_set_allocator(const wetee_allocator *alloc);

/* ------------------------------------------------------------------ */
/* Owned byte buffers                                                  */
/* ------------------------------------------------------------------ */

/**
 * @brief A growable byte buffer owned by the caller.
 *
 * A plain value type: initialise with WETEE_BUF_INIT (or zero it), release
 * with wetee_buf_free(). Functions that produce text also write a NUL after
 * the last byte (not counted in `len`), so `(const char *)data` is a C
 * string. Functions that write into a wetee_buf replace its previous
 * content unless they say they append.
 */
typedef struct wetee_buf {
    uint8_t *data; /**< the bytes, or NULL when empty and unallocated */
    size_t len;    /**< number of valid bytes */
    size_t cap;    /**< allocated size */
} wetee_buf;

#define WETEE_BUF_INIT { NULL, 0, 0 }

/** @brief Release the memory of `buf` and reset it to empty. Accepts NULL. */
WETEE_API void wetee_buf_free(wetee_buf *buf);

/**
 * @brief Wipe all `cap` bytes of `buf`, then release it. Use for secrets.
 *        Accepts NULL.
 */
WETEE_API void wetee_buf_free_secure(wetee_buf *buf);

/**
 * @brief Make room for `additional` more bytes after `len`.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL buf), or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_buf_reserve(wetee_buf *buf, size_t additional);

/**
 * @brief Append `len` bytes (which may not overlap `buf`).
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT, or WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_buf_append(wetee_buf *buf, const uint8_t *data, size_t len);

/** @brief Set `len` to 0 and keep the allocation. Accepts NULL. */
WETEE_API void wetee_buf_clear(wetee_buf *buf);

/* ------------------------------------------------------------------ */
/* Text codecs                                                         */
/* ------------------------------------------------------------------ */

/** @brief wetee_hex_encode flag: prefix the output with "0x". */
#define WETEE_HEX_PREFIX 1u
/** @brief wetee_hex_encode flag: upper-case digits. */
#define WETEE_HEX_UPPER 2u

/**
 * @brief Hex-encode `len` bytes into `out` (lower case unless WETEE_HEX_UPPER).
 * @param out replaced with the text, NUL-terminated.
 * @param flags WETEE_HEX_PREFIX | WETEE_HEX_UPPER, or 0.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT, WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_hex_encode(wetee_buf *out, const uint8_t *data, size_t len, unsigned flags);

/**
 * @brief Decode hex text, with or without a "0x"/"0X" prefix, either case.
 * @param out replaced with the bytes.
 * @return WETEE_OK; WETEE_ERR_DECODE (odd length or a non-hex character,
 *         with its offset in the detail); WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_hex_decode(wetee_buf *out, const char *text, size_t text_len);

/**
 * @brief Decode hex text into exactly `out_len` bytes of a caller buffer.
 * @return WETEE_OK; WETEE_ERR_DECODE for bad text or a length other than
 *         exactly `out_len` bytes; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_hex_decode_exact(uint8_t *out, size_t out_len, const char *text, size_t text_len);

/**
 * @brief Base58 (Bitcoin alphabet) encode; leading zero bytes become '1'.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT, WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_base58_encode(wetee_buf *out, const uint8_t *data, size_t len);

/**
 * @brief Base58 (Bitcoin alphabet) decode.
 * @return WETEE_OK; WETEE_ERR_DECODE for a character outside the alphabet
 *         (offset in the detail); WETEE_ERR_INVALID_ARGUMENT (also for
 *         input over 1 MiB); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_base58_decode(wetee_buf *out, const char *text, size_t text_len);

/** @brief base64 flag: use the URL-safe alphabet ('-' and '_'). */
#define WETEE_BASE64_URL 1u
/** @brief base64 flag: encode without '=' padding; decode rejects padding. */
#define WETEE_BASE64_NOPAD 2u

/**
 * @brief Base64 encode (RFC 4648), standard or URL alphabet.
 * @param flags WETEE_BASE64_URL | WETEE_BASE64_NOPAD, or 0.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT, WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_base64_encode(wetee_buf *out, const uint8_t *data, size_t len, unsigned flags);

/**
 * @brief Base64 decode (RFC 4648), strict: no whitespace, canonical final
 *        bits. Without WETEE_BASE64_NOPAD, padding is required unless the
 *        input has none at all (unpadded input is accepted); with it,
 *        padding is rejected.
 * @return WETEE_OK; WETEE_ERR_DECODE (bad character, bad padding,
 *         impossible length, non-zero trailing bits; offset in the detail);
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_base64_decode(wetee_buf *out, const char *text, size_t text_len, unsigned flags);

/* ------------------------------------------------------------------ */
/* Constant-time helpers                                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Compare two buffers in time that depends only on `len`.
 * @return 1 when equal, 0 otherwise (also when a pointer is NULL and len > 0).
 */
WETEE_API int wetee_ct_equal(const void *a, const void *b, size_t len);

/** @brief Overwrite `len` bytes with zeros in a way the compiler keeps. */
WETEE_API void wetee_wipe(void *ptr, size_t len);

/* ------------------------------------------------------------------ */
/* 128-bit unsigned values                                             */
/* ------------------------------------------------------------------ */

/** @brief An unsigned 128-bit integer (plain value type). */
typedef struct wetee_u128 {
    uint64_t lo; /**< low 64 bits */
    uint64_t hi; /**< high 64 bits */
} wetee_u128;

/** @brief Largest number of decimals accepted by the decimal conversions. */
#define WETEE_U128_MAX_DECIMALS 38
/** @brief Size of a char buffer that holds any wetee_u128_to_decimal() output. */
#define WETEE_U128_DECIMAL_BUFSIZE 48

/** @brief The value `v`. */
WETEE_API wetee_u128 wetee_u128_from_u64(uint64_t v);

/** @brief Compare: -1, 0 or 1 as a < b, a == b, a > b. */
WETEE_API int wetee_u128_cmp(wetee_u128 a, wetee_u128 b);

/**
 * @brief out = a + b.
 * @return WETEE_OK or WETEE_ERR_OVERFLOW (out untouched).
 */
WETEE_API int wetee_u128_add(wetee_u128 *out, wetee_u128 a, wetee_u128 b);

/**
 * @brief out = a - b.
 * @return WETEE_OK or WETEE_ERR_OVERFLOW when b > a (out untouched).
 */
WETEE_API int wetee_u128_sub(wetee_u128 *out, wetee_u128 a, wetee_u128 b);

/**
 * @brief out = a * b.
 * @return WETEE_OK or WETEE_ERR_OVERFLOW (out untouched).
 */
WETEE_API int wetee_u128_mul(wetee_u128 *out, wetee_u128 a, wetee_u128 b);

/**
 * @brief Parse a decimal amount with at most `decimals` fraction digits into
 *        base units: "1.5" at 10 decimals is 15000000000.
 *
 * Grammar: DIGITS [ "." DIGITS ] or "." is not allowed alone; no sign, no
 * spaces, no exponent, no thousands separators. Trailing fraction zeros
 * beyond `decimals` are still excess precision and rejected.
 * @param decimals 0..WETEE_U128_MAX_DECIMALS.
 * @return WETEE_OK; WETEE_ERR_DECODE (bad character or shape, with offset);
 *         WETEE_ERR_OVERFLOW (value above 2^128-1); WETEE_ERR_NON_CANONICAL
 *         (more fraction digits than `decimals`); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_u128_from_decimal(wetee_u128 *out, const char *text, size_t text_len, unsigned decimals);

/**
 * @brief Format base units as a decimal amount with `decimals` fraction
 *        digits, trailing fraction zeros and a bare "." removed:
 *        15000000000 at 10 decimals gives "1.5"; 0 gives "0".
 * @param out a caller buffer of `out_size` bytes; WETEE_U128_DECIMAL_BUFSIZE always suffices.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (buffer too small);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_u128_to_decimal(char *out, size_t out_size, wetee_u128 v, unsigned decimals);

/** @brief Write `v` as 16 little-endian bytes. */
WETEE_API void wetee_u128_to_le(uint8_t out[16], wetee_u128 v);
/** @brief Read 16 little-endian bytes. */
WETEE_API wetee_u128 wetee_u128_from_le(const uint8_t in[16]);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_CORE_H */
