package gotest

import (
	"bufio"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// Collateral fetching through the Go binding (AttestFetcher), against
// tests/attest_fetch/pcs_server.py, a local PCS/KDS stand-in serving the
// shared samples (the C test covers caching, expiry and failures in more
// detail).

func pcsServer(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "attest_fetch"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("python3", filepath.Join(dir, "pcs_server.py"), vectorsDir(t))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	port, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	return "http://127.0.0.1:" + strings.TrimSpace(port)
}

func readSample(t *testing.T, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(vectorsDir(t), "attestation", rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const fetchLenient = `{"accept_status": ["ConfigurationAndSWHardeningNeeded"], "accept_advisories": "*"}`

func TestAttestFetchDcap(t *testing.T) {
	base := pcsServer(t)
	dir := t.TempDir()
	f, err := wetee.NewAttestFetcher(&wetee.AttestFetchOptions{PcsURL: base + "/sgx", CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := f.VerifyEvidence(readSample(t, "sgx/quote.bin"), fetchLenient, 1751000000)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Accepted() || r.StatusCode != "0xA008" || len(r.AdvisoryIDs) != 2 || f.Requests() != 4 {
		t.Fatalf("sgx: %+v, %d requests", r, f.Requests())
	}
	g, err := wetee.NewAttestFetcher(&wetee.AttestFetchOptions{PcsURL: base + "/sgx", CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if r, err = g.VerifyEvidence(readSample(t, "sgx/quote.bin"), fetchLenient, 1751000000); err != nil ||
		!r.Accepted() || g.Requests() != 0 {
		t.Fatalf("disk cache: %+v %v, %d requests", r, err, g.Requests())
	}
	tdx, err := wetee.NewAttestFetcher(&wetee.AttestFetchOptions{PcsURL: base + "/tdx"})
	if err != nil {
		t.Fatal(err)
	}
	defer tdx.Close()
	if r, err = tdx.VerifyEvidence(readSample(t, "tdx/quote.bin"), "", 1751000000); err != nil || !r.Accepted() ||
		r.Tee != "tdx" {
		t.Fatalf("tdx: %+v %v", r, err)
	}
	// the sgx quote's FMSPC is not on the tdx server: a rejection, not an error
	if r, err = tdx.VerifyEvidence(readSample(t, "sgx/quote.bin"), fetchLenient, 1751000000); err != nil ||
		r.Accepted() || r.FailedCheck != "collateral" || !strings.Contains(r.Reason, "HTTP 404") {
		t.Fatalf("404: %+v %v", r, err)
	}
	// a wrong issuer chain is refused
	if _, err := http.Get(base + "/__mode?m=wrongchain"); err != nil {
		t.Fatal(err)
	}
	defer http.Get(base + "/__mode?m=ok") //nolint:errcheck
	h, err := wetee.NewAttestFetcher(&wetee.AttestFetchOptions{PcsURL: base + "/sgx"})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if r, err = h.VerifyEvidence(readSample(t, "sgx/quote.bin"), fetchLenient, 1751000000); err != nil ||
		r.FailedCheck != "collateral" || !strings.Contains(r.Reason, "pinned Intel root") {
		t.Fatalf("wrong chain: %+v %v", r, err)
	}
}

func TestAttestFetchSnp(t *testing.T) {
	base := pcsServer(t)
	f, err := wetee.NewAttestFetcher(&wetee.AttestFetchOptions{KdsURL: base + "/kds", SnpProduct: 1, SnpNoCrl: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := f.VerifyEvidence(readSample(t, "snp/report.bin"), `{"allow_debug": true, "accept_status": ["OutOfDate"]}`,
		1700000000)
	if err != nil || !r.Accepted() || r.Tee != "sev-snp" || f.Requests() != 2 {
		t.Fatalf("snp: %+v %v, %d requests", r, err, f.Requests())
	}
	_, err = wetee.NewAttestFetcher(&wetee.AttestFetchOptions{PcsURL: "ftp://example.invalid"})
	wantCode(t, err, wetee.ErrInvalidArgument, "PCS URL")
	_, err = wetee.NewAttestFetcher(&wetee.AttestFetchOptions{CacheDir: "/nonexistent/wetee-cache"})
	wantCode(t, err, wetee.ErrIO, "cache_dir")
}
