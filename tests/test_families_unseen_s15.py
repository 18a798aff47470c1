"""The s15 families on styles the development set lacks: US townships, Canadian councils, charity
boards, school governors, open-source projects, parish committees (fictional text only)."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_parser import classify as c
from minutes_parser import parse_text
from minutes_parser.extract.dates import DateContext, find_due
from minutes_parser.extract.owners import PeopleIndex, own_body_words

PEOPLE = PeopleIndex.build([], "")


def first_cue(rules: c.RuleSet, text: str) -> str | None:
    found = rules.first(c.Clause(text, None, PEOPLE))
    return None if found is None else found.cue


def action_cue(text: str) -> str | None:
    return first_cue(c.ACTION_RULES, text)


def decision_cue(text: str) -> str | None:
    return first_cue(c.DECISION_RULES, text)


# --- a report on a condition: only a condition the report itself sits in is procedure -------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Township Manager will, if appropriate, bring an update back to the April meeting.",
        "If necessary a costed report will be brought to trustees in May.",
        "If the grant is approved, the Treasurer will bring an update back to trustees in June.",
        "Cllr Ames asked if the drainage survey report had arrived - asking for a reminder to be sent.",
        "The Clerk to ask the owners if they wish the lane to be named in their address, then report back to the Council.",
    ],
)
def test_a_hedged_or_conditional_commitment_still_reports_back(text: str) -> None:
    assert action_cue(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Routine items pass on one roll-call vote unless anyone, trustee or visitor, asks for one item to be considered alone.",
        "Grant items are voted as a block unless a trustee asks for one to be considered separately.",
    ],
)
def test_a_request_that_may_come_is_still_procedure(text: str) -> None:
    assert action_cue(text) != "pattern:report back"


# --- "For the Board to approve ...": a recommended action, not a purpose clause --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "For the Board to approve the paving program, the engineer must first confirm the bid tabulation.",
        "For the Council to adopt the plan, a two-thirds majority is required.",
        "For the Trustees to accept the legacy, the solicitor will need the will in full.",
    ],
)
def test_a_purpose_clause_before_the_subject_is_no_decision(text: str) -> None:
    assert decision_cue(text) != "pattern:For the Board to ..."


def test_a_recommended_action_with_a_comma_inside_is_still_one() -> None:
    text = "For the Library Board to award the shelving contract to Ridgeway Interiors, Inc. for an amount not to exceed $48,000."
    assert decision_cue(text) == "pattern:For the Board to ..."


# --- "to recommend": a sub-body that goes away and comes back still acts ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Finance Sub-Committee to recommend a reserves policy to the March Board.",
        "The Play Area Working Group to recommend a supplier to the November meeting.",
    ],
)
def test_a_working_group_to_recommend_is_an_action(text: str) -> None:
    assert action_cue(text) == "pattern:OWNER to VERB"


def test_trustees_to_recommend_to_the_agm_is_the_meetings_own() -> None:
    assert action_cue("Trustees to recommend to the AGM that the accounts be adopted.") is None


# --- the meeting's own body: a committee's minutes name the council above it --------------------------------


@pytest.mark.parametrize(
    ("header", "own"),
    [
        (["Ashgrove Town Council", "Minutes of the Amenities Committee held on 4 March"], {"amenities", "committee"}),
        (["Record of the Meeting of Ashgrove Town Council"], {"ashgrove", "town", "council"}),
        (["Brackley County Council", "Cabinet"], {"cabinet"}),
    ],
)
def test_the_own_body_is_the_committee_not_the_council_above_it(header: list[str], own: set[str]) -> None:
    assert own_body_words(header) == own


PLANNING_MINUTES = """Thornbury Magna Parish Council
Minutes of the Planning Committee held on Monday 9 March 2026

Present: Cllr E Garside (Chair), Cllr F Nolan, Cllr H Pryce
In attendance: Mrs K Abbott (Clerk)

PL/26/10 Apologies
None.

PL/26/11 Footpath 14
The Clerk to take the footpath diversion to the next full Parish Council meeting.
The Clerk to take the tree survey to the next Planning Committee meeting.
The Clerk to take the precept to the next Thornbury Council meeting.

PL/26/12 Next meeting
Next meeting: Monday 13 April 2026, 7.30pm, Reading Room.
"""


def test_in_a_committees_minutes_the_next_council_meeting_is_not_the_committees() -> None:
    minutes = parse_text(PLANNING_MINUTES, name="thornbury.txt", model="rules")
    dues = {a.text.split(" to the next ")[1]: (a.due.value if a.due else None) for a in minutes.actions}
    assert dues == {"full Parish Council meeting.": None, "Planning Committee meeting.": "2026-04-13", "Thornbury Council meeting.": None}


# --- a dashed month: the when, unless it lies most of a year ahead ------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Treasurer to circulate the bank reconciliation - December.", None),
        ("Treasurer to circulate the bank reconciliation - March.", "2026-03"),
        ("Secretary to send the renewal notices – July 2027.", "2027-07"),
    ],
)
def test_a_dashed_month_far_ahead_is_what_the_task_is_about(text: str, value: str | None) -> None:
    found = find_due(text, DateContext(dt.date(2026, 1, 14), directive=True))
    assert (found.value if found else None) == value


# --- a table row is an entry, like a bullet: its short action keeps the row ----------------------------------


def test_a_table_row_or_a_bullet_is_an_entry_and_prose_is_not() -> None:
    from minutes_parser.extract.item_reading import is_entry
    from minutes_parser.segment import ParagraphDraft

    row = ParagraphDraft("Bus shelter | Glass still cracked after the storm. KD to chase.", cells=("Bus shelter", "Glass still cracked after the storm. KD to chase."))
    bullet = ParagraphDraft("Noticeboard: new lock not yet fitted. AM to fit.", list_marker="-")
    prose = ParagraphDraft("The noticeboard lock has still not been fitted. AM to fit.")
    assert (is_entry(row), is_entry(bullet), is_entry(prose)) == (True, True, False)


# --- a short decision in prose keeps what it decides on; a short action stands alone ----------------------------


def test_a_bare_decision_after_a_planning_reference_keeps_the_reference() -> None:
    from minutes_parser.nlp import sentence_spans

    text = "3/26/0101 12 Orchard Rise. Members resolved not to object."
    result, _ = c.classify_paragraph(text, sentence_spans([text])[0], label=None, people=PEOPLE)
    (decision,) = [r for r in result.clauses if r.decision]
    assert decision.text == text
