/* Payment demo (offline): 1.5 DOT from //Alice to //Bob with the order
 * reference "order-42", from Polkadot's V15 metadata in a file:
 *
 *   wetee_pay_demo [METADATA_HEX_FILE]
 *       (default $WETEE_VECTORS_DIR/metadata-hash/polkadot_metadata_v15.hex)
 *
 * 1. the token from the registry by chain and id, the amount parsed exactly;
 * 2. the offline quote: the route chosen from the metadata, the call, the
 *    amount in base units and as text, the existential deposit the checks
 *    use (the fee itself needs the runtime: wetee_pay_quote() asks the node);
 * 3. the signed payment: the transfer and the memo on chain
 *    (Utility.batch_all with System.remark_with_event), signed for nonce 0
 *    at Polkadot's genesis, its hash, and the extrinsic decoded back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wetee.h>

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        int rc_ = (expr);                                                                          \
        if (rc_ != WETEE_OK) {                                                                     \
            fprintf(stderr, "pay demo: %s failed: %s (%s)\n", #expr, wetee_strerror(rc_),          \
                    wetee_last_error());                                                           \
            return 1;                                                                              \
        }                                                                                          \
    } while (0)

int main(int argc, char **argv)
{
    const char *dir = getenv("WETEE_VECTORS_DIR");
    const char *bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    char path[4096];
    FILE *f;
    long n;
    char *hex = NULL;
    wetee_metadata *md = NULL;
    wetee_token_registry *reg = NULL;
    const wetee_token *dot = NULL;
    wetee_keypair *alice = NULL;
    wetee_tx *tx = NULL;
    wetee_buf plan = WETEE_BUF_INIT, ext = WETEE_BUF_INIT, text = WETEE_BUF_INIT;
    wetee_pay_options opts = WETEE_PAY_OPTIONS_INIT;
    wetee_u128 amount;
    uint8_t genesis[32], hash[32];

    if (argc > 1) snprintf(path, sizeof path, "%s", argv[1]);
    else snprintf(path, sizeof path, "%s/metadata-hash/polkadot_metadata_v15.hex", dir && *dir ? dir : "../shared/vectors");
    f = fopen(path, "rb");
    if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (hex = malloc((size_t)n + 1)) != NULL && fread(hex, 1, (size_t)n, f) == (size_t)n) {
        while (n > 0 && (hex[n - 1] == '\n' || hex[n - 1] == '\r' || hex[n - 1] == ' ')) n--;
        hex[n] = 0;
    } else {
        printf("pay demo skipped: %s not found (set WETEE_VECTORS_DIR)\n", path);
        if (f) fclose(f);
        free(hex);
        return 0;
    }
    fclose(f);
    TRY(wetee_metadata_parse_hex(&md, hex, (size_t)n, NULL));
    free(hex);

    printf("1. token and amount\n");
    TRY(wetee_token_registry_new(&reg, 0));
    TRY(wetee_token_lookup(&dot, reg, "polkadot", WETEE_TOKEN_NATIVE, NULL));
    TRY(wetee_token_to_json(&text, dot));
    printf("  token   %s\n", (const char *)text.data);
    TRY(wetee_amount_parse(&amount, dot, "1.5 DOT", SIZE_MAX));
    TRY(wetee_amount_format(&text, dot, amount, 0));
    printf("  amount  \"1.5 DOT\" = %llu planck (%s)\n", (unsigned long long)amount.lo, (const char *)text.data);
    if (wetee_amount_parse(&amount, dot, "1.00000000001 DOT", SIZE_MAX) != WETEE_OK)
        printf("  refused \"1.00000000001 DOT\": %s\n", wetee_last_error());
    TRY(wetee_amount_parse(&amount, dot, "1.5 DOT", SIZE_MAX));

    printf("2. offline quote (%s, spec %s)\n", path, wetee_metadata_spec_name(md));
    opts.flags = WETEE_PAY_MEMO_REMARK;
    TRY(wetee_pay_prepare(&tx, &plan, md, dot, amount, bob, "order-42", &opts));
    printf("  plan    %s\n", (const char *)plan.data);

    printf("3. signed payment (//Alice, nonce 0, immortal, Polkadot's genesis)\n");
    TRY(wetee_hex_decode_exact(genesis, 32, "0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3", 66));
    TRY(wetee_keypair_from_suri(&alice, WETEE_SCHEME_SR25519, "//Alice", 7));
    TRY(wetee_tx_set_genesis_hash(tx, genesis));
    TRY(wetee_tx_set_nonce(tx, 0));
    TRY(wetee_tx_sign(&ext, tx, alice));
    TRY(wetee_extrinsic_hash(hash, ext.data, ext.len));
    TRY(wetee_hex_encode(&text, ext.data, ext.len, WETEE_HEX_PREFIX));
    printf("  extrinsic (%zu bytes) %s\n", ext.len, (const char *)text.data);
    TRY(wetee_hex_encode(&text, hash, 32, WETEE_HEX_PREFIX));
    printf("  tx hash %s\n", (const char *)text.data);
    TRY(wetee_extrinsic_decode_json(&text, md, ext.data, ext.len, NULL));
    printf("  decoded %s\n", (const char *)text.data);

    wetee_buf_free(&plan);
    wetee_buf_free(&ext);
    wetee_buf_free(&text);
    wetee_tx_free(tx);
    wetee_keypair_free(alice);
    wetee_token_registry_free(reg);
    wetee_metadata_free(md);
    return 0;
}
