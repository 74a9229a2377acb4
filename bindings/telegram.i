/*
 * telegram.i - Telegram Mini App initData of wetee/telegram.h.
 *
 * wetee_telegram_init_data is a handle (WETEE_HANDLE in typemaps.i); its
 * getters return copies of the strings (None / "" when absent). The bot
 * token goes in as text and is not copied by libwetee.
 */

%constant int WETEE_TELEGRAM_PRODUCTION = WETEE_TELEGRAM_PRODUCTION;
%constant int WETEE_TELEGRAM_TEST = WETEE_TELEGRAM_TEST;
%constant unsigned WETEE_TELEGRAM_INIT_DATA_MAX = WETEE_TELEGRAM_INIT_DATA_MAX;

WETEE_HANDLE(wetee_telegram_init_data, wetee_telegram_init_data_free)
void wetee_telegram_init_data_free(wetee_telegram_init_data *d);
wetee_rc wetee_telegram_public_key(uint8_t out[32], int environment);
wetee_rc wetee_telegram_init_data_parse(wetee_telegram_init_data **out, const char *text, size_t text_len);
/* (init data, bot token as context) */
wetee_rc wetee_telegram_init_data_validate(wetee_telegram_init_data **out, const char *text, size_t text_len,
                                           const char *context, size_t context_len, uint64_t now, uint64_t max_age);
wetee_rc wetee_telegram_init_data_validate_third_party(wetee_telegram_init_data **out, const char *text,
                                                       size_t text_len, int64_t bot_id,
                                                       const uint8_t public_key[32], uint64_t now, uint64_t max_age);
const char *wetee_telegram_init_data_get(const wetee_telegram_init_data *d, const char *key);
uint64_t wetee_telegram_init_data_auth_date(const wetee_telegram_init_data *d);
int wetee_telegram_init_data_has_user(const wetee_telegram_init_data *d);
int64_t wetee_telegram_init_data_user_id(const wetee_telegram_init_data *d);
const char *wetee_telegram_init_data_user_string(const wetee_telegram_init_data *d, const char *field);
int wetee_telegram_init_data_user_flag(const wetee_telegram_init_data *d, const char *field);
