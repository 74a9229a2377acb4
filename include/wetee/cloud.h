/**
 * @file cloud.h
 * @brief WeTEE cloud API, pallet generation: deployment files, deploy /
 *        status / update / restart / stop of confidential apps, tasks and
 *        GPU apps, cost estimates from the chain's level prices, and the
 *        worker side (clusters, mortgages, work proofs), on WeTEE's own
 *        Substrate runtimes (the 2024 testnet runtime and the 2025 spec-110
 *        runtime). See docs/cloud.md.
 *
 * @code
 * wetee_cloud_deployment *d;
 * if (wetee_cloud_deployment_load(&d, "examples/cloud/hello.json") != WETEE_OK) { puts(wetee_last_error()); ... }
 * wetee_cloud *cl;
 * wetee_cloud_open(&cl, chain);                 // pallets found in the chain's metadata
 * wetee_u128 cost;
 * wetee_cloud_estimate(&cost, NULL, cl, d);     // per payment period, from the level prices
 * uint64_t id;
 * wetee_cloud_deploy(&id, NULL, cl, alice, d, 60000);
 * int status;
 * wetee_cloud_wait(&status, cl, WETEE_CLOUD_APP, id, WETEE_CLOUD_STATUS_RUNNING, 120000, progress, NULL);
 * @endcode
 *
 * **Metadata decides.** Pallet names and indices, argument lists and enum
 * variants differ between WeTEE runtimes (`WeTEEApp` at 118 in the 2024
 * testnet runtime, `App` at 112 in the spec-110 runtime, which adds
 * `template_id`, `signer`, `signature` and `secret_env` to `create`). Every
 * call is built by argument name against the metadata's own list; an
 * argument this module does not know is refused (WETEE_ERR_UNSUPPORTED,
 * naming it) rather than guessed. A port protocol, TEE type or command
 * shell the runtime's enums do not offer is refused with the names they do
 * offer.
 *
 * **Deployment files** are JSON (docs/cloud.md): name, image, command,
 * ports with protocols, cpu (millicores), memory (MiB), disks, gpu,
 * environment variables, files, secrets by reference, TEE type (`sgx` or
 * `cvm`), region, level, payment asset and duration, kind (`app`, `task`,
 * `gpu`) and side containers. Parsing validates everything a signer would
 * regret: an error names the field (`ports[1].protocol`) and the allowed
 * values, before anything is built or signed.
 *
 * **Kinds and ids.** A work is named by its kind (WETEE_CLOUD_APP, _TASK,
 * _GPU: the runtime's `WorkType` index) and its id within the kind.
 *
 * **Statuses** (`WorkStatus` of the runtime): 0 created (waiting for a
 * cluster), 1 deploying (assigned), 2 stopped, 3 running (the worker
 * uploaded a work proof), 4 restarting; wetee_cloud_status_name() names them.
 *
 * **Transactions.** Operations that change state sign with the given
 * keypair (nonce from the chain, mortal era of 64 blocks), submit and watch
 * to inclusion (WETEE_TX_IN_BLOCK) and give the outcome JSON of
 * wetee_chain_watch_wait() in `result`. A dispatch that fails is
 * WETEE_ERR_STATE with the module error named in the detail
 * (`"cloud: WeTEEApp.create failed: WeTEEApp.CpuTooLow"`) and in `result`.
 *
 * **Threads.** A wetee_cloud may be used from several threads (the chain is
 * thread-safe and the handle keeps no mutable state after wetee_cloud_open());
 * a deployment is read-only after parsing and may be shared.
 */
#ifndef WETEE_CLOUD_H
#define WETEE_CLOUD_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/chain.h"
#include "wetee/core.h"
#include "wetee/keys.h"
#include "wetee/metadata.h"
#include "wetee/seal.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A parsed and validated deployment file (opaque, read-only). */
typedef struct wetee_cloud_deployment wetee_cloud_deployment;
/** @brief The cloud API of one chain (opaque, thread-safe). */
typedef struct wetee_cloud wetee_cloud;

/** @brief Work kind: a long-running app (`WorkType::APP`, pallet WeTEEApp / App). */
#define WETEE_CLOUD_APP 0
/** @brief Work kind: a task that runs once (`WorkType::TASK`, pallet WeTEETask / Task). */
#define WETEE_CLOUD_TASK 1
/** @brief Work kind: a GPU app (`WorkType::GPU`, pallet WeTEEGpu / Gpu). */
#define WETEE_CLOUD_GPU 2
/** @brief Pallet role for wetee_cloud_pallet() and wetee_cloud_submit(): the worker pallet. */
#define WETEE_CLOUD_WORKER 3

