package gotest

import (
	"bytes"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

var samples = [][]byte{nil, {}, []byte("abc"), []byte("The quick brown fox jumps over the lazy dog"),
	bytes.Repeat([]byte{0, 1, 2, 3, 250, 251, 252, 253, 254, 255}, 100)}

func TestBlake2b(t *testing.T) {
	h := wetee.Blake2b256(nil)
	if hex.EncodeToString(h[:]) != "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8" {
		t.Fatalf("blake2b-256(''): %x", h)
	}
	// RFC 7693 appendix A: BLAKE2b-512("abc")
	h512 := wetee.Blake2b512([]byte("abc"))
	if hex.EncodeToString(h512[:]) != "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"+
		"7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923" {
		t.Fatalf("blake2b-512(abc): %x", h512)
	}
	// RFC 7693 appendix B: BLAKE2s-256("abc")
	h2s := wetee.Blake2s256([]byte("abc"))
	if hex.EncodeToString(h2s[:]) != "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982" {
		t.Fatalf("blake2s-256(abc): %x", h2s)
	}
	for _, d := range samples {
		h256, h128 := wetee.Blake2b256(d), wetee.Blake2b128(d)
		g256, err := wetee.Blake2b(d, 32, nil)
		if err != nil || !bytes.Equal(g256, h256[:]) {
			t.Fatalf("Blake2b(32) != Blake2b256: %x %x %v", g256, h256, err)
		}
		g128, err := wetee.Blake2b(d, 16, nil)
		if err != nil || !bytes.Equal(g128, h128[:]) {
			t.Fatalf("Blake2b(16) != Blake2b128")
		}
	}
	// keyed: RFC 7693 style self-consistency against different keys
	k1, _ := wetee.Blake2b([]byte("abc"), 32, []byte("key"))
	k2, _ := wetee.Blake2b([]byte("abc"), 32, nil)
	if bytes.Equal(k1, k2) {
		t.Fatalf("key ignored")
	}
	for _, size := range []int{0, 65, -1} {
		_, err := wetee.Blake2b([]byte("abc"), size, nil)
		wantError(t, err, wetee.ErrInvalidArgument)
	}
	_, err := wetee.Blake2b([]byte("abc"), 32, make([]byte, 65))
	wantError(t, err, wetee.ErrInvalidArgument)
}

func TestTwox(t *testing.T) {
	for name, want := range map[string]string{
		"System": "26aa394eea5630e07c48ae0c9558cef7", "Account": "b99d880ec681799c0cf30e8886371da9",
		"Number": "02a5c1b19ab7a04f536c519aca4983ac", "Timestamp": "f0c365c3cf59d671eb72da0e7a4113c4",
		"Now": "9f1f0515f462cdcf84e0f1d6045dfcbb",
	} {
		h := wetee.Twox128([]byte(name))
		if hex.EncodeToString(h[:]) != want {
			t.Errorf("twox128(%s): %x", name, h)
		}
	}
	h64 := wetee.Twox64(nil)
	if hex.EncodeToString(h64[:]) != "99e9d85137db46ef" {
		t.Errorf("twox64(''): %x", h64)
	}
	for _, d := range samples {
		a, b, c := wetee.Twox64(d), wetee.Twox128(d), wetee.Twox256(d)
		if !bytes.Equal(a[:], b[:8]) || !bytes.Equal(b[:], c[:16]) {
			t.Errorf("twox prefixes differ for %x", d)
		}
	}
}

func TestKeccak256(t *testing.T) {
	for in, want := range map[string]string{
		"":    "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
		"abc": "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
		"The quick brown fox jumps over the lazy dog": "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15",
	} {
		h := wetee.Keccak256([]byte(in))
		if hex.EncodeToString(h[:]) != want {
			t.Errorf("keccak256(%q): %x", in, h)
		}
	}
}

func TestSHA2AndHMAC(t *testing.T) {
	for _, d := range samples {
		if wetee.SHA256(d) != sha256.Sum256(d) {
			t.Errorf("sha256(%x)", d)
		}
		if wetee.SHA512(d) != sha512.Sum512(d) {
			t.Errorf("sha512(%x)", d)
		}
		for _, key := range [][]byte{nil, []byte("key"), make([]byte, 200)} {
			m := hmac.New(sha256.New, key)
			m.Write(d)
			got := wetee.HMACSHA256(key, d)
			if !bytes.Equal(got[:], m.Sum(nil)) {
				t.Errorf("hmac-sha256")
			}
			m = hmac.New(sha512.New, key)
			m.Write(d)
			got512 := wetee.HMACSHA512(key, d)
			if !bytes.Equal(got512[:], m.Sum(nil)) {
				t.Errorf("hmac-sha512")
			}
		}
	}
}

func TestPBKDF2(t *testing.T) {
	for _, iter := range []int{1, 2, 1000} {
		for _, n := range []int{1, 32, 64, 100} {
			got, err := wetee.PBKDF2SHA256([]byte("password"), []byte("salt"), iter, n)
			want, _ := pbkdf2.Key(sha256.New, "password", []byte("salt"), iter, n)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("sha256 iter %d len %d: %x, %v", iter, n, got, err)
			}
			got, err = wetee.PBKDF2SHA512([]byte("password"), []byte("salt"), iter, n)
			want, _ = pbkdf2.Key(sha512.New, "password", []byte("salt"), iter, n)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("sha512 iter %d len %d: %x, %v", iter, n, got, err)
			}
		}
	}
	for _, bad := range [][2]int{{0, 32}, {1, 0}, {1, 1<<20 + 1}, {-1, 32}, {1 << 40, 32}} {
		_, err := wetee.PBKDF2SHA256([]byte("pw"), []byte("salt"), bad[0], bad[1])
		wantError(t, err, wetee.ErrInvalidArgument)
	}
}

