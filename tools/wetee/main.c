/*
 * wetee: the libwetee command-line tool (public API only).
 *
 * Exit codes: 0 ok, 1 usage, 2 failed check (bad signature, rejected input),
 * 3 network, 4 input file or I/O. Errors go to stderr and name what and where.
 * Secrets come from --secret-file, --secret-env or a TTY prompt without echo;
 * argv only with --insecure-argv. Secrets are wiped after use.
 */
#include <wetee.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_CHECK = 2, EXIT_NETWORK = 3, EXIT_IO = 4 };

static int g_json = 0;

static void wipe(void *p, size_t n)
{
    volatile unsigned char *v = p;
    while (n--) *v++ = 0;
}

static int fail(int code, const char *fmt, ...)
{
    va_list ap;
    fputs("wetee: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}

/* A library error: what we were doing, then wetee_last_error(). */
static int lib_fail(int code, const char *what, int rc)
{
    const char *detail = wetee_last_error();
    return fail(code, "%s: %s%s%s", what, wetee_strerror(rc), detail && *detail ? ": " : "", detail ? detail : "");
}

/* ---- small output helpers ---- */

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else fputc(c, f);
    }
    fputc('"', f);
}

static char *hex0x(const uint8_t *data, size_t len)
{
    char *s = malloc(2 * len + 3);
    if (!s) return NULL;
    s[0] = '0'; s[1] = 'x';
    for (size_t i = 0; i < len; i++) snprintf(s + 2 + 2 * i, 3, "%02x", data[i]);
    return s;
}

/* ---- secrets ---- */

typedef struct {
    const char *file, *env, *argv;
    int insecure_argv;
} secret_src;

/* Reads a secret into `out` (NUL-terminated, trailing line break removed). */
static int read_secret(wetee_buf *out, const secret_src *src, const char *prompt)
{
    int n = (src->file != NULL) + (src->env != NULL) + (src->argv != NULL);
    if (n > 1) return fail(EXIT_USAGE, "give only one of --secret-file, --secret-env and a secret argument");
    if (src->argv && !src->insecure_argv)
        return fail(EXIT_USAGE, "a secret on the command line is refused (other users can see it in the process list);"
                                " use --secret-file FILE, --secret-env NAME or the prompt, or --insecure-argv");
    const char *text = NULL;
    size_t len = 0;
    if (src->file) {
        FILE *f = fopen(src->file, "rb");
        if (!f) return fail(EXIT_IO, "--secret-file %s: %s", src->file, strerror(errno));
        char chunk[256];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
            if (out->len + got > 8192) { fclose(f); wipe(chunk, sizeof chunk);
                return fail(EXIT_IO, "--secret-file %s: longer than 8192 bytes", src->file); }
            if (wetee_buf_append(out, (const uint8_t *)chunk, got) != WETEE_OK) { fclose(f); wipe(chunk, sizeof chunk);
                return fail(EXIT_IO, "--secret-file %s: out of memory", src->file); }
        }
        wipe(chunk, sizeof chunk);
        int err = ferror(f);
        fclose(f);
        if (err) return fail(EXIT_IO, "--secret-file %s: read error", src->file);
    } else if (src->env || src->argv) {
        if (src->env) {
            text = getenv(src->env);
            if (!text) return fail(EXIT_USAGE, "--secret-env %s: the variable is not set", src->env);
        } else {
            text = src->argv;
        }
        len = strlen(text);
        if (wetee_buf_append(out, (const uint8_t *)text, len) != WETEE_OK) return fail(EXIT_IO, "out of memory");
    } else {
        FILE *tty = fopen("/dev/tty", "r+");
        if (!tty) return fail(EXIT_USAGE, "no secret given and no terminal to ask on: use --secret-file or --secret-env");
        struct termios old, quiet;
        int have_term = tcgetattr(fileno(tty), &old) == 0;
        if (have_term) {
            quiet = old;
            quiet.c_lflag &= ~(tcflag_t)ECHO;
            tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
        }
        fputs(prompt, tty);
        fflush(tty);
        int c;
        int rc = EXIT_OK;
        while ((c = fgetc(tty)) != EOF && c != '\n') {
            uint8_t b = (uint8_t)c;
            if (out->len >= 8192 || wetee_buf_append(out, &b, 1) != WETEE_OK) { rc = EXIT_IO; break; }
        }
        if (have_term) tcsetattr(fileno(tty), TCSAFLUSH, &old);
        fputc('\n', tty);
        fclose(tty);
        if (rc) return fail(rc, "secret prompt: input too long");
    }
    while (out->len && (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == '\r')) out->data[--out->len] = 0;
    uint8_t nul = 0;
    if (wetee_buf_append(out, &nul, 1) != WETEE_OK) return fail(EXIT_IO, "out of memory");
    out->len--;
    if (out->len == 0) return fail(EXIT_USAGE, "the secret is empty");
    return EXIT_OK;
}

