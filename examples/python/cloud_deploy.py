"""Deploy a confidential app from a deployment file and watch its status
(wetee.Cloud, docs/cloud.md).

    python3 cloud_deploy.py WS_URL DEPLOYMENT.json [SURI]

Validates the file, prints the cost per payment period at the chain's level
price, deploys it signed by SURI (default //Alice), and follows the app's
status until a cluster takes it (deploying) or 60 s pass.
"""
import sys

import wetee


def main():
    url, path = sys.argv[1], sys.argv[2]
    suri = sys.argv[3] if len(sys.argv) > 3 else "//Alice"
    d = wetee.Deployment.load(path)
    with wetee.Chain(url) as chain, wetee.Keypair.from_suri("sr25519", suri) as who:
        cloud = wetee.Cloud(chain)
        print(f"estimate: {cloud.estimate(d)} per period ({chain.token_symbol}, {chain.token_decimals} decimals)")
        work_id, outcome = cloud.deploy(who, d)
        print(f"deployed: {wetee.cloud.kind_name(d.kind)} {work_id} in block {outcome['blockNumber']}")
        # the chain assigns new works in the next block's on_initialize
        if len(sys.argv) > 4 and sys.argv[4] == "--dev-block":
            chain.request("dev_newBlock", [{"count": 1}])
        status = cloud.wait(d.kind, work_id, wetee.cloud.DEPLOYING, 60000)
        print(f"status: {wetee.cloud.status_name(status)}")
        print(f"cluster: {cloud.status(d.kind, work_id)['cluster']}")


if __name__ == "__main__":
    main()
