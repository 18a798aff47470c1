"""Agenda-item structure families: coded minute numbers, register entries printed over several
lines, and the titles they take. All minutes here are invented.

Most cases are one document and what its items must be, a row named after what it shows: in
``test_item_titles`` the titles exactly, in ``test_titles_named_or_not`` titles that must or must
not be among them, in ``test_numbered_items`` the (number, title) of every item."""

from __future__ import annotations

import pytest

from helpers import numbered_items, titles
from minutes_parser import parse_text

CODED_MINUTES = (
    "MARSHFIELD ACADEMY BOARD OF GOVERNORS\n\n"
    "Full Governing Board meeting 3 March 2021\n\n"
    "Chaired by Ada Penrose Clerked by Tom Ridley\n\n"
    "Agenda:\n\n"
    "FGB40/2021 Welcome and apologies FGB41/2021 Declaration of interests\n\n"
    "FGB42/2021 Finance\n\n"
    "FGB43/2021 Date of next meeting\n\n"
    "FGB40/2021 Welcome and apologies The meeting opened at 18:30. Apologies were received from Sam Cole.\n\n"
    "FGB41/2021 Declaration of interests None were declared.\n\n"
    "FGB42/2021 Finance a. Budget monitoring report The budget was on track.\n\n"
    "FGB43/2021 Date of next meeting 12 May 2021.\n"
)


def test_coded_minute_numbers_open_items_once_each() -> None:
    minutes = parse_text(CODED_MINUTES, name="fgb.txt")
    assert titles(minutes) == ["Welcome and apologies", "Declaration of interests", "Finance", "Date of next meeting"]
    assert [item.number for item in minutes.items if not item.preamble] == ["40/2021", "41/2021", "42/2021", "43/2021"]


def test_minuted_title_gives_way_to_the_listed_title_of_the_same_business() -> None:
    minutes = parse_text(CODED_MINUTES, name="fgb.txt")
    finance = next(item for item in minutes.items if item.number == "42/2021")
    assert finance.title == "Finance"
    assert any("on track" in p.text for p in finance.paragraphs)


REGISTER = (
    "COUNCIL MEETING, CITY OF BRANTFORD FALLS\n\nJune 6, 2022\n\n"
    "22-0301 1. ROLL CALL: Answering were Alder, Birch, Cedar and Dogwood; Elm was excused.\n\n"
    "22-0302 2. Approving contract with Northgate Paving Co. for resurfacing of Mill Road and\n\n"
    "Orchard Lane at a cost of up to $84,000. (City Manager Memo No.\n\n"
    "22-114) Moved by Birch, seconded by Cedar. Carried 4-0.\n\n"
    "22-0303 3. Approving tree planting applications for the following:\n\n"
    "22-0304 MOTION TO RECESS. Moved by Cedar for a recess until 8:10 P.M. Carried 4-0.\n"
)


def test_register_entry_printed_over_several_lines_is_one_item_titled_up_to_the_motion() -> None:
    got = titles(parse_text(REGISTER, name="council.txt"))
    assert got[0] == "ROLL CALL"
    assert got[1].startswith("Approving contract with Northgate Paving Co.")
    assert "Orchard Lane" in got[1] and "Moved" not in got[1]
    assert got[2] == "Approving tree planting applications for the following"
    assert got[3] == "MOTION TO RECESS"
    assert len(got) == 4


def test_register_entry_over_several_lines_keeps_the_resolution_as_its_text() -> None:
    minutes = parse_text(REGISTER, name="council.txt")
    contract = next(item for item in minutes.items if item.number == "2")
    assert any("Orchard Lane" in p.text and "Moved by Birch" in p.text for p in contract.paragraphs)


COUNTY_MD = """MINUTES OF THE MONTHLY MEETING OF GLENCAIRN COUNTY COUNCIL, 6TH OCTOBER, 2021

**Present:** Councillors A. Quilty, C. Harte and E. Tolland.

1.

Adoption of Minutes

On the proposal of Councillor Quilty, with Councillor Tolland agreeing, the minutes were adopted.

2.

Corporate Services

(a)

Quarterly Report

Considered, the summary of the third quarter of 2021.

The report was noted.

(b)

Disposal of Land

(i)

Considered, a notice dated 2nd September, 2021, about the sale of

a plot at Kilbeg, Co. Glencairn, to Mary Walsh for €900.

(ii)

Considered, a memo from the Estates Officer dated 9th September, 2021, which

sets out options for a footway at Mill Lane.

The report was noted.

(c)

Library Review

The applications made were these:

**Panel**

**Strand**

**Name of Applicant and**

**Sponsoring Group**

Arts and Culture

Community

Joan Kelly, Glencairn Youth Theatre

3.

Conferences

No conferences were reported.
"""


