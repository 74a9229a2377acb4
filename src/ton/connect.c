/* TON Connect helpers: the TEP-467 normalised hash of an inbound external
 * message (to look up the transaction a sent message caused), the public key
 * of a wallet read from its StateInit, and `ton_proof` verification
 * (ton-blockchain/ton-connect requests-responses.md; ../shared/reference/ton.md
 * §5 and §7.3). */
#include <jansson.h>
#include <string.h>

#include "ton_impl.h"
#include "wetee/hash.h"
#include "wetee/keys.h"

/* ---- TEP-467 ---- */

/* Skip an inline StateInit (split_depth:(Maybe (## 5)) special:(Maybe TickTock)
 * code:(Maybe ^Cell) data:(Maybe ^Cell) library:(Maybe ^Cell)); hands out the
 * code and data references (NULL when absent) when asked. */
static int read_state_init(ton_reader *r, const wetee_ton_cell **code, const wetee_ton_cell **data)
{
    uint64_t v = 0;
    const wetee_ton_cell *c = NULL, *d = NULL, *lib = NULL;
    int rc;
    if ((rc = ton_read_uint(r, &v, 1))) return rc;
    if (v && (rc = ton_read_uint(r, &v, 5))) return rc;
    if ((rc = ton_read_uint(r, &v, 1))) return rc;
    if (v && (rc = ton_read_uint(r, &v, 2))) return rc;
    if ((rc = ton_read_uint(r, &v, 1))) return rc;
    if (v && (rc = ton_read_ref(r, &c))) return rc;
    if ((rc = ton_read_uint(r, &v, 1))) return rc;
    if (v && (rc = ton_read_ref(r, &d))) return rc;
    if ((rc = ton_read_uint(r, &v, 1))) return rc;
    if (v && (rc = ton_read_ref(r, &lib))) return rc;
    if (code) *code = c;
    if (data) *data = d;
    return WETEE_OK;
}

/* A reader at the start of an ordinary cell (`what` names it in errors). */
static int open_ordinary(ton_reader *r, const wetee_ton_cell *c, const char *what)
{
    if (c->exotic) return wt_error(WETEE_ERR_DECODE, MOD ": %s: an exotic cell (type %u)", what, c->type);
    r->cell = c;
    r->pos = 0;
    r->ref = 0;
    return WETEE_OK;
}

/* MsgAddressInt (addr_std or addr_var, with an optional anycast prefix):
 * advance over it. */
static int skip_address_int(ton_reader *r)
{
    ton_reader save = *r;
    uint64_t tag = 0, v = 0;
    int rc;
    if ((rc = ton_read_uint(r, &tag, 2))) return rc;
    if (tag < 2) {
        *r = save;
        return wt_error(WETEE_ERR_DECODE, MOD ": message at bit %u: destination is %s, not an internal address",
                        save.pos, tag ? "addr_extern" : "addr_none");
    }
    if ((rc = ton_read_uint(r, &v, 1))) return rc;
    if (v) { /* anycast_info depth:(#<= 30) rewrite_pfx:(bits depth) */
        if ((rc = ton_read_uint(r, &v, 5))) return rc;
        if (v < 1 || v > 30)
            return wt_error(WETEE_ERR_DECODE, MOD ": message at bit %u: anycast depth %u outside 1..30", r->pos - 5,
                            (unsigned)v);
        if ((rc = ton_read_uint(r, &v, (unsigned)v))) return rc;
    }
    if (tag == 2) { /* addr_std: workchain_id:int8 address:bits256 */
        if ((rc = ton_read_uint(r, &v, 8))) return rc;
        if ((rc = ton_read_uint(r, &v, 64)) || (rc = ton_read_uint(r, &v, 64)) || (rc = ton_read_uint(r, &v, 64)) ||
            (rc = ton_read_uint(r, &v, 64)))
            return rc;
        return WETEE_OK;
    }
    /* addr_var: addr_len:(## 9) workchain_id:int32 address:(bits addr_len) */
    uint64_t len = 0;
    if ((rc = ton_read_uint(r, &len, 9))) return rc;
    if ((rc = ton_read_uint(r, &v, 32))) return rc;
    if (len > (unsigned)(r->cell->bits - r->pos))
        return wt_error(WETEE_ERR_TRUNCATED, MOD ": message at bit %u: addr_var of %u bits, %u left", r->pos,
                        (unsigned)len, (unsigned)(r->cell->bits - r->pos));
    r->pos += (unsigned)len;
    return WETEE_OK;
}

