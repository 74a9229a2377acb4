/* Differential test of libwetee's TON module against @ton/core and
 * @ton/crypto: the libwetee side. Pairs with ton/ton_diff.mjs; run.sh
 * drives both.
 *
 *   ton_vectors check FILE       check records made by @ton/core
 *                                (ton_diff.mjs gen): every BOC parses to
 *                                the same hashes and depths at levels
 *                                0..3, and libwetee re-serialises each of
 *                                the four flag combinations byte for byte;
 *                                addresses in all eight forms; rejected
 *                                addresses; builder cases (coins, address,
 *                                snake string) by hash and BOC; mnemonics
 *                                from mnemonicNew to key pairs (ton-crypto);
 *                                jetton transfer bodies and wallet
 *                                addresses (TEP-74 encoded with @ton/core);
 *                                dictionaries (HashmapE) built and loaded,
 *                                against @ton/core Dictionary's BOC;
 *                                signed v3r2/v4r2/v5r1 transfers of a fixed
 *                                key (@ton/ton createTransfer, external
 *                                message as TonClient sends it): address,
 *                                body hash and message BOC byte for byte;
 *                                highload v3 batches and single requests
 *                                (ton-highload/highload_diff.mjs,
 *                                @tonkite/highload-wallet-v3) likewise
 *   ton_vectors gen SEED COUNT   random cells (ordinary, library, pruned,
 *                                Merkle proof and update, shared subtrees)
 *                                and addresses made by libwetee, and
 *                                generated mnemonics with their key pairs,
 *                                for ton_diff.mjs check
 *   ton_vectors selfcheck        round trips of the generator (no node)
 *
 * check and selfcheck end with "N passed, M failed" and exit non-zero on
 * any failure.
 */
#define _POSIX_C_SOURCE 200809L /* getline */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

static int passed, failed;

static void fail(const char *line, const char *why)
{
    failed++;
    if (failed <= 10) printf("FAIL %s: %.200s (%s)\n", why, line, wetee_last_error());
}

static size_t split(char *line, char **f, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (n < max) {
        f[n++] = p;
        p = strchr(p, '\t');
        if (!p) break;
        *p++ = 0;
    }
    return n;
}

static int unhex(wetee_buf *out, const char *hex) { return wetee_hex_decode(out, hex, strlen(hex)); }

static void tohex(wetee_buf *out, const uint8_t *d, size_t n)
{
    wetee_hex_encode(out, d, n, 0);
}

static void levels(char *hs, size_t hs_size, char *ds, size_t ds_size, const wetee_ton_cell *c)
{
    size_t hp = 0, dp = 0;
    for (unsigned l = 0; l < 4; l++) {
        uint8_t h[32];
        wetee_ton_cell_hash_at(h, c, l);
        for (int i = 0; i < 32; i++) hp += (size_t)snprintf(hs + hp, hs_size - hp, "%02x", h[i]);
        if (l < 3) hs[hp++] = ',';
        dp += (size_t)snprintf(ds + dp, ds_size - dp, l < 3 ? "%u," : "%u", wetee_ton_cell_depth_at(c, l));
    }
    hs[hp] = 0;
}

static void check_cell(char **f, size_t n, const char *line)
{
    char hs[300], ds[64];
    wetee_ton_cell *cells[4] = {0};
    int ok = n == 7;
    for (unsigned k = 0; ok && k < 4; k++) {
        wetee_buf bin = WETEE_BUF_INIT, re = WETEE_BUF_INIT;
        if (unhex(&bin, f[1 + k]) || wetee_ton_boc_parse(&cells[k], bin.data, bin.len, NULL)) { ok = 0; fail(line, "parse"); }
        else {
            levels(hs, sizeof hs, ds, sizeof ds, cells[k]);
            if (strcmp(hs, f[5]) || strcmp(ds, f[6])) { ok = 0; fail(line, "hashes/depths"); }
            else if (wetee_ton_boc_serialize(&re, cells[k], (k & 1 ? WETEE_TON_BOC_CRC32C : 0) | (k & 2 ? WETEE_TON_BOC_INDEX : 0)) ||
                     re.len != bin.len || memcmp(re.data, bin.data, bin.len)) { ok = 0; fail(line, "re-serialise"); }
        }
        wetee_buf_free(&bin);
        wetee_buf_free(&re);
    }
    for (unsigned k = 0; k < 4; k++) wetee_ton_cell_free(cells[k]);
    if (ok) passed++;
}

