package wetee

import (
	"strconv"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Scheme is a signature scheme (wetee_scheme).
type Scheme int

// The signature schemes of wetee/keys.h.
const (
	Sr25519  Scheme = 0 // schnorrkel sr25519; AccountId32 = public key
	Ed25519  Scheme = 1 // RFC 8032 Ed25519; AccountId32 = public key
	Ecdsa    Scheme = 2 // secp256k1; AccountId32 = blake2b-256(33-byte public key)
	Ethereum Scheme = 3 // secp256k1 with BIP-32; AccountId20 = Ethereum address
)

var schemeNames = [...]string{"sr25519", "ed25519", "ecdsa", "ethereum"}

// String returns the scheme's name: "sr25519", "ed25519", "ecdsa" or
// "ethereum".
func (s Scheme) String() string {
	if s >= 0 && int(s) < len(schemeNames) {
		return schemeNames[s]
	}
	return "Scheme(" + strconv.Itoa(int(s)) + ")"
}

// ParseScheme returns the scheme named "sr25519", "ed25519", "ecdsa" or
// "ethereum"; other names give ErrInvalidArgument.
func ParseScheme(name string) (Scheme, error) {
	for i, n := range schemeNames {
		if n == name {
			return Scheme(i), nil
		}
	}
	return 0, newError(ErrInvalidArgument, "unknown scheme \""+name+"\" (sr25519, ed25519, ecdsa or ethereum)")
}

func (s Scheme) c() cwetee.Enum_SS_wetee_scheme { return cwetee.Enum_SS_wetee_scheme(s) }

// Sizes of keys and signatures, in bytes.
const (
	PublicMaxBytes    = 33 // the largest public key (ecdsa and ethereum, compressed)
	SignatureMaxBytes = 65 // the largest signature (ecdsa and ethereum, recoverable)
	ChainCodeBytes    = 32 // a derivation junction's chain code
)

// DevPhrase is the Substrate development phrase, used by SURIs without a
// phrase ("//Alice").
const DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk"

// verified turns the status of a verification into a bool.
func verified(status string) bool { return check(status) == nil }

// ---- sr25519: secrets are 64 bytes in the "ed25519 form" (8·key ‖ nonce),
// as polkadot.js and keystores hold them.

// Sr25519KeypairFromSeed expands a 32-byte mini secret (Ed25519 expansion
// mode, as Substrate) into an ed25519-form secret and its public key.
func Sr25519KeypairFromSeed(seed [32]byte) (secret [64]byte, public [32]byte) {
	must(cwetee.Sr25519_keypair_from_seed(secret[:], public[:], seed[:]))
	return
}

// Sr25519SecretToCanonical converts an ed25519-form secret to the canonical
// form (key reduced mod ℓ ‖ nonce).
func Sr25519SecretToCanonical(secret [64]byte) (canonical [64]byte) {
	must(cwetee.Sr25519_secret_to_canonical(canonical[:], secret[:]))
	return
}

// Sr25519SecretFromCanonical converts a canonical secret to the ed25519
// form; ErrCrypto when the key is not a canonical scalar.
func Sr25519SecretFromCanonical(canonical [64]byte) (secret [64]byte, err error) {
	err = check(cwetee.Sr25519_secret_from_canonical(secret[:], canonical[:]))
	return
}

// Sr25519PublicFromSecret returns the public key of an ed25519-form secret
// (ErrCrypto for a zero key).
func Sr25519PublicFromSecret(secret [64]byte) (public [32]byte, err error) {
	err = check(cwetee.Sr25519_public_from_secret(public[:], secret[:]))
	return
}

// Sr25519Sign signs msg with the "substrate" context and fresh randomness.
func Sr25519Sign(secret [64]byte, public [32]byte, msg []byte) (sig [64]byte, err error) {
	err = check(cwetee.Sr25519_sign(sig[:], secret[:], public[:], msg))
	return
}

// Sr25519Verify reports whether sig is a valid "substrate"-context
// signature of msg by public, with schnorrkel's (the chain's) rules, which
// accept the all-zero (identity) public key.
func Sr25519Verify(sig [64]byte, msg []byte, public [32]byte) bool {
	return verified(cwetee.Sr25519_verify(sig[:], msg, public[:]))
}

// Sr25519VerifyStrict is Sr25519Verify that also rejects the identity
// public key.
func Sr25519VerifyStrict(sig [64]byte, msg []byte, public [32]byte) bool {
	return verified(cwetee.Sr25519_verify_strict(sig[:], msg, public[:]))
}

// Sr25519DeriveHard derives along a hard junction ("//junction").
func Sr25519DeriveHard(secret [64]byte, chainCode [32]byte) (child [64]byte, public [32]byte, err error) {
	err = check(cwetee.Sr25519_derive_hard(child[:], public[:], secret[:], chainCode[:]))
	return
}

// Sr25519DeriveSoft derives a keypair along a soft junction ("/junction");
// the new nonce is random, as in sp-core.
func Sr25519DeriveSoft(secret [64]byte, public [32]byte, chainCode [32]byte) (child [64]byte, childPublic [32]byte, err error) {
	err = check(cwetee.Sr25519_derive_soft(child[:], childPublic[:], secret[:], public[:], chainCode[:]))
	return
}

// Sr25519DerivePublic derives a public key alone along a soft junction.
func Sr25519DerivePublic(public [32]byte, chainCode [32]byte) (child [32]byte, err error) {
	err = check(cwetee.Sr25519_derive_public(child[:], public[:], chainCode[:]))
	return
}

// ---- ed25519: secrets are 64 bytes seed ‖ public.

// Ed25519KeypairFromSeed returns the secret (seed ‖ public) and public key
// of a 32-byte RFC 8032 seed.
func Ed25519KeypairFromSeed(seed [32]byte) (secret [64]byte, public [32]byte) {
	must(cwetee.Ed25519_keypair_from_seed(secret[:], public[:], seed[:]))
	return
}

// Ed25519Sign returns the deterministic RFC 8032 signature of msg.
func Ed25519Sign(secret [64]byte, msg []byte) (sig [64]byte) {
	must(cwetee.Ed25519_sign(sig[:], secret[:], msg))
	return
}

// Ed25519Verify reports whether sig is a valid signature of msg by public
// under the ZIP-215 rules, as ed25519-zebra and so sp-core (the chain)
// verify: small-order and non-canonical points accepted, canonical S,
// cofactored equation.
func Ed25519Verify(sig [64]byte, msg []byte, public [32]byte) bool {
	return verified(cwetee.Ed25519_verify(sig[:], msg, public[:]))
}

// Ed25519VerifyStrict reports whether sig is valid under libsodium's
// stricter rules (canonical, not small-order A and R; cofactorless).
func Ed25519VerifyStrict(sig [64]byte, msg []byte, public [32]byte) bool {
	return verified(cwetee.Ed25519_verify_strict(sig[:], msg, public[:]))
}

// Ed25519DeriveHard derives a seed along a hard junction.
func Ed25519DeriveHard(seed [32]byte, chainCode [32]byte) (child [32]byte) {
	must(cwetee.Ed25519_derive_hard(child[:], seed[:], chainCode[:]))
	return
}

// ---- ecdsa (Substrate) and Ethereum: 32-byte secp256k1 secrets, 33-byte
// compressed public keys.

// EcdsaPublicFromSecret returns the compressed public key of a secret;
// ErrCrypto for 0 or a value not below the group order.
func EcdsaPublicFromSecret(secret [32]byte) (public [33]byte, err error) {
	err = check(cwetee.Ecdsa_public_from_secret(public[:], secret[:]))
	return
}

// EcdsaSign returns the Substrate ecdsa signature r ‖ s ‖ recid of msg
// (over blake2b-256(msg); RFC 6979, low s).
func EcdsaSign(secret [32]byte, msg []byte) (sig [65]byte, err error) {
	err = check(cwetee.Ecdsa_sign(sig[:], secret[:], msg))
	return
}

// EcdsaVerify reports whether sig is a signature of msg by public.
func EcdsaVerify(sig [65]byte, msg []byte, public [33]byte) bool {
	return verified(cwetee.Ecdsa_verify(sig[:], msg, public[:]))
}

// EcdsaDeriveHard derives a secret along a hard junction.
func EcdsaDeriveHard(secret [32]byte, chainCode [32]byte) (child [32]byte, err error) {
	err = check(cwetee.Ecdsa_derive_hard(child[:], secret[:], chainCode[:]))
	return
}

// EcdsaAccountID returns the AccountId32 of an ecdsa key:
// blake2b-256(public).
func EcdsaAccountID(public [33]byte) (id [32]byte) {
	must(cwetee.Ecdsa_account_id(id[:], public[:]))
	return
}

// EthSign returns the Ethereum signature r ‖ s ‖ v (v = 0/1) of msg (over
// keccak-256(msg)).
func EthSign(secret [32]byte, msg []byte) (sig [65]byte, err error) {
	err = check(cwetee.Eth_sign(sig[:], secret[:], msg))
	return
}

// EthVerify reports whether sig is a signature of msg by address.
func EthVerify(sig [65]byte, msg []byte, address [20]byte) bool {
	return verified(cwetee.Eth_verify(sig[:], msg, address[:]))
}

// EthAddress returns the address of a 33- or 65-byte secp256k1 public key.
func EthAddress(public []byte) (address [20]byte, err error) {
	err = check(cwetee.Eth_address(address[:], public))
	return
}

// EthAddressToString returns "0x" and the EIP-55 checksummed hex of address.
func EthAddressToString(address [20]byte) string {
	var s string
	must(cwetee.Eth_address_to_string(&s, address[:]))
	return s
}

// EthAddressFromString parses "0x" and 40 hex digits; mixed case must match
// the EIP-55 checksum (ErrChecksum), all-lower or all-upper is accepted.
func EthAddressFromString(s string) (address [20]byte, err error) {
	err = check(cwetee.Eth_address_from_string(address[:], s))
	return
}

// BIP32Derive derives the secret at path (e.g. "m/44'/60'/0'/0/0"; "m" is
// the master key) from a 16..64-byte seed such as MnemonicToBIP39Seed's.
func BIP32Derive(seed []byte, path string) (secret [32]byte, err error) {
	err = check(cwetee.Bip32_derive(secret[:], seed, path))
	return
}

// Verify checks a signature of msg under scheme: nil when valid, an error
// wrapping ErrVerify when not (also for a signature of the wrong length),
// ErrInvalidArgument for a public key of the wrong length. pub is the public
// key (32 bytes, 33 for ecdsa); for Ethereum the 33- or 65-byte public key or
// the 20-byte address.
// The rules are the chain's (ed25519: ZIP 215; sr25519: the identity key
// accepted); VerifyStrict applies the strict ones.
func Verify(scheme Scheme, sig, msg, pub []byte) error {
	return check(cwetee.Verify(scheme.c(), sig, msg, pub))
}

// VerifyStrict is Verify with the strict rules of Ed25519VerifyStrict and
// Sr25519VerifyStrict.
func VerifyStrict(scheme Scheme, sig, msg, pub []byte) error {
	return check(cwetee.Verify_strict(scheme.c(), sig, msg, pub))
}
