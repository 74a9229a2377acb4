#!/usr/bin/env bash
# Drives the `wetee` binary: golden `key inspect` output, --json validity,
# sign/verify, error paths and exit codes.
# Expected keys come from independent sources, not from wetee itself:
#  - ../shared/reference/keys.md §7.1 (DEV phrase mini secret, public key, //Alice public key);
#  - @polkadot/keyring 13 (tests/interop/node_modules), Keyring.addFromUri:
#    //Alice sr25519, DEV//Alice ed25519 with ss58Format 0, //Bob ecdsa, DEV sr25519 with ss58Format 2.
# Usage: run.sh PATH/TO/wetee
set -uo pipefail
W=${1:?usage: run.sh PATH/TO/wetee}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok   cli.$1"; }
bad() { failed=$((failed + 1)); echo "FAIL cli.$1: $2"; }
# expect_rc NAME RC CMD...: runs CMD, checks its exit code, keeps stdout/stderr
expect_rc() {
  local name=$1 want=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"; local rc=$?
  if [[ $rc -eq $want ]]; then ok "$name"; else bad "$name" "exit $rc, expected $want; stderr: $(cat "$tmp/err")"; fi
}
# field NAME LABEL VALUE: the text output has "LABEL VALUE" on one line
field() {
  if grep -qxF -- "  $2$3" "$tmp/out"; then ok "$1"; else bad "$1" "no line '$2$3' in: $(cat "$tmp/out")"; fi
}
# jfield NAME KEY VALUE: the JSON output is valid and KEY has VALUE
jfield() {
  local got
  if got=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$tmp/out" "$2" 2>&1) \
     && [[ $got == "$3" ]]; then ok "$1"; else bad "$1" "JSON $2 = '$got', expected '$3'"; fi
}
DEV="bottom drive obey lake curtain smoke basket hold race lonely fit walk"

# --- inspect: golden values ---
expect_rc inspect_alice 0 "$W" key inspect --insecure-argv //Alice
if grep -qxF 'Secret Key URI `//Alice` is account:' "$tmp/out"; then ok inspect_alice.header; else bad inspect_alice.header "$(cat "$tmp/out")"; fi
field inspect_alice.network "Network ID:        " substrate
field inspect_alice.public "Public key (hex):  " 0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
field inspect_alice.account "Account ID:        " 0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
field inspect_alice.ss58pub "Public key (SS58): " 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
field inspect_alice.address "SS58 Address:      " 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY

printf '%s\n' "$DEV" > "$tmp/dev.suri"
expect_rc inspect_dev 0 "$W" key inspect --secret-file "$tmp/dev.suri"
if grep -qxF "Secret phrase:       $DEV" "$tmp/out"; then ok inspect_dev.phrase; else bad inspect_dev.phrase "$(cat "$tmp/out")"; fi
field inspect_dev.seed "Secret seed:       " 0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e
field inspect_dev.public "Public key (hex):  " 0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a
field inspect_dev.address "SS58 Address:      " 5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV

expect_rc inspect_dev_json 0 "$W" --json key inspect --secret-file "$tmp/dev.suri"
jfield inspect_dev_json.phrase secretPhrase "$DEV"
jfield inspect_dev_json.seed secretSeed 0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e
jfield inspect_dev_json.public publicKey 0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a
jfield inspect_dev_json.account accountId 0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a
jfield inspect_dev_json.ss58pub publicKeySs58 5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV
jfield inspect_dev_json.address ss58Address 5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV
jfield inspect_dev_json.network networkId substrate

expect_rc inspect_kusama 0 "$W" key inspect --json --network kusama --secret-file "$tmp/dev.suri"
jfield inspect_kusama.address ss58Address EBJwHkVtAcF6nCKHd3h4H75NzgvMJxMS1X3WWd8a2DjaQx9
jfield inspect_kusama.network networkId kusama

SURI="$DEV//Alice" expect_rc inspect_ed25519 0 "$W" key inspect --json --scheme ed25519 --network 0 --secret-env SURI
jfield inspect_ed25519.public publicKey 0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee
jfield inspect_ed25519.address ss58Address 146SvjUZXoMaemdeiecyxgALeYMm8ZWh1yrGo8RtpoPfe7WL
jfield inspect_ed25519.network networkId polkadot

SURI=//Bob expect_rc inspect_ecdsa 0 "$W" key inspect --json --scheme ecdsa --secret-env SURI
jfield inspect_ecdsa.public publicKey 0x0390084fdbf27d2b79d26a4f13f0ccd982cb755a661969143c37cbc49ef5b91f27
jfield inspect_ecdsa.account accountId 0x3f6eaf1be5add88d84ca8b02d350074935dbf04f53f4287cb6abfd6b33413f8f
jfield inspect_ecdsa.address ss58Address 5DVskgSC9ncWQpxFMeUn45NU43RUq93ByEge6ApbnLk6BR9N

