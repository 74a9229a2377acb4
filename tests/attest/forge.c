/* A synthetic DCAP world for negative tests: a test root, TCB Signing and
 * PCK CA certificates, CRLs, a PCK leaf carrying the sample's SGX
 * extension, re-signed TCB Info / QE Identity and re-signed quotes built
 * from the shared samples, all made here with OpenSSL. Lets a test change
 * one signed field (a module identity, a TCB component, a TD attribute, a
 * CRL entry) and see exactly the check about that field fail, not a
 * signature. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <string.h>

#include <jansson.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "forge.h"

static EVP_PKEY *p256(void) { return EVP_EC_gen("P-256"); }

static X509 *make_cert(const char *cn, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuer_key, int ca, long serial,
                       X509_EXTENSION *extra)
{
    X509 *x = X509_new();
    X509_NAME *n = X509_NAME_new();
    X509V3_CTX ctx;
    X509_EXTENSION *bc;
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
    X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1, -1, 0);
    X509_NAME_add_entry_by_txt(n, "O", MBSTRING_ASC, (const unsigned char *)"libwetee test", -1, -1, 0);
    X509_set_subject_name(x, n);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) : n);
    X509_NAME_free(n);
    ASN1_TIME_set(X509_getm_notBefore(x), 1500000000);
    ASN1_TIME_set(X509_getm_notAfter(x), 2000000000);
    X509_set_pubkey(x, key);
    X509V3_set_ctx(&ctx, issuer ? issuer : x, x, NULL, NULL, 0);
    bc = X509V3_EXT_conf_nid(NULL, &ctx, NID_basic_constraints, ca ? "critical,CA:TRUE" : "CA:FALSE");
    X509_add_ext(x, bc, -1);
    X509_EXTENSION_free(bc);
    if (extra) X509_add_ext(x, extra, -1);
    X509_sign(x, issuer_key ? issuer_key : key, EVP_sha256());
    return x;
}

static X509_CRL *make_crl(X509 *issuer, EVP_PKEY *key, long revoked_serial)
{
    X509_CRL *c = X509_CRL_new();
    ASN1_TIME *t = ASN1_TIME_new();
    X509_CRL_set_version(c, 1);
    X509_CRL_set_issuer_name(c, X509_get_subject_name(issuer));
    ASN1_TIME_set(t, 1500000000);
    X509_CRL_set1_lastUpdate(c, t);
    ASN1_TIME_set(t, 2000000000);
    X509_CRL_set1_nextUpdate(c, t);
    if (revoked_serial) {
        X509_REVOKED *r = X509_REVOKED_new();
        ASN1_INTEGER *s = ASN1_INTEGER_new();
        ASN1_INTEGER_set(s, revoked_serial);
        X509_REVOKED_set_serialNumber(r, s);
        ASN1_TIME_set(t, 1600000000);
        X509_REVOKED_set_revocationDate(r, t);
        X509_CRL_add0_revoked(c, r);
        ASN1_INTEGER_free(s);
    }
    ASN1_TIME_free(t);
    X509_CRL_sort(c);
    X509_CRL_sign(c, key, EVP_sha256());
    return c;
}

static void pem_append(char **buf, size_t *len, X509 *x)
{
    BIO *b = BIO_new(BIO_s_mem());
    char *p;
    long n;
    PEM_write_bio_X509(b, x);
    n = BIO_get_mem_data(b, &p);
    *buf = realloc(*buf, *len + (size_t)n + 1);
    memcpy(*buf + *len, p, (size_t)n);
    *len += (size_t)n;
    (*buf)[*len] = 0;
    BIO_free(b);
}

static char *crl_hex(X509_CRL *c)
{
    unsigned char *der = NULL;
    int n = i2d_X509_CRL(c, &der), i;
    char *h = malloc((size_t)n * 2 + 1);
    for (i = 0; i < n; i++) sprintf(h + 2 * i, "%02x", der[i]);
    OPENSSL_free(der);
    return h;
}

/* ECDSA-P256-SHA256 raw r||s. */
static void sign_raw(EVP_PKEY *k, const uint8_t *msg, size_t len, uint8_t out[64])
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char der[80];
    size_t dl = sizeof der;
    const unsigned char *p = der;
    ECDSA_SIG *s;
    const BIGNUM *r, *sv;
    EVP_DigestSignInit(ctx, NULL, EVP_sha256(), NULL, k);
    EVP_DigestSign(ctx, der, &dl, msg, len);
    EVP_MD_CTX_free(ctx);
    s = d2i_ECDSA_SIG(NULL, &p, (long)dl);
    ECDSA_SIG_get0(s, &r, &sv);
    BN_bn2binpad(r, out, 32);
    BN_bn2binpad(sv, out + 32, 32);
    ECDSA_SIG_free(s);
}

