"""Turn the PDF reader's visual lines into blocks: margins, tables, headings, list items, paragraphs.

The decisions are geometric: a short owner-like entry beyond the text at the right edge is the
action column; lines with several widely spaced runs in a row form a table; a larger or
all-bold short line is a heading; a bullet or number opens a list item; otherwise lines join
into a paragraph until the vertical gap, the indentation or a short sentence-ending line says a
new one begins.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from ..model import Block, BlockKind, Layout
from ._lines import list_marker
from ._pdf_grid import join_split_rows, looks_like_header
from ._pdf_layout import Line, Page, Segment

_MARGIN_START = 0.72  # the action column starts beyond this share of the page width
_OWNER_TOKEN = re.compile(r"[A-Z][A-Za-z]{0,3}\.?|[A-Z][a-z]{1,14}|ALL|CLERK|CHAIR")
_OWNER_SPLIT = re.compile(r"\s{0,3}(?:[/,&+]|\band\b)\s{0,3}|\s{1,3}")
_NOT_OWNERS = frozenset(
    {"Action", "Actions", "ACTION", "ACTIONS", "Owner", "Owners", "By", "Who", "Lead", "Date", "Due",
     "Page", "Item", "Items", "Minute", "Minutes", "Agenda", "Draft", "Signed", "Noted", "Approved"}
)
_COLUMN_HEADERS = frozenset({"action", "actions", "action by", "owner", "owners", "by", "by whom", "who", "lead"})
_BULLET_GLYPHS = frozenset("•·●▪■◦‣∙○◆◇►▸➢✓✔-–—*o§")
_LIGATURES = str.maketrans(
    {
        "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
        "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": "", "\ufeff": "",
        "\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓", "\uf0a8": "•",
        "\uf02d": "-", "\uf0e0": "→", "\uf06e": "■", "\uf071": "■", "\uf0d7": "•", "\uf0b2": "•",
    }
)
_SOFT_HYPHEN = "\u00ad"
_NUMBERED_TITLE = re.compile(r"\d{1,3}(?:\.\d{1,3}){0,2}[.)]?\s{1,6}[A-Za-z]")
_TERMINAL = (".", "!", "?", ":", ";")
# A number or letter alone in a line's first run, the text in the next run: "3." | "Minutes".
_SHORT_MARKER = re.compile(r"\(?[0-9a-z]{1,3}[.)]|\([0-9a-z]{1,4}\)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffd]")
# A line opening with one of these labels starts a new block even without a gap above it.
_LABEL_START = re.compile(
    r"(?:ACTIONS?|Actions?|DECISIONS?|Decisions?|RESOLVED|RESOLUTION|Resolved|AGREED|Agreed|NOTED)\s{0,3}[:–—-]"
    r"|(?:ACTIONS?|RESOLVED|AGREED|DECISIONS?)\b"
)


def clean_text(text: str) -> str:
    """Ligatures expanded, symbol-font bullets mapped, a line-end hyphen marked as soft."""
    if text and text[-1] in "\x02\ufffe":
        text = text[:-1] + _SOFT_HYPHEN
    if not text.isascii():  # every character the table maps is outside ASCII
        text = text.translate(_LIGATURES).replace("\ufffe", "-")
    text = text.replace("\x02", "-")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text


def looks_like_owner(text: str) -> bool:
    """Initials or short names as written in an action column: "JS", "PWh", "All", "RB/IL", "Clerk"."""
    text = text.strip()
    if not 1 <= len(text) <= 30 or any(ch.isdigit() for ch in text):
        return False
    tokens = [t for t in _OWNER_SPLIT.split(text) if t]
    if not 1 <= len(tokens) <= 4:
        return False
    return all(_OWNER_TOKEN.fullmatch(t) and t not in _NOT_OWNERS for t in tokens)


def assign_margins(page: Page) -> None:
    """Move action-column entries off their lines into ``Line.margin`` of the line they sit level with."""
    cutoff = page.width * _MARGIN_START
    alone: list[Segment] = []
    kept: list[Line] = []
    lines = page.lines
    for index, line in enumerate(lines):
        if line.cells is not None:
            kept.append(line)  # a ruled table's row: its last cell is a column, not the margin
            continue
        last = line.segments[-1]
        if len(line.segments) <= 2 and last.x0 >= cutoff and last.text.strip(" :").lower() in _COLUMN_HEADERS:
            # "ITEMS ............ Action": the action column's header row, not content.
            continue
        if last.x0 >= cutoff and looks_like_owner(last.text):
            if len(line.segments) == 1:
                alone.append(last)
                continue
            before = line.segments[-2]
            # A row with several other cells, or next to such rows, is a table column instead.
            in_table = len(line.segments) > 3 or (
                len(line.segments) == 3
                and any(len(lines[j].segments) >= 3 for j in (index - 1, index + 1) if 0 <= j < len(lines))
            )
            if last.x0 - before.x1 >= 1.5 * last.height and not in_table:
                line = Line(line.segments[:-1], line.page, [*line.margin, last.text])
        kept.append(line)
    for seg in alone:
        target = _nearest_line(kept, seg)
        if target is None:
            kept.append(Line([seg], page.number))
        else:
            target.margin.append(seg.text)
    kept.sort(key=lambda ln: -ln.middle)
    page.lines = kept


def _nearest_line(lines: list[Line], seg: Segment) -> Line | None:
    best: Line | None = None
    best_distance = 1.6 * seg.height
    for line in lines:
        if line.x1 >= seg.x0:
            continue
        # Halfway between two lines, the entry belongs to the line above (the end of its item).
        distance = abs(line.middle - seg.middle) - (0.05 * seg.height if line.middle >= seg.middle else 0.0)
        if distance < best_distance:
            best, best_distance = line, distance
    return best


_BLOCK_SEPARATOR = "\n\n"
_CELL_SEPARATOR = " | "


class TextBuilder:
    """Blocks and the text they index into: blocks "\\n\\n"-separated, list markers written
    before their item, table cells joined by " | ", so ``text[b.start:b.end] == b.text``."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    def _write(self, piece: str) -> int:
        start = self._length
        self._parts.append(piece)
        self._length += len(piece)
        return start

    def place(self, kind: BlockKind, text: str, cells: tuple[str, ...], marker: str | None) -> tuple[str, int] | None:
        """Write a block's text (a table row's: its cells joined); the text written and where it
        starts, or None for a block without text, which is left out."""
        if kind is BlockKind.TABLE_ROW:
            if not any(cell.strip() for cell in cells):
                return None
            text = _CELL_SEPARATOR.join(cells)
        if not text.strip():
            return None
        if self.blocks:
            self._write(_BLOCK_SEPARATOR)
        if marker and kind is BlockKind.LIST_ITEM:
            self._write(marker + " ")
        return text, self._write(text)

    @property
    def text(self) -> str:
        return "".join(self._parts)


