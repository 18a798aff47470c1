"""Each classifier rule alone: what it fires on, what it must leave alone, and the owners it names."""

from __future__ import annotations

import pytest

from minutes_parser import classify as c
from minutes_parser.extract.owners import PeopleIndex
from minutes_parser.model import AttendanceStatus, Attendee

PEOPLE = PeopleIndex.build(
    [
        Attendee("Mia Shelton", AttendanceStatus.PRESENT, initials="MS"),
        Attendee("Frank Wiles", AttendanceStatus.PRESENT),
        Attendee("Cllr Daphne Clements", AttendanceStatus.PRESENT),
        Attendee("Helen Richardson", AttendanceStatus.IN_ATTENDANCE, role="Parish Clerk"),
        *(
            Attendee(name, AttendanceStatus.PRESENT)
            for name in ("Greg Morris", "Ross Stevenson", "Mike Bratt", "Ellen Pearce", "Sam Ode", "Jack Ode", "Mara Bos", "Darren Lee", "Dan Hale")
        ),
    ],
    "The Chair invited Mia Shelton (MS) to introduce the report. Frank will chase Daniele about it.",
)


def clause(text: str, label: str | None = None, last_subject: str | None = None, speaker: str | None = None) -> c.Clause:
    return c.Clause(text, label, PEOPLE, last_subject, None, speaker)


def owners(finding: c.Finding | None) -> list[str]:
    assert finding is not None
    return list(finding.owners)


