/* libwetee demo (offline): what a WeTEE client does before it talks to a
 * chain — derive the account, compute storage keys, SCALE-encode a call,
 * handle token amounts exactly, report bad input clearly, and, from the
 * runtime metadata of a WeTEE chain, encode a deployment call from JSON and
 * decode it back, then sign it offline as a transaction and decode that;
 * last, the RFC-0078 metadata hash of a V15 metadata.
 *
 * Sections 5 to 7 read shared test vectors at run time from
 * $WETEE_VECTORS_DIR (default ../shared/vectors; scripts/dev sets it): the
 * WeTEE dev chain's metadata (wetee/wetee-dev-spec110-metadata.json, a
 * state_getMetadata JSON-RPC response) and Polkadot's V15 metadata
 * (metadata-hash/polkadot_metadata_v15.hex). Without them those sections
 * say so and the demo goes on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wetee.h>

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        int rc_ = (expr);                                                                          \
        if (rc_ != WETEE_OK) {                                                                     \
            fprintf(stderr, "demo: %s failed: %s (%s)\n", #expr, wetee_strerror(rc_),              \
                    wetee_last_error());                                                           \
            return 1;                                                                              \
        }                                                                                          \
    } while (0)

static void print_hex(const char *label, const uint8_t *data, size_t len)
{
    wetee_buf hex = WETEE_BUF_INIT;
    if (wetee_hex_encode(&hex, data, len, WETEE_HEX_PREFIX) == WETEE_OK)
        printf("  %-26s %s\n", label, (const char *)hex.data);
    wetee_buf_free(&hex);
}

/* The whole file `rel` under the vectors directory, NUL-terminated; NULL
 * (with a note printed) when it is absent. */
static char *read_vector(const char *rel, size_t *len)
{
    const char *dir = getenv("WETEE_VECTORS_DIR");
    char path[4096];
    FILE *f;
    char *data = NULL;
    long n;
    snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "../shared/vectors", rel);
    f = fopen(path, "rb");
    if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (data = malloc((size_t)n + 1)) != NULL && fread(data, 1, (size_t)n, f) == (size_t)n) {
        data[n] = '\0';
        *len = (size_t)n;
    } else {
        free(data);
        data = NULL;
        printf("  (skipped: %s not found; set WETEE_VECTORS_DIR to the shared test vectors)\n", path);
    }
    if (f) fclose(f);
    return data;
}

/* Append `"0x<hex of text>"` to a JSON text being built. */
static int json_hex(wetee_buf *json, const char *text)
{
    wetee_buf hex = WETEE_BUF_INIT;
    int rc = wetee_hex_encode(&hex, (const uint8_t *)text, strlen(text), WETEE_HEX_PREFIX);
    if (rc == WETEE_OK) rc = wetee_buf_append(json, (const uint8_t *)"\"", 1);
    if (rc == WETEE_OK) rc = wetee_buf_append(json, hex.data, hex.len);
    if (rc == WETEE_OK) rc = wetee_buf_append(json, (const uint8_t *)"\"", 1);
    wetee_buf_free(&hex);
    return rc;
}

static int json_raw(wetee_buf *json, const char *text)
{
    return wetee_buf_append(json, (const uint8_t *)text, strlen(text));
}

/* 5. App.create on the WeTEE dev chain (spec 110), from JSON and back.
 * The metadata and the call are kept in *md_out and *call_out for section 6
 * (*md_out stays NULL when the vectors are absent). */
