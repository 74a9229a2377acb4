package wetee

import (
	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// BIP-39 English mnemonics. Phrases, entropy and seeds are secrets: the C
// copies are wiped, the Go copies returned here are the caller's to handle
// (Go strings cannot be wiped).

// MnemonicGenerate returns a random phrase of 12, 15, 18, 21 or 24 words
// (other counts give ErrInvalidArgument).
func MnemonicGenerate(words int) (string, error) {
	if words < 0 || words > 1<<16 {
		return "", newError(ErrInvalidArgument, "mnemonic: word count must be 12, 15, 18, 21 or 24")
	}
	var s string
	if err := check(cwetee.Mnemonic_generate(&s, uint(words))); err != nil {
		return "", err
	}
	return s, nil
}

// MnemonicValidate checks a phrase: ErrDecode for an unknown word (with its
// position) or a bad word count, ErrChecksum for a bad checksum.
func MnemonicValidate(phrase string) error {
	return check(cwetee.Mnemonic_validate(phrase))
}

// MnemonicToEntropy returns the entropy (16..32 bytes) of a phrase.
func MnemonicToEntropy(phrase string) ([]byte, error) {
	var out []byte
	if err := check(cwetee.Mnemonic_to_entropy(&out, phrase)); err != nil {
		return nil, err
	}
	return out, nil
}

// MnemonicFromEntropy returns the phrase of 16, 20, 24, 28 or 32 bytes of
// entropy.
func MnemonicFromEntropy(entropy []byte) (string, error) {
	var s string
	if err := check(cwetee.Mnemonic_from_entropy(&s, entropy)); err != nil {
		return "", err
	}
	return s, nil
}

// MnemonicToMiniSecret returns the substrate-bip39 mini secret of a phrase
// and password: the seed of its Sr25519, Ed25519 and Ecdsa keys.
func MnemonicToMiniSecret(phrase, password string) (seed [32]byte, err error) {
	err = check(cwetee.Mnemonic_to_mini_secret(seed[:], phrase, password))
	return
}

// MnemonicToBIP39Seed returns the standard 64-byte BIP-39 seed of a phrase
// and passphrase (the input of BIP32Derive).
func MnemonicToBIP39Seed(phrase, passphrase string) (seed [64]byte, err error) {
	err = check(cwetee.Mnemonic_to_bip39_seed(seed[:], phrase, passphrase))
	return
}
