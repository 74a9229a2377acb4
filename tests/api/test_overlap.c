/* The overlap rule of core.h ("Inputs inside the output buffer"): every
 * public function that writes into a wetee_buf gives the same result when
 * its input lies inside that buffer as when it gets a private copy of the
 * input. Each case runs at several sizes and placements: the input is the
 * whole content, a prefix, a suffix, or sits in the spare capacity; with a
 * full block (the call must grow, which frees the old block) and with room
 * to spare (a replacing call overwrites the input as it writes). Under
 * ASan a read of the freed block fails the test.
 *
 * scripts/api_coverage.py checks that every public function with a
 * wetee_buf output and a pointer input has an OVERLAP(...) entry here. */
#include "api_cases.h"
#include "wt_mock_node.h"

/* ---- input generators: fill `in` (capacity `cap`) for size step `i`;
 * return the length, or SIZE_MAX when the step does not exist ---- */

static const size_t SIZES[] = { 0, 1, 2, 3, 5, 8, 31, 32, 33, 63, 64, 100, 255, 400 };
#define NSIZES (sizeof SIZES / sizeof SIZES[0])

static void fill_random(uint8_t *p, size_t n)
{
    for (size_t k = 0; k < n; k++) p[k] = (uint8_t)wt_rand();
}

static size_t gen_bytes(uint8_t *in, size_t cap, size_t i)
{
    if (i >= NSIZES || SIZES[i] > cap) return SIZE_MAX;
    fill_random(in, SIZES[i]);
    return SIZES[i];
}

/* at most WETEE_SCALE_COMPACT_BIG_MAX bytes, top byte non-zero */
static size_t gen_compact_big(uint8_t *in, size_t cap, size_t i)
{
    size_t n = gen_bytes(in, cap, i);
    if (n == SIZE_MAX || n > WETEE_SCALE_COMPACT_BIG_MAX) return SIZE_MAX;
    if (n) in[n - 1] |= 1;
    return n;
}

static size_t gen_fixed(uint8_t *in, size_t cap, size_t i, size_t n)
{
    if (i >= 3 || n > cap) return SIZE_MAX;
    fill_random(in, n);
    return n;
}
static size_t gen_20(uint8_t *in, size_t cap, size_t i) { return gen_fixed(in, cap, i, 20); }
static size_t gen_32(uint8_t *in, size_t cap, size_t i) { return gen_fixed(in, cap, i, 32); }
static size_t gen_entropy(uint8_t *in, size_t cap, size_t i)
{
    static const size_t n[] = { 16, 20, 24, 28, 32 };
    return i < 5 ? gen_fixed(in, cap, 0, n[i]) : SIZE_MAX;
}

/* text made by an encoder from random bytes; odd steps are corrupted at the
 * end so that the error paths (which wipe the partial output) run too */
static size_t gen_encoded(uint8_t *in, size_t cap, size_t i, int (*enc)(wetee_buf *, const uint8_t *, size_t),
                          char bad)
{
    uint8_t raw[400];
    wetee_buf t = WETEE_BUF_INIT;
    size_t n;
    if (i / 2 >= NSIZES || SIZES[i / 2] > sizeof raw) return SIZE_MAX;
    fill_random(raw, SIZES[i / 2]);
    if (enc(&t, raw, SIZES[i / 2]) != WETEE_OK || t.len > cap) {
        wetee_buf_free(&t);
        return SIZE_MAX;
    }
    n = t.len;
    memcpy(in, t.data, n);
    if (i % 2 && n) in[n - 1] = (uint8_t)bad;
    wetee_buf_free(&t);
    return n;
}
static int enc_hex(wetee_buf *o, const uint8_t *d, size_t n) { return wetee_hex_encode(o, d, n, WETEE_HEX_PREFIX); }
static int enc_b58(wetee_buf *o, const uint8_t *d, size_t n) { return wetee_base58_encode(o, d, n); }
static int enc_b64(wetee_buf *o, const uint8_t *d, size_t n) { return wetee_base64_encode(o, d, n, 0); }
static int enc_ss58(wetee_buf *o, const uint8_t *d, size_t n)
{
    return wetee_ss58_encode(o, d, n < 32 ? 1 : 32, (uint16_t)(n % 100));
}
static int enc_mnemonic(wetee_buf *o, const uint8_t *d, size_t n)
{
    (void)n;
    return wetee_mnemonic_from_entropy(o, d, 16);
}
static int enc_bitvec(wetee_buf *o, const uint8_t *d, size_t n)
{
    return wetee_scale_put_bitvec(o, d, n * 8 - (n ? n % 8 : 0), WETEE_SCALE_BITSTORE_U32, WETEE_SCALE_MSB0);
}
static size_t gen_hex(uint8_t *in, size_t cap, size_t i) { return gen_encoded(in, cap, i, enc_hex, 'g'); }
static size_t gen_b58(uint8_t *in, size_t cap, size_t i) { return gen_encoded(in, cap, i, enc_b58, '0'); }
static size_t gen_b64(uint8_t *in, size_t cap, size_t i) { return gen_encoded(in, cap, i, enc_b64, '!'); }
static size_t gen_ss58(uint8_t *in, size_t cap, size_t i) { return i < 8 ? gen_encoded(in, cap, i + 12, enc_ss58, 'l') : SIZE_MAX; }
static size_t gen_phrase(uint8_t *in, size_t cap, size_t i)
{
    return i < 4 ? gen_encoded(in, cap, i + 6 * 2, enc_mnemonic, 'q') : SIZE_MAX;
}
static size_t gen_bitvec(uint8_t *in, size_t cap, size_t i) { return gen_encoded(in, cap, i, enc_bitvec, '\xff'); }
/* valid UTF-8 (letters and "é"); odd steps end in a lone lead byte */
static size_t gen_utf8(uint8_t *in, size_t cap, size_t i)
{
    size_t n = gen_bytes(in, cap, i / 2), k;
    if (n == SIZE_MAX) return n;
    for (k = 0; k < n; k++) {
        if (in[k] % 4 == 0 && k + 1 < n) {
            in[k] = 0xc3;
            in[++k] = 0xa9;
        } else {
            in[k] = (uint8_t)('a' + in[k] % 26);
        }
    }
    if (i % 2 && n) in[n - 1] = 0xe2;
    return n;
}

/* ---- adapters: (out, input, n) -> the public function ---- */

