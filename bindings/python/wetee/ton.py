"""TON: cells, bags of cells, addresses, amounts, TON mnemonics and wallets.

Byte-identical with @ton/core / @ton/ton (see include/wetee/ton.h)::

    >>> from wetee import ton
    >>> cell = ton.Cell.from_boc(bytes.fromhex("b5ee9c7241010201000d00010800000001010008000000027d4b3cf8"))
    >>> str(cell)
    'x{00000001}\\n x{00000002}'
    >>> ton.address_parse("EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB")[0][:10]
    '0:2cf55953'
    >>> ton.amount_format(1_500_000_000)
    '1.5 GRAM'

Dictionaries (:class:`Dict`) hold ``HashmapE`` entries with integer keys.
Addresses are strings in any form (raw ``wc:hex`` or user-friendly); the
functions that return one give the raw form. Amounts are ``int`` nanotons.
Since 2026-06-01 the coin is branded Gram (GRAM) on the same TON network:
:func:`amount_format` shows the symbol you pass (default ``GRAM``) and
:func:`amount_parse` accepts both ``GRAM`` and ``TON``.
"""

import collections
import enum

from . import native as _n
from ._errors import NotFoundError, OutOfRangeError

HASH_BYTES = _n.TON_HASH_BYTES
CELL_MAX_BITS = _n.TON_CELL_MAX_BITS
CELL_MAX_REFS = _n.TON_CELL_MAX_REFS
DECIMALS = _n.TON_DECIMALS
NETWORK_MAINNET = _n.TON_NETWORK_MAINNET
NETWORK_TESTNET = _n.TON_NETWORK_TESTNET
SEND_PAY_FEES_SEPARATELY = _n.TON_SEND_PAY_FEES_SEPARATELY
SEND_IGNORE_ERRORS = _n.TON_SEND_IGNORE_ERRORS
SEND_DESTROY_IF_ZERO = _n.TON_SEND_DESTROY_IF_ZERO
SEND_CARRY_INBOUND_VALUE = _n.TON_SEND_CARRY_INBOUND_VALUE
SEND_CARRY_BALANCE = _n.TON_SEND_CARRY_BALANCE
SEND_DEFAULT = _n.TON_SEND_DEFAULT


class CellType(enum.IntEnum):
    """Ordinary cell or the exotic type (first data byte)."""
    ORDINARY = _n.TON_CELL_ORDINARY
    PRUNED_BRANCH = _n.TON_CELL_PRUNED_BRANCH
    LIBRARY = _n.TON_CELL_LIBRARY
    MERKLE_PROOF = _n.TON_CELL_MERKLE_PROOF
    MERKLE_UPDATE = _n.TON_CELL_MERKLE_UPDATE


class WalletVersion(enum.IntEnum):
    """Wallet contracts; V5R1 (W5) is the default."""
    V3R2 = _n.TON_WALLET_V3R2
    V4R2 = _n.TON_WALLET_V4R2
    V5R1 = _n.TON_WALLET_V5R1
    HIGHLOAD_V3 = _n.TON_WALLET_HIGHLOAD_V3