/* ---- options ---- */

typedef struct {
    wetee_scheme scheme;
    uint16_t prefix;
    const char *network;
    secret_src secret;
    const char *message, *message_file, *signature, *public_key;
    int message_hex;
    unsigned words;
} key_opts;

static int parse_scheme(wetee_scheme *out, const char *s)
{
    if (!strcmp(s, "sr25519")) *out = WETEE_SCHEME_SR25519;
    else if (!strcmp(s, "ed25519")) *out = WETEE_SCHEME_ED25519;
    else if (!strcmp(s, "ecdsa")) *out = WETEE_SCHEME_ECDSA;
    else return fail(EXIT_USAGE, "--scheme %s: unknown scheme (sr25519, ed25519, ecdsa)", s);
    return EXIT_OK;
}

static int parse_network(key_opts *o, const char *s)
{
    size_t idx;
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (*s && !*end) {
        if (v > 16383) return fail(EXIT_USAGE, "--network %s: prefix above 16383", s);
        o->prefix = (uint16_t)v;
        o->network = NULL;
        if (wetee_ss58_network_find_prefix(&idx, o->prefix) == WETEE_OK)
            wetee_ss58_network_at(idx, NULL, &o->network, NULL, NULL, NULL);
        return EXIT_OK;
    }
    if (wetee_ss58_network_find(&idx, s) != WETEE_OK)
        return fail(EXIT_USAGE, "--network %s: not in the SS58 registry (give a registry name or a prefix number)", s);
    wetee_ss58_network_at(idx, &o->prefix, &o->network, NULL, NULL, NULL);
    return EXIT_OK;
}

static const char *scheme_name(wetee_scheme s)
{
    return s == WETEE_SCHEME_ED25519 ? "ed25519" : s == WETEE_SCHEME_ECDSA ? "ecdsa" : "sr25519";
}

/* ---- help texts ---- */

static const char HELP_MAIN[] =
    "NAME\n"
    "    wetee - command-line tool of libwetee, the C SDK of the WeTEE confidential cloud\n\n"
    "SYNOPSIS\n"
    "    wetee [--json] COMMAND [ARGS...]\n"
    "    wetee --help | --version\n\n"
    "COMMANDS\n"
    "    key generate    make a new mnemonic and print its account\n"
    "    key inspect     print the seed, public key, account id and SS58 address of a secret URI\n"
    "    key sign        sign a message with the key of a secret URI\n"
    "    key verify      check a signature against a public key or SS58 address\n\n"
    "    `wetee COMMAND --help` describes each command.\n\n"
    "OPTIONS\n"
    "    --json          print one JSON object on stdout instead of text\n"
    "    --help, -h      print this help\n"
    "    --version       print the library version\n\n"
    "SECRETS\n"
    "    Secret URIs come from --secret-file FILE, --secret-env NAME, or a prompt on the\n"
    "    terminal without echo. A secret on the command line is refused unless\n"
    "    --insecure-argv is given. Secrets are wiped from memory after use.\n\n"
    "EXIT STATUS\n"
    "    0  success\n"
    "    1  usage error (unknown command or option, missing argument)\n"
    "    2  failed check (invalid signature, malformed secret URI, key or input)\n"
    "    3  network error\n"
    "    4  input file or I/O error\n";

