/* Minimal test harness for the libwetee C unit tests.
 *
 * Each test executable defines test functions with WT_TEST(name) and lists
 * them in WT_MAIN(...). Failures print file:line and the expression; the
 * process exits non-zero when any check failed. A test that cannot run
 * (missing shared vectors) calls WT_SKIP("why"), which prints a visible
 * "SKIP" line and does not count as passed. */
#ifndef WT_TEST_H
#define WT_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

extern int wt_test_failures;
extern int wt_test_checks;
extern int wt_test_skipped;

#define WT_TEST(name) static void name(void)

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        wt_test_checks++;                                                                          \
        if (!(cond)) {                                                                             \
            wt_test_failures++;                                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

/* Expect a libwetee call to return WETEE_OK. */
#define CHECK_OK(expr)                                                                             \
    do {                                                                                           \
        int wt_rc_ = (expr);                                                                       \
        wt_test_checks++;                                                                          \
        if (wt_rc_ != WETEE_OK) {                                                                  \
            wt_test_failures++;                                                                    \
            fprintf(stderr, "%s:%d: %s returned %d (%s): %s\n", __FILE__, __LINE__, #expr, wt_rc_,   \
                    wetee_strerror(wt_rc_), wetee_last_error());                                   \
        }                                                                                          \
    } while (0)

/* Expect a libwetee call to fail with a given status. */
#define CHECK_ERR(expr, code)                                                                      \
    do {                                                                                           \
        int wt_rc_ = (expr);                                                                       \
        wt_test_checks++;                                                                          \
        if (wt_rc_ != (code)) {                                                                    \
            wt_test_failures++;                                                                    \
            fprintf(stderr, "%s:%d: %s returned %d (%s), expected %d (%s); detail: %s\n", __FILE__,  \
                    __LINE__, #expr, wt_rc_, wetee_strerror(wt_rc_), (int)(code),                  \
                    wetee_strerror(code), wetee_last_error());                                     \
        }                                                                                          \
    } while (0)

/* Expect wetee_last_error() to contain `sub`. */
#define CHECK_DETAIL(sub) wt_check_detail(__FILE__, __LINE__, (sub))

/* Compare bytes with an expected hex string. */
#define CHECK_HEX(bytes, len, hex) wt_check_hex(__FILE__, __LINE__, #bytes, (bytes), (len), (hex))
#define CHECK_STR(a, b)                                                                            \
    do {                                                                                           \
        const char *wt_a_ = (a), *wt_b_ = (b);                                                     \
        wt_test_checks++;                                                                          \
        if (wt_a_ == NULL || wt_b_ == NULL || strcmp(wt_a_, wt_b_) != 0) {                         \
            wt_test_failures++;                                                                    \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a,       \
                    wt_a_ ? wt_a_ : "(null)", wt_b_ ? wt_b_ : "(null)");                           \
        }                                                                                          \
    } while (0)

#define WT_SKIP(why)                                                                               \
    do {                                                                                           \
        wt_test_skipped++;                                                                         \
        printf("SKIP %s: %s\n", __func__, why);                                                    \
        return;                                                                                    \
    } while (0)

void wt_check_detail(const char *file, int line, const char *sub);
void wt_check_hex(const char *file, int line, const char *expr, const uint8_t *bytes, size_t len,
                  const char *hex);
/* Hex string to bytes (test helper; aborts on bad input). Returns length. */
size_t wt_unhex(uint8_t *out, size_t cap, const char *hex);
/* Directory of the shared test vectors, or NULL when it does not exist. */
const char *wt_vectors_dir(void);
/* Read a whole file under the vectors directory; NULL when absent. Caller frees. */
uint8_t *wt_read_vector(const char *relpath, size_t *len);
/* Read a whole file of the repository (path relative to its root); NULL
 * when absent. Caller frees. */
uint8_t *wt_read_source_file(const char *relpath, size_t *len);
/* Deterministic PRNG for randomized tests (xorshift64*). */
uint64_t wt_rand(void);
void wt_rand_seed(uint64_t seed);

/* Run fn in a fresh child process (fork), for cases that need a process of
 * their own (process-wide state); its CHECK failures fail the parent's
 * case, its WT_SKIP counts as a skip. POSIX only. */
void wt_run_forked(const char *name, void (*fn)(void));

typedef struct { const char *name; void (*fn)(void); } wt_test_case;
int wt_run(const char *suite, const wt_test_case *cases, size_t n);

#define WT_CASE(fn) { #fn, fn }
#define WT_MAIN(suite, ...)                                                                        \
    int main(void)                                                                                 \
    {                                                                                              \
        static const wt_test_case wt_cases_[] = { __VA_ARGS__ };                                   \
        return wt_run(suite, wt_cases_, sizeof wt_cases_ / sizeof wt_cases_[0]);                   \
    }

#endif
