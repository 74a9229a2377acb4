/* Transaction builder: extensions from the metadata, signing payloads, v4
 * signed and bare, v5 bare and general extrinsics. */
#include <stdio.h>

#include "internal/common.h"
#include "internal/metadata.h"
#include "tx_impl.h"
#include "wetee/hash.h"
#include "wetee/scale.h"
#include "wetee/tx.h"

#define MOD "tx"

typedef struct tx_override {
    char *identifier;
    char *explicit_json; /* NULL: not given */
    char *implicit_json;
} tx_override;

struct wetee_tx {
    const struct wetee_metadata *md;
    wetee_buf call;
    int has_call;
    uint8_t genesis[32];
    int has_genesis;
    uint32_t spec_version, tx_version;
    int has_versions;
    uint64_t nonce;
    int has_nonce;
    wetee_u128 tip;
    int mortal;
    uint8_t era[2];
    uint8_t birth_hash[32];
    char *fee_asset; /* JSON of the asset id; NULL = native */
    int has_md_hash;
    uint8_t md_hash[32];
    tx_override *ovr;
    size_t n_ovr;
};

static char *dup_text(const char *s, size_t len)
{
    if (len == SIZE_MAX)
        len = strlen(s);
    char *d = wt_malloc(len + 1 < len ? 0 : len + 1);
    if (!d)
        return NULL;
    memcpy(d, s, len);
    d[len] = 0;
    return d;
}

WETEE_API int wetee_tx_new(wetee_tx **out, const wetee_metadata *md)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    *out = NULL;
    WT_ARG(md != NULL, MOD, "md is NULL");
    if (md->address_type == WT_MD_NONE || md->call_type == WT_MD_NONE || md->signature_type == WT_MD_NONE)
        return wt_error(WETEE_ERR_UNSUPPORTED, "%s: the metadata has no address, call or signature type", MOD);
    wetee_tx *tx = wt_calloc(1, sizeof *tx);
    if (!tx)
        return wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory", MOD);
    tx->md = md;
    if (md->has_version) {
        tx->spec_version = md->spec_version;
        tx->tx_version = md->transaction_version;
        tx->has_versions = 1;
    }
    *out = tx;
    return WETEE_OK;
}

WETEE_API void wetee_tx_free(wetee_tx *tx)
{
    if (!tx)
        return;
    wetee_buf_free(&tx->call);
    wt_free(tx->fee_asset);
    for (size_t i = 0; i < tx->n_ovr; i++) {
        wt_free(tx->ovr[i].identifier);
        wt_free(tx->ovr[i].explicit_json);
        wt_free(tx->ovr[i].implicit_json);
    }
    wt_free(tx->ovr);
    wt_free(tx);
}

WETEE_API int wetee_tx_set_call(wetee_tx *tx, const uint8_t *call, size_t len)
{
    WT_ARG(tx != NULL, MOD, "tx is NULL");
    WT_ARG_DATA(call, len, MOD);
    wetee_value *v = NULL;
    int rc = wetee_value_decode(&v, NULL, tx->md, tx->md->call_type, call, len);
    wetee_value_free(v);
    if (rc != WETEE_OK)
        return rc;
    wetee_buf_clear(&tx->call);
    if ((rc = wetee_buf_append(&tx->call, call, len)) != WETEE_OK)
        return rc;
    tx->has_call = 1;
    return WETEE_OK;
}

/* Keep a call just encoded into `b` (rc WETEE_OK), or free it. */
static int take_call(wetee_tx *tx, wetee_buf *b, int rc)
{
    if (rc == WETEE_OK) {
        wetee_buf_free(&tx->call);
        tx->call = *b;
        tx->has_call = 1;
    } else {
        wetee_buf_free(b);
    }
    return rc;
}