class Cell:
    """An immutable cell (shared with libwetee, freed with its last reference)."""

    __slots__ = ("_h",)

    def __init__(self, handle):
        self._h = handle

    @classmethod
    def from_boc(cls, data):
        """The root of a bag of cells with exactly one root (strict checks)."""
        return cls(_n.ton_boc_parse(data))

    @classmethod
    def from_base64(cls, text):
        """The root of a base64 (or base64url) bag of cells."""
        return cls(_n.ton_boc_parse_base64(text))

    def to_boc(self, *, crc32c=True, index=False):
        """Bag of cells bytes; the default (CRC32C, no index) is the form for sending."""
        flags = (_n.TON_BOC_CRC32C if crc32c else 0) | (_n.TON_BOC_INDEX if index else 0)
        return _n.ton_boc_serialize(self._h, flags)

    def hash(self, level=3):
        """Representation hash (32 bytes); ``level`` 0..3 for the lower-level hashes."""
        return _n.ton_cell_hash_at(self._h, level)

    def depth(self, level=3):
        return _n.ton_cell_depth_at(self._h, level)

    @property
    def bits(self):
        return _n.ton_cell_bits(self._h)

    @property
    def refs(self):
        return _n.ton_cell_refs(self._h)

    @property
    def type(self):
        return CellType(_n.ton_cell_type_of(self._h))

    @property
    def level(self):
        return _n.ton_cell_level(self._h)

    def data(self):
        """The data bits as bytes (MSB first, unused low bits zero)."""
        return _n.ton_cell_data(self._h)

    def ref(self, index):
        return Cell(_n.ton_cell_ref(self._h, index))

    def begin_parse(self):
        return Slice(self)

    def __eq__(self, other):
        return isinstance(other, Cell) and bool(_n.ton_cell_equal(self._h, other._h))

    def __hash__(self):
        return hash(self.hash())

    def __str__(self):
        return _n.ton_cell_to_string(self._h)

    def __repr__(self):
        return "Cell(%s)" % self.hash().hex()


class Builder:
    """A cell under construction; every ``store_*`` returns the builder."""

    __slots__ = ("_h",)

    def __init__(self):
        self._h = _n.ton_builder_new()

    @property
    def bits(self):
        return _n.ton_builder_bits(self._h)

    @property
    def refs(self):
        return _n.ton_builder_refs(self._h)

    def store_bit(self, bit):
        _n.ton_builder_store_bit(self._h, 1 if bit else 0)
        return self

    def store_uint(self, value, bits):
        """An unsigned big-endian integer of ``bits`` bits (any width; above 64 in parts)."""
        if bits > 64:
            if value < 0 or value >> bits:
                raise OutOfRangeError("ton: %d does not fit in %d bits" % (value, bits))
            first = bits % 64 or 64
            _n.ton_builder_store_uint(self._h, value >> (bits - first), first)
            for shift in range(bits - first - 64, -1, -64):
                _n.ton_builder_store_uint(self._h, (value >> shift) & ((1 << 64) - 1), 64)
            return self
        _n.ton_builder_store_uint(self._h, value, bits)
        return self

    def store_int(self, value, bits):
        _n.ton_builder_store_int(self._h, value, bits)
        return self

    def store_bytes(self, data):
        _n.ton_builder_store_bytes(self._h, data)
        return self

    def store_bits(self, data, bit_len):
        _n.ton_builder_store_bits(self._h, data, bit_len)
        return self

    def store_coins(self, nano):
        _n.ton_builder_store_coins(self._h, nano)
        return self

    def store_address(self, address):
        """``MsgAddressInt`` of an address in any form; ``None`` stores addr_none."""
        _n.ton_builder_store_address(self._h, address or "")
        return self

    def store_ref(self, cell):
        _n.ton_builder_store_ref(self._h, cell._h)
        return self

    def store_maybe_ref(self, cell):
        _n.ton_builder_store_maybe_ref(self._h, cell._h if cell is not None else None)
        return self

    def store_slice(self, s):
        _n.ton_builder_store_slice(self._h, s._h)
        return self

    def store_snake(self, data):
        """A snake string (``str`` is UTF-8 encoded), as @ton/core storeStringTail."""
        if isinstance(data, str):
            data = data.encode()
        _n.ton_builder_store_snake(self._h, data)
        return self

    def end(self):
        return Cell(_n.ton_builder_end(self._h))

    def end_exotic(self):
        return Cell(_n.ton_builder_end_exotic(self._h))


