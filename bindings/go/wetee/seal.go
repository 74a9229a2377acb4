package wetee

import (
	"runtime"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Attested secret sealing (see wetee/seal.h): verify a TEE's evidence under a
// policy, take the key its REPORTDATA binds, and seal secrets to it with
// libsodium's sealed box; the TEE opens them with its private key.

// Key kinds of sealing keys.
const (
	SealKeyEd25519 = 1 // Ed25519 (converted to X25519)
	SealKeyX25519  = 2 // X25519
)

// Where SealVerify takes the recipient key from.
const (
	// The policy's binding, as an Ed25519 key (WeTEE's binding, or a hash
	// of a 32-byte Ed25519 key).
	SealSourceBoundEd25519 = 0
	// The policy's hash-of-key binding, as an X25519 key.
	SealSourceBoundX25519 = 1
	// The first 32 bytes of REPORTDATA as the X25519 key.
	SealSourceReportDataX25519 = 2
)

// SealOverhead is how many bytes a sealed box adds to the secret.
const SealOverhead = 48

// SealRecipient is an attested recipient, or a refused one (Accepted false;
// FailedCheck and Reason say why, and Seal returns an error naming it).
type SealRecipient struct{ h uintptr }

// SealVerify verifies evidence (any form AttestVerifyEvidence accepts) at
// time (Unix seconds) under policyJSON ("" for the strict default) with
// collateralJSON ("" for the collateral inside the evidence), and returns
// the recipient, also when it was refused. Errors are malformed policy or
// collateral JSON and evidence the verification could not start on.
func SealVerify(evidence []byte, policyJSON, collateralJSON string, keySource int, time uint64) (*SealRecipient, error) {
	var h uintptr
	if err := check(cwetee.Seal_verify_json(&h, evidence, policyJSON, collateralJSON, keySource, time)); err != nil {
		if h != 0 {
			cwetee.Seal_recipient_free(h)
		}
		return nil, err
	}
	r := &SealRecipient{h: h}
	runtime.SetFinalizer(r, func(r *SealRecipient) { cwetee.Seal_recipient_free(r.h) })
	return r, nil
}

// Accepted reports whether secrets may be sealed to the recipient.
func (r *SealRecipient) Accepted() bool {
	defer runtime.KeepAlive(r)
	return cwetee.Seal_recipient_accepted(r.h) != 0
}

// FailedCheck is the name of the check that refused it ("none" when accepted).
func (r *SealRecipient) FailedCheck() string {
	defer runtime.KeepAlive(r)
	return cwetee.Seal_recipient_failed_check_name(r.h)
}

// Reason says why it was refused ("<check>: <reason>"), "" when accepted.
func (r *SealRecipient) Reason() string {
	defer runtime.KeepAlive(r)
	return cwetee.Seal_recipient_reason(r.h)
}

// Result is the attestation result behind the recipient.
func (r *SealRecipient) Result() (*AttestResult, error) {
	defer runtime.KeepAlive(r)
	var text string
	if err := check(cwetee.Seal_recipient_result_json(&text, r.h)); err != nil {
		return nil, err
	}
	return parseAttestResult(text)
}

// BoundKey is the key the evidence bound and its kind (SealKeyEd25519 or
// SealKeyX25519); ErrNotFound when none is bound.
func (r *SealRecipient) BoundKey() ([]byte, int, error) {
	defer runtime.KeepAlive(r)
	var k []byte
	if err := check(cwetee.Seal_recipient_bound_key(&k, r.h)); err != nil {
		return nil, 0, err
	}
	return k, cwetee.Seal_recipient_bound_key_kind(r.h), nil
}

// PublicKey is the X25519 key secrets are sealed to (ErrVerify when refused).
func (r *SealRecipient) PublicKey() ([]byte, error) {
	defer runtime.KeepAlive(r)
	out := make([]byte, 32)
	if err := check(cwetee.Seal_recipient_public_key(out, r.h)); err != nil {
		return nil, err
	}
	return out, nil
}

// Seal seals secret to the attested key (ErrVerify naming the check when
// the recipient was refused).
func (r *SealRecipient) Seal(secret []byte) ([]byte, error) {
	defer runtime.KeepAlive(r)
	var out []byte
	if err := check(cwetee.Seal_to(&out, r.h, secret)); err != nil {
		return nil, err
	}
	return out, nil
}

// SealToKey seals to a key without attestation (a key verified otherwise).
func SealToKey(key []byte, kind int, secret []byte) ([]byte, error) {
	if len(key) != 32 {
		return nil, &Error{Code: ErrInvalidArgument, Detail: "seal: key must be 32 bytes"}
	}
	var out []byte
	if err := check(cwetee.Seal_to_key(&out, key, kind, secret)); err != nil {
		return nil, err
	}
	return out, nil
}

// SealOpen opens a sealed box with the private key: an Ed25519 seed (32
// bytes) or secret key (64 bytes) for SealKeyEd25519, an X25519 scalar for
// SealKeyX25519. ErrVerify when it was not sealed to this key or was altered.
func SealOpen(sealed, secretKey []byte, kind int) ([]byte, error) {
	var out []byte
	if err := check(cwetee.Seal_open(&out, sealed, secretKey, kind)); err != nil {
		return nil, err
	}
	return out, nil
}

// SealX25519Public is the X25519 key sealed to for an Ed25519 public key
// (SealKeyEd25519) or an X25519 secret key (SealKeyX25519).
func SealX25519Public(key []byte, kind int) ([]byte, error) {
	if len(key) != 32 {
		return nil, &Error{Code: ErrInvalidArgument, Detail: "seal: key must be 32 bytes"}
	}
	out := make([]byte, 32)
	if err := check(cwetee.Seal_x25519_public(out, key, kind)); err != nil {
		return nil, err
	}
	return out, nil
}
