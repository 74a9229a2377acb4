/* Keccak-f[1600] and Keccak-256 (original Keccak padding, as Ethereum uses).
 *
 * Written from "The Keccak reference" v3.0 (Bertoni, Daemen, Peeters, Van
 * Assche), sections 1.2 (the step mappings theta, rho, pi, chi, iota) and
 * 1.3 / 5.1 (sponge, multi-rate padding), and FIPS 202 section 3 for the
 * lane layout: lane (x, y) is st[x + 5 y], bytes are little-endian in
 * each lane.
 *
 * The permutation keeps the 25 lanes in local variables and fully writes out
 * one round (theta, rho and pi merged, then chi and iota) so that a compiler
 * can keep everything in registers. */
#include "internal/common.h"
#include "internal/keccak.h"
#include "wetee/hash.h"

#define ROL64(v, n) (((v) << (n)) | ((v) >> (64 - (n))))

/* iota round constants RC[i] (Keccak reference, table 1.1). */
static const uint64_t keccak_rc[24] = {
    0x0000000000000001ull, 0x0000000000008082ull, 0x800000000000808Aull, 0x8000000080008000ull,
    0x000000000000808Bull, 0x0000000080000001ull, 0x8000000080008081ull, 0x8000000000008009ull,
    0x000000000000008Aull, 0x0000000000000088ull, 0x0000000080008009ull, 0x000000008000000Aull,
    0x000000008000808Bull, 0x800000000000008Bull, 0x8000000000008089ull, 0x8000000000008003ull,
    0x8000000000008002ull, 0x8000000000000080ull, 0x000000000000800Aull, 0x800000008000000Aull,
    0x8000000080008081ull, 0x8000000000008080ull, 0x0000000080000001ull, 0x8000000080008008ull,
};

void wt_keccakf1600(uint64_t st[25])
{
    /* aXY is lane (x = X, y = Y). */
    uint64_t a00 = st[0], a10 = st[1], a20 = st[2], a30 = st[3], a40 = st[4];
    uint64_t a01 = st[5], a11 = st[6], a21 = st[7], a31 = st[8], a41 = st[9];
    uint64_t a02 = st[10], a12 = st[11], a22 = st[12], a32 = st[13], a42 = st[14];
    uint64_t a03 = st[15], a13 = st[16], a23 = st[17], a33 = st[18], a43 = st[19];
    uint64_t a04 = st[20], a14 = st[21], a24 = st[22], a34 = st[23], a44 = st[24];
    uint64_t c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;
    uint64_t b00, b10, b20, b30, b40, b01, b11, b21, b31, b41, b02, b12, b22, b32, b42;
    uint64_t b03, b13, b23, b33, b43, b04, b14, b24, b34, b44;
    int round;

    for (round = 0; round < 24; round++) {
        /* theta: column parities and the mixing term of every column */
        c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04;
        c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14;
        c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24;
        c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34;
        c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44;
        d0 = c4 ^ ROL64(c1, 1);
        d1 = c0 ^ ROL64(c2, 1);
        d2 = c1 ^ ROL64(c3, 1);
        d3 = c2 ^ ROL64(c4, 1);
        d4 = c3 ^ ROL64(c0, 1);

        /* rho and pi: B[y, 2x + 3y] = ROT(A[x, y] ^ D[x], r[x, y]) */
        b00 = a00 ^ d0;
        b10 = ROL64(a11 ^ d1, 44);
        b20 = ROL64(a22 ^ d2, 43);
        b30 = ROL64(a33 ^ d3, 21);
        b40 = ROL64(a44 ^ d4, 14);
        b01 = ROL64(a30 ^ d3, 28);
        b11 = ROL64(a41 ^ d4, 20);
        b21 = ROL64(a02 ^ d0, 3);
        b31 = ROL64(a13 ^ d1, 45);
        b41 = ROL64(a24 ^ d2, 61);
        b02 = ROL64(a10 ^ d1, 1);
        b12 = ROL64(a21 ^ d2, 6);
        b22 = ROL64(a32 ^ d3, 25);
        b32 = ROL64(a43 ^ d4, 8);
        b42 = ROL64(a04 ^ d0, 18);
        b03 = ROL64(a40 ^ d4, 27);
        b13 = ROL64(a01 ^ d0, 36);
        b23 = ROL64(a12 ^ d1, 10);
        b33 = ROL64(a23 ^ d2, 15);
        b43 = ROL64(a34 ^ d3, 56);
        b04 = ROL64(a20 ^ d2, 62);
        b14 = ROL64(a31 ^ d3, 55);
        b24 = ROL64(a42 ^ d4, 39);
        b34 = ROL64(a03 ^ d0, 41);
        b44 = ROL64(a14 ^ d1, 2);

        /* chi, row by row; then iota */
        a00 = b00 ^ (~b10 & b20);
        a10 = b10 ^ (~b20 & b30);
        a20 = b20 ^ (~b30 & b40);
        a30 = b30 ^ (~b40 & b00);
        a40 = b40 ^ (~b00 & b10);
        a01 = b01 ^ (~b11 & b21);
        a11 = b11 ^ (~b21 & b31);
        a21 = b21 ^ (~b31 & b41);
        a31 = b31 ^ (~b41 & b01);
        a41 = b41 ^ (~b01 & b11);
        a02 = b02 ^ (~b12 & b22);
        a12 = b12 ^ (~b22 & b32);
        a22 = b22 ^ (~b32 & b42);
        a32 = b32 ^ (~b42 & b02);
        a42 = b42 ^ (~b02 & b12);
        a03 = b03 ^ (~b13 & b23);
        a13 = b13 ^ (~b23 & b33);
        a23 = b23 ^ (~b33 & b43);
        a33 = b33 ^ (~b43 & b03);
        a43 = b43 ^ (~b03 & b13);
        a04 = b04 ^ (~b14 & b24);
        a14 = b14 ^ (~b24 & b34);
        a24 = b24 ^ (~b34 & b44);
        a34 = b34 ^ (~b44 & b04);
        a44 = b44 ^ (~b04 & b14);
        a00 ^= keccak_rc[round];
    }

    st[0] = a00; st[1] = a10; st[2] = a20; st[3] = a30; st[4] = a40;
    st[5] = a01; st[6] = a11; st[7] = a21; st[8] = a31; st[9] = a41;
    st[10] = a02; st[11] = a12; st[12] = a22; st[13] = a32; st[14] = a42;
    st[15] = a03; st[16] = a13; st[17] = a23; st[18] = a33; st[19] = a43;
    st[20] = a04; st[21] = a14; st[22] = a24; st[23] = a34; st[24] = a44;
}

