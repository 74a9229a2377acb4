/**
 * @file attest.h
 * @brief TEE attestation: local verification of Intel SGX and TDX DCAP
 *        quotes and AMD SEV-SNP reports against pinned trust anchors,
 *        signed collateral and a caller policy, with one result that says
 *        whether the evidence can be trusted and why not.
 *
 * The pieces:
 * - **trust anchors** (wetee_attest_anchors): the Intel SGX Root CA pinned
 *   by public key (replaceable, e.g. by Intel's synthetic test root) and,
 *   for SEV-SNP, one AMD ARK per product;
 * - **collateral** (wetee_attest_collateral): what the verifier needs
 *   besides the evidence: for DCAP the CRLs, TCB Info and QE Identity with
 *   their issuer chains (PCS/PCCS JSON), for SEV-SNP the VCEK/VLEK and the
 *   ASK/ASVK chain. A collateral object remembers which of its signatures
 *   were already checked under which anchors, so verifying many quotes
 *   with one collateral object checks the collateral once ("cached");
 *   time-dependent checks are redone at every call;
 * - **policy** (wetee_attest_policy): strict by default: only the TCB
 *   status UpToDate is accepted, debug enclaves/TDs/guests are rejected,
 *   expired collateral fails; the caller lists other statuses and the
 *   advisories they accept, expected measurements, minimum SVNs, and how
 *   REPORTDATA binds the evidence to a key. Policies load from JSON;
 * - **result** (wetee_attest_result): the verdict, Intel's status code, the
 *   TCB status, advisory IDs, the measurements, the report data, the TCB
 *   date, the collateral expiry, and the check that failed with its reason.
 *
 * The verification time is always an explicit input (Unix seconds): no
 * function here reads the clock.
 *
 * Verification follows Intel's Quote Verification Library (QVL/QvE) for
 * DCAP and AMD's/go-sev-guest's rules for SEV-SNP. Nothing here touches the
 * network, except through a fetching collateral of attest_fetch.h.
 *
 * Thread safety: anchors and policies are immutable after set-up and may be
 * shared read-only by any number of threads. A collateral object may be
 * shared by threads verifying concurrently (its cache is internally
 * locked), but must not be modified (wetee_attest_collateral_set()) while
 * in use. A result belongs to one thread at a time.
 */
#ifndef WETEE_ATTEST_H
#define WETEE_ATTEST_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Trust anchors (opaque; immutable once set up). */
typedef struct wetee_attest_anchors wetee_attest_anchors;
/** @brief Verification collateral with its check cache (opaque). */
typedef struct wetee_attest_collateral wetee_attest_collateral;
/** @brief A verification policy (opaque; immutable once set up). */
typedef struct wetee_attest_policy wetee_attest_policy;
/** @brief The outcome of one verification (opaque). */
typedef struct wetee_attest_result wetee_attest_result;

/** @brief Size of REPORTDATA in every supported report (SGX, TDX, SEV-SNP). */
#define WETEE_ATTEST_REPORT_DATA_BYTES 64
/** @brief Largest evidence accepted (a quote, report or evidence envelope). */
#define WETEE_ATTEST_MAX_EVIDENCE (256u * 1024u)
/** @brief Largest single collateral item (JSON, certificate chain, CRL). */
#define WETEE_ATTEST_MAX_COLLATERAL_ITEM (4u * 1024u * 1024u)
/** @brief Largest policy JSON. */
#define WETEE_ATTEST_MAX_POLICY (64u * 1024u)

/** @brief Kind of TEE that produced the evidence. */
typedef enum wetee_attest_tee {
    WETEE_ATTEST_TEE_UNKNOWN = 0, /**< not detected (parse failure) */
    WETEE_ATTEST_TEE_SGX = 1,     /**< Intel SGX enclave (DCAP quote v3/v4/v5) */
    WETEE_ATTEST_TEE_TDX = 2,     /**< Intel TDX trust domain (DCAP quote v4/v5) */
    WETEE_ATTEST_TEE_SEV_SNP = 3  /**< AMD SEV-SNP guest (attestation report) */
} wetee_attest_tee;

/** @brief Final verdict. */
typedef enum wetee_attest_verdict {
    WETEE_ATTEST_REJECT = 0, /**< the evidence must not be trusted */
    WETEE_ATTEST_ACCEPT = 1  /**< every check passed and the policy accepts the status */
} wetee_attest_verdict;

/**
 * @brief TCB status after Intel's status-combination rule (platform, TDX
 *        module and QE statuses), or the SEV-SNP equivalent.
 *
 * The values below WETEE_ATTEST_TCB_REVOKED are non-terminal in Intel's
 * sense (QvE returns a verdict for them); the rest are terminal.
 */
typedef enum wetee_attest_tcb_status {
    WETEE_ATTEST_TCB_UP_TO_DATE = 0,                       /**< "UpToDate" (QvE 0x0000) */
    WETEE_ATTEST_TCB_SW_HARDENING_NEEDED = 1,              /**< "SWHardeningNeeded" (0xA007) */
    WETEE_ATTEST_TCB_CONFIGURATION_NEEDED = 2,             /**< "ConfigurationNeeded" (0xA001) */
    WETEE_ATTEST_TCB_CONFIGURATION_AND_SW_HARDENING_NEEDED = 3, /**< "ConfigurationAndSWHardeningNeeded" (0xA008) */
    WETEE_ATTEST_TCB_OUT_OF_DATE = 4,                      /**< "OutOfDate" (0xA002) */
    WETEE_ATTEST_TCB_OUT_OF_DATE_CONFIGURATION_NEEDED = 5, /**< "OutOfDateConfigurationNeeded" (0xA003) */
    WETEE_ATTEST_TCB_TD_RELAUNCH_ADVISED = 6,              /**< "TDRelaunchAdvised" (0xA009) */
    WETEE_ATTEST_TCB_TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED = 7, /**< "TDRelaunchAdvisedConfigurationNeeded" (0xA00A) */
    WETEE_ATTEST_TCB_REVOKED = 8,                          /**< "Revoked" (terminal, 0xE032) */
    WETEE_ATTEST_TCB_NOT_SUPPORTED = 9,                    /**< no TCB level matches (terminal, 0xE066) */
    WETEE_ATTEST_TCB_UNKNOWN = 10                          /**< not determined: verification stopped earlier */
} wetee_attest_tcb_status;

