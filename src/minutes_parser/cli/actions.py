"""``minutes-parse actions``: query the actions in a register written by ``batch --db``.

Exit status: 0 the query ran; 1 an action to mark does not exist; 2 bad usage or an unusable
register.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .args import PROG, as_of, iso_date

if TYPE_CHECKING:
    from ..batch.register import ActionRecord

ACTIONS = f"{PROG} actions"


def actions_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=ACTIONS,
        description="Query the actions in a register written by 'minutes-parse batch --db'.",
        epilog="Follow-ups due at the next meeting get the date of the next meeting of the same body in the register. "
        "--overdue counts as of today unless --as-of DATE is given, and says on stderr which date it used.",
    )
    parser.add_argument("--db", required=True, type=Path, metavar="REGISTER")
    parser.add_argument(
        "--owner", metavar="NAME", help="owner name contains NAME (case-insensitive)"
    )
    parser.add_argument(
        "--body", metavar="NAME", help="meeting body contains NAME (case-insensitive)"
    )
    parser.add_argument("--open", action="store_true", help="only actions not marked done (with or without a due date)")
    parser.add_argument("--due-before", type=iso_date, metavar="DATE", help="due strictly before DATE")
    parser.add_argument("--overdue", action="store_true", help="open and due before --as-of (default: today)")
    parser.add_argument(
        "--as-of",
        type=as_of,
        metavar="DATE",
        help="reference date for --overdue (YYYY-MM-DD or 'today'; default today)",
    )
    parser.add_argument("--format", "-f", choices=("table", "json", "csv", "ics"), default="table")
    parser.add_argument(
        "--mark-done",
        type=int,
        metavar="ID",
        action="append",
        help="mark action ID done (repeatable) and exit",
    )
    parser.add_argument(
        "--mark-open",
        type=int,
        metavar="ID",
        action="append",
        help="mark action ID not done (repeatable) and exit",
    )
    return parser


def actions_main(argv: list[str]) -> int:
    parser = actions_parser()
    args = parser.parse_args(argv)
    if args.as_of is not None and not args.overdue:
        parser.error("--as-of only applies with --overdue")
    if args.overdue:
        given = args.as_of is not None
        args.as_of = args.as_of if given else dt.date.today()
        print(
            f"{ACTIONS}: overdue as of {args.as_of.isoformat()}"
            + ("" if given else " (today; --as-of DATE to choose another)"),
            file=sys.stderr,
        )
    if not args.db.exists():
        print(f"{ACTIONS}: {args.db}: no such register", file=sys.stderr)
        return 2
    from ..batch.register import Register
    from ..errors import MinutesParserError

    try:
        with Register(args.db) as register:
            if args.mark_done or args.mark_open:
                missing = [i for i in args.mark_done or [] if not register.mark_done(i, True)]
                missing += [i for i in args.mark_open or [] if not register.mark_done(i, False)]
                for action_id in missing:
                    print(f"{ACTIONS}: no action with id {action_id}", file=sys.stderr)
                return 1 if missing else 0
            records = register.actions(
                owner=args.owner,
                body=args.body,
                open=args.open,
                due_before=args.due_before,
                overdue_as_of=args.as_of if args.overdue else None,
            )
        _write_actions(records, args.format)
    except MinutesParserError as exc:
        print(f"{ACTIONS}: {exc}", file=sys.stderr)
        return 2
    return 0


def _write_actions(records: list[ActionRecord], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(
            json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2) + "\n"
        )
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(
            [
                "id",
                "body",
                "meeting_date",
                "item",
                "action",
                "owners",
                "due_text",
                "due_value",
                "due_date",
                "effective_due",
                "done",
                "source",
            ]
        )
        for r in records:
            writer.writerow(
                [
                    r.id,
                    r.body or "",
                    r.meeting_date or "",
                    r.item or "",
                    r.text,
                    "; ".join(r.owners),
                    r.due_text or "",
                    r.due_value or "",
                    r.due_date or "",
                    r.effective_due or "",
                    int(r.done),
                    r.path,
                ]
            )
    elif fmt == "ics":
        from ..batch.ics import actions_to_ics

        calendar, skipped = actions_to_ics(records)
        sys.stdout.buffer.write(calendar)
        sys.stdout.flush()
        if skipped:
            print(
                f"{ACTIONS}: {skipped} actions without a due date left out of the calendar",
                file=sys.stderr,
            )
    else:
        from rich.console import Console
        from rich.table import Table

        from ..export.table import OwnerLabels

        labels = OwnerLabels()

        table = Table(title=f"{len(records)} actions", expand=False)
        for column, style in (
            ("ID", "dim"),
            ("Due", "magenta"),
            ("Action", ""),
            ("Owners", "green"),
            ("Meeting", "cyan"),
            ("Done", ""),
        ):
            table.add_column(column, style=style or None, overflow="fold")
        for r in records:
            due = r.effective_due or (r.due_value or "")
            if r.due_text and r.due_text != due:
                due += f" ({r.due_text})"
            meeting = " · ".join(
                x for x in (r.body, r.meeting_date, r.item and f"item {r.item}") if x
            )
            table.add_row(
                str(r.id),
                due,
                r.text,
                ", ".join(dict.fromkeys(labels(o) for o in r.owners)) or "—",
                meeting or r.path,
                "✓" if r.done else "",
            )
        Console().print(table)
