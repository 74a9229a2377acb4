/* Collateral fetching (include/wetee/attest_fetch.h) against
 * tests/attest_fetch/pcs_server.py, a local PCS/PCCS and KDS stand-in that
 * serves the shared attestation samples with their issuer-chain headers.
 * Nothing here touches the network.
 *
 * Covered: SGX and TDX quotes verified with fetched collateral (the
 * expected verdicts of attestation.md), the memory and disk caches (request
 * counts), expiry and refresh (an expired copy used when the server fails),
 * server errors, garbage, oversized answers, a missing header, a wrong
 * issuer chain (nothing cached), a timeout, a corrupt cache file, TLS
 * verified by default, SEV-SNP from the KDS stand-in, and bad arguments. */
#define _POSIX_C_SOURCE 200809L /* popen, mkdtemp */

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wetee.h"
#include "wt_test.h"

#define T_DCAP 1751000000ull
#define T_DCAP_EXPIRED 1752919279ull /* one second after the sgx window */
#define T_SNP 1700000000ull

static char base[128];       /* http://127.0.0.1:PORT */
static char tls_base[128];   /* https://localhost:PORT */
static char tls_cert[256];
static int have_net = 1;

static FILE *start_server(char *out, size_t n, const char *scheme, const char *host, const char *extra)
{
    char cmd[1024], port[32];
    FILE *p;
    snprintf(cmd, sizeof cmd, "exec %s %s/pcs_server.py %s %s", WT_PYTHON3, WT_FETCH_DIR, wt_vectors_dir(),
             extra ? extra : "");
    if ((p = popen(cmd, "r")) == NULL || fgets(port, sizeof port, p) == NULL) return NULL;
    port[strcspn(port, "\n")] = 0;
    snprintf(out, n, "%s://%s:%s", scheme, host, port);
    return p; /* left open: the server exits when this process does */
}

/* GET /__mode?m=MODE on the plain-HTTP server, over a socket. */
static void server_mode(const char *mode)
{
    struct sockaddr_in a;
    char req[256], resp[256];
    int fd = socket(AF_INET, SOCK_STREAM, 0), port = atoi(strrchr(base, ':') + 1);
    ssize_t n;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof a) == 0);
    snprintf(req, sizeof req, "GET /__mode?m=%s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", mode);
    CHECK(write(fd, req, strlen(req)) == (ssize_t)strlen(req));
    n = read(fd, resp, sizeof resp - 1); /* the answer comes after the mode is set */
    CHECK(n > 12 && memcmp(resp, "HTTP/1.0 200", 12) == 0);
    close(fd);
}

static unsigned char *slurp(const char *rel, size_t *len) { return wt_read_vector(rel, len); }

static wetee_attest_fetcher *fetcher(const char *sample, const char *cache_dir, unsigned timeout_ms, size_t max)
{
    wetee_attest_fetch_options o = WETEE_ATTEST_FETCH_OPTIONS_INIT;
    wetee_attest_fetcher *f = NULL;
    char pcs[192], kds[192];
    snprintf(pcs, sizeof pcs, "%s/%s", base, sample);
    snprintf(kds, sizeof kds, "%s/kds", base);
    o.pcs_url = pcs;
    o.kds_url = kds;
    o.cache_dir = cache_dir;
    o.timeout_ms = timeout_ms ? timeout_ms : 20000;
    o.max_response = max;
    o.snp_product = WETEE_SNP_PRODUCT_MILAN;
    CHECK_OK(wetee_attest_fetcher_new(&f, &o));
    return f;
}

static wetee_attest_policy *lenient_policy(int strict)
{
    static const char P[] = "{\"accept_status\": [\"SWHardeningNeeded\", \"ConfigurationNeeded\", "
                            "\"ConfigurationAndSWHardeningNeeded\", \"OutOfDate\"], \"accept_advisories\": \"*\", "
                            "\"allow_debug\": true, \"strict_expiry\": %s}";
    char buf[512];
    wetee_attest_policy *p = NULL;
    snprintf(buf, sizeof buf, P, strict ? "true" : "false");
    CHECK_OK(wetee_attest_policy_from_json(&p, buf, strlen(buf)));
    return p;
}

