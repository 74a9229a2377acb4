/* Attested sealing tests (include/wetee/seal.h).
 *
 * - The shared samples: a secret seals to the key in REPORTDATA under a
 *   matching policy; a wrong measurement and a debug guest are refused with
 *   the failing check named.
 * - Quotes under a synthetic root (tests/attest/forge.c re-signs the TDX
 *   sample with a REPORTDATA of our choice), so that the pod's private key
 *   is ours: WeTEE's Ed25519 binding, hash-of-key bindings (Ed25519 and
 *   X25519) and a direct X25519 binding seal, and the pod's key opens; a
 *   mismatched binding is refused; the box does not open with another key.
 * - The sealed box is libsodium's: opened here with crypto_box_seal_open
 *   directly; Ed25519-to-X25519 conversion checked against libsodium's
 *   published test vector. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "forge.h"
#include "samples.h"
#include "wt_test.h"

#define T_SAMPLE 1751000000ull
#define TDX_MRTD "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7"
#define TD_REPORT_DATA (48 + 520) /* quote header + REPORTDATA offset in the TD body */

static const char secret_text[] = "DATABASE_URL=postgres://app:s3cr3t@db/app";

static void hex_of(char *out, const uint8_t *b, size_t n)
{
    static const char d[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = d[b[i] >> 4];
        out[2 * i + 1] = d[b[i] & 15];
    }
    out[2 * n] = 0;
}

/* ---- primitives ---- */

WT_TEST(sizes)
{
    CHECK(wetee_seal_key_bytes() == 32 && wetee_seal_key_bytes() == crypto_box_PUBLICKEYBYTES);
    CHECK(wetee_seal_overhead() == WETEE_SEAL_OVERHEAD && WETEE_SEAL_OVERHEAD == crypto_box_SEALBYTES);
    CHECK(wetee_seal_max_secret() == WETEE_SEAL_MAX_SECRET);
}

/* libsodium test/default/ed25519_convert.c: seed 421151a4... gives this
 * X25519 public key (and the box opens with the Ed25519 seed). */
WT_TEST(ed25519_conversion_vector)
{
    uint8_t seed[32], edpk[32], edsk[64], x[32];
    CHECK_OK(wetee_hex_decode_exact(seed, 32, "421151a459faeade3d247115f94aedae42318124095afabe4d1451a559faedee", 64));
    crypto_sign_seed_keypair(edpk, edsk, seed);
    CHECK_OK(wetee_seal_x25519_public(x, edpk, WETEE_SEAL_KEY_ED25519));
    CHECK_HEX(x, 32, "f1814f0e8ff1043d8a44d25babff3cedcae6c22c3edaa48f857ae70de2baae50");
    /* the X25519 scalar of that seed gives the same public key */
    {
        uint8_t xsk[32], xpk[32];
        CHECK(crypto_sign_ed25519_sk_to_curve25519(xsk, edsk) == 0);
        CHECK_HEX(xsk, 32, "8052030376d47112be7f73ed7a019293dd12ad910b654455798b4667d73de166");
        CHECK_OK(wetee_seal_x25519_public(xpk, xsk, WETEE_SEAL_KEY_X25519));
        CHECK(memcmp(xpk, x, 32) == 0);
    }
}