/** @brief Number of wetee_attest_tcb_status values. */
#define WETEE_ATTEST_TCB_STATUS_COUNT 11

/**
 * @brief The check that failed (WETEE_ATTEST_CHECK_NONE when accepted).
 *
 * The first failing check is reported; wetee_attest_result_reason() adds
 * what and where in words.
 */
typedef enum wetee_attest_check {
    WETEE_ATTEST_CHECK_NONE = 0,              /**< nothing failed */
    WETEE_ATTEST_CHECK_PARSE = 1,             /**< evidence malformed, truncated, oversized or of an unknown kind */
    WETEE_ATTEST_CHECK_COLLATERAL = 2,        /**< collateral missing or malformed (JSON, PEM, DER, hex) */
    WETEE_ATTEST_CHECK_ROOT_UNTRUSTED = 3,    /**< a chain does not end at the pinned root / ARK */
    WETEE_ATTEST_CHECK_CERT_CHAIN = 4,        /**< a certificate chain is invalid (signature, shape, names, validity at t) */
    WETEE_ATTEST_CHECK_CRL = 5,               /**< a CRL is invalid (issuer, signature, not current at t) */
    WETEE_ATTEST_CHECK_REVOKED_CERT = 6,      /**< a certificate of the chain is listed in a CRL */
    WETEE_ATTEST_CHECK_TCB_INFO = 7,          /**< TCB Info invalid: signature, id/version, FMSPC/PCE-ID mismatch */
    WETEE_ATTEST_CHECK_QE_IDENTITY = 8,       /**< QE Identity invalid: signature, id/version */
    WETEE_ATTEST_CHECK_QE_VENDOR = 9,         /**< QE vendor ID is not Intel's */
    WETEE_ATTEST_CHECK_QE_REPORT_SIGNATURE = 10, /**< QE report signature (by the PCK key) invalid */
    WETEE_ATTEST_CHECK_ATTESTATION_KEY = 11,  /**< QE REPORTDATA does not bind the attestation key */
    WETEE_ATTEST_CHECK_QE_IDENTITY_MISMATCH = 12, /**< QE report does not match the QE Identity (MRSIGNER, ISVPRODID, masks) */
    WETEE_ATTEST_CHECK_QUOTE_SIGNATURE = 13,  /**< quote / report signature invalid */
    WETEE_ATTEST_CHECK_TDX_MODULE = 14,       /**< TDX module identity mismatch */
    WETEE_ATTEST_CHECK_TCB_LEVEL = 15,        /**< no TCB level matches, or the status is Revoked */
    WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED = 16, /**< collateral not valid at t (strict expiry) */
    WETEE_ATTEST_CHECK_STATUS_POLICY = 17,    /**< the TCB status is not accepted by the policy */
    WETEE_ATTEST_CHECK_ADVISORY_POLICY = 18,  /**< an advisory ID is not accepted by the policy */
    WETEE_ATTEST_CHECK_DEBUG = 19,            /**< debug enclave, TD or guest not allowed */
    WETEE_ATTEST_CHECK_ATTRIBUTES = 20,       /**< reserved/unsafe attribute bits (TD attributes, SNP policy bits) */
    WETEE_ATTEST_CHECK_MEASUREMENT = 21,      /**< a measurement differs from the policy's */
    WETEE_ATTEST_CHECK_SVN = 22,              /**< an SVN or TCB is below the policy's minimum */
    WETEE_ATTEST_CHECK_REPORT_DATA = 23,      /**< REPORTDATA does not satisfy the policy's binding */
    WETEE_ATTEST_CHECK_TEE_KIND = 24,         /**< the TEE kind is not allowed by the policy */
    WETEE_ATTEST_CHECK_SNP_TCB = 25,          /**< SEV-SNP: certificate TCB, hwID or signing-key field inconsistent with the report */
    WETEE_ATTEST_CHECK_UNSUPPORTED = 26       /**< valid evidence this build cannot verify */
} wetee_attest_check;

/**
 * @brief Fields of a report that a result exposes and a policy can expect.
 *
 * Byte fields are given in report order, as they appear in the quote or
 * report. Integer fields (ISVPRODID, ISVSVN, GUEST_SVN, VMPL, POLICY,
 * REPORTED_TCB, ...) are little-endian in the report and are also read with
 * wetee_attest_result_u64().
 */
