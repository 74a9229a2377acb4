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

Keys live in :class:`Keypair` objects that hold the secret in libwetee's
memory and wipe it when closed (``with Keypair.from_suri("sr25519",
"//Alice") as alice: alice.address(0)``). Secrets handed to Python (for
example ``Keypair.secret()``, mnemonic phrases, seeds) are copies in
``bytes``/``str`` objects, which Python cannot wipe.

The C functions themselves (without the ``wetee_`` prefix, arguments in C
order) are in :mod:`wetee.native`.
"""

import collections
import enum

from . import _errors
from ._errors import *  # noqa: F401,F403  (the exception classes)
from ._errors import InvalidArgumentError, StateError, VerifyError
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
    ERR_TOO_LONG,
    ERR_TIMEOUT,
    ERR_RPC,
    U128_MAX_DECIMALS,
    BLAKE2B_KEY_MAX,
    SR25519_SEED_BYTES,
    SR25519_PUBLIC_BYTES,
    SR25519_SECRET_BYTES,
    SR25519_SIGNATURE_BYTES,
    ED25519_SEED_BYTES,
    ED25519_PUBLIC_BYTES,
    ED25519_SECRET_BYTES,
    ED25519_SIGNATURE_BYTES,
    ECDSA_SECRET_BYTES,
    ECDSA_PUBLIC_BYTES,
    ECDSA_SIGNATURE_BYTES,
    ETH_ADDRESS_BYTES,
    CHAIN_CODE_BYTES,
    PUBLIC_MAX_BYTES,
    SIGNATURE_MAX_BYTES,
    DEV_PHRASE,
    SS58_PREFIX_POLKADOT,
    SS58_PREFIX_KUSAMA,
    SS58_PREFIX_GENERIC,
    SS58_PREFIX_MAX,
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


# ---------------------------------------------------------------- keys


class Scheme(enum.IntEnum):
    """Signature schemes (``wetee_scheme``). Functions taking a scheme also
    accept its name (``"sr25519"``, ``"ed25519"``, ``"ecdsa"``, ``"ethereum"``)."""

    SR25519 = _n.SCHEME_SR25519  #: schnorrkel sr25519; AccountId32 = public key
    ED25519 = _n.SCHEME_ED25519  #: RFC 8032 Ed25519; AccountId32 = public key
    ECDSA = _n.SCHEME_ECDSA  #: secp256k1; AccountId32 = blake2b-256(33-byte public key)
    ETHEREUM = _n.SCHEME_ETHEREUM  #: secp256k1 with BIP-32; AccountId20 = Ethereum address

    def __str__(self):
        return self.name.lower()


class EthPassword(enum.IntEnum):
    """What a ``///password`` means in an Ethereum SURI (``wetee_eth_password``):
    polkadot.js ignores it, substrate-interface makes it the BIP-39 passphrase.
    Also accepted by name (``"reject"``, ``"passphrase"``, ``"ignore"``)."""

    REJECT = _n.ETH_PASSWORD_REJECT  #: refuse a non-empty password (UnsupportedError); the default
    PASSPHRASE = _n.ETH_PASSWORD_PASSPHRASE  #: the BIP-39 passphrase (substrate-interface)
    IGNORE = _n.ETH_PASSWORD_IGNORE  #: ignored (polkadot.js)


def _eth_password(mode):
    try:
        return EthPassword[mode.upper()] if isinstance(mode, str) else EthPassword(mode)
    except (KeyError, ValueError, TypeError):
        raise InvalidArgumentError(
            f"unknown eth_password {mode!r} (reject, passphrase or ignore)") from None


def _scheme(scheme):
    if isinstance(scheme, str):
        try:
            return Scheme[scheme.upper()]
        except KeyError:
            raise InvalidArgumentError(
                f"unknown scheme {scheme!r} (sr25519, ed25519, ecdsa or ethereum)") from None
    try:
        return Scheme(scheme)
    except (ValueError, TypeError):
        raise InvalidArgumentError(f"unknown scheme {scheme!r}") from None


def _verified(func, *args):
    """True when ``func`` accepts the signature, False on VerifyError."""
    try:
        func(*args)
    except VerifyError:
        return False
    return True


# sr25519: secrets are 64 bytes in the "ed25519 form" (8*key || nonce), as
# polkadot.js and keystores hold them.


def sr25519_keypair_from_seed(seed):
    """``(secret, public)`` of a 32-byte mini secret (Ed25519 expansion mode, as Substrate)."""
    return _n.sr25519_keypair_from_seed(seed)


def sr25519_secret_to_canonical(secret):
    """The canonical form (key reduced mod l || nonce) of an ed25519-form secret."""
    return _n.sr25519_secret_to_canonical(secret)


def sr25519_secret_from_canonical(canonical):
    """The ed25519 form of a canonical secret; CryptoError when the key is not a canonical scalar."""
    return _n.sr25519_secret_from_canonical(canonical)


def sr25519_public_from_secret(secret):
    """The 32-byte public key of an ed25519-form secret."""
    return _n.sr25519_public_from_secret(secret)


def sr25519_sign(secret, public, message):
    """64-byte signature of ``message`` with the "substrate" context (randomised)."""
    return _n.sr25519_sign(secret, public, message)


def sr25519_verify(signature, message, public, strict=False):
    """Whether ``signature`` (64 bytes) of ``message`` is valid for ``public`` (32 bytes).

    The default rules are schnorrkel's and the chain's, which accept the
    all-zero (identity) public key; ``strict=True`` rejects it.
    """
    return _verified(_n.sr25519_verify_strict if strict else _n.sr25519_verify, signature, message, public)


def sr25519_derive_hard(secret, chain_code):
    """Hard derivation (``//junction``): ``(secret, public)``."""
    return _n.sr25519_derive_hard(secret, chain_code)


def sr25519_derive_soft(secret, public, chain_code):
    """Soft derivation (``/junction``) of a keypair: ``(secret, public)`` (the new nonce is random)."""
    return _n.sr25519_derive_soft(secret, public, chain_code)


def sr25519_derive_public(public, chain_code):
    """Soft derivation of a public key alone."""
    return _n.sr25519_derive_public(public, chain_code)


# ed25519: secrets are 64 bytes seed || public.


def ed25519_keypair_from_seed(seed):
    """``(secret, public)`` of a 32-byte RFC 8032 seed; the secret is seed || public."""
    return _n.ed25519_keypair_from_seed(seed)


def ed25519_sign(secret, message):
    """Deterministic RFC 8032 signature (64 bytes)."""
    return _n.ed25519_sign(secret, message)


def ed25519_verify(signature, message, public, strict=False):
    """Whether ``signature`` of ``message`` is valid for ``public``.

    The default rules are ZIP 215, as ed25519-zebra and so sp-core (the
    chain) verify: small-order and non-canonical points accepted, canonical S,
    cofactored equation. ``strict=True`` applies libsodium's stricter rules.
    """
    return _verified(_n.ed25519_verify_strict if strict else _n.ed25519_verify, signature, message, public)


def ed25519_derive_hard(seed, chain_code):
    """Hard derivation of a 32-byte seed: the derived seed."""
    return _n.ed25519_derive_hard(seed, chain_code)


# ecdsa (Substrate) and Ethereum: 32-byte secp256k1 secrets, 33-byte compressed public keys.


def ecdsa_public_from_secret(secret):
    """The 33-byte compressed public key; CryptoError for a secret of 0 or >= n."""
    return _n.ecdsa_public_from_secret(secret)


def ecdsa_sign(secret, message):
    """Substrate ecdsa signature r || s || recid (65 bytes) over blake2b-256(message), RFC 6979, low s."""
    return _n.ecdsa_sign(secret, message)


def ecdsa_verify(signature, message, public):
    """Whether the 65-byte ``signature`` of ``message`` is by the 33-byte ``public`` key."""
    return _verified(_n.ecdsa_verify, signature, message, public)


def ecdsa_derive_hard(secret, chain_code):
    """Hard derivation of a 32-byte secret: the derived secret."""
    return _n.ecdsa_derive_hard(secret, chain_code)


def ecdsa_account_id(public):
    """AccountId32 of an ecdsa key: blake2b-256 of the 33-byte public key."""
    return _n.ecdsa_account_id(public)


def eth_sign(secret, message):
    """Ethereum signature r || s || v (65 bytes, v = 0/1) over keccak-256(message)."""
    return _n.eth_sign(secret, message)


def eth_verify(signature, message, address):
    """Whether the 65-byte ``signature`` of ``message`` is by the 20-byte ``address``."""
    return _verified(_n.eth_verify, signature, message, address)


def eth_address(public):
    """The 20-byte address of a 33- or 65-byte secp256k1 public key."""
    return _n.eth_address(public)


def eth_address_to_string(address):
    """"0x" and the EIP-55 checksummed hex of a 20-byte address."""
    return _n.eth_address_to_string(address)


def eth_address_from_string(text):
    """The 20 bytes of a "0x..." address; mixed case must match EIP-55 (ChecksumError)."""
    return _n.eth_address_from_string(text)


def bip32_derive(seed, path):
    """BIP-32 secret (32 bytes) of a 16..64-byte seed along ``path``, e.g. "m/44'/60'/0'/0/0"."""
    return _n.bip32_derive(seed, path)


def verify(scheme, signature, message, public, strict=False):
    """Whether ``signature`` of ``message`` is valid for ``public`` under ``scheme``.

    ``public`` is the public key (32 bytes; 33 for ecdsa; for ethereum the
    33/65-byte public key or the 20-byte address). A signature of the wrong
    length is invalid; a public key of the wrong length raises
    InvalidArgumentError. The default rules are the chain's (ed25519: ZIP 215;
    sr25519: the identity key accepted); ``strict=True`` applies the strict
    rules of :func:`ed25519_verify` and :func:`sr25519_verify`.
    """
    return _verified(_n.verify_strict if strict else _n.verify, _scheme(scheme), signature, message, public)


# ---------------------------------------------------------------- secret URIs

Junction = collections.namedtuple("Junction", "chain_code is_hard")
Junction.__doc__ = "A derivation step of a SURI: its 32-byte chain code and whether it is hard (``//``)."


class SURI:
    """A parsed secret URI ``phrase//hard/soft///password`` (see :func:`parse_suri`).

    Attributes: ``phrase`` (str; the DEV phrase when the URI has none),
    ``password`` (str, or None without a ``///`` part) and ``junctions``
    (a list of :class:`Junction`). The repr shows only the shape of the
    path, never the phrase, password or junctions.
    """

    __slots__ = ("phrase", "password", "junctions")

    def __init__(self, phrase, password, junctions):
        self.phrase = phrase
        self.password = password
        self.junctions = junctions

    def __repr__(self):
        pw = "None" if self.password is None else "<hidden>"
        path = "".join("//?" if j.is_hard else "/?" for j in self.junctions)
        return f"SURI(phrase=<hidden>, path={path!r}, password={pw})"

    def __eq__(self, other):
        if not isinstance(other, SURI):
            return NotImplemented
        return (self.phrase, self.password, self.junctions) == (other.phrase, other.password, other.junctions)

    __hash__ = None


def parse_suri(suri):
    """Parse a secret URI with sp-core's grammar; DecodeError names the offset of a problem.

    >>> wetee.parse_suri("//Alice").junctions[0].is_hard
    True
    """
    h = _n.suri_parse(suri)  # freed (and wiped) when this function returns
    junctions = [Junction(*_n.suri_junction(h, i)) for i in range(_n.suri_junction_count(h))]
    return SURI(_n.suri_phrase(h), _n.suri_password(h), junctions)


# ---------------------------------------------------------------- keypairs


class Keypair:
    """A keypair of any :class:`Scheme`, held in libwetee's memory.

    Make one with :meth:`from_suri`, :meth:`from_mnemonic`, :meth:`from_seed`,
    :meth:`generate` or :meth:`from_keystore`. :meth:`close` (or leaving a
    ``with`` block) wipes and frees the secret at once; a keypair that is
    never closed is freed when it is garbage-collected. A closed keypair
    raises StateError when used, except for ``scheme``, ``public_key`` and
    ``account_id``. Keypairs cannot be pickled or copied: export them with
    :meth:`to_keystore`. Signing from several threads at once is safe.
    """

    __slots__ = ("_h", "_scheme", "_public", "_account_id")

    def __init__(self, *args, **kwargs):
        raise TypeError("use Keypair.from_suri(), from_mnemonic(), from_seed(), generate() or from_keystore()")

    @classmethod
    def _wrap(cls, handle):
        self = object.__new__(cls)
        self._h = handle
        self._scheme = Scheme(_n.keypair_scheme(handle))
        self._public = _n.keypair_public(handle)
        self._account_id = _n.keypair_account_id(handle)
        return self

    @classmethod
    def from_suri(cls, scheme, suri, *, eth_password=EthPassword.REJECT):
        """Keypair from a secret URI (mnemonic or 0x seed, junctions, password).

        sr25519/ed25519/ecdsa follow sp-core; ``Scheme.ETHEREUM`` takes a
        BIP-32 path as polkadot.js does (``"<phrase>/m/44'/60'/0'/0/0"``).
        An Ethereum ``///password`` follows ``eth_password`` (:class:`EthPassword`):
        refused by default, since polkadot.js ignores it and substrate-interface
        makes it the BIP-39 passphrase. Whitespace around and between the
        words and a final newline are allowed. Raises DecodeError (syntax,
        with the offset; bad word), ChecksumError (mnemonic checksum),
        UnsupportedError (soft junction on ed25519/ecdsa, refused Ethereum
        password), TooLongError (SURI over 4096 bytes or 256 junctions).
        """
        mode = _eth_password(eth_password)
        if mode == EthPassword.REJECT:
            return cls._wrap(_n.keypair_from_suri(_scheme(scheme), suri))
        return cls._wrap(_n.keypair_from_suri_opts(_scheme(scheme), suri, int(mode)))

    @classmethod
    def from_mnemonic(cls, scheme, phrase, password=""):
        """Keypair from a BIP-39 mnemonic and password (the substrate-bip39 mini
        secret; for ethereum the BIP-32 master key, the password being the BIP-39 passphrase)."""
        return cls._wrap(_n.keypair_from_mnemonic(_scheme(scheme), phrase, password))

    @classmethod
    def from_seed(cls, scheme, seed):
        """Keypair from a 32-byte seed (sr25519 also takes a 64-byte canonical secret)."""
        return cls._wrap(_n.keypair_from_seed(_scheme(scheme), seed))

    @classmethod
    def generate(cls, scheme):
        """Fresh random keypair."""
        return cls._wrap(_n.keypair_generate(_scheme(scheme)))

    @classmethod
    def from_keystore(cls, json, password):
        """Import polkadot.js keystore JSON (str or bytes); VerifyError for a wrong password."""
        return cls._wrap(_n.keystore_import(json, password))

    def _handle(self):
        h = self._h
        if h is None:
            raise StateError("keypair: closed")
        return h

    @property
    def scheme(self):
        """The :class:`Scheme`."""
        return self._scheme

    @property
    def public_key(self):
        """The public key (32 bytes; 33 for ecdsa and ethereum)."""
        return self._public

    @property
    def account_id(self):
        """The account id: 32 bytes (blake2b-256 of the public key for ecdsa), 20 for ethereum."""
        return self._account_id

    @property
    def closed(self):
        """Whether :meth:`close` was called."""
        return self._h is None

    def derive(self, path):
        """New keypair derived along ``path`` ("//hard/soft"); UnsupportedError for
        soft junctions on ed25519/ecdsa and for any path on ethereum keypairs."""
        return Keypair._wrap(_n.keypair_derive(self._handle(), path))

    def address(self, prefix=SS58_PREFIX_GENERIC):
        """SS58 address with ``prefix`` (0 Polkadot, 2 Kusama, 42 generic); EIP-55 "0x..." for ethereum."""
        return _n.keypair_address(self._handle(), prefix)

    def sign(self, message):
        """Signature of ``message`` (raw, not pre-hashed): 64 bytes, 65 for ecdsa/ethereum."""
        return _n.keypair_sign(self._handle(), message)

    def verify(self, signature, message, strict=False):
        """Whether ``signature`` of ``message`` is valid for this keypair's public key
        (``strict`` as in :func:`verify`)."""
        return verify(self._scheme, signature, message, self._public, strict)

    def secret(self):
        """A copy of the secret: sr25519 64 bytes (ed25519 form || nonce), ed25519
        64 bytes (seed || public), ecdsa/ethereum 32 bytes."""
        return _n.keypair_secret(self._handle())

    def to_keystore(self, password, name=None, when_created_ms=0, *, scrypt_n=0, scrypt_p=0, scrypt_r=0):
        """Export as polkadot.js keystore JSON (scrypt N=2**17 by default; ~0.3 s, 128 MiB).

        ``password`` must not be empty; ``name`` goes to meta.name,
        ``when_created_ms`` to meta.whenCreated. The scrypt cost (0 = default:
        N=2**17, p=1, r=8) must be a set polkadot.js opens: (2**15,1,8),
        (2**15,3,8), (2**16,2,8) or (2**17,1,8); ``scrypt_n=2**15`` is what
        substrate-interface can open. Other sets raise InvalidArgumentError.
        """
        if scrypt_n or scrypt_p or scrypt_r:
            return _n.keystore_export_opts(self._handle(), password, name, when_created_ms,
                                           scrypt_n, scrypt_p, scrypt_r)
        return _n.keystore_export(self._handle(), password, name, when_created_ms)

    def close(self):
        """Wipe and free the secret now (idempotent). A call running in
        another thread at that moment finishes first."""
        try:
            self._h = None  # the native object frees itself with its last reference
        except AttributeError:
            pass

    def __del__(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __reduce__(self):
        raise TypeError("a wetee.Keypair cannot be pickled or copied; export it with to_keystore()")

    def __repr__(self):
        state = " closed" if self.closed else ""
        return f"<wetee.Keypair {self._scheme} public=0x{self._public.hex()}{state}>"


# ---------------------------------------------------------------- mnemonics


def mnemonic_generate(words=12):
    """A random BIP-39 English phrase of 12, 15, 18, 21 or 24 words."""
    return _n.mnemonic_generate(words)


def mnemonic_validate(phrase):
    """Check a phrase; DecodeError (unknown word with its position, bad count) or ChecksumError."""
    _n.mnemonic_validate(phrase)


def mnemonic_to_entropy(phrase):
    """The entropy (16..32 bytes) of a phrase."""
    return _n.mnemonic_to_entropy(phrase)


def mnemonic_from_entropy(entropy):
    """The phrase of 16, 20, 24, 28 or 32 bytes of entropy."""
    return _n.mnemonic_from_entropy(entropy)


def mnemonic_to_mini_secret(phrase, password=""):
    """substrate-bip39 mini secret (32 bytes): the seed of sr25519/ed25519/ecdsa keys."""
    return _n.mnemonic_to_mini_secret(phrase, password)


def mnemonic_to_bip39_seed(phrase, passphrase=""):
    """Standard BIP-39 seed (64 bytes)."""
    return _n.mnemonic_to_bip39_seed(phrase, passphrase)


# ---------------------------------------------------------------- SS58

SS58Network = collections.namedtuple("SS58Network", "prefix network display_name symbol decimals")
SS58Network.__doc__ = """A network of the SS58 registry: prefix, registry name (e.g. "polkadot"),
display name, first token symbol ("" if none) and its decimals."""

_ss58_networks = None


def ss58_networks():
    """The compiled-in SS58 registry, a list of :class:`SS58Network` in registry order."""
    global _ss58_networks
    if _ss58_networks is None:
        _ss58_networks = tuple(SS58Network(*_n.ss58_network_at(i)) for i in range(_n.ss58_network_count()))
    return list(_ss58_networks)


def ss58_network(name):
    """The network with registry name ``name`` (e.g. "kusama"); NotFoundError if absent."""
    i = _n.ss58_network_find(name)
    return SS58Network(*_n.ss58_network_at(i))


def ss58_network_by_prefix(prefix):
    """The first network with ``prefix``; NotFoundError if absent."""
    i = _n.ss58_network_find_prefix(prefix)
    return SS58Network(*_n.ss58_network_at(i))


def ss58_encode(payload, prefix=SS58_PREFIX_GENERIC):
    """SS58 address of a 1, 2, 4, 8, 32 or 33-byte payload with a prefix 0..16383 (not 46, 47)."""
    return _n.ss58_encode(payload, prefix)


def ss58_decode(address):
    """``(payload, prefix)`` of an address; DecodeError or ChecksumError."""
    return _n.ss58_decode(address)


from . import ton  # noqa: E402  (TON: cells, BOC, addresses, mnemonics, wallets)
from . import telegram  # noqa: E402  (Telegram Mini App initData)
from . import toncenter  # noqa: E402  (toncenter HTTP client)
from . import snp  # noqa: E402,F401  (AMD SEV-SNP attestation reports)
from . import contract  # noqa: E402,F401  (contracts on pallet-revive)

__all__ = _errors.__all__ + [
    "ton", "telegram", "toncenter", "snp", "contract",
    "version", "version_number", "strerror", "U128_MAX", "U128_MAX_DECIMALS", "BLAKE2B_KEY_MAX",
    "OK", "ERR_INVALID_ARGUMENT", "ERR_NO_MEMORY", "ERR_DECODE", "ERR_TRUNCATED", "ERR_NON_CANONICAL",
    "ERR_OVERFLOW", "ERR_DEPTH", "ERR_CHECKSUM", "ERR_UNSUPPORTED", "ERR_CRYPTO", "ERR_VERIFY",
    "ERR_NOT_FOUND", "ERR_IO", "ERR_NETWORK", "ERR_STATE", "ERR_TRAILING", "ERR_INTERNAL", "ERR_TOO_LONG",
    "hex_encode", "hex_decode", "base58_encode", "base58_decode", "base64_encode", "base64_decode",
    "u128_from_decimal", "u128_to_decimal", "u128_to_le", "u128_from_le",
    "blake2b", "blake2b_128", "blake2b_256", "blake2b_512", "blake2s_256",
    "twox64", "twox128", "twox256", "keccak256", "sha256", "sha512",
    "hmac_sha256", "hmac_sha512", "pbkdf2_sha256", "pbkdf2_sha512",
    "blake3", "blake3_keyed", "blake3_derive_key", "crc16_xmodem", "crc32c",
    "scale_encode_compact", "scale_decode_compact",
    "SR25519_SEED_BYTES", "SR25519_PUBLIC_BYTES", "SR25519_SECRET_BYTES", "SR25519_SIGNATURE_BYTES",
    "ED25519_SEED_BYTES", "ED25519_PUBLIC_BYTES", "ED25519_SECRET_BYTES", "ED25519_SIGNATURE_BYTES",
    "ECDSA_SECRET_BYTES", "ECDSA_PUBLIC_BYTES", "ECDSA_SIGNATURE_BYTES", "ETH_ADDRESS_BYTES",
    "CHAIN_CODE_BYTES", "PUBLIC_MAX_BYTES", "SIGNATURE_MAX_BYTES", "DEV_PHRASE",
    "Scheme", "verify",
    "sr25519_keypair_from_seed", "sr25519_secret_to_canonical", "sr25519_secret_from_canonical",
    "sr25519_public_from_secret", "sr25519_sign", "sr25519_verify", "sr25519_derive_hard",
    "sr25519_derive_soft", "sr25519_derive_public",
    "ed25519_keypair_from_seed", "ed25519_sign", "ed25519_verify", "ed25519_derive_hard",
    "ecdsa_public_from_secret", "ecdsa_sign", "ecdsa_verify", "ecdsa_derive_hard", "ecdsa_account_id",
    "eth_sign", "eth_verify", "eth_address", "eth_address_to_string", "eth_address_from_string",
    "bip32_derive", "Junction", "SURI", "parse_suri", "Keypair",
    "mnemonic_generate", "mnemonic_validate", "mnemonic_to_entropy", "mnemonic_from_entropy",
    "mnemonic_to_mini_secret", "mnemonic_to_bip39_seed",
    "SS58_PREFIX_POLKADOT", "SS58_PREFIX_KUSAMA", "SS58_PREFIX_GENERIC", "SS58_PREFIX_MAX",
    "SS58Network", "ss58_networks", "ss58_network", "ss58_network_by_prefix", "ss58_encode", "ss58_decode",
]

# ---- runtime metadata (wetee/metadata.py) ----
from .metadata import (  # noqa: E402
    Metadata, Pallet, Variant, Field, StorageEntry, StorageHasher, StorageModifier, Constant, RuntimeApi,
)
from . import metadata  # noqa: E402,F401

__all__ += [
    "Metadata", "Pallet", "Variant", "Field", "StorageEntry", "StorageHasher", "StorageModifier", "Constant",
    "RuntimeApi",
]

# ---- extrinsics (wetee/tx.py) ----
from .metadata import TxExtension  # noqa: E402
from .tx import Tx, Era, era_mortal, era_decode, era_birth, extrinsic_hash  # noqa: E402
from . import tx  # noqa: E402,F401
from . import attest  # noqa: E402,F401  (TEE attestation: DCAP evidence under a JSON policy)
from . import seal  # noqa: E402,F401  (attested secret sealing: verify, then seal to the bound key)

__all__ += ["TxExtension", "Tx", "Era", "era_mortal", "era_decode", "era_birth", "extrinsic_hash"]

# ---- JSON-RPC client (wetee/rpc.py) ----
from .rpc import Rpc, Subscription  # noqa: E402
from . import rpc  # noqa: E402,F401

__all__ += ["Rpc", "Subscription"]

# ---- chain client (wetee/chain.py) ----
from .chain import Chain, Watch  # noqa: E402
from . import chain  # noqa: E402,F401

# ---- payments (wetee/pay.py) ----
from . import pay  # noqa: E402,F401

__all__ += ["Chain", "Watch"]

# ---- WeTEE cloud API, pallet generation (wetee/cloud.py) ----
from .cloud import Cloud, Deployment  # noqa: E402
from . import cloud  # noqa: E402,F401

__all__ += ["Cloud", "Deployment"]
