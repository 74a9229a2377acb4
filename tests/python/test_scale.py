"""SCALE compact integers."""

import os

import pytest

import wetee

U128_MAX = (1 << 128) - 1

COMPACT = [
    (0, "00"),
    (1, "04"),
    (42, "a8"),
    (63, "fc"),
    (64, "0101"),
    (69, "1501"),
    (16383, "fdff"),
    (16384, "02000100"),
    ((1 << 30) - 1, "feffffff"),
    (1 << 30, "0300000040"),
    ((1 << 32) - 1, "03ffffffff"),
    (1 << 32, "070000000001"),
    (100000000000000, "0b00407a10f35a"),
    ((1 << 64) - 1, "13ffffffffffffffff"),
    (1 << 64, "17000000000000000001"),
    (U128_MAX, "33" + "ff" * 16),
]


@pytest.mark.parametrize("value,hexenc", COMPACT)
def test_compact_known(value, hexenc):
    enc = wetee.scale_encode_compact(value)
    assert type(enc) is bytes
    assert enc.hex() == hexenc
    dec = wetee.scale_decode_compact(bytes.fromhex(hexenc))
    assert dec == (value, len(enc))
    assert type(dec) is tuple


def test_compact_decode_reports_consumed_and_ignores_the_rest():
    v, n = wetee.scale_decode_compact(bytes.fromhex("0101") + b"trailing")
    assert (v, n) == (64, 2)
    assert wetee.scale_decode_compact(bytearray(b"\x04\x00")) == (1, 1)


def test_compact_roundtrip_random():
    for _ in range(300):
        v = int.from_bytes(os.urandom(16), "little") >> (os.urandom(1)[0] % 129)
        enc = wetee.scale_encode_compact(v)
        assert wetee.scale_decode_compact(enc + os.urandom(3)) == (v, len(enc))


def test_compact_encode_range():
    with pytest.raises(OverflowError):
        wetee.scale_encode_compact(-1)
    with pytest.raises(OverflowError):
        wetee.scale_encode_compact(U128_MAX + 1)
    with pytest.raises(TypeError):
        wetee.scale_encode_compact("1")


def test_compact_decode_truncated():
    for hexenc in ("", "01", "02", "020001", "03ffffff", "13ffffffffffffff"):
        with pytest.raises(wetee.TruncatedError) as ei:
            wetee.scale_decode_compact(bytes.fromhex(hexenc))
        assert ei.value.code == wetee.ERR_TRUNCATED
        assert "offset" in str(ei.value)


@pytest.mark.parametrize("hexenc", ["0100", "0500", "02000000", "0300000000", "03ffffff3f", "070000000000"])
def test_compact_decode_non_canonical(hexenc):
    with pytest.raises(wetee.NonCanonicalError) as ei:
        wetee.scale_decode_compact(bytes.fromhex(hexenc))
    assert "non-canonical" in str(ei.value)


def test_compact_decode_above_u128():
    # big-integer mode with 17 value bytes: at least 2^128
    data = bytes([((17 - 4) << 2) | 3]) + bytes(16) + b"\x01"
    with pytest.raises(wetee.OutOfRangeError):
        wetee.scale_decode_compact(data)


def test_compact_decode_rejects_non_bytes():
    for bad in (None, "00", 0):
        with pytest.raises(TypeError):
            wetee.scale_decode_compact(bad)
