/**
 * @file attest_fetch.h
 * @brief Collateral fetching for attestation: Intel PCS v4 or a PCCS (PCK
 *        CRL, TCB Info, QE Identity, root CA CRL, with their issuer chains)
 *        and AMD KDS (VCEK, ASK/ARK or ASVK/ARK chain, CRL), over libcurl,
 *        with an in-memory and an optional on-disk cache.
 *
 * A fetcher (wetee_attest_fetcher) knows where to fetch from and where to
 * cache. It is used in two ways:
 * - explicitly: wetee_attest_fetch_dcap() / wetee_attest_fetch_snp() return
 *   a collateral object for one FMSPC and CA type (Intel) or one chip and
 *   TCB (AMD), ready for wetee_attest_verify_quote() or wetee_snp_verify();
 * - implicitly: a collateral object made by
 *   wetee_attest_collateral_new_fetching() has no items of its own; given to
 *   wetee_attest_verify_evidence() or wetee_attest_verify_quote() it takes
 *   the collateral for each piece of evidence from the fetcher (the FMSPC
 *   and CA type from the quote's PCK certificate; the product, CHIP_ID and
 *   REPORTED_TCB from a SEV-SNP report).
 *
 * **Endpoints** (the base URLs are options):
 * - `{pcs}/sgx/certification/v4/pckcrl?ca=processor|platform&encoding=der`,
 *   issuer chain in the `SGX-PCK-CRL-Issuer-Chain` response header;
 * - `{pcs}/{sgx|tdx}/certification/v4/tcb?fmspc=<12 hex>`, header
 *   `TCB-Info-Issuer-Chain` (`SGX-TCB-Info-Issuer-Chain`, API v3, accepted);
 * - `{pcs}/{sgx|tdx}/certification/v4/qe/identity`, header
 *   `SGX-Enclave-Identity-Issuer-Chain`;
 * - the root CA CRL from `root_ca_crl_url` (default: Intel's
 *   `https://certificates.trustedservices.intel.com/IntelSGXRootCA.der` with
 *   the default PCS, `{pcs}/sgx/certification/v4/rootcacrl` with any other
 *   base, as a PCCS serves it), DER, PEM or hex text;
 * - `{kds}/vcek/v1/{Milan|Genoa|Turin}/{hwid}?blSPL=&teeSPL=&snpSPL=&ucodeSPL=`
 *   (Turin: `fmcSPL=` too and an 8-byte hwid), DER;
 * - `{kds}/{vcek|vlek}/v1/{product}/cert_chain` (PEM) and `.../crl` (DER).
 * Issuer chains in headers are URL-encoded PEM (`%XX` escapes; a `+` is
 * kept as is, since it occurs in base64).
 *
 * **Checks before use and before caching.** A response must be HTTP 200,
 * at most `max_response` bytes, and parse (JSON, PEM, DER, hex). The Intel
 * items fetched together are then checked as a verification would check
 * them (issuer chains to the anchors' Intel root, TCB Info and QE Identity
 * signatures over the raw JSON, CRL signatures), without looking at the
 * time; AMD chains are checked by the verification. Nothing that fails is
 * cached.
 *
 * **Cache.** Each item is kept in memory and, with `cache_dir`, in a file
 * named after the base URL, the item and its key (FMSPC, CA type and TEE for
 * Intel; product, hwid and TCB for a VCEK), until its expiry: the earliest of
 * its `nextUpdate` (CRL, TCB Info, QE Identity) and the `notAfter` of every
 * certificate it carries. The time used is the caller's (an explicit
 * parameter, as for verification). An expired item is fetched again; when
 * that fails the expired copy is used and the verification reports the
 * collateral as expired (strict policies then reject). Files are written to
 * a temporary name and renamed, so concurrent processes sharing a cache
 * directory never read a partial file; a cache file that does not parse is
 * ignored and replaced.
 *
 * TLS peers are verified (libcurl's defaults, or the `ca_file` bundle);
 * only http and https URLs are followed, without redirects.
 *
 * Without WETEE_WITH_NETWORK (the mobile build) every function but the
 * `_free` ones returns WETEE_ERR_UNSUPPORTED.
 *
 * Thread safety: a fetcher may be used by several threads at once (it
 * locks internally); requests are made one at a time per fetcher. The
 * fetcher must outlive every collateral object made with
 * wetee_attest_collateral_new_fetching().
 */
