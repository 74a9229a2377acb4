/* BLAKE3, portable C, written from the BLAKE3 specification
 * (O'Connor, Aumasson, Neves, Wilcox-O'Hearn, 2020-01-09):
 *   section 2.1  the compression function (7 rounds of the BLAKE2s G mixing
 *                with the fixed message permutation, 16-word output),
 *   section 2.2  modes and domain flags,
 *   section 2.3  chunk chaining (1024-byte chunks of 64-byte blocks),
 *   section 2.4  the binary tree of parent nodes (left subtrees are the
 *                largest power of two of chunks),
 *   section 2.6  extendable output from the root node (output block counter),
 *   section 5.1.2 incremental hashing with a stack of chaining values that
 *                is merged as soon as a subtree is complete (the number of
 *                stacked values equals the popcount of the chunks done).
 *
 * Every multi-byte word is little-endian. */
#include "internal/common.h"
#include "wetee/hash.h"

#define B3_BLOCK_LEN 64
#define B3_CHUNK_LEN 1024
/* 2^64 bytes of input are at most 2^54 chunks, so the stack never holds
 * more than 54 chaining values. */
#define B3_MAX_DEPTH 54

enum {
    B3_CHUNK_START = 1u << 0,
    B3_CHUNK_END = 1u << 1,
    B3_PARENT = 1u << 2,
    B3_ROOT = 1u << 3,
    B3_KEYED_HASH = 1u << 4,
    B3_DERIVE_KEY_CONTEXT = 1u << 5,
    B3_DERIVE_KEY_MATERIAL = 1u << 6
};

/* The SHA-256 initial hash value, as BLAKE3 uses it. */
static const uint32_t b3_iv[8] = { 0x6A09E667u, 0xBB67AE85u, 0x3C6EF372u, 0xA54FF53Au,
                                   0x510E527Fu, 0x9B05688Cu, 0x1F83D9ABu, 0x5BE0CD19u };

/* Message word order of each round: row r is the permutation
 * (2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8) applied r times. */
static const uint8_t b3_schedule[7][16] = {
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
    { 2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8 },
    { 3, 4, 10, 12, 13, 2, 7, 14, 6, 5, 9, 0, 11, 15, 8, 1 },
    { 10, 7, 12, 9, 14, 3, 13, 15, 4, 0, 11, 2, 5, 8, 1, 6 },
    { 12, 13, 9, 11, 15, 10, 14, 8, 7, 2, 5, 3, 0, 1, 6, 4 },
    { 9, 14, 11, 5, 8, 12, 15, 1, 13, 3, 0, 10, 2, 6, 4, 7 },
    { 11, 15, 5, 0, 1, 9, 8, 6, 14, 10, 2, 12, 3, 4, 7, 13 },
};

#define ROR32(v, n) (((v) >> (n)) | ((v) << (32 - (n))))

#define B3_G(a, b, c, d, x, y)                                                                     \
    do {                                                                                           \
        s[a] = s[a] + s[b] + (x);                                                                  \
        s[d] = ROR32(s[d] ^ s[a], 16);                                                             \
        s[c] = s[c] + s[d];                                                                        \
        s[b] = ROR32(s[b] ^ s[c], 12);                                                             \
        s[a] = s[a] + s[b] + (y);                                                                  \
        s[d] = ROR32(s[d] ^ s[a], 8);                                                              \
        s[c] = s[c] + s[d];                                                                        \
        s[b] = ROR32(s[b] ^ s[c], 7);                                                              \
    } while (0)

/* One round: the four column steps, then the four diagonal steps. */
#define B3_ROUND(r)                                                                                \
    do {                                                                                           \
        const uint8_t *sc = b3_schedule[r];                                                        \
        B3_G(0, 4, 8, 12, m[sc[0]], m[sc[1]]);                                                     \
        B3_G(1, 5, 9, 13, m[sc[2]], m[sc[3]]);                                                     \
        B3_G(2, 6, 10, 14, m[sc[4]], m[sc[5]]);                                                    \
        B3_G(3, 7, 11, 15, m[sc[6]], m[sc[7]]);                                                    \
        B3_G(0, 5, 10, 15, m[sc[8]], m[sc[9]]);                                                    \
        B3_G(1, 6, 11, 12, m[sc[10]], m[sc[11]]);                                                  \
        B3_G(2, 7, 8, 13, m[sc[12]], m[sc[13]]);                                                   \
        B3_G(3, 4, 9, 14, m[sc[14]], m[sc[15]]);                                                   \
    } while (0)

