"""Engines that parse documents somewhere: in this process, in a local process pool, on dask.

Each engine has the same small interface (``submit`` a job, ``poll`` for finished ones,
``close``); ``runner.py`` puts results back in input order. All of them call
:func:`~minutes_parser.batch.worker.parse_document`, so they give identical results.

The local pool is hand-rolled rather than ``concurrent.futures.ProcessPoolExecutor`` because
a batch needs two things that executor cannot do: kill *one* worker whose document hangs (and
replace it) and survive a worker that dies (segfault, OOM kill) without losing the results
of the others. Each worker has its own socket; the parent never blocks on one (non-blocking
writes, ``selectors``), so a worker stuck in C code holding its GIL cannot stall the batch.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import importlib
import multiprocessing
import os
import pickle
import selectors
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import MinutesParserError
from .results import ParseOptions
from .worker import FRAME_HEADER, READY, encode, parse_document, peak_rss_bytes

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess


# (job id, Minutes or EncodedDocument or None, failure reason or None)
Outcome = tuple[int, Any, "str | None"]


class Engine(Protocol):
    """Where documents are parsed. ``capacity`` is how many jobs it wants in flight."""

    capacity: int

    def submit(self, job_id: int, name: str, data: bytes) -> None: ...

    def poll(self) -> list[Outcome]:
        """Wait for at least one finished job (when any are in flight) and return those done."""
        ...

    def worker_peak_rss(self) -> dict[str, int]: ...

    def close(self) -> None: ...


class InProcessEngine:
    """Parse in the calling process: no start-up cost, no isolation. For small batches.

    ``timeout`` is enforced with an interval timer (SIGALRM) when running in the main thread of
    a Unix process; it interrupts Python code, not a long call inside a C library.
    """

    capacity = 1

    def __init__(
        self,
        *,
        encoded: bool = False,
        options: ParseOptions | None = None,
        timeout: float | None = None,
    ) -> None:
        self.encoded = encoded
        self.options = options
        self.timeout = timeout if timeout and timeout > 0 else None
        self._queue: collections.deque[tuple[int, str, bytes]] = collections.deque()

    def submit(self, job_id: int, name: str, data: bytes) -> None:
        self._queue.append((job_id, name, data))

    def poll(self) -> list[Outcome]:
        if not self._queue:
            return []
        job_id, name, data = self._queue.popleft()
        with _alarm(self.timeout):
            minutes, error = parse_document(name, data, self.options)
        return [
            (job_id, encode(minutes) if self.encoded and minutes is not None else minutes, error)
        ]

    def worker_peak_rss(self) -> dict[str, int]:
        return {"main": peak_rss_bytes()}

    def close(self) -> None:
        self._queue.clear()


@contextlib.contextmanager
def _alarm(seconds: float | None) -> Any:
    """Raise :class:`ParseTimeoutError` in this thread after ``seconds`` (main thread, Unix only)."""
    import threading

    usable = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    from ..errors import ParseTimeoutError

    def expired(signum: int, frame: Any) -> None:
        raise ParseTimeoutError(f"timed out after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class AutoEngine:
    """A small batch in this process, a larger one in a pool: chosen once the size is known.

    Starting worker processes (each loading spaCy) costs about as much as parsing a couple of
    documents, so up to ``small`` documents are held back: if the input ends first
    (:meth:`input_done`), they are parsed in-process; the next one starts the pool.
    """

    def __init__(
        self,
        small_engine: Callable[[], Engine],
        large_engine: Callable[[], Engine],
        small: int = 2,
    ) -> None:
        self._factories = (small_engine, large_engine)
        self.small = small
        self.capacity = small + 1
        self._held: list[tuple[int, str, bytes]] = []
        self._engine: Engine | None = None
        self._input_done = False
        self.chosen: str | None = None  # "small" or "large", once decided

    @property
    def restarts(self) -> int:
        return int(getattr(self._engine, "restarts", 0))

    def input_done(self) -> None:
        self._input_done = True

    def _choose(self, large: bool) -> Engine:
        engine = self._factories[1 if large else 0]()
        self._engine, self.chosen, self.capacity = engine, ("large" if large else "small"), engine.capacity
        held, self._held = self._held, []
        for job in held:
            engine.submit(*job)
        return engine

    def submit(self, job_id: int, name: str, data: bytes) -> None:
        if self._engine is not None:
            self._engine.submit(job_id, name, data)
            return
        self._held.append((job_id, name, data))
        if len(self._held) > self.small:
            self._choose(large=True)

    def poll(self) -> list[Outcome]:
        engine = self._engine
        if engine is None:
            if not self._held:
                return []
            # Asked for results before the input ended: more may follow, so use the pool.
            engine = self._choose(large=not self._input_done)
        return engine.poll()

    def worker_peak_rss(self) -> dict[str, int]:
        return self._engine.worker_peak_rss() if self._engine is not None else {}

    def close(self) -> None:
        self._held.clear()
        if self._engine is not None:
            self._engine.close()


@dataclass
class _Worker:
    number: int
    process: BaseProcess
    fd: int
    outstanding: collections.deque[int] = field(default_factory=collections.deque)
    ready: bool = False
    started_at: float = 0.0  # when its current (first outstanding) job started
    read_buffer: bytearray = field(default_factory=bytearray)
    write_buffer: bytearray = field(default_factory=bytearray)
    peak_rss: int = 0
    retiring: bool = False
    dead: bool = False


class WorkerStartupError(MinutesParserError):
    """Worker processes die before they can parse anything."""


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "worker process stopped responding"
    if code < 0:
        try:
            return f"worker process crashed ({signal.Signals(-code).name})"
        except ValueError:
            return f"worker process crashed (signal {-code})"
    return f"worker process exited unexpectedly (exit code {code})"


class LocalPoolEngine:
    """``jobs`` worker processes, each loading spaCy once; per-document timeout; crash-safe."""

    PREFETCH = 2  # jobs queued per worker, so it never waits for the parent between documents
    MAX_STARTUP_FAILURES = 3

    def __init__(
        self,
        jobs: int,
        *,
        timeout: float | None = None,
        max_worker_rss: int | None = None,
        start_method: str = "spawn",
        parse_function: str | None = None,
        encoded: bool = False,
        options: ParseOptions | None = None,
    ) -> None:
        self.parse_function = parse_function
        self.encoded = encoded
        self.options = options
        self.jobs = max(1, jobs)
        self.capacity = self.jobs * self.PREFETCH
        self.timeout = timeout if timeout and timeout > 0 else None
        self.max_worker_rss = max_worker_rss
        self._context: Any = multiprocessing.get_context(start_method)
        self._selector = selectors.DefaultSelector()
        self._workers: list[_Worker] = []
        self._pending: collections.deque[tuple[int, str, bytes]] = collections.deque()
        self._jobs_data: dict[int, tuple[str, bytes]] = {}
        self._done: list[Outcome] = []
        self._serial = 0
        self._peaks: dict[str, int] = {}
        self.restarts = 0
        self._startup_failures = 0

    # -- public interface -------------------------------------------------------------------
    def submit(self, job_id: int, name: str, data: bytes) -> None:
        self._jobs_data[job_id] = (name, data)
        self._pending.append((job_id, name, data))
        self._dispatch()

    def poll(self) -> list[Outcome]:
        while not self._done and (self._pending or any(w.outstanding for w in self._workers)):
            self._dispatch()
            self._wait_once()
        done, self._done = self._done, []
        return done

    def worker_peak_rss(self) -> dict[str, int]:
        for worker in self._workers:
            if worker.peak_rss:
                self._peaks[f"worker-{worker.number}"] = worker.peak_rss
        return dict(self._peaks)

    def close(self) -> None:
        for worker in list(self._workers):
            # Idle workers exit on end-of-file; busy ones (an interrupted batch) are killed.
            self._stop(worker, kill=bool(worker.outstanding))
        self._workers.clear()
        self._selector.close()

    # -- workers --------------------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        from .worker import worker_main

        parent_end, child_end = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=worker_main,
            args=(child_end, None, self.parse_function, self.encoded, self.options),
            daemon=True,
            name="minutes-parse-worker",
        )
        process.start()
        child_end.close()
        fd = os.dup(parent_end.fileno())
        parent_end.close()
        os.set_blocking(fd, False)
        self._serial += 1
        worker = _Worker(self._serial, process, fd)
        self._selector.register(fd, selectors.EVENT_READ, worker)
        self._selector.register(process.sentinel, selectors.EVENT_READ, worker)
        self._workers.append(worker)
        return worker

    def _stop(self, worker: _Worker, *, kill: bool) -> None:
        if worker.dead:
            return
        worker.dead = True
        if worker.peak_rss:
            self._peaks[f"worker-{worker.number}"] = worker.peak_rss
        for key in (worker.fd, worker.process.sentinel):
            with contextlib.suppress(KeyError, ValueError):
                self._selector.unregister(key)
        if kill:
            worker.process.kill()
        os.close(worker.fd)  # a live worker sees end-of-file and exits
        worker.process.join(timeout=None if kill else 5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        if worker in self._workers:
            self._workers.remove(worker)

    def _dispatch(self) -> None:
        live = [w for w in self._workers if not w.retiring]
        while self._pending and len(live) < self.jobs:
            live.append(self._spawn())
        for worker in live:
            while self._pending and len(worker.outstanding) < self.PREFETCH:
                job_id, name, data = self._pending.popleft()
                if not worker.outstanding:
                    worker.started_at = time.monotonic()
                worker.outstanding.append(job_id)
                payload = pickle.dumps((job_id, name, data), protocol=pickle.HIGHEST_PROTOCOL)
                worker.write_buffer += FRAME_HEADER.pack(len(payload)) + payload
            self._flush(worker)

    def _flush(self, worker: _Worker) -> None:
        if worker.dead:
            return
        while worker.write_buffer:
            try:
                written = os.write(worker.fd, worker.write_buffer)
            except BlockingIOError:
                break
            except OSError:  # the worker died; its sentinel reports it
                worker.write_buffer.clear()
                break
            del worker.write_buffer[:written]
        events = selectors.EVENT_READ | (selectors.EVENT_WRITE if worker.write_buffer else 0)
        self._selector.modify(worker.fd, events, worker)

    def _wait_once(self) -> None:
        now = time.monotonic()
        wait: float | None = None
        if self.timeout is not None:
            deadlines = [
                w.started_at + self.timeout for w in self._workers if w.ready and w.outstanding
            ]
            if deadlines:
                wait = max(0.0, min(deadlines) - now)
        for key, events in self._selector.select(timeout=wait):
            worker: _Worker = key.data
            if worker.dead:
                continue
            if key.fd == worker.fd:
                if events & selectors.EVENT_WRITE:
                    self._flush(worker)
                if events & selectors.EVENT_READ:
                    self._read(worker)
            else:
                self._read(worker)  # results written just before it exited still count
                if not worker.dead:
                    self._crashed(worker)
        self._check_deadlines()

    def _read(self, worker: _Worker) -> None:
        eof = False
        while True:
            try:
                chunk = os.read(worker.fd, 1 << 20)
            except BlockingIOError:
                break
            except OSError:
                eof = True
                break
            if not chunk:
                eof = True
                break
            worker.read_buffer += chunk
        while len(worker.read_buffer) >= FRAME_HEADER.size:
            (size,) = FRAME_HEADER.unpack_from(worker.read_buffer)
            if len(worker.read_buffer) < FRAME_HEADER.size + size:
                break
            frame = bytes(worker.read_buffer[FRAME_HEADER.size : FRAME_HEADER.size + size])
            del worker.read_buffer[: FRAME_HEADER.size + size]
            self._message(worker, pickle.loads(frame))
        if eof and not worker.dead:
            self._crashed(worker)

    def _message(self, worker: _Worker, message: tuple[Any, ...]) -> None:
        job_id, minutes, error, rss, peak = message
        worker.peak_rss = max(worker.peak_rss, int(peak))
        now = time.monotonic()
        if job_id == READY:
            worker.ready = True
            worker.started_at = now
            return
        if worker.outstanding and worker.outstanding[0] == job_id:
            worker.outstanding.popleft()
        worker.started_at = now
        self._jobs_data.pop(job_id, None)
        self._done.append((job_id, minutes, error))
        if self.max_worker_rss and int(rss) > self.max_worker_rss and not worker.retiring:
            # Recycle a worker whose memory has crept up (spaCy's string store only grows).
            worker.retiring = True
        if worker.retiring and not worker.outstanding:
            self._stop(worker, kill=False)
            self.restarts += 1

    def _requeue_rest(self, worker: _Worker) -> None:
        rest = [job for job in worker.outstanding]
        worker.outstanding.clear()
        for job_id in reversed(rest):
            name, data = self._jobs_data[job_id]
            self._pending.appendleft((job_id, name, data))

    def _crashed(self, worker: _Worker) -> None:
        worker.process.join(timeout=1)
        reason = _describe_exit(worker.process.exitcode)
        if not worker.ready:
            # Died before its first document: no document is to blame. Give up after a few,
            # rather than failing every document (e.g. a script without a __main__ guard).
            self._requeue_rest(worker)
            self._stop(worker, kill=True)
            self._startup_failures += 1
            if self._startup_failures >= self.MAX_STARTUP_FAILURES:
                raise WorkerStartupError(
                    f"worker processes could not start ({reason}); a script that runs a batch must "
                    "guard its entry point with `if __name__ == '__main__':`"
                )
            return
        if worker.outstanding:
            culprit = worker.outstanding.popleft()
            self._jobs_data.pop(culprit, None)
            self._done.append((culprit, None, reason))
        self._requeue_rest(worker)
        self._stop(worker, kill=True)
        self.restarts += 1

    def _check_deadlines(self) -> None:
        if self.timeout is None:
            return
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.ready and worker.outstanding and now - worker.started_at > self.timeout:
                culprit = worker.outstanding.popleft()
                self._jobs_data.pop(culprit, None)
                self._done.append(
                    (culprit, None, f"timed out after {self.timeout:g} s; the worker was stopped")
                )
                self._requeue_rest(worker)
                self._stop(worker, kill=True)
                self.restarts += 1


class DaskEngine:
    """Parse on a dask.distributed cluster (a LocalCluster when no scheduler address is given).

    Documents travel as bytes, so workers need no access to the client's files. A timed-out
    task is cancelled and reported; dask cannot interrupt the thread already running it, which
    finishes in the background (see docs/batch.md for worker-level limits on a real cluster).
    """

    def __init__(
        self,
        jobs: int,
        *,
        scheduler: str | None = None,
        timeout: float | None = None,
        processes: bool = True,
        encoded: bool = False,
        task: Callable[..., tuple[Any, str | None, int, str]] | None = None,
        options: ParseOptions | None = None,
    ) -> None:
        from .worker import parse_document_task

        self.encoded = encoded
        self.options = options
        self.task = task or parse_document_task  # replaceable in tests
        try:
            distributed: Any = importlib.import_module("distributed")
        except ImportError:
            from ..errors import MissingDependencyError

            raise MissingDependencyError(
                "the dask engine needs dask.distributed: pip install 'minutes-parser[dask]'"
            ) from None
        self.timeout = timeout if timeout and timeout > 0 else None
        self._cluster: Any = None
        if scheduler:
            self._client: Any = distributed.Client(scheduler)
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=max(1, jobs),
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
            )
            self._client = distributed.Client(self._cluster)
        workers = max(1, len(self._client.scheduler_info().get("workers", {})) or jobs)
        self.workers = workers
        self.capacity = workers * 2
        self._futures: dict[Any, int] = {}
        self._order: collections.deque[Any] = collections.deque()  # submission order (FIFO)
        self._started: dict[Any, float] = {}
        self._peaks: dict[str, int] = {}

    def submit(self, job_id: int, name: str, data: bytes) -> None:
        future = self._client.submit(
            self.task,
            name,
            data,
            self.encoded,
            *([self.options] if self.options is not None else []),
            pure=False,
            key=f"minutes-parse-{job_id}-{os.getpid()}-{time.monotonic_ns()}",
        )
        self._futures[future] = job_id
        self._order.append(future)

    def _start_clocks(self) -> None:
        # The first ``workers`` futures in submission order are taken as running.
        now = time.monotonic()
        for future in list(self._order)[: self.workers]:
            self._started.setdefault(future, now)

    def poll(self) -> list[Outcome]:
        if not self._futures:
            return []
        wait: Any = importlib.import_module("distributed").wait
        self._start_clocks()
        wait_for: float | None = None
        if self.timeout is not None:
            now = time.monotonic()
            wait_for = max(0.05, min(self._started[f] + self.timeout - now for f in self._started))
        try:
            finished, _ = wait(list(self._futures), timeout=wait_for, return_when="FIRST_COMPLETED")
        except (TimeoutError, asyncio.TimeoutError):  # nothing finished: check the deadlines
            finished = set()
        done: list[Outcome] = []
        for future in finished:
            job_id = self._forget(future)
            try:
                minutes, error, peak, worker = future.result()
                self._peaks[worker] = max(self._peaks.get(worker, 0), int(peak))
            except Exception as exc:  # KilledWorker after repeated crashes, cancelled, ...
                minutes, error = None, f"dask task failed ({type(exc).__name__}: {exc})"
            done.append((job_id, minutes, error))
        if self.timeout is not None:
            now = time.monotonic()
            for future, started in list(self._started.items()):
                if future in self._futures and now - started > self.timeout:
                    job_id = self._forget(future)
                    future.cancel()
                    done.append(
                        (
                            job_id,
                            None,
                            f"timed out after {self.timeout:g} s; the task was cancelled",
                        )
                    )
        return done

    def _forget(self, future: Any) -> int:
        job_id = self._futures.pop(future)
        self._started.pop(future, None)
        with contextlib.suppress(ValueError):
            self._order.remove(future)
        return job_id

    def worker_peak_rss(self) -> dict[str, int]:
        return dict(self._peaks)

    def close(self) -> None:
        for future in list(self._futures):
            future.cancel()
        self._futures.clear()
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
