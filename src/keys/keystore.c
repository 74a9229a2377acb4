/* polkadot.js JSON keystore, version 3: scrypt + XSalsa20-Poly1305 over the
 * PKCS#8-like pair encoding (PAIR_HDR ‖ secret ‖ PAIR_DIV ‖ public). */
#include <jansson.h>
#include <sodium.h>

#include "internal/common.h"
#include "wetee/keys.h"
#include "wetee/ss58.h"

#define KS_SALT_BYTES 32
#define KS_PARAMS_END 44 /* salt ‖ N ‖ p ‖ r */
#define KS_NONCE_BYTES 24
#define KS_HEADER_BYTES (KS_PARAMS_END + KS_NONCE_BYTES)          /* 68 */
#define KS_MIN_ENCRYPTED (KS_HEADER_BYTES + crypto_secretbox_MACBYTES) /* 84 */
#define KS_DK_BYTES 64
#define KS_MAX_JSON (1u << 20)

/* Plaintext magic (treated as opaque bytes: the length fields inside do not
 * describe 64-byte secrets). */
static const uint8_t PAIR_HDR[16] = { 0x30, 0x53, 0x02, 0x01, 0x01, 0x30, 0x05, 0x06,
                                      0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20 };
static const uint8_t PAIR_DIV[5] = { 0xa1, 0x23, 0x03, 0x21, 0x00 };
#define PAIR_MAX_BYTES (sizeof PAIR_HDR + 64 + sizeof PAIR_DIV + WETEE_PUBLIC_MAX_BYTES)
/* Longest "encoded" text that can hold an encrypted pair: 0x-hex of the blob. */
#define KS_MAX_ENCODED_TEXT (2 + 2 * (KS_MIN_ENCRYPTED + PAIR_MAX_BYTES))

/* The scrypt sets polkadot.js can actually decode (its allow-list filtered by
 * its hard limits N ≤ 2^20, p ≤ 4, r ≤ 16). */
static const struct { uint32_t n, p, r; } KS_ALLOWED[] = {
    { 1u << 15, 1, 8 }, { 1u << 15, 3, 8 }, { 1u << 16, 2, 8 }, { 1u << 17, 1, 8 }
};
/* Export defaults (wetee_keystore_options with zero scrypt fields). */
#define KS_WRITE_N (1u << 17)
#define KS_WRITE_P 1u
#define KS_WRITE_R 8u

static const char *const SCHEME_NAMES[] = { "sr25519", "ed25519", "ecdsa", "ethereum" };

static int scrypt_allowed(uint32_t n, uint32_t p, uint32_t r)
{
    size_t i;
    for (i = 0; i < sizeof KS_ALLOWED / sizeof KS_ALLOWED[0]; i++)
        if (KS_ALLOWED[i].n == n && KS_ALLOWED[i].p == p && KS_ALLOWED[i].r == r) return 1;
    return 0;
}

