/* RFC-0078 proofs: the leaves of the type-information tree that a signer
 * needs to decode one extrinsic (or signing payload), with the node hashes
 * that tie them to the root of the metadata hash.
 *
 * The extrinsic is decoded against the registry; every leaf type it
 * touches is recorded (a composite, sequence, array, tuple or bit sequence
 * by its id, an enum by its id and the variant used). The tree is the
 * complete binary tree of the digest (node i has children 2i+1 and 2i+2,
 * leaf j is node n-1+j); the proof lists the leaves from the deepest level
 * up and left to right, their node indices, and the hashes of the subtrees
 * that contain no proven leaf, in the reference implementation's order. */
#include <stdio.h>
#include <stdlib.h>

#include "digest_impl.h"
#include "internal/common.h"
#include "internal/metadata.h"
#include "wetee/hash.h"
#include "wetee/metadata_hash.h"
#include "wetee/scale.h"

#define MOD "metadata proof"
#define MAX_DEPTH 256

typedef struct proof_ctx {
    digest_ctx d;
    uint8_t *hit; /* one byte per leaf */
    const wetee_metadata_hash_info *info;
    const char *spec_name;
    uint32_t spec_version;
    uint16_t prefix;
} proof_ctx;

static uint32_t variant_leaf(const proof_ctx *p, uint32_t id, const struct wetee_md_type *t, uint8_t index)
{
    uint32_t rank = 0;
    for (uint32_t i = 0; i < t->u.var.n; i++)
        rank += t->u.var.variants[i].index < index;
    return p->d.leaf_start[id] + rank;
}

static int mark(proof_ctx *p, uint32_t id, uint32_t leaf)
{
    if (p->d.newid[id] == WT_MD_NONE || leaf >= p->d.n_leaves)
        return wt_error(WETEE_ERR_INTERNAL, "%s: type %u is not in the type information", MOD, id);
    p->hit[leaf] = 1;
    return WETEE_OK;
}

static int skip(wetee_scale_reader *r, size_t n, uint32_t id)
{
    const uint8_t *unused;
    int rc = wetee_scale_get_raw(r, &unused, n);
    if (rc != WETEE_OK)
        return wt_error(rc, "%s: type %u: input ends early", MOD, id);
    return WETEE_OK;
}

