"""One CSV row per action, across documents: the shape people paste into a tracker.

Decisions (with their outcome and votes) are in the JSON and Markdown views, not here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ..model import Minutes

COLUMNS = ["source", "meeting_date", "body", "item", "action", "owners", "due_text", "due_value", "due_date", "follow_up", "cues"]


def actions_to_csv(documents: Iterable[Minutes]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for minutes in documents:
        for action in minutes.actions:
            due = action.due
            follow = action.follow_up
            writer.writerow(
                [
                    minutes.source.path,
                    minutes.meeting.date.isoformat() if minutes.meeting.date else "",
                    minutes.meeting.body or "",
                    action.item or "",
                    action.text,
                    "; ".join(o.name for o in action.owners),
                    due.text if due else "",
                    due.value if due else "",
                    due.date.isoformat() if due and due.date else "",
                    f"{follow.kind.value} to {follow.to or '?'}" + (f" on {follow.topic}" if follow.topic else "") if follow else "",
                    " ".join(action.cues),
                ]
            )
    return out.getvalue()