/* The compression function with its full 16-word output:
 * out[0..7] = s[0..7] ^ s[8..15] (the new chaining value),
 * out[8..15] = s[8..15] ^ cv[0..7] (only the extended output uses it). */
static void b3_compress(const uint32_t cv[8], const uint8_t block[B3_BLOCK_LEN], uint32_t block_len,
                        uint64_t counter, uint32_t flags, uint32_t out[16])
{
    uint32_t m[16], s[16];
    int i;
    for (i = 0; i < 16; i++) m[i] = wt_load_le32(block + 4 * i);
    for (i = 0; i < 8; i++) s[i] = cv[i];
    s[8] = b3_iv[0];
    s[9] = b3_iv[1];
    s[10] = b3_iv[2];
    s[11] = b3_iv[3];
    s[12] = (uint32_t)counter;
    s[13] = (uint32_t)(counter >> 32);
    s[14] = block_len;
    s[15] = flags;
    B3_ROUND(0);
    B3_ROUND(1);
    B3_ROUND(2);
    B3_ROUND(3);
    B3_ROUND(4);
    B3_ROUND(5);
    B3_ROUND(6);
    for (i = 0; i < 8; i++) {
        out[i] = s[i] ^ s[i + 8];
        out[i + 8] = s[i + 8] ^ cv[i];
    }
}

/* Chaining value only (first 8 output words). */
static void b3_compress_cv(uint32_t cv[8], const uint8_t block[B3_BLOCK_LEN], uint32_t block_len,
                           uint64_t counter, uint32_t flags)
{
    uint32_t out[16];
    b3_compress(cv, block, block_len, counter, flags, out);
    memcpy(cv, out, 8 * sizeof(uint32_t));
}

/* ------------------------------------------------------------------ */
/* Chunk state                                                         */
/* ------------------------------------------------------------------ */

typedef struct b3_chunk {
    uint32_t cv[8];
    uint64_t counter;          /* index of this chunk */
    uint8_t buf[B3_BLOCK_LEN]; /* pending block, compressed only once more input follows */
    uint32_t buf_len;
    uint32_t blocks_done; /* blocks of this chunk already compressed */
    uint32_t flags;       /* mode flags (keyed / derive-key) */
} b3_chunk;

/* The inputs of a final compression, kept so that the root can be
 * re-compressed with the ROOT flag for any output block counter. */
typedef struct b3_output {
    uint32_t cv[8];
    uint8_t block[B3_BLOCK_LEN];
    uint32_t block_len;
    uint64_t counter;
    uint32_t flags;
} b3_output;

static void b3_chunk_init(b3_chunk *c, const uint32_t key[8], uint64_t counter, uint32_t flags)
{
    memcpy(c->cv, key, sizeof c->cv);
    c->counter = counter;
    memset(c->buf, 0, sizeof c->buf);
    c->buf_len = 0;
    c->blocks_done = 0;
    c->flags = flags;
}

static size_t b3_chunk_len(const b3_chunk *c) { return (size_t)c->blocks_done * B3_BLOCK_LEN + c->buf_len; }

static uint32_t b3_chunk_start_flag(const b3_chunk *c) { return c->blocks_done == 0 ? B3_CHUNK_START : 0; }

/* Absorb at most the bytes that still fit in this chunk (the caller
 * guarantees len <= B3_CHUNK_LEN - b3_chunk_len(c)). A full block is kept
 * buffered until more input arrives: the last block of a chunk needs
 * CHUNK_END, and possibly ROOT. */
static void b3_chunk_update(b3_chunk *c, const uint8_t *data, size_t len)
{
    while (len > 0) {
        size_t take;
        if (c->buf_len == B3_BLOCK_LEN) {
            b3_compress_cv(c->cv, c->buf, B3_BLOCK_LEN, c->counter, c->flags | b3_chunk_start_flag(c));
            c->blocks_done++;
            c->buf_len = 0;
            memset(c->buf, 0, sizeof c->buf);
        }
        /* Whole blocks straight from the input while more input follows them. */
        while (c->buf_len == 0 && len > B3_BLOCK_LEN) {
            b3_compress_cv(c->cv, data, B3_BLOCK_LEN, c->counter, c->flags | b3_chunk_start_flag(c));
            c->blocks_done++;
            data += B3_BLOCK_LEN;
            len -= B3_BLOCK_LEN;
        }
        take = B3_BLOCK_LEN - c->buf_len;
        if (take > len) take = len;
        memcpy(c->buf + c->buf_len, data, take);
        c->buf_len += (uint32_t)take;
        data += take;
        len -= take;
    }
}