static const char HELP_GENERATE[] =
    "NAME\n"
    "    wetee key generate - make a new BIP-39 mnemonic and print its account\n\n"
    "SYNOPSIS\n"
    "    wetee key generate [--scheme SCHEME] [--network NETWORK] [--words N] [--json]\n\n"
    "DESCRIPTION\n"
    "    Draws a mnemonic from the system RNG and prints the same fields as `key inspect`.\n"
    "    The phrase is printed: redirect the output to a protected file.\n\n"
    "OPTIONS\n"
    "    --scheme SCHEME     sr25519 (default), ed25519 or ecdsa\n"
    "    --network NETWORK   SS58 registry name (e.g. polkadot, kusama) or prefix; default substrate (42)\n"
    "    --words N           12 (default), 15, 18, 21 or 24\n"
    "    --json              print {secretPhrase, networkId, secretSeed, publicKey, accountId,\n"
    "                        publicKeySs58, ss58Address, scheme}\n\n"
    "EXIT STATUS\n"
    "    0 ok, 1 usage\n";

static const char HELP_INSPECT[] =
    "NAME\n"
    "    wetee key inspect - print the account of a secret URI\n\n"
    "SYNOPSIS\n"
    "    wetee key inspect [--scheme SCHEME] [--network NETWORK] [--json]\n"
    "                      [--secret-file FILE | --secret-env NAME | --insecure-argv SURI]\n\n"
    "DESCRIPTION\n"
    "    Reads a secret URI (PHRASE or 0xSEED, then //hard and /soft junctions, then ///password)\n"
    "    and prints the fields subkey prints: secret phrase (or the URI), network, secret seed,\n"
    "    public key, account id, public key in SS58, SS58 address. The secret seed is shown when\n"
    "    it is defined and reachable through the public API: a phrase or seed without junctions,\n"
    "    and ed25519/ecdsa hard derivations; otherwise it reads n/a.\n"
    "    With no secret option the URI is asked for on the terminal without echo.\n\n"
    "OPTIONS\n"
    "    --scheme SCHEME     sr25519 (default), ed25519 or ecdsa\n"
    "    --network NETWORK   SS58 registry name or prefix; default substrate (42)\n"
    "    --secret-file FILE  read the URI from FILE (a final line break is ignored)\n"
    "    --secret-env NAME   read the URI from the environment variable NAME\n"
    "    --insecure-argv     allow the URI as the last argument (visible to other users)\n"
    "    --json              print {secretPhrase, networkId, secretSeed, publicKey, accountId,\n"
    "                        publicKeySs58, ss58Address, scheme}\n\n"
    "EXIT STATUS\n"
    "    0 ok, 1 usage, 2 malformed secret URI, 4 secret file unreadable\n";

static const char HELP_SIGN[] =
    "NAME\n"
    "    wetee key sign - sign a message\n\n"
    "SYNOPSIS\n"
    "    wetee key sign (--message TEXT | --message-file FILE) [--hex] [--scheme SCHEME] [--json]\n"
    "                   [--secret-file FILE | --secret-env NAME | --insecure-argv SURI]\n\n"
    "DESCRIPTION\n"
    "    Signs the message bytes with the key of the secret URI and prints the signature in hex\n"
    "    (64 bytes for sr25519 and ed25519, 65 for ecdsa). sr25519 signatures are randomised.\n"
    "    ecdsa signs the BLAKE2b-256 hash of the message as sp-core does.\n\n"
    "OPTIONS\n"
    "    --message TEXT       the message\n"
    "    --message-file FILE  read the message from FILE (bytes as they are)\n"
    "    --hex                the message is hex (0x optional)\n"
    "    --scheme SCHEME      sr25519 (default), ed25519 or ecdsa\n"
    "    --secret-file, --secret-env, --insecure-argv   as for `key inspect`\n"
    "    --json               print {signature, publicKey, scheme}\n\n"
    "EXIT STATUS\n"
    "    0 ok, 1 usage, 2 malformed secret URI or hex, 4 file unreadable\n";

