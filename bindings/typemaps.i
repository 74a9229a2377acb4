/*
 * typemaps.i - typemaps shared by every module of the libwetee bindings.
 *
 * The module interfaces (core.i, hash.i, scale.i, ...) redeclare the C
 * functions they expose, spelling each parameter with one of the names
 * below; the name decides how the parameter crosses into the target
 * language. To expose a new function, declare it with these names (or
 * %apply one of them to the names it uses); add a typemap here only for a
 * genuinely new shape.
 *
 *   declaration                           Python                 Go (internal/cwetee)
 *   ------------------------------------  ---------------------  ---------------------------
 *   wetee_rc  (return type)               raises wetee.Error     string: "" or "CODE:detail"
 *   const char * (return type)            str                    string (copied)
 *   (const uint8_t *data, size_t len)     bytes-like in          []byte
 *     also key/key_len, salt/salt_len, password/password_len, material/material_len,
 *     seed/seed_len, sig/sig_len, pub/pub_len, entropy/entropy_len
 *   (const char *text, size_t text_len)   str or bytes-like in   string
 *     also context/context_len, path/path_len, phrase/phrase_len, json/json_len,
 *     password/password_len, passphrase/passphrase_len (const char * versions)
 *   const char *NAME (NUL-terminated)     str (SWIG default)     string (SWIG default, copied)
 *   const char *optional_text             str or None (NULL)     string, "" passes NULL
 *   const uint8_t NAME[N]                 bytes-like of N bytes  []byte (len >= N, else panic)
 *   uint8_t out[N]                        returned bytes         []byte, caller-sized (>= N)
 *   uint8_t secret_out[N]                 returned bytes; the C  []byte, caller-sized (>= N)
 *                                         copy is wiped
 *   (uint8_t out[N], size_t *out_len)     returned bytes, the    []byte caller-sized (>= N)
 *     N = 32, 33, 65 (WETEE_OUT_UPTO)     first *out_len         and *int
 *   (uint8_t *out, size_t out_len)        int in, returned bytes []byte, caller-sized
 *   wetee_buf *out                        returned bytes         *[]byte (set by the call)
 *   wetee_buf *text_out                   returned str           *string (set by the call)
 *   wetee_buf *secret_out                 returned bytes         *[]byte     } the C buffer is
 *   wetee_buf *secret_text_out            returned str           *string     } wiped when freed
 *   const char **static_text_out          returned str           *string (copied; NULL gives "")
 *   (char *out, size_t out_size)          returned str (<= 47)   []byte, caller-sized, NUL-terminated
 *   wetee_u128                            int 0..2^128-1 in      []uint64{lo, hi}
 *   wetee_u128 *out                       returned int           []uint64 (len >= 2)
 *   size_t *consumed, size_t *index_out   returned int           *int
 *   int *flag_out                         returned bool          *int (0 or 1)
 *   uint16_t *out, uint32_t *out,         returned int           *uint16, *uint32, *uint32,
 *     unsigned *out, uint64_t *out                                 *uint64
 *   handles (WETEE_HANDLE below):
 *   TYPE **out                            returned owned object  *uintptr (free with FREE)
 *   TYPE *, const TYPE *                  that object (or None)  uintptr
 *
 * Python: the outputs are the return value: None when there is none, the
 * value itself when there is one, a tuple in parameter order when there
 * are several (wetee_py_append); wetee_rc itself is not returned.
 *
 * Handles: WETEE_HANDLE(TYPE, FREE) declares an opaque C object that the
 * target language owns, e.g. WETEE_HANDLE(wetee_keypair, wetee_keypair_free).
 * Python: TYPE **out returns a SWIG proxy object (class TYPE without the
 * prefix, e.g. wetee.native.keypair) that owns the C object and calls FREE
 * when its last reference goes (FREE is not exposed, so no double free);
 * the handle can only be used through functions taking TYPE *. Go: the
 * handle is a uintptr, 0 for NULL, and the public package frees it with
 * FREE (exposed as cwetee.<Type>_free) in Close or a finalizer. A failed
 * call returns no handle; a handle made by a call whose later outputs fail
 * to convert is freed by the wrapper.
 *
 * Secrets: the secret_* outputs are copied into the target language's own
 * memory (which cannot be wiped: Python bytes/str, Go strings) and the C
 * copy is wiped at once (wetee_wipe, wetee_buf_free_secure).
 *
 * Errors: every wrapper clears the thread-local error detail before the
 * call and reads it right after, inside the same C function, so neither
 * another Python thread nor a goroutine moving between OS threads can mix
 * up details. The detail (or wetee_strerror(code) when the library set
 * none) becomes the exception message in Python and the error text in Go.
 */

