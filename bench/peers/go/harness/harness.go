// Package harness is the benchmark harness of the Go peers: the same method
// and output as libwetee's bench/harness.c (see bench/harness.h) and the
// JavaScript peers' harness.mjs. One invocation is one run of the selected
// cases; bench/run.sh interleaves runs of every implementation in rounds.
//
// Output lines (tab-separated):
//
//	BENCH <impl> <case> <ns_per_op> <ops_per_s> <peak_rss_kb> <samples> <iters_per_sample> <min_ns> <max_ns>
//	CHECK <impl> <case> <fnv1a-64 of the output, 16 hex digits>
package harness

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"syscall"
	"time"
)

// Sink receives results so that no work can be skipped.
var Sink uint64

// Bench is a set-up case: Run does iters iterations, Check hashes one output.
type Bench struct {
	Run   func(iters uint64)
	Check func() uint64
}

// Case is one benchmark case; Setup is called only when it is selected.
type Case struct {
	Name       string
	OpsPerIter float64
	Setup      func() Bench
}

// FNV1a continues a FNV-1a 64 hash over data.
func FNV1a(h uint64, data []byte) uint64 {
	for _, b := range data {
		h ^= uint64(b)
		h *= 0x100000001b3
	}
	return h
}

// FNVInit is the FNV-1a 64 offset basis.
const FNVInit uint64 = 0xcbf29ce484222325

func envNumber(name string, dflt, lo, hi float64) float64 {
	s := os.Getenv(name)
	if s == "" {
		return dflt
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < lo || v > hi {
		fmt.Fprintf(os.Stderr, "bench: ignoring %s=%s (expected a number in [%g, %g])\n", name, s, lo, hi)
		return dflt
	}
	return v
}

func timed(b Bench, iters uint64) float64 {
	t0 := time.Now()
	b.Run(iters)
	return time.Since(t0).Seconds()
}

func runCase(impl string, c Case, seconds float64, samples int) {
	b := c.Setup()
	perSample := seconds / float64(samples)
	iters := uint64(1)
	var t float64
	for {
		t = timed(b, iters)
		if t >= perSample/5 || iters >= 1<<40 {
			break
		}
		f := uint64(100)
		if t > 0 {
			f = uint64(perSample*0.3/t) + 1
		}
		if f < 2 {
			f = 2
		}
		if f > 100 {
			f = 100
		}
		iters *= f
	}
	perIter := t / float64(iters)
	n := uint64(perSample/perIter + 0.5)
	if n < 1 {
		n = 1
	}
	if perIter > perSample {
		fit := int(seconds / perIter)
		if fit < 3 {
			samples = 3
		} else if fit < samples {
			samples = fit
		}
	}
	ns := make([]float64, samples)
	for i := range ns {
		ns[i] = timed(b, n) * 1e9 / (float64(n) * c.OpsPerIter)
	}
	sort.Float64s(ns)
	med := ns[samples/2]
	if samples%2 == 0 {
		med = (ns[samples/2-1] + ns[samples/2]) / 2
	}
	check := b.Check()
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Printf("BENCH\t%s\t%s\t%.3f\t%.1f\t%d\t%d\t%d\t%.3f\t%.3f\n", impl, c.Name, med, 1e9/med, ru.Maxrss, samples, n,
		ns[0], ns[samples-1])
	fmt.Printf("CHECK\t%s\t%s\t%016x\n", impl, c.Name, check)
}

// Main parses the command line (no argument: every case; names: those
// cases; --list: the names), runs the selected cases and prints their lines.
func Main(impl string, cases []Case) {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "--list" {
		for _, c := range cases {
			fmt.Println(c.Name)
		}
		return
	}
	want := map[string]bool{}
	for _, a := range args {
		found := false
		for _, c := range cases {
			found = found || c.Name == a
		}
		if !found {
			fmt.Fprintf(os.Stderr, "bench: unknown case '%s' (--list shows the cases)\n", a)
			os.Exit(1)
		}
		want[a] = true
	}
	seconds := envNumber("WETEE_BENCH_SECONDS", 1, 0.001, 3600)
	samples := int(envNumber("WETEE_BENCH_SAMPLES", 5, 1, 101))
	for _, c := range cases {
		if len(args) == 0 || want[c.Name] {
			runCase(impl, c, seconds, samples)
		}
	}
}
