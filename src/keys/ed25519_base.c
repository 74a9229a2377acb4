/* Constant-time fixed-base multiplication s·B on the Ed25519 curve, for
 * signing (the nonce point R of an ed25519 signature).
 *
 * Method (Bernstein, Duif, Lange, Schwabe, Yang, "High-speed high-security
 * signatures", 2011, §4 "Fast fixed-base scalar multiplication"): the
 * scalar s < 2^255 is written with 64 signed radix-16 digits e_i in
 * [-8, 8], s = Σ e_i 16^i; with the table T[j][k] = (k+1)·256^j·B
 * (j < 32, k < 8),
 *     s·B = 16·Σ_j e_{2j+1}·T[j] + Σ_j e_{2j}·T[j],
 * 64 mixed additions and 4 doublings. Each addition reads all eight
 * entries of its row and keeps the wanted one with masks, then negates it
 * with a mask: no branch and no memory address depends on the scalar. The
 * row index j is public (the loop counter).
 *
 * Table entries are affine points in the form (y + x, y - x, 2d·x·y); the
 * table is computed once, on first use, from the base point with the
 * variable-time formulas (its inputs are public constants) and a batch
 * inversion for the affine conversion. */
#include <pthread.h>
#include <sodium.h>

#include "internal/ed25519_curve.h"
#include "internal/ed25519_fe.h"

typedef struct {
    fe yplusx, yminusx, xy2d;
} ge_precomp;

static ge_precomp base_rows[32][8];
static pthread_once_t rows_once = PTHREAD_ONCE_INIT;

/* p + q for an affine table entry q (madd-2008-hwcd-3 with Z2 = 1). */
static void ge_madd(ge_p1p1 *r, const ge_p3 *p, const ge_precomp *q)
{
    fe a, b, c, d;
    fe_add_nc(a, p->Y, p->X);
    fe_sub(b, p->Y, p->X);
    fe_mul(a, a, q->yplusx);  /* B */
    fe_mul(b, b, q->yminusx); /* A */
    fe_mul(c, p->T, q->xy2d); /* C */
    fe_add_nc(d, p->Z, p->Z); /* D */
    fe_sub(r->X, a, b);       /* E */
    fe_add_nc(r->Y, a, b);    /* H */
    fe_add_nc(r->Z, d, c);    /* G */
    fe_sub(r->T, d, c);       /* F */
}

/* p + q, q in extended coordinates (for building the table only). */
static void ge_add_p3(ge_p3 *r, const ge_p3 *p, const ge_p3 *q)
{
    fe a, b, c, d, t;
    ge_p1p1 s;
    fe_add_nc(a, p->Y, p->X);
    fe_add_nc(t, q->Y, q->X);
    fe_mul(a, a, t);
    fe_sub(b, p->Y, p->X);
    fe_sub(t, q->Y, q->X);
    fe_mul(b, b, t);
    fe_mul(c, p->T, q->T);
    fe_mul(c, c, fe_d2);
    fe_mul(d, p->Z, q->Z);
    fe_add_nc(d, d, d);
    fe_sub(s.X, a, b);
    fe_add_nc(s.Y, a, b);
    fe_add_nc(s.Z, d, c);
    fe_sub(s.T, d, c);
    p1p1_to_p3(r, &s);
}

static void ge_dbl_p3(ge_p3 *r, const ge_p3 *p)
{
    ge_p1p1 t;
    p3_dbl(&t, p);
    p1p1_to_p3(r, &t);
}

static void rows_init(void)
{
    static ge_p3 pts[32][8];
    static fe prefix[256];
    ge_p3 row_base;
    fe inv, zi, x, y;
    int j, k, n;

    fe_copy(row_base.X, base_x);
    fe_copy(row_base.Y, base_y);
    fe_copy(row_base.Z, fe_one);
    fe_copy(row_base.T, base_t);
    for (j = 0; j < 32; j++) {
        pts[j][0] = row_base;
        for (k = 1; k < 8; k++) ge_add_p3(&pts[j][k], &pts[j][k - 1], &row_base);
        /* next row: 256·row_base = 2^4·(2·(8·row_base)) */
        ge_dbl_p3(&row_base, &pts[j][7]);
        for (k = 0; k < 4; k++) ge_dbl_p3(&row_base, &row_base);
    }
    /* Batch inversion of the 256 Z coordinates (none is 0: no point here is
     * the identity, the base point having prime order ℓ > 2^252). */
    fe_copy(prefix[0], pts[0][0].Z);
    for (n = 1; n < 256; n++) fe_mul(prefix[n], prefix[n - 1], pts[n / 8][n % 8].Z);
    fe_invert(inv, prefix[255]);
    for (n = 255; n >= 0; n--) {
        ge_p3 *p = &pts[n / 8][n % 8];
        ge_precomp *q = &base_rows[n / 8][n % 8];
        if (n > 0) {
            fe_mul(zi, inv, prefix[n - 1]);
            fe_mul(inv, inv, p->Z);
        } else {
            fe_copy(zi, inv);
        }
        fe_mul(x, p->X, zi);
        fe_mul(y, p->Y, zi);
        fe_add(q->yplusx, y, x);
        fe_sub(q->yminusx, y, x);
        fe_mul(q->xy2d, x, y);
        fe_mul(q->xy2d, q->xy2d, fe_d2);
    }
}

