"""The plain types a batch passes around: register rows, encoded and stored documents, results.

Both sides of the batch import this module and nothing here imports them: the register
(``register.py``) stores :class:`RegisterRows` and :class:`BatchResult`, the worker
(``worker.py``) builds :class:`EncodedDocument`, the runner (``runner.py``) yields
:class:`BatchResult`. Keeping them in one leaf module is what keeps those three out of an
import circle.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ..model import Minutes


class ParseOptions(NamedTuple):
    """The single parse's options, sent to every worker with each batch (picklable, small).

    ``model`` is a path: each worker loads it once (``learn.resolve_models`` caches loads).
    """

    meeting_date: dt.date | None = None
    password: str | None = None
    ocr: bool = False
    max_pages: int | None = None
    max_unzipped_bytes: int | None = None
    model: str | None = None

    def kwargs(self) -> dict[str, Any]:
        """The keyword arguments of :func:`minutes_parser.core.parse_bytes`."""
        return self._asdict()


class RegisterRows(NamedTuple):
    """A document as register rows (without ids), built where the document was parsed."""

    meeting: tuple[
        Any, ...
    ]  # format, kind, body, body_key, title, date, time, venue, next_meeting, counts
    attendees: list[tuple[Any, ...]]
    items: list[tuple[Any, ...]]
    decisions: list[tuple[Any, ...]]
    actions: list[tuple[tuple[Any, ...], tuple[str, ...]]]  # (action columns, owner names)


class StoredDocument(NamedTuple):
    """A stored document: where it was first found, its OUTPUT.md JSON text, and counts."""

    path: str
    text: str
    n_actions: int
    n_decisions: int


class EncodedDocument(NamedTuple):
    """A parsed document as its OUTPUT.md JSON text, that text zlib-compressed, and its register rows.

    Encoding in the worker keeps the parent (one process for the whole batch) light: it writes
    the text and stores the blob and rows without converting or serialising anything.
    """

    json: str
    blob: bytes
    rows: RegisterRows


@dataclass(frozen=True)
class BatchResult:
    """One document of a batch: parsed, taken from a register, a duplicate, or failed.

    A parsed document comes as ``minutes`` (the default) or, when ``parse_many`` was asked not to
    keep Minutes objects (``keep_minutes=False``, what the CLI does), as ``encoded`` OUTPUT.md
    JSON; a result taken from a register carries the ``stored`` JSON. :meth:`to_dict` gives the
    OUTPUT.md object in every case.
    """

    path: str
    sha256: str | None
    minutes: Minutes | None = None
    error: str | None = None
    encoded: EncodedDocument | None = field(default=None, repr=False)
    stored: StoredDocument | None = field(default=None, repr=False)  # from the register
    from_register: bool = False
    duplicate_of: str | None = None  # same bytes as this earlier path in the same run

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any] | None:
        """The OUTPUT.md object, with ``source.path`` this result's path; None when there is none."""
        return self._dict

    def to_json(self) -> str | None:
        """:meth:`to_dict` as one line of JSON (the ``.jsonl`` output line)."""
        if self.encoded is not None:
            return self.encoded.json
        if self.stored is not None and self.stored.path == self.path:
            return self.stored.text  # found where it was first found: the stored text is exact
        document = self._dict
        return None if document is None else json.dumps(document, ensure_ascii=False)

    def counts(self) -> tuple[int, int]:
        """(actions, decisions), without decoding JSON when it can be helped."""
        if self.encoded is not None:
            return len(self.encoded.rows.actions), len(self.encoded.rows.decisions)
        if self.stored is not None:
            return self.stored.n_actions, self.stored.n_decisions
        if self.minutes is not None:
            return len(self.minutes.actions), len(self.minutes.decisions)
        return 0, 0

    @cached_property
    def _dict(self) -> dict[str, Any] | None:
        if self.encoded is not None:
            loaded: dict[str, Any] = json.loads(self.encoded.json)
            return loaded
        if self.minutes is not None:
            from ..export.json import minutes_to_dict

            return minutes_to_dict(self.minutes)
        if self.stored is None:
            return None
        document: dict[str, Any] = json.loads(self.stored.text)
        document["source"] = {**document.get("source", {}), "path": self.path}
        return document


@dataclass
class RunCounters:
    """What a run did, for summaries and for tests (``parsed`` is 0 on a full resume)."""

    submitted: int = 0  # documents sent to an engine to be parsed
    parsed: int = 0
    from_register: int = 0
    duplicates: int = 0
    failed: int = 0
    bytes_read: int = 0
    worker_peak_rss: dict[str, int] = field(default_factory=dict)
    worker_restarts: int = 0
