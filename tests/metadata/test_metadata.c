/* Unit tests of the runtime metadata module (include/wetee/metadata.h).
 *
 * Fixtures (read from the shared vectors, never copied): the four subxt
 * artifacts in vectors/metadata/ (Polkadot V15, Polkadot Asset Hub V16,
 * Frontier V15, Kusama 9111 V14 without magic), the WeTEE dev-chain
 * JSON-RPC responses and the revive V16 runtime in vectors/wetee/, and the
 * Option<Vec<u8>> V15 blobs in vectors/metadata-hash/. Each must parse
 * completely; every pallet, call, event, error, storage entry, constant and
 * runtime API enumerates and is found again by name and index.
 *
 * Known values are chain facts: Polkadot's SS58 prefix 0, Kusama's 2, the
 * Balances pallet index 5 on Polkadot and 4 on Kusama, transfer_keep_alive
 * call index 3 (frame's pallet_balances), System.remark index 0, ...
 *
 * Negative tests: a small synthetic metadata built here (see build_small())
 * is cut at every byte offset, bytes are flipped, versions changed, counts
 * made huge and type ids put out of range; all give errors naming the item
 * and offset, never a crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wt_test.h"

/* ------------------------------------------------------------------ */
/* enumeration of a whole metadata                                     */
/* ------------------------------------------------------------------ */

typedef struct counts {
    size_t pallets, calls, events, errors, storage, constants, apis, methods, types;
} counts;

static int type_ok(const wetee_metadata *md, uint32_t id) { return wetee_metadata_type(md, id) != NULL; }

static void enumerate(const wetee_metadata *md, counts *c)
{
    size_t i, j, k;
    memset(c, 0, sizeof *c);
    c->types = wetee_metadata_type_count(md);
    for (i = 0; i < c->types; i++) {
        const wetee_md_type *t = wetee_metadata_type(md, (uint32_t)i);
        CHECK(t != NULL && wetee_md_type_id(t) == i);
        for (j = 0; j < wetee_md_type_field_count(t); j++)
            CHECK(type_ok(md, wetee_md_field_type(wetee_md_type_field(t, j))));
        for (j = 0; j < wetee_md_type_variant_count(t); j++) {
            const wetee_md_variant *v = wetee_md_type_variant(t, j);
            CHECK(wetee_md_type_variant_by_index(t, wetee_md_variant_index(v)) == v);
            CHECK(wetee_md_variant_owner(v) == i);
        }
    }
    c->pallets = wetee_metadata_pallet_count(md);
    for (i = 0; i < c->pallets; i++) {
        const wetee_md_pallet *p = wetee_metadata_pallet_at(md, i);
        const char *name = wetee_md_pallet_name(p);
        wetee_md_enum_kind kinds[3] = { WETEE_MD_CALLS, WETEE_MD_EVENTS, WETEE_MD_ERRORS };
        CHECK(name != NULL && name[0] != '\0');
        CHECK(wetee_metadata_pallet_by_name(md, name) == p);
        CHECK(wetee_metadata_pallet_by_index(md, wetee_md_pallet_index(p)) == p);
        for (k = 0; k < 3; k++) {
            size_t n = wetee_md_pallet_variant_count(md, p, kinds[k]);
            for (j = 0; j < n; j++) {
                const wetee_md_variant *v = wetee_md_pallet_variant_at(md, p, kinds[k], j);
                size_t f;
                CHECK(v != NULL);
                CHECK(wetee_md_pallet_variant_by_name(md, p, kinds[k], wetee_md_variant_name(v)) == v);
                CHECK(wetee_md_pallet_variant_by_index(md, p, kinds[k], wetee_md_variant_index(v)) == v);
                for (f = 0; f < wetee_md_variant_field_count(v); f++)
                    CHECK(type_ok(md, wetee_md_field_type(wetee_md_variant_field(v, f))));
            }
            if (k == 0) c->calls += n;
            if (k == 1) c->events += n;
            if (k == 2) c->errors += n;
        }
        for (j = 0; j < wetee_md_pallet_storage_count(p); j++) {
            const wetee_md_storage *s = wetee_md_pallet_storage_at(p, j);
            size_t dl;
            CHECK(wetee_md_pallet_storage_by_name(md, p, wetee_md_storage_name(s)) == s);
            CHECK(wetee_md_storage_pallet(s) == p);
            CHECK(type_ok(md, wetee_md_storage_value_type(s)));
            CHECK((wetee_md_storage_hasher_count(s) == 0) == (wetee_md_storage_key_type(s) == WETEE_METADATA_NO_TYPE));
            CHECK(wetee_md_storage_modifier(s) == 0 || wetee_md_storage_modifier(s) == 1);
            (void)wetee_md_storage_default(&dl, s);
            c->storage++;
        }
        for (j = 0; j < wetee_md_pallet_constant_count(p); j++) {
            const wetee_md_constant *k2 = wetee_md_pallet_constant_at(p, j);
            size_t vl;
            CHECK(wetee_md_pallet_constant_by_name(md, p, wetee_md_constant_name(k2)) == k2);
            CHECK(type_ok(md, wetee_md_constant_type(k2)));
            CHECK(wetee_md_constant_value(&vl, k2) != NULL);
            c->constants++;
        }
    }
    c->apis = wetee_metadata_runtime_api_count(md);
    for (i = 0; i < c->apis; i++) {
        const wetee_md_runtime_api *a = wetee_metadata_runtime_api_at(md, i);
        CHECK(wetee_metadata_runtime_api_by_name(md, wetee_md_runtime_api_name(a)) == a);
        for (j = 0; j < wetee_md_runtime_api_method_count(a); j++) {
            const wetee_md_method *m = wetee_md_runtime_api_method_at(a, j);
            CHECK(wetee_md_runtime_api_method_by_name(md, a, wetee_md_method_name(m)) == m);
            CHECK(type_ok(md, wetee_md_method_output(m)));
            for (k = 0; k < wetee_md_method_input_count(m); k++)
                CHECK(type_ok(md, wetee_md_field_type(wetee_md_method_input(m, k))));
            c->methods++;
        }
    }
}

