"""reStructuredText minutes: underlined (and overlined) titles, bullet lists, roles and links."""

from __future__ import annotations

import re

from ..model import ReadDocument, SourceFormat
from . import ReadOptions
from ._lines import Line, build_blocks, normalise_newlines, split_lines
from .decode import decode_text

_ADORNMENT = re.compile(r"([=\-~^\"'`#*+:.])\1{2,}[ \t]*")
_ROLE = re.compile(r":[a-z]{1,20}:`([^`<\n]{0,300}?)\s*(?:<([^>`\n]{0,500})>)?`")
_LINK = re.compile(r"`([^`<\n]{1,300}?)\s*<[^>`\n]{0,2000}>`_{1,2}")
_STRONG = re.compile(r"\*\*(?=\S)([^*\n]{1,500}?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,500}?)(?<=\S)\*(?![\w*])")
_LITERAL = re.compile(r"``([^`\n]{1,500})``")
_DIRECTIVE = re.compile(r"[ \t]{0,12}\.\.[ \t]")
_LIST = re.compile(r"([ \t]{0,24})([-*+•]|\d{1,3}[.)]|#\.|[a-z][.)]|\([a-z0-9]{1,3}\))[ \t]{1,8}(?=\S)")


def clean_inline(text: str) -> str:
    if not any(ch in text for ch in "`*:"):
        return text
    text = _ROLE.sub(lambda m: m.group(1) or (m.group(2) or "").rsplit("/", 1)[-1], text)
    text = _LINK.sub(r"\1", text)
    text = _LITERAL.sub(r"\1", text)
    text = _STRONG.sub(r"\1", text)
    return _EMPHASIS.sub(r"\1", text)


def read(data: bytes, *, options: ReadOptions) -> ReadDocument:
    decoded = decode_text(data)
    text = normalise_newlines(decoded.text)
    raw = list(split_lines(text))
    lines: list[Line] = []
    levels: dict[str, int] = {}  # adornment style -> heading level, in order of first use
    index = 0
    while index < len(raw):
        line = raw[index]
        index += 1
        nxt = raw[index].text if index < len(raw) else ""
        over = _ADORNMENT.fullmatch(line.text)
        if over and index + 1 < len(raw) and _ADORNMENT.fullmatch(raw[index + 1].text) and nxt.strip():
            style = "over" + over.group(1)
            level = levels.setdefault(style, len(levels) + 1)
            lines.append(Line(clean_inline(nxt.strip()), line.start, raw[index + 1].end, heading_level=level))
            index += 2
            continue
        under = _ADORNMENT.fullmatch(nxt)
        if line.text.strip() and under and len(nxt.strip()) >= min(len(line.text.strip()), 3):
            level = levels.setdefault(under.group(1), len(levels) + 1)
            lines.append(Line(clean_inline(line.text.strip()), line.start, raw[index].end, heading_level=level))
            index += 1
            continue
        if _DIRECTIVE.match(line.text):
            lines.append(Line("", line.start, line.end))
            continue
        listed = _LIST.match(line.text)
        if listed:
            body = clean_inline(line.text[listed.end() :])
            lines.append(Line(body, line.start, line.end, indent=len(listed.group(1)), marker=listed.group(2)))
        else:
            lines.append(Line(clean_inline(line.text), line.start, line.end, indent=line.indent))
    warnings = (decoded.warning,) if decoded.warning else ()
    return ReadDocument(SourceFormat.TEXT, tuple(build_blocks(lines)), text, dialect="rst", warnings=warnings)
