package wetee

import (
	"encoding/json"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// AttestResult is the outcome of AttestVerifyEvidence (the result JSON of
// wetee_attest_result_to_json). Measurements holds every report field by its
// lower-case name ("mrtd", "rtmr0", "mrenclave", "report_data", ...): hex
// strings for byte fields, numbers for integer fields.
type AttestResult struct {
	Verdict           string         `json:"verdict"`     // "accept" or "reject"
	Tee               string         `json:"tee"`         // "sgx", "tdx", "sev-snp", "unknown"
	StatusCode        string         `json:"status_code"` // Intel's code, e.g. "0x0000", "0xA008", "0xE066"
	TcbStatus         string         `json:"tcb_status"`  // e.g. "UpToDate", "TCBNotSupported"
	FailedCheck       string         `json:"failed_check"`
	Reason            string         `json:"reason"`
	AdvisoryIDs       []string       `json:"advisory_ids"`
	TcbDate           *int64         `json:"tcb_date"`
	CollateralExpired bool           `json:"collateral_expired"`
	EarliestExpiry    *int64         `json:"collateral_earliest_expiry"`
	BoundKey          *string        `json:"bound_key"`
	ReportData        string         `json:"report_data"`
	Measurements      map[string]any `json:"-"`
}

// Accepted reports whether the verdict is "accept".
func (r *AttestResult) Accepted() bool { return r != nil && r.Verdict == "accept" }

// AttestVerifyEvidence verifies evidence (a DCAP quote, an Open Enclave
// report, or a WeTEE JSON envelope) at time (Unix seconds) under policyJSON
// ("" for the strict default) with collateralJSON (a PCCS-style bundle, ""
// for the one inside the envelope). A rejection is a result, not an error;
// errors are malformed policy or collateral JSON (ErrDecode).
func AttestVerifyEvidence(evidence []byte, policyJSON, collateralJSON string, time uint64) (*AttestResult, error) {
	var text string
	if err := check(cwetee.Attest_verify_evidence_json(&text, evidence, policyJSON, collateralJSON, time)); err != nil {
		return nil, err
	}
	return parseAttestResult(text)
}

// parseAttestResult reads the result JSON of wetee_attest_result_to_json.
func parseAttestResult(text string) (*AttestResult, error) {
	var r AttestResult
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		return nil, &Error{Code: ErrInternal, Detail: "attest: result JSON: " + err.Error()}
	}
	if err := json.Unmarshal([]byte(text), &r.Measurements); err != nil {
		return nil, &Error{Code: ErrInternal, Detail: "attest: result JSON: " + err.Error()}
	}
	return &r, nil
}
