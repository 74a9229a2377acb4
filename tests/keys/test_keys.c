/* Keys: STROBE/Merlin transcripts, sr25519, ed25519, ecdsa, Ethereum,
 * BIP-32 and EIP-55. Known answers from shared/reference/keys.md §1.4,
 * §7.1-7.4, BIP-32 test vector 1 and the EIP-55 specification; negative
 * cases; randomized round trips with tampering; a differential test of the
 * variable-time sr25519 verification path against libsodium.
 *
 * Links the static library (LINK_STATIC) for the fixed-randomness hooks. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <sodium.h>
#include <time.h>

#include "internal/merlin.h"
#include "internal/sr25519.h"
#include "internal/ed25519_curve.h"
#include "wt_test.h"

#define DEV_MINI "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e"
#define RFC8032_SEED "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"

static void unhex32(uint8_t out[32], const char *hex) { (void)wt_unhex(out, 32, hex); }

/* Junction chain code: SCALE string, zero-padded to 32 bytes. */
static void chain_code(uint8_t cc[32], const char *name)
{
    size_t n = strlen(name);
    memset(cc, 0, 32);
    cc[0] = (uint8_t)(n << 2);
    memcpy(cc + 1, name, n);
}

static void rand_bytes(uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) p[i] = (uint8_t)wt_rand();
}

static const char *str(const char *s) { return s; }
#define MSG(s) ((const uint8_t *)(s)), strlen(s)

/* ------------------------------------------------------------------ */
/* STROBE-128 and Merlin (§1.4)                                        */
/* ------------------------------------------------------------------ */

WT_TEST(test_strobe_conformance)
{
    wt_strobe128 s;
    uint8_t big[1024], out[32], out2[32];
    memset(big, 0x63, sizeof big);
    wt_strobe128_init(&s, (const uint8_t *)"Conformance Test Protocol", 25);
    wt_strobe128_meta_ad(&s, (const uint8_t *)"ms", 2, 0);
    wt_strobe128_meta_ad(&s, (const uint8_t *)"g", 1, 1);
    wt_strobe128_ad(&s, big, sizeof big, 0);
    wt_strobe128_meta_ad(&s, (const uint8_t *)"prf", 3, 0);
    wt_strobe128_prf(&s, out, 32, 0);
    CHECK_HEX(out, 32, "b48e645ca17c667fd5206ba57a6a228d72d8e1903814d3f17f622996d7cfefb0");
    wt_strobe128_meta_ad(&s, (const uint8_t *)"key", 3, 0);
    wt_strobe128_key(&s, out, 32, 0);
    wt_strobe128_meta_ad(&s, (const uint8_t *)"prf", 3, 0);
    wt_strobe128_prf(&s, out2, 32, 0);
    CHECK_HEX(out2, 32, "07e45cce8078cee259e3e375bb85d75610e2d1e1201c5f645045a194edd49ff8");
    wt_strobe128_wipe(&s);
    CHECK(sodium_is_zero((const unsigned char *)&s, sizeof s));
}

WT_TEST(test_merlin_simple)
{
    wt_merlin t;
    uint8_t c[32];
    wt_merlin_init(&t, "test protocol");
    wt_merlin_append(&t, "some label", MSG("some data"));
    wt_merlin_challenge(&t, "challenge", c, 32);
    CHECK_HEX(c, 32, "d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615");
}

WT_TEST(test_merlin_complex)
{
    wt_merlin t;
    uint8_t c[32], big[1024];
    int i;
    memset(big, 0x63, sizeof big);
    wt_merlin_init(&t, "test protocol");
    wt_merlin_append(&t, "step1", MSG("some data"));
    for (i = 0; i < 32; i++) {
        wt_merlin_challenge(&t, "challenge", c, 32);
        wt_merlin_append(&t, "bigdata", big, sizeof big);
        wt_merlin_append(&t, "challengedata", c, 32);
    }
    CHECK_HEX(c, 32, "a8c933f54fae76e3f9bea93648c1308e7dfa2152dd51674ff3ca438351cf003c");
}

WT_TEST(test_merlin_rng_clone)
{
    /* The witness RNG works on a clone: the transcript is unchanged, and
     * the same inputs give the same bytes; different randomness differs. */
    wt_merlin t, before;
    wt_merlin_rng rng;
    uint8_t zero[32] = { 0 }, one[32] = { 1 }, a[48], b[48], c[48], w[7] = "witness";
    const uint8_t *ws = w;
    size_t wl = sizeof w;
    wt_merlin_init(&t, "rng test");
    wt_merlin_append(&t, "x", MSG("y"));
    before = t;
    wt_merlin_witness_bytes(&t, "lbl", a, sizeof a, &ws, &wl, 1, zero);
    CHECK(memcmp(&before, &t, sizeof t) == 0);
    wt_merlin_rng_init(&rng, &t);
    wt_merlin_rng_rekey(&rng, "lbl", w, sizeof w);
    wt_merlin_rng_finalize(&rng, zero);
    wt_merlin_rng_fill(&rng, b, sizeof b);
    wt_merlin_rng_wipe(&rng);
    CHECK(memcmp(a, b, sizeof a) == 0);
    wt_merlin_witness_bytes(&t, "lbl", c, sizeof c, &ws, &wl, 1, one);
    CHECK(memcmp(a, c, sizeof a) != 0);
}

/* ------------------------------------------------------------------ */
/* sr25519 (§1, §7.1, §7.3, §7.4)                                      */
/* ------------------------------------------------------------------ */

