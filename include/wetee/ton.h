/**
 * @file ton.h
 * @brief TON: cells (builder and slice), exotic cells, representation
 *        hashes with levels, the bag-of-cells (BOC) format, contract and
 *        user-friendly addresses, amounts, TON mnemonics, dictionaries, internal and
 *        external messages, the wallet contracts v3r2, v4r2, W5 and
 *        highload v3, and jetton transfers and wallet addresses.
 *
 * The rules are those of ton-blockchain/ton (`crypto/vm`, `crypto/tl/boc.tlb`,
 * `crypto/block/block.tlb`) and the ton-org libraries (\@ton/core,
 * \@ton/crypto, \@ton/ton); outputs are byte-identical with \@ton/core 0.63.1
 * (cell order in a BOC, dictionary labels) and \@ton/ton 16.3.0.
 *
 * **Cells** are immutable and reference-counted: every function that hands
 * out a wetee_ton_cell gives the caller one reference, released with
 * wetee_ton_cell_free(). A cell (and the tree under it) may be read from
 * several threads at once; the reference count is atomic. Builders, slices
 * and dictionaries are used by one thread at a time.
 *
 * A cell holds up to 1023 data bits and up to 4 references. Its
 * representation hash (wetee_ton_cell_hash()) is the SHA-256 of its
 * descriptors, data, and the depths and hashes of its references at the
 * cell's highest level; wetee_ton_cell_hash_at() gives the hash at a lower
 * level, which differs only under pruned branches (Merkle proofs).
 *
 * **Exotic cells** (type = first data byte): 1 pruned branch, 2 library
 * reference, 3 Merkle proof, 4 Merkle update. They are checked on creation
 * (layout, sizes, and that a Merkle proof or update carries the level-0
 * hash and depth of its references) and hashed with correct level handling.
 *
 * Errors say what and where: "ton: boc at offset 21: cell #1 refers to cell
 * #0, not to a later cell", "ton: slice at bit 40: 32 bits wanted, 8 left".
 */
#ifndef WETEE_TON_H
#define WETEE_TON_H

#include <stddef.h>
#include <stdint.h>

#include "wetee/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Cells                                                               */
/* ------------------------------------------------------------------ */

/** @brief Largest number of data bits in a cell. */
#define WETEE_TON_CELL_MAX_BITS 1023
/** @brief Largest number of references of a cell. */
#define WETEE_TON_CELL_MAX_REFS 4
/** @brief Largest cell depth accepted (as ton-blockchain/ton `max_depth`). */
#define WETEE_TON_CELL_MAX_DEPTH 1024
/** @brief Size of a cell hash. */
#define WETEE_TON_HASH_BYTES 32

/** @brief Cell types: ordinary, or the exotic type taken from the first data byte. */
typedef enum wetee_ton_cell_type {
    WETEE_TON_CELL_ORDINARY = 0,      /**< ordinary cell */
    WETEE_TON_CELL_PRUNED_BRANCH = 1, /**< exotic: pruned branch */
    WETEE_TON_CELL_LIBRARY = 2,       /**< exotic: library reference */
    WETEE_TON_CELL_MERKLE_PROOF = 3,  /**< exotic: Merkle proof */
    WETEE_TON_CELL_MERKLE_UPDATE = 4  /**< exotic: Merkle update */
} wetee_ton_cell_type;

/** @brief An immutable, reference-counted cell (opaque). */
typedef struct wetee_ton_cell wetee_ton_cell;
/** @brief A cell under construction (opaque; one thread at a time). */
typedef struct wetee_ton_builder wetee_ton_builder;
/** @brief A read cursor over a cell's bits and references (opaque; one thread at a time). */
typedef struct wetee_ton_slice wetee_ton_slice;

/**
 * @brief WETEE_TON_HASH_BYTES as a function, for bindings.
 * @return 32.
 */
WETEE_API size_t wetee_ton_hash_bytes(void);

/**
 * @brief Release one reference to a cell; the cell and, recursively, the
 *        references it held are freed when the last reference goes.
 * @param cell the cell, or NULL (no-op).
 */
WETEE_API void wetee_ton_cell_free(wetee_ton_cell *cell);
/**
 * @brief Take one more reference to a cell (for sharing it).
 * @param out receives `cell` itself; the caller releases this reference
 *        with wetee_ton_cell_free().
 * @param cell the cell (not NULL).
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT (NULL argument).
 */
WETEE_API int wetee_ton_cell_retain(wetee_ton_cell **out, const wetee_ton_cell *cell);
/**
 * @brief Representation hash: the hash at the cell's highest level (the
 *        cell's identity in TON, `cell.hash()` in \@ton/core).
 * @param out caller buffer of 32 bytes.
 * @param cell the cell.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT (NULL argument).
 */
WETEE_API int wetee_ton_cell_hash(uint8_t out[32], const wetee_ton_cell *cell);
/**
 * @brief Hash at a given level 0..3 (levels above the cell's own give the
 *        representation hash).
 * @param out caller buffer of 32 bytes.
 * @param cell the cell.
 * @param level 0..3.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT (NULL argument, level > 3).
 */
WETEE_API int wetee_ton_cell_hash_at(uint8_t out[32], const wetee_ton_cell *cell, unsigned level);
/**
 * @brief Depth at a given level 0..3 (0 for a cell without references).
 * @param cell the cell (NULL gives 0).
 * @param level 0..3 (above 3 is read as 3).
 * @return the depth.
 */
WETEE_API unsigned wetee_ton_cell_depth_at(const wetee_ton_cell *cell, unsigned level);
/**
 * @brief Depth at the cell's highest level (`cell.depth()` in \@ton/core).
 * @param cell the cell (NULL gives 0).
 * @return the depth.
 */
WETEE_API unsigned wetee_ton_cell_depth(const wetee_ton_cell *cell);
/**
 * @brief Number of data bits.
 * @param cell the cell (NULL gives 0).
 * @return 0..1023.
 */
WETEE_API unsigned wetee_ton_cell_bits(const wetee_ton_cell *cell);
/**
 * @brief Number of references.
 * @param cell the cell (NULL gives 0).
 * @return 0..4.
 */
WETEE_API unsigned wetee_ton_cell_refs(const wetee_ton_cell *cell);
/**
 * @brief The cell type (ordinary or one of the exotic types).
 * @param cell the cell (NULL gives WETEE_TON_CELL_ORDINARY).
 * @return a wetee_ton_cell_type value.
 */
WETEE_API int wetee_ton_cell_type_of(const wetee_ton_cell *cell);
/**
 * @brief The level mask (bit i set when level i+1 is significant).
 * @param cell the cell (NULL gives 0).
 * @return 0..7.
 */
WETEE_API unsigned wetee_ton_cell_level_mask(const wetee_ton_cell *cell);
/**
 * @brief The cell's level: position of the highest bit of its level mask.
 * @param cell the cell (NULL gives 0).
 * @return 0..3.
 */
WETEE_API unsigned wetee_ton_cell_level(const wetee_ton_cell *cell);
/**
 * @brief Copy the data bits, most significant bit first, into `out`; bits
 *        after the last data bit in the last byte are zero (no completion tag).
 * @param out replaced with ceil(bits/8) bytes; owned by the caller.
 * @param cell the cell.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL argument); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_ton_cell_data(wetee_buf *out, const wetee_ton_cell *cell);
/**
 * @brief Reference `index` of a cell.
 * @param out receives a new reference to the child (release with
 *        wetee_ton_cell_free()).
 * @param cell the cell.
 * @param index 0..refs-1.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (index out of range);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL argument).
 */
WETEE_API int wetee_ton_cell_ref(wetee_ton_cell **out, const wetee_ton_cell *cell, unsigned index);
/**
 * @brief Compare two cells by representation hash.
 * @param a first cell.
 * @param b second cell.
 * @return 1 when both are non-NULL with equal hashes, 0 otherwise.
 */
WETEE_API int wetee_ton_cell_equal(const wetee_ton_cell *a, const wetee_ton_cell *b);
/**
 * @brief A text rendering for debugging: `x{DATA}` in hex with a trailing
 *        `_` when the bit count is not a multiple of 4 (as ton-core), the
 *        references indented below, one per line.
 * @param out replaced with the text (NUL-terminated); owned by the caller.
 * @param cell the cell.
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_ton_cell_to_string(wetee_buf *out, const wetee_ton_cell *cell);

/* ------------------------------------------------------------------ */
/* Builder                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Start an empty builder.
 * @param out receives the builder; free with wetee_ton_builder_free().
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL out); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_ton_builder_new(wetee_ton_builder **out);
/**
 * @brief Free a builder and the references it holds.
 * @param b the builder, or NULL (no-op).
 */
WETEE_API void wetee_ton_builder_free(wetee_ton_builder *b);
/**
 * @brief Bits stored so far.
 * @param b the builder (NULL gives 0).
 * @return 0..1023.
 */