/* An all-ones mask when `flag` (0 or 1) is 1. The empty asm keeps the
 * compiler from turning the masked selection back into a branch. */
static inline uint64_t ct_mask(uint64_t flag)
{
    uint64_t m = 0 - flag;
#if defined(__GNUC__) || defined(__clang__)
    __asm__("" : "+r"(m));
#endif
    return m;
}

/* 1 when b == c (both in 0..8), without a branch. */
static inline uint64_t ct_eq(uint32_t b, uint32_t c) { return (uint64_t)(((b ^ c) - 1u) >> 31); }

/* t = e·T[row], e in [-8, 8], in constant time: every entry of the row is
 * read, the wanted one kept with a mask (OR of masked words, the identity
 * (1, 1, 0) when e = 0), then negated under a mask. */
static void select_entry(ge_precomp *t, int row, int8_t e)
{
    const uint32_t neg = (uint32_t)((uint8_t)e >> 7);
    const uint32_t babs = (((uint32_t)(int32_t)e ^ (0u - neg)) + neg) & 0xffu; /* |e| */
    const uint64_t *tab = &base_rows[row][0].yplusx[0];
    uint64_t acc[15] = { 0 }, m;
    fe negxy;
    int k, i;
    m = ct_mask(ct_eq(babs, 0));
    acc[0] = m & 1;
    acc[5] = m & 1;
    for (k = 0; k < 8; k++) {
        m = ct_mask(ct_eq(babs, (uint32_t)k + 1));
        for (i = 0; i < 15; i++) acc[i] |= m & tab[15 * k + i];
    }
    /* -P = (y - x, y + x, -2dxy): swap the first two under the mask */
    m = ct_mask(neg);
    for (i = 0; i < 5; i++) {
        const uint64_t d = m & (acc[i] ^ acc[5 + i]);
        t->yplusx[i] = acc[i] ^ d;
        t->yminusx[i] = acc[5 + i] ^ d;
    }
    fe_neg(negxy, &acc[10]);
    for (i = 0; i < 5; i++) t->xy2d[i] = acc[10 + i] ^ (m & (acc[10 + i] ^ negxy[i]));
}

/* h = s·B in constant time. */
static void base_mul(ge_p3 *h_out, const uint8_t s[32])
{
    int8_t e[64];
    int8_t carry = 0;
    ge_p3 h;
    ge_p1p1 r;
    ge_p2 q;
    ge_precomp t;
    int i;

    pthread_once(&rows_once, rows_init);

    for (i = 0; i < 32; i++) {
        e[2 * i] = (int8_t)(s[i] & 15);
        e[2 * i + 1] = (int8_t)((s[i] >> 4) & 15);
    }
    /* e_i in [-8, 8): each digit takes the carry of the one below
     * (e_i + 8 >= 8 > 0, so the shift is of a non-negative value) */
    for (i = 0; i < 63; i++) {
        e[i] = (int8_t)(e[i] + carry);
        carry = (int8_t)((e[i] + 8) >> 4);
        e[i] = (int8_t)(e[i] - (carry << 4));
    }
    e[63] = (int8_t)(e[63] + carry); /* below 8 as s < 2^255 */

    memset(&h, 0, sizeof h);
    h.Y[0] = 1;
    h.Z[0] = 1;
    for (i = 1; i < 64; i += 2) {
        select_entry(&t, i / 2, e[i]);
        ge_madd(&r, &h, &t);
        p1p1_to_p3(&h, &r);
    }
    p3_dbl(&r, &h);
    p1p1_to_p2(&q, &r);
    p2_dbl(&r, &q);
    p1p1_to_p2(&q, &r);
    p2_dbl(&r, &q);
    p1p1_to_p2(&q, &r);
    p2_dbl(&r, &q);
    p1p1_to_p3(&h, &r);
    for (i = 0; i < 64; i += 2) {
        select_entry(&t, i / 2, e[i]);
        ge_madd(&r, &h, &t);
        p1p1_to_p3(&h, &r);
    }

    *h_out = h;
    /* the digits and the intermediate points tell the (secret) scalar */
    sodium_memzero(e, sizeof e);
    sodium_memzero(&h, sizeof h);
    sodium_memzero(&r, sizeof r);
    sodium_memzero(&q, sizeof q);
    sodium_memzero(&t, sizeof t);
}

