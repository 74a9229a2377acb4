"""Python bindings of libwetee, the C SDK for the WeTEE confidential cloud.

Byte strings go in as any bytes-like object (bytes, bytearray, memoryview)
and come back as ``bytes``; text codecs return ``str``; 128-bit values are
Python ``int``. A failing call raises a subclass of :class:`wetee.Error`
whose message is libwetee's error detail (what failed and where), e.g.::

    >>> import wetee
    >>> wetee.blake2b_256(b"").hex()[:16]
    '0e5751c026e543b2'
    >>> wetee.u128_from_decimal("1.5", 10)
    15000000000
    >>> wetee.hex_decode("0x12zz")
    Traceback (most recent call last):
    ...
    wetee.DecodeError: hex: ...

The C functions themselves (without the ``wetee_`` prefix, arguments in C
order) are in :mod:`wetee.native`.
"""

from . import _errors
from ._errors import *  # noqa: F401,F403  (the exception classes)
from . import native as _n
from .native import (  # noqa: F401  (status codes)
    OK,
    ERR_INVALID_ARGUMENT,
    ERR_NO_MEMORY,
    ERR_DECODE,
    ERR_TRUNCATED,
    ERR_NON_CANONICAL,
    ERR_OVERFLOW,
    ERR_DEPTH,
    ERR_CHECKSUM,
    ERR_UNSUPPORTED,
    ERR_CRYPTO,
    ERR_VERIFY,
    ERR_NOT_FOUND,
    ERR_IO,
    ERR_NETWORK,
    ERR_STATE,
    ERR_TRAILING,
    ERR_INTERNAL,
    U128_MAX_DECIMALS,
    BLAKE2B_KEY_MAX,
)

__version__ = _n.version_string()

U128_MAX = (1 << 128) - 1

# ---------------------------------------------------------------- core


def version():
    """Version of the loaded libwetee, "MAJOR.MINOR.PATCH"."""
    return _n.version_string()


def version_number():
    """Version of the loaded libwetee as MAJOR*10000 + MINOR*100 + PATCH."""
    return _n.version_number()


def strerror(code):
    """English name of a status code, e.g. ``strerror(-4) == "truncated input"``."""
    return _n.strerror(code)


def hex_encode(data, *, prefix=False, upper=False):
    """Hex text of ``data`` (lower case unless ``upper``; "0x" when ``prefix``)."""
    flags = (_n.HEX_PREFIX if prefix else 0) | (_n.HEX_UPPER if upper else 0)
    return _n.hex_encode(data, flags)


def hex_decode(text):
    """Bytes of hex ``text``, with or without "0x", either case.

    Raises DecodeError (odd length, bad character; the offset is in the message).
    """
    return _n.hex_decode(text)


def base58_encode(data):
    """Base58 (Bitcoin alphabet) text of ``data``."""
    return _n.base58_encode(data)


def base58_decode(text):
    """Bytes of Base58 ``text``; DecodeError for a character outside the alphabet."""
    return _n.base58_decode(text)


def _b64_flags(url, pad):
    return (_n.BASE64_URL if url else 0) | (0 if pad else _n.BASE64_NOPAD)


def base64_encode(data, *, url=False, pad=True):
    """RFC 4648 base64 of ``data``; ``url`` picks the URL-safe alphabet, ``pad=False`` drops '='."""
    return _n.base64_encode(data, _b64_flags(url, pad))


def base64_decode(text, *, url=False, pad=True):
    """Strict RFC 4648 base64 decode.

    With ``pad=True`` padding is required unless the input has none at all;
    with ``pad=False`` padding is rejected. DecodeError on malformed input.
    """
    return _n.base64_decode(text, _b64_flags(url, pad))


def u128_from_decimal(text, decimals):
    """Parse a decimal amount into base units: ``u128_from_decimal("1.5", 10) == 15000000000``.

    Raises DecodeError (bad shape), NonCanonicalError (more fraction digits
    than ``decimals``), OutOfRangeError (above 2**128-1), InvalidArgumentError
    (``decimals`` above U128_MAX_DECIMALS).
    """
    return _n.u128_from_decimal(text, decimals)