int wetee_ton_message_normalized_hash(uint8_t out[32], const wetee_ton_cell *message)
{
    ton_reader r;
    uint64_t v = 0;
    wetee_u128 fee;
    const wetee_ton_cell *body_ref = NULL;
    wetee_ton_cell *body = NULL, *norm = NULL;
    wetee_ton_builder b;
    unsigned dest_start, dest_end;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(message != NULL, MOD, "message is NULL");
    if ((rc = open_ordinary(&r, message, "message"))) return rc;
    if ((rc = ton_read_uint(&r, &v, 2))) return rc;
    if (v != 2)
        return wt_error(WETEE_ERR_DECODE, MOD ": message at bit 0: not an inbound external message (tag %u%u, "
                        "ext_in_msg_info is 10)", (unsigned)(v >> 1), (unsigned)(v & 1));
    /* src:MsgAddressExt = addr_none$00 | addr_extern$01 len:(## 9) external_address:(bits len) */
    if ((rc = ton_read_uint(&r, &v, 2))) return rc;
    if (v == 1) {
        if ((rc = ton_read_uint(&r, &v, 9))) return rc;
        if (v > (unsigned)(message->bits - r.pos))
            return wt_error(WETEE_ERR_TRUNCATED, MOD ": message at bit %u: addr_extern of %u bits, %u left", r.pos,
                            (unsigned)v, (unsigned)(message->bits - r.pos));
        r.pos += (unsigned)v;
    } else if (v != 0) {
        return wt_error(WETEE_ERR_DECODE, MOD ": message at bit 2: source is an internal address, not addr_none or "
                        "addr_extern");
    }
    dest_start = r.pos;
    if ((rc = skip_address_int(&r))) return rc;
    dest_end = r.pos;
    if ((rc = ton_read_coins(&r, &fee))) return rc; /* import_fee */
    if ((rc = ton_read_uint(&r, &v, 1))) return rc; /* init:(Maybe (Either StateInit ^StateInit)) */
    if (v) {
        if ((rc = ton_read_uint(&r, &v, 1))) return rc;
        if (v) {
            const wetee_ton_cell *init = NULL;
            if ((rc = ton_read_ref(&r, &init))) return rc;
        } else if ((rc = read_state_init(&r, NULL, NULL))) {
            return rc;
        }
    }
    if ((rc = ton_read_uint(&r, &v, 1))) return rc; /* body:(Either X ^X) */
    if (v) {
        if ((rc = ton_read_ref(&r, &body_ref))) return rc;
        if (r.pos != message->bits || r.ref != message->nrefs)
            return wt_error(WETEE_ERR_TRAILING, MOD ": message at bit %u: %u bits and %u references after the body "
                            "reference", r.pos, (unsigned)(message->bits - r.pos), (unsigned)(message->nrefs - r.ref));
    } else {
        /* the body is the rest of the cell: its bits and references */
        uint8_t data[128] = {0};
        ton_bits_copy(data, 0, message->data, r.pos, message->bits - r.pos);
        if ((rc = ton_cell_create(&body, data, message->bits - r.pos, message->refs + r.ref, message->nrefs - r.ref, 0,
                                  MOD ": message body")))
            return rc;
        body_ref = body;
    }
    /* ext_in_msg_info$10 src:addr_none$00 dest import_fee:0 init:nothing$0 body:right$1 ^X */
    ton_builder_init(&b);
    wetee_ton_builder_store_uint(&b, 0x8, 4);
    {
        uint8_t dest[128] = {0};
        ton_bits_copy(dest, 0, message->data, dest_start, dest_end - dest_start);
        rc = wetee_ton_builder_store_bits(&b, dest, dest_end - dest_start);
    }
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_uint(&b, 0x1, 6); /* 0000 coins, 0 init, 1 body ref */
    if (rc == WETEE_OK) rc = wetee_ton_builder_store_ref(&b, body_ref);
    if (rc == WETEE_OK) rc = wetee_ton_builder_end(&norm, &b);
    if (rc == WETEE_OK) memcpy(out, norm->hashes[3], 32);
    ton_builder_clear(&b);
    wetee_ton_cell_free(norm);
    wetee_ton_cell_free(body);
    return rc;
}