static wetee_metadata *load_scale(const char *rel, const wetee_metadata_options *opts)
{
    size_t len;
    uint8_t *data = wt_read_vector(rel, &len);
    wetee_metadata *md = NULL;
    if (!data) return NULL;
    CHECK_OK(wetee_metadata_parse(&md, data, len, opts));
    free(data);
    return md;
}

static wetee_metadata *load_text(const char *rel, int rpc)
{
    size_t len;
    uint8_t *data = wt_read_vector(rel, &len);
    wetee_metadata *md = NULL;
    if (!data) return NULL;
    if (rpc) CHECK_OK(wetee_metadata_parse_rpc_response(&md, (const char *)data, len, NULL));
    else CHECK_OK(wetee_metadata_parse_hex(&md, (const char *)data, len, NULL));
    free(data);
    return md;
}

static void print_counts(const char *name, const wetee_metadata *md, const counts *c)
{
    printf("  %s: V%u, %zu types, %zu pallets, %zu calls, %zu events, %zu errors, %zu storage, %zu constants, "
           "%zu APIs (%zu methods), spec %s\n",
           name, wetee_metadata_version(md), c->types, c->pallets, c->calls, c->events, c->errors, c->storage,
           c->constants, c->apis, c->methods, wetee_metadata_spec_name(md) ? wetee_metadata_spec_name(md) : "?");
}

static const wetee_md_variant *call_of(const wetee_metadata *md, const char *pallet, const char *call)
{
    return wetee_md_pallet_variant_by_name(md, wetee_metadata_pallet_by_name(md, pallet), WETEE_MD_CALLS, call);
}

WT_TEST(test_rococo_v15_full)
{
    wetee_metadata *md = load_scale("metadata/polkadot_metadata_full.scale", NULL);
    counts c;
    uint16_t ss58 = 99;
    uint32_t v = 0, call, event, error, addr, sig, extra, ty;
    const wetee_md_pallet *bal;
    const wetee_md_variant *tka;
    const wetee_md_variant *err;
    const wetee_md_pallet *errp;
    const wetee_md_runtime_api *api;
    uint8_t e4[4] = { 2, 0, 0, 0 };
    if (!md) WT_SKIP("vectors/metadata/polkadot_metadata_full.scale absent");
    enumerate(md, &c);
    print_counts("polkadot_metadata_full", md, &c);
    CHECK(wetee_metadata_version(md) == 15);
    /* despite its name, this subxt artifact is a Rococo runtime (spec 1021002) */
    CHECK_STR(wetee_metadata_spec_name(md), "rococo");
    CHECK_OK(wetee_metadata_ss58_prefix(&ss58, md));
    CHECK(ss58 == 42);
    CHECK_OK(wetee_metadata_spec_version(&v, md));
    CHECK(v == 1021002);
    CHECK_OK(wetee_metadata_transaction_version(&v, md));
    bal = wetee_metadata_pallet_by_name(md, "Balances");
    CHECK(bal != NULL && wetee_md_pallet_index(bal) == 4);
    CHECK_STR(wetee_md_pallet_storage_prefix(bal), "Balances");
    tka = call_of(md, "Balances", "transfer_keep_alive");
    CHECK(tka != NULL && wetee_md_variant_index(tka) == 3);
    CHECK(wetee_md_variant_field_count(tka) == 2);
    CHECK_STR(wetee_md_field_name(wetee_md_variant_field(tka, 0)), "dest");
    CHECK_STR(wetee_md_field_name(wetee_md_variant_field(tka, 1)), "value");
    CHECK(wetee_md_variant_doc_count(tka) > 0);
    /* value is Compact<u128> */
    ty = wetee_md_field_type(wetee_md_variant_field(tka, 1));
    CHECK(wetee_md_type_kind(wetee_metadata_type(md, ty)) == WETEE_TYPE_COMPACT);
    CHECK(wetee_md_type_primitive(wetee_metadata_type(md, wetee_md_type_elem(wetee_metadata_type(md, ty)))) ==
          WETEE_PRIM_U128);
    CHECK(wetee_md_variant_index(call_of(md, "System", "remark")) == 0);
    CHECK(call_of(md, "Balances", "no_such_call") == NULL);
    CHECK(wetee_metadata_pallet_by_name(md, "NoSuchPallet") == NULL);
    /* module error: Balances error 2 is InsufficientBalance */
    err = wetee_metadata_module_error(&errp, md, 4, e4, 4);
    CHECK(errp == bal);
    CHECK_STR(wetee_md_variant_name(err), "InsufficientBalance");
    CHECK(wetee_md_variant_doc_count(err) > 0);
    CHECK(wetee_metadata_module_error(NULL, md, 200, e4, 4) == NULL);
    CHECK_DETAIL("no pallet with index 200");
    /* storage */
    {
        const wetee_md_storage *acc =
            wetee_md_pallet_storage_by_name(md, wetee_metadata_pallet_by_name(md, "System"), "Account");
        CHECK(acc != NULL);
        CHECK(wetee_md_storage_hasher_count(acc) == 1);
        CHECK(wetee_md_storage_hasher(acc, 0) == WETEE_HASHER_BLAKE2_128_CONCAT);
        CHECK(wetee_md_storage_modifier(acc) == WETEE_MD_STORAGE_DEFAULT);
    }
    /* runtime APIs */
    api = wetee_metadata_runtime_api_by_name(md, "AccountNonceApi");
    CHECK(api != NULL);
    CHECK(wetee_md_runtime_api_method_by_name(md, api, "account_nonce") != NULL);
    CHECK_ERR(wetee_md_runtime_api_version(&v, api), WETEE_ERR_NOT_FOUND);
    CHECK(wetee_metadata_runtime_api_by_name(md, "Metadata") != NULL);
    /* outer enums and extrinsic */
    CHECK_OK(wetee_metadata_outer_enums(&call, &event, &error, md));
    CHECK(wetee_md_type_kind(wetee_metadata_type(md, call)) == WETEE_TYPE_VARIANT);
    CHECK(wetee_md_type_kind(wetee_metadata_type(md, event)) == WETEE_TYPE_VARIANT);
    CHECK(wetee_md_type_kind(wetee_metadata_type(md, error)) == WETEE_TYPE_VARIANT);
    CHECK(wetee_md_type_variant_by_name(wetee_metadata_type(md, call), "Balances") != NULL);
    CHECK(wetee_md_variant_index(wetee_md_type_variant_by_name(wetee_metadata_type(md, call), "Balances")) == 4);
    CHECK_OK(wetee_metadata_extrinsic_types(&addr, &call, &sig, &extra, md));
    CHECK(type_ok(md, addr) && type_ok(md, call) && type_ok(md, sig) && type_ok(md, extra));
    {
        wetee_buf path = WETEE_BUF_INIT;
        CHECK_OK(wetee_md_type_path_string(&path, wetee_metadata_type(md, addr)));
        CHECK_STR((const char *)path.data, "sp_runtime::multiaddress::MultiAddress");
        wetee_buf_free(&path);
    }
    CHECK(wetee_metadata_extrinsic_version_count(md) == 1 && wetee_metadata_extrinsic_version(md, 0) == 4);
    CHECK(wetee_metadata_extension_count(md) >= 8);
    CHECK_STR(wetee_md_extension_identifier(wetee_metadata_extension_at(md, 0)), "AuthorizeCall");
    CHECK_STR(wetee_md_extension_identifier(wetee_metadata_extension_at(md, 9)), "CheckMetadataHash");
    {
        uint8_t ver = 9;
        size_t n = 0;
        CHECK(wetee_metadata_extension_version_count(md) == 1);
        CHECK_OK(wetee_metadata_extension_version_at(&ver, &n, md, 0));
        CHECK(ver == 0 && n == wetee_metadata_extension_count(md));
        CHECK(wetee_metadata_extension_of_version(md, 0, 1) == wetee_metadata_extension_at(md, 1));
    }
    CHECK(c.types == 1011 && c.pallets == 67 && c.apis == 20);
    wetee_metadata_free(md);
}

