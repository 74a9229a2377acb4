/* RFC-0078 metadata digest (the hash signed by CheckMetadataHash mode 1).
 *
 * Steps, as in the RFC and the runtime's build-time computation:
 *   1. collect the registry ids reachable from the extrinsic metadata
 *      (address, call, signature, every extension's explicit and implicit
 *      type), not descending into Compact or BitSequence;
 *   2. keep the "basic" ones (not primitive, not compact, not an empty
 *      composite / variant / tuple), ordered by registry id; the new id of a
 *      type is its position in that list;
 *   3. encode each as `Type { path, type_def, type_id }` with sub-types as
 *      TypeRefs, one leaf per enum variant (ordered by variant index);
 *   4. leaves = BLAKE3 of each encoding; merkleize; BLAKE3 the reduced
 *      extrinsic metadata; encode MetadataDigest::V1 and BLAKE3 it.
 * Every walk is iterative with an explicit stack, so recursive types and
 * deep registries cost no C stack. */
#include <stdlib.h>

#include "internal/common.h"
#include "internal/metadata.h"
#include "digest_impl.h"
#include "wetee/hash.h"
#include "wetee/metadata_hash.h"
#include "wetee/scale.h"

#define MOD "metadata hash"

/* TypeRef tags (RFC-0078 `TypeRef`). Primitive tags equal wetee_primitive. */
enum { REF_COMPACT_U8 = 15, REF_VOID = 21, REF_BY_ID = 22 };
/* TypeDef tags. */
enum { DEF_COMPOSITE = 0, DEF_ENUMERATION = 1, DEF_SEQUENCE = 2, DEF_ARRAY = 3, DEF_TUPLE = 4, DEF_BITSEQ = 5 };



static int is_basic(const struct wetee_md_type *t)
{
    switch (t->kind) {
    case WETEE_TYPE_PRIMITIVE:
    case WETEE_TYPE_COMPACT:
        return 0;
    case WETEE_TYPE_COMPOSITE:
        return t->u.comp.n != 0;
    case WETEE_TYPE_VARIANT:
        return t->u.var.n != 0;
    case WETEE_TYPE_TUPLE:
        return t->u.tuple.n != 0;
    default:
        return 1;
    }
}

/* Push the children of `t` that step 1 follows (fields, elements). */
static uint32_t push_children(digest_ctx *c, uint32_t sp, const struct wetee_md_type *t, int into_wrappers)
{
    uint32_t i, j;
#define PUSH(id)                                                                                   \
    do {                                                                                           \
        uint32_t id_ = (id);                                                                       \
        if (!c->seen[id_]) {                                                                       \
            c->seen[id_] = 1;                                                                      \
            c->stack[sp++] = id_;                                                                  \
        }                                                                                          \
    } while (0)
    switch (t->kind) {
    case WETEE_TYPE_COMPOSITE:
        for (i = 0; i < t->u.comp.n; i++)
            PUSH(t->u.comp.fields[i].type);
        break;
    case WETEE_TYPE_VARIANT:
        for (i = 0; i < t->u.var.n; i++)
            for (j = 0; j < t->u.var.variants[i].n_fields; j++)
                PUSH(t->u.var.variants[i].fields[j].type);
        break;
    case WETEE_TYPE_SEQUENCE:
    case WETEE_TYPE_ARRAY:
        PUSH(t->u.elem.type);
        break;
    case WETEE_TYPE_TUPLE:
        for (i = 0; i < t->u.tuple.n; i++)
            PUSH(t->u.tuple.ids[i]);
        break;
    case WETEE_TYPE_COMPACT:
        if (into_wrappers)
            PUSH(t->u.elem.type);
        break;
    case WETEE_TYPE_BIT_SEQUENCE:
        if (into_wrappers) {
            PUSH(t->u.bits.order);
            PUSH(t->u.bits.store);
        }
        break;
    default:
        break;
    }
#undef PUSH
    return sp;
}

/* Step 1: mark every id reachable from `root` in c->seen. Each id enters
 * the stack at most once, so n_types entries suffice. */
