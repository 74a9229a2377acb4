/* libFuzzer target for SS58 addresses (wetee_ss58_decode / _encode).
 *
 * Invariants:
 * - decoding arbitrary text never crashes, and a failure leaves a detail;
 * - the decoder is strict (canonical prefix form, exact lengths), so there
 *   are no non-round-trip cases: whatever decodes re-encodes to the
 *   identical text, and the payload length is one of 1, 2, 4, 8, 32, 33;
 * - any payload of an allowed length under any encodable prefix taken from
 *   the input encodes, and decodes back to the same prefix and payload. */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int allowed_len(size_t n) { return n == 1 || n == 2 || n == 4 || n == 8 || n == 32 || n == 33; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t lens[6] = { 1, 2, 4, 8, 32, 33 };
    wetee_buf payload = WETEE_BUF_INIT, text = WETEE_BUF_INIT, back = WETEE_BUF_INIT;
    uint16_t prefix = 0xffff, again = 0xffff;

    /* decode → encode is the identity on accepted text */
    if (wetee_ss58_decode(&payload, &prefix, (const char *)data, size) == WETEE_OK) {
        REQUIRE(allowed_len(payload.len));
        REQUIRE(prefix <= WETEE_SS58_PREFIX_MAX && prefix != 46 && prefix != 47);
        REQUIRE(wetee_ss58_encode(&text, payload.data, payload.len, prefix) == WETEE_OK);
        REQUIRE(text.len == size && memcmp(text.data, data, size) == 0);
    } else {
        REQUIRE(wetee_last_error()[0] != '\0');
    }

    /* encode → decode: prefix from the first two bytes, payload length from the third */
    if (size >= 3) {
        uint16_t p = (uint16_t)((data[0] | (data[1] << 8)) & 0x3fff);
        size_t len = lens[data[2] % 6];
        if (size - 3 >= len) {
            int rc = wetee_ss58_encode(&text, data + 3, len, p);
            if (p == 46 || p == 47) {
                REQUIRE(rc == WETEE_ERR_INVALID_ARGUMENT);
            } else {
                REQUIRE(rc == WETEE_OK);
                REQUIRE(wetee_ss58_decode(&back, &again, (const char *)text.data, text.len) == WETEE_OK);
                REQUIRE(again == p && back.len == len && memcmp(back.data, data + 3, len) == 0);
            }
        }
    }
    wetee_buf_free(&payload);
    wetee_buf_free(&text);
    wetee_buf_free(&back);
    return 0;
}