WETEE_API unsigned wetee_ton_builder_bits(const wetee_ton_builder *b);
/**
 * @brief References stored so far.
 * @param b the builder (NULL gives 0).
 * @return 0..4.
 */
WETEE_API unsigned wetee_ton_builder_refs(const wetee_ton_builder *b);
/**
 * @brief Append one bit.
 * @param b the builder.
 * @param bit 0 or non-zero (1).
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (the cell is full; nothing stored);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL b).
 */
WETEE_API int wetee_ton_builder_store_bit(wetee_ton_builder *b, int bit);
/**
 * @brief Append `value` as an unsigned big-endian integer of `bits` bits (0..64).
 * @param b the builder.
 * @param value the value; must fit in `bits` bits.
 * @param bits 0..64.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (value does not fit, or the cell is
 *         full; nothing stored); WETEE_ERR_INVALID_ARGUMENT (NULL b, bits > 64).
 */
WETEE_API int wetee_ton_builder_store_uint(wetee_ton_builder *b, uint64_t value, unsigned bits);
/**
 * @brief Append `value` as a two's-complement integer of `bits` bits (1..64).
 * @param b the builder.
 * @param value the value; must fit in `bits` signed bits.
 * @param bits 1..64.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (value does not fit, or the cell is
 *         full); WETEE_ERR_INVALID_ARGUMENT (NULL b, bits 0 or above 64).
 */
WETEE_API int wetee_ton_builder_store_int(wetee_ton_builder *b, int64_t value, unsigned bits);
/**
 * @brief Append `bit_len` bits read most significant bit first from `data`.
 * @param b the builder.
 * @param data at least ceil(bit_len/8) bytes; may be NULL when bit_len is 0.
 * @param bit_len number of bits.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (the cell would exceed 1023 bits;
 *         nothing stored); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_builder_store_bits(wetee_ton_builder *b, const uint8_t *data, size_t bit_len);
/**
 * @brief Append whole bytes.
 * @param b the builder.
 * @param data the bytes; may be NULL when len is 0.
 * @param len number of bytes.
 * @return as wetee_ton_builder_store_bits().
 */
WETEE_API int wetee_ton_builder_store_bytes(wetee_ton_builder *b, const uint8_t *data, size_t len);
/**
 * @brief Append a `Coins` / `Grams` amount (`VarUInteger 16`: a 4-bit byte
 *        length, then that many big-endian bytes; zero is `0000`).
 * @param b the builder.
 * @param value the amount in nanotons; at most 2^120-1.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (value needs 16 bytes, or the cell is
 *         full); WETEE_ERR_INVALID_ARGUMENT (NULL b).
 */
WETEE_API int wetee_ton_builder_store_coins(wetee_ton_builder *b, wetee_u128 value);
/**
 * @brief Append a reference to `cell` (the builder takes its own reference).
 * @param b the builder.
 * @param cell the child (not NULL; the caller keeps its reference).
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (4 references already);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_builder_store_ref(wetee_ton_builder *b, const wetee_ton_cell *cell);
/**
 * @brief `Maybe ^Cell`: bit 0 when `cell` is NULL, else bit 1 and the reference.
 * @param b the builder.
 * @param cell the child, or NULL.
 * @return as wetee_ton_builder_store_ref(); nothing is stored on error.
 */
WETEE_API int wetee_ton_builder_store_maybe_ref(wetee_ton_builder *b, const wetee_ton_cell *cell);
/**
 * @brief Append the unread bits and references of a slice (the slice is not advanced).
 * @param b the builder.
 * @param s the slice.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (nothing stored); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_builder_store_slice(wetee_ton_builder *b, const wetee_ton_slice *s);
/**
 * @brief Append a snake string, as \@ton/core `storeStringTail`: as many
 *        whole bytes as fit in this cell, the rest in a chain of single
 *        references (127 bytes each but the last).
 * @param b the builder.
 * @param data the bytes (UTF-8 text or any bytes); may be NULL when len is 0.
 * @param len number of bytes.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (the rest needs a reference and the
 *         builder has 4); WETEE_ERR_TOO_LONG (more than
 *         WETEE_TON_CELL_MAX_DEPTH cells would be needed);
 *         WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_builder_store_snake(wetee_ton_builder *b, const uint8_t *data, size_t len);
/**
 * @brief Finish an ordinary cell. The builder is left unchanged (it may be
 *        extended and finished again, or freed).
 * @param out receives the cell; the caller releases it with wetee_ton_cell_free().
 * @param b the builder.
 * @return WETEE_OK; WETEE_ERR_DEPTH (depth above WETEE_TON_CELL_MAX_DEPTH);
 *         WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_builder_end(wetee_ton_cell **out, const wetee_ton_builder *b);
/**
 * @brief Finish an exotic cell whose type is the first data byte; its layout
 *        is checked (see the file comment).
 * @param out receives the cell; the caller releases it.
 * @param b the builder.
 * @return WETEE_OK; WETEE_ERR_DECODE (bad layout, unknown type, Merkle hash
 *         or depth not matching the reference); WETEE_ERR_DEPTH;
 *         WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_builder_end_exotic(wetee_ton_cell **out, const wetee_ton_builder *b);

/* ------------------------------------------------------------------ */
/* Slice                                                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Open a slice over all bits and references of a cell (any type).
 * @param out receives the slice; free with wetee_ton_slice_free(). It holds
 *        its own reference to the cell.
 * @param cell the cell.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_new(wetee_ton_slice **out, const wetee_ton_cell *cell);
/**
 * @brief Free a slice.
 * @param s the slice, or NULL (no-op).
 */
WETEE_API void wetee_ton_slice_free(wetee_ton_slice *s);
/**
 * @brief Unread bits.
 * @param s the slice (NULL gives 0).
 * @return the count.
 */
WETEE_API unsigned wetee_ton_slice_bits_left(const wetee_ton_slice *s);
/**
 * @brief Unread references.
 * @param s the slice (NULL gives 0).
 * @return the count.
 */
WETEE_API unsigned wetee_ton_slice_refs_left(const wetee_ton_slice *s);
/**
 * @brief Read one bit. Every load leaves the slice unchanged on error.
 * @param out receives 0 or 1.
 * @param s the slice.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED (no bit left; the detail gives the
 *         position); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_load_bit(int *out, wetee_ton_slice *s);
/**
 * @brief Read an unsigned big-endian integer of `bits` (0..64) bits.
 * @param out receives the value.
 * @param s the slice.
 * @param bits 0..64.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_load_uint(uint64_t *out, wetee_ton_slice *s, unsigned bits);
/**
 * @brief Read a two's-complement integer of `bits` (1..64) bits.
 * @param out receives the value.
 * @param s the slice.
 * @param bits 1..64.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_load_int(int64_t *out, wetee_ton_slice *s, unsigned bits);
/**
 * @brief Read `bit_len` bits into `out`, most significant bit first; unused
 *        low bits of the last byte are zero.
 * @param out caller buffer of `out_len` >= ceil(bit_len/8) bytes.
 * @param out_len size of `out`.
 * @param s the slice.
 * @param bit_len number of bits.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED; WETEE_ERR_OVERFLOW (out too small);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_load_bits(uint8_t *out, size_t out_len, wetee_ton_slice *s, size_t bit_len);
/**
 * @brief Read a `Coins` amount (`VarUInteger 16`).
 * @param out receives the amount.
 * @param s the slice.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_load_coins(wetee_u128 *out, wetee_ton_slice *s);
/**
 * @brief Read the next reference.
 * @param out receives a new reference to the child (release it).
 * @param s the slice.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED (no reference left);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_load_ref(wetee_ton_cell **out, wetee_ton_slice *s);
/**
 * @brief Read `Maybe ^Cell`.
 * @param out receives a new reference, or NULL when the bit is 0.
 * @param s the slice.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_load_maybe_ref(wetee_ton_cell **out, wetee_ton_slice *s);
/**
 * @brief Read a snake string: the rest of this slice (whole bytes), then
 *        each first reference in turn (ton-core `loadStringTail`). The
 *        slice is consumed.
 * @param out replaced with the bytes (NUL-terminated, not counted); owned
 *        by the caller.
 * @param s the slice.
 * @return WETEE_OK; WETEE_ERR_DECODE (a bit count that is not a multiple of
 *         8, a cell in the chain with more than one reference);
 *         WETEE_ERR_DEPTH; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_load_snake(wetee_buf *out, wetee_ton_slice *s);
/**
 * @brief Skip bits.
 * @param s the slice.
 * @param bits number of bits to skip.
 * @return WETEE_OK; WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_skip(wetee_ton_slice *s, size_t bits);
/**
 * @brief Check that nothing is left to read.
 * @param s the slice.
 * @return WETEE_OK; WETEE_ERR_DECODE (bits or references left, with their
 *         counts); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_end(const wetee_ton_slice *s);

/* ------------------------------------------------------------------ */
/* Bag of cells                                                        */
/* ------------------------------------------------------------------ */