/* Decode one value of registry type `id`, marking the leaves it uses. */
static int walk(proof_ctx *p, uint32_t id, wetee_scale_reader *r, int depth)
{
    const struct wetee_metadata *md = p->d.md;
    const struct wetee_md_type *t = &md->types[id];
    int rc = WETEE_OK;
    if (depth > MAX_DEPTH)
        return wt_error(WETEE_ERR_DEPTH, "%s: nesting deeper than %d at type %u", MOD, MAX_DEPTH, id);
    switch (t->kind) {
    case WETEE_TYPE_PRIMITIVE: {
        static const uint8_t size[] = { 1, 4, 0, 1, 2, 4, 8, 16, 32, 1, 2, 4, 8, 16, 32 };
        if (t->prim == WETEE_PRIM_STR) {
            const char *s;
            size_t n;
            if ((rc = wetee_scale_get_str(r, &s, &n)) != WETEE_OK)
                return wt_error(rc, "%s: type %u: bad string", MOD, id);
            return WETEE_OK;
        }
        if (t->prim == WETEE_PRIM_BOOL) {
            int b;
            if ((rc = wetee_scale_get_bool(r, &b)) != WETEE_OK)
                return wt_error(rc, "%s: type %u: bad bool", MOD, id);
            return WETEE_OK;
        }
        return skip(r, size[t->prim < 15 ? t->prim : 0], id);
    }
    case WETEE_TYPE_COMPACT: {
        wetee_u128 v;
        if ((rc = wetee_scale_get_compact_u128(r, &v)) != WETEE_OK)
            return wt_error(rc, "%s: type %u: bad compact", MOD, id);
        return WETEE_OK;
    }
    case WETEE_TYPE_COMPOSITE:
        if (t->u.comp.n == 0)
            return WETEE_OK;
        if ((rc = mark(p, id, p->d.leaf_start[id])) != WETEE_OK)
            return rc;
        for (uint32_t i = 0; rc == WETEE_OK && i < t->u.comp.n; i++)
            rc = walk(p, t->u.comp.fields[i].type, r, depth + 1);
        return rc;
    case WETEE_TYPE_VARIANT: {
        if (t->u.var.n == 0)
            return WETEE_OK;
        uint8_t index;
        if ((rc = wetee_scale_get_u8(r, &index)) != WETEE_OK)
            return wt_error(rc, "%s: type %u: input ends before the variant index", MOD, id);
        const struct wetee_md_variant *v = wt_md_variant_by_index(t, index);
        if (!v)
            return wt_error(WETEE_ERR_DECODE, "%s: type %u has no variant %u", MOD, id, index);
        if ((rc = mark(p, id, variant_leaf(p, id, t, index))) != WETEE_OK)
            return rc;
        for (uint32_t i = 0; rc == WETEE_OK && i < v->n_fields; i++)
            rc = walk(p, v->fields[i].type, r, depth + 1);
        return rc;
    }
    case WETEE_TYPE_SEQUENCE: {
        size_t n;
        if ((rc = mark(p, id, p->d.leaf_start[id])) != WETEE_OK)
            return rc;
        if ((rc = wetee_scale_get_seq_len(r, &n, 0)) != WETEE_OK)
            return wt_error(rc, "%s: type %u: bad sequence length", MOD, id);
        if (n > wetee_scale_remaining(r)) {
            /* more items than bytes: only possible for zero-sized items,
             * which use the same leaves every time */
            if (!wt_md_zero_sized(md, t->u.elem.type))
                return wt_error(WETEE_ERR_TRUNCATED, "%s: type %u: %zu items, %zu bytes left", MOD, id, n,
                                wetee_scale_remaining(r));
            n = 1;
        }
        for (size_t i = 0; rc == WETEE_OK && i < n; i++)
            rc = walk(p, t->u.elem.type, r, depth + 1);
        return rc;
    }
    case WETEE_TYPE_ARRAY:
        if ((rc = mark(p, id, p->d.leaf_start[id])) != WETEE_OK)
            return rc;
        for (uint32_t i = 0; rc == WETEE_OK && i < t->u.elem.len; i++)
            rc = walk(p, t->u.elem.type, r, depth + 1);
        return rc;
    case WETEE_TYPE_TUPLE:
        if (t->u.tuple.n == 0)
            return WETEE_OK;
        if ((rc = mark(p, id, p->d.leaf_start[id])) != WETEE_OK)
            return rc;
        for (uint32_t i = 0; rc == WETEE_OK && i < t->u.tuple.n; i++)
            rc = walk(p, t->u.tuple.ids[i], r, depth + 1);
        return rc;
    case WETEE_TYPE_BIT_SEQUENCE: {
        uint8_t nb = 0;
        int lsb = 0;
        uint64_t bits;
        if ((rc = wt_digest_bitseq(&p->d, id, t, &nb, &lsb)) != WETEE_OK)
            return rc;
        if ((rc = mark(p, id, p->d.leaf_start[id])) != WETEE_OK)
            return rc;
        if ((rc = wetee_scale_get_compact_u64(r, &bits)) != WETEE_OK)
            return wt_error(rc, "%s: type %u: bad bit count", MOD, id);
        uint64_t units = bits / (8u * nb) + (bits % (8u * nb) != 0);
        if (units > wetee_scale_remaining(r) / nb)
            return wt_error(WETEE_ERR_TRUNCATED, "%s: type %u: %llu bits, %zu bytes left", MOD, id,
                            (unsigned long long)bits, wetee_scale_remaining(r));
        return skip(r, (size_t)units * nb, id);
    }
    default:
        return wt_error(WETEE_ERR_INTERNAL, "%s: type %u: unknown kind", MOD, id);
    }
}

static unsigned level_of(size_t i)
{
    unsigned l = 0;
    for (size_t v = i + 1; v > 1; v >>= 1)
        l++;
    return l;
}

static int cmp_nodes(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    unsigned lx = level_of(x), ly = level_of(y);
    if (lx != ly)
        return lx > ly ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* `other` lies in the subtree of `self`. */
static int is_descendant(size_t self, size_t other)
{
    if (self == 0)
        return 1;
    if (self > other)
        return 0;
    unsigned ls = level_of(self), lo = level_of(other);
    return ((other + 1) >> (lo - ls)) == self + 1;
}

typedef struct hash_list {
    uint8_t (*h)[32];
    size_t n, cap;
} hash_list;

static int hl_insert(hash_list *l, size_t pos, const uint8_t h[32])
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        void *q = wt_realloc(l->h, cap * 32);
        if (!q)
            return wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory", MOD);
        l->h = q;
        l->cap = cap;
    }
    memmove(l->h[pos + 1], l->h[pos], (l->n - pos) * 32);
    memcpy(l->h[pos], h, 32);
    l->n++;
    return WETEE_OK;
}

/* The reference's collect_node_hashes: walk up from `leaf` to `stop`,
 * adding the hash of each sibling subtree that holds no proven leaf. */