typedef enum wetee_attest_field {
    WETEE_ATTEST_FIELD_REPORT_DATA = 0,   /**< 64 bytes, all TEEs */
    /* SGX enclave report body */
    WETEE_ATTEST_FIELD_MRENCLAVE = 1,     /**< SGX, 32 bytes */
    WETEE_ATTEST_FIELD_MRSIGNER = 2,      /**< SGX, 32 bytes */
    WETEE_ATTEST_FIELD_ISVPRODID = 3,     /**< SGX, u16 */
    WETEE_ATTEST_FIELD_ISVSVN = 4,        /**< SGX, u16 */
    WETEE_ATTEST_FIELD_SGX_ATTRIBUTES = 5, /**< SGX, 16 bytes */
    WETEE_ATTEST_FIELD_SGX_CONFIGID = 6,  /**< SGX, 64 bytes */
    WETEE_ATTEST_FIELD_CPUSVN = 7,        /**< SGX, 16 bytes */
    /* TD report body */
    WETEE_ATTEST_FIELD_MRTD = 10,         /**< TDX, 48 bytes */
    WETEE_ATTEST_FIELD_RTMR0 = 11,        /**< TDX, 48 bytes */
    WETEE_ATTEST_FIELD_RTMR1 = 12,        /**< TDX, 48 bytes */
    WETEE_ATTEST_FIELD_RTMR2 = 13,        /**< TDX, 48 bytes */
    WETEE_ATTEST_FIELD_RTMR3 = 14,        /**< TDX, 48 bytes */
    WETEE_ATTEST_FIELD_MRCONFIGID = 15,   /**< TDX, 48 bytes */
    WETEE_ATTEST_FIELD_MROWNER = 16,      /**< TDX, 48 bytes */
    WETEE_ATTEST_FIELD_MROWNERCONFIG = 17, /**< TDX, 48 bytes */
    WETEE_ATTEST_FIELD_MRSEAM = 18,       /**< TDX, 48 bytes */
    WETEE_ATTEST_FIELD_MRSIGNERSEAM = 19, /**< TDX, 48 bytes */
    WETEE_ATTEST_FIELD_TEE_TCB_SVN = 20,  /**< TDX, 16 bytes */
    WETEE_ATTEST_FIELD_TD_ATTRIBUTES = 21, /**< TDX, 8 bytes */
    WETEE_ATTEST_FIELD_XFAM = 22,         /**< TDX, 8 bytes */
    WETEE_ATTEST_FIELD_MRSERVICETD = 23,  /**< TDX 1.5 bodies, 48 bytes */
    WETEE_ATTEST_FIELD_TEE_TCB_SVN2 = 24, /**< TDX 1.5 bodies, 16 bytes */
    /* TD report for TDX 1.5ex (quote v5 body type 4, `sgx_report2_body_v1_5_ex_t`, 885 bytes) */
    WETEE_ATTEST_FIELD_TD_VMID = 25,      /**< body type 4, u8: 0 unpartitioned TD or L1 VMM, 1-3 TD VMs */
    WETEE_ATTEST_FIELD_TD_ID = 26,        /**< body type 4, 32 bytes: TD instance ID (regenerated on relaunch) */
    WETEE_ATTEST_FIELD_TD_DEVINFO = 27,   /**< body type 4, 48 bytes: hash of the device information CBOR */
    WETEE_ATTEST_FIELD_TD_INIT_SERVTD_HASH = 28, /**< body type 4, 48 bytes: initial SERVTD_HASH (or migration policy hash) */
    WETEE_ATTEST_FIELD_TD_INIT_SERVTD_ATTR = 29, /**< body type 4, 8 bytes */
    WETEE_ATTEST_FIELD_TD_INIT_CPUSVN = 30,      /**< body type 4, 16 bytes: the TD's CPUSVN at creation */
    WETEE_ATTEST_FIELD_TD_INIT_TEE_TCB_SVN = 31, /**< body type 4, 16 bytes: the TD's TEE_TCB_SVN at creation */
    WETEE_ATTEST_FIELD_TD_INIT_TEE_FMSPC = 32,   /**< body type 4, 12 bytes: model of the platform of INIT_TEE_TCB_SVN */
    WETEE_ATTEST_FIELD_TD_CUR_SERVTD_HASH = 33,  /**< body type 4, 48 bytes: SERVTD_HASH of the currently bound service TDs */
    WETEE_ATTEST_FIELD_TD_CUR_SERVTD_ATTR = 34,  /**< body type 4, 8 bytes */
    /* SEV-SNP attestation report */
    WETEE_ATTEST_FIELD_SNP_MEASUREMENT = 40,  /**< SEV-SNP, 48 bytes */
    WETEE_ATTEST_FIELD_SNP_HOST_DATA = 41,    /**< SEV-SNP, 32 bytes */
    WETEE_ATTEST_FIELD_SNP_ID_KEY_DIGEST = 42, /**< SEV-SNP, 48 bytes */
    WETEE_ATTEST_FIELD_SNP_AUTHOR_KEY_DIGEST = 43, /**< SEV-SNP, 48 bytes */
    WETEE_ATTEST_FIELD_SNP_FAMILY_ID = 44,    /**< SEV-SNP, 16 bytes */
    WETEE_ATTEST_FIELD_SNP_IMAGE_ID = 45,     /**< SEV-SNP, 16 bytes */
    WETEE_ATTEST_FIELD_SNP_CHIP_ID = 46,      /**< SEV-SNP, 64 bytes */
    WETEE_ATTEST_FIELD_SNP_REPORT_ID = 47,    /**< SEV-SNP, 32 bytes */
    WETEE_ATTEST_FIELD_SNP_GUEST_SVN = 48,    /**< SEV-SNP, u32 */
    WETEE_ATTEST_FIELD_SNP_POLICY = 49,       /**< SEV-SNP, u64 */
    WETEE_ATTEST_FIELD_SNP_VMPL = 50,         /**< SEV-SNP, u32 */
    WETEE_ATTEST_FIELD_SNP_REPORTED_TCB = 51, /**< SEV-SNP, u64 (TCB_VERSION) */
    WETEE_ATTEST_FIELD_SNP_PLATFORM_INFO = 52 /**< SEV-SNP, u64 */
} wetee_attest_field;

/** @brief Hash functions for binding REPORTDATA to a public key. */
typedef enum wetee_attest_hash {
    WETEE_ATTEST_HASH_SHA256 = 1,     /**< SHA-256 (32 bytes, then 32 zero bytes) */
    WETEE_ATTEST_HASH_SHA384 = 2,     /**< SHA-384 (48 bytes, then 16 zero bytes) */
    WETEE_ATTEST_HASH_SHA512 = 3,     /**< SHA-512 (64 bytes) */
    WETEE_ATTEST_HASH_BLAKE2B_256 = 4 /**< BLAKE2b-256 (32 bytes, then 32 zero bytes) */
} wetee_attest_hash;

/**
 * @brief Collateral items (wetee_attest_collateral_set()).
 *
 * Certificates and chains are PEM (any order in issuer chains); CRLs are
 * PEM, DER or hex text of DER; TCB Info and QE Identity are the PCS
 * response bodies `{"tcbInfo":{...},"signature":"<hex>"}` and
 * `{"enclaveIdentity":{...},"signature":"<hex>"}`, signed over the raw
 * bytes of the inner object.
 */
