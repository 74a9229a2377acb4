/**
 * @file core.h
 * @brief libwetee core: status codes, error detail, allocator hooks, owned
 *        buffers, text codecs (hex, base58, base64), constant-time helpers
 *        and the 128-bit unsigned value type.
 *
 * Thread safety: every function in this header may be called from any
 * thread. wetee_set_allocator() must be called before any other libwetee
 * function and not concurrently with them. The error detail returned by
 * wetee_last_error() is thread-local. A wetee_buf is a plain value: one
 * thread at a time may modify it.
 *
 * Ownership: a wetee_buf filled by libwetee belongs to the caller, who
 * releases it with wetee_buf_free() (or wetee_buf_free_secure() when it may
 * hold a secret), also after a failed call. See @ref api_conventions for the
 * conventions shared by every module.
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
 *
 * **One code per kind of failure**, in every module (checked by
 * tests/api/test_errors.c, which calls functions of each module with each
 * kind of bad input):
 *
 * | failure | code |
 * | --- | --- |
 * | a NULL pointer where one is required; an unknown flag, enum value or scheme; the size of a caller's output buffer above PTRDIFF_MAX | WETEE_ERR_INVALID_ARGUMENT |
 * | a binary argument of a length the function does not take (a 31-byte seed, a 5-byte SS58 payload, 15 bytes of entropy, a 65-byte BLAKE2b key, a 34-byte public key) | WETEE_ERR_INVALID_ARGUMENT |
 * | an input longer than the function's limit: any length above PTRDIFF_MAX, and the documented caps (base58 over 1 KiB, an SS58 address over 64 characters, a SURI over 4096 bytes or 256 junctions, keystore JSON over 1 MiB, a byte string over the Compact<u32> prefix, a TON snake string over 1024 cells) | WETEE_ERR_TOO_LONG |
 * | malformed text or bytes: a bad character, tag, UTF-8 sequence, word, field or shape, including text that decodes to the wrong length (a 0x seed of 2 bytes in a SURI) | WETEE_ERR_DECODE |
 * | input that ends before the value does | WETEE_ERR_TRUNCATED |
 * | a value outside its type's range (an amount above 2^128-1, a compact wider than its type, a sequence length above 2^32-1); a caller's output buffer or a TON cell too small for the result | WETEE_ERR_OVERFLOW |
 * | a checksum (SS58, EIP-55, BIP-39, TON address CRC) that does not match | WETEE_ERR_CHECKSUM |
 * | a signature, MAC or password that does not verify | WETEE_ERR_VERIFY |
 * | the allocator failed, or a size computation would exceed the largest object | WETEE_ERR_NO_MEMORY |
 *
 * The other codes (NON_CANONICAL, DEPTH, UNSUPPORTED, CRYPTO, NOT_FOUND,
 * TRAILING, STATE, IO, NETWORK, INTERNAL, TIMEOUT, RPC) each name a single situation, as
 * listed below. Argument checks come first: a NULL pointer or a length above
 * PTRDIFF_MAX is reported before the content is looked at.
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
    WETEE_ERR_INTERNAL = -17,      /**< a bug in libwetee; please report it */
    WETEE_ERR_TOO_LONG = -18,      /**< an input longer than the function's limit */
    WETEE_ERR_TIMEOUT = -19,       /**< a deadline passed before the operation completed */
    WETEE_ERR_RPC = -20            /**< a JSON-RPC server answered with an error object */
} wetee_status;

/**
 * @brief Static English name of a status code, e.g. "truncated input".
 * @param code a wetee_status value (any int is accepted).
 * @return a static string owned by libwetee (never free it), never NULL;
 *         unknown codes give "unknown error".
 */
WETEE_API const char *wetee_strerror(int code);

/**
 * @brief Detail of the most recent error raised on this thread.
 *
 * The text says what failed and where, e.g.
 * "scale: compact at offset 17: non-canonical encoding". It never contains
 * secret material. A successful call does not clear it; wetee_clear_error()
 * does. Details longer than 511 bytes are truncated.
 * @return a thread-local string owned by libwetee (never free it); its
 *         content is replaced by the next failing libwetee call on this
 *         thread, so copy it if it must be kept. "" when no error has been
 *         raised (or since wetee_clear_error()). Never NULL.
 */
WETEE_API const char *wetee_last_error(void);

