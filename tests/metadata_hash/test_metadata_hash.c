/* RFC-0078 metadata hash: the published digests of the shared vectors
 * (metadata-hash/digests.json), the V15-only rule, the chain information
 * and argument errors. */
#include <jansson.h>

#include "wt_test.h"
#include "wetee/metadata_hash.h"

static wetee_metadata *load_vector(const char *rel)
{
    size_t len = 0;
    uint8_t *text = wt_read_vector(rel, &len);
    wetee_metadata *md = NULL;
    if (!text)
        return NULL;
    /* the .hex files hold the hex of Option<Vec<u8>> (Metadata_metadata_at_version); .scale files are raw */
    if (len > 4 && strcmp(rel + strlen(rel) - 4, ".hex") == 0) {
        while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r' || text[len - 1] == ' '))
            len--;
        CHECK_OK(wetee_metadata_parse_hex(&md, (const char *)text, len, NULL));
    } else {
        CHECK_OK(wetee_metadata_parse(&md, text, len, NULL));
    }
    free(text);
    return md;
}

static void hex_of(char *out, const uint8_t *b, size_t n)
{
    static const char d[] = "0123456789abcdef";
    out[0] = '0';
    out[1] = 'x';
    for (size_t i = 0; i < n; i++) {
        out[2 + 2 * i] = d[b[i] >> 4];
        out[3 + 2 * i] = d[b[i] & 15];
    }
    out[2 + 2 * n] = 0;
}

WT_TEST(published_digests)
{
    size_t len = 0;
    uint8_t *json = wt_read_vector("metadata-hash/digests.json", &len);
    json_error_t jerr;
    if (!json)
        WT_SKIP("metadata-hash/digests.json not found (vectors directory absent)");
    json_t *root = json_loadb((const char *)json, len, 0, &jerr);
    free(json);
    CHECK(root != NULL);
    if (!root)
        return;
    json_t *cases = json_object_get(root, "cases");
    json_t *dec = json_object_get(root, "decimals");
    json_t *sym = json_object_get(root, "token_symbol");
    CHECK(json_is_array(cases) && json_is_integer(dec) && json_is_string(sym));
    if (!json_is_array(cases) || !json_is_integer(dec) || !json_is_string(sym)) {
        json_decref(root);
        return;
    }
    CHECK(json_array_size(cases) >= 3);
    for (size_t i = 0; i < json_array_size(cases); i++) {
        json_t *c = json_array_get(cases, i);
        const char *file = json_string_value(json_object_get(c, "file"));
        const char *expected = json_string_value(json_object_get(c, "expected"));
        CHECK(file && expected);
        if (!file || !expected)
            continue;
        char rel[256];
        snprintf(rel, sizeof rel, "metadata-hash/%s", file);
        wetee_metadata *md = load_vector(rel);
        CHECK(md != NULL);
        if (!md)
            continue;
        CHECK(wetee_metadata_version(md) == 15);
        wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
        info.decimals = (uint8_t)json_integer_value(dec);
        info.token_symbol = json_string_value(sym);
        uint8_t h[32];
        char got[67];
        CHECK_OK(wetee_metadata_hash(h, md, &info));
        hex_of(got, h, 32);
        if (strcmp(got, expected) != 0)
            fprintf(stderr, "%s: metadata hash %s, expected %s\n", file, got, expected);
        CHECK_STR(got, expected);

        /* The digest's tail is the chain information in SCALE order. */
        wetee_buf d = WETEE_BUF_INIT;
        CHECK_OK(wetee_metadata_digest(&d, md, &info));
        uint32_t spec_version = 0;
        uint16_t prefix = 0;
        CHECK_OK(wetee_metadata_spec_version(&spec_version, md));
        CHECK_OK(wetee_metadata_ss58_prefix(&prefix, md));
        const char *spec_name = wetee_metadata_spec_name(md);
        CHECK(spec_name != NULL);
        if (d.data && spec_name) {
            size_t nl = strlen(spec_name);
            CHECK(d.data[0] == 1);
            CHECK(d.len == 1 + 32 + 32 + 4 + 1 + nl + 2 + 1 + 1 + 4);
            CHECK(d.data[65] == (uint8_t)spec_version && d.data[66] == (uint8_t)(spec_version >> 8));
            CHECK(d.data[69] == (uint8_t)(nl << 2) && memcmp(d.data + 70, spec_name, nl) == 0);
            CHECK(d.data[70 + nl] == (uint8_t)prefix && d.data[71 + nl] == (uint8_t)(prefix >> 8));
            CHECK(d.data[72 + nl] == 42);
            uint8_t h2[32];
            CHECK_OK(wetee_hash_blake3(h2, 32, d.data, d.len));
            CHECK(memcmp(h, h2, 32) == 0);
        }
        wetee_buf_free(&d);

        /* Every part of the chain information changes the hash. */
        uint8_t h3[32];
        info.decimals = 10;
        CHECK_OK(wetee_metadata_hash(h3, md, &info));
        CHECK(memcmp(h, h3, 32) != 0);
        info.decimals = (uint8_t)json_integer_value(dec);
        info.spec_version = (int64_t)spec_version + 1;
        CHECK_OK(wetee_metadata_hash(h3, md, &info));
        CHECK(memcmp(h, h3, 32) != 0);
        info.spec_version = spec_version; /* explicit, same value: same hash */
        info.base58_prefix = prefix;
        info.spec_name = spec_name;
        CHECK_OK(wetee_metadata_hash(h3, md, &info));
        CHECK(memcmp(h, h3, 32) == 0);
        info.token_symbol = "DOT";
        CHECK_OK(wetee_metadata_hash(h3, md, &info));
        CHECK(memcmp(h, h3, 32) != 0);
        wetee_metadata_free(md);
    }
    json_decref(root);
}

