"""Version, status codes, text codecs and u128 conversions."""

import base64
import os
import re
import threading

import pytest

import wetee

U128_MAX = (1 << 128) - 1


# ---------------------------------------------------------------- version


def test_version():
    v = wetee.version()
    assert re.fullmatch(r"\d+\.\d+\.\d+", v)
    assert v == wetee.__version__
    major, minor, patch = map(int, v.split("."))
    assert wetee.version_number() == major * 10000 + minor * 100 + patch


def test_strerror_and_codes():
    assert wetee.OK == 0
    assert wetee.ERR_DECODE == -3
    assert wetee.ERR_INTERNAL == -17
    assert wetee.ERR_TOO_LONG == -18
    assert wetee.strerror(wetee.ERR_TOO_LONG) == "input too long"
    assert wetee.strerror(wetee.ERR_TRUNCATED) == "truncated input"
    assert wetee.strerror(0) == "success"
    assert wetee.strerror(12345) == "unknown error"


def test_native_layer_is_importable():
    assert wetee.native.hex_decode("00ff") == b"\x00\xff"
    assert wetee.native.HEX_PREFIX == 1 and wetee.native.BASE64_NOPAD == 2


# ---------------------------------------------------------------- hex


@pytest.mark.parametrize(
    "data,kw,text",
    [
        (b"", {}, ""),
        (b"", {"prefix": True}, "0x"),
        (b"\x00\x01\xab\xff", {}, "0001abff"),
        (b"\x00\x01\xab\xff", {"upper": True}, "0001ABFF"),
        (b"\x00\x01\xab\xff", {"prefix": True, "upper": True}, "0x0001ABFF"),
    ],
)
def test_hex_encode(data, kw, text):
    out = wetee.hex_encode(data, **kw)
    assert type(out) is str
    assert out == text


@pytest.mark.parametrize("text", ["0001abff", "0x0001ABFF", "0X0001aBfF"])
def test_hex_decode(text):
    out = wetee.hex_decode(text)
    assert type(out) is bytes
    assert out == b"\x00\x01\xab\xff"


def test_hex_roundtrip_random():
    for n in (0, 1, 31, 32, 33, 1000):
        data = os.urandom(n)
        assert wetee.hex_decode(wetee.hex_encode(data, prefix=True)) == data
        assert wetee.hex_encode(data) == data.hex()


def test_hex_decode_accepts_bytes_text():
    assert wetee.hex_decode(b"0x00ff") == b"\x00\xff"
    assert wetee.hex_decode(bytearray(b"00ff")) == b"\x00\xff"
    assert wetee.hex_decode("") == b""
    assert wetee.hex_decode("0x") == b""


def test_hex_decode_bad_character_names_offset():
    with pytest.raises(wetee.DecodeError) as ei:
        wetee.hex_decode("0x12zz")
    e = ei.value
    assert isinstance(e, wetee.Error)
    assert isinstance(e, ValueError)
    assert e.code == wetee.ERR_DECODE == -3
    assert e.status == "ERR_DECODE"
    assert "offset 4" in str(e)
    assert e.detail == str(e)


def test_hex_decode_odd_length():
    with pytest.raises(wetee.DecodeError):
        wetee.hex_decode("abc")


# ---------------------------------------------------------------- base58

# Bitcoin Core's base58_encode_decode.json
BASE58 = [
    ("", ""),
    ("61", "2g"),
    ("626262", "a3gV"),
    ("636363", "aPEr"),
    ("73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"),
    ("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"),
    ("516b6fcd0f", "ABnLTmg"),
    ("bf4f89001e670274dd", "3SEo3LWLoPntC"),
    ("572e4794", "3EFU7m"),
    ("ecac89cad93923c02321", "EJDM8drfXA6uyA"),
    ("10c8511e", "Rt5zm"),
    ("00000000000000000000", "1111111111"),
    ("000111d38e5fc9071ffcd20b4a763cc9ae4f252bb4e48fd66a835e252ada93ff480d6dd43dc62a641155a5",
     "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"),
]


@pytest.mark.parametrize("hexdata,text", BASE58)
def test_base58(hexdata, text):
    data = bytes.fromhex(hexdata)
    assert wetee.base58_encode(data) == text
    assert wetee.base58_decode(text) == data


def test_base58_caps():
    # the work is quadratic in the length: inputs are capped (TooLongError)
    assert len(wetee.base58_decode(wetee.base58_encode(b"\xff" * 1024))) == 1024
    with pytest.raises(wetee.TooLongError, match="above the limit of 1024"):
        wetee.base58_encode(b"\xff" * 1025)
    with pytest.raises(wetee.TooLongError, match="above the limit of 1400"):
        wetee.base58_decode("z" * 1401)