/**
 * @brief Status code of the most recent error raised on this thread.
 *
 * Like wetee_last_error(), it is not reset by successful calls.
 * @return the wetee_status of the last error, or WETEE_OK when none has
 *         been raised on this thread (or since wetee_clear_error()).
 */
WETEE_API int wetee_last_error_code(void);

/**
 * @brief Forget the error detail and code of this thread: afterwards
 *        wetee_last_error() gives "" and wetee_last_error_code() WETEE_OK.
 */
WETEE_API void wetee_clear_error(void);

/**
 * @brief Version of the library that is running (which may differ from the
 *        headers compiled against).
 * @return "MAJOR.MINOR.PATCH", a static string owned by libwetee; never NULL.
 */
WETEE_API const char *wetee_version_string(void);
/**
 * @brief Version of the library that is running, as a number.
 * @return MAJOR*10000 + MINOR*100 + PATCH.
 */
WETEE_API int wetee_version_number(void);

/* ------------------------------------------------------------------ */
/* Allocator hooks                                                     */
/* ------------------------------------------------------------------ */

/**
 * @brief Allocation functions used by every libwetee allocation.
 *
 * Start from WETEE_ALLOCATOR_INIT. `realloc_fn` must behave like realloc(3)
 * (NULL pointer allocates); `free_fn` must accept NULL. libwetee never asks
 * for 0 bytes. `ctx` is passed through unchanged. Memory allocated inside
 * the libraries libwetee uses (libsodium, OpenSSL, libsecp256k1) does not
 * go through these hooks; jansson's does once libwetee has installed its
 * jansson hooks (see wetee_keystore_import()).
 */
typedef struct wetee_allocator {
    unsigned version;                                      /**< WETEE_ALLOCATOR_VERSION */
    void *(*malloc_fn)(size_t size, void *ctx);            /**< allocate */
    void *(*realloc_fn)(void *ptr, size_t size, void *ctx); /**< resize */
    void (*free_fn)(void *ptr, void *ctx);                 /**< release */
    void *ctx;                                             /**< user context */
} wetee_allocator;

/** @brief Current version of wetee_allocator (its `version` field). */
#define WETEE_ALLOCATOR_VERSION 1
/**
 * @brief Initialiser of a wetee_allocator: current version, no functions,
 *        no context. Set all three functions before wetee_set_allocator().
 */
#define WETEE_ALLOCATOR_INIT { WETEE_ALLOCATOR_VERSION, NULL, NULL, NULL, NULL }

/**
 * @brief Replace the allocator (process-wide).
 *
 * Call once at start-up, before any other libwetee call, and never while
 * memory allocated by the previous allocator is still alive (wetee_buf
 * contents, handles): it would be released with the new `free_fn`. Not
 * thread-safe.
 * @param alloc the new functions (the struct is copied; the caller keeps
 *        ownership of it and of `ctx`), or NULL to restore
 *        malloc/realloc/free.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT if the version is unknown
 *         or a function pointer is missing (the allocator is then unchanged).
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
 *
 * **Inputs inside the output buffer.** Every libwetee function that writes
 * into a wetee_buf accepts inputs that point into that same buffer's memory
 * (for example `wetee_hex_encode(&b, b.data, b.len, 0)` or
 * `wetee_scale_put_bytes(&b, b.data, b.len)`): the input is read as it was
 * when the call started, as if it had been copied first. Such inputs are
 * copied to a private block (wiped when released) before the buffer grows
 * or is overwritten; inputs elsewhere cost nothing extra. A pointer into
 * the buffer stays valid only until the call: growing the buffer moves
 * `data`.
 *
 * **Lengths.** No object is larger than PTRDIFF_MAX bytes, so a length
 * parameter above it (SIZE_MAX, SIZE_MAX/2+1, a negative value cast to
 * size_t) is a caller's mistake: an input length gives WETEE_ERR_TOO_LONG
 * and the size of a caller's output buffer WETEE_ERR_INVALID_ARGUMENT,
 * before anything is read or written; size computations on lengths (such
 * as `2 * len + 1` for hex) are checked. (The one exception: where a
 * header documents SIZE_MAX as "NUL-terminated", as tx.h does for JSON
 * text, SIZE_MAX means that and SIZE_MAX/2+1 is still too long.) Functions that cannot report an
 * error treat such a length as follows: wetee_ct_equal() returns 0,
 * wetee_wipe() does nothing, wetee_scale_reader_init() gives an empty
 * reader. Functions whose work grows faster than the input (base58) have
 * lower, documented limits and give WETEE_ERR_TOO_LONG above them.
 */