static void collect_reachable(digest_ctx *c, uint32_t root)
{
    uint32_t sp = 0;
    if (root == WT_MD_NONE || c->seen[root])
        return;
    c->seen[root] = 1;
    c->stack[sp++] = root;
    while (sp > 0) {
        uint32_t id = c->stack[--sp];
        sp = push_children(c, sp, &c->md->types[id], 0);
    }
}

/* The primitives reachable from `top` (top itself included, each other id
 * visited once), as the reference implementation collects them to reduce
 * Compact<T> and a BitSequence store. Returns the number found (counting
 * repeats of distinct ids) and the last one in *prim. */
static unsigned collect_primitives(digest_ctx *c, uint32_t top, int *prim)
{
    const struct wetee_metadata *md = c->md;
    unsigned found = 0;
    uint32_t sp = 0;
    memset(c->seen, 0, md->n_types);
    /* top is visited without being marked, so a child naming it is visited
     * once more: the stack holds at most n_types + 1 entries. */
    c->stack[sp++] = top;
    while (sp > 0) {
        uint32_t id = c->stack[--sp];
        const struct wetee_md_type *t = &md->types[id];
        if (t->kind == WETEE_TYPE_PRIMITIVE) {
            found++;
            *prim = t->prim;
        }
        sp = push_children(c, sp, t, 1);
    }
    return found;
}

/* TypeRef tag (and new id for REF_BY_ID) of registry type `id`. */
static int type_ref(digest_ctx *c, uint32_t id, int *tag, uint32_t *nid)
{
    const struct wetee_metadata *md = c->md;
    const struct wetee_md_type *t = &md->types[id];
    switch (t->kind) {
    case WETEE_TYPE_PRIMITIVE:
        *tag = t->prim;
        return WETEE_OK;
    case WETEE_TYPE_COMPACT:
        if (c->compact[id] < 0) {
            int prim = -1;
            unsigned n = collect_primitives(c, id, &prim);
            if (n == 0) {
                c->compact[id] = REF_VOID;
            } else if (n > 1) {
                return wt_error(WETEE_ERR_DECODE, "%s: type %u: Compact over %u primitives, expected one", MOD,
                                id, n);
            } else if (prim >= WETEE_PRIM_U8 && prim <= WETEE_PRIM_U256) {
                c->compact[id] = (int16_t)(REF_COMPACT_U8 + (prim - WETEE_PRIM_U8));
            } else {
                return wt_error(WETEE_ERR_DECODE, "%s: type %u: Compact over a non-integer primitive (%d)", MOD, id,
                                prim);
            }
        }
        *tag = c->compact[id];
        return WETEE_OK;
    default:
        if (!is_basic(t)) {
            *tag = REF_VOID;
            return WETEE_OK;
        }
        if (c->newid[id] == WT_MD_NONE)
            return wt_error(WETEE_ERR_INTERNAL, "%s: type %u referenced but not collected", MOD, id);
        *tag = REF_BY_ID;
        *nid = c->newid[id];
        return WETEE_OK;
    }
}

static int put_ref(digest_ctx *c, uint32_t id)
{
    int tag = 0, rc;
    uint32_t nid = 0;
    if ((rc = type_ref(c, id, &tag, &nid)) != WETEE_OK)
        return rc;
    if ((rc = wetee_scale_put_u8(&c->enc, (uint8_t)tag)) != WETEE_OK)
        return rc;
    return tag == REF_BY_ID ? wetee_scale_put_compact_u64(&c->enc, nid) : WETEE_OK;
}

static int put_string(wetee_buf *b, const char *s)
{
    return wetee_scale_put_str(b, s, strlen(s));
}

static int put_opt_string(wetee_buf *b, const char *s)
{
    int rc;
    if (!s)
        return wetee_scale_put_u8(b, 0);
    if ((rc = wetee_scale_put_u8(b, 1)) != WETEE_OK)
        return rc;
    return put_string(b, s);
}

static int put_fields(digest_ctx *c, const struct wetee_md_field *f, uint32_t n)
{
    int rc;
    if ((rc = wetee_scale_put_compact_u64(&c->enc, n)) != WETEE_OK)
        return rc;
    for (uint32_t i = 0; i < n; i++) {
        if ((rc = put_opt_string(&c->enc, f[i].name)) != WETEE_OK || (rc = put_ref(c, f[i].type)) != WETEE_OK ||
            (rc = put_opt_string(&c->enc, f[i].type_name)) != WETEE_OK)
            return rc;
    }
    return WETEE_OK;
}

