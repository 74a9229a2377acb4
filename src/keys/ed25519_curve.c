/* Variable-time Ed25519 curve arithmetic for signature verification
 * (sr25519 through Ristretto255, ed25519 with the ZIP-215 rules).
 *
 * Written from:
 * - RFC 9496 §4.3 (Ristretto255 decode, encode, SQRT_RATIO_M1) and its
 *   constants D, SQRT_M1, INVSQRT_A_MINUS_D;
 * - RFC 8032 §5.1.3 (Edwards point decoding) with the relaxations of ZIP 215
 *   (non-canonical y and "negative zero" x accepted);
 * - Hisil, Wong, Carter, Dawson, "Twisted Edwards curves revisited" (2008),
 *   extended coordinates with a = -1: addition "add-2008-hwcd-3" and
 *   doubling "dbl-2008-hwcd";
 * - the width-w non-adjacent form and Straus' simultaneous multiplication
 *   (Hankerson, Menezes, Vanstone, Guide to ECC, alg. 3.35 and 3.48).
 * Field elements use five 51-bit limbs with 128-bit products; the field
 * and point primitives are in src/internal/ed25519_fe.h, shared with the
 * constant-time signer (src/keys/ed25519_base.c).
 *
 * Everything here runs in variable time: it only ever sees public data
 * (signatures, public keys, message-derived challenges). */
#include <pthread.h>
#include <string.h>

#include "internal/ed25519_curve.h"
#include "internal/ed25519_fe.h"

static int fe_iszero(const fe f)
{
    uint8_t s[32];
    uint8_t acc = 0;
    int i;
    fe_tobytes(s, f);
    for (i = 0; i < 32; i++) acc |= s[i];
    return acc == 0;
}

static int fe_equal(const fe f, const fe g)
{
    uint8_t a[32], b[32];
    fe_tobytes(a, f);
    fe_tobytes(b, g);
    return memcmp(a, b, 32) == 0;
}

/* RFC 9496 SQRT_RATIO_M1: r = non-negative sqrt(u/v) or sqrt(i·u/v);
 * returns 1 when u/v was square. */
static int fe_sqrt_ratio_m1(fe r, const fe u, const fe v)
{
    fe v3, v7, t, check, u_neg, u_neg_i;
    int correct, flipped, flipped_i;
    fe_sq(v3, v);
    fe_mul(v3, v3, v);          /* v^3 */
    fe_sq(v7, v3);
    fe_mul(v7, v7, v);          /* v^7 */
    fe_mul(t, u, v7);
    fe_pow22523(t, t);          /* (u v^7)^((p-5)/8) */
    fe_mul(r, u, v3);
    fe_mul(r, r, t);
    fe_sq(check, r);
    fe_mul(check, check, v);
    fe_neg(u_neg, u);
    fe_mul(u_neg_i, u_neg, fe_sqrtm1);
    correct = fe_equal(check, u);
    flipped = fe_equal(check, u_neg);
    flipped_i = fe_equal(check, u_neg_i);
    if (flipped || flipped_i) fe_mul(r, r, fe_sqrtm1);
    if (fe_isnegative(r)) fe_neg(r, r);
    return correct || flipped;
}

/* ---------------------------------------------------------------- */
/* Points (extended twisted Edwards coordinates, a = -1)              */
/* ---------------------------------------------------------------- */

static void p3_to_cached(ge_cached *r, const ge_p3 *p)
{
    fe_add_nc(r->YplusX, p->Y, p->X);
    fe_sub(r->YminusX, p->Y, p->X);
    fe_copy(r->Z, p->Z);
    fe_mul(r->T2d, p->T, fe_d2);
}

/* add-2008-hwcd-3 with k = 2d: p + q. */
static void ge_add(ge_p1p1 *r, const ge_p3 *p, const ge_cached *q)
{
    fe a, b, c, d;
    fe_add_nc(a, p->Y, p->X);
    fe_sub(b, p->Y, p->X);
    fe_mul(a, a, q->YplusX);   /* B */
    fe_mul(b, b, q->YminusX);  /* A */
    fe_mul(c, p->T, q->T2d);   /* C */
    fe_mul(d, p->Z, q->Z);
    fe_add_nc(d, d, d);           /* D */
    fe_sub(r->X, a, b);        /* E */
    fe_add_nc(r->Y, a, b);        /* H */
    fe_add_nc(r->Z, d, c);        /* G */
    fe_sub(r->T, d, c);        /* F */
}

