/*
 * attest_snp.i - AMD SEV-SNP reports of wetee/attest_snp.h: parsing and
 * verification (signature, VCEK/VLEK chain to the pinned ARK, leaf
 * extensions, CRL). Reports come back as the JSON of
 * wetee_snp_report_to_json(); policies on the fields are applied by the
 * attestation module (attest.h).
 */

%constant unsigned WETEE_SNP_REPORT_BYTES = WETEE_SNP_REPORT_BYTES;
%constant unsigned WETEE_SNP_SIGNED_BYTES = WETEE_SNP_SIGNED_BYTES;
%constant int WETEE_SNP_PRODUCT_UNKNOWN = WETEE_SNP_PRODUCT_UNKNOWN;
%constant int WETEE_SNP_PRODUCT_MILAN = WETEE_SNP_PRODUCT_MILAN;
%constant int WETEE_SNP_PRODUCT_GENOA = WETEE_SNP_PRODUCT_GENOA;
%constant int WETEE_SNP_PRODUCT_TURIN = WETEE_SNP_PRODUCT_TURIN;

%{
/* parse, then the JSON view */
static wetee_rc wetee_snp_report_json_(wetee_buf *text_out, const uint8_t *data, size_t len) {
  wetee_snp_report r;
  int rc = wetee_snp_report_parse(&r, data, len);
  return rc == WETEE_OK ? wetee_snp_report_to_json(text_out, &r) : rc;
}
/* verify, then the JSON view; empty ark / crl = none */
static wetee_rc wetee_snp_verify_json_(wetee_buf *text_out, const uint8_t *data, size_t len, const uint8_t *leaf,
                                       size_t leaf_len, const uint8_t *chain, size_t chain_len, int64_t time,
                                       int product, const uint8_t *ark, size_t ark_len, const uint8_t *crl,
                                       size_t crl_len) {
  wetee_snp_report r;
  wetee_snp_verify_opts o = WETEE_SNP_VERIFY_OPTS_INIT;
  int rc;
  o.time = time;
  o.product = (wetee_snp_product)product;
  if (product < WETEE_SNP_PRODUCT_UNKNOWN || product > WETEE_SNP_PRODUCT_TURIN) o.product = (wetee_snp_product)-1;
  o.ark = ark_len ? ark : NULL;
  o.ark_len = ark_len;
  o.crl = crl_len ? crl : NULL;
  o.crl_len = crl_len;
  rc = wetee_snp_verify(&r, data, len, leaf, leaf_len, chain, chain_len, &o);
  return rc == WETEE_OK ? wetee_snp_report_to_json(text_out, &r) : rc;
}
%}

%apply (const uint8_t *data, size_t len) { (const uint8_t *leaf, size_t leaf_len),
                                           (const uint8_t *chain, size_t chain_len),
                                           (const uint8_t *ark, size_t ark_len),
                                           (const uint8_t *crl, size_t crl_len) };
wetee_rc wetee_snp_report_json_(wetee_buf *text_out, const uint8_t *data, size_t len);
wetee_rc wetee_snp_verify_json_(wetee_buf *text_out, const uint8_t *data, size_t len, const uint8_t *leaf,
                                size_t leaf_len, const uint8_t *chain, size_t chain_len, int64_t time, int product,
                                const uint8_t *ark, size_t ark_len, const uint8_t *crl, size_t crl_len);
%clear (const uint8_t *leaf, size_t leaf_len), (const uint8_t *chain, size_t chain_len),
       (const uint8_t *ark, size_t ark_len), (const uint8_t *crl, size_t crl_len);
const char *wetee_snp_product_name(int product);
