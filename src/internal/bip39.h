/* The BIP-39 English word list (src/keys/mnemonic.c), shared with the TON
 * mnemonics (src/ton/mnemonic.c). Not installed. */
#ifndef WETEE_INTERNAL_BIP39_H
#define WETEE_INTERNAL_BIP39_H

#include <stddef.h>

/* Index 0..2047 of `word` (len bytes, lower-case a-z), or -1. */
int wt_bip39_word_index(const char *word, size_t len);
/* Word `i` (0..2047), or NULL. */
const char *wt_bip39_word(unsigned i);

#endif
