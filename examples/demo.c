/* libwetee demo (offline): what a WeTEE client does before it talks to a
 * chain — derive the account, compute storage keys, SCALE-encode a call,
 * handle token amounts exactly, and report bad input clearly. */
#include <stdio.h>
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
    wetee_buf addr = WETEE_BUF_INIT, key = WETEE_BUF_INIT, call = WETEE_BUF_INIT;
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

    wetee_keypair_free(alice);
    wetee_buf_free(&addr);
    wetee_buf_free(&key);
    wetee_buf_free(&call);
    return 0;
}
