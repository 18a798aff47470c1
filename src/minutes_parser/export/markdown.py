"""Minutes as a Markdown summary: header, decisions, and an action table."""

from __future__ import annotations

from ..model import Action, Decision, Minutes
from .table import GUESS_MARK, OwnerLabels, due_guessed, owner_guessed


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def decision_note(d: Decision) -> str:
    """"carried 5-0-1, moved Cllr Hale, seconded Cllr Ward": the outcome and vote, or ""."""
    parts = [d.outcome.value] if d.outcome else []
    v = d.votes
    if v is not None:
        counts = [v.in_favour, v.against, v.abstain]
        if any(c is not None for c in counts):
            shown = counts[:2] if v.abstain is None else counts
            parts.append("-".join("?" if c is None else str(c) for c in shown))
        if v.mover:
            parts.append(f"moved {v.mover}")
        if v.seconder:
            parts.append(f"seconded {v.seconder}")
    return ", ".join(parts)


def _owners_cell(action: Action, labels: OwnerLabels) -> str:
    """Owners written one way, as the action table has them ("the Clerk" is "Clerk"), a guessed
    owner marked as in the table."""
    cell = ", ".join(dict.fromkeys(labels(o.name) for o in action.owners))
    return f"{cell} {GUESS_MARK}" if cell and owner_guessed(action) else cell


def _due_cell(action: Action) -> str:
    if action.due is None:
        return ""
    cell = f"{action.due.value} ({action.due.text})"
    return f"{cell} {GUESS_MARK}" if due_guessed(action) else cell


def minutes_to_markdown(minutes: Minutes) -> str:
    m = minutes.meeting
    lines = [f"# {m.body or m.title or minutes.source.path}", ""]
    lines.append(f"- Source: `{minutes.source.path}` ({minutes.source.format.value})")
    lines.append(f"- Date: {m.date.isoformat() if m.date else 'unknown'}")
    if m.venue:
        lines.append(f"- Venue: {m.venue}")
    present = [a.name for a in m.attendees if a.status.value == "present"]
    if present:
        lines.append(f"- Present: {', '.join(present)}")
    lines.append("")
    if minutes.decisions:
        lines += ["## Decisions", ""]
        for d in minutes.decisions:
            note = decision_note(d)
            lines.append(f"- {'**' + d.item + '** ' if d.item else ''}{d.text}" + (f" _({note})_" if note else ""))
        lines.append("")
    lines += ["## Actions", ""]
    if minutes.actions:
        labels = OwnerLabels()
        lines += ["| Item | Action | Owners | Due | Follow-up |", "|---|---|---|---|---|"]
        for a in minutes.actions:
            follow = a.follow_up
            lines.append(
                "| "
                + " | ".join(
                    _cell(x)
                    for x in (
                        a.item or "",
                        a.text,
                        _owners_cell(a, labels),
                        _due_cell(a),
                        f"{follow.kind.value} to {follow.to or '?'}" if follow else "",
                    )
                )
                + " |"
            )
        if any(owner_guessed(a) or due_guessed(a) for a in minutes.actions):
            lines += ["", f"{GUESS_MARK} guessed by the parser: see the warnings."]
    else:
        lines.append("No actions found.")
    if minutes.warnings:
        lines += ["", "## Warnings", ""] + [f"- {w}" for w in minutes.warnings]
    return "\n".join(lines) + "\n"
