/* TON cells, BOC, addresses, amounts: known answers from ../shared/reference/ton.md
 * (ton-core serialization.spec.ts, Address.spec.ts) and negative tests. */
#include <stdio.h>

#include "wt_test.h"

void test_normalized_hash(void);
void test_state_init_public_key(void);
void test_ton_proof_vector(void);
void test_ton_proof_own(void);

static wetee_ton_cell *cell_uint(uint64_t v, unsigned bits, wetee_ton_cell *ref1, wetee_ton_cell *ref2)
{
    wetee_ton_builder *b;
    wetee_ton_cell *c = NULL;
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_uint(b, v, bits));
    if (ref1) CHECK_OK(wetee_ton_builder_store_ref(b, ref1));
    if (ref2) CHECK_OK(wetee_ton_builder_store_ref(b, ref2));
    CHECK_OK(wetee_ton_builder_end(&c, b));
    wetee_ton_builder_free(b);
    return c;
}

static void check_boc_b64(const wetee_ton_cell *c, unsigned flags, const char *b64)
{
    wetee_buf boc = WETEE_BUF_INIT, txt = WETEE_BUF_INIT;
    wetee_ton_cell *back = NULL;
    CHECK_OK(wetee_ton_boc_serialize(&boc, c, flags));
    CHECK_OK(wetee_base64_encode(&txt, boc.data, boc.len, 0));
    CHECK_STR((const char *)txt.data, b64);
    CHECK_OK(wetee_ton_boc_parse_base64(&back, b64, strlen(b64)));
    CHECK(wetee_ton_cell_equal(back, c));
    wetee_ton_cell_free(back);
    wetee_buf_free(&boc);
    wetee_buf_free(&txt);
}

static void check_hash_b64(const wetee_ton_cell *c, const char *b64)
{
    uint8_t h[32];
    wetee_buf txt = WETEE_BUF_INIT;
    CHECK_OK(wetee_ton_cell_hash(h, c));
    CHECK_OK(wetee_base64_encode(&txt, h, 32, 0));
    CHECK_STR((const char *)txt.data, b64);
    wetee_buf_free(&txt);
}

WT_TEST(test_boc_vectors)
{
    wetee_ton_builder *b;
    wetee_ton_cell *empty, *c32, *c34, *child, *parent;
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_end(&empty, b));
    wetee_ton_builder_free(b);
    check_hash_b64(empty, "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=");
    check_boc_b64(empty, 0, "te6ccgEBAQEAAgAAAA==");
    check_boc_b64(empty, WETEE_TON_BOC_CRC32C, "te6cckEBAQEAAgAAAEysuc0=");
    check_boc_b64(empty, WETEE_TON_BOC_INDEX, "te6ccoEBAQEAAgACAAA=");
    check_boc_b64(empty, WETEE_TON_BOC_INDEX | WETEE_TON_BOC_CRC32C, "te6ccsEBAQEAAgACAAC4Afhr");

    c32 = cell_uint(123456789, 32, NULL, NULL);
    check_hash_b64(c32, "keNT38owvINaYYHwYjE1R8HYk0c1NSMH72u+/aMJ+1c=");
    check_boc_b64(c32, 0, "te6ccgEBAQEABgAACAdbzRU=");
    check_boc_b64(c32, WETEE_TON_BOC_CRC32C, "te6cckEBAQEABgAACAdbzRVRblCS");
    check_boc_b64(c32, WETEE_TON_BOC_INDEX, "te6ccoEBAQEABgAGAAgHW80V");
    check_boc_b64(c32, 3, "te6ccsEBAQEABgAGAAgHW80ViGH1dQ==");

    c34 = cell_uint(123456789, 34, NULL, NULL);
    check_hash_b64(c34, "Rk+nt8kkAyN9S1v4H0zwFbGs2INwpMHvESvPQbrI6d0=");
    check_boc_b64(c34, 0, "te6ccgEBAQEABwAACQHW80Vg");
    check_boc_b64(c34, WETEE_TON_BOC_CRC32C, "te6cckEBAQEABwAACQHW80Vgb11ZoQ==");
    check_boc_b64(c34, WETEE_TON_BOC_INDEX, "te6ccoEBAQEABwAHAAkB1vNFYA==");
    check_boc_b64(c34, 3, "te6ccsEBAQEABwAHAAkB1vNFYM0Si3w=");

    child = cell_uint(123456789, 32, NULL, NULL);
    parent = cell_uint(987654321, 32, child, NULL);
    check_hash_b64(parent, "goaQYcsXO2c/gd3qvMo3ncEjzpbU7urNQ7hPDo0qC1c=");
    check_boc_b64(parent, 0, "te6ccgEBAgEADQABCDreaLEBAAgHW80V");
    check_boc_b64(parent, WETEE_TON_BOC_CRC32C, "te6cckEBAgEADQABCDreaLEBAAgHW80VSW/75w==");
    check_boc_b64(parent, WETEE_TON_BOC_INDEX, "te6ccoEBAgEADQAHDQEIOt5osQEACAdbzRU=");
    check_boc_b64(parent, 3, "te6ccsEBAgEADQAHDQEIOt5osQEACAdbzRUxP4cd");
    CHECK(wetee_ton_cell_depth(parent) == 1 && wetee_ton_cell_depth(child) == 0);

    wetee_ton_cell_free(empty);
    wetee_ton_cell_free(c32);
    wetee_ton_cell_free(c34);
    wetee_ton_cell_free(child);
    wetee_ton_cell_free(parent);
}

WT_TEST(test_boc_more_vectors)
{
    uint8_t bin[64];
    size_t n;
    wetee_ton_cell *a = cell_uint(0x539, 32, NULL, NULL), *b2 = cell_uint(0x53a, 32, NULL, NULL);
    wetee_ton_cell *root = cell_uint(0xe4, 32, a, b2), *p = NULL, *r = NULL;
    wetee_buf boc = WETEE_BUF_INIT, s = WETEE_BUF_INIT;
    uint64_t v;
    wetee_ton_slice *sl;
    CHECK_OK(wetee_ton_boc_serialize(&boc, root, WETEE_TON_BOC_INDEX));
    CHECK_HEX(boc.data, boc.len, "b5ee9c7281010301001400080e140208000000e4010200080000053900080000053a");
    n = wt_unhex(bin, sizeof bin, "b5ee9c7241010201000d00010800000001010008000000027d4b3cf8");
    CHECK_OK(wetee_ton_boc_parse(&p, bin, n, NULL));
    CHECK_OK(wetee_ton_cell_to_string(&s, p));
    CHECK_STR((const char *)s.data, "x{00000001}\n x{00000002}");
    CHECK_OK(wetee_ton_slice_new(&sl, p));
    CHECK_OK(wetee_ton_slice_load_uint(&v, sl, 32));
    CHECK(v == 1);
    CHECK_OK(wetee_ton_slice_load_ref(&r, sl));
    CHECK_OK(wetee_ton_slice_end(sl));
    CHECK(wetee_ton_cell_bits(r) == 32);
    wetee_ton_slice_free(sl);
    wetee_ton_cell_free(r);
    wetee_ton_cell_free(p);
    wetee_ton_cell_free(root);
    wetee_ton_cell_free(a);
    wetee_ton_cell_free(b2);
    wetee_buf_free(&boc);
    wetee_buf_free(&s);
}

