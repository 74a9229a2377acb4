/**
 * @file attest_snp.h
 * @brief AMD SEV-SNP attestation reports: parsing (report versions 2, 3
 *        and 5), the VCEK/VLEK certificate chain to a pinned AMD root key
 *        (ARK) per product, the leaf certificate's TCB and hardware-ID
 *        extensions, the ECDSA P-384 report signature, the ARK's CRL, and
 *        the policy checks on the report's fields.
 *
 * Layouts and rules: AMD SEV-SNP ABI specification (report layout,
 * TCB_VERSION), AMD Versioned Chip Endorsement Key specification (KDS,
 * certificate extensions), as summarised in `attestation.md` §2 and §5 of
 * the project's shared reference.
 *
 * **Verification** (wetee_snp_verify()) follows this order, and the error
 * detail names the first check that failed:
 * 1. the report is exactly WETEE_SNP_REPORT_BYTES bytes;
 * 2. its ECDSA P-384 / SHA-384 signature over the raw bytes
 *    `report[0 .. 0x2A0)` verifies with the leaf certificate's key (R and S
 *    are 72-byte little-endian fields whose bytes 48..71 must be zero), so a
 *    change to any signed byte is a signature failure;
 * 3. every field is well-formed (wetee_snp_report_parse());
 * 4. the key the report names (SIGNING_KEY 0 = VCEK, 1 = VLEK; 7 = none is
 *    refused) matches the leaf certificate (CN `SEV-VCEK` / `SEV-VLEK`);
 * 5. the product (Milan, Genoa, Turin) is the caller's, else the report's
 *    CPUID (version 3 and later), else the leaf's productName extension;
 * 6. the ARK is AMD's root for that product, pinned by the SHA-256 of its
 *    DER (or the caller's anchor), self-signed; it signs the ASK (VCEK,
 *    CN `SEV-<product>`) or ASVK (VLEK, CN `SEV-VLEK-<product>`), which
 *    signs the leaf; every link is RSASSA-PSS with SHA-384, MGF1-SHA-384
 *    and a 48-byte salt; every certificate is valid at the verification
 *    time; the leaf key is EC P-384;
 * 7. the leaf's SPL extensions (1.3.6.1.4.1.3704.1.3.x: BL, TEE, SNP,
 *    microcode, and FMC on Turin) equal the SPLs of REPORTED_TCB, in the
 *    product's TCB layout; a VCEK's hwID extension (1.3.6.1.4.1.3704.1.4)
 *    equals CHIP_ID (its first 8 bytes on Turin, whose other 56 bytes must
 *    be zero) unless MASK_CHIP_KEY is set;
 * 8. when a CRL is given: signed by the ARK, issued by it, current at the
 *    verification time, and the ASK/ASVK serial not listed.
 *
 * Certificates and CRLs are DER or PEM. Before any DER reaches OpenSSL its
 * size (WETEE_SNP_MAX_DER_BYTES) and nesting depth (WETEE_SNP_MAX_DER_DEPTH)
 * are checked. OpenSSL 3 does the X.509, CRL and signature work.
 *
 * The verification time is always an input (Unix seconds); no function of
 * this header reads the clock.
 *
 * **Cache.** Parsed certificates and verified certificate signatures are
 * kept process-wide (32 entries each, keyed by the SHA-256 of the DER, of
 * the certificate and its issuer for a signature), so verifying many
 * reports with the same VCEK and chain parses and checks the chain once.
 * Validity periods, names, extensions, the CRL and the report signature
 * are checked at every call.
 *
 * Thread safety: every function may be called from several threads at once
 * on different outputs; inputs are only read.
 */
#ifndef WETEE_ATTEST_SNP_H
#define WETEE_ATTEST_SNP_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Size of an SEV-SNP attestation report (0x4A0). */
#define WETEE_SNP_REPORT_BYTES 1184
/** @brief Bytes of the report covered by its signature (0x2A0). */
#define WETEE_SNP_SIGNED_BYTES 672
/** @brief Largest certificate or CRL accepted (DER bytes, or PEM text of a
 *         certificate chain). */
#define WETEE_SNP_MAX_DER_BYTES 65536
/** @brief Deepest DER nesting accepted in a certificate or CRL. */
#define WETEE_SNP_MAX_DER_DEPTH 16