/** @brief Serialise with the index of cell end offsets. */
#define WETEE_TON_BOC_INDEX 1u
/** @brief Serialise with the CRC32C trailer (the usual form for sending: prefix b5ee9c7241). */
#define WETEE_TON_BOC_CRC32C 2u

/** @brief Limits applied by the BOC parser (option struct). */
typedef struct wetee_ton_boc_options {
    unsigned version;   /**< WETEE_TON_BOC_OPTIONS_VERSION */
    uint32_t max_cells; /**< most cells accepted; 0 means the default, 65536 */
    uint32_t max_roots; /**< most roots accepted; 0 means the default, 16 */
    uint32_t max_depth; /**< deepest cell accepted, 1..1024; 0 means 1024 */
} wetee_ton_boc_options;
/** @brief Current version of wetee_ton_boc_options. */
#define WETEE_TON_BOC_OPTIONS_VERSION 1
/** @brief Initialiser of wetee_ton_boc_options with the defaults. */
#define WETEE_TON_BOC_OPTIONS_INIT { WETEE_TON_BOC_OPTIONS_VERSION, 0, 0, 0 }

/**
 * @brief Serialise one root into a BOC, byte-identical with \@ton/core
 *        `serializeBoc` (same cell order, smallest size fields; no cache
 *        bits, stored hashes or absent cells). Equal subtrees are written once.
 * @param out replaced with the BOC; owned by the caller.
 * @param root the root cell.
 * @param flags WETEE_TON_BOC_INDEX and/or WETEE_TON_BOC_CRC32C.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT (NULL
 *         argument, unknown flag).
 */
WETEE_API int wetee_ton_boc_serialize(wetee_buf *out, const wetee_ton_cell *root, unsigned flags);
/**
 * @brief Parse a BOC with exactly one root.
 *
 * Strict: the magic (b5ee9c72, or the legacy 68ff65f3 and acc3a728), flags,
 * size fields (1..4 reference bytes, 1..8 offset bytes), total length (no
 * trailing bytes), index (end offsets must match the cells), CRC32C when
 * present, references (each to a later cell, within bounds, so no cycles),
 * completion tags, exotic layouts and declared level masks are all checked,
 * and absent cells are rejected. Stored hashes are skipped and recomputed.
 * @param out receives the root; the caller releases it.
 * @param data the BOC bytes.
 * @param len length of `data`.
 * @param opts limits, or NULL for the defaults.
 * @return WETEE_OK; WETEE_ERR_DECODE (bad magic, flags, reference, layout;
 *         not exactly one root); WETEE_ERR_TRUNCATED; WETEE_ERR_CHECKSUM
 *         (CRC32C); WETEE_ERR_OVERFLOW (more cells or roots than the
 *         limits); WETEE_ERR_DEPTH; WETEE_ERR_NO_MEMORY;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL argument, bad options).
 */
WETEE_API int wetee_ton_boc_parse(wetee_ton_cell **out, const uint8_t *data, size_t len,
                                  const wetee_ton_boc_options *opts);
/**
 * @brief Parse a BOC with one or more roots.
 * @param roots caller array of `max_roots` pointers; receives one new
 *        reference per root (release each), NULL after the last.
 * @param max_roots size of `roots`; a BOC with more roots is rejected.
 * @param count receives the number of roots.
 * @param data the BOC bytes.
 * @param len length of `data`.
 * @param opts limits, or NULL for the defaults.
 * @return as wetee_ton_boc_parse().
 */
WETEE_API int wetee_ton_boc_parse_roots(wetee_ton_cell **roots, size_t max_roots, size_t *count,
                                        const uint8_t *data, size_t len, const wetee_ton_boc_options *opts);
/**
 * @brief Parse a BOC given as standard base64 (also base64url) text.
 * @param out receives the root.
 * @param text the base64 text.
 * @param text_len its length.
 * @return as wetee_ton_boc_parse(), plus WETEE_ERR_DECODE for bad base64.
 */
WETEE_API int wetee_ton_boc_parse_base64(wetee_ton_cell **out, const char *text, size_t text_len);

/* ------------------------------------------------------------------ */
/* Addresses                                                           */
/* ------------------------------------------------------------------ */

/** @brief A contract address: workchain and 256-bit account id (plain value type). */
typedef struct wetee_ton_address {
    int32_t workchain;  /**< 0 basechain, -1 masterchain */
    uint8_t hash[32];   /**< account id */
} wetee_ton_address;

/** @brief User-friendly form flag: bounceable (`EQ…`); without it non-bounceable (`UQ…`). */
#define WETEE_TON_ADDRESS_BOUNCEABLE 1u
/** @brief User-friendly form flag: test-only (`kQ…`, `0Q…`). */
#define WETEE_TON_ADDRESS_TESTNET 2u
/** @brief User-friendly form flag: standard base64 (`+/`) instead of base64url (`-_`). */
#define WETEE_TON_ADDRESS_BASE64_STD 4u
/** @brief Size of a buffer for any raw address text ("-2147483648:" + 64 hex + NUL). */
#define WETEE_TON_ADDRESS_RAW_BUFSIZE 80
/** @brief Size of a buffer for a user-friendly address (48 characters + NUL). */
#define WETEE_TON_ADDRESS_FRIENDLY_BUFSIZE 49

/**
 * @brief Parse an address in raw (`wc:hex64`) or user-friendly form (48
 *        characters of base64url or standard base64, not mixed).
 * @param out receives the address; untouched on error.
 * @param flags receives, for the user-friendly form, its
 *        WETEE_TON_ADDRESS_BOUNCEABLE / _TESTNET / _BASE64_STD flags; for
 *        the raw form WETEE_TON_ADDRESS_BOUNCEABLE. May be NULL.
 * @param text the address (not necessarily NUL-terminated).
 * @param text_len its length.
 * @return WETEE_OK; WETEE_ERR_DECODE (bad shape, character, tag or
 *         workchain, with the offset); WETEE_ERR_CHECKSUM (CRC16 mismatch);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_address_parse(wetee_ton_address *out, unsigned *flags, const char *text, size_t text_len);
/**
 * @brief Raw form `wc:hex64` (lower-case hex).
 * @param out caller buffer of `out_size` bytes; receives NUL-terminated text.
 * @param out_size at least WETEE_TON_ADDRESS_RAW_BUFSIZE is always enough.
 * @param addr the address.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (buffer too small);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_address_to_raw(char *out, size_t out_size, const wetee_ton_address *addr);
/**
 * @brief User-friendly form (TEP-2): 36 bytes `tag ‖ wc:int8 ‖ hash ‖
 *        crc16` in base64url (or standard base64 with _BASE64_STD).
 * @param out caller buffer of `out_size` bytes; receives NUL-terminated text.
 * @param out_size at least WETEE_TON_ADDRESS_FRIENDLY_BUFSIZE.
 * @param addr the address; its workchain must fit in int8.
 * @param flags WETEE_TON_ADDRESS_* flags.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (buffer too small; workchain outside
 *         -128..127); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_address_to_friendly(char *out, size_t out_size, const wetee_ton_address *addr,
                                            unsigned flags);
/**
 * @brief Append `MsgAddressInt` (`addr_std$10`, no anycast, int8
 *        workchain, 256-bit id: 267 bits), or `addr_none$00` when `addr`
 *        is NULL.
 * @param b the builder.
 * @param addr the address, or NULL for addr_none.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (cell full, or workchain outside
 *         int8); WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_builder_store_address(wetee_ton_builder *b, const wetee_ton_address *addr);
/**
 * @brief Read a `MsgAddress`: `addr_std` (without anycast) or `addr_none`.
 * @param out receives the address (zeroed for addr_none).
 * @param is_none receives 1 for addr_none, 0 otherwise; may be NULL, in
 *        which case addr_none is an error.
 * @param s the slice.
 * @return WETEE_OK; WETEE_ERR_UNSUPPORTED (anycast, addr_var, addr_extern);
 *         WETEE_ERR_DECODE (addr_none with is_none NULL);
 *         WETEE_ERR_TRUNCATED; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_slice_load_address(wetee_ton_address *out, int *is_none, wetee_ton_slice *s);
/**
 * @brief Contract address: `workchain:hash(StateInit)` with StateInit =
 *        `0 0 1 1 0` and references (code, data).
 * @param out receives the address.
 * @param workchain the workchain.
 * @param code the code cell.
 * @param data the data cell.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_address_from_state_init(wetee_ton_address *out, int32_t workchain,
                                                const wetee_ton_cell *code, const wetee_ton_cell *data);
/**
 * @brief The StateInit cell `split_depth:0 special:0 code:1 data:1 library:0`
 *        with references (code, data).
 * @param out receives the cell; the caller releases it.
 * @param code the code cell.
 * @param data the data cell.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_state_init(wetee_ton_cell **out, const wetee_ton_cell *code, const wetee_ton_cell *data);

/* ------------------------------------------------------------------ */
/* Amounts                                                             */
/* ------------------------------------------------------------------ */

