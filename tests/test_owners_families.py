"""Owner shapes from issue 10: lists of names, "+" and "or", column headers, coordinated subjects."""

from __future__ import annotations

from minutes_parser import classify as c
from minutes_parser.extract.owners import PeopleIndex, margin_owners, owner_phrase
from minutes_parser.model import AttendanceStatus, Attendee

PEOPLE = PeopleIndex.build(
    [Attendee("Tomas Reyes", AttendanceStatus.PRESENT), Attendee("Ada Finch", AttendanceStatus.PRESENT, initials="AF")],
    "Tomas Reyes chaired. The lights were checked and the kettle was mended.",
)


def test_a_list_with_one_known_name_accepts_the_other_names() -> None:
    assert owner_phrase("Sandy and Tomas", PEOPLE) == ["Sandy", "Tomas"]
    assert owner_phrase("Lights and Tomas", PEOPLE) is None  # a word the document writes in lower case


def test_plus_and_or_split_owners() -> None:
    assert owner_phrase("AF + Tomas", PEOPLE) == ["AF", "Tomas"]
    assert owner_phrase("AF or the Clerk", PEOPLE) == ["AF", "the Clerk"]


def test_column_headers_in_a_margin_are_not_owners() -> None:
    assert margin_owners("Status") == []
    assert margin_owners("AF / Clerk") == ["AF", "Clerk"]


def test_a_coordinated_will_belongs_to_the_sentence_subject() -> None:
    text = "Tomas attended the Harbour Trust Grants Panel on Monday and will update members."
    found = c.owner_will_verb(c.Clause(text, None, PEOPLE))
    assert found is not None and list(found.owners) == ["Tomas"]


def test_the_one_who_will_ask_owns_the_task() -> None:
    clause = c.Clause("The Clerk will ask the Highways Team to cut the verge.", None, PEOPLE)
    assert c.directed_owner(clause) is None
    found = c.ACTION_RULES.first(clause)
    assert found is not None and list(found.owners) == ["The Clerk"]


def test_a_pronoun_after_says_goes_to_the_speaker() -> None:
    clause = c.Clause("Ada says she has two gazebos and she will bring them to the fete.", None, PEOPLE, last_subject="Tomas")
    found = c.owner_will_verb(clause)
    assert found is not None and list(found.owners) == ["Ada"]


def test_a_person_acting_in_a_role_and_all() -> None:
    assert owner_phrase("Tomas Reyes as Chair", PEOPLE) == ["Tomas Reyes"]
    assert owner_phrase("All", PEOPLE) == ["All"]
    assert owner_phrase("all responsibilities", PEOPLE) is None
    assert owner_phrase("the hall as venue", PEOPLE) is None


def test_a_job_title_with_its_section_is_one_officer() -> None:
    people = PeopleIndex.build([], "The roads and the harbour were inspected by the team.")
    assert owner_phrase("the Senior Engineer, Roads and Harbour", people) == ["the Senior Engineer, Roads and Harbour"]
    assert owner_phrase("the Housing Officer, Tenancy Department", people) == ["the Housing Officer, Tenancy Department"]
    assert owner_phrase("the Finance Officer, Sara Lund", people) == ["the Finance Officer", "Sara Lund"]


def test_a_reported_plan_of_an_outside_acronym_is_not_a_task() -> None:
    people = PeopleIndex.build([], "Ana Perez: thanks.\nNTA and the board met.")
    clause = c.Clause("Ana Perez pointed out that NTA will be tightening the rules for grants.", None, people)
    assert c.owner_will_verb(clause) is None
    people = PeopleIndex.build([Attendee("Alan Dale Price", AttendanceStatus.PRESENT, initials="ADP")], "Alan Dale Price chaired.")
    clause = c.Clause("Ana Perez said that ADP will circulate the draft.", None, people)
    found = c.owner_will_verb(clause)
    assert found is not None and list(found.owners) == ["ADP"]  # initials the document defines: a person


def test_they_for_an_acronym_is_not_a_task_of_the_meeting() -> None:
    clause = c.Clause("They will adopt the technical report as it stands.", None, PEOPLE, last_subject="CEN")
    assert c.owner_will_verb(clause) is None
    clause = c.Clause("They will adopt the technical report as it stands.", None, PEOPLE, last_subject="the Editors")
    assert c.owner_will_verb(clause) is not None
