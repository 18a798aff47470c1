"""Shapes of unseen minutes that the session 16 structure rules (worded minute numbers, points
inside a serial/year minute, motion parts, contents pages, wrapped sentences, bilingual and
group attendance labels) must leave alone. All minutes here are invented."""

from __future__ import annotations

import pytest

from helpers import holds, item_paragraphs, numbered_items, people
from minutes_parser import parse_text
from minutes_parser.model import AttendanceStatus

MODELS = ["rules", None]

# --- minute numbers with the year first: "24/101", "24/102" are minutes of one meeting -----------

YEAR_FIRST = (
    "Hollinsby Parish Council\n\n"
    "Minutes of the meeting held on Tuesday 8 October 2024 at 7.30pm\n\n"
    "24/101 Apologies for absence\nApologies were received from Cllr Denby.\n\n"
    "24/102 Minutes of the last meeting\nThe minutes were approved and signed.\n\n"
    "24/103 Planning\nNo objection to the extension at 4 Mill Lane.\n\n"
    "24/104 Date of next meeting\nTuesday 12 November 2024.\n"
)


@pytest.mark.parametrize("model", MODELS)
def test_year_first_minute_numbers_each_open_a_minute(model: str | None) -> None:
    minutes = parse_text(YEAR_FIRST, name="hollinsby.txt", model=model)
    assert [number for number, _ in numbered_items(minutes)] == ["24/101", "24/102", "24/103", "24/104"]


# --- "Minute 93/24 ..." in matters arising names an earlier minute --------------------------------

MATTERS_ARISING = (
    "Ashbury Magna Parish Council\n\n"
    "Minutes of the meeting held on Monday 4 November 2024\n\n"
    "101/24 Apologies\nNone.\n\n"
    "102/24 Matters arising\n\n"
    "Minute 93/24 Speed watch – Cllr Gower said volunteers are still needed.\n\n"
    "103/24 Highways\nThe potholes on Station Road have been reported again.\n"
)
MATTERS_ARISING_PLAIN = (
    "Ashbury Parva Parish Council\n\n"
    "Minutes of the meeting held on Monday 4 November 2024\n\n"
    "1. Apologies\nNone.\n\n"
    "2. Matters arising\n\n"
    "Minute 91 Hedge on Church Lane – the landowner has now cut it.\n\n"
    "3. Highways\nThe potholes on Station Road have been reported again.\n"
)


def test_a_minute_named_in_matters_arising_opens_nothing() -> None:
    minutes = parse_text(MATTERS_ARISING, name="ashbury-magna.txt", model="rules")
    assert [number for number, _ in numbered_items(minutes)] == ["101/24", "102/24", "103/24"]
    assert holds(item_paragraphs(minutes, number="102/24"), "volunteers are still needed")


def test_a_worded_minute_under_a_plain_numbered_item_opens_nothing() -> None:
    minutes = parse_text(MATTERS_ARISING_PLAIN, name="ashbury-parva.txt", model="rules")
    assert [number for number, _ in numbered_items(minutes)] == ["1", "2", "3"]
    assert holds(item_paragraphs(minutes, number="2"), "Hedge on Church Lane")


# --- a motion's numbered parts end; the next agenda number is the next item ----------------------

MOTION_THEN_ITEM = (
    "Tarrant Vale Residents Association\n\n"
    "Minutes of the committee meeting held on 3 April 2025\n\n"
    "1. Apologies\n\nNone.\n\n"
    "2. Play area\n\n"
    "That the Committee:\n\n"
    "1. Accepts the quote from Greenway Play for new swings.\n\n"
    "2. Asks the Treasurer to pay the deposit.\n\n"
    "3. Any other business\n\nNone.\n\n"
    "4. Date of next meeting\n\n1 May 2025.\n"
)


def test_an_item_title_after_a_finished_motion_opens_the_item() -> None:
    minutes = parse_text(MOTION_THEN_ITEM, name="tarrant-vale.txt", model="rules")
    numbers = [number for number, _ in numbered_items(minutes)]
    assert "3" in numbers and "4" in numbers


# --- an agenda giving each item's page in the pack: the entries are its items ---------------------

AGENDA_WITH_PAGES = (
    "Kestrel Vale District Council\n\n"
    "AGENDA\n\n"
    "Licensing Committee, Wednesday 9 April 2025 at 6.30pm\n\n"
    "1. Minutes of the meeting held on 12 March 2025 ................ 3\n"
    "2. Declarations of interest .................................... 8\n"
    "3. Review of taxi licensing fees ............................... 9\n"
    "4. Street trading policy ....................................... 21\n"
)


def test_agenda_entries_with_page_numbers_stay_items() -> None:
    minutes = parse_text(AGENDA_WITH_PAGES, name="kestrel-vale-agenda.txt", model="rules")
    assert [number for number, _ in numbered_items(minutes)] == ["1", "2", "3", "4"]


# --- entries one a line, one of them long: not a hard-wrapped sentence ------------------------------

