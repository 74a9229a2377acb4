"""Attested secret sealing (include/wetee/seal.h).

Verify a TEE's evidence under a policy, take the key its REPORTDATA binds,
and seal secrets to it with libsodium's sealed box; the TEE opens them with
its private key::

    >>> rec = wetee.seal.verify(evidence, time=1751000000,
    ...                         policy={"mrtd": "91eb...", "wetee_ed25519": {}},
    ...                         collateral=bundle_json)  # doctest: +SKIP
    >>> rec.accepted, rec.reason  # doctest: +SKIP
    (True, '')
    >>> box = rec.seal(b"DATABASE_PASSWORD=...")  # doctest: +SKIP

A refused recipient is returned, not raised: ``rec.accepted`` is False,
``rec.failed_check`` and ``rec.reason`` say why, and ``rec.seal()`` raises
:class:`wetee.VerifyError` naming the check. ``key_source`` chooses where the
key comes from: the policy's binding as an Ed25519 key (WeTEE's binding, or a
hash of a 32-byte Ed25519 key; the default), the policy's hash binding as an
X25519 key, or REPORTDATA's first 32 bytes as the X25519 key.
"""

import json as _json

from . import native as _n

KEY_ED25519 = _n.SEAL_KEY_ED25519
KEY_X25519 = _n.SEAL_KEY_X25519
SOURCE_BOUND_ED25519 = _n.SEAL_SOURCE_BOUND_ED25519
SOURCE_BOUND_X25519 = _n.SEAL_SOURCE_BOUND_X25519
SOURCE_REPORT_DATA_X25519 = _n.SEAL_SOURCE_REPORT_DATA_X25519
OVERHEAD = _n.SEAL_OVERHEAD
MAX_SECRET = _n.SEAL_MAX_SECRET


class Recipient:
    """An attested recipient (or a refused one: see :attr:`accepted`)."""

    __slots__ = ("_h",)

    def __init__(self, handle):
        self._h = handle

    @property
    def accepted(self):
        """True when the evidence was accepted and a usable key is bound."""
        return bool(_n.seal_recipient_accepted(self._h))

    @property
    def failed_check(self):
        """The name of the check that refused it ("none" when accepted)."""
        return _n.seal_recipient_failed_check_name(self._h)

    @property
    def reason(self):
        """Why it was refused ("<check>: <reason>"), "" when accepted."""
        return _n.seal_recipient_reason(self._h)

    @property
    def result(self):
        """The attestation result as a dict (as wetee.attest.verify_evidence)."""
        return _json.loads(_n.seal_recipient_result_json(self._h))

    @property
    def bound_key(self):
        """(key bytes, KEY_ED25519 or KEY_X25519), or None when no key is bound."""
        kind = _n.seal_recipient_bound_key_kind(self._h)
        if kind == 0:
            return None
        return _n.seal_recipient_bound_key(self._h), kind

    @property
    def public_key(self):
        """The X25519 key secrets are sealed to; raises VerifyError when refused."""
        return _n.seal_recipient_public_key(self._h)

    def seal(self, secret):
        """Seal ``secret`` (bytes or str) to the attested key."""
        if isinstance(secret, str):
            secret = secret.encode()
        return _n.seal_to(self._h, secret)


def verify(evidence, *, time, policy=None, collateral=None, key_source=SOURCE_BOUND_ED25519):
    """Verify ``evidence`` (bytes in any form wetee.attest.verify_evidence
    accepts) at ``time`` (Unix seconds) and return a :class:`Recipient`.
    ``policy`` and ``collateral`` are JSON text or dicts (None: the strict
    default policy / the collateral inside the evidence)."""
    if isinstance(policy, dict):
        policy = _json.dumps(policy)
    if isinstance(collateral, dict):
        collateral = _json.dumps(collateral)
    return Recipient(_n.seal_verify_json(evidence, policy or "", collateral or "", int(key_source), int(time)))


def seal_to_key(key, secret, kind=KEY_X25519):
    """Seal to a key without attestation (a key verified otherwise)."""
    if isinstance(secret, str):
        secret = secret.encode()
    return _n.seal_to_key(key, kind, secret)


def open(sealed, secret_key, kind=KEY_ED25519):  # noqa: A001  (the module's open, as wetee.seal.open)
    """Open a sealed box with the private key: an Ed25519 seed (32 bytes) or
    secret key (64 bytes) for KEY_ED25519, an X25519 scalar for KEY_X25519.
    Raises VerifyError when it was not sealed to this key or was altered."""
    return _n.seal_open(sealed, secret_key, kind)


def x25519_public(key, kind=KEY_ED25519):
    """The X25519 key sealed to for an Ed25519 public key (KEY_ED25519) or
    an X25519 secret key (KEY_X25519)."""
    return _n.seal_x25519_public(key, kind)