static int wetee_app_create(wetee_metadata **md_out, wetee_buf *call_out)
{
    size_t len = 0;
    char *rpc = read_vector("wetee/wetee-dev-spec110-metadata.json", &len);
    wetee_metadata *md = NULL;
    wetee_buf args = WETEE_BUF_INIT, back = WETEE_BUF_INIT, bad = WETEE_BUF_INIT;
    wetee_buf *call = call_out;
    uint32_t spec = 0;
    int rc;
    if (!rpc) return 0;
    TRY(wetee_metadata_parse_rpc_response(&md, rpc, len, NULL));
    *md_out = md;
    free(rpc);
    TRY(wetee_metadata_spec_version(&spec, md));
    printf("  %-26s %s spec %u, metadata V%u, %zu pallets, App is pallet %u\n", "chain",
           wetee_metadata_spec_name(md), spec, wetee_metadata_version(md), wetee_metadata_pallet_count(md),
           wetee_md_pallet_index(wetee_metadata_pallet_by_name(md, "App")));
    /* an nginx app in a confidential VM: one HTTP port, one env var, a 10 GB disk */
    rc = json_raw(&args, "{\"name\":");
    if (!rc) rc = json_hex(&args, "hello-tee");
    if (!rc) rc = json_raw(&args, ",\"template_id\":null,\"image\":");
    if (!rc) rc = json_hex(&args, "wetee/hello:1.0");
    if (!rc) rc = json_raw(&args, ",\"signer\":\"0x\",\"signature\":\"0x\",\"meta\":\"0x\","
                                   "\"port\":[{\"Http\":80}],\"command\":{\"SH\":");
    if (!rc) rc = json_hex(&args, "nginx -g 'daemon off;'");
    if (!rc) rc = json_raw(&args, "},\"env\":[{\"etype\":\"INSERT\",\"index\":0,\"k\":{\"Env\":");
    if (!rc) rc = json_hex(&args, "GREETING");
    if (!rc) rc = json_raw(&args, "},\"v\":");
    if (!rc) rc = json_hex(&args, "hello from a TEE");
    if (!rc) rc = json_raw(&args, "}],\"secret_env\":null,\"cpu\":1000,\"memory\":1024,\"disk\":[{\"path\":{\"SSD\":");
    if (!rc) rc = json_hex(&args, "data");
    if (!rc) rc = json_raw(&args, "},\"size\":10}],\"side_container\":[],\"level\":1,\"tee_version\":\"CVM\"}");
    TRY(rc);
    printf("  %-26s %.*s\n", "arguments (JSON)", (int)args.len, (const char *)args.data);
    TRY(wetee_call_encode_json(call, md, "App", "create", (const char *)args.data, args.len));
    print_hex("call (SCALE)", call->data, call->len);
    TRY(wetee_call_decode_json(&back, md, call->data, call->len, NULL));
    printf("  %-26s %.*s\n", "decoded back (JSON)", (int)back.len, (const char *)back.data);
    /* a mistake in the arguments is named by its path */
    rc = wetee_call_encode_json(&bad, md, "App", "create", "{\"name\":\"0x00\"}", 15);
    printf("  %-26s %s: %s\n", "missing arguments", wetee_strerror(rc), wetee_last_error());
    wetee_buf_free(&args);
    wetee_buf_free(&back);
    wetee_buf_free(&bad);
    return 0;
}

/* Print compact JSON with the members of its first `levels` levels on
 * lines of their own (deeper values stay inline). */
static void print_json(const char *s, size_t n, int levels)
{
    int depth = 0, in_str = 0;
    printf("    ");
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_str) {
            putchar(c);
            if (c == '\\' && i + 1 < n) putchar(s[++i]);
            else if (c == '"') in_str = 0;
        } else if (c == '"') {
            in_str = 1;
            putchar(c);
        } else if (c == '{' || c == '[') {
            putchar(c);
            if (++depth <= levels && i + 1 < n && s[i + 1] != '}' && s[i + 1] != ']')
                printf("\n    %*s", 2 * depth, "");
        } else if (c == '}' || c == ']') {
            if (depth-- <= levels && i > 0 && s[i - 1] != '{' && s[i - 1] != '[') printf("\n    %*s", 2 * depth, "");
            putchar(c);
        } else if (c == ',' && depth <= levels) {
            printf(",\n    %*s", 2 * depth, "");
        } else if (c == ':' && depth <= levels) {
            printf(": ");
        } else {
            putchar(c);
        }
    }
    putchar('\n');
}