typedef struct wetee_buf {
    uint8_t *data; /**< the bytes, or NULL when empty and unallocated */
    size_t len;    /**< number of valid bytes */
    size_t cap;    /**< allocated size */
} wetee_buf;

/** @brief Initialiser of an empty, unallocated wetee_buf. */
#define WETEE_BUF_INIT { NULL, 0, 0 }

/**
 * @brief Release the memory of `buf` and reset it to empty (reusable).
 * @param buf the buffer (the struct itself is not freed), or NULL (no-op).
 */
WETEE_API void wetee_buf_free(wetee_buf *buf);

/**
 * @brief Wipe all `cap` bytes of `buf`, then release it and reset it to
 *        empty. Use for buffers that held secrets.
 * @param buf the buffer (the struct itself is not freed), or NULL (no-op).
 */
WETEE_API void wetee_buf_free_secure(wetee_buf *buf);

/**
 * @brief Make room for `additional` more bytes after `len` (plus one spare
 *        byte for a NUL terminator); `len` and the content are unchanged.
 * @param buf the buffer to grow; `data` may move.
 * @param additional number of bytes to make room for.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL buf), or
 *         WETEE_ERR_NO_MEMORY (the buffer is then unchanged).
 */
WETEE_API int wetee_buf_reserve(wetee_buf *buf, size_t additional);

/**
 * @brief Append `len` bytes to `buf`.
 * @param buf the buffer to append to; `data` may move.
 * @param data the bytes to copy; may point into `buf` itself (see
 *        wetee_buf); may be NULL when `len` is 0.
 * @param len number of bytes.
 * @return WETEE_OK, WETEE_ERR_INVALID_ARGUMENT (NULL buf, or NULL data with
 *         len > 0), or WETEE_ERR_NO_MEMORY (the buffer is then unchanged).
 */
WETEE_API int wetee_buf_append(wetee_buf *buf, const uint8_t *data, size_t len);

/**
 * @brief Set `len` to 0 and keep the allocation (the old bytes are not
 *        wiped; use wetee_wipe() first for secrets).
 * @param buf the buffer, or NULL (no-op).
 */
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
 * @param out replaced with the text, NUL-terminated; owned by the caller.
 * @param data the bytes to encode; may be NULL when `len` is 0.
 * @param len number of bytes.
 * @param flags WETEE_HEX_PREFIX | WETEE_HEX_UPPER, or 0.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0, unknown flag, input too large); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_hex_encode(wetee_buf *out, const uint8_t *data, size_t len, unsigned flags);

/**
 * @brief Decode hex text, with or without a "0x"/"0X" prefix, either case.
 * @param out replaced with the bytes; owned by the caller. On a decoding
 *        error its content is lost (`len` is 0) and the bytes decoded so
 *        far are wiped.
 * @param text the text (not necessarily NUL-terminated); may be NULL when
 *        `text_len` is 0.
 * @param text_len length of `text` in bytes.
 * @return WETEE_OK; WETEE_ERR_DECODE (odd length or a non-hex character,
 *         with its offset in the detail); WETEE_ERR_INVALID_ARGUMENT (NULL
 *         out, NULL text with text_len > 0); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_hex_decode(wetee_buf *out, const char *text, size_t text_len);

/**
 * @brief Decode hex text (optional "0x"/"0X" prefix, either case) into
 *        exactly `out_len` bytes of a caller buffer.
 * @param out caller buffer of `out_len` bytes; on WETEE_ERR_DECODE it is
 *        zeroed (a partial result is never left behind).
 * @param out_len the exact number of bytes the text must encode.
 * @param text the text (not necessarily NUL-terminated); may be NULL when
 *        `text_len` is 0.
 * @param text_len length of `text` in bytes.
 * @return WETEE_OK; WETEE_ERR_DECODE for bad text (odd length, non-hex
 *         character) or a length other than exactly `out_len` bytes;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out with out_len > 0, NULL text
 *         with text_len > 0).
 */
WETEE_API int wetee_hex_decode_exact(uint8_t *out, size_t out_len, const char *text, size_t text_len);

