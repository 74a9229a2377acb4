/*
 * scale.i - SCALE codec helpers of wetee/scale.h.
 *
 * For now the one-shot compact-integer helpers; the reader/writer API
 * will come with the metadata-driven codec.
 */

%constant unsigned WETEE_SCALE_COMPACT_MAX_BYTES = WETEE_SCALE_COMPACT_MAX_BYTES;

/* Compact encoding of a value 0..2^128-1 (canonical, shortest mode). */
wetee_rc wetee_scale_encode_compact(wetee_buf *out, wetee_u128 v);
/* Decode one compact integer from the start of `data`: (value, bytes consumed). */
wetee_rc wetee_scale_decode_compact(wetee_u128 *out, size_t *consumed, const uint8_t *data, size_t len);