static int derive_key(uint8_t dk[KS_DK_BYTES], const char *password, size_t password_len, const uint8_t salt[32],
                      uint32_t n, uint32_t p, uint32_t r)
{
    int rc = wt_sodium_ready("keystore");
    if (rc != WETEE_OK) return rc;
    /* libsodium takes (N, r, p); the file stores (N, p, r). */
    if (crypto_pwhash_scryptsalsa208sha256_ll((const uint8_t *)(password_len ? password : ""), password_len, salt,
                                              KS_SALT_BYTES, n, r, p, dk, KS_DK_BYTES) != 0)
        return wt_error(WETEE_ERR_NO_MEMORY, "keystore: scrypt (N=%u, p=%u, r=%u) failed", (unsigned)n,
                        (unsigned)p, (unsigned)r);
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* export                                                              */
/* ------------------------------------------------------------------ */

static int address_field(wetee_buf *out, const wetee_keypair *kp)
{
    uint8_t pub[WETEE_PUBLIC_MAX_BYTES];
    size_t pub_len = 0;
    int rc;
    wetee_scheme scheme = wetee_keypair_scheme(kp);
    if (scheme == WETEE_SCHEME_ECDSA || scheme == WETEE_SCHEME_ETHEREUM) {
        /* polkadot.js writes the compressed public key (the address cannot give it back). */
        if ((rc = wetee_keypair_public(kp, pub, &pub_len)) != WETEE_OK) return rc;
        return wetee_hex_encode(out, pub, pub_len, WETEE_HEX_PREFIX);
    }
    return wetee_keypair_address(out, kp, WETEE_SS58_PREFIX_GENERIC);
}

int wetee_keystore_export(wetee_buf *out, const wetee_keypair *kp, const char *password, size_t password_len,
                          const char *name, uint64_t when_created_ms)
{
    wetee_keystore_options opts = WETEE_KEYSTORE_OPTIONS_INIT;
    opts.name = name;
    opts.when_created_ms = when_created_ms;
    return wetee_keystore_export_opts(out, kp, password, password_len, &opts);
}

int wetee_keystore_export_opts(wetee_buf *out, const wetee_keypair *kp, const char *password, size_t password_len,
                               const wetee_keystore_options *opts)
{
    static const wetee_keystore_options defaults = WETEE_KEYSTORE_OPTIONS_INIT;
    uint32_t n, p, r;
    const char *name;
    uint64_t when_created_ms;
    uint8_t pt[PAIR_MAX_BYTES], dk[KS_DK_BYTES];
    uint8_t blob[KS_HEADER_BYTES + crypto_secretbox_MACBYTES + PAIR_MAX_BYTES];
    uint8_t pub[WETEE_PUBLIC_MAX_BYTES];
    size_t pub_len = 0, pt_len, blob_len, bad, dumped;
    wetee_buf secret = WETEE_BUF_INIT, b64 = WETEE_BUF_INIT, addr = WETEE_BUF_INIT;
    json_t *root = NULL, *meta = NULL;
    wetee_scheme scheme;
    int rc;

    WT_ARG(out != NULL, "keystore", "out is NULL");
    WT_ARG(kp != NULL, "keystore", "kp is NULL");
    WT_ARG_DATA(password, password_len, "keystore");
    if (!opts) opts = &defaults;
    WT_ARG(opts->version == WETEE_KEYSTORE_OPTIONS_VERSION, "keystore", "unknown wetee_keystore_options version");
    name = opts->name;
    when_created_ms = opts->when_created_ms;
    n = opts->scrypt_n ? opts->scrypt_n : KS_WRITE_N;
    p = opts->scrypt_p ? opts->scrypt_p : KS_WRITE_P;
    r = opts->scrypt_r ? opts->scrypt_r : KS_WRITE_R;
    /* Only what polkadot.js (and this importer) can open. */
    if (!scrypt_allowed(n, p, r))
        return wt_error(WETEE_ERR_INVALID_ARGUMENT,
                        "keystore: scrypt N=%lu, p=%lu, r=%lu is not a set polkadot.js opens (allowed: (2^15,1,8), "
                        "(2^15,3,8), (2^16,2,8), (2^17,1,8))",
                        (unsigned long)n, (unsigned long)p, (unsigned long)r);
    /* polkadot.js writes an unencrypted export for an empty password; refuse
     * rather than put the secret in the clear. */
    WT_ARG(password_len > 0, "keystore", "empty password (it would write the secret unencrypted)");
    WT_ARG(when_created_ms <= 9007199254740991ull, "keystore", "when_created_ms above 2^53-1");
    wt_json_wiping_hooks();
    if (name && !wt_utf8_valid((const uint8_t *)name, strlen(name), &bad))
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "keystore: name is not valid UTF-8 (offset %zu)", bad);
    scheme = wetee_keypair_scheme(kp);

    if ((rc = wetee_keypair_secret(kp, &secret)) != WETEE_OK) goto done;
    if ((rc = wetee_keypair_public(kp, pub, &pub_len)) != WETEE_OK) goto done;
    memcpy(pt, PAIR_HDR, sizeof PAIR_HDR);
    memcpy(pt + sizeof PAIR_HDR, secret.data, secret.len);
    memcpy(pt + sizeof PAIR_HDR + secret.len, PAIR_DIV, sizeof PAIR_DIV);
    memcpy(pt + sizeof PAIR_HDR + secret.len + sizeof PAIR_DIV, pub, pub_len);
    pt_len = sizeof PAIR_HDR + secret.len + sizeof PAIR_DIV + pub_len;

    if ((rc = wt_random(blob, KS_SALT_BYTES, "keystore")) != WETEE_OK) goto done;
    wt_store_le32(blob + 32, n);
    wt_store_le32(blob + 36, p);
    wt_store_le32(blob + 40, r);
    if ((rc = wt_random(blob + KS_PARAMS_END, KS_NONCE_BYTES, "keystore")) != WETEE_OK) goto done;
    if ((rc = derive_key(dk, password, password_len, blob, n, p, r)) != WETEE_OK)
        goto done;
    if (crypto_secretbox_easy(blob + KS_HEADER_BYTES, pt, pt_len, blob + KS_PARAMS_END, dk) != 0) {
        rc = wt_error(WETEE_ERR_CRYPTO, "keystore: encryption failed");
        goto done;
    }
    blob_len = KS_HEADER_BYTES + crypto_secretbox_MACBYTES + pt_len;

    if ((rc = wetee_base64_encode(&b64, blob, blob_len, 0)) != WETEE_OK) goto done;
    if ((rc = address_field(&addr, kp)) != WETEE_OK) goto done;

    meta = json_object();
    root = json_object();
    if (!meta || !root) goto nomem;
    if (name && json_object_set_new(meta, "name", json_string(name)) != 0) goto nomem;
    if (json_object_set_new(meta, "whenCreated", json_integer((json_int_t)when_created_ms)) != 0) goto nomem;
    if (json_object_set_new(root, "encoded", json_stringn((const char *)b64.data, b64.len)) != 0 ||
        json_object_set_new(root, "encoding",
                            json_pack("{s:[s,s],s:[s,s],s:s}", "content", "pkcs8", SCHEME_NAMES[scheme], "type",
                                      "scrypt", "xsalsa20-poly1305", "version", "3")) != 0 ||
        json_object_set_new(root, "address", json_stringn((const char *)addr.data, addr.len)) != 0 ||
        json_object_set(root, "meta", meta) != 0)
        goto nomem;
    dumped = json_dumpb(root, NULL, 0, JSON_COMPACT);
    if (dumped == 0) goto nomem;
    out->len = 0;
    if ((rc = wt_buf_grow(out, dumped)) != WETEE_OK) goto done;
    if (json_dumpb(root, (char *)out->data, dumped, JSON_COMPACT) != dumped) {
        rc = wt_error(WETEE_ERR_INTERNAL, "keystore: JSON serialisation changed size");
        goto done;
    }
    out->len = dumped;
    out->data[dumped] = '\0';
    rc = WETEE_OK;
    goto done;
nomem:
    rc = wt_error(WETEE_ERR_NO_MEMORY, "keystore: out of memory building the JSON");
done:
    sodium_memzero(pt, sizeof pt);
    sodium_memzero(dk, sizeof dk);
    wetee_buf_free_secure(&secret);
    wetee_buf_free(&b64);
    wetee_buf_free(&addr);
    json_decref(meta);
    json_decref(root);
    return rc;
}

