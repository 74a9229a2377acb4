/* Connect to a chain, show a balance, transfer and watch to finalization.
 *
 *   wetee_chain_transfer [URL] [legacy|new]     (default ws://127.0.0.1:9944)
 *
 * Sends 1.5 tokens from //Alice to //Bob with Balances.transfer_keep_alive
 * (a dev chain such as the devnode of tests/devnode), printing each state
 * of the transaction and the balances before and after. */
#include <stdio.h>
#include <string.h>

#include "wetee.h"

static void on_status(void *ctx, int status, const char *json)
{
    (void)ctx;
    (void)json;
    printf("  status: %s\n", wetee_tx_status_name(status));
}

static void show_balance(wetee_chain *c, const char *who, const char *address, unsigned decimals, const char *symbol)
{
    wetee_u128 free_balance;
    char text[64];
    if (wetee_chain_balance(&free_balance, c, address) == WETEE_OK &&
        wetee_u128_to_decimal(text, sizeof text, free_balance, decimals) == WETEE_OK)
        printf("%s (%s): %s %s\n", who, address, text, symbol);
    else printf("%s: %s\n", who, wetee_last_error());
}

int main(int argc, char **argv)
{
    const char *url = argc > 1 ? argv[1] : "ws://127.0.0.1:9944";
    wetee_chain_options opts = WETEE_CHAIN_OPTIONS_INIT;
    wetee_chain *chain = NULL;
    wetee_keypair *alice = NULL, *bob = NULL;
    wetee_tx *tx = NULL;
    wetee_chain_watch *watch = NULL;
    wetee_buf symbol = WETEE_BUF_INIT, alice_addr = WETEE_BUF_INIT, bob_addr = WETEE_BUF_INIT, ext = WETEE_BUF_INIT,
              args = WETEE_BUF_INIT, result = WETEE_BUF_INIT;
    uint32_t spec = 0;
    uint16_t ss58 = 42;
    unsigned decimals = 0;
    wetee_u128 amount;
    char amount_text[64], json[256];
    int rc = 1;

    if (argc > 2) opts.rpc_spec = strcmp(argv[2], "new") == 0 ? WETEE_CHAIN_RPC_NEW : WETEE_CHAIN_RPC_LEGACY;
    if (wetee_chain_connect(&chain, url, &opts) != WETEE_OK) {
        fprintf(stderr, "connect %s: %s\n", url, wetee_last_error());
        return 1;
    }
    wetee_chain_runtime_version(&spec, NULL, chain);
    wetee_chain_properties(&ss58, &decimals, &symbol, chain);
    printf("connected to %s: %s spec %u, metadata V%u, %s JSON-RPC, token %s (%u decimals)\n", url,
           wetee_metadata_spec_name(wetee_chain_metadata(chain)), spec, wetee_metadata_version(wetee_chain_metadata(chain)),
           wetee_chain_uses_new_rpc(chain) ? "new" : "legacy", (const char *)symbol.data, decimals);

    if (wetee_keypair_from_suri(&alice, WETEE_SCHEME_SR25519, "//Alice", 7) != WETEE_OK ||
        wetee_keypair_from_suri(&bob, WETEE_SCHEME_SR25519, "//Bob", 5) != WETEE_OK ||
        wetee_keypair_address(&alice_addr, alice, ss58) != WETEE_OK || wetee_keypair_address(&bob_addr, bob, ss58) != WETEE_OK)
        goto fail;
    show_balance(chain, "Alice", (const char *)alice_addr.data, decimals, (const char *)symbol.data);
    show_balance(chain, "Bob", (const char *)bob_addr.data, decimals, (const char *)symbol.data);

    /* 1.5 tokens in the smallest unit */
    if (wetee_u128_from_decimal(&amount, "1.5", 3, decimals) != WETEE_OK) goto fail;
    wetee_u128_to_decimal(amount_text, sizeof amount_text, amount, 0);
    snprintf(json, sizeof json, "{\"dest\": {\"Id\": \"%s\"}, \"value\": \"%s\"}", (const char *)bob_addr.data, amount_text);
    if (wetee_chain_tx_new(&tx, chain) != WETEE_OK ||
        wetee_tx_set_call_json(tx, "Balances", "transfer_keep_alive", json, strlen(json)) != WETEE_OK ||
        wetee_chain_sign(&ext, chain, tx, alice, 64) != WETEE_OK)
        goto fail;
    printf("transfer of 1.5 %s from Alice to Bob, mortal for 64 blocks:\n", (const char *)symbol.data);
    if (wetee_chain_submit_watch(&watch, chain, ext.data, ext.len, on_status, NULL) != WETEE_OK) goto fail;
    if (wetee_chain_watch_wait(&result, watch, WETEE_TX_FINALIZED, 120000) != WETEE_OK) goto fail;
    printf("outcome: %s\n", (const char *)result.data);
    show_balance(chain, "Alice", (const char *)alice_addr.data, decimals, (const char *)symbol.data);
    show_balance(chain, "Bob", (const char *)bob_addr.data, decimals, (const char *)symbol.data);
    rc = 0;
    goto done;
fail:
    fprintf(stderr, "error: %s\n", wetee_last_error());
done:
    wetee_chain_watch_free(watch);
    wetee_tx_free(tx);
    wetee_keypair_free(alice);
    wetee_keypair_free(bob);
    wetee_buf_free(&symbol);
    wetee_buf_free(&alice_addr);
    wetee_buf_free(&bob_addr);
    wetee_buf_free(&ext);
    wetee_buf_free(&args);
    wetee_buf_free(&result);
    wetee_chain_free(chain);
    return rc;
}
