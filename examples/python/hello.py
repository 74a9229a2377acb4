"""Hello, libwetee: hashes, codecs, u128 amounts, SCALE compact integers and
keys from Python.

    PYTHONPATH=build/release/bindings/python python3 examples/python/hello.py
"""

import wetee

print(f"libwetee {wetee.version()}")

# Substrate storage key of System.Account: twox128("System") ++ twox128("Account")
prefix = wetee.twox128(b"System") + wetee.twox128(b"Account")
print("System.Account prefix:", wetee.hex_encode(prefix, prefix=True))

print("blake2b-256(''):     ", wetee.blake2b_256(b"").hex())
print("keccak256(''):       ", wetee.keccak256(b"").hex())
print("base58('hello'):     ", wetee.base58_encode(b"hello"))

# 1.5 tokens with 10 decimals, as base units and back
amount = wetee.u128_from_decimal("1.5", 10)
print("1.5 @ 10 decimals:   ", amount, "->", wetee.u128_to_decimal(amount, 10))

# SCALE compact integers
for value in (0, 1, 64, 2**128 - 1):
    encoded = wetee.scale_encode_compact(value)
    decoded, used = wetee.scale_decode_compact(encoded)
    assert decoded == value and used == len(encoded)
    print(f"compact({value}) = {encoded.hex()}")

# Keys: //Alice from the development phrase, her Polkadot address, a signature
with wetee.Keypair.from_suri(wetee.Scheme.SR25519, "//Alice") as alice:
    print("//Alice on Polkadot: ", alice.address(wetee.SS58_PREFIX_POLKADOT))
    signature = alice.sign(b"hello")
    assert wetee.verify(alice.scheme, signature, b"hello", alice.public_key)
    print("signed 'hello':      ", signature.hex()[:32] + "...")

# Errors are exceptions carrying libwetee's detail
try:
    wetee.hex_decode("0x12zz")
except wetee.DecodeError as e:
    print(f"hex_decode('0x12zz') failed: {e} (code {e.code})")
