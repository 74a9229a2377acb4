/* libFuzzer target for the collateral fetcher's parsers of untrusted bytes
 * (src/attest/fetch_parse.c): a response header line carrying a URL-encoded
 * issuer chain (then loaded as a PEM chain, as the fetcher does), an
 * on-disk cache entry, and the expiry of a fetched CRL, PCS JSON body or
 * certificate set. The first byte selects the parser.
 *
 * Invariants: no crash, leak or unbounded work on any input; every failure
 * leaves a detail; a decoded header value is never longer than the line; a
 * cache entry that decodes encodes and decodes again to the same entry. */
#include <stdlib.h>
#include <string.h>

#include "internal/attest.h"
#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char URL[] = "https://pccs.example/sgx/certification/v4/qe/identity";
    const char *text;
    size_t n;
    int rc;
    if (size < 1) return 0;
    text = (const char *)data + 1;
    n = size - 1;
    switch (data[0] % 3) {
    case 0: {
        wetee_buf v = WETEE_BUF_INIT;
        rc = wt_fetch_header_value(&v, text, n, "SGX-Enclave-Identity-Issuer-Chain");
        REQUIRE(rc >= 0 || wetee_last_error()[0] != 0);
        if (rc == 1) {
            STACK_OF(X509) *sk = NULL;
            REQUIRE(v.len <= n);
            if (wt_load_chain(&sk, v.data, v.len, "fuzz chain") == WETEE_OK) sk_X509_pop_free(sk, X509_free);
            else REQUIRE(wetee_last_error()[0] != 0);
        }
        wetee_buf_free(&v);
        break;
    }
    case 1: {
        wt_fetch_entry e, e2;
        wetee_buf enc = WETEE_BUF_INIT;
        if (wt_fetch_entry_decode(&e, (const uint8_t *)text, n, URL) != WETEE_OK) {
            REQUIRE(wetee_last_error()[0] != 0);
            break;
        }
        REQUIRE(wt_fetch_entry_encode(&enc, URL, &e) == WETEE_OK);
        REQUIRE(wt_fetch_entry_decode(&e2, enc.data, enc.len, URL) == WETEE_OK);
        REQUIRE(e2.expires == e.expires && e2.body.len == e.body.len && e2.chain.len == e.chain.len);
        REQUIRE(memcmp(e2.body.data, e.body.data, e.body.len) == 0);
        REQUIRE(e.chain.len == 0 || memcmp(e2.chain.data, e.chain.data, e.chain.len) == 0);
        wt_fetch_entry_clear(&e);
        wt_fetch_entry_clear(&e2);
        wetee_buf_free(&enc);
        break;
    }
    default: {
        uint64_t t;
        rc = wt_fetch_item_expiry(&t, (data[0] / 3) % 3, (const uint8_t *)text, n);
        REQUIRE(rc == WETEE_OK ? t != 0 : wetee_last_error()[0] != 0);
        break;
    }
    }
    return 0;
}
