package gotest

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/wetee"
)

// TEP-467, ton_proof (tonutils-go proof_test.go vector) and Telegram initData
// (init-data-golang and aiogram vectors, ../shared/reference/ton.md §5-6);
// the C suite and the differential tests cover the rest.

const proofStateInit = "te6cckECFgEAAwQAAgE0AgEAUQAAAAApqaMXp6kMOCJ4z0QdKdtKvLvoflXmJvj/gmw26izx4ImGnYtAART/APSkE/S88sgLAwIBIAgEBPjygwjX" +
	"GCDTH9Mf0x8C+CO78mTtRNDTH9Mf0//0BNFRQ7ryoVFRuvKiBfkBVBBk+RDyo/gAJKTIyx9SQMsfUjDL/1IQ9ADJ7VT4DwHTByHAAJ9sUZMg10qW" +
	"0wfUAvsA6DDgIcAB4wAhwALjAAHAA5Ew4w0DpMjLHxLLH8v/BwYQBQAK9ADJ7VQAcIEBCNcY+gDTP8hUIEeBAQj0UfKnghBub3RlcHSAGMjLBcsC" +
	"UAbPFlAE+gIUy2oSyx/LP8lz+wACAG7SB/oA1NQi+QAFyMoHFcv/ydB3dIAYyMsFywIizxZQBfoCFMtrEszMyXP7AMhAFIEBCPRR8qcCAgFIDQkC" +
	"ASALCgBZvSQrb2omhAgKBrkPoCGEcNQICEekk30pkQzmkD6f+YN4EoAbeBAUiYcVnzGEAgEgEQwAEbjJftRNDXCx+ALm0AHQ0wMhcbCSXwTgItdJ" +
	"wSCSXwTgAtMfIYIQcGx1Z70ighBkc3RyvbCSXwXgA/pAMCD6RAHIygfL/8nQ7UTQgQFA1yH0BDBcgQEI9ApvoTGzkl8H4AXTP8glghBwbHVnupI4" +
	"MOMNA4IQZHN0crqSXwbjDQ8OAIpQBIEBCPRZMO1E0IEBQNcgyAHPFvQAye1UAXKwjiOCEGRzdHKDHrFwgBhQBcsFUAPPFiP6AhPLassfyz/JgED7" +
	"AJJfA+IAeAH6APQEMPgnbyIwUAqhIb7y4FCCEHBsdWeDHrFwgBhQBMsFJs8WWPoCGfQAy2kXyx9SYMs/IMmAQPsABgBsgQEI1xj6ANM/MFIkgQEI" +
	"9Fnyp4IQZHN0cnB0gBjIywXLAlAFzxZQA/oCE8tqyx8Syz/Jc/sAAgFYFRICASAUEwAZrx32omhAEGuQ64WPwAAZrc52omhAIGuQ64X/wAA9sp37" +
	"UTQgQFA1yH0BDACyMoHy//J0AGBAQj0Cm+hMYHrKDBA="

func proofReply(ts, payload string) string {
	return fmt.Sprintf(`{"address":"0:960ab627408d5472d9d125b667cbe00ce17eeaa44e9dc6a86e93cdfef2c480d5","proof":{"payload":%q,`+
		`"signature":"OXNmXOa6Ml5mgx13CXVunl5TjQiIl2oYq8dn9MUcBiS6OjZcuJYccqqVMluy0duyOXkoJYHg4VJCyycwkjdJBA==",`+
		`"timestamp":%s,"domain":{"value":"ton-connect.github.io","lengthBytes":21}},"state_init":%q}`, payload, ts, proofStateInit)
}

