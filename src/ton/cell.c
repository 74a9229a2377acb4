/* TON cells: creation with exotic checks, level-aware representation hashes
 * and depths (ton-blockchain/ton crypto/vm/cells/DataCell.cpp; ton-core
 * src/boc/cell/wonderCalculator.ts), builder and slice. */
#include <stdio.h>

#include "ton/ton_impl.h"
#include "wetee/hash.h"

size_t wetee_ton_hash_bytes(void) { return WETEE_TON_HASH_BYTES; }

/* ---- bits ---- */

void ton_bits_copy(uint8_t *dst, size_t dst_off, const uint8_t *src, size_t src_off, size_t n)
{
    if (n == 0) return;
    if ((dst_off & 7) == 0 && (src_off & 7) == 0) {
        size_t whole = n >> 3;
        memcpy(dst + (dst_off >> 3), src + (src_off >> 3), whole);
        if (n & 7) {
            uint8_t mask = (uint8_t)(0xFF << (8 - (n & 7)));
            uint8_t *d = dst + (dst_off >> 3) + whole;
            *d = (uint8_t)((*d & ~mask) | (src[(src_off >> 3) + whole] & mask));
        }
        return;
    }
    for (size_t i = 0; i < n; i++) {
        size_t di = dst_off + i;
        uint8_t m = (uint8_t)(0x80 >> (di & 7));
        if (ton_bit_at(src, src_off + i)) dst[di >> 3] |= m;
        else dst[di >> 3] &= (uint8_t)~m;
    }
}

/* ---- cells ---- */

wetee_ton_cell *ton_cell_retain(const wetee_ton_cell *c)
{
    wetee_ton_cell *m = (wetee_ton_cell *)(uintptr_t)c;
    atomic_fetch_add_explicit(&m->refcount, 1, memory_order_relaxed);
    return m;
}

void wetee_ton_cell_free(wetee_ton_cell *c)
{
    if (c == NULL) return;
    if (atomic_fetch_sub_explicit(&c->refcount, 1, memory_order_acq_rel) != 1) return;
    for (unsigned i = 0; i < c->nrefs; i++) wetee_ton_cell_free(c->refs[i]);
    wt_free(c);
}

int wetee_ton_cell_retain(wetee_ton_cell **out, const wetee_ton_cell *cell)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(cell != NULL, MOD, "cell is NULL");
    *out = ton_cell_retain(cell);
    return WETEE_OK;
}

static unsigned d2_of(unsigned bits) { return (bits + 7) / 8 + bits / 8; }

/* Representation at one level: d1 d2 data depths hashes. */
static int repr_hash(uint8_t out[32], const wetee_ton_cell *c, const uint8_t *data, unsigned data_bits,
                     unsigned level, unsigned mask_applied)
{
    uint8_t buf[2 + 128 + 4 * 34];
    size_t n = 0, nbytes = (data_bits + 7) / 8;
    int merkle = c->exotic && (c->type == WETEE_TON_CELL_MERKLE_PROOF || c->type == WETEE_TON_CELL_MERKLE_UPDATE);
    unsigned cl = merkle ? level + 1 : level;
    if (cl > 3) cl = 3;
    buf[n++] = (uint8_t)(c->nrefs + 8 * c->exotic + 32 * mask_applied);
    buf[n++] = (uint8_t)d2_of(c->bits);
    memcpy(buf + n, data, nbytes);
    if (data_bits & 7) buf[n + nbytes - 1] |= (uint8_t)(0x80 >> (data_bits & 7));
    n += nbytes;
    for (unsigned i = 0; i < c->nrefs; i++) {
        buf[n++] = (uint8_t)(c->refs[i]->depths[cl] >> 8);
        buf[n++] = (uint8_t)c->refs[i]->depths[cl];
    }
    for (unsigned i = 0; i < c->nrefs; i++) {
        memcpy(buf + n, c->refs[i]->hashes[cl], 32);
        n += 32;
    }
    return wetee_hash_sha256(out, buf, n);
}

