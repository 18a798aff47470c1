"""Page geometry for the PDF reader: text segments from pdfium, visual lines, page furniture.

pdfium's text page already orders characters, splits them into lines and inserts the spaces the
geometry implies. We take its lines one call at a time and ask for per-character boxes only where
a line holds several text runs (a tab gap, a font change, an action-column entry), which keeps
the reader an order of magnitude faster than walking every character.

Coordinates are PDF points with y growing upwards (``top > bottom``).
"""

from __future__ import annotations

import ctypes
import itertools
import re
import struct
from collections import Counter
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from . import _pdfium_calls as calls

# A gap wider than this many line heights separates two segments (table cells, the action column).
SEGMENT_GAP = 0.9
# A gap wider than this many line heights is a missing space between words.
WORD_GAP = 0.22
_FURNITURE_BAND = 0.1  # share of the page height at top and bottom where headers/footers live
_SOFT_HYPHENS = "\x02\ufffe\u00ad"
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_PAGE_NUMBER = re.compile(
    r"(?:page|p\.|pg\.?)?\s{0,3}[-–(\[]?\s{0,2}\d{1,4}\s{0,2}[-–)\]]?"
    r"(?:\s{0,3}(?:of|/)\s{0,3}\d{1,4})?(?:\s{0,3}\|\s{0,3}page)?",
    re.I,
)
_DIGITS = re.compile(r"\d{1,12}")
_HYPHEN_BREAK = re.compile(r"[\x02\ufffe](?=[^\r\n])")
_RECT = struct.Struct("ffff")  # pdfium's FS_RECTF: left, top, right, bottom
_RUN_RECT = struct.Struct("dddd")  # FPDFText_GetRect's four doubles: left, top, right, bottom


