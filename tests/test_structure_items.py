"""Agenda-item structure families: coded minute numbers, register entries printed over several
lines, and the titles they take. All minutes here are invented."""

from __future__ import annotations

from minutes_parser import parse_text
from minutes_parser.model import Minutes


def titles(minutes: Minutes) -> list[str]:
    return [item.title for item in minutes.items if not item.preamble and not item.appendix]


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


def test_a_code_alone_without_a_minute_number_opens_nothing() -> None:
    text = "Minutes of the Parish Council meeting 4 May 2022\n\nPC noted the letter from the school.\n\nBM reported on the hall.\n"
    assert titles(parse_text(text, name="pc.txt")) == []


REGISTER = (
    "COUNCIL MEETING, CITY OF BRANTFORD FALLS\n\nJune 6, 2022\n\n"
    "22-0301 1. ROLL CALL: Present: Alder, Birch, Cedar and Dogwood. Absent: Elm.\n\n"
    "22-0302 2. Approving contract with Northgate Paving Co. for resurfacing of Mill Road and\n\n"
    "Orchard Lane at a cost not to exceed $84,000. (Council Communication No.\n\n"
    "22-114) Moved by Birch to adopt. Motion Carried 4-0.\n\n"
    "22-0303 3. Approving tree planting applications for the following:\n\n"
    "22-0304 MOTION TO ADJOURN. Moved by Cedar to adjourn at 8:10 P.M. Motion Carried 4-0.\n"
)


def test_register_entry_printed_over_several_lines_is_one_item_titled_up_to_the_motion() -> None:
    got = titles(parse_text(REGISTER, name="council.txt"))
    assert got[0] == "ROLL CALL"
    assert got[1].startswith("Approving contract with Northgate Paving Co.")
    assert "Orchard Lane" in got[1] and "Moved" not in got[1]
    assert got[2] == "Approving tree planting applications for the following"
    assert got[3] == "MOTION TO ADJOURN"
    assert len(got) == 4


def test_register_entry_over_several_lines_keeps_the_resolution_as_its_text() -> None:
    minutes = parse_text(REGISTER, name="council.txt")
    contract = next(item for item in minutes.items if item.number == "2")
    assert any("Orchard Lane" in p.text and "Moved by Birch" in p.text for p in contract.paragraphs)