/* ---- wallet public key from a StateInit ---- */

int wetee_ton_state_init_public_key(uint8_t pub[32], int *version, const wetee_ton_cell *state_init)
{
    static const int versions[] = {WETEE_TON_WALLET_V3R2, WETEE_TON_WALLET_V4R2, WETEE_TON_WALLET_V5R1};
    ton_reader r;
    const wetee_ton_cell *code = NULL, *data = NULL;
    int rc, found = -1;
    WT_ARG(pub != NULL, MOD, "pub is NULL");
    WT_ARG(state_init != NULL, MOD, "state_init is NULL");
    if ((rc = open_ordinary(&r, state_init, "state init"))) return rc;
    if ((rc = read_state_init(&r, &code, &data))) return rc;
    if (r.pos != state_init->bits || r.ref != state_init->nrefs)
        return wt_error(WETEE_ERR_TRAILING, MOD ": state init at bit %u: %u bits and %u references left", r.pos,
                        (unsigned)(state_init->bits - r.pos), (unsigned)(state_init->nrefs - r.ref));
    if (code == NULL || data == NULL)
        return wt_error(WETEE_ERR_DECODE, MOD ": state init: no %s", code == NULL ? "code" : "data");
    for (size_t i = 0; i < sizeof versions / sizeof versions[0] && found < 0; i++) {
        wetee_ton_cell *known = NULL;
        if ((rc = wetee_ton_wallet_code(&known, versions[i]))) return rc;
        if (memcmp(known->hashes[3], code->hashes[3], 32) == 0) found = versions[i];
        wetee_ton_cell_free(known);
    }
    if (found < 0) {
        char hex[65];
        for (int i = 0; i < 32; i++) {
            static const char digits[] = "0123456789abcdef";
            hex[2 * i] = digits[code->hashes[3][i] >> 4];
            hex[2 * i + 1] = digits[code->hashes[3][i] & 15];
        }
        hex[64] = 0;
        return wt_error(WETEE_ERR_UNSUPPORTED, MOD ": state init: code hash %s is not wallet v3r2, v4r2 or W5 (ask "
                        "the contract's get_public_key)", hex);
    }
    /* v3r2/v4r2: seqno:32 wallet_id:32 key; W5: signature_allowed:1 seqno:32 wallet_id:32 key */
    if ((rc = open_ordinary(&r, data, "state init data"))) return rc;
    r.pos = found == WETEE_TON_WALLET_V5R1 ? 65 : 64;
    if (r.pos + 256u > data->bits)
        return wt_error(WETEE_ERR_TRUNCATED, MOD ": state init data: %u bits, too short for a wallet", data->bits);
    if ((rc = ton_read_bits(&r, pub, 256))) return rc;
    if (version) *version = found;
    return WETEE_OK;
}

/* ---- ton_proof ---- */

#define PROOF_PREFIX "ton-proof-item-v2/"
#define PROOF_MAX_FIELD 4096u /* domain and payload limit: far above what wallets send */