WT_TEST(test_library_cell)
{
    const char *b64 = "te6ccgEBAgEALQABDv8AiNDtHtgBCEICGbgzd5nhZ9WhSM+4juFCvgMYJOtxthFdtTKIH6M/6SM=";
    wetee_ton_cell *root = NULL, *lib = NULL;
    uint8_t h[32];
    wetee_buf boc = WETEE_BUF_INIT, txt = WETEE_BUF_INIT;
    CHECK_OK(wetee_ton_boc_parse_base64(&root, b64, strlen(b64)));
    CHECK_OK(wetee_ton_cell_ref(&lib, root, 0));
    CHECK(wetee_ton_cell_type_of(lib) == WETEE_TON_CELL_LIBRARY);
    CHECK(wetee_ton_cell_type_of(root) == WETEE_TON_CELL_ORDINARY);
    CHECK_OK(wetee_ton_cell_hash(h, lib));
    CHECK_HEX(h, 32, "63c5685547ded6f89b6394840d174b4b70629721e87c819700a95635687924a1");
    CHECK_OK(wetee_ton_cell_hash(h, root));
    CHECK_HEX(h, 32, "bf006bfec496a04f1164b1c3cd29fe4827f1eb1c17a0330375e79201e8f66e62");
    CHECK_OK(wetee_ton_boc_serialize(&boc, root, 0));
    CHECK_OK(wetee_base64_encode(&txt, boc.data, boc.len, 0));
    CHECK_STR((const char *)txt.data, b64);
    wetee_ton_cell_free(lib);
    wetee_ton_cell_free(root);
    wetee_buf_free(&boc);
    wetee_buf_free(&txt);
}

/* A Merkle proof over a pruned branch: levels, hashes at each level, and
 * the layout checks of exotic cells. */
WT_TEST(test_exotic_levels)
{
    wetee_ton_cell *leaf = cell_uint(0xabcdef, 24, NULL, NULL), *pruned = NULL, *mid = NULL, *proof = NULL, *bad = NULL;
    wetee_ton_builder *b;
    uint8_t h[32], h0[32], h1[32];
    unsigned d = wetee_ton_cell_depth(leaf);
    /* pruned branch of `leaf` at level 1 */
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_uint(b, 1, 8));
    CHECK_OK(wetee_ton_builder_store_uint(b, 1, 8));
    CHECK_OK(wetee_ton_cell_hash(h, leaf));
    CHECK_OK(wetee_ton_builder_store_bytes(b, h, 32));
    CHECK_OK(wetee_ton_builder_store_uint(b, d, 16));
    CHECK_OK(wetee_ton_builder_end_exotic(&pruned, b));
    wetee_ton_builder_free(b);
    CHECK(wetee_ton_cell_type_of(pruned) == WETEE_TON_CELL_PRUNED_BRANCH);
    CHECK(wetee_ton_cell_level(pruned) == 1);
    CHECK_OK(wetee_ton_cell_hash_at(h0, pruned, 0));
    CHECK(memcmp(h0, h, 32) == 0); /* level 0 hash of a pruned branch is the pruned cell's */
    /* an ordinary cell over it inherits level 1 */
    mid = cell_uint(7, 8, pruned, NULL);
    CHECK(wetee_ton_cell_level_mask(mid) == 1);
    CHECK_OK(wetee_ton_cell_hash_at(h0, mid, 0));
    CHECK_OK(wetee_ton_cell_hash_at(h1, mid, 1));
    CHECK(memcmp(h0, h1, 32) != 0);
    {
        /* level 0 hash of `mid` equals the hash of the unpruned tree */
        wetee_ton_cell *full = cell_uint(7, 8, leaf, NULL);
        CHECK_OK(wetee_ton_cell_hash(h, full));
        CHECK(memcmp(h, h0, 32) == 0);
        wetee_ton_cell_free(full);
    }
    /* Merkle proof of mid: level mask 0 */
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_uint(b, 3, 8));
    CHECK_OK(wetee_ton_builder_store_bytes(b, h0, 32));
    CHECK_OK(wetee_ton_builder_store_uint(b, wetee_ton_cell_depth_at(mid, 0), 16));
    CHECK_OK(wetee_ton_builder_store_ref(b, mid));
    CHECK_OK(wetee_ton_builder_end_exotic(&proof, b));
    CHECK(wetee_ton_cell_level_mask(proof) == 0);
    /* a round trip through a BOC keeps all of it */
    {
        wetee_buf boc = WETEE_BUF_INIT;
        wetee_ton_cell *back = NULL;
        CHECK_OK(wetee_ton_boc_serialize(&boc, proof, WETEE_TON_BOC_CRC32C));
        CHECK_OK(wetee_ton_boc_parse(&back, boc.data, boc.len, NULL));
        CHECK(wetee_ton_cell_equal(back, proof));
        wetee_ton_cell_free(back);
        wetee_buf_free(&boc);
    }
    /* wrong hash in the proof */
    wetee_ton_builder_free(b);
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_uint(b, 3, 8));
    CHECK_OK(wetee_ton_builder_store_bytes(b, h1, 32));
    CHECK_OK(wetee_ton_builder_store_uint(b, wetee_ton_cell_depth_at(mid, 0), 16));
    CHECK_OK(wetee_ton_builder_store_ref(b, mid));
    CHECK_ERR(wetee_ton_builder_end_exotic(&bad, b), WETEE_ERR_DECODE);
    CHECK(strstr(wetee_last_error(), "Merkle proof hash") != NULL);
    wetee_ton_builder_free(b);
    /* unknown type, short library */
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_uint(b, 9, 8));
    CHECK_ERR(wetee_ton_builder_end_exotic(&bad, b), WETEE_ERR_DECODE);
    wetee_ton_builder_free(b);
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_uint(b, 2, 8));
    CHECK_ERR(wetee_ton_builder_end_exotic(&bad, b), WETEE_ERR_DECODE);
    wetee_ton_builder_free(b);
    CHECK(bad == NULL);
    wetee_ton_cell_free(proof);
    wetee_ton_cell_free(mid);
    wetee_ton_cell_free(pruned);
    wetee_ton_cell_free(leaf);
}

static int parse_hex(const char *hex, wetee_ton_cell **out)
{
    uint8_t bin[512];
    size_t n = wt_unhex(bin, sizeof bin, hex);
    return wetee_ton_boc_parse(out, bin, n, NULL);
}

