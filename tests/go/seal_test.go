package gotest

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// Attested sealing through the Go binding: the shared samples seal under a
// matching policy and are refused for a wrong measurement or a debug
// guest; boxes open with the right Ed25519/X25519 key only.

const sealMRTD = "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7"

var sealSecret = []byte("DATABASE_URL=postgres://app:s3cr3t@db/app")

func TestSealTDXSample(t *testing.T) {
	d := filepath.Join(vectorsDir(t), "attestation", "tdx")
	quote, err := os.ReadFile(filepath.Join(d, "quote.bin"))
	if err != nil {
		t.Skipf("SKIP attestation/tdx absent: %v", err)
	}
	coll, err := os.ReadFile(filepath.Join(d, "collateral.json"))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := wetee.SealVerify(quote, `{"mrtd":"`+sealMRTD+`"}`, string(coll), wetee.SealSourceReportDataX25519, 1751000000)
	if err != nil {
		t.Fatal(err)
	}
	if !rec.Accepted() || rec.Reason() != "" || rec.FailedCheck() != "none" {
		t.Fatalf("not accepted: %s", rec.Reason())
	}
	res, err := rec.Result()
	if err != nil || res.Verdict != "accept" || res.Measurements["mrtd"] != sealMRTD {
		t.Fatalf("result %+v %v", res, err)
	}
	key, kind, err := rec.BoundKey()
	rd, _ := hex.DecodeString(res.ReportData)
	if err != nil || kind != wetee.SealKeyX25519 || !bytes.Equal(key, rd[:32]) {
		t.Fatalf("bound key %x kind %d: %v", key, kind, err)
	}
	box, err := rec.Seal(sealSecret)
	if err != nil || len(box) != len(sealSecret)+wetee.SealOverhead {
		t.Fatalf("seal: %d bytes, %v", len(box), err)
	}
	_, err = wetee.SealOpen(box, bytes.Repeat([]byte{0x11}, 32), wetee.SealKeyX25519)
	wantError(t, err, wetee.ErrVerify, "does not open")

	// a wrong measurement: refused, and sealing says why
	rec, err = wetee.SealVerify(quote, `{"mrtd":"`+sealMRTD+`","rtmr0":"`+sealMRTD+`"}`, string(coll),
		wetee.SealSourceReportDataX25519, 1751000000)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Accepted() || rec.FailedCheck() != "measurement" || !strings.HasPrefix(rec.Reason(), "measurement: ") {
		t.Fatalf("want refusal for the measurement, got %v %q", rec.Accepted(), rec.Reason())
	}
	_, err = rec.Seal(sealSecret)
	wantError(t, err, wetee.ErrVerify, "seal: refused: measurement")
	if _, _, err = rec.BoundKey(); err == nil {
		t.Fatal("a refused recipient has no bound key")
	}
	// malformed policy JSON is an error
	if _, err = wetee.SealVerify(quote, `{`, string(coll), wetee.SealSourceReportDataX25519, 1751000000); err == nil {
		t.Fatal("malformed policy accepted")
	}
}

func TestSealSNPDebugRefused(t *testing.T) {
	report, vcek, milan, _ := snpSample(t)
	coll := `{"vcek":"` + hex.EncodeToString(vcek) + `","cert_chain":` + jsonString(string(milan)) + `}`
	pol := `{"accept_status":["OutOfDate"]}`
	rec, err := wetee.SealVerify(report, pol, coll, wetee.SealSourceReportDataX25519, snpT)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Accepted() || rec.FailedCheck() != "debug" {
		t.Fatalf("want a debug refusal, got %q", rec.Reason())
	}
	rec, err = wetee.SealVerify(report, `{"accept_status":["OutOfDate"],"allow_debug":true}`, coll,
		wetee.SealSourceReportDataX25519, snpT)
	if err != nil || !rec.Accepted() {
		t.Fatalf("allow_debug: %v %q", err, rec.Reason())
	}
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch c {
		case '\n':
			b.WriteString(`\n`)
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func TestSealOpenSide(t *testing.T) {
	var seed [32]byte
	for i := range seed {
		seed[i] = byte(i)
	}
	secret, public := wetee.Ed25519KeypairFromSeed(seed)
	for _, n := range []int{0, 1, 245, 246, 70000} {
		msg := bytes.Repeat([]byte{0x5a}, n)
		box, err := wetee.SealToKey(public[:], wetee.SealKeyEd25519, msg)
		if err != nil || len(box) != n+wetee.SealOverhead {
			t.Fatalf("seal %d: %v", n, err)
		}
		for _, sk := range [][]byte{seed[:], secret[:]} {
			got, err := wetee.SealOpen(box, sk, wetee.SealKeyEd25519)
			if err != nil || !bytes.Equal(got, msg) {
				t.Fatalf("open %d with %d-byte key: %v", n, len(sk), err)
			}
		}
		_, err = wetee.SealOpen(box, make([]byte, 32), wetee.SealKeyEd25519)
		wantError(t, err, wetee.ErrVerify)
	}
	xsk := bytes.Repeat([]byte{0x31}, 32)
	xpk, err := wetee.SealX25519Public(xsk, wetee.SealKeyX25519)
	if err != nil {
		t.Fatal(err)
	}
	box, err := wetee.SealToKey(xpk, wetee.SealKeyX25519, sealSecret)
	if err != nil {
		t.Fatal(err)
	}
	got, err := wetee.SealOpen(box, xsk, wetee.SealKeyX25519)
	if err != nil || !bytes.Equal(got, sealSecret) {
		t.Fatalf("x25519 open: %v", err)
	}
	box[len(box)-1] ^= 1
	_, err = wetee.SealOpen(box, xsk, wetee.SealKeyX25519)
	wantError(t, err, wetee.ErrVerify)
	_, err = wetee.SealToKey(make([]byte, 32), wetee.SealKeyX25519, []byte("x"))
	wantError(t, err, wetee.ErrCrypto, "small order")
}
