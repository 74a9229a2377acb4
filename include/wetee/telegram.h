/**
 * @file telegram.h
 * @brief Telegram Mini Apps: validation of `initData` (the query string
 *        `Telegram.WebApp.initData` a Mini App sends to its backend) by the
 *        bot-token HMAC method and by the third-party Ed25519 method, with a
 *        freshness window for `auth_date`, and the parsed fields, including
 *        the `user` object.
 *
 * Rules (core.telegram.org/bots/webapps, "Validating data received via the
 * Mini App"; ../shared/reference/ton.md §6):
 *
 * - **HMAC** (`hash`): `secret_key = HMAC-SHA256(key = "WebAppData", bot_token)`,
 *   valid when `hex(HMAC-SHA256(secret_key, data_check_string)) == hash`,
 *   where the data-check string is every `key=value` pair but `hash`
 *   (`signature` stays in), values URL-decoded, sorted, joined with `\n`.
 * - **Third party** (`signature`, no bot token needed): Ed25519 over
 *   `"<bot_id>:WebAppData\n"` followed by the sorted pairs without `hash` and
 *   `signature`, with Telegram's public key (wetee_telegram_public_key()).
 *
 * Parsing is strict, where browsers' URLSearchParams are lenient: every
 * `&`-separated part is `key=value` with a non-empty key, `%XY` must be two
 * hex digits, `+` is a space, the decoded keys and values must be UTF-8
 * without NUL or other control characters, a key may appear once, and text
 * over 64 KiB or 256 fields is refused. Pairs are sorted as byte strings
 * `key=value` (as \@telegram-apps/init-data-node and Telegram-Mini-Apps'
 * init-data-golang do).
 *
 * A parsed wetee_telegram_init_data is immutable: it may be read from several
 * threads at once. Strings it returns live as long as it does.
 */
#ifndef WETEE_TELEGRAM_H
#define WETEE_TELEGRAM_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Size of a Telegram Ed25519 public key. */
#define WETEE_TELEGRAM_PUBLIC_KEY_BYTES 32
/** @brief Longest initData text accepted (bytes). */
#define WETEE_TELEGRAM_INIT_DATA_MAX 65536
/** @brief wetee_telegram_public_key(): Telegram's production environment. */
#define WETEE_TELEGRAM_PRODUCTION 0
/** @brief wetee_telegram_public_key(): Telegram's test environment. */
#define WETEE_TELEGRAM_TEST 1

/** @brief Parsed (and possibly validated) initData (opaque, immutable). */
typedef struct wetee_telegram_init_data wetee_telegram_init_data;

/**
 * @brief Telegram's published Ed25519 key for third-party validation:
 *        production `e7bf03a2…242d`, test environment `40055058…72ec`.
 * @param out caller buffer of 32 bytes.
 * @param environment WETEE_TELEGRAM_PRODUCTION or WETEE_TELEGRAM_TEST.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT (NULL out, other value).
 */
WETEE_API int wetee_telegram_public_key(uint8_t out[32], int environment);