WT_TEST(test_boc_negative)
{
    wetee_ton_cell *c = NULL;
    /* good: 2 cells, root refs cell 1 */
    CHECK_OK(parse_hex("b5ee9c7241010201000d00010800000001010008000000027d4b3cf8", &c));
    wetee_ton_cell_free(c);
    c = NULL;
    /* wrong CRC */
    CHECK_ERR(parse_hex("b5ee9c7241010201000d00010800000001010008000000027d4b3cf9", &c), WETEE_ERR_CHECKSUM);
    /* bad magic */
    CHECK_ERR(parse_hex("b5ee9c7301010201000d0001080000000101000800000002", &c), WETEE_ERR_DECODE);
    /* truncated */
    CHECK_ERR(parse_hex("b5ee9c7201010201000d00010800000001010008000000", &c), WETEE_ERR_TRUNCATED);
    CHECK_ERR(parse_hex("b5ee9c", &c), WETEE_ERR_TRUNCATED);
    CHECK_ERR(parse_hex("", &c), WETEE_ERR_TRUNCATED);
    /* trailing byte */
    CHECK_ERR(parse_hex("b5ee9c7201010201000d000108000000010100080000000200", &c), WETEE_ERR_DECODE);
    /* reference out of bounds (to cell 2 of 2) */
    CHECK_ERR(parse_hex("b5ee9c7201010201000d0001080000000102000800000002", &c), WETEE_ERR_DECODE);
    CHECK(strstr(wetee_last_error(), "refers to cell #2 of 2") != NULL);
    /* an error inside a cell names the cell and its offset: an exotic cell
     * (d1 = 0x08) without its type byte, cell #0 at offset 11 */
    CHECK_ERR(parse_hex("b5ee9c72010101010002000800", &c), WETEE_ERR_DECODE);
    CHECK(strstr(wetee_last_error(), "ton: boc at offset 11: cell #0: exotic cell without a type byte") != NULL);
    /* self reference (a cycle) */
    CHECK_ERR(parse_hex("b5ee9c7201010201000d0001080000000100000800000002", &c), WETEE_ERR_DECODE);
    CHECK(strstr(wetee_last_error(), "not to a later cell") != NULL);
    /* cycle through two cells: cell 1 refers back to cell 0 */
    CHECK_ERR(parse_hex("b5ee9c7201010201000e00010800000001010108000000020000", &c), WETEE_ERR_DECODE);
    /* absurd sizes: 2^32-1 cells with 4-byte references */
    CHECK_ERR(parse_hex("b5ee9c720401ffffffff00000001000000000d00", &c), WETEE_ERR_OVERFLOW);
    /* reference size 0 and 5, offset size 0 and 9 */
    CHECK_ERR(parse_hex("b5ee9c7200010101000200", &c), WETEE_ERR_DECODE);
    CHECK_ERR(parse_hex("b5ee9c7205010101000200", &c), WETEE_ERR_DECODE);
    CHECK_ERR(parse_hex("b5ee9c7201000101000200", &c), WETEE_ERR_DECODE);
    CHECK_ERR(parse_hex("b5ee9c7201090101000200", &c), WETEE_ERR_DECODE);
    /* cache bits without index, reserved flags */
    CHECK_ERR(parse_hex("b5ee9c7221010101000200000000", &c), WETEE_ERR_DECODE);
    CHECK_ERR(parse_hex("b5ee9c7209010101000200000000", &c), WETEE_ERR_DECODE);
    /* zero roots, two roots for one cell, root index out of range, absent cells */
    CHECK_ERR(parse_hex("b5ee9c72010101000000020000", &c), WETEE_ERR_DECODE);
    CHECK_ERR(parse_hex("b5ee9c7201010102000200000000", &c), WETEE_ERR_DECODE);
    CHECK_ERR(parse_hex("b5ee9c72010101010002010000", &c), WETEE_ERR_DECODE);
    CHECK_ERR(parse_hex("b5ee9c72010101010102000000", &c), WETEE_ERR_DECODE);
    /* padded data without a completion tag: d2 = 1, data byte 00 */
    CHECK_ERR(parse_hex("b5ee9c7201010101000300000100", &c), WETEE_ERR_DECODE);
    CHECK(strstr(wetee_last_error(), "completion tag") != NULL);
    /* more than 4 references, absent-cell marker */
    CHECK_ERR(parse_hex("b5ee9c72010101010002000500", &c), WETEE_ERR_DECODE);
    CHECK_ERR(parse_hex("b5ee9c72010101010002000700", &c), WETEE_ERR_DECODE);
    /* declared level mask that does not match */
    CHECK_ERR(parse_hex("b5ee9c72010101010002002000", &c), WETEE_ERR_DECODE);
    /* index entry that does not match the cell end */
    CHECK_ERR(parse_hex("b5ee9c72810101010002000300" "00", &c), WETEE_ERR_DECODE);
    /* exotic library cell too short */
    CHECK_ERR(parse_hex("b5ee9c720101010100030008020" "2", &c), WETEE_ERR_DECODE);
    CHECK(c == NULL);
}

WT_TEST(test_boc_limits)
{
    /* a chain of 1025 cells is deeper than TON allows; 1024 is fine */
    wetee_ton_cell *c = cell_uint(1, 1, NULL, NULL), *n;
    wetee_ton_builder *b;
    wetee_buf boc = WETEE_BUF_INIT;
    wetee_ton_boc_options o = WETEE_TON_BOC_OPTIONS_INIT;
    wetee_ton_cell *p = NULL;
    for (int i = 0; i < 1024; i++) {
        n = cell_uint(0, 1, c, NULL);
        wetee_ton_cell_free(c);
        c = n;
    }
    CHECK(wetee_ton_cell_depth(c) == 1024);
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_ref(b, c));
    CHECK_ERR(wetee_ton_builder_end(&n, b), WETEE_ERR_DEPTH);
    wetee_ton_builder_free(b);
    CHECK_OK(wetee_ton_boc_serialize(&boc, c, 0));
    CHECK_OK(wetee_ton_boc_parse(&p, boc.data, boc.len, NULL));
    CHECK(wetee_ton_cell_equal(p, c));
    wetee_ton_cell_free(p);
    o.max_depth = 100;
    CHECK_ERR(wetee_ton_boc_parse(&p, boc.data, boc.len, &o), WETEE_ERR_DEPTH);
    o.max_depth = 0;
    o.max_cells = 1000;
    CHECK_ERR(wetee_ton_boc_parse(&p, boc.data, boc.len, &o), WETEE_ERR_OVERFLOW);
    wetee_ton_cell_free(c);
    wetee_buf_free(&boc);
}

WT_TEST(test_dedup_and_multi_root)
{
    /* equal subtrees are written once */
    wetee_ton_cell *x1 = cell_uint(5, 8, NULL, NULL), *x2 = cell_uint(5, 8, NULL, NULL);
    wetee_ton_cell *root = cell_uint(1, 8, x1, x2), *roots[3];
    wetee_buf boc = WETEE_BUF_INIT;
    size_t n;
    uint8_t mr[64];
    uint64_t v;
    wetee_ton_slice *sl;
    CHECK_OK(wetee_ton_boc_serialize(&boc, root, 0));
    CHECK(boc.data[6] == 2); /* two cells */
    /* a BOC with two roots (cells 0 and 1) */
    n = wt_unhex(mr, sizeof mr, "b5ee9c720101020200" "0c" "0001" "000800000001" "000800000002");
    {
        size_t count = 0;
        CHECK_OK(wetee_ton_boc_parse_roots(roots, 3, &count, mr, n, NULL));
        CHECK(count == 2 && roots[2] == NULL);
        CHECK_OK(wetee_ton_slice_new(&sl, roots[1]));
        CHECK_OK(wetee_ton_slice_load_uint(&v, sl, 32));
        CHECK(v == 2);
        wetee_ton_slice_free(sl);
        wetee_ton_cell_free(roots[0]);
        wetee_ton_cell_free(roots[1]);
        CHECK_ERR(wetee_ton_boc_parse_roots(roots, 1, &count, mr, n, NULL), WETEE_ERR_OVERFLOW);
        CHECK_ERR(wetee_ton_boc_parse(&roots[0], mr, n, NULL), WETEE_ERR_OVERFLOW);
    }
    wetee_ton_cell_free(root);
    wetee_ton_cell_free(x1);
    wetee_ton_cell_free(x2);
    wetee_buf_free(&boc);
}

