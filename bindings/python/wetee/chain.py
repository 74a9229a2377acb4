"""Chain client (wetee/chain.h): connect to a Substrate node, read state,
estimate fees, sign with the chain's nonce, submit and watch.

::

    with wetee.Chain("ws://127.0.0.1:9944") as chain:
        print(chain.spec_version, chain.token_symbol, chain.balance(alice.address(42)))
        outcome = chain.transfer(alice, bob_address, 10**12)          # blocks (GIL released)
        outcome = await chain.transfer_async(alice, bob_address, 10**12)  # asyncio
        with chain.blocks() as blocks:                                    # new, finalized, retracted blocks
            for kind, block in blocks: ...                                # or: async for kind, block in blocks

Values are given and returned as in :mod:`wetee.metadata` (dicts, lists,
ints of any size). Every call that talks to the node releases the GIL while
it waits, so other threads run; the ``*_async`` methods run the blocking
call in the event loop's default executor, so an asyncio program stays
responsive. A :class:`Chain` may be used from several threads.
"""

import asyncio
import functools
import json
import threading

from ._errors import StateError, TimedOutError
from . import native as _n
from .metadata import _dumps

RPC_AUTO = _n.CHAIN_RPC_AUTO
RPC_LEGACY = _n.CHAIN_RPC_LEGACY
RPC_NEW = _n.CHAIN_RPC_NEW
IN_BLOCK = _n.TX_IN_BLOCK
FINALIZED = _n.TX_FINALIZED
# what a block subscription reports (see Blocks)
BLOCK_NEW = _n.BLOCK_NEW
BLOCK_FINALIZED = _n.BLOCK_FINALIZED
BLOCK_RETRACTED = _n.BLOCK_RETRACTED
BLOCK_GAP = _n.BLOCK_GAP
BLOCK_STOPPED = _n.BLOCK_STOPPED


def _j(value):
    return None if value is None else _dumps(value)


def _key_handle(kp):
    return kp._handle()


