"""Ruled tables in a PDF: cell borders drawn as thin path objects, cell text read by rectangle.

Word and most report writers draw a table's borders as thin lines or thin filled rectangles,
one per cell edge. Their positions give the rows (horizontal rules) and, row by row, the columns
(vertical rules that cross the row), so a cell written over several lines reads as one text and
the columns of a grant or action table do not interleave. pdfium hands the text inside a
rectangle over in one call, which keeps this cheap: a few calls per cell, none per character.

A grid whose cells hold long running text lays out the minutes themselves ("No. | Minute |
Action"); it is left to the line reader, which reads such pages well.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from . import _pdfium_calls as calls
from ._pdf_layout import Line

_THIN = 2.5  # a rule is at most this thick (points)
_MIN_RULE = 6.0  # and at least this long
_SNAP = 2.0  # rule positions this close are one
_MAX_OBJECTS = 4000  # a drawing, not a table: do not walk it
_LAYOUT_CELL_CHARS = 700  # a cell this long holds running minutes: a layout grid
_HEADER_CELL = re.compile(r"[A-Z][A-Za-z/&'’().,-]*(?:\s{1,3}[A-Za-z/&'’().,-]+){0,4}\??")


@dataclass(slots=True)
class GridRow:
    """One row of a ruled table: its vertical band and its cells' texts, left to right."""

    top: float
    bottom: float
    x0: float
    x1: float
    cells: tuple[str, ...]
    edges: tuple[float, ...] = ()  # the column boundaries, left to right


def page_rules(page_handle: object) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal rules (y, x0, x1) and vertical rules (x, bottom, top) among the page's paths."""
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    count = pdfium_c.FPDFPage_CountObjects(page_handle)
    if count <= 0 or count > _MAX_OBJECTS:
        return horizontal, vertical
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    path_type = pdfium_c.FPDF_PAGEOBJ_PATH
    page = calls.handle(page_handle)
    page_object, object_type, object_bounds = calls.page_object, calls.object_type, calls.object_bounds
    for index in range(count):
        obj = page_object(page, index)
        if object_type(obj) != path_type or not object_bounds(obj, *refs):
            continue
        width, height = right.value - left.value, top.value - bottom.value
        if height <= _THIN and width >= _MIN_RULE:
            horizontal.append(((top.value + bottom.value) / 2, left.value, right.value))
        elif width <= _THIN and height >= _MIN_RULE:
            vertical.append(((left.value + right.value) / 2, bottom.value, top.value))
    return horizontal, vertical


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > _SNAP:
            out.append(value)
    return out


def _grids(horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]]) -> list[list[int]]:
    """Vertical rules grouped into tables: rules whose spans touch or overlap vertically fall in
    one table (indexes into ``vertical``)."""
    order = sorted(range(len(vertical)), key=lambda i: -vertical[i][2])
    groups: list[list[int]] = []
    spans: list[tuple[float, float, float, float]] = []  # bottom, top, x0, x1 of each group
    for i in order:
        x, low, high = vertical[i]
        for g, (g_low, g_high, g_x0, g_x1) in enumerate(spans):
            if low <= g_high + _SNAP and high >= g_low - _SNAP:
                groups[g].append(i)
                spans[g] = (min(g_low, low), max(g_high, high), min(g_x0, x), max(g_x1, x))
                break
        else:
            groups.append([i])
            spans.append((low, high, x, x))
    return groups