WT_TEST(test_builder_slice)
{
    wetee_ton_builder *b;
    wetee_ton_cell *c = NULL, *r = NULL;
    wetee_ton_slice *s;
    wetee_u128 coins = { 1500000000u, 0 }, back;
    uint64_t u;
    int64_t i;
    int bit;
    uint8_t text[300];
    wetee_buf out = WETEE_BUF_INIT;
    for (size_t k = 0; k < sizeof text; k++) text[k] = (uint8_t)('a' + k % 26);
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_bit(b, 1));
    CHECK_OK(wetee_ton_builder_store_int(b, -5, 7));
    CHECK_ERR(wetee_ton_builder_store_int(b, 64, 7), WETEE_ERR_OVERFLOW);
    CHECK_ERR(wetee_ton_builder_store_uint(b, 256, 8), WETEE_ERR_OVERFLOW);
    CHECK_OK(wetee_ton_builder_store_coins(b, coins));
    CHECK_OK(wetee_ton_builder_store_coins(b, wetee_u128_from_u64(0)));
    {
        wetee_u128 big = { UINT64_MAX, UINT64_C(0xffffffffffffff) }; /* 2^120-1 */
        wetee_u128 too = { 0, UINT64_C(0x100000000000000) };
        CHECK_ERR(wetee_ton_builder_store_coins(b, too), WETEE_ERR_OVERFLOW);
        CHECK_OK(wetee_ton_builder_store_coins(b, big));
    }
    CHECK_OK(wetee_ton_builder_store_snake(b, text, sizeof text));
    CHECK_OK(wetee_ton_builder_end(&c, b));
    wetee_ton_builder_free(b);
    /* coins 1.5e9 = 0x59682F00: 4 bytes */
    CHECK_OK(wetee_ton_slice_new(&s, c));
    CHECK_OK(wetee_ton_slice_load_bit(&bit, s));
    CHECK(bit == 1);
    CHECK_OK(wetee_ton_slice_load_int(&i, s, 7));
    CHECK(i == -5);
    CHECK_OK(wetee_ton_slice_load_coins(&back, s));
    CHECK(back.lo == 1500000000u && back.hi == 0);
    CHECK_OK(wetee_ton_slice_load_coins(&back, s));
    CHECK(back.lo == 0 && back.hi == 0);
    CHECK_OK(wetee_ton_slice_load_coins(&back, s));
    CHECK(back.lo == UINT64_MAX && back.hi == UINT64_C(0xffffffffffffff));
    CHECK_OK(wetee_ton_slice_load_snake(&out, s));
    CHECK(out.len == sizeof text && memcmp(out.data, text, sizeof text) == 0);
    CHECK_OK(wetee_ton_slice_end(s));
    CHECK_ERR(wetee_ton_slice_load_uint(&u, s, 1), WETEE_ERR_TRUNCATED);
    CHECK(strstr(wetee_last_error(), "slice at bit") != NULL);
    CHECK_ERR(wetee_ton_slice_load_ref(&r, s), WETEE_ERR_TRUNCATED);
    wetee_ton_slice_free(s);
    wetee_ton_cell_free(c);
    wetee_buf_free(&out);
}

WT_TEST(test_address_vectors)
{
    static const struct { unsigned flags; const char *text; } v[] = {
        { 1, "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB" },
        { 5, "EQAs9VlT6S776tq3unJcP5Ogsj+ELLunLXuOb1EKcOQi4wJB" },
        { 3, "kQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi47nL" },
        { 7, "kQAs9VlT6S776tq3unJcP5Ogsj+ELLunLXuOb1EKcOQi47nL" },
        { 0, "UQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi41-E" },
        { 4, "UQAs9VlT6S776tq3unJcP5Ogsj+ELLunLXuOb1EKcOQi41+E" },
        { 2, "0QAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4-QO" },
        { 6, "0QAs9VlT6S776tq3unJcP5Ogsj+ELLunLXuOb1EKcOQi4+QO" },
    };
    const char *raw = "0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3";
    wetee_ton_address a, p;
    char buf[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    unsigned flags;
    CHECK_OK(wetee_ton_address_parse(&a, &flags, raw, strlen(raw)));
    CHECK(a.workchain == 0);
    CHECK_OK(wetee_ton_address_to_raw(buf, sizeof buf, &a));
    CHECK_STR(buf, raw);
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
        CHECK_OK(wetee_ton_address_to_friendly(buf, sizeof buf, &a, v[k].flags));
        CHECK_STR(buf, v[k].text);
        CHECK_OK(wetee_ton_address_parse(&p, &flags, v[k].text, 48));
        CHECK(flags == v[k].flags);
        CHECK(p.workchain == 0 && memcmp(p.hash, a.hash, 32) == 0);
    }
    {
        const char *mc = "-1:3333333333333333333333333333333333333333333333333333333333333333";
        CHECK_OK(wetee_ton_address_parse(&p, NULL, mc, strlen(mc)));
        CHECK(p.workchain == -1);
        CHECK_OK(wetee_ton_address_to_raw(buf, sizeof buf, &p));
        CHECK_STR(buf, mc);
        CHECK_OK(wetee_ton_address_to_friendly(buf, sizeof buf, &p, 1));
        CHECK_OK(wetee_ton_address_parse(&a, NULL, buf, 48));
        CHECK(a.workchain == -1);
    }
}

WT_TEST(test_address_negative)
{
    wetee_ton_address a;
    char bad[49];
    const char *good = "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB";
    memcpy(bad, good, 49);
    bad[47] = 'C'; /* checksum */
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, bad, 48), WETEE_ERR_CHECKSUM);
    CHECK(strstr(wetee_last_error(), "checksum") != NULL);
    memcpy(bad, good, 49);
    bad[10] = 'A';
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, bad, 48), WETEE_ERR_CHECKSUM);
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, good, 47), WETEE_ERR_DECODE);
    memcpy(bad, good, 49);
    bad[5] = '!';
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, bad, 48), WETEE_ERR_DECODE);
    /* mixed alphabets */
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4+QO", 48), WETEE_ERR_DECODE);
    /* raw: bad hex, short, bad workchain, -0, leading zero, int32 overflow */
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, "0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422eg", 66), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, "0:2cf5", 6), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, "x:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3", 66), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, "-0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3", 67), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, "00:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3", 67), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, "2147483648:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3", 75), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_address_parse(&a, NULL, ":2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3", 65), WETEE_ERR_DECODE);
    /* workchain outside int8 cannot be user-friendly */
    CHECK_OK(wetee_ton_address_parse(&a, NULL, "-2147483648:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3", 76));
    CHECK(a.workchain == INT32_MIN);
    CHECK_ERR(wetee_ton_address_to_friendly(bad, sizeof bad, &a, 0), WETEE_ERR_OVERFLOW);
}

WT_TEST(test_address_cell_and_state_init)
{
    wetee_ton_address a, back;
    wetee_ton_builder *b;
    wetee_ton_cell *c = NULL, *code, *data;
    wetee_ton_slice *s;
    int none;
    CHECK_OK(wetee_ton_address_parse(&a, NULL, "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB", 48));
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_address(b, &a));
    CHECK_OK(wetee_ton_builder_store_address(b, NULL));
    CHECK(wetee_ton_builder_bits(b) == 269);
    CHECK_OK(wetee_ton_builder_end(&c, b));
    wetee_ton_builder_free(b);
    CHECK_OK(wetee_ton_slice_new(&s, c));
    CHECK_OK(wetee_ton_slice_load_address(&back, &none, s));
    CHECK(none == 0 && memcmp(back.hash, a.hash, 32) == 0 && back.workchain == 0);
    CHECK_ERR(wetee_ton_slice_load_address(&back, NULL, s), WETEE_ERR_DECODE);
    CHECK_OK(wetee_ton_slice_load_address(&back, &none, s));
    CHECK(none == 1);
    wetee_ton_slice_free(s);
    wetee_ton_cell_free(c);
    /* state init of (x{01}, x{02}) and its address hash */
    code = cell_uint(1, 8, NULL, NULL);
    data = cell_uint(2, 8, NULL, NULL);
    CHECK_OK(wetee_ton_address_from_state_init(&a, 0, code, data));
    CHECK_OK(wetee_ton_state_init(&c, code, data));
    {
        uint8_t h[32];
        wetee_buf str = WETEE_BUF_INIT;
        CHECK_OK(wetee_ton_cell_hash(h, c));
        CHECK(memcmp(h, a.hash, 32) == 0);
        CHECK_OK(wetee_ton_cell_to_string(&str, c));
        CHECK_STR((const char *)str.data, "x{34_}\n x{01}\n x{02}");
        wetee_buf_free(&str);
    }
    wetee_ton_cell_free(c);
    wetee_ton_cell_free(code);
    wetee_ton_cell_free(data);
}

