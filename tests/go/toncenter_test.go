package gotest

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// The toncenter client against tests/toncenter/replay_server.py replaying
// tests/toncenter/responses.json (the C test covers the same answers in
// more detail).

const tcW5 = "0:d22ce1556a6359cddcb82ee95c95c08110591145e67b5ac70108b030dcf839de"

func replayServer(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "toncenter"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("python3", filepath.Join(dir, "replay_server.py"), filepath.Join(dir, "responses.json"))
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

func wantCode(t *testing.T, err error, code wetee.Status, detail string) {
	t.Helper()
	var e *wetee.Error
	if !errors.As(err, &e) || e.Code != code || !strings.Contains(e.Detail, detail) {
		t.Fatalf("want %v containing %q, got %v", code, detail, err)
	}
}

func seq(f func(i int) byte) []byte {
	b := make([]byte, 32)
	for i := range b {
		b[i] = f(i)
	}
	return b
}

func TestToncenter(t *testing.T) {
	base := replayServer(t)
	tc, err := wetee.NewToncenter(&wetee.ToncenterOptions{V2URL: base + "/api/v2", V3URL: base + "/api/v3",
		MaxRetries: 2, BackoffMs: 10, MaxBackoffMs: 20})
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	msg := seq(func(i int) byte { return byte(255 - 3*i) })
	txh := seq(func(i int) byte { return byte(7*i + 1) })

	boc, _ := wetee.Base64Decode("te6cckEBAQEAAgAAAEysuc0=", 0)
	if h, err := tc.SendBoc(boc); err != nil || !bytes.Equal(h, msg) {
		t.Fatalf("SendBoc %x %v", h, err)
	}
	bad, _ := wetee.Base64Decode("te6ccgEBAQEAAgAAAA==", 0)
	_, err = tc.SendBoc(bad)
	wantCode(t, err, wetee.ErrNetwork, "LITE_SERVER_UNKNOWN")

	if s, err := tc.Seqno("UQDSLOFVamNZzdy4LulclcCBEFkRReZ7WscBCLAw3Pg53h3h"); err != nil || s != 27 {
		t.Fatalf("Seqno %d %v", s, err)
	}
	if s, err := tc.Seqno("0:" + strings.Repeat("0", 63) + "1"); err != nil || s != 0 {
		t.Fatalf("Seqno of an undeployed account %d %v", s, err)
	}
	r, err := tc.RunGetMethod("UQDSLOFVamNZzdy4LulclcCBEFkRReZ7WscBCLAw3Pg53h3h", "seqno", nil)
	if err != nil || r["exit_code"] != float64(0) {
		t.Fatalf("RunGetMethod %v %v", r, err)
	}
	jw, err := tc.JettonWalletAddress("0:"+strings.Repeat("0", 62)+"10", tcW5)
	if err != nil || jw != "0:71461a638ce1450e3fcf36f0fd9d71711eadaf5d15b007ec13ed80f0d295f847" {
		t.Fatalf("JettonWalletAddress %s %v", jw, err)
	}

	a, err := tc.Account(tcW5)
	if err != nil || a.Balance.String() != "898000000123" || a.State != "active" || a.LastLt != 47000000000003 ||
		!bytes.Equal(a.LastHash, txh) {
		t.Fatalf("Account %+v %v", a, err)
	}
	if a, err := tc.Account("0:" + strings.Repeat("0", 63) + "3"); err != nil || a.State != "frozen" {
		t.Fatalf("Account after two 429 answers %+v %v", a, err)
	}
	_, err = tc.Account("0:" + strings.Repeat("0", 63) + "4")
	wantCode(t, err, wetee.ErrNetwork, "after 2 retries: Ratelimit exceed (request 3)")

	x, err := tc.FindTransaction(msg)
	if err != nil || x.Account != tcW5 || !bytes.Equal(x.Hash, txh) || !x.Success || x.Lt != 47000000000003 {
		t.Fatalf("FindTransaction %+v %v", x, err)
	}
	tr, err := tc.FindTrace(msg)
	if err != nil || !tr.Complete || tr.Transactions != 2 || tr.Failed != 0 || !bytes.Equal(tr.TraceID, txh) {
		t.Fatalf("FindTrace %+v %v", tr, err)
	}
	_, err = tc.FindTransaction(make([]byte, 32))
	wantCode(t, err, wetee.ErrNotFound, "no transaction")
	_, err = tc.FindTrace(make([]byte, 32))
	wantCode(t, err, wetee.ErrNotFound, "no trace")

	keyed, err := wetee.NewToncenter(&wetee.ToncenterOptions{V2URL: base + "/keyed/api/v2", APIKey: "test-key-123"})
	if err != nil {
		t.Fatal(err)
	}
	defer keyed.Close()
	if a, err := keyed.Account(tcW5); err != nil || a.Balance.Int64() != 7 {
		t.Fatalf("Account with the API key %+v %v", a, err)
	}
	_, err = wetee.NewToncenter(&wetee.ToncenterOptions{V2URL: "ftp://x"})
	wantCode(t, err, wetee.ErrInvalidArgument, "http")
}