def test_bracketed_letters_alone_on_a_line_open_sub_items_under_the_numbered_item() -> None:
    minutes = parse_text(COUNTY_MD, name="county.md")
    numbered = [(item.number, item.title) for item in minutes.items if not item.preamble and not item.appendix]
    assert ("2a", "Quarterly Report") in numbered
    assert ("2b", "Disposal of Land") in numbered
    assert ("2c", "Library Review") in numbered


def test_first_line_of_a_wrapped_sentence_after_a_marker_is_no_title() -> None:
    got = titles(parse_text(COUNTY_MD, name="county.md"))
    assert not any(title.startswith("Considered") for title in got)


SELECTBOARD = (
    "Ashby Falls Selectboard Meeting\n\nMarch 7, 2023\n\nPresent: Dana Ross, Lee Park and Jo Hale.\n\n"
    "1. Meeting opened at 6:30 PM.\n\n"
    "2. Road Crew Update – Lee reports the grader has been repaired. New tyres were ordered.\n\n"
    "3. Prior Minutes – Dana moves that the minutes be accepted as written. Jo seconds. All in favour.\n\n"
    "4. Room Booking – Thornbury Arms\n\n"
    "5. Other Business\n"
)

TOWNSHIP = (
    "Harlow Township Trustees, Monthly Session\n\nApril 13, 2022\n\n"
    "The monthly session of the Harlow Township trustees was opened by Supervisor Dean at 7:30 P.M.\n\n"
    "APPROVAL OF MINUTES:\n\nTrustee Vale moved that the March 9, 2022 record be accepted.\n\n"
    "REPORTS:\n\nSupervisor Dean reported that ridership is rising.\n\n"
    "PUBLIC HEARINGS - CONTINUED\n\nThe zoning ordinance was read.\n\n"
    "CORRESPONDENCE – A donation to the spring fair was approved by the Board.\n\n"
    "PROPOSED: to hold the picnic in June.\n"
)

AGM = (
    "Millbrook Allotment Society - yearly members' meeting, notes\n\n"
    "Date: 18 April 2024\n\nAttended: Ann Cole, Ben Frost, Cara Hill\n\n"
    "1 Opening by the President\n\nThe President thanked the volunteers.\n\n"
    "2 Treasurer's Report\n\nThe accounts were presented. 12 members paid late.\n\n"
    "4 Mill Row\n\nThis line is an address, out of sequence.\n\n"
    "3 Parking: We heard that the county will paint new lines.\n\n"
    "4 Other Business:\n\nNone.\n"
)

CONVERTED_COUNCIL = (
    "DUNMORE DISTRICT COUNCIL - RECORD OF THE SESSION OF 11TH MAY, 2022\n\n"
    "**Present:** Councillors A. Ryan and B. Shea.\n\n**OFFICIALS IN ATTENDANCE:** Ms C. Lynch, Director.\n\n"
    "1.\n\nAdoption of Minutes\n\nThe minutes were adopted.\n\n"
    "2.\n\nNotice of Motion submitted by Councillor A. Ryan\n\n"
    "***I will propose that Dunmore District Council write to the Minister seeking***\n\n"
    "***money to repair the harbour wall.***\n\nThe motion was agreed.\n\n"
    "***“That the report be adopted by Dunmore District Council.”***\n\n"
    "**AGAINST THE MOTION:**\n\nCouncillors Ryan and Shea.\n\n**ABSTAINED:**\n\nNone.\n\n"
    "the Working Party, which last sat on 4th\n\n## April, 2022. The Working Party now includes:\n\n"
    "3.\n\nCorrespondence\n\nNone.\n\n**Signed: \\\\\\\\\\\\\\\\\\\\\\\\**\n"
)

