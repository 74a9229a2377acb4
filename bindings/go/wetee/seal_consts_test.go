package wetee

import (
	"testing"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// The seal constants repeat wetee/seal.h.
func TestSealConstantsMatchC(t *testing.T) {
	if SealKeyEd25519 != cwetee.SEAL_KEY_ED25519 || SealKeyX25519 != cwetee.SEAL_KEY_X25519 {
		t.Errorf("key kinds")
	}
	if SealSourceBoundEd25519 != cwetee.SEAL_SOURCE_BOUND_ED25519 || SealSourceBoundX25519 != cwetee.SEAL_SOURCE_BOUND_X25519 ||
		SealSourceReportDataX25519 != cwetee.SEAL_SOURCE_REPORT_DATA_X25519 {
		t.Errorf("key sources")
	}
	if SealOverhead != cwetee.SEAL_OVERHEAD {
		t.Errorf("overhead")
	}
}
