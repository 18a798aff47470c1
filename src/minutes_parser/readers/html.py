"""HTML reader: web-page minutes (council pages, ModernGov, W3C scribe.perl) and HTML fragments.

Parsed with selectolax's lexbor backend (a fast C HTML5 parser); the text is decoded first with
the charset the page declares (BOM, then ``<meta charset>``), else UTF-8, else cp1252, so
entities and bytes both come out as the characters the author meant.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import EmptyDocumentError
from ..model import ReadDocument, SourceFormat
from ._html_guard import limit_nesting, repair_list_end_tags
from ._html_walk import HtmlWalker
from .decode import decode_text

if TYPE_CHECKING:
    from . import ReadOptions

__all__ = ["decode_html", "read"]

MAX_NESTING_DEPTH = 256
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,400}?charset\s{0,5}=\s{0,5}["']?\s{0,5}([A-Za-z0-9_.:-]{1,40})|<\?xml[^>]{0,200}?encoding\s{0,5}=\s{0,5}["']([A-Za-z0-9_.:-]{1,40})""",
    re.I,
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# WHATWG: these labels mean windows-1252 in a browser, and pages labelled so are written as such.
_AS_CP1252 = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1", "cp819"}
)


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:4096])
    if match is None:
        return None
    label = (match.group(1) or match.group(2) or b"").decode("ascii", "ignore").strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    if label.startswith(("utf-16", "utf-32", "ucs")):
        return (
            None  # a byte-order mark decides these; a meta tag claiming them is wrong by definition
        )
    return label or None


def decode_html(data: bytes) -> tuple[str, str | None]:
    """Bytes -> text and an optional warning about how the encoding was chosen."""
    declared = None if data.startswith(_BOMS) else _declared_charset(data)
    if (
        declared is not None
        and declared.replace("-", "").replace("_", "") != "utf8"
        and not data.isascii()
    ):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            # Non-ASCII bytes that are valid UTF-8 are UTF-8 whatever the page claims (a CMS
            # template left saying windows-1252 would otherwise turn "£" into "Â£").
            return text, f"page declares {declared} but its bytes are UTF-8; read as UTF-8"
    if declared is not None:
        try:
            return data.decode(declared), None
        except LookupError:
            pass
        except UnicodeDecodeError:
            decoded = decode_text(data)
            return (
                decoded.text,
                f"page declares {declared} but is not; decoded as {decoded.encoding}",
            )
    decoded = decode_text(data)
    return decoded.text, decoded.warning


def read(data: bytes, *, options: ReadOptions) -> ReadDocument:
    """Read an HTML page or fragment into blocks."""
    from selectolax.lexbor import LexborHTMLParser

    text, warning = decode_html(data)
    warnings: list[str] = [warning] if warning else []
    text, removed = limit_nesting(text, MAX_NESTING_DEPTH)
    if removed:
        warnings.append(
            f"{removed} tags nested deeper than {MAX_NESTING_DEPTH} levels were ignored"
        )
    text, _repaired = repair_list_end_tags(text)
    tree = LexborHTMLParser(text)
    walker = HtmlWalker()
    root = tree.root
    if root is not None:
        walker.walk(root)
    blocks = tuple(walker.builder.finish())
    if not blocks:
        raise EmptyDocumentError("HTML page holds no readable text")
    return ReadDocument(
        format=SourceFormat.HTML,
        blocks=blocks,
        text=walker.builder.text,
        warnings=tuple(warnings),
    )