WT_TEST(test_kusama_v14_no_magic)
{
    wetee_metadata *md = load_scale("metadata/metadata_v14_9111.scale", NULL);
    counts c;
    uint16_t ss58 = 99;
    uint32_t v = 0, call, event, error, addr, sig, extra;
    if (!md) WT_SKIP("vectors/metadata/metadata_v14_9111.scale absent");
    enumerate(md, &c);
    print_counts("metadata_v14_9111", md, &c);
    CHECK(wetee_metadata_version(md) == 14);
    CHECK(c.types == 704);
    CHECK_STR(wetee_metadata_spec_name(md), "kusama");
    CHECK_OK(wetee_metadata_spec_version(&v, md));
    CHECK(v == 9111);
    CHECK_OK(wetee_metadata_ss58_prefix(&ss58, md));
    CHECK(ss58 == 2);
    CHECK(wetee_md_pallet_index(wetee_metadata_pallet_by_name(md, "Balances")) == 4);
    CHECK(wetee_md_variant_index(call_of(md, "Balances", "transfer_keep_alive")) == 3);
    CHECK(wetee_metadata_runtime_api_count(md) == 0);
    CHECK(wetee_md_pallet_doc_count(wetee_metadata_pallet_by_name(md, "Balances")) == 0);
    /* V14 extrinsic types come from UncheckedExtrinsic's parameters */
    CHECK_OK(wetee_metadata_extrinsic_types(&addr, &call, &sig, &extra, md));
    CHECK(type_ok(md, addr) && type_ok(md, call) && type_ok(md, sig) && type_ok(md, extra));
    CHECK_OK(wetee_metadata_outer_enums(&call, &event, &error, md));
    CHECK(wetee_md_type_variant_by_name(wetee_metadata_type(md, call), "Balances") != NULL);
    CHECK(wetee_md_type_variant_by_name(wetee_metadata_type(md, event), "Balances") != NULL);
    CHECK(error == WETEE_METADATA_NO_TYPE);
    CHECK(wetee_metadata_custom_count(md) == 0);
    wetee_metadata_free(md);
}

WT_TEST(test_assethub_v16)
{
    wetee_metadata *md = load_scale("metadata/polkadot_assethub_metadata_small.scale", NULL);
    counts c;
    uint32_t addr, call, sig, extra;
    size_t i, nviews = 0, ndep = 0;
    if (!md) WT_SKIP("vectors/metadata/polkadot_assethub_metadata_small.scale absent");
    enumerate(md, &c);
    print_counts("polkadot_assethub_metadata_small", md, &c);
    CHECK(wetee_metadata_version(md) == 16);
    CHECK_OK(wetee_metadata_extrinsic_types(&addr, &call, &sig, &extra, md));
    CHECK(type_ok(md, addr) && type_ok(md, call) && type_ok(md, sig));
    CHECK(extra == WETEE_METADATA_NO_TYPE);
    CHECK(wetee_metadata_extrinsic_version_count(md) >= 1);
    CHECK(wetee_metadata_extension_version_count(md) >= 1);
    for (i = 0; i < wetee_metadata_extension_version_count(md); i++) {
        size_t n = 0, j;
        CHECK_OK(wetee_metadata_extension_version_at(NULL, &n, md, i));
        for (j = 0; j < n; j++) CHECK(wetee_metadata_extension_of_version(md, i, j) != NULL);
    }
    /* the pruned artifact keeps only System and no runtime APIs */
    CHECK(c.pallets == 1 && c.apis == 0);
    CHECK_STR(wetee_metadata_spec_name(md), "statemint");
    {
        uint16_t ss58 = 99;
        CHECK_OK(wetee_metadata_ss58_prefix(&ss58, md));
        CHECK(ss58 == 0);
    }
    CHECK(wetee_metadata_extrinsic_version_count(md) == 2 && wetee_metadata_extrinsic_version(md, 1) == 5);
    CHECK_STR(wetee_md_extension_identifier(wetee_metadata_extension_at(md, 7)), "ChargeAssetTxPayment");
    for (i = 0; i < wetee_metadata_pallet_count(md); i++) {
        const wetee_md_pallet *p = wetee_metadata_pallet_at(md, i);
        size_t j;
        nviews += wetee_md_pallet_view_function_count(p);
        for (j = 0; j < wetee_md_pallet_view_function_count(p); j++)
            CHECK(wetee_md_method_view_id(wetee_md_pallet_view_function_at(p, j)) != NULL);
        for (j = 0; j < wetee_md_pallet_variant_count(md, p, WETEE_MD_CALLS); j++)
            if (wetee_md_pallet_variant_deprecation(
                    NULL, NULL, p, WETEE_MD_CALLS,
                    wetee_md_variant_index(wetee_md_pallet_variant_at(md, p, WETEE_MD_CALLS, j))) !=
                WETEE_MD_NOT_DEPRECATED)
                ndep++;
    }
    printf("  assethub: %zu view functions, %zu deprecated calls, %zu extension versions\n", nviews, ndep,
           wetee_metadata_extension_version_count(md));
    wetee_metadata_free(md);
}

