"""Owners written in a right-hand Action/Owner column: which clause of the paragraph they own.

Fictional minutes in the style of community-council tables where initials stand in an action
column beside the paragraph. The column's owner owns a clause that names them unless that clause
only thanks them or reports what they have already done.
"""

from __future__ import annotations

import pytest

from minutes_parser import classify as c
from minutes_parser.classify.paragraphs import _margin_owner_reports
from minutes_parser.extract.owners import PeopleIndex
from minutes_parser.model import AttendanceStatus, Attendee
from minutes_parser.nlp import sentence_spans

PEOPLE = PeopleIndex.build(
    [
        Attendee("Tess Harlow", AttendanceStatus.PRESENT, initials="TH"),
        Attendee("Bryn Mallory", AttendanceStatus.PRESENT, initials="BM"),
    ],
    "",
)


def owned(text: str, margin: str) -> list[tuple[str, tuple[str, ...]]]:
    result, _ = c.classify_paragraph(text, sentence_spans([text])[0], label=None, people=PEOPLE, margin=margin)
    return [(r.text, tuple(r.action.owners)) for r in result.clauses if r.action]


@pytest.mark.parametrize(
    ("text", "margin"),
    [
        pytest.param("TH was thanked for repainting the noticeboard.", "TH", id="a_thanked_column_owner_has_no_action"),
        pytest.param(
            "Village Hall Roof - TH reported that the surveyor had found no further damage.", "TH", id="a_past_report_by_the_column_owner_is_not_an_action-reported"
        ),
        pytest.param("Footpath 12 - BM had contacted the county ranger about the stile.", "BM", id="a_past_report_by_the_column_owner_is_not_an_action-had_contacted"),
    ],
)
def test_a_column_owner_thanked_or_reporting_has_no_action(text: str, margin: str) -> None:
    assert owned(text, margin) == []


def test_the_action_beside_a_thanked_owner_keeps_the_column_owner() -> None:
    actions = owned("TH was thanked for the survey. TH agreed to send it to the district council.", "TH")
    assert [text for text, _ in actions] == ["TH agreed to send it to the district council."]


def test_a_report_with_something_still_to_happen_stays_an_action() -> None:
    (action,) = owned("Bulb Planting - BM confirmed that the bulbs had arrived and that volunteers would be sought.", "BM")
    assert "BM" in action[1]
    (pending,) = owned("Bus Shelter - TH advised that she was awaiting a quote from the contractor.", "TH")
    assert "TH" in pending[1]


def test_a_naming_clause_that_is_not_a_report_is_still_owned() -> None:
    (action,) = owned("BM advised on the grants open to village halls.", "BM")
    assert action[1] == ("BM",)


def test_margin_owner_reports_predicate() -> None:
    assert _margin_owner_reports("TH was thanked for her work.", ("TH",))
    assert _margin_owner_reports("TH had spoken to the landowner.", ("TH",))
    assert not _margin_owner_reports("TH had been asked to write to the landowner.", ("TH",))
    assert not _margin_owner_reports("TH reported that the quote would follow.", ("TH",))
    assert not _margin_owner_reports("TH to write to the landowner.", ("TH",))