@dataclass(slots=True)
class Segment:
    """A run of text on one line with no wide gap inside it."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    size: float  # line height of the run's font (pdfium's loose box), a proxy for font size
    bold: bool

    @property
    def height(self) -> float:
        span = self.top - self.bottom
        return span if span > 1.0 else 1.0

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


class Line:
    """Segments sharing a baseline, left to right, plus what sits in the margin level with them.

    The geometry is computed once: build a new Line rather than editing ``segments``.
    """

    __slots__ = ("bold", "bottom", "cells", "margin", "middle", "page", "segments", "size", "text", "top", "x0", "x1")

    def __init__(
        self, segments: list[Segment], page: int, margin: list[str] | None = None, cells: tuple[str, ...] | None = None
    ) -> None:
        self.segments = segments
        self.page = page
        self.margin: list[str] = margin if margin is not None else []
        # A whole row of a ruled table (cell texts with their line breaks), read by rectangle.
        self.cells = cells
        self.x0 = segments[0].x0
        self.x1 = segments[-1].x1
        if len(segments) == 1:  # most lines: no generators for one segment
            only = segments[0]
            self.top, self.bottom, self.size, self.bold, self.text = only.top, only.bottom, only.size, only.bold, only.text
        else:
            self.top = max(s.top for s in segments)
            self.bottom = min(s.bottom for s in segments)
            # The longest run's size: a bullet glyph from a symbol font is often taller than the text.
            self.size = max(segments, key=lambda s: len(s.text)).size
            self.bold = all(s.bold for s in segments)
            self.text = " ".join(s.text for s in segments)
        self.middle = (self.top + self.bottom) / 2

    def __repr__(self) -> str:
        return f"Line(page={self.page}, x0={self.x0:.1f}, top={self.top:.1f}, text={self.text!r})"


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]


class _CharReader:
    """Per-character calls into pdfium with reusable ctypes out-parameters."""

    def __init__(self, textpage_handle: object) -> None:
        self.handle = calls.handle(textpage_handle)
        self.rect = pdfium_c.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)
        self.name = ctypes.create_string_buffer(128)
        self.name_size = ctypes.c_ulong(128)
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)
        self._bold_by_name: dict[bytes, bool] = {}

    def box(self, index: int) -> tuple[float, float, float, float]:
        calls.loose_char_box(self.handle, index, self.rect_ref)
        r = self.rect
        return r.left, r.right, r.bottom, r.top

    def bold(self, index: int) -> bool:
        weight = calls.font_weight(self.handle, index)
        if 600 <= weight <= 1000:  # some producers write nonsense weights (4140)
            return True
        calls.font_info(self.handle, index, self.name, self.name_size, self.flags_ref)
        name = self.name.value
        known = self._bold_by_name.get(name)
        if known is None:
            known = bool(_BOLD_NAME.search(name.decode("latin-1")))
            self._bold_by_name[name] = known
        return known


def page_segments(textpage: object, text: str) -> list[Segment]:
    """Segments of one page, read line by line from pdfium's text page (its handle)."""
    chars = _CharReader(textpage)
    handle = chars.handle
    count_rects, get_rect = calls.count_rects, calls.get_rect
    # A run's rectangle: four doubles (left, top, right, bottom) written side by side, read back
    # in one unpack rather than four ``.value`` reads.
    run_rect = (ctypes.c_double * 4)()
    rect_refs = tuple(ctypes.byref(run_rect, 8 * i) for i in range(4))
    unpack_run = _RUN_RECT.unpack_from
    segments: list[Segment] = []
    start = 0
    length = len(text)
    marked = "\x02" in text or "\ufffe" in text
    while start < length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        # pdfium joins a word hyphenated over a line break, marking the break with U+FFFE or 0x02.
        hyphen = _HYPHEN_BREAK.search(text, start, end) if marked else None
        while hyphen is not None and not _breaks_line(chars, hyphen.start()):
            hyphen = _HYPHEN_BREAK.search(text, hyphen.end(), end)  # a real hyphen: "UK-France"
        if hyphen is not None:
            end = hyphen.start()
            line_end = end + 1
        else:
            line_end = end - 1 if end > start and text[end - 1] == "\r" else end
        line_text = text[start:line_end]
        if line_text and not line_text.isspace():
            runs = count_rects(handle, start, line_end - start)
            if runs <= 0:
                pass
            elif "   " in line_text:  # a tab stop's gap: cut where the characters say
                segments.extend(_split_runs(chars, line_text, start))
            elif runs == 1:
                get_rect(handle, 0, *rect_refs)
                left, top, right, bottom = unpack_run(run_rect)
                segments.append(_single_run(chars, line_text, start, left, right, bottom, top))
            else:
                boxes: list[tuple[float, float, float, float]] = []
                for run in range(min(runs, 64)):
                    get_rect(handle, run, *rect_refs)
                    left, top, right, bottom = unpack_run(run_rect)
                    boxes.append((left, right, bottom, top))
                if _has_wide_gap(boxes):
                    segments.extend(_split_runs(chars, line_text, start))
                else:
                    x0s, x1s, lows, highs = zip(*boxes, strict=True)
                    segments.append(_single_run(chars, line_text, start, min(x0s), max(x1s), min(lows), max(highs)))
        start = end + 1
    return segments


def _breaks_line(chars: _CharReader, hyphen_index: int) -> bool:
    """Whether the text after a pdfium hyphen mark starts back at the left, on a lower line."""
    hx0, _, hbottom, _ = chars.box(hyphen_index)
    nx0, _, _, ntop = chars.box(hyphen_index + 1)
    return nx0 < hx0 and ntop <= hbottom + 1