typedef enum wetee_attest_item {
    WETEE_ATTEST_ITEM_ROOT_CA_CRL = 1,          /**< Intel Root CA CRL */
    WETEE_ATTEST_ITEM_PCK_CRL = 2,              /**< PCK CRL (Platform or Processor CA) */
    WETEE_ATTEST_ITEM_PCK_CRL_ISSUER_CHAIN = 3, /**< PCK CA ‖ Root, PEM */
    WETEE_ATTEST_ITEM_TCB_INFO = 4,             /**< PCS TCB Info response body */
    WETEE_ATTEST_ITEM_TCB_INFO_ISSUER_CHAIN = 5, /**< TCB Signing ‖ Root, PEM */
    WETEE_ATTEST_ITEM_QE_IDENTITY = 6,          /**< PCS QE Identity response body */
    WETEE_ATTEST_ITEM_QE_IDENTITY_ISSUER_CHAIN = 7, /**< TCB Signing ‖ Root, PEM */
    WETEE_ATTEST_ITEM_PCK_CERT_CHAIN = 8,       /**< PCK leaf [‖ PCK CA [‖ Root]], PEM: for quotes whose certification data is not a chain (types 1-4) */
    WETEE_ATTEST_ITEM_SNP_VCEK = 20,            /**< SEV-SNP VCEK or VLEK certificate, DER or PEM */
    WETEE_ATTEST_ITEM_SNP_CERT_CHAIN = 21,      /**< SEV-SNP ASK (or ASVK) ‖ ARK, PEM */
    WETEE_ATTEST_ITEM_SNP_CRL = 22              /**< SEV-SNP CRL signed by the ARK, DER or PEM */
} wetee_attest_item;

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Name of a TCB status as Intel writes it ("UpToDate",
 *        "ConfigurationAndSWHardeningNeeded", "TCBNotSupported", ...).
 * @param status a wetee_attest_tcb_status (any int is accepted).
 * @return a static string; "Unknown" for values outside the enum. Never NULL.
 */
WETEE_API const char *wetee_attest_tcb_status_name(int status);

/**
 * @brief Name of a check ("quote_signature", "tdx_module", ...), as used in
 *        the result JSON.
 * @param check a wetee_attest_check (any int is accepted).
 * @return a static string; "unknown" outside the enum. Never NULL.
 */
WETEE_API const char *wetee_attest_check_name(int check);

/* ------------------------------------------------------------------ */
/* Trust anchors                                                       */
/* ------------------------------------------------------------------ */

/**
 * @brief New trust anchors holding the built-in pins: the Intel SGX Root CA
 *        (production, pinned by its public key) and the AMD ARKs of the
 *        products this build knows.
 * @param out receives the anchors; free with wetee_attest_anchors_free().
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_anchors_new(wetee_attest_anchors **out);

/**
 * @brief Release anchors.
 * @param anchors the anchors, or NULL (no-op).
 */
WETEE_API void wetee_attest_anchors_free(wetee_attest_anchors *anchors);

/**
 * @brief Replace the Intel root that DCAP chains must end at.
 *
 * The root certificate of every PCK, TCB Info and QE Identity chain must
 * carry this public key and be validly self-signed. Use it for Intel's
 * synthetic test root or a private PCCS root.
 * @param anchors the anchors to change.
 * @param data a certificate (PEM or DER) or a raw uncompressed P-256 public
 *        key (65 bytes, `04 ‖ x ‖ y`).
 * @param len length of `data` in bytes (at most
 *        WETEE_ATTEST_MAX_COLLATERAL_ITEM).
 * @return WETEE_OK; WETEE_ERR_DECODE (not a certificate or P-256 key);
 *         WETEE_ERR_TOO_LONG; WETEE_ERR_INVALID_ARGUMENT (NULL pointer).
 */
WETEE_API int wetee_attest_anchors_set_intel_root(wetee_attest_anchors *anchors, const uint8_t *data, size_t len);

/* ---- SEV-SNP anchors (src/attest/snp_attest.c) ---- */

/**
 * @brief Replace AMD's root key (ARK) for one SEV-SNP product.
 *
 * Without this call the ARK of each product is pinned by the SHA-256 of
 * AMD's certificate (Milan, Genoa, Turin; see attest_snp.h) and must come
 * with the evidence or collateral. Once set, the chain's ARK must equal
 * this certificate (or the chain may omit the ARK).
 * @param anchors the anchors to change.
 * @param product a wetee_snp_product: 1 Milan, 2 Genoa, 3 Turin.
 * @param data the ARK certificate, PEM or DER.
 * @param len length of `data` in bytes.
 * @return WETEE_OK; WETEE_ERR_DECODE (not a certificate); WETEE_ERR_TOO_LONG;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL pointer, unknown product).
 */
WETEE_API int wetee_attest_anchors_set_amd_ark(wetee_attest_anchors *anchors, int product, const uint8_t *data,
                                               size_t len);

/* ------------------------------------------------------------------ */
/* Collateral                                                          */
/* ------------------------------------------------------------------ */

