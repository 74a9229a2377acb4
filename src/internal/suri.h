/* Secret URI parsing shared by suri.c and keypair.c. Private. */
#ifndef WETEE_INTERNAL_SURI_H
#define WETEE_INTERNAL_SURI_H

#include <stddef.h>

#include "wetee/keys.h"

/* wetee_suri_parse() with two extensions for the keypair constructors:
 * `path_is_bip32` (Ethereum) lets a final line break follow the last
 * junction (the path goes to BIP-32, where it has no other meaning), and
 * *text_len (may be NULL) receives the length of the SURI without its
 * final line break. */
int wt_suri_parse(wetee_suri **out, const char *suri, size_t len, int path_is_bip32, size_t *text_len);

#endif