/** @brief Work status: created, waiting for a cluster. */
#define WETEE_CLOUD_STATUS_CREATED 0
/** @brief Work status: assigned to a cluster, being deployed. */
#define WETEE_CLOUD_STATUS_DEPLOYING 1
/** @brief Work status: stopped. */
#define WETEE_CLOUD_STATUS_STOPPED 2
/** @brief Work status: running (a work proof was accepted). */
#define WETEE_CLOUD_STATUS_RUNNING 3
/** @brief Work status: restarting. */
#define WETEE_CLOUD_STATUS_RESTARTING 4

/**
 * @brief Name of a work status ("created", "deploying", "stopped",
 *        "running", "restarting").
 * @param status the status.
 * @return a static string; "unknown" for other values.
 */
WETEE_API const char *wetee_cloud_status_name(int status);

/**
 * @brief Name of a work kind ("app", "task", "gpu"; "worker" for WETEE_CLOUD_WORKER).
 * @param kind the kind.
 * @return a static string; "unknown" for other values.
 */
WETEE_API const char *wetee_cloud_kind_name(int kind);

/* ------------------------------------------------------------------ */
/* Deployment files                                                    */
/* ------------------------------------------------------------------ */

/**
 * @brief Parse and validate a deployment file (JSON, docs/cloud.md).
 * @param out receives the deployment (NULL on error); free with wetee_cloud_deployment_free().
 * @param json the text (not necessarily NUL-terminated).
 * @param len its length (at most 1 MiB).
 * @return WETEE_OK; WETEE_ERR_DECODE (not JSON: line and column; or a bad
 *         field: the detail names it and the allowed values, e.g.
 *         `cloud: deployment: ports[0].protocol: "ftp" is not one of tcp,
 *         udp, http, https, project-tcp, project-udp`); WETEE_ERR_TOO_LONG;
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_cloud_deployment_parse(wetee_cloud_deployment **out, const char *json, size_t len);

/**
 * @brief wetee_cloud_deployment_parse() of a file.
 * @param out receives the deployment (NULL on error).
 * @param path the file's path.
 * @return as wetee_cloud_deployment_parse(); WETEE_ERR_IO (unreadable, with the path).
 */
WETEE_API int wetee_cloud_deployment_load(wetee_cloud_deployment **out, const char *path);

/**
 * @brief Free a deployment (its secret references and values are wiped).
 * @param d the deployment, or NULL (no-op).
 */
WETEE_API void wetee_cloud_deployment_free(wetee_cloud_deployment *d);

/**
 * @brief The deployment's kind.
 * @param d the deployment.
 * @return WETEE_CLOUD_APP, _TASK or _GPU; WETEE_ERR_INVALID_ARGUMENT for NULL.
 */
WETEE_API int wetee_cloud_deployment_kind(const wetee_cloud_deployment *d);

/**
 * @brief The deployment with every default filled in, as JSON (the same
 *        format as the file; secret values never appear, only references).
 * @param out replaced with the NUL-terminated JSON text.
 * @param d the deployment.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_cloud_deployment_json(wetee_buf *out, const wetee_cloud_deployment *d);

/* ------------------------------------------------------------------ */
/* Offline: calls and estimates from metadata                          */
/* ------------------------------------------------------------------ */

/**
 * @brief The pallet that serves a role in a runtime: `WeTEEApp` or `App`
 *        (WETEE_CLOUD_APP), `WeTEETask` / `Task`, `WeTEEGpu` / `Gpu`,
 *        `WeTEEWorker` / `Worker` (WETEE_CLOUD_WORKER).
 * @param md the metadata.
 * @param role WETEE_CLOUD_APP, _TASK, _GPU or _WORKER.
 * @return the pallet's name (owned by `md`), or NULL when the runtime has
 *         none (the detail says which names were looked for).
 */
WETEE_API const char *wetee_cloud_pallet(const wetee_metadata *md, int role);

