"""Agenda-item families of session 15, rules alone and with the default model. All minutes here
are invented."""

from __future__ import annotations

import pytest

from helpers import holds, item_paragraphs, numbered_items, titles
from minutes_parser import parse_text

MODELS = ["rules", None]

# --- minute numbers written as the body's code, the year and the serial ----------------------

AUDIT_CODED = (
    "Marlow Vale Town Council\n\n"
    "Minutes of the Audit Committee held on 4 March 2025 at the Guildhall\n\n"
    "Present: Cllr A. Penrose (Chair), Cllr B. Oduya, Cllr C. Finch\n\n"
    "AC/25/01 Apologies for Absence\nApologies were received from Cllr D. Hale.\n\n"
    "AC/25/02 Internal Audit Report\nThe committee noted the report of the internal auditor.\n\n"
    "AC/25/03 Planning Matters\nDC/24/0123 was discussed and members had no objection.\n\n"
    "DC/24/0456 Rear extension at 9 Quarry Road. No objection.\n\n"
    "24/01234/FUL Land at Mill Lane. No objection.\n\n"
    "AC/25/04 Date of Next Meeting\nThe next meeting will be held on 3 June 2025.\n"
)
RESOURCES_CODED = (
    "Brindle Heath Parish Council\n\n"
    "Minutes of the Policy and Resources Committee held on 12 June 2024\n\n"
    "P&R 23/14 Apologies\nNone received.\n\n"
    "P&R 23/15 Budget Monitoring\nMembers reviewed the budget.\n\n"
    "P&R 23/16 Grants\nRESOLVED to award 250 pounds to the youth club.\n"
)
DOTTED_CODED = (
    "Ashcombe Town Council\n\n"
    "Minutes of the Full Council meeting held on 9 July 2024\n\n"
    "FC.24.07 Declarations of Interest\nNone were declared.\n\n"
    "FC.24.08 Minutes of the Previous Meeting\nRESOLVED that the minutes be signed as a true record.\n\n"
    "FC.24.09 Allotments\nThe Clerk reported a waiting list of 14.\n"
)
HEADED_CODED = (
    "# Ashcombe Town Council\n\n"
    "Minutes of the Full Council meeting held on 9 July 2024\n\n"
    "## FC.24.07 Declarations of Interest\n\nNone were declared.\n\n"
    "## FC.24.08 Allotments\n\nThe Clerk reported a waiting list of 14.\n"
)
# Planning references alone do not make a run of minutes: a serial of four digits, or one quoted
# once, stays the text of the item it sits in.
PLANNING_ONLY = (
    "Ashcombe Town Council\n\n"
    "Minutes of the Planning Committee held on 9 July 2024\n\n"
    "1. Applications\n\n"
    "P/24/123 Land at Mill Lane. No objection.\n\n"
    "DC/24/0123 Rear extension at 4 High Street. No objection.\n\n"
    "DC/24/0124 New garage at 6 High Street. No objection.\n\n"
    "2. Date of next meeting\n\nTo be confirmed.\n"
)


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (AUDIT_CODED, "audit.txt", [("AC/25/01", "Apologies for Absence"), ("AC/25/02", "Internal Audit Report"),
                                    ("AC/25/03", "Planning Matters"), ("AC/25/04", "Date of Next Meeting")]),
        (RESOURCES_CODED, "pr.txt", [("P&R 23/14", "Apologies"), ("P&R 23/15", "Budget Monitoring"), ("P&R 23/16", "Grants")]),
        (DOTTED_CODED, "fc.txt", [("FC.24.07", "Declarations of Interest"), ("FC.24.08", "Minutes of the Previous Meeting"),
                                  ("FC.24.09", "Allotments")]),
        (HEADED_CODED, "fc.md", [("FC.24.07", "Declarations of Interest"), ("FC.24.08", "Allotments")]),
        (PLANNING_ONLY, "plan.txt", [("1", "Applications"), ("2", "Date of next meeting")]),
    ],
    ids=["slashed", "ampersand-code", "dotted", "markdown-headings", "planning-references-stay-text"],
)
def test_coded_minute_numbers(text: str, name: str, expected: list[tuple[str, str]], model: str | None) -> None:
    assert numbered_items(parse_text(text, name=name, model=model)) == expected


def test_planning_reference_inside_a_coded_minute_stays_its_text() -> None:
    planning = item_paragraphs(parse_text(AUDIT_CODED, name="audit.txt", model="rules"), number="AC/25/03")
    assert holds(planning, "Quarry Road")
    assert holds(planning, "Mill Lane")


def test_coded_minute_listed_in_an_agenda_then_minuted_is_one_item() -> None:
    agenda = "Agenda\n\nAC/25/01 Apologies for Absence\n\nAC/25/02 Internal Audit Report\n\n"
    text = AUDIT_CODED.replace("AC/25/01 Apologies for Absence\nApologies", agenda + "AC/25/01 Apologies for Absence\nApologies")
    assert titles(parse_text(text, name="audit.txt", model="rules")) == [
        "Apologies for Absence", "Internal Audit Report", "Planning Matters", "Date of Next Meeting"]


