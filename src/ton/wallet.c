/* Wallet contracts v3r2, v4r2 and v5r1: state init, addresses, signed
 * external transfers (ton-org/ton src/wallets, createWalletTransfer.ts),
 * internal and external messages as @ton/core storeMessageRelaxed /
 * storeMessage lay them out, text comments. */
#include <sodium.h>

#include "ton/ton_impl.h"
#include "wetee/hash.h"
#include "wetee/keys.h"

#include "ton/wallet_code.inc"

#define V5R1_SIGN_OP 0x7369676eu
#define ACTION_SEND_MSG 0x0ec3c86du
#define TRANSFER_MAX 255

struct wetee_ton_wallet {
    int version;
    uint32_t timeout; /* highload v3 */
    int32_t workchain;
    uint32_t wallet_id;
    uint8_t pub[32];
    wetee_ton_cell *code, *data;
    wetee_ton_address address;
};

struct wetee_ton_transfer {
    size_t n;
    uint8_t modes[TRANSFER_MAX];
    wetee_ton_cell *msgs[TRANSFER_MAX];
};

static int version_ok(int v) { return v == WETEE_TON_WALLET_V3R2 || v == WETEE_TON_WALLET_V4R2 || v == WETEE_TON_WALLET_V5R1; }
static int code_ok(int v) { return version_ok(v) || v == WETEE_TON_WALLET_HIGHLOAD_V3; }

int wetee_ton_wallet_code(wetee_ton_cell **out, int version)
{
    const char *hex;
    wetee_buf bin = WETEE_BUF_INIT;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(code_ok(version), MOD, "unknown wallet version");
    hex = version == WETEE_TON_WALLET_V3R2   ? wallet_code_v3r2
          : version == WETEE_TON_WALLET_V4R2 ? wallet_code_v4r2
          : version == WETEE_TON_WALLET_V5R1 ? wallet_code_v5r1
                                             : wallet_code_highload_v3;
    rc = wetee_hex_decode(&bin, hex, strlen(hex));
    if (rc == WETEE_OK) rc = wetee_ton_boc_parse(out, bin.data, bin.len, NULL);
    wetee_buf_free(&bin);
    return rc;
}

int wetee_ton_wallet_v5r1_id(uint32_t *out, int32_t network_global_id, int32_t workchain, uint32_t subwallet_number)
{
    uint32_t context;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(workchain >= -128 && workchain <= 127, MOD, "workchain outside int8");
    WT_ARG(subwallet_number < (1u << 15), MOD, "subwallet_number above 32767");
    context = (1u << 31) | ((uint32_t)(workchain & 0xff) << 23) | (0u << 15) | subwallet_number;
    *out = (uint32_t)network_global_id ^ context;
    return WETEE_OK;
}

int wetee_ton_wallet_default_id(uint32_t *out, int version, int32_t workchain, int32_t network_global_id)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(version_ok(version), MOD, "unknown wallet version");
    if (version == WETEE_TON_WALLET_V5R1) return wetee_ton_wallet_v5r1_id(out, network_global_id, workchain, 0);
    *out = (uint32_t)(698983191 + workchain);
    return WETEE_OK;
}

/* Data cell from the builder (cleared), code, address; frees `w` on error. */
static int wallet_finish(wetee_ton_wallet **out, wetee_ton_wallet *w, wetee_ton_builder *b)
{
    int rc = wetee_ton_builder_end(&w->data, b);
    ton_builder_clear(b);
    if (rc == WETEE_OK) rc = wetee_ton_wallet_code(&w->code, w->version);
    if (rc == WETEE_OK) rc = wetee_ton_address_from_state_init(&w->address, w->workchain, w->code, w->data);
    if (rc) { wetee_ton_wallet_free(w); return rc; }
    *out = w;
    return WETEE_OK;
}

