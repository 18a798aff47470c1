"""Register schema migrations: a version-1 register (as minutes-parser 0.1 wrote it) is upgraded
in place when opened: decisions gain their outcome from the stored documents, the full-text
indexes and the tracker views appear, and later writes keep the index in step."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zlib
from pathlib import Path

import pytest

from minutes_parser.batch.register import SCHEMA_VERSION, Register, RegisterError

# The schema of version 1, frozen here as it was shipped (do not edit: it is the past).
V1_SCHEMA = """
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
    text TEXT NOT NULL
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


def _document(
    sha: str, body: str, date: str, actions: list[str], decisions: list[tuple[str, str]]
) -> dict:  # type: ignore[type-arg]
    return {
        "schema_version": "1.1",
        "source": {
            "path": f"{body.lower().replace(' ', '-')}-{date}.txt",
            "format": "text",
            "sha256": sha,
        },
        "kind": "minutes",
        "meeting": {"body": body, "date": date, "next_meeting": None, "attendees": []},
        "items": [],
        "decisions": [
            {"item": "1", "text": text, "outcome": outcome} for text, outcome in decisions
        ],
        "actions": [
            {"item": "2", "text": text, "owners": ["Clerk"], "due": None, "follow_up": None}
            for text in actions
        ],
        "warnings": [],
    }


def _old_register(path: Path) -> None:
    """A register file exactly as version 1 wrote it, holding two meetings."""
    db = sqlite3.connect(path)
    db.executescript(V1_SCHEMA)
    meetings = [
        (
            "a" * 64,
            "Harbury Allotments Committee",
            "2023-05-02",
            ["The Clerk to order new water butts for the north plots."],
            [
                ("that the rent for plot 7 be waived for one year", "carried"),
                ("to fence the compost area", "lost"),
            ],
        ),
        (
            "b" * 64,
            "Harbury Allotments Committee",
            "2023-06-06",
            ["The Clerk to chase the hedge contractor."],
            [("that the show be held on 12 August", "carried")],
        ),
    ]
    action_id = 0
    for meeting_id, (sha, body, date, actions, decisions) in enumerate(meetings, start=1):
        document = _document(sha, body, date, actions, decisions)
        blob = zlib.compress(json.dumps(document).encode("utf-8"))
        db.execute(
            "INSERT INTO meetings (id, sha256, path, format, kind, body, body_key, date, n_decisions,"
            " n_actions, parser_version, parsed_at, document) VALUES (?, ?, ?, 'text', 'minutes', ?, ?, ?, ?, ?,"
            " '0.1.0', '2024-01-01T00:00:00+00:00', ?)",
            (
                meeting_id,
                sha,
                document["source"]["path"],
                body,
                body.lower(),
                date,
                len(decisions),
                len(actions),
                blob,
            ),
        )
        for position, (text, _outcome) in enumerate(decisions):
            db.execute(
                "INSERT INTO decisions (meeting_id, position, item, text) VALUES (?, ?, '1', ?)",
                (meeting_id, position, text),
            )
        for position, text in enumerate(actions):
            action_id += 1
            db.execute(
                "INSERT INTO actions (id, meeting_id, position, item, text, owners, due_date)"
                " VALUES (?, ?, ?, '2', ?, 'Clerk', '2023-07-01')",
                (action_id, meeting_id, position, text),
            )
            db.execute("INSERT INTO action_owners VALUES (?, 0, 'Clerk')", (action_id,))
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()


def _fts_available() -> bool:
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    return True