WT_TEST(seal_open_roundtrip)
{
    uint8_t seed[32], edpk[32], edsk[64], xsk[32], xpk[32], other[32];
    static const size_t sizes[] = {0, 1, 245, 246, 4096, 1u << 20};
    wetee_buf box = WETEE_BUF_INIT, plain = WETEE_BUF_INIT;
    uint8_t *msg = malloc(1u << 20);
    for (size_t i = 0; i < (1u << 20); i++) msg[i] = (uint8_t)(i * 131 + 7);
    memset(seed, 0x42, 32);
    crypto_sign_seed_keypair(edpk, edsk, seed);
    randombytes_buf(xsk, 32);
    crypto_scalarmult_base(xpk, xsk);
    memset(other, 0x43, 32);
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        /* Ed25519 recipient: opens with the seed and with the 64-byte key */
        CHECK_OK(wetee_seal_to_key(&box, edpk, WETEE_SEAL_KEY_ED25519, msg, n));
        CHECK(box.len == n + WETEE_SEAL_OVERHEAD);
        CHECK_OK(wetee_seal_open(&plain, box.data, box.len, seed, 32, WETEE_SEAL_KEY_ED25519));
        CHECK(plain.len == n && (n == 0 || memcmp(plain.data, msg, n) == 0));
        CHECK_OK(wetee_seal_open(&plain, box.data, box.len, edsk, 64, WETEE_SEAL_KEY_ED25519));
        CHECK(plain.len == n && (n == 0 || memcmp(plain.data, msg, n) == 0));
        /* libsodium opens it with the converted key */
        {
            uint8_t cpk[32], csk[32], *m = malloc(n + 1);
            CHECK(crypto_sign_ed25519_pk_to_curve25519(cpk, edpk) == 0);
            CHECK(crypto_sign_ed25519_sk_to_curve25519(csk, edsk) == 0);
            CHECK(crypto_box_seal_open(m, box.data, box.len, cpk, csk) == 0);
            CHECK(n == 0 || memcmp(m, msg, n) == 0);
            free(m);
        }
        /* another key does not open it */
        CHECK_ERR(wetee_seal_open(&plain, box.data, box.len, other, 32, WETEE_SEAL_KEY_ED25519), WETEE_ERR_VERIFY);
        CHECK_DETAIL("does not open with this key");
        /* X25519 recipient */
        CHECK_OK(wetee_seal_to_key(&box, xpk, WETEE_SEAL_KEY_X25519, msg, n));
        CHECK_OK(wetee_seal_open(&plain, box.data, box.len, xsk, 32, WETEE_SEAL_KEY_X25519));
        CHECK(plain.len == n && (n == 0 || memcmp(plain.data, msg, n) == 0));
        CHECK_ERR(wetee_seal_open(&plain, box.data, box.len, other, 32, WETEE_SEAL_KEY_X25519), WETEE_ERR_VERIFY);
    }
    /* every byte of a small box matters */
    CHECK_OK(wetee_seal_to_key(&box, xpk, WETEE_SEAL_KEY_X25519, msg, 40));
    for (size_t i = 0; i < box.len; i++) {
        box.data[i] ^= 0x01;
        CHECK_ERR(wetee_seal_open(&plain, box.data, box.len, xsk, 32, WETEE_SEAL_KEY_X25519), WETEE_ERR_VERIFY);
        box.data[i] ^= 0x01;
    }
    CHECK_ERR(wetee_seal_open(&plain, box.data, 47, xsk, 32, WETEE_SEAL_KEY_X25519), WETEE_ERR_TRUNCATED);
    CHECK_ERR(wetee_seal_open(&plain, box.data, box.len - 1, xsk, 32, WETEE_SEAL_KEY_X25519), WETEE_ERR_VERIFY);
    /* the output buffer is unchanged by a failed open */
    CHECK_OK(wetee_buf_append(&plain, (const uint8_t *)"keep", 4));
    {
        size_t before = plain.len;
        CHECK_ERR(wetee_seal_open(&plain, box.data, box.len, other, 32, WETEE_SEAL_KEY_X25519), WETEE_ERR_VERIFY);
        CHECK(plain.len == before);
    }
    /* limits and arguments */
    CHECK_ERR(wetee_seal_to_key(&box, xpk, WETEE_SEAL_KEY_X25519, msg, (size_t)WETEE_SEAL_MAX_SECRET + 1),
              WETEE_ERR_TOO_LONG);
    CHECK_ERR(wetee_seal_open(&plain, box.data, (size_t)WETEE_SEAL_MAX_SECRET + 49, xsk, 32, WETEE_SEAL_KEY_X25519),
              WETEE_ERR_TOO_LONG);
    CHECK_ERR(wetee_seal_open(&plain, box.data, box.len, xsk, 64, WETEE_SEAL_KEY_X25519), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_seal_open(&plain, box.data, box.len, xsk, 32, 7), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_seal_to_key(&box, xpk, 0, msg, 1), WETEE_ERR_INVALID_ARGUMENT);
    /* keys that cannot be sealed to: small order, invalid Ed25519 point */
    {
        uint8_t zero[32] = {0}, bad[32];
        memset(bad, 0xff, 32);
        bad[31] = 0x7f; /* y = 2^255 - 1 - ... not on the curve as an Ed25519 point */
        CHECK_ERR(wetee_seal_to_key(&box, zero, WETEE_SEAL_KEY_X25519, msg, 1), WETEE_ERR_CRYPTO);
        CHECK_DETAIL("small order");
        CHECK_ERR(wetee_seal_to_key(&box, zero, WETEE_SEAL_KEY_ED25519, msg, 1), WETEE_ERR_CRYPTO);
        (void)bad;
    }
    wetee_buf_free(&box);
    wetee_buf_free_secure(&plain);
    free(msg);
}

/* ---- the shared samples ---- */

