"""Decision families: who moved, seconded or voted is no decision by itself; an outcome that
closes what was asked for joins it; a resolution's list in capitals; wordless labelled lines."""

from __future__ import annotations

import pytest

from helpers import NO_PEOPLE, clause
from helpers import paragraph_decisions as decisions
from minutes_parser import classify as c
from minutes_parser.classify.decisions import capital_verb, tagged_outcome, wordless
from minutes_parser.classify.paragraphs import bare_vote
from minutes_parser.nlp import sentence_spans


@pytest.mark.parametrize(
    "text",
    [
        "Seconded by Councillor Brannock;",
        "The Motion was proposed by Councillor Ferris and seconded by Councillor Quill.",
        "Mr Ashdown, Mrs Pelly MBE, Ms Trent Motion carried.",
        "Abstain (0) Motion lost.",
        "Substantive Motion carried.",
        "Roll Call was taken as follows: Trustee Amsel – yes, Trustee Bright – yes, Supervisor Kell – no. Motion passes.",
    ],
)
def test_a_bare_vote_alone_is_no_decision(text: str) -> None:
    assert bare_vote(text)
    assert decisions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Board of Health. Motion carried 6-1.",
        "Approval of the play strategy. The strategy was agreed.",
        "Approved by General Consent.",
    ],
)
def test_a_heading_or_subject_keeps_the_outcome_a_decision(text: str) -> None:
    assert not bare_vote(text)
    assert decisions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Orchard Lane Allotments – funding for two raised beds. Approved.",
        "Hillcrest Bowls Club – request for new floodlights. Rejected.",
        "This amendment seeks to move £40k from the depot budget to footway repairs. Amendment lost.",
    ],
)
def test_an_outcome_sentence_closes_what_was_asked_for(text: str) -> None:
    assert decisions(text) == [text]


def test_tagged_outcome_needs_something_before_it() -> None:
    assert tagged_outcome(clause("Grant for the scouts. Approved.")) is not None
    assert tagged_outcome(clause("Approved.")) is None
    assert tagged_outcome(clause("The plan has been approved by the county")) is None


@pytest.mark.parametrize(
    "text",
    [
        "NOTE with thanks the work of the Review Panel.",
        "CREATE a Rural Affairs Cabinet Committee.",
        "To AGREE the introduction of a yearly Town Forum.",
        "To DEBATE AND DECIDE whether the Chair of Scrutiny be an opposition Member.",
        "DELEGATE authority to the Director of Place to award the contract.",
    ],
)
def test_a_resolution_list_in_capitals_is_decisions(text: str) -> None:
    assert capital_verb(clause(text)) is not None
    assert decisions(text) == [text]


@pytest.mark.parametrize("text", ["APOLOGIES were received from Cllr Penn.", "NOTE: the car park closes at six.", "PRESENT: Cllr Ames"])
def test_capitals_that_are_not_a_resolution(text: str) -> None:
    assert capital_verb(clause(text)) is None


def test_a_wordless_line_under_a_resolved_label_is_no_decision() -> None:
    assert wordless("24") and wordless("14/09/10.02") and not wordless("Agreed")
    assert decisions("24", label="RESOLVED") == []
    assert decisions("That the grant be paid.", label="RESOLVED") == ["That the grant be paid."]


@pytest.mark.parametrize(
    "text",
    [
        "That the verge be cut twice a year. Passed without dissent.",
        "That the precept be set at £9,000. Carried nem con.",
        "That the hall fees rise by 5%. RESULT: ADOPTED",
        "That the precept be raised by 10%. Amendment lost.",
        pytest.param(
            "Cllr Ames proposed and Cllr Boyd seconded that the accounts be shown at the July meeting. Councillors present were content with the proposal.",
            id="assent_after_a_motion_is_its_outcome",
        ),
        pytest.param(
            "Cllr Ames proposed, and Cllr Boyd seconded, that the protocol be approved. On being put to the vote the motion was carried, with one abstention.",
            id="a_vote_sentence_after_a_motion_is_its_outcome",
        ),
    ],
)
def test_a_motion_with_its_outcome_is_one_decision(text: str) -> None:
    assert decisions(text) == [text]


def test_a_motion_that_directs_someone_keeps_its_action() -> None:
    text = "That the Clerk write to the county about the verge. Carried."
    result, _ = c.classify_paragraph(text, sentence_spans([text])[0], label=None, people=NO_PEOPLE)
    (only,) = [r for r in result.clauses if r.decision]
    assert only.text == text and only.action is not None

