"""``run_batch``: parse_many plus the output files, the register and the summary.

Outputs are streamed as results arrive (in input order): ``--out`` gets one OUTPUT.md object
per distinct document (``.jsonl``) or one row per action (``.csv``), and ``OUT.errors.jsonl``
(beside it) one ``{"path", "reason", "sha256"}`` line per failure.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..export.csv import COLUMNS
from .register import Register
from .results import BatchResult, ParseOptions, RunCounters
from .runner import parse_many

OUTPUT_SUFFIXES = (".jsonl", ".csv")


def errors_path(out: Path) -> Path:
    """``results.jsonl`` -> ``results.errors.jsonl`` (same folder)."""
    return out.with_name(out.stem + ".errors.jsonl")


@dataclass
class BatchSummary:
    documents: int = 0  # distinct documents written to --out
    actions: int = 0
    decisions: int = 0
    failures: int = 0
    seconds: float = 0.0
    counters: RunCounters = field(default_factory=RunCounters)

    def line(self) -> str:
        c = self.counters
        rate = self.documents / self.seconds if self.seconds > 0 else 0.0
        megabytes = c.bytes_read / 1e6
        return (
            f"{self.documents} documents ({c.parsed} parsed, {c.from_register} from the register, "
            f"{c.duplicates} duplicates), {self.actions} actions, {self.decisions} decisions, "
            f"{self.failures} failures in {self.seconds:.1f} s "
            f"({rate:.1f} documents/s, {megabytes / self.seconds if self.seconds > 0 else 0.0:.2f} MB/s)"
        )

    def to_dict(self) -> dict[str, Any]:
        c = self.counters
        return {
            "documents": self.documents,
            "actions": self.actions,
            "decisions": self.decisions,
            "failures": self.failures,
            "seconds": round(self.seconds, 3),
            "submitted": c.submitted,
            "parsed": c.parsed,
            "from_register": c.from_register,
            "duplicates": c.duplicates,
            "bytes": c.bytes_read,
            "worker_peak_rss": c.worker_peak_rss,
            "worker_restarts": c.worker_restarts,
        }


def action_row(document: dict[str, Any], action: dict[str, Any]) -> list[str]:
    """One CSV row, the same columns as ``minutes-parse --format csv``."""
    meeting = document.get("meeting") or {}
    due = action.get("due") or {}
    follow = action.get("follow_up")
    follow_text = ""
    if follow:
        follow_text = f"{follow.get('kind')} to {follow.get('to') or '?'}" + (
            f" on {follow['topic']}" if follow.get("topic") else ""
        )
    return [
        str(document.get("source", {}).get("path", "")),
        meeting.get("date") or "",
        meeting.get("body") or "",
        action.get("item") or "",
        action.get("text") or "",
        "; ".join(action.get("owners", [])),
        due.get("text") or "",
        due.get("value") or "",
        due.get("date") or "",
        follow_text,
        " ".join(action.get("cues", [])),
    ]


class _Outputs:
    def __init__(self, out: Path) -> None:
        self.csv = out.suffix.lower() == ".csv"
        self.handle: IO[str] = out.open("w", encoding="utf-8", newline="")
        self.errors: IO[str] = errors_path(out).open("w", encoding="utf-8")
        self.writer = csv.writer(self.handle, lineterminator="\n") if self.csv else None
        if self.writer is not None:
            self.writer.writerow(COLUMNS)

    def document(self, result: BatchResult) -> None:
        if self.writer is not None:
            document = result.to_dict() or {}
            for action in document.get("actions", []):
                self.writer.writerow(action_row(document, action))
        else:
            self.handle.write((result.to_json() or "") + "\n")

    def error(self, result: BatchResult) -> None:
        self.errors.write(
            json.dumps(
                {"path": result.path, "reason": result.error, "sha256": result.sha256},
                ensure_ascii=False,
            )
            + "\n"
        )

    def close(self) -> None:
        self.handle.close()
        self.errors.close()


def run_batch(
    paths: Sequence[str],
    out: Path,
    *,
    db: Path | None = None,
    jobs: int = 1,
    timeout: float | None = None,
    engine: str = "auto",
    scheduler: str | None = None,
    retry_failed: bool = False,
    all_files: bool = False,
    max_worker_rss: int | None = 300 * 1024 * 1024,
    progress: Any = None,
    options: ParseOptions | None = None,
) -> BatchSummary:
    """Run a batch; ``progress`` (optional) is called with each result as it is written.

    ``options`` (meeting date, password, OCR, limits, model path) apply to every document.
    """
    started = time.perf_counter()
    summary = BatchSummary()
    register = Register(db) if db is not None else None
    outputs = _Outputs(out)
    try:
        results = parse_many(
            paths,
            jobs,
            timeout,
            engine=engine,
            scheduler=scheduler,
            register=register,
            retry_failed=retry_failed,
            all_files=all_files,
            max_worker_rss=max_worker_rss,
            keep_minutes=False,
            counters=summary.counters,
            options=options,
        )
        for result in results:
            if not result.ok:
                summary.failures += 1
                outputs.error(result)
            elif result.duplicate_of is None:
                actions, decisions = result.counts()
                summary.documents += 1
                summary.actions += actions
                summary.decisions += decisions
                outputs.document(result)
            if progress is not None:
                progress(result)
    finally:
        outputs.close()
        if register is not None:
            register.close()
    summary.seconds = time.perf_counter() - started
    return summary