WT_TEST(test_sr25519_expansion)
{
    uint8_t mini[32], secret[64], pub[32], canon[64], back[64], pub2[32];
    unhex32(mini, DEV_MINI);
    CHECK_OK(wetee_sr25519_keypair_from_seed(secret, pub, mini));
    CHECK_HEX(secret, 32, "28b0ae221c6bb06856b287f60d7ea0d98552ea5a16db16956849aa371db3eb51");
    CHECK_HEX(secret + 32, 32, "fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34");
    CHECK_HEX(pub, 32, "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
    CHECK_OK(wetee_sr25519_secret_to_canonical(canon, secret));
    CHECK_HEX(canon, 32, "05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0a");
    CHECK(memcmp(canon + 32, secret + 32, 32) == 0);
    CHECK_OK(wetee_sr25519_secret_from_canonical(back, canon));
    CHECK(memcmp(back, secret, 64) == 0);
    CHECK_OK(wetee_sr25519_public_from_secret(pub2, secret));
    CHECK(memcmp(pub2, pub, 32) == 0);
    /* in place */
    memcpy(back, secret, 64);
    CHECK_OK(wetee_sr25519_secret_to_canonical(back, back));
    CHECK(memcmp(back, canon, 64) == 0);
    CHECK_OK(wetee_sr25519_secret_from_canonical(back, back));
    CHECK(memcmp(back, secret, 64) == 0);
    /* not the uniform-mode answer */
    CHECK(sodium_memcmp(pub, (const uint8_t *)"\xdc\x4f\x72\x94", 4) != 0);

    /* sp-core test seeds (§7.4) */
    unhex32(mini, RFC8032_SEED);
    CHECK_OK(wetee_sr25519_keypair_from_seed(secret, pub, mini));
    CHECK_HEX(pub, 32, "44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f");
    memcpy(mini, "12345678901234567890123456789012", 32);
    CHECK_OK(wetee_sr25519_keypair_from_seed(secret, pub, mini));
    CHECK_HEX(pub, 32, "741c08a06f41c596608f6774259bd9043304adfa5d3eea62760bd9be97634d63");
}

WT_TEST(test_sr25519_secret_forms_errors)
{
    uint8_t canon[64] = { 0 }, out[64], pub[32], secret[64] = { 0 };
    /* ℓ itself is not canonical; ℓ - 1 is */
    wt_unhex(canon, 32, "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    CHECK_ERR(wetee_sr25519_secret_from_canonical(out, canon), WETEE_ERR_CRYPTO);
    canon[0] = 0xec;
    CHECK_OK(wetee_sr25519_secret_from_canonical(out, canon));
    CHECK_OK(wetee_sr25519_secret_to_canonical(out, out));
    CHECK(memcmp(out, canon, 32) == 0);
    memset(canon, 0xff, 32);
    CHECK_ERR(wetee_sr25519_secret_from_canonical(out, canon), WETEE_ERR_CRYPTO);
    /* zero secret has no public key */
    CHECK_ERR(wetee_sr25519_public_from_secret(pub, secret), WETEE_ERR_CRYPTO);
    CHECK_ERR(wetee_sr25519_keypair_from_seed(NULL, pub, canon), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_sr25519_sign(out, secret, pub, NULL, 5), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_sr25519_verify(out, NULL, 1, pub), WETEE_ERR_INVALID_ARGUMENT);
    CHECK(wetee_sr25519_signature_bytes() == 64 && wetee_ecdsa_signature_bytes() == 65);
}

WT_TEST(test_sr25519_hdkd)
{
    uint8_t mini[32], secret[64], pub[32], cc[32], child_mini[32], cs[64], cp[32], pp[32], rand0[32] = { 0 };
    uint8_t s2[64], p2[32], sig[64];
    unhex32(mini, DEV_MINI);
    CHECK_OK(wetee_sr25519_keypair_from_seed(secret, pub, mini));

    /* //Alice (hard) */
    chain_code(cc, "Alice");
    CHECK_HEX(cc, 32, "14416c6963650000000000000000000000000000000000000000000000000000");
    CHECK_OK(wt_sr25519_derive_hard_mini(child_mini, secret, cc));
    CHECK_HEX(child_mini, 32, "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a");
    CHECK_OK(wetee_sr25519_derive_hard(cs, cp, secret, cc));
    CHECK_HEX(cp, 32, "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    CHECK_HEX(cs, 64,
              "98319d4ff8a9508c4bb0cf0b5a78d760a0b2082c02775e6e82370816fedfff48"
              "925a225d97aa00682d6a59b95b18780c10d7032336e88f3442b42361f4a66011");

    /* /Alice (soft), public and secret paths agree */
    CHECK_OK(wetee_sr25519_derive_public(pp, pub, cc));
    CHECK_HEX(pp, 32, "d6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e");
    CHECK_OK(wetee_sr25519_derive_soft(cs, cp, secret, pub, cc));
    CHECK(memcmp(cp, pp, 32) == 0);
    CHECK_OK(wetee_sr25519_public_from_secret(p2, cs));
    CHECK(memcmp(p2, pp, 32) == 0);
    /* the nonce is random: two derivations differ only there */
    CHECK_OK(wetee_sr25519_derive_soft(s2, p2, secret, pub, cc));
    CHECK(memcmp(s2, cs, 32) == 0 && memcmp(s2 + 32, cs + 32, 32) != 0);
    CHECK_OK(wetee_sr25519_sign(sig, cs, cp, MSG("soft child")));
    CHECK_OK(wetee_sr25519_verify(sig, MSG("soft child"), pp));

    /* /foo (soft) */
    chain_code(cc, "foo");
    CHECK_HEX(cc, 32, "0c666f6f00000000000000000000000000000000000000000000000000000000");
    CHECK_OK(wetee_sr25519_derive_public(pp, pub, cc));
    CHECK_HEX(pp, 32, "40b9675df90efa6069ff623b0fdfcf706cd47ca7452a5056c7ad58194d23440a");
    CHECK_OK(wt_sr25519_derive_soft_with_rand(cs, cp, secret, pub, cc, rand0));
    CHECK_HEX(cp, 32, "40b9675df90efa6069ff623b0fdfcf706cd47ca7452a5056c7ad58194d23440a");
    CHECK_HEX(cs, 64,
              "881a05a29a64c5e65982a58658f9af14a6bdaff9780e7d8ed20074cb4ce6c673"
              "b6b70c912fe74e0dfdbb5cb0fbb3a9cf2f1c3296209984792b320e96cfbab888");

    /* §7.2 sr25519 rows reachable without the SURI parser: //foo, //foo/bar, /foo//bar */
    CHECK_OK(wetee_sr25519_derive_hard(cs, cp, secret, cc));
    CHECK_HEX(cp, 32, "547d4a55642ec7ebadc0bd29b6e570b8c926059b3c0655d4948075e9a7e6f31e");
    {
        uint8_t ccbar[32], s3[64], p3[32];
        chain_code(ccbar, "bar");
        CHECK_OK(wetee_sr25519_derive_soft(s3, p3, cs, cp, ccbar));
        CHECK_HEX(p3, 32, "3841947ffcde6f5fef26fb68b59bb8665637e30e32ec2051f99cf6b9c674fe09");
        CHECK_OK(wetee_sr25519_derive_soft(cs, cp, secret, pub, cc));
        CHECK_OK(wetee_sr25519_derive_hard(s3, p3, cs, ccbar));
        CHECK_HEX(p3, 32, "dc142f7476a7b0aa262aeccf207f1d18daa90762db393006741e8a31f39dbc53");
    }

    /* public derivation rejects bad points */
    memset(p2, 0, 32);
    CHECK_ERR(wetee_sr25519_derive_public(pp, p2, cc), WETEE_ERR_CRYPTO);
    memset(p2, 0xff, 32);
    CHECK_ERR(wetee_sr25519_derive_public(pp, p2, cc), WETEE_ERR_CRYPTO);
}

WT_TEST(test_sr25519_sign_kat)
{
    uint8_t mini[32], secret[64], pub[32], sig[64], rand0[32] = { 0 };
    unhex32(mini, DEV_MINI);
    CHECK_OK(wetee_sr25519_keypair_from_seed(secret, pub, mini));
    CHECK_OK(wt_sr25519_sign_with_rand(sig, secret, pub, MSG("this is a message"), rand0));
    CHECK_HEX(sig, 64,
              "dc4831339346dc294d21dd6efa22c078b6eb6602a30fb9c67540c1fb4e20936e"
              "17489f36dbe14aec6d2b1e56d979f7b420ca34143aca1691db0bab9535c49a86");
    CHECK_OK(wetee_sr25519_verify(sig, MSG("this is a message"), pub));
    CHECK_OK(wt_sr25519_verify_ref(sig, MSG("this is a message"), pub, 0));
    CHECK_ERR(wetee_sr25519_verify(sig, MSG("this is a messagf"), pub), WETEE_ERR_VERIFY);
    CHECK_ERR(wt_sr25519_verify_ref(sig, MSG("this is a messagf"), pub, 0), WETEE_ERR_VERIFY);
    /* fresh randomness: different bytes, still valid */
    {
        uint8_t sig2[64];
        CHECK_OK(wetee_sr25519_sign(sig2, secret, pub, MSG("this is a message")));
        CHECK(memcmp(sig, sig2, 64) != 0);
        CHECK_OK(wetee_sr25519_verify(sig2, MSG("this is a message"), pub));
    }
}

static const struct {
    const char *pub, *msg, *sig;
    int valid;
} sr_verify_cases[] = {
    { "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
      "I hereby verify that I control 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
      "1037eb7e51613d0dcf5930ae518819c87d655056605764840d9280984e1b7063"
      "c4566b55bf292fcab07b369d01095879b50517beca4d26e6a65866e25fec0d83",
      1 },
    { "f84d048da2ddae2d9d8fd6763f469566e8817a26114f39408de15547f6d47805", "<Bytes>message to sign</Bytes>",
      "48ce2c90e08651adfc8ecef84e916f6d1bb51ebebd16150ee12df247841a5437"
      "951ea0f9d632ca165e6ab391532e75e701be6a1caa88c8a6bcca3511f55b4183",
      1 },
    { "f84d048da2ddae2d9d8fd6763f469566e8817a26114f39408de15547f6d47805", "message to sign",
      "48ce2c90e08651adfc8ecef84e916f6d1bb51ebebd16150ee12df247841a5437"
      "951ea0f9d632ca165e6ab391532e75e701be6a1caa88c8a6bcca3511f55b4183",
      0 },
};

WT_TEST(test_sr25519_verify_vectors)
{
    size_t i;
    for (i = 0; i < sizeof sr_verify_cases / sizeof sr_verify_cases[0]; i++) {
        uint8_t pub[32], sig[64];
        unhex32(pub, sr_verify_cases[i].pub);
        wt_unhex(sig, 64, sr_verify_cases[i].sig);
        if (sr_verify_cases[i].valid) {
            CHECK_OK(wetee_sr25519_verify(sig, MSG(sr_verify_cases[i].msg), pub));
            CHECK_OK(wt_sr25519_verify_ref(sig, MSG(sr_verify_cases[i].msg), pub, 0));
        } else {
            CHECK_ERR(wetee_sr25519_verify(sig, MSG(sr_verify_cases[i].msg), pub), WETEE_ERR_VERIFY);
            CHECK_ERR(wt_sr25519_verify_ref(sig, MSG(sr_verify_cases[i].msg), pub, 0), WETEE_ERR_VERIFY);
        }
    }
}

/* RFC 9496 A.2: invalid encodings (non-canonical, negative, non-square,
 * negative xy, s = -1). */
static const char *const bad_ristretto[] = {
    "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0100000000000000000000000000000000000000000000000000000000000000",
    "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "ed57ffd8c914fb201471d1c3d245ce3c746fcbe63a3679d51b6a516ebebe0e20",
    "c34c4e1826e5d403b78e246e88aa051c36ccf0aafebffe137d148a2bf9104562",
    "c940e5a4404157cfb1628b108db051a8d439e1a421394ec4ebccb9ec92a8ac78",
    "47cfc5497c53dc8e61c91d17fd626ffb1c49e2bca94eed052281b510b1117a24",
    "f1c6165d33367351b0da8f6e4511010c68174a03b6581212c71c0e1d026c3c72",
    "87260f7a2f12495118360f02c26a470f450dadf34a413d21042b43b9d93e1309",
    "26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371",
    "4eac077a713c57b4f4397629a4145982c661f48044dd3f96427d40b147d9742f",
    "de6a7b00deadc788eb6b6c8d20c0ae96c2f2019078fa604fee5b87d6e989ad7b",
    "bcab477be20861e01e4a0e295284146a510150d9817763caf1a6f4b422d67042",
    "2a292df7e32cababbd9de088d1d1abec9fc0440f637ed2fba145094dc14bea08",
    "f4a9e534fc0d216c44b218fa0c42d99635a0127ee2e53c712f70609649fdff22",
    "8268436f8c4126196cf64b3c7ddbda90746a378625f9813dd9b8457077256731",
    "2810e5cbc2cc4d4eece54f61c6f69758e289aa7ab440b3cbeaa21995c2f4232b",
    "3eb858e78f5a7254d8c9731174a94f76755fd3941c0ac93735c07ba14579630e",
    "a45fdc55c76448c049a1ab33f17023edfb2be3581e9c7aade8a6125215e04220",
    "d483fe813c6ba647ebbfd3ec41adca1c6130c2beeee9d9bf065c8d151c5f396e",
    "8a2e1d30050198c65a54483123960ccc38aef6848e1ec8f5f780e8523769ba32",
    "32888462f8b486c68ad7dd9610be5192bbeaf3b443951ac1a8118419d9fa097b",
    "227142501b9d4355ccba290404bde41575b037693cef1f438c47f8fbf35d1165",
    "5c37cc491da847cfeb9281d407efc41e15144c876e0170b499a96a22ed31e01e",
    "445425117cb8c90edcbc7c1cc0e74f747f2c1efa5630a967c64f287792a48a4b",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
};

/* RFC 9496 A.1: encodings of 0·B .. 15·B. */
static const char *const base_multiples[16] = {
    "0000000000000000000000000000000000000000000000000000000000000000",
    "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76",
    "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919",
    "94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259",
    "da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57",
    "e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e",
    "f64746d3c92b13050ed8d80236a7f0007c3b3f962f5ba793d19a601ebb1df403",
    "44f53520926ec81fbd5a387845beb7df85a96a24ece18738bdcfa6a7822a176d",
    "903293d8f2287ebe10e2374dc1a53e0bc887e592699f02d077d5263cdd55601c",
    "02622ace8f7303a31cafc63f8fc48fdc16e1c8c8d234b2f0d6685282a9076031",
    "20706fd788b2720a1ed2a5dad4952b01f413bcf0e7564de8cdc816689e2db95f",
    "bce83f8ba5dd2fa572864c24ba1810f9522bc6004afe95877ac73241cafdab42",
    "e4549ee16b9aa03099ca208c67adafcafa4c3f3e4e5303de6026e3ca8ff84460",
    "aa52e000df2e16f55fb1032fc33bc42742dad6bd5a8fc0be0167436c5948501f",
    "46376b80f409b29dc2b5f6f0c52591990896e5716f41477cd30085ab7f10301e",
    "e0c418f7c8d9c4cdd7395b93ea124f3ad99021bb681dfc3302a9d99a2e53e64e",
};

WT_TEST(test_sr25519_verify_negative)
{
    uint8_t mini[32], secret[64], pub[32], sig[64], bad[64], bpub[32], rand0[32] = { 0 };
    const char *msg = "this is a message";
    size_t i;
    unhex32(mini, DEV_MINI);
    CHECK_OK(wetee_sr25519_keypair_from_seed(secret, pub, mini));
    CHECK_OK(wt_sr25519_sign_with_rand(sig, secret, pub, MSG(msg), rand0));

    /* missing marker bit */
    memcpy(bad, sig, 64);
    bad[63] &= 0x7f;
    CHECK_ERR(wetee_sr25519_verify(bad, MSG(msg), pub), WETEE_ERR_VERIFY);
    CHECK(strstr(wetee_last_error(), "marker") != NULL);
    CHECK_ERR(wt_sr25519_verify_ref(bad, MSG(msg), pub, 0), WETEE_ERR_VERIFY);

    /* non-canonical s: s + ℓ (still below 2^255, marker kept) */
    {
        static const uint8_t l[32] = { 0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                       0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                                       0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10 };
        unsigned carry = 0;
        memcpy(bad, sig, 64);
        bad[63] &= 0x7f;
        for (i = 0; i < 32; i++) {
            unsigned v = bad[32 + i] + l[i] + carry;
            bad[32 + i] = (uint8_t)v;
            carry = v >> 8;
        }
        CHECK(carry == 0 && (bad[63] & 0x80) == 0);
        bad[63] |= 0x80;
        CHECK_ERR(wetee_sr25519_verify(bad, MSG(msg), pub), WETEE_ERR_VERIFY);
        CHECK(strstr(wetee_last_error(), "canonical") != NULL);
        CHECK_ERR(wt_sr25519_verify_ref(bad, MSG(msg), pub, 0), WETEE_ERR_VERIFY);
    }

    /* identity public key: a signature by another key does not verify;
     * the strict rules reject the key itself */
    memset(bpub, 0, 32);
    CHECK_ERR(wetee_sr25519_verify(sig, MSG(msg), bpub), WETEE_ERR_VERIFY);
    CHECK(strstr(wetee_last_error(), "mismatch") != NULL);
    CHECK_ERR(wt_sr25519_verify_ref(sig, MSG(msg), bpub, 0), WETEE_ERR_VERIFY);
    CHECK_ERR(wetee_sr25519_verify_strict(sig, MSG(msg), bpub), WETEE_ERR_VERIFY);
    CHECK(strstr(wetee_last_error(), "identity") != NULL);
    CHECK_ERR(wt_sr25519_verify_ref(sig, MSG(msg), bpub, 1), WETEE_ERR_VERIFY);

    /* invalid public-key encodings */
    for (i = 0; i < sizeof bad_ristretto / sizeof bad_ristretto[0]; i++) {
        unhex32(bpub, bad_ristretto[i]);
        CHECK(crypto_core_ristretto255_is_valid_point(bpub) == 0);
        CHECK(wt_ristretto_fast_roundtrip(bad, bpub) != 0);
        CHECK_ERR(wetee_sr25519_verify(sig, MSG(msg), bpub), WETEE_ERR_VERIFY);
        CHECK_ERR(wt_sr25519_verify_ref(sig, MSG(msg), bpub, 0), WETEE_ERR_VERIFY);
    }

    /* a valid key with bit 255 set (libsodium 1.0.18 would accept it) */
    memcpy(bpub, pub, 32);
    bpub[31] |= 0x80;
    CHECK_ERR(wetee_sr25519_verify(sig, MSG(msg), bpub), WETEE_ERR_VERIFY);
    CHECK_ERR(wt_sr25519_verify_ref(sig, MSG(msg), bpub, 0), WETEE_ERR_VERIFY);
    CHECK(wt_ristretto_fast_roundtrip(bad, bpub) != 0);
    {
        uint8_t cc[32] = { 0 }, out[32];
        CHECK_ERR(wetee_sr25519_derive_public(out, bpub, cc), WETEE_ERR_CRYPTO);
    }

    /* an invalid R encoding never matches */
    memcpy(bad, sig, 64);
    memset(bad, 0xff, 32);
    CHECK_ERR(wetee_sr25519_verify(bad, MSG(msg), pub), WETEE_ERR_VERIFY);
    /* s = 0 */
    memcpy(bad, sig, 32);
    memset(bad + 32, 0, 32);
    bad[63] = 0x80;
    CHECK_ERR(wetee_sr25519_verify(bad, MSG(msg), pub), WETEE_ERR_VERIFY);
    CHECK_ERR(wt_sr25519_verify_ref(bad, MSG(msg), pub, 0), WETEE_ERR_VERIFY);
    /* every single-bit flip of the signature, the key and the message fails */
    for (i = 0; i < 64 * 8; i++) {
        memcpy(bad, sig, 64);
        bad[i / 8] ^= (uint8_t)(1u << (i % 8));
        CHECK(wetee_sr25519_verify(bad, MSG(msg), pub) == WETEE_ERR_VERIFY);
    }
    for (i = 0; i < 32 * 8; i++) {
        memcpy(bpub, pub, 32);
        bpub[i / 8] ^= (uint8_t)(1u << (i % 8));
        CHECK(wetee_sr25519_verify(sig, MSG(msg), bpub) == WETEE_ERR_VERIFY);
        CHECK(wt_sr25519_verify_ref(sig, MSG(msg), bpub, 0) == WETEE_ERR_VERIFY);
    }
}

/* schnorrkel, and so the chain, accepts the all-zero (identity) public key:
 * with A = 0 any R = s·B is a valid signature of every message. The
 * default rules follow the chain; the strict rules reject the key. */
WT_TEST(test_sr25519_identity_key)
{
    uint8_t wide[64], s[32], sig[64], zero[32] = { 0 }, pub[32], secret[64], mini[32];
    const char *msg = "remark: hello";
    int i;
    for (i = 0; i < 20; i++) {
        rand_bytes(wide, 64);
        crypto_core_ristretto255_scalar_reduce(s, wide);
        CHECK(crypto_scalarmult_ristretto255_base(sig, s) == 0);
        memcpy(sig + 32, s, 32);
        sig[63] |= 0x80;
        CHECK_OK(wetee_sr25519_verify(sig, MSG(msg), zero));
        CHECK_OK(wetee_sr25519_verify(sig, NULL, 0, zero));
        CHECK_OK(wt_sr25519_verify_ref(sig, MSG(msg), zero, 0));
        CHECK_OK(wetee_verify(WETEE_SCHEME_SR25519, sig, 64, MSG(msg), zero, 32));
        CHECK_ERR(wetee_sr25519_verify_strict(sig, MSG(msg), zero), WETEE_ERR_VERIFY);
        CHECK(strstr(wetee_last_error(), "identity") != NULL);
        CHECK_ERR(wt_sr25519_verify_ref(sig, MSG(msg), zero, 1), WETEE_ERR_VERIFY);
        CHECK_ERR(wetee_verify_strict(WETEE_SCHEME_SR25519, sig, 64, MSG(msg), zero, 32), WETEE_ERR_VERIFY);
        /* R must still be s·B */
        sig[0] ^= 2;
        CHECK_ERR(wetee_sr25519_verify(sig, MSG(msg), zero), WETEE_ERR_VERIFY);
        CHECK_ERR(wt_sr25519_verify_ref(sig, MSG(msg), zero, 0), WETEE_ERR_VERIFY);
    }
    /* s = 0: R is the identity encoding */
    memset(sig, 0, 64);
    sig[63] = 0x80;
    CHECK_OK(wetee_sr25519_verify(sig, MSG(msg), zero));
    CHECK_OK(wt_sr25519_verify_ref(sig, MSG(msg), zero, 0));
    /* ordinary signatures verify with both rule sets */
    unhex32(mini, DEV_MINI);
    CHECK_OK(wetee_sr25519_keypair_from_seed(secret, pub, mini));
    CHECK_OK(wetee_sr25519_sign(sig, secret, pub, MSG(msg)));
    CHECK_OK(wetee_sr25519_verify_strict(sig, MSG(msg), pub));
    CHECK_OK(wt_sr25519_verify_ref(sig, MSG(msg), pub, 1));
    CHECK_OK(wetee_verify_strict(WETEE_SCHEME_SR25519, sig, 64, MSG(msg), pub, 32));
}

WT_TEST(test_ristretto_fast_path)
{
    uint8_t s[32], a[32], b[32], wide[64], p[32], q[32];
    int i, valid = 0;
    /* base multiples against RFC 9496 and libsodium */
    for (i = 0; i < 16; i++) {
        memset(s, 0, 32);
        s[0] = (uint8_t)i;
        wt_ristretto_fast_base(a, s);
        CHECK_HEX(a, 32, base_multiples[i]);
        if (i > 0) {
            CHECK(crypto_scalarmult_ristretto255_base(b, s) == 0);
            CHECK(memcmp(a, b, 32) == 0);
            CHECK(wt_ristretto_fast_roundtrip(p, a) == 0 && memcmp(p, a, 32) == 0);
        }
    }
    /* random scalars: s·B agrees with libsodium; decode/encode round trips */
    for (i = 0; i < 300; i++) {
        rand_bytes(wide, 64);
        crypto_core_ristretto255_scalar_reduce(s, wide);
        wt_ristretto_fast_base(a, s);
        CHECK(crypto_scalarmult_ristretto255_base(b, s) == 0);
        CHECK(memcmp(a, b, 32) == 0);
        CHECK(wt_ristretto_fast_roundtrip(p, a) == 0 && memcmp(p, a, 32) == 0);
    }
    /* ℓ - 1 and the largest scalar digits */
    wt_unhex(s, 32, "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    wt_ristretto_fast_base(a, s);
    CHECK(crypto_scalarmult_ristretto255_base(b, s) == 0 && memcmp(a, b, 32) == 0);
    /* random 32-byte strings: same accept/reject decision as libsodium */
    for (i = 0; i < 3000; i++) {
        rand_bytes(q, 32);
        if (i & 1) q[31] &= 0x7f;
        if (i & 2) q[0] &= 0xfe;
        /* libsodium 1.0.18 ignores bit 255; RFC 9496 and dalek reject it */
        int lib = crypto_core_ristretto255_is_valid_point(q) && !(q[31] & 0x80);
        int fast = wt_ristretto_fast_roundtrip(p, q) == 0;
        CHECK(lib == fast);
        if (fast) {
            valid++;
            CHECK(memcmp(p, q, 32) == 0);
        }
    }
    CHECK(valid > 100);
}

WT_TEST(test_sr25519_differential)
{
    /* random keys, messages, signatures: the fast verification and the
     * libsodium-only one agree on valid and on tampered input */
    int i;
    for (i = 0; i < 200; i++) {
        uint8_t mini[32], secret[64], pub[32], sig[64], rnd[32], msg[80];
        size_t len = (size_t)(wt_rand() % sizeof msg);
        rand_bytes(mini, 32);
        rand_bytes(rnd, 32);
        rand_bytes(msg, len);
        CHECK_OK(wetee_sr25519_keypair_from_seed(secret, pub, mini));
        CHECK_OK(wt_sr25519_sign_with_rand(sig, secret, pub, msg, len, rnd));
        CHECK_OK(wetee_sr25519_verify(sig, msg, len, pub));
        CHECK_OK(wt_sr25519_verify_ref(sig, msg, len, pub, 0));
        switch (wt_rand() % 4) {
        case 0: sig[wt_rand() % 64] ^= (uint8_t)(1u << (wt_rand() % 8)); break;
        case 1: pub[wt_rand() % 32] ^= (uint8_t)(1u << (wt_rand() % 8)); break;
        case 2: if (len) msg[wt_rand() % len] ^= 1; else msg[len++] = 0; break;
        default: rand_bytes(sig, 32); break;
        }
        CHECK(wetee_sr25519_verify(sig, msg, len, pub) == WETEE_ERR_VERIFY);
        CHECK(wt_sr25519_verify_ref(sig, msg, len, pub, 0) == WETEE_ERR_VERIFY);
    }
}

/* ------------------------------------------------------------------ */
/* ed25519 (§3.1, §7.2, §7.4)                                          */
/* ------------------------------------------------------------------ */

WT_TEST(test_ed25519)
{
    uint8_t seed[32], secret[64], pub[32], sig[64], cc[32] = { 0 }, child[32], mini[32];
    unhex32(seed, RFC8032_SEED);
    CHECK_OK(wetee_ed25519_keypair_from_seed(secret, pub, seed));
    CHECK_HEX(pub, 32, "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    CHECK(memcmp(secret, seed, 32) == 0 && memcmp(secret + 32, pub, 32) == 0);
    CHECK_OK(wetee_ed25519_sign(sig, secret, NULL, 0));
    CHECK_HEX(sig, 64,
              "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
              "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    CHECK_OK(wetee_ed25519_verify(sig, NULL, 0, pub));
    CHECK_ERR(wetee_ed25519_verify(sig, MSG("x"), pub), WETEE_ERR_VERIFY);
    CHECK_OK(wetee_ed25519_derive_hard(child, seed, cc));
    CHECK_HEX(child, 32, "ede3354e133f9c8e337ddd6ee5415ed4b4ffe5fc7d21e933f4930a3730e5b21c");

    memcpy(seed, "12345678901234567890123456789012", 32);
    CHECK_OK(wetee_ed25519_keypair_from_seed(secret, pub, seed));
    CHECK_HEX(pub, 32, "2f8c6129d816cf51c374bc7f08c3e63ed156cf78aefb4a6550d97b87997977ee");

    /* DEV phrase //Alice and //Bob (§7.2) */
    unhex32(mini, DEV_MINI);
    chain_code(cc, "Alice");
    CHECK_OK(wetee_ed25519_derive_hard(child, mini, cc));
    CHECK_OK(wetee_ed25519_keypair_from_seed(secret, pub, child));
    CHECK_HEX(pub, 32, "88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");
    chain_code(cc, "Bob");
    CHECK_OK(wetee_ed25519_derive_hard(child, mini, cc));
    CHECK_OK(wetee_ed25519_keypair_from_seed(secret, pub, child));
    CHECK_HEX(pub, 32, "d17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69");

    /* in place seed → secret */
    memcpy(secret, seed, 32);
    CHECK_OK(wetee_ed25519_keypair_from_seed(secret, pub, secret));
    CHECK_HEX(pub, 32, "2f8c6129d816cf51c374bc7f08c3e63ed156cf78aefb4a6550d97b87997977ee");

    /* small-order public key (the identity) and non-canonical s are rejected */
    {
        uint8_t id[32] = { 1 }, bad[64];
        CHECK_ERR(wetee_ed25519_verify(sig, NULL, 0, id), WETEE_ERR_VERIFY);
        unhex32(seed, RFC8032_SEED);
        CHECK_OK(wetee_ed25519_keypair_from_seed(secret, pub, seed));
        CHECK_OK(wetee_ed25519_sign(sig, secret, NULL, 0));
        memcpy(bad, sig, 64);
        {
            static const uint8_t l[32] = { 0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                           0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                                           0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10 };
            unsigned carry = 0;
            int i;
            for (i = 0; i < 32; i++) {
                unsigned v = bad[32 + i] + l[i] + carry;
                bad[32 + i] = (uint8_t)v;
                carry = v >> 8;
            }
        }
        CHECK_ERR(wetee_ed25519_verify(bad, NULL, 0, pub), WETEE_ERR_VERIFY);
    }
}

/* The signer's own fixed-base multiplication (src/keys/ed25519_base.c):
 * RFC 8032 §7.1 TEST 2 and TEST 3 (TEST 1 is above), then byte equality
 * with libsodium's crypto_sign_detached and its base-point multiplication
 * on random seeds, messages and scalars, and on the edge scalars. */
WT_TEST(test_ed25519_signer)
{
    static const struct {
        const char *seed, *pub, *msg, *sig;
    } rfc[] = {
        { "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
          "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
          "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
          "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00" },
        { "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
          "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
          "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
          "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a" },
    };
    uint8_t seed[32], secret[64], pub[32], sig[64], ref[64], msg[700], s[32], out[32], exp[32], expanded[64],
        cc[32];
    size_t i;
    int n, mismatches = 0;
    for (i = 0; i < sizeof rfc / sizeof rfc[0]; i++) {
        size_t mlen = strlen(rfc[i].msg) / 2;
        unhex32(seed, rfc[i].seed);
        CHECK(wt_unhex(msg, mlen, rfc[i].msg) == mlen);
        CHECK_OK(wetee_ed25519_keypair_from_seed(secret, pub, seed));
        CHECK_HEX(pub, 32, rfc[i].pub);
        CHECK_OK(wetee_ed25519_sign(sig, secret, msg, mlen));
        CHECK_HEX(sig, 64, rfc[i].sig);
        /* the expanded-key path the keypair uses gives the same bytes */
        wt_ed25519_expand(expanded, seed);
        memset(sig, 0, 64);
        wt_ed25519_sign_expanded(sig, expanded, pub, msg, mlen);
        CHECK_HEX(sig, 64, rfc[i].sig);
    }
    /* random seeds and messages (0..699 bytes) against libsodium */
    for (n = 0; n < 2000; n++) {
        size_t len = (size_t)(wt_rand() % sizeof msg);
        rand_bytes(seed, 32);
        rand_bytes(msg, len);
        CHECK_OK(wetee_ed25519_keypair_from_seed(secret, pub, seed));
        CHECK_OK(wetee_ed25519_sign(sig, secret, msg, len));
        CHECK(crypto_sign_detached(ref, NULL, msg, len, secret) == 0);
        mismatches += memcmp(sig, ref, 64) != 0;
    }
    CHECK(mismatches == 0);
    /* keypairs sign with their cached expanded secret: the same bytes, also
     * for a derived child and a copy made by an empty derivation path */
    for (n = 0; n < 50; n++) {
        wetee_keypair *kp = NULL, *child = NULL, *copy = NULL;
        uint8_t ksig[WETEE_SIGNATURE_MAX_BYTES], cpub[WETEE_PUBLIC_MAX_BYTES];
        size_t klen = 0, plen = 0, len = (size_t)(wt_rand() % 300);
        rand_bytes(seed, 32);
        rand_bytes(msg, len);
        CHECK_OK(wetee_keypair_from_seed(&kp, WETEE_SCHEME_ED25519, seed, 32));
        CHECK_OK(wetee_keypair_derive(&child, kp, "//Alice", 7));
        CHECK_OK(wetee_keypair_derive(&copy, kp, "", 0));
        CHECK_OK(wetee_ed25519_keypair_from_seed(secret, pub, seed));
        CHECK(crypto_sign_detached(ref, NULL, msg, len, secret) == 0);
        CHECK_OK(wetee_keypair_sign(kp, ksig, &klen, msg, len));
        CHECK(klen == 64 && memcmp(ksig, ref, 64) == 0);
        CHECK_OK(wetee_keypair_sign(copy, ksig, &klen, msg, len));
        CHECK(klen == 64 && memcmp(ksig, ref, 64) == 0);
        chain_code(cc, "Alice");
        CHECK_OK(wetee_ed25519_derive_hard(exp, seed, cc));
        CHECK_OK(wetee_ed25519_keypair_from_seed(secret, pub, exp));
        CHECK(crypto_sign_detached(ref, NULL, msg, len, secret) == 0);
        CHECK_OK(wetee_keypair_sign(child, ksig, &klen, msg, len));
        CHECK_OK(wetee_keypair_public(child, cpub, &plen));
        CHECK(plen == 32 && memcmp(cpub, pub, 32) == 0);
        CHECK(klen == 64 && memcmp(ksig, ref, 64) == 0);
        wetee_keypair_free(kp);
        wetee_keypair_free(child);
        wetee_keypair_free(copy);
    }
    /* s·B against libsodium for random scalars below 2^255 (libsodium
     * refuses s = 0 and s·B = identity: those are checked by value) */
    for (n = 0; n < 2000; n++) {
        rand_bytes(s, 32);
        s[31] &= 0x7f;
        if (n % 4 == 1) s[31] &= 0x1f; /* below 2^253, as reduced nonces are */
        wt_ge_scalarmult_base_ct(out, s);
        CHECK(crypto_scalarmult_ed25519_base_noclamp(exp, s) == 0);
        mismatches += memcmp(out, exp, 32) != 0;
    }
    CHECK(mismatches == 0);
    /* the Ristretto255 encoding of s·B (sr25519 signing) against libsodium */
    for (n = 0; n < 2000; n++) {
        rand_bytes(s, 32);
        s[31] &= n % 2 ? 0x0f : 0x7f;
        wt_ge_scalarmult_base_ristretto_ct(out, s);
        CHECK(crypto_scalarmult_ristretto255_base(exp, s) == 0);
        mismatches += memcmp(out, exp, 32) != 0;
    }
    CHECK(mismatches == 0);
    {
        /* digits at the ends of their range: all 0x88.., all 0x77.., all
         * 0xff.. (2^255 - 1), ℓ - 1, 1, 8 */
        static const uint8_t fills[] = { 0x88, 0x77, 0xff, 0x08, 0x80 };
        static const uint8_t l_minus_1[32] = { 0xec, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                               0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                                               0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10 };
        for (i = 0; i < sizeof fills; i++) {
            memset(s, fills[i], 32);
            s[31] &= 0x7f;
            wt_ge_scalarmult_base_ct(out, s);
            CHECK(crypto_scalarmult_ed25519_base_noclamp(exp, s) == 0);
            CHECK(memcmp(out, exp, 32) == 0);
        }
        wt_ge_scalarmult_base_ct(out, l_minus_1);
        CHECK(crypto_scalarmult_ed25519_base_noclamp(exp, l_minus_1) == 0);
        CHECK(memcmp(out, exp, 32) == 0);
        memset(s, 0, 32);
        s[0] = 1;
        wt_ge_scalarmult_base_ct(out, s);
        CHECK_HEX(out, 32, "5866666666666666666666666666666666666666666666666666666666666666");
        /* 0·B and ℓ·B are the identity, encoded (0, 1) */
        memset(s, 0, 32);
        wt_ge_scalarmult_base_ct(out, s);
        CHECK_HEX(out, 32, "0100000000000000000000000000000000000000000000000000000000000000");
        memcpy(s, l_minus_1, 32);
        s[0] = 0xed;
        wt_ge_scalarmult_base_ct(out, s);
        CHECK_HEX(out, 32, "0100000000000000000000000000000000000000000000000000000000000000");
    }
}

/* ------------------------------------------------------------------ */
/* ecdsa (§3.2, §7.2, §7.4)                                            */
/* ------------------------------------------------------------------ */

#define SECP_N "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"

WT_TEST(test_ecdsa)
{
    uint8_t seed[32], pub[33], id[32], sig[65], cc[32] = { 0 }, child[32], bad[65];
    wetee_buf b = WETEE_BUF_INIT;
    unhex32(seed, RFC8032_SEED);
    CHECK_OK(wetee_ecdsa_public_from_secret(pub, seed));
    CHECK_HEX(pub, 33, "028db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd91");
    CHECK_OK(wetee_ecdsa_account_id(id, pub));
    CHECK_HEX(id, 32, "e9ba765d811b3ded32b9184a8a4adcacbb1fdeebbe4401484dae2f0588c246e4");
    CHECK_OK(wetee_ecdsa_sign(sig, seed, NULL, 0));
    CHECK_HEX(sig, 65,
              "3dde91174bd9359027be59a428b8146513df80a2a3c7eda2194f64de04a69ab9"
              "7b753169e94db6ffd50921a2668a48b94ca11e3d32c1ff19cfe88890aa7e8f3c00");
    CHECK_OK(wetee_ecdsa_verify(sig, NULL, 0, pub));
    CHECK_ERR(wetee_ecdsa_verify(sig, MSG("x"), pub), WETEE_ERR_VERIFY);
    CHECK_OK(wetee_ecdsa_derive_hard(child, seed, cc));
    CHECK_HEX(child, 32, "b8eefc4937200a8382d00050e050ced2d4ab72cc2ef1b061477afb51564fdd61");
    /* uncompressed form of the same key gives the same Ethereum address */
    {
        uint8_t full[65], a1[20], a2[20];
        full[0] = 4;
        wt_unhex(full + 1, 64,
                 "8db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd91"
                 "3ebbe148dd17c56551a52952371071a6c604b3f3abe8f2c8fa742158ea6dd7d4");
        CHECK_OK(wetee_eth_address(a1, full, 65));
        CHECK_OK(wetee_eth_address(a2, pub, 33));
        CHECK(memcmp(a1, a2, 20) == 0);
        full[64] ^= 1; /* off the curve */
        CHECK_ERR(wetee_eth_address(a1, full, 65), WETEE_ERR_CRYPTO);
        CHECK_ERR(wetee_eth_address(a1, full, 64), WETEE_ERR_INVALID_ARGUMENT);
    }

    /* DEV phrase //Alice (§7.2) */
    unhex32(seed, DEV_MINI);
    chain_code(cc, "Alice");
    CHECK_OK(wetee_ecdsa_derive_hard(child, seed, cc));
    CHECK_OK(wetee_ecdsa_public_from_secret(pub, child));
    CHECK_HEX(pub, 33, "020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1");
    CHECK_OK(wetee_ecdsa_account_id(id, pub));
    CHECK_HEX(id, 32, "01e552298e47454041ea31273b4b630c64c104e4514aa3643490b8aaca9cf8ed");

    /* zero and overflowing secrets */
    memset(seed, 0, 32);
    CHECK_ERR(wetee_ecdsa_public_from_secret(pub, seed), WETEE_ERR_CRYPTO);
    CHECK_ERR(wetee_ecdsa_sign(sig, seed, MSG("m")), WETEE_ERR_CRYPTO);
    CHECK_ERR(wetee_eth_sign(sig, seed, MSG("m")), WETEE_ERR_CRYPTO);
    unhex32(seed, SECP_N);
    CHECK_ERR(wetee_ecdsa_public_from_secret(pub, seed), WETEE_ERR_CRYPTO);
    CHECK_ERR(wetee_ecdsa_sign(sig, seed, MSG("m")), WETEE_ERR_CRYPTO);
    memset(seed, 0xff, 32);
    CHECK_ERR(wetee_ecdsa_public_from_secret(pub, seed), WETEE_ERR_CRYPTO);
    unhex32(seed, SECP_N);
    seed[31] = 0x40; /* n - 1 is valid */
    CHECK_OK(wetee_ecdsa_public_from_secret(pub, seed));

    /* malformed signatures */
    unhex32(seed, RFC8032_SEED);
    CHECK_OK(wetee_ecdsa_public_from_secret(pub, seed));
    CHECK_OK(wetee_ecdsa_sign(sig, seed, MSG("hello")));
    memcpy(bad, sig, 65);
    bad[64] = 4;
    CHECK_ERR(wetee_ecdsa_verify(bad, MSG("hello"), pub), WETEE_ERR_VERIFY);
    bad[64] = (uint8_t)(sig[64] ^ 1);
    CHECK_ERR(wetee_ecdsa_verify(bad, MSG("hello"), pub), WETEE_ERR_VERIFY);
    memcpy(bad, sig, 65);
    memset(bad, 0, 32); /* r = 0 */
    CHECK_ERR(wetee_ecdsa_verify(bad, MSG("hello"), pub), WETEE_ERR_VERIFY);
    memcpy(bad, sig, 65);
    wt_unhex(bad + 32, 32, SECP_N); /* s = n */
    CHECK_ERR(wetee_ecdsa_verify(bad, MSG("hello"), pub), WETEE_ERR_VERIFY);
    /* low s: the top half of s is below n/2 */
    CHECK(sig[32] < 0x80);
    /* the high-s twin (n - s, recid ^ 1) recovers the same key: accepted,
     * as libsecp256k1's recovery (and so sp-io) accepts it */
    {
        static const uint8_t n[32] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                       0xff, 0xff, 0xff, 0xff, 0xfe, 0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48,
                                       0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41 };
        int i, borrow = 0;
        memcpy(bad, sig, 65);
        for (i = 31; i >= 0; i--) {
            int v = n[i] - sig[32 + i] - borrow;
            borrow = v < 0;
            bad[32 + i] = (uint8_t)(v + (borrow ? 256 : 0));
        }
        bad[64] ^= 1;
        CHECK(bad[32] >= 0x80);
        CHECK_OK(wetee_ecdsa_verify(bad, MSG("hello"), pub));
    }
    wetee_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* Ethereum, BIP-32, EIP-55 (§3.3, §7.2)                               */
/* ------------------------------------------------------------------ */

static void bip39_seed(uint8_t seed[64], const char *sentence)
{
    CHECK_OK(wetee_pbkdf2_sha512(seed, 64, (const uint8_t *)sentence, strlen(sentence),
                                 (const uint8_t *)"mnemonic", 8, 2048));
}

static void check_eth_row(const uint8_t seed[64], const char *path, const char *priv_hex, const char *pub_hex,
                          const char *addr_text)
{
    uint8_t k[32], pub[33], addr[20], parsed[20];
    wetee_buf b = WETEE_BUF_INIT;
    CHECK_OK(wetee_bip32_derive(k, seed, 64, path, strlen(path)));
    if (priv_hex) CHECK_HEX(k, 32, priv_hex);
    CHECK_OK(wetee_ecdsa_public_from_secret(pub, k));
    CHECK_HEX(pub, 33, pub_hex);
    CHECK_OK(wetee_eth_address(addr, pub, 33));
    CHECK_OK(wetee_eth_address_to_string(&b, addr));
    CHECK_STR((const char *)b.data, addr_text);
    CHECK(b.len == 42);
    CHECK_OK(wetee_eth_address_from_string(parsed, addr_text, strlen(addr_text)));
    CHECK(memcmp(parsed, addr, 20) == 0);
    wetee_buf_free(&b);
}

WT_TEST(test_ethereum_rows)
{
    uint8_t seed[64], k1[32], k2[32];
    bip39_seed(seed, "seed sock milk update focus rotate barely fade car face mechanic mercy");
    check_eth_row(seed, "m/44'/60'/0'/0/0", "070dc3117300011918e26b02176945cc15c3d548cf49fd8418d97f93af699e46",
                  "0381351b1b46d2602b0992bb5d5531f9c1696b0812feb2534b6884adc47e2e1d8b",
                  "0x31ea8795EE32D782C8ff41a5C68Dcbf0F5B27f6d");
    bip39_seed(seed, WETEE_DEV_PHRASE);
    CHECK_HEX(seed, 32, "02d5cd1db85b4d1397d78978062a1160e76e94cc5aaad3089644846865bb18fc");
    check_eth_row(seed, "m/44'/60'/0'/0/0", "5fb92d6e98884f76de468fa3f6278f8807c48bebc13595d45af5bdc4da702133",
                  "02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f",
                  "0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac");
    check_eth_row(seed, "m/44'/60'/0'/0/1", NULL, "033bc19e36ff1673910575b6727a974a9abd80c9a875d41ab3e2648dbfb9e4b518",
                  "0x3Cd0A705a2DC65e5b1E1205896BaA2be8A07c6e0");
    /* h / H markers mean the same as ' */
    CHECK_OK(wetee_bip32_derive(k1, seed, 64, str("m/44'/60'/0'/0/1"), 16));
    CHECK_OK(wetee_bip32_derive(k2, seed, 64, str("m/44h/60H/0h/0/1"), 16));
    CHECK(memcmp(k1, k2, 32) == 0);
}

WT_TEST(test_bip32_vector1)
{
    static const struct { const char *path, *priv; } rows[] = {
        { "m", "e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35" },
        { "m/0H", "edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea" },
        { "m/0H/1", "3c6cb8d0f6a264c91ea8b5030fadaa8e538b020f0a387421a12de9319dc93368" },
        { "m/0H/1/2H", "cbce0d719ecf7431d88e6a89fa1483e02e35092af60c042b1df2ff59fa424dca" },
        { "m/0H/1/2H/2", "0f479245fb19a38a1954c5c7c0ebab2f9bdfd96a17563ef28a6a4b1a2a764ef4" },
        { "m/0H/1/2H/2/1000000000", "471b76e389e528d6de6d816857e012c5455051cad6660850e58372a6c3e6e7c8" },
    };
    uint8_t seed[16], k[32];
    size_t i;
    wt_unhex(seed, 16, "000102030405060708090a0b0c0d0e0f");
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        CHECK_OK(wetee_bip32_derive(k, seed, 16, rows[i].path, strlen(rows[i].path)));
        CHECK_HEX(k, 32, rows[i].priv);
    }
    /* empty path = master */
    CHECK_OK(wetee_bip32_derive(k, seed, 16, NULL, 0));
    CHECK_HEX(k, 32, rows[0].priv);
}

WT_TEST(test_bip32_bad_paths)
{
    static const struct { const char *path, *where; } bad[] = {
        { "x/0", "offset 0" },     { "/0", "offset 0" },         { "m/", "offset 2" },
        { "m//0", "offset 2" },    { "m/0/", "offset 4" },       { "m/2147483648", "offset 2" },
        { "m/0''", "offset 4" },   { "m/a", "offset 2" },        { "m/0x", "offset 3" },
        { " m/0", "offset 0" },    { "m/-1", "offset 2" },       { "m/0'/", "offset 5" },
        { "m0", "offset 1" },      { "m/99999999999", "offset 2" }, { "m/1 ", "offset 3" },
        { "m'", "offset 1" },      { "m/0h'", "offset 4" },
    };
    uint8_t seed[64] = { 1 }, k[32];
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_ERR(wetee_bip32_derive(k, seed, 64, bad[i].path, strlen(bad[i].path)), WETEE_ERR_DECODE);
        if (!strstr(wetee_last_error(), bad[i].where))
            fprintf(stderr, "path \"%s\": detail \"%s\" lacks \"%s\"\n", bad[i].path, wetee_last_error(),
                    bad[i].where);
        CHECK(strstr(wetee_last_error(), bad[i].where) != NULL);
    }
    /* the largest indices are fine; a NUL inside the length is not */
    CHECK_OK(wetee_bip32_derive(k, seed, 64, str("m/2147483647'/2147483647"), 24));
    CHECK_ERR(wetee_bip32_derive(k, seed, 64, "m/0\0/1", 6), WETEE_ERR_DECODE);
    /* depth limit */
    {
        char deep[2 * 256 + 2];
        size_t n = 1;
        deep[0] = 'm';
        for (i = 0; i < 256; i++) { deep[n++] = '/'; deep[n++] = '1'; }
        CHECK_ERR(wetee_bip32_derive(k, seed, 64, deep, n), WETEE_ERR_DECODE);
    }
    CHECK_ERR(wetee_bip32_derive(k, seed, 15, "m", 1), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_bip32_derive(k, seed, 65, "m", 1), WETEE_ERR_INVALID_ARGUMENT);
}

WT_TEST(test_eip55)
{
    static const char *const good[] = {
        "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    };
    uint8_t addr[20], again[20];
    wetee_buf b = WETEE_BUF_INIT;
    char text[43];
    size_t i;
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        CHECK_OK(wetee_eth_address_from_string(addr, good[i], 42));
        CHECK_OK(wetee_eth_address_to_string(&b, addr));
        CHECK_STR((const char *)b.data, good[i]);
        /* all-lower and all-upper forms are accepted without a checksum */
        {
            size_t j;
            memcpy(text, good[i], 43);
            for (j = 2; j < 42; j++) if (text[j] >= 'A' && text[j] <= 'F') text[j] = (char)(text[j] + 32);
            CHECK_OK(wetee_eth_address_from_string(again, text, 42));
            CHECK(memcmp(again, addr, 20) == 0);
            for (j = 2; j < 42; j++) if (text[j] >= 'a' && text[j] <= 'f') text[j] = (char)(text[j] - 32);
            CHECK_OK(wetee_eth_address_from_string(again, text, 42));
            CHECK(memcmp(again, addr, 20) == 0);
        }
    }
    /* one letter with the wrong case */
    memcpy(text, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", 43);
    text[3] = 'A';
    CHECK_ERR(wetee_eth_address_from_string(addr, text, 42), WETEE_ERR_CHECKSUM);
    CHECK(strstr(wetee_last_error(), "offset 3") != NULL);
    memcpy(text, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", 43);
    text[41] = 'D';
    CHECK_ERR(wetee_eth_address_from_string(addr, text, 42), WETEE_ERR_CHECKSUM);
    /* shape errors */
    CHECK_ERR(wetee_eth_address_from_string(addr, "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00", 42), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_eth_address_from_string(addr, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", 41), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_eth_address_from_string(addr, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd", 43), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_eth_address_from_string(addr, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", 42), WETEE_ERR_DECODE);
    CHECK(strstr(wetee_last_error(), "offset 41") != NULL);
    CHECK_ERR(wetee_eth_address_from_string(addr, "", 0), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_eth_address_from_string(NULL, "", 0), WETEE_ERR_INVALID_ARGUMENT);
    wetee_buf_free(&b);
}

WT_TEST(test_eth_sign_verify)
{
    uint8_t seed[64], k[32], pub[33], addr[20], sig[65], bad[65], other[20];
    bip39_seed(seed, WETEE_DEV_PHRASE);
    CHECK_OK(wetee_bip32_derive(k, seed, 64, str("m/44'/60'/0'/0/0"), 16));
    CHECK_OK(wetee_ecdsa_public_from_secret(pub, k));
    CHECK_OK(wetee_eth_address(addr, pub, 33));
    CHECK_OK(wetee_eth_sign(sig, k, MSG("hello frontier")));
    CHECK(sig[64] <= 1);
    CHECK_OK(wetee_eth_verify(sig, MSG("hello frontier"), addr));
    memcpy(bad, sig, 65);
    bad[64] = (uint8_t)(sig[64] + 27); /* legacy v */
    CHECK_OK(wetee_eth_verify(bad, MSG("hello frontier"), addr));
    CHECK_ERR(wetee_eth_verify(sig, MSG("hello frontiex"), addr), WETEE_ERR_VERIFY);
    memcpy(other, addr, 20);
    other[0] ^= 1;
    CHECK_ERR(wetee_eth_verify(sig, MSG("hello frontier"), other), WETEE_ERR_VERIFY);
    bad[64] = 31;
    CHECK_ERR(wetee_eth_verify(bad, MSG("hello frontier"), addr), WETEE_ERR_VERIFY);
    /* the Substrate ecdsa signature of the same message differs (blake2 vs keccak) */
    CHECK_OK(wetee_ecdsa_sign(bad, k, MSG("hello frontier")));
    CHECK(memcmp(bad, sig, 64) != 0);
    CHECK_ERR(wetee_eth_verify(bad, MSG("hello frontier"), addr), WETEE_ERR_VERIFY);
}

/* ------------------------------------------------------------------ */
/* Randomized round trips with tampering, all schemes                  */
/* ------------------------------------------------------------------ */

WT_TEST(test_random_round_trips)
{
    int i;
    for (i = 0; i < 100; i++) {
        uint8_t seed[32], msg[300], sk[64], pk[33], sig[65], addr[20];
        size_t len = (size_t)(wt_rand() % sizeof msg), at;
        rand_bytes(seed, 32);
        rand_bytes(msg, len);
        at = len ? (size_t)(wt_rand() % len) : 0;

        CHECK_OK(wetee_sr25519_keypair_from_seed(sk, pk, seed));
        CHECK_OK(wetee_sr25519_sign(sig, sk, pk, msg, len));
        CHECK_OK(wetee_sr25519_verify(sig, msg, len, pk));
        if (len) {
            msg[at] ^= 0x20;
            CHECK(wetee_sr25519_verify(sig, msg, len, pk) == WETEE_ERR_VERIFY);
            msg[at] ^= 0x20;
        }
        sig[wt_rand() % 64] ^= (uint8_t)(1u << (wt_rand() % 8));
        CHECK(wetee_sr25519_verify(sig, msg, len, pk) == WETEE_ERR_VERIFY);

        CHECK_OK(wetee_ed25519_keypair_from_seed(sk, pk, seed));
        CHECK_OK(wetee_ed25519_sign(sig, sk, msg, len));
        CHECK_OK(wetee_ed25519_verify(sig, msg, len, pk));
        sig[wt_rand() % 64] ^= (uint8_t)(1u << (wt_rand() % 8));
        CHECK(wetee_ed25519_verify(sig, msg, len, pk) == WETEE_ERR_VERIFY);

        if (wetee_ecdsa_public_from_secret(pk, seed) != WETEE_OK) continue; /* 2^-128 */
        CHECK_OK(wetee_ecdsa_sign(sig, seed, msg, len));
        CHECK_OK(wetee_ecdsa_verify(sig, msg, len, pk));
        sig[wt_rand() % 64] ^= (uint8_t)(1u << (wt_rand() % 8));
        CHECK(wetee_ecdsa_verify(sig, msg, len, pk) == WETEE_ERR_VERIFY);

        CHECK_OK(wetee_eth_address(addr, pk, 33));
        CHECK_OK(wetee_eth_sign(sig, seed, msg, len));
        CHECK_OK(wetee_eth_verify(sig, msg, len, addr));
        sig[wt_rand() % 64] ^= (uint8_t)(1u << (wt_rand() % 8));
        CHECK(wetee_eth_verify(sig, msg, len, addr) == WETEE_ERR_VERIFY);
    }
}

/* ------------------------------------------------------------------ */
/* Timings (informational; meaningful only in optimized builds)        */
/* ------------------------------------------------------------------ */

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

#define TIME_IT(label, n, stmt)                                                                    \
    do {                                                                                           \
        double t0_ = now_us();                                                                     \
        int k_;                                                                                    \
        for (k_ = 0; k_ < (n); k_++) { stmt; }                                                     \
        printf("  %-28s %8.2f us\n", label, (now_us() - t0_) / (n));                               \
    } while (0)

WT_TEST(test_timings)
{
    uint8_t seed[32] = { 7 }, sk[64], pk[33], sig[65], cc[32] = { 1 }, out[64], op[32], msg[32] = { 3 };
    const int n = 200;
    int bad = 0;
    CHECK_OK(wetee_sr25519_keypair_from_seed(sk, pk, seed));
    CHECK_OK(wetee_sr25519_sign(sig, sk, pk, msg, 32));
    TIME_IT("sr25519 keypair_from_seed", n, bad |= wetee_sr25519_keypair_from_seed(out, op, seed));
    TIME_IT("sr25519 sign", n, bad |= wetee_sr25519_sign(sig, sk, pk, msg, 32));
    TIME_IT("sr25519 verify", n, bad |= wetee_sr25519_verify(sig, msg, 32, pk));
    TIME_IT("sr25519 verify (libsodium)", n, bad |= wt_sr25519_verify_ref(sig, msg, 32, pk, 0));
    TIME_IT("sr25519 derive hard", n, bad |= wetee_sr25519_derive_hard(out, op, sk, cc));
    TIME_IT("sr25519 derive soft", n, bad |= wetee_sr25519_derive_soft(out, op, sk, pk, cc));
    TIME_IT("sr25519 derive public", n, bad |= wetee_sr25519_derive_public(op, pk, cc));
    CHECK_OK(wetee_ed25519_keypair_from_seed(sk, pk, seed));
    TIME_IT("ed25519 sign", n, bad |= wetee_ed25519_sign(sig, sk, msg, 32));
    TIME_IT("ed25519 verify", n, bad |= wetee_ed25519_verify(sig, msg, 32, pk));
    CHECK_OK(wetee_ecdsa_public_from_secret(pk, seed));
    TIME_IT("ecdsa sign", n, bad |= wetee_ecdsa_sign(sig, seed, msg, 32));
    TIME_IT("ecdsa verify", n, bad |= wetee_ecdsa_verify(sig, msg, 32, pk));
    CHECK(bad == 0);
}

WT_MAIN("keys", WT_CASE(test_strobe_conformance), WT_CASE(test_merlin_simple), WT_CASE(test_merlin_complex),
        WT_CASE(test_merlin_rng_clone), WT_CASE(test_sr25519_expansion), WT_CASE(test_sr25519_secret_forms_errors),
        WT_CASE(test_sr25519_hdkd), WT_CASE(test_sr25519_sign_kat), WT_CASE(test_sr25519_verify_vectors),
        WT_CASE(test_sr25519_verify_negative), WT_CASE(test_sr25519_identity_key), WT_CASE(test_ristretto_fast_path), WT_CASE(test_sr25519_differential),
        WT_CASE(test_ed25519), WT_CASE(test_ed25519_signer), WT_CASE(test_ecdsa), WT_CASE(test_ethereum_rows), WT_CASE(test_bip32_vector1),
        WT_CASE(test_bip32_bad_paths), WT_CASE(test_eip55), WT_CASE(test_eth_sign_verify),
        WT_CASE(test_random_round_trips), WT_CASE(test_timings))