/* Verify a sample's evidence through a fetching collateral. */
static int verify_with(wetee_attest_fetcher *f, const char *file, uint64_t t, int strict, wetee_attest_result **res)
{
    size_t n = 0;
    unsigned char *ev = slurp(file, &n);
    wetee_attest_collateral *c = NULL;
    wetee_attest_policy *p = lenient_policy(strict);
    int rc;
    CHECK(ev != NULL);
    CHECK_OK(wetee_attest_collateral_new_fetching(&c, f));
    rc = wetee_attest_verify_evidence(res, ev, n, c, NULL, p, t);
    wetee_attest_collateral_free(c);
    wetee_attest_policy_free(p);
    free(ev);
    return rc;
}

static char *make_dir(void)
{
    char tmpl[] = "/tmp/wetee-fetch-XXXXXX";
    char *d = mkdtemp(tmpl);
    CHECK(d != NULL);
    return d ? strdup(d) : NULL;
}

static void remove_dir(char *d)
{
    DIR *dir = opendir(d);
    struct dirent *e;
    char p[512];
    while (dir && (e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        snprintf(p, sizeof p, "%s/%s", d, e->d_name);
        unlink(p);
    }
    if (dir) closedir(dir);
    rmdir(d);
    free(d);
}

static int count_files(const char *d)
{
    DIR *dir = opendir(d);
    struct dirent *e;
    int n = 0;
    while (dir && (e = readdir(dir)) != NULL)
        if (e->d_name[0] != '.') n++;
    if (dir) closedir(dir);
    return n;
}

WT_TEST(test_sgx_fetch_and_caches)
{
    char *dir = make_dir();
    wetee_attest_fetcher *f = fetcher("sgx", dir, 0, 0);
    wetee_attest_result *r = NULL;
    CHECK_OK(verify_with(f, "attestation/sgx/quote.bin", T_DCAP, 1, &r));
    CHECK(wetee_attest_result_status_code(r) == 0xA008);
    CHECK(wetee_attest_result_advisory_count(r) == 2);
    CHECK(wetee_attest_fetcher_requests(f) == 4); /* root CA CRL, PCK CRL, TCB Info, QE Identity */
    CHECK(count_files(dir) == 4);
    wetee_attest_result_free(r);
    /* memory cache: no request */
    CHECK_OK(verify_with(f, "attestation/sgx/quote.bin", T_DCAP + 3600, 1, &r));
    CHECK(wetee_attest_fetcher_requests(f) == 4);
    wetee_attest_result_free(r);
    wetee_attest_fetcher_free(f);
    /* disk cache, another fetcher (as another process would): no request */
    f = fetcher("sgx", dir, 0, 0);
    CHECK_OK(verify_with(f, "attestation/sgx/quote.bin", T_DCAP, 1, &r));
    CHECK(wetee_attest_result_status_code(r) == 0xA008);
    CHECK(wetee_attest_fetcher_requests(f) == 0);
    wetee_attest_result_free(r);
    /* the explicit call gives a checked collateral for verify_quote */
    {
        static const uint8_t FMSPC[6] = { 0x00, 0xA0, 0x67, 0x11, 0x00, 0x00 };
        wetee_attest_collateral *c = NULL;
        wetee_attest_policy *p = lenient_policy(1);
        size_t n;
        unsigned char *q = slurp("attestation/sgx/quote.bin", &n);
        CHECK_OK(wetee_attest_fetch_dcap(&c, f, WETEE_ATTEST_TEE_SGX, FMSPC, WETEE_ATTEST_PCK_CA_PROCESSOR, T_DCAP));
        CHECK_OK(wetee_attest_verify_quote(&r, q, n, c, NULL, p, T_DCAP));
        CHECK(wetee_attest_result_status_code(r) == 0xA008);
        wetee_attest_result_free(r);
        /* shared with the fetcher's cache: read-only */
        CHECK_ERR(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_PCK_CRL, q, 10), WETEE_ERR_STATE);
        wetee_attest_collateral_free(c);
        CHECK_OK(wetee_attest_collateral_new_fetching(&c, f));
        CHECK_ERR(wetee_attest_collateral_set(c, WETEE_ATTEST_ITEM_PCK_CRL, q, 10), WETEE_ERR_INVALID_ARGUMENT);
        wetee_attest_collateral_free(c);
        /* the platform CA's CRL is not what the sample server has */
        CHECK_ERR(wetee_attest_fetch_dcap(&c, f, WETEE_ATTEST_TEE_SGX, FMSPC, WETEE_ATTEST_PCK_CA_PLATFORM, T_DCAP),
                  WETEE_ERR_NETWORK);
        CHECK_DETAIL("HTTP 404");
        CHECK(c == NULL);
        /* another FMSPC is not served either */
        CHECK_ERR(wetee_attest_fetch_dcap(&c, f, WETEE_ATTEST_TEE_SGX, (const uint8_t *)"\1\2\3\4\5\6",
                                          WETEE_ATTEST_PCK_CA_PROCESSOR, T_DCAP),
                  WETEE_ERR_NETWORK);
        wetee_attest_policy_free(p);
        free(q);
    }
    wetee_attest_fetcher_free(f);
    remove_dir(dir);
}

