/* Whitespace between mnemonic words, as sp-core reads a phrase (the bip39
 * crate's Mnemonic::parse_in: NFKD, then str::split_whitespace). Private. */
#ifndef WETEE_INTERNAL_TEXTSPACE_H
#define WETEE_INTERNAL_TEXTSPACE_H

#include <stddef.h>

/* Byte length of the Unicode White_Space character (Rust's
 * char::is_whitespace) that starts at p (n > 0 bytes available), or 0 when
 * p does not start with one: U+0009..U+000D, U+0020, U+0085, U+00A0,
 * U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. */
static inline size_t wt_space_len(const unsigned char *p, size_t n)
{
    if (p[0] == ' ' || (p[0] >= 0x09 && p[0] <= 0x0d)) return 1;
    if (p[0] < 0xc2 || n < 2) return 0;
    if (p[0] == 0xc2) return (p[1] == 0x85 || p[1] == 0xa0) ? 2 : 0;
    if (n < 3) return 0;
    if (p[0] == 0xe1) return (p[1] == 0x9a && p[2] == 0x80) ? 3 : 0;
    if (p[0] == 0xe2 && p[1] == 0x80)
        return ((p[2] >= 0x80 && p[2] <= 0x8a) || p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf) ? 3 : 0;
    if (p[0] == 0xe2 && p[1] == 0x81) return p[2] == 0x9f ? 3 : 0;
    if (p[0] == 0xe3) return (p[1] == 0x80 && p[2] == 0x80) ? 3 : 0;
    return 0;
}

#endif
