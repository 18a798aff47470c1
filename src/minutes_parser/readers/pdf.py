"""PDF reader: pypdfium2 text and geometry turned into the same blocks the text readers produce.

pdfium gives each page's text in reading order with line breaks and inferred spaces; the layout
module adds per-line geometry (runs, gaps, font height and weight) and the block module makes
paragraphs, headings, list items, table rows and action-column margins out of it. Running headers
and footers, page numbers, hyphenation and ligatures are dealt with on the way.

A text layer that decodes to garbage (fonts without a Unicode map) or no text at all raises
:class:`NoTextLayerError`; with ``options.ocr`` and ``tesseract`` on PATH such pages are OCR'd.
"""

from __future__ import annotations

import codecs
import ctypes
import re
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import (
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from ..model import ReadDocument, SourceFormat
from . import ReadOptions
from . import _pdfium_calls as calls
from ._pdf_blocks import BlockAssembler, assign_margins
from ._pdf_grid import GridRow, grid_rows, looks_like_header, page_rules
from ._pdf_layout import (
    Line,
    Page,
    Segment,
    group_lines,
    order_columns,
    page_segments,
    remove_furniture,
)
from ._pdf_ocr import OcrUnavailableError, ocr_page_segments

__all__ = ["NO_TEXT_MESSAGE", "read"]

NO_TEXT_MESSAGE = "no usable text layer; OCR needed (install tesseract and use --ocr)"
_MAX_BYTES = 500 * 1024 * 1024
# pdfium is not thread-safe: one document at a time per process.
_PDFIUM_LOCK = threading.Lock()
_CID = re.compile(r"\(cid:\d{1,6}\)")
# Control codes a broken font map decodes to (not \x02: pdfium's soft hyphen; not tab or line
# breaks), and U+FFFD beside them.
_ASCII_CONTROLS = bytes([0x00, 0x01, *range(0x03, 0x09), *range(0x0E, 0x20)])
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ASCII_VOWELS = b"aeiouyAEIOUY"
# Accented lower-case vowels and the Latin-1 capitals À-Ö (a range that takes in Æ, Ç, Ð and Ñ).
_OTHER_VOWELS = frozenset("àáâäèéêëìíîïòóôöùúûüÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ")
_PDFIUM_PASSWORD_ERROR = 4
_PDFIUM_SECURITY_ERROR = 5


def read(data: bytes, *, options: ReadOptions) -> ReadDocument:
    """Read a PDF into blocks; typed errors for encrypted, damaged, textless or empty PDFs."""
    if len(data) > _MAX_BYTES:
        raise DocumentTooLargeError(f"PDF of {len(data) // (1024 * 1024)} MB is over the 500 MB limit")
    with _PDFIUM_LOCK:
        document = _open(data, options)
        try:
            pages, warnings, total = _read_pages(document, options)
        finally:
            document.close()
    if not any(page.lines for page in pages):
        raise EmptyDocumentError("PDF holds no text")
    removed = remove_furniture(pages)
    for page in pages:
        assign_margins(page)
        order_columns(page)
    assembler = BlockAssembler(pages)
    blocks = assembler.run()
    if not blocks:
        raise EmptyDocumentError("PDF holds no text")
    if removed:
        warnings.append(f"removed {removed} running header, footer and page-number lines")
    return ReadDocument(
        format=SourceFormat.PDF,
        blocks=tuple(blocks),
        text=assembler.builder.text,
        warnings=tuple(warnings),
        pages=total,
    )


def _open(data: bytes, options: ReadOptions) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data, password=options.password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == _PDFIUM_PASSWORD_ERROR:
            if options.password:
                raise EncryptedDocumentError("encrypted PDF: the password given does not open it") from None
            raise EncryptedDocumentError("encrypted PDF: a password is needed (--password)") from None
        if code == _PDFIUM_SECURITY_ERROR:
            raise EncryptedDocumentError("PDF uses an unsupported security handler") from None
        raise UnsupportedFormatError(f"damaged or truncated PDF ({_pdfium_reason(exc)})") from None


def _pdfium_reason(exc: Exception) -> str:
    text = str(exc)
    match = re.search(r"PDFium: ([^)]{1,80})", text)
    return match.group(1).strip().rstrip(".").lower() if match else "pdfium could not load it"


def _read_pages(document: pdfium.PdfDocument, options: ReadOptions) -> tuple[list[Page], list[str], int]:
    total = len(document)
    if total == 0:
        raise EmptyDocumentError("PDF has no pages")
    limit = min(total, max(options.max_pages, 1))
    warnings: list[str] = []
    if limit < total:
        warnings.append(f"read only the first {limit} of {total} pages (page limit)")
    pages: list[Page] = []
    unreadable: list[int] = []
    # Pages and text pages through pdfium's own calls, closed here: pypdfium2's PdfPage and
    # PdfTextPage attach a weakref finalizer and parent/kid bookkeeping to each, which cost more
    # than pdfium's closing itself. The lock held by ``read`` keeps pdfium single-threaded.
    document_handle = document.raw
    for index in range(limit):
        page = pdfium_c.FPDF_LoadPage(document_handle, index)
        if not page:
            warnings.append(f"page {index + 1} could not be loaded and was skipped")
            continue
        try:
            width, height = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
            textpage = pdfium_c.FPDFText_LoadPage(page)
            if not textpage:
                raise pdfium.PdfiumError("Failed to load text page.")
            try:
                count = pdfium_c.FPDFText_CountChars(textpage)
                if count == -1:
                    raise pdfium.PdfiumError("Failed to get character count.")
                text = _text_range(textpage, 0, count) if count > 0 else ""
                if len(text) != count:
                    # Characters outside the BMP shift pdfium's indexes; read them one by one.
                    text = _text_by_char(textpage, count)
                usable = _usable_text(text)
                segments = page_segments(textpage, text) if usable else []
                table_lines: list[Line] = []
                if segments:
                    segments, table_lines = _ruled_tables(page, textpage, segments, index + 1)
            finally:
                pdfium_c.FPDFText_ClosePage(textpage)
            if not usable:
                unreadable.append(index)
            lines = group_lines(segments, index + 1) if segments else []
            if table_lines:
                lines = sorted([*lines, *table_lines], key=lambda ln: -ln.middle)
            pages.append(Page(index + 1, width, height, lines))
        finally:
            pdfium_c.FPDF_ClosePage(page)
    if unreadable:
        _recover_unreadable(document, pages, unreadable, options, warnings)
    return pages, warnings, total


def _ruled_tables(
    page: object, textpage: object, segments: list[Segment], number: int
) -> tuple[list[Segment], list[Line]]:
    """Rows of the page's ruled tables as table lines; the segments they cover taken out
    (``page`` and ``textpage``: pdfium's handles)."""
    horizontal, vertical = page_rules(page)
    if len(horizontal) < 3 or len(vertical) < 3:
        return segments, []
    tables = grid_rows(textpage, horizontal, vertical)
    if not tables:
        return segments, []
    for table in tables:
        segments = _header_above(table, segments)
    rows = [row for table in tables for row in table]
    kept: list[Segment] = []
    covered: dict[int, list[Segment]] = {}
    for seg in segments:
        middle_x = (seg.x0 + seg.x1) / 2
        found = next(
            (i for i, row in enumerate(rows) if row.bottom <= seg.middle <= row.top and row.x0 <= middle_x <= row.x1), None
        )
        if found is None:
            kept.append(seg)
        else:
            covered.setdefault(found, []).append(seg)
    lines: list[Line] = []
    for i, row in enumerate(rows):
        inside = covered.get(i)
        if not inside:
            continue  # the rectangle read text the lines do not show (clipped, white): skip it
        sizes = sorted(s.size for s in inside)
        first = max(inside, key=lambda s: s.top)
        text = " | ".join(" ".join(cell.split()) for cell in row.cells)
        anchor = Segment(text, row.x0, row.x1, first.bottom, first.top, sizes[len(sizes) // 2], all(s.bold for s in inside))
        lines.append(Line([anchor], number, cells=row.cells))
    return kept, lines


def _header_above(table: list[GridRow], segments: list[Segment]) -> list[Segment]:
    """A header printed just above a ruled table, outside its rules ("Item   By whom"): when its
    words sit over the columns and read as column names, it becomes the table's first row."""
    first = table[0]
    if looks_like_header(tuple(" ".join(c.split()) for c in first.cells)):
        return segments
    above = [s for s in segments if first.top <= s.bottom <= first.top + 2.5 * s.height and s.x0 >= first.x0 - 4 and s.x1 <= first.x1 + 4]
    if len(above) < 2:
        return segments
    lowest = min(s.middle for s in above)
    above = [s for s in above if abs(s.middle - lowest) <= 0.5 * s.height]
    edges = first.edges
    cells = [""] * (len(edges) - 1)
    for seg in above:
        col = max((i for i in range(len(cells)) if edges[i] <= seg.x0 + 4), default=0)
        cells[col] = (cells[col] + " " + seg.text).strip()
    if sum(1 for c in cells if c) < 2 or not looks_like_header(tuple(cells)):
        return segments
    top = max(s.top for s in above)
    table.insert(0, GridRow(top, first.top, first.x0, first.x1, tuple(cells), edges))
    return segments


def _text_range(textpage: object, index: int, count: int) -> str:
    """The text of ``count`` characters from ``index``, as pypdfium2's
    ``PdfTextPage.get_text_range`` reads it: characters pdfium leaves out of its text at either
    end of the range are dropped from the range first (crbug.com/pdfium/2079)."""
    first, last = index, index + count - 1
    while True:
        if first > last:
            return ""
        text_first = pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage, first)
        if text_first != -1:
            break
        first += 1
    text_last = pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage, last)
    while text_last == -1:  # (stops at ``first`` at the latest)
        last -= 1
        text_last = pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage, last)
    buffer = (ctypes.c_ushort * (text_last + 2 - text_first))()  # with the terminating NUL
    written = pdfium_c.FPDFText_GetText(textpage, first, last - first + 1, buffer)
    return codecs.decode(memoryview(buffer)[: written - 1], "utf-16-le", "ignore")


