/* Bag of cells (ton-blockchain/ton crypto/tl/boc.tlb, crypto/vm/boc.cpp):
 * strict parser and a serialiser byte-identical with @ton/core serializeBoc. */
#include <stdio.h>

#include "ton/ton_impl.h"
#include "wetee/hash.h"

#define MAGIC_GENERIC 0xb5ee9c72u
#define MAGIC_IDX 0x68ff65f3u
#define MAGIC_IDX_CRC 0xacc3a728u

#define DEFAULT_MAX_CELLS 65536u
#define DEFAULT_MAX_ROOTS 16u

/* ---------------- parser ---------------- */

typedef struct {
    const uint8_t *p;
    size_t len, pos;
} rd;

static int rd_uint(rd *r, uint64_t *out, unsigned n, const char *what)
{
    uint64_t v = 0;
    if (n > r->len - r->pos)
        return wt_error(WETEE_ERR_TRUNCATED, MOD ": boc at offset %zu: %s needs %u bytes, %zu left", r->pos, what, n,
                        r->len - r->pos);
    for (unsigned i = 0; i < n; i++) v = (v << 8) | r->p[r->pos + i];
    r->pos += n;
    *out = v;
    return WETEE_OK;
}

typedef struct {
    size_t off;      /* offset of the cell's d1 byte in the input */
    uint8_t d1, nrefs;
    uint16_t bits;
    const uint8_t *data;
    uint32_t refs[4];
} raw_cell;

/* Where a cell of a BOC is, for error messages: ton_cell_create() is given
 * the placeholder CELL_WHERE (formatting the place of every cell cost as much
 * as hashing it), and on an error the placeholder in the message is replaced
 * by "boc at offset N: cell #J". */
#define CELL_WHERE "boc cell"

static int cell_error(int rc, size_t off, uint64_t j)
{
    char msg[512];
    const char *m = wetee_last_error(), *at = m ? strstr(m, CELL_WHERE) : NULL;
    if (at == NULL) return rc;
    snprintf(msg, sizeof msg, "%s", m);
    at = msg + (at - m);
    return wt_error(rc, "%.*sboc at offset %zu: cell #%llu%s", (int)(at - msg), msg, off, (unsigned long long)j,
                    at + sizeof CELL_WHERE - 1);
}

