"""Payments (wetee/pay.h): a token registry identified by chain and
on-chain id, exact amounts, Substrate routes chosen from the metadata,
quotes, checks before submission, confirmation and receipts.

::

    reg = wetee.pay.Registry()                       # the built-in tokens
    dot = reg.lookup("polkadot", wetee.pay.NATIVE)
    amount = dot.parse("1.5 DOT")                    # 15000000000 (exact int)
    with wetee.Chain(url) as chain, wetee.Keypair.from_suri("sr25519", "//Alice") as alice:
        payer = wetee.pay.Payer(reg)
        payer.add_substrate("polkadot", chain, alice)
        print(payer.quote(dot, amount, bob))         # route, fee, checks
        receipt = payer.pay(dot, amount, bob, memo="order-42")   # dict; GIL released

A payment that fails after the request was understood raises
:class:`PayError` (a subclass of the status's exception class, e.g.
``StateError`` for a refusal) with the receipt (what is known) in
``err.receipt``. Tokens are never looked up by symbol alone:
:meth:`Registry.lookup_symbol` needs the chain and raises ``StateError``
when the symbol is ambiguous there.
"""

import json

from . import _errors
from . import native as _n

NATIVE = _n.TOKEN_NATIVE
ASSET = _n.TOKEN_ASSET
FOREIGN_ASSET = _n.TOKEN_FOREIGN_ASSET
CURRENCY = _n.TOKEN_CURRENCY
TON = _n.TOKEN_TON
JETTON = _n.TOKEN_JETTON

FINALIZED = _n.PAY_FINALIZED
ALLOW_DEATH = _n.PAY_ALLOW_DEATH
MEMO_REMARK = _n.PAY_MEMO_REMARK
NO_CHECKS = _n.PAY_NO_CHECKS

_KINDS = {"native": NATIVE, "asset": ASSET, "foreign_asset": FOREIGN_ASSET, "currency": CURRENCY, "ton": TON,
          "jetton": JETTON}


def _id_text(token_id):
    """An id as the C API takes it: text, or JSON for Locations and currency ids."""
    if token_id is None or isinstance(token_id, str):
        return token_id or None
    if isinstance(token_id, int):
        return str(token_id)
    return json.dumps(token_id, separators=(",", ":"))


class Token:
    """A registry entry: ``chain``, ``kind`` (an int), ``kind_name``, ``id``
    (canonical text), ``symbol``, ``decimals``, ``aliases``."""

    __slots__ = ("_reg", "chain", "kind", "kind_name", "id", "symbol", "decimals", "aliases")

    def __init__(self, reg, info):
        self._reg = reg
        self.chain = info["chain"]
        self.kind_name = info["kind"]
        self.kind = _KINDS[info["kind"]]
        self.id = info["id"]
        self.symbol = info["symbol"]
        self.decimals = info["decimals"]
        self.aliases = tuple(info.get("aliases", ()))

    def _key(self):
        return (self.chain, self.kind, self.id or None)

    def parse(self, text):
        """Base units of a human amount ("1.5", "1.5 DOT"); exact, refuses excess precision and overflow."""
        return _n.payb_amount_parse(self._reg._handle(), *self._key(), text)

    def format(self, amount, symbol=True):
        """Text of an amount in base units ("1.5 DOT")."""
        return _n.payb_amount_format(self._reg._handle(), *self._key(), amount, 0 if symbol else _n.AMOUNT_NO_SYMBOL)

    def __eq__(self, other):
        return isinstance(other, Token) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return f"Token({self.chain!r}, {self.kind_name}, {self.id!r}, {self.symbol!r}, {self.decimals})"


