/* Runtime metadata parser: RuntimeMetadataPrefixed V14, V15 and V16 (and
 * its OpaqueMetadata / Option<OpaqueMetadata> / hex / JSON-RPC wrappers)
 * into the flat model of src/internal/metadata.h.
 *
 * Layouts follow frame-metadata (v14.rs, v15.rs, v16.rs) and scale-info's
 * PortableRegistry. One pass over one owned copy of the body; strings are
 * NUL-terminated in place (see the header); every count is checked against
 * the remaining bytes times the smallest encoding of one item before any
 * array grows; type ids are checked once the registry size is known. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal/metadata.h"
#include "wetee/scale.h"

/* ------------------------------------------------------------------ */
/* cursor and errors                                                   */
/* ------------------------------------------------------------------ */

typedef struct parser {
    wetee_metadata *md;
    uint8_t *b;
    size_t len;
    size_t pos;
    size_t base;      /* offset of b[0] in the caller's input (for messages) */
    const char *sect; /* what is being parsed: "type", "pallet", ... */
    uint32_t item;    /* its position */
    const char *item_name;
    const char *what; /* the component being read */
    /* growth capacities of the md arrays */
    uint32_t cap_fields, cap_variants, cap_strv, cap_ids, cap_params, cap_storage, cap_constants, cap_assoc,
        cap_enum_deps, cap_methods;
} parser;

