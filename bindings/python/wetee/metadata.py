"""Runtime metadata V14, V15 and V16 (wetee/metadata.h).

:class:`Metadata` parses the output of ``state_getMetadata`` or
``Metadata_metadata_at_version`` (bytes, or the JSON-RPC hex string) and
enumerates its pallets with their calls, events, errors, storage entries
and constants, and its runtime APIs. The object model (:class:`Pallet`,
:class:`Variant`, ...) is made of plain immutable Python values built from
the parsed metadata on first use.
"""

import collections
import enum

from ._errors import StateError
from . import native as _n

NO_TYPE = _n.METADATA_NO_TYPE
"""Type id meaning "no type" (e.g. the key type of a plain storage entry)."""


class StorageHasher(enum.IntEnum):
    """Storage hashers, in frame-metadata order."""

    BLAKE2_128 = 0
    BLAKE2_256 = 1
    BLAKE2_128_CONCAT = 2
    TWOX128 = 3
    TWOX256 = 4
    TWOX64_CONCAT = 5
    IDENTITY = 6


class StorageModifier(enum.IntEnum):
    """Whether an absent storage value is None or the entry's default."""

    OPTIONAL = 0
    DEFAULT = 1


Field = collections.namedtuple("Field", "name type type_name")
Field.__doc__ = """A call / event / error argument: name (None when unnamed), type id, Rust type name (or None)."""

Variant = collections.namedtuple("Variant", "name index fields docs")
Variant.__doc__ = """A call, event or error: name, index byte, fields (tuple of Field), docs (str)."""

StorageEntry = collections.namedtuple("StorageEntry", "name modifier hashers key_type value_type default")
StorageEntry.__doc__ = """A storage entry: name, StorageModifier, hashers (tuple of StorageHasher),
key type id (NO_TYPE for plain entries), value type id, default value bytes (SCALE)."""

Constant = collections.namedtuple("Constant", "name type value")
Constant.__doc__ = """A pallet constant: name, type id, value (SCALE bytes)."""

RuntimeApi = collections.namedtuple("RuntimeApi", "name methods")
RuntimeApi.__doc__ = """A runtime API (V15+): name and method names (tuple of str)."""


class Pallet(collections.namedtuple("Pallet", "name index calls events errors storage_prefix storage constants")):
    """A pallet: name, index byte, calls / events / errors (tuples of
    Variant), storage prefix, storage entries and constants (tuples)."""

    __slots__ = ()

    def call(self, name):
        """The call called ``name``; KeyError when absent."""
        return _by_name(self.calls, name, self.name + " has no call")

    def event(self, name):
        """The event called ``name``; KeyError when absent."""
        return _by_name(self.events, name, self.name + " has no event")

    def error(self, name):
        """The error called ``name``; KeyError when absent."""
        return _by_name(self.errors, name, self.name + " has no error")

    def storage_entry(self, name):
        """The storage entry called ``name``; KeyError when absent."""
        return _by_name(self.storage, name, self.name + " has no storage entry")

    def constant(self, name):
        """The constant called ``name``; KeyError when absent."""
        return _by_name(self.constants, name, self.name + " has no constant")


def _by_name(items, name, what):
    for it in items:
        if it.name == name:
            return it
    raise KeyError(f"{what} {name!r}")


_CALLS, _EVENTS, _ERRORS = _n.MD_CALLS, _n.MD_EVENTS, _n.MD_ERRORS


