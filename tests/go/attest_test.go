package gotest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

const sampleMRTD = "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7"

func attestSample(t *testing.T, name string) ([]byte, string) {
	t.Helper()
	d := filepath.Join(vectorsDir(t), "attestation", name)
	q, err := os.ReadFile(filepath.Join(d, "quote.bin"))
	if err != nil {
		t.Skipf("attestation/%s not found", name)
	}
	c, err := os.ReadFile(filepath.Join(d, "collateral.json"))
	if err != nil {
		t.Fatal(err)
	}
	return q, string(c)
}

// The shared samples under JSON policies, with the verdicts of
// attestation.md §7; rejections are results, malformed policies errors.
func TestAttestTDX(t *testing.T) {
	q, coll := attestSample(t, "tdx")
	r, err := wetee.AttestVerifyEvidence(q, `{"mrtd": "`+sampleMRTD+`"}`, coll, 1751000000)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Accepted() || r.Tee != "tdx" || r.StatusCode != "0x0000" || r.TcbStatus != "UpToDate" {
		t.Fatalf("unexpected result %+v", r)
	}
	if r.Measurements["mrtd"] != sampleMRTD || r.EarliestExpiry == nil || *r.EarliestExpiry != 1752919235 {
		t.Fatalf("measurements %v", r.Measurements)
	}
	r, err = wetee.AttestVerifyEvidence(q, "", coll, 1752919236)
	if err != nil || r.Accepted() || r.FailedCheck != "collateral_expired" || !r.CollateralExpired {
		t.Fatalf("expired: %+v %v", r, err)
	}
	bad := append([]byte(nil), q...)
	bad[640] ^= 1 // quote signature
	r, err = wetee.AttestVerifyEvidence(bad, "", coll, 1751000000)
	if err != nil || r.Accepted() || r.FailedCheck != "quote_signature" || r.StatusCode != "0xE068" {
		t.Fatalf("flipped signature: %+v %v", r, err)
	}
	if _, err = wetee.AttestVerifyEvidence(q, `{"mrenclav": "00"}`, coll, 1); err == nil {
		t.Fatal("a misspelt policy key was accepted")
	} else if e, ok := err.(*wetee.Error); !ok || e.Code != wetee.ErrDecode {
		t.Fatalf("policy error %v", err)
	}
}

func TestAttestSGXStatusPolicy(t *testing.T) {
	q, coll := attestSample(t, "sgx")
	r, err := wetee.AttestVerifyEvidence(q, "", coll, 1751000000)
	if err != nil || r.Accepted() || r.FailedCheck != "status_policy" || r.StatusCode != "0xA008" ||
		len(r.AdvisoryIDs) != 2 || r.AdvisoryIDs[0] != "INTEL-SA-00289" || r.AdvisoryIDs[1] != "INTEL-SA-00615" {
		t.Fatalf("strict default: %+v %v", r, err)
	}
	r, err = wetee.AttestVerifyEvidence(q, `{"accept_status": ["ConfigurationAndSWHardeningNeeded"], "accept_advisories": "*"}`, coll, 1751000000)
	if err != nil || !r.Accepted() {
		t.Fatalf("accepted policy: %+v %v", r, err)
	}
}