/**
 * @brief The deploy call of a deployment for a runtime, as JSON
 *        `{"pallet": "WeTEEApp", "call": "create", "args": {...}}` with the
 *        arguments in the metadata's order and forms (wetee_call_encode_json()
 *        accepts `args` as it is).
 * @param out replaced with the JSON text.
 * @param md the metadata.
 * @param d the deployment.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (the runtime has no pallet for the
 *         kind); WETEE_ERR_UNSUPPORTED (an argument, protocol, shell or TEE
 *         type the runtime's call does not take; secrets without sealing;
 *         the detail names it and what the runtime offers);
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_cloud_deploy_call_json(wetee_buf *out, const wetee_metadata *md, const wetee_cloud_deployment *d);

/**
 * @brief The deploy call of a deployment, SCALE-encoded (pallet index,
 *        call index, arguments): what wetee_tx_set_call() takes.
 * @param out replaced with the call bytes.
 * @param md the metadata.
 * @param d the deployment.
 * @return as wetee_cloud_deploy_call_json() and wetee_call_encode_json().
 */
WETEE_API int wetee_cloud_deploy_call(wetee_buf *out, const wetee_metadata *md, const wetee_cloud_deployment *d);

/**
 * @brief Cost of a deployment per payment period at given prices: the
 *        pallet formula `cpu_per·cpu + memory_per·memory + disk_per·disk`
 *        (disk = the sum of the disk sizes) over the main container and
 *        every side container. The runtimes compute it in u32: a cost that
 *        does not fit a u32 is refused, as the chain would charge a wrapped
 *        amount.
 * @param out receives the cost in the chain's smallest unit.
 * @param d the deployment.
 * @param price_json the level's price as the chain stores it: an object
 *        whose fields start with `cpu`, `memory` and `disk`
 *        (`{"cpu_per":100,"memory_per":100,"disk_per":100}` of WeTEEApp /
 *        WeTEEGpu, `cpu_per_block`... of WeTEETask).
 * @return WETEE_OK; WETEE_ERR_DECODE (a price without those fields, naming
 *         the missing one); WETEE_ERR_OVERFLOW (over u32);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_cloud_estimate_at(wetee_u128 *out, const wetee_cloud_deployment *d, const char *price_json);

/* ------------------------------------------------------------------ */
/* On a chain                                                          */
/* ------------------------------------------------------------------ */

/**
 * @brief The cloud API of a connected chain: finds the app, task, GPU and
 *        worker pallets in its metadata.
 * @param out receives the handle (NULL on error); free with wetee_cloud_free().
 * @param c the chain; borrowed: it must outlive the handle.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no WeTEE app pallet: not a WeTEE
 *         runtime of the pallet generation); WETEE_ERR_INVALID_ARGUMENT;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_cloud_open(wetee_cloud **out, wetee_chain *c);

/**
 * @brief Free the handle (not the chain).
 * @param cl the handle, or NULL (no-op).
 */
WETEE_API void wetee_cloud_free(wetee_cloud *cl);

/**
 * @brief The chain of a handle.
 * @param cl the handle.
 * @return the chain given to wetee_cloud_open(), or NULL.
 */
WETEE_API wetee_chain *wetee_cloud_chain(wetee_cloud *cl);

/**
 * @brief Observer of the transactions a handle signs, called with each
 *        signed extrinsic just before it is submitted (for logs, audits and
 *        differential tests).
 * @param ctx the `ctx` given to wetee_cloud_on_transaction().
 * @param pallet the pallet's name.
 * @param call the call's name.
 * @param ext the signed extrinsic (valid during the call).
 * @param len its length.
 */
typedef void (*wetee_cloud_tx_fn)(void *ctx, const char *pallet, const char *call, const uint8_t *ext, size_t len);

/**
 * @brief Set (or clear, with NULL) the transaction observer of a handle.
 *        Not thread-safe against operations running on other threads.
 * @param cl the handle.
 * @param fn the observer, or NULL.
 * @param ctx passed to `fn`.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_cloud_on_transaction(wetee_cloud *cl, wetee_cloud_tx_fn fn, void *ctx);

/**
 * @brief Sign, submit and watch any call of a cloud pallet to inclusion
 *        (the building block of the typed operations below).
 * @param result replaced with the outcome JSON (wetee_chain_watch_wait()); may be NULL.
 * @param cl the handle.
 * @param kp the signer.
 * @param role WETEE_CLOUD_APP, _TASK, _GPU or _WORKER: the pallet.
 * @param call the call's name ("restart").
 * @param args_json the arguments as JSON (object by name or array), or NULL for none.
 * @param timeout_ms how long to wait for inclusion; 0 waits without limit.
 * @return WETEE_OK (included and succeeded); WETEE_ERR_STATE (included
 *         but failed: the detail names the module error); WETEE_ERR_NOT_FOUND
 *         (no such pallet or call); as wetee_call_encode_json(),
 *         wetee_chain_sign() and wetee_chain_submit_and_watch().
 */
