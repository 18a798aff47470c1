"""Typed exceptions. The library raises these; the CLI turns them into one-line messages."""

from __future__ import annotations


class MinutesParserError(Exception):
    """Base class: an input that could not be parsed, with a short human reason."""

    def __init__(self, reason: str, path: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class InputError(MinutesParserError):
    """The path cannot be read: missing, a directory, no permission."""


class EmptyDocumentError(MinutesParserError):
    """The file holds no text (empty, or whitespace only)."""


class UnsupportedFormatError(MinutesParserError):
    """The bytes are not a format minutes-parser reads (binary, unknown container)."""


class DecodeError(MinutesParserError):
    """Text whose encoding cannot be determined without replacing characters."""


class NoTextLayerError(MinutesParserError):
    """A PDF whose text layer is missing or garbage: OCR is needed."""


class EncryptedDocumentError(MinutesParserError):
    """An encrypted document and no (or a wrong) password."""


class DocumentTooLargeError(MinutesParserError):
    """A document beyond a safety limit (size, pages, decompressed size)."""


class MissingDependencyError(MinutesParserError):
    """An optional extra is needed for this format; the message names the pip install."""


class ParseTimeoutError(MinutesParserError):
    """Parsing took longer than the allowed time."""