WT_TEST(test_tdx_fetch)
{
    wetee_attest_fetcher *f = fetcher("tdx", NULL, 0, 0);
    wetee_attest_result *r = NULL;
    CHECK_OK(verify_with(f, "attestation/tdx/quote.bin", T_DCAP, 1, &r));
    CHECK(wetee_attest_result_status_code(r) == 0x0000);
    CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_TDX);
    CHECK(wetee_attest_fetcher_requests(f) == 4);
    wetee_attest_result_free(r);
    /* the sgx quote's FMSPC and CA are not on the tdx sample's server */
    CHECK_ERR(verify_with(f, "attestation/sgx/quote.bin", T_DCAP, 1, &r), WETEE_ERR_NETWORK);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL);
    CHECK(strstr(wetee_attest_result_reason(r), "HTTP 404") != NULL);
    wetee_attest_result_free(r);
    wetee_attest_fetcher_free(f);
}

WT_TEST(test_expiry_and_refresh)
{
    char *dir = make_dir();
    wetee_attest_fetcher *f = fetcher("sgx", dir, 0, 0);
    wetee_attest_result *r = NULL;
    int expired = 0;
    CHECK_OK(verify_with(f, "attestation/sgx/quote.bin", T_DCAP, 1, &r));
    wetee_attest_result_free(r);
    CHECK(wetee_attest_fetcher_requests(f) == 4);
    /* past the QE Identity's nextUpdate: it is fetched again (the server
     * still has the old one, so the verification reports it expired); the
     * other items are still current and come from the cache */
    CHECK_ERR(verify_with(f, "attestation/sgx/quote.bin", T_DCAP_EXPIRED, 1, &r), WETEE_ERR_VERIFY);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL_EXPIRED);
    CHECK(wetee_attest_fetcher_requests(f) == 5); /* only the QE Identity (nextUpdate 10:01:18Z) expired */
    wetee_attest_result_free(r);
    /* the server fails: the expired copies are used, QvE semantics flag them */
    server_mode("error500");
    CHECK_OK(verify_with(f, "attestation/sgx/quote.bin", T_DCAP_EXPIRED, 0, &r));
    CHECK_OK(wetee_attest_result_expiry(r, &expired, NULL));
    CHECK(expired == 1);
    CHECK(wetee_attest_fetcher_requests(f) == 6);
    wetee_attest_result_free(r);
    server_mode("ok");
    wetee_attest_fetcher_free(f);
    remove_dir(dir);
}

/* One failing fetch with the server in `mode`; nothing may be cached. */
static void failing(const char *mode, int code, const char *detail, unsigned timeout_ms, size_t max)
{
    static const uint8_t FMSPC[6] = { 0x00, 0xA0, 0x67, 0x11, 0x00, 0x00 };
    char *dir = make_dir();
    wetee_attest_fetcher *f = fetcher("sgx", dir, timeout_ms, max);
    wetee_attest_collateral *c = NULL;
    wetee_attest_result *r = NULL;
    server_mode(mode);
    CHECK_ERR(wetee_attest_fetch_dcap(&c, f, WETEE_ATTEST_TEE_SGX, FMSPC, WETEE_ATTEST_PCK_CA_PROCESSOR, T_DCAP), code);
    CHECK_DETAIL(detail);
    CHECK(c == NULL);
    CHECK(count_files(dir) == 0);
    /* through verify_evidence: a rejection naming the collateral */
    CHECK_ERR(verify_with(f, "attestation/sgx/quote.bin", T_DCAP, 1, &r), code);
    CHECK(wetee_attest_result_verdict(r) == WETEE_ATTEST_REJECT);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL);
    CHECK(strstr(wetee_attest_result_reason(r), detail) != NULL);
    wetee_attest_result_free(r);
    server_mode("ok");
    wetee_attest_fetcher_free(f);
    remove_dir(dir);
}

