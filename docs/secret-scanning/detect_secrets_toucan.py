"""detect-secrets plugin: Toucan API keys, reported only when their checksum holds.

A Toucan key is `tck_`, 30 base62 characters, and the base62 CRC-32 (IEEE) of
those 30 characters, most significant digit first, padded to 6 with `0`. A
typo, a look-alike or a key of another length is not reported.

    detect-secrets scan --plugin docs/secret-scanning/detect_secrets_toucan.py
"""
import re
import zlib

from detect_secrets.plugins.base import RegexBasedDetector

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BODY_LEN = 30
CHECKSUM_LEN = 6


def checksum_of(body):
    """The 6-character base62 CRC-32 of `body`."""
    value, digits = zlib.crc32(body.encode("ascii")), ""
    while value:
        value, digit = divmod(value, 62)
        digits = BASE62[digit] + digits
    return digits.rjust(CHECKSUM_LEN, "0")


def is_toucan_key(text):
    """Whether `text` is a whole Toucan key whose checksum holds."""
    if len(text) != 4 + BODY_LEN + CHECKSUM_LEN or not text.startswith("tck_"):
        return False
    body, checksum = text[4:4 + BODY_LEN], text[4 + BODY_LEN:]
    return checksum_of(body) == checksum


class ToucanKeyDetector(RegexBasedDetector):
    """Toucan API keys (tck_…), checked by their checksum."""

    secret_type = "Toucan API Key"

    denylist = (re.compile(r"(?<![0-9A-Za-z_])(tck_[0-9A-Za-z]{36})(?![0-9A-Za-z])"),)

    def analyze_string(self, string):
        for candidate in super().analyze_string(string):
            if is_toucan_key(candidate):
                yield candidate
