/* ed25519 verification rules: ZIP 215 (wetee_ed25519_verify, the chain's
 * rules through ed25519-zebra) and libsodium's strict rules
 * (wetee_ed25519_verify_strict).
 *
 * - the 196 published ZIP-215 cases (tests/ed25519/zip215.json): all valid,
 *   all rejected by the strict rules (every key has small order);
 * - the 12 ed25519-speccheck cases (tests/ed25519/speccheck.json) against
 *   the published Zebra and LibSodium results;
 * - constructed signatures the chain accepts and libsodium rejects: a
 *   small-order key, a mixed-order key A + T8 and a mixed-order R with
 *   otherwise honest signatures;
 * - random signatures and tampering, both rule sets;
 * - the Edwards point decoding against libsodium; the portable (no 128-bit
 *   integer) build of the curve code against the native one;
 * - signing into a buffer that overlaps the message or the secret.
 *
 * Links the static library (LINK_STATIC) for the internal curve code. */
#include <jansson.h>
#include <sodium.h>

#include "wt_test.h"

/* The curve code once more, built with the portable two-word products
 * under other names, to compare with the library's (native) build. */
#define WT_CURVE_PORTABLE 1
#define wt_ge wt_port_ge
#define wt_ge_from_ristretto wt_port_ge_from_ristretto
#define wt_ge_to_ristretto wt_port_ge_to_ristretto
#define wt_ge_from_edwards_zip215 wt_port_ge_from_edwards_zip215
#define wt_ge_to_edwards wt_port_ge_to_edwards
#define wt_ge_neg wt_port_ge_neg
#define wt_ge_double_scalarmult_base wt_port_ge_double_scalarmult_base
#define wt_ge_cofactor_equal wt_port_ge_cofactor_equal
#define wt_sc_is_canonical wt_port_sc_is_canonical
#define wt_ristretto_fast_roundtrip wt_port_ristretto_fast_roundtrip
#define wt_ristretto_fast_base wt_port_ristretto_fast_base
#include "keys/ed25519_curve.c"
#undef wt_ge
#undef wt_ge_from_ristretto
#undef wt_ge_to_ristretto
#undef wt_ge_from_edwards_zip215
#undef wt_ge_to_edwards
#undef wt_ge_neg
#undef wt_ge_double_scalarmult_base
#undef wt_ge_cofactor_equal
#undef wt_sc_is_canonical
#undef wt_ristretto_fast_roundtrip
#undef wt_ristretto_fast_base
#undef WETEE_INTERNAL_ED25519_CURVE_H
#include "internal/ed25519_curve.h"

/* A point of order 8 (canonical encoding). */
#define T8_HEX "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"

static void rand_bytes(uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) p[i] = (uint8_t)wt_rand();
}

static void rand_scalar(uint8_t s[32])
{
    uint8_t wide[64];
    rand_bytes(wide, 64);
    crypto_core_ed25519_scalar_reduce(s, wide);
}

/* k = SHA-512(R ‖ A ‖ M) mod ℓ over the bytes as given. */
static void challenge(uint8_t k[32], const uint8_t R[32], const uint8_t A[32], const uint8_t *m, size_t n)
{
    crypto_hash_sha512_state st;
    uint8_t h[64];
    crypto_hash_sha512_init(&st);
    crypto_hash_sha512_update(&st, R, 32);
    crypto_hash_sha512_update(&st, A, 32);
    crypto_hash_sha512_update(&st, m, n);
    crypto_hash_sha512_final(&st, h);
    crypto_core_ed25519_scalar_reduce(k, h);
}

static json_t *load_cases(const char *relpath)
{
    size_t len = 0;
    uint8_t *text = wt_read_source_file(relpath, &len);
    json_error_t jerr;
    json_t *root;
    if (!text) {
        fprintf(stderr, "cannot read %s\n", relpath);
        CHECK(text != NULL);
        return NULL;
    }
    root = json_loadb((const char *)text, len, 0, &jerr);
    free(text);
    CHECK(root != NULL && json_is_array(json_object_get(root, "cases")));
    return root;
}

