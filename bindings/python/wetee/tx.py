"""Extrinsics built from the runtime metadata alone (wetee/tx.h).

:class:`Tx` collects one transaction's call and extension values and
produces the signing payload, a signed v4 extrinsic (:meth:`Tx.sign`, or
:meth:`Tx.attach_signature` for a signature made elsewhere), a bare
extrinsic or a v5 general one, as ``bytes`` with the compact length
prefix. Nothing touches the network::

    with Keypair.from_suri("sr25519", "//Alice") as alice:
        tx = Tx(md, call=("Balances", "transfer_keep_alive", {"dest": {"Id": bob}, "value": 10**10}),
                genesis_hash=genesis, nonce=7, mortal=(64, best_number, best_hash))
        extrinsic = tx.sign(alice)
    md.decode_extrinsic(extrinsic)   # {"version": 4, "type": "signed", ...}

The offline split: :meth:`Tx.signing_payload` gives the bytes another
process (or a hardware wallet, with :meth:`wetee.Metadata.proof_for_payload`)
signs; :meth:`Tx.attach_signature` checks the signature and builds the
extrinsic.

Values (call arguments, fee asset, extension data) are passed as in
:mod:`wetee.metadata`: dicts, lists, ints of any size, ``bytes`` (as hex),
strings. A :class:`Tx` is used by one thread at a time; it keeps the
metadata's C object alive until the Tx is closed, even if the
:class:`~wetee.Metadata` is closed first.
"""

import collections

from . import _scheme
from ._errors import InvalidArgumentError, StateError
from . import native as _n
from .metadata import _dumps

PAYLOAD_HASH_THRESHOLD = _n.TX_PAYLOAD_HASH_THRESHOLD
"""Signing payloads longer than this many bytes are signed as their BLAKE2b-256 hash."""

_UNSET = object()

Era = collections.namedtuple("Era", "period phase")
Era.__doc__ = """A decoded era: period and phase (both 0 for an immortal era)."""


def era_mortal(period, current):
    """``(encoding, birth)`` of a mortal era of ``period`` blocks made at
    block ``current``, rounded as Substrate does (period to a power of two
    in [4, 65536], phase quantized); ``birth`` is the block whose hash the
    signature commits to (``current`` for periods up to 4096)."""
    return _n.era_mortal(period, current)


def era_decode(data):
    """``(Era, used)`` of the era at the start of ``data`` (``00`` immortal,
    or 2 bytes). DecodeError for a period below 4 or a phase not below it."""
    period, phase, used = _n.era_decode(data)
    return Era(period, phase), used


def era_birth(period, phase, current):
    """Birth block of the mortal era (period, phase) at block ``current``."""
    return _n.era_birth(period, phase, current)


def extrinsic_hash(extrinsic):
    """The transaction hash: BLAKE2b-256 of the whole extrinsic (length prefix included)."""
    return _n.extrinsic_hash(extrinsic)


