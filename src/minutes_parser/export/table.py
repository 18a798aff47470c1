"""The default terminal view: rich tables of actions (or decisions) per document, a summary line,
and the document's warnings listed in full on stderr.

Made to be read by a clerk in an 80-column terminal: the item's number with a short title, owners
written one way ("The Clerk", "the Clerk" and "the clerk" are all "Clerk"), the due date as the
minutes word it and as resolved, a follow-up column only when some action has a follow-up, and a
mark on the cells the parser guessed (a pronoun read as a person, a due date without a year).
"""

from __future__ import annotations

from typing import Any

from ..model import Action, Decision, Minutes, Votes
from .html import owner_key

GUESS_MARK = "*"
_TITLE_CHARS = 48  # a short title: the first words of the item's title, cut at a word
_FOLLOW_UP = {"item": "agenda item"}  # FollowUpKind values, as the column says them
_PRONOUNS = frozenset({"he", "she", "they", "we"})  # as extract.findings warns about


def owner_label(name: str) -> str:
    """How an owner is shown: a leading "the" dropped and the first letter a capital.

    Grouping uses :func:`minutes_parser.export.html.owner_key` (the tracker page's), so the two
    views agree on who is the same owner: "The Clerk", "the Clerk" and "the clerk" are "Clerk".
    """
    words = name.split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    label = " ".join(words)
    return label[:1].upper() + label[1:]


class OwnerLabels:
    """One label per owner key within a view: the first way an owner is met is how it is shown."""

    def __init__(self) -> None:
        self._labels: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        return self._labels.setdefault(owner_key(name), owner_label(name))


def short_title(title: str, limit: int = _TITLE_CHARS) -> str:
    """The item's title cut at a word boundary to about ``limit`` characters, with "…"."""
    title = " ".join(title.split()).rstrip(".:")
    if len(title) <= limit:
        return title
    cut = title[: limit + 1].rsplit(" ", 1)[0] if " " in title[:limit] else title[:limit]
    return cut.rstrip(" ,;:-–") + "…"


def due_label(action: Action) -> str:
    """The minutes' words, then the value they resolve to: "19 July → 2024-07-19"."""
    due = action.due
    if due is None:
        return ""
    value = "next meeting (date not stated)" if due.value == "NEXT_MEETING" else due.value
    if due.value == "NEXT_MEETING" and due.date is not None:
        value = due.date.isoformat()
    if due.text.strip().casefold() == value.casefold():
        return value
    return f"{due.text} → {value}"


def owner_guessed(action: Action) -> bool:
    """An owner read from a pronoun ("He would ask...") rather than a name."""
    return any(o.written.strip().casefold() in _PRONOUNS and o.name != o.written for o in action.owners)


def due_guessed(action: Action) -> bool:
    """A due date whose year the parser could not know (no meeting date)."""
    return action.due is not None and action.due.value.startswith("XXXX")


def _title(minutes: Minutes) -> str:
    m = minutes.meeting
    return " · ".join(x for x in (m.body, m.date.isoformat() if m.date else None, minutes.source.path) if x)


def _item_heading(minutes: Minutes, index: int, ref: str | None) -> tuple[str, str]:
    """(number, short title) of the item at ``index``; the title is "" when it adds nothing."""
    item = minutes.items[index] if 0 <= index < len(minutes.items) else None
    number = ref or (item.ref if item else None) or ""
    title = short_title(item.title) if item is not None and item.title.strip() else ""
    if title.casefold() == number.casefold():
        title = ""
    return number, title


def _new_table(minutes: Minutes) -> Any:
    from rich import box
    from rich.table import Table

    # Horizontal rules only, no edge padding: the columns get the width a vertical box would use.
    return Table(title=_escape(_title(minutes)), box=box.HORIZONTALS, show_edge=False, pad_edge=False, expand=False)


