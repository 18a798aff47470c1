"""Due dates: a date inside a "when / once / after ..." clause dates a condition, not the task."""

from __future__ import annotations

import datetime as dt

from minutes_parser.extract.dates import DateContext, find_due

CONTEXT = DateContext(meeting_date=dt.date(2025, 1, 17), next_meeting=None)


def test_a_date_of_a_condition_is_not_a_deadline() -> None:
    text = "Officers to look at running the drop-in service when the present lease ends on 31 March 2025."
    assert find_due(text, CONTEXT) is None


def test_a_deadline_after_a_condition_clause_is_kept() -> None:
    due = find_due("Once the quotes arrive, the Clerk to order the bins by 31 March 2025.", CONTEXT)
    assert due is not None and due.value == "2025-03-31"
    due = find_due("The Clerk to order the bins by 31 March 2025.", CONTEXT)
    assert due is not None and due.value == "2025-03-31"