static const char *jstr(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

WT_TEST(test_zip215_vectors)
{
    json_t *root = load_cases("tests/ed25519/zip215.json"), *cases, *c;
    const uint8_t *msg = (const uint8_t *)"Zcash";
    size_t i, accepted = 0, strict_rejected = 0;
    if (!root) return;
    cases = json_object_get(root, "cases");
    CHECK(json_array_size(cases) == 196);
    json_array_foreach(cases, i, c) {
        uint8_t pub[32], sig[64];
        CHECK(wt_unhex(pub, 32, jstr(c, "pub")) == 32);
        CHECK(wt_unhex(sig, 64, jstr(c, "sig")) == 64);
        if (wetee_ed25519_verify(sig, msg, 5, pub) == WETEE_OK &&
            wetee_verify(WETEE_SCHEME_ED25519, sig, 64, msg, 5, pub, 32) == WETEE_OK)
            accepted++;
        else
            fprintf(stderr, "zip215 case %zu rejected: %s\n", i, wetee_last_error());
        if (wetee_ed25519_verify_strict(sig, msg, 5, pub) == WETEE_ERR_VERIFY &&
            wetee_verify_strict(WETEE_SCHEME_ED25519, sig, 64, msg, 5, pub, 32) == WETEE_ERR_VERIFY)
            strict_rejected++;
    }
    CHECK(accepted == 196);
    CHECK(strict_rejected == 196);
    json_decref(root);
}

WT_TEST(test_speccheck)
{
    json_t *root = load_cases("tests/ed25519/speccheck.json"), *cases, *c;
    size_t i;
    if (!root) return;
    cases = json_object_get(root, "cases");
    CHECK(json_array_size(cases) == 12);
    json_array_foreach(cases, i, c) {
        uint8_t pub[32], sig[64], msg[64];
        size_t n = wt_unhex(msg, sizeof msg, jstr(c, "message"));
        int zebra = json_is_true(json_object_get(c, "zebra"));
        int sodium = json_is_true(json_object_get(c, "libsodium"));
        int ours, strict;
        CHECK(wt_unhex(pub, 32, jstr(c, "pub")) == 32);
        CHECK(wt_unhex(sig, 64, jstr(c, "sig")) == 64);
        ours = wetee_ed25519_verify(sig, msg, n, pub) == WETEE_OK;
        strict = wetee_ed25519_verify_strict(sig, msg, n, pub) == WETEE_OK;
        if (ours != zebra || strict != sodium)
            fprintf(stderr, "speccheck case %zu: verify %d (zebra %d), strict %d (libsodium %d)\n", i, ours, zebra,
                    strict, sodium);
        CHECK(ours == zebra);
        CHECK(strict == sodium);
    }
    json_decref(root);
}

/* Signatures the chain accepts and libsodium does not. */
WT_TEST(test_chain_accepts)
{
    uint8_t a[32], r[32], k[32], A[32], A8[32], R[32], R8[32], T8[32], sig[64], t[32];
    const uint8_t *m = (const uint8_t *)"transfer 10 WTE";
    const size_t n = 15;
    int i, strict_rejected = 0;
    CHECK(wt_unhex(T8, 32, T8_HEX) == 32);
    for (i = 0; i < 40; i++) {
        rand_scalar(a);
        rand_scalar(r);
        CHECK(crypto_scalarmult_ed25519_base_noclamp(A, a) == 0);
        CHECK(crypto_scalarmult_ed25519_base_noclamp(R, r) == 0);

        /* mixed-order key A + T8, honest otherwise: S = r + k·a with k over A + T8 */
        CHECK(crypto_core_ed25519_add(A8, A, T8) == 0);
        challenge(k, R, A8, m, n);
        crypto_core_ed25519_scalar_mul(t, k, a);
        memcpy(sig, R, 32);
        crypto_core_ed25519_scalar_add(sig + 32, t, r);
        CHECK_OK(wetee_ed25519_verify(sig, m, n, A8));
        CHECK_OK(wetee_verify(WETEE_SCHEME_ED25519, sig, 64, m, n, A8, 32));
        /* libsodium's cofactorless equation holds only when [k]T8 vanishes,
         * i.e. k ≡ 0 (mod 8) */
        if (k[0] & 7) {
            strict_rejected++;
            CHECK_ERR(wetee_ed25519_verify_strict(sig, m, n, A8), WETEE_ERR_VERIFY);
            CHECK_ERR(wetee_verify_strict(WETEE_SCHEME_ED25519, sig, 64, m, n, A8, 32), WETEE_ERR_VERIFY);
        } else {
            CHECK_OK(wetee_ed25519_verify_strict(sig, m, n, A8));
        }
        CHECK_ERR(wetee_ed25519_verify(sig, m, n - 1, A8), WETEE_ERR_VERIFY);
        CHECK_ERR(wetee_ed25519_verify(sig, m, n, A), WETEE_ERR_VERIFY);

        /* mixed-order R + T8 */
        CHECK(crypto_core_ed25519_add(R8, R, T8) == 0);
        challenge(k, R8, A, m, n);
        crypto_core_ed25519_scalar_mul(t, k, a);
        memcpy(sig, R8, 32);
        crypto_core_ed25519_scalar_add(sig + 32, t, r);
        CHECK_OK(wetee_ed25519_verify(sig, m, n, A));
        CHECK_ERR(wetee_ed25519_verify_strict(sig, m, n, A), WETEE_ERR_VERIFY);

        /* small-order key T8: (r·B, r) signs every message */
        memcpy(sig, R, 32);
        memcpy(sig + 32, r, 32);
        CHECK_OK(wetee_ed25519_verify(sig, m, n, T8));
        CHECK_OK(wetee_ed25519_verify(sig, NULL, 0, T8));
        CHECK_ERR(wetee_ed25519_verify_strict(sig, m, n, T8), WETEE_ERR_VERIFY);
        /* ... but S must stay canonical: r + ℓ is rejected by both */
        {
            static const uint8_t l[32] = { 0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                           0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                                           0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10 };
            unsigned carry = 0;
            int j;
            for (j = 0; j < 32; j++) {
                unsigned v = sig[32 + j] + l[j] + carry;
                sig[32 + j] = (uint8_t)v;
                carry = v >> 8;
            }
            CHECK(carry == 0);
            CHECK_ERR(wetee_ed25519_verify(sig, m, n, T8), WETEE_ERR_VERIFY);
            CHECK(strstr(wetee_last_error(), "canonical") != NULL);
        }
    }
    CHECK(strict_rejected > 20);
}

WT_TEST(test_random_signatures)
{
    int i;
    for (i = 0; i < 300; i++) {
        uint8_t seed[32], sk[64], pk[32], sig[64], msg[200], bad[64];
        size_t len = (size_t)(wt_rand() % sizeof msg);
        rand_bytes(seed, 32);
        rand_bytes(msg, len);
        CHECK_OK(wetee_ed25519_keypair_from_seed(sk, pk, seed));
        CHECK_OK(wetee_ed25519_sign(sig, sk, msg, len));
        CHECK_OK(wetee_ed25519_verify(sig, msg, len, pk));
        CHECK_OK(wetee_ed25519_verify_strict(sig, msg, len, pk));
        memcpy(bad, sig, 64);
        bad[wt_rand() % 64] ^= (uint8_t)(1u << (wt_rand() % 8));
        CHECK(wetee_ed25519_verify(bad, msg, len, pk) == WETEE_ERR_VERIFY);
        CHECK(wetee_ed25519_verify_strict(bad, msg, len, pk) == WETEE_ERR_VERIFY);
        if (len) {
            msg[wt_rand() % len] ^= 1;
            CHECK(wetee_ed25519_verify(sig, msg, len, pk) == WETEE_ERR_VERIFY);
        }
        /* random garbage: the strict rules never accept what ZIP 215 rejects */
        rand_bytes(bad, 64);
        rand_bytes(pk, 32);
        CHECK(wetee_ed25519_verify(bad, msg, len, pk) == WETEE_ERR_VERIFY);
        CHECK(wetee_ed25519_verify_strict(bad, msg, len, pk) == WETEE_ERR_VERIFY);
    }
    /* argument errors */
    {
        uint8_t sig[64] = { 0 }, pk[32] = { 0 };
        CHECK_ERR(wetee_ed25519_verify(NULL, NULL, 0, pk), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_ERR(wetee_ed25519_verify(sig, NULL, 0, NULL), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_ERR(wetee_ed25519_verify(sig, NULL, 1, pk), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_ERR(wetee_ed25519_verify_strict(sig, NULL, 1, pk), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_ERR(wetee_verify_strict(WETEE_SCHEME_ED25519, sig, 63, NULL, 0, pk, 32), WETEE_ERR_VERIFY);
        CHECK_ERR(wetee_verify_strict(WETEE_SCHEME_ED25519, sig, 64, NULL, 0, pk, 31), WETEE_ERR_INVALID_ARGUMENT);
    }
}

/* The decoder accepts exactly the y for which x exists; canonical
 * encodings round-trip; libsodium's valid points all decode. */
WT_TEST(test_edwards_decoding)
{
    uint8_t p[32], q[32], s[32];
    wt_ge P;
    int i, decoded = 0;
    for (i = 0; i < 2000; i++) {
        int ours, sodium;
        if (i & 1) {
            rand_scalar(s);
            CHECK(crypto_scalarmult_ed25519_base_noclamp(p, s) == 0);
        } else {
            rand_bytes(p, 32);
        }
        ours = wt_ge_from_edwards_zip215(&P, p) == 0;
        sodium = crypto_core_ed25519_is_valid_point(p);
        if (sodium) CHECK(ours);
        if (ours) {
            decoded++;
            wt_ge_to_edwards(q, &P);
            /* random bytes are canonical unless y >= p (probability 2^-250) */
            CHECK(memcmp(p, q, 32) == 0);
        }
    }
    CHECK(decoded > 1000);
    /* non-canonical: y = p + 1 encodes the identity's y = 1; "negative zero" */
    CHECK(wt_unhex(p, 32, "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f") == 32);
    CHECK(wt_ge_from_edwards_zip215(&P, p) == 0);
    wt_ge_to_edwards(q, &P);
    CHECK_HEX(q, 32, "0100000000000000000000000000000000000000000000000000000000000000");
    CHECK(wt_unhex(p, 32, "0100000000000000000000000000000000000000000000000000000000000080") == 32);
    CHECK(wt_ge_from_edwards_zip215(&P, p) == 0);
    wt_ge_to_edwards(q, &P);
    CHECK_HEX(q, 32, "0100000000000000000000000000000000000000000000000000000000000000");
    /* y = 2 has no x */
    CHECK(wt_unhex(p, 32, "0200000000000000000000000000000000000000000000000000000000000000") == 32);
    CHECK(wt_ge_from_edwards_zip215(&P, p) != 0);
}

/* The portable build (two-word products) computes what the native one does. */
WT_TEST(test_portable_curve)
{
    uint8_t s[32], a[32], p[32], x[32], y[32];
    int i;
    for (i = 0; i < 200; i++) {
        wt_ge P, X;
        wt_port_ge PP, PX;
        int ok, pok;
        rand_scalar(s);
        rand_scalar(a);
        wt_ristretto_fast_base(x, s);
        wt_port_ristretto_fast_base(y, s);
        CHECK(memcmp(x, y, 32) == 0);
        if (i & 1) {
            CHECK(crypto_scalarmult_ed25519_base_noclamp(p, a) == 0);
        } else {
            rand_bytes(p, 32);
        }
        ok = wt_ge_from_edwards_zip215(&P, p) == 0;
        pok = wt_port_ge_from_edwards_zip215(&PP, p) == 0;
        CHECK(ok == pok);
        if (!ok || !pok) continue;
        wt_ge_double_scalarmult_base(&X, a, &P, s);
        wt_port_ge_double_scalarmult_base(&PX, a, &PP, s);
        wt_ge_to_edwards(x, &X);
        wt_port_ge_to_edwards(y, &PX);
        CHECK(memcmp(x, y, 32) == 0);
        CHECK(wt_ge_cofactor_equal(&X, &P) == wt_port_ge_cofactor_equal(&PX, &PP));
        CHECK(wt_ge_cofactor_equal(&X, &X) && wt_port_ge_cofactor_equal(&PX, &PX));
    }
}

/* sig overlapping msg or secret gives the same signature as separate buffers. */
WT_TEST(test_sign_overlap)
{
    uint8_t seed[32], sk[64], pk[32], ref[64], buf[200], copy[200], skbuf[64];
    size_t off;
    rand_bytes(seed, 32);
    CHECK_OK(wetee_ed25519_keypair_from_seed(sk, pk, seed));
    for (off = 0; off <= 100; off += 25) {
        rand_bytes(buf, sizeof buf);
        memcpy(copy, buf, sizeof buf);
        CHECK_OK(wetee_ed25519_sign(ref, sk, copy + 50, 100));
        CHECK_OK(wetee_ed25519_sign(buf + off, sk, buf + 50, 100));
        CHECK(memcmp(buf + off, ref, 64) == 0);
        CHECK_OK(wetee_ed25519_verify(buf + off, copy + 50, 100, pk));
        CHECK_OK(wetee_ed25519_verify_strict(buf + off, copy + 50, 100, pk));
    }
    memcpy(skbuf, sk, 64);
    CHECK_OK(wetee_ed25519_sign(ref, sk, (const uint8_t *)"m", 1));
    CHECK_OK(wetee_ed25519_sign(skbuf, skbuf, (const uint8_t *)"m", 1));
    CHECK(memcmp(skbuf, ref, 64) == 0);
}

WT_MAIN("ed25519", WT_CASE(test_zip215_vectors), WT_CASE(test_speccheck), WT_CASE(test_chain_accepts),
        WT_CASE(test_random_signatures), WT_CASE(test_edwards_decoding), WT_CASE(test_portable_curve),
        WT_CASE(test_sign_overlap))
