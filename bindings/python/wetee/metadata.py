"""Runtime metadata V14, V15 and V16 (wetee/metadata.h).

:class:`Metadata` parses the output of ``state_getMetadata`` or
``Metadata_metadata_at_version`` (bytes, or the JSON-RPC hex string) and
enumerates its pallets with their calls, events, errors, storage entries
and constants, and its runtime APIs. The object model (:class:`Pallet`,
:class:`Variant`, ...) is made of plain immutable Python values built from
the parsed metadata on first use.

Values cross as JSON in libwetee's mapping (polkadot.js shapes, see
docs/metadata.md), turned into Python values: objects are dicts, arrays
lists, enums ``"Variant"`` or ``{"Variant": fields}``, bytes ``"0x..."``
strings, accounts SS58 strings. Integers are Python ``int`` of any size:
on input they may be ints (those beyond 2^53 - 1 in magnitude are handed to
libwetee as decimal strings), decimal or ``0x`` strings; on output every value whose
registry type is an integer is an ``int`` (the JSON mapping writes those
beyond 2^53 - 1 as decimal strings; they are converted back by walking the
registry type). ``bytes`` on input become ``0x`` hex.
"""

import collections
import enum
import json
import re

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

TxExtension = collections.namedtuple("TxExtension", "identifier type implicit_type")
TxExtension.__doc__ = """A transaction extension: identifier ("CheckNonce"), explicit type id (in the
extrinsic), implicit type id (only in the signing payload)."""


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

    # ---- values (wetee/value.h), through the JSON mapping ----

    def encode(self, type_id, value):
        """SCALE bytes of ``value`` as registry type ``type_id``. Errors
        (DecodeError, OutOfRangeError) name the path: ``dest.Id: expected 32 bytes, got 31``."""
        return _n.mdb_encode(self._handle(), type_id, _dumps(value))

    def decode(self, type_id, data, *, camel_case=False):
        """The value of registry type ``type_id`` in ``data`` (all of it)."""
        return self._ints(json.loads(_n.mdb_decode(self._handle(), type_id, data, int(camel_case))), type_id)

    def encode_call(self, pallet, call, args=None):
        """Call bytes (pallet index, call index, arguments) of ``pallet.call``
        with ``args`` a dict of named arguments (or a list in order; None when
        the call has none). NotFoundError for an unknown pallet or call."""
        return _n.mdb_call_encode(self._handle(), pallet, call, "" if args is None else _dumps(args))

    def decode_call(self, data, *, camel_case=False):
        """``{"pallet": ..., "call": ..., "args": {...}}`` of call bytes."""
        h = self._handle()
        out = json.loads(_n.mdb_call_decode(h, data, int(camel_case)))
        fields = self._variant_fields(out.get("pallet"), _CALLS, out.get("call"))
        if fields is not None:
            out["args"] = self._fields(out.get("args"), fields)
        return out

    def _storage(self, pallet, entry):
        h = self._handle()
        p = _n.mdb_pallet_position(h, pallet)
        if p < 0:
            raise KeyError(f"no pallet {pallet!r}")
        for j in range(_n.mdb_storage_count(h, p)):
            if _n.mdb_storage_name(h, p, j) == entry:
                return h, p, j
        raise KeyError(f"{pallet} has no storage entry {entry!r}")

    def storage_key(self, pallet, entry, *keys):
        """The storage key of ``pallet.entry`` for ``keys`` (one per hasher;
        fewer give the prefix to iterate under)."""
        h, p, j = self._storage(pallet, entry)
        return _n.mdb_storage_key(h, p, j, _dumps(list(keys)))

    def decode_storage(self, pallet, entry, data, *, camel_case=False):
        """The value of ``pallet.entry`` in ``data``; ``data=None`` (no value
        in storage) gives the default, or None for Optional entries."""
        h, p, j = self._storage(pallet, entry)
        text = _n.mdb_storage_decode(h, p, j, b"" if data is None else data, int(data is None), int(camel_case))
        return self._ints(json.loads(text), _n.mdb_storage_value_type(h, p, j))

    def decode_events(self, data, *, camel_case=False):
        """The events of a ``System.Events`` value: a list of
        ``{"phase", "pallet", "event", "fields", "topics"}`` dicts."""
        events = json.loads(_n.mdb_events_decode(self._handle(), data, int(camel_case)))
        for ev in events:
            fields = self._variant_fields(ev.get("pallet"), _EVENTS, ev.get("event"))
            if fields is not None and "fields" in ev:
                ev["fields"] = self._fields(ev["fields"], fields)
        return events

    def decode_dispatch_error(self, data, *, camel_case=False):
        """A ``DispatchError`` as ``{"kind", "pallet", "error", "docs", ...}``."""
        return json.loads(_n.mdb_dispatch_error(self._handle(), data, int(camel_case)))

    def constant_value(self, pallet, name, *, camel_case=False):
        """The decoded value of constant ``pallet.name``."""
        c = self.pallet(pallet).constant(name)
        return self.decode(c.type, c.value, camel_case=camel_case)

    # integer-typed positions of decoded JSON back to int (see the module doc)

    def _variant_fields(self, pallet, kind, name):
        h = self._handle()
        p = _n.mdb_pallet_position(h, pallet) if isinstance(pallet, str) else -1
        if p < 0:
            return None
        for j in range(_n.mdb_variant_count(h, p, kind)):
            if _n.mdb_variant_name(h, p, kind, j) == name:
                return tuple((_n.mdb_field_name(h, p, kind, j, k), _n.mdb_field_type(h, p, kind, j, k))
                             for k in range(_n.mdb_field_count(h, p, kind, j)))
        return None

    def _ints(self, x, tid):
        return _IntWalker(self._handle()).value(x, tid)

    def _fields(self, x, fields):
        return _IntWalker(self._handle()).fields(x, fields)

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

    # ---- extrinsics (wetee/tx.h; building: wetee.Tx) ----

    @property
    def extrinsic_versions(self):
        """Extrinsic format versions the metadata lists (``(4,)``, or ``(4, 5)`` for V16 chains)."""
        h = self._handle()
        return tuple(_n.txb_extrinsic_version(h, i) for i in range(_n.txb_extrinsic_version_count(h)))

    @property
    def tx_extensions(self):
        """``{extension_version: (TxExtension, ...)}``: the transaction
        extensions of each extension version in order (before V16 only
        version 0, which v4 transactions use), with their explicit and
        implicit type ids."""
        h = self._handle()
        out = {}
        for i in range(_n.txb_extension_version_count(h)):
            out[_n.txb_extension_version(h, i)] = tuple(
                TxExtension(_n.txb_extension_identifier(h, i, j), _n.txb_extension_type(h, i, j),
                            _n.txb_extension_implicit_type(h, i, j))
                for j in range(_n.txb_extension_count(h, i)))
        return out

    def decode_extrinsic(self, data, *, camel_case=False):
        """Decode any extrinsic (with its length prefix, as in a block or as
        :class:`wetee.Tx` makes it): a dict with ``version`` (4 or 5),
        ``type`` ("bare", "signed" or "general"), for signed ones ``address``
        and ``signature``, ``extensions`` by identifier (CheckMortality as
        "immortal" or ``{"mortal": {"period", "phase"}}``; zero-sized ones
        None), for v5 general ones ``extension_version``, ``call``
        (``{"pallet", "call", "args"}``) and ``hash`` ("0x..."). Errors
        (TruncatedError, TrailingError, DecodeError) name the part and offset."""
        h = self._handle()
        out = json.loads(_n.txb_decode(h, data, int(camel_case)))
        self._tx_ints(out, "extensions", 1)
        w = _IntWalker(h)
        for key, which in (("address", 0), ("signature", 2)):
            if key in out:
                t = _n.txb_extrinsic_type(h, which)
                if t != NO_TYPE:
                    out[key] = w.value(out[key], t)
        out["call"] = self._call_ints(out.get("call"))
        return out

    def decode_signing_payload(self, payload, *, camel_case=False):
        """Decode an unhashed v4 signing payload (``Tx.signing_payload(raw=True)``):
        ``{"call": {"pallet", "call", "args"}, "extensions": {explicit parts},
        "implicit": {implicit parts}}``. A payload longer than 256 bytes is
        signed as its hash, which cannot be decoded: give the raw one."""
        h = self._handle()
        out = json.loads(_n.txb_payload_decode(h, payload, int(camel_case)))
        self._tx_ints(out, "extensions", 1)
        self._tx_ints(out, "implicit", 2)
        out["call"] = self._call_ints(_call_form(out.get("call")))
        return out

    def _tx_ints(self, out, key, part):
        parts = out.get(key)
        if not isinstance(parts, dict):
            return
        types = {}
        for exts in self.tx_extensions.values():
            for e in exts:
                types.setdefault(e.identifier, e[part])
        w = _IntWalker(self._handle())
        for name, v in parts.items():
            t = types.get(name, NO_TYPE)
            if t != NO_TYPE and not (part == 1 and name in ("CheckMortality", "CheckEra")):
                parts[name] = w.value(v, t)

    def _call_ints(self, call):
        if isinstance(call, dict):
            fields = self._variant_fields(call.get("pallet"), _CALLS, call.get("call"))
            if fields is not None and "args" in call:
                call["args"] = self._fields(call["args"], fields)
        return call

    # ---- RFC-0078 proofs for an external signer ----

    def proof_for_extrinsic(self, extrinsic, decimals, token_symbol, *, implicit=None):
        """The RFC-0078 proof a hardware signer receives for a v4
        ``extrinsic`` (SCALE ``Proof`` ‖ reduced ``ExtrinsicMetadata`` ‖
        ``ExtraInfo``), from which it recomputes :meth:`hash`. ``implicit``
        is the implicit extension data of the signing payload, whose types are
        then included (None: left out). V15 metadata only."""
        return _n.txb_proof_for_extrinsic(self._handle(), decimals, token_symbol, extrinsic,
                                          b"" if implicit is None else implicit, int(implicit is not None))

    def proof_for_payload(self, payload, decimals, token_symbol):
        """The RFC-0078 proof for an unhashed v4 signing payload
        (``Tx.signing_payload(raw=True)``): the leaves of the call and of the
        explicit and implicit extension data. V15 metadata only."""
        return _n.txb_proof_for_payload(self._handle(), decimals, token_symbol, payload)

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


