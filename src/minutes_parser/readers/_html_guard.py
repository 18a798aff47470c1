"""Cap element nesting in HTML before it reaches the parser.

lexbor (selectolax) builds trees in time quadratic in nesting depth: 20,000 nested ``<div>``
take half a second, 200,000 take four minutes. Real pages nest a few dozen levels. A linear scan
over the tags, with a rough model of HTML's implied end tags, finds opening tags beyond
``max_depth`` and removes them with their matching closing tags; text is never removed.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"<!--|<(/?)([a-zA-Z][a-zA-Z0-9:-]{0,30})\b[^<>]{0,4000}>")
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "plaintext"})
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "basefont",
        "bgsound",
        "frame",
        "keygen",
    ]
)
# Opening one of these closes an open <p> (HTML's "close a p element" rule, simplified).
_CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
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
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
        "dd",
        "dt",
    ]
)
# tag -> tags that bound the search for an open sibling it implicitly closes.
_IMPLIED_SIBLING = {
    "li": frozenset({"ul", "ol", "menu"}),
    "dt": frozenset({"dl"}),
    "dd": frozenset({"dl"}),
    "tr": frozenset({"table", "tbody", "thead", "tfoot"}),
    "td": frozenset({"tr", "table"}),
    "th": frozenset({"tr", "table"}),
    "option": frozenset({"select"}),
}
_SIBLING_ALTERNATES = {
    "dt": ("dt", "dd"),
    "dd": ("dt", "dd"),
    "td": ("td", "th"),
    "th": ("td", "th"),
}
_SEARCH_WINDOW = 64  # how far down the open-element stack an end tag may reach


def limit_nesting(html: str, max_depth: int) -> tuple[str, int]:
    """Return ``html`` with tags nested deeper than ``max_depth`` removed, and how many went."""
    if html.count("<") < max_depth:
        return html, 0  # cannot nest that deep
    stack: list[str] = []
    dropped_open: dict[str, int] = {}
    removals: list[tuple[int, int]] = []
    position = 0
    while True:
        match = _TOKEN.search(html, position)
        if match is None:
            break
        position = match.end()
        name = match.group(2)
        if name is None:  # a comment: opaque up to its end
            close = html.find("-->", position)
            if close < 0:
                break
            position = close + 3
            continue
        tag = name.lower()
        if tag in _RAW_TEXT and not match.group(1):
            # Raw text (scripts, styles) holds no tags; skip to its end tag, found without regex.
            close = _find_ci(html, f"</{tag}", position)
            if close < 0:
                break
            position = close
            continue
        if match.group(1):
            if dropped_open.get(tag):
                dropped_open[tag] -= 1
                removals.append(match.span())
                continue
            _close(stack, tag)
            continue
        if tag in _VOID:
            continue
        if tag in _CLOSES_P and stack and stack[-1] == "p":
            stack.pop()
        bounds = _IMPLIED_SIBLING.get(tag)
        if bounds is not None:
            _close_sibling(stack, _SIBLING_ALTERNATES.get(tag, (tag,)), bounds)
        if len(stack) >= max_depth:
            dropped_open[tag] = dropped_open.get(tag, 0) + 1
            removals.append(match.span())
            continue
        stack.append(tag)
    if not removals:
        return html, 0
    pieces: list[str] = []
    kept_from = 0
    for start, end in removals:
        pieces.append(html[kept_from:start])
        kept_from = end
    pieces.append(html[kept_from:])
    return "".join(pieces), len(removals)


def _find_ci(text: str, needle: str, start: int) -> int:
    """Case-insensitive find of an ASCII needle, scanning forward once."""
    pattern = re.compile(re.escape(needle), re.I)
    found = pattern.search(text, start)
    return found.start() if found else -1


def _close(stack: list[str], tag: str) -> None:
    for offset in range(1, min(len(stack), _SEARCH_WINDOW) + 1):
        if stack[-offset] == tag:
            del stack[-offset:]
            return


def _close_sibling(stack: list[str], siblings: tuple[str, ...], bounds: frozenset[str]) -> None:
    for offset in range(1, min(len(stack), _SEARCH_WINDOW) + 1):
        entry = stack[-offset]
        if entry in bounds:
            return
        if entry in siblings:
            del stack[-offset:]
            return


_LIST_TAG = re.compile(r"<(/?)(ol|ul)\b[^<>]{0,4000}>", re.I)


def repair_list_end_tags(html: str) -> tuple[str, int]:
    """Make ``</ul>`` that closes an open ``<ol>`` (and the reverse) close it, as the author meant.

    Browsers ignore a mismatched list end tag, which leaves the list open and renumbers every
    following agenda item inside it (a council page closing ``<ol class="roman">`` with ``</ul>``
    shows item 13 as "11."). Only end tags whose own kind is not open at all are rewritten.
    """
    lowered = html.lower()
    if lowered.count("<ol") == lowered.count("</ol") and lowered.count("<ul") == lowered.count(
        "</ul"
    ):
        return html, 0
    stack: list[str] = []
    fixes: list[tuple[int, int, str]] = []
    for match in _LIST_TAG.finditer(html):
        kind = match.group(2).lower()
        if not match.group(1):
            stack.append(kind)
            continue
        if kind in stack:
            while stack and stack.pop() != kind:
                pass
        elif stack:
            fixes.append((match.start(), match.end(), f"</{stack.pop()}>"))
    if not fixes:
        return html, 0
    pieces: list[str] = []
    kept_from = 0
    for start, end, replacement in fixes:
        pieces.append(html[kept_from:start])
        pieces.append(replacement)
        kept_from = end
    pieces.append(html[kept_from:])
    return "".join(pieces), len(fixes)