%include <stdint.i>

%{
#include "wetee.h"
#include <string.h>
#include <stdlib.h>

/* Return type of the functions whose int result is a wetee_status. */
typedef int wetee_rc;
%}

typedef int wetee_rc;

/* Every call starts with a clean error detail (see above). */
%exception {
  wetee_clear_error();
  $action
}

/* Parameter names that share the (const uint8_t *data, size_t len) shape. */
#define WETEE_BYTES_IN_NAMES (const uint8_t *key, size_t key_len), (const uint8_t *salt, size_t salt_len), \
  (const uint8_t *password, size_t password_len), (const uint8_t *material, size_t material_len), \
  (const uint8_t *seed, size_t seed_len), (const uint8_t *sig, size_t sig_len), (const uint8_t *pub, size_t pub_len), \
  (const uint8_t *entropy, size_t entropy_len)
#define WETEE_TEXT_IN_NAMES (const char *context, size_t context_len), (const char *path, size_t path_len), \
  (const char *phrase, size_t phrase_len), (const char *json, size_t json_len), \
  (const char *password, size_t password_len), (const char *passphrase, size_t passphrase_len)

/* ==================================================================== */
#if defined(SWIGPYTHON)
/* ==================================================================== */

%fragment("wetee_py_helpers", "header") %{
/* Raise the wetee.Error subclass for `rc` with message `detail`; the
   classes live in wetee/_errors.py, imported by the package first. */
static void wetee_py_raise(int rc, const char *detail) {
  PyObject *mod, *msg, *exc;
  if (detail == NULL || detail[0] == '\0') detail = wetee_strerror(rc);
  mod = PyImport_ImportModule("wetee._errors");
  if (mod == NULL) return;
  msg = PyUnicode_DecodeUTF8(detail, (Py_ssize_t)strlen(detail), "replace");
  if (msg == NULL) { Py_DECREF(mod); return; }
  exc = PyObject_CallMethod(mod, "_from_status", "iO", rc, msg);
  Py_DECREF(msg);
  Py_DECREF(mod);
  if (exc == NULL) return;
  PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
  Py_DECREF(exc);
}

/* The last error of this thread, read right after the failing call. */
static void wetee_py_raise_last(int rc) {
  wetee_py_raise(rc, wetee_last_error());
}

/* Append `obj` (a new reference, or NULL after a Python error) to the
   wrapper's result: the value alone, or a tuple when there are several
   (none of the outputs is itself a tuple). Returns 0 or -1 with an
   exception set. */
static int wetee_py_append(PyObject **result, PyObject *obj) {
  PyObject *t;
  if (obj == NULL) return -1;
  if (*result == NULL || *result == Py_None) {
    Py_XDECREF(*result);
    *result = obj;
    return 0;
  }
  if (PyTuple_Check(*result)) {
    Py_ssize_t n = PyTuple_GET_SIZE(*result), i;
    t = PyTuple_New(n + 1);
    if (t == NULL) { Py_DECREF(obj); return -1; }
    for (i = 0; i < n; i++) {
      PyObject *item = PyTuple_GET_ITEM(*result, i);
      Py_INCREF(item);
      PyTuple_SET_ITEM(t, i, item);
    }
    PyTuple_SET_ITEM(t, n, obj);
  } else {
    t = PyTuple_Pack(2, *result, obj);
    Py_DECREF(obj);
    if (t == NULL) return -1;
  }
  Py_DECREF(*result);
  *result = t;
  return 0;
}

/* Borrow a read-only contiguous buffer. Returns 0 or -1 with TypeError. */
static int wetee_py_get_bytes(PyObject *o, Py_buffer *view, const char *func) {
  if (PyUnicode_Check(o)) {
    PyErr_Format(PyExc_TypeError, "%s() expected a bytes-like object, not str", func);
    return -1;
  }
  if (PyObject_GetBuffer(o, view, PyBUF_SIMPLE) != 0) {
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "%s() expected a bytes-like object, not %.100s", func, Py_TYPE(o)->tp_name);
    return -1;
  }
  return 0;
}

/* Python int (any object with __index__) -> wetee_u128; OverflowError
   outside 0..2^128-1. Returns 0 or -1 with an exception set. */