void wt_keccakf1600_bytes(uint8_t st[200])
{
    uint64_t lanes[25];
    int i;
    for (i = 0; i < 25; i++) lanes[i] = wt_load_le64(st + 8 * i);
    wt_keccakf1600(lanes);
    for (i = 0; i < 25; i++) wt_store_le64(st + 8 * i, lanes[i]);
}

/* Sponge with a byte-aligned rate (a multiple of 8 bytes, at most 200),
 * one domain/padding byte `pad` (0x01 for Keccak, 0x06 for SHA-3) and the
 * final 0x80, squeezing `out_len` <= rate bytes. */
static void keccak_sponge(uint8_t *out, size_t out_len, size_t rate, uint8_t pad, const uint8_t *data,
                          size_t len)
{
    uint64_t st[25] = { 0 };
    uint8_t block[200];
    size_t i, lanes = rate / 8;

    while (len >= rate) {
        for (i = 0; i < lanes; i++) st[i] ^= wt_load_le64(data + 8 * i);
        wt_keccakf1600(st);
        data += rate;
        len -= rate;
    }
    /* Last (possibly empty) partial block with the multi-rate padding
     * pad || 0* || 0x80; both land in the same byte when len == rate - 1. */
    memset(block, 0, rate);
    if (len) memcpy(block, data, len);
    block[len] ^= pad;
    block[rate - 1] ^= 0x80;
    for (i = 0; i < lanes; i++) st[i] ^= wt_load_le64(block + 8 * i);
    wt_keccakf1600(st);

    for (i = 0; i + 8 <= out_len; i += 8) wt_store_le64(out + i, st[i / 8]);
    if (i < out_len) {
        uint8_t tmp[8];
        wt_store_le64(tmp, st[i / 8]);
        memcpy(out + i, tmp, out_len - i);
    }
    wetee_wipe(st, sizeof st);
    wetee_wipe(block, sizeof block);
}

int wetee_hash_keccak256(uint8_t out[32], const uint8_t *data, size_t len)
{
    WT_ARG(out != NULL, "hash", "out is NULL");
    WT_ARG_DATA(data, len, "hash");
    keccak_sponge(out, WETEE_KECCAK256_BYTES, 136, 0x01, data, len);
    return WETEE_OK;
}

size_t wetee_keccak256_bytes(void) { return WETEE_KECCAK256_BYTES; }
