/* Field and point arithmetic of the Ed25519 curve shared by the verifier
 * (src/keys/ed25519_curve.c, variable time) and the signer's fixed-base
 * multiplication (src/keys/ed25519_base.c, constant time).
 *
 * GF(2^255 - 19) with five 51-bit limbs and 128-bit products (a portable
 * two-word emulation without a 128-bit type); points in extended twisted
 * Edwards coordinates with a = -1 (Hisil, Wong, Carter, Dawson, "Twisted
 * Edwards curves revisited", 2008: add-2008-hwcd-3, dbl-2008-hwcd).
 *
 * Every function here runs in constant time: no branch and no memory index
 * depends on the values (fe_sq_n's count and the exponent chains are
 * fixed). What is variable-time lives in ed25519_curve.c. Private to the
 * library; included by those two files only. */
#ifndef WETEE_INTERNAL_ED25519_FE_H
#define WETEE_INTERNAL_ED25519_FE_H

#include <stdint.h>
#include <string.h>

#include "internal/ed25519_curve.h"

typedef uint64_t fe[5];

#if defined(__SIZEOF_INT128__) && !defined(WT_CURVE_PORTABLE)
__extension__ typedef unsigned __int128 u128;
#define MUL(a, b) ((u128)(a) * (b))
#define ADD(x, y) ((x) + (y))
#define ADD64(x, v) ((x) + (v))
#define LO64(x) ((uint64_t)(x))
#define SHR51(x) ((uint64_t)((x) >> 51))
#else
/* Without a 128-bit integer type: two 64-bit words. */
typedef struct { uint64_t lo, hi; } u128;

static inline u128 MUL(uint64_t a, uint64_t b)
{
    const uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
    const uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    const uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
    u128 r;
    r.lo = (mid << 32) | (uint32_t)p00;
    r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    return r;
}

static inline u128 ADD(u128 x, u128 y)
{
    u128 r;
    r.lo = x.lo + y.lo;
    r.hi = x.hi + y.hi + (r.lo < x.lo);
    return r;
}

static inline u128 ADD64(u128 x, uint64_t v)
{
    u128 r;
    r.lo = x.lo + v;
    r.hi = x.hi + (r.lo < v);
    return r;
}

#define LO64(x) ((x).lo)
#define SHR51(x) (((x).lo >> 51) | ((x).hi << 13))
#endif
#define ADD5(a, b, c, d, e) ADD(ADD(ADD(ADD(a, b), c), d), e)
#define ADD3(a, b, c) ADD(ADD(a, b), c)

#define MASK51 ((uint64_t)0x7ffffffffffffULL)

#if defined(__GNUC__) || defined(__clang__)
#define WT_FE_INLINE inline __attribute__((always_inline))
#else
#define WT_FE_INLINE inline
#endif

static const fe fe_one = { 1, 0, 0, 0, 0 };
static const fe fe_d = { 0x34dca135978a3ULL, 0x1a8283b156ebdULL, 0x5e7a26001c029ULL, 0x739c663a03cbbULL,
                         0x52036cee2b6ffULL };
static const fe fe_d2 = { 0x69b9426b2f159ULL, 0x35050762add7aULL, 0x3cf44c0038052ULL, 0x6738cc7407977ULL,
                          0x2406d9dc56dffULL };

static const fe fe_sqrtm1 = { 0x61b274a0ea0b0ULL, 0xd5a5fc8f189dULL, 0x7ef5e9cbd0c60ULL, 0x78595a6804c9eULL,
                              0x2b8324804fc1dULL };
static const fe fe_invsqrt_a_minus_d = { 0xfdaa805d40eaULL, 0x2eb482e57d339ULL, 0x7610274bc58ULL,
                                         0x6510b613dc8ffULL, 0x786c8905cfaffULL };
/* The Ed25519 / Ristretto255 base point: y = 4/5, x even. */
static const fe base_x = { 0x62d608f25d51aULL, 0x412a4b4f6592aULL, 0x75b7171a4b31dULL, 0x1ff60527118feULL,
                           0x216936d3cd6e5ULL };