static int a_buf_append(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_buf_append(o, p, n); }
static int a_hex_encode(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_hex_encode(o, p, n, WETEE_HEX_PREFIX | WETEE_HEX_UPPER); }
static int a_hex_decode(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_hex_decode(o, (const char *)p, n); }
static int a_b58_encode(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_base58_encode(o, p, n); }
static int a_b58_decode(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_base58_decode(o, (const char *)p, n); }
static int a_b64_encode(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_base64_encode(o, p, n, WETEE_BASE64_URL); }
static int a_b64_decode(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_base64_decode(o, (const char *)p, n, 0); }
static int a_put_u256(wetee_buf *o, const uint8_t *p, size_t n) { (void)n; return wetee_scale_put_u256(o, p); }
static int a_put_compact_big(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_scale_put_compact_big(o, p, n); }
static int a_put_bytes(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_scale_put_bytes(o, p, n); }
static int a_put_str(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_scale_put_str(o, (const char *)p, n); }
static int a_put_raw(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_scale_put_raw(o, p, n); }
/* the arrays take aligned items: the input is copied to an aligned spot inside the buffer by the harness */
static int a_put_u16_array(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_scale_put_u16_array(o, (const uint16_t *)(const void *)p, n / 2);
}
static int a_put_u32_array(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_scale_put_u32_array(o, (const uint32_t *)(const void *)p, n / 4);
}
static int a_put_u64_array(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_scale_put_u64_array(o, (const uint64_t *)(const void *)p, n / 8);
}
static int a_put_bitvec(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_scale_put_bitvec(o, p, n * 8 - n % 5, WETEE_SCALE_BITSTORE_U16, WETEE_SCALE_MSB0);
}
static int a_get_bitvec(wetee_buf *o, const uint8_t *p, size_t n)
{
    wetee_scale_reader r;
    size_t nbits = 0;
    int rc;
    wetee_scale_reader_init(&r, p, n);
    rc = wetee_scale_get_bitvec(&r, o, &nbits, WETEE_SCALE_BITSTORE_U32, WETEE_SCALE_MSB0);
    /* the bit count and reader position must match too: fold them into the result */
    return rc ? rc : (int)((nbits * 7 + r.pos) % 1000);
}
static int a_eth_to_string(wetee_buf *o, const uint8_t *p, size_t n) { (void)n; return wetee_eth_address_to_string(o, p); }
static int a_ss58_encode(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_ss58_encode(o, p, n, 42); }
static int a_ss58_decode(wetee_buf *o, const uint8_t *p, size_t n)
{
    uint16_t prefix = 0;
    int rc = wetee_ss58_decode(o, &prefix, (const char *)p, n);
    return rc ? rc : prefix;
}
static int a_mnemonic_to_entropy(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_mnemonic_to_entropy(o, (const char *)p, n);
}
static int a_mnemonic_from_entropy(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_mnemonic_from_entropy(o, p, n);
}

/* ---- metadata-driven writers (value.h), on the Polkadot metadata of the
 * shared vectors ---- */
static struct {
    wetee_metadata *md;
    const wetee_md_storage *account, *number;
    uint32_t u32;
} V;

static size_t gen_json_u32(uint8_t *in, size_t cap, size_t i)
{
    int n;
    if (i >= 6 || !V.md) return SIZE_MAX;
    n = snprintf((char *)in, cap, i % 2 ? "%u!" : "%u", (unsigned)wt_rand());
    return (size_t)n;
}
static size_t gen_u32_le(uint8_t *in, size_t cap, size_t i) { return V.md ? gen_fixed(in, cap, i, 4) : SIZE_MAX; }
static size_t gen_remark_json(uint8_t *in, size_t cap, size_t i)
{
    uint8_t raw[40] = { 0 };
    wetee_buf t = WETEE_BUF_INIT;
    size_t n;
    if (i >= 6 || !V.md) return SIZE_MAX;
    fill_random(raw, i * 7);
    if (wetee_hex_encode(&t, raw, i * 7, WETEE_HEX_PREFIX) != WETEE_OK) abort();
    n = (size_t)snprintf((char *)in, cap, "{\"remark\":\"%s\"%s", (const char *)t.data, i % 2 ? "" : "}");
    wetee_buf_free(&t);
    return n;
}
static size_t gen_remark_call(uint8_t *in, size_t cap, size_t i)
{
    uint8_t json[256];
    wetee_buf t = WETEE_BUF_INIT;
    size_t n = gen_remark_json(json, sizeof json, i & ~(size_t)1);
    if (n == SIZE_MAX) return n;
    if (wetee_call_encode_json(&t, V.md, "System", "remark", (const char *)json, n) != WETEE_OK || t.len > cap) abort();
    n = t.len - (i % 2); /* odd steps: truncated */
    memcpy(in, t.data, n);
    wetee_buf_free(&t);
    return n;
}
static size_t gen_names(uint8_t *in, size_t cap, size_t i)
{
    static const char names[][16] = { "Staking\0chill", "System\0remark", "Nope\0x" };
    if (i >= 3 || !V.md || cap < 16) return SIZE_MAX;
    memcpy(in, names[i], 16);
    return 16;
}
static size_t gen_account_json(uint8_t *in, size_t cap, size_t i)
{
    uint8_t id[32];
    wetee_buf t = WETEE_BUF_INIT;
    size_t n;
    if (i >= 4 || !V.md) return SIZE_MAX;
    fill_random(id, sizeof id);
    if (wetee_hex_encode(&t, id, i % 2 ? 31 : 32, WETEE_HEX_PREFIX) != WETEE_OK) abort();
    n = (size_t)snprintf((char *)in, cap, "[\"%s\"]", (const char *)t.data);
    wetee_buf_free(&t);
    return n;
}
static size_t gen_account_key(uint8_t *in, size_t cap, size_t i)
{
    uint8_t json[128];
    wetee_buf t = WETEE_BUF_INIT;
    size_t n = gen_account_json(json, sizeof json, i & ~(size_t)1);
    if (n == SIZE_MAX) return n;
    if (wetee_storage_key_json(&t, V.md, V.account, (const char *)json, n) != WETEE_OK || t.len > cap) abort();
    n = t.len - (i % 2);
    memcpy(in, t.data, n);
    wetee_buf_free(&t);
    return n;
}
static size_t gen_small(uint8_t *in, size_t cap, size_t i)
{
    if (i >= 8 || !V.md) return SIZE_MAX;
    return gen_bytes(in, cap, i % 4);
}

static int a_value_encode_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_value_encode_json(o, V.md, V.u32, (const char *)p, n);
}
static int a_value_decode_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_value_decode_json(o, V.md, V.u32, p, n, NULL);
}
static int a_call_encode(wetee_buf *o, const uint8_t *p, size_t n)
{
    const char *pallet = (const char *)p, *call = pallet + strlen(pallet) + 1;
    (void)n;
    return wetee_call_encode(o, V.md, pallet, call, NULL);
}
static int a_call_encode_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_call_encode_json(o, V.md, "System", "remark", (const char *)p, n);
}
static int a_call_decode_json(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_call_decode_json(o, V.md, p, n, NULL); }
static int a_storage_key_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_storage_key_json(o, V.md, V.account, (const char *)p, n);
}
static int a_storage_key_decode_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_storage_key_decode_json(o, V.md, V.account, p, n, NULL);
}
static int a_storage_value_decode_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_storage_value_decode_json(o, V.md, V.number, p, n, NULL);
}
static int a_events_decode_json(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_events_decode_json(o, V.md, p, n, NULL); }
static int a_dispatch_error_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_dispatch_error_json(o, V.md, p, n, NULL);
}

/* tx.h: a builder with a System.remark call, a signer, its payload and
 * extrinsic */
static struct {
    wetee_tx *tx;
    wetee_keypair *kp;
    uint8_t pub_sig[32 + 64];
    wetee_buf payload, xt;
} T;