WETEE_API int wetee_cloud_submit(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, int role,
                                 const char *call, const char *args_json, unsigned timeout_ms);

/**
 * @brief Deploy: the kind's `create` call built from the deployment
 *        (wetee_cloud_deploy_call_json()), signed, submitted and watched;
 *        the id is read from the pallet's event (`CreatedApp`,
 *        `CreatedTask`, ... `{id}`).
 * @param id receives the new work's id.
 * @param result replaced with the outcome JSON; may be NULL.
 * @param cl the handle.
 * @param kp the signer (the work's owner).
 * @param d the deployment.
 * @param timeout_ms how long to wait for inclusion; 0 waits without limit.
 * @return WETEE_OK; WETEE_ERR_STATE (e.g. `WeTEEApp.CpuTooLow`,
 *         `WeTEEApp.NotEnoughBalance`); WETEE_ERR_DECODE (no creation
 *         event); as wetee_cloud_deploy_call_json() and wetee_cloud_submit().
 */
WETEE_API int wetee_cloud_deploy(uint64_t *id, wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp,
                                 const wetee_cloud_deployment *d, unsigned timeout_ms);

/**
 * @brief Cost of a deployment per payment period at the chain's current
 *        prices for its level (the kind's `Prices` storage), as
 *        wetee_cloud_estimate_at().
 * @param out receives the cost.
 * @param price_json replaced with the price JSON read from the chain; may be NULL.
 * @param cl the handle.
 * @param d the deployment.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no price for the level: the chain
 *         would refuse the deployment); as wetee_cloud_estimate_at() and
 *         wetee_chain_storage_json().
 */
WETEE_API int wetee_cloud_estimate(wetee_u128 *out, wetee_buf *price_json, wetee_cloud *cl,
                                   const wetee_cloud_deployment *d);

/**
 * @brief Status of a work:
 * @code
 * {"kind":"app","id":0,"owner":"5Grw...","status":3,"statusName":"running","cluster":1,
 *  "work":{...the stored record...}}
 * @endcode
 * (`cluster` is null until the work is assigned).
 * @param out replaced with the JSON text.
 * @param cl the handle.
 * @param kind WETEE_CLOUD_APP, _TASK or _GPU.
 * @param id the work's id.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no such work); as wetee_chain_storage_json().
 */
WETEE_API int wetee_cloud_status_json(wetee_buf *out, wetee_cloud *cl, int kind, uint64_t id);

/**
 * @brief The works of an owner, as a JSON array of the objects of
 *        wetee_cloud_status_json() (without `cluster`), in id order.
 * @param out replaced with the JSON text.
 * @param cl the handle.
 * @param kind WETEE_CLOUD_APP, _TASK or _GPU.
 * @param owner SS58 address or 0x-hex account id.
 * @return WETEE_OK; as wetee_chain_storage_entries_json().
 */
WETEE_API int wetee_cloud_list_json(wetee_buf *out, wetee_cloud *cl, int kind, const char *owner);

/**
 * @brief Progress callback of wetee_cloud_wait(): called once at the start
 *        and on each change of status.
 * @param ctx the `ctx` given to wetee_cloud_wait().
 * @param status the work's status.
 * @param json the status JSON (wetee_cloud_status_json()), valid during the call.
 */
typedef void (*wetee_cloud_progress_fn)(void *ctx, int status, const char *json);

/**
 * @brief Follow a work's status (one read per new block) until it reaches
 *        `target`, stops, or the time runs out.
 * @param status receives the last status read; may be NULL.
 * @param cl the handle.
 * @param kind WETEE_CLOUD_APP, _TASK or _GPU.
 * @param id the work's id.
 * @param target the status to wait for (WETEE_CLOUD_STATUS_RUNNING, ...).
 * @param timeout_ms how long to wait (required, > 0).
 * @param cb progress callback, or NULL.
 * @param ctx passed to `cb`.
 * @return WETEE_OK (reached); WETEE_ERR_TIMEOUT; WETEE_ERR_STATE (the
 *         work stopped before reaching `target`); as wetee_cloud_status_json().
 */
WETEE_API int wetee_cloud_wait(int *status, wetee_cloud *cl, int kind, uint64_t id, int target, unsigned timeout_ms,
                               wetee_cloud_progress_fn cb, void *ctx);

