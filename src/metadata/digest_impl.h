/* Private interface of the RFC-0078 type information (digest.c), shared
 * with the proof builder (proof.c). */
#ifndef WETEE_DIGEST_IMPL_H
#define WETEE_DIGEST_IMPL_H

#include "internal/metadata.h"
#include "wetee/core.h"
#include "wetee/metadata_hash.h"

typedef struct digest_ctx {
    const struct wetee_metadata *md;
    uint32_t *newid;    /* registry id -> new id, WT_MD_NONE when not a leaf type */
    uint8_t *seen;      /* scratch marks, one byte per registry id */
    uint32_t *stack;    /* scratch stack, n_types + 1 entries */
    int16_t *compact;   /* memo: TypeRef tag of a Compact type, -1 unknown */
    uint8_t (*leaves)[32];
    size_t n_leaves, cap_leaves;
    wetee_buf enc;      /* scratch encoding */
    uint32_t *leaf_start; /* registry id -> index of its first leaf (leaf types only) */
    int keep;             /* keep every leaf's encoding in `all` */
    wetee_buf all;        /* leaf encodings, leaf i at all[leaf_off[i] .. leaf_off[i + 1]) */
    size_t *leaf_off;
    size_t cap_off;
} digest_ctx;

/* Steps 1-3 of the construction: reachable types, new ids, leaves (and,
 * with `keep`, their encodings). On failure everything is released. */
int wt_digest_prepare(digest_ctx *c, const struct wetee_metadata *md, int keep);
void wt_digest_free(digest_ctx *c);
/* Store width (bytes) and bit order of a BitSequence type. */
int wt_digest_bitseq(digest_ctx *c, uint32_t id, const struct wetee_md_type *t, uint8_t *num_bytes, int *lsb);
/* SCALE of the reduced ExtrinsicMetadata, left in c->enc. */
int wt_digest_extrinsic_encode(digest_ctx *c);
/* Resolve the chain information (info, else the metadata's constants);
 * refuses metadata other than V15. */
int wt_digest_check_info(const struct wetee_metadata *md, const wetee_metadata_hash_info *info, const char **spec_name,
                         uint32_t *spec_version, uint16_t *prefix);
/* Append SCALE ExtraInfo (spec version, spec name, base58 prefix, decimals, token symbol). */
int wt_digest_put_extra(wetee_buf *out, const char *spec_name, uint32_t spec_version, uint16_t prefix,
                        const wetee_metadata_hash_info *info);
/* Root of the leaves (the RFC's deque construction). */
void wt_digest_merkle_root(uint8_t root[32], uint8_t (*q)[32], size_t n);

#endif
