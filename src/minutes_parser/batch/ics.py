"""Actions as iCalendar to-dos (RFC 5545 VTODO), one per action that has a due date.

UIDs are stable (the document's hash and the register's action id), so re-importing an updated
calendar updates the same to-dos. DTSTAMP is fixed, not "now", so the same register always
produces the same file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .register import ActionRecord

_STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
_SUMMARY_LIMIT = 200


def actions_to_ics(actions: Iterable[ActionRecord]) -> tuple[bytes, int]:
    """(calendar bytes, number of actions left out because they have no due date)."""
    try:
        from icalendar import Calendar, Todo
    except ImportError:
        from ..errors import MissingDependencyError

        raise MissingDependencyError(
            "--format ics needs the icalendar package (a dependency of minutes-parser): "
            "pip install icalendar"
        ) from None
    calendar = Calendar()
    calendar.add("prodid", "-//minutes-parser//action register//EN")
    calendar.add("version", "2.0")
    skipped = 0
    for action in actions:
        if not action.effective_due:
            skipped += 1
            continue
        todo = Todo()
        todo.add("uid", f"{action.sha256[:20]}-{action.id}@minutes-parser")
        todo.add("dtstamp", _STAMP)
        summary = (
            action.text
            if len(action.text) <= _SUMMARY_LIMIT
            else action.text[: _SUMMARY_LIMIT - 1] + "…"
        )
        todo.add("summary", summary)
        todo.add("due", dt.date.fromisoformat(action.effective_due))
        todo.add("status", "COMPLETED" if action.done else "NEEDS-ACTION")
        lines = [action.text]
        if action.owners:
            lines.append("Owners: " + ", ".join(action.owners))
        meeting = " ".join(x for x in (action.body, action.meeting_date) if x)
        if meeting:
            lines.append(f"Meeting: {meeting}" + (f", item {action.item}" if action.item else ""))
        if action.due_text:
            lines.append(f"Due as written: {action.due_text}")
        lines.append(f"Source: {action.path}")
        todo.add("description", "\n".join(lines))
        if action.body:
            todo.add("categories", [action.body])
        calendar.add_component(todo)
    return calendar.to_ical(), skipped