/* ------------------------------------------------------------------ */
/* import                                                              */
/* ------------------------------------------------------------------ */

/* Whether a JSON string holds a NUL (the parser allows "\u0000", JSON_ALLOW_NUL,
 * so that meta may hold anything polkadot.js' JSON.parse takes): such a field
 * must not be compared as a C string, where it would end early. */
static int has_nul(json_t *v)
{
    return strlen(json_string_value(v)) != json_string_length(v);
}

/* The string member `key` of `obj`, or NULL (with an error naming it). */
static const char *get_string(json_t *obj, const char *key, const char *where, size_t *len, int *rc)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v)) {
        *rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"%s%s\" is %s", where, key,
                       v ? "not a string" : "missing");
        return NULL;
    }
    if (has_nul(v)) {
        *rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"%s%s\" contains a NUL character", where, key);
        return NULL;
    }
    if (len) *len = json_string_length(v);
    return json_string_value(v);
}

/* Strings of `v` (an array of strings, or a single string as polkadot.js
 * also accepts for "type") into names[0..max); returns the count, -1 when
 * `v` is not such a list, -2 when a string holds a NUL. */
static int string_list(json_t *v, const char **names, int max)
{
    size_t i;
    if (json_is_string(v)) {
        if (has_nul(v)) return -2;
        names[0] = json_string_value(v);
        return 1;
    }
    if (!json_is_array(v) || json_array_size(v) > (size_t)max) return -1;
    for (i = 0; i < json_array_size(v); i++) {
        json_t *e = json_array_get(v, i);
        if (!json_is_string(e)) return -1;
        if (has_nul(e)) return -2;
        names[i] = json_string_value(e);
    }
    return (int)json_array_size(v);
}

