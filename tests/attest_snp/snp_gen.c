/* Synthetic SEV-SNP chains and reports (see snp_gen.h). */
#include "snp_gen.h"

#include <stdio.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

static const char *const PRODUCTS[] = { "Unknown", "Milan", "Genoa", "Turin" };

static void store_le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}
static void store_le64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

void snp_gen_defaults(snp_gen_opts *o, int product, uint64_t tcb, const uint8_t chip_id[64])
{
    uint8_t b[8];
    memset(o, 0, sizeof *o);
    for (int i = 0; i < 10; i++) o->spl[i] = -1;
    store_le64(b, tcb);
    o->product = product;
    if (product == 3) {
        o->spl[9] = b[0];
        o->spl[1] = b[1];
        o->spl[2] = b[2];
        o->spl[3] = b[3];
    } else {
        o->spl[1] = b[0];
        o->spl[2] = b[1];
        o->spl[3] = b[6];
    }
    o->spl[8] = b[7];
    for (int i = 4; i <= 7; i++) o->spl[i] = 0;
    o->hwid_len = product == 3 ? 8 : 64;
    memcpy(o->hwid, chip_id, o->hwid_len);
    o->product_name = product == 1 ? "Milan-B0" : product == 2 ? "Genoa-B1" : "Turin-C1";
    o->salt = 48;
    o->not_before = 1600000000;
    o->not_after = 2000000000;
}

static int name_amd(X509_NAME *n, const char *cn)
{
    return X509_NAME_add_entry_by_txt(n, "OU", MBSTRING_ASC, (const unsigned char *)"Engineering", -1, -1, 0) &&
           X509_NAME_add_entry_by_txt(n, "C", MBSTRING_ASC, (const unsigned char *)"US", -1, -1, 0) &&
           X509_NAME_add_entry_by_txt(n, "L", MBSTRING_ASC, (const unsigned char *)"Santa Clara", -1, -1, 0) &&
           X509_NAME_add_entry_by_txt(n, "ST", MBSTRING_ASC, (const unsigned char *)"CA", -1, -1, 0) &&
           X509_NAME_add_entry_by_txt(n, "O", MBSTRING_ASC, (const unsigned char *)"Advanced Micro Devices", -1, -1, 0) &&
           X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1, -1, 0);
}

static int sign_pss(X509 *x, EVP_PKEY *key, int salt)
{
    EVP_MD_CTX *m = EVP_MD_CTX_new();
    EVP_PKEY_CTX *p = NULL;
    int ok = m && EVP_DigestSignInit(m, &p, EVP_sha384(), NULL, key) == 1 &&
             EVP_PKEY_CTX_set_rsa_padding(p, RSA_PKCS1_PSS_PADDING) == 1 &&
             EVP_PKEY_CTX_set_rsa_pss_saltlen(p, salt) == 1 && EVP_PKEY_CTX_set_rsa_mgf1_md(p, EVP_sha384()) == 1 &&
             X509_sign_ctx(x, m) > 0;
    EVP_MD_CTX_free(m);
    return ok;
}

static int add_ext(X509 *x, const char *oid, const uint8_t *val, size_t len)
{
    ASN1_OBJECT *o = OBJ_txt2obj(oid, 1);
    ASN1_OCTET_STRING *s = ASN1_OCTET_STRING_new();
    X509_EXTENSION *e = NULL;
    int ok = o && s && ASN1_OCTET_STRING_set(s, val, (int)len) && (e = X509_EXTENSION_create_by_OBJ(NULL, o, 0, s)) &&
             X509_add_ext(x, e, -1);
    X509_EXTENSION_free(e);
    ASN1_OCTET_STRING_free(s);
    ASN1_OBJECT_free(o);
    return ok;
}

static X509 *make_cert(EVP_PKEY *subject_key, const char *cn, long serial, X509 *issuer, const char *issuer_cn,
                       EVP_PKEY *issuer_key, long nb, long na)
{
    X509 *x = X509_new();
    X509_NAME *in = X509_NAME_new();
    if (!x || !in) return NULL;
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
    name_amd(X509_get_subject_name(x), cn);
    if (issuer)
        X509_set_issuer_name(x, X509_get_subject_name(issuer));
    else {
        name_amd(in, issuer_cn);
        X509_set_issuer_name(x, in);
    }
    X509_NAME_free(in);
    ASN1_TIME_set(X509_getm_notBefore(x), (time_t)nb);
    ASN1_TIME_set(X509_getm_notAfter(x), (time_t)na);
    X509_set_pubkey(x, subject_key);
    (void)issuer_key;
    return x;
}