static void tx_setup(void)
{
    static const uint8_t genesis[32] = { 0x91, 0xb1, 0x71, 0xbb };
    size_t pl = 0, sl = 0;
    uint8_t sig[WETEE_SIGNATURE_MAX_BYTES];
    CHECK_OK(wetee_tx_new(&T.tx, V.md));
    CHECK_OK(wetee_tx_set_call_json(T.tx, "System", "remark", "{\"remark\": \"0x68656c6c6f\"}", SIZE_MAX));
    CHECK_OK(wetee_tx_set_genesis_hash(T.tx, genesis));
    CHECK_OK(wetee_tx_set_runtime_version(T.tx, 1000000, 26));
    CHECK_OK(wetee_tx_set_nonce(T.tx, 5));
    CHECK_OK(wetee_keypair_from_suri(&T.kp, WETEE_SCHEME_SR25519, "//Alice", 7));
    CHECK_OK(wetee_keypair_public(T.kp, T.pub_sig, &pl));
    CHECK_OK(wetee_tx_signing_payload(&T.payload, T.tx));
    CHECK_OK(wetee_keypair_sign(T.kp, sig, &sl, T.payload.data, T.payload.len));
    memcpy(T.pub_sig + 32, sig, 64);
    CHECK_OK(wetee_tx_sign(&T.xt, T.tx, T.kp));
}
static void tx_teardown(void)
{
    wetee_tx_free(T.tx);
    wetee_keypair_free(T.kp);
    wetee_buf_free(&T.payload);
    wetee_buf_free(&T.xt);
    memset(&T, 0, sizeof T);
}
/* pub ‖ signature; odd steps flip a signature bit (VERIFY) */
static size_t gen_pub_sig(uint8_t *in, size_t cap, size_t i)
{
    if (i >= 2 || !T.tx || cap < sizeof T.pub_sig) return SIZE_MAX;
    memcpy(in, T.pub_sig, sizeof T.pub_sig);
    if (i % 2) in[40] ^= 1;
    return sizeof T.pub_sig;
}
static size_t gen_from(const wetee_buf *b, uint8_t *in, size_t cap, size_t i)
{
    size_t n;
    if (i >= 2 || !T.tx || b->len > cap) return SIZE_MAX;
    n = b->len - i; /* odd steps: truncated */
    memcpy(in, b->data, n);
    return n;
}
static size_t gen_xt(uint8_t *in, size_t cap, size_t i) { return gen_from(&T.xt, in, cap, i); }
static size_t gen_payload(uint8_t *in, size_t cap, size_t i) { return gen_from(&T.payload, in, cap, i); }
static int a_tx_attach(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_tx_attach_signature(o, T.tx, WETEE_SCHEME_SR25519, p, 32, p + 32, 64);
}
static int a_extrinsic_decode_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_extrinsic_decode_json(o, V.md, p, n, NULL);
}
static int a_payload_decode_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_tx_payload_decode_json(o, V.md, p, n, NULL);
}

/* metadata_hash.h: proofs for the extrinsic and the payload above (one
 * step each: a proof walks the whole registry) */
static size_t gen_xt1(uint8_t *in, size_t cap, size_t i) { return i ? SIZE_MAX : gen_xt(in, cap, 0); }
static size_t gen_payload1(uint8_t *in, size_t cap, size_t i) { return i ? SIZE_MAX : gen_payload(in, cap, 0); }
static int a_proof(wetee_buf *o, const uint8_t *p, size_t n, int payload)
{
    wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
    info.token_symbol = "DOT";
    info.decimals = 10;
    return payload ? wetee_metadata_proof_for_payload(o, V.md, &info, p, n)
                   : wetee_metadata_proof_for_extrinsic(o, V.md, &info, p, n, NULL, 0);
}
static int a_proof_xt(wetee_buf *o, const uint8_t *p, size_t n) { return a_proof(o, p, n, 0); }
static int a_proof_payload(wetee_buf *o, const uint8_t *p, size_t n) { return a_proof(o, p, n, 1); }

/* ton.h: a ton_proof reply signed here for a W5 wallet of a fixed key; the
 * payload comes back in `out` */
static size_t gen_proof_json(uint8_t *in, size_t cap, size_t i)
{
    static const char dom[] = "app.example", pay[] = "payload-42";
    uint8_t seed[32], sk[64], pk[32], digest[32], sig[64];
    uint32_t id = 0;
    wetee_ton_wallet *w = NULL;
    wetee_ton_address a;
    wetee_ton_cell *si = NULL;
    wetee_buf boc = WETEE_BUF_INIT, b64 = WETEE_BUF_INIT, s64 = WETEE_BUF_INIT;
    char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    int n = -1;
    if (i >= 1) return SIZE_MAX;
    memset(seed, 7, sizeof seed);
    if (wetee_ed25519_keypair_from_seed(sk, pk, seed) == 0 &&
        wetee_ton_wallet_default_id(&id, WETEE_TON_WALLET_V5R1, 0, WETEE_TON_NETWORK_MAINNET) == 0 &&
        wetee_ton_wallet_new(&w, WETEE_TON_WALLET_V5R1, pk, 0, id) == 0 && wetee_ton_wallet_address(&a, w) == 0 &&
        wetee_ton_wallet_state_init(&si, w) == 0 && wetee_ton_boc_serialize(&boc, si, 0) == 0 &&
        wetee_base64_encode(&b64, boc.data, boc.len, 0) == 0 &&
        wetee_ton_proof_hash(digest, &a, dom, sizeof dom - 1, 1700000000u, pay, sizeof pay - 1) == 0 &&
        wetee_ed25519_sign(sig, sk, digest, 32) == 0 && wetee_base64_encode(&s64, sig, 64, 0) == 0 &&
        wetee_ton_address_to_raw(raw, sizeof raw, &a) == 0)
        n = snprintf((char *)in, cap,
                     "{\"address\":\"%s\",\"proof\":{\"timestamp\":\"1700000000\",\"domain\":{\"lengthBytes\":%zu,"
                     "\"value\":\"%s\"},\"payload\":\"%s\",\"signature\":\"%s\",\"state_init\":\"%s\"}}",
                     raw, sizeof dom - 1, dom, pay, (const char *)s64.data, (const char *)b64.data);
    wetee_ton_wallet_free(w);
    wetee_ton_cell_free(si);
    wetee_buf_free(&boc);
    wetee_buf_free(&b64);
    wetee_buf_free(&s64);
    return n > 0 && (size_t)n < cap ? (size_t)n : SIZE_MAX;
}
static int a_proof_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_ton_proof_verify_json(NULL, NULL, o, (const char *)p, n, "app.example", 1700000010u, 60);
}

typedef struct overlap_case {
    const char *name;
    int (*run)(wetee_buf *out, const uint8_t *in, size_t n);
    size_t (*gen)(uint8_t *in, size_t cap, size_t i);
    size_t align; /* the input must start at a multiple of this offset in the block */
} overlap_case;


/* ---- chain client writers (chain.h), on a scripted node (wt_mock_node.h)
 * serving the Polkadot V15 metadata; inputs are names, hashes, keys,
 * JSON and extrinsics, answered or refused the same way from a copy ---- */
static struct {
    wt_mock *m;
    wetee_chain *c;
} CH;

/* NUL-terminated fields one after the other (each literal spells every
 * field's NUL, the last one included) */
