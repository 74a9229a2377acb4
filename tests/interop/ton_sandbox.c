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
 *   ton_sandbox pay VERSION SEQNO TIME DEST NANOTONS MEMO BOUNCE
 *       A coin payment built by wetee_ton_payment_message() (comment MEMO,
 *       bounceable when BOUNCE is 1) signed by wetee_ton_wallet_sign_payment()
 *       with WETEE_TON_SEND_DEFAULT. Prints: address, ext, norm (the
 *       normalised hash, hex).
 *   ton_sandbox payjetton VERSION SEQNO TIME JETTON_WALLET DEST AMOUNT MEMO
 *       A jetton payment with the default amounts (0.05 TON attached, 1
 *       nanoton forwarded) from the given jetton wallet of the payer.
 *       Prints: address, ext, norm.
 *   ton_sandbox confirm V3_URL NORM_HEX HOPS [TIMEOUT_MS]
 *       wetee_toncenter_confirm() against a toncenter v3 at V3_URL (the
 *       replay server serving the sandbox's transactions; timeout 5000 ms
 *       unless given, 50 ms polls). Prints: rc, status, hops, wallet_tx HASH LT,
 *       payment DEST VALUE HASH, last_tx HASH LT ACCOUNT, bounce VALUE
 *       HASH (each line only when known), detail.
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

static void print_hex(const char *key, const uint8_t h[32])
{
    if (*key) printf("%s ", key);
    for (int i = 0; i < 32; i++) printf("%02x", h[i]);
}

static void print_ext(const wetee_ton_cell *ext, const uint8_t norm[32])
{
    wetee_buf boc = WETEE_BUF_INIT, b64 = WETEE_BUF_INIT;
    TRY(wetee_ton_boc_serialize(&boc, ext, WETEE_TON_BOC_CRC32C));
    TRY(wetee_base64_encode(&b64, boc.data, boc.len, 0));
    printf("ext %s\n", (const char *)b64.data);
    print_hex("norm", norm);
    printf("\n");
    wetee_buf_free(&boc);
    wetee_buf_free(&b64);
}

/* pay / payjetton: a payment built with the payment API */
static int payment(int argc, char **argv)
{
    int jetton = !strcmp(argv[1], "payjetton");
    int version = version_of(argv[2]);
    uint32_t seqno = (uint32_t)strtoul(argv[3], NULL, 10), time = (uint32_t)strtoul(argv[4], NULL, 10);
    wetee_ton_wallet *w = open_wallet(version);
    wetee_ton_address self, dest, jw;
    wetee_ton_payment_options o = WETEE_TON_PAYMENT_OPTIONS_INIT;
    wetee_ton_cell *msg = NULL, *ext = NULL;
    uint8_t norm[32];
    (void)argc;
    TRY(wetee_ton_wallet_address(&self, w));
    print_address("address", &self);
    if (jetton) {
        TRY(wetee_ton_address_parse(&jw, NULL, argv[5], strlen(argv[5])));
        TRY(wetee_ton_address_parse(&dest, NULL, argv[6], strlen(argv[6])));
        TRY(wetee_ton_payment_message(&msg, &self, &jw, &dest, u128_arg(argv[7]), argv[8], strlen(argv[8]), NULL));
    } else {
        TRY(wetee_ton_address_parse(&dest, NULL, argv[5], strlen(argv[5])));
        o.bounce = atoi(argv[8]);
        TRY(wetee_ton_payment_message(&msg, NULL, NULL, &dest, u128_arg(argv[6]), argv[7], strlen(argv[7]), &o));
    }
    TRY(wetee_ton_wallet_sign_payment(&ext, norm, w, secret, seqno, time, WETEE_TON_SEND_DEFAULT, msg));
    print_ext(ext, norm);
    wetee_ton_cell_free(msg);
    wetee_ton_cell_free(ext);
    wetee_ton_wallet_free(w);
    return 0;
}

static int confirm(char **argv)
{
    wetee_toncenter_options o = WETEE_TONCENTER_OPTIONS_INIT;
    wetee_toncenter_confirm_options co = WETEE_TONCENTER_CONFIRM_OPTIONS_INIT;
    wetee_toncenter_confirmation r;
    wetee_toncenter *c = NULL;
    wetee_buf h = WETEE_BUF_INIT;
    char val[WETEE_U128_DECIMAL_BUFSIZE];
    int rc;
    o.v2_url = argv[2]; /* not used */
    o.v3_url = argv[2];
    o.timeout_ms = 10000;
    TRY(wetee_toncenter_new(&c, &o));
    TRY(wetee_hex_decode(&h, argv[3], strlen(argv[3])));
    if (h.len != 32) {
        fprintf(stderr, "ton_sandbox: confirm: a 32-byte hash, please\n");
        return 2;
    }
    co.hops = (unsigned)strtoul(argv[4], NULL, 10);
    co.timeout_ms = argv[5] ? (unsigned)strtoul(argv[5], NULL, 10) : 5000;
    co.poll_ms = 50;
    rc = wetee_toncenter_confirm(&r, c, h.data, &co);
    printf("rc %d\nstatus %d\nhops %u\n", rc, r.status, r.hops);
    if (r.has_wallet_tx) {
        print_hex("wallet_tx", r.wallet_tx.hash);
        printf(" %llu\n", (unsigned long long)r.wallet_tx.lt);
    }
    if (r.has_payment) {
        char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
        TRY(wetee_ton_address_to_raw(raw, sizeof raw, &r.payment.destination));
        TRY(wetee_u128_to_decimal(val, sizeof val, r.payment.value, 0));
        printf("payment %s %s ", raw, val);
        print_hex("", r.payment.hash);
        printf("\n");
    }
    if (r.has_last_tx) {
        char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
        TRY(wetee_ton_address_to_raw(raw, sizeof raw, &r.last_tx.account));
        print_hex("last_tx", r.last_tx.hash);
        printf(" %llu %s\n", (unsigned long long)r.last_tx.lt, raw);
    }
    if (r.has_bounce) {
        TRY(wetee_u128_to_decimal(val, sizeof val, r.bounce.value, 0));
        printf("bounce %s ", val);
        print_hex("", r.bounce.hash);
        printf("\n");
    }
    printf("detail %s\n", rc ? wetee_last_error() : "");
    wetee_buf_free(&h);
    wetee_toncenter_free(c);
    return 0;
}

int main(int argc, char **argv)
{
    if ((argc == 5 || argc == 6) && !strcmp(argv[1], "confirm")) return confirm(argv);
    if ((argc == 9 && !strcmp(argv[1], "pay")) || (argc == 9 && !strcmp(argv[1], "payjetton"))) {
        TRY(wetee_ton_mnemonic_to_keypair(secret, pub, MNEMONIC, strlen(MNEMONIC), NULL, 0));
        int r = payment(argc, argv);
        wetee_wipe(secret, sizeof secret);
        return r;
    }
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
