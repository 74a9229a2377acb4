/* Telegram Mini App initData: known answers of Telegram-Mini-Apps/init-data-golang
 * (validate_test.go, sign_test.go, validate_third_party_test.go) and aiogram
 * (tests/test_utils/test_web_app_signature.py), quoted in
 * ../shared/reference/ton.md §6, and negative tests for each rule. */
#include <stdio.h>

#include "wt_test.h"

static const char TOKEN[] = "5768337691:AAH5YkoiEuPk8-FZa32hStHTqXiLPtAEhx8";
static const char HMAC_DATA[] =
    "query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%22%2C%22last_"
    "name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%"
    "3Atrue%7D&auth_date=1662771648&hash=c501b71e775f74ce10e377dea85a7ea24ecd640b223ea86dfe453e0eaed2e2b2";
#define HMAC_AUTH 1662771648u

static const char THIRD_DATA[] =
    "user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%20%2B%20-%20%3F%20%5C%2F%22%2C%22last_name%22%3A%"
    "22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%3Atrue%2C%"
    "22allows_write_to_pm%22%3Atrue%2C%22photo_url%22%3A%22https%3A%5C%2F%5C%2Ft.me%5C%2Fi%5C%2Fuserpic%5C%2F320%5C%"
    "2F4FPEE4tmP3ATHa57u6MqTDih13LTOiMoKoLDRG4PnSA.svg%22%7D&chat_instance=8134722200314281151&chat_type=private&"
    "auth_date=1733584787&hash=2174df5b000556d044f3f020384e879c8efcab55ddea2ced4eb752e93e7080d6&signature=zL-"
    "ucjNyREiHDE8aihFwpfR9aggP2xiAo3NSpfe-p7IbCisNlDKlo7Kb6G4D0Ao2mBrSgEk4maLSdv6MLIlADQ";
#define THIRD_AUTH 1733584787u

static int hmac(const char *text, uint64_t now, uint64_t age)
{
    return wetee_telegram_init_data_validate(NULL, text, strlen(text), TOKEN, strlen(TOKEN), now, age);
}