static int wetee_py_to_u128(PyObject *o, wetee_u128 *out, const char *func) {
  PyObject *v, *zero, *hi = NULL, *sixty_four = NULL;
  int neg, rc = -1;
  v = PyNumber_Index(o);
  if (v == NULL) {
    PyErr_Format(PyExc_TypeError, "%s() expected an int, not %.100s", func, Py_TYPE(o)->tp_name);
    return -1;
  }
  zero = PyLong_FromLong(0);
  if (zero == NULL) goto done;
  neg = PyObject_RichCompareBool(v, zero, Py_LT);
  Py_DECREF(zero);
  if (neg < 0) goto done;
  if (neg) {
    PyErr_Format(PyExc_OverflowError, "%s(): a u128 cannot be negative", func);
    goto done;
  }
  out->lo = PyLong_AsUnsignedLongLongMask(v);
  if (out->lo == (unsigned long long)-1 && PyErr_Occurred()) goto done;
  sixty_four = PyLong_FromLong(64);
  if (sixty_four == NULL) goto done;
  hi = PyNumber_Rshift(v, sixty_four);
  if (hi == NULL) goto done;
  out->hi = PyLong_AsUnsignedLongLong(hi);
  if (out->hi == (unsigned long long)-1 && PyErr_Occurred()) {
    PyErr_Clear();
    PyErr_Format(PyExc_OverflowError, "%s(): value does not fit in a u128", func);
    goto done;
  }
  rc = 0;
done:
  Py_XDECREF(hi);
  Py_XDECREF(sixty_four);
  Py_DECREF(v);
  return rc;
}

static PyObject *wetee_py_from_u128(wetee_u128 v) {
  PyObject *hi, *lo, *shift, *shifted, *r;
  if (v.hi == 0) return PyLong_FromUnsignedLongLong(v.lo);
  hi = PyLong_FromUnsignedLongLong(v.hi);
  lo = PyLong_FromUnsignedLongLong(v.lo);
  shift = PyLong_FromLong(64);
  shifted = (hi && shift) ? PyNumber_Lshift(hi, shift) : NULL;
  r = (shifted && lo) ? PyNumber_Or(shifted, lo) : NULL;
  Py_XDECREF(hi);
  Py_XDECREF(lo);
  Py_XDECREF(shift);
  Py_XDECREF(shifted);
  return r;
}
%}

/* ---- status ---- */
%typemap(out, fragment="wetee_py_helpers") wetee_rc {
  if ($1 != WETEE_OK) {
    wetee_py_raise_last($1);
    SWIG_fail;
  }
  $result = SWIG_Py_Void();
}

/* ---- bytes in ---- */
%typemap(in, fragment="wetee_py_helpers") (const uint8_t *data, size_t len) (Py_buffer view, int have_view = 0) {
  if (wetee_py_get_bytes($input, &view, "$symname") != 0) SWIG_fail;
  have_view = 1;
  $1 = ($1_ltype)view.buf;
  $2 = ($2_ltype)view.len;
}
%typemap(freearg) (const uint8_t *data, size_t len) {
  if (have_view$argnum) PyBuffer_Release(&view$argnum);
}
%apply (const uint8_t *data, size_t len) { WETEE_BYTES_IN_NAMES };

/* ---- text in ---- */
%typemap(in, fragment="wetee_py_helpers") (const char *text, size_t text_len) (Py_buffer view, int have_view = 0) {
  if (PyUnicode_Check($input)) {
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize($input, &n);
    if (s == NULL) SWIG_fail;
    $1 = ($1_ltype)s;
    $2 = ($2_ltype)n;
  } else if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) == 0) {
    have_view = 1;
    $1 = ($1_ltype)view.buf;
    $2 = ($2_ltype)view.len;
  } else {
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "$symname() expected str or a bytes-like object, not %.100s",
                 Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
}
%typemap(freearg) (const char *text, size_t text_len) {
  if (have_view$argnum) PyBuffer_Release(&view$argnum);
}
%apply (const char *text, size_t text_len) { WETEE_TEXT_IN_NAMES };

/* ---- fixed-size bytes in ---- */
%typemap(in, fragment="wetee_py_helpers") const uint8_t [ANY] (Py_buffer view, int have_view = 0) {
  if (wetee_py_get_bytes($input, &view, "$symname") != 0) SWIG_fail;
  have_view = 1;
  if (view.len != $1_dim0) {
    wetee_py_raise(WETEE_ERR_INVALID_ARGUMENT, "$symname(): $1_name must be exactly $1_dim0 bytes");
    SWIG_fail;
  }
  $1 = ($1_ltype)view.buf;
}
%typemap(freearg) const uint8_t [ANY] {
  if (have_view$argnum) PyBuffer_Release(&view$argnum);
}

/* ---- fixed-size bytes out ---- */
%typemap(in, numinputs=0) uint8_t out[ANY] (uint8_t temp[$1_dim0]) {
  $1 = temp;
}
%typemap(argout, fragment="wetee_py_helpers") uint8_t out[ANY] {
  if (wetee_py_append(&$result, PyBytes_FromStringAndSize((const char *)temp$argnum, $1_dim0)) != 0) SWIG_fail;
}

