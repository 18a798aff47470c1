"""The public library API: cheap import, exported names, frozen typed results, determinism."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import subprocess
import sys
from pathlib import Path

import pytest

import minutes_parser
from minutes_parser import (
    Action,
    AgendaItem,
    AttendanceStatus,
    DocumentKind,
    FollowUpKind,
    Minutes,
    ParagraphKind,
    SourceFormat,
    parse_bytes,
    parse_file,
    parse_text,
)
from minutes_parser.errors import (
    EmptyDocumentError,
    InputError,
    MinutesParserError,
    UnsupportedFormatError,
)

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "corpora" / "examples" / "parish-council-2024-03.md"

HEAVY_MODULES = ("spacy", "dateparser", "rich", "pdfplumber", "pypdfium2", "docx", "selectolax")

MINUTES_TEXT = """\
HOLLY GREEN PARISH COUNCIL
Minutes of the meeting held on Thursday 11 April 2024 at 7pm in the Pavilion

Present: Cllr Sue Hart (Chair), Cllr Ben Ward (BW), Cllr Lily Chen
In attendance: Mrs P Gray (Clerk)

24/31 Playground
The annual inspection found a loose bolt on the zip wire. RESOLVED that the Clerk obtain two
quotes for repairs. BW to check the bark surface by the end of April.

24/32 Date of next meeting: Thursday 9 May 2024
"""


def test_import_does_not_load_heavy_dependencies() -> None:
    probe = (
        "import sys, minutes_parser; "
        f"print(','.join(m for m in {HEAVY_MODULES!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == ""


def test_parsing_does_not_load_spacy() -> None:
    # Sentences come from our own tokens (nlp._tokens), so a parse costs no spaCy import (about a
    # second per process: the CLI on one file, each batch worker).
    probe = (
        "import sys; from minutes_parser import parse_text; "
        f"m = parse_text({MINUTES_TEXT!r}, name='holly-green.txt'); "
        "assert m.actions, 'the probe document parsed to no action'; "
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "False"


def test_all_names_resolve() -> None:
    assert minutes_parser.__all__ == sorted(minutes_parser.__all__, key=lambda n: (not n.isupper(), n))
    for name in minutes_parser.__all__:
        assert getattr(minutes_parser, name) is not None, name
    assert callable(minutes_parser.parse_text) and callable(minutes_parser.minutes_to_dict)
    with pytest.raises(AttributeError):
        _ = minutes_parser.no_such_name


def test_py_typed_marker_is_shipped() -> None:
    assert (Path(minutes_parser.__file__).parent / "py.typed").is_file()


def test_model_enums_are_str_enums() -> None:
    for enum_type in (SourceFormat, DocumentKind, ParagraphKind, AttendanceStatus, FollowUpKind):
        assert issubclass(enum_type, str) and issubclass(enum_type, enum.Enum)
    as_text: str = ParagraphKind.ACTION  # a str enum member is its value wherever a str is expected
    assert as_text == "action" and json.dumps(DocumentKind.MINUTES) == '"minutes"'


def test_parse_text_returns_frozen_minutes() -> None:
    minutes = parse_text(MINUTES_TEXT)
    assert isinstance(minutes, Minutes)
    assert minutes.meeting.date == dt.date(2024, 4, 11)
    assert minutes.meeting.next_meeting == dt.date(2024, 5, 9)
    assert all(isinstance(item, AgendaItem) for item in minutes.items)
    action = next(a for a in minutes.actions if a.text.startswith("BW to check"))
    assert isinstance(action, Action)
    assert [o.name for o in action.owners] == ["Ben Ward"] and action.owners[0].written == "BW"
    assert action.due is not None and (action.due.value, action.due.date) == ("2024-04", dt.date(2024, 4, 30))
    frozen_targets = [minutes, minutes.meeting, minutes.items[0], action, action.owners[0], action.due, action.provenance]
    for value in frozen_targets:
        assert dataclasses.is_dataclass(value)
        field = dataclasses.fields(value)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, field, None)
    assert isinstance(minutes.items, tuple) and isinstance(minutes.actions, tuple)


def test_resolution_that_directs_someone_is_a_decision_and_an_action() -> None:
    minutes = parse_text(MINUTES_TEXT)
    assert any("Clerk obtain two" in d.text for d in minutes.decisions)
    clerk = [a for a in minutes.actions if "Clerk obtain two" in a.text]
    assert len(clerk) == 1 and [o.name for o in clerk[0].owners] == ["the Clerk"]
    assert clerk[0].item == "24/31"


def test_parse_file_and_parse_bytes_agree() -> None:
    from_file = parse_file(EXAMPLE)
    from_bytes = parse_bytes(EXAMPLE.read_bytes(), name=str(EXAMPLE))
    assert from_file == from_bytes  # frozen dataclasses compare by value
    assert from_file.source.path == str(EXAMPLE)
    assert from_file.kind is DocumentKind.MINUTES


def test_parse_text_meeting_date_override() -> None:
    minutes = parse_text(MINUTES_TEXT, meeting_date=dt.date(2024, 4, 12))
    assert minutes.meeting.date == dt.date(2024, 4, 12) and minutes.meeting.date_source == "override"


def test_parsing_is_deterministic() -> None:
    first = minutes_parser.minutes_to_dict(parse_text(MINUTES_TEXT, name="holly_green.txt"))
    second = minutes_parser.minutes_to_dict(parse_text(MINUTES_TEXT, name="holly_green.txt"))
    assert first == second
    example = [minutes_parser.minutes_to_json(parse_file(EXAMPLE)) for _ in range(2)]
    assert example[0] == example[1]


def test_errors_are_typed_and_carry_the_path(tmp_path: Path) -> None:
    with pytest.raises(EmptyDocumentError) as empty:
        parse_bytes(b"  \n", name="blank.txt")
    assert empty.value.path == "blank.txt" and isinstance(empty.value, MinutesParserError)
    with pytest.raises(InputError, match="no such file"):
        parse_file(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="directory"):
        parse_file(tmp_path)
    with pytest.raises(UnsupportedFormatError):
        parse_bytes(b"\x00\x01\x02\x03" * 100, name="blob.bin")
