"""DOCX reader: the body of a Word document as blocks, in reading order.

The XML of the main document part is walked directly with lxml (python-docx's own parser is lxml
with entities off; its object layer is slow for this job and drops tracked insertions): paragraphs
and tables interleaved as in the body, heading styles as HEADING blocks, list numbers recomputed
from numbering.xml, tracked changes read as accepted (insertions kept, deletions dropped), headers,
footers, footnotes and comments left out because they live in other parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import EmptyDocumentError, UnsupportedFormatError
from ..model import BlockKind, Layout, ReadDocument, SourceFormat
from ._docx_blocks import CELL_SEPARATOR, LABEL_ONLY, BlockBuilder, looks_like_title
from ._docx_numbering import Numbering, StyleMap, on_off, w
from ._docx_package import open_docx

if TYPE_CHECKING:
    from . import ReadOptions

__all__ = ["read"]

# Run content that is not document text, or not the accepted version of it.
_SKIPPED_INLINE = frozenset(
    w(tag)
    for tag in (
        "del",
        "moveFrom",
        "pPr",
        "rPr",
        "instrText",
        "delText",
        "delInstrText",
        "sdtPr",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "drawing",
        "pict",
        "object",
    )
)
_SKIPPED_INLINE_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CONTAINERS = frozenset(
    w(tag) for tag in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")
)
_P, _TBL, _TR, _TC, _R, _T = w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("t")

_NUMBER_CELL = re.compile(
    r"^(?:item\s{1,3})?\(?[0-9]{1,4}[a-z]?(?:[./][0-9]{1,4}){0,3}[.)]?$|^\(?[ivxlc]{1,6}[.)]$|^\(?[a-z][.)]$",
    re.I,
)
_LAYOUT_CELL_CHARS = 300
_MARGIN_CELL_CHARS = 60
_HEADER_WORDS = re.compile(
    r"^(?:actions?(?:\s+(?:points?|required|by|owner))?|owners?|by\s+whom|who|responsib(?:le|ility)|lead|due(?:\s+date)?|"
    r"dates?|deadline|by\s+when|when|target(?:\s+date)?|status|progress|item|no\.?|ref\.?|minute|notes?|"
    r"comments?|task|description|name|details|discussion|subject|topic|minutes|summary|agenda\s+item|decisions?|person|outcome|update|timescale|completed?)$",
    re.I,
)


@dataclass
class _ParagraphText:
    text: str
    bold_chars: int = 0
    plain_chars: int = 0
    italic_chars: int = 0
    upright_chars: int = 0
    style: str | None = None  # the paragraph style's name
    indent: float | None = None  # the paragraph's own left indent, in points

    @property
    def all_bold(self) -> bool:
        return self.bold_chars > 0 and self.plain_chars == 0

    def layout(self, outline: int | None) -> Layout:
        return Layout(
            bold=self.all_bold,
            italic=self.italic_chars > 0 and self.upright_chars == 0,
            indent=self.indent,
            style=self.style,
            outline=outline,
        )


class _DocxWalker:
    def __init__(self, styles: StyleMap, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.builder = BlockBuilder()
        self.insertions = 0
        self.deletions = 0
        self.pending_number: str | None = None

    # -- body ---------------------------------------------------------------------------------

    def block_elements(self, container: Any) -> list[Any]:
        """Paragraphs and tables of a container in order, through content controls."""
        found: list[Any] = []
        stack = list(reversed(container))
        while stack:
            element = stack.pop()
            tag = element.tag
            if tag in (_P, _TBL):
                found.append(element)
            elif tag in _CONTAINERS:
                stack.extend(reversed(element))
            elif tag in (w("del"), w("moveFrom")):
                self.deletions += 1
        return found

    def walk(self, container: Any) -> None:
        for element in self.block_elements(container):
            if element.tag == _P:
                self.emit_paragraph(element)
            else:
                self.emit_table(element)

    # -- paragraphs ---------------------------------------------------------------------------

    def paragraph_text(self, paragraph: Any, default_bold: bool) -> _ParagraphText:
        pieces: list[str] = []
        result = _ParagraphText("")
        stack = list(reversed(paragraph))
        while stack:
            element = stack.pop()
            tag = element.tag
            if not isinstance(tag, str) or tag in _SKIPPED_INLINE or tag == _SKIPPED_INLINE_MC:
                if tag in (w("del"), w("moveFrom")):
                    self.deletions += 1
                continue
            if tag == _R:
                rpr = element.find(w("rPr"))
                if rpr is not None and on_off(rpr.find(w("vanish"))):
                    continue  # hidden text is not printed
                run_text = _run_text(element)
                if run_text:
                    pieces.append(run_text)
                    bold_el = rpr.find(w("b")) if rpr is not None else None
                    bold = on_off(bold_el) if bold_el is not None else default_bold
                    visible = len(run_text.strip())
                    if bold:
                        result.bold_chars += visible
                    else:
                        result.plain_chars += visible
                    if rpr is not None and on_off(rpr.find(w("i"))):
                        result.italic_chars += visible
                    else:
                        result.upright_chars += visible
                continue
            if tag in (w("ins"), w("moveTo")):
                self.insertions += 1
            stack.extend(reversed(element))
        result.text = "".join(pieces)
        return result

    def paragraph_parts(self, paragraph: Any) -> tuple[_ParagraphText, str | None, int | None, int]:
        """Text, list marker, heading level and list level of one paragraph."""
        ppr = paragraph.find(w("pPr"))
        style_id: str | None = None
        num_id: str | None = None
        ilvl: int | None = None
        outline: int | None = None
        indent: float | None = None
        if ppr is not None:
            style_el = ppr.find(w("pStyle"))
            style_id = style_el.get(w("val")) if style_el is not None else None
            num_pr = ppr.find(w("numPr"))
            if num_pr is not None:
                num_el = num_pr.find(w("numId"))
                ilvl_el = num_pr.find(w("ilvl"))
                num_id = num_el.get(w("val")) if num_el is not None else None
                ilvl = _to_int(ilvl_el.get(w("val"))) if ilvl_el is not None else None
            outline_el = ppr.find(w("outlineLvl"))
            if outline_el is not None:
                outline = _to_int(outline_el.get(w("val")))
            indent = _indent_points(ppr.find(w("ind")))
        style = self.styles.get(style_id)
        if num_id is None and style is not None and style.num_id is not None:
            num_id = style.num_id
            ilvl = style.ilvl if ilvl is None else ilvl
        ilvl = ilvl or 0
        heading_level = style.heading_level if style is not None else None
        if outline is not None and outline < 9:
            heading_level = outline + 1
        marker = self.numbering.next_marker(num_id, ilvl) if num_id is not None else None
        text = self.paragraph_text(
            paragraph, default_bold=style.bold if style is not None else False
        )
        text.style = style.name if style is not None else None
        text.indent = indent
        return text, marker, heading_level, ilvl

    def emit_paragraph(self, paragraph: Any) -> None:
        parts, marker, heading_level, ilvl = self.paragraph_parts(paragraph)
        body, margin = split_margin(parts.text)
        body = _tidy(body)
        if not body:
            return
        if marker is None and self.pending_number is not None:
            # The number cell of a layout-table row numbers the first paragraph of its text cell.
            marker, ilvl = self.pending_number, 0
        self.pending_number = None
        # A numbered title keeps its number in the text ("5. Minutes"); bullets are not numbers.
        is_number = marker is not None and any(ch.isalnum() for ch in marker)
        numbered_body = f"{marker} {body}" if is_number else body
        layout = parts.layout(heading_level)
        if heading_level is not None:
            self.builder.add(
                BlockKind.HEADING,
                numbered_body,
                level=min(heading_level, 6),
                marker=marker,
                margin=margin,
                layout=layout,
            )
        elif parts.all_bold and not marker and LABEL_ONLY.match(body):
            self.builder.hold_label(body)
        elif parts.all_bold and looks_like_title(body):
            # Word minutes often set item titles as bold (often numbered) Normal paragraphs.
            level = min(ilvl + 2, 6) if marker else 3
            self.builder.add(
                BlockKind.HEADING, numbered_body, level=level, marker=marker, margin=margin, layout=layout
            )
        elif marker:
            self.builder.add(
                BlockKind.LIST_ITEM, body, level=ilvl + 1, marker=marker, margin=margin, layout=layout
            )
        else:
            self.builder.add(BlockKind.PARAGRAPH, body, margin=margin, layout=layout)

    # -- tables -------------------------------------------------------------------------------

    def cell_text(self, cell: Any) -> tuple[str, bool]:
        """A cell's paragraphs joined by newlines (markers kept), and whether it is all bold."""
        lines: list[str] = []
        all_bold = True
        for element in self.block_elements(cell):
            if element.tag == _P:
                parts, marker, _heading, _ilvl = self.paragraph_parts(element)
                line = _tidy(parts.text.replace("\t", " "))
                if line:
                    lines.append(f"{marker} {line}" if marker else line)
                    all_bold = all_bold and parts.all_bold
            else:
                for row_cells, _bold, _deleted in self.table_rows(element):
                    line = CELL_SEPARATOR.join(c.replace("\n", " ") for c in row_cells if c)
                    if line:
                        lines.append(line)
                        all_bold = False
        return "\n".join(lines), all_bold and bool(lines)

    def table_rows(self, table: Any) -> list[tuple[list[str], bool, bool]]:
        """(cells, every cell bold, marked as a repeating header row) per row, deleted rows dropped."""
        rows: list[tuple[list[str], bool, bool]] = []
        for row in self.block_like(table, _TR):
            trpr = row.find(w("trPr"))
            if trpr is not None and trpr.find(w("del")) is not None:
                self.deletions += 1
                continue
            is_header = trpr is not None and on_off(trpr.find(w("tblHeader")))
            cells: list[str] = []
            bold_flags: list[bool] = []
            for cell in self.block_like(row, _TC):
                tcpr = cell.find(w("tcPr"))
                if tcpr is not None:
                    vmerge = tcpr.find(w("vMerge"))
                    hmerge = tcpr.find(w("hMerge"))
                    if hmerge is not None and hmerge.get(w("val")) != "restart":
                        continue  # legacy horizontal merge: the first cell holds the text
                    if vmerge is not None and vmerge.get(w("val")) != "restart":
                        cells.append("")  # continuation of a vertical merge: counted once, above
                        continue
                text, bold = self.cell_text(cell)
                cells.append(text)
                if text:
                    bold_flags.append(bold)
            rows.append((cells, bool(bold_flags) and all(bold_flags), is_header))
        return rows

    def block_like(self, parent: Any, tag: str) -> list[Any]:
        found: list[Any] = []
        stack = list(reversed(parent))
        while stack:
            element = stack.pop()
            if element.tag == tag:
                found.append(element)
            elif element.tag in _CONTAINERS:
                stack.extend(reversed(element))
        return found

    def emit_table(self, table: Any) -> None:
        rows_xml = self.block_like(table, _TR)
        if rows_xml and all(len(self.block_like(row, _TC)) <= 1 for row in rows_xml):
            # A one-column table is a box around text (a layout device): read its content as body.
            for row in rows_xml:
                for cell in self.block_like(row, _TC):
                    self.walk(cell)
            return
        if self.is_layout_table(rows_xml):
            for row in rows_xml:
                self.emit_layout_row(row)
            return
        rows = self.table_rows(table)
        for index, (cells, all_bold, marked_header) in enumerate(rows):
            header = marked_header or (
                index == 0 and len(rows) > 1 and _looks_like_header(cells, all_bold)
            )
            row_layout = Layout(bold=all_bold, style="table")
            self.builder.add(BlockKind.TABLE_ROW, "", cells=tuple(cells), header_row=header, layout=row_layout)

    def is_layout_table(self, rows_xml: list[Any]) -> bool:
        """A grid that lays out running minutes ("No. | Minute | Action"), not a table of data."""
        if rows_xml:
            first = [_tidy("".join(cell_texts(c))) for c in self.block_like(rows_xml[0], _TC)]
            named = sum(1 for text in first if _HEADER_WORDS.match(text.rstrip(":")))
            if named >= 2 and any(
                re.match(
                    r"(?:owners?|due|by whom|responsib|who\b|lead\b|deadline|by when|target|date)",
                    t,
                    re.I,
                )
                for t in first
            ):
                return False  # an action table, however long its entries
        for row in rows_xml:
            for cell in self.block_like(row, _TC):
                paragraphs = [p for p in cell.iter(_P) if "".join(cell_texts(p)).strip()]
                length = sum(len("".join(cell_texts(p))) for p in paragraphs)
                if len(paragraphs) >= 3 or length > _LAYOUT_CELL_CHARS:
                    return True
        return False

    def emit_layout_row(self, row: Any) -> None:
        cells = [c for c in self.block_like(row, _TC) if "".join(cell_texts(c)).strip()]
        if not cells:
            return
        texts = [_tidy("".join(cell_texts(c))) for c in cells]
        if _is_column_titles(texts):
            return
        lengths = [len(text) for text in texts]
        main_index = lengths.index(max(lengths))
        margins: list[str] = []
        for index, cell in enumerate(cells):
            lines = [
                _tidy("".join(cell_texts(p)))
                for p in cell.iter(_P)
                if _tidy("".join(cell_texts(p)))
            ]
            numbers = [line for line in lines if not _HEADER_WORDS.match(line.rstrip(":"))]
            if index < main_index and all(_NUMBER_CELL.match(line) for line in numbers):
                if len(numbers) == 1:
                    self.pending_number = numbers[0]
                continue  # several numbers cannot be aligned with the text: dropped
            if index > main_index and lengths[index] <= _MARGIN_CELL_CHARS and len(lines) <= 3:
                owner = " ".join(lines)
                if not _HEADER_WORDS.match(owner.rstrip(":")):
                    margins.append(owner)
                continue
            self.walk(cell)
        self.pending_number = None
        for margin in margins:
            self.builder.add_margin_to_last(margin)