typedef struct {
    const char *s;
    size_t n;
} chain_text;
#define CT(x) { x, sizeof x - 1 }
static size_t gen_chain_text(uint8_t *in, size_t cap, size_t i, const chain_text *texts, size_t n)
{
    if (i >= n || !CH.c) return SIZE_MAX;
    if (texts[i].n > cap) abort();
    memcpy(in, texts[i].s, texts[i].n);
    return texts[i].n;
}
static size_t gen_chain_names(uint8_t *in, size_t cap, size_t i)
{
    static const chain_text t[] = { CT("Balances\0ExistentialDeposit\0"), CT("System\0Number\0"), CT("System\0Acount\0"),
                                    CT("Nope\0x\0") };
    return gen_chain_text(in, cap, i, t, 4);
}
static size_t gen_chain_hash(uint8_t *in, size_t cap, size_t i)
{
    static const chain_text t[] = { CT("0x1111111111111111111111111111111111111111111111111111111111111111\0"),
                                    CT("0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac\0"), CT("0x12\0") };
    return gen_chain_text(in, cap, i, t, 3);
}
static size_t gen_chain_method(uint8_t *in, size_t cap, size_t i)
{
    static const chain_text t[] = { CT("system_properties\0[]\0"), CT("rpc_methods\0\0"), CT("no_such_method\0[1,2]\0") };
    return gen_chain_text(in, cap, i, t, 3);
}
static size_t gen_chain_api(uint8_t *in, size_t cap, size_t i)
{
    static const chain_text t[] = {
        CT("AccountNonceApi\0account_nonce\0[\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"]\0"),
        CT("AccountNonceApi\0account_nonce\0[]\0"), CT("Core\0version\0[]\0") };
    return gen_chain_text(in, cap, i, t, 3);
}
static size_t gen_chain_dest(uint8_t *in, size_t cap, size_t i)
{
    static const chain_text t[] = { CT("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\0"), CT("notanaddress\0") };
    return gen_chain_text(in, cap, i, t, 2);
}
static size_t gen_chain_bytes(uint8_t *in, size_t cap, size_t i) { return CH.c ? gen_bytes(in, cap, i) : SIZE_MAX; }
static const char *second(const uint8_t *p) { return (const char *)p + strlen((const char *)p) + 1; }
static int a_chain_request(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_chain_request(o, CH.c, (const char *)p, *second(p) ? second(p) : NULL);
}
static int a_chain_header(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_chain_header_json(o, CH.c, (const char *)p);
}
static int a_chain_storage_raw(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_chain_storage_raw(o, NULL, CH.c, (const char *)p, (const char *)p);
}
static int a_chain_storage_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_chain_storage_json(o, CH.c, (const char *)p, second(p), NULL, NULL);
}
static int a_chain_entries(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_chain_storage_entries_json(o, CH.c, "System", "Account", NULL, 3, (const char *)p, NULL);
}
static int a_chain_constant(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_chain_constant_json(o, CH.c, (const char *)p, second(p));
}
static int a_chain_runtime_call(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_chain_runtime_call_json(o, CH.c, (const char *)p, second(p), second((const uint8_t *)second(p)), NULL);
}
static int a_chain_events(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_chain_events_json(o, CH.c, (const char *)p);
}
static int a_chain_fee_info(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_chain_fee_info_json(o, CH.c, p, n); }
static int a_chain_fee_details(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_chain_fee_details_json(o, CH.c, p, n); }
static int a_chain_submit_watch(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_chain_submit_and_watch(o, CH.c, p, n, WETEE_TX_IN_BLOCK, 1000);
}
static int a_chain_transfer(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_chain_transfer(o, CH.c, T.kp, (const char *)p, wetee_u128_from_u64(5), 0, WETEE_TX_IN_BLOCK, 1000);
}

/* pay.h: the receiver's address (then the memo) inside the output buffer */
static struct {
    wetee_token_registry *reg;
    wetee_payer *payer;
    const wetee_token *dot;
} PAY;
static size_t gen_pay_dest(uint8_t *in, size_t cap, size_t i)
{
    static const chain_text t[] = { CT("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\0order-42\0"),
                                    CT("0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48\0\0"),
                                    CT("notanaddress\0memo\0") };
    if (i >= 3 || !V.md) return SIZE_MAX;
    if (t[i].n > cap) abort();
    memcpy(in, t[i].s, t[i].n);
    return t[i].n;
}
static void pay_setup(void)
{
    if (wetee_token_registry_new(&PAY.reg, 0) != WETEE_OK || wetee_payer_new(&PAY.payer, PAY.reg) != WETEE_OK ||
        wetee_token_lookup(&PAY.dot, PAY.reg, "polkadot", WETEE_TOKEN_NATIVE, NULL) != WETEE_OK)
        abort();
}
static void pay_teardown(void)
{
    wetee_payer_free(PAY.payer);
    wetee_token_registry_free(PAY.reg);
    memset(&PAY, 0, sizeof PAY);
}
static int a_pay_prepare(wetee_buf *o, const uint8_t *p, size_t n)
{
    wetee_pay_options opt = WETEE_PAY_OPTIONS_INIT;
    (void)n;
    opt.flags = WETEE_PAY_MEMO_REMARK;
    return wetee_pay_prepare(NULL, o, V.md, PAY.dot, wetee_u128_from_u64(15000000000ull), (const char *)p, second(p), &opt);
}
static int a_pay_quote(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n; /* no route for the chain: refused the same way from a copy */
    return wetee_pay_quote(o, PAY.payer, PAY.dot, wetee_u128_from_u64(5), (const char *)p, second(p), NULL);
}
/* ---- contract.h writers, on the built-in Cloud ABI; the calls that need a
 * chain run without one (refused before any output, the same with an
 * overlapping input) ---- */