static int put_path(digest_ctx *c, const struct wetee_md_type *t)
{
    int rc = wetee_scale_put_compact_u64(&c->enc, t->n_path);
    for (uint32_t i = 0; rc == WETEE_OK && i < t->n_path; i++)
        rc = put_string(&c->enc, t->path[i]);
    return rc;
}

/* Append BLAKE3(c->enc) to the leaves. */
static int add_leaf(digest_ctx *c)
{
    if (c->n_leaves == c->cap_leaves) {
        size_t cap = c->cap_leaves ? c->cap_leaves * 2 : 256;
        void *p = wt_realloc(c->leaves, cap * 32);
        if (!p)
            return wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory for %zu leaves", MOD, cap);
        c->leaves = p;
        c->cap_leaves = cap;
    }
    if (c->keep) {
        if (c->n_leaves + 2 > c->cap_off) {
            size_t cap = c->cap_off ? c->cap_off * 2 : 256;
            size_t *grown = wt_realloc(c->leaf_off, cap * sizeof *grown);
            if (!grown)
                return wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory for %zu leaves", MOD, cap);
            c->leaf_off = grown;
            c->cap_off = cap;
        }
        size_t *off = c->leaf_off;
        off[c->n_leaves] = c->all.len;
        int rc = wetee_buf_append(&c->all, c->enc.data, c->enc.len);
        if (rc != WETEE_OK)
            return rc;
        off[c->n_leaves + 1] = c->all.len;
    }
    wetee_hash_blake3(c->leaves[c->n_leaves++], 32, c->enc.data, c->enc.len);
    return WETEE_OK;
}

/* BitSequence: store width and bit order. */
int wt_digest_bitseq(digest_ctx *c, uint32_t id, const struct wetee_md_type *t, uint8_t *num_bytes, int *lsb)
{
    const struct wetee_metadata *md = c->md;
    int prim = -1;
    unsigned n = collect_primitives(c, t->u.bits.store, &prim);
    if (n != 1 || prim < WETEE_PRIM_U8 || prim > WETEE_PRIM_U64)
        return wt_error(WETEE_ERR_DECODE, "%s: type %u: BitSequence store is not u8, u16, u32 or u64", MOD, id);
    *num_bytes = (uint8_t)(1u << (prim - WETEE_PRIM_U8));
    const struct wetee_md_type *order = &md->types[t->u.bits.order];
    for (uint32_t i = 0; i < order->n_path; i++) {
        if (strcmp(order->path[i], "Lsb0") == 0 || strcmp(order->path[i], "Msb0") == 0) {
            *lsb = order->path[i][0] == 'L';
            return WETEE_OK;
        }
    }
    return wt_error(WETEE_ERR_DECODE, "%s: type %u: BitSequence order is neither Lsb0 nor Msb0", MOD, id);
}

static int cmp_variant_ptr(const void *a, const void *b)
{
    const struct wetee_md_variant *x = *(const struct wetee_md_variant *const *)a;
    const struct wetee_md_variant *y = *(const struct wetee_md_variant *const *)b;
    return (int)x->index - (int)y->index;
}