def _is_column_titles(texts: list[str]) -> bool:
    """A layout grid's title row ("Minute | Details | Action"): nothing to read."""
    named = sum(1 for text in texts if _HEADER_WORDS.match(text.rstrip(":")))
    return all(len(text.split()) <= 3 for text in texts) and named * 2 >= len(texts)


def cell_texts(element: Any) -> list[str]:
    """Visible text pieces under an element (accepted revisions only), for sizing cells."""
    pieces: list[str] = []
    for node in element.iter(_T):
        ancestor = node.getparent()
        deleted = False
        while ancestor is not None and ancestor is not element:
            if ancestor.tag in (w("del"), w("moveFrom")):
                deleted = True
                break
            ancestor = ancestor.getparent()
        if not deleted:
            pieces.append(node.text or "")
    return pieces


def _run_text(run: Any) -> str:
    pieces: list[str] = []
    for child in run:
        tag = child.tag
        if tag == _T:
            pieces.append(child.text or "")
        elif tag == w("tab") or tag == w("ptab"):
            pieces.append("\t")
        elif tag == w("br") or tag == w("cr"):
            pieces.append("\n")
        elif tag == w("noBreakHyphen"):
            pieces.append("-")
        elif tag == w("sym"):
            pieces.append(_symbol(child.get(w("char"), "")))
    return "".join(pieces)


