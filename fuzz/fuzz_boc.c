/* libFuzzer target for TON bags of cells (wetee_ton_boc_parse_roots).
 *
 * Invariants:
 * - parsing arbitrary bytes never crashes, hangs or leaks, and a failure
 *   leaves a detail naming what and where;
 * - a parsed single-root BOC re-serialises (all four flag combinations)
 *   to bytes that parse back to a cell with the same hash, and the
 *   re-serialisation is a fixed point (serialise(parse(serialise(c))) is
 *   byte-identical);
 * - walking the parsed tree through slices (bits, references) stays in
 *   bounds;
 * - reading the root as a dictionary (key length from the first input
 *   byte) either fails with a detail or gives a dictionary whose canonical
 *   re-serialisation loads back to the same entries. */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void walk(const wetee_ton_cell *c, unsigned depth)
{
    wetee_ton_slice *s;
    wetee_ton_cell *r;
    uint64_t v;
    if (depth > 8) return;
    REQUIRE(wetee_ton_slice_new(&s, c) == WETEE_OK);
    while (wetee_ton_slice_bits_left(s) >= 7) REQUIRE(wetee_ton_slice_load_uint(&v, s, 7) == WETEE_OK);
    REQUIRE(wetee_ton_slice_load_uint(&v, s, 7) == WETEE_ERR_TRUNCATED);
    while (wetee_ton_slice_load_ref(&r, s) == WETEE_OK) {
        walk(r, depth + 1);
        wetee_ton_cell_free(r);
    }
    wetee_ton_slice_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wetee_ton_cell *roots[4] = {0};
    size_t n = 0;
    int rc = wetee_ton_boc_parse_roots(roots, 4, &n, data, size, NULL);
    if (rc != WETEE_OK) {
        REQUIRE(wetee_last_error()[0] != '\0');
        REQUIRE(n == 0 && roots[0] == NULL);
        return 0;
    }
    REQUIRE(n >= 1 && n <= 4);
    for (size_t i = 0; i < n; i++) {
        uint8_t h[32], h2[32];
        REQUIRE(wetee_ton_cell_hash(h, roots[i]) == WETEE_OK);
        walk(roots[i], 0);
        for (unsigned flags = 0; flags < 4; flags++) {
            wetee_buf a = WETEE_BUF_INIT, b = WETEE_BUF_INIT;
            wetee_ton_cell *back = NULL;
            REQUIRE(wetee_ton_boc_serialize(&a, roots[i], flags) == WETEE_OK);
            REQUIRE(wetee_ton_boc_parse(&back, a.data, a.len, NULL) == WETEE_OK);
            REQUIRE(wetee_ton_cell_hash(h2, back) == WETEE_OK && memcmp(h, h2, 32) == 0);
            REQUIRE(wetee_ton_boc_serialize(&b, back, flags) == WETEE_OK);
            REQUIRE(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
            wetee_ton_cell_free(back);
            wetee_buf_free(&a);
            wetee_buf_free(&b);
        }
        if (size > 0) {
            unsigned kb = 1 + data[0] % 64;
            wetee_ton_dict *d = NULL, *d2 = NULL;
            wetee_ton_cell *root2 = NULL;
            if (wetee_ton_dict_from_root(&d, roots[i], kb) == WETEE_OK) {
                if (wetee_ton_dict_root(&root2, d) == WETEE_OK) {
                    REQUIRE(wetee_ton_dict_from_root(&d2, root2, kb) == WETEE_OK);
                    REQUIRE(wetee_ton_dict_count(d2) == wetee_ton_dict_count(d));
                }
            } else {
                REQUIRE(wetee_last_error()[0] != '\0');
            }
            wetee_ton_dict_free(d);
            wetee_ton_dict_free(d2);
            wetee_ton_cell_free(root2);
        }
        wetee_ton_cell_free(roots[i]);
    }
    return 0;
}
