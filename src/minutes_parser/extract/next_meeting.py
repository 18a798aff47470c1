"""The date of the next meeting: a "next meeting" line anywhere, else an item titled so.

Due dates such as "before the next meeting" resolve against it (``dates.DateContext``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..segment import ItemDraft
from .dates import find_explicit_dates, find_next_meeting

_NEXT_MEETING_TITLE = re.compile(r"\b(?:date|time|details)s?\b.{0,20}\bnext\s+meeting\b|\bnext\s+meeting\b", re.I)


def next_meeting_item(items: Sequence[ItemDraft], meeting_date: dt.date | None) -> dt.date | None:
    """"Date of next meeting" as an item title, its date in the first line under it."""
    for item in items:
        if _NEXT_MEETING_TITLE.search(item.title):
            texts = [item.title] + [p.text for p in item.paragraphs[:2]]
            for text in texts:
                for _start, _end, value in find_explicit_dates(text):
                    if meeting_date is None or value > meeting_date:
                        return value
    return None



def next_meeting_date(text: str, items: Sequence[ItemDraft], meeting_date: dt.date | None) -> dt.date | None:
    """From the document's "next meeting" line, else from a "Date of next meeting" item."""
    return find_next_meeting(text, meeting_date) or next_meeting_item(items, meeting_date)
