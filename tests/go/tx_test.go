package gotest

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// Extrinsics through the Go binding (Tx, Metadata.DecodeExtrinsic, the
// RFC-0078 proofs). Known answers, as in tests/python/test_tx.py:
// sp-runtime's era test values; the signed extrinsics, payloads and proofs
// of the shared metadata-hash/proofs.json (another SDK, Polkadot V15,
// decimals 42, token UNIT); a Polkadot transfer whose payload and extrinsic
// are assembled here byte by byte from the SCALE rules, with the
// deterministic ed25519 signature of the keys binding.

var polkadotGenesis = [32]byte{0x91, 0xb1, 0x71, 0xbb, 0x15, 0x8e, 0x2d, 0x38, 0x48, 0xfa, 0x23, 0xa9, 0xf1, 0xc2,
	0x51, 0x82, 0xfb, 0x8e, 0x20, 0x31, 0x3b, 0x2c, 0x1e, 0xb4, 0x92, 0x19, 0xda, 0x7a, 0x70, 0xce, 0x90, 0xc3}

func loadPolkadotV15(t *testing.T) *wetee.Metadata {
	t.Helper()
	b := readVector(t, "metadata-hash/polkadot_metadata_v15.hex")
	md, err := wetee.LoadMetadataHex(strings.TrimSpace(string(b)), false)
	if err != nil {
		t.Fatalf("LoadMetadataHex: %v", err)
	}
	t.Cleanup(func() { md.Close() })
	return md
}

type proofFixtures struct {
	Comment string `json:"_comment"`
	Tx      []struct {
		Tx, ExpectedProof, AdditionalSigned, ExpectedProofWithAdditionalSigned string
	} `json:"tx_proof_fixtures"`
	Payload []struct {
		TxPayload, ExpectedProof string
	} `json:"tx_payload_proof_fixtures"`
}

func loadProofs(t *testing.T) proofFixtures {
	t.Helper()
	var f proofFixtures
	if err := json.Unmarshal(readVector(t, "metadata-hash/proofs.json"), &f); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(f.Comment, "decimals 42, token_symbol UNIT") || len(f.Tx) < 2 || len(f.Payload) < 2 {
		t.Fatalf("unexpected proofs.json: %q, %d, %d", f.Comment, len(f.Tx), len(f.Payload))
	}
	return f
}

func unhex0x(t *testing.T, s string) []byte { return unhex(t, strings.TrimPrefix(s, "0x")) }

func newTx(t *testing.T, md *wetee.Metadata) *wetee.Tx {
	t.Helper()
	tx, err := wetee.NewTx(md)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Close() })
	return tx
}