CITY_LISTING = (
    "TOWN OF LAKEVALE COUNCIL PROCEEDINGS  THE COUNCIL MET IN REGULAR SESSION ON THE 2ND DAY OF JUNE, 2016\n\n"
    "Roll was taken.  PETITIONS   12 Request of Jane Orr to address Council regarding bus shelters  "
    "(Petition)  RECEIVED  CONSENT ITEMS   13 Appoint Sam Lee to the Parks Board for a term to 2018  (Report)  "
    "(Y-4) CONFIRMED *14 Accept a grant of $20,000 from the State for river clean-up  (Ordinance; amend Grant No. 7)  "
    "(Y-4) 5521  15 Amend contract with Harbor Tech to add $5,000  (Consent Agenda 9)  (Y-4) 5522\n\n"
    "The Mayor closed the session at 9:05 p.m.\n"
)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        pytest.param(
            "Minutes of the Parish Council meeting 4 May 2022\n\nPC noted the letter from the school.\n\nBM reported on the hall.\n",
            "pc.txt",
            [],
            id="a_code_alone_without_a_minute_number_opens_nothing",
        ),
        pytest.param(
            COUNTY_MD,
            "county.md",
            ["Adoption of Minutes", "Corporate Services", "Quarterly Report", "Disposal of Land", "Library Review", "Conferences"],
            id="bold_column_headers_of_a_flattened_table_are_no_items",
        ),
        pytest.param(
            "# Minutes of the Hillview Residents Association, 2 May 2023\n\n**Treasurer's report**\n\n**Garden party**\n\nThe party will be on 1 July.\n",
            "hra.md",
            ["Treasurer's report", "Garden party"],
            id="two_bold_lines_in_a_row_stay_titles",
        ),
        pytest.param(
            TOWNSHIP,
            "township.txt",
            ["APPROVAL OF MINUTES", "REPORTS", "PUBLIC HEARINGS - CONTINUED", "CORRESPONDENCE"],
            id="capitals_headings_closed_by_a_colon_or_a_dash_open_items",
        ),
        pytest.param(
            "ELMSWORTH SCHOOL BOARD OF GOVERNORS\n\nPANEL: VENUE:\n\nFINANCE PANEL: 4 May 2022\n\nThe meeting opened at 6pm.\n",
            "elmsworth.txt",
            [],
            id="capitals_fields_of_the_title_block_are_no_items",
        ),
        pytest.param(
            "Minutes of Upton Parish Council, 14 March 2024\n\n"
                "03.24.01 Absences\n\nNone.\n\n"
                "03.24.02 To agree the notes of February The notes were agreed.\n\n"
                "03.24.03 Open forum\n\nNobody spoke.\n",
            "upton.txt",
            ["Absences", "To agree the notes of February", "Open forum"],
            id="dotted_numbers_of_the_same_depth_are_sibling_items",
        ),
        pytest.param(
            "Minutes of the Selection Committee, 13 December 2024\n\n"
                "Item 6 – Member Development Review\n\n"
                "1. The Lead Member introduced the review of member training, which the Committee welcomed.\n\n"
                "2. The main issues raised were as follows:\n\n"
                "3. RESOLVED that the Committee:\n\n(a) NOTE the review.\n",
            "selection.txt",
            ["Member Development Review"],
            id="item_line_with_a_title_opens_the_item_and_its_numbered_paragraphs_stay_text",
        ),
        pytest.param(
            "Minutes of the Parks Committee, 3 June 2024\n\n1. Play Areas\n\nThe report was received.\n\n"
                "2. RESOLVED the Clerk to:\n\n(a) ORDER new swings.\n\n3. The main points raised were:\n\n4. Tree Survey\n",
            "parks.txt",
            ["Play Areas", "Tree Survey"],
            id="numbered_decision_lines_and_list_intros_are_no_titles",
        ),
        pytest.param(
            "# Sprint Review\n\nDate: 1 May 2019\n\n## Items Discussed\n\nThis sprint's goals:\n\n- Get the login working\n- Fix the form\n\n"
                "Open questions\n\n- Bigger buttons\n\n## Follow Up\n\nNone.\n",
            "sprint.md",
            ["Items Discussed", "This sprint's goals", "Open questions", "Follow Up"],
            id="outline_section_lines_over_bullets_under_a_heading_are_items",
        ),
        pytest.param(
            CONVERTED_COUNCIL,
            "dunmore.md",
            ["Adoption of Minutes", "Notice of Motion submitted by Councillor A. Ryan", "Correspondence"],
            id="sentence_quotation_vote_and_signature_lines_set_like_headings_are_no_items",
        ),
        pytest.param(
            "# Board meeting, 5 January 2017\n\n## Insurance - we do not have any cover yet. This is bad.\n\nWe will get quotes.\n",
            "board.md",
            ["Insurance - we do not have any cover yet. This is bad."],
            id="a_heading_that_is_two_whole_sentences_stays_a_title",
        ),
        pytest.param(
            "Minutes of the Council, 9 March 2011\n\nThe Mayor noted that 12 Requests to speak  (Communication)  were received.\n",
            "council.txt",
            [],
            id="one_bracketed_paper_in_running_text_is_no_listing",
        ),
        pytest.param(
            "# Minutes of Brackenford County Council, 19 December 2024\n\n## UNRESTRICTED ITEMS\n\n"
                "## 1. Apologies for Absence\n\nNone.\n\n## 2. Questions\n\nTwo questions were asked.\n\n"
                "**Signed as a true record**\n\nChair\n",
            "brackenford.md",
            ["Apologies for Absence", "Questions"],
            id="access_parts_and_signature_records_are_no_items",
        ),
        pytest.param(
            "# Platform team sync, 8 June 2023\n\n## Open Items\n\n- The login bug is still open.\n\n"
                "## EXEMPT ITEMS\n\n## 4. Staffing\n\nA post was agreed.\n",
            "sync.md",
            ["Open Items", "Staffing"],
            id="open_items_in_team_minutes_is_business_not_an_access_part",
        ),
    ],
)
def test_item_titles(text: str, name: str, expected: list[str]) -> None:
    assert titles(parse_text(text, name=name)) == expected


