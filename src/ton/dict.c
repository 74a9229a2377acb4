/* Dictionaries (HashmapE n X, crypto/block/block.tlb hm_edge / hml_* /
 * hmn_*): an in-memory sorted map serialised exactly as @ton/core
 * serializeDict chooses labels, and a strict loader. */
#include "ton/ton_impl.h"

#define KEY_MAX_BYTES 128

typedef struct {
    uint8_t key[KEY_MAX_BYTES];
    wetee_ton_cell *value;
} entry;

struct wetee_ton_dict {
    unsigned key_bits;
    size_t n, cap;
    entry *e;
};

static size_t key_bytes(const wetee_ton_dict *d) { return (d->key_bits + 7) / 8; }

int wetee_ton_dict_new(wetee_ton_dict **out, unsigned key_bits)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(key_bits >= 1 && key_bits <= WETEE_TON_CELL_MAX_BITS, MOD, "key_bits not in 1..1023");
    *out = wt_calloc(1, sizeof **out);
    if (*out == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for a dictionary");
    (*out)->key_bits = key_bits;
    return WETEE_OK;
}

void wetee_ton_dict_free(wetee_ton_dict *d)
{
    if (d == NULL) return;
    for (size_t i = 0; i < d->n; i++) wetee_ton_cell_free(d->e[i].value);
    wt_free(d->e);
    wt_free(d);
}

size_t wetee_ton_dict_count(const wetee_ton_dict *d) { return d ? d->n : 0; }
unsigned wetee_ton_dict_key_bits(const wetee_ton_dict *d) { return d ? d->key_bits : 0; }

/* Keys are key_bits bits, MSB first, in ceil(key_bits/8) bytes; the unused
 * low bits of the last byte must be zero. */
static int check_key(const wetee_ton_dict *d, const uint8_t *key, size_t key_len)
{
    size_t kb = key_bytes(d);
    WT_ARG(key != NULL, MOD, "key is NULL");
    WT_ARG_LEN(key_len, MOD);
    if (key_len != kb)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": dictionary key of %zu bytes, %u-bit keys take %zu", key_len,
                        d->key_bits, kb);
    if ((d->key_bits & 7) && (key[kb - 1] & (0xff >> (d->key_bits & 7))))
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": dictionary key has bits set past bit %u", d->key_bits);
    return WETEE_OK;
}

/* Binary search: index of the key, or -(insertion point) - 1. */
static long find(const wetee_ton_dict *d, const uint8_t *key)
{
    size_t lo = 0, hi = d->n, kb = key_bytes(d);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = memcmp(d->e[mid].key, key, kb);
        if (c == 0) return (long)mid;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return -(long)lo - 1;
}

static int set_impl(wetee_ton_dict *d, const uint8_t *key, const wetee_ton_cell *value)
{
    long at = find(d, key);
    if (at >= 0) {
        wetee_ton_cell *old = d->e[at].value;
        d->e[at].value = ton_cell_retain(value);
        wetee_ton_cell_free(old);
        return WETEE_OK;
    }
    if (d->n == d->cap) {
        size_t ncap = d->cap ? d->cap * 2 : 8;
        entry *ne = wt_realloc(d->e, ncap * sizeof *ne);
        if (ne == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory growing a dictionary");
        d->e = ne;
        d->cap = ncap;
    }
    at = -at - 1;
    memmove(&d->e[at + 1], &d->e[at], (d->n - (size_t)at) * sizeof *d->e);
    memset(d->e[at].key, 0, sizeof d->e[at].key);
    memcpy(d->e[at].key, key, key_bytes(d));
    d->e[at].value = ton_cell_retain(value);
    d->n++;
    return WETEE_OK;
}

int wetee_ton_dict_set(wetee_ton_dict *d, const uint8_t *key, size_t key_len, const wetee_ton_cell *value)
{
    int rc;
    WT_ARG(d != NULL, MOD, "d is NULL");
    WT_ARG(value != NULL, MOD, "value is NULL");
    if ((rc = check_key(d, key, key_len))) return rc;
    return set_impl(d, key, value);
}

static int uint_key(uint8_t key[KEY_MAX_BYTES], const wetee_ton_dict *d, uint64_t k)
{
    unsigned kb = d->key_bits;
    memset(key, 0, KEY_MAX_BYTES);
    if (kb < 64 && (k >> kb))
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": key %llu does not fit %u-bit keys", (unsigned long long)k, kb);
    for (unsigned i = 0; i < 64 && i < kb; i++)
        if ((k >> i) & 1) {
            unsigned pos = kb - 1 - i;
            key[pos >> 3] |= (uint8_t)(0x80 >> (pos & 7));
        }
    return WETEE_OK;
}

