"""SS58 addresses and the compiled-in network registry."""

import json

import pytest

import wetee

ALICE = bytes.fromhex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")

# //Alice's sr25519 public key under several prefixes (keys.md 5)
ALICE_ADDRESSES = [
    (42, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"),
    (0, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5"),
    (2, "HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F"),
    (5, "ajYMsCKsEAhEvHpeA4XqsfiA9v1CdzZPrCfS6pEfeGHW9j8"),
    (7, "nJrsrH8dov9Z36kTDpabgCZT8CbK1FbmjJvfU6qbMTG4g4c"),
    (1284, "VdvKmYJfD4VXA9fzz1SbmCo2eYHSzUFbaDCZSuaNKJAe8YNg6"),
    (2032, "wdCJ8CsZchTEfUP8Xz1eZKNRjW5cuYjJ9fh6pcZNXezsysBrJ"),
]


@pytest.mark.parametrize("prefix,address", ALICE_ADDRESSES)
def test_vectors(prefix, address):
    assert wetee.ss58_encode(ALICE, prefix) == address
    payload, p = wetee.ss58_decode(address)
    assert (payload, p) == (ALICE, prefix)
    assert type(payload) is bytes


def test_default_prefix_is_generic():
    assert wetee.SS58_PREFIX_GENERIC == 42
    assert (wetee.SS58_PREFIX_POLKADOT, wetee.SS58_PREFIX_KUSAMA, wetee.SS58_PREFIX_MAX) == (0, 2, 16383)
    assert wetee.ss58_encode(ALICE) == ALICE_ADDRESSES[0][1]


@pytest.mark.parametrize("n", [1, 2, 4, 8, 32, 33])
def test_payload_sizes(n):
    payload = b"\xa5" * n
    for prefix in (0, 42, 63, 64, 1284, wetee.SS58_PREFIX_MAX):
        assert wetee.ss58_decode(wetee.ss58_encode(payload, prefix)) == (payload, prefix)


def test_encode_errors():
    for n in (0, 3, 20, 31, 34):
        with pytest.raises(wetee.InvalidArgumentError):
            wetee.ss58_encode(bytes(n))
    for prefix in (46, 47, wetee.SS58_PREFIX_MAX + 1):
        with pytest.raises(wetee.InvalidArgumentError):
            wetee.ss58_encode(ALICE, prefix)
    with pytest.raises(OverflowError):
        wetee.ss58_encode(ALICE, 1 << 16)


def test_bad_checksum():
    address = ALICE_ADDRESSES[0][1]
    broken = address[:-1] + ("Z" if address[-1] != "Z" else "Y")
    with pytest.raises(wetee.ChecksumError) as ei:
        wetee.ss58_decode(broken)
    assert ei.value.code == wetee.ERR_CHECKSUM


def test_decode_errors():
    address = ALICE_ADDRESSES[0][1]
    with pytest.raises(wetee.DecodeError) as ei:
        wetee.ss58_decode("0" + address[1:])
    assert "offset 0" in str(ei.value)
    with pytest.raises(wetee.DecodeError):
        wetee.ss58_decode("")
    with pytest.raises(wetee.DecodeError):
        wetee.ss58_decode(address[:20])


def test_networks():
    nets = wetee.ss58_networks()
    assert type(nets) is list and len(nets) == 149
    dot = nets[0]
    assert dot == wetee.SS58Network(0, "polkadot", "Polkadot Relay Chain", "DOT", 10)
    assert (dot.prefix, dot.network, dot.symbol, dot.decimals) == (0, "polkadot", "DOT", 10)
    nets.clear()  # a copy
    assert len(wetee.ss58_networks()) == 149

    ksm = wetee.ss58_network("kusama")
    assert (ksm.prefix, ksm.symbol, ksm.decimals) == (2, "KSM", 12)
    generic = wetee.ss58_network_by_prefix(42)
    assert (generic.network, generic.symbol, generic.decimals) == ("substrate", "", 0)
    assert wetee.ss58_network_by_prefix(1284).network == "moonbeam"

    with pytest.raises(wetee.NotFoundError) as ei:
        wetee.ss58_network("no-such-network")
    assert isinstance(ei.value, LookupError)
    assert "no-such-network" in str(ei.value)
    with pytest.raises(wetee.NotFoundError):
        wetee.ss58_network_by_prefix(16000)


def test_networks_match_registry(vectors_dir):
    """The compiled-in table is the registry snapshot of the shared vectors."""
    path = vectors_dir / "keys" / "ss58-registry.json"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    registry = json.loads(path.read_text())["registry"]
    nets = wetee.ss58_networks()
    assert len(nets) == len(registry)
    for net, r in zip(nets, registry):
        want = wetee.SS58Network(r["prefix"], r["network"], r["displayName"],
                                 r["symbols"][0] if r["symbols"] else "",
                                 r["decimals"][0] if r["decimals"] else 0)
        assert net == want
        assert wetee.ss58_network(r["network"]) == want
