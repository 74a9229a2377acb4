/* Pay 1.5 DOT and print the receipt.
 *
 *   wetee_pay_example [URL]     (default ws://127.0.0.1:9944)
 *
 * //Alice pays 1.5 DOT to //Bob with the memo "order-42" through the
 * chain at URL, which stands in for Polkadot: a dev chain such as the
 * devnode of tests/devnode (the amounts are DOT's: 10 decimals). The token
 * comes from the registry by chain and id, the amount is parsed exactly,
 * the payment is quoted first (route, fee, balance checks), then paid and
 * confirmed by its Balances.Transfer event. */
#include <stdio.h>

#include "wetee.h"

int main(int argc, char **argv)
{
    const char *url = argc > 1 ? argv[1] : "ws://127.0.0.1:9944";
    const char *bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    wetee_chain *chain = NULL;
    wetee_keypair *alice = NULL;
    wetee_token_registry *reg = NULL;
    const wetee_token *dot = NULL;
    wetee_payer *payer = NULL;
    wetee_pay_receipt *receipt = NULL;
    wetee_buf text = WETEE_BUF_INIT;
    wetee_u128 amount;
    int rc;

    if (wetee_chain_connect(&chain, url, NULL) != WETEE_OK ||
        wetee_keypair_from_suri(&alice, WETEE_SCHEME_SR25519, "//Alice", 7) != WETEE_OK ||
        wetee_token_registry_new(&reg, 0) != WETEE_OK ||
        wetee_token_lookup(&dot, reg, "polkadot", WETEE_TOKEN_NATIVE, NULL) != WETEE_OK ||
        wetee_amount_parse(&amount, dot, "1.5 DOT", SIZE_MAX) != WETEE_OK || wetee_payer_new(&payer, reg) != WETEE_OK ||
        wetee_payer_add_substrate(payer, "polkadot", chain, alice) != WETEE_OK) {
        fprintf(stderr, "setup: %s\n", wetee_last_error());
        return 1;
    }
    if (wetee_pay_quote(&text, payer, dot, amount, bob, "order-42", NULL) == WETEE_OK)
        printf("quote: %s\n", (const char *)text.data);
    rc = wetee_pay(&receipt, payer, dot, amount, bob, "order-42", NULL);
    if (rc != WETEE_OK) fprintf(stderr, "pay: %s (%s)\n", wetee_last_error(), wetee_strerror(rc));
    if (receipt && wetee_pay_receipt_to_json(&text, receipt) == WETEE_OK) printf("receipt: %s\n", (const char *)text.data);
    wetee_buf_free(&text);
    wetee_pay_receipt_free(receipt);
    wetee_payer_free(payer);
    wetee_token_registry_free(reg);
    wetee_keypair_free(alice);
    wetee_chain_free(chain);
    return rc == WETEE_OK ? 0 : 1;
}
