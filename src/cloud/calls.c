/* Calls of the pallet generation built from a deployment against a
 * runtime's metadata (argument lists and enum variants come from the
 * metadata), and the cost estimate. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "cloud/cloud_impl.h"
#include "wetee/value.h"

static const char *const role_names[4][2] = {
    {"WeTEEApp", "App"}, {"WeTEETask", "Task"}, {"WeTEEGpu", "Gpu"}, {"WeTEEWorker", "Worker"}};

WETEE_API const char *wetee_cloud_pallet(const wetee_metadata *md, int role)
{
    const wetee_md_pallet *p;
    if (md == NULL || role < 0 || role > WETEE_CLOUD_WORKER) {
        wt_error(WETEE_ERR_INVALID_ARGUMENT, "cloud: wetee_cloud_pallet: invalid argument");
        return NULL;
    }
    if ((p = wetee_metadata_pallet_by_name(md, role_names[role][0])) != NULL ||
        (p = wetee_metadata_pallet_by_name(md, role_names[role][1])) != NULL)
        return wetee_md_pallet_name(p);
    wt_error(WETEE_ERR_NOT_FOUND, "cloud: the runtime has no %s pallet (looked for %s and %s)",
             wetee_cloud_kind_name(role), role_names[role][0], role_names[role][1]);
    return NULL;
}

/* The enum under a type: through Vec, Option and Compact wrappers. */
static const wetee_md_type *enum_under(const wetee_metadata *md, uint32_t type)
{
    unsigned depth;
    for (depth = 0; depth < 8; depth++) {
        const wetee_md_type *t = wetee_metadata_type(md, type);
        const char *last;
        if (t == NULL) return NULL;
        switch (wetee_md_type_kind(t)) {
        case WETEE_TYPE_SEQUENCE:
        case WETEE_TYPE_COMPACT:
        case WETEE_TYPE_ARRAY:
            type = wetee_md_type_elem(t);
            continue;
        case WETEE_TYPE_VARIANT:
            last = wetee_md_type_path_len(t) ? wetee_md_type_path(t, wetee_md_type_path_len(t) - 1) : "";
            if (strcmp(last, "Option") == 0) {
                const wetee_md_variant *some = wetee_md_type_variant_by_name(t, "Some");
                if (some == NULL || wetee_md_variant_field_count(some) != 1) return t;
                type = wetee_md_field_type(wetee_md_variant_field(some, 0));
                continue;
            }
            return t;
        default:
            return NULL;
        }
    }
    return NULL;
}

/* The runtime's variant name for `wanted` (case-insensitive, '-' and '_'
 * ignored), or an error naming the variants the runtime offers. */
static int variant_of(const char **out, const wetee_md_type *e, const char *wanted, const char *what)
{
    size_t i, n;
    char have[512] = "";
    size_t used = 0;
    if (e == NULL) return wt_error(WETEE_ERR_UNSUPPORTED, "cloud: the runtime's %s is not an enum", what);
    n = wetee_md_type_variant_count(e);
    for (i = 0; i < n; i++) {
        const char *name = wetee_md_variant_name(wetee_md_type_variant(e, i));
        const char *a = name, *b = wanted;
        for (;;) {
            while (*a == '_' || *a == '-') a++;
            while (*b == '_' || *b == '-') b++;
            if (*a == 0 || *b == 0 || (*a | 0x20) != (*b | 0x20)) break;
            a++, b++;
        }
        if (*a == 0 && *b == 0) {
            *out = name;
            return WETEE_OK;
        }
        if (used < sizeof have)
            used += (size_t)snprintf(have + used, sizeof have - used, "%s%s", i ? ", " : "", name);
    }
    return wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s \"%s\" is not offered by this runtime (it has %s)", what, wanted,
                    have);
}

static json_t *hex_json(const char *s, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    char *t = wt_malloc(2 * n + 3);
    json_t *j;
    size_t i;
    if (t == NULL) return NULL;
    t[0] = '0', t[1] = 'x';
    for (i = 0; i < n; i++) {
        t[2 + 2 * i] = digits[(uint8_t)s[i] >> 4];
        t[3 + 2 * i] = digits[(uint8_t)s[i] & 15];
    }
    j = json_stringn(t, 2 * n + 2);
    wt_free(t);
    return j;
}
static json_t *str_hex(const char *s) { return hex_json(s ? s : "", s ? strlen(s) : 0); }