class Watch:
    """A submitted transaction being watched (:meth:`Chain.submit_watch`)."""

    def __init__(self, chain_handle, handle):
        self._chain_h = chain_handle  # the C chain outlives the watch even if the Chain is closed
        self._h = handle

    def wait(self, until=FINALIZED, timeout_ms=120000):
        """Wait until the transaction is in a block (``IN_BLOCK``) or
        finalized (``FINALIZED``); returns the outcome dict (``status``,
        ``hash``, ``block``, ``blockNumber``, ``index``, ``success``,
        ``error`` with pallet and error name, ``events``). RpcError when the
        node reports it invalid or dropped (the message has its reason),
        TimeoutError, NetworkError when the connection was lost."""
        if self._h is None:
            raise StateError("chain: watch closed")
        return json.loads(_n.chain_watch_wait(self._h, until, timeout_ms))

    async def wait_async(self, until=FINALIZED, timeout_ms=120000):
        """:meth:`wait` as an awaitable (runs in the loop's executor)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, functools.partial(self.wait, until, timeout_ms))

    def close(self):
        """Stop watching."""
        self._h = None
        self._chain_h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Blocks:
    """A block subscription (:meth:`Chain.blocks`). Reports are
    ``(kind, value)``: ``BLOCK_NEW`` (``{"hash", "number", "parent"}`` and
    ``"events"`` when asked for), ``BLOCK_FINALIZED``, ``BLOCK_RETRACTED``
    (a block reported before left the best chain: its events are
    withdrawn), ``BLOCK_GAP`` (blocks may have been missed) and, last,
    ``BLOCK_STOPPED``. A block's parent is reported before it.

    Iterate (``for kind, block in blocks``), iterate asynchronously (``async
    for``; the wait runs in the loop's executor), call :meth:`next`, or give
    a ``callback(kind, value)`` to :meth:`Chain.blocks`, which then runs on
    a thread of this object. The waits release the GIL."""

    def __init__(self, chain_handle, q, callback=None):
        self._chain_h = chain_handle  # the C chain outlives the subscription
        self._q = q
        self._closing = False
        self._thread = None
        if callback is not None:
            self._thread = threading.Thread(target=self._run, args=(callback,), daemon=True,
                                            name="wetee-chain-blocks")
            self._thread.start()

    def _handle(self):
        q = self._q
        if q is None:
            raise StateError("chain: the block subscription is closed")
        return q

    def next(self, timeout_ms=0):
        """The next report ``(kind, value)``; blocks (GIL released) up to
        ``timeout_ms`` (0: until one comes). TimedOutError when none came;
        StateError after ``BLOCK_STOPPED`` was taken or once closed."""
        kind, text = _n.chain_blockq_next(self._handle(), timeout_ms)
        return kind, (json.loads(text) if text else None)

    def _next_polling(self, timeout_ms=0):
        # short waits, so that close() is seen soon
        waited = 0
        while True:
            if self._closing:
                raise StateError("chain: the block subscription is closed")
            try:
                return self.next(200)
            except TimedOutError:
                waited += 200
                if timeout_ms and waited >= timeout_ms:
                    raise

    def _run(self, callback):
        while True:
            try:
                kind, value = self._next_polling()
            except StateError:
                return
            callback(kind, value)
            if kind == BLOCK_STOPPED:
                return

    def __iter__(self):
        while True:
            try:
                kind, value = self._next_polling()
            except StateError:
                return
            yield kind, value
            if kind == BLOCK_STOPPED:
                return

    def __aiter__(self):
        return self

    async def __anext__(self):
        loop = asyncio.get_running_loop()
        while True:
            if self._closing or self._q is None:
                raise StopAsyncIteration
            try:
                return await loop.run_in_executor(None, self.next, 200)
            except TimedOutError:
                continue
            except StateError:
                raise StopAsyncIteration

    def close(self):
        """Stop following (no report is given after it returns, except to
        a callback already running)."""
        self._closing = True
        t = self._thread
        if t is not None and t is not threading.current_thread():
            t.join()
        self._thread = None
        q, self._q = self._q, None
        del q  # the SWIG proxy frees the subscription here (or when a call still using it returns) ...
        self._chain_h = None  # ... before the chain it refers to can go

    def __del__(self):
        try:
            self.close()
        except Exception:  # pragma: no cover - interpreter shutdown
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Chain:
    """A connection to a chain, with its genesis hash, runtime version,
    metadata and properties (see chain.h). ``rpc_spec``: ``RPC_AUTO``,
    ``RPC_LEGACY`` or ``RPC_NEW``; ``metadata_path`` reads the metadata
    from a file; ``cache_dir`` keeps fetched metadata per spec version."""

    def __init__(self, urls, rpc_spec=RPC_AUTO, metadata_path=None, cache_dir=None, timeout_ms=0):
        self._h = _n.chainb_connect(urls, rpc_spec, metadata_path, cache_dir, timeout_ms)

    def _handle(self):
        if self._h is None:
            raise StateError("chain: closed")
        return self._h

    def close(self):
        """Disconnect (watches keep the connection until they are gone)."""
        self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- connection facts ----
    @property
    def genesis_hash(self):
        return _n.chainb_genesis_hash(self._handle())

    @property
    def spec_version(self):
        return _n.chainb_spec_version(self._handle())

    @property
    def transaction_version(self):
        return _n.chainb_transaction_version(self._handle())

    @property
    def ss58_prefix(self):
        return _n.chainb_ss58(self._handle())

    @property
    def token_decimals(self):
        return _n.chainb_decimals(self._handle())

    @property
    def token_symbol(self):
        return _n.chainb_symbol(self._handle())

    @property
    def uses_new_rpc(self):
        """True when the new JSON-RPC spec (chainHead_v1, transaction_v1) is used."""
        return bool(_n.chainb_uses_new_rpc(self._handle()))

    @property
    def stats(self):
        """Counters: which JSON-RPC methods served the reads
        (``head_storage``, ``head_calls``, ``legacy_storage``,
        ``legacy_calls``, ``head_fallbacks``, ...; see wetee_chain_stats)."""
        return json.loads(_n.chainb_stats_json(self._handle()))

    def refresh(self):
        """Read the runtime version again; True after a runtime upgrade (the new metadata is loaded)."""
        return _n.chain_refresh(self._handle())

    # ---- state ----
    def request(self, method, params=None):
        """Any JSON-RPC method; the decoded ``result``."""
        return json.loads(_n.chainb_request(self._handle(), method, _j(params)))

    def account_nonce(self, address):
        return _n.chain_account_nonce(self._handle(), address)

    def balance(self, address):
        """Free balance of an account at the best block."""
        return _n.chain_balance(self._handle(), address)

    def block_hash(self, number=-1):
        """Hash of block ``number`` (-1: the best block, -2: the last finalized), as bytes."""
        return _n.chainb_block_hash(self._handle(), number)

    def header(self, at=None):
        """A block header as the node gives it (``chain_getHeader``)."""
        return json.loads(_n.chainb_header_json(self._handle(), at))

    def storage_raw(self, key, at=None):
        """The raw value of a storage key (bytes, or "0x.." text), or None when it has none."""
        if isinstance(key, (bytes, bytearray)):
            key = "0x" + bytes(key).hex()
        v = json.loads(_n.chainb_storage_raw(self._handle(), key, at))
        return None if v is None else bytes.fromhex(v[2:])

    def storage(self, pallet, entry, keys=None, at=None):
        return json.loads(_n.chainb_storage_json(self._handle(), pallet, entry, _j(keys), at))

    def storage_entries(self, pallet, entry, prefix_keys=None, count=100, start_key=None, at=None):
        """One page of a map: ``[{"key", "keys", "value"}]``; continue after the last ``key``."""
        return json.loads(_n.chainb_entries_json(self._handle(), pallet, entry, _j(prefix_keys), count, start_key, at))

    def constant(self, pallet, name):
        return json.loads(_n.chainb_constant_json(self._handle(), pallet, name))

    def runtime_call(self, api, method, args=None, at=None):
        """A runtime API call by name with arguments in order (list) or by name (dict)."""
        return json.loads(_n.chainb_runtime_call_json(self._handle(), api, method, _j(args), at))

    def events(self, at=None):
        return json.loads(_n.chainb_events_json(self._handle(), at))

    # ---- transactions ----
    def sign(self, keypair, pallet, call, args=None, mortal_period=0):
        """``pallet.call(args)`` for the current runtime, signed with the
        chain's nonce for ``keypair`` (mortal from the best block when
        ``mortal_period`` is non-zero); the extrinsic bytes."""
        return _n.chainb_sign_call(self._handle(), pallet, call, _j(args) or "", _key_handle(keypair), mortal_period)

    def fee_info(self, extrinsic):
        return json.loads(_n.chain_fee_info_json(self._handle(), extrinsic))

    def fee_details(self, extrinsic):
        return json.loads(_n.chain_fee_details_json(self._handle(), extrinsic))

    def estimate_fee(self, extrinsic):
        """The ``partial_fee`` of :meth:`fee_info` as an int."""
        return _n.chain_estimate_fee(self._handle(), extrinsic)

    # ---- blocks ----
    def blocks(self, events=False, callback=None):
        """Follow the chain's blocks (see :class:`Blocks`); ``events``:
        give each new block's events; ``callback(kind, value)``: called on
        the subscription's thread instead of iterating."""
        h = self._handle()
        q = _n.chain_blockq_subscribe(h, _n.FOLLOW_EVENTS if events else 0)
        return Blocks(h, q, callback)

    def submit(self, extrinsic):
        """Submit without watching; the transaction hash."""
        return _n.chainb_submit(self._handle(), extrinsic)

    def submit_watch(self, extrinsic):
        h = self._handle()
        return Watch(h, _n.chainb_submit_watch(h, extrinsic))

    def submit_and_watch(self, extrinsic, until=FINALIZED, timeout_ms=120000):
        with self.submit_watch(extrinsic) as w:
            return w.wait(until, timeout_ms)

    async def submit_and_watch_async(self, extrinsic, until=FINALIZED, timeout_ms=120000):
        """:meth:`submit_and_watch` as an awaitable."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            None, functools.partial(self.submit_and_watch, extrinsic, until, timeout_ms))

    def transfer(self, keypair, dest, amount, allow_death=False, until=FINALIZED, timeout_ms=120000):
        """Balances.transfer_keep_alive (or transfer_allow_death) signed,
        submitted and watched; the outcome dict."""
        return json.loads(_n.chainb_transfer(self._handle(), _key_handle(keypair), dest, amount,
                                             1 if allow_death else 0, until, timeout_ms))

    async def transfer_async(self, keypair, dest, amount, allow_death=False, until=FINALIZED, timeout_ms=120000):
        """:meth:`transfer` as an awaitable."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            None, functools.partial(self.transfer, keypair, dest, amount, allow_death, until, timeout_ms))
