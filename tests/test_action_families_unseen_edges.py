"""The edges of the "not a task" and "not a deadline" families on minutes written in other styles:
an ordinary task that happens to hold a hope, a need, a wish or a body's acronym stays a task, and
a named event day is no deadline whatever the event is called."""

from __future__ import annotations

import datetime as dt

import pytest

import helpers
from minutes_parser import classify as c
from minutes_parser.extract.dates import DateContext, find_due
from minutes_parser.extract.owners import PeopleIndex

OPENING = (
    "Minutes of the Ordinary Meeting of Westmere Marsh Parish Council held on 4 December 2023.\n"
    "Present: Cllr Priya Natt (Chair), Cllr Tom Oyelaran, Ms Jo Fenn (Clerk)."
)
PEOPLE = PeopleIndex.build([], OPENING)


def first_action(text: str) -> c.Finding | None:
    return helpers.first_action(text, PEOPLE)


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # "Trust" in an owner's title is an organisation's name, not a hope
        ("The Village Hall Trust Secretary will send the booking forms to all hirers.", ("The Village Hall Trust Secretary",)),
        # the meeting's own body by its acronym: its own task, not an outsider's plan
        ("WMPC will write to the County Council about the flooded verge.", ("WMPC",)),
        # a need to get something done, not a requirement to hold something
        ("Priya needs to have the grant form signed by Friday.", ("Priya",)),
        # standing in for someone at an event is a duty, not an office taken up
        ("Cllr Oyelaran agreed to stand in for the Chair at the harvest supper.", ("Cllr Oyelaran",)),
        ("Cllr Oyelaran agreed to update the mission statement on the website.", ("Cllr Oyelaran",)),
    ],
)
def test_ordinary_tasks_with_look_alike_words_stay_tasks(text: str, owners: tuple[str, ...]) -> None:
    found = first_action(text)
    assert found is not None and found.owners == owners


@pytest.mark.parametrize(
    "text",
    [
        "We trust that the contractor will finish the drainage by March.",
        "The Parish Trust will fund the new bench.",
        "The Clerk needs to be at the hall by six to open up.",
        "Cllr Natt agreed to stand for election as Vice-Chair.",
        "Cllr Natt said she would like the figures to be reported to the next meeting.",
    ],
)
def test_hopes_requirements_and_offices_are_not_tasks(text: str) -> None:
    assert first_action(text) is None


def test_a_wish_elsewhere_in_the_sentence_leaves_a_report_back() -> None:
    found = first_action("Residents who want a crossing were told the Clerk will report back to the next meeting.")
    assert found is not None


CONTEXT = DateContext(dt.date(2023, 12, 4), dt.date(2024, 1, 8))


def due_value(text: str) -> str | None:
    due = find_due(text, CONTEXT)
    return due.value if due else None


@pytest.mark.parametrize("day", ["Gala Day", "Harvest Day", "sports day", "Remembrance Day"])
def test_any_named_event_day_sets_the_scene(day: str) -> None:
    assert due_value(f"With the {day} on Saturday the Clerk was asked to order extra bins.") is None


def test_a_day_that_is_itself_a_deadline_stays_one() -> None:
    assert due_value("The Clerk to send the forms by the closing day on 15 December.") == "2023-12-15"
    assert due_value("The Clerk to submit the claim by the payment day on 20 December.") == "2023-12-20"


def test_a_reported_plan_of_the_body_named_by_its_acronym_is_no_task() -> None:
    assert first_action("Ms Fenn said that WMPC would cap the hall grants at £500.") is None


def test_a_district_board_goes_by_its_acronym_too() -> None:
    people = PeopleIndex.build([], "Harlan Creek Water District\nBoard of Directors - Regular Meeting\nMarch 12, 2024")
    found = c.ACTION_RULES.first(c.Clause("HCWD will write to the county about the permit fee.", None, people))
    assert found is not None and found.owners == ("HCWD",)


def test_a_heading_that_speaks_of_action_owners_is_no_table_header() -> None:
    from minutes_parser.extract.findings import header_in_title

    assert header_in_title("Review of action owners") is None
    assert header_in_title("Actions agreed Task Who is responsible") == ("Task", "Who is responsible")