/* The TDX sample: REPORTDATA's first 32 bytes as the X25519 key. */
WT_TEST(tdx_sample_report_data_key)
{
    sample s;
    wetee_attest_collateral *c = NULL;
    wetee_attest_policy *good, *wrong;
    wetee_seal_recipient *rec = NULL;
    wetee_buf box = WETEE_BUF_INIT;
    const uint8_t *k, *rd;
    size_t kl, rdl;
    int kind = 0;
    uint8_t x[32], zero[32] = {0};
    if (load_sample(&s, "tdx") != 0) WT_SKIP("attestation/tdx not found");
    CHECK_OK(wetee_attest_collateral_from_json(&c, s.coll, s.coll_len));
    good = policy_json("{\"mrtd\": \"" TDX_MRTD "\"}");
    wrong = policy_json("{\"mrtd\": \"" TDX_MRTD "\", \"rtmr0\": \"" TDX_MRTD "\"}");
    CHECK_OK(wetee_seal_verify(&rec, s.quote, s.quote_len, c, NULL, good, WETEE_SEAL_SOURCE_REPORT_DATA_X25519, T_SAMPLE));
    CHECK(wetee_seal_recipient_accepted(rec) == 1);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_NONE);
    CHECK_STR(wetee_seal_recipient_reason(rec), "");
    CHECK(wetee_attest_result_verdict(wetee_seal_recipient_result(rec)) == WETEE_ATTEST_ACCEPT);
    CHECK_OK(wetee_seal_recipient_bound_key(rec, &k, &kl, &kind));
    CHECK_OK(wetee_attest_result_field(wetee_seal_recipient_result(rec), WETEE_ATTEST_FIELD_REPORT_DATA, &rd, &rdl));
    CHECK(kl == 32 && kind == WETEE_SEAL_KEY_X25519 && memcmp(k, rd, 32) == 0);
    CHECK_OK(wetee_seal_recipient_public_key(x, rec));
    CHECK(memcmp(x, rd, 32) == 0);
    CHECK_OK(wetee_seal_to(&box, rec, (const uint8_t *)secret_text, sizeof secret_text - 1));
    CHECK(box.len == sizeof secret_text - 1 + 48);
    /* nobody holds this key here: another key does not open it */
    memset(zero, 0x11, 32);
    CHECK_ERR(wetee_seal_open(&box, box.data, box.len, zero, 32, WETEE_SEAL_KEY_X25519), WETEE_ERR_VERIFY);
    wetee_seal_recipient_free(rec);
    /* the policy binds no key: a bound-key source is refused */
    CHECK_ERR(wetee_seal_verify(&rec, s.quote, s.quote_len, c, NULL, good, WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE),
              WETEE_ERR_VERIFY);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_REPORT_DATA);
    CHECK(strstr(wetee_seal_recipient_reason(rec), "binds no key") != NULL);
    CHECK_ERR(wetee_seal_recipient_bound_key(rec, &k, &kl, NULL), WETEE_ERR_NOT_FOUND);
    wetee_seal_recipient_free(rec);
    /* wrong measurement: refused, and sealing says why */
    CHECK_ERR(wetee_seal_verify(&rec, s.quote, s.quote_len, c, NULL, wrong, WETEE_SEAL_SOURCE_REPORT_DATA_X25519,
                                T_SAMPLE),
              WETEE_ERR_VERIFY);
    CHECK(rec != NULL && wetee_seal_recipient_accepted(rec) == 0);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_MEASUREMENT);
    CHECK(strncmp(wetee_seal_recipient_reason(rec), "measurement: ", 13) == 0);
    box.len = 0;
    CHECK_ERR(wetee_seal_to(&box, rec, (const uint8_t *)secret_text, sizeof secret_text - 1), WETEE_ERR_VERIFY);
    CHECK_DETAIL("seal: refused: measurement: ");
    CHECK(box.len == 0);
    CHECK_ERR(wetee_seal_recipient_public_key(x, rec), WETEE_ERR_VERIFY);
    wetee_seal_recipient_free(rec);
    /* expired collateral (strict default): refused */
    CHECK_ERR(wetee_seal_verify(&rec, s.quote, s.quote_len, c, NULL, good, WETEE_SEAL_SOURCE_REPORT_DATA_X25519,
                                1900000000),
              WETEE_ERR_VERIFY);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED);
    wetee_seal_recipient_free(rec);
    /* malformed evidence: a recipient that says so */
    CHECK(wetee_seal_verify(&rec, s.quote, 100, c, NULL, good, WETEE_SEAL_SOURCE_REPORT_DATA_X25519, T_SAMPLE) != WETEE_OK);
    CHECK(rec != NULL && wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_PARSE);
    wetee_seal_recipient_free(rec);
    CHECK_ERR(wetee_seal_verify(&rec, s.quote, s.quote_len, c, NULL, good, 9, T_SAMPLE), WETEE_ERR_INVALID_ARGUMENT);
    CHECK(rec == NULL);
    wetee_buf_free(&box);
    wetee_attest_policy_free(good);
    wetee_attest_policy_free(wrong);
    wetee_attest_collateral_free(c);
    free_sample(&s);
}

