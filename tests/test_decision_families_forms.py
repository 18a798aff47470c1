"""Decision families by form: a motion moved ("Motion to ..."), an outcome after a dash, a paper
received and noted, a resolution's entries in plain case, a RESOLUTION: line."""

from __future__ import annotations

import pytest

from helpers import clause, first_decision
from helpers import paragraph_decisions as decisions
from minutes_parser import classify as c
from minutes_parser.classify.decisions import (
    dash_outcome,
    imperative_entry,
    motion_to,
    received_and_noted,
)


@pytest.mark.parametrize(
    "text",
    [
        "Motion to approve the road fund bills as presented.",
        "A motion was made to contribute $1,500 to the summer fair.",
        "Another motion was made to join the county study.",
        "Dara makes a motion to adjourn, Quinn second.",
    ],
)
def test_a_motion_moved_is_a_decision(text: str) -> None:
    assert motion_to(clause(text)) is not None


@pytest.mark.parametrize("text", ["The motion to close the depot will come back in May.", "A motion of thanks was given."])
def test_talk_of_a_motion_is_not_one(text: str) -> None:
    assert motion_to(clause(text)) is None


def test_a_motion_and_the_outcome_after_its_seconder_are_one_decision() -> None:
    text = "Dara makes a motion to buy a new mower, Quinn Second. Unanimous."
    assert decisions(text) == [text]


@pytest.mark.parametrize(
    "text",
    ["Lettings Policy - Ratified", "Staff Pay Policy – Agreed", "Meet every two weeks, attendance optional - agreed"],
)
def test_an_outcome_after_a_dash(text: str) -> None:
    assert dash_outcome(clause(text)) is not None


@pytest.mark.parametrize(
    "text",
    ["24/01187/FUL – Rear extension at Mill House - Approved", "APP/X1234/W/24/330011 – Barn conversion appeal – Approved"],
)
def test_a_planning_authoritys_outcome_is_not_the_meetings(text: str) -> None:
    assert dash_outcome(clause(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The financial statement was received and noted.",
        "Payments from 1 May to 30 June were scrutinised and approved.",
        "The bank reconciliation and quarterly report were received",
    ],
)
def test_a_paper_received_and_noted(text: str) -> None:
    assert received_and_noted(clause(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "An email was received from a resident about dog fouling.",
        "A report reminder email was received by the list.",
        "Apologies were received and accepted from Cllr Dunn (work).",
    ],
)
def test_correspondence_received_is_not_a_decision(text: str) -> None:
    assert received_and_noted(clause(text)) is None


@pytest.mark.parametrize(
    "text",
    ["Note the forecast overspend of £2.1m.", "Agree the capital budget changes.", "Adopt the Rivers Strategy on behalf of the Council"],
)
def test_a_resolution_entry_in_plain_case(text: str) -> None:
    assert imperative_entry(clause(text)) is not None


@pytest.mark.parametrize("text", ["Note that the hall is booked.", "Agree with the chair.", "Notes from the walkabout"])
def test_plain_notes_are_not_resolution_entries(text: str) -> None:
    assert imperative_entry(clause(text)) is None


def test_a_resolution_line_is_a_decision() -> None:
    text = "RESOLUTION: Publish a style guide as a group note. No change to the draft."
    assert decisions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Orla Finch voted in as a trustee - in favour, none opposed",
        "Cheque payments signed by Cllr Ames and Cllr Boyd, all Councillors agreed.",
        "The group was okay with the change of date.",
        "The Board is fine with the guests parking at the hall.",
        "The Meeting was pleased to wholeheartedly support this solution.",
        "The board has decided it would look best beside the bench.",
        "Rita raised the pony rides, so we decided not to have pony rides.",
    ],
)
def test_assent_and_decisions_in_plain_words(text: str) -> None:
    assert first_decision(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "We have decided to avoid releases during the holidays.",
        "Cara: wants to be sure all are content with a later start.",
        "The last committer was voted in November 2014.",
    ],
)
def test_reports_and_wishes_are_not_decisions(text: str) -> None:
    assert first_decision(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "It was proposed to go ahead with the hedge work.",
        "It was proposed by Cllr Ames that meetings move to Wednesdays.",
        "The meeting noted the resignation of the Treasurer with immediate effect.",
    ],
)
def test_a_proposal_put_or_a_resignation_noted(text: str) -> None:
    assert first_decision(text) is not None


def test_noting_that_is_still_discussion() -> None:
    assert c.body_agreed(clause("Members noted that the survey closed early.")) is None
