"""``minutes-parse batch`` takes the single parse's options, says what failed as it goes, and
parses a small batch without starting a pool; a missing optional package is one line, exit 2."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest

from minutes_parser.batch.engines import AutoEngine, InProcessEngine
from minutes_parser.batch.results import ParseOptions, RunCounters
from minutes_parser.batch.runner import _run
from minutes_parser.batch.sources import SourceDocument, count_sources, iter_sources
from minutes_parser.cli import main

# Fictional minutes without a date anywhere, so --meeting-date decides it.
UNDATED = b"""WILLOWMERE TOWN COUNCIL
Minutes of the Planning Committee

Present: Cllr Priya Nandakumar (Chair), Cllr Owen Tregarthen, Cllr Ruth Halloran

1. Apologies
Apologies were received from Cllr Dev Marchetti.

2. Planning application 24/0412 - rear extension, 3 Mill Lane
RESOLVED that the Committee raises no objection.

3. Footpath 12 signage
The Clerk to write to the county council about the missing fingerpost within two weeks.
"""


def _write(folder: Path) -> tuple[Path, Path]:
    good = folder / "planning.txt"
    good.write_bytes(UNDATED)
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    return good, empty


def test_batch_options_reach_every_document_and_failures_show_as_they_happen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, empty = _write(tmp_path)
    out = tmp_path / "out.jsonl"
    status = main(["batch", str(good), str(empty), "--out", str(out), "--meeting-date", "2024-05-14"])
    assert status == 1
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["meeting"]["date"] == "2024-05-14"
    assert document["meeting"]["date_source"] == "override"
    due = [a["due"]["value"] for a in document["actions"] if a["due"]]
    assert due == ["2024-05-28"]  # "within two weeks" of the given date
    err = capsys.readouterr().err.splitlines()
    assert f"minutes-parse: {empty}: empty file" in err
    assert any("1 failures listed in" in line and "out.errors.jsonl" in line for line in err)
    assert err.index(f"minutes-parse: {empty}: empty file") < len(err) - 1  # before the summary


def test_quiet_batch_still_names_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, empty = _write(tmp_path)
    status = main(["batch", str(empty), "--out", str(tmp_path / "o.jsonl"), "--quiet"])
    assert status == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"minutes-parse: {empty}: empty file"


@pytest.mark.parametrize("subcommand", [[], ["batch", "--out", "o.jsonl"]])
def test_unusable_model_is_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], subcommand: list[str]
) -> None:
    good, _ = _write(tmp_path)
    model = tmp_path / "model.json"
    model.write_text('{"not": "a model"}', encoding="utf-8")
    argv = [*subcommand, str(good), "--model", str(model)]
    if subcommand:
        argv[2] = str(tmp_path / "o.jsonl")
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(model) in err[0] and "Traceback" not in err[0]


def test_missing_dask_is_one_line_with_the_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good, _ = _write(tmp_path)
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    status = main(["batch", str(good), "--out", str(tmp_path / "o.jsonl"), "--engine", "dask"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert err == ["minutes-parse batch: the dask engine needs dask.distributed: pip install 'minutes-parser[dask]'"]


def _auto_run(count: int) -> str | None:
    made: list[str] = []

    def small() -> InProcessEngine:
        made.append("small")
        return InProcessEngine(options=ParseOptions(meeting_date=None))

    def large() -> InProcessEngine:  # stands in for the pool
        made.append("large")
        return InProcessEngine()

    engine = AutoEngine(small, large, small=2)
    sources = [SourceDocument(f"doc{i}.txt", UNDATED + f"\nReference {i}.\n".encode()) for i in range(count)]
    results = list(_run(iter(sources), lambda: engine, register=None, retry_failed=False, counters=RunCounters()))
    assert [r.path for r in results] == [s.path for s in sources]
    assert all(r.ok for r in results)
    assert len(made) == 1
    return engine.chosen


def test_auto_engine_parses_one_or_two_documents_in_process_and_more_in_the_pool() -> None:
    assert _auto_run(1) == "small"
    assert _auto_run(2) == "small"
    assert _auto_run(3) == "large"


def test_counting_inputs_matches_the_walk(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    _write(folder)
    (folder / "sub" / "notes.md").write_bytes(UNDATED)
    (folder / "picture.png").write_bytes(b"\x89PNG")  # not a document name: not taken
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("x/one.txt", UNDATED)
        zf.writestr("../evil.txt", UNDATED)
        zf.writestr("readme.bin", b"skip")
    paths = [str(folder), str(archive), str(tmp_path / "missing.txt")]
    assert count_sources(paths) == len(list(iter_sources(paths))) == 6


def test_train_is_dispatched(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        status = main(["train", "--help"])
    except SystemExit as exc:  # argparse's --help, unless the command catches it
        status = int(exc.code or 0)
    assert status == 0
    assert "minutes-parse train" in capsys.readouterr().out


def test_progress_rate_is_over_the_whole_run_and_eta_follows_from_it() -> None:
    from minutes_parser.cli.batch import rate_and_eta

    assert rate_and_eta(0, None, 0.0) == {"rate": "", "eta": ""}
    assert rate_and_eta(30, None, 10.0) == {"rate": "3.0 docs/s", "eta": ""}  # total still counting
    assert rate_and_eta(30, 5030, 10.0) == {"rate": "3.0 docs/s", "eta": "ETA 0:27:46"}
    assert rate_and_eta(30, 30, 10.0)["eta"] == ""