WT_TEST(sgx_sample_seals)
{
    sample s;
    wetee_attest_collateral *c = NULL;
    wetee_attest_policy *p, *wrong;
    wetee_seal_recipient *rec = NULL;
    wetee_buf box = WETEE_BUF_INIT;
    if (load_sample(&s, "sgx") != 0) WT_SKIP("attestation/sgx not found");
    CHECK_OK(wetee_attest_collateral_from_json(&c, s.coll, s.coll_len));
    p = policy_json("{\"accept_status\": [\"ConfigurationAndSWHardeningNeeded\"], \"accept_advisories\": \"*\","
                    " \"mrenclave\": \"33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb\"}");
    wrong = policy_json("{\"accept_status\": [\"ConfigurationAndSWHardeningNeeded\"], \"accept_advisories\": \"*\","
                        " \"mrenclave\": \"33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbc\"}");
    CHECK_OK(wetee_seal_verify(&rec, s.quote, s.quote_len, c, NULL, p, WETEE_SEAL_SOURCE_REPORT_DATA_X25519, T_SAMPLE));
    CHECK_OK(wetee_seal_to(&box, rec, (const uint8_t *)secret_text, sizeof secret_text - 1));
    wetee_seal_recipient_free(rec);
    CHECK_ERR(wetee_seal_verify(&rec, s.quote, s.quote_len, c, NULL, wrong, WETEE_SEAL_SOURCE_REPORT_DATA_X25519,
                                T_SAMPLE),
              WETEE_ERR_VERIFY);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_MEASUREMENT);
    wetee_seal_recipient_free(rec);
    /* the strict default status policy refuses the sample's status */
    CHECK_ERR(wetee_seal_verify(&rec, s.quote, s.quote_len, c, NULL, NULL, WETEE_SEAL_SOURCE_REPORT_DATA_X25519,
                                T_SAMPLE),
              WETEE_ERR_VERIFY);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_STATUS_POLICY);
    wetee_seal_recipient_free(rec);
    wetee_buf_free(&box);
    wetee_attest_policy_free(p);
    wetee_attest_policy_free(wrong);
    wetee_attest_collateral_free(c);
    free_sample(&s);
}

/* The SEV-SNP sample has DEBUG set in its policy: refused unless allowed. */
WT_TEST(snp_sample_debug)
{
    uint8_t *rep, *vcek, *chain;
    size_t rl, vl, cl;
    wetee_attest_collateral *c = NULL;
    wetee_attest_policy *nodebug, *dbg;
    wetee_seal_recipient *rec = NULL;
    wetee_buf box = WETEE_BUF_INIT;
    rep = wt_read_vector("attestation/snp/report.bin", &rl);
    vcek = wt_read_vector("attestation/snp/vcek.der", &vl);
    chain = wt_read_vector("attestation/snp/ask_ark_milan.pem", &cl);
    if (rep == NULL || vcek == NULL || chain == NULL) {
        free(rep); free(vcek); free(chain);
        WT_SKIP("attestation/snp not found");
    }
    CHECK_OK(wetee_attest_collateral_new(&c));
    CHECK_OK(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_SNP_VCEK, vcek, vl));
    CHECK_OK(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_SNP_CERT_CHAIN, chain, cl));
    nodebug = policy_json("{\"accept_status\": [\"OutOfDate\"], \"measurement\": "
                          "\"b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01\"}");
    dbg = policy_json("{\"accept_status\": [\"OutOfDate\"], \"allow_debug\": true, \"measurement\": "
                      "\"b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01\"}");
    CHECK_ERR(wetee_seal_verify(&rec, rep, rl, c, NULL, nodebug, WETEE_SEAL_SOURCE_REPORT_DATA_X25519, 1700000000),
              WETEE_ERR_VERIFY);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_DEBUG);
    CHECK_ERR(wetee_seal_to(&box, rec, (const uint8_t *)"x", 1), WETEE_ERR_VERIFY);
    CHECK_DETAIL("seal: refused: debug: ");
    wetee_seal_recipient_free(rec);
    /* with debug allowed the sample's REPORTDATA (01 02 03 04 05 0...) is a
     * usable X25519 key and sealing works */
    CHECK_OK(wetee_seal_verify(&rec, rep, rl, c, NULL, dbg, WETEE_SEAL_SOURCE_REPORT_DATA_X25519, 1700000000));
    CHECK_OK(wetee_seal_to(&box, rec, (const uint8_t *)"x", 1));
    wetee_seal_recipient_free(rec);
    wetee_buf_free(&box);
    wetee_attest_policy_free(nodebug);
    wetee_attest_policy_free(dbg);
    wetee_attest_collateral_free(c);
    free(rep); free(vcek); free(chain);
}

/* ---- synthetic root: keys we hold ---- */

typedef struct synth {
    sample s;
    forge f;
    wetee_attest_anchors *anchors;
    wetee_attest_collateral *coll;
} synth;

static int synth_init(synth *y)
{
    uint8_t pub[65];
    char *coll;
    if (load_sample(&y->s, "tdx") != 0) return -1;
    if (forge_init(&y->f, y->s.quote, y->s.quote_len, y->s.coll, y->s.coll_len) != 0) return -1;
    forge_root_pub(&y->f, pub);
    y->anchors = NULL;
    y->coll = NULL;
    CHECK_OK(wetee_attest_anchors_new(&y->anchors));
    CHECK_OK(wetee_attest_anchors_set_intel_root(y->anchors, pub, 65));
    coll = forge_collateral(&y->f, NULL, NULL, 0);
    CHECK_OK(wetee_attest_collateral_from_json(&y->coll, coll, strlen(coll)));
    free(coll);
    return 0;
}

