// Package cwetee is the SWIG-generated, low-level binding of libwetee used
// by package wetee; it is not an API. Its sources wetee.go and wetee_wrap.c
// are generated from bindings/wetee.i and not committed: run
// `go generate ./...` in bindings/go (needs swig 4), or build libwetee with
// CMake and -DWETEE_BUILD_GO=ON, before `go build`.
//
// Functions keep the C names without the wetee_ prefix; results come back
// through out-parameters, and the return value is the status: "" for
// success, otherwise "CODE:detail" with the libwetee status code and the
// error detail read inside the same C call.
package cwetee

//go:generate swig -go -cgo -intgosize 64 -package cwetee -o wetee_wrap.c -outdir . ../../../wetee.i

// #cgo pkg-config: libwetee
import "C"
