"""Session 16 attendance shapes of councils the development set lacks: bilingual labels, an
attendance item ("2. ROLL CALL"), role-labelled groups ("Members:", "Staff:") with one titled
person a line, and semicolon-separated "Name, Role" entries. Garbled lines must give fewer
attendees, never invented ones. All minutes here are invented."""

from __future__ import annotations

from helpers import people
from minutes_parser.model import AttendanceStatus

PRESENT = AttendanceStatus.PRESENT
IN_ATTENDANCE = AttendanceStatus.IN_ATTENDANCE
APOLOGIES = AttendanceStatus.APOLOGIES


BILINGUAL = (
    "Cyngor Cymuned Nant y Gro / Nant y Gro Community Council\n\n"
    "Minutes of the meeting held on Monday 7th April 2025\n\n"
    "Yn bresennol / Present:\n"
    "Cyng./Cllr Alys Penri (Cadeirydd / Chair), Cyng./Cllr Tomos Rhydderch\n\n"
    "Hefyd yn bresennol / Also present:\n"
    "Mr Ifan Dafis (Clerc / Clerk); Cyng. Sir / County Cllr Nia Bowen; 3 aelod o'r cyhoedd / 3 members of the public\n\n"
    "Minute 45/25  Ymddiheuriadau / Apologies\nNone.\n"
)


def test_bilingual_labels_and_titles_give_the_people() -> None:
    assert people(BILINGUAL, "nant-y-gro.txt") == [
        ("Cyng./Cllr Alys Penri", "Cadeirydd / Chair", PRESENT),
        ("Cyng./Cllr Tomos Rhydderch", None, PRESENT),
        ("Mr Ifan Dafis", "Clerc / Clerk", IN_ATTENDANCE),
        ("County Cllr Nia Bowen", None, IN_ATTENDANCE),
    ]


ROLL_CALL_ITEM = (
    "Juniper Creek School Board\n\n"
    "Regular Meeting, Tuesday, March 4, 2025\n\n"
    "1. CALL TO ORDER\n\nThe President called the meeting to order at 6:30 p.m.\n\n"
    "2. ROLL CALL\n\n"
    "Present: Ana Ruiz, Ben Colter, Dana Whitt\n"
    "Also present: Dr. Lena Ortiz, Superintendent; Mark Feld, Assistant Superintendent for Business Services\n\n"
    "3. ADJOURNMENT\n\nThe meeting adjourned at 8 p.m.\n"
)


def test_an_attendance_item_holds_the_attendance() -> None:
    assert people(ROLL_CALL_ITEM, "juniper-creek.txt") == [
        ("Ana Ruiz", None, PRESENT),
        ("Ben Colter", None, PRESENT),
        ("Dana Whitt", None, PRESENT),
        ("Dr. Lena Ortiz", "Superintendent", IN_ATTENDANCE),
        ("Mark Feld", "Assistant Superintendent for Business Services", IN_ATTENDANCE),
    ]


GROUP_LABELS = (
    "SHIRE OF WANDERRA\n\n"
    "Minutes of the Ordinary Council Meeting held on 3 April 2025\n\n"
    "1.   OPENING\n\nThe President opened the meeting.\n\n"
    "2.   RECORD OF ATTENDANCE / APOLOGIES\n\n"
    "Members:        Cr Ida Lindqvist (Shire President)\n"
    "                Cr Sam Abara\n\n"
    "Staff:          Mr Joel Prentice, Chief Executive Officer\n"
    "                Ms Ruth Kaye, Manager Works and Services\n\n"
    "Apologies:      Cr Tom Vell\n\n"
    "3.   CLOSURE\n\nThe meeting closed at 2pm.\n"
)


def test_role_labelled_groups_one_titled_person_a_line() -> None:
    assert people(GROUP_LABELS, "wanderra.txt") == [
        ("Cr Ida Lindqvist", "Shire President", PRESENT),
        ("Cr Sam Abara", None, PRESENT),
        ("Mr Joel Prentice", "Chief Executive Officer", IN_ATTENDANCE),
        ("Ms Ruth Kaye", "Manager Works and Services", IN_ATTENDANCE),
        ("Cr Tom Vell", None, APOLOGIES),
    ]


# Semicolons between groups of plain names: the commas still separate people.
GROUPS_BY_SEMICOLON = (
    "Fernlea Residents' Association\n\n"
    "Minutes of the committee meeting held on 3 April 2025\n\n"
    "Present: Ann Reed (Chair), Bob Hale (Secretary); Committee members: Cara Dunn, Dev Patel\n\n"
    "1. Matters arising\n\nNone.\n"
)


def test_semicolon_groups_of_names_still_split_at_commas() -> None:
    names = [name for name, _, _ in people(GROUPS_BY_SEMICOLON, "fernlea.txt")]
    assert names[:2] == ["Ann Reed", "Bob Hale"]
    assert "Committee members" not in " ".join(names)
