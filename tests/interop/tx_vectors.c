/*
 * Differential test of libwetee's extrinsic module against @polkadot/types:
 * the libwetee side. tx_diff.mjs writes the requests and checks the answers;
 * run.sh runs both (suite "tx"). The devnode test (tests/devnode/) uses the
 * same driver to build its transactions.
 *
 *   tx_vectors run FILE     one answer line per request line
 *   tx_vectors selfcheck    bad requests and bad extrinsics give errors
 *
 * Requests (fields separated by one TAB):
 *   fixture NAME PATH       load a metadata file: raw SCALE (with or without
 *                           the magic), a JSON-RPC response, or hex text
 *                           (.hex) -> "ok"
 *   sign FX SCHEME SEED CALL GENESIS SPEC TXV NONCE TIP ERA ASSET MDHASH [SIG]
 *                           build a v4 signed extrinsic: SCHEME sr25519,
 *                           ed25519, ecdsa or ethereum; SEED the keypair's
 *                           32-byte seed (hex) or "suri:" and a secret URI
 *                           (wetee_keypair_from_suri); CALL the call bytes
 *                           (hex) or "json:PALLET:CALL:ARGS"
 *                           (wetee_tx_set_call_json);
 *                           GENESIS hex; SPEC and TXV the runtime versions
 *                           ("-": the metadata's); NONCE; TIP decimal; ERA
 *                           "immortal" or "PERIOD,NUMBER,HASH"; ASSET the
 *                           fee asset as JSON or "-"; MDHASH "-" (mode 0) or
 *                           the 32-byte hash (mode 1); SIG "attach" to sign
 *                           the payload apart and attach the signature
 *                           (the offline split) instead of wetee_tx_sign
 *                           -> EXTRINSIC_HEX TAB RAW_PAYLOAD_HEX TAB
 *                              SIGNED_PAYLOAD_HEX TAB PUBLIC_KEY_HEX
 *   decode FX HEX           wetee_extrinsic_decode_json -> JSON
 *   payload FX HEX          wetee_tx_payload_decode_json -> JSON
 *   general FX EXTVER - CALL GENESIS SPEC TXV NONCE TIP ERA ASSET MDHASH
 *                           wetee_tx_general with the fields of "sign" -> hex
 *   mdhash FX DECIMALS SYMBOL
 *                           wetee_metadata_hash of a V15 metadata with the
 *                           metadata's spec name, version and SS58 prefix -> hex
 * An error answers "!" and the message.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "wetee/core.h"
#include "wetee/keys.h"
#include "wetee/metadata.h"
#include "wetee/metadata_hash.h"
#include "wetee/tx.h"

#define MAX_FIELDS 16

const char *const drv_name = "tx_vectors";


/* hex text (with or without 0x) -> bytes in b */
static int unhex(wetee_buf *b, const char *hex, const char *what)
{
    int rc = wetee_hex_decode(b, hex, strlen(hex));
    return rc == WETEE_OK ? 0 : drv_fail("%s: bad hex: %s", what, wetee_last_error());
}

static int unhex32(uint8_t out[32], const char *hex, const char *what)
{
    wetee_buf b = {0};
    if (unhex(&b, hex, what)) return -1;
    int ok = b.len == 32;
    if (ok) memcpy(out, b.data, 32);
    wetee_buf_free(&b);
    return ok ? 0 : drv_fail("%s: expected 32 bytes", what);
}

/* appends "0x<hex>" of p to the text buffer t */
static void put_hex(wetee_buf *t, const uint8_t *p, size_t n)
{
    wetee_buf h = {0};
    if (wetee_hex_encode(&h, p, n, WETEE_HEX_PREFIX) != WETEE_OK) drv_die("hex");
    if (wetee_buf_append(t, h.data, h.len) != WETEE_OK) drv_die("out of memory");
    wetee_buf_free(&h);
}

static char *buf_text(wetee_buf *b)
{
    char *s = malloc(b->len + 1);
    if (!s) drv_die("out of memory");
    if (b->len) memcpy(s, b->data, b->len);
    s[b->len] = '\0';
    return s;
}

static int parse_scheme(wetee_scheme *out, const char *s)
{
    static const struct {
        const char *name;
        wetee_scheme scheme;
    } names[] = {{"sr25519", WETEE_SCHEME_SR25519},
                 {"ed25519", WETEE_SCHEME_ED25519},
                 {"ecdsa", WETEE_SCHEME_ECDSA},
                 {"ethereum", WETEE_SCHEME_ETHEREUM}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0) {
            *out = names[i].scheme;
            return 0;
        }
    return drv_fail("unknown scheme %s", s);
}