def _add_grouped(table: Any, minutes: Minutes, rows: list[tuple[int, str | None, list[str]]]) -> None:
    """Rows under a line per item: its number and short title (bold), then the item's rows."""
    previous: int | None = None
    width = len(table.columns)
    for index, ref, cells in rows:
        first = index != previous
        if first:
            if previous is not None:
                table.add_section()
            number, title = _item_heading(minutes, index, ref)
            if title:
                table.add_row(_escape(number), f"[bold]{_escape(title)}[/bold]", *[""] * (width - 2))
                number = ""
            table.add_row(_escape(number), *cells)
        else:
            table.add_row("", *cells)
        previous = index


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def action_table(minutes: Minutes, width: int = 80) -> Any:
    """The rich Table of a document's actions, grouped under their items, for a ``width``-column
    terminal: beyond 80 columns the owners and due columns may widen too (a quarter each)."""
    more = max(0, width - 80) // 4
    # The other columns are capped and the action text takes the rest (at least 24 columns at 80):
    # no min_width on it, as rich stops shrinking columns when the widest one is at its minimum.
    actions = minutes.actions
    with_follow_up = any(a.follow_up for a in actions)
    labels = OwnerLabels()
    table = _new_table(minutes)
    table.add_column("Item", style="cyan", overflow="fold", max_width=8)
    table.add_column("Action", overflow="fold")
    table.add_column("Owners", style="green", overflow="fold", max_width=15 + more)
    table.add_column("Due", style="magenta", overflow="fold", max_width=13 + more)
    if with_follow_up:
        table.add_column("Follow-up", style="yellow", overflow="fold", max_width=11)
    rows: list[tuple[int, str | None, list[str]]] = []
    for a in actions:
        owners = ", ".join(dict.fromkeys(labels(o.name) for o in a.owners)) or "—"
        cells = [
            _escape(a.text),
            _escape(owners) + (f" [bold red]{GUESS_MARK}[/]" if owner_guessed(a) else ""),
            _escape(due_label(a)) + (f" [bold red]{GUESS_MARK}[/]" if due_guessed(a) else ""),
        ]
        if with_follow_up:
            follow = a.follow_up
            cells.append(_escape(_FOLLOW_UP.get(follow.kind.value, follow.kind.value) + (f" to {follow.to}" if follow.to else "")) if follow else "")
        rows.append((a.provenance.item_index, a.item, cells))
    _add_grouped(table, minutes, rows)
    return table


def votes_label(votes: Votes | None) -> str:
    """"7 for, 2 against, 1 abstained; moved Cllr Ames, seconded Cllr Bell"."""
    if votes is None:
        return ""
    counts = [
        f"{n} {word}"
        for n, word in ((votes.in_favour, "for"), (votes.against, "against"), (votes.abstain, "abstained"))
        if n is not None
    ]
    people = [f"{word} {who}" for who, word in ((votes.mover, "moved"), (votes.seconder, "seconded")) if who]
    return "; ".join(x for x in (", ".join(counts), ", ".join(people)) if x)


def decision_table(minutes: Minutes, width: int = 80) -> Any:
    """The rich Table of a document's decisions, grouped under their items, with outcome and votes."""
    more = max(0, width - 80) // 3
    decisions: tuple[Decision, ...] = minutes.decisions
    with_votes = any(votes_label(d.votes) for d in decisions)
    table = _new_table(minutes)
    table.add_column("Item", style="cyan", overflow="fold", max_width=8)
    table.add_column("Decision", overflow="fold")
    table.add_column("Outcome", style="green", overflow="fold", max_width=9)
    if with_votes:
        table.add_column("Votes", style="magenta", overflow="fold", max_width=18 + more)
    rows: list[tuple[int, str | None, list[str]]] = []
    for d in decisions:
        cells = [_escape(d.text), d.outcome.value if d.outcome else ""]
        if with_votes:
            cells.append(_escape(votes_label(d.votes)))
        rows.append((d.provenance.item_index, d.item, cells))
    _add_grouped(table, minutes, rows)
    return table


def warnings_text(warnings: tuple[str, ...] | list[str], source: str = "") -> str:
    """Every warning, never only a count: "1 warning: ..." or "2 warnings:" and one per line,
    after the file they are about ("notes.txt: 1 warning: ...") so that warnings of several
    files on one stderr stay apart."""
    if not warnings:
        return ""
    lead = f"{source}: " if source else ""
    if len(warnings) == 1:
        return f"{lead}1 warning: {warnings[0]}"
    return f"{lead}{len(warnings)} warnings:\n" + "\n".join(f"  - {w}" for w in warnings)


def print_action_table(minutes: Minutes, console: Any, err_console: Any = None, show: str = "actions") -> None:
    """Print the table(s) ``show`` asks for ("actions", "decisions" or "all"), the summary on
    ``console`` and the warnings in full on ``err_console`` (``console`` when not given)."""
    if show in ("actions", "all"):
        if not minutes.actions:
            console.print(f"{_title(minutes)}: no actions found", markup=False, highlight=False)
        else:
            console.print(action_table(minutes, console.width))
        if any(owner_guessed(a) or due_guessed(a) for a in minutes.actions):
            console.print(f"{GUESS_MARK} guessed by the parser: see the warnings", style="dim", markup=False)
    if show in ("decisions", "all"):
        if not minutes.decisions:
            console.print(f"{_title(minutes)}: no decisions found", markup=False, highlight=False)
        else:
            console.print(decision_table(minutes, console.width))
    console.print(
        f"{minutes.kind.value}: {len(minutes.items)} items, {len(minutes.decisions)} decisions, "
        f"{len(minutes.actions)} actions"
        + (f", {len(minutes.warnings)} warning{'s' if len(minutes.warnings) != 1 else ''}" if minutes.warnings else ""),
        style="dim",
        markup=False,
    )
    if minutes.warnings:
        (err_console or console).print(warnings_text(minutes.warnings, minutes.source.path), markup=False, highlight=False, soft_wrap=True)