static void synth_free(synth *y)
{
    wetee_attest_collateral_free(y->coll);
    wetee_attest_anchors_free(y->anchors);
    forge_free(&y->f);
    free_sample(&y->s);
}

/* A TDX quote re-signed under the synthetic root with this REPORTDATA. */
static uint8_t *synth_quote(synth *y, const uint8_t rd[64], size_t *len)
{
    uint8_t head[54 + 648];
    memcpy(head, y->f.head, y->f.body_end);
    memcpy(head + TD_REPORT_DATA, rd, 64);
    return forge_quote(&y->f, head, len);
}

/* WeTEE's JSON envelope around a quote. */
static char *envelope(const uint8_t *q, size_t qlen, uint64_t ts, const uint8_t pk[32], const uint8_t *msg, size_t mlen)
{
    char *out, *qh = malloc(2 * qlen + 1), pkh[65], *mh = malloc(2 * mlen + 1);
    size_t n = 2 * qlen + 2 * mlen + 256;
    hex_of(qh, q, qlen);
    hex_of(pkh, pk, 32);
    hex_of(mh, msg, mlen);
    out = malloc(n);
    snprintf(out, n, "{\"evidence\": \"%s\", \"timestamp\": %llu, \"public_key\": \"%s\", \"message\": \"%s\"}", qh,
             (unsigned long long)ts, pkh, mh);
    free(qh);
    free(mh);
    return out;
}

