/* Private helpers of the contract module. Not installed.
 *
 * The wrevive and ink! ABIs are turned into a synthetic runtime metadata
 * (V14, no pallets) whose portable registry holds the ABI's types plus, per
 * message, one composite of its arguments; the value module then encodes
 * arguments from JSON and decodes return values to JSON against it, with
 * paths in its error details. */
#ifndef WETEE_CONTRACT_IMPL_H
#define WETEE_CONTRACT_IMPL_H

#include <jansson.h>

#include "internal/common.h"
#include "internal/metadata.h"
#include "wetee/contract.h"
#include "wetee/scale.h"
#include "wetee/value.h"

/* ---- synthetic registry ---- */

typedef struct wt_reg {
    wetee_buf body; /* the type entries, SCALE */
    uint32_t n;     /* types written */
    int err;        /* first failure (then nothing more is written) */
} wt_reg;

/* A field (or variant field / argument): name may be NULL. */
typedef struct wt_reg_field {
    const char *name;
    uint32_t type;
} wt_reg_field;

/* Each returns the new type id (UINT32_MAX after a failure, kept in r->err).
 * `path` is a "::"-separated string or NULL. */
uint32_t wt_reg_prim(wt_reg *r, uint8_t prim);
uint32_t wt_reg_seq(wt_reg *r, uint32_t elem);
uint32_t wt_reg_array(wt_reg *r, uint32_t len, uint32_t elem);
uint32_t wt_reg_tuple(wt_reg *r, const uint32_t *ids, size_t n);
uint32_t wt_reg_compact(wt_reg *r, uint32_t elem);
uint32_t wt_reg_composite(wt_reg *r, const char *path, const wt_reg_field *f, size_t n);
/* variants: written by wt_reg_variant_begin(), then for each variant
 * wt_reg_variant_item(), then wt_reg_end(). */
uint32_t wt_reg_variant_begin(wt_reg *r, const char *path, const uint32_t *params, size_t nparams, size_t nvariants);
void wt_reg_variant_item(wt_reg *r, const char *name, uint8_t index, const wt_reg_field *f, size_t n);
void wt_reg_end(wt_reg *r);
/* Raw access for converters that write definitions themselves: writes the
 * id, the path and the params; the caller writes the definition bytes into
 * r->body and then calls wt_reg_end(). */
uint32_t wt_reg_begin(wt_reg *r, const char *path, const uint32_t *params, const char *const *pnames, size_t nparams);
/* Wrap the registry as V14 metadata and parse it. Frees r->body. */
int wt_reg_finish(wetee_metadata **out, wt_reg *r);
void wt_reg_free(wt_reg *r);

/* ---- ABI object ---- */

typedef struct wt_sol_param wt_sol_param;

typedef struct wt_msg {
    char *name;
    uint8_t selector[4];
    int has_selector;
    int payable, mutates, constructor;
    /* wrevive / ink!: */
    uint32_t args_type;   /* composite of the arguments */
    uint32_t return_type; /* WT_MD_NONE: no return value */
    int lang_error;       /* ink!: the return is Result<T, LangError> */
    /* Solidity: */
    wt_sol_param *inputs, *outputs;
    size_t n_inputs, n_outputs;
    char *signature; /* "name(type,...)" */
} wt_msg;

struct wetee_contract_abi {
    int kind;
    char *name;
    wetee_metadata *md; /* synthetic (wrevive, ink!) */
    wt_msg *msgs;
    size_t n_msgs;
    uint32_t error_type; /* Solidity errors are messages with constructor = 2 */
};

/* a decoded ReviveApi_call result */
struct wetee_revive_result {
    uint64_t req_rt, req_ps;
    wetee_u128 deposit;
    int charge;
    int status;
    uint32_t flags;
    wetee_buf data;
    char *json;
};

int wt_abi_load_ink(wetee_contract_abi *abi, json_t *root);
int wt_abi_load_wrevive(wetee_contract_abi *abi, json_t *root);
int wt_abi_load_solidity(wetee_contract_abi *abi, json_t *root);
int wt_sol_encode(wetee_buf *out, const wt_msg *m, const char *json, size_t len);
int wt_sol_decode(wetee_buf *out, const wt_msg *m, const uint8_t *data, size_t len, int outputs);
void wt_sol_free_msg(wt_msg *m);
int wt_sol_describe(json_t *o, const wt_msg *m);
int wt_abi_add_msg(wetee_contract_abi *abi, wt_msg **out);

#endif