/* 6. The App.create call of section 5 as a signed transaction, built
 * offline from the metadata alone, and decoded back. */
static int wetee_sign_offline(const wetee_metadata *md, const wetee_buf *call)
{
    /* Example values: a client reads the genesis hash (chain_getBlockHash(0)),
     * the nonce (system_accountNextIndex) and a recent block (chain_getHeader)
     * from the chain it submits to. */
    uint8_t genesis[32], block_hash[32], sig[WETEE_SIGNATURE_MAX_BYTES], pub[WETEE_PUBLIC_MAX_BYTES], txhash[32];
    size_t sig_len, pub_len;
    const uint64_t nonce = 3, block = 1000, period = 64;
    wetee_keypair *signer = NULL;
    wetee_tx *tx = NULL;
    wetee_buf payload = WETEE_BUF_INIT, xt = WETEE_BUF_INIT, again = WETEE_BUF_INIT, json = WETEE_BUF_INIT,
              addr = WETEE_BUF_INIT;
    int rc;
    memset(genesis, 0x11, sizeof genesis);
    memset(block_hash, 0x22, sizeof block_hash);

    /* ed25519 signatures are deterministic: this section prints the same bytes on every run */
    TRY(wetee_keypair_from_suri(&signer, WETEE_SCHEME_ED25519, "//Alice", 7));
    TRY(wetee_keypair_public(signer, pub, &pub_len));
    TRY(wetee_keypair_address(&addr, signer, 42));
    printf("  %-26s %s (//Alice, ed25519)\n", "signer", (const char *)addr.data);
    printf("  %-26s 0x1111...11 (an example value, not the chain's)\n", "genesis hash");
    printf("  %-26s %llu (example)\n", "nonce", (unsigned long long)nonce);
    printf("  %-26s %llu blocks from block %llu, hash 0x2222...22 (example)\n", "mortal era",
           (unsigned long long)period, (unsigned long long)block);

    TRY(wetee_tx_new(&tx, md));
    TRY(wetee_tx_set_call(tx, call->data, call->len)); /* spec and tx versions: System.Version of the metadata */
    TRY(wetee_tx_set_genesis_hash(tx, genesis));
    TRY(wetee_tx_set_nonce(tx, nonce));
    TRY(wetee_tx_set_mortal(tx, period, block, block_hash));

    /* the offline split: the payload goes to a signer elsewhere, its signature comes back */
    TRY(wetee_tx_signing_payload(&payload, tx));
    print_hex("signing payload", payload.data, payload.len);
    TRY(wetee_keypair_sign(signer, sig, &sig_len, payload.data, payload.len)); /* (the signer's side) */
    print_hex("signature", sig, sig_len);
    TRY(wetee_tx_attach_signature(&xt, tx, WETEE_SCHEME_ED25519, pub, pub_len, sig, sig_len));
    print_hex("signed extrinsic", xt.data, xt.len);
    /* in one process, wetee_tx_sign does the same */
    TRY(wetee_tx_sign(&again, tx, signer));
    printf("  %-26s %s\n", "same as wetee_tx_sign",
           again.len == xt.len && memcmp(again.data, xt.data, xt.len) == 0 ? "yes" : "NO (bug!)");
    TRY(wetee_extrinsic_hash(txhash, xt.data, xt.len));
    print_hex("transaction hash", txhash, sizeof txhash);
    TRY(wetee_extrinsic_decode_json(&json, md, xt.data, xt.len, NULL));
    printf("  decoded (JSON):\n");
    print_json((const char *)json.data, json.len, 3);
    /* a signature that does not match the payload is refused before anything is built */
    sig[0] ^= 1;
    rc = wetee_tx_attach_signature(&again, tx, WETEE_SCHEME_ED25519, pub, pub_len, sig, sig_len);
    printf("  %-26s %s: %s\n", "tampered signature", wetee_strerror(rc), wetee_last_error());

    wetee_tx_free(tx);
    wetee_keypair_free(signer);
    wetee_buf_free(&payload);
    wetee_buf_free(&xt);
    wetee_buf_free(&again);
    wetee_buf_free(&json);
    wetee_buf_free(&addr);
    return 0;
}