_BIG = 1 << 53


def _jsonable(v):
    if v is None or isinstance(v, (bool, str, float)):
        return v
    if isinstance(v, int):
        return str(v) if not -_BIG < v < _BIG else v
    if isinstance(v, (bytes, bytearray, memoryview)):
        return "0x" + bytes(v).hex()
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, enum.Enum):
        return v.name
    raise TypeError(f"cannot pass a {type(v).__name__} as a value")


def _dumps(v):
    return json.dumps(_jsonable(v), separators=(",", ":"), allow_nan=False)


_DECIMAL = re.compile(r"-?[0-9]+")
_KIND_COMPOSITE, _KIND_VARIANT, _KIND_SEQUENCE, _KIND_ARRAY, _KIND_TUPLE, _KIND_PRIMITIVE, _KIND_COMPACT = range(7)
_PRIM_U8 = 3


def _same_name(json_key, name):
    """A JSON key matches a metadata name as is or camelCased."""
    return json_key == name or json_key.replace("_", "").lower() == name.replace("_", "").lower()


class _IntWalker:
    """Walks decoded JSON along its registry type and turns every value whose
    type is an integer into an int (the mapping writes those beyond 2^53 - 1
    as decimal strings). Anything that does not have the expected shape is
    left as it is."""

    def __init__(self, h):
        self.h = h

    def fields(self, x, fields):
        if not fields:
            return x
        if all(name for name, _ in fields):
            if not isinstance(x, dict):
                return x
            out = {}
            for k, v in x.items():
                t = next((ft for name, ft in fields if _same_name(k, name)), None)
                out[k] = self.value(v, t) if t is not None else v
            return out
        if len(fields) == 1:
            return self.value(x, fields[0][1])
        if isinstance(x, list) and len(x) == len(fields):
            return [self.value(v, ft) for v, (_, ft) in zip(x, fields)]
        return x

    def value(self, x, tid, depth=0):
        h = self.h
        if depth > 128:
            return x
        kind = _n.mdb_type_kind(h, tid)
        if kind == _KIND_PRIMITIVE:
            prim = _n.mdb_type_primitive(h, tid)
            if prim >= _PRIM_U8 and isinstance(x, str) and _DECIMAL.fullmatch(x):
                return int(x)
            return x
        if kind == _KIND_COMPACT:
            return self.value(x, _n.mdb_type_elem(h, tid), depth + 1)
        if kind in (_KIND_SEQUENCE, _KIND_ARRAY):
            if isinstance(x, list):
                elem = _n.mdb_type_elem(h, tid)
                return [self.value(v, elem, depth + 1) for v in x]
            return x
        if kind == _KIND_TUPLE:
            n = _n.mdb_type_tuple_len(h, tid)
            if n == 1:
                return self.value(x, _n.mdb_type_tuple_elem(h, tid, 0), depth + 1)
            if isinstance(x, list) and len(x) == n:
                return [self.value(v, _n.mdb_type_tuple_elem(h, tid, i), depth + 1) for i, v in enumerate(x)]
            return x
        if kind == _KIND_COMPOSITE:
            fields = tuple((_n.mdb_type_field_name(h, tid, k), _n.mdb_type_field_type(h, tid, k))
                           for k in range(_n.mdb_type_field_count(h, tid)))
            return self.fields(x, fields)
        if kind == _KIND_VARIANT:
            names = [_n.mdb_type_variant_name(h, tid, j) for j in range(_n.mdb_type_variant_count(h, tid))]
            if names == ["None", "Some"] and _n.mdb_type_path(h, tid) == "Option":
                return None if x is None else self.value(x, _n.mdb_type_variant_field_type(h, tid, 1, 0), depth + 1)
            if isinstance(x, dict) and len(x) == 1:
                (k, v), = x.items()
                for j, name in enumerate(names):
                    if _same_name(k, name):
                        fields = tuple((_n.mdb_type_variant_field_name(h, tid, j, f),
                                        _n.mdb_type_variant_field_type(h, tid, j, f))
                                       for f in range(_n.mdb_type_variant_field_count(h, tid, j)))
                        return {k: self.fields(v, fields)}
            return x
        return x


def _call_form(call):
    """``{"Pallet": {"call": args}}`` (a call as a value of the outer Call
    enum) as ``{"pallet": ..., "call": ..., "args": ...}``."""
    if isinstance(call, dict) and len(call) == 1:
        (pallet, inner), = call.items()
        if isinstance(inner, str):
            return {"pallet": pallet, "call": inner, "args": {}}
        if isinstance(inner, dict) and len(inner) == 1:
            (name, args), = inner.items()
            return {"pallet": pallet, "call": name, "args": args}
    return call


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
           "RuntimeApi", "TxExtension", "NO_TYPE"]