/* ---- fixed-size secret out: like out[N], the C copy is wiped ---- */
%typemap(in, numinputs=0) uint8_t secret_out[ANY] (uint8_t temp[$1_dim0]) {
  $1 = temp;
}
%typemap(argout, fragment="wetee_py_helpers") uint8_t secret_out[ANY] {
  if (wetee_py_append(&$result, PyBytes_FromStringAndSize((const char *)temp$argnum, $1_dim0)) != 0) SWIG_fail;
}
%typemap(freearg) uint8_t secret_out[ANY] {
  wetee_wipe(temp$argnum, sizeof temp$argnum);
}

/* ---- bytes out of a variable length up to N: the first *out_len bytes.
   SWIG matches multi-argument typemaps only with literal sizes, so each N
   in use is instantiated (WETEE_OUT_UPTO below). ---- */
%define WETEE_OUT_UPTO(N)
%typemap(in, numinputs=0) (uint8_t out[N], size_t *out_len) (uint8_t temp[N], size_t n = 0) {
  $1 = temp;
  $2 = &n;
}
%typemap(argout, fragment="wetee_py_helpers") (uint8_t out[N], size_t *out_len) {
  if (n$argnum > N) {
    wetee_py_raise(WETEE_ERR_INTERNAL, "$symname(): output length out of range");
    SWIG_fail;
  }
  if (wetee_py_append(&$result, PyBytes_FromStringAndSize((const char *)temp$argnum, (Py_ssize_t)n$argnum)) != 0)
    SWIG_fail;
}
%enddef
WETEE_OUT_UPTO(32)
WETEE_OUT_UPTO(33)
WETEE_OUT_UPTO(65)

/* ---- optional NUL-terminated text in: str, or None for NULL ---- */
%typemap(in, fragment="wetee_py_helpers") const char *optional_text {
  if ($input == Py_None) {
    $1 = NULL;
  } else if (PyUnicode_Check($input)) {
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize($input, &n);
    if (s == NULL) SWIG_fail;
    if ((size_t)n != strlen(s)) {
      wetee_py_raise(WETEE_ERR_INVALID_ARGUMENT, "$symname(): the text contains a NUL character");
      SWIG_fail;
    }
    $1 = ($1_ltype)s;
  } else {
    PyErr_Format(PyExc_TypeError, "$symname() expected str or None, not %.100s", Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
}

/* ---- caller-sized bytes out: the Python argument is the length ---- */
%typemap(in) (uint8_t *out, size_t out_len) (PyObject *obj = NULL) {
  size_t n = PyLong_AsSize_t($input);
  if (n == (size_t)-1 && PyErr_Occurred()) SWIG_fail;
  if (n > (size_t)PY_SSIZE_T_MAX) {
    PyErr_SetString(PyExc_OverflowError, "$symname(): output length too large");
    SWIG_fail;
  }
  obj = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n);
  if (obj == NULL) SWIG_fail;
  $1 = ($1_ltype)PyBytes_AS_STRING(obj);
  $2 = ($2_ltype)n;
}
%typemap(argout, fragment="wetee_py_helpers") (uint8_t *out, size_t out_len) {
  PyObject *o = obj$argnum;
  obj$argnum = NULL;
  if (wetee_py_append(&$result, o) != 0) SWIG_fail;
}
%typemap(freearg) (uint8_t *out, size_t out_len) {
  Py_XDECREF(obj$argnum);
}

/* ---- wetee_buf out: bytes, or str for text encoders ---- */
%typemap(in, numinputs=0) wetee_buf *out (wetee_buf temp), wetee_buf *text_out (wetee_buf temp) {
  memset(&temp, 0, sizeof temp);
  $1 = &temp;
}
%typemap(argout, fragment="wetee_py_helpers") wetee_buf *out {
  if (wetee_py_append(&$result, PyBytes_FromStringAndSize((const char *)$1->data, (Py_ssize_t)$1->len)) != 0)
    SWIG_fail;
}
%typemap(argout, fragment="wetee_py_helpers") wetee_buf *text_out {
  if (wetee_py_append(&$result, PyUnicode_DecodeUTF8((const char *)$1->data, (Py_ssize_t)$1->len, "strict")) != 0)
    SWIG_fail;
}
%typemap(freearg) wetee_buf *out, wetee_buf *text_out {
  wetee_buf_free($1);
}

/* ---- wetee_buf secret out: copied, then wiped and freed ---- */
%typemap(in, numinputs=0) wetee_buf *secret_out (wetee_buf temp), wetee_buf *secret_text_out (wetee_buf temp) {
  memset(&temp, 0, sizeof temp);
  $1 = &temp;
}
%typemap(argout, fragment="wetee_py_helpers") wetee_buf *secret_out {
  if (wetee_py_append(&$result, PyBytes_FromStringAndSize((const char *)$1->data, (Py_ssize_t)$1->len)) != 0)
    SWIG_fail;
}
%typemap(argout, fragment="wetee_py_helpers") wetee_buf *secret_text_out {
  if (wetee_py_append(&$result, PyUnicode_DecodeUTF8((const char *)$1->data, (Py_ssize_t)$1->len, "strict")) != 0)
    SWIG_fail;
}
%typemap(freearg) wetee_buf *secret_out, wetee_buf *secret_text_out {
  wetee_buf_free_secure($1);
}

/* ---- static C strings out (owned by the library): copied; NULL gives "" ---- */
%typemap(in, numinputs=0) const char **static_text_out (const char *temp = NULL) {
  $1 = ($1_ltype)&temp;
}
%typemap(argout, fragment="wetee_py_helpers") const char **static_text_out {
  const char *s = temp$argnum ? temp$argnum : "";
  if (wetee_py_append(&$result, PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "strict")) != 0) SWIG_fail;
}

