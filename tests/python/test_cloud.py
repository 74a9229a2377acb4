"""Cloud API bindings (wetee.Cloud, wetee.Deployment). The offline tests use
the spec-110 metadata of ../shared/vectors/wetee; the node tests run when
WETEE_WETEE_DEVNODE_URL names a running WeTEE devnode (tests/wetee/run.sh
sets it); without it they are skipped and say so."""

import json
import os
import pathlib

import pytest

import wetee

ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTORS = pathlib.Path(os.environ.get("WETEE_VECTORS_DIR", ROOT.parent / "shared" / "vectors"))
SPEC110 = VECTORS / "wetee" / "wetee-dev-spec110-metadata.json"
URL = os.environ.get("WETEE_WETEE_DEVNODE_URL")
node = pytest.mark.skipif(not URL, reason="WETEE_WETEE_DEVNODE_URL not set (tests/wetee/run.sh runs these)")
MIN = {"name": "a", "image": "nginx", "cpu": 1000, "memory": 1024}


def test_parse_and_defaults():
    d = wetee.Deployment.load(ROOT / "examples" / "cloud" / "hello.json")
    assert d.kind == wetee.cloud.APP
    full = d.to_dict()
    assert full["sidecars"][0]["image"] == "redis:7" and full["tee"] == "sgx"
    assert wetee.Deployment.parse(json.dumps(full)).to_dict() == full
    assert wetee.Deployment.parse(json.dumps(MIN)).to_dict()["level"] == 1
    assert wetee.cloud.status_name(wetee.cloud.RUNNING) == "running"


@pytest.mark.parametrize("change,detail", [
    ({"ports": [{"port": 80, "protocol": "ftp"}]}, "ports[0].protocol: \"ftp\" is not one of tcp, udp"),
    ({"tee": "tdx"}, "tee: \"tdx\" is not one of sgx, cvm"),
    ({"gpu": 1}, "only kind \"gpu\" takes GPUs"),
    ({"colour": 1}, "unknown field \"colour\""),
])
def test_validation_names_field(change, detail):
    with pytest.raises(wetee.DecodeError) as e:
        wetee.Deployment.parse(json.dumps({**MIN, **change}))
    assert detail in str(e.value)


def test_estimate_at():
    d = wetee.Deployment.load(ROOT / "examples" / "cloud" / "hello.json")
    assert d.estimate_at({"cpu_per": 100, "memory_per": 7, "disk_per": 3}) == 1250 * 100 + 1280 * 7 + 12 * 3
    with pytest.raises(wetee.OutOfRangeError, match="u32"):
        d.estimate_at({"cpu_per": 4000000, "memory_per": 1, "disk_per": 1})


@pytest.mark.skipif(not SPEC110.exists(), reason=f"{SPEC110} absent")
def test_deploy_call_spec110():
    md = wetee.Metadata.from_rpc_response(SPEC110.read_text())
    d = wetee.Deployment.load(ROOT / "examples" / "cloud" / "task.json")
    call = d.deploy_call(md)
    assert (call["pallet"], call["call"]) == ("Task", "create")
    assert call["args"]["tee_version"] == "CVM" and call["args"]["cpu"] == 500
    raw = d.deploy_call_bytes(md)
    assert raw[:2] == bytes([113, 1])
    with pytest.raises(wetee.UnsupportedError, match="secrets"):
        wetee.Deployment.parse(json.dumps({**MIN, "secrets": {"DB": "vault:db"}})).deploy_call(md)


@node
def test_deploy_and_watch():
    with wetee.Chain(URL) as chain, wetee.Keypair.from_suri("sr25519", "//Alice") as alice:
        cloud = wetee.Cloud(chain)
        d = wetee.Deployment.parse(json.dumps({**MIN, "name": "py-app"}))
        assert cloud.estimate(d) == 100 * (1000 + 1024)
        assert cloud.prices(wetee.cloud.APP)[0]["price"]["cpu_per"] == 100
        app_id, outcome = cloud.deploy(alice, d)
        assert outcome["success"] is True
        st = cloud.status(wetee.cloud.APP, app_id)
        assert st["statusName"] in ("created", "deploying") and st["work"]["name"] == "0x" + b"py-app".hex()
        assert any(x["id"] == app_id for x in cloud.list(wetee.cloud.APP, alice.address(42)))
        with pytest.raises(wetee.StateError, match="WeTEEApp.CpuTooLow"):
            cloud.deploy(alice, wetee.Deployment.parse(json.dumps({**MIN, "cpu": 1})))
        cloud.stop(alice, wetee.cloud.APP, app_id)
        assert cloud.status(wetee.cloud.APP, app_id)["statusName"] == "stopped"
