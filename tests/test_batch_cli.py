"""``minutes-parse batch`` end to end on small folders and archives built from corpora/.

One scenario covers a folder, a zip holding a duplicate and unsafe members, corrupt files among
good ones, the errors file, the register, and a resumed run that parses nothing.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from minutes_parser.batch.engines import DaskEngine, InProcessEngine
from minutes_parser.batch.runner import RunCounters, _run
from minutes_parser.batch.sources import iter_sources
from minutes_parser.cli.batch import batch_main

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
DOCS = [
    CORPORA / "parish_council_2024-07-09.md",
    CORPORA / "board_notes_2023-11-22.txt",
    CORPORA / "trustees_2024-06-01.rst",
    CORPORA / "village_hall_committee_2024-01-23.txt",
]


def _summary(stderr: str) -> dict[str, int]:
    match = re.search(
        r"(\d+) documents \((\d+) parsed, (\d+) from the register, (\d+) duplicates\).*?(\d+) failures",
        stderr,
    )
    assert match, stderr
    keys = ("documents", "parsed", "from_register", "duplicates", "failures")
    return dict(zip(keys, map(int, match.groups()), strict=True))


@pytest.fixture()
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "in"
    (folder / "2024").mkdir(parents=True)
    for doc in DOCS[:3]:
        (folder / "2024" / doc.name).write_bytes(doc.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage garbage")
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("old/" + DOCS[0].name, DOCS[0].read_bytes())  # same bytes as a folder file
        zf.writestr("old/" + DOCS[3].name, DOCS[3].read_bytes())
        zf.writestr("../evil.md", b"# escaped\n\nAlex to escape.\n")
        zf.writestr("/abs-evil.md", b"# escaped\n\nAlex to escape.\n")
    return folder, archive


def test_batch_end_to_end_failures_duplicates_and_resume(
    tmp_path: Path, inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, archive = inputs
    out, db = tmp_path / "out.jsonl", tmp_path / "register.sqlite"
    argv = [
        str(folder),
        str(archive),
        "--out",
        str(out),
        "--db",
        str(db),
        "--jobs",
        "2",
        "--timeout",
        "60",
    ]

    assert batch_main(argv) == 1  # some inputs failed
    first = _summary(capsys.readouterr().err)
    assert first == {
        "documents": 4,
        "parsed": 4,
        "from_register": 0,
        "duplicates": 1,
        "failures": 4,
    }

    documents = [json.loads(line) for line in out.read_text().splitlines()]
    paths = [d["source"]["path"] for d in documents]
    # Command-line order; names sorted within a folder; member order within an archive.
    assert paths == [str(folder / "2024" / d.name) for d in sorted(DOCS[:3])] + [
        f"{archive}!old/{DOCS[3].name}"
    ]
    assert all(d["actions"] for d in documents)
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert {e["path"] for e in errors} == {
        str(folder / "broken.pdf"),
        str(folder / "empty.txt"),
        f"{archive}!../evil.md",
        f"{archive}!/abs-evil.md",
    }
    assert not (tmp_path / "evil.md").exists() and not Path("/abs-evil.md").exists()

    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM meetings").fetchone()[0] == 4
        duplicate_paths = con.execute(
            "SELECT path FROM sources WHERE sha256 = (SELECT sha256 FROM meetings WHERE path LIKE ?) ORDER BY path",
            (f"%2024/{DOCS[0].name}",),
        ).fetchall()
        assert sorted(p for (p,) in duplicate_paths) == sorted(
            [str(folder / "2024" / DOCS[0].name), f"{archive}!old/{DOCS[0].name}"]
        )
        assert con.execute("SELECT COUNT(*) FROM errors").fetchone()[0] == 4
        stored_actions = con.execute("SELECT COUNT(*) FROM actions").fetchone()[0]
    assert stored_actions == sum(len(d["actions"]) for d in documents)

    # Resume: nothing parsed again, same output, failures still reported.
    first_output = out.read_text()
    assert batch_main(argv) == 1
    second = _summary(capsys.readouterr().err)
    assert second == {
        "documents": 4,
        "parsed": 0,
        "from_register": 4,
        "duplicates": 1,
        "failures": 4,
    }
    assert out.read_text() == first_output

    # CSV from the register alone: one row per action.
    csv_out = tmp_path / "actions.csv"
    assert (
        batch_main([str(folder), str(archive), "--out", str(csv_out), "--db", str(db), "--quiet"])
        == 1
    )
    rows = list(csv.reader(csv_out.open()))
    assert rows[0][:3] == ["source", "meeting_date", "body"]
    assert len(rows) - 1 == stored_actions


def test_all_good_exit_zero_and_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_bytes(DOCS[0].read_bytes())
    out = tmp_path / "out.jsonl"
    assert batch_main([str(tmp_path / "a.md"), "--out", str(out), "--jobs", "1"]) == 0
    assert _summary(capsys.readouterr().err)["parsed"] == 1
    assert (tmp_path / "out.errors.jsonl").read_text() == ""
    with pytest.raises(SystemExit) as usage:
        batch_main([str(tmp_path), "--out", str(tmp_path / "out.txt")])
    assert usage.value.code == 2


def test_dask_engine_gives_identical_results(inputs: tuple[Path, Path]) -> None:
    pytest.importorskip("distributed")
    folder, archive = inputs
    paths = [str(folder), str(archive)]
    local = list(
        _run(
            iter_sources(paths),
            InProcessEngine,
            register=None,
            retry_failed=False,
            counters=RunCounters(),
        )
    )
    dask = list(
        _run(
            iter_sources(paths),
            lambda: DaskEngine(2, processes=False, timeout=60),
            register=None,
            retry_failed=False,
            counters=RunCounters(),
        )
    )
    assert [(r.path, r.error, r.duplicate_of) for r in dask] == [
        (r.path, r.error, r.duplicate_of) for r in local
    ]
    assert [r.minutes for r in dask] == [r.minutes for r in local]
    assert sum(r.minutes is not None for r in dask) == 4


def _slow_task(
    name: str, data: bytes, encoded: bool = False
) -> tuple[object, str | None, int, str]:
    from minutes_parser.batch.worker import parse_document_task

    if "slow" in name:
        time.sleep(6)  # finishes on its own: dask cannot interrupt a running task thread
    return parse_document_task(name, data, encoded)


def test_dask_timeout_reports_the_slow_document_and_keeps_the_others(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    for name in ("a.md", "slow.md", "c.md"):
        (tmp_path / name).write_bytes(DOCS[0].read_bytes() + name.encode())
    paths = [str(tmp_path / n) for n in ("a.md", "slow.md", "c.md")]
    results = list(
        _run(
            iter_sources(paths),
            lambda: DaskEngine(2, processes=False, timeout=2, task=_slow_task),
            register=None,
            retry_failed=False,
            counters=RunCounters(),
        )
    )
    assert [r.path for r in results] == paths
    assert "timed out after 2 s" in (results[1].error or "")
    assert results[0].ok and results[2].ok