/* ---- small text out (decimal formatting) ---- */
%typemap(in, numinputs=0) (char *out, size_t out_size) (char temp[WETEE_U128_DECIMAL_BUFSIZE]) {
  temp[0] = '\0';
  $1 = temp;
  $2 = sizeof temp;
}
%typemap(argout, fragment="wetee_py_helpers") (char *out, size_t out_size) {
  if (wetee_py_append(&$result, PyUnicode_FromString(temp$argnum)) != 0) SWIG_fail;
}

/* ---- u128 ---- */
%typemap(in, fragment="wetee_py_helpers") wetee_u128 {
  if (wetee_py_to_u128($input, &$1, "$symname") != 0) SWIG_fail;
}
%typemap(in, numinputs=0) wetee_u128 *out (wetee_u128 temp) {
  temp.lo = 0;
  temp.hi = 0;
  $1 = &temp;
}
%typemap(argout, fragment="wetee_py_helpers") wetee_u128 *out {
  if (wetee_py_append(&$result, wetee_py_from_u128(*$1)) != 0) SWIG_fail;
}

/* ---- integer outs ---- */
%typemap(in, numinputs=0) size_t *consumed (size_t temp = 0) {
  $1 = &temp;
}
%typemap(argout, fragment="wetee_py_helpers") size_t *consumed {
  if (wetee_py_append(&$result, PyLong_FromSize_t(*$1)) != 0) SWIG_fail;
}
%apply size_t *consumed { size_t *index_out };
%typemap(in, numinputs=0) uint16_t *out (uint16_t temp = 0), uint32_t *out (uint32_t temp = 0),
                          unsigned *out (unsigned temp = 0) {
  $1 = &temp;
}
%typemap(argout, fragment="wetee_py_helpers") uint16_t *out, uint32_t *out, unsigned *out {
  if (wetee_py_append(&$result, PyLong_FromUnsignedLong((unsigned long)*$1)) != 0) SWIG_fail;
}
%typemap(in, numinputs=0) uint64_t *out (uint64_t temp = 0) {
  $1 = &temp;
}
%typemap(argout, fragment="wetee_py_helpers") uint64_t *out {
  if (wetee_py_append(&$result, PyLong_FromUnsignedLongLong((unsigned long long)*$1)) != 0) SWIG_fail;
}
%typemap(in, numinputs=0) int *flag_out (int temp = 0) {
  $1 = &temp;
}
%typemap(argout, fragment="wetee_py_helpers") int *flag_out {
  if (wetee_py_append(&$result, PyBool_FromLong(*$1 != 0)) != 0) SWIG_fail;
}

/* ---- handles (see the top of this file) ----
   The C object is owned by a SWIG proxy object whose destructor is FREE;
   FREE itself is hidden. */
%define WETEE_HANDLE(TYPE, FREE)
%ignore FREE;
%nodefaultctor TYPE;
typedef struct TYPE TYPE;
struct TYPE {};
%extend TYPE {
  ~TYPE() { FREE($self); }
}
%typemap(in, numinputs=0) TYPE **out (TYPE *temp = NULL) {
  $1 = &temp;
}
%typemap(argout, fragment="wetee_py_helpers") TYPE **out {
  PyObject *o = SWIG_NewPointerObj(SWIG_as_voidptr(temp$argnum), $descriptor(TYPE *), SWIG_POINTER_OWN);
  if (o == NULL) SWIG_fail;
  temp$argnum = NULL; /* owned by the Python object now */
  if (wetee_py_append(&$result, o) != 0) SWIG_fail;
}
%typemap(freearg) TYPE **out {
  FREE(temp$argnum);
}
%enddef