# --- generate: a fresh phrase whose account inspect reproduces ---
expect_rc generate 0 "$W" key generate --json --words 24
phrase=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["secretPhrase"])' "$tmp/out")
addr=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ss58Address"])' "$tmp/out")
if [[ $(wc -w <<< "$phrase") -eq 24 ]]; then ok generate.words; else bad generate.words "'$phrase'"; fi
printf '%s' "$phrase" > "$tmp/gen.suri"
expect_rc generate.reinspect 0 "$W" --json key inspect --secret-file "$tmp/gen.suri"
jfield generate.same_address ss58Address "$addr"

# --- sign / verify ---
for scheme in sr25519 ed25519 ecdsa; do
  printf '//Alice' > "$tmp/alice.suri"
  expect_rc "sign.$scheme" 0 "$W" key sign --json --scheme "$scheme" --message "hello wetee" --secret-file "$tmp/alice.suri"
  sig=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["signature"])' "$tmp/out")
  pub=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["publicKey"])' "$tmp/out")
  expect_rc "verify.$scheme" 0 "$W" key verify --scheme "$scheme" --public "$pub" --signature "$sig" --message "hello wetee"
  expect_rc "verify.$scheme.other_message" 2 "$W" key verify --scheme "$scheme" --public "$pub" --signature "$sig" --message "hello wetee!"
  if grep -qx invalid "$tmp/out"; then ok "verify.$scheme.prints_invalid"; else bad "verify.$scheme.prints_invalid" "$(cat "$tmp/out")"; fi
done
# hex message and an SS58 public key
printf 'hello' > "$tmp/msg"
expect_rc sign.hex 0 "$W" key sign --message 0x68656c6c6f --hex --secret-file "$tmp/alice.suri"
sig=$(cat "$tmp/out")
expect_rc verify.ss58_file 0 "$W" key verify --json --public 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY \
  --signature "$sig" --message-file "$tmp/msg"
jfield verify.json valid True

# --- errors and exit codes ---
expect_rc err.argv_refused 1 "$W" key inspect //Alice
if grep -q -- "--insecure-argv" "$tmp/err" && ! grep -q Alice "$tmp/err"; then ok err.argv_refused.message
else bad err.argv_refused.message "$(cat "$tmp/err")"; fi
expect_rc err.sign_argv_refused 1 "$W" key sign --message x //Alice
expect_rc err.bad_suri 2 "$W" key inspect --insecure-argv "$DEV extra"
if grep -q "secret URI" "$tmp/err"; then ok err.bad_suri.names_what; else bad err.bad_suri.names_what "$(cat "$tmp/err")"; fi
printf 'bottom drive obey lake curtain smoke basket hold race lonely fit xyz' > "$tmp/bad.suri"
expect_rc err.bad_word 2 "$W" key inspect --secret-file "$tmp/bad.suri"
if grep -q "word 12" "$tmp/err" && ! grep -q bottom "$tmp/err"; then ok err.bad_word.where; else bad err.bad_word.where "$(cat "$tmp/err")"; fi
expect_rc err.missing_file 4 "$W" key inspect --secret-file "$tmp/none.suri"
if grep -q "none.suri" "$tmp/err"; then ok err.missing_file.names_file; else bad err.missing_file.names_file "$(cat "$tmp/err")"; fi
expect_rc err.missing_message_file 4 "$W" key verify --public 0x00 --signature 0x00 --message-file "$tmp/none.msg"
expect_rc err.unset_env 1 env -u WETEE_NO_SUCH "$W" key inspect --secret-env WETEE_NO_SUCH
expect_rc err.no_tty 1 setsid "$W" key inspect < /dev/null
expect_rc err.unknown_command 1 "$W" frobnicate
expect_rc err.unknown_option 1 "$W" key inspect --frob
expect_rc err.unknown_scheme 1 "$W" key inspect --scheme rsa --secret-file "$tmp/dev.suri"
expect_rc err.unknown_network 1 "$W" key inspect --network nowhere --secret-file "$tmp/dev.suri"
expect_rc err.soft_ed25519 2 "$W" key inspect --scheme ed25519 --insecure-argv //Alice/soft
expect_rc err.bad_public 2 "$W" key verify --public 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ --signature "$sig" --message hello
expect_rc err.bad_signature_hex 2 "$W" key verify --public 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --signature 0xzz --message hello
expect_rc err.no_command 1 "$W"

# --- help: the tool and every subcommand ---
for cmd in "" "key" "key generate" "key inspect" "key sign" "key verify"; do
  # shellcheck disable=SC2086
  expect_rc "help.${cmd// /_}" 0 "$W" $cmd --help
  if grep -q '^NAME' "$tmp/out" && grep -q '^SYNOPSIS' "$tmp/out"; then ok "help.${cmd// /_}.sections"
  else bad "help.${cmd// /_}.sections" "$(head -3 "$tmp/out")"; fi
done
grep -q 'EXIT STATUS' < <("$W" --help) && ok help.exit_codes || bad help.exit_codes "no EXIT STATUS"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
