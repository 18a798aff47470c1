"""Plain-text minutes: decoded with encoding detection, grouped into blocks line by line."""

from __future__ import annotations

from ..model import ReadDocument, SourceFormat
from . import ReadOptions
from ._lines import build_blocks, normalise_newlines, split_lines
from .decode import decode_text


def read(data: bytes, *, options: ReadOptions) -> ReadDocument:
    decoded = decode_text(data)
    text = normalise_newlines(decoded.text)
    blocks = build_blocks(split_lines(text))
    warnings = (decoded.warning,) if decoded.warning else ()
    return ReadDocument(SourceFormat.TEXT, tuple(blocks), text, dialect="plain", warnings=warnings)
