// Deploy a confidential app from a deployment file and watch its status
// (wetee.Cloud, docs/cloud.md).
//
//	cloud_deploy WS_URL DEPLOYMENT.json [SURI] [--dev-block]
//
// Validates the file, prints the cost per payment period at the chain's
// level price, deploys it signed by SURI (default //Alice) and follows the
// app until a cluster takes it (deploying) or 60 s pass. --dev-block asks a
// devnode for the next block (the chain assigns new works in it).
package main

import (
	"fmt"
	"os"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: cloud_deploy WS_URL DEPLOYMENT.json [SURI] [--dev-block]")
		os.Exit(2)
	}
	suri := "//Alice"
	if len(os.Args) > 3 {
		suri = os.Args[3]
	}
	if err := run(os.Args[1], os.Args[2], suri, len(os.Args) > 4 && os.Args[4] == "--dev-block"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(url, path, suri string, devBlock bool) error {
	d, err := wetee.LoadDeployment(path)
	if err != nil {
		return err
	}
	defer d.Close()
	c, err := wetee.ConnectChain(url, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	cl, err := wetee.OpenCloud(c)
	if err != nil {
		return err
	}
	defer cl.Close()
	who, err := wetee.KeypairFromSURI(wetee.Sr25519, suri)
	if err != nil {
		return err
	}
	defer who.Close()
	cost, err := cl.Estimate(d)
	if err != nil {
		return err
	}
	fmt.Printf("estimate: %s per period\n", cost)
	id, out, err := cl.Deploy(who, d, 60000)
	if err != nil {
		return err
	}
	fmt.Printf("deployed: %s %d in block %v\n", wetee.CloudKindName(d.Kind()), id, out["blockNumber"])
	if devBlock {
		if _, err := c.Request("dev_newBlock", []any{map[string]int{"count": 1}}); err != nil {
			return err
		}
	}
	status, err := cl.Wait(d.Kind(), id, wetee.CloudDeploying, 60000)
	if err != nil {
		return err
	}
	fmt.Printf("status: %s\n", wetee.CloudStatusName(status))
	st, err := cl.Status(d.Kind(), id)
	if err != nil {
		return err
	}
	fmt.Printf("cluster: %v\n", st["cluster"])
	return nil
}