def _has_wide_gap(boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether pdfium's runs on one line leave a gap wide enough to part two segments."""
    if len(boxes) == 1:
        return False
    ordered = sorted(boxes)
    height = max(max(b[3] - b[2] for b in boxes), 1.0)
    reach = ordered[0][1]
    for box in ordered[1:]:
        if box[0] - reach > SEGMENT_GAP * height:
            return True
        reach = max(reach, box[1])
    return False


def _single_run(
    chars: _CharReader, line_text: str, offset: int, x0: float, x1: float, bottom: float, top: float
) -> Segment:
    """The line as one segment. Three visible characters are looked at: the first and last for
    the edges, the middle one for a typical glyph, all three to tell a bold line from a mixed one."""
    text = line_text.strip()
    first = line_text.index(text[0])  # the first visible character
    last = first + len(text) - 1
    middle = (first + last) // 2
    while middle < last and line_text[middle].isspace():
        middle += 1
    first += offset
    middle += offset
    last += offset
    # The run's rectangle may include leading or trailing spaces; the visible glyphs set the edges.
    get_box, handle, rect, rect_ref = calls.loose_char_box, chars.handle, chars.rect, chars.rect_ref
    get_box(handle, first, rect_ref)
    first_x0 = rect.left
    get_box(handle, middle, rect_ref)
    char_bottom, char_top = rect.bottom, rect.top
    get_box(handle, last, rect_ref)
    last_x1 = rect.right
    if first_x0 < last_x1:
        x0, x1 = first_x0, last_x1
    size = char_top - char_bottom if char_top > char_bottom else top - bottom
    bold = chars.bold(first) and chars.bold(middle) and chars.bold(last)
    return Segment(text, x0, x1, bottom, top, size, bold)


def _split_runs(chars: _CharReader, line_text: str, offset: int) -> list[Segment]:
    """Walk a multi-run line character by character, cutting at wide gaps, adding lost spaces."""
    out: list[Segment] = []
    pieces: list[str] = []
    heights: list[float] = []
    first = last_index = -1
    x0 = x1 = bottom = top = 0.0
    pending_space = False
    # This loop is the hot path: chars.box() inlined, the box's four floats read in one call, no
    # closure (the variables a closure shares are slower to read and write in the loop), the
    # lists' append methods looked up once per segment, and the index counted by hand.
    get_box, unpack_box = calls.loose_char_box, _RECT.unpack_from
    handle, rect, rect_ref = chars.handle, chars.rect, chars.rect_ref
    segment_gap, word_gap = SEGMENT_GAP, WORD_GAP
    add_piece, add_height = pieces.append, heights.append
    index = offset
    for ch in line_text:
        if ch.isspace():
            pending_space = True
            index += 1
            continue
        get_box(handle, index, rect_ref)
        cx0, ct, cx1, cb = unpack_box(rect)
        if first >= 0:
            height = top - bottom
            if ct - cb > height:
                height = ct - cb
            if height < 1.0:
                height = 1.0
            gap = cx0 - x1
            # A wide gap, a step back left or a jump up or down: the segment ends here.
            if gap > segment_gap * height or gap < -height * 2 or cb > top or ct < bottom:
                _close_run(out, chars, pieces, heights, first, last_index, (x0, x1, bottom, top))
                first = -1
            else:
                if pending_space or gap > word_gap * height:
                    add_piece(" ")
                if cx1 > x1:
                    x1 = cx1
                if cb < bottom:
                    bottom = cb
                if ct > top:
                    top = ct
        if first < 0:
            first = index
            pieces = []
            heights = []
            add_piece, add_height = pieces.append, heights.append
            x0, x1, bottom, top = cx0, cx1, cb, ct
        add_piece(ch)
        add_height(ct - cb)
        last_index = index
        pending_space = False
        index += 1
    if first >= 0:
        _close_run(out, chars, pieces, heights, first, last_index, (x0, x1, bottom, top))
    return out


def _close_run(
    out: list[Segment],
    chars: _CharReader,
    pieces: list[str],
    heights: list[float],
    first: int,
    last: int,
    box: tuple[float, float, float, float],
) -> None:
    """The characters gathered since the last cut as a segment (none if they are all spaces);
    bold when its first and last characters are, sized by the median character height."""
    text = "".join(pieces).strip()
    if text:
        bold = chars.bold(first) and chars.bold(last)
        heights.sort()
        x0, x1, bottom, top = box
        out.append(Segment(text, x0, x1, bottom, top, heights[len(heights) // 2], bold))


def group_lines(segments: list[Segment], page: int) -> list[Line]:
    """Visual lines: segments whose vertical middles agree, sorted top to bottom, left to right."""
    ordered = sorted(segments, key=_from_top)
    groups: list[list[Segment]] = []
    anchors: list[tuple[float, float, float]] = []  # top, bottom and height of each group's first segment
    for seg in ordered:
        top, bottom = seg.top, seg.bottom
        span = top - bottom
        height = span if span > 1.0 else 1.0  # (Segment.height, written out)
        # Only the last few lines can share this baseline (ordered by height on the page).
        for at in range(len(groups) - 1, max(len(groups) - 5, -1), -1):
            anchor_top, anchor_bottom, anchor_height = anchors[at]
            # The vertical overlap, against 0.6 of the smaller height (comparisons written out:
            # this loop runs for every segment of every page).
            overlap = (anchor_top if anchor_top < top else top) - (anchor_bottom if anchor_bottom > bottom else bottom)
            if overlap >= 0.6 * (height if height < anchor_height else anchor_height):
                groups[at].append(seg)
                break
        else:
            groups.append([seg])
            anchors.append((top, bottom, height))
    # (most lines are one segment: nothing to sort or merge)
    lines = [Line(group if len(group) == 1 else _merge_close(sorted(group, key=_left)), page) for group in groups]
    lines.sort(key=lambda ln: -ln.middle)
    return lines


def _from_top(seg: Segment) -> float:
    """Sort key, top of the page first: ``-seg.middle`` written out (no property call)."""
    return -((seg.top + seg.bottom) / 2)


def _left(seg: Segment) -> float:
    return seg.x0


def _merge_close(segments: list[Segment]) -> list[Segment]:
    """Join runs pdfium reported apart (font change mid-word, a bullet) when no real gap parts them."""
    merged = [segments[0]]
    for seg in segments[1:]:
        prev = merged[-1]
        height = max(prev.height, seg.height)
        gap = seg.x0 - prev.x1
        if gap <= SEGMENT_GAP * height:
            joiner = " " if gap > WORD_GAP * height and not prev.text.endswith(" ") else ""
            merged[-1] = Segment(
                prev.text + joiner + seg.text,
                prev.x0,
                max(prev.x1, seg.x1),
                min(prev.bottom, seg.bottom),
                max(prev.top, seg.top),
                prev.size if len(prev.text) >= len(seg.text) else seg.size,
                prev.bold and seg.bold,
            )
        else:
            merged.append(seg)
    return merged


def furniture_key(line: Line, page: Page) -> tuple[str, int] | None:
    """How a running header or footer is recognised across pages: its text and band position."""
    from_top = page.height - line.top
    if line.cells is not None:
        return None  # a table row repeated on every page is the table's header, not furniture
    if from_top > page.height * _FURNITURE_BAND and line.bottom > page.height * _FURNITURE_BAND:
        return None
    text = _DIGITS.sub("#", line.text.lower())
    return text, round(line.middle / 6)


def remove_furniture(pages: list[Page]) -> int:
    """Drop page numbers and lines repeated at the same place on many pages; return how many."""
    counts: Counter[tuple[str, int]] = Counter()
    keys: list[list[tuple[str, int] | None]] = []
    for page in pages:
        page_keys = [furniture_key(line, page) for line in page.lines]
        keys.append(page_keys)
        counts.update({k for k in page_keys if k is not None})
    need = max(2, (len(pages) + 1) // 2)
    removed = 0
    for page, page_keys in zip(pages, keys, strict=False):
        kept: list[Line] = []
        for line, key in zip(page.lines, page_keys, strict=False):
            if key is not None and (counts[key] >= need or _PAGE_NUMBER.fullmatch(line.text.strip())):
                removed += 1
                continue
            kept.append(line)
        page.lines = kept
    return removed


def order_columns(page: Page) -> None:
    """Two-column pages: read the left column, then the right, between full-width lines."""
    body = [ln for ln in page.lines if len(ln.text) >= 3]
    if len(body) < 10:
        return
    gutter = _find_gutter(body, page.width)
    if gutter is None:
        return
    ordered: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for line in page.lines:
        if line.cells is not None or any(s.x0 < gutter < s.x1 for s in line.segments):
            ordered.extend(left)
            ordered.extend(right)
            left, right = [], []
            ordered.append(line)
            continue
        left_part = [s for s in line.segments if s.x1 <= gutter]
        right_part = [s for s in line.segments if s.x0 >= gutter]
        if left_part:
            left.append(Line(left_part, line.page, list(line.margin) if not right_part else []))
        if right_part:
            right.append(Line(right_part, line.page, list(line.margin)))
    ordered.extend(left)
    ordered.extend(right)
    page.lines = ordered


def _find_gutter(lines: list[Line], width: float) -> float | None:
    """A vertical strip in the middle third that almost no text crosses, prose on both sides."""
    step = 4.0
    first_x = width * 0.3
    slots = int(width * 0.4 / step) + 1
    limit = len(lines) * 0.08
    if _crossed_everywhere(lines, first_x, step, slots, limit):
        return None  # most pages: prose across the middle third
    # Lines crossing each slot, as a difference array: +1 where a line's cover starts, -1 where it
    # ends (a line's segments are left to right, so clipping at the last end counts a slot once).
    changes = [0] * (slots + 2)
    for line in lines:
        reach = 0
        for seg in line.segments:
            lo = max(reach, int((seg.x0 - first_x) / step) + 1)
            hi = min(slots, int((seg.x1 - first_x) / step) + 1)
            if hi > lo:
                changes[lo] += 1
                changes[hi] -= 1
                reach = hi
    crossing = list(itertools.accumulate(changes))
    best: tuple[int, float] | None = None
    run_start: float | None = None
    for slot in range(slots):
        x = first_x + slot * step
        if crossing[slot] <= limit:
            if run_start is None:
                run_start = x
        elif run_start is not None:
            best = _wider(best, run_start, x - step)
            run_start = None
    if run_start is not None:
        best = _wider(best, run_start, first_x + (slots - 1) * step)
    if best is None or best[0] < 8:
        return None
    gutter = best[1]
    left = [s for ln in lines for s in ln.segments if s.x1 <= gutter]
    right = [s for ln in lines for s in ln.segments if s.x0 >= gutter]
    if len(left) < 5 or len(right) < 5:
        return None
    # Tables and action columns have short cells; two-column prose has long lines on both sides.
    if sum(len(s.text) for s in left) / len(left) < 25 or sum(len(s.text) for s in right) / len(right) < 25:
        return None
    return gutter


def _crossed_everywhere(lines: list[Line], first_x: float, step: float, slots: int, limit: float) -> bool:
    """Whether more than ``limit`` lines have a first segment covering every slot of the gutter
    search, so that no slot can be the gutter. The slot arithmetic is _find_gutter's own, so the
    answer is exact; it stops at the first ``limit`` + 1 such lines (a page of prose: a few)."""
    count = 0
    for line in lines:
        first = line.segments[0]
        if int((first.x0 - first_x) / step) + 1 <= 0 and int((first.x1 - first_x) / step) + 1 >= slots:
            count += 1
            if count > limit:
                return True
    return False


def _wider(best: tuple[int, float] | None, start: float, end: float) -> tuple[int, float]:
    width = int(end - start)
    if best is None or width > best[0]:
        return width, (start + end) / 2
    return best


def soft_hyphen_end(text: str) -> bool:
    return bool(text) and text[-1] in _SOFT_HYPHENS
