"""Due dates and explicit dates: minutes_parser.extract.dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_parser.extract.dates import (
    DateContext,
    date_from_filename,
    find_due,
    find_explicit_dates,
    find_next_meeting,
    parse_full_date,
)

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
MEETING = dt.date(2018, 10, 25)  # a Thursday, ISO week 43 (the OUTPUT.md examples)
AT_MEETING = DateContext(MEETING)


def due_value(text: str, context: DateContext = AT_MEETING) -> str | None:
    due = find_due(text, context)
    return due.value if due else None


# --- the due.value table of OUTPUT.md -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "last_day"),
    [
        ("Officers to bring a report back to the Board on 15 December.", "2018-12-15", "2018-12-15"),
        ("Bids for the first round are due by November 2018.", "2018-11", "2018-11-30"),
        ("The Clerk to obtain three quotes by the end of November.", "2018-11", "2018-11-30"),
        ("Savings plan to be delivered by the end of Q3 2024/25.", "2024-Q4", "2024-12-31"),
        ("Highways to complete the resurfacing by the summer.", "2019-SU", "2019-08-31"),
        ("The consultation will open in the new year.", "2019-01", "2019-01-31"),
        ("MS to circulate the final spreadsheet by the end of this week.", "2018-W43", "2018-10-28"),
        ("The Treasurer will update members next week.", "2018-W44", "2018-11-04"),
        ("Officers to respond to the resident within two weeks.", "2018-11-08", "2018-11-08"),
        ("Comments to be returned in 14 days.", "2018-11-08", "2018-11-08"),
        ("A report on the options to come back to the next meeting.", "NEXT_MEETING", None),
        ("A report to the next meeting on 15 December.", "2018-12-15", "2018-12-15"),
        ("The review to be completed by the end of the year.", "2018", "2018-12-31"),
    ],
)
def test_output_md_table(text: str, value: str, last_day: str | None) -> None:
    due = find_due(text, AT_MEETING)
    assert due is not None
    assert due.value == value
    assert (due.date.isoformat() if due.date else None) == last_day
    assert due.cue.startswith("due:")
    assert text[due.start : due.end] == due.text


def test_year_less_date_without_a_meeting_date() -> None:
    due = find_due("Lead Members to bring a report back to Board on 15 December.", DateContext(None))
    assert due is not None and (due.value, due.date) == ("XXXX-12-15", None)


def test_next_meeting_date_known_from_elsewhere() -> None:
    context = DateContext(MEETING, next_meeting=dt.date(2018, 11, 15))
    due = find_due("Officers to bring the figures to the next Board meeting.", context)
    assert due is not None and (due.value, due.date) == ("2018-11-15", dt.date(2018, 11, 15))


# --- rules beyond the table -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # month precision
        ("Treasurer to circulate the budget by end of Nov", "2018-11"),
        ("Draft to be ready by mid-December.", "2018-12"),
        ("Tree survey to be carried out in early January.", "2019-01"),
        ("Work to be finished this month.", "2018-10"),
        ("The Chair will report back next month.", "2018-11"),
        ("Newsletter to be prepared for issue in March.", "2019-03"),
        ("Arrange a meeting for the 20th, 21st or 22nd of January to plan the launch.", "2019-01"),
        # quarters and financial years
        ("Pilot to report in Q1 2025.", "2025-Q1"),
        ("Figures to be published by the end of Q4 2024/25.", "2025-Q1"),
        ("Budget to be committed by the end of the financial year.", "2019-03"),
        ("Review to be completed by the end of 2019/20.", "2020-03"),
        # terms and seasons
        ("The school travel plan is to be agreed by the end of the autumn term.", "2018-12"),
        ("Pupils to be surveyed before the end of the spring term.", "2019-04"),
        ("Planting to be finished before the spring.", "2019-SP"),
        ("Gritting routes to be reviewed by the winter.", "2018-WI"),
        # weeks and durations
        ("Volunteers to meet during the week commencing 5 November.", "2018-W45"),
        ("Returns are due in the week ending 9 November.", "2018-W45"),
        ("JS is meeting the contractor later this week.", "2018-W43"),
        ("The petition will be presented within the next ten days.", "2018-11-04"),
        ("Aim for agreement within 1 week or less.", "2018-11-01"),
        ("Responses are required within 10 working days.", "2018-11-08"),
        ("Submit the claim within a month.", "2018-11-25"),
        # next meeting and month-named meetings
        ("A report on the data portal to be brought back to the next meeting of the Board on 15 December.", "2018-12-15"),
        ("The Clerk to put the item on the agenda for the next Full Council meeting.", "NEXT_MEETING"),
        ("Can we pull that together into the next meeting's agenda?", "NEXT_MEETING"),
        ("The policy would be available for the December meeting.", "2018-12"),
        ("Village gates will be on the January agenda for discussion.", "2019-01"),
        ("Members to consider the matter at or before the November meeting.", "2018-11"),
        # full dates
        ("Accounts to be sent to the auditor before the deadline of 31 December.", "2018-12-31"),
        ("The Chair and Clerk are meeting the Rights of Way Officer on Friday 2 November.", "2018-11-02"),
        ("The working group will convene on 4th December.", "2018-12-04"),
        ("The fun day takes place on Sunday 24 June 2019.", "2019-06-24"),
        ("Applications to be in no later than 12/11/2018.", "2018-11-12"),
        ("Response needed by 15/12 at the latest.", "2018-12-15"),
        ("Nominations close on 2018-11-30.", "2018-11-30"),
        ("Papers must be returned by 1 October 2018.", "2018-10-01"),  # past, but "by": kept
        ("The Clerk to write to the developer by Friday.", "2018-10-26"),
        ("Deadline for the first round is November 2018.", "2018-11"),
        ("A site visit was arranged for Tuesday 6 November.", "2018-11-06"),
        # a weekday written short, "Weds" as often as "Wed"
        ("Treasurer to send the precept form by Weds 14th November.", "2018-11-14"),
        ("The tree warden is walking the footpaths on Weds. 7 November.", "2018-11-07"),
    ],
)
def test_rules(text: str, value: str) -> None:
    assert due_value(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "Minute 18/45 was approved; see also 26/16 and application 18/00410/O.",
        "Councils may bid for a grant of £1 million towards the scheme.",
        "Try out the 10.x branch and version 2.4.1.",
        "The meeting closed at 7 p.m.",
        "Officers to incorporate comments into the programme for 2017/18.",
        "Officers to shape the improvement programme for 2019/20.",
        "Members may submit written questions to the Clerk.",
        "Residents will march to the town hall.",
        "The Clerk to arrange a briefing now.",
        "The Grants Committee will send a recommendation soon.",
        "The scheme was set up a few years ago.",
        "The cut off for attendance will be the previous Friday.",
        "The road works are not likely to happen until the next financial year.",
        "The strategy would be published this year and a new one presented in 2025.",
        "The Clerk to invite the Borough Council to the next possible meeting.",
        "It was agreed to invite the transport officer to a future meeting.",
        "Ryan to send out time coordination for meetings in the next 4 weeks.",
        "The Council will respond within 28 days of receipt of the application.",
        "The group ran several events over the summer.",
        "Keiran, who visited Peru in the summer, will give a talk.",
        "Timing of the meeting coincided with the end of Q2.",
        "It was agreed to hold public meetings at better times (April and September).",
        "The comments were detailed in the minutes of 28 March 2018.",
        "The Clerk reported that the grant was paid on 3 September 2018.",
        "Work on this died down end-of-year.",
        "As at end of September 11 KPIs were on track.",
        "The last quarter was spent releasing Struts 2.3.20, a major release.",
        "Clerks Wages and Expenses - April 18 309.76 0.00",
        "Applications are dealt with in December each year.",
        "The thread was started on Aug 16 on the list.",
        "Nobody came to the October meeting.",  # the meeting's own month
        "This was raised at the September meeting.",  # a past meeting
        "The date of the next meeting was confirmed.",
        "",
    ],
)
def test_not_deadlines(text: str) -> None:
    assert due_value(text) is None


def test_picks_the_date_tied_to_the_deadline_cue() -> None:
    text = "Following the visit on 5 November, the Clerk to report by 30 November."
    assert due_value(text) == "2018-11-30"


def test_takes_the_first_when_no_strong_cue() -> None:
    text = "The AGM will be held on Wednesday 8th July followed by the normal July meeting."
    assert due_value(text, DateContext(dt.date(2020, 6, 10))) == "2020-07-08"


def test_past_event_is_skipped_for_a_later_meeting_reference() -> None:
    text = "No one came for the December meeting. He would seek to do so for the February meeting."
    assert due_value(text, DateContext(dt.date(2023, 12, 4))) == "2024-02"


def test_end_of_year_adjective_does_not_hide_a_later_deadline() -> None:
    text = "Work died down end-of-year due to holidays; plans to pick up this month."
    assert due_value(text, DateContext(dt.date(2019, 1, 10))) == "2019-01"


def test_weekday_that_contradicts_the_future_year_is_a_past_event() -> None:
    # 1 October 2018 was a Monday; in 2019 (after a 2018-10-25 meeting) it is a Tuesday.
    assert due_value("The panel met on Monday 1 October.") is None
    assert due_value("The panel will meet on Tuesday 1 October.") == "2019-10-01"


def test_year_less_date_on_the_meeting_day_resolves_to_that_day() -> None:
    assert due_value("Comments on 25 October please.") == "2018-10-25"


def test_leap_day_resolves_to_the_next_leap_year() -> None:
    assert due_value("Claims to be in by 29 February.") == "2020-02-29"


def test_due_text_and_span_point_into_the_input() -> None:
    text = "Officers to explore this and bring a report back by the end of November."
    due = find_due(text, AT_MEETING)
    assert due is not None
    assert due.text == "the end of November" == text[due.start : due.end]


# --- nothing depends on the clock -----------------------------------------------------------


@pytest.mark.parametrize(
    ("meeting", "expected"),
    [
        (
            dt.date(2009, 11, 3),
            ["2009-12-15", "2009-W46", "2009-11-17", "2010-SU", "2010-03", "2009", "2009-11"],
        ),
        (
            dt.date(2030, 11, 5),
            ["2030-12-15", "2030-W46", "2030-11-19", "2031-SU", "2031-03", "2030", "2030-11"],
        ),
    ],
)
def test_resolves_against_the_meeting_never_today(meeting: dt.date, expected: list[str]) -> None:
    texts = [
        "Report back on 15 December.",
        "Clerk to circulate next week.",
        "Respond within two weeks.",
        "Complete by the summer.",
        "Spend by the end of the financial year.",
        "Finish by the end of the year.",
        "Finish this month.",
    ]
    assert [due_value(text, DateContext(meeting)) for text in texts] == expected


def test_relative_expressions_need_a_meeting_date() -> None:
    unknown = DateContext(None)
    assert due_value("Respond within two weeks.", unknown) is None
    assert due_value("Clerk to circulate next week.", unknown) is None
    assert due_value("Report by the end of November.", unknown) == "XXXX-11"
    assert due_value("Report by the summer.", unknown) == "XXXX-SU"
    assert due_value("Report by 1 March 2019.", unknown) == "2019-03-01"


# --- explicit dates, file names, next meeting -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday 25 October 2018", dt.date(2018, 10, 25)),
        ("held on the 25th October 2018 at 11am", dt.date(2018, 10, 25)),
        ("25th of October, 2018", dt.date(2018, 10, 25)),
        ("Meeting: October 25, 2019", dt.date(2019, 10, 25)),
        ("Wednesday, Jan. 10, 2018", dt.date(2018, 1, 10)),
        ("Date: 2018-10-25", dt.date(2018, 10, 25)),
        ("Date: 25/10/2018", dt.date(2018, 10, 25)),
        ("Date: 25.10.18", dt.date(2018, 10, 25)),
        ("Date: 01/29/2018", dt.date(2018, 1, 29)),  # MDY only because DMY cannot be a date
        ("Minute 18/45, planning 18/00410/O, £1 million", None),
        ("MAY 2018 newsletter", None),
        ("version 1.2.18", None),
    ],
)
def test_parse_full_date(text: str, expected: dt.date | None) -> None:
    assert parse_full_date(text) == expected


def test_find_explicit_dates_spans() -> None:
    text = "Meeting held on Thursday 25 October 2018. Next meeting: 15/11/2018."
    found = find_explicit_dates(text)
    assert [(text[start:end], value) for start, end, value in found] == [
        ("Thursday 25 October 2018", dt.date(2018, 10, 25)),
        ("15/11/2018", dt.date(2018, 11, 15)),
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("board_minutes_2015-10-15.docx", dt.date(2015, 10, 15)),
        ("2019-01-10.md", dt.date(2019, 1, 10)),
        ("minutes_20150115.pdf", dt.date(2015, 1, 15)),
        ("/data/council/15.10.2015.txt", dt.date(2015, 10, 15)),
        ("group15_2015-10-08_noext", dt.date(2015, 10, 8)),
        ("Minutes 8 October 2015.docx", dt.date(2015, 10, 8)),
        ("minutes_2015-13-45.pdf", None),
        ("agenda.pdf", None),
    ],
)
def test_date_from_filename(name: str, expected: dt.date | None) -> None:
    assert date_from_filename(name) == expected


@pytest.mark.parametrize(
    ("text", "meeting", "expected"),
    [
        ("8. NEXT MEETING MONDAY 5 FEBRUARY at 7 p.m.", dt.date(2023, 12, 4), dt.date(2024, 2, 5)),
        ("Date and Time of Next Meeting – Ordinary meeting on Wednesday 6 June 2018", dt.date(2018, 5, 2), dt.date(2018, 6, 6)),
        ("Date of next meeting: 15/11/2018", None, dt.date(2018, 11, 15)),
        ("Draft minutes subject to approval at the next Meeting. Annual Meeting of the Council 2 May 2018", None, None),
        ("Thanks to all. The next meeting's venue is open. On 5 June 2018 the hall shuts.", dt.date(2018, 5, 2), None),
    ],
)
def test_find_next_meeting(text: str, meeting: dt.date | None, expected: dt.date | None) -> None:
    assert find_next_meeting(text, meeting) == expected


# --- robustness ------------------------------------------------------------------------------


def test_long_single_line_inputs() -> None:
    # Patterns are bounded: these would hang with nested unbounded quantifiers.
    for text in ("1" * 200_000, "1/" * 100_000, "Board next " * 20_000, " " * 200_000 + "by"):
        assert find_explicit_dates(text) == []
        assert find_due(text, AT_MEETING) is None


_TOKENS = [*"0123456789 /.-–,:;()", "by", "on", "the", "May", "June", "Friday", "next", "meeting",
           "end of", "within", "week", "Q3", "2018", "2019/20", "st", "mid-", "summer", "days"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=30).map(" ".join))
def test_find_due_never_fails_and_spans_are_exact(text: str) -> None:
    due = find_due(text, AT_MEETING)
    if due is not None:
        assert text[due.start : due.end] == due.text
        assert due.value


# --- the development set's gold due values ----------------------------------------------------


def _gold_cases() -> list[tuple[str, str | None, DateContext]]:
    cases = []
    for gold_path in sorted(SHARED.glob("seeds/*.gold.json")) + sorted(SHARED.glob("corpus/*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        date_text = (gold.get("meeting") or {}).get("date")
        # A month-precision meeting date ("2019-01": a multi-day interim) resolves nothing by itself.
        meeting = dt.date.fromisoformat(date_text) if date_text and len(date_text) == 10 else None
        document = gold_path.with_name(gold_path.name[: -len(".gold.json")])
        next_meeting = None
        if document.suffix in (".md", ".txt", ".rst") and document.exists():
            next_meeting = find_next_meeting(document.read_text(encoding="utf-8", errors="replace"), meeting)
        for action in gold.get("actions", []):
            cases.append((action["text"], action.get("due"), DateContext(meeting, next_meeting)))
    return cases


def test_gold_due_values_floor() -> None:
    cases = _gold_cases()
    if not cases:
        pytest.skip("../shared gold files not available")
    predicted = right = gold_values = 0
    for text, want, context in cases:
        got = due_value(text, context)
        predicted += got is not None
        right += got is not None and got == want
        gold_values += want is not None
    # The development set grew (63 gold files; many due values now come from action-table
    # columns the action text does not hold). Measured on it: 63/120 right, 63 of 159 gold
    # values found; floors sit just below. (On the old set: 25/28 and 25 of 29.)
    assert right / predicted >= 0.52
    assert right / gold_values >= 0.39


# --- issue 10: meeting-relative deadlines, event dates, recent past dates ----------------------------


def test_a_month_named_meeting_takes_the_stated_next_meeting_date() -> None:
    context = DateContext(dt.date(2024, 5, 8), next_meeting=dt.date(2024, 6, 12))
    assert due_value("Cllr Ames agreed to get three quotes for the June meeting.", context) == "2024-06-12"
    assert due_value("Cllr Ames agreed to get three quotes for the July meeting.", context) == "2024-07"


@pytest.mark.parametrize(
    "text",
    [
        "Dana: the minutes for the meeting with the auditor on 26th May are missing.",
        "The Clerk is to book two members on the planning course on 27 June 2024.",
        "Cllr Ames attended a workshop on the grants fund on 2nd May and will update members.",
    ],
)
def test_an_event_or_a_recent_past_date_is_no_deadline(text: str) -> None:
    assert due_value(text, DateContext(dt.date(2024, 5, 8))) is None



def test_a_month_named_council_meeting_is_meeting_relative() -> None:
    context = DateContext(dt.date(2024, 12, 13), next_meeting=dt.date(2025, 3, 13))
    assert due_value("Provide the draft protocol in time for the March County Council.", context) == "2025-03-13"


def test_a_deadline_just_before_the_meeting_is_past_not_next_year() -> None:
    assert due_value("The Clerk to reply by 2 May.", DateContext(dt.date(2024, 5, 8))) is None