static void test_hmac_vector(void)
{
    wetee_telegram_init_data *d = NULL;
    char buf[1024];
    CHECK_OK(wetee_telegram_init_data_validate(&d, HMAC_DATA, strlen(HMAC_DATA), TOKEN, strlen(TOKEN), HMAC_AUTH + 10,
                                               86400));
    CHECK(d != NULL);
    CHECK(wetee_telegram_init_data_auth_date(d) == HMAC_AUTH);
    CHECK(wetee_telegram_init_data_has_user(d) == 1);
    CHECK(wetee_telegram_init_data_user_id(d) == 279058397);
    CHECK_STR(wetee_telegram_init_data_user_string(d, "first_name"), "Vladislav");
    CHECK_STR(wetee_telegram_init_data_user_string(d, "last_name"), "Kibenko");
    CHECK_STR(wetee_telegram_init_data_user_string(d, "username"), "vdkfrost");
    CHECK_STR(wetee_telegram_init_data_user_string(d, "language_code"), "ru");
    CHECK(wetee_telegram_init_data_user_string(d, "photo_url") == NULL);
    CHECK(wetee_telegram_init_data_user_flag(d, "is_premium") == 1);
    CHECK(wetee_telegram_init_data_user_flag(d, "is_bot") == 0);
    CHECK_STR(wetee_telegram_init_data_get(d, "query_id"), "AAHdF6IQAAAAAN0XohDhrOrc");
    CHECK(wetee_telegram_init_data_get(d, "start_param") == NULL);
    wetee_telegram_init_data_free(d);

    /* appending "abc" breaks the hash (init-data-golang) */
    snprintf(buf, sizeof buf, "%sabc", HMAC_DATA);
    CHECK_ERR(hmac(buf, HMAC_AUTH, 86400), WETEE_ERR_DECODE); /* the hash is no longer 64 hex digits */
    /* another token, an altered field, a field added */
    CHECK_ERR(wetee_telegram_init_data_validate(NULL, HMAC_DATA, strlen(HMAC_DATA), TOKEN, strlen(TOKEN) - 1,
                                                HMAC_AUTH, 86400),
              WETEE_ERR_VERIFY);
    CHECK_DETAIL("hash does not match");
    snprintf(buf, sizeof buf, "%s", HMAC_DATA);
    buf[strlen("query_id=AAHd")] = 'E';
    CHECK_ERR(hmac(buf, HMAC_AUTH, 86400), WETEE_ERR_VERIFY);
    snprintf(buf, sizeof buf, "start_param=x&%s", HMAC_DATA);
    CHECK_ERR(hmac(buf, HMAC_AUTH, 86400), WETEE_ERR_VERIFY);
    /* expired, and too far in the future */
    CHECK_ERR(hmac(HMAC_DATA, HMAC_AUTH + 86401, 86400), WETEE_ERR_VERIFY);
    CHECK_DETAIL("expired");
    CHECK_OK(hmac(HMAC_DATA, HMAC_AUTH + 86400, 86400));
    CHECK_ERR(hmac(HMAC_DATA, HMAC_AUTH - 61, 60), WETEE_ERR_VERIFY);
    /* no hash, a hash of other length */
    {
        const char *no_hash = "auth_date=1662771648&query_id=x";
        CHECK_ERR(hmac(no_hash, HMAC_AUTH, 60), WETEE_ERR_DECODE);
        CHECK_DETAIL("hash is missing");
    }
    CHECK_ERR(hmac("auth_date=1662771648&hash=00", HMAC_AUTH, 60), WETEE_ERR_DECODE);
    CHECK_ERR(hmac("query_id=1&hash=c501b71e775f74ce10e377dea85a7ea24ecd640b223ea86dfe453e0eaed2e2b2", HMAC_AUTH, 60),
              WETEE_ERR_DECODE);
    CHECK_DETAIL("auth_date is missing");
    CHECK_ERR(hmac("auth_date=16627x1648&hash=c501b71e775f74ce10e377dea85a7ea24ecd640b223ea86dfe453e0eaed2e2b2",
                   HMAC_AUTH, 60),
              WETEE_ERR_DECODE);
    CHECK_ERR(wetee_telegram_init_data_validate(NULL, HMAC_DATA, strlen(HMAC_DATA), NULL, 3, 0, 0),
              WETEE_ERR_INVALID_ARGUMENT);
}

static int third(const char *text, int64_t bot, int env, uint64_t now)
{
    uint8_t key[32];
    CHECK_OK(wetee_telegram_public_key(key, env));
    return wetee_telegram_init_data_validate_third_party(NULL, text, strlen(text), bot, key, now, 86400);
}