func TestTonNormalizedHash(t *testing.T) {
	secret, pub, err := wetee.TonMnemonicToKeypair(tonWords, "")
	if err != nil {
		t.Fatal(err)
	}
	w, err := wetee.NewTonWallet(wetee.TonWalletV5R1, pub, 0, wetee.TonNetworkMainnet)
	if err != nil {
		t.Fatal(err)
	}
	comment, _ := wetee.TonComment("order 42")
	msg, err := wetee.TonInternalMessage("EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB", big.NewInt(1500000000), true, nil, comment)
	if err != nil {
		t.Fatal(err)
	}
	body, err := w.Transfer(secret, 0, 1767225600, []wetee.TonOutMessage{{Mode: wetee.TonSendDefault, Message: msg}})
	if err != nil {
		t.Fatal(err)
	}
	ext, _ := w.External(body, true)
	h, err := ext.NormalizedHash()
	// @ton/core 0.63.1 with the TON documentation's normalisation
	if err != nil || hex.EncodeToString(h) != "e716dd1f1057b7650b48822267c2d571a6de9c6dca0f6f92179bb3ea5860af0e" {
		t.Fatalf("normalized hash %x %v", h, err)
	}
	if _, err := msg.NormalizedHash(); !errors.Is(err, wetee.ErrDecode) {
		t.Fatalf("internal message: %v", err)
	}
	si, _ := w.StateInit()
	k, v, err := wetee.TonStateInitPublicKey(si)
	if err != nil || !strings.EqualFold(hex.EncodeToString(k), hex.EncodeToString(pub)) || v != wetee.TonWalletV5R1 {
		t.Fatalf("state init key %x %v %v", k, v, err)
	}
}

