"""The local process pool: input order kept, a hung document timed out, a crashed worker survived.

The workers run ``_parse_or_misbehave`` from this module (spawned workers import it by name),
which hangs or kills its own process for documents whose names say so and parses the others.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from minutes_parser.batch.engines import LocalPoolEngine
from minutes_parser.batch.runner import BatchResult, RunCounters, _run
from minutes_parser.batch.sources import SourceDocument
from minutes_parser.batch.worker import parse_document
from minutes_parser.model import Minutes

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
GOOD = [
    p
    for p in sorted(CORPORA.glob("*.md"))
    if p.read_bytes().isascii() or p.read_bytes()[:2] not in (b"\xff\xfe", b"\xfe\xff")
][:4]


def _parse_or_misbehave(name: str, data: bytes) -> tuple[Minutes | None, str | None]:
    if "hang" in name:
        time.sleep(600)
    if "crash" in name:
        os.kill(os.getpid(), signal.SIGSEGV)
    return parse_document(name, data)


def _run_pool(
    sources: list[SourceDocument], *, jobs: int, timeout: float | None
) -> tuple[list[BatchResult], RunCounters]:
    counters = RunCounters()

    def factory() -> LocalPoolEngine:
        return LocalPoolEngine(
            jobs, timeout=timeout, parse_function=f"{__name__}:_parse_or_misbehave"
        )

    return list(
        _run(iter(sources), factory, register=None, retry_failed=False, counters=counters)
    ), counters


def _sources(names: list[str]) -> list[SourceDocument]:
    # Distinct bytes for every name (the batch parses each distinct content once).
    out = []
    for index, name in enumerate(names):
        data = GOOD[index % len(GOOD)].read_bytes() + f"\n\nReference {index}.\n".encode()
        out.append(SourceDocument(name, data))
    return out


def test_hung_and_crashing_documents_fail_alone_and_order_is_kept() -> None:
    names = ["a.txt", "hang-b.txt", "c.txt", "crash-d.txt", "e.txt", "f.txt"]
    started = time.monotonic()
    # 15 s leaves room for a fresh worker's first parse (imports, model load) on a machine running
    # other work: 5 s timed out a good document at load 12.
    results, counters = _run_pool(_sources(names), jobs=2, timeout=15)
    assert time.monotonic() - started < 120
    assert [r.path for r in results] == names
    by_name = {r.path: r for r in results}
    assert "timed out after 15 s" in (by_name["hang-b.txt"].error or "")
    assert "crashed (SIGSEGV)" in (by_name["crash-d.txt"].error or "")
    for name in ("a.txt", "c.txt", "e.txt", "f.txt"):
        assert by_name[name].ok and by_name[name].minutes is not None, by_name[name].error
        assert by_name[name].minutes.source.path == name
    assert counters.failed == 2 and counters.parsed == 4
    assert counters.worker_restarts >= 2
    assert all(0 < rss < 1024**3 for rss in counters.worker_peak_rss.values())


def test_pool_matches_in_process_results() -> None:
    sources = _sources(["p1.txt", "p2.txt", "p3.txt"])
    pooled, _ = _run_pool(sources, jobs=2, timeout=None)
    for result, source in zip(pooled, sources, strict=True):
        assert source.data is not None
        expected, _ = parse_document(source.path, source.data)
        assert result.minutes == expected


def test_worker_over_the_memory_limit_is_recycled_without_losing_documents() -> None:
    sources = _sources(["r1.txt", "r2.txt", "r3.txt"])
    counters = RunCounters()

    def factory() -> LocalPoolEngine:
        return LocalPoolEngine(1, max_worker_rss=1)  # every worker is "too big" after one document

    results = list(
        _run(iter(sources), factory, register=None, retry_failed=False, counters=counters)
    )
    assert [r.path for r in results] == ["r1.txt", "r2.txt", "r3.txt"]
    assert all(r.ok for r in results)
    assert counters.worker_restarts >= 2
