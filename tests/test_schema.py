"""The JSON output against its contract: the shipped JSON Schema, OUTPUT.md's fields and types,
source hashes, and provenance that points at the paragraph a fact was read from.

Runs over every document in corpora/ and, where the shared development set sits beside the
checkout, over ../shared/seeds and the .md/.rst/.txt documents of ../shared/corpus.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pytest

jsonschema = pytest.importorskip("jsonschema")

from minutes_parser.core import parse_file  # noqa: E402
from minutes_parser.export.json import minutes_to_dict, minutes_to_json, schema  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"
SHARED = REPO / ".." / "shared"
TEXT_SUFFIXES = (".md", ".rst", ".txt")


def _documents_in(directory: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    return sorted(
        p
        for p in directory.iterdir()
        if p.is_file()
        and not p.name.endswith(".gold.json")
        and p.name != "README.md"
        and (suffixes is None or p.suffix in suffixes)
    )


def _params() -> list[Any]:
    params: list[Any] = [pytest.param(p, id=f"corpora/{p.relative_to(CORPORA)}") for p in _documents_in(CORPORA)]
    params += [pytest.param(p, id=f"corpora/examples/{p.name}") for p in _documents_in(CORPORA / "examples")]
    for name, suffixes in (("seeds", None), ("corpus", TEXT_SUFFIXES)):
        directory = SHARED / name
        if directory.is_dir():
            params += [pytest.param(p, id=f"shared/{name}/{p.name}") for p in _documents_in(directory, suffixes)]
        else:
            params.append(pytest.param(None, id=f"shared/{name}", marks=pytest.mark.skip(reason=f"{directory} is absent")))
    return params


DOCUMENTS = _params()


@cache
def parsed(path: Path) -> dict[str, Any]:
    return minutes_to_dict(parse_file(path))


@lru_cache(maxsize=1)
def validator() -> Any:
    shipped = schema()
    jsonschema.Draft202012Validator.check_schema(shipped)
    return jsonschema.Draft202012Validator(shipped)


def test_schema_is_shipped_in_the_package_and_is_draft_2020_12() -> None:
    path = REPO / "src" / "minutes_parser" / "schema" / "minutes-1.1.schema.json"
    shipped = schema()
    assert json.loads(path.read_text(encoding="utf-8")) == shipped
    assert shipped["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert shipped["properties"]["schema_version"] == {"const": "1.1"}
    validator()  # check_schema raises on a malformed schema


def test_schema_rejects_output_that_breaks_the_contract() -> None:
    good = parsed(CORPORA / "examples" / "parish-council-2024-03.md")
    assert validator().is_valid(good)
    mutations: list[Callable[[dict[str, Any]], object]] = [
        lambda d: d.pop("actions"),
        lambda d: d.__setitem__("schema_version", "2.0"),
        lambda d: d["source"].__setitem__("format", "odt"),
        lambda d: d["meeting"].__setitem__("date", "13/03/2024"),
        lambda d: d["actions"][0].__setitem__("owners", "The Clerk"),
        lambda d: d["actions"][0].__setitem__("due", {"text": "soon", "value": "soonish", "date": None}),
        lambda d: d["items"][0]["paragraphs"][0].__setitem__("kind", "minute"),
        lambda d: d["decisions"][0].__setitem__("outcome", "passed"),
        lambda d: d["decisions"][0].pop("votes"),
        lambda d: d["decisions"][0].__setitem__("votes", {"for": "five", "against": 0, "abstain": None, "named": None, "mover": None, "seconder": None}),
        lambda d: d["decisions"][0].__setitem__("votes", {"for": 5, "against": 0, "abstain": None, "named": {"for": "Hale"}, "mover": None, "seconder": None}),
        lambda d: d.__setitem__("kind", "agendas"),
    ]
    broken: list[dict[str, Any]] = []
    for mutate in mutations:
        document = copy.deepcopy(good)
        mutate(document)
        broken.append(document)
    assert [validator().is_valid(d) for d in broken] == [False] * len(broken)


@pytest.mark.parametrize("path", DOCUMENTS)
def test_output_validates_against_the_shipped_schema(path: Path) -> None:
    document = parsed(path)
    errors = sorted(validator().iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    assert json.loads(minutes_to_json(parse_file(path))) == document  # plain JSON types only


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _optional(value: Any, kind: type) -> bool:
    return value is None or isinstance(value, kind)


def _iso_or_none(value: Any) -> bool:
    if value is None:
        return True
    if not (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        return False
    dt.date.fromisoformat(value)
    return True


@pytest.mark.parametrize("path", DOCUMENTS)
def test_output_has_the_output_md_fields_with_their_types(path: Path) -> None:
    document = parsed(path)
    assert document["schema_version"] == "1.1"
    source = document["source"]
    assert source["path"] == str(path)
    assert source["format"] in {"text", "moderngov", "docx", "pdf", "html"}
    assert source["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document["kind"] in {"minutes", "report", "agenda", "unknown"}

    meeting = document["meeting"]
    assert _optional(meeting["body"], str) and _optional(meeting["venue"], str)
    assert _iso_or_none(meeting["date"])
    for attendee in meeting["attendees"]:
        assert isinstance(attendee["name"], str) and attendee["name"]
        assert _optional(attendee["role"], str) and _optional(attendee["organisation"], str)
        assert attendee["status"] in {"present", "apologies", "in_attendance", "absent"}

    for item in document["items"]:
        assert _optional(item["number"], str) and _optional(item["key"], str)
        assert isinstance(item["title"], str)
        for paragraph in item["paragraphs"]:
            assert paragraph["kind"] in {"discussion", "decision", "action"}
            assert isinstance(paragraph["text"], str) and paragraph["text"]
            assert all(isinstance(cue, str) for cue in paragraph["cues"])
            # A paragraph is an action or a decision only with the cue that made it one.
            assert paragraph["kind"] == "discussion" or paragraph["cues"]

    for decision in document["decisions"]:
        assert _optional(decision["item"], str)
        assert isinstance(decision["text"], str) and decision["text"]
        assert decision["outcome"] in {"carried", "lost", "deferred", "withdrawn", "noted", None}
        votes = decision["votes"]
        if votes is not None:
            assert all(_optional(votes[side], int) for side in ("for", "against", "abstain"))
            assert _optional(votes["mover"], str) and _optional(votes["seconder"], str)
            named = votes["named"]
            assert named is None or all(isinstance(n, str) and n for side in ("for", "against", "abstain") for n in named[side])
    for action in document["actions"]:
        assert _optional(action["item"], str)
        assert isinstance(action["text"], str) and action["text"]
        assert isinstance(action["owners"], list) and all(isinstance(o, str) and o for o in action["owners"])
        due = action["due"]
        if due is not None:
            assert isinstance(due["text"], str) and isinstance(due["value"], str)
            assert _iso_or_none(due["date"])
        follow_up = action["follow_up"]
        if follow_up is not None:
            assert follow_up["kind"] in {"report", "item", "update"}
            assert _optional(follow_up["to"], str) and _optional(follow_up["topic"], str)
    assert all(isinstance(w, str) for w in document["warnings"])


def _pointed_paragraph(document: dict[str, Any], provenance: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """(the item the provenance names, or None for the preamble; the paragraph it names)."""
    section = provenance["section"]
    if section == "preamble":
        return None, document["preamble"][provenance["paragraph"]]
    item = document[section][provenance["item_index"]]
    return item, item["paragraphs"][provenance["paragraph"]]


_WORD = re.compile(r"\w+")


def _motion_words_from(text: str, span: str, item: dict[str, Any] | None) -> bool:
    """A motion's decision text leaves out its voters' names and may open with what it is about
    (OUTPUT.md: "Moved by Cllr Hale to adopt." under "Grit bins" is "Grit bins. Moved to adopt."):
    every word of it is the item's (title or paragraphs), and, its subject aside (the title, or
    the item's opening words when the text starts with them), three in four of its words of
    more than three letters are the span's (an outcome read from a later vote paragraph may add
    a few). A span in another paragraph of the item shares its short words ("that", "the",
    "be") but not the words that say what was decided."""
    lowered = text.lower()
    words = _WORD.findall(lowered)
    if not words or item is None:
        return False
    title = set(_WORD.findall(item["title"].lower()))
    in_item = title | set(_WORD.findall(" ".join(p["text"] for p in item["paragraphs"]).lower()))
    in_span = set(_WORD.findall(span.lower()))
    opening = _WORD.search(span.lower())
    if item["title"] and lowered.startswith(item["title"].lower()[:20]) and opening and lowered.find(opening.group(0)) > 0:
        lowered = lowered[lowered.find(opening.group(0)) :]  # the subject printed before the motion
    content = [w for w in _WORD.findall(lowered) if len(w) > 3 and w not in title]
    return all(w in in_item for w in words) and 4 * sum(w in in_span for w in content) >= 3 * len(content)


def test_a_decision_pointing_at_another_paragraph_of_its_item_is_caught() -> None:
    item = {"title": "Grit bins", "paragraphs": [{"text": "That the report be noted."}, {"text": "Moved by Cllr Hale to adopt the grit bin plan. Carried."}]}
    assert _motion_words_from("Grit bins. Moved to adopt the grit bin plan. Carried.", item["paragraphs"][1]["text"], item)
    assert not _motion_words_from("Grit bins. Moved to adopt the grit bin plan. Carried.", item["paragraphs"][0]["text"], item)
    minutes = {"title": "Minutes", "paragraphs": [{"text": "That the report be noted."}, {"text": "That the minutes be approved."}]}
    assert not _motion_words_from("That the minutes be approved.", "That the report be noted.", minutes)  # only short words shared


@pytest.mark.parametrize("path", DOCUMENTS)
def test_provenance_points_at_the_paragraph_holding_the_text(path: Path) -> None:
    document = parsed(path)
    problems: list[str] = []
    for kind in ("decisions", "actions"):
        for index, fact in enumerate(document[kind]):
            provenance = fact["provenance"]
            where = f"{kind}[{index}] {fact['text'][:50]!r} at {provenance}"
            try:
                item, paragraph = _pointed_paragraph(document, provenance)
            except IndexError:
                problems.append(f"{where}: no such item or paragraph")
                continue
            text = paragraph["text"]
            start, end = provenance["start"], provenance["end"]
            if not 0 <= start <= end <= len(text):
                problems.append(f"{where}: span outside the paragraph ({len(text)} characters)")
            elif fact["text"] not in text[start:end] and not (kind == "decisions" and _motion_words_from(fact["text"], text[start:end], item)):
                problems.append(f"{where}: span holds {text[start:end][:50]!r}")
            expected_item = (item["number"] or item["key"]) if item is not None else None
            if fact["item"] != expected_item:
                problems.append(f"{where}: item {fact['item']!r}, but it points at {expected_item!r}")
    assert not problems, problems[:5]


@pytest.mark.parametrize("path", DOCUMENTS)
def test_action_paragraphs_hold_the_actions(path: Path) -> None:
    """Every action comes from a paragraph classified as an action, every decision from a paragraph
    classified as a decision or an action (a resolution that directs someone is both)."""
    document = parsed(path)
    for kind, allowed in (("actions", {"action"}), ("decisions", {"decision", "action"})):
        for fact in document[kind]:
            _, paragraph = _pointed_paragraph(document, fact["provenance"])
            assert paragraph["kind"] in allowed, (fact["text"][:60], paragraph["kind"])


_PRONOUNS = {"he", "she", "they", "we", "him", "her", "them"}


def _span_problems(kind: str) -> list[str]:
    problems: list[str] = []
    for param in DOCUMENTS:
        path = param.values[0]
        if path is None:
            continue
        document = parsed(path)
        for action in document["actions"]:
            _, paragraph = _pointed_paragraph(document, action["provenance"])
            text = paragraph["text"]
            where = f"{path.name}: {action['text'][:40]!r}"
            if kind == "due" and action["due"] is not None:
                start, end = action["due"]["span"]
                if (start, end) != (0, 0) and text[start:end] != action["due"]["text"]:
                    problems.append(f"{where}: due {action['due']['text']!r} but span holds {text[start:end]!r}")
            if kind == "owner":
                for owner in action["owner_details"]:
                    start, end = owner["span"]
                    held = text[start:end]
                    if (start, end) != (0, 0) and owner["written"] not in held and held.lower() not in _PRONOUNS:
                        problems.append(f"{where}: owner {owner['written']!r} but span holds {held!r}")
    return problems


def test_due_spans_point_at_the_due_words_in_the_paragraph() -> None:
    problems = _span_problems("due")
    assert not problems, problems[:8]


def test_owner_spans_point_at_the_owner_words_in_the_paragraph() -> None:
    problems = _span_problems("owner")
    assert not problems, problems[:8]
