"""Tasks that only some minutes' house styles reach: a one-person role written in lower case
("the clerk was asked to ...") after a lead-in phrase with no comma."""

from __future__ import annotations

import pytest

import helpers
from minutes_parser import classify as c
from minutes_parser.extract.owners import PeopleIndex

PEOPLE = PeopleIndex.build([], "Minutes of Brindle Moss Parish Council held on 9 April 2025.")


def first_action(text: str) -> c.Finding | None:
    return helpers.first_action(text, PEOPLE)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("As the verge is flooding again the clerk was asked to report it to the highways team.", "the clerk"),
        ("Following the complaint about the bins the chairman was asked to speak to the contractor.", "the chairman"),
        ("With the audit due in June the treasurer was asked to book the examiner.", "the treasurer"),
    ],
)
def test_lower_case_role_after_a_lead_in_owns_the_task(text: str, owner: str) -> None:
    found = first_action(text)
    assert found is not None
    assert found.owners == (owner,)


@pytest.mark.parametrize(
    "text",
    [
        # the role is only talked about: nobody is asked to do anything
        "As the verge is flooding again the clerk said the highways team had been told.",
        "With the audit due in June the treasurer was pleased with the accounts.",
    ],
)
def test_lower_case_role_without_a_request_is_no_task(text: str) -> None:
    assert first_action(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "After the survey the Parish Council planned to increase the precept next year.",
        "Once the architects are appointed, the Town Council intends to submit a bid for the second phase.",
        "The Board hopes to open the new reading room in the spring.",
    ],
)
def test_a_whole_body_s_plan_is_no_task(text: str) -> None:
    assert first_action(text) is None


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("The Clerk intends to write to the bus company about the late services.", "The Clerk"),
        ("Cllr Ruddock plans to walk the footpath with the ranger next week.", "Cllr Ruddock"),
    ],
)
def test_a_person_s_plan_stays_a_task(text: str, owner: str) -> None:
    found = first_action(text)
    assert found is not None
    assert found.owners == (owner,)


def test_a_pronoun_after_the_sentence_s_own_subject_is_that_person() -> None:
    # "he" follows this sentence's subject, not the one of the sentence before
    text = "Mr Oduya was asked about the quarry lease and answered that he would look into it."
    found = helpers.first_action(text, PEOPLE, last_subject="The Chairman")
    assert found is not None
    assert found.owners == ("Mr Oduya",)


def test_a_pronoun_with_no_person_opening_the_sentence_keeps_the_antecedent() -> None:
    text = "The roofers have finished the porch and he will check it next week."
    found = helpers.first_action(text, PEOPLE, last_subject="Cllr Penn")
    assert found is not None
    assert found.owners == ("Cllr Penn",)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("The working group will report to the next meeting with a draft survey.", "The working group"),
        ("The steering group will meet the landowner before the consultation closes.", "The steering group"),
        ("The working party agreed to price the new benches.", "The working party"),
    ],
)
def test_a_lower_case_sub_group_owns_its_task(text: str, owner: str) -> None:
    found = first_action(text)
    assert found is not None
    assert found.owners == (owner,)


def test_another_lower_case_committee_is_still_no_owner() -> None:
    # only the kinds of sub-group a meeting sets up: "the grounds committee" is not read as one
    assert first_action("The grounds committee will meet the landowner before the consultation closes.") is None


def test_a_pronoun_is_not_read_as_a_body_opening_the_sentence() -> None:
    # "he" cannot stand for a council: the antecedent from before stays
    text = "The District Council empties the bins fortnightly but he would ask about a weekly round."
    found = helpers.first_action(text, PEOPLE, last_subject="Cllr Penn")
    assert found is not None
    assert found.owners == ("Cllr Penn",)