#ifndef WETEE_ATTEST_FETCH_H
#define WETEE_ATTEST_FETCH_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/attest.h"
#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A collateral fetcher with its caches (opaque). */
typedef struct wetee_attest_fetcher wetee_attest_fetcher;

/** @brief Default Intel PCS base URL. */
#define WETEE_ATTEST_PCS_URL "https://api.trustedservices.intel.com"
/** @brief Default AMD KDS base URL. */
#define WETEE_ATTEST_KDS_URL "https://kdsintf.amd.com"
/** @brief Intel's root CA CRL, used with the default PCS. */
#define WETEE_ATTEST_ROOT_CA_CRL_URL "https://certificates.trustedservices.intel.com/IntelSGXRootCA.der"

/** @brief PCK CA types (the `ca` parameter of the PCK CRL). */
typedef enum wetee_attest_pck_ca {
    WETEE_ATTEST_PCK_CA_PROCESSOR = 1, /**< Intel SGX PCK Processor CA */
    WETEE_ATTEST_PCK_CA_PLATFORM = 2   /**< Intel SGX PCK Platform CA */
} wetee_attest_pck_ca;

/**
 * @brief Options of wetee_attest_fetcher_new(). Start from
 *        WETEE_ATTEST_FETCH_OPTIONS_INIT. Strings are copied.
 */
typedef struct wetee_attest_fetch_options {
    unsigned version;            /**< WETEE_ATTEST_FETCH_OPTIONS_VERSION */
    const char *pcs_url;         /**< Intel PCS or PCCS base (http/https), NULL: WETEE_ATTEST_PCS_URL */
    const char *root_ca_crl_url; /**< root CA CRL URL, NULL: see the file description */
    const char *kds_url;         /**< AMD KDS base, NULL: WETEE_ATTEST_KDS_URL */
    const char *cache_dir;       /**< existing directory for the on-disk cache, NULL: memory only */
    const char *ca_file;         /**< CA bundle (PEM) for TLS, NULL: the system's */
    const char *update;          /**< PCS `update` parameter ("early", "standard"), NULL: none */
    unsigned timeout_ms;         /**< per request, 0: 30000 */
    size_t max_response;         /**< largest response body accepted, 0: 1 MiB; at most WETEE_ATTEST_MAX_COLLATERAL_ITEM */
    const wetee_attest_anchors *anchors; /**< Intel root the fetched items must chain to, NULL: built-in; kept, not copied */
    int snp_product;             /**< wetee_snp_product for SEV-SNP reports that do not name theirs (VERSION 2), 0: none */
    int snp_no_crl;              /**< non-zero: do not fetch AMD's CRL (a KDS mirror without one); revocation of the ASK/ASVK is then not checked */
} wetee_attest_fetch_options;

/** @brief Current version of wetee_attest_fetch_options. */
#define WETEE_ATTEST_FETCH_OPTIONS_VERSION 1
/** @brief Initialiser: Intel PCS, AMD KDS, no disk cache, system CAs, 30 s, 1 MiB. */
#define WETEE_ATTEST_FETCH_OPTIONS_INIT \
    { WETEE_ATTEST_FETCH_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, 0, 0 }

/**
 * @brief New fetcher.
 * @param out receives the fetcher; free with wetee_attest_fetcher_free().
 * @param opts options, or NULL for the defaults.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out, unknown options
 *         version, a URL not http/https, `max_response` above the limit,
 *         unknown `snp_product`); WETEE_ERR_IO (`cache_dir` or `ca_file`
 *         not readable); WETEE_ERR_NETWORK (libcurl initialisation);
 *         WETEE_ERR_UNSUPPORTED (no network parts); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_fetcher_new(wetee_attest_fetcher **out, const wetee_attest_fetch_options *opts);

/**
 * @brief Release a fetcher (and its in-memory cache).
 * @param f the fetcher, or NULL (no-op).
 */
