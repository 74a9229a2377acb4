"""Build the `wetee` package against an installed libwetee.

    PKG_CONFIG_PATH=<prefix>/lib/pkgconfig pip install bindings/python

needs swig (4.x) and pkg-config; the extension is generated from
../wetee.i (override with WETEE_SWIG_DIR), compiled with the flags of
`pkg-config libwetee`, and linked with an rpath to libwetee's libdir when
that is not a system directory. The version is libwetee's.
"""

import os
import shlex
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
SWIG_DIR = os.path.abspath(os.environ.get("WETEE_SWIG_DIR", os.path.join(HERE, "..")))
SYSTEM_LIBDIRS = ("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu")


def pkg_config(*args):
    cmd = shlex.split(os.environ.get("PKG_CONFIG", "pkg-config")) + list(args) + ["libwetee"]
    try:
        return subprocess.check_output(cmd, text=True).strip()
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"wetee: `{' '.join(cmd)}` failed ({e}); install libwetee and point PKG_CONFIG_PATH at it")


def flags(option, prefix):
    return [f[len(prefix):] for f in shlex.split(pkg_config(option)) if f.startswith(prefix)]


class SwigBuildExt(build_ext):
    """Run SWIG first: the C wrapper goes to build_temp, the proxy module
    native.py next to the extension (so it lands in the wheel)."""

    def run(self):
        gen_dir = os.path.abspath(os.path.join(self.build_temp, "swig"))
        pkg_dir = os.path.join(HERE, "wetee") if self.inplace else os.path.join(self.build_lib, "wetee")
        os.makedirs(gen_dir, exist_ok=True)
        os.makedirs(pkg_dir, exist_ok=True)
        wrap = os.path.join(gen_dir, "wetee_wrap.c")
        swig = os.environ.get("SWIG", "swig")
        cmd = [swig, "-python", "-I" + SWIG_DIR, "-o", wrap, "-outdir", pkg_dir, os.path.join(SWIG_DIR, "wetee.i")]
        print(" ".join(cmd))
        subprocess.check_call(cmd)
        for ext in self.extensions:
            ext.sources = [wrap]
        super().run()


libdirs = flags("--libs-only-L", "-L")
native = Extension(
    "wetee._native",
    # replaced by the SWIG output in SwigBuildExt (setuptools wants a relative path here)
    sources=[os.path.relpath(os.path.join(SWIG_DIR, "wetee.i"), HERE)],
    include_dirs=flags("--cflags-only-I", "-I"),
    library_dirs=libdirs,
    libraries=flags("--libs-only-l", "-l"),
    runtime_library_dirs=[d for d in libdirs if os.path.normpath(d) not in SYSTEM_LIBDIRS],
)

setup(
    packages=["wetee"],
    version=pkg_config("--modversion"),
    ext_modules=[native],
    cmdclass={"build_ext": SwigBuildExt},
)
