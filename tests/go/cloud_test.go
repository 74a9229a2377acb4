package gotest

import (
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// The cloud API (wetee/cloud.h) through the Go binding. The node test needs
// a running WeTEE devnode named by WETEE_WETEE_DEVNODE_URL (tests/wetee/run.sh
// sets it and runs it); without it it skips and says so.

func TestCloudDeploymentFiles(t *testing.T) {
	d, err := wetee.LoadDeployment(filepath.Join("..", "..", "examples", "cloud", "hello.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if d.Kind() != wetee.CloudApp {
		t.Fatalf("kind %d", d.Kind())
	}
	cost, err := d.EstimateAt(map[string]int{"cpu_per": 100, "memory_per": 7, "disk_per": 3})
	if err != nil || cost.Cmp(big.NewInt(1250*100+1280*7+12*3)) != 0 {
		t.Fatalf("estimate %v %v", cost, err)
	}
	_, err = wetee.ParseDeployment(`{"name":"a","image":"nginx","cpu":1,"memory":1,"ports":[{"port":80,"protocol":"ftp"}]}`)
	if !errors.Is(err, wetee.ErrDecode) || !strings.Contains(err.Error(), `ports[0].protocol: "ftp" is not one of tcp, udp`) {
		t.Fatalf("want the field named, got %v", err)
	}
	if wetee.CloudStatusName(wetee.CloudRunning) != "running" || wetee.CloudKindName(wetee.CloudGpu) != "gpu" {
		t.Fatal("names")
	}
}

func TestCloudDeployCallSpec110(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(vectorsDir(t), "wetee", "wetee-dev-spec110-metadata.json"))
	if err != nil {
		t.Skipf("spec-110 metadata absent: %v", err)
	}
	md, err := wetee.LoadMetadataRPCResponse(raw, false)
	if err != nil {
		t.Fatal(err)
	}
	defer md.Close()
	d, err := wetee.LoadDeployment(filepath.Join("..", "..", "examples", "cloud", "gpu.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	call, err := d.DeployCall(md)
	if err != nil {
		t.Fatal(err)
	}
	m := call.(map[string]any)
	if m["pallet"] != "Gpu" || m["call"] != "create" {
		t.Fatalf("call %v", m)
	}
	b, err := d.DeployCallBytes(md)
	if err != nil || len(b) < 2 || b[0] != 114 || b[1] != 1 {
		t.Fatalf("bytes %x %v", b, err)
	}
}

func TestCloudDevnode(t *testing.T) {
	url := os.Getenv("WETEE_WETEE_DEVNODE_URL")
	if url == "" {
		t.Skip("WETEE_WETEE_DEVNODE_URL not set (tests/wetee/run.sh runs the cloud node tests)")
	}
	c, err := wetee.ConnectChain(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cl, err := wetee.OpenCloud(c)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	alice, err := wetee.KeypairFromSURI(wetee.Sr25519, "//Alice")
	if err != nil {
		t.Fatal(err)
	}
	defer alice.Close()
	d, err := wetee.ParseDeployment(`{"name":"go-app","image":"nginx","cpu":1000,"memory":1024}`)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	cost, err := cl.Estimate(d)
	if err != nil || cost.Cmp(big.NewInt(100*(1000+1024))) != 0 {
		t.Fatalf("estimate %v %v", cost, err)
	}
	id, out, err := cl.Deploy(alice, d, 60000)
	if err != nil || out["success"] != true {
		t.Fatalf("deploy: %v %v", out, err)
	}
	st, err := cl.Status(wetee.CloudApp, id)
	if err != nil || st["work"].(map[string]any)["name"] != "0x676f2d617070" {
		t.Fatalf("status %v %v", st, err)
	}
	low, _ := wetee.ParseDeployment(`{"name":"x","image":"nginx","cpu":1,"memory":1024}`)
	defer low.Close()
	if _, _, err := cl.Deploy(alice, low, 60000); !errors.Is(err, wetee.ErrState) || !strings.Contains(err.Error(), "WeTEEApp.CpuTooLow") {
		t.Fatalf("want CpuTooLow, got %v", err)
	}
	if _, err := cl.Stop(alice, wetee.CloudApp, id, 60000); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if _, err := cl.Status(wetee.CloudApp, id); !errors.Is(err, wetee.ErrState) {
		t.Fatalf("after Chain.Close want ErrState, got %v", err)
	}
}
