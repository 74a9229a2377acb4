"""Contracts through the Python binding: the built-in WeTEE wrevive ABIs
against contract-selectors.json and wetee.md's worked examples, the ink! v6
ABIs of the shared vectors, a Solidity ABI specification example, the
Revive.call worked example on the spec-101 metadata, dry-run results, the
//Alice H160 and the pod cost formula (the C suite covers the rest)."""
import json
import os

import pytest

import wetee
from wetee import contract

ALICE = bytes.fromhex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")
CLOUD = bytes.fromhex("239a33348e8a698cee4eb06af3780dee2ea227e3")


def _vec(path):
    root = os.environ.get("WETEE_VECTORS_DIR") or os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "vectors")
    p = os.path.join(root, path)
    if not os.path.exists(p):
        pytest.skip("shared vector %s absent" % path)
    with open(p, "rb") as f:
        return f.read()


def test_wrevive_selectors_and_call_data():
    sel = json.loads(_vec("wetee/contract-selectors.json"))["contracts"]
    for name in ("cloud", "subnet", "pod", "proxy", "dao"):
        abi = contract.Abi.wetee(name)
        assert abi.kind == contract.WREVIVE
        assert sorted(abi.messages) == sorted(sel[name])
        for m, v in sel[name].items():
            assert abi.selector(m).hex() == v["selector"][2:]
            assert contract.selector(contract.WREVIVE, m).hex() == v["selector"][2:]
    cloud = contract.Abi.wetee("cloud")
    assert cloud.encode("stop_pod", [7]).hex() == "3c644b830700000000000000"
    assert cloud.encode("stop_pod", {"pod_id": 7}).hex() == "3c644b830700000000000000"
    assert cloud.decode_call(bytes.fromhex("3c644b830700000000000000")) == {"message": "stop_pod", "args": {"pod_id": 7}}
    assert cloud.decode_return("create_pod", bytes.fromhex("0118")) == {"Err": "InsufficientPrepayment"}
    assert cloud.decode_return("balance", (10**18).to_bytes(32, "big")) == "1000000000000000000"
    with pytest.raises(wetee.TooLongError):
        cloud.encode("create_pod", {"name": "0x" + "61" * 1000, "pod_type": "CPU", "tee_type": "SGX", "containers": [],
                                    "region_id": 0, "level": 1, "pay_asset": 0, "worker_id": 0, "duration_blocks": 1})
    with pytest.raises(wetee.OutOfRangeError) as e:
        cloud.encode("stop_pod", [-1])
    assert "stop_pod" in str(e.value)
    with pytest.raises(wetee.NotFoundError):
        cloud.encode("nope", [])
    d = cloud.describe("create_pod")
    assert d["selector"] == "0x7d7d3b36" and d["payable"] and len(d["args"]) == 9


def test_create_pod_two_containers():
    cloud = contract.Abi.wetee("cloud")
    args = {"name": "0x6170", "pod_type": "CPU", "tee_type": "CVM",
            "containers": [{"image": "0x6e67696e78", "command": {"SH": "0x6c73"}, "port": [{"Http": 80}],
                            "cpu": 1000, "mem": 2048, "disk": [{"id": 3, "path": "0x2f64"}], "gpu": 0,
                            "env": [{"Env": ["0x41", "0x42"]}]},
                           {"image": "0x72", "command": "NONE", "port": [], "cpu": 500, "mem": 512, "disk": [],
                            "gpu": 1, "env": []}],
            "region_id": 1, "level": 2, "pay_asset": 0, "worker_id": 5, "duration_blocks": 100}
    data = cloud.encode("create_pod", args)
    assert data[:4].hex() == "7d7d3b36"
    assert cloud.decode_call(data)["args"]["containers"][1]["cpu"] == 500
    assert cloud.encode("create_pod", cloud.decode_call(data)["args"]) == data


def test_ink6_abi():
    abi = contract.Abi.load(_vec("wetee/ink6-abi/cloud.json"))
    assert abi.kind == contract.INK
    assert abi.selector("create_pod").hex() == "080c3dfd"
    assert abi.decode_return("pod_len", bytes.fromhex("002a00000000000000")) == 42
    with pytest.raises(wetee.StateError) as e:
        abi.decode_return("pod_len", bytes.fromhex("0101"))
    assert "CouldNotReadInput" in str(e.value)
    for m in abi.messages:
        assert abi.selector(m) == contract.selector(contract.INK, m) or m == "new"


def test_solidity():
    abi = contract.Abi.load([{"type": "function", "name": "baz", "stateMutability": "pure",
                              "inputs": [{"name": "x", "type": "uint32"}, {"name": "y", "type": "bool"}],
                              "outputs": [{"name": "", "type": "bool"}]}])
    assert abi.kind == contract.SOLIDITY
    assert abi.encode("baz", [69, True]).hex() == "cdcd77c0" + "%064x" % 69 + "%064x" % 1
    assert abi.decode_return("baz", (1).to_bytes(32, "big")) is True


def test_revive_calls_and_dry_run():
    md = wetee.Metadata.from_rpc_response(_vec("wetee/revive-dev-spec101-metadata.json"))
    call = contract.revive_call(md, CLOUD, bytes.fromhex("9b8bc26c"))
    assert call.hex() == "6401239a33348e8a698cee4eb06af3780dee2ea227e300000000109b8bc26c"
    assert contract.map_account(md).hex() == "6407"
    inp = contract.dry_run_input(md, ALICE, CLOUD, b"\x9b\x8b\xc2\x6c", value=3)
    assert inp.hex().startswith(ALICE.hex() + CLOUD.hex() + "03")
    with pytest.raises(wetee.InvalidArgumentError):
        contract.dry_run_input(md, ALICE[:31], CLOUD, b"")
    md16 = wetee.Metadata.from_bytes(_vec("wetee/revive-dev-runtime-v16.scale"))
    out = bytes.fromhex("2850a10f411f01f40100000000000000000000000000000158020000000000000000000000000000000000000000000000000000000000000000000000102a000000")
    r = contract.dry_run_result(md16, out)
    assert r["status"] == "ok" and r["weight_required"] == {"ref_time": 1000, "proof_size": 2000}
    assert contract.dry_run_limits(md16, out, 10) == {"ref_time": 1100, "proof_size": 2200, "storage_deposit": 550}


def test_address_and_cost():
    assert contract.address_of(ALICE).hex() == "9621dde636de098b43efb0fa9b61facfe328f99d"
    with pytest.raises(wetee.InvalidArgumentError):
        contract.address_of(ALICE[:20])
    price = {"cpu_per": 2, "cvm_cpu_per": 3, "memory_per": 5, "cvm_memory_per": 7, "disk_per": 11, "gpu_per": 13}
    cs = [{"cpu": 1000, "mem": 1024, "disk": 10}, {"cpu": 500, "mem": 512, "gpu": 1}]
    assert contract.pod_cost(cs, price, tee_type=0, duration_blocks=100, asset_price=7) == 154328571