static void check_addr(char **f, size_t n, const char *line)
{
    wetee_ton_address a, p;
    char buf[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    unsigned flags;
    int ok = n == 10;
    if (ok && wetee_ton_address_parse(&a, NULL, f[1], strlen(f[1]))) { fail(line, "raw parse"); return; }
    if (ok && (wetee_ton_address_to_raw(buf, sizeof buf, &a) || strcmp(buf, f[1]))) ok = 0;
    for (unsigned k = 0; ok && k < 8; k++) {
        if (wetee_ton_address_to_friendly(buf, sizeof buf, &a, k) || strcmp(buf, f[2 + k])) ok = 0;
        else if (wetee_ton_address_parse(&p, &flags, f[2 + k], strlen(f[2 + k])) || flags != k ||
                 p.workchain != a.workchain || memcmp(p.hash, a.hash, 32)) {
            /* forms without '-', '_', '+' or '/' cannot tell the alphabets apart */
            if (!(flags == (k & 3) && strpbrk(f[2 + k], "+/-_") == NULL)) ok = 0;
        }
    }
    if (ok) passed++; else fail(line, "address forms");
}

static void check_bad(char **f, size_t n, const char *line)
{
    wetee_ton_address a;
    int rc = n == 2 ? wetee_ton_address_parse(&a, NULL, f[1], strlen(f[1])) : 0;
    if (rc == WETEE_ERR_CHECKSUM || rc == WETEE_ERR_DECODE) passed++;
    else fail(line, "bad address accepted");
}

static void check_build(char **f, size_t n, const char *line)
{
    wetee_ton_builder *b = NULL;
    wetee_ton_cell *c = NULL;
    wetee_buf text = WETEE_BUF_INIT, boc = WETEE_BUF_INIT, bh = WETEE_BUF_INIT, hh = WETEE_BUF_INIT;
    wetee_u128 coins;
    wetee_ton_address a;
    uint8_t h[32];
    int ok = n == 6 && wetee_u128_from_decimal(&coins, f[1], strlen(f[1]), 0) == 0 && unhex(&text, f[2]) == 0;
    ok = ok && wetee_ton_builder_new(&b) == 0 && wetee_ton_builder_store_coins(b, coins) == 0;
    if (ok && f[3][0]) ok = wetee_ton_address_parse(&a, NULL, f[3], strlen(f[3])) == 0 && wetee_ton_builder_store_address(b, &a) == 0;
    else if (ok) ok = wetee_ton_builder_store_address(b, NULL) == 0;
    ok = ok && wetee_ton_builder_store_snake(b, text.data, text.len) == 0 && wetee_ton_builder_end(&c, b) == 0;
    if (ok) {
        wetee_ton_cell_hash(h, c);
        tohex(&hh, h, 32);
        wetee_ton_boc_serialize(&boc, c, WETEE_TON_BOC_CRC32C);
        tohex(&bh, boc.data, boc.len);
        ok = strcmp((const char *)hh.data, f[4]) == 0 && strcmp((const char *)bh.data, f[5]) == 0;
    }
    if (ok) {
        /* and back: coins, address, snake string */
        wetee_ton_slice *s;
        wetee_u128 c2;
        wetee_ton_address a2;
        int none;
        wetee_buf t2 = WETEE_BUF_INIT;
        ok = wetee_ton_slice_new(&s, c) == 0 && wetee_ton_slice_load_coins(&c2, s) == 0 &&
             wetee_ton_slice_load_address(&a2, &none, s) == 0 && wetee_ton_slice_load_snake(&t2, s) == 0 &&
             wetee_u128_cmp(c2, coins) == 0 && none == (f[3][0] == 0) && t2.len == text.len &&
             (text.len == 0 || memcmp(t2.data, text.data, text.len) == 0);
        wetee_ton_slice_free(s);
        wetee_buf_free(&t2);
    }
    if (ok) passed++; else fail(line, "build");
    wetee_ton_cell_free(c);
    wetee_ton_builder_free(b);
    wetee_buf_free(&text);
    wetee_buf_free(&boc);
    wetee_buf_free(&bh);
    wetee_buf_free(&hh);
}

static void check_mnem(char **f, size_t n, const char *line)
{
    uint8_t sk[64], pk[32];
    wetee_buf pw = WETEE_BUF_INIT, a = WETEE_BUF_INIT, b = WETEE_BUF_INIT;
    int ok = n == 5 && unhex(&pw, f[2]) == 0 &&
             wetee_ton_mnemonic_validate(f[1], strlen(f[1]), (const char *)pw.data, pw.len) == 0 &&
             wetee_ton_mnemonic_to_keypair(sk, pk, f[1], strlen(f[1]), (const char *)pw.data, pw.len) == 0;
    if (ok) {
        tohex(&a, sk, 64);
        tohex(&b, pk, 32);
        ok = !strcmp((const char *)a.data, f[3]) && !strcmp((const char *)b.data, f[4]);
    }
    if (ok && pw.len) /* made for a password: not valid without it */
        ok = wetee_ton_mnemonic_validate(f[1], strlen(f[1]), NULL, 0) == WETEE_ERR_CHECKSUM;
    if (ok) passed++; else fail(line, "mnemonic");
    wetee_buf_free(&pw);
    wetee_buf_free_secure(&a);
    wetee_buf_free(&b);
}

static uint8_t wallet_sk[64], wallet_pk[32];
static int have_key;

static void check_key(char **f, size_t n, const char *line)
{
    have_key = n == 2 && wetee_ton_mnemonic_to_keypair(wallet_sk, wallet_pk, f[1], strlen(f[1]), NULL, 0) == 0;
    if (have_key) passed++; else fail(line, "key");
}

static wetee_ton_cell *boc_cell(const char *hex)
{
    wetee_buf bin = WETEE_BUF_INIT;
    wetee_ton_cell *c = NULL;
    if (unhex(&bin, hex) == 0) wetee_ton_boc_parse(&c, bin.data, bin.len, NULL);
    wetee_buf_free(&bin);
    return c;
}

/* one "dest,value,bounce,kind,payload,code,data" message */
static wetee_ton_cell *build_message(char *spec)
{
    char *p[7];
    size_t n = 0;
    wetee_ton_address dest;
    wetee_u128 value;
    wetee_ton_cell *body = NULL, *init = NULL, *code = NULL, *data = NULL, *msg = NULL;
    for (char *q = spec; n < 7;) {
        p[n++] = q;
        q = strchr(q, ',');
        if (!q) break;
        *q++ = 0;
    }
    if (n != 7 || wetee_ton_address_parse(&dest, NULL, p[0], strlen(p[0])) ||
        wetee_u128_from_decimal(&value, p[1], strlen(p[1]), 0))
        return NULL;
    if (!strcmp(p[3], "comment")) {
        wetee_buf t = WETEE_BUF_INIT;
        if (unhex(&t, p[4]) == 0) wetee_ton_comment(&body, (const char *)t.data, t.len);
        wetee_buf_free(&t);
        if (!body) return NULL;
    } else if (!strcmp(p[3], "body")) {
        if (!(body = boc_cell(p[4]))) return NULL;
    }
    if (p[5][0]) {
        code = boc_cell(p[5]);
        data = boc_cell(p[6]);
        if (code && data) wetee_ton_state_init(&init, code, data);
    }
    if (!p[5][0] || init) wetee_ton_internal_message(&msg, &dest, value, p[2][0] == '1', init, body);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(init);
    wetee_ton_cell_free(code);
    wetee_ton_cell_free(data);
    return msg;
}

/* expect: address, body hash, external message BOC (hex) */
static void compare_wallet_output(const char *line, const wetee_ton_wallet *w, const wetee_ton_cell *body,
                                  const wetee_ton_cell *ext, char **expect)
{
    wetee_ton_address a;
    char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    wetee_buf hh = WETEE_BUF_INIT, boc = WETEE_BUF_INIT, bh = WETEE_BUF_INIT;
    uint8_t h[32];
    wetee_ton_wallet_address(&a, w);
    wetee_ton_address_to_raw(raw, sizeof raw, &a);
    wetee_ton_cell_hash(h, body);
    tohex(&hh, h, 32);
    wetee_ton_boc_serialize(&boc, ext, WETEE_TON_BOC_CRC32C);
    tohex(&bh, boc.data, boc.len);
    if (strcmp(raw, expect[0])) fail(line, "wallet address");
    else if (strcmp((const char *)hh.data, expect[1])) fail(line, "signed body hash");
    else if (strcmp((const char *)bh.data, expect[2])) fail(line, "external message boc");
    else passed++;
    wetee_buf_free(&hh);
    wetee_buf_free(&boc);
    wetee_buf_free(&bh);
}

static void check_wallet(char **f, size_t n, const char *line)
{
    int version, ok = n == 12 && have_key;
    int32_t wc;
    uint32_t id = 0;
    wetee_ton_wallet *w = NULL;
    wetee_ton_transfer *t = NULL;
    wetee_ton_cell *body = NULL, *ext = NULL;
    if (!ok) { fail(line, "wallet record"); return; }
    version = !strcmp(f[1], "v3r2") ? WETEE_TON_WALLET_V3R2 : !strcmp(f[1], "v4r2") ? WETEE_TON_WALLET_V4R2 : WETEE_TON_WALLET_V5R1;
    wc = (int32_t)atol(f[2]);
    if (version == WETEE_TON_WALLET_V5R1) {
        char *colon = strchr(f[3], ':');
        ok = colon && wetee_ton_wallet_v5r1_id(&id, (int32_t)atol(f[3]), wc, (uint32_t)atol(colon + 1)) == 0;
    } else {
        id = (uint32_t)strtoul(f[3], NULL, 10);
    }
    ok = ok && wetee_ton_wallet_new(&w, version, wallet_pk, wc, id) == 0 && wetee_ton_transfer_new(&t) == 0;
    if (ok && f[8][0]) {
        char *spec = f[8];
        for (;;) {
            char *semi = strchr(spec, ';');
            wetee_ton_cell *m;
            if (semi) *semi = 0;
            m = build_message(spec);
            ok = m && wetee_ton_transfer_add(t, (unsigned)atoi(f[6]), m) == 0;
            wetee_ton_cell_free(m);
            if (!ok || !semi) break;
            spec = semi + 1;
        }
    }
    ok = ok && wetee_ton_wallet_sign_transfer(&body, w, wallet_sk, (uint32_t)strtoul(f[4], NULL, 10),
                                              (uint32_t)strtoul(f[5], NULL, 10), t) == 0;
    ok = ok && wetee_ton_wallet_external(&ext, w, body, f[7][0] == '1') == 0;
    if (ok) compare_wallet_output(line, w, body, ext, f + 9);
    else fail(line, "wallet build");
    wetee_ton_wallet_free(w);
    wetee_ton_transfer_free(t);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(ext);
}

static void check_highload(char **f, size_t n, const char *line)
{
    int ok = n == 13 && have_key, batch = n == 13 && !strcmp(f[6], "batch");
    wetee_ton_wallet *w = NULL;
    wetee_ton_transfer *t = NULL;
    wetee_ton_cell *body = NULL, *ext = NULL, *single = NULL;
    unsigned single_mode = 0;
    ok = ok && wetee_ton_wallet_new_highload_v3(&w, wallet_pk, (int32_t)atol(f[1]), (uint32_t)strtoul(f[2], NULL, 10),
                                                (uint32_t)strtoul(f[3], NULL, 10)) == 0 &&
         wetee_ton_transfer_new(&t) == 0;
    for (char *spec = f[9]; ok && *spec;) {
        char *semi = strchr(spec, ';'), *bar = strchr(spec, '|');
        wetee_ton_cell *m;
        if (semi) *semi = 0;
        ok = bar != NULL;
        if (!ok) break;
        *bar = 0;
        m = build_message(bar + 1);
        ok = m && wetee_ton_transfer_add(t, (unsigned)atoi(spec), m) == 0;
        if (ok && !single) { single = m; single_mode = (unsigned)atoi(spec); }
        else wetee_ton_cell_free(m);
        if (!semi) break;
        spec = semi + 1;
    }
    if (ok && batch) {
        wetee_u128 v;
        ok = wetee_u128_from_decimal(&v, f[7], strlen(f[7]), 0) == 0 &&
             wetee_ton_highload_sign_batch(&body, w, wallet_sk, (uint32_t)strtoul(f[4], NULL, 10),
                                           strtoull(f[5], NULL, 10), t, v) == 0;
    } else if (ok) {
        ok = single && wetee_ton_highload_sign_message(&body, w, wallet_sk, (uint32_t)strtoul(f[4], NULL, 10),
                                                       strtoull(f[5], NULL, 10), single_mode, single) == 0;
    }
    ok = ok && wetee_ton_wallet_external(&ext, w, body, f[8][0] == '1') == 0;
    if (ok) compare_wallet_output(line, w, body, ext, f + 10);
    else fail(line, "highload build");
    wetee_ton_wallet_free(w);
    wetee_ton_transfer_free(t);
    wetee_ton_cell_free(single);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(ext);
}

static void check_jetton(char **f, size_t n, const char *line)
{
    wetee_ton_address dest, resp, owner, master, wallet;
    wetee_u128 amount, fwd_ton;
    wetee_ton_cell *custom = NULL, *fwd = NULL, *body = NULL, *want = NULL, *code = NULL;
    char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE];
    int ok = n == 15 && wetee_u128_from_decimal(&amount, f[2], strlen(f[2]), 0) == 0 &&
             wetee_u128_from_decimal(&fwd_ton, f[6], strlen(f[6]), 0) == 0 &&
             wetee_ton_address_parse(&dest, NULL, f[3], strlen(f[3])) == 0 &&
             (!f[4][0] || wetee_ton_address_parse(&resp, NULL, f[4], strlen(f[4])) == 0) &&
             (!f[5][0] || (custom = boc_cell(f[5])) != NULL) && (!f[7][0] || (fwd = boc_cell(f[7])) != NULL) &&
             (want = boc_cell(f[9])) != NULL && (code = boc_cell(f[12])) != NULL &&
             wetee_ton_address_parse(&owner, NULL, f[10], strlen(f[10])) == 0 &&
             wetee_ton_address_parse(&master, NULL, f[11], strlen(f[11])) == 0;
    ok = ok && wetee_ton_jetton_transfer(&body, strtoull(f[1], NULL, 10), amount, &dest, f[4][0] ? &resp : NULL, custom,
                                         fwd_ton, fwd, f[8][0] == '1' ? WETEE_TON_JETTON_FORWARD_INLINE : 0) == 0;
    if (ok && !wetee_ton_cell_equal(body, want)) { ok = 0; fail(line, "jetton transfer body"); }
    ok = ok && wetee_ton_jetton_wallet_address(&wallet, atoi(f[13]), &owner, &master, code) == 0 &&
         wetee_ton_address_to_raw(raw, sizeof raw, &wallet) == 0;
    if (ok && strcmp(raw, f[14])) { ok = 0; fail(line, "jetton wallet address"); }
    if (ok) passed++;
    else if (!body) fail(line, "jetton build");
    wetee_ton_cell_free(custom);
    wetee_ton_cell_free(fwd);
    wetee_ton_cell_free(body);
    wetee_ton_cell_free(want);
    wetee_ton_cell_free(code);
}