/* Build the keypair from a decrypted pair encoding and check it is consistent. */
static int decode_pair(wetee_keypair **out, wetee_scheme scheme, const uint8_t *pt, size_t pt_len)
{
    const size_t hdr = sizeof PAIR_HDR, div = sizeof PAIR_DIV;
    const size_t file_pub_len = (scheme == WETEE_SCHEME_ECDSA || scheme == WETEE_SCHEME_ETHEREUM) ? 33 : 32;
    size_t secret_len, pub_len = 0;
    uint8_t canonical[64], pub[WETEE_PUBLIC_MAX_BYTES];
    wetee_buf check = WETEE_BUF_INIT;
    wetee_keypair *kp = NULL;
    int rc;

    if (pt_len < hdr || memcmp(pt, PAIR_HDR, hdr) != 0)
        return wt_error(WETEE_ERR_DECODE, "keystore: decrypted data does not start with the pair header");
    /* Generation 3 holds a 64-byte secret for sr25519/ed25519; earlier
     * generations (and ecdsa/ethereum always) a 32-byte one. */
    if (file_pub_len == 32 && pt_len == hdr + 64 + div + 32 && memcmp(pt + hdr + 64, PAIR_DIV, div) == 0)
        secret_len = 64;
    else if (pt_len == hdr + 32 + div + file_pub_len && memcmp(pt + hdr + 32, PAIR_DIV, div) == 0)
        secret_len = 32;
    else
        return wt_error(WETEE_ERR_DECODE,
                        "keystore: decrypted %s pair is %zu bytes without the divider where expected "
                        "(at offset 80 of 117, or 48 of %zu)",
                        SCHEME_NAMES[scheme], pt_len, hdr + 32 + div + file_pub_len);

    if (secret_len == 32) {
        rc = wetee_keypair_from_seed(&kp, scheme, pt + hdr, 32);
    } else if (scheme == WETEE_SCHEME_SR25519) {
        rc = wetee_sr25519_secret_to_canonical(canonical, pt + hdr);
        if (rc == WETEE_OK) rc = wetee_keypair_from_seed(&kp, scheme, canonical, 64);
    } else {
        /* ed25519: seed ‖ public */
        rc = wetee_keypair_from_seed(&kp, scheme, pt + hdr, 32);
    }
    sodium_memzero(canonical, sizeof canonical);
    if (rc != WETEE_OK) {
        if (rc == WETEE_ERR_CRYPTO || rc == WETEE_ERR_DECODE)
            rc = wt_error(WETEE_ERR_DECODE, "keystore: the decrypted %s secret is not a valid key",
                          SCHEME_NAMES[scheme]);
        return rc;
    }
    /* The stored public key (and, for 64-byte secrets, the secret itself)
     * must be what the secret gives. */
    if ((rc = wetee_keypair_public(kp, pub, &pub_len)) != WETEE_OK) goto fail;
    if (pub_len != file_pub_len || !wetee_ct_equal(pub, pt + hdr + secret_len + div, pub_len)) {
        rc = wt_error(WETEE_ERR_VERIFY, "keystore: the stored public key does not match the secret");
        goto fail;
    }
    if (secret_len == 64) {
        if ((rc = wetee_keypair_secret(kp, &check)) != WETEE_OK) goto fail;
        if (check.len != 64 || !wetee_ct_equal(check.data, pt + hdr, 64)) {
            rc = wt_error(WETEE_ERR_VERIFY, "keystore: the stored %s secret is not self-consistent",
                          SCHEME_NAMES[scheme]);
            goto fail;
        }
    }
    wetee_buf_free_secure(&check);
    *out = kp;
    return WETEE_OK;
fail:
    wetee_buf_free_secure(&check);
    wetee_keypair_free(kp);
    return rc;
}

/* "address" is not authenticated; it must still name the decrypted key:
 * SS58 of the account id (or public key), or hex of the public key (ecdsa and
 * ethereum exports), or of the 20-byte ethereum address. */