int wetee_ton_proof_hash(uint8_t out[32], const wetee_ton_address *address, const char *domain, size_t domain_len,
                         uint64_t timestamp, const char *payload, size_t payload_len)
{
    const size_t pre = sizeof PROOF_PREFIX - 1;
    uint8_t inner[2 + 11 + 32], *msg;
    size_t n;
    int rc;
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG(address != NULL, MOD, "address is NULL");
    WT_ARG_DATA(domain, domain_len, MOD);
    WT_ARG_DATA(payload, payload_len, MOD);
    if (domain_len > PROOF_MAX_FIELD || payload_len > PROOF_MAX_FIELD)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": ton_proof: %s of %zu bytes (limit %u)",
                        domain_len > PROOF_MAX_FIELD ? "domain" : "payload",
                        domain_len > PROOF_MAX_FIELD ? domain_len : payload_len, PROOF_MAX_FIELD);
    /* msg = prefix ‖ workchain:int32 BE ‖ hash ‖ domain_len:u32 LE ‖ domain ‖ timestamp:u64 LE ‖ payload */
    n = pre + 4 + 32 + 4 + domain_len + 8 + payload_len;
    msg = wt_malloc(n);
    if (msg == NULL) return wt_error(WETEE_ERR_NO_MEMORY, MOD ": out of memory for a ton_proof message");
    memcpy(msg, PROOF_PREFIX, pre);
    wt_store_be32(msg + pre, (uint32_t)address->workchain);
    memcpy(msg + pre + 4, address->hash, 32);
    wt_store_le32(msg + pre + 36, (uint32_t)domain_len);
    if (domain_len) memcpy(msg + pre + 40, domain, domain_len);
    wt_store_le64(msg + pre + 40 + domain_len, timestamp);
    if (payload_len) memcpy(msg + pre + 48 + domain_len, payload, payload_len);
    /* full = SHA-256(ff ff ‖ "ton-connect" ‖ SHA-256(msg)) */
    inner[0] = inner[1] = 0xff;
    memcpy(inner + 2, "ton-connect", 11);
    rc = wetee_hash_sha256(inner + 13, msg, n);
    wt_free(msg);
    if (rc == WETEE_OK) rc = wetee_hash_sha256(out, inner, sizeof inner);
    return rc;
}

int wetee_ton_proof_verify(uint8_t pub_out[32], const wetee_ton_address *address, const wetee_ton_cell *state_init,
                           const char *domain, size_t domain_len, uint64_t timestamp, const char *payload,
                           size_t payload_len, const uint8_t signature[64], const char *expected_domain, uint64_t now,
                           uint64_t max_age)
{
    uint8_t pub[32], digest[32];
    size_t want_len;
    int rc;
    WT_ARG(address != NULL && state_init != NULL && signature != NULL, MOD,
           "address, state_init or signature is NULL");
    WT_ARG(expected_domain != NULL, MOD, "expected_domain is NULL");
    WT_ARG_DATA(domain, domain_len, MOD);
    WT_ARG_DATA(payload, payload_len, MOD);
    want_len = strlen(expected_domain);
    if (domain_len != want_len || (domain_len && memcmp(domain, expected_domain, domain_len) != 0))
        return wt_error(WETEE_ERR_VERIFY, MOD ": ton_proof: domain \"%.*s\" is not the expected \"%s\"",
                        (int)(domain_len > 253 ? 253 : domain_len), domain ? domain : "", expected_domain);
    if (timestamp > now ? timestamp - now > max_age : now - timestamp > max_age)
        return wt_error(WETEE_ERR_VERIFY, MOD ": ton_proof: timestamp %llu is more than %llu s from now (%llu)",
                        (unsigned long long)timestamp, (unsigned long long)max_age, (unsigned long long)now);
    if (memcmp(state_init->hashes[3], address->hash, 32) != 0)
        return wt_error(WETEE_ERR_VERIFY, MOD ": ton_proof: the state init does not hash to the address");
    if ((rc = wetee_ton_state_init_public_key(pub, NULL, state_init))) return rc;
    if ((rc = wetee_ton_proof_hash(digest, address, domain, domain_len, timestamp, payload, payload_len))) return rc;
    if (wetee_ed25519_verify(signature, digest, sizeof digest, pub) != WETEE_OK)
        return wt_error(WETEE_ERR_VERIFY, MOD ": ton_proof: the signature does not verify with the wallet's key");
    if (pub_out) memcpy(pub_out, pub, 32);
    return WETEE_OK;
}

