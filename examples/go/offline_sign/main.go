// Command offline_sign shows offline signing with libwetee: a transaction
// built from a chain's metadata alone, its signing payload handed to a
// signer, the signature attached, the result decoded. Nothing touches the
// network.
//
//	go run ./offline_sign METADATA.json
//
// (from examples/go, with libwetee installed: see bindings/go). METADATA.json
// is the chain's state_getMetadata JSON-RPC response. The same program in C
// and Python: examples/offline_sign.c, examples/python/offline_sign.py. With
// ed25519 (deterministic) all three print the same extrinsic.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"os"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatalf("usage: %s METADATA.json (a state_getMetadata JSON-RPC response)", os.Args[0])
	}
	rpc, err := os.ReadFile(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	md, err := wetee.LoadMetadataRPCResponse(rpc, false)
	if err != nil {
		log.Fatal(err)
	}
	defer md.Close()

	// Example values: a client reads them from the chain (chain_getBlockHash(0),
	// system_accountNextIndex, chain_getHeader).
	genesis, blockHash := [32]byte(bytes.Repeat([]byte{0x11}, 32)), [32]byte(bytes.Repeat([]byte{0x22}, 32))

	// 1. online side: the transaction and its signing payload
	tx, err := wetee.NewTx(md)
	if err != nil {
		log.Fatal(err)
	}
	defer tx.Close()
	for _, err := range []error{
		tx.SetCall("System", "remark", map[string]any{"remark": []byte("hello from an offline signer")}),
		tx.SetGenesisHash(genesis),
		tx.SetNonce(0),
		tx.SetMortal(64, 1000, blockHash),
	} {
		if err != nil {
			log.Fatal(err)
		}
	}
	payload, err := tx.SigningPayload()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%-16s 0x%x\n", "signing payload", payload)

	// 2. the signer (another process or device) signs the payload
	signer, err := wetee.KeypairFromSURI(wetee.Ed25519, "//Alice")
	if err != nil {
		log.Fatal(err)
	}
	public := signer.PublicKey()
	signature, err := signer.Sign(payload)
	signer.Close()
	if err != nil {
		log.Fatal(err)
	}

	// 3. online side: attach the signature (checked first) and decode
	extrinsic, err := tx.AttachSignature(wetee.Ed25519, public, signature)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%-16s 0x%x\n", "extrinsic", extrinsic)
	d, err := md.DecodeExtrinsic(extrinsic, false)
	if err != nil {
		log.Fatal(err)
	}
	address, _ := json.Marshal(d.Address)
	extensions, _ := json.Marshal(d.Extensions)
	args, _ := json.Marshal(d.Call.Args)
	fmt.Printf("%-16s v%d %s from %s\n", "decoded", d.Version, d.Type, address)
	fmt.Printf("%-16s %s\n", "extensions", extensions)
	fmt.Printf("%-16s %s.%s %s\n", "call", d.Call.Pallet, d.Call.Call, args)
	fmt.Printf("%-16s 0x%x\n", "hash", d.Hash)
}
