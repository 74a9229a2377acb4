/* Public accessors of a parsed metadata (include/wetee/metadata.h). */
#include <string.h>

#include "internal/metadata.h"

#define DOC_AT(obj, i) ((obj) && (i) < (obj)->n_docs ? (obj)->docs[i] : NULL)
#define DOC_N(obj) ((obj) ? (size_t)(obj)->n_docs : 0)

static int dep_out(const char **note, const char **since, const wt_md_deprecation *d)
{
    if (note) *note = d ? d->note : NULL;
    if (since) *since = d ? d->since : NULL;
    return d ? d->kind : WETEE_MD_NOT_DEPRECATED;
}

unsigned wetee_metadata_version(const wetee_metadata *md) { return md ? md->version : 0; }

const char *wetee_metadata_spec_name(const wetee_metadata *md) { return md ? md->spec_name : NULL; }

int wetee_metadata_spec_version(uint32_t *out, const wetee_metadata *md)
{
    WT_ARG(out && md, "metadata", "NULL argument");
    if (!md->has_version)
        return wt_error(WETEE_ERR_NOT_FOUND, "metadata: no usable System.Version constant");
    *out = md->spec_version;
    return WETEE_OK;
}

int wetee_metadata_transaction_version(uint32_t *out, const wetee_metadata *md)
{
    WT_ARG(out && md, "metadata", "NULL argument");
    if (!md->has_version)
        return wt_error(WETEE_ERR_NOT_FOUND, "metadata: no usable System.Version constant");
    *out = md->transaction_version;
    return WETEE_OK;
}

int wetee_metadata_ss58_prefix(uint16_t *out, const wetee_metadata *md)
{
    WT_ARG(out && md, "metadata", "NULL argument");
    if (!md->has_ss58) return wt_error(WETEE_ERR_NOT_FOUND, "metadata: no usable System.SS58Prefix constant");
    *out = md->ss58_prefix;
    return WETEE_OK;
}

/* ---- types ---- */

size_t wetee_metadata_type_count(const wetee_metadata *md) { return md ? md->n_types : 0; }

const wetee_md_type *wetee_metadata_type(const wetee_metadata *md, uint32_t id)
{
    return md && id < md->n_types ? &md->types[id] : NULL;
}

uint32_t wetee_md_type_id(const wetee_md_type *t) { return t ? t->id : WT_MD_NONE; }
int wetee_md_type_kind(const wetee_md_type *t) { return t ? t->kind : -1; }
size_t wetee_md_type_path_len(const wetee_md_type *t) { return t ? t->n_path : 0; }
const char *wetee_md_type_path(const wetee_md_type *t, size_t i) { return t && i < t->n_path ? t->path[i] : NULL; }

int wetee_md_type_path_string(wetee_buf *out, const wetee_md_type *t)
{
    uint32_t i;
    int rc;
    WT_ARG(out && t, "metadata", "NULL argument");
    out->len = 0;
    for (i = 0; i < t->n_path; i++) {
        if (i && (rc = wetee_buf_append(out, (const uint8_t *)"::", 2)) != WETEE_OK) return rc;
        if ((rc = wetee_buf_append(out, (const uint8_t *)t->path[i], strlen(t->path[i]))) != WETEE_OK) return rc;
    }
    return wt_buf_terminate(out);
}

size_t wetee_md_type_param_count(const wetee_md_type *t) { return t ? t->n_params : 0; }
const char *wetee_md_type_param_name(const wetee_md_type *t, size_t i)
{
    return t && i < t->n_params ? t->params[i].name : NULL;
}
uint32_t wetee_md_type_param_type(const wetee_md_type *t, size_t i)
{
    return t && i < t->n_params ? t->params[i].type : WT_MD_NONE;
}
size_t wetee_md_type_field_count(const wetee_md_type *t)
{
    return t && t->kind == WETEE_TYPE_COMPOSITE ? t->u.comp.n : 0;
}
const wetee_md_field *wetee_md_type_field(const wetee_md_type *t, size_t i)
{
    return t && t->kind == WETEE_TYPE_COMPOSITE && i < t->u.comp.n ? &t->u.comp.fields[i] : NULL;
}
size_t wetee_md_type_variant_count(const wetee_md_type *t)
{
    return t && t->kind == WETEE_TYPE_VARIANT ? t->u.var.n : 0;
}
const wetee_md_variant *wetee_md_type_variant(const wetee_md_type *t, size_t i)
{
    return t && t->kind == WETEE_TYPE_VARIANT && i < t->u.var.n ? &t->u.var.variants[i] : NULL;
}

