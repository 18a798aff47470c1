"""Accumulate reader blocks and the text they index into (used by the DOCX and HTML readers).

Each block's text is written into one rebuilt document text, blocks separated by a blank line,
so ``text[block.start:block.end] == block.text`` always holds. A list item's marker and a table
row's cell separators are written too, so the rebuilt text reads like the document.
"""

from __future__ import annotations

from ..model import Block, BlockKind

BLOCK_SEPARATOR = "\n\n"
CELL_SEPARATOR = " | "


class BlockBuilder:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

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
    ) -> Block | None:
        """Append a block; empty text (and, for rows, all-empty cells) is dropped."""
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
        )
        self.blocks.append(block)
        return block

    def replace_last(self, block: Block) -> None:
        """Swap the last block for an amended copy with the same text and span."""
        self.blocks[-1] = block

    @property
    def text(self) -> str:
        return "".join(self._parts)