static int check_exotic(wetee_ton_cell *c, const char *where)
{
    if (c->bits < 8) return wt_error(WETEE_ERR_DECODE, MOD ": %s: exotic cell without a type byte", where);
    c->type = c->data[0];
    switch (c->type) {
    case WETEE_TON_CELL_PRUNED_BRANCH: {
        unsigned mask, want;
        if (c->nrefs != 0) return wt_error(WETEE_ERR_DECODE, MOD ": %s: pruned branch with references", where);
        if (c->bits < 16) return wt_error(WETEE_ERR_DECODE, MOD ": %s: pruned branch without a level mask", where);
        mask = c->data[1];
        if (mask < 1 || mask > 7)
            return wt_error(WETEE_ERR_DECODE, MOD ": %s: pruned branch level mask %u is not 1..7", where, mask);
        want = 16 + ton_popcount(mask) * (256 + 16);
        if (c->bits != want)
            return wt_error(WETEE_ERR_DECODE, MOD ": %s: pruned branch of %u bits, mask %u needs %u", where,
                            (unsigned)c->bits, mask, want);
        c->level_mask = (uint8_t)mask;
        return WETEE_OK;
    }
    case WETEE_TON_CELL_LIBRARY:
        if (c->nrefs != 0 || c->bits != 8 + 256)
            return wt_error(WETEE_ERR_DECODE, MOD ": %s: library cell must have 264 bits and no references (%u bits, %u refs)",
                            where, (unsigned)c->bits, (unsigned)c->nrefs);
        c->level_mask = 0;
        return WETEE_OK;
    case WETEE_TON_CELL_MERKLE_PROOF: {
        const wetee_ton_cell *r;
        if (c->nrefs != 1 || c->bits != 8 + 256 + 16)
            return wt_error(WETEE_ERR_DECODE, MOD ": %s: Merkle proof must have 280 bits and 1 reference (%u bits, %u refs)",
                            where, (unsigned)c->bits, (unsigned)c->nrefs);
        r = c->refs[0];
        if (memcmp(c->data + 1, r->hashes[0], 32) != 0)
            return wt_error(WETEE_ERR_DECODE, MOD ": %s: Merkle proof hash does not match its reference", where);
        if (((unsigned)c->data[33] << 8 | c->data[34]) != r->depths[0])
            return wt_error(WETEE_ERR_DECODE, MOD ": %s: Merkle proof depth does not match its reference", where);
        c->level_mask = (uint8_t)(r->level_mask >> 1);
        return WETEE_OK;
    }
    case WETEE_TON_CELL_MERKLE_UPDATE: {
        if (c->nrefs != 2 || c->bits != 8 + 2 * (256 + 16))
            return wt_error(WETEE_ERR_DECODE, MOD ": %s: Merkle update must have 552 bits and 2 references (%u bits, %u refs)",
                            where, (unsigned)c->bits, (unsigned)c->nrefs);
        for (unsigned i = 0; i < 2; i++) {
            const wetee_ton_cell *r = c->refs[i];
            const uint8_t *dp = c->data + 1 + 64 + 2 * i;
            if (memcmp(c->data + 1 + 32 * i, r->hashes[0], 32) != 0)
                return wt_error(WETEE_ERR_DECODE, MOD ": %s: Merkle update hash %u does not match its reference", where, i);
            if (((unsigned)dp[0] << 8 | dp[1]) != r->depths[0])
                return wt_error(WETEE_ERR_DECODE, MOD ": %s: Merkle update depth %u does not match its reference", where, i);
        }
        c->level_mask = (uint8_t)((c->refs[0]->level_mask | c->refs[1]->level_mask) >> 1);
        return WETEE_OK;
    }
    default:
        return wt_error(WETEE_ERR_DECODE, MOD ": %s: unknown exotic cell type %u", where, (unsigned)c->type);
    }
}