/* Cached root and intermediate keys per product and kind: RSA key
 * generation is the slow part. */
static EVP_PKEY *g_ark_key[4], *g_ask_key[4][2];

int snp_gen_chain(snp_chain *c, const snp_gen_opts *o)
{
    char cn[64];
    memset(c, 0, sizeof *c);
    int p = o->product;
    if (!g_ark_key[p]) g_ark_key[p] = EVP_RSA_gen(2048);
    if (!g_ask_key[p][o->vlek]) g_ask_key[p][o->vlek] = EVP_RSA_gen(2048);
    EVP_PKEY_up_ref(g_ark_key[p]);
    EVP_PKEY_up_ref(g_ask_key[p][o->vlek]);
    c->ark_key = g_ark_key[p];
    c->ask_key = g_ask_key[p][o->vlek];
    c->leaf_key = EVP_EC_gen("P-384");
    if (!c->ark_key || !c->ask_key || !c->leaf_key) return -1;

    snprintf(cn, sizeof cn, "ARK-%s", PRODUCTS[p]);
    X509 *ark = make_cert(c->ark_key, cn, 0x10000, NULL, cn, c->ark_key, 1500000000, 2100000000);
    if (!ark || !sign_pss(ark, c->ark_key, 48)) return -1;
    snprintf(cn, sizeof cn, o->vlek ? "SEV-VLEK-%s" : "SEV-%s", PRODUCTS[p]);
    X509 *ask = make_cert(c->ask_key, cn, 0x10001, ark, NULL, c->ark_key, 1500000000, 2100000000);
    if (!ask || !sign_pss(ask, c->ark_key, 48)) return -1;
    X509 *leaf = make_cert(c->leaf_key, o->vlek ? "SEV-VLEK" : "SEV-VCEK", 0, ask, NULL, c->ask_key, o->not_before,
                           o->not_after);
    if (!leaf) return -1;
    uint8_t v[70];
    add_ext(leaf, "1.3.6.1.4.1.3704.1.1", (const uint8_t *)"\x02\x01\x00", 3);
    if (o->product_name) {
        size_t n = strlen(o->product_name);
        v[0] = 0x16;
        v[1] = (uint8_t)n;
        memcpy(v + 2, o->product_name, n);
        add_ext(leaf, "1.3.6.1.4.1.3704.1.2", v, n + 2);
    }
    for (int i = 1; i <= 9; i++) {
        if (o->spl[i] < 0) continue;
        char oid[40];
        size_t n;
        snprintf(oid, sizeof oid, "1.3.6.1.4.1.3704.1.3.%d", i);
        v[0] = 0x02;
        if (o->spl[i] < 0x80) {
            v[1] = 1;
            v[2] = (uint8_t)o->spl[i];
            n = 3;
        } else {
            v[1] = 2;
            v[2] = 0;
            v[3] = (uint8_t)o->spl[i];
            n = 4;
        }
        add_ext(leaf, oid, v, n);
    }
    if (o->hwid_len) add_ext(leaf, "1.3.6.1.4.1.3704.1.4", o->hwid, o->hwid_len);
    if (!sign_pss(leaf, c->ask_key, o->salt)) return -1;
    c->ark = ark;
    c->ask = ask;
    c->leaf = leaf;

    unsigned char *d = c->ark_der;
    c->ark_der_len = (size_t)i2d_X509(ark, &d);
    d = c->leaf_der;
    c->leaf_der_len = (size_t)i2d_X509(leaf, &d);
    BIO *b = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(b, ask);
    PEM_write_bio_X509(b, ark);
    c->chain_pem_len = (size_t)BIO_read(b, c->chain_pem, (int)sizeof c->chain_pem - 1);
    BIO_free(b);
    return 0;
}

void snp_chain_free(snp_chain *c)
{
    EVP_PKEY_free(c->ark_key);
    EVP_PKEY_free(c->ask_key);
    EVP_PKEY_free(c->leaf_key);
    X509_free(c->ark);
    X509_free(c->ask);
    X509_free(c->leaf);
    memset(c, 0, sizeof *c);
}

int snp_gen_sign(uint8_t report[1184], const snp_chain *c)
{
    unsigned char sig[160];
    size_t sl = sizeof sig;
    EVP_MD_CTX *m = EVP_MD_CTX_new();
    int ok = m && EVP_DigestSignInit(m, NULL, EVP_sha384(), NULL, c->leaf_key) == 1 &&
             EVP_DigestSign(m, sig, &sl, report, 0x2a0) == 1;
    EVP_MD_CTX_free(m);
    if (!ok) return -1;
    const unsigned char *q = sig;
    ECDSA_SIG *s = d2i_ECDSA_SIG(NULL, &q, (long)sl);
    if (!s) return -1;
    memset(report + 0x2a0, 0, 144);
    BN_bn2lebinpad(ECDSA_SIG_get0_r(s), report + 0x2a0, 48);
    BN_bn2lebinpad(ECDSA_SIG_get0_s(s), report + 0x2e8, 48);
    ECDSA_SIG_free(s);
    return 0;
}

