"""The action register: every parsed meeting, its attendees, items, decisions and actions, in SQLite.

Keyed by the sha256 of each document's bytes, so adding the same document twice stores it
once (its extra paths go to ``sources``) and a batch can resume where it stopped. Each meeting
also keeps its whole OUTPUT.md object (zlib-compressed), so a resumed batch can write the same
output without parsing again.

Schema version: ``PRAGMA user_version`` (see ``SCHEMA_VERSION``). Tables:

* ``meetings`` (one row per distinct document), ``attendees``, ``items``, ``decisions``,
  ``actions`` (with ``done``), ``action_owners`` (one row per owner, for the owner filter);
* ``sources``: every path a document was found under (``archive.zip!member.md`` for members);
* ``errors``: every failure, path and reason (and the hash, when the bytes could be read);
* ``actions_fts``, ``decisions_fts``: SQLite FTS5 indexes of the action and decision texts,
  indexed as documents are written; views ``action_tracker`` (one row per action with its meeting,
  effective due date, due month and status) and ``decision_log`` (decisions with body and month).

An older register is upgraded in place when opened (see ``_upgrade``): version 1 gains
``decisions.outcome`` (filled in from the stored documents), the FTS indexes and the views.

An action due at ``NEXT_MEETING`` gets the date of the next meeting of the same body found
in the register, computed at query time, so it fills in as later minutes are added.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import MinutesParserError
from .results import RegisterRows, StoredDocument

if TYPE_CHECKING:
    from ..model import Minutes
    from .results import BatchResult

SCHEMA_VERSION = 2  # 2: decisions.outcome, full-text search, the tracker views

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meetings (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    format TEXT,
    kind TEXT,
    body TEXT,
    body_key TEXT,
    title TEXT,
    date TEXT,
    time TEXT,
    venue TEXT,
    next_meeting TEXT,
    n_items INTEGER NOT NULL DEFAULT 0,
    n_decisions INTEGER NOT NULL DEFAULT 0,
    n_actions INTEGER NOT NULL DEFAULT 0,
    parser_version TEXT NOT NULL,
    parsed_at TEXT NOT NULL,
    document BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS meetings_body_date ON meetings(body_key, date);
CREATE INDEX IF NOT EXISTS meetings_date ON meetings(date);
CREATE TABLE IF NOT EXISTS attendees (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    organisation TEXT,
    status TEXT,
    initials TEXT,
    PRIMARY KEY (meeting_id, position)
);
CREATE INDEX IF NOT EXISTS attendees_name ON attendees(name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS items (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT,
    key TEXT,
    title TEXT,
    appendix INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, position)
);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item TEXT,
    text TEXT NOT NULL,
    outcome TEXT
);
CREATE INDEX IF NOT EXISTS decisions_meeting ON decisions(meeting_id);
CREATE TABLE IF NOT EXISTS actions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item TEXT,
    text TEXT NOT NULL,
    owners TEXT NOT NULL DEFAULT '',
    due_text TEXT,
    due_value TEXT,
    due_date TEXT,
    follow_up_kind TEXT,
    follow_up_to TEXT,
    follow_up_topic TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    done_at TEXT,
    UNIQUE (meeting_id, position)
);
CREATE INDEX IF NOT EXISTS actions_due ON actions(due_date);
CREATE INDEX IF NOT EXISTS actions_open ON actions(done, due_date);
CREATE TABLE IF NOT EXISTS action_owners (
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (action_id, position)
);
CREATE INDEX IF NOT EXISTS action_owners_name ON action_owners(name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS sources (
    sha256 TEXT NOT NULL,
    path TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (sha256, path)
);
CREATE INDEX IF NOT EXISTS sources_path ON sources(path);
CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (path, sha256)
);
CREATE INDEX IF NOT EXISTS errors_sha ON errors(sha256);
"""

