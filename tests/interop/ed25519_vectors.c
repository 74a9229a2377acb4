/* libwetee side of the ed25519 differential test against ed25519-zebra
 * (tests/interop/run.sh, suite "ed25519"; the cases and zebra's verdicts
 * come from tests/interop/ed25519_zebra, a small Rust program).
 *
 *   ed25519_vectors check FILE
 *
 * FILE: lines "kind<TAB>public<TAB>signature<TAB>message<TAB>verdict" (hex;
 * verdict 1 when ed25519-zebra accepts). For every line,
 * wetee_ed25519_verify() and wetee_verify() must give zebra's verdict (that
 * of sp-core), and wetee_ed25519_verify_strict() may accept only what zebra
 * accepts. Prints a table per kind, every disagreement, and ends with
 * "N passed, M failed" (one test per line); exits non-zero on a failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define MAX_KINDS 32
#define MAX_MSG 4096

typedef struct {
    char name[48];
    unsigned long total, zebra_valid, strict_valid, failed;
} kind_stats;

static int unhex(uint8_t *out, size_t cap, const char *hex, size_t *len)
{
    size_t n = strlen(hex), i;
    if (n % 2 || n / 2 > cap) return -1;
    for (i = 0; i < n / 2; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1) return -1;
        out[i] = (uint8_t)v;
    }
    *len = n / 2;
    return 0;
}

static kind_stats *kind_of(kind_stats *kinds, size_t *n, const char *name)
{
    size_t i;
    for (i = 0; i < *n; i++)
        if (strcmp(kinds[i].name, name) == 0) return &kinds[i];
    if (*n == MAX_KINDS) return NULL;
    memset(&kinds[*n], 0, sizeof kinds[*n]);
    {
        size_t len = strlen(name);
        if (len >= sizeof kinds[*n].name) len = sizeof kinds[*n].name - 1;
        memcpy(kinds[*n].name, name, len); /* zeroed above: stays terminated */
    }
    return &kinds[(*n)++];
}

static int check(const char *path)
{
    static char line[2 * MAX_MSG + 512];
    static uint8_t msg[MAX_MSG];
    kind_stats kinds[MAX_KINDS];
    size_t nkinds = 0, i;
    unsigned long lineno = 0, passed = 0, failed = 0;
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 2;
    }
    while (fgets(line, sizeof line, f)) {
        char *field[6], *p = line;
        uint8_t pub[32], sig[64];
        size_t publen, siglen, msglen;
        int k = 0, zebra, ours, generic, strict, ok;
        kind_stats *ks;
        lineno++;
        line[strcspn(line, "\r\n")] = 0;
        field[k++] = p;
        while (k < 6 && (p = strchr(p, '\t')) != NULL) {
            *p++ = 0;
            field[k++] = p;
        }
        if (k != 5 || unhex(pub, 32, field[1], &publen) || publen != 32 || unhex(sig, 64, field[2], &siglen) ||
            siglen != 64 || unhex(msg, sizeof msg, field[3], &msglen) || (strcmp(field[4], "0") && strcmp(field[4], "1"))) {
            fprintf(stderr, "%s:%lu: malformed line\n", path, lineno);
            failed++;
            continue;
        }
        zebra = field[4][0] == '1';
        ours = wetee_ed25519_verify(sig, msg, msglen, pub) == WETEE_OK;
        generic = wetee_verify(WETEE_SCHEME_ED25519, sig, 64, msg, msglen, pub, 32) == WETEE_OK;
        strict = wetee_ed25519_verify_strict(sig, msg, msglen, pub) == WETEE_OK;
        ok = ours == zebra && generic == zebra && (!strict || zebra);
        ks = kind_of(kinds, &nkinds, field[0]);
        if (ks) {
            ks->total++;
            ks->zebra_valid += (unsigned long)zebra;
            ks->strict_valid += (unsigned long)strict;
            ks->failed += (unsigned long)!ok;
        }
        if (ok) {
            passed++;
        } else {
            failed++;
            if (failed <= 20)
                printf("MISMATCH line %lu (%s): ed25519-zebra %d, wetee_ed25519_verify %d, wetee_verify %d, strict %d"
                       "\n  pub %s\n  sig %s\n  msg %s\n",
                       lineno, field[0], zebra, ours, generic, strict, field[1], field[2], field[3]);
        }
    }
    fclose(f);
    printf("%-26s %8s %12s %12s %8s\n", "kind", "cases", "zebra valid", "strict valid", "failed");
    for (i = 0; i < nkinds; i++)
        printf("%-26s %8lu %12lu %12lu %8lu\n", kinds[i].name, kinds[i].total, kinds[i].zebra_valid,
               kinds[i].strict_valid, kinds[i].failed);
    printf("%lu passed, %lu failed\n", passed, failed);
    return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "check") == 0) return check(argv[2]);
    fprintf(stderr, "usage: %s check FILE\n", argv[0]);
    return 2;
}
