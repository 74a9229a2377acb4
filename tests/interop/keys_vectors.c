/* Differential test of libwetee's keys module (SURIs, sr25519, ed25519,
 * ecdsa, Ethereum, SS58, keystore) against @polkadot/util-crypto and
 * @polkadot/keyring: the libwetee side. Pairs with keys_diff.mjs (the
 * JavaScript side); run.sh drives both.
 *
 *   keys_vectors derive FILE       for each "scheme TAB suri [TAB ...]" line,
 *                                  the keypair wetee_keypair_from_suri() makes
 *   keys_vectors sign FILE         for each "scheme TAB suri TAB msg_hex [TAB ...]"
 *                                  line, a signature by libwetee
 *   keys_vectors verify FILE       check signatures made by polkadot.js (and
 *                                  tampered ones): "N passed, M failed"
 *   keys_vectors export FILE DIR   write keystore JSON files with
 *                                  wetee_keystore_export() into DIR
 *   keys_vectors import FILE       import keystore JSON files written by
 *                                  polkadot.js: "N passed, M failed"
 *   keys_vectors selfcheck         known answers for the libwetee side of
 *                                  the documented polkadot.js differences
 *                                  (no node needed; also run by ctest)
 *
 * Line formats: UTF-8 text, one record per line, fields separated by one
 * TAB (empty fields allowed), lines that are empty or start with '#' are
 * skipped. Binary values are lower-case hex without "0x". Schemes are
 * sr25519 | ed25519 | ecdsa | ethereum.
 *
 *   derive  in : scheme, suri, ...
 *           out: the input line, then either
 *                "ok", public, account id, addresses   (SS58 with prefixes
 *                0, 2, 42 and 1284 for sr25519/ed25519/ecdsa, four fields;
 *                the EIP-55 address for ethereum, one field)
 *                or "err", status name (DECODE, CHECKSUM, UNSUPPORTED, ...)
 *   sign    in : scheme, suri, msg_hex, ...
 *           out: the input line, then "ok", public, signature | "err", status
 *   verify  in : label, scheme, public_hex (ethereum: 33-byte key or 20-byte
 *                address), msg_hex, sig_hex, expect ("valid" | "invalid")
 *   export  in : scheme, suri, password_hex
 *           out: file, scheme, suri, password_hex, public, secret
 *                (secret as wetee_keypair_secret() gives it); file number
 *                N (from 1) is DIR/c-NNN-scheme.json with meta.name
 *                "libwetee \"export\" \\ N<TAB>ü 🔑" and meta.whenCreated
 *                1700000000000 + N
 *   import  in : file, scheme, password_hex, expect, public, secret
 *                expect: "ok" (import, compare scheme, public key and
 *                secret, sign and verify), "wrong-password" (the password
 *                with its last byte changed, or "x" if empty, must give
 *                VERIFY), or a status name the import must return
 *                (e.g. "UNSUPPORTED")
 *
 * verify, import and selfcheck print their failures (the first few in
 * full), end with "N passed, M failed" and exit non-zero on any failure;
 * derive, sign and export exit non-zero only on I/O or usage errors.
 */
#define _POSIX_C_SOURCE 200809L /* getline */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee/core.h"
#include "wetee/keys.h"
#include "wetee/ss58.h"

#define MAX_FIELDS 16
#define MAX_SHOWN 10