static void hexs(char *out, const uint8_t *b, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", b[i]);
}

static void pub_xy(EVP_PKEY *k, uint8_t out[64])
{
    uint8_t pt[65];
    size_t n = 0;
    EVP_PKEY_get_octet_string_param(k, "encoded-pub-key", pt, sizeof pt, &n);
    memcpy(out, pt + 1, 64);
}

int forge_init(forge *f, const uint8_t *quote, size_t qlen, const char *coll_json, size_t clen)
{
    json_t *c;
    const uint8_t *pem;
    size_t pem_len;
    BIO *b;
    X509 *leaf;
    uint16_t version = (uint16_t)(quote[0] | quote[1] << 8);
    size_t body_end, sig_start, qe, auth_len_off;
    int idx;
    ASN1_OBJECT *oid;
    memset(f, 0, sizeof *f);
    c = json_loadb(coll_json, clen, 0, NULL);
    if (c == NULL) return -1;
    f->tcb_info = strdup(json_string_value(json_object_get(c, "tcb_info")));
    f->qe_identity = strdup(json_string_value(json_object_get(c, "qe_identity")));
    json_decref(c);
    /* layout of the sample */
    if (version == 3) body_end = 432;
    else if (version == 4) body_end = 48 + 584;
    else body_end = 54 + (size_t)(quote[50] | quote[51] << 8);
    sig_start = body_end + 4;
    qe = sig_start + 128 + (version >= 4 ? 6 : 0);
    auth_len_off = qe + 448;
    f->version = version;
    f->body_end = body_end;
    memcpy(f->head, quote, body_end);
    memcpy(f->qe_report, quote + qe, 384);
    f->auth_len = (size_t)(quote[auth_len_off] | quote[auth_len_off + 1] << 8);
    memcpy(f->auth, quote + auth_len_off + 2, f->auth_len);
    pem = quote + auth_len_off + 2 + f->auth_len + 6;
    pem_len = qlen - (size_t)(pem - quote);
    b = BIO_new_mem_buf(pem, (int)pem_len);
    leaf = PEM_read_bio_X509(b, NULL, NULL, NULL);
    BIO_free(b);
    if (leaf == NULL) return -1;
    oid = OBJ_txt2obj("1.2.840.113741.1.13.1", 1);
    idx = X509_get_ext_by_OBJ(leaf, oid, -1);
    ASN1_OBJECT_free(oid);
    if (idx < 0) { X509_free(leaf); return -1; }
    f->sgx_ext = X509_EXTENSION_dup(X509_get_ext(leaf, idx));
    X509_free(leaf);
    f->root_key = p256();
    f->tcb_key = p256();
    f->ca_key = p256();
    f->pck_key = p256();
    f->att_key = p256();
    f->root = make_cert("Test SGX Root CA", f->root_key, NULL, NULL, 1, 1, NULL);
    f->tcb = make_cert("Test SGX TCB Signing", f->tcb_key, f->root, f->root_key, 0, 2, NULL);
    f->ca = make_cert("Test SGX PCK Platform CA", f->ca_key, f->root, f->root_key, 1, 3, NULL);
    f->pck = make_cert("Test SGX PCK Certificate", f->pck_key, f->ca, f->ca_key, 0, 4242, f->sgx_ext);
    return 0;
}

void forge_free(forge *f)
{
    X509_free(f->root); X509_free(f->tcb); X509_free(f->ca); X509_free(f->pck);
    EVP_PKEY_free(f->root_key); EVP_PKEY_free(f->tcb_key); EVP_PKEY_free(f->ca_key);
    EVP_PKEY_free(f->pck_key); EVP_PKEY_free(f->att_key);
    X509_EXTENSION_free(f->sgx_ext);
    free(f->tcb_info); free(f->qe_identity);
}

void forge_root_pub(const forge *f, uint8_t out[65])
{
    out[0] = 4;
    pub_xy(f->root_key, out + 1);
}