static const fe base_y = { 0x6666666666658ULL, 0x4ccccccccccccULL, 0x1999999999999ULL, 0x3333333333333ULL,
                           0x6666666666666ULL };
static const fe base_t = { 0x68ab3a5b7dda3ULL, 0xeea2a5eadbbULL, 0x2af8df483c27eULL, 0x332b375274732ULL,
                           0x67875f0fd78b7ULL };

static inline uint64_t load64_le(const uint8_t *p)
{
    uint64_t v = 0;
    int i;
    for (i = 7; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

static inline void store64_le(uint8_t *p, uint64_t v)
{
    int i;
    for (i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

static inline void fe_copy(fe h, const fe f) { memcpy(h, f, sizeof(fe)); }

/* Weak reduction: limbs below 2^51 (limb 0 below 2^51 + 2^17). */
static inline void fe_carry(fe h)
{
    uint64_t c;
    c = h[0] >> 51; h[0] &= MASK51; h[1] += c;
    c = h[1] >> 51; h[1] &= MASK51; h[2] += c;
    c = h[2] >> 51; h[2] &= MASK51; h[3] += c;
    c = h[3] >> 51; h[3] &= MASK51; h[4] += c;
    c = h[4] >> 51; h[4] &= MASK51; h[0] += 19 * c;
}

static inline void fe_add(fe h, const fe f, const fe g)
{
    int i;
    for (i = 0; i < 5; i++) h[i] = f[i] + g[i];
    fe_carry(h);
}

/* Addition without carrying, for the point formulas below. Its inputs are
 * weakly reduced (limbs < 2^51 + 2^18) or, at most once, an earlier such
 * sum (in ge_add/ge_sub: G = 2*Z1*Z2 + C), so every limb stays below 2^53.
 * Such a sum may only go (a) into fe_mul / fe_sq, whose 128-bit
 * accumulators and final carry (19 * (r4 >> 51) < 2^62) have room for
 * inputs below 2^53, or (b) into fe_sub, as either operand (its 4p offset,
 * at least 2^53 - 76 per limb, exceeds any such limb). */
static inline void fe_add_nc(fe h, const fe f, const fe g)
{
    h[0] = f[0] + g[0];
    h[1] = f[1] + g[1];
    h[2] = f[2] + g[2];
    h[3] = f[3] + g[3];
    h[4] = f[4] + g[4];
}

/* f - g + 4p, so that no limb underflows for weakly reduced g. */
static inline void fe_sub(fe h, const fe f, const fe g)
{
    h[0] = f[0] + 0x1fffffffffffb4ULL - g[0];
    h[1] = f[1] + 0x1ffffffffffffcULL - g[1];
    h[2] = f[2] + 0x1ffffffffffffcULL - g[2];
    h[3] = f[3] + 0x1ffffffffffffcULL - g[3];
    h[4] = f[4] + 0x1ffffffffffffcULL - g[4];
    fe_carry(h);
}

static inline void fe_neg(fe h, const fe f)
{
    static const fe zero = { 0, 0, 0, 0, 0 };
    fe_sub(h, zero, f);
}

static inline void fe_reduce_wide(fe h, u128 r0, u128 r1, u128 r2, u128 r3, u128 r4)
{
    uint64_t c;
    r1 = ADD64(r1, SHR51(r0));
    r2 = ADD64(r2, SHR51(r1));
    r3 = ADD64(r3, SHR51(r2));
    r4 = ADD64(r4, SHR51(r3));
    c = SHR51(r4);
    h[0] = (LO64(r0) & MASK51) + 19 * c;
    h[1] = LO64(r1) & MASK51;
    h[2] = LO64(r2) & MASK51;
    h[3] = LO64(r3) & MASK51;
    h[4] = LO64(r4) & MASK51;
    c = h[0] >> 51; h[0] &= MASK51; h[1] += c;
}

static WT_FE_INLINE void fe_mul(fe h, const fe f, const fe g)
{
    const uint64_t f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
    const uint64_t g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4];
    const uint64_t g1_19 = 19 * g1, g2_19 = 19 * g2, g3_19 = 19 * g3, g4_19 = 19 * g4;
    u128 r0 = ADD5(MUL(f0, g0), MUL(f1, g4_19), MUL(f2, g3_19), MUL(f3, g2_19), MUL(f4, g1_19));
    u128 r1 = ADD5(MUL(f0, g1), MUL(f1, g0), MUL(f2, g4_19), MUL(f3, g3_19), MUL(f4, g2_19));
    u128 r2 = ADD5(MUL(f0, g2), MUL(f1, g1), MUL(f2, g0), MUL(f3, g4_19), MUL(f4, g3_19));
    u128 r3 = ADD5(MUL(f0, g3), MUL(f1, g2), MUL(f2, g1), MUL(f3, g0), MUL(f4, g4_19));
    u128 r4 = ADD5(MUL(f0, g4), MUL(f1, g3), MUL(f2, g2), MUL(f3, g1), MUL(f4, g0));
    fe_reduce_wide(h, r0, r1, r2, r3, r4);
}

static WT_FE_INLINE void fe_sq(fe h, const fe f)
{
    const uint64_t f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
    const uint64_t f0_2 = 2 * f0, f1_2 = 2 * f1, f2_2 = 2 * f2, f3_2 = 2 * f3;
    const uint64_t f3_19 = 19 * f3, f4_19 = 19 * f4;
    u128 r0 = ADD3(MUL(f0, f0), MUL(f1_2, f4_19), MUL(f2_2, f3_19));
    u128 r1 = ADD3(MUL(f0_2, f1), MUL(f2_2, f4_19), MUL(f3, f3_19));
    u128 r2 = ADD3(MUL(f0_2, f2), MUL(f1, f1), MUL(f3_2, f4_19));
    u128 r3 = ADD3(MUL(f0_2, f3), MUL(f1_2, f2), MUL(f4, f4_19));
    u128 r4 = ADD3(MUL(f0_2, f4), MUL(f1_2, f3), MUL(f2, f2));
    fe_reduce_wide(h, r0, r1, r2, r3, r4);
}

static inline void fe_sq_n(fe h, const fe f, int n)
{
    fe_sq(h, f);
    while (--n > 0) fe_sq(h, h);
}

/* Low 255 bits of s (bit 255 ignored). */
static inline void fe_frombytes(fe h, const uint8_t s[32])
{
    h[0] = load64_le(s) & MASK51;
    h[1] = (load64_le(s + 6) >> 3) & MASK51;
    h[2] = (load64_le(s + 12) >> 6) & MASK51;
    h[3] = (load64_le(s + 19) >> 1) & MASK51;
    h[4] = (load64_le(s + 24) >> 12) & MASK51;
}

/* Canonical encoding (fully reduced mod p). */
static inline void fe_tobytes(uint8_t s[32], const fe f)
{
    fe t;
    uint64_t q, c;
    fe_copy(t, f);
    fe_carry(t);
    fe_carry(t);
    q = (t[0] + 19) >> 51;
    q = (t[1] + q) >> 51;
    q = (t[2] + q) >> 51;
    q = (t[3] + q) >> 51;
    q = (t[4] + q) >> 51;
    t[0] += 19 * q;
    c = t[0] >> 51; t[0] &= MASK51; t[1] += c;
    c = t[1] >> 51; t[1] &= MASK51; t[2] += c;
    c = t[2] >> 51; t[2] &= MASK51; t[3] += c;
    c = t[3] >> 51; t[3] &= MASK51; t[4] += c;
    t[4] &= MASK51;
    store64_le(s, t[0] | (t[1] << 51));
    store64_le(s + 8, (t[1] >> 13) | (t[2] << 38));
    store64_le(s + 16, (t[2] >> 26) | (t[3] << 25));
    store64_le(s + 24, (t[3] >> 39) | (t[4] << 12));
}


static inline int fe_isnegative(const fe f)
{
    uint8_t s[32];
    fe_tobytes(s, f);
    return s[0] & 1;
}

/* z^((p-5)/8) = z^(2^252 - 3). */
static inline void fe_pow22523(fe out, const fe z)
{
    fe t0, t1, t2;
    fe_sq(t0, z);              /* 2 */
    fe_sq_n(t1, t0, 2);        /* 8 */
    fe_mul(t1, z, t1);         /* 9 */
    fe_mul(t0, t0, t1);        /* 11 */
    fe_sq(t0, t0);             /* 22 */
    fe_mul(t0, t1, t0);        /* 2^5 - 1 */
    fe_sq_n(t1, t0, 5);
    fe_mul(t0, t1, t0);        /* 2^10 - 1 */
    fe_sq_n(t1, t0, 10);
    fe_mul(t1, t1, t0);        /* 2^20 - 1 */
    fe_sq_n(t2, t1, 20);
    fe_mul(t1, t2, t1);        /* 2^40 - 1 */
    fe_sq_n(t1, t1, 10);
    fe_mul(t0, t1, t0);        /* 2^50 - 1 */
    fe_sq_n(t1, t0, 50);
    fe_mul(t1, t1, t0);        /* 2^100 - 1 */
    fe_sq_n(t2, t1, 100);
    fe_mul(t1, t2, t1);        /* 2^200 - 1 */
    fe_sq_n(t1, t1, 50);
    fe_mul(t0, t1, t0);        /* 2^250 - 1 */
    fe_sq_n(t0, t0, 2);        /* 2^252 - 4 */
    fe_mul(out, t0, z);        /* 2^252 - 3 */
}

typedef struct { fe X, Y, Z; } ge_p2;
typedef wt_ge ge_p3;
typedef struct { fe X, Y, Z, T; } ge_p1p1; /* X = E, Y = H, Z = G, T = F of the formulas */
typedef struct { fe YplusX, YminusX, Z, T2d; } ge_cached;

static inline void p1p1_to_p2(ge_p2 *r, const ge_p1p1 *p)
{
    fe_mul(r->X, p->X, p->T);
    fe_mul(r->Y, p->Y, p->Z);
    fe_mul(r->Z, p->Z, p->T);
}

static inline void p1p1_to_p3(ge_p3 *r, const ge_p1p1 *p)
{
    fe_mul(r->X, p->X, p->T);
    fe_mul(r->Y, p->Y, p->Z);
    fe_mul(r->Z, p->Z, p->T);
    fe_mul(r->T, p->X, p->Y);
}

/* dbl-2008-hwcd: A = X^2, B = Y^2, C = 2 Z^2, E = (X+Y)^2 - A - B,
 * G = B - A, F = G - C, H = -(A + B); the result is stored negated
 * (X = E, Y = A + B, Z = G, T = C - G), a projective scaling by -1. */
static inline void p2_dbl(ge_p1p1 *r, const ge_p2 *p)
{
    fe t0;
    fe_sq(r->X, p->X);
    fe_sq(r->Z, p->Y);
    fe_sq(r->T, p->Z);
    fe_add_nc(r->T, r->T, r->T);
    fe_add_nc(r->Y, p->X, p->Y);
    fe_sq(t0, r->Y);
    fe_add_nc(r->Y, r->Z, r->X);
    fe_sub(r->Z, r->Z, r->X);
    fe_sub(r->X, t0, r->Y);
    fe_sub(r->T, r->T, r->Z);
}

static inline void p3_dbl(ge_p1p1 *r, const ge_p3 *p)
{
    ge_p2 q;
    fe_copy(q.X, p->X);
    fe_copy(q.Y, p->Y);
    fe_copy(q.Z, p->Z);
    p2_dbl(r, &q);
}

static inline void fe_invert(fe out, const fe z)
{
    fe t, z3;
    fe_sq(z3, z);
    fe_mul(z3, z3, z);                         /* z^3 */
    fe_pow22523(t, z);                         /* z^(2^252 - 3) */
    fe_sq_n(t, t, 3);                          /* z^(2^255 - 24) */
    fe_mul(out, t, z3);                        /* z^(2^255 - 21) = z^(p - 2) */
}
#endif
