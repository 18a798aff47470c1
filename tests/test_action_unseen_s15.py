"""Review of the s15 action/owner families on styles the development set lacks (charity boards,
school governors, township boards, open-source projects): each rule must not misfire there."""

from __future__ import annotations

import pytest

import helpers
from minutes_parser import classify as c
from minutes_parser.extract.owners import PeopleIndex

PEOPLE = PeopleIndex.build([], "Minutes of the Larkspur Trust board meeting held on 14 May 2025.")


def first_action(text: str, last_subject: str | None = None) -> c.Finding | None:
    if last_subject is None:
        return helpers.first_action(text, PEOPLE)
    return helpers.first_action(text, PEOPLE, last_subject=last_subject)


def test_a_person_named_after_the_opening_subject_is_the_nearer_antecedent() -> None:
    # "he" follows Cllr Varga's own reporting verb, not the Chair who opened the sentence
    text = "The Chair shared that the marquee was booked and Cllr Varga shared that he would collect the keys."
    found = first_action(text, last_subject="The Treasurer")
    assert found is not None
    assert found.owners == ("Cllr Varga",)


def test_a_place_between_the_subject_and_the_pronoun_is_no_antecedent() -> None:
    text = "Mr Halloran was asked about the fence at Millbrook Green and answered that he would measure it."
    found = first_action(text, last_subject="The Treasurer")
    assert found is not None
    assert found.owners == ("Mr Halloran",)


def test_a_lower_case_role_of_another_body_is_not_the_meeting_s_officer() -> None:
    # "the secretary of state" is a minister, not the board's secretary
    assert first_action("In reply to the letter the secretary of state was asked to review the grant.") is None


def test_a_lower_case_role_after_a_lead_in_still_owns_the_task_in_a_charity_board() -> None:
    found = first_action("After discussion the secretary was asked to circulate the draft policy to trustees.")
    assert found is not None
    assert found.owners == ("the secretary",)


@pytest.mark.parametrize(
    "text",
    [
        "Before the staffing item the clerk was asked to leave the room.",
        "Governor Patel was asked to withdraw from the meeting while her son's case was heard.",
        "The minutes were approved and the chair was authorized to sign them.",
        "The Chairman was authorised to sign the minutes.",
    ],
)
def test_a_formality_done_at_the_meeting_is_no_task(text: str) -> None:
    assert first_action(text) is None


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("The Clerk was asked to sign the contract with the tree surgeon.", "The Clerk"),
        ("Mr Dale was asked to withdraw his planning application.", "Mr Dale"),
        ("The Clerk was asked to leave a copy of the plans at the library.", "The Clerk"),
    ],
)
def test_signing_or_leaving_something_else_stays_a_task(text: str, owner: str) -> None:
    found = first_action(text)
    assert found is not None
    assert found.owners == (owner,)