static wetee_contract_abi *CABI;
static wetee_metadata *RMD; /* revive-dev-runtime V16 (shared vectors) */
static const wetee_revive_limits CLIM;
static size_t gen_cjson(uint8_t *in, size_t cap, size_t i)
{
    static const char *t[] = { "[7]", "{\"pod_id\": 9}", "[1", "[]" };
    if (i >= 4 || !CABI) return SIZE_MAX;
    return (size_t)snprintf((char *)in, cap, "%s", t[i]);
}
static size_t gen_cname(uint8_t *in, size_t cap, size_t i)
{
    static const char *t[] = { "stop_pod", "create_pod", "nope" };
    if (i >= 3 || !CABI) return SIZE_MAX;
    return (size_t)snprintf((char *)in, cap, "%s", t[i]) + 1;
}
static size_t gen_cdata(uint8_t *in, size_t cap, size_t i) { return CABI ? gen_bytes(in, cap, i) : SIZE_MAX; }
static size_t gen_rdata(uint8_t *in, size_t cap, size_t i) { return RMD ? gen_bytes(in, cap, i) : SIZE_MAX; }
static size_t gen_ccall(uint8_t *in, size_t cap, size_t i)
{
    if (i >= 4 || !CABI || cap < 12) return SIZE_MAX;
    memcpy(in, "\x3c\x64\x4b\x83\x07\0\0\0\0\0\0\0", 12);
    return 12 - i;
}
static int a_c_msg_json(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_contract_abi_message_json(o, CABI, (const char *)p);
}
static int a_c_encode(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_contract_encode_call(o, CABI, "stop_pod", (const char *)p, n); }
static int a_c_decode_call(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_contract_decode_call(o, CABI, p, n); }
static int a_c_decode_return(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_contract_decode_return(o, CABI, "pod_len", p, n); }
static int a_c_decode_revert(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_contract_decode_revert(o, CABI, p, n); }
static int a_r_call(wetee_buf *o, const uint8_t *p, size_t n)
{
    static const uint8_t dest[20];
    return wetee_revive_call_encode(o, RMD, dest, wetee_u128_from_u64(1), &CLIM, p, n);
}
static int a_r_inst(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_revive_instantiate_with_code_encode(o, RMD, wetee_u128_from_u64(1), &CLIM, p, n, p, n / 2, NULL);
}
static int a_r_upload(wetee_buf *o, const uint8_t *p, size_t n) { return wetee_revive_upload_code_encode(o, RMD, p, n, wetee_u128_from_u64(3)); }
static int a_r_dry_input(wetee_buf *o, const uint8_t *p, size_t n)
{
    static const uint8_t acc[32], dest[20];
    return wetee_revive_dry_run_input(o, RMD, acc, dest, wetee_u128_from_u64(1), NULL, p, n);
}
static int a_r_revive_call(wetee_buf *o, const uint8_t *p, size_t n)
{
    static const uint8_t dest[20];
    return wetee_revive_call(o, NULL, NULL, NULL, dest, wetee_u128_from_u64(0), p, n, 0, 1);
}
static int a_c_query(wetee_buf *o, const uint8_t *p, size_t n)
{
    static const uint8_t acc[32], dest[20];
    return wetee_contract_query(o, NULL, CABI, acc, dest, "stop_pod", (const char *)p, n);
}
static int a_c_pod_cost(wetee_buf *o, const uint8_t *p, size_t n)
{
    static const char price[] = "{\"cpu_per\":2,\"cvm_cpu_per\":3,\"memory_per\":5,\"cvm_memory_per\":7,\"disk_per\":11,\"gpu_per\":13}";
    return wetee_contract_pod_cost(o, (const char *)p, n, price, sizeof price - 1, 0, 10, "3");
}
static size_t gen_containers(uint8_t *in, size_t cap, size_t i)
{
    static const char *t[] = { "[{\"cpu\":1,\"mem\":2}]", "[{\"cpu\":10,\"mem\":20,\"gpu\":1,\"disk\":5},{\"cpu\":3,\"mem\":4}]", "[{\"cpu\":1}]" };
    if (i >= 3) return SIZE_MAX;
    return (size_t)snprintf((char *)in, cap, "%s", t[i]);
}
static int a_c_create_pod(wetee_buf *o, const uint8_t *p, size_t n)
{
    static const uint8_t dest[20];
    uint64_t id;
    return wetee_contract_create_pod(&id, o, NULL, NULL, dest, (const char *)p, n, wetee_u128_from_u64(0), 1);
}

/* ---- cloud writers (cloud.h), on a scripted node serving WeTEE's
 * spec-110 metadata: empty storage, no blocks; inputs are addresses,
 * names, JSON and report bytes ---- */
static struct {
    wt_mock *m;
    wetee_chain *c;
    wetee_cloud *cl;
} CL;
static size_t gen_cloud_text(uint8_t *in, size_t cap, size_t i)
{
    static const chain_text t[] = { CT("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\0"), CT("notanaddress\0"),
                                    CT("{\"cpu\":10,\"mem\":10}\0"), CT("[1]\0") };
    if (!CL.cl) return SIZE_MAX;
    return gen_chain_text(in, cap, i, t, 4);
}
static size_t gen_cloud_bytes(uint8_t *in, size_t cap, size_t i) { return CL.cl ? gen_bytes(in, cap, i) : SIZE_MAX; }
static int a_cloud_submit(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_cloud_submit(o, CL.cl, T.kp, WETEE_CLOUD_APP, "restart", (const char *)p, 1000);
}
static int a_cloud_list(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_cloud_list_json(o, CL.cl, WETEE_CLOUD_APP, (const char *)p);
}
static int a_cloud_register(wetee_buf *o, const uint8_t *p, size_t n)
{
    uint64_t id;
    (void)n;
    return wetee_cloud_cluster_register(&id, o, CL.cl, T.kp, (const char *)p, 2130706433u, 80, 1, 1000);
}
static int a_cloud_mortgage(wetee_buf *o, const uint8_t *p, size_t n)
{
    (void)n;
    return wetee_cloud_cluster_mortgage(o, CL.cl, T.kp, 1, (const char *)p, wetee_u128_from_u64(60), 1000);
}
static int a_cloud_proof(wetee_buf *o, const uint8_t *p, size_t n)
{
    return wetee_cloud_work_proof_upload(o, CL.cl, T.kp, WETEE_CLOUD_APP, 0, NULL, p, n, 1000);
}
static void cloud_setup(void)
{
    size_t len = 0;
    uint8_t *j = wt_read_vector("wetee/wetee-dev-spec110-metadata.json", &len);
    const char *r;
    char *res;
    if (!j || (r = strstr((const char *)j, "\"0x")) == NULL || (CL.m = wt_mock_new()) == NULL) {
        free(j);
        return;
    }
    res = malloc(strlen(r) + 1);
    strcpy(res, r);
    *strchr(res + 1, '"') = 0;
    strcat(res, "\"");
    free(j);
    wt_mock_set(CL.m, "chain_getBlockHash", "\"0x4545454545454545454545454545454545454545454545454545454545454545\"");
    wt_mock_set(CL.m, "state_getRuntimeVersion",
                "{\"specName\":\"WeTEE-dev\",\"specVersion\":110,\"transactionVersion\":1,\"apis\":[]}");
    wt_mock_set_error(CL.m, "state_call:Metadata_metadata_versions", -32000, "Client error: Execution failed");
    wt_mock_set(CL.m, "state_getMetadata", res);
    free(res);
    wt_mock_set(CL.m, "system_properties", "{\"ss58Format\":42,\"tokenDecimals\":12,\"tokenSymbol\":\"WTE\"}");
    wt_mock_set(CL.m, "rpc_methods", "{\"methods\":[\"author_submitAndWatchExtrinsic\"]}");
    wt_mock_set(CL.m, "state_getStorage", "null");
    wt_mock_set(CL.m, "chain_getHeader", "null");
    wt_mock_set(CL.m, "state_getKeysPaged", "[]");
    wt_mock_set(CL.m, "system_accountNextIndex", "0");
    CHECK_OK(wetee_chain_new(&CL.c, wt_mock_rpc(CL.m), NULL));
    CHECK_OK(wetee_cloud_open(&CL.cl, CL.c));
}
static void cloud_teardown(void)
{
    wetee_cloud_free(CL.cl);
    wetee_chain_free(CL.c);
    wt_mock_free(CL.m);
    memset(&CL, 0, sizeof CL);
}

#define OVERLAP(fn, adapter, gen, align) { #fn, adapter, gen, align }

