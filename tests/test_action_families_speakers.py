"""Chat-style minutes where speakers' handles also appear in lower case: a speaker is a name."""

from __future__ import annotations

from helpers import clause, first_action
from minutes_parser.classify.actions import assigned_to
from minutes_parser.extract.owners import PeopleIndex, owner_phrase

CHAT = """Nell: we should split the parser draft.
kit: agreed, nell and I can pair on it.
Action: Nell to open the issue.
Rafe: the test vectors are stale.
"""
PEOPLE = PeopleIndex.build([], CHAT)


def test_a_speaker_is_a_name_even_when_written_in_lower_case_elsewhere() -> None:
    assert owner_phrase("Nell", PEOPLE) == ["Nell"]
    found = first_action("Nell to open the issue.", PEOPLE)
    assert found is not None and found.owners == ("Nell",)


def test_a_label_that_opens_a_line_is_not_a_speaker() -> None:
    assert "Action" not in PEOPLE.speakers
    assert owner_phrase("Action", PEOPLE) is None


def test_a_stated_option_is_not_a_task() -> None:
    assert first_action("Rafe and Nell have talked and one option is to drop the stub.", PEOPLE) is None


def test_a_first_person_contraction_is_not_an_owner() -> None:
    assert owner_phrase("I’ll", PEOPLE) is None and owner_phrase("We'll", PEOPLE) is None


def test_assigned_to_a_person_or_role_is_a_task() -> None:
    people = PeopleIndex.build([], "Dana: thanks.\nPiotr (@pk): ok.")
    found = first_action("Assigned to editors to describe the attack.", people)
    assert found is not None and found.owners == ("editors",)
    found = first_action("Piotr: this is editorial and assigned to dana.", people)
    assert found is not None and found.owners == ("dana",)
    assert assigned_to(clause("The land was assigned to the Parish.", people=people)) is None


def test_a_name_with_its_handle_is_an_owner() -> None:
    people = PeopleIndex.build([], "Piotr (@pk): ok.")
    found = first_action("Piotr (@pk) to wrap this up.", people)
    assert found is not None and found.owners == ("Piotr (@pk)",)