static void die(const char *fmt, ...)
{
    va_list ap;
    fputs("keys_vectors: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static const char *status_name(int code)
{
    switch (code) {
    case WETEE_OK: return "OK";
    case WETEE_ERR_INVALID_ARGUMENT: return "INVALID_ARGUMENT";
    case WETEE_ERR_NO_MEMORY: return "NO_MEMORY";
    case WETEE_ERR_DECODE: return "DECODE";
    case WETEE_ERR_TRUNCATED: return "TRUNCATED";
    case WETEE_ERR_NON_CANONICAL: return "NON_CANONICAL";
    case WETEE_ERR_OVERFLOW: return "OVERFLOW";
    case WETEE_ERR_DEPTH: return "DEPTH";
    case WETEE_ERR_CHECKSUM: return "CHECKSUM";
    case WETEE_ERR_UNSUPPORTED: return "UNSUPPORTED";
    case WETEE_ERR_CRYPTO: return "CRYPTO";
    case WETEE_ERR_VERIFY: return "VERIFY";
    case WETEE_ERR_NOT_FOUND: return "NOT_FOUND";
    case WETEE_ERR_IO: return "IO";
    case WETEE_ERR_NETWORK: return "NETWORK";
    case WETEE_ERR_STATE: return "STATE";
    case WETEE_ERR_TRAILING: return "TRAILING";
    case WETEE_ERR_INTERNAL: return "INTERNAL";
    default: return "UNKNOWN";
    }
}

static const char *const SCHEMES[] = { "sr25519", "ed25519", "ecdsa", "ethereum" };

/* "ethereum-ignore" / "ethereum-passphrase": Ethereum with that wetee_eth_password option. */
static wetee_suri_options g_suri_opts = WETEE_SURI_OPTIONS_INIT;

static int parse_scheme(const char *s, wetee_scheme *out)
{
    g_suri_opts.eth_password = WETEE_ETH_PASSWORD_REJECT;
    if (strcmp(s, "ethereum-ignore") == 0 || strcmp(s, "ethereum-passphrase") == 0) {
        g_suri_opts.eth_password = s[9] == 'i' ? WETEE_ETH_PASSWORD_IGNORE : WETEE_ETH_PASSWORD_PASSPHRASE;
        *out = WETEE_SCHEME_ETHEREUM;
        return 1;
    }
    for (int i = 0; i < 4; i++)
        if (strcmp(s, SCHEMES[i]) == 0) {
            *out = (wetee_scheme)i;
            return 1;
        }
    return 0;
}

static void print_hex(FILE *f, const uint8_t *p, size_t n)
{
    static const char d[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        fputc(d[p[i] >> 4], f);
        fputc(d[p[i] & 15], f);
    }
}

/* Decode hex (no prefix, may be empty) into a fresh buffer; 0 on bad text. */
static int unhex(wetee_buf *out, const char *text)
{
    out->len = 0;
    if (!*text) return 1;
    return wetee_hex_decode(out, text, strlen(text)) == WETEE_OK;
}

/* A file read as lines split into fields (in place). */
typedef struct {
    FILE *f;
    char *line;
    size_t cap;
    size_t line_no;
    char *raw;      /* copy of the line as read (without the newline) */
    size_t raw_cap;
    char *field[MAX_FIELDS];
    size_t nfield;
} reader;

static void reader_open(reader *r, const char *path)
{
    memset(r, 0, sizeof *r);
    r->f = fopen(path, "rb");
    if (!r->f) die("cannot open %s: %s", path, strerror(errno));
}

static int reader_next(reader *r)
{
    for (;;) {
        ssize_t got = getline(&r->line, &r->cap, r->f);
        if (got < 0) return 0;
        r->line_no++;
        size_t len = (size_t)got;
        while (len && (r->line[len - 1] == '\n' || r->line[len - 1] == '\r')) len--;
        r->line[len] = 0;
        if (len == 0 || r->line[0] == '#') continue;
        if (r->raw_cap < len + 1) {
            r->raw = realloc(r->raw, len + 1);
            if (!r->raw) die("out of memory");
            r->raw_cap = len + 1;
        }
        memcpy(r->raw, r->line, len + 1);
        r->nfield = 0;
        char *p = r->line;
        for (;;) {
            if (r->nfield == MAX_FIELDS) die("line %zu: too many fields", r->line_no);
            r->field[r->nfield++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = 0;
            p = tab + 1;
        }
        return 1;
    }
}

static void reader_close(reader *r)
{
    fclose(r->f);
    free(r->line);
    free(r->raw);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    if (!s) die("out of memory");
    for (;;) {
        if (cap - n < 4096) {
            cap *= 2;
            s = realloc(s, cap);
            if (!s) die("out of memory");
        }
        size_t got = fread(s + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    fclose(f);
    s[n] = 0;
    *len = n;
    return s;
}

/* Pass/fail bookkeeping shared by the checking commands. */
static size_t g_passed, g_failed;

static void fail(const char *where, const char *fmt, ...)
{
    g_failed++;
    if (g_failed > MAX_SHOWN) return;
    va_list ap;
    printf("FAIL %s: ", where);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

static int finish(void)
{
    if (g_failed > MAX_SHOWN) printf("... %zu more failures not shown\n", g_failed - MAX_SHOWN);
    printf("%zu passed, %zu failed\n", g_passed, g_failed);
    return g_failed ? 1 : 0;
}

/* Public key, account id and addresses of a keypair as TAB-separated fields. */
static int print_keypair(FILE *out, const wetee_keypair *kp)
{
    uint8_t pub[WETEE_PUBLIC_MAX_BYTES], acc[32];
    size_t pub_len = 0, acc_len = 0;
    int rc = wetee_keypair_public(kp, pub, &pub_len);
    if (rc == WETEE_OK) rc = wetee_keypair_account_id(kp, acc, &acc_len);
    if (rc != WETEE_OK) return rc;
    static const uint16_t prefixes[] = { 0, 2, 42, 1284 };
    size_t n = wetee_keypair_scheme(kp) == WETEE_SCHEME_ETHEREUM ? 1 : 4;
    wetee_buf addr[4] = { WETEE_BUF_INIT, WETEE_BUF_INIT, WETEE_BUF_INIT, WETEE_BUF_INIT };
    for (size_t i = 0; i < n && rc == WETEE_OK; i++) rc = wetee_keypair_address(&addr[i], kp, prefixes[i]);
    if (rc == WETEE_OK) {
        fputs("ok\t", out);
        print_hex(out, pub, pub_len);
        fputc('\t', out);
        print_hex(out, acc, acc_len);
        for (size_t i = 0; i < n; i++) fprintf(out, "\t%s", (const char *)addr[i].data);
    }
    for (size_t i = 0; i < 4; i++) wetee_buf_free(&addr[i]);
    return rc;
}

/* ------------------------------------------------------------------ */
/* derive / sign / export: print libwetee's results                    */
/* ------------------------------------------------------------------ */

static int cmd_derive(const char *path)
{
    reader r;
    reader_open(&r, path);
    while (reader_next(&r)) {
        wetee_scheme scheme;
        if (r.nfield < 2 || !parse_scheme(r.field[0], &scheme)) die("%s:%zu: expected scheme TAB suri", path, r.line_no);
        const char *suri = r.field[1];
        wetee_keypair *kp = NULL;
        int rc = wetee_keypair_from_suri_opts(&kp, scheme, suri, strlen(suri), &g_suri_opts);
        printf("%s\t", r.raw);
        if (rc == WETEE_OK) rc = print_keypair(stdout, kp);
        if (rc != WETEE_OK) printf("err\t%s", status_name(rc));
        putchar('\n');
        wetee_keypair_free(kp);
    }
    reader_close(&r);
    return fflush(stdout) == 0 ? 0 : 2;
}

static int cmd_sign(const char *path)
{
    reader r;
    wetee_buf msg = WETEE_BUF_INIT;
    reader_open(&r, path);
    while (reader_next(&r)) {
        wetee_scheme scheme;
        if (r.nfield < 3 || !parse_scheme(r.field[0], &scheme) || !unhex(&msg, r.field[2]))
            die("%s:%zu: expected scheme TAB suri TAB msg_hex", path, r.line_no);
        const char *suri = r.field[1];
        wetee_keypair *kp = NULL;
        uint8_t pub[WETEE_PUBLIC_MAX_BYTES], sig[WETEE_SIGNATURE_MAX_BYTES];
        size_t pub_len = 0, sig_len = 0;
        int rc = wetee_keypair_from_suri(&kp, scheme, suri, strlen(suri));
        if (rc == WETEE_OK) rc = wetee_keypair_public(kp, pub, &pub_len);
        if (rc == WETEE_OK) rc = wetee_keypair_sign(kp, sig, &sig_len, msg.data, msg.len);
        printf("%s\t", r.raw);
        if (rc == WETEE_OK) {
            fputs("ok\t", stdout);
            print_hex(stdout, pub, pub_len);
            putchar('\t');
            print_hex(stdout, sig, sig_len);
        } else {
            printf("err\t%s", status_name(rc));
        }
        putchar('\n');
        wetee_keypair_free(kp);
    }
    wetee_buf_free(&msg);
    reader_close(&r);
    return fflush(stdout) == 0 ? 0 : 2;
}

static int cmd_export(const char *path, const char *dir)
{
    reader r;
    wetee_buf pw = WETEE_BUF_INIT, json = WETEE_BUF_INIT, secret = WETEE_BUF_INIT;
    size_t n = 0;
    reader_open(&r, path);
    while (reader_next(&r)) {
        wetee_scheme scheme;
        if (r.nfield < 3 || !parse_scheme(r.field[0], &scheme) || !unhex(&pw, r.field[2]))
            die("%s:%zu: expected scheme TAB suri TAB password_hex", path, r.line_no);
        const char *suri = r.field[1];
        wetee_keypair *kp = NULL;
        uint8_t pub[WETEE_PUBLIC_MAX_BYTES];
        size_t pub_len = 0;
        char name[64], file[4096];
        n++;
        /* meta.name exercises the JSON string escaping: quotes, a backslash, a tab, non-ASCII */
        snprintf(name, sizeof name, "libwetee \"export\" \\ %zu\t\xc3\xbc \xf0\x9f\x94\x91", n);
        snprintf(file, sizeof file, "%s/c-%03zu-%s.json", dir, n, r.field[0]);
        int rc = wetee_keypair_from_suri(&kp, scheme, suri, strlen(suri));
        if (rc == WETEE_OK) rc = wetee_keypair_public(kp, pub, &pub_len);
        if (rc == WETEE_OK) rc = wetee_keypair_secret(kp, &secret);
        if (rc == WETEE_OK) {
            /* every scrypt cost wetee_keystore_export_opts() writes, in turn (polkadot.js must open each) */
            static const uint32_t costs[4][3] = { { 1u << 17, 1, 8 }, { 1u << 15, 1, 8 }, { 1u << 15, 3, 8 },
                                                  { 1u << 16, 2, 8 } };
            wetee_keystore_options opts = WETEE_KEYSTORE_OPTIONS_INIT;
            opts.scrypt_n = costs[n % 4][0];
            opts.scrypt_p = costs[n % 4][1];
            opts.scrypt_r = costs[n % 4][2];
            opts.name = name;
            opts.when_created_ms = 1700000000000ull + n;
            rc = wetee_keystore_export_opts(&json, kp, (const char *)pw.data, pw.len, &opts);
        }
        if (rc != WETEE_OK) die("%s:%zu: %s: %s", path, r.line_no, status_name(rc), wetee_last_error());
        FILE *f = fopen(file, "wb");
        if (!f || fwrite(json.data, 1, json.len, f) != json.len || fclose(f) != 0) die("cannot write %s", file);
        printf("%s\t%s\t%s\t%s\t", file, r.field[0], suri, r.field[2]);
        print_hex(stdout, pub, pub_len);
        putchar('\t');
        print_hex(stdout, secret.data, secret.len);
        putchar('\n');
        wetee_keypair_free(kp);
    }
    wetee_buf_free(&pw);
    wetee_buf_free(&json);
    wetee_buf_free_secure(&secret);
    reader_close(&r);
    return fflush(stdout) == 0 ? 0 : 2;
}

/* ------------------------------------------------------------------ */
/* verify / import: check what polkadot.js made                        */
/* ------------------------------------------------------------------ */

static int cmd_verify(const char *path)
{
    reader r;
    wetee_buf pub = WETEE_BUF_INIT, msg = WETEE_BUF_INIT, sig = WETEE_BUF_INIT;
    reader_open(&r, path);
    while (reader_next(&r)) {
        wetee_scheme scheme;
        if (r.nfield < 6 || !parse_scheme(r.field[1], &scheme) || !unhex(&pub, r.field[2]) ||
            !unhex(&msg, r.field[3]) || !unhex(&sig, r.field[4]))
            die("%s:%zu: expected label TAB scheme TAB public TAB msg TAB sig TAB expect", path, r.line_no);
        const char *expect = r.field[5];
        char where[256];
        snprintf(where, sizeof where, "%s:%zu %s %s", path, r.line_no, r.field[0], r.field[1]);
        int rc = wetee_verify(scheme, sig.data, sig.len, msg.data, msg.len, pub.data, pub.len);
        if (strcmp(expect, "valid") == 0) {
            if (rc == WETEE_OK)
                g_passed++;
            else
                fail(where, "a valid signature was rejected (%s: %s)\n  %s", status_name(rc), wetee_last_error(),
                     r.raw);
        } else if (strcmp(expect, "invalid") == 0) {
            if (rc == WETEE_ERR_VERIFY)
                g_passed++;
            else
                fail(where, "an invalid signature gave %s instead of VERIFY\n  %s", status_name(rc), r.raw);
        } else {
            die("%s:%zu: unknown expectation '%s'", path, r.line_no, expect);
        }
    }
    wetee_buf_free(&pub);
    wetee_buf_free(&msg);
    wetee_buf_free(&sig);
    reader_close(&r);
    return finish();
}

static int cmd_import(const char *path)
{
    reader r;
    wetee_buf pw = WETEE_BUF_INIT, want_pub = WETEE_BUF_INIT, want_secret = WETEE_BUF_INIT, secret = WETEE_BUF_INIT;
    reader_open(&r, path);
    while (reader_next(&r)) {
        wetee_scheme scheme;
        if (r.nfield < 6 || !parse_scheme(r.field[1], &scheme) || !unhex(&pw, r.field[2]) ||
            !unhex(&want_pub, r.field[4]) || !unhex(&want_secret, r.field[5]))
            die("%s:%zu: expected file TAB scheme TAB password_hex TAB expect TAB public TAB secret", path,
                r.line_no);
        const char *file = r.field[0], *expect = r.field[3];
        char where[4200];
        snprintf(where, sizeof where, "%s (%s, %s)", file, r.field[1], expect);
        size_t json_len = 0;
        char *json = read_file(file, &json_len);
        if (!json) die("cannot read %s", file);
        wetee_keypair *kp = NULL;
        if (strcmp(expect, "ok") == 0) {
            int rc = wetee_keystore_import(&kp, json, json_len, (const char *)pw.data, pw.len);
            uint8_t pub[WETEE_PUBLIC_MAX_BYTES], sig[WETEE_SIGNATURE_MAX_BYTES];
            size_t pub_len = 0, sig_len = 0;
            static const uint8_t msg[] = "keystore round trip";
            if (rc != WETEE_OK) {
                fail(where, "import failed: %s: %s", status_name(rc), wetee_last_error());
            } else if (wetee_keypair_scheme(kp) != scheme) {
                fail(where, "imported as scheme %d", (int)wetee_keypair_scheme(kp));
            } else if ((rc = wetee_keypair_public(kp, pub, &pub_len)) != WETEE_OK || pub_len != want_pub.len ||
                       memcmp(pub, want_pub.data, pub_len) != 0) {
                fail(where, "public key differs: got %zu bytes, want %s", pub_len, r.field[4]);
            } else if ((rc = wetee_keypair_secret(kp, &secret)) != WETEE_OK || secret.len != want_secret.len ||
                       memcmp(secret.data, want_secret.data, secret.len) != 0) {
                fail(where, "secret key differs (%zu bytes, want %zu)", secret.len, want_secret.len);
            } else if ((rc = wetee_keypair_sign(kp, sig, &sig_len, msg, sizeof msg - 1)) != WETEE_OK ||
                       (rc = wetee_verify(scheme, sig, sig_len, msg, sizeof msg - 1, pub, pub_len)) != WETEE_OK) {
                fail(where, "sign/verify with the imported key failed: %s", status_name(rc));
            } else {
                g_passed++;
            }
        } else {
            int want;
            if (strcmp(expect, "wrong-password") == 0) {
                want = WETEE_ERR_VERIFY;
                if (pw.len)
                    pw.data[pw.len - 1] ^= 0x01;
                else
                    wetee_buf_append(&pw, (const uint8_t *)"x", 1);
            } else {
                want = 1;
                for (int c = 0; c >= WETEE_ERR_INTERNAL; c--)
                    if (strcmp(expect, status_name(c)) == 0) want = c;
                if (want == 1) die("%s:%zu: unknown expectation '%s'", path, r.line_no, expect);
            }
            int rc = wetee_keystore_import(&kp, json, json_len, (const char *)pw.data, pw.len);
            if (rc == want)
                g_passed++;
            else
                fail(where, "import gave %s, expected %s", status_name(rc), status_name(want));
        }
        wetee_keypair_free(kp);
        free(json);
    }
    wetee_buf_free(&pw);
    wetee_buf_free(&want_pub);
    wetee_buf_free(&want_secret);
    wetee_buf_free_secure(&secret);
    reader_close(&r);
    return finish();
}

/* ------------------------------------------------------------------ */
/* selfcheck                                                           */
/* ------------------------------------------------------------------ */

#define DEV WETEE_DEV_PHRASE

static void expect_public(wetee_scheme scheme, const char *suri, const char *pub_hex)
{
    wetee_keypair *kp = NULL;
    uint8_t pub[WETEE_PUBLIC_MAX_BYTES];
    size_t pub_len = 0;
    wetee_buf hex = WETEE_BUF_INIT;
    char where[512];
    snprintf(where, sizeof where, "%s \"%s\"", SCHEMES[scheme], suri);
    int rc = wetee_keypair_from_suri(&kp, scheme, suri, strlen(suri));
    if (rc == WETEE_OK) rc = wetee_keypair_public(kp, pub, &pub_len);
    if (rc == WETEE_OK) rc = wetee_hex_encode(&hex, pub, pub_len, 0);
    if (rc != WETEE_OK)
        fail(where, "%s: %s", status_name(rc), wetee_last_error());
    else if (strcmp((const char *)hex.data, pub_hex) != 0)
        fail(where, "public key %s, expected %s", (const char *)hex.data, pub_hex);
    else
        g_passed++;
    wetee_buf_free(&hex);
    wetee_keypair_free(kp);
}

static void expect_error(wetee_scheme scheme, const char *suri, int want)
{
    wetee_keypair *kp = NULL;
    char where[512];
    snprintf(where, sizeof where, "%s \"%s\"", SCHEMES[scheme], suri);
    int rc = wetee_keypair_from_suri(&kp, scheme, suri, strlen(suri));
    if (rc == want)
        g_passed++;
    else
        fail(where, "gave %s, expected %s", status_name(rc), status_name(want));
    wetee_keypair_free(kp);
}

/* The chain code of the single junction of `suri` (hex of the 32 bytes). */
static void expect_chain_code(const char *suri, int hard, const char *cc_hex)
{
    wetee_suri *s = NULL;
    uint8_t cc[32];
    int is_hard = -1;
    wetee_buf hex = WETEE_BUF_INIT;
    char where[512];
    snprintf(where, sizeof where, "chain code of \"%s\"", suri);
    int rc = wetee_suri_parse(&s, suri, strlen(suri));
    if (rc == WETEE_OK && wetee_suri_junction_count(s) != 1) rc = WETEE_ERR_INTERNAL;
    if (rc == WETEE_OK) rc = wetee_suri_junction(s, 0, cc, &is_hard);
    if (rc == WETEE_OK) rc = wetee_hex_encode(&hex, cc, 32, 0);
    if (rc != WETEE_OK)
        fail(where, "%s: %s", status_name(rc), wetee_last_error());
    else if (strcmp((const char *)hex.data, cc_hex) != 0 || is_hard != hard)
        fail(where, "%s (hard %d), expected %s (hard %d)", (const char *)hex.data, is_hard, cc_hex, hard);
    else
        g_passed++;
    wetee_buf_free(&hex);
    wetee_suri_free(s);
}

static int cmd_selfcheck(void)
{
    const wetee_scheme SR = WETEE_SCHEME_SR25519, ED = WETEE_SCHEME_ED25519, EC = WETEE_SCHEME_ECDSA,
                       ETH = WETEE_SCHEME_ETHEREUM;
    /* keys.md §7.2: SURI vectors both implementations agree on. */
    expect_public(SR, DEV, "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
    expect_public(SR, DEV "///password", "b69355deefa7a8f33e9297f5af22e680f03597a99d4f4b1c44be47e7a2275802");
    expect_public(SR, DEV "/foo", "40b9675df90efa6069ff623b0fdfcf706cd47ca7452a5056c7ad58194d23440a");
    expect_public(SR, DEV "//foo/bar//42/69", "a2e56b06407a6d1e819d2fc33fa0ec604b29c2e868b70b3696bb049b8725934b");
    expect_public(SR, DEV "//foo/bar//42/69///password",
                  "0e0d24e3e1ff2c07f269c99e2e0df8681fda1851ac42fc846ca2daaa90cd8f14");
    expect_public(SR, "//Alice", "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    expect_public(ED, DEV "//Alice", "88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");
    expect_public(EC, DEV "//Alice", "020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1");
    expect_public(ETH, DEV "/m/44'/60'/0'/0/0", "02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f");

    /* Where polkadot.js differs, libwetee follows sp-core (docs/keys.md). */
    /* No phrase: sp-core uses the DEV phrase for any path, polkadot.js only before "//". */
    expect_public(SR, "/foo", "40b9675df90efa6069ff623b0fdfcf706cd47ca7452a5056c7ad58194d23440a");
    expect_public(SR, "", "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
    expect_public(SR, "///password", "b69355deefa7a8f33e9297f5af22e680f03597a99d4f4b1c44be47e7a2275802");
    /* sr25519 takes a 64-byte canonical secret (keys.md §7.1): the DEV key. */
    expect_public(SR,
                  "0x05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0a"
                  "fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34",
                  "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
    expect_public(SR,
                  "0x05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0a"
                  "fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34//Alice",
                  "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    /* Numeric junctions: u64 LE below 2^64, a SCALE string from 2^64 on. */
    expect_chain_code("//18446744073709551615", 1,
                      "ffffffffffffffff000000000000000000000000000000000000000000000000");
    expect_chain_code("//18446744073709551616", 1,
                      "5031383434363734343037333730393535313631360000000000000000000000");
    expect_chain_code("/007", 0, "0700000000000000000000000000000000000000000000000000000000000000");
    expect_chain_code("//+5", 1, "0500000000000000000000000000000000000000000000000000000000000000");
    /* "0x" junctions are strings (hex-decoded by polkadot.js). */
    expect_chain_code("//0x1234", 1, "1830783132333400000000000000000000000000000000000000000000000000");
    /* Long junctions: 32 bytes after the compact length are hashed, 31 are not. */
    expect_chain_code("/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0,
                      "7c61616161616161616161616161616161616161616161616161616161616161");
    /* Not a mnemonic: polkadot.js pads phrases of up to 32 characters into a seed; sp-core fails. */
    expect_error(SR, "hello", WETEE_ERR_DECODE);
    expect_error(SR, "hello//Alice", WETEE_ERR_DECODE);
    expect_error(SR, "0x1234", WETEE_ERR_DECODE);
    /* Soft junctions on ed25519/ecdsa; a path after an Ethereum private key (polkadot.js ignores it). */
    expect_error(ED, DEV "/foo", WETEE_ERR_UNSUPPORTED);
    expect_error(EC, DEV "//foo/bar", WETEE_ERR_UNSUPPORTED);
    expect_error(ETH, "0x5fb92d6e98884f76de468fa3f6278f8807c48bebc13595d45af5bdc4da702133/m/44'/60'/0'/0/0",
                 WETEE_ERR_UNSUPPORTED);
    return finish();
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "derive") == 0) return cmd_derive(argv[2]);
    if (argc == 3 && strcmp(argv[1], "sign") == 0) return cmd_sign(argv[2]);
    if (argc == 3 && strcmp(argv[1], "verify") == 0) return cmd_verify(argv[2]);
    if (argc == 4 && strcmp(argv[1], "export") == 0) return cmd_export(argv[2], argv[3]);
    if (argc == 3 && strcmp(argv[1], "import") == 0) return cmd_import(argv[2]);
    if (argc == 2 && strcmp(argv[1], "selfcheck") == 0) return cmd_selfcheck();
    fprintf(stderr,
            "usage: keys_vectors derive FILE | sign FILE | verify FILE | export FILE DIR | import FILE | "
            "selfcheck\n");
    return 2;
}