# --- action rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers to provide a breakdown of the diversity data.", ["Officers"]),
        ("MS to circulate the final KPI spreadsheet to members", ["MS"]),
        ("Officers and Lead Members to explore the issues and bring a report back.", ["Officers", "Lead Members"]),
        ("Laser team to implement.", ["Laser team"]),
        ("Everyone without an account to sign up and request access", ["Everyone without an account"]),
        ("Greg to get the completed mandate form", ["Greg"]),
    ],
)
def test_owner_to_verb_names_owners(text: str, expected: list[str]) -> None:
    assert owners(c.owner_to_verb(clause(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Members to note the work undertaken by other boards.",  # a recommendation, not a task
        "The Chairman welcomed Nathan Ryan from RAND Europe to the Board to highlight the findings.",
        "Members agreed to an added paragraph in the Terms of Reference.",
        "Ross, Mike and Ellen to be appointed as Directors.",
        "Good progress is being made in Rotherham and Tower Hamlets to come out of intervention.",
    ],
)
def test_owner_to_verb_leaves_non_tasks(text: str) -> None:
    assert c.owner_to_verb(clause(text)) is None


def test_owner_agreed_to_takes_the_subject_after_a_clause_boundary() -> None:
    text = "There was a list ongoing with the County Rangers, the Clerk agreed to contact them."
    assert owners(c.owner_agreed_to(clause(text))) == ["the Clerk"]


def test_owner_agreed_to_coordinated_with_an_earlier_subject() -> None:
    text = "The emergency plan was on the June agenda and Cllr Daphne Clements was reviewing it and agreed to add the shops."
    assert owners(c.owner_agreed_to(clause(text))) == ["Cllr Daphne Clements"]


@pytest.mark.parametrize(
    "text",
    [
        "The Parish Council discussed the issue and agreed to make a return to the Borough Council.",  # the meeting decides
        "The Chair advised that it was a safety net, and it was agreed to have an external audit.",
        "Members were asked to consider and approve the work going forward.",
        "Cllr Storey shared that if someone was asked to call an application in they should say so.",
    ],
)
def test_owner_agreed_to_ignores_decisions_and_hypotheticals(text: str) -> None:
    assert c.owner_agreed_to(clause(text)) is None


def test_owner_will_verb_with_known_and_attested_names() -> None:
    assert owners(c.owner_will_verb(clause("Frank will check status with Daniele."))) == ["Frank"]
    assert owners(c.owner_will_verb(clause("Daniele will speak to someone about it at the conference."))) == ["Daniele"]


def test_owner_will_verb_resolves_a_pronoun_to_the_previous_subject() -> None:
    found = c.owner_will_verb(clause("He would again seek a representative for the February meeting.", last_subject="JF"))
    assert owners(found) == ["JF"]


@pytest.mark.parametrize(
    "text",
    [
        "It will be helpful to have the figures.",
        "The results will further inform our action plan.",
        "Reported to the security team, who will look at it.",
        "The Chair advised that the monthly walks had started again and would continue from Sunday.",
        "Lark Road is a private road and would result in considerable use.",
    ],
)
def test_owner_will_verb_leaves_things_and_third_parties(text: str) -> None:
    assert c.owner_will_verb(clause(text)) is None


def test_owner_owns_the_action() -> None:
    assert owners(c.owner_owns_action(clause("Mara owns the action item.", speaker=None))) in (["Mara"], [])


def test_passive_future_with_agent_names_the_agent() -> None:
    assert owners(c.passive_future(clause("Syncing will be worked on by Darren and Dan"))) == ["Darren", "Dan"]
    assert c.passive_future(clause("Unit tests will be created")) is not None
    assert c.passive_future(clause("Funding will be provided to successful councils.")) is None
    assert c.passive_future(clause("We will be invoiced for legal fees.")) is None


def test_subjectless_will() -> None:
    assert c.subjectless_will(clause("Will be pushing to get consensus on this within a week.")) is not None
    assert c.subjectless_will(clause("Willow Road was resurfaced.")) is None


def test_reported_commitment_takes_the_reporter() -> None:
    text = "The Chairman stated he would circulate an email to all members."
    assert owners(c.reported_commitment(clause(text))) == ["The Chairman"]
    reporter = "The Director of Public Health said that a framework would be agreed and that he would report the results to the Board."
    assert owners(c.reported_commitment(clause(reporter))) == ["The Director of Public Health"]
    assert c.reported_commitment(clause("The Clerk advised that the developer had shared that he had forwarded the request.")) is None


def test_resolution_directs_someone() -> None:
    assert owners(c.resolution_directs(clause("That the Clerk write to Highways about the verge.", label="RESOLVED"))) == ["the Clerk"]
    assert owners(
        c.resolution_directs(clause("the Director of Public Health be asked to bring a revised plan to the Board.", label="RESOLVED"))
    ) == ["the Director of Public Health"]
    text = "It was agreed that the criteria be circulated, and that the Head of Community Services report on take-up."
    assert owners(c.resolution_directs(clause(text))) == ["the Head of Community Services"]
    assert c.resolution_directs(clause("That the Committee noted the progress made.", label="RESOLVED")) is None
    assert c.resolution_directs(clause("that the Panel note the annual report.", label="RESOLVED")) is None


def test_to_be_done_without_owner() -> None:
    assert c.to_be_done(clause("Nominations to be sent to the Secretary by 31 October.")) is not None
    assert c.to_be_done(clause("The Council wouldn't wish for trees to be cut down.")) is None


def test_report_back() -> None:
    assert c.report_back(clause("agreed that a report on LG Inform be brought back to the next meeting")) is not None
    assert c.report_back(clause("A management policy would be available for the June meeting.")) is not None
    assert c.report_back(clause("Let's come back to the absence policy briefly.")) is None


def test_should_be_done() -> None:
    assert c.should_be_done(clause("Newsletters should be prepared for issue in March.")) is not None
    assert c.should_be_done(clause("It should be noted that the road is private.")) is None


def test_impersonal_agreed() -> None:
    assert c.impersonal_agreed(clause("It was AGREED to write to the Scottish government.")) is not None
    assert c.impersonal_agreed(clause("It was agreed to have an external audit.")) is None


def test_action_label() -> None:
    assert owners(c.action_label(clause("Sam – Organise a meeting for January", label="Action"))) == ["Sam"]
    assert owners(c.action_label(clause("Jack/Sam – Plan rooms for coding week", label="Action"))) == ["Jack", "Sam"]
    assert owners(c.action_label(clause("Figure out video recording", label="Action", speaker="Ryan"))) == ["Ryan"]
    assert c.action_label(clause("To circulate an email asking members for their views", label="Action")) is not None
    assert c.action_label(clause("The following points were raised:", label="Action")) is None
    assert c.action_label(clause("Officers to provide data")) is None


def test_checklist() -> None:
    assert c.checklist(clause("[ ] Update the website")) is not None
    assert c.checklist(clause("Update the website")) is None


# --- decision rules -----------------------------------------------------------------------------


def test_decision_label() -> None:
    assert c.decision_label(clause("To update the Terms of Reference.", label="Decision")) is not None
    assert c.decision_label(clause("The Improvement and Innovation Board:", label="Decision")) is None


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (c.resolved, "RESOLVED: That the minutes be approved."),
        (c.body_agreed, "Members noted the report."),
        (c.body_agreed, "The Board agreed, in principle, to participate in the initiative."),
        (c.body_agreed, "The Council objected on the grounds of access."),
        (c.leading_decision_word, "Agreed the Board Priorities and Work Programme for 2018/19."),
        (c.leading_decision_word, "Ryan: Decision - next 4 weeks, stick with video calls."),
        (c.vote, "Proposed by Cllr Leamon, seconded by Cllr Reeve, all in favour."),
        (c.vote, "The motion was carried, 7 in favour and 2 against."),
        (c.passive_decision, "The minutes of the meeting held on 4 April were approved as a true record."),
        (c.passive_decision, "This was noted."),
        (c.agreed_that, "It was AGREED to invite the head of transport planning to a future meeting."),
        (c.agreed_that, "Notes of the meeting on 20 September agreed as accurate."),
        (c.to_be_appointed, "Ross, Mike and Ellen to be appointed to Companies House as Directors"),
        (c.recorded_outcome, "Bank statement 27, balance of £6,564.21 Noted"),
        (c.recorded_outcome, "E/40480 Storage building at Panteg NO OBJECTIONS"),
        (c.recorded_outcome, "APPROVED – Revised 2018 budget"),
        (c.question_answered, "Should we build an application for minutes? Yes."),
    ],
)
def test_decision_rules_fire(rule: c.Rule, text: str) -> None:
    assert rule(clause(text)) is not None


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (c.body_agreed, "Members noted that there was a full response rate."),
        (c.leading_decision_word, "Eric: Decision making is N-2 but not otherwise specified."),
        (c.vote, "The LGA have seconded staff to the council."),
        (c.vote, "Residents voted for their councillors."),
        (c.passive_decision, "It was noted that the KPIs would be evaluated further."),
        (c.passive_decision, "They remained the responsibility of the council until their status was confirmed."),
        (c.passive_decision, "A series of meetings has been carried out."),
        (c.agreed_that, "The Clerk agreed to contact the developer."),
        (c.agreed_that, "The leisure operator had agreed to extend the offer."),
        (c.question_answered, "Should we build an application for minutes?"),
    ],
)
def test_decision_rules_hold_back(rule: c.Rule, text: str) -> None:
    assert rule(clause(text)) is None


