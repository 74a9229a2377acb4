"""Runtime metadata through the Python binding (wetee.Metadata).

Fixtures are the shared vectors (never copied). Known values are chain
facts, the same as in tests/metadata/test_metadata.c: the subxt artifact
polkadot_metadata_full.scale is a Rococo runtime (spec 1021002, SS58 42,
1011 types, 67 pallets, 20 runtime APIs), Balances is pallet 4 there and 5
on Polkadot, transfer_keep_alive is call 3 with arguments (dest, value:
Compact<u128>), Balances error 2 is InsufficientBalance, Rococo's
ExistentialDeposit is 1 CENTS = 33_333_333 (Kusama's constants).
"""

import gc
import json

import pytest

import wetee
from wetee import Metadata, StorageHasher, StorageModifier


@pytest.fixture(scope="module")
def rococo_bytes(vectors_dir):
    p = vectors_dir / "metadata" / "polkadot_metadata_full.scale"
    if not p.is_file():
        pytest.skip(f"{p} absent")
    return p.read_bytes()


@pytest.fixture(scope="module")
def rococo(rococo_bytes):
    md = Metadata.from_bytes(rococo_bytes)
    yield md
    md.close()


def test_chain_information(rococo):
    assert rococo.version == 15
    assert rococo.spec_name == "rococo"
    assert rococo.spec_version == 1021002
    assert rococo.ss58_prefix == 42
    assert rococo.type_count == 1011
    assert len(rococo.pallets) == 67
    assert len(rococo.runtime_apis) == 20


def test_balances(rococo):
    bal = rococo.pallet("Balances")
    assert bal.index == 4 and bal.storage_prefix == "Balances"
    tka = bal.call("transfer_keep_alive")
    assert tka.index == 3
    assert [f.name for f in tka.fields] == ["dest", "value"]
    assert tka.fields[1].type_name == "T::Balance"
    assert rococo.type_path(tka.fields[0].type) == "sp_runtime::multiaddress::MultiAddress"
    assert "kill the origin account" in tka.docs
    assert bal.error("InsufficientBalance").index == 2
    assert any(e.name == "Transfer" for e in bal.events)
    ed = bal.constant("ExistentialDeposit")
    assert len(ed.value) == 16 and int.from_bytes(ed.value, "little") == 33_333_333
    with pytest.raises(KeyError):
        bal.call("no_such_call")
    with pytest.raises(KeyError):
        rococo.pallet("NoSuchPallet")


def test_storage(rococo):
    acc = rococo.pallet("System").storage_entry("Account")
    assert acc.modifier is StorageModifier.DEFAULT
    assert acc.hashers == (StorageHasher.BLAKE2_128_CONCAT,)
    assert rococo.type_path(acc.key_type) == "sp_core::crypto::AccountId32"
    assert rococo.type_path(acc.value_type) == "frame_system::AccountInfo"
    assert len(acc.default) > 0 and set(acc.default[:16]) == {0}
    number = rococo.pallet("System").storage_entry("Number")
    assert number.hashers == () and number.key_type == wetee.metadata.NO_TYPE


def test_enumeration_is_complete(rococo):
    """Every call, event and error index is unique within its pallet, every
    storage entry and constant has a name, and the pallet indexes are unique."""
    assert len({p.index for p in rococo.pallets}) == len(rococo.pallets)
    n = 0
    for p in rococo.pallets:
        for group in (p.calls, p.events, p.errors):
            assert len({v.index for v in group}) == len(group)
            assert all(v.name for v in group)
            n += len(group)
        assert all(s.name and s.value_type < rococo.type_count for s in p.storage)
        assert all(c.name and c.type < rococo.type_count for c in p.constants)
    assert n > 1000
    core = [a for a in rococo.runtime_apis if a.name == "Core"][0]
    assert core.methods == ("version", "execute_block", "initialize_block")