static int parse_u64(uint64_t *out, const char *s, const char *what)
{
    char *end;
    if (!*s || *s == '-') return drv_fail("%s: not a number: %s", what, s);
    unsigned long long v = strtoull(s, &end, 10);
    if (*end) return drv_fail("%s: not a number: %s", what, s);
    *out = v;
    return 0;
}

/* sets up the builder's extensions from the request fields f[5..12] */
static int setup_tx(wetee_tx *tx, char **f)
{
    int rc;
    uint8_t h[32];
    if (unhex32(h, f[5], "genesis")) return -1;
    if ((rc = wetee_tx_set_genesis_hash(tx, h)) != WETEE_OK) return drv_fail_wetee(rc, "wetee_tx_set_genesis_hash");
    if (strcmp(f[6], "-") != 0 || strcmp(f[7], "-") != 0) {
        uint64_t spec = 0, txv = 0;
        if (parse_u64(&spec, f[6], "spec version") || parse_u64(&txv, f[7], "transaction version")) return -1;
        if ((rc = wetee_tx_set_runtime_version(tx, (uint32_t)spec, (uint32_t)txv)) != WETEE_OK)
            return drv_fail_wetee(rc, "wetee_tx_set_runtime_version");
    }
    uint64_t nonce = 0;
    if (parse_u64(&nonce, f[8], "nonce")) return -1;
    if ((rc = wetee_tx_set_nonce(tx, nonce)) != WETEE_OK) return drv_fail_wetee(rc, "wetee_tx_set_nonce");
    wetee_u128 tip;
    if ((rc = wetee_u128_from_decimal(&tip, f[9], strlen(f[9]), 0)) != WETEE_OK) return drv_fail_wetee(rc, "tip");
    if ((rc = wetee_tx_set_tip(tx, tip)) != WETEE_OK) return drv_fail_wetee(rc, "wetee_tx_set_tip");
    if (strcmp(f[10], "immortal") == 0) {
        if ((rc = wetee_tx_set_immortal(tx)) != WETEE_OK) return drv_fail_wetee(rc, "wetee_tx_set_immortal");
    } else {
        char *c1 = strchr(f[10], ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL;
        if (!c2) return drv_fail("era: expected PERIOD,NUMBER,HASH");
        *c1 = *c2 = '\0';
        uint64_t period = 0, number = 0;
        if (parse_u64(&period, f[10], "era period") || parse_u64(&number, c1 + 1, "era block") ||
            unhex32(h, c2 + 1, "era block hash"))
            return -1;
        if ((rc = wetee_tx_set_mortal(tx, period, number, h)) != WETEE_OK) return drv_fail_wetee(rc, "wetee_tx_set_mortal");
    }
    if (strcmp(f[11], "-") != 0 && (rc = wetee_tx_set_fee_asset_json(tx, f[11], SIZE_MAX)) != WETEE_OK)
        return drv_fail_wetee(rc, "wetee_tx_set_fee_asset_json");
    if (strcmp(f[12], "-") != 0) {
        if (unhex32(h, f[12], "metadata hash")) return -1;
        if ((rc = wetee_tx_set_metadata_hash(tx, h)) != WETEE_OK) return drv_fail_wetee(rc, "wetee_tx_set_metadata_hash");
    }
    return 0;
}

static int set_call_hex(wetee_tx *tx, char *hex)
{
    if (strncmp(hex, "json:", 5) == 0) {
        /* json:PALLET:CALL:ARGS */
        char *pallet = hex + 5, *c1 = strchr(pallet, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        if (!c2) return drv_fail("call: expected json:PALLET:CALL:ARGS");
        *c1 = *c2 = '\0';
        int rc = wetee_tx_set_call_json(tx, pallet, c1 + 1, c2 + 1, SIZE_MAX);
        return rc == WETEE_OK ? 0 : drv_fail_wetee(rc, "wetee_tx_set_call_json");
    }
    wetee_buf call = {0};
    if (unhex(&call, hex, "call")) return -1;
    int rc = wetee_tx_set_call(tx, call.data, call.len);
    wetee_buf_free(&call);
    return rc == WETEE_OK ? 0 : drv_fail_wetee(rc, "wetee_tx_set_call");
}

static int do_sign(char **out, const wetee_metadata *md, char **f, size_t n)
{
    if (n != 13 && n != 14) return drv_fail("sign: expected 13 or 14 fields, got %zu", n);
    wetee_scheme scheme = WETEE_SCHEME_SR25519;
    if (parse_scheme(&scheme, f[2])) return -1;
    wetee_buf seed = {0}, ext = {0}, raw = {0}, payload = {0}, text = {0};
    wetee_keypair *kp = NULL;
    wetee_tx *tx = NULL;
    int rc, ret = -1;
    if (strncmp(f[3], "suri:", 5) == 0)
        rc = wetee_keypair_from_suri(&kp, scheme, f[3] + 5, strlen(f[3] + 5));
    else if (unhex(&seed, f[3], "seed"))
        goto done;
    else
        rc = wetee_keypair_from_seed(&kp, scheme, seed.data, seed.len);
    if (rc != WETEE_OK) {
        drv_fail_wetee(rc, "wetee_keypair_from_seed");
        goto done;
    }
    if ((rc = wetee_tx_new(&tx, md)) != WETEE_OK) {
        drv_fail_wetee(rc, "wetee_tx_new");
        goto done;
    }
    if (set_call_hex(tx, f[4]) || setup_tx(tx, f)) goto done;
    if ((rc = wetee_tx_signing_payload_raw(&raw, tx)) != WETEE_OK) {
        drv_fail_wetee(rc, "wetee_tx_signing_payload_raw");
        goto done;
    }
    if ((rc = wetee_tx_signing_payload(&payload, tx)) != WETEE_OK) {
        drv_fail_wetee(rc, "wetee_tx_signing_payload");
        goto done;
    }
    if (n == 14 && strcmp(f[13], "attach") == 0) {
        uint8_t sig[WETEE_SIGNATURE_MAX_BYTES], pub[WETEE_PUBLIC_MAX_BYTES];
        size_t sig_len = 0, pub_len = 0;
        if ((rc = wetee_keypair_sign(kp, sig, &sig_len, payload.data, payload.len)) != WETEE_OK ||
            (rc = wetee_keypair_public(kp, pub, &pub_len)) != WETEE_OK) {
            drv_fail_wetee(rc, "wetee_keypair_sign");
            goto done;
        }
        rc = wetee_tx_attach_signature(&ext, tx, scheme, pub, pub_len, sig, sig_len);
        if (rc != WETEE_OK) {
            drv_fail_wetee(rc, "wetee_tx_attach_signature");
            goto done;
        }
    } else if (n == 14) {
        drv_fail("sign: the last field must be \"attach\"");
        goto done;
    } else if ((rc = wetee_tx_sign(&ext, tx, kp)) != WETEE_OK) {
        drv_fail_wetee(rc, "wetee_tx_sign");
        goto done;
    }
    put_hex(&text, ext.data, ext.len);
    wetee_buf_append(&text, (const uint8_t *)"\t", 1);
    put_hex(&text, raw.data, raw.len);
    wetee_buf_append(&text, (const uint8_t *)"\t", 1);
    put_hex(&text, payload.data, payload.len);
    wetee_buf_append(&text, (const uint8_t *)"\t", 1);
    uint8_t pub[WETEE_PUBLIC_MAX_BYTES];
    size_t pub_len = 0;
    if ((rc = wetee_keypair_public(kp, pub, &pub_len)) != WETEE_OK) {
        drv_fail_wetee(rc, "wetee_keypair_public");
        goto done;
    }
    put_hex(&text, pub, pub_len);
    *out = buf_text(&text);
    ret = 0;
done:
    wetee_tx_free(tx);
    wetee_keypair_free(kp);
    wetee_buf_free_secure(&seed);
    wetee_buf_free(&ext);
    wetee_buf_free(&raw);
    wetee_buf_free(&payload);
    wetee_buf_free(&text);
    return ret;
}

static int do_decode(char **out, const wetee_metadata *md, char **f, size_t n, int payload)
{
    if (n != 3) return drv_fail("%s: expected FX HEX", f[0]);
    wetee_buf in = {0}, json = {0};
    if (unhex(&in, f[2], "extrinsic")) return -1;
    int rc = payload ? wetee_tx_payload_decode_json(&json, md, in.data, in.len, NULL)
                     : wetee_extrinsic_decode_json(&json, md, in.data, in.len, NULL);
    wetee_buf_free(&in);
    if (rc != WETEE_OK) {
        wetee_buf_free(&json);
        return drv_fail_wetee(rc, payload ? "wetee_tx_payload_decode_json" : "wetee_extrinsic_decode_json");
    }
    *out = buf_text(&json);
    wetee_buf_free(&json);
    return 0;
}

static int do_general(char **out, const wetee_metadata *md, char **f, size_t n)
{
    if (n != 13) return drv_fail("general: expected 13 fields, got %zu", n);
    wetee_tx *tx = NULL;
    wetee_buf ext = {0}, text = {0};
    uint64_t v = 0;
    int rc, ret = -1;
    if (parse_u64(&v, f[2], "extension version")) return -1;
    if ((rc = wetee_tx_new(&tx, md)) != WETEE_OK) return drv_fail_wetee(rc, "wetee_tx_new");
    if (set_call_hex(tx, f[4]) || setup_tx(tx, f)) goto done;
    if ((rc = wetee_tx_general(&ext, tx, (unsigned)v)) != WETEE_OK) {
        drv_fail_wetee(rc, "wetee_tx_general");
        goto done;
    }
    put_hex(&text, ext.data, ext.len);
    *out = buf_text(&text);
    ret = 0;
done:
    wetee_tx_free(tx);
    wetee_buf_free(&ext);
    wetee_buf_free(&text);
    return ret;
}

static int do_mdhash(char **out, const wetee_metadata *md, char **f, size_t n)
{
    if (n != 4) return drv_fail("mdhash: expected FX DECIMALS SYMBOL");
    uint64_t dec = 0;
    if (parse_u64(&dec, f[2], "decimals")) return -1;
    if (dec > 255) return drv_fail("decimals: above 255");
    wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
    info.decimals = (uint8_t)dec;
    info.token_symbol = f[3];
    uint8_t h[32];
    int rc = wetee_metadata_hash(h, md, &info);
    if (rc != WETEE_OK) return drv_fail_wetee(rc, "wetee_metadata_hash");
    wetee_buf text = {0};
    put_hex(&text, h, sizeof h);
    *out = buf_text(&text);
    wetee_buf_free(&text);
    return 0;
}

static int do_fixture(char **out, char **f, size_t n)
{
    if (n != 3) return drv_fail("fixture: expected NAME PATH");
    if (drv_load_fixture(f[1], f[2]) != 0) return -1;
    *out = strdup("ok");
    return 0;
}

static int answer(char **out, char *line)
{
    char *f[MAX_FIELDS];
    size_t n = 0;
    for (char *p = line;;) {
        if (n == MAX_FIELDS) return drv_fail("too many fields");
        f[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab) break;
        *tab = '\0';
        p = tab + 1;
    }
    if (strcmp(f[0], "fixture") == 0) return do_fixture(out, f, n);
    if (n < 2) return drv_fail("%s: no fixture", f[0]);
    const wetee_metadata *md = drv_fixture(f[1]);
    if (!md) return drv_fail("unknown fixture %s", f[1]);
    if (strcmp(f[0], "sign") == 0) return do_sign(out, md, f, n);
    if (strcmp(f[0], "decode") == 0) return do_decode(out, md, f, n, 0);
    if (strcmp(f[0], "payload") == 0) return do_decode(out, md, f, n, 1);
    if (strcmp(f[0], "general") == 0) return do_general(out, md, f, n);
    if (strcmp(f[0], "mdhash") == 0) return do_mdhash(out, md, f, n);
    return drv_fail("unknown request %s", f[0]);
}

static void answer_line(FILE *o, char *line)
{
    char *out = NULL;
    drv_err[0] = '\0';
    if (answer(&out, line) == 0) {
        fputs(out, o);
    } else {
        for (char *p = drv_err; *p; p++)
            if (*p == '\n' || *p == '\t') *p = ' ';
        fprintf(o, "!%s", drv_err);
    }
    fputc('\n', o);
    free(out);
}


static int run(const char *path)
{
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!in) drv_die("cannot open the request file");
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, in)) >= 0) {
        if (got && line[got - 1] == '\n') line[--got] = '\0';
        answer_line(stdout, line);
        fflush(stdout);
    }
    free(line);
    if (in != stdin) fclose(in);
    drv_free_fixtures();
    return fflush(stdout) == 0 ? 0 : 2;
}

