/* Tests of the BIP-39 / substrate-bip39 module (include/wetee/mnemonic.h).
 *
 * Vectors:
 * - substrate-bip39: paritytech/substrate-bip39 src/lib.rs `vectors_are_correct`
 *   (passphrase "Substrate"), as listed in shared/reference/keys.md §2.2;
 *   the seed64 column is checked in full with PBKDF2 over the entropy, and
 *   the mini secret against its first 32 bytes.
 * - BIP-39: trezor/python-mnemonic vectors.json, all 24 English vectors
 *   (entropy, phrase, seed with passphrase "TREZOR").
 * - The DEV phrase (keys.md §2.1, §7.1). */
#include "wt_test.h"

typedef struct {
    const char *entropy;
    const char *phrase;
    const char *seed;
} vec3;

static const vec3 substrate_vectors[] = {
    { "00000000000000000000000000000000",
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
      "44e9d125f037ac1d51f0a7d3649689d422c2af8b1ec8e00d71db4d7bf6d127e33f50c3d5c84fa3e5399c72d6cbbbbc4a49bf76f76d952f479d74655a2ef2d453" },
    { "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
      "legal winner thank year wave sausage worth useful legal winner thank yellow",
      "4313249608fe8ac10fd5886c92c4579007272cb77c21551ee5b8d60b780416850f1e26c1f4b8d88ece681cb058ab66d6182bc2ce5a03181f7b74c27576b5c8bf" },
    { "80808080808080808080808080808080",
      "letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
      "27f3eb595928c60d5bc91a4d747da40ed236328183046892ed6cd5aa9ae38122acd1183adf09a89839acb1e6eaa7fb563cc958a3f9161248d5a036e0d0af533d" },
    { "ffffffffffffffffffffffffffffffff",
      "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
      "227d6256fd4f9ccaf06c45eaa4b2345969640462bbb00c5f51f43cb43418c7a753265f9b1e0c0822c155a9cabc769413ecc14553e135fe140fc50b6722c6b9df" },
    { "000000000000000000000000000000000000000000000000",
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon agent",
      "44e9d125f037ac1d51f0a7d3649689d422c2af8b1ec8e00d71db4d7bf6d127e33f50c3d5c84fa3e5399c72d6cbbbbc4a49bf76f76d952f479d74655a2ef2d453" },
    { "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
      "legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal will",
      "cb1d50e14101024a88905a098feb1553d4306d072d7460e167a60ccb3439a6817a0afc59060f45d999ddebc05308714733c9e1e84f30feccddd4ad6f95c8a445" },
    { "808080808080808080808080808080808080808080808080",
      "letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter always",
      "9ddecf32ce6bee77f867f3c4bb842d1f0151826a145cb4489598fe71ac29e3551b724f01052d1bc3f6d9514d6df6aa6d0291cfdf997a5afdb7b6a614c88ab36a" },
    { "ffffffffffffffffffffffffffffffffffffffffffffffff",
      "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo when",
      "8971cb290e7117c64b63379c97ed3b5c6da488841bd9f95cdc2a5651ac89571e2c64d391d46e2475e8b043911885457cd23e99a28b5a18535fe53294dc8e1693" },
    { "0000000000000000000000000000000000000000000000000000000000000000",
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art",
      "44e9d125f037ac1d51f0a7d3649689d422c2af8b1ec8e00d71db4d7bf6d127e33f50c3d5c84fa3e5399c72d6cbbbbc4a49bf76f76d952f479d74655a2ef2d453" },
    { "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
      "legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title",
      "3037276a5d05fcd7edf51869eb841bdde27c574dae01ac8cfb1ea476f6bea6ef57ab9afe14aea1df8a48f97ae25b37d7c8326e49289efb25af92ba5a25d09ed3" },
    { "8080808080808080808080808080808080808080808080808080808080808080",
      "letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless",
      "2c9c6144a06ae5a855453d98c3dea470e2a8ffb78179c2e9eb15208ccca7d831c97ddafe844ab933131e6eb895f675ede2f4e39837bb5769d4e2bc11df58ac42" },
    { "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote",
      "047e89ef7739cbfe30da0ad32eb1720d8f62441dd4f139b981b8e2d0bd412ed4eb14b89b5098c49db2301d4e7df4e89c21e53f345138e56a5e7d63fae21c5939" },
    { "9e885d952ad362caeb4efe34a8e91bd2",
      "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
      "f4956be6960bc145cdab782e649a5056598fd07cd3f32ceb73421c3da27833241324dc2c8b0a4d847eee457e6d4c5429f5e625ece22abaa6a976e82f1ec5531d" },
    { "6610b25967cdcca9d59875f5cb50b0ea75433311869e930b",
      "gravity machine north sort system female filter attitude volume fold club stay feature office ecology stable narrow fog",
      "fbcc5229ade0c0ff018cb7a329c5459f91876e4dde2a97ddf03c832eab7f26124366a543f1485479c31a9db0d421bda82d7e1fe562e57f3533cb1733b001d84d" },
    { "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c",
      "hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length",
      "7c60c555126c297deddddd59f8cdcdc9e3608944455824dd604897984b5cc369cad749803bb36eb8b786b570c9cdc8db275dbe841486676a6adf389f3be3f076" },
    { "c0ba5a8e914111210f2bd131f3d5e08d",
      "scheme spot photo card baby mountain device kick cradle pact join borrow",
      "c12157bf2506526c4bd1b79a056453b071361538e9e2c19c28ba2cfa39b5f23034b974e0164a1e8acd30f5b4c4de7d424fdb52c0116bfc6a965ba8205e6cc121" },
    { "6d9be1ee6ebd27a258115aad99b7317b9c8d28b6d76431c3",
      "horn tenant knee talent sponsor spell gate clip pulse soap slush warm silver nephew swap uncle crack brave",
      "23766723e970e6b79dec4d5e4fdd627fd27d1ee026eb898feb9f653af01ad22080c6f306d1061656d01c4fe9a14c05f991d2c7d8af8730780de4f94cd99bd819" },
    { "9f6a2878b2520799a44ef18bc7df394e7061a224d2c33cd015b157d746869863",
      "panda eyebrow bullet gorilla call smoke muffin taste mesh discover soft ostrich alcohol speed nation flash devote level hobby quick inner drive ghost inside",
      "f4c83c86617cb014d35cd87d38b5ef1c5d5c3d58a73ab779114438a7b358f457e0462c92bddab5a406fe0e6b97c71905cf19f925f356bc673ceb0e49792f4340" },
    { "23db8160a31d3e0dca3688ed941adbf3",
      "cat swing flag economy stadium alone churn speed unique patch report train",
      "719d4d4de0638a1705bf5237262458983da76933e718b2d64eb592c470f3c5d222e345cc795337bb3da393b94375ff4a56cfcd68d5ea25b577ee9384d35f4246" },
    { "8197a4a47f0425faeaa69deebc05ca29c0a5b5cc76ceacc0",
      "light rule cinnamon wrap drastic word pride squirrel upgrade then income fatal apart sustain crack supply proud access",
      "7ae1291db32d16457c248567f2b101e62c5549d2a64cd2b7605d503ec876d58707a8d663641e99663bc4f6cc9746f4852e75e7e54de5bc1bd3c299c9a113409e" },
    { "066dca1a2bb7e8a1db2832148ce9933eea0f3ac9548d793112d9a95c9407efad",
      "all hour make first leader extend hole alien behind guard gospel lava path output census museum junior mass reopen famous sing advance salt reform",
      "a911a5f4db0940b17ecb79c4dcf9392bf47dd18acaebdd4ef48799909ebb49672947cc15f4ef7e8ef47103a1a91a6732b821bda2c667e5b1d491c54788c69391" },
    { "f30f8c1da665478f49b001d94c5fc452",
      "vessel ladder alter error federal sibling chat ability sun glass valve picture",
      "4e2314ca7d9eebac6fe5a05a5a8d3546bc891785414d82207ac987926380411e559c885190d641ff7e686ace8c57db6f6e4333c1081e3d88d7141a74cf339c8f" },
    { "c10ec20dc3cd9f652c7fac2f1230f7a3c828389a14392f05",
      "scissors invite lock maple supreme raw rapid void congress muscle digital elegant little brisk hair mango congress clump",
      "7a83851102849edc5d2a3ca9d8044d0d4f00e5c4a292753ed3952e40808593251b0af1dd3c9ed9932d46e8608eb0b928216a6160bd4fc775a6e6fbd493d7c6b2" },
    { "f585c11aec520db57dd353c69554b21a89b20fb0650966fa0a9d6f74fd989d8f",
      "void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist slush involve unfold",
      "938ba18c3f521f19bd4a399c8425b02c716844325b1a65106b9d1593fbafe5e0b85448f523f91c48e331995ff24ae406757cff47d11f240847352b348ff436ed" },
};