def _text_by_char(textpage: object, count: int) -> str:
    """The page's text one character per index: ``_text_range(textpage, i, 1)[:1] or " "`` for
    every index, through the unchecked calls and one buffer (a page of a few thousand characters
    took some 15 ms through the checked calls)."""
    handle = calls.handle(textpage)
    text_index, get_text = calls.text_index, calls.get_text
    buffer = (ctypes.c_ushort * 8)()  # one character's UTF-16 units and the NUL fit with room to spare
    units = memoryview(buffer)
    chars: list[str] = []
    for index in range(count):
        if text_index(handle, index) == -1:
            chars.append(" ")  # left out of pdfium's text
            continue
        written = get_text(handle, index, 1, buffer)
        if written == 2:  # one unit and the NUL: most characters
            unit = buffer[0]
            chars.append(" " if 0xD800 <= unit <= 0xDFFF else chr(unit))  # a lone surrogate decodes to nothing
        elif written == 0:
            chars.append("\x00")  # (_text_range's fresh buffer: one zero unit read)
        else:
            # _text_range's buffer holds two units for one character: no more are read.
            chars.append(codecs.decode(units[: min(written - 1, 2)], "utf-16-le", "ignore")[:1] or " ")
    return "".join(chars)


def _recover_unreadable(
    document: pdfium.PdfDocument,
    pages: list[Page],
    unreadable: list[int],
    options: ReadOptions,
    warnings: list[str],
) -> None:
    """OCR pages without a usable text layer when asked; otherwise fail or warn."""
    readable = len(pages) - len(unreadable)
    if options.ocr:
        try:
            for index in unreadable:
                page = document[index]
                try:
                    segments = ocr_page_segments(page)
                finally:
                    page.close()
                target = next(p for p in pages if p.number == index + 1)
                target.lines = group_lines(segments, index + 1)
        except OcrUnavailableError as exc:
            raise NoTextLayerError(f"no usable text layer; OCR needed, but {exc.reason}") from None
        warnings.append(f"{len(unreadable)} page(s) read by OCR (tesseract); expect recognition errors")
        return
    if readable == 0 or len(unreadable) * 2 >= len(pages):
        raise NoTextLayerError(NO_TEXT_MESSAGE)
    numbers = ", ".join(str(i + 1) for i in unreadable[:10])
    warnings.append(f"page(s) {numbers} have no usable text layer and were skipped (use --ocr)")