static const char HELP_VERIFY[] =
    "NAME\n"
    "    wetee key verify - check a signature\n\n"
    "SYNOPSIS\n"
    "    wetee key verify --public KEY --signature HEX (--message TEXT | --message-file FILE)\n"
    "                     [--hex] [--scheme SCHEME] [--json]\n\n"
    "DESCRIPTION\n"
    "    KEY is the public key in hex or an SS58 address of it (for ecdsa, the 33-byte\n"
    "    compressed key). Prints `valid` or `invalid`.\n\n"
    "OPTIONS\n"
    "    --public KEY        public key (hex or SS58)\n"
    "    --signature HEX     the signature\n"
    "    --message TEXT, --message-file FILE, --hex, --scheme   as for `key sign`\n"
    "    --json              print {valid, scheme}\n\n"
    "EXIT STATUS\n"
    "    0 valid, 1 usage, 2 invalid signature or malformed key/signature, 4 file unreadable\n";

static const char HELP_KEY[] =
    "NAME\n"
    "    wetee key - keys and signatures (sr25519, ed25519, ecdsa)\n\n"
    "SYNOPSIS\n"
    "    wetee key (generate | inspect | sign | verify) [OPTIONS]\n\n"
    "    `wetee key SUBCOMMAND --help` describes each one.\n";

/* ---- key subcommands ---- */

/* Prints the subkey fields of a keypair. `phrase` is printed as the secret
 * phrase when the URI is a bare mnemonic, `uri` otherwise. */
static int print_account(const wetee_keypair *kp, const key_opts *o, const char *phrase, const char *uri,
                         const uint8_t *seed)
{
    uint8_t pub[WETEE_PUBLIC_MAX_BYTES], acc[32];
    size_t pub_len = 0, acc_len = 0;
    wetee_buf pub_ss58 = {0}, addr = {0};
    int rc = wetee_keypair_public(kp, pub, &pub_len);
    if (rc == WETEE_OK) rc = wetee_keypair_account_id(kp, acc, &acc_len);
    if (rc == WETEE_OK) rc = wetee_ss58_encode(&pub_ss58, pub, pub_len, o->prefix);
    if (rc == WETEE_OK) rc = wetee_keypair_address(&addr, kp, o->prefix);
    if (rc != WETEE_OK) {
        wetee_buf_free(&pub_ss58);
        wetee_buf_free(&addr);
        return lib_fail(EXIT_CHECK, "key", rc);
    }
    char *pub_hex = hex0x(pub, pub_len), *acc_hex = hex0x(acc, acc_len), *seed_hex = seed ? hex0x(seed, 32) : NULL;
    char netbuf[16];
    const char *net = o->network;
    if (!net) { snprintf(netbuf, sizeof netbuf, "%u", (unsigned)o->prefix); net = netbuf; }
    const char *seed_text = seed_hex ? seed_hex : "n/a";
    if (g_json) {
        printf("{\"secretPhrase\":");
        json_str(stdout, phrase ? phrase : uri);
        printf(",\"networkId\":");
        json_str(stdout, net);
        printf(",\"secretSeed\":");
        json_str(stdout, seed_text);
        printf(",\"publicKey\":\"%s\",\"accountId\":\"%s\",\"publicKeySs58\":\"%s\",\"ss58Address\":\"%s\",\"scheme\":\"%s\"}\n",
               pub_hex, acc_hex, (const char *)pub_ss58.data, (const char *)addr.data, scheme_name(o->scheme));
    } else {
        if (phrase) printf("Secret phrase:       %s\n", phrase);
        else printf("Secret Key URI `%s` is account:\n", uri);
        printf("  Network ID:        %s\n", net);
        printf("  Secret seed:       %s\n", seed_text);
        printf("  Public key (hex):  %s\n", pub_hex);
        printf("  Account ID:        %s\n", acc_hex);
        printf("  Public key (SS58): %s\n", (const char *)pub_ss58.data);
        printf("  SS58 Address:      %s\n", (const char *)addr.data);
    }
    if (seed_hex) wipe(seed_hex, strlen(seed_hex));
    free(pub_hex);
    free(acc_hex);
    free(seed_hex);
    wetee_buf_free(&pub_ss58);
    wetee_buf_free(&addr);
    return EXIT_OK;
}

