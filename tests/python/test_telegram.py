"""Telegram Mini App initData through the Python binding: known answers of
init-data-golang and aiogram (../shared/reference/ton.md §6) and error paths
(the C suite and the @telegram-apps/init-data-node differential test cover the rest)."""
import pytest

import wetee
from wetee import telegram

TOKEN = "5768337691:AAH5YkoiEuPk8-FZa32hStHTqXiLPtAEhx8"
HMAC_DATA = (
    "query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%22%2C%22last_"
    "name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%"
    "3Atrue%7D&auth_date=1662771648&hash=c501b71e775f74ce10e377dea85a7ea24ecd640b223ea86dfe453e0eaed2e2b2")
THIRD_DATA = (
    "user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%20%2B%20-%20%3F%20%5C%2F%22%2C%22last_name%22%3A%"
    "22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%3Atrue%2C%"
    "22allows_write_to_pm%22%3Atrue%2C%22photo_url%22%3A%22https%3A%5C%2F%5C%2Ft.me%5C%2Fi%5C%2Fuserpic%5C%2F320%5C%"
    "2F4FPEE4tmP3ATHa57u6MqTDih13LTOiMoKoLDRG4PnSA.svg%22%7D&chat_instance=8134722200314281151&chat_type=private&"
    "auth_date=1733584787&hash=2174df5b000556d044f3f020384e879c8efcab55ddea2ced4eb752e93e7080d6&signature=zL-"
    "ucjNyREiHDE8aihFwpfR9aggP2xiAo3NSpfe-p7IbCisNlDKlo7Kb6G4D0Ao2mBrSgEk4maLSdv6MLIlADQ")


def test_hmac():
    d = telegram.InitData.validate(HMAC_DATA, TOKEN, now=1662771648 + 60, max_age=3600)
    assert d.auth_date == 1662771648
    assert d.get("query_id") == "AAHdF6IQAAAAAN0XohDhrOrc"
    assert d.get("start_param") is None
    u = d.user
    assert (u.id, u.first_name, u.last_name, u.username, u.language_code, u.photo_url, u.is_premium) == \
        (279058397, "Vladislav", "Kibenko", "vdkfrost", "ru", None, True)
    with pytest.raises(wetee.VerifyError, match="hash does not match"):
        telegram.InitData.validate(HMAC_DATA, TOKEN + "x", now=1662771648, max_age=3600)
    with pytest.raises(wetee.VerifyError, match="expired"):
        telegram.InitData.validate(HMAC_DATA, TOKEN, now=1662771648 + 3601, max_age=3600)
    with pytest.raises(wetee.VerifyError):
        telegram.InitData.validate(HMAC_DATA.replace("AAHd", "AAHe"), TOKEN, now=1662771648, max_age=60)


def test_third_party():
    assert telegram.public_key().hex() == "e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d"
    assert telegram.public_key(test=True).hex() == "40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec"
    d = telegram.InitData.validate_third_party(THIRD_DATA, 7342037359, now=1733584787, max_age=60)
    assert d.user.photo_url == "https://t.me/i/userpic/320/4FPEE4tmP3ATHa57u6MqTDih13LTOiMoKoLDRG4PnSA.svg"
    assert d.user.allows_write_to_pm and d.get("chat_type") == "private"
    with pytest.raises(wetee.VerifyError):
        telegram.InitData.validate_third_party(THIRD_DATA, 1, now=1733584787, max_age=60)
    with pytest.raises(wetee.VerifyError):
        telegram.InitData.validate_third_party(THIRD_DATA, 7342037359, now=1733584787, max_age=60, test=True)
    # aiogram's test key pair (bot 42)
    ok = ("auth_date=1650385342&user=%7B%22id%22%3A42%2C%22first_name%22%3A%22Test%22%7D&query_id=test&signature="
          "JQ0JR2tjC65yq_jNZV0wuJVX6J-SWPMV0mprUXG34g-NvxL4RcF1Rz5n4VVo00VRghEUBf5t___uoeb1-jU_Cw")
    key = bytes.fromhex("4112765021341e5415e772cd65903f6b94e3ea1c2ab669e6d3e18ee2db00da61")
    assert telegram.InitData.validate_third_party(ok, 42, now=1650385342, max_age=60, key=key).user.id == 42


@pytest.mark.parametrize("text", ["a=1&a=2", "a=%4", "a=1&&b=2", "a", "user=%7B%7D", "a=%00", ""])
def test_malformed(text):
    with pytest.raises(wetee.DecodeError):
        telegram.InitData.parse(text)


def test_missing_hash():
    with pytest.raises(wetee.DecodeError, match="hash is missing"):
        telegram.InitData.validate("auth_date=1&a=1", TOKEN, now=1, max_age=60)