class Slice:
    """A read cursor over a cell; loads raise TruncatedError past the end."""

    __slots__ = ("_h",)

    def __init__(self, cell):
        self._h = _n.ton_slice_new(cell._h)

    @property
    def bits_left(self):
        return _n.ton_slice_bits_left(self._h)

    @property
    def refs_left(self):
        return _n.ton_slice_refs_left(self._h)

    def load_bit(self):
        return _n.ton_slice_load_bit(self._h)

    def load_uint(self, bits):
        v = 0
        while bits > 64:
            v = (v << 64) | _n.ton_slice_load_uint(self._h, 64)
            bits -= 64
        return (v << bits) | _n.ton_slice_load_uint(self._h, bits)

    def load_int(self, bits):
        v = self.load_uint(bits)
        return v - (1 << bits) if bits and v >> (bits - 1) else v

    def load_bits(self, bit_len):
        return _n.ton_slice_load_bits(self._h, bit_len)

    def load_coins(self):
        return _n.ton_slice_load_coins(self._h)

    def load_address(self):
        """Raw address text, or ``None`` for addr_none."""
        return _n.ton_slice_load_address(self._h) or None

    def load_ref(self):
        return Cell(_n.ton_slice_load_ref(self._h))

    def load_maybe_ref(self):
        h = _n.ton_slice_load_maybe_ref(self._h)
        return Cell(h) if h is not None else None

    def load_snake(self):
        return _n.ton_slice_load_snake(self._h)

    def skip(self, bits):
        _n.ton_slice_skip(self._h, bits)
        return self

    def end(self):
        """DecodeError unless everything was read."""
        _n.ton_slice_end(self._h)


class Dict:
    """A dictionary ``HashmapE n X`` with ``key_bits``-bit unsigned integer keys;
    values are Cells whose bits and references form the leaf value. Serialised
    exactly as @ton/core's Dictionary."""

    __slots__ = ("_h", "key_bits")

    def __init__(self, key_bits, _handle=None):
        self._h = _handle if _handle is not None else _n.ton_dict_new(key_bits)
        self.key_bits = key_bits

    def _key(self, key):
        if key < 0 or key >> self.key_bits:
            raise OutOfRangeError("ton: key %d does not fit %d bits" % (key, self.key_bits))
        nbytes = (self.key_bits + 7) // 8
        return (key << (nbytes * 8 - self.key_bits)).to_bytes(nbytes, "big")

    def _unkey(self, raw):
        return int.from_bytes(raw, "big") >> (len(raw) * 8 - self.key_bits)

    def __len__(self):
        return _n.ton_dict_count(self._h)

    def __setitem__(self, key, value):
        _n.ton_dict_set(self._h, self._key(key), value._h)

    def __getitem__(self, key):
        try:
            return Cell(_n.ton_dict_get(self._h, self._key(key)))
        except NotFoundError:
            raise KeyError(key) from None

    def __delitem__(self, key):
        try:
            _n.ton_dict_remove(self._h, self._key(key))
        except NotFoundError:
            raise KeyError(key) from None

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def items(self):
        """(key, value) pairs in ascending key order."""
        nbytes = (self.key_bits + 7) // 8
        for i in range(len(self)):
            raw, h = _n.ton_dict_entry(nbytes, self._h, i)
            yield self._unkey(raw), Cell(h)

    def root(self):
        """The root cell (``Hashmap``) of a non-empty dictionary."""
        return Cell(_n.ton_dict_root(self._h))

    def store(self, builder):
        """Append ``HashmapE`` (bit 0, or bit 1 and the root reference)."""
        _n.ton_builder_store_dict(builder._h, self._h)
        return builder

    @classmethod
    def from_root(cls, root, key_bits):
        return cls(key_bits, _n.ton_dict_from_root(root._h, key_bits))

    @classmethod
    def load(cls, s, key_bits):
        """Read ``HashmapE`` from a Slice."""
        return cls(key_bits, _n.ton_slice_load_dict(s._h, key_bits))


def address_parse(text):
    """``(raw, flags)``: the raw form and the flags of the form given
    (``ADDRESS_BOUNCEABLE``, ``ADDRESS_TESTNET``, ``ADDRESS_BASE64_STD``).
    DecodeError or ChecksumError (CRC16) on bad input."""
    return _n.ton_address_parse(text)


ADDRESS_BOUNCEABLE = _n.TON_ADDRESS_BOUNCEABLE
ADDRESS_TESTNET = _n.TON_ADDRESS_TESTNET
ADDRESS_BASE64_STD = _n.TON_ADDRESS_BASE64_STD


