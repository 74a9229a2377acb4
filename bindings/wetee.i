/*
 * wetee.i - the SWIG interface of libwetee, shared by every binding.
 *
 * Python: the extension wetee._native with its proxy wetee/native.py; the
 *   public API is the package wetee (bindings/python/wetee/__init__.py).
 * Go: generated as package cwetee (swig -go -cgo -intgosize 64
 *   -package cwetee) into bindings/go/internal/cwetee; the public API is
 *   github.com/wetee-dao/libwetee/bindings/go/wetee.
 *
 * Each module of the C library has its own file below; the typemaps that
 * they share (and the parameter-naming rules that select them) are in
 * typemaps.i. A new module: write <module>.i and %include it here.
 */

#if defined(SWIGPYTHON)
/* threads="1": functions marked %thread release the GIL while in C
   (everything else keeps it: most calls are too short to gain). */
%module(package="wetee", threads="1") native
%nothread;
#else
%module wetee
#endif

/* C names without the wetee_ / WETEE_ prefix: wetee_hex_decode -> hex_decode. */
%rename("%(regex:/^(wetee_|WETEE_)(.*)/\\2/)s") "";

%include "typemaps.i"

%include "core.i"
%include "hash.i"
%include "scale.i"
%include "keys.i"
%include "mnemonic.i"
%include "ss58.i"
%include "metadata.i"
%include "tx.i"
%include "ton.i"
%include "rpc.i"
%include "chain.i"
%include "telegram.i"
%include "toncenter.i"
%include "attest_snp.i"
%include "attest.i"
%include "attest_fetch.i"
%include "seal.i"
%include "contract.i"
%include "cloud.i"
%include "pay.i"
