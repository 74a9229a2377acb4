package gotest

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
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

// ---- values through the JSON mapping (same known values as tests/python)

var alice = []byte{0xd4, 0x35, 0x93, 0xc7, 0x15, 0xfd, 0xd3, 0x1c, 0x61, 0x14, 0x1a, 0xbd, 0x04, 0xa9, 0x9f, 0xd6,
	0x82, 0x2c, 0x85, 0x58, 0x85, 0x4c, 0xcd, 0xe3, 0x9a, 0x56, 0x84, 0xe7, 0xa5, 0x6d, 0xa2, 0x7d}

const aliceSS58 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"

// compactBig is SCALE Compact<u128> in big-integer mode, written from the spec.
func compactBig(v *big.Int) []byte {
	be := v.Bytes()
	out := []byte{byte((len(be)-4)<<2 | 3)}
	for i := len(be) - 1; i >= 0; i-- {
		out = append(out, be[i])
	}
	return out
}

func TestMetadataEncodeCall(t *testing.T) {
	md, _ := loadRococo(t)
	value := bigFromString(t, "12345678901234567890123")
	want := append(append([]byte{4, 3, 0}, alice...), compactBig(value)...)
	got, err := md.EncodeCall("Balances", "transfer_keep_alive", map[string]any{
		"dest": map[string]any{"Id": aliceSS58}, "value": value})
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("EncodeCall: %x %v, want %x", got, err, want)
	}
	got, err = md.EncodeCall("Balances", "transfer_keep_alive", []any{map[string]any{"Id": alice}, "12345678901234567890123"})
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("EncodeCall positional: %x %v", got, err)
	}
	dc, err := md.DecodeCall(want, false)
	if err != nil || dc.Pallet != "Balances" || dc.Call != "transfer_keep_alive" {
		t.Fatalf("DecodeCall: %+v %v", dc, err)
	}
	args := dc.Args.(map[string]any)
	if v, ok := args["value"].(*big.Int); !ok || v.Cmp(value) != 0 {
		t.Fatalf("value %T %v", args["value"], args["value"])
	}
	if id := args["dest"].(map[string]any)["Id"]; id != aliceSS58 {
		t.Fatalf("dest %v", id)
	}
	remark, err := md.EncodeCall("System", "remark", map[string]any{"remark": []byte("hi")})
	if err != nil || !bytes.Equal(remark, []byte{0, 0, 8, 'h', 'i'}) {
		t.Fatalf("remark %x %v", remark, err)
	}
	_, err = md.EncodeCall("Balances", "transfer_keep_alive", map[string]any{"dest": map[string]any{"Id": alice[:31]}, "value": 1})
	wantError(t, err, wetee.ErrDecode, "dest.Id")
	_, err = md.EncodeCall("Balances", "transfer_keep_alive", map[string]any{"dest": map[string]any{"Id": alice},
		"value": new(big.Int).Lsh(big.NewInt(1), 128)})
	wantError(t, err, wetee.ErrOverflow)
	_, err = md.EncodeCall("Balances", "no_such_call", nil)
	wantError(t, err, wetee.ErrNotFound)
	_, err = md.EncodeCall("Balances", "transfer_keep_alive", map[string]any{"value": 1.5})
	wantError(t, err, wetee.ErrInvalidArgument, "float")
}

func TestMetadataStorageAndConstants(t *testing.T) {
	md, _ := loadRococo(t)
	key, err := md.StorageKey("System", "Account", aliceSS58)
	want := "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9" +
		"de1e86a9a8c739864cf3cc5ec2bea59f" + hex.EncodeToString(alice)
	if err != nil || hex.EncodeToString(key) != want {
		t.Fatalf("StorageKey %x %v", key, err)
	}
	if prefix, err := md.StorageKey("System", "Account"); err != nil || !bytes.Equal(prefix, key[:32]) {
		t.Fatalf("prefix %x %v", prefix, err)
	}
	def, err := md.DecodeStorage("System", "Account", nil, false)
	if err != nil {
		t.Fatal(err)
	}
	flags := def.(map[string]any)["data"].(map[string]any)["flags"].(*big.Int)
	if flags.Cmp(new(big.Int).Lsh(big.NewInt(1), 127)) != 0 {
		t.Fatalf("default flags %v", flags)
	}
	n, err := md.DecodeStorage("System", "Number", []byte{0x40, 0xe2, 0x01, 0}, false)
	if err != nil || n.(*big.Int).Int64() != 123456 {
		t.Fatalf("Number %v %v", n, err)
	}
	_, err = md.DecodeStorage("System", "NoSuchEntry", nil, false)
	wantError(t, err, wetee.ErrNotFound)
	ed, err := md.ConstantValue("Balances", "ExistentialDeposit", false)
	if err != nil || ed.(*big.Int).Int64() != 33_333_333 {
		t.Fatalf("ExistentialDeposit %v %v", ed, err)
	}
	bw, err := md.ConstantValue("System", "BlockWeights", true)
	if err != nil {
		t.Fatal(err)
	}
	ps := bw.(map[string]any)["maxBlock"].(map[string]any)["proofSize"].(*big.Int)
	if ps.Cmp(new(big.Int).SetUint64(^uint64(0))) != 0 {
		t.Fatalf("maxBlock.proofSize %v", ps)
	}
	errJSON, err := md.DecodeDispatchError([]byte{3, 4, 2, 0, 0, 0}, false)
	if err != nil || errJSON["pallet"] != "Balances" || errJSON["error"] != "InsufficientBalance" {
		t.Fatalf("dispatch error %v %v", errJSON, err)
	}
}