static int check_address(const wetee_keypair *kp, const char *addr, size_t len)
{
    uint8_t pub[WETEE_PUBLIC_MAX_BYTES], id[32];
    size_t pub_len = 0, id_len = 0;
    wetee_buf raw = WETEE_BUF_INIT;
    uint16_t prefix = 0;
    int rc, match;
    if ((rc = wetee_keypair_public(kp, pub, &pub_len)) != WETEE_OK) return rc;
    if ((rc = wetee_keypair_account_id(kp, id, &id_len)) != WETEE_OK) return rc;
    if (len >= 2 && addr[0] == '0' && (addr[1] == 'x' || addr[1] == 'X'))
        rc = wetee_hex_decode(&raw, addr, len);
    else
        rc = wetee_ss58_decode(&raw, &prefix, addr, len);
    if (rc != WETEE_OK) {
        wetee_buf_free(&raw);
        return wt_error(WETEE_ERR_DECODE, "keystore: field \"address\" is neither SS58 nor 0x hex");
    }
    match = (raw.len == pub_len && memcmp(raw.data, pub, pub_len) == 0) ||
            (raw.len == id_len && memcmp(raw.data, id, id_len) == 0);
    wetee_buf_free(&raw);
    if (!match) return wt_error(WETEE_ERR_VERIFY, "keystore: field \"address\" does not match the decrypted key");
    return WETEE_OK;
}

/* "0x" followed by an even, non-zero number of hex digits. */
static int is_hex_text(const char *s, size_t len)
{
    size_t i;
    if (len < 4 || len % 2 || s[0] != '0' || s[1] != 'x') return 0;
    for (i = 2; i < len; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return 0;
    }
    return 1;
}

