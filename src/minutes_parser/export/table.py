"""The default terminal view: a rich table of actions per document and a one-line summary."""

from __future__ import annotations

from typing import Any

from ..model import Minutes


def print_action_table(minutes: Minutes, console: Any) -> None:
    from rich.table import Table

    m = minutes.meeting
    title = " · ".join(x for x in (m.body, m.date.isoformat() if m.date else None, minutes.source.path) if x)
    table = Table(title=title, show_lines=False, expand=False)
    for column, style in (("Item", "cyan"), ("Action", ""), ("Owners", "green"), ("Due", "magenta"), ("Follow-up", "yellow")):
        table.add_column(column, style=style or None, overflow="fold")
    for a in minutes.actions:
        follow = a.follow_up
        table.add_row(
            a.item or "",
            a.text,
            ", ".join(o.name for o in a.owners) or "—",
            f"{a.due.value}" + (f" ({a.due.text})" if a.due.text != a.due.value else "") if a.due else "",
            f"{follow.kind.value} → {follow.to or '?'}" if follow else "",
        )
    console.print(table)
    console.print(
        f"{minutes.kind.value}: {len(minutes.items)} items, {len(minutes.decisions)} decisions, "
        f"{len(minutes.actions)} actions"
        + (f", {len(minutes.warnings)} warnings" if minutes.warnings else ""),
        style="dim",
    )
