/* Private definitions shared by the TON sources. Not installed. */
#ifndef WETEE_TON_IMPL_H
#define WETEE_TON_IMPL_H

#include <stdatomic.h>

#include "internal/common.h"
#include "wetee/ton.h"

#define MOD "ton"

struct wetee_ton_cell {
    atomic_size_t refcount;
    uint16_t bits;
    uint8_t nrefs;
    uint8_t exotic;     /* 1 for exotic cells */
    uint8_t type;       /* wetee_ton_cell_type */
    uint8_t level_mask; /* 0..7 */
    uint8_t data[128];  /* bits, MSB first; bits past `bits` are zero */
    struct wetee_ton_cell *refs[4];
    uint16_t depths[4]; /* resolved per level 0..3 */
    uint8_t hashes[4][32];
};

struct wetee_ton_builder {
    uint16_t bits;
    uint8_t nrefs;
    uint8_t data[128];
    struct wetee_ton_cell *refs[4];
};

/* A read cursor; the public wetee_ton_slice wraps one. */
typedef struct ton_reader {
    const struct wetee_ton_cell *cell;
    unsigned pos;  /* bit position */
    unsigned ref;  /* next reference */
} ton_reader;

struct wetee_ton_slice {
    ton_reader r;
};

/* Make a cell from raw parts; takes new references to refs. Checks exotic
 * layouts and computes level mask, hashes and depths. `where` prefixes
 * error details (e.g. "boc at offset 12: cell #3"). */
int ton_cell_create(wetee_ton_cell **out, const uint8_t *data, unsigned bits, wetee_ton_cell *const *refs,
                    unsigned nrefs, int exotic, const char *where);
wetee_ton_cell *ton_cell_retain(const wetee_ton_cell *c);

static inline unsigned ton_level_of_mask(unsigned mask) { return mask >= 4 ? 3 : mask >= 2 ? 2 : mask; }
static inline unsigned ton_popcount(unsigned v) { return (unsigned)__builtin_popcount(v); }

/* Bit helpers. */
void ton_bits_copy(uint8_t *dst, size_t dst_off, const uint8_t *src, size_t src_off, size_t n);
static inline int ton_bit_at(const uint8_t *p, size_t i) { return (p[i >> 3] >> (7 - (i & 7))) & 1; }

/* Reader primitives (error details name the bit position). */
int ton_read_uint(ton_reader *r, uint64_t *out, unsigned bits);
int ton_read_bits(ton_reader *r, uint8_t *out, size_t bits);
int ton_read_ref(ton_reader *r, const wetee_ton_cell **out);
int ton_read_coins(ton_reader *r, wetee_u128 *out);
int ton_read_address(ton_reader *r, wetee_ton_address *out, int *is_none);

/* Builder helpers working on a stack builder. */
void ton_builder_init(wetee_ton_builder *b);
void ton_builder_clear(wetee_ton_builder *b);

#endif