WETEE_API int wetee_tx_set_call_json(wetee_tx *tx, const char *pallet, const char *call, const char *args_json,
                                     size_t args_len)
{
    WT_ARG(tx != NULL && pallet != NULL && call != NULL, MOD, "NULL argument");
    if (args_json && args_len == SIZE_MAX)
        args_len = strlen(args_json);
    if (!args_json)
        args_len = 0;
    wetee_buf b = WETEE_BUF_INIT;
    return take_call(tx, &b, wetee_call_encode_json(&b, tx->md, pallet, call, args_json, args_len));
}

WETEE_API int wetee_tx_set_call_value(wetee_tx *tx, const char *pallet, const char *call, const wetee_value *args)
{
    WT_ARG(tx != NULL && pallet != NULL && call != NULL, MOD, "NULL argument");
    wetee_buf b = WETEE_BUF_INIT;
    return take_call(tx, &b, wetee_call_encode(&b, tx->md, pallet, call, args));
}

WETEE_API int wetee_tx_set_genesis_hash(wetee_tx *tx, const uint8_t hash[32])
{
    WT_ARG(tx != NULL && hash != NULL, MOD, "NULL argument");
    memcpy(tx->genesis, hash, 32);
    tx->has_genesis = 1;
    return WETEE_OK;
}

WETEE_API int wetee_tx_set_runtime_version(wetee_tx *tx, uint32_t spec_version, uint32_t transaction_version)
{
    WT_ARG(tx != NULL, MOD, "tx is NULL");
    tx->spec_version = spec_version;
    tx->tx_version = transaction_version;
    tx->has_versions = 1;
    return WETEE_OK;
}

WETEE_API int wetee_tx_set_nonce(wetee_tx *tx, uint64_t nonce)
{
    WT_ARG(tx != NULL, MOD, "tx is NULL");
    tx->nonce = nonce;
    tx->has_nonce = 1;
    return WETEE_OK;
}

WETEE_API int wetee_tx_set_tip(wetee_tx *tx, wetee_u128 tip)
{
    WT_ARG(tx != NULL, MOD, "tx is NULL");
    tx->tip = tip;
    return WETEE_OK;
}

WETEE_API int wetee_tx_set_mortal(wetee_tx *tx, uint64_t period, uint64_t block_number, const uint8_t block_hash[32])
{
    WT_ARG(tx != NULL && block_hash != NULL, MOD, "NULL argument");
    uint64_t birth = 0;
    uint8_t era[2];
    int rc = wetee_era_mortal(era, period, block_number, &birth);
    if (rc != WETEE_OK)
        return rc;
    if (birth != block_number)
        return wt_error(WETEE_ERR_INVALID_ARGUMENT,
                        "%s: a mortal era of period %llu made at block %llu is born at block %llu: pass that block's "
                        "number and hash",
                        MOD, (unsigned long long)period, (unsigned long long)block_number, (unsigned long long)birth);
    memcpy(tx->era, era, 2);
    memcpy(tx->birth_hash, block_hash, 32);
    tx->mortal = 1;
    return WETEE_OK;
}

WETEE_API int wetee_tx_set_immortal(wetee_tx *tx)
{
    WT_ARG(tx != NULL, MOD, "tx is NULL");
    tx->mortal = 0;
    return WETEE_OK;
}

/* Position of the extension named `id` in the metadata's list, or -1. */
static long find_extension(const struct wetee_metadata *md, const char *id)
{
    for (uint32_t i = 0; i < md->n_extensions; i++)
        if (strcmp(md->extensions[i].identifier, id) == 0)
            return (long)i;
    return -1;
}

WETEE_API int wetee_tx_set_fee_asset_json(wetee_tx *tx, const char *json, size_t len)
{
    WT_ARG(tx != NULL, MOD, "tx is NULL");
    if (len != SIZE_MAX) WT_ARG_LEN(len, MOD); /* SIZE_MAX: NUL-terminated */
    if (find_extension(tx->md, "ChargeAssetTxPayment") < 0)
        return wt_error(WETEE_ERR_NOT_FOUND, "%s: this chain has no ChargeAssetTxPayment extension", MOD);
    char *copy = NULL;
    if (json) {
        if (len == SIZE_MAX)
            len = strlen(json);
        if (!(copy = dup_text(json, len)))
            return wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory", MOD);
    }
    wt_free(tx->fee_asset);
    tx->fee_asset = copy;
    return WETEE_OK;
}

