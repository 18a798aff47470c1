""""Will/would" sentences that state an outcome, or whose "they" is not the person named before:
not tasks. Sentences of a person's own commitment stay actions."""

from __future__ import annotations

import pytest

from helpers import first_action
from minutes_parser import classify as c
from minutes_parser.classify.actions import is_outcome_future
from minutes_parser.extract.owners import PeopleIndex

PEOPLE = PeopleIndex.build([], "Wenna Hollis chaired.")


def action(text: str, last_subject: str | None = None) -> c.Finding | None:
    return first_action(text, PEOPLE, last_subject=last_subject)


@pytest.mark.parametrize(
    "text",
    [
        "Next year the Trust will dip under its borrowing limit as the loans mature.",
        "A path to the Brackenfold estate would require more land.",
        "The new scheme would therefore be contrary to the Local Plan.",
        "Ivo and Tamsin would both be on the panel for a year.",
        "The youth club will benefit from the grant.",
    ],
)
def test_an_outcome_in_the_future_is_not_a_task(text: str) -> None:
    assert action(text) is None


@pytest.mark.parametrize(
    "text",
    ["The Clerk will write to the bus company.", "Cllr Penrose would check the lease before the next meeting."],
)
def test_a_commitment_in_the_future_stays_a_task(text: str) -> None:
    assert action(text) is not None


def test_outcome_predicate() -> None:
    assert is_outcome_future("require", " more land")
    assert is_outcome_future("therefore", " be contrary")
    assert not is_outcome_future("write", " to the bus company")
    assert not is_outcome_future("be", " circulated")


def test_they_does_not_stand_for_one_person() -> None:
    assert action("They will also mend the gutter next week.", last_subject="the Clerk") is None
    assert action("They will also mend the gutter next week.", last_subject="Cllr Penrose") is None
    found = action("They will send a recommendation to the Board.", last_subject="The Grants Committee")
    assert found is not None and found.owners == ("The Grants Committee",)


@pytest.mark.parametrize(
    "text",
    ["The Harbour Department will fund half of the repair.", "The Tidewell Lifeboat Trust will meet the remaining cost."],
)
def test_an_outside_organisations_plan_is_not_a_task(text: str) -> None:
    assert action(text) is None


@pytest.mark.parametrize(
    "text",
    ["Will try to note the awkward cases.", "Will talk more about caching there.", "Will come back to this.", "Will be held on 17 June."],
)
def test_a_note_style_will_without_a_task(text: str) -> None:
    assert action(text) is None


def test_a_note_style_will_with_a_task() -> None:
    assert action("Will send an email to the venue to check the date.") is not None
    assert action("Will be pushing for agreement within a week.") is not None


@pytest.mark.parametrize(
    "text",
    [
        "A grant proposal could be submitted.",
        "An update will be provided once this process is completed.",
        "This proposal would need to be considered alongside the wider plan.",
    ],
)
def test_a_report_that_may_come_back_is_not_a_task(text: str) -> None:
    assert action(text) is None


def test_a_report_asked_for_is_a_task() -> None:
    assert action("A report will be brought back to the next meeting.") is not None


def test_a_noun_in_the_verb_slot_is_not_a_resolution_task() -> None:
    assert first_action("Scrutiny Committee consideration of the call-in", PEOPLE, "Decision") is None


@pytest.mark.parametrize(
    "text",
    [
        "The survey team are preparing a report which we hope will be completed in a few weeks.",
        "what repairs will be completed this year.",
    ],
)
def test_a_hoped_for_or_asked_about_passive_future_is_not_a_task(text: str) -> None:
    assert action(text) is None


def test_a_plain_passive_future_task_stays() -> None:
    assert action("The notice boards will be repaired before the fete.") is not None


def test_leaving_the_room_over_an_interest_is_not_a_task() -> None:
    people = PeopleIndex.build([], "Cllr Hale was present.")
    text = "Cllr Hale declared an interest as a trustee of the museum and would leave the Chamber during the debate."
    assert c.owner_will_verb(c.Clause(text, None, people)) is None
    found = c.owner_will_verb(c.Clause("Cllr Hale would leave the hall keys with the Clerk.", None, people))
    assert found is not None