/* ==================================================================== */
#elif defined(SWIGGO)
/* ==================================================================== */

/*
 * The SWIG Go package (internal/cwetee) is a low-level layer: the public
 * package github.com/wetee-dao/libwetee/bindings/go/wetee turns its
 * results into Go values and its status strings into errors. Status
 * strings travel as "CODE:detail" (e.g. "-3:hex: ...") and "" means OK.
 * Length checks that guard C memory panic; the public package never
 * trips them. No Go memory handed to C holds a Go pointer, and C memory
 * comes back to Go only through copies (go vet's cgocall check is clean).
 */

%go_import("strings")

%fragment("wetee_go_helpers", "header") %{
/* "CODE:detail" in malloc'd memory (freed by weteeTakeString), or "" for OK. */
static _gostring_ wetee_go_status(int rc) {
  _gostring_ r;
  char head[24];
  const char *detail;
  size_t hn, dn;
  r.p = NULL;
  r.n = 0;
  if (rc == WETEE_OK) return r;
  detail = wetee_last_error();
  if (detail == NULL || detail[0] == '\0') detail = wetee_strerror(rc);
  hn = (size_t)snprintf(head, sizeof head, "%d:", rc);
  dn = strlen(detail);
  r.p = (char *)malloc(hn + dn);
  if (r.p == NULL) _swig_gopanic("libwetee: out of memory");
  memcpy(r.p, head, hn);
  memcpy(r.p + hn, detail, dn);
  r.n = (intgo)(hn + dn);
  return r;
}
%}


%insert(go_wrapper) %{
// weteeTakeString copies a status string that C allocated and frees it.
func weteeTakeString(s string) string {
	if s == "" {
		return ""
	}
	r := strings.Clone(s)
	Swig_free(uintptr(unsafe.Pointer(unsafe.StringData(s))))
	return r
}

// weteeTakeSecret copies a secret buffer handed over as {handle, length,
// capacity}, then wipes and frees it.
func weteeTakeSecret(h *[3]uint64) []byte {
	if h[1] == 0 {
		return nil
	}
	b := make([]byte, h[1])
	Go_take_secret(h[0], h[2], b)
	return b
}

// weteeCopyStatic copies a static C string handed over as {pointer, length}.
func weteeCopyStatic(h *[2]uint64) string {
	if h[1] == 0 {
		return ""
	}
	b := make([]byte, h[1])
	Go_copy_static(h[0], b)
	return unsafe.String(&b[0], len(b))
}

// weteeTakeBytes copies a buffer handed over as {handle, length} and frees it.
func weteeTakeBytes(h *[2]uint64) []byte {
	if h[1] == 0 {
		return nil
	}
	b := make([]byte, h[1])
	Go_take(h[0], b)
	return b
}
%}

/* ---- status ---- */
%typemap(gotype) wetee_rc "string"
%typemap(imtype) wetee_rc "string"
%typemap(ctype) wetee_rc "_gostring_"
%typemap(out, fragment="wetee_go_helpers") wetee_rc %{ $result = wetee_go_status($1); %}
%typemap(goout) wetee_rc %{ $result = weteeTakeString($1) %}

/* ---- C strings returned by the library (static or owned by a handle): copied ---- */
%typemap(out) const char * %{
  $result.p = (char *)$1;
  $result.n = $1 ? (intgo)strlen($1) : 0;
%}
%typemap(goout) const char * %{ $result = strings.Clone($1) %}

/* ---- bytes in ---- */
%typemap(gotype) (const uint8_t *data, size_t len) "[]byte"
%typemap(in) (const uint8_t *data, size_t len) %{
  $1 = ($1_ltype)$input.array;
  $2 = ($2_ltype)$input.len;
%}
%apply (const uint8_t *data, size_t len) { WETEE_BYTES_IN_NAMES };

/* ---- text in ---- */
%typemap(gotype) (const char *text, size_t text_len) "string"
%typemap(in) (const char *text, size_t text_len) %{
  $1 = ($1_ltype)$input.p;
  $2 = ($2_ltype)$input.n;
%}
%apply (const char *text, size_t text_len) { WETEE_TEXT_IN_NAMES };

/* ---- optional NUL-terminated text: "" passes NULL ---- */
%typemap(gotype) const char *optional_text "string"
%typemap(in) const char *optional_text %{
  $1 = NULL;
  if ($input.n > 0) {
    char *copy = (char *)malloc((size_t)$input.n + 1);
    if (copy == NULL) _swig_gopanic("libwetee: out of memory");
    memcpy(copy, $input.p, (size_t)$input.n);
    copy[$input.n] = '\0';
    $1 = copy;
  }
%}
%typemap(freearg) const char *optional_text %{ free((char *)$1); %}