# The due date an action is tracked against: as written, else the next meeting of its body.
_EFFECTIVE_DUE = """
CASE
    WHEN a.due_date IS NOT NULL THEN a.due_date
    WHEN a.due_value = 'NEXT_MEETING' OR (a.due_value IS NULL AND a.follow_up_to = 'next meeting') THEN
        COALESCE(m.next_meeting, (SELECT MIN(n.date) FROM meetings n
                                  WHERE n.body_key = m.body_key AND n.date > m.date))
END
"""

# Full-text search (FTS5, external content: the text stays in actions/decisions). New rows are
# indexed by one INSERT ... SELECT per flush (``_write_documents``), seven times cheaper than a
# trigger per row; triggers keep the index in step on deletes (cascades) and text updates.
_FTS = (
    'CREATE VIRTUAL TABLE IF NOT EXISTS actions_fts USING fts5(text, owners, content="actions", content_rowid="id")',
    'CREATE VIRTUAL TABLE IF NOT EXISTS decisions_fts USING fts5(text, content="decisions", content_rowid="id")',
    """CREATE TRIGGER IF NOT EXISTS actions_fts_delete AFTER DELETE ON actions BEGIN
    INSERT INTO actions_fts (actions_fts, rowid, text, owners) VALUES ('delete', old.id, old.text, old.owners);
END""",
    """CREATE TRIGGER IF NOT EXISTS actions_fts_update AFTER UPDATE OF text, owners ON actions BEGIN
    INSERT INTO actions_fts (actions_fts, rowid, text, owners) VALUES ('delete', old.id, old.text, old.owners);
    INSERT INTO actions_fts (rowid, text, owners) VALUES (new.id, new.text, new.owners);
END""",
    """CREATE TRIGGER IF NOT EXISTS decisions_fts_delete AFTER DELETE ON decisions BEGIN
    INSERT INTO decisions_fts (decisions_fts, rowid, text) VALUES ('delete', old.id, old.text);
END""",
    """CREATE TRIGGER IF NOT EXISTS decisions_fts_update AFTER UPDATE OF text ON decisions BEGIN
    INSERT INTO decisions_fts (decisions_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO decisions_fts (rowid, text) VALUES (new.id, new.text);
END""",
)

# Views for browsing (the Datasette view, `minutes-parse serve`): status is against today (UTC).
_VIEWS = (
    f"""CREATE VIEW IF NOT EXISTS action_tracker AS
SELECT *, substr(effective_due, 1, 7) AS due_month,
       CASE WHEN done THEN 'done' WHEN effective_due < date('now') THEN 'overdue' ELSE 'open' END AS status
FROM (SELECT a.id, m.body, m.date AS meeting_date, a.item, a.text, a.owners,
             (SELECT json_group_array(name) FROM (SELECT o.name FROM action_owners o
                                                   WHERE o.action_id = a.id ORDER BY o.position)) AS owner_list,
             a.due_text, a.due_value, a.due_date, ({_EFFECTIVE_DUE}) AS effective_due,
             a.follow_up_kind, a.follow_up_to, a.follow_up_topic, a.done, a.done_at, m.path, m.sha256,
             a.meeting_id
      FROM actions a JOIN meetings m ON m.id = a.meeting_id)""",
    """CREATE VIEW IF NOT EXISTS decision_log AS
SELECT d.id, m.body, m.date AS meeting_date, substr(m.date, 1, 7) AS month, d.item, d.text,
       d.outcome, m.path, m.sha256, d.meeting_id
FROM decisions d JOIN meetings m ON m.id = d.meeting_id""",
)

_COMMIT_EVERY = 500  # writes per transaction: one commit per document would dominate the time
_COMMIT_SECONDS = 2.0


class RegisterError(MinutesParserError):
    """The register file cannot be opened or was written by a newer minutes-parser."""