int wetee_ton_dict_set_uint(wetee_ton_dict *d, uint64_t key, const wetee_ton_cell *value)
{
    uint8_t k[KEY_MAX_BYTES];
    int rc;
    WT_ARG(d != NULL, MOD, "d is NULL");
    WT_ARG(value != NULL, MOD, "value is NULL");
    if ((rc = uint_key(k, d, key))) return rc;
    return set_impl(d, k, value);
}

static int get_impl(wetee_ton_cell **out, const wetee_ton_dict *d, const uint8_t *key)
{
    long at = find(d, key);
    if (at < 0) return wt_error(WETEE_ERR_NOT_FOUND, MOD ": key not in the dictionary");
    *out = ton_cell_retain(d->e[at].value);
    return WETEE_OK;
}

int wetee_ton_dict_get(wetee_ton_cell **out, const wetee_ton_dict *d, const uint8_t *key, size_t key_len)
{
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(d != NULL, MOD, "d is NULL");
    if ((rc = check_key(d, key, key_len))) return rc;
    return get_impl(out, d, key);
}

int wetee_ton_dict_get_uint(wetee_ton_cell **out, const wetee_ton_dict *d, uint64_t key)
{
    uint8_t k[KEY_MAX_BYTES];
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(d != NULL, MOD, "d is NULL");
    if ((rc = uint_key(k, d, key))) return rc;
    return get_impl(out, d, k);
}

int wetee_ton_dict_remove(wetee_ton_dict *d, const uint8_t *key, size_t key_len)
{
    long at;
    int rc;
    WT_ARG(d != NULL, MOD, "d is NULL");
    if ((rc = check_key(d, key, key_len))) return rc;
    at = find(d, key);
    if (at < 0) return wt_error(WETEE_ERR_NOT_FOUND, MOD ": key not in the dictionary");
    wetee_ton_cell_free(d->e[at].value);
    memmove(&d->e[at], &d->e[at + 1], (d->n - (size_t)at - 1) * sizeof *d->e);
    d->n--;
    return WETEE_OK;
}

int wetee_ton_dict_entry(uint8_t *key, size_t key_len, wetee_ton_cell **value, const wetee_ton_dict *d, size_t index)
{
    WT_ARG(d != NULL, MOD, "d is NULL");
    WT_ARG(key != NULL && key_len == key_bytes(d), MOD, "key buffer is not ceil(key_bits/8) bytes");
    if (value) *value = NULL;
    if (index >= d->n) return wt_error(WETEE_ERR_NOT_FOUND, MOD ": entry %zu of a dictionary of %zu", index, d->n);
    memcpy(key, d->e[index].key, key_len);
    if (value) *value = ton_cell_retain(d->e[index].value);
    return WETEE_OK;
}

/* ---- serialisation ---- */

static unsigned bitlen(unsigned m)
{
    unsigned n = 0;
    while (m) { n++; m >>= 1; }
    return n;
}

static int write_label(wetee_ton_builder *b, const uint8_t *key, unsigned pos, unsigned n, unsigned m)
{
    unsigned k = bitlen(m), shortl = 2 * n + 2, longl = 2 + k + n, samel = 3 + k, best = shortl;
    int kind = 0, same = 1, rc = WETEE_OK;
    for (unsigned i = 1; i < n; i++)
        if (ton_bit_at(key, pos + i) != ton_bit_at(key, pos)) { same = 0; break; }
    if (longl < best) { best = longl; kind = 1; }
    if (same && samel < best) { best = samel; kind = 2; }
    if (best > (unsigned)(WETEE_TON_CELL_MAX_BITS - b->bits))
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": dictionary label of %u bits does not fit the cell", best);
    if (kind == 0) {
        wetee_ton_builder_store_uint(b, 0, 1);
        for (unsigned i = 0; i < n; i++) wetee_ton_builder_store_uint(b, 1, 1);
        wetee_ton_builder_store_uint(b, 0, 1);
        ton_bits_copy(b->data, b->bits, key, pos, n);
        b->bits = (uint16_t)(b->bits + n);
    } else if (kind == 1) {
        wetee_ton_builder_store_uint(b, 2, 2);
        wetee_ton_builder_store_uint(b, n, k);
        ton_bits_copy(b->data, b->bits, key, pos, n);
        b->bits = (uint16_t)(b->bits + n);
    } else {
        wetee_ton_builder_store_uint(b, 3, 2);
        wetee_ton_builder_store_uint(b, (uint64_t)ton_bit_at(key, pos), 1);
        rc = wetee_ton_builder_store_uint(b, n, k);
    }
    return rc;
}

