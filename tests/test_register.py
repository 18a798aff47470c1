"""The SQLite action register: storage once per content hash, the action filters, NEXT_MEETING
resolution against the register, done flags, iCalendar output, and the actions command."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from minutes_parser.batch import Register, RegisterError, parse_many
from minutes_parser.batch.register import SCHEMA_VERSION
from minutes_parser.cli.actions import actions_main

MARCH = """WESTBURY PARISH COUNCIL

Minutes of the meeting of Westbury Parish Council held on 5 March 2024 at the Village Hall.

Present: Cllr Ann Price (Chair), Cllr Bob Lee, Cllr Cat Moss
Apologies: Cllr Dan Hart

1. Footpaths

The Clerk to report back on the footpath survey to the next meeting.
Cllr Lee to obtain quotes for the bench repair by 31 March 2024.

2. Playground

RESOLVED that the playground inspection report be accepted.
"""

APRIL = """WESTBURY PARISH COUNCIL

Minutes of the meeting of Westbury Parish Council held on 9 April 2024 at the Village Hall.

Present: Cllr Ann Price (Chair), Cllr Bob Lee

1. Footpaths

The footpath survey was received. Cllr Moss to write to the landowner by 30 April 2024.
"""

OTHER_BODY = """ESTON VILLAGE HALL COMMITTEE

Minutes of the meeting of Eston Village Hall Committee held on 20 March 2024.

1. Heating

