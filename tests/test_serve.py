"""``minutes-parse serve``: the Datasette metadata matches the register's schema, the canned
queries run, a missing Datasette is one line and exit 2, and, where Datasette is installed, a
real server on a free loopback port answers the JSON API, search, facets and a canned query."""

from __future__ import annotations

import importlib.util
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from minutes_parser import serve
from minutes_parser.batch.register import Register
from minutes_parser.serve import metadata, serve_main

HAS_DATASETTE = importlib.util.find_spec("datasette") is not None


def _document(
    sha: str,
    body: str,
    date: str,
    actions: list[tuple[str, list[str], str | None]],
    decisions: list[tuple[str, str | None]],
) -> dict[str, Any]:
    return {
        "schema_version": "1.1",
        "source": {"path": f"minutes/{sha}.txt", "format": "text", "sha256": sha * 64},
        "kind": "minutes",
        "meeting": {"body": body, "date": date, "attendees": []},
        "items": [],
        "decisions": [
            {"item": "3", "text": text, "outcome": outcome} for text, outcome in decisions
        ],
        "actions": [
            {
                "item": "2",
                "text": text,
                "owners": owners,
                "due": {"text": due, "value": due, "date": due} if due else None,
            }
            for text, owners, due in actions
        ],
        "warnings": [],
    }


@pytest.fixture()
def register_path(tmp_path: Path) -> Path:
    path = tmp_path / "council.sqlite"
    with Register(path) as register:
        register.add(
            _document(
                "a",
                "Fernhill Town Council",
                "2024-02-06",
                [
                    (
                        "The Town Clerk to order replacement litter bins for the market square.",
                        ["The Town Clerk"],
                        "2024-03-01",
                    ),
                    (
                        "Cllr Varga to draft a letter about the bus timetable.",
                        ["Cllr Varga"],
                        "2099-01-31",
                    ),
                ],
                [
                    ("that the grant to the youth club be approved", "carried"),
                    ("to close the public toilets", "lost"),
                ],
            )
        )
        register.add(
            _document(
                "b",
                "Fernhill Town Council",
                "2024-03-05",
                [
                    (
                        "The Town Clerk and Cllr Varga to meet the bus operator.",
                        ["The Town Clerk", "Cllr Varga"],
                        None,
                    ),
                ],
                [("that the budget for 2024/25 be adopted", "carried")],
            )
        )
        register.add(
            _document(
                "c",
                "Fernhill Allotments Association",
                "2024-03-10",
                [
                    ("The Secretary to send out the water rota.", ["The Secretary"], "2024-04-01"),
                ],
                [("to raise plot rents by five per cent", None)],
            )
        )
    return path


def test_metadata_describes_columns_that_exist(register_path: Path) -> None:
    meta = metadata(register_path)
    database = meta["databases"]["council"]
    db = sqlite3.connect(register_path)
    for table, config in database["tables"].items():
        columns = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
        assert columns, f"no table or view {table}"
        assert set(config.get("columns", {})) <= columns, table
        for facet in config.get("facets", []):
            name = facet["array"] if isinstance(facet, dict) else facet
            assert name in columns, (table, facet)
        if "fts_table" in config:
            assert db.execute(f"SELECT count(*) FROM {config['fts_table']}").fetchone()[0] > 0
    assert set(database["tables"]["action_tracker"]["columns"]) == {
        r[1] for r in db.execute("PRAGMA table_info(action_tracker)")
    }
    db.close()


