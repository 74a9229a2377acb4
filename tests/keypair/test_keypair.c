/* Secret URIs, the scheme-generic keypair and the polkadot.js JSON keystore.
 *
 * Expected values: keys.md §7.2 (polkadot-js suri.spec.ts / Substrate SURI
 * wiki), §7.4 (sp-core test seeds), §6.7 (keystore files); the remaining
 * publics, addresses, chain codes and the ecdsa/ethereum/unencrypted
 * keystores were produced with @polkadot/keyring 14.0.3 (Keyring.addFromUri,
 * keyExtractPath, pair.toJson). */
#define _POSIX_C_SOURCE 200809L
#include <time.h>

#include "wt_test.h"

#define PHRASE "bottom drive obey lake curtain smoke basket hold race lonely fit walk"
#define SEED11 "0x1111111111111111111111111111111111111111111111111111111111111111"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static wetee_keypair *from_suri(wetee_scheme scheme, const char *suri)
{
    wetee_keypair *kp = NULL;
    CHECK_OK(wetee_keypair_from_suri(&kp, scheme, suri, strlen(suri)));
    return kp;
}

/* Check a keypair's public key (hex) and address (text, prefix 42 or EIP-55). */
static void check_kp(const wetee_keypair *kp, const char *pub_hex, const char *address)
{
    uint8_t pub[WETEE_PUBLIC_MAX_BYTES];
    size_t pub_len = 0;
    wetee_buf addr = WETEE_BUF_INIT;
    CHECK(kp != NULL);
    if (!kp) return;
    CHECK_OK(wetee_keypair_public(kp, pub, &pub_len));
    CHECK(pub_len == strlen(pub_hex) / 2);
    CHECK_HEX(pub, pub_len, pub_hex);
    if (address) {
        CHECK_OK(wetee_keypair_address(&addr, kp, 42));
        CHECK_STR((const char *)addr.data, address);
    }
    wetee_buf_free(&addr);
}

static void check_suri(wetee_scheme scheme, const char *suri, const char *pub_hex, const char *address)
{
    wetee_keypair *kp = from_suri(scheme, suri);
    check_kp(kp, pub_hex, address);
    wetee_keypair_free(kp);
}

static void check_suri_err(wetee_scheme scheme, const char *suri, int code)
{
    wetee_keypair *kp = (wetee_keypair *)1;
    CHECK_ERR(wetee_keypair_from_suri(&kp, scheme, suri, strlen(suri)), code);
    CHECK(kp == NULL);
    CHECK(wetee_last_error()[0] != '\0');
}

/* ------------------------------------------------------------------ */
/* SURI parser                                                         */
/* ------------------------------------------------------------------ */

static wetee_suri *parse(const char *text)
{
    wetee_suri *s = NULL;
    CHECK_OK(wetee_suri_parse(&s, text, strlen(text)));
    return s;
}

static void check_junction(const wetee_suri *s, size_t i, int hard, const char *cc_hex)
{
    uint8_t cc[32];
    int is_hard = -1;
    CHECK_OK(wetee_suri_junction(s, i, cc, &is_hard));
    CHECK(is_hard == hard);
    CHECK_HEX(cc, 32, cc_hex);
}

static void check_parse_err(const char *text, size_t len, const char *needle)
{
    wetee_suri *s = (wetee_suri *)1;
    CHECK_ERR(wetee_suri_parse(&s, text, len), WETEE_ERR_DECODE);
    CHECK(s == NULL);
    if (needle && strstr(wetee_last_error(), needle) == NULL) {
        fprintf(stderr, "detail \"%s\" lacks \"%s\"\n", wetee_last_error(), needle);
        CHECK(0);
    }
}

WT_TEST(suri_forms)
{
    wetee_suri *s;
    uint8_t cc[32];

    s = parse("");
    CHECK_STR(wetee_suri_phrase(s), WETEE_DEV_PHRASE);
    CHECK(wetee_suri_password(s) == NULL);
    CHECK(wetee_suri_junction_count(s) == 0);
    CHECK_ERR(wetee_suri_junction(s, 0, cc, NULL), WETEE_ERR_INVALID_ARGUMENT);
    wetee_suri_free(s);

    s = parse("///");
    CHECK_STR(wetee_suri_phrase(s), WETEE_DEV_PHRASE);
    CHECK_STR(wetee_suri_password(s), "");
    CHECK(wetee_suri_junction_count(s) == 0);
    wetee_suri_free(s);

    s = parse("////////");
    CHECK_STR(wetee_suri_password(s), "/////");
    CHECK(wetee_suri_junction_count(s) == 0);
    wetee_suri_free(s);

    s = parse("sdasd///asda");
    CHECK_STR(wetee_suri_phrase(s), "sdasd");
    CHECK_STR(wetee_suri_password(s), "asda");
    wetee_suri_free(s);

    s = parse("hello world/s//h///pass");
    CHECK_STR(wetee_suri_phrase(s), "hello world");
    CHECK_STR(wetee_suri_password(s), "pass");
    CHECK(wetee_suri_junction_count(s) == 2);
    check_junction(s, 0, 0, "0473000000000000000000000000000000000000000000000000000000000000");
    check_junction(s, 1, 1, "0468000000000000000000000000000000000000000000000000000000000000");
    CHECK_ERR(wetee_suri_junction(s, 2, cc, NULL), WETEE_ERR_INVALID_ARGUMENT);
    wetee_suri_free(s);

    s = parse("sdasd/xx//a/b//c///pass");
    CHECK(wetee_suri_junction_count(s) == 4);
    check_junction(s, 0, 0, "0878780000000000000000000000000000000000000000000000000000000000");
    check_junction(s, 1, 1, "0461000000000000000000000000000000000000000000000000000000000000");
    check_junction(s, 2, 0, "0462000000000000000000000000000000000000000000000000000000000000");
    check_junction(s, 3, 1, "0463000000000000000000000000000000000000000000000000000000000000");
    CHECK_STR(wetee_suri_password(s), "pass");
    wetee_suri_free(s);

    /* junction text may hold any character but '/' (a line break too, except
     * a final one: see suri_whitespace) */
    s = parse("sdasd/asd.a//x y\n//z");
    CHECK(wetee_suri_junction_count(s) == 3);
    check_junction(s, 0, 0, "146173642e610000000000000000000000000000000000000000000000000000");
    check_junction(s, 1, 1, "107820790a000000000000000000000000000000000000000000000000000000");
    wetee_suri_free(s);

    /* a password keeps every '/' after the first "///" */
    s = parse(PHRASE "//foo///pass/word//x/y");
    CHECK_STR(wetee_suri_phrase(s), PHRASE);
    CHECK_STR(wetee_suri_password(s), "pass/word//x/y");
    CHECK(wetee_suri_junction_count(s) == 1);
    wetee_suri_free(s);

    /* 0x seeds are phrases too; UTF-8 junctions */
    s = parse(SEED11 "//\xc3\xbc");
    CHECK_STR(wetee_suri_phrase(s), SEED11);
    check_junction(s, 0, 1, "08c3bc0000000000000000000000000000000000000000000000000000000000");
    wetee_suri_free(s);

    /* NULL is fine for free */
    wetee_suri_free(NULL);
}