# --- the captions of a finance item's statements -------------------------------------------

LEDGER = (
    "# Fernhill Parish Council\n\n"
    "Minutes of the meeting held on 2 October 2024\n\n"
    "## 5. Finance\n\n"
    "The Clerk presented the accounts.\n\n"
    "### Receipts\n\n"
    "Precept second half 4,200.00\n\n"
    "### Payments for approval:\n\n"
    "Grass cutting 310.00\n\n"
    "## 6. Planning\n\n"
    "No applications were received.\n"
)
# The same captions under other business, or as an item's own heading, remain items.
PAYMENTS_ITEM = (
    "# Fernhill Parish Council\n\n"
    "Minutes of the meeting held on 2 October 2024\n\n"
    "## Correspondence\n\n"
    "A letter from the school was read.\n\n"
    "## Payments\n\n"
    "RESOLVED to pay the invoices listed.\n"
)


@pytest.mark.parametrize("model", MODELS)
def test_ledger_captions_stay_in_the_finance_item(model: str | None) -> None:
    minutes = parse_text(LEDGER, name="ledger.md", model=model)
    assert titles(minutes) == ["Finance", "Planning"]
    finance = minutes.items[1] if minutes.items[0].preamble else minutes.items[0]
    assert any("Grass cutting" in p.text for p in finance.paragraphs)


@pytest.mark.parametrize("model", MODELS)
def test_ledger_caption_outside_a_finance_item_is_an_item(model: str | None) -> None:
    assert titles(parse_text(PAYMENTS_ITEM, name="payments.md", model=model)) == ["Correspondence", "Payments"]


# --- bracketed roman sub-items: "(ii)" after "(i)", marker on its own line or before the title ---

ROMAN_OWN_LINE = (
    "Dunmore County Council\n\nMinutes of the Ordinary Meeting held on 3 March 2025\n\n"
    "1.\n\nMinutes\n\nThe minutes of the February meeting were adopted.\n\n"
    "2.\n\nAudit\n\n"
    "(i)\n\nRisk Register Review\n\nCirculated, report of the Head of Finance on the plan.\n\n"
    "(ii)\n\nAuditor’s Annual Letter\n\nCirculated, the annual report of the committee.\n\n"
    "(iii)\n\nFraud Policy\n\nThe charter was adopted.\n\n"
    "3.\n\nHousing\n\nCirculated, report on housing delivery.\n"
)
ROMAN_INLINE = ROMAN_OWN_LINE.replace(")\n\n", ") ").replace(".\n\nMinutes", ". Minutes").replace(".\n\nAudit\n", ". Audit\n").replace(
    ".\n\nHousing", ". Housing"
)
ROMAN_ITEMS = [("1", "Minutes"), ("2", "Audit"), ("2i", "Risk Register Review"), ("2ii", "Auditor’s Annual Letter"),
               ("2iii", "Fraud Policy"), ("3", "Housing")]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("text", [ROMAN_OWN_LINE, ROMAN_INLINE], ids=["marker-own-line", "marker-before-title"])
def test_bracketed_roman_sub_items_follow_on(text: str, model: str | None) -> None:
    assert numbered_items(parse_text(text, name="dunmore.txt", model=model)) == ROMAN_ITEMS


# --- the first business heading after the attendance lists -----------------------------------

AFTER_ATTENDANCE = (
    "---\ntitle: Minutes of the meeting held Tuesday 4 June 2024\n---\n\n"
    "*Held in Fernhill Church Rooms at 7pm.*\n\n"
    "## Present\n\n* Joan Pettigrew — *Chair*\n* Owen Marsh\n* Cllr Rhona Bell\n\n"
    "## Apologies for Absence\n\n* Iain Ross\n\n"
    "## Minutes of the previous meeting\n\nThe minutes of the May meeting were approved.\n\n"
    "## Community Council Website\n\nOM reported that the new website is live.\n"
)
# A heading with the meeting's date after the lists still belongs to the header.
DATED_AFTER_ATTENDANCE = (
    "## Present\n\n* Joan Pettigrew — *Chair*\n* Owen Marsh\n\n"
    "## Annual Meeting of the Community Council, Tuesday 4 June 2024\n\n"
    "## Accounts\n\nThe accounts were approved.\n"
)


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (AFTER_ATTENDANCE, ["Minutes of the previous meeting", "Community Council Website"]),
        (DATED_AFTER_ATTENDANCE, ["Accounts"]),
    ],
    ids=["business-headings", "dated-title-stays-header"],
)
def test_headings_after_the_attendance_lists(text: str, expected: list[str], model: str | None) -> None:
    assert titles(parse_text(text, name="fernhill.md", model=model)) == expected
