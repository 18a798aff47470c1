"""Shared line-to-block building for the text-like readers (plain text, ModernGov, Markdown, rST).

A reader hands over cleaned lines with their offsets; this module groups them into blocks:
consecutive lines form a paragraph (hard wraps kept as "\\n" for segmentation to rejoin), a
bullet or numbered marker starts a list item, a tab-led line is a table cell of its own, and a
line with several tab-separated cells is a table row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import Block, BlockKind

BULLET_CHARS = "•·●▪■◦‣∙\uf0b7\uf0a7\uf076\uf0d8\u2043\u2219*\u2013-"
_BULLET = re.compile(r"[ \t]{0,12}([•·●▪■◦‣∙\uf0b7\uf0a7\uf076\uf0d8\u2043\u2219*\u2013\-]|o(?=\t| {2}))[ \t\u00a0]{1,8}(?=\S)")
# Numbered and lettered markers: "5.", "12.3", "5a", "(a)", "a)", "(iv)", minute numbers "26/16".
_NUMBER = re.compile(
    r"[ \t]{0,12}("
    r"\d{1,3}(?:\.\d{1,3}){1,3}\.?"  # 12.3 / 4.1.2
    r"|\d{1,3}[.)]"  # 5. / 5)
    r"|\d{1,3}[a-z][.)]?(?=[ \t])"  # 5a / 5a.
    r"|\d{1,4}/\d{2,4}(?=[ \t])"  # minute number 26/16
    r"|\([a-z]{1,2}\)|[a-z][.)](?=[ \t])"  # (a) / a) / a.
    r"|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)"
    r"|(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)\.(?=[ \t])"  # ii. / iv. (i. v. x. are letters above)
    r")[ \t\u00a0]{1,8}(?=\S)"
)
_BLANK = re.compile(r"[\s\u00a0\u200b\ufeff]*")
# Upper-case outline markers: "IV." (roman) and "B." / "AB." (letters). A capital and a full stop
# is also how initials are written ("J. Smith"), so these count only in sequence (see _Outline).
_UPPER = re.compile(r"[ \t]{0,12}([IVX]{1,6}|[A-Z]{1,2})\.[ \t\u00a0]{1,8}(?=\S)")
# A marker alone on its line ("4." then the title on the next line, "(b)", "XII."): the number
# sits in a column of its own and its title follows.
_BARE_MARKER = re.compile(
    r"[ \t]{0,12}(\d{1,3}(?:\.\d{1,3}){1,3}\.?|\d{1,3}[.)]|\d{1,3}[a-z][.)]|\([a-z]{1,2}\)|[a-z][.)]|"
    r"\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)|[IVX]{1,6}\.|[A-Z]{1,2}\.)[ \t\u00a0]*"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman_value(text: str) -> int | None:
    """The value of an upper-case roman numeral up to 39 ("XIV" -> 14); None when malformed."""
    total = 0
    previous = 0
    for ch in reversed(text):
        value = _ROMAN_VALUES.get(ch)
        if value is None:
            return None
        if value < previous:
            total -= value
        else:
            total += value
            previous = value
    from ._markers import roman

    return total if roman(total).upper() == text else None


def letters_value(text: str) -> int:
    """"A" -> 1, "Z" -> 26, "AA" -> 27: spreadsheet-style letter numbering."""
    value = 0
    for ch in text:
        value = value * 26 + (ord(ch) - 64)
    return value


class _Outline:
    """Which upper-case markers a document has used so far: "A." is taken as a marker when it
    starts a sequence or continues one ("B." after "A."), so a lone "J. Smith" stays a name."""

    def __init__(self) -> None:
        self.roman = 0
        self.letter = 0

    def accept(self, marker: str, rest: str) -> bool:
        title = rest.strip()
        if not title or not (title[:1].isupper() or title[:1].isdigit() or title[:1] in "\"'“‘("):
            return False
        if len(title) > 160 or (title.endswith((".", ",", ";")) and len(title.split()) > 12):
            return False
        if len(title.split()) > 16 or title.count("(") != title.count(")") or title.count(",") > 2:
            return False  # a wrapped line of running text ("A. Doyle), Engineer (Ms. ..."), not a title
        as_roman = roman_value(marker) if set(marker) <= set("IVX") else None
        as_letter = letters_value(marker) if len(marker) <= 2 else None
        if as_letter is not None and (as_letter == 1 or as_letter == self.letter + 1) and not (as_roman and as_roman == self.roman + 1 and as_letter != self.letter + 1):
            self.letter = as_letter
            return True
        if as_roman is not None and (as_roman == 1 or as_roman == self.roman + 1):
            self.roman = as_roman
            return True
        return False


@dataclass(frozen=True, init=False)
class Line:
    text: str  # the line without its newline; a reader may have cleaned inline markup
    start: int  # offset of the line in the reader's text
    end: int
    indent: int = 0  # leading spaces (tabs count 4)
    heading_level: int = 0  # set by dialect readers for headings they recognise
    marker: str | None = None  # list marker a dialect reader already stripped
    is_cell: bool = False  # tab-led table cell
    break_before: bool = False  # a hard boundary: never join with the previous line

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        indent: int = 0,
        heading_level: int = 0,
        marker: str | None = None,
        is_cell: bool = False,
        break_before: bool = False,
    ) -> None:
        # The generated __init__ of a frozen dataclass sets each field through object.__setattr__;
        # one dict update is a third of the cost, and readers make a Line for every source line.
        self.__dict__.update(
            text=text,
            start=start,
            end=end,
            indent=indent,
            heading_level=heading_level,
            marker=marker,
            is_cell=is_cell,
            break_before=break_before,
        )


def split_lines(text: str) -> Iterator[Line]:
    """Lines of ``text`` with offsets; the text must already have "\\n" line ends only."""
    pos = 0
    length = len(text)
    while pos <= length:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = length
        raw = text[pos:nl]
        expanded = raw.replace("\t", "    ")
        indent = len(expanded) - len(expanded.lstrip(" "))
        yield Line(raw, pos, nl, indent=indent, is_cell=raw.startswith("\t"))
        pos = nl + 1


def normalise_newlines(text: str) -> str:
    """One newline convention, so offsets are stable: CRLF, CR, form feed and LS become "\\n"."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\f", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


