// Package wetee is the Go binding of libwetee, the C SDK for the WeTEE
// confidential cloud.
//
// It is built with cgo on top of a SWIG-generated layer (internal/cwetee)
// and links the libwetee that pkg-config finds (`#cgo pkg-config:
// libwetee`): set PKG_CONFIG_PATH to an installed libwetee, and
// LD_LIBRARY_PATH (or an rpath) so that the program finds libwetee.so at
// run time, unless libwetee is in a system prefix and ldconfig has run. The
// SWIG layer is generated and committed (scripts/dev bindings regenerates
// it), so building needs no swig.
//
// Byte strings are []byte, fixed-size digests are arrays (like
// crypto/sha256.Sum256), 128-bit values are *big.Int. A call that can fail
// on its input returns an error of type *Error, which carries the libwetee
// status (a Status, usable with errors.Is: errors.Is(err, wetee.ErrDecode))
// and the detail that libwetee gave (what failed and where). Calls that can
// only fail on a broken libwetee or an exhausted allocator panic instead.
//
// Keys live in *Keypair values that hold the secret in libwetee's memory:
// Close wipes and frees it (a finalizer does it for keypairs that are never
// closed). Secrets returned to Go (Keypair.Secret, mnemonics, seeds) are
// copies, which Go cannot wipe reliably.
//
// Every function may be called from any goroutine.
package wetee
