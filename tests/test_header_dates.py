"""The meeting date: title block first, year-less titles, day ranges, dates that are not the meeting's.

All lines are invented; the shapes are those of real minutes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_parser.extract.dates import find_meeting_dates
from minutes_parser.extract.meeting import header_facts, meeting_date_from, title_block_end


def test_a_bare_date_under_the_title_beats_a_meeting_mentioned_in_the_text() -> None:
    header = [
        "Borough of Fenwick",
        "ASHLEY GREEN TOWNSHIP BOARD MEETING",
        "March 9, 2023",
        "The regular meeting of the Board was called to order by Supervisor Talbot at 7:00 PM.",
        "Pledge of Allegiance was given.",
        "Clerk: Clerk Moreno said that the Annual Town Meeting is being held on Tuesday, April 11, 2023, at 7 PM."
        " A motion was made to approve the agenda for it by Trustee Vance, seconded by Trustee Oduya. All in favor.",
    ]
    assert header_facts(header, "", "minutes.pdf", None).date == dt.date(2023, 3, 9)


def test_a_title_that_opens_a_run_on_line_is_still_the_title() -> None:
    line = (
        "14/02 MINUTES OF ELMSTEAD PARISH COUNCIL MEETING HELD AT THE OLD SCHOOL 6TH NOVEMBER 2023 Present: Cllr Ann Toller,"
        " Cllr Rob Finch. 1. Apologies were received. Bulletins 18.10.23 and 22.11.23 were held on file."
        + " Further reports were noted." * 10
    )
    header = ["Elmstead Parish Council November Minutes", line, "Training held on 01.11.23"]
    assert title_block_end(header) == (1, line.index("Present"))
    assert header_facts(header, "", "x.md", None).date == dt.date(2023, 11, 6)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Strategy Away Day 30–31 January 2024", dt.date(2024, 1, 30)),
        ("Residential meeting, 30th-31st January 2024", dt.date(2024, 1, 30)),
        ("Board retreat: Monday 30 and Tuesday 31 January 2024", dt.date(2024, 1, 30)),
        ("Conference 30 January – 1 February 2024", dt.date(2024, 1, 30)),
        ("Winter school 31 December 2023 - 2 January 2024", dt.date(2023, 12, 31)),
        ("Planning retreat January 30-31, 2024", dt.date(2024, 1, 30)),
        ("Work session December 31 - January 2, 2024", dt.date(2023, 12, 31)),
        ("Interim meeting, 30/31 January 2024", dt.date(2024, 1, 30)),
    ],
)
def test_a_day_range_gives_its_first_day(line: str, expected: dt.date) -> None:
    assert meeting_date_from([line]) == expected


def test_a_range_must_be_a_few_days_forward() -> None:
    # "1 - 30 June" is a month's span, not the days of one meeting: the explicit date stands.
    assert [d for _s, _e, d in find_meeting_dates("Returns for 1 - 30 June 2024")] == [dt.date(2024, 6, 30)]
    assert [d for _s, _e, d in find_meeting_dates("Held on 14 March 2024")] == [dt.date(2024, 3, 14)]


def test_year_less_title_resolved_from_the_file_name_with_a_warning() -> None:
    header = [
        "Team Orbit Weekly Meeting 3rd December - DRAFT",
        "Present: Nia, Tomas, Priya",
        "Tomas: the notes for 2nd December 2019 need tidying",
    ]
    facts = header_facts(header, "", "orbit_2019-12-03.docx", None)
    assert facts.date == dt.date(2019, 12, 3)
    assert any("no year" in w and "file name" in w for w in facts.warnings)


def test_year_less_title_resolved_from_the_next_meeting_line() -> None:
    header = ["Harbour Users Forum - Thursday 14th March", "Present: Cllr Dee Marsh"]
    text = "Harbour Users Forum\n...\nDate of next meeting: Thursday 11 April 2024 at 7pm\n"
    facts = header_facts(header, text, "forum.txt", None)
    assert facts.date == dt.date(2024, 3, 14)
    assert any("next meeting" in w for w in facts.warnings)


def test_year_less_title_takes_the_year_of_a_date_in_the_text_last() -> None:
    header = ["Robotics Club tutorial 3rd December", "Present: Ivo, Lena", "Ivo: notes of 2nd December 2021 to be updated"]
    facts = header_facts(header, "", "notes.docx", None)
    assert facts.date == dt.date(2021, 12, 3)
    assert facts.warnings


def test_the_minutes_being_approved_are_of_an_earlier_meeting() -> None:
    header = [
        "Milbrook Village Hall Committee",
        "Motion to approve the minutes of the regular meeting on February 8, 2023, as written. All in favor.",
    ]
    assert header_facts(header, "", "x.txt", None).date is None
    # "Approved Minutes" is the title of these minutes, not an approval of others.
    assert meeting_date_from(["Approved Minutes of the Milbrook Committee held on Monday 6 March 2023"]) == dt.date(2023, 3, 6)


def test_a_status_date_is_not_the_meeting_date() -> None:
    assert meeting_date_from(["Statement of accounts as at 31 May 2023: balance £1,204.50"]) is None


def test_a_year_slip_in_the_text_yields_to_the_file_name() -> None:
    header = ["Minutes extract from the Harbour Committee – 12 December 2025", "Item 4 – Moorings"]
    facts = header_facts(header, "", "harbour_committee_2024-12-12_extract.pdf", None)
    assert facts.date == dt.date(2024, 12, 12)
    assert any("only in the year" in w for w in facts.warnings)
    # A different day is a different meeting: the text stands.
    assert header_facts(header, "", "harbour_committee_2024-12-05.pdf", None).date == dt.date(2025, 12, 12)