WT_TEST(test_server_errors)
{
    failing("error500", WETEE_ERR_NETWORK, "HTTP 500", 0, 0);
    failing("garbage", WETEE_ERR_DECODE, "root CA CRL", 0, 0);
    failing("huge", WETEE_ERR_NETWORK, "larger than 1048576 bytes", 0, 0);
    failing("noheader", WETEE_ERR_DECODE, "SGX-PCK-CRL-Issuer-Chain is missing", 0, 0);
    failing("wrongchain", WETEE_ERR_VERIFY, "not the pinned Intel root key", 0, 0);
    failing("slow", WETEE_ERR_NETWORK, "Timeout", 300, 0);
}

WT_TEST(test_max_response)
{
    /* the TCB Info of the sample is above 4 KiB: a 4 KiB limit refuses it */
    failing("ok", WETEE_ERR_NETWORK, "larger than 4096 bytes", 0, 4096);
}

WT_TEST(test_corrupt_cache_file)
{
    char *dir = make_dir();
    wetee_attest_fetcher *f = fetcher("tdx", dir, 0, 0);
    wetee_attest_result *r = NULL;
    DIR *d;
    struct dirent *e;
    int broken = 0;
    CHECK_OK(verify_with(f, "attestation/tdx/quote.bin", T_DCAP, 1, &r));
    wetee_attest_result_free(r);
    wetee_attest_fetcher_free(f);
    /* overwrite every cache file: truncated JSON, then an entry for another URL */
    d = opendir(dir);
    while (d && (e = readdir(d)) != NULL) {
        char p[512];
        FILE *fp;
        if (e->d_name[0] == '.') continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        fp = fopen(p, "wb");
        if (broken++ % 2 == 0) fputs("{\"v\": 1, \"url\": \"", fp);
        else fputs("{\"v\":1,\"url\":\"http://elsewhere/\",\"expires\":4000000000,\"body\":\"00\",\"chain\":\"\"}", fp);
        fclose(fp);
    }
    if (d) closedir(d);
    CHECK(broken == 4);
    f = fetcher("tdx", dir, 0, 0);
    CHECK_OK(verify_with(f, "attestation/tdx/quote.bin", T_DCAP, 1, &r));
    CHECK(wetee_attest_result_status_code(r) == 0x0000);
    CHECK(wetee_attest_fetcher_requests(f) == 4); /* every broken entry fetched again */
    wetee_attest_result_free(r);
    wetee_attest_fetcher_free(f);
    remove_dir(dir);
}

