package wetee

import (
	"encoding/json"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// SNPProduct is an AMD product line (wetee_snp_product).
type SNPProduct int

// AMD product lines.
const (
	SNPProductUnknown SNPProduct = 0 // take it from the report's CPUID or the leaf's productName
	SNPProductMilan   SNPProduct = 1
	SNPProductGenoa   SNPProduct = 2
	SNPProductTurin   SNPProduct = 3
)

// SNPReportBytes is the size of an SEV-SNP attestation report.
const SNPReportBytes = 1184

// String is "Milan", "Genoa", "Turin" or "unknown".
func (p SNPProduct) String() string { return cwetee.Snp_product_name(int(p)) }

// SNPTCB is a TCB_VERSION split into its security patch levels.
type SNPTCB struct {
	Raw        string `json:"raw"` // 16 hex digits, the little-endian u64
	FMC        uint8  `json:"fmc"` // Turin only
	Bootloader uint8  `json:"bootloader"`
	TEE        uint8  `json:"tee"`
	SNP        uint8  `json:"snp"`
	Microcode  uint8  `json:"microcode"`
}

// SNPReport holds every field of an SEV-SNP attestation report; byte
// fields are lower-case hex in report order.
type SNPReport struct {
	Version          uint32 `json:"version"`
	GuestSVN         uint32 `json:"guest_svn"`
	Policy           uint64 `json:"policy"`
	Debug            uint8  `json:"debug"` // POLICY bit 19
	FamilyID         string `json:"family_id"`
	ImageID          string `json:"image_id"`
	VMPL             uint32 `json:"vmpl"`
	SignatureAlgo    uint32 `json:"signature_algo"`
	CurrentTCB       SNPTCB `json:"current_tcb"`
	PlatformInfo     uint64 `json:"platform_info"`
	AuthorKeyEn      uint8  `json:"author_key_en"`
	MaskChipKey      uint8  `json:"mask_chip_key"`
	SigningKey       uint8  `json:"signing_key"` // 0 VCEK, 1 VLEK, 7 none
	ReportData       string `json:"report_data"`
	Measurement      string `json:"measurement"`
	HostData         string `json:"host_data"`
	IDKeyDigest      string `json:"id_key_digest"`
	AuthorKeyDigest  string `json:"author_key_digest"`
	ReportID         string `json:"report_id"`
	ReportIDMA       string `json:"report_id_ma"`
	ReportedTCB      SNPTCB `json:"reported_tcb"`
	CPUIDFamily      uint8  `json:"cpuid_family"`
	CPUIDModel       uint8  `json:"cpuid_model"`
	CPUIDStepping    uint8  `json:"cpuid_stepping"`
	ChipID           string `json:"chip_id"`
	CommittedTCB     SNPTCB `json:"committed_tcb"`
	CurrentBuild     uint8  `json:"current_build"`
	CurrentMinor     uint8  `json:"current_minor"`
	CurrentMajor     uint8  `json:"current_major"`
	CommittedBuild   uint8  `json:"committed_build"`
	CommittedMinor   uint8  `json:"committed_minor"`
	CommittedMajor   uint8  `json:"committed_major"`
	LaunchTCB        SNPTCB `json:"launch_tcb"`
	LaunchMitVector  uint64 `json:"launch_mit_vector"`
	CurrentMitVector uint64 `json:"current_mit_vector"`
	SignatureR       string `json:"signature_r"` // little-endian, as in the report
	SignatureS       string `json:"signature_s"`
	Product          string `json:"product"` // "Milan", "Genoa", "Turin" or "unknown"
}

func snpReport(text string) (*SNPReport, error) {
	var r SNPReport
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// SNPReportParse reads every field of a 1184-byte report (VERSION 2, 3 or
// 5) strictly, without checking its signature: ErrTruncated, ErrTrailing,
// ErrUnsupported (version, algorithm), ErrDecode (a reserved field).
func SNPReportParse(report []byte) (*SNPReport, error) {
	var s string
	if err := check(cwetee.Snp_report_json_(&s, report)); err != nil {
		return nil, err
	}
	return snpReport(s)
}

// SNPVerifyOptions are the optional inputs of SNPVerify.
type SNPVerifyOptions struct {
	Product SNPProduct // expected product; Unknown: from the report / leaf
	ARK     []byte     // replaces AMD's pinned root key (DER or PEM)
	CRL     []byte     // AMD's CRL for the product (DER or PEM)
}

// SNPVerify verifies a report with its VCEK/VLEK certificate (leaf, DER or
// PEM) and the ASK/ASVK and ARK (chain, PEM) at time (Unix seconds): the
// ECDSA P-384 signature over the raw report, the chain to AMD's root key
// pinned per product (RSA-PSS SHA-384), the leaf's TCB and hwID
// extensions, and the CRL when given. ErrVerify names the failing check.
// The result's Product is the product verified.
func SNPVerify(report, leaf, chain []byte, time int64, opts *SNPVerifyOptions) (*SNPReport, error) {
	var o SNPVerifyOptions
	if opts != nil {
		o = *opts
	}
	var s string
	if err := check(cwetee.Snp_verify_json_(&s, report, leaf, chain, time, int(o.Product), o.ARK, o.CRL)); err != nil {
		return nil, err
	}
	return snpReport(s)
}
