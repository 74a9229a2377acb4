package gotest

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// Runtime metadata through the Go binding. Known values are chain facts,
// the same as in tests/metadata/test_metadata.c and tests/python: the subxt
// artifact polkadot_metadata_full.scale is a Rococo runtime (spec 1021002,
// SS58 42, 1011 types, 67 pallets, 20 runtime APIs), Balances is pallet 4
// with transfer_keep_alive as call 3 (dest, value), error 2 is
// InsufficientBalance, ExistentialDeposit is 33_333_333 (Kusama's 1 CENTS).

func readVector(t *testing.T, name string) []byte {
	t.Helper()
	p := filepath.Join(vectorsDir(t), name)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Skipf("%s absent: %v", p, err)
	}
	return b
}

func loadRococo(t *testing.T) (*wetee.Metadata, []byte) {
	t.Helper()
	b := readVector(t, "metadata/polkadot_metadata_full.scale")
	md, err := wetee.LoadMetadata(b, true)
	if err != nil {
		t.Fatalf("LoadMetadata: %v", err)
	}
	t.Cleanup(func() { md.Close() })
	return md, b
}

func TestMetadataChainInformation(t *testing.T) {
	md, _ := loadRococo(t)
	if md.Version() != 15 || md.SpecName() != "rococo" {
		t.Fatalf("version %d spec %q", md.Version(), md.SpecName())
	}
	if v, ok := md.SpecVersion(); !ok || v != 1021002 {
		t.Fatalf("spec version %d %v", v, ok)
	}
	if p, ok := md.SS58Prefix(); !ok || p != 42 {
		t.Fatalf("ss58 %d %v", p, ok)
	}
	if md.TypeCount() != 1011 || len(md.Pallets()) != 67 || len(md.RuntimeAPIs()) != 20 {
		t.Fatalf("counts %d %d %d", md.TypeCount(), len(md.Pallets()), len(md.RuntimeAPIs()))
	}
}

func TestMetadataBalances(t *testing.T) {
	md, _ := loadRococo(t)
	bal := md.Pallet("Balances")
	if bal == nil || bal.Index != 4 || bal.StoragePrefix != "Balances" {
		t.Fatalf("Balances: %+v", bal)
	}
	tka := bal.Call("transfer_keep_alive")
	if tka == nil || tka.Index != 3 || len(tka.Fields) != 2 || tka.Fields[0].Name != "dest" ||
		tka.Fields[1].Name != "value" || tka.Fields[1].TypeName != "T::Balance" || tka.Docs == "" {
		t.Fatalf("transfer_keep_alive: %+v", tka)
	}
	path, err := md.TypePath(tka.Fields[0].Type)
	if err != nil || path != "sp_runtime::multiaddress::MultiAddress" {
		t.Fatalf("dest type %q %v", path, err)
	}
	if e := bal.Error("InsufficientBalance"); e == nil || e.Index != 2 {
		t.Fatalf("InsufficientBalance: %+v", e)
	}
	if bal.Event("Transfer") == nil || bal.Call("no_such_call") != nil || md.Pallet("NoSuchPallet") != nil {
		t.Fatal("event / absent lookups")
	}
	ed := bal.Constant("ExistentialDeposit")
	if ed == nil || len(ed.Value) != 16 || binary.LittleEndian.Uint64(ed.Value) != 33_333_333 ||
		binary.LittleEndian.Uint64(ed.Value[8:]) != 0 {
		t.Fatalf("ExistentialDeposit: %+v", ed)
	}
	acc := md.Pallet("System").StorageEntry("Account")
	if acc == nil || acc.Modifier != wetee.StorageDefault || len(acc.Hashers) != 1 ||
		acc.Hashers[0] != wetee.HasherBlake2_128Concat || len(acc.Default) == 0 {
		t.Fatalf("System.Account: %+v", acc)
	}
	if p, _ := md.TypePath(acc.ValueType); p != "frame_system::AccountInfo" {
		t.Fatalf("System.Account value type %q", p)
	}
	if n := md.Pallet("System").StorageEntry("Number"); n == nil || n.KeyType != wetee.NoType || len(n.Hashers) != 0 {
		t.Fatalf("System.Number: %+v", n)
	}
	if _, err := md.TypePath(5_000_000); err == nil {
		t.Fatal("TypePath of an unknown id succeeded")
	}
}