/* The same runtime's hash does not depend on whether docs were kept. */
WT_TEST(docs_do_not_matter)
{
    size_t len = 0;
    uint8_t *bytes = wt_read_vector("metadata/polkadot_metadata_full.scale", &len);
    if (!bytes)
        WT_SKIP("metadata/polkadot_metadata_full.scale not found (vectors directory absent)");
    wetee_metadata *a = NULL, *b = NULL;
    wetee_metadata_options opts = WETEE_METADATA_OPTIONS_INIT;
    opts.keep_docs = 0;
    CHECK_OK(wetee_metadata_parse(&a, bytes, len, NULL));
    CHECK_OK(wetee_metadata_parse(&b, bytes, len, &opts));
    free(bytes);
    if (!a || !b) {
        wetee_metadata_free(a);
        wetee_metadata_free(b);
        return;
    }
    wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
    info.decimals = 10;
    info.token_symbol = "DOT";
    uint8_t ha[32], hb[32];
    CHECK_OK(wetee_metadata_hash(ha, a, &info));
    CHECK_OK(wetee_metadata_hash(hb, b, &info));
    CHECK(memcmp(ha, hb, 32) == 0);
    wetee_metadata_free(a);
    wetee_metadata_free(b);
}

/* V14 and V16 are refused with a pointer to V15. */
WT_TEST(only_v15)
{
    static const char *files[] = { "metadata/polkadot_assethub_metadata_small.scale",
                                   "metadata/metadata_v14_9111.scale" };
    for (size_t i = 0; i < 2; i++) {
        wetee_metadata *md = load_vector(files[i]);
        if (!md)
            WT_SKIP("metadata fixtures not found (vectors directory absent)");
        wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
        info.token_symbol = "DOT";
        uint8_t h[32];
        CHECK_ERR(wetee_metadata_hash(h, md, &info), WETEE_ERR_UNSUPPORTED);
        CHECK(strstr(wetee_last_error(), "Metadata_metadata_at_version(15)") != NULL);
        wetee_metadata_free(md);
    }
}

