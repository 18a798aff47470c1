"""Families from the s15 error analysis of the rules alone (fictional text only)."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_parser import classify as c
from minutes_parser.extract.dates import DateContext, find_due
from minutes_parser.extract.motions import without_voters
from minutes_parser.extract.owners import PeopleIndex
from minutes_parser.model import AttendanceStatus, Attendee
from minutes_parser.nlp import sentence_spans

PEOPLE = PeopleIndex.build(
    [Attendee("Tamsin Rowe", AttendanceStatus.PRESENT), Attendee("Gideon Marsh", AttendanceStatus.PRESENT)],
    "Tamsin Rowe chaired. Gideon Marsh took the minutes.",
)


def actions_of(text: str, *, list_entry: bool = False) -> list[str]:
    result, _ = c.classify_paragraph(text, sentence_spans([text])[0], label=None, people=PEOPLE, list_entry=list_entry)
    return [r.text for r in result.clauses if r.action]


# --- a short action after its context: the sentence, or the bullet --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The lamp by the bus shelter is still out and the County have been told twice. The Treasurer will enquire.",
        "Weeds along the cemetery wall were reported again by residents. The Clerk to follow up.",
    ],
)
def test_in_prose_a_bare_verb_action_is_its_own_sentence(text: str) -> None:
    (action,) = actions_of(text)
    assert action.startswith(("The Treasurer", "The Clerk"))


def test_in_a_list_entry_a_bare_verb_action_keeps_its_bullet() -> None:
    text = "Bench at Kiln Green: still awaited from the supplier. The Clerk to chase."
    (action,) = actions_of(text, list_entry=True)
    assert action.startswith("Bench at Kiln Green")


def test_a_pronoun_still_takes_the_sentence_before() -> None:
    text = "Residents suggested the scouts could tidy the verge in spring. TR and GM to arrange this."
    (action,) = actions_of(text)
    assert action.startswith("Residents suggested")


def test_a_decision_before_a_pointing_action_stays_its_own_entry() -> None:
    text = "Agreed to rent a marquee for the fete, up to £400. Gideon will order it."
    result, _ = c.classify_paragraph(text, sentence_spans([text])[0], label=None, people=PEOPLE)
    (action,) = [r for r in result.clauses if r.action]
    assert action.text == "Gideon will order it."
    assert any(r.decision and r.text.startswith("Agreed to rent") for r in result.clauses)


# --- a consent agenda's recommended actions ----------------------------------------------------------


def decision(text: str) -> c.Finding | None:
    return c.DECISION_RULES.first(c.Clause(text, None, PEOPLE))


@pytest.mark.parametrize(
    "text",
    [
        "For the Board of Trustees to approve the 2027 fee structure as set out in Attachment B.",
        "For the Harbour Commission to award the dredging contract to Tidewell Marine, Inc.",
        "For the Board to authorize the Executive Director to execute the lease for the Elm Street depot.",
    ],
)
def test_a_recommended_action_for_the_board_is_a_decision(text: str) -> None:
    found = decision(text)
    assert found is not None and found.cue == "pattern:For the Board to ..."


@pytest.mark.parametrize(
    "text",
    [
        "For the Board of Trustees to consider options for the Elm Street depot.",
        "For the avoidance of doubt, the Board to approve the fares later.",
    ],
)
def test_an_item_put_before_the_board_is_not_yet_decided(text: str) -> None:
    found = decision(text)
    assert found is None or found.cue != "pattern:For the Board to ..."


# --- "X says she will ...": the pronoun makes an unknown one-word reporter a person ---------------------


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Petra mentioned she owns a gazebo and she will ask whether the club can borrow it.", "Petra"),
        ("Lorcan said that he would ask the brewery about a bar for the evening.", "Lorcan"),
    ],
)
def test_a_reporter_with_a_gendered_pronoun_owns_the_task(text: str, owner: str) -> None:
    found = c.ACTION_RULES.first(c.Clause(text, None, PEOPLE, "Gideon Marsh"))
    assert found is not None and found.owners == (owner,)


def test_they_after_a_one_word_reporter_keeps_the_earlier_subject() -> None:
    found = c.ACTION_RULES.first(c.Clause("Highways said they would patch the lane in spring.", None, PEOPLE, "Gideon Marsh"))
    assert found is None or "Highways" not in found.owners


# --- due dates: the when after a dash, a closing date --------------------------------------------------


def due_value(text: str, meeting: dt.date) -> str | None:
    found = find_due(text, DateContext(meeting, directive=True))
    return None if found is None else found.value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("KB to book the scout hut for the quiz night - early March.", "2026-03"),
        ("Treasurer to renew the insurance – April.", "2026-04"),
        ("Comments to be sent before the closing date of 12 February.", "2026-02-12"),
        ("Grant form to go in ahead of the closing date, 27 February.", "2026-02-27"),
    ],
)
def test_a_dashed_month_or_a_closing_date_is_the_deadline(text: str, value: str) -> None:
    assert due_value(text, dt.date(2026, 1, 20)) == value


@pytest.mark.parametrize(
    "text",
    [
        "Invoices - March were checked and paid by the Treasurer.",
        "KB - March figures to be circulated with the agenda.",
    ],
)
def test_a_dashed_month_inside_the_text_is_no_deadline(text: str) -> None:
    assert due_value(text, dt.date(2026, 1, 20)) is None


# --- the names after "proposed as an accurate record by ..." ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The notes of the last meeting, moved as correct by Idris Vane and Nell Carrow", "The notes of the last meeting, moved as correct"),
        ("Minutes of the May meeting proposed as an accurate record by Cllr Petrie.", "Minutes of the May meeting proposed as an accurate record."),
    ],
)
def test_the_proposers_of_the_minutes_are_left_out_of_the_text(text: str, expected: str) -> None:
    assert without_voters(text) == expected


def test_a_record_approved_by_a_body_keeps_its_words() -> None:
    text = "The notes were proposed as an accurate record by the Committee."
    assert without_voters(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Draft the press release by 31/04", "2026-04"),
        ("Ward walk notes due by 31 June.", "2026-06"),
        ("Finish the survey by 30/04", "2026-04-30"),
    ],
)
def test_a_day_the_month_does_not_have_means_the_month(text: str, value: str) -> None:
    assert due_value(text, dt.date(2026, 3, 2)) == value


# --- "the next Finance Committee meeting" in the Finance Committee's own minutes ----------------------------

COMMITTEE_MINUTES = """Ashgrove Town Council
Minutes of the Amenities Committee held on Tuesday 4 March 2025

