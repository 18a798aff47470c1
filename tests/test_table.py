"""The default table a clerk reads: items with titles, one name per owner, due words and values,
warnings listed in full, a decisions view, and legible at 80 columns."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from minutes_parser import parse_file, parse_text
from minutes_parser.cli.main import main
from minutes_parser.export.markdown import minutes_to_markdown
from minutes_parser.export.table import (
    OwnerLabels,
    owner_label,
    print_action_table,
    short_title,
    warnings_text,
)

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
HOLLOWAY = CORPORA / "parish_council_2024-07-09.md"
TRUSTEES = CORPORA / "trustees_2024-06-01.rst"

# Fictional notes without a meeting date: a pronoun owner and a due date with no year (both
# guesses), and the Secretary written two ways.
ALLOTMENT = """MILLBROOK ALLOTMENT SOCIETY

Committee meeting notes

Present: Ann Rowe (Chair), Tom Vale (Secretary), Priya Shah

1. Water troughs

Tom Vale reported that two troughs leak. He will ask the plumber for a price by 15 December.

2. Shed rota

the secretary to circulate the rota. The Secretary to book the hall.
"""


def _render(minutes, show: str = "actions", width: int = 80) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    out = Console(width=width, record=True, file=open(os.devnull, "w"), color_system=None)  # noqa: SIM115
    err = Console(width=width, record=True, file=open(os.devnull, "w"), color_system=None)  # noqa: SIM115
    print_action_table(minutes, out, err, show=show)
    return out.export_text(), err.export_text()


@pytest.fixture(scope="module")
def holloway():  # type: ignore[no-untyped-def]
    return parse_file(str(HOLLOWAY))


def test_owner_label_drops_the_and_unifies_case() -> None:
    assert owner_label("The Clerk") == "Clerk"
    assert owner_label("the Clerk") == "Clerk"
    assert owner_label("the  clerk") == "Clerk"
    assert owner_label("officers") == "Officers"
    assert owner_label("Theo Marsh") == "Theo Marsh"
    assert owner_label("Cllr Ann Price") == "Cllr Ann Price"
    labels = OwnerLabels()
    assert {labels(n) for n in ("The Clerk", "the Clerk", "the clerk", "Clerk")} == {"Clerk"}
    assert labels("the Director of Public Health") == labels("The Director of public health")


def test_short_title_cuts_at_a_word() -> None:
    assert short_title("Finance") == "Finance"
    title = short_title("Disposal of Former Depot, Station Road, Hallowfield and the adjoining land", 30)
    assert title.endswith("…") and len(title) <= 31 and title.startswith("Disposal of Former Depot")


def test_table_at_80_columns(holloway) -> None:  # type: ignore[no-untyped-def]
    text, err = _render(holloway)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    # Item number and short title.
    assert any(line.startswith("43/24") and "County and District" in line for line in lines)
    assert any(line.startswith("45/24") and "Planning" in line for line in lines)
    # The action text is not squeezed: its column is at least 24 characters wide.
    header = next(line for line in lines if line.startswith("Item"))
    assert header.index("Owners") - header.index("Action") >= 24
    # Owners: "The Clerk" shown as "Clerk", never with "The".
    owners_at = header.index("Owners")
    owner_cells = {line[owners_at : owners_at + 12].strip() for line in lines}
    assert "Clerk" in owner_cells and not any(c.startswith("The Clerk") for c in owner_cells)
    # Due: the minutes' words, then the resolved value.
    assert "19 July →" in text and "2024-07-19" in text
    # One action has a follow-up, so the column is there, and nothing is cropped at the right.
    assert "Follow-up" in header
    assert any(line.rstrip().endswith("agenda item") for line in lines)
    words = text.split()
    for action in holloway.actions:
        assert set(action.text.split()) <= set(words), action.text
    # The guessed owner is marked on its row and the warning is listed in full on stderr.
    assert any("Wainwright *" in line for line in lines)
    assert "* guessed by the parser: see the warnings" in text
    assert "1 warning" in text.splitlines()[-1]
    assert (
        "1 warning: item 43/24: owner 'He' read as 'County Cllr Wainwright', the subject of the sentence before"
        in " ".join(err.split())
    )


def test_no_follow_up_column_when_no_action_has_one() -> None:
    text, err = _render(parse_file(str(TRUSTEES)))
    assert "Follow-up" not in text
    assert "Action" in text and "Due" in text
    assert err == ""
    assert "2024-07-15" in text and "15 July →" in text


def test_guessed_owner_and_due_are_marked_and_every_warning_listed() -> None:
    minutes = parse_text(ALLOTMENT)
    text, err = _render(minutes)
    row = next(line for line in text.splitlines() if "He will ask" in line)
    assert "Tom Vale *" in row and "XXXX-12-15 *" in text
    assert err.startswith("<text>: 2 warnings:\n")
    assert "  - item 1: owner 'He' read as 'Tom Vale'" in err
    assert "  - due date '15 December' has no year and the meeting date is unknown" in err
    # "the secretary" and "The Secretary" are one owner, written one way.
    owners_at = next(line for line in text.splitlines() if line.startswith("Item")).index("Owners")
    secretaries = {line[owners_at:].split()[0] for line in text.splitlines() if "Secretary" in line[owners_at:]}
    assert secretaries == {"Secretary"}
    assert "secretary" not in text.replace("the secretary to", "").replace("The Secretary to", "")


def test_warnings_text_never_only_a_count() -> None:
    assert warnings_text(()) == ""
    assert warnings_text(("a",)) == "1 warning: a"
    assert warnings_text(("a", "b")) == "2 warnings:\n  - a\n  - b"
    assert warnings_text(("a",), "notes.txt") == "notes.txt: 1 warning: a"


def test_decisions_table_with_outcome_and_votes(holloway) -> None:  # type: ignore[no-untyped-def]
    text, _ = _render(holloway, show="decisions")
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    header = next(line for line in lines if line.startswith("Item"))
    assert "Decision" in header and "Outcome" in header and "Votes" in header
    assert "Action " not in header
    row = next(line for line in lines if "The minutes of the meeting held on 11" in line)
    assert "carried" in row and "moved Cllr Mayhew," in row
    assert any(line.startswith("40/24") and "Minutes of the previous meeting" in line for line in lines)
    both, _ = _render(holloway, show="all")
    assert both.count("Item ") == 2


def test_cli_table_on_stdout_and_warnings_on_stderr() -> None:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "minutes_parser", str(HOLLOWAY), "--show", "all"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert max(len(line) for line in done.stdout.splitlines()) <= 80
    assert "Follow-up" in done.stdout and "Outcome" in done.stdout
    assert done.stderr.startswith(f"{HOLLOWAY}: 1 warning: item 43/24: owner 'He' read as 'County Cllr Wainwright'")
    assert "read as" not in done.stdout


def test_show_is_for_the_table_only(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["--show", "decisions", "-f", "json", str(TRUSTEES)])
    assert usage.value.code == 2
    assert "--show applies to the table format only" in capsys.readouterr().err


def test_a_document_without_actions_says_so() -> None:
    minutes = parse_text(
        "KNOWLE GREEN RESIDENTS' ASSOCIATION\n\nNotes of the meeting held on 2 May 2024.\n\n"
        "1. Summer fete\n\nThe fete raised £412 for the playground fund. RESOLVED that the fete be held again.\n"
    )
    text, _ = _render(minutes, show="all")
    assert "2024-05-02" in text and ": no actions found" in text
    assert "Action " not in text and "Decision" in text


def test_markdown_writes_owners_one_way_and_marks_guesses_like_the_table() -> None:
    text = minutes_to_markdown(parse_text(ALLOTMENT))
    rows = [line.split(" | ") for line in text.splitlines() if line.startswith("| ")]
    owners = {cells[2] for cells in rows if "ecretary" in cells[2]}
    assert owners == {"Secretary"}  # "the secretary" and "The Secretary" are one owner
    row = next(line for line in text.splitlines() if "He will ask" in line)
    assert "Tom Vale *" in row and "XXXX-12-15 (15 December) *" in row
    assert "* guessed by the parser: see the warnings." in text
    assert "## Warnings" in text and "owner 'He' read as 'Tom Vale'" in text