@pytest.mark.parametrize(
    ("text", "name", "present", "absent"),
    [
        pytest.param(
            SELECTBOARD,
            "selectboard.txt",
            ("Road Crew Update", "Prior Minutes"),
            (),
            id="a_short_title_before_a_dash_and_sentences_is_the_title",
        ),
        pytest.param(
            SELECTBOARD,
            "selectboard.txt",
            ("Room Booking – Thornbury Arms",),
            (),
            id="a_dash_before_a_name_or_subtitle_stays_in_the_title",
        ),
        pytest.param(
            "Minutes of Kelby Parish Council, 2 May 2018\n\n"
                "40/18 Planning\n\n41/18 22/01234/FUL Planning Application - EXTENSION: Rear extension at Mill House. No objections were raised.\n",
            "kelby.md",
            (),
            ("22/01234/FUL Planning Application",),
            id="a_reference_before_a_dash_is_no_title",
        ),
        pytest.param(
            "Team Falcon catch-up 03/02/20\n\nScribe: xyz9\n\nMatters arising:\n\n"
                "1. Finish the survey form\n\nACTION: xyz9\n\n2. Poster draft is late\n\n"
                "New Business:\n\n1. Test plan lacks a timetable\n\nAOB:\n\n1. We will meet on Tuesday\n",
            "group7.txt",
            ("Matters arising", "New Business", "AOB"),
            (),
            id="outline_section_lines_before_a_numbered_list_are_items",
        ),
        pytest.param(
            "Minutes of the Cabinet, 4 April 2024\n\n1. Budget\n\nThe Cabinet agreed to:\n\n(a) note the report;\n\n"
                "(b) agree the fees;\n\nKey Policies\n\n(c) review the charges.\n\n2. Reports\n\n- Audit\n\nSee Appendix C\n\n- Risk\n",
            "cabinet.txt",
            (),
            ("Key Policies", "See Appendix C"),
            id="a_line_inside_a_lettered_list_or_a_pointer_is_no_section",
        ),
    ],
)
def test_titles_named_or_not(text: str, name: str, present: tuple[str, ...], absent: tuple[str, ...]) -> None:
    got = titles(parse_text(text, name=name))
    assert [title for title in present if title not in got] == []
    assert [title for title in absent if title in got] == []


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        pytest.param(
            "HOLTON PARISH COUNCIL - MINUTES, 4 APRIL 2019\n\n"
                "40/19 Apologies for absence None were received. 41/19 Pecuniary interests "
                "in items tonight None were declared. 42/19 Questions from residents about the pond KB asked "
                "when the railings would be painted. 43/19 Notes of the March gathering\n\n"
                "The notes were approved. The grant of 12/19 was noted.\n\n44/19 Village Hall\n\nNone.\n",
            "holton.md",
            [
                ("40/19", "Apologies for absence"),
                ("41/19", "Pecuniary interests in items tonight"),
                ("42/19", "Questions from residents about the pond"),
                ("43/19", "Notes of the March gathering"),
                ("44/19", "Village Hall"),
            ],
            id="minutes_run_into_one_paragraph_are_split_in_sequence",
        ),
        pytest.param(
            AGM,
            "agm.txt",
            [("1", "Opening by the President"), ("2", "Treasurer's Report"), ("3", "Parking"), ("4", "Other Business")],
            id="titles_numbered_without_a_stop_open_items_in_sequence",
        ),
        pytest.param(
            "# Finance and General Purposes Committee, 19 November 2024\n\n## FGP/24/46 Insurance renewal\n\nThe renewal was noted.\n\n"
                "## FGP/24/47 Staffing\n\nRESOLVED to recommend to Full Council:\n\n- a new pay scale\n",
            "fgp.md",
            [("FGP/24/46", "Insurance renewal"), ("FGP/24/47", "Staffing")],
            id="coded_minute_reference_headings_give_number_and_title",
        ),
        pytest.param(
            "Minutes of Elmby Parish Council, 3 October 2019\n\n5. Members\' Updates\n\n"
                "i. Verges & Hedges – A Moss\n\nThe verge was reported.\n\n"
                "ii. Footpaths – B Lane\n\nOne stile is broken.\n\n"
                "iv. Out of order – C Dean\n\nText.\n\n"
                "JKT/ARB\n\n6. Correspondence\n\nNone.\n",
            "elmby.md",
            [("5", "Members' Updates"), ("5i", "Verges & Hedges – A Moss"), ("5ii", "Footpaths – B Lane"), ("6", "Correspondence")],
            id="lower_roman_sub_items_set_as_paragraphs_follow_their_run",
        ),
        pytest.param(
            "Minutes of Oakley Parish Council, 5 May 2021\n\n4. Reports\n\n"
                "i) Trees – A Bee\n\nOne oak is diseased.\n\nii) Lighting – C Dee\n\nTwo lamps out.\n\n"
                "iv) Out of order – E Fay\n\nText.\n\n5. Finance\n\nNoted.\n",
            "oakley.txt",
            [("4", "Reports"), ("4i", "Trees – A Bee"), ("4ii", "Lighting – C Dee"), ("5", "Finance")],
            id="lower_roman_sub_items_read_as_list_items_follow_their_run_too",
        ),
        pytest.param(
            CITY_LISTING,
            "lakevale.txt",
            [
                ("12", "Request of Jane Orr to address Council regarding bus shelters"),
                ("13", "Appoint Sam Lee to the Parks Board for a term to 2018"),
                ("*14", "Accept a grant of $20,000 from the State for river clean-up"),
                ("15", "Amend contract with Harbor Tech to add $5,000"),
            ],
            id="a_flattened_agenda_listing_gives_one_item_per_entry_with_its_outcome_as_text",
        ),
    ],
)
def test_numbered_items(text: str, name: str, expected: list[tuple[str, str]]) -> None:
    assert numbered_items(parse_text(text, name=name)) == expected


def test_a_title_numbered_without_a_stop_keeps_its_paragraphs() -> None:
    minutes = parse_text(AGM, name="agm.txt")
    parking = next(item for item in minutes.items if item.number == "3")
    assert any("new lines" in p.text for p in parking.paragraphs)


def test_a_flattened_agenda_entry_keeps_its_outcome_as_text() -> None:
    items = [item for item in parse_text(CITY_LISTING, name="lakevale.txt").items if not item.preamble]
    assert any("CONFIRMED" in p.text and p.text.startswith("Appoint") for p in items[1].paragraphs)