int wetee_ton_wallet_new(wetee_ton_wallet **out, int version, const uint8_t pub[32], int32_t workchain, uint32_t wallet_id)
{
    wetee_ton_wallet *w;
    wetee_ton_builder b;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(version_ok(version), MOD, "unknown wallet version");
    WT_ARG(pub != NULL, MOD, "pub is NULL");
    w = wt_calloc(1, sizeof *w);
    if (w == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for a wallet");
    w->version = version;
    w->workchain = workchain;
    w->wallet_id = wallet_id;
    memcpy(w->pub, pub, 32);
    ton_builder_init(&b);
    if (version == WETEE_TON_WALLET_V5R1) {
        wetee_ton_builder_store_uint(&b, 1, 1); /* signature auth allowed */
        wetee_ton_builder_store_uint(&b, 0, 32);
        wetee_ton_builder_store_uint(&b, wallet_id, 32);
        wetee_ton_builder_store_bytes(&b, pub, 32);
        wetee_ton_builder_store_uint(&b, 0, 1); /* extensions: empty dict */
    } else {
        wetee_ton_builder_store_uint(&b, 0, 32);
        wetee_ton_builder_store_uint(&b, wallet_id, 32);
        wetee_ton_builder_store_bytes(&b, pub, 32);
        if (version == WETEE_TON_WALLET_V4R2) wetee_ton_builder_store_uint(&b, 0, 1); /* plugins: empty dict */
    }
    return wallet_finish(out, w, &b);
}

void wetee_ton_wallet_free(wetee_ton_wallet *w)
{
    if (w == NULL) return;
    wetee_ton_cell_free(w->code);
    wetee_ton_cell_free(w->data);
    wt_free(w);
}

int wetee_ton_wallet_address(wetee_ton_address *out, const wetee_ton_wallet *w)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(w != NULL, MOD, "w is NULL");
    *out = w->address;
    return WETEE_OK;
}

int wetee_ton_wallet_id(uint32_t *out, const wetee_ton_wallet *w)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(w != NULL, MOD, "w is NULL");
    *out = w->wallet_id;
    return WETEE_OK;
}

int wetee_ton_wallet_state_init(wetee_ton_cell **out, const wetee_ton_wallet *w)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(w != NULL, MOD, "w is NULL");
    return wetee_ton_state_init(out, w->code, w->data);
}

/* ---- messages ---- */

int wetee_ton_comment(wetee_ton_cell **out, const char *text, size_t len)
{
    wetee_ton_builder b;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG_DATA(text, len, MOD);
    ton_builder_init(&b);
    wetee_ton_builder_store_uint(&b, 0, 32);
    rc = wetee_ton_builder_store_snake(&b, (const uint8_t *)text, len);
    if (rc == WETEE_OK) rc = wetee_ton_builder_end(out, &b);
    ton_builder_clear(&b);
    return rc;
}

static int store_cell_inline(wetee_ton_builder *b, const wetee_ton_cell *c)
{
    int rc;
    if (b->nrefs + c->nrefs > 4)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": message: %u + %u references do not fit one cell", (unsigned)b->nrefs,
                        (unsigned)c->nrefs);
    if ((rc = wetee_ton_builder_store_bits(b, c->data, c->bits))) return rc;
    for (unsigned i = 0; i < c->nrefs; i++) b->refs[b->nrefs++] = ton_cell_retain(c->refs[i]);
    return WETEE_OK;
}

static int store_either(wetee_ton_builder *b, const wetee_ton_cell *c, int as_ref)
{
    int rc;
    if (as_ref) {
        if ((rc = wetee_ton_builder_store_uint(b, 1, 1))) return rc;
        return wetee_ton_builder_store_ref(b, c);
    }
    if ((rc = wetee_ton_builder_store_uint(b, 0, 1))) return rc;
    return store_cell_inline(b, c);
}

static unsigned avail(const wetee_ton_builder *b) { return WETEE_TON_CELL_MAX_BITS - b->bits; }

int wetee_ton_internal_message(wetee_ton_cell **out, const wetee_ton_address *dest, wetee_u128 value, int bounce,
                               const wetee_ton_cell *init, const wetee_ton_cell *body)
{
    wetee_ton_builder b;
    wetee_ton_cell *empty = NULL;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(dest != NULL, MOD, "dest is NULL");
    ton_builder_init(&b);
    if (body == NULL) {
        if ((rc = wetee_ton_builder_end(&empty, &b))) return rc;
        body = empty;
    }
    wetee_ton_builder_store_uint(&b, bounce ? 6 : 4, 4); /* int_msg_info$0 ihr_disabled bounce bounced=0 */
    wetee_ton_builder_store_uint(&b, 0, 2);              /* src: addr_none */
    rc = wetee_ton_builder_store_address(&b, dest);
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_coins(&b, value);
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_uint(&b, 0, 1 + 4 + 4); /* no extra currencies, ihr_fee, fwd_fee */
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_uint(&b, 0, 64);        /* created_lt */
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_uint(&b, 0, 32);        /* created_at */
    if (rc == WETEE_OK) {
        if (init) {
            rc = wetee_ton_builder_store_uint(&b, 1, 1);
            if (rc == WETEE_OK) rc = store_either(&b, init, !(avail(&b) >= 2 && avail(&b) - 2 >= init->bits));
        } else {
            rc = wetee_ton_builder_store_uint(&b, 0, 1);
        }
    }
    if (rc == WETEE_OK) {
        int inl = avail(&b) >= 1 && avail(&b) - 1 >= body->bits && b.nrefs + body->nrefs <= 4 && !body->exotic;
        rc = store_either(&b, body, !inl);
    }
    if (rc == WETEE_OK) rc = wetee_ton_builder_end(out, &b);
    ton_builder_clear(&b);
    wetee_ton_cell_free(empty);
    return rc;
}

