"""Due dates that are not deadlines: the day of an event someone attends or that sets the scene, a
year-less day just before the meeting; and the next meeting's date from its own item."""

from __future__ import annotations

import datetime as dt

from minutes_parser.extract.dates import DateContext, find_due
from minutes_parser.extract.next_meeting import next_meeting_date
from minutes_parser.segment import ItemDraft, ParagraphDraft

MEETING = dt.date(2023, 12, 5)  # a Tuesday
CONTEXT = DateContext(meeting_date=MEETING, next_meeting=None)


def due_value(text: str, context: DateContext = CONTEXT) -> str | None:
    due = find_due(text, context)
    return due.value if due else None


def test_a_week_that_started_before_the_meeting_is_not_next_year() -> None:
    assert due_value("Ines and Otto: write up the survey for week starting 27th November") is None
    assert due_value("Ines and Otto: write up the survey for week starting 11th December") == "2023-W50"


def test_the_month_of_an_event_someone_attends_is_not_a_deadline() -> None:
    text = "The Clerk to ask Dr Vane if she could attend the Town Council meeting in February and speak on flooding."
    assert due_value(text) is None
    assert due_value("The Clerk to ask Dr Vane for her slides by February.") == "2024-02"


def test_the_weekday_of_a_scene_setting_event_is_not_a_deadline() -> None:
    text = "With the village fun day on Saturday the Clerk was asked to contact the police about parking."
    assert due_value(text) is None
    assert due_value("The Clerk was asked to contact the police about parking by Saturday.") == "2023-12-09"
    assert due_value("The team will have a short call on Friday") == "2023-12-08"  # the event is the task itself


def test_the_next_meeting_item_wins_over_a_line_about_another_meeting() -> None:
    text = "Cllr Hale said the next meeting of the rail group would be on 14th December."
    items = [
        ItemDraft("Rail group", paragraphs=[ParagraphDraft(text)]),
        ItemDraft("Date of Next Meeting", paragraphs=[ParagraphDraft("The next meeting will be held on Tuesday 9th January at 7pm.")]),
    ]
    assert next_meeting_date(text + "\nThe next meeting will be held on Tuesday 9th January at 7pm.", items, MEETING) == dt.date(2024, 1, 9)
    assert next_meeting_date(text, items[:1], MEETING) == dt.date(2023, 12, 14)


def test_the_next_meeting_of_another_named_body_is_not_ours() -> None:
    context = DateContext(meeting_date=MEETING, next_meeting=dt.date(2024, 1, 9))
    assert due_value("The Chair to raise this at the next Rail Users Forum meeting.", context) is None
    assert due_value("The Chair to raise this at the next Parish Council meeting.", context) == "2024-01-09"
    assert due_value("The Chair to raise this at the next AGM meeting.", context) == "2024-01-09"