static void b3_chunk_output(const b3_chunk *c, b3_output *o)
{
    memcpy(o->cv, c->cv, sizeof o->cv);
    memcpy(o->block, c->buf, sizeof o->block); /* bytes past buf_len are zero */
    o->block_len = c->buf_len;
    o->counter = c->counter;
    o->flags = c->flags | b3_chunk_start_flag(c) | B3_CHUNK_END;
}

static void b3_output_cv(const b3_output *o, uint32_t cv[8])
{
    memcpy(cv, o->cv, 8 * sizeof(uint32_t));
    b3_compress_cv(cv, o->block, o->block_len, o->counter, o->flags);
}

static void b3_parent_output(b3_output *o, const uint32_t left[8], const uint32_t right[8],
                             const uint32_t key[8], uint32_t flags)
{
    int i;
    memcpy(o->cv, key, sizeof o->cv);
    for (i = 0; i < 8; i++) {
        wt_store_le32(o->block + 4 * i, left[i]);
        wt_store_le32(o->block + 32 + 4 * i, right[i]);
    }
    o->block_len = B3_BLOCK_LEN;
    o->counter = 0;
    o->flags = flags | B3_PARENT;
}

/* Extended output: root compressions with output block counter 0, 1, ... */
static void b3_output_root(const b3_output *o, uint8_t *out, size_t out_len)
{
    uint64_t block_counter = 0;
    uint32_t words[16];
    uint8_t tmp[B3_BLOCK_LEN];
    int i;
    while (out_len > 0) {
        b3_compress(o->cv, o->block, o->block_len, block_counter, o->flags | B3_ROOT, words);
        if (out_len >= B3_BLOCK_LEN) {
            for (i = 0; i < 16; i++) wt_store_le32(out + 4 * i, words[i]);
            out += B3_BLOCK_LEN;
            out_len -= B3_BLOCK_LEN;
        } else {
            for (i = 0; i < 16; i++) wt_store_le32(tmp + 4 * i, words[i]);
            memcpy(out, tmp, out_len);
            out_len = 0;
        }
        block_counter++;
    }
    wetee_wipe(words, sizeof words);
    wetee_wipe(tmp, sizeof tmp);
}

/* ------------------------------------------------------------------ */
/* Hasher                                                              */
/* ------------------------------------------------------------------ */

struct wetee_blake3 {
    uint32_t key[8];
    uint32_t flags;
    b3_chunk chunk;
    size_t stack_len;
    uint32_t stack[B3_MAX_DEPTH][8];
};

static void b3_init(wetee_blake3 *h, const uint32_t key[8], uint32_t flags)
{
    memcpy(h->key, key, sizeof h->key);
    h->flags = flags;
    b3_chunk_init(&h->chunk, key, 0, flags);
    h->stack_len = 0;
}

static void b3_init_key_bytes(wetee_blake3 *h, const uint8_t key[32], uint32_t flags)
{
    uint32_t words[8];
    int i;
    for (i = 0; i < 8; i++) words[i] = wt_load_le32(key + 4 * i);
    b3_init(h, words, flags);
    wetee_wipe(words, sizeof words);
}

/* Push the chaining value of a completed chunk; `total_chunks` counts the
 * chunks completed so far, this one included. Every trailing zero bit of
 * that count is a subtree that is now complete: merge it with the value on
 * top of the stack. Only called when more input follows, so none of these
 * parents can be the root. */
static void b3_push_chunk_cv(wetee_blake3 *h, uint32_t cv[8], uint64_t total_chunks)
{
    b3_output parent;
    while ((total_chunks & 1) == 0) {
        h->stack_len--;
        b3_parent_output(&parent, h->stack[h->stack_len], cv, h->key, h->flags);
        b3_output_cv(&parent, cv);
        total_chunks >>= 1;
    }
    memcpy(h->stack[h->stack_len], cv, 8 * sizeof(uint32_t));
    h->stack_len++;
}

static void b3_update(wetee_blake3 *h, const uint8_t *data, size_t len)
{
    while (len > 0) {
        size_t take;
        if (b3_chunk_len(&h->chunk) == B3_CHUNK_LEN) {
            b3_output o;
            uint32_t cv[8];
            uint64_t total = h->chunk.counter + 1;
            b3_chunk_output(&h->chunk, &o);
            b3_output_cv(&o, cv);
            b3_push_chunk_cv(h, cv, total);
            b3_chunk_init(&h->chunk, h->key, total, h->flags);
        }
        take = B3_CHUNK_LEN - b3_chunk_len(&h->chunk);
        if (take > len) take = len;
        b3_chunk_update(&h->chunk, data, take);
        data += take;
        len -= take;
    }
}

