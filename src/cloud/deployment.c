/* Deployment files (docs/cloud.md): strict JSON parsing and validation,
 * and the normalised JSON written back. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "cloud/cloud_impl.h"

#define DEPLOY_MAX_BYTES (1u << 20)
#define MAX_NAME 128
#define MAX_IMAGE 1024
#define MAX_TEXT 65536 /* command, meta, one env value or file */
#define MAX_ITEMS 256  /* ports, disks, env, files, secrets, side containers */

const char *const wt_cloud_proto_names[WT_PROTO_COUNT] = {"tcp", "udp", "http", "https", "project-tcp", "project-udp"};
const char *const wt_cloud_proto_variants[WT_PROTO_COUNT] = {"Tcp", "Udp", "Http", "Https", "ProjectTcp", "ProjectUdp"};
static const char *const shell_names[] = {"none", "sh", "bash", "zsh"};
static const char *const kind_names[] = {"app", "task", "gpu"};
static const char *const tee_names[] = {"sgx", "cvm"};

#define BAD(path, ...) bad_field(path, __VA_ARGS__)

static int bad_field(const char *path, const char *fmt, ...) WT_PRINTF(2, 3);
static int bad_field(const char *path, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return wt_error(WETEE_ERR_DECODE, "cloud: deployment: %s: %s", path, msg);
}