/* Edge over entries [lo, hi) whose keys agree on bits before `pos`. */
static int write_edge(wetee_ton_cell **out, const wetee_ton_dict *d, size_t lo, size_t hi, unsigned pos)
{
    wetee_ton_builder b;
    unsigned m = d->key_bits - pos, n = m;
    int rc;
    if (hi - lo > 1) {
        /* common prefix of the first and last keys (sorted) */
        const uint8_t *a = d->e[lo].key, *z = d->e[hi - 1].key;
        n = 0;
        while (n < m && ton_bit_at(a, pos + n) == ton_bit_at(z, pos + n)) n++;
    }
    ton_builder_init(&b);
    rc = write_label(&b, d->e[lo].key, pos, n, m);
    if (rc == WETEE_OK && hi - lo == 1) {
        const wetee_ton_cell *v = d->e[lo].value;
        if (v->bits > (unsigned)(WETEE_TON_CELL_MAX_BITS - b.bits) || v->nrefs > 4)
            rc = wt_error(WETEE_ERR_OVERFLOW, MOD ": dictionary value of %u bits does not fit the leaf",
                          (unsigned)v->bits);
        else {
            ton_bits_copy(b.data, b.bits, v->data, 0, v->bits);
            b.bits = (uint16_t)(b.bits + v->bits);
            for (unsigned i = 0; i < v->nrefs; i++) b.refs[b.nrefs++] = ton_cell_retain(v->refs[i]);
        }
    } else if (rc == WETEE_OK) {
        unsigned fp = pos + n; /* the keys differ here */
        size_t mid = lo;
        wetee_ton_cell *l = NULL, *r = NULL;
        while (mid < hi && !ton_bit_at(d->e[mid].key, fp)) mid++;
        rc = write_edge(&l, d, lo, mid, fp + 1);
        if (rc == WETEE_OK) rc = write_edge(&r, d, mid, hi, fp + 1);
        if (rc == WETEE_OK) {
            wetee_ton_builder_store_ref(&b, l);
            wetee_ton_builder_store_ref(&b, r);
        }
        wetee_ton_cell_free(l);
        wetee_ton_cell_free(r);
    }
    if (rc == WETEE_OK) rc = ton_cell_create(out, b.data, b.bits, b.refs, b.nrefs, 0, "dictionary");
    ton_builder_clear(&b);
    return rc;
}

int wetee_ton_dict_root(wetee_ton_cell **out, const wetee_ton_dict *d)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(d != NULL, MOD, "d is NULL");
    if (d->n == 0) return wt_error(WETEE_ERR_NOT_FOUND, MOD ": an empty dictionary has no root cell");
    return write_edge(out, d, 0, d->n, 0);
}

int wetee_ton_builder_store_dict(wetee_ton_builder *b, const wetee_ton_dict *d)
{
    wetee_ton_cell *root = NULL;
    int rc;
    WT_ARG(b != NULL, MOD, "b is NULL");
    WT_ARG(d != NULL, MOD, "d is NULL");
    if (d->n == 0) return wetee_ton_builder_store_bit(b, 0);
    if ((rc = wetee_ton_dict_root(&root, d))) return rc;
    rc = wetee_ton_builder_store_maybe_ref(b, root);
    wetee_ton_cell_free(root);
    return rc;
}

/* ---- loading ---- */

