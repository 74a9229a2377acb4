"""WeTEE cloud API, pallet generation (wetee/cloud.h, docs/cloud.md):
deployment files, deploy / status / wait / restart / update / stop,
prices and clusters, and the worker side, on a :class:`wetee.Chain`.

::

    d = wetee.Deployment.load("examples/cloud/hello.json")   # validated
    with wetee.Chain(url) as chain:
        cloud = wetee.Cloud(chain)
        print(cloud.estimate(d))                              # per period
        app_id, outcome = cloud.deploy(alice, d)
        status = cloud.wait(wetee.cloud.APP, app_id, wetee.cloud.RUNNING, 120000)

A failed dispatch raises :class:`wetee.StateError` whose message names the
module error (``WeTEEApp.CpuTooLow``). Calls that talk to the node release
the GIL.
"""

import json

from ._errors import StateError
from . import native as _n

APP = _n.CLOUD_APP
TASK = _n.CLOUD_TASK
GPU = _n.CLOUD_GPU
WORKER = _n.CLOUD_WORKER
CREATED = _n.CLOUD_STATUS_CREATED
DEPLOYING = _n.CLOUD_STATUS_DEPLOYING
STOPPED = _n.CLOUD_STATUS_STOPPED
RUNNING = _n.CLOUD_STATUS_RUNNING
RESTARTING = _n.CLOUD_STATUS_RESTARTING


def status_name(status):
    """"created", "deploying", "stopped", "running", "restarting" or "unknown"."""
    return _n.cloud_status_name(status)


def kind_name(kind):
    return _n.cloud_kind_name(kind)


class Deployment:
    """A parsed and validated deployment file (read-only)."""

    def __init__(self, handle):
        self._h = handle

    @classmethod
    def parse(cls, text):
        """From JSON text (str or bytes); ``DecodeError`` names the bad field."""
        return cls(_n.cloudb_deployment_parse(text))

    @classmethod
    def load(cls, path):
        return cls(_n.cloudb_deployment_load(str(path)))

    @property
    def kind(self):
        return _n.cloudb_deployment_kind(self._h)

    def to_dict(self):
        """The deployment with every default filled in."""
        return json.loads(_n.cloudb_deployment_json(self._h))

    def deploy_call(self, metadata):
        """The deploy call for a runtime: ``{"pallet", "call", "args"}``."""
        return json.loads(_n.cloudb_deploy_call_json(metadata._handle(), self._h))

    def deploy_call_bytes(self, metadata):
        """The deploy call SCALE-encoded (pallet index, call index, arguments)."""
        return _n.cloudb_deploy_call(metadata._handle(), self._h)

    def estimate_at(self, price):
        """Cost per payment period at a level price (dict or JSON text)."""
        return _n.cloudb_estimate_at(self._h, price if isinstance(price, str) else json.dumps(price))


class Cloud:
    """The cloud API of a connected :class:`wetee.Chain` (keeps it alive)."""

    def __init__(self, chain):
        self._chain_h = chain._handle()
        self._h = _n.cloudb_open(self._chain_h)

    def _handle(self):
        if self._h is None:
            raise StateError("cloud: closed")
        return self._h

    def close(self):
        self._h = None
        self._chain_h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- user ----
    def deploy(self, keypair, deployment, timeout_ms=60000):
        """Deploy; returns ``(id, outcome)``."""
        wid, outcome = _n.cloudb_deploy(self._handle(), keypair._handle(), deployment._h, timeout_ms)
        return wid, json.loads(outcome)

    def estimate(self, deployment):
        """Cost per payment period at the chain's price for the deployment's level."""
        return _n.cloudb_estimate(self._handle(), deployment._h)

    def status(self, kind, work_id):
        return json.loads(_n.cloudb_status_json(self._handle(), kind, work_id))

    def list(self, kind, owner):
        return json.loads(_n.cloudb_list_json(self._handle(), kind, owner))

    def wait(self, kind, work_id, target, timeout_ms):
        """Wait until the work reaches ``target``; returns the last status.
        ``TimeoutError`` when the time runs out, ``StateError`` when it stops."""
        return _n.cloudb_wait(self._handle(), kind, work_id, target, timeout_ms)

    def restart(self, keypair, kind, work_id, timeout_ms=60000):
        return json.loads(_n.cloudb_restart(self._handle(), keypair._handle(), kind, work_id, timeout_ms))

    def update(self, keypair, work_id, deployment, with_restart=True, timeout_ms=60000):
        return json.loads(_n.cloudb_update(self._handle(), keypair._handle(), work_id, deployment._h,
                                           1 if with_restart else 0, timeout_ms))

    def stop(self, keypair, kind, work_id, timeout_ms=60000):
        return json.loads(_n.cloudb_stop(self._handle(), keypair._handle(), kind, work_id, timeout_ms))

    def prices(self, kind):
        return json.loads(_n.cloudb_prices_json(self._handle(), kind))

    def assets(self):
        return json.loads(_n.cloudb_assets_json(self._handle()))

    def clusters(self):
        return json.loads(_n.cloudb_clusters_json(self._handle()))

    def submit(self, keypair, role, call, args=None, timeout_ms=60000):
        """Any call of a cloud pallet (``role``: APP, TASK, GPU or WORKER)."""
        return json.loads(_n.cloudb_submit(self._handle(), keypair._handle(), role, call,
                                           None if args is None else json.dumps(args), timeout_ms))

    # ---- worker ----
    def cluster_register(self, keypair, name, ipv4, port, level=1, timeout_ms=60000):
        """Register a cluster; returns its id."""
        return _n.cloudb_cluster_register(self._handle(), keypair._handle(), name, ipv4, port, level, timeout_ms)

    def cluster_mortgage(self, keypair, cluster_id, resources, deposit, timeout_ms=60000):
        return json.loads(_n.cloudb_cluster_mortgage(self._handle(), keypair._handle(), cluster_id,
                                                     json.dumps(resources), deposit, timeout_ms))

    def work_proof_upload(self, keypair, kind, work_id, report=None, proof=None, timeout_ms=60000):
        """Upload a work proof (empty when ``proof`` is None) with an optional report (bytes)."""
        return json.loads(_n.cloudb_work_proof_upload(self._handle(), keypair._handle(), kind, work_id,
                                                      None if proof is None else json.dumps(proof),
                                                      b"" if report is None else report,
                                                      0 if report is None else 1, timeout_ms))

    def work_report(self, kind, work_id):
        return _n.cloudb_work_report(self._handle(), kind, work_id)