static const overlap_case CASES[] = {
    OVERLAP(wetee_buf_append, a_buf_append, gen_bytes, 1),
    OVERLAP(wetee_hex_encode, a_hex_encode, gen_bytes, 1),
    OVERLAP(wetee_hex_decode, a_hex_decode, gen_hex, 1),
    OVERLAP(wetee_base58_encode, a_b58_encode, gen_bytes, 1),
    OVERLAP(wetee_base58_decode, a_b58_decode, gen_b58, 1),
    OVERLAP(wetee_base64_encode, a_b64_encode, gen_bytes, 1),
    OVERLAP(wetee_base64_decode, a_b64_decode, gen_b64, 1),
    OVERLAP(wetee_scale_put_u256, a_put_u256, gen_32, 1),
    OVERLAP(wetee_scale_put_compact_big, a_put_compact_big, gen_compact_big, 1),
    OVERLAP(wetee_scale_put_bytes, a_put_bytes, gen_bytes, 1),
    OVERLAP(wetee_scale_put_str, a_put_str, gen_utf8, 1),
    OVERLAP(wetee_scale_put_raw, a_put_raw, gen_bytes, 1),
    OVERLAP(wetee_scale_put_u16_array, a_put_u16_array, gen_bytes, 2),
    OVERLAP(wetee_scale_put_u32_array, a_put_u32_array, gen_bytes, 4),
    OVERLAP(wetee_scale_put_u64_array, a_put_u64_array, gen_bytes, 8),
    OVERLAP(wetee_scale_put_bitvec, a_put_bitvec, gen_bytes, 1),
    OVERLAP(wetee_scale_get_bitvec, a_get_bitvec, gen_bitvec, 1),
    OVERLAP(wetee_eth_address_to_string, a_eth_to_string, gen_20, 1),
    OVERLAP(wetee_ss58_encode, a_ss58_encode, gen_32, 1),
    OVERLAP(wetee_ss58_decode, a_ss58_decode, gen_ss58, 1),
    OVERLAP(wetee_mnemonic_to_entropy, a_mnemonic_to_entropy, gen_phrase, 1),
    OVERLAP(wetee_mnemonic_from_entropy, a_mnemonic_from_entropy, gen_entropy, 1),
    OVERLAP(wetee_value_encode_json, a_value_encode_json, gen_json_u32, 1),
    OVERLAP(wetee_value_decode_json, a_value_decode_json, gen_u32_le, 1),
    OVERLAP(wetee_call_encode, a_call_encode, gen_names, 1),
    OVERLAP(wetee_call_encode_json, a_call_encode_json, gen_remark_json, 1),
    OVERLAP(wetee_call_decode_json, a_call_decode_json, gen_remark_call, 1),
    OVERLAP(wetee_storage_key_json, a_storage_key_json, gen_account_json, 1),
    OVERLAP(wetee_storage_key_decode_json, a_storage_key_decode_json, gen_account_key, 1),
    OVERLAP(wetee_storage_value_decode_json, a_storage_value_decode_json, gen_u32_le, 1),
    OVERLAP(wetee_events_decode_json, a_events_decode_json, gen_small, 1),
    OVERLAP(wetee_dispatch_error_json, a_dispatch_error_json, gen_small, 1),
    OVERLAP(wetee_tx_attach_signature, a_tx_attach, gen_pub_sig, 1),
    OVERLAP(wetee_extrinsic_decode_json, a_extrinsic_decode_json, gen_xt, 1),
    OVERLAP(wetee_tx_payload_decode_json, a_payload_decode_json, gen_payload, 1),
    OVERLAP(wetee_metadata_proof_for_extrinsic, a_proof_xt, gen_xt1, 1),
    OVERLAP(wetee_metadata_proof_for_payload, a_proof_payload, gen_payload1, 1),
    OVERLAP(wetee_chain_request, a_chain_request, gen_chain_method, 1),
    OVERLAP(wetee_chain_header_json, a_chain_header, gen_chain_hash, 1),
    OVERLAP(wetee_chain_storage_raw, a_chain_storage_raw, gen_chain_hash, 1),
    OVERLAP(wetee_chain_storage_json, a_chain_storage_json, gen_chain_names, 1),
    OVERLAP(wetee_chain_storage_entries_json, a_chain_entries, gen_chain_hash, 1),
    OVERLAP(wetee_chain_constant_json, a_chain_constant, gen_chain_names, 1),
    OVERLAP(wetee_chain_runtime_call_json, a_chain_runtime_call, gen_chain_api, 1),
    OVERLAP(wetee_chain_events_json, a_chain_events, gen_chain_hash, 1),
    OVERLAP(wetee_chain_fee_info_json, a_chain_fee_info, gen_chain_bytes, 1),
    OVERLAP(wetee_chain_fee_details_json, a_chain_fee_details, gen_chain_bytes, 1),
    OVERLAP(wetee_chain_submit_and_watch, a_chain_submit_watch, gen_chain_bytes, 1),
    OVERLAP(wetee_chain_transfer, a_chain_transfer, gen_chain_dest, 1),
    OVERLAP(wetee_cloud_submit, a_cloud_submit, gen_cloud_text, 1),
    OVERLAP(wetee_cloud_list_json, a_cloud_list, gen_cloud_text, 1),
    OVERLAP(wetee_cloud_cluster_register, a_cloud_register, gen_cloud_text, 1),
    OVERLAP(wetee_cloud_cluster_mortgage, a_cloud_mortgage, gen_cloud_text, 1),
    OVERLAP(wetee_cloud_work_proof_upload, a_cloud_proof, gen_cloud_bytes, 1),
    OVERLAP(wetee_ton_proof_verify_json, a_proof_json, gen_proof_json, 1),
    OVERLAP(wetee_pay_prepare, a_pay_prepare, gen_pay_dest, 1),
    OVERLAP(wetee_pay_quote, a_pay_quote, gen_pay_dest, 1),
    OVERLAP(wetee_contract_abi_message_json, a_c_msg_json, gen_cname, 1),
    OVERLAP(wetee_contract_encode_call, a_c_encode, gen_cjson, 1),
    OVERLAP(wetee_contract_decode_call, a_c_decode_call, gen_ccall, 1),
    OVERLAP(wetee_contract_decode_return, a_c_decode_return, gen_cdata, 1),
    OVERLAP(wetee_contract_decode_revert, a_c_decode_revert, gen_cdata, 1),
    OVERLAP(wetee_revive_call_encode, a_r_call, gen_rdata, 1),
    OVERLAP(wetee_revive_instantiate_with_code_encode, a_r_inst, gen_rdata, 1),
    OVERLAP(wetee_revive_upload_code_encode, a_r_upload, gen_rdata, 1),
    OVERLAP(wetee_revive_dry_run_input, a_r_dry_input, gen_rdata, 1),
    OVERLAP(wetee_revive_call, a_r_revive_call, gen_cdata, 1),
    OVERLAP(wetee_contract_query, a_c_query, gen_cjson, 1),
    OVERLAP(wetee_contract_pod_cost, a_c_pod_cost, gen_containers, 1),
    OVERLAP(wetee_contract_create_pod, a_c_create_pod, gen_cjson, 1),
    /* wetee_keystore_export and wetee_ton_mnemonic_generate have their own
     * tests below (their output is randomised) */
};

/* Where the input goes inside the output buffer. */
enum placement { WHOLE, PREFIX, SUFFIX, SPARE, NPLACEMENTS };
static const char *const PLACEMENT_NAMES[] = { "whole content", "prefix", "suffix", "spare capacity" };

/* Build `b` (fresh) holding `junk` bytes around the input per `where`;
 * `tight` leaves no spare capacity after the content (the call must grow).
 * Returns the input's address inside b. */
