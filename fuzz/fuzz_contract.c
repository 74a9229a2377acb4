/* libFuzzer target for contracts: ABI JSON loading (wetee_contract_abi_load:
 * ink! metadata, Solidity ABIs, wrevive ABIs) and return / call / revert
 * data decoding (wetee_contract_decode_return, _decode_call,
 * _decode_revert). The first byte picks the mode: even = the rest is ABI
 * JSON; odd = byte / 2 picks an ABI (the built-in WeTEE Cloud and Subnet
 * wrevive ABIs, an ink!-style ABI with a Result<_, LangError> return, a
 * Solidity ABI with nested dynamic types) and a message, the rest is data.
 *
 * Invariants:
 * - arbitrary input never crashes, hangs or leaks, and no decoder blows up
 *   on overlapping Solidity offsets; a failure leaves a detail (and no ABI);
 * - a loaded ABI lists every message with a name and describes it as JSON;
 *   encoding a message with empty arguments either succeeds with call data
 *   that starts with its selector and decodes back, or fails with a detail. */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char sol_abi[] =
    "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint256[][]\"},{\"name\":\"b\",\"type\":\"string[]\"}],"
    "\"outputs\":[{\"name\":\"x\",\"type\":\"tuple[]\",\"components\":[{\"name\":\"p\",\"type\":\"bytes\"},{\"name\":\"q\",\"type\":\"int24[2]\"}]},"
    "{\"name\":\"y\",\"type\":\"address\"},{\"name\":\"z\",\"type\":\"bytes32\"},{\"name\":\"w\",\"type\":\"bool\"}]},"
    "{\"type\":\"error\",\"name\":\"E\",\"inputs\":[{\"name\":\"s\",\"type\":\"string\"}]}]";
static const char ink_abi[] =
    "{\"spec\":{\"messages\":[{\"label\":\"m\",\"selector\":\"0x01020304\",\"args\":[],\"returnType\":{\"type\":3}}]},"
    "\"types\":[{\"id\":0,\"type\":{\"def\":{\"primitive\":\"u64\"}}},"
    "{\"id\":1,\"type\":{\"def\":{\"sequence\":{\"type\":0}}}},"
    "{\"id\":2,\"type\":{\"def\":{\"variant\":{\"variants\":[{\"index\":1,\"name\":\"CouldNotReadInput\"}]}},\"path\":[\"ink_primitives\",\"LangError\"]}},"
    "{\"id\":3,\"type\":{\"def\":{\"variant\":{\"variants\":[{\"index\":0,\"name\":\"Ok\",\"fields\":[{\"type\":1}]},{\"index\":1,\"name\":\"Err\",\"fields\":[{\"type\":2}]}]}},"
    "\"params\":[{\"name\":\"T\",\"type\":1},{\"name\":\"E\",\"type\":2}],\"path\":[\"Result\"]}}]}";

static wetee_contract_abi *abis[4];

static void init(void)
{
    if (abis[0]) return;
    REQUIRE(wetee_contract_abi_wetee(&abis[0], "cloud") == WETEE_OK);
    REQUIRE(wetee_contract_abi_wetee(&abis[1], "subnet") == WETEE_OK);
    REQUIRE(wetee_contract_abi_load(&abis[2], ink_abi, sizeof ink_abi - 1) == WETEE_OK);
    REQUIRE(wetee_contract_abi_load(&abis[3], sol_abi, sizeof sol_abi - 1) == WETEE_OK);
}

static void abi_mode(const uint8_t *data, size_t size)
{
    wetee_contract_abi *abi = NULL;
    wetee_buf b = WETEE_BUF_INIT, j = WETEE_BUF_INIT;
    size_t i, n;
    int rc = wetee_contract_abi_load(&abi, (const char *)data, size);
    if (rc != WETEE_OK) {
        REQUIRE(abi == NULL);
        REQUIRE(wetee_last_error()[0] != 0);
        return;
    }
    n = wetee_contract_abi_message_count(abi);
    for (i = 0; i < n && i < 64; i++) {
        const char *name = wetee_contract_abi_message_name(abi, i);
        uint8_t sel[4];
        REQUIRE(name != NULL);
        REQUIRE(wetee_contract_abi_message_json(&j, abi, name) == WETEE_OK);
        if (wetee_contract_encode_call(&b, abi, name, "[]", 2) == WETEE_OK &&
            wetee_contract_abi_selector(sel, abi, name) == WETEE_OK && b.len >= 4) {
            REQUIRE(memcmp(b.data, sel, 4) == 0);
            if (wetee_contract_decode_call(&j, abi, b.data, b.len) == WETEE_OK) REQUIRE(j.len > 0);
        } else {
            REQUIRE(wetee_last_error()[0] != 0);
        }
    }
    wetee_contract_abi_free(abi);
    wetee_buf_free(&b);
    wetee_buf_free(&j);
}

static void data_mode(const uint8_t *data, size_t size)
{
    wetee_buf j = WETEE_BUF_INIT;
    const wetee_contract_abi *abi;
    const char *msg;
    size_t n;
    int rc;
    init();
    abi = abis[(data[0] / 2) % 4];
    n = wetee_contract_abi_message_count(abi);
    msg = wetee_contract_abi_message_name(abi, (size_t)(data[0] / 8) % n);
    rc = wetee_contract_decode_return(&j, abi, msg, data + 1, size - 1);
    if (rc != WETEE_OK) REQUIRE(wetee_last_error()[0] != 0);
    rc = wetee_contract_decode_call(&j, abi, data + 1, size - 1);
    if (rc != WETEE_OK) REQUIRE(wetee_last_error()[0] != 0);
    rc = wetee_contract_decode_revert(&j, abi, data + 1, size - 1);
    if (rc != WETEE_OK) REQUIRE(wetee_last_error()[0] != 0);
    wetee_buf_free(&j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    if (data[0] & 1) data_mode(data, size);
    else abi_mode(data + 1, size - 1);
    return 0;
}