/* Context of one call being built: the metadata and the call's fields. */
typedef struct build {
    const wetee_metadata *md;
    const wetee_md_variant *call;
    const char *what; /* "WeTEEApp.create" */
} build;

static uint32_t field_type(const build *b, const char *name)
{
    size_t i, n = wetee_md_variant_field_count(b->call);
    for (i = 0; i < n; i++) {
        const wetee_md_field *f = wetee_md_variant_field(b->call, i);
        if (wetee_md_field_name(f) && strcmp(wetee_md_field_name(f), name) == 0) return wetee_md_field_type(f);
    }
    return UINT32_MAX;
}

static int ports_json(json_t **out, const build *b, uint32_t type, const wt_container *c)
{
    const wetee_md_type *e = enum_under(b->md, type);
    size_t i;
    int rc;
    *out = json_array();
    for (i = 0; i < c->nports; i++) {
        const char *v;
        char what[160];
        snprintf(what, sizeof what, "port protocol (%s.port)", b->what);
        if ((rc = variant_of(&v, e, wt_cloud_proto_variants[c->ports[i].proto], what)) != WETEE_OK) {
            json_decref(*out);
            return rc;
        }
        json_array_append_new(*out, json_pack("{s:I}", v, (json_int_t)c->ports[i].port));
    }
    return WETEE_OK;
}

static int command_json(json_t **out, const build *b, uint32_t type, const wt_container *c)
{
    static const char *const shells[] = {"NONE", "SH", "BASH", "ZSH"};
    const wetee_md_type *e = enum_under(b->md, type);
    const char *v;
    char what[160];
    int rc;
    snprintf(what, sizeof what, "command shell (%s)", b->what);
    if ((rc = variant_of(&v, e, shells[c->shell], what)) != WETEE_OK) return rc;
    if (c->shell == WT_SHELL_NONE)
        *out = json_pack("{s:n}", v);
    else
        *out = json_pack("{s:o}", v, str_hex(c->command));
    return *out ? WETEE_OK : wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
}

/* Disk { path: DiskClass::SSD(path), size } as the runtime names them. */
static int disks_json(json_t **out, const build *b, uint32_t vec_type, const wt_container *c)
{
    const wetee_md_type *seq = wetee_metadata_type(b->md, vec_type), *disk, *cls = NULL;
    const char *ssd = "SSD", *path_name = "path", *size_name = "size";
    size_t i;
    *out = json_array();
    if (c->ndisks == 0) return WETEE_OK;
    if (seq == NULL || wetee_md_type_kind(seq) != WETEE_TYPE_SEQUENCE ||
        (disk = wetee_metadata_type(b->md, wetee_md_type_elem(seq))) == NULL ||
        wetee_md_type_kind(disk) != WETEE_TYPE_COMPOSITE || wetee_md_type_field_count(disk) != 2) {
        json_decref(*out);
        return wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s: the runtime's disk type is not Disk { path, size }", b->what);
    }
    path_name = wetee_md_field_name(wetee_md_type_field(disk, 0));
    size_name = wetee_md_field_name(wetee_md_type_field(disk, 1));
    cls = enum_under(b->md, wetee_md_field_type(wetee_md_type_field(disk, 0)));
    if (path_name == NULL || size_name == NULL || cls == NULL || wetee_md_type_variant_count(cls) == 0) {
        json_decref(*out);
        return wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s: the runtime's disk type is not Disk { path, size }", b->what);
    }
    ssd = wetee_md_variant_name(wetee_md_type_variant(cls, 0));
    for (i = 0; i < c->ndisks; i++)
        json_array_append_new(*out, json_pack("{s:{s:o},s:I}", path_name, ssd, str_hex(c->disks[i].path), size_name,
                                              (json_int_t)c->disks[i].size));
    return WETEE_OK;
}