int wetee_ton_external_message(wetee_ton_cell **out, const wetee_ton_address *dest, const wetee_ton_cell *init,
                               const wetee_ton_cell *body, unsigned flags)
{
    wetee_ton_builder b;
    int rc, force = (flags & WETEE_TON_EXTERNAL_FORCE_REF) != 0;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(dest != NULL && body != NULL, MOD, "dest or body is NULL");
    WT_ARG((flags & ~WETEE_TON_EXTERNAL_FORCE_REF) == 0, MOD, "unknown flag");
    ton_builder_init(&b);
    wetee_ton_builder_store_uint(&b, 2, 2); /* ext_in_msg_info$10 */
    wetee_ton_builder_store_uint(&b, 0, 2); /* src: addr_none */
    rc = wetee_ton_builder_store_address(&b, dest);
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_uint(&b, 0, 4); /* import_fee */
    if (rc == WETEE_OK) {
        if (init) {
            rc = wetee_ton_builder_store_uint(&b, 1, 1);
            if (rc == WETEE_OK)
                rc = store_either(&b, init, force || avail(&b) < 2 || avail(&b) - 2 < (unsigned)init->bits + body->bits);
        } else {
            rc = wetee_ton_builder_store_uint(&b, 0, 1);
        }
    }
    if (rc == WETEE_OK)
        rc = store_either(&b, body, force || avail(&b) < 1 || avail(&b) - 1 < body->bits || b.nrefs + body->nrefs > 4);
    if (rc == WETEE_OK) rc = wetee_ton_builder_end(out, &b);
    ton_builder_clear(&b);
    return rc;
}

int wetee_ton_wallet_external(wetee_ton_cell **out, const wetee_ton_wallet *w, const wetee_ton_cell *body, int deploy)
{
    wetee_ton_cell *init = NULL;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(w != NULL && body != NULL, MOD, "w or body is NULL");
    if (deploy && (rc = wetee_ton_wallet_state_init(&init, w))) return rc;
    rc = wetee_ton_external_message(out, &w->address, init, body, 0);
    wetee_ton_cell_free(init);
    return rc;
}

/* ---- transfers ---- */

int wetee_ton_transfer_new(wetee_ton_transfer **out)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = wt_calloc(1, sizeof **out);
    if (*out == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for a transfer");
    return WETEE_OK;
}

void wetee_ton_transfer_free(wetee_ton_transfer *t)
{
    if (t == NULL) return;
    for (size_t i = 0; i < t->n; i++) wetee_ton_cell_free(t->msgs[i]);
    wt_free(t);
}

int wetee_ton_transfer_add(wetee_ton_transfer *t, unsigned mode, const wetee_ton_cell *message)
{
    WT_ARG(t != NULL, MOD, "t is NULL");
    WT_ARG(message != NULL, MOD, "message is NULL");
    WT_ARG(mode <= 255, MOD, "mode above 255");
    if (t->n >= TRANSFER_MAX) return wt_error(WETEE_ERR_OVERFLOW, MOD ": a transfer holds at most %d messages", TRANSFER_MAX);
    t->modes[t->n] = (uint8_t)mode;
    t->msgs[t->n++] = ton_cell_retain(message);
    return WETEE_OK;
}

size_t wetee_ton_transfer_count(const wetee_ton_transfer *t) { return t ? t->n : 0; }

/* OutList (storeOutList): each node is ^prev ‖ action_send_msg ‖ mode ‖
 * ^message, from an empty cell; `mode_or` is ORed into every mode (W5's
 * signed requests add +2). */
