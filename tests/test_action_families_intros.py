"""A list intro names who does the entries below it: "RESOLVED to ask the Borough Solicitor to:"
then "a) PREPARE ...", "b) REVIEW ..."."""

from __future__ import annotations

from minutes_parser.core import parse_text
from minutes_parser.extract.findings import in_list_scope, list_intro, marker_style
from minutes_parser.extract.owners import PeopleIndex
from minutes_parser.segment import ParagraphDraft

PEOPLE = PeopleIndex.build([], "Meeting of the Fernhollow Harbour Committee.")

MINUTES = """Fernhollow Harbour Committee

Minutes of the meeting held on 3 March 2025

1. Harbour Governance Review

1. The review paper was presented by the Harbour Master.

2. RESOLVED to ask the General Counsel to:

a) PREPARE a report on mooring charges.

b) REVIEW the harbour byelaws.

3. RESOLVED that the Committee note the report.

4. The Committee discussed the slipway.
"""


def test_list_intro_names_the_owner() -> None:
    intro = list_intro(ParagraphDraft("2. RESOLVED the Treasurer to:", list_marker="2."), PEOPLE)
    assert intro is not None and intro.owners == ("the Treasurer",)
    assert list_intro(ParagraphDraft("Parks Officer to:"), PEOPLE) is not None
    assert list_intro(ParagraphDraft("Key points were as follows:"), PEOPLE) is None
    assert list_intro(ParagraphDraft("It was agreed to:"), PEOPLE) is None


def test_entries_are_list_items_in_another_marker_style() -> None:
    assert marker_style("6.") == marker_style("12.") != marker_style("a)")
    intro = list_intro(ParagraphDraft("Clerk to:", list_marker="6."), PEOPLE)
    assert intro is not None
    assert in_list_scope(intro, ParagraphDraft("b) REVIEW the byelaws.", list_marker="b)"))
    assert not in_list_scope(intro, ParagraphDraft("7. Next item", list_marker="7."))
    assert not in_list_scope(intro, ParagraphDraft("The meeting closed."))


def test_entries_under_an_intro_get_its_owner() -> None:
    minutes = parse_text(MINUTES, name="fernhollow.txt")
    owners = {a.text: [o.name for o in a.owners] for a in minutes.actions}
    assert owners.get("PREPARE a report on mooring charges.") == ["the General Counsel"]
    assert owners.get("REVIEW the harbour byelaws.") == ["the General Counsel"]


def test_a_numbered_point_with_a_near_deadline_dates_its_sub_points() -> None:
    import datetime as dt

    from minutes_parser.extract.dates import DateContext
    from minutes_parser.extract.findings import carry_list_intro
    from minutes_parser.model import Action, Provenance

    context = DateContext(dt.date(2025, 10, 14))
    intro = carry_list_intro(None, ParagraphDraft("2. Talks to be given next week.", list_marker="2."), PEOPLE, [], 0, 0, context)
    assert intro is not None
    actions = [Action("Coding Standards", Provenance(0, 3, 0, 16, "1"))]
    kept = carry_list_intro(intro, ParagraphDraft("pq12", label="Action"), PEOPLE, actions, 0, 0, context)
    assert kept is intro and actions[0].due is not None and actions[0].due.value == "2025-W43"
    assert carry_list_intro(intro, ParagraphDraft("3. Budget", list_marker="3."), PEOPLE, [], 0, 0, context) is None


def test_a_deadline_intro_needs_a_marker_and_a_near_deadline() -> None:
    import datetime as dt

    from minutes_parser.extract.dates import DateContext

    context = DateContext(dt.date(2025, 10, 14))
    intro = list_intro(ParagraphDraft("2. Talks to be given next week.", list_marker="2."), PEOPLE, context)
    assert intro is not None and intro.due is not None and intro.owners == ()
    assert list_intro(ParagraphDraft("Talks to be given next week."), PEOPLE, context) is None
    assert list_intro(ParagraphDraft("2. The fete is in August 2026.", list_marker="2."), PEOPLE, context) is None