WT_TEST(test_amounts)
{
    char buf[WETEE_TON_AMOUNT_BUFSIZE];
    wetee_u128 v;
    CHECK_OK(wetee_ton_amount_format(buf, sizeof buf, wetee_u128_from_u64(1500000000), NULL));
    CHECK_STR(buf, "1.5 GRAM");
    CHECK_OK(wetee_ton_amount_format(buf, sizeof buf, wetee_u128_from_u64(1), "TON"));
    CHECK_STR(buf, "0.000000001 TON");
    CHECK_OK(wetee_ton_amount_format(buf, sizeof buf, wetee_u128_from_u64(0), ""));
    CHECK_STR(buf, "0");
    CHECK_ERR(wetee_ton_amount_format(buf, 5, wetee_u128_from_u64(1500000000), NULL), WETEE_ERR_OVERFLOW);
    CHECK_OK(wetee_ton_amount_parse(&v, "1.5 GRAM", 8));
    CHECK(v.lo == 1500000000u);
    CHECK_OK(wetee_ton_amount_parse(&v, "2ton", 4));
    CHECK(v.lo == 2000000000u);
    CHECK_OK(wetee_ton_amount_parse(&v, "0.1 Gram", 8));
    CHECK(v.lo == 100000000u);
    CHECK_OK(wetee_ton_amount_parse(&v, "3", 1));
    CHECK(v.lo == 3000000000u);
    CHECK_ERR(wetee_ton_amount_parse(&v, "1.5 USD", 7), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_ton_amount_parse(&v, "1.0000000001", 12), WETEE_ERR_NON_CANONICAL);
    CHECK_ERR(wetee_ton_amount_parse(&v, "1.5  TON", 8), WETEE_ERR_DECODE);
}


/* ton-crypto src/mnemonic/mnemonic.spec.ts: secret = seed32 ‖ public */
WT_TEST(test_mnemonic_vectors)
{
    static const struct { const char *words, *secret; } v[] = {
        { "hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry senior coconut label tumble carry category beauty bean road solution",
          "9d659a6c2234db7f6e4f977e6e8653b9f5946d557163f31034011375d8f3f97df6c450a16bb1c514e22f1977e390a3025599aa1e7b00068a6aacf2119484c1bd" },
        { "dose ice enrich trigger test dove century still betray gas diet dune use other base gym mad law immense village world example praise game",
          "119dcf2840a3d56521d260b2f125eedc0d4f3795b9e627269a4b5a6dca8257bdc04ad1885c127fe863abb00752fa844e6439bb04f264d70de7cea580b32637ab" },
        { "hobby coil wisdom mechanic fossil pretty enough attract since choice exhaust hazard kit oven damp flip hawk tribe spice glare step hammer apple number",
          "764c63ecdc92b331caf3c5a81c483da8444d4ac87d87af9e3cd36ae207d94e5199ac861b19db16bc0f01adfc6897f4760dfc44f9415284c78689d4fcc28b94f7" },
        { "now wide tag purity diamond coin unit rack device replace cheap deposit mention fence elite elder city measure reward lion chef promote depart connect",
          "2a8a63e0467f1f4148e0be0cc13e922d726f0b1c29272d6743eb83cf5549128f313abf58635fd310310d1debd54f4fe1fd63631ced044ba0af96b67b85eed31b" },
        { "clinic toward wedding category tip spin purity absent army gun brain happy move company that cheap tank way shoe awkward pole protect wear crystal",
          "e5e78a8e1e509da180bc5aeb8af1a37d4311c5110402842925760a4035119362b1f8a0b9b4c2353ddfad8937ed396fb7670e88e8b72128b15006839a2a86be47" },
    };
    uint8_t sk[64], pk[32];
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        CHECK_OK(wetee_ton_mnemonic_validate(v[i].words, strlen(v[i].words), NULL, 0));
        CHECK_OK(wetee_ton_mnemonic_to_keypair(sk, pk, v[i].words, strlen(v[i].words), NULL, 0));
        CHECK_HEX(sk, 64, v[i].secret);
        CHECK(memcmp(sk + 32, pk, 32) == 0);
    }
    {
        /* normalisation: case folded, whitespace runs, trimmed */
        char buf[400];
        snprintf(buf, sizeof buf, "  HOSPITAL\tstove  %s\n", v[0].words + strlen("hospital stove "));
        CHECK_OK(wetee_ton_mnemonic_to_keypair(sk, pk, buf, strlen(buf), NULL, 0));
        CHECK_HEX(sk, 64, v[0].secret);
    }
    /* a valid word list that fails the seed check, an unknown word, empty */
    {
        const char *bad = "hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry senior coconut label tumble carry category beauty bean road road";
        const char *unk = "hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry senior coconut label tumble carry category beauty bean road solutionx";
        CHECK_ERR(wetee_ton_mnemonic_validate(bad, strlen(bad), NULL, 0), WETEE_ERR_CHECKSUM);
        CHECK_ERR(wetee_ton_mnemonic_to_keypair(sk, pk, bad, strlen(bad), NULL, 0), WETEE_ERR_CHECKSUM);
        CHECK_ERR(wetee_ton_mnemonic_validate(unk, strlen(unk), NULL, 0), WETEE_ERR_DECODE);
        CHECK(strstr(wetee_last_error(), "word 24") != NULL);
        CHECK_ERR(wetee_ton_mnemonic_validate("  ", 2, NULL, 0), WETEE_ERR_DECODE);
        CHECK_ERR(wetee_ton_mnemonic_validate("abandon ab1ndon", 15, NULL, 0), WETEE_ERR_DECODE);
        /* a password-less mnemonic is not valid with a password */
        CHECK_ERR(wetee_ton_mnemonic_validate(v[0].words, strlen(v[0].words), "pw", 2), WETEE_ERR_CHECKSUM);
    }
}

WT_TEST(test_mnemonic_generate)
{
    wetee_buf m = WETEE_BUF_INIT;
    uint8_t sk[64], pk[32];
    size_t spaces = 0;
    CHECK_OK(wetee_ton_mnemonic_generate(&m, NULL, 0));
    for (size_t i = 0; i < m.len; i++) spaces += m.data[i] == ' ';
    CHECK(spaces == 23);
    CHECK_OK(wetee_ton_mnemonic_validate((const char *)m.data, m.len, NULL, 0));
    CHECK_OK(wetee_ton_mnemonic_to_keypair(sk, pk, (const char *)m.data, m.len, NULL, 0));
    CHECK_OK(wetee_ton_mnemonic_generate(&m, "secret", 6));
    CHECK_OK(wetee_ton_mnemonic_validate((const char *)m.data, m.len, "secret", 6));
    CHECK_ERR(wetee_ton_mnemonic_validate((const char *)m.data, m.len, NULL, 0), WETEE_ERR_CHECKSUM);
    wetee_buf_free_secure(&m);
}