The Secretary to book the boiler service by 15 April 2024.
"""


@pytest.fixture()
def register_path(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "westbury_2024-03-05.txt").write_text(MARCH)
    (folder / "westbury_2024-04-09.txt").write_text(APRIL)
    (folder / "eston_2024-03-20.txt").write_text(OTHER_BODY)
    path = tmp_path / "register.sqlite"
    with Register(path) as register:
        results = list(parse_many([str(folder)], register=register))
    assert [r.error for r in results] == [None, None, None]
    return path


def _texts(records: list) -> list[str]:  # type: ignore[type-arg]
    return [r.text for r in records]


def test_schema_tables_indexes_and_version(register_path: Path) -> None:
    db = sqlite3.connect(register_path)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"meetings", "attendees", "items", "decisions", "actions", "sources", "errors"} <= tables
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"meetings_body_date", "actions_due", "action_owners_name"} <= indexes
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT COUNT(*) FROM attendees").fetchone()[0] >= 5
    db.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(RegisterError, match="newer"):
        Register(path)


def test_next_meeting_due_takes_the_next_meeting_of_the_same_body(register_path: Path) -> None:
    with Register(register_path) as register:
        [record] = register.actions(owner="clerk")
    assert record.due_value == "NEXT_MEETING" and record.due_date is None
    assert record.effective_due == "2024-04-09"
    assert record.body == "Westbury Parish Council" and record.meeting_date == "2024-03-05"


def test_filters(register_path: Path) -> None:
    with Register(register_path) as register:
        assert len(register.actions()) == 4
        assert _texts(register.actions(owner="LEE")) == [
            "Cllr Lee to obtain quotes for the bench repair by 31 March 2024."
        ]
        assert {r.body for r in register.actions(body="westbury")} == {"Westbury Parish Council"}
        assert len(register.actions(body="westbury")) == 3
        before = register.actions(due_before=dt.date(2024, 4, 10))
        assert [r.effective_due for r in before] == ["2024-03-31", "2024-04-09"]
        overdue = register.actions(overdue_as_of=dt.date(2024, 4, 16))
        assert [r.effective_due for r in overdue] == ["2024-03-31", "2024-04-09", "2024-04-15"]
        lee = register.actions(owner="Lee")[0]
        assert register.mark_done(lee.id)
        assert not register.mark_done(10_000)
        assert lee.id not in [r.id for r in register.actions(overdue_as_of=dt.date(2024, 4, 16))]
        assert lee.id not in [r.id for r in register.actions(open=True)]
        assert register.actions(owner="Lee")[0].done


def test_same_document_twice_is_stored_once_with_both_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(APRIL)
    (tmp_path / "copy-of-a.txt").write_text(APRIL)
    with Register(tmp_path / "r.sqlite") as register:
        results = list(
            parse_many(
                [str(tmp_path / "a.txt"), str(tmp_path / "copy-of-a.txt")], register=register
            )
        )
        assert results[1].duplicate_of == str(tmp_path / "a.txt")
        assert results[0].minutes is not None
        assert not register.add(results[0].minutes, path="elsewhere/a.txt")
        assert register.counts()["meetings"] == 1
        sha = results[0].sha256
        assert sha is not None
        assert register.sources(sha) == [
            str(tmp_path / "a.txt"),
            str(tmp_path / "copy-of-a.txt"),
            "elsewhere/a.txt",
        ]


def test_added_documents_are_visible_before_they_are_written(tmp_path: Path) -> None:
    (tmp_path / "march.txt").write_text(MARCH)
    [result] = parse_many([str(tmp_path / "march.txt")])
    assert result.minutes is not None and result.sha256 is not None
    path = tmp_path / "r.sqlite"
    with Register(path) as register:
        assert register.add(result.minutes)
        # Buffered, not yet committed: lookups in this process see it, another connection does not.
        assert register.has(result.sha256)
        stored = register.stored(result.sha256)
        assert stored is not None and stored.n_actions == 2
        assert not register.add(result.minutes, path="copy/march.txt")
        other = sqlite3.connect(path)
        assert other.execute("SELECT COUNT(*) FROM meetings").fetchone()[0] == 0
        assert [r.owners for r in register.actions(owner="Lee")] == [("Cllr Bob Lee",)]
        register.commit()
        assert other.execute("SELECT COUNT(*) FROM meetings").fetchone()[0] == 1
        other.close()
        assert register.sources(result.sha256) == [str(tmp_path / "march.txt"), "copy/march.txt"]


def test_a_write_that_fails_half_way_leaves_no_partial_meeting(tmp_path: Path) -> None:
    (tmp_path / "march.txt").write_text(MARCH)
    (tmp_path / "april.txt").write_text(APRIL)
    march, april = parse_many([str(tmp_path / "march.txt"), str(tmp_path / "april.txt")])
    assert march.minutes is not None and april.minutes is not None and march.sha256
    with Register(tmp_path / "r.sqlite") as register:
        assert register.add(march.minutes)
        # Break the buffered attendee rows, as a failing disk would break the write: the meeting
        # row goes in first, then the attendees fail.
        pending = register._pending[march.sha256]
        register._pending[march.sha256] = pending._replace(
            rows=pending.rows._replace(attendees=[("only a name",)])
        )
        with pytest.raises(sqlite3.ProgrammingError):
            register.commit()
        assert register.counts()["meetings"] == 0  # the meeting row was rolled back too
        assert register.add(april.minutes)
        register.commit()
        assert register.counts()["meetings"] == 1
        assert not register.has(march.sha256)  # not stored: a later run parses it again


def test_two_registers_on_one_file_keep_ids_apart_and_documents_single(tmp_path: Path) -> None:
    for name, text in (("march.txt", MARCH), ("april.txt", APRIL), ("eston.txt", OTHER_BODY)):
        (tmp_path / name).write_text(text)
    march, april, eston = parse_many(
        [str(tmp_path / n) for n in ("march.txt", "april.txt", "eston.txt")]
    )
    path = tmp_path / "r.sqlite"
    first, second = Register(path), Register(path)
    try:
        assert first.add(march.minutes) and first.add(april.minutes)  # type: ignore[arg-type]
        # The second connection adds the same March minutes and others before the first commits.
        assert second.add(march.minutes) and second.add(eston.minutes)  # type: ignore[arg-type]
        first.commit()
        second.commit()  # finds March stored by the other connection: stores only Eston
        counts = second.counts()
        assert counts["meetings"] == 3
        assert counts["actions"] == 4
        db = sqlite3.connect(path)
        orphans = db.execute(
            "SELECT COUNT(*) FROM actions a LEFT JOIN meetings m ON m.id = a.meeting_id WHERE m.id IS NULL"
        ).fetchone()[0]
        owners = db.execute("SELECT COUNT(*) FROM action_owners").fetchone()[0]
        db.close()
        assert orphans == 0 and owners == 4
        assert {r.body for r in first.actions()} == {
            "Westbury Parish Council",
            "Eston Village Hall Committee",
        }
    finally:
        first.close()
        second.close()


def test_failure_then_success_clears_the_error(tmp_path: Path) -> None:
    with Register(tmp_path / "r.sqlite") as register:
        register.add_error("x.txt", "empty file", "ab" * 32)
        register.add_error("x.txt", "empty file", "ab" * 32)  # recorded once per path and content
        assert [(e.path, e.reason) for e in register.errors()] == [("x.txt", "empty file")]
        assert register.failure("ab" * 32) == "empty file"


def test_actions_command_json_and_overdue_rules(
    register_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        actions_main(
            ["--db", str(register_path), "--format", "json", "--body", "Westbury", "--open"]
        )
        == 0
    )
    payload = json.loads(capsys.readouterr().out)
    assert len(payload) == 3
    clerk = next(a for a in payload if a["owners"] == ["The Clerk"])
    assert clerk["meeting"]["body"] == "Westbury Parish Council"
    assert clerk["meeting"]["date"] == "2024-03-05"
    assert clerk["meeting"]["path"].endswith("westbury_2024-03-05.txt")
    assert clerk["due"]["value"] == "NEXT_MEETING" and clerk["effective_due"] == "2024-04-09"
    with pytest.raises(SystemExit) as usage:
        actions_main(["--db", str(register_path), "--as-of", "2024-04-01"])  # without --overdue
    assert usage.value.code == 2
    assert (
        actions_main(
            ["--db", str(register_path), "--overdue", "--as-of", "2024-04-01", "--format", "csv"]
        )
        == 0
    )
    rows = capsys.readouterr().out.strip().splitlines()
    assert len(rows) == 2 and "bench repair" in rows[1]


def test_actions_command_mark_done(register_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Register(register_path) as register:
        action_id = register.actions(owner="Moss")[0].id
    assert actions_main(["--db", str(register_path), "--mark-done", str(action_id)]) == 0
    assert (
        actions_main(["--db", str(register_path), "--open", "--owner", "Moss", "--format", "json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out) == []
    assert actions_main(["--db", str(register_path), "--mark-done", "99999"]) == 1


def test_ics_output_parses_with_icalendar(
    register_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    icalendar = pytest.importorskip("icalendar")
    assert actions_main(["--db", str(register_path), "--format", "ics"]) == 0
    calendar = icalendar.Calendar.from_ical(capsysbinary.readouterr().out)
    todos = calendar.walk("VTODO")
    assert len(todos) == 4
    dues = sorted(todo.decoded("due") for todo in todos)
    assert dues == [
        dt.date(2024, 3, 31),
        dt.date(2024, 4, 9),
        dt.date(2024, 4, 15),
        dt.date(2024, 4, 30),
    ]
    assert all(str(todo["status"]) == "NEEDS-ACTION" for todo in todos)
    assert len({str(todo["uid"]) for todo in todos}) == 4


def test_resumed_document_found_elsewhere_reports_its_new_path(tmp_path: Path) -> None:
    first, moved = tmp_path / "2024" / "april.txt", tmp_path / "moved" / "april.txt"
    for path in (first, moved):
        path.parent.mkdir()
        path.write_text(APRIL)
    with Register(tmp_path / "r.sqlite") as register:
        [parsed] = list(parse_many([str(first)], register=register, keep_minutes=False))
        [again] = list(parse_many([str(first)], register=register))
        [elsewhere] = list(parse_many([str(moved)], register=register))
        assert again.from_register and again.to_json() == parsed.to_json()
        assert elsewhere.from_register and elsewhere.minutes is None
        document = elsewhere.to_dict()
        assert document is not None and document["source"]["path"] == str(moved)
        assert json.loads(elsewhere.to_json() or "")["source"]["path"] == str(moved)
        assert elsewhere.counts() == parsed.counts() == (1, 0)
        assert register.sources(parsed.sha256 or "") == [str(first), str(moved)]