static const vec3 trezor_vectors[] = {
    { "00000000000000000000000000000000",
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
      "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04" },
    { "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
      "legal winner thank year wave sausage worth useful legal winner thank yellow",
      "2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607" },
    { "80808080808080808080808080808080",
      "letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
      "d71de856f81a8acc65e6fc851a38d4d7ec216fd0796d0a6827a3ad6ed5511a30fa280f12eb2e47ed2ac03b5c462a0358d18d69fe4f985ec81778c1b370b652a8" },
    { "ffffffffffffffffffffffffffffffff",
      "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
      "ac27495480225222079d7be181583751e86f571027b0497b5b5d11218e0a8a13332572917f0f8e5a589620c6f15b11c61dee327651a14c34e18231052e48c069" },
    { "000000000000000000000000000000000000000000000000",
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon agent",
      "035895f2f481b1b0f01fcf8c289c794660b289981a78f8106447707fdd9666ca06da5a9a565181599b79f53b844d8a71dd9f439c52a3d7b3e8a79c906ac845fa" },
    { "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
      "legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal will",
      "f2b94508732bcbacbcc020faefecfc89feafa6649a5491b8c952cede496c214a0c7b3c392d168748f2d4a612bada0753b52a1c7ac53c1e93abd5c6320b9e95dd" },
    { "808080808080808080808080808080808080808080808080",
      "letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter always",
      "107d7c02a5aa6f38c58083ff74f04c607c2d2c0ecc55501dadd72d025b751bc27fe913ffb796f841c49b1d33b610cf0e91d3aa239027f5e99fe4ce9e5088cd65" },
    { "ffffffffffffffffffffffffffffffffffffffffffffffff",
      "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo when",
      "0cd6e5d827bb62eb8fc1e262254223817fd068a74b5b449cc2f667c3f1f985a76379b43348d952e2265b4cd129090758b3e3c2c49103b5051aac2eaeb890a528" },
    { "0000000000000000000000000000000000000000000000000000000000000000",
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art",
      "bda85446c68413707090a52022edd26a1c9462295029f2e60cd7c4f2bbd3097170af7a4d73245cafa9c3cca8d561a7c3de6f5d4a10be8ed2a5e608d68f92fcc8" },
    { "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
      "legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title",
      "bc09fca1804f7e69da93c2f2028eb238c227f2e9dda30cd63699232578480a4021b146ad717fbb7e451ce9eb835f43620bf5c514db0f8add49f5d121449d3e87" },
    { "8080808080808080808080808080808080808080808080808080808080808080",
      "letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless",
      "c0c519bd0e91a2ed54357d9d1ebef6f5af218a153624cf4f2da911a0ed8f7a09e2ef61af0aca007096df430022f7a2b6fb91661a9589097069720d015e4e982f" },
    { "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote",
      "dd48c104698c30cfe2b6142103248622fb7bb0ff692eebb00089b32d22484e1613912f0a5b694407be899ffd31ed3992c456cdf60f5d4564b8ba3f05a69890ad" },
    { "9e885d952ad362caeb4efe34a8e91bd2",
      "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
      "274ddc525802f7c828d8ef7ddbcdc5304e87ac3535913611fbbfa986d0c9e5476c91689f9c8a54fd55bd38606aa6a8595ad213d4c9c9f9aca3fb217069a41028" },
    { "6610b25967cdcca9d59875f5cb50b0ea75433311869e930b",
      "gravity machine north sort system female filter attitude volume fold club stay feature office ecology stable narrow fog",
      "628c3827a8823298ee685db84f55caa34b5cc195a778e52d45f59bcf75aba68e4d7590e101dc414bc1bbd5737666fbbef35d1f1903953b66624f910feef245ac" },
    { "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c",
      "hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length",
      "64c87cde7e12ecf6704ab95bb1408bef047c22db4cc7491c4271d170a1b213d20b385bc1588d9c7b38f1b39d415665b8a9030c9ec653d75e65f847d8fc1fc440" },
    { "c0ba5a8e914111210f2bd131f3d5e08d",
      "scheme spot photo card baby mountain device kick cradle pact join borrow",
      "ea725895aaae8d4c1cf682c1bfd2d358d52ed9f0f0591131b559e2724bb234fca05aa9c02c57407e04ee9dc3b454aa63fbff483a8b11de949624b9f1831a9612" },
    { "6d9be1ee6ebd27a258115aad99b7317b9c8d28b6d76431c3",
      "horn tenant knee talent sponsor spell gate clip pulse soap slush warm silver nephew swap uncle crack brave",
      "fd579828af3da1d32544ce4db5c73d53fc8acc4ddb1e3b251a31179cdb71e853c56d2fcb11aed39898ce6c34b10b5382772db8796e52837b54468aeb312cfc3d" },
    { "9f6a2878b2520799a44ef18bc7df394e7061a224d2c33cd015b157d746869863",
      "panda eyebrow bullet gorilla call smoke muffin taste mesh discover soft ostrich alcohol speed nation flash devote level hobby quick inner drive ghost inside",
      "72be8e052fc4919d2adf28d5306b5474b0069df35b02303de8c1729c9538dbb6fc2d731d5f832193cd9fb6aeecbc469594a70e3dd50811b5067f3b88b28c3e8d" },
    { "23db8160a31d3e0dca3688ed941adbf3",
      "cat swing flag economy stadium alone churn speed unique patch report train",
      "deb5f45449e615feff5640f2e49f933ff51895de3b4381832b3139941c57b59205a42480c52175b6efcffaa58a2503887c1e8b363a707256bdd2b587b46541f5" },
    { "8197a4a47f0425faeaa69deebc05ca29c0a5b5cc76ceacc0",
      "light rule cinnamon wrap drastic word pride squirrel upgrade then income fatal apart sustain crack supply proud access",
      "4cbdff1ca2db800fd61cae72a57475fdc6bab03e441fd63f96dabd1f183ef5b782925f00105f318309a7e9c3ea6967c7801e46c8a58082674c860a37b93eda02" },
    { "066dca1a2bb7e8a1db2832148ce9933eea0f3ac9548d793112d9a95c9407efad",
      "all hour make first leader extend hole alien behind guard gospel lava path output census museum junior mass reopen famous sing advance salt reform",
      "26e975ec644423f4a4c4f4215ef09b4bd7ef924e85d1d17c4cf3f136c2863cf6df0a475045652c57eb5fb41513ca2a2d67722b77e954b4b3fc11f7590449191d" },
    { "f30f8c1da665478f49b001d94c5fc452",
      "vessel ladder alter error federal sibling chat ability sun glass valve picture",
      "2aaa9242daafcee6aa9d7269f17d4efe271e1b9a529178d7dc139cd18747090bf9d60295d0ce74309a78852a9caadf0af48aae1c6253839624076224374bc63f" },
    { "c10ec20dc3cd9f652c7fac2f1230f7a3c828389a14392f05",
      "scissors invite lock maple supreme raw rapid void congress muscle digital elegant little brisk hair mango congress clump",
      "7b4a10be9d98e6cba265566db7f136718e1398c71cb581e1b2f464cac1ceedf4f3e274dc270003c670ad8d02c4558b2f8e39edea2775c9e232c7cb798b069e88" },
    { "f585c11aec520db57dd353c69554b21a89b20fb0650966fa0a9d6f74fd989d8f",
      "void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist slush involve unfold",
      "01f5bced59dec48e362f2c45b5de68b9fd6c92c6634f44d6d40aab69056506f0e35524a518034ddc1192e1dacd32c1ed3eaa3c3b131c88ed8e7e54c49a5d0998" },
};