const struct wetee_md_variant *wt_md_variant_by_index(const struct wetee_md_type *t, uint8_t index)
{
    uint32_t i;
    if (!t || t->kind != WETEE_TYPE_VARIANT) return NULL;
    if (t->u.var.dense) return index < t->u.var.n ? &t->u.var.variants[index] : NULL;
    for (i = 0; i < t->u.var.n; i++)
        if (t->u.var.variants[i].index == index) return &t->u.var.variants[i];
    return NULL;
}

const wetee_md_variant *wetee_md_type_variant_by_index(const wetee_md_type *t, uint8_t index)
{
    return wt_md_variant_by_index(t, index);
}

const wetee_md_variant *wetee_md_type_variant_by_name(const wetee_md_type *t, const char *name)
{
    uint32_t i;
    if (!t || !name || t->kind != WETEE_TYPE_VARIANT) return NULL;
    for (i = 0; i < t->u.var.n; i++)
        if (strcmp(t->u.var.variants[i].name, name) == 0) return &t->u.var.variants[i];
    return NULL;
}

uint32_t wetee_md_type_elem(const wetee_md_type *t)
{
    if (!t) return WT_MD_NONE;
    switch (t->kind) {
    case WETEE_TYPE_SEQUENCE:
    case WETEE_TYPE_ARRAY:
    case WETEE_TYPE_COMPACT: return t->u.elem.type;
    default: return WT_MD_NONE;
    }
}
uint32_t wetee_md_type_array_len(const wetee_md_type *t)
{
    return t && t->kind == WETEE_TYPE_ARRAY ? t->u.elem.len : 0;
}
size_t wetee_md_type_tuple_len(const wetee_md_type *t) { return t && t->kind == WETEE_TYPE_TUPLE ? t->u.tuple.n : 0; }
uint32_t wetee_md_type_tuple_elem(const wetee_md_type *t, size_t i)
{
    return t && t->kind == WETEE_TYPE_TUPLE && i < t->u.tuple.n ? t->u.tuple.ids[i] : WT_MD_NONE;
}
int wetee_md_type_primitive(const wetee_md_type *t) { return t && t->kind == WETEE_TYPE_PRIMITIVE ? t->prim : -1; }
uint32_t wetee_md_type_bit_store(const wetee_md_type *t)
{
    return t && t->kind == WETEE_TYPE_BIT_SEQUENCE ? t->u.bits.store : WT_MD_NONE;
}
uint32_t wetee_md_type_bit_order(const wetee_md_type *t)
{
    return t && t->kind == WETEE_TYPE_BIT_SEQUENCE ? t->u.bits.order : WT_MD_NONE;
}
size_t wetee_md_type_doc_count(const wetee_md_type *t) { return DOC_N(t); }
const char *wetee_md_type_doc(const wetee_md_type *t, size_t i) { return DOC_AT(t, i); }

/* ---- fields, variants ---- */

const char *wetee_md_field_name(const wetee_md_field *f) { return f ? f->name : NULL; }
const char *wetee_md_field_type_name(const wetee_md_field *f) { return f ? f->type_name : NULL; }
uint32_t wetee_md_field_type(const wetee_md_field *f) { return f ? f->type : WT_MD_NONE; }
size_t wetee_md_field_doc_count(const wetee_md_field *f) { return DOC_N(f); }
const char *wetee_md_field_doc(const wetee_md_field *f, size_t i) { return DOC_AT(f, i); }

const char *wetee_md_variant_name(const wetee_md_variant *v) { return v ? v->name : NULL; }
uint8_t wetee_md_variant_index(const wetee_md_variant *v) { return v ? v->index : 0; }
size_t wetee_md_variant_field_count(const wetee_md_variant *v) { return v ? v->n_fields : 0; }
const wetee_md_field *wetee_md_variant_field(const wetee_md_variant *v, size_t i)
{
    return v && i < v->n_fields ? &v->fields[i] : NULL;
}
size_t wetee_md_variant_doc_count(const wetee_md_variant *v) { return DOC_N(v); }
const char *wetee_md_variant_doc(const wetee_md_variant *v, size_t i) { return DOC_AT(v, i); }
uint32_t wetee_md_variant_owner(const wetee_md_variant *v) { return v ? v->owner : WT_MD_NONE; }

/* ---- pallets ---- */

