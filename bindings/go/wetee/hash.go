package wetee

import (
	"math"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Blake2b128 is BLAKE2b-128 (Substrate's Blake2_128).
func Blake2b128(data []byte) (out [16]byte) {
	must(cwetee.Hash_blake2b_128(out[:], data))
	return
}

// Blake2b256 is BLAKE2b-256 (Substrate's blake2_256).
func Blake2b256(data []byte) (out [32]byte) {
	must(cwetee.Hash_blake2b_256(out[:], data))
	return
}

// Blake2b512 is BLAKE2b-512.
func Blake2b512(data []byte) (out [64]byte) {
	must(cwetee.Hash_blake2b_512(out[:], data))
	return
}

// Blake2s256 is unkeyed BLAKE2s-256.
func Blake2s256(data []byte) (out [32]byte) {
	must(cwetee.Hash_blake2s_256(out[:], data))
	return
}

// Blake2b is BLAKE2b with a digest of size 1..64 bytes and a key of 0..64
// bytes (nil for none); other sizes give ErrInvalidArgument.
func Blake2b(data []byte, size int, key []byte) ([]byte, error) {
	if size < 1 || size > 64 {
		return nil, newError(ErrInvalidArgument, "blake2b: digest size must be 1..64")
	}
	out := make([]byte, size)
	if err := check(cwetee.Hash_blake2b(out, key, data)); err != nil {
		return nil, err
	}
	return out, nil
}

// Twox64 is xxHash64 with seed 0, little-endian (Substrate's Twox64).
func Twox64(data []byte) (out [8]byte) {
	must(cwetee.Hash_twox64(out[:], data))
	return
}

// Twox128 is xxHash64 with seeds 0 and 1 (Substrate's Twox128, used for
// storage prefixes: Twox128("System")).
func Twox128(data []byte) (out [16]byte) {
	must(cwetee.Hash_twox128(out[:], data))
	return
}

// Twox256 is xxHash64 with seeds 0..3.
func Twox256(data []byte) (out [32]byte) {
	must(cwetee.Hash_twox256(out[:], data))
	return
}

// Keccak256 is Keccak-256 with the original padding, as Ethereum uses.
func Keccak256(data []byte) (out [32]byte) {
	must(cwetee.Hash_keccak256(out[:], data))
	return
}

// SHA256 is SHA-256.
func SHA256(data []byte) (out [32]byte) {
	must(cwetee.Hash_sha256(out[:], data))
	return
}

// SHA512 is SHA-512.
func SHA512(data []byte) (out [64]byte) {
	must(cwetee.Hash_sha512(out[:], data))
	return
}

// HMACSHA256 is HMAC-SHA-256 of data under key.
func HMACSHA256(key, data []byte) (out [32]byte) {
	must(cwetee.Hmac_sha256(out[:], key, data))
	return
}

// HMACSHA512 is HMAC-SHA-512 of data under key.
func HMACSHA512(key, data []byte) (out [64]byte) {
	must(cwetee.Hmac_sha512(out[:], key, data))
	return
}

func pbkdf2Args(iterations, keyLen int) error {
	if iterations < 1 || iterations > math.MaxInt32 {
		return newError(ErrInvalidArgument, "pbkdf2: iterations must be 1..2^31-1")
	}
	if keyLen < 1 || keyLen > 1<<20 {
		return newError(ErrInvalidArgument, "pbkdf2: key length must be 1..2^20")
	}
	return nil
}

// PBKDF2SHA256 derives keyLen (1..2^20) bytes with PBKDF2-HMAC-SHA-256 and
// 1..2^31-1 iterations.
func PBKDF2SHA256(password, salt []byte, iterations, keyLen int) ([]byte, error) {
	if err := pbkdf2Args(iterations, keyLen); err != nil {
		return nil, err
	}
	out := make([]byte, keyLen)
	if err := check(cwetee.Pbkdf2_sha256(out, password, salt, uint(iterations))); err != nil {
		return nil, err
	}
	return out, nil
}

// PBKDF2SHA512 derives keyLen (1..2^20) bytes with PBKDF2-HMAC-SHA-512 and
// 1..2^31-1 iterations.
func PBKDF2SHA512(password, salt []byte, iterations, keyLen int) ([]byte, error) {
	if err := pbkdf2Args(iterations, keyLen); err != nil {
		return nil, err
	}
	out := make([]byte, keyLen)
	if err := check(cwetee.Pbkdf2_sha512(out, password, salt, uint(iterations))); err != nil {
		return nil, err
	}
	return out, nil
}

func blake3Size(size int) error {
	if size < 1 {
		return newError(ErrInvalidArgument, "blake3: output size must be at least 1")
	}
	return nil
}

// Blake3 is BLAKE3 with size (>= 1) bytes of output; the first 32 are the
// standard digest.
func Blake3(data []byte, size int) ([]byte, error) {
	if err := blake3Size(size); err != nil {
		return nil, err
	}
	out := make([]byte, size)
	if err := check(cwetee.Hash_blake3(out, data)); err != nil {
		return nil, err
	}
	return out, nil
}

// Blake3Keyed is keyed BLAKE3 with a 32-byte key and size (>= 1) bytes of
// output.
func Blake3Keyed(key [32]byte, data []byte, size int) ([]byte, error) {
	if err := blake3Size(size); err != nil {
		return nil, err
	}
	out := make([]byte, size)
	if err := check(cwetee.Hash_blake3_keyed(out, key[:], data)); err != nil {
		return nil, err
	}
	return out, nil
}

// Blake3DeriveKey is BLAKE3's key derivation from a context string and key
// material, with size (>= 1) bytes of output.
func Blake3DeriveKey(context string, material []byte, size int) ([]byte, error) {
	if err := blake3Size(size); err != nil {
		return nil, err
	}
	out := make([]byte, size)
	if err := check(cwetee.Hash_blake3_derive_key(out, context, material)); err != nil {
		return nil, err
	}
	return out, nil
}

// CRC16XMODEM is CRC-16/XMODEM, as TON uses.
func CRC16XMODEM(data []byte) uint16 {
	var out uint16
	must(cwetee.Crc16_xmodem(&out, data))
	return out
}

// CRC32C is CRC-32C (Castagnoli).
func CRC32C(data []byte) uint32 {
	var out uint32
	must(cwetee.Crc32c(&out, data))
	return out
}