/** @brief AMD product lines. */
typedef enum wetee_snp_product {
    WETEE_SNP_PRODUCT_UNKNOWN = 0, /**< not known (version 2 report without a product hint) */
    WETEE_SNP_PRODUCT_MILAN = 1,   /**< EPYC 7003 (family 19h, models 00h-0Fh) */
    WETEE_SNP_PRODUCT_GENOA = 2,   /**< EPYC 9004/8004 (family 19h, models 10h-1Fh, A0h-AFh) */
    WETEE_SNP_PRODUCT_TURIN = 3    /**< EPYC 9005 (family 1Ah) */
} wetee_snp_product;

/** @brief The key that signed a report (signer info bits 4:2). */
typedef enum wetee_snp_signing_key {
    WETEE_SNP_KEY_VCEK = 0, /**< versioned chip endorsement key */
    WETEE_SNP_KEY_VLEK = 1, /**< versioned loaded endorsement key */
    WETEE_SNP_KEY_NONE = 7  /**< no signature */
} wetee_snp_signing_key;

/** @name Guest policy bits (POLICY field) */
/**@{*/
#define WETEE_SNP_POLICY_SMT (1ull << 16)               /**< SMT allowed */
#define WETEE_SNP_POLICY_RESERVED1 (1ull << 17)         /**< must be 1 */
#define WETEE_SNP_POLICY_MIGRATE_MA (1ull << 18)        /**< migration agent allowed */
#define WETEE_SNP_POLICY_DEBUG (1ull << 19)             /**< debugging allowed: the host can read guest memory */
#define WETEE_SNP_POLICY_SINGLE_SOCKET (1ull << 20)     /**< single socket only */
#define WETEE_SNP_POLICY_CXL_ALLOW (1ull << 21)         /**< CXL may be populated with guest memory */
#define WETEE_SNP_POLICY_MEM_AES_256_XTS (1ull << 22)   /**< AES-256-XTS memory encryption required */
#define WETEE_SNP_POLICY_RAPL_DIS (1ull << 23)          /**< RAPL must be disabled */
#define WETEE_SNP_POLICY_CIPHERTEXT_HIDING (1ull << 24) /**< ciphertext hiding required */
#define WETEE_SNP_POLICY_PAGE_SWAP_DISABLE (1ull << 25) /**< page swap disabled */
/**@}*/

/**
 * @brief A TCB_VERSION split into its security patch levels (SPLs).
 *
 * Milan and Genoa bytes (little-endian u64): `[BL, TEE, 0, 0, 0, 0, SNP,
 * uCode]`; Turin: `[FMC, BL, TEE, SNP, 0, 0, 0, uCode]`. `fmc` is 0 except
 * on Turin. A plain value type.
 */
typedef struct wetee_snp_tcb {
    uint64_t raw;       /**< the 8-byte field as a little-endian integer */
    uint8_t fmc;        /**< FMC SPL (Turin) */
    uint8_t bootloader; /**< boot loader SPL */
    uint8_t tee;        /**< TEE (PSP OS) SPL */
    uint8_t snp;        /**< SNP firmware SPL */
    uint8_t microcode;  /**< microcode SPL */
} wetee_snp_tcb;

/**
 * @brief Every field of an SEV-SNP attestation report (a plain value type).
 *
 * Integers are converted from little-endian; byte arrays are copied as
 * they appear in the report. `product` is derived from the CPUID bytes
 * (VERSION 3 and later), WETEE_SNP_PRODUCT_UNKNOWN otherwise; the TCB
 * fields are split with that product's layout (Milan's when unknown).
 */