static void check_dict(char **f, size_t n, const char *line)
{
    unsigned kb = n == 4 ? (unsigned)atoi(f[1]) : 0;
    wetee_ton_dict *d = NULL, *back = NULL;
    wetee_ton_builder *b = NULL;
    wetee_ton_cell *c = NULL, *js = NULL;
    wetee_ton_slice *s = NULL;
    wetee_buf boc = WETEE_BUF_INIT, bh = WETEE_BUF_INIT;
    size_t entries = 0;
    int ok = kb > 0 && wetee_ton_dict_new(&d, kb) == 0;
    for (char *e = f[2]; ok && *e;) {
        char *comma = strchr(e, ','), *eq = strchr(e, '=');
        wetee_buf key = WETEE_BUF_INIT;
        wetee_ton_cell *v;
        if (comma) *comma = 0;
        ok = eq != NULL;
        if (ok) {
            *eq = 0;
            v = boc_cell(eq + 1);
            ok = v && unhex(&key, e) == 0 && wetee_ton_dict_set(d, key.data, key.len, v) == 0;
            if (ok && back == NULL) entries++;
            wetee_ton_cell_free(v);
        }
        wetee_buf_free(&key);
        if (!comma) break;
        e = comma + 1;
    }
    ok = ok && wetee_ton_builder_new(&b) == 0 && wetee_ton_builder_store_dict(b, d) == 0 && wetee_ton_builder_end(&c, b) == 0 &&
         wetee_ton_boc_serialize(&boc, c, WETEE_TON_BOC_CRC32C) == 0;
    if (ok) {
        tohex(&bh, boc.data, boc.len);
        if (strcmp((const char *)bh.data, f[3])) { ok = 0; fail(line, "dictionary serialisation"); }
    } else {
        fail(line, "dictionary build");
    }
    /* and @ton/core's serialisation loads back to the same entries */
    if (ok) {
        ok = (js = boc_cell(f[3])) != NULL && wetee_ton_slice_new(&s, js) == 0 && wetee_ton_slice_load_dict(&back, s, kb) == 0 &&
             wetee_ton_slice_end(s) == 0 && wetee_ton_dict_count(back) == entries && wetee_ton_dict_count(d) == entries;
        for (size_t i = 0; ok && i < entries; i++) {
            uint8_t k1[128], k2[128], h1[32], h2[32];
            wetee_ton_cell *v1 = NULL, *v2 = NULL;
            ok = wetee_ton_dict_entry(k1, (kb + 7) / 8, &v1, d, i) == 0 && wetee_ton_dict_entry(k2, (kb + 7) / 8, &v2, back, i) == 0 &&
                 memcmp(k1, k2, (kb + 7) / 8) == 0 && wetee_ton_cell_hash(h1, v1) == 0 && wetee_ton_cell_hash(h2, v2) == 0 &&
                 memcmp(h1, h2, 32) == 0;
            wetee_ton_cell_free(v1);
            wetee_ton_cell_free(v2);
        }
        if (!ok) fail(line, "dictionary load");
    }
    if (ok) passed++;
    wetee_ton_dict_free(d);
    wetee_ton_dict_free(back);
    wetee_ton_builder_free(b);
    wetee_ton_slice_free(s);
    wetee_ton_cell_free(c);
    wetee_ton_cell_free(js);
    wetee_buf_free(&boc);
    wetee_buf_free(&bh);
}