/**
 * @brief Largest input of wetee_base58_encode(), in bytes.
 *
 * Base58 costs time quadratic in the length, so both directions are capped
 * far above any real use (an SS58 address is at most 50 characters, a
 * 64-byte key 88) and low enough that the worst case takes microseconds.
 */
#define WETEE_BASE58_MAX_BYTES 1024
/** @brief Largest input of wetee_base58_decode(), in characters (the
 *         encoding of WETEE_BASE58_MAX_BYTES bytes fits). */
#define WETEE_BASE58_MAX_TEXT 1400

/**
 * @brief Base58 (Bitcoin alphabet) encode; leading zero bytes become '1'.
 * @param out replaced with the text, NUL-terminated; owned by the caller.
 * @param data the bytes to encode; may be NULL when `len` is 0.
 * @param len number of bytes (at most WETEE_BASE58_MAX_BYTES).
 * @return WETEE_OK; WETEE_ERR_TOO_LONG (more than WETEE_BASE58_MAX_BYTES);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with len > 0);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_base58_encode(wetee_buf *out, const uint8_t *data, size_t len);

/**
 * @brief Base58 (Bitcoin alphabet) decode; each leading '1' becomes a zero
 *        byte. No checksum is checked.
 * @param out replaced with the bytes; owned by the caller.
 * @param text the text (not necessarily NUL-terminated); may be NULL when
 *        `text_len` is 0.
 * @param text_len length of `text` in bytes (at most WETEE_BASE58_MAX_TEXT).
 * @return WETEE_OK; WETEE_ERR_DECODE for a character outside the alphabet
 *         (offset in the detail); WETEE_ERR_TOO_LONG (more than
 *         WETEE_BASE58_MAX_TEXT characters); WETEE_ERR_INVALID_ARGUMENT (NULL
 *         out, NULL text with text_len > 0); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_base58_decode(wetee_buf *out, const char *text, size_t text_len);

/** @brief base64 flag: use the URL-safe alphabet ('-' and '_'). */
#define WETEE_BASE64_URL 1u
/** @brief base64 flag: encode without '=' padding; decode rejects padding. */
#define WETEE_BASE64_NOPAD 2u

/**
 * @brief Base64 encode (RFC 4648), standard or URL alphabet.
 * @param out replaced with the text, NUL-terminated; owned by the caller.
 * @param data the bytes to encode; may be NULL when `len` is 0.
 * @param len number of bytes.
 * @param flags WETEE_BASE64_URL | WETEE_BASE64_NOPAD, or 0.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with
 *         len > 0, unknown flag, input too large); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_base64_encode(wetee_buf *out, const uint8_t *data, size_t len, unsigned flags);

/**
 * @brief Base64 decode (RFC 4648), strict: no whitespace, canonical final
 *        bits. Without WETEE_BASE64_NOPAD, padding is required unless the
 *        input has none at all (unpadded input is accepted); with it,
 *        padding is rejected.
 * @param out replaced with the bytes; owned by the caller. On a decoding
 *        error its content is lost (`len` is 0) and the bytes decoded so
 *        far are wiped.
 * @param text the text (not necessarily NUL-terminated); may be NULL when
 *        `text_len` is 0.
 * @param text_len length of `text` in bytes.
 * @param flags WETEE_BASE64_URL (URL alphabet instead of the standard one)
 *        | WETEE_BASE64_NOPAD, or 0.
 * @return WETEE_OK; WETEE_ERR_DECODE (bad character, bad padding,
 *         impossible length, non-zero trailing bits; offset in the detail);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL text with text_len > 0,
 *         unknown flag); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_base64_decode(wetee_buf *out, const char *text, size_t text_len, unsigned flags);

/* ------------------------------------------------------------------ */
/* Constant-time helpers                                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Compare two buffers in time that depends only on `len`.
 * @param a first buffer of `len` bytes.
 * @param b second buffer of `len` bytes.
 * @param len number of bytes to compare.
 * @return 1 when equal (always for len 0), 0 otherwise (also when a pointer
 *         is NULL and len > 0, or len is above PTRDIFF_MAX). Never sets the
 *         error detail.
 */
WETEE_API int wetee_ct_equal(const void *a, const void *b, size_t len);

