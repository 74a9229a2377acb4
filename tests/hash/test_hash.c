/* Known-answer and argument tests for the hash module.
 *
 * Sources of the expected values:
 *  - BLAKE2b: RFC 7693 appendix A ("abc", BLAKE2b-512), the keyed KAT of the
 *    BLAKE2 reference package (blake2b-kat.txt: key 00..3f, input 00..n-1),
 *    well-known Substrate blake2_256 values; other lengths cross-checked with
 *    CPython's hashlib.blake2b.
 *  - BLAKE2s: RFC 7693 appendix B ("abc").
 *  - twox: Substrate / polkadot-js test values (ext_twox("abc"), the
 *    storage prefixes of System, Account, Balances, FreeBalance, ...).
 *  - Keccak-256: Ethereum (empty string), the Keccak team's NIST inputs
 *    ("abc", 448-bit, 896-bit, one million 'a'); the rate-boundary lengths
 *    135/136/137/200/271/272/273 agree between js-sha3 and @noble/hashes.
 *  - SHA-2: FIPS 180-2 examples. HMAC: RFC 4231. PBKDF2-HMAC-SHA-256:
 *    RFC 7914 section 11. PBKDF2-HMAC-SHA-512: BIP-39 reference vector
 *    (TREZOR passphrase) and the common "password"/"salt" values.
 *  - CRC-16/XMODEM and CRC-32C: the CRC catalogue check value ("123456789")
 *    and RFC 3720 appendix B.4.
 *  - BLAKE3: the official test_vectors.json (shared vectors directory), and
 *    for inputs above 100 KiB values agreed by @noble/hashes. */
#include <jansson.h>

#include "wt_test.h"

#define S(str) (const uint8_t *)(str), (sizeof(str) - 1)

/* Expect WETEE_ERR_INVALID_ARGUMENT with a "hash: <function>: ..." detail. */
#define CHECK_ARGERR(expr)                                                                         \
    do {                                                                                           \
        wetee_clear_error();                                                                       \
        CHECK_ERR((expr), WETEE_ERR_INVALID_ARGUMENT);                                             \
        CHECK(strncmp(wetee_last_error(), "hash: wetee_", 12) == 0);                               \
        CHECK(strstr(wetee_last_error(), "invalid argument") != NULL);                             \
    } while (0)

static void fill_pattern(uint8_t *buf, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) buf[i] = (uint8_t)(i % 251);
}

/* ------------------------------------------------------------------ */

WT_TEST(test_sizes)
{
    CHECK(wetee_blake2b_256_bytes() == WETEE_BLAKE2B_256_BYTES && WETEE_BLAKE2B_256_BYTES == 32);
    CHECK(wetee_keccak256_bytes() == WETEE_KECCAK256_BYTES && WETEE_KECCAK256_BYTES == 32);
    CHECK(wetee_blake3_bytes() == WETEE_BLAKE3_BYTES && WETEE_BLAKE3_BYTES == 32);
}

