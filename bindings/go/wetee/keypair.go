package wetee

import (
	"encoding/hex"
	"runtime"
	"strings"
	"sync"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// ---- secret URIs

// Junction is a derivation step of a SURI: its chain code and whether it
// is hard ("//") or soft ("/").
type Junction struct {
	ChainCode [32]byte
	Hard      bool
}

// SURI is a parsed secret URI "phrase//hard/soft///password". Its String
// and GoString methods show only the shape of the path, never the phrase,
// the password or the junctions.
type SURI struct {
	Phrase      string // the mnemonic or 0x seed; DevPhrase when the URI has none
	Password    string // the ///password part
	HasPassword bool   // whether there is a ///password part (possibly empty)
	Junctions   []Junction
}

// ParseSURI parses a secret URI with sp-core's grammar. Errors are
// ErrDecode with the offset of the problem (the text itself is never
// quoted: it is secret).
func ParseSURI(s string) (*SURI, error) {
	var h uintptr
	if err := check(cwetee.Suri_parse(&h, s)); err != nil {
		return nil, err
	}
	defer cwetee.Suri_free(h) // wipes the C copies of the phrase and password
	r := &SURI{
		Phrase:      cwetee.Suri_phrase(h),
		Password:    cwetee.Suri_password(h),
		HasPassword: cwetee.Suri_has_password(h) != 0,
	}
	n := cwetee.Suri_junction_count(h)
	r.Junctions = make([]Junction, n)
	for i := range r.Junctions {
		var hard int
		must(cwetee.Suri_junction(h, int64(i), r.Junctions[i].ChainCode[:], &hard))
		r.Junctions[i].Hard = hard != 0
	}
	return r, nil
}

// String returns the shape of the SURI, e.g. "SURI(<hidden>//?/?///<hidden>)".
func (s SURI) String() string {
	var b strings.Builder
	b.WriteString("SURI(<hidden>")
	for _, j := range s.Junctions {
		if j.Hard {
			b.WriteString("//?")
		} else {
			b.WriteString("/?")
		}
	}
	if s.HasPassword {
		b.WriteString("///<hidden>")
	}
	b.WriteString(")")
	return b.String()
}

// GoString is String, so that %#v hides the secrets too.
func (s SURI) GoString() string { return s.String() }

// ---- keypairs

// Keypair is a keypair of any Scheme, held in libwetee's memory. Close wipes
// and frees the secret; a Keypair that is never closed is freed by a
// finalizer when the garbage collector finds it unreachable. After Close,
// the methods return ErrState errors, except Scheme, PublicKey and
// AccountID. A Keypair may be used from several goroutines at once; Close
// waits for calls in progress.
type Keypair struct {
	mu        sync.RWMutex
	h         uintptr // the wetee_keypair, 0 once closed
	scheme    Scheme
	public    []byte
	accountID []byte
}

// newKeypair takes ownership of a handle returned by a successful call.
func newKeypair(status string, h uintptr) (*Keypair, error) {
	if err := check(status); err != nil {
		if h != 0 {
			cwetee.Keypair_free(h)
		}
		return nil, err
	}
	k := &Keypair{h: h}
	runtime.SetFinalizer(k, (*Keypair).Close)
	k.scheme = Scheme(cwetee.Keypair_scheme(h))
	pub := make([]byte, PublicMaxBytes)
	var n int
	must(cwetee.Keypair_public(h, pub, &n))
	k.public = pub[:n:n]
	id := make([]byte, 32)
	must(cwetee.Keypair_account_id(h, id, &n))
	k.accountID = id[:n:n]
	return k, nil
}

// KeypairFromSURI makes a keypair from a secret URI (mnemonic or 0x seed,
// junctions, password). Sr25519, Ed25519 and Ecdsa follow sp-core; Ethereum
// takes a BIP-32 path as polkadot.js does ("<phrase>/m/44'/60'/0'/0/0"); a
// non-empty Ethereum "///password" is refused (see KeypairFromSURIOpts).
// Whitespace around and between the words and a final newline are allowed.
// Errors: ErrDecode (syntax, with the offset; bad word or seed),
// ErrChecksum (mnemonic checksum), ErrUnsupported (soft junction on
// ed25519/ecdsa, path after an Ethereum private key, Ethereum password),
// ErrTooLong (over 4096 bytes or 256 junctions), ErrCrypto.
func KeypairFromSURI(scheme Scheme, suri string) (*Keypair, error) {
	var h uintptr
	status := cwetee.Keypair_from_suri(&h, scheme.c(), suri)
	return newKeypair(status, h)
}

// EthPassword says what a "///password" means in an Ethereum SURI
// (wetee_eth_password): polkadot.js ignores it, substrate-interface makes
// it the BIP-39 passphrase, so the same SURI names two accounts.
type EthPassword int

// The Ethereum password rules.
const (
	EthPasswordReject     EthPassword = 0 // refuse a non-empty password (ErrUnsupported); the default
	EthPasswordPassphrase EthPassword = 1 // the BIP-39 passphrase (substrate-interface)
	EthPasswordIgnore     EthPassword = 2 // ignored (polkadot.js)
)

// SURIOptions are the options of KeypairFromSURIOpts (wetee_suri_options);
// the zero value is the default.
type SURIOptions struct {
	EthPassword EthPassword // the Ethereum "///password" rule
}

// KeypairFromSURIOpts is KeypairFromSURI with options.
func KeypairFromSURIOpts(scheme Scheme, suri string, opts SURIOptions) (*Keypair, error) {
	var h uintptr
	status := cwetee.Keypair_from_suri_opts(&h, scheme.c(), suri,
		cwetee.Enum_SS_wetee_eth_password(opts.EthPassword))
	return newKeypair(status, h)
}

// KeypairFromMnemonic makes a keypair from a BIP-39 mnemonic and password:
// the substrate-bip39 mini secret for Sr25519/Ed25519/Ecdsa; for Ethereum
// the BIP-32 master key, the password being the BIP-39 passphrase (use
// KeypairFromSURI for a path).
func KeypairFromMnemonic(scheme Scheme, phrase, password string) (*Keypair, error) {
	var h uintptr
	status := cwetee.Keypair_from_mnemonic(&h, scheme.c(), phrase, password)
	return newKeypair(status, h)
}

// KeypairFromSeed makes a keypair from a 32-byte seed (Sr25519 also takes a
// 64-byte canonical secret, as sp-core does).
func KeypairFromSeed(scheme Scheme, seed []byte) (*Keypair, error) {
	var h uintptr
	status := cwetee.Keypair_from_seed(&h, scheme.c(), seed)
	return newKeypair(status, h)
}

// GenerateKeypair makes a fresh random keypair.
func GenerateKeypair(scheme Scheme) (*Keypair, error) {
	var h uintptr
	status := cwetee.Keypair_generate(&h, scheme.c())
	return newKeypair(status, h)
}

// KeypairFromKeystore imports polkadot.js keystore JSON (version 3). A
// wrong password (or a tampered file) gives ErrVerify; malformed JSON
// ErrDecode naming the field; other scrypt parameters, versions or key
// types ErrUnsupported.
func KeypairFromKeystore(json []byte, password string) (*Keypair, error) {
	var h uintptr
	status := cwetee.Keystore_import(&h, string(json), password)
	return newKeypair(status, h)
}

// use runs f with the handle, holding the read lock that Close waits for.
func (k *Keypair) use(f func(h uintptr) error) error {
	if k == nil {
		return newError(ErrInvalidArgument, "keypair: nil *Keypair")
	}
	k.mu.RLock()
	defer k.mu.RUnlock()
	if k.h == 0 {
		return newError(ErrState, "keypair: closed")
	}
	return f(k.h)
}

// Close wipes and frees the secret. It may be called more than once and
// always returns nil.
func (k *Keypair) Close() error {
	if k == nil {
		return nil
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.h != 0 {
		cwetee.Keypair_free(k.h)
		k.h = 0
		runtime.SetFinalizer(k, nil)
	}
	return nil
}

// Scheme returns the keypair's scheme.
func (k *Keypair) Scheme() Scheme { return k.scheme }

// PublicKey returns (a copy of) the public key: 32 bytes, 33 for Ecdsa and
// Ethereum.
func (k *Keypair) PublicKey() []byte { return append([]byte(nil), k.public...) }

// AccountID returns (a copy of) the account id: 32 bytes (blake2b-256 of
// the public key for Ecdsa), 20 for Ethereum.
func (k *Keypair) AccountID() []byte { return append([]byte(nil), k.accountID...) }

// Derive returns a new keypair derived along path ("//hard/soft"; "" copies
// the keypair). ErrUnsupported for soft junctions on Ed25519/Ecdsa and for
// any path on Ethereum keypairs.
func (k *Keypair) Derive(path string) (*Keypair, error) {
	var child *Keypair
	err := k.use(func(h uintptr) error {
		var c uintptr
		var err error
		child, err = newKeypair(cwetee.Keypair_derive(&c, h, path), c)
		return err
	})
	return child, err
}

// Address returns the SS58 address with prefix (SS58PrefixPolkadot,
// SS58PrefixKusama, SS58PrefixGeneric, ...), or the EIP-55 "0x…" address
// of an Ethereum keypair (prefix ignored).
func (k *Keypair) Address(prefix uint16) (string, error) {
	var s string
	err := k.use(func(h uintptr) error { return check(cwetee.Keypair_address(&s, h, prefix)) })
	return s, err
}

// Sign signs msg (raw, not pre-hashed): 64 bytes, 65 for Ecdsa and
// Ethereum. Sr25519 signatures are randomised.
func (k *Keypair) Sign(msg []byte) ([]byte, error) {
	sig := make([]byte, SignatureMaxBytes)
	var n int
	err := k.use(func(h uintptr) error { return check(cwetee.Keypair_sign(h, sig, &n, msg)) })
	if err != nil {
		return nil, err
	}
	return sig[:n:n], nil
}

// Verify checks a signature of msg against the keypair's public key, as
// the package-level Verify does.
func (k *Keypair) Verify(sig, msg []byte) error {
	return Verify(k.scheme, sig, msg, k.public)
}

// VerifyStrict is Verify with the strict rules (see VerifyStrict).
func (k *Keypair) VerifyStrict(sig, msg []byte) error {
	return VerifyStrict(k.scheme, sig, msg, k.public)
}

// Secret returns a copy of the secret: Sr25519 64 bytes (ed25519 form ‖
// nonce), Ed25519 64 bytes (seed ‖ public), Ecdsa/Ethereum 32 bytes. The
// copy in C is wiped; wiping this one is the caller's business.
func (k *Keypair) Secret() ([]byte, error) {
	var out []byte
	err := k.use(func(h uintptr) error { return check(cwetee.Keypair_secret(h, &out)) })
	return out, err
}

// ToKeystore exports the keypair as polkadot.js keystore JSON (scrypt
// N=2^17, p=1, r=8; about 0.3 s and 128 MiB). password must not be empty;
// name goes to meta.name ("" for none) and whenCreatedMs to
// meta.whenCreated.
func (k *Keypair) ToKeystore(password, name string, whenCreatedMs uint64) ([]byte, error) {
	if strings.IndexByte(name, 0) >= 0 {
		return nil, newError(ErrInvalidArgument, "keystore: name contains a NUL byte")
	}
	var s string
	err := k.use(func(h uintptr) error {
		return check(cwetee.Keystore_export(&s, h, password, name, whenCreatedMs))
	})
	if err != nil {
		return nil, err
	}
	return []byte(s), nil
}

// KeystoreOptions are the options of ToKeystoreOpts
// (wetee_keystore_options). A zero scrypt field takes its default (N=2^17,
// p=1, r=8); the set must be one polkadot.js opens: (2^15,1,8), (2^15,3,8),
// (2^16,2,8) or (2^17,1,8). ScryptN = 1 << 15 is what substrate-interface
// can open.
type KeystoreOptions struct {
	Name          string // meta.name ("" for none)
	WhenCreatedMs uint64 // meta.whenCreated
	ScryptN       uint32
	ScryptP       uint32
	ScryptR       uint32
}

// ToKeystoreOpts is ToKeystore with a chosen scrypt cost. Other scrypt sets
// give ErrInvalidArgument.
func (k *Keypair) ToKeystoreOpts(password string, opts KeystoreOptions) ([]byte, error) {
	if strings.IndexByte(opts.Name, 0) >= 0 {
		return nil, newError(ErrInvalidArgument, "keystore: name contains a NUL byte")
	}
	var s string
	err := k.use(func(h uintptr) error {
		return check(cwetee.Keystore_export_opts(&s, h, password, opts.Name, opts.WhenCreatedMs, uint(opts.ScryptN),
			uint(opts.ScryptP), uint(opts.ScryptR)))
	})
	if err != nil {
		return nil, err
	}
	return []byte(s), nil
}

// String describes the keypair by its scheme and public key; it never
// shows the secret.
func (k *Keypair) String() string {
	if k == nil {
		return "wetee.Keypair(nil)"
	}
	state := ""
	k.mu.RLock()
	if k.h == 0 {
		state = ", closed"
	}
	k.mu.RUnlock()
	return "wetee.Keypair(" + k.scheme.String() + ", 0x" + hex.EncodeToString(k.public) + state + ")"
}

// GoString is String, so that %#v shows no handle either.
func (k *Keypair) GoString() string { return k.String() }