/* Side containers: Container { image, command, port, cr: Cr { cpu, mem, disk, gpu } }. */
static int sides_json(json_t **out, const build *b, uint32_t vec_type, const wetee_cloud_deployment *d)
{
    const wetee_md_type *seq = wetee_metadata_type(b->md, vec_type), *ct;
    size_t i, j;
    int rc;
    *out = json_array();
    if (d->nsides == 0) return WETEE_OK;
    if (seq == NULL || wetee_md_type_kind(seq) != WETEE_TYPE_SEQUENCE ||
        (ct = wetee_metadata_type(b->md, wetee_md_type_elem(seq))) == NULL ||
        wetee_md_type_kind(ct) != WETEE_TYPE_COMPOSITE)
        goto unsupported;
    for (i = 0; i < d->nsides; i++) {
        const wt_container *c = &d->sides[i];
        json_t *o = json_object();
        json_array_append_new(*out, o);
        for (j = 0; j < wetee_md_type_field_count(ct); j++) {
            const wetee_md_field *f = wetee_md_type_field(ct, j);
            const char *fn = wetee_md_field_name(f);
            json_t *v = NULL;
            if (fn == NULL) goto unsupported;
            if (strcmp(fn, "image") == 0) {
                v = str_hex(c->image);
            } else if (strcmp(fn, "command") == 0) {
                if ((rc = command_json(&v, b, wetee_md_field_type(f), c)) != WETEE_OK) goto fail;
            } else if (strcmp(fn, "port") == 0) {
                if ((rc = ports_json(&v, b, wetee_md_field_type(f), c)) != WETEE_OK) goto fail;
            } else if (strcmp(fn, "cr") == 0) {
                const wetee_md_type *cr = wetee_metadata_type(b->md, wetee_md_field_type(f));
                size_t k;
                if (cr == NULL || wetee_md_type_kind(cr) != WETEE_TYPE_COMPOSITE) goto unsupported;
                v = json_object();
                for (k = 0; k < wetee_md_type_field_count(cr); k++) {
                    const wetee_md_field *g = wetee_md_type_field(cr, k);
                    const char *gn = wetee_md_field_name(g);
                    json_t *w = NULL;
                    if (gn == NULL) goto unsupported_v;
                    if (strcmp(gn, "cpu") == 0) w = json_integer(c->cpu);
                    else if (strcmp(gn, "mem") == 0 || strcmp(gn, "memory") == 0) w = json_integer(c->memory);
                    else if (strcmp(gn, "gpu") == 0) w = json_integer(c->gpu);
                    else if (strcmp(gn, "disk") == 0) {
                        if ((rc = disks_json(&w, b, wetee_md_field_type(g), c)) != WETEE_OK) {
                            json_decref(v);
                            goto fail;
                        }
                    } else {
                    unsupported_v:
                        json_decref(v);
                        goto unsupported;
                    }
                    json_object_set_new(v, gn, w);
                }
            } else {
                goto unsupported;
            }
            json_object_set_new(o, fn, v);
        }
    }
    return WETEE_OK;
unsupported:
    rc = wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s: the runtime's side container type has fields this SDK does not know",
                  b->what);
fail:
    json_decref(*out);
    *out = NULL;
    return rc;
}

/* EnvInput list: `removes` existing indices to remove first, then every
 * env variable (EnvKey::Env) and file (EnvKey::File) inserted. */
