"""The vocabulary of motions and votes (extract/motion_words.py), alone and as its users read it."""

from __future__ import annotations

import re

import pytest

from minutes_parser.extract import motion_words as mw
from minutes_parser.extract.motions import find_counts
from minutes_parser.extract.table_rows import table_decision
from minutes_parser.model import Outcome
from minutes_parser.segment import ParagraphDraft

GROUPS = {
    name: value for name, value in vars(mw).items() if name.isupper() and isinstance(value, tuple)
}


def _pattern(*groups: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b" + mw.words(*groups) + r"\b", re.I)


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_a_group_is_whole_lower_case_words(name: str) -> None:
    group = GROUPS[name]
    assert group, name
    assert len(set(group)) == len(group), f"{name} repeats a word"
    for word in group:
        assert re.fullmatch(r"[a-z]+(?: [a-z]+)*", word), (
            f"{name}: {word!r} is not plain lower-case words"
        )


def test_each_outcome_word_names_one_outcome() -> None:
    kinds = (mw.MOTION_CARRIED, mw.MOTION_LOST, mw.ASSENTED, mw.REFUSED, mw.DEFERRED, mw.WITHDRAWN)
    words = [w for kind in kinds for w in kind]
    assert len(words) == len(set(words))
    assert set(mw.OUTCOMES) == set(mw.MOTION_OUTCOMES) | set(mw.ASSENTED) | set(mw.REFUSED) | set(
        mw.DEFERRED
    )


def test_words_is_a_non_capturing_alternation() -> None:
    assert mw.words(("carried", "lost"), ("roll call",)) == r"(?:carried|lost|roll\s+call)"
    assert re.compile(mw.words(mw.VOTERS)).groups == 0


@pytest.mark.parametrize(
    "text",
    [
        "Motion carried.",
        "The amendment fell.",
        "The motion fails for want of a majority.",
        "Agreed nem con.",
        "All in favor.",
        "Passed unanimously.",
    ],
)
def test_a_vote_ended(text: str) -> None:
    assert _pattern(mw.VOTE_ENDED).search(text)


@pytest.mark.parametrize(
    "text",
    [
        "The fellow from Marsh Lane spoke.",
        "Carrier bags were left.",
        "The passenger survey.",
        "Unanimity is rare.",
    ],
)
def test_no_vote_ended_inside_other_words(text: str) -> None:
    assert _pattern(mw.VOTE_ENDED).search(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Proposer: Cllr Tansy Bream",
        "Seconded by Mr Orrin Vale",
        "Roll\n call of the trustees",
        "Noes: 2",
        "Yeas 4",
        "Abstentions: one",
        "Two abstaining",
    ],
)
def test_a_vote_taken(text: str) -> None:
    assert _pattern(mw.VOTERS).search(text)


@pytest.mark.parametrize(
    "text",
    ["A secondary school governor", "The proposal is attached.", "The voter roll was updated."],
)
def test_no_vote_taken(text: str) -> None:
    assert _pattern(mw.VOTERS).search(text) is None


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Refused.", mw.REFUSED),
        ("Ratified.", mw.ASSENTED),
        ("Deferred to the June meeting.", mw.DEFERRED),
        ("Withdrawn by the applicant.", mw.WITHDRAWN),
    ],
)
def test_an_outcome_alone(text: str, group: tuple[str, ...]) -> None:
    assert re.match(mw.words(group) + r"\b", text, re.I)


def test_a_score_after_a_present_tense_outcome() -> None:
    # The score pattern takes every motion outcome but "fell": "fails" and "passes" count too ...
    assert find_counts("The amendment fails 4-5.") == (4, 5, None)
    assert find_counts("Motion passes 6-1.") == (6, 1, None)
    # ... and neither "fell" nor "agreed" before two numbers, which are amounts or years there.
    assert find_counts("Hall income fell from 12 to 10 bookings.") == (None, None, None)
    assert find_counts("Boiler cover agreed for 25-26 at £310.") == (None, None, None)


@pytest.mark.parametrize(
    ("verdict", "outcome"),
    [
        ("Approved.", Outcome.CARRIED),
        ("Ratified.", Outcome.CARRIED),
        ("£300 awarded", Outcome.CARRIED),
        ("Refused - outside the criteria", Outcome.LOST),
        ("Not supported", Outcome.LOST),
        ("Deferred to March", Outcome.DEFERRED),
        ("Held over to the June meeting", Outcome.DEFERRED),
        ("Carried forward to May", Outcome.DEFERRED),
        ("Withdrawn by the club", Outcome.WITHDRAWN),
    ],
)
def test_a_verdict_in_an_application_tables_outcome_column(verdict: str, outcome: Outcome) -> None:
    header = ("Organisation", "Summary", "Decision")
    cells = ("Dunmere Bowls Club", "New rink lights for winter evenings.", verdict)
    found = table_decision(ParagraphDraft(" | ".join(cells), cells=cells), header, 1, 0, "4")
    assert found is not None and found.outcome is outcome
    assert found.text == f"Dunmere Bowls Club – New rink lights for winter evenings. {verdict}"


def test_a_motion_word_is_no_verdict_on_an_application() -> None:
    cells = ("Dunmere Bowls Club", "New rink lights.", "Carried 5-2")
    assert table_decision(ParagraphDraft(" | ".join(cells), cells=cells), ("Organisation", "Summary", "Decision"), 1, 0, "4") is None