def address_to_friendly(address, *, bounceable=False, testnet=False, url_safe=True):
    """User-friendly form of an address in any form (wallets: non-bounceable ``UQ…``)."""
    flags = ((ADDRESS_BOUNCEABLE if bounceable else 0) | (ADDRESS_TESTNET if testnet else 0) |
             (0 if url_safe else ADDRESS_BASE64_STD))
    return _n.ton_address_format(address, flags)


def address_to_raw(address):
    return address_parse(address)[0]


def state_init(code, data):
    """The StateInit cell of (code, data)."""
    return Cell(_n.ton_state_init(code._h, data._h))


def contract_address(code, data, workchain=0):
    """Raw address of the contract with this code and data."""
    return _n.ton_state_init_address(workchain, code._h, data._h)


def amount_format(nano, symbol=None):
    """"1.5 GRAM" for 1500000000; ``symbol`` as given ("TON", "" for none), default GRAM."""
    return _n.ton_amount_format(nano, symbol)


def amount_parse(text):
    """Nanotons of "1.5", "1.5 GRAM", "1.5 TON" (either name, any case)."""
    return _n.ton_amount_parse(text)


def mnemonic_generate(password=""):
    """24 words of a new TON mnemonic (TON's scheme, not BIP-39)."""
    return _n.ton_mnemonic_generate(password)


def mnemonic_validate(words, password=""):
    """Raise DecodeError (unknown word) or ChecksumError (not a TON mnemonic)."""
    _n.ton_mnemonic_validate(words, password)


def mnemonic_to_seed(words, password=""):
    return _n.ton_mnemonic_to_seed(words, password)


def mnemonic_to_keypair(words, password=""):
    """``(secret, public)``: the 64-byte ed25519 secret (seed ‖ public) and the public key."""
    return _n.ton_mnemonic_to_keypair(words, password)


def comment(text):
    """A text comment body (op 0 and the text as a snake string)."""
    return Cell(_n.ton_comment(text))


def internal_message(to, value, *, bounce=True, body=None, init=None):
    """An internal message; ``body`` a Cell or a ``str`` comment; body and init
    inline or in references as @ton/core places them."""
    if isinstance(body, str):
        body = comment(body)
    return Cell(_n.ton_internal_message(to, value, 1 if bounce else 0,
                                        init._h if init is not None else None,
                                        body._h if body is not None else None))


def external_message(to, body, *, init=None, force_ref=False):
    return Cell(_n.ton_external_message(to, init._h if init is not None else None, body._h,
                                        _n.TON_EXTERNAL_FORCE_REF if force_ref else 0))


class Wallet:
    """A wallet contract of a public key: address, state init, signed transfers."""

    __slots__ = ("_h", "version", "workchain", "wallet_id")

    def __init__(self, public_key, version=WalletVersion.V5R1, *, workchain=0, wallet_id=None,
                 network=NETWORK_MAINNET, subwallet=0):
        version = WalletVersion(version)
        if wallet_id is None:
            if version == WalletVersion.V5R1:
                wallet_id = _n.ton_wallet_v5r1_id(network, workchain, subwallet)
            else:
                wallet_id = _n.ton_wallet_default_id(version, workchain, network) + subwallet
        self._h = _n.ton_wallet_new(version, public_key, workchain, wallet_id)
        self.version = version
        self.workchain = workchain
        self.wallet_id = wallet_id

    @property
    def address(self):
        """Raw address."""
        return _n.ton_wallet_address(self._h)

    def address_friendly(self, *, bounceable=False, testnet=False):
        return address_to_friendly(self.address, bounceable=bounceable, testnet=testnet)

    def state_init(self):
        return Cell(_n.ton_wallet_state_init(self._h))

    def transfer(self, secret, seqno, valid_until, messages, mode=SEND_DEFAULT):
        """The signed body; ``messages`` are Cells from :func:`internal_message` or
        ``(mode, cell)`` pairs."""
        t = _n.ton_transfer_new()
        for m in messages:
            mm, cell = m if isinstance(m, tuple) else (mode, m)
            _n.ton_transfer_add(t, mm, cell._h)
        return Cell(_n.ton_wallet_sign_transfer(self._h, secret, seqno, valid_until, t))

    def external(self, body, *, deploy=False):
        """The external message carrying ``body`` (with the state init when ``deploy``)."""
        return Cell(_n.ton_wallet_external(self._h, body._h, 1 if deploy else 0))

    def sign_payment(self, secret, seqno, valid_until, message, mode=SEND_DEFAULT):
        """Sign one message (e.g. from :func:`payment_message`; seqno 0 deploys
        the wallet): ``(external message, its TEP-467 normalised hash)``, the
        hash by which :meth:`wetee.toncenter.Toncenter.confirm` tracks it."""
        h, norm = _n.ton_wallet_sign_payment(self._h, secret, seqno, valid_until, mode, message._h)
        return Cell(h), norm