/* p - q: the same with -q = (Y - X, Y + X, Z, -2dT). */
static void ge_sub(ge_p1p1 *r, const ge_p3 *p, const ge_cached *q)
{
    fe a, b, c, d;
    fe_add_nc(a, p->Y, p->X);
    fe_sub(b, p->Y, p->X);
    fe_mul(a, a, q->YminusX);
    fe_mul(b, b, q->YplusX);
    fe_mul(c, p->T, q->T2d);
    fe_mul(d, p->Z, q->Z);
    fe_add_nc(d, d, d);
    fe_sub(r->X, a, b);
    fe_add_nc(r->Y, a, b);
    fe_sub(r->Z, d, c);
    fe_add_nc(r->T, d, c);
}

/* ---------------------------------------------------------------- */
/* Ristretto255 (RFC 9496 §4.3)                                      */
/* ---------------------------------------------------------------- */

static int ristretto_decode(ge_p3 *h, const uint8_t in[32])
{
    uint8_t check[32];
    fe s, ss, u1, u2, u2_sqr, v, t, invsqrt, den_x, den_y;
    int was_square;

    fe_frombytes(s, in);
    fe_tobytes(check, s);
    if (memcmp(check, in, 32) != 0) return -1; /* not < p, or bit 255 set */
    if (in[0] & 1) return -1;                  /* negative s */

    fe_sq(ss, s);
    fe_sub(u1, fe_one, ss);
    fe_add(u2, fe_one, ss);
    fe_sq(u2_sqr, u2);
    fe_sq(t, u1);
    fe_mul(t, t, fe_d);
    fe_neg(t, t);
    fe_sub(v, t, u2_sqr);                      /* v = -(d u1^2) - u2^2 */
    fe_mul(t, v, u2_sqr);
    was_square = fe_sqrt_ratio_m1(invsqrt, fe_one, t);
    fe_mul(den_x, invsqrt, u2);
    fe_mul(den_y, invsqrt, den_x);
    fe_mul(den_y, den_y, v);
    fe_add(h->X, s, s);
    fe_mul(h->X, h->X, den_x);
    if (fe_isnegative(h->X)) fe_neg(h->X, h->X);
    fe_mul(h->Y, u1, den_y);
    fe_copy(h->Z, fe_one);
    fe_mul(h->T, h->X, h->Y);
    if (!was_square || fe_isnegative(h->T) || fe_iszero(h->Y)) return -1;
    return 0;
}

static void ristretto_encode(uint8_t out[32], const ge_p3 *h)
{
    fe u1, u2, t, invsqrt, den1, den2, z_inv, ix, iy, den_inv, x, y;
    fe_add(u1, h->Z, h->Y);
    fe_sub(t, h->Z, h->Y);
    fe_mul(u1, u1, t);                         /* (Z + Y)(Z - Y) */
    fe_mul(u2, h->X, h->Y);
    fe_sq(t, u2);
    fe_mul(t, t, u1);
    (void)fe_sqrt_ratio_m1(invsqrt, fe_one, t);
    fe_mul(den1, invsqrt, u1);
    fe_mul(den2, invsqrt, u2);
    fe_mul(z_inv, den1, den2);
    fe_mul(z_inv, z_inv, h->T);
    fe_mul(t, h->T, z_inv);
    if (fe_isnegative(t)) {                    /* rotate */
        fe_mul(ix, h->X, fe_sqrtm1);
        fe_mul(iy, h->Y, fe_sqrtm1);
        fe_copy(x, iy);
        fe_copy(y, ix);
        fe_mul(den_inv, den1, fe_invsqrt_a_minus_d);
    } else {
        fe_copy(x, h->X);
        fe_copy(y, h->Y);
        fe_copy(den_inv, den2);
    }
    fe_mul(t, x, z_inv);
    if (fe_isnegative(t)) fe_neg(y, y);
    fe_sub(t, h->Z, y);
    fe_mul(t, den_inv, t);
    if (fe_isnegative(t)) fe_neg(t, t);
    fe_tobytes(out, t);
}