size_t wetee_metadata_pallet_count(const wetee_metadata *md) { return md ? md->n_pallets : 0; }
const wetee_md_pallet *wetee_metadata_pallet_at(const wetee_metadata *md, size_t i)
{
    return md && i < md->n_pallets ? &md->pallets[i] : NULL;
}
const wetee_md_pallet *wetee_metadata_pallet_by_name(const wetee_metadata *md, const char *name)
{
    uint32_t i;
    if (!md || !name) return NULL;
    i = wt_md_find(md, WT_MD_NS_PALLET, 0, name, strlen(name));
    return i == WT_MD_NONE ? NULL : &md->pallets[i];
}
const wetee_md_pallet *wetee_metadata_pallet_by_index(const wetee_metadata *md, uint8_t index)
{
    return md && md->pallet_by_index[index] ? &md->pallets[md->pallet_by_index[index] - 1] : NULL;
}
const char *wetee_md_pallet_name(const wetee_md_pallet *p) { return p ? p->name : NULL; }
uint8_t wetee_md_pallet_index(const wetee_md_pallet *p) { return p ? p->index : 0; }
size_t wetee_md_pallet_doc_count(const wetee_md_pallet *p) { return DOC_N(p); }
const char *wetee_md_pallet_doc(const wetee_md_pallet *p, size_t i) { return DOC_AT(p, i); }
uint32_t wetee_md_pallet_call_type(const wetee_md_pallet *p) { return p ? p->call_type : WT_MD_NONE; }
uint32_t wetee_md_pallet_event_type(const wetee_md_pallet *p) { return p ? p->event_type : WT_MD_NONE; }
uint32_t wetee_md_pallet_error_type(const wetee_md_pallet *p) { return p ? p->error_type : WT_MD_NONE; }

static uint32_t enum_type(const wetee_md_pallet *p, wetee_md_enum_kind kind)
{
    if (!p) return WT_MD_NONE;
    switch (kind) {
    case WETEE_MD_CALLS: return p->call_type;
    case WETEE_MD_EVENTS: return p->event_type;
    case WETEE_MD_ERRORS: return p->error_type;
    default: return WT_MD_NONE;
    }
}

size_t wetee_md_pallet_variant_count(const wetee_metadata *md, const wetee_md_pallet *p, wetee_md_enum_kind kind)
{
    uint32_t ty = enum_type(p, kind);
    return md && ty != WT_MD_NONE ? wetee_md_type_variant_count(&md->types[ty]) : 0;
}

const wetee_md_variant *wetee_md_pallet_variant_at(const wetee_metadata *md, const wetee_md_pallet *p,
                                                   wetee_md_enum_kind kind, size_t i)
{
    uint32_t ty = enum_type(p, kind);
    return md && ty != WT_MD_NONE ? wetee_md_type_variant(&md->types[ty], i) : NULL;
}

const wetee_md_variant *wetee_md_pallet_variant_by_name(const wetee_metadata *md, const wetee_md_pallet *p,
                                                        wetee_md_enum_kind kind, const char *name)
{
    uint32_t ty = enum_type(p, kind), i;
    if (!md || !name || ty == WT_MD_NONE) return NULL;
    i = wt_md_find(md, WT_MD_NS_VARIANT, ty, name, strlen(name));
    return i == WT_MD_NONE ? NULL : &md->variants[i];
}

const wetee_md_variant *wetee_md_pallet_variant_by_index(const wetee_metadata *md, const wetee_md_pallet *p,
                                                         wetee_md_enum_kind kind, uint8_t index)
{
    uint32_t ty = enum_type(p, kind);
    return md && ty != WT_MD_NONE ? wt_md_variant_by_index(&md->types[ty], index) : NULL;
}

int wetee_md_pallet_variant_deprecation(const char **note, const char **since, const wetee_md_pallet *p,
                                        wetee_md_enum_kind kind, uint8_t index)
{
    const wt_md_enum_dep *deps = NULL;
    uint32_t n = 0, i;
    if (p) {
        if (kind == WETEE_MD_CALLS) deps = p->call_deps, n = p->n_call_deps;
        else if (kind == WETEE_MD_EVENTS) deps = p->event_deps, n = p->n_event_deps;
        else if (kind == WETEE_MD_ERRORS) deps = p->error_deps, n = p->n_error_deps;
    }
    for (i = 0; i < n; i++)
        if (deps[i].index == index) return dep_out(note, since, &deps[i].dep);
    return dep_out(note, since, NULL);
}