def test_forms_agree(rococo_bytes):
    from_hex = Metadata.from_hex("0x" + rococo_bytes.hex())
    rpc = json.dumps({"jsonrpc": "2.0", "id": 1, "result": "0x" + rococo_bytes.hex()})
    from_rpc = Metadata.from_rpc_response(rpc)
    no_docs = Metadata.from_bytes(rococo_bytes, keep_docs=False)
    assert from_hex.pallets == from_rpc.pallets
    assert [p.name for p in no_docs.pallets] == [p.name for p in from_hex.pallets]
    assert no_docs.pallet("Balances").call("transfer_keep_alive").docs == ""


def test_other_fixtures(vectors_dir):
    # Kusama 9111 (V14 without the magic); Polkadot Asset Hub (V16, statemint,
    # trimmed by subxt to the System pallet only)
    cases = [("metadata/metadata_v14_9111.scale", 14, "kusama", 2, 4),
             ("metadata/polkadot_assethub_metadata_small.scale", 16, "statemint", 0, None)]
    seen = 0
    for name, version, spec, ss58, balances in cases:
        p = vectors_dir / name
        if not p.is_file():
            continue
        seen += 1
        with Metadata.from_bytes(p.read_bytes()) as md:
            assert md.version == version
            assert md.ss58_prefix == ss58
            assert md.spec_name == spec
            if balances is not None:
                assert md.pallet("Balances").index == balances
                assert md.pallet("Balances").call("transfer_keep_alive").index == 3
            else:
                assert [p.name for p in md.pallets] == ["System"]
            if version == 14:
                assert md.runtime_apis == ()
    if seen == 0:
        pytest.skip("no V14/V16 fixture")


def test_wetee_fixture(vectors_dir):
    p = vectors_dir / "wetee" / "wetee-dev-spec110-metadata.json"
    if not p.is_file():
        pytest.skip(f"{p} absent")
    md = Metadata.from_rpc_response(p.read_text())
    assert md.version == 14
    assert md.spec_version == 110
    names = [pl.name for pl in md.pallets]
    assert "System" in names and "Balances" in names


def test_bad_input():
    with pytest.raises(wetee.UnsupportedError, match="version 13"):
        Metadata.from_bytes(b"meta\x0d\x00")
    with pytest.raises(wetee.TruncatedError, match="offset"):
        Metadata.from_bytes(b"meta\x0f\x05")
    with pytest.raises(wetee.TruncatedError):
        Metadata.from_bytes(b"")
    with pytest.raises(wetee.DecodeError):
        Metadata.from_hex("0xzz")
    with pytest.raises(TypeError):
        Metadata.from_bytes("meta")
    with pytest.raises(TypeError):
        Metadata()


def test_close(rococo_bytes):
    md = Metadata.from_bytes(rococo_bytes)
    pallets = md.pallets
    md.close()
    md.close()
    assert pallets[0].name == "System"
    with pytest.raises(wetee.StateError):
        md.version
    del md
    gc.collect()


def test_metadata_hash(vectors_dir):
    """RFC-0078 digests published with the shared vectors (metadata-hash/digests.json)."""
    p = vectors_dir / "metadata-hash" / "digests.json"
    if not p.is_file():
        pytest.skip(f"{p} absent")
    spec = json.loads(p.read_text())
    for case in spec["cases"]:
        with Metadata.from_hex((p.parent / case["file"]).read_text()) as md:
            h = md.hash(spec["decimals"], spec["token_symbol"])
            assert "0x" + h.hex() == case["expected"], case["file"]
            assert wetee.blake3(md.digest(spec["decimals"], spec["token_symbol"])) == h
            assert md.hash(spec["decimals"], spec["token_symbol"] + "X") != h


def test_metadata_hash_needs_v15(vectors_dir):
    p = vectors_dir / "metadata" / "metadata_v14_9111.scale"
    if not p.is_file():
        pytest.skip(f"{p} absent")
    with Metadata.from_bytes(p.read_bytes()) as md:
        with pytest.raises(wetee.UnsupportedError, match="15"):
            md.hash(12, "KSM")
