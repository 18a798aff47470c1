"""Walk a parsed HTML tree (selectolax/lexbor) into reader blocks, without recursion.

Text between block-level boundaries becomes one block: headings h1-h6 -> HEADING, list items ->
LIST_ITEM with their computed marker, everything else -> PARAGRAPH (``<br>`` kept as "\\n").
Data tables become TABLE_ROW blocks; layout tables ("No. | Minute | Action" grids, ModernGov's
number-cell/content-cell item tables) are read as the text they lay out, with a number cell
leading the item and a short last cell (the action column) set as the block's margin. Scripts,
styles, navigation, forms' controls and footers are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import BlockKind, Layout
from ._docx_blocks import CELL_SEPARATOR, LABEL_ONLY, BlockBuilder, looks_like_title
from ._lines import build_blocks, normalise_newlines, split_lines
from ._markers import roman

_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "nav",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "map",
        "footer",
        "aside",
        "address",
        "dialog",
    ]
)
_BLOCK_TAGS = frozenset(
    [
        "article",
        "blockquote",
        "body",
        "center",
        "details",
        "div",
        "dl",
        "dt",
        "dd",
        "fieldset",
        "figcaption",
        "figure",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "ul",
        "legend",
    ]
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_PRE_LAYOUT = Layout(style="pre")
_ROW_LAYOUT = Layout(style="tr")
_BOLD_TAGS = frozenset({"b", "strong"})
_ITALIC_TAGS = frozenset({"em", "i"})
_CHROME_CLASSES = frozenset(
    [
        "navbar",
        "breadcrumb",
        "breadcrumbs",
        "skip-link",
        "skiplink",
        "sr-only",
        "visually-hidden",
        "cookie",
        "cookie-banner",
        "site-header",
        "site-footer",
        "menu",
    ]
)
_CHROME_ROLES = frozenset({"navigation", "search", "contentinfo"})
# scribe.perl minutes repeat every action and resolution in summaries after the minutes.
_DUPLICATE_SUMMARY_IDS = frozenset({"ActionSummary", "ResolutionSummary"})
_HIDDEN_STYLE = re.compile(r"display\s{0,5}:\s{0,5}none|visibility\s{0,5}:\s{0,5}hidden", re.I)
_WHITESPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u2002\u2003\u2009\u200b]{1,10000}")
_AROUND_BREAK = re.compile(r" ?\n[ \n]{0,10000}")
_NUMBER_CELL = re.compile(
    r"^(?:item\s{1,3})?\(?[0-9]{1,4}[a-z]?(?:[./][0-9]{1,4}){0,3}[.)]?$|^\(?[ivxlc]{1,6}[.)]$|^\(?[a-z][.)]$",
    re.I,
)
_HEADER_WORDS = re.compile(
    r"^(?:actions?(?:\s+by)?|owners?|by\s+whom|who|responsib(?:le|ility)|lead|due(?:\s+date)?|dates?|"
    r"deadline|by\s+when|when|status|progress|item|no\.?|ref\.?|minute|notes?|comments?|task|description|name|details|discussion|subject|topic|minutes|summary|agenda\s+item|decisions?)$",
    re.I,
)
# Words an italic tail states as the outcome ("... Balance of £6,564.21  <em>Noted</em>"): text, not owners.
_STATUS_WORDS = re.compile(
    r"^(?:noted|agreed|approved|resolved|received|accepted|deferred|carried|declined|refused|rejected|"
    r"no objections?|no observations|supported|ratified|adopted|closed|completed?|done|ongoing)\W{0,3}$",
    re.I,
)
_SENTENCE_PUNCT = (".", ";", "!", "?", ")", ":")
_MARGIN_MAX_CHARS = 60
_MARGIN_MAX_WORDS = 8
_LAYOUT_CELL_CHARS = 300


@dataclass
class _Piece:
    text: str
    bold: bool = False
    italic: bool = False
    is_break: bool = False


@dataclass
class _ListState:
    ordered: bool
    counter: int
    step: int
    style: str  # ol type: "1", "a", "A", "i", "I"


@dataclass
class _BlockContext:
    tag: str
    marker: str | None = None  # a list item's marker until its first block takes it
    list_depth: int = 0


@dataclass
class _CellText:
    text: str
    has_heading: bool
    blocks: int
    all_bold: bool


_ENTER, _EXIT, _NUMBER, _MARGIN = range(4)


def _children(node: Any) -> list[Any]:
    found: list[Any] = []
    child = node.child
    while child is not None:
        found.append(child)
        child = child.next
    return found


def _is_element(node: Any) -> bool:
    tag = node.tag
    return isinstance(tag, str) and not tag.startswith("-") and tag != "_comment"


def is_skipped(node: Any) -> bool:
    """Page chrome and invisible content."""
    tag = node.tag
    if tag in _SKIP_TAGS:
        return True
    attributes = node.attributes
    if not attributes:
        return False
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    if attributes.get("role") in _CHROME_ROLES or attributes.get("id") in _DUPLICATE_SUMMARY_IDS:
        return True
    style = attributes.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = attributes.get("class")
    return bool(classes) and not _CHROME_CLASSES.isdisjoint(classes.lower().split())


def _format_ordinal(value: int, style: str) -> str:
    if value <= 0 or style == "1":
        return str(value)
    if style in ("a", "A"):
        letters = ""
        number = value
        while number > 0:
            number, remainder = divmod(number - 1, 26)
            letters = chr(ord("a") + remainder) + letters
        return letters.upper() if style == "A" else letters
    if style in ("i", "I"):
        numeral = roman(value)
        return numeral.upper() if style == "I" else numeral
    return str(value)


def _int_attribute(node: Any, name: str) -> int | None:
    value = (node.attributes or {}).get(name)
    if value is None:
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _collapse(pieces: list[_Piece]) -> str:
    parts = ["\n" if piece.is_break else _WHITESPACE.sub(" ", piece.text) for piece in pieces]
    return _AROUND_BREAK.sub("\n", "".join(parts)).strip().replace("\n ", "\n")


def _is_margin_text(text: str) -> bool:
    return (
        1 <= len(text) <= _MARGIN_MAX_CHARS
        and len(text.split()) <= _MARGIN_MAX_WORDS
        and text[0].isupper()
        and not _STATUS_WORDS.match(text)
        and "\n" not in text
    )


def split_italic_tail(pieces: list[_Piece]) -> tuple[list[_Piece], str | None]:
    """Separate a trailing italic name set apart after a gap (mscc's action owners)."""
    end = len(pieces)
    while end > 0 and not pieces[end - 1].is_break and not pieces[end - 1].text.strip():
        end -= 1
    start = end
    while start > 0 and pieces[start - 1].italic and not pieces[start - 1].is_break:
        start -= 1
    if start == end:
        return pieces, None
    tail = _WHITESPACE.sub(" ", "".join(piece.text for piece in pieces[start:end])).strip()
    if not _is_margin_text(tail):
        return pieces, None
    before = "".join("\n" if piece.is_break else piece.text for piece in pieces[:start])
    main = before.strip()
    if not main:
        return pieces[:start], tail  # a lone italic name: the caller attaches it to the block above
    gap = before[len(before.rstrip()) :]
    wide_gap = "\t" in gap or len(gap) >= 3
    after_sentence = bool(gap) and main.endswith(_SENTENCE_PUNCT)
    if len(main) >= 20 and (wide_gap or after_sentence):
        return pieces[:start], tail
    return pieces, None


class HtmlWalker:
    def __init__(self) -> None:
        self.builder = BlockBuilder()
        self._pieces: list[_Piece] = []
        self._bold = 0
        self._italic = 0
        self._pre = 0
        self._contexts: list[_BlockContext] = []
        self._lists: list[_ListState] = []
        self._pending_number: str | None = None

    # -- traversal ----------------------------------------------------------------------------

    def walk(self, root: Any) -> None:
        stack: list[tuple[int, Any]] = [(_ENTER, root)]
        while stack:
            event, payload = stack.pop()
            if event == _EXIT:
                self._exit(payload)
            elif event == _NUMBER:
                self.flush()
                self._pending_number = payload
            elif event == _MARGIN:
                self.flush()
                self.builder.add_margin_to_last(payload)
            else:
                self._enter(payload, stack)
        self.flush()

    def _enter(self, node: Any, stack: list[tuple[int, Any]]) -> None:
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            if self._pre and "\n" in text:
                for index, line in enumerate(text.split("\n")):
                    if index:
                        self._pieces.append(_Piece("", is_break=True))
                    self._pieces.append(_Piece(line, self._bold > 0, self._italic > 0))
            else:
                self._pieces.append(_Piece(text, self._bold > 0, self._italic > 0))
            return
        if not _is_element(node) or is_skipped(node):
            return
        if tag == "br":
            self._pieces.append(_Piece("", is_break=True))
            return
        if tag == "table":
            self.flush()
            stack.extend(reversed(self._table_events(node)))
            return
        if tag == "dl":
            self.flush()
            self._emit_definition_list(node)
            return
        if tag == "pre" and not self._contexts_hold("li", "td", "th"):
            self.flush()
            self._emit_preformatted(node)
            return
        if tag in _BLOCK_TAGS:
            self.flush()
            self._open_block(node)
        elif tag in _BOLD_TAGS:
            self._bold += 1
        elif tag in _ITALIC_TAGS:
            self._italic += 1
        elif tag == "pre":
            self._pre += 1
        stack.append((_EXIT, node))
        stack.extend((_ENTER, child) for child in reversed(_children(node)))

    def _open_block(self, node: Any) -> None:
        tag = node.tag
        if tag in ("ol", "ul", "menu"):
            ordered = tag == "ol"
            attributes = node.attributes or {}
            reversed_list = ordered and "reversed" in attributes
            start = _int_attribute(node, "start")
            if start is None:
                start = (
                    sum(1 for child in _children(node) if child.tag == "li") if reversed_list else 1
                )
            style = str(attributes.get("type") or "1") if ordered else "1"
            self._lists.append(_ListState(ordered, start, -1 if reversed_list else 1, style))
            self._contexts.append(_BlockContext(tag))
            return
        context = _BlockContext(tag, list_depth=len(self._lists))
        if tag == "li":
            context.marker = self._next_marker(node)
        self._contexts.append(context)

    def _next_marker(self, item: Any) -> str:
        if not self._lists or not self._lists[-1].ordered:
            return "•"
        state = self._lists[-1]
        value = _int_attribute(item, "value")
        if value is not None:
            state.counter = value
        marker = _format_ordinal(state.counter, state.style) + "."
        state.counter += state.step
        return marker

    def _exit(self, node: Any) -> None:
        tag = node.tag
        if tag in _BLOCK_TAGS:
            self.flush()
            if self._contexts:
                self._contexts.pop()
            if tag in ("ol", "ul", "menu") and self._lists:
                self._lists.pop()
        elif tag in _BOLD_TAGS:
            self._bold -= 1
        elif tag in _ITALIC_TAGS:
            self._italic -= 1
        elif tag == "pre":
            self._pre -= 1

    # -- emitting -----------------------------------------------------------------------------

    def _heading_and_item(self) -> tuple[int | None, _BlockContext | None]:
        heading: int | None = None
        item: _BlockContext | None = None
        for context in reversed(self._contexts):
            if heading is None and context.tag in _HEADINGS:
                heading = _HEADINGS[context.tag]
            if context.tag == "li":
                item = context
                break
        return heading, item

    def flush(self) -> None:
        if not self._pieces:
            return
        pieces, self._pieces = self._pieces, []
        pieces, margin = split_italic_tail(pieces)
        text = _collapse(pieces)
        if not text:
            if margin:
                self.builder.add_margin_to_last(margin)
            return
        visible_bold = sum(len(p.text.strip()) for p in pieces if p.bold)
        visible_plain = sum(len(p.text.strip()) for p in pieces if not p.bold and not p.is_break)
        visible_italic = sum(len(p.text.strip()) for p in pieces if p.italic)
        visible_upright = sum(len(p.text.strip()) for p in pieces if not p.italic and not p.is_break)
        self.emit(
            text,
            margin,
            all_bold=visible_bold > 0 and visible_plain == 0,
            all_italic=visible_italic > 0 and visible_upright == 0,
        )

    def _layout(self, heading_level: int | None, *, bold: bool, italic: bool) -> Layout:
        """The block's tag (the heading's when inside one, else the innermost block element), its
        heading level and whole-block <b>/<strong> and <i>/<em>."""
        tag = f"h{heading_level}" if heading_level is not None else (self._contexts[-1].tag if self._contexts else None)
        return Layout(bold=bold, italic=italic, style=tag, outline=heading_level)

    def emit(self, text: str, margin: str | None, *, all_bold: bool, all_italic: bool = False) -> None:
        heading_level, item = self._heading_and_item()
        layout = self._layout(heading_level, bold=all_bold, italic=all_italic)
        marker = item.marker if item is not None else None
        number = marker if marker and marker[0].isalnum() else self._pending_number
        if heading_level is not None or (all_bold and marker is None and looks_like_title(text)):
            if LABEL_ONLY.match(text) or re.fullmatch(r"minutes\W{0,3}", text, re.I):
                # ModernGov pages head each part of an item "Minutes:" / "Decision:": a label, not a title.
                if not text.lower().startswith("minute"):
                    self.builder.hold_label(text)
                return
            level = heading_level if heading_level is not None else 3
            title = f"{number} {text}" if number else text
            added = self.builder.add(
                BlockKind.HEADING, title, level=level, marker=number, margin=margin, layout=layout
            )
        elif all_bold and marker is None and LABEL_ONLY.match(text):
            self.builder.hold_label(text)
            return
        elif marker is not None:
            depth = item.list_depth if item is not None else 1
            added = self.builder.add(
                BlockKind.LIST_ITEM, text, level=max(depth, 1), marker=marker, margin=margin, layout=layout
            )
        elif self._pending_number is not None:
            added = self.builder.add(
                BlockKind.LIST_ITEM, text, level=1, marker=self._pending_number, margin=margin, layout=layout
            )
        else:
            added = self.builder.add(BlockKind.PARAGRAPH, text, margin=margin, layout=layout)
        if added is not None:
            if item is not None:
                item.marker = None
            self._pending_number = None

    # -- preformatted text ---------------------------------------------------------------------

    def _contexts_hold(self, *tags: str) -> bool:
        return any(context.tag in tags for context in self._contexts)

    def _emit_preformatted(self, pre: Any) -> None:
        """A <pre> block is fixed-width text: its lines are grouped into blocks as in a plain-text
        file (numbered titles, paragraphs split at blank lines, lists), not read as one paragraph."""
        text = normalise_newlines(pre.text(deep=True, separator="") or "").replace("\u00a0", " ")
        for block in build_blocks(split_lines(text)):
            self.builder.add(
                block.kind,
                block.text,
                level=block.level,
                marker=block.marker,
                cells=block.cells,
                margin=block.margin,
                header_row=block.header_row,
                layout=_PRE_LAYOUT,
            )

    # -- definition lists ---------------------------------------------------------------------

    def _emit_definition_list(self, dl: Any) -> None:
        groups: list[list[str]] = []
        stack = list(reversed(_children(dl)))
        while stack:
            node = stack.pop()
            if not _is_element(node) or is_skipped(node):
                continue
            if node.tag == "div":
                stack.extend(reversed(_children(node)))
                continue
            text = cell_text(node).text
            if not text:
                continue
            if node.tag == "dt" or not groups:
                groups.append([text])
            else:
                groups[-1].append(text)
        for group in groups:
            term, details = group[0], group[1:]
            if details:
                joiner = " " if term.endswith((":", ".")) else ": "
                text = term + joiner + "\n".join(details)
            else:
                text = term
            self._pieces = [
                _Piece(line) if line else _Piece("", is_break=True)
                for line in _lines_with_breaks(text)
            ]
            self.flush()

    # -- tables -------------------------------------------------------------------------------

    def _table_events(self, table: Any) -> list[tuple[int, Any]]:
        rows = _table_rows(table)
        texts = [[cell_text(cell) for cell in row] for row, _in_head in rows]
        if not texts:
            return []
        widest = max(len(row) for row in texts)
        layout = widest <= 1 or any(
            info.has_heading or info.blocks >= 3 or len(info.text) > _LAYOUT_CELL_CHARS
            for row in texts
            for info in row
        )
        if not layout:
            for index, ((row, in_head), infos) in enumerate(zip(rows, texts, strict=True)):
                cells = tuple(info.text for info in infos)
                all_th = all(cell.tag == "th" for cell in row)
                header = (
                    in_head
                    or all_th
                    or (index == 0 and len(rows) > 1 and _looks_like_header(infos))
                )
                self.builder.add(BlockKind.TABLE_ROW, "", cells=cells, header_row=header, layout=_ROW_LAYOUT)
            return []
        events: list[tuple[int, Any]] = []
        for (row, _in_head), infos in zip(rows, texts, strict=True):
            filled = [(cell, info) for cell, info in zip(row, infos, strict=True) if info.text]
            if not filled or _is_column_titles([info.text for _cell, info in filled]):
                continue
            main_index = max(range(len(filled)), key=lambda k: len(filled[k][1].text))
            margins: list[str] = []
            for index, (cell, info) in enumerate(filled):
                lines = info.text.split("\n")
                numbers = [line for line in lines if not _HEADER_WORDS.match(line.rstrip(":"))]
                if index < main_index and all(_NUMBER_CELL.match(line) for line in numbers):
                    lines = numbers
                    if len(lines) == 1:
                        events.append((_NUMBER, lines[0]))
                    continue  # a column of numbers that cannot be aligned with the text: dropped
                if index > main_index and len(info.text) <= _MARGIN_MAX_CHARS and info.blocks <= 3:
                    owner = info.text.replace("\n", " ").strip()
                    if not _HEADER_WORDS.match(owner.rstrip(":")):
                        margins.append(owner)
                    continue
                events.append((_ENTER, cell))
            events.extend((_MARGIN, margin) for margin in margins)
        return events


def _is_column_titles(texts: list[str]) -> bool:
    """A layout grid's title row ("Item | Minute | Action"): nothing to read."""
    named = sum(1 for text in texts if _HEADER_WORDS.match(text.rstrip(":")))
    return all(len(text.split()) <= 3 for text in texts) and named * 2 >= len(texts)


def _lines_with_breaks(text: str) -> list[str]:
    out: list[str] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            out.append("")
        out.append(line)
    return out


def _looks_like_header(infos: list[_CellText]) -> bool:
    filled = [info for info in infos if info.text]
    if len(filled) < 2 or any(len(info.text) > 40 or "\n" in info.text for info in filled):
        return False
    named = sum(1 for info in filled if _HEADER_WORDS.match(info.text.rstrip(":")))
    all_bold = all(info.all_bold for info in filled)
    return (
        named >= 2
        or (named >= 1 and all_bold)
        or (all_bold and all(len(info.text.split()) <= 3 for info in filled))
    )


def _table_rows(table: Any) -> list[tuple[list[Any], bool]]:
    """Rows of this table (not of tables nested in its cells), each with whether it is in thead."""
    rows: list[tuple[list[Any], bool]] = []
    stack: list[tuple[Any, bool]] = [(child, False) for child in reversed(_children(table))]
    while stack:
        node, in_head = stack.pop()
        if not _is_element(node):
            continue
        if node.tag in ("thead", "tbody", "tfoot"):
            stack.extend((child, node.tag == "thead") for child in reversed(_children(node)))
        elif node.tag == "tr":
            cells = [
                cell
                for cell in _children(node)
                if cell.tag in ("td", "th") and not is_skipped(cell)
            ]
            if cells:
                rows.append((cells, in_head))
    return rows


def cell_text(node: Any) -> _CellText:
    """Flatten an element's text: block boundaries and <br> as newlines, nested tables as rows."""
    pieces: list[_Piece] = []
    has_heading = False
    blocks = 0
    bold = 0
    stack: list[tuple[int, Any]] = [(_ENTER, child) for child in reversed(_children(node))]
    while stack:
        event, current = stack.pop()
        tag = current.tag
        if event == _EXIT:
            if tag in _BLOCK_TAGS:
                pieces.append(_Piece("", is_break=True))
            elif tag in _BOLD_TAGS:
                bold -= 1
            elif tag in ("td", "th"):
                pieces.append(_Piece(CELL_SEPARATOR))
            continue
        if tag == "-text":
            pieces.append(_Piece(current.text_content or "", bold > 0))
            continue
        if not _is_element(current) or is_skipped(current):
            continue
        if tag == "br":
            pieces.append(_Piece("", is_break=True))
            continue
        if tag in _HEADINGS:
            has_heading = True
        if tag in _BLOCK_TAGS and tag not in ("td", "th"):
            blocks += 1
            pieces.append(_Piece("", is_break=True))
        elif tag in _BOLD_TAGS:
            bold += 1
        stack.append((_EXIT, current))
        stack.extend((_ENTER, child) for child in reversed(_children(current)))
    text = _collapse(pieces)
    text = "\n".join(line.strip(" |") for line in text.split("\n") if line.strip(" |"))
    visible_bold = sum(len(p.text.strip()) for p in pieces if p.bold)
    visible_plain = sum(
        len(p.text.strip())
        for p in pieces
        if not p.bold and not p.is_break and p.text != CELL_SEPARATOR
    )
    lines = text.count("\n") + 1 if text else 0
    return _CellText(text, has_heading, max(blocks, lines), visible_bold > 0 and visible_plain == 0)