def u128_to_decimal(value, decimals):
    """Format base units as a decimal amount: ``u128_to_decimal(15000000000, 10) == "1.5"``."""
    return _n.u128_to_decimal(value, decimals)


def u128_to_le(value):
    """``value`` (0..2**128-1) as 16 little-endian bytes."""
    return _n.u128_to_le(value)


def u128_from_le(data):
    """The u128 stored in exactly 16 little-endian bytes."""
    return _n.u128_from_le(data)


# ---------------------------------------------------------------- hashes

blake2b_128 = _n.hash_blake2b_128
blake2b_256 = _n.hash_blake2b_256
blake2b_512 = _n.hash_blake2b_512
blake2s_256 = _n.hash_blake2s_256
twox64 = _n.hash_twox64
twox128 = _n.hash_twox128
twox256 = _n.hash_twox256
keccak256 = _n.hash_keccak256
sha256 = _n.hash_sha256
sha512 = _n.hash_sha512
hmac_sha256 = _n.hmac_sha256
hmac_sha512 = _n.hmac_sha512
crc16_xmodem = _n.crc16_xmodem
crc32c = _n.crc32c


def blake2b(data, digest_size=32, key=b""):
    """BLAKE2b with a ``digest_size`` of 1..64 bytes and an optional key of 0..64 bytes."""
    return _n.hash_blake2b(digest_size, key, data)


def pbkdf2_sha256(password, salt, iterations, length=32):
    """PBKDF2-HMAC-SHA-256 (``length`` 1..2**20 bytes, ``iterations`` >= 1)."""
    return _n.pbkdf2_sha256(length, password, salt, iterations)


def pbkdf2_sha512(password, salt, iterations, length=64):
    """PBKDF2-HMAC-SHA-512 (``length`` 1..2**20 bytes, ``iterations`` >= 1)."""
    return _n.pbkdf2_sha512(length, password, salt, iterations)


def blake3(data, length=32):
    """BLAKE3 with ``length`` (>= 1) bytes of output."""
    return _n.hash_blake3(length, data)


def blake3_keyed(key, data, length=32):
    """Keyed BLAKE3 (``key`` exactly 32 bytes)."""
    return _n.hash_blake3_keyed(length, key, data)


def blake3_derive_key(context, material, length=32):
    """BLAKE3 key derivation from a ``context`` string and key ``material``."""
    return _n.hash_blake3_derive_key(length, context, material)


# ---------------------------------------------------------------- SCALE


def scale_encode_compact(value):
    """SCALE compact encoding of ``value`` (0..2**128-1)."""
    return _n.scale_encode_compact(value)


def scale_decode_compact(data):
    """Decode the compact integer at the start of ``data``: ``(value, bytes_consumed)``.

    Raises TruncatedError, NonCanonicalError or OutOfRangeError (above 2**128-1).
    """
    return _n.scale_decode_compact(data)


__all__ = _errors.__all__ + [
    "version", "version_number", "strerror", "U128_MAX", "U128_MAX_DECIMALS", "BLAKE2B_KEY_MAX",
    "OK", "ERR_INVALID_ARGUMENT", "ERR_NO_MEMORY", "ERR_DECODE", "ERR_TRUNCATED", "ERR_NON_CANONICAL",
    "ERR_OVERFLOW", "ERR_DEPTH", "ERR_CHECKSUM", "ERR_UNSUPPORTED", "ERR_CRYPTO", "ERR_VERIFY",
    "ERR_NOT_FOUND", "ERR_IO", "ERR_NETWORK", "ERR_STATE", "ERR_TRAILING", "ERR_INTERNAL",
    "hex_encode", "hex_decode", "base58_encode", "base58_decode", "base64_encode", "base64_decode",
    "u128_from_decimal", "u128_to_decimal", "u128_to_le", "u128_from_le",
    "blake2b", "blake2b_128", "blake2b_256", "blake2b_512", "blake2s_256",
    "twox64", "twox128", "twox256", "keccak256", "sha256", "sha512",
    "hmac_sha256", "hmac_sha512", "pbkdf2_sha256", "pbkdf2_sha512",
    "blake3", "blake3_keyed", "blake3_derive_key", "crc16_xmodem", "crc32c",
    "scale_encode_compact", "scale_decode_compact",
]