WETEE_API void wetee_attest_fetcher_free(wetee_attest_fetcher *f);

/**
 * @brief Number of HTTP requests the fetcher has made (for tests and
 *        monitoring: a cache hit makes none).
 * @param f the fetcher (NULL gives 0).
 * @return the count.
 */
WETEE_API uint64_t wetee_attest_fetcher_requests(const wetee_attest_fetcher *f);

/**
 * @brief Collateral for DCAP quotes of one TEE, FMSPC and PCK CA type: root
 *        CA CRL, PCK CRL and its issuer chain, TCB Info and QE Identity with
 *        their issuer chains, from the caches or fetched.
 * @param out receives a collateral object (free with
 *        wetee_attest_collateral_free()); its signatures are already checked
 *        under the fetcher's anchors. It is shared with the fetcher's
 *        cache, so it is read-only: wetee_attest_collateral_set() on it
 *        gives WETEE_ERR_STATE.
 * @param f the fetcher.
 * @param tee WETEE_ATTEST_TEE_SGX or WETEE_ATTEST_TEE_TDX.
 * @param fmspc the 6-byte FMSPC (from the PCK certificate).
 * @param ca a wetee_attest_pck_ca.
 * @param time the current time, Unix seconds: items whose expiry is at or
 *        before it are fetched again.
 * @return WETEE_OK; WETEE_ERR_NETWORK (transport failure, HTTP status other
 *         than 200, response above `max_response`; the URL and status are
 *         in the detail); WETEE_ERR_DECODE (a response or issuer-chain header
 *         that does not parse); WETEE_ERR_VERIFY (fetched items whose chains
 *         or signatures do not check out: nothing is cached);
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_UNSUPPORTED;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_fetch_dcap(wetee_attest_collateral **out, wetee_attest_fetcher *f, int tee,
                                      const uint8_t fmspc[6], int ca, uint64_t time);

/**
 * @brief Collateral for SEV-SNP reports from AMD KDS: for a VCEK, the VCEK
 *        of this chip at this TCB, the ASK/ARK chain and the CRL; for a
 *        VLEK (which KDS does not serve by chip), the ASVK/ARK chain and the
 *        CRL only (the VLEK comes with the evidence).
 * @param out receives a collateral object, read-only as with
 *        wetee_attest_fetch_dcap(); free with wetee_attest_collateral_free().
 * @param f the fetcher.
 * @param product a wetee_snp_product (Milan, Genoa, Turin).
 * @param key WETEE_SNP_KEY_VCEK (0) or WETEE_SNP_KEY_VLEK (1).
 * @param hwid the CHIP_ID (64 bytes; Turin: its first 8 bytes are used, or
 *        give 8); ignored for a VLEK (may be NULL).
 * @param hwid_len 64, or 8 on Turin; ignored for a VLEK.
 * @param reported_tcb REPORTED_TCB of the report (little-endian u64 in the
 *        product's layout); ignored for a VLEK.
 * @param time the current time, Unix seconds (cache expiry).
 * @return as wetee_attest_fetch_dcap() (no signature is checked here).
 */
WETEE_API int wetee_attest_fetch_snp(wetee_attest_collateral **out, wetee_attest_fetcher *f, int product, int key,
                                     const uint8_t *hwid, size_t hwid_len, uint64_t reported_tcb, uint64_t time);

/**
 * @brief New collateral that takes its items from a fetcher for each piece
 *        of evidence it verifies (see the file description).
 *
 * The object holds no items: wetee_attest_collateral_set() on it fails.
 * The verification's `time` is the cache time. A fetch failure is reported
 * as a rejection with WETEE_ATTEST_CHECK_COLLATERAL and the fetch error as
 * the reason. Quotes whose certification data is not a PCK chain (types
 * 1-4) cannot be verified this way.
 * @param out receives the collateral; free with wetee_attest_collateral_free().
 * @param f the fetcher; it must outlive the collateral.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL pointer);
 *         WETEE_ERR_UNSUPPORTED (no network parts); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_collateral_new_fetching(wetee_attest_collateral **out, wetee_attest_fetcher *f);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_ATTEST_FETCH_H */