static int env_json(json_t **out, const build *b, uint32_t type, const wetee_cloud_deployment *d,
                    const uint16_t *removes, size_t nremove)
{
    const wetee_md_type *seq = wetee_metadata_type(b->md, type), *item, *key_enum = NULL, *etype = NULL;
    const char *env_v, *file_v, *ins_v, *rem_v = NULL;
    size_t i;
    int rc;
    *out = NULL;
    if (seq == NULL || wetee_md_type_kind(seq) != WETEE_TYPE_SEQUENCE ||
        (item = wetee_metadata_type(b->md, wetee_md_type_elem(seq))) == NULL ||
        wetee_md_type_kind(item) != WETEE_TYPE_COMPOSITE)
        return wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s: the runtime's env type is not Vec<EnvInput>", b->what);
    for (i = 0; i < wetee_md_type_field_count(item); i++) {
        const wetee_md_field *f = wetee_md_type_field(item, i);
        const char *fn = wetee_md_field_name(f);
        if (fn && strcmp(fn, "k") == 0) key_enum = enum_under(b->md, wetee_md_field_type(f));
        else if (fn && strcmp(fn, "etype") == 0) etype = enum_under(b->md, wetee_md_field_type(f));
        else if (!fn || (strcmp(fn, "index") != 0 && strcmp(fn, "v") != 0))
            return wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s: EnvInput field \"%s\" is unknown to this SDK", b->what,
                            fn ? fn : "(unnamed)");
    }
    if ((rc = variant_of(&env_v, key_enum, "Env", "env key")) != WETEE_OK) return rc;
    if ((rc = variant_of(&file_v, key_enum, "File", "env key")) != WETEE_OK) return rc;
    if ((rc = variant_of(&ins_v, etype, "INSERT", "edit type")) != WETEE_OK) return rc;
    if (nremove > 0 && (rc = variant_of(&rem_v, etype, "REMOVE", "edit type")) != WETEE_OK) return rc;
    *out = json_array();
    for (i = 0; i < nremove; i++)
        json_array_append_new(*out, json_pack("{s:{s:I},s:I,s:{s:s},s:s}", "etype", rem_v, (json_int_t)removes[i], "index",
                                              (json_int_t)removes[i], "k", env_v, "0x", "v", "0x"));
    for (i = 0; i < d->nenv + d->nfiles; i++) {
        const wt_kv *kv = i < d->nenv ? &d->env[i] : &d->files[i - d->nenv];
        if (i > UINT16_MAX) break;
        json_array_append_new(*out, json_pack("{s:s,s:I,s:{s:o},s:o}", "etype", ins_v, "index", (json_int_t)i, "k",
                                              i < d->nenv ? env_v : file_v, str_hex(kv->key), "v",
                                              hex_json(kv->value, kv->value_len)));
    }
    return WETEE_OK;
}

/* Arguments of create / update, by the runtime's argument names. */
int wt_cloud_build_args(json_t **out, const wetee_metadata *md, const char *pallet, const char *call,
                        const wetee_cloud_deployment *d, int update, uint64_t id, const uint16_t *removes,
                        size_t nremove, int with_restart)
{
    const wetee_md_pallet *p = wetee_metadata_pallet_by_name(md, pallet);
    build b;
    char what[96];
    json_t *args;
    size_t i, n;
    int rc = WETEE_OK;
    *out = NULL;
    snprintf(what, sizeof what, "%s.%s", pallet, call);
    b.md = md;
    b.what = what;
    if (p == NULL || (b.call = wetee_md_pallet_variant_by_name(md, p, WETEE_MD_CALLS, call)) == NULL)
        return wt_error(WETEE_ERR_NOT_FOUND, "cloud: the runtime has no call %s", what);
    if (d->nsecrets > 0)
        return wt_error(WETEE_ERR_UNSUPPORTED,
                        "cloud: %s: the deployment has secrets (%s...): sealing them to an attested key is not "
                        "available in this build; deploy without secrets",
                        what, d->secrets[0].key);
    args = json_object();
    n = wetee_md_variant_field_count(b.call);
    for (i = 0; i < n && rc == WETEE_OK; i++) {
        const wetee_md_field *f = wetee_md_variant_field(b.call, i);
        const char *fn = wetee_md_field_name(f);
        uint32_t ft = wetee_md_field_type(f);
        const char *base = fn;
        json_t *v = NULL;
        if (fn == NULL) {
            rc = wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s has an unnamed argument", what);
            break;
        }
        if (update && strncmp(fn, "new_", 4) == 0) base = fn + 4;
        if (update && (strcmp(fn, "app_id") == 0 || strcmp(fn, "id") == 0)) {
            v = json_integer((json_int_t)id);
        } else if (update && strcmp(fn, "with_restart") == 0) {
            v = json_boolean(with_restart);
        } else if (strcmp(base, "name") == 0) {
            v = str_hex(d->name);
        } else if (strcmp(base, "image") == 0) {
            v = str_hex(d->main.image);
        } else if (strcmp(base, "meta") == 0) {
            v = str_hex(d->meta);
        } else if (strcmp(fn, "template_id") == 0 || strcmp(fn, "secret_env") == 0) {
            v = json_null();
        } else if (strcmp(base, "signer") == 0 || strcmp(base, "signature") == 0) {
            v = update ? json_null() : json_string("0x");
        } else if (strcmp(base, "port") == 0) {
            rc = ports_json(&v, &b, ft, &d->main);
        } else if (strcmp(base, "command") == 0) {
            rc = command_json(&v, &b, ft, &d->main);
        } else if (strcmp(base, "env") == 0) {
            rc = env_json(&v, &b, ft, d, removes, nremove);
        } else if (!update && strcmp(fn, "cpu") == 0) {
            v = json_integer(d->main.cpu);
        } else if (!update && strcmp(fn, "memory") == 0) {
            v = json_integer(d->main.memory);
        } else if (!update && strcmp(fn, "gpu") == 0) {
            v = json_integer(d->main.gpu);
        } else if (!update && strcmp(fn, "disk") == 0) {
            rc = disks_json(&v, &b, ft, &d->main);
        } else if (!update && strcmp(fn, "side_container") == 0) {
            rc = sides_json(&v, &b, ft, d);
        } else if (!update && strcmp(fn, "level") == 0) {
            v = json_integer(d->level);
        } else if (!update && strcmp(fn, "tee_version") == 0) {
            static const char *const tees[] = {"SGX", "CVM"};
            const char *tv;
            char w[160];
            snprintf(w, sizeof w, "TEE type (%s.tee_version)", what);
            if ((rc = variant_of(&tv, enum_under(md, ft), tees[d->tee], w)) == WETEE_OK) v = json_string(tv);
        } else {
            rc = wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s takes an argument \"%s\" this SDK does not know", what, fn);
        }
        if (rc == WETEE_OK) {
            if (v == NULL) rc = wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
            else json_object_set_new(args, fn, v);
        }
    }
    if (rc == WETEE_OK && !update) {
        /* a deployment whose parts the call cannot carry is refused */
        if (d->main.gpu != 0 && field_type(&b, "gpu") == UINT32_MAX)
            rc = wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s takes no gpu argument", what);
        else if (d->nsides != 0 && field_type(&b, "side_container") == UINT32_MAX)
            rc = wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s takes no side containers", what);
        else if (d->main.ndisks != 0 && field_type(&b, "disk") == UINT32_MAX)
            rc = wt_error(WETEE_ERR_UNSUPPORTED, "cloud: %s takes no disks", what);
    }
    if (rc != WETEE_OK) {
        json_decref(args);
        return rc;
    }
    *out = args;
    return WETEE_OK;
}