/* ../shared/reference/ton.md §3, §4: code hashes, wallet ids, addresses of the first mnemonic's key */
WT_TEST(test_wallet_vectors)
{
    static const struct { int v; const char *code, *raw, *friendly; } w[] = {
        { WETEE_TON_WALLET_V3R2, "84dafa449f98a6987789ba232358072bc0f76dc4524002a5d0918b9a75d2d599",
          "0:dbb8c6e348a8f5224a0c53ec21503779bf63a6e06ead570af007196b06606dab", "UQDbuMbjSKj1IkoMU-whUDd5v2Om4G6tVwrwBxlrBmBtq12L" },
        { WETEE_TON_WALLET_V4R2, "feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0",
          "0:1867eadc85b6872b8214902bdcca5dd5f2ca5c0273bc20144236f4b76ab7be09", "UQAYZ-rchbaHK4IUkCvcyl3V8spcAnO8IBRCNvS3are-CbyQ" },
        { WETEE_TON_WALLET_V5R1, "20834b7b72b112147e1b2fb457b84e74d1a30f04f737d4f62a668e9552d2b72f",
          "0:d22ce1556a6359cddcb82ee95c95c08110591145e67b5ac70108b030dcf839de", "UQDSLOFVamNZzdy4LulclcCBEFkRReZ7WscBCLAw3Pg53h3h" },
    };
    uint8_t pub[32], h[32];
    uint32_t id;
    char buf[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    wt_unhex(pub, 32, "f6c450a16bb1c514e22f1977e390a3025599aa1e7b00068a6aacf2119484c1bd");
    for (size_t i = 0; i < 3; i++) {
        wetee_ton_cell *code = NULL;
        wetee_ton_wallet *wal = NULL;
        wetee_ton_address a;
        CHECK_OK(wetee_ton_wallet_code(&code, w[i].v));
        CHECK_OK(wetee_ton_cell_hash(h, code));
        CHECK_HEX(h, 32, w[i].code);
        CHECK_OK(wetee_ton_wallet_default_id(&id, w[i].v, 0, WETEE_TON_NETWORK_MAINNET));
        CHECK_OK(wetee_ton_wallet_new(&wal, w[i].v, pub, 0, id));
        CHECK_OK(wetee_ton_wallet_address(&a, wal));
        CHECK_OK(wetee_ton_address_to_raw(buf, sizeof buf, &a));
        CHECK_STR(buf, w[i].raw);
        CHECK_OK(wetee_ton_address_to_friendly(buf, sizeof buf, &a, 0));
        CHECK_STR(buf, w[i].friendly);
        wetee_ton_wallet_free(wal);
        wetee_ton_cell_free(code);
    }
    /* W5 wallet ids (subwallet 0) */
    CHECK_OK(wetee_ton_wallet_v5r1_id(&id, WETEE_TON_NETWORK_MAINNET, 0, 0));
    CHECK(id == 2147483409u);
    CHECK_OK(wetee_ton_wallet_v5r1_id(&id, WETEE_TON_NETWORK_TESTNET, 0, 0));
    CHECK(id == 2147483645u);
    CHECK_OK(wetee_ton_wallet_v5r1_id(&id, WETEE_TON_NETWORK_MAINNET, -1, 0));
    CHECK(id == 8388369u);
    CHECK_OK(wetee_ton_wallet_v5r1_id(&id, WETEE_TON_NETWORK_TESTNET, -1, 0));
    CHECK(id == 8388605u);
    CHECK_ERR(wetee_ton_wallet_v5r1_id(&id, WETEE_TON_NETWORK_MAINNET, 0, 32768), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_OK(wetee_ton_wallet_default_id(&id, WETEE_TON_WALLET_V4R2, -1, 0));
    CHECK(id == 698983190u);
    /* xssnick/tonutils-go ton/wallet/address_test.go: v3r2, default subwallet */
    {
        wetee_ton_wallet *wal = NULL;
        wetee_ton_address a;
        wt_unhex(pub, 32, "dcc39550bb494f4b493e7efe1aa18ea31470f33a2553c568cb74a17ed56790c1");
        CHECK_OK(wetee_ton_wallet_new(&wal, WETEE_TON_WALLET_V3R2, pub, 0, 698983191u));
        CHECK_OK(wetee_ton_wallet_address(&a, wal));
        CHECK_OK(wetee_ton_address_to_friendly(buf, sizeof buf, &a, WETEE_TON_ADDRESS_BOUNCEABLE));
        CHECK_STR(buf, "EQCvoBT5Keb46oUhI_DpX0WXFDdX9ZyxXBfX3FC9cZa90nQP");
        wetee_ton_wallet_free(wal);
    }
}

WT_TEST(test_wallet_transfer_shape)
{
    const char *words = "hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry senior coconut label tumble carry category beauty bean road solution";
    uint8_t sk[64], pk[32], h[32];
    wetee_ton_wallet *wal = NULL;
    wetee_ton_transfer *t = NULL;
    wetee_ton_cell *comment = NULL, *msg = NULL, *body = NULL, *ext = NULL;
    wetee_ton_address dest;
    wetee_ton_slice *s;
    uint64_t v;
    uint32_t id;
    int bit;
    CHECK_OK(wetee_ton_mnemonic_to_keypair(sk, pk, words, strlen(words), NULL, 0));
    CHECK_OK(wetee_ton_wallet_default_id(&id, WETEE_TON_WALLET_V5R1, 0, WETEE_TON_NETWORK_MAINNET));
    CHECK_OK(wetee_ton_wallet_new(&wal, WETEE_TON_WALLET_V5R1, pk, 0, id));
    CHECK_OK(wetee_ton_address_parse(&dest, NULL, "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB", 48));
    CHECK_OK(wetee_ton_comment(&comment, "order 42", 8));
    CHECK_OK(wetee_ton_internal_message(&msg, &dest, wetee_u128_from_u64(1500000000), 1, NULL, comment));
    CHECK_OK(wetee_ton_transfer_new(&t));
    CHECK_OK(wetee_ton_transfer_add(t, WETEE_TON_SEND_DEFAULT, msg));
    CHECK_OK(wetee_ton_wallet_sign_transfer(&body, wal, sk, 0, 1700000000, t));
    /* W5 body: "sign" ‖ wallet id ‖ valid_until ‖ seqno ‖ 1 (^OutList) ‖ 0 ‖ signature */
    CHECK(wetee_ton_cell_bits(body) == 32 * 4 + 2 + 512 && wetee_ton_cell_refs(body) == 1);
    CHECK_OK(wetee_ton_slice_new(&s, body));
    CHECK_OK(wetee_ton_slice_load_uint(&v, s, 32));
    CHECK(v == 0x7369676e);
    CHECK_OK(wetee_ton_slice_load_uint(&v, s, 32));
    CHECK(v == id);
    CHECK_OK(wetee_ton_slice_load_uint(&v, s, 32));
    CHECK(v == 1700000000);
    CHECK_OK(wetee_ton_slice_load_uint(&v, s, 32));
    CHECK(v == 0);
    CHECK_OK(wetee_ton_slice_load_bit(&bit, s));
    CHECK(bit == 1);
    wetee_ton_slice_free(s);
    /* the signature verifies over the hash of the signed part */
    {
        wetee_ton_builder *b;
        wetee_ton_cell *signed_part = NULL, *ol = NULL;
        uint8_t sig[64];
        wetee_buf data = WETEE_BUF_INIT;
        CHECK_OK(wetee_ton_cell_data(&data, body));
        memcpy(sig, data.data + 17, 64); /* the signature starts at bit 130 */
        for (int i = 0; i < 64; i++)
            sig[i] = (uint8_t)(data.data[16 + i] << 2 | data.data[17 + i] >> 6);
        CHECK_OK(wetee_ton_builder_new(&b));
        CHECK_OK(wetee_ton_builder_store_bits(b, data.data, 130));
        CHECK_OK(wetee_ton_cell_ref(&ol, body, 0));
        CHECK_OK(wetee_ton_builder_store_ref(b, ol));
        CHECK_OK(wetee_ton_builder_end(&signed_part, b));
        CHECK_OK(wetee_ton_cell_hash(h, signed_part));
        CHECK_OK(wetee_ed25519_verify(sig, h, 32, pk));
        wetee_ton_builder_free(b);
        wetee_ton_cell_free(signed_part);
        wetee_ton_cell_free(ol);
        wetee_buf_free(&data);
    }
    CHECK_OK(wetee_ton_wallet_external(&ext, wal, body, 1));
    CHECK(wetee_ton_cell_refs(ext) >= 2);
    /* a secret of another key is refused; v4r2 takes at most 4 messages */
    sk[40] ^= 1;
    {
        wetee_ton_cell *b1 = NULL; /* not &body: the call clears *out, which would leak body */
        CHECK_ERR(wetee_ton_wallet_sign_transfer(&b1, wal, sk, 0, 1700000000, t), WETEE_ERR_INVALID_ARGUMENT);
        CHECK(b1 == NULL);
    }
    sk[40] ^= 1;
    wetee_ton_wallet_free(wal);
    CHECK_OK(wetee_ton_wallet_new(&wal, WETEE_TON_WALLET_V4R2, pk, 0, 698983191u));
    for (int i = 0; i < 4; i++) CHECK_OK(wetee_ton_transfer_add(t, 3, msg));
    CHECK(wetee_ton_transfer_count(t) == 5);
    {
        wetee_ton_cell *b2 = NULL;
        CHECK_ERR(wetee_ton_wallet_sign_transfer(&b2, wal, sk, 0, 1700000000, t), WETEE_ERR_OVERFLOW);
        CHECK(b2 == NULL);
    }
    wetee_wipe(sk, sizeof sk);
    wetee_ton_wallet_free(wal);
    wetee_ton_transfer_free(t);
    wetee_ton_cell_free(comment);
    wetee_ton_cell_free(msg);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(ext);
}


WT_TEST(test_dict)
{
    wetee_ton_dict *d = NULL, *back = NULL;
    wetee_ton_cell *v1 = cell_uint(111, 32, NULL, NULL), *v2 = cell_uint(222, 32, NULL, NULL), *got = NULL, *root = NULL;
    wetee_ton_builder *b;
    wetee_ton_cell *c = NULL;
    wetee_ton_slice *s;
    uint8_t key[2] = { 0x12, 0x30 }, k[2];
    uint64_t v;
    CHECK_OK(wetee_ton_dict_new(&d, 12));
    CHECK_ERR(wetee_ton_dict_root(&root, d), WETEE_ERR_NOT_FOUND);
    CHECK_OK(wetee_ton_dict_set(d, key, 2, v1));
    CHECK_OK(wetee_ton_dict_set_uint(d, 7, v2));
    CHECK_OK(wetee_ton_dict_set_uint(d, 7, v1)); /* replace */
    CHECK(wetee_ton_dict_count(d) == 2);
    CHECK_OK(wetee_ton_dict_get_uint(&got, d, 0x123));
    CHECK(wetee_ton_cell_equal(got, v1));
    wetee_ton_cell_free(got);
    CHECK_ERR(wetee_ton_dict_get_uint(&got, d, 8), WETEE_ERR_NOT_FOUND);
    CHECK_ERR(wetee_ton_dict_set_uint(d, 4096, v1), WETEE_ERR_OVERFLOW);
    key[1] = 0x31; /* a bit past the 12-bit key */
    CHECK_ERR(wetee_ton_dict_set(d, key, 2, v1), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_ton_dict_set(d, key, 1, v1), WETEE_ERR_INVALID_ARGUMENT);
    /* entries in key order: 0x007 then 0x123 */
    CHECK_OK(wetee_ton_dict_entry(k, 2, NULL, d, 0));
    CHECK_HEX(k, 2, "0070");
    CHECK_ERR(wetee_ton_dict_entry(k, 2, NULL, d, 2), WETEE_ERR_NOT_FOUND);
    /* HashmapE round trip */
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_dict(b, d));
    CHECK_OK(wetee_ton_builder_end(&c, b));
    wetee_ton_builder_free(b);
    CHECK_OK(wetee_ton_slice_new(&s, c));
    CHECK_OK(wetee_ton_slice_load_dict(&back, s, 12));
    CHECK(wetee_ton_dict_count(back) == 2);
    CHECK_OK(wetee_ton_dict_get_uint(&got, back, 7));
    CHECK(wetee_ton_cell_equal(got, v1));
    wetee_ton_cell_free(got);
    wetee_ton_slice_free(s);
    wetee_ton_dict_free(back);
    back = NULL;
    /* remove down to empty: HashmapE is the single bit 0 */
    CHECK_OK(wetee_ton_dict_remove(d, (const uint8_t *)"\x12\x30", 2));
    CHECK_ERR(wetee_ton_dict_remove(d, (const uint8_t *)"\x12\x30", 2), WETEE_ERR_NOT_FOUND);
    CHECK_OK(wetee_ton_dict_remove(d, (const uint8_t *)"\x00\x70", 2));
    wetee_ton_cell_free(c);
    CHECK_OK(wetee_ton_builder_new(&b));
    CHECK_OK(wetee_ton_builder_store_dict(b, d));
    CHECK(wetee_ton_builder_bits(b) == 1 && wetee_ton_builder_refs(b) == 0);
    wetee_ton_builder_free(b);
    /* malformed: a fork with one reference; a label longer than the key */
    {
        wetee_ton_cell *leaf = cell_uint(0, 2, NULL, NULL);
        wetee_ton_cell *fork = cell_uint(0, 2, leaf, NULL); /* hml_short len 0, then 1 ref */
        wetee_ton_cell *longl = cell_uint(0x1f, 5, NULL, NULL); /* unary 1111... past m */
        CHECK_ERR(wetee_ton_dict_from_root(&back, fork, 4), WETEE_ERR_DECODE);
        CHECK(strstr(wetee_last_error(), "fork") != NULL);
        CHECK_ERR(wetee_ton_dict_from_root(&back, longl, 2), WETEE_ERR_DECODE);
        CHECK(back == NULL);
        wetee_ton_cell_free(leaf);
        wetee_ton_cell_free(fork);
        wetee_ton_cell_free(longl);
    }
    (void)v;
    wetee_ton_dict_free(d);
    wetee_ton_cell_free(v1);
    wetee_ton_cell_free(v2);
}


WT_TEST(test_highload_v3)
{
    const char *words = "hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry senior coconut label tumble carry category beauty bean road solution";
    uint8_t sk[64], pk[32], h[32];
    wetee_ton_wallet *w = NULL;
    wetee_ton_cell *code = NULL, *msg = NULL, *body = NULL, *signed_part = NULL;
    wetee_ton_transfer *t = NULL;
    wetee_ton_address dest;
    wetee_ton_slice *s;
    uint64_t v;
    /* code hash of the contract's published build (as @ton/core computes it) */
    CHECK_OK(wetee_ton_wallet_code(&code, WETEE_TON_WALLET_HIGHLOAD_V3));
    CHECK_OK(wetee_ton_cell_hash(h, code));
    CHECK_HEX(h, 32, "11acad7955844090f283bf238bc1449871f783e7cc0979408d3f4859483e8525");
    CHECK_OK(wetee_ton_mnemonic_to_keypair(sk, pk, words, strlen(words), NULL, 0));
    CHECK_ERR(wetee_ton_wallet_new(&w, WETEE_TON_WALLET_HIGHLOAD_V3, pk, 0, 1), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_ton_wallet_new_highload_v3(&w, pk, 0, 1, 0), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_OK(wetee_ton_wallet_new_highload_v3(&w, pk, 0, WETEE_TON_HIGHLOAD_SUBWALLET_DEFAULT, WETEE_TON_HIGHLOAD_TIMEOUT_DEFAULT));
    CHECK_OK(wetee_ton_address_parse(&dest, NULL, "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB", 48));
    CHECK_OK(wetee_ton_internal_message(&msg, &dest, wetee_u128_from_u64(1000), 0, NULL, NULL));
    CHECK_OK(wetee_ton_highload_sign_message(&body, w, sk, (5u << 10) | 7, 1700000000, 3, msg));
    /* signature ‖ ^(subwallet ‖ ^msg ‖ mode ‖ query_id:23 ‖ created_at:64 ‖ timeout:22) */
    CHECK(wetee_ton_cell_bits(body) == 512 && wetee_ton_cell_refs(body) == 1);
    CHECK_OK(wetee_ton_cell_ref(&signed_part, body, 0));
    CHECK(wetee_ton_cell_bits(signed_part) == 32 + 8 + 23 + 64 + 22);
    CHECK_OK(wetee_ton_slice_new(&s, signed_part));
    CHECK_OK(wetee_ton_slice_load_uint(&v, s, 32));
    CHECK(v == 0x10ad);
    CHECK_OK(wetee_ton_slice_load_uint(&v, s, 8));
    CHECK(v == 3);
    CHECK_OK(wetee_ton_slice_load_uint(&v, s, 23));
    CHECK(v == ((5u << 10) | 7));
    wetee_ton_slice_free(s);
    {
        wetee_buf d = WETEE_BUF_INIT;
        CHECK_OK(wetee_ton_cell_data(&d, body));
        CHECK_OK(wetee_ton_cell_hash(h, signed_part));
        CHECK_OK(wetee_ed25519_verify(d.data, h, 32, pk));
        wetee_buf_free(&d);
    }
    /* bit number 1023 is not a query id; plain wallets' signing refuses it */
    wetee_ton_cell_free(body);
    body = NULL;
    CHECK_ERR(wetee_ton_highload_sign_message(&body, w, sk, 1023, 1, 3, msg), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_ton_highload_sign_message(&body, w, sk, 1u << 23, 1, 3, msg), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_OK(wetee_ton_transfer_new(&t));
    CHECK_OK(wetee_ton_transfer_add(t, 3, msg));
    CHECK_ERR(wetee_ton_wallet_sign_transfer(&body, w, sk, 0, 1, t), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_OK(wetee_ton_highload_sign_batch(&body, w, sk, 0, 1700000000, t, wetee_u128_from_u64(0)));
    CHECK(body != NULL);
    wetee_wipe(sk, sizeof sk);
    wetee_ton_transfer_free(t);
    wetee_ton_cell_free(signed_part);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(msg);
    wetee_ton_cell_free(code);
    wetee_ton_wallet_free(w);
}


WT_TEST(test_jetton)
{
    wetee_ton_address dest, master, owner, w1, w2;
    wetee_ton_cell *comment = NULL, *body = NULL, *code = NULL, *data = NULL, *ref = NULL;
    wetee_ton_slice *s;
    uint64_t v;
    wetee_u128 c;
    int bit;
    const char *lib = "te6ccgEBAgEALQABDv8AiNDtHtgBCEICGbgzd5nhZ9WhSM+4juFCvgMYJOtxthFdtTKIH6M/6SM=";
    CHECK_OK(wetee_ton_address_parse(&dest, NULL, "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB", 48));
    CHECK_OK(wetee_ton_comment(&comment, "hi", 2));
    CHECK_OK(wetee_ton_jetton_transfer(&body, 42, wetee_u128_from_u64(400), &dest, &dest, NULL,
                                       wetee_u128_from_u64(1), comment, 0));
    CHECK_OK(wetee_ton_slice_new(&s, body));
    CHECK_OK(wetee_ton_slice_load_uint(&v, s, 32));
    CHECK(v == 0x0f8a7ea5);
    CHECK_OK(wetee_ton_slice_load_uint(&v, s, 64));
    CHECK(v == 42);
    CHECK_OK(wetee_ton_slice_load_coins(&c, s));
    CHECK(c.lo == 400);
    CHECK_OK(wetee_ton_slice_skip(s, 267 * 2));
    CHECK_OK(wetee_ton_slice_load_bit(&bit, s));
    CHECK(bit == 0); /* no custom payload */
    CHECK_OK(wetee_ton_slice_load_coins(&c, s));
    CHECK(c.lo == 1);
    CHECK_OK(wetee_ton_slice_load_bit(&bit, s));
    CHECK(bit == 1); /* forward payload by reference: nothing follows */
    CHECK_OK(wetee_ton_slice_load_ref(&ref, s));
    CHECK(wetee_ton_cell_equal(ref, comment));
    CHECK_OK(wetee_ton_slice_end(s));
    wetee_ton_slice_free(s);
    wetee_ton_cell_free(body);
    /* inline forward payload */
    CHECK_OK(wetee_ton_jetton_transfer(&body, 0, wetee_u128_from_u64(1), &dest, NULL, NULL, wetee_u128_from_u64(0), comment,
                                       WETEE_TON_JETTON_FORWARD_INLINE));
    CHECK(wetee_ton_cell_refs(body) == 0 && wetee_ton_cell_bits(body) == 32 + 64 + 12 + 267 + 2 + 1 + 4 + 1 + 48);
    {
        wetee_ton_cell *none = NULL;
        CHECK_ERR(wetee_ton_jetton_transfer(&none, 0, wetee_u128_from_u64(1), NULL, NULL, NULL, wetee_u128_from_u64(0), NULL, 0),
                  WETEE_ERR_INVALID_ARGUMENT);
        CHECK(none == NULL);
    }
    /* wallet address: library-cell code, both data layouts, workchain of the master */
    CHECK_OK(wetee_ton_boc_parse_base64(&code, lib, strlen(lib)));
    CHECK_OK(wetee_ton_address_parse(&master, NULL, "-1:3333333333333333333333333333333333333333333333333333333333333333", 67));
    owner = dest;
    CHECK_OK(wetee_ton_jetton_wallet_address(&w1, WETEE_TON_JETTON_DATA_STATUS, &owner, &master, code));
    CHECK_OK(wetee_ton_jetton_wallet_address(&w2, WETEE_TON_JETTON_DATA_CODE_REF, &owner, &master, code));
    CHECK(w1.workchain == -1 && memcmp(w1.hash, w2.hash, 32) != 0);
    CHECK_OK(wetee_ton_jetton_wallet_data(&data, WETEE_TON_JETTON_DATA_STATUS, &owner, &master, NULL));
    CHECK(wetee_ton_cell_bits(data) == 4 + 4 + 267 * 2);
    {
        wetee_ton_address a;
        CHECK_OK(wetee_ton_address_from_state_init(&a, -1, code, data));
        CHECK(memcmp(a.hash, w1.hash, 32) == 0);
    }
    CHECK_ERR(wetee_ton_jetton_wallet_address(&w1, 3, &owner, &master, code), WETEE_ERR_INVALID_ARGUMENT);
    wetee_ton_cell_free(ref);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(comment);
    wetee_ton_cell_free(code);
    wetee_ton_cell_free(data);
}

void test_payment_messages(void);
void test_payment_memo_negative(void);
void test_payment_sign(void);

WT_MAIN("ton", WT_CASE(test_payment_messages), WT_CASE(test_payment_memo_negative), WT_CASE(test_payment_sign),
        WT_CASE(test_normalized_hash), WT_CASE(test_state_init_public_key), WT_CASE(test_ton_proof_vector),
        WT_CASE(test_ton_proof_own), WT_CASE(test_jetton), WT_CASE(test_highload_v3), WT_CASE(test_dict), WT_CASE(test_wallet_vectors), WT_CASE(test_wallet_transfer_shape), WT_CASE(test_mnemonic_vectors), WT_CASE(test_mnemonic_generate), WT_CASE(test_boc_vectors), WT_CASE(test_boc_more_vectors), WT_CASE(test_library_cell),
        WT_CASE(test_exotic_levels), WT_CASE(test_boc_negative), WT_CASE(test_boc_limits),
        WT_CASE(test_dedup_and_multi_root), WT_CASE(test_builder_slice), WT_CASE(test_address_vectors),
        WT_CASE(test_address_negative), WT_CASE(test_address_cell_and_state_init), WT_CASE(test_amounts))