def _symbol(code: str) -> str:
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000
    return chr(value) if 32 <= value < 0x110000 and value not in (0x7F,) else ""


def _indent_points(ind: Any | None) -> float | None:
    """A paragraph's left indent (``w:left`` or ``w:start``, in twentieths of a point) in points."""
    if ind is None:
        return None
    value = _to_int(ind.get(w("left")) or ind.get(w("start")))
    return value / 20 if value is not None else None


def _to_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009]{1,1000}")
_SPACED_NEWLINE = re.compile(r" ?\n ?")
_MARGIN_GAP = re.compile(r"\t[ \t]{0,200}")


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text.replace("\u00ad", ""))
    return _SPACED_NEWLINE.sub("\n", text).strip()


def split_margin(text: str) -> tuple[str, str | None]:
    """Split off a short name set at the right margin after a tab (the action column in Word).

    "The Clerk would write to the Council.<tab><tab>Clerk" -> ("The Clerk would ...", "Clerk").
    """
    if "\t" not in text:
        return text, None
    gaps = list(_MARGIN_GAP.finditer(text.rstrip()))
    if not gaps:
        return text, None
    last = gaps[-1]
    main, tail = text[: last.start()].strip(), text[last.end() :].strip()
    if (
        1 <= len(tail) <= 40
        and len(tail.split()) <= 5
        and tail[0].isupper()
        and "\n" not in tail
        and len(main) >= 25
        and not tail.endswith((".", ",", ";"))
        and not any(ch.isdigit() for ch in tail)
    ):
        return main, tail
    return text, None


