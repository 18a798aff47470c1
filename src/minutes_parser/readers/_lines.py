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
    r")[ \t\u00a0]{1,8}(?=\S)"
)
_BLANK = re.compile(r"[\s\u00a0\u200b\ufeff]*")


@dataclass(frozen=True)
class Line:
    text: str  # the line without its newline; a reader may have cleaned inline markup
    start: int  # offset of the line in the reader's text
    end: int
    indent: int = 0  # leading spaces (tabs count 4)
    heading_level: int = 0  # set by dialect readers for headings they recognise
    marker: str | None = None  # list marker a dialect reader already stripped
    is_cell: bool = False  # tab-led table cell
    break_before: bool = False  # a hard boundary: never join with the previous line


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


def list_marker(text: str) -> tuple[str, str] | None:
    """(marker, rest) when the line opens a bullet or numbered sub-paragraph."""
    m = _BULLET.match(text)
    if m:
        return m.group(1), text[m.end() :]
    m = _NUMBER.match(text)
    if m:
        return m.group(1), text[m.end() :]
    return None


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

    for line in lines:
        if is_blank(line.text):
            flush()
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
            found = list_marker(line.text)
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
        current.append(line)
    flush()
    return blocks