WT_TEST(test_frontier_v15)
{
    wetee_metadata *md = load_scale("metadata/frontier_metadata_small.scale", NULL);
    counts c;
    if (!md) WT_SKIP("vectors/metadata/frontier_metadata_small.scale absent");
    enumerate(md, &c);
    print_counts("frontier_metadata_small", md, &c);
    CHECK(wetee_metadata_version(md) == 15);
    CHECK(c.pallets > 0);
    wetee_metadata_free(md);
}

WT_TEST(test_wetee_fixtures)
{
    static const char *rpc[] = { "wetee/wetee-dev-spec110-metadata.json", "wetee/revive-dev-spec101-metadata.json" };
    size_t i;
    int any = 0;
    for (i = 0; i < 2; i++) {
        wetee_metadata *md = load_text(rpc[i], 1);
        counts c;
        if (!md) continue;
        any = 1;
        enumerate(md, &c);
        print_counts(rpc[i], md, &c);
        CHECK(wetee_metadata_version(md) == 14);
        CHECK(wetee_metadata_pallet_by_name(md, "System") != NULL);
        wetee_metadata_free(md);
    }
    {
        wetee_metadata *md = load_scale("wetee/revive-dev-runtime-v16.scale", NULL);
        counts c;
        if (md) {
            any = 1;
            enumerate(md, &c);
            print_counts("revive-dev-runtime-v16", md, &c);
            CHECK(wetee_metadata_version(md) == 16);
            CHECK(wetee_metadata_pallet_by_name(md, "Revive") != NULL);
            CHECK_STR(wetee_metadata_spec_name(md), "revive-dev-runtime");
            {
                uint32_t av = 0;
                CHECK_OK(wetee_md_runtime_api_version(&av, wetee_metadata_runtime_api_by_name(md, "Core")));
                CHECK(av >= 4);
                CHECK(wetee_metadata_runtime_api_by_name(md, "ReviveApi") != NULL);
                CHECK(wetee_md_variant_index(call_of(md, "Balances", "transfer_keep_alive")) == 3);
            }
            wetee_metadata_free(md);
        }
    }
    if (!any) WT_SKIP("vectors/wetee/ metadata absent");
}

WT_TEST(test_option_wrapped_hex)
{
    static const char *files[] = { "metadata-hash/polkadot_metadata_v15.hex", "metadata-hash/kusama_metadata_v15.hex",
                                   "metadata-hash/rococo_metadata_v15.hex" };
    static const uint16_t ss58[] = { 0, 2, 42 };
    size_t i;
    int any = 0;
    for (i = 0; i < 3; i++) {
        wetee_metadata *md = load_text(files[i], 0);
        counts c;
        uint16_t p = 999;
        if (!md) continue;
        any = 1;
        enumerate(md, &c);
        print_counts(files[i], md, &c);
        CHECK(wetee_metadata_version(md) == 15);
        CHECK_OK(wetee_metadata_ss58_prefix(&p, md));
        CHECK(p == ss58[i]);
        if (i == 0) { /* Polkadot: Balances is pallet 5, transfer_keep_alive call 3 */
            CHECK_STR(wetee_metadata_spec_name(md), "polkadot");
            CHECK(wetee_md_pallet_index(wetee_metadata_pallet_by_name(md, "Balances")) == 5);
            CHECK(wetee_md_variant_index(call_of(md, "Balances", "transfer_keep_alive")) == 3);
        }
        if (i == 1) CHECK(wetee_md_pallet_index(wetee_metadata_pallet_by_name(md, "Balances")) == 4);
        wetee_metadata_free(md);
    }
    if (!any) WT_SKIP("vectors/metadata-hash/*.hex absent");
}

/* The same metadata in every wrapper gives the same model. */
WT_TEST(test_wrappers)
{
    size_t len, i;
    uint8_t *data = wt_read_vector("metadata/frontier_metadata_small.scale", &len);
    wetee_buf w = WETEE_BUF_INIT, hex = WETEE_BUF_INIT;
    wetee_metadata *md = NULL;
    if (!data) WT_SKIP("vectors/metadata/frontier_metadata_small.scale absent");
    for (i = 0; i < 4; i++) {
        w.len = 0;
        if (i == 1 || i == 3) CHECK_OK(wetee_scale_put_u8(&w, 1)); /* Option Some */
        if (i >= 2) CHECK_OK(wetee_scale_put_seq_len(&w, len));
        CHECK_OK(wetee_buf_append(&w, data, len));
        if (i == 1) { /* Some without Vec length: not a valid form */
            CHECK(wetee_metadata_parse(&md, w.data, w.len, NULL) != WETEE_OK);
            CHECK(md == NULL);
            continue;
        }
        CHECK_OK(wetee_metadata_parse(&md, w.data, w.len, NULL));
        CHECK(wetee_metadata_version(md) == 15);
        CHECK(wetee_metadata_pallet_by_name(md, "System") != NULL);
        wetee_metadata_free(md);
        md = NULL;
        CHECK_OK(wetee_hex_encode(&hex, w.data, w.len, WETEE_HEX_PREFIX));
        CHECK_OK(wetee_metadata_parse_hex(&md, (const char *)hex.data, hex.len, NULL));
        CHECK(md != NULL && wetee_metadata_version(md) == 15);
        wetee_metadata_free(md);
        md = NULL;
    }
    /* None */
    {
        uint8_t none = 0;
        CHECK_ERR(wetee_metadata_parse(&md, &none, 1, NULL), WETEE_ERR_NOT_FOUND);
        CHECK_DETAIL("None");
    }
    /* JSON-RPC error response */
    {
        const char *j = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"boom\"}}";
        CHECK_ERR(wetee_metadata_parse_rpc_response(&md, j, strlen(j), NULL), WETEE_ERR_DECODE);
        CHECK_DETAIL("boom");
        j = "{\"result\":12}";
        CHECK_ERR(wetee_metadata_parse_rpc_response(&md, j, strlen(j), NULL), WETEE_ERR_DECODE);
        j = "{not json";
        CHECK_ERR(wetee_metadata_parse_rpc_response(&md, j, strlen(j), NULL), WETEE_ERR_DECODE);
        CHECK_ERR(wetee_metadata_parse_hex(&md, "0x6d65746", 9, NULL), WETEE_ERR_DECODE);
        CHECK_ERR(wetee_metadata_parse_hex(&md, "0x6d6574zz", 10, NULL), WETEE_ERR_DECODE);
    }
    wetee_buf_free(&w);
    wetee_buf_free(&hex);
    free(data);
}