def _looks_like_header(cells: list[str], all_bold: bool) -> bool:
    filled = [cell for cell in cells if cell.strip()]
    if len(filled) < 2 or any(len(cell) > 40 or "\n" in cell for cell in filled):
        return False
    named = sum(1 for cell in filled if _HEADER_WORDS.match(cell.strip().rstrip(":")))
    return (
        named >= 2
        or (named >= 1 and all_bold)
        or (all_bold and all(len(cell.split()) <= 3 for cell in filled))
    )


def read(data: bytes, *, options: ReadOptions) -> ReadDocument:
    """Read a DOCX into blocks; typed errors for corrupt, oversized or empty documents."""
    parts = open_docx(data, options.max_unzipped_bytes)
    body = parts.document.find(w("body"))
    if body is None:
        raise UnsupportedFormatError("corrupt DOCX: the main document part has no body")
    walker = _DocxWalker(StyleMap(parts.styles), Numbering(parts.numbering))
    walker.walk(body)
    warnings: list[str] = []
    if walker.insertions or walker.deletions:
        warnings.append(
            f"tracked changes read as accepted ({walker.insertions} insertions kept, "
            f"{walker.deletions} deletions dropped)"
        )
    blocks = tuple(walker.builder.finish())
    if not blocks:
        raise EmptyDocumentError("DOCX document holds no text")
    return ReadDocument(
        format=SourceFormat.DOCX,
        blocks=blocks,
        text=walker.builder.text,
        warnings=tuple(warnings),
    )