static const uint8_t *place(wetee_buf *b, const uint8_t *in, size_t n, enum placement where, size_t align,
                            int tight)
{
    size_t junk = 5 + (size_t)(wt_rand() % 9), content, at = 0, k;
    junk = (junk + align - 1) / align * align;
    switch (where) {
    case WHOLE: content = n; at = 0; break;
    case PREFIX: content = n + junk; at = 0; break;
    case SUFFIX: content = n + junk; at = junk; break;
    default: content = junk; at = junk + align; break; /* SPARE: past len */
    }
    /* capacity: exactly enough for the content and the spare-capacity copy
     * (tight), or generous */
    {
        size_t need = (where == SPARE ? at + n : content) + 1;
        size_t cap = tight ? need : need + 4096;
        b->data = malloc(cap); /* the default allocator is malloc/free */
        if (!b->data) abort();
        b->cap = cap;
    }
    for (k = 0; k < content; k++) b->data[k] = (uint8_t)(0xa0 + k % 7);
    if (n) memcpy(b->data + at, in, n);
    b->len = content;
    return b->data + at;
}

static void check_case(const overlap_case *c, size_t i, const uint8_t *in, size_t n, enum placement where,
                       int tight)
{
    wetee_buf ref = WETEE_BUF_INIT, b = WETEE_BUF_INIT;
    const uint8_t *inside;
    uint8_t *copy = malloc(n ? n : 1);
    int rc_ref, rc;
    if (!copy) abort();
    if (n) memcpy(copy, in, n);
    inside = place(&b, in, n, where, c->align, tight);
    /* the reference: the same content, the input in a separate block */
    CHECK_OK(wetee_buf_append(&ref, b.data, b.len));
    rc_ref = c->run(&ref, copy, n);
    rc = c->run(&b, inside, n);
    wt_test_checks++;
    if (rc != rc_ref || (rc >= 0 && (b.len != ref.len || (b.len && memcmp(b.data, ref.data, b.len) != 0))) ||
        (rc < 0 && b.len != ref.len)) {
        wt_test_failures++;
        fprintf(stderr, "overlap: %s, size step %zu (%zu bytes), input as %s of a %s buffer: rc %d (reference %d), "
                        "len %zu (reference %zu)%s\n",
                c->name, i, n, PLACEMENT_NAMES[where], tight ? "full" : "roomy", rc, rc_ref, b.len, ref.len,
                rc >= 0 && rc == rc_ref && b.len == ref.len ? ", different bytes" : "");
    }
    wetee_buf_free(&b);
    wetee_buf_free(&ref);
    free(copy);
}

void test_overlap_every_writer(void)
{
    uint8_t in[2048];
    size_t len = 0;
    uint8_t *md = wt_read_vector("metadata/polkadot_metadata_full.scale", &len);
    wt_rand_seed(0x0e71a9);
    CHECK_OK(wetee_contract_abi_wetee(&CABI, "cloud"));
    {
        size_t rl = 0;
        uint8_t *r = wt_read_vector("wetee/revive-dev-runtime-v16.scale", &rl);
        if (r) CHECK_OK(wetee_metadata_parse(&RMD, r, rl, NULL));
        else printf("SKIP test_overlap_every_writer (Revive calls): vectors/wetee/revive-dev-runtime-v16.scale absent\n");
        free(r);
    }
    if (md) {
        const wetee_md_pallet *system;
        CHECK_OK(wetee_metadata_parse(&V.md, md, len, NULL));
        free(md);
        system = wetee_metadata_pallet_by_name(V.md, "System");
        V.account = wetee_md_pallet_storage_by_name(V.md, system, "Account");
        V.number = wetee_md_pallet_storage_by_name(V.md, system, "Number");
        CHECK(V.account != NULL && V.number != NULL);
        V.u32 = wetee_md_storage_value_type(V.number);
        tx_setup();
        pay_setup();
        if ((CH.m = wt_mock_polkadot()) != NULL) {
            /* empty storage, no such blocks; fees and submissions refused */
            wt_mock_set(CH.m, "state_getStorage", "null");
            wt_mock_set(CH.m, "chain_getHeader", "null");
            wt_mock_set(CH.m, "state_getKeysPaged", "[]");
            wt_mock_set(CH.m, "system_accountNextIndex", "0");
            CHECK_OK(wetee_chain_new(&CH.c, wt_mock_rpc(CH.m), NULL));
        }
        cloud_setup();
    } else {
        wt_test_skipped++;
        printf("SKIP test_overlap_every_writer (value.h part): vectors/metadata/polkadot_metadata_full.scale absent\n");
    }
    for (size_t c = 0; c < sizeof CASES / sizeof CASES[0]; c++) {
        size_t runs = 0;
        for (size_t i = 0;; i++) {
            size_t n = CASES[c].gen(in, sizeof in, i);
            if (n == SIZE_MAX) break;
            runs++;
            for (int where = 0; where < NPLACEMENTS; where++)
                for (int tight = 0; tight < 2; tight++) check_case(&CASES[c], i, in, n, (enum placement)where, tight);
        }
        CHECK(runs >= 1 || !V.md || !RMD); /* every case ran */
    }
    cloud_teardown();
    wetee_contract_abi_free(CABI);
    CABI = NULL;
    wetee_metadata_free(RMD);
    RMD = NULL;
    wetee_chain_free(CH.c);
    wt_mock_free(CH.m);
    CH.c = NULL;
    CH.m = NULL;
    tx_teardown();
    pay_teardown();
    wetee_metadata_free(V.md);
    V.md = NULL;
}

/* The input is read before the buffer is grown: a long SCALE byte string
 * appended from the start of its own buffer, many times over (each call
 * doubles the buffer, and the old block is freed and wiped). */
void test_overlap_self_append_doubling(void)
{
    wetee_buf b = WETEE_BUF_INIT, hex = WETEE_BUF_INIT;
    CHECK_OK(wetee_buf_append(&b, (const uint8_t *)"wetee", 5));
    for (int k = 0; k < 12; k++) CHECK_OK(wetee_buf_append(&b, b.data, b.len));
    CHECK(b.len == 5u << 12);
    for (size_t k = 0; k < b.len; k++)
        if (b.data[k] != (uint8_t)"wetee"[k % 5]) { CHECK(!"self-append corrupted the content"); break; }
    /* hex of itself, in place */
    CHECK_OK(wetee_hex_encode(&b, b.data, 5, 0));
    CHECK_STR((const char *)b.data, "7765746565");
    CHECK_OK(wetee_hex_decode(&b, (const char *)b.data, b.len));
    CHECK(b.len == 5 && memcmp(b.data, "wetee", 5) == 0);
    wetee_buf_free(&hex);
    wetee_buf_free(&b);
}

/* wetee_rpc_call: method and params may lie in `result` (they are copied
 * into the request before anything is written there). An application
 * transport that answers at once with the params it was sent. */
static wetee_rpc *g_echo_rpc;
static int echo_send(void *ctx, const char *json, size_t len)
{
    (void)ctx;
    char out[512];
    const char *id = strstr(json, "\"id\":"), *params = strstr(json, "\"params\":");
    if (!id || !params || len > 400) return -1;
    int n = snprintf(out, sizeof out, "{\"jsonrpc\":\"2.0\",\"id\":%lu,\"result\":%.*s}", strtoul(id + 5, NULL, 10),
                     (int)(json + len - 1 - (params + 9)), params + 9);
    return wetee_rpc_transport_receive(g_echo_rpc, out, (size_t)n) == WETEE_OK ? 0 : -1;
}