/**
 * @brief Overwrite `len` bytes with zeros in a way the compiler keeps
 *        (sodium_memzero()).
 * @param ptr the memory to wipe, or NULL (no-op).
 * @param len number of bytes (above PTRDIFF_MAX, which no object has: no-op).
 */
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

/**
 * @brief Widen a 64-bit value.
 * @param v the value.
 * @return `v` as a wetee_u128.
 */
WETEE_API wetee_u128 wetee_u128_from_u64(uint64_t v);

/**
 * @brief Compare two values.
 * @param a first value.
 * @param b second value.
 * @return -1, 0 or 1 as a < b, a == b, a > b.
 */
WETEE_API int wetee_u128_cmp(wetee_u128 a, wetee_u128 b);

/**
 * @brief out = a + b.
 * @param out receives the sum (may point to `a` or `b`).
 * @param a first addend.
 * @param b second addend.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW when the sum exceeds 2^128-1 (out
 *         untouched); WETEE_ERR_INVALID_ARGUMENT (NULL out).
 */
WETEE_API int wetee_u128_add(wetee_u128 *out, wetee_u128 a, wetee_u128 b);

/**
 * @brief out = a - b.
 * @param out receives the difference.
 * @param a minuend.
 * @param b subtrahend.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW when b > a (out untouched);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out).
 */
WETEE_API int wetee_u128_sub(wetee_u128 *out, wetee_u128 a, wetee_u128 b);

/**
 * @brief out = a * b.
 * @param out receives the product.
 * @param a first factor.
 * @param b second factor.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW when the product exceeds 2^128-1
 *         (out untouched); WETEE_ERR_INVALID_ARGUMENT (NULL out).
 */
WETEE_API int wetee_u128_mul(wetee_u128 *out, wetee_u128 a, wetee_u128 b);

/**
 * @brief Parse a decimal amount with at most `decimals` fraction digits into
 *        base units: "1.5" at 10 decimals is 15000000000.
 *
 * Grammar: DIGITS [ "." DIGITS ] — at least one digit before the point, and
 * at least one after it when there is a point (".5", "1." and "." are
 * rejected); leading zeros are allowed; no sign, no spaces, no exponent, no
 * thousands separators. Trailing fraction zeros beyond `decimals` are still
 * excess precision and rejected.
 * @param out receives the value in base units; untouched on error.
 * @param text the amount (not necessarily NUL-terminated).
 * @param text_len length of `text` in bytes.
 * @param decimals 0..WETEE_U128_MAX_DECIMALS.
 * @return WETEE_OK; WETEE_ERR_DECODE (empty text, bad character or shape,
 *         with offset); WETEE_ERR_OVERFLOW (value above 2^128-1);
 *         WETEE_ERR_NON_CANONICAL (more fraction digits than `decimals`);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL text with
 *         text_len > 0, decimals above WETEE_U128_MAX_DECIMALS).
 */
WETEE_API int wetee_u128_from_decimal(wetee_u128 *out, const char *text, size_t text_len, unsigned decimals);

/**
 * @brief Format base units as a decimal amount with `decimals` fraction
 *        digits, trailing fraction zeros and a bare "." removed:
 *        15000000000 at 10 decimals gives "1.5"; 0 gives "0".
 * @param out a caller buffer of `out_size` bytes; receives the
 *        NUL-terminated text. WETEE_U128_DECIMAL_BUFSIZE always suffices.
 * @param out_size size of `out` in bytes, including the NUL.
 * @param v the value in base units.
 * @param decimals 0..WETEE_U128_MAX_DECIMALS.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (buffer too small; `out` is then ""
 *         when out_size > 0); WETEE_ERR_INVALID_ARGUMENT (NULL out, decimals
 *         above WETEE_U128_MAX_DECIMALS).
 */
WETEE_API int wetee_u128_to_decimal(char *out, size_t out_size, wetee_u128 v, unsigned decimals);

/**
 * @brief Write `v` as 16 little-endian bytes (the SCALE u128 layout).
 * @param out caller buffer of 16 bytes (must not be NULL).
 * @param v the value.
 */
WETEE_API void wetee_u128_to_le(uint8_t out[16], wetee_u128 v);
/**
 * @brief Read 16 little-endian bytes.
 * @param in 16 bytes (must not be NULL).
 * @return the value.
 */
WETEE_API wetee_u128 wetee_u128_from_le(const uint8_t in[16]);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_CORE_H */
