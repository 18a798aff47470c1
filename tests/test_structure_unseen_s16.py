"""Session 16 item rules for layouts of councils the development set lacks (a Welsh community
council's "Minute 112/24" headings, an Australian shire's table of contents, a US board's
"Item 7.A" headings): each rule must leave alone the shapes of other minutes that look like it.
All minutes here are invented."""

from __future__ import annotations

import pytest

from helpers import holds, item_paragraphs, numbered_items
from minutes_parser import parse_text

MODELS = ["rules", None]

# --- "Minute 45/24 Title": the word before the minute number ------------------------------------

WORDED_MINUTES = (
    "Cwm Derwen Community Council\n\n"
    "Minutes of the meeting held on Monday 7th April 2025\n\n"
    "Minute 45/25  Ymddiheuriadau / Apologies\nApologies were received from Cllr Rhys.\n\n"
    "Min. 46/25 Finance\nThe accounts were noted.\n\n"
    "Minute No. 47/25 - Planning\n"
    "25/0312 – Garage at Bryn Isaf. No objection.\n"
    "25/0340 – Barn conversion at Tan y Bryn. No objection.\n\n"
    "Minute 48/25  Correspondence\n"
    "1. Letter from the Footpaths Society – noted.\n"
    "2. Invitation to the county show – noted.\n\n"
    "Minute 49/25  Date of next meeting\nMonday 12th May 2025.\n"
)


@pytest.mark.parametrize("model", MODELS)
def test_the_word_minute_before_the_number_opens_the_item(model: str | None) -> None:
    minutes = parse_text(WORDED_MINUTES, name="cwm-derwen.txt", model=model)
    assert numbered_items(minutes) == [
        ("45/25", "Ymddiheuriadau / Apologies"),
        ("46/25", "Finance"),
        ("47/25", "Planning"),
        ("48/25", "Correspondence"),
        ("49/25", "Date of next meeting"),
    ]


@pytest.mark.parametrize("model", MODELS)
def test_references_and_numbered_points_stay_inside_their_minute(model: str | None) -> None:
    minutes = parse_text(WORDED_MINUTES, name="cwm-derwen.txt", model=model)
    assert holds(item_paragraphs(minutes, number="47/25"), "Tan y Bryn")
    assert holds(item_paragraphs(minutes, number="48/25"), "county show")


# A sentence that starts with the word is no heading.
MINUTE_SENTENCE = (
    "Pant Glas Community Council\n\n"
    "Minutes of the meeting held on 7 April 2025\n\n"
    "12/25 Matters arising\n\n"
    "Minute 9/25 was corrected to read that the bench was repaired.\n\n"
    "13/25 Close\n\nThe meeting closed at 9pm.\n"
)


def test_a_sentence_about_an_earlier_minute_opens_nothing() -> None:
    minutes = parse_text(MINUTE_SENTENCE, name="pant-glas.txt", model="rules")
    assert numbered_items(minutes) == [("12/25", "Matters arising"), ("13/25", "Close")]


# --- a table of contents before the minutes: dot leaders and page numbers --------------------

CONTENTS_FIRST = (
    "SHIRE OF WANDERRA\n\n"
    "MINUTES OF THE ORDINARY COUNCIL MEETING\n\n"
    "Held on Thursday 3 April 2025 at 1.00pm\n\n"
    "TABLE OF CONTENTS\n"
    "1.   OPENING .............................................. 2\n"
    "2.   ATTENDANCE ........................................... 2\n"
    "3.   REPORTS OF OFFICERS .................................. 3\n\n"
    "1.   OPENING\n\nThe President opened the meeting at 1.02pm.\n\n"
    "2.   ATTENDANCE\n\nAll members were present.\n\n"
    "3.   REPORTS OF OFFICERS\n\nThe reports were received.\n"
)


@pytest.mark.parametrize("model", MODELS)
def test_contents_entries_are_no_items(model: str | None) -> None:
    minutes = parse_text(CONTENTS_FIRST, name="wanderra.txt", model=model)
    assert numbered_items(minutes) == [("1", "OPENING"), ("2", "ATTENDANCE"), ("3", "REPORTS OF OFFICERS")]


# --- the numbered parts of a motion under its stem "That Council:" -----------------------------

MOTION_PARTS = (
    "Shire of Wanderra\n\n"
    "Minutes of the meeting held on 3 April 2025\n\n"
    "4.   TENDERS\n\n"
    "COUNCIL RESOLUTION 2025/31\n"
    "Moved Cr Lindqvist              Seconded Cr Abara\n"
    "That Council:\n"
    "1. Accepts the tender from Dryland Trucks for the supply of one truck for\n"
    "   $212,000 (ex GST); and\n"
    "2. Authorises the Chief Executive Officer to sign the contract.\n"
    "                                                   CARRIED 5/0\n\n"
    "5.   CLOSURE\n\nThe meeting closed at 2pm.\n"
)


