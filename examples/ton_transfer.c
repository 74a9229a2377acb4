/* A signed W5 (wallet v5r1) transfer of 1.5 GRAM (TON) with a text comment,
 * built offline: mnemonic -> key pair -> wallet address -> internal message
 * -> signed body -> external message (with the state init, as the first
 * transfer deploys the wallet) -> BOC for toncenter's sendBoc.
 *
 *   wetee_ton_transfer [VALID_UNTIL [SEQNO]]
 *
 * The mnemonic is the first test vector of ton-crypto (never use it for real
 * funds); WETEE_TON_MNEMONIC overrides it. Prints the wallet address, the
 * amount, the BOC (base64), the hash of the external message cell and its
 * TEP-467 normalised hash (what toncenter v3 and other indexers look the
 * resulting transaction up by). */
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

int main(int argc, char **argv)
{
    const char *words = getenv("WETEE_TON_MNEMONIC");
    const char *to = "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB";
    uint32_t valid_until = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 1767225600u; /* 2026-01-01 */
    uint32_t seqno = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 0;
    uint8_t secret[64], pub[32], hash[32], norm[32];
    uint32_t id;
    wetee_ton_wallet *wallet = NULL;
    wetee_ton_address dest, self;
    wetee_ton_cell *comment = NULL, *msg = NULL, *body = NULL, *ext = NULL;
    wetee_ton_transfer *t = NULL;
    wetee_u128 amount;
    wetee_buf boc = WETEE_BUF_INIT, b64 = WETEE_BUF_INIT, hex = WETEE_BUF_INIT, nhex = WETEE_BUF_INIT;
    char addr[WETEE_TON_ADDRESS_FRIENDLY_BUFSIZE], amt[WETEE_TON_AMOUNT_BUFSIZE];

    if (words == NULL)
        words = "hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry "
                "senior coconut label tumble carry category beauty bean road solution";
    TRY(wetee_ton_mnemonic_to_keypair(secret, pub, words, strlen(words), NULL, 0));
    TRY(wetee_ton_wallet_default_id(&id, WETEE_TON_WALLET_V5R1, 0, WETEE_TON_NETWORK_MAINNET));
    TRY(wetee_ton_wallet_new(&wallet, WETEE_TON_WALLET_V5R1, pub, 0, id));
    TRY(wetee_ton_wallet_address(&self, wallet));
    TRY(wetee_ton_address_to_friendly(addr, sizeof addr, &self, 0));
    printf("wallet (W5):  %s\n", addr);

    TRY(wetee_ton_amount_parse(&amount, "1.5 TON", 7));
    TRY(wetee_ton_amount_format(amt, sizeof amt, amount, NULL));
    TRY(wetee_ton_address_parse(&dest, NULL, to, strlen(to)));
    printf("transfer:     %s to %s, comment \"order 42\", seqno %u, valid until %u\n", amt, to, seqno, valid_until);
    TRY(wetee_ton_comment(&comment, "order 42", 8));
    TRY(wetee_ton_internal_message(&msg, &dest, amount, 1, NULL, comment));
    TRY(wetee_ton_transfer_new(&t));
    TRY(wetee_ton_transfer_add(t, WETEE_TON_SEND_DEFAULT, msg));
    TRY(wetee_ton_wallet_sign_transfer(&body, wallet, secret, seqno, valid_until, t));
    wetee_wipe(secret, sizeof secret);
    TRY(wetee_ton_wallet_external(&ext, wallet, body, seqno == 0));

    TRY(wetee_ton_boc_serialize(&boc, ext, WETEE_TON_BOC_CRC32C));
    TRY(wetee_base64_encode(&b64, boc.data, boc.len, 0));
    TRY(wetee_ton_cell_hash(hash, ext));
    TRY(wetee_hex_encode(&hex, hash, sizeof hash, 0));
    TRY(wetee_ton_message_normalized_hash(norm, ext));
    TRY(wetee_hex_encode(&nhex, norm, sizeof norm, 0));
    printf("boc (base64): %s\n", (const char *)b64.data);
    printf("message hash: %s\n", (const char *)hex.data);
    printf("normalized:   %s (TEP-467, for transaction lookup)\n", (const char *)nhex.data);

    wetee_buf_free(&boc);
    wetee_buf_free(&b64);
    wetee_buf_free(&hex);
    wetee_buf_free(&nhex);
    wetee_ton_cell_free(comment);
    wetee_ton_cell_free(msg);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(ext);
    wetee_ton_transfer_free(t);
    wetee_ton_wallet_free(wallet);
    return 0;
}