/** @brief Decimals of the coin: 1 coin = 10^9 nano. */
#define WETEE_TON_DECIMALS 9
/** @brief The coin's current symbol (since 2026-06-01 TON's coin is branded Gram). */
#define WETEE_TON_SYMBOL "GRAM"
/** @brief Size of a buffer for any wetee_ton_amount_format() output with a symbol up to 15 bytes. */
#define WETEE_TON_AMOUNT_BUFSIZE 64

/**
 * @brief Format nano units as a decimal amount followed by a space and a
 *        symbol: 1500000000 gives "1.5 GRAM".
 * @param out caller buffer; receives the NUL-terminated text.
 * @param out_size its size; WETEE_TON_AMOUNT_BUFSIZE is enough for symbols
 *        up to 15 bytes.
 * @param nano the amount in nano units.
 * @param symbol the symbol to show (1..15 bytes, e.g. "TON"); NULL gives
 *        WETEE_TON_SYMBOL; "" omits the symbol and the space.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (buffer too small);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL out, symbol above 15 bytes).
 */
WETEE_API int wetee_ton_amount_format(char *out, size_t out_size, wetee_u128 nano, const char *symbol);
/**
 * @brief Parse an amount such as "1.5", "1.5 GRAM", "1.5 TON" or "2 gram"
 *        (symbol optional, either name, any letter case, one space before
 *        it optional) into nano units; at most 9 fraction digits.
 * @param out receives the amount; untouched on error.
 * @param text the text.
 * @param text_len its length.
 * @return WETEE_OK; WETEE_ERR_DECODE (bad number, unknown symbol);
 *         WETEE_ERR_NON_CANONICAL (more than 9 fraction digits);
 *         WETEE_ERR_OVERFLOW; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_amount_parse(wetee_u128 *out, const char *text, size_t text_len);

/* ------------------------------------------------------------------ */
/* TON mnemonics                                                       */
/* ------------------------------------------------------------------ */

/** @brief Words of a generated TON mnemonic. */
#define WETEE_TON_MNEMONIC_WORDS 24

/**
 * @brief Generate a 24-word TON mnemonic (TON's scheme, not BIP-39: random
 *        words from the BIP-39 English list drawn until the seed-version
 *        checks pass, as ton-crypto `mnemonicNew`). With a password the
 *        mnemonic is one that needs it.
 * @param out replaced with the words separated by single spaces
 *        (NUL-terminated); a secret: free with wetee_buf_free_secure().
 * @param password optional password bytes; may be NULL when password_len is 0.
 * @param password_len its length.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_CRYPTO;
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_mnemonic_generate(wetee_buf *out, const char *password, size_t password_len);
/**
 * @brief Validate a TON mnemonic: words separated by ASCII whitespace
 *        (trimmed; upper case folded, as ton-crypto normalises), each in
 *        the BIP-39 English list, and HMAC-SHA512(words, password) passing
 *        the seed-version check; with a password, the mnemonic must also be
 *        one made for a password. Any word count is accepted (24 usual).
 * @param phrase the words.
 * @param len length of `phrase`.
 * @param password optional password; may be NULL when password_len is 0.
 * @param password_len its length.
 * @return WETEE_OK; WETEE_ERR_DECODE (empty, bad character, unknown word,
 *         with its number and offset); WETEE_ERR_CHECKSUM (seed-version
 *         check failed, or not a password mnemonic);
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_CRYPTO.
 */
WETEE_API int wetee_ton_mnemonic_validate(const char *phrase, size_t len, const char *password, size_t password_len);
/**
 * @brief The 64-byte seed: PBKDF2-HMAC-SHA512(entropy, "TON default seed",
 *        100000) of a validated mnemonic.
 * @param out caller buffer of 64 bytes (a secret: wipe it).
 * @param phrase the words.
 * @param len length of `phrase`.
 * @param password optional password; may be NULL when password_len is 0.
 * @param password_len its length.
 * @return as wetee_ton_mnemonic_validate().
 */
WETEE_API int wetee_ton_mnemonic_to_seed(uint8_t out[64], const char *phrase, size_t len, const char *password,
                                         size_t password_len);
/**
 * @brief The ed25519 key pair of a validated mnemonic: the key from the
 *        first 32 bytes of the seed (ton-crypto `mnemonicToPrivateKey`).
 * @param secret caller buffer of 64 bytes: seed ‖ public key (libsodium /
 *        tweetnacl layout; a secret: wipe it).
 * @param pub caller buffer of 32 bytes: the public key.
 * @param phrase the words.
 * @param len length of `phrase`.
 * @param password optional password; may be NULL when password_len is 0.
 * @param password_len its length.
 * @return as wetee_ton_mnemonic_validate().
 */
WETEE_API int wetee_ton_mnemonic_to_keypair(uint8_t secret[64], uint8_t pub[32], const char *phrase, size_t len,
                                            const char *password, size_t password_len);

/* ------------------------------------------------------------------ */
/* Dictionaries                                                        */
/* ------------------------------------------------------------------ */

/**
 * @brief A dictionary `HashmapE n X` with n-bit keys (opaque; one thread at
 *        a time). Values are cells whose bits and references make up the
 *        leaf value (for `^Cell` values pass a cell holding one reference).
 *        Serialised with the labels \@ton/core `serializeDict` chooses, so
 *        that dictionaries built here hash the same as there.
 */
typedef struct wetee_ton_dict wetee_ton_dict;

/**
 * @brief An empty dictionary.
 * @param out receives the dictionary; free with wetee_ton_dict_free().
 * @param key_bits key length n, 1..1023.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_dict_new(wetee_ton_dict **out, unsigned key_bits);
/**
 * @brief Free a dictionary and its references to the values.
 * @param d the dictionary, or NULL (no-op).
 */
WETEE_API void wetee_ton_dict_free(wetee_ton_dict *d);
/**
 * @brief Number of entries.
 * @param d the dictionary (NULL gives 0).
 * @return the count.
 */
WETEE_API size_t wetee_ton_dict_count(const wetee_ton_dict *d);
/**
 * @brief Key length in bits.
 * @param d the dictionary (NULL gives 0).
 * @return n.
 */
WETEE_API unsigned wetee_ton_dict_key_bits(const wetee_ton_dict *d);
/**
 * @brief Insert or replace an entry.
 * @param d the dictionary.
 * @param key the key: key_bits bits most significant first in
 *        ceil(key_bits/8) bytes, unused low bits zero.
 * @param key_len ceil(key_bits/8).
 * @param value the value cell (the dictionary takes its own reference).
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT (bad
 *         key length or padding, NULL argument).
 */
WETEE_API int wetee_ton_dict_set(wetee_ton_dict *d, const uint8_t *key, size_t key_len, const wetee_ton_cell *value);
/**
 * @brief Insert or replace the entry of an unsigned integer key.
 * @param d the dictionary.
 * @param key the key; must fit key_bits.
 * @param value the value cell.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (key too large); WETEE_ERR_NO_MEMORY;
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_dict_set_uint(wetee_ton_dict *d, uint64_t key, const wetee_ton_cell *value);
/**
 * @brief Look a key up.
 * @param out receives a new reference to the value (release it).
 * @param d the dictionary.
 * @param key the key (as wetee_ton_dict_set()).
 * @param key_len ceil(key_bits/8).
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_dict_get(wetee_ton_cell **out, const wetee_ton_dict *d, const uint8_t *key, size_t key_len);
/**
 * @brief Look an unsigned integer key up.
 * @param out receives a new reference to the value (release it).
 * @param d the dictionary.
 * @param key the key.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND; WETEE_ERR_OVERFLOW;
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_dict_get_uint(wetee_ton_cell **out, const wetee_ton_dict *d, uint64_t key);
/**
 * @brief Remove an entry.
 * @param d the dictionary.
 * @param key the key.
 * @param key_len ceil(key_bits/8).
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_dict_remove(wetee_ton_dict *d, const uint8_t *key, size_t key_len);
/**
 * @brief Entry `index` in ascending key order.
 * @param key caller buffer of key_len bytes; receives the key.
 * @param key_len ceil(key_bits/8).
 * @param value receives a new reference to the value, or NULL to skip it.
 * @param d the dictionary.
 * @param index 0..count-1.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_dict_entry(uint8_t *key, size_t key_len, wetee_ton_cell **value, const wetee_ton_dict *d,
                                   size_t index);
/**
 * @brief The root cell of a non-empty dictionary (`Hashmap n X`).
 * @param out receives the cell; the caller releases it.
 * @param d the dictionary.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (empty); WETEE_ERR_OVERFLOW (a
 *         value does not fit its leaf); WETEE_ERR_NO_MEMORY;
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_dict_root(wetee_ton_cell **out, const wetee_ton_dict *d);
/**
 * @brief Append `HashmapE`: bit 0 when empty, else bit 1 and the root as a reference.
 * @param b the builder.
 * @param d the dictionary.
 * @return as wetee_ton_dict_root() and wetee_ton_builder_store_maybe_ref().
 */
