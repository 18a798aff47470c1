"""Decision families that are not this meeting's decisions: history with a past date, a person's
own undertaking, a show of hands or a name list left alone, the bare stem of a resolution list."""

from __future__ import annotations

import pytest

from helpers import clause
from helpers import first_decision as decision
from minutes_parser import classify as c
from minutes_parser.classify.decisions import earlier_decision
from minutes_parser.classify.paragraphs import bare_vote, introduces_a_list


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Dunmore was appointed an Honorary Alderman in 2012 for her service to the county.",
        "The lettings policy was adopted in June 2019.",
        "In March 2018, a first grant of £40,000 was approved by the department.",
        "In the tracker, 40 tickets were opened and 52 were resolved in the past 3 months.",
        "A further sum of £900 was approved at the previous committee meeting.",
    ],
)
def test_a_decision_dated_in_the_past_is_history(text: str) -> None:
    assert decision(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The minutes of the meeting held on 4 April 2024 were approved as a true record.",
        "The accounts for the year ending 31 March 2025 were approved.",
        "It was agreed for members to walk the site and report at the October meeting.",
    ],
)
def test_a_date_in_the_subject_or_a_future_meeting_keeps_the_decision(text: str) -> None:
    assert decision(text) is not None


def test_earlier_decision_reads_after_the_verb() -> None:
    text = "The scheme was approved in 2021."
    assert earlier_decision(text, text.index("approved") + len("approved"))
    assert not earlier_decision("The scheme was approved.", len("The scheme was approved"))


@pytest.mark.parametrize(
    "text",
    [
        "In response, I agreed to meet the residents' group on site.",
        "Cllr Petra Vance also agreed to add the chapel to the list of rest centres.",
        pytest.param("Pell: If we decided to close the depot, could the staff move?", id="a_supposition_is_no_decision"),
    ],
)
def test_a_persons_undertaking_or_a_supposition_is_no_decision(text: str) -> None:
    assert c.agreed_that(clause(text)) is None


def test_the_meeting_agreeing_is_still_a_decision() -> None:
    assert c.agreed_that(clause("It was agreed to write to the highways authority.")) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The proposal was accepted by a show of hands",
        "No comments or objections, proposed by Cllr Tam Rudd, seconded by Cllr Ola Finch, all in favour.",
        "The motion passed with 3 in favor (Ames, Boyd, Cato) and 1 against (Dahl).",
        "Chair Lind-Ferro declared the motion PASSED unanimously.",
    ],
)
def test_a_show_of_hands_or_a_name_list_alone_is_a_bare_vote(text: str) -> None:
    assert bare_vote(text)


@pytest.mark.parametrize(("text", "stem"), [("RESOLVED that:", True), ("(14) RESOLVED that:", True), ("Committee resolved to:", True), ("The following grants were approved:", False)])
def test_a_bare_list_stem(text: str, stem: bool) -> None:
    assert introduces_a_list(text) is stem
    assert (c.classify_clause(clause(text))[0] is None) is stem


@pytest.mark.parametrize("text", ["the annual budget process of the", "carrying out and queried if funding could be", "be invited to play at two concerts"])
def test_a_wrapped_line_under_a_label_is_no_resolution(text: str) -> None:
    assert c.decision_label(clause(text, "Decision")) is None


@pytest.mark.parametrize(
    "text",
    [
        "that the minutes be signed as a correct record.",
        "to endorse the play strategy.",
        "Notes the report;",
        "the minutes of 2 March are a true record.",
        "notes the outcome of the consultation; and",
        pytest.param("the forecast position be noted; and", id="a_lettered_resolution_entry_is_not_a_wrapped_line"),
    ],
)
def test_a_resolution_under_a_label(text: str) -> None:
    assert c.decision_label(clause(text, "RESOLVED")) is not None


@pytest.mark.parametrize("text", ["Approved Housing Bodies are building 40 homes.", "Approved By", "Agreed Actions"])
def test_a_participle_in_a_name_is_no_decision(text: str) -> None:
    assert c.leading_decision_word(clause(text)) is None


@pytest.mark.parametrize("text", ["Agreed the work programme.", "Approved: the revised fees", "Agreed That the rota starts in June."])
def test_a_leading_decision_word_still_fires(text: str) -> None:
    assert c.leading_decision_word(clause(text)) is not None


def test_a_name_list_goes_on_past_its_and() -> None:
    assert bare_vote("The motion passed with 4 in favor (Ames, Boyd, Cato, and Dahl) and 0 against.")
    assert not bare_vote("The motion passed with 4 in favor and the budget was set.")