def grid_rows(
    textpage_handle: object,
    horizontal: list[tuple[float, float, float]],
    vertical: list[tuple[float, float, float]],
) -> list[list[GridRow]]:
    """The rows of each ruled table on the page, top to bottom; layout grids left out."""
    tables: list[list[GridRow]] = []
    cell_buffer = _cell_buffer(textpage_handle)
    for group in _grids(horizontal, vertical):
        rules = [vertical[i] for i in group]
        x0 = min(r[0] for r in rules)
        x1 = max(r[0] for r in rules)
        low = min(r[1] for r in rules)
        high = max(r[2] for r in rules)
        if x1 - x0 < 60:
            continue
        ys = _snap([y for y, hx0, hx1 in horizontal if low - _SNAP <= y <= high + _SNAP and hx0 <= x1 and hx1 >= x0])
        if len(ys) < 3:
            continue  # a box around text, or a single row: not a table
        rows: list[GridRow] = []
        widest = 0
        for row_bottom, row_top in reversed(list(itertools.pairwise(ys))):  # top row first
            if row_top - row_bottom < 4:
                continue
            middle = (row_top + row_bottom) / 2
            xs = _snap([x for x, v_low, v_high in rules if v_low <= middle <= v_high])
            if len(xs) < 2:
                continue
            cells = tuple(
                _cell_text(textpage_handle, cell_buffer, left, row_top, right, row_bottom) for left, right in itertools.pairwise(xs)
            )
            widest = max(widest, len(cells))
            if any(cells):
                rows.append(GridRow(row_top, row_bottom, xs[0], xs[-1], cells, tuple(xs)))
        if len(rows) < 2 or widest < 2:
            continue
        # Long cells under no header row: running minutes laid out in a grid, left to the lines.
        if not looks_like_header(_tidy(rows[0].cells)) and any(len(cell) > _LAYOUT_CELL_CHARS for row in rows for cell in row.cells):
            continue
        tables.append(rows)
    return tables


def _cell_buffer(textpage_handle: object) -> ctypes.Array[ctypes.c_ushort]:
    """A buffer that holds the text of any rectangle on the page. Each character adds at most
    four UTF-16 units to a rectangle's text (a line break and a surrogate pair), and one more
    is pdfium's terminating NUL."""
    units = 4 * max(int(pdfium_c.FPDFText_CountChars(textpage_handle)), 0) + 1
    return (ctypes.c_ushort * units)()


def _cell_text(
    handle: object, buffer: ctypes.Array[ctypes.c_ushort], left: float, top: float, right: float, bottom: float
) -> str:
    """The text inside a cell; pdfium's line breaks kept as newlines for the caller to join.

    One call into a buffer big enough for any cell: each call walks every character of the page,
    so asking for the length first would double the cost."""
    inset = 0.5
    written = pdfium_c.FPDFText_GetBoundedText(
        handle, left + inset, top - inset, right - inset, bottom + inset, buffer, len(buffer)
    )
    if written <= 0:
        return ""
    raw = ctypes.string_at(buffer, 2 * written)
    return raw.decode("utf-16-le", "replace").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()


def _tidy(cells: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" ".join(cell.split()) for cell in cells)


def looks_like_header(cells: tuple[str, ...]) -> bool:
    """A row of short capitalised column names: "Organisation | Amount requested | Decision"."""
    named = [c for c in cells if c]
    if len(named) < 2:
        return False
    # A cell ending a sentence or clause ("Approved.", "Planters for the green,") is content;
    # an abbreviated name ("No.", "Ref.") is not.
    return all(_HEADER_CELL.fullmatch(c) and not (c.endswith((".", ",", ";")) and len(c) > 4) for c in (" ".join(c.split()) for c in named))


def join_split_rows(lines: list[Line]) -> list[Line]:
    """A row broken over a page break: on the next page, after the repeated header, a row whose
    first cell is empty carries on the last row before the break; its cells are appended."""
    out: list[Line] = []
    last_row: Line | None = None
    for line in lines:
        cells = line.cells
        if cells is None:
            if line.page != (last_row.page if last_row else line.page) or (out and out[-1].cells is None):
                last_row = None
            out.append(line)
            continue
        if looks_like_header(_tidy(cells)):
            out.append(line)
            continue
        if (
            last_row is not None
            and last_row.cells is not None
            and not cells[0].strip()
            and line.page == last_row.page + 1
            and len(cells) == len(last_row.cells)
        ):
            last_row.cells = tuple(f"{a}\n{b}".strip() for a, b in zip(last_row.cells, cells, strict=True))
            continue
        out.append(line)
        last_row = line
    return out