WT_TEST(test_drop_docs)
{
    wetee_metadata_options o = WETEE_METADATA_OPTIONS_INIT;
    wetee_metadata *md;
    const wetee_md_variant *v;
    o.keep_docs = 0;
    md = load_scale("metadata/polkadot_metadata_full.scale", &o);
    if (!md) WT_SKIP("vectors/metadata/polkadot_metadata_full.scale absent");
    v = call_of(md, "Balances", "transfer_keep_alive");
    CHECK(v != NULL && wetee_md_variant_doc_count(v) == 0 && wetee_md_variant_doc(v, 0) == NULL);
    CHECK(wetee_md_pallet_doc_count(wetee_metadata_pallet_by_name(md, "Balances")) == 0);
    wetee_metadata_free(md);
    o.version = 77;
    CHECK_ERR(wetee_metadata_parse(&md, (const uint8_t *)"meta\x0f", 5, &o), WETEE_ERR_INVALID_ARGUMENT);
}

/* ------------------------------------------------------------------ */
/* synthetic metadata for negative tests                               */
/* ------------------------------------------------------------------ */

static void put_str(wetee_buf *b, const char *s) { CHECK_OK(wetee_scale_put_str(b, s, strlen(s))); }
static void put_c(wetee_buf *b, uint32_t v) { CHECK_OK(wetee_scale_put_compact_u64(b, v)); }
static void put_u8(wetee_buf *b, uint8_t v) { CHECK_OK(wetee_scale_put_u8(b, v)); }

/* A small V14/V15/V16 metadata: types
 *   0 u8, 1 u32, 2 str, 3 Vec<u8>, 4 Call enum { remark(Vec<u8>) = 0, set(u32) = 1 },
 *   5 Event enum { Done(u32) = 0 }, 6 Error enum { Bad = 0 }, 7 (u8, u32),
 *   8 RuntimeVersion-like composite is omitted; 8 recursive Node { children: Vec<Node> } via 9 = Vec<8>
 * one pallet "Demo" (index 7) with storage Plain(u32) and Map(Twox64Concat u32 -> Vec<u8>), constant
 * "Answer": u32 = 42, calls/events/errors; extrinsic with one extension. */