JETTON_ATTACHED_DEFAULT = _n.TON_JETTON_ATTACHED_DEFAULT  #: 0.05 TON attached to a jetton payment
JETTON_FORWARD_DEFAULT = _n.TON_JETTON_FORWARD_DEFAULT    #: 1 nanoton forwarded with the notification
MEMO_MAX_BYTES = _n.TON_MEMO_MAX_BYTES


def payment_message(to, amount, memo="", *, jetton_wallet=None, payer=None, bounce=True, query_id=0,
                    jetton_ton_amount=JETTON_ATTACHED_DEFAULT, forward_ton_amount=JETTON_FORWARD_DEFAULT,
                    response_destination=None):
    """The internal message of a payment with a memo: ``amount`` nanotons to
    ``to``, or with ``jetton_wallet`` (the payer's own jetton wallet) a TEP-74
    transfer of ``amount`` base units to the owner ``to`` with the memo in the
    forward payload (``payer`` is then needed: the excess returns to it)."""
    return Cell(_n.ton_payment_message(to, amount, memo, jetton_wallet, payer, 1 if bounce else 0, query_id,
                                       jetton_ton_amount, forward_ton_amount, response_destination))


def payment_memo(cell, *, is_message=True):
    """The memo of a payment message (or body with ``is_message=False``): a
    coin transfer's comment or the comment in a jetton transfer's or
    notification's forward payload; NotFoundError when there is none."""
    return _n.ton_payment_memo(cell._h, 1 if is_message else 0)


JETTON_DATA_STATUS = _n.TON_JETTON_DATA_STATUS
JETTON_DATA_CODE_REF = _n.TON_JETTON_DATA_CODE_REF


def jetton_transfer(amount, destination, *, response_destination=None, query_id=0, custom_payload=None,
                    forward_ton_amount=0, forward_payload=None, forward_inline=False):
    """A TEP-74 jetton transfer body (send it to your own jetton wallet);
    ``forward_payload`` a Cell or a ``str`` comment, by reference unless
    ``forward_inline``."""
    if isinstance(forward_payload, str):
        forward_payload = comment(forward_payload)
    return Cell(_n.ton_jetton_transfer(query_id, amount, destination, response_destination or "",
                                       custom_payload._h if custom_payload is not None else None,
                                       forward_ton_amount,
                                       forward_payload._h if forward_payload is not None else None,
                                       _n.TON_JETTON_FORWARD_INLINE if forward_inline else 0))


def jetton_wallet_address(owner, master, wallet_code, layout=JETTON_DATA_STATUS):
    """Raw address of ``owner``'s jetton wallet under ``master``, computed locally
    from the wallet code (often a library cell)."""
    return _n.ton_jetton_wallet_address(layout, owner, master, wallet_code._h)


