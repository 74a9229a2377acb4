/* The benchmark harness; the method is described in harness.h. */
#define _POSIX_C_SOURCE 200809L

#include "harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

volatile uint64_t wb_sink;

uint64_t wb_fnv1a(uint64_t h, const void *data, size_t len)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t wb_splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double timed(const wb_case *c, void *ctx, uint64_t iters)
{
    double t0 = now_s();
    c->run(ctx, iters);
    return now_s() - t0;
}

static double env_double(const char *name, double dflt, double lo, double hi)
{
    const char *s = getenv(name);
    if (!s || !*s) return dflt;
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || !(v >= lo && v <= hi)) {
        fprintf(stderr, "bench: ignoring %s=%s (expected a number in [%g, %g])\n", name, s, lo, hi);
        return dflt;
    }
    return v;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define WB_MAX_SAMPLES 101

static int run_case(const char *impl, const wb_case *c, double seconds, int samples)
{
    void *ctx = NULL;
    if (c->setup(&ctx) != 0) {
        fprintf(stderr, "bench: %s: setup failed\n", c->name);
        return 1;
    }
    double per_sample = seconds / samples;

    /* Calibration (also the warm-up). */
    uint64_t iters = 1;
    double t;
    for (;;) {
        t = timed(c, ctx, iters);
        if (t >= per_sample / 5 || iters >= (UINT64_C(1) << 40)) break;
        double f = t > 0 ? ceil(per_sample * 0.3 / t) : 100;
        if (f < 2) f = 2;
        if (f > 100) f = 100;
        iters *= (uint64_t)f;
    }
    double per_iter = t / (double)iters;
    uint64_t n = (uint64_t)llround(per_sample / per_iter);
    if (n < 1) n = 1;
    if (per_iter > per_sample) {
        /* A slow case: one iteration per sample, bounded total time. */
        int fit = (int)floor(seconds / per_iter);
        samples = fit < 3 ? 3 : (fit < samples ? fit : samples);
    }

    double ns[WB_MAX_SAMPLES];
    for (int i = 0; i < samples; i++)
        ns[i] = timed(c, ctx, n) * 1e9 / ((double)n * c->ops_per_iter);
    qsort(ns, (size_t)samples, sizeof ns[0], cmp_double);
    double med = samples % 2 ? ns[samples / 2] : (ns[samples / 2 - 1] + ns[samples / 2]) / 2;

    uint64_t check = c->check ? c->check(ctx) : 0;
    if (c->teardown) c->teardown(ctx);

    struct rusage ru;
    long rss = getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
    printf("BENCH\t%s\t%s\t%.3f\t%.1f\t%ld\t%d\t%llu\t%.3f\t%.3f\n", impl, c->name, med, 1e9 / med, rss,
           samples, (unsigned long long)n, ns[0], ns[samples - 1]);
    if (c->check) printf("CHECK\t%s\t%s\t%016llx\n", impl, c->name, (unsigned long long)check);
    fflush(stdout);
    return 0;
}

int wb_main(int argc, char **argv, const char *impl, const wb_case *cases, size_t n_cases)
{
    if (argc > 1 && strcmp(argv[1], "--list") == 0) {
        for (size_t i = 0; i < n_cases; i++) printf("%s\n", cases[i].name);
        return 0;
    }
    for (int a = 1; a < argc; a++) {
        size_t i = 0;
        while (i < n_cases && strcmp(argv[a], cases[i].name) != 0) i++;
        if (i == n_cases) {
            fprintf(stderr, "bench: unknown case '%s' (--list shows the cases)\n", argv[a]);
            return 1;
        }
    }
    double seconds = env_double("WETEE_BENCH_SECONDS", 1.0, 0.001, 3600);
    int samples = (int)env_double("WETEE_BENCH_SAMPLES", 5, 1, WB_MAX_SAMPLES);
    int status = 0;
    for (size_t i = 0; i < n_cases; i++) {
        int selected = argc <= 1;
        for (int a = 1; a < argc && !selected; a++) selected = strcmp(argv[a], cases[i].name) == 0;
        if (selected && run_case(impl, &cases[i], seconds, samples) != 0) status = 1;
    }
    return status;
}