int wetee_md_pallet_deprecation(const char **note, const char **since, const wetee_md_pallet *p)
{
    return dep_out(note, since, p ? &p->dep : NULL);
}

const wetee_md_variant *wetee_metadata_module_error(const wetee_md_pallet **pallet, const wetee_metadata *md,
                                                   uint8_t pallet_index, const uint8_t *error, size_t error_len)
{
    const wetee_md_pallet *p;
    const wetee_md_variant *v;
    if (pallet) *pallet = NULL;
    if (!md || !error || (error_len != 1 && error_len != 4)) {
        wt_error(WETEE_ERR_INVALID_ARGUMENT, "metadata: wetee_metadata_module_error: invalid argument");
        return NULL;
    }
    p = wetee_metadata_pallet_by_index(md, pallet_index);
    if (!p) {
        wt_error(WETEE_ERR_NOT_FOUND, "metadata: module error: no pallet with index %u", pallet_index);
        return NULL;
    }
    if (pallet) *pallet = p;
    if (p->error_type == WT_MD_NONE) {
        wt_error(WETEE_ERR_NOT_FOUND, "metadata: module error: pallet %s has no errors", p->name);
        return NULL;
    }
    v = wt_md_variant_by_index(&md->types[p->error_type], error[0]);
    if (!v) wt_error(WETEE_ERR_NOT_FOUND, "metadata: module error: pallet %s has no error %u", p->name, error[0]);
    return v;
}

/* ---- storage ---- */

const char *wetee_md_pallet_storage_prefix(const wetee_md_pallet *p) { return p ? p->storage_prefix : NULL; }
size_t wetee_md_pallet_storage_count(const wetee_md_pallet *p) { return p ? p->n_storage : 0; }
const wetee_md_storage *wetee_md_pallet_storage_at(const wetee_md_pallet *p, size_t i)
{
    return p && i < p->n_storage ? &p->storage[i] : NULL;
}
const wetee_md_storage *wetee_md_pallet_storage_by_name(const wetee_metadata *md, const wetee_md_pallet *p,
                                                        const char *name)
{
    uint32_t i;
    if (!md || !p || !name) return NULL;
    i = wt_md_find(md, WT_MD_NS_STORAGE, p->pos, name, strlen(name));
    return i == WT_MD_NONE ? NULL : &md->storage[i];
}
const char *wetee_md_storage_name(const wetee_md_storage *s) { return s ? s->name : NULL; }
const wetee_md_pallet *wetee_md_storage_pallet(const wetee_md_storage *s) { return s ? s->pallet : NULL; }
int wetee_md_storage_modifier(const wetee_md_storage *s) { return s ? s->modifier : -1; }
size_t wetee_md_storage_hasher_count(const wetee_md_storage *s) { return s ? s->n_hashers : 0; }
int wetee_md_storage_hasher(const wetee_md_storage *s, size_t i)
{
    return s && i < s->n_hashers ? (int)s->hashers[i] : -1;
}
uint32_t wetee_md_storage_key_type(const wetee_md_storage *s) { return s ? s->key_type : WT_MD_NONE; }
uint32_t wetee_md_storage_value_type(const wetee_md_storage *s) { return s ? s->value_type : WT_MD_NONE; }
const uint8_t *wetee_md_storage_default(size_t *len, const wetee_md_storage *s)
{
    if (len) *len = s ? s->def_len : 0;
    return s ? s->def : NULL;
}
size_t wetee_md_storage_doc_count(const wetee_md_storage *s) { return DOC_N(s); }
const char *wetee_md_storage_doc(const wetee_md_storage *s, size_t i) { return DOC_AT(s, i); }
int wetee_md_storage_deprecation(const char **note, const char **since, const wetee_md_storage *s)
{
    return dep_out(note, since, s ? &s->dep : NULL);
}

/* ---- constants ---- */

