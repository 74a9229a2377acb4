/* libFuzzer target for the toncenter v3 transaction answers that payment
 * confirmation reads (wetee_toncenter_parse_transaction).
 *
 * Invariants:
 * - arbitrary bytes never crash, hang or leak, and every failure leaves a detail;
 * - a successful transaction is not aborted; the messages stored are at
 *   most the room given and the count reported;
 * - parsing is deterministic (the same answer twice gives the same result). */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wetee_toncenter_tx tx, tx2;
    wetee_toncenter_msg in, in2, outs[4], outs2[4];
    size_t n = 0, n2 = 0;
    int rc = wetee_toncenter_parse_transaction(&tx, &in, outs, 4, &n, (const char *)data, size);
    if (rc != WETEE_OK) {
        REQUIRE(wetee_last_error()[0] != 0);
        return 0;
    }
    REQUIRE(!tx.success || !tx.aborted);
    memset(&tx2, 0, sizeof tx2);
    REQUIRE(wetee_toncenter_parse_transaction(&tx2, &in2, outs2, 4, &n2, (const char *)data, size) == WETEE_OK);
    REQUIRE(n2 == n && memcmp(&tx, &tx2, sizeof tx) == 0 && memcmp(&in, &in2, sizeof in) == 0);
    REQUIRE(memcmp(outs, outs2, (n < 4 ? n : 4) * sizeof outs[0]) == 0);
    /* without room for messages the transaction is the same */
    REQUIRE(wetee_toncenter_parse_transaction(&tx2, NULL, NULL, 0, NULL, (const char *)data, size) == WETEE_OK);
    REQUIRE(memcmp(&tx, &tx2, sizeof tx) == 0);
    return 0;
}