char *forge_collateral(const forge *f, const char *tcb_info, const char *qe_identity, long revoked_pck_serial)
{
    json_t *o = json_object();
    char *tcb_chain = NULL, *ca_chain = NULL, *out, sig[129];
    size_t tl = 0, cl = 0;
    uint8_t s[64];
    X509_CRL *root_crl = make_crl(f->root, f->root_key, 0), *pck_crl = make_crl(f->ca, f->ca_key, revoked_pck_serial);
    char *rh = crl_hex(root_crl), *ph = crl_hex(pck_crl);
    if (tcb_info == NULL) tcb_info = f->tcb_info;
    if (qe_identity == NULL) qe_identity = f->qe_identity;
    pem_append(&tcb_chain, &tl, f->tcb);
    pem_append(&tcb_chain, &tl, f->root);
    pem_append(&ca_chain, &cl, f->ca);
    pem_append(&ca_chain, &cl, f->root);
    json_object_set_new(o, "pck_crl_issuer_chain", json_string(ca_chain));
    json_object_set_new(o, "root_ca_crl", json_string(rh));
    json_object_set_new(o, "pck_crl", json_string(ph));
    json_object_set_new(o, "tcb_info_issuer_chain", json_string(tcb_chain));
    json_object_set_new(o, "qe_identity_issuer_chain", json_string(tcb_chain));
    json_object_set_new(o, "tcb_info", json_string(tcb_info));
    sign_raw(f->tcb_key, (const uint8_t *)tcb_info, strlen(tcb_info), s);
    hexs(sig, s, 64);
    json_object_set_new(o, "tcb_info_signature", json_string(sig));
    json_object_set_new(o, "qe_identity", json_string(qe_identity));
    sign_raw(f->tcb_key, (const uint8_t *)qe_identity, strlen(qe_identity), s);
    hexs(sig, s, 64);
    json_object_set_new(o, "qe_identity_signature", json_string(sig));
    out = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    X509_CRL_free(root_crl);
    X509_CRL_free(pck_crl);
    free(rh); free(ph); free(tcb_chain); free(ca_chain);
    return out;
}

uint8_t *forge_quote(const forge *f, const uint8_t *head, size_t *len)
{
    char *chain = NULL;
    size_t cl = 0, pos, sig_len, total;
    uint8_t qe[384], att[64], *q;
    unsigned i;
    EVP_MD_CTX *m = EVP_MD_CTX_new();
    pem_append(&chain, &cl, f->pck);
    pem_append(&chain, &cl, f->ca);
    pem_append(&chain, &cl, f->root);
    cl += 1; /* the terminating NUL is counted */
    pub_xy(f->att_key, att);
    memcpy(qe, f->qe_report, 384);
    EVP_DigestInit_ex(m, EVP_sha256(), NULL);
    EVP_DigestUpdate(m, att, 64);
    EVP_DigestUpdate(m, f->auth, f->auth_len);
    EVP_DigestFinal_ex(m, qe + 320, NULL);
    EVP_MD_CTX_free(m);
    memset(qe + 352, 0, 32);
    sig_len = 128 + (f->version >= 4 ? 6 : 0) + 384 + 64 + 2 + f->auth_len + 6 + cl;
    total = f->body_end + 4 + sig_len;
    q = calloc(1, total);
    memcpy(q, head ? head : f->head, f->body_end);
    pos = f->body_end;
    for (i = 0; i < 4; i++) q[pos + i] = (uint8_t)(sig_len >> (8 * i));
    pos += 4;
    memcpy(q + pos + 64, att, 64);
    sign_raw(f->att_key, q, f->body_end, q + pos);
    pos += 128;
    if (f->version >= 4) {
        size_t inner = sig_len - 128 - 6;
        q[pos] = 6; q[pos + 1] = 0;
        for (i = 0; i < 4; i++) q[pos + 2 + i] = (uint8_t)(inner >> (8 * i));
        pos += 6;
    }
    memcpy(q + pos, qe, 384);
    sign_raw(f->pck_key, qe, 384, q + pos + 384);
    pos += 448;
    q[pos] = (uint8_t)f->auth_len; q[pos + 1] = (uint8_t)(f->auth_len >> 8);
    memcpy(q + pos + 2, f->auth, f->auth_len);
    pos += 2 + f->auth_len;
    q[pos] = 5; q[pos + 1] = 0;
    for (i = 0; i < 4; i++) q[pos + 2 + i] = (uint8_t)(cl >> (8 * i));
    pos += 6;
    memcpy(q + pos, chain, cl - 1);
    q[pos + cl - 1] = 0;
    free(chain);
    *len = total;
    return q;
}