func ok(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func compact(t *testing.T, n *big.Int) []byte {
	t.Helper()
	b, err := wetee.ScaleEncodeCompact(n)
	ok(t, err)
	return b
}

func TestEras(t *testing.T) {
	cases := []struct {
		period, current, wantPeriod, wantPhase uint64
		enc                                    string
	}{
		{64, 42, 64, 42, "a502"}, {200, 513, 256, 1, "1700"}, {2, 1, 4, 1, "1100"},
		{0x11111111, 0x11111111, 65536, 0x1110, "1f11"}, {64, 27, 64, 27, "b501"},
	}
	for _, c := range cases {
		era, birth, err := wetee.EraMortal(c.period, c.current)
		ok(t, err)
		if fmt.Sprintf("%x", era) != c.enc {
			t.Fatalf("era(%d, %d) = %x, want %s", c.period, c.current, era, c.enc)
		}
		p, ph, used, err := wetee.EraDecode(era[:])
		ok(t, err)
		if p != c.wantPeriod || ph != c.wantPhase || used != 2 || birth != wetee.EraBirth(p, ph, c.current) {
			t.Fatalf("decode %x: %d %d %d (birth %d)", era, p, ph, used, birth)
		}
	}
	if p, _, used, err := wetee.EraDecode([]byte{0, 0xff}); err != nil || p != 0 || used != 1 {
		t.Fatalf("immortal: %d %d %v", p, used, err)
	}
	_, _, _, err := wetee.EraDecode([]byte{0x10, 0})
	wantError(t, err, wetee.ErrDecode)
	_, _, _, err = wetee.EraDecode([]byte{0x11})
	wantError(t, err, wetee.ErrTruncated)
	_, _, err = wetee.EraMortal(0, 1)
	wantError(t, err, wetee.ErrInvalidArgument)
}

// Signed extrinsics made by another SDK decode, and rebuilding them from
// their decoded parts gives the same bytes.
func TestTxForeignRebuild(t *testing.T) {
	md := loadPolkadotV15(t)
	f := loadProofs(t)
	for _, fx := range f.Tx {
		xt, add := unhex0x(t, fx.Tx), unhex0x(t, fx.AdditionalSigned)
		d, err := md.DecodeExtrinsic(xt, false)
		ok(t, err)
		if d.Version != 4 || d.Type != "signed" || d.Hash != wetee.ExtrinsicHash(xt) || d.Hash != wetee.Blake2b256(xt) {
			t.Fatalf("decoded %+v", d)
		}
		mortal := d.Extensions["CheckMortality"].(map[string]any)["mortal"].(map[string]any)
		period, _ := mortal["period"].(json.Number).Int64()
		phase, _ := mortal["phase"].(json.Number).Int64()
		if period != 64 {
			t.Fatalf("period %d", period)
		}
		nonce := d.Extensions["CheckNonce"].(*big.Int)
		tip := d.Extensions["ChargeTransactionPayment"].(*big.Int)

		tx := newTx(t, md)
		ok(t, tx.SetCall(d.Call.Pallet, d.Call.Call, d.Call.Args))
		ok(t, tx.SetRuntimeVersion(binary.LittleEndian.Uint32(add), binary.LittleEndian.Uint32(add[4:])))
		ok(t, tx.SetGenesisHash([32]byte(add[8:40])))
		ok(t, tx.SetNonce(nonce.Uint64()))
		ok(t, tx.SetTip(tip))
		ok(t, tx.SetMortal(64, uint64(phase), [32]byte(add[40:72])))
		raw, err := tx.SigningPayloadRaw()
		ok(t, err)
		if !bytes.HasSuffix(raw, add) {
			t.Fatalf("payload %x does not end with %x", raw, add)
		}
		payload, err := tx.SigningPayload()
		ok(t, err)
		off := 1
		if xt[0]&3 != 0 {
			off = 2
		}
		if xt[off] != 0x84 || xt[off+1] != 0 || xt[off+34] != 1 {
			t.Fatalf("not an sr25519 MultiAddress::Id extrinsic: %x", xt[:off+35])
		}
		pub, sig := xt[off+2:off+34], xt[off+35:off+99]
		if !wetee.Sr25519Verify([64]byte(sig), payload, [32]byte(pub)) {
			t.Fatal("the fixture's signature does not verify over the rebuilt payload")
		}
		got, err := tx.AttachSignature(wetee.Sr25519, pub, sig)
		ok(t, err)
		if !bytes.Equal(got, xt) {
			t.Fatalf("rebuilt %x\nwant    %x", got, xt)
		}
		bad := bytes.Clone(sig)
		bad[10] ^= 1
		_, err = tx.AttachSignature(wetee.Sr25519, pub, bad)
		wantError(t, err, wetee.ErrVerify)
		_, err = md.DecodeExtrinsic(xt[:len(xt)-1], false)
		if err == nil {
			t.Fatal("a cut extrinsic decoded")
		}
	}
	for _, fx := range f.Payload {
		p := unhex0x(t, fx.TxPayload)
		d, err := md.DecodeSigningPayload(p, false)
		ok(t, err)
		spec, _ := md.SpecVersion()
		if d.Call.Pallet == "" || d.Call.Call == "" || d.Implicit["CheckSpecVersion"].(*big.Int).Uint64() != uint64(spec) {
			t.Fatalf("payload %+v", d)
		}
	}
}

func TestTxPublishedProofs(t *testing.T) {
	md := loadPolkadotV15(t)
	f := loadProofs(t)
	for _, fx := range f.Tx {
		xt, add := unhex0x(t, fx.Tx), unhex0x(t, fx.AdditionalSigned)
		p, err := md.ProofForExtrinsic(xt, 42, "UNIT", nil)
		ok(t, err)
		if !bytes.Equal(p, unhex0x(t, fx.ExpectedProof)) {
			t.Fatalf("proof %x", p)
		}
		p, err = md.ProofForExtrinsic(xt, 42, "UNIT", add)
		ok(t, err)
		if !bytes.Equal(p, unhex0x(t, fx.ExpectedProofWithAdditionalSigned)) {
			t.Fatalf("proof with implicit %x", p)
		}
		_, err = md.ProofForExtrinsic(append(bytes.Clone(xt), 0), 42, "UNIT", nil)
		wantError(t, err, wetee.ErrTrailing)
		if _, err = md.ProofForExtrinsic(xt, 42, "UNIT", add[:len(add)-1]); err == nil {
			t.Fatal("cut implicit data accepted")
		}
	}
	for _, fx := range f.Payload {
		p, err := md.ProofForPayload(unhex0x(t, fx.TxPayload), 42, "UNIT")
		ok(t, err)
		if !bytes.Equal(p, unhex0x(t, fx.ExpectedProof)) {
			t.Fatalf("payload proof %x", p)
		}
		p2, err := md.ProofForPayload(unhex0x(t, fx.TxPayload), 10, "DOT")
		ok(t, err)
		if bytes.Equal(p, p2) {
			t.Fatal("the chain information is not in the proof")
		}
	}
}

// The payload and extrinsic assembled here from the SCALE rules equal the
// library's; Sign equals AttachSignature of the keys binding's signature.
func TestTxEd25519TransferByteForByte(t *testing.T) {
	md := loadPolkadotV15(t)
	bob, err := wetee.KeypairFromSURI(wetee.Sr25519, "//Bob")
	ok(t, err)
	defer bob.Close()
	bobAddr, err := bob.Address(wetee.SS58PrefixPolkadot)
	ok(t, err)
	var blockHash [32]byte
	for i := range blockHash {
		blockHash[i] = byte(i)
	}
	value := uint64(12_345_678_900)
	tip := new(big.Int).Exp(big.NewInt(10), big.NewInt(20), nil)
	args := map[string]any{"dest": map[string]any{"Id": bobAddr}, "value": value}

	tx := newTx(t, md)
	ok(t, tx.SetCall("Balances", "transfer_keep_alive", args))
	ok(t, tx.SetGenesisHash(polkadotGenesis))
	ok(t, tx.SetNonce(7))
	ok(t, tx.SetTip(tip))
	ok(t, tx.SetMortal(64, 1000, blockHash))

	call, err := md.EncodeCall("Balances", "transfer_keep_alive", args)
	ok(t, err)
	era, birth, err := wetee.EraMortal(64, 1000)
	ok(t, err)
	if birth != 1000 || call[0] != 5 || call[1] != 3 {
		t.Fatalf("birth %d call %x", birth, call[:2])
	}
	explicit := append(append(append(era[:], compact(t, big.NewInt(7))...), compact(t, tip)...), 0)
	spec, _ := md.SpecVersion()
	exts, err := md.TxExtensions()
	ok(t, err)
	if len(exts[0]) == 0 || exts[0][0].Identifier != "CheckNonZeroSender" {
		t.Fatalf("extensions %+v", exts)
	}
	implicit := binary.LittleEndian.AppendUint32(nil, spec)
	implicit = binary.LittleEndian.AppendUint32(implicit, txVersion(t, md))
	implicit = append(append(append(implicit, polkadotGenesis[:]...), blockHash[:]...), 0)
	payload := append(append(bytes.Clone(call), explicit...), implicit...)
	got, err := tx.SigningPayload()
	ok(t, err)
	if !bytes.Equal(got, payload) {
		t.Fatalf("payload %x\nwant    %x", got, payload)
	}

	alice, err := wetee.KeypairFromSURI(wetee.Ed25519, "//Alice")
	ok(t, err)
	defer alice.Close()
	sig, err := alice.Sign(payload)
	ok(t, err)
	signed, err := tx.Sign(alice)
	ok(t, err)
	body := append([]byte{0x84, 0}, alice.PublicKey()...)
	body = append(append(append(append(body, 0), sig...), explicit...), call...)
	want := append(compact(t, big.NewInt(int64(len(body)))), body...)
	if !bytes.Equal(signed, want) {
		t.Fatalf("signed %x\nwant   %x", signed, want)
	}
	attached, err := tx.AttachSignature(wetee.Ed25519, alice.PublicKey(), sig)
	ok(t, err)
	if !bytes.Equal(attached, signed) {
		t.Fatal("AttachSignature differs from Sign")
	}
	bobEd, err := wetee.KeypairFromSURI(wetee.Ed25519, "//Bob")
	ok(t, err)
	defer bobEd.Close()
	other, err := bobEd.Sign(payload)
	ok(t, err)
	_, err = tx.AttachSignature(wetee.Ed25519, alice.PublicKey(), other)
	wantError(t, err, wetee.ErrVerify)
	if _, err = tx.AttachSignature(wetee.Ed25519, alice.PublicKey(), sig[:63]); err == nil {
		t.Fatal("a 63-byte signature was accepted")
	}

	d, err := md.DecodeExtrinsic(signed, false)
	ok(t, err)
	aliceAddr, _ := alice.Address(wetee.SS58PrefixPolkadot)
	if d.Type != "signed" || d.Address.(map[string]any)["Id"] != aliceAddr ||
		d.Signature.(map[string]any)["Ed25519"] != fmt.Sprintf("0x%x", sig) {
		t.Fatalf("decoded %+v", d)
	}
	if d.Extensions["CheckNonce"].(*big.Int).Int64() != 7 || d.Extensions["ChargeTransactionPayment"].(*big.Int).Cmp(tip) != 0 {
		t.Fatalf("extensions %v", d.Extensions)
	}
	mortal := d.Extensions["CheckMortality"].(map[string]any)["mortal"].(map[string]any)
	if mortal["period"].(json.Number).String() != "64" || mortal["phase"].(json.Number).String() != "40" {
		t.Fatalf("era %v", mortal)
	}
	a := d.Call.Args.(map[string]any)
	if d.Call.Pallet != "Balances" || d.Call.Call != "transfer_keep_alive" || a["value"].(*big.Int).Uint64() != value ||
		a["dest"].(map[string]any)["Id"] != bobAddr {
		t.Fatalf("call %+v", d.Call)
	}
	if d.Hash != wetee.Blake2b256(signed) {
		t.Fatal("hash")
	}
	p, err := md.DecodeSigningPayload(payload, false)
	ok(t, err)
	if p.Call.Call != "transfer_keep_alive" || p.Implicit["CheckGenesis"] != fmt.Sprintf("0x%x", polkadotGenesis) {
		t.Fatalf("payload %+v", p)
	}
}

// txVersion reads the transaction version from the metadata's System.Version.
func txVersion(t *testing.T, md *wetee.Metadata) uint32 {
	t.Helper()
	v, err := md.ConstantValue("System", "Version", false)
	ok(t, err)
	return uint32(v.(map[string]any)["transaction_version"].(*big.Int).Uint64())
}

func TestTxLongPayloadAndSr25519(t *testing.T) {
	md := loadPolkadotV15(t)
	remark := make([]byte, 300)
	tx := newTx(t, md)
	ok(t, tx.SetCall("System", "remark", map[string]any{"remark": remark}))
	ok(t, tx.SetGenesisHash(polkadotGenesis))
	ok(t, tx.SetNonce(0))
	raw, err := tx.SigningPayloadRaw()
	ok(t, err)
	payload, err := tx.SigningPayload()
	ok(t, err)
	if len(raw) <= wetee.TxPayloadHashThreshold || payload == nil || [32]byte(payload) != wetee.Blake2b256(raw) {
		t.Fatalf("long payload not hashed: %d bytes", len(raw))
	}
	alice, err := wetee.KeypairFromSURI(wetee.Sr25519, "//Alice")
	ok(t, err)
	defer alice.Close()
	signed, err := tx.Sign(alice)
	ok(t, err)
	d, err := md.DecodeExtrinsic(signed, false)
	ok(t, err)
	if d.Extensions["CheckMortality"] != "immortal" {
		t.Fatalf("era %v", d.Extensions["CheckMortality"])
	}
	sig := unhex0x(t, d.Signature.(map[string]any)["Sr25519"].(string))
	if !wetee.Sr25519Verify([64]byte(sig), payload, [32]byte(alice.PublicKey())) {
		t.Fatal("sr25519 signature does not verify")
	}
}

func TestTxErrorsAndOverrides(t *testing.T) {
	md := loadPolkadotV15(t)
	tx := newTx(t, md)
	_, err := tx.SigningPayload()
	wantError(t, err, wetee.ErrState)
	ok(t, tx.SetCall("System", "remark", map[string]any{"remark": "0x"}))
	_, err = tx.SigningPayload()
	wantError(t, err, wetee.ErrState, "CheckGenesis")
	ok(t, tx.SetGenesisHash(polkadotGenesis))
	_, err = tx.SigningPayload()
	wantError(t, err, wetee.ErrState, "CheckNonce")
	ok(t, tx.SetNonce(1))
	wantError(t, tx.SetMortal(0, 1, polkadotGenesis), wetee.ErrInvalidArgument)
	wantError(t, tx.SetMortal(8192, 1001, polkadotGenesis), wetee.ErrInvalidArgument)
	wantError(t, tx.SetTip(big.NewInt(-1)), wetee.ErrOverflow)
	wantError(t, tx.SetCall("Balances", "no_such_call", nil), wetee.ErrNotFound)
	wantError(t, tx.SetExtension("NoSuchExtension", 1, nil), wetee.ErrNotFound, "NoSuchExtension")
	wantError(t, tx.SetExtension("CheckNonce", "not a number", nil), wetee.ErrDecode, "CheckNonce")
	wantError(t, tx.SetFeeAsset(1984), wetee.ErrNotFound) // Polkadot pays fees in DOT only
	ok(t, tx.SetExtension("CheckNonce", 9, nil))
	raw, err := tx.SigningPayloadRaw()
	ok(t, err)
	d, err := md.DecodeSigningPayload(raw, false)
	ok(t, err)
	if d.Extensions["CheckNonce"].(*big.Int).Int64() != 9 {
		t.Fatalf("override: %v", d.Extensions["CheckNonce"])
	}
	// CheckMetadataHash mode 1
	h, err := md.Hash(10, "DOT")
	ok(t, err)
	ok(t, tx.SetMetadataHash(&h))
	raw, err = tx.SigningPayloadRaw()
	ok(t, err)
	if !bytes.HasSuffix(raw, append([]byte{1}, h[:]...)) {
		t.Fatalf("mode 1 payload %x", raw)
	}
	d, err = md.DecodeSigningPayload(raw, false)
	ok(t, err)
	if d.Extensions["CheckMetadataHash"].(map[string]any)["mode"] != "Enabled" {
		t.Fatalf("mode %v", d.Extensions["CheckMetadataHash"])
	}
	ok(t, tx.SetMetadataHash(nil))
	raw, _ = tx.SigningPayloadRaw()
	if raw[len(raw)-1] != 0 {
		t.Fatal("mode 0 not restored")
	}
	// bare and v5 forms
	bare, err := tx.Bare(4)
	ok(t, err)
	if d, err := md.DecodeExtrinsic(bare, false); err != nil || d.Type != "bare" || d.Call.Call != "remark" {
		t.Fatalf("bare %+v %v", d, err)
	}
	_, err = tx.Bare(5)
	wantError(t, err, wetee.ErrUnsupported)
	_, err = tx.General(0)
	wantError(t, err, wetee.ErrUnsupported)
	if v, err := md.ExtrinsicVersions(); err != nil || len(v) != 1 || v[0] != 4 {
		t.Fatalf("versions %v %v", v, err)
	}
	// closed Tx, closed Metadata
	ok(t, tx.Close())
	_, err = tx.SigningPayload()
	wantError(t, err, wetee.ErrState)
	tx2 := newTx(t, md)
	md.Close()
	wantError(t, tx2.SetNonce(1), wetee.ErrState)
	_, err = wetee.NewTx(md)
	wantError(t, err, wetee.ErrState)
}
