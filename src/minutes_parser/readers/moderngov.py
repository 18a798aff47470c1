"""ModernGov text exports: agenda items wrapped in ``<AIn>…</AIn>`` blocks, tab-led table cells.

Real exports do not always close what they open (``<AI4>`` closed by ``</AI6>``), so only the
opening tags are trusted: each one starts an item, closing tags are dropped. ``<TRAILER_SECTION>``
marks the end of the minutes proper (appendices such as the attendance table follow).
"""

from __future__ import annotations

import re

from ..model import Block, BlockKind, ReadDocument, SourceFormat
from . import ReadOptions
from ._lines import Line, build_blocks, normalise_newlines, split_lines
from .decode import decode_text

_TAG = re.compile(r"[ \t]{0,8}<(/?)(AI(\d{1,4})|TRAILER_SECTION|[A-Z_]{2,40})>[ \t]{0,8}")


def read(data: bytes, *, options: ReadOptions) -> ReadDocument:
    decoded = decode_text(data)
    text = normalise_newlines(decoded.text)
    blocks: list[Block] = []
    pending: list[Line] = []
    warnings: list[str] = [decoded.warning] if decoded.warning else []
    open_key: str | None = None
    for line in split_lines(text):
        tag = _TAG.fullmatch(line.text)
        if not tag:
            pending.append(line)
            continue
        blocks.extend(build_blocks(pending))
        pending = []
        closing, name = tag.group(1) == "/", tag.group(2)
        if name.startswith("AI") and tag.group(3):
            if closing:
                if open_key and open_key != name:
                    warnings.append(f"<{open_key}> closed by </{name}>; item boundaries follow the opening tags")
                open_key = None
            else:
                open_key = name
                blocks.append(Block(BlockKind.ITEM_BOUNDARY, "", line.start, line.end, key=name))
        elif name == "TRAILER_SECTION" and not closing:
            blocks.append(Block(BlockKind.SECTION_BREAK, "", line.start, line.end, key=name))
    blocks.extend(build_blocks(pending))
    return ReadDocument(SourceFormat.MODERNGOV, tuple(blocks), text, dialect="moderngov", warnings=tuple(warnings))
