"""Commitment shapes from issue 10: "it was agreed for X to ...", "... but will keep us posted",
"X will be in charge of ...", owner-less passive tasks ("will be invited", "to be put on the agenda")."""

from __future__ import annotations

import pytest

from helpers import first_action
from minutes_parser import classify as c
from minutes_parser.extract.owners import PeopleIndex
from minutes_parser.model import AttendanceStatus, Attendee

PEOPLE = PeopleIndex.build(
    [Attendee("Orla Venn", AttendanceStatus.PRESENT, initials="OV"), Attendee("Piran Hale", AttendanceStatus.PRESENT)],
    "Orla Venn (OV) chaired. Piran Hale took notes.",
)


def action(text: str) -> c.Finding | None:
    return first_action(text, PEOPLE)


def test_agreed_for_someone_to_act_names_them() -> None:
    found = action("It was agreed for the Lettings Committee to carry out the review in May.")
    assert found is not None and found.owners == ("the Lettings Committee",)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Quay Fair – Piran Hale says the date is on hold but will keep us posted.", "Piran Hale"),
        ("OV Has not yet met the wardens but would endeavour to do so soon.", "OV"),
    ],
)
def test_a_contrast_keeps_the_sentence_subject(text: str, owner: str) -> None:
    found = action(text)
    assert found is not None and found.owners[0].startswith(owner)


def test_a_reported_clause_after_but_is_not_the_speakers_task() -> None:
    assert action("Piran Hale said the shop had closed but would reopen in spring.") is None


def test_being_in_charge_is_a_commitment() -> None:
    found = action("Piran Hale will be in charge of booking the hall.")
    assert found is not None and found.owners == ("Piran Hale",)


@pytest.mark.parametrize(
    "text",
    [
        "The Quay wardens will be invited again.",
        "Tidewell Mowers will be asked to clear the leaves from the play area.",
        "The fun run will be rescheduled.",
        "Hall & garden rota details to be sent to Piran.",
        "This item to be put on the agenda for the next meeting.",
    ],
)
def test_owner_less_passive_tasks(text: str) -> None:
    assert action(text) is not None


def test_a_topic_then_a_dash_then_the_owner() -> None:
    found = action("Leaflets - QT to talk to the printer.")
    assert found is not None and found.owners == ("QT",)
    found = action("Leaflets - Piran Hale to talk to the printer.")
    assert found is not None and found.owners == ("Piran Hale",)


def test_an_unknown_word_after_a_dash_is_a_topic_not_an_owner() -> None:
    found = action("Porch appeal - Infill to create a glazed porch.")
    assert found is None or "Infill" not in found.owners


@pytest.mark.parametrize(
    "text",
    [
        "OK to close the rest of the gap.",
        "The scheme lends money from the Council to borrowers at low rates.",
        "Proposed by Cllr Penrose, seconded by Piran Hale to amend the plan as follows.",
    ],
)
def test_not_an_owner_to_verb(text: str) -> None:
    found = action(text)
    assert found is None or found.cue != "pattern:OWNER to VERB"


def test_a_base_verb_ending_in_s_is_still_a_verb() -> None:
    found = action("Piran Hale to address the hedge complaint.")
    assert found is not None and found.owners == ("Piran Hale",)


def test_mentioned_that_he_will_is_a_reported_commitment() -> None:
    found = action("Piran Hale mentioned he will reach out to the blacksmith about the fair.")
    assert found is not None and found.owners == ("Piran Hale",)


def test_an_earlier_decision_recalled_sets_no_task() -> None:
    assert action("It had been agreed that the hedge be cut before the fete, and this was done.") is None
    assert action("It was agreed that the hedge be cut before the fete.") is not None