static int compute_hashes(wetee_ton_cell *c, const char *where)
{
    unsigned mask = c->level_mask, top = ton_level_of_mask(mask);
    int pruned = c->exotic && c->type == WETEE_TON_CELL_PRUNED_BRANCH;
    unsigned total = ton_popcount(mask) + 1, count = pruned ? 1 : total, offset = total - count, hi = 0;
    uint8_t h[4][32];
    uint16_t d[4];
    int rc;
    for (unsigned lv = 0; lv <= top; lv++) {
        unsigned depth = 0, cl;
        const uint8_t *data;
        unsigned data_bits;
        if (lv > 0 && !((mask >> (lv - 1)) & 1)) continue;
        if (hi < offset) { hi++; continue; }
        if (hi == offset) { data = c->data; data_bits = c->bits; }
        else { data = h[hi - offset - 1]; data_bits = 256; }
        cl = (c->exotic && (c->type == WETEE_TON_CELL_MERKLE_PROOF || c->type == WETEE_TON_CELL_MERKLE_UPDATE)) ? lv + 1 : lv;
        if (cl > 3) cl = 3;
        for (unsigned i = 0; i < c->nrefs; i++)
            if (c->refs[i]->depths[cl] > depth) depth = c->refs[i]->depths[cl];
        if (c->nrefs) depth++;
        if (depth > WETEE_TON_CELL_MAX_DEPTH)
            return wt_error(WETEE_ERR_DEPTH, MOD ": %s: cell depth %u above %u", where, depth, WETEE_TON_CELL_MAX_DEPTH);
        rc = repr_hash(h[hi - offset], c, data, data_bits, lv, mask & ((1u << lv) - 1));
        if (rc) return rc;
        d[hi - offset] = (uint16_t)depth;
        hi++;
    }
    for (unsigned i = 0; i < 4; i++) {
        unsigned idx = ton_popcount(mask & ((1u << i) - 1));
        if (pruned && idx != ton_popcount(mask)) {
            const uint8_t *p = c->data + 2 + 32 * idx;
            const uint8_t *dp = c->data + 2 + 32 * ton_popcount(mask) + 2 * idx;
            memcpy(c->hashes[i], p, 32);
            c->depths[i] = (uint16_t)((unsigned)dp[0] << 8 | dp[1]);
        } else {
            unsigned j = pruned ? 0 : idx;
            memcpy(c->hashes[i], h[j], 32);
            c->depths[i] = d[j];
        }
    }
    return WETEE_OK;
}

int ton_cell_create(wetee_ton_cell **out, const uint8_t *data, unsigned bits, wetee_ton_cell *const *refs,
                    unsigned nrefs, int exotic, const char *where)
{
    wetee_ton_cell *c;
    int rc;
    *out = NULL;
    c = wt_calloc(1, sizeof *c);
    if (c == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for a cell");
    atomic_init(&c->refcount, 1);
    c->bits = (uint16_t)bits;
    c->nrefs = (uint8_t)nrefs;
    c->exotic = exotic ? 1 : 0;
    ton_bits_copy(c->data, 0, data, 0, bits);
    for (unsigned i = 0; i < nrefs; i++) c->refs[i] = ton_cell_retain(refs[i]);
    if (exotic) {
        rc = check_exotic(c, where);
    } else {
        unsigned m = 0;
        for (unsigned i = 0; i < nrefs; i++) m |= refs[i]->level_mask;
        c->level_mask = (uint8_t)m;
        rc = WETEE_OK;
    }
    if (rc == WETEE_OK) rc = compute_hashes(c, where);
    if (rc) { wetee_ton_cell_free(c); return rc; }
    *out = c;
    return WETEE_OK;
}

int wetee_ton_cell_hash(uint8_t out[32], const wetee_ton_cell *cell)
{
    return wetee_ton_cell_hash_at(out, cell, 3);
}

int wetee_ton_cell_hash_at(uint8_t out[32], const wetee_ton_cell *cell, unsigned level)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(cell != NULL, MOD, "cell is NULL");
    WT_ARG(level <= 3, MOD, "level above 3");
    memcpy(out, cell->hashes[level], 32);
    return WETEE_OK;
}

unsigned wetee_ton_cell_depth_at(const wetee_ton_cell *cell, unsigned level)
{
    return cell ? cell->depths[level > 3 ? 3 : level] : 0;
}
unsigned wetee_ton_cell_depth(const wetee_ton_cell *cell) { return wetee_ton_cell_depth_at(cell, 3); }
unsigned wetee_ton_cell_bits(const wetee_ton_cell *cell) { return cell ? cell->bits : 0; }
unsigned wetee_ton_cell_refs(const wetee_ton_cell *cell) { return cell ? cell->nrefs : 0; }
int wetee_ton_cell_type_of(const wetee_ton_cell *cell)
{
    return cell && cell->exotic ? cell->type : WETEE_TON_CELL_ORDINARY;
}
unsigned wetee_ton_cell_level_mask(const wetee_ton_cell *cell) { return cell ? cell->level_mask : 0; }
unsigned wetee_ton_cell_level(const wetee_ton_cell *cell) { return cell ? ton_level_of_mask(cell->level_mask) : 0; }

