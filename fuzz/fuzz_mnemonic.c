/* libFuzzer target for BIP-39 phrases (wetee_mnemonic_validate,
 * _to_entropy, _from_entropy). PBKDF2 is left out: it is slow and takes
 * only validated phrases.
 *
 * Invariants:
 * - parsing arbitrary text never crashes; validate and to_entropy agree on
 *   the status, and a failure leaves a detail;
 * - a valid phrase gives 16..32 bytes of entropy that turn back into the
 *   same words (the runs of a-z in the input; everything else in a valid
 *   phrase is whitespace), joined by single spaces;
 * - entropy of any allowed length taken from the input gives a phrase
 *   that validates and returns the same entropy. */
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    wetee_buf ent = WETEE_BUF_INIT, phrase = WETEE_BUF_INIT, back = WETEE_BUF_INIT;
    int rc = wetee_mnemonic_validate(text, size);
    int rc2 = wetee_mnemonic_to_entropy(&ent, text, size);

    REQUIRE(rc == rc2);
    if (rc == WETEE_OK) {
        REQUIRE(ent.len >= 16 && ent.len <= 32 && ent.len % 4 == 0);
        REQUIRE(wetee_mnemonic_from_entropy(&phrase, ent.data, ent.len) == WETEE_OK);
        {
            /* the words of the input: its runs of a-z, joined by single spaces */
            size_t i, n = 0;
            char *words = malloc(size + 1);
            REQUIRE(words != NULL);
            for (i = 0; i < size; i++) {
                int letter = data[i] >= 'a' && data[i] <= 'z';
                if (letter && n > 0 && i > 0 && !(data[i - 1] >= 'a' && data[i - 1] <= 'z')) words[n++] = ' ';
                if (letter) words[n++] = (char)data[i];
            }
            REQUIRE(phrase.len == n && memcmp(phrase.data, words, n) == 0);
            free(words);
        }
    } else {
        REQUIRE(rc == WETEE_ERR_DECODE || rc == WETEE_ERR_CHECKSUM);
        REQUIRE(wetee_last_error()[0] != '\0');
        REQUIRE(ent.len == 0);
    }

    if (size >= 17) {
        size_t len = 16 + 4 * (size_t)(data[0] % 5);
        if (size - 1 >= len) {
            REQUIRE(wetee_mnemonic_from_entropy(&phrase, data + 1, len) == WETEE_OK);
            REQUIRE(wetee_mnemonic_validate((const char *)phrase.data, phrase.len) == WETEE_OK);
            REQUIRE(wetee_mnemonic_to_entropy(&back, (const char *)phrase.data, phrase.len) == WETEE_OK);
            REQUIRE(back.len == len && memcmp(back.data, data + 1, len) == 0);
        }
    }
    wetee_buf_free_secure(&ent);
    wetee_buf_free_secure(&phrase);
    wetee_buf_free_secure(&back);
    return 0;
}