#define DEV_PHRASE "bottom drive obey lake curtain smoke basket hold race lonely fit walk"
#define NVEC(a) (sizeof(a) / sizeof((a)[0]))

/* Number of space-separated words. */
static size_t count_words(const char *s)
{
    size_t n = *s ? 1 : 0;
    for (; *s; s++) n += (*s == ' ');
    return n;
}

/* The `n`-th word (0-based) of a phrase into `out`. */
static void nth_word(char *out, size_t cap, const char *phrase, size_t n)
{
    const char *p = phrase, *e;
    size_t l;
    while (n--) p = strchr(p, ' ') + 1;
    e = strchr(p, ' ');
    l = e ? (size_t)(e - p) : strlen(p);
    if (l >= cap) l = cap - 1;
    memcpy(out, p, l);
    out[l] = 0;
}

static int detail_has(const char *needle) { return strstr(wetee_last_error(), needle) != NULL; }

WT_TEST(test_substrate_bip39_vectors)
{
    size_t i;
    for (i = 0; i < NVEC(substrate_vectors); i++) {
        const vec3 *v = &substrate_vectors[i];
        uint8_t ent[32], seed[64], mini[32];
        size_t ent_len = wt_unhex(ent, sizeof ent, v->entropy);
        wetee_buf buf = WETEE_BUF_INIT;

        CHECK_OK(wetee_mnemonic_validate(v->phrase, strlen(v->phrase)));
        CHECK_OK(wetee_mnemonic_to_entropy(&buf, v->phrase, strlen(v->phrase)));
        CHECK_HEX(buf.data, buf.len, v->entropy);
        CHECK_OK(wetee_mnemonic_from_entropy(&buf, ent, ent_len));
        CHECK_STR((const char *)buf.data, v->phrase);
        CHECK(buf.len == strlen(v->phrase));

        /* seed64 = PBKDF2-HMAC-SHA512(entropy, "mnemonic" ‖ "Substrate", 2048) */
        CHECK_OK(wetee_pbkdf2_sha512(seed, 64, ent, ent_len, (const uint8_t *)"mnemonicSubstrate", 17, 2048));
        CHECK_HEX(seed, 64, v->seed);
        CHECK_OK(wetee_mnemonic_to_mini_secret(mini, v->phrase, strlen(v->phrase), "Substrate", 9));
        CHECK(memcmp(mini, seed, 32) == 0);
        wetee_buf_free_secure(&buf);
    }
}