/* Fold the stack into the root from the right; the hasher is not changed. */
static void b3_finalize(const wetee_blake3 *h, uint8_t *out, size_t out_len)
{
    b3_output o;
    size_t n = h->stack_len;
    b3_chunk_output(&h->chunk, &o);
    while (n > 0) {
        uint32_t right[8];
        n--;
        b3_output_cv(&o, right);
        b3_parent_output(&o, h->stack[n], right, h->key, h->flags);
    }
    b3_output_root(&o, out, out_len);
    wetee_wipe(&o, sizeof o);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

size_t wetee_blake3_bytes(void) { return WETEE_BLAKE3_BYTES; }

int wetee_hash_blake3(uint8_t *out, size_t out_len, const uint8_t *data, size_t len)
{
    wetee_blake3 h;
    WT_ARG(out != NULL, "hash", "out is NULL");
    WT_ARG(out_len > 0, "hash", "out_len must be at least 1");
    WT_ARG_OUT_LEN(out_len, "hash");
    WT_ARG_DATA(data, len, "hash");
    b3_init(&h, b3_iv, 0);
    b3_update(&h, data, len);
    b3_finalize(&h, out, out_len);
    wetee_wipe(&h, sizeof h);
    return WETEE_OK;
}

int wetee_hash_blake3_keyed(uint8_t *out, size_t out_len, const uint8_t key[32], const uint8_t *data,
                            size_t len)
{
    wetee_blake3 h;
    WT_ARG(out != NULL, "hash", "out is NULL");
    WT_ARG(out_len > 0, "hash", "out_len must be at least 1");
    WT_ARG_OUT_LEN(out_len, "hash");
    WT_ARG(key != NULL, "hash", "key is NULL");
    WT_ARG_DATA(data, len, "hash");
    b3_init_key_bytes(&h, key, B3_KEYED_HASH);
    b3_update(&h, data, len);
    b3_finalize(&h, out, out_len);
    wetee_wipe(&h, sizeof h);
    return WETEE_OK;
}

int wetee_hash_blake3_derive_key(uint8_t *out, size_t out_len, const char *context, size_t context_len,
                                 const uint8_t *material, size_t material_len)
{
    wetee_blake3 h;
    uint8_t context_key[WETEE_BLAKE3_KEY_BYTES];
    WT_ARG(out != NULL, "hash", "out is NULL");
    WT_ARG(out_len > 0, "hash", "out_len must be at least 1");
    WT_ARG_OUT_LEN(out_len, "hash");
    WT_ARG_DATA(context, context_len, "hash");
    WT_ARG_DATA(material, material_len, "hash");
    /* The context string, hashed in its own mode, keys the material hash. */
    b3_init(&h, b3_iv, B3_DERIVE_KEY_CONTEXT);
    b3_update(&h, (const uint8_t *)context, context_len);
    b3_finalize(&h, context_key, sizeof context_key);
    b3_init_key_bytes(&h, context_key, B3_DERIVE_KEY_MATERIAL);
    b3_update(&h, material, material_len);
    b3_finalize(&h, out, out_len);
    wetee_wipe(&h, sizeof h);
    wetee_wipe(context_key, sizeof context_key);
    return WETEE_OK;
}

int wetee_blake3_new(wetee_blake3 **out, const uint8_t *key)
{
    wetee_blake3 *h;
    WT_ARG(out != NULL, "hash", "out is NULL");
    *out = NULL;
    h = wt_malloc(sizeof *h);
    if (h == NULL) return wt_error(WETEE_ERR_NO_MEMORY, "hash: %s: out of memory", __func__);
    if (key != NULL) b3_init_key_bytes(h, key, B3_KEYED_HASH);
    else b3_init(h, b3_iv, 0);
    *out = h;
    return WETEE_OK;
}

int wetee_blake3_update(wetee_blake3 *h, const uint8_t *data, size_t len)
{
    WT_ARG(h != NULL, "hash", "h is NULL");
    WT_ARG_DATA(data, len, "hash");
    b3_update(h, data, len);
    return WETEE_OK;
}

int wetee_blake3_finalize(const wetee_blake3 *h, uint8_t *out, size_t out_len)
{
    WT_ARG(h != NULL, "hash", "h is NULL");
    WT_ARG(out != NULL, "hash", "out is NULL");
    WT_ARG(out_len > 0, "hash", "out_len must be at least 1");
    WT_ARG_OUT_LEN(out_len, "hash");
    b3_finalize(h, out, out_len);
    return WETEE_OK;
}

void wetee_blake3_free(wetee_blake3 *h)
{
    if (h != NULL) wt_free_secure(h, sizeof *h);
}