class HighloadWallet(Wallet):
    """A highload wallet v3 (for services sending many payments); requests are
    identified by a query id (``shift << 10 | bit_number``, bit_number <= 1022)
    instead of a seqno."""

    __slots__ = ("timeout",)

    def __init__(self, public_key, *, workchain=0, subwallet_id=_n.TON_HIGHLOAD_SUBWALLET_DEFAULT,
                 timeout=_n.TON_HIGHLOAD_TIMEOUT_DEFAULT):
        self._h = _n.ton_wallet_new_highload_v3(public_key, workchain, subwallet_id, timeout)
        self.version = WalletVersion.HIGHLOAD_V3
        self.workchain = workchain
        self.wallet_id = subwallet_id
        self.timeout = timeout

    def transfer(self, secret, query_id, created_at, messages, mode=SEND_DEFAULT, value_per_batch=0):
        """The signed body of a batch (``messages`` as in :meth:`Wallet.transfer`)."""
        t = _n.ton_transfer_new()
        for m in messages:
            mm, cell = m if isinstance(m, tuple) else (mode, m)
            _n.ton_transfer_add(t, mm, cell._h)
        return Cell(_n.ton_highload_sign_batch(self._h, secret, query_id, created_at, t, value_per_batch))

    def transfer_one(self, secret, query_id, created_at, message, mode=SEND_DEFAULT):
        """The signed body of a request carrying one message directly."""
        return Cell(_n.ton_highload_sign_message(self._h, secret, query_id, created_at, mode, message._h))



# ---- tracking and TON Connect ----

ProofResult = collections.namedtuple("ProofResult", "public_key address payload")


def normalized_hash(message):
    """TEP-467 normalised hash of an external message Cell (what toncenter v3
    and other indexers look the transaction up by)."""
    return _n.ton_message_normalized_hash(message._h)


def state_init_public_key(state_init):
    """``(public_key, WalletVersion)`` from a wallet v3r2/v4r2/W5 StateInit Cell;
    UnsupportedError for other contracts."""
    pub, version = _n.ton_state_init_public_key(state_init._h)
    return pub, WalletVersion(version)


def proof_hash(address, domain, timestamp, payload):
    """The 32-byte digest a TON Connect wallet signs for ``ton_proof``."""
    if isinstance(payload, str):
        payload = payload.encode()
    return _n.ton_proof_hash(address, domain, timestamp, payload)


def proof_verify(reply_json, domain, now, max_age):
    """Verify a TON Connect ``ton_proof`` reply (the JSON the dApp front end
    forwards: address, proof {timestamp, domain, payload, signature,
    state_init}, optional public_key). Returns :class:`ProofResult`
    ``(public_key, address, payload)``; raises VerifyError (other domain,
    expired, wrong key or signature), DecodeError (malformed), UnsupportedError
    (not a known wallet). Check that you issued ``payload``."""
    pub, address, payload = _n.ton_proof_verify_json(reply_json, domain, now, max_age)
    return ProofResult(pub, address, payload)

__all__ = [
    "HASH_BYTES", "CELL_MAX_BITS", "CELL_MAX_REFS", "DECIMALS", "NETWORK_MAINNET", "NETWORK_TESTNET",
    "SEND_PAY_FEES_SEPARATELY", "SEND_IGNORE_ERRORS", "SEND_DESTROY_IF_ZERO", "SEND_CARRY_INBOUND_VALUE",
    "SEND_CARRY_BALANCE", "SEND_DEFAULT", "ADDRESS_BOUNCEABLE", "ADDRESS_TESTNET", "ADDRESS_BASE64_STD",
    "CellType", "WalletVersion", "Cell", "Builder", "Slice", "Dict",
    "address_parse", "address_to_friendly", "address_to_raw", "state_init", "contract_address",
    "amount_format", "amount_parse", "mnemonic_generate", "mnemonic_validate", "mnemonic_to_seed",
    "mnemonic_to_keypair", "comment", "internal_message", "external_message", "Wallet", "HighloadWallet",
    "JETTON_DATA_STATUS", "JETTON_DATA_CODE_REF", "jetton_transfer", "jetton_wallet_address",
    "ProofResult", "normalized_hash", "state_init_public_key", "proof_hash", "proof_verify",
]