static char *dup_n(const char *s, size_t n)
{
    char *p = wt_malloc(n + 1);
    if (p == NULL) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* A string field: present, a JSON string without NUL, 1..max bytes (0..max when allow_empty). */
static int get_string(char **out, size_t *out_len, json_t *v, const char *path, size_t max, int allow_empty)
{
    size_t n;
    if (!json_is_string(v)) return BAD(path, "expected a string");
    n = json_string_length(v);
    if (memchr(json_string_value(v), 0, n) != NULL) return BAD(path, "contains a NUL character");
    if (n == 0 && !allow_empty) return BAD(path, "must not be empty");
    if (n > max) return BAD(path, "%zu bytes, at most %zu allowed", n, max);
    if ((*out = dup_n(json_string_value(v), n)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    if (out_len != NULL) *out_len = n;
    return WETEE_OK;
}

static int get_uint(uint64_t *out, json_t *v, const char *path, uint64_t min, uint64_t max)
{
    json_int_t i;
    if (!json_is_integer(v)) return BAD(path, "expected an integer from %llu to %llu", (unsigned long long)min,
                                        (unsigned long long)max);
    i = json_integer_value(v);
    if (i < 0 || (uint64_t)i < min || (uint64_t)i > max)
        return BAD(path, "%lld is out of range: allowed %llu to %llu", (long long)i, (unsigned long long)min,
                   (unsigned long long)max);
    *out = (uint64_t)i;
    return WETEE_OK;
}

static int get_choice(int *out, json_t *v, const char *path, const char *const *names, size_t n)
{
    char allowed[256] = "";
    size_t i, used = 0;
    if (json_is_string(v)) {
        for (i = 0; i < n; i++)
            if (strcasecmp(json_string_value(v), names[i]) == 0 && strlen(names[i]) == json_string_length(v)) {
                *out = (int)i;
                return WETEE_OK;
            }
    }
    for (i = 0; i < n && used < sizeof allowed; i++)
        used += (size_t)snprintf(allowed + used, sizeof allowed - used, "%s%s", i ? ", " : "", names[i]);
    if (json_is_string(v)) {
        char shown[48];
        snprintf(shown, sizeof shown, "%.40s", json_string_value(v));
        return BAD(path, "\"%s\" is not one of %s", shown, allowed);
    }
    return BAD(path, "expected a string, one of %s", allowed);
}

/* Every key of `obj` must be in `keys` (NULL-terminated). */
static int check_keys(json_t *obj, const char *path, const char *const *keys)
{
    const char *k;
    json_t *v;
    json_object_foreach(obj, k, v) {
        size_t i;
        int ok = 0;
        (void)v;
        for (i = 0; keys[i] != NULL; i++)
            if (strcmp(k, keys[i]) == 0) ok = 1;
        if (!ok) {
            char allowed[512] = "";
            size_t used = 0;
            for (i = 0; keys[i] != NULL && used < sizeof allowed; i++)
                used += (size_t)snprintf(allowed + used, sizeof allowed - used, "%s%s", i ? ", " : "", keys[i]);
            char shown[48];
            snprintf(shown, sizeof shown, "%.40s", k);
            return bad_field(path[0] ? path : "(top level)", "unknown field \"%s\"; allowed: %s", shown, allowed);
        }
    }
    return WETEE_OK;
}

static void container_clear(wt_container *c)
{
    size_t i;
    wt_free(c->image);
    wt_free(c->command);
    wt_free(c->ports);
    for (i = 0; i < c->ndisks; i++) wt_free(c->disks[i].path);
    wt_free(c->disks);
    memset(c, 0, sizeof *c);
}

static void kv_free(wt_kv *kv, size_t n, int secret)
{
    size_t i;
    for (i = 0; i < n; i++) {
        wt_free(kv[i].key);
        if (kv[i].value != NULL) {
            if (secret) wetee_wipe(kv[i].value, kv[i].value_len);
            wt_free(kv[i].value);
        }
    }
    wt_free(kv);
}

WETEE_API void wetee_cloud_deployment_free(wetee_cloud_deployment *d)
{
    size_t i;
    if (d == NULL) return;
    wt_free(d->name);
    wt_free(d->meta);
    container_clear(&d->main);
    for (i = 0; i < d->nsides; i++) container_clear(&d->sides[i]);
    wt_free(d->sides);
    kv_free(d->env, d->nenv, 0);
    kv_free(d->files, d->nfiles, 0);
    kv_free(d->secrets, d->nsecrets, 1);
    wt_free(d->asset);
    wt_free(d);
}

static int parse_command(wt_container *c, json_t *v, const char *path)
{
    char p[128];
    if (v == NULL || json_is_null(v)) {
        c->shell = WT_SHELL_NONE;
        return WETEE_OK;
    }
    if (json_is_string(v)) { /* a command line run by sh */
        c->shell = WT_SHELL_SH;
        return get_string(&c->command, NULL, v, path, MAX_TEXT, 0);
    }
    if (!json_is_object(v)) return BAD(path, "expected null, a string, or {\"shell\": ..., \"run\": ...}");
    {
        static const char *const keys[] = {"shell", "run", NULL};
        json_t *sh = json_object_get(v, "shell"), *run = json_object_get(v, "run");
        int rc = check_keys(v, path, keys);
        if (rc != WETEE_OK) return rc;
        snprintf(p, sizeof p, "%.48s.shell", path);
        c->shell = WT_SHELL_SH;
        if (sh != NULL && (rc = get_choice(&c->shell, sh, p, shell_names, 4)) != WETEE_OK) return rc;
        snprintf(p, sizeof p, "%.48s.run", path);
        if (c->shell == WT_SHELL_NONE) {
            if (run != NULL && !json_is_null(run)) return BAD(p, "must be absent when the shell is none");
            return WETEE_OK;
        }
        if (run == NULL) return BAD(p, "missing (the command line for %s)", shell_names[c->shell]);
        return get_string(&c->command, NULL, run, p, MAX_TEXT, 0);
    }
}

static int parse_ports(wt_container *c, json_t *v, const char *path)
{
    size_t i;
    char p[128];
    static const char *const keys[] = {"port", "protocol", NULL};
    if (v == NULL) return WETEE_OK;
    if (!json_is_array(v)) return BAD(path, "expected an array of {\"port\": 1..65535, \"protocol\": ...}");
    if (json_array_size(v) > MAX_ITEMS) return BAD(path, "%zu entries, at most %d", json_array_size(v), MAX_ITEMS);
    if (json_array_size(v) == 0) return WETEE_OK;
    if ((c->ports = wt_calloc(json_array_size(v), sizeof *c->ports)) == NULL)
        return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    for (i = 0; i < json_array_size(v); i++) {
        json_t *e = json_array_get(v, i);
        uint64_t port = 0;
        int rc;
        snprintf(p, sizeof p, "%.48s[%zu]", path, i);
        if (json_is_integer(e)) { /* a bare port number: TCP */
            if ((rc = get_uint(&port, e, p, 1, 65535)) != WETEE_OK) return rc;
            c->ports[c->nports].port = (uint16_t)port;
            c->ports[c->nports++].proto = WT_PROTO_TCP;
            continue;
        }
        if (!json_is_object(e)) return BAD(p, "expected a port number or {\"port\": ..., \"protocol\": ...}");
        if ((rc = check_keys(e, p, keys)) != WETEE_OK) return rc;
        snprintf(p, sizeof p, "%.48s[%zu].port", path, i);
        if (json_object_get(e, "port") == NULL) return BAD(p, "missing");
        if ((rc = get_uint(&port, json_object_get(e, "port"), p, 1, 65535)) != WETEE_OK) return rc;
        c->ports[c->nports].port = (uint16_t)port;
        c->ports[c->nports].proto = WT_PROTO_TCP;
        snprintf(p, sizeof p, "%.48s[%zu].protocol", path, i);
        if (json_object_get(e, "protocol") != NULL &&
            (rc = get_choice(&c->ports[c->nports].proto, json_object_get(e, "protocol"), p, wt_cloud_proto_names,
                             WT_PROTO_COUNT)) != WETEE_OK)
            return rc;
        c->nports++;
    }
    return WETEE_OK;
}

static int parse_disks(wt_container *c, json_t *v, const char *path)
{
    size_t i;
    char p[128];
    static const char *const keys[] = {"path", "size", NULL};
    if (v == NULL) return WETEE_OK;
    if (!json_is_array(v)) return BAD(path, "expected an array of {\"path\": \"/data\", \"size\": GB}");
    if (json_array_size(v) > MAX_ITEMS) return BAD(path, "%zu entries, at most %d", json_array_size(v), MAX_ITEMS);
    if (json_array_size(v) == 0) return WETEE_OK;
    if ((c->disks = wt_calloc(json_array_size(v), sizeof *c->disks)) == NULL)
        return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    for (i = 0; i < json_array_size(v); i++) {
        json_t *e = json_array_get(v, i);
        uint64_t size = 0;
        int rc;
        snprintf(p, sizeof p, "%.48s[%zu]", path, i);
        if (!json_is_object(e)) return BAD(p, "expected {\"path\": \"/data\", \"size\": GB}");
        if ((rc = check_keys(e, p, keys)) != WETEE_OK) return rc;
        snprintf(p, sizeof p, "%.48s[%zu].path", path, i);
        if (json_object_get(e, "path") == NULL) return BAD(p, "missing");
        if ((rc = get_string(&c->disks[c->ndisks].path, NULL, json_object_get(e, "path"), p, MAX_NAME * 8, 0)) !=
            WETEE_OK)
            return rc;
        c->ndisks++;
        if (c->disks[c->ndisks - 1].path[0] != '/') return BAD(p, "must be an absolute path (start with /)");
        snprintf(p, sizeof p, "%.48s[%zu].size", path, i);
        if (json_object_get(e, "size") == NULL) return BAD(p, "missing");
        if ((rc = get_uint(&size, json_object_get(e, "size"), p, 1, UINT32_MAX)) != WETEE_OK) return rc;
        c->disks[c->ndisks - 1].size = (uint32_t)size;
    }
    return WETEE_OK;
}

/* The fields shared by the main container (top level) and side containers. */
static int parse_container(wt_container *c, json_t *obj, const char *prefix, int kind)
{
    char p[128];
    uint64_t u = 0;
    int rc;
    json_t *v;
    snprintf(p, sizeof p, "%.48simage", prefix);
    if ((v = json_object_get(obj, "image")) == NULL) return BAD(p, "missing (a container image, e.g. \"nginx:1.27\")");
    if ((rc = get_string(&c->image, NULL, v, p, MAX_IMAGE, 0)) != WETEE_OK) return rc;
    if (strpbrk(c->image, " \t\r\n") != NULL) return BAD(p, "must not contain white space");
    snprintf(p, sizeof p, "%.48scommand", prefix);
    if ((rc = parse_command(c, json_object_get(obj, "command"), p)) != WETEE_OK) return rc;
    snprintf(p, sizeof p, "%.48sports", prefix);
    if ((rc = parse_ports(c, json_object_get(obj, "ports"), p)) != WETEE_OK) return rc;
    snprintf(p, sizeof p, "%.48scpu", prefix);
    if ((v = json_object_get(obj, "cpu")) == NULL) return BAD(p, "missing (millicores, e.g. 1000 for one core)");
    if ((rc = get_uint(&u, v, p, 1, UINT32_MAX)) != WETEE_OK) return rc;
    c->cpu = (uint32_t)u;
    snprintf(p, sizeof p, "%.48smemory", prefix);
    if ((v = json_object_get(obj, "memory")) == NULL) return BAD(p, "missing (MiB, e.g. 1024)");
    if ((rc = get_uint(&u, v, p, 1, UINT32_MAX)) != WETEE_OK) return rc;
    c->memory = (uint32_t)u;
    snprintf(p, sizeof p, "%.48sdisks", prefix);
    if ((rc = parse_disks(c, json_object_get(obj, "disks"), p)) != WETEE_OK) return rc;
    snprintf(p, sizeof p, "%.48sgpu", prefix);
    if ((v = json_object_get(obj, "gpu")) != NULL) {
        if ((rc = get_uint(&u, v, p, 0, UINT32_MAX)) != WETEE_OK) return rc;
        c->gpu = (uint32_t)u;
    }
    if (c->gpu != 0 && kind != WETEE_CLOUD_GPU) return BAD(p, "only kind \"gpu\" takes GPUs (kind is %s)", kind_names[kind]);
    if (c->gpu == 0 && kind == WETEE_CLOUD_GPU && prefix[0] == 0) return BAD(p, "kind \"gpu\" needs at least 1 GPU");
    return WETEE_OK;
}

static int parse_kv(wt_kv **out, size_t *n, json_t *v, const char *path, int files)
{
    const char *k;
    json_t *val;
    char p[160];
    if (v == NULL) return WETEE_OK;
    if (!json_is_object(v))
        return BAD(path, files ? "expected an object of path: content" : "expected an object of NAME: value");
    if (json_object_size(v) > MAX_ITEMS) return BAD(path, "%zu entries, at most %d", json_object_size(v), MAX_ITEMS);
    if (json_object_size(v) == 0) return WETEE_OK;
    if ((*out = wt_calloc(json_object_size(v), sizeof **out)) == NULL)
        return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    json_object_foreach(v, k, val) {
        size_t kl = strlen(k), i;
        int rc;
        snprintf(p, sizeof p, "%.48s.%.100s", path, k);
        if (kl == 0) return BAD(path, "an empty name");
        if (kl > MAX_NAME * 8) return BAD(p, "name of %zu bytes, at most %d", kl, MAX_NAME * 8);
        if (files) {
            if (k[0] != '/') return BAD(p, "a file path must be absolute (start with /)");
        } else {
            for (i = 0; i < kl; i++)
                if (!((k[i] >= 'A' && k[i] <= 'Z') || (k[i] >= 'a' && k[i] <= 'z') || k[i] == '_' ||
                      (i > 0 && k[i] >= '0' && k[i] <= '9')))
                    return BAD(p, "not a variable name (letters, digits and _, not starting with a digit)");
        }
        if (((*out)[*n].key = dup_n(k, kl)) == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
        (*n)++;
        if ((rc = get_string(&(*out)[*n - 1].value, &(*out)[*n - 1].value_len, val, p, MAX_TEXT, 1)) != WETEE_OK)
            return rc;
    }
    return WETEE_OK;
}

static int parse_root(wetee_cloud_deployment *d, json_t *root)
{
    static const char *const keys[] = {"version", "kind", "name", "image", "command", "ports", "cpu", "memory",
                                       "disks", "gpu", "env", "files", "secrets", "tee", "region", "level",
                                       "payment", "sidecars", "meta", NULL};
    static const char *const side_keys[] = {"image", "command", "ports", "cpu", "memory", "disks", "gpu", NULL};
    static const char *const pay_keys[] = {"asset", "duration", NULL};
    json_t *v;
    uint64_t u = 0;
    int rc;
    size_t i;
    if (!json_is_object(root)) return BAD("(top level)", "expected a JSON object");
    if ((rc = check_keys(root, "", keys)) != WETEE_OK) return rc;
    if ((v = json_object_get(root, "version")) != NULL && (rc = get_uint(&u, v, "version", 1, 1)) != WETEE_OK)
        return rc;
    d->kind = WETEE_CLOUD_APP;
    if ((v = json_object_get(root, "kind")) != NULL && (rc = get_choice(&d->kind, v, "kind", kind_names, 3)) != WETEE_OK)
        return rc;
    if ((v = json_object_get(root, "name")) == NULL) return BAD("name", "missing");
    if ((rc = get_string(&d->name, NULL, v, "name", MAX_NAME, 0)) != WETEE_OK) return rc;
    if ((v = json_object_get(root, "meta")) != NULL && (rc = get_string(&d->meta, NULL, v, "meta", MAX_TEXT, 1)) != WETEE_OK)
        return rc;
    if ((rc = parse_container(&d->main, root, "", d->kind)) != WETEE_OK) return rc;
    if ((rc = parse_kv(&d->env, &d->nenv, json_object_get(root, "env"), "env", 0)) != WETEE_OK) return rc;
    if ((rc = parse_kv(&d->files, &d->nfiles, json_object_get(root, "files"), "files", 1)) != WETEE_OK) return rc;
    if ((rc = parse_kv(&d->secrets, &d->nsecrets, json_object_get(root, "secrets"), "secrets", 0)) != WETEE_OK)
        return rc;
    for (i = 0; i < d->nsecrets; i++) {
        size_t j;
        if (d->secrets[i].value_len == 0) return BAD("secrets", "%.100s: an empty reference", d->secrets[i].key);
        for (j = 0; j < d->nenv; j++)
            if (strcmp(d->env[j].key, d->secrets[i].key) == 0)
                return BAD("secrets", "%.100s is also in env: a variable is either plain or secret", d->secrets[i].key);
    }
    d->tee = WT_TEE_SGX;
    if ((v = json_object_get(root, "tee")) != NULL && (rc = get_choice(&d->tee, v, "tee", tee_names, 2)) != WETEE_OK)
        return rc;
    if ((v = json_object_get(root, "region")) != NULL) {
        if ((rc = get_uint(&u, v, "region", 0, UINT32_MAX)) != WETEE_OK) return rc;
        d->region = (uint32_t)u;
    }
    d->level = 1;
    if ((v = json_object_get(root, "level")) != NULL) {
        if ((rc = get_uint(&u, v, "level", 0, 255)) != WETEE_OK) return rc;
        d->level = (uint32_t)u;
    }
    if ((v = json_object_get(root, "payment")) != NULL) {
        json_t *a;
        if (!json_is_object(v)) return BAD("payment", "expected {\"asset\": \"WTE\" or an asset id, \"duration\": blocks}");
        if ((rc = check_keys(v, "payment", pay_keys)) != WETEE_OK) return rc;
        if ((a = json_object_get(v, "asset")) != NULL) {
            if (json_is_integer(a)) {
                if ((rc = get_uint(&d->asset_id, a, "payment.asset", 0, UINT32_MAX)) != WETEE_OK) return rc;
            } else if ((rc = get_string(&d->asset, NULL, a, "payment.asset", 32, 0)) != WETEE_OK) {
                return BAD("payment.asset", "expected an asset symbol (\"WTE\") or an asset id");
            }
        }
        if ((a = json_object_get(v, "duration")) != NULL && !json_is_null(a) &&
            (rc = get_uint(&d->duration, a, "payment.duration", 1, UINT32_MAX)) != WETEE_OK)
            return rc;
    }
    if ((v = json_object_get(root, "sidecars")) != NULL) {
        if (!json_is_array(v)) return BAD("sidecars", "expected an array of containers");
        if (json_array_size(v) > 0 && d->kind == WETEE_CLOUD_TASK)
            return BAD("sidecars", "kind \"task\" takes no side containers (app and gpu do)");
        if (json_array_size(v) > 16) return BAD("sidecars", "%zu side containers, at most 16", json_array_size(v));
        if (json_array_size(v) > 0 && (d->sides = wt_calloc(json_array_size(v), sizeof *d->sides)) == NULL)
            return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
        for (i = 0; i < json_array_size(v); i++) {
            char p[32];
            json_t *s = json_array_get(v, i);
            snprintf(p, sizeof p, "sidecars[%zu]", i);
            if (!json_is_object(s)) return BAD(p, "expected a container object");
            if ((rc = check_keys(s, p, side_keys)) != WETEE_OK) return rc;
            snprintf(p, sizeof p, "sidecars[%zu].", i);
            d->nsides++;
            if ((rc = parse_container(&d->sides[i], s, p, d->kind)) != WETEE_OK) return rc;
        }
    }
    return WETEE_OK;
}

WETEE_API int wetee_cloud_deployment_parse(wetee_cloud_deployment **out, const char *json, size_t len)
{
    json_error_t err;
    json_t *root;
    wetee_cloud_deployment *d;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    *out = NULL;
    WT_ARG_DATA(json, len, CM);
    if (len > DEPLOY_MAX_BYTES)
        return wt_error(WETEE_ERR_TOO_LONG, "cloud: deployment: %zu bytes, at most %u", len, DEPLOY_MAX_BYTES);
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL)
        return wt_error(WETEE_ERR_DECODE, "cloud: deployment: line %d, column %d: %s", err.line, err.column, err.text);
    if ((d = wt_calloc(1, sizeof *d)) == NULL) {
        json_decref(root);
        return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    }
    rc = parse_root(d, root);
    json_decref(root);
    if (rc != WETEE_OK) {
        wetee_cloud_deployment_free(d);
        return rc;
    }
    *out = d;
    return WETEE_OK;
}

WETEE_API int wetee_cloud_deployment_load(wetee_cloud_deployment **out, const char *path)
{
    FILE *f;
    char *buf;
    size_t n;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    *out = NULL;
    WT_ARG(path != NULL, CM, "path is NULL");
    if ((f = fopen(path, "rb")) == NULL) return wt_error(WETEE_ERR_IO, "cloud: %s: %s", path, strerror(errno));
    if ((buf = wt_malloc(DEPLOY_MAX_BYTES + 1)) == NULL) {
        fclose(f);
        return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    }
    n = fread(buf, 1, DEPLOY_MAX_BYTES + 1, f);
    if (ferror(f)) {
        fclose(f);
        wt_free_secure(buf, DEPLOY_MAX_BYTES + 1);
        return wt_error(WETEE_ERR_IO, "cloud: %s: read error", path);
    }
    fclose(f);
    if (n > DEPLOY_MAX_BYTES) {
        wt_free_secure(buf, DEPLOY_MAX_BYTES + 1);
        return wt_error(WETEE_ERR_TOO_LONG, "cloud: %s: larger than %u bytes", path, DEPLOY_MAX_BYTES);
    }
    rc = wetee_cloud_deployment_parse(out, buf, n);
    wt_free_secure(buf, DEPLOY_MAX_BYTES + 1);
    return rc;
}

WETEE_API int wetee_cloud_deployment_kind(const wetee_cloud_deployment *d)
{
    WT_ARG(d != NULL, CM, "deployment is NULL");
    return d->kind;
}

WETEE_API const char *wetee_cloud_kind_name(int kind)
{
    if (kind >= 0 && kind < 3) return kind_names[kind];
    if (kind == WETEE_CLOUD_WORKER) return "worker";
    return "unknown";
}

WETEE_API const char *wetee_cloud_status_name(int status)
{
    static const char *const names[] = {"created", "deploying", "stopped", "running", "restarting"};
    return status >= 0 && status < 5 ? names[status] : "unknown";
}

/* ---- normalised JSON ---- */

static json_t *container_json(const wt_container *c, int main_container)
{
    json_t *o = json_object(), *ports = json_array(), *disks = json_array();
    size_t i;
    (void)main_container;
    json_object_set_new(o, "image", json_string(c->image));
    if (c->shell == WT_SHELL_NONE)
        json_object_set_new(o, "command", json_null());
    else
        json_object_set_new(o, "command", json_pack("{s:s,s:s}", "shell", shell_names[c->shell], "run", c->command));
    for (i = 0; i < c->nports; i++)
        json_array_append_new(ports, json_pack("{s:I,s:s}", "port", (json_int_t)c->ports[i].port, "protocol",
                                               wt_cloud_proto_names[c->ports[i].proto]));
    json_object_set_new(o, "ports", ports);
    json_object_set_new(o, "cpu", json_integer(c->cpu));
    json_object_set_new(o, "memory", json_integer(c->memory));
    for (i = 0; i < c->ndisks; i++)
        json_array_append_new(disks, json_pack("{s:s,s:I}", "path", c->disks[i].path, "size", (json_int_t)c->disks[i].size));
    json_object_set_new(o, "disks", disks);
    json_object_set_new(o, "gpu", json_integer(c->gpu));
    return o;
}

WETEE_API int wetee_cloud_deployment_json(wetee_buf *out, const wetee_cloud_deployment *d)
{
    json_t *o, *kv, *sides, *pay;
    char *text;
    size_t i;
    int rc;
    WT_ARG(out != NULL, CM, "out is NULL");
    WT_ARG(d != NULL, CM, "deployment is NULL");
    o = json_object();
    json_object_set_new(o, "version", json_integer(1));
    json_object_set_new(o, "kind", json_string(kind_names[d->kind]));
    json_object_set_new(o, "name", json_string(d->name));
    {
        json_t *c = container_json(&d->main, 1);
        json_object_update(o, c);
        json_decref(c);
    }
    kv = json_object();
    for (i = 0; i < d->nenv; i++) json_object_set_new(kv, d->env[i].key, json_stringn(d->env[i].value, d->env[i].value_len));
    json_object_set_new(o, "env", kv);
    kv = json_object();
    for (i = 0; i < d->nfiles; i++)
        json_object_set_new(kv, d->files[i].key, json_stringn(d->files[i].value, d->files[i].value_len));
    json_object_set_new(o, "files", kv);
    kv = json_object();
    for (i = 0; i < d->nsecrets; i++)
        json_object_set_new(kv, d->secrets[i].key, json_stringn(d->secrets[i].value, d->secrets[i].value_len));
    json_object_set_new(o, "secrets", kv);
    json_object_set_new(o, "tee", json_string(tee_names[d->tee]));
    json_object_set_new(o, "region", json_integer(d->region));
    json_object_set_new(o, "level", json_integer(d->level));
    pay = json_object();
    json_object_set_new(pay, "asset", d->asset != NULL ? json_string(d->asset) : json_integer((json_int_t)d->asset_id));
    json_object_set_new(pay, "duration", d->duration ? json_integer((json_int_t)d->duration) : json_null());
    json_object_set_new(o, "payment", pay);
    sides = json_array();
    for (i = 0; i < d->nsides; i++) json_array_append_new(sides, container_json(&d->sides[i], 0));
    json_object_set_new(o, "sidecars", sides);
    json_object_set_new(o, "meta", json_string(d->meta != NULL ? d->meta : ""));
    text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (text == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "cloud: out of memory");
    wetee_buf_clear(out);
    rc = wetee_buf_append(out, (const uint8_t *)text, strlen(text));
    if (rc == WETEE_OK) rc = wt_buf_terminate(out);
    wt_json_text_free(text);
    return rc;
}
