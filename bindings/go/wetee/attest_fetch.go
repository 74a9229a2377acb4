package wetee

import (
	"runtime"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// AttestFetcher fetches attestation collateral (include/wetee/attest_fetch.h):
// Intel PCS v4 or a PCCS and AMD KDS over HTTPS with TLS verified, cached in
// memory and, with a cache directory, on disk until each item's
// nextUpdate/notAfter. Safe for concurrent use.
type AttestFetcher struct{ h uintptr }

// AttestFetchOptions configures NewAttestFetcher; the zero value of a field
// takes the default given with it.
type AttestFetchOptions struct {
	PcsURL       string // "": https://api.trustedservices.intel.com (a PCCS base works too)
	RootCaCrlURL string // "": Intel's with the default PCS, {PcsURL}/sgx/certification/v4/rootcacrl otherwise
	KdsURL       string // "": https://kdsintf.amd.com
	CacheDir     string // "": memory only
	CaFile       string // "": the system's CA certificates
	Update       string // PCS "update" parameter: "early", "standard" or ""
	TimeoutMs    uint   // 0: 30000
	MaxResponse  uint   // 0: 1 MiB
	SnpProduct   int    // product for SEV-SNP reports that do not name it (1 Milan, 2 Genoa, 3 Turin), 0: none
	SnpNoCrl     bool   // do not fetch AMD's CRL
}

// NewAttestFetcher makes a fetcher (ErrUnsupported in a build without the
// network parts).
func NewAttestFetcher(o *AttestFetchOptions) (*AttestFetcher, error) {
	if o == nil {
		o = &AttestFetchOptions{}
	}
	noCrl := 0
	if o.SnpNoCrl {
		noCrl = 1
	}
	var h uintptr
	if err := check(cwetee.Attest_fetcher_new(&h, o.PcsURL, o.RootCaCrlURL, o.KdsURL, o.CacheDir, o.CaFile,
		o.Update, o.TimeoutMs, o.MaxResponse, o.SnpProduct, noCrl)); err != nil {
		return nil, err
	}
	f := &AttestFetcher{h: h}
	runtime.SetFinalizer(f, func(f *AttestFetcher) { f.Close() })
	return f, nil
}

// Close releases the fetcher (also done by a finalizer).
func (f *AttestFetcher) Close() {
	if f != nil && f.h != 0 {
		cwetee.Attest_fetcher_free(f.h)
		f.h = 0
	}
}

// Requests is the number of HTTP requests made so far (cache hits make none).
func (f *AttestFetcher) Requests() uint64 {
	r := cwetee.Attest_fetcher_requests(f.h)
	runtime.KeepAlive(f)
	return r
}

// VerifyEvidence is AttestVerifyEvidence with the collateral for the
// evidence taken from this fetcher. A fetch failure is a rejection with
// FailedCheck "collateral", not an error.
func (f *AttestFetcher) VerifyEvidence(evidence []byte, policyJSON string, time uint64) (*AttestResult, error) {
	var text string
	err := check(cwetee.Attest_verify_evidence_fetch_json(&text, evidence, policyJSON, f.h, time))
	runtime.KeepAlive(f)
	if err != nil {
		return nil, err
	}
	return parseAttestResult(text)
}