@dataclass(frozen=True)
class ActionRecord:
    """An action as stored, with its meeting and the due date it is tracked against."""

    id: int
    text: str
    item: str | None
    owners: tuple[str, ...]
    due_text: str | None
    due_value: str | None
    due_date: str | None  # as the minutes state it (OUTPUT.md ``due.date``)
    effective_due: str | None  # due_date, or the next meeting's date for NEXT_MEETING
    follow_up: dict[str, str | None] | None
    done: bool
    body: str | None
    meeting_date: str | None
    path: str
    sha256: str
    position: int = 0  # index in the document's ``actions`` (for its provenance)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "item": self.item,
            "text": self.text,
            "owners": list(self.owners),
            "due": {"text": self.due_text, "value": self.due_value, "date": self.due_date}
            if self.due_value
            else None,
            "effective_due": self.effective_due,
            "follow_up": self.follow_up,
            "done": self.done,
            "meeting": {
                "body": self.body,
                "date": self.meeting_date,
                "path": self.path,
                "sha256": self.sha256,
            },
        }


@dataclass(frozen=True)
class ErrorRecord:
    path: str
    reason: str
    sha256: str | None
    recorded_at: str


def register_rows(document: dict[str, Any]) -> RegisterRows:
    """The rows of an OUTPUT.md object for the register's tables."""
    meeting = document.get("meeting") or {}
    items = list(document.get("items", [])) + list(document.get("appendices", []))
    decisions = document.get("decisions", [])
    actions = document.get("actions", [])
    action_rows: list[tuple[tuple[Any, ...], tuple[str, ...]]] = []
    for action in actions:
        due = action.get("due") or {}
        follow = action.get("follow_up") or {}
        owners = tuple(str(o) for o in action.get("owners", []))
        columns = (
            action.get("item"),
            action.get("text") or "",
            "; ".join(owners),
            due.get("text"),
            due.get("value"),
            due.get("date"),
            follow.get("kind"),
            follow.get("to"),
            follow.get("topic"),
        )
        action_rows.append((columns, owners))
    return RegisterRows(
        meeting=(
            document.get("source", {}).get("format"),
            document.get("kind"),
            meeting.get("body"),
            body_key(meeting.get("body")),
            meeting.get("title"),
            meeting.get("date"),
            meeting.get("time"),
            meeting.get("venue"),
            meeting.get("next_meeting"),
            len(document.get("items", [])),
            len(decisions),
            len(actions),
        ),
        attendees=[
            (
                a.get("name") or "",
                a.get("role"),
                a.get("organisation"),
                a.get("status"),
                a.get("initials"),
            )
            for a in meeting.get("attendees", [])
        ],
        items=[
            (it.get("number"), it.get("key"), it.get("title"), int(bool(it.get("appendix"))))
            for it in items
        ],
        decisions=[(d.get("item"), d.get("text") or "", d.get("outcome")) for d in decisions],
        actions=action_rows,
    )


class _PendingDocument(NamedTuple):
    """A document added but not yet written (see ``Register._flush``)."""

    path: str
    rows: RegisterRows
    blob: bytes
    parsed_at: str


def body_key(body: str | None) -> str | None:
    """How bodies are matched across meetings: case, spacing and a leading "the" ignored."""
    if not body:
        return None
    key = " ".join(body.casefold().split())
    return key[4:] if key.startswith("the ") else key


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