int wt_cloud_set_json(wetee_buf *out, json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
    int rc;
    if (s == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    wetee_buf_clear(out);
    rc = wetee_buf_append(out, (const uint8_t *)s, strlen(s));
    if (rc == WETEE_OK) rc = wt_buf_terminate(out);
    wt_json_text_free(s);
    return rc;
}

WETEE_API int wetee_cloud_deploy_call_json(wetee_buf *out, const wetee_metadata *md, const wetee_cloud_deployment *d)
{
    const char *pallet;
    json_t *args, *o;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    WT_ARG(md != NULL, CM, "metadata is NULL");
    WT_ARG(d != NULL, CM, "deployment is NULL");
    if ((pallet = wetee_cloud_pallet(md, d->kind)) == NULL) return WETEE_ERR_NOT_FOUND;
    if ((rc = wt_cloud_build_args(&args, md, pallet, "create", d, 0, 0, NULL, 0, 0)) != WETEE_OK) return rc;
    o = json_pack("{s:s,s:s,s:o}", "pallet", pallet, "call", "create", "args", args);
    if (o == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    rc = wt_cloud_set_json(out, o);
    json_decref(o);
    return rc;
}

int wt_cloud_encode_call(wetee_buf *out, const wetee_metadata *md, const char *pallet, const char *call, json_t *args)
{
    char *s = args ? json_dumps(args, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
    int rc;
    if (args && s == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    wetee_buf_clear(out);
    rc = wetee_call_encode_json(out, md, pallet, call, s, s ? strlen(s) : 0);
    wt_json_text_free(s);
    return rc;
}

WETEE_API int wetee_cloud_deploy_call(wetee_buf *out, const wetee_metadata *md, const wetee_cloud_deployment *d)
{
    const char *pallet;
    json_t *args;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    WT_ARG(md != NULL, CM, "metadata is NULL");
    WT_ARG(d != NULL, CM, "deployment is NULL");
    if ((pallet = wetee_cloud_pallet(md, d->kind)) == NULL) return WETEE_ERR_NOT_FOUND;
    if ((rc = wt_cloud_build_args(&args, md, pallet, "create", d, 0, 0, NULL, 0, 0)) != WETEE_OK) return rc;
    rc = wt_cloud_encode_call(out, md, pallet, "create", args);
    json_decref(args);
    return rc;
}

/* ---- cost ---- */

/* The first integer field of `price` whose name starts with `prefix`
 * (cpu_per, cpuPer, cpu_per_block, ...), not a cvm_ one. */
static int price_field(uint64_t *out, json_t *price, const char *prefix)
{
    const char *k;
    json_t *v;
    json_object_foreach(price, k, v) {
        if (strncasecmp(k, prefix, strlen(prefix)) == 0) {
            if (json_is_integer(v) && json_integer_value(v) >= 0) {
                *out = (uint64_t)json_integer_value(v);
                return WETEE_OK;
            }
            if (json_is_string(v)) {
                wetee_u128 x;
                const char *s = json_string_value(v);
                if (wetee_u128_from_decimal(&x, s, strlen(s), 0) == WETEE_OK && x.hi == 0) {
                    *out = x.lo;
                    return WETEE_OK;
                }
            }
            return wt_error(WETEE_ERR_DECODE, "cloud: price field \"%s\" is not a non-negative integer", k);
        }
    }
    return wt_error(WETEE_ERR_DECODE, "cloud: the price has no field starting with \"%s\"", prefix);
}

static int add_container_cost(uint64_t *sum, const wt_container *c, uint64_t cpu, uint64_t mem, uint64_t disk)
{
    uint64_t dsum = 0;
    size_t i;
    for (i = 0; i < c->ndisks; i++) dsum += c->disks[i].size; /* at most 256 * 2^32: no overflow */
    /* each factor is below 2^32, so each product fits a u64; the sum is
     * checked against u32 after each step */
    *sum += cpu * c->cpu;
    if (*sum > UINT32_MAX) return 0;
    *sum += mem * c->memory;
    if (*sum > UINT32_MAX) return 0;
    if (dsum > UINT32_MAX) return 0;
    *sum += disk * dsum;
    return *sum <= UINT32_MAX;
}

WETEE_API int wetee_cloud_estimate_at(wetee_u128 *out, const wetee_cloud_deployment *d, const char *price_json)
{
    json_t *price;
    json_error_t err;
    uint64_t cpu, mem, disk, sum = 0;
    size_t i;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    WT_ARG(d != NULL, CM, "deployment is NULL");
    WT_ARG(price_json != NULL, CM, "price_json is NULL");
    if ((price = json_loads(price_json, 0, &err)) == NULL)
        return wt_error(WETEE_ERR_DECODE, "cloud: price: line %d, column %d: %s", err.line, err.column, err.text);
    if (!json_is_object(price)) {
        json_decref(price);
        return wt_error(WETEE_ERR_DECODE, "cloud: price: expected an object");
    }
    if ((rc = price_field(&cpu, price, "cpu")) != WETEE_OK || (rc = price_field(&mem, price, "mem")) != WETEE_OK ||
        (rc = price_field(&disk, price, "disk")) != WETEE_OK) {
        json_decref(price);
        return rc;
    }
    json_decref(price);
    if (cpu > UINT32_MAX || mem > UINT32_MAX || disk > UINT32_MAX)
        return wt_error(WETEE_ERR_OVERFLOW, "cloud: a price above u32: the runtime's prices are u32");
    if (!add_container_cost(&sum, &d->main, cpu, mem, disk)) goto over;
    for (i = 0; i < d->nsides; i++)
        if (!add_container_cost(&sum, &d->sides[i], cpu, mem, disk)) goto over;
    *out = wetee_u128_from_u64(sum);
    return WETEE_OK;
over:
    return wt_error(WETEE_ERR_OVERFLOW,
                    "cloud: the cost per period exceeds 4294967295 (u32): the runtime computes it in u32 and would "
                    "charge a wrapped amount; use fewer resources");
}