/**
 * @brief New empty collateral.
 * @param out receives it; free with wetee_attest_collateral_free().
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_collateral_new(wetee_attest_collateral **out);

/**
 * @brief Parse a DCAP collateral bundle in the PCCS/dcap-qvl
 *        `QuoteCollateralV3` JSON form: `pck_crl_issuer_chain`,
 *        `root_ca_crl` (hex of DER), `pck_crl` (hex of DER),
 *        `tcb_info_issuer_chain`, `tcb_info` (the raw tcbInfo object as a
 *        string), `tcb_info_signature` (hex), `qe_identity_issuer_chain`,
 *        `qe_identity` (raw enclaveIdentity object as a string),
 *        `qe_identity_signature` (hex). Unknown keys are ignored; an
 *        optional `pck_certificate_chain` (PEM) is read as
 *        WETEE_ATTEST_ITEM_PCK_CERT_CHAIN.
 *
 * The items are parsed (JSON, PEM, DER, hex) here; their signatures are
 * checked by the first verification that uses them.
 * @param out receives the collateral; free with wetee_attest_collateral_free().
 * @param json the bundle (not necessarily NUL-terminated).
 * @param len its length (at most WETEE_ATTEST_MAX_COLLATERAL_ITEM).
 * @return WETEE_OK; WETEE_ERR_DECODE (bad JSON, a missing or mistyped key,
 *         bad hex/PEM/DER, with the key named in the detail);
 *         WETEE_ERR_TOO_LONG; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_collateral_from_json(wetee_attest_collateral **out, const char *json, size_t len);

/**
 * @brief Set (replace) one collateral item, parsing it now.
 * @param coll the collateral; not in use by a verification.
 * @param item which item (wetee_attest_item).
 * @param data the item's bytes (formats in wetee_attest_item).
 * @param len length of `data` (at most WETEE_ATTEST_MAX_COLLATERAL_ITEM).
 * @return WETEE_OK; WETEE_ERR_DECODE (malformed, with what and where);
 *         WETEE_ERR_TOO_LONG; WETEE_ERR_INVALID_ARGUMENT (NULL pointer,
 *         unknown item); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_collateral_set(wetee_attest_collateral *coll, int item, const uint8_t *data, size_t len);

/**
 * @brief Release collateral.
 * @param coll the collateral, or NULL (no-op).
 */
WETEE_API void wetee_attest_collateral_free(wetee_attest_collateral *coll);

/* ------------------------------------------------------------------ */
/* Policy                                                              */
/* ------------------------------------------------------------------ */

/**
 * @brief Caller check of REPORTDATA (wetee_attest_policy_bind_callback()).
 * @param report_data the 64 bytes of REPORTDATA of the verified report.
 * @param result the result so far (measurements readable).
 * @param ctx the caller's context.
 * @return 0 to accept; any other value rejects with
 *         WETEE_ATTEST_CHECK_REPORT_DATA.
 */
typedef int (*wetee_attest_report_data_fn)(const uint8_t report_data[64], const wetee_attest_result *result,
                                           void *ctx);

/**
 * @brief New policy with the strict defaults: any TEE kind; only
 *        UpToDate accepted; no advisory accepted; debug rejected; TDs must
 *        set SEPT_VE_DISABLE and no reserved TD attribute bit, MRSERVICETD
 *        (and CUR_SERVTD_HASH of a body type 4 report) must be zero; SEV-SNP guests must not allow migration agents;
 *        expired collateral fails (strict expiry); no measurement or
 *        REPORTDATA expectation.
 * @param out receives it; free with wetee_attest_policy_free().
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_policy_new(wetee_attest_policy **out);

/**
 * @brief Build a policy from JSON. Every key is optional; unknown keys are
 *        an error (a misspelt expectation must not be silently dropped).
 *
 * @code{.json}
 * {
 *   "tee": ["sgx", "tdx", "sev-snp"],
 *   "accept_status": ["UpToDate", "SWHardeningNeeded"],
 *   "accept_advisories": ["INTEL-SA-00615"],      // or "*" for any
 *   "allow_debug": false,
 *   "strict_expiry": true,
 *   "allow_mrservicetd": false,
 *   "allow_td_attributes": "0000000000000000",   // extra TDATTRIBUTES bits allowed (hex, report order)
 *   "mrenclave": "33d8...",          // or a list: any of them
 *   "mrsigner": "815f...", "isvprodid": 0, "min_isvsvn": 0,
 *   "mrtd": "...", "rtmr0": "...", "rtmr1": "...", "rtmr2": "...", "rtmr3": "...",
 *   "mrconfigid": "...", "mrowner": "...", "mrownerconfig": "...",
 *   "measurement": "...", "host_data": "...", "min_guest_svn": 0,
 *   "snp_min_tcb": "0x1800000000000000", // TCB_VERSION, compared per component
 *   "snp_policy_mask": "0x...", "snp_policy_value": "0x...",
 *   "report_data": "0102...",                     // prefix; the rest must be zero
 *   "report_data_key": {"hash": "sha256", "key": "<hex>"},
 *   "wetee_ed25519": {"public_key": "<hex or omitted>", "max_age": 300}
 * }
 * @endcode
 * Hex accepts an optional 0x prefix. Status names are those of
 * wetee_attest_tcb_status_name(). The REPORTDATA keys are exclusive.
 * @param out receives the policy; free with wetee_attest_policy_free().
 * @param json the JSON text (not necessarily NUL-terminated).
 * @param len its length (at most WETEE_ATTEST_MAX_POLICY).
 * @return WETEE_OK; WETEE_ERR_DECODE (bad JSON, unknown key, bad value,
 *         with the key named); WETEE_ERR_TOO_LONG;
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_policy_from_json(wetee_attest_policy **out, const char *json, size_t len);

/**
 * @brief Release a policy.
 * @param policy the policy, or NULL (no-op).
 */
WETEE_API void wetee_attest_policy_free(wetee_attest_policy *policy);