@pytest.mark.parametrize("text,offset", [("0", 0), ("abcO", 3), ("1l", 1), ("a3gV+", 4)])
def test_base58_decode_rejects_characters(text, offset):
    with pytest.raises(wetee.DecodeError) as ei:
        wetee.base58_decode(text)
    assert f"offset {offset}" in str(ei.value)


# ---------------------------------------------------------------- base64


@pytest.mark.parametrize(
    "data,text",
    [(b"", ""), (b"f", "Zg=="), (b"fo", "Zm8="), (b"foo", "Zm9v"), (b"foob", "Zm9vYg=="),
     (b"fooba", "Zm9vYmE="), (b"foobar", "Zm9vYmFy")],  # RFC 4648 section 10
)
def test_base64_rfc4648(data, text):
    assert wetee.base64_encode(data) == text
    assert wetee.base64_decode(text) == data
    assert wetee.base64_encode(data, pad=False) == text.rstrip("=")
    assert wetee.base64_decode(text.rstrip("="), pad=False) == data


def test_base64_matches_stdlib():
    for n in range(0, 70):
        data = os.urandom(n)
        assert wetee.base64_encode(data) == base64.b64encode(data).decode()
        assert wetee.base64_encode(data, url=True) == base64.urlsafe_b64encode(data).decode()
        assert wetee.base64_decode(base64.urlsafe_b64encode(data), url=True) == data


def test_base64_unpadded_input_accepted_by_default():
    assert wetee.base64_decode("Zm8") == b"fo"


@pytest.mark.parametrize(
    "text,kw",
    [("Zm8=", {"pad": False}),  # padding rejected
     ("Zm9v!", {}),  # bad character
     ("Zm=8", {}),  # padding in the middle
     ("Zh==", {}),  # non-zero trailing bits
     ("-_-_", {}),  # URL alphabet without url=True
     ("Zm 9v", {})],  # whitespace
)
def test_base64_decode_errors(text, kw):
    with pytest.raises(wetee.DecodeError):
        wetee.base64_decode(text, **kw)


# ---------------------------------------------------------------- u128


@pytest.mark.parametrize(
    "text,decimals,value",
    [
        ("1.5", 10, 15000000000),
        ("0", 0, 0),
        ("0", 18, 0),
        ("0.0000000001", 10, 1),
        ("12", 2, 1200),
        ("12.34", 2, 1234),
        (str(U128_MAX), 0, U128_MAX),
        ("3.40282366920938463463374607431768211455", 38, U128_MAX),
    ],
)
def test_u128_from_decimal(text, decimals, value):
    v = wetee.u128_from_decimal(text, decimals)
    assert type(v) is int
    assert v == value


@pytest.mark.parametrize(
    "value,decimals,text",
    [(15000000000, 10, "1.5"), (0, 10, "0"), (10**10, 10, "1"), (1, 10, "0.0000000001"),
     (U128_MAX, 0, str(U128_MAX)), (U128_MAX, 38, "3.40282366920938463463374607431768211455"),
     (1234, 2, "12.34"), (1200, 2, "12")],
)
def test_u128_to_decimal(value, decimals, text):
    assert wetee.u128_to_decimal(value, decimals) == text


def test_u128_decimal_roundtrip():
    for _ in range(200):
        v = int.from_bytes(os.urandom(16), "little") >> (os.urandom(1)[0] % 128)
        d = os.urandom(1)[0] % 39
        assert wetee.u128_from_decimal(wetee.u128_to_decimal(v, d), d) == v


def test_u128_excess_precision():
    with pytest.raises(wetee.NonCanonicalError) as ei:
        wetee.u128_from_decimal("1.55", 1)
    assert ei.value.code == wetee.ERR_NON_CANONICAL
    with pytest.raises(wetee.NonCanonicalError):
        wetee.u128_from_decimal("1.50", 1)  # trailing zeros are still excess precision


def test_u128_overflow():
    with pytest.raises(wetee.OutOfRangeError) as ei:
        wetee.u128_from_decimal(str(U128_MAX + 1), 0)
    assert isinstance(ei.value, OverflowError)
    assert ei.value.code == wetee.ERR_OVERFLOW
    with pytest.raises(wetee.OutOfRangeError):
        wetee.u128_from_decimal("3.40282366920938463463374607431768211456", 38)


