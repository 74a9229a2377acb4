/*
 * cloud.i - the WeTEE cloud API, pallet generation (wetee/cloud.h):
 * deployment files (a wetee_cloud_deployment handle), deploy / status /
 * list / wait / restart / update / stop, prices, assets, clusters, and the
 * worker side, on a wetee_cloud handle opened over a wetee_chain.
 *
 * The C handle borrows the chain: the target-language object keeps the
 * chain object alive (wetee.Cloud holds the Chain's handle; Go's Cloud
 * holds the *Chain and refuses calls after Chain.Close). The progress
 * callback of wetee_cloud_wait and the transaction observer are not
 * exposed; wait returns the last status. Python: calls that talk to the
 * node release the GIL.
 */

WETEE_HANDLE(wetee_cloud_deployment, wetee_cloud_deployment_free)
WETEE_HANDLE(wetee_cloud, wetee_cloud_free)
void wetee_cloud_deployment_free(wetee_cloud_deployment *d);
void wetee_cloud_free(wetee_cloud *cl);

%constant int CLOUD_APP = WETEE_CLOUD_APP;
%constant int CLOUD_TASK = WETEE_CLOUD_TASK;
%constant int CLOUD_GPU = WETEE_CLOUD_GPU;
%constant int CLOUD_WORKER = WETEE_CLOUD_WORKER;
%constant int CLOUD_STATUS_CREATED = WETEE_CLOUD_STATUS_CREATED;
%constant int CLOUD_STATUS_DEPLOYING = WETEE_CLOUD_STATUS_DEPLOYING;
%constant int CLOUD_STATUS_STOPPED = WETEE_CLOUD_STATUS_STOPPED;
%constant int CLOUD_STATUS_RUNNING = WETEE_CLOUD_STATUS_RUNNING;
%constant int CLOUD_STATUS_RESTARTING = WETEE_CLOUD_STATUS_RESTARTING;

#ifdef SWIGPYTHON
%thread wetee_cloudb_deploy;
%thread wetee_cloudb_estimate;
%thread wetee_cloudb_status_json;
%thread wetee_cloudb_list_json;
%thread wetee_cloudb_wait;
%thread wetee_cloudb_restart;
%thread wetee_cloudb_update;
%thread wetee_cloudb_stop;
%thread wetee_cloudb_prices_json;
%thread wetee_cloudb_clusters_json;
%thread wetee_cloudb_submit;
%thread wetee_cloudb_cluster_register;
%thread wetee_cloudb_cluster_mortgage;
%thread wetee_cloudb_work_proof_upload;
%thread wetee_cloudb_work_report;
#endif

%apply const char *optional_text { const char *args_json, const char *proof_json };
%apply (const uint8_t *data, size_t len) { (const uint8_t *report, size_t report_len) };