WT_TEST(test_snp_from_kds)
{
    wetee_attest_fetch_options o = WETEE_ATTEST_FETCH_OPTIONS_INIT;
    wetee_attest_fetcher *f = NULL;
    wetee_attest_result *r = NULL;
    wetee_attest_collateral *c = NULL;
    char kds[192];
    size_t n;
    unsigned char *rep = slurp("attestation/snp/report.bin", &n);
    CHECK(rep != NULL && n == 1184);
    snprintf(kds, sizeof kds, "%s/kds", base);
    o.kds_url = kds;
    /* the samples have no ARK-signed CRL: the stand-in answers 404 */
    f = fetcher("sgx", NULL, 0, 0);
    CHECK_ERR(verify_with(f, "attestation/snp/report.bin", T_SNP, 1, &r), WETEE_ERR_NETWORK);
    CHECK(wetee_attest_result_failed_check(r) == WETEE_ATTEST_CHECK_COLLATERAL);
    CHECK(strstr(wetee_attest_result_reason(r), "/kds/vcek/v1/Milan/crl: HTTP 404") != NULL);
    wetee_attest_result_free(r);
    wetee_attest_fetcher_free(f);
    /* without a product the VERSION 2 report cannot be fetched for */
    o.snp_no_crl = 1;
    CHECK_OK(wetee_attest_fetcher_new(&f, &o));
    CHECK_ERR(verify_with(f, "attestation/snp/report.bin", T_SNP, 1, &r), WETEE_ERR_VERIFY);
    CHECK(strstr(wetee_attest_result_reason(r), "snp_product") != NULL);
    wetee_attest_result_free(r);
    wetee_attest_fetcher_free(f);
    o.snp_product = WETEE_SNP_PRODUCT_MILAN;
    CHECK_OK(wetee_attest_fetcher_new(&f, &o));
    CHECK_OK(verify_with(f, "attestation/snp/report.bin", T_SNP, 1, &r));
    CHECK(wetee_attest_result_tee(r) == WETEE_ATTEST_TEE_SEV_SNP);
    CHECK(wetee_attest_fetcher_requests(f) == 2); /* cert_chain, VCEK */
    wetee_attest_result_free(r);
    /* the explicit call with the report's CHIP_ID and REPORTED_TCB */
    CHECK_OK(wetee_attest_fetch_snp(&c, f, WETEE_SNP_PRODUCT_MILAN, WETEE_SNP_KEY_VCEK, rep + 0x1A0, 64,
                                    0x4405000000000002ull, T_SNP));
    CHECK(wetee_attest_fetcher_requests(f) == 2); /* cached */
    wetee_attest_collateral_free(c);
    /* another TCB is another VCEK: not on the server */
    CHECK_ERR(wetee_attest_fetch_snp(&c, f, WETEE_SNP_PRODUCT_MILAN, WETEE_SNP_KEY_VCEK, rep + 0x1A0, 64,
                                     0x4406000000000002ull, T_SNP),
              WETEE_ERR_NETWORK);
    CHECK_DETAIL("snpSPL=6");
    CHECK_ERR(wetee_attest_fetch_snp(&c, f, WETEE_SNP_PRODUCT_MILAN, WETEE_SNP_KEY_VCEK, rep + 0x1A0, 8, 0, T_SNP),
              WETEE_ERR_INVALID_ARGUMENT);
    wetee_attest_fetcher_free(f);
    free(rep);
}

WT_TEST(test_tls_verified)
{
    wetee_attest_fetch_options o = WETEE_ATTEST_FETCH_OPTIONS_INIT;
    wetee_attest_fetcher *f = NULL;
    wetee_attest_collateral *c = NULL;
    static const uint8_t FMSPC[6] = { 0xB0, 0xC0, 0x6F, 0x00, 0x00, 0x00 };
    char pcs[192];
    snprintf(pcs, sizeof pcs, "%s/tdx", tls_base);
    o.pcs_url = pcs;
    /* the test's self-signed certificate is not in the system's CAs */
    CHECK_OK(wetee_attest_fetcher_new(&f, &o));
    CHECK_ERR(wetee_attest_fetch_dcap(&c, f, WETEE_ATTEST_TEE_TDX, FMSPC, WETEE_ATTEST_PCK_CA_PLATFORM, T_DCAP),
              WETEE_ERR_NETWORK);
    CHECK_DETAIL("certificate");
    wetee_attest_fetcher_free(f);
    o.ca_file = tls_cert;
    CHECK_OK(wetee_attest_fetcher_new(&f, &o));
    CHECK_OK(wetee_attest_fetch_dcap(&c, f, WETEE_ATTEST_TEE_TDX, FMSPC, WETEE_ATTEST_PCK_CA_PLATFORM, T_DCAP));
    CHECK(c != NULL);
    wetee_attest_collateral_free(c);
    wetee_attest_fetcher_free(f);
}