typedef struct wetee_snp_report {
    uint32_t version;               /**< 0x000 VERSION: 2, 3 or 5 */
    uint32_t guest_svn;             /**< 0x004 GUEST_SVN */
    uint64_t policy;                /**< 0x008 POLICY (WETEE_SNP_POLICY_*; bits 0-7 ABI minor, 8-15 ABI major) */
    uint8_t family_id[16];          /**< 0x010 FAMILY_ID */
    uint8_t image_id[16];           /**< 0x020 IMAGE_ID */
    uint32_t vmpl;                  /**< 0x030 VMPL */
    uint32_t signature_algo;        /**< 0x034 SIGNATURE_ALGO (1 = ECDSA P-384 with SHA-384) */
    wetee_snp_tcb current_tcb;      /**< 0x038 CURRENT_TCB */
    uint64_t platform_info;         /**< 0x040 PLATFORM_INFO */
    uint32_t signer_info;           /**< 0x048 signer info, raw */
    uint8_t author_key_en;          /**< signer info bit 0: AUTHOR_KEY_EN */
    uint8_t mask_chip_key;          /**< signer info bit 1: MASK_CHIP_KEY */
    uint8_t signing_key;            /**< signer info bits 4:2 (wetee_snp_signing_key) */
    uint8_t report_data[64];        /**< 0x050 REPORT_DATA */
    uint8_t measurement[48];        /**< 0x090 MEASUREMENT */
    uint8_t host_data[32];          /**< 0x0C0 HOST_DATA */
    uint8_t id_key_digest[48];      /**< 0x0E0 ID_KEY_DIGEST */
    uint8_t author_key_digest[48];  /**< 0x110 AUTHOR_KEY_DIGEST */
    uint8_t report_id[32];          /**< 0x140 REPORT_ID */
    uint8_t report_id_ma[32];       /**< 0x160 REPORT_ID_MA */
    wetee_snp_tcb reported_tcb;     /**< 0x180 REPORTED_TCB */
    uint8_t cpuid_family;           /**< 0x188 CPUID family (VERSION >= 3) */
    uint8_t cpuid_model;            /**< 0x189 CPUID model (VERSION >= 3) */
    uint8_t cpuid_stepping;         /**< 0x18A CPUID stepping (VERSION >= 3) */
    uint8_t chip_id[64];            /**< 0x1A0 CHIP_ID (zero when MASK_CHIP_KEY is set) */
    wetee_snp_tcb committed_tcb;    /**< 0x1E0 COMMITTED_TCB */
    uint8_t current_build;          /**< 0x1E8 CURRENT_BUILD */
    uint8_t current_minor;          /**< 0x1E9 CURRENT_MINOR */
    uint8_t current_major;          /**< 0x1EA CURRENT_MAJOR */
    uint8_t committed_build;        /**< 0x1EC COMMITTED_BUILD */
    uint8_t committed_minor;        /**< 0x1ED COMMITTED_MINOR */
    uint8_t committed_major;        /**< 0x1EE COMMITTED_MAJOR */
    wetee_snp_tcb launch_tcb;       /**< 0x1F0 LAUNCH_TCB */
    uint64_t launch_mit_vector;     /**< 0x1F8 LAUNCH_MIT_VECTOR (VERSION 5) */
    uint64_t current_mit_vector;    /**< 0x200 CURRENT_MIT_VECTOR (VERSION 5) */
    uint8_t signature_r[72];        /**< 0x2A0 signature R, little-endian */
    uint8_t signature_s[72];        /**< 0x2E8 signature S, little-endian */
    wetee_snp_product product;      /**< product from the CPUID bytes, or UNKNOWN */
} wetee_snp_report;

/**
 * @brief WETEE_SNP_REPORT_BYTES as a function, for bindings.
 * @return 1184.
 */
WETEE_API size_t wetee_snp_report_bytes(void);

/**
 * @brief Static name of a product: "Milan", "Genoa", "Turin" or "unknown".
 * @param product a wetee_snp_product (any int is accepted).
 * @return a static string owned by libwetee; never NULL.
 */
WETEE_API const char *wetee_snp_product_name(int product);

/**
 * @brief Split an 8-byte TCB_VERSION into its SPLs with the product's layout.
 * @param out receives the SPLs and `raw`.
 * @param tcb the field as a little-endian integer.
 * @param product the layout: Turin's, or Milan/Genoa's for any other value.
 * @return WETEE_OK, or WETEE_ERR_INVALID_ARGUMENT (NULL out).
 */
WETEE_API int wetee_snp_tcb_split(wetee_snp_tcb *out, uint64_t tcb, wetee_snp_product product);

/**
 * @brief Parse an SEV-SNP attestation report strictly, without checking
 *        its signature.
 *
 * Accepts VERSION 2, 3 and 5 with SIGNATURE_ALGO 1 and requires every
 * reserved field to be zero: 0x04C, signer info bits 31:5, 0x18B-0x19F
 * (0x188-0x19F before VERSION 3), 0x1EB, 0x1EF, 0x1F8-0x207 before VERSION
 * 5, 0x208-0x29F, bytes 48..71 of R and S and the signature's reserved
 * tail 0x330-0x49F. POLICY bit 17 must be set and SIGNING_KEY must be 0, 1
 * or 7. On Turin (CPUID family 1Ah) bytes 8..63 of CHIP_ID must be zero.
 * @param out receives the fields; zeroed on failure.
 * @param data the report bytes; may be NULL when `len` is 0.
 * @param len exactly WETEE_SNP_REPORT_BYTES.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED (shorter); WETEE_ERR_TRAILING
 *         (longer); WETEE_ERR_UNSUPPORTED (another VERSION or
 *         SIGNATURE_ALGO); WETEE_ERR_DECODE (a reserved field not zero, a
 *         reserved signing key; the offset is in the detail);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out, NULL data with len > 0);
 *         WETEE_ERR_TOO_LONG (len above PTRDIFF_MAX).
 */
