"""Hash functions, against hashlib/hmac where Python has them and known
answers elsewhere."""

import hashlib
import hmac
import json
import os

import pytest

import wetee

SAMPLES = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 5]


def test_blake2b_256_known():
    assert wetee.blake2b_256(b"").hex() == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"


@pytest.mark.parametrize("data", SAMPLES)
def test_blake2_against_hashlib(data):
    assert wetee.blake2b_128(data) == hashlib.blake2b(data, digest_size=16).digest()
    assert wetee.blake2b_256(data) == hashlib.blake2b(data, digest_size=32).digest()
    assert wetee.blake2b_512(data) == hashlib.blake2b(data, digest_size=64).digest()
    assert wetee.blake2s_256(data) == hashlib.blake2s(data).digest()
    for size in (1, 20, 33, 64):
        for key in (b"", b"k", bytes(range(64))):
            assert wetee.blake2b(data, size, key) == hashlib.blake2b(data, digest_size=size, key=key).digest()


def test_blake2b_default_size():
    assert wetee.blake2b(b"abc") == wetee.blake2b_256(b"abc")


@pytest.mark.parametrize("size", [0, 65, -1])
def test_blake2b_bad_size(size):
    with pytest.raises((wetee.InvalidArgumentError, OverflowError)):
        wetee.blake2b(b"abc", size)


def test_blake2b_key_too_long():
    with pytest.raises(wetee.InvalidArgumentError) as ei:
        wetee.blake2b(b"abc", 32, bytes(65))
    assert ei.value.code == wetee.ERR_INVALID_ARGUMENT
    assert wetee.BLAKE2B_KEY_MAX == 64


# Substrate storage prefixes
@pytest.mark.parametrize(
    "name,digest",
    [("System", "26aa394eea5630e07c48ae0c9558cef7"), ("Account", "b99d880ec681799c0cf30e8886371da9"),
     ("Number", "02a5c1b19ab7a04f536c519aca4983ac"), ("Timestamp", "f0c365c3cf59d671eb72da0e7a4113c4"),
     ("Now", "9f1f0515f462cdcf84e0f1d6045dfcbb")],
)
def test_twox128_known(name, digest):
    assert wetee.twox128(name.encode()).hex() == digest


def test_twox64_and_256():
    assert wetee.twox64(b"").hex() == "99e9d85137db46ef"  # xxHash64("", 0) = 0xef46db3751d8e999
    for data in SAMPLES:
        t64, t128, t256 = wetee.twox64(data), wetee.twox128(data), wetee.twox256(data)
        assert len(t64) == 8 and len(t128) == 16 and len(t256) == 32
        assert t128[:8] == t64 and t256[:16] == t128


@pytest.mark.parametrize(
    "data,digest",
    [(b"", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
     (b"abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
     (b"The quick brown fox jumps over the lazy dog",
      "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")],
)
def test_keccak256(data, digest):
    assert wetee.keccak256(data).hex() == digest


@pytest.mark.parametrize("data", SAMPLES)
def test_sha2_hmac_against_stdlib(data):
    assert wetee.sha256(data) == hashlib.sha256(data).digest()
    assert wetee.sha512(data) == hashlib.sha512(data).digest()
    for key in (b"", b"key", bytes(200)):
        assert wetee.hmac_sha256(key, data) == hmac.new(key, data, "sha256").digest()
        assert wetee.hmac_sha512(key, data) == hmac.new(key, data, "sha512").digest()


def test_pbkdf2_against_hashlib():
    for it in (1, 2, 1000):
        for length in (1, 32, 64, 100):
            assert wetee.pbkdf2_sha256(b"password", b"salt", it, length) == hashlib.pbkdf2_hmac(
                "sha256", b"password", b"salt", it, length)
            assert wetee.pbkdf2_sha512(b"password", b"salt", it, length) == hashlib.pbkdf2_hmac(
                "sha512", b"password", b"salt", it, length)
    # BIP-39 seed of the empty mnemonic prefix, as used by key derivation
    assert wetee.pbkdf2_sha512(b"", b"mnemonic", 2048) == hashlib.pbkdf2_hmac("sha512", b"", b"mnemonic", 2048)


@pytest.mark.parametrize("iterations,length", [(0, 32), (1, 0), (1, (1 << 20) + 1)])
def test_pbkdf2_bad_arguments(iterations, length):
    with pytest.raises(wetee.InvalidArgumentError):
        wetee.pbkdf2_sha256(b"pw", b"salt", iterations, length)


BLAKE3_KEY = b"whats the Elvish word for friend"
BLAKE3_CONTEXT = "BLAKE3 2019-12-27 16:29:52 test vectors context"


def test_blake3_known_empty():
    assert wetee.blake3(b"").hex() == "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"
    assert wetee.blake3_keyed(BLAKE3_KEY, b"").hex() == (
        "92b2b75604ed3c761f9d6f62392c8a9227ad0ea3f09573e783f1498a4ed60d26")
    assert wetee.blake3_derive_key(BLAKE3_CONTEXT, b"").hex() == (
        "2cc39783c223154fea8dfb7c1b1660f2ac2dcbd1c1de8277b0b0dd39b7e50d7d")


def test_blake3_official_vectors(vectors_dir):
    doc = json.loads((vectors_dir / "hash" / "blake3_test_vectors.json").read_text())
    key, context = doc["key"].encode(), doc["context_string"]
    for case in doc["cases"]:
        data = bytes(i % 251 for i in range(case["input_len"]))
        n = len(case["hash"]) // 2
        assert wetee.blake3(data, n).hex() == case["hash"]
        assert wetee.blake3(data) == bytes.fromhex(case["hash"])[:32]
        assert wetee.blake3_keyed(key, data, n).hex() == case["keyed_hash"]
        assert wetee.blake3_derive_key(context, data, n).hex() == case["derive_key"]


def test_blake3_errors():
    with pytest.raises(wetee.InvalidArgumentError):
        wetee.blake3(b"abc", 0)
    with pytest.raises(wetee.InvalidArgumentError):
        wetee.blake3_keyed(bytes(31), b"abc")
    with pytest.raises(TypeError):
        wetee.blake3_derive_key(None, b"abc")


def test_crc():
    assert wetee.crc16_xmodem(b"123456789") == 0x31C3
    assert wetee.crc32c(b"123456789") == 0xE3069283
    assert wetee.crc16_xmodem(b"") == 0
    assert wetee.crc32c(b"") == 0


@pytest.mark.parametrize(
    "fn", [wetee.blake2b_128, wetee.blake2b_256, wetee.blake2b_512, wetee.blake2s_256, wetee.twox64,
           wetee.twox128, wetee.twox256, wetee.keccak256, wetee.sha256, wetee.sha512, wetee.blake3,
           wetee.crc16_xmodem, wetee.crc32c])
def test_hashes_reject_non_bytes(fn):
    for bad in (None, "abc", 1):
        with pytest.raises(TypeError):
            fn(bad)


@pytest.mark.parametrize("fn", [wetee.blake2b_256, wetee.keccak256, wetee.sha256, wetee.twox128])
def test_hashes_accept_buffers(fn):
    data = os.urandom(100)
    assert fn(bytearray(data)) == fn(data) == fn(memoryview(data))
    assert type(fn(data)) is bytes