int wetee_ton_cell_data(wetee_buf *out, const wetee_ton_cell *cell)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(cell != NULL, MOD, "cell is NULL");
    wetee_buf_clear(out);
    return wetee_buf_append(out, cell->data, (cell->bits + 7u) / 8u);
}

int wetee_ton_cell_ref(wetee_ton_cell **out, const wetee_ton_cell *cell, unsigned index)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(cell != NULL, MOD, "cell is NULL");
    if (index >= cell->nrefs)
        return wt_error(WETEE_ERR_NOT_FOUND, MOD ": reference %u of a cell with %u", index, (unsigned)cell->nrefs);
    *out = ton_cell_retain(cell->refs[index]);
    return WETEE_OK;
}

int wetee_ton_cell_equal(const wetee_ton_cell *a, const wetee_ton_cell *b)
{
    if (a == NULL || b == NULL) return 0;
    return memcmp(a->hashes[3], b->hashes[3], 32) == 0;
}

static int append_str(wetee_buf *out, const char *s) { return wetee_buf_append(out, (const uint8_t *)s, strlen(s)); }

static int to_string_rec(wetee_buf *out, const wetee_ton_cell *c, unsigned indent)
{
    static const char hexd[] = "0123456789ABCDEF";
    uint8_t tmp[129] = {0};
    unsigned bits = c->bits, nib;
    char t = 'x';
    int rc;
    for (unsigned i = 0; i < indent; i++)
        if ((rc = append_str(out, " "))) return rc;
    if (c->exotic && (c->type == WETEE_TON_CELL_MERKLE_PROOF || c->type == WETEE_TON_CELL_PRUNED_BRANCH)) t = 'p';
    if (c->exotic && c->type == WETEE_TON_CELL_MERKLE_UPDATE) t = 'u';
    {
        char pre[3] = { t, '{', 0 };
        if ((rc = append_str(out, pre))) return rc;
    }
    memcpy(tmp, c->data, (bits + 7) / 8);
    if (bits % 4) tmp[bits >> 3] |= (uint8_t)(0x80 >> (bits & 7));
    nib = (bits + 3) / 4;
    for (unsigned i = 0; i < nib; i++) {
        uint8_t v = (i & 1) ? (tmp[i >> 1] & 15) : (tmp[i >> 1] >> 4);
        if ((rc = wetee_buf_append(out, (const uint8_t *)&hexd[v], 1))) return rc;
    }
    if (bits % 4 && (rc = append_str(out, "_"))) return rc;
    if ((rc = append_str(out, "}"))) return rc;
    for (unsigned i = 0; i < c->nrefs; i++) {
        if ((rc = append_str(out, "\n"))) return rc;
        if ((rc = to_string_rec(out, c->refs[i], indent + 1))) return rc;
    }
    return WETEE_OK;
}

int wetee_ton_cell_to_string(wetee_buf *out, const wetee_ton_cell *cell)
{
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(cell != NULL, MOD, "cell is NULL");
    wetee_buf_clear(out);
    rc = to_string_rec(out, cell, 0);
    if (rc == WETEE_OK) rc = wt_buf_terminate(out);
    return rc;
}

/* ---- builder ---- */

void ton_builder_init(wetee_ton_builder *b) { memset(b, 0, sizeof *b); }

void ton_builder_clear(wetee_ton_builder *b)
{
    for (unsigned i = 0; i < b->nrefs; i++) wetee_ton_cell_free(b->refs[i]);
    memset(b, 0, sizeof *b);
}

int wetee_ton_builder_new(wetee_ton_builder **out)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = wt_calloc(1, sizeof **out);
    if (*out == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for a builder");
    return WETEE_OK;
}

void wetee_ton_builder_free(wetee_ton_builder *b)
{
    if (b == NULL) return;
    ton_builder_clear(b);
    wt_free(b);
}

unsigned wetee_ton_builder_bits(const wetee_ton_builder *b) { return b ? b->bits : 0; }
unsigned wetee_ton_builder_refs(const wetee_ton_builder *b) { return b ? b->nrefs : 0; }

static int room(const wetee_ton_builder *b, size_t bits)
{
    if (bits > (size_t)(WETEE_TON_CELL_MAX_BITS - b->bits))
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": builder at bit %u: %zu bits do not fit (%u left)",
                        (unsigned)b->bits, bits, (unsigned)(WETEE_TON_CELL_MAX_BITS - b->bits));
    return WETEE_OK;
}

