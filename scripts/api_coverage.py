#!/usr/bin/env python3
"""Check that the cross-module API tests cover every public function.

Reads every WETEE_API declaration in include/wetee/*.h and fails when
  - a function with a size_t parameter is not called in
    tests/api/test_lengths.c (the SIZE_MAX and SIZE_MAX/2+1 sweep), or
  - a function that writes into a wetee_buf and takes a pointer input is not
    called in tests/api/test_overlap.c (the overlap rule of core.h).
A new public function therefore fails `ctest` until the sweeps include it.

Usage: scripts/api_coverage.py [--list]   (run from anywhere; ctest runs it)
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
HEADERS = sorted((ROOT / "include" / "wetee").glob("*.h"))
LENGTHS = ROOT / "tests" / "api" / "test_lengths.c"
OVERLAP = ROOT / "tests" / "api" / "test_overlap.c"

DECL = re.compile(r"WETEE_API\s+[^;(]*?\b(wetee_\w+)\s*\(([^)]*)\)\s*;", re.S)
SIZE_PARAM = re.compile(r"^size_t\s+\w+$")
BUF_OUT = re.compile(r"^wetee_buf\s*\*\s*\w+$")
POINTER_IN = re.compile(r"^(const\s+(char|void|u?int\d+_t)\s*\*\s*\w+|const\s+u?int\d+_t\s+\w+\s*\[.*\]"
                        r"|wetee_scale_reader\s*\*\s*\w+)$")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def declarations():
    for header in HEADERS:
        for m in DECL.finditer(strip_comments(header.read_text())):
            params = [" ".join(p.split()) for p in m.group(2).split(",")]
            yield header.name, m.group(1), [p for p in params if p and p != "void"]


def called(name, source):
    return re.search(r"\b" + re.escape(name) + r"\b", source) is not None


def main():
    lengths_src = strip_comments(LENGTHS.read_text())
    overlap_src = strip_comments(OVERLAP.read_text())
    need_len, need_overlap, missing = [], [], []
    for header, name, params in declarations():
        if any(SIZE_PARAM.match(p) for p in params):
            need_len.append(name)
            if not called(name, lengths_src):
                missing.append(f"{header}: {name} has a size_t parameter; add it to {LENGTHS.relative_to(ROOT)}")
        if any(BUF_OUT.match(p) for p in params) and any(POINTER_IN.match(p) for p in params):
            need_overlap.append(name)
            if not called(name, overlap_src):
                missing.append(f"{header}: {name} writes a wetee_buf from a pointer input; "
                               f"add it to {OVERLAP.relative_to(ROOT)}")
    if "--list" in sys.argv:
        print("size_t parameters:", " ".join(need_len))
        print("wetee_buf writers with pointer inputs:", " ".join(need_overlap))
    if len(need_len) < 10 or len(need_overlap) < 5:  # the parser itself must not silently break
        print(f"api_coverage: only {len(need_len)} + {len(need_overlap)} functions found; parser broken?")
        return 1
    for line in missing:
        print("api_coverage:", line)
    print(f"api_coverage: {len(need_len)} functions with size_t parameters, {len(need_overlap)} wetee_buf writers "
          f"with pointer inputs; {len(missing)} not covered")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