/* ---------------------------------------------------------------- */
/* Scalar recoding and double-scalar multiplication                  */
/* ---------------------------------------------------------------- */

#define A_WINDOW 5  /* 8 odd multiples of A, built per verification */
#define B_WINDOW 8  /* 64 odd multiples of B, built once */

/* Width-w NAF of a scalar below 2^253: odd digits |d| < 2^(w-1), at most
 * one non-zero digit in any w consecutive positions, r[0..255]. */
static void wnaf(int8_t r[256], const uint8_t s[32], int w)
{
    uint64_t k[5];
    const int64_t win = (int64_t)1 << w, half = win >> 1;
    int i = 0, j;
    for (j = 0; j < 4; j++) k[j] = load64_le(s + 8 * j);
    k[4] = 0;
    memset(r, 0, 256);
    while ((k[0] | k[1] | k[2] | k[3] | k[4]) != 0 && i < 256) {
        if (k[0] & 1) {
            int64_t d = (int64_t)(k[0] & (uint64_t)(win - 1));
            if (d >= half) d -= win;
            r[i] = (int8_t)d;
            if (d > 0) {
                k[0] -= (uint64_t)d; /* the low bits equal d: no borrow */
            } else {
                uint64_t add = (uint64_t)(-d);
                for (j = 0; j < 5 && add; j++) {
                    k[j] += add;
                    add = k[j] < add;
                }
            }
        }
        for (j = 0; j < 4; j++) k[j] = (k[j] >> 1) | (k[j + 1] << 63);
        k[4] >>= 1;
        i++;
    }
}

static ge_cached base_table[1 << (B_WINDOW - 2)];
static pthread_once_t base_once = PTHREAD_ONCE_INIT;

static void odd_multiples(ge_cached *table, size_t n, const ge_p3 *p)
{
    ge_p1p1 t;
    ge_p3 p2, cur;
    ge_cached c2;
    size_t i;
    p3_dbl(&t, p);
    p1p1_to_p3(&p2, &t);
    p3_to_cached(&c2, &p2);
    cur = *p;
    p3_to_cached(&table[0], &cur);
    for (i = 1; i < n; i++) {
        ge_add(&t, &cur, &c2);
        p1p1_to_p3(&cur, &t);
        p3_to_cached(&table[i], &cur);
    }
}

static void base_table_init(void)
{
    ge_p3 b;
    fe_copy(b.X, base_x);
    fe_copy(b.Y, base_y);
    fe_copy(b.Z, fe_one);
    fe_copy(b.T, base_t);
    odd_multiples(base_table, sizeof base_table / sizeof base_table[0], &b);
}

/* out = a·A + b·B (A optional: NULL means a = 0). */
static void double_scalarmult(ge_p3 *out, const uint8_t a[32], const ge_p3 *A, const uint8_t b[32])
{
    int8_t an[256], bn[256];
    ge_cached atab[1 << (A_WINDOW - 2)];
    ge_p1p1 t;
    ge_p2 r;
    ge_p3 u;
    int i;

    pthread_once(&base_once, base_table_init);
    if (A) {
        wnaf(an, a, A_WINDOW);
        odd_multiples(atab, sizeof atab / sizeof atab[0], A);
    } else {
        memset(an, 0, sizeof an);
    }
    wnaf(bn, b, B_WINDOW);

    for (i = 255; i >= 0 && an[i] == 0 && bn[i] == 0; i--) {}
    memset(out, 0, sizeof *out);
    fe_copy(out->Y, fe_one);
    fe_copy(out->Z, fe_one);
    if (i < 0) return; /* both scalars zero: the identity */

    memset(&r, 0, sizeof r);
    fe_copy(r.Y, fe_one);
    fe_copy(r.Z, fe_one);
    for (; i >= 0; i--) {
        p2_dbl(&t, &r);
        if (an[i] > 0) {
            p1p1_to_p3(&u, &t);
            ge_add(&t, &u, &atab[an[i] / 2]);
        } else if (an[i] < 0) {
            p1p1_to_p3(&u, &t);
            ge_sub(&t, &u, &atab[-an[i] / 2]);
        }
        if (bn[i] > 0) {
            p1p1_to_p3(&u, &t);
            ge_add(&t, &u, &base_table[bn[i] / 2]);
        } else if (bn[i] < 0) {
            p1p1_to_p3(&u, &t);
            ge_sub(&t, &u, &base_table[-bn[i] / 2]);
        }
        if (i > 0) p1p1_to_p2(&r, &t);
    }
    p1p1_to_p3(out, &t);
}