/**
 * @brief Restart a work (`restart` of the app and GPU pallets, `rerun` of
 *        the task pallet).
 * @param result replaced with the outcome JSON; may be NULL.
 * @param cl the handle.
 * @param kp the owner.
 * @param kind WETEE_CLOUD_APP, _TASK or _GPU.
 * @param id the work's id.
 * @param timeout_ms as wetee_cloud_submit().
 * @return as wetee_cloud_submit().
 */
WETEE_API int wetee_cloud_restart(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, int kind, uint64_t id,
                                  unsigned timeout_ms);

/**
 * @brief Update a work from a deployment: its name, image, ports and
 *        command are replaced, and its environment variables and files are
 *        replaced by the deployment's (the old ones are removed by index,
 *        the new ones inserted), with or without a restart.
 * @param result replaced with the outcome JSON; may be NULL.
 * @param cl the handle.
 * @param kp the owner.
 * @param id the work's id (of the deployment's kind).
 * @param d the new deployment.
 * @param with_restart non-zero to restart the work with the new settings.
 * @param timeout_ms as wetee_cloud_submit().
 * @return as wetee_cloud_submit() and wetee_cloud_deploy_call_json().
 */
WETEE_API int wetee_cloud_update(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, uint64_t id,
                                 const wetee_cloud_deployment *d, int with_restart, unsigned timeout_ms);

/**
 * @brief Stop a work (`work_stop` of the worker pallet, by the owner).
 * @param result replaced with the outcome JSON; may be NULL.
 * @param cl the handle.
 * @param kp the owner.
 * @param kind WETEE_CLOUD_APP, _TASK or _GPU.
 * @param id the work's id.
 * @param timeout_ms as wetee_cloud_submit().
 * @return as wetee_cloud_submit().
 */
WETEE_API int wetee_cloud_stop(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, int kind, uint64_t id,
                               unsigned timeout_ms);

/**
 * @brief Level prices of a kind: a JSON array `[{"level": 1, "price": {...}}]`
 *        of every level with a price.
 * @param out replaced with the JSON text.
 * @param cl the handle.
 * @param kind WETEE_CLOUD_APP, _TASK or _GPU, or WETEE_CLOUD_WORKER for the
 *        workers' deposit prices (`DepositPrices`).
 * @return WETEE_OK; as wetee_chain_storage_entries_json().
 */
WETEE_API int wetee_cloud_prices_json(wetee_buf *out, wetee_cloud *cl, int kind);

/**
 * @brief Assets a deployment can be paid with: a JSON array
 *        `[{"id": 0, "symbol": "WTE", "decimals": 12, "native": true}, ...]`;
 *        the pallet generation charges run fees in asset 0 only, the
 *        chain's native token.
 * @param out replaced with the JSON text.
 * @param cl the handle.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_cloud_assets_json(wetee_buf *out, wetee_cloud *cl);

/**
 * @brief The registered clusters (workers): a JSON array of
 *        `{"id": 1, "owner": "5F...", "cluster": {...}, "resources": [{...total}, {...used}],
 *        "score": [level, score]}`.
 * @param out replaced with the JSON text.
 * @param cl the handle.
 * @return WETEE_OK; as wetee_chain_storage_entries_json().
 */
WETEE_API int wetee_cloud_clusters_json(wetee_buf *out, wetee_cloud *cl);

/* ------------------------------------------------------------------ */
/* Worker side                                                         */
/* ------------------------------------------------------------------ */

/**
 * @brief Register a cluster (`cluster_register`); its id is read back from
 *        the worker pallet's `K8sClusterAccounts` for the signer.
 * @param cluster_id receives the cluster's id.
 * @param result replaced with the outcome JSON; may be NULL.
 * @param cl the handle.
 * @param kp the cluster's operator.
 * @param name the cluster's name.
 * @param ipv4 its IPv4 address as a host-order integer (127.0.0.1 = 2130706433).
 * @param port its port (> 0).
 * @param level its level (a level with a deposit price).
 * @param timeout_ms as wetee_cloud_submit().
 * @return as wetee_cloud_submit() (e.g. `WeTEEWorker.ClusterIsExists`).
 */
WETEE_API int wetee_cloud_cluster_register(uint64_t *cluster_id, wetee_buf *result, wetee_cloud *cl,
                                           const wetee_keypair *kp, const char *name, uint32_t ipv4, uint32_t port,
                                           uint8_t level, unsigned timeout_ms);

