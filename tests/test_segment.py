"""Segmentation on real-shaped minutes: header, attendance, agenda items, paragraphs and labels."""

from __future__ import annotations

import datetime as dt

from minutes_parser import parse_text
from minutes_parser.model import AttendanceStatus, Minutes


def titles(minutes: Minutes) -> list[tuple[str | None, str]]:
    return [(item.number, item.title) for item in minutes.items if not item.preamble and not item.appendix]


MODERNGOV = (
    "Note of last Community Wellbeing Board meeting\n\tTitle:\n\n\tCommunity Wellbeing Board\n\n\tDate:\n\n"
    "\tWednesday 14 February 2024\n\tVenue:\n\tRoom 2, 18 Smith Square, London\n\n"
    "<AI1>\n\n\t1  \n\tWelcome and apologies\n \n\t\n\tThe Chair welcomed members.\n\n</AI1>\n\n"
    "<AI2>\n\n\t2  \n\tHousing update\n \n\t\n\tThe Chair introduced Rosa Tamm, who set out the position on\n\n"
    "temporary accommodation and the pressure this placed on budgets in\n\nevery region.\n\n"
    "Decision:\n\nMembers noted the update.\n\nAction:\n\nOfficers to circulate the regional figures.\n\n</AI5>\n\n"
    "<AI3>\n\n\t3  \n\tNote of the previous meeting\n\n\tThe note of the previous meeting was agreed.\n\n</AI3>\n\n"
    "<TRAILER_SECTION>\n\nAppendix A -Attendance \n\n\tPosition/Role\n\tCouncillor\n\tAuthority\n\n"
    "\tChair\n\t Cllr Amira Begum\n\tLeeds City Council\n\n\tMembers\n\t Cllr Tom Hart\n\tKent County Council\n"
)


def test_moderngov_items_follow_opening_tags_even_when_closing_tags_mismatch() -> None:
    minutes = parse_text(MODERNGOV, name="note.txt")
    assert titles(minutes) == [("1", "Welcome and apologies"), ("2", "Housing update"), ("3", "Note of the previous meeting")]
    assert [item.key for item in minutes.items if not item.preamble and not item.appendix] == ["AI1", "AI2", "AI3"]
    assert any("closed by" in w for w in minutes.warnings)
    assert minutes.source.format.value == "moderngov"


def test_moderngov_header_labels_and_rejoined_sentence() -> None:
    minutes = parse_text(MODERNGOV, name="note.txt")
    assert minutes.meeting.date == dt.date(2024, 2, 14)
    assert minutes.meeting.body == "Community Wellbeing Board"
    housing = minutes.items[[i.title for i in minutes.items].index("Housing update")]
    texts = [p.text for p in housing.paragraphs if p.text]
    # A sentence broken over blank lines is one paragraph again.
    assert any(t.startswith("The Chair introduced Rosa Tamm") and t.endswith("in every region.") for t in texts)
    assert [d.text for d in minutes.decisions][:1] == ["Members noted the update."]
    (action,) = [a for a in minutes.actions if a.item == "2"]
    assert action.text == "Officers to circulate the regional figures." and [o.name for o in action.owners] == ["Officers"]


def test_trailer_attendance_table() -> None:
    minutes = parse_text(MODERNGOV, name="note.txt")
    people = {a.name: a for a in minutes.meeting.attendees}
    assert "Cllr Amira Begum" in people
    assert people["Cllr Amira Begum"].organisation == "Leeds City Council"
    assert people["Cllr Amira Begum"].role == "Chair"


PARISH = """STOKE MARSH PARISH COUNCIL Minutes of the Ordinary Meeting held on Tuesday 9 July 2024 at 7.30 pm in the Village Hall

Present: Cllr Ann Reed (Chair), Cllr Bill Ash, Cllr Cara Moss
In attendance: Jo Price (Parish Clerk)
Apologies: Cllr Dev Patel

41/24 Apologies for Absence There were apologies from Cllr Dev Patel.

42/24 Minutes of the Meeting held on 11 June 2024 The minutes were approved as a true record. Proposed Cllr Ash, seconded Cllr Moss, all in favour.

43/24 Matters Arising • Dog bin, Mill Lane: still awaited from the District Council. The Clerk to chase. • Bus shelter: Cllr Moss agreed to obtain two quotes.

RESOLVED: That the Clerk write to Highways about the verge on Church Road.

44/24 Date of Next Meeting Tuesday 10 September 2024
"""


