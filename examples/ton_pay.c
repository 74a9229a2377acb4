/* Pay 2 TON (Gram) with a memo and print the receipt.
 *
 *   wetee_ton_pay
 *       Offline: the signed W5 payment of 2 GRAM with the memo "order 42"
 *       (wetee_ton_payment_message + wetee_ton_wallet_sign_payment, seqno 0,
 *       valid until 2026-01-01T00:01:00Z): payer, payee, amount, memo read
 *       back from the message, the BOC for toncenter's sendBoc and the
 *       normalised hash the payment is confirmed by.
 *   wetee_ton_pay V2_URL V3_URL TO AMOUNT MEMO [JETTON_MINTER SYMBOL DECIMALS]
 *       Online: wetee_pay() through toncenter at V2_URL / V3_URL (the
 *       sandbox suite points them at a toncenter stand-in over @ton/sandbox):
 *       AMOUNT (e.g. "2 TON", "2.5", "250 TST") of TON's coin, or of the
 *       jetton of JETTON_MINTER (added to the registry as SYMBOL with
 *       DECIMALS), to TO with MEMO; prints the receipt as JSON (also when
 *       the payment fails) and exits 0 only when it is confirmed.
 *
 * The key is the first test vector of ton-crypto (never use it for real
 * funds); WETEE_TON_MNEMONIC overrides it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        int rc_ = (expr);                                                                          \
        if (rc_ != WETEE_OK) {                                                                     \
            fprintf(stderr, "%s: %s\n", #expr, wetee_last_error());                                \
            return 1;                                                                              \
        }                                                                                          \
    } while (0)

static const char TEST_WORDS[] = "hospital stove relief fringe tongue always charge angry urge sentence again match "
                                 "nerve inquiry senior coconut label tumble carry category beauty bean road solution";

static int offline(const wetee_ton_wallet *w, const uint8_t secret[64])
{
    const char *to = "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB", *memo = "order 42";
    wetee_ton_address dest, self;
    wetee_ton_cell *msg = NULL, *ext = NULL;
    wetee_buf boc = WETEE_BUF_INIT, b64 = WETEE_BUF_INIT, back = WETEE_BUF_INIT, hx = WETEE_BUF_INIT;
    wetee_u128 amount;
    uint8_t norm[32];
    char addr[WETEE_TON_ADDRESS_FRIENDLY_BUFSIZE], text[WETEE_TON_AMOUNT_BUFSIZE];
    TRY(wetee_ton_address_parse(&dest, NULL, to, strlen(to)));
    TRY(wetee_ton_amount_parse(&amount, "2 TON", 5));
    TRY(wetee_ton_payment_message(&msg, NULL, NULL, &dest, amount, memo, strlen(memo), NULL));
    TRY(wetee_ton_wallet_sign_payment(&ext, norm, w, secret, 0, 1767225660u, WETEE_TON_SEND_DEFAULT, msg));
    TRY(wetee_ton_payment_memo(&back, msg, 1));
    TRY(wetee_ton_boc_serialize(&boc, ext, WETEE_TON_BOC_CRC32C));
    TRY(wetee_base64_encode(&b64, boc.data, boc.len, 0));
    TRY(wetee_hex_encode(&hx, norm, 32, 0));
    TRY(wetee_ton_wallet_address(&self, w));
    TRY(wetee_ton_address_to_friendly(addr, sizeof addr, &self, 0));
    printf("payer:      %s (W5, seqno 0: this message deploys it)\n", addr);
    printf("payee:      %s (bounceable)\n", to);
    TRY(wetee_ton_amount_format(text, sizeof text, amount, WETEE_TON_SYMBOL));
    printf("amount:     %s (%llu nanotons)\n", text, (unsigned long long)amount.lo);
    printf("memo:       %s\n", (const char *)back.data);
    printf("boc:        %s\n", (const char *)b64.data);
    printf("normalized: %s\n", (const char *)hx.data);
    {
        uint8_t h[32];
        wetee_buf hh = WETEE_BUF_INIT;
        TRY(wetee_ton_cell_hash(h, ext));
        TRY(wetee_hex_encode(&hh, h, 32, 0));
        printf("hash:       %s\n", (const char *)hh.data);
        wetee_buf_free(&hh);
    }
    wetee_buf_free(&boc);
    wetee_buf_free(&b64);
    wetee_buf_free(&back);
    wetee_buf_free(&hx);
    wetee_ton_cell_free(msg);
    wetee_ton_cell_free(ext);
    return 0;
}

static int online(char **argv, int jetton, const wetee_ton_wallet *w, const uint8_t secret[64])
{
    wetee_toncenter_options to = WETEE_TONCENTER_OPTIONS_INIT;
    wetee_pay_ton_options po = WETEE_PAY_TON_OPTIONS_INIT;
    wetee_pay_options opts = WETEE_PAY_OPTIONS_INIT;
    wetee_toncenter *tc = NULL;
    wetee_token_registry *reg = NULL;
    wetee_payer *payer = NULL;
    wetee_pay_receipt *r = NULL;
    const wetee_token *token = NULL;
    wetee_buf json = WETEE_BUF_INIT;
    wetee_u128 amount;
    int rc;
    to.v2_url = argv[1];
    to.v3_url = argv[2];
    TRY(wetee_toncenter_new(&tc, &to));
    TRY(wetee_token_registry_new(&reg, 0));
    if (jetton)
        TRY(wetee_token_registry_add(&token, reg, "ton", WETEE_TOKEN_JETTON, argv[6], argv[7],
                                     (unsigned)strtoul(argv[8], NULL, 10)));
    else
        TRY(wetee_token_lookup(&token, reg, "ton", WETEE_TOKEN_TON, NULL));
    TRY(wetee_amount_parse(&amount, token, argv[4], strlen(argv[4])));
    TRY(wetee_payer_new(&payer, reg));
    po.poll_ms = 100;
    TRY(wetee_payer_add_ton(payer, "ton", tc, w, secret, &po));
    opts.timeout_ms = 20000;
    rc = wetee_pay(&r, payer, token, amount, argv[3], argv[5], &opts);
    if (rc != WETEE_OK) fprintf(stderr, "pay: %s\n", wetee_last_error());
    if (r && wetee_pay_receipt_to_json(&json, r) == WETEE_OK) printf("receipt: %s\n", (const char *)json.data);
    wetee_buf_free(&json);
    wetee_pay_receipt_free(r);
    wetee_payer_free(payer);
    wetee_token_registry_free(reg);
    wetee_toncenter_free(tc);
    return rc == WETEE_OK ? 0 : 3;
}

int main(int argc, char **argv)
{
    const char *words = getenv("WETEE_TON_MNEMONIC");
    uint8_t secret[64], pub[32];
    uint32_t id;
    wetee_ton_wallet *w = NULL;
    int rc;
    if (argc != 1 && argc != 6 && argc != 9) {
        fprintf(stderr, "usage: wetee_ton_pay [V2_URL V3_URL TO AMOUNT MEMO [JETTON_MINTER SYMBOL DECIMALS]]\n");
        return 2;
    }
    if (words == NULL) words = TEST_WORDS;
    TRY(wetee_ton_mnemonic_to_keypair(secret, pub, words, strlen(words), NULL, 0));
    TRY(wetee_ton_wallet_default_id(&id, WETEE_TON_WALLET_V5R1, 0, WETEE_TON_NETWORK_MAINNET));
    TRY(wetee_ton_wallet_new(&w, WETEE_TON_WALLET_V5R1, pub, 0, id));
    rc = argc == 1 ? offline(w, secret) : online(argv, argc == 9, w, secret);
    wetee_wipe(secret, sizeof secret);
    wetee_ton_wallet_free(w);
    return rc;
}