func TestTonProof(t *testing.T) {
	p, err := wetee.TonProofVerify(proofReply("1747303893", "1747303885:"), "ton-connect.github.io", 1747303900, 1800)
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(p.PublicKey) != "a7a90c382278cf441d29db4abcbbe87e55e626f8ff826c36ea2cf1e089869d8b" ||
		p.Address != "0:960ab627408d5472d9d125b667cbe00ce17eeaa44e9dc6a86e93cdfef2c480d5" || p.Payload != "1747303885:" {
		t.Fatalf("proof %+v", p)
	}
	if _, err := wetee.TonProofVerify(proofReply(`"1747303893"`, "1747303885:"), "ton-connect.github.io", 1747303900, 1800); err != nil {
		t.Fatalf("string timestamp: %v", err)
	}
	for name, c := range map[string]struct {
		reply, domain string
		now           uint64
	}{
		"timestamp": {proofReply("1747303894", "1747303885:"), "ton-connect.github.io", 1747303900},
		"payload":   {proofReply("1747303893", "1747303885;"), "ton-connect.github.io", 1747303900},
		"domain":    {proofReply("1747303893", "1747303885:"), "example.com", 1747303900},
		"expired":   {proofReply("1747303893", "1747303885:"), "ton-connect.github.io", 1747303893 + 1801},
	} {
		if _, err := wetee.TonProofVerify(c.reply, c.domain, c.now, 1800); !errors.Is(err, wetee.ErrVerify) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// signed here, for a v4r2 wallet, and by another key
	var seed [32]byte
	sk, pk := wetee.Ed25519KeypairFromSeed(seed)
	w, _ := wetee.NewTonWallet(wetee.TonWalletV4R2, pk[:], 0, wetee.TonNetworkMainnet)
	d, err := wetee.TonProofHash(w.Address(), "app.example", 1700000000, []byte("nonce"))
	if err != nil {
		t.Fatal(err)
	}
	si, _ := w.StateInit()
	reply := func(sig [64]byte) string {
		return fmt.Sprintf(`{"address":%q,"proof":{"timestamp":1700000000,"domain":{"lengthBytes":11,"value":"app.example"},`+
			`"payload":"nonce","signature":%q,"state_init":%q}}`, w.Address(), base64.StdEncoding.EncodeToString(sig[:]),
			base64.StdEncoding.EncodeToString(si.BOC(true, false)))
	}
	if _, err := wetee.TonProofVerify(reply(wetee.Ed25519Sign(sk, d)), "app.example", 1700000030, 60); err != nil {
		t.Fatal(err)
	}
	seed[0] = 1
	other, _ := wetee.Ed25519KeypairFromSeed(seed)
	if _, err := wetee.TonProofVerify(reply(wetee.Ed25519Sign(other, d)), "app.example", 1700000030, 60); !errors.Is(err, wetee.ErrVerify) {
		t.Fatalf("other key: %v", err)
	}
}

const tgToken = "5768337691:AAH5YkoiEuPk8-FZa32hStHTqXiLPtAEhx8"
const tgHMAC = "query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%22%2C%22last_" +
	"name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%" +
	"3Atrue%7D&auth_date=1662771648&hash=c501b71e775f74ce10e377dea85a7ea24ecd640b223ea86dfe453e0eaed2e2b2"
const tgThird = "user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%20%2B%20-%20%3F%20%5C%2F%22%2C%22last_name%22%3A%" +
	"22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%3Atrue%2C%" +
	"22allows_write_to_pm%22%3Atrue%2C%22photo_url%22%3A%22https%3A%5C%2F%5C%2Ft.me%5C%2Fi%5C%2Fuserpic%5C%2F320%5C%" +
	"2F4FPEE4tmP3ATHa57u6MqTDih13LTOiMoKoLDRG4PnSA.svg%22%7D&chat_instance=8134722200314281151&chat_type=private&" +
	"auth_date=1733584787&hash=2174df5b000556d044f3f020384e879c8efcab55ddea2ced4eb752e93e7080d6&signature=zL-" +
	"ucjNyREiHDE8aihFwpfR9aggP2xiAo3NSpfe-p7IbCisNlDKlo7Kb6G4D0Ao2mBrSgEk4maLSdv6MLIlADQ"

func TestTelegramInitData(t *testing.T) {
	d, err := wetee.ValidateTelegramInitData(tgHMAC, tgToken, 1662771648+60, 3600)
	if err != nil {
		t.Fatal(err)
	}
	u := d.User()
	if u == nil || u.ID != 279058397 || u.FirstName != "Vladislav" || u.LastName != "Kibenko" || u.Username != "vdkfrost" ||
		u.LanguageCode != "ru" || !u.IsPremium || d.AuthDate() != 1662771648 || d.Get("query_id") != "AAHdF6IQAAAAAN0XohDhrOrc" {
		t.Fatalf("fields %+v", u)
	}
	if _, err := wetee.ValidateTelegramInitData(tgHMAC, tgToken+"x", 1662771648, 3600); !errors.Is(err, wetee.ErrVerify) {
		t.Fatalf("other token: %v", err)
	}
	if _, err := wetee.ValidateTelegramInitData(tgHMAC, tgToken, 1662771648+3601, 3600); !errors.Is(err, wetee.ErrVerify) {
		t.Fatalf("expired: %v", err)
	}
	if hex.EncodeToString(wetee.TelegramPublicKey(false)) != "e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d" {
		t.Fatal("production key")
	}
	d, err = wetee.ValidateTelegramInitDataThirdParty(tgThird, 7342037359, wetee.TelegramPublicKey(false), 1733584787, 60)
	if err != nil || d.User().PhotoURL != "https://t.me/i/userpic/320/4FPEE4tmP3ATHa57u6MqTDih13LTOiMoKoLDRG4PnSA.svg" {
		t.Fatalf("third party: %v", err)
	}
	if _, err := wetee.ValidateTelegramInitDataThirdParty(tgThird, 1, wetee.TelegramPublicKey(false), 1733584787, 60); !errors.Is(err, wetee.ErrVerify) {
		t.Fatalf("other bot: %v", err)
	}
	if _, err := wetee.ValidateTelegramInitDataThirdParty(tgThird, 7342037359, wetee.TelegramPublicKey(true), 1733584787, 60); !errors.Is(err, wetee.ErrVerify) {
		t.Fatalf("test key: %v", err)
	}
	for _, bad := range []string{"a=1&a=2", "a=%4", "a=1&&b=2", "a", "user=%7B%7D", "a=%00", ""} {
		if _, err := wetee.ParseTelegramInitData(bad); !errors.Is(err, wetee.ErrDecode) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