static int collect(uint8_t (*tree)[32], size_t stop, size_t leaf, const size_t *leaves, size_t n_leaves, size_t *next,
                   hash_list *out, int depth)
{
    size_t node = leaf, left_most = out->n;
    int rc;
    if (depth > 64)
        return wt_error(WETEE_ERR_INTERNAL, "%s: proof recursion too deep", MOD);
    for (;;) {
        size_t parent = node == 0 ? 0 : (node - 1) / 2;
        if (node % 2 == 1) {
            size_t right = parent * 2 + 2;
            if (*next < n_leaves && leaves[*next] == right) {
                (*next)++;
            } else if (*next < n_leaves && is_descendant(right, leaves[*next])) {
                size_t nl = leaves[(*next)++];
                if ((rc = collect(tree, right, nl, leaves, n_leaves, next, out, depth + 1)) != WETEE_OK)
                    return rc;
            } else if ((rc = hl_insert(out, out->n, tree[right])) != WETEE_OK) {
                return rc;
            }
        } else if ((rc = hl_insert(out, left_most, tree[parent * 2 + 1])) != WETEE_OK) {
            return rc;
        }
        if (parent == stop)
            return WETEE_OK;
        node = parent;
    }
}

/* Encode the proof of the marked leaves into `out`. */
static int build_proof(wetee_buf *out, proof_ctx *p)
{
    size_t n = p->d.n_leaves, k = 0, i;
    if (n < 2)
        return wt_error(WETEE_ERR_UNSUPPORTED, "%s: a type tree of %zu leaves has no proof form", MOD, n);
    size_t total = 2 * n - 1;
    uint8_t (*tree)[32] = wt_malloc(total * 32);
    size_t *nodes = wt_malloc(n * sizeof *nodes);
    hash_list hashes = { NULL, 0, 0 };
    int rc = WETEE_OK;
    if (!tree || !nodes) {
        rc = wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory for %zu nodes", MOD, total);
        goto done;
    }
    memcpy(tree[n - 1], p->d.leaves, n * 32);
    for (i = n - 1; i-- > 0;)
        wetee_hash_blake3(tree[i], 32, tree[2 * i + 1], 64);
    for (i = 0; i < n; i++)
        if (p->hit[i])
            nodes[k++] = n - 1 + i;
    if (k == 0) {
        rc = wt_error(WETEE_ERR_INTERNAL, "%s: no leaf was used", MOD);
        goto done;
    }
    qsort(nodes, k, sizeof *nodes, cmp_nodes);
    size_t next = 1;
    if ((rc = collect(tree, 0, nodes[0], nodes, k, &next, &hashes, 0)) != WETEE_OK)
        goto done;
    wetee_buf_clear(out);
    if ((rc = wetee_scale_put_compact_u64(out, k)) != WETEE_OK)
        goto done;
    for (i = 0; i < k && rc == WETEE_OK; i++) {
        size_t leaf = nodes[i] - (n - 1);
        rc = wetee_buf_append(out, p->d.all.data + p->d.leaf_off[leaf], p->d.leaf_off[leaf + 1] - p->d.leaf_off[leaf]);
    }
    if (rc == WETEE_OK)
        rc = wetee_scale_put_compact_u64(out, k);
    for (i = 0; i < k && rc == WETEE_OK; i++)
        rc = wetee_scale_put_u32(out, (uint32_t)nodes[i]);
    if (rc == WETEE_OK)
        rc = wetee_scale_put_compact_u64(out, hashes.n);
    if (rc == WETEE_OK && hashes.n)
        rc = wetee_buf_append(out, (const uint8_t *)hashes.h, hashes.n * 32);
    /* then what the signer needs besides the proof: the extrinsic metadata and the chain information */
    if (rc == WETEE_OK && (rc = wt_digest_extrinsic_encode(&p->d)) == WETEE_OK &&
        (rc = wetee_buf_append(out, p->d.enc.data, p->d.enc.len)) == WETEE_OK)
        rc = wt_digest_put_extra(out, p->spec_name, p->spec_version, p->prefix, p->info);
done:
    wt_free(tree);
    wt_free(nodes);
    wt_free(hashes.h);
    return rc;
}

static int start(proof_ctx *p, const wetee_metadata *md, const wetee_metadata_hash_info *info)
{
    memset(p, 0, sizeof *p);
    int rc = wt_digest_check_info(md, info, &p->spec_name, &p->spec_version, &p->prefix);
    if (rc != WETEE_OK)
        return rc;
    p->info = info;
    rc = wt_digest_prepare(&p->d, md, 1);
    if (rc != WETEE_OK)
        return rc;
    if (!(p->hit = wt_calloc(p->d.n_leaves + 1, 1))) {
        wt_digest_free(&p->d);
        return wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory", MOD);
    }
    return WETEE_OK;
}