WT_TEST(test_arguments)
{
    wetee_attest_fetch_options o = WETEE_ATTEST_FETCH_OPTIONS_INIT;
    wetee_attest_fetcher *f = NULL;
    wetee_attest_collateral *c = NULL;
    CHECK_ERR(wetee_attest_fetcher_new(NULL, &o), WETEE_ERR_INVALID_ARGUMENT);
    o.version = 99;
    CHECK_ERR(wetee_attest_fetcher_new(&f, &o), WETEE_ERR_INVALID_ARGUMENT);
    o.version = WETEE_ATTEST_FETCH_OPTIONS_VERSION;
    o.pcs_url = "ftp://example.invalid";
    CHECK_ERR(wetee_attest_fetcher_new(&f, &o), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_DETAIL("PCS URL");
    o.pcs_url = NULL;
    o.max_response = WETEE_ATTEST_MAX_COLLATERAL_ITEM + 1;
    CHECK_ERR(wetee_attest_fetcher_new(&f, &o), WETEE_ERR_INVALID_ARGUMENT);
    o.max_response = 0;
    o.cache_dir = "/nonexistent/wetee-cache";
    CHECK_ERR(wetee_attest_fetcher_new(&f, &o), WETEE_ERR_IO);
    o.cache_dir = NULL;
    o.update = "sometimes";
    CHECK_ERR(wetee_attest_fetcher_new(&f, &o), WETEE_ERR_INVALID_ARGUMENT);
    o.update = "early";
    CHECK_OK(wetee_attest_fetcher_new(&f, &o));
    CHECK_ERR(wetee_attest_fetch_dcap(&c, f, 7, (const uint8_t *)"\0\0\0\0\0\0", 1, 0), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_attest_fetch_dcap(&c, f, WETEE_ATTEST_TEE_SGX, (const uint8_t *)"\0\0\0\0\0\0", 3, 0),
              WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_attest_fetch_snp(&c, f, 9, 0, NULL, 0, 0, 0), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_attest_collateral_new_fetching(&c, NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK(wetee_attest_fetcher_requests(NULL) == 0);
    wetee_attest_fetcher_free(f);
    wetee_attest_fetcher_free(NULL);
}

WT_TEST(test_no_network_build)
{
    /* the mobile build: every call but free says so */
    wetee_attest_fetcher *f = NULL;
    CHECK_ERR(wetee_attest_fetcher_new(&f, NULL), WETEE_ERR_UNSUPPORTED);
    CHECK_DETAIL("no network parts");
}

int main(void)
{
    static const wt_test_case net[] = { WT_CASE(test_sgx_fetch_and_caches), WT_CASE(test_tdx_fetch),
                                        WT_CASE(test_expiry_and_refresh),   WT_CASE(test_server_errors),
                                        WT_CASE(test_max_response),         WT_CASE(test_corrupt_cache_file),
                                        WT_CASE(test_snp_from_kds),         WT_CASE(test_tls_verified),
                                        WT_CASE(test_arguments) };
    static const wt_test_case nonet[] = { WT_CASE(test_no_network_build) };
    wetee_attest_fetcher *probe = NULL;
    char dir[] = "/tmp/wetee-fetch-tls-XXXXXX", cmd[1024], extra[700];
    if (wetee_attest_fetcher_new(&probe, NULL) == WETEE_ERR_UNSUPPORTED) have_net = 0;
    wetee_attest_fetcher_free(probe);
    if (!have_net) return wt_run("attest_fetch", nonet, 1);
    if (start_server(base, sizeof base, "http", "127.0.0.1", NULL) == NULL) {
        fprintf(stderr, "cannot start pcs_server.py\n");
        return 1;
    }
    if (mkdtemp(dir) == NULL) return 1;
    snprintf(tls_cert, sizeof tls_cert, "%s/cert.pem", dir);
    snprintf(cmd, sizeof cmd,
             "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout %s/key.pem -out %s "
             "-days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost 2>/dev/null",
             dir, tls_cert);
    if (system(cmd) != 0) return 1;
    snprintf(extra, sizeof extra, "--certfile %s --keyfile %s/key.pem", tls_cert, dir);
    if (start_server(tls_base, sizeof tls_base, "https", "localhost", extra) == NULL) return 1;
    {
        int rc = wt_run("attest_fetch", net, sizeof net / sizeof net[0]);
        snprintf(cmd, sizeof cmd, "%s/key.pem", dir);
        unlink(cmd);
        unlink(tls_cert);
        rmdir(dir);
        return rc;
    }
}
