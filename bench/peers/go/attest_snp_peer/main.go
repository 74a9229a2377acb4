// The go-sev-guest peer of bench/bench_attest_snp.c: the same cases, data
// and output lines (bench/harness.h). The sample is the go-sev-guest
// test report of ../shared/vectors/attestation/snp with its VCEK and the
// Milan ASK/ARK; verification at t = 1700000000 without network access.
package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"time"

	"github.com/google/go-sev-guest/abi"
	spb "github.com/google/go-sev-guest/proto/sevsnp"
	"github.com/google/go-sev-guest/verify"
	"github.com/google/go-sev-guest/verify/trust"
)

const impl = "go-sev-guest"

var sink uint64

type bench struct {
	report, vcek, chain []byte
	roots               map[string][]*trust.AMDRootCerts
	ask, ark            []byte
	out                 *spb.Report
}

func vectors() string {
	if d := os.Getenv("WETEE_VECTORS_DIR"); d != "" {
		return d
	}
	exe, _ := os.Executable()
	return filepath.Join(filepath.Dir(exe), "..", "..", "..", "..", "..", "shared", "vectors")
}

func setup() (*bench, error) {
	d := filepath.Join(vectors(), "attestation", "snp")
	var b bench
	var err error
	if b.report, err = os.ReadFile(filepath.Join(d, "report.bin")); err != nil {
		return nil, err
	}
	if b.vcek, err = os.ReadFile(filepath.Join(d, "vcek.der")); err != nil {
		return nil, err
	}
	if b.chain, err = os.ReadFile(filepath.Join(d, "ask_ark_milan.pem")); err != nil {
		return nil, err
	}
	root := trust.AMDRootCertsProduct("Milan")
	if err := root.FromKDSCertBytes(b.chain); err != nil {
		return nil, err
	}
	b.roots = map[string][]*trust.AMDRootCerts{"Milan": {root}}
	b.ask = root.ProductCerts.Ask.Raw
	b.ark = root.ProductCerts.Ark.Raw
	return &b, nil
}

func (b *bench) verify() error {
	rep, err := abi.ReportToProto(b.report)
	if err != nil {
		return err
	}
	att := &spb.Attestation{Report: rep, CertificateChain: &spb.CertificateChain{VcekCert: b.vcek, AskCert: b.ask, ArkCert: b.ark}}
	opts := &verify.Options{Now: time.Unix(1700000000, 0), TrustedRoots: b.roots, DisableCertFetching: true,
		Product: &spb.SevProduct{Name: spb.SevProduct_SEV_PRODUCT_MILAN}}
	if err := verify.SnpAttestation(att, opts); err != nil {
		return err
	}
	b.out = rep
	return nil
}

func (b *bench) parse() error {
	rep, err := abi.ReportToProto(b.report)
	if err != nil {
		return err
	}
	b.out = rep
	return nil
}

func fnv(h uint64, data []byte) uint64 {
	for _, c := range data {
		h ^= uint64(c)
		h *= 0x100000001b3
	}
	return h
}

type benchCase struct {
	name string
	run  func(*bench) error
}

var cases = []benchCase{{"snp_verify", (*bench).verify}, {"snp_parse", (*bench).parse}}

func envFloat(name string, dflt, lo, hi float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil && v >= lo && v <= hi {
		return v
	}
	return dflt
}

func runCase(c benchCase, seconds float64, samples int) error {
	b, err := setup()
	if err != nil {
		return err
	}
	timed := func(iters uint64) (float64, error) {
		t0 := time.Now()
		for i := uint64(0); i < iters; i++ {
			if err := c.run(b); err != nil {
				return 0, err
			}
			sink += uint64(b.out.Measurement[0])
		}
		return time.Since(t0).Seconds(), nil
	}
	perSample := seconds / float64(samples)
	iters := uint64(1)
	var t float64
	for {
		if t, err = timed(iters); err != nil {
			return err
		}
		if t >= perSample/5 || iters >= 1<<40 {
			break
		}
		f := 100.0
		if t > 0 {
			f = math.Ceil(perSample * 0.3 / t)
		}
		f = math.Max(2, math.Min(100, f))
		iters *= uint64(f)
	}
	perIter := t / float64(iters)
	n := uint64(math.Round(perSample / perIter))
	if n < 1 {
		n = 1
	}
	if perIter > perSample {
		fit := int(math.Floor(seconds / perIter))
		if fit < 3 {
			samples = 3
		} else if fit < samples {
			samples = fit
		}
	}
	ns := make([]float64, samples)
	for i := range ns {
		s, err := timed(n)
		if err != nil {
			return err
		}
		ns[i] = s * 1e9 / float64(n)
	}
	sort.Float64s(ns)
	med := ns[samples/2]
	if samples%2 == 0 {
		med = (ns[samples/2-1] + ns[samples/2]) / 2
	}
	h := fnv(fnv(0xcbf29ce484222325, b.out.Measurement), b.out.ReportData)
	var ru syscall.Rusage
	rss := int64(-1)
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		rss = ru.Maxrss
	}
	fmt.Printf("BENCH\t%s\t%s\t%.3f\t%.1f\t%d\t%d\t%d\t%.3f\t%.3f\n", impl, c.name, med, 1e9/med, rss, samples, n,
		ns[0], ns[samples-1])
	fmt.Printf("CHECK\t%s\t%s\t%016x\n", impl, c.name, h)
	return nil
}

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "--list" {
		for _, c := range cases {
			fmt.Println(c.name)
		}
		return
	}
	seconds := envFloat("WETEE_BENCH_SECONDS", 1.0, 0.001, 3600)
	samples := int(envFloat("WETEE_BENCH_SAMPLES", 5, 1, 101))
	status := 0
	for _, c := range cases {
		selected := len(args) == 0
		for _, a := range args {
			selected = selected || a == c.name
		}
		if !selected {
			continue
		}
		if err := runCase(c, seconds, samples); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %s: %v\n", impl, c.name, err)
			status = 1
		}
	}
	os.Exit(status)
}