static void build_small(wetee_buf *b, unsigned version, int magic)
{
    b->len = 0;
    if (magic) CHECK_OK(wetee_buf_append(b, (const uint8_t *)"meta", 4));
    put_u8(b, (uint8_t)version);
    put_c(b, 10); /* types */
    /* 0 u8 */
    put_c(b, 0); put_c(b, 0); put_c(b, 0); put_u8(b, 5); put_u8(b, WETEE_PRIM_U8); put_c(b, 0);
    /* 1 u32 */
    put_c(b, 1); put_c(b, 0); put_c(b, 0); put_u8(b, 5); put_u8(b, WETEE_PRIM_U32); put_c(b, 0);
    /* 2 str */
    put_c(b, 2); put_c(b, 0); put_c(b, 0); put_u8(b, 5); put_u8(b, WETEE_PRIM_STR); put_c(b, 0);
    /* 3 Vec<u8> */
    put_c(b, 3); put_c(b, 0); put_c(b, 0); put_u8(b, 2); put_c(b, 0); put_c(b, 0);
    /* 4 Call */
    put_c(b, 4); put_c(b, 2); put_str(b, "demo"); put_str(b, "Call"); put_c(b, 1); put_str(b, "T"); put_u8(b, 0);
    put_u8(b, 1); put_c(b, 2);
    put_str(b, "remark"); put_c(b, 1); put_u8(b, 1); put_str(b, "data"); put_c(b, 3); put_u8(b, 1);
    put_str(b, "Vec<u8>"); put_c(b, 0); put_u8(b, 0); put_c(b, 1); put_str(b, "Make a remark.");
    put_str(b, "set"); put_c(b, 1); put_u8(b, 1); put_str(b, "value"); put_c(b, 1); put_u8(b, 0); put_c(b, 0);
    put_u8(b, 1); put_c(b, 0);
    put_c(b, 0);
    /* 5 Event */
    put_c(b, 5); put_c(b, 0); put_c(b, 0); put_u8(b, 1); put_c(b, 1);
    put_str(b, "Done"); put_c(b, 1); put_u8(b, 0); put_c(b, 1); put_u8(b, 0); put_c(b, 0); put_u8(b, 0); put_c(b, 0);
    put_c(b, 0);
    /* 6 Error */
    put_c(b, 6); put_c(b, 0); put_c(b, 0); put_u8(b, 1); put_c(b, 1);
    put_str(b, "Bad"); put_c(b, 0); put_u8(b, 0); put_c(b, 1); put_str(b, "It went bad.");
    put_c(b, 0);
    /* 7 (u8, u32) */
    put_c(b, 7); put_c(b, 0); put_c(b, 0); put_u8(b, 4); put_c(b, 2); put_c(b, 0); put_c(b, 1); put_c(b, 0);
    /* 8 Node { children: Vec<Node> } (recursive) */
    put_c(b, 8); put_c(b, 1); put_str(b, "Node"); put_c(b, 0); put_u8(b, 0); put_c(b, 1);
    put_u8(b, 1); put_str(b, "children"); put_c(b, 9); put_u8(b, 0); put_c(b, 0);
    put_c(b, 0);
    /* 9 Vec<Node> */
    put_c(b, 9); put_c(b, 0); put_c(b, 0); put_u8(b, 2); put_c(b, 8); put_c(b, 0);
    /* pallets */
    put_c(b, 1);
    put_str(b, "Demo");
    put_u8(b, 1); /* storage */
    put_str(b, "Demo");
    put_c(b, 2);
    put_str(b, "Value"); put_u8(b, 1); put_u8(b, 0); put_c(b, 1); put_c(b, 4); CHECK_OK(wetee_buf_append(b, (const uint8_t *)"\0\0\0\0", 4));
    put_c(b, 1); put_str(b, "A value.");
    if (version >= 16) put_u8(b, 0);
    put_str(b, "Map"); put_u8(b, 0); put_u8(b, 1); put_c(b, 1); put_u8(b, WETEE_HASHER_TWOX64_CONCAT); put_c(b, 1);
    put_c(b, 3); put_c(b, 1); put_u8(b, 0); put_c(b, 0);
    if (version >= 16) put_u8(b, 1);
    put_u8(b, 1); put_c(b, 4); /* calls */
    if (version >= 16) { put_c(b, 1); put_u8(b, 1); put_u8(b, 2); put_str(b, "use remark"); put_u8(b, 1); put_str(b, "v2"); }
    put_u8(b, 1); put_c(b, 5); /* event */
    if (version >= 16) put_c(b, 0);
    put_c(b, 1); /* constants */
    put_str(b, "Answer"); put_c(b, 1); put_c(b, 4); CHECK_OK(wetee_buf_append(b, (const uint8_t *)"\x2a\0\0\0", 4));
    put_c(b, 0);
    if (version >= 16) put_u8(b, 1);
    put_u8(b, 1); put_c(b, 6); /* error */
    if (version >= 16) put_c(b, 0);
    if (version >= 16) {
        put_c(b, 1); put_str(b, "Balance"); put_c(b, 1); put_c(b, 0); /* associated types */
        put_c(b, 1); /* view functions */
        {
            uint8_t id[32];
            memset(id, 0xab, sizeof id);
            CHECK_OK(wetee_buf_append(b, id, 32));
        }
        put_str(b, "get"); put_c(b, 1); put_str(b, "key"); put_c(b, 1); put_c(b, 3); put_c(b, 0); put_u8(b, 0);
    }
    put_u8(b, 7); /* index */
    if (version >= 15) { put_c(b, 1); put_str(b, "The demo pallet."); }
    if (version >= 16) put_u8(b, 0);
    /* extrinsic */
    if (version == 14) {
        put_c(b, 7); put_u8(b, 4);
    } else if (version == 15) {
        put_u8(b, 4); put_c(b, 1); put_c(b, 4); put_c(b, 3); put_c(b, 7);
    } else {
        put_c(b, 2); put_u8(b, 4); put_u8(b, 5); put_c(b, 1); put_c(b, 4); put_c(b, 3);
        put_c(b, 1); put_u8(b, 0); put_c(b, 1); put_c(b, 0);
    }
    put_c(b, 1); put_str(b, "CheckNonce"); put_c(b, 1); put_c(b, 7);
    if (version <= 15) put_c(b, 7); /* runtime type */
    if (version >= 15) {
        put_c(b, 1); /* apis */
        put_str(b, "DemoApi");
        put_c(b, 1); put_str(b, "answer"); put_c(b, 1); put_str(b, "who"); put_c(b, 1); put_c(b, 1); put_c(b, 0);
        if (version >= 16) put_u8(b, 0);
        put_c(b, 1); put_str(b, "The demo API.");
        if (version >= 16) { put_c(b, 3); put_u8(b, 0); }
        put_c(b, 4); put_c(b, 5); put_c(b, 6); /* outer enums */
        put_c(b, 1); put_str(b, "answer"); put_c(b, 1); put_c(b, 4); CHECK_OK(wetee_buf_append(b, (const uint8_t *)"\x2a\0\0\0", 4));
    }
}

/* With WETEE_WRITE_METADATA_CORPUS=<dir>, write the synthetic blobs as the
 * seed corpus of fuzz/fuzz_metadata.c (fuzz/corpus/metadata/). */
static void maybe_write_seed(const wetee_buf *b, unsigned v, int magic)
{
    const char *dir = getenv("WETEE_WRITE_METADATA_CORPUS");
    char path[512];
    FILE *f;
    if (!dir) return;
    snprintf(path, sizeof path, "%s/small_v%u%s", dir, v, magic ? "_magic" : "_bare");
    f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    CHECK(fwrite(b->data, 1, b->len, f) == b->len);
    fclose(f);
}