def test_rules_are_ordered_and_named() -> None:
    action_cues = [cue for cue, _ in c.ACTION_RULES.rules]
    assert action_cues[0] == "pattern:OWNER to VERB"
    assert "label:Action" in action_cues and action_cues.index("label:Action") > action_cues.index("pattern:OWNER will VERB")
    assert c.DECISION_RULES.rules[0][0] == "label:Decision"


# --- paragraphs -----------------------------------------------------------------------------------


def spans(text: str) -> list[tuple[int, int]]:
    from minutes_parser.nlp import sentence_spans

    return sentence_spans([text])[0]


def test_a_resolution_that_directs_someone_is_both_decision_and_action() -> None:
    text = "That the Clerk write to Highways about the verge."
    result, _ = c.classify_paragraph(text, spans(text), label="RESOLVED", people=PEOPLE)
    assert result.kind == "action"
    (only,) = result.clauses
    assert only.decision is not None and only.action is not None
    assert list(only.action.owners) == ["the Clerk"]


def test_a_second_owner_in_a_sentence_is_a_second_action() -> None:
    text = "Ross to set up the mailing account, Social team to work on the first issue by the end of October."
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE)
    actions = [r for r in result.clauses if r.action]
    assert [list(r.action.owners) for r in actions if r.action] == [["Ross"], ["Social team"]]


def test_a_vote_tally_after_a_decision_is_not_a_second_decision() -> None:
    text = "The minutes were approved as a true record. Proposed Cllr Tomkins, seconded Cllr Reeve, all in favour."
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE)
    assert sum(1 for r in result.clauses if r.decision) == 1


def test_a_short_pointing_action_takes_its_context() -> None:
    text = "Dog bin at Mill Meadow: still awaited from the District Council. The Clerk to chase."
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE)
    (action,) = [r for r in result.clauses if r.action]
    assert action.text.startswith("Dog bin") and action.text.endswith("chase.")


def test_an_action_column_owns_the_paragraph_action() -> None:
    text = "Residents have asked for a timetable display. Ask the Harbour Trust whether it would share the cost."
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE, margin="CD")
    actions = [r for r in result.clauses if r.action]
    assert len(actions) == 1 and actions[0].action is not None and list(actions[0].action.owners) == ["CD"]
    assert actions[0].text.startswith("Ask the Harbour Trust")


def test_a_discussion_paragraph_stays_discussion() -> None:
    text = "The Chair thanked the Head of Business Performance for attending. Workshops were being held."
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE)
    assert result.kind == "discussion" and result.cues == ()


def test_rule_list_hints_never_change_a_result() -> None:
    """The prefilter on each rule list is exact: on every sentence of the bundled corpora, a list
    gives the same finding with and without it."""
    from pathlib import Path

    from minutes_parser import parse_file

    checked = 0
    for path in sorted(Path(__file__).resolve().parents[1].joinpath("corpora").rglob("*")):
        if path.suffix not in (".md", ".txt", ".rst") or path.name == "README.md":
            continue
        for item in parse_file(path).items:
            for paragraph in item.paragraphs:
                for sentence in paragraph.text.split(". "):
                    probe = clause(sentence)
                    for rules in (c.ACTION_RULES, c.DECISION_RULES):
                        assert rules.first(probe) == rules.first_unfiltered(probe), sentence
                    checked += 1
    assert checked > 300
