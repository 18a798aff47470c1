"""``minutes-parse batch``: folders, globs and archives of minutes into JSONL or CSV and a register.

Exit status: 0 every input parsed; 1 at least one input failed (each failure is printed on
stderr as it happens, and all are in the errors file and the register); 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .args import PROG, add_document_options, check_model, positive_int, seconds, shown

if TYPE_CHECKING:
    from ..batch.results import BatchResult

BATCH = f"{PROG} batch"


def batch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=BATCH,
        description="Parse folders, globs and zip/tar archives of minutes into JSONL or CSV, and an SQLite register.",
        epilog="Each failure is printed on stderr as it happens and listed in OUT.errors.jsonl beside --out "
        "(and in the register). With --db, a second run parses only documents whose bytes are not in the "
        "register yet.",
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
    add_document_options(parser)
    parser.add_argument(
        "--jobs",
        "-j",
        type=positive_int,
        default=os.cpu_count() or 1,
        help="worker processes (default: number of CPUs)",
    )
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=300.0,
        metavar="SECONDS",
        help="per-document time limit; 0 for none (default: 300)",
    )
    parser.add_argument(
        "--engine",
        choices=("auto", "local", "dask"),
        default="auto",
        help="auto (default): up to two documents in this process, more in a local process pool; "
        "local: always the pool; dask: a dask.distributed cluster",
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
        type=positive_int,
        default=300,
        metavar="MB",
        help="recycle a worker whose memory exceeds this (default: 300)",
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="no progress bar and no summary (failures still shown)"
    )
    return parser


def batch_main(argv: list[str]) -> int:
    parser = batch_parser()
    args = parser.parse_args(argv)
    if args.out.suffix.lower() not in (".jsonl", ".csv"):
        parser.error("--out must end in .jsonl or .csv")
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    if not check_model(args.model, BATCH):
        return 2
    from ..batch.pipeline import errors_path, run_batch
    from ..batch.results import ParseOptions
    from ..errors import MinutesParserError
    from .args import document_options

    options = ParseOptions(**document_options(args))
    progress = _Progress(args.paths, all_files=args.all_files, bar=not args.quiet and sys.stderr.isatty())
    try:
        progress.start()
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
            progress=progress.advance,
            options=options,
        )
    except MinutesParserError as exc:
        print(f"{BATCH}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{BATCH}: {exc.filename or args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{BATCH}: interrupted; run again with the same --db to resume", file=sys.stderr)
        return 130
    finally:
        progress.stop()
    if not args.quiet:
        print(f"{BATCH}: {summary.line()}", file=sys.stderr)
    if summary.failures:
        print(f"{BATCH}: {summary.failures} failures listed in {errors_path(args.out)}", file=sys.stderr)
    return 1 if summary.failures else 0


def rate_and_eta(done: float, total: float | None, elapsed: float | None) -> dict[str, str]:
    """Documents per second over the whole run (results arrive in bursts, so a short window
    would overstate it) and the time left at that rate, as the bar shows them."""
    if not done or not elapsed:
        return {"rate": "", "eta": ""}
    rate = done / elapsed
    fields = {"rate": f"{rate:.1f} docs/s", "eta": ""}
    if total is not None and total > done:
        left = int((total - done) / rate)
        fields["eta"] = f"ETA {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}"
    return fields


class _Progress:
    """Failures printed as they happen and, on a terminal, a bar with total, rate and ETA.

    The total is counted in a background thread (folders walked, archives listed, nothing
    read), so parsing starts at once and the bar shows "n/?" only until the count is in.
    """

    def __init__(self, paths: list[str], *, all_files: bool, bar: bool) -> None:
        self.paths = paths
        self.all_files = all_files
        self.failed = 0
        self._bar: Any = None
        self._task: Any = None
        self._print: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True)
        if bar:
            self._make_bar()

    def _make_bar(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        console = Console(stderr=True, highlight=False)
        self._bar = Progress(
            TextColumn("[bold]documents"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("{task.fields[eta]}"),
            console=console,
            transient=True,
        )
        self._task = self._bar.add_task("documents", total=None, failed=0, rate="", eta="")
        self._print = lambda line: console.print(line, markup=False, soft_wrap=True)

    def start(self) -> None:
        if self._bar is None:
            return
        self._bar.start()
        threading.Thread(target=self._count, name="count-inputs", daemon=True).start()

    def _count(self) -> None:
        from ..batch.sources import count_sources

        try:
            total = count_sources(self.paths, all_files=self.all_files)
        except Exception:  # the count is a nicety; the batch does not depend on it
            return
        task = self._bar.tasks[0]
        # Nested archives are counted as one: never show fewer than already done.
        self._bar.update(self._task, total=max(total, int(task.completed)))

    def advance(self, result: BatchResult) -> None:
        if not result.ok:
            self.failed += 1
            note = " (recorded in an earlier run; --retry-failed parses it again)" if result.from_register else ""
            self._print(f"{PROG}: {shown(result.path)}: {result.error}{note}")
        if self._bar is not None:
            self._bar.update(self._task, advance=1, failed=self.failed)
            task = self._bar.tasks[0]
            if task.total is not None and task.completed > task.total:
                self._bar.update(self._task, total=task.completed)
            self._bar.update(self._task, **rate_and_eta(task.completed, task.total, task.elapsed))

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
