/* Zero-sized registry types. */
#include "internal/metadata.h"

static int zero_sized(const struct wetee_metadata *md, uint32_t type, int depth)
{
    if (type == WT_MD_NONE || type >= md->n_types || depth > 32)
        return 0;
    const struct wetee_md_type *t = &md->types[type];
    switch (t->kind) {
    case WETEE_TYPE_COMPOSITE:
        for (uint32_t i = 0; i < t->u.comp.n; i++)
            if (!zero_sized(md, t->u.comp.fields[i].type, depth + 1))
                return 0;
        return 1;
    case WETEE_TYPE_TUPLE:
        for (uint32_t i = 0; i < t->u.tuple.n; i++)
            if (!zero_sized(md, t->u.tuple.ids[i], depth + 1))
                return 0;
        return 1;
    case WETEE_TYPE_ARRAY:
        return t->u.elem.len == 0 || zero_sized(md, t->u.elem.type, depth + 1);
    default:
        return 0;
    }
}

int wt_md_zero_sized(const struct wetee_metadata *md, uint32_t type) { return zero_sized(md, type, 0); }
