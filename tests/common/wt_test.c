#define _POSIX_C_SOURCE 200809L
#include "wt_test.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int wt_test_failures;
int wt_test_checks;
int wt_test_skipped;

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

size_t wt_unhex(uint8_t *out, size_t cap, const char *hex)
{
    size_t n = strlen(hex), i;
    if (n >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) { hex += 2; n -= 2; }
    if (n % 2 || n / 2 > cap) { fprintf(stderr, "wt_unhex: bad test literal %s\n", hex); abort(); }
    for (i = 0; i < n / 2; i++) {
        int a = hexval(hex[2 * i]), b = hexval(hex[2 * i + 1]);
        if (a < 0 || b < 0) { fprintf(stderr, "wt_unhex: bad test literal %s\n", hex); abort(); }
        out[i] = (uint8_t)(a * 16 + b);
    }
    return n / 2;
}

void wt_check_detail(const char *file, int line, const char *sub)
{
    const char *d = wetee_last_error();
    wt_test_checks++;
    if (strstr(d, sub) == NULL) {
        wt_test_failures++;
        fprintf(stderr, "%s:%d: detail \"%s\" lacks \"%s\"\n", file, line, d, sub);
    }
}

void wt_check_hex(const char *file, int line, const char *expr, const uint8_t *bytes, size_t len,
                  const char *hex)
{
    static const char digits[] = "0123456789abcdef";
    size_t n = strlen(hex), i;
    int ok;
    if (n >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) { hex += 2; n -= 2; }
    ok = (n == 2 * len);
    for (i = 0; ok && i < len; i++)
        ok = hexval(hex[2 * i]) == bytes[i] >> 4 && hexval(hex[2 * i + 1]) == (bytes[i] & 15);
    wt_test_checks++;
    if (!ok) {
        wt_test_failures++;
        fprintf(stderr, "%s:%d: %s ==\n  ", file, line, expr);
        for (i = 0; i < len; i++) fprintf(stderr, "%c%c", digits[bytes[i] >> 4], digits[bytes[i] & 15]);
        fprintf(stderr, "\nexpected\n  %s\n", hex);
    }
}

const char *wt_vectors_dir(void)
{
    static char path[4096];
    struct stat st;
    const char *env = getenv("WETEE_VECTORS_DIR");
    if (env && *env) snprintf(path, sizeof path, "%s", env);
    else snprintf(path, sizeof path, "%s/../shared/vectors", WETEE_SOURCE_DIR);
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) return NULL;
    return path;
}

static uint8_t *read_whole_file(const char *path, size_t *len)
{
    FILE *f;
    uint8_t *data;
    long size;
    f = fopen(path, "rb");
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) { fclose(f); return NULL; }
    data = malloc((size_t)size + 1);
    if (!data || fread(data, 1, (size_t)size, f) != (size_t)size) { free(data); fclose(f); return NULL; }
    data[size] = 0;
    fclose(f);
    *len = (size_t)size;
    return data;
}

uint8_t *wt_read_vector(const char *relpath, size_t *len)
{
    char path[8192];
    const char *dir = wt_vectors_dir();
    if (!dir) return NULL;
    snprintf(path, sizeof path, "%s/%s", dir, relpath);
    return read_whole_file(path, len);
}

uint8_t *wt_read_source_file(const char *relpath, size_t *len)
{
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", WETEE_SOURCE_DIR, relpath);
    return read_whole_file(path, len);
}

static uint64_t wt_rng_state = 0x9E3779B97F4A7C15ull;
void wt_rand_seed(uint64_t seed) { wt_rng_state = seed ? seed : 0x9E3779B97F4A7C15ull; }
uint64_t wt_rand(void)
{
    uint64_t x = wt_rng_state;
    x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
    wt_rng_state = x;
    return x * 0x2545F4914F6CDD1Dull;
}

void wt_run_forked(const char *name, void (*fn)(void))
{
    pid_t pid;
    int status = 0;
    fflush(NULL);
    pid = fork();
    wt_test_checks++;
    if (pid < 0) {
        wt_test_failures++;
        fprintf(stderr, "%s: fork failed\n", name);
        return;
    }
    if (pid == 0) {
        wt_test_failures = 0;
        wt_test_skipped = 0;
        fn();
        fflush(NULL);
        _exit(wt_test_failures ? 1 : wt_test_skipped ? 77 : 0);
    }
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 77)) {
        wt_test_failures++;
        fprintf(stderr, "  case %s failed in its process (status %d)\n", name, status);
    } else if (WEXITSTATUS(status) == 77) {
        wt_test_skipped++;
    }
}

int wt_run(const char *suite, const wt_test_case *cases, size_t n)
{
    size_t i;
    int failed_cases = 0;
    for (i = 0; i < n; i++) {
        int before = wt_test_failures, skipped_before = wt_test_skipped;
        cases[i].fn();
        if (wt_test_failures != before) {
            failed_cases++;
            printf("FAIL %s.%s\n", suite, cases[i].name);
        } else if (wt_test_skipped == skipped_before) {
            printf("ok   %s.%s\n", suite, cases[i].name);
        }
    }
    printf("%s: %zu cases, %d checks, %d failed checks, %d skipped\n", suite, n, wt_test_checks,
           wt_test_failures, wt_test_skipped);
    if (wt_test_checks == 0 && wt_test_skipped == 0) {
        printf("%s: no checks ran\n", suite);
        return 1;
    }
    return failed_cases ? 1 : 0;
}
