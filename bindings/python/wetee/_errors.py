"""Exceptions raised by the libwetee bindings.

Every failing libwetee call raises a subclass of :class:`Error` chosen by
its status code. Each also derives from the closest built-in exception
(``ValueError`` for malformed input, ``OverflowError`` for out-of-range
values, ...), so code that already catches those keeps working.
"""

__all__ = [
    "Error",
    "InvalidArgumentError",
    "NoMemoryError",
    "DecodeError",
    "TruncatedError",
    "NonCanonicalError",
    "OutOfRangeError",
    "DepthError",
    "ChecksumError",
    "UnsupportedError",
    "CryptoError",
    "VerifyError",
    "NotFoundError",
    "FileError",
    "NetworkError",
    "StateError",
    "TrailingDataError",
    "InternalError",
    "TooLongError",
    "TimedOutError",
    "RpcError",
]


class Error(Exception):
    """A libwetee call failed.

    Attributes:
        code: the ``wetee_status`` value (a negative int, e.g. -3).
        status: its C name without the prefix (e.g. ``"ERR_DECODE"``).
        detail: what failed and where, from ``wetee_last_error()``
            (e.g. ``"hex: invalid character at offset 3"``); ``str(e)``.
    """

    code = None
    status = "ERR_UNKNOWN"

    def __init__(self, detail, code=None):
        super().__init__(detail)
        self.detail = detail
        if code is not None:
            self.code = code

    def __repr__(self):
        return f"{type(self).__name__}({self.detail!r}, code={self.code})"


def _status(code, status, doc):
    def decorate(cls):
        cls.code = code
        cls.status = status
        cls.__doc__ = doc
        _BY_CODE[code] = cls
        return cls
    return decorate


_BY_CODE = {}


@_status(-1, "ERR_INVALID_ARGUMENT", doc="A size out of range, an unknown flag, a missing value.")
class InvalidArgumentError(Error, ValueError):
    pass


@_status(-2, "ERR_NO_MEMORY", doc="The allocator failed or a size overflowed.")
class NoMemoryError(Error, MemoryError):
    pass


@_status(-3, "ERR_DECODE", doc="Malformed input (bad character, bad tag, bad UTF-8, ...).")
class DecodeError(Error, ValueError):
    pass


@_status(-4, "ERR_TRUNCATED", doc="The input ended before the value did.")
class TruncatedError(Error, ValueError):
    pass


@_status(-5, "ERR_NON_CANONICAL", doc="A valid but non-canonical encoding (or excess precision) was rejected.")
class NonCanonicalError(Error, ValueError):
    pass


@_status(-6, "ERR_OVERFLOW", doc="A value does not fit its type, or an output buffer is too small.")
class OutOfRangeError(Error, OverflowError):
    pass


@_status(-7, "ERR_DEPTH", doc="Nesting deeper than the configured limit.")
class DepthError(Error, ValueError):
    pass


@_status(-8, "ERR_CHECKSUM", doc="A checksum did not match.")
class ChecksumError(Error, ValueError):
    pass


@_status(-9, "ERR_UNSUPPORTED", doc="A valid request this build or version does not support.")
class UnsupportedError(Error):
    pass


@_status(-10, "ERR_CRYPTO", doc="A cryptographic primitive failed (bad key, bad point).")
class CryptoError(Error):
    pass


@_status(-11, "ERR_VERIFY", doc="A signature or proof did not verify.")
class VerifyError(Error):
    pass


@_status(-12, "ERR_NOT_FOUND", doc="A looked-up item does not exist.")
class NotFoundError(Error, LookupError):
    pass


@_status(-13, "ERR_IO", doc="A file could not be read or written.")
class FileError(Error, OSError):
    pass


@_status(-14, "ERR_NETWORK", doc="A transport failed.")
class NetworkError(Error, ConnectionError):
    pass


@_status(-15, "ERR_STATE", doc="The object is not in a state that allows the call.")
class StateError(Error, RuntimeError):
    pass


@_status(-16, "ERR_TRAILING", doc="The input had bytes left after the value.")
class TrailingDataError(Error, ValueError):
    pass


@_status(-17, "ERR_INTERNAL", doc="A bug in libwetee; please report it.")
class InternalError(Error, RuntimeError):
    pass


@_status(-18, "ERR_TOO_LONG", doc="An input longer than the function's limit.")
class TooLongError(Error, ValueError):
    pass


@_status(-19, "ERR_TIMEOUT", doc="A deadline passed before the operation completed.")
class TimedOutError(Error, TimeoutError):
    pass


@_status(-20, "ERR_RPC", doc="A JSON-RPC server answered with an error object.")
class RpcError(Error, RuntimeError):
    pass


def _from_status(code, detail):
    """Build the exception for a failed call (used by the C wrappers)."""
    cls = _BY_CODE.get(code)
    if cls is None:
        return Error(detail, code)
    return cls(detail)