/* Step 3 for one basic type: its leaves. */
static int type_leaves(digest_ctx *c, uint32_t id)
{
    const struct wetee_md_type *t = &c->md->types[id];
    uint32_t nid = c->newid[id];
    int rc = WETEE_OK;

    if (t->kind == WETEE_TYPE_VARIANT) {
        const struct wetee_md_variant *stack_v[64];
        const struct wetee_md_variant **v = stack_v;
        uint32_t n = t->u.var.n;
        if (n > 64 && !(v = wt_malloc(n * sizeof *v)))
            return wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory", MOD);
        for (uint32_t i = 0; i < n; i++)
            v[i] = &t->u.var.variants[i];
        if (!t->u.var.dense)
            qsort(v, n, sizeof *v, cmp_variant_ptr);
        for (uint32_t i = 0; rc == WETEE_OK && i < n; i++) {
            wetee_buf_clear(&c->enc);
            if ((rc = put_path(c, t)) == WETEE_OK && (rc = wetee_scale_put_u8(&c->enc, DEF_ENUMERATION)) == WETEE_OK &&
                (rc = put_string(&c->enc, v[i]->name)) == WETEE_OK &&
                (rc = put_fields(c, v[i]->fields, v[i]->n_fields)) == WETEE_OK &&
                (rc = wetee_scale_put_compact_u64(&c->enc, v[i]->index)) == WETEE_OK &&
                (rc = wetee_scale_put_compact_u64(&c->enc, nid)) == WETEE_OK)
                rc = add_leaf(c);
        }
        if (v != stack_v)
            wt_free(v);
        return rc;
    }

    wetee_buf_clear(&c->enc);
    if ((rc = put_path(c, t)) != WETEE_OK)
        return rc;
    switch (t->kind) {
    case WETEE_TYPE_COMPOSITE:
        if ((rc = wetee_scale_put_u8(&c->enc, DEF_COMPOSITE)) == WETEE_OK)
            rc = put_fields(c, t->u.comp.fields, t->u.comp.n);
        break;
    case WETEE_TYPE_SEQUENCE:
        if ((rc = wetee_scale_put_u8(&c->enc, DEF_SEQUENCE)) == WETEE_OK)
            rc = put_ref(c, t->u.elem.type);
        break;
    case WETEE_TYPE_ARRAY:
        if ((rc = wetee_scale_put_u8(&c->enc, DEF_ARRAY)) == WETEE_OK &&
            (rc = wetee_scale_put_u32(&c->enc, t->u.elem.len)) == WETEE_OK)
            rc = put_ref(c, t->u.elem.type);
        break;
    case WETEE_TYPE_TUPLE:
        if ((rc = wetee_scale_put_u8(&c->enc, DEF_TUPLE)) == WETEE_OK &&
            (rc = wetee_scale_put_compact_u64(&c->enc, t->u.tuple.n)) == WETEE_OK)
            for (uint32_t i = 0; rc == WETEE_OK && i < t->u.tuple.n; i++)
                rc = put_ref(c, t->u.tuple.ids[i]);
        break;
    case WETEE_TYPE_BIT_SEQUENCE: {
        uint8_t num_bytes = 0;
        int lsb = 0;
        if ((rc = wt_digest_bitseq(c, id, t, &num_bytes, &lsb)) == WETEE_OK &&
            (rc = wetee_scale_put_u8(&c->enc, DEF_BITSEQ)) == WETEE_OK &&
            (rc = wetee_scale_put_u8(&c->enc, num_bytes)) == WETEE_OK)
            rc = wetee_scale_put_bool(&c->enc, lsb);
        break;
    }
    default:
        return wt_error(WETEE_ERR_INTERNAL, "%s: type %u: unexpected kind %d", MOD, id, t->kind);
    }
    if (rc == WETEE_OK && (rc = wetee_scale_put_compact_u64(&c->enc, nid)) == WETEE_OK)
        rc = add_leaf(c);
    return rc;
}

/* Step 4: the merkle root. The leaves form a deque; while it holds more
 * than one node, pop `right` then `left` from the back and push
 * BLAKE3(left || right) to the front. Done in place in a ring buffer. */
void wt_digest_merkle_root(uint8_t root[32], uint8_t (*q)[32], size_t n)
{
    if (n == 0) {
        memset(root, 0, 32);
        return;
    }
    size_t head = 0, len = n;
    uint8_t pair[64];
    while (len > 1) {
        memcpy(pair + 32, q[(head + len - 1) % n], 32);
        memcpy(pair, q[(head + len - 2) % n], 32);
        len -= 2;
        head = (head + n - 1) % n;
        len++;
        wetee_hash_blake3(q[head], 32, pair, 64);
    }
    memcpy(root, q[head], 32);
}

