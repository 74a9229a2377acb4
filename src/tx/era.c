/* Mortal eras, as sp-runtime generic::Era encodes them. */
#include "internal/common.h"
#include "wetee/tx.h"

#define MOD "era"

WETEE_API uint64_t wetee_era_birth(uint64_t period, uint64_t phase, uint64_t current)
{
    if (period == 0)
        return current;
    uint64_t base = current > phase ? current : phase;
    return (base - phase) / period * period + phase;
}

WETEE_API int wetee_era_mortal(uint8_t out[2], uint64_t period, uint64_t current, uint64_t *birth)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(period != 0, MOD, "period is 0");
    /* next power of two (saturating at 2^16 as checked_next_power_of_two()
     * overflow does), clamped to [4, 65536] */
    uint64_t p = 1;
    if (period > ((uint64_t)1 << 63)) {
        p = (uint64_t)1 << 16;
    } else {
        while (p < period)
            p <<= 1;
    }
    if (p < 4)
        p = 4;
    if (p > 65536)
        p = 65536;
    uint64_t quantize = p >> 12 ? p >> 12 : 1;
    uint64_t phase = current % p / quantize * quantize;
    unsigned tz = 0;
    while (!((p >> tz) & 1))
        tz++;
    unsigned low = tz - 1;
    if (low < 1)
        low = 1;
    if (low > 15)
        low = 15;
    uint16_t enc = (uint16_t)(low | ((phase / quantize) << 4));
    wt_store_le16(out, enc);
    if (birth)
        *birth = wetee_era_birth(p, phase, current);
    return WETEE_OK;
}

WETEE_API int wetee_era_decode(uint64_t *period, uint64_t *phase, size_t *consumed, const uint8_t *data, size_t len)
{
    WT_ARG(period != NULL && phase != NULL && consumed != NULL, MOD, "NULL output");
    WT_ARG_DATA(data, len, MOD);
    if (len < 1)
        return wt_error(WETEE_ERR_TRUNCATED, "%s: empty input", MOD);
    if (data[0] == 0) {
        *period = 0;
        *phase = 0;
        *consumed = 1;
        return WETEE_OK;
    }
    if (len < 2)
        return wt_error(WETEE_ERR_TRUNCATED, "%s: mortal era needs 2 bytes, got 1", MOD);
    uint64_t enc = wt_load_le16(data);
    uint64_t p = (uint64_t)2 << (enc & 15);
    uint64_t quantize = p >> 12 ? p >> 12 : 1;
    uint64_t ph = (enc >> 4) * quantize;
    if (p < 4 || ph >= p)
        return wt_error(WETEE_ERR_DECODE, "%s: invalid mortal era %02x%02x (period %llu, phase %llu)", MOD, data[0],
                        data[1], (unsigned long long)p, (unsigned long long)ph);
    *period = p;
    *phase = ph;
    *consumed = 2;
    return WETEE_OK;
}
