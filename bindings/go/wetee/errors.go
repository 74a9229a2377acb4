package wetee

import (
	"strconv"
	"strings"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Status is a libwetee status code (wetee_status): OK or a negative code.
// A Status is an error whose text is libwetee's name for the code; the
// errors returned by this package wrap one, so that
// errors.Is(err, wetee.ErrTruncated) tells the kind of failure.
type Status int

// The status codes of wetee/core.h.
const (
	OK                 Status = 0
	ErrInvalidArgument Status = -1  // a size out of range, an unknown flag, a missing value
	ErrNoMemory        Status = -2  // the allocator failed or a size overflowed
	ErrDecode          Status = -3  // malformed input (bad character, bad tag, bad UTF-8, ...)
	ErrTruncated       Status = -4  // input ended before the value did
	ErrNonCanonical    Status = -5  // a valid but non-canonical encoding (or excess precision)
	ErrOverflow        Status = -6  // a value does not fit its type
	ErrDepth           Status = -7  // nesting deeper than the limit
	ErrChecksum        Status = -8  // a checksum did not match
	ErrUnsupported     Status = -9  // a valid request this build does not support
	ErrCrypto          Status = -10 // a cryptographic primitive failed
	ErrVerify          Status = -11 // a signature or proof did not verify
	ErrNotFound        Status = -12 // a looked-up item does not exist
	ErrIO              Status = -13 // a file could not be read or written
	ErrNetwork         Status = -14 // a transport failed
	ErrState           Status = -15 // the object is not in a state that allows the call
	ErrTrailing        Status = -16 // input had bytes left after the value
	ErrInternal        Status = -17 // a bug in libwetee
	ErrTooLong         Status = -18 // an input longer than the function's limit
	ErrTimeout         Status = -19 // a deadline passed before the operation completed
	ErrRPC             Status = -20 // a JSON-RPC server answered with an error object
)

// Error returns libwetee's English name of the code (wetee_strerror), e.g.
// "truncated input".
func (s Status) Error() string { return cwetee.Strerror(int(s)) }

// String is the same as Error.
func (s Status) String() string { return s.Error() }

// Error is the error of a failed libwetee call.
type Error struct {
	Code   Status // the status code
	Detail string // what failed and where, e.g. "hex: invalid character 'z' at offset 4"
}

// Error returns "wetee: " and the detail.
func (e *Error) Error() string { return "wetee: " + e.Detail }

// Unwrap returns the Status, for errors.Is.
func (e *Error) Unwrap() error { return e.Code }

// check turns a status string of the SWIG layer ("" or "CODE:detail")
// into nil or an *Error.
func check(status string) error {
	if status == "" {
		return nil
	}
	code, detail, found := strings.Cut(status, ":")
	n, err := strconv.Atoi(code)
	if !found || err != nil {
		return &Error{Code: ErrInternal, Detail: "malformed status from the binding: " + status}
	}
	return &Error{Code: Status(n), Detail: detail}
}

// must panics on a failure that valid arguments cannot cause (an allocator
// or library failure).
func must(status string) {
	if err := check(status); err != nil {
		panic(err)
	}
}

func newError(code Status, detail string) error {
	return &Error{Code: code, Detail: detail}
}
