"""Checks that the hand-written gold files in corpora/ are well-formed and agree with their documents.

The gold files are what the evaluation gate scores against, so a typo in one (a wrong item
number, a due value the scorer can never match, an action text that is not in the document)
silently lowers or inflates the measured quality. These tests catch that.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

CORPORA_DIR = Path(__file__).resolve().parents[1] / "corpora"
GOLD_PATHS = sorted(CORPORA_DIR.glob("*.gold.json")) + sorted(
    CORPORA_DIR.glob("examples/*.gold.json")
)

KINDS = {"minutes", "report", "unknown"}
TOP_LEVEL_KEYS = {"document", "kind", "meeting", "items", "decisions", "actions"}

# due.value shapes of OUTPUT.md: a year (or XXXX when unknown) followed by month, day,
# quarter, season or ISO week; a bare year; or NEXT_MEETING.
DUE_DAY = re.compile(r"(?P<year>\d{4}|XXXX)-(?P<month>\d{2})-(?P<day>\d{2})")
DUE_MONTH = re.compile(r"(?P<year>\d{4}|XXXX)-(?P<month>\d{2})")
DUE_QUARTER = re.compile(r"\d{4}-Q[1-4]")
DUE_SEASON = re.compile(r"\d{4}-(?:SP|SU|FA|WI)")
DUE_WEEK = re.compile(r"(?P<year>\d{4})-W(?P<week>\d{2})")
DUE_YEAR = re.compile(r"\d{4}")


def is_timex_due(value: str) -> bool:
    """True when value has one of the due.value shapes of OUTPUT.md and names a real period."""
    if value == "NEXT_MEETING":
        return True
    if DUE_QUARTER.fullmatch(value) or DUE_SEASON.fullmatch(value) or DUE_YEAR.fullmatch(value):
        return True
    day = DUE_DAY.fullmatch(value)
    if day:
        # Leap-year 29 February is valid for an unknown year, so check it against 2000.
        year = 2000 if day["year"] == "XXXX" else int(day["year"])
        try:
            dt.date(year, int(day["month"]), int(day["day"]))
        except ValueError:
            return False
        return True
    month = DUE_MONTH.fullmatch(value)
    if month:
        return 1 <= int(month["month"]) <= 12
    week = DUE_WEEK.fullmatch(value)
    if week:
        weeks_in_year = dt.date(int(week["year"]), 12, 28).isocalendar()[1]
        return 1 <= int(week["week"]) <= weeks_in_year
    return False


def decode_document(data: bytes) -> str:
    """Decode a corpus document the way its bytes say: UTF-16/UTF-8 BOM, UTF-8, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


BINARY_SUFFIXES = {".pdf", ".docx", ".html", ".htm"}


def document_text(path: Path) -> str:
    """The text of a corpus document: PDF, DOCX and HTML through the library's own readers
    (so binary examples are allowed), anything else decoded from its bytes."""
    data = path.read_bytes()
    if path.suffix.lower() not in BINARY_SUFFIXES:
        return decode_document(data)
    from minutes_parser.readers import ReadOptions, read_bytes

    return read_bytes(data, ReadOptions()).text