int snp_gen_crl(uint8_t *out, size_t cap, size_t *len, const snp_chain *c, int revoke_ask, long this_update,
                long next_update)
{
    X509_CRL *crl = X509_CRL_new();
    X509_REVOKED *r = X509_REVOKED_new();
    ASN1_TIME *t = ASN1_TIME_new(), *tn = ASN1_TIME_new(), *rt = ASN1_TIME_new();
    ASN1_INTEGER *serial = ASN1_INTEGER_new();
    int ok = crl && r && t && tn && rt && serial;
    if (ok) {
        X509_CRL_set_version(crl, 1);
        X509_CRL_set_issuer_name(crl, X509_get_subject_name(c->ark));
        ASN1_TIME_set(t, (time_t)this_update);
        ASN1_TIME_set(tn, (time_t)next_update);
        ASN1_TIME_set(rt, (time_t)this_update);
        X509_CRL_set1_lastUpdate(crl, t);
        X509_CRL_set1_nextUpdate(crl, tn);
        if (revoke_ask)
            X509_REVOKED_set_serialNumber(r, X509_get_serialNumber(c->ask));
        else {
            ASN1_INTEGER_set(serial, 0x77777);
            X509_REVOKED_set_serialNumber(r, serial);
        }
        X509_REVOKED_set_revocationDate(r, rt);
        X509_CRL_add0_revoked(crl, r);
        r = NULL;
        X509_CRL_sort(crl);
        EVP_MD_CTX *m = EVP_MD_CTX_new();
        EVP_PKEY_CTX *p = NULL;
        ok = m && EVP_DigestSignInit(m, &p, EVP_sha384(), NULL, c->ark_key) == 1 &&
             EVP_PKEY_CTX_set_rsa_padding(p, RSA_PKCS1_PSS_PADDING) == 1 &&
             EVP_PKEY_CTX_set_rsa_pss_saltlen(p, 48) == 1 && X509_CRL_sign_ctx(crl, m) > 0;
        EVP_MD_CTX_free(m);
    }
    if (ok) {
        int n = i2d_X509_CRL(crl, NULL);
        unsigned char *d = out;
        ok = n > 0 && (size_t)n <= cap && i2d_X509_CRL(crl, &d) == n;
        *len = (size_t)n;
    }
    X509_REVOKED_free(r);
    X509_CRL_free(crl);
    ASN1_TIME_free(t);
    ASN1_TIME_free(tn);
    ASN1_TIME_free(rt);
    ASN1_INTEGER_free(serial);
    return ok ? 0 : -1;
}

void snp_gen_report(uint8_t report[1184], unsigned version, int product, uint64_t policy, uint64_t tcb,
                    const uint8_t chip_id[64], unsigned signing_key)
{
    memset(report, 0, 1184);
    store_le32(report, version);
    store_le32(report + 0x04, 7);
    store_le64(report + 0x08, policy);
    store_le32(report + 0x30, 0);
    store_le32(report + 0x34, 1);
    store_le64(report + 0x38, tcb);
    store_le64(report + 0x40, 1);
    store_le32(report + 0x48, signing_key << 2);
    for (int i = 0; i < 48; i++) report[0x90 + i] = (uint8_t)(0xa0 + i);
    for (int i = 0; i < 32; i++) report[0xc0 + i] = (uint8_t)(0x40 + i);
    store_le64(report + 0x180, tcb);
    if (version >= 3) {
        report[0x188] = product == 3 ? 0x1a : 0x19;
        report[0x189] = product == 1 ? 0x01 : product == 2 ? 0x11 : 0x02;
        report[0x18a] = 1;
    }
    memcpy(report + 0x1a0, chip_id, 64);
    store_le64(report + 0x1e0, tcb);
    report[0x1e8] = 3;
    report[0x1e9] = 0x37;
    report[0x1ea] = 1;
    report[0x1ec] = 3;
    report[0x1ed] = 0x37;
    report[0x1ee] = 1;
    store_le64(report + 0x1f0, tcb);
    if (version >= 5) {
        store_le64(report + 0x1f8, 0x3);
        store_le64(report + 0x200, 0x7);
    }
}
