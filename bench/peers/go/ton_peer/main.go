// TON benchmarks, Go peer: xssnick/tonutils-go (cells, BOC, wallets). Same
// cases, inputs and CHECK hashes as bench/bench_ton.c (see there).
//
// tonutils-go takes a wallet request's valid_until from the clock (now +
// messages TTL), so each operation sets the TTL to 2000000000 - now, as
// libwetee and @ton/ton are given valid_until 2000000000; the CHECK run
// retries until no second boundary fell inside it, so its bytes are the
// other implementations' bytes.
package main

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	"github.com/xssnick/tonutils-go/ton/wallet"
	"github.com/xssnick/tonutils-go/tvm/cell"

	"libwetee/bench/peers/go/harness"
)

const (
	secretHex  = "9d659a6c2234db7f6e4f977e6e8653b9f5946d557163f31034011375d8f3f97df6c450a16bb1c514e22f1977e390a3025599aa1e7b00068a6aacf2119484c1bd"
	dest       = "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB"
	validUntil = 2000000000
)

func die(what string, err error) {
	fmt.Fprintf(os.Stderr, "ton_peer: %s: %v\n", what, err)
	os.Exit(1)
}

func dataDir() string {
	if d := os.Getenv("WETEE_BENCH_DATA"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "data")
}

func loadBoc(name string) []byte {
	f, err := os.Open(filepath.Join(dataDir(), "ton_bocs.txt"))
	if err != nil {
		die("open ton_bocs.txt", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		n, b64, ok := strings.Cut(sc.Text(), "\t")
		if ok && n == name {
			b, err := base64.StdEncoding.DecodeString(b64)
			if err != nil {
				die("base64", err)
			}
			return b
		}
	}
	die("ton_bocs.txt", fmt.Errorf("no BOC %s", name))
	return nil
}

func parseCase(name, file string) harness.Case {
	return harness.Case{Name: name, OpsPerIter: 1, Setup: func() harness.Bench {
		data := loadBoc(file)
		hash := func() []byte {
			c, err := cell.FromBOC(data)
			if err != nil {
				die("FromBOC", err)
			}
			return c.Hash()
		}
		return harness.Bench{
			Run: func(iters uint64) {
				for i := uint64(0); i < iters; i++ {
					harness.Sink ^= uint64(hash()[0])
				}
			},
			Check: func() uint64 { return harness.FNV1a(harness.FNVInit, hash()) },
		}
	}}
}

type ttlSetter interface{ SetMessagesTTL(uint32) }
type seqnoSetter interface {
	SetSeqnoFetcher(func(ctx context.Context, subWallet uint32) (uint32, error))
}

// mode: the send mode the others end up with: 1 for v4r2; W5 requests
// carry +2 (@ton/ton and libwetee add it, tonutils-go takes the mode as given).
func transferCase(name string, version wallet.VersionConfig, mode uint8) harness.Case {
	return harness.Case{Name: name, OpsPerIter: 1, Setup: func() harness.Bench {
		secret, _ := hex.DecodeString(secretHex)
		w, err := wallet.FromPrivateKeyWithOptions(nil, ed25519.NewKeyFromSeed(secret[:32]), version)
		if err != nil {
			die("wallet", err)
		}
		spec := w.GetSpec()
		spec.(seqnoSetter).SetSeqnoFetcher(func(context.Context, uint32) (uint32, error) { return 5, nil })
		to := address.MustParseAddr(dest)
		ctx := context.Background()
		one := func() []byte {
			spec.(ttlSetter).SetMessagesTTL(uint32(validUntil - time.Now().Unix()))
			msg, err := w.BuildTransfer(to, tlb.MustFromTON("1.5"), false, "order 42")
			if err != nil {
				die("BuildTransfer", err)
			}
			msg.Mode = mode
			ext, err := w.PrepareExternalMessageForMany(ctx, false, []*wallet.Message{msg})
			if err != nil {
				die("PrepareExternalMessageForMany", err)
			}
			c, err := tlb.ToCell(ext)
			if err != nil {
				die("ToCell", err)
			}
			return c.ToBOCWithFlags(true)
		}
		return harness.Bench{
			Run: func(iters uint64) {
				for i := uint64(0); i < iters; i++ {
					harness.Sink ^= uint64(one()[0])
				}
			},
			Check: func() uint64 {
				for {
					t0 := time.Now().Unix()
					b := one()
					if time.Now().Unix() == t0 {
						return harness.FNV1a(harness.FNVInit, b)
					}
				}
			},
		}
	}}
}

func main() {
	harness.Main("tonutils-go", []harness.Case{
		parseCase("ton_boc_parse_hash_wallet", "wallet"),
		parseCase("ton_boc_parse_hash_dict", "dict"),
		transferCase("ton_transfer_w5", wallet.ConfigV5R1Final{NetworkGlobalID: wallet.MainnetGlobalID, Workchain: 0},
			wallet.PayGasSeparately+wallet.IgnoreErrors),
		transferCase("ton_transfer_v4r2", wallet.V4R2, wallet.PayGasSeparately),
	})
}