def flatten(text: str) -> str:
    """Text with Markdown emphasis, table bars and quote marks dropped and whitespace collapsed."""
    text = re.sub(r"[*`]{1,3}", "", text.replace("\u00a0", " "))
    text = re.sub(r"[|>\\]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def load_gold(path: Path) -> dict[str, Any]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(gold, dict), f"{path.name}: top level is not an object"
    return gold


def gold_id(path: Path) -> str:
    return str(path.relative_to(CORPORA_DIR))


def test_corpora_has_enough_annotated_minutes() -> None:
    minutes = [p for p in GOLD_PATHS if load_gold(p).get("kind") == "minutes"]
    assert len(minutes) >= 10, [p.name for p in GOLD_PATHS]
    assert (CORPORA_DIR / "examples" / "parish-council-2024-03.md.gold.json") in GOLD_PATHS


def test_examples_have_every_format() -> None:
    """corpora/examples/ holds one document a newcomer can try in each binary format."""
    suffixes = {p.suffix for p in (CORPORA_DIR / "examples").iterdir() if p.is_file()}
    assert {".md", ".pdf", ".docx", ".html"} <= suffixes
    assert list((CORPORA_DIR / "examples" / "protected").glob("*.pdf"))
    assert list((CORPORA_DIR / "examples" / "scanned").glob("*.pdf"))


def test_examples_are_what_the_generator_writes(tmp_path: Path) -> None:
    """corpora/generated/generate.py writes the binary examples; the committed bytes are its output."""
    import importlib.util
    import sys

    script = CORPORA_DIR / "generated" / "generate.py"
    spec = importlib.util.spec_from_file_location("corpora_generate_examples", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    written = module.generate_examples(tmp_path)
    assert written
    for path in written:
        relative = path.relative_to(tmp_path)
        committed = CORPORA_DIR / "examples" / relative
        assert committed.is_file(), f"{relative}: run python corpora/generated/generate.py"
        if (
            relative.parts[0] == "scanned"
        ):  # a page image drawn by Pillow: its bytes vary by version
            assert_scan_without_text(committed)
            continue
        assert path.read_bytes() == committed.read_bytes(), (
            f"{relative} differs from the generator's output"
        )


def assert_scan_without_text(path: Path) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        assert len(document) == 1
        assert document[0].get_textpage().get_text_range().strip() == ""
    finally:
        document.close()


def test_scanned_example_needs_ocr() -> None:
    from minutes_parser import MinutesParserError, parse_file

    path = next((CORPORA_DIR / "examples" / "scanned").glob("*.pdf"))
    assert_scan_without_text(path)
    with pytest.raises(MinutesParserError, match="OCR"):
        parse_file(path)


def test_protected_example_needs_its_password() -> None:
    from minutes_parser import MinutesParserError, parse_file

    path = next((CORPORA_DIR / "examples" / "protected").glob("*.pdf"))
    with pytest.raises(MinutesParserError, match="password"):
        parse_file(path)
    assert parse_file(path, password="lowmere").actions


def test_every_document_has_a_gold_file() -> None:
    documents = [
        p
        for p in [*CORPORA_DIR.iterdir(), *(CORPORA_DIR / "examples").iterdir()]
        if p.is_file() and not p.name.endswith(".gold.json") and p.name != "README.md"
    ]
    missing = [p.name for p in documents if not p.with_name(p.name + ".gold.json").exists()]
    assert documents
    assert missing == []


@pytest.mark.parametrize("path", GOLD_PATHS, ids=gold_id)
def test_gold_is_well_formed(path: Path) -> None:
    gold = load_gold(path)
    assert gold.keys() >= TOP_LEVEL_KEYS, f"missing {TOP_LEVEL_KEYS - gold.keys()}"
    assert gold["document"] + ".gold.json" == path.name
    assert (path.parent / gold["document"]).is_file()
    assert gold["kind"] in KINDS

    meeting = gold["meeting"]
    assert isinstance(meeting, dict) and {"body", "date"} <= meeting.keys()
    assert meeting["body"] is None or isinstance(meeting["body"], str)
    if meeting["date"] is not None:
        dt.date.fromisoformat(meeting["date"])

    items = gold["items"]
    assert items is None or isinstance(items, list)
    for item in items or []:
        assert item["number"] is None or isinstance(item["number"], str)
        assert isinstance(item["title"], str) and item["title"].strip()

    for decision in gold["decisions"]:
        assert {"item", "text", "optional"} <= decision.keys()
        assert isinstance(decision["text"], str) and decision["text"].strip()
        assert isinstance(decision["optional"], bool)

    for action in gold["actions"]:
        assert {"item", "text", "owners", "owners_ok", "due", "optional"} <= action.keys()
        assert isinstance(action["text"], str) and action["text"].strip()
        assert isinstance(action["optional"], bool)
        for spellings in action["owners"]:
            assert isinstance(spellings, list) and spellings, action["text"]
            assert all(isinstance(s, str) and s.strip() for s in spellings), action["text"]
        assert all(isinstance(s, str) and s.strip() for s in action["owners_ok"])


@pytest.mark.parametrize("path", GOLD_PATHS, ids=gold_id)
def test_item_references_exist(path: Path) -> None:
    gold = load_gold(path)
    if gold["items"] is None:
        return
    numbers = {item["number"] for item in gold["items"] if item["number"] is not None}
    for entry in gold["decisions"] + gold["actions"]:
        assert entry["item"] is None or entry["item"] in numbers, (entry["item"], entry["text"])


@pytest.mark.parametrize("path", GOLD_PATHS, ids=gold_id)
def test_due_values_have_timex_shapes(path: Path) -> None:
    for action in load_gold(path)["actions"]:
        due = action["due"]
        assert due is None or (isinstance(due, str) and is_timex_due(due)), (due, action["text"])


@pytest.mark.parametrize("path", GOLD_PATHS, ids=gold_id)
def test_annotated_texts_occur_in_the_document(path: Path) -> None:
    gold = load_gold(path)
    document = flatten(document_text(path.parent / gold["document"]))
    texts = [e["text"] for e in gold["decisions"] + gold["actions"]]
    texts += [i["title"] for i in gold["items"] or []]
    missing = [t for t in texts if flatten(t) not in document]
    assert missing == []


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2018-12-15", True),
        ("XXXX-12-15", True),
        ("XXXX-02-29", True),
        ("2018-11", True),
        ("2024-Q4", True),
        ("2019-SU", True),
        ("2018-W43", True),
        ("2020-W53", True),
        ("2018", True),
        ("NEXT_MEETING", True),
        ("2018-02-30", False),
        ("2018-13", False),
        ("2024-Q5", False),
        ("2019-W53", False),
        ("2019-summer", False),
        ("15 December", False),
        ("next meeting", False),
    ],
)
def test_timex_shape_check(value: str, valid: bool) -> None:
    assert is_timex_due(value) is valid