/* ---- fixed-size bytes in / out, caller-sized bytes out (secret_out is
   written straight into Go memory: no C copy to wipe) ---- */
%typemap(gotype) const uint8_t [ANY], uint8_t out[ANY], uint8_t secret_out[ANY] "[]byte"
%typemap(in) const uint8_t [ANY], uint8_t out[ANY], uint8_t secret_out[ANY] %{
  if ($input.len < $1_dim0) _swig_gopanic("$symname: $1_name needs $1_dim0 bytes");
  $1 = ($1_ltype)$input.array;
%}
%typemap(gotype) (uint8_t *out, size_t out_len), (char *out, size_t out_size) "[]byte"
%typemap(in) (uint8_t *out, size_t out_len), (char *out, size_t out_size) %{
  $1 = ($1_ltype)$input.array;
  $2 = ($2_ltype)$input.len;
%}

/* ---- wetee_buf out: C hands the buffer over as {handle, length} in Go
   memory without pointers; the Go side copies it out with Go_take. ---- */
%typemap(gotype) wetee_buf *out "*[]byte"
%typemap(gotype) wetee_buf *text_out "*string"
/* (the C parameter keeps its pointer type; it points at the Go [2]uint64) */
%typemap(imtype) wetee_buf *out, wetee_buf *text_out "*[2]uint64"
%typemap(goin) wetee_buf *out, wetee_buf *text_out %{ $result = new([2]uint64) %}
%typemap(in) wetee_buf *out (wetee_buf temp), wetee_buf *text_out (wetee_buf temp) %{
  memset(&temp, 0, sizeof temp);
  $1 = &temp;
%}
%typemap(argout) wetee_buf *out, wetee_buf *text_out %{
  if ($1->len > 0) {
    ((uint64_t *)(void *)$input)[0] = (uint64_t)(uintptr_t)$1->data;
    ((uint64_t *)(void *)$input)[1] = (uint64_t)$1->len;
    $1->data = NULL; /* handed over to Go_take */
    $1->len = 0;
    $1->cap = 0;
  }
%}
%typemap(freearg) wetee_buf *out, wetee_buf *text_out %{
  wetee_buf_free($1);
%}
%typemap(goargout) wetee_buf *out %{ *$1 = weteeTakeBytes($input) %}
%typemap(goargout) wetee_buf *text_out %{
	if b := weteeTakeBytes($input); len(b) > 0 {
		*$1 = unsafe.String(&b[0], len(b))
	} else {
		*$1 = ""
	} %}

/* ---- wetee_buf secret out: handed over as {handle, length, capacity};
   Go_take_secret copies it out, then wipes and frees it. ---- */
%typemap(gotype) wetee_buf *secret_out "*[]byte"
%typemap(gotype) wetee_buf *secret_text_out "*string"
%typemap(imtype) wetee_buf *secret_out, wetee_buf *secret_text_out "*[3]uint64"
%typemap(goin) wetee_buf *secret_out, wetee_buf *secret_text_out %{ $result = new([3]uint64) %}
%typemap(in) wetee_buf *secret_out (wetee_buf temp), wetee_buf *secret_text_out (wetee_buf temp) %{
  memset(&temp, 0, sizeof temp);
  $1 = &temp;
%}
%typemap(argout) wetee_buf *secret_out, wetee_buf *secret_text_out %{
  if ($1->len > 0) {
    ((uint64_t *)(void *)$input)[0] = (uint64_t)(uintptr_t)$1->data;
    ((uint64_t *)(void *)$input)[1] = (uint64_t)$1->len;
    ((uint64_t *)(void *)$input)[2] = (uint64_t)$1->cap;
    $1->data = NULL; /* handed over to Go_take_secret */
    $1->len = 0;
    $1->cap = 0;
  }
%}
%typemap(freearg) wetee_buf *secret_out, wetee_buf *secret_text_out %{
  wetee_buf_free_secure($1);
%}
%typemap(goargout) wetee_buf *secret_out %{ *$1 = weteeTakeSecret($input) %}
%typemap(goargout) wetee_buf *secret_text_out %{
	if b := weteeTakeSecret($input); len(b) > 0 {
		*$1 = unsafe.String(&b[0], len(b))
	} else {
		*$1 = ""
	} %}

/* ---- static C strings out (owned by the library): {pointer, length},
   copied by Go_copy_static; NULL gives "" ---- */
