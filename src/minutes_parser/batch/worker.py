"""What runs inside a worker: parse one document's bytes, never raise, report memory.

The same :func:`parse_document` runs in the local process pool, on dask workers and in-process,
so every engine produces identical results. Workers receive bytes and a display name (never a
path to open: on a cluster the worker cannot see the client's files) and send back the frozen
:class:`~minutes_parser.model.Minutes`, which pickles small.

The local pool talks to :func:`worker_main` over a socket with length-prefixed pickle frames
(see ``runner.py``); that lets the parent write without ever blocking on a hung worker.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import pickle
import signal
import struct
import sys
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .results import EncodedDocument, ParseOptions

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from ..model import Minutes

try:
    import resource
except ImportError:  # Windows: no getrusage; memory figures are reported as 0
    resource = None  # type: ignore[assignment]

FRAME_HEADER = struct.Struct("!Q")
READY = "ready"
ParseFunction = Callable[[str, bytes], "tuple[Minutes | None, str | None]"]


def encode(minutes: Minutes) -> EncodedDocument:
    from ..export.json import minutes_to_dict
    from .register import register_rows

    document = minutes_to_dict(minutes)
    text = json.dumps(document, ensure_ascii=False)
    return EncodedDocument(text, zlib.compress(text.encode("utf-8"), 6), register_rows(document))


def parse_document(
    name: str, data: bytes, options: ParseOptions | None = None
) -> tuple[Minutes | None, str | None]:
    """(minutes, None) or (None, reason). Never raises: one bad file must not end a batch."""
    from ..core import parse_bytes
    from ..errors import MinutesParserError
    from ..learn import ModelError

    try:
        return parse_bytes(data, name=name, **(options or ParseOptions()).kwargs()), None
    except MinutesParserError as exc:
        return None, exc.reason
    except ModelError as exc:  # names the model file
        return None, str(exc)
    except RecursionError:
        return None, "document nesting too deep to parse"
    except MemoryError:
        return None, "out of memory while parsing"
    except Exception as exc:  # a bug in one reader must not cost the other documents
        return None, f"internal error ({type(exc).__name__}: {exc}); please report it"


def parse_document_task(
    name: str, data: bytes, encoded: bool = False, options: ParseOptions | None = None
) -> tuple[Any, str | None, int, str]:
    """:func:`parse_document` (its result :func:`encode`-d if asked) plus the worker's peak RSS in
    bytes and process id (for dask)."""
    minutes, error = parse_document(name, data, options)
    payload = encode(minutes) if encoded and minutes is not None else minutes
    return payload, error, peak_rss_bytes(), f"pid-{os.getpid()}"


def warm_up() -> None:
    """Load spaCy and the text pipeline once, before the first document is timed."""
    from ..core import parse_bytes

    parse_bytes(
        b"Minutes of the Warm-up Committee\n\n1. Apologies\n\nAlex to send the notes.\n",
        name="warm-up.txt",
    )


def peak_rss_bytes() -> int:
    if resource is None:
        return 0
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    return int(usage) if sys.platform == "darwin" else int(usage) * 1024


def current_rss_bytes() -> int:
    try:
        with open("/proc/self/statm", "rb") as statm:
            resident_pages = int(statm.read().split()[1])
        return resident_pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return peak_rss_bytes()


def _read_exact(fd: int, size: int) -> bytes | None:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(FRAME_HEADER.pack(len(payload)) + payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def load_function(reference: str) -> ParseFunction:
    """Resolve "package.module:function" to the function (a parse function with parse_document's shape)."""
    module_name, _, attribute = reference.partition(":")
    function: ParseFunction = getattr(importlib.import_module(module_name), attribute)
    return function


def worker_main(
    conn: Connection,
    memory_limit_bytes: int | None = None,
    parse_function: str | None = None,
    encoded: bool = False,
    options: ParseOptions | None = None,
) -> None:
    """Serve (job_id, name, data) frames until the parent closes the socket.

    ``parse_function`` ("module:function", called with name and bytes) replaces
    :func:`parse_document` and its ``options``, e.g. in tests.
    """
    # Ctrl-C goes to the whole process group; the parent decides what to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_limit_bytes and resource is not None:
        # A runaway document then fails with MemoryError instead of swapping the machine.
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit_bytes, memory_limit_bytes))
    parse: ParseFunction = (
        load_function(parse_function)
        if parse_function
        else functools.partial(parse_document, options=options)
    )
    fd = conn.fileno()
    os.set_blocking(fd, True)
    try:
        _serve(fd, parse, encoded)
    except (BrokenPipeError, ConnectionResetError):
        return  # the parent closed the pool (or is gone): nothing left to do


def _serve(fd: int, parse: ParseFunction, encoded: bool) -> None:
    warm_up()
    _write_all(fd, pickle.dumps((READY, None, None, current_rss_bytes(), peak_rss_bytes())))
    while True:
        header = _read_exact(fd, FRAME_HEADER.size)
        if header is None:
            return
        body = _read_exact(fd, FRAME_HEADER.unpack(header)[0])
        if body is None:
            return
        job_id, name, data = pickle.loads(body)
        minutes, error = parse(name, data)
        del data, body
        payload_object: Any = minutes
        if encoded and minutes is not None:
            try:
                payload_object = encode(minutes)
            except Exception as exc:  # a document that cannot be serialised is a failed document
                payload_object, error = None, f"internal error (cannot encode result: {exc})"
        message: tuple[Any, ...] = (
            job_id,
            payload_object,
            error,
            current_rss_bytes(),
            peak_rss_bytes(),
        )
        try:
            payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an unpicklable result is still a result: report it
            payload = pickle.dumps(
                (job_id, None, f"internal error (result not transferable: {exc})", 0, 0)
            )
        _write_all(fd, payload)