static int out_list(wetee_ton_cell **out, const wetee_ton_transfer *t, unsigned mode_or)
{
    wetee_ton_builder b;
    wetee_ton_cell *prev = NULL;
    int rc;
    ton_builder_init(&b);
    if ((rc = wetee_ton_builder_end(&prev, &b))) return rc;
    for (size_t i = 0; i < t->n; i++) {
        wetee_ton_cell *node = NULL;
        ton_builder_init(&b);
        wetee_ton_builder_store_ref(&b, prev);
        wetee_ton_builder_store_uint(&b, ACTION_SEND_MSG, 32);
        wetee_ton_builder_store_uint(&b, t->modes[i] | mode_or, 8);
        wetee_ton_builder_store_ref(&b, t->msgs[i]);
        rc = wetee_ton_builder_end(&node, &b);
        ton_builder_clear(&b);
        wetee_ton_cell_free(prev);
        prev = node;
        if (rc) return rc;
    }
    *out = prev;
    return WETEE_OK;
}

int wetee_ton_wallet_sign_transfer(wetee_ton_cell **out, const wetee_ton_wallet *w, const uint8_t secret[64],
                                   uint32_t seqno, uint32_t valid_until, const wetee_ton_transfer *t)
{
    wetee_ton_builder s, body;
    wetee_ton_cell *scell = NULL, *list = NULL;
    uint8_t hash[32], sig[64];
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(w != NULL && secret != NULL && t != NULL, MOD, "w, secret or t is NULL");
    if (w->version == WETEE_TON_WALLET_HIGHLOAD_V3)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": a highload wallet signs with wetee_ton_highload_sign_*");
    if (sodium_memcmp(secret + 32, w->pub, 32) != 0)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": the secret key does not belong to the wallet's public key");
    if (w->version != WETEE_TON_WALLET_V5R1 && t->n > 4)
        return wt_error(WETEE_ERR_OVERFLOW, MOD ": wallet v3r2/v4r2 send at most 4 messages, transfer has %zu", t->n);
    ton_builder_init(&s);
    ton_builder_init(&body);
    if (w->version == WETEE_TON_WALLET_V5R1) {
        wetee_ton_builder_store_uint(&s, V5R1_SIGN_OP, 32);
        wetee_ton_builder_store_uint(&s, w->wallet_id, 32);
        wetee_ton_builder_store_uint(&s, valid_until, 32);
        wetee_ton_builder_store_uint(&s, seqno, 32);
        rc = WETEE_OK;
        if (t->n) rc = out_list(&list, t, WETEE_TON_SEND_IGNORE_ERRORS); /* toSafeV5R1SendMode */
        if (rc == WETEE_OK) rc = wetee_ton_builder_store_maybe_ref(&s, list);
        if (rc == WETEE_OK) rc = wetee_ton_builder_store_uint(&s, 0, 1); /* no extended actions */
    } else {
        wetee_ton_builder_store_uint(&s, w->wallet_id, 32);
        wetee_ton_builder_store_uint(&s, valid_until, 32);
        wetee_ton_builder_store_uint(&s, seqno, 32);
        if (w->version == WETEE_TON_WALLET_V4R2) wetee_ton_builder_store_uint(&s, 0, 8); /* op: simple send */
        rc = WETEE_OK;
        for (size_t i = 0; rc == WETEE_OK && i < t->n; i++) {
            rc = wetee_ton_builder_store_uint(&s, t->modes[i], 8);
            if (rc == WETEE_OK) rc = wetee_ton_builder_store_ref(&s, t->msgs[i]);
        }
    }
    if (rc == WETEE_OK) rc = wetee_ton_builder_end(&scell, &s);
    if (rc == WETEE_OK) rc = wetee_ton_cell_hash(hash, scell);
    if (rc == WETEE_OK) rc = wetee_ed25519_sign(sig, secret, hash, 32);
    if (rc == WETEE_OK) {
        if (w->version == WETEE_TON_WALLET_V5R1) {
            rc = store_cell_inline(&body, scell);
            if (rc == WETEE_OK) rc = wetee_ton_builder_store_bytes(&body, sig, 64);
        } else {
            rc = wetee_ton_builder_store_bytes(&body, sig, 64);
            if (rc == WETEE_OK) rc = store_cell_inline(&body, scell);
        }
    }
    if (rc == WETEE_OK) rc = wetee_ton_builder_end(out, &body);
    ton_builder_clear(&s);
    ton_builder_clear(&body);
    wetee_ton_cell_free(scell);
    wetee_ton_cell_free(list);
    return rc;
}

/* ---- highload wallet v3 (ton-blockchain/highload-wallet-contract-v3) ---- */