@dataclass
class _Open:
    """The paragraph or list item being built."""

    kind: BlockKind
    lines: list[Line]
    texts: list[str]
    marker: str | None = None
    level: int = 0
    text_x0: float = 0.0
    margins: list[str] = field(default_factory=list)


@dataclass
class _Style:
    body_size: float
    heading_sizes: list[float]  # distinct larger sizes, largest first
    usual_gap: float  # the usual space between two lines of a paragraph
    marker_columns: list[float]  # x positions of list markers, left to right
    right_edges: dict[int, float]  # per page: where full lines end
    left_edges: dict[int, float]  # per page: where most text starts (indents are measured from it)


def _document_style(pages: list[Page], marker_of: _Markers) -> _Style:
    weights: dict[float, int] = {}
    gaps: list[float] = []
    marker_x: list[float] = []
    right_edges: dict[int, float] = {}
    left_edges: dict[int, float] = {}
    for page in pages:
        ends: list[float] = []
        starts: dict[int, int] = {}
        prev: Line | None = None
        for line in page.lines:  # (one pass for the left edge, the sizes, the gaps and the markers)
            length = len(line.text)
            if length >= 30:
                ends.append(line.x1)
            start = round(line.x0)
            starts[start] = starts.get(start, 0) + length
            size = round(line.size * 2) / 2
            weights[size] = weights.get(size, 0) + length
            if prev is not None and abs(prev.size - line.size) < 0.5:
                gap = prev.bottom - line.top
                if -line.size < gap < line.size * 2:
                    gaps.append(gap)
            prev = line
            if marker_of(line) is not None:
                marker_x.append(line.x0)
        ends.sort()
        right_edges[page.number] = ends[int(len(ends) * 0.9)] if len(ends) >= 3 else page.width * 0.85
        if starts:
            left_edges[page.number] = float(max(starts, key=lambda x: (starts[x], -x)))
    body = max(weights, key=lambda s: weights[s]) if weights else 10.0
    larger = sorted((s for s, w in weights.items() if s >= body * 1.18 and w >= 3), reverse=True)
    columns: list[float] = []
    for x in sorted(marker_x):
        if not columns or x - columns[-1] > 6:
            columns.append(x)
    # The lower quartile: most gaps are inside paragraphs, but short documents have few lines.
    usual_gap = statistics.quantiles(gaps, n=4)[0] if len(gaps) >= 2 else (gaps[0] if gaps else 2.0)
    return _Style(body, larger[:4], usual_gap, columns, right_edges, left_edges)


