"""``parse_many``: documents in, results out in input order, whatever engine does the work.

Results are streamed: a bounded window of documents is in flight, results that finish early
wait in a small reorder buffer, and each one is yielded (and stored in the register, if any)
as soon as every earlier document is done. Memory therefore does not grow with the archive.

With a register, a document whose content hash is already stored is not parsed again: its
stored result is yielded instead (``from_register``), and a file seen twice in one run (same
bytes, two names) is parsed once (``duplicate_of``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .results import BatchResult, EncodedDocument, ParseOptions, RunCounters
from .sources import SourceDocument, iter_sources

if TYPE_CHECKING:
    from .engines import Engine
    from .register import Register

__all__ = ["ENGINES", "BatchResult", "RunCounters", "make_engine", "parse_many"]

ENGINES = ("auto", "local", "dask", "inprocess")
SMALL_BATCH = 2  # "auto" parses at most this many documents in-process, more in a pool


def make_engine(
    engine: str,
    jobs: int,
    *,
    timeout: float | None = None,
    scheduler: str | None = None,
    max_worker_rss: int | None = None,
    encoded: bool = False,
    options: ParseOptions | None = None,
) -> Engine:
    from .engines import AutoEngine, DaskEngine, InProcessEngine, LocalPoolEngine

    if engine == "dask":
        return DaskEngine(
            jobs, scheduler=scheduler, timeout=timeout, encoded=encoded, options=options
        )
    if engine == "inprocess":
        return InProcessEngine(encoded=encoded, options=options, timeout=timeout)
    if engine == "local":
        return LocalPoolEngine(
            jobs, timeout=timeout, max_worker_rss=max_worker_rss, encoded=encoded, options=options
        )
    if engine == "auto":
        return AutoEngine(
            lambda: InProcessEngine(encoded=encoded, options=options, timeout=timeout),
            lambda: LocalPoolEngine(
                jobs,
                timeout=timeout,
                max_worker_rss=max_worker_rss,
                encoded=encoded,
                options=options,
            ),
            small=SMALL_BATCH,
        )
    raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")


def parse_many(
    paths: Iterable[str],
    jobs: int = 1,
    timeout: float | None = None,
    *,
    engine: str | None = None,
    scheduler: str | None = None,
    register: Register | None = None,
    retry_failed: bool = False,
    all_files: bool = False,
    max_worker_rss: int | None = 300 * 1024 * 1024,
    keep_minutes: bool = True,
    counters: RunCounters | None = None,
    options: ParseOptions | None = None,
) -> Iterator[BatchResult]:
    """Parse every document under ``paths`` (files, folders, globs, zip/tar archives), in order.

    ``engine`` is "local" (a process pool of ``jobs`` workers), "auto" (the default when
    ``jobs > 1`` or a ``timeout`` is set: a batch of at most two documents to parse in this
    process, a larger one in the pool), "inprocess" (the default otherwise) or "dask".
    ``options`` are the single parse's options (meeting date, password, OCR, limits, model
    path), applied to every document. With a ``register``,
    results are stored as they are yielded and already-stored documents are not parsed again.
    ``keep_minutes=False`` returns parsed documents as JSON (``BatchResult.encoded``) instead of
    :class:`~minutes_parser.model.Minutes`: less work for this process when only JSON is wanted.
    """
    chosen = engine or ("auto" if jobs > 1 or timeout else "inprocess")
    sources = iter_sources(paths, all_files=all_files)
    return _run(
        sources,
        lambda: make_engine(
            chosen,
            jobs,
            timeout=timeout,
            scheduler=scheduler,
            max_worker_rss=max_worker_rss,
            encoded=not keep_minutes,
            options=options,
        ),
        register=register,
        retry_failed=retry_failed,
        counters=counters if counters is not None else RunCounters(),
    )


def _run(
    sources: Iterator[SourceDocument],
    engine_factory: Any,
    *,
    register: Register | None,
    retry_failed: bool,
    counters: RunCounters,
) -> Iterator[BatchResult]:
    engine: Engine | None = None  # started on the first document that needs parsing
    slots: dict[int, BatchResult | None] = {}  # reorder buffer: job id -> result (None: running)
    in_flight = 0
    next_out = 0
    seen: dict[bytes, str] = {}  # digest -> first path this run
    first_error: dict[str, str] = {}  # first path -> its failure (only failures are kept)
    names: dict[int, tuple[str, str]] = {}  # job id -> (path, sha) while in flight

    def emit_ready() -> Iterator[BatchResult]:
        nonlocal next_out
        while next_out in slots and slots[next_out] is not None:
            result = slots.pop(next_out)
            next_out += 1
            assert result is not None
            if result.duplicate_of is not None:
                error = first_error.get(result.duplicate_of)
                if error is not None:
                    result = BatchResult(
                        result.path, result.sha256, error=error, duplicate_of=result.duplicate_of
                    )
            elif result.sha256 is not None and result.error is not None:
                first_error[result.path] = result.error
            _count(result, counters)
            if register is not None:
                _store(register, result)
            yield result

    def collect() -> None:
        nonlocal in_flight
        assert engine is not None
        for job_id, payload, error in engine.poll():
            path, sha = names.pop(job_id)
            in_flight -= 1
            if isinstance(payload, EncodedDocument):
                slots[job_id] = BatchResult(path, sha, encoded=payload, error=error)
            else:
                slots[job_id] = BatchResult(path, sha, minutes=payload, error=error)

    try:
        for job_id, source in enumerate(sources):
            slots[job_id], sha = _resolve(source, seen, register, retry_failed, counters)
            if slots[job_id] is None:
                assert source.data is not None and sha is not None
                if engine is None:
                    engine = engine_factory()
                assert engine is not None
                names[job_id] = (source.path, sha)
                engine.submit(job_id, source.path, source.data)
                counters.submitted += 1
                in_flight += 1
            # Bound both the work in flight and the reorder buffer, so memory stays flat.
            while (
                engine is not None
                and in_flight
                and (in_flight >= engine.capacity or len(slots) >= max(64, engine.capacity * 16))
            ):
                collect()
                yield from emit_ready()
            yield from emit_ready()
        if engine is not None and hasattr(engine, "input_done"):
            engine.input_done()  # the auto engine may now parse a small batch in-process
        while in_flight:
            assert engine is not None
            collect()
            yield from emit_ready()
        yield from emit_ready()
    finally:
        if engine is not None:
            counters.worker_peak_rss.update(engine.worker_peak_rss())
            counters.worker_restarts += int(getattr(engine, "restarts", 0))
            engine.close()
        if register is not None:
            register.commit()


def _resolve(
    source: SourceDocument,
    seen: dict[bytes, str],
    register: Register | None,
    retry_failed: bool,
    counters: RunCounters,
) -> tuple[BatchResult | None, str | None]:
    """(result, sha256) when the result is known without parsing; (None, sha256) to parse it."""
    if source.data is None:
        return BatchResult(source.path, None, error=source.error or "cannot read"), None
    counters.bytes_read += len(source.data)
    digest = hashlib.sha256(source.data).digest()
    sha = digest.hex()
    first = seen.get(digest)
    if first is not None:
        return BatchResult(source.path, sha, duplicate_of=first), sha
    seen[digest] = source.path
    if register is not None:
        stored = register.stored(sha)
        if stored is not None:
            return BatchResult(source.path, sha, stored=stored, from_register=True), sha
        if not retry_failed:
            reason = register.failure(sha)
            if reason is not None:
                return BatchResult(source.path, sha, error=reason, from_register=True), sha
    return None, sha


def _count(result: BatchResult, counters: RunCounters) -> None:
    if result.duplicate_of is not None:
        counters.duplicates += 1
    elif result.from_register and result.ok:
        counters.from_register += 1
    elif result.ok:
        counters.parsed += 1
    if not result.ok:
        counters.failed += 1


def _store(register: Register, result: BatchResult) -> None:
    if result.sha256 is not None:
        register.add_source(result.sha256, result.path)
    if not result.ok:
        register.add_error(result.path, result.error or "unknown failure", result.sha256)
    elif result.minutes is not None or result.encoded is not None:
        register.add(result)