/* The secret seed subkey prints, where the public API reaches it. */
static int secret_seed(uint8_t seed[32], const wetee_keypair *kp, wetee_scheme scheme, const char *uri)
{
    if (scheme != WETEE_SCHEME_SR25519) {
        wetee_buf sec = {0};
        if (wetee_keypair_secret(kp, &sec) != WETEE_OK || sec.len < 32) { wetee_buf_free_secure(&sec); return 0; }
        memcpy(seed, sec.data, 32); /* ed25519: seed ‖ public; ecdsa: the 32-byte secret */
        wetee_buf_free_secure(&sec);
        return 1;
    }
    wetee_suri *s = NULL;
    int ok = 0;
    if (wetee_suri_parse(&s, uri, strlen(uri)) != WETEE_OK) return 0;
    if (wetee_suri_junction_count(s) == 0) {
        const char *ph = wetee_suri_phrase(s), *pw = wetee_suri_password(s);
        if (ph[0] == '0' && ph[1] == 'x') ok = wetee_hex_decode_exact(seed, 32, ph, strlen(ph)) == WETEE_OK;
        else ok = wetee_mnemonic_to_mini_secret(seed, ph, strlen(ph), pw ? pw : "", pw ? strlen(pw) : 0) == WETEE_OK;
    }
    wetee_suri_free(s);
    return ok;
}

static int show_uri(const char *uri, const key_opts *o)
{
    wetee_keypair *kp = NULL;
    int rc = wetee_keypair_from_suri(&kp, o->scheme, uri, strlen(uri));
    if (rc != WETEE_OK) return lib_fail(EXIT_CHECK, "secret URI", rc);
    uint8_t seed[32];
    int have_seed = secret_seed(seed, kp, o->scheme, uri);
    /* a bare phrase is printed as "Secret phrase", anything else as the URI */
    int bare = wetee_mnemonic_validate(uri, strlen(uri)) == WETEE_OK;
    wetee_clear_error();
    int ret = print_account(kp, o, bare ? uri : NULL, uri, have_seed ? seed : NULL);
    wipe(seed, sizeof seed);
    wetee_keypair_free(kp);
    return ret;
}

static int read_message(wetee_buf *out, const key_opts *o)
{
    if ((o->message != NULL) == (o->message_file != NULL))
        return fail(EXIT_USAGE, "give exactly one of --message and --message-file");
    wetee_buf raw = {0};
    if (o->message) {
        if (wetee_buf_append(&raw, (const uint8_t *)o->message, strlen(o->message)) != WETEE_OK)
            return fail(EXIT_IO, "out of memory");
    } else {
        FILE *f = fopen(o->message_file, "rb");
        if (!f) return fail(EXIT_IO, "--message-file %s: %s", o->message_file, strerror(errno));
        uint8_t chunk[4096];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
            if (wetee_buf_append(&raw, chunk, got) != WETEE_OK) { fclose(f); wetee_buf_free(&raw);
                return fail(EXIT_IO, "--message-file %s: out of memory", o->message_file); }
        int err = ferror(f);
        fclose(f);
        if (err) { wetee_buf_free(&raw); return fail(EXIT_IO, "--message-file %s: read error", o->message_file); }
    }
    if (!o->message_hex) { *out = raw; return EXIT_OK; }
    const char *t = (const char *)raw.data;
    size_t n = raw.len;
    while (n && (t[n - 1] == '\n' || t[n - 1] == '\r')) n--;
    int rc = wetee_hex_decode(out, t ? t : "", n);
    wetee_buf_free(&raw);
    if (rc != WETEE_OK) return lib_fail(EXIT_CHECK, "message hex", rc);
    return EXIT_OK;
}

