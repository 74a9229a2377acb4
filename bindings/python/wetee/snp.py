"""AMD SEV-SNP attestation reports (see include/wetee/attest_snp.h).

:func:`report_parse` reads every field of a 1184-byte report (versions 2, 3
and 5) strictly; :func:`verify` also checks its ECDSA P-384 signature, the
VCEK/VLEK chain to AMD's root key pinned per product (RSA-PSS SHA-384), the
leaf's TCB and hwID extensions and an optional CRL, at an explicit time::

    >>> from wetee import snp
    >>> r = snp.verify(report, vcek_der, ask_ark_pem, time=1700000000)  # doctest: +SKIP
    >>> r["measurement"], r["reported_tcb"]["snp"], r["debug"]            # doctest: +SKIP

Reports come back as ``dict`` (byte fields as hex strings, TCBs as dicts
of their SPLs). Failures raise :class:`wetee.VerifyError` (signature,
chain, extensions, validity, CRL) or another :class:`wetee.Error` naming
what and where. Workload policies (measurement, debug, report data) are
applied by the attestation API.
"""

import json

from . import native as _n

REPORT_BYTES = _n.SNP_REPORT_BYTES
SIGNED_BYTES = _n.SNP_SIGNED_BYTES
PRODUCT_UNKNOWN = _n.SNP_PRODUCT_UNKNOWN
PRODUCT_MILAN = _n.SNP_PRODUCT_MILAN
PRODUCT_GENOA = _n.SNP_PRODUCT_GENOA
PRODUCT_TURIN = _n.SNP_PRODUCT_TURIN

_PRODUCTS = {"milan": PRODUCT_MILAN, "genoa": PRODUCT_GENOA, "turin": PRODUCT_TURIN}


def product_name(product):
    """``"Milan"``, ``"Genoa"``, ``"Turin"`` or ``"unknown"``."""
    return _n.snp_product_name(product)


def report_parse(report):
    """Every field of a report, without checking its signature."""
    return json.loads(_n.snp_report_json_(report))


def verify(report, leaf, chain, time, product=PRODUCT_UNKNOWN, ark=b"", crl=b""):
    """Verify a report with its VCEK/VLEK (``leaf``, DER or PEM) and the
    ASK/ASVK + ARK ``chain`` (PEM) at ``time`` (Unix seconds).

    ``product`` (a ``PRODUCT_*`` value or its name) overrides the product
    read from the report; ``ark`` replaces AMD's pinned root (DER or PEM);
    ``crl`` is AMD's CRL for the product (DER or PEM). Returns the report's
    fields with ``product`` set to the product verified.
    """
    if isinstance(product, str):
        product = _PRODUCTS[product.lower()]
    return json.loads(_n.snp_verify_json_(report, leaf, chain, int(time), product, ark, crl))