/* ---- ton_proof from the JSON a dApp front end forwards ---- */

static int json_str(const char **out, size_t *len, json_t *obj, const char *key, const char *where, int required)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (len) *len = 0;
    if (v == NULL) {
        if (!required) return WETEE_OK;
        return wt_error(WETEE_ERR_DECODE, MOD ": ton_proof json: %s%s is missing", where, key);
    }
    if (!json_is_string(v)) return wt_error(WETEE_ERR_DECODE, MOD ": ton_proof json: %s%s is not a string", where, key);
    *out = json_string_value(v);
    if (len) *len = json_string_length(v);
    return WETEE_OK;
}

/* A non-negative integer given as a JSON number or a string of decimal digits. */
static int json_u64(uint64_t *out, json_t *obj, const char *key, const char *where)
{
    json_t *v = json_object_get(obj, key);
    if (v == NULL) return wt_error(WETEE_ERR_DECODE, MOD ": ton_proof json: %s%s is missing", where, key);
    if (json_is_integer(v)) {
        if (json_integer_value(v) < 0)
            return wt_error(WETEE_ERR_DECODE, MOD ": ton_proof json: %s%s is negative", where, key);
        *out = (uint64_t)json_integer_value(v);
        return WETEE_OK;
    }
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        size_t n = json_string_length(v);
        uint64_t x = 0;
        if (n == 0 || n > 20)
            return wt_error(WETEE_ERR_DECODE, MOD ": ton_proof json: %s%s: \"%.24s\" is not a decimal integer", where,
                            key, s);
        for (size_t i = 0; i < n; i++) {
            if (s[i] < '0' || s[i] > '9' || x > (UINT64_MAX - (uint64_t)(s[i] - '0')) / 10)
                return wt_error(WETEE_ERR_DECODE, MOD ": ton_proof json: %s%s: \"%.24s\" is not a decimal integer "
                                "below 2^64", where, key, s);
            x = x * 10 + (uint64_t)(s[i] - '0');
        }
        *out = x;
        return WETEE_OK;
    }
    return wt_error(WETEE_ERR_DECODE, MOD ": ton_proof json: %s%s is neither a number nor a string", where, key);
}

#define PROOF_JSON_MAX (1u << 20)