Present: Cllr R Hollis (Chair), Cllr T Amsel, Cllr P Fane
In attendance: Mrs J Carew (Town Clerk)

AC/25/01 Play area inspection
The Clerk to bring the revised inspection schedule to the next Amenities Committee meeting.
The Clerk to take the tender to the next Harbour Board meeting.

AC/25/02 Date of next meeting
Next meeting: Tuesday 3 June 2025, 7pm, Ashgrove Pavilion.
"""


def test_the_bodys_own_name_before_meeting_is_its_own_next_one() -> None:
    from minutes_parser import parse_text

    minutes = parse_text(COMMITTEE_MINUTES, name="ashgrove.txt", model="rules")
    dues = {a.text.split(" to the next ")[1]: (a.due.value if a.due else None) for a in minutes.actions}
    assert dues == {"Amenities Committee meeting.": "2025-06-03", "Harbour Board meeting.": None}


# --- a body "to recommend": the meeting's recommendation, not a task ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Councillors to recommend to the Parish Meeting:",
        "Members to recommend that the Town Council adopts the plan.",
        "The Committee to recommend to Full Council that the precept be £18,500.",
    ],
)
def test_a_body_to_recommend_is_no_action(text: str) -> None:
    assert c.ACTION_RULES.first(c.Clause(text, None, PEOPLE)) is None


def test_a_person_to_recommend_still_acts() -> None:
    found = c.ACTION_RULES.first(c.Clause("The Clerk to recommend a roofing contractor.", None, PEOPLE))
    assert found is not None and found.owners == ("The Clerk",)


# --- a report brought only on a condition: a rule of procedure, not a request ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Consent items pass on a single vote unless a councillor asks for an item to be considered on its own.",
        "If a further report is brought to the Board, it will be published in advance.",
    ],
)
def test_a_report_on_a_condition_is_no_action(text: str) -> None:
    found = c.ACTION_RULES.first(c.Clause(text, None, PEOPLE))
    assert found is None or found.cue != "pattern:report back"


def test_a_report_asked_for_is_still_an_action() -> None:
    found = c.ACTION_RULES.first(c.Clause("Members asked for a report on the boiler to be brought to the March meeting.", None, PEOPLE))
    assert found is not None and found.cue == "pattern:report back"


# --- a resolution's entry under an upper-case letter ---------------------------------------------------------


@pytest.mark.parametrize("text", ["A) Note the forecast surplus of £4,100 on the lettings budget.", "B. Approve the revised hire charges for 2027."])
def test_an_upper_case_letter_marks_a_resolution_entry(text: str) -> None:
    assert decision(text) is not None
