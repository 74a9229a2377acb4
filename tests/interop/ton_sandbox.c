/* End-to-end test of libwetee's TON wallets and jettons in the @ton/sandbox
 * emulator: the libwetee side. ton-sandbox/sandbox_e2e.mjs runs it for every
 * message it delivers; run.sh (suite ton-sandbox) drives both.
 *
 * The key is the first ton-crypto mnemonic vector (a test key only). Each
 * command prints "key value" lines: the wallet's raw address and the
 * external message BOC (base64, with CRC32C, as toncenter's sendBoc takes
 * it).
 *
 *   ton_sandbox wallet VERSION SEQNO TIME DEST NANOTONS
 *       VERSION v3r2 | v4r2 | v5r1 | highload. A transfer of NANOTONS to
 *       DEST (non-bounceable) with the comment "e2e", mode 1 (pay fees
 *       separately; W5 requests get +2, which the test checks). For the
 *       seqno wallets TIME is valid_until and SEQNO the seqno (0 deploys);
 *       for highload v3 TIME is created_at and SEQNO the query id (the
 *       state init is included while the query id is 0).
 *       Prints: address, ext.
 *   ton_sandbox jetton VERSION SEQNO TIME MINTER WALLET_CODE DEST AMOUNT
 *       A TEP-74 transfer of AMOUNT jetton units from the wallet's own
 *       jetton wallet (address computed locally from the minter address and
 *       the jetton wallet code, given as a base64 BOC; the data layout of
 *       the token contract: balance, owner, master, ^code) to the owner
 *       DEST, response to the wallet, forward 0.01 TON with the comment
 *       "jetton e2e", carried by 0.1 TON (bounceable) in the wallet's
 *       transfer.
 *       Prints: address, jetton_wallet, ext.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        if ((expr) != WETEE_OK) {                                                                  \
            fprintf(stderr, "ton_sandbox: %s: %s\n", #expr, wetee_last_error());                   \
            exit(1);                                                                               \
        }                                                                                          \
    } while (0)

static const char MNEMONIC[] = "hospital stove relief fringe tongue always charge angry urge sentence again match "
                               "nerve inquiry senior coconut label tumble carry category beauty bean road solution";

static uint8_t secret[64], pub[32];

static int version_of(const char *name)
{
    if (!strcmp(name, "v3r2")) return WETEE_TON_WALLET_V3R2;
    if (!strcmp(name, "v4r2")) return WETEE_TON_WALLET_V4R2;
    if (!strcmp(name, "v5r1")) return WETEE_TON_WALLET_V5R1;
    if (!strcmp(name, "highload")) return WETEE_TON_WALLET_HIGHLOAD_V3;
    fprintf(stderr, "ton_sandbox: unknown wallet version %s\n", name);
    exit(2);
}

static wetee_ton_wallet *open_wallet(int version)
{
    wetee_ton_wallet *w = NULL;
    uint32_t id;
    if (version == WETEE_TON_WALLET_HIGHLOAD_V3) {
        TRY(wetee_ton_wallet_new_highload_v3(&w, pub, 0, WETEE_TON_HIGHLOAD_SUBWALLET_DEFAULT,
                                             WETEE_TON_HIGHLOAD_TIMEOUT_DEFAULT));
        return w;
    }
    TRY(wetee_ton_wallet_default_id(&id, version, 0, WETEE_TON_NETWORK_MAINNET));
    TRY(wetee_ton_wallet_new(&w, version, pub, 0, id));
    return w;
}

static void print_address(const char *key, const wetee_ton_address *a)
{
    char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    TRY(wetee_ton_address_to_raw(raw, sizeof raw, a));
    printf("%s %s\n", key, raw);
}

static wetee_u128 u128_arg(const char *text)
{
    wetee_u128 v;
    TRY(wetee_u128_from_decimal(&v, text, strlen(text), 0));
    return v;
}

/* Sign one message for the wallet and print the external message. */
static void send_one(const wetee_ton_wallet *w, int version, uint32_t seqno, uint32_t time, const wetee_ton_cell *msg)
{
    wetee_ton_cell *body = NULL, *ext = NULL;
    wetee_ton_transfer *t = NULL;
    wetee_buf boc = WETEE_BUF_INIT, b64 = WETEE_BUF_INIT;
    if (version == WETEE_TON_WALLET_HIGHLOAD_V3) {
        TRY(wetee_ton_highload_sign_message(&body, w, secret, seqno, time, WETEE_TON_SEND_PAY_FEES_SEPARATELY, msg));
    } else {
        TRY(wetee_ton_transfer_new(&t));
        TRY(wetee_ton_transfer_add(t, WETEE_TON_SEND_PAY_FEES_SEPARATELY, msg));
        TRY(wetee_ton_wallet_sign_transfer(&body, w, secret, seqno, time, t));
    }
    TRY(wetee_ton_wallet_external(&ext, w, body, seqno == 0));
    TRY(wetee_ton_boc_serialize(&boc, ext, WETEE_TON_BOC_CRC32C));
    TRY(wetee_base64_encode(&b64, boc.data, boc.len, 0));
    printf("ext %s\n", (const char *)b64.data);
    wetee_buf_free(&boc);
    wetee_buf_free(&b64);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(ext);
    wetee_ton_transfer_free(t);
}