/* SCALE of the reduced ExtrinsicMetadata, left in c->enc. */
int wt_digest_extrinsic_encode(digest_ctx *c)
{
    const struct wetee_metadata *md = c->md;
    int rc;
    wetee_buf_clear(&c->enc);
    uint8_t version = md->n_ext_versions_list ? (uint8_t)md->ext_versions_list[0] : 4;
    if ((rc = wetee_scale_put_u8(&c->enc, version)) != WETEE_OK || (rc = put_ref(c, md->address_type)) != WETEE_OK ||
        (rc = put_ref(c, md->call_type)) != WETEE_OK || (rc = put_ref(c, md->signature_type)) != WETEE_OK ||
        (rc = wetee_scale_put_compact_u64(&c->enc, md->n_extensions)) != WETEE_OK)
        return rc;
    for (uint32_t i = 0; i < md->n_extensions; i++) {
        const struct wetee_md_extension *e = &md->extensions[i];
        if ((rc = put_string(&c->enc, e->identifier)) != WETEE_OK || (rc = put_ref(c, e->type)) != WETEE_OK ||
            (rc = put_ref(c, e->implicit)) != WETEE_OK)
            return rc;
    }
    return WETEE_OK;
}

/* BLAKE3 of the reduced ExtrinsicMetadata. */
static int extrinsic_hash(digest_ctx *c, uint8_t out[32])
{
    int rc = wt_digest_extrinsic_encode(c);
    if (rc == WETEE_OK)
        wetee_hash_blake3(out, 32, c->enc.data, c->enc.len);
    return rc;
}

void wt_digest_free(digest_ctx *c)
{
    wt_free(c->leaf_start);
    wt_free(c->leaf_off);
    wetee_buf_free(&c->all);
    wt_free(c->newid);
    wt_free(c->seen);
    wt_free(c->stack);
    wt_free(c->compact);
    wt_free(c->leaves);
    wetee_buf_free(&c->enc);
}

int wt_digest_check_info(const struct wetee_metadata *md, const wetee_metadata_hash_info *info, const char **spec_name,
                      uint32_t *spec_version, uint16_t *prefix)
{
    if (info->version != WETEE_METADATA_HASH_INFO_VERSION)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "%s: info version %u is not %d", MOD, info->version,
                        WETEE_METADATA_HASH_INFO_VERSION);
    if (!info->token_symbol)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "%s: info.token_symbol is NULL (take it from system_properties)",
                        MOD);
    if (md->version != 15)
        return wt_error(WETEE_ERR_UNSUPPORTED,
                        "%s: the RFC-0078 digest is defined over V15 metadata, this is V%u; "
                        "fetch it with Metadata_metadata_at_version(15)",
                        MOD, md->version);
    if (info->spec_name) {
        *spec_name = info->spec_name;
    } else if (md->spec_name) {
        *spec_name = md->spec_name;
    } else {
        return wt_error(WETEE_ERR_NOT_FOUND, "%s: no System.Version constant in the metadata and no info.spec_name",
                        MOD);
    }
    if (info->spec_version > (int64_t)UINT32_MAX)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "%s: info.spec_version %lld out of range", MOD,
                        (long long)info->spec_version);
    if (info->spec_version >= 0) {
        *spec_version = (uint32_t)info->spec_version;
    } else if (md->has_version) {
        *spec_version = md->spec_version;
    } else {
        return wt_error(WETEE_ERR_NOT_FOUND, "%s: no System.Version constant in the metadata and no info.spec_version",
                        MOD);
    }
    if (info->base58_prefix > 65535)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "%s: info.base58_prefix %d out of range", MOD,
                        (int)info->base58_prefix);
    if (info->base58_prefix >= 0) {
        *prefix = (uint16_t)info->base58_prefix;
    } else if (md->has_ss58) {
        *prefix = md->ss58_prefix;
    } else {
        return wt_error(WETEE_ERR_NOT_FOUND, "%s: no System.SS58Prefix constant in the metadata and no "
                        "info.base58_prefix", MOD);
    }
    return WETEE_OK;
}