/* 1 when f == g (mod p), in constant time. */
static uint64_t fe_eq_ct(const fe f, const fe g)
{
    uint8_t a[32], b[32];
    uint32_t acc = 0;
    int i;
    fe_tobytes(a, f);
    fe_tobytes(b, g);
    for (i = 0; i < 32; i++) acc |= (uint32_t)(a[i] ^ b[i]);
    return (uint64_t)((acc - 1u) >> 31);
}

static inline void fe_cmov(fe f, const fe g, uint64_t flag)
{
    const uint64_t m = ct_mask(flag);
    int i;
    for (i = 0; i < 5; i++) f[i] ^= m & (f[i] ^ g[i]);
}

/* f = |f| (the non-negative one of ±f), in constant time. */
static void fe_abs_ct(fe f)
{
    fe n;
    fe_neg(n, f);
    fe_cmov(f, n, (uint64_t)fe_isnegative(f));
}

/* RFC 9496 SQRT_RATIO_M1(1, v) without branches: the non-negative
 * 1/sqrt(v) or sqrt(i/v) (which one does not matter to the encoder). */
static void invsqrt_ct(fe r, const fe v)
{
    fe v3, v7, check, neg_one, neg_i, r_i;
    uint64_t flipped, flipped_i;
    fe_sq(v3, v);
    fe_mul(v3, v3, v);  /* v^3 */
    fe_sq(v7, v3);
    fe_mul(v7, v7, v);  /* v^7 */
    fe_pow22523(r, v7); /* (u v^7)^((p-5)/8), u = 1 */
    fe_mul(r, r, v3);   /* u v^3 (...) */
    fe_sq(check, r);
    fe_mul(check, check, v);
    fe_neg(neg_one, fe_one);
    fe_copy(neg_i, fe_sqrtm1);
    fe_neg(neg_i, neg_i);
    flipped = fe_eq_ct(check, neg_one);
    flipped_i = fe_eq_ct(check, neg_i);
    fe_mul(r_i, r, fe_sqrtm1);
    fe_cmov(r, r_i, flipped | flipped_i);
    fe_abs_ct(r);
}

void wt_ge_scalarmult_base_ct(uint8_t out[32], const uint8_t s[32])
{
    ge_p3 h;
    fe zi, x, y;
    base_mul(&h, s);
    /* Encoding: y with the sign of x in bit 255 (fe_invert's chain and
     * fe_tobytes do not depend on the values). */
    fe_invert(zi, h.Z);
    fe_mul(x, h.X, zi);
    fe_mul(y, h.Y, zi);
    fe_tobytes(out, y);
    out[31] = (uint8_t)(out[31] | (fe_isnegative(x) << 7));
    sodium_memzero(&h, sizeof h);
    sodium_memzero(zi, sizeof zi);
    sodium_memzero(x, sizeof x);
}

void wt_ge_scalarmult_base_ristretto_ct(uint8_t out[32], const uint8_t s[32])
{
    ge_p3 h;
    fe u1, u2, t, invsqrt, den1, den2, z_inv, ix, iy, den_inv, x, y;
    uint64_t rotate;
    base_mul(&h, s);
    /* RFC 9496 §4.3.2 with masked selections (CT_SELECT, CT_NEG, CT_ABS) */
    fe_add(u1, h.Z, h.Y);
    fe_sub(t, h.Z, h.Y);
    fe_mul(u1, u1, t); /* (Z + Y)(Z - Y) */
    fe_mul(u2, h.X, h.Y);
    fe_sq(t, u2);
    fe_mul(t, t, u1);
    invsqrt_ct(invsqrt, t);
    fe_mul(den1, invsqrt, u1);
    fe_mul(den2, invsqrt, u2);
    fe_mul(z_inv, den1, den2);
    fe_mul(z_inv, z_inv, h.T);
    fe_mul(ix, h.X, fe_sqrtm1);
    fe_mul(iy, h.Y, fe_sqrtm1);
    fe_mul(den_inv, den1, fe_invsqrt_a_minus_d); /* the enchanted denominator */
    fe_mul(t, h.T, z_inv);
    rotate = (uint64_t)fe_isnegative(t);
    fe_copy(x, h.X);
    fe_copy(y, h.Y);
    fe_cmov(x, iy, rotate);
    fe_cmov(y, ix, rotate);
    fe_cmov(den2, den_inv, rotate);
    fe_mul(t, x, z_inv);
    {
        fe ny;
        fe_neg(ny, y);
        fe_cmov(y, ny, (uint64_t)fe_isnegative(t));
    }
    fe_sub(t, h.Z, y);
    fe_mul(t, den2, t);
    fe_abs_ct(t);
    fe_tobytes(out, t);
    sodium_memzero(&h, sizeof h);
    sodium_memzero(u1, sizeof u1);
    sodium_memzero(u2, sizeof u2);
    sodium_memzero(z_inv, sizeof z_inv);
    sodium_memzero(x, sizeof x);
    sodium_memzero(y, sizeof y);
}