def test_minute_numbers_split_run_on_titles() -> None:
    minutes = parse_text(PARISH, name="parish.md")
    assert titles(minutes) == [
        ("41/24", "Apologies for Absence"),
        ("42/24", "Minutes of the Meeting held on 11 June 2024"),
        ("43/24", "Matters Arising"),
        ("44/24", "Date of Next Meeting Tuesday 10 September 2024"),
    ]
    assert minutes.meeting.date == dt.date(2024, 7, 9)
    assert minutes.meeting.next_meeting == dt.date(2024, 9, 10)


def test_attendance_statuses_roles() -> None:
    minutes = parse_text(PARISH, name="parish.md")
    by_status = {(a.name, a.status) for a in minutes.meeting.attendees}
    assert ("Cllr Ann Reed", AttendanceStatus.PRESENT) in by_status
    assert ("Jo Price", AttendanceStatus.IN_ATTENDANCE) in by_status
    assert ("Cllr Dev Patel", AttendanceStatus.APOLOGIES) in by_status
    chair = next(a for a in minutes.meeting.attendees if a.name == "Cllr Ann Reed")
    assert chair.role == "Chair"


def test_inline_bullets_labels_and_resolution_directing_someone() -> None:
    minutes = parse_text(PARISH, name="parish.md")
    matters = next(i for i in minutes.items if i.number == "43/24")
    bullets = [p for p in matters.paragraphs if p.list_marker]
    assert len(bullets) == 2
    owners = {a.text: [o.name for o in a.owners] for a in minutes.actions}
    # A surname the attendance list defines resolves to the person; the written form is kept.
    assert owners["Bus shelter: Cllr Moss agreed to obtain two quotes."] == ["Cllr Cara Moss"]
    moss = next(a for a in minutes.actions if a.text.startswith("Bus shelter"))
    assert [o.written for o in moss.owners] == ["Cllr Moss"]
    assert any(t.endswith("The Clerk to chase.") and t.startswith("Dog bin") for t in owners)
    resolution = "That the Clerk write to Highways about the verge on Church Road."
    assert resolution in [d.text for d in minutes.decisions]
    assert owners[resolution] == ["the Clerk"]
    # The tally after the approval records the vote; it is not a second decision.
    assert sum(1 for d in minutes.decisions if d.item == "42/24") == 1


NUMBERED = """WESTBY TOWN COUNCIL

MINUTES of a meeting of the Finance Committee held on Monday, 3 March 2025.

5.  Budget Monitoring
(Item 5)

5.1  The Town Clerk introduced the report, which forecast an underspend on
grounds maintenance.

5.2  RESOLVED that:

(a) the forecast position be noted; and

(b) the Town Clerk report the outturn to the Committee in June 2025.

6.  Any Other Business
(Item 6)

None.
"""


def test_numbered_items_item_lines_and_lettered_resolutions() -> None:
    minutes = parse_text(NUMBERED, name="finance.txt")
    assert titles(minutes) == [("5", "Budget Monitoring"), ("6", "Any Other Business")]
    decisions = [d.text for d in minutes.decisions]
    assert "the forecast position be noted; and" in decisions
    (action,) = minutes.actions
    assert action.text.startswith("the Town Clerk report the outturn")
    assert [o.name for o in action.owners] == ["the Town Clerk"]
    assert action.due is not None and action.due.value == "2025-06"
    # Hard-wrapped lines are one paragraph.
    budget = next(i for i in minutes.items if i.number == "5")
    assert any(p.text.endswith("on grounds maintenance.") and "\n" not in p.text for p in budget.paragraphs)


MARKDOWN = """---
title: "Board meeting 2024-04-03"
---

# Widgets Project Steering Committee

## Present

- Ana Lima @alima
- Sam Kerr @skerr

## Agenda

- Release planning
- CI timeouts

## Minutes

- Release planning
  - Sam: the release is blocked on docs.
  - Agreed to ship 2.0 after the docs land.

### Action items

- Sam: investigate the Windows CI timeouts
  - nothing found so far
- Ana: draft the release notes by 10 April
"""


