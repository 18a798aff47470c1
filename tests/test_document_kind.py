"""Document kind: an agenda with no minutes is "agenda", whatever the file is called; an agenda
pack that holds minutes is minutes; the agenda's numbered business stays items. Fictional text."""

from __future__ import annotations

from minutes_parser import parse_text
from minutes_parser.model import DocumentKind

AGENDA = """WILLOWMERE PARISH COUNCIL

Councillors are hereby summoned to attend a meeting of the Parish Council to be held
in the Village Hall on Tuesday 12 March 2024 at 7.30pm to transact the business below.

AGENDA

1. To receive apologies for absence.
2. To receive declarations of interest.
3. To approve the minutes of the meeting held on 13 February 2024.
4. To consider the quote for repairs to the bus shelter and agree a contractor.
5. Finance: to approve payments and note the bank reconciliation.
6. The Clerk to report on the playground inspection.
7. To agree the date of the next meeting.
"""

UNTITLED_AGENDA = """Fernbrook Allotment Society

1. To receive apologies
2. To consider the water rates for next season
3. To note the treasurer's statement
4. To elect a new secretary
5. To discuss the autumn show
"""

PACK = AGENDA + """

MINUTES OF THE MEETING OF WILLOWMERE PARISH COUNCIL HELD ON 13 FEBRUARY 2024

Present: Cllr R Ashby (Chair), Cllr T Mole, Cllr P Hendry

1. Apologies
Cllr J Reed sent apologies.

2. Bus shelter
It was resolved to seek two quotes for the repairs. The Clerk to obtain the quotes by the end of March.
"""


def test_agenda_is_agenda_with_items_and_no_findings() -> None:
    minutes = parse_text(AGENDA, name="minutes-2024-03.txt")
    assert minutes.kind is DocumentKind.AGENDA
    numbers = [item.number for item in minutes.items if not item.preamble]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7"]
    assert minutes.items[-1].title.startswith("To agree the date")
    assert not minutes.decisions and not minutes.actions


def test_agenda_without_a_title_is_known_by_its_business() -> None:
    minutes = parse_text(UNTITLED_AGENDA, name="notes.txt")
    assert minutes.kind is DocumentKind.AGENDA
    assert not minutes.actions


def test_agenda_pack_with_minutes_is_minutes_of_the_minuted_meeting() -> None:
    minutes = parse_text(PACK, name="agenda.txt")
    assert minutes.kind is DocumentKind.MINUTES
    assert any("obtain the quotes" in action.text for action in minutes.actions)
    # The meeting is the one minuted (13 February), not the one the agenda calls (12 March).
    assert minutes.meeting.date is not None and minutes.meeting.date.isoformat() == "2024-02-13"
    assert len(minutes.meeting.attendees) == 3
    # The agenda's items stay, then the minutes' own.
    titles = [item.title for item in minutes.items if not item.preamble]
    assert titles[0].startswith("To receive apologies") and titles[-2:] == ["Apologies", "Bus shelter"]
    # No action comes from the agenda's lines.
    assert not any("playground" in action.text for action in minutes.actions)


def test_minutes_linking_their_agenda_stay_minutes() -> None:
    text = """# Saltmarsh Tools Steering Meeting 2024-05-02

* Agenda issue: #41

## Present

* Ada Quill
* Ben Rook

## Release

* Ben will tag the release on Friday.
"""
    assert parse_text(text, name="x.md").kind is DocumentKind.MINUTES


def test_agenda_notes_under_items_give_no_findings() -> None:
    text = """Notice of meeting

The Trustees of the Larchwood Village Hall are summoned to attend a meeting on
Monday 3 June 2024 at 7pm in the small hall.

Agenda

1. Roof repairs
The Treasurer will present two quotes. Trustees are asked to agree a contractor.

2. Bookings policy
The Secretary to circulate the draft policy beforehand.
"""
    minutes = parse_text(text, name="hall_minutes_2024-06.txt")
    assert minutes.kind is DocumentKind.AGENDA
    assert [item.title for item in minutes.items if not item.preamble] == ["Roof repairs", "Bookings policy"]
    assert not minutes.decisions and not minutes.actions
