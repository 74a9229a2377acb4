/**
 * @file harness.h
 * @brief The tiny benchmark harness shared by every bench/bench_<module>.c.
 *
 * The same method is implemented by the peer drivers in bench/peers/ (Rust:
 * src/lib.rs, Node: harness.mjs) so that the numbers compare. It measures
 * one *run* of a case; bench/run.sh makes the published numbers out of
 * interleaved rounds of runs: in each round every implementation runs each
 * case once, in its own process, right after the others and in an order
 * rotated from round to round, and the ratio peer / libwetee is taken within
 * each round (median, min and max over the rounds). On a shared machine that
 * keeps the ratios steady where one long run per implementation does not.
 * A run:
 *
 *  1. setup() builds the input of a case (not timed);
 *  2. calibration: run() is called with 1, then more iterations until one
 *     call takes at least a fifth of the time of a sample; that also warms
 *     caches, branch predictors and the allocator;
 *  3. samples: WETEE_BENCH_SAMPLES (default 5) calls of run() with an
 *     iteration count scaled so that each takes WETEE_BENCH_SECONDS /
 *     samples (default 1 s in all per case when run alone; bench/run.sh sets
 *     0.5 s per round); when a single iteration is
 *     longer than that, one iteration per sample and no fewer than 3 samples;
 *  4. the median of the per-sample ns/op is reported, with its min and max.
 *
 * One iteration performs `ops_per_iter` operations (e.g. 1024 compact values),
 * so ns/op is per value, not per call of run().
 *
 * Output, one line per case on stdout, tab-separated (the first six fields
 * are the contract; later ones may be appended):
 *
 *     BENCH <impl> <case> <ns_per_op> <ops_per_s> <peak_rss_kb> <samples> <iters_per_sample> <min_ns> <max_ns>
 *     CHECK <impl> <case> <16 hex digits>
 *
 * CHECK is a FNV-1a 64 hash of the case's output (encoded bytes or decoded
 * values), computed outside the timed region, so that bench/run.sh can see
 * that every implementation processed the same data with the same result.
 * peak_rss_kb is getrusage(RUSAGE_SELF).ru_maxrss after the case: the peak
 * of the whole process, so bench/run.sh runs each case in its own process.
 *
 * Command line of a benchmark executable: no argument runs every case;
 * arguments name the cases to run (exact names); --list prints the names.
 */
#ifndef WETEE_BENCH_HARNESS_H
#define WETEE_BENCH_HARNESS_H

#include <stddef.h>
#include <stdint.h>

/** One benchmark case. */
typedef struct wb_case {
    const char *name;     /**< e.g. "compact_u128_encode" */
    double ops_per_iter;  /**< operations done by one iteration of run() */
    /** Build the input; return 0 on success (not timed). */
    int (*setup)(void **ctx);
    /** Run `iters` iterations (timed). */
    void (*run)(void *ctx, uint64_t iters);
    /** Hash of the output of one iteration (not timed; may be NULL). */
    uint64_t (*check)(void *ctx);
    /** Release what setup() built (may be NULL). */
    void (*teardown)(void *ctx);
} wb_case;

/** Sink that the compiler cannot optimise away; fold results into it. */
extern volatile uint64_t wb_sink;

/** FNV-1a 64 offset basis. */
#define WB_FNV_INIT 0xcbf29ce484222325ULL

/** Continue a FNV-1a 64 hash over `len` bytes. */
uint64_t wb_fnv1a(uint64_t h, const void *data, size_t len);

/** splitmix64: the deterministic generator every implementation uses for its data. */
uint64_t wb_splitmix64(uint64_t *state);

/**
 * Parse the command line, run the selected cases and print their lines.
 * @return the process exit status (0, or 1 when a case failed or was unknown).
 */
int wb_main(int argc, char **argv, const char *impl, const wb_case *cases, size_t n_cases);

#endif /* WETEE_BENCH_HARNESS_H */