size_t wetee_md_pallet_constant_count(const wetee_md_pallet *p) { return p ? p->n_constants : 0; }
const wetee_md_constant *wetee_md_pallet_constant_at(const wetee_md_pallet *p, size_t i)
{
    return p && i < p->n_constants ? &p->constants[i] : NULL;
}
const wetee_md_constant *wetee_md_pallet_constant_by_name(const wetee_metadata *md, const wetee_md_pallet *p,
                                                          const char *name)
{
    uint32_t i;
    if (!md || !p || !name) return NULL;
    i = wt_md_find(md, WT_MD_NS_CONST, p->pos, name, strlen(name));
    return i == WT_MD_NONE ? NULL : &md->constants[i];
}
const char *wetee_md_constant_name(const wetee_md_constant *c) { return c ? c->name : NULL; }
uint32_t wetee_md_constant_type(const wetee_md_constant *c) { return c ? c->type : WT_MD_NONE; }
const uint8_t *wetee_md_constant_value(size_t *len, const wetee_md_constant *c)
{
    if (len) *len = c ? c->value_len : 0;
    return c ? c->value : NULL;
}
size_t wetee_md_constant_doc_count(const wetee_md_constant *c) { return DOC_N(c); }
const char *wetee_md_constant_doc(const wetee_md_constant *c, size_t i) { return DOC_AT(c, i); }
int wetee_md_constant_deprecation(const char **note, const char **since, const wetee_md_constant *c)
{
    return dep_out(note, since, c ? &c->dep : NULL);
}

/* ---- runtime APIs, methods, view functions ---- */

size_t wetee_metadata_runtime_api_count(const wetee_metadata *md) { return md ? md->n_apis : 0; }
const wetee_md_runtime_api *wetee_metadata_runtime_api_at(const wetee_metadata *md, size_t i)
{
    return md && i < md->n_apis ? &md->apis[i] : NULL;
}
const wetee_md_runtime_api *wetee_metadata_runtime_api_by_name(const wetee_metadata *md, const char *name)
{
    uint32_t i;
    if (!md || !name) return NULL;
    i = wt_md_find(md, WT_MD_NS_API, 0, name, strlen(name));
    return i == WT_MD_NONE ? NULL : &md->apis[i];
}
const char *wetee_md_runtime_api_name(const wetee_md_runtime_api *a) { return a ? a->name : NULL; }
int wetee_md_runtime_api_version(uint32_t *out, const wetee_md_runtime_api *a)
{
    WT_ARG(out && a, "metadata", "NULL argument");
    if (!a->has_version)
        return wt_error(WETEE_ERR_NOT_FOUND, "metadata: runtime API %s has no version (metadata before V16)", a->name);
    *out = a->version;
    return WETEE_OK;
}
size_t wetee_md_runtime_api_doc_count(const wetee_md_runtime_api *a) { return DOC_N(a); }
const char *wetee_md_runtime_api_doc(const wetee_md_runtime_api *a, size_t i) { return DOC_AT(a, i); }
int wetee_md_runtime_api_deprecation(const char **note, const char **since, const wetee_md_runtime_api *a)
{
    return dep_out(note, since, a ? &a->dep : NULL);
}
size_t wetee_md_runtime_api_method_count(const wetee_md_runtime_api *a) { return a ? a->n_methods : 0; }
const wetee_md_method *wetee_md_runtime_api_method_at(const wetee_md_runtime_api *a, size_t i)
{
    return a && i < a->n_methods ? &a->methods[i] : NULL;
}
const wetee_md_method *wetee_md_runtime_api_method_by_name(const wetee_metadata *md, const wetee_md_runtime_api *a,
                                                         const char *name)
{
    uint32_t i;
    if (!md || !a || !name) return NULL;
    i = wt_md_find(md, WT_MD_NS_METHOD, (uint32_t)(a - md->apis), name, strlen(name));
    return i == WT_MD_NONE ? NULL : &md->methods[i];
}
size_t wetee_md_pallet_view_function_count(const wetee_md_pallet *p) { return p ? p->n_views : 0; }
const wetee_md_method *wetee_md_pallet_view_function_at(const wetee_md_pallet *p, size_t i)
{
    return p && i < p->n_views ? &p->views[i] : NULL;
}
const char *wetee_md_method_name(const wetee_md_method *m) { return m ? m->name : NULL; }
const uint8_t *wetee_md_method_view_id(const wetee_md_method *m) { return m ? m->id : NULL; }
size_t wetee_md_method_input_count(const wetee_md_method *m) { return m ? m->n_inputs : 0; }
const wetee_md_field *wetee_md_method_input(const wetee_md_method *m, size_t i)
{
    return m && i < m->n_inputs ? &m->inputs[i] : NULL;
}
uint32_t wetee_md_method_output(const wetee_md_method *m) { return m ? m->output : WT_MD_NONE; }
size_t wetee_md_method_doc_count(const wetee_md_method *m) { return DOC_N(m); }
const char *wetee_md_method_doc(const wetee_md_method *m, size_t i) { return DOC_AT(m, i); }
int wetee_md_method_deprecation(const char **note, const char **since, const wetee_md_method *m)
{
    return dep_out(note, since, m ? &m->dep : NULL);
}