WT_TEST(bad_arguments)
{
    wetee_metadata *md = load_vector("metadata/frontier_metadata_small.scale");
    if (!md)
        WT_SKIP("metadata/frontier_metadata_small.scale not found (vectors directory absent)");
    wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
    uint8_t h[32];
    wetee_buf d = WETEE_BUF_INIT;
    CHECK_ERR(wetee_metadata_hash(h, md, &info), WETEE_ERR_INVALID_ARGUMENT); /* no token symbol */
    CHECK(strstr(wetee_last_error(), "token_symbol") != NULL);
    info.token_symbol = "UNIT";
    CHECK_ERR(wetee_metadata_hash(NULL, md, &info), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_metadata_hash(h, NULL, &info), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_metadata_hash(h, md, NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_metadata_digest(NULL, md, &info), WETEE_ERR_INVALID_ARGUMENT);
    info.version = 99;
    CHECK_ERR(wetee_metadata_hash(h, md, &info), WETEE_ERR_INVALID_ARGUMENT);
    info.version = WETEE_METADATA_HASH_INFO_VERSION;
    info.spec_version = (int64_t)UINT32_MAX + 1;
    CHECK_ERR(wetee_metadata_hash(h, md, &info), WETEE_ERR_INVALID_ARGUMENT);
    info.spec_version = -1;
    info.base58_prefix = 65536;
    CHECK_ERR(wetee_metadata_hash(h, md, &info), WETEE_ERR_INVALID_ARGUMENT);
    info.base58_prefix = -1;
    /* a frontier chain's V15 metadata hashes like any other */
    CHECK_OK(wetee_metadata_digest(&d, md, &info));
    CHECK(d.len > 65 && d.data[0] == 1);
    CHECK(wetee_metadata_hash_bytes() == WETEE_METADATA_HASH_BYTES);
    wetee_buf_free(&d);
    wetee_metadata_free(md);
}

/* The proofs of metadata-hash/proofs.json: extrinsics with and without
 * their implicit data, and signing payloads. */
WT_TEST(published_proofs)
{
    size_t len = 0;
    uint8_t *text = wt_read_vector("metadata-hash/proofs.json", &len);
    if (!text)
        WT_SKIP("metadata-hash/proofs.json not found (vectors directory absent)");
    json_error_t jerr;
    json_t *root = json_loadb((const char *)text, len, 0, &jerr);
    free(text);
    wetee_metadata *md = load_vector("metadata-hash/polkadot_metadata_v15.hex");
    CHECK(root && md);
    if (!root || !md) {
        json_decref(root);
        wetee_metadata_free(md);
        return;
    }
    int cases = 0;
    wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
    info.decimals = 42; /* as the file's comment says */
    info.token_symbol = "UNIT";
    CHECK(strstr(json_string_value(json_object_get(root, "_comment")), "decimals 42, token_symbol UNIT") != NULL);
    json_t *fx = json_object_get(root, "tx_proof_fixtures");
    for (size_t i = 0; i < json_array_size(fx); i++) {
        json_t *c = json_array_get(fx, i);
        const char *tx = json_string_value(json_object_get(c, "tx"));
        const char *add = json_string_value(json_object_get(c, "additionalSigned"));
        const char *p1 = json_string_value(json_object_get(c, "expectedProof"));
        const char *p2 = json_string_value(json_object_get(c, "expectedProofWithAdditionalSigned"));
        CHECK(tx && add && p1 && p2);
        if (!tx || !add || !p1 || !p2)
            continue;
        wetee_buf x = WETEE_BUF_INIT, a = WETEE_BUF_INIT, proof = WETEE_BUF_INIT, hex = WETEE_BUF_INIT;
        CHECK_OK(wetee_hex_decode(&x, tx, strlen(tx)));
        CHECK_OK(wetee_hex_decode(&a, add, strlen(add)));
        CHECK_OK(wetee_metadata_proof_for_extrinsic(&proof, md, &info, x.data, x.len, NULL, 0));
        CHECK_OK(wetee_hex_encode(&hex, proof.data, proof.len, WETEE_HEX_PREFIX));
        CHECK_STR((const char *)hex.data, p1);
        CHECK_OK(wetee_metadata_proof_for_extrinsic(&proof, md, &info, x.data, x.len, a.data, a.len));
        CHECK_OK(wetee_hex_encode(&hex, proof.data, proof.len, WETEE_HEX_PREFIX));
        CHECK_STR((const char *)hex.data, p2);
        /* the wrong implicit data, a truncated extrinsic, trailing bytes */
        CHECK(wetee_metadata_proof_for_extrinsic(&proof, md, &info, x.data, x.len, a.data, a.len - 1) != WETEE_OK);
        CHECK(wetee_metadata_proof_for_extrinsic(&proof, md, &info, x.data, x.len - 1, NULL, 0) != WETEE_OK);
        uint8_t *longer = malloc(x.len + 1);
        memcpy(longer, x.data, x.len);
        longer[x.len] = 0;
        CHECK_ERR(wetee_metadata_proof_for_extrinsic(&proof, md, &info, longer, x.len + 1, NULL, 0), WETEE_ERR_TRAILING);
        free(longer);
        cases++;
        wetee_buf_free(&x);
        wetee_buf_free(&a);
        wetee_buf_free(&proof);
        wetee_buf_free(&hex);
    }
    json_t *pf = json_object_get(root, "tx_payload_proof_fixtures");
    for (size_t i = 0; i < json_array_size(pf); i++) {
        json_t *c = json_array_get(pf, i);
        const char *pl = json_string_value(json_object_get(c, "txPayload"));
        const char *want = json_string_value(json_object_get(c, "expectedProof"));
        CHECK(pl && want);
        if (!pl || !want)
            continue;
        wetee_buf x = WETEE_BUF_INIT, proof = WETEE_BUF_INIT, hex = WETEE_BUF_INIT;
        CHECK_OK(wetee_hex_decode(&x, pl, strlen(pl)));
        CHECK_OK(wetee_metadata_proof_for_payload(&proof, md, &info, x.data, x.len));
        CHECK_OK(wetee_hex_encode(&hex, proof.data, proof.len, WETEE_HEX_PREFIX));
        CHECK_STR((const char *)hex.data, want);
        cases++;
        wetee_buf_free(&x);
        wetee_buf_free(&proof);
        wetee_buf_free(&hex);
    }
    CHECK(cases >= 4);
    json_decref(root);
    wetee_metadata_free(md);
}

WT_MAIN("metadata_hash", WT_CASE(published_proofs), WT_CASE(published_digests), WT_CASE(docs_do_not_matter), WT_CASE(only_v15),
        WT_CASE(bad_arguments))
