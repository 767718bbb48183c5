"""Decrypts an encrypted token with jwcrypto (Debian's python3-jwcrypto), not
with the server's code, then verifies the signed token inside against the JWKS.

    python3 jwe_jwcrypto.py TOKEN_FILE JWK_FILE JWKS_FILE   → the claims, as JSON
"""
import json
import sys

from jwcrypto import jwe, jwk, jws

token, key_file, jwks_file = open(sys.argv[1]).read().strip(), sys.argv[2], sys.argv[3]
encrypted = jwe.JWE()
encrypted.deserialize(token, key=jwk.JWK(**json.load(open(key_file))))
protected = json.loads(encrypted.objects["protected"])
assert protected["alg"] == "dir" and protected["enc"] == "A256GCM" and protected["cty"] == "JWT", protected
inner = encrypted.payload.decode()
keys = jwk.JWKSet.from_json(open(jwks_file).read())
signed = jws.JWS()
signed.deserialize(inner)
kid = signed.jose_header["kid"]
signed.verify(keys.get_key(kid), alg="EdDSA")
print(json.dumps(json.loads(signed.payload)))
