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


class Fetcher:
    """Collateral fetcher (include/wetee/attest_fetch.h): Intel PCS v4 or a
    PCCS (``pcs_url``) and AMD KDS (``kds_url``) over HTTPS with TLS verified
    (``ca_file``: a CA bundle instead of the system's), cached in memory and,
    with ``cache_dir``, on disk until each item's nextUpdate/notAfter.
    Thread-safe. Raises :class:`wetee.UnsupportedError` in a build without
    the network parts.

        >>> f = wetee.attest.Fetcher(cache_dir="/var/cache/wetee")   # doctest: +SKIP
        >>> r = f.verify_evidence(quote, time=int(time.time()))       # doctest: +SKIP
    """

    def __init__(self, pcs_url=None, kds_url=None, *, root_ca_crl_url=None, cache_dir=None, ca_file=None,
                 update=None, timeout_ms=30000, max_response=0, snp_product=0, snp_no_crl=False):
        self._h = _n.attest_fetcher_new(pcs_url, root_ca_crl_url, kds_url, cache_dir, ca_file, update,
                                        int(timeout_ms), int(max_response), int(snp_product), int(bool(snp_no_crl)))

    @property
    def requests(self):
        """Number of HTTP requests made so far (cache hits make none)."""
        return _n.attest_fetcher_requests(self._h)

    def verify_evidence(self, evidence, *, time, policy=None):
        """Like :func:`verify_evidence`, with the collateral for ``evidence``
        taken from this fetcher (its caches, else fetched). A fetch failure
        is a rejection with ``failed_check == "collateral"``."""
        if isinstance(policy, dict):
            policy = _json.dumps(policy)
        return _json.loads(_n.attest_verify_evidence_fetch_json(evidence, policy or "", self._h, int(time)))