def is_blank(text: str) -> bool:
    return _BLANK.fullmatch(text) is not None


def list_marker(text: str, outline: _Outline | None = None) -> tuple[str, str] | None:
    """(marker, rest) when the line opens a bullet or numbered sub-paragraph. With ``outline``,
    upper-case roman and letter markers in sequence count too ("I.", "II.", "A.", "B.")."""
    m = _BULLET.match(text)
    if m:
        return m.group(1), text[m.end() :]
    m = _NUMBER.match(text)
    if m:
        return m.group(1), text[m.end() :]
    if outline is not None:
        m = _UPPER.match(text)
        if m and outline.accept(m.group(1), text[m.end() :]):
            return m.group(1) + ".", text[m.end() :]
    return None


def bare_marker(text: str) -> str | None:
    """The marker when a line holds nothing else ("4.", "(b)", "XII.")."""
    m = _BARE_MARKER.fullmatch(text)
    return m.group(1) if m else None


def build_blocks(lines: Iterable[Line]) -> list[Block]:
    """Group lines into paragraph, list-item, heading and table blocks."""
    blocks: list[Block] = []
    current: list[Line] = []
    current_kind = BlockKind.PARAGRAPH
    current_marker: str | None = None
    current_level = 0

    def flush() -> None:
        nonlocal current, current_marker, current_kind, current_level
        if current:
            text = "\n".join(line.text.strip() for line in current).strip()
            if text:
                blocks.append(
                    Block(
                        current_kind,
                        text,
                        start=current[0].start,
                        end=current[-1].end,
                        level=current_level,
                        marker=current_marker,
                    )
                )
        current = []
        current_marker = None
        current_kind = BlockKind.PARAGRAPH
        current_level = 0

    outline = _Outline()
    pending_marker: tuple[str, Line] | None = None  # a marker alone on its line, waiting for its title
    for line in lines:
        if is_blank(line.text):
            flush()
            continue
        if pending_marker is not None:
            marker_text, marker_line = pending_marker
            pending_marker = None
            if not line.heading_level and not line.is_cell and line.marker is None and list_marker(line.text) is None and bare_marker(line.text) is None:
                upper = marker_text.rstrip(".")
                if not (upper[:1].isupper() and not outline.accept(upper, line.text)):
                    flush()
                    current = [Line(line.text.strip(), marker_line.start, line.end, marker_line.indent)]
                    current_kind = BlockKind.LIST_ITEM
                    current_marker = marker_text
                    current_level = marker_line.indent // 2
                    continue
            current.append(marker_line)  # not a title after all: the marker stays text
            flush()
        if not line.heading_level and not line.is_cell and line.marker is None:
            alone = bare_marker(line.text)
            if alone is not None:
                flush()
                pending_marker = (alone, line)
                continue
        if line.heading_level:
            flush()
            blocks.append(
                Block(BlockKind.HEADING, line.text.strip(), line.start, line.end, level=line.heading_level, marker=line.marker)
            )
            continue
        if line.is_cell:
            flush()
            cells = [c.strip() for c in line.text.split("\t")]
            cells = [c for c in cells if c and not is_blank(c)]
            if len(cells) > 1:
                blocks.append(Block(BlockKind.TABLE_ROW, " | ".join(cells), line.start, line.end, cells=tuple(cells)))
            elif cells:
                found = list_marker(cells[0])
                if found and found[0] in BULLET_CHARS:
                    blocks.append(Block(BlockKind.LIST_ITEM, found[1].strip(), line.start, line.end, marker=found[0]))
                else:
                    blocks.append(Block(BlockKind.PARAGRAPH, cells[0], line.start, line.end, marker="cell"))
            continue
        marker = line.marker
        rest = line.text
        if marker is None:
            found = list_marker(line.text, outline)
            if found:
                marker, rest = found
        if marker is not None:
            flush()
            current = [Line(rest, line.start, line.end, line.indent)]
            current_kind = BlockKind.LIST_ITEM
            current_marker = marker
            current_level = line.indent // 2
            continue
        if line.break_before:
            flush()
        if not current:
            current_level = line.indent // 2  # a paragraph's indent: text set in under a title is its body
        current.append(line)
    if pending_marker is not None:
        current.append(pending_marker[1])
    flush()
    return blocks