static void put_uint(wetee_ton_builder *b, uint64_t v, unsigned bits)
{
    for (unsigned i = 0; i < bits; i++) {
        unsigned pos = b->bits + i;
        if ((v >> (bits - 1 - i)) & 1) b->data[pos >> 3] |= (uint8_t)(0x80 >> (pos & 7));
    }
    b->bits = (uint16_t)(b->bits + bits);
}

int wetee_ton_builder_store_bit(wetee_ton_builder *b, int bit)
{
    WT_ARG(b != NULL, MOD, "b is NULL");
    int rc = room(b, 1);
    if (rc) return rc;
    put_uint(b, bit ? 1 : 0, 1);
    return WETEE_OK;
}

int wetee_ton_builder_store_uint(wetee_ton_builder *b, uint64_t value, unsigned bits)
{
    int rc;
    WT_ARG(b != NULL, MOD, "b is NULL");
    WT_ARG(bits <= 64, MOD, "bits above 64");
    if (bits < 64 && (value >> bits) != 0)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": builder at bit %u: %llu does not fit in %u bits",
                        (unsigned)b->bits, (unsigned long long)value, bits);
    if ((rc = room(b, bits))) return rc;
    put_uint(b, value, bits);
    return WETEE_OK;
}

int wetee_ton_builder_store_int(wetee_ton_builder *b, int64_t value, unsigned bits)
{
    int rc;
    WT_ARG(b != NULL, MOD, "b is NULL");
    WT_ARG(bits >= 1 && bits <= 64, MOD, "bits not in 1..64");
    if (bits < 64) {
        int64_t lo = -((int64_t)1 << (bits - 1)), hi = ((int64_t)1 << (bits - 1)) - 1;
        if (value < lo || value > hi)
            return wt_error(WETEE_ERR_OVERFLOW, MOD ": builder at bit %u: %lld does not fit in %u signed bits",
                            (unsigned)b->bits, (long long)value, bits);
    }
    if ((rc = room(b, bits))) return rc;
    put_uint(b, bits == 64 ? (uint64_t)value : ((uint64_t)value & ((UINT64_C(1) << bits) - 1)), bits);
    return WETEE_OK;
}

int wetee_ton_builder_store_bits(wetee_ton_builder *b, const uint8_t *data, size_t bit_len)
{
    int rc;
    WT_ARG(b != NULL, MOD, "b is NULL");
    WT_ARG(data != NULL || bit_len == 0, MOD, "data is NULL");
    if ((rc = room(b, bit_len))) return rc;
    ton_bits_copy(b->data, b->bits, data, 0, bit_len);
    b->bits = (uint16_t)(b->bits + bit_len);
    return WETEE_OK;
}

int wetee_ton_builder_store_bytes(wetee_ton_builder *b, const uint8_t *data, size_t len)
{
    WT_ARG(b != NULL, MOD, "b is NULL");
    WT_ARG_DATA(data, len, MOD);
    if (len > 128) /* len * 8 could wrap; no cell holds more than 1023 bits */
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": builder at bit %u: %zu bytes do not fit", (unsigned)b->bits, len);
    return wetee_ton_builder_store_bits(b, data, len * 8);
}

int wetee_ton_builder_store_coins(wetee_ton_builder *b, wetee_u128 value)
{
    uint8_t be[16];
    unsigned n = 16, skip = 0;
    int rc;
    WT_ARG(b != NULL, MOD, "b is NULL");
    for (unsigned i = 0; i < 8; i++) {
        be[i] = (uint8_t)(value.hi >> (56 - 8 * i));
        be[8 + i] = (uint8_t)(value.lo >> (56 - 8 * i));
    }
    while (skip < 16 && be[skip] == 0) skip++;
    n = 16 - skip;
    if (n > 15) return wt_error(WETEE_ERR_OVERFLOW, MOD ": builder at bit %u: coins value above 2^120-1", (unsigned)b->bits);
    if ((rc = room(b, 4 + 8 * n))) return rc;
    put_uint(b, n, 4);
    ton_bits_copy(b->data, b->bits, be + skip, 0, 8 * n);
    b->bits = (uint16_t)(b->bits + 8 * n);
    return WETEE_OK;
}