WETEE_API int wetee_ton_builder_store_dict(wetee_ton_builder *b, const wetee_ton_dict *d);
/**
 * @brief Read a dictionary from its root cell (any valid label encoding).
 * @param out receives the dictionary; free it.
 * @param root the root cell.
 * @param key_bits key length n.
 * @return WETEE_OK; WETEE_ERR_DECODE (bad label, fork without two
 *         references, exotic cells, a key twice); WETEE_ERR_TRUNCATED;
 *         WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_dict_from_root(wetee_ton_dict **out, const wetee_ton_cell *root, unsigned key_bits);
/**
 * @brief Read `HashmapE n X` from a slice (bit 0: empty; bit 1: root reference).
 * @param out receives the dictionary; free it.
 * @param s the slice (unchanged on error).
 * @param key_bits key length n.
 * @return as wetee_ton_dict_from_root().
 */
WETEE_API int wetee_ton_slice_load_dict(wetee_ton_dict **out, wetee_ton_slice *s, unsigned key_bits);

/* ------------------------------------------------------------------ */
/* Messages and wallets                                                */
/* ------------------------------------------------------------------ */

/** @brief Wallet contract versions. */
typedef enum wetee_ton_wallet_version {
    WETEE_TON_WALLET_V3R2 = 1, /**< wallet v3 revision 2 */
    WETEE_TON_WALLET_V4R2 = 2, /**< wallet v4 revision 2 */
    WETEE_TON_WALLET_V5R1 = 3,        /**< W5 (wallet v5 revision 1), the default */
    WETEE_TON_WALLET_HIGHLOAD_V3 = 4  /**< highload wallet v3 (wetee_ton_wallet_new_highload_v3()) */
} wetee_ton_wallet_version;

/** @brief The subwallet id the highload v3 authors recommend (0x10ad). */
#define WETEE_TON_HIGHLOAD_SUBWALLET_DEFAULT 0x10adu
/** @brief A usual highload v3 timeout: 24 hours. */
#define WETEE_TON_HIGHLOAD_TIMEOUT_DEFAULT 86400u

/** @brief Global id of the TON mainnet (for the W5 wallet id). */
#define WETEE_TON_NETWORK_MAINNET (-239)
/** @brief Global id of the TON testnet (for the W5 wallet id). */
#define WETEE_TON_NETWORK_TESTNET (-3)

/** @brief Send mode: pay transfer fees separately from the value. */
#define WETEE_TON_SEND_PAY_FEES_SEPARATELY 1u
/** @brief Send mode: ignore errors (W5 adds it to every signed request). */
#define WETEE_TON_SEND_IGNORE_ERRORS 2u
/** @brief Send mode: destroy the account if its balance becomes zero. */
#define WETEE_TON_SEND_DESTROY_IF_ZERO 32u
/** @brief Send mode: carry the remaining value of the inbound message. */
#define WETEE_TON_SEND_CARRY_INBOUND_VALUE 64u
/** @brief Send mode: carry the whole balance. */
#define WETEE_TON_SEND_CARRY_BALANCE 128u
/** @brief The usual send mode of a wallet transfer (1 + 2). */
#define WETEE_TON_SEND_DEFAULT 3u

/** @brief wetee_ton_external_message() flag: init and body always as references. */
#define WETEE_TON_EXTERNAL_FORCE_REF 1u

/** @brief A wallet: version, workchain, wallet id and public key, with its code, data and address (opaque, immutable). */
typedef struct wetee_ton_wallet wetee_ton_wallet;
/** @brief The messages of one transfer, each with its send mode (opaque; one thread at a time). */
typedef struct wetee_ton_transfer wetee_ton_transfer;

/**
 * @brief A text comment body: `op = 0:uint32` then the text as a snake
 *        string (\@ton/core `comment()`).
 * @param out receives the cell; the caller releases it.
 * @param text the UTF-8 text (not checked; any bytes are stored as given).
 * @param len its length in bytes.
 * @return WETEE_OK; WETEE_ERR_TOO_LONG (text too long for a 1024-cell chain);
 *         WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_comment(wetee_ton_cell **out, const char *text, size_t len);
/**
 * @brief An internal message (`MessageRelaxed` with `int_msg_info`:
 *        ihr_disabled, no source, no extra currencies, zero fees and times),
 *        with the init and the body inline or in a reference exactly as
 *        \@ton/core `storeMessageRelaxed` decides (body inline when it fits
 *        in the bits and references left and is not exotic).
 * @param out receives the cell; the caller releases it.
 * @param dest the destination.
 * @param value the value in nanotons (at most 2^120-1).
 * @param bounce 1 to bounce on failure (contracts), 0 for uninitialised
 *        wallets and non-bounceable addresses.
 * @param init optional StateInit cell (wetee_ton_state_init()), or NULL.
 * @param body optional body (wetee_ton_comment() or any cell); NULL is the
 *        empty cell.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (value too large, workchain outside
 *         int8, an inline init whose references do not fit);
 *         WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_internal_message(wetee_ton_cell **out, const wetee_ton_address *dest, wetee_u128 value,
                                         int bounce, const wetee_ton_cell *init, const wetee_ton_cell *body);
/**
 * @brief An inbound external message (`ext_in_msg_info`, no source, zero
 *        import fee) laid out as \@ton/core `storeMessage` (init and body
 *        inline when they fit), or with both as references with
 *        WETEE_TON_EXTERNAL_FORCE_REF.
 * @param out receives the cell; the caller releases it.
 * @param dest the destination contract.
 * @param init optional StateInit cell (deployment), or NULL.
 * @param body the body (e.g. from wetee_ton_wallet_sign_transfer()).
 * @param flags 0 or WETEE_TON_EXTERNAL_FORCE_REF.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW; WETEE_ERR_NO_MEMORY;
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_external_message(wetee_ton_cell **out, const wetee_ton_address *dest,
                                         const wetee_ton_cell *init, const wetee_ton_cell *body, unsigned flags);

/**
 * @brief The code cell of a wallet version (embedded BOC published by
 *        \@ton/ton 16.3.0, hashes in ../shared/reference/ton.md §3.1; highload
 *        v3 from ton-blockchain/highload-wallet-contract-v3).
 * @param out receives the cell; the caller releases it.
 * @param version a wetee_ton_wallet_version.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_wallet_code(wetee_ton_cell **out, int version);
/**
 * @brief W5 wallet id: `network_global_id XOR context`, context =
 *        `1 ‖ workchain:int8 ‖ version:uint8 = 0 ‖ subwallet_number:uint15`.
 * @param out receives the id.
 * @param network_global_id WETEE_TON_NETWORK_MAINNET, WETEE_TON_NETWORK_TESTNET or another network's id.
 * @param workchain -128..127.
 * @param subwallet_number 0..32767.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_wallet_v5r1_id(uint32_t *out, int32_t network_global_id, int32_t workchain,
                                       uint32_t subwallet_number);
/**
 * @brief The default wallet id: 698983191 + workchain for v3r2 and v4r2;
 *        for W5 wetee_ton_wallet_v5r1_id() with subwallet number 0 on the
 *        given network (mainnet, workchain 0: 2147483409).
 * @param out receives the id.
 * @param version a wetee_ton_wallet_version.
 * @param workchain the workchain.
 * @param network_global_id used by W5 only.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_wallet_default_id(uint32_t *out, int version, int32_t workchain, int32_t network_global_id);
/**
 * @brief A wallet: data cell (v3r2: seqno 0 ‖ wallet id ‖ key; v4r2: the
 *        same ‖ empty plugins; W5: 1 ‖ seqno 0 ‖ wallet id ‖ key ‖ empty
 *        extensions), its StateInit and address.
 * @param out receives the wallet; free with wetee_ton_wallet_free().
 * @param version a wetee_ton_wallet_version.
 * @param pub the 32-byte ed25519 public key (copied).
 * @param workchain the workchain (0 usually).
 * @param wallet_id the wallet (subwallet) id; see wetee_ton_wallet_default_id().
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_wallet_new(wetee_ton_wallet **out, int version, const uint8_t pub[32], int32_t workchain,
                                   uint32_t wallet_id);
/**
 * @brief Free a wallet.
 * @param w the wallet, or NULL (no-op).
 */
