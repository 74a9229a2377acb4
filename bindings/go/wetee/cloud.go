package wetee

import (
	"encoding/json"
	"math/big"
	"runtime"
	"strings"
	"sync"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// WeTEE cloud API, pallet generation (wetee/cloud.h, docs/cloud.md):
// deployment files, deploy / status / wait / restart / update / stop,
// prices and clusters, and the worker side, on a connected Chain.
//
//	d, err := wetee.LoadDeployment("examples/cloud/hello.json") // validated
//	cl, err := wetee.OpenCloud(chain)
//	cost, _ := cl.Estimate(d)
//	id, outcome, err := cl.Deploy(alice, d, 60000)
//	status, err := cl.Wait(wetee.CloudApp, id, wetee.CloudRunning, 120000)
//
// A failed dispatch is an error of code ErrState whose text names the
// module error ("WeTEEApp.CpuTooLow").

// Work kinds and the worker pallet role.
const (
	CloudApp    = 0
	CloudTask   = 1
	CloudGpu    = 2
	CloudWorker = 3
)

// Work statuses.
const (
	CloudCreated    = 0
	CloudDeploying  = 1
	CloudStopped    = 2
	CloudRunning    = 3
	CloudRestarting = 4
)

// CloudStatusName names a work status ("running", ...).
func CloudStatusName(status int) string { return cwetee.Cloud_status_name(status) }

// CloudKindName names a work kind ("app", "task", "gpu").
func CloudKindName(kind int) string { return cwetee.Cloud_kind_name(kind) }

// Deployment is a parsed and validated deployment file (read-only).
type Deployment struct {
	mu sync.RWMutex
	h  uintptr
}

func newDeployment(h uintptr) *Deployment {
	d := &Deployment{h: h}
	runtime.SetFinalizer(d, (*Deployment).Close)
	return d
}

// ParseDeployment parses deployment JSON; the error names the bad field
// and the allowed values.
func ParseDeployment(text string) (*Deployment, error) {
	var h uintptr
	if err := check(cwetee.Cloudb_deployment_parse(&h, text)); err != nil {
		return nil, err
	}
	return newDeployment(h), nil
}

// LoadDeployment parses a deployment file.
func LoadDeployment(path string) (*Deployment, error) {
	var h uintptr
	if err := check(cwetee.Cloudb_deployment_load(&h, path)); err != nil {
		return nil, err
	}
	return newDeployment(h), nil
}

// Close frees the deployment.
func (d *Deployment) Close() error {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.h != 0 {
		cwetee.Cloud_deployment_free(d.h)
		d.h = 0
	}
	return nil
}

func (d *Deployment) use(f func(h uintptr) error) error {
	if d == nil {
		return newError(ErrInvalidArgument, "cloud: nil *Deployment")
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.h == 0 {
		return newError(ErrState, "cloud: deployment closed")
	}
	return f(d.h)
}

// Kind is CloudApp, CloudTask or CloudGpu.
func (d *Deployment) Kind() int {
	k := -1
	_ = d.use(func(h uintptr) error { k = cwetee.Cloudb_deployment_kind(h); return nil })
	return k
}

func cloudDecodeJSON(text string, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	var v any
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	if e := dec.Decode(&v); e != nil {
		return nil, newError(ErrDecode, "cloud: "+e.Error())
	}
	return v, nil
}

// JSON returns the deployment with every default filled in.
func (d *Deployment) JSON() (any, error) {
	var t string
	err := d.use(func(h uintptr) error { return check(cwetee.Cloudb_deployment_json(&t, h)) })
	return cloudDecodeJSON(t, err)
}

// DeployCall returns the deploy call for a runtime: {"pallet", "call", "args"}.
func (d *Deployment) DeployCall(md *Metadata) (any, error) {
	var t string
	err := d.use(func(h uintptr) error {
		return md.use(func(mh uintptr) error { return check(cwetee.Cloudb_deploy_call_json(&t, mh, h)) })
	})
	return cloudDecodeJSON(t, err)
}

// DeployCallBytes returns the deploy call SCALE-encoded.
func (d *Deployment) DeployCallBytes(md *Metadata) ([]byte, error) {
	var b []byte
	err := d.use(func(h uintptr) error {
		return md.use(func(mh uintptr) error { return check(cwetee.Cloudb_deploy_call(&b, mh, h)) })
	})
	return b, err
}

// EstimateAt returns the cost per payment period at a level price
// (e.g. {"cpu_per":100,"memory_per":100,"disk_per":100}).
func (d *Deployment) EstimateAt(price any) (*big.Int, error) {
	p, err := json.Marshal(price)
	if err != nil {
		return nil, newError(ErrInvalidArgument, "cloud: "+err.Error())
	}
	w := []uint64{0, 0}
	err = d.use(func(h uintptr) error { return check(cwetee.Cloudb_estimate_at(w, h, string(p))) })
	if err != nil {
		return nil, err
	}
	return fromWords(w), nil
}

// Cloud is the cloud API of a connected Chain; it refuses calls after the
// Chain is closed.
type Cloud struct {
	mu    sync.RWMutex
	h     uintptr
	chain *Chain
}

// OpenCloud opens the cloud API of a chain (finds its WeTEE pallets).
func OpenCloud(c *Chain) (*Cloud, error) {
	var h uintptr
	err := c.use(func(ch uintptr) error { return check(cwetee.Cloudb_open(&h, ch)) })
	if err != nil {
		return nil, err
	}
	cl := &Cloud{h: h, chain: c}
	runtime.SetFinalizer(cl, (*Cloud).Close)
	return cl, nil
}

// Close frees the handle (not the chain).
func (cl *Cloud) Close() error {
	if cl == nil {
		return nil
	}
	cl.mu.Lock()
	defer cl.mu.Unlock()
	if cl.h != 0 {
		cwetee.Cloud_free(cl.h)
		cl.h = 0
	}
	return nil
}

// use holds the chain (read lock) for the call: a closed chain gives ErrState.
func (cl *Cloud) use(f func(h uintptr) error) error {
	if cl == nil {
		return newError(ErrInvalidArgument, "cloud: nil *Cloud")
	}
	cl.mu.RLock()
	defer cl.mu.RUnlock()
	if cl.h == 0 {
		return newError(ErrState, "cloud: closed")
	}
	return cl.chain.use(func(uintptr) error { return f(cl.h) })
}

func (cl *Cloud) signed(kp *Keypair, f func(h, kh uintptr) error) error {
	return cl.use(func(h uintptr) error { return kp.use(func(kh uintptr) error { return f(h, kh) }) })
}

// Deploy deploys a deployment; it returns the new id and the outcome.
func (cl *Cloud) Deploy(kp *Keypair, d *Deployment, timeoutMs uint) (uint64, map[string]any, error) {
	var id uint64
	var text string
	err := cl.signed(kp, func(h, kh uintptr) error {
		return d.use(func(dh uintptr) error { return check(cwetee.Cloudb_deploy(&id, &text, h, kh, dh, timeoutMs)) })
	})
	m, err := outcome(text, err)
	return id, m, err
}

// Estimate returns the cost per payment period at the chain's price for the deployment's level.
func (cl *Cloud) Estimate(d *Deployment) (*big.Int, error) {
	w := []uint64{0, 0}
	err := cl.use(func(h uintptr) error {
		return d.use(func(dh uintptr) error { return check(cwetee.Cloudb_estimate(w, h, dh)) })
	})
	if err != nil {
		return nil, err
	}
	return fromWords(w), nil
}

// Status returns a work's status object (kind, id, owner, status, statusName, cluster, work).
func (cl *Cloud) Status(kind int, id uint64) (map[string]any, error) {
	var t string
	err := cl.use(func(h uintptr) error { return check(cwetee.Cloudb_status_json(&t, h, kind, id)) })
	return outcome(t, err)
}

// List returns the works of an owner.
func (cl *Cloud) List(kind int, owner string) (any, error) {
	var t string
	err := cl.use(func(h uintptr) error { return check(cwetee.Cloudb_list_json(&t, h, kind, owner)) })
	return cloudDecodeJSON(t, err)
}

// Wait follows a work until it reaches target; it returns the last status.
func (cl *Cloud) Wait(kind int, id uint64, target int, timeoutMs uint) (int, error) {
	var s uint32
	err := cl.use(func(h uintptr) error { return check(cwetee.Cloudb_wait(&s, h, kind, id, target, timeoutMs)) })
	return int(int32(s)), err
}

// Restart restarts a work (rerun for a task).
func (cl *Cloud) Restart(kp *Keypair, kind int, id uint64, timeoutMs uint) (map[string]any, error) {
	var t string
	err := cl.signed(kp, func(h, kh uintptr) error { return check(cwetee.Cloudb_restart(&t, h, kh, kind, id, timeoutMs)) })
	return outcome(t, err)
}

// Update replaces a work's name, image, ports, command and environment from a deployment.
func (cl *Cloud) Update(kp *Keypair, id uint64, d *Deployment, withRestart bool, timeoutMs uint) (map[string]any, error) {
	var t string
	wr := 0
	if withRestart {
		wr = 1
	}
	err := cl.signed(kp, func(h, kh uintptr) error {
		return d.use(func(dh uintptr) error { return check(cwetee.Cloudb_update(&t, h, kh, id, dh, wr, timeoutMs)) })
	})
	return outcome(t, err)
}

// Stop stops a work (work_stop).
func (cl *Cloud) Stop(kp *Keypair, kind int, id uint64, timeoutMs uint) (map[string]any, error) {
	var t string
	err := cl.signed(kp, func(h, kh uintptr) error { return check(cwetee.Cloudb_stop(&t, h, kh, kind, id, timeoutMs)) })
	return outcome(t, err)
}

// Prices returns the level prices of a kind (CloudWorker: deposit prices).
func (cl *Cloud) Prices(kind int) (any, error) {
	var t string
	err := cl.use(func(h uintptr) error { return check(cwetee.Cloudb_prices_json(&t, h, kind)) })
	return cloudDecodeJSON(t, err)
}

// Assets returns the assets a deployment can be paid with.
func (cl *Cloud) Assets() (any, error) {
	var t string
	err := cl.use(func(h uintptr) error { return check(cwetee.Cloudb_assets_json(&t, h)) })
	return cloudDecodeJSON(t, err)
}

// Clusters returns the registered clusters with their resources.
func (cl *Cloud) Clusters() (any, error) {
	var t string
	err := cl.use(func(h uintptr) error { return check(cwetee.Cloudb_clusters_json(&t, h)) })
	return cloudDecodeJSON(t, err)
}

// Submit signs and submits any call of a cloud pallet (role CloudApp ... CloudWorker).
func (cl *Cloud) Submit(kp *Keypair, role int, call string, args any, timeoutMs uint) (map[string]any, error) {
	a, err := optJSON(args)
	if err != nil {
		return nil, err
	}
	var t string
	err = cl.signed(kp, func(h, kh uintptr) error { return check(cwetee.Cloudb_submit(&t, h, kh, role, call, a, timeoutMs)) })
	return outcome(t, err)
}

// ClusterRegister registers a cluster and returns its id.
func (cl *Cloud) ClusterRegister(kp *Keypair, name string, ipv4, port uint32, level uint8, timeoutMs uint) (uint64, error) {
	var id uint64
	err := cl.signed(kp, func(h, kh uintptr) error {
		return check(cwetee.Cloudb_cluster_register(&id, h, kh, name, uint(ipv4), uint(port), level, timeoutMs))
	})
	return id, err
}

// ClusterMortgage mortgages resources ({"cpu":..,"mem":..,...}) with a deposit.
func (cl *Cloud) ClusterMortgage(kp *Keypair, clusterID uint64, resources map[string]uint32, deposit *big.Int, timeoutMs uint) (map[string]any, error) {
	r, err := json.Marshal(resources)
	if err != nil {
		return nil, newError(ErrInvalidArgument, "cloud: "+err.Error())
	}
	w, err := u128Words(deposit)
	if err != nil {
		return nil, err
	}
	var t string
	err = cl.signed(kp, func(h, kh uintptr) error {
		return check(cwetee.Cloudb_cluster_mortgage(&t, h, kh, clusterID, string(r), w, timeoutMs))
	})
	return outcome(t, err)
}

// WorkProofUpload uploads a work proof (an empty one when proof is nil)
// with an optional report (nil for none).
func (cl *Cloud) WorkProofUpload(kp *Keypair, kind int, id uint64, proof any, report []byte, timeoutMs uint) (map[string]any, error) {
	p, err := optJSON(proof)
	if err != nil {
		return nil, err
	}
	has := 0
	if report != nil {
		has = 1
	}
	var t string
	err = cl.signed(kp, func(h, kh uintptr) error {
		return check(cwetee.Cloudb_work_proof_upload(&t, h, kh, kind, id, p, report, has, timeoutMs))
	})
	return outcome(t, err)
}

// WorkReport returns the report the worker of a work published on chain.
func (cl *Cloud) WorkReport(kind int, id uint64) ([]byte, error) {
	var b []byte
	err := cl.use(func(h uintptr) error { return check(cwetee.Cloudb_work_report(&b, h, kind, id)) })
	return b, err
}