def _retext(seg: Segment, text: str) -> Segment:
    return Segment(text, seg.x0, seg.x1, seg.bottom, seg.top, seg.size, seg.bold)


_Marked = tuple[str, list[Segment]] | None


class _Markers:
    """``_marker_of`` once per line: the style, the heading tests and the body reader all ask.
    Keyed by the line's identity; the lines outlive the assembler that holds this."""

    def __init__(self) -> None:
        self._found: dict[int, _Marked] = {}

    def __call__(self, line: Line) -> _Marked:
        key = id(line)
        # (a membership test, not try/except KeyError: every line is first asked about once,
        # and a raised KeyError costs more than the second lookup of the lines asked again)
        if key in self._found:
            return self._found[key]
        found = self._found[key] = _marker_of(line)
        return found


def _marker_of(line: Line) -> _Marked:
    """The list marker opening ``line`` and the line's segments without it."""
    first = line.segments[0]
    if first.text in _BULLET_GLYPHS and len(line.segments) > 1:
        return first.text, line.segments[1:]
    if first.text[:1] in "•●▪■◦‣∙○◆◇►▸➢✓✔❖" and len(first.text) > 2 and first.text[1] == " ":
        return first.text[0], [_retext(first, first.text[2:].lstrip()), *line.segments[1:]]
    found = list_marker(first.text if len(line.segments) == 1 else first.text + "  " + line.segments[1].text)
    if found is None and len(line.segments) > 1 and _SHORT_MARKER.fullmatch(first.text):
        found = (first.text, "")
    if found is None:
        return None
    marker, rest = found
    if len(line.segments) == 1:
        return marker, [_retext(first, rest.strip())] if rest.strip() else []
    if first.text == marker:
        return marker, line.segments[1:]
    return marker, [_retext(first, first.text[len(marker):].strip()), *line.segments[1:]]


_NO_CELLS: frozenset[int] = frozenset()


