"""Decision families: which headings make every paragraph under them a decision, and which
paragraphs join the motion before them."""

from __future__ import annotations

import pytest

from minutes_parser import parse_text
from minutes_parser.classify.decisions import decision_heading
from minutes_parser.classify.joins import closes_previous, states_a_motion


@pytest.mark.parametrize(
    "title",
    ["Decisions", "Decisions taken:", "Resolutions", "Items discussed and decisions made", "Grants approved",
     "New members approved", "Item Decision (if applicable)", "Summary of decisions"],
)
def test_a_decision_heading_labels_its_paragraphs(title: str) -> None:
    assert decision_heading(title)


@pytest.mark.parametrize(
    "title",
    ["Approved Projects", "Record of Decision", "Call-in of a decision", "Agreed actions from this meeting",
     "Actions agreed", "Decision-making framework review", "Council Approved Schemes"],
)
def test_a_title_that_mentions_a_decision_names_a_subject(title: str) -> None:
    assert not decision_heading(title)


def _decisions(text: str) -> list[str]:
    return [d.text for d in parse_text(text, model="rules").decisions]


def test_paragraphs_under_a_subject_heading_are_not_all_decisions() -> None:
    text = (
        "# Bramblewick Parish Council\n\n## 4. Approved Projects\n\n"
        "The Clerk described progress on the footpath at Hollins Lane.\n\n"
        "Members asked how long the works at the play area would take.\n\n"
        "## 5. Decisions taken\n\nThe grant to the Bramblewick Scouts of £400.\n"
    )
    found = _decisions(text)
    assert not any("footpath" in d or "play area" in d for d in found)
    assert any("Scouts" in d for d in found)


@pytest.mark.parametrize(
    "text",
    ["Agreed unanimously.", "Unanimous.", "Carried nem con.", "Seconded by Councillor Ferris;",
     "Proposed Cllr Hart, seconded Cllr Oakes, all in favour.", "Roll call: Trustee Amsel - yes, Trustee Bright - yes"],
)
def test_an_outcome_or_tally_closes_the_motion_before_it(text: str) -> None:
    assert closes_previous("That the precept for next year be set at £14,200.", text)
    assert closes_previous("Motion to approve the payments list as presented.", text)


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        ("of 4 Mill Row, Bramblewick, outlined in red.", "Seconded by Councillor Ferris;"),  # a wrapped tail
        ("The Clerk reported on the hedge cutting.", "Agreed unanimously."),  # nothing was moved
        ("That the precept be set at £14,200.", "Councillor Ferris"),  # names alone
        ("That the precept be set at £14,200.", "Strategic Planning Committee."),
    ],
)
def test_what_does_not_close_a_motion(previous: str, text: str) -> None:
    assert not closes_previous(previous, text)


def test_a_motion_whose_tally_is_its_own_paragraph_is_one_decision() -> None:
    text = (
        "Minutes of Bramblewick Parish Council\n\n5. Precept\n\n"
        "That the precept for 2026/27 be set at £14,200.\n\n"
        "Proposed Cllr Hart, seconded Cllr Oakes, all in favour.\n"
    )
    found = _decisions(text)
    assert len(found) == 1 and "£14,200" in found[0] and "Oakes" in found[0]
    assert states_a_motion("That the precept for 2026/27 be set at £14,200.")
