/* Strict UTF-8 validation (RFC 3629, as Rust's str::from_utf8): no
 * overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF,
 * no truncated sequences. */
#include "internal/common.h"

/* Returns 1 when s[0..len) is valid UTF-8. Otherwise returns 0 and sets
 * *bad_offset (when not NULL) to the offset of the first byte of the first
 * invalid or incomplete sequence (Rust's Utf8Error::valid_up_to). */
int wt_utf8_valid(const uint8_t *s, size_t len, size_t *bad_offset)
{
    size_t i = 0;
    if (s == NULL) {
        if (len == 0) return 1;
        if (bad_offset) *bad_offset = 0;
        return 0;
    }
    while (i < len) {
        uint8_t c = s[i];
        if (c < 0x80) {
            /* ASCII run: eight bytes at a time */
            while (i + 8 <= len) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (w & 0x8080808080808080ull) break;
                i += 8;
            }
            while (i < len && s[i] < 0x80) i++;
            continue;
        }
        {
            size_t n;
            uint8_t lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
            if (c >= 0xC2 && c <= 0xDF) {
                n = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 3;
                if (c == 0xE0) lo = 0xA0;      /* overlong */
                else if (c == 0xED) hi = 0x9F; /* surrogates */
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 4;
                if (c == 0xF0) lo = 0x90;      /* overlong */
                else if (c == 0xF4) hi = 0x8F; /* above U+10FFFF */
            } else {
                goto bad; /* continuation byte, C0/C1, F5..FF */
            }
            if (len - i < n) goto bad;
            if (s[i + 1] < lo || s[i + 1] > hi) goto bad;
            if (n >= 3 && (s[i + 2] & 0xC0) != 0x80) goto bad;
            if (n == 4 && (s[i + 3] & 0xC0) != 0x80) goto bad;
            i += n;
        }
    }
    return 1;
bad:
    if (bad_offset) *bad_offset = i;
    return 0;
}