WT_TEST(test_blake2b)
{
    uint8_t out[64], key[64], msg[255];
    size_t i;
    CHECK_OK(wetee_hash_blake2b_256(out, NULL, 0));
    CHECK_HEX(out, 32, "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    CHECK_OK(wetee_hash_blake2b_256(out, S("abc")));
    CHECK_HEX(out, 32, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    CHECK_OK(wetee_hash_blake2b_512(out, S("abc")));
    CHECK_HEX(out, 64,
              "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
              "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    CHECK_OK(wetee_hash_blake2b_512(out, S("The quick brown fox jumps over the lazy dog")));
    CHECK_HEX(out, 64,
              "a8add4bdddfd93e4877d2746e62817b116364a1fa7bc148d95090bc7333b3673"
              "f82401cf7aa2e4cb1ecd90296e3f14cb5413f8ed77be73045b13914cdcd6a918");
    CHECK_OK(wetee_hash_blake2b_128(out, S("abc")));
    CHECK_HEX(out, 16, "cf4ab791c62b8d2b2109c90275287816");

    /* The generic function agrees with the fixed sizes. */
    CHECK_OK(wetee_hash_blake2b(out, 32, NULL, 0, S("abc")));
    CHECK_HEX(out, 32, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    CHECK_OK(wetee_hash_blake2b(out, 1, NULL, 0, S("abc")));
    CHECK_HEX(out, 1, "6b");

    /* Keyed KAT of the BLAKE2 reference package: key 00..3f, input 00..n-1. */
    for (i = 0; i < sizeof key; i++) key[i] = (uint8_t)i;
    for (i = 0; i < sizeof msg; i++) msg[i] = (uint8_t)i;
    CHECK_OK(wetee_hash_blake2b(out, 64, key, 64, NULL, 0));
    CHECK_HEX(out, 64,
              "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786"
              "b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568");
    CHECK_OK(wetee_hash_blake2b(out, 64, key, 64, msg, 1));
    CHECK_HEX(out, 64,
              "961f6dd1e4dd30f63901690c512e78e4b45e4742ed197c3c5e45c549fd25f2e4"
              "187b0bc9fe30492b16b0d0bc4ef9b0f34c7003fac09a5ef1532e69430234cebd");
    CHECK_OK(wetee_hash_blake2b(out, 64, key, 64, msg, 2));
    CHECK_HEX(out, 64,
              "da2cfbe2d8409a0f38026113884f84b50156371ae304c4430173d08a99d9fb1b"
              "983164a3770706d537f49e0c916d9f32b95cc37a95b99d857436f0232c88a965");
    CHECK_OK(wetee_hash_blake2b(out, 64, key, 64, msg, 255));
    CHECK_HEX(out, 64,
              "142709d62e28fcccd0af97fad0f8465b971e82201dc51070faa0372aa43e9248"
              "4be1c1e73ba10906d5d1853db6a4106e0a7bf9800d373d6dee2d46d62ef2a461");
    /* Short output with a 64-byte key. */
    memset(key, 'k', sizeof key);
    CHECK_OK(wetee_hash_blake2b(out, 20, key, 64, S("abc")));
    CHECK_HEX(out, 20, "5d3c75c4a534594e6ad7e6e0465ffc72de6cd7a3");
}

WT_TEST(test_blake2s)
{
    uint8_t out[32];
    CHECK_OK(wetee_hash_blake2s_256(out, S("abc")));
    CHECK_HEX(out, 32, "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982");
    CHECK_OK(wetee_hash_blake2s_256(out, NULL, 0));
    CHECK_HEX(out, 32, "69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9");
}

WT_TEST(test_twox)
{
    uint8_t out[32];
    CHECK_OK(wetee_hash_twox128(out, S("System")));
    CHECK_HEX(out, 16, "26aa394eea5630e07c48ae0c9558cef7");
    CHECK_OK(wetee_hash_twox128(out, S("Account")));
    CHECK_HEX(out, 16, "b99d880ec681799c0cf30e8886371da9");
    CHECK_OK(wetee_hash_twox128(out, S("Balances")));
    CHECK_HEX(out, 16, "c2261276cc9d1f8598ea4b6a74b15c2f");
    CHECK_OK(wetee_hash_twox128(out, S("FreeBalance")));
    CHECK_HEX(out, 16, "6482b9ade7bc6657aaca787ba1add3b4");
    CHECK_OK(wetee_hash_twox128(out, S("ReservedBalance")));
    CHECK_HEX(out, 16, "3c22813def93ef32c365b55cb92f10f9");

    CHECK_OK(wetee_hash_twox64(out, S("abc")));
    CHECK_HEX(out, 8, "990977adf52cbc44");
    CHECK_OK(wetee_hash_twox128(out, S("abc")));
    CHECK_HEX(out, 16, "990977adf52cbc440889329981caa9be");
    CHECK_OK(wetee_hash_twox256(out, S("abc")));
    CHECK_HEX(out, 32, "990977adf52cbc440889329981caa9bef7da5770b2b8a05303b75d95360dd62b");
    CHECK_OK(wetee_hash_twox64(out, S("System")));
    CHECK_HEX(out, 8, "26aa394eea5630e0");
    /* XXH64 of empty input, seed 0, is 0xEF46DB3751D8E999. */
    CHECK_OK(wetee_hash_twox64(out, NULL, 0));
    CHECK_HEX(out, 8, "99e9d85137db46ef");
}

WT_TEST(test_keccak256)
{
    static const char *nist56 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    static const char *nist112 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                                 "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    static const struct { size_t len; const char *hex; } boundary[] = {
        { 135, "cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62" },
        { 136, "7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e" },
        { 137, "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db" },
        { 200, "bfb0aa97863e797943cf7c33bb7e880bb4543f3d2703c0923c6901c2af57b890" },
        { 271, "27eceb59ebc3dc8a04a5b135be641591a7278540e4556a2ba9f408194e666ec3" },
        { 272, "8e2476e65823b24d96ebe239f2c1534cdf763e689e2410c3b1cb0c74e6177bfc" },
        { 273, "3f02f134370e4debb95140ef49ddd3aed8c65ff1ed83a43f1b269421f179c5f9" },
    };
    uint8_t out[32], buf[273];
    uint8_t *big;
    size_t i;

    CHECK_OK(wetee_hash_keccak256(out, NULL, 0));
    CHECK_HEX(out, 32, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    CHECK_OK(wetee_hash_keccak256(out, S("abc")));
    CHECK_HEX(out, 32, "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    CHECK_OK(wetee_hash_keccak256(out, S("The quick brown fox jumps over the lazy dog")));
    CHECK_HEX(out, 32, "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15");
    CHECK_OK(wetee_hash_keccak256(out, S("Transfer(address,address,uint256)")));
    CHECK_HEX(out, 32, "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    CHECK_OK(wetee_hash_keccak256(out, (const uint8_t *)nist56, strlen(nist56)));
    CHECK_HEX(out, 32, "45d3b367a6904e6e8d502ee04999a7c27647f91fa845d456525fd352ae3d7371");
    CHECK_OK(wetee_hash_keccak256(out, (const uint8_t *)nist112, strlen(nist112)));
    CHECK_HEX(out, 32, "f519747ed599024f3882238e5ab43960132572b7345fbeb9a90769dafd21ad67");

    fill_pattern(buf, sizeof buf);
    for (i = 0; i < sizeof boundary / sizeof boundary[0]; i++) {
        CHECK_OK(wetee_hash_keccak256(out, buf, boundary[i].len));
        CHECK_HEX(out, 32, boundary[i].hex);
    }
    memset(buf, 0xa3, 200);
    CHECK_OK(wetee_hash_keccak256(out, buf, 200));
    CHECK_HEX(out, 32, "3a57666b048777f2c953dc4456f45a2588e1cb6f2da760122d530ac2ce607d4a");

    big = malloc(1000000);
    CHECK(big != NULL);
    if (!big) return;
    memset(big, 'a', 1000000);
    CHECK_OK(wetee_hash_keccak256(out, big, 1000000));
    CHECK_HEX(out, 32, "fadae6b49f129bbb812be8407b7b2894f34aecf6dbd1f9b0f0c7e9853098fc96");
    free(big);
}

WT_TEST(test_sha2)
{
    uint8_t out[64];
    CHECK_OK(wetee_hash_sha256(out, NULL, 0));
    CHECK_HEX(out, 32, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK_OK(wetee_hash_sha256(out, S("abc")));
    CHECK_HEX(out, 32, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK_OK(wetee_hash_sha256(out, S("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
    CHECK_HEX(out, 32, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK_OK(wetee_hash_sha512(out, NULL, 0));
    CHECK_HEX(out, 64,
              "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
              "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
    CHECK_OK(wetee_hash_sha512(out, S("abc")));
    CHECK_HEX(out, 64,
              "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
              "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
}

WT_TEST(test_hmac_rfc4231)
{
    static const char *data7 = "This is a test using a larger than block-size key and a larger than block-size "
                               "data. The key needs to be hashed before being used by the HMAC algorithm.";
    uint8_t out[64], key[131], data[50];
    size_t i;

    /* Test case 1 */
    memset(key, 0x0b, 20);
    CHECK_OK(wetee_hmac_sha256(out, key, 20, S("Hi There")));
    CHECK_HEX(out, 32, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    CHECK_OK(wetee_hmac_sha512(out, key, 20, S("Hi There")));
    CHECK_HEX(out, 64,
              "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
              "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
    /* Test case 2 */
    CHECK_OK(wetee_hmac_sha256(out, S("Jefe"), S("what do ya want for nothing?")));
    CHECK_HEX(out, 32, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK_OK(wetee_hmac_sha512(out, S("Jefe"), S("what do ya want for nothing?")));
    CHECK_HEX(out, 64,
              "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
              "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
    /* Test case 3 */
    memset(key, 0xaa, 20);
    memset(data, 0xdd, 50);
    CHECK_OK(wetee_hmac_sha256(out, key, 20, data, 50));
    CHECK_HEX(out, 32, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    CHECK_OK(wetee_hmac_sha512(out, key, 20, data, 50));
    CHECK_HEX(out, 64,
              "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
              "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb");
    /* Test case 4 */
    for (i = 0; i < 25; i++) key[i] = (uint8_t)(i + 1);
    memset(data, 0xcd, 50);
    CHECK_OK(wetee_hmac_sha256(out, key, 25, data, 50));
    CHECK_HEX(out, 32, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    CHECK_OK(wetee_hmac_sha512(out, key, 25, data, 50));
    CHECK_HEX(out, 64,
              "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
              "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd");
    /* Test case 6 */
    memset(key, 0xaa, 131);
    CHECK_OK(wetee_hmac_sha256(out, key, 131, S("Test Using Larger Than Block-Size Key - Hash Key First")));
    CHECK_HEX(out, 32, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    CHECK_OK(wetee_hmac_sha512(out, key, 131, S("Test Using Larger Than Block-Size Key - Hash Key First")));
    CHECK_HEX(out, 64,
              "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
              "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598");
    /* Test case 7 */
    CHECK_OK(wetee_hmac_sha256(out, key, 131, (const uint8_t *)data7, strlen(data7)));
    CHECK_HEX(out, 32, "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    CHECK_OK(wetee_hmac_sha512(out, key, 131, (const uint8_t *)data7, strlen(data7)));
    CHECK_HEX(out, 64,
              "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
              "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58");
    /* Empty key and message (NULL pointers allowed with zero lengths). */
    CHECK_OK(wetee_hmac_sha256(out, NULL, 0, NULL, 0));
    CHECK_HEX(out, 32, "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

WT_TEST(test_pbkdf2)
{
    uint8_t out[64];
    /* RFC 7914 section 11 */
    CHECK_OK(wetee_pbkdf2_sha256(out, 64, S("passwd"), S("salt"), 1));
    CHECK_HEX(out, 64,
              "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
              "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    CHECK_OK(wetee_pbkdf2_sha256(out, 64, S("Password"), S("NaCl"), 80000));
    CHECK_HEX(out, 64,
              "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
              "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
    /* Shorter output is a prefix. */
    CHECK_OK(wetee_pbkdf2_sha256(out, 20, S("passwd"), S("salt"), 1));
    CHECK_HEX(out, 20, "55ac046e56e3089fec1691c22544b605f9418521");

    CHECK_OK(wetee_pbkdf2_sha512(out, 64, S("password"), S("salt"), 1));
    CHECK_HEX(out, 64,
              "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
              "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce");
    CHECK_OK(wetee_pbkdf2_sha512(out, 64, S("password"), S("salt"), 2));
    CHECK_HEX(out, 64,
              "e1d9c16aa681708a45f5c7c4e215ceb66e011a2e9f0040713f18aefdb866d53c"
              "f76cab2868a39b9f7840edce4fef5a82be67335c77a6068e04112754f27ccf4e");
    /* BIP-39: seed of "abandon ... about" with passphrase "TREZOR". */
    CHECK_OK(wetee_pbkdf2_sha512(out, 64,
                                 S("abandon abandon abandon abandon abandon abandon abandon abandon abandon "
                                   "abandon abandon about"),
                                 S("mnemonicTREZOR"), 2048));
    CHECK_HEX(out, 64,
              "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e5349553"
              "1f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04");
}

WT_TEST(test_crc)
{
    static const uint8_t pdu[48] = {
        0x01, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x18,
        0x28, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    };
    uint8_t buf[32];
    uint16_t c16 = 1;
    uint32_t c32 = 1;
    size_t i;

    CHECK_OK(wetee_crc16_xmodem(&c16, S("123456789")));
    CHECK(c16 == 0x31C3);
    CHECK_OK(wetee_crc16_xmodem(&c16, S("A")));
    CHECK(c16 == 0x58E5);
    CHECK_OK(wetee_crc16_xmodem(&c16, NULL, 0));
    CHECK(c16 == 0);

    CHECK_OK(wetee_crc32c(&c32, S("123456789")));
    CHECK(c32 == 0xE3069283u);
    CHECK_OK(wetee_crc32c(&c32, NULL, 0));
    CHECK(c32 == 0);
    /* RFC 3720 B.4 (the CRC bytes there are the value sent little-endian). */
    memset(buf, 0, sizeof buf);
    CHECK_OK(wetee_crc32c(&c32, buf, 32));
    CHECK(c32 == 0x8A9136AAu);
    memset(buf, 0xff, sizeof buf);
    CHECK_OK(wetee_crc32c(&c32, buf, 32));
    CHECK(c32 == 0x62A8AB43u);
    for (i = 0; i < 32; i++) buf[i] = (uint8_t)i;
    CHECK_OK(wetee_crc32c(&c32, buf, 32));
    CHECK(c32 == 0x46DD794Eu);
    for (i = 0; i < 32; i++) buf[i] = (uint8_t)(31 - i);
    CHECK_OK(wetee_crc32c(&c32, buf, 32));
    CHECK(c32 == 0x113FDB5Cu);
    CHECK_OK(wetee_crc32c(&c32, pdu, sizeof pdu));
    CHECK(c32 == 0xD9963A56u);
    /* Every length 0..200 at every alignment 0..7 against a bitwise CRC32C
     * (the library picks the SSE4.2 instruction or a table at run time). */
    {
        uint8_t big[216];
        uint64_t st = 7;
        for (i = 0; i < sizeof big; i++) {
            st = st * 6364136223846793005ull + 1442695040888963407ull;
            big[i] = (uint8_t)(st >> 56);
        }
        for (size_t off = 0; off < 8; off++)
            for (size_t n = 0; n <= 200; n++) {
                uint32_t ref = 0xFFFFFFFFu;
                for (size_t k = 0; k < n; k++) {
                    ref ^= big[off + k];
                    for (int b = 0; b < 8; b++) ref = (ref >> 1) ^ (0x82F63B78u & (0u - (ref & 1u)));
                }
                CHECK_OK(wetee_crc32c(&c32, big + off, n));
                CHECK(c32 == (ref ^ 0xFFFFFFFFu));
            }
    }
}

/* ------------------------------------------------------------------ */
/* BLAKE3                                                              */
/* ------------------------------------------------------------------ */

/* Feed `data` to a fresh hasher in pieces of `piece` bytes, then finalize. */
static void blake3_pieces(uint8_t *out, size_t out_len, const uint8_t *key, const uint8_t *data, size_t len,
                          size_t piece)
{
    wetee_blake3 *h = NULL;
    size_t off = 0;
    int rc = wetee_blake3_new(&h, key);
    while (rc == WETEE_OK && off < len) {
        size_t n = len - off < piece ? len - off : piece;
        rc = wetee_blake3_update(h, data + off, n);
        off += n;
    }
    if (rc == WETEE_OK) rc = wetee_blake3_finalize(h, out, out_len);
    CHECK_OK(rc); /* one check for the whole sequence */
    wetee_blake3_free(h);
}

WT_TEST(test_blake3_vectors)
{
    static const size_t splits[] = { 1, 63, 64, 65, 1023, 1024, 1025 };
    size_t json_len = 0, i, j, ncases;
    uint8_t *json = wt_read_vector("hash/blake3_test_vectors.json", &json_len);
    json_t *root, *cases, *jkey, *jctx;
    json_error_t jerr;
    const char *key_str, *ctx_str;
    uint8_t *input, *out;
    char prefix[65];

    if (!json) WT_SKIP("hash/blake3_test_vectors.json not found (vectors directory absent)");
    root = json_loadb((const char *)json, json_len, 0, &jerr);
    free(json);
    CHECK(root != NULL);
    if (!root) {
        fprintf(stderr, "blake3 vectors: JSON error at line %d: %s\n", jerr.line, jerr.text);
        return;
    }
    cases = json_object_get(root, "cases");
    jkey = json_object_get(root, "key");
    jctx = json_object_get(root, "context_string");
    CHECK(json_is_array(cases) && json_is_string(jkey) && json_is_string(jctx));
    if (!json_is_array(cases) || !json_is_string(jkey) || !json_is_string(jctx)) {
        json_decref(root);
        return;
    }
    key_str = json_string_value(jkey);
    ctx_str = json_string_value(jctx);
    CHECK(strlen(key_str) == WETEE_BLAKE3_KEY_BYTES);
    ncases = json_array_size(cases);
    CHECK(ncases >= 30);

    input = malloc(102400 + 1);
    out = malloc(1024);
    CHECK(input != NULL && out != NULL);
    if (!input || !out) {
        free(input);
        free(out);
        json_decref(root);
        return;
    }

    for (i = 0; i < ncases; i++) {
        json_t *c = json_array_get(cases, i);
        size_t n = (size_t)json_integer_value(json_object_get(c, "input_len"));
        const char *hx = json_string_value(json_object_get(c, "hash"));
        const char *kx = json_string_value(json_object_get(c, "keyed_hash"));
        const char *dx = json_string_value(json_object_get(c, "derive_key"));
        size_t xlen;
        CHECK(hx && kx && dx && n <= 102400);
        if (!hx || !kx || !dx || n > 102400) continue;
        xlen = strlen(hx) / 2;
        CHECK(xlen > 32 && xlen <= 1024 && strlen(kx) / 2 == xlen && strlen(dx) / 2 == xlen);
        if (xlen > 1024) continue;
        fill_pattern(input, n);

        /* One-shot, full extended length and default length (32 bytes). */
        CHECK_OK(wetee_hash_blake3(out, xlen, input, n));
        CHECK_HEX(out, xlen, hx);
        memcpy(prefix, hx, 64);
        prefix[64] = 0;
        CHECK_OK(wetee_hash_blake3(out, 32, input, n));
        CHECK_HEX(out, 32, prefix);

        CHECK_OK(wetee_hash_blake3_keyed(out, xlen, (const uint8_t *)key_str, input, n));
        CHECK_HEX(out, xlen, kx);
        memcpy(prefix, kx, 64);
        CHECK_OK(wetee_hash_blake3_keyed(out, 32, (const uint8_t *)key_str, input, n));
        CHECK_HEX(out, 32, prefix);

        CHECK_OK(wetee_hash_blake3_derive_key(out, xlen, ctx_str, strlen(ctx_str), input, n));
        CHECK_HEX(out, xlen, dx);
        memcpy(prefix, dx, 64);
        CHECK_OK(wetee_hash_blake3_derive_key(out, 32, ctx_str, strlen(ctx_str), input, n));
        CHECK_HEX(out, 32, prefix);

        /* A shorter extended output is a prefix of the longer one. */
        memcpy(prefix, hx, 2);
        prefix[2] = 0;
        CHECK_OK(wetee_hash_blake3(out, 1, input, n));
        CHECK_HEX(out, 1, prefix);

        /* Incremental, plain and keyed, in odd-sized pieces. */
        for (j = 0; j < sizeof splits / sizeof splits[0]; j++) {
            blake3_pieces(out, xlen, NULL, input, n, splits[j]);
            CHECK_HEX(out, xlen, hx);
            blake3_pieces(out, xlen, (const uint8_t *)key_str, input, n, splits[j]);
            CHECK_HEX(out, xlen, kx);
        }
    }
    free(input);
    free(out);
    json_decref(root);
}

WT_TEST(test_blake3_large)
{
    /* Inputs beyond the official vectors (100 KiB): values from @noble/hashes,
     * first 32 bytes and bytes 64..99 of a 100-byte output. */
    static const struct { size_t len; const char *h32; const char *x64_100; } big[] = {
        { 1048576, "74cb441fd087764ca9c3694da742ebe30cbeb3060a17009ca81825c7a8d10343",
          "a343592d01da4911422257b02ff75cfd703b016c2b7ac3fd2f7760b7a4d7649184fefa69" },
        { 1048577, "2f053cd7472cf0cd2f9adaf45c1180255b91b9a865404a63671a0ee5f792ed33",
          "2bd46ac2941533a5dae91fa66dab1343d82e05117746d56acc37e5fba2ef58cd060bd857" },
        { 5000000, "1ab09ef1af116159d8d394fc5a13c25842753b617048329dc8874051d1b9e171",
          "e3b611867d5cd3e54cbc44c65452e9b2a294da1f88ab721d99267fcffd3ef7a4647291f5" },
    };
    uint8_t *input = malloc(5000000);
    uint8_t out[100];
    size_t i;
    CHECK(input != NULL);
    if (!input) return;
    fill_pattern(input, 5000000);
    for (i = 0; i < sizeof big / sizeof big[0]; i++) {
        CHECK_OK(wetee_hash_blake3(out, 32, input, big[i].len));
        CHECK_HEX(out, 32, big[i].h32);
        CHECK_OK(wetee_hash_blake3(out, 100, input, big[i].len));
        CHECK_HEX(out + 64, 36, big[i].x64_100);
        blake3_pieces(out, 100, NULL, input, big[i].len, 4099);
        CHECK_HEX(out, 32, big[i].h32);
        CHECK_HEX(out + 64, 36, big[i].x64_100);
    }
    free(input);
}

WT_TEST(test_blake3_incremental_state)
{
    /* finalize does not change the hasher: hash a prefix, continue, and the
     * final output covers everything. Empty updates change nothing. */
    uint8_t input[5000], a[64], b[64];
    wetee_blake3 *h = NULL;
    fill_pattern(input, sizeof input);
    CHECK_OK(wetee_blake3_new(&h, NULL));
    if (!h) return;
    CHECK_OK(wetee_blake3_finalize(h, a, 64));
    CHECK_OK(wetee_hash_blake3(b, 64, NULL, 0));
    CHECK(memcmp(a, b, 64) == 0);
    CHECK_OK(wetee_blake3_update(h, NULL, 0));
    CHECK_OK(wetee_blake3_update(h, input, 2048));
    CHECK_OK(wetee_blake3_finalize(h, a, 64));
    CHECK_OK(wetee_hash_blake3(b, 64, input, 2048));
    CHECK(memcmp(a, b, 64) == 0);
    CHECK_OK(wetee_blake3_update(h, input + 2048, sizeof input - 2048));
    CHECK_OK(wetee_blake3_finalize(h, a, 64));
    CHECK_OK(wetee_hash_blake3(b, 64, input, sizeof input));
    CHECK(memcmp(a, b, 64) == 0);
    wetee_blake3_free(h);
    wetee_blake3_free(NULL);
}

static void *failing_malloc(size_t size, void *ctx)
{
    (void)size;
    (void)ctx;
    return NULL;
}
static void *failing_realloc(void *ptr, size_t size, void *ctx)
{
    (void)ptr;
    (void)size;
    (void)ctx;
    return NULL;
}
static void plain_free(void *ptr, void *ctx)
{
    (void)ctx;
    free(ptr);
}

WT_TEST(test_blake3_no_memory)
{
    wetee_allocator alloc = WETEE_ALLOCATOR_INIT;
    wetee_blake3 *h = (wetee_blake3 *)&alloc; /* must be reset to NULL */
    alloc.malloc_fn = failing_malloc;
    alloc.realloc_fn = failing_realloc;
    alloc.free_fn = plain_free;
    CHECK_OK(wetee_set_allocator(&alloc));
    wetee_clear_error();
    CHECK_ERR(wetee_blake3_new(&h, NULL), WETEE_ERR_NO_MEMORY);
    CHECK(h == NULL);
    CHECK(wetee_last_error()[0] != '\0');
    CHECK_OK(wetee_set_allocator(NULL));
}

/* ------------------------------------------------------------------ */
/* Argument errors                                                     */
/* ------------------------------------------------------------------ */

WT_TEST(test_invalid_arguments)
{
    uint8_t out[64], key[65] = { 0 };
    uint16_t c16;
    uint32_t c32;
    wetee_blake3 *h = NULL;

    /* NULL output */
    CHECK_ARGERR(wetee_hash_blake2b(NULL, 32, NULL, 0, S("abc")));
    CHECK_ARGERR(wetee_hash_blake2b_128(NULL, S("abc")));
    CHECK_ARGERR(wetee_hash_blake2b_256(NULL, S("abc")));
    CHECK_ARGERR(wetee_hash_blake2b_512(NULL, S("abc")));
    CHECK_ARGERR(wetee_hash_blake2s_256(NULL, S("abc")));
    CHECK_ARGERR(wetee_hash_twox64(NULL, S("abc")));
    CHECK_ARGERR(wetee_hash_twox128(NULL, S("abc")));
    CHECK_ARGERR(wetee_hash_twox256(NULL, S("abc")));
    CHECK_ARGERR(wetee_hash_keccak256(NULL, S("abc")));
    CHECK_ARGERR(wetee_hash_sha256(NULL, S("abc")));
    CHECK_ARGERR(wetee_hash_sha512(NULL, S("abc")));
    CHECK_ARGERR(wetee_hmac_sha256(NULL, S("k"), S("abc")));
    CHECK_ARGERR(wetee_hmac_sha512(NULL, S("k"), S("abc")));
    CHECK_ARGERR(wetee_pbkdf2_sha256(NULL, 32, S("p"), S("s"), 1));
    CHECK_ARGERR(wetee_pbkdf2_sha512(NULL, 32, S("p"), S("s"), 1));
    CHECK_ARGERR(wetee_hash_blake3(NULL, 32, S("abc")));
    CHECK_ARGERR(wetee_hash_blake3_keyed(NULL, 32, key, S("abc")));
    CHECK_ARGERR(wetee_hash_blake3_derive_key(NULL, 32, "ctx", 3, S("abc")));
    CHECK_ARGERR(wetee_crc16_xmodem(NULL, S("abc")));
    CHECK_ARGERR(wetee_crc32c(NULL, S("abc")));

    /* NULL input with a non-zero length */
    CHECK_ARGERR(wetee_hash_blake2b(out, 32, NULL, 0, NULL, 1));
    CHECK_ARGERR(wetee_hash_blake2b_256(out, NULL, 1));
    CHECK_ARGERR(wetee_hash_blake2s_256(out, NULL, 1));
    CHECK_ARGERR(wetee_hash_twox128(out, NULL, 1));
    CHECK_ARGERR(wetee_hash_keccak256(out, NULL, 1));
    CHECK_ARGERR(wetee_hash_sha256(out, NULL, 1));
    CHECK_ARGERR(wetee_hash_sha512(out, NULL, 1));
    CHECK_ARGERR(wetee_hmac_sha256(out, NULL, 3, S("abc")));
    CHECK_ARGERR(wetee_hmac_sha512(out, S("k"), NULL, 3));
    CHECK_ARGERR(wetee_pbkdf2_sha256(out, 32, NULL, 1, S("s"), 1));
    CHECK_ARGERR(wetee_pbkdf2_sha512(out, 32, S("p"), NULL, 1, 1));
    CHECK_ARGERR(wetee_hash_blake3(out, 32, NULL, 1));
    CHECK_ARGERR(wetee_hash_blake3_keyed(out, 32, NULL, S("abc")));
    CHECK_ARGERR(wetee_hash_blake3_derive_key(out, 32, NULL, 3, S("abc")));
    CHECK_ARGERR(wetee_hash_blake3_derive_key(out, 32, "ctx", 3, NULL, 1));
    CHECK_ARGERR(wetee_crc16_xmodem(&c16, NULL, 1));
    CHECK_ARGERR(wetee_crc32c(&c32, NULL, 1));

    /* Sizes out of range */
    CHECK_ARGERR(wetee_hash_blake2b(out, 0, NULL, 0, S("abc")));
    CHECK_ARGERR(wetee_hash_blake2b(out, 65, NULL, 0, S("abc")));
    CHECK(strstr(wetee_last_error(), "out_len must be 1..64") != NULL);
    CHECK_ARGERR(wetee_hash_blake2b(out, 32, key, 65, S("abc")));
    CHECK(strstr(wetee_last_error(), "key_len") != NULL);
    CHECK_ARGERR(wetee_hash_blake2b(out, 32, NULL, 1, S("abc")));
    CHECK_ARGERR(wetee_pbkdf2_sha256(out, 32, S("p"), S("s"), 0));
    CHECK(strstr(wetee_last_error(), "iterations") != NULL);
    CHECK_ARGERR(wetee_pbkdf2_sha512(out, 32, S("p"), S("s"), 0));
    CHECK_ARGERR(wetee_pbkdf2_sha256(out, 0, S("p"), S("s"), 1));
    CHECK_ARGERR(wetee_pbkdf2_sha512(out, ((size_t)1 << 20) + 1, S("p"), S("s"), 1));
    CHECK_ARGERR(wetee_pbkdf2_sha256(out, 32, S("p"), S("s"), 0x80000000u));
    CHECK_ARGERR(wetee_hash_blake3(out, 0, S("abc")));
    CHECK_ARGERR(wetee_hash_blake3_keyed(out, 0, key, S("abc")));
    CHECK_ARGERR(wetee_hash_blake3_derive_key(out, 0, "ctx", 3, S("abc")));

    /* Incremental hasher */
    CHECK_ARGERR(wetee_blake3_new(NULL, NULL));
    CHECK_ARGERR(wetee_blake3_update(NULL, S("abc")));
    CHECK_ARGERR(wetee_blake3_finalize(NULL, out, 32));
    CHECK_OK(wetee_blake3_new(&h, NULL));
    if (h) {
        CHECK_ARGERR(wetee_blake3_update(h, NULL, 1));
        CHECK_ARGERR(wetee_blake3_finalize(h, NULL, 32));
        CHECK_ARGERR(wetee_blake3_finalize(h, out, 0));
        wetee_blake3_free(h);
    }
    /* The detail names the public function. */
    CHECK_ARGERR(wetee_hash_blake2b(out, 65, NULL, 0, S("abc")));
    CHECK_STR(wetee_last_error(), "hash: wetee_hash_blake2b: invalid argument: out_len must be 1..64");
}

WT_MAIN("hash", WT_CASE(test_sizes), WT_CASE(test_blake2b), WT_CASE(test_blake2s), WT_CASE(test_twox),
        WT_CASE(test_keccak256), WT_CASE(test_sha2), WT_CASE(test_hmac_rfc4231), WT_CASE(test_pbkdf2),
        WT_CASE(test_crc), WT_CASE(test_blake3_vectors), WT_CASE(test_blake3_large),
        WT_CASE(test_blake3_incremental_state), WT_CASE(test_blake3_no_memory),
        WT_CASE(test_invalid_arguments))