static void test_third_party_vectors(void)
{
    uint8_t key[32];
    wetee_telegram_init_data *d = NULL;
    char buf[2048];
    CHECK_OK(wetee_telegram_public_key(key, WETEE_TELEGRAM_PRODUCTION));
    CHECK_HEX(key, 32, "e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d");
    CHECK_OK(wetee_telegram_public_key(key, WETEE_TELEGRAM_TEST));
    CHECK_HEX(key, 32, "40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec");
    CHECK_ERR(wetee_telegram_public_key(key, 2), WETEE_ERR_INVALID_ARGUMENT);

    /* signed by Telegram (production key) for bot 7342037359 */
    CHECK_OK(wetee_telegram_public_key(key, WETEE_TELEGRAM_PRODUCTION));
    CHECK_OK(wetee_telegram_init_data_validate_third_party(&d, THIRD_DATA, strlen(THIRD_DATA), 7342037359, key,
                                                           THIRD_AUTH + 5, 3600));
    CHECK_STR(wetee_telegram_init_data_user_string(d, "first_name"), "Vladislav + - ? /"); /* JSON "\\/" is "/" */
    CHECK_STR(wetee_telegram_init_data_user_string(d, "photo_url"),
              "https://t.me/i/userpic/320/4FPEE4tmP3ATHa57u6MqTDih13LTOiMoKoLDRG4PnSA.svg");
    CHECK(wetee_telegram_init_data_user_flag(d, "allows_write_to_pm") == 1);
    CHECK_STR(wetee_telegram_init_data_get(d, "chat_type"), "private");
    wetee_telegram_init_data_free(d);
    CHECK_ERR(third(THIRD_DATA, 1, WETEE_TELEGRAM_PRODUCTION, THIRD_AUTH), WETEE_ERR_VERIFY);
    CHECK_DETAIL("signature does not verify");
    CHECK_ERR(third(THIRD_DATA, 7342037359, WETEE_TELEGRAM_TEST, THIRD_AUTH), WETEE_ERR_VERIFY);
    CHECK_ERR(third(THIRD_DATA, 7342037359, WETEE_TELEGRAM_PRODUCTION, THIRD_AUTH + 86401), WETEE_ERR_VERIFY);
    /* the hash is not part of the signed string: changing it keeps the signature valid */
    snprintf(buf, sizeof buf, "%s", THIRD_DATA);
    {
        char *h = strstr(buf, "hash=");
        h[5] = h[5] == '0' ? '1' : '0';
        CHECK_OK(third(buf, 7342037359, WETEE_TELEGRAM_PRODUCTION, THIRD_AUTH));
        /* but every other field is */
        snprintf(buf, sizeof buf, "%s", THIRD_DATA);
        h = strstr(buf, "chat_type=private");
        h[10] = 'q';
        CHECK_ERR(third(buf, 7342037359, WETEE_TELEGRAM_PRODUCTION, THIRD_AUTH), WETEE_ERR_VERIFY);
    }

    /* aiogram's test key pair, bot 42 */
    {
        static const char ok[] = "auth_date=1650385342&user=%7B%22id%22%3A42%2C%22first_name%22%3A%22Test%22%7D&"
                                 "query_id=test&signature=JQ0JR2tjC65yq_jNZV0wuJVX6J-SWPMV0mprUXG34g-NvxL4RcF1Rz5n4VVo"
                                 "00VRghEUBf5t___uoeb1-jU_Cw";
        static const char bad[] = "auth_date=1650385342&user=%7B%22id%22%3A42%2C%22first_name%22%3A%22Test%22%7D&"
                                  "query_id=test&signature=JQ0JR2tjC65yq_jNZV0wuJVX6J-SWPMV0mprUXG34g-NvxL4RcF1Rz5n4VV"
                                  "o00VRghEUBf5t___uoeb1-j1U_w";
        static const char none[] = "auth_date=1650385342&user=%7B%22id%22%3A42%2C%22first_name%22%3A%22Test%22%7D&"
                                   "query_id=test";
        uint8_t pk[32];
        CHECK_OK(wetee_hex_decode_exact(pk, 32, "4112765021341e5415e772cd65903f6b94e3ea1c2ab669e6d3e18ee2db00da61", 64));
        CHECK_OK(wetee_telegram_init_data_validate_third_party(&d, ok, strlen(ok), 42, pk, 1650385342u, 60));
        CHECK(wetee_telegram_init_data_user_id(d) == 42);
        CHECK_STR(wetee_telegram_init_data_user_string(d, "first_name"), "Test");
        wetee_telegram_init_data_free(d);
        CHECK_ERR(wetee_telegram_init_data_validate_third_party(NULL, bad, strlen(bad), 42, pk, 1650385342u, 60),
                  WETEE_ERR_VERIFY);
        CHECK_ERR(wetee_telegram_init_data_validate_third_party(NULL, none, strlen(none), 42, pk, 1650385342u, 60),
                  WETEE_ERR_DECODE);
        CHECK_DETAIL("signature is missing");
        CHECK_ERR(wetee_telegram_init_data_validate_third_party(NULL, ok, strlen(ok), 42, NULL, 1650385342u, 60),
                  WETEE_ERR_INVALID_ARGUMENT);
    }
}