@pytest.mark.parametrize("text", ["", ".", "1.", ".5", "-1", "+1", "1,5", "1e5", " 1", "1.5.0", "0x10"])
def test_u128_from_decimal_bad_shape(text):
    with pytest.raises(wetee.DecodeError):
        wetee.u128_from_decimal(text, 10)


def test_u128_from_decimal_bad_character_offset():
    with pytest.raises(wetee.DecodeError) as ei:
        wetee.u128_from_decimal("12x4", 0)
    assert "offset 2" in str(ei.value)


def test_u128_decimals_out_of_range():
    assert wetee.U128_MAX_DECIMALS == 38
    with pytest.raises(wetee.InvalidArgumentError):
        wetee.u128_from_decimal("1", 39)
    with pytest.raises(wetee.InvalidArgumentError):
        wetee.u128_to_decimal(1, 39)
    with pytest.raises(OverflowError):
        wetee.u128_from_decimal("1", -1)


def test_u128_le():
    assert wetee.u128_to_le(0) == bytes(16)
    assert wetee.u128_to_le(1) == b"\x01" + bytes(15)
    assert wetee.u128_to_le(U128_MAX) == b"\xff" * 16
    assert wetee.u128_to_le(1 << 64) == bytes(8) + b"\x01" + bytes(7)
    for _ in range(50):
        v = int.from_bytes(os.urandom(16), "little")
        le = wetee.u128_to_le(v)
        assert le == v.to_bytes(16, "little")
        assert wetee.u128_from_le(le) == v
        assert wetee.u128_from_le(bytearray(le)) == v


def test_u128_input_range_and_type():
    with pytest.raises(OverflowError):
        wetee.u128_to_le(-1)
    with pytest.raises(OverflowError):
        wetee.u128_to_le(U128_MAX + 1)
    with pytest.raises(TypeError):
        wetee.u128_to_le("5")
    with pytest.raises(TypeError):
        wetee.u128_to_le(1.5)
    with pytest.raises(TypeError):
        wetee.u128_to_le(None)

    class Index:
        def __index__(self):
            return 7

    assert wetee.u128_to_le(Index()) == b"\x07" + bytes(15)


def test_u128_from_le_needs_16_bytes():
    with pytest.raises(wetee.InvalidArgumentError):
        wetee.u128_from_le(bytes(15))
    with pytest.raises(wetee.InvalidArgumentError):
        wetee.u128_from_le(bytes(17))


# ---------------------------------------------------------------- argument misuse


@pytest.mark.parametrize("bad", [None, "text", 5, [1, 2]])
def test_bytes_argument_rejects_non_buffers(bad):
    with pytest.raises(TypeError):
        wetee.hex_encode(bad)


@pytest.mark.parametrize("bad", [None, 5, 1.5])
def test_text_argument_rejects_non_text(bad):
    with pytest.raises(TypeError):
        wetee.hex_decode(bad)


def test_non_contiguous_buffer_rejected():
    with pytest.raises(TypeError):
        wetee.base58_encode(memoryview(b"abcdef")[::2])


def test_buffer_types_accepted():
    for data in (b"\x01\x02", bytearray(b"\x01\x02"), memoryview(b"\x00\x01\x02")[1:]):
        assert wetee.hex_encode(data) == "0102"


def test_error_detail_is_per_call_across_threads():
    """Each thread's exception carries the detail of its own call."""
    failures = []

    def worker(k):
        for _ in range(200):
            text = "00" * k + "zz"
            try:
                wetee.hex_decode(text)
            except wetee.DecodeError as e:
                if f"offset {2 * k}" not in str(e):
                    failures.append(str(e))
            else:
                failures.append("no error")
            assert wetee.hex_decode("00" * k) == bytes(k)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_exception_hierarchy():
    assert issubclass(wetee.TruncatedError, wetee.Error)
    assert issubclass(wetee.TruncatedError, ValueError)
    assert issubclass(wetee.OutOfRangeError, OverflowError)
    assert issubclass(wetee.NoMemoryError, MemoryError)
    codes = {cls.code for cls in wetee._errors._BY_CODE.values()}
    assert codes == set(range(-20, 0))
    assert issubclass(wetee.TooLongError, ValueError)
    for cls in wetee._errors._BY_CODE.values():
        assert getattr(wetee, "ERR_" + cls.status[4:]) == cls.code
    e = wetee._errors._from_status(-99, "strange")
    assert type(e) is wetee.Error and e.code == -99