%inline %{
static wetee_rc wetee_cloudb_deployment_parse(wetee_cloud_deployment **out, const char *json, size_t json_len) {
  return wetee_cloud_deployment_parse(out, json, json_len);
}
static wetee_rc wetee_cloudb_deployment_load(wetee_cloud_deployment **out, const char *path) {
  return wetee_cloud_deployment_load(out, path);
}
static int wetee_cloudb_deployment_kind(const wetee_cloud_deployment *d) { return wetee_cloud_deployment_kind(d); }
static wetee_rc wetee_cloudb_deployment_json(wetee_buf *text_out, const wetee_cloud_deployment *d) {
  return wetee_cloud_deployment_json(text_out, d);
}
static wetee_rc wetee_cloudb_deploy_call_json(wetee_buf *text_out, const wetee_metadata *md,
                                              const wetee_cloud_deployment *d) {
  return wetee_cloud_deploy_call_json(text_out, md, d);
}
static wetee_rc wetee_cloudb_deploy_call(wetee_buf *out, const wetee_metadata *md, const wetee_cloud_deployment *d) {
  return wetee_cloud_deploy_call(out, md, d);
}
static wetee_rc wetee_cloudb_estimate_at(wetee_u128 *out, const wetee_cloud_deployment *d, const char *price_json) {
  return wetee_cloud_estimate_at(out, d, price_json);
}
static const char *wetee_cloudb_pallet(const wetee_metadata *md, int role) {
  const char *p = wetee_cloud_pallet(md, role);
  return p ? p : "";
}
static wetee_rc wetee_cloudb_open(wetee_cloud **out, wetee_chain *c) { return wetee_cloud_open(out, c); }
static wetee_rc wetee_cloudb_submit(wetee_buf *text_out, wetee_cloud *cl, const wetee_keypair *kp, int role,
                                    const char *call, const char *args_json, unsigned timeout_ms) {
  return wetee_cloud_submit(text_out, cl, kp, role, call, args_json, timeout_ms);
}
/* both the new id and the outcome JSON come back */
static wetee_rc wetee_cloudb_deploy(uint64_t *out, wetee_buf *text_out, wetee_cloud *cl, const wetee_keypair *kp,
                                    const wetee_cloud_deployment *d, unsigned timeout_ms) {
  return wetee_cloud_deploy(out, text_out, cl, kp, d, timeout_ms);
}
static wetee_rc wetee_cloudb_estimate(wetee_u128 *out, wetee_cloud *cl, const wetee_cloud_deployment *d) {
  return wetee_cloud_estimate(out, NULL, cl, d);
}
static wetee_rc wetee_cloudb_status_json(wetee_buf *text_out, wetee_cloud *cl, int kind, uint64_t id) {
  return wetee_cloud_status_json(text_out, cl, kind, id);
}
static wetee_rc wetee_cloudb_list_json(wetee_buf *text_out, wetee_cloud *cl, int kind, const char *owner) {
  return wetee_cloud_list_json(text_out, cl, kind, owner);
}
static wetee_rc wetee_cloudb_wait(uint32_t *out, wetee_cloud *cl, int kind, uint64_t id, int target,
                                  unsigned timeout_ms) {
  int s = -1;
  int rc = wetee_cloud_wait(&s, cl, kind, id, target, timeout_ms, NULL, NULL);
  *out = (uint32_t)s;
  return rc;
}
static wetee_rc wetee_cloudb_restart(wetee_buf *text_out, wetee_cloud *cl, const wetee_keypair *kp, int kind,
                                     uint64_t id, unsigned timeout_ms) {
  return wetee_cloud_restart(text_out, cl, kp, kind, id, timeout_ms);
}
static wetee_rc wetee_cloudb_update(wetee_buf *text_out, wetee_cloud *cl, const wetee_keypair *kp, uint64_t id,
                                    const wetee_cloud_deployment *d, int with_restart, unsigned timeout_ms) {
  return wetee_cloud_update(text_out, cl, kp, id, d, with_restart, timeout_ms);
}
static wetee_rc wetee_cloudb_stop(wetee_buf *text_out, wetee_cloud *cl, const wetee_keypair *kp, int kind, uint64_t id,
                                  unsigned timeout_ms) {
  return wetee_cloud_stop(text_out, cl, kp, kind, id, timeout_ms);
}
static wetee_rc wetee_cloudb_prices_json(wetee_buf *text_out, wetee_cloud *cl, int kind) {
  return wetee_cloud_prices_json(text_out, cl, kind);
}
static wetee_rc wetee_cloudb_assets_json(wetee_buf *text_out, wetee_cloud *cl) {
  return wetee_cloud_assets_json(text_out, cl);
}
static wetee_rc wetee_cloudb_clusters_json(wetee_buf *text_out, wetee_cloud *cl) {
  return wetee_cloud_clusters_json(text_out, cl);
}
static wetee_rc wetee_cloudb_cluster_register(uint64_t *out, wetee_cloud *cl, const wetee_keypair *kp,
                                              const char *name, uint32_t ipv4, uint32_t port, uint8_t level,
                                              unsigned timeout_ms) {
  return wetee_cloud_cluster_register(out, NULL, cl, kp, name, ipv4, port, level, timeout_ms);
}
static wetee_rc wetee_cloudb_cluster_mortgage(wetee_buf *text_out, wetee_cloud *cl, const wetee_keypair *kp,
                                              uint64_t cluster_id, const char *resources_json, wetee_u128 deposit,
                                              unsigned timeout_ms) {
  return wetee_cloud_cluster_mortgage(text_out, cl, kp, cluster_id, resources_json, deposit, timeout_ms);
}
static wetee_rc wetee_cloudb_work_proof_upload(wetee_buf *text_out, wetee_cloud *cl, const wetee_keypair *kp, int kind,
                                               uint64_t id, const char *proof_json, const uint8_t *report,
                                               size_t report_len, int has_report, unsigned timeout_ms) {
  /* has_report 0: no report (None), whatever the bytes */
  return wetee_cloud_work_proof_upload(text_out, cl, kp, kind, id, proof_json, has_report ? report : NULL,
                                       has_report ? report_len : 0, timeout_ms);
}
static wetee_rc wetee_cloudb_work_report(wetee_buf *out, wetee_cloud *cl, int kind, uint64_t id) {
  return wetee_cloud_work_report(out, cl, kind, id);
}
%}

const char *wetee_cloud_status_name(int status);
const char *wetee_cloud_kind_name(int kind);

%clear const char *args_json, const char *proof_json;
%clear (const uint8_t *report, size_t report_len);
