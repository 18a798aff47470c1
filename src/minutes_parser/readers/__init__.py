"""Readers: one module per format, registered by format name and imported only when used.

Every reader is a function ``read(data: bytes, *, options: ReadOptions) -> ReadDocument`` that
turns raw bytes into the same kind of :class:`~minutes_parser.model.Block` sequence, so the later
stages never care what the input was. ``detect_format`` looks at the bytes first and the file
name only to break ties, so a PDF named ``.txt`` is read as a PDF.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO

from ..errors import MissingDependencyError, UnsupportedFormatError
from ..model import ReadDocument

__all__ = ["READERS", "ReadOptions", "detect_format", "read_bytes"]


@dataclass(frozen=True)
class ReadOptions:
    """Knobs a reader may honour. Readers ignore what does not apply to them."""

    name: str = "<input>"  # the file name, for messages and tie-breaking
    password: str | None = None  # encrypted PDFs
    ocr: bool = False  # read image-only PDF pages with tesseract
    max_pages: int = 2000  # page cap for paged formats (a warning names what was skipped)
    max_unzipped_bytes: int = 200 * 1024 * 1024  # DOCX zip-bomb guard


@dataclass(frozen=True)
class _Registered:
    module: str  # imported lazily: ``import spacy`` or a PDF library cost time
    extra: str | None  # the pip extra that provides its dependencies
    requires: tuple[str, ...]  # third-party modules it imports


# format name -> where its reader lives. "markdown", "rst", "text" and "moderngov" are text dialects.
READERS: dict[str, _Registered] = {
    "text": _Registered("minutes_parser.readers.text", None, ()),
    "markdown": _Registered("minutes_parser.readers.markdown", None, ()),
    "rst": _Registered("minutes_parser.readers.rst", None, ()),
    "moderngov": _Registered("minutes_parser.readers.moderngov", None, ()),
    "pdf": _Registered("minutes_parser.readers.pdf", "pdf", ("pypdfium2",)),
    "docx": _Registered("minutes_parser.readers.docx", "docx", ("lxml",)),
    "html": _Registered("minutes_parser.readers.html", "html", ("selectolax",)),
}

ReaderFn = Callable[..., ReadDocument]

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|div|p|table|h[1-6]|meta|section|article|span|ul|ol)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"</?(?:p|div|table|tr|td|li|h[1-6]|br|span|a|b|strong|em)\b[^>]{0,200}>", re.I)
_AI_BLOCK = re.compile(rb"<AI\d{1,4}>")
_RST_UNDERLINE = re.compile(rb"^\S[^\n]{0,200}\r?\n([=\-~^\"'`#*+])\1{2,}\s*$", re.M)
_MD_SIGNS = re.compile(rb"^(?:#{1,6}\s+\S|[*+-]\s+\S|\|[^\n]*\|\s*$|---\s*$|\d+\.\s+\S)|\*\*\S|\]\(", re.M)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def detect_format(data: bytes, name: str = "") -> str:
    """Name the reader for ``data``: the bytes decide, the extension only breaks ties."""
    head = data[:4096]
    lowered_name = name.lower()
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        if _is_docx(data):
            return "docx"
        raise UnsupportedFormatError("a zip archive that is not a DOCX document")
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnsupportedFormatError("a legacy binary Office file (.doc/.xls); save it as DOCX or PDF")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # UTF-16 text: decide on the decoded sample.
        try:
            sample = data[:8192].decode("utf-16", errors="ignore").encode("utf-8")
        except (UnicodeDecodeError, LookupError):
            sample = b""
        return _detect_text_dialect(sample, lowered_name)
    return _detect_text_dialect(data[:65536], lowered_name)


def _detect_text_dialect(sample: bytes, lowered_name: str) -> str:
    if _AI_BLOCK.search(sample):
        return "moderngov"
    starts_as_html = _HTML_START.match(sample) is not None
    markdown_signs = len(_MD_SIGNS.findall(sample)) >= 3 and re.search(rb"^#{1,6}\s", sample, re.M) is not None
    if starts_as_html or (len(_HTML_TAGS.findall(sample)) >= 8 and not markdown_signs):
        # Markdown may carry inline HTML (tables from Google Docs converters); an HTML page starts
        # with markup and has no Markdown headings.
        if not (lowered_name.endswith((".md", ".markdown")) and not starts_as_html):
            return "html"
    if lowered_name.endswith((".md", ".markdown")):
        return "markdown"
    if lowered_name.endswith(".rst"):
        return "rst"
    if lowered_name.endswith((".html", ".htm", ".xhtml")) and b"<" in sample:
        return "html"
    if len(_RST_UNDERLINE.findall(sample)) >= 2:
        return "rst"
    if markdown_signs:
        return "markdown"
    return "text"


def load_reader(fmt: str) -> ReaderFn:
    """Import a reader on first use; a missing dependency names the pip install that adds it."""
    try:
        entry = READERS[fmt]
    except KeyError:
        raise UnsupportedFormatError(f"no reader for format {fmt!r}") from None
    for dependency in entry.requires:
        # find_spec says whether it is installed without paying for importing it here.
        if importlib.util.find_spec(dependency) is None:
            extra = f"minutes-parser[{entry.extra}]" if entry.extra else "minutes-parser"
            raise MissingDependencyError(
                f"reading {fmt.upper()} needs the {dependency!r} package: pip install '{extra}'"
            )
    module = importlib.import_module(entry.module)
    reader: ReaderFn = module.read
    return reader


def read_bytes(data: bytes, options: ReadOptions, fmt: str | None = None) -> ReadDocument:
    """Detect the format (unless given) and run its reader."""
    return load_reader(fmt or detect_format(data, options.name))(data, options=options)