/**
 * @brief Allow one TEE kind. With no call every kind is allowed; after the
 *        first call only the kinds allowed so far.
 * @param policy the policy.
 * @param tee a wetee_attest_tee other than UNKNOWN.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_attest_policy_allow_tee(wetee_attest_policy *policy, int tee);

/**
 * @brief Accept one more TCB status besides UpToDate.
 *
 * Terminal statuses (Revoked, TCB not supported, unknown) can never be
 * accepted: they give WETEE_ERR_INVALID_ARGUMENT.
 * @param policy the policy.
 * @param status a non-terminal wetee_attest_tcb_status.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_attest_policy_accept_status(wetee_attest_policy *policy, int status);

/**
 * @brief Accept one advisory ID (e.g. "INTEL-SA-00615"); "*" accepts any.
 *
 * A result whose status is accepted but which lists an advisory the policy
 * does not accept is rejected (WETEE_ATTEST_CHECK_ADVISORY_POLICY).
 * @param policy the policy.
 * @param advisory_id NUL-terminated ID, compared case-insensitively (at
 *        most 63 characters).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL, empty);
 *         WETEE_ERR_TOO_LONG; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_policy_accept_advisory(wetee_attest_policy *policy, const char *advisory_id);

/**
 * @brief Allow debug enclaves, TDs and SEV-SNP guests (never for
 *        production secrets).
 * @param policy the policy.
 * @param allow non-zero to allow, 0 to forbid (the default).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_attest_policy_allow_debug(wetee_attest_policy *policy, int allow);

/**
 * @brief Choose how expired collateral is treated.
 *
 * Strict (the default): collateral not valid at the verification time
 * fails with WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED. Non-strict (Intel QvE
 * semantics): the verification completes, the result's expiry flag is set,
 * and the verdict is what it would otherwise be.
 * @param policy the policy.
 * @param strict non-zero for strict, 0 for QvE semantics.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_attest_policy_strict_expiry(wetee_attest_policy *policy, int strict);

/**
 * @brief Expect a byte field to equal `value`. Several calls for one field
 *        form an allow-list (any of them matches); at most 64 values per
 *        field.
 * @param policy the policy.
 * @param field a byte field of wetee_attest_field (e.g. MRENCLAVE, MRTD,
 *        RTMR2, SNP_MEASUREMENT, SNP_HOST_DATA); not REPORT_DATA (use the
 *        bind functions).
 * @param value the expected bytes, in report order.
 * @param len exactly the field's size.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL, integer or unknown
 *         field, wrong length, list full); WETEE_ERR_TOO_LONG;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_policy_expect(wetee_attest_policy *policy, int field, const uint8_t *value, size_t len);

/**
 * @brief Expect an integer field to equal `value` (ISVPRODID,
 *        SNP_VMPL, SNP_GUEST_SVN, ...). A later call replaces the value.
 * @param policy the policy.
 * @param field an integer field of wetee_attest_field.
 * @param value the expected value.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (byte or unknown field).
 */
WETEE_API int wetee_attest_policy_expect_u64(wetee_attest_policy *policy, int field, uint64_t value);

/**
 * @brief Require an integer field to be at least `value`: ISVSVN (SGX),
 *        SNP_GUEST_SVN, or SNP_REPORTED_TCB (compared per TCB component in
 *        the product's layout, never as one integer).
 * @param policy the policy.
 * @param field WETEE_ATTEST_FIELD_ISVSVN, _SNP_GUEST_SVN or _SNP_REPORTED_TCB.
 * @param value the minimum.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (other field).
 */
WETEE_API int wetee_attest_policy_min_u64(wetee_attest_policy *policy, int field, uint64_t value);

/**
 * @brief Require SEV-SNP POLICY bits: `(POLICY & mask) == value`.
 * @param policy the policy.
 * @param mask the bits to look at.
 * @param value their required values (bits outside `mask` must be 0).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_attest_policy_snp_policy_bits(wetee_attest_policy *policy, uint64_t mask, uint64_t value);

/**
 * @brief Bind REPORTDATA to an expected value: its first `len` bytes must
 *        equal `value` and the remaining bytes must be zero. Replaces any
 *        other REPORTDATA binding.
 * @param policy the policy.
 * @param value the expected bytes.
 * @param len 1..64.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL, length 0 or above 64);
 *         WETEE_ERR_TOO_LONG.
 */
WETEE_API int wetee_attest_policy_bind_report_data(wetee_attest_policy *policy, const uint8_t *value, size_t len);

/**
 * @brief Bind REPORTDATA to a public key: REPORTDATA must be `hash(key)`
 *        followed by zero bytes. The key is taken as given (e.g. a 32-byte
 *        Ed25519 key, a DER SubjectPublicKeyInfo); the result reports it as
 *        the bound key. Replaces any other REPORTDATA binding.
 * @param policy the policy.
 * @param hash a wetee_attest_hash.
 * @param key the public key bytes.
 * @param key_len 1..8192.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_TOO_LONG;
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_policy_bind_key_hash(wetee_attest_policy *policy, int hash, const uint8_t *key,
                                                size_t key_len);

/**
 * @brief Bind REPORTDATA with WeTEE's Ed25519 scheme: REPORTDATA is an
 *        Ed25519 signature, by the bound key, over
 *        `BE_u64(timestamp) ‖ public_key[32] ‖ message` (over BLAKE2b-256 of
 *        those bytes when they are longer than 256, as WeTEE's signer
 *        does), where the timestamp, the key and the message come from the
 *        evidence envelope (see wetee_attest_verify_evidence()). Replaces
 *        any other REPORTDATA binding.
 * @param policy the policy.
 * @param public_key 32 bytes the bound key must equal, or NULL to accept
 *        any key (the result reports which).
 * @param max_age_seconds largest accepted `t - timestamp` (a timestamp
 *        more than 60 s in the future of `t` also fails); 0 = no age limit.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_attest_policy_bind_wetee_ed25519(wetee_attest_policy *policy, const uint8_t *public_key,
                                                     uint64_t max_age_seconds);

/**
 * @brief Bind REPORTDATA through a caller check, run after every other
 *        check passed. Replaces any other REPORTDATA binding.
 * @param policy the policy; it keeps `fn` and `ctx` (the caller keeps `ctx`
 *        alive while the policy is used).
 * @param fn the check, or NULL to remove the binding.
 * @param ctx passed to `fn` unchanged.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL policy).
 */
WETEE_API int wetee_attest_policy_bind_callback(wetee_attest_policy *policy, wetee_attest_report_data_fn fn,
                                                void *ctx);

/* ------------------------------------------------------------------ */
/* Verification                                                        */
/* ------------------------------------------------------------------ */