static void expect_malformed(const char *text, const char *detail)
{
    wetee_telegram_init_data *d = (wetee_telegram_init_data *)1;
    CHECK_ERR(wetee_telegram_init_data_parse(&d, text, strlen(text)), WETEE_ERR_DECODE);
    CHECK(d == NULL);
    CHECK_DETAIL(detail);
}

static void test_parse_strict(void)
{
    wetee_telegram_init_data *d = NULL;
    expect_malformed("", "empty");
    expect_malformed("a=1&a=2", "duplicate key \"a\"");
    expect_malformed("a=1&%61=2", "duplicate key");
    expect_malformed("a=1&&b=2", "empty field");
    expect_malformed("a=1&", "empty field");
    expect_malformed("a=1&b", "without '='");
    expect_malformed("=1", "empty key");
    expect_malformed("a=%4", "not followed by two hex digits");
    expect_malformed("a=%zz", "not followed by two hex digits");
    expect_malformed("a=%", "not followed by two hex digits");
    expect_malformed("a=x y", "raw space");
    expect_malformed("a=%00", "control character");
    expect_malformed("a=%0A", "control character");
    expect_malformed("a=%C3%28", "not UTF-8");
    expect_malformed("user=%7B%22id%22%3A%221%22%7D", "user.id is not an integer");
    expect_malformed("user=%7B%7D", "user.id is missing");
    expect_malformed("user=%5B%5D", "not a JSON object");
    expect_malformed("user=%7B", "user JSON");
    expect_malformed("user=%7B%22id%22%3A1%2C%22id%22%3A2%7D", "user JSON");
    expect_malformed("user=%7B%22id%22%3A1%2C%22is_premium%22%3A1%7D", "user.is_premium is not a boolean");
    expect_malformed("user=%7B%22id%22%3A1%2C%22username%22%3Anull%7D", "user.username is not a string");
    {
        char many[2048] = "";
        for (int i = 0; i < 257; i++) snprintf(many + strlen(many), sizeof many - strlen(many), "%sk%d=1", i ? "&" : "", i);
        expect_malformed(many, "fields (limit 256)");
    }
    /* '+' is a space, escapes in either case, keys may be escaped */
    {
        static const char t[] = "start_param=a+b%2b%2Bc&%71uery_id=%E2%82%AC";
        CHECK_OK(wetee_telegram_init_data_parse(&d, t, sizeof t - 1));
    }
    CHECK_STR(wetee_telegram_init_data_get(d, "start_param"), "a b++c");
    CHECK_STR(wetee_telegram_init_data_get(d, "query_id"), "\xe2\x82\xac");
    CHECK(wetee_telegram_init_data_has_user(d) == 0 && wetee_telegram_init_data_user_id(d) == 0);
    CHECK(wetee_telegram_init_data_user_string(d, "first_name") == NULL);
    CHECK(wetee_telegram_init_data_auth_date(d) == 0);
    wetee_telegram_init_data_free(d);
    CHECK(wetee_telegram_init_data_get(NULL, "a") == NULL);
    CHECK_ERR(wetee_telegram_init_data_parse(&d, "a=1", WETEE_TELEGRAM_INIT_DATA_MAX + 1), WETEE_ERR_TOO_LONG);
    CHECK_ERR(wetee_telegram_init_data_parse(NULL, "a=1", 3), WETEE_ERR_INVALID_ARGUMENT);
    wetee_telegram_init_data_free(NULL);
}

WT_MAIN("telegram", WT_CASE(test_hmac_vector), WT_CASE(test_third_party_vectors), WT_CASE(test_parse_strict))
