package gotest

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// Contracts through the Go binding: the built-in WeTEE wrevive ABIs against
// contract-selectors.json, wetee.md's worked examples, an ink! v6 ABI of the
// shared vectors, a Solidity example, Revive.call on the spec-101 metadata
// (Revive index 100, as on Paseo Asset Hub), a V16 dry-run result, //Alice's
// H160 and the pod cost formula; the C suite covers the rest.

func TestContractWreviveSelectors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(vectorsDir(t), "wetee", "contract-selectors.json"))
	if err != nil {
		t.Skip("contract-selectors.json absent")
	}
	var v struct {
		Contracts map[string]map[string]struct{ Selector string }
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	n := 0
	for name, msgs := range v.Contracts {
		abi, err := wetee.WeteeContractABI(name)
		if err != nil {
			t.Fatal(err)
		}
		if abi.Kind() != wetee.ContractWrevive || len(abi.Messages()) != len(msgs) {
			t.Fatalf("%s: kind %d, %d messages", name, abi.Kind(), len(abi.Messages()))
		}
		for m, s := range msgs {
			sel, err := abi.Selector(m)
			if err != nil || "0x"+hex.EncodeToString(sel) != s.Selector {
				t.Fatalf("%s.%s: %x %v, want %s", name, m, sel, err, s.Selector)
			}
			n++
		}
	}
	if n != 136 {
		t.Fatalf("%d messages", n)
	}
}

func TestContractEncodeDecode(t *testing.T) {
	cloud, err := wetee.WeteeContractABI("cloud")
	if err != nil {
		t.Fatal(err)
	}
	data, err := cloud.Encode("stop_pod", map[string]any{"pod_id": 7})
	if err != nil || hex.EncodeToString(data) != "3c644b830700000000000000" {
		t.Fatalf("stop_pod: %x %v", data, err)
	}
	back, err := cloud.DecodeCall(data)
	if err != nil || back.(map[string]any)["message"] != "stop_pod" {
		t.Fatalf("decode: %v %v", back, err)
	}
	r, err := cloud.DecodeReturn("create_pod", []byte{1, 24})
	if err != nil || r.(map[string]any)["Err"] != "InsufficientPrepayment" {
		t.Fatalf("create_pod return: %v %v", r, err)
	}
	_, err = cloud.Encode("stop_pod", []any{-1})
	if !errors.Is(err, wetee.ErrOverflow) {
		t.Fatalf("negative pod id: %v", err)
	}
	big := map[string]any{"name": "0x" + string(make([]byte, 0)), "pod_type": "CPU", "tee_type": "SGX",
		"containers": []any{}, "region_id": 0, "level": 1, "pay_asset": 0, "worker_id": 0, "duration_blocks": 1}
	name := "0x"
	for i := 0; i < 1000; i++ {
		name += "61"
	}
	big["name"] = name
	if _, err = cloud.Encode("create_pod", big); !errors.Is(err, wetee.ErrTooLong) {
		t.Fatalf("1,024-byte limit: %v", err)
	}
	sol, err := wetee.LoadContractABI(`[{"type":"function","name":"baz","inputs":[{"name":"x","type":"uint32"},{"name":"y","type":"bool"}],"outputs":[]}]`)
	if err != nil {
		t.Fatal(err)
	}
	data, err = sol.Encode("baz", []any{69, true})
	if err != nil || hex.EncodeToString(data) != "cdcd77c0"+"0000000000000000000000000000000000000000000000000000000000000045"+
		"0000000000000000000000000000000000000000000000000000000000000001" {
		t.Fatalf("baz: %x %v", data, err)
	}
	raw, err := os.ReadFile(filepath.Join(vectorsDir(t), "wetee", "ink6-abi", "cloud.json"))
	if err == nil {
		ink, err := wetee.LoadContractABI(string(raw))
		if err != nil {
			t.Fatal(err)
		}
		sel, _ := ink.Selector("create_pod")
		if hex.EncodeToString(sel) != "080c3dfd" {
			t.Fatalf("ink create_pod %x", sel)
		}
		if _, err := ink.DecodeReturn("pod_len", []byte{1, 1}); !errors.Is(err, wetee.ErrState) {
			t.Fatalf("LangError: %v", err)
		}
	}
}

func TestContractRevive(t *testing.T) {
	alice, _ := hex.DecodeString("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")
	h, err := wetee.ReviveAddressOf(alice)
	if err != nil || hex.EncodeToString(h) != "9621dde636de098b43efb0fa9b61facfe328f99d" {
		t.Fatalf("alice: %x %v", h, err)
	}
	if _, err := wetee.ReviveAddressOf(alice[:31]); !errors.Is(err, wetee.ErrInvalidArgument) {
		t.Fatalf("short account: %v", err)
	}
	raw, err := os.ReadFile(filepath.Join(vectorsDir(t), "wetee", "revive-dev-runtime-v16.scale"))
	if err != nil {
		t.Skip("revive-dev-runtime-v16.scale absent")
	}
	md, err := wetee.LoadMetadata(raw, false)
	if err != nil {
		t.Fatal(err)
	}
	defer md.Close()
	dest, _ := hex.DecodeString("239a33348e8a698cee4eb06af3780dee2ea227e3")
	call, err := wetee.ReviveCall(md, dest, big.NewInt(0), 0, 0, big.NewInt(0), []byte{0x9b, 0x8b, 0xc2, 0x6c})
	if err != nil || hex.EncodeToString(call) != "0501239a33348e8a698cee4eb06af3780dee2ea227e300000000109b8bc26c" {
		t.Fatalf("Revive.call: %x %v", call, err)
	}
	m, err := wetee.ReviveMapAccount(md)
	if err != nil || hex.EncodeToString(m) != "0507" {
		t.Fatalf("map_account: %x %v", m, err)
	}
	out, _ := hex.DecodeString("2850a10f411f01f40100000000000000000000000000000158020000000000000000000000000000000000000000000000000000000000000000000000102a000000")
	r, err := wetee.ReviveDryRunResult(md, out)
	if err != nil || r.(map[string]any)["status"] != "ok" {
		t.Fatalf("dry run: %v %v", r, err)
	}
	cost, err := wetee.ContractPodCost([]any{map[string]any{"cpu": 1000, "mem": 1024, "disk": 10}, map[string]any{"cpu": 500, "mem": 512, "gpu": 1}},
		map[string]any{"cpu_per": 2, "cvm_cpu_per": 3, "memory_per": 5, "cvm_memory_per": 7, "disk_per": 11, "gpu_per": 13}, 0, 100, "7")
	if err != nil || cost != "154328571" {
		t.Fatalf("pod cost: %s %v", cost, err)
	}
}
