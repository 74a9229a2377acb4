/*
 * core.i - version, status codes, text codecs (hex, base58, base64) and
 * u128 conversions from wetee/core.h.
 *
 * Not exposed: the allocator hooks, wetee_buf management (the typemaps own
 * every buffer), the thread-local error accessors (the wrappers read them
 * for you), the constant-time helpers and u128 arithmetic (Python ints and
 * Go's math/big do that natively).
 */

/* ---- version ---- */
const char *wetee_version_string(void);
int wetee_version_number(void);

/* ---- status codes ---- */
/* Static English name of a status code, e.g. "truncated input". */
const char *wetee_strerror(int code);

enum wetee_status {
  WETEE_OK = 0,
  WETEE_ERR_INVALID_ARGUMENT = -1,
  WETEE_ERR_NO_MEMORY = -2,
  WETEE_ERR_DECODE = -3,
  WETEE_ERR_TRUNCATED = -4,
  WETEE_ERR_NON_CANONICAL = -5,
  WETEE_ERR_OVERFLOW = -6,
  WETEE_ERR_DEPTH = -7,
  WETEE_ERR_CHECKSUM = -8,
  WETEE_ERR_UNSUPPORTED = -9,
  WETEE_ERR_CRYPTO = -10,
  WETEE_ERR_VERIFY = -11,
  WETEE_ERR_NOT_FOUND = -12,
  WETEE_ERR_IO = -13,
  WETEE_ERR_NETWORK = -14,
  WETEE_ERR_STATE = -15,
  WETEE_ERR_TRAILING = -16,
  WETEE_ERR_INTERNAL = -17,
  WETEE_ERR_TOO_LONG = -18,
  WETEE_ERR_TIMEOUT = -19,
  WETEE_ERR_RPC = -20
};

/* ---- text codecs ---- */
%constant unsigned WETEE_HEX_PREFIX = WETEE_HEX_PREFIX;
%constant unsigned WETEE_HEX_UPPER = WETEE_HEX_UPPER;
%constant unsigned WETEE_BASE64_URL = WETEE_BASE64_URL;
%constant unsigned WETEE_BASE64_NOPAD = WETEE_BASE64_NOPAD;

wetee_rc wetee_hex_encode(wetee_buf *text_out, const uint8_t *data, size_t len, unsigned flags);
wetee_rc wetee_hex_decode(wetee_buf *out, const char *text, size_t text_len);
wetee_rc wetee_base58_encode(wetee_buf *text_out, const uint8_t *data, size_t len);
wetee_rc wetee_base58_decode(wetee_buf *out, const char *text, size_t text_len);
wetee_rc wetee_base64_encode(wetee_buf *text_out, const uint8_t *data, size_t len, unsigned flags);
wetee_rc wetee_base64_decode(wetee_buf *out, const char *text, size_t text_len, unsigned flags);

/* ---- u128 ---- */
%constant unsigned WETEE_U128_MAX_DECIMALS = WETEE_U128_MAX_DECIMALS;

wetee_rc wetee_u128_from_decimal(wetee_u128 *out, const char *text, size_t text_len, unsigned decimals);
wetee_rc wetee_u128_to_decimal(char *out, size_t out_size, wetee_u128 v, unsigned decimals);
void wetee_u128_to_le(uint8_t out[16], wetee_u128 v);

/* wetee_u128_from_le() returns the struct; the bindings take it through an
   out-parameter so that one typemap serves every u128 result. */
%rename(u128_from_le) wetee_u128_from_le_out;
%inline %{
static void wetee_u128_from_le_out(wetee_u128 *out, const uint8_t le[16]) {
  *out = wetee_u128_from_le(le);
}
%}