static int load_edge(wetee_ton_dict *d, const wetee_ton_cell *c, uint8_t *key, unsigned pos, unsigned depth)
{
    ton_reader r = { c, 0, 0 };
    unsigned m = d->key_bits - pos, k = bitlen(m), n = 0;
    uint64_t v = 0, tag = 0;
    int rc;
    if (c->exotic)
        return wt_error(WETEE_ERR_DECODE, MOD ": dictionary at key bit %u: exotic cell (pruned dictionaries are not supported)", pos);
    if ((rc = ton_read_uint(&r, &tag, 1))) return rc;
    if (tag == 0) { /* hml_short: unary length */
        for (;;) {
            if ((rc = ton_read_uint(&r, &v, 1))) return rc;
            if (!v) break;
            if (++n > m) return wt_error(WETEE_ERR_DECODE, MOD ": dictionary at key bit %u: label longer than %u bits", pos, m);
        }
        if (n > r.cell->bits - r.pos) return wt_error(WETEE_ERR_TRUNCATED, MOD ": dictionary at key bit %u: label runs past the cell", pos);
        ton_bits_copy(key, pos, c->data, r.pos, n);
        r.pos += n;
    } else {
        if ((rc = ton_read_uint(&r, &tag, 1))) return rc;
        if (tag == 0) { /* hml_long */
            if ((rc = ton_read_uint(&r, &v, k))) return rc;
            if (v > m) return wt_error(WETEE_ERR_DECODE, MOD ": dictionary at key bit %u: label of %llu bits, %u left", pos, (unsigned long long)v, m);
            n = (unsigned)v;
            if (n > r.cell->bits - r.pos) return wt_error(WETEE_ERR_TRUNCATED, MOD ": dictionary at key bit %u: label runs past the cell", pos);
            ton_bits_copy(key, pos, c->data, r.pos, n);
            r.pos += n;
        } else { /* hml_same */
            uint64_t bit = 0;
            if ((rc = ton_read_uint(&r, &bit, 1))) return rc;
            if ((rc = ton_read_uint(&r, &v, k))) return rc;
            if (v > m) return wt_error(WETEE_ERR_DECODE, MOD ": dictionary at key bit %u: label of %llu bits, %u left", pos, (unsigned long long)v, m);
            n = (unsigned)v;
            for (unsigned i = 0; i < n; i++) {
                unsigned p = pos + i;
                if (bit) key[p >> 3] |= (uint8_t)(0x80 >> (p & 7));
                else key[p >> 3] &= (uint8_t)~(0x80 >> (p & 7));
            }
        }
    }
    if (n == m) { /* leaf: the rest of the cell is the value */
        wetee_ton_cell *val = NULL;
        ton_reader rest = r;
        uint8_t tmp[128] = {0};
        unsigned nb = c->bits - rest.pos;
        ton_bits_copy(tmp, 0, c->data, rest.pos, nb);
        if ((rc = ton_cell_create(&val, tmp, nb, c->refs, c->nrefs, 0, "dictionary value"))) return rc;
        if (find(d, key) >= 0) rc = wt_error(WETEE_ERR_DECODE, MOD ": dictionary has a key twice");
        else rc = set_impl(d, key, val);
        wetee_ton_cell_free(val);
        return rc;
    }
    /* fork: no more bits, two references */
    if (r.pos != c->bits || c->nrefs != 2)
        return wt_error(WETEE_ERR_DECODE, MOD ": dictionary fork at key bit %u has %u extra bits and %u references (needs 0 and 2)",
                        pos + n, c->bits - r.pos, (unsigned)c->nrefs);
    if (depth >= WETEE_TON_CELL_MAX_DEPTH) return wt_error(WETEE_ERR_DEPTH, MOD ": dictionary too deep");
    for (unsigned side = 0; side < 2; side++) {
        unsigned p = pos + n;
        if (side) key[p >> 3] |= (uint8_t)(0x80 >> (p & 7));
        else key[p >> 3] &= (uint8_t)~(0x80 >> (p & 7));
        if ((rc = load_edge(d, c->refs[side], key, p + 1, depth + 1))) return rc;
    }
    return WETEE_OK;
}

int wetee_ton_dict_from_root(wetee_ton_dict **out, const wetee_ton_cell *root, unsigned key_bits)
{
    uint8_t key[KEY_MAX_BYTES] = {0};
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(root != NULL, MOD, "root is NULL");
    if ((rc = wetee_ton_dict_new(out, key_bits))) return rc;
    if ((rc = load_edge(*out, root, key, 0, 0))) {
        wetee_ton_dict_free(*out);
        *out = NULL;
    }
    return rc;
}

int wetee_ton_slice_load_dict(wetee_ton_dict **out, wetee_ton_slice *s, unsigned key_bits)
{
    ton_reader save;
    wetee_ton_cell *root = NULL;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(s != NULL, MOD, "s is NULL");
    save = s->r;
    if ((rc = wetee_ton_slice_load_maybe_ref(&root, s))) return rc;
    if (root == NULL) return wetee_ton_dict_new(out, key_bits);
    rc = wetee_ton_dict_from_root(out, root, key_bits);
    wetee_ton_cell_free(root);
    if (rc) s->r = save;
    return rc;
}