class Metadata:
    """Parsed runtime metadata (immutable; may be shared by threads).

    Make one with :meth:`from_bytes`, :meth:`from_hex` or
    :meth:`from_rpc_response`. :meth:`close` (or
    leaving a ``with`` block) frees the C object at once; otherwise it is
    freed when garbage-collected. Enumerations made before :meth:`close`
    (:attr:`pallets`, :attr:`runtime_apis`) stay usable; anything that needs
    the C object raises StateError after it.
    """

    __slots__ = ("_h", "_pallets", "_apis", "__weakref__")

    def __init__(self, *args, **kwargs):
        raise TypeError("use Metadata.from_bytes() or Metadata.from_hex()")

    @classmethod
    def _wrap(cls, handle):
        self = object.__new__(cls)
        self._h = handle
        self._pallets = None
        self._apis = None
        return self

    @classmethod
    def from_bytes(cls, data, *, keep_docs=True):
        """Parse metadata bytes: RuntimeMetadataPrefixed ("meta" ...), the
        bare versioned form, OpaqueMetadata or Option<OpaqueMetadata>.
        Versions 14, 15 and 16; another gives UnsupportedError naming it."""
        return cls._wrap(_n.mdb_parse(data, 1 if keep_docs else 0))

    @classmethod
    def from_hex(cls, text, *, keep_docs=True):
        """Parse the hex text of ``state_getMetadata`` (with or without 0x)."""
        return cls._wrap(_n.mdb_parse_hex(text, 1 if keep_docs else 0))

    @classmethod
    def from_rpc_response(cls, text, *, keep_docs=True):
        """Parse a whole JSON-RPC response of ``state_getMetadata``
        (``{"jsonrpc": "2.0", "id": 1, "result": "0x6d657461..."}``)."""
        return cls._wrap(_n.mdb_parse_rpc(text, 1 if keep_docs else 0))

    def close(self):
        """Free the C object (idempotent)."""
        self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _handle(self):
        if self._h is None:
            raise StateError("metadata: closed")
        return self._h

    # ---- chain information ----

    @property
    def version(self):
        """Metadata version: 14, 15 or 16."""
        return _n.metadata_version(self._handle())

    @property
    def spec_name(self):
        """Spec name from System.Version ("polkadot"), or None."""
        return _n.metadata_spec_name(self._handle())

    @property
    def spec_version(self):
        """Spec version from System.Version; NotFoundError without it."""
        return _n.metadata_spec_version(self._handle())

    @property
    def transaction_version(self):
        """Transaction version from System.Version; NotFoundError without it."""
        return _n.metadata_transaction_version(self._handle())

    @property
    def ss58_prefix(self):
        """SS58 prefix from System.SS58Prefix; NotFoundError without it."""
        return _n.metadata_ss58_prefix(self._handle())

    @property
    def type_count(self):
        """Number of types in the portable registry."""
        return _n.metadata_type_count(self._handle())

    def type_path(self, type_id):
        """Path of a registry type ("sp_runtime::multiaddress::MultiAddress"; "" without one)."""
        return _n.mdb_type_path(self._handle(), type_id)

    # ---- RFC-0078 metadata hash ----

    def hash(self, decimals, token_symbol):
        """The RFC-0078 metadata hash (32 bytes) that ``CheckMetadataHash``
        signs in mode 1. Only V15 metadata (``Metadata_metadata_at_version(15)``)
        gives the chain's hash; V14 and V16 raise UnsupportedError. Spec name,
        spec version and SS58 prefix come from the metadata, ``decimals`` and
        ``token_symbol`` from the chain properties."""
        return _n.mdb_hash(self._handle(), decimals, token_symbol)

    def digest(self, decimals, token_symbol):
        """The SCALE ``MetadataDigest::V1`` whose BLAKE3 hash is :meth:`hash`."""
        return _n.mdb_digest(self._handle(), decimals, token_symbol)

    # ---- enumeration ----

    @property
    def pallets(self):
        """All pallets, in metadata order (tuple of Pallet)."""
        if self._pallets is None:
            h = self._handle()
            self._pallets = tuple(_pallet(h, p) for p in range(_n.metadata_pallet_count(h)))
        return self._pallets

    def pallet(self, name):
        """The pallet called ``name``; KeyError when absent."""
        return _by_name(self.pallets, name, "no pallet")

    @property
    def runtime_apis(self):
        """Runtime APIs with their method names (V15+; empty for V14)."""
        if self._apis is None:
            h = self._handle()
            self._apis = tuple(
                RuntimeApi(_n.mdb_api_name(h, a),
                           tuple(_n.mdb_api_method_name(h, a, m) for m in range(_n.mdb_api_method_count(h, a))))
                for a in range(_n.metadata_runtime_api_count(h)))
        return self._apis


def _variants(h, p, kind):
    out = []
    for j in range(_n.mdb_variant_count(h, p, kind)):
        fields = tuple(
            Field(_n.mdb_field_name(h, p, kind, j, k), _n.mdb_field_type(h, p, kind, j, k),
                  _n.mdb_field_type_name(h, p, kind, j, k))
            for k in range(_n.mdb_field_count(h, p, kind, j)))
        out.append(Variant(_n.mdb_variant_name(h, p, kind, j), _n.mdb_variant_index(h, p, kind, j), fields,
                           _n.mdb_variant_docs(h, p, kind, j)))
    return tuple(out)


def _pallet(h, p):
    storage = tuple(
        StorageEntry(_n.mdb_storage_name(h, p, j), StorageModifier(_n.mdb_storage_modifier(h, p, j)),
                     tuple(StorageHasher(_n.mdb_storage_hasher(h, p, j, k))
                           for k in range(_n.mdb_storage_hasher_count(h, p, j))),
                     _n.mdb_storage_key_type(h, p, j), _n.mdb_storage_value_type(h, p, j),
                     _n.mdb_storage_default(h, p, j))
        for j in range(_n.mdb_storage_count(h, p)))
    constants = tuple(
        Constant(_n.mdb_constant_name(h, p, j), _n.mdb_constant_type(h, p, j), _n.mdb_constant_value(h, p, j))
        for j in range(_n.mdb_constant_count(h, p)))
    return Pallet(_n.mdb_pallet_name(h, p), _n.mdb_pallet_index(h, p), _variants(h, p, _CALLS),
                  _variants(h, p, _EVENTS), _variants(h, p, _ERRORS), _n.mdb_storage_prefix(h, p), storage, constants)


__all__ = ["Metadata", "Pallet", "Variant", "Field", "StorageEntry", "StorageHasher", "StorageModifier", "Constant",
           "RuntimeApi", "NO_TYPE"]