@pytest.mark.parametrize("model", MODELS)
def test_the_parts_of_a_motion_stay_its_text(model: str | None) -> None:
    minutes = parse_text(MOTION_PARTS, name="wanderra-tenders.txt", model=model)
    assert numbered_items(minutes) == [("4", "TENDERS"), ("5", "CLOSURE")]
    assert holds(item_paragraphs(minutes, number="4"), "Dryland Trucks")


# --- a sentence hard-wrapped at a fixed width inside a block of short lines --------------------

WRAPPED_RESOLUTION = (
    "Shire of Wanderra\n\n"
    "Minutes of the meeting held on 3 April 2025\n\n"
    "4.   FINANCIAL STATEMENTS\n\n"
    "COUNCIL RESOLUTION 2025/30\n"
    "Moved Cr Lindqvist              Seconded Cr Abara\n"
    "That Council receives the Statement of Financial Activity for the period ending\n"
    "31 March 2025.\n"
    "                                                   CARRIED 5/0\n\n"
    "5.   CLOSURE\n\nThe meeting closed at 2pm.\n"
)
# Entries written one per line, none of them punctuated: each line stays an entry.
ENTRY_LINES = (
    "Wanderra Hall Committee\n\n"
    "Notes of the meeting held on 3 April 2025\n\n"
    "1. Actions\n\n"
    "Treasurer to send the insurance renewal to the broker before the end of the month\n"
    "Secretary to book the hall for the quiz night\n"
    "Chair to ring the caterers\n"
)


@pytest.mark.parametrize("model", MODELS)
def test_a_wrapped_sentence_is_one_paragraph(model: str | None) -> None:
    minutes = parse_text(WRAPPED_RESOLUTION, name="wanderra-finance.txt", model=model)
    assert holds(item_paragraphs(minutes, number="4"), "period ending 31 March 2025.")


def test_unpunctuated_entry_lines_stay_one_per_line() -> None:
    minutes = parse_text(ENTRY_LINES, name="wanderra-hall.txt", model="rules")
    paragraphs = item_paragraphs(minutes, number="1")
    assert any(p.startswith("Secretary to book") for p in paragraphs)
    assert not holds(paragraphs, "end of the month Secretary")


# --- "Item 7.A - Title" headings: the number of a lettered sub-item -----------------------------

ITEM_HEADINGS = (
    "<html><body><h1>Cedar Flats School Board</h1>"
    "<p>Regular Meeting, Tuesday, March 4, 2025</p>"
    "<h3>7. ACTION ITEMS</h3>"
    "<h4>Item 7.A - Bus Contract Renewal</h4><p>The Board discussed the renewal.</p>"
    "<h4>Item 7.B: Library Hours</h4><p>The Board discussed the hours.</p>"
    "<h3>8. ADJOURNMENT</h3><p>The meeting adjourned at 8 p.m.</p>"
    "</body></html>"
)


@pytest.mark.parametrize("model", MODELS)
def test_item_headings_keep_their_lettered_numbers(model: str | None) -> None:
    minutes = parse_text(ITEM_HEADINGS, name="cedar-flats.html", model=model)
    assert numbered_items(minutes) == [
        ("7", "ACTION ITEMS"),
        ("7.A", "Bus Contract Renewal"),
        ("7.B", "Library Hours"),
        ("8", "ADJOURNMENT"),
    ]


# --- roman points with a full stop, one a line: "ii." and "iv." start their own entries ---------

ROMAN_POINTS = (
    "Cwm Derwen Community Council\n\n"
    "Minutes of the meeting held on Monday 7th April 2025\n\n"
    "Minute 46/25  Finance\n"
    "i. Statement of accounts to 31st March 2025 noted.\n"
    "ii. Payments: RESOLVED that the payments listed be approved.\n"
    "iii. The Clerk to send the audit papers to the auditor by 30th June 2025.\n"
    "iv. Insurance renewal noted.\n\n"
    "Minute 47/25  Close\nThe meeting closed at 9pm.\n"
)


@pytest.mark.parametrize("model", MODELS)
def test_roman_points_are_paragraphs_of_their_own(model: str | None) -> None:
    minutes = parse_text(ROMAN_POINTS, name="cwm-derwen-finance.txt", model=model)
    assert numbered_items(minutes) == [("46/25", "Finance"), ("47/25", "Close")]
    paragraphs = item_paragraphs(minutes, number="46/25")
    assert [p.split()[0] for p in paragraphs] == ["Statement", "Payments:", "The", "Insurance"]