static int cmd_generate(const key_opts *o)
{
    wetee_buf phrase = {0};
    int rc = wetee_mnemonic_generate(&phrase, o->words);
    if (rc != WETEE_OK) return lib_fail(EXIT_USAGE, "--words", rc);
    int ret = show_uri((const char *)phrase.data, o);
    wetee_buf_free_secure(&phrase);
    return ret;
}

static int cmd_inspect(const key_opts *o)
{
    wetee_buf uri = {0};
    int ret = read_secret(&uri, &o->secret, "Secret URI: ");
    if (ret == EXIT_OK) ret = show_uri((const char *)uri.data, o);
    wetee_buf_free_secure(&uri);
    return ret;
}

static int cmd_sign(const key_opts *o)
{
    wetee_buf msg = {0}, uri = {0};
    wetee_keypair *kp = NULL;
    int ret = read_message(&msg, o);
    if (ret == EXIT_OK) ret = read_secret(&uri, &o->secret, "Secret URI: ");
    if (ret == EXIT_OK) {
        int rc = wetee_keypair_from_suri(&kp, o->scheme, (const char *)uri.data, uri.len);
        if (rc != WETEE_OK) ret = lib_fail(EXIT_CHECK, "secret URI", rc);
    }
    wetee_buf_free_secure(&uri);
    if (ret == EXIT_OK) {
        uint8_t sig[WETEE_SIGNATURE_MAX_BYTES], pub[WETEE_PUBLIC_MAX_BYTES];
        size_t sig_len = 0, pub_len = 0;
        int rc = wetee_keypair_sign(kp, sig, &sig_len, msg.data, msg.len);
        if (rc == WETEE_OK) rc = wetee_keypair_public(kp, pub, &pub_len);
        if (rc != WETEE_OK) ret = lib_fail(EXIT_CHECK, "sign", rc);
        else {
            char *s = hex0x(sig, sig_len), *p = hex0x(pub, pub_len);
            if (g_json) printf("{\"signature\":\"%s\",\"publicKey\":\"%s\",\"scheme\":\"%s\"}\n", s, p, scheme_name(o->scheme));
            else printf("%s\n", s);
            free(s);
            free(p);
        }
    }
    wetee_keypair_free(kp);
    wetee_buf_free(&msg);
    return ret;
}

static int cmd_verify(const key_opts *o)
{
    if (!o->public_key || !o->signature) return fail(EXIT_USAGE, "key verify needs --public and --signature");
    wetee_buf msg = {0}, pub = {0}, sig = {0};
    int ret = read_message(&msg, o);
    if (ret == EXIT_OK) {
        const char *k = o->public_key;
        int rc;
        if (k[0] == '0' && k[1] == 'x') rc = wetee_hex_decode(&pub, k, strlen(k));
        else { uint16_t pfx; rc = wetee_ss58_decode(&pub, &pfx, k, strlen(k)); }
        if (rc != WETEE_OK) ret = lib_fail(EXIT_CHECK, "--public", rc);
    }
    if (ret == EXIT_OK) {
        int rc = wetee_hex_decode(&sig, o->signature, strlen(o->signature));
        if (rc != WETEE_OK) ret = lib_fail(EXIT_CHECK, "--signature", rc);
    }
    if (ret == EXIT_OK) {
        int rc = wetee_verify(o->scheme, sig.data, sig.len, msg.data, msg.len, pub.data, pub.len);
        int valid = rc == WETEE_OK;
        if (g_json) printf("{\"valid\":%s,\"scheme\":\"%s\"}\n", valid ? "true" : "false", scheme_name(o->scheme));
        else printf("%s\n", valid ? "valid" : "invalid");
        if (!valid) {
            if (rc != WETEE_ERR_VERIFY) lib_fail(EXIT_CHECK, "verify", rc);
            ret = EXIT_CHECK;
        }
    }
    wetee_buf_free(&msg);
    wetee_buf_free(&pub);
    wetee_buf_free(&sig);
    return ret;
}