/* 7. The RFC-0078 metadata hash that CheckMetadataHash signs, from V15. */
static int metadata_hash(void)
{
    size_t len = 0;
    char *hex = read_vector("metadata-hash/polkadot_metadata_v15.hex", &len);
    wetee_metadata *md = NULL;
    wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
    uint8_t hash[WETEE_METADATA_HASH_BYTES];
    uint32_t spec = 0;
    if (!hex) return 0;
    TRY(wetee_metadata_parse_hex(&md, hex, len, NULL)); /* Metadata_metadata_at_version(15) result */
    free(hex);
    TRY(wetee_metadata_spec_version(&spec, md));
    info.decimals = 10; /* DOT, from system_properties */
    info.token_symbol = "DOT";
    TRY(wetee_metadata_hash(hash, md, &info));
    printf("  %-26s %s spec %u, V%u\n", "metadata", wetee_metadata_spec_name(md), spec, wetee_metadata_version(md));
    print_hex("metadata hash (DOT, 10)", hash, sizeof hash);
    wetee_metadata_free(md);
    return 0;
}

int main(void)
{
    wetee_keypair *alice = NULL;
    uint8_t pub[WETEE_PUBLIC_MAX_BYTES], sig[WETEE_SIGNATURE_MAX_BYTES], account[32];
    size_t pub_len, sig_len, account_len;
    static const struct { const char *name; uint16_t prefix; } nets[] = {
        { "Polkadot", WETEE_SS58_PREFIX_POLKADOT },
        { "Kusama", WETEE_SS58_PREFIX_KUSAMA },
        { "generic Substrate", WETEE_SS58_PREFIX_GENERIC },
    };
    wetee_buf addr = WETEE_BUF_INIT, key = WETEE_BUF_INIT, call = WETEE_BUF_INIT, app_call = WETEE_BUF_INIT;
    wetee_metadata *wetee_md = NULL;
    const char *msg = "deploy wetee/hello:1.0 to a TDX worker";

    printf("libwetee %s\n\n", wetee_version_string());

    /* 1. the account: //Alice from the development phrase */
    printf("Account //Alice (sr25519)\n");
    TRY(wetee_keypair_from_suri(&alice, WETEE_SCHEME_SR25519, "//Alice", 7));
    TRY(wetee_keypair_public(alice, pub, &pub_len));
    print_hex("public key", pub, pub_len);
    for (size_t i = 0; i < sizeof nets / sizeof nets[0]; i++) {
        TRY(wetee_keypair_address(&addr, alice, nets[i].prefix));
        printf("  %-26s %s\n", nets[i].name, (const char *)addr.data);
    }
    TRY(wetee_keypair_sign(alice, sig, &sig_len, (const uint8_t *)msg, strlen(msg)));
    print_hex("signature", sig, sig_len);
    TRY(wetee_verify(WETEE_SCHEME_SR25519, sig, sig_len, (const uint8_t *)msg, strlen(msg), pub, pub_len));
    printf("  %-26s %s\n", "signature verifies", "yes");
    sig[5] ^= 1;
    printf("  %-26s %s\n", "tampered one verifies",
           wetee_verify(WETEE_SCHEME_SR25519, sig, sig_len, (const uint8_t *)msg, strlen(msg), pub, pub_len) ==
                   WETEE_OK ? "YES (bug!)" : "no");

    /* 2. storage key of System.Account(//Alice) */
    printf("\nStorage key System.Account(//Alice)\n");
    {
        uint8_t part[16];
        TRY(wetee_keypair_account_id(alice, account, &account_len));
        TRY(wetee_hash_twox128(part, (const uint8_t *)"System", 6));
        TRY(wetee_buf_append(&key, part, 16));
        TRY(wetee_hash_twox128(part, (const uint8_t *)"Account", 7));
        TRY(wetee_buf_append(&key, part, 16));
        TRY(wetee_hash_blake2b_128(part, account, account_len)); /* Blake2_128Concat */
        TRY(wetee_buf_append(&key, part, 16));
        TRY(wetee_buf_append(&key, account, account_len));
        print_hex("key", key.data, key.len);
    }

    /* 3. exact token amounts and a SCALE-encoded transfer */
    printf("\nBalances.transfer_keep_alive(dest = //Alice, value = 1.5 DOT)\n");
    {
        wetee_u128 planck, back;
        char text[WETEE_U128_DECIMAL_BUFSIZE];
        wetee_scale_reader r;
        uint8_t variant;
        const uint8_t *dest;
        TRY(wetee_u128_from_decimal(&planck, "1.5", 3, 10)); /* DOT has 10 decimals */
        TRY(wetee_u128_to_decimal(text, sizeof text, planck, 10));
        printf("  %-26s %s DOT = %llu planck\n", "amount", text, (unsigned long long)planck.lo);
        TRY(wetee_scale_put_variant(&call, 0));                 /* MultiAddress::Id */
        TRY(wetee_scale_put_raw(&call, account, account_len)); /* AccountId32 */
        TRY(wetee_scale_put_compact_u128(&call, planck));      /* Compact<Balance> */
        print_hex("call arguments (SCALE)", call.data, call.len);
        wetee_scale_reader_init(&r, call.data, call.len);
        TRY(wetee_scale_get_variant(&r, &variant, 5));
        TRY(wetee_scale_get_raw(&r, &dest, 32));
        TRY(wetee_scale_get_compact_u128(&r, &back));
        TRY(wetee_scale_finish(&r));
        TRY(wetee_u128_to_decimal(text, sizeof text, back, 10));
        printf("  %-26s MultiAddress variant %u, %s DOT\n", "decoded back", variant, text);
    }

    /* 4. bad input is reported with what and where */
    printf("\nBad input\n");
    {
        static const uint8_t noncanon[] = { 0x01, 0x00 }; /* 0 in two-byte compact mode */
        wetee_u128 v;
        size_t used;
        int rc = wetee_scale_decode_compact(&v, &used, noncanon, sizeof noncanon);
        printf("  %-26s %s: %s\n", "compact 0x0100", wetee_strerror(rc), wetee_last_error());
        rc = wetee_u128_from_decimal(&v, "1.00000000001", 13, 10);
        printf("  %-26s %s: %s\n", "\"1.00000000001\" DOT", wetee_strerror(rc), wetee_last_error());
        rc = wetee_ss58_decode(&addr, (uint16_t[]){ 0 }, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ", 48);
        printf("  %-26s %s: %s\n", "address with a typo", wetee_strerror(rc), wetee_last_error());
    }

    printf("\nWeTEE App.create from the WeTEE dev chain's metadata\n");
    if (wetee_app_create(&wetee_md, &app_call) != 0) return 1;

    printf("\nApp.create signed offline as a transaction\n");
    if (!wetee_md)
        printf("  (skipped: needs the WeTEE metadata of the section above)\n");
    else if (wetee_sign_offline(wetee_md, &app_call) != 0)
        return 1;

    printf("\nRFC-0078 metadata hash of Polkadot's V15 metadata\n");
    if (metadata_hash() != 0) return 1;

    wetee_keypair_free(alice);
    wetee_metadata_free(wetee_md);
    wetee_buf_free(&app_call);
    wetee_buf_free(&addr);
    wetee_buf_free(&key);
    wetee_buf_free(&call);
    return 0;
}