WETEE_API int wetee_tx_set_metadata_hash(wetee_tx *tx, const uint8_t *hash)
{
    WT_ARG(tx != NULL, MOD, "tx is NULL");
    tx->has_md_hash = hash != NULL;
    if (hash)
        memcpy(tx->md_hash, hash, 32);
    return WETEE_OK;
}

WETEE_API int wetee_tx_set_extension_json(wetee_tx *tx, const char *identifier, const char *explicit_json,
                                          const char *implicit_json)
{
    WT_ARG(tx != NULL && identifier != NULL, MOD, "NULL argument");
    long pos = find_extension(tx->md, identifier);
    if (pos < 0)
        return wt_error(WETEE_ERR_NOT_FOUND, "%s: this chain has no transaction extension \"%.64s\"", MOD,
                        identifier);
    const struct wetee_md_extension *e = &tx->md->extensions[pos];
    /* check both parts against their types now, so the error comes here */
    wetee_buf scratch = WETEE_BUF_INIT;
    int rc = WETEE_OK;
    if (explicit_json)
        rc = wt_tx_encode_json(&scratch, tx->md, e->type, explicit_json, strlen(explicit_json), identifier);
    if (rc == WETEE_OK && implicit_json)
        rc = wt_tx_encode_json(&scratch, tx->md, e->implicit, implicit_json, strlen(implicit_json), identifier);
    wetee_buf_free(&scratch);
    if (rc != WETEE_OK)
        return rc;
    tx_override *o = NULL;
    for (size_t i = 0; i < tx->n_ovr; i++)
        if (strcmp(tx->ovr[i].identifier, identifier) == 0)
            o = &tx->ovr[i];
    if (!o) {
        tx_override *n = wt_realloc(tx->ovr, (tx->n_ovr + 1) * sizeof *n);
        if (!n)
            return wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory", MOD);
        tx->ovr = n;
        o = &tx->ovr[tx->n_ovr];
        memset(o, 0, sizeof *o);
        if (!(o->identifier = dup_text(identifier, SIZE_MAX)))
            return wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory", MOD);
        tx->n_ovr++;
    }
    char *ex = explicit_json ? dup_text(explicit_json, SIZE_MAX) : NULL;
    char *im = implicit_json ? dup_text(implicit_json, SIZE_MAX) : NULL;
    if ((explicit_json && !ex) || (implicit_json && !im)) {
        wt_free(ex);
        wt_free(im);
        return wt_error(WETEE_ERR_NO_MEMORY, "%s: out of memory", MOD);
    }
    if (ex) {
        wt_free(o->explicit_json);
        o->explicit_json = ex;
    }
    if (im) {
        wt_free(o->implicit_json);
        o->implicit_json = im;
    }
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* Extension data                                                      */
/* ------------------------------------------------------------------ */

/* Values for the known extensions (NULL when out of memory; the encoder
 * then reports it). */
static wetee_value *new_u64(uint64_t x)
{
    wetee_value *v = NULL;
    wetee_value_new_u64(&v, x);
    return v;
}

static wetee_value *new_u128(wetee_u128 x)
{
    wetee_value *v = NULL;
    wetee_value_new_u128(&v, x);
    return v;
}

static wetee_value *new_bytes(const uint8_t *b, size_t n)
{
    wetee_value *v = NULL;
    wetee_value_new_bytes(&v, b, n);
    return v;
}

/* {"mode": <unit variant `name`>}, CheckMetadataHash's explicit part. */
static wetee_value *mode_value(const char *name)
{
    wetee_value *v = NULL, *mode = NULL;
    if (wetee_value_new_composite(&v) != WETEE_OK)
        return NULL;
    if (wetee_value_new_variant(&mode, name, -1) != WETEE_OK || wetee_value_append(v, "mode", mode) != WETEE_OK) {
        wetee_value_free(v);
        return NULL;
    }
    return v;
}

static int is_id(const char *id, const char *name) { return strcmp(id, name) == 0; }

/* Append the explicit (`which` 0) or implicit (`which` 1) data of extension
 * `e` to `out`: the caller's JSON if given, else what the library knows. */
static int ext_part(wetee_buf *out, const wetee_tx *tx, const struct wetee_md_extension *e, int which)
{
    const struct wetee_metadata *md = tx->md;
    const char *id = e->identifier;
    uint32_t type = which ? e->implicit : e->type;
    const char *part = which ? "implicit" : "explicit";
    for (size_t i = 0; i < tx->n_ovr; i++) {
        if (strcmp(tx->ovr[i].identifier, id) != 0)
            continue;
        const char *j = which ? tx->ovr[i].implicit_json : tx->ovr[i].explicit_json;
        if (j)
            return wt_tx_encode_json(out, md, type, j, strlen(j), id);
    }
    if (!which) {
        if (is_id(id, "CheckMortality") || is_id(id, "CheckEra")) {
            size_t start = out->len;
            int rc = tx->mortal ? wetee_buf_append(out, tx->era, 2) : wetee_scale_put_u8(out, 0);
            if (rc == WETEE_OK)
                rc = wt_tx_check_bytes(md, type, out->data + start, out->len - start, id);
            if (rc != WETEE_OK)
                out->len = start;
            return rc;
        }
        if (is_id(id, "CheckNonce")) {
            if (!tx->has_nonce)
                return wt_error(WETEE_ERR_STATE, "%s: extension CheckNonce: nonce not set (wetee_tx_set_nonce)", MOD);
            return wt_tx_encode_value(out, md, type, new_u64(tx->nonce), id);
        }
        if (is_id(id, "ChargeTransactionPayment"))
            return wt_tx_encode_value(out, md, type, new_u128(tx->tip), id);
        if (is_id(id, "ChargeAssetTxPayment")) {
            wetee_buf j = WETEE_BUF_INIT;
            char dec[WETEE_U128_DECIMAL_BUFSIZE];
            const char *asset = tx->fee_asset ? tx->fee_asset : "null";
            int rc = wetee_u128_to_decimal(dec, sizeof dec, tx->tip, 0);
            if (rc == WETEE_OK)
                rc = wetee_buf_append(&j, (const uint8_t *)"{\"tip\": \"", 9);
            if (rc == WETEE_OK)
                rc = wetee_buf_append(&j, (const uint8_t *)dec, strlen(dec));
            if (rc == WETEE_OK)
                rc = wetee_buf_append(&j, (const uint8_t *)"\", \"asset_id\": ", 15);
            if (rc == WETEE_OK)
                rc = wetee_buf_append(&j, (const uint8_t *)asset, strlen(asset));
            if (rc == WETEE_OK)
                rc = wetee_buf_append(&j, (const uint8_t *)"}", 1);
            if (rc == WETEE_OK)
                rc = wt_tx_encode_json(out, md, type, (const char *)j.data, j.len, id);
            wetee_buf_free(&j);
            return rc;
        }
        if (is_id(id, "CheckMetadataHash"))
            return wt_tx_encode_value(out, md, type, mode_value(tx->has_md_hash ? "Enabled" : "Disabled"), id);
    } else {
        if (is_id(id, "CheckSpecVersion") || is_id(id, "CheckTxVersion")) {
            if (!tx->has_versions)
                return wt_error(WETEE_ERR_STATE,
                                "%s: extension %s: no System.Version in the metadata; set the runtime version", MOD,
                                id);
            return wt_tx_encode_value(out, md, type,
                                      new_u64(is_id(id, "CheckSpecVersion") ? tx->spec_version : tx->tx_version), id);
        }
        if (is_id(id, "CheckGenesis") || ((is_id(id, "CheckMortality") || is_id(id, "CheckEra")) && !tx->mortal)) {
            if (!tx->has_genesis)
                return wt_error(WETEE_ERR_STATE, "%s: extension %s: genesis hash not set (wetee_tx_set_genesis_hash)",
                                MOD, id);
            return wt_tx_encode_value(out, md, type, new_bytes(tx->genesis, 32), id);
        }
        if (is_id(id, "CheckMortality") || is_id(id, "CheckEra"))
            return wt_tx_encode_value(out, md, type, new_bytes(tx->birth_hash, 32), id);
        if (is_id(id, "CheckMetadataHash")) {
            if (!tx->has_md_hash) {
                wetee_value *none = NULL;
                wetee_value_new_null(&none);
                return wt_tx_encode_value(out, md, type, none, id);
            }
            return wt_tx_encode_value(out, md, type, new_bytes(tx->md_hash, 32), id);
        }
    }
    if (wt_tx_zero_sized(md, type))
        return WETEE_OK;
    return wt_error(WETEE_ERR_STATE,
                    "%s: extension %s: %s data of type %u is required; give it with wetee_tx_set_extension_json", MOD,
                    id, part, type);
}

/* The extension list of extension version `version`, or NULL. */
static const wt_md_ext_version *ext_list(const struct wetee_metadata *md, unsigned version)
{
    for (uint32_t i = 0; i < md->n_ext_versions; i++)
        if (md->ext_versions[i].version == version)
            return &md->ext_versions[i];
    return NULL;
}

/* Explicit and implicit data of every extension of `version`, in order. */
static int build_extensions(const wetee_tx *tx, unsigned version, wetee_buf *explicit_out, wetee_buf *implicit_out)
{
    const wt_md_ext_version *list = ext_list(tx->md, version);
    if (!list)
        return wt_error(WETEE_ERR_UNSUPPORTED, "%s: the metadata has no transaction extensions of version %u", MOD,
                        version);
    int rc = WETEE_OK;
    for (uint32_t i = 0; rc == WETEE_OK && i < list->n; i++) {
        const struct wetee_md_extension *e = &tx->md->extensions[list->indexes[i]];
        rc = ext_part(explicit_out, tx, e, 0);
        if (rc == WETEE_OK && implicit_out)
            rc = ext_part(implicit_out, tx, e, 1);
    }
    return rc;
}

/* call ‖ explicit ‖ implicit into `out`; hashed when `hash` and longer than 256 bytes. */
static int payload_of(wetee_buf *out, const wetee_tx *tx, const wetee_buf *ex, const wetee_buf *im, int hash)
{
    wetee_buf_clear(out);
    int rc = wetee_buf_append(out, tx->call.data, tx->call.len);
    if (rc == WETEE_OK && (rc = wetee_buf_append(out, ex->data, ex->len)) == WETEE_OK)
        rc = wetee_buf_append(out, im->data, im->len);
    if (rc == WETEE_OK && hash && out->len > WETEE_TX_PAYLOAD_HASH_THRESHOLD) {
        uint8_t h[32];
        wetee_hash_blake2b_256(h, out->data, out->len);
        wetee_buf_clear(out);
        rc = wetee_buf_append(out, h, 32);
    }
    return rc;
}

/* The v4 extension data (explicit, implicit) and, when `payload` is not
 * NULL, the signing payload. */
static int v4_parts(wetee_tx *tx, wetee_buf *ex, wetee_buf *im, wetee_buf *payload, int hash)
{
    if (!tx->has_call)
        return wt_error(WETEE_ERR_STATE, "%s: no call set (wetee_tx_set_call or wetee_tx_set_call_json)", MOD);
    int rc = build_extensions(tx, 0, ex, im);
    if (rc == WETEE_OK && payload)
        rc = payload_of(payload, tx, ex, im, hash);
    return rc;
}

static int signing_payload(wetee_buf *out, wetee_tx *tx, int hash)
{
    WT_ARG(out != NULL && tx != NULL, MOD, "NULL argument");
    wetee_buf ex = WETEE_BUF_INIT, im = WETEE_BUF_INIT;
    int rc = v4_parts(tx, &ex, &im, out, hash);
    wetee_buf_free(&ex);
    wetee_buf_free(&im);
    return rc;
}

WETEE_API int wetee_tx_signing_payload_raw(wetee_buf *out, wetee_tx *tx) { return signing_payload(out, tx, 0); }

WETEE_API int wetee_tx_signing_payload(wetee_buf *out, wetee_tx *tx) { return signing_payload(out, tx, 1); }

/* Wrap `body` (wetee_buf) with its compact length into `out`. */
static int finish(wetee_buf *out, const wetee_buf *body)
{
    wetee_buf_clear(out);
    int rc = wetee_scale_put_compact_u64(out, body->len);
    if (rc == WETEE_OK)
        rc = wetee_buf_append(out, body->data, body->len);
    return rc;
}

/* `bytes`, or the variant `name` of a variant type holding them. */
static wetee_value *wrapped_bytes(const char *name, const uint8_t *b, size_t n)
{
    wetee_value *inner = NULL, *v = NULL;
    if (wetee_value_new_bytes(&inner, b, n) != WETEE_OK)
        return NULL;
    if (!name)
        return inner;
    if (wetee_value_new_variant(&v, name, -1) != WETEE_OK) {
        wetee_value_free(inner);
        return NULL;
    }
    if (wetee_value_append(v, NULL, inner) != WETEE_OK) { /* frees inner */
        wetee_value_free(v);
        return NULL;
    }
    return v;
}

static int has_variant(const struct wetee_md_type *t, const char *name)
{
    for (uint32_t i = 0; i < t->u.var.n; i++)
        if (strcmp(t->u.var.variants[i].name, name) == 0)
            return 1;
    return 0;
}

/* The signature as the metadata's signature type wants it. */
static int put_signature(wetee_buf *out, const struct wetee_metadata *md, wetee_scheme scheme, const uint8_t *sig,
                         size_t sig_len)
{
    const struct wetee_md_type *t = &md->types[md->signature_type];
    if (t->kind == WETEE_TYPE_VARIANT) {
        static const char *names[] = { "Sr25519", "Ed25519", "Ecdsa" };
        const char *name = (unsigned)scheme < 3 ? names[scheme] : NULL;
        if (!name || !has_variant(t, name))
            return wt_error(WETEE_ERR_UNSUPPORTED, "%s: the chain's signature type has no variant for scheme %d", MOD,
                            (int)scheme);
        return wt_tx_encode_value(out, md, md->signature_type, wrapped_bytes(name, sig, sig_len), "signature");
    }
    if (scheme != WETEE_SCHEME_ETHEREUM && scheme != WETEE_SCHEME_ECDSA)
        return wt_error(WETEE_ERR_UNSUPPORTED,
                        "%s: the chain's signature type is a bare ECDSA signature; scheme %d cannot sign for it", MOD,
                        (int)scheme);
    return wt_tx_encode_value(out, md, md->signature_type, wrapped_bytes(NULL, sig, sig_len), "signature");
}

/* The signer's address as the metadata's address type wants it. */
static int put_address(wetee_buf *out, const struct wetee_metadata *md, const uint8_t *account, size_t account_len)
{
    const struct wetee_md_type *t = &md->types[md->address_type];
    if (t->kind == WETEE_TYPE_VARIANT && !has_variant(t, "Id"))
        return wt_error(WETEE_ERR_UNSUPPORTED, "%s: the chain's address type has no Id variant", MOD);
    int rc = wt_tx_encode_value(out, md, md->address_type,
                                wrapped_bytes(t->kind == WETEE_TYPE_VARIANT ? "Id" : NULL, account, account_len),
                                "address");
    if (rc == WETEE_ERR_DECODE) {
        char first[400];
        snprintf(first, sizeof first, "%s", wetee_last_error());
        return wt_error(WETEE_ERR_UNSUPPORTED, "%s: the chain's address type cannot hold this signer's %zu-byte account (%s)",
                        MOD, account_len, first);
    }
    return rc;
}

/* Attach a signature over `payload` (the signing payload, made by the
 * caller); `verify` checks it first (signatures made elsewhere). */
static int attach(wetee_buf *out, wetee_tx *tx, wetee_scheme scheme, const uint8_t *pub, size_t pub_len,
                  const uint8_t *sig, size_t sig_len, const wetee_buf *payload, const wetee_buf *ex, int verify)
{
    const struct wetee_metadata *md = tx->md;
    uint8_t account[32];
    size_t account_len = 32;
    int rc;
    switch (scheme) {
    case WETEE_SCHEME_SR25519:
    case WETEE_SCHEME_ED25519:
        if (pub_len != 32)
            return wt_error(WETEE_ERR_INVALID_ARGUMENT, "%s: public key of %zu bytes, expected 32", MOD, pub_len);
        memcpy(account, pub, 32);
        break;
    case WETEE_SCHEME_ECDSA:
        if (pub_len != 33)
            return wt_error(WETEE_ERR_INVALID_ARGUMENT, "%s: public key of %zu bytes, expected 33", MOD, pub_len);
        if ((rc = wetee_ecdsa_account_id(account, pub)) != WETEE_OK)
            return rc;
        break;
    case WETEE_SCHEME_ETHEREUM:
        if ((rc = wetee_eth_address(account, pub, pub_len)) != WETEE_OK)
            return rc;
        account_len = 20;
        break;
    default:
        return wt_error(WETEE_ERR_INVALID_ARGUMENT, "%s: unknown scheme %d", MOD, (int)scheme);
    }

    wetee_buf body = WETEE_BUF_INIT;
    rc = WETEE_OK;
    if (verify && wetee_verify(scheme, sig, sig_len, payload->data, payload->len, pub, pub_len) != WETEE_OK)
        rc = wt_error(WETEE_ERR_VERIFY, "%s: the signature does not verify over the signing payload with this key",
                      MOD);
    if (rc == WETEE_OK)
        rc = wetee_scale_put_u8(&body, 0x84);
    if (rc == WETEE_OK)
        rc = put_address(&body, md, account, account_len);
    if (rc == WETEE_OK)
        rc = put_signature(&body, md, scheme, sig, sig_len);
    if (rc == WETEE_OK && (rc = wetee_buf_append(&body, ex->data, ex->len)) == WETEE_OK &&
        (rc = wetee_buf_append(&body, tx->call.data, tx->call.len)) == WETEE_OK)
        rc = finish(out, &body);
    wetee_buf_free(&body);
    return rc;
}

WETEE_API int wetee_tx_attach_signature(wetee_buf *out, wetee_tx *tx, wetee_scheme scheme, const uint8_t *pub,
                                        size_t pub_len, const uint8_t *sig, size_t sig_len)
{
    WT_ARG(out != NULL && tx != NULL && pub != NULL && sig != NULL, MOD, "NULL argument");
    WT_ARG_LEN(pub_len, MOD);
    WT_ARG_LEN(sig_len, MOD);
    wetee_buf payload = WETEE_BUF_INIT, ex = WETEE_BUF_INIT, im = WETEE_BUF_INIT;
    int rc = v4_parts(tx, &ex, &im, &payload, 1);
    if (rc == WETEE_OK)
        rc = attach(out, tx, scheme, pub, pub_len, sig, sig_len, &payload, &ex, 1);
    wetee_buf_free(&payload);
    wetee_buf_free(&ex);
    wetee_buf_free(&im);
    return rc;
}

WETEE_API int wetee_tx_sign(wetee_buf *out, wetee_tx *tx, const wetee_keypair *kp)
{
    WT_ARG(out != NULL && tx != NULL && kp != NULL, MOD, "NULL argument");
    wetee_buf payload = WETEE_BUF_INIT, ex = WETEE_BUF_INIT, im = WETEE_BUF_INIT;
    uint8_t sig[WETEE_SIGNATURE_MAX_BYTES], pub[WETEE_PUBLIC_MAX_BYTES];
    size_t sig_len = 0, pub_len = 0;
    int rc = v4_parts(tx, &ex, &im, &payload, 1);
    if (rc == WETEE_OK)
        rc = wetee_keypair_sign(kp, sig, &sig_len, payload.data, payload.len);
    if (rc == WETEE_OK)
        rc = wetee_keypair_public(kp, pub, &pub_len);
    /* our own signature over the payload we just made: no need to verify it */
    if (rc == WETEE_OK)
        rc = attach(out, tx, wetee_keypair_scheme(kp), pub, pub_len, sig, sig_len, &payload, &ex, 0);
    wetee_buf_free(&payload);
    wetee_buf_free(&ex);
    wetee_buf_free(&im);
    return rc;
}

static int has_extrinsic_version(const struct wetee_metadata *md, unsigned v)
{
    for (uint32_t i = 0; i < md->n_ext_versions_list; i++)
        if (md->ext_versions_list[i] == v)
            return 1;
    return 0;
}

WETEE_API int wetee_tx_bare(wetee_buf *out, wetee_tx *tx, unsigned version)
{
    WT_ARG(out != NULL && tx != NULL, MOD, "NULL argument");
    WT_ARG(version == 4 || version == 5, MOD, "version must be 4 or 5");
    if (!tx->has_call)
        return wt_error(WETEE_ERR_STATE, "%s: no call set", MOD);
    if (version == 5 && !has_extrinsic_version(tx->md, 5))
        return wt_error(WETEE_ERR_UNSUPPORTED, "%s: the chain does not list extrinsic version 5", MOD);
    wetee_buf body = WETEE_BUF_INIT;
    int rc = wetee_scale_put_u8(&body, (uint8_t)version);
    if (rc == WETEE_OK && (rc = wetee_buf_append(&body, tx->call.data, tx->call.len)) == WETEE_OK)
        rc = finish(out, &body);
    wetee_buf_free(&body);
    return rc;
}

WETEE_API int wetee_tx_general(wetee_buf *out, wetee_tx *tx, unsigned extension_version)
{
    WT_ARG(out != NULL && tx != NULL, MOD, "NULL argument");
    WT_ARG(extension_version <= 255, MOD, "extension_version above 255");
    if (!tx->has_call)
        return wt_error(WETEE_ERR_STATE, "%s: no call set", MOD);
    if (!has_extrinsic_version(tx->md, 5))
        return wt_error(WETEE_ERR_UNSUPPORTED, "%s: the chain does not list extrinsic version 5", MOD);
    wetee_buf ex = WETEE_BUF_INIT, body = WETEE_BUF_INIT;
    int rc = build_extensions(tx, extension_version, &ex, NULL);
    if (rc == WETEE_OK && (rc = wetee_scale_put_u8(&body, 0x45)) == WETEE_OK &&
        (rc = wetee_scale_put_u8(&body, (uint8_t)extension_version)) == WETEE_OK &&
        (rc = wetee_buf_append(&body, ex.data, ex.len)) == WETEE_OK &&
        (rc = wetee_buf_append(&body, tx->call.data, tx->call.len)) == WETEE_OK)
        rc = finish(out, &body);
    wetee_buf_free(&ex);
    wetee_buf_free(&body);
    return rc;
}

WETEE_API int wetee_extrinsic_hash(uint8_t out[32], const uint8_t *data, size_t len)
{
    WT_ARG(out != NULL, MOD, "out is NULL");
    WT_ARG_DATA(data, len, MOD);
    return wetee_hash_blake2b_256(out, data, len);
}