WT_TEST(suri_junction_encoding)
{
    wetee_suri *s;
    /* decimal u64 → 8 bytes LE (same chain code as polkadot.js below 2^64) */
    s = parse("//42/0//007//18446744073709551615");
    check_junction(s, 0, 1, "2a00000000000000000000000000000000000000000000000000000000000000");
    check_junction(s, 1, 0, "0000000000000000000000000000000000000000000000000000000000000000");
    check_junction(s, 2, 1, "0700000000000000000000000000000000000000000000000000000000000000");
    check_junction(s, 3, 1, "ffffffffffffffff000000000000000000000000000000000000000000000000");
    wetee_suri_free(s);
    /* 2^64 does not fit u64: sp-core encodes it as a string (polkadot.js as a 256-bit number) */
    s = parse("//18446744073709551616");
    check_junction(s, 0, 1, "5031383434363734343037333730393535313631360000000000000000000000");
    wetee_suri_free(s);
    /* Rust's u64 parser accepts a leading '+'; '-' makes it a string */
    s = parse("//+5/-5//+");
    check_junction(s, 0, 1, "0500000000000000000000000000000000000000000000000000000000000000");
    check_junction(s, 1, 0, "082d350000000000000000000000000000000000000000000000000000000000");
    check_junction(s, 2, 1, "042b000000000000000000000000000000000000000000000000000000000000");
    wetee_suri_free(s);
    /* SCALE string of exactly 32 bytes stays; 33 bytes is hashed with blake2b-256 */
    s = parse("//aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa//aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    check_junction(s, 0, 1, "7c61616161616161616161616161616161616161616161616161616161616161");
    check_junction(s, 1, 1, "75ad2af4378b683f716ddf82fef713e873c85a6376ce2acf71d04f79e221a068");
    wetee_suri_free(s);
    s = parse("//ThisIsAVeryLongJunctionNameExceedingThirtyTwoBytes");
    check_junction(s, 0, 1, "2e72ae35a01c1f8c1f748e63bce192be1451b3407efbf08237dba48b01fe6a7c");
    wetee_suri_free(s);
    s = parse("//Alice");
    check_junction(s, 0, 1, "14416c6963650000000000000000000000000000000000000000000000000000");
    wetee_suri_free(s);
    /* 64-byte string: two-byte compact prefix (0x01 0x01), hashed */
    {
        char text[2 + 64 + 1];
        uint8_t enc[66], want[32], cc[32];
        memset(text, 'b', sizeof text - 1);
        text[0] = text[1] = '/';
        text[sizeof text - 1] = 0;
        enc[0] = 0x01;
        enc[1] = 0x01;
        memset(enc + 2, 'b', 64);
        CHECK_OK(wetee_hash_blake2b_256(want, enc, sizeof enc));
        s = parse(text);
        CHECK_OK(wetee_suri_junction(s, 0, cc, NULL));
        CHECK(memcmp(cc, want, 32) == 0);
        wetee_suri_free(s);
    }
}

WT_TEST(suri_errors)
{
    check_parse_err("sdasd//", 7, "empty hard junction at offset 5");
    check_parse_err("sdasd/xx//", 10, "offset 8");
    check_parse_err("sdasd/", 6, "empty soft junction at offset 5");
    check_parse_err("//a//", 5, "offset 3");
    check_parse_err("sd.asd", 6, "phrase at offset 2");
    check_parse_err("sd.asd/asd.a", 12, "offset 2");
    check_parse_err("sd.asd//asd.a", 13, "offset 2");
    check_parse_err("sd.asd///asd.a\n", 15, "offset 2");
    check_parse_err("///\nb", 5, "password at offset 3");
    check_parse_err("///a\nb", 6, "offset 4");
    check_parse_err("///a\n\nb\n", 8, "offset 4");
    check_parse_err("abc\xc3", 4, "UTF-8 at offset 3");
    check_parse_err("abc//\xff", 6, "UTF-8 at offset 5");
    check_parse_err("abc//x\0y", 8, "NUL byte at offset 6");
    check_parse_err("\xc3\xa9t\xc3\xa9", 5, "offset 0");
    /* the detail never quotes the SURI */
    check_parse_err("secretword.", 11, NULL);
    CHECK(strstr(wetee_last_error(), "secretword") == NULL);
    {
        wetee_suri *s = NULL;
        CHECK_ERR(wetee_suri_parse(NULL, "a", 1), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_ERR(wetee_suri_parse(&s, NULL, 1), WETEE_ERR_INVALID_ARGUMENT);
    }
}

/* ------------------------------------------------------------------ */
/* keypairs from SURIs                                                 */
/* ------------------------------------------------------------------ */

WT_TEST(suri_vectors)
{
    /* keys.md §7.2 */
    check_suri(WETEE_SCHEME_SR25519, PHRASE, "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a",
               "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV");
    check_suri(WETEE_SCHEME_SR25519, PHRASE "///password",
               "b69355deefa7a8f33e9297f5af22e680f03597a99d4f4b1c44be47e7a2275802",
               "5GC6LfpV352HtJPySfAecb5JdePtf4R9Vq49NUU8RhzgBqgq");
    check_suri(WETEE_SCHEME_SR25519, PHRASE "/foo", "40b9675df90efa6069ff623b0fdfcf706cd47ca7452a5056c7ad58194d23440a",
               "5DXZzrDxHbkQov4QBAY4TjpwnHCMrKXkomTnKSw8UArBEY5v");
    check_suri(WETEE_SCHEME_SR25519, PHRASE "//foo", "547d4a55642ec7ebadc0bd29b6e570b8c926059b3c0655d4948075e9a7e6f31e",
               "5DyV6fZuvPemWrUqBgWwTSgoV86w6xms3KhkFU6cQcWxU8eP");
    check_suri(WETEE_SCHEME_SR25519, PHRASE "//foo/bar",
               "3841947ffcde6f5fef26fb68b59bb8665637e30e32ec2051f99cf6b9c674fe09",
               "5DLU27is5iViNopQb2KxsTyPx6j4vCu8X3sk3j3NNLkPCqKM");
    check_suri(WETEE_SCHEME_SR25519, PHRASE "/foo//bar",
               "dc142f7476a7b0aa262aeccf207f1d18daa90762db393006741e8a31f39dbc53",
               "5H3GPTqDSpjkfDwbHy12PD6BWm8jvGSX4xYC8UMprHpTPcRg");
    check_suri(WETEE_SCHEME_SR25519, PHRASE "//foo/bar//42/69",
               "a2e56b06407a6d1e819d2fc33fa0ec604b29c2e868b70b3696bb049b8725934b",
               "5FkHmNgbg64MwStgCyDi2Uw3ufFu11mqQgmWT9uwK4Lghvpv");
    check_suri(WETEE_SCHEME_SR25519, PHRASE "//foo/bar//42/69///password",
               "0e0d24e3e1ff2c07f269c99e2e0df8681fda1851ac42fc846ca2daaa90cd8f14",
               "5CP8S23JBNXYNpJsL7ESPJBNnUZE6itcfM4EnDxEhaVEU6dT");
    check_suri(WETEE_SCHEME_SR25519, PHRASE "//Alice",
               "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
               "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    check_suri(WETEE_SCHEME_ED25519, PHRASE "//Alice",
               "88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee",
               "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu");
    check_suri(WETEE_SCHEME_ED25519, PHRASE "//Bob", "d17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69",
               "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E");
    check_suri(WETEE_SCHEME_ECDSA, PHRASE "//Alice",
               "020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1",
               "5C7C2Z5sWbytvHpuLTvzKunnnRwQxft1jiqrLD5rhucQ5S9X");
    check_suri(WETEE_SCHEME_ETHEREUM,
               "seed sock milk update focus rotate barely fade car face mechanic mercy/m/44'/60'/0'/0/0",
               "0381351b1b46d2602b0992bb5d5531f9c1696b0812feb2534b6884adc47e2e1d8b",
               "0x31ea8795EE32D782C8ff41a5C68Dcbf0F5B27f6d");
    check_suri(WETEE_SCHEME_ETHEREUM, PHRASE "/m/44'/60'/0'/0/0",
               "02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f",
               "0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac");
    check_suri(WETEE_SCHEME_ETHEREUM, PHRASE "/m/44'/60'/0'/0/1",
               "033bc19e36ff1673910575b6727a974a9abd80c9a875d41ab3e2648dbfb9e4b518",
               "0x3Cd0A705a2DC65e5b1E1205896BaA2be8A07c6e0");
    /* ethereum private keys of the vectors */
    {
        wetee_keypair *kp = from_suri(WETEE_SCHEME_ETHEREUM, PHRASE "/m/44'/60'/0'/0/0");
        wetee_buf sec = WETEE_BUF_INIT;
        if (kp) {
            CHECK_OK(wetee_keypair_secret(kp, &sec));
            CHECK_HEX(sec.data, sec.len, "5fb92d6e98884f76de468fa3f6278f8807c48bebc13595d45af5bdc4da702133");
        }
        wetee_buf_free_secure(&sec);
        wetee_keypair_free(kp);
        kp = from_suri(WETEE_SCHEME_ETHEREUM,
                       "seed sock milk update focus rotate barely fade car face mechanic mercy/m/44'/60'/0'/0/0");
        if (kp) {
            CHECK_OK(wetee_keypair_secret(kp, &sec));
            CHECK_HEX(sec.data, sec.len, "070dc3117300011918e26b02176945cc15c3d548cf49fd8418d97f93af699e46");
        }
        wetee_buf_free_secure(&sec);
        wetee_keypair_free(kp);
    }
    /* //Alice secret of sr25519 (§7.1) */
    {
        wetee_keypair *kp = from_suri(WETEE_SCHEME_SR25519, "//Alice");
        wetee_buf sec = WETEE_BUF_INIT;
        if (kp) {
            CHECK_OK(wetee_keypair_secret(kp, &sec));
            CHECK_HEX(sec.data, sec.len,
                      "98319d4ff8a9508c4bb0cf0b5a78d760a0b2082c02775e6e82370816fedfff48"
                      "925a225d97aa00682d6a59b95b18780c10d7032336e88f3442b42361f4a66011");
        }
        wetee_buf_free_secure(&sec);
        wetee_keypair_free(kp);
    }
}

WT_TEST(suri_more_vectors)
{
    const char *long_j = "ThisIsAVeryLongJunctionNameExceedingThirtyTwoBytes";
    char buf[256];
    /* omitted phrase = DEV phrase */
    check_suri(WETEE_SCHEME_SR25519, "//Alice", "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", NULL);
    check_suri(WETEE_SCHEME_SR25519, "", "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a", NULL);
    /* extra spaces around and inside the phrase, as the bip39 crate splits on whitespace */
    check_suri(WETEE_SCHEME_SR25519,
               "  bottom drive  obey lake curtain smoke basket hold race lonely fit walk //Alice",
               "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", NULL);
    /* long junctions (> 32 bytes → blake2b-256) */
    snprintf(buf, sizeof buf, PHRASE "//%s", long_j);
    check_suri(WETEE_SCHEME_SR25519, buf, "5c35e4bc99aa6bdf7aac70de3eaf6096bf5a7640daee0be5571907bdbd2bbd47", NULL);
    check_suri(WETEE_SCHEME_ED25519, buf, "315aba3e1dd7f1d55786097f7028a48b40d1fc0f9a292bb0bc3d97143ec65b17", NULL);
    check_suri(WETEE_SCHEME_ECDSA, buf, "028c70bb34a6db77e9b912c7bcf905cec7ceefa39d2d219da4b648f3645cae8b46",
               "5Gg8yyTmAMd227bcTeYcYs29mDxfZsYFuWXqSyXVZtxWWzWy");
    snprintf(buf, sizeof buf, PHRASE "/%s", long_j);
    check_suri(WETEE_SCHEME_SR25519, buf, "080ca1f05cf8deee07cf8697afc7b9af0967279b79c61ccb33b58b150b6ddc76", NULL);
    /* numeric junctions */
    check_suri(WETEE_SCHEME_SR25519, PHRASE "//18446744073709551615",
               "a4ca284d5222ef916e2e181430785972ed22cb51ef91a0c6cdbbd390ee74bc77", NULL);
    check_suri(WETEE_SCHEME_SR25519, PHRASE "//0", "2afba9278e30ccf6a6ceb3a8b6e336b70068f045c666f2e7f4f9cc5f47db8972",
               NULL);
    check_suri(WETEE_SCHEME_SR25519, PHRASE "//007", "ba8e2c7594dd74730f3ca835e95455d199261897edc9735d602ea29615e2b10b",
               NULL);
    /* a password containing '/' */
    check_suri(WETEE_SCHEME_SR25519, PHRASE "//foo///pass/word",
               "fe8b89fcf46b1bfbeef66aad599b78076a54721c351b15f4a8cbec1011079d75", NULL);
    /* raw seeds; a password after a seed is ignored (sp-core, polkadot.js) */
    check_suri(WETEE_SCHEME_SR25519, SEED11 "//Alice", "dabfe5cde158fac0217849eccf2901bc233901649b3038f6caa15e475772844c",
               NULL);
    check_suri(WETEE_SCHEME_SR25519, SEED11 "//Alice///ignored",
               "dabfe5cde158fac0217849eccf2901bc233901649b3038f6caa15e475772844c", NULL);
    check_suri(WETEE_SCHEME_ED25519, SEED11 "//Alice", "6b06674d866dc05f1338717f6dc46007618b520913e77cb43991c1bc730a920e",
               NULL);
    check_suri(WETEE_SCHEME_ECDSA, SEED11 "//Alice", "03e6c0bc601ab634ba610b33b9b1db166885f554654c1e0d011f190dca2dfd421f",
               "5Fxo9dXUr9ADXKSPUCDUkZnqATbcSYnVVzv9Qqy3RrgBKr8Z");
    check_suri(WETEE_SCHEME_ECDSA, PHRASE "//Alice//Bob",
               "038bba7a8ff06a8ebfaa10cc7515ee2657135c7d57f4df9008085dab46b9b66d12",
               "5Fy5fiJV4Z9CdY9e1oG7vuwMbsXEuXezXLdrcJZk2k4REogz");
    /* sp-core seeds (§7.4) */
    check_suri(WETEE_SCHEME_SR25519, "0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
               "44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f", NULL);
    check_suri(WETEE_SCHEME_ED25519, "0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
               "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", NULL);
    check_suri(WETEE_SCHEME_ECDSA, "0x9D61B19DEFFD5A60BA844AF492EC2CC44449C5697B326919703BAC031CAE7F60",
               "028db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd91", NULL);
    /* ethereum: no path = BIP-32 master key; 0x = private key (passwords: eth_suri_password) */
    check_suri(WETEE_SCHEME_ETHEREUM, PHRASE, "03a9a46a7552b91ff55d994efb2138ac003379f85af2178775d255d57209834891",
               "0x7c4dE272D0091EF8115067C4067F40B6Df3647af");
    check_suri(WETEE_SCHEME_ETHEREUM, PHRASE "/m/44'/60'/0'/0/0",
               "02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f",
               "0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac");
    check_suri(WETEE_SCHEME_ETHEREUM, "/m/44'/60'/0'/0/0",
               "02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f", NULL);
    check_suri(WETEE_SCHEME_ETHEREUM, SEED11, "034f355bdcb7cc0af728ef3cceb9615d90684bb5b2ca5f859ab0f0b704075871aa",
               "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A");
}

WT_TEST(alice_addresses)
{
    static const struct {
        wetee_scheme scheme;
        const char *addr[3]; /* prefixes 0, 2, 42 */
    } v[] = {
        { WETEE_SCHEME_SR25519,
          { "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5", "HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F",
            "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" } },
        { WETEE_SCHEME_ED25519,
          { "146SvjUZXoMaemdeiecyxgALeYMm8ZWh1yrGo8RtpoPfe7WL", "FfmSiZNJP72xtSaXiP2iUhBwWeMEvmjPrxY2ViVkWaeChDC",
            "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu" } },
        { WETEE_SCHEME_ECDSA,
          { "13VAtLwNPFNMpqRJ6yzU4cwe3w4eyS9pDaLVW5DFzdvFwWa", "CcogsRk8xzpfweM7Ak3Ds9nw2DemLhCC6gbisMpBhptpgcr",
            "5C7C2Z5sWbytvHpuLTvzKunnnRwQxft1jiqrLD5rhucQ5S9X" } },
    };
    static const uint16_t prefixes[3] = { 0, 2, 42 };
    size_t i, j;
    for (i = 0; i < sizeof v / sizeof v[0]; i++) {
        wetee_keypair *kp = from_suri(v[i].scheme, PHRASE "//Alice");
        wetee_buf addr = WETEE_BUF_INIT;
        if (!kp) continue;
        for (j = 0; j < 3; j++) {
            CHECK_OK(wetee_keypair_address(&addr, kp, prefixes[j]));
            CHECK_STR((const char *)addr.data, v[i].addr[j]);
        }
        wetee_buf_free(&addr);
        wetee_keypair_free(kp);
    }
    /* ecdsa account id = blake2b-256(pub33) */
    {
        wetee_keypair *kp = from_suri(WETEE_SCHEME_ECDSA, PHRASE "//Alice");
        uint8_t id[32];
        size_t n = 0;
        if (kp) {
            CHECK_OK(wetee_keypair_account_id(kp, id, &n));
            CHECK(n == 32);
            CHECK_HEX(id, n, "01e552298e47454041ea31273b4b630c64c104e4514aa3643490b8aaca9cf8ed");
        }
        wetee_keypair_free(kp);
        kp = from_suri(WETEE_SCHEME_ETHEREUM, PHRASE "/m/44'/60'/0'/0/0");
        if (kp) {
            CHECK_OK(wetee_keypair_account_id(kp, id, &n));
            CHECK(n == 20);
            CHECK_HEX(id, n, "f24ff3a9cf04c71dbc94d0b566f7a27b94566cac");
        }
        wetee_keypair_free(kp);
    }
}

WT_TEST(suri_negatives)
{
    check_suri_err(WETEE_SCHEME_SR25519, PHRASE "//", WETEE_ERR_DECODE);
    check_suri_err(WETEE_SCHEME_SR25519, PHRASE "//a//", WETEE_ERR_DECODE);
    check_suri_err(WETEE_SCHEME_SR25519, PHRASE ",", WETEE_ERR_DECODE);
    /* hex seed lengths */
    check_suri_err(WETEE_SCHEME_SR25519, "0x1234", WETEE_ERR_DECODE);
    check_suri_err(WETEE_SCHEME_ED25519, SEED11 "11", WETEE_ERR_DECODE);
    check_suri_err(WETEE_SCHEME_ECDSA, SEED11 "1", WETEE_ERR_DECODE);
    check_suri_err(WETEE_SCHEME_ED25519, SEED11 "1111111111111111111111111111111111111111111111111111111111111111",
                   WETEE_ERR_DECODE); /* 64 bytes: sr25519 only */
    check_suri_err(WETEE_SCHEME_SR25519, "0x11111111111111111111111111111111111111111111111111111111111111zz",
                   WETEE_ERR_DECODE);
    check_suri_err(WETEE_SCHEME_SR25519, "0x", WETEE_ERR_DECODE);
    check_suri_err(WETEE_SCHEME_ETHEREUM, "0x1234", WETEE_ERR_DECODE);
    CHECK(strstr(wetee_last_error(), "1234") == NULL);
    /* ecdsa secret out of range */
    check_suri_err(WETEE_SCHEME_ECDSA, "0x0000000000000000000000000000000000000000000000000000000000000000",
                   WETEE_ERR_CRYPTO);
    check_suri_err(WETEE_SCHEME_ETHEREUM, "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                   WETEE_ERR_CRYPTO);
    /* invalid mnemonics: unknown word, bad checksum, bad count, a plain word */
    check_suri_err(WETEE_SCHEME_SR25519, "bottom drive obey lake curtain smoke basket hold race lonely fit wolk",
                   WETEE_ERR_DECODE);
    check_suri_err(WETEE_SCHEME_SR25519, "bottom drive obey lake curtain smoke basket hold race lonely fit fit",
                   WETEE_ERR_CHECKSUM);
    check_suri_err(WETEE_SCHEME_ED25519, "bottom drive obey lake curtain smoke basket hold race lonely fit",
                   WETEE_ERR_DECODE);
    check_suri_err(WETEE_SCHEME_SR25519, "Alice", WETEE_ERR_DECODE);
    check_suri_err(WETEE_SCHEME_ETHEREUM, "bottom drive obey lake curtain smoke basket hold race lonely fit fit",
                   WETEE_ERR_CHECKSUM);
    /* soft junctions on ed25519 / ecdsa */
    check_suri_err(WETEE_SCHEME_ED25519, PHRASE "/foo", WETEE_ERR_UNSUPPORTED);
    CHECK(strstr(wetee_last_error(), "soft") != NULL);
    check_suri_err(WETEE_SCHEME_ECDSA, PHRASE "//Alice/foo", WETEE_ERR_UNSUPPORTED);
    check_suri_err(WETEE_SCHEME_ED25519, SEED11 "/1", WETEE_ERR_UNSUPPORTED);
    /* ethereum: a path after a raw private key; a bad BIP-32 path */
    check_suri_err(WETEE_SCHEME_ETHEREUM, SEED11 "/m/0", WETEE_ERR_UNSUPPORTED);
    {
        wetee_keypair *kp = (wetee_keypair *)1;
        CHECK(wetee_keypair_from_suri(&kp, WETEE_SCHEME_ETHEREUM, PHRASE "/x/0", strlen(PHRASE "/x/0")) != WETEE_OK);
        CHECK(kp == NULL);
        CHECK(wetee_keypair_from_suri(&kp, (wetee_scheme)7, "//Alice", 7) == WETEE_ERR_INVALID_ARGUMENT);
        CHECK(wetee_keypair_from_suri(NULL, WETEE_SCHEME_SR25519, "//Alice", 7) == WETEE_ERR_INVALID_ARGUMENT);
    }
}

/* ------------------------------------------------------------------ */
/* other constructors, derive, sign/verify                              */
/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */
/* limits, whitespace, the Ethereum password                           */
/* ------------------------------------------------------------------ */

/* The public key of a SURI as hex (empty string on error). */
static void suri_pub_hex(char hex[2 * WETEE_PUBLIC_MAX_BYTES + 1], wetee_scheme scheme, const char *suri,
                         size_t len, const wetee_suri_options *opts)
{
    wetee_keypair *kp = NULL;
    uint8_t pub[WETEE_PUBLIC_MAX_BYTES];
    size_t n = 0, i;
    hex[0] = 0;
    CHECK_OK(wetee_keypair_from_suri_opts(&kp, scheme, suri, len, opts));
    if (!kp) return;
    CHECK_OK(wetee_keypair_public(kp, pub, &n));
    for (i = 0; i < n; i++) snprintf(hex + 2 * i, 3, "%02x", pub[i]);
    wetee_keypair_free(kp);
}

static void check_same_suri(wetee_scheme scheme, const char *suri, const char *canonical)
{
    char a[2 * WETEE_PUBLIC_MAX_BYTES + 1], b[2 * WETEE_PUBLIC_MAX_BYTES + 1];
    suri_pub_hex(a, scheme, suri, strlen(suri), NULL);
    suri_pub_hex(b, scheme, canonical, strlen(canonical), NULL);
    CHECK(a[0] != 0);
    if (strcmp(a, b) != 0) fprintf(stderr, "  SURI %d \"%s\" differs from \"%s\"\n", (int)scheme, suri, canonical);
    CHECK_STR(a, b);
}

WT_TEST(suri_limits)
{
    wetee_suri *s = NULL;
    wetee_keypair *kp = NULL, *root;
    size_t big = 2u << 20, i, n;
    char *text = malloc(big + 1);
    CHECK(text != NULL);
    if (!text) return;
    /* 2 MiB of "//a": refused before any work (it took 26 s to derive before the limit) */
    for (i = 0; i + 3 <= big; i += 3) memcpy(text + i, "//a", 3);
    n = i;
    CHECK_ERR(wetee_suri_parse(&s, text, n), WETEE_ERR_TOO_LONG);
    CHECK(strstr(wetee_last_error(), "above the limit of 4096") != NULL);
    CHECK(s == NULL);
    CHECK_ERR(wetee_keypair_from_suri(&kp, WETEE_SCHEME_SR25519, text, n), WETEE_ERR_TOO_LONG);
    CHECK(kp == NULL);
    root = from_suri(WETEE_SCHEME_SR25519, "//Alice");
    CHECK_ERR(wetee_keypair_derive(&kp, root, text, n), WETEE_ERR_TOO_LONG);
    CHECK(kp == NULL);
    /* exactly WETEE_SURI_MAX_JUNCTIONS junctions pass, one more is refused (also within 4096 bytes) */
    n = 3 * WETEE_SURI_MAX_JUNCTIONS;
    CHECK_OK(wetee_suri_parse(&s, text, n));
    CHECK(wetee_suri_junction_count(s) == WETEE_SURI_MAX_JUNCTIONS);
    wetee_suri_free(s);
    s = NULL;
    CHECK_ERR(wetee_suri_parse(&s, text, n + 3), WETEE_ERR_TOO_LONG);
    CHECK(strstr(wetee_last_error(), "more than 256 junctions") != NULL);
    CHECK_ERR(wetee_keypair_derive(&kp, root, text, n + 3), WETEE_ERR_TOO_LONG);
    CHECK_OK(wetee_keypair_derive(&kp, root, text, n));
    wetee_keypair_free(kp);
    kp = NULL;
    /* WETEE_SURI_MAX_BYTES itself is accepted: a 4096-byte password */
    memcpy(text, "///", 3);
    memset(text + 3, 'p', WETEE_SURI_MAX_BYTES - 3);
    CHECK_OK(wetee_suri_parse(&s, text, WETEE_SURI_MAX_BYTES));
    if (s) CHECK(strlen(wetee_suri_password(s)) == WETEE_SURI_MAX_BYTES - 3);
    wetee_suri_free(s);
    s = NULL;
    CHECK_ERR(wetee_suri_parse(&s, text, WETEE_SURI_MAX_BYTES + 1), WETEE_ERR_TOO_LONG);
    /* an Ethereum path of 255 BIP-32 levels ("m" + 255 junctions) fits; 256 levels does not */
    n = (size_t)sprintf(text, "%s/m", PHRASE);
    for (i = 0; i < 255; i++) n += (size_t)sprintf(text + n, "/%zu'", i);
    CHECK_OK(wetee_keypair_from_suri(&kp, WETEE_SCHEME_ETHEREUM, text, n));
    wetee_keypair_free(kp);
    kp = NULL;
    n += (size_t)sprintf(text + n, "/7");
    CHECK_ERR(wetee_keypair_from_suri(&kp, WETEE_SCHEME_ETHEREUM, text, n), WETEE_ERR_TOO_LONG);
    CHECK(strstr(wetee_last_error(), "more than 256 junctions") != NULL);
    wetee_keypair_free(root);
    free(text);
}

WT_TEST(suri_whitespace)
{
    static const wetee_scheme schemes[] = { WETEE_SCHEME_SR25519, WETEE_SCHEME_ED25519, WETEE_SCHEME_ECDSA };
    /* SURIs that must name the key of their canonical form */
    static const struct { const char *suri, *canonical; } same[] = {
        { PHRASE "\n", PHRASE },
        { PHRASE "\r\n", PHRASE },
        { PHRASE "\n\n", PHRASE },
        { "  " PHRASE "  //Alice", PHRASE "//Alice" },
        { "\t" PHRASE "\t//Alice", PHRASE "//Alice" },
        { "bottom  drive\tobey\nlake\r\ncurtain smoke basket hold race lonely fit walk//Alice", PHRASE "//Alice" },
        /* U+3000 ideographic space and U+00A0 no-break space (sp-core's bip39 splits on them) */
        { "bottom\xe3\x80\x80" "drive\xc2\xa0obey lake curtain smoke basket hold race lonely fit walk//Alice",
          PHRASE "//Alice" },
        { PHRASE "///pw\n", PHRASE "///pw" },
        { PHRASE "//Alice///pw\r\n", PHRASE "//Alice///pw" },
        { "//Alice///pw\n", "//Alice///pw" },
        { SEED11 "\n", SEED11 },
        { " " SEED11 " //Alice", SEED11 "//Alice" },
    };
    size_t i, k;
    for (k = 0; k < sizeof schemes / sizeof schemes[0]; k++)
        for (i = 0; i < sizeof same / sizeof same[0]; i++) check_same_suri(schemes[k], same[i].suri, same[i].canonical);
    /* Ethereum: the path goes to BIP-32, so a final line break after it is dropped too */
    check_same_suri(WETEE_SCHEME_ETHEREUM, PHRASE "\n", PHRASE);
    check_same_suri(WETEE_SCHEME_ETHEREUM, "\t" PHRASE " /m/44'/60'/0'/0/0\n", PHRASE "/m/44'/60'/0'/0/0");
    check_same_suri(WETEE_SCHEME_ETHEREUM, "0x5fb92d6e98884f76de468fa3f6278f8807c48bebc13595d45af5bdc4da702133\r\n",
                    "0x5fb92d6e98884f76de468fa3f6278f8807c48bebc13595d45af5bdc4da702133");
    /* the password keeps what sp-core keeps: a lone '\r' and trailing spaces are part of it */
    {
        char a[2 * WETEE_PUBLIC_MAX_BYTES + 1], b[2 * WETEE_PUBLIC_MAX_BYTES + 1];
        suri_pub_hex(a, WETEE_SCHEME_SR25519, PHRASE "///pw ", strlen(PHRASE "///pw "), NULL);
        suri_pub_hex(b, WETEE_SCHEME_SR25519, PHRASE "///pw", strlen(PHRASE "///pw"), NULL);
        CHECK(strcmp(a, b) != 0);
        suri_pub_hex(a, WETEE_SCHEME_SR25519, PHRASE "///pw\r", strlen(PHRASE "///pw\r"), NULL);
        CHECK(strcmp(a, b) != 0);
    }
    /* a final line break after a junction is ambiguous (sp-core: part of the name) */
    for (k = 0; k < sizeof schemes / sizeof schemes[0]; k++) {
        check_suri_err(schemes[k], PHRASE "//Alice\n", WETEE_ERR_DECODE);
        CHECK(strstr(wetee_last_error(), "line break at offset") != NULL);
    }
    check_parse_err("//Alice\r\n", 9, "junction at offset 0");
    /* whitespace only is no phrase */
    check_suri_err(WETEE_SCHEME_SR25519, " \t\n//Alice", WETEE_ERR_DECODE);
    /* the parsed phrase is as written, whitespace included */
    {
        wetee_suri *s = parse("\tab c\n");
        CHECK_STR(wetee_suri_phrase(s), "\tab c");
        wetee_suri_free(s);
    }
}

WT_TEST(eth_suri_password)
{
    static const char *const with_pw[] = { PHRASE "///pw", PHRASE "/m/44'/60'/0'/0/0///pw", "///pw",
                                           "0x5fb92d6e98884f76de468fa3f6278f8807c48bebc13595d45af5bdc4da702133///pw" };
    wetee_suri_options opts = WETEE_SURI_OPTIONS_INIT;
    wetee_keypair *kp = NULL;
    char a[2 * WETEE_PUBLIC_MAX_BYTES + 1], b[2 * WETEE_PUBLIC_MAX_BYTES + 1];
    size_t i;
    CHECK(opts.version == WETEE_SURI_OPTIONS_VERSION && opts.eth_password == WETEE_ETH_PASSWORD_REJECT);
    /* default: refused, naming both conventions; never silently dropped */
    for (i = 0; i < sizeof with_pw / sizeof with_pw[0]; i++) {
        CHECK_ERR(wetee_keypair_from_suri(&kp, WETEE_SCHEME_ETHEREUM, with_pw[i], strlen(with_pw[i])),
                  WETEE_ERR_UNSUPPORTED);
        CHECK(strstr(wetee_last_error(), "polkadot.js ignores it") != NULL);
        CHECK(strstr(wetee_last_error(), "substrate-interface uses it as the BIP-39 passphrase") != NULL);
        CHECK(kp == NULL);
    }
    CHECK_ERR(wetee_keypair_from_suri(&kp, WETEE_SCHEME_ETHEREUM, PHRASE "///hunter2", strlen(PHRASE "///hunter2")),
              WETEE_ERR_UNSUPPORTED);
    CHECK(strstr(wetee_last_error(), "hunter2") == NULL); /* never quoted */
    /* an empty password means the same everywhere */
    check_same_suri(WETEE_SCHEME_ETHEREUM, PHRASE "/m/44'/60'/0'/0/0///", PHRASE "/m/44'/60'/0'/0/0");
    /* IGNORE: polkadot.js */
    opts.eth_password = WETEE_ETH_PASSWORD_IGNORE;
    suri_pub_hex(a, WETEE_SCHEME_ETHEREUM, with_pw[1], strlen(with_pw[1]), &opts);
    CHECK_STR(a, "02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f"); /* Alith */
    suri_pub_hex(a, WETEE_SCHEME_ETHEREUM, with_pw[3], strlen(with_pw[3]), &opts);
    CHECK_STR(a, "02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f");
    /* PASSPHRASE: substrate-interface; expected values from @polkadot/util-crypto 14.0.3
     * hdEthereum(mnemonicToLegacySeed(PHRASE, "pw", false, 64), path) */
    opts.eth_password = WETEE_ETH_PASSWORD_PASSPHRASE;
    suri_pub_hex(a, WETEE_SCHEME_ETHEREUM, with_pw[1], strlen(with_pw[1]), &opts);
    CHECK_STR(a, "03f1dd0d5711e8cd0e84bbc61de9d68da564c998108f8711d19c5f5aabcbad616c");
    /* ... and hdEthereum(mnemonicToLegacySeed(PHRASE, "Substrate", false, 64), "m"), which
     * wetee_keypair_from_mnemonic() gives too */
    suri_pub_hex(a, WETEE_SCHEME_ETHEREUM, PHRASE "///Substrate", strlen(PHRASE "///Substrate"), &opts);
    CHECK_STR(a, "03c16f3238936d7b5b994650083574cafbb3e96fee8cb8b8db46ca2e9c674c9548");
    CHECK_OK(wetee_keypair_from_mnemonic(&kp, WETEE_SCHEME_ETHEREUM, PHRASE, strlen(PHRASE), "Substrate", 9));
    check_kp(kp, "03c16f3238936d7b5b994650083574cafbb3e96fee8cb8b8db46ca2e9c674c9548", NULL);
    wetee_keypair_free(kp);
    kp = NULL;
    /* ... with a final newline after the password */
    suri_pub_hex(b, WETEE_SCHEME_ETHEREUM, PHRASE "///Substrate\n", strlen(PHRASE "///Substrate\n"), &opts);
    CHECK_STR(b, "03c16f3238936d7b5b994650083574cafbb3e96fee8cb8b8db46ca2e9c674c9548");
    /* a passphrase needs a mnemonic */
    CHECK_ERR(wetee_keypair_from_suri_opts(&kp, WETEE_SCHEME_ETHEREUM, with_pw[3], strlen(with_pw[3]), &opts),
              WETEE_ERR_UNSUPPORTED);
    /* the option concerns Ethereum only: sr25519 uses the password as sp-core does in every mode */
    suri_pub_hex(a, WETEE_SCHEME_SR25519, with_pw[0], strlen(with_pw[0]), &opts);
    suri_pub_hex(b, WETEE_SCHEME_SR25519, with_pw[0], strlen(with_pw[0]), NULL);
    CHECK_STR(a, b);
    /* bad options */
    opts.eth_password = (wetee_eth_password)3;
    CHECK_ERR(wetee_keypair_from_suri_opts(&kp, WETEE_SCHEME_ETHEREUM, PHRASE, strlen(PHRASE), &opts),
              WETEE_ERR_INVALID_ARGUMENT);
    opts.eth_password = WETEE_ETH_PASSWORD_IGNORE;
    opts.version = 2;
    CHECK_ERR(wetee_keypair_from_suri_opts(&kp, WETEE_SCHEME_ETHEREUM, PHRASE, strlen(PHRASE), &opts),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK(kp == NULL);
}

WT_TEST(seeds_and_mnemonics)
{
    uint8_t seed[64], canonical[64], sig[WETEE_SIGNATURE_MAX_BYTES], id[32];
    size_t n = 0, sig_len = 0;
    wetee_keypair *kp = NULL, *kp2 = NULL;
    wetee_buf sec = WETEE_BUF_INIT;

    wt_unhex(seed, 32, "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    CHECK_OK(wetee_keypair_from_seed(&kp, WETEE_SCHEME_SR25519, seed, 32));
    check_kp(kp, "44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f", NULL);
    CHECK(wetee_keypair_scheme(kp) == WETEE_SCHEME_SR25519);
    wetee_keypair_free(kp);
    kp = NULL;
    CHECK_OK(wetee_keypair_from_seed(&kp, WETEE_SCHEME_ED25519, seed, 32));
    check_kp(kp, "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", NULL);
    if (kp) {
        CHECK_OK(wetee_keypair_sign(kp, sig, &sig_len, NULL, 0));
        CHECK(sig_len == 64);
        CHECK_HEX(sig, 64,
                  "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                  "d25bf5f0595bbe24655141438e7a100b");
        CHECK_OK(wetee_keypair_secret(kp, &sec));
        CHECK(sec.len == 64);
        CHECK_HEX(sec.data, 32, "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        wetee_buf_free_secure(&sec);
    }
    wetee_keypair_free(kp);
    kp = NULL;
    CHECK_OK(wetee_keypair_from_seed(&kp, WETEE_SCHEME_ECDSA, seed, 32));
    check_kp(kp, "028db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd91", NULL);
    if (kp) {
        CHECK_OK(wetee_keypair_account_id(kp, id, &n));
        CHECK_HEX(id, 32, "e9ba765d811b3ded32b9184a8a4adcacbb1fdeebbe4401484dae2f0588c246e4");
        CHECK_OK(wetee_keypair_sign(kp, sig, &sig_len, (const uint8_t *)"", 0));
        CHECK(sig_len == 65);
        CHECK_HEX(sig, 65,
                  "3dde91174bd9359027be59a428b8146513df80a2a3c7eda2194f64de04a69ab97b753169e94db6ffd50921a2668a48b9"
                  "4ca11e3d32c1ff19cfe88890aa7e8f3c00");
    }
    wetee_keypair_free(kp);
    kp = NULL;

    /* sr25519 64-byte canonical secret (sp-core from_seed_slice) */
    kp2 = from_suri(WETEE_SCHEME_SR25519, "//Alice");
    if (kp2) {
        CHECK_OK(wetee_keypair_secret(kp2, &sec));
        CHECK_OK(wetee_sr25519_secret_to_canonical(canonical, sec.data));
        CHECK_OK(wetee_keypair_from_seed(&kp, WETEE_SCHEME_SR25519, canonical, 64));
        check_kp(kp, "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", NULL);
        wetee_keypair_free(kp);
        kp = NULL;
        wetee_buf_free_secure(&sec);
        /* the same as a 0x SURI of 64 bytes */
        {
            wetee_buf hex = WETEE_BUF_INIT;
            CHECK_OK(wetee_hex_encode(&hex, canonical, 64, WETEE_HEX_PREFIX));
            check_suri(WETEE_SCHEME_SR25519, (const char *)hex.data,
                       "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", NULL);
            wetee_buf_free_secure(&hex);
        }
    }
    wetee_keypair_free(kp2);
    CHECK_ERR(wetee_keypair_from_seed(&kp, WETEE_SCHEME_ED25519, canonical, 64), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_keypair_from_seed(&kp, WETEE_SCHEME_SR25519, canonical, 31), WETEE_ERR_INVALID_ARGUMENT);
    CHECK(kp == NULL);
    wetee_wipe(canonical, sizeof canonical);

    /* mnemonics */
    CHECK_OK(wetee_keypair_from_mnemonic(&kp, WETEE_SCHEME_SR25519, PHRASE, strlen(PHRASE), NULL, 0));
    check_kp(kp, "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a", NULL);
    wetee_keypair_free(kp);
    kp = NULL;
    CHECK_OK(wetee_keypair_from_mnemonic(&kp, WETEE_SCHEME_SR25519, PHRASE, strlen(PHRASE), "password", 8));
    check_kp(kp, "b69355deefa7a8f33e9297f5af22e680f03597a99d4f4b1c44be47e7a2275802", NULL);
    wetee_keypair_free(kp);
    kp = NULL;
    CHECK_OK(wetee_keypair_from_mnemonic(&kp, WETEE_SCHEME_ETHEREUM, PHRASE, strlen(PHRASE), NULL, 0));
    check_kp(kp, "03a9a46a7552b91ff55d994efb2138ac003379f85af2178775d255d57209834891", NULL);
    wetee_keypair_free(kp);
    kp = NULL;
    CHECK_ERR(wetee_keypair_from_mnemonic(&kp, WETEE_SCHEME_ED25519, "abandon abandon", 15, NULL, 0),
              WETEE_ERR_DECODE);
    CHECK(kp == NULL);
}

WT_TEST(derive)
{
    wetee_keypair *root = from_suri(WETEE_SCHEME_SR25519, PHRASE), *kp = NULL, *kp2 = NULL;
    if (root) {
        CHECK_OK(wetee_keypair_derive(&kp, root, "//Alice", 7));
        check_kp(kp, "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", NULL);
        wetee_keypair_free(kp);
        kp = NULL;
        CHECK_OK(wetee_keypair_derive(&kp, root, "//foo/bar", 9));
        check_kp(kp, "3841947ffcde6f5fef26fb68b59bb8665637e30e32ec2051f99cf6b9c674fe09", NULL);
        /* deriving in two steps gives the same key */
        CHECK_OK(wetee_keypair_derive(&kp2, kp, "//42/69", 7));
        check_kp(kp2, "a2e56b06407a6d1e819d2fc33fa0ec604b29c2e868b70b3696bb049b8725934b", NULL);
        wetee_keypair_free(kp2);
        kp2 = NULL;
        /* an empty path copies */
        CHECK_OK(wetee_keypair_derive(&kp2, kp, "", 0));
        check_kp(kp2, "3841947ffcde6f5fef26fb68b59bb8665637e30e32ec2051f99cf6b9c674fe09", NULL);
        wetee_keypair_free(kp2);
        kp2 = NULL;
        wetee_keypair_free(kp);
        kp = NULL;
        CHECK_ERR(wetee_keypair_derive(&kp, root, "Alice", 5), WETEE_ERR_DECODE);
        CHECK_ERR(wetee_keypair_derive(&kp, root, "//Alice///pw", 12), WETEE_ERR_DECODE);
        CHECK_ERR(wetee_keypair_derive(&kp, root, "//", 2), WETEE_ERR_DECODE);
        CHECK(kp == NULL);
    }
    wetee_keypair_free(root);

    root = from_suri(WETEE_SCHEME_ED25519, PHRASE);
    if (root) {
        CHECK_OK(wetee_keypair_derive(&kp, root, "//Alice", 7));
        check_kp(kp, "88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee", NULL);
        wetee_keypair_free(kp);
        kp = NULL;
        CHECK_ERR(wetee_keypair_derive(&kp, root, "/Alice", 6), WETEE_ERR_UNSUPPORTED);
    }
    wetee_keypair_free(root);
    root = from_suri(WETEE_SCHEME_ECDSA, PHRASE);
    if (root) {
        CHECK_OK(wetee_keypair_derive(&kp, root, "//Alice", 7));
        check_kp(kp, "020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1", NULL);
        wetee_keypair_free(kp);
        kp = NULL;
        CHECK_ERR(wetee_keypair_derive(&kp, root, "//Alice/0", 9), WETEE_ERR_UNSUPPORTED);
    }
    wetee_keypair_free(root);
    root = from_suri(WETEE_SCHEME_ETHEREUM, PHRASE);
    if (root) CHECK_ERR(wetee_keypair_derive(&kp, root, "/0", 2), WETEE_ERR_UNSUPPORTED);
    wetee_keypair_free(root);
    wetee_keypair_free(NULL);
}

WT_TEST(generate_sign_verify)
{
    static const wetee_scheme schemes[4] = { WETEE_SCHEME_SR25519, WETEE_SCHEME_ED25519, WETEE_SCHEME_ECDSA,
                                             WETEE_SCHEME_ETHEREUM };
    static const uint8_t msg[] = "message to sign";
    size_t i;
    for (i = 0; i < 4; i++) {
        wetee_keypair *kp = NULL, *a = NULL, *b = NULL, *back = NULL;
        uint8_t sig[WETEE_SIGNATURE_MAX_BYTES], pub[WETEE_PUBLIC_MAX_BYTES], pub2[WETEE_PUBLIC_MAX_BYTES],
            id[32], canonical[64];
        size_t sig_len = 0, pub_len = 0, pub2_len = 0, id_len = 0;
        wetee_buf sec = WETEE_BUF_INIT;
        CHECK_OK(wetee_keypair_generate(&a, schemes[i]));
        CHECK_OK(wetee_keypair_generate(&b, schemes[i]));
        if (!a || !b) {
            wetee_keypair_free(a);
            wetee_keypair_free(b);
            continue;
        }
        kp = a;
        CHECK(wetee_keypair_scheme(kp) == schemes[i]);
        CHECK_OK(wetee_keypair_public(kp, pub, &pub_len));
        CHECK(pub_len == (i >= 2 ? 33u : 32u));
        CHECK_OK(wetee_keypair_public(b, pub2, &pub2_len));
        CHECK(memcmp(pub, pub2, pub_len) != 0);
        CHECK_OK(wetee_keypair_sign(kp, sig, &sig_len, msg, sizeof msg - 1));
        CHECK(sig_len == (i >= 2 ? 65u : 64u));
        CHECK_OK(wetee_verify(schemes[i], sig, sig_len, msg, sizeof msg - 1, pub, pub_len));
        CHECK_ERR(wetee_verify(schemes[i], sig, sig_len, msg, sizeof msg - 2, pub, pub_len), WETEE_ERR_VERIFY);
        CHECK_ERR(wetee_verify(schemes[i], sig, sig_len, msg, sizeof msg - 1, pub2, pub2_len), WETEE_ERR_VERIFY);
        CHECK_ERR(wetee_verify(schemes[i], sig, sig_len - 1, msg, sizeof msg - 1, pub, pub_len), WETEE_ERR_VERIFY);
        CHECK_ERR(wetee_verify(schemes[i], sig, sig_len, msg, sizeof msg - 1, pub, pub_len - 1),
                  WETEE_ERR_INVALID_ARGUMENT);
        sig[5] ^= 1;
        CHECK_ERR(wetee_verify(schemes[i], sig, sig_len, msg, sizeof msg - 1, pub, pub_len), WETEE_ERR_VERIFY);
        sig[5] ^= 1;
        if (schemes[i] == WETEE_SCHEME_ETHEREUM) {
            CHECK_OK(wetee_keypair_account_id(kp, id, &id_len));
            CHECK(id_len == 20);
            CHECK_OK(wetee_verify(schemes[i], sig, sig_len, msg, sizeof msg - 1, id, 20));
        }
        /* the exported secret rebuilds the same keypair */
        CHECK_OK(wetee_keypair_secret(kp, &sec));
        if (schemes[i] == WETEE_SCHEME_SR25519) {
            CHECK(sec.len == 64);
            CHECK_OK(wetee_sr25519_secret_to_canonical(canonical, sec.data));
            CHECK_OK(wetee_keypair_from_seed(&back, schemes[i], canonical, 64));
            wetee_wipe(canonical, sizeof canonical);
        } else {
            CHECK(sec.len == (i == 1 ? 64u : 32u));
            CHECK_OK(wetee_keypair_from_seed(&back, schemes[i], sec.data, 32));
        }
        if (back) {
            CHECK_OK(wetee_keypair_public(back, pub2, &pub2_len));
            CHECK(pub2_len == pub_len && memcmp(pub, pub2, pub_len) == 0);
        }
        wetee_buf_free_secure(&sec);
        wetee_keypair_free(back);
        wetee_keypair_free(a);
        wetee_keypair_free(b);
    }
    CHECK_ERR(wetee_keypair_generate(NULL, WETEE_SCHEME_SR25519), WETEE_ERR_INVALID_ARGUMENT);
}

/* ------------------------------------------------------------------ */
/* keystore                                                            */
/* ------------------------------------------------------------------ */

/* Replace the value of "encoded" in `json` with base64(blob) where byte
 * `at` is XOR-ed with `mask`; returns a malloc'ed JSON text. */
static char *tamper(const char *json, size_t at, uint8_t mask)
{
    const char *start = strstr(json, "\"encoded\":\""), *end;
    wetee_buf raw = WETEE_BUF_INIT, b64 = WETEE_BUF_INIT;
    char *outp;
    size_t head;
    if (!start) return NULL;
    start += strlen("\"encoded\":\"");
    end = strchr(start, '"');
    if (!end || wetee_base64_decode(&raw, start, (size_t)(end - start), 0) != WETEE_OK || at >= raw.len) {
        wetee_buf_free(&raw);
        return NULL;
    }
    raw.data[at] ^= mask;
    wetee_base64_encode(&b64, raw.data, raw.len, 0);
    head = (size_t)(start - json);
    outp = malloc(head + b64.len + strlen(end) + 1);
    memcpy(outp, json, head);
    memcpy(outp + head, b64.data, b64.len);
    strcpy(outp + head + b64.len, end);
    wetee_buf_free(&raw);
    wetee_buf_free(&b64);
    return outp;
}

/* Replace the first occurrence of `from` with `to`; malloc'ed. */
static char *replace(const char *json, const char *from, const char *to)
{
    const char *at = strstr(json, from);
    char *outp;
    size_t head;
    if (!at) return NULL;
    head = (size_t)(at - json);
    outp = malloc(strlen(json) - strlen(from) + strlen(to) + 1);
    memcpy(outp, json, head);
    strcpy(outp + head, to);
    strcat(outp, at + strlen(from));
    return outp;
}

static int import_str(wetee_keypair **kp, const char *json, const char *password)
{
    return wetee_keystore_import(kp, json, strlen(json), password, password ? strlen(password) : 0);
}

static void check_import_err(const char *json, const char *password, int code, const char *needle)
{
    wetee_keypair *kp = (wetee_keypair *)1;
    CHECK(json != NULL);
    if (!json) return;
    CHECK_ERR(import_str(&kp, json, password), code);
    CHECK(kp == NULL);
    if (needle && strstr(wetee_last_error(), needle) == NULL) {
        fprintf(stderr, "detail \"%s\" lacks \"%s\"\n", wetee_last_error(), needle);
        CHECK(0);
    }
}

static void check_secret(const wetee_keypair *kp, const char *hex)
{
    wetee_buf sec = WETEE_BUF_INIT;
    if (!kp) return;
    CHECK_OK(wetee_keypair_secret(kp, &sec));
    CHECK_HEX(sec.data, sec.len, hex);
    wetee_buf_free_secure(&sec);
}

WT_TEST(keystore_vectors)
{
    size_t len_sr = 0, len_ed = 0;
    char *sr = (char *)wt_read_vector("keys/polkadotjs_encrypted_sr25519.json", &len_sr);
    char *ed = (char *)wt_read_vector("keys/polkadotjs_encrypted_ed25519.json", &len_ed);
    wetee_keypair *kp = NULL;
    double t0;
    if (!sr || !ed) {
        free(sr);
        free(ed);
        WT_SKIP("shared vectors keys/polkadotjs_encrypted_*.json not found (set WETEE_VECTORS_DIR)");
    }
    t0 = now_s();
    CHECK_OK(wetee_keystore_import(&kp, sr, len_sr, "test", 4));
    printf("  keystore import (N=2^15): %.3f s\n", now_s() - t0);
    if (kp) {
        CHECK(wetee_keypair_scheme(kp) == WETEE_SCHEME_SR25519);
        check_kp(kp, "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
                 "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
        check_secret(kp, "98319d4ff8a9508c4bb0cf0b5a78d760a0b2082c02775e6e82370816fedfff48"
                         "925a225d97aa00682d6a59b95b18780c10d7032336e88f3442b42361f4a66011");
    }
    wetee_keypair_free(kp);
    kp = NULL;
    CHECK_OK(wetee_keystore_import(&kp, ed, len_ed, "test", 4));
    if (kp) {
        CHECK(wetee_keypair_scheme(kp) == WETEE_SCHEME_ED25519);
        check_kp(kp, "ac62e036d3b0f4e00f0b4bd6a999ee78f722c863347fe44e4e1e4ab92358c6c3",
                 "5FxjTxVWebYJeoPZ9H6XHkYVxvS5j7MN5jpJwWq7F9Pidz3K");
        check_secret(kp, "5f3e95c8e1faf2308d551ea558423f7b7d41920fac989c4164e403954af64bc3"
                         "ac62e036d3b0f4e00f0b4bd6a999ee78f722c863347fe44e4e1e4ab92358c6c3");
    }
    wetee_keypair_free(kp);
    kp = NULL;

    /* wrong passwords */
    check_import_err(sr, "Test", WETEE_ERR_VERIFY, "wrong password");
    check_import_err(ed, "", WETEE_ERR_VERIFY, NULL);

    /* byte flips: salt, nonce, MAC, ciphertext (and p 1 → 3, an allowed set) fail the MAC */
    {
        static const struct { size_t at; uint8_t mask; int code; } flips[] = {
            { 0, 0x01, WETEE_ERR_VERIFY },        /* salt */
            { 31, 0x80, WETEE_ERR_VERIFY },       /* salt, last byte */
            { 36, 0x02, WETEE_ERR_VERIFY },       /* p: 1 → 3, still allowed, other key */
            { 44, 0x01, WETEE_ERR_VERIFY },       /* nonce */
            { 67, 0x40, WETEE_ERR_VERIFY },       /* nonce, last byte */
            { 68, 0x01, WETEE_ERR_VERIFY },       /* MAC */
            { 83, 0x10, WETEE_ERR_VERIFY },       /* MAC, last byte */
            { 84, 0x01, WETEE_ERR_VERIFY },       /* ciphertext, first byte */
            { 200, 0x01, WETEE_ERR_VERIFY },      /* ciphertext, last byte */
            { 32, 0x01, WETEE_ERR_UNSUPPORTED },  /* N */
            { 34, 0x01, WETEE_ERR_UNSUPPORTED },  /* N → 2^15 + 2^16 */
            { 35, 0x01, WETEE_ERR_UNSUPPORTED },  /* N huge */
            { 36, 0x04, WETEE_ERR_UNSUPPORTED },  /* p: 1 → 5 */
            { 39, 0x80, WETEE_ERR_UNSUPPORTED },  /* p huge */
            { 40, 0x08, WETEE_ERR_UNSUPPORTED },  /* r: 8 → 0 */
            { 40, 0x18, WETEE_ERR_UNSUPPORTED },  /* r: 8 → 16 */
            { 43, 0x01, WETEE_ERR_UNSUPPORTED },  /* r huge */
        };
        size_t i;
        for (i = 0; i < sizeof flips / sizeof flips[0]; i++) {
            char *t = tamper(sr, flips[i].at, flips[i].mask);
            check_import_err(t, "test", flips[i].code, NULL);
            free(t);
        }
    }

    /* an address that does not name the key */
    {
        char *t = replace(ed, "5FxjTxVWebYJeoPZ9H6XHkYVxvS5j7MN5jpJwWq7F9Pidz3K",
                          "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
        check_import_err(t, "test", WETEE_ERR_VERIFY, "address");
        free(t);
    }
    free(sr);
    free(ed);
}

/* Produced by @polkadot/keyring 14.0.3: addFromUri(PHRASE + "//Alice", ecdsa).toJson("test"),
 * addFromUri(PHRASE + "/m/44'/60'/0'/0/0", ethereum).toJson("test") and the sr25519
 * //Alice pair's toJson() without a password. */
static const char JS_ECDSA[] =
    "{\"encoded\":\"of0he2Tmz47T8CAjEzxJvqlJr4igLAm5ZaS5d9ZvntUAAAIAAQAAAAgAAAB0gyMrQoXvJ2nq4Jdr8ZA9Db//SOn3PX/"
    "idBc9QOjRiY8o92uzSlzQZRYA5F1fg5a2zRIuluj1RphfzsIUMBwVwOgtE4O93cXstprA9+r4/1Sqop5zWqsZJEknb7Dm8vh9HG4ZSTik3ddUWJ9JiM05sMZ9XFyEXbl/"
    "839g//E=\",\"encoding\":{\"content\":[\"pkcs8\",\"ecdsa\"],\"type\":[\"scrypt\",\"xsalsa20-poly1305\"],"
    "\"version\":\"3\"},\"address\":\"0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1\","
    "\"meta\":{}}";
static const char JS_ETH[] =
    "{\"encoded\":\"1/WbnLtI8LV59O1C4vxf/aoWJNXISwC/BSBCzuuMXY4AAAIAAQAAAAgAAABWciZBkzRBITQHSXJonJe1SrnptHjwNT01EoPteRV8z6Yi4Nc1hrQ7Vgf95laOUArMwDMc+SRh0YCSqKvj7S8ZKj0cTZOsegLvhY9+"
    "O4OZWVXsqpZxk3ImJWRre7yN084hn0CCQVNjb+LiH7Mhy4PtyArPXEkZtvvycX6k61c=\",\"encoding\":{\"content\":[\"pkcs8\","
    "\"ethereum\"],\"type\":[\"scrypt\",\"xsalsa20-poly1305\"],\"version\":\"3\"},\"address\":"
    "\"0x02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f\",\"meta\":{}}";
static const char JS_NONE[] =
    "{\"encoded\":\"MFMCAQEwBQYDK2VwBCIEIJgxnU/4qVCMS7DPC1p412CgsggsAndeboI3CBb+3/9IkloiXZeqAGgtalm5Wxh4DBDXAyM26I80QrQjYfSmYBGhIwMhANQ1k8cV/"
    "dMcYRQavQSpn9aCLIVYhUzN45pWhOelbaJ9\",\"encoding\":{\"content\":[\"pkcs8\",\"sr25519\"],\"type\":[\"none\"],"
    "\"version\":\"3\"},\"address\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",\"meta\":{}}";

WT_TEST(keystore_polkadotjs)
{
    wetee_keypair *kp = NULL;
    double t0 = now_s();
    CHECK_OK(import_str(&kp, JS_ECDSA, "test"));
    printf("  keystore import (N=2^17): %.3f s\n", now_s() - t0);
    if (kp) {
        CHECK(wetee_keypair_scheme(kp) == WETEE_SCHEME_ECDSA);
        check_kp(kp, "020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1",
                 "5C7C2Z5sWbytvHpuLTvzKunnnRwQxft1jiqrLD5rhucQ5S9X");
    }
    wetee_keypair_free(kp);
    kp = NULL;
    CHECK_OK(import_str(&kp, JS_ETH, "test"));
    if (kp) {
        CHECK(wetee_keypair_scheme(kp) == WETEE_SCHEME_ETHEREUM);
        check_kp(kp, "02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f",
                 "0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac");
        check_secret(kp, "5fb92d6e98884f76de468fa3f6278f8807c48bebc13595d45af5bdc4da702133");
    }
    wetee_keypair_free(kp);
    kp = NULL;
    /* unencrypted export: no scrypt, the password is not used */
    CHECK_OK(import_str(&kp, JS_NONE, NULL));
    check_kp(kp, "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", NULL);
    wetee_keypair_free(kp);
    kp = NULL;
    CHECK_OK(import_str(&kp, JS_NONE, "anything"));
    wetee_keypair_free(kp);
    kp = NULL;
    {
        /* unencrypted plaintext checks: public key, header, divider, secret consistency */
        char *t;
        t = tamper(JS_NONE, 116, 0x01); /* last public byte */
        check_import_err(t, NULL, WETEE_ERR_VERIFY, "public key");
        free(t);
        t = tamper(JS_NONE, 0, 0x01); /* header */
        check_import_err(t, NULL, WETEE_ERR_DECODE, "header");
        free(t);
        t = tamper(JS_NONE, 80, 0x01); /* divider */
        check_import_err(t, NULL, WETEE_ERR_DECODE, "divider");
        free(t);
        t = tamper(JS_NONE, 16, 0x01); /* key half: 8·key no longer a multiple of 8 */
        check_import_err(t, NULL, WETEE_ERR_VERIFY, NULL);
        free(t);
        t = replace(JS_NONE, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
                    "5FxjTxVWebYJeoPZ9H6XHkYVxvS5j7MN5jpJwWq7F9Pidz3K");
        check_import_err(t, NULL, WETEE_ERR_VERIFY, "address");
        free(t);
        /* the same pair declared as ed25519: its public key does not match */
        t = replace(JS_NONE, "\"sr25519\"", "\"ed25519\"");
        check_import_err(t, NULL, WETEE_ERR_VERIFY, NULL);
        free(t);
        /* an address in hex and at another prefix is fine; no address at all is fine */
        t = replace(JS_NONE, "\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\"",
                    "\"0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d\"");
        CHECK_OK(import_str(&kp, t, NULL));
        wetee_keypair_free(kp);
        kp = NULL;
        free(t);
        t = replace(JS_NONE, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
                    "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5");
        CHECK_OK(import_str(&kp, t, NULL));
        wetee_keypair_free(kp);
        kp = NULL;
        free(t);
        t = replace(JS_NONE, ",\"address\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\"", "");
        CHECK_OK(import_str(&kp, t, NULL));
        wetee_keypair_free(kp);
        kp = NULL;
        free(t);
    }
}

WT_TEST(keystore_roundtrip)
{
    static const struct { wetee_scheme scheme; const char *suri; } v[] = {
        { WETEE_SCHEME_SR25519, "//Alice" },
        { WETEE_SCHEME_ED25519, "//Alice" },
        { WETEE_SCHEME_ECDSA, "//Alice" },
        { WETEE_SCHEME_ETHEREUM, PHRASE "/m/44'/60'/0'/0/0" },
    };
    static const char *const content[] = { "\"sr25519\"]", "\"ed25519\"]", "\"ecdsa\"]", "\"ethereum\"]" };
    static const char *const address[] = { "\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\"",
                                           "\"5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu\"",
                                           "\"0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1\"",
                                           "\"0x02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f\"" };
    size_t i;
    for (i = 0; i < sizeof v / sizeof v[0]; i++) {
        wetee_keypair *kp = from_suri(v[i].scheme, v[i].suri), *back = NULL;
        wetee_buf json = WETEE_BUF_INIT, s1 = WETEE_BUF_INIT, s2 = WETEE_BUF_INIT;
        uint8_t p1[WETEE_PUBLIC_MAX_BYTES], p2[WETEE_PUBLIC_MAX_BYTES];
        size_t l1 = 0, l2 = 0, blob_len = 0;
        double t0;
        if (!kp) continue;
        t0 = now_s();
        CHECK_OK(wetee_keystore_export(&json, kp, "correct horse", 13, i == 0 ? "alice \xe2\x9c\x93" : NULL,
                                       1700000000123ull));
        if (i == 0) printf("  keystore export (N=2^17): %.3f s\n", now_s() - t0);
        if (json.data) {
            const char *text = (const char *)json.data;
            const char *enc = strstr(text, "\"encoded\":\"");
            CHECK(strlen(text) == json.len);
            CHECK(strstr(text, content[i]) != NULL);
            CHECK(strstr(text, "\"type\":[\"scrypt\",\"xsalsa20-poly1305\"]") != NULL);
            CHECK(strstr(text, "\"version\":\"3\"") != NULL);
            CHECK(strstr(text, address[i]) != NULL);
            CHECK(strstr(text, "\"whenCreated\":1700000000123") != NULL);
            CHECK((i == 0) == (strstr(text, "\"name\":\"alice \xe2\x9c\x93\"") != NULL));
            /* blob: 84 + 117 (sr25519/ed25519) or 84 + 86 (ecdsa/ethereum), N=2^17 p=1 r=8 */
            if (enc) {
                wetee_buf raw = WETEE_BUF_INIT;
                enc += strlen("\"encoded\":\"");
                CHECK_OK(wetee_base64_decode(&raw, enc, (size_t)(strchr(enc, '"') - enc), 0));
                blob_len = raw.len;
                CHECK(raw.len == (i < 2 ? 201u : 170u));
                if (raw.len > 44) CHECK_HEX(raw.data + 32, 12, "000002000100000008000000");
                wetee_buf_free(&raw);
            }
            t0 = now_s();
            CHECK_OK(wetee_keystore_import(&back, text, json.len, "correct horse", 13));
            if (i == 0) printf("  keystore import (N=2^17): %.3f s\n", now_s() - t0);
            if (back) {
                CHECK(wetee_keypair_scheme(back) == v[i].scheme);
                CHECK_OK(wetee_keypair_public(kp, p1, &l1));
                CHECK_OK(wetee_keypair_public(back, p2, &l2));
                CHECK(l1 == l2 && memcmp(p1, p2, l1) == 0);
                CHECK_OK(wetee_keypair_secret(kp, &s1));
                CHECK_OK(wetee_keypair_secret(back, &s2));
                CHECK(s1.len == s2.len && memcmp(s1.data, s2.data, s1.len) == 0);
            }
            /* one wrong-password import per format of the exports (sr25519 and ecdsa) */
            if (i == 0 || i == 2) {
                wetee_keypair *bad = (wetee_keypair *)1;
                CHECK_ERR(wetee_keystore_import(&bad, text, json.len, "correct horsf", 13), WETEE_ERR_VERIFY);
                CHECK(bad == NULL);
            }
            /* a tampered ciphertext byte, checked only for one scheme (each check is one scrypt run) */
            if (i == 3 && blob_len) {
                char *t = tamper(text, blob_len - 1, 0x01);
                check_import_err(t, "correct horse", WETEE_ERR_VERIFY, NULL);
                free(t);
            }
        }
        wetee_buf_free(&json);
        wetee_buf_free_secure(&s1);
        wetee_buf_free_secure(&s2);
        wetee_keypair_free(back);
        wetee_keypair_free(kp);
    }
    {
        wetee_keypair *kp = from_suri(WETEE_SCHEME_SR25519, "//Bob");
        wetee_buf json = WETEE_BUF_INIT;
        CHECK_ERR(wetee_keystore_export(&json, kp, "", 0, NULL, 0), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_ERR(wetee_keystore_export(&json, kp, "pw", 2, "bad \xff", 0), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_ERR(wetee_keystore_export(&json, NULL, "pw", 2, NULL, 0), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_ERR(wetee_keystore_export(&json, kp, "pw", 2, NULL, 1ull << 60), WETEE_ERR_INVALID_ARGUMENT);
        CHECK(json.len == 0);
        wetee_keypair_free(kp);
    }
}

/* A JSON keystore around `blob` (hex) with the given content type and encryption. */
static char *make_json(const char *blob_hex, const char *content, const char *type)
{
    uint8_t raw[512];
    size_t n = wt_unhex(raw, sizeof raw, blob_hex);
    wetee_buf b64 = WETEE_BUF_INIT;
    char *outp = malloc(2048);
    wetee_base64_encode(&b64, raw, n, 0);
    snprintf(outp, 2048,
             "{\"encoded\":\"%s\",\"encoding\":{\"content\":[\"pkcs8\",\"%s\"],\"type\":%s,\"version\":\"3\"}}",
             (const char *)b64.data, content, type);
    wetee_buf_free(&b64);
    return outp;
}

WT_TEST(keystore_params_and_malformed)
{
    static const char *const ENC = "[\"scrypt\",\"xsalsa20-poly1305\"]";
    char hex[2 * 201 + 1];
    char *t;
    double t0;
    size_t i;
    /* salt ‖ N ‖ p ‖ r ‖ nonce ‖ MAC ‖ 117-byte ciphertext, all parameters ours */
    static const struct { const char *nrp; int code; } params[] = {
        { "00200000" "0a000000" "08000000", WETEE_ERR_UNSUPPORTED }, /* (2^13, 10, 8): listed, never passes */
        { "00400000" "05000000" "08000000", WETEE_ERR_UNSUPPORTED }, /* (2^14, 5, 8) */
        { "00002000" "01000000" "08000000", WETEE_ERR_UNSUPPORTED }, /* N = 2^21 */
        { "00001000" "01000000" "08000000", WETEE_ERR_UNSUPPORTED }, /* N = 2^20 */
        { "00800000" "01000000" "10000000", WETEE_ERR_UNSUPPORTED }, /* r = 16 */
        { "00800000" "00000000" "08000000", WETEE_ERR_UNSUPPORTED }, /* p = 0 */
        { "00000000" "01000000" "08000000", WETEE_ERR_UNSUPPORTED }, /* N = 0 */
        { "ffffffff" "ffffffff" "ffffffff", WETEE_ERR_UNSUPPORTED },
        { "00800000" "01000000" "08000000", WETEE_ERR_VERIFY },      /* (2^15, 1, 8): runs, MAC fails */
    };
    for (i = 0; i < sizeof params / sizeof params[0]; i++) {
        memset(hex, 'a', sizeof hex - 1);
        hex[sizeof hex - 1] = 0;
        memcpy(hex + 64, params[i].nrp, 24);
        t = make_json(hex, "sr25519", ENC);
        t0 = now_s();
        check_import_err(t, "test", params[i].code, params[i].code == WETEE_ERR_UNSUPPORTED ? "scrypt" : NULL);
        /* rejected parameters never reach scrypt (2^21 would take seconds and 2 GiB) */
        if (params[i].code == WETEE_ERR_UNSUPPORTED) CHECK(now_s() - t0 < 0.05);
        free(t);
    }
    /* the blob must hold the 84-byte header; the ciphertext must fit a pair */
    t = make_json("00", "sr25519", ENC);
    check_import_err(t, "test", WETEE_ERR_DECODE, "encoded");
    free(t);
    {
        char big[2 * 400 + 1];
        memset(big, 'a', sizeof big - 1);
        big[sizeof big - 1] = 0;
        memcpy(big + 64, "00800000" "01000000" "08000000", 24);
        t = make_json(big, "sr25519", ENC);
        check_import_err(t, "test", WETEE_ERR_DECODE, "too long");
        free(t);
    }

    /* malformed JSON and fields */
    check_import_err("", "test", WETEE_ERR_DECODE, "malformed JSON");
    check_import_err("{\"encoded\":", "test", WETEE_ERR_DECODE, "line 1");
    check_import_err("[1,2]", "test", WETEE_ERR_DECODE, "not an object");
    check_import_err("{}", "test", WETEE_ERR_DECODE, "\"encoding\"");
    check_import_err("{\"encoding\":1}", "test", WETEE_ERR_DECODE, "\"encoding\"");
    check_import_err("{\"encoding\":{}}", "test", WETEE_ERR_DECODE, "\"encoding.version\"");
    check_import_err("{\"encoding\":{\"version\":\"2\"}}", "test", WETEE_ERR_UNSUPPORTED, "version");
    check_import_err("{\"encoding\":{\"version\":3}}", "test", WETEE_ERR_DECODE, "encoding.version");
    check_import_err("{\"encoding\":{\"version\":\"3\",\"content\":[\"pkcs8\"]}}", "test", WETEE_ERR_DECODE,
                     "encoding.content");
    check_import_err("{\"encoding\":{\"version\":\"3\",\"content\":[\"raw\",\"sr25519\"]}}", "test", WETEE_ERR_DECODE,
                     "encoding.content");
    check_import_err("{\"encoding\":{\"version\":\"3\",\"content\":[\"pkcs8\",\"bls\"]}}", "test",
                     WETEE_ERR_UNSUPPORTED, "encoding.content");
    check_import_err("{\"encoding\":{\"version\":\"3\",\"content\":[\"pkcs8\",\"sr25519\"],\"type\":[\"xsalsa20-"
                     "poly1305\"]}}",
                     "test", WETEE_ERR_UNSUPPORTED, "encoding.type");
    check_import_err("{\"encoding\":{\"version\":\"3\",\"content\":[\"pkcs8\",\"sr25519\"],\"type\":[1]}}", "test",
                     WETEE_ERR_DECODE, "encoding.type");
    check_import_err("{\"encoding\":{\"version\":\"3\",\"content\":[\"pkcs8\",\"sr25519\"],\"type\":[\"none\"]}}",
                     "test", WETEE_ERR_DECODE, "\"encoded\" is missing");
    check_import_err("{\"encoded\":7,\"encoding\":{\"version\":\"3\",\"content\":[\"pkcs8\",\"sr25519\"],\"type\":"
                     "[\"none\"]}}",
                     "test", WETEE_ERR_DECODE, "\"encoded\" is not a string");
    check_import_err("{\"encoded\":\"@@@@\",\"encoding\":{\"version\":\"3\",\"content\":[\"pkcs8\",\"sr25519\"],"
                     "\"type\":[\"none\"]}}",
                     "test", WETEE_ERR_DECODE, "base64");
    check_import_err("{\"encoded\":\"QUJD\\n\",\"encoding\":{\"version\":\"3\",\"content\":[\"pkcs8\",\"sr25519\"],"
                     "\"type\":[\"none\"]}}",
                     "test", WETEE_ERR_DECODE, "base64");
    /* duplicate keys are rejected */
    check_import_err("{\"encoded\":\"\",\"encoded\":\"\"}", "test", WETEE_ERR_DECODE, "malformed JSON");
    /* plaintext layouts (unencrypted): short, wrong divider place, wrong length for the type */
    t = make_json("3053020101300506032b657004220420", "sr25519", "[\"none\"]");
    check_import_err(t, NULL, WETEE_ERR_DECODE, "divider");
    free(t);
    t = make_json("", "sr25519", "[\"none\"]");
    check_import_err(t, NULL, WETEE_ERR_DECODE, "header");
    free(t);
    /* a 32-byte (legacy, generation 1-2) seed: the //Alice mini secret */
    t = make_json("3053020101300506032b657004220420"
                  "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a"
                  "a123032100"
                  "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
                  "sr25519", "[\"none\"]");
    {
        wetee_keypair *kp = NULL;
        CHECK_OK(import_str(&kp, t, NULL));
        check_kp(kp, "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", NULL);
        wetee_keypair_free(kp);
    }
    free(t);
    /* ecdsa 86-byte layout with a 33-byte public; a truncated 32-byte public is refused */
    t = make_json("3053020101300506032b657004220420"
                  "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
                  "a123032100"
                  "028db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd91",
                  "ecdsa", "[\"none\"]");
    {
        wetee_keypair *kp = NULL;
        CHECK_OK(import_str(&kp, t, NULL));
        check_kp(kp, "028db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd91", NULL);
        wetee_keypair_free(kp);
    }
    free(t);
    t = make_json("3053020101300506032b657004220420"
                  "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
                  "a123032100"
                  "028db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd",
                  "ecdsa", "[\"none\"]");
    check_import_err(t, NULL, WETEE_ERR_DECODE, "divider");
    free(t);
    /* an ecdsa secret that is not a scalar */
    t = make_json("3053020101300506032b657004220420"
                  "0000000000000000000000000000000000000000000000000000000000000000"
                  "a123032100"
                  "028db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd91",
                  "ecdsa", "[\"none\"]");
    check_import_err(t, NULL, WETEE_ERR_DECODE, "not a valid key");
    free(t);
    {
        wetee_keypair *kp = NULL;
        CHECK_ERR(wetee_keystore_import(NULL, "{}", 2, "x", 1), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_ERR(wetee_keystore_import(&kp, NULL, 2, "x", 1), WETEE_ERR_INVALID_ARGUMENT);
    }
}

/* Base64 text may start with "0x" (a salt beginning d3 1x): it must still be
 * read as base64, not as hex. Here the salt is altered that way, so the key
 * no longer decrypts: a verification failure, not a decoding one. */
WT_TEST(keystore_base64_starting_with_0x)
{
    wetee_keypair *kp = NULL, *back = NULL;
    wetee_buf json = WETEE_BUF_INIT;
    char *enc;
    CHECK_OK(wetee_keypair_from_suri(&kp, WETEE_SCHEME_ED25519, "//Bob", 5));
    CHECK_OK(wetee_keystore_export(&json, kp, "pw", 2, NULL, 0));
    enc = json.data ? strstr((char *)json.data, "\"encoded\":\"") : NULL;
    CHECK(enc != NULL);
    if (enc) {
        enc += strlen("\"encoded\":\"");
        enc[0] = '0';
        enc[1] = 'x';
        CHECK_ERR(wetee_keystore_import(&back, (const char *)json.data, json.len, "pw", 2), WETEE_ERR_VERIFY);
        CHECK(back == NULL);
    }
    wetee_keypair_free(back);
    wetee_keypair_free(kp);
    wetee_buf_free(&json);
}

/* The scrypt N, p, r an exported keystore records (offset 32 of the decoded blob). */
static void check_export_params(const char *json, uint32_t n, uint32_t p, uint32_t r)
{
    const char *enc = strstr(json, "\"encoded\":\""), *end;
    wetee_buf blob = WETEE_BUF_INIT;
    CHECK(enc != NULL);
    if (!enc) return;
    enc += 11;
    end = strchr(enc, '"');
    CHECK_OK(wetee_base64_decode(&blob, enc, (size_t)(end - enc), 0));
    CHECK(blob.len > 44);
    if (blob.len > 44) {
        CHECK(blob.data[32] == (uint8_t)n && blob.data[33] == (uint8_t)(n >> 8) && blob.data[34] == (uint8_t)(n >> 16));
        CHECK(blob.data[36] == p && blob.data[40] == r);
    }
    wetee_buf_free(&blob);
}

WT_TEST(keystore_export_options)
{
    wetee_keypair *kp = from_suri(WETEE_SCHEME_SR25519, "//Alice"), *back = NULL;
    wetee_keystore_options opts = WETEE_KEYSTORE_OPTIONS_INIT;
    wetee_buf json = WETEE_BUF_INIT;
    uint8_t a[WETEE_PUBLIC_MAX_BYTES], b[WETEE_PUBLIC_MAX_BYTES];
    size_t na = 0, nb = 0;
    if (!kp) return;
    /* N = 2^15 (what substrate-interface opens): recorded in the blob, imported back */
    opts.scrypt_n = 1u << 15;
    opts.name = "alice";
    opts.when_created_ms = 1700000000000ull;
    CHECK_OK(wetee_keystore_export_opts(&json, kp, "pw", 2, &opts));
    if (json.data) {
        check_export_params((const char *)json.data, 1u << 15, 1, 8);
        CHECK(strstr((const char *)json.data, "\"name\":\"alice\"") != NULL);
        CHECK(strstr((const char *)json.data, "\"whenCreated\":1700000000000") != NULL);
        CHECK_OK(wetee_keystore_import(&back, (const char *)json.data, json.len, "pw", 2));
        CHECK_OK(wetee_keypair_public(kp, a, &na));
        if (back) CHECK_OK(wetee_keypair_public(back, b, &nb));
        CHECK(na == nb && memcmp(a, b, na) == 0);
        wetee_keypair_free(back);
        back = NULL;
    }
    /* the other sets polkadot.js opens */
    opts.scrypt_n = 1u << 16;
    opts.scrypt_p = 2;
    CHECK_OK(wetee_keystore_export_opts(&json, kp, "pw", 2, &opts));
    if (json.data) check_export_params((const char *)json.data, 1u << 16, 2, 8);
    /* defaults: NULL options and the zero fields are (2^17, 1, 8) */
    CHECK_OK(wetee_keystore_export_opts(&json, kp, "pw", 2, NULL));
    if (json.data) check_export_params((const char *)json.data, 1u << 17, 1, 8);
    /* sets polkadot.js would not open are refused before scrypt runs */
    {
        static const uint32_t bad[][3] = { { 1u << 16, 1, 8 }, { 1u << 14, 5, 8 }, { 1u << 13, 10, 8 },
                                           { 1u << 18, 1, 8 }, { 1u << 15, 1, 16 }, { 3, 1, 8 } };
        size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            opts.scrypt_n = bad[i][0];
            opts.scrypt_p = bad[i][1];
            opts.scrypt_r = bad[i][2];
            CHECK_ERR(wetee_keystore_export_opts(&json, kp, "pw", 2, &opts), WETEE_ERR_INVALID_ARGUMENT);
            CHECK(strstr(wetee_last_error(), "(2^15,1,8)") != NULL);
        }
    }
    opts = (wetee_keystore_options)WETEE_KEYSTORE_OPTIONS_INIT;
    opts.version = 0;
    CHECK_ERR(wetee_keystore_export_opts(&json, kp, "pw", 2, &opts), WETEE_ERR_INVALID_ARGUMENT);
    wetee_buf_free(&json);
    wetee_keypair_free(kp);
}

/* A NUL ("\u0000") in a field compared as text is refused naming the field; elsewhere it is
 * data (polkadot.js' JSON.parse takes it). */
WT_TEST(keystore_nul_in_strings)
{
    static const struct { const char *from, *to, *field; } cases[] = {
        { "\"version\":\"3\"", "\"version\":\"3\\u0000x\"", "\"encoding.version\" contains a NUL" },
        { "[\"pkcs8\",\"sr25519\"]", "[\"pkcs8\\u0000\",\"sr25519\"]", "\"encoding.content\" contains a NUL" },
        { "[\"pkcs8\",\"sr25519\"]", "[\"pkcs8\",\"sr25519\\u0000ed25519\"]", "\"encoding.content\" contains a NUL" },
        { "[\"none\"]", "[\"none\\u0000\"]", "\"encoding.type\" contains a NUL" },
        { "[\"none\"]", "\"none\\u0000\"", "\"encoding.type\" contains a NUL" },
        { "\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\"",
          "\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\\u0000\"", "\"address\" contains a NUL" },
        { "\"encoded\":\"MFMC", "\"encoded\":\"\\u0000MFMC", "\"encoded\" contains a NUL" },
    };
    wetee_keypair *kp = NULL;
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *t = replace(JS_NONE, cases[i].from, cases[i].to);
        check_import_err(t, NULL, WETEE_ERR_DECODE, cases[i].field);
        free(t);
    }
    /* meta may hold one */
    {
        char *t = replace(JS_NONE, "\"meta\":{}", "\"meta\":{\"name\":\"a\\u0000b\"}");
        CHECK_OK(import_str(&kp, t, NULL));
        check_kp(kp, "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", NULL);
        wetee_keypair_free(kp);
        free(t);
    }
    /* an "encoded" text too long for any pair is refused before it is decoded */
    {
        size_t n = 100000;
        char *big = malloc(n + 200), *t;
        CHECK(big != NULL);
        if (!big) return;
        strcpy(big, "\"encoded\":\"");
        memset(big + 11, 'A', n);
        strcpy(big + 11 + n, "\",\"x\":\"");
        t = replace(JS_NONE, "\"encoded\":\"", big);
        check_import_err(t, NULL, WETEE_ERR_DECODE, "characters, too long for a key pair");
        free(t);
        free(big);
    }
    /* JSON over 1 MiB is over the function's limit */
    {
        size_t n = (1u << 20) + 1;
        char *big = malloc(n);
        CHECK(big != NULL);
        if (!big) return;
        memset(big, ' ', n);
        CHECK_ERR(wetee_keystore_import(&kp, big, n, NULL, 0), WETEE_ERR_TOO_LONG);
        CHECK(strstr(wetee_last_error(), "above the 1048576-byte limit") != NULL);
        free(big);
    }
}

WT_MAIN("keypair", WT_CASE(suri_forms), WT_CASE(suri_junction_encoding), WT_CASE(suri_errors),
        WT_CASE(suri_vectors), WT_CASE(suri_more_vectors), WT_CASE(alice_addresses), WT_CASE(suri_negatives), WT_CASE(suri_limits), WT_CASE(suri_whitespace),
        WT_CASE(eth_suri_password),
        WT_CASE(seeds_and_mnemonics), WT_CASE(derive), WT_CASE(generate_sign_verify), WT_CASE(keystore_vectors),
        WT_CASE(keystore_polkadotjs), WT_CASE(keystore_roundtrip), WT_CASE(keystore_params_and_malformed),
        WT_CASE(keystore_base64_starting_with_0x),
        WT_CASE(keystore_export_options), WT_CASE(keystore_nul_in_strings))