def test_markdown_agenda_bullets_are_items_and_action_items_section_is_labelled() -> None:
    minutes = parse_text(MARKDOWN, name="notes.md")
    assert [t for _, t in titles(minutes)] == ["Release planning", "CI timeouts"]
    assert minutes.meeting.date == dt.date(2024, 4, 3)
    owners = {a.text: [o.name for o in a.owners] for a in minutes.actions}
    # First names resolve to the people under "Present".
    assert owners["Sam: investigate the Windows CI timeouts"] == ["Sam Kerr"]
    draft = next(a for a in minutes.actions if a.text.startswith("Ana:"))
    assert [o.name for o in draft.owners] == ["Ana Lima"] and [o.written for o in draft.owners] == ["Ana"] and draft.due is not None and draft.due.value == "2024-04-10"
    # A note nested under an action item is not an action of its own.
    assert not any(a.text.startswith("nothing found") for a in minutes.actions)
    assert "Agreed to ship 2.0 after the docs land." in [d.text for d in minutes.decisions]


def test_supporting_documents_become_an_appendix() -> None:
    text = "Agenda item\n\nRoads update\n\nMembers noted the report.\n\nSupporting documents:\n"
    minutes = parse_text(text, name="item.txt")
    assert titles(minutes) == [(None, "Roads update")]
    assert [i.title for i in minutes.items if i.appendix] == ["Supporting documents"]


def test_meeting_date_from_file_name_warns_and_override_wins() -> None:
    text = "Agenda item\n\nRoads update\n\nMembers noted the report.\n"
    from_name = parse_text(text, name="scrutiny_2024-11-27.txt")
    assert from_name.meeting.date == dt.date(2024, 11, 27) and from_name.meeting.date_source == "filename"
    assert any("file name" in w for w in from_name.warnings)
    overridden = parse_text(text, name="scrutiny_2024-11-27.txt", meeting_date=dt.date(2024, 12, 1))
    assert overridden.meeting.date == dt.date(2024, 12, 1) and overridden.meeting.date_source == "override"
    undated = parse_text(text, name="scrutiny.txt")
    assert undated.meeting.date is None


def test_not_minutes_is_unknown_with_no_actions() -> None:
    recipe = "Lemon drizzle\n\nMix the butter and sugar, add eggs and flour, bake for forty minutes.\n"
    minutes = parse_text(recipe, name="recipe.txt")
    assert minutes.kind.value == "unknown"
    assert minutes.actions == ()


# --- outline markers: roman numerals, capital letters, a marker on its own line -----------------

ROMAN_OUTLINE = (
    "HARBOUR TRUST BOARD\nMinutes of the meeting of 4 June 2024\n\n"
    "I.\n\nOpening\nThe Chair opened the meeting at 6 p.m.\n\n"
    "II.\n\nFerry Timetable\nThe Board reviewed the summer timetable.\n\n"
    "III.\n\nConsent Items\nThe Board approved the items below.\n\n"
    "A.\n\nBuoy Maintenance Contract\nApproved as presented.\n\n"
    "B.\n\nQuay Lighting\nApproved as presented.\n\n"
    "IV.\n\nClose\nThe meeting closed at 7 p.m.\n"
)


def test_roman_and_capital_letter_markers_on_their_own_lines_open_items() -> None:
    minutes = parse_text(ROMAN_OUTLINE, name="trust.txt")
    assert titles(minutes) == [
        ("I", "Opening"),
        ("II", "Ferry Timetable"),
        ("III", "Consent Items"),
        ("A", "Buoy Maintenance Contract"),
        ("B", "Quay Lighting"),
        ("IV", "Close"),
    ]


CAPITAL_LETTER_SUBITEMS = (
    "Orchard Society Committee\nMinutes, 2 May 2024\n\n"
    " 1. Opening\n\n    The meeting opened at 7pm.\n\n"
    " 2. Officer Reports\n\n"
    "    A. Treasurer [Nia]\n\n       Funds stand at 400 pounds.\n\n"
    "          1. Renew the insurance\n          2. Pay the hall hire\n\n"
    "    B. Secretary [Omar]\n\n       J. Ellery wrote to thank the members.\n\n"
    " 3. Close\n\n    Closed at 8pm.\n"
)


