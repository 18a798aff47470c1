"""What reads like a task but is not one: hopes and wishes for someone else's act, standing
purposes, noted or confirmed decisions, a body's general needs, a company suffix as an owner, and
a column owner who only presented the item; and "will have the token", which is a task."""

from __future__ import annotations

import pytest

import helpers
from minutes_parser import classify as c
from minutes_parser.classify.paragraphs import _margin_owner_reports
from minutes_parser.extract.owners import PeopleIndex, owner_phrase

PEOPLE = PeopleIndex.build([], "Minutes of the Harrowgate Vale Town Council, held with the Kestrel-vale mentors.")


def first_action(text: str, label: str | None = None) -> c.Finding | None:
    return helpers.first_action(text, PEOPLE, label)


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Brandt: Thanks to the depot team, and I hope you will keep the library open.",
        "I thank the mentors here in the Kestrel-vale area, our mission is to offer weekly support to young people.",
        "The grant needs an update and I would like the figures to be presented to the committee each year.",
        "NOTE the Panel's comments and its wish to refer the item to the Cabinet.",
        "CONFIRM the decision stands as taken by the Cabinet Member.",
        "HVTC needs to deliver £3.1m of savings over the next two years.",
        "However the Kestrel-vale hostel is not intended to offer permanent rooms.",
        "Cllr Brandt had not agreed to chair the panel.",
        "Each ward would end up paying for its own grit bins.",
        "The Department for Rural Affairs will publish the new guidance in the spring.",
        "The Department of Roads, Parks and Heritage will fund half of the repair.",
        "NRWA will also support families by offering advice sessions.",
        "Cllr Brandt concluded that the plan was unsustainable and would lead to cuts in services.",
        "Fair rents for tenants should be written into the new lease.",
        "Liaise with the school, parents, and community groups to promote the walk.",
        "Allotment rents to continue to be set each spring by the committee.",
        "Ines Falk needs to have a permit from the harbour board to moor there.",
        "Cllr Brandt agreed to take over from Ines as the Council's nominee for the Almshouse Trust.",
        "A short guide is something we might bring back to the trustees next year.",
    ],
)
def test_wishes_purposes_and_records_are_not_tasks(text: str) -> None:
    assert first_action(text) is None


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("Cllr Brandt will keep the jobs in town.", ("Cllr Brandt",)),
        ("Refer the tender to the Town Clerk for review.", ("the Town Clerk",)),
        ("CONFIRM the booking of the hall with the caretaker.", ()),
        ("Ines Falk will have the pen on the revised leaflet.", ("Ines Falk",)),
        ("Ref Action 1 RB will send the survey slides to all members", ("RB",)),
        ("Cllr Brandt would lead the working group.", ("Cllr Brandt",)),
        ("Cllr Brandt agreed to act on the complaint about the footpath.", ("Cllr Brandt",)),
    ],
)
def test_the_same_shapes_with_a_task_stay(text: str, owners: tuple[str, ...]) -> None:
    found = first_action(text)
    assert found is not None and found.owners == owners


def test_a_column_owner_who_presented_the_item_has_no_task_there() -> None:
    assert _margin_owner_reports("The Clerk presented the quarterly budget figures, which were accepted.", ("Clerk",))
    assert _margin_owner_reports("KD provided information on the benchmarking.", ("KD",))
    assert not _margin_owner_reports("The Clerk presented the return and would send it to the auditor.", ("Clerk",))


def test_a_company_suffix_alone_names_no_owner() -> None:
    people = PeopleIndex.build([], "A contract with Brightwater Mentoring, Inc. was approved.")
    assert owner_phrase("Inc", people) is None
    assert owner_phrase("Ltd", people) is None
    assert owner_phrase("Ines Falk", people) == ["Ines Falk"]


def test_an_agreed_or_deferred_record_beside_a_column_owner_is_no_task() -> None:
    from minutes_parser.classify import classify_paragraph
    from minutes_parser.nlp import sentence_spans

    def kind(text: str) -> str:
        return classify_paragraph(text, sentence_spans([text])[0], label=None, people=PEOPLE, margin="Clerk")[0].kind

    assert kind("Lettings Policy – deferred to the next meeting.") != "action"
    assert kind("The hall hire policy was agreed.") != "action"
    assert kind("Quotes for the bench are still awaited.") == "action"  # the column's owner chases them


def test_an_acronym_that_speaks_in_the_minutes_is_a_person() -> None:
    people = PeopleIndex.build([], "Ots: we should check this.\nMinutes of the Kestrel app group.")
    found = c.ACTION_RULES.first(c.Clause("OTS will draft a note on the backup checks.", None, people))
    assert found is not None and found.owners == ("OTS",)


def test_putting_the_motion_to_the_vote_is_procedure() -> None:
    assert first_action("The Mayor put the amended proposal to a show of hands.", "RESOLVED") is None
    found = first_action("that the Clerk put the bench order in hand", "RESOLVED")
    assert found is not None and found.owners == ("the Clerk",)