static int perr(parser *p, int code, const char *fmt, ...) WT_PRINTF(3, 4);
static int perr(parser *p, int code, const char *fmt, ...)
{
    char msg[256], ctx[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ctx[0] = '\0';
    if (p->sect) {
        if (p->item_name)
            snprintf(ctx, sizeof ctx, "%s %u (%.60s)%s%s: ", p->sect, p->item, p->item_name, p->what ? " " : "",
                     p->what ? p->what : "");
        else
            snprintf(ctx, sizeof ctx, "%s %u%s%s: ", p->sect, p->item, p->what ? " " : "", p->what ? p->what : "");
    } else if (p->what) {
        snprintf(ctx, sizeof ctx, "%s: ", p->what);
    }
    return wt_error(code, "metadata: %s%s at offset %zu", ctx, msg, p->base + p->pos);
}

#define TRY(x)                                                                                                 \
    do {                                                                                                       \
        int rc_ = (x);                                                                                         \
        if (WT_UNLIKELY(rc_ != WETEE_OK)) return rc_;                                                          \
    } while (0)

static int rd_u8(parser *p, uint8_t *out)
{
    *out = 0;
    if (WT_UNLIKELY(p->pos >= p->len)) return perr(p, WETEE_ERR_TRUNCATED, "input ends");
    *out = p->b[p->pos++];
    return WETEE_OK;
}

static int rd_u32(parser *p, uint32_t *out)
{
    *out = 0;
    if (WT_UNLIKELY(p->len - p->pos < 4)) return perr(p, WETEE_ERR_TRUNCATED, "input ends inside a u32");
    *out = wt_load_le32(p->b + p->pos);
    p->pos += 4;
    return WETEE_OK;
}

/* Compact<u32>, canonical. */
static int rd_compact(parser *p, uint32_t *out)
{
    const uint8_t *s = p->b + p->pos;
    size_t rem = p->len - p->pos;
    uint32_t v;
    *out = 0;
    if (WT_UNLIKELY(rem == 0)) return perr(p, WETEE_ERR_TRUNCATED, "input ends before a compact integer");
    switch (s[0] & 3u) {
    case 0:
        *out = s[0] >> 2;
        p->pos += 1;
        return WETEE_OK;
    case 1:
        if (WT_UNLIKELY(rem < 2)) return perr(p, WETEE_ERR_TRUNCATED, "input ends inside a compact integer");
        v = ((uint32_t)s[0] | (uint32_t)s[1] << 8) >> 2;
        if (WT_UNLIKELY(v < 64)) return perr(p, WETEE_ERR_NON_CANONICAL, "non-canonical compact integer");
        p->pos += 2;
        *out = v;
        return WETEE_OK;
    case 2:
        if (WT_UNLIKELY(rem < 4)) return perr(p, WETEE_ERR_TRUNCATED, "input ends inside a compact integer");
        v = wt_load_le32(s) >> 2;
        if (WT_UNLIKELY(v < (1u << 14))) return perr(p, WETEE_ERR_NON_CANONICAL, "non-canonical compact integer");
        p->pos += 4;
        *out = v;
        return WETEE_OK;
    default:
        if (WT_UNLIKELY((s[0] >> 2) != 0))
            return perr(p, WETEE_ERR_OVERFLOW, "compact integer wider than 32 bits");
        if (WT_UNLIKELY(rem < 5)) return perr(p, WETEE_ERR_TRUNCATED, "input ends inside a compact integer");
        v = wt_load_le32(s + 1);
        if (WT_UNLIKELY(v < (1u << 30))) return perr(p, WETEE_ERR_NON_CANONICAL, "non-canonical compact integer");
        p->pos += 5;
        *out = v;
        return WETEE_OK;
    }
}

/* Sequence length, checked: n * min_item bytes must remain. */
static int rd_len(parser *p, uint32_t *n, size_t min_item)
{
    size_t at = p->pos;
    TRY(rd_compact(p, n));
    if (WT_UNLIKELY((uint64_t)*n * min_item > (uint64_t)(p->len - p->pos))) {
        p->pos = at;
        return perr(p, WETEE_ERR_TRUNCATED, "declared %u items, but only %zu bytes remain", *n, p->len - p->pos);
    }
    return WETEE_OK;
}

/* Vec<u8> as a slice of the copy. */
static int rd_bytes(parser *p, const uint8_t **out, uint32_t *n)
{
    *out = NULL;
    TRY(rd_len(p, n, 1));
    *out = p->b + p->pos;
    p->pos += *n;
    return WETEE_OK;
}

/* String: validated, then moved one byte to the left and NUL-terminated in
 * place (the compact prefix is at least one byte long). */
static int rd_str(parser *p, const char **out)
{
    uint32_t n;
    size_t bad;
    uint8_t *s;
    *out = NULL;
    TRY(rd_len(p, &n, 1));
    s = p->b + p->pos;
    if (WT_UNLIKELY(!wt_utf8_valid(s, n, &bad)))
        return perr(p, WETEE_ERR_DECODE, "string is not valid UTF-8 (byte %zu of %u)", bad, n);
    if (WT_UNLIKELY(n && memchr(s, 0, n) != NULL)) return perr(p, WETEE_ERR_DECODE, "string contains a NUL byte");
    memmove(s - 1, s, n);
    (s - 1)[n] = 0;
    p->pos += n;
    *out = (const char *)(s - 1);
    return WETEE_OK;
}

static int rd_opt_tag(parser *p, int *some)
{
    uint8_t t;
    *some = 0;
    TRY(rd_u8(p, &t));
    if (WT_UNLIKELY(t > 1)) {
        p->pos--;
        return perr(p, WETEE_ERR_DECODE, "bad Option tag 0x%02x", t);
    }
    *some = t;
    return WETEE_OK;
}

static int rd_opt_str(parser *p, const char **out)
{
    int some;
    TRY(rd_opt_tag(p, &some));
    *out = NULL;
    return some ? rd_str(p, out) : WETEE_OK;
}

/* A type id outside the registry (checked right away when the registry is
 * known, later otherwise). */
static int rd_tid(parser *p, uint32_t *id)
{
    size_t at = p->pos;
    TRY(rd_compact(p, id));
    if (p->md->types && WT_UNLIKELY(*id >= p->md->n_types)) {
        p->pos = at;
        return perr(p, WETEE_ERR_DECODE, "type id %u out of range (%u types)", *id, p->md->n_types);
    }
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* arrays                                                              */
/* ------------------------------------------------------------------ */

static int grow(parser *p, void **arr, uint32_t *cap, size_t elem, uint32_t have, uint32_t more)
{
    uint64_t need = (uint64_t)have + more;
    uint64_t nc;
    void *n;
    if (need <= *cap) return WETEE_OK;
    if (need > UINT32_MAX / 2) return perr(p, WETEE_ERR_OVERFLOW, "too many items");
    nc = *cap ? *cap : 16;
    while (nc < need) nc *= 2;
    if (nc > SIZE_MAX / elem) return perr(p, WETEE_ERR_NO_MEMORY, "out of memory");
    n = wt_realloc(*arr, (size_t)nc * elem);
    if (!n) return perr(p, WETEE_ERR_NO_MEMORY, "out of memory");
    *arr = n;
    *cap = (uint32_t)nc;
    return WETEE_OK;
}

#define GROW(p, field, capf, more)                                                                             \
    grow((p), (void **)&(p)->md->field, &(p)->capf, sizeof *(p)->md->field, (p)->md->n_##field, (more))

/* Pointers are stored as positions while arrays still move; fixed up by
 * finalize(). */
#define POS(T, i) ((T)(uintptr_t)(i))
#define FIX(base, ptr, n) ((n) ? (base) + (uintptr_t)(ptr) : NULL)

/* Docs: Vec<String>; kept in md->strv unless dropped. */
static int rd_docs(parser *p, const char *const **docs, uint32_t *n_docs)
{
    uint32_t n, i;
    const char *s;
    const char *saved = p->what;
    p->what = "docs";
    TRY(rd_len(p, &n, 1));
    *docs = NULL;
    *n_docs = 0;
    if (p->md->keep_docs) {
        TRY(GROW(p, strv, cap_strv, n));
        *docs = POS(const char *const *, p->md->n_strv);
        *n_docs = n;
    }
    for (i = 0; i < n; i++) {
        TRY(rd_str(p, &s));
        if (p->md->keep_docs) p->md->strv[p->md->n_strv++] = s;
    }
    p->what = saved;
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* type registry                                                       */
/* ------------------------------------------------------------------ */

static int rd_fields(parser *p, const struct wetee_md_field **fields, uint32_t *n_fields)
{
    uint32_t n, i, first;
    int some;
    p->what = "fields";
    TRY(rd_len(p, &n, 4));
    TRY(GROW(p, fields, cap_fields, n));
    first = p->md->n_fields;
    p->md->n_fields += n; /* reserved; filled below (docs may grow strv only) */
    for (i = 0; i < n; i++) {
        struct wetee_md_field *f = &p->md->fields[first + i];
        p->what = "field name";
        TRY(rd_opt_str(p, &f->name));
        p->what = "field type";
        TRY(rd_compact(p, &f->type));
        p->what = "field type name";
        TRY(rd_opt_tag(p, &some));
        f->type_name = NULL;
        if (some) TRY(rd_str(p, &f->type_name));
        TRY(rd_docs(p, &f->docs, &f->n_docs));
    }
    *fields = POS(const struct wetee_md_field *, first);
    *n_fields = n;
    return WETEE_OK;
}

static int rd_variants(parser *p, struct wetee_md_type *t)
{
    uint32_t n, i, first;
    uint8_t seen[32];
    int dense = 1;
    p->what = "variants";
    TRY(rd_len(p, &n, 4));
    if (n > 256) return perr(p, WETEE_ERR_DECODE, "%u variants (at most 256)", n);
    TRY(GROW(p, variants, cap_variants, n));
    first = p->md->n_variants;
    p->md->n_variants += n;
    memset(seen, 0, sizeof seen);
    for (i = 0; i < n; i++) {
        struct wetee_md_variant *v = &p->md->variants[first + i];
        const struct wetee_md_field *fs;
        uint32_t nf;
        p->what = "variant name";
        TRY(rd_str(p, &v->name));
        TRY(rd_fields(p, &fs, &nf));
        v->fields = fs;
        v->n_fields = nf;
        p->what = "variant index";
        TRY(rd_u8(p, &v->index));
        if (seen[v->index >> 3] & (1u << (v->index & 7))) {
            p->pos--;
            return perr(p, WETEE_ERR_DECODE, "duplicate variant index %u", v->index);
        }
        seen[v->index >> 3] |= (uint8_t)(1u << (v->index & 7));
        if (v->index != i) dense = 0;
        TRY(rd_docs(p, &v->docs, &v->n_docs));
        v->owner = t->id;
    }
    t->u.var.variants = POS(const struct wetee_md_variant *, first);
    t->u.var.n = n;
    t->u.var.dense = (uint8_t)dense;
    return WETEE_OK;
}

static int rd_type(parser *p, struct wetee_md_type *t, uint32_t pos)
{
    uint32_t id, n, i;
    uint8_t tag;
    p->what = "id";
    TRY(rd_compact(p, &id));
    if (id != pos) {
        p->pos--;
        return perr(p, WETEE_ERR_DECODE, "type id %u at position %u (ids must be 0, 1, 2, ... in order)", id, pos);
    }
    t->id = id;
    /* path */
    p->what = "path";
    TRY(rd_len(p, &n, 1));
    TRY(GROW(p, strv, cap_strv, n));
    t->path = POS(const char *const *, p->md->n_strv);
    t->n_path = n;
    for (i = 0; i < n; i++) {
        const char *s;
        TRY(rd_str(p, &s));
        p->md->strv[p->md->n_strv++] = s;
    }
    if (n) p->item_name = p->md->strv[p->md->n_strv - 1];
    /* type params */
    p->what = "type parameters";
    TRY(rd_len(p, &n, 2));
    TRY(GROW(p, params, cap_params, n));
    t->params = POS(const wt_md_param *, p->md->n_params);
    t->n_params = n;
    for (i = 0; i < n; i++) {
        wt_md_param *pr = &p->md->params[p->md->n_params++];
        int some;
        TRY(rd_str(p, &pr->name));
        TRY(rd_opt_tag(p, &some));
        pr->type = WT_MD_NONE;
        if (some) TRY(rd_compact(p, &pr->type));
    }
    /* definition */
    p->what = "definition";
    TRY(rd_u8(p, &tag));
    switch (tag) {
    case WETEE_TYPE_COMPOSITE: {
        const struct wetee_md_field *fs;
        uint32_t nf;
        TRY(rd_fields(p, &fs, &nf));
        t->u.comp.fields = fs;
        t->u.comp.n = nf;
        break;
    }
    case WETEE_TYPE_VARIANT:
        TRY(rd_variants(p, t));
        break;
    case WETEE_TYPE_SEQUENCE:
    case WETEE_TYPE_COMPACT:
        p->what = "element type";
        TRY(rd_compact(p, &t->u.elem.type));
        break;
    case WETEE_TYPE_ARRAY:
        p->what = "array length";
        TRY(rd_u32(p, &t->u.elem.len));
        p->what = "element type";
        TRY(rd_compact(p, &t->u.elem.type));
        break;
    case WETEE_TYPE_TUPLE:
        p->what = "tuple";
        TRY(rd_len(p, &n, 1));
        TRY(GROW(p, ids, cap_ids, n));
        t->u.tuple.ids = POS(const uint32_t *, p->md->n_ids);
        t->u.tuple.n = n;
        for (i = 0; i < n; i++) TRY(rd_compact(p, &p->md->ids[p->md->n_ids++]));
        break;
    case WETEE_TYPE_PRIMITIVE:
        p->what = "primitive";
        TRY(rd_u8(p, &t->prim));
        if (t->prim > WETEE_PRIM_I256) {
            p->pos--;
            return perr(p, WETEE_ERR_DECODE, "unknown primitive %u", t->prim);
        }
        break;
    case WETEE_TYPE_BIT_SEQUENCE:
        p->what = "bit store type";
        TRY(rd_compact(p, &t->u.bits.store));
        p->what = "bit order type";
        TRY(rd_compact(p, &t->u.bits.order));
        break;
    default:
        p->pos--;
        return perr(p, WETEE_ERR_DECODE, "unknown type definition tag %u", tag);
    }
    t->kind = tag;
    p->what = NULL;
    TRY(rd_docs(p, &t->docs, &t->n_docs));
    return WETEE_OK;
}

/* After the registry: every id inside it must exist. */
static int check_registry_ids(parser *p)
{
    wetee_metadata *md = p->md;
    uint32_t i, j, n = md->n_types;
    p->sect = "type";
    p->what = NULL;
    for (i = 0; i < n; i++) {
        const struct wetee_md_type *t = &md->types[i];
        p->item = i;
        p->item_name = t->n_path ? md->strv[(uintptr_t)t->path + t->n_path - 1] : NULL;
        for (j = 0; j < t->n_params; j++) {
            uint32_t ty = md->params[(uintptr_t)t->params + j].type;
            if (ty != WT_MD_NONE && ty >= n)
                return wt_error(WETEE_ERR_DECODE, "metadata: type %u: parameter %u type id %u out of range (%u types)",
                                i, j, ty, n);
        }
        switch (t->kind) {
        case WETEE_TYPE_COMPOSITE:
            for (j = 0; j < t->u.comp.n; j++) {
                uint32_t ty = md->fields[(uintptr_t)t->u.comp.fields + j].type;
                if (ty >= n)
                    return wt_error(WETEE_ERR_DECODE, "metadata: type %u: field %u type id %u out of range (%u types)",
                                    i, j, ty, n);
            }
            break;
        case WETEE_TYPE_VARIANT:
            for (j = 0; j < t->u.var.n; j++) {
                const struct wetee_md_variant *v = &md->variants[(uintptr_t)t->u.var.variants + j];
                uint32_t k;
                for (k = 0; k < v->n_fields; k++) {
                    uint32_t ty = md->fields[(uintptr_t)v->fields + k].type;
                    if (ty >= n)
                        return wt_error(WETEE_ERR_DECODE,
                                        "metadata: type %u: variant %s field %u type id %u out of range (%u types)",
                                        i, v->name, k, ty, n);
                }
            }
            break;
        case WETEE_TYPE_SEQUENCE:
        case WETEE_TYPE_ARRAY:
        case WETEE_TYPE_COMPACT:
            if (t->u.elem.type >= n)
                return wt_error(WETEE_ERR_DECODE, "metadata: type %u: element type id %u out of range (%u types)", i,
                                t->u.elem.type, n);
            break;
        case WETEE_TYPE_TUPLE:
            for (j = 0; j < t->u.tuple.n; j++) {
                uint32_t ty = md->ids[(uintptr_t)t->u.tuple.ids + j];
                if (ty >= n)
                    return wt_error(WETEE_ERR_DECODE,
                                    "metadata: type %u: tuple member %u type id %u out of range (%u types)", i, j, ty,
                                    n);
            }
            break;
        case WETEE_TYPE_BIT_SEQUENCE:
            if (t->u.bits.store >= n || t->u.bits.order >= n)
                return wt_error(WETEE_ERR_DECODE, "metadata: type %u: bit sequence type id out of range (%u types)", i,
                                n);
            break;
        default:
            break;
        }
    }
    return WETEE_OK;
}

static int rd_registry(parser *p)
{
    uint32_t n, i;
    p->sect = NULL;
    p->what = "type registry";
    /* smallest type: id, path, params, tag, primitive, docs = 6 bytes */
    TRY(rd_len(p, &n, 6));
    if (n >= WT_MD_MAX_TYPES) return perr(p, WETEE_ERR_OVERFLOW, "%u types (limit %u)", n, WT_MD_MAX_TYPES);
    p->md->types = wt_calloc(n ? n : 1, sizeof *p->md->types);
    if (!p->md->types) return perr(p, WETEE_ERR_NO_MEMORY, "out of memory");
    p->sect = "type";
    for (i = 0; i < n; i++) {
        p->item = i;
        p->item_name = NULL;
        TRY(rd_type(p, &p->md->types[i], i));
    }
    p->md->n_types = n;
    return check_registry_ids(p);
}

/* ------------------------------------------------------------------ */
/* deprecation (V16)                                                   */
/* ------------------------------------------------------------------ */

static int rd_dep_body(parser *p, wt_md_deprecation *d, uint8_t tag)
{
    d->kind = tag;
    d->note = d->since = NULL;
    if (tag == WETEE_MD_DEPRECATED) {
        TRY(rd_str(p, &d->note));
        TRY(rd_opt_str(p, &d->since));
    }
    return WETEE_OK;
}

static int rd_item_dep(parser *p, wt_md_deprecation *d)
{
    uint8_t tag;
    const char *saved = p->what;
    memset(d, 0, sizeof *d);
    if (p->md->version < 16) return WETEE_OK;
    p->what = "deprecation info";
    TRY(rd_u8(p, &tag));
    if (tag > 2) {
        p->pos--;
        return perr(p, WETEE_ERR_DECODE, "unknown deprecation tag %u", tag);
    }
    TRY(rd_dep_body(p, d, tag));
    p->what = saved;
    return WETEE_OK;
}

static int rd_enum_dep(parser *p, const wt_md_enum_dep **deps, uint32_t *n_deps)
{
    uint32_t n, i;
    const char *saved = p->what;
    *deps = NULL;
    *n_deps = 0;
    if (p->md->version < 16) return WETEE_OK;
    p->what = "variant deprecation info";
    TRY(rd_len(p, &n, 2));
    TRY(GROW(p, enum_deps, cap_enum_deps, n));
    *deps = POS(const wt_md_enum_dep *, p->md->n_enum_deps);
    *n_deps = n;
    for (i = 0; i < n; i++) {
        wt_md_enum_dep *e = &p->md->enum_deps[p->md->n_enum_deps++];
        uint8_t tag;
        TRY(rd_u8(p, &e->index));
        TRY(rd_u8(p, &tag));
        if (tag != 1 && tag != 2) {
            p->pos--;
            return perr(p, WETEE_ERR_DECODE, "unknown variant deprecation tag %u", tag);
        }
        TRY(rd_dep_body(p, &e->dep, tag));
    }
    p->what = saved;
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* pallets                                                             */
/* ------------------------------------------------------------------ */

static int rd_opt_enum(parser *p, uint32_t *ty, const wt_md_enum_dep **deps, uint32_t *n_deps, const char *what)
{
    int some;
    p->what = what;
    TRY(rd_opt_tag(p, &some));
    *ty = WT_MD_NONE;
    *deps = NULL;
    *n_deps = 0;
    if (!some) return WETEE_OK;
    TRY(rd_tid(p, ty));
    if (p->md->types[*ty].kind != WETEE_TYPE_VARIANT)
        return perr(p, WETEE_ERR_DECODE, "type %u is not a variant type", *ty);
    return rd_enum_dep(p, deps, n_deps);
}

static int rd_storage(parser *p, struct wetee_md_pallet *pl)
{
    int some;
    uint32_t n, i;
    unsigned v16 = p->md->version >= 16;
    p->what = "storage";
    TRY(rd_opt_tag(p, &some));
    pl->storage_prefix = NULL;
    pl->storage = NULL;
    pl->n_storage = 0;
    if (!some) return WETEE_OK;
    p->what = "storage prefix";
    TRY(rd_str(p, &pl->storage_prefix));
    p->what = "storage entries";
    TRY(rd_len(p, &n, 6 + v16));
    TRY(GROW(p, storage, cap_storage, n));
    pl->storage = POS(const struct wetee_md_storage *, p->md->n_storage);
    pl->n_storage = n;
    for (i = 0; i < n; i++) {
        struct wetee_md_storage *s = &p->md->storage[p->md->n_storage++];
        uint8_t tag;
        memset(s, 0, sizeof *s);
        s->pallet = POS(const struct wetee_md_pallet *, pl->pos);
        p->what = "storage entry name";
        TRY(rd_str(p, &s->name));
        p->what = "storage modifier";
        TRY(rd_u8(p, &s->modifier));
        if (s->modifier > 1) {
            p->pos--;
            return perr(p, WETEE_ERR_DECODE, "storage entry %s: unknown modifier %u", s->name, s->modifier);
        }
        p->what = "storage entry type";
        TRY(rd_u8(p, &tag));
        if (tag == 0) {
            s->key_type = WT_MD_NONE;
            TRY(rd_tid(p, &s->value_type));
        } else if (tag == 1) {
            uint32_t nh, j;
            p->what = "storage hashers";
            TRY(rd_len(p, &nh, 1));
            TRY(GROW(p, ids, cap_ids, nh));
            s->hashers = POS(const uint32_t *, p->md->n_ids);
            s->n_hashers = nh;
            for (j = 0; j < nh; j++) {
                uint8_t h;
                TRY(rd_u8(p, &h));
                if (h > WETEE_HASHER_IDENTITY) {
                    p->pos--;
                    return perr(p, WETEE_ERR_DECODE, "storage entry %s: unknown hasher %u", s->name, h);
                }
                p->md->ids[p->md->n_ids++] = h;
            }
            p->what = "storage key type";
            TRY(rd_tid(p, &s->key_type));
            p->what = "storage value type";
            TRY(rd_tid(p, &s->value_type));
        } else {
            p->pos--;
            return perr(p, WETEE_ERR_DECODE, "storage entry %s: unknown entry type tag %u", s->name, tag);
        }
        p->what = "storage default";
        TRY(rd_bytes(p, &s->def, &s->def_len));
        TRY(rd_docs(p, &s->docs, &s->n_docs));
        TRY(rd_item_dep(p, &s->dep));
    }
    return WETEE_OK;
}

static int rd_constants(parser *p, struct wetee_md_pallet *pl)
{
    uint32_t n, i;
    p->what = "constants";
    TRY(rd_len(p, &n, 4 + (p->md->version >= 16)));
    TRY(GROW(p, constants, cap_constants, n));
    pl->constants = POS(const struct wetee_md_constant *, p->md->n_constants);
    pl->n_constants = n;
    for (i = 0; i < n; i++) {
        struct wetee_md_constant *c = &p->md->constants[p->md->n_constants++];
        memset(c, 0, sizeof *c);
        p->what = "constant name";
        TRY(rd_str(p, &c->name));
        p->what = "constant type";
        TRY(rd_tid(p, &c->type));
        p->what = "constant value";
        TRY(rd_bytes(p, &c->value, &c->value_len));
        TRY(rd_docs(p, &c->docs, &c->n_docs));
        TRY(rd_item_dep(p, &c->dep));
    }
    return WETEE_OK;
}

/* name + type pairs (runtime-API and view-function inputs) */
static int rd_inputs(parser *p, struct wetee_md_method *m)
{
    uint32_t n, i, first;
    p->what = "inputs";
    TRY(rd_len(p, &n, 2));
    TRY(GROW(p, fields, cap_fields, n));
    first = p->md->n_fields;
    p->md->n_fields += n;
    for (i = 0; i < n; i++) {
        struct wetee_md_field *f = &p->md->fields[first + i];
        memset(f, 0, sizeof *f);
        TRY(rd_str(p, &f->name));
        TRY(rd_tid(p, &f->type));
    }
    m->inputs = POS(const struct wetee_md_field *, first);
    m->n_inputs = n;
    return WETEE_OK;
}

static int rd_pallet_v16_extras(parser *p, struct wetee_md_pallet *pl)
{
    uint32_t n, i;
    /* associated types */
    p->what = "associated types";
    TRY(rd_len(p, &n, 3));
    TRY(GROW(p, assoc, cap_assoc, n));
    pl->assoc = POS(const wt_md_assoc *, p->md->n_assoc);
    pl->n_assoc = n;
    for (i = 0; i < n; i++) {
        wt_md_assoc *a = &p->md->assoc[p->md->n_assoc++];
        TRY(rd_str(p, &a->name));
        TRY(rd_tid(p, &a->type));
        TRY(rd_docs(p, &a->docs, &a->n_docs));
    }
    /* view functions */
    p->what = "view functions";
    TRY(rd_len(p, &n, 32 + 5));
    TRY(GROW(p, methods, cap_methods, n));
    pl->views = POS(const struct wetee_md_method *, p->md->n_methods);
    pl->n_views = n;
    for (i = 0; i < n; i++) {
        struct wetee_md_method *m = &p->md->methods[p->md->n_methods++];
        memset(m, 0, sizeof *m);
        p->what = "view function id";
        if (p->len - p->pos < 32) return perr(p, WETEE_ERR_TRUNCATED, "input ends inside a view function id");
        m->id = p->b + p->pos;
        p->pos += 32;
        p->what = "view function name";
        TRY(rd_str(p, &m->name));
        TRY(rd_inputs(p, m));
        p->what = "view function output";
        TRY(rd_tid(p, &m->output));
        TRY(rd_docs(p, &m->docs, &m->n_docs));
        TRY(rd_item_dep(p, &m->dep));
    }
    return WETEE_OK;
}

static int rd_pallets(parser *p)
{
    uint32_t n, i;
    wetee_metadata *md = p->md;
    p->sect = NULL;
    p->item_name = NULL;
    p->what = "pallets";
    /* V14: name, storage, calls, event, constants, error, index = 7 bytes;
     * V15 adds docs; V16 adds associated types, view functions, deprecation */
    TRY(rd_len(p, &n, md->version >= 16 ? 11 : md->version >= 15 ? 8 : 7));
    md->pallets = wt_calloc(n ? n : 1, sizeof *md->pallets);
    if (!md->pallets) return perr(p, WETEE_ERR_NO_MEMORY, "out of memory");
    p->sect = "pallet";
    for (i = 0; i < n; i++) {
        struct wetee_md_pallet *pl = &md->pallets[i];
        p->item = i;
        p->item_name = NULL;
        pl->pos = i;
        p->what = "name";
        TRY(rd_str(p, &pl->name));
        p->item_name = pl->name;
        TRY(rd_storage(p, pl));
        TRY(rd_opt_enum(p, &pl->call_type, &pl->call_deps, &pl->n_call_deps, "calls"));
        TRY(rd_opt_enum(p, &pl->event_type, &pl->event_deps, &pl->n_event_deps, "event"));
        TRY(rd_constants(p, pl));
        TRY(rd_opt_enum(p, &pl->error_type, &pl->error_deps, &pl->n_error_deps, "error"));
        if (md->version >= 16) TRY(rd_pallet_v16_extras(p, pl));
        p->what = "index";
        TRY(rd_u8(p, &pl->index));
        if (md->version >= 15) {
            p->what = NULL;
            TRY(rd_docs(p, &pl->docs, &pl->n_docs));
        }
        TRY(rd_item_dep(p, &pl->dep));
        md->n_pallets = i + 1;
    }
    md->n_pallets = n;
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* extrinsic, runtime APIs, outer enums, custom values                 */
/* ------------------------------------------------------------------ */

static int rd_extensions(parser *p)
{
    uint32_t n, i;
    wetee_metadata *md = p->md;
    p->what = md->version >= 16 ? "transaction extensions" : "signed extensions";
    TRY(rd_len(p, &n, 3));
    md->extensions = wt_calloc(n ? n : 1, sizeof *md->extensions);
    if (!md->extensions) return perr(p, WETEE_ERR_NO_MEMORY, "out of memory");
    md->n_extensions = n;
    for (i = 0; i < n; i++) {
        struct wetee_md_extension *e = &md->extensions[i];
        TRY(rd_str(p, &e->identifier));
        TRY(rd_tid(p, &e->type));
        TRY(rd_tid(p, &e->implicit));
    }
    return WETEE_OK;
}

static int rd_extrinsic(parser *p)
{
    wetee_metadata *md = p->md;
    uint8_t v;
    uint32_t i;
    p->sect = NULL;
    p->item_name = NULL;
    md->ext_type = md->address_type = md->call_type = md->signature_type = md->extra_type = WT_MD_NONE;
    if (md->version == 14) {
        p->what = "extrinsic type";
        TRY(rd_tid(p, &md->ext_type));
    }
    if (md->version <= 15) {
        p->what = "extrinsic version";
        TRY(rd_u8(p, &v));
        TRY(GROW(p, ids, cap_ids, 1));
        md->ext_versions_list = POS(const uint32_t *, md->n_ids);
        md->n_ext_versions_list = 1;
        md->ids[md->n_ids++] = v;
        if (md->version == 15) {
            p->what = "extrinsic address type";
            TRY(rd_tid(p, &md->address_type));
            p->what = "extrinsic call type";
            TRY(rd_tid(p, &md->call_type));
            p->what = "extrinsic signature type";
            TRY(rd_tid(p, &md->signature_type));
            p->what = "extrinsic extra type";
            TRY(rd_tid(p, &md->extra_type));
        }
        TRY(rd_extensions(p));
        /* one synthesized extension version 0 listing every extension */
        md->ext_versions = wt_calloc(1, sizeof *md->ext_versions);
        if (!md->ext_versions) return perr(p, WETEE_ERR_NO_MEMORY, "out of memory");
        md->n_ext_versions = 1;
        TRY(GROW(p, ids, cap_ids, md->n_extensions));
        md->ext_versions[0].version = 0;
        md->ext_versions[0].n = md->n_extensions;
        md->ext_versions[0].indexes = POS(const uint32_t *, md->n_ids);
        for (i = 0; i < md->n_extensions; i++) md->ids[md->n_ids++] = i;
        return WETEE_OK;
    }
    /* V16 */
    {
        const uint8_t *vers;
        uint32_t nv, nm;
        p->what = "extrinsic versions";
        TRY(rd_bytes(p, &vers, &nv));
        TRY(GROW(p, ids, cap_ids, nv));
        md->ext_versions_list = POS(const uint32_t *, md->n_ids);
        md->n_ext_versions_list = nv;
        for (i = 0; i < nv; i++) md->ids[md->n_ids++] = vers[i];
        p->what = "extrinsic address type";
        TRY(rd_tid(p, &md->address_type));
        p->what = "extrinsic call type";
        TRY(rd_tid(p, &md->call_type));
        p->what = "extrinsic signature type";
        TRY(rd_tid(p, &md->signature_type));
        p->what = "transaction extensions by version";
        TRY(rd_len(p, &nm, 2));
        md->ext_versions = wt_calloc(nm ? nm : 1, sizeof *md->ext_versions);
        if (!md->ext_versions) return perr(p, WETEE_ERR_NO_MEMORY, "out of memory");
        md->n_ext_versions = nm;
        for (i = 0; i < nm; i++) {
            wt_md_ext_version *ev = &md->ext_versions[i];
            uint32_t ni, j;
            TRY(rd_u8(p, &ev->version));
            TRY(rd_len(p, &ni, 1));
            TRY(GROW(p, ids, cap_ids, ni));
            ev->indexes = POS(const uint32_t *, md->n_ids);
            ev->n = ni;
            for (j = 0; j < ni; j++) TRY(rd_compact(p, &md->ids[md->n_ids++]));
        }
        TRY(rd_extensions(p));
        for (i = 0; i < nm; i++) {
            uint32_t j;
            for (j = 0; j < md->ext_versions[i].n; j++) {
                uint32_t x = md->ids[(uintptr_t)md->ext_versions[i].indexes + j];
                if (x >= md->n_extensions)
                    return perr(p, WETEE_ERR_DECODE,
                                "extension version %u lists extension %u, but there are %u extensions",
                                md->ext_versions[i].version, x, md->n_extensions);
            }
        }
    }
    return WETEE_OK;
}

static int rd_apis(parser *p)
{
    wetee_metadata *md = p->md;
    uint32_t n, i;
    unsigned v16 = md->version >= 16;
    p->sect = NULL;
    p->item_name = NULL;
    p->what = "runtime APIs";
    TRY(rd_len(p, &n, 3 + 2 * v16));
    md->apis = wt_calloc(n ? n : 1, sizeof *md->apis);
    if (!md->apis) return perr(p, WETEE_ERR_NO_MEMORY, "out of memory");
    p->sect = "runtime API";
    for (i = 0; i < n; i++) {
        struct wetee_md_runtime_api *a = &md->apis[i];
        uint32_t nm, j;
        p->item = i;
        p->item_name = NULL;
        p->what = "name";
        TRY(rd_str(p, &a->name));
        p->item_name = a->name;
        p->what = "methods";
        TRY(rd_len(p, &nm, 4 + v16));
        TRY(GROW(p, methods, cap_methods, nm));
        a->methods = POS(const struct wetee_md_method *, md->n_methods);
        a->n_methods = nm;
        for (j = 0; j < nm; j++) {
            struct wetee_md_method *m = &md->methods[md->n_methods++];
            memset(m, 0, sizeof *m);
            p->what = "method name";
            TRY(rd_str(p, &m->name));
            TRY(rd_inputs(p, m));
            p->what = "method output";
            TRY(rd_tid(p, &m->output));
            TRY(rd_docs(p, &m->docs, &m->n_docs));
            TRY(rd_item_dep(p, &m->dep));
        }
        p->what = NULL;
        TRY(rd_docs(p, &a->docs, &a->n_docs));
        if (v16) {
            p->what = "version";
            TRY(rd_compact(p, &a->version));
            a->has_version = 1;
            TRY(rd_item_dep(p, &a->dep));
        }
        md->n_apis = i + 1;
    }
    md->n_apis = n;
    return WETEE_OK;
}

static int rd_custom(parser *p)
{
    wetee_metadata *md = p->md;
    uint32_t n, i;
    p->sect = NULL;
    p->item_name = NULL;
    p->what = "custom values";
    TRY(rd_len(p, &n, 3));
    md->customs = wt_calloc(n ? n : 1, sizeof *md->customs);
    if (!md->customs) return perr(p, WETEE_ERR_NO_MEMORY, "out of memory");
    for (i = 0; i < n; i++) {
        wt_md_custom *c = &md->customs[i];
        TRY(rd_str(p, &c->name));
        TRY(rd_tid(p, &c->type));
        TRY(rd_bytes(p, &c->value, &c->value_len));
    }
    md->n_customs = n;
    return WETEE_OK;
}

static int rd_body(parser *p)
{
    wetee_metadata *md = p->md;
    md->runtime_type = md->outer_call = md->outer_event = md->outer_error = WT_MD_NONE;
    TRY(rd_registry(p));
    TRY(rd_pallets(p));
    TRY(rd_extrinsic(p));
    p->sect = NULL;
    p->item_name = NULL;
    if (md->version <= 15) {
        p->what = "runtime type";
        TRY(rd_tid(p, &md->runtime_type));
    }
    if (md->version >= 15) {
        TRY(rd_apis(p));
        p->sect = NULL;
        p->item_name = NULL;
        p->what = "outer enums";
        TRY(rd_tid(p, &md->outer_call));
        TRY(rd_tid(p, &md->outer_event));
        TRY(rd_tid(p, &md->outer_error));
        TRY(rd_custom(p));
    }
    p->sect = NULL;
    p->what = NULL;
    if (p->pos != p->len)
        return perr(p, WETEE_ERR_TRAILING, "%zu bytes left after the metadata", p->len - p->pos);
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* finalize: pointers, name index, derived information                 */
/* ------------------------------------------------------------------ */

static void *shrink(void *arr, size_t n, size_t elem)
{
    void *r;
    if (!arr || n == 0) return arr;
    r = wt_realloc(arr, n * elem);
    return r ? r : arr;
}

static uint32_t name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

static const char *item_name(const wetee_metadata *md, unsigned ns, uint32_t item)
{
    switch (ns) {
    case WT_MD_NS_PALLET: return md->pallets[item].name;
    case WT_MD_NS_VARIANT: return md->variants[item].name;
    case WT_MD_NS_STORAGE: return md->storage[item].name;
    case WT_MD_NS_CONST: return md->constants[item].name;
    case WT_MD_NS_API: return md->apis[item].name;
    case WT_MD_NS_METHOD:
    case WT_MD_NS_VIEW: return md->methods[item].name;
    case WT_MD_NS_CUSTOM: return md->customs[item].name;
    default: return "";
    }
}

static uint32_t slot_start(uint32_t h, uint32_t key) { return h ^ (key * 0x9E3779B1u); }

uint32_t wt_md_find(const wetee_metadata *md, unsigned ns, uint32_t parent, const char *name, size_t name_len)
{
    uint32_t key = (uint32_t)ns << 24 | parent, h, i;
    if (!md || !md->slots || !name) return WT_MD_NONE;
    h = name_hash(name, name_len);
    for (i = slot_start(h, key) & md->slot_mask;; i = (i + 1) & md->slot_mask) {
        const wt_md_slot *s = &md->slots[i];
        if (s->item == 0) return WT_MD_NONE;
        if (s->hash == h && s->key == key) {
            const char *n = item_name(md, ns, s->item - 1);
            if (strncmp(n, name, name_len) == 0 && n[name_len] == '\0') return s->item - 1;
        }
    }
}

static void index_add(wetee_metadata *md, unsigned ns, uint32_t parent, uint32_t item)
{
    const char *name = item_name(md, ns, item);
    size_t len = strlen(name);
    uint32_t key = (uint32_t)ns << 24 | parent, h = name_hash(name, len), i;
    if (wt_md_find(md, ns, parent, name, len) != WT_MD_NONE) return; /* first one wins */
    for (i = slot_start(h, key) & md->slot_mask; md->slots[i].item; i = (i + 1) & md->slot_mask) {
    }
    md->slots[i].hash = h;
    md->slots[i].key = key;
    md->slots[i].item = item + 1;
}

static void index_variants(wetee_metadata *md, uint32_t ty)
{
    const struct wetee_md_type *t;
    uint32_t i;
    if (ty == WT_MD_NONE) return;
    t = &md->types[ty];
    if (t->kind != WETEE_TYPE_VARIANT) return;
    for (i = 0; i < t->u.var.n; i++)
        index_add(md, WT_MD_NS_VARIANT, ty, (uint32_t)(&t->u.var.variants[i] - md->variants));
}

static int build_index(wetee_metadata *md)
{
    uint64_t total = md->n_pallets + md->n_storage + md->n_constants + md->n_apis + md->n_methods + md->n_customs;
    uint32_t size = 16, i, j;
    for (i = 0; i < md->n_pallets; i++) {
        const struct wetee_md_pallet *pl = &md->pallets[i];
        if (pl->call_type != WT_MD_NONE) total += md->types[pl->call_type].u.var.n;
        if (pl->event_type != WT_MD_NONE) total += md->types[pl->event_type].u.var.n;
        if (pl->error_type != WT_MD_NONE) total += md->types[pl->error_type].u.var.n;
    }
    total += 3 * 256; /* outer enums */
    while (size < 2 * total) {
        if (size >= (1u << 30)) return wt_error(WETEE_ERR_OVERFLOW, "metadata: too many names to index");
        size *= 2;
    }
    md->slots = wt_calloc(size, sizeof *md->slots);
    if (!md->slots) return wt_error(WETEE_ERR_NO_MEMORY, "metadata: out of memory");
    md->slot_mask = size - 1;
    for (i = 0; i < md->n_pallets; i++) {
        const struct wetee_md_pallet *pl = &md->pallets[i];
        index_add(md, WT_MD_NS_PALLET, 0, i);
        index_variants(md, pl->call_type);
        index_variants(md, pl->event_type);
        index_variants(md, pl->error_type);
        for (j = 0; j < pl->n_storage; j++)
            index_add(md, WT_MD_NS_STORAGE, i, (uint32_t)(&pl->storage[j] - md->storage));
        for (j = 0; j < pl->n_constants; j++)
            index_add(md, WT_MD_NS_CONST, i, (uint32_t)(&pl->constants[j] - md->constants));
        for (j = 0; j < pl->n_views; j++)
            index_add(md, WT_MD_NS_VIEW, i, (uint32_t)(&pl->views[j] - md->methods));
    }
    index_variants(md, md->outer_call);
    index_variants(md, md->outer_event);
    index_variants(md, md->outer_error);
    for (i = 0; i < md->n_apis; i++) {
        const struct wetee_md_runtime_api *a = &md->apis[i];
        index_add(md, WT_MD_NS_API, 0, i);
        for (j = 0; j < a->n_methods; j++)
            index_add(md, WT_MD_NS_METHOD, i, (uint32_t)(&a->methods[j] - md->methods));
    }
    for (i = 0; i < md->n_customs; i++) index_add(md, WT_MD_NS_CUSTOM, 0, i);
    return WETEE_OK;
}

static void fix_pointers(wetee_metadata *md)
{
    uint32_t i;
    const char *const *strv = md->strv;
    for (i = 0; i < md->n_fields; i++) md->fields[i].docs = FIX(strv, md->fields[i].docs, md->fields[i].n_docs);
    for (i = 0; i < md->n_variants; i++) {
        struct wetee_md_variant *v = &md->variants[i];
        v->fields = FIX(md->fields, v->fields, v->n_fields);
        v->docs = FIX(strv, v->docs, v->n_docs);
    }
    for (i = 0; i < md->n_types; i++) {
        struct wetee_md_type *t = &md->types[i];
        t->path = FIX(strv, t->path, t->n_path);
        t->params = FIX(md->params, t->params, t->n_params);
        t->docs = FIX(strv, t->docs, t->n_docs);
        if (t->kind == WETEE_TYPE_COMPOSITE) t->u.comp.fields = FIX(md->fields, t->u.comp.fields, t->u.comp.n);
        else if (t->kind == WETEE_TYPE_VARIANT) t->u.var.variants = FIX(md->variants, t->u.var.variants, t->u.var.n);
        else if (t->kind == WETEE_TYPE_TUPLE) t->u.tuple.ids = FIX(md->ids, t->u.tuple.ids, t->u.tuple.n);
    }
    for (i = 0; i < md->n_storage; i++) {
        struct wetee_md_storage *s = &md->storage[i];
        s->pallet = md->pallets + (uintptr_t)s->pallet;
        s->hashers = FIX(md->ids, s->hashers, s->n_hashers);
        s->docs = FIX(strv, s->docs, s->n_docs);
    }
    for (i = 0; i < md->n_constants; i++)
        md->constants[i].docs = FIX(strv, md->constants[i].docs, md->constants[i].n_docs);
    for (i = 0; i < md->n_assoc; i++) md->assoc[i].docs = FIX(strv, md->assoc[i].docs, md->assoc[i].n_docs);
    for (i = 0; i < md->n_methods; i++) {
        struct wetee_md_method *m = &md->methods[i];
        m->inputs = FIX(md->fields, m->inputs, m->n_inputs);
        m->docs = FIX(strv, m->docs, m->n_docs);
    }
    for (i = 0; i < md->n_pallets; i++) {
        struct wetee_md_pallet *pl = &md->pallets[i];
        pl->storage = FIX(md->storage, pl->storage, pl->n_storage);
        pl->constants = FIX(md->constants, pl->constants, pl->n_constants);
        pl->assoc = FIX(md->assoc, pl->assoc, pl->n_assoc);
        pl->views = FIX(md->methods, pl->views, pl->n_views);
        pl->call_deps = FIX(md->enum_deps, pl->call_deps, pl->n_call_deps);
        pl->event_deps = FIX(md->enum_deps, pl->event_deps, pl->n_event_deps);
        pl->error_deps = FIX(md->enum_deps, pl->error_deps, pl->n_error_deps);
        pl->docs = FIX(strv, pl->docs, pl->n_docs);
    }
    for (i = 0; i < md->n_apis; i++) {
        struct wetee_md_runtime_api *a = &md->apis[i];
        a->methods = FIX(md->methods, a->methods, a->n_methods);
        a->docs = FIX(strv, a->docs, a->n_docs);
    }
    for (i = 0; i < md->n_ext_versions; i++)
        md->ext_versions[i].indexes = FIX(md->ids, md->ext_versions[i].indexes, md->ext_versions[i].n);
    md->ext_versions_list = FIX(md->ids, md->ext_versions_list, md->n_ext_versions_list);
}

static uint32_t param_by_name(const wetee_metadata *md, uint32_t ty, const char *name)
{
    const struct wetee_md_type *t;
    uint32_t i;
    if (ty == WT_MD_NONE) return WT_MD_NONE;
    t = &md->types[ty];
    for (i = 0; i < t->n_params; i++)
        if (strcmp(t->params[i].name, name) == 0) return t->params[i].type;
    return WT_MD_NONE;
}

static const struct wetee_md_pallet *pallet_named(const wetee_metadata *md, const char *name)
{
    uint32_t i = wt_md_find(md, WT_MD_NS_PALLET, 0, name, strlen(name));
    return i == WT_MD_NONE ? NULL : &md->pallets[i];
}

static const struct wetee_md_constant *const_named(const wetee_metadata *md, const struct wetee_md_pallet *pl,
                                                   const char *name)
{
    uint32_t i;
    if (!pl) return NULL;
    i = wt_md_find(md, WT_MD_NS_CONST, pl->pos, name, strlen(name));
    return i == WT_MD_NONE ? NULL : &md->constants[i];
}

/* RuntimeVersion { spec_name, impl_name, authoring_version, spec_version,
 * impl_version, apis, transaction_version, ... } from System.Version. */
static void derive_version(wetee_metadata *md, const struct wetee_md_constant *c)
{
    const struct wetee_md_type *t;
    wetee_scale_reader r;
    const char *name;
    size_t name_len, napis, i;
    uint32_t authoring, impl;
    const uint8_t *raw;
    if (!c) return;
    t = &md->types[c->type];
    if (t->kind != WETEE_TYPE_COMPOSITE || t->u.comp.n < 7 || !t->u.comp.fields[0].name ||
        strcmp(t->u.comp.fields[0].name, "spec_name") != 0 || !t->u.comp.fields[3].name ||
        strcmp(t->u.comp.fields[3].name, "spec_version") != 0 || !t->u.comp.fields[6].name ||
        strcmp(t->u.comp.fields[6].name, "transaction_version") != 0)
        return;
    wetee_scale_reader_init(&r, c->value, c->value_len);
    if (wetee_scale_get_str(&r, &name, &name_len) != WETEE_OK) return;
    if (wetee_scale_get_str(&r, (const char **)&raw, &i) != WETEE_OK) return;
    if (wetee_scale_get_u32(&r, &authoring) != WETEE_OK) return;
    if (wetee_scale_get_u32(&r, &md->spec_version) != WETEE_OK) return;
    if (wetee_scale_get_u32(&r, &impl) != WETEE_OK) return;
    if (wetee_scale_get_seq_len(&r, &napis, 12) != WETEE_OK) return;
    for (i = 0; i < napis; i++)
        if (wetee_scale_get_raw(&r, &raw, 12) != WETEE_OK) return;
    if (wetee_scale_get_u32(&r, &md->transaction_version) != WETEE_OK) return;
    if (memchr(name, 0, name_len)) return;
    md->spec_name = wt_malloc(name_len + 1);
    if (!md->spec_name) return;
    memcpy(md->spec_name, name, name_len);
    md->spec_name[name_len] = '\0';
    md->has_version = 1;
}

static void derive_ss58(wetee_metadata *md, const struct wetee_md_constant *c)
{
    const struct wetee_md_type *t;
    uint64_t v = 0;
    uint32_t i;
    if (!c) return;
    t = &md->types[c->type];
    if (t->kind != WETEE_TYPE_PRIMITIVE) return;
    if (!((t->prim == WETEE_PRIM_U8 && c->value_len == 1) || (t->prim == WETEE_PRIM_U16 && c->value_len == 2) ||
          (t->prim == WETEE_PRIM_U32 && c->value_len == 4)))
        return;
    for (i = 0; i < c->value_len; i++) v |= (uint64_t)c->value[i] << (8 * i);
    if (v >= 16384) return;
    md->ss58_prefix = (uint16_t)v;
    md->has_ss58 = 1;
}

static int finalize(wetee_metadata *md)
{
    uint32_t i;
    const struct wetee_md_pallet *sys;
    md->fields = shrink(md->fields, md->n_fields, sizeof *md->fields);
    md->variants = shrink(md->variants, md->n_variants, sizeof *md->variants);
    md->strv = shrink(md->strv, md->n_strv, sizeof *md->strv);
    md->ids = shrink(md->ids, md->n_ids, sizeof *md->ids);
    md->params = shrink(md->params, md->n_params, sizeof *md->params);
    md->storage = shrink(md->storage, md->n_storage, sizeof *md->storage);
    md->constants = shrink(md->constants, md->n_constants, sizeof *md->constants);
    md->assoc = shrink(md->assoc, md->n_assoc, sizeof *md->assoc);
    md->enum_deps = shrink(md->enum_deps, md->n_enum_deps, sizeof *md->enum_deps);
    md->methods = shrink(md->methods, md->n_methods, sizeof *md->methods);
    fix_pointers(md);
    for (i = 0; i < md->n_pallets; i++)
        if (md->pallet_by_index[md->pallets[i].index] == 0) md->pallet_by_index[md->pallets[i].index] = (uint16_t)(i + 1);
    if (md->version == 14) {
        md->address_type = param_by_name(md, md->ext_type, "Address");
        md->call_type = param_by_name(md, md->ext_type, "Call");
        md->signature_type = param_by_name(md, md->ext_type, "Signature");
        md->extra_type = param_by_name(md, md->ext_type, "Extra");
        md->outer_call = md->call_type;
    }
    TRY(build_index(md));
    sys = pallet_named(md, "System");
    if (md->version == 14 && sys) {
        /* RuntimeEvent = E of frame_system::EventRecord in System.Events */
        uint32_t k = wt_md_find(md, WT_MD_NS_STORAGE, sys->pos, "Events", 6);
        if (k != WT_MD_NONE) {
            const struct wetee_md_type *vt = &md->types[md->storage[k].value_type];
            if (vt->kind == WETEE_TYPE_SEQUENCE) {
                uint32_t ev = param_by_name(md, vt->u.elem.type, "E");
                if (ev != WT_MD_NONE && md->types[ev].kind == WETEE_TYPE_VARIANT) {
                    md->outer_event = ev;
                    index_variants(md, ev);
                }
            }
        }
    }
    derive_version(md, const_named(md, sys, "Version"));
    derive_ss58(md, const_named(md, sys, "SS58Prefix"));
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* entry points                                                        */
/* ------------------------------------------------------------------ */

void wetee_metadata_free(wetee_metadata *md)
{
    if (!md) return;
    wt_free(md->bytes);
    wt_free(md->types);
    wt_free(md->fields);
    wt_free(md->variants);
    wt_free(md->strv);
    wt_free(md->ids);
    wt_free(md->params);
    wt_free(md->pallets);
    wt_free(md->storage);
    wt_free(md->constants);
    wt_free(md->assoc);
    wt_free(md->enum_deps);
    wt_free(md->apis);
    wt_free(md->methods);
    wt_free(md->extensions);
    wt_free(md->ext_versions);
    wt_free(md->customs);
    wt_free(md->spec_name);
    wt_free(md->slots);
    wt_free(md);
}

static int check_opts(const wetee_metadata_options *opts, int *keep_docs)
{
    *keep_docs = 1;
    if (!opts) return WETEE_OK;
    if (opts->version != WETEE_METADATA_OPTIONS_VERSION)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "metadata: unknown wetee_metadata_options version %u",
                        opts->version);
    *keep_docs = opts->keep_docs != 0;
    return WETEE_OK;
}

/* Parse `body` (taken over: freed on error) = the bytes after the version
 * byte; `base` is its offset in the caller's input. */
static int parse_owned(wetee_metadata **out, uint8_t *body, size_t len, size_t base, unsigned version,
                       int keep_docs)
{
    parser p;
    wetee_metadata *md;
    int rc;
    md = wt_calloc(1, sizeof *md);
    if (!md) {
        wt_free(body);
        return wt_error(WETEE_ERR_NO_MEMORY, "metadata: out of memory");
    }
    md->bytes = body;
    md->len = len;
    md->version = version;
    md->keep_docs = keep_docs;
    memset(&p, 0, sizeof p);
    p.md = md;
    p.b = body;
    p.len = len;
    p.base = base;
    rc = rd_body(&p);
    if (rc == WETEE_OK) rc = finalize(md);
    if (rc != WETEE_OK) {
        wetee_metadata_free(md);
        return rc;
    }
    *out = md;
    return WETEE_OK;
}

static int version_error(unsigned v)
{
    return wt_error(WETEE_ERR_UNSUPPORTED,
                    "metadata: unsupported metadata version %u (libwetee reads V14, V15 and V16)", v);
}

static int is_supported(unsigned v) { return v >= 14 && v <= 16; }

/* Read a compact length prefix without a parser (for the wrapper forms). */
static int peek_compact(const uint8_t *d, size_t len, uint64_t *v, size_t *n)
{
    wetee_u128 x;
    if (wetee_scale_decode_compact(&x, n, d, len) != WETEE_OK || x.hi) return 0;
    *v = x.lo;
    return 1;
}

/* Find where RuntimeMetadataPrefixed starts: returns the offset of "meta"
 * (or of the bare version byte, with *magic = 0). */
static int locate(size_t *start, int *magic, const uint8_t *d, size_t len)
{
    uint64_t n;
    size_t k;
    if (len >= 4 && memcmp(d, "meta", 4) == 0) {
        *start = 0;
        *magic = 1;
        return WETEE_OK;
    }
    /* Option<OpaqueMetadata>: 0x01 ‖ Compact(len) ‖ "meta" */
    if (len >= 1 && d[0] == 0x01 && peek_compact(d + 1, len - 1, &n, &k) && n == len - 1 - k && n >= 4 &&
        memcmp(d + 1 + k, "meta", 4) == 0) {
        *start = 1 + k;
        *magic = 1;
        return WETEE_OK;
    }
    /* OpaqueMetadata: Compact(len) ‖ "meta" */
    if (peek_compact(d, len, &n, &k) && n == len - k && n >= 4 && memcmp(d + k, "meta", 4) == 0) {
        *start = k;
        *magic = 1;
        return WETEE_OK;
    }
    if (len == 1 && d[0] == 0x00)
        return wt_error(WETEE_ERR_NOT_FOUND,
                        "metadata: Option<OpaqueMetadata> is None (the runtime does not offer that version)");
    if (len >= 1 && is_supported(d[0])) {
        *start = 0;
        *magic = 0;
        return WETEE_OK;
    }
    if (len == 0) return wt_error(WETEE_ERR_TRUNCATED, "metadata: empty input");
    if (len >= 5 && memcmp(d + 1, "meta", 4) == 0)
        return wt_error(WETEE_ERR_DECODE, "metadata: wrapper length prefix does not match the input length %zu", len);
    if (len < 4 && memcmp(d, "meta", len) == 0) return wt_error(WETEE_ERR_TRUNCATED, "metadata: input ends inside the magic");
    if (d[0] < 14)
        return wt_error(WETEE_ERR_UNSUPPORTED,
                        "metadata: no \"meta\" magic, and first byte 0x%02x is not a supported version "
                        "(libwetee reads V14, V15 and V16; older or unknown metadata?)",
                        d[0]);
    return wt_error(WETEE_ERR_DECODE,
                    "metadata: not runtime metadata: no \"meta\" magic (6d657461) and first byte 0x%02x is not a "
                    "version 14, 15 or 16",
                    d[0]);
}

int wetee_metadata_parse(wetee_metadata **out, const uint8_t *data, size_t len, const wetee_metadata_options *opts)
{
    size_t start;
    int magic, keep_docs;
    unsigned version;
    uint8_t *body;
    WT_ARG(out != NULL, "metadata", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(data, len, "metadata");
    TRY(check_opts(opts, &keep_docs));
    TRY(locate(&start, &magic, data, len));
    if (magic) start += 4;
    if (start >= len) return wt_error(WETEE_ERR_TRUNCATED, "metadata: input ends before the version byte (offset %zu)", start);
    version = data[start];
    if (!is_supported(version)) return version_error(version);
    start++;
    body = wt_malloc(len - start ? len - start : 1);
    if (!body) return wt_error(WETEE_ERR_NO_MEMORY, "metadata: out of memory");
    if (len > start) memcpy(body, data + start, len - start);
    return parse_owned(out, body, len - start, start, version, keep_docs);
}

static int parse_hex_text(wetee_metadata **out, const char *text, size_t text_len, const wetee_metadata_options *opts)
{
    size_t a = 0, b = text_len, nbytes;
    int keep_docs, rc;
    uint8_t *bytes;
    TRY(check_opts(opts, &keep_docs));
    while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r' || text[a] == '\n')) a++;
    while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r' || text[b - 1] == '\n')) b--;
    if (b - a >= 2 && text[a] == '"' && text[b - 1] == '"') {
        a++;
        b--;
    }
    if (b - a >= 2 && text[a] == '0' && (text[a + 1] == 'x' || text[a + 1] == 'X')) a += 2;
    if ((b - a) % 2) return wt_error(WETEE_ERR_DECODE, "metadata: hex text has an odd number of digits (%zu)", b - a);
    nbytes = (b - a) / 2;
    bytes = wt_malloc(nbytes ? nbytes : 1);
    if (!bytes) return wt_error(WETEE_ERR_NO_MEMORY, "metadata: out of memory");
    rc = wetee_hex_decode_exact(bytes, nbytes, text + a, b - a);
    if (rc != WETEE_OK) {
        wt_free(bytes);
        return wt_error(rc, "metadata: bad hex text: %s", wetee_last_error());
    }
    /* Unwrap in place where possible: the body is a suffix of `bytes`. */
    {
        size_t start;
        int magic;
        unsigned version;
        uint8_t *body;
        rc = locate(&start, &magic, bytes, nbytes);
        if (rc != WETEE_OK) {
            wt_free(bytes);
            return rc;
        }
        if (magic) start += 4;
        if (start >= nbytes) {
            wt_free(bytes);
            return wt_error(WETEE_ERR_TRUNCATED, "metadata: input ends before the version byte (offset %zu)", start);
        }
        version = bytes[start];
        if (!is_supported(version)) {
            wt_free(bytes);
            return version_error(version);
        }
        start++;
        if (start) {
            /* move the body to the front so the owned block is the body */
            memmove(bytes, bytes + start, nbytes - start);
        }
        body = bytes;
        return parse_owned(out, body, nbytes - start, start, version, keep_docs);
    }
}

int wetee_metadata_parse_hex(wetee_metadata **out, const char *text, size_t text_len,
                             const wetee_metadata_options *opts)
{
    WT_ARG(out != NULL, "metadata", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(text, text_len, "metadata");
    return parse_hex_text(out, text, text_len, opts);
}

int wetee_metadata_parse_rpc_response(wetee_metadata **out, const char *json, size_t json_len,
                                      const wetee_metadata_options *opts)
{
    json_t *root, *res, *err;
    json_error_t jerr;
    int rc;
    WT_ARG(out != NULL, "metadata", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(json, json_len, "metadata");
    root = json_loadb(json, json_len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return wt_error(WETEE_ERR_DECODE, "metadata: JSON-RPC response: invalid JSON at line %d column %d: %s",
                        jerr.line, jerr.column, jerr.text);
    err = json_is_object(root) ? json_object_get(root, "error") : NULL;
    if (err && !json_is_null(err)) {
        json_t *m = json_is_object(err) ? json_object_get(err, "message") : NULL;
        rc = wt_error(WETEE_ERR_DECODE, "metadata: JSON-RPC response is an error: %.200s",
                      json_is_string(m) ? json_string_value(m) : "(no message)");
        json_decref(root);
        return rc;
    }
    res = json_is_object(root) ? json_object_get(root, "result") : NULL;
    if (!json_is_string(res)) {
        json_decref(root);
        return wt_error(WETEE_ERR_DECODE, "metadata: JSON-RPC response has no string \"result\"");
    }
    rc = parse_hex_text(out, json_string_value(res), json_string_length(res), opts);
    json_decref(root);
    return rc;
}