/* norm  message_boc  normalised_hash (TEP-467, the TON documentation's @ton/core recipe) */
static void check_norm(char **f, size_t n, const char *line)
{
    wetee_ton_cell *c = n == 3 ? boc_cell(f[1]) : NULL;
    uint8_t h[32];
    wetee_buf hh = WETEE_BUF_INIT;
    if (c == NULL) { fail(line, "norm record or boc"); return; }
    if (wetee_ton_message_normalized_hash(h, c)) fail(line, wetee_last_error());
    else {
        tohex(&hh, h, 32);
        if (strcmp((const char *)hh.data, f[2])) fail(line, "normalised hash");
        else passed++;
    }
    wetee_buf_free(&hh);
    wetee_ton_cell_free(c);
}

/* proof  json  expected_domain  now  max_age  verdict  public_key  what */
static void check_proof(char **f, size_t n, const char *line)
{
    uint8_t pub[32];
    wetee_buf ph = WETEE_BUF_INIT;
    int rc;
    if (n != 8) { fail(line, "proof record"); return; }
    rc = wetee_ton_proof_verify_json(pub, NULL, NULL, f[1], strlen(f[1]), f[2], strtoull(f[3], NULL, 10),
                                     strtoull(f[4], NULL, 10));
    if ((rc == WETEE_OK) != (strcmp(f[5], "1") == 0)) {
        char why[300];
        snprintf(why, sizeof why, "ton_proof verdict (%s): %s", f[7], rc ? wetee_last_error() : "accepted");
        fail(line, why);
        return;
    }
    if (rc == WETEE_OK) {
        tohex(&ph, pub, 32);
        if (strcmp((const char *)ph.data, f[6])) { fail(line, "ton_proof public key"); wetee_buf_free(&ph); return; }
        wetee_buf_free(&ph);
    }
    passed++;
}