void test_overlap_rpc_call(void)
{
    wetee_rpc_transport tr = WETEE_RPC_TRANSPORT_INIT;
    tr.send = echo_send;
    CHECK_OK(wetee_rpc_new_custom(&g_echo_rpc, &tr, NULL));
    if (!g_echo_rpc) return;
    CHECK_OK(wetee_rpc_transport_open(g_echo_rpc));
    wetee_buf b = WETEE_BUF_INIT;
    CHECK_OK(wetee_buf_append(&b, (const uint8_t *)"echo\0[1, \"two\"]", 15));
    CHECK_OK(wetee_rpc_call(&b, g_echo_rpc, (const char *)b.data, (const char *)b.data + 5, 10, 0));
    CHECK_STR((const char *)b.data, "[1, \"two\"]");
    wetee_buf_free(&b);
    wetee_rpc_free(g_echo_rpc);
    g_echo_rpc = NULL;
}

/* wetee_keystore_export: the password (and name) may lie in `out`; the
 * export is random, so the check is that it opens with the password. */
void test_overlap_keystore_export(void)
{
    wetee_keypair *kp = NULL, *back = NULL;
    wetee_buf b = WETEE_BUF_INIT;
    static const char pw[] = "correct horse";
    uint8_t pub1[WETEE_PUBLIC_MAX_BYTES], pub2[WETEE_PUBLIC_MAX_BYTES];
    size_t l1 = 0, l2 = 0;
    CHECK_OK(wetee_keypair_from_suri(&kp, WETEE_SCHEME_SR25519, "//Alice", 7));
    CHECK_OK(wetee_buf_append(&b, (const uint8_t *)pw, sizeof pw)); /* with its NUL: also the name */
    CHECK_OK(wetee_keystore_export(&b, kp, (const char *)b.data, sizeof pw - 1, (const char *)b.data, 1));
    CHECK_OK(wetee_keystore_import(&back, (const char *)b.data, b.len, pw, sizeof pw - 1));
    if (back) {
        CHECK_OK(wetee_keypair_public(kp, pub1, &l1));
        CHECK_OK(wetee_keypair_public(back, pub2, &l2));
        CHECK(l1 == l2 && memcmp(pub1, pub2, l1) == 0);
    }
    CHECK(b.len > 0 && strstr((const char *)b.data, "\"name\":\"correct horse\"") != NULL);
    /* the same through the options form, at the cheaper N = 2^15 */
    wetee_keypair_free(back);
    back = NULL;
    {
        wetee_keystore_options o = WETEE_KEYSTORE_OPTIONS_INIT;
        wetee_buf_clear(&b);
        CHECK_OK(wetee_buf_append(&b, (const uint8_t *)pw, sizeof pw));
        o.scrypt_n = 1u << 15;
        o.name = (const char *)b.data;
        CHECK_OK(wetee_keystore_export_opts(&b, kp, (const char *)b.data, sizeof pw - 1, &o));
        CHECK_OK(wetee_keystore_import(&back, (const char *)b.data, b.len, pw, sizeof pw - 1));
        CHECK(b.len > 0 && strstr((const char *)b.data, "\"name\":\"correct horse\"") != NULL);
    }
    wetee_keypair_free(back);
    wetee_keypair_free(kp);
    wetee_buf_free(&b);
}

/* wetee_ton_mnemonic_generate: the password may lie in `out`; the words
 * are random, so the check is that they validate with that password. */
void test_overlap_ton_mnemonic(void)
{
    wetee_buf b = WETEE_BUF_INIT;
    static const char pw[] = "ton password";
    CHECK_OK(wetee_buf_append(&b, (const uint8_t *)pw, sizeof pw - 1));
    CHECK_OK(wetee_ton_mnemonic_generate(&b, (const char *)b.data, b.len));
    CHECK_OK(wetee_ton_mnemonic_validate((const char *)b.data, b.len, pw, sizeof pw - 1));
    wetee_buf_free_secure(&b);
}

/* wetee_toncenter_run_get_method: the address and method may lie in
 * `result`. Here against a port where nothing listens, so both the copied
 * and the overlapping inputs must give the same transport error (with the
 * buffer left as it was); tests/toncenter checks the same against the
 * replay server, where the call succeeds. */
void test_overlap_toncenter(void)
{
    static const char addr[] = "0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3";
    wetee_toncenter_options o = WETEE_TONCENTER_OPTIONS_INIT;
    wetee_toncenter *c = NULL;
    wetee_buf b = WETEE_BUF_INIT;
    int ec = 0, rc;
    o.v2_url = "http://127.0.0.1:1/api/v2";
    o.timeout_ms = 2000;
    rc = wetee_toncenter_new(&c, &o);
    if (rc == WETEE_ERR_UNSUPPORTED) return; /* a build without the network parts */
    CHECK_OK(rc);
    CHECK_OK(wetee_buf_append(&b, (const uint8_t *)addr, sizeof addr));
    CHECK_ERR(wetee_toncenter_run_get_method(&b, &ec, c, (const char *)b.data, "seqno", NULL), WETEE_ERR_NETWORK);
    CHECK(b.len == sizeof addr && memcmp(b.data, addr, sizeof addr) == 0);
    wetee_toncenter_free(c);
    wetee_buf_free(&b);
}

/* wetee_seal_to_key / wetee_seal_to / wetee_seal_open: the secret (or the
 * sealed box) may lie in `out`; sealing is random, so the check is that
 * the box opens to the secret. wetee_seal_to needs an accepted recipient:
 * the shared TDX sample with its REPORTDATA as the key (nobody holds its
 * private half, so that box is only checked for its size). */
void test_overlap_seal(void)
{
    static const char secret[] = "API_TOKEN=not-for-the-operator";
    uint8_t sk[32], pk[32];
    wetee_buf b = WETEE_BUF_INIT;
    memset(sk, 0x61, sizeof sk);
    CHECK_OK(wetee_seal_x25519_public(pk, sk, WETEE_SEAL_KEY_X25519));
    CHECK_OK(wetee_buf_append(&b, (const uint8_t *)secret, sizeof secret - 1));
    CHECK_OK(wetee_seal_to_key(&b, pk, WETEE_SEAL_KEY_X25519, b.data, b.len));
    CHECK(b.len == sizeof secret - 1 + WETEE_SEAL_OVERHEAD);
    CHECK_OK(wetee_seal_open(&b, b.data, b.len, sk, sizeof sk, WETEE_SEAL_KEY_X25519));
    CHECK(b.len == sizeof secret - 1 && memcmp(b.data, secret, b.len) == 0);
    {
        size_t qlen = 0, clen = 0;
        uint8_t *q = wt_read_vector("attestation/tdx/quote.bin", &qlen);
        char *coll = (char *)wt_read_vector("attestation/tdx/collateral.json", &clen);
        wetee_attest_collateral *c = NULL;
        wetee_seal_recipient *rec = NULL;
        if (q != NULL && coll != NULL) {
            CHECK_OK(wetee_attest_collateral_from_json(&c, coll, clen));
            CHECK_OK(wetee_seal_verify(&rec, q, qlen, c, NULL, NULL, WETEE_SEAL_SOURCE_REPORT_DATA_X25519, 1751000000));
            CHECK_OK(wetee_seal_to(&b, rec, b.data, b.len));
            CHECK(b.len == sizeof secret - 1 + WETEE_SEAL_OVERHEAD);
        } else {
            printf("SKIP api.test_overlap_seal: wetee_seal_to part (attestation/tdx not found)\n");
        }
        wetee_seal_recipient_free(rec);
        wetee_attest_collateral_free(c);
        free(q);
        free(coll);
    }
    wetee_buf_free_secure(&b);
}
