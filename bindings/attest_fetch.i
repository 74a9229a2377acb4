/*
 * attest_fetch.i - collateral fetching of wetee/attest_fetch.h for the
 * bindings: a fetcher handle (Intel PCS/PCCS and AMD KDS base URLs, on-disk
 * cache directory, CA bundle, timeout, response limit, SEV-SNP product for
 * reports that do not name it, no AMD CRL) and one verification call that
 * takes the collateral for the evidence from the fetcher and returns the
 * result JSON of attest.i. A rejection (including a fetch failure, with
 * failed_check "collateral" and the fetch error as the reason) is a result,
 * not an error. In a build without the network parts the fetcher cannot be
 * made (WETEE_ERR_UNSUPPORTED).
 */

#ifdef SWIGPYTHON
%thread wetee_attest_verify_evidence_fetch_json_; /* network: release the GIL */
#endif

WETEE_HANDLE(wetee_attest_fetcher, wetee_attest_fetcher_free)
void wetee_attest_fetcher_free(wetee_attest_fetcher *f);
uint64_t wetee_attest_fetcher_requests(const wetee_attest_fetcher *f);

%apply const char *optional_text { const char *pcs_url, const char *root_ca_crl_url, const char *kds_url,
                                   const char *cache_dir, const char *ca_file, const char *update };
%apply (const char *json, size_t json_len) { (const char *fetch_policy_json, size_t fetch_policy_json_len) };

%rename(attest_fetcher_new) wetee_attest_fetcher_new_;
%rename(attest_verify_evidence_fetch_json) wetee_attest_verify_evidence_fetch_json_;
%inline %{
static wetee_rc wetee_attest_fetcher_new_(wetee_attest_fetcher **out, const char *pcs_url,
                                          const char *root_ca_crl_url, const char *kds_url, const char *cache_dir,
                                          const char *ca_file, const char *update, unsigned timeout_ms,
                                          unsigned max_response, int snp_product, int snp_no_crl) {
  wetee_attest_fetch_options o = WETEE_ATTEST_FETCH_OPTIONS_INIT;
  o.pcs_url = pcs_url;
  o.root_ca_crl_url = root_ca_crl_url;
  o.kds_url = kds_url;
  o.cache_dir = cache_dir;
  o.ca_file = ca_file;
  o.update = update;
  o.timeout_ms = timeout_ms;
  o.max_response = max_response;
  o.snp_product = snp_product;
  o.snp_no_crl = snp_no_crl;
  return wetee_attest_fetcher_new(out, &o);
}

/* policy "" = the strict default policy */
static wetee_rc wetee_attest_verify_evidence_fetch_json_(wetee_buf *text_out, const uint8_t *data, size_t len,
                                                         const char *fetch_policy_json, size_t fetch_policy_json_len,
                                                         wetee_attest_fetcher *f, uint64_t time) {
  wetee_attest_policy *p = NULL;
  wetee_attest_collateral *c = NULL;
  wetee_attest_result *r = NULL;
  int rc = WETEE_OK;
  if (fetch_policy_json_len > 0) rc = wetee_attest_policy_from_json(&p, fetch_policy_json, fetch_policy_json_len);
  if (rc == WETEE_OK) rc = wetee_attest_collateral_new_fetching(&c, f);
  if (rc == WETEE_OK) {
    (void)wetee_attest_verify_evidence(&r, data, len, c, NULL, p, time);
    rc = r != NULL ? wetee_attest_result_to_json(text_out, r) : wetee_last_error_code();
    if (rc == WETEE_OK) wetee_clear_error();
  }
  wetee_attest_result_free(r);
  wetee_attest_collateral_free(c);
  wetee_attest_policy_free(p);
  return rc;
}
%}
