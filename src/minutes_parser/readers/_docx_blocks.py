"""Accumulate reader blocks and the text they index into (used by the DOCX and HTML readers).

Each block's text is written into one rebuilt document text, blocks separated by a blank line,
so ``text[block.start:block.end] == block.text`` always holds. A list item's marker and a table
row's cell separators are written too, so the rebuilt text reads like the document.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, BlockKind, Layout

BLOCK_SEPARATOR = "\n\n"
CELL_SEPARATOR = " | "

# A line that is only a label for what follows ("Resolved:", "Decision:", "Actions").
LABEL_ONLY = re.compile(
    r"^(?:resolved|resolutions?|decisions?|actions?(?: points)?|agreed|noted|recommendations?)"
    r"(?:\s{1,3}\(?[0-9][0-9./a-z]{0,20}\)?)?\W{0,3}$",
    re.I,
)
_MONEY = re.compile(r"[£$€]\s?[0-9]")
_TITLE_BAD_END = re.compile(r"[.;,!?]$")
_MAX_TITLE_CHARS = 100
_MAX_TITLE_WORDS = 14


def looks_like_title(text: str) -> bool:
    """A short one-line text that reads as a title when set in bold ("Planning", "5. Finance:")."""
    return (
        len(text) <= _MAX_TITLE_CHARS
        and len(text.split()) <= _MAX_TITLE_WORDS
        and "\n" not in text
        and not _TITLE_BAD_END.search(text)
        and not LABEL_ONLY.match(text)
        and any(ch.isalpha() for ch in text)
        and not _MONEY.search(text)
    )


class BlockBuilder:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self._held_label: str | None = None

    def _write(self, piece: str) -> int:
        start = self._length
        self._parts.append(piece)
        self._length += len(piece)
        return start

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        level: int = 0,
        marker: str | None = None,
        cells: tuple[str, ...] = (),
        margin: str | None = None,
        header_row: bool = False,
        layout: Layout | None = None,
    ) -> Block | None:
        """Append a block; empty text (and, for rows, all-empty cells) is dropped."""
        if self._held_label is not None and (text.strip() or any(c.strip() for c in cells)):
            label, self._held_label = self._held_label, None
            if kind is BlockKind.PARAGRAPH:
                text = f"{label} {text}"
            else:
                self.add(BlockKind.PARAGRAPH, label)
        if kind is BlockKind.TABLE_ROW:
            if not any(cell.strip() for cell in cells):
                return None
            text = CELL_SEPARATOR.join(cell.replace("\n", " ") for cell in cells)
        if not text.strip():
            return None
        if self.blocks:
            self._write(BLOCK_SEPARATOR)
        if marker and kind is BlockKind.LIST_ITEM:
            self._write(marker + " ")
        start = self._write(text)
        block = Block(
            kind=kind,
            text=text,
            start=start,
            end=start + len(text),
            level=level,
            marker=marker,
            cells=cells,
            margin=margin,
            header_row=header_row,
            layout=layout,
        )
        self.blocks.append(block)
        return block

    def hold_label(self, label: str) -> None:
        """Keep a label line ("Decision:") to lead the next paragraph, where the classifier reads it.

        Before anything other than a paragraph (a list, a table) it stays a paragraph of its own.
        """
        if self._held_label is not None:
            self.add(BlockKind.PARAGRAPH, self._held_label)
            self._held_label = None
        self._held_label = label.strip()

    def finish(self) -> list[Block]:
        if self._held_label is not None:
            label, self._held_label = self._held_label, None
            self.add(BlockKind.PARAGRAPH, label)
        return self.blocks

    def add_margin_to_last(self, margin: str) -> bool:
        """Attach margin text (an action-column owner) to the last block; spans are unchanged."""
        if not self.blocks or self.blocks[-1].kind is BlockKind.TABLE_ROW:
            return False
        last = self.blocks[-1]
        combined = f"{last.margin}; {margin}" if last.margin else margin
        self.blocks[-1] = replace(last, margin=combined)
        return True

    @property
    def text(self) -> str:
        return "".join(self._parts)
