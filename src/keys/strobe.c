/* STROBE-128 (the subset used by Merlin) and Merlin v1.0 transcripts.
 *
 * Written from the STROBE v1.0.2 specification (Hamburg) restricted to the
 * operations Merlin uses (meta-AD, AD, PRF, KEY; no transport ops) with
 * security level 128, and from the Merlin transcript definition
 * (merlin.cool): see shared/reference/keys.md §1.4 for the byte-level rules
 * reproduced here. The sponge runs on wt_keccakf1600_bytes(). */
#include <sodium.h>

#include "internal/common.h"
#include "internal/keccak.h"
#include "internal/merlin.h"

/* ---------------------------------------------------------------- */
/* STROBE-128                                                        */
/* ---------------------------------------------------------------- */

static void strobe_run_f(wt_strobe128 *s)
{
    s->st[s->pos] ^= s->pos_begin;
    s->st[s->pos + 1] ^= 0x04;
    s->st[WT_STROBE_R + 1] ^= 0x80;
    wt_keccakf1600_bytes(s->st);
    s->pos = 0;
    s->pos_begin = 0;
}

static void strobe_absorb(wt_strobe128 *s, const uint8_t *data, size_t len)
{
    while (len > 0) {
        size_t room = (size_t)(WT_STROBE_R - s->pos), n = len < room ? len : room, i;
        uint8_t *p = s->st + s->pos;
        for (i = 0; i < n; i++) p[i] ^= data[i];
        s->pos = (uint8_t)(s->pos + n);
        data += n;
        len -= n;
        if (s->pos == WT_STROBE_R) strobe_run_f(s);
    }
}

static void strobe_overwrite(wt_strobe128 *s, const uint8_t *data, size_t len)
{
    while (len > 0) {
        size_t room = (size_t)(WT_STROBE_R - s->pos), n = len < room ? len : room;
        memcpy(s->st + s->pos, data, n);
        s->pos = (uint8_t)(s->pos + n);
        data += n;
        len -= n;
        if (s->pos == WT_STROBE_R) strobe_run_f(s);
    }
}

static void strobe_squeeze(wt_strobe128 *s, uint8_t *out, size_t len)
{
    while (len > 0) {
        size_t room = (size_t)(WT_STROBE_R - s->pos), n = len < room ? len : room;
        memcpy(out, s->st + s->pos, n);
        memset(s->st + s->pos, 0, n);
        s->pos = (uint8_t)(s->pos + n);
        out += n;
        len -= n;
        if (s->pos == WT_STROBE_R) strobe_run_f(s);
    }
}

static void strobe_begin_op(wt_strobe128 *s, uint8_t flags, int more)
{
    uint8_t hdr[2];
    if (more) {
        /* Continuing an operation: callers in this library only continue
         * with the same flags (merlin asserts it). */
        return;
    }
    hdr[0] = s->pos_begin;
    hdr[1] = flags;
    s->pos_begin = (uint8_t)(s->pos + 1);
    s->cur_flags = flags;
    strobe_absorb(s, hdr, 2);
    if ((flags & (WT_STROBE_FLAG_C | WT_STROBE_FLAG_K)) != 0 && s->pos != 0) strobe_run_f(s);
}

void wt_strobe128_init(wt_strobe128 *s, const uint8_t *label, size_t label_len)
{
    static const uint8_t head[18] = { 1, WT_STROBE_R + 2, 1, 0, 1, 96,
                                      'S', 'T', 'R', 'O', 'B', 'E', 'v', '1', '.', '0', '.', '2' };
    memset(s->st, 0, sizeof s->st);
    memcpy(s->st, head, sizeof head);
    wt_keccakf1600_bytes(s->st);
    s->pos = 0;
    s->pos_begin = 0;
    s->cur_flags = 0;
    wt_strobe128_meta_ad(s, label, label_len, 0);
}

void wt_strobe128_meta_ad(wt_strobe128 *s, const uint8_t *data, size_t len, int more)
{
    strobe_begin_op(s, WT_STROBE_FLAG_M | WT_STROBE_FLAG_A, more);
    strobe_absorb(s, data, len);
}