/**
 * @brief Mortgage resources to a cluster (`cluster_mortgage`): the
 *        resources as JSON `{"cpu":..,"mem":..,"cvm_cpu":..,"cvm_mem":..,"disk":..,"gpu":..}`
 *        (missing ones are 0; the runtime's argument names decide), and
 *        the deposit.
 * @param result replaced with the outcome JSON; may be NULL.
 * @param cl the handle.
 * @param kp the cluster's operator.
 * @param cluster_id the cluster.
 * @param resources_json the resources.
 * @param deposit the deposit (at least the level's deposit price of the resources).
 * @param timeout_ms as wetee_cloud_submit().
 * @return as wetee_cloud_submit(); WETEE_ERR_DECODE (bad resources JSON).
 */
WETEE_API int wetee_cloud_cluster_mortgage(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp,
                                           uint64_t cluster_id, const char *resources_json, wetee_u128 deposit,
                                           unsigned timeout_ms);

/**
 * @brief Upload a work proof (`work_proof_upload`) by the cluster a work
 *        is assigned to: an optional proof of logs and metrics and an
 *        optional attestation report (e.g. a DCAP quote), which the chain
 *        keeps in `ReportOfWork`. The first proof of a deploying work
 *        marks it running; later ones charge the run fee.
 * @param result replaced with the outcome JSON; may be NULL.
 * @param cl the handle.
 * @param kp the cluster's operator.
 * @param kind WETEE_CLOUD_APP, _TASK or _GPU.
 * @param id the work's id.
 * @param proof_json the proof as JSON, fields as the runtime's `ProofOfWork`
 *        (`{"log_hash":"0x..","cr":{"cpu":..,...},"cr_hash":"0x.."}` on the
 *        2024 runtime), JSON `null` for none, or NULL for an empty proof
 *        (empty hashes, zero resources).
 * @param report the report's bytes, or NULL for none.
 * @param report_len their length.
 * @param timeout_ms as wetee_cloud_submit().
 * @return as wetee_cloud_submit() (e.g. `WeTEEWorker.NotAllowed403`).
 */
WETEE_API int wetee_cloud_work_proof_upload(wetee_buf *result, wetee_cloud *cl, const wetee_keypair *kp, int kind,
                                            uint64_t id, const char *proof_json, const uint8_t *report,
                                            size_t report_len, unsigned timeout_ms);

/**
 * @brief The attestation report the worker of a work published on chain
 *        (`ReportOfWork`).
 * @param out replaced with the report's bytes.
 * @param cl the handle.
 * @param kind WETEE_CLOUD_APP, _TASK or _GPU.
 * @param id the work's id.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no report); as wetee_chain_storage_json().
 */
WETEE_API int wetee_cloud_work_report(wetee_buf *out, wetee_cloud *cl, int kind, uint64_t id);

/**
 * @brief Verify a deployment: read the attestation report the worker of a
 *        work published on chain (wetee_cloud_work_report()), verify it
 *        with wetee_seal_verify() under a policy, and return the recipient:
 *        the verdict, the measurements, and the key bound in its report
 *        data, to which secrets can then be sealed (wetee_seal_to()).
 * @param out receives the recipient (also when it was refused, so that
 *        wetee_seal_recipient_reason() says why); free with
 *        wetee_seal_recipient_free(). NULL when no report could be read.
 * @param cl the handle.
 * @param kind WETEE_CLOUD_APP, _TASK or _GPU.
 * @param id the work's id.
 * @param coll collateral, or NULL (the evidence's own).
 * @param anchors trust anchors, or NULL for the built-in pins.
 * @param policy the policy (measurements, key binding), or NULL for the
 *        strict default.
 * @param key_source a wetee_seal_key_source.
 * @param time verification time, Unix seconds.
 * @return WETEE_OK (accepted, key established); WETEE_ERR_VERIFY (refused:
 *         the detail names the failed check); WETEE_ERR_NOT_FOUND (no report
 *         on chain); as wetee_cloud_work_report() and wetee_seal_verify().
 */
WETEE_API int wetee_cloud_verify_deployment(wetee_seal_recipient **out, wetee_cloud *cl, int kind, uint64_t id,
                                            wetee_attest_collateral *coll, const wetee_attest_anchors *anchors,
                                            const wetee_attest_policy *policy, int key_source, uint64_t time);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_CLOUD_H */