class Tx:
    """One transaction being built for the chain that ``metadata`` describes.

    Every setter returns the Tx, and each has a keyword argument of the
    constructor:

    - ``call``: SCALE bytes, or ``(pallet, call)`` / ``(pallet, call, args)``
      with ``args`` a dict of named arguments or a list (:meth:`set_call`);
    - ``genesis_hash``: 32 bytes (required for signed transactions);
    - ``runtime_version``: ``(spec_version, transaction_version)``, by
      default System.Version of the metadata;
    - ``nonce``: the sender's account nonce (required: no default);
    - ``tip``: int, default 0;
    - ``mortal``: ``(period, block_number, block_hash)``; immortal by default;
    - ``fee_asset``: the ChargeAssetTxPayment asset id (None: native token);
    - ``metadata_hash``: 32 bytes for CheckMetadataHash mode 1, None for mode 0;
    - ``extensions``: ``{identifier: explicit_value}`` or
      ``{identifier: (explicit_value, implicit_value)}`` (:meth:`set_extension`).

    Errors are raised by the setter that gets a bad value, or, for values
    checked against the metadata only when the transaction is built (a
    missing genesis hash or nonce, a fee asset of the wrong type), by
    :meth:`signing_payload` / :meth:`sign` with a StateError or DecodeError
    naming the extension.
    """

    __slots__ = ("_h", "_md", "_mdh", "__weakref__")

    def __init__(self, metadata, *, call=None, genesis_hash=None, runtime_version=None, nonce=None, tip=None,
                 mortal=None, fee_asset=_UNSET, metadata_hash=None, extensions=None):
        mdh = metadata._handle()
        self._md = metadata
        self._h = _n.tx_new(mdh)
        self._mdh = mdh  # the C metadata must outlive the C tx
        if call is not None:
            if isinstance(call, (bytes, bytearray, memoryview)):
                self.set_call_bytes(call)
            elif isinstance(call, tuple) and len(call) in (2, 3):
                self.set_call(*call)
            else:
                raise InvalidArgumentError("tx: call must be bytes or (pallet, call[, args])")
        if genesis_hash is not None:
            self.set_genesis_hash(genesis_hash)
        if runtime_version is not None:
            self.set_runtime_version(*runtime_version)
        if nonce is not None:
            self.set_nonce(nonce)
        if tip is not None:
            self.set_tip(tip)
        if mortal is not None:
            self.set_mortal(*mortal)
        if fee_asset is not _UNSET:
            self.set_fee_asset(fee_asset)
        if metadata_hash is not None:
            self.set_metadata_hash(metadata_hash)
        for identifier, value in (extensions or {}).items():
            if isinstance(value, tuple) and len(value) == 2:
                self.set_extension(identifier, value[0], value[1])
            else:
                self.set_extension(identifier, value)

    def close(self):
        """Free the C object (idempotent); the Tx then raises StateError."""
        self._h = None
        self._mdh = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _handle(self):
        if self._h is None:
            raise StateError("tx: closed")
        return self._h

    @property
    def metadata(self):
        """The :class:`~wetee.Metadata` the transaction is built for."""
        return self._md

    # ---- setters ----

    def set_call(self, pallet, call, args=None):
        """The call by pallet and call name, with ``args`` a dict of named
        arguments or a list in order (None for a call without arguments).
        NotFoundError for an unknown pallet or call; DecodeError naming the
        argument for a value that does not fit."""
        _n.tx_set_call_json(self._handle(), pallet, call, "" if args is None else _dumps(args))
        return self

    def set_call_bytes(self, data):
        """The call as SCALE bytes (pallet index, call index, arguments),
        checked against the metadata."""
        _n.tx_set_call(self._handle(), data)
        return self

    def set_genesis_hash(self, genesis_hash):
        """The chain's genesis hash (32 bytes)."""
        _n.tx_set_genesis_hash(self._handle(), genesis_hash)
        return self

    def set_runtime_version(self, spec_version, transaction_version):
        """The runtime's spec and transaction versions (default: System.Version of the metadata)."""
        _n.tx_set_runtime_version(self._handle(), spec_version, transaction_version)
        return self

    def set_nonce(self, nonce):
        """The sender's account nonce (range-checked against the chain's Nonce type)."""
        _n.tx_set_nonce(self._handle(), nonce)
        return self

    def set_tip(self, tip):
        """Tip for the block author, in the smallest unit (0 to 2**128 - 1)."""
        _n.tx_set_tip(self._handle(), tip)
        return self

    def set_mortal(self, period, block_number, block_hash):
        """Valid for ``period`` blocks (rounded as Substrate does) from block
        ``block_number`` whose hash is ``block_hash``. For periods above 4096
        pass the era's birth block (:func:`era_mortal`); another block number
        raises InvalidArgumentError naming it."""
        _n.tx_set_mortal(self._handle(), period, block_number, block_hash)
        return self

    def set_immortal(self):
        """Valid forever (the default)."""
        _n.tx_set_immortal(self._handle())
        return self

    def set_fee_asset(self, asset_id):
        """Pay the fee in another asset (ChargeAssetTxPayment): a value of
        the chain's AssetId type (an int, or an XCM Location such as
        ``{"parents": 0, "interior": {"X2": [{"PalletInstance": 50},
        {"GeneralIndex": 1984}]}}``), or None for the native token.
        NotFoundError on a chain without ChargeAssetTxPayment."""
        _n.tx_set_fee_asset_json(self._handle(), _dumps(asset_id))
        return self

    def set_metadata_hash(self, metadata_hash):
        """CheckMetadataHash mode 1 with the RFC-0078 hash
        (:meth:`wetee.Metadata.hash` of the chain's V15 metadata), or mode 0
        with None."""
        if metadata_hash is None:
            _n.tx_clear_metadata_hash(self._handle())
        else:
            _n.tx_set_metadata_hash(self._handle(), metadata_hash)
        return self

    def set_extension(self, identifier, explicit=_UNSET, implicit=_UNSET):
        """Give an extension's data by name, overriding what the library
        fills in: ``explicit`` goes into the extrinsic, ``implicit`` only into
        the signing payload; a part left out keeps the library's value
        (``None`` is the JSON value null, e.g. an Option's None). NotFoundError
        for an extension the chain does not have; DecodeError when a value
        does not fit its type."""
        _n.tx_set_extension_json(self._handle(), identifier, None if explicit is _UNSET else _dumps(explicit),
                                 None if implicit is _UNSET else _dumps(implicit))
        return self

    # ---- building ----

    def signing_payload(self, *, raw=False):
        """The bytes a signer signs: call ‖ explicit ‖ implicit extension
        data, replaced by its BLAKE2b-256 hash when longer than 256 bytes
        (``raw=True``: never hashed, e.g. for a signer that hashes it
        itself). StateError naming what is missing (no call, no genesis hash,
        no nonce)."""
        h = self._handle()
        return _n.tx_signing_payload_raw(h) if raw else _n.tx_signing_payload(h)

    def sign(self, keypair):
        """The v4 signed extrinsic signed by ``keypair`` (a :class:`wetee.Keypair`).
        UnsupportedError when the chain's address or signature type cannot
        carry the keypair's scheme."""
        return _n.tx_sign(self._handle(), keypair._handle())

    def attach_signature(self, scheme, public, signature):
        """The v4 signed extrinsic with a signature made elsewhere over
        :meth:`signing_payload` by the key ``public`` of ``scheme`` (a
        :class:`wetee.Scheme` or its name). The signature is verified first:
        VerifyError when it does not match the payload and key."""
        return _n.tx_attach_signature(self._handle(), int(_scheme(scheme)), public, signature)

    def bare(self, version=4):
        """A bare (unsigned) extrinsic, ``0x04 ‖ call`` (or ``0x05 ‖ call``
        on a chain whose metadata lists extrinsic version 5)."""
        return _n.tx_bare(self._handle(), version)

    def general(self, extension_version=0):
        """A v5 general extrinsic (``0x45``, the extension version, its
        explicit data, the call), which carries no signature of its own.
        UnsupportedError on a chain without extrinsic version 5."""
        return _n.tx_general(self._handle(), extension_version)

__all__ = ["Tx", "Era", "era_mortal", "era_decode", "era_birth", "extrinsic_hash", "PAYLOAD_HASH_THRESHOLD"]