LONG_ENTRY = (
    "Fenwold Village Hall Committee\n\n"
    "Minutes of the meeting held on 12 February 2025\n\n"
    "1. Actions from the last meeting\n\n"
    "Secretary to write to the highways authority about the pothole on the road by the school gate\n"
    "Treasurer to pay the cleaning invoice.\n"
    "Chair to ring the caterers about the quiz night.\n"
)


def test_a_long_unpunctuated_entry_is_not_joined_to_the_next() -> None:
    paragraphs = item_paragraphs(parse_text(LONG_ENTRY, name="fenwold.txt", model="rules"), number="1")
    assert any(p.startswith("Treasurer to pay") for p in paragraphs)
    assert not holds(paragraphs, "school gate Treasurer")


# A document hard-wrapped at one width: a line that reaches it and the capitalised line that
# ends the sentence are one sentence.
WRAPPED_AT_WIDTH = (
    "Shire of Wanderra\n\n"
    "Minutes of the meeting held on 3 April 2025\n\n"
    "1.   PUBLIC QUESTION TIME\n\n"
    "Mrs Dale Ferris asked when the Tuart Road waste site would open on Sundays again, and\n"
    "whether the hours on public holidays would change. The Chief Executive Officer said\n"
    "that the hours would be reviewed in the budget and that a reply would be sent to her\n"
    "before the next meeting of Council, along with the figures for the last two years of\n"
    "visits on Sundays and on public holidays, which she had asked to see at the meeting.\n\n"
    "2.   DECLARATIONS OF INTEREST\n\n"
    "COUNCIL NOTE\n"
    "Cr Lindqvist declared an impartiality interest in item 4.1 as a member of the Wanderra\n"
    "Pony Club. She stayed in the chamber.\n"
    "NIL RETURNS\n"
)


def test_a_line_at_the_wrap_width_runs_on_into_a_capitalised_line() -> None:
    paragraphs = item_paragraphs(parse_text(WRAPPED_AT_WIDTH, name="wanderra-questions.txt", model="rules"), number="2")
    assert holds(paragraphs, "member of the Wanderra Pony Club.")


# --- attendance ---------------------------------------------------------------------------------

PRESENT = AttendanceStatus.PRESENT
IN_ATTENDANCE = AttendanceStatus.IN_ATTENDANCE
APOLOGIES = AttendanceStatus.APOLOGIES


SLASHED_ROLES = (
    "Brockwell Allotment Society\n\n"
    "Minutes of the committee meeting held on 3 March 2025\n\n"
    "Present: Jane Tolley / Chair, Ravi Mistry / Treasurer\n"
    "Apologies: Hannah Crewe / Plot Secretary\n\n"
    "1. Water charges\nThe committee agreed to raise the water charge.\n"
)


def test_a_role_after_a_slash_leaves_the_name() -> None:
    assert people(SLASHED_ROLES, "brockwell.txt") == [
        ("Jane Tolley", "Chair", PRESENT),
        ("Ravi Mistry", "Treasurer", PRESENT),
        ("Hannah Crewe", "Plot Secretary", APOLOGIES),
    ]


AGENDA_MEMBERSHIP = (
    "Eastholme Town Council\n\n"
    "AGENDA\n\n"
    "Planning Committee, Tuesday 11 March 2025 at 7pm\n\n"
    "Members: Cllrs Abbott, Brennan, Coyle, Dunne\n\n"
    "1. Apologies for absence\n"
    "2. Planning applications\n"
)


def test_a_membership_line_above_an_agenda_is_no_attendance() -> None:
    assert people(AGENDA_MEMBERSHIP, "eastholme-agenda.txt") == []


GROUPS_IN_ONE_BLOCK = (
    "SHIRE OF BELLAROO\n\n"
    "Minutes of the Ordinary Meeting of Council held on 20 March 2025\n\n"
    "1.    OPENING\n\nThe Shire President opened the meeting at 9.00am.\n\n"
    "2.    ATTENDANCE\n\n"
    "Members:     Cr Jo Wirth (Shire President)\n"
    "             Cr Lena Okoro\n"
    "Staff:       Mr Dan Renshaw, Chief Executive Officer\n\n"
    "3.    CLOSURE\n\nThe meeting closed at 11am.\n"
)


def test_group_labels_in_one_block_each_open_their_list() -> None:
    assert people(GROUPS_IN_ONE_BLOCK, "bellaroo.txt") == [
        ("Cr Jo Wirth", "Shire President", PRESENT),
        ("Cr Lena Okoro", None, PRESENT),
        ("Mr Dan Renshaw", "Chief Executive Officer", IN_ATTENDANCE),
    ]


SURNAMES_THEN_SEMICOLON = (
    "Millford Board of Trustees\n\n"
    "Regular Meeting Minutes, March 4, 2025\n\n"
    "Present: Okafor, Strand, Ferrante; Also present: J. Lowe, Director\n\n"
    "1. CALL TO ORDER\nThe meeting was called to order at 7 p.m.\n"
)


def test_surnames_before_a_semicolon_are_people_not_roles() -> None:
    assert [(name, role) for name, role, _ in people(SURNAMES_THEN_SEMICOLON, "millford.txt")] == [
        ("Okafor", None),
        ("Strand", None),
        ("Ferrante", None),
        ("J. Lowe", "Director"),
    ]