class Registry:
    """A token registry: the built-in tokens, or none with ``empty=True``."""

    def __init__(self, empty=False):
        self._h = _n.payb_registry_new(_n.TOKEN_REGISTRY_EMPTY if empty else 0)

    def _handle(self):
        return self._h

    def add(self, chain, kind, token_id, symbol, decimals):
        """Add a token (kind: NATIVE, ASSET, ...; id: text, int, or a dict for a Location); returns it."""
        return Token(self, json.loads(_n.payb_registry_add(self._h, chain, kind, _id_text(token_id), symbol, decimals)))

    def add_json(self, entries):
        """Add a list of entries (dicts or JSON text), all or nothing."""
        _n.payb_registry_add_json(self._h, entries if isinstance(entries, str) else json.dumps(entries))

    def lookup(self, chain, kind, token_id=None):
        """The token with this chain, kind and id (NotFoundError when absent)."""
        return Token(self, json.loads(_n.payb_lookup(self._h, chain, kind, _id_text(token_id))))

    def lookup_symbol(self, chain, symbol):
        """The one token with this symbol (or alias) on the chain; StateError when several have it."""
        return Token(self, json.loads(_n.payb_lookup_symbol(self._h, chain, symbol)))

    def tokens(self):
        """Every token, in the order they were added."""
        return [Token(self, t) for t in json.loads(_n.payb_registry_list(self._h))]

    def __len__(self):
        return len(self.tokens())


class PayError(_errors.Error):
    """A payment that failed after it was understood; ``receipt`` is the receipt dict."""

    def __init__(self, detail, code, receipt):
        super().__init__(detail, code)
        self.receipt = receipt


def _pay_error(code, detail, receipt):
    base = _errors._BY_CODE.get(code, _errors.Error)
    cls = type("PayError", (PayError, base), {})
    err = cls.__new__(cls)
    PayError.__init__(err, detail, code, receipt)
    return err


class Payer:
    """Connections and signers by chain name; pays tokens of a registry."""

    def __init__(self, registry):
        self._reg = registry
        self._keep = [registry._handle()]  # the C objects the payer borrows
        self._h = _n.payb_payer_new(registry._handle())

    def add_substrate(self, chain_name, chain, keypair):
        """Pay the tokens of ``chain_name`` through a :class:`wetee.Chain`, signed by ``keypair``."""
        ch, kh = chain._handle(), keypair._handle()
        _n.payb_add_substrate(self._h, chain_name, ch, kh)
        self._keep.append((ch, kh))  # the C objects stay alive while the payer lives, even if closed

    def _args(self, token, amount, to, memo, flags, timeout_ms, fee_token, max_fee, mortal_period):
        fee = (None, 0, None) if fee_token is None else fee_token._key()
        return (self._h, self._reg._handle(), *token._key(), amount, to, memo, flags, timeout_ms, fee[0], fee[1], fee[2],
                max_fee, mortal_period)

    def quote(self, token, amount, to, memo=None, flags=0, timeout_ms=0, fee_token=None, max_fee=0, mortal_period=0):
        """The route, the fee (in ``fee_token`` when given) and the checks, as a dict; nothing is sent."""
        return json.loads(_n.payb_quote(*self._args(token, amount, to, memo, flags, timeout_ms, fee_token, max_fee,
                                                     mortal_period)))

    def pay(self, token, amount, to, memo=None, flags=0, timeout_ms=0, fee_token=None, max_fee=0, mortal_period=0):
        """Pay and wait for confirmation; returns the receipt dict, or raises PayError with the receipt."""
        out = json.loads(_n.payb_pay(*self._args(token, amount, to, memo, flags, timeout_ms, fee_token, max_fee,
                                                  mortal_period)))
        if out["rc"] != 0:
            raise _pay_error(out["rc"], out["detail"], out["receipt"])
        return out["receipt"]


def prepare(metadata, token, amount, to, memo=None, flags=0):
    """The plan of a Substrate payment from metadata alone (route, call, args, amount text, existential deposit)."""
    return json.loads(_n.payb_prepare(metadata._handle(), token._reg._handle(), *token._key(), amount, to, memo, flags))


def failure_name(failure):
    """Name of a failure code ("insufficient_balance", ...)."""
    return _n.pay_failure_name(failure)