const (
	blake3Key     = "whats the Elvish word for friend"
	blake3Context = "BLAKE3 2019-12-27 16:29:52 test vectors context"
)

func TestBlake3Empty(t *testing.T) {
	h, err := wetee.Blake3(nil, 32)
	if err != nil || hex.EncodeToString(h) != "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262" {
		t.Fatalf("blake3(''): %x, %v", h, err)
	}
	var key [32]byte
	copy(key[:], blake3Key)
	h, err = wetee.Blake3Keyed(key, nil, 32)
	if err != nil || hex.EncodeToString(h) != "92b2b75604ed3c761f9d6f62392c8a9227ad0ea3f09573e783f1498a4ed60d26" {
		t.Fatalf("keyed: %x, %v", h, err)
	}
	h, err = wetee.Blake3DeriveKey(blake3Context, nil, 32)
	if err != nil || hex.EncodeToString(h) != "2cc39783c223154fea8dfb7c1b1660f2ac2dcbd1c1de8277b0b0dd39b7e50d7d" {
		t.Fatalf("derive: %x, %v", h, err)
	}
	_, err = wetee.Blake3(nil, 0)
	wantError(t, err, wetee.ErrInvalidArgument)
}

func TestBlake3OfficialVectors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(vectorsDir(t), "hash", "blake3_test_vectors.json"))
	if err != nil {
		t.Skipf("blake3 vectors: %v", err)
	}
	var doc struct {
		Key     string `json:"key"`
		Context string `json:"context_string"`
		Cases   []struct {
			InputLen  int    `json:"input_len"`
			Hash      string `json:"hash"`
			KeyedHash string `json:"keyed_hash"`
			DeriveKey string `json:"derive_key"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var key [32]byte
	copy(key[:], doc.Key)
	for _, c := range doc.Cases {
		in := make([]byte, c.InputLen)
		for i := range in {
			in[i] = byte(i % 251)
		}
		n := len(c.Hash) / 2
		if h, err := wetee.Blake3(in, n); err != nil || hex.EncodeToString(h) != c.Hash {
			t.Errorf("hash len %d", c.InputLen)
		}
		if h, err := wetee.Blake3Keyed(key, in, n); err != nil || hex.EncodeToString(h) != c.KeyedHash {
			t.Errorf("keyed len %d", c.InputLen)
		}
		if h, err := wetee.Blake3DeriveKey(doc.Context, in, n); err != nil || hex.EncodeToString(h) != c.DeriveKey {
			t.Errorf("derive len %d", c.InputLen)
		}
	}
}

func TestCRC(t *testing.T) {
	if got := wetee.CRC16XMODEM([]byte("123456789")); got != 0x31c3 {
		t.Errorf("crc16: %#x", got)
	}
	if got := wetee.CRC32C([]byte("123456789")); got != 0xe3069283 {
		t.Errorf("crc32c: %#x", got)
	}
	if wetee.CRC16XMODEM(nil) != 0 || wetee.CRC32C(nil) != 0 {
		t.Errorf("empty")
	}
}