func splitmix(s *uint64) uint64 {
	*s += 0x9e3779b97f4a7c15
	z := *s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// bench/data/rococo_events.hex was encoded by @polkadot/types
// (bench/peers/node/gen_events.mjs) from splitmix64 draws, recomputed here.
func TestMetadataEvents(t *testing.T) {
	md, _ := loadRococo(t)
	raw, err := os.ReadFile(filepath.Join("..", "..", "bench", "data", "rococo_events.hex"))
	if err != nil {
		t.Fatal(err)
	}
	blob, err := hex.DecodeString(strings.TrimPrefix(strings.TrimSpace(string(raw)), "0x"))
	if err != nil {
		t.Fatal(err)
	}
	events, err := md.DecodeEvents(blob, false)
	if err != nil || len(events) != 126 {
		t.Fatalf("%d events, %v", len(events), err)
	}
	s := uint64(2024)
	account := func() []byte {
		b := make([]byte, 32)
		for i := 0; i < 32; i += 8 {
			binary.LittleEndian.PutUint64(b[i:], splitmix(&s))
		}
		return b
	}
	amount := func() *big.Int {
		bits := 40 + uint(splitmix(&s)%61)
		v := new(big.Int).Lsh(new(big.Int).SetUint64(splitmix(&s)), 64)
		v.Or(v, new(big.Int).SetUint64(splitmix(&s)))
		mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits), big.NewInt(1))
		v.And(v, mask)
		return v.SetBit(v, int(bits-1), 1)
	}
	account() // the treasury
	names := []string{"Balances.Withdraw", "Balances.Transfer", "Balances.Deposit", "Treasury.Deposit",
		"TransactionPayment.TransactionFeePaid", "System.ExtrinsicSuccess"}
	for i := 0; i < 21; i++ {
		from, to, fee := account(), account(), amount()
		value := amount()
		splitmix(&s)
		splitmix(&s)
		for k, name := range names {
			e := events[6*i+k]
			if e.Pallet+"."+e.Name != name {
				t.Fatalf("record %d: %s.%s", 6*i+k, e.Pallet, e.Name)
			}
			if ph := e.Phase.(map[string]any)["ApplyExtrinsic"]; ph != json.Number(fmt.Sprint(i)) {
				t.Fatalf("record %d: phase %v", 6*i+k, e.Phase)
			}
		}
		w := events[6*i].Fields.(map[string]any)
		if w["amount"].(*big.Int).Cmp(fee) != 0 {
			t.Fatalf("extrinsic %d: fee %v, want %v", i, w["amount"], fee)
		}
		if who, _, err := wetee.SS58Decode(w["who"].(string)); err != nil || !bytes.Equal(who, from) {
			t.Fatalf("extrinsic %d: who %v", i, w["who"])
		}
		tr := events[6*i+1].Fields.(map[string]any)
		if tr["amount"].(*big.Int).Cmp(value) != 0 {
			t.Fatalf("extrinsic %d: amount %v, want %v", i, tr["amount"], value)
		}
		if got, _, _ := wetee.SS58Decode(tr["to"].(string)); !bytes.Equal(got, to) {
			t.Fatalf("extrinsic %d: to %v", i, tr["to"])
		}
		share := new(big.Int).Div(fee, big.NewInt(5))
		if events[6*i+2].Fields.(map[string]any)["amount"].(*big.Int).Cmp(share) != 0 {
			t.Fatalf("extrinsic %d: deposit", i)
		}
	}
	_, err = md.DecodeEvents(blob[:len(blob)-3], false)
	if err == nil {
		t.Fatal("truncated events decoded")
	}
}