int wt_digest_prepare(digest_ctx *c, const struct wetee_metadata *md, int keep)
{
    memset(c, 0, sizeof *c);
    c->md = md;
    c->keep = keep;
    uint32_t n = md->n_types;
    c->newid = wt_malloc((size_t)n * sizeof *c->newid + 1);
    c->seen = wt_calloc((size_t)n + 1, 1);
    c->stack = wt_malloc(((size_t)n + 2) * sizeof *c->stack);
    c->compact = wt_malloc((size_t)n * sizeof *c->compact + 1);
    c->leaf_start = wt_malloc(((size_t)n + 1) * sizeof *c->leaf_start);
    if (!c->newid || !c->seen || !c->stack || !c->compact || !c->leaf_start) {
        wt_digest_free(c);
        return wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory for %u types", MOD, n);
    }
    for (uint32_t i = 0; i < n; i++) {
        c->newid[i] = WT_MD_NONE;
        c->compact[i] = -1;
    }

    /* 1. reachable ids */
    collect_reachable(c, md->address_type);
    collect_reachable(c, md->call_type);
    collect_reachable(c, md->signature_type);
    for (uint32_t i = 0; i < md->n_extensions; i++) {
        collect_reachable(c, md->extensions[i].type);
        collect_reachable(c, md->extensions[i].implicit);
    }
    /* 2. new ids in registry-id order */
    uint32_t next = 0;
    for (uint32_t i = 0; i < n; i++)
        if (c->seen[i] && is_basic(&md->types[i]))
            c->newid[i] = next++;

    /* 3. leaves, ordered by new id then variant index */
    int rc = WETEE_OK;
    for (uint32_t i = 0; rc == WETEE_OK && i < n; i++) {
        c->leaf_start[i] = (uint32_t)c->n_leaves;
        if (c->newid[i] != WT_MD_NONE)
            rc = type_leaves(c, i);
    }
    if (rc != WETEE_OK)
        wt_digest_free(c);
    return rc;
}

static void merkle_root_of(digest_ctx *c, uint8_t root[32]) { wt_digest_merkle_root(root, c->leaves, c->n_leaves); }

int wt_digest_put_extra(wetee_buf *out, const char *spec_name, uint32_t spec_version, uint16_t prefix,
                        const wetee_metadata_hash_info *info)
{
    int rc;
    if ((rc = wetee_scale_put_u32(out, spec_version)) == WETEE_OK && (rc = put_string(out, spec_name)) == WETEE_OK &&
        (rc = wetee_scale_put_u16(out, prefix)) == WETEE_OK && (rc = wetee_scale_put_u8(out, info->decimals)) == WETEE_OK)
        rc = put_string(out, info->token_symbol);
    return rc;
}

WETEE_API size_t wetee_metadata_hash_bytes(void) { return WETEE_METADATA_HASH_BYTES; }

WETEE_API int wetee_metadata_digest(wetee_buf *out, const wetee_metadata *md, const wetee_metadata_hash_info *info)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(md != NULL, MOD, "md is NULL");
    WT_ARG(info != NULL, MOD, "info is NULL");
    const char *spec_name = NULL;
    uint32_t spec_version = 0;
    uint16_t prefix = 0;
    int rc = wt_digest_check_info(md, info, &spec_name, &spec_version, &prefix);
    if (rc != WETEE_OK)
        return rc;

    digest_ctx c;
    rc = wt_digest_prepare(&c, md, 0);
    if (rc != WETEE_OK)
        return rc;
    uint8_t root[32], ext[32];
    rc = extrinsic_hash(&c, ext);
    if (rc == WETEE_OK) {
        merkle_root_of(&c, root);
        wetee_buf_clear(out);
        if ((rc = wetee_scale_put_u8(out, 1)) == WETEE_OK && (rc = wetee_scale_put_raw(out, root, 32)) == WETEE_OK &&
            (rc = wetee_scale_put_raw(out, ext, 32)) == WETEE_OK)
            rc = wt_digest_put_extra(out, spec_name, spec_version, prefix, info);
    }
    wt_digest_free(&c);
    return rc;
}

WETEE_API int wetee_metadata_hash(uint8_t out[32], const wetee_metadata *md, const wetee_metadata_hash_info *info)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    wetee_buf d = WETEE_BUF_INIT;
    int rc = wetee_metadata_digest(&d, md, info);
    if (rc == WETEE_OK)
        wetee_hash_blake3(out, 32, d.data, d.len);
    wetee_buf_free(&d);
    return rc;
}
