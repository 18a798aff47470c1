"""The ``minutes-parse`` command: formats, several inputs, --meeting-date, exit codes, bad input.

Exit status per OUTPUT.md: 0 every input parsed, 1 at least one input failed (the others still
printed, each failure one line "minutes-parse: PATH: reason" on stderr), 2 bad usage.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from minutes_parser.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "corpora" / "examples" / "parish-council-2024-03.md"

BOARD_NOTES = """\
Northfield Community Trust
Minutes of the Board meeting held on Wednesday 6 March 2024 at 6pm, Northfield Library

Present: Ann Kerr (Chair), Mia Shelton (MS), Raj Patel (RP)
Apologies: Tom Lee

1. Minutes of the last meeting
The minutes of the meeting held on 7 February were approved as a correct record.

2. Finance
RP presented the quarterly accounts. The Board approved the budget for 2024/25.
ACTION: MS to send the signed accounts to the auditors by 29 March.

3. Volunteers
Ann Kerr will draft a volunteer expenses policy for the next meeting.
"""

RECIPE = """\
Lemon drizzle cake

Serves 8. Takes about an hour.

Ingredients
- 225g unsalted butter, softened
- 225g caster sugar
- 4 eggs

Method
1. Heat the oven to 180C. Beat the butter and sugar together until pale and creamy.
2. Add the eggs one at a time, then fold in the flour and lemon zest.
3. Bake for 45 minutes. It will keep for three days in a tin.
"""

README_TEXT = """\
# tidy-photos

A small command-line tool that sorts your photos into folders by the date they were taken.

## Installation

You will need Python 3.11 or later. Install it with pip:

    pip install tidy-photos

## Usage

Run `tidy-photos ~/Pictures` and the tool will move each file into a `YYYY/MM` folder.
The program will never delete anything.

## Contributing

Pull requests are welcome. Please open an issue first to discuss what you would like to change.
"""


@pytest.fixture()
def board_notes(tmp_path: Path) -> Path:
    path = tmp_path / "trust_board.txt"
    path.write_text(BOARD_NOTES, encoding="utf-8")
    return path


def run(argv: list[str | Path], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- formats ----------------------------------------------------------------------------------


def test_json_single_input_is_one_object(board_notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["--format", "json", board_notes], capsys)
    assert code == 0, err
    document = json.loads(out)
    assert isinstance(document, dict)
    assert document["schema_version"] == "1.1"
    assert document["source"]["path"] == str(board_notes)  # as given on the command line
    assert document["kind"] == "minutes"
    assert document["meeting"]["date"] == "2024-03-06"
    actions = {a["text"]: a for a in document["actions"]}
    signed = actions["MS to send the signed accounts to the auditors by 29 March."]
    assert signed["owners"] == ["Mia Shelton"]  # initials resolved to the name the document defines
    assert signed["due"]["value"] == "2024-03-29"
    assert any("approved the budget" in d["text"] for d in document["decisions"])


def test_json_several_inputs_is_an_array_in_input_order(board_notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["-f", "json", EXAMPLE, board_notes, EXAMPLE], capsys)
    assert code == 0
    documents = json.loads(out)
    assert isinstance(documents, list)
    assert [d["source"]["path"] for d in documents] == [str(EXAMPLE), str(board_notes), str(EXAMPLE)]


def test_jsonl_one_object_per_line(board_notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["-f", "jsonl", board_notes, EXAMPLE], capsys)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(board_notes), str(EXAMPLE)]


def test_csv_one_row_per_action_across_documents(board_notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, single_json, _ = run(["-f", "json", board_notes, EXAMPLE], capsys)
    expected_actions = sum(len(d["actions"]) for d in json.loads(single_json))
    code, out, _ = run(["-f", "csv", board_notes, EXAMPLE], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == expected_actions
    assert {"source", "meeting_date", "item", "action", "owners", "due_value"} <= set(rows[0])
    signed = next(r for r in rows if r["action"].startswith("MS to send"))
    assert signed == {**signed, "source": str(board_notes), "meeting_date": "2024-03-06", "item": "2",
                      "owners": "Mia Shelton", "due_value": "2024-03-29"}


def test_markdown_summary(board_notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["-f", "markdown", board_notes], capsys)
    assert code == 0
    assert out.startswith("# ")
    assert "- Date: 2024-03-06" in out
    assert "## Actions" in out and "| Item | Action | Owners | Due | Follow-up |" in out
    assert "| 2 | MS to send the signed accounts to the auditors by 29 March. | Mia Shelton | 2024-03-29 (29 March) |" in out


def test_table_is_the_default(board_notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([board_notes], capsys)
    assert code == 0
    assert "Owners" in out and "Due" in out
    assert "Mia Shelton" in out and "2024-03-29" in out
    summary = [line for line in out.splitlines() if line.startswith("minutes: ")]
    assert len(summary) == 1 and "2 actions" in summary[0]


# --- meeting date override ----------------------------------------------------------------------


def test_meeting_date_override_resolves_dues_and_warns(board_notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["-f", "json", "--meeting-date", "2023-03-08", board_notes], capsys)
    assert code == 0
    document = json.loads(out)
    assert document["meeting"]["date"] == "2023-03-08"
    assert document["meeting"]["date_source"] == "override"
    assert any("2024-03-06" in w and "2023-03-08" in w for w in document["warnings"])
    signed = next(a for a in document["actions"] if a["text"].startswith("MS to send"))
    assert signed["due"]["value"] == "2023-03-29"  # a year-less date follows the (overridden) meeting


def test_meeting_date_override_for_undated_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Notes of the allotment committee\n\n1. Water\nThe Secretary to order a new trough by 15 May.\n")
    code, out, _ = run(["-f", "json", "--meeting-date", "2024-04-18", path], capsys)
    assert code == 0
    document = json.loads(out)
    assert document["meeting"]["date"] == "2024-04-18"
    assert [a["due"]["value"] for a in document["actions"]] == ["2024-05-15"]


# --- exit status and bad usage ------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--format", "xml", "x.txt"],
        ["--meeting-date", "13/03/2024", "x.txt"],
        ["--meeting-date", "2024-02-30", "x.txt"],
        ["--no-such-option", "x.txt"],
    ],
)
def test_bad_usage_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: minutes-parse") and "Traceback" not in err


def test_help_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "--format" in out and "--meeting-date" in out and "eval" in out


# --- bad input ----------------------------------------------------------------------------------

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00\x00\x00\x01\x80\x08\x06\x00\x00\x00"


def _bad_inputs(directory: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, words the reason must contain)."""
    rng = __import__("random").Random(2024)
    cases: dict[str, tuple[bytes | None, str]] = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \r\n\t\n\n   \n", "whitespace"),
        "random.bin": (bytes(rng.randrange(256) for _ in range(4096)), "binary"),
        "scan.png": (PNG_HEADER + bytes(rng.randrange(256) for _ in range(2048)), "binary"),
        "nul.txt": (b"Minutes of the meeting\x00 held on\x00\x00 1 May 2024\n" * 4, "binary"),
        "undecodable.txt": (b"Minutes \xc3\x28\xa0\xa1\x81\x8d" * 40, "undecodable"),
        "folder": (None, "directory"),
    }
    out: dict[str, tuple[Path, str]] = {}
    for name, (data, reason) in cases.items():
        path = directory / name
        if data is None:
            path.mkdir()
        else:
            path.write_bytes(data)
        out[name] = (path, reason)
    out["missing.txt"] = (directory / "missing.txt", "no such file")
    return out


