package wetee

import (
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// The Go constants repeat values of the C headers; check them against the
// values the SWIG layer reads from C.
func TestConstantsMatchC(t *testing.T) {
	statuses := map[Status]cwetee.Enum_SS_wetee_status{
		OK: cwetee.OK, ErrInvalidArgument: cwetee.ERR_INVALID_ARGUMENT, ErrNoMemory: cwetee.ERR_NO_MEMORY,
		ErrDecode: cwetee.ERR_DECODE, ErrTruncated: cwetee.ERR_TRUNCATED, ErrNonCanonical: cwetee.ERR_NON_CANONICAL,
		ErrOverflow: cwetee.ERR_OVERFLOW, ErrDepth: cwetee.ERR_DEPTH, ErrChecksum: cwetee.ERR_CHECKSUM,
		ErrUnsupported: cwetee.ERR_UNSUPPORTED, ErrCrypto: cwetee.ERR_CRYPTO, ErrVerify: cwetee.ERR_VERIFY,
		ErrNotFound: cwetee.ERR_NOT_FOUND, ErrIO: cwetee.ERR_IO, ErrNetwork: cwetee.ERR_NETWORK,
		ErrState: cwetee.ERR_STATE, ErrTrailing: cwetee.ERR_TRAILING, ErrInternal: cwetee.ERR_INTERNAL,
		ErrTooLong: cwetee.ERR_TOO_LONG,
	}
	for g, c := range statuses {
		if int(g) != int(c) {
			t.Errorf("status %q: Go %d, C %d", g, int(g), int(c))
		}
	}
	if uint(HexPrefix) != cwetee.HEX_PREFIX || uint(HexUpper) != cwetee.HEX_UPPER {
		t.Errorf("hex flags")
	}
	if uint(Base64URL) != cwetee.BASE64_URL || uint(Base64NoPad) != cwetee.BASE64_NOPAD {
		t.Errorf("base64 flags")
	}
	if U128MaxDecimals != cwetee.U128_MAX_DECIMALS {
		t.Errorf("U128MaxDecimals")
	}
	schemes := map[Scheme]cwetee.Enum_SS_wetee_scheme{
		Sr25519: cwetee.SCHEME_SR25519, Ed25519: cwetee.SCHEME_ED25519,
		Ecdsa: cwetee.SCHEME_ECDSA, Ethereum: cwetee.SCHEME_ETHEREUM,
	}
	for g, c := range schemes {
		if int(g) != int(c) {
			t.Errorf("scheme %v: Go %d, C %d", g, int(g), int(c))
		}
	}
	if PublicMaxBytes != cwetee.PUBLIC_MAX_BYTES || SignatureMaxBytes != cwetee.SIGNATURE_MAX_BYTES ||
		ChainCodeBytes != cwetee.CHAIN_CODE_BYTES {
		t.Errorf("key sizes")
	}
	if DevPhrase != cwetee.Dev_phrase() {
		t.Errorf("DevPhrase")
	}
	if uint(SS58PrefixPolkadot) != cwetee.SS58_PREFIX_POLKADOT || uint(SS58PrefixKusama) != cwetee.SS58_PREFIX_KUSAMA ||
		uint(SS58PrefixGeneric) != cwetee.SS58_PREFIX_GENERIC || uint(SS58PrefixMax) != cwetee.SS58_PREFIX_MAX {
		t.Errorf("SS58 prefixes")
	}
}

func TestCheck(t *testing.T) {
	if check("") != nil {
		t.Fatal("empty status is success")
	}
	err := check("-4:scale: compact at offset 0: truncated")
	e, ok := err.(*Error)
	if !ok || e.Code != ErrTruncated || e.Detail != "scale: compact at offset 0: truncated" {
		t.Fatalf("%#v", err)
	}
	if e, ok := check("garbage").(*Error); !ok || e.Code != ErrInternal {
		t.Fatalf("malformed status: %#v", e)
	}
}
