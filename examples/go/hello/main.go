// Command hello shows the libwetee Go binding: hashes, codecs, u128
// amounts, SCALE compact integers and keys.
//
//	PKG_CONFIG_PATH=<prefix>/lib/pkgconfig LD_LIBRARY_PATH=<prefix>/lib go run ./hello
//
// (from examples/go, with libwetee installed in <prefix>: see bindings/go).
package main

import (
	"errors"
	"fmt"
	"log"
	"math/big"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

func main() {
	fmt.Println("libwetee", wetee.Version())

	// Substrate storage key of System.Account: twox128("System") ++ twox128("Account")
	system, account := wetee.Twox128([]byte("System")), wetee.Twox128([]byte("Account"))
	fmt.Println("System.Account prefix:", wetee.HexEncode(append(system[:], account[:]...), wetee.HexPrefix))

	h := wetee.Blake2b256(nil)
	fmt.Printf("blake2b-256(''):      %x\n", h)
	k := wetee.Keccak256(nil)
	fmt.Printf("keccak256(''):        %x\n", k)
	b58, err := wetee.Base58Encode([]byte("hello"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("base58('hello'):     ", b58)

	// 1.5 tokens with 10 decimals, as base units and back
	amount, err := wetee.U128FromDecimal("1.5", 10)
	if err != nil {
		log.Fatal(err)
	}
	text, err := wetee.U128ToDecimal(amount, 10)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("1.5 @ 10 decimals:   ", amount, "->", text)

	// SCALE compact integers
	max := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1))
	for _, v := range []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(64), max} {
		enc, err := wetee.ScaleEncodeCompact(v)
		if err != nil {
			log.Fatal(err)
		}
		dec, n, err := wetee.ScaleDecodeCompact(enc)
		if err != nil || dec.Cmp(v) != 0 || n != len(enc) {
			log.Fatalf("roundtrip of %v failed: %v", v, err)
		}
		fmt.Printf("compact(%v) = %x\n", v, enc)
	}

	// Keys: //Alice from the development phrase, her Polkadot address, a signature
	alice, err := wetee.KeypairFromSURI(wetee.Sr25519, "//Alice")
	if err != nil {
		log.Fatal(err)
	}
	defer alice.Close()
	address, err := alice.Address(wetee.SS58PrefixPolkadot)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("//Alice on Polkadot: ", address)
	sig, err := alice.Sign([]byte("hello"))
	if err != nil || wetee.Verify(alice.Scheme(), sig, []byte("hello"), alice.PublicKey()) != nil {
		log.Fatalf("sign/verify failed: %v", err)
	}
	fmt.Printf("signed 'hello':       %x...\n", sig[:16])

	// Errors carry libwetee's status and detail
	if _, err := wetee.HexDecode("0x12zz"); errors.Is(err, wetee.ErrDecode) {
		fmt.Println("HexDecode(\"0x12zz\") failed:", err)
	}
}