WT_TEST(wetee_ed25519_binding)
{
    synth y;
    uint8_t seed[32], pk[32], sk[64], other_seed[32], other_pk[32], other_sk[64], rd[64];
    /* PodStart{id: 7, pub_key: pk} as the oneof field 5 of TeeCall */
    uint8_t tx[2 + 2 + 2 + 32], big[600];
    uint8_t *q;
    size_t qlen;
    char *env, pkh[65], pj[512];
    wetee_attest_policy *any, *pinned, *wrong_key, *wrong_mrtd;
    wetee_seal_recipient *rec = NULL;
    wetee_buf box = WETEE_BUF_INIT, plain = WETEE_BUF_INIT;
    const uint8_t *k;
    size_t kl;
    int kind;
    if (synth_init(&y) != 0) WT_SKIP("attestation/tdx not found");
    memset(seed, 0x5a, 32);
    memset(other_seed, 0xa5, 32);
    crypto_sign_seed_keypair(pk, sk, seed);
    crypto_sign_seed_keypair(other_pk, other_sk, other_seed);
    tx[0] = 0x2a; tx[1] = 2 + 2 + 32; tx[2] = 0x08; tx[3] = 7; tx[4] = 0x22; tx[5] = 32;
    memcpy(tx + 6, pk, 32);
    wetee_report_data(rd, sk, pk, T_SAMPLE - 30, tx, sizeof tx);
    q = synth_quote(&y, rd, &qlen);
    env = envelope(q, qlen, T_SAMPLE - 30, pk, tx, sizeof tx);
    hex_of(pkh, pk, 32);
    any = policy_json("{\"wetee_ed25519\": {\"max_age\": 300}, \"mrtd\": \"" TDX_MRTD "\"}");
    snprintf(pj, sizeof pj, "{\"wetee_ed25519\": {\"public_key\": \"%s\"}, \"mrtd\": \"" TDX_MRTD "\"}", pkh);
    pinned = policy_json(pj);
    hex_of(pkh, other_pk, 32);
    snprintf(pj, sizeof pj, "{\"wetee_ed25519\": {\"public_key\": \"%s\"}, \"mrtd\": \"" TDX_MRTD "\"}", pkh);
    wrong_key = policy_json(pj);
    wrong_mrtd = policy_json("{\"wetee_ed25519\": {}, \"mrtd\": \"" TDX_MRTD "\", \"rtmr1\": \"" TDX_MRTD "\"}");

    /* matching binding: seals, the pod's key opens, another key does not */
    CHECK_OK(wetee_seal_verify(&rec, (const uint8_t *)env, strlen(env), y.coll, y.anchors, any,
                               WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE));
    if (!wetee_seal_recipient_accepted(rec)) fprintf(stderr, "wetee binding: %s\n", wetee_seal_recipient_reason(rec));
    CHECK_OK(wetee_seal_recipient_bound_key(rec, &k, &kl, &kind));
    CHECK(kl == 32 && memcmp(k, pk, 32) == 0 && kind == WETEE_SEAL_KEY_ED25519);
    CHECK_OK(wetee_seal_to(&box, rec, (const uint8_t *)secret_text, sizeof secret_text - 1));
    CHECK_OK(wetee_seal_open(&plain, box.data, box.len, seed, 32, WETEE_SEAL_KEY_ED25519));
    CHECK(plain.len == sizeof secret_text - 1 && memcmp(plain.data, secret_text, plain.len) == 0);
    CHECK_ERR(wetee_seal_open(&plain, box.data, box.len, other_seed, 32, WETEE_SEAL_KEY_ED25519), WETEE_ERR_VERIFY);
    wetee_seal_recipient_free(rec);
    /* X25519 is not what this binding binds */
    CHECK_ERR(wetee_seal_verify(&rec, (const uint8_t *)env, strlen(env), y.coll, y.anchors, any,
                                WETEE_SEAL_SOURCE_BOUND_X25519, T_SAMPLE),
              WETEE_ERR_VERIFY);
    wetee_seal_recipient_free(rec);
    /* the expected key pinned in the policy */
    CHECK_OK(wetee_seal_verify(&rec, (const uint8_t *)env, strlen(env), y.coll, y.anchors, pinned,
                               WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE));
    wetee_seal_recipient_free(rec);
    /* mismatched key binding: another expected key */
    CHECK_ERR(wetee_seal_verify(&rec, (const uint8_t *)env, strlen(env), y.coll, y.anchors, wrong_key,
                                WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE),
              WETEE_ERR_VERIFY);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_REPORT_DATA);
    CHECK_ERR(wetee_seal_to(&box, rec, (const uint8_t *)secret_text, 3), WETEE_ERR_VERIFY);
    CHECK_DETAIL("report_data");
    wetee_seal_recipient_free(rec);
    /* wrong measurement with a good binding */
    CHECK_ERR(wetee_seal_verify(&rec, (const uint8_t *)env, strlen(env), y.coll, y.anchors, wrong_mrtd,
                                WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE),
              WETEE_ERR_VERIFY);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_MEASUREMENT);
    wetee_seal_recipient_free(rec);
    /* an envelope claiming another key (the signature is the pod's) */
    free(env);
    env = envelope(q, qlen, T_SAMPLE - 30, other_pk, tx, sizeof tx);
    CHECK_ERR(wetee_seal_verify(&rec, (const uint8_t *)env, strlen(env), y.coll, y.anchors, any,
                                WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE),
              WETEE_ERR_VERIFY);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_REPORT_DATA);
    wetee_seal_recipient_free(rec);
    /* another timestamp or tx than signed */
    free(env);
    env = envelope(q, qlen, T_SAMPLE - 31, pk, tx, sizeof tx);
    CHECK_ERR(wetee_seal_verify(&rec, (const uint8_t *)env, strlen(env), y.coll, y.anchors, any,
                                WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE),
              WETEE_ERR_VERIFY);
    wetee_seal_recipient_free(rec);
    free(env);
    env = envelope(q, qlen, T_SAMPLE - 30, pk, tx, sizeof tx - 1);
    CHECK_ERR(wetee_seal_verify(&rec, (const uint8_t *)env, strlen(env), y.coll, y.anchors, any,
                                WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE),
              WETEE_ERR_VERIFY);
    wetee_seal_recipient_free(rec);
    /* too old for the policy's max_age */
    free(env);
    env = envelope(q, qlen, T_SAMPLE - 30, pk, tx, sizeof tx);
    CHECK_ERR(wetee_seal_verify(&rec, (const uint8_t *)env, strlen(env), y.coll, y.anchors, any,
                                WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE + 400),
              WETEE_ERR_VERIFY);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_REPORT_DATA);
    wetee_seal_recipient_free(rec);
    free(env);
    free(q);
    /* a tx above 216 bytes: the signature is over BLAKE2b-256 of the message */
    for (size_t i = 0; i < sizeof big; i++) big[i] = (uint8_t)i;
    big[0] = 0x42; big[1] = 0xd5; big[2] = 0x04; /* text = field 8, 597 bytes */
    wetee_report_data(rd, sk, pk, T_SAMPLE, big, sizeof big);
    q = synth_quote(&y, rd, &qlen);
    env = envelope(q, qlen, T_SAMPLE, pk, big, sizeof big);
    CHECK_OK(wetee_seal_verify(&rec, (const uint8_t *)env, strlen(env), y.coll, y.anchors, any,
                               WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE));
    wetee_seal_recipient_free(rec);
    free(env);
    free(q);

    wetee_attest_policy_free(any);
    wetee_attest_policy_free(pinned);
    wetee_attest_policy_free(wrong_key);
    wetee_attest_policy_free(wrong_mrtd);
    wetee_buf_free(&box);
    wetee_buf_free_secure(&plain);
    synth_free(&y);
}

/* WeTEE's own envelope: a protobuf TeeCall {caller, time, tee_type 2,
 * report, pod_start} as a pod sends it to /launch; the client seals to the
 * pod's key and only the pod opens. */
