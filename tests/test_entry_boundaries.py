"""Sentence and entry boundaries: a non-breaking space after a full stop, abbreviations (etc., Prop.,
N.B., Cllr.), unpunctuated one-entry-per-line text and " - " separators. Fictional text."""

from __future__ import annotations

import pytest

from minutes_parser import parse_text
from minutes_parser.nlp import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans([text])[0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shed roof leaks.\u00a0JS will patch it by Friday.", ["The shed roof leaks.", "JS will patch it by Friday."]),
        ("The shed roof leaks.\u202fJS will patch it.", ["The shed roof leaks.", "JS will patch it."]),
        ("Approved. Prop. Cllr Pike, sec. Cllr Stone. Carried.", ["Approved.", "Prop. Cllr Pike, sec. Cllr Stone.", "Carried."]),
        ("N.B. The gate code changes in July. Next item.", ["N.B. The gate code changes in July.", "Next item."]),
        ("Cllr. Smith agreed. Mr. Jones left.", ["Cllr. Smith agreed.", "Mr. Jones left."]),
        ("Seeds, tools etc. were bought.", ["Seeds, tools etc. were bought."]),
        ("Seeds, tools etc. The Clerk will order compost.", ["Seeds, tools etc.", "The Clerk will order compost."]),
        ("Bins - the Clerk to order two more - by June", ["Bins - the Clerk to order two more - by June"]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


LINES = """Minutes of the Brookfield Allotment Committee meeting held on 4 June 2024

Present: Ann Pike (AP), Joe Stone (JS), Lee Marsh (LM)

1. Site maintenance
Clerk to order two new water butts
JS to repair the gate by the car park
Agreed to hold the open day on 20 July
LM to ask the council about skip hire

2. Finance
Grass cutting - AP to get three quotes
Hedges - JS to trim the north hedge

3. Paths
The paths committee reported that the
Council has agreed to resurface the main
path in the spring at no cost to members.
"""


def test_one_entry_per_line_stays_one_entry() -> None:
    minutes = parse_text(LINES, name="allotments.txt")
    first = [p.text for p in next(i for i in minutes.items if i.number == "1").paragraphs if p.text]
    assert first == [
        "Clerk to order two new water butts",
        "JS to repair the gate by the car park",
        "Agreed to hold the open day on 20 July",
        "LM to ask the council about skip hire",
    ]
    assert [a.text for a in minutes.actions][:3] == [
        "Clerk to order two new water butts",
        "JS to repair the gate by the car park",
        "LM to ask the council about skip hire",
    ]
    assert [d.text for d in minutes.decisions][:1] == ["Agreed to hold the open day on 20 July"]
    finance = next(i for i in minutes.items if i.number == "2")
    assert [p.text for p in finance.paragraphs if p.text] == ["Grass cutting - AP to get three quotes", "Hedges - JS to trim the north hedge"]


def test_wrapped_prose_is_not_split_into_lines() -> None:
    minutes = parse_text(LINES, name="allotments.txt")
    paths = next(i for i in minutes.items if i.number == "3")
    assert [p.text for p in paths.paragraphs if p.text] == [
        "The paths committee reported that the Council has agreed to resurface the main path in the spring at no cost to members."
    ]
