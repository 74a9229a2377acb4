/* Shared by the C drivers of the metadata and extrinsic differential suites
 * (metadata_vectors.c, tx_vectors.c, dcap_vectors.c): the error text of the current request,
 * reading whole files, and the table of named metadata fixtures. */
#ifndef WETEE_INTEROP_FIXTURES_H
#define WETEE_INTEROP_FIXTURES_H

#include <stddef.h>

#include "wetee/metadata.h"

/* Program name for drv_die(); each driver defines it. */
extern const char *const drv_name;
/* Error text of the last failed request ("" when none). */
extern char drv_err[2048];

/* Print "<drv_name>: what" and exit(2). */
void drv_die(const char *what);
/* Set drv_err and return -1. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 1, 2)))
#endif
int drv_fail(const char *fmt, ...);
/* drv_fail("what: <strerror>: <last error>"). */
int drv_fail_wetee(int rc, const char *what);
/* The whole file, malloc'd (caller frees); NULL when it cannot be opened. */
unsigned char *drv_read_file(size_t *len, const char *path);
/* Load metadata from `path` (raw, a JSON-RPC response starting with '{', or
 * hex text for *.hex) under `name`; 0, or -1 with drv_err set. */
int drv_load_fixture(const char *name, const char *path);
/* The fixture loaded under `name`, or NULL. */
wetee_metadata *drv_fixture(const char *name);
/* Free every loaded fixture. */
void drv_free_fixtures(void);

#endif
