package gotest

import (
	"encoding/pem"
	"testing"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/proto/sevsnp"
	"github.com/wetee-dao/libwetee/bindings/go/wetee"
	"google.golang.org/protobuf/proto"
)

// Differential: go-sev-guest (v0.15.0) turns the shared SEV-SNP sample into
// its protobuf sevsnp.Attestation (abi.ReportToProto, the chain's DER
// certificates, proto.Marshal), as WeTEE's SEV-SNP workers publish it;
// libwetee must rebuild the signed report byte for byte from that message,
// or AMD's signature over it does not verify.
func TestSNPAttestationFromGoSevGuest(t *testing.T) {
	report, vcek, milan, _ := snpSample(t)
	rep, err := abi.ReportToProto(report)
	if err != nil {
		t.Fatal(err)
	}
	var ders [][]byte
	for rest := milan; ; {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		ders = append(ders, b.Bytes)
	}
	if len(ders) != 2 {
		t.Fatalf("want ASK and ARK in ask_ark_milan.pem, got %d certificates", len(ders))
	}
	att := &sevsnp.Attestation{
		Report:           rep,
		CertificateChain: &sevsnp.CertificateChain{VcekCert: vcek, AskCert: ders[0], ArkCert: ders[1]},
		Product:          &sevsnp.SevProduct{Name: sevsnp.SevProduct_SEV_PRODUCT_MILAN},
	}
	msg, err := proto.Marshal(att)
	if err != nil {
		t.Fatal(err)
	}
	pol := `{"accept_status":["OutOfDate"],"allow_debug":true}`
	r, err := wetee.AttestVerifyEvidence(msg, pol, "", snpT)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Accepted() || r.Tee != "sev-snp" {
		t.Fatalf("go-sev-guest's Attestation not accepted: %s", r.Reason)
	}
	raw, err := wetee.AttestVerifyEvidence(report, pol, `{"vcek":"`+hexOf(vcek)+`","cert_chain":`+jsonString(string(milan))+`}`, snpT)
	if err != nil || !raw.Accepted() {
		t.Fatalf("raw sample: %v %+v", err, raw)
	}
	for _, f := range []string{"measurement", "report_data", "chip_id", "host_data", "policy", "reported_tcb"} {
		if r.Measurements[f] == nil || r.Measurements[f] != raw.Measurements[f] {
			t.Errorf("%s: protobuf %v, raw %v", f, r.Measurements[f], raw.Measurements[f])
		}
	}
	// one changed field in go-sev-guest's message: the signature fails
	rep.GuestSvn++
	msg, _ = proto.Marshal(att)
	r, err = wetee.AttestVerifyEvidence(msg, pol, "", snpT)
	if err != nil || r.Accepted() || r.FailedCheck != "quote_signature" {
		t.Fatalf("changed guest_svn: %v %+v", err, r)
	}
	// go-sev-guest's own rebuild of the message is what libwetee rebuilt
	back := &sevsnp.Attestation{}
	if err := proto.Unmarshal(msg, back); err != nil {
		t.Fatal(err)
	}
	rep.GuestSvn--
	b, err := abi.ReportToAbiBytes(rep)
	if err != nil || string(b) != string(report) {
		t.Fatalf("go-sev-guest does not rebuild the sample: %v", err)
	}
}

func hexOf(b []byte) string {
	const d = "0123456789abcdef"
	out := make([]byte, 2*len(b))
	for i, c := range b {
		out[2*i], out[2*i+1] = d[c>>4], d[c&15]
	}
	return string(out)
}
