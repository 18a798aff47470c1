"""Stage 2: blocks -> meeting header, attendance, agenda items and rebuilt paragraphs.

- ``rules.py``: the conventions that open items (headings, numbered and lettered titles, minute
  numbers, agenda bullets, ModernGov boundaries), attendance sections and labels, as small
  functions over a builder;
- ``attendance.py``: attendance sections ("Present:", "Apologies:", "Officials in attendance:",
  tables of members) read into people with their status and role;
- ``heading_model.py``: the trained model that re-decides, unit by unit, which of the rules'
  titles and paragraphs open an item (rules' verdicts are among its features).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import ReadDocument, SourceFormat
from .heading_model import Unit, item_units, number_shape, refine_items
from .rules import ItemDraft, ParagraphDraft, Segmented, segment

if TYPE_CHECKING:
    from ..learn.linear import HashedLinearModel


def segment_document(
    document: ReadDocument, heading_model: HashedLinearModel | None = None
) -> Segmented:
    """Segment a read document; with ``heading_model`` the model decides where items open.

    Sentences broken by blank lines are rejoined in plain text, where line breaks are the
    writer's, and not in DOCX, HTML or PDF, whose paragraphs are real.
    """
    segmented = segment(
        document.blocks, join_wrapped=document.format in (SourceFormat.TEXT, SourceFormat.MODERNGOV)
    )
    if heading_model is None:
        return segmented
    return refine_items(segmented, heading_model, document.blocks)


__all__ = [
    "ItemDraft",
    "ParagraphDraft",
    "Segmented",
    "Unit",
    "item_units",
    "number_shape",
    "refine_items",
    "segment",
    "segment_document",
]