WETEE_API void wetee_ton_wallet_free(wetee_ton_wallet *w);
/**
 * @brief The wallet's address (hash of its StateInit).
 * @param out receives the address.
 * @param w the wallet.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_wallet_address(wetee_ton_address *out, const wetee_ton_wallet *w);
/**
 * @brief The wallet id the wallet was made with.
 * @param out receives the id.
 * @param w the wallet.
 * @return WETEE_OK or WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_wallet_id(uint32_t *out, const wetee_ton_wallet *w);
/**
 * @brief The wallet's StateInit cell (code and data), for deployment.
 * @param out receives the cell; the caller releases it.
 * @param w the wallet.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_wallet_state_init(wetee_ton_cell **out, const wetee_ton_wallet *w);

/**
 * @brief A highload wallet v3 (ton-blockchain/highload-wallet-contract-v3,
 *        for services that send many payments): data `public_key ‖
 *        subwallet_id:32 ‖ old_queries:(HashmapE) ‖ queries:(HashmapE) ‖
 *        last_clean_time:64 = 0 ‖ timeout:22`, code from the contract's
 *        published build (hash 11acad79…). Sign its requests with
 *        wetee_ton_highload_sign_message() or wetee_ton_highload_sign_batch(),
 *        not wetee_ton_wallet_sign_transfer().
 * @param out receives the wallet; free with wetee_ton_wallet_free().
 * @param pub the 32-byte ed25519 public key.
 * @param workchain the workchain.
 * @param subwallet_id usually WETEE_TON_HIGHLOAD_SUBWALLET_DEFAULT.
 * @param timeout seconds a query stays replay-protected, 1..2^22-1 (usually
 *        WETEE_TON_HIGHLOAD_TIMEOUT_DEFAULT).
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_wallet_new_highload_v3(wetee_ton_wallet **out, const uint8_t pub[32], int32_t workchain,
                                               uint32_t subwallet_id, uint32_t timeout);
/**
 * @brief Signed external body of a highload v3 request carrying one
 *        message: `signature ‖ ^(subwallet_id:32 ‖ ^message ‖ mode:8 ‖
 *        query_id:23 ‖ created_at:64 ‖ timeout:22)`.
 * @param out receives the body; wrap it with wetee_ton_wallet_external().
 * @param w a highload v3 wallet.
 * @param secret the 64-byte secret of the wallet's key.
 * @param query_id `shift:13 ‖ bit_number:10` (bit_number <= 1022); each id
 *        may be used once per timeout.
 * @param created_at Unix time of the request (a little in the past, as the
 *        contract rejects future times).
 * @param mode the send mode of the message.
 * @param message an internal message (wetee_ton_internal_message()).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (not a highload wallet, bad
 *         query id, secret of another key); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_ton_highload_sign_message(wetee_ton_cell **out, const wetee_ton_wallet *w, const uint8_t secret[64],
                                              uint32_t query_id, uint64_t created_at, unsigned mode,
                                              const wetee_ton_cell *message);
/**
 * @brief Signed external body of a highload v3 batch (up to 254 messages,
 *        each with its own mode), as \@tonkite/highload-wallet-v3
 *        `sendBatch`: an internal message to the wallet itself (bounce, value
 *        `value_per_batch`) with body `internal_transfer#ae42e5a4
 *        query_id:uint64 actions:^OutList`, sent with mode 1 when the value
 *        is non-zero, else 128.
 * @param out receives the body; wrap it with wetee_ton_wallet_external().
 * @param w a highload v3 wallet.
 * @param secret the 64-byte secret of the wallet's key.
 * @param query_id as wetee_ton_highload_sign_message().
 * @param created_at as wetee_ton_highload_sign_message().
 * @param t the messages.
 * @param value_per_batch nanotons attached to the internal message (0 usual).
 * @return as wetee_ton_highload_sign_message(); WETEE_ERR_OVERFLOW (more
 *         than 254 messages).
 */
WETEE_API int wetee_ton_highload_sign_batch(wetee_ton_cell **out, const wetee_ton_wallet *w, const uint8_t secret[64],
                                            uint32_t query_id, uint64_t created_at, const wetee_ton_transfer *t,
                                            wetee_u128 value_per_batch);

/**
 * @brief Start an empty list of messages for one transfer.
 * @param out receives the list; free with wetee_ton_transfer_free().
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_transfer_new(wetee_ton_transfer **out);
/**
 * @brief Free a transfer list and its references to the messages.
 * @param t the list, or NULL (no-op).
 */
WETEE_API void wetee_ton_transfer_free(wetee_ton_transfer *t);
/**
 * @brief Append a message (from wetee_ton_internal_message()) with its
 *        send mode (WETEE_TON_SEND_*; W5 adds +2 when signing).
 * @param t the list.
 * @param mode 0..255.
 * @param message the message cell (the list takes its own reference).
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (255 messages already);
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_transfer_add(wetee_ton_transfer *t, unsigned mode, const wetee_ton_cell *message);
/**
 * @brief Number of messages in a transfer list.
 * @param t the list (NULL gives 0).
 * @return the count.
 */
WETEE_API size_t wetee_ton_transfer_count(const wetee_ton_transfer *t);
/**
 * @brief The signed body of an external transfer request, byte-identical
 *        with \@ton/ton `createTransfer`: v3r2 `sig ‖ wallet_id ‖
 *        valid_until ‖ seqno ‖ (mode ^msg)*`, v4r2 the same with op 0
 *        after the seqno, W5 `"sign" ‖ wallet_id ‖ valid_until ‖ seqno ‖
 *        Maybe ^OutList ‖ 0 ‖ sig` (each mode + 2). The signature is
 *        Ed25519 over the representation hash of the signed part.
 * @param out receives the body; the caller releases it.
 * @param w the wallet.
 * @param secret the 64-byte ed25519 secret (seed ‖ public key) of the
 *        wallet's key (checked against it).
 * @param seqno the wallet's seqno (0 before deployment).
 * @param valid_until Unix time after which the request is void (usually now + 60).
 * @param t the messages: at most 4 for v3r2 and v4r2, 255 for W5; none is allowed.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (too many messages);
 *         WETEE_ERR_INVALID_ARGUMENT (NULL argument, secret of another
 *         key); WETEE_ERR_NO_MEMORY; WETEE_ERR_CRYPTO.
 */
WETEE_API int wetee_ton_wallet_sign_transfer(wetee_ton_cell **out, const wetee_ton_wallet *w, const uint8_t secret[64],
                                             uint32_t seqno, uint32_t valid_until, const wetee_ton_transfer *t);
/**
 * @brief The external message that carries `body` to the wallet, with the
 *        StateInit when `deploy` is non-zero (the first transfer deploys
 *        the wallet), laid out as \@ton/ton's `TonClient` sends it. Its BOC
 *        (wetee_ton_boc_serialize() with WETEE_TON_BOC_CRC32C) is what
 *        toncenter's sendBoc takes.
 * @param out receives the message cell; the caller releases it.
 * @param w the wallet.
 * @param body the signed body from wetee_ton_wallet_sign_transfer().
 * @param deploy non-zero to include the StateInit.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_wallet_external(wetee_ton_cell **out, const wetee_ton_wallet *w, const wetee_ton_cell *body,
                                        int deploy);

/* ------------------------------------------------------------------ */
/* Jettons (TEP-74)                                                    */
/* ------------------------------------------------------------------ */

/** @brief wetee_ton_jetton_transfer() flag: the forward payload inline (`0 Cell`) instead of `1 ^Cell`. */
#define WETEE_TON_JETTON_FORWARD_INLINE 1u
/** @brief Jetton wallet data of jetton-contract 2.0 (and USDT): `status:uint4 ‖ balance:Coins ‖ owner ‖ master`. */
#define WETEE_TON_JETTON_DATA_STATUS 1
/** @brief Jetton wallet data of the original token contract: `balance:Coins ‖ owner ‖ master ‖ ^wallet_code`. */
#define WETEE_TON_JETTON_DATA_CODE_REF 2