WETEE_API int wetee_snp_report_parse(wetee_snp_report *out, const uint8_t *data, size_t len);

/**
 * @brief Write the report as a JSON object (hex byte fields, decimal
 *        integers; TCBs as objects with their SPLs).
 * @param out replaced with the NUL-terminated JSON text.
 * @param report a parsed report.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL pointer);
 *         WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_snp_report_to_json(wetee_buf *out, const wetee_snp_report *report);

/**
 * @brief Options of wetee_snp_verify(). Start from WETEE_SNP_VERIFY_OPTS_INIT.
 */
typedef struct wetee_snp_verify_opts {
    unsigned version;          /**< WETEE_SNP_VERIFY_OPTS_VERSION */
    int64_t time;              /**< verification time, Unix seconds (required: 0 is refused) */
    wetee_snp_product product; /**< expected product; UNKNOWN: from the report's CPUID, else the leaf's productName */
    const uint8_t *ark;        /**< trust anchor replacing AMD's pinned ARK (DER or PEM), or NULL */
    size_t ark_len;            /**< bytes at `ark` */
    const uint8_t *crl;        /**< CRL signed by the ARK (DER or PEM), or NULL for none */
    size_t crl_len;            /**< bytes at `crl` */
} wetee_snp_verify_opts;

/** @brief Current version of wetee_snp_verify_opts. */
#define WETEE_SNP_VERIFY_OPTS_VERSION 1
/** @brief Initialiser of wetee_snp_verify_opts: no time (must be set), product from the evidence, AMD's ARKs, no CRL. */
#define WETEE_SNP_VERIFY_OPTS_INIT { WETEE_SNP_VERIFY_OPTS_VERSION, 0, WETEE_SNP_PRODUCT_UNKNOWN, NULL, 0, NULL, 0 }

/**
 * @brief Verify an SEV-SNP report: signature, certificate chain, leaf
 *        extensions, CRL (see the steps in this header's description).
 *
 * Workload checks (measurement, debug policy, report data, minimum TCB)
 * are not part of this call: they belong to the attestation policies of
 * the attest module, which verify SEV-SNP evidence through this function's
 * checks.
 * @param out receives the parsed report when the verification succeeds,
 *        with `product` set to the product verified (also for VERSION 2);
 *        zeroed on failure. May be NULL.
 * @param report the report bytes (WETEE_SNP_REPORT_BYTES).
 * @param report_len bytes at `report`.
 * @param leaf the VCEK or VLEK certificate, DER or PEM.
 * @param leaf_len bytes at `leaf` (at most WETEE_SNP_MAX_DER_BYTES).
 * @param chain the ASK (or ASVK) and ARK certificates, PEM in either order
 *        (AMD KDS `cert_chain`) or one DER certificate followed by another.
 * @param chain_len bytes at `chain` (at most 2 * WETEE_SNP_MAX_DER_BYTES).
 * @param opts options; `time` must be set.
 * @return WETEE_OK; WETEE_ERR_VERIFY (a signature, the chain, a validity
 *         period, an extension, the key type, the product or the CRL does
 *         not check out: the detail says which); the parse errors of
 *         wetee_snp_report_parse(); WETEE_ERR_DECODE (a certificate or CRL
 *         that does not parse); WETEE_ERR_DEPTH (DER nested deeper than
 *         WETEE_SNP_MAX_DER_DEPTH); WETEE_ERR_TOO_LONG (a certificate above
 *         the size limit); WETEE_ERR_INVALID_ARGUMENT (NULL pointers, no
 *         time, unknown option version or product); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_snp_verify(wetee_snp_report *out, const uint8_t *report, size_t report_len,
                               const uint8_t *leaf, size_t leaf_len, const uint8_t *chain,
                               size_t chain_len, const wetee_snp_verify_opts *opts);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_ATTEST_SNP_H */