/**
 * @brief Verify a DCAP quote (SGX v3/v4/v5, TDX v4/v5) completely: quote
 *        structure, PCK chain to the pinned root, CRLs, TCB Info, QE
 *        Identity, QE report and quote signatures, attestation key binding,
 *        TCB level matching, TDX module identity, Intel's status rule, then
 *        the policy.
 *
 * Trailing bytes after the signature data are ignored.
 * @param out receives the result (also when the quote is rejected, so the
 *        caller can see why; NULL only when allocation failed or an argument
 *        is invalid); free with wetee_attest_result_free().
 * @param quote the quote bytes.
 * @param len its length (at most WETEE_ATTEST_MAX_EVIDENCE).
 * @param coll the collateral (its check cache is updated).
 * @param anchors trust anchors, or NULL for the built-in pins.
 * @param policy the policy, or NULL for the strict default policy.
 * @param time verification time, Unix seconds (explicit; never the clock).
 * @return WETEE_OK when the verdict is ACCEPT; WETEE_ERR_VERIFY when it is
 *         REJECT (the result says which check failed); WETEE_ERR_DECODE /
 *         WETEE_ERR_TRUNCATED / WETEE_ERR_TOO_LONG for malformed quotes
 *         (result with CHECK_PARSE); WETEE_ERR_INVALID_ARGUMENT (NULL out,
 *         quote or coll); WETEE_ERR_NO_MEMORY. wetee_last_error() names the
 *         failing check and where.
 */
WETEE_API int wetee_attest_verify_quote(wetee_attest_result **out, const uint8_t *quote, size_t len,
                                        wetee_attest_collateral *coll, const wetee_attest_anchors *anchors,
                                        const wetee_attest_policy *policy, uint64_t time);

/**
 * @brief Verify whatever evidence a WeTEE worker or pod publishes, after
 *        detecting its kind:
 *        - a raw DCAP quote (SGX or TDX);
 *        - an Open Enclave / EGo remote report (16-byte header ‖ SGX quote);
 *        - a raw SEV-SNP attestation report (1184 bytes; its VCEK/VLEK and
 *          chain come from `coll`), or one followed by its certificate
 *          table (SNP_GET_EXT_REPORT);
 *        - go-sev-guest's protobuf `sevsnp.Attestation` (report fields and
 *          certificate chain, as WeTEE's SEV-SNP workers serialise it): the
 *          raw report is rebuilt as go-sev-guest's ReportToAbiBytes does
 *          and its certificates are used like a certificate table;
 *        - WeTEE's protobuf `TeeCall` (tee-dsecret / libos-entry
 *          `tx.proto`: caller, time, tee_type, report, tx), as is or with a
 *          varint length prefix: the report (tee_type 0: Open Enclave
 *          report, 1: sevsnp.Attestation or raw SEV-SNP report, 2: DCAP TDX
 *          quote; it must match tee_type; 9999, "no TEE", is rejected) is
 *          verified with caller, time and the marshalled `tx` field as the
 *          WeTEE Ed25519 binding's key, timestamp and message;
 *        - a JSON envelope
 *          `{"evidence": "hex or base64", "timestamp": 1751000000,
 *            "public_key": "hex", "message": "hex",
 *            "collateral": {...}}` where `collateral` (optional) is a
 *          bundle as in wetee_attest_collateral_from_json() plus the
 *          optional SEV-SNP keys `vcek` (PEM or hex DER), `cert_chain`
 *          (PEM) and `crl`; `timestamp`, `public_key` and `message` feed
 *          the WeTEE Ed25519 binding.
 *
 * The collateral comes from `coll` when given, otherwise from the
 * envelope; with neither the call fails with WETEE_ATTEST_CHECK_COLLATERAL.
 * A `coll` made by wetee_attest_collateral_new_fetching() (attest_fetch.h)
 * fetches the collateral this evidence needs (Intel PCS/PCCS for a quote
 * with a PCK chain, AMD KDS for a SEV-SNP report) or takes it from its
 * caches; a fetch failure is a rejection with WETEE_ATTEST_CHECK_COLLATERAL.
 * @param out receives the result (see wetee_attest_verify_quote()); its
 *        bound key is the key the REPORTDATA binding established.
 * @param evidence the evidence bytes.
 * @param len its length (at most WETEE_ATTEST_MAX_EVIDENCE).
 * @param coll collateral, or NULL to use the envelope's.
 * @param anchors trust anchors, or NULL for the built-in pins.
 * @param policy the policy, or NULL for the strict default policy.
 * @param time verification time, Unix seconds.
 * @return as wetee_attest_verify_quote().
 */
WETEE_API int wetee_attest_verify_evidence(wetee_attest_result **out, const uint8_t *evidence, size_t len,
                                           wetee_attest_collateral *coll, const wetee_attest_anchors *anchors,
                                           const wetee_attest_policy *policy, uint64_t time);

/* ------------------------------------------------------------------ */
/* Results                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Release a result.
 * @param result the result, or NULL (no-op).
 */
WETEE_API void wetee_attest_result_free(wetee_attest_result *result);

/**
 * @brief The verdict.
 * @param result a result (NULL gives REJECT).
 * @return WETEE_ATTEST_ACCEPT or WETEE_ATTEST_REJECT.
 */
WETEE_API int wetee_attest_result_verdict(const wetee_attest_result *result);

/**
 * @brief Kind of TEE of the evidence.
 * @param result a result (NULL gives UNKNOWN).
 * @return a wetee_attest_tee.
 */
WETEE_API int wetee_attest_result_tee(const wetee_attest_result *result);