class Register:
    """An SQLite register of parsed minutes. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        try:
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise RegisterError(
                    f"register schema version {version} is newer than this minutes-parser understands ({SCHEMA_VERSION})",
                    self.path,
                )
            if version < SCHEMA_VERSION:
                self._upgrade()
        except sqlite3.DatabaseError as exc:
            raise RegisterError(f"cannot open register ({exc})", self.path) from None
        self._fts = (
            self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'decisions_fts'").fetchone()
            is not None
        )
        self._writes = 0
        self._last_commit = time.monotonic()
        self._pending: dict[str, _PendingDocument] = {}  # sha256 -> document not yet written
        self._pending_sources: dict[tuple[str, str], str] = {}  # (sha256, path) -> first seen
        self._errors_recorded = (
            self._db.execute("SELECT 1 FROM errors LIMIT 1").fetchone() is not None
        )

    def _upgrade(self) -> None:
        """Create the schema, or bring an older register up to ``SCHEMA_VERSION``, in place.

        One transaction holding the write lock: another process opening the same old register
        at the same time waits, then finds it upgraded. Every step is idempotent.
        """
        db = self._db
        db.executescript(_SCHEMA)  # tables and indexes that are missing (commits)
        db.execute("BEGIN IMMEDIATE")
        try:
            if int(db.execute("PRAGMA user_version").fetchone()[0]) >= SCHEMA_VERSION:
                db.rollback()  # upgraded meanwhile by another process
                return
            columns = {str(r[1]) for r in db.execute("PRAGMA table_info(decisions)")}
            if "outcome" not in columns:  # version 1
                db.execute("ALTER TABLE decisions ADD COLUMN outcome TEXT")
                self._fill_outcomes()
            fts_before = {
                str(r[0])
                for r in db.execute(
                    "SELECT name FROM sqlite_master WHERE name IN ('actions_fts', 'decisions_fts')"
                )
            }
            try:
                for statement in _FTS:
                    db.execute(statement)
            except sqlite3.OperationalError as exc:
                if "fts5" not in str(exc):
                    raise
                # An SQLite built without FTS5: the register works, without full-text search.
            else:
                for table in ("actions_fts", "decisions_fts"):
                    if table not in fts_before:  # index what was stored before the index
                        db.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
            for statement in _VIEWS:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.commit()
        except BaseException:
            db.rollback()
            raise

    def _fill_outcomes(self) -> None:
        """decisions.outcome for decisions stored before the column existed, from the documents."""
        rows = self._db.execute("SELECT id, document FROM meetings WHERE n_decisions > 0").fetchall()
        updates: list[tuple[Any, ...]] = []
        for meeting_id, blob in rows:
            document = json.loads(zlib.decompress(blob))
            for position, decision in enumerate(document.get("decisions", [])):
                if decision.get("outcome"):
                    updates.append((decision["outcome"], meeting_id, position))
        self._db.executemany(
            "UPDATE decisions SET outcome = ? WHERE meeting_id = ? AND position = ?", updates
        )

    # -- lifecycle ------------------------------------------------------------------------------
    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def commit(self) -> None:
        """Write what is buffered and commit it."""
        self._flush()
        self._db.commit()
        self._writes = 0
        self._last_commit = time.monotonic()

    def close(self) -> None:
        try:
            self.commit()
        finally:
            self._db.close()

    def _wrote(self) -> None:
        self._writes += 1
        if self._writes >= _COMMIT_EVERY or time.monotonic() - self._last_commit > _COMMIT_SECONDS:
            self.commit()

    # -- lookups ----------------------------------------------------------------------------
    def has(self, sha256: str) -> bool:
        """Whether a document with these bytes is stored (parsed successfully)."""
        return sha256 in self._pending or self._in_database(sha256)

    def _in_database(self, sha256: str) -> bool:
        return (
            self._db.execute("SELECT 1 FROM meetings WHERE sha256 = ?", (sha256,)).fetchone()
            is not None
        )

    def document(self, sha256: str) -> dict[str, Any] | None:
        """The stored OUTPUT.md object for these bytes, or None."""
        stored = self.stored(sha256)
        if stored is None:
            return None
        loaded: dict[str, Any] = json.loads(stored.text)
        return loaded

    def stored(self, sha256: str) -> StoredDocument | None:
        """The stored document for these bytes (JSON text, not decoded), or None."""
        pending = self._pending.get(sha256)
        if pending is not None:
            return StoredDocument(
                pending.path,
                zlib.decompress(pending.blob).decode("utf-8"),
                len(pending.rows.actions),
                len(pending.rows.decisions),
            )
        row = self._db.execute(
            "SELECT path, document, n_actions, n_decisions FROM meetings WHERE sha256 = ?",
            (sha256,),
        ).fetchone()
        if row is None:
            return None
        return StoredDocument(
            str(row[0]), zlib.decompress(row[1]).decode("utf-8"), int(row[2]), int(row[3])
        )

    def failure(self, sha256: str) -> str | None:
        """The reason these bytes failed to parse before, if they did."""
        if not self._errors_recorded or sha256 in self._pending:
            return None  # a document waiting to be written clears its failures when it is
        row = self._db.execute(
            "SELECT reason FROM errors WHERE sha256 = ? ORDER BY id DESC LIMIT 1", (sha256,)
        ).fetchone()
        return str(row[0]) if row else None

    def sources(self, sha256: str) -> list[str]:
        """Every path these bytes were found under."""
        self._flush()
        rows = self._db.execute(
            "SELECT path FROM sources WHERE sha256 = ? ORDER BY rowid", (sha256,)
        )
        return [str(r[0]) for r in rows]

    def counts(self) -> dict[str, int]:
        self._flush()
        tables = ("meetings", "attendees", "items", "decisions", "actions", "sources", "errors")
        return {t: int(self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}

    # -- writes -----------------------------------------------------------------------------
    def add(self, item: BatchResult | Minutes | dict[str, Any], path: str | None = None) -> bool:
        """Store a parsed document; False (and only its path recorded) when already stored.

        Documents are buffered and written table by table at the next commit (every few hundred
        documents or seconds, and on :meth:`commit` / :meth:`close`); lookups see them at once.
        """
        rows, sha, shown, blob = self._rows_of(item)
        # meetings.path is always the source.path inside the stored JSON; other paths are sources.
        self.add_source(sha, path or shown)
        if self.has(sha):  # these bytes are stored already
            return False
        self._pending[sha] = _PendingDocument(shown, rows, blob, _now())
        self._wrote()
        return True

    def add_source(self, sha256: str, path: str) -> None:
        if (sha256, path) not in self._pending_sources:
            self._pending_sources[(sha256, path)] = _now()
            self._wrote()

    def add_error(self, path: str, reason: str, sha256: str | None = None) -> None:
        self._errors_recorded = True
        self._db.execute(
            "INSERT INTO errors (path, sha256, reason, recorded_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (path, sha256) DO UPDATE SET reason = excluded.reason, recorded_at = excluded.recorded_at",
            (path, sha256 or "", reason, _now()),
        )
        self._wrote()

    def mark_done(self, action_id: int, done: bool = True) -> bool:
        """Mark an action done (or open again); False when there is no such action."""
        self._flush()
        cursor = self._db.execute(
            "UPDATE actions SET done = ?, done_at = ? WHERE id = ?",
            (int(done), _now() if done else None, action_id),
        )
        self.commit()
        return cursor.rowcount > 0

    def _flush(self) -> None:
        """Write the buffered sources and documents: one statement per table for all of them,
        not five or six per document (in a batch, per-document statements were half of the
        parent process's time)."""
        if not self._pending and not self._pending_sources:
            return
        if not self._db.in_transaction:
            # Hold the write lock from here: ids are assigned below from MAX(id), which another
            # process writing to the same register must not change in between.
            self._db.execute("BEGIN IMMEDIATE")
        self._db.executemany(
            "INSERT OR IGNORE INTO sources (sha256, path, first_seen) VALUES (?, ?, ?)",
            [(sha, path, seen) for (sha, path), seen in self._pending_sources.items()],
        )
        self._pending_sources.clear()
        pending = self._pending
        self._pending = {}
        already = self._stored_among(list(pending))
        documents = [(sha, doc) for sha, doc in pending.items() if sha not in already]
        if not documents:
            return
        # All of these documents or none: a write that fails half-way (a full disk) must not leave
        # meetings without their actions for a later commit to keep. Documents not written are
        # simply not in the register, so the next run parses them again.
        self._db.execute("SAVEPOINT register_flush")
        try:
            self._write_documents(documents)
        except BaseException:
            self._db.execute("ROLLBACK TO SAVEPOINT register_flush")
            raise
        finally:
            self._db.execute("RELEASE SAVEPOINT register_flush")

    def _write_documents(self, documents: list[tuple[str, _PendingDocument]]) -> None:
        from .. import __version__

        next_meeting = self._next_id("meetings")
        next_action = first_action = self._next_id("actions")
        meetings: list[tuple[Any, ...]] = []
        attendees: list[tuple[Any, ...]] = []
        items: list[tuple[Any, ...]] = []
        decisions: list[tuple[Any, ...]] = []
        actions: list[tuple[Any, ...]] = []
        owners: list[tuple[Any, ...]] = []
        for meeting_id, (sha, doc) in enumerate(documents, start=next_meeting):
            rows = doc.rows
            meetings.append((meeting_id, sha, doc.path, *rows.meeting, __version__, doc.parsed_at, doc.blob))
            attendees.extend((meeting_id, i, *row) for i, row in enumerate(rows.attendees))
            items.extend((meeting_id, i, *row) for i, row in enumerate(rows.items))
            decisions.extend((meeting_id, i, *row) for i, row in enumerate(rows.decisions))
            for position, (columns, names) in enumerate(rows.actions):
                actions.append((next_action, meeting_id, position, *columns))
                owners.extend((next_action, i, name) for i, name in enumerate(names))
                next_action += 1
        self._db.executemany(
            "INSERT INTO meetings (id, sha256, path, format, kind, body, body_key, title, date, time, venue,"
            " next_meeting, n_items, n_decisions, n_actions, parser_version, parsed_at, document)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            meetings,
        )
        self._db.executemany("INSERT INTO attendees VALUES (?, ?, ?, ?, ?, ?, ?)", attendees)
        self._db.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)", items)
        first_decision = self._next_id("decisions")
        self._db.executemany(
            "INSERT INTO decisions (meeting_id, position, item, text, outcome) VALUES (?, ?, ?, ?, ?)",
            decisions,
        )
        self._db.executemany(
            "INSERT INTO actions (id, meeting_id, position, item, text, owners, due_text, due_value,"
            " due_date, follow_up_kind, follow_up_to, follow_up_topic)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            actions,
        )
        self._db.executemany("INSERT INTO action_owners VALUES (?, ?, ?)", owners)
        if self._fts:
            self._db.execute(
                "INSERT INTO actions_fts (rowid, text, owners) SELECT id, text, owners FROM actions WHERE id >= ?",
                (first_action,),
            )
            self._db.execute(
                "INSERT INTO decisions_fts (rowid, text) SELECT id, text FROM decisions WHERE id >= ?",
                (first_decision,),
            )
        if self._errors_recorded:
            # A document that failed before and parses now is no longer a failure.
            self._db.executemany("DELETE FROM errors WHERE sha256 = ?", [(sha,) for sha, _ in documents])

    def _stored_among(self, shas: list[str]) -> set[str]:
        """Which of these hashes the database holds (another process may have added them)."""
        found: set[str] = set()
        for start in range(0, len(shas), 500):  # SQLite's bound-parameter limit is 999 on old builds
            chunk = shas[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(
                str(r[0])
                for r in self._db.execute(f"SELECT sha256 FROM meetings WHERE sha256 IN ({marks})", chunk)
            )
        return found

    def _next_id(self, table: str) -> int:
        return int(self._db.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0])

    # -- queries ----------------------------------------------------------------------------
    def actions(
        self,
        *,
        owner: str | None = None,
        body: str | None = None,
        open: bool = False,  # the CLI flag's name
        due_before: dt.date | None = None,
        overdue_as_of: dt.date | None = None,
    ) -> list[ActionRecord]:
        """Actions matching every filter given. Owner and body match case-insensitive substrings.

        ``due_before``: tracked due date strictly before the date. ``overdue_as_of``: not done and
        due strictly before that date (there is no implicit "today": pass the date).
        """
        return list(
            self.iter_actions(
                owner=owner,
                body=body,
                open=open,
                due_before=due_before,
                overdue_as_of=overdue_as_of,
            )
        )

    def iter_actions(
        self,
        *,
        owner: str | None = None,
        body: str | None = None,
        open: bool = False,
        due_before: dt.date | None = None,
        overdue_as_of: dt.date | None = None,
    ) -> Iterator[ActionRecord]:
        self._flush()
        where: list[str] = []
        params: list[Any] = []
        if owner:
            where.append(
                "EXISTS (SELECT 1 FROM action_owners o WHERE o.action_id = id AND o.name LIKE ? ESCAPE '\\')"
            )
            params.append(_like(owner))
        if body:
            where.append("body LIKE ? ESCAPE '\\'")
            params.append(_like(body))
        if open or overdue_as_of is not None:
            where.append("done = 0")
        if due_before is not None:
            where.append("effective_due < ?")
            params.append(due_before.isoformat())
        if overdue_as_of is not None:
            where.append("effective_due < ?")
            params.append(overdue_as_of.isoformat())
        sql = (
            "SELECT * FROM (SELECT a.id, a.text, a.item, a.due_text, a.due_value, a.due_date, a.follow_up_kind,"
            " a.follow_up_to, a.follow_up_topic, a.done, m.body, m.date AS meeting_date, m.path, m.sha256, m.id AS mid,"
            f" a.position, ({_EFFECTIVE_DUE}) AS effective_due FROM actions a JOIN meetings m ON m.id = a.meeting_id)"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY effective_due IS NULL, effective_due, meeting_date IS NULL, meeting_date, mid, position"
        )
        for row in self._db.execute(sql, params).fetchall():
            (
                action_id,
                text,
                item,
                due_text,
                due_value,
                due_date,
                fu_kind,
                fu_to,
                fu_topic,
                done,
                body_name,
                meeting_date,
                path,
                sha,
                _mid,
                position,
                effective,
            ) = row
            owners = tuple(
                str(r[0])
                for r in self._db.execute(
                    "SELECT name FROM action_owners WHERE action_id = ? ORDER BY position",
                    (action_id,),
                )
            )
            yield ActionRecord(
                id=int(action_id),
                text=text,
                item=item,
                owners=owners,
                due_text=due_text,
                due_value=due_value,
                due_date=due_date,
                effective_due=effective,
                follow_up={"kind": fu_kind, "to": fu_to, "topic": fu_topic} if fu_kind else None,
                done=bool(done),
                body=body_name,
                meeting_date=meeting_date,
                path=path,
                sha256=sha,
                position=int(position),
            )

    def errors(self) -> list[ErrorRecord]:
        self._flush()
        rows = self._db.execute("SELECT path, reason, sha256, recorded_at FROM errors ORDER BY id")
        return [ErrorRecord(str(p), str(r), s or None, str(t)) for p, r, s, t in rows]

    # -- helpers ----------------------------------------------------------------------------
    @staticmethod
    def _rows_of(
        item: BatchResult | Minutes | dict[str, Any],
    ) -> tuple[RegisterRows, str, str, bytes]:
        """(rows, sha256, path, compressed JSON) of something to store."""
        from ..model import Minutes as MinutesType

        if not isinstance(item, (dict, MinutesType)) and item.encoded is not None:
            encoded = item.encoded  # a worker made everything already
            return encoded.rows, str(item.sha256), item.path, encoded.blob
        if isinstance(item, dict):
            document = item
        elif isinstance(item, MinutesType):
            from ..export.json import minutes_to_dict

            document = minutes_to_dict(item)
        else:
            converted = item.to_dict()
            if converted is None:
                raise ValueError(
                    f"{item.path}: a failed result has no document to store; use add_error"
                )
            document = converted
        sha = document.get("source", {}).get("sha256")
        if not sha:
            raise ValueError("document has no source.sha256")
        blob = zlib.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"), 6)
        return register_rows(document), str(sha), str(document["source"].get("path")), blob
