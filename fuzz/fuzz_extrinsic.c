/* libFuzzer target for extrinsic and signing-payload decoding
 * (wetee_extrinsic_decode_json, wetee_tx_payload_decode_json) against real
 * runtime metadata: Polkadot V15 and Asset Hub V16 from the shared vectors
 * (WETEE_VECTORS_DIR, default ../shared/vectors from the repository root,
 * where `scripts/dev fuzz` runs).
 *
 * Input: byte 0 picks the metadata (bit 0) and the decoder (bit 1); with
 * bits 2 and 3 both set, the RFC-0078 proof builders run instead (V15
 * only; they rebuild the whole type tree, which is slow in this -O0
 * sanitizer build, hence only a quarter of the inputs); the rest is
 * decoded. Invariants: no crash, no hang; a failure leaves a detail
 * starting with "extrinsic: "; a success gives non-empty JSON text, and an
 * extrinsic that decodes also decodes with the other JSON options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static wetee_metadata *mds[2];
static int loaded;

static wetee_metadata *load(const char *name)
{
    const char *dir = getenv("WETEE_VECTORS_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/metadata/%s", dir ? dir : "../shared/vectors", name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    uint8_t *b = malloc((size_t)n);
    wetee_metadata *md = NULL;
    if (b && fread(b, 1, (size_t)n, f) == (size_t)n)
        wetee_metadata_parse(&md, b, (size_t)n, NULL);
    free(b);
    fclose(f);
    return md;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!loaded) {
        loaded = 1;
        mds[0] = load("polkadot_metadata_full.scale");
        mds[1] = load("polkadot_assethub_metadata_small.scale");
        if (!mds[0] || !mds[1])
            fprintf(stderr, "SKIP fuzz_extrinsic: metadata fixtures not found (set WETEE_VECTORS_DIR)\n");
    }
    if (size < 1 || !mds[0] || !mds[1])
        return 0;
    const wetee_metadata *md = mds[data[0] & 1];
    wetee_buf out = WETEE_BUF_INIT;
    if ((data[0] & 12) == 12) {
        wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
        info.token_symbol = "DOT";
        int prc = data[0] & 2 ? wetee_metadata_proof_for_payload(&out, mds[0], &info, data + 1, size - 1)
                              : wetee_metadata_proof_for_extrinsic(&out, mds[0], &info, data + 1, size - 1, NULL, 0);
        if (prc != WETEE_OK)
            REQUIRE(strncmp(wetee_last_error(), "metadata proof: ", 16) == 0);
        else
            REQUIRE(out.len > 0);
        wetee_buf_free(&out);
        return 0;
    }
    int rc = data[0] & 2 ? wetee_tx_payload_decode_json(&out, md, data + 1, size - 1, NULL)
                         : wetee_extrinsic_decode_json(&out, md, data + 1, size - 1, NULL);
    if (rc != WETEE_OK) {
        REQUIRE(strncmp(wetee_last_error(), "extrinsic: ", 11) == 0 || strncmp(wetee_last_error(), "value: ", 7) == 0 ||
                strncmp(wetee_last_error(), "scale: ", 7) == 0);
    } else {
        REQUIRE(out.len > 2 && out.data[0] == '{');
        wetee_json_options o = WETEE_JSON_OPTIONS_INIT;
        o.camel_case = 1;
        wetee_buf again = WETEE_BUF_INIT;
        REQUIRE((data[0] & 2 ? wetee_tx_payload_decode_json(&again, md, data + 1, size - 1, &o)
                             : wetee_extrinsic_decode_json(&again, md, data + 1, size - 1, &o)) == WETEE_OK);
        wetee_buf_free(&again);
    }
    wetee_buf_free(&out);
    return 0;
}
