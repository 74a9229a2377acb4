"""Telegram Mini Apps: validation of ``initData`` (see include/wetee/telegram.h).

Both of Telegram's methods, with ``auth_date`` checked against an explicit
``now`` (Unix seconds) and ``max_age``::

    >>> from wetee import telegram
    >>> d = telegram.InitData.validate(init_data, bot_token, now=int(time.time()), max_age=3600)  # doctest: +SKIP
    >>> d.user.id, d.user.first_name  # doctest: +SKIP
    (279058397, 'Vladislav')

:meth:`InitData.validate_third_party` checks the Ed25519 ``signature`` with
Telegram's public key (production, or the test environment with
``test=True``) and needs only the bot's id. Parsing is strict: a malformed
string (duplicate keys, bad percent-encoding, control characters, ...)
raises DecodeError; a bad hash or signature, or an ``auth_date`` outside the
window, raises VerifyError.
"""

import collections

from . import native as _n

PRODUCTION = _n.TELEGRAM_PRODUCTION
TEST = _n.TELEGRAM_TEST

User = collections.namedtuple(
    "User", "id first_name last_name username language_code photo_url is_premium is_bot allows_write_to_pm")


def public_key(test=False):
    """Telegram's Ed25519 key for third-party validation (32 bytes)."""
    return _n.telegram_public_key(TEST if test else PRODUCTION)


class InitData:
    """Parsed (and, from :meth:`validate`, validated) initData."""

    __slots__ = ("_h",)

    def __init__(self, handle):
        self._h = handle

    @classmethod
    def parse(cls, text):
        """Parse without checking any signature."""
        return cls(_n.telegram_init_data_parse(text))

    @classmethod
    def validate(cls, text, bot_token, *, now, max_age):
        """Validate by the bot-token HMAC method (``hash``)."""
        return cls(_n.telegram_init_data_validate(text, bot_token, now, max_age))

    @classmethod
    def validate_third_party(cls, text, bot_id, *, now, max_age, test=False, key=None):
        """Validate by the Ed25519 method (``signature``); ``key`` overrides
        Telegram's key (for tests)."""
        k = key if key is not None else public_key(test)
        return cls(_n.telegram_init_data_validate_third_party(text, bot_id, k, now, max_age))

    def get(self, key):
        """The URL-decoded value of a field, or None."""
        return _n.telegram_init_data_get(self._h, key)

    @property
    def auth_date(self):
        return _n.telegram_init_data_auth_date(self._h)

    @property
    def user(self):
        """The :class:`User`, or None."""
        if not _n.telegram_init_data_has_user(self._h):
            return None
        s = lambda f: _n.telegram_init_data_user_string(self._h, f)  # noqa: E731
        b = lambda f: bool(_n.telegram_init_data_user_flag(self._h, f))  # noqa: E731
        return User(_n.telegram_init_data_user_id(self._h), s("first_name"), s("last_name"), s("username"),
                    s("language_code"), s("photo_url"), b("is_premium"), b("is_bot"), b("allows_write_to_pm"))


__all__ = ["PRODUCTION", "TEST", "User", "public_key", "InitData"]