def test_capital_letter_sub_items_join_their_number_and_deeper_lists_stay_inside() -> None:
    minutes = parse_text(CAPITAL_LETTER_SUBITEMS, name="orchard.txt")
    assert titles(minutes) == [
        ("1", "Opening"),
        ("2", "Officer Reports"),
        ("2A", "Treasurer [Nia]"),
        ("2B", "Secretary [Omar]"),
        ("3", "Close"),
    ]
    secretary = next(item for item in minutes.items if item.number == "2B")
    assert any("J. Ellery wrote" in p.text for p in secretary.paragraphs)  # initials are not a marker


def test_attachments_heading_after_the_items_holds_appendices_not_items() -> None:
    text = (
        "Orchard Society Committee\nMinutes, 2 May 2024\n\n1. Opening\n\nThe meeting opened.\n\n"
        "2. Close\n\nClosed at 8pm.\n\nATTACHMENTS:\n\nREPORT OF THE TREASURER\n\nFunds are healthy.\n\n"
        "CURRENT ACTIVITY\n\nNothing to add.\n"
    )
    minutes = parse_text(text, name="orchard.txt")
    assert titles(minutes) == [("1", "Opening"), ("2", "Close")]


# --- lines promoted to headings: page breaks, repeated labels, fragments ------------------------

CONVERTED_PAGES = (
    "**MINUTES OF THE MEETING OF KELLWICK TOWN COUNCIL, MONDAY 3RD JUNE 2024**\n\n"
    "**1.Adoption of Minutes**\n\nThe minutes of the May meeting were adopted.\n\n"
    "**2.Library Hours**\n\nThe Town Clerk reported on the\n\nnew opening hours agreed with the county.\n"
    "---\n2\n\n**REPLY:**\n\nThe hours begin in July.\n\n**Name of Branch and**\n\n**2023**\n\n"
    "**3.Questions from Members**\n\n**REPLY:**\n\nNone were received.\n\n"
    "**4.Grass Cutting**\n\n**REPLY:**\n\nThe contractor starts next week.\n"
)


def test_page_breaks_repeated_labels_and_table_fragments_are_not_items() -> None:
    minutes = parse_text(CONVERTED_PAGES, name="kellwick.md")
    assert titles(minutes) == [
        ("1", "Adoption of Minutes"),
        ("2", "Library Hours"),
        ("3", "Questions from Members"),
        ("4", "Grass Cutting"),
    ]


def test_sentence_and_outcome_lines_set_in_bold_are_text() -> None:
    text = (
        "Ashmere Parish Council\nMinutes of 5 March 2024\n\n**7. Grants**\n\n**Approved.**\n\n"
        "**The committee resolved to note the report.**\n\n**8. Close**\n\nClosed at 9pm.\n"
    )
    minutes = parse_text(text, name="ashmere.md")
    assert titles(minutes) == [("7", "Grants"), ("8", "Close")]


# --- numbers in a reference column, prefixed minute numbers -------------------------------------

def test_reference_column_before_the_item_number_opens_items() -> None:
    text = (
        "SUMMARY OF RIVERTON CITY COUNCIL MEETING\nApril 7, 2025 4:30 PM\n\n"
        "25-0101 1. ROLL CALL: Present: Abel, Brandt and Cruz.\n\n"
        "25-0102 2. City Clerk to issue dog licences. Moved by Abel to adopt. Motion Carried 3-0.\n\n"
        "25-0103 3. Approving repairs to the following:\n\n"
        "25-0104 (A) Elm Street footbridge. Moved by Cruz to adopt. Motion Carried 3-0.\n"
    )
    minutes = parse_text(text, name="riverton.txt")
    assert [t[0] for t in titles(minutes)] == ["1", "2", "3", "3A"]
    assert titles(minutes)[1][1] == "City Clerk to issue dog licences."
    clerk = next(item for item in minutes.items if item.number == "2")
    assert clerk.paragraphs[0].text.startswith("City Clerk to issue dog licences. Moved by Abel")