/* Telegram initData (tests/interop/telegram/initdata_diff.mjs): the verdict
 * of @telegram-apps/init-data-node and, when valid, the user fields its
 * parse() reads: "id,first_name,last_name,username,language_code,photo_url,is_premium"
 * (text as UTF-8 hex). */
static void user_fields(wetee_buf *out, const wetee_telegram_init_data *d)
{
    static const char *const names[] = {"first_name", "last_name", "username", "language_code", "photo_url"};
    char num[32];
    if (!wetee_telegram_init_data_has_user(d)) return;
    snprintf(num, sizeof num, "%lld", (long long)wetee_telegram_init_data_user_id(d));
    wetee_buf_append(out, (const uint8_t *)num, strlen(num));
    for (size_t i = 0; i < 5; i++) {
        const char *v = wetee_telegram_init_data_user_string(d, names[i]);
        wetee_buf h = WETEE_BUF_INIT;
        wetee_buf_append(out, (const uint8_t *)",", 1);
        if (v && *v) {
            wetee_hex_encode(&h, (const uint8_t *)v, strlen(v), 0);
            wetee_buf_append(out, h.data, h.len);
        }
        wetee_buf_free(&h);
    }
    wetee_buf_append(out, (const uint8_t *)(wetee_telegram_init_data_user_flag(d, "is_premium") ? ",1" : ",0"), 3);
    wetee_buf_append(out, (const uint8_t *)"", 1);
}