WT_TEST(test_dev_phrase)
{
    uint8_t mini[32], seed[64];
    wetee_buf buf = WETEE_BUF_INIT;
    CHECK_OK(wetee_mnemonic_validate(DEV_PHRASE, strlen(DEV_PHRASE)));
    CHECK_OK(wetee_mnemonic_to_entropy(&buf, DEV_PHRASE, strlen(DEV_PHRASE)));
    CHECK_HEX(buf.data, buf.len, "1a486a5fbe53639984cb64b070755f7b");
    CHECK_OK(wetee_mnemonic_to_mini_secret(mini, DEV_PHRASE, strlen(DEV_PHRASE), NULL, 0));
    CHECK_HEX(mini, 32, "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
    memset(mini, 0, sizeof mini);
    CHECK_OK(wetee_mnemonic_to_mini_secret(mini, DEV_PHRASE, strlen(DEV_PHRASE), "", 0));
    CHECK_HEX(mini, 32, "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
    /* the standard BIP-39 seed is a different thing (keys.md §2.1) */
    CHECK_OK(wetee_mnemonic_to_bip39_seed(seed, DEV_PHRASE, strlen(DEV_PHRASE), NULL, 0));
    CHECK_HEX(seed, 32, "02d5cd1db85b4d1397d78978062a1160e76e94cc5aaad3089644846865bb18fc");
    CHECK(memcmp(seed, mini, 32) != 0);
    /* the phrase length is what counts, not a NUL: a longer buffer is cut at len */
    {
        const char *padded = DEV_PHRASE " zoo";
        CHECK_OK(wetee_mnemonic_to_mini_secret(mini, padded, strlen(DEV_PHRASE), NULL, 0));
        CHECK_HEX(mini, 32, "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
    }
    wetee_buf_free_secure(&buf);
}

WT_TEST(test_trezor_vectors)
{
    size_t i;
    for (i = 0; i < NVEC(trezor_vectors); i++) {
        const vec3 *v = &trezor_vectors[i];
        uint8_t ent[32], seed[64];
        size_t ent_len = wt_unhex(ent, sizeof ent, v->entropy);
        wetee_buf buf = WETEE_BUF_INIT;
        CHECK_OK(wetee_mnemonic_from_entropy(&buf, ent, ent_len));
        CHECK_STR((const char *)buf.data, v->phrase);
        CHECK_OK(wetee_mnemonic_to_entropy(&buf, v->phrase, strlen(v->phrase)));
        CHECK_HEX(buf.data, buf.len, v->entropy);
        CHECK_OK(wetee_mnemonic_to_bip39_seed(seed, v->phrase, strlen(v->phrase), "TREZOR", 6));
        CHECK_HEX(seed, 64, v->seed);
        wetee_buf_free_secure(&buf);
    }
}

/* The compiled-in list, read back through the public API (word i is the
 * first word of the phrase whose entropy starts with the 11 bits of i),
 * hashes like bitcoin/bips bip-0039/english.txt. */
WT_TEST(test_wordlist_integrity)
{
    static char all[2048 * 9 + 1];
    size_t pos = 0;
    unsigned i;
    uint8_t h[32];
    char prev[16] = "", w[16];
    int sorted = 1;
    for (i = 0; i < 2048; i++) {
        uint8_t ent[16] = { 0 };
        wetee_buf buf = WETEE_BUF_INIT;
        ent[0] = (uint8_t)(i >> 3);
        ent[1] = (uint8_t)((i & 7) << 5);
        if (wetee_mnemonic_from_entropy(&buf, ent, 16) != WETEE_OK) { CHECK(0); return; }
        nth_word(w, sizeof w, (const char *)buf.data, 0);
        if (i && strcmp(prev, w) >= 0) sorted = 0;
        memcpy(prev, w, sizeof w);
        pos += (size_t)sprintf(all + pos, "%s\n", w);
        wetee_buf_free(&buf);
    }
    CHECK(sorted);
    CHECK_OK(wetee_hash_sha256(h, (const uint8_t *)all, pos));
    CHECK_HEX(h, 32, "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
}

WT_TEST(test_generate_every_count)
{
    unsigned counts[] = { 12, 15, 18, 21, 24 }, c, round;
    for (c = 0; c < 5; c++) {
        wetee_buf first = WETEE_BUF_INIT;
        for (round = 0; round < 20; round++) {
            wetee_buf phrase = WETEE_BUF_INIT, ent = WETEE_BUF_INIT, again = WETEE_BUF_INIT;
            CHECK_OK(wetee_mnemonic_generate(&phrase, counts[c]));
            if (!phrase.data) continue;
            CHECK(strlen((const char *)phrase.data) == phrase.len);
            CHECK(count_words((const char *)phrase.data) == counts[c]);
            CHECK_OK(wetee_mnemonic_validate((const char *)phrase.data, phrase.len));
            CHECK_OK(wetee_mnemonic_to_entropy(&ent, (const char *)phrase.data, phrase.len));
            CHECK(ent.len == counts[c] * 4 / 3);
            CHECK_OK(wetee_mnemonic_from_entropy(&again, ent.data, ent.len));
            CHECK(again.len == phrase.len && memcmp(again.data, phrase.data, phrase.len) == 0);
            if (round == 0) {
                wetee_buf_append(&first, phrase.data, phrase.len);
            } else {
                /* 128+ bits of randomness: two phrases never collide */
                CHECK(phrase.len != first.len || memcmp(phrase.data, first.data, first.len) != 0);
            }
            wetee_buf_free_secure(&phrase);
            wetee_buf_free_secure(&ent);
            wetee_buf_free_secure(&again);
        }
        wetee_buf_free_secure(&first);
    }
}

/* Random entropy of every length round-trips through phrase and back. */
WT_TEST(test_entropy_round_trip_random)
{
    size_t len, round, i;
    wt_rand_seed(39);
    for (len = 16; len <= 32; len += 4) {
        for (round = 0; round < 200; round++) {
            uint8_t ent[32];
            wetee_buf phrase = WETEE_BUF_INIT, back = WETEE_BUF_INIT;
            for (i = 0; i < len; i++) ent[i] = (uint8_t)wt_rand();
            CHECK_OK(wetee_mnemonic_from_entropy(&phrase, ent, len));
            CHECK_OK(wetee_mnemonic_to_entropy(&back, (const char *)phrase.data, phrase.len));
            CHECK(back.len == len && memcmp(back.data, ent, len) == 0);
            wetee_buf_free(&phrase);
            wetee_buf_free(&back);
        }
    }
}

/* Exactly 2^(11 - CS) last words complete a valid phrase: 128 for 12 words
 * down to 8 for 24; every other last word fails the checksum. */
WT_TEST(test_checksum_last_word_exhaustive)
{
    unsigned n;
    for (n = 12; n <= 24; n += 3) {
        uint8_t ent[32] = { 0 };
        wetee_buf base = WETEE_BUF_INIT, cand = WETEE_BUF_INIT;
        unsigned i, valid = 0, bad_checksum = 0, other = 0;
        size_t stem;
        char phrase[400];
        CHECK_OK(wetee_mnemonic_from_entropy(&base, ent, n * 4 / 3));
        stem = (size_t)(strrchr((const char *)base.data, ' ') - (const char *)base.data) + 1;
        memcpy(phrase, base.data, stem);
        for (i = 0; i < 2048; i++) {
            uint8_t e16[16] = { 0 };
            char w[16];
            int rc;
            e16[0] = (uint8_t)(i >> 3);
            e16[1] = (uint8_t)((i & 7) << 5);
            CHECK_OK(wetee_mnemonic_from_entropy(&cand, e16, 16));
            nth_word(w, sizeof w, (const char *)cand.data, 0);
            strcpy(phrase + stem, w);
            rc = wetee_mnemonic_validate(phrase, strlen(phrase));
            if (rc == WETEE_OK) valid++;
            else if (rc == WETEE_ERR_CHECKSUM) bad_checksum++;
            else other++;
        }
        CHECK(valid == (1u << (11 - n / 3)));
        CHECK(valid + bad_checksum == 2048 && other == 0);
        wetee_buf_free(&base);
        wetee_buf_free(&cand);
    }
}

static void expect_all_fail(const char *phrase, size_t len, int code, const char *detail)
{
    wetee_buf buf = WETEE_BUF_INIT;
    uint8_t out[64];
    CHECK_ERR(wetee_mnemonic_validate(phrase, len), code);
    if (detail) CHECK(detail_has(detail));
    CHECK(detail_has("mnemonic: "));
    CHECK_ERR(wetee_mnemonic_to_entropy(&buf, phrase, len), code);
    CHECK(buf.len == 0);
    CHECK_ERR(wetee_mnemonic_to_mini_secret(out, phrase, len, NULL, 0), code);
    CHECK_ERR(wetee_mnemonic_to_bip39_seed(out, phrase, len, NULL, 0), code);
    wetee_buf_free(&buf);
}

WT_TEST(test_bad_checksum)
{
    const char *p = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon";
    const char *q = "legal winner thank year wave sausage worth useful legal winner thank year";
    const char *r = "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo";
    expect_all_fail(p, strlen(p), WETEE_ERR_CHECKSUM, "checksum");
    expect_all_fail(q, strlen(q), WETEE_ERR_CHECKSUM, "checksum");
    expect_all_fail(r, strlen(r), WETEE_ERR_CHECKSUM, "checksum");
    /* swapping two words of a valid phrase breaks it */
    {
        const char *s = "bottom obey drive lake curtain smoke basket hold race lonely fit walk";
        expect_all_fail(s, strlen(s), WETEE_ERR_CHECKSUM, NULL);
    }
}

WT_TEST(test_unknown_word)
{
    static const struct { const char *phrase; const char *pos; } cases[] = {
        { "bottom drive obey lake abandonx smoke basket hold race lonely fit walk", "word 5 " },
        { "bottom drive obey lake curtain smoke basket hold race lonely fit walks", "word 12 " },
        { "botto drive obey lake curtain smoke basket hold race lonely fit walk", "word 1 " },
        { "bottom drive obey lake curtain smoke basket hold race lonelyness fit walk", "word 10 " },
        { "bottom drive obey lake curtain smoke basket a race lonely fit walk", "word 8 " },
        { "bottom drive obey lake curtain smoke basket hold race lonely fit zzz", "word 12 " },
        { "aaa drive obey lake curtain smoke basket hold race lonely fit walk", "word 1 " },
        { "bottom drive obey lake curtain smoke basket hold race lonely fit abandonabandon", "word 12 " },
    };
    size_t i;
    for (i = 0; i < NVEC(cases); i++) {
        expect_all_fail(cases[i].phrase, strlen(cases[i].phrase), WETEE_ERR_DECODE, cases[i].pos);
        CHECK(detail_has("not in the BIP-39 English list"));
        /* the detail names the position, never the word */
        CHECK(!detail_has("abandonx") && !detail_has("lonelyness") && !detail_has("zzz"));
    }
}

WT_TEST(test_wrong_counts)
{
    static const unsigned counts[] = { 1, 2, 3, 9, 11, 13, 14, 16, 23, 25, 27, 30, 48 };
    size_t i, k;
    for (i = 0; i < NVEC(counts); i++) {
        char phrase[64 * 9], expect[32];
        size_t pos = 0;
        for (k = 0; k < counts[i]; k++) pos += (size_t)sprintf(phrase + pos, "%sabandon", k ? " " : "");
        snprintf(expect, sizeof expect, ": %u words;", counts[i]);
        expect_all_fail(phrase, pos, WETEE_ERR_DECODE, expect);
    }
    /* a very long phrase is rejected by count without trouble */
    {
        size_t n = 100000, len = n * 4 - 1;
        char *big = malloc(len + 1);
        for (k = 0; k < n; k++) memcpy(big + 4 * k, "zoo ", 4);
        big[len] = 0;
        expect_all_fail(big, len, WETEE_ERR_DECODE, ": 100000 words;");
        free(big);
    }
}

WT_TEST(test_syntax_errors)
{
    static const struct { const char *phrase; const char *detail; } cases[] = {
        { "Bottom drive obey lake curtain smoke basket hold race lonely fit walk", "word 1, offset 0: an upper-case" },
        { "bottom drive obey lake curtain smoke basket hold race lonely fit WALK", "word 12, offset 65: an upper-case" },
        { "  bottom drive obey lake curtain smoke basket hold race lonely fit WALK", "word 12, offset 67: an upper-case" },
        { "bottom drive obey lake curtain smoke basket hold race lonely fit walk1", "a character other than a-z" },
        { "bottom-drive obey lake curtain smoke basket hold race lonely fit walk", "a character other than a-z" },
        /* U+FF41 full-width 'a': sp-core and polkadot.js NFKD-fold it, libwetee asks for normalised input */
        { "bottom drive obey lake curtain smoke basket hold race lonely fit w\xef\xbd\x81lk", "non-ASCII" },
        /* U+200B zero-width space is not whitespace (not in Unicode White_Space) */
        { "bottom drive obey lake curtain smoke basket hold race lonely fit\xe2\x80\x8bwalk", "non-ASCII" },
        /* U+180E Mongolian vowel separator left White_Space in Unicode 6.3 */
        { "bottom drive obey lake curtain smoke basket hold race lonely fit\xe1\xa0\x8ewalk", "non-ASCII" },
        { "bottom drive obey lake curtain smoke basket hold race lonely fit walk\xff", "non-ASCII" },
        /* a truncated U+3000 */
        { "bottom drive obey lake curtain smoke basket hold race lonely fit walk\xe3\x80", "non-ASCII" },
    };
    size_t i;
    for (i = 0; i < NVEC(cases); i++) expect_all_fail(cases[i].phrase, strlen(cases[i].phrase), WETEE_ERR_DECODE,
                                                     cases[i].detail);
    expect_all_fail("", 0, WETEE_ERR_DECODE, "empty phrase");
    expect_all_fail(NULL, 0, WETEE_ERR_DECODE, "empty phrase");
    expect_all_fail(" ", 1, WETEE_ERR_DECODE, "empty phrase");
    expect_all_fail(" \t\r\n\xe3\x80\x80", 7, WETEE_ERR_DECODE, "empty phrase");
    /* an embedded NUL counts as a character */
    expect_all_fail(DEV_PHRASE "\0", strlen(DEV_PHRASE) + 1, WETEE_ERR_DECODE, "a character other than a-z");
}

/* Whitespace as sp-core reads a phrase (bip39 Mnemonic::parse_in: str::split_whitespace): leading,
 * trailing and repeated, ASCII and Unicode White_Space, a final newline as read from a file. Every
 * entry point gives the result of the single-spaced phrase. */
WT_TEST(test_whitespace)
{
    static const char *const variants[] = {
        DEV_PHRASE "\n",
        DEV_PHRASE "\r\n",
        "  " DEV_PHRASE "  ",
        "\t" DEV_PHRASE "\n\n",
        "bottom  drive\tobey\nlake\r\ncurtain\vsmoke\fbasket hold   race lonely fit walk",
        /* U+00A0, U+0085, U+1680, U+2000, U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 */
        "bottom\xc2\xa0" "drive\xc2\x85obey\xe1\x9a\x80lake\xe2\x80\x80" "curtain\xe2\x80\x8asmoke\xe2\x80\xa8"
        "basket\xe2\x80\xa9hold\xe2\x80\xafrace\xe2\x81\x9flonely\xe3\x80\x80" "fit walk",
    };
    static const wetee_scheme schemes[] = { WETEE_SCHEME_SR25519, WETEE_SCHEME_ED25519, WETEE_SCHEME_ECDSA,
                                            WETEE_SCHEME_ETHEREUM };
    uint8_t mini0[32], mini[32], seed0[64], seed[64], pub0[WETEE_PUBLIC_MAX_BYTES], pub[WETEE_PUBLIC_MAX_BYTES];
    size_t i, k, n0 = 0, n = 0;
    wetee_buf ent = WETEE_BUF_INIT;
    CHECK_OK(wetee_mnemonic_to_mini_secret(mini0, DEV_PHRASE, strlen(DEV_PHRASE), "pw", 2));
    CHECK_OK(wetee_mnemonic_to_bip39_seed(seed0, DEV_PHRASE, strlen(DEV_PHRASE), "pw", 2));
    for (i = 0; i < NVEC(variants); i++) {
        const char *v = variants[i];
        size_t len = strlen(v);
        CHECK_OK(wetee_mnemonic_validate(v, len));
        CHECK_OK(wetee_mnemonic_to_entropy(&ent, v, len));
        CHECK_HEX(ent.data, ent.len, "1a486a5fbe53639984cb64b070755f7b");
        CHECK_OK(wetee_mnemonic_to_mini_secret(mini, v, len, "pw", 2));
        CHECK(memcmp(mini, mini0, 32) == 0);
        /* the BIP-39 seed hashes the normalised sentence, not the text as given */
        CHECK_OK(wetee_mnemonic_to_bip39_seed(seed, v, len, "pw", 2));
        CHECK(memcmp(seed, seed0, 64) == 0);
        for (k = 0; k < NVEC(schemes); k++) {
            wetee_keypair *a = NULL, *b = NULL;
            CHECK_OK(wetee_keypair_from_mnemonic(&a, schemes[k], DEV_PHRASE, strlen(DEV_PHRASE), "pw", 2));
            CHECK_OK(wetee_keypair_from_mnemonic(&b, schemes[k], v, len, "pw", 2));
            if (a && b) {
                CHECK_OK(wetee_keypair_public(a, pub0, &n0));
                CHECK_OK(wetee_keypair_public(b, pub, &n));
                CHECK(n == n0 && memcmp(pub, pub0, n) == 0);
            }
            wetee_keypair_free(a);
            wetee_keypair_free(b);
        }
    }
    /* the DEV phrase's known mini secret (keys.md §2.1), from a file-like phrase */
    CHECK_OK(wetee_mnemonic_to_mini_secret(mini, DEV_PHRASE "\n", strlen(DEV_PHRASE) + 1, NULL, 0));
    CHECK_HEX(mini, 32, "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
    /* the standard BIP-39 seed (keys.md §2.1: first 32 bytes for the DEV phrase) */
    CHECK_OK(wetee_mnemonic_to_bip39_seed(seed, "\t" DEV_PHRASE "\r\n", strlen(DEV_PHRASE) + 3, NULL, 0));
    CHECK_HEX(seed, 32, "02d5cd1db85b4d1397d78978062a1160e76e94cc5aaad3089644846865bb18fc");
    wetee_buf_free_secure(&ent);
    wetee_wipe(mini, sizeof mini);
    wetee_wipe(seed, sizeof seed);
}

WT_TEST(test_bad_arguments)
{
    wetee_buf buf = WETEE_BUF_INIT;
    uint8_t ent[40] = { 0 }, out[64];
    static const size_t bad_lens[] = { 0, 4, 12, 15, 17, 18, 30, 33, 36, 40 };
    static const unsigned bad_counts[] = { 0, 1, 9, 11, 13, 16, 25, 27, 48, 0xffffffffu };
    size_t i;
    for (i = 0; i < NVEC(bad_lens); i++) CHECK_ERR(wetee_mnemonic_from_entropy(&buf, ent, bad_lens[i]),
                                                   WETEE_ERR_INVALID_ARGUMENT);
    for (i = 0; i < NVEC(bad_counts); i++) CHECK_ERR(wetee_mnemonic_generate(&buf, bad_counts[i]),
                                                     WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_mnemonic_generate(NULL, 12), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_mnemonic_from_entropy(NULL, ent, 16), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_mnemonic_from_entropy(&buf, NULL, 16), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_mnemonic_validate(NULL, 5), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_mnemonic_to_entropy(NULL, DEV_PHRASE, strlen(DEV_PHRASE)), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_mnemonic_to_mini_secret(NULL, DEV_PHRASE, strlen(DEV_PHRASE), NULL, 0),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_mnemonic_to_mini_secret(out, DEV_PHRASE, strlen(DEV_PHRASE), NULL, 3),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_mnemonic_to_bip39_seed(NULL, DEV_PHRASE, strlen(DEV_PHRASE), NULL, 0),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_mnemonic_to_bip39_seed(out, DEV_PHRASE, strlen(DEV_PHRASE), NULL, 1),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK(buf.len == 0);
    wetee_buf_free(&buf);
}

/* Output buffers are replaced, not appended to. */
WT_TEST(test_output_replaced)
{
    wetee_buf buf = WETEE_BUF_INIT;
    uint8_t ent[16] = { 0 };
    wetee_buf_append(&buf, (const uint8_t *)"previous content", 16);
    CHECK_OK(wetee_mnemonic_from_entropy(&buf, ent, 16));
    CHECK_STR((const char *)buf.data, trezor_vectors[0].phrase);
    CHECK_OK(wetee_mnemonic_to_entropy(&buf, DEV_PHRASE, strlen(DEV_PHRASE)));
    CHECK_HEX(buf.data, buf.len, "1a486a5fbe53639984cb64b070755f7b");
    wetee_buf_free(&buf);
}

WT_MAIN("mnemonic", WT_CASE(test_substrate_bip39_vectors), WT_CASE(test_dev_phrase), WT_CASE(test_trezor_vectors),
        WT_CASE(test_wordlist_integrity), WT_CASE(test_generate_every_count), WT_CASE(test_entropy_round_trip_random),
        WT_CASE(test_checksum_last_word_exhaustive), WT_CASE(test_bad_checksum), WT_CASE(test_unknown_word),
        WT_CASE(test_wrong_counts), WT_CASE(test_syntax_errors), WT_CASE(test_whitespace), WT_CASE(test_bad_arguments),
        WT_CASE(test_output_replaced))
