"""Attendance lists hold people (or roles), never fragments. Fictional names throughout."""

from __future__ import annotations

from minutes_parser.model import AttendanceStatus
from minutes_parser.segment.attendance import parse_person, split_names

PRESENT = AttendanceStatus.PRESENT


def _names(text: str) -> list[str]:
    people = [parse_person(raw, PRESENT) for raw in split_names(text)]
    return [p.name for p in people if p is not None]


def test_a_plural_title_before_initials_and_surnames_gives_each_person() -> None:
    assert _names("Councillors D Richardby R Heale") == ["Councillor D Richardby", "Councillor R Heale"]
    assert _names("Cllrs Amberley, Bower and Crane") == ["Cllr Amberley", "Cllr Bower", "Cllr Crane"]
    # A qualified title already on a name is kept as written.
    assert _names("Councillors Ann Pryce, County Councillor Huw Tal") == ["Councillor Ann Pryce", "County Councillor Huw Tal"]


def test_a_couple_is_two_people() -> None:
    assert _names("Mr & Mrs Godwell") == ["Mr Godwell", "Mrs Godwell"]
    assert _names("Dr and Mrs Pelham, Ms Rue") == ["Dr Pelham", "Mrs Pelham", "Ms Rue"]


def test_commas_inside_a_role_do_not_split_the_person() -> None:
    people = [parse_person(raw, PRESENT) for raw in split_names("Mrs T Harlow (Director of Roads, Parks and Waste), Mr K Oduya (Clerk)")]
    assert [(p.name, p.role) for p in people if p] == [
        ("Mrs T Harlow", "Director of Roads, Parks and Waste"),
        ("Mr K Oduya", "Clerk"),
    ]


def test_a_role_label_before_a_name() -> None:
    person = parse_person("Minute taker: Ivo Brennan", PRESENT)
    assert person is not None and (person.name, person.role) == ("Ivo Brennan", "Minute taker")


def test_names_run_together_with_full_stops_but_not_after_a_title() -> None:
    assert _names("Petra Olsen. Gil Marsh") == ["Petra Olsen", "Gil Marsh"]
    assert _names("Cllr. Ann Hope, Cllr. R. Tate") == ["Cllr. Ann Hope", "Cllr. R. Tate"]


def test_initials_defined_in_brackets_and_first_name_lists() -> None:
    person = parse_person("Mia Shelton (MS)", PRESENT)
    assert person is not None and person.initials == "MS"
    person = parse_person("Ada Quist (AQ - chair)", PRESENT)
    assert person is not None and (person.name, person.initials, person.role) == ("Ada Quist", "AQ", "chair")
    assert _names("Tom, Nia, Priya and Sol") == ["Tom", "Nia", "Priya", "Sol"]


def test_garbled_lines_give_fewer_people_never_invented_ones() -> None:
    # A table read across: two people run together, column words, sentence fragments.
    assert _names("Rona Vale Bart Ostrow") == []
    assert _names("Present Present Absent") == []
    assert _names("IN THE CHAIR:") == []
    assert _names("AS READ AND/OR AS CORRECTED") == []
    assert _names("Staff Present:") == []


def test_invited_but_did_not_attend_is_an_absence_list_not_an_item() -> None:
    from minutes_parser import parse_text

    text = (
        "# Sprint Review Meeting\n\nDate: 4 March 2019\n\n## Attendees\n\n- Ana Brook\n- Tom Vale\n\n"
        "## Invited but did not attend\n\n- Lee Marsh\n\n## Items Discussed\n\nThe demo went well.\n"
    )
    minutes = parse_text(text, name="review.md")
    assert [item.title for item in minutes.items if not item.preamble] == ["Items Discussed"]
    absent = [a.name for a in minutes.meeting.attendees if a.status is AttendanceStatus.ABSENT]
    assert absent == ["Lee Marsh"]


def test_a_labelled_line_after_a_present_line_starts_its_own_list() -> None:
    from minutes_parser import parse_text

    text = (
        "Minutes of Oakley Parish Council, 5 May 2021\n\nPresent: Cllr Ann Bee, Cllr Carl Dee\n\n"
        "Unable to attend: Cllr Eve Fay\n\nOfficials present: Jo Kay\n\n1. Planning\n\nNo applications.\n"
    )
    minutes = parse_text(text, name="oakley.txt")
    status = {a.name.removeprefix("Cllr "): a.status for a in minutes.meeting.attendees}
    assert status == {
        "Ann Bee": PRESENT,
        "Carl Dee": PRESENT,
        "Eve Fay": AttendanceStatus.ABSENT,
        "Jo Kay": AttendanceStatus.IN_ATTENDANCE,
    }
    assert [item.title for item in minutes.items if not item.preamble] == ["Planning"]


def test_a_role_line_after_an_apologies_line_is_no_absence() -> None:
    from minutes_parser import parse_text

    text = (
        "Minutes of Oakley Residents Group, 5 May 2021\n\nPresent: Ann Bee, Carl Dee, Jo Kay\n\n"
        "Apologies: Eve Fay\n\nMinute taker: Jo Kay\n\n1. Planning\n\nNo applications.\n"
    )
    minutes = parse_text(text, name="oakley.txt")
    assert [(a.name, a.status) for a in minutes.meeting.attendees if a.name == "Jo Kay"] == [("Jo Kay", PRESENT)]
