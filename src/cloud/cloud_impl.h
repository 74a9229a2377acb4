/* Private structures of the cloud module (include/wetee/cloud.h). */
#ifndef WETEE_CLOUD_IMPL_H
#define WETEE_CLOUD_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "internal/common.h"
#include "wetee/cloud.h"

#define CM "cloud"

/* Port protocols of deployment files, in the order of the runtimes'
 * `Service` enum names they map to (matched by name, not index). */
enum { WT_PROTO_TCP, WT_PROTO_UDP, WT_PROTO_HTTP, WT_PROTO_HTTPS, WT_PROTO_PROJECT_TCP, WT_PROTO_PROJECT_UDP,
       WT_PROTO_COUNT };
/* Command shells (`Command` enum: SH, BASH, ZSH; NONE without a command). */
enum { WT_SHELL_NONE, WT_SHELL_SH, WT_SHELL_BASH, WT_SHELL_ZSH };
/* TEE types (`TEEVersion`). */
enum { WT_TEE_SGX, WT_TEE_CVM };

extern const char *const wt_cloud_proto_names[WT_PROTO_COUNT];  /* "tcp", ... (file names) */
extern const char *const wt_cloud_proto_variants[WT_PROTO_COUNT]; /* "Tcp", ... (enum names) */

typedef struct wt_kv {
    char *key;
    char *value;
    size_t value_len;
} wt_kv;

typedef struct wt_disk {
    char *path;
    uint32_t size;
} wt_disk;

typedef struct wt_port {
    uint16_t port;
    int proto;
} wt_port;

typedef struct wt_container {
    char *image;
    int shell;
    char *command;
    wt_port *ports;
    size_t nports;
    uint32_t cpu, memory, gpu;
    wt_disk *disks;
    size_t ndisks;
} wt_container;

struct wetee_cloud_deployment {
    int kind;
    char *name;
    char *meta;
    wt_container main;
    wt_container *sides;
    size_t nsides;
    wt_kv *env;
    size_t nenv;
    wt_kv *files;
    size_t nfiles;
    wt_kv *secrets; /* name -> reference */
    size_t nsecrets;
    int tee;
    uint32_t region;
    uint32_t level;
    char *asset;    /* payment asset symbol, or NULL with asset_id */
    uint64_t asset_id;
    uint64_t duration; /* blocks; 0 when not given */
};

/* Replace `out` with the compact JSON text of `v`. */
int wt_cloud_set_json(wetee_buf *out, json_t *v);
/* Arguments of `create` (update 0) or `update` (update 1: id, the env
 * indices to remove, with_restart) built from a deployment by the
 * runtime's argument names. */
int wt_cloud_build_args(json_t **out, const wetee_metadata *md, const char *pallet, const char *call,
                        const wetee_cloud_deployment *d, int update, uint64_t id, const uint16_t *removes,
                        size_t nremove, int with_restart);
/* Encode a call with JSON arguments (NULL for none) into `out`. */
int wt_cloud_encode_call(wetee_buf *out, const wetee_metadata *md, const char *pallet, const char *call, json_t *args);

#endif