/**
 * @brief Intel's status code for DCAP evidence, as QvE reports it:
 *        `sgx_ql_qv_result_t` (0x0000 OK, 0xA001..0xA00A) for non-terminal
 *        outcomes, the `quote3_error_t` (0xE0xx, e.g. 0xE066
 *        TCB_NOT_SUPPORTED, 0xE068 invalid signature) for terminal ones.
 *        For SEV-SNP: 0x0000 when every check passed, else 0xA006.
 *
 * Terminal codes follow QvE's mapping of QVL statuses
 * (`status_error_to_quote3_error()` in QvE's qve.cpp):
 * | failure | code |
 * | --- | --- |
 * | quote malformed, truncated, unknown version/TEE/body type, QE vendor ID not Intel's | 0xE01D QUOTE_FORMAT_UNSUPPORTED |
 * | certification data of a type other than 1-5 (inner) or 6 (outer) | 0xE01C QUOTE_CERTIFICATION_DATA_UNSUPPORTED |
 * | collateral missing; evidence that is no quote/report/envelope | 0xE002 INVALID_PARAMETER |
 * | PCK chain invalid or not ending at the pinned root | 0xE022 PCK_CERT_CHAIN_ERROR |
 * | PCK certificate without the SGX extension or a P-256 key | 0xE021 PCK_CERT_UNSUPPORTED_FORMAT |
 * | TCB Info issuer chain invalid or untrusted, TCB Info signature | 0xE03A TCBINFO_CHAIN_ERROR |
 * | QE Identity issuer chain invalid or untrusted, QE Identity signature | 0xE039 QEIDENTITY_CHAIN_ERROR |
 * | TCB Info of another FMSPC/PCE-ID or kind | 0xE024 TCBINFO_MISMATCH |
 * | QE report not matching the QE Identity; QE Identity of another kind | 0xE026 QEIDENTITY_MISMATCH |
 * | PCK, PCK CA or TCB Signing certificate revoked | 0xE031 PCK_REVOKED |
 * | a CRL's signature, the quote signature | 0xE068 RESULT_INVALID_SIGNATURE |
 * | QE report signature | 0xE01F QE_REPORT_INVALID_SIGNATURE |
 * | a CRL whose issuer is not the expected CA (QVL STATUS_SGX_CRL_UNKNOWN_ISSUER), QE REPORTDATA not binding the attestation key (STATUS_INVALID_QE_REPORT_DATA): QvE maps neither | 0xE001 UNEXPECTED |
 * | a CRL without readable dates | 0xE038 CRL_UNSUPPORTED_FORMAT |
 * | TDX module identity | 0xE060 TDX_MODULE_MISMATCH |
 * | no TCB level matches / Revoked level | 0xE066 TCB_NOT_SUPPORTED / 0xE032 TCB_REVOKED |
 * Policy rejections (debug, measurements, REPORTDATA, ...) keep Intel's
 * verdict code, since QvE does not look at the workload.
 * @param result a result (NULL gives 0xA006 UNSPECIFIED).
 * @return the code.
 */
WETEE_API uint32_t wetee_attest_result_status_code(const wetee_attest_result *result);

/**
 * @brief The converged TCB status.
 * @param result a result (NULL gives WETEE_ATTEST_TCB_UNKNOWN).
 * @return a wetee_attest_tcb_status.
 */
WETEE_API int wetee_attest_result_tcb_status(const wetee_attest_result *result);

/**
 * @brief The check that failed (WETEE_ATTEST_CHECK_NONE when accepted).
 * @param result a result (NULL gives PARSE).
 * @return a wetee_attest_check.
 */
WETEE_API int wetee_attest_result_failed_check(const wetee_attest_result *result);

/**
 * @brief Why the verification failed, in words (what and where), or "" when
 *        accepted.
 * @param result a result (NULL gives "no result").
 * @return a string owned by the result (valid until it is freed). Never NULL.
 */
WETEE_API const char *wetee_attest_result_reason(const wetee_attest_result *result);

/**
 * @brief Number of advisory IDs (from the matched platform TCB level, TDX
 *        module level and QE Identity level, without duplicates).
 * @param result a result (NULL gives 0).
 * @return the count.
 */
WETEE_API size_t wetee_attest_result_advisory_count(const wetee_attest_result *result);

/**
 * @brief One advisory ID, e.g. "INTEL-SA-00615".
 * @param result a result.
 * @param index 0 .. count-1.
 * @return a string owned by the result, or NULL when out of range.
 */
WETEE_API const char *wetee_attest_result_advisory(const wetee_attest_result *result, size_t index);

/**
 * @brief A byte field of the verified report (also readable after a
 *        rejection once the report was parsed).
 * @param result a result.
 * @param field a wetee_attest_field.
 * @param data receives a pointer into the result (valid until it is freed).
 * @param len receives the field's size.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (the field does not exist for this
 *         TEE or the report was not parsed); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_attest_result_field(const wetee_attest_result *result, int field, const uint8_t **data,
                                        size_t *len);

/**
 * @brief An integer field (ISVPRODID, ISVSVN, SNP_GUEST_SVN, SNP_POLICY,
 *        SNP_VMPL, SNP_REPORTED_TCB, SNP_PLATFORM_INFO), or any field of at
 *        most 8 bytes read as little-endian.
 * @param result a result.
 * @param field a wetee_attest_field.
 * @param value receives the value.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_attest_result_u64(const wetee_attest_result *result, int field, uint64_t *value);

/**
 * @brief The TCB date of the matched TCB level (Unix seconds).
 * @param result a result.
 * @param time receives the date.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no level matched, or SEV-SNP);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_attest_result_tcb_date(const wetee_attest_result *result, uint64_t *time);

/**
 * @brief Collateral expiry: the earliest `nextUpdate` / `notAfter` over
 *        every collateral item and certificate used, and whether it lies
 *        at or before the verification time (QvE's
 *        `collateral_expiration_status`; also set when an item is not yet
 *        valid).
 * @param result a result.
 * @param expired receives 1 when expired, else 0; may be NULL.
 * @param earliest receives the earliest expiry (Unix seconds), 0 when not
 *        determined; may be NULL.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL result).
 */
WETEE_API int wetee_attest_result_expiry(const wetee_attest_result *result, int *expired, uint64_t *earliest);

/**
 * @brief The public key the REPORTDATA binding established (the WeTEE
 *        Ed25519 key or the hashed key), if any.
 * @param result a result.
 * @param key receives a pointer into the result.
 * @param len receives its length.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (no key binding);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_attest_result_bound_key(const wetee_attest_result *result, const uint8_t **key, size_t *len);

/**
 * @brief The whole result as JSON: `verdict` ("accept"/"reject"), `tee`,
 *        `status_code`, `tcb_status`, `failed_check`, `reason`,
 *        `advisory_ids`, `tcb_date`, `collateral_expired`,
 *        `collateral_earliest_expiry`, `report_data`, `bound_key`, and the
 *        measurements by lower-case field name (hex).
 * @param out replaced with the NUL-terminated JSON.
 * @param result a result.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_attest_result_to_json(wetee_buf *out, const wetee_attest_result *result);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_ATTEST_H */