static int cmd_key(int argc, char **argv)
{
    if (argc < 1 || !strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")) {
        fputs(HELP_KEY, argc < 1 ? stderr : stdout);
        return argc < 1 ? EXIT_USAGE : EXIT_OK;
    }
    static const struct { const char *name; int (*fn)(const key_opts *); const char *help; } subs[] = {
        { "generate", cmd_generate, HELP_GENERATE }, { "inspect", cmd_inspect, HELP_INSPECT },
        { "sign", cmd_sign, HELP_SIGN },             { "verify", cmd_verify, HELP_VERIFY },
    };
    size_t which = sizeof subs / sizeof subs[0];
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        if (!strcmp(argv[0], subs[i].name)) which = i;
    if (which == sizeof subs / sizeof subs[0])
        return fail(EXIT_USAGE, "key %s: unknown subcommand (generate, inspect, sign, verify)", argv[0]);
    key_opts o = { WETEE_SCHEME_SR25519, 42, "substrate", { NULL, NULL, NULL, 0 }, NULL, NULL, NULL, NULL, 0, 12 };
    int is_secret_cmd = subs[which].fn == cmd_inspect || subs[which].fn == cmd_sign;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define NEEDV()                                                                            \
    do {                                                                                   \
        if (!v) return fail(EXIT_USAGE, "key %s: %s needs a value", argv[0], a);            \
        i++;                                                                               \
    } while (0)
        int rc = EXIT_OK;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { fputs(subs[which].help, stdout); return EXIT_OK; }
        else if (!strcmp(a, "--json")) g_json = 1;
        else if (!strcmp(a, "--scheme")) { NEEDV(); rc = parse_scheme(&o.scheme, v); }
        else if (!strcmp(a, "--network")) { NEEDV(); rc = parse_network(&o, v); }
        else if (!strcmp(a, "--words") && subs[which].fn == cmd_generate) { NEEDV(); o.words = (unsigned)strtoul(v, NULL, 10); }
        else if (!strcmp(a, "--secret-file") && is_secret_cmd) { NEEDV(); o.secret.file = v; }
        else if (!strcmp(a, "--secret-env") && is_secret_cmd) { NEEDV(); o.secret.env = v; }
        else if (!strcmp(a, "--insecure-argv") && is_secret_cmd) o.secret.insecure_argv = 1;
        else if (!strcmp(a, "--message")) { NEEDV(); o.message = v; }
        else if (!strcmp(a, "--message-file")) { NEEDV(); o.message_file = v; }
        else if (!strcmp(a, "--hex")) o.message_hex = 1;
        else if (!strcmp(a, "--signature") && subs[which].fn == cmd_verify) { NEEDV(); o.signature = v; }
        else if (!strcmp(a, "--public") && subs[which].fn == cmd_verify) { NEEDV(); o.public_key = v; }
        else if (a[0] == '-' && a[1]) return fail(EXIT_USAGE, "key %s: unknown option %s (see --help)", argv[0], a);
        else if (is_secret_cmd && !o.secret.argv) o.secret.argv = a;
        else return fail(EXIT_USAGE, "key %s: unexpected argument at position %d", argv[0], i + 1);
        if (rc) return rc;
#undef NEEDV
    }
    return subs[which].fn(&o);
}

int main(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--json")) g_json = 1;
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { fputs(HELP_MAIN, stdout); return EXIT_OK; }
        else if (!strcmp(argv[i], "--version")) { printf("wetee %s\n", wetee_version_string()); return EXIT_OK; }
        else return fail(EXIT_USAGE, "unknown option %s (see wetee --help)", argv[i]);
    }
    if (i >= argc) { fputs(HELP_MAIN, stderr); return EXIT_USAGE; }
    static const struct { const char *name; int (*fn)(int, char **); } cmds[] = { { "key", cmd_key } };
    for (size_t c = 0; c < sizeof cmds / sizeof cmds[0]; c++)
        if (!strcmp(argv[i], cmds[c].name)) return cmds[c].fn(argc - i - 1, argv + i + 1);
    return fail(EXIT_USAGE, "%s: unknown command (see wetee --help)", argv[i]);
}