static int parse_impl(wetee_ton_cell **roots, size_t max_roots, size_t *count, const uint8_t *data, size_t len,
                      const wetee_ton_boc_options *opts)
{
    rd r = { data, len, 0 };
    uint64_t magic = 0, v = 0, cells = 0, nroots = 0, absent = 0, tot_size = 0;
    unsigned size, off_bytes, has_idx = 0, has_crc = 0, has_cache = 0;
    uint32_t max_cells = DEFAULT_MAX_CELLS, max_roots_opt = DEFAULT_MAX_ROOTS, max_depth = WETEE_TON_CELL_MAX_DEPTH;
    uint64_t root_idx[64];
    raw_cell *raw = NULL;
    wetee_ton_cell **built = NULL;
    size_t data_start, data_end;
    int rc;

    if (opts) {
        WT_ARG(opts->version == WETEE_TON_BOC_OPTIONS_VERSION, MOD, "opts->version is not WETEE_TON_BOC_OPTIONS_VERSION");
        WT_ARG(opts->max_depth <= WETEE_TON_CELL_MAX_DEPTH, MOD, "opts->max_depth above 1024");
        if (opts->max_cells) max_cells = opts->max_cells;
        if (opts->max_roots) max_roots_opt = opts->max_roots;
        if (opts->max_depth) max_depth = opts->max_depth;
    }
    if (max_roots_opt > 64) max_roots_opt = 64;

    if ((rc = rd_uint(&r, &magic, 4, "magic"))) return rc;
    if (magic == MAGIC_GENERIC) {
        if ((rc = rd_uint(&r, &v, 1, "flags byte"))) return rc;
        has_idx = (unsigned)(v >> 7) & 1;
        has_crc = (unsigned)(v >> 6) & 1;
        has_cache = (unsigned)(v >> 5) & 1;
        if ((v >> 3) & 3)
            return wt_error(WETEE_ERR_DECODE, MOD ": boc at offset 4: reserved flag bits set (byte 0x%02x)", (unsigned)v);
        size = (unsigned)v & 7;
        if (has_cache && !has_idx)
            return wt_error(WETEE_ERR_DECODE, MOD ": boc at offset 4: cache bits flag without an index");
    } else if (magic == MAGIC_IDX || magic == MAGIC_IDX_CRC) {
        if ((rc = rd_uint(&r, &v, 1, "size byte"))) return rc;
        size = (unsigned)v;
        has_idx = 1;
        has_crc = magic == MAGIC_IDX_CRC;
    } else {
        return wt_error(WETEE_ERR_DECODE, MOD ": boc at offset 0: unknown magic %08llx", (unsigned long long)magic);
    }
    if (size < 1 || size > 4)
        return wt_error(WETEE_ERR_DECODE, MOD ": boc at offset 4: reference size %u is not 1..4", size);
    if ((rc = rd_uint(&r, &v, 1, "offset size"))) return rc;
    off_bytes = (unsigned)v;
    if (off_bytes < 1 || off_bytes > 8)
        return wt_error(WETEE_ERR_DECODE, MOD ": boc at offset 5: offset size %u is not 1..8", off_bytes);
    if ((rc = rd_uint(&r, &cells, size, "cell count"))) return rc;
    if ((rc = rd_uint(&r, &nroots, size, "root count"))) return rc;
    if ((rc = rd_uint(&r, &absent, size, "absent count"))) return rc;
    if ((rc = rd_uint(&r, &tot_size, off_bytes, "total cell size"))) return rc;
    if (cells == 0) return wt_error(WETEE_ERR_DECODE, MOD ": boc at offset 6: no cells");
    if (cells > max_cells)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": boc at offset 6: %llu cells, limit %u", (unsigned long long)cells,
                        max_cells);
    if (nroots == 0 || nroots > cells)
        return wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %u: %llu roots for %llu cells", 6 + size,
                        (unsigned long long)nroots, (unsigned long long)cells);
    if (nroots > max_roots_opt || nroots > max_roots)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": boc at offset %u: %llu roots, at most %zu accepted", 6 + size,
                        (unsigned long long)nroots, max_roots < max_roots_opt ? max_roots : (size_t)max_roots_opt);
    if (absent != 0)
        return wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %u: %llu absent cells (not supported)", 6 + 2 * size,
                        (unsigned long long)absent);
    /* Each cell takes at least 2 bytes, at most 2 + 4*34 + 128 + 4*size. */
    if (tot_size < 2 * cells || tot_size > cells * (2 + 4 * 34 + 128 + 4 * (uint64_t)size))
        return wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %u: total cell size %llu impossible for %llu cells",
                        6 + 3 * size, (unsigned long long)tot_size, (unsigned long long)cells);
    {
        /* roots + index + cells + crc must be exactly what is left */
        uint64_t need = nroots * size * (magic == MAGIC_GENERIC) + (has_idx ? cells * off_bytes : 0) + tot_size +
                        (has_crc ? 4 : 0);
        uint64_t left = len - r.pos;
        if (magic != MAGIC_GENERIC) need += 0;
        if (need > left)
            return wt_error(WETEE_ERR_TRUNCATED, MOD ": boc of %zu bytes is truncated: %llu more bytes needed", len,
                            (unsigned long long)(need - left));
        if (need < left)
            return wt_error(WETEE_ERR_DECODE, MOD ": boc has %llu trailing bytes after offset %llu",
                            (unsigned long long)(left - need), (unsigned long long)(r.pos + need));
    }
    if (has_crc) {
        uint32_t crc;
        wetee_crc32c(&crc, data, len - 4);
        if (crc != wt_load_le32(data + len - 4))
            return wt_error(WETEE_ERR_CHECKSUM, MOD ": boc at offset %zu: CRC32C %08x does not match the computed %08x",
                            len - 4, wt_load_le32(data + len - 4), crc);
    }
    if (magic == MAGIC_GENERIC) {
        for (uint64_t i = 0; i < nroots; i++) {
            size_t at = r.pos;
            if ((rc = rd_uint(&r, &root_idx[i], size, "root index"))) return rc;
            if (root_idx[i] >= cells)
                return wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %zu: root %llu is cell #%llu of %llu", at,
                                (unsigned long long)i, (unsigned long long)root_idx[i], (unsigned long long)cells);
        }
    } else {
        if (nroots != 1)
            return wt_error(WETEE_ERR_DECODE, MOD ": boc: legacy format with %llu roots (must be 1)", (unsigned long long)nroots);
        root_idx[0] = 0;
    }
    raw = wt_calloc((size_t)cells, sizeof *raw);
    built = wt_calloc((size_t)cells, sizeof *built);
    if (raw == NULL || built == NULL) { rc = wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for %llu cells", (unsigned long long)cells); goto done; }
    {
        size_t idx_start = r.pos;
        data_start = idx_start + (has_idx ? (size_t)cells * off_bytes : 0);
        data_end = data_start + (size_t)tot_size;
        r.pos = data_start;
        r.len = data_end;
        for (uint64_t i = 0; i < cells; i++) {
            raw_cell *c = &raw[i];
            uint64_t d1, d2;
            unsigned nbytes, hashes;
            c->off = r.pos;
            if ((rc = rd_uint(&r, &d1, 1, "cell descriptor"))) goto done;
            if ((rc = rd_uint(&r, &d2, 1, "cell descriptor"))) goto done;
            c->d1 = (uint8_t)d1;
            c->nrefs = (uint8_t)(d1 & 7);
            if (c->nrefs == 7) { rc = wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %zu: cell #%llu is an absent cell (not supported)", c->off, (unsigned long long)i); goto done; }
            if (c->nrefs > 4) { rc = wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %zu: cell #%llu has %u references", c->off, (unsigned long long)i, c->nrefs); goto done; }
            hashes = (d1 & 16) ? ton_popcount((unsigned)(d1 >> 5)) + 1 : 0;
            if (hashes) {
                if ((size_t)hashes * 34 > r.len - r.pos) { rc = wt_error(WETEE_ERR_TRUNCATED, MOD ": boc at offset %zu: cell #%llu: stored hashes run past the cell data", c->off, (unsigned long long)i); goto done; }
                r.pos += (size_t)hashes * 34;
            }
            nbytes = (unsigned)(d2 + 1) / 2;
            if (nbytes > r.len - r.pos) { rc = wt_error(WETEE_ERR_TRUNCATED, MOD ": boc at offset %zu: cell #%llu: %u data bytes run past the cell data", c->off, (unsigned long long)i, nbytes); goto done; }
            c->data = r.p + r.pos;
            if (d2 & 1) {
                uint8_t last = c->data[nbytes - 1];
                if (last == 0) { rc = wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %zu: cell #%llu: padded data without completion tag", c->off, (unsigned long long)i); goto done; }
                c->bits = (uint16_t)(nbytes * 8 - 1 - (unsigned)__builtin_ctz(last));
            } else {
                c->bits = (uint16_t)(nbytes * 8);
            }
            r.pos += nbytes;
            for (unsigned k = 0; k < c->nrefs; k++) {
                size_t at = r.pos;
                uint64_t ref = 0;
                if ((rc = rd_uint(&r, &ref, size, "reference index"))) goto done;
                if (ref >= cells) { rc = wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %zu: cell #%llu refers to cell #%llu of %llu", at, (unsigned long long)i, (unsigned long long)ref, (unsigned long long)cells); goto done; }
                if (ref <= i) { rc = wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %zu: cell #%llu refers to cell #%llu, not to a later cell", at, (unsigned long long)i, (unsigned long long)ref); goto done; }
                c->refs[k] = (uint32_t)ref;
            }
            if (has_idx) {
                const uint8_t *ip = data + idx_start + (size_t)i * off_bytes;
                uint64_t end = 0;
                for (unsigned k = 0; k < off_bytes; k++) end = (end << 8) | ip[k];
                if (has_cache) end >>= 1;
                if (end != r.pos - data_start) { rc = wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %zu: index entry %llu is %llu, cell ends at %zu", (size_t)(ip - data), (unsigned long long)i, (unsigned long long)end, r.pos - data_start); goto done; }
            }
        }
        if (r.pos != data_end) { rc = wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %zu: %zu bytes of cell data left after the last cell", r.pos, data_end - r.pos); goto done; }
    }
    for (uint64_t j = cells; j-- > 0;) {
        raw_cell *c = &raw[j];
        wetee_ton_cell *refs[4];
        for (unsigned k = 0; k < c->nrefs; k++) refs[k] = built[c->refs[k]];
        if ((rc = ton_cell_create(&built[j], c->data, c->bits, refs, c->nrefs, (c->d1 >> 3) & 1, CELL_WHERE))) {
            rc = cell_error(rc, c->off, j);
            goto done;
        }
        if (built[j]->level_mask != (c->d1 >> 5)) {
            rc = wt_error(WETEE_ERR_DECODE, MOD ": boc at offset %zu: cell #%llu: declared level mask %u, computed %u",
                          c->off, (unsigned long long)j, (unsigned)(c->d1 >> 5), (unsigned)built[j]->level_mask);
            goto done;
        }
        for (unsigned l = 0; l < 4; l++)
            if (built[j]->depths[l] > max_depth) {
                rc = wt_error(WETEE_ERR_DEPTH, MOD ": boc at offset %zu: cell #%llu: depth %u above the limit %u", c->off,
                              (unsigned long long)j, (unsigned)built[j]->depths[l], max_depth);
                goto done;
            }
    }
    for (uint64_t i = 0; i < nroots; i++) roots[i] = ton_cell_retain(built[root_idx[i]]);
    *count = (size_t)nroots;
    rc = WETEE_OK;
done:
    if (built)
        for (uint64_t j = 0; j < cells; j++) wetee_ton_cell_free(built[j]);
    wt_free(built);
    wt_free(raw);
    return rc;
}

int wetee_ton_boc_parse_roots(wetee_ton_cell **roots, size_t max_roots, size_t *count, const uint8_t *data, size_t len,
                              const wetee_ton_boc_options *opts)
{
    WT_ARG(roots != NULL, MOD, "roots is NULL");
    WT_ARG(count != NULL, MOD, "count is NULL");
    WT_ARG(max_roots <= WT_LEN_MAX / sizeof *roots, MOD, "max_roots larger than any array");
    WT_ARG_DATA(data, len, MOD);
    for (size_t i = 0; i < max_roots; i++) roots[i] = NULL;
    *count = 0;
    return parse_impl(roots, max_roots, count, data, len, opts);
}

int wetee_ton_boc_parse(wetee_ton_cell **out, const uint8_t *data, size_t len, const wetee_ton_boc_options *opts)
{
    size_t n;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG_DATA(data, len, MOD);
    return parse_impl(out, 1, &n, data, len, opts);
}

int wetee_ton_boc_parse_base64(wetee_ton_cell **out, const char *text, size_t text_len)
{
    wetee_buf b = WETEE_BUF_INIT;
    int rc;
    size_t i, url = 0;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG_DATA(text, text_len, MOD);
    for (i = 0; i < text_len; i++)
        if (text[i] == '-' || text[i] == '_') url = 1;
    rc = wetee_base64_decode(&b, text, text_len, url ? WETEE_BASE64_URL : 0);
    if (rc == WETEE_OK) rc = wetee_ton_boc_parse(out, b.data, b.len, NULL);
    wetee_buf_free(&b);
    return rc;
}

/* ---------------- serialiser ---------------- */

/* Open-addressing table: representation hash -> position in `order`. */
typedef struct {
    const wetee_ton_cell **cells; /* order of completion (post-order) */
    size_t n, cap;
    uint32_t *slots; /* 1 + index into cells, 0 empty */
    size_t nslots;
} topo;

static uint64_t key_of(const wetee_ton_cell *c)
{
    uint64_t k;
    memcpy(&k, c->hashes[3], 8);
    return k;
}

static long topo_find(const topo *t, const wetee_ton_cell *c)
{
    size_t m = t->nslots - 1, i = (size_t)key_of(c) & m;
    while (t->slots[i]) {
        const wetee_ton_cell *o = t->cells[t->slots[i] - 1];
        if (o == c || memcmp(o->hashes[3], c->hashes[3], 32) == 0) return (long)t->slots[i] - 1;
        i = (i + 1) & m;
    }
    return -1;
}

static int topo_grow(topo *t)
{
    size_t ncap = t->cap ? t->cap * 2 : 64, nslots = ncap * 2;
    const wetee_ton_cell **nc = wt_realloc(t->cells, ncap * sizeof *nc);
    uint32_t *ns;
    if (nc == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory serialising a boc");
    t->cells = nc;
    ns = wt_calloc(nslots, sizeof *ns);
    if (ns == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory serialising a boc");
    for (size_t j = 0; j < t->n; j++) {
        size_t i = (size_t)key_of(t->cells[j]) & (nslots - 1);
        while (ns[i]) i = (i + 1) & (nslots - 1);
        ns[i] = (uint32_t)(j + 1);
    }
    wt_free(t->slots);
    t->slots = ns;
    t->nslots = nslots;
    t->cap = ncap;
    return WETEE_OK;
}

/* @ton/core topologicalSort: post-order DFS visiting references last to
 * first; the BOC order is the reverse. Depth is bounded by 1024. */
static int visit(topo *t, const wetee_ton_cell *c)
{
    int rc;
    if (t->n && topo_find(t, c) >= 0) return WETEE_OK;
    for (unsigned k = c->nrefs; k-- > 0;)
        if ((rc = visit(t, c->refs[k]))) return rc;
    if (t->n + 1 > t->cap / 2 || t->cap == 0)
        if ((rc = topo_grow(t))) return rc;
    t->cells[t->n] = c;
    {
        size_t m = t->nslots - 1, i = (size_t)key_of(c) & m;
        while (t->slots[i]) i = (i + 1) & m;
        t->slots[i] = (uint32_t)(t->n + 1);
    }
    t->n++;
    return WETEE_OK;
}

static unsigned bytes_for(uint64_t v)
{
    unsigned n = 0;
    while (v) { n++; v >>= 8; }
    return n ? n : 1;
}

static void put_be(uint8_t *p, uint64_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++) p[i] = (uint8_t)(v >> (8 * (n - 1 - i)));
}

int wetee_ton_boc_serialize(wetee_buf *out, const wetee_ton_cell *root, unsigned flags)
{
    topo t = {0};
    size_t n, total = 0, hdr, size_all;
    unsigned size, off_bytes;
    uint64_t *ends = NULL;
    uint8_t *p;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(root != NULL, MOD, "root is NULL");
    WT_ARG((flags & ~(WETEE_TON_BOC_INDEX | WETEE_TON_BOC_CRC32C)) == 0, MOD, "unknown flag");
    wetee_buf_clear(out);
    if ((rc = visit(&t, root))) goto done;
    n = t.n;
    size = bytes_for(n);
    ends = wt_calloc(n, sizeof *ends);
    if (ends == NULL) { rc = wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory serialising a boc"); goto done; }
    for (size_t i = 0; i < n; i++) {
        const wetee_ton_cell *c = t.cells[n - 1 - i];
        total += 2 + (c->bits + 7u) / 8u + (size_t)c->nrefs * size;
        ends[i] = total;
    }
    off_bytes = bytes_for(total);
    hdr = 4 + 1 + 1 + 3 * size + off_bytes + size;
    size_all = hdr + ((flags & WETEE_TON_BOC_INDEX) ? n * off_bytes : 0) + total + ((flags & WETEE_TON_BOC_CRC32C) ? 4 : 0);
    if ((rc = wetee_buf_reserve(out, size_all))) goto done;
    p = out->data;
    put_be(p, MAGIC_GENERIC, 4);
    p[4] = (uint8_t)(((flags & WETEE_TON_BOC_INDEX) ? 0x80 : 0) | ((flags & WETEE_TON_BOC_CRC32C) ? 0x40 : 0) | size);
    p[5] = (uint8_t)off_bytes;
    p += 6;
    put_be(p, n, size); p += size;
    put_be(p, 1, size); p += size;
    put_be(p, 0, size); p += size;
    put_be(p, total, off_bytes); p += off_bytes;
    put_be(p, 0, size); p += size;
    if (flags & WETEE_TON_BOC_INDEX)
        for (size_t i = 0; i < n; i++) { put_be(p, ends[i], off_bytes); p += off_bytes; }
    for (size_t i = 0; i < n; i++) {
        const wetee_ton_cell *c = t.cells[n - 1 - i];
        unsigned nb = (c->bits + 7u) / 8u;
        *p++ = (uint8_t)(c->nrefs + 8 * c->exotic + 32 * c->level_mask);
        *p++ = (uint8_t)((c->bits + 7u) / 8u + c->bits / 8u);
        memcpy(p, c->data, nb);
        if (c->bits & 7) p[nb - 1] |= (uint8_t)(0x80 >> (c->bits & 7));
        p += nb;
        for (unsigned k = 0; k < c->nrefs; k++) {
            long pos = topo_find(&t, c->refs[k]);
            put_be(p, n - 1 - (size_t)pos, size);
            p += size;
        }
    }
    if (flags & WETEE_TON_BOC_CRC32C) {
        uint32_t crc;
        wetee_crc32c(&crc, out->data, (size_t)(p - out->data));
        wt_store_le32(p, crc);
        p += 4;
    }
    out->len = (size_t)(p - out->data);
    rc = WETEE_OK;
done:
    wt_free(ends);
    wt_free(t.cells);
    wt_free(t.slots);
    return rc;
}