/**
 * @brief Parse initData without checking any signature (to read fields of
 *        data validated elsewhere, or to see why it is malformed). `user`,
 *        when present, must be a JSON object with an integer `id`.
 * @param out receives the parsed data; free with wetee_telegram_init_data_free().
 * @param text the query string (without a leading `?`).
 * @param len its length, at most WETEE_TELEGRAM_INIT_DATA_MAX.
 * @return WETEE_OK; WETEE_ERR_DECODE (a part without `=`, an empty key, a
 *         bad `%` escape, NUL or control characters, bad UTF-8, a duplicate
 *         key, more than 256 fields, a malformed `user` JSON; the detail
 *         names the offset or field); WETEE_ERR_TOO_LONG;
 *         WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_telegram_init_data_parse(wetee_telegram_init_data **out, const char *text, size_t len);

/**
 * @brief Parse and validate initData by the bot-token HMAC method, then
 *        check that `auth_date` lies within `max_age` seconds of `now`.
 * @param out receives the parsed data on success (free with
 *        wetee_telegram_init_data_free()), or NULL if not wanted.
 * @param text the query string.
 * @param len its length.
 * @param bot_token the bot's token (`123456:ABC…`; a secret: it is not
 *        copied or printed).
 * @param token_len its length, at most 1024.
 * @param now the current Unix time (a parameter: no clock is read).
 * @param max_age the accepted distance of `auth_date` from now, in seconds.
 * @return WETEE_OK; WETEE_ERR_VERIFY (hash mismatch; `auth_date` too old or
 *         too far in the future); WETEE_ERR_DECODE (malformed, as
 *         wetee_telegram_init_data_parse(); no `hash`, a `hash` that is not
 *         64 hex digits, no or bad `auth_date`); WETEE_ERR_TOO_LONG;
 *         WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_telegram_init_data_validate(wetee_telegram_init_data **out, const char *text, size_t len,
                                                const char *bot_token, size_t token_len, uint64_t now,
                                                uint64_t max_age);

/**
 * @brief Parse and validate initData by the third-party Ed25519 method
 *        (the `signature` field, base64url with or without padding), then
 *        check `auth_date` as wetee_telegram_init_data_validate().
 * @param out receives the parsed data on success, or NULL if not wanted.
 * @param text the query string.
 * @param len its length.
 * @param bot_id the bot's id (the number before `:` in its token).
 * @param public_key Telegram's key (wetee_telegram_public_key()), or another
 *        key for tests.
 * @param now the current Unix time.
 * @param max_age the accepted distance of `auth_date` from now, in seconds.
 * @return WETEE_OK; WETEE_ERR_VERIFY (bad signature, other bot or key;
 *         `auth_date` out of the window); WETEE_ERR_DECODE (malformed; no
 *         `signature` or one that is not 64 bytes of base64url; no or bad
 *         `auth_date`); WETEE_ERR_TOO_LONG; WETEE_ERR_NO_MEMORY;
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_telegram_init_data_validate_third_party(wetee_telegram_init_data **out, const char *text,
                                                            size_t len, int64_t bot_id, const uint8_t public_key[32],
                                                            uint64_t now, uint64_t max_age);

/**
 * @brief Free parsed initData.
 * @param d the data, or NULL (no-op).
 */
WETEE_API void wetee_telegram_init_data_free(wetee_telegram_init_data *d);

/**
 * @brief The URL-decoded value of a field (e.g. `query_id`, `start_param`,
 *        `chat_type`, or the raw JSON of `user`, `receiver`, `chat`).
 * @param d the data (NULL gives NULL).
 * @param key the field name (NULL gives NULL).
 * @return the value, NUL-terminated and owned by `d`, or NULL when absent.
 */
WETEE_API const char *wetee_telegram_init_data_get(const wetee_telegram_init_data *d, const char *key);

/**
 * @brief `auth_date`, when it is a decimal number.
 * @param d the data (NULL gives 0).
 * @return the Unix time, or 0 when absent or not a number.
 */
WETEE_API uint64_t wetee_telegram_init_data_auth_date(const wetee_telegram_init_data *d);

/**
 * @brief Whether the data has a `user` object.
 * @param d the data (NULL gives 0).
 * @return 1 or 0.
 */
WETEE_API int wetee_telegram_init_data_has_user(const wetee_telegram_init_data *d);

/**
 * @brief The user's Telegram id (`user.id`).
 * @param d the data (NULL gives 0).
 * @return the id, or 0 without a user.
 */
WETEE_API int64_t wetee_telegram_init_data_user_id(const wetee_telegram_init_data *d);

/**
 * @brief A text field of the user: `first_name`, `last_name`, `username`,
 *        `language_code`, `photo_url` (or any other string member).
 * @param d the data (NULL gives NULL).
 * @param field the member name.
 * @return the text, owned by `d`, or NULL when absent or not a string.
 */
WETEE_API const char *wetee_telegram_init_data_user_string(const wetee_telegram_init_data *d, const char *field);

/**
 * @brief A boolean field of the user: `is_premium`, `is_bot`,
 *        `allows_write_to_pm`, `added_to_attachment_menu` (or any other
 *        boolean member).
 * @param d the data (NULL gives 0).
 * @param field the member name.
 * @return 1 when true, 0 when false or absent.
 */
WETEE_API int wetee_telegram_init_data_user_flag(const wetee_telegram_init_data *d, const char *field);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_TELEGRAM_H */