static size_t put_len(uint8_t *o, unsigned field, const uint8_t *p, size_t n)
{
    size_t k = 0;
    o[k++] = (uint8_t)(field << 3 | 2);
    for (size_t v = n; ; v >>= 7) {
        o[k++] = (uint8_t)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        if (v <= 0x7f) break;
    }
    memcpy(o + k, p, n);
    return k + n;
}

WT_TEST(wetee_teecall)
{
    synth y;
    uint8_t seed[32], pk[32], sk[64], rd[64], podstart[2 + 2 + 34], tx[64], *q, *call;
    size_t qlen, txlen, n = 0, i;
    wetee_attest_policy *p;
    wetee_seal_recipient *rec = NULL;
    wetee_buf box = WETEE_BUF_INIT, plain = WETEE_BUF_INIT;
    uint64_t ts = T_SAMPLE - 10;
    if (synth_init(&y) != 0) WT_SKIP("attestation/tdx not found");
    memset(seed, 0x77, 32);
    crypto_sign_seed_keypair(pk, sk, seed);
    podstart[0] = 0x08; podstart[1] = 9; /* id 9 */
    podstart[2] = 0x22; podstart[3] = 32;  /* pub_key */
    memcpy(podstart + 4, pk, 32);
    txlen = put_len(tx, 5, podstart, 36);
    wetee_report_data(rd, sk, pk, ts, tx, txlen);
    q = synth_quote(&y, rd, &qlen);
    call = malloc(qlen + 200);
    n += put_len(call + n, 1, pk, 32);
    call[n++] = 0x10; /* time */
    for (uint64_t v = ts; ; v >>= 7) {
        call[n++] = (uint8_t)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        if (v <= 0x7f) break;
    }
    call[n++] = 0x18; call[n++] = 2; /* tee_type TDX */
    n += put_len(call + n, 4, q, qlen);
    memcpy(call + n, tx, txlen);
    n += txlen;
    p = policy_json("{\"wetee_ed25519\": {\"max_age\": 60}, \"mrtd\": \"" TDX_MRTD "\"}");
    CHECK_OK(wetee_seal_verify(&rec, call, n, y.coll, y.anchors, p, WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE));
    if (!wetee_seal_recipient_accepted(rec)) fprintf(stderr, "teecall: %s\n", wetee_seal_recipient_reason(rec));
    CHECK_OK(wetee_seal_to(&box, rec, (const uint8_t *)secret_text, sizeof secret_text - 1));
    CHECK_OK(wetee_seal_open(&plain, box.data, box.len, sk, 64, WETEE_SEAL_KEY_ED25519));
    CHECK(plain.len == sizeof secret_text - 1 && memcmp(plain.data, secret_text, plain.len) == 0);
    wetee_seal_recipient_free(rec);
    /* the pod's id changed after signing: refused */
    i = n - txlen + 2; /* tx = 2a 24 | 08 09 ... */
    CHECK(call[i] == 0x08 && call[i + 1] == 9);
    call[i + 1] = 10;
    CHECK_ERR(wetee_seal_verify(&rec, call, n, y.coll, y.anchors, p, WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE),
              WETEE_ERR_VERIFY);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_REPORT_DATA);
    wetee_seal_recipient_free(rec);
    wetee_attest_policy_free(p);
    wetee_buf_free(&box);
    wetee_buf_free_secure(&plain);
    free(call);
    free(q);
    synth_free(&y);
}

