package wetee

import (
	"runtime"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Telegram Mini Apps: validation of initData by the bot-token HMAC method and
// by the third-party Ed25519 method, auth_date checked against an explicit
// now and max age, strict parsing (see wetee/telegram.h).

// TelegramInitData is parsed (and, from the validators, validated) initData.
type TelegramInitData struct{ h uintptr }

// TelegramUser is the `user` object of initData.
type TelegramUser struct {
	ID                                          int64
	FirstName, LastName, Username, LanguageCode string
	PhotoURL                                    string
	IsPremium, IsBot, AllowsWriteToPM           bool
}

func newTelegramInitData(status string, h uintptr) (*TelegramInitData, error) {
	if err := check(status); err != nil {
		if h != 0 {
			cwetee.Telegram_init_data_free(h)
		}
		return nil, err
	}
	d := &TelegramInitData{h: h}
	runtime.SetFinalizer(d, func(d *TelegramInitData) { cwetee.Telegram_init_data_free(d.h) })
	return d, nil
}

// TelegramPublicKey is Telegram's Ed25519 key for third-party validation
// (production, or the test environment).
func TelegramPublicKey(test bool) []byte {
	out := make([]byte, 32)
	env := 0
	if test {
		env = 1
	}
	must(cwetee.Telegram_public_key(out, env))
	return out
}

// ParseTelegramInitData parses initData without checking any signature.
func ParseTelegramInitData(text string) (*TelegramInitData, error) {
	var h uintptr
	return newTelegramInitData(cwetee.Telegram_init_data_parse(&h, text), h)
}

// ValidateTelegramInitData checks the `hash` with the bot token and that
// auth_date is at most maxAge seconds from now.
func ValidateTelegramInitData(text, botToken string, now, maxAge uint64) (*TelegramInitData, error) {
	var h uintptr
	return newTelegramInitData(cwetee.Telegram_init_data_validate(&h, text, botToken, now, maxAge), h)
}

// ValidateTelegramInitDataThirdParty checks the Ed25519 `signature` for the
// bot id with publicKey (TelegramPublicKey, or another key in tests).
func ValidateTelegramInitDataThirdParty(text string, botID int64, publicKey []byte, now, maxAge uint64) (*TelegramInitData, error) {
	if len(publicKey) != 32 {
		return nil, &Error{Code: ErrInvalidArgument, Detail: "telegram: public key must be 32 bytes"}
	}
	var h uintptr
	return newTelegramInitData(cwetee.Telegram_init_data_validate_third_party(&h, text, botID, publicKey, now, maxAge), h)
}

// Get is the URL-decoded value of a field ("" when absent).
func (d *TelegramInitData) Get(key string) string {
	defer runtime.KeepAlive(d)
	return cwetee.Telegram_init_data_get(d.h, key)
}

// AuthDate is auth_date (Unix seconds).
func (d *TelegramInitData) AuthDate() uint64 {
	defer runtime.KeepAlive(d)
	return cwetee.Telegram_init_data_auth_date(d.h)
}

// User is the user object, or nil.
func (d *TelegramInitData) User() *TelegramUser {
	defer runtime.KeepAlive(d)
	if cwetee.Telegram_init_data_has_user(d.h) == 0 {
		return nil
	}
	s := func(f string) string { return cwetee.Telegram_init_data_user_string(d.h, f) }
	b := func(f string) bool { return cwetee.Telegram_init_data_user_flag(d.h, f) != 0 }
	return &TelegramUser{
		ID: cwetee.Telegram_init_data_user_id(d.h), FirstName: s("first_name"), LastName: s("last_name"),
		Username: s("username"), LanguageCode: s("language_code"), PhotoURL: s("photo_url"),
		IsPremium: b("is_premium"), IsBot: b("is_bot"), AllowsWriteToPM: b("allows_write_to_pm"),
	}
}
