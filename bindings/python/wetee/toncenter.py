"""toncenter HTTP client (v2: send a BOC, get-methods, account state; v3:
find the transaction or trace of a message by its hash). See
include/wetee/toncenter.h.

    >>> from wetee.toncenter import Toncenter
    >>> tc = Toncenter(api_key="...")                      # doctest: +SKIP
    >>> msg_hash = tc.send_boc(boc)                        # doctest: +SKIP
    >>> tc.seqno("UQDSLOFVamNZzdy4LulclcCBEFkRReZ7WscBCLAw3Pg53h3h")  # doctest: +SKIP

Addresses are strings in any form; returned addresses are raw (``wc:hex``).
Failures raise the wetee exceptions: NetworkError (transport, HTTP, a
toncenter error, the rate limit after the retries), DecodeError (an
unexpected answer), NotFoundError (the indexer has no such message yet),
UnsupportedError (a build without the network parts).
"""

import dataclasses
import json

from . import native as _n


@dataclasses.dataclass(frozen=True)
class Account:
    """An account's state (v2 getAddressInformation)."""
    balance: int       #: nanotons
    state: str         #: "uninitialized", "active" or "frozen"
    last_lt: int       #: logical time of the last transaction (0: none)
    last_hash: bytes   #: hash of the last transaction (zeros: none)


@dataclasses.dataclass(frozen=True)
class Transaction:
    """A transaction found by the indexer, with its outcome."""
    account: str
    hash: bytes
    lt: int
    utime: int
    aborted: bool
    compute_success: bool
    exit_code: int
    action_success: bool
    success: bool


@dataclasses.dataclass(frozen=True)
class Trace:
    """The trace of a message: complete or not, and how many transactions failed."""
    trace_id: bytes
    complete: bool
    transactions: int
    failed: int
    pending_messages: int


class Toncenter:
    """A toncenter client (thread-safe; requests on one client are serialised).

    HTTP 429 answers are retried up to ``max_retries`` times after
    ``Retry-After`` or an exponential back-off from ``backoff_ms``, each wait
    at most ``max_backoff_ms``.
    """

    def __init__(self, v2_url=None, v3_url=None, api_key=None, timeout_ms=15000, max_retries=4,
                 backoff_ms=1000, max_backoff_ms=10000):
        self._h = _n.toncenter_new(v2_url, v3_url, api_key, timeout_ms, max_retries, backoff_ms, max_backoff_ms)

    def send_boc(self, boc: bytes) -> bytes:
        """Send an external message's BOC (sendBocReturnHash); returns toncenter's 32-byte hash."""
        return _n.toncenter_send_boc(self._h, boc)

    def run_get_method(self, address: str, method: str, stack=None) -> dict:
        """Run a get-method; ``stack`` is toncenter's list form (e.g. ``[["num", "0x5"]]``).
        Returns toncenter's result object (``stack``, ``exit_code``, ...)."""
        text = _n.toncenter_run_get_method(self._h, address, method,
                                           json.dumps(stack) if stack is not None else None)
        return json.loads(text)

    def seqno(self, address: str) -> int:
        """A wallet's seqno (0 while the account is not deployed)."""
        return _n.toncenter_seqno(self._h, address)

    def jetton_wallet_address(self, master: str, owner: str) -> str:
        """The owner's jetton wallet from the master's get_wallet_address (raw form)."""
        return _n.toncenter_jetton_wallet_address(self._h, master, owner)

    def account(self, address: str) -> Account:
        """Balance, state and last transaction of an account."""
        j = json.loads(_n.toncenter_account_info(self._h, address))
        return Account(int(j["balance"]), j["state"], int(j["last_lt"]), bytes.fromhex(j["last_hash"]))

    def find_transaction(self, msg_hash: bytes) -> Transaction:
        """The transaction that processed the message with this hash (its TEP-467
        normalised hash for an external message); NotFoundError if not indexed yet."""
        j = json.loads(_n.toncenter_find_transaction(self._h, msg_hash))
        return Transaction(j["account"], bytes.fromhex(j["hash"]), int(j["lt"]), j["utime"], j["aborted"],
                           j["compute_success"], j["exit_code"], j["action_success"], j["success"])

    def confirm(self, ext_hash: bytes, hops: int = 1, timeout_ms: int = 60000, poll_ms: int = 1500) -> "Confirmation":
        """Confirm a payment sent as an external message with this normalised
        hash: the wallet's transaction, then ``hops`` internal messages (1 for
        a coin payment, 2 for a jetton payment), polling every ``poll_ms`` up
        to ``timeout_ms``. A timeout, a failure or a bounce is a result
        (``status``, ``error``), not an exception."""
        return _confirmation(json.loads(_n.toncenter_confirm(self._h, ext_hash, hops, timeout_ms, poll_ms)))

    def find_trace(self, msg_hash: bytes) -> Trace:
        """The trace started by the message with this hash; NotFoundError if none yet."""
        j = json.loads(_n.toncenter_find_trace(self._h, msg_hash))
        return Trace(bytes.fromhex(j["trace_id"]), j["complete"], j["transactions"], j["failed"],
                     j["pending_messages"])


@dataclasses.dataclass(frozen=True)
class Message:
    """A message of a transaction as the v3 indexer lists it."""
    hash: bytes
    source: "str | None"        #: raw address; None for an inbound external message
    destination: "str | None"   #: raw address; None for an outbound external message
    value: int                  #: nanotons
    created_lt: int
    bounce: bool
    bounced: bool
    opcode: "int | None"


@dataclasses.dataclass(frozen=True)
class Confirmation:
    """What :meth:`Toncenter.confirm` found. ``status``: "unknown" (the
    external message is not indexed), "pending" (the wallet's transaction is
    known, the delivery not yet), "confirmed", "failed" or "bounced";
    ``error`` the detail of anything but "confirmed"."""
    status: str
    error: "str | None"
    hops: int
    wallet_tx: "Transaction | None"
    payment: "Message | None"
    last_tx: "Transaction | None"
    bounce: "Message | None"


def _tx(j):
    if j is None:
        return None
    return Transaction(j["account"], bytes.fromhex(j["hash"]), int(j["lt"]), j["utime"], j["aborted"],
                       j["compute_success"], j["exit_code"], j["action_success"], j["success"])


def _msg(j):
    if j is None:
        return None
    return Message(bytes.fromhex(j["hash"]), j["source"], j["destination"], int(j["value"]), int(j["created_lt"]),
                   j["bounce"], j["bounced"], j["opcode"])


def _confirmation(j):
    return Confirmation(j["status"], j["error"], j["hops"], _tx(j["wallet_tx"]), _msg(j["payment"]),
                        _tx(j["last_tx"]), _msg(j["bounce"]))


def parse_transaction(answer):
    """Parse a toncenter v3 answer that lists transactions (``transactionsByMessage``,
    ``transactions``; str or bytes): ``(transaction, in_msg, out_msgs)`` of the
    first transaction (at most 16 outbound messages). NotFoundError for an
    empty list, DecodeError for anything else than the expected JSON."""
    j = json.loads(_n.toncenter_parse_transaction(answer))
    return _tx(j["transaction"]), _msg(j["in_msg"]), [_msg(m) for m in j["out_msgs"]]