#define HIGHLOAD_INTERNAL_TRANSFER 0xae42e5a4u

int wetee_ton_wallet_new_highload_v3(wetee_ton_wallet **out, const uint8_t pub[32], int32_t workchain,
                                     uint32_t subwallet_id, uint32_t timeout)
{
    wetee_ton_wallet *w;
    wetee_ton_builder b;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(pub != NULL, MOD, "pub is NULL");
    WT_ARG(timeout > 0 && timeout < (1u << 22), MOD, "timeout not in 1..2^22-1");
    w = wt_calloc(1, sizeof *w);
    if (w == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for a wallet");
    w->version = WETEE_TON_WALLET_HIGHLOAD_V3;
    w->workchain = workchain;
    w->wallet_id = subwallet_id;
    w->timeout = timeout;
    memcpy(w->pub, pub, 32);
    ton_builder_init(&b);
    wetee_ton_builder_store_bytes(&b, pub, 32);
    wetee_ton_builder_store_uint(&b, subwallet_id, 32);
    wetee_ton_builder_store_uint(&b, 0, 2);  /* old_queries, queries: empty dicts */
    wetee_ton_builder_store_uint(&b, 0, 64); /* last_clean_time */
    wetee_ton_builder_store_uint(&b, timeout, 22);
    return wallet_finish(out, w, &b);
}

static int highload_check(const wetee_ton_wallet *w, const uint8_t secret[64], uint32_t query_id)
{
    if (w->version != WETEE_TON_WALLET_HIGHLOAD_V3)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": not a highload v3 wallet");
    if (sodium_memcmp(secret + 32, w->pub, 32) != 0)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": the secret key does not belong to the wallet's public key");
    if (query_id >= (1u << 23) || (query_id & 1023) > 1022)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, MOD ": highload query id %u is not shift:13 bit_number:10 with bit_number <= 1022",
                        query_id);
    return WETEE_OK;
}

int wetee_ton_highload_sign_message(wetee_ton_cell **out, const wetee_ton_wallet *w, const uint8_t secret[64],
                                    uint32_t query_id, uint64_t created_at, unsigned mode, const wetee_ton_cell *message)
{
    wetee_ton_builder s, body;
    wetee_ton_cell *scell = NULL;
    uint8_t hash[32], sig[64];
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(w != NULL && secret != NULL && message != NULL, MOD, "w, secret or message is NULL");
    WT_ARG(mode <= 255, MOD, "mode above 255");
    if ((rc = highload_check(w, secret, query_id))) return rc;
    ton_builder_init(&s);
    ton_builder_init(&body);
    wetee_ton_builder_store_uint(&s, w->wallet_id, 32);
    wetee_ton_builder_store_ref(&s, message);
    wetee_ton_builder_store_uint(&s, mode, 8);
    wetee_ton_builder_store_uint(&s, query_id, 23);
    wetee_ton_builder_store_uint(&s, created_at, 64);
    wetee_ton_builder_store_uint(&s, w->timeout, 22);
    rc = wetee_ton_builder_end(&scell, &s);
    if (rc == WETEE_OK) rc = wetee_ton_cell_hash(hash, scell);
    if (rc == WETEE_OK) rc = wetee_ed25519_sign(sig, secret, hash, 32);
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_bytes(&body, sig, 64);
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_ref(&body, scell);
    if (rc == WETEE_OK) rc = wetee_ton_builder_end(out, &body);
    ton_builder_clear(&s);
    ton_builder_clear(&body);
    wetee_ton_cell_free(scell);
    return rc;
}

