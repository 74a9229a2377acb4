"""JSON-RPC client (wetee/rpc.h): WebSocket and HTTP transports, many
requests in flight, per-request timeouts, subscriptions resumed after a
reconnect, reconnection with backoff and jitter, failover between endpoints.

    >>> from wetee.rpc import Rpc
    >>> with Rpc("ws://127.0.0.1:9944", request_timeout_ms=5000) as rpc:
    ...     genesis = rpc.call("chain_getBlockHash", [0])
    ...     with rpc.subscribe("chain_subscribeNewHeads", [], "chain_unsubscribeNewHeads") as heads:
    ...         for header in heads:            # notifications, parsed
    ...             print(header["number"])

Every blocking call releases the GIL while it waits, so other Python
threads run; ``await rpc.acall(...)`` and ``async for`` over a subscription
run the wait in a worker thread for asyncio. Errors are the exceptions of
:mod:`wetee` (``RpcError`` for the server's error object, ``TimedOutError``,
``NetworkError`` when the connection was lost: a request is never resent).

The client is safe to share between threads.
"""
import asyncio
import json
import threading
import weakref

from . import native as _n
from ._errors import StateError, TimedOutError

__all__ = ["Rpc", "Subscription", "Event", "transports",
           "TRANSPORT_WS", "TRANSPORT_HTTP", "TRANSPORT_CUSTOM"]

TRANSPORT_WS = _n.RPC_TRANSPORT_WS
TRANSPORT_HTTP = _n.RPC_TRANSPORT_HTTP
TRANSPORT_CUSTOM = _n.RPC_TRANSPORT_CUSTOM


def transports():
    """Mask of the transports this build has (TRANSPORT_WS | TRANSPORT_HTTP | TRANSPORT_CUSTOM)."""
    return _n.rpc_transports()


def _params(params):
    if params is None:
        return ""
    if isinstance(params, (str, bytes)):
        return params
    return json.dumps(params, separators=(",", ":"))


class Event:
    """Kinds of subscription events (wetee_rpc_sub_kind)."""
    NOTIFICATION = _n.RPC_SUB_NOTIFICATION
    LOST = _n.RPC_SUB_LOST
    RESUBSCRIBED = _n.RPC_SUB_RESUBSCRIBED
    CLOSED = _n.RPC_SUB_CLOSED


class Rpc:
    """A JSON-RPC client for one or more endpoints (space- or comma-separated
    URLs, all WebSocket or all HTTP). Options left at 0 take the library's
    defaults (see wetee_rpc_options)."""

    def __init__(self, urls, *, connect_timeout_ms=0, request_timeout_ms=0, ca_file=None, max_message_bytes=0,
                 reconnect_initial_ms=0, reconnect_max_ms=0, reconnect_limit=0, check_genesis=False, lazy=False,
                 no_jitter=False):
        flags = ((_n.RPC_CHECK_GENESIS if check_genesis else 0) | (_n.RPC_LAZY_CONNECT if lazy else 0)
                 | (_n.RPC_NO_JITTER if no_jitter else 0))
        self._lock = threading.Lock()
        self._subs = weakref.WeakSet()
        self._h = _n.rpc_open(urls, flags, connect_timeout_ms, request_timeout_ms, ca_file, max_message_bytes,
                              reconnect_initial_ms, reconnect_max_ms, reconnect_limit)

    def _handle(self):
        h = self._h
        if h is None:
            raise StateError("rpc: the client is closed")
        return h

    def close(self):
        """Close the subscriptions, then the connection; in-flight calls fail with NetworkError."""
        with self._lock:
            subs = list(self._subs)
        for s in subs:
            s.close()
        self._h = None  # the SWIG proxy frees the C client (wetee_rpc_free)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def call_raw(self, method, params_json="", timeout_ms=0):
        """Send a request; returns the result as the JSON text the server wrote."""
        return _n.rpc_call(self._handle(), method, params_json, timeout_ms)

    def call(self, method, params=None, timeout_ms=0):
        """Send a request (params: a list, a dict, JSON text or None) and return the parsed result."""
        return json.loads(self.call_raw(method, _params(params), timeout_ms))

    async def acall(self, method, params=None, timeout_ms=0):
        """call() for asyncio: the wait runs in a worker thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, self.call, method, params, timeout_ms)

    def subscribe(self, method, params=None, unsubscribe=None, *, no_resubscribe=False, timeout_ms=0):
        """Subscribe; returns a Subscription (iterate it for the notifications)."""
        flags = _n.RPC_SUB_NO_RESUBSCRIBE if no_resubscribe else 0
        q = _n.rpc_queue_subscribe(self._handle(), method, _params(params), unsubscribe, flags, timeout_ms)
        s = Subscription(self, q, method)
        with self._lock:
            self._subs.add(s)
        return s

    def reconnect(self):
        """Start connecting again after the client gave up."""
        _n.rpc_reconnect(self._handle())

    def stats(self):
        """Counters and state as a dict (wetee_rpc_stats)."""
        return json.loads(_n.rpc_stats_json(self._handle()))

    @property
    def url(self):
        """The URL of the current (or last) endpoint."""
        return _n.rpc_current_url(self._handle())

    @property
    def genesis_hash(self):
        """The genesis hash found by check_genesis=True, as "0x..." text."""
        return json.loads(_n.rpc_genesis_hash(self._handle()))


class Subscription:
    """One subscription. Iterating yields the notifications (parsed JSON);
    next_event() also returns the LOST / RESUBSCRIBED / CLOSED events."""

    def __init__(self, rpc, q, method):
        self._rpc = rpc  # keeps the client alive as long as this
        self._q = q
        self.method = method

    def _handle(self):
        if self._q is None:
            raise StateError("rpc: the subscription is closed")
        return self._q

    def next_event(self, timeout_ms=0):
        """The next event as (kind, value): kind is an Event constant; value
        the parsed notification, the new subscription id (RESUBSCRIBED), or
        None. Blocks (GIL released) up to timeout_ms (0: for ever); raises
        TimedOutError, or StateError once the subscription is closed and
        drained."""
        kind, text = _n.rpc_queue_next(self._handle(), timeout_ms)
        return kind, (json.loads(text) if text else None)

    def __iter__(self):
        while True:
            try:
                kind, value = self.next_event()
            except StateError:
                return
            if kind == Event.NOTIFICATION:
                yield value
            elif kind == Event.CLOSED:
                return

    def __aiter__(self):
        return self

    async def __anext__(self):
        loop = asyncio.get_running_loop()
        while True:
            try:
                kind, value = await loop.run_in_executor(None, self.next_event, 1000)
            except TimedOutError:
                continue
            except StateError:
                raise StopAsyncIteration
            if kind == Event.NOTIFICATION:
                return value
            if kind == Event.CLOSED:
                raise StopAsyncIteration

    @property
    def id(self):
        """The current server-side subscription id (JSON text)."""
        return _n.rpc_queue_id(self._handle())

    def renew(self, timeout_ms=0):
        """Subscribe again (e.g. after chainHead_v1's stop event)."""
        _n.rpc_queue_renew(self._handle(), timeout_ms)

    def close(self):
        """Unsubscribe."""
        self._q = None  # the SWIG proxy unsubscribes and frees the queue

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
