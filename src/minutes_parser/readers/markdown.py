"""Markdown minutes (CommonMark/GFM and pandoc/WordPress exports).

Headings become HEADING blocks, bullets and ordered/lettered lists LIST_ITEMs, pipe tables and the
inline HTML tables that Google-Docs converters emit become TABLE_ROWs. Links are reduced to their
text, emphasis markers and escapes dropped. A line that is wholly bold is a weak heading (level 6,
marker "bold"): minutes often set sub-item titles that way. YAML front matter gives its ``title``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace

from ..model import Block, BlockKind, ReadDocument, SourceFormat
from . import ReadOptions
from ._lines import Line, build_blocks, normalise_newlines, split_lines
from .decode import decode_text

_ATX = re.compile(r" {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_LIST = re.compile(r"([ \t]{0,24})([-*+]|\d{1,3}[.)]|[a-z][.)]|\([a-z]{1,3}\))[ \t]{1,8}(?=\S)")
_QUOTE = re.compile(r"[ \t]{0,3}>[ \t]?")
_PIPE_ROW = re.compile(r"[ \t]{0,3}\|.*\|[ \t]*")
_PIPE_RULE = re.compile(r"[ \t]{0,3}\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*){0,40}\|?[ \t]*")
_HR = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")
_WHOLE_BOLD = re.compile(r"[ \t]{0,3}(\*\*|__)(?=\S)([^\n]{1,150}?)(?<=\S)?\s*\1[ \t:]*")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.S | re.I)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S | re.I)
_CELL = re.compile(r"<t([dh])\b[^>]*>(.*?)</t[dh]>", re.S | re.I)

_IMAGE = re.compile(r"!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\]\n]{0,500})\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)")
_REF_LINK = re.compile(r"\[([^\]\n]{1,500})\]\[[^\]\n]{0,100}\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]{1,2000})>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,1000}?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,1000}?)(?<=\S)\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,1000}?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`{1,3}([^`\n]{1,1000})`{1,3}")
_SUPERSCRIPT = re.compile(r"\^([^\s^]{1,8})\^")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~^'\"])")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,300}>")
_STRAY_EMPHASIS = re.compile(r"(?<!\w)(?:\*\*|__)(?!\w)|(?<=\w)(?:\*\*|__)(?!\w)|(?<!\w)(?:\*\*|__)(?=\w)")

# Only terminated references: "R&D" and "Q&A" stay as written.
_HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


_MARKUP = re.compile(r"[\[\]*_`\\<>^&]")  # a character some inline markup needs


def _unescape_entity(match: re.Match[str]) -> str:
    return html.unescape(match.group(0)).replace("\u00a0", " ")


# Inline markup, in the order it is taken off: the literals a pattern cannot match without (any
# one present), the pattern, its replacement, and how many passes (strong/emphasis nest).
_INLINE_STEPS: tuple[tuple[tuple[str, ...], re.Pattern[str], str | Callable[[re.Match[str]], str], int], ...] = (
    (("![",), _IMAGE, r"\1", 1),
    (("](",), _LINK, r"\1", 1),
    (("][",), _REF_LINK, r"\1", 1),
    (("<",), _AUTOLINK, r"\1", 1),
    (("`",), _CODE, r"\1", 1),
    (("**", "__"), _STRONG, r"\2", 2),
    (("*",), _EM_STAR, r"\1", 1),
    (("_",), _EM_UNDERSCORE, r"\1", 1),
    (("**", "__"), _STRAY_EMPHASIS, "", 1),
    (("^",), _SUPERSCRIPT, r"\1", 1),
    (("<",), _TAG, "", 1),
    (("\\",), _ESCAPE, r"\1", 1),
    (("&",), _HTML_ENTITY, _unescape_entity, 1),
)


def clean_inline(text: str) -> str:
    """Markdown inline markup reduced to the words a reader sees. Each pattern runs only when the
    text holds a literal it cannot match without (most lines hold no markup at all)."""
    if _MARKUP.search(text) is None:
        return text
    for literals, pattern, replacement, passes in _INLINE_STEPS:
        if any(literal in text for literal in literals):
            for _ in range(passes):
                text = pattern.sub(replacement, text)
    return text


_PAGE_NUMBER = re.compile(r"[ \t]*(?:(?:page|p\.)[ \t]*)?\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?[ \t]*", re.I)
_SENTENCE_END = re.compile(r"[.;,]\W{0,3}$")


def _setext_title(raw: str, underline: str) -> bool:
    """Is ``raw`` over a "---" line a heading? A "===" underline always makes one; under "---" a
    line that ends a sentence, starts in lower case or runs long is text before a thematic break
    (a page break in converted PDFs), not a title."""
    if underline.strip().startswith("="):
        return True
    text = clean_inline(raw).strip()
    return not (_SENTENCE_END.search(text) or text[:1].islower() or len(text) > 100)


def _front_matter(text: str) -> tuple[int, str | None, str | None]:
    """Length of a leading YAML front matter block, its ``title`` and its ``date``."""
    if not text.startswith("---\n"):
        return 0, None, None
    end = 3 if text.startswith("---\n---") else text.find("\n---", 4)
    if end < 0 or end > 20000:
        return 0, None, None
    title = date = None
    for line in text[4:max(4, end)].split("\n"):
        if line.startswith("title:"):
            title = line[6:].strip().strip("\"'") or None
        elif line.startswith("date:"):
            date = line[5:].strip().strip("\"'")[:10] or None
    close = text.find("\n", end + 4)
    return (close + 1 if close >= 0 else len(text)), title, date


_FIELD = re.compile(r"([A-Za-z_][\w-]{0,60})[ \t]*:(?:[ \t]+(.*))?")
_BLOCK_SCALAR = re.compile(r"([|>])([+-]?)\d?[+-]?[ \t]*(?:#.*)?")
_DOUBLE_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_ESCAPED = {"n": "\n", "t": "\t", "r": "", "0": "", "/": "/", " ": " ", '"': '"', "\\": "\\", "_": "\u00a0", "N": "\u0085"}
# A body kept in front matter must be the document: long, with more words than the Markdown below.
_FIELD_BODY_MIN = 300


def _fold(lines: list[str]) -> str:
    """YAML folding: a single line break is a space, an empty line a line break."""
    out: list[str] = []
    for line in lines:
        if not line.strip():
            out.append("\n")
        elif out and not out[-1].endswith("\n"):
            out.append(" " + line.strip())
        else:
            out.append(line.strip())
    return "".join(out)


def _front_matter_texts(block: str) -> list[str]:
    """The string values of top-level front matter keys (block scalars, quoted and plain)."""
    lines = block.split("\n")
    values: list[str] = []
    index = 0
    while index < len(lines):
        field = _FIELD.fullmatch(lines[index].rstrip())
        index += 1
        if not field:
            continue
        value = (field.group(2) or "").strip()
        following: list[str] = []
        while index < len(lines) and (not lines[index].strip() or lines[index][:1] in " \t"):
            following.append(lines[index])
            index += 1
        scalar = _BLOCK_SCALAR.fullmatch(value)
        if scalar:
            filled = [line for line in following if line.strip()]
            indent = min((len(line) - len(line.lstrip()) for line in filled), default=0)
            body = [line[indent:] for line in following]
            values.append("\n".join(body) if scalar.group(1) == "|" else _fold(body))
        elif value.startswith('"'):
            raw = _fold([value[1:], *following])
            end = re.search(r'(?<!\\)(?:\\\\)*"', raw)
            raw = raw[: end.start() + len(end.group(0)) - 1] if end else raw
            values.append(_DOUBLE_ESCAPE.sub(lambda m: _unescape(m.group(1)), raw))
        elif value.startswith("'"):
            raw = _fold([value[1:], *following])
            end = re.match(r"((?:[^']|'')*)'", raw)
            values.append((end.group(1) if end else raw).replace("''", "'"))
        elif value:
            values.append(_fold([value, *following]))
    return values


def _unescape(code: str) -> str:
    if code[:1] in "ux" and len(code) > 1:
        return chr(int(code[1:], 16))
    return _ESCAPED.get(code, code)


def _front_matter_body(text: str, skip: int) -> str | None:
    """Minutes kept whole in a front matter field (some sites store the page text there): the
    longest string value, when the Markdown below the front matter holds far less."""
    if skip <= 0:
        return None
    values = _front_matter_texts(text[4 : max(4, text.rfind("\n---", 0, skip))])
    longest = max(values, key=len, default="")
    below = len(text[skip:].split())
    if len(longest) < _FIELD_BODY_MIN or ("\n" not in longest.strip() and len(longest) < 2 * _FIELD_BODY_MIN):
        return None
    return longest if below * 4 < len(longest.split()) else None


def _blank_out(text: str, pattern: re.Pattern[str], closer: str) -> str:
    """Replace matches with spaces of the same length (newlines kept) so offsets stay valid."""
    end = _through_last(text, closer)
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text[:end]) + text[end:]


def _through_last(text: str, closer: str) -> int:
    """Where the last ``closer`` ends (0 if none). Patterns of the form "OPEN.*?CLOSE" search only
    up to it: an opener after it cannot match, and each such opener would scan to the end of the
    text (quadratic on a file of thousands of unclosed "<!--")."""
    found = text.lower().rfind(closer)
    return found + len(closer) if found >= 0 else 0


def _html_table_rows(text: str) -> list[Block]:
    rows: list[Block] = []
    for table in _TABLE.finditer(text, 0, _through_last(text, "</table>")):
        body = table.group(1)
        for number, row in enumerate(_ROW.finditer(body, 0, _through_last(body, "</tr>"))):
            cells = tuple(
                " ".join(clean_inline(_TAG.sub(" ", cell.group(2))).split())
                for cell in _CELL.finditer(row.group(1), 0, max(_through_last(row.group(1), "</td>"), _through_last(row.group(1), "</th>")))
            )
            if any(cells):
                start = table.start(1) + row.start()
                is_header = number == 0 or all(c.group(1).lower() == "h" for c in _CELL.finditer(row.group(1)))
                rows.append(
                    Block(BlockKind.TABLE_ROW, " | ".join(cells), start, start + len(row.group(0)), cells=cells, header_row=is_header)
                )
    return rows


def _html_table_blocks(text: str) -> tuple[list[Block], str] | None:
    """HTML tables inside Markdown read by the HTML reader's table handling: a layout table (an
    item-number column beside the minutes, cells holding several paragraphs and headings) gives
    the blocks the HTML page would; a data table stays rows pointing at its ``<tr>``. A layout
    table's markup is replaced in the returned text by what it reads as, padded to the same length
    (offsets elsewhere stay valid, and "7<sup>th</sup> October" reads as a date). None without
    selectolax (the plain row reading is used)."""
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:  # pragma: no cover - selectolax is a core dependency
        return None
    from ._html_walk import HtmlWalker

    data_rows = _html_table_rows(text)
    spans = _outer_tables(text)
    # Rows of a table no balanced outer table holds (an unclosed wrapper) are read as before.
    blocks = [row for row in data_rows if not any(start <= row.start < end for start, end in spans)]
    pieces: list[str] = []
    done = 0
    for table_start, table_end in spans:
        raw = text[table_start:table_end]
        walker = HtmlWalker()
        root = LexborHTMLParser(raw).root
        if root is not None:
            walker.walk(root)
        found = walker.builder.finish()
        readable = walker.builder.text
        if all(block.kind is BlockKind.TABLE_ROW for block in found) or len(readable) > len(raw):
            blocks.extend(row for row in data_rows if table_start <= row.start < table_end)
            continue
        pieces.append(text[done:table_start])
        pieces.append(readable + " " * (len(raw) - len(readable)))
        done = table_end
        blocks.extend(replace(block, start=block.start + table_start, end=block.end + table_start) for block in found)
    pieces.append(text[done:])
    return blocks, "".join(pieces)


_TABLE_TAG = re.compile(r"<(/?)table\b[^>]{0,2000}>", re.I)


def _outer_tables(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost HTML tables (nested tables stay inside their parent's span)."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for tag in _TABLE_TAG.finditer(text):
        if not tag.group(1):
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, tag.end()))
    return spans


def _markdown_lines(text: str, skip: int, front_title: str | None) -> list[Line | Block]:
    out: list[Line | Block] = []
    if front_title:
        out.append(Block(BlockKind.HEADING, clean_inline(front_title), 0, skip, level=1, marker="front-matter"))
    raw_lines = list(split_lines(text))
    in_fence = False
    index = 0
    while index < len(raw_lines):
        line = raw_lines[index]
        index += 1
        if line.start < skip:
            continue
        raw = line.text
        # Each pattern below is tried only when the line holds the character it starts with or
        # cannot match without: most lines are plain text, and these checks are a scan each.
        if ("`" in raw or "~" in raw) and _FENCE.match(raw):
            in_fence = not in_fence
            out.append(Line("", line.start, line.end))
            continue
        if in_fence:
            out.append(Line(raw, line.start, line.end, break_before=True))
            continue
        quote = _QUOTE.match(raw) if ">" in raw else None
        if quote:
            raw = raw[quote.end() :]
        nxt = raw_lines[index].text if index < len(raw_lines) else ""
        atx = _ATX.fullmatch(raw) if "#" in raw else None
        if atx:
            out.append(Line(clean_inline(atx.group(2)), line.start, line.end, heading_level=len(atx.group(1))))
            continue
        listed = _LIST.match(raw)
        piped = "|" in raw
        if raw.strip() and not listed and _SETEXT.fullmatch(nxt) and not (piped and _PIPE_ROW.fullmatch(raw)) and _setext_title(raw, nxt):
            level = 1 if nxt.strip().startswith("=") else 2
            out.append(Line(clean_inline(raw.strip()), line.start, raw_lines[index].end, heading_level=level))
            index += 1
            continue
        if ("-" in raw or "*" in raw or "_" in raw) and _HR.fullmatch(raw):
            out.append(Line("", line.start, line.end))
            if index < len(raw_lines) and _PAGE_NUMBER.fullmatch(raw_lines[index].text):
                index += 1  # a page break and its page number (PDF-to-Markdown conversions): furniture
            continue
        if piped and _PIPE_RULE.fullmatch(raw):
            continue
        if piped and _PIPE_ROW.fullmatch(raw):
            cells = tuple(clean_inline(c.strip()) for c in raw.strip().strip("|").split("|"))
            header = bool(_PIPE_RULE.fullmatch(nxt)) and "|" in nxt
            out.append(Block(BlockKind.TABLE_ROW, " | ".join(cells), line.start, line.end, cells=cells, header_row=header))
            continue
        bold = _WHOLE_BOLD.fullmatch(raw) if "**" in raw or "__" in raw else None
        if bold and len(raw) < 160:
            out.append(Line(clean_inline(bold.group(2)).strip(), line.start, line.end, heading_level=6, marker="bold"))
            continue
        hard_break = raw.endswith("\\") or raw.endswith("  ")
        if listed:
            indent = len(listed.group(1).replace("\t", "    "))
            body = clean_inline(raw[listed.end() :].rstrip("\\").rstrip())
            out.append(Line(body, line.start, line.end, indent=indent, marker=listed.group(2)))
        else:
            out.append(Line(clean_inline(raw.rstrip("\\").rstrip()), line.start, line.end, indent=line.indent))
        if hard_break and index < len(raw_lines):
            # A hard line break ends a title line: keep what follows on a line of its own.
            following = raw_lines[index]
            raw_lines[index] = Line(following.text, following.start, following.end, following.indent, break_before=True)
    return out


def read(data: bytes, *, options: ReadOptions) -> ReadDocument:
    decoded = decode_text(data)
    text = normalise_newlines(decoded.text)
    skip, front_title, front_date = _front_matter(text)
    field_body = _front_matter_body(text, skip)
    if field_body is not None:
        # The document is the front matter and the text its field holds (offsets stay in it).
        text = text[:skip] + normalise_newlines(field_body).strip("\n") + "\n"
    table_rows: list[Block] = []
    readable_text = text
    if "<table" in text.lower():
        read_tables = _html_table_blocks(text)
        if read_tables is None:
            table_rows = _html_table_rows(text)
        else:
            table_rows, readable_text = read_tables
    scan = _blank_out(text, _COMMENT, "-->") if "<!--" in text else text
    if table_rows:
        scan = _blank_out(scan, _TABLE, "</table>")
        parts: list[str] = []
        done = 0
        for table_start, table_end in _outer_tables(text):  # offsets are the same in ``scan``
            parts += [scan[done:table_start], re.sub(r"[^\n]", " ", scan[table_start:table_end])]
            done = table_end
        scan = "".join([*parts, scan[done:]])
    blocks: list[Block] = []
    pending: list[Line] = []
    for entry in _markdown_lines(scan, skip, front_title):
        if isinstance(entry, Block):
            blocks.extend(build_blocks(pending))
            pending = []
            blocks.append(entry)
        else:
            pending.append(entry)
    blocks.extend(build_blocks(pending))
    if table_rows:
        blocks = sorted(blocks + table_rows, key=lambda b: b.start)
    warnings = (decoded.warning,) if decoded.warning else ()
    metadata = (("date", front_date),) if front_date else ()
    return ReadDocument(SourceFormat.TEXT, tuple(blocks), readable_text, dialect="markdown", warnings=warnings, metadata=metadata)