WT_TEST(test_synthetic_all_versions)
{
    wetee_buf b = WETEE_BUF_INIT;
    unsigned v;
    for (v = 14; v <= 16; v++) {
        int magic;
        for (magic = 0; magic <= 1; magic++) {
            wetee_metadata *md = NULL;
            const wetee_md_pallet *p;
            const wetee_md_constant *k;
            const uint8_t *val;
            size_t vl;
            const char *note = NULL, *since = NULL;
            build_small(&b, v, magic);
            maybe_write_seed(&b, v, magic);
            CHECK_OK(wetee_metadata_parse(&md, b.data, b.len, NULL));
            if (!md) continue;
            CHECK(wetee_metadata_version(md) == v);
            p = wetee_metadata_pallet_by_index(md, 7);
            CHECK_STR(wetee_md_pallet_name(p), "Demo");
            CHECK(wetee_md_variant_index(call_of(md, "Demo", "set")) == 1);
            CHECK_STR(wetee_md_variant_doc(call_of(md, "Demo", "remark"), 0), "Make a remark.");
            CHECK_STR(wetee_md_field_type_name(wetee_md_variant_field(call_of(md, "Demo", "remark"), 0)), "Vec<u8>");
            k = wetee_md_pallet_constant_by_name(md, p, "Answer");
            val = wetee_md_constant_value(&vl, k);
            CHECK(vl == 4 && val[0] == 42);
            CHECK(wetee_md_storage_hasher(wetee_md_pallet_storage_by_name(md, p, "Map"), 0) ==
                  WETEE_HASHER_TWOX64_CONCAT);
            CHECK(wetee_md_type_kind(wetee_metadata_type(md, 8)) == WETEE_TYPE_COMPOSITE);
            CHECK(wetee_md_type_tuple_len(wetee_metadata_type(md, 7)) == 2);
            CHECK(wetee_md_type_param_type(wetee_metadata_type(md, 4), 0) == WETEE_METADATA_NO_TYPE);
            CHECK_STR(wetee_md_type_param_name(wetee_metadata_type(md, 4), 0), "T");
            CHECK(wetee_metadata_spec_name(md) == NULL);
            CHECK_ERR(wetee_metadata_ss58_prefix(&(uint16_t){ 0 }, md), WETEE_ERR_NOT_FOUND);
            if (v >= 15) {
                uint32_t t = 0;
                const uint8_t *cv;
                size_t cl;
                const char *cn;
                CHECK_STR(wetee_md_pallet_doc(p, 0), "The demo pallet.");
                CHECK(wetee_md_runtime_api_method_by_name(md, wetee_metadata_runtime_api_by_name(md, "DemoApi"),
                                                          "answer") != NULL);
                CHECK_OK(wetee_metadata_custom_by_name(&t, &cv, &cl, md, "answer"));
                CHECK(t == 1 && cl == 4 && cv[0] == 42);
                CHECK_OK(wetee_metadata_custom_at(&cn, NULL, NULL, NULL, md, 0));
                CHECK_STR(cn, "answer");
                CHECK_ERR(wetee_metadata_custom_by_name(&t, &cv, &cl, md, "nope"), WETEE_ERR_NOT_FOUND);
            }
            if (v == 16) {
                uint32_t av = 0;
                CHECK(wetee_md_pallet_variant_deprecation(&note, &since, p, WETEE_MD_CALLS, 1) == WETEE_MD_DEPRECATED);
                CHECK_STR(note, "use remark");
                CHECK_STR(since, "v2");
                CHECK(wetee_md_pallet_variant_deprecation(&note, &since, p, WETEE_MD_CALLS, 0) ==
                      WETEE_MD_NOT_DEPRECATED);
                CHECK(wetee_md_storage_deprecation(NULL, NULL, wetee_md_pallet_storage_by_name(md, p, "Map")) ==
                      WETEE_MD_DEPRECATED_WITHOUT_NOTE);
                CHECK(wetee_md_constant_deprecation(NULL, NULL, k) == WETEE_MD_DEPRECATED_WITHOUT_NOTE);
                CHECK(wetee_md_pallet_view_function_count(p) == 1);
                CHECK(wetee_md_method_view_id(wetee_md_pallet_view_function_at(p, 0))[5] == 0xab);
                CHECK_OK(wetee_md_runtime_api_version(&av, wetee_metadata_runtime_api_by_name(md, "DemoApi")));
                CHECK(av == 3);
                CHECK(wetee_metadata_extrinsic_version_count(md) == 2);
                CHECK(wetee_metadata_extrinsic_version(md, 1) == 5);
            }
            wetee_metadata_free(md);
        }
    }
    wetee_buf_free(&b);
}

/* Every prefix of a valid metadata is rejected with an error, never a crash. */
WT_TEST(test_truncation_every_offset)
{
    wetee_buf b = WETEE_BUF_INIT;
    unsigned v;
    for (v = 14; v <= 16; v++) {
        size_t cut;
        build_small(&b, v, 1);
        for (cut = 0; cut < b.len; cut++) {
            wetee_metadata *md = (wetee_metadata *)1;
            int rc = wetee_metadata_parse(&md, b.data, cut, NULL);
            CHECK(rc != WETEE_OK);
            CHECK(md == NULL);
            if (rc == WETEE_OK) {
                fprintf(stderr, "  V%u cut at %zu parsed\n", v, cut);
                wetee_metadata_free(md);
            }
        }
        /* and a trailing byte */
        CHECK_OK(wetee_scale_put_u8(&b, 0));
        {
            wetee_metadata *md = NULL;
            CHECK_ERR(wetee_metadata_parse(&md, b.data, b.len, NULL), WETEE_ERR_TRAILING);
            CHECK_DETAIL("1 bytes left");
        }
    }
    wetee_buf_free(&b);
}

WT_TEST(test_truncation_fixture_sample)
{
    size_t len, cut;
    uint8_t *data = wt_read_vector("metadata/frontier_metadata_small.scale", &len);
    if (!data) WT_SKIP("vectors/metadata/frontier_metadata_small.scale absent");
    wt_rand_seed(7);
    for (cut = 0; cut < 300; cut++) {
        size_t at = cut < 100 ? cut : (size_t)(wt_rand() % len);
        wetee_metadata *md = NULL;
        int rc = wetee_metadata_parse(&md, data, at, NULL);
        CHECK(rc != WETEE_OK && md == NULL);
        CHECK(strstr(wetee_last_error(), "metadata: ") == wetee_last_error());
    }
    free(data);
}

WT_TEST(test_versions_and_garbage)
{
    wetee_metadata *md = NULL;
    uint8_t buf[16];
    CHECK_ERR(wetee_metadata_parse(&md, (const uint8_t *)"meta\x0d\x00", 6, NULL), WETEE_ERR_UNSUPPORTED);
    CHECK_DETAIL("version 13");
    CHECK_ERR(wetee_metadata_parse(&md, (const uint8_t *)"meta\x11\x00", 6, NULL), WETEE_ERR_UNSUPPORTED);
    CHECK_DETAIL("version 17");
    CHECK_ERR(wetee_metadata_parse(&md, (const uint8_t *)"\x0c\x00", 2, NULL), WETEE_ERR_UNSUPPORTED);
    CHECK_DETAIL("0x0c");
    CHECK_ERR(wetee_metadata_parse(&md, (const uint8_t *)"meta", 4, NULL), WETEE_ERR_TRUNCATED);
    CHECK_ERR(wetee_metadata_parse(&md, (const uint8_t *)"me", 2, NULL), WETEE_ERR_TRUNCATED);
    CHECK_ERR(wetee_metadata_parse(&md, NULL, 0, NULL), WETEE_ERR_TRUNCATED);
    CHECK_ERR(wetee_metadata_parse(&md, (const uint8_t *)"\xff\xfe garbage", 10, NULL), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_metadata_parse(NULL, buf, 1, NULL), WETEE_ERR_INVALID_ARGUMENT);
    CHECK_ERR(wetee_metadata_parse(&md, NULL, 5, NULL), WETEE_ERR_INVALID_ARGUMENT);
    /* huge declared type count: rejected before allocating */
    memcpy(buf, "meta\x0f\x03\xff\xff\xff\x7f", 10);
    CHECK_ERR(wetee_metadata_parse(&md, buf, 10, NULL), WETEE_ERR_TRUNCATED);
    CHECK_DETAIL("declared 2147483647 items");
    /* huge string length inside a type path */
    memcpy(buf, "meta\x0e\x04\x00\x04\xfe\xff\xff\x3f", 12);
    CHECK_ERR(wetee_metadata_parse(&md, buf, 12, NULL), WETEE_ERR_TRUNCATED);
    CHECK_DETAIL("type 0 path");
    CHECK(md == NULL);
    wetee_metadata_free(NULL);
    CHECK(wetee_metadata_version(NULL) == 0 && wetee_metadata_pallet_count(NULL) == 0);
    CHECK(wetee_metadata_pallet_by_name(NULL, "x") == NULL && wetee_md_pallet_name(NULL) == NULL);
}