WT_TEST(hash_and_direct_bindings)
{
    synth y;
    uint8_t xsk[32], xpk[32], other_xsk[32], other_xpk[32], seed[32], edpk[32], edsk[64], rd[64];
    uint8_t *q;
    size_t qlen;
    char pj[512], kh[65];
    wetee_attest_policy *p;
    wetee_seal_recipient *rec = NULL;
    wetee_buf box = WETEE_BUF_INIT, plain = WETEE_BUF_INIT;
    if (synth_init(&y) != 0) WT_SKIP("attestation/tdx not found");
    memset(xsk, 0x31, 32);
    memset(other_xsk, 0x32, 32);
    memset(seed, 0x33, 32);
    CHECK_OK(wetee_seal_x25519_public(xpk, xsk, WETEE_SEAL_KEY_X25519));
    CHECK_OK(wetee_seal_x25519_public(other_xpk, other_xsk, WETEE_SEAL_KEY_X25519));
    crypto_sign_seed_keypair(edpk, edsk, seed);

    /* REPORTDATA = SHA-256(X25519 key) || 0^32 */
    memset(rd, 0, 64);
    crypto_hash_sha256(rd, xpk, 32);
    q = synth_quote(&y, rd, &qlen);
    hex_of(kh, xpk, 32);
    snprintf(pj, sizeof pj, "{\"report_data_key\": {\"hash\": \"sha256\", \"key\": \"%s\"}, \"mrtd\": \"" TDX_MRTD "\"}", kh);
    p = policy_json(pj);
    CHECK_OK(wetee_seal_verify(&rec, q, qlen, y.coll, y.anchors, p, WETEE_SEAL_SOURCE_BOUND_X25519, T_SAMPLE));
    CHECK_OK(wetee_seal_to(&box, rec, (const uint8_t *)secret_text, sizeof secret_text - 1));
    CHECK_OK(wetee_seal_open(&plain, box.data, box.len, xsk, 32, WETEE_SEAL_KEY_X25519));
    CHECK(plain.len == sizeof secret_text - 1 && memcmp(plain.data, secret_text, plain.len) == 0);
    CHECK_ERR(wetee_seal_open(&plain, box.data, box.len, other_xsk, 32, WETEE_SEAL_KEY_X25519), WETEE_ERR_VERIFY);
    wetee_seal_recipient_free(rec);
    wetee_attest_policy_free(p);
    /* mismatched key binding: the policy names another key */
    hex_of(kh, other_xpk, 32);
    snprintf(pj, sizeof pj, "{\"report_data_key\": {\"hash\": \"sha256\", \"key\": \"%s\"}}", kh);
    p = policy_json(pj);
    CHECK_ERR(wetee_seal_verify(&rec, q, qlen, y.coll, y.anchors, p, WETEE_SEAL_SOURCE_BOUND_X25519, T_SAMPLE),
              WETEE_ERR_VERIFY);
    CHECK(wetee_seal_recipient_failed_check(rec) == WETEE_ATTEST_CHECK_REPORT_DATA);
    CHECK_ERR(wetee_seal_to(&box, rec, (const uint8_t *)"x", 1), WETEE_ERR_VERIFY);
    wetee_seal_recipient_free(rec);
    wetee_attest_policy_free(p);
    free(q);

    /* REPORTDATA = BLAKE2b-256(Ed25519 key): opens with the Ed25519 seed */
    memset(rd, 0, 64);
    crypto_generichash(rd, 32, edpk, 32, NULL, 0);
    q = synth_quote(&y, rd, &qlen);
    hex_of(kh, edpk, 32);
    snprintf(pj, sizeof pj, "{\"report_data_key\": {\"hash\": \"blake2b-256\", \"key\": \"%s\"}}", kh);
    p = policy_json(pj);
    CHECK_OK(wetee_seal_verify(&rec, q, qlen, y.coll, y.anchors, p, WETEE_SEAL_SOURCE_BOUND_ED25519, T_SAMPLE));
    CHECK_OK(wetee_seal_to(&box, rec, (const uint8_t *)secret_text, sizeof secret_text - 1));
    CHECK_OK(wetee_seal_open(&plain, box.data, box.len, edsk, 64, WETEE_SEAL_KEY_ED25519));
    CHECK(plain.len == sizeof secret_text - 1 && memcmp(plain.data, secret_text, plain.len) == 0);
    wetee_seal_recipient_free(rec);
    wetee_attest_policy_free(p);
    free(q);

    /* REPORTDATA = X25519 key || nonce: direct binding */
    memcpy(rd, xpk, 32);
    memset(rd + 32, 0x77, 32);
    q = synth_quote(&y, rd, &qlen);
    CHECK_OK(wetee_seal_verify(&rec, q, qlen, y.coll, y.anchors, NULL, WETEE_SEAL_SOURCE_REPORT_DATA_X25519, T_SAMPLE));
    CHECK_OK(wetee_seal_to(&box, rec, (const uint8_t *)secret_text, sizeof secret_text - 1));
    CHECK_OK(wetee_seal_open(&plain, box.data, box.len, xsk, 32, WETEE_SEAL_KEY_X25519));
    CHECK_ERR(wetee_seal_open(&plain, box.data, box.len, other_xsk, 32, WETEE_SEAL_KEY_X25519), WETEE_ERR_VERIFY);
    wetee_seal_recipient_free(rec);
    free(q);
    /* a zero REPORTDATA is no key */
    memset(rd, 0, 64);
    q = synth_quote(&y, rd, &qlen);
    CHECK_ERR(wetee_seal_verify(&rec, q, qlen, y.coll, y.anchors, NULL, WETEE_SEAL_SOURCE_REPORT_DATA_X25519, T_SAMPLE),
              WETEE_ERR_VERIFY);
    CHECK(strstr(wetee_seal_recipient_reason(rec), "small order") != NULL);
    wetee_seal_recipient_free(rec);
    free(q);

    wetee_buf_free(&box);
    wetee_buf_free_secure(&plain);
    synth_free(&y);
}

WT_MAIN("seal", WT_CASE(sizes), WT_CASE(ed25519_conversion_vector), WT_CASE(seal_open_roundtrip),
        WT_CASE(tdx_sample_report_data_key), WT_CASE(sgx_sample_seals), WT_CASE(snp_sample_debug),
        WT_CASE(wetee_ed25519_binding), WT_CASE(wetee_teecall), WT_CASE(hash_and_direct_bindings))
