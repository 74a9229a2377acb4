/* See fixtures.h. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "fixtures.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIXTURES 32

char drv_err[2048];

static struct {
    char *name;
    wetee_metadata *md;
} g_fx[MAX_FIXTURES];
static size_t g_nfx;

void drv_die(const char *what)
{
    fprintf(stderr, "%s: %s\n", drv_name, what);
    exit(2);
}

int drv_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(drv_err, sizeof drv_err, fmt, ap);
    va_end(ap);
    return -1;
}

int drv_fail_wetee(int rc, const char *what)
{
    return drv_fail("%s: %s: %s", what, wetee_strerror(rc), wetee_last_error());
}

unsigned char *drv_read_file(size_t *len, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    if (!buf) drv_die("out of memory");
    for (;;) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) break;
        cap *= 2;
        unsigned char *nb = realloc(buf, cap);
        if (!nb) drv_die("out of memory");
        buf = nb;
    }
    fclose(f);
    *len = n;
    return buf;
}

int drv_load_fixture(const char *name, const char *path)
{
    if (g_nfx == MAX_FIXTURES) return drv_fail("too many fixtures");
    size_t len = 0;
    unsigned char *data = drv_read_file(&len, path);
    if (!data) return drv_fail("cannot read %s", path);
    wetee_metadata *md = NULL;
    size_t pl = strlen(path);
    int rc;
    if (len && data[0] == '{')
        rc = wetee_metadata_parse_rpc_response(&md, (const char *)data, len, NULL);
    else if (pl > 4 && strcmp(path + pl - 4, ".hex") == 0) {
        while (len && (data[len - 1] == '\n' || data[len - 1] == '\r' || data[len - 1] == ' ')) len--;
        rc = wetee_metadata_parse_hex(&md, (const char *)data, len, NULL);
    } else
        rc = wetee_metadata_parse(&md, data, len, NULL);
    free(data);
    if (rc != WETEE_OK) return drv_fail_wetee(rc, path);
    if (!(g_fx[g_nfx].name = strdup(name))) drv_die("out of memory");
    g_fx[g_nfx].md = md;
    g_nfx++;
    return 0;
}

wetee_metadata *drv_fixture(const char *name)
{
    for (size_t i = 0; i < g_nfx; i++)
        if (strcmp(g_fx[i].name, name) == 0) return g_fx[i].md;
    return NULL;
}

void drv_free_fixtures(void)
{
    for (size_t i = 0; i < g_nfx; i++) {
        wetee_metadata_free(g_fx[i].md);
        free(g_fx[i].name);
    }
    g_nfx = 0;
}
