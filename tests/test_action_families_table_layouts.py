"""Action tables whose header row a layout joined to the heading above, and decision-table rows
that open with a topic rather than an owner."""

from __future__ import annotations

import datetime as dt

from helpers import first_action
from minutes_parser.extract.dates import DateContext
from minutes_parser.extract.findings import header_in_title, table_action
from minutes_parser.extract.owners import PeopleIndex
from minutes_parser.segment import ParagraphDraft

PEOPLE = PeopleIndex.build([], "Weekly meeting of the Kestrel Row app group.")
CONTEXT = DateContext(meeting_date=dt.date(2024, 5, 2))


def test_a_heading_that_ends_with_action_table_columns_gives_the_header() -> None:
    assert header_in_title("Actions from today Task Who is responsible") == ("Task", "Who is responsible")
    assert header_in_title("3. Actions Action Owner Deadline") == ("Action", "Owner", "Deadline")
    assert header_in_title("Tasks for the summer fair") is None
    assert header_in_title("Who is responsible for the hedge") is None


def test_rows_under_such_a_heading_are_actions_with_owners() -> None:
    header = header_in_title("Actions from today Task Who is responsible")
    row = ParagraphDraft("Write the login page | Priya", cells=("Write the login page", "Priya", ""))
    action = table_action(row, header, PEOPLE, CONTEXT, 1, 0, "3")
    assert action is not None and action.text == "Write the login page"
    assert [o.written for o in action.owners] == ["Priya"]
    assert table_action(row, None, PEOPLE, CONTEXT, 1, 0, "3") is None


def test_a_decision_row_opening_with_a_topic_names_no_owner() -> None:
    assert first_action("Storage Plain files -> one folder per user", PEOPLE, "Decision") is None
    found = first_action("that Rowan Pike draft the site map", PEOPLE, "Decision")
    assert found is not None and found.owners == ("Rowan Pike",)