func TestMetadataEnumerationIsComplete(t *testing.T) {
	md, _ := loadRococo(t)
	seen := map[uint8]bool{}
	n := 0
	for _, p := range md.Pallets() {
		if seen[p.Index] {
			t.Fatalf("pallet index %d twice", p.Index)
		}
		seen[p.Index] = true
		for _, group := range [][]wetee.Variant{p.Calls, p.Events, p.Errors} {
			idx := map[uint8]bool{}
			for _, v := range group {
				if v.Name == "" || idx[v.Index] {
					t.Fatalf("%s: bad variant %+v", p.Name, v)
				}
				idx[v.Index] = true
				n++
			}
		}
		for _, s := range p.Storage {
			if s.Name == "" || int(s.ValueType) >= md.TypeCount() {
				t.Fatalf("%s: bad storage %+v", p.Name, s)
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d calls/events/errors", n)
	}
	core := md.RuntimeAPIs()[0]
	if core.Name != "Core" || len(core.Methods) != 3 || core.Methods[0] != "version" {
		t.Fatalf("Core: %+v", core)
	}
}

func TestMetadataForms(t *testing.T) {
	md, b := loadRococo(t)
	h := "0x" + hex.EncodeToString(b)
	fromHex, err := wetee.LoadMetadataHex(h, true)
	if err != nil {
		t.Fatal(err)
	}
	defer fromHex.Close()
	rpc, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "result": h})
	fromRPC, err := wetee.LoadMetadataRPCResponse(rpc, false)
	if err != nil {
		t.Fatal(err)
	}
	defer fromRPC.Close()
	if len(fromHex.Pallets()) != len(md.Pallets()) || fromRPC.Pallet("Balances").Call("transfer_keep_alive").Docs != "" {
		t.Fatal("forms disagree (or docs kept with keepDocs false)")
	}
}

func TestMetadataOtherFixtures(t *testing.T) {
	k := readVector(t, "metadata/metadata_v14_9111.scale")
	md, err := wetee.LoadMetadata(k, true)
	if err != nil {
		t.Fatal(err)
	}
	defer md.Close()
	if p, _ := md.SS58Prefix(); md.Version() != 14 || md.SpecName() != "kusama" || p != 2 ||
		md.Pallet("Balances").Index != 4 || len(md.RuntimeAPIs()) != 0 {
		t.Fatalf("kusama: v%d %s", md.Version(), md.SpecName())
	}
	w := readVector(t, "wetee/wetee-dev-spec110-metadata.json")
	wm, err := wetee.LoadMetadataRPCResponse(w, true)
	if err != nil {
		t.Fatal(err)
	}
	defer wm.Close()
	if v, _ := wm.SpecVersion(); v != 110 || wm.Pallet("System") == nil {
		t.Fatalf("wetee: spec %d", v)
	}
}

func TestMetadataBadInput(t *testing.T) {
	_, err := wetee.LoadMetadata([]byte("meta\x0d\x00"), true)
	wantError(t, err, wetee.ErrUnsupported, "version 13")
	_, err = wetee.LoadMetadata([]byte("meta\x0f\x05"), true)
	wantError(t, err, wetee.ErrTruncated, "offset")
	_, err = wetee.LoadMetadata(nil, true)
	wantError(t, err, wetee.ErrTruncated)
	_, err = wetee.LoadMetadataHex("0xzz", true)
	wantError(t, err, wetee.ErrDecode)
}

func TestMetadataClose(t *testing.T) {
	b := readVector(t, "metadata/polkadot_metadata_full.scale")
	md, err := wetee.LoadMetadata(b, false)
	if err != nil {
		t.Fatal(err)
	}
	md.Close()
	md.Close()
	if md.Pallets()[0].Name != "System" {
		t.Fatal("enumeration lost after Close")
	}
	_, err = md.TypePath(0)
	wantError(t, err, wetee.ErrState, "closed")
}

// RFC-0078 digests published with the shared vectors (metadata-hash/digests.json).
func TestMetadataHash(t *testing.T) {
	raw := readVector(t, "metadata-hash/digests.json")
	var spec struct {
		Decimals    uint8  `json:"decimals"`
		TokenSymbol string `json:"token_symbol"`
		Cases       []struct {
			File     string `json:"file"`
			Expected string `json:"expected"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &spec); err != nil || len(spec.Cases) == 0 {
		t.Fatalf("digests.json: %v", err)
	}
	for _, c := range spec.Cases {
		md, err := wetee.LoadMetadataHex(string(readVector(t, "metadata-hash/"+c.File)), false)
		if err != nil {
			t.Fatalf("%s: %v", c.File, err)
		}
		h, err := md.Hash(spec.Decimals, spec.TokenSymbol)
		if err != nil || "0x"+hex.EncodeToString(h[:]) != c.Expected {
			t.Fatalf("%s: hash %x (%v), want %s", c.File, h, err, c.Expected)
		}
		d, err := md.Digest(spec.Decimals, spec.TokenSymbol)
		dh, err2 := wetee.Blake3(d, 32)
		if err != nil || err2 != nil || !bytes.Equal(dh, h[:]) {
			t.Fatalf("%s: digest does not hash to the hash (%v)", c.File, err)
		}
		md.Close()
	}
	k, err := wetee.LoadMetadata(readVector(t, "metadata/metadata_v14_9111.scale"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	_, err = k.Hash(12, "KSM")
	wantError(t, err, wetee.ErrUnsupported, "15")
}