/**
 * @brief A jetton transfer body (`transfer#0f8a7ea5 query_id:uint64
 *        amount:Coins destination:MsgAddress response_destination:MsgAddress
 *        custom_payload:(Maybe ^Cell) forward_ton_amount:Coins
 *        forward_payload:(Either Cell ^Cell)`), to send in an internal
 *        message to the sender's own jetton wallet.
 * @param out receives the cell; the caller releases it.
 * @param query_id any 64-bit id.
 * @param amount jetton amount in its base units.
 * @param destination the recipient's main (owner) address.
 * @param response_destination where the excess TON returns, or NULL (addr_none).
 * @param custom_payload optional, or NULL.
 * @param forward_ton_amount nanotons forwarded with the transfer
 *        notification (which is sent only when non-zero).
 * @param forward_payload optional (e.g. wetee_ton_comment()); NULL stores
 *        an empty inline payload (bit 0).
 * @param flags 0 (payload as a reference) or WETEE_TON_JETTON_FORWARD_INLINE.
 * @return WETEE_OK; WETEE_ERR_OVERFLOW (an inline payload that does not
 *         fit, amounts above 2^120-1); WETEE_ERR_NO_MEMORY;
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_jetton_transfer(wetee_ton_cell **out, uint64_t query_id, wetee_u128 amount,
                                        const wetee_ton_address *destination,
                                        const wetee_ton_address *response_destination,
                                        const wetee_ton_cell *custom_payload, wetee_u128 forward_ton_amount,
                                        const wetee_ton_cell *forward_payload, unsigned flags);
/**
 * @brief The initial data cell of an owner's jetton wallet (balance 0).
 * @param out receives the cell; the caller releases it.
 * @param layout WETEE_TON_JETTON_DATA_STATUS or WETEE_TON_JETTON_DATA_CODE_REF.
 * @param owner the owner's address.
 * @param master the jetton master (minter) address.
 * @param wallet_code the jetton wallet code (needed by _CODE_REF; may be
 *        NULL for _STATUS).
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_jetton_wallet_data(wetee_ton_cell **out, int layout, const wetee_ton_address *owner,
                                           const wetee_ton_address *master, const wetee_ton_cell *wallet_code);
/**
 * @brief An owner's jetton wallet address computed locally:
 *        `master.workchain : hash(StateInit(wallet_code, data))`. The code is
 *        the one the master deploys (from its `get_jetton_data`), often a
 *        library cell (jetton-contract 2.0, USDT); pass it as it is.
 * @param out receives the address.
 * @param layout WETEE_TON_JETTON_DATA_STATUS or WETEE_TON_JETTON_DATA_CODE_REF.
 * @param owner the owner's address.
 * @param master the jetton master address.
 * @param wallet_code the jetton wallet code cell.
 * @return WETEE_OK; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_jetton_wallet_address(wetee_ton_address *out, int layout, const wetee_ton_address *owner,
                                              const wetee_ton_address *master, const wetee_ton_cell *wallet_code);

/* ------------------------------------------------------------------ */
/* Payments: a transfer of the coin or of a jetton with a text memo     */
/* ------------------------------------------------------------------ */

/**
 * @brief Default TON attached to the message that carries a jetton
 *        transfer to the payer's jetton wallet: 0.05 TON (50,000,000
 *        nanotons), what TON wallets attach. It pays the jetton wallets'
 *        gas, the storage reserve of a recipient jetton wallet that is
 *        deployed by the transfer, the forward fees and forward_ton_amount;
 *        the rest returns to the response destination as `excesses`.
 */
#define WETEE_TON_JETTON_ATTACHED_DEFAULT 50000000u
/**
 * @brief Default forward_ton_amount of a jetton payment: 1 nanoton. A
 *        non-zero amount makes the recipient's jetton wallet send the
 *        owner a `transfer_notification` carrying the memo, which wallets
 *        and indexers show; raise it when the recipient is a contract that
 *        must act on the notification.
 */
#define WETEE_TON_JETTON_FORWARD_DEFAULT 1u
/** @brief Largest payment memo, in bytes of UTF-8 (a snake comment of at most 9 cells). */
#define WETEE_TON_MEMO_MAX_BYTES 1024u

/** @brief Version of wetee_ton_payment_options understood by this release. */
#define WETEE_TON_PAYMENT_OPTIONS_VERSION 1u

/** @brief Options of wetee_ton_payment_message(); start from WETEE_TON_PAYMENT_OPTIONS_INIT. */
typedef struct wetee_ton_payment_options {
    unsigned version;              /**< WETEE_TON_PAYMENT_OPTIONS_VERSION */
    int bounce;                    /**< coin payments: non-zero (default) sends a bounceable message, which
                                        returns to the payer if the recipient does not exist or fails; 0
                                        credits even an account that is not deployed yet (`UQ…`
                                        addresses ask for that). Jetton payments always bounce. */
    uint64_t query_id;             /**< jetton transfer query_id (default 0) */
    wetee_u128 jetton_ton_amount;  /**< TON attached to a jetton transfer (default WETEE_TON_JETTON_ATTACHED_DEFAULT) */
    wetee_u128 forward_ton_amount; /**< jetton forward_ton_amount (default WETEE_TON_JETTON_FORWARD_DEFAULT) */
    const wetee_ton_address *response_destination; /**< jetton excess TON goes here; NULL: `payer` */
} wetee_ton_payment_options;

/** @brief Defaults: bounceable, query id 0, 0.05 TON attached to jetton transfers, 1 nanoton forwarded. */
#define WETEE_TON_PAYMENT_OPTIONS_INIT                                                                   \
    { WETEE_TON_PAYMENT_OPTIONS_VERSION, 1, 0, { WETEE_TON_JETTON_ATTACHED_DEFAULT, 0 },               \
      { WETEE_TON_JETTON_FORWARD_DEFAULT, 0 }, NULL }

/**
 * @brief The internal message a wallet sends for a payment with a memo.
 *
 * Coin (`jetton_wallet` NULL): `amount` nanotons to `to`, body the text
 * comment of `memo` (`0:uint32` then the UTF-8 bytes as a snake string;
 * memos longer than fits one cell continue in references).
 *
 * Jetton (`jetton_wallet` given): the TEP-74 `transfer#0f8a7ea5` of
 * `amount` base units to the owner `to`, sent with
 * `opts->jetton_ton_amount` (bounceable) to the payer's own jetton wallet
 * (wetee_toncenter_jetton_wallet_address() or
 * wetee_ton_jetton_wallet_address()); `response_destination` the payer (or
 * the option), no custom payload, `forward_ton_amount` from the options and
 * the memo's comment as the forward payload in a reference (`1 ^Cell`); no
 * memo: an empty inline payload.
 *
 * @param out receives the message cell (for wetee_ton_transfer_add() or
 *        wetee_ton_wallet_sign_payment()); the caller releases it.
 * @param payer the paying wallet's address (jettons: the default response
 *        destination; may be NULL for a coin payment).
 * @param jetton_wallet the payer's jetton wallet, or NULL for the coin.
 * @param to the recipient: an account (coin) or the recipient owner's main
 *        address (jetton; its jetton wallet is derived by the contracts).
 * @param amount nanotons (coin, at least 1) or jetton base units (below 2^120).
 * @param memo the memo, UTF-8 (the order reference); may be NULL when
 *        memo_len is 0 (no comment: an empty body).
 * @param memo_len its length in bytes, at most WETEE_TON_MEMO_MAX_BYTES.
 * @param opts options, or NULL for WETEE_TON_PAYMENT_OPTIONS_INIT.
 * @return WETEE_OK; WETEE_ERR_DECODE (memo not UTF-8, the offset in the
 *         detail); WETEE_ERR_TOO_LONG (memo); WETEE_ERR_OVERFLOW (amount
 *         above 2^120-1); WETEE_ERR_INVALID_ARGUMENT (NULL argument, zero
 *         amount, NULL payer of a jetton payment, unknown options
 *         version); WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_ton_payment_message(wetee_ton_cell **out, const wetee_ton_address *payer,
                                        const wetee_ton_address *jetton_wallet, const wetee_ton_address *to,
                                        wetee_u128 amount, const char *memo, size_t memo_len,
                                        const wetee_ton_payment_options *opts);
/**
 * @brief The memo of a payment message or body: the text comment of a coin
 *        transfer (`0:uint32` + snake UTF-8), or the comment in the forward
 *        payload of a jetton `transfer#0f8a7ea5` or
 *        `transfer_notification#7362d09c` (inline or in a reference).
 * @param out replaced with the memo (NUL-terminated; empty when the body
 *        carries no comment).
 * @param cell a message (`int_msg_info`, whose body is read) or a bare body.
 * @param is_message non-zero when `cell` is a whole internal message.
 * @return WETEE_OK; WETEE_ERR_NOT_FOUND (a body that is neither a comment
 *         nor a jetton transfer/notification, or a forward payload that is
 *         not a comment); WETEE_ERR_DECODE (text not UTF-8, bad snake
 *         string, malformed message); WETEE_ERR_TRUNCATED;
 *         WETEE_ERR_INVALID_ARGUMENT; WETEE_ERR_NO_MEMORY.
 */
