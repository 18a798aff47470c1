"""Decision families: which headings make every paragraph under them a decision, and which
paragraphs join the motion before them."""

from __future__ import annotations

import pytest

from helpers import document_decisions
from minutes_parser.classify.decisions import (
    decision_heading,
    numbered_resolution_intro,
    resolution_run_step,
)
from minutes_parser.classify.joins import closes_previous, states_a_motion


@pytest.mark.parametrize(
    "title",
    ["Decisions", "Decisions taken:", "Resolutions", "Topics discussed and decisions made", "Bursaries approved",
     "New members approved", "Topic Decision (if any)", "Summary of decisions"],
)
def test_a_decision_heading_labels_its_paragraphs(title: str) -> None:
    assert decision_heading(title)


@pytest.mark.parametrize(
    "title",
    ["Approved Schemes", "Record of Decision", "Call-in of a decision", "Agreed actions from this meeting",
     "Actions agreed", "Decision-making framework review", "Council Approved Schemes"],
)
def test_a_title_that_mentions_a_decision_names_a_subject(title: str) -> None:
    assert not decision_heading(title)


def test_paragraphs_under_a_subject_heading_are_not_all_decisions() -> None:
    text = (
        "# Bramblewick Parish Council\n\n## 4. Approved Schemes\n\n"
        "The Clerk described progress on the footpath at Hollins Lane.\n\n"
        "Members asked how long the works at the play area would take.\n\n"
        "## 5. Decisions taken\n\nThe grant to the Bramblewick Scouts of £400.\n"
    )
    found = document_decisions(text)
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
    found = document_decisions(text)
    assert len(found) == 1 and "£14,200" in found[0] and "Oakes" in found[0]
    assert states_a_motion("That the precept for 2026/27 be set at £14,200.")


def test_numbered_resolved_that_governs_the_plain_paragraphs_after_it() -> None:
    text = (
        "# Minutes of Wexcombe County Council\n\n## 7. Budget 2026-27\n\n"
        "(31) Mr Ames moved, Mrs Boyd seconded, the recommendations in the report.\n\n"
        "(32) RESOLVED that:\n\n"
        "Members, having read the Treasurer's paper, are invited to endorse the following:\n\n"
        "Capital Programme 2026-36\n\n"
        "The ten-year capital programme of £812m as set out in appendix A.\n\n"
        "The net revenue budget requirement of £640.2m for 2026-27.\n\n"
        "Other Policies\n\n"
        "The Treasury Management Strategy as set out in appendix C.\n\n"
        "(33) Mrs Boyd thanked the finance team for their work on the budget.\n"
    )
    found = document_decisions(text)
    for entry in ("£812m", "£640.2m", "Treasury Management Strategy"):
        assert any(entry in d for d in found), entry
    assert not any(d in ("Capital Programme 2026-36", "Other Policies") for d in found)
    assert not any("thanked" in d or "invited to endorse" in d for d in found)


@pytest.mark.parametrize(("text", "step"), [
    ("(28) Mr Ames moved the amendment.", "end"),
    ("RESOLVED that the report be noted.", "end"),
    ("2026-27 Parish Precept", "heading"),
    ("Members are invited to endorse the following:", "heading"),
    ("The Minimum Revenue Provision Statement as set out in appendix D.", "entry"),
    ("To note the pressures on the budget.", "entry"),
])
def test_a_run_of_resolutions_ends_at_the_next_numbered_paragraph(text: str, step: str) -> None:
    assert resolution_run_step(text) == step


@pytest.mark.parametrize("text", ["(32) RESOLVED that:", "32. RESOLVED that:", "(4) RESOLVED:"])
def test_a_numbered_resolved_intro(text: str) -> None:
    assert numbered_resolution_intro(text)
    assert not numbered_resolution_intro("(32) RESOLVED that the report be noted.")


def test_tally_sentences_after_a_motion_join_it() -> None:
    text = (
        "Minutes of Harlow Creek Township Board\n\n6. Adjournment\n\n"
        "Motion to close the meeting was made by Trustee Amsel, seconded by Trustee Bright. "
        "All were in favour. The meeting stands adjourned at 9:10 PM.\n"
    )
    found = document_decisions(text)
    assert len(found) == 1 and "stands adjourned" in found[0] and found[0].startswith("Motion to close")


def test_a_motion_after_a_short_title_and_dash() -> None:
    text = (
        "Minutes of Harlow Creek Township Board\n\n4. Bills\n\n"
        "Road fund bills – Motion to pay the road fund bills as listed was made by Trustee Amsel, seconded by Trustee Bright. "
        "The road fund bills stand approved as listed.\n"
    )
    found = document_decisions(text)
    assert len(found) == 1 and "stand approved" in found[0]
