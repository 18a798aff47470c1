"""Bytes to text for the text-like formats, without ever replacing a character silently.

Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); then strict UTF-8; then, for bytes
that are not UTF-8, charset-normalizer's best guess, with cp1252 (Windows Western European, what
Word and most UK council systems write: "£", curly quotes, dashes) preferred when it decodes
cleanly. A warning names any encoding that had to be guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import DecodeError, EmptyDocumentError, UnsupportedFormatError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Stray NUL bytes in a text document are dropped, with a warning, while there are at most
# ALWAYS_STRAY_NULS of them or at most one per thousand bytes; more means binary data.
ALWAYS_STRAY_NULS = 8
MAX_STRAY_NUL_SHARE = 0.001

_WORD = re.compile(r"[^\W\d_]{2,40}")

# Control characters other than tab, newline, carriage return and form feed mark binary data.
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)} | {127}
_CONTROL_CHARS = tuple(sorted(chr(c) for c in _CONTROL))


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    warning: str | None = None


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], encoding
    return data, None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(sample.count(char) for char in _CONTROL_CHARS)  # a C scan per character, no loop per letter
    return controls / len(sample) > 0.01


def decode_text(data: bytes) -> DecodedText:
    """Decode ``data`` or raise a typed error saying why it is not usable text."""
    if not data.strip():
        raise EmptyDocumentError("empty file" if not data else "file holds only whitespace")
    body, bom_encoding = _strip_bom(data)
    if bom_encoding:
        codec = bom_encoding.replace("-sig", "")
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"bytes at offset {exc.start} are not valid {codec} despite its byte-order mark") from None
        return _checked(text, bom_encoding, None)
    if b"\x00" in body:
        # UTF-16 without a BOM shows as every other byte NUL; a few stray NULs in text (a damaged
        # export, a bad copy) are dropped with a warning; anything else with NULs is binary.
        guess = _utf16_without_bom(body)
        if guess is not None:
            return _checked(guess[0], guess[1], f"no byte-order mark: decoded as {guess[1]}")
        return _without_stray_nuls(body)
    return _decode_8bit(body)


def _without_stray_nuls(body: bytes) -> DecodedText:
    nuls = body.count(0)
    binary = UnsupportedFormatError("binary data (NUL bytes), not a text document")
    if nuls > max(ALWAYS_STRAY_NULS, len(body) * MAX_STRAY_NUL_SHARE):
        raise binary
    try:
        decoded = _decode_8bit(body.replace(b"\x00", b""))
    except (UnsupportedFormatError, DecodeError, EmptyDocumentError):
        raise binary from None
    note = f"{nuls} NUL byte{'s' if nuls != 1 else ''} dropped (text holds none)"
    return DecodedText(decoded.text, decoded.encoding, "; ".join(filter(None, (note, decoded.warning))))


def _decode_8bit(body: bytes) -> DecodedText:
    try:
        return _checked(body.decode("utf-8"), "utf-8", None)
    except UnicodeDecodeError:
        pass
    try:
        text = body.decode("cp1252")
        return _checked(text, "cp1252", "not UTF-8: decoded as cp1252 (Windows Western European)")
    except UnicodeDecodeError:
        pass
    guessed = _charset_normalizer_guess(body)
    if guessed is not None and not _mixed_script_words(guessed[0]):
        return _checked(guessed[0], guessed[1], f"not UTF-8: decoded as {guessed[1]} (guessed)")
    raise DecodeError("undecodable bytes: not UTF-8, UTF-16 or a Western single-byte encoding")


def _utf16_without_bom(body: bytes) -> tuple[str, str] | None:
    even_nuls = body[0:4096:2].count(0)
    odd_nuls = body[1:4096:2].count(0)
    half = min(len(body), 4096) // 2 or 1
    codec = "utf-16-le" if odd_nuls > 0.3 * half and even_nuls < 0.05 * half else None
    if codec is None and even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        return body.decode(codec), codec
    except UnicodeDecodeError:
        return None


def _charset_normalizer_guess(body: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(body[:262144]).best()
    if best is None:
        return None
    try:
        return body.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def _mixed_script_words(text: str) -> bool:
    """A guess that puts Cyrillic or Hangul letters inside English words ("CafБ", "├(абБНMinutes")
    is mojibake: the bytes were never text in that encoding. Real bilingual text keeps scripts apart."""
    for word in _WORD.findall(text[:65536]):
        if word.isascii():
            continue
        if any(ch.isascii() for ch in word) and any(
            not ch.isascii() and not unicodedata.name(ch, "").startswith("LATIN") for ch in word
        ):
            return True
    return False


def _checked(text: str, encoding: str, warning: str | None) -> DecodedText:
    if _looks_binary(text):
        raise UnsupportedFormatError("binary data (control characters), not a text document")
    if not text.strip():
        raise EmptyDocumentError("file holds only whitespace")
    return DecodedText(text=text, encoding=encoding, warning=warning)