void wt_strobe128_ad(wt_strobe128 *s, const uint8_t *data, size_t len, int more)
{
    strobe_begin_op(s, WT_STROBE_FLAG_A, more);
    strobe_absorb(s, data, len);
}

void wt_strobe128_prf(wt_strobe128 *s, uint8_t *out, size_t len, int more)
{
    strobe_begin_op(s, WT_STROBE_FLAG_I | WT_STROBE_FLAG_A | WT_STROBE_FLAG_C, more);
    strobe_squeeze(s, out, len);
}

void wt_strobe128_key(wt_strobe128 *s, const uint8_t *data, size_t len, int more)
{
    strobe_begin_op(s, WT_STROBE_FLAG_A | WT_STROBE_FLAG_C, more);
    strobe_overwrite(s, data, len);
}

void wt_strobe128_wipe(wt_strobe128 *s) { sodium_memzero(s, sizeof *s); }

/* ---------------------------------------------------------------- */
/* Merlin                                                            */
/* ---------------------------------------------------------------- */

static void meta_label_len(wt_strobe128 *s, const char *label, size_t n)
{
    uint8_t le[4];
    wt_store_le32(le, (uint32_t)n);
    wt_strobe128_meta_ad(s, (const uint8_t *)label, strlen(label), 0);
    wt_strobe128_meta_ad(s, le, 4, 1);
}

void wt_merlin_init(wt_merlin *t, const char *label)
{
    static const char proto[] = "Merlin v1.0";
    wt_strobe128_init(&t->strobe, (const uint8_t *)proto, sizeof proto - 1);
    wt_merlin_append(t, "dom-sep", (const uint8_t *)label, strlen(label));
}

void wt_merlin_append(wt_merlin *t, const char *label, const uint8_t *msg, size_t len)
{
    meta_label_len(&t->strobe, label, len);
    wt_strobe128_ad(&t->strobe, msg, len, 0);
}

void wt_merlin_challenge(wt_merlin *t, const char *label, uint8_t *out, size_t n)
{
    meta_label_len(&t->strobe, label, n);
    wt_strobe128_prf(&t->strobe, out, n, 0);
}

void wt_merlin_wipe(wt_merlin *t) { sodium_memzero(t, sizeof *t); }

void wt_merlin_rng_init(wt_merlin_rng *rng, const wt_merlin *t) { rng->strobe = t->strobe; }

void wt_merlin_rng_rekey(wt_merlin_rng *rng, const char *label, const uint8_t *witness, size_t len)
{
    meta_label_len(&rng->strobe, label, len);
    wt_strobe128_key(&rng->strobe, witness, len, 0);
}

void wt_merlin_rng_finalize(wt_merlin_rng *rng, const uint8_t rand32[32])
{
    static const uint8_t rng_label[3] = { 'r', 'n', 'g' };
    wt_strobe128_meta_ad(&rng->strobe, rng_label, sizeof rng_label, 0);
    wt_strobe128_key(&rng->strobe, rand32, 32, 0);
}

void wt_merlin_rng_fill(wt_merlin_rng *rng, uint8_t *out, size_t n)
{
    uint8_t le[4];
    wt_store_le32(le, (uint32_t)n);
    /* The length is its own meta-AD operation here (not a continuation). */
    wt_strobe128_meta_ad(&rng->strobe, le, 4, 0);
    wt_strobe128_prf(&rng->strobe, out, n, 0);
}

void wt_merlin_rng_wipe(wt_merlin_rng *rng) { sodium_memzero(rng, sizeof *rng); }

void wt_merlin_witness_bytes(const wt_merlin *t, const char *label, uint8_t *out, size_t n,
                             const uint8_t *const *witnesses, const size_t *witness_lens, size_t count,
                             const uint8_t rand32[32])
{
    wt_merlin_rng rng;
    size_t i;
    wt_merlin_rng_init(&rng, t);
    for (i = 0; i < count; i++) wt_merlin_rng_rekey(&rng, label, witnesses[i], witness_lens[i]);
    wt_merlin_rng_finalize(&rng, rand32);
    wt_merlin_rng_fill(&rng, out, n);
    wt_merlin_rng_wipe(&rng);
}