/* Find the byte offset of a needle in a buffer (test helper). */
static size_t find(const wetee_buf *b, const void *needle, size_t n, size_t from)
{
    size_t i;
    for (i = from; i + n <= b->len; i++)
        if (memcmp(b->data + i, needle, n) == 0) return i;
    return (size_t)-1;
}

WT_TEST(test_bad_ids_and_tags)
{
    wetee_buf b = WETEE_BUF_INIT;
    wetee_metadata *md = NULL;
    size_t at;
    /* tuple member type id 1 -> 60 (out of range: 10 types) */
    build_small(&b, 15, 1);
    at = find(&b, "\x1c\x00\x00\x04\x08\x00\x04", 7, 0); /* type 7: id, path, params, tag 4, len 2, 0, 1 */
    CHECK(at != (size_t)-1);
    if (at != (size_t)-1) {
        b.data[at + 6] = 60 << 2;
        CHECK_ERR(wetee_metadata_parse(&md, b.data, b.len, NULL), WETEE_ERR_DECODE);
        CHECK_DETAIL("type 7: tuple member 1 type id 60 out of range (10 types)");
    }
    /* unknown primitive */
    build_small(&b, 15, 1);
    b.data[5 + 1 + 3 + 1] = 15; /* type 0's primitive byte */
    CHECK_ERR(wetee_metadata_parse(&md, b.data, b.len, NULL), WETEE_ERR_DECODE);
    CHECK_DETAIL("unknown primitive 15");
    /* unknown type definition tag */
    build_small(&b, 15, 1);
    b.data[5 + 1 + 3] = 9;
    CHECK_ERR(wetee_metadata_parse(&md, b.data, b.len, NULL), WETEE_ERR_DECODE);
    CHECK_DETAIL("unknown type definition tag 9");
    /* ids out of order */
    build_small(&b, 15, 1);
    b.data[5 + 1] = 1 << 2;
    CHECK_ERR(wetee_metadata_parse(&md, b.data, b.len, NULL), WETEE_ERR_DECODE);
    CHECK_DETAIL("type id 1 at position 0");
    /* constant type id out of range */
    build_small(&b, 14, 1);
    at = find(&b, "\x18" "Answer", 7, 0);
    CHECK(at != (size_t)-1);
    if (at != (size_t)-1) {
        b.data[at + 7] = 63 << 2;
        CHECK_ERR(wetee_metadata_parse(&md, b.data, b.len, NULL), WETEE_ERR_DECODE);
        CHECK_DETAIL("pallet 0 (Demo) constant type: type id 63 out of range");
    }
    /* invalid UTF-8 in a name */
    build_small(&b, 14, 1);
    at = find(&b, "\x18" "Answer", 7, 0);
    if (at != (size_t)-1) {
        b.data[at + 2] = 0xff;
        CHECK_ERR(wetee_metadata_parse(&md, b.data, b.len, NULL), WETEE_ERR_DECODE);
        CHECK_DETAIL("UTF-8");
    }
    /* duplicate variant index */
    build_small(&b, 14, 1);
    at = find(&b, "\x0c" "set", 4, 0);
    CHECK(at != (size_t)-1);
    if (at != (size_t)-1) {
        /* name, fields vec(1), field: name Some "value", type, type_name None, docs 0, then the index */
        size_t idx = at + 4 + 1 + 1 + 1 + 5 + 1 + 1 + 1;
        CHECK(b.data[idx] == 1);
        b.data[idx] = 0;
        CHECK_ERR(wetee_metadata_parse(&md, b.data, b.len, NULL), WETEE_ERR_DECODE);
        CHECK_DETAIL("duplicate variant index 0");
    }
    CHECK(md == NULL);
    wetee_buf_free(&b);
}

/* Random single-byte corruptions of the synthetic metadata: any result is
 * fine as long as it is an error or a consistent metadata. */
WT_TEST(test_byte_flips)
{
    wetee_buf b = WETEE_BUF_INIT;
    unsigned v;
    wt_rand_seed(42);
    for (v = 14; v <= 16; v++) {
        size_t i;
        build_small(&b, v, 1);
        for (i = 0; i < 2000; i++) {
            wetee_buf c = WETEE_BUF_INIT;
            wetee_metadata *md = NULL;
            CHECK_OK(wetee_buf_append(&c, b.data, b.len));
            c.data[wt_rand() % c.len] ^= (uint8_t)(1u << (wt_rand() % 8));
            if (wetee_metadata_parse(&md, c.data, c.len, NULL) == WETEE_OK) {
                counts cn;
                enumerate(md, &cn);
                wetee_metadata_free(md);
            }
            wetee_buf_free(&c);
        }
    }
    wetee_buf_free(&b);
}

WT_MAIN("metadata", WT_CASE(test_rococo_v15_full), WT_CASE(test_kusama_v14_no_magic), WT_CASE(test_assethub_v16),
        WT_CASE(test_frontier_v15), WT_CASE(test_wetee_fixtures), WT_CASE(test_option_wrapped_hex),
        WT_CASE(test_wrappers), WT_CASE(test_drop_docs), WT_CASE(test_synthetic_all_versions),
        WT_CASE(test_truncation_every_offset), WT_CASE(test_truncation_fixture_sample),
        WT_CASE(test_versions_and_garbage), WT_CASE(test_bad_ids_and_tags), WT_CASE(test_byte_flips))
