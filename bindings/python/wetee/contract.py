"""Contracts on pallet-revive (wetee/contract.h): ABIs of WeTEE's three
generations (wrevive, ink! v5/v6, Solidity) with call data from JSON
arguments and return values decoded from JSON, ``Revive.*`` calls built from
a metadata, ``ReviveApi_call`` input and results, AccountId32 -> H160, and
WeTEE's pod cost formula.

Arguments and results are JSON values (Python objects here): integers as
int (or decimal / 0x strings), bytes as "0x.." hex, enums as "Name" or
{"Name": fields}, Option as None / the value, structs as dicts by field name
(or lists in order)."""
import json

from . import native as _n

WREVIVE = _n.CONTRACT_WREVIVE
INK = _n.CONTRACT_INK
SOLIDITY = _n.CONTRACT_SOLIDITY
WREVIVE_CALL_DATA_MAX = _n.CONTRACT_WREVIVE_CALL_DATA_MAX


def selector(kind, name):
    """4-byte selector of a message name (Solidity: of its canonical signature)."""
    return _n.contract_selector(kind, name)


def _args(args):
    if args is None:
        return ""
    if isinstance(args, (str, bytes)):
        return args
    return json.dumps(args)


class Abi:
    """A loaded contract ABI (immutable)."""

    __slots__ = ("_h",)

    def __init__(self, handle):
        self._h = handle

    @classmethod
    def load(cls, text):
        """Load ink! metadata, a Solidity JSON ABI or a wrevive ABI (str, bytes or a parsed object)."""
        if not isinstance(text, (str, bytes)):
            text = json.dumps(text)
        return cls(_n.contract_abi_load(text))

    @classmethod
    def wetee(cls, contract):
        """The built-in wrevive ABI of WeTEE's "cloud", "subnet", "pod", "proxy" or "dao" contract."""
        return cls(_n.contract_abi_wetee(contract))

    @property
    def kind(self):
        """WREVIVE, INK or SOLIDITY."""
        return _n.contract_abi_kind_of(self._h)

    @property
    def messages(self):
        """Message names, in ABI order (constructors included)."""
        return [_n.contract_abi_message_name(self._h, i) for i in range(_n.contract_abi_message_count(self._h))]

    def selector(self, message):
        """The message's 4-byte selector."""
        return _n.contract_abi_selector(self._h, message)

    def describe(self, message):
        """The message as a dict: name, selector, args, returns, payable, mutates, constructor."""
        return json.loads(_n.contract_abi_message_json(self._h, message))

    def encode(self, message, args=None):
        """Call data: selector and arguments (a dict by name, a list in order, or JSON text)."""
        return _n.contract_encode_call(self._h, message, _args(args))

    def decode_call(self, data):
        """``{"message": name, "args": {...}}`` of call data."""
        return json.loads(_n.contract_decode_call(self._h, data))

    def decode_return(self, message, data):
        """A message's return value (ink!: LangError raises StateError)."""
        return json.loads(_n.contract_decode_return(self._h, message, data))

    def decode_revert(self, data):
        """Revert data: Solidity Error(string) / Panic(uint256) / custom errors, else the bytes."""
        return json.loads(_n.contract_decode_revert(self._h, data))

    def query(self, chain, origin, dest, message, args=None):
        """Dry-run ``message`` on ``chain`` (a wetee.Chain) from account ``origin`` (32 bytes)
        on contract ``dest`` (20 bytes) and decode its return value."""
        return json.loads(_n.contract_query(chain._h, self._h, origin, dest, message, _args(args)))


def address_of(account):
    """H160 (20 bytes) of a 32-byte AccountId32 (pallet-revive's mapping)."""
    return _n.revive_address_of(account)


def revive_call(metadata, dest, data, *, value=0, ref_time=0, proof_size=0, storage_deposit=0):
    """Call bytes of ``Revive.call`` from a wetee.Metadata (indices and field types from it)."""
    return _n.revive_call_encode(metadata._h, dest, value, ref_time, proof_size, storage_deposit, data)


def map_account(metadata):
    """Call bytes of ``Revive.map_account()``."""
    return _n.revive_map_account_encode(metadata._h)


def dry_run_input(metadata, origin, dest, data, *, value=0):
    """SCALE input of ``state_call("ReviveApi_call", ...)`` (no limits)."""
    return _n.revive_dry_run_input(metadata._h, origin, dest, value, data)


def dry_run_result(metadata, output):
    """The decoded ``ReviveApi_call`` output as a dict (with "status": ok, reverted or failed)."""
    return json.loads(_n.revive_result_json(metadata._h, output))


def dry_run_limits(metadata, output, margin_percent=10):
    """Limits for the real call from a dry-run output: dict of ref_time, proof_size, storage_deposit (int)."""
    d = json.loads(_n.revive_result_limits(metadata._h, output, margin_percent))
    d["storage_deposit"] = int(d["storage_deposit"])
    return d


def pod_cost(containers, price, *, tee_type, duration_blocks, asset_price):
    """WeTEE's pod prepayment (wetee.md §5) as an int: containers = [{"cpu", "mem", "gpu", "disk"}],
    price = the level's RunPrice dict, tee_type 0 SGX / 1 CVM."""
    return int(_n.contract_pod_cost(_args(containers), _args(price), tee_type, duration_blocks, str(asset_price)))
