"""TEE attestation: verify Intel SGX/TDX DCAP evidence with a JSON policy.

    >>> result = wetee.attest.verify_evidence(quote, policy={"mrtd": "91eb..."},
    ...                                       collateral=bundle_json, time=1751000000)
    >>> result["verdict"], result["tcb_status"], result["status_code"]
    ('accept', 'UpToDate', '0x0000')

A rejected quote is a result with ``verdict == "reject"`` and the failing
check and reason, not an exception; malformed policy or collateral JSON
raises :class:`wetee.DecodeError`. The policy keys are those of
``wetee_attest_policy_from_json`` (include/wetee/attest.h); without a policy
the strict default applies (UpToDate only, no debug, strict expiry).
"""

import json as _json

from . import native as _n


def verify_evidence(evidence, *, time, policy=None, collateral=None):
    """Verify ``evidence`` (bytes: a DCAP quote, an Open Enclave report, or a
    WeTEE JSON envelope) at ``time`` (Unix seconds) and return the result as
    a dict. ``policy`` and ``collateral`` are JSON text or dicts/None;
    collateral None means the one inside the envelope."""
    if isinstance(policy, dict):
        policy = _json.dumps(policy)
    if isinstance(collateral, dict):
        collateral = _json.dumps(collateral)
    text = _n.attest_verify_evidence_json(evidence, policy or "", collateral or "", int(time))
    return _json.loads(text)


def accepted(result):
    """True when a result of :func:`verify_evidence` is an acceptance."""
    return result.get("verdict") == "accept"