%typemap(gotype) const char **static_text_out "*string"
%typemap(imtype) const char **static_text_out "*[2]uint64"
%typemap(goin) const char **static_text_out %{ $result = new([2]uint64) %}
%typemap(in) const char **static_text_out (const char *temp) %{
  temp = NULL;
  $1 = ($1_ltype)&temp;
%}
%typemap(argout) const char **static_text_out %{
  if (temp$argnum != NULL) {
    ((uint64_t *)(void *)$input)[0] = (uint64_t)(uintptr_t)temp$argnum;
    ((uint64_t *)(void *)$input)[1] = (uint64_t)strlen(temp$argnum);
  }
%}
%typemap(goargout) const char **static_text_out %{ *$1 = weteeCopyStatic($input) %}

/* ---- u128 as []uint64{lo, hi} ---- */
%typemap(gotype) wetee_u128, wetee_u128 *out "[]uint64"
%typemap(in) wetee_u128 %{
  if ($input.len < 2) _swig_gopanic("$symname: a u128 needs []uint64{lo, hi}");
  $1.lo = ((const uint64_t *)$input.array)[0];
  $1.hi = ((const uint64_t *)$input.array)[1];
%}
%typemap(in) wetee_u128 *out (wetee_u128 temp) %{
  if ($input.len < 2) _swig_gopanic("$symname: a u128 needs []uint64{lo, hi}");
  temp.lo = 0;
  temp.hi = 0;
  $1 = &temp;
%}
%typemap(argout) wetee_u128 *out %{
  ((uint64_t *)$input.array)[0] = $1->lo;
  ((uint64_t *)$input.array)[1] = $1->hi;
%}

/* ---- integer outs ---- */
%typemap(gotype) size_t *consumed "*int"
%typemap(in) size_t *consumed (size_t temp) %{
  temp = 0;
  $1 = &temp;
%}
%typemap(argout) size_t *consumed %{ *$input = (intgo)*$1; %}
%apply size_t *consumed { size_t *index_out, size_t *out_len };
%typemap(gotype) int *flag_out "*int"
%typemap(in) int *flag_out (int temp) %{
  temp = 0;
  $1 = &temp;
%}
%typemap(argout) int *flag_out %{ *$input = (intgo)(*$1 != 0); %}
%typemap(gotype) uint16_t *out "*uint16"
%typemap(gotype) uint32_t *out, unsigned *out "*uint32"
%typemap(gotype) uint64_t *out "*uint64"
%typemap(in) uint16_t *out, uint32_t *out, unsigned *out, uint64_t *out %{ $1 = ($1_ltype)$input; %}

/* ---- handles (see the top of this file): uintptr values, 0 for NULL ---- */
%define WETEE_HANDLE(TYPE, FREE)
typedef struct TYPE TYPE;
%typemap(gotype) TYPE *, const TYPE * "uintptr"
%typemap(in) TYPE *, const TYPE * %{ $1 = ($1_ltype)(uintptr_t)$input; %}
%typemap(gotype) TYPE **out "*uintptr"
%typemap(in) TYPE **out (TYPE *temp) %{
  temp = NULL;
  $1 = &temp;
%}
%typemap(argout) TYPE **out %{
  *(uintptr_t *)(void *)$input = (uintptr_t)temp$argnum;
  temp$argnum = NULL; /* owned by Go now */
%}
%typemap(freearg) TYPE **out %{ FREE(temp$argnum); %}
%enddef

/* Copy the bytes of a wetee_buf handed over by an argout (see above) into
   `out` (exactly as long as the buffer) and free them. */
%inline %{
static void wetee_go_take(uint64_t handle, uint8_t *out, size_t out_len) {
  wetee_buf b;
  b.data = (uint8_t *)(uintptr_t)handle;
  b.len = out_len;
  b.cap = out_len;
  if (out_len > 0) memcpy(out, b.data, out_len);
  wetee_buf_free(&b);
}

/* The same for a secret buffer of capacity `cap`: wiped before it is freed. */
static void wetee_go_take_secret(uint64_t handle, uint64_t cap, uint8_t *out, size_t out_len) {
  wetee_buf b;
  b.data = (uint8_t *)(uintptr_t)handle;
  b.len = out_len;
  b.cap = (size_t)cap;
  if (out_len > 0) memcpy(out, b.data, out_len);
  wetee_buf_free_secure(&b);
}

/* Copy the bytes of a static C string handed over by an argout into `out`. */
static void wetee_go_copy_static(uint64_t handle, uint8_t *out, size_t out_len) {
  if (out_len > 0) memcpy(out, (const void *)(uintptr_t)handle, out_len);
}
%}

#else
#error "libwetee bindings: only Python and Go are supported"
#endif