int wetee_keystore_import(wetee_keypair **out, const char *json, size_t json_len, const char *password,
                          size_t password_len)
{
    json_t *root = NULL, *encoding, *encoded_v = NULL;
    json_error_t jerr;
    const char *names[4], *encoded, *version, *address;
    size_t encoded_len = 0, address_len = 0;
    wetee_buf blob = WETEE_BUF_INIT;
    uint8_t dk[KS_DK_BYTES], pt[PAIR_MAX_BYTES];
    const uint8_t *plain;
    size_t plain_len;
    wetee_keypair *kp = NULL;
    wetee_scheme scheme = WETEE_SCHEME_SR25519;
    int rc = WETEE_OK, n, encrypted, i;

    WT_ARG(out != NULL, "keystore", "out is NULL");
    *out = NULL;
    WT_ARG_DATA(json, json_len, "keystore");
    WT_ARG_DATA(password, password_len, "keystore");
    if (json_len > KS_MAX_JSON)
        return wt_error(WETEE_ERR_TOO_LONG, "keystore: JSON is %zu bytes, above the %u-byte limit", json_len,
                        KS_MAX_JSON);

    wt_json_wiping_hooks(); /* jansson's copies of an unencrypted secret are wiped when freed */
    root = json_loadb(json_len ? json : "", json_len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    if (!root)
        /* jerr.text may quote the input; report the position only. */
        return wt_error(WETEE_ERR_DECODE, "keystore: malformed JSON at line %d, column %d (byte %d)", jerr.line,
                        jerr.column, jerr.position);
    if (!json_is_object(root)) {
        rc = wt_error(WETEE_ERR_DECODE, "keystore: the JSON is not an object");
        goto done;
    }

    encoding = json_object_get(root, "encoding");
    if (!json_is_object(encoding)) {
        rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"encoding\" is %s", encoding ? "not an object" : "missing");
        goto done;
    }
    if (!(version = get_string(encoding, "version", "encoding.", NULL, &rc))) goto done;
    if (strcmp(version, "3") != 0) {
        rc = wt_error(WETEE_ERR_UNSUPPORTED, "keystore: field \"encoding.version\": only version \"3\" is supported");
        goto done;
    }
    n = string_list(json_object_get(encoding, "content"), names, 2);
    if (n == -2) {
        rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"encoding.content\" contains a NUL character");
        goto done;
    }
    if (n != 2 || strcmp(names[0], "pkcs8") != 0) {
        rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"encoding.content\" is not [\"pkcs8\", <key type>]");
        goto done;
    }
    for (i = 0; i < 4 && strcmp(names[1], SCHEME_NAMES[i]) != 0; i++) {}
    if (i == 4) {
        rc = wt_error(WETEE_ERR_UNSUPPORTED,
                      "keystore: field \"encoding.content\": unknown key type (sr25519, ed25519, ecdsa, ethereum)");
        goto done;
    }
    scheme = (wetee_scheme)i;
    n = string_list(json_object_get(encoding, "type"), names, 2);
    if (n == -2) {
        rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"encoding.type\" contains a NUL character");
        goto done;
    }
    if (n == 2 && strcmp(names[0], "scrypt") == 0 && strcmp(names[1], "xsalsa20-poly1305") == 0) {
        encrypted = 1;
    } else if (n == 1 && strcmp(names[0], "none") == 0) {
        encrypted = 0;
    } else if (n >= 1 && (strcmp(names[0], "xsalsa20-poly1305") == 0 || strcmp(names[0], "scrypt") == 0)) {
        rc = wt_error(WETEE_ERR_UNSUPPORTED,
                      "keystore: field \"encoding.type\": only [\"scrypt\", \"xsalsa20-poly1305\"] and [\"none\"] "
                      "are supported");
        goto done;
    } else {
        rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"encoding.type\" is not a list of encryption names");
        goto done;
    }

    if (!(encoded = get_string(root, "encoded", "", &encoded_len, &rc))) goto done;
    encoded_v = json_object_get(root, "encoded");
    /* Bound the text before decoding it: hex is the longer form. */
    if (encoded_len > KS_MAX_ENCODED_TEXT) {
        rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"encoded\" is %zu characters, too long for a key pair",
                      encoded_len);
        goto done;
    }
    /* As polkadot.js (isHex): "0x" followed by an even number of hex digits
     * is hex; anything else is base64 -- base64 text may itself start with
     * "0x" (a salt beginning d3 1x), so the prefix alone decides nothing. */
    if (is_hex_text(encoded, encoded_len))
        rc = wetee_hex_decode(&blob, encoded, encoded_len);
    else
        rc = wetee_base64_decode(&blob, encoded, encoded_len, 0);
    if (rc != WETEE_OK) {
        rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"encoded\" is neither base64 nor 0x hex");
        goto done;
    }

    if (encrypted) {
        uint32_t N, p, r;
        size_t ct_len;
        if (blob.len < KS_MIN_ENCRYPTED) {
            rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"encoded\" is %zu bytes, shorter than the %d-byte header",
                          blob.len, (int)KS_MIN_ENCRYPTED);
            goto done;
        }
        N = wt_load_le32(blob.data + 32);
        p = wt_load_le32(blob.data + 36);
        r = wt_load_le32(blob.data + 40);
        /* Bound the work before running scrypt. */
        if (!scrypt_allowed(N, p, r)) {
            rc = wt_error(WETEE_ERR_UNSUPPORTED,
                          "keystore: field \"encoded\": scrypt parameters N=%lu, p=%lu, r=%lu at offset 32 are not "
                          "accepted (allowed: (2^15,1,8), (2^15,3,8), (2^16,2,8), (2^17,1,8))",
                          (unsigned long)N, (unsigned long)p, (unsigned long)r);
            goto done;
        }
        ct_len = blob.len - KS_MIN_ENCRYPTED;
        if (ct_len > PAIR_MAX_BYTES) {
            rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"encoded\": %zu-byte ciphertext is too long for a key pair",
                          ct_len);
            goto done;
        }
        if ((rc = derive_key(dk, password, password_len, blob.data, N, p, r)) != WETEE_OK) goto done;
        if (crypto_secretbox_open_easy(pt, blob.data + KS_HEADER_BYTES, blob.len - KS_HEADER_BYTES,
                                       blob.data + KS_PARAMS_END, dk) != 0) {
            rc = wt_error(WETEE_ERR_VERIFY, "keystore: wrong password or corrupted data (authentication failed)");
            goto done;
        }
        plain = pt;
        plain_len = ct_len;
    } else {
        /* An unencrypted export: the password is not used. */
        if (blob.len > PAIR_MAX_BYTES) {
            rc = wt_error(WETEE_ERR_DECODE, "keystore: field \"encoded\": %zu bytes is too long for a key pair",
                          blob.len);
            goto done;
        }
        plain = blob.data;
        plain_len = blob.len;
    }

    if ((rc = decode_pair(&kp, scheme, plain, plain_len)) != WETEE_OK) goto done;
    if (json_object_get(root, "address") != NULL) {
        if (!(address = get_string(root, "address", "", &address_len, &rc))) goto done;
        if ((rc = check_address(kp, address, address_len)) != WETEE_OK) goto done;
    }
    *out = kp;
    kp = NULL;
    rc = WETEE_OK;
done:
    sodium_memzero(dk, sizeof dk);
    sodium_memzero(pt, sizeof pt);
    wetee_buf_free_secure(&blob);
    /* An unencrypted export carries the secret in "encoded": wipe jansson's copy. */
    if (encoded_v && json_is_string(encoded_v))
        sodium_memzero((char *)(uintptr_t)json_string_value(encoded_v), json_string_length(encoded_v));
    json_decref(root);
    wetee_keypair_free(kp);
    return rc;
}
