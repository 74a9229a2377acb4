/* libFuzzer target for the TON Connect inputs: a ton_proof reply
 * (wetee_ton_proof_verify_json) and an external message BOC
 * (wetee_ton_message_normalized_hash, wetee_ton_state_init_public_key).
 *
 * Invariants:
 * - arbitrary bytes never crash, hang or leak, and every failure leaves a detail;
 * - an accepted proof hands out its payload NUL-terminated and its key;
 * - the normalised hash of a message does not change when the message is
 *   rebuilt in its normal form (body by reference, no init, no source);
 * - a payment memo read from the cell (as a message and as a body) is
 *   NUL-terminated UTF-8 of at most the cell tree's bytes. */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t pub[32], h[32];
    int version = 0;
    wetee_buf payload = WETEE_BUF_INIT;
    wetee_ton_cell *c = NULL;
    int rc = wetee_ton_proof_verify_json(pub, NULL, &payload, (const char *)data, size, "ton-connect.github.io",
                                         1747303900u, 1800);
    if (rc == WETEE_OK) REQUIRE(payload.data != NULL && payload.data[payload.len] == 0);
    else REQUIRE(wetee_last_error()[0] != 0);
    wetee_buf_free(&payload);

    if (wetee_ton_boc_parse(&c, data, size, NULL) == WETEE_OK) {
        if (wetee_ton_message_normalized_hash(h, c) == WETEE_OK) {
            /* the normal form hashes to the normalised hash of any form */
            wetee_ton_slice *s = NULL;
            wetee_ton_address dest;
            uint64_t v = 0;
            int none = 0;
            REQUIRE(wetee_ton_slice_new(&s, c) == WETEE_OK);
            REQUIRE(wetee_ton_slice_load_uint(&v, s, 2) == WETEE_OK && v == 2);
            if (wetee_ton_slice_load_uint(&v, s, 2) == WETEE_OK && v == 0 &&
                wetee_ton_slice_load_address(&dest, &none, s) == WETEE_OK && !none) {
                /* rebuild from the parts only when the body is by reference */
                wetee_u128 fee;
                int bit = 0;
                wetee_ton_cell *body = NULL, *norm = NULL;
                uint8_t h2[32];
                if (wetee_ton_slice_load_coins(&fee, s) == WETEE_OK && wetee_ton_slice_load_bit(&bit, s) == WETEE_OK &&
                    bit == 0 && wetee_ton_slice_load_bit(&bit, s) == WETEE_OK && bit == 1 &&
                    wetee_ton_slice_load_ref(&body, s) == WETEE_OK) {
                    REQUIRE(wetee_ton_external_message(&norm, &dest, NULL, body, WETEE_TON_EXTERNAL_FORCE_REF) ==
                            WETEE_OK);
                    REQUIRE(wetee_ton_cell_hash(h2, norm) == WETEE_OK && memcmp(h, h2, 32) == 0);
                }
                wetee_ton_cell_free(body);
                wetee_ton_cell_free(norm);
            }
            wetee_ton_slice_free(s);
        } else {
            REQUIRE(wetee_last_error()[0] != 0);
        }
        if (wetee_ton_state_init_public_key(pub, &version, c) == WETEE_OK)
            REQUIRE(version >= WETEE_TON_WALLET_V3R2 && version <= WETEE_TON_WALLET_V5R1);
        for (int as_message = 0; as_message < 2; as_message++) {
            wetee_buf memo = WETEE_BUF_INIT;
            if (wetee_ton_payment_memo(&memo, c, as_message) == WETEE_OK)
                REQUIRE(memo.data != NULL && memo.data[memo.len] == 0 && memo.len <= size);
            else
                REQUIRE(wetee_last_error()[0] != 0);
            wetee_buf_free(&memo);
        }
        wetee_ton_cell_free(c);
    }
    return 0;
}