static void check_tg(char **f, size_t n, const char *line, int third)
{
    wetee_telegram_init_data *d = NULL;
    wetee_buf u = WETEE_BUF_INIT;
    uint8_t pk[32];
    int rc;
    const char *verdict, *fields, *what;
    if (n != (third ? 9u : 8u)) { fail(line, "telegram record"); return; }
    if (third) {
        if (wetee_hex_decode_exact(pk, 32, f[3], strlen(f[3]))) { fail(line, "telegram key"); return; }
        rc = wetee_telegram_init_data_validate_third_party(&d, f[1], strlen(f[1]), strtoll(f[2], NULL, 10), pk,
                                                           strtoull(f[4], NULL, 10), strtoull(f[5], NULL, 10));
        verdict = f[6], fields = f[7], what = f[8];
    } else {
        rc = wetee_telegram_init_data_validate(&d, f[1], strlen(f[1]), f[2], strlen(f[2]), strtoull(f[3], NULL, 10),
                                               strtoull(f[4], NULL, 10));
        verdict = f[5], fields = f[6], what = f[7];
    }
    if ((rc == WETEE_OK) != (strcmp(verdict, "1") == 0)) {
        char why[300];
        snprintf(why, sizeof why, "initData verdict (%s): %s", what, rc ? wetee_last_error() : "accepted");
        fail(line, why);
    } else if (rc == WETEE_OK && (user_fields(&u, d), strcmp(u.len ? (const char *)u.data : "", fields) != 0)) {
        fail(line, "initData user fields");
    } else {
        passed++;
    }
    wetee_buf_free(&u);
    wetee_telegram_init_data_free(d);
}

