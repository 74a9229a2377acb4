// Package cwetee is the SWIG-generated, low-level binding of libwetee used
// by package wetee; it is not an API. Its sources wetee.go and wetee_wrap.c
// are generated from bindings/*.i and committed, so that `go build` needs
// only an installed libwetee (found with pkg-config), not swig. After a
// change to bindings/*.i, regenerate them with `scripts/dev bindings` from
// the repository root (or `go generate` here); the Go tests fail while they
// are out of date.
//
// Functions keep the C names without the wetee_ prefix; results come back
// through out-parameters, and the return value is the status: "" for
// success, otherwise "CODE:detail" with the libwetee status code and the
// error detail read inside the same C call.
package cwetee

//go:generate ../../../../scripts/dev bindings

// #cgo pkg-config: libwetee
import "C"
