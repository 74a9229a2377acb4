/* Offline signing with libwetee: a transaction built from a chain's
 * metadata alone, its signing payload handed to a signer, the signature
 * attached, the result decoded. Nothing touches the network.
 *
 *   wetee_offline_sign METADATA.json
 *
 * METADATA.json is the chain's state_getMetadata JSON-RPC response, e.g.
 *   curl -s -H 'Content-Type: application/json' \
 *     -d '{"id":1,"jsonrpc":"2.0","method":"state_getMetadata"}' http://127.0.0.1:9944 > METADATA.json
 * The same program in Python and Go: examples/python/offline_sign.py,
 * examples/go/offline_sign. With ed25519 (deterministic) all three print
 * the same extrinsic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wetee.h>

static void print_hex(const char *label, const uint8_t *data, size_t len)
{
    wetee_buf hex = WETEE_BUF_INIT;
    if (wetee_hex_encode(&hex, data, len, WETEE_HEX_PREFIX) == WETEE_OK)
        printf("%-16s %s\n", label, (const char *)hex.data);
    wetee_buf_free(&hex);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    long n;
    if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (data = malloc((size_t)n)) != NULL && fread(data, 1, (size_t)n, f) == (size_t)n) {
        *len = (size_t)n;
    } else {
        free(data);
        data = NULL;
    }
    if (f) fclose(f);
    return data;
}

#define CHECK(expr)                                                                                \
    do {                                                                                           \
        if ((expr) != WETEE_OK) {                                                                  \
            fprintf(stderr, "%s: %s\n", #expr, wetee_last_error());                                \
            return 1;                                                                              \
        }                                                                                          \
    } while (0)

int main(int argc, char **argv)
{
    /* Example values: a client reads them from the chain (chain_getBlockHash(0),
     * system_accountNextIndex, chain_getHeader). */
    uint8_t genesis[32], block_hash[32], pub[WETEE_PUBLIC_MAX_BYTES], sig[WETEE_SIGNATURE_MAX_BYTES];
    const uint64_t nonce = 0, block = 1000, period = 64;
    size_t len = 0, pub_len, sig_len;
    wetee_metadata *md = NULL;
    wetee_tx *tx = NULL;
    wetee_keypair *signer = NULL;
    wetee_buf payload = WETEE_BUF_INIT, xt = WETEE_BUF_INIT, json = WETEE_BUF_INIT;
    char *text;

    if (argc != 2) {
        fprintf(stderr, "usage: %s METADATA.json (a state_getMetadata JSON-RPC response)\n", argv[0]);
        return 2;
    }
    if ((text = read_file(argv[1], &len)) == NULL) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    CHECK(wetee_metadata_parse_rpc_response(&md, text, len, NULL));
    free(text);
    memset(genesis, 0x11, sizeof genesis);
    memset(block_hash, 0x22, sizeof block_hash);

    /* 1. online side: the transaction and its signing payload */
    CHECK(wetee_tx_new(&tx, md));
    CHECK(wetee_tx_set_call_json(tx, "System", "remark",
                                 "{\"remark\": \"0x68656c6c6f2066726f6d20616e206f66666c696e65207369676e6572\"}",
                                 SIZE_MAX)); /* "hello from an offline signer" */
    CHECK(wetee_tx_set_genesis_hash(tx, genesis));
    CHECK(wetee_tx_set_nonce(tx, nonce));
    CHECK(wetee_tx_set_mortal(tx, period, block, block_hash));
    CHECK(wetee_tx_signing_payload(&payload, tx));
    print_hex("signing payload", payload.data, payload.len);

    /* 2. the signer (another process or device) signs the payload */
    CHECK(wetee_keypair_from_suri(&signer, WETEE_SCHEME_ED25519, "//Alice", 7));
    CHECK(wetee_keypair_public(signer, pub, &pub_len));
    CHECK(wetee_keypair_sign(signer, sig, &sig_len, payload.data, payload.len));
    wetee_keypair_free(signer);

    /* 3. online side: attach the signature (checked first) and decode */
    CHECK(wetee_tx_attach_signature(&xt, tx, WETEE_SCHEME_ED25519, pub, pub_len, sig, sig_len));
    print_hex("extrinsic", xt.data, xt.len);
    CHECK(wetee_extrinsic_decode_json(&json, md, xt.data, xt.len, NULL));
    printf("%-16s %.*s\n", "decoded", (int)json.len, (const char *)json.data);

    wetee_buf_free(&payload);
    wetee_buf_free(&xt);
    wetee_buf_free(&json);
    wetee_tx_free(tx);
    wetee_metadata_free(md);
    return 0;
}
