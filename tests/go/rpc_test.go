package gotest

import (
	"bufio"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// faultServer starts tests/rpc/fault_server.py and returns its ws and http URLs.
func faultServer(t *testing.T) (string, string) {
	t.Helper()
	script, _ := filepath.Abs(filepath.Join("..", "rpc", "fault_server.py"))
	cmd := exec.Command("python3", script)
	stdin, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatalf("fault server: %v", err)
	}
	t.Cleanup(func() { stdin.Close(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "READY") {
		t.Fatalf("fault server did not start: %q %v (scripts/dev setup installs websockets)", line, err)
	}
	var ws, http string
	for _, kv := range strings.Fields(line)[1:] {
		k, v, _ := strings.Cut(kv, "=")
		if k == "ws" {
			ws = "ws://127.0.0.1:" + v
		} else {
			http = "http://127.0.0.1:" + v
		}
	}
	return ws, http
}

func TestRpcCallsAndErrors(t *testing.T) {
	ws, http := faultServer(t)
	if wetee.RpcTransports()&3 != 3 {
		t.Fatal("this build has no WebSocket or HTTP transport")
	}
	rpc, err := wetee.NewRpc(ws, wetee.RpcOptions{RequestTimeoutMs: 5000, ReconnectInitialMs: 20})
	if err != nil {
		t.Fatal(err)
	}
	defer rpc.Close()
	var sum int
	if err := rpc.Call(&sum, "add", []int{40, 2}); err != nil || sum != 42 {
		t.Fatalf("add: %v %v", sum, err)
	}
	raw, err := rpc.CallRaw("echo", `[1,"x"]`, 0)
	if err != nil || string(raw) != `[1, "x"]` { // as the server writes it
		t.Fatalf("echo: %s %v", raw, err)
	}
	wantError(t, rpc.Call(nil, "fail", []any{1010, "Invalid Transaction"}), wetee.ErrRPC, "1010", "Invalid Transaction")
	_, err = rpc.CallRaw("sleep", []int{2000, 1}, 100)
	wantError(t, err, wetee.ErrTimeout, "sleep")
	wantError(t, rpc.Call(nil, "drop", nil), wetee.ErrNetwork, "connection lost")
	if err := rpc.Call(&sum, "add", []int{1, 1}); err != nil || sum != 2 {
		t.Fatalf("after the reconnect: %v %v", sum, err)
	}
	st, err := rpc.Stats()
	if err != nil || st["disconnects"].(float64) != 1 || st["connected"] != true {
		t.Fatalf("stats: %v %v", st, err)
	}
	// goroutines share the client
	var wg sync.WaitGroup
	var mu sync.Mutex
	bad := 0
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(base int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				var r int
				if err := rpc.Call(&r, "add", []int{base, i}); err != nil || r != base+i {
					mu.Lock()
					bad++
					mu.Unlock()
				}
			}
		}(g * 1000)
	}
	wg.Wait()
	if bad != 0 {
		t.Fatalf("%d wrong answers from concurrent goroutines", bad)
	}
	h, err := wetee.NewRpc(http, wetee.RpcOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := h.Call(&sum, "add", []int{2, 3}); err != nil || sum != 5 {
		t.Fatalf("http add: %v %v", sum, err)
	}
	_, err = h.Subscribe("subscribe_ticks", []int{5, 0}, "", false)
	wantError(t, err, wetee.ErrUnsupported)
	_, err = wetee.NewRpc("ftp://x", wetee.RpcOptions{})
	wantError(t, err, wetee.ErrInvalidArgument)
}

func TestRpcSubscriptionResumes(t *testing.T) {
	ws, _ := faultServer(t)
	rpc, err := wetee.NewRpc(ws, wetee.RpcOptions{ReconnectInitialMs: 20})
	if err != nil {
		t.Fatal(err)
	}
	defer rpc.Close()
	sub, err := rpc.Subscribe("subscribe_ticks", []int{5, 0}, "unsubscribe_ticks", false)
	if err != nil {
		t.Fatal(err)
	}
	for want := 0; want < 3; want++ {
		ev, err := sub.Next(5000)
		var v int
		if err != nil || ev.Kind != wetee.RpcNotification || json.Unmarshal(ev.Value, &v) != nil || v != want {
			t.Fatalf("tick %d: %+v %v", want, ev, err)
		}
	}
	old, _ := sub.ID()
	if err := rpc.Call(nil, "drop_after", []int{5}); err != nil {
		t.Fatal(err)
	}
	lost := false
	for {
		ev, err := sub.Next(5000)
		if err != nil {
			t.Fatalf("waiting for the resubscription: %v", err)
		}
		if ev.Kind == wetee.RpcLost {
			lost = true
		}
		if ev.Kind == wetee.RpcResubscribed {
			break
		}
	}
	id, _ := sub.ID()
	if !lost || id == old {
		t.Fatalf("lost %v, id %s (was %s)", lost, id, old)
	}
	sub.Close()
	if _, err := sub.Next(10); err != wetee.ErrSubscriptionClosed {
		t.Fatalf("Next after Close: %v", err)
	}
	var st map[string]int
	if err := rpc.Call(&st, "server_stats", nil); err != nil || st["active_subs"] != 0 {
		t.Fatalf("server stats after unsubscribe: %v %v", st, err)
	}
}