int main(int argc, char **argv)
{
    int jetton = argc == 9 && !strcmp(argv[1], "jetton");
    if (!jetton && !(argc == 7 && !strcmp(argv[1], "wallet"))) {
        fprintf(stderr, "usage: ton_sandbox wallet VERSION SEQNO TIME DEST NANOTONS\n"
                        "       ton_sandbox jetton VERSION SEQNO TIME MINTER WALLET_CODE DEST AMOUNT\n");
        return 2;
    }
    int version = version_of(argv[2]);
    uint32_t seqno = (uint32_t)strtoul(argv[3], NULL, 10), time = (uint32_t)strtoul(argv[4], NULL, 10);
    wetee_ton_wallet *w;
    wetee_ton_address self, dest;
    wetee_ton_cell *comment = NULL, *msg = NULL;

    TRY(wetee_ton_mnemonic_to_keypair(secret, pub, MNEMONIC, strlen(MNEMONIC), NULL, 0));
    w = open_wallet(version);
    TRY(wetee_ton_wallet_address(&self, w));
    print_address("address", &self);

    if (!jetton) {
        TRY(wetee_ton_address_parse(&dest, NULL, argv[5], strlen(argv[5])));
        TRY(wetee_ton_comment(&comment, "e2e", 3));
        TRY(wetee_ton_internal_message(&msg, &dest, u128_arg(argv[6]), 0, NULL, comment));
    } else {
        wetee_ton_address minter, jw;
        wetee_ton_cell *code = NULL, *body = NULL;
        TRY(wetee_ton_address_parse(&minter, NULL, argv[5], strlen(argv[5])));
        TRY(wetee_ton_boc_parse_base64(&code, argv[6], strlen(argv[6])));
        TRY(wetee_ton_address_parse(&dest, NULL, argv[7], strlen(argv[7])));
        TRY(wetee_ton_jetton_wallet_address(&jw, WETEE_TON_JETTON_DATA_CODE_REF, &self, &minter, code));
        print_address("jetton_wallet", &jw);
        TRY(wetee_ton_comment(&comment, "jetton e2e", 10));
        TRY(wetee_ton_jetton_transfer(&body, 7, u128_arg(argv[8]), &dest, &self, NULL, u128_arg("10000000"), comment,
                                      0));
        TRY(wetee_ton_internal_message(&msg, &jw, u128_arg("100000000"), 1, NULL, body));
        wetee_ton_cell_free(code);
        wetee_ton_cell_free(body);
    }
    send_one(w, version, seqno, time, msg);
    wetee_wipe(secret, sizeof secret);
    wetee_ton_cell_free(comment);
    wetee_ton_cell_free(msg);
    wetee_ton_wallet_free(w);
    return 0;
}
