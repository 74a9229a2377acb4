/* STROBE-128 (the subset Merlin uses) and Merlin v1.0 transcripts.
 *
 * Byte-exact with dalek-cryptography/merlin (strobe.rs, transcript.rs), as
 * specified in shared/reference/keys.md §1.4. Labels are NUL-terminated
 * C strings (the terminator is not absorbed; "" is a valid empty label).
 *
 * Every object here may hold secret material (witnesses, derived keys):
 * wipe with wt_strobe128_wipe() / wt_merlin_wipe() / wt_merlin_rng_wipe()
 * when done. None of these functions allocate or fail. */
#ifndef WETEE_INTERNAL_MERLIN_H
#define WETEE_INTERNAL_MERLIN_H

#include <stddef.h>
#include <stdint.h>

/* STROBE operation flags. */
#define WT_STROBE_FLAG_I 0x01
#define WT_STROBE_FLAG_A 0x02
#define WT_STROBE_FLAG_C 0x04
#define WT_STROBE_FLAG_T 0x08
#define WT_STROBE_FLAG_M 0x10
#define WT_STROBE_FLAG_K 0x20

/* Rate of STROBE-128: 200 - 2*128/8 - 2. */
#define WT_STROBE_R 166

typedef struct wt_strobe128 {
    uint8_t st[200];
    uint8_t pos;
    uint8_t pos_begin;
    uint8_t cur_flags;
} wt_strobe128;

/* Strobe128::new(label). */
void wt_strobe128_init(wt_strobe128 *s, const uint8_t *label, size_t label_len);
/* meta_ad (M|A): absorb as metadata; `more` continues the previous op. */
void wt_strobe128_meta_ad(wt_strobe128 *s, const uint8_t *data, size_t len, int more);
/* ad (A): absorb associated data. */
void wt_strobe128_ad(wt_strobe128 *s, const uint8_t *data, size_t len, int more);
/* prf (I|A|C): squeeze `len` bytes. */
void wt_strobe128_prf(wt_strobe128 *s, uint8_t *out, size_t len, int more);
/* key (A|C): overwrite the state with key material. */
void wt_strobe128_key(wt_strobe128 *s, const uint8_t *data, size_t len, int more);
void wt_strobe128_wipe(wt_strobe128 *s);

/* A Merlin transcript (Transcript in merlin). Copy it by value to fork. */
typedef struct wt_merlin {
    wt_strobe128 strobe;
} wt_merlin;

/* Transcript::new(label): Strobe128("Merlin v1.0") then append("dom-sep", label). */
void wt_merlin_init(wt_merlin *t, const char *label);
/* append_message(label, msg). */
void wt_merlin_append(wt_merlin *t, const char *label, const uint8_t *msg, size_t len);
/* challenge_bytes(label, out[n]). n must fit in 32 bits. */
void wt_merlin_challenge(wt_merlin *t, const char *label, uint8_t *out, size_t n);
void wt_merlin_wipe(wt_merlin *t);

/* Witness RNG (TranscriptRngBuilder / TranscriptRng): built on a clone of a
 * transcript's state, so the transcript itself is not modified. Usage:
 *   wt_merlin_rng_init(&rng, &t);
 *   wt_merlin_rng_rekey(&rng, "label", witness, len);   (once per witness)
 *   wt_merlin_rng_finalize(&rng, rand32);
 *   wt_merlin_rng_fill(&rng, out, n);                    (any number of times)
 *   wt_merlin_rng_wipe(&rng); */
typedef struct wt_merlin_rng {
    wt_strobe128 strobe;
} wt_merlin_rng;

void wt_merlin_rng_init(wt_merlin_rng *rng, const wt_merlin *t);
void wt_merlin_rng_rekey(wt_merlin_rng *rng, const char *label, const uint8_t *witness, size_t len);
void wt_merlin_rng_finalize(wt_merlin_rng *rng, const uint8_t rand32[32]);
void wt_merlin_rng_fill(wt_merlin_rng *rng, uint8_t *out, size_t n);
void wt_merlin_rng_wipe(wt_merlin_rng *rng);

/* Convenience: witness_bytes_rng(label, out[n], witnesses[count], rand32)
 * on transcript `t` (which is not modified). */
void wt_merlin_witness_bytes(const wt_merlin *t, const char *label, uint8_t *out, size_t n,
                             const uint8_t *const *witnesses, const size_t *witness_lens, size_t count,
                             const uint8_t rand32[32]);

#endif