static void finish_ctx(proof_ctx *p)
{
    wt_free(p->hit);
    wt_digest_free(&p->d);
}

static int walk_all(proof_ctx *p, uint32_t type, wetee_scale_reader *r, const char *what)
{
    int rc = walk(p, type, r, 0);
    if (rc != WETEE_OK) {
        char first[400];
        snprintf(first, sizeof first, "%s", wetee_last_error());
        return wt_error(rc, "%s: %s: %s", MOD, what, first);
    }
    return WETEE_OK;
}

static int walk_extensions(proof_ctx *p, wetee_scale_reader *r, int implicit)
{
    const struct wetee_metadata *md = p->d.md;
    int rc = WETEE_OK;
    for (uint32_t i = 0; rc == WETEE_OK && i < md->n_extensions; i++)
        rc = walk_all(p, implicit ? md->extensions[i].implicit : md->extensions[i].type, r,
                      md->extensions[i].identifier);
    return rc;
}

WETEE_API int wetee_metadata_proof_for_extrinsic(wetee_buf *out, const wetee_metadata *md,
                                                 const wetee_metadata_hash_info *info, const uint8_t *extrinsic,
                                                 size_t len, const uint8_t *implicit, size_t implicit_len)
{
    WT_ARG(out != NULL && md != NULL && info != NULL, MOD, "NULL argument");
    WT_ARG_DATA(extrinsic, len, MOD);
    WT_ARG_DATA(implicit, implicit_len, MOD);
    proof_ctx p;
    int rc = start(&p, md, info);
    if (rc != WETEE_OK)
        return rc;
    wetee_scale_reader r;
    wetee_scale_reader_init(&r, extrinsic, len);
    uint64_t body = 0;
    uint8_t head = 0;
    if ((rc = wetee_scale_get_compact_u64(&r, &body)) != WETEE_OK ||
        (rc = wetee_scale_get_u8(&r, &head)) != WETEE_OK) {
        rc = wt_error(rc, "%s: extrinsic ends before its version byte", MOD);
    } else if ((head & 0x7f) != 4) {
        rc = wt_error(WETEE_ERR_UNSUPPORTED, "%s: extrinsic version byte 0x%02x: proofs are defined for v4", MOD,
                      head);
    }
    if (rc == WETEE_OK && (head & 0x80)) {
        if ((rc = walk_all(&p, md->address_type, &r, "address")) == WETEE_OK &&
            (rc = walk_all(&p, md->signature_type, &r, "signature")) == WETEE_OK)
            rc = walk_extensions(&p, &r, 0);
    }
    if (rc == WETEE_OK)
        rc = walk_all(&p, md->call_type, &r, "call");
    if (rc == WETEE_OK && wetee_scale_remaining(&r) != 0)
        rc = wt_error(WETEE_ERR_TRAILING, "%s: %zu bytes after the call", MOD, wetee_scale_remaining(&r));
    if (rc == WETEE_OK && implicit) {
        wetee_scale_reader ri;
        wetee_scale_reader_init(&ri, implicit, implicit_len);
        if ((rc = walk_extensions(&p, &ri, 1)) == WETEE_OK && wetee_scale_remaining(&ri) != 0)
            rc = wt_error(WETEE_ERR_TRAILING, "%s: %zu bytes after the implicit data", MOD,
                          wetee_scale_remaining(&ri));
    }
    if (rc == WETEE_OK)
        rc = build_proof(out, &p);
    finish_ctx(&p);
    return rc;
}

WETEE_API int wetee_metadata_proof_for_payload(wetee_buf *out, const wetee_metadata *md,
                                               const wetee_metadata_hash_info *info, const uint8_t *payload, size_t len)
{
    WT_ARG(out != NULL && md != NULL && info != NULL, MOD, "NULL argument");
    WT_ARG_DATA(payload, len, MOD);
    proof_ctx p;
    int rc = start(&p, md, info);
    if (rc != WETEE_OK)
        return rc;
    wetee_scale_reader r;
    wetee_scale_reader_init(&r, payload, len);
    if ((rc = walk_all(&p, md->call_type, &r, "call")) == WETEE_OK && (rc = walk_extensions(&p, &r, 0)) == WETEE_OK &&
        (rc = walk_extensions(&p, &r, 1)) == WETEE_OK && wetee_scale_remaining(&r) != 0)
        rc = wt_error(WETEE_ERR_TRAILING, "%s: %zu bytes after the implicit data", MOD, wetee_scale_remaining(&r));
    if (rc == WETEE_OK)
        rc = build_proof(out, &p);
    finish_ctx(&p);
    return rc;
}
