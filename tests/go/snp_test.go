package gotest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// The go-sev-guest SEV-SNP sample of attestation.md §7: Milan, VERSION 2,
// DEBUG set, VCEK valid 1663980928..1884905728.
const (
	snpT         = 1700000000
	snpVCEKFrom  = 1663980928
	snpVCEKUntil = 1884905728
)

func snpSample(t *testing.T) (report, vcek, milan, genoa []byte) {
	t.Helper()
	dir := os.Getenv("WETEE_VECTORS_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "vectors")
	}
	d := filepath.Join(dir, "attestation", "snp")
	read := func(n string) []byte {
		b, err := os.ReadFile(filepath.Join(d, n))
		if err != nil {
			t.Skipf("SKIP attestation/snp vectors absent: %v", err)
		}
		return b
	}
	return read("report.bin"), read("vcek.der"), read("ask_ark_milan.pem"), read("ask_ark_genoa.pem")
}

func TestSNPParseAndVerify(t *testing.T) {
	report, vcek, milan, genoa := snpSample(t)
	r, err := wetee.SNPReportParse(report)
	if err != nil {
		t.Fatal(err)
	}
	if r.Version != 2 || r.Debug != 1 || r.Policy != 0xB0000 || r.ReportedTCB.SNP != 5 || r.ReportedTCB.Microcode != 68 ||
		!strings.HasPrefix(r.Measurement, "b07af9620f3b839b") || r.ReportData != "0102030405"+strings.Repeat("00", 59) ||
		r.Product != "unknown" {
		t.Fatalf("parsed %+v", r)
	}
	v, err := wetee.SNPVerify(report, vcek, milan, snpT, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v.Product != "Milan" || v.Measurement != r.Measurement {
		t.Fatalf("verified %+v", v)
	}
	if _, err := wetee.SNPVerify(report, vcek, milan, snpVCEKUntil, &wetee.SNPVerifyOptions{Product: wetee.SNPProductMilan}); err != nil {
		t.Fatal(err)
	}
	for _, tm := range []int64{snpVCEKFrom - 1, snpVCEKUntil + 1} {
		_, err := wetee.SNPVerify(report, vcek, milan, tm, nil)
		wantError(t, err, wetee.ErrVerify, "VCEK certificate")
	}
	_, err = wetee.SNPVerify(report, vcek, genoa, snpT, nil)
	wantError(t, err, wetee.ErrVerify, "untrusted root")
	for _, off := range []int{0x000, 0x050, 0x090, 0x1a0, 0x29f, 0x2a0} {
		bad := append([]byte(nil), report...)
		bad[off] ^= 1
		_, err := wetee.SNPVerify(bad, vcek, milan, snpT, nil)
		wantError(t, err, wetee.ErrVerify, "signature does not verify")
	}
	_, err = wetee.SNPReportParse(report[:100])
	wantError(t, err, wetee.ErrTruncated, "truncated")
	_, err = wetee.SNPReportParse(append(append([]byte(nil), report...), 0))
	wantError(t, err, wetee.ErrTrailing)
	if wetee.SNPProductTurin.String() != "Turin" {
		t.Fatal("product name")
	}
}
