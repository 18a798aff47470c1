"""``minutes-parse serve --db REGISTER``: the register as a searchable website, with Datasette.

Datasette (the ``[web]`` extra) serves the SQLite register read-only on 127.0.0.1, with the
metadata written here: titles and column descriptions for every table and view, full-text
search on action and decision texts (the register's FTS5 indexes), facets (body, owner,
status, due month; body, month, outcome for decisions) and canned queries: open actions by
owner, overdue actions as of a date, and the decisions of a body month by month.

The register is opened once through :class:`~minutes_parser.batch.register.Register` first, so
an older register is upgraded in place (the views and indexes Datasette uses come with
schema version 2). Datasette itself only reads.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

INSTALL_HINT = "pip install 'minutes-parser[web]'"

_ACTION_COLUMNS = {
    "id": "Action number in this register (stable; used by 'minutes-parse actions --mark-done ID')",
    "body": "The body that met (council, committee, board), as the minutes name it",
    "meeting_date": "Date of the meeting whose minutes record the action",
    "item": "Agenda item number as printed in the minutes",
    "text": "The action, as written in the minutes",
    "owners": "Who is to do it, as the minutes name them (initials resolved), separated by '; '",
    "owner_list": "The owners as a JSON list (one facet value per owner)",
    "due_text": "The deadline in the minutes' own words",
    "due_value": "The deadline resolved against the meeting date (TIMEX3-style: 2024-03-27, 2024-11, 2024-Q4, NEXT_MEETING)",
    "due_date": "The deadline as a date, when the minutes give one",
    "effective_due": "The date the action is tracked against: the due date, or for 'by the next meeting' the date of the body's next meeting",
    "due_month": "Year and month of effective_due",
    "status": "done; overdue (not done, effective_due before today); or open",
    "follow_up_kind": "A follow-up the action asks for (report, update...)",
    "follow_up_to": "Where the follow-up goes (a body, the next meeting)",
    "follow_up_topic": "What the follow-up is about",
    "done": "1 when marked done with 'minutes-parse actions --mark-done'",
    "done_at": "When it was marked done (UTC)",
    "path": "Where the minutes were first found (archive.zip!member for archive members)",
    "sha256": "SHA-256 of the document's bytes: the register's key",
    "meeting_id": "The meeting's row in meetings",
    "position": "Order of the action in its minutes",
}

_DECISION_COLUMNS = {
    "id": "Decision number in this register",
    "body": "The body that decided",
    "meeting_date": "Date of the meeting",
    "month": "Year and month of the meeting",
    "item": "Agenda item number as printed",
    "text": "The decision (resolution, agreement, approval, motion) as written",
    "outcome": "carried, lost, deferred, withdrawn or noted, when the minutes say",
    "path": "Where the minutes were first found",
    "sha256": "SHA-256 of the document's bytes",
    "meeting_id": "The meeting's row in meetings",
    "position": "Order of the decision in its minutes",
}

_QUERIES: dict[str, dict[str, Any]] = {
    "open_actions_by_owner": {
        "title": "Open actions by owner",
        "description": "Actions not marked done, one row per owner, for owners whose name contains the text given (leave it empty for everyone).",
        "sql": (
            "select o.name as owner, t.id, t.status, t.text, t.effective_due as due, t.due_text, t.body,"
            " t.meeting_date, t.item, t.path\n"
            "from action_owners o join action_tracker t on t.id = o.action_id\n"
            "where t.done = 0 and o.name like '%' || :owner || '%'\n"
            "order by o.name collate nocase, t.effective_due is null, t.effective_due, t.meeting_date, t.id"
        ),
    },
    "overdue_actions": {
        "title": "Overdue actions as of a date",
        "description": "Actions not marked done whose date (the due date, or the body's next meeting for 'by the next meeting') is before the date given (YYYY-MM-DD).",
        "sql": (
            "select id, owners, text, effective_due as due, due_text, body, meeting_date, item, path\n"
            "from action_tracker\n"
            "where done = 0 and effective_due < :as_of\n"
            "order by effective_due, meeting_date, id"
        ),
    },
    "decisions_by_month": {
        "title": "Decisions of a body by month",
        "description": "Decisions of the bodies whose name contains the text given, month by month.",
        "sql": (
            "select month, meeting_date, body, item, outcome, text, path\n"
            "from decision_log\n"
            "where body like '%' || :body || '%'\n"
            "order by month, meeting_date, id"
        ),
    },
}


def database_name(db: Path) -> str:
    """The name Datasette gives a database file (its stem)."""
    return db.stem


def metadata(db: Path) -> dict[str, Any]:
    """Datasette metadata for a register: titles, descriptions, facets, search, canned queries."""
    tables: dict[str, Any] = {
        "action_tracker": {
            "title": "Actions",
            "description": "Every action with its meeting, owners, the date it is tracked against and its status "
            "(overdue is against today). Search the action texts and owners with the search box.",
            "columns": {k: v for k, v in _ACTION_COLUMNS.items() if k != "position"},
            "facets": ["status", "body", {"array": "owner_list"}, "due_month"],
            "sort_desc": "meeting_date",
            "fts_table": "actions_fts",
            "fts_pk": "id",
            "label_column": "text",
        },
        "decision_log": {
            "title": "Decisions",
            "description": "Every decision with its body and month. Search the decision texts with the search box.",
            "columns": {k: v for k, v in _DECISION_COLUMNS.items() if k != "position"},
            "facets": ["body", "month", "outcome"],
            "sort_desc": "meeting_date",
            "fts_table": "decisions_fts",
            "fts_pk": "id",
        },
        "actions": {
            "title": "Actions (table)",
            "description": "The stored actions (the Actions view adds the meeting, status and due month).",
            "columns": {k: v for k, v in _ACTION_COLUMNS.items() if k in _ACTIONS_TABLE_COLUMNS},
            "facets": ["owners", "done"],
            "label_column": "text",
        },
        "decisions": {
            "title": "Decisions (table)",
            "description": "The stored decisions (the Decisions view adds the body and month).",
            "columns": {k: v for k, v in _DECISION_COLUMNS.items() if k in ("id", "item", "text", "outcome", "meeting_id", "position")},
            "facets": ["outcome"],
            "label_column": "text",
        },
        "meetings": {
            "title": "Meetings",
            "description": "One row per distinct document parsed.",
            "columns": {
                "sha256": "SHA-256 of the document's bytes",
                "path": "Where it was first found",
                "format": "Input format (text, pdf, docx, html)",
                "kind": "minutes, agenda, report or unknown",
                "body": "The body that met",
                "body_key": "The body name as matched across meetings (case and a leading 'the' ignored)",
                "title": "Title of the minutes",
                "date": "Meeting date",
                "time": "Meeting time as written",
                "venue": "Where it met",
                "next_meeting": "Date of the next meeting, when the minutes give it",
                "n_items": "Agenda items",
                "n_decisions": "Decisions",
                "n_actions": "Actions",
                "parser_version": "minutes-parser version that parsed it",
                "parsed_at": "When it was parsed (UTC)",
                "document": "The whole JSON output, zlib-compressed",
            },
            "facets": ["body", "kind", "format"],
            "sort_desc": "date",
            "label_column": "title",
        },
        "attendees": {
            "title": "Attendance",
            "description": "Everyone the minutes list as present, apologies, absent or in attendance.",
            "facets": ["status", "role"],
        },
        "items": {"title": "Agenda items", "description": "Agenda items of each meeting, in order."},
        "action_owners": {"title": "Action owners", "description": "One row per owner of an action.", "facets": ["name"]},
        "sources": {"title": "Sources", "description": "Every path a document was found under."},
        "errors": {"title": "Failures", "description": "Files that could not be parsed, with the reason."},
    }
    return {
        "title": "Minutes register",
        "description": "Actions and decisions read from meeting minutes by minutes-parser. Start with Actions or "
        "Decisions, or a canned query below. Everything is read by rules from the minutes and may be wrong: "
        "each row names the document it came from.",
        "databases": {
            database_name(db): {
                "title": "Minutes register",
                "description": "Meetings, actions and decisions parsed from minutes.",
                "tables": tables,
                "queries": _QUERIES,
            }
        },
    }


_ACTIONS_TABLE_COLUMNS = (
    "id", "item", "text", "owners", "due_text", "due_value", "due_date", "follow_up_kind", "follow_up_to",
    "follow_up_topic", "done", "done_at", "meeting_id", "position",
)  # fmt: skip


def serve_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutes-parse serve",
        description="Serve a register as a searchable website (Datasette) on 127.0.0.1: actions and decisions "
        "with full-text search, facets and canned queries.",
        epilog=f"Needs Datasette: {INSTALL_HINT}. The register is upgraded in place if it is older; "
        "Datasette only reads it.",
    )
    parser.add_argument("--db", required=True, type=Path, metavar="REGISTER", help="register written by 'minutes-parse batch --db'")
    parser.add_argument("--port", type=int, default=8001, metavar="N", help="port on 127.0.0.1 (default 8001; 0 picks a free one)")
    parser.add_argument("--metadata-out", type=Path, metavar="FILE", help="also write the Datasette metadata to FILE (JSON)")
    return parser


def serve_main(argv: Sequence[str]) -> int:
    """``minutes-parse serve``: runs until stopped (Ctrl-C); 0 then, 2 for bad usage or no Datasette."""
    parser = serve_parser()
    args = parser.parse_args(list(argv))
    if not 0 <= args.port <= 65535:
        parser.error(f"--port must be 0-65535, not {args.port}")
    if importlib.util.find_spec("datasette") is None:
        print(f"minutes-parse serve: needs Datasette: {INSTALL_HINT}", file=sys.stderr)
        return 2
    db: Path = args.db
    if not db.is_file():
        print(f"minutes-parse serve: {db}: no such register", file=sys.stderr)
        return 2
    from .batch.register import Register
    from .errors import MinutesParserError

    try:
        Register(db).close()  # upgrades an older register in place
    except MinutesParserError as exc:
        print(f"minutes-parse serve: {exc}", file=sys.stderr)
        return 2
    meta = metadata(db)
    if args.metadata_out is not None:
        args.metadata_out.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="minutes-serve-") as folder:
        meta_path = Path(folder) / "metadata.json"
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
        print(
            f"minutes-parse serve: {db} on http://127.0.0.1:{args.port}/{database_name(db)} (Ctrl-C to stop)",
            file=sys.stderr,
            flush=True,
        )
        return _run_datasette(
            [
                "serve", str(db), "--host", "127.0.0.1", "--port", str(args.port),
                "--metadata", str(meta_path),
                "--setting", "sql_time_limit_ms", "5000",
                "--setting", "facet_time_limit_ms", "2000",
            ]
        )  # fmt: skip


def _run_datasette(args: list[str]) -> int:
    cli = importlib.import_module("datasette.cli").cli  # untyped; imported only when serving

    try:
        cli.main(args=args, prog_name="minutes-parse serve", standalone_mode=False)
    except KeyboardInterrupt:
        return 0
    except SystemExit as exc:  # click exits on its own errors
        return int(exc.code) if isinstance(exc.code, int) else 2
    except Exception as exc:  # a click usage error, or the port in use
        print(f"minutes-parse serve: {exc}", file=sys.stderr)
        return 2
    return 0


def main() -> None:  # python -m minutes_parser.serve
    raise SystemExit(serve_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
