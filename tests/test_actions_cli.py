"""``minutes-parse actions``: --overdue as of today when --as-of is absent, saying which date;
--open lists open actions whether or not they have a due date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from minutes_parser import parse_text
from minutes_parser.batch.register import Register
from minutes_parser.cli.actions import actions_main

# Fictional minutes: one action due in the past, one with no due date, one done later.
HARTWELL = """HARTWELL VILLAGE HALL COMMITTEE

Minutes of the meeting of Hartwell Village Hall Committee held on 4 March 2024.

Present: Jo Ellis (Chair), Raj Mehta (Treasurer), Sue Burton

1. Roof

Raj Mehta to obtain two quotes for the roof repair by 28 March 2024.

2. Bookings

Sue Burton to update the booking calendar.
"""


@pytest.fixture()
def register_path(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    with Register(path) as register:
        assert register.add(parse_text(HARTWELL, name="hartwell_2024-03-04.txt"))
    return path


def test_overdue_without_as_of_uses_today_and_says_so(
    register_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert actions_main(["--db", str(register_path), "--overdue", "--format", "json"]) == 0
    captured = capsys.readouterr()
    today = dt.date.today().isoformat()
    assert f"minutes-parse actions: overdue as of {today} (today;" in captured.err
    assert [a["text"] for a in json.loads(captured.out)] == [
        "Raj Mehta to obtain two quotes for the roof repair by 28 March 2024."
    ]
    assert actions_main(["--db", str(register_path), "--overdue", "--as-of", "2024-03-01", "-f", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert captured.err.strip() == "minutes-parse actions: overdue as of 2024-03-01"


def test_open_lists_actions_without_a_due_date(register_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert actions_main(["--db", str(register_path), "--open", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["text"]: r["due"]["value"] if r["due"] else None for r in rows} == {
        "Raj Mehta to obtain two quotes for the roof repair by 28 March 2024.": "2024-03-28",
        "Sue Burton to update the booking calendar.": None,
    }