int wetee_ton_highload_sign_batch(wetee_ton_cell **out, const wetee_ton_wallet *w, const uint8_t secret[64],
                                  uint32_t query_id, uint64_t created_at, const wetee_ton_transfer *t,
                                  wetee_u128 value_per_batch)
{
    wetee_ton_builder b;
    wetee_ton_cell *prev = NULL, *body = NULL, *msg = NULL;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(w != NULL && secret != NULL && t != NULL, MOD, "w, secret or t is NULL");
    if ((rc = highload_check(w, secret, query_id))) return rc;
    if (t->n > 254) return wt_error(WETEE_ERR_OVERFLOW, MOD ": a highload batch holds at most 254 messages, got %zu", t->n);
    rc = out_list(&prev, t, 0); /* the messages with their own modes */
    /* internal_transfer#ae42e5a4 query_id:uint64 actions:^OutList, sent to the wallet itself */
    if (rc == WETEE_OK) {
        ton_builder_init(&b);
        wetee_ton_builder_store_uint(&b, HIGHLOAD_INTERNAL_TRANSFER, 32);
        wetee_ton_builder_store_uint(&b, query_id, 64);
        wetee_ton_builder_store_ref(&b, prev);
        rc = wetee_ton_builder_end(&body, &b);
        ton_builder_clear(&b);
    }
    if (rc == WETEE_OK) rc = wetee_ton_internal_message(&msg, &w->address, value_per_batch, 1, NULL, body);
    if (rc == WETEE_OK)
        rc = wetee_ton_highload_sign_message(out, w, secret, query_id, created_at,
                                             (value_per_batch.lo | value_per_batch.hi) ? WETEE_TON_SEND_PAY_FEES_SEPARATELY
                                                                                       : WETEE_TON_SEND_CARRY_BALANCE,
                                             msg);
    wetee_ton_cell_free(prev);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(msg);
    return rc;
}

/* ---- jettons (TEP-74) ---- */

#define JETTON_TRANSFER 0x0f8a7ea5u

int wetee_ton_jetton_transfer(wetee_ton_cell **out, uint64_t query_id, wetee_u128 amount,
                              const wetee_ton_address *destination, const wetee_ton_address *response_destination,
                              const wetee_ton_cell *custom_payload, wetee_u128 forward_ton_amount,
                              const wetee_ton_cell *forward_payload, unsigned flags)
{
    wetee_ton_builder b;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(destination != NULL, MOD, "destination is NULL");
    WT_ARG((flags & ~WETEE_TON_JETTON_FORWARD_INLINE) == 0, MOD, "unknown flag");
    ton_builder_init(&b);
    wetee_ton_builder_store_uint(&b, JETTON_TRANSFER, 32);
    wetee_ton_builder_store_uint(&b, query_id, 64);
    rc = wetee_ton_builder_store_coins(&b, amount);
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_address(&b, destination);
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_address(&b, response_destination);
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_maybe_ref(&b, custom_payload);
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_coins(&b, forward_ton_amount);
    if (rc == WETEE_OK) {
        if (forward_payload == NULL) rc = wetee_ton_builder_store_bit(&b, 0); /* empty, inline */
        else rc = store_either(&b, forward_payload, !(flags & WETEE_TON_JETTON_FORWARD_INLINE));
    }
    if (rc == WETEE_OK) rc = wetee_ton_builder_end(out, &b);
    ton_builder_clear(&b);
    return rc;
}

int wetee_ton_jetton_wallet_data(wetee_ton_cell **out, int layout, const wetee_ton_address *owner,
                                 const wetee_ton_address *master, const wetee_ton_cell *wallet_code)
{
    wetee_ton_builder b;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(owner != NULL && master != NULL, MOD, "owner or master is NULL");
    WT_ARG(layout == WETEE_TON_JETTON_DATA_STATUS || layout == WETEE_TON_JETTON_DATA_CODE_REF, MOD, "unknown layout");
    WT_ARG(layout != WETEE_TON_JETTON_DATA_CODE_REF || wallet_code != NULL, MOD, "wallet_code is NULL");
    ton_builder_init(&b);
    if (layout == WETEE_TON_JETTON_DATA_STATUS) wetee_ton_builder_store_uint(&b, 0, 4); /* status */
    wetee_ton_builder_store_uint(&b, 0, 4); /* balance: Coins 0 */
    rc = wetee_ton_builder_store_address(&b, owner);
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_address(&b, master);
    if (rc == WETEE_OK && layout == WETEE_TON_JETTON_DATA_CODE_REF) rc = wetee_ton_builder_store_ref(&b, wallet_code);
    if (rc == WETEE_OK) rc = wetee_ton_builder_end(out, &b);
    ton_builder_clear(&b);
    return rc;
}

int wetee_ton_jetton_wallet_address(wetee_ton_address *out, int layout, const wetee_ton_address *owner,
                                    const wetee_ton_address *master, const wetee_ton_cell *wallet_code)
{
    wetee_ton_cell *data = NULL;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(wallet_code != NULL && master != NULL, MOD, "wallet_code or master is NULL");
    if ((rc = wetee_ton_jetton_wallet_data(&data, layout, owner, master, wallet_code))) return rc;
    rc = wetee_ton_address_from_state_init(out, master->workchain, wallet_code, data);
    wetee_ton_cell_free(data);
    return rc;
}