/* ---------------------------------------------------------------- */
/* Ed25519 encodings (RFC 8032 §5.1.2-3, ZIP 215)                    */
/* ---------------------------------------------------------------- */

int wt_ge_from_edwards_zip215(wt_ge *h, const uint8_t in[32])
{
    fe u, v;
    /* y: the low 255 bits, possibly >= p (the limbs hold it unreduced and
     * the arithmetic works mod p). */
    fe_frombytes(h->Y, in);
    fe_copy(h->Z, fe_one);
    fe_sq(u, h->Y);
    fe_mul(v, u, fe_d);
    fe_sub(u, u, fe_one);                      /* u = y^2 - 1 */
    fe_add(v, v, fe_one);                      /* v = d y^2 + 1, never 0 (d is not a square) */
    if (!fe_sqrt_ratio_m1(h->X, u, v)) return -1;
    /* h->X is the non-negative root; bit 255 asks for the other one. For
     * x = 0 both are 0: the "negative zero" encoding is accepted. */
    if (in[31] & 0x80) fe_neg(h->X, h->X);
    fe_mul(h->T, h->X, h->Y);
    return 0;
}

void wt_ge_to_edwards(uint8_t out[32], const wt_ge *p)
{
    fe zi, x, y;
    fe_invert(zi, p->Z);
    fe_mul(x, p->X, zi);
    fe_mul(y, p->Y, zi);
    fe_tobytes(out, y);
    out[31] |= (uint8_t)(fe_isnegative(x) << 7);
}

/* ---------------------------------------------------------------- */
/* Scalars                                                           */
/* ---------------------------------------------------------------- */

/* ℓ = 2^252 + 27742317777372353535851937790883648493, little-endian. */
static const uint8_t sc_l[32] = { 0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                  0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                                  0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10 };

int wt_sc_is_canonical(const uint8_t s[32])
{
    unsigned borrow = 0;
    int i;
    for (i = 0; i < 32; i++) borrow = ((unsigned)s[i] - sc_l[i] - borrow) >> 8 & 1u;
    return (int)borrow;
}

/* ---------------------------------------------------------------- */
/* Exported operations                                               */
/* ---------------------------------------------------------------- */

int wt_ge_from_ristretto(wt_ge *p, const uint8_t in[32]) { return ristretto_decode(p, in); }

void wt_ge_to_ristretto(uint8_t out[32], const wt_ge *p) { ristretto_encode(out, p); }

void wt_ge_neg(wt_ge *p)
{
    fe_neg(p->X, p->X);
    fe_neg(p->T, p->T);
}

void wt_ge_double_scalarmult_base(wt_ge *out, const uint8_t a[32], const wt_ge *A, const uint8_t b[32])
{
    double_scalarmult(out, a, A, b);
}

int wt_ge_cofactor_equal(const wt_ge *P, const wt_ge *Q)
{
    ge_cached q;
    ge_p1p1 t;
    ge_p2 r;
    int i;
    p3_to_cached(&q, Q);
    ge_sub(&t, P, &q);
    for (i = 0; i < 3; i++) {
        p1p1_to_p2(&r, &t);
        p2_dbl(&t, &r);
    }
    p1p1_to_p2(&r, &t);
    /* the identity is (0 : Z : Z) */
    return fe_iszero(r.X) && fe_equal(r.Y, r.Z);
}

int wt_ristretto_fast_roundtrip(uint8_t out[32], const uint8_t in[32])
{
    ge_p3 p;
    if (ristretto_decode(&p, in) != 0) return -1;
    ristretto_encode(out, &p);
    return 0;
}

void wt_ristretto_fast_base(uint8_t out[32], const uint8_t s[32])
{
    ge_p3 p;
    double_scalarmult(&p, NULL, NULL, s);
    ristretto_encode(out, &p);
}