static int check_file(const char *path)
{
    FILE *fp = fopen(path, "r");
    char *line = NULL, *copy;
    size_t cap = 0;
    ssize_t len;
    if (!fp) { perror(path); return 2; }
    while ((len = getline(&line, &cap, fp)) > 0) {
        char *f[16];
        size_t n;
        if (line[len - 1] == '\n') line[--len] = 0;
        if (len == 0 || line[0] == '#') continue;
        copy = strdup(line);
        n = split(line, f, 16);
        if (!strcmp(f[0], "cell")) check_cell(f, n, copy);
        else if (!strcmp(f[0], "addr")) check_addr(f, n, copy);
        else if (!strcmp(f[0], "bad")) check_bad(f, n, copy);
        else if (!strcmp(f[0], "build")) check_build(f, n, copy);
        else if (!strcmp(f[0], "mnem")) check_mnem(f, n, copy);
        else if (!strcmp(f[0], "key")) check_key(f, n, copy);
        else if (!strcmp(f[0], "dict")) check_dict(f, n, copy);
        else if (!strcmp(f[0], "jetton")) check_jetton(f, n, copy);
        else if (!strcmp(f[0], "highload")) check_highload(f, n, copy);
        else if (!strcmp(f[0], "wallet")) check_wallet(f, n, copy);
        else if (!strcmp(f[0], "norm")) check_norm(f, n, copy);
        else if (!strcmp(f[0], "proof")) check_proof(f, n, copy);
        else if (!strcmp(f[0], "tg")) check_tg(f, n, copy, 0);
        else if (!strcmp(f[0], "tg3")) check_tg(f, n, copy, 1);
        else fail(copy, "unknown record");
        free(copy);
    }
    free(line);
    fclose(fp);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

/* ---- generator ---- */

static uint64_t rs;
static uint64_t rnd(void)
{
    rs ^= rs >> 12; rs ^= rs << 25; rs ^= rs >> 27;
    return rs * UINT64_C(2685821657736338717);
}
static unsigned below(unsigned n) { return (unsigned)(rnd() % n); }

static wetee_ton_cell *pool[4096];
static size_t npool;

static wetee_ton_cell *gen_cell(unsigned depth)
{
    wetee_ton_builder *b;
    wetee_ton_cell *c = NULL, *kids[4] = {0};
    unsigned r = below(24), nk = 0;
    uint8_t buf[128];
    for (size_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)rnd();
    wetee_ton_builder_new(&b);
    if (r == 0) {
        wetee_ton_builder_store_uint(b, 2, 8);
        wetee_ton_builder_store_bytes(b, buf, 32);
        wetee_ton_builder_end_exotic(&c, b);
    } else if (r == 1 && depth > 0) {
        static const unsigned masks[3] = { 1, 3, 7 }; /* see ton_diff.mjs */
        unsigned mask = masks[below(3)], cnt = (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
        wetee_ton_builder_store_uint(b, 1, 8);
        wetee_ton_builder_store_uint(b, mask, 8);
        for (unsigned i = 0; i < cnt; i++) wetee_ton_builder_store_bytes(b, buf + 32 * i, 32);
        for (unsigned i = 0; i < cnt; i++) wetee_ton_builder_store_uint(b, below(1000), 16);
        wetee_ton_builder_end_exotic(&c, b);
    } else if ((r == 2 || r == 3) && depth > 0) {
        uint8_t h[32];
        nk = r == 2 ? 1 : 2;
        for (unsigned i = 0; i < nk; i++) kids[i] = gen_cell(depth - 1);
        wetee_ton_builder_store_uint(b, r + 1, 8);
        for (unsigned i = 0; i < nk; i++) {
            wetee_ton_cell_hash_at(h, kids[i], 0);
            wetee_ton_builder_store_bytes(b, h, 32);
        }
        for (unsigned i = 0; i < nk; i++) wetee_ton_builder_store_uint(b, wetee_ton_cell_depth_at(kids[i], 0), 16);
        for (unsigned i = 0; i < nk; i++) wetee_ton_builder_store_ref(b, kids[i]);
        wetee_ton_builder_end_exotic(&c, b);
    } else {
        unsigned nbits = below(10) < 3 ? below(1024) : below(80);
        wetee_ton_builder_store_bits(b, buf, nbits);
        nk = depth > 0 ? below(5) : 0;
        for (unsigned i = 0; i < nk; i++) {
            if (npool && below(4) == 0) wetee_ton_cell_retain(&kids[i], pool[below((unsigned)npool)]);
            else kids[i] = gen_cell(depth - 1);
            wetee_ton_builder_store_ref(b, kids[i]);
        }
        wetee_ton_builder_end(&c, b);
    }
    for (unsigned i = 0; i < nk; i++) wetee_ton_cell_free(kids[i]);
    wetee_ton_builder_free(b);
    if (c == NULL) { fprintf(stderr, "gen: %s\n", wetee_last_error()); exit(2); }
    if (npool < sizeof pool / sizeof pool[0]) wetee_ton_cell_retain(&pool[npool++], c);
    return c;
}

static void seed_rng(const char *seed)
{
    rs = UINT64_C(0x9e3779b97f4a7c15);
    for (const char *p = seed; *p; p++) rs = (rs ^ (uint8_t)*p) * UINT64_C(0x100000001b3);
    if (!rs) rs = 1;
}

static int gen(const char *seed, long count, FILE *out, int selfcheck)
{
    seed_rng(seed);
    for (long i = 0; i < count; i++) {
        wetee_ton_cell *c = gen_cell(below(7)), *back = NULL;
        wetee_buf b1 = WETEE_BUF_INIT, b2 = WETEE_BUF_INIT, h1 = WETEE_BUF_INIT, h2 = WETEE_BUF_INIT;
        char hs[300], ds[64];
        wetee_ton_boc_serialize(&b1, c, WETEE_TON_BOC_CRC32C);
        wetee_ton_boc_serialize(&b2, c, WETEE_TON_BOC_INDEX);
        tohex(&h1, b1.data, b1.len);
        tohex(&h2, b2.data, b2.len);
        levels(hs, sizeof hs, ds, sizeof ds, c);
        if (out) fprintf(out, "cell\t%s\t%s\t%s\t%s\n", (char *)h1.data, (char *)h2.data, hs, ds);
        if (selfcheck) {
            if (wetee_ton_boc_parse(&back, b1.data, b1.len, NULL) == 0 && wetee_ton_cell_equal(back, c)) passed++;
            else fail("gen", "round trip");
            wetee_ton_cell_free(back);
        }
        wetee_ton_cell_free(c);
        while (npool) wetee_ton_cell_free(pool[--npool]);
        wetee_buf_free(&b1); wetee_buf_free(&b2); wetee_buf_free(&h1); wetee_buf_free(&h2);
    }
    for (long i = 0; i < count; i++) {
        wetee_ton_address a, p;
        char raw[WETEE_TON_ADDRESS_RAW_BUFSIZE], fr[8][WETEE_TON_ADDRESS_FRIENDLY_BUFSIZE];
        unsigned pick = below(4);
        a.workchain = pick < 2 ? 0 : pick == 2 ? -1 : (int32_t)below(256) - 128;
        for (int k = 0; k < 32; k++) a.hash[k] = (uint8_t)rnd();
        wetee_ton_address_to_raw(raw, sizeof raw, &a);
        for (unsigned k = 0; k < 8; k++) wetee_ton_address_to_friendly(fr[k], sizeof fr[k], &a, k);
        if (out) {
            fprintf(out, "addr\t%s", raw);
            for (unsigned k = 0; k < 8; k++) fprintf(out, "\t%s", fr[k]);
            fputc('\n', out);
        }
        if (selfcheck) {
            if (wetee_ton_address_parse(&p, NULL, fr[below(8)], 48) == 0 && p.workchain == a.workchain &&
                memcmp(p.hash, a.hash, 32) == 0) passed++;
            else fail(raw, "address round trip");
        }
    }
    for (long i = 0; out && i < (count / 50 < 2 ? 2 : count / 50 > 20 ? 20 : count / 50); i++) {
        wetee_buf m = WETEE_BUF_INIT, h1 = WETEE_BUF_INIT, h2 = WETEE_BUF_INIT, pw = WETEE_BUF_INIT;
        uint8_t sk[64], pk[32];
        const char *password = i % 8 == 7 ? "c-pass" : "";
        if (wetee_ton_mnemonic_generate(&m, password, strlen(password)) ||
            wetee_ton_mnemonic_to_keypair(sk, pk, (const char *)m.data, m.len, password, strlen(password))) {
            fprintf(stderr, "gen: %s\n", wetee_last_error());
            exit(2);
        }
        tohex(&h1, sk, 64);
        tohex(&h2, pk, 32);
        tohex(&pw, (const uint8_t *)password, strlen(password));
        fprintf(out, "mnem\t%s\t%s\t%s\t%s\n", (char *)m.data, pw.len ? (char *)pw.data : "", (char *)h1.data, (char *)h2.data);
        wetee_buf_free_secure(&m);
        wetee_buf_free_secure(&h1);
        wetee_buf_free(&h2);
        wetee_buf_free(&pw);
    }
    if (selfcheck) printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "check")) return check_file(argv[2]);
    if (argc == 4 && !strcmp(argv[1], "gen")) return gen(argv[2], atol(argv[3]), stdout, 0);
    if (argc == 2 && !strcmp(argv[1], "selfcheck")) return gen("selfcheck", 300, NULL, 1);
    fprintf(stderr, "usage: ton_vectors check FILE | gen SEED COUNT | selfcheck\n");
    return 2;
}