def _table_runs(lines: list[Line]) -> set[int]:
    """Indexes of lines that belong to a table: runs of lines with several aligned cells."""
    wide = [len(ln.segments) >= 3 for ln in lines]
    # Where each line's later cells start (most lines are one segment: no cells, no set to build).
    starts = [{round(s.x0) for s in ln.segments[1:]} if len(ln.segments) > 1 else _NO_CELLS for ln in lines]

    def aligned(i: int, j: int) -> bool:
        return 0 <= j < len(lines) and lines[i].page == lines[j].page and any(
            abs(a - b) <= 4 for a in starts[i] for b in starts[j]
        )

    member = [
        w or (len(ln.segments) == 2 and ((aligned(i, i - 1) and wide[i - 1]) or (aligned(i, i + 1) and i + 1 < len(lines) and wide[i + 1])))
        for i, (ln, w) in enumerate(zip(lines, wide, strict=False))
    ]
    table: set[int] = set()
    i = 0
    while i < len(lines):
        if not member[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and member[j + 1] and aligned(j + 1, j):
            j += 1
        if j > i:
            table.update(range(i, j + 1))
        i = j + 1
    return table


def _join(texts: list[str]) -> str:
    """Lines of one block joined with spaces (in a PDF every break inside a block is a soft wrap),
    words hyphenated over a break mended.

    "impor-" + "tant" gives "important"; "UK-" + "France" and "10-21-" + "98" keep the hyphen.
    """
    out = ""
    for text in texts:
        if not out:
            out = text
            continue
        hyphenated = out.endswith((_SOFT_HYPHEN, "-")) and len(out) >= 2 and out[-2].isalnum()
        if hyphenated and text[:1].islower():
            out = out[:-1] + text
        elif hyphenated and text[:1].isalnum():
            out = out[:-1] + "-" + text
        else:
            out = out + " " + text
    return out.replace(_SOFT_HYPHEN, "")


class BlockAssembler:
    """Walks lines in reading order and writes blocks into a :class:`BlockBuilder`."""

    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        self.marker_of = _Markers()
        self.style = _document_style(pages, self.marker_of)
        self.builder = TextBuilder()
        self.open: _Open | None = None
        self.prev_line: Line | None = None
        self.grid_headers: set[tuple[str, ...]] = set()

    def run(self) -> list[Block]:
        lines = join_split_rows([ln for page in self.pages for ln in page.lines if ln.segments])
        in_table = _table_runs(lines)
        index = 0
        while index < len(lines):
            line = lines[index]
            if line.cells is not None:
                self._flush()
                self._grid_row(line)
                self.prev_line = line
                index += 1
                continue
            if index in in_table:
                run_end = index
                while run_end + 1 < len(lines) and run_end + 1 in in_table and lines[run_end + 1].page == line.page:
                    run_end += 1
                self._flush()
                self._table(lines[index : run_end + 1])
                self.prev_line = lines[run_end]
                index = run_end + 1
                continue
            heading_lines = [] if self._runs_on(line) else self._heading_group(lines, index, in_table)
            if heading_lines:
                self._flush()
                self._heading(heading_lines)
                self.prev_line = heading_lines[-1]
                index += len(heading_lines)
                continue
            self._body_line(line, lines[index + 1] if index + 1 < len(lines) else None)
            self.prev_line = line
            index += 1
        self._flush()
        return self.builder.blocks

    # --- headings -------------------------------------------------------------------------

    def _heading_level(self, line: Line) -> int:
        text = line.text
        # (the first character is nearly always a letter: no generator for those)
        if len(text) > 160 or not (text[:1].isalpha() or any(ch.isalpha() for ch in text)):
            return 0
        size = round(line.size * 2) / 2
        for rank, heading_size in enumerate(self.style.heading_sizes):
            if size >= heading_size:
                return rank + 1
        if (line.bold and self.marker_of(line) is None) or (line.bold and line.segments[0].text[:1].isdigit()):
            return len(self.style.heading_sizes) + 1
        return 0

    def _heading_group(self, lines: list[Line], index: int, in_table: set[int]) -> list[Line]:
        level = self._heading_level(lines[index])
        if not level:
            return []
        group = [lines[index]]
        while len(group) < 3:
            nxt = index + len(group)
            if nxt >= len(lines) or nxt in in_table:
                break
            candidate = lines[nxt]
            if candidate.cells is not None:
                break
            candidate_level = self._heading_level(candidate)
            if not candidate_level and candidate.bold and abs(candidate.size - group[-1].size) < 0.5 and len(candidate.text) <= 20:
                candidate_level = level  # "2023/2024" finishing a bold title
            if (
                candidate.page != group[-1].page
                or candidate_level != level
                or group[-1].bottom - candidate.top > self.style.usual_gap + 0.5 * candidate.size
                or self.marker_of(candidate) is not None
                or _NUMBERED_TITLE.match(candidate.text)
            ):
                break
            group.append(candidate)
        text = " ".join(ln.text for ln in group)
        words = len(text.split())
        if text.endswith((",", ";")) or (text.endswith(".") and words > 12 and len(group) == 1) or words > 25:
            return []
        return group

    def _runs_on(self, line: Line) -> bool:
        """A bold or larger line that finishes the open block's unfinished sentence is not a heading."""
        block = self.open
        if block is None or not block.texts or block.texts[-1].endswith(_TERMINAL):
            return False
        if block.kind is BlockKind.LIST_ITEM and abs(line.x0 - block.text_x0) > 3:
            return False
        if block.kind is BlockKind.PARAGRAPH and abs(line.x0 - block.lines[-1].x0) > 3:
            return False
        return line.page == block.lines[-1].page and block.lines[-1].bottom - line.top <= self.style.usual_gap + 0.3 * line.size

    def _heading(self, group: list[Line]) -> None:
        level = self._heading_level(group[0])
        text = " ".join(clean_text(ln.text) for ln in group).replace(_SOFT_HYPHEN, "")
        margins = [m for ln in group for m in ln.margin]
        # "layout": a heading seen only from type size and weight, weaker evidence than a style
        self._add(BlockKind.HEADING, text, group[0].page, level=level, marker="layout", margin=margins, lines=group)

    # --- tables ---------------------------------------------------------------------------

    def _table(self, rows: list[Line]) -> None:
        columns: list[float] = []
        for x in sorted(s.x0 for ln in rows for s in ln.segments):
            if not columns or x - columns[-1] > 8:
                columns.append(x)
        for row_index, line in enumerate(rows):
            cells = [""] * len(columns)
            for seg in line.segments:
                col = min(range(len(columns)), key=lambda c: abs(columns[c] - seg.x0))
                cells[col] = (cells[col] + " " + clean_text(seg.text)).strip()
            header = row_index == 0 and len(rows) > 1 and line.bold and not rows[1].bold
            self._add(BlockKind.TABLE_ROW, "", line.page, cells=tuple(cells), header_row=header, margin=line.margin, lines=[line])

    def _grid_row(self, line: Line) -> None:
        """A ruled table's row: each cell's lines joined as a paragraph's are; the first row of
        short capitalised names (and the same row repeated over a page break) is the header."""
        cells = tuple(
            _join([clean_text(part.strip()) for part in cell.split("\n") if part.strip()]) for cell in line.cells or ()
        )
        key = tuple(" ".join(c.split()).lower() for c in cells)
        header = key in self.grid_headers
        if not header and (self.prev_line is None or self.prev_line.cells is None) and looks_like_header(cells):
            header = True
            self.grid_headers.add(key)
        self._add(BlockKind.TABLE_ROW, "", line.page, cells=cells, header_row=header, margin=line.margin, lines=[line])

    # --- paragraphs and list items --------------------------------------------------------

    def _section_bullet(self, line: Line, rest: list[Segment], next_line: Line | None) -> bool:
        """A short all-bold bullet line whose next line is a deeper bullet: a section title."""
        text = " ".join(s.text for s in rest)
        if not rest or not all(s.bold for s in rest) or len(text.split()) > 8 or text.endswith(_TERMINAL):
            return False
        if next_line is None or next_line.page != line.page:
            return False
        return self.marker_of(next_line) is not None and next_line.x0 > line.x0 + 6

    def _body_line(self, line: Line, next_line: Line | None = None) -> None:
        found = self.marker_of(line)
        if found is not None:
            marker, rest = found
            self._flush()
            text = clean_text(" ".join(s.text for s in rest))
            if self._section_bullet(line, rest, next_line):
                self._add(BlockKind.HEADING, text, line.page, level=len(self.style.heading_sizes) + 1, marker="layout", margin=line.margin, lines=[line])
                return
            level = 1 + min(range(len(self.style.marker_columns)), key=lambda c: abs(self.style.marker_columns[c] - line.x0)) if self.style.marker_columns else 1
            self.open = _Open(
                BlockKind.LIST_ITEM, [line], [text] if text else [], clean_text(marker), level,
                rest[0].x0 if rest else line.x0, list(line.margin),
            )
            return
        if self.open is None or not self._continues(line):
            self._flush()
            # With a hanging indent ("05-1101  1.  Text..."), wrapped lines align with the last run.
            text_x0 = line.segments[-1].x0 if len(line.segments) > 1 and len(line.segments[0].text) <= 10 else line.x0
            self.open = _Open(BlockKind.PARAGRAPH, [line], [], text_x0=text_x0)
        else:
            self.open.lines.append(line)
        self.open.texts.append(clean_text(line.text))
        self.open.margins.extend(line.margin)

    def _continues(self, line: Line) -> bool:
        block = self.open
        prev = self.prev_line
        if block is None or prev is None or prev is not block.lines[-1] or _LABEL_START.match(line.text):
            return False
        last_text = block.texts[-1] if block.texts else ""
        if line.page != prev.page:
            # A paragraph runs on over the page break when its sentence is unfinished.
            return bool(last_text) and not last_text.endswith(_TERMINAL) and (line.text[:1].islower() or last_text.endswith(("-", ",", _SOFT_HYPHEN)))
        gap = prev.bottom - line.top
        if gap > self.style.usual_gap + 0.5 * line.size or gap < -line.size:
            return False
        if abs(line.size - prev.size) > 1.0 or (line.bold != prev.bold and len(line.text) < 60):
            return False
        if block.kind is BlockKind.LIST_ITEM:
            if line.x0 < block.text_x0 - 3 and line.x0 < block.lines[0].x0 + 3:
                return False
        elif (
            abs(line.x0 - prev.x0) > 12
            and abs(line.x0 - block.text_x0) > 4
            and not (len(block.lines) == 1 and line.x0 < prev.x0)
        ):
            return False
        right_edge = self.style.right_edges.get(line.page, 0.0)
        short = prev.x1 < right_edge - max(40.0, 0.12 * right_edge)
        very_short = prev.x1 < right_edge - 0.3 * (right_edge - block.lines[0].x0)
        return not (short and last_text.endswith(_TERMINAL)) and not (very_short and line.text[:1].isupper())

    def _flush(self) -> None:
        block = self.open
        self.open = None
        if block is None or not block.texts:
            return
        text = _join(block.texts)
        self._add(block.kind, text, block.lines[0].page, level=block.level, marker=block.marker, margin=block.margins, lines=block.lines)

    def _add(
        self,
        kind: BlockKind,
        text: str,
        page: int,
        *,
        level: int = 0,
        marker: str | None = None,
        cells: tuple[str, ...] = (),
        header_row: bool = False,
        margin: list[str] | None = None,
        lines: list[Line] | None = None,
    ) -> None:
        placed = self.builder.place(kind, text, cells, marker)
        if placed is None:
            return
        text, start = placed
        margin_text = ", ".join(dict.fromkeys(margin)) if margin else None
        layout = self._layout(lines) if lines else None
        self.builder.blocks.append(
            Block(
                kind, text, start, start + len(text), level=level, marker=marker, cells=cells, page=page,
                margin=margin_text, header_row=header_row, layout=layout,
            )
        )

    def _layout(self, lines: list[Line]) -> Layout:
        """The first line's size against the body text's and its indent from the page's usual
        left edge; bold when every line is."""
        first = lines[0]
        body = self.style.body_size
        left = self.style.left_edges.get(first.page, first.x0)
        return Layout(
            size_ratio=round(first.size / body, 2) if body > 0 else None,
            bold=all(line.bold for line in lines),
            indent=round(first.x0 - left, 1),
        )