/* ---- outer enums, extrinsic, custom ---- */

int wetee_metadata_outer_enums(uint32_t *call, uint32_t *event, uint32_t *error, const wetee_metadata *md)
{
    WT_ARG(md != NULL, "metadata", "md is NULL");
    if (call) *call = md->outer_call;
    if (event) *event = md->outer_event;
    if (error) *error = md->outer_error;
    return WETEE_OK;
}

int wetee_metadata_extrinsic_types(uint32_t *address, uint32_t *call, uint32_t *signature, uint32_t *extra,
                                   const wetee_metadata *md)
{
    WT_ARG(md != NULL, "metadata", "md is NULL");
    if (address) *address = md->address_type;
    if (call) *call = md->call_type;
    if (signature) *signature = md->signature_type;
    if (extra) *extra = md->extra_type;
    return WETEE_OK;
}

size_t wetee_metadata_extrinsic_version_count(const wetee_metadata *md) { return md ? md->n_ext_versions_list : 0; }
uint8_t wetee_metadata_extrinsic_version(const wetee_metadata *md, size_t i)
{
    return md && i < md->n_ext_versions_list ? (uint8_t)md->ext_versions_list[i] : 0;
}
size_t wetee_metadata_extension_count(const wetee_metadata *md) { return md ? md->n_extensions : 0; }
const wetee_md_extension *wetee_metadata_extension_at(const wetee_metadata *md, size_t i)
{
    return md && i < md->n_extensions ? &md->extensions[i] : NULL;
}
const char *wetee_md_extension_identifier(const wetee_md_extension *e) { return e ? e->identifier : NULL; }
uint32_t wetee_md_extension_type(const wetee_md_extension *e) { return e ? e->type : WT_MD_NONE; }
uint32_t wetee_md_extension_implicit_type(const wetee_md_extension *e) { return e ? e->implicit : WT_MD_NONE; }
size_t wetee_metadata_extension_version_count(const wetee_metadata *md) { return md ? md->n_ext_versions : 0; }

int wetee_metadata_extension_version_at(uint8_t *version, size_t *count, const wetee_metadata *md, size_t i)
{
    WT_ARG(md != NULL, "metadata", "md is NULL");
    if (i >= md->n_ext_versions)
        return wt_error(WETEE_ERR_NOT_FOUND, "metadata: extension version position %zu out of range (%u)", i,
                        md->n_ext_versions);
    if (version) *version = md->ext_versions[i].version;
    if (count) *count = md->ext_versions[i].n;
    return WETEE_OK;
}

const wetee_md_extension *wetee_metadata_extension_of_version(const wetee_metadata *md, size_t i, size_t j)
{
    if (!md || i >= md->n_ext_versions || j >= md->ext_versions[i].n) return NULL;
    return &md->extensions[md->ext_versions[i].indexes[j]];
}

size_t wetee_metadata_custom_count(const wetee_metadata *md) { return md ? md->n_customs : 0; }

static int custom_out(const char **name, uint32_t *type, const uint8_t **value, size_t *value_len,
                      const wt_md_custom *c)
{
    if (name) *name = c->name;
    if (type) *type = c->type;
    if (value) *value = c->value;
    if (value_len) *value_len = c->value_len;
    return WETEE_OK;
}

int wetee_metadata_custom_at(const char **name, uint32_t *type, const uint8_t **value, size_t *value_len,
                             const wetee_metadata *md, size_t i)
{
    WT_ARG(md != NULL, "metadata", "md is NULL");
    if (i >= md->n_customs)
        return wt_error(WETEE_ERR_NOT_FOUND, "metadata: custom value position %zu out of range (%u)", i,
                        md->n_customs);
    return custom_out(name, type, value, value_len, &md->customs[i]);
}

int wetee_metadata_custom_by_name(uint32_t *type, const uint8_t **value, size_t *value_len, const wetee_metadata *md,
                                  const char *name)
{
    uint32_t i;
    WT_ARG(md != NULL && name != NULL, "metadata", "NULL argument");
    i = wt_md_find(md, WT_MD_NS_CUSTOM, 0, name, strlen(name));
    if (i == WT_MD_NONE) return wt_error(WETEE_ERR_NOT_FOUND, "metadata: no custom value named \"%.100s\"", name);
    return custom_out(NULL, type, value, value_len, &md->customs[i]);
}