int wetee_ton_proof_verify_json(uint8_t pub_out[32], wetee_ton_address *address_out, wetee_buf *payload_out,
                                const char *json, size_t json_len, const char *expected_domain, uint64_t now,
                                uint64_t max_age)
{
    json_t *root = NULL, *proof, *dom;
    json_error_t jerr;
    const char *addr_s, *pk_s, *dom_s, *pay_s, *sig_s, *si_s;
    size_t addr_n, pk_n, dom_n, pay_n, sig_n, si_n;
    uint64_t ts = 0, dom_bytes = 0;
    uint8_t pub[32], claimed[32];
    wetee_ton_address addr;
    wetee_ton_cell *si = NULL;
    wetee_buf sig = WETEE_BUF_INIT;
    int rc;
    WT_ARG_DATA(json, json_len, MOD);
    WT_ARG(expected_domain != NULL, MOD, "expected_domain is NULL");
    if (json_len > PROOF_JSON_MAX)
        return wt_error(WETEE_ERR_TOO_LONG, MOD ": ton_proof json of %zu bytes (limit %u)", json_len, PROOF_JSON_MAX);
    root = json_loadb(json_len ? json : "", json_len, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL)
        return wt_error(WETEE_ERR_DECODE, MOD ": ton_proof json at offset %d: %s", jerr.position, jerr.text);
    rc = WETEE_ERR_DECODE;
    if (!json_is_object(root)) { wt_error(rc, MOD ": ton_proof json: not an object"); goto done; }
    proof = json_object_get(root, "proof");
    if (!json_is_object(proof)) { wt_error(rc, MOD ": ton_proof json: proof is missing or not an object"); goto done; }
    dom = json_object_get(proof, "domain");
    if (!json_is_object(dom)) { wt_error(rc, MOD ": ton_proof json: proof.domain is missing or not an object"); goto done; }
    if ((rc = json_str(&addr_s, &addr_n, root, "address", "", 1)) ||
        (rc = json_str(&pk_s, &pk_n, root, "public_key", "", 0)) ||
        (rc = json_str(&dom_s, &dom_n, dom, "value", "proof.domain.", 1)) ||
        (rc = json_u64(&dom_bytes, dom, "lengthBytes", "proof.domain.")) ||
        (rc = json_u64(&ts, proof, "timestamp", "proof.")) ||
        (rc = json_str(&pay_s, &pay_n, proof, "payload", "proof.", 1)) ||
        (rc = json_str(&sig_s, &sig_n, proof, "signature", "proof.", 1)) ||
        (rc = json_str(&si_s, &si_n, proof, "state_init", "proof.", 0)))
        goto done;
    if (si_s == NULL && (rc = json_str(&si_s, &si_n, root, "state_init", "", 0))) goto done;
    if (si_s == NULL && (rc = json_str(&si_s, &si_n, root, "walletStateInit", "", 0))) goto done;
    if (si_s == NULL) {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": ton_proof json: proof.state_init (or state_init, walletStateInit) is "
                      "missing");
        goto done;
    }
    if (dom_bytes != dom_n) {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": ton_proof json: proof.domain.lengthBytes is %llu, the value has %zu bytes",
                      (unsigned long long)dom_bytes, dom_n);
        goto done;
    }
    if ((rc = wetee_ton_address_parse(&addr, NULL, addr_s, addr_n))) goto done;
    if ((rc = wetee_base64_decode(&sig, sig_s, sig_n, 0)) != WETEE_OK &&
        (rc = wetee_base64_decode(&sig, sig_s, sig_n, WETEE_BASE64_URL | WETEE_BASE64_NOPAD)) != WETEE_OK) {
        rc = wt_error(rc, MOD ": ton_proof json: proof.signature is not base64");
        goto done;
    }
    if (sig.len != 64) {
        rc = wt_error(WETEE_ERR_DECODE, MOD ": ton_proof json: proof.signature has %zu bytes, not 64", sig.len);
        goto done;
    }
    if ((rc = wetee_ton_boc_parse_base64(&si, si_s, si_n))) goto done;
    if ((rc = wetee_ton_proof_verify(pub, &addr, si, dom_s, dom_n, ts, pay_s, pay_n, sig.data, expected_domain, now,
                                     max_age)))
        goto done;
    if (pk_s != NULL) {
        if ((rc = wetee_hex_decode_exact(claimed, 32, pk_s, pk_n))) {
            rc = wt_error(rc, MOD ": ton_proof json: public_key is not 32 bytes of hex");
            goto done;
        }
        if (memcmp(claimed, pub, 32) != 0) {
            rc = wt_error(WETEE_ERR_VERIFY, MOD ": ton_proof json: public_key is not the key in the state init");
            goto done;
        }
    }
    if (payload_out) {
        wetee_buf_clear(payload_out);
        if ((rc = wetee_buf_append(payload_out, (const uint8_t *)pay_s, pay_n)) || (rc = wt_buf_terminate(payload_out)))
            goto done;
    }
    if (pub_out) memcpy(pub_out, pub, 32);
    if (address_out) *address_out = addr;
    rc = WETEE_OK;
done:
    wetee_buf_free(&sig);
    wetee_ton_cell_free(si);
    json_decref(root);
    return rc;
}