int wetee_ton_builder_store_ref(wetee_ton_builder *b, const wetee_ton_cell *cell)
{
    WT_ARG(b != NULL, MOD, "b is NULL");
    WT_ARG(cell != NULL, MOD, "cell is NULL");
    if (b->nrefs >= 4) return wt_error(WETEE_ERR_OVERFLOW, MOD ": builder already has 4 references");
    b->refs[b->nrefs++] = ton_cell_retain(cell);
    return WETEE_OK;
}

int wetee_ton_builder_store_maybe_ref(wetee_ton_builder *b, const wetee_ton_cell *cell)
{
    int rc;
    WT_ARG(b != NULL, MOD, "b is NULL");
    if (cell == NULL) return wetee_ton_builder_store_bit(b, 0);
    if ((rc = room(b, 1))) return rc;
    if (b->nrefs >= 4) return wt_error(WETEE_ERR_OVERFLOW, MOD ": builder already has 4 references");
    put_uint(b, 1, 1);
    b->refs[b->nrefs++] = ton_cell_retain(cell);
    return WETEE_OK;
}

int wetee_ton_builder_store_slice(wetee_ton_builder *b, const wetee_ton_slice *s)
{
    int rc;
    unsigned nbits, nrefs;
    WT_ARG(b != NULL, MOD, "b is NULL");
    WT_ARG(s != NULL, MOD, "s is NULL");
    nbits = s->r.cell->bits - s->r.pos;
    nrefs = s->r.cell->nrefs - s->r.ref;
    if ((rc = room(b, nbits))) return rc;
    if (b->nrefs + nrefs > 4)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": builder with %u references cannot take %u more", (unsigned)b->nrefs, nrefs);
    ton_bits_copy(b->data, b->bits, s->r.cell->data, s->r.pos, nbits);
    b->bits = (uint16_t)(b->bits + nbits);
    for (unsigned i = 0; i < nrefs; i++) b->refs[b->nrefs++] = ton_cell_retain(s->r.cell->refs[s->r.ref + i]);
    return WETEE_OK;
}

/* Build the snake tail of `data` into a fresh cell (recursively, from the end). */
static int snake_cell(wetee_ton_cell **out, const uint8_t *data, size_t len)
{
    /* Cells of 127 bytes; build from the last chunk backwards. */
    size_t nchunks = (len + 126) / 127;
    wetee_ton_cell *next = NULL;
    int rc = WETEE_OK;
    for (size_t k = nchunks; k-- > 0;) {
        size_t off = k * 127, n = len - off < 127 ? len - off : 127;
        wetee_ton_cell *c;
        rc = ton_cell_create(&c, data + off, (unsigned)(n * 8), next ? &next : NULL, next ? 1 : 0, 0, "snake string");
        wetee_ton_cell_free(next);
        next = NULL;
        if (rc) return rc;
        next = c;
    }
    *out = next;
    return WETEE_OK;
}

int wetee_ton_builder_store_snake(wetee_ton_builder *b, const uint8_t *data, size_t len)
{
    size_t fit;
    WT_ARG(b != NULL, MOD, "b is NULL");
    WT_ARG_DATA(data, len, MOD);
    if (len == 0) return WETEE_OK;
    fit = (size_t)(WETEE_TON_CELL_MAX_BITS - b->bits) / 8;
    if (len > fit) {
        wetee_ton_cell *tail;
        int rc;
        if (b->nrefs >= 4)
            return wt_error(WETEE_ERR_OVERFLOW, MOD ": snake string needs a reference and the builder has 4");
        if (len - fit > (size_t)127 * WETEE_TON_CELL_MAX_DEPTH)
            return wt_error(WETEE_ERR_TOO_LONG, MOD ": snake string of %zu bytes needs more than %u cells", len,
                            WETEE_TON_CELL_MAX_DEPTH);
        if ((rc = snake_cell(&tail, data + fit, len - fit))) return rc;
        ton_bits_copy(b->data, b->bits, data, 0, fit * 8);
        b->bits = (uint16_t)(b->bits + fit * 8);
        b->refs[b->nrefs++] = tail;
        return WETEE_OK;
    }
    ton_bits_copy(b->data, b->bits, data, 0, len * 8);
    b->bits = (uint16_t)(b->bits + len * 8);
    return WETEE_OK;
}

int wetee_ton_builder_end(wetee_ton_cell **out, const wetee_ton_builder *b)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(b != NULL, MOD, "b is NULL");
    return ton_cell_create(out, b->data, b->bits, b->refs, b->nrefs, 0, "builder");
}