COUNTY_MD = """MINUTES OF THE ORDINARY MEETING OF GLENCAIRN COUNTY COUNCIL HELD ON 3RD MARCH, 2025

**Present:** Councillors A. Byrne, C. Doyle and E. Foley.

1.

Adoption of Minutes

Proposed by Councillor Byrne; Seconded by Councillor Doyle; and Resolved that the minutes be adopted.

2.

Corporate Services

(a)

Quarterly Report

Circulated, the Quarterly Report for the months of October to December, 2024.

The report was noted.

(b)

Disposal of Land

(i)

Circulated, copy of Statutory Notice dated 12th February, 2025, concerning disposal of

property at Kilbeg, Co. Glencairn, to Mary Walsh for the sum of €1,000.

(ii)

Circulated, report of the Head of Property dated 20th February, 2025, setting

out proposals for a right of way at Mill Lane.

The report was noted.

(c)

Library Review

The nominations received were as follows:

**Committee**

**Sector**

**Name of Nominee and**

**Nominating Body**

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
    assert not any(title.startswith("Circulated") for title in got)


def test_bold_column_headers_of_a_flattened_table_are_no_items() -> None:
    got = titles(parse_text(COUNTY_MD, name="county.md"))
    assert got == ["Adoption of Minutes", "Corporate Services", "Quarterly Report", "Disposal of Land", "Library Review", "Conferences"]


def test_two_bold_lines_in_a_row_stay_titles() -> None:
    text = "# Minutes of the Hillview Residents Association, 2 May 2023\n\n**Treasurer's report**\n\n**Garden party**\n\nThe party will be on 1 July.\n"
    assert titles(parse_text(text, name="hra.md")) == ["Treasurer's report", "Garden party"]


SELECTBOARD = (
    "Ashby Falls Selectboard Meeting\n\nMarch 7, 2023\n\nPresent: Dana Ross, Lee Park and Jo Hale.\n\n"
    "1. Call to order at 7:00 PM.\n\n"
    "2. Highway Business – Lee reports the grader has been repaired. New tyres were ordered.\n\n"
    "3. Approve Minutes – Dana makes a motion to approve the minutes. Jo Second. Unanimous.\n\n"
    "4. Hall Hire – Thornbury Arms\n\n"
    "5. Other Business\n"
)


def test_a_short_title_before_a_dash_and_sentences_is_the_title() -> None:
    got = titles(parse_text(SELECTBOARD, name="selectboard.txt"))
    assert "Highway Business" in got and "Approve Minutes" in got


def test_a_dash_before_a_name_or_subtitle_stays_in_the_title() -> None:
    got = titles(parse_text(SELECTBOARD, name="selectboard.txt"))
    assert "Hall Hire – Thornbury Arms" in got


def test_a_reference_before_a_dash_is_no_title() -> None:
    text = (
        "Minutes of Kelby Parish Council, 2 May 2018\n\n"
        "40/18 Planning\n\n41/18 22/01234/FUL Planning Application - EXTENSION: Rear extension at Mill House. No objections were raised.\n"
    )
    assert "22/01234/FUL Planning Application" not in titles(parse_text(text, name="kelby.md"))


def test_minutes_run_into_one_paragraph_are_split_in_sequence() -> None:
    text = (
        "MINUTES OF THE HOLTON PARISH COUNCIL MEETING HELD ON 1 JUNE 2017\n\n"
        "70/17 Apologies for absence Apologies were received from Tom Reed. 71/17 Declaration of Interest "
        "on agenda items No declarations were made. 72/17 Use of social media and public contributions KB asked "
        "whether anyone was recording the meeting. 73/17 Minutes of the meeting held on 3 May 2017\n\n"
        "The minutes were signed. The grant of 12/17 was noted.\n\n74/17 Matters Arising\n\nNone.\n"
    )
    minutes = parse_text(text, name="holton.md")
    assert [(item.number, item.title) for item in minutes.items if not item.preamble] == [
        ("70/17", "Apologies for absence"),
        ("71/17", "Declaration of Interest on agenda items"),
        ("72/17", "Use of social media and public contributions"),
        ("73/17", "Minutes of the meeting held on 3 May 2017"),
        ("74/17", "Matters Arising"),
    ]


TOWNSHIP = (
    "Harlow Township Board of Trustees Meeting\n\nApril 13, 2022\n\n"
    "The regular meeting of the Harlow Township Board was called to order by Supervisor Dean at 7:00 P.M.\n\n"
    "APPROVAL OF MINUTES:\n\nMotion to approve the minutes of March 9, 2022 was made by Trustee Vale.\n\n"
    "REPORTS:\n\nSupervisor Dean reported that ridership is rising.\n\n"
    "ORDINANCES - FIRST CONSIDERATION\n\nThe zoning ordinance was read.\n\n"
    "CORRESPONDENCE – A donation to the spring fair was approved by the Board.\n\n"
    "PROPOSED: to hold the picnic in June.\n"
)


def test_capitals_headings_closed_by_a_colon_or_a_dash_open_items() -> None:
    got = titles(parse_text(TOWNSHIP, name="township.txt"))
    assert got == ["APPROVAL OF MINUTES", "REPORTS", "ORDINANCES - FIRST CONSIDERATION", "CORRESPONDENCE"]


def test_capitals_fields_of_the_title_block_are_no_items() -> None:
    text = "ELMSWORTH SCHOOL BOARD OF GOVERNORS\n\nCOMMITTEE: DATE:\n\nFINANCE COMMITTEE: 4 May 2022\n\nThe meeting opened at 6pm.\n"
    assert titles(parse_text(text, name="elmsworth.txt")) == []


AGM = (
    "Millbrook Residents' Association Annual General Meeting 2024 Minutes\n\n"
    "Date: 18 April 2024\n\nAttended: Ann Cole, Ben Frost, Cara Hill\n\n"
    "1 Welcome by the Chair\n\nThe Chair welcomed everyone.\n\n"
    "2 Treasurer's Report\n\nThe accounts were presented. 12 members paid late.\n\n"
    "4 Church Lane\n\nThis line is an address, out of sequence.\n\n"
    "3 Speeding: We were told that the county will install a sign.\n\n"
    "4 Other Business:\n\nNone.\n"
)


def test_titles_numbered_without_a_stop_open_items_in_sequence() -> None:
    minutes = parse_text(AGM, name="agm.txt")
    assert [(item.number, item.title) for item in minutes.items if not item.preamble] == [
        ("1", "Welcome by the Chair"),
        ("2", "Treasurer's Report"),
        ("3", "Speeding"),
        ("4", "Other Business"),
    ]
    speeding = next(item for item in minutes.items if item.number == "3")
    assert any("install a sign" in p.text for p in speeding.paragraphs)


def test_dotted_numbers_of_the_same_depth_are_sibling_items() -> None:
    text = (
        "Minutes of Upton Parish Council, 25 September 2025\n\n"
        "09.25.01 Apologies for absence\n\nNone.\n\n"
        "09.25.02 To receive the minutes of the last meeting The minutes were signed.\n\n"
        "09.25.03 Public participation\n\nNo members of the public were present.\n"
    )
    got = titles(parse_text(text, name="upton.txt"))
    assert got == ["Apologies for absence", "To receive the minutes of the last meeting", "Public participation"]


def test_item_line_with_a_title_opens_the_item_and_its_numbered_paragraphs_stay_text() -> None:
    text = (
        "Minutes of the Selection Committee, 13 December 2024\n\n"
        "Item 6 – Member Development Review\n\n"
        "1. The Member Development Review paper was presented by the Cabinet Member for Resources and noted by all.\n\n"
        "2. Some of the key points were as follows:\n\n"
        "3. RESOLVED Members to:\n\n(a) NOTE the review.\n"
    )
    assert titles(parse_text(text, name="selection.txt")) == ["Member Development Review"]


def test_numbered_decision_lines_and_list_intros_are_no_titles() -> None:
    text = (
        "Minutes of the Parks Committee, 3 June 2024\n\n1. Play Areas\n\nThe report was received.\n\n"
        "2. RESOLVED the Clerk to:\n\n(a) ORDER new swings.\n\n3. The main points raised were:\n\n4. Tree Survey\n"
    )
    assert titles(parse_text(text, name="parks.txt")) == ["Play Areas", "Tree Survey"]


def test_outline_section_lines_before_a_numbered_list_are_items() -> None:
    text = (
        "Group 7 Weekly meeting 12/11/15\n\nAuthor: abc12\n\nMatters arising:\n\n"
        "1. Keep improving the website mockup\n\nACTION: abc12\n\n2. Logo still needs to be made\n\n"
        "New Business:\n\n1. Requirements specification missing section 3.2\n\nAOB:\n\n1. We will meet on Friday\n"
    )
    got = titles(parse_text(text, name="group7.txt"))
    assert "Matters arising" in got and "New Business" in got and "AOB" in got


def test_outline_section_lines_over_bullets_under_a_heading_are_items() -> None:
    text = (
        "# Sprint Review\n\nDate: 1 May 2019\n\n## Items Discussed\n\nThis sprint's goals:\n\n- Get the login working\n- Fix the form\n\n"
        "Things to change\n\n- Bigger buttons\n\n## Follow Up\n\nNone.\n"
    )
    got = titles(parse_text(text, name="sprint.md"))
    assert got == ["Items Discussed", "This sprint's goals", "Things to change", "Follow Up"]


def test_a_line_inside_a_lettered_list_or_a_pointer_is_no_section() -> None:
    text = (
        "Minutes of the Cabinet, 4 April 2024\n\n1. Budget\n\nThe Cabinet agreed to:\n\n(a) note the report;\n\n"
        "(b) agree the fees;\n\nKey Policies\n\n(c) review the charges.\n\n2. Reports\n\n- Audit\n\nSee Attachment 7\n\n- Risk\n"
    )
    got = titles(parse_text(text, name="cabinet.txt"))
    assert "Key Policies" not in got and "See Attachment 7" not in got


CONVERTED_COUNCIL = (
    "MINUTES OF THE MEETING OF DUNMORE DISTRICT COUNCIL HELD ON 17TH FEBRUARY, 2025\n\n"
    "**Present:** Councillors A. Ryan and B. Shea.\n\n**OFFICIALS IN ATTENDANCE:** Ms C. Lynch, Director.\n\n"
    "1.\n\nAdoption of Minutes\n\nThe minutes were adopted.\n\n"
    "2.\n\nNotice of Motion submitted by Councillor A. Ryan\n\n"
    "***I will move at the next Meeting that Dunmore District Council call for Government***\n\n"
    "***funding for the harbour wall.***\n\nThe motion was agreed.\n\n"
    "***“That the report be adopted by Dunmore District Council.”***\n\n"
    "**FOR THE AMENDMENT:**\n\nCouncillors Ryan and Shea.\n\n**ABSTENTION:**\n\nNone.\n\n"
    "the Sub-Group, which met on 30th\n\n## September, 2024. The current membership of the group comprises:\n\n"
    "3.\n\nCorrespondence\n\nNone.\n\n**Signed: \\\\\\\\\\\\\\\\\\\\\\\\**\n"
)


def test_sentence_quotation_vote_and_signature_lines_set_like_headings_are_no_items() -> None:
    got = titles(parse_text(CONVERTED_COUNCIL, name="dunmore.md"))
    assert got == ["Adoption of Minutes", "Notice of Motion submitted by Councillor A. Ryan", "Correspondence"]


def test_a_heading_that_is_two_whole_sentences_stays_a_title() -> None:
    text = "# Board meeting, 5 January 2017\n\n## Insurance - we do not have any cover yet. This is bad.\n\nWe will get quotes.\n"
    assert titles(parse_text(text, name="board.md")) == ["Insurance - we do not have any cover yet. This is bad."]


def test_coded_minute_reference_headings_give_number_and_title() -> None:
    text = (
        "# Finance and General Purposes Committee, 19 November 2024\n\n## FGP/24/46 Insurance renewal\n\nThe renewal was noted.\n\n"
        "## FGP/24/47 Staffing\n\nRESOLVED to recommend to Full Council:\n\n- a new pay scale\n"
    )
    minutes = parse_text(text, name="fgp.md")
    assert [(item.number, item.title) for item in minutes.items if not item.preamble] == [
        ("FGP/24/46", "Insurance renewal"),
        ("FGP/24/47", "Staffing"),
    ]


def test_lower_roman_sub_items_set_as_paragraphs_follow_their_run() -> None:
    text = (
        "Minutes of Elmby Parish Council, 10 August 2012\n\n5. Councillors Reports\n\n"
        "i. Highways & Planning – A Moss\n\nThe verge was reported.\n\n"
        "ii. Drainage – B Lane\n\nOne blocked ditch.\n\n"
        "iv. Out of order – C Dean\n\nText.\n\n"
        "FRE/MPO\n\n6. Correspondence\n\nNone.\n"
    )
    minutes = parse_text(text, name="elmby.md")
    assert [(item.number, item.title) for item in minutes.items if not item.preamble] == [
        ("5", "Councillors Reports"),
        ("5i", "Highways & Planning – A Moss"),
        ("5ii", "Drainage – B Lane"),
        ("6", "Correspondence"),
    ]


CITY_LISTING = (
    "TOWN OF LAKEVALE COUNCIL PROCEEDINGS  THE COUNCIL MET IN REGULAR SESSION ON THE 2ND DAY OF JUNE, 2016\n\n"
    "Roll was taken.  PETITIONS   12 Request of Jane Orr to address Council regarding bus shelters  "
    "(Petition)  RECEIVED  CONSENT ITEMS   13 Appoint Sam Lee to the Parks Board for a term to 2018  (Report)  "
    "(Y-4) CONFIRMED *14 Accept a grant of $20,000 from the State for river clean-up  (Ordinance; amend Grant No. 7)  "
    "(Y-4) 5521  15 Amend contract with Harbor Tech to add $5,000  (Consent Agenda 9)  (Y-4) 5522\n\n"
    "The Mayor closed the session at 9:05 p.m.\n"
)


def test_a_flattened_agenda_listing_gives_one_item_per_entry_with_its_outcome_as_text() -> None:
    minutes = parse_text(CITY_LISTING, name="lakevale.txt")
    items = [item for item in minutes.items if not item.preamble]
    assert [(item.number, item.title) for item in items] == [
        ("12", "Request of Jane Orr to address Council regarding bus shelters"),
        ("13", "Appoint Sam Lee to the Parks Board for a term to 2018"),
        ("*14", "Accept a grant of $20,000 from the State for river clean-up"),
        ("15", "Amend contract with Harbor Tech to add $5,000"),
    ]
    assert any("CONFIRMED" in p.text and p.text.startswith("Appoint") for p in items[1].paragraphs)


def test_one_bracketed_paper_in_running_text_is_no_listing() -> None:
    text = "Minutes of the Council, 9 March 2011\n\nThe Mayor noted that 12 Requests to speak  (Communication)  were received.\n"
    assert titles(parse_text(text, name="council.txt")) == []


def test_access_parts_and_signature_records_are_no_items() -> None:
    text = (
        "# Minutes of Brackenford County Council, 19 December 2024\n\n## UNRESTRICTED ITEMS\n\n"
        "## 1. Apologies for Absence\n\nNone.\n\n## 2. Questions\n\nTwo questions were asked.\n\n"
        "**Signed as a true record**\n\nChair\n"
    )
    assert titles(parse_text(text, name="brackenford.md")) == ["Apologies for Absence", "Questions"]
