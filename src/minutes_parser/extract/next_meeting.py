"""The date of the next meeting: an item titled so, else a "next meeting" line anywhere.

Due dates such as "before the next meeting" resolve against it (``dates.DateContext``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..segment import ItemDraft
from .dates import find_next_meeting, first_day_date

_NEXT_MEETING_TITLE = re.compile(r"\b(?:date|time|details)s?\b.{0,20}\bnext\s+meeting\b|\bnext\s+meeting\b", re.I)


def next_meeting_item(items: Sequence[ItemDraft], meeting_date: dt.date | None) -> dt.date | None:
    """"Date of next meeting" as an item title, its date in the first lines under it (a day
    without its year, "Tuesday 7th May", is the first such day after the meeting)."""
    for item in items:
        if _NEXT_MEETING_TITLE.search(item.title):
            texts = [item.title] + [p.text for p in item.paragraphs[:2]]
            for text in texts:
                found = first_day_date(text, meeting_date)
                if found is not None:
                    return found
    return None



def next_meeting_date(text: str, items: Sequence[ItemDraft], meeting_date: dt.date | None) -> dt.date | None:
    """From a "Date of next meeting" item, else from the document's "next meeting" line: an item of
    its own is where minutes fix the date; a line in another item may speak of another body's meeting."""
    return next_meeting_item(items, meeting_date) or find_next_meeting(text, meeting_date)