WETEE_API int wetee_ton_payment_memo(wetee_buf *out, const wetee_ton_cell *cell, int is_message);
/**
 * @brief Sign one message for a wallet and wrap it as the external message
 *        to send, with its TEP-467 normalised hash for tracking
 *        (wetee_toncenter_confirm()). Seqno 0 includes the StateInit (the
 *        first transfer deploys the wallet).
 * @param ext receives the external message (serialise with
 *        wetee_ton_boc_serialize(..., WETEE_TON_BOC_CRC32C) for sendBoc);
 *        the caller releases it.
 * @param normalized_hash receives the message's normalised hash, or NULL.
 * @param w the wallet (v3r2, v4r2 or W5).
 * @param secret the wallet key's 64-byte ed25519 secret (checked against it).
 * @param seqno the wallet's current seqno (wetee_toncenter_seqno()).
 * @param valid_until Unix time after which the request is void.
 * @param mode the send mode (WETEE_TON_SEND_DEFAULT: fees paid separately,
 *        errors ignored; W5 adds +2 itself).
 * @param message the internal message (wetee_ton_payment_message()).
 * @return WETEE_OK; WETEE_ERR_INVALID_ARGUMENT (NULL argument, a highload
 *         wallet, a secret of another key, mode above 255);
 *         WETEE_ERR_NO_MEMORY; WETEE_ERR_CRYPTO.
 */
WETEE_API int wetee_ton_wallet_sign_payment(wetee_ton_cell **ext, uint8_t normalized_hash[32],
                                            const wetee_ton_wallet *w, const uint8_t secret[64], uint32_t seqno,
                                            uint32_t valid_until, unsigned mode, const wetee_ton_cell *message);

/* ------------------------------------------------------------------ */
/* Tracking and TON Connect                                            */
/* ------------------------------------------------------------------ */

/**
 * @brief The TEP-467 normalised hash of an inbound external message: the
 *        representation hash of the message rebuilt with `src = addr_none`,
 *        `import_fee = 0`, no `init` and the body always as a reference
 *        (the destination and the body are kept as they are). toncenter v3
 *        and other indexers find the transaction a sent message caused by
 *        this hash, whatever form (inline body, StateInit, source) the
 *        sender chose.
 * @param out caller buffer of 32 bytes.
 * @param message the external message cell (e.g. from
 *        wetee_ton_wallet_external(), or wetee_ton_boc_parse_base64() of
 *        the BOC a TON Connect wallet returned).
 * @return WETEE_OK; WETEE_ERR_DECODE (not `ext_in_msg_info$10`, a source
 *         that is an internal address, a bad destination or StateInit);
 *         WETEE_ERR_TRUNCATED (the message ends early); WETEE_ERR_TRAILING
 *         (data after a body reference); WETEE_ERR_NO_MEMORY;
 *         WETEE_ERR_INVALID_ARGUMENT (NULL argument).
 */
WETEE_API int wetee_ton_message_normalized_hash(uint8_t out[32], const wetee_ton_cell *message);

/**
 * @brief The public key of a wallet, read from its StateInit: the code must
 *        be wallet v3r2, v4r2 or W5 (compared by code hash), the key is at
 *        bit 64 of the data cell (v3r2, v4r2: after seqno and wallet id) or
 *        bit 65 (W5: after the signature-allowed bit and seqno).
 * @param pub receives the 32-byte ed25519 public key.
 * @param version receives the wetee_ton_wallet_version, or NULL.
 * @param state_init the StateInit cell (e.g. the `walletStateInit` of a TON
 *        Connect account).
 * @return WETEE_OK; WETEE_ERR_UNSUPPORTED (another contract: ask its
 *         get_public_key get-method instead); WETEE_ERR_DECODE (not a
 *         StateInit, no code or data); WETEE_ERR_TRUNCATED (data too short);
 *         WETEE_ERR_TRAILING; WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_state_init_public_key(uint8_t pub[32], int *version, const wetee_ton_cell *state_init);

/**
 * @brief The 32-byte digest a TON Connect wallet signs for `ton_proof`:
 *        `SHA-256(ff ff ‖ "ton-connect" ‖ SHA-256(msg))` with `msg =
 *        "ton-proof-item-v2/" ‖ workchain:int32 BE ‖ address hash ‖
 *        domain_len:uint32 LE ‖ domain ‖ timestamp:uint64 LE ‖ payload`.
 * @param out caller buffer of 32 bytes.
 * @param address the wallet address.
 * @param domain the dApp domain (UTF-8 bytes; may be NULL when domain_len is 0).
 * @param domain_len its length in bytes, at most 4096.
 * @param timestamp Unix seconds of the proof.
 * @param payload the payload the dApp issued (bytes; may be NULL when payload_len is 0).
 * @param payload_len its length, at most 4096.
 * @return WETEE_OK; WETEE_ERR_TOO_LONG (domain or payload over 4096 bytes);
 *         WETEE_ERR_NO_MEMORY; WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_proof_hash(uint8_t out[32], const wetee_ton_address *address, const char *domain,
                                   size_t domain_len, uint64_t timestamp, const char *payload, size_t payload_len);

/**
 * @brief Verify a TON Connect `ton_proof`: the domain equals
 *        `expected_domain`, `|now - timestamp| <= max_age`, the StateInit
 *        hashes to the address, its code is wallet v3r2, v4r2 or W5 and the
 *        signature verifies with the key in its data
 *        (wetee_ton_state_init_public_key()). The caller still checks that
 *        the payload is one it issued and has not used.
 * @param pub_out receives the wallet's public key on success, or NULL.
 * @param address the account address of the reply.
 * @param state_init the account's StateInit (`walletStateInit`).
 * @param domain the proof's domain value (bytes).
 * @param domain_len its length in bytes (at most 4096).
 * @param timestamp the proof's timestamp (Unix seconds).
 * @param payload the proof's payload (bytes).
 * @param payload_len its length (at most 4096).
 * @param signature the 64-byte signature (base64-decoded).
 * @param expected_domain the dApp's own domain (NUL-terminated), compared byte for byte.
 * @param now the current Unix time (a parameter: the function reads no clock).
 * @param max_age the largest accepted distance of timestamp from now, in seconds.
 * @return WETEE_OK; WETEE_ERR_VERIFY (other domain, timestamp out of the
 *         window, StateInit of another address, bad signature; the detail
 *         says which); WETEE_ERR_UNSUPPORTED (not a known wallet);
 *         WETEE_ERR_DECODE, WETEE_ERR_TRUNCATED, WETEE_ERR_TRAILING (bad
 *         StateInit); WETEE_ERR_TOO_LONG; WETEE_ERR_NO_MEMORY;
 *         WETEE_ERR_INVALID_ARGUMENT.
 */
WETEE_API int wetee_ton_proof_verify(uint8_t pub_out[32], const wetee_ton_address *address,
                                     const wetee_ton_cell *state_init, const char *domain, size_t domain_len,
                                     uint64_t timestamp, const char *payload, size_t payload_len,
                                     const uint8_t signature[64], const char *expected_domain, uint64_t now,
                                     uint64_t max_age);

/**
 * @brief wetee_ton_proof_verify() on the JSON a dApp front end forwards
 *        after a TON Connect login (the shape of the ton-connect demo
 *        backend): `{"address": "0:…", "network": "-239", "public_key": "hex",
 *        "proof": {"timestamp": 1747303893, "domain": {"lengthBytes": 21,
 *        "value": "…"}, "payload": "…", "signature": "base64", "state_init":
 *        "base64 BOC"}}`. `timestamp` (and `lengthBytes`) may be a number
 *        or a string of decimal digits, as wallets send both; `lengthBytes`
 *        must equal the domain's UTF-8 length; `public_key` is optional and,
 *        when present, must be the key in the StateInit; `state_init` may
 *        instead be at the top level, or be the top-level `walletStateInit`
 *        (the TON Connect account field); the address may be raw
 *        or user-friendly; other members are ignored; duplicate keys are
 *        rejected.
 * @param pub_out receives the wallet's public key on success, or NULL.
 * @param address_out receives the wallet address on success, or NULL.
 * @param payload_out replaced with the payload (NUL-terminated) on success,
 *        for the caller's check that it issued it; or NULL.
 * @param json the JSON text (may lie inside payload_out's buffer).
 * @param json_len its length, at most 1 MiB.
 * @param expected_domain as wetee_ton_proof_verify().
 * @param now as wetee_ton_proof_verify().
 * @param max_age as wetee_ton_proof_verify().
 * @return as wetee_ton_proof_verify(); WETEE_ERR_DECODE also for malformed
 *         JSON, a missing or mistyped member, a signature that is not 64
 *         bytes of base64, a bad address or BOC (their own errors too);
 *         WETEE_ERR_VERIFY also for a public_key other than the wallet's.
 */
WETEE_API int wetee_ton_proof_verify_json(uint8_t pub_out[32], wetee_ton_address *address_out, wetee_buf *payload_out,
                                          const char *json, size_t json_len, const char *expected_domain,
                                          uint64_t now, uint64_t max_age);

#ifdef __cplusplus
}
#endif

#endif /* WETEE_TON_H */