def test_canned_queries_run(register_path: Path) -> None:
    queries = metadata(register_path)["databases"]["council"]["queries"]
    assert set(queries) == {"open_actions_by_owner", "overdue_actions", "decisions_by_month"}
    db = sqlite3.connect(register_path)
    rows = db.execute(queries["open_actions_by_owner"]["sql"], {"owner": "varga"}).fetchall()
    assert [(r[0], r[3]) for r in rows] == [
        ("Cllr Varga", "Cllr Varga to draft a letter about the bus timetable."),
        (
            "Cllr Varga",
            "The Town Clerk and Cllr Varga to meet the bus operator.",
        ),  # no due date: last
    ]
    rows = db.execute(queries["overdue_actions"]["sql"], {"as_of": "2024-03-15"}).fetchall()
    assert [r[2] for r in rows] == [
        "The Town Clerk to order replacement litter bins for the market square."
    ]
    rows = db.execute(queries["decisions_by_month"]["sql"], {"body": "town council"}).fetchall()
    assert [(r[0], r[4]) for r in rows] == [
        ("2024-02", "carried"),
        ("2024-02", "lost"),
        ("2024-03", "carried"),
    ]
    db.close()


def test_without_datasette_one_line_and_exit_2(
    register_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        serve.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "datasette" else real(name, *a),
    )
    assert serve_main(["--db", str(register_path)]) == 2
    err = capsys.readouterr().err
    assert err == "minutes-parse serve: needs Datasette: pip install 'minutes-parser[web]'\n"


def test_missing_register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not HAS_DATASETTE:
        pytest.skip("datasette is not installed (pip install 'minutes-parser[web]')")
    assert serve_main(["--db", str(tmp_path / "none.sqlite")]) == 2
    assert capsys.readouterr().err.strip().endswith("none.sqlite: no such register")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=20) as response:
        return json.loads(response.read())


@pytest.mark.skipif(
    not HAS_DATASETTE, reason="datasette is not installed (pip install 'minutes-parser[web]')"
)
def test_serve_answers_json_api_and_canned_query(
    register_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "minutes_parser.serve",
            "--db",
            str(register_path),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                versions = _get(f"{base}/-/versions.json")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"serve did not start: {process.communicate(timeout=10)[0][-2000:]}"
                    )
                time.sleep(0.1)
        startup = time.perf_counter() - started
        assert "datasette" in versions

        meta = _get(f"{base}/-/metadata.json")
        assert meta["databases"]["council"]["tables"]["action_tracker"]["title"] == "Actions"

        # The tracker view: full-text search and the facets.
        query = urllib.parse.urlencode({"_search": "bus", "_shape": "objects"})
        page = _get(f"{base}/council/action_tracker.json?{query}")
        assert sorted(r["text"] for r in page["rows"]) == [
            "Cllr Varga to draft a letter about the bus timetable.",
            "The Town Clerk and Cllr Varga to meet the bus operator.",
        ]
        facets = page["facet_results"]
        assert {"status", "body", "owner_list", "due_month"} <= set(facets)
        owners = {f["value"]: f["count"] for f in facets["owner_list"]["results"]}
        assert owners == {"Cllr Varga": 2, "The Town Clerk": 1}
        statuses = {f["value"]: f["count"] for f in facets["status"]["results"]}
        assert statuses == {"open": 2}

        decisions = _get(f"{base}/council/decision_log.json?_search=budget&_shape=array")
        assert [d["text"] for d in decisions] == ["that the budget for 2024/25 be adopted"]

        # Canned queries.
        overdue = _get(f"{base}/council/overdue_actions.json?as_of=2024-03-15&_shape=array")
        assert [r["text"] for r in overdue] == [
            "The Town Clerk to order replacement litter bins for the market square."
        ]
        by_owner = _get(f"{base}/council/open_actions_by_owner.json?owner=secretary&_shape=array")
        assert [(r["owner"], r["due"]) for r in by_owner] == [("The Secretary", "2024-04-01")]
        with capsys.disabled():
            print(f"\nminutes-parse serve: answering after {startup:.1f} s")
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_minutes_parse_serve_dispatches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from minutes_parser.cli import main

    code = main(["serve", "--db", str(tmp_path / "none.sqlite")])
    assert code == 2
    err = capsys.readouterr().err
    assert "no such register" in err or "pip install 'minutes-parser[web]'" in err
