"""Session 15 item rules on styles the development set lacks: each rule must leave alone the
shapes of other bodies' minutes that look like it. All minutes here are invented."""

from __future__ import annotations

import pytest

from helpers import holds, item_paragraphs, numbered_items, titles
from minutes_parser import parse_text

MODELS = ["rules", None]

# --- coded minute numbers: planning references listed under a plainly numbered item ----------

# Consecutive serials of three digits, as a planning authority hands out in a week, under "2.":
# references of the planning item, not a run of coded minutes.
PLANNING_LIST = (
    "Oakridge Parish Council\n\n"
    "Minutes of the meeting held on 3 April 2025\n\n"
    "1. Apologies\n\nNone.\n\n"
    "2. Planning applications\n\n"
    "P/25/101 Two storey extension at 3 Elm Close. No objection.\n\n"
    "P/25/102 Garage at 5 Elm Close. No objection.\n\n"
    "P/25/103 Fence at 7 Elm Close. Objection on grounds of height.\n\n"
    "3. Any other business\n\nNone.\n"
)


@pytest.mark.parametrize("model", MODELS)
def test_consecutive_planning_references_under_a_numbered_item_stay_its_text(model: str | None) -> None:
    minutes = parse_text(PLANNING_LIST, name="oakridge.txt", model=model)
    assert numbered_items(minutes) == [("1", "Apologies"), ("2", "Planning applications"), ("3", "Any other business")]
    assert holds(item_paragraphs(minutes, number="2"), "Elm Close")


# --- bracketed roman entries: the clauses of a decision are not sub-items ---------------------

RESOLUTION_CLAUSES = (
    "Elmstead Parish Council\n\n"
    "Minutes of the meeting held on 3 April 2025\n\n"
    "1. Apologies\n\nNone.\n\n"
    "2. Grass cutting\n\n"
    "It was resolved:\n\n"
    "(i) To accept the quote from Greenway Ltd.\n\n"
    "(ii) To review the contract in 2026.\n\n"
    "3. Close\n\nThe meeting closed at 9pm.\n"
)
LETTERED_CLAUSES = RESOLUTION_CLAUSES.replace("(i) ", "(a) ").replace("(ii) ", "(b) ").replace("It was resolved:", "Members AGREED that:")
# A plain lead-in may list sub-items of the item: those stay items.
REPORTS_LISTED = (
    "Elmstead Parish Council\n\n"
    "Minutes of the meeting held on 3 April 2025\n\n"
    "1. Apologies\n\nNone.\n\n"
    "2. Reports\n\n"
    "Reports were received as follows:\n\n"
    "(i) County Councillor\n\n"
    "(ii) Police\n\n"
    "3. Close\n\nThe meeting closed at 9pm.\n"
)


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("text", [RESOLUTION_CLAUSES, LETTERED_CLAUSES], ids=["roman", "lettered"])
def test_clauses_after_a_decision_lead_in_are_not_sub_items(text: str, model: str | None) -> None:
    minutes = parse_text(text, name="elmstead.txt", model=model)
    assert numbered_items(minutes) == [("1", "Apologies"), ("2", "Grass cutting"), ("3", "Close")]
    assert holds(item_paragraphs(minutes, number="2"), "Greenway")


def test_bracketed_roman_entries_after_a_plain_lead_in_stay_sub_items() -> None:
    assert numbered_items(parse_text(REPORTS_LISTED, name="elmstead.txt", model="rules")) == [
        ("1", "Apologies"), ("2", "Reports"), ("2i", "County Councillor"), ("2ii", "Police"), ("3", "Close")]


# --- statement captions of a finance item ----------------------------------------------------

# A US township's treasurer's report with its receipts and disbursements.
TOWNSHIP_TREASURER = (
    "# Pine Hollow Township Board of Trustees\n\n"
    "Regular meeting minutes, March 14, 2025\n\n"
    "## Roll Call\n\nPresent: Trustee Kowalski, Trustee Adams, Clerk Reyes\n\n"
    "## Treasurer's Report\n\nThe treasurer presented the monthly report.\n\n"
    "### Receipts\n\nProperty tax 12,400.00\n\n"
    "### Disbursements\n\nRoad salt 3,100.00\n\n"
    "## Old Business\n\nNone.\n"
)
# A charity's own "Income" item beside its "Finance" item, told in sentences: business of its own.
CHARITY_INCOME = (
    "# Riverbend Food Bank Trustees\n\n"
    "Minutes of the trustees' meeting held on 5 May 2025\n\n"
    "## Finance\n\nThe treasurer reported.\n\n"
    "## Income\n\nA new grant was received from the county community fund.\n\n"
    "## Volunteers\n\nRecruitment continues.\n"
)


@pytest.mark.parametrize("model", MODELS)
def test_treasurers_receipts_and_disbursements_stay_in_the_report(model: str | None) -> None:
    minutes = parse_text(TOWNSHIP_TREASURER, name="pine.md", model=model)
    assert "Receipts" not in titles(minutes) and "Disbursements" not in titles(minutes)
    assert holds(item_paragraphs(minutes, title="Treasurer's Report"), "Road salt")


@pytest.mark.parametrize("model", MODELS)
def test_an_income_item_told_in_sentences_beside_finance_is_an_item(model: str | None) -> None:
    assert titles(parse_text(CHARITY_INCOME, name="riverbend.md", model=model))[-3:] == ["Finance", "Income", "Volunteers"]


# --- business headings after the attendance lists --------------------------------------------

# A Canadian council's attendance then its order of business.
TOWN_COUNCIL = (
    "# Town of Birch Falls\n\n"
    "Regular council meeting, April 8, 2025\n\n"
    "## Council Present\n\n* Mayor L. Tremblay\n* Councillor J. Okafor\n\n"
    "## Staff Present\n\n* CAO M. Fraser\n\n"
    "## Call to Order\n\nThe mayor called the meeting to order at 7:00 p.m.\n\n"
    "## Adoption of Agenda\n\nMoved and carried.\n"
)


@pytest.mark.parametrize("model", MODELS)
def test_order_of_business_after_council_and_staff_present(model: str | None) -> None:
    assert titles(parse_text(TOWN_COUNCIL, name="birch.md", model=model))[-2:] == ["Call to Order", "Adoption of Agenda"]
