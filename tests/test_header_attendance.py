"""Meeting header facts and attendance lists, on lines shaped like real minutes."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_parser.extract.meeting import body_from, header_facts, yearless_meeting_date
from minutes_parser.model import AttendanceStatus
from minutes_parser.segment.attendance import parse_person, split_names

PRESENT = AttendanceStatus.PRESENT


@pytest.mark.parametrize(
    ("raw", "name", "role", "organisation", "initials"),
    [
        ("Mia Shelton (MS)", "Mia Shelton", None, None, "MS"),
        ("Cllr Margaret Ellison (ME) – Chair", "Cllr Margaret Ellison", "Chair", None, "ME"),
        ("Kevin Kasaven (Director of Finance)", "Kevin Kasaven", "Director of Finance", None, None),
        ("Margaret Carey MC", "Margaret Carey", None, None, "MC"),
        ("Rosa Lind @rlind (TSC)", "Rosa Lind", "TSC", None, None),
        ("Cllr Amira Begum (Leeds City Council)", "Cllr Amira Begum", None, "Leeds City Council", None),
        ("Cllr Tessa Marlow (family commitment)", "Cllr Tessa Marlow", None, None, None),
    ],
)
def test_parse_person(raw: str, name: str, role: str | None, organisation: str | None, initials: str | None) -> None:
    person = parse_person(raw, PRESENT)
    assert person is not None
    assert (person.name, person.role, person.organisation, person.initials) == (name, role, organisation, initials)


def test_split_names_on_commas_and_titles_but_not_qualifiers() -> None:
    assert split_names("Cllr Ann Reed Cllr Bill Ash Cllr Cara Moss") == [
        "Cllr Ann Reed",
        "Cllr Bill Ash",
        "Cllr Cara Moss",
    ]
    assert split_names("District Cllr Frances Tilney; PCSO Dean Harker") == ["District Cllr Frances Tilney", "PCSO Dean Harker"]
    assert split_names("Ola Berg, Sean O'Hare and Lia Mancini") == ["Ola Berg", "Sean O'Hare", "Lia Mancini"]


def test_header_facts_prefer_the_meeting_line_over_a_file_date_heading() -> None:
    header = ["2021-05-06", "Makerspace Board - Board Meeting Minutes", "14 March 2019 / 19:00 / Town Library /"]
    facts = header_facts(header, "", "notes.md", None)
    assert facts.date == dt.date(2019, 3, 14)
    assert facts.time == "19:00"


def test_next_meeting_mention_does_not_veto_the_meeting_date() -> None:
    line = "HOLLYBROOK PARISH COUNCIL Draft (to be approved at the next meeting) Minutes of the Ordinary Meeting held on Tuesday 9 March 2021 at 7.30 pm"
    assert header_facts([line], "", "x.md", None).date == dt.date(2021, 3, 9)
    assert header_facts(["Date of next meeting: Tuesday 13 April 2021"], "", "x.md", None).date is None


def test_body_venue_and_time_from_the_meeting_line() -> None:
    lines = [
        "WYVERNHAM PARISH COUNCIL",
        "Minutes of the meeting of Wyvernham Parish Council held on Wednesday 13 March 2024 at 6.00pm in Wyvernham Village Hall.",
    ]
    facts = header_facts(lines, "", "x.md", None)
    assert facts.body == "Wyvernham Parish Council"
    assert facts.time == "6.00pm"
    assert facts.venue == "Wyvernham Village Hall"
    assert body_from(["Note of last Improvement & Innovation Board meeting"]) == "Improvement & Innovation Board"


def test_year_less_meeting_date_from_a_publication_date_warns() -> None:
    lines = ["Minutes of a meeting held in the Scout Hut at 7pm on Thursday 9th November"]
    assert yearless_meeting_date(lines, dt.date(2024, 1, 20)) == dt.date(2023, 11, 9)
    facts = header_facts(lines, "", "x.md", None, published=dt.date(2024, 1, 20))
    assert facts.date == dt.date(2023, 11, 9)
    assert any("no year" in w for w in facts.warnings)


def test_file_name_date_is_a_warned_fallback_and_the_override_wins() -> None:
    facts = header_facts(["Roads update"], "", "scrutiny_2024-11-27.txt", None)
    assert facts.date == dt.date(2024, 11, 27) and facts.date_source == "filename" and facts.warnings
    overridden = header_facts(["Held on 3 March 2025"], "", "x.txt", dt.date(2025, 3, 4))
    assert overridden.date == dt.date(2025, 3, 4) and overridden.date_source == "override"