int wetee_ton_builder_end_exotic(wetee_ton_cell **out, const wetee_ton_builder *b)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(b != NULL, MOD, "b is NULL");
    return ton_cell_create(out, b->data, b->bits, b->refs, b->nrefs, 1, "builder");
}

/* ---- slice ---- */

int wetee_ton_slice_new(wetee_ton_slice **out, const wetee_ton_cell *cell)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(cell != NULL, MOD, "cell is NULL");
    *out = wt_calloc(1, sizeof **out);
    if (*out == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for a slice");
    (*out)->r.cell = ton_cell_retain(cell);
    return WETEE_OK;
}

void wetee_ton_slice_free(wetee_ton_slice *s)
{
    if (s == NULL) return;
    wetee_ton_cell_free((wetee_ton_cell *)(uintptr_t)s->r.cell);
    wt_free(s);
}

unsigned wetee_ton_slice_bits_left(const wetee_ton_slice *s) { return s ? s->r.cell->bits - s->r.pos : 0; }
unsigned wetee_ton_slice_refs_left(const wetee_ton_slice *s) { return s ? s->r.cell->nrefs - s->r.ref : 0; }

static int need(const ton_reader *r, size_t bits)
{
    unsigned left = r->cell->bits - r->pos;
    if (bits > left)
        return wt_error(WETEE_ERR_TRUNCATED, MOD ": slice at bit %u: %zu bits wanted, %u left", r->pos, bits, left);
    return WETEE_OK;
}

int ton_read_uint(ton_reader *r, uint64_t *out, unsigned bits)
{
    uint64_t v = 0;
    int rc = need(r, bits);
    if (rc) return rc;
    for (unsigned i = 0; i < bits; i++) v = (v << 1) | (uint64_t)ton_bit_at(r->cell->data, r->pos + i);
    r->pos += bits;
    *out = v;
    return WETEE_OK;
}

int ton_read_bits(ton_reader *r, uint8_t *out, size_t bits)
{
    int rc = need(r, bits);
    if (rc) return rc;
    memset(out, 0, (bits + 7) / 8);
    ton_bits_copy(out, 0, r->cell->data, r->pos, bits);
    r->pos += (unsigned)bits;
    return WETEE_OK;
}

int ton_read_ref(ton_reader *r, const wetee_ton_cell **out)
{
    if (r->ref >= r->cell->nrefs)
        return wt_error(WETEE_ERR_TRUNCATED, MOD ": slice at bit %u: no reference left (%u read)", r->pos, r->ref);
    *out = r->cell->refs[r->ref++];
    return WETEE_OK;
}

int ton_read_coins(ton_reader *r, wetee_u128 *out)
{
    ton_reader save = *r;
    uint64_t n = 0, byte = 0;
    wetee_u128 v = {0, 0};
    int rc = ton_read_uint(r, &n, 4);
    if (rc) return rc;
    for (unsigned i = 0; i < n; i++) {
        if ((rc = ton_read_uint(r, &byte, 8))) { *r = save; return rc; }
        v.hi = (v.hi << 8) | (v.lo >> 56);
        v.lo = (v.lo << 8) | byte;
    }
    *out = v;
    return WETEE_OK;
}

#define SLICE_ARGS(out)                                                                            \
    WT_ARG((out) != NULL, MOD, "out is NULL");                                                     \
    WT_ARG(s != NULL, MOD, "s is NULL")

int wetee_ton_slice_load_bit(int *out, wetee_ton_slice *s)
{
    uint64_t v = 0;
    int rc;
    SLICE_ARGS(out);
    if ((rc = ton_read_uint(&s->r, &v, 1))) return rc;
    *out = (int)v;
    return WETEE_OK;
}

int wetee_ton_slice_load_uint(uint64_t *out, wetee_ton_slice *s, unsigned bits)
{
    SLICE_ARGS(out);
    WT_ARG(bits <= 64, MOD, "bits above 64");
    return ton_read_uint(&s->r, out, bits);
}

