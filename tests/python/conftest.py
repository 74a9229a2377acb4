"""pytest configuration for the libwetee Python bindings.

tests/python/run.sh builds the extension and puts it on PYTHONPATH; the
shared test vectors are found through WETEE_VECTORS_DIR (set by scripts/dev)
or ../shared/vectors next to the repository.
"""

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def vectors_dir():
    d = pathlib.Path(os.environ.get("WETEE_VECTORS_DIR", ROOT.parent / "shared" / "vectors"))
    if not d.is_dir():
        pytest.skip(f"shared vectors not found at {d}")
    return d