/* ------------------------------------------------------------------ */
/* selfcheck: requests that must fail, with no node                   */

static int selfcheck(void)
{
    static const char *bad[] = {
        "fixture\tx\t/nonexistent/metadata.scale",
        "sign\tnofx\tsr25519",
        "decode",
        "frobnicate\tx",
    };
    int passed = 0, failed = 0;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *line = strdup(bad[i]), *out = NULL;
        if (answer(&out, line) == 0) {
            printf("accepted a bad request: %s\n", bad[i]);
            failed++;
        } else if (!drv_err[0]) {
            printf("no message for: %s\n", bad[i]);
            failed++;
        } else {
            passed++;
        }
        free(out);
        free(line);
    }
    /* malformed extrinsics are refused with an error, with no metadata
     * needed before the version byte is read: use an empty call-less check */
    uint64_t period, phase;
    size_t used;
    static const uint8_t bad_era[2] = {0x00, 0x00}; /* period 2: below 4 */
    if (wetee_era_decode(&period, &phase, &used, bad_era, 2) == WETEE_OK && used == 2) {
        printf("accepted a mortal era of period 2\n");
        failed++;
    } else {
        passed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "run") == 0) return run(argv[2]);
    if (argc == 2 && strcmp(argv[1], "selfcheck") == 0) return selfcheck();
    fprintf(stderr, "usage: tx_vectors run FILE | tx_vectors selfcheck\n");
    return 2;
}