int wetee_ton_slice_load_int(int64_t *out, wetee_ton_slice *s, unsigned bits)
{
    uint64_t v = 0;
    int rc;
    SLICE_ARGS(out);
    WT_ARG(bits >= 1 && bits <= 64, MOD, "bits not in 1..64");
    if ((rc = ton_read_uint(&s->r, &v, bits))) return rc;
    if (bits < 64 && (v >> (bits - 1)) & 1) v |= ~((UINT64_C(1) << bits) - 1);
    *out = (int64_t)v;
    return WETEE_OK;
}

int wetee_ton_slice_load_bits(uint8_t *out, size_t out_len, wetee_ton_slice *s, size_t bit_len)
{
    size_t need = bit_len / 8 + (bit_len % 8 != 0); /* (bit_len + 7) / 8 wraps for SIZE_MAX */
    SLICE_ARGS(out);
    WT_ARG_OUT_LEN(out_len, MOD);
    if (out_len < need)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": %zu bits need %zu bytes, buffer has %zu", bit_len, need, out_len);
    return ton_read_bits(&s->r, out, bit_len);
}

int wetee_ton_slice_load_coins(wetee_u128 *out, wetee_ton_slice *s)
{
    SLICE_ARGS(out);
    return ton_read_coins(&s->r, out);
}

int wetee_ton_slice_load_ref(wetee_ton_cell **out, wetee_ton_slice *s)
{
    const wetee_ton_cell *c = NULL;
    int rc;
    SLICE_ARGS(out);
    *out = NULL;
    if ((rc = ton_read_ref(&s->r, &c))) return rc;
    *out = ton_cell_retain(c);
    return WETEE_OK;
}

int wetee_ton_slice_load_maybe_ref(wetee_ton_cell **out, wetee_ton_slice *s)
{
    ton_reader save;
    uint64_t bit = 0;
    const wetee_ton_cell *c = NULL;
    int rc;
    SLICE_ARGS(out);
    *out = NULL;
    save = s->r;
    if ((rc = ton_read_uint(&s->r, &bit, 1))) return rc;
    if (!bit) return WETEE_OK;
    if ((rc = ton_read_ref(&s->r, &c))) { s->r = save; return rc; }
    *out = ton_cell_retain(c);
    return WETEE_OK;
}

int wetee_ton_slice_load_snake(wetee_buf *out, wetee_ton_slice *s)
{
    const wetee_ton_cell *c = NULL;
    unsigned pos, ref, hops = 0;
    int rc;
    SLICE_ARGS(out);
    wetee_buf_clear(out);
    c = s->r.cell;
    pos = s->r.pos;
    ref = s->r.ref;
    for (;;) {
        unsigned n = c->bits - pos;
        uint8_t tmp[128];
        if (n % 8) return wt_error(WETEE_ERR_DECODE, MOD ": snake string cell %u has %u bits, not whole bytes", hops, n);
        memset(tmp, 0, sizeof tmp);
        ton_bits_copy(tmp, 0, c->data, pos, n);
        if ((rc = wetee_buf_append(out, tmp, n / 8))) return rc;
        if (c->nrefs - ref == 0) break;
        if (c->nrefs - ref > 1)
            return wt_error(WETEE_ERR_DECODE, MOD ": snake string cell %u has %u references, at most 1 allowed", hops,
                            c->nrefs - ref);
        c = c->refs[ref];
        pos = 0;
        ref = 0;
        if (++hops > WETEE_TON_CELL_MAX_DEPTH) return wt_error(WETEE_ERR_DEPTH, MOD ": snake string too deep");
    }
    if ((rc = wt_buf_terminate(out))) return rc;
    s->r.pos = s->r.cell->bits;
    s->r.ref = s->r.cell->nrefs;
    return WETEE_OK;
}

int wetee_ton_slice_skip(wetee_ton_slice *s, size_t bits)
{
    int rc;
    WT_ARG(s != NULL, MOD, "s is NULL");
    if ((rc = need(&s->r, bits))) return rc;
    s->r.pos += (unsigned)bits;
    return WETEE_OK;
}

int wetee_ton_slice_end(const wetee_ton_slice *s)
{
    WT_ARG(s != NULL, MOD, "s is NULL");
    if (s->r.pos != s->r.cell->bits || s->r.ref != s->r.cell->nrefs)
        return wt_error(WETEE_ERR_DECODE, MOD ": slice at bit %u: %u bits and %u references left unread", s->r.pos,
                        (unsigned)(s->r.cell->bits - s->r.pos), (unsigned)(s->r.cell->nrefs - s->r.ref));
    return WETEE_OK;
}