def _usable_text(text: str) -> bool:
    """False for an empty page or one whose fonts decode to garbage ((cid:N), control codes)."""
    sample = text[:4000]  # a page's first few thousand characters tell garbage from text
    visible_count = len(sample) - sample.count(" ") - sample.count("\r") - sample.count("\n") - sample.count("\t")
    if visible_count < 3:
        return False
    if "(cid:" in sample and len(_CID.findall(sample)) * 6 > visible_count * 0.2:
        return False
    # Counted in C (bytes.translate, str.count): a regex scan of the sample was slower.
    ascii_bytes = sample.encode("ascii", "ignore")
    controls = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_CONTROLS)) + sample.count("\ufffd")
    if controls > visible_count * 0.02:
        return False
    letters, vowels = _letters_and_vowels(sample, ascii_bytes)
    if visible_count >= 40 and letters < visible_count * 0.35:
        return False
    # Letters but hardly a vowel anywhere: a shifted encoding, not words.
    return not (letters >= 80 and vowels < letters * 0.12)


def _letters_and_vowels(sample: str, ascii_bytes: bytes) -> tuple[int, int]:
    """Counts of letters and of vowels. Bytes.translate counts the ASCII ones (``ascii_bytes``:
    the sample's ASCII characters) in C; the few other characters are looked at one by one."""
    letters = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))
    vowels = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_VOWELS))
    if len(ascii_bytes) < len(sample):
        for char in _NON_ASCII.findall(sample):
            if char.isalpha():
                letters += 1
                vowels += char in _OTHER_VOWELS
    return letters, vowels