@pytest.mark.parametrize(
    "case", ["empty.txt", "blank.txt", "random.bin", "scan.png", "nul.txt", "undecodable.txt", "folder", "missing.txt"]
)
def test_bad_input_is_one_line_exit_1(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, reason = _bad_inputs(tmp_path)[case]
    code, out, err = run(["-f", "json", path], capsys)
    assert code == 1
    assert out == ""  # nothing parsed, nothing printed
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"minutes-parse: {path}: ")
    assert reason in err.lower()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown", "table"])
def test_good_inputs_still_printed_among_bad_ones(
    fmt: str, board_notes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _bad_inputs(tmp_path)
    paths = [bad["empty.txt"][0], board_notes, bad["folder"][0], bad["random.bin"][0], EXAMPLE, bad["missing.txt"][0]]
    code, out, err = run(["-f", fmt, *paths], capsys)
    assert code == 1
    assert "Traceback" not in err
    # The table lists each document's warnings on stderr too ("FILE: 1 warning: ..."); the failures are
    # the lines that start with the program's name.
    error_lines = [line for line in err.splitlines() if line.startswith("minutes-parse: ")]
    assert [line.split(": ")[1] for line in error_lines] == [str(p) for p in paths if p not in (board_notes, EXAMPLE)]
    if fmt == "table":
        # Each document's warnings name the file, as the failures do.
        assert f"{EXAMPLE}: 1 warning: item 116/23: owner 'She' read as" in err
    else:
        assert len(error_lines) == len(err.splitlines())
    if fmt == "json":
        assert [d["source"]["path"] for d in json.loads(out)] == [str(board_notes), str(EXAMPLE)]
    elif fmt == "jsonl":
        assert [json.loads(line)["source"]["path"] for line in out.splitlines()] == [str(board_notes), str(EXAMPLE)]
    elif fmt == "csv":
        sources = {row["source"] for row in csv.DictReader(io.StringIO(out))}
        assert sources == {str(board_notes), str(EXAMPLE)}
    else:
        assert "Mia Shelton" in out and "Hamish Blake" in out


@pytest.mark.parametrize(("name", "text"), [("lemon_drizzle.txt", RECIPE), ("README.md", README_TEXT)])
def test_text_that_is_not_minutes_is_unknown_with_no_actions(
    name: str, text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(["-f", "json", path], capsys)
    assert code == 0
    document = json.loads(out)
    assert document["kind"] == "unknown"
    assert document["actions"] == [] and document["decisions"] == []
    assert document["meeting"]["date"] is None


# --- as a separate process ----------------------------------------------------------------------


def _subprocess(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "minutes_parser", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_subprocess_jsonl_and_exit_status(board_notes: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = _subprocess(["--format", "jsonl", "trust_board.txt", "empty.txt", str(EXAMPLE)], tmp_path)
    assert result.returncode == 1
    assert result.stderr == "minutes-parse: empty.txt: empty file\n"
    documents: list[dict[str, Any]] = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"]["path"] for d in documents] == ["trust_board.txt", str(EXAMPLE)]
    assert all(d["kind"] == "minutes" for d in documents)


def test_subprocess_help(tmp_path: Path) -> None:
    result = _subprocess(["--help"], tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: minutes-parse")
    assert result.stderr == ""


def test_subprocess_reader_closing_the_pipe_is_not_a_traceback(board_notes: Path, tmp_path: Path) -> None:
    # "minutes-parse -f jsonl *.txt | head -1": the reader leaves after the first line.
    paths = [str(board_notes)] + [str(EXAMPLE)] * 40
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes_parser", "-f", "jsonl", *paths],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.wait(timeout=120)
    assert json.loads(first)["source"]["path"] == str(board_notes)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
    assert process.returncode == 1