def test_version_1_register_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _old_register(path)
    with Register(path) as register:
        assert [a.text for a in register.actions()] == [
            "The Clerk to order new water butts for the north plots.",
            "The Clerk to chase the hedge contractor.",
        ]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    outcomes = db.execute("SELECT text, outcome FROM decisions ORDER BY id").fetchall()
    assert outcomes == [
        ("that the rent for plot 7 be waived for one year", "carried"),
        ("to fence the compost area", "lost"),
        ("that the show be held on 12 August", "carried"),
    ]
    views = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert {"action_tracker", "decision_log"} <= views
    tracker = db.execute(
        "SELECT id, body, meeting_date, owner_list, effective_due, due_month, status FROM action_tracker ORDER BY id"
    ).fetchall()
    assert tracker[0] == (
        1,
        "Harbury Allotments Committee",
        "2023-05-02",
        '["Clerk"]',
        "2023-07-01",
        "2023-07",
        "overdue",
    )
    months = db.execute("SELECT month, outcome FROM decision_log ORDER BY id").fetchall()
    assert months == [("2023-05", "carried"), ("2023-05", "lost"), ("2023-06", "carried")]
    if _fts_available():  # the rows stored before the index existed are indexed
        found = db.execute(
            "SELECT rowid FROM actions_fts WHERE actions_fts MATCH 'hedge'"
        ).fetchall()
        assert found == [(2,)]
        found = db.execute(
            "SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH 'compost'"
        ).fetchall()
        assert found == [(2,)]
    db.close()


@pytest.mark.skipif(not _fts_available(), reason="this SQLite has no FTS5")
def test_upgraded_register_indexes_new_documents_and_deletes(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _old_register(path)
    with Register(path) as register:
        register.add(
            _document(
                "c" * 64,
                "Harbury Allotments Committee",
                "2023-07-04",
                ["The Treasurer to bank the show takings."],
                [("that the accounts be approved", "carried")],
            )
        )
        assert register.mark_done(1)
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute(
        "SELECT rowid FROM actions_fts WHERE actions_fts MATCH 'takings'"
    ).fetchall() == [(3,)]
    assert db.execute(
        "SELECT text FROM decision_log WHERE id IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH 'accounts')"
    ).fetchall() == [("that the accounts be approved",)]
    assert db.execute("SELECT status FROM action_tracker WHERE id = 1").fetchone() == ("done",)
    # Deleting a meeting cascades to its actions, and the trigger takes them out of the index.
    db.execute("DELETE FROM meetings WHERE sha256 = ?", ("c" * 64,))
    db.commit()
    assert (
        db.execute("SELECT rowid FROM actions_fts WHERE actions_fts MATCH 'takings'").fetchall()
        == []
    )
    assert db.execute(
        "SELECT count(*) FROM decisions_fts WHERE decisions_fts MATCH 'accounts'"
    ).fetchone() == (0,)
    assert (
        db.execute("INSERT INTO actions_fts (actions_fts) VALUES ('integrity-check')").rowcount
        is not None
    )
    db.close()


def test_opening_twice_does_not_upgrade_again(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _old_register(path)
    Register(path).close()
    Register(path).close()
    db = sqlite3.connect(path)
    if _fts_available():
        assert db.execute(
            "SELECT count(*) FROM actions_fts WHERE actions_fts MATCH 'clerk'"
        ).fetchone() == (2,)
    assert db.execute("SELECT count(*) FROM decisions WHERE outcome IS NOT NULL").fetchone() == (3,)
    db.close()


def test_fresh_register_has_the_new_schema(tmp_path: Path) -> None:
    with Register(tmp_path / "new.sqlite") as register:
        register.add(
            _document(
                "d" * 64,
                "Lowfield Residents Association",
                "2024-02-01",
                ["The Secretary to book the hall."],
                [("to hold a litter pick", "deferred")],
            )
        )
        records = register.actions()
    assert records[0].position == 0
    db = sqlite3.connect(tmp_path / "new.sqlite")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT outcome FROM decisions").fetchall() == [("deferred",)]
    assert db.execute("SELECT owner_list, status FROM action_tracker").fetchone() == (
        '["Clerk"]',
        "open",
    )
    db.close()


def test_newer_register_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(RegisterError, match="newer"):
        Register(path)


def test_status_is_against_today(tmp_path: Path) -> None:
    """The view's status compares with today's date: an action due in the future is open."""
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    with Register(tmp_path / "r.sqlite") as register:
        document = _document(
            "e" * 64,
            "Lowfield Residents Association",
            "2024-02-01",
            ["The Chair to plan the fete."],
            [],
        )
        document["actions"][0]["due"] = {"text": "next month", "value": future, "date": future}
        register.add(document)
    db = sqlite3.connect(tmp_path / "r.sqlite")
    assert db.execute("SELECT status, due_month FROM action_tracker").fetchone() == (
        "open",
        future[:7],
    )
    db.close()
