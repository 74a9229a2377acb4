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
import pathlib

import pytest

import wetee
from wetee import Metadata, StorageHasher, StorageModifier

ROOT = pathlib.Path(__file__).resolve().parents[2]


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


def test_storage_entry(rococo):
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


# ---- values through the JSON mapping ----

ALICE = bytes.fromhex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")
ALICE_SS58 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"


def compact(v):
    """SCALE Compact<u128>, written here from the spec (not with libwetee)."""
    if v < 1 << 6:
        return bytes([v << 2])
    if v < 1 << 14:
        return (v << 2 | 1).to_bytes(2, "little")
    if v < 1 << 30:
        return (v << 2 | 2).to_bytes(4, "little")
    n = (v.bit_length() + 7) // 8
    return bytes([(n - 4) << 2 | 3]) + v.to_bytes(n, "little")


def test_encode_call(rococo):
    value = 12345678901234567890123  # above 2^64: handed over as a decimal string
    want = bytes([4, 3, 0]) + ALICE + compact(value)
    assert rococo.encode_call("Balances", "transfer_keep_alive", {"dest": {"Id": ALICE_SS58}, "value": value}) == want
    # positional arguments, the account as bytes, the amount as a string
    assert rococo.encode_call("Balances", "transfer_keep_alive", [{"Id": ALICE}, str(value)]) == want
    back = rococo.decode_call(want)
    assert back == {"pallet": "Balances", "call": "transfer_keep_alive",
                    "args": {"dest": {"Id": ALICE_SS58}, "value": value}}
    assert isinstance(back["args"]["value"], int)
    assert rococo.encode_call("System", "remark", {"remark": b"hi"}) == bytes([0, 0]) + compact(2) + b"hi"
    with pytest.raises(wetee.DecodeError, match="dest.Id"):
        rococo.encode_call("Balances", "transfer_keep_alive", {"dest": {"Id": ALICE[:31]}, "value": 1})
    with pytest.raises(wetee.DecodeError, match="value"):
        rococo.encode_call("Balances", "transfer_keep_alive", {"dest": {"Id": ALICE}})
    with pytest.raises(wetee.OutOfRangeError):
        rococo.encode_call("Balances", "transfer_keep_alive", {"dest": {"Id": ALICE}, "value": 1 << 128})
    with pytest.raises(wetee.NotFoundError):
        rococo.encode_call("Balances", "no_such_call", {})
    with pytest.raises(TypeError):
        rococo.encode_call("Balances", "transfer_keep_alive", {"dest": object()})


def test_storage(rococo):
    # Alice's System.Account key, as every Substrate tool computes it
    key = rococo.storage_key("System", "Account", ALICE_SS58)
    assert key.hex() == ("26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
                         "de1e86a9a8c739864cf3cc5ec2bea59f" + ALICE.hex())
    assert rococo.storage_key("System", "Account") == key[:32]
    # no value: the default AccountInfo, whose flags are IS_NEW_LOGIC = 2^127
    info = rococo.decode_storage("System", "Account", None)
    assert info["nonce"] == 0 and info["data"]["free"] == 0
    assert info["data"]["flags"] == 1 << 127 and isinstance(info["data"]["flags"], int)
    raw = (7).to_bytes(4, "little") + bytes(12) + (10 ** 30).to_bytes(16, "little") + bytes(47) + b"\x80"
    info = rococo.decode_storage("System", "Account", raw)
    assert info["nonce"] == 7 and info["data"]["free"] == 10 ** 30
    assert rococo.decode_storage("System", "Number", (123456).to_bytes(4, "little")) == 123456
    with pytest.raises(wetee.TruncatedError):
        rococo.decode_storage("System", "Account", raw[:-1])
    with pytest.raises(KeyError):
        rococo.decode_storage("System", "NoSuchEntry", None)


def test_constants(rococo):
    assert rococo.constant_value("Balances", "ExistentialDeposit") == 33_333_333
    weights = rococo.constant_value("System", "BlockWeights")
    assert weights["max_block"]["proof_size"] == 2 ** 64 - 1
    assert rococo.constant_value("System", "BlockWeights", camel_case=True)["maxBlock"]["proofSize"] == 2 ** 64 - 1
    assert rococo.decode(rococo.pallet("System").constant("SS58Prefix").type, b"\x2a\x00") == 42
    assert rococo.encode(rococo.pallet("System").constant("SS58Prefix").type, 42) == b"\x2a\x00"


def splitmix64(state):
    state[0] = (state[0] + 0x9E3779B97F4A7C15) & (2 ** 64 - 1)
    z = state[0]
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & (2 ** 64 - 1)
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & (2 ** 64 - 1)
    return z ^ (z >> 31)


def test_events(rococo):
    """bench/data/rococo_events.hex was encoded by @polkadot/types (see
    bench/peers/node/gen_events.mjs); its accounts and amounts come from
    splitmix64 (seed 2024), recomputed here."""
    p = ROOT / "bench" / "data" / "rococo_events.hex"
    events = rococo.decode_events(bytes.fromhex(p.read_text().strip()[2:]))
    assert len(events) == 126
    st = [2024]

    def account():
        return b"".join(splitmix64(st).to_bytes(8, "little") for _ in range(4))

    def amount():
        bits = 40 + splitmix64(st) % 61
        v = splitmix64(st) << 64 | splitmix64(st)
        return (v & ((1 << bits) - 1)) | (1 << (bits - 1))

    treasury = account()
    names = ["Balances.Withdraw", "Balances.Transfer", "Balances.Deposit", "Treasury.Deposit",
             "TransactionPayment.TransactionFeePaid", "System.ExtrinsicSuccess"]
    for i in range(21):
        frm, to, fee = account(), account(), amount()
        value = amount()
        splitmix64(st), splitmix64(st)  # the weight
        rec = events[6 * i: 6 * i + 6]
        assert [e["pallet"] + "." + e["event"] for e in rec] == names
        assert all(e["phase"] == {"ApplyExtrinsic": i} and e["topics"] == [] for e in rec)
        assert wetee.ss58_decode(rec[0]["fields"]["who"])[0] == frm
        assert rec[0]["fields"]["amount"] == fee
        assert wetee.ss58_decode(rec[1]["fields"]["to"])[0] == to
        assert rec[1]["fields"]["amount"] == value
        assert wetee.ss58_decode(rec[2]["fields"]["who"])[0] == treasury
        assert rec[2]["fields"]["amount"] == fee // 5
        assert rec[3]["fields"]["value"] == fee - fee // 5
        assert rec[4]["fields"] == {"who": rec[0]["fields"]["who"], "actual_fee": fee, "tip": 0}
        assert rec[5]["fields"]["dispatch_info"]["class"] == "Normal"
    with pytest.raises(wetee.Error):
        rococo.decode_events(bytes.fromhex(p.read_text().strip()[2:])[:-3])


def test_dispatch_error(rococo):
    # DispatchError::Module { index: 4 (Balances), error: [2, 0, 0, 0] }
    err = rococo.decode_dispatch_error(bytes([3, 4, 2, 0, 0, 0]))
    assert err["kind"] == "Module" and err["pallet"] == "Balances" and err["error"] == "InsufficientBalance"
