"""``minutes-parse batch`` and ``minutes-parse actions``.

Exit status: 0 every input parsed (or, for ``actions``, the query ran); 1 at least one input
failed (all failures are in the errors file and the register); 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cli import _date, _positive_int  # one parser for each argument type

if TYPE_CHECKING:
    from .register import ActionRecord
    from .runner import BatchResult


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return number


def _as_of(value: str) -> dt.date:
    # Overdue is relative to a date the user states; "today" only when they say so.
    return dt.date.today() if value.strip().lower() == "today" else _date(value)


def batch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutes-parse batch",
        description="Parse folders, globs and zip/tar archives of minutes into JSONL or CSV, and an SQLite register.",
        epilog="Failures are listed in OUT.errors.jsonl beside --out (and in the register). With --db, a second "
        "run parses only documents whose bytes are not in the register yet.",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders (recursive), globs, .zip/.tar/.tar.gz archives",
    )
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help="output: .jsonl (one object per document) or .csv (one row per action)",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="REGISTER",
        help="SQLite register to fill (created if missing); makes runs resumable",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=os.cpu_count() or 1,
        help="worker processes (default: number of CPUs)",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=300.0,
        metavar="SECONDS",
        help="per-document time limit; 0 for none (default: 300)",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local process pool (default) or a dask.distributed cluster",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="dask scheduler address (tcp://host:8786); default: a LocalCluster",
    )
    parser.add_argument(
        "--retry-failed",
        action="store_true",
        help="parse again documents that failed in an earlier run",
    )
    parser.add_argument(
        "--all-files",
        action="store_true",
        help="inside folders and archives, take every file, not only document types",
    )
    parser.add_argument(
        "--max-worker-memory",
        type=_positive_int,
        default=300,
        metavar="MB",
        help="recycle a worker whose memory exceeds this (default: 300)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    return parser


def batch_main(argv: list[str]) -> int:
    parser = batch_parser()
    args = parser.parse_args(argv)
    if args.out.suffix.lower() not in (".jsonl", ".csv"):
        parser.error("--out must end in .jsonl or .csv")
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    from ..errors import MinutesParserError
    from .pipeline import errors_path, run_batch

    show_progress = not args.quiet and sys.stderr.isatty()
    progress_context, callback = _progress() if show_progress else (None, None)
    try:
        if progress_context is not None:
            progress_context.start()
        summary = run_batch(
            args.paths,
            args.out,
            db=args.db,
            jobs=args.jobs,
            timeout=args.timeout or None,
            engine=args.engine,
            scheduler=args.scheduler,
            retry_failed=args.retry_failed,
            all_files=args.all_files,
            max_worker_rss=args.max_worker_memory * 1024 * 1024,
            progress=callback,
        )
    except MinutesParserError as exc:
        print(f"minutes-parse batch: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"minutes-parse batch: {exc.filename or args.out}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        print(
            "minutes-parse batch: interrupted; run again with the same --db to resume",
            file=sys.stderr,
        )
        return 130
    finally:
        if progress_context is not None:
            progress_context.stop()
    if not args.quiet:
        print(f"minutes-parse batch: {summary.line()}", file=sys.stderr)
        if summary.failures:
            print(
                f"minutes-parse batch: failures listed in {errors_path(args.out)}", file=sys.stderr
            )
    return 1 if summary.failures else 0


def _progress() -> tuple[Any, Callable[[BatchResult], None]]:
    from rich.console import Console
    from rich.progress import (
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = progress.add_task("documents", total=None, failed=0)
    failed = 0

    def advance(result: BatchResult) -> None:
        nonlocal failed
        failed += 0 if result.ok else 1
        progress.update(task, advance=1, failed=failed)

    return progress, advance


# -- actions ------------------------------------------------------------------------------------
def actions_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutes-parse actions",
        description="Query the actions in a register written by 'minutes-parse batch --db'.",
        epilog="Follow-ups due at the next meeting get the date of the next meeting of the same body in the register. "
        "--overdue needs --as-of DATE (or --as-of today, said explicitly).",
    )
    parser.add_argument("--db", required=True, type=Path, metavar="REGISTER")
    parser.add_argument(
        "--owner", metavar="NAME", help="owner name contains NAME (case-insensitive)"
    )
    parser.add_argument(
        "--body", metavar="NAME", help="meeting body contains NAME (case-insensitive)"
    )
    parser.add_argument("--open", action="store_true", help="only actions not marked done")
    parser.add_argument("--due-before", type=_date, metavar="DATE", help="due strictly before DATE")
    parser.add_argument("--overdue", action="store_true", help="open and due before --as-of")
    parser.add_argument(
        "--as-of",
        type=_as_of,
        metavar="DATE",
        help="reference date for --overdue (YYYY-MM-DD or 'today')",
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
    if args.overdue and args.as_of is None:
        parser.error(
            "--overdue needs --as-of DATE (there is no implicit today; use --as-of today to mean it)"
        )
    if args.as_of is not None and not args.overdue:
        parser.error("--as-of only applies with --overdue")
    if not args.db.exists():
        print(f"minutes-parse actions: {args.db}: no such register", file=sys.stderr)
        return 2
    from ..errors import MinutesParserError
    from .register import Register

    try:
        with Register(args.db) as register:
            if args.mark_done or args.mark_open:
                missing = [i for i in args.mark_done or [] if not register.mark_done(i, True)]
                missing += [i for i in args.mark_open or [] if not register.mark_done(i, False)]
                for action_id in missing:
                    print(f"minutes-parse actions: no action with id {action_id}", file=sys.stderr)
                return 1 if missing else 0
            records = register.actions(
                owner=args.owner,
                body=args.body,
                open=args.open,
                due_before=args.due_before,
                overdue_as_of=args.as_of if args.overdue else None,
            )
    except MinutesParserError as exc:
        print(f"minutes-parse actions: {exc}", file=sys.stderr)
        return 2
    _write_actions(records, args.format)
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
        from .ics import actions_to_ics

        calendar, skipped = actions_to_ics(records)
        sys.stdout.buffer.write(calendar)
        sys.stdout.flush()
        if skipped:
            print(
                f"minutes-parse actions: {skipped} actions without a due date left out of the calendar",
                file=sys.stderr,
            )
    else:
        from rich.console import Console
        from rich.table import Table

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
                ", ".join(r.owners) or "—",
                meeting or r.path,
                "✓" if r.done else "",
            )
        Console().print(table)
