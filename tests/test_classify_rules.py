"""Each classifier rule alone: what it fires on, what it must leave alone, and the owners it names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_parser import classify as c
from minutes_parser.extract.owners import _DEFINED_INITIALS, PeopleIndex, _initials_definitions
from minutes_parser.model import AttendanceStatus, Attendee

PEOPLE = PeopleIndex.build(
    [
        Attendee("Mia Shelton", AttendanceStatus.PRESENT, initials="MS"),
        Attendee("Owen Pryce", AttendanceStatus.PRESENT),
        Attendee("Cllr Nia Thornton", AttendanceStatus.PRESENT),
        Attendee("Ruth Okafor", AttendanceStatus.IN_ATTENDANCE, role="Parish Clerk"),
        *(
            Attendee(name, AttendanceStatus.PRESENT)
            for name in ("Tom Garvey", "Lewis Aird", "Karl Innes", "Ffion Rees", "Sam Ode", "Jack Ode", "Ines Vega", "Callum Hart", "Rhys Hale")
        ),
    ],
    "The Chair invited Mia Shelton (MS) to introduce the report. Owen will chase Ilaria about it.",
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
        ("Officers to provide a breakdown of the grant spend by ward.", ["Officers"]),
        ("MS to circulate the revised risk register to members", ["MS"]),
        ("Officers and Lead Members to review the options and bring a report back.", ["Officers", "Lead Members"]),
        ("Kitchen team to implement.", ["Kitchen team"]),
        ("Everyone without a key fob to apply for one at the office", ["Everyone without a key fob"]),
        ("Tom to get the signed lease", ["Tom"]),
    ],
)
def test_owner_to_verb_names_owners(text: str, expected: list[str]) -> None:
    assert owners(c.owner_to_verb(clause(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Members to note the quarterly figures.",  # a recommendation, not a task
        "The Chairman welcomed Priya Nair from Hallam Research to the Board to present the survey.",
        "Members agreed to an extra clause in the standing orders.",
        "Lewis, Karl and Ffion to be appointed as Trustees.",
        "Good progress is being made in Eastleigh and Port Ellis to exit special measures.",
    ],
)
def test_owner_to_verb_leaves_non_tasks(text: str) -> None:
    assert c.owner_to_verb(clause(text)) is None


def test_owner_agreed_to_takes_the_subject_after_a_clause_boundary() -> None:
    text = "There was a list ongoing with the County Rangers, the Clerk agreed to contact them."
    assert owners(c.owner_agreed_to(clause(text))) == ["the Clerk"]


def test_owner_agreed_to_coordinated_with_an_earlier_subject() -> None:
    text = "The flood plan was discussed in May and Cllr Nia Thornton was checking it and agreed to add the school."
    assert owners(c.owner_agreed_to(clause(text))) == ["Cllr Nia Thornton"]


@pytest.mark.parametrize(
    "text",
    [
        "The Town Council considered the plans and agreed to send comments to the District Council.",  # the meeting decides
        "The Chair explained the options, and it was agreed to have the accounts examined independently.",
        "Members were asked to consider and approve the new grants scheme.",
        "Cllr Brack said that if someone was asked to review a scheme they should declare it.",
    ],
)
def test_owner_agreed_to_ignores_decisions_and_hypotheticals(text: str) -> None:
    assert c.owner_agreed_to(clause(text)) is None


def test_owner_will_verb_with_known_and_attested_names() -> None:
    assert owners(c.owner_will_verb(clause("Owen will check progress with Ilaria."))) == ["Owen"]
    assert owners(c.owner_will_verb(clause("Ilaria will raise it with the organisers at the conference."))) == ["Ilaria"]


def test_owner_will_verb_resolves_a_pronoun_to_the_previous_subject() -> None:
    found = c.owner_will_verb(clause("He would contact the housing association again before the spring.", last_subject="KM"))
    assert owners(found) == ["KM"]


@pytest.mark.parametrize(
    "text",
    [
        "It will be helpful to have the figures.",
        "The survey results will shape next year's plan.",
        "Passed to the IT team, who will look at it.",
        "The Chair said the litter picks had resumed and would continue through the summer.",
        "Sedge Lane is unadopted and would carry most of the traffic.",
    ],
)
def test_owner_will_verb_leaves_things_and_third_parties(text: str) -> None:
    assert c.owner_will_verb(clause(text)) is None


def test_owner_owns_the_action() -> None:
    assert owners(c.owner_owns_action(clause("Ines owns the action item.", speaker=None))) in (["Ines"], [])


def test_passive_future_with_agent_names_the_agent() -> None:
    assert owners(c.passive_future(clause("The booking form will be worked on by Callum and Rhys"))) == ["Callum", "Rhys"]
    assert c.passive_future(clause("Unit tests will be created")) is not None
    assert c.passive_future(clause("Funding will be provided to successful councils.")) is None
    assert c.passive_future(clause("We will be charged for the hall hire.")) is None


def test_subjectless_will() -> None:
    assert c.subjectless_will(clause("Will be pushing to get consensus on this within a week.")) is not None
    assert c.subjectless_will(clause("Willow Road was resurfaced.")) is None


def test_reported_commitment_takes_the_reporter() -> None:
    text = "The Chairman said he would email all members about the rota."
    assert owners(c.reported_commitment(clause(text))) == ["The Chairman"]
    reporter = "The Director of Public Health said that a framework would be agreed and that he would report the results to the Board."
    assert owners(c.reported_commitment(clause(reporter))) == ["The Director of Public Health"]
    assert c.reported_commitment(clause("The Clerk reported that the contractor had said that he had sent the invoice.")) is None


def test_resolution_directs_someone() -> None:
    assert owners(c.resolution_directs(clause("That the Clerk write to Highways about the verge.", label="RESOLVED"))) == ["the Clerk"]
    assert owners(
        c.resolution_directs(clause("the Director of Public Health be asked to bring a revised plan to the Board.", label="RESOLVED"))
    ) == ["the Director of Public Health"]
    text = "It was agreed that the criteria be circulated, and that the Head of Community Services report on take-up."
    assert owners(c.resolution_directs(clause(text))) == ["the Head of Community Services"]
    assert c.resolution_directs(clause("That the Committee noted the update on the library review.", label="RESOLVED")) is None
    assert c.resolution_directs(clause("that the Board note the audit letter.", label="RESOLVED")) is None


def test_to_be_done_without_owner() -> None:
    assert c.to_be_done(clause("Nominations to be sent to the Secretary by 31 October.")) is not None
    assert c.to_be_done(clause("The Council would not want the hedge to be cut back.")) is None


def test_report_back() -> None:
    assert c.report_back(clause("agreed that a report on the data portal be brought back to the next meeting")) is not None
    assert c.report_back(clause("A draft policy would be available for the July meeting.")) is not None
    assert c.report_back(clause("Let's come back to the budget briefly.")) is None


def test_should_be_done() -> None:
    assert c.should_be_done(clause("Leaflets should be prepared for delivery in May.")) is not None
    assert c.should_be_done(clause("It should be noted that the road is private.")) is None


def test_impersonal_agreed() -> None:
    assert c.impersonal_agreed(clause("It was AGREED to write to the regional transport authority.")) is not None
    assert c.impersonal_agreed(clause("It was agreed to keep the current insurer.")) is None


def test_action_label() -> None:
    assert owners(c.action_label(clause("Sam – Book a room for the January workshop", label="Action"))) == ["Sam"]
    assert owners(c.action_label(clause("Jack/Sam – Plan the rota for open week", label="Action"))) == ["Jack", "Sam"]
    assert owners(c.action_label(clause("Sort out the projector", label="Action", speaker="Teo"))) == ["Teo"]
    assert c.action_label(clause("To email members asking for volunteers", label="Action")) is not None
    assert c.action_label(clause("The following points were raised:", label="Action")) is None
    assert c.action_label(clause("Officers to provide data")) is None


def test_checklist() -> None:
    assert c.checklist(clause("[ ] Update the website")) is not None
    assert c.checklist(clause("Update the website")) is None


# --- decision rules -----------------------------------------------------------------------------


def test_decision_label() -> None:
    assert c.decision_label(clause("To update the standing orders.", label="Decision")) is not None
    assert c.decision_label(clause("The Community Wellbeing Board:", label="Decision")) is None


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (c.resolved, "RESOLVED: That the minutes be approved."),
        (c.body_agreed, "Members noted the report."),
        (c.body_agreed, "The Board agreed, in principle, to join the pilot."),
        (c.body_agreed, "The Council objected on the grounds of access."),
        (c.leading_decision_word, "Agreed the work programme for 2025/26."),
        (c.leading_decision_word, "Teo: Decision - meet fortnightly until June."),
        (c.vote, "Proposed by Cllr Abbas, seconded by Cllr Dunmore, all in favour."),
        (c.vote, "The motion was carried, 7 in favour and 2 against."),
        (c.passive_decision, "The minutes of the meeting held on 4 April were approved as a true record."),
        (c.passive_decision, "This was noted."),
        (c.agreed_that, "It was AGREED to invite the harbour master to a future meeting."),
        (c.agreed_that, "Notes of the meeting on 20 September agreed as accurate."),
        (c.to_be_appointed, "Lewis, Karl and Ffion to be appointed to the register as Trustees"),
        (c.recorded_outcome, "Bank statement 14, balance of £2,310.40 Noted"),
        (c.recorded_outcome, "P/2231 Garden room at Ty Newydd NO OBJECTIONS"),
        (c.recorded_outcome, "APPROVED – Revised 2025 events budget"),
        (c.question_answered, "Should we move the meeting to Thursdays? Yes."),
    ],
)
def test_decision_rules_fire(rule: c.Rule, text: str) -> None:
    assert rule(clause(text)) is not None


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (c.body_agreed, "Members noted that the survey closed early."),
        (c.leading_decision_word, "Bo: Decision making is by simple majority."),
        (c.vote, "The county have seconded staff to the project."),
        (c.vote, "Residents voted for their councillors."),
        (c.passive_decision, "It was noted that the targets would be reviewed."),
        (c.passive_decision, "The flats stayed empty until their sale was confirmed."),
        (c.passive_decision, "A series of meetings has been carried out."),
        (c.agreed_that, "The Clerk agreed to contact the builder."),
        (c.agreed_that, "The leisure operator had agreed to extend the offer."),
        (c.question_answered, "Should we move the meeting to Thursdays?"),
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
    text = "Lewis to set up the shared inbox, Events team to draft the first programme by the end of October."
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE)
    actions = [r for r in result.clauses if r.action]
    assert [list(r.action.owners) for r in actions if r.action] == [["Lewis"], ["Events team"]]


def test_a_vote_tally_after_a_decision_is_not_a_second_decision() -> None:
    text = "The minutes were approved as a true record. Proposed Cllr Pryor, seconded Cllr Dunmore, all in favour."
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE)
    assert sum(1 for r in result.clauses if r.decision) == 1


def test_a_short_pointing_action_takes_its_context() -> None:
    text = "Dog bin at Orchard Green: still awaited from the District Council. The Clerk to chase."
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE, list_entry=True)
    (action,) = [r for r in result.clauses if r.action]
    assert action.text.startswith("Dog bin") and action.text.endswith("chase.")


def test_an_action_column_owns_the_paragraph_action() -> None:
    text = "Residents have asked for a timetable display. Ask the Harbour Trust whether it would share the cost."
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE, margin="CD")
    actions = [r for r in result.clauses if r.action]
    assert len(actions) == 1 and actions[0].action is not None and list(actions[0].action.owners) == ["CD"]
    assert actions[0].text.startswith("Ask the Harbour Trust")


def test_a_discussion_paragraph_stays_discussion() -> None:
    text = "The Chair thanked the Head of Finance for attending. Training sessions were being held."
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE)
    assert result.kind == "discussion" and result.cues == ()


def test_declared_needs_hold_on_every_sentence_of_the_bundled_corpora() -> None:
    """Each rule's ``needs=`` is exact: on every sentence of the bundled corpora, checked by the
    mechanism itself (a skipped rule runs anyway and must not fire), and the filtered list gives
    the same finding as the unfiltered one."""
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
                        with rules.checking():
                            rules.first(probe)
                        assert rules.first(probe) == rules.first_unfiltered(probe), sentence
                    checked += 1
    assert checked > 300


def test_a_rule_firing_without_its_needs_is_caught() -> None:
    rules = c.RuleSet()

    @rules.add("pattern:wrong", needs=("zebra",))
    def wrong(clause_: c.Clause) -> c.Finding | None:
        return c.Finding("pattern:wrong") if "giraffe" in clause_.text else None

    probe = clause("The giraffe was fed.")
    assert rules.first(probe) is None  # skipped: none of its words
    with rules.checking(), pytest.raises(c.NeedsError):
        rules.first(probe)
    assert rules.first(clause("The giraffe was fed.", label="Action")) is not None  # a label runs every rule
    with pytest.raises(ValueError):
        rules.add("pattern:upper", needs=("Zebra",))


def test_every_rule_declares_its_needs() -> None:
    for rules in (c.ACTION_RULES, c.DECISION_RULES):
        assert [cue for cue, _ in rules.rules] == list(rules.needs)


_NAME_WORD = st.sampled_from(["Mia", "Shelton", "O’Neil", "Ann-Marie", "Lark", "Road", "Bo", "Abcdefghijklmnopqrstu"])
_DEFINITION = st.builds(
    lambda title, words, space, initials: title + " ".join(words) + space + f"({initials})",
    st.sampled_from(["", "Cllr ", "Mr. ", "Dr "]),
    st.lists(_NAME_WORD, min_size=1, max_size=5),
    st.sampled_from(["", " ", "  "]),
    st.sampled_from(["MS", "AB", "ABCD", "X", "ABCDE"]),
)
_NOISE = st.sampled_from([" ", "\n", ",", ".", "(", ")", "and", "agreed ", "McD", "x" * 30, "YYY", "(MS)"])
_DEFINITION_PIECES = st.lists(st.one_of(_DEFINITION, _NOISE), max_size=30)


@given(_DEFINITION_PIECES)
@settings(max_examples=300, deadline=None)
def test_initials_definitions_match_a_full_scan(pieces: list[str]) -> None:
    """The windowed search for "Mia Shelton (MS)" finds exactly what scanning every position finds."""
    text = "".join(pieces)
    windowed = [(m.span(), m.groups()) for m in _initials_definitions(text)]
    full = [(m.span(), m.groups()) for m in _DEFINED_INITIALS.finditer(text)]
    assert windowed == full


# --- action phrasing families (issue 10) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cllr Ames asked the Clerk to write to the bus company about the timetable.", ["the Clerk"]),
        ("Cllr Ames requested the Treasurer to obtain three quotes for the fence.", ["the Treasurer"]),
        ("To authorise the Deputy Clerk to order the new benches within budget.", ["the Deputy Clerk"]),
        ("The Chair invited officers to cost the options before the summer.", ["officers"]),
    ],
)
def test_a_directed_request_names_the_one_asked(text: str, expected: list[str]) -> None:
    assert owners(c.directed_owner(clause(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Chair invited Mia Shelton to introduce the report.",
        "Members were asked to note the report.",
        "The developer could ask the Clerk to call it in.",
        "The scheme aims to encourage residents to walk more.",
        "Should we ask the Clerk to write again?",
    ],
)
def test_a_directed_request_leaves_meeting_business_and_hypotheticals(text: str) -> None:
    assert c.directed_owner(clause(text)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delegate authority to the Director of Leisure, in consultation with the Chair, to agree the lease.", "the Director of Leisure"),
        ("To delegate authority to the Head of Parks to finalise the contract.", "the Head of Parks"),
        ("Moved to receive and file; refer to the Town Manager for a costed plan.", "the Town Manager"),
    ],
)
def test_a_delegation_or_referral_names_the_officer(text: str, expected: str) -> None:
    assert owners(c.delegated_to(clause(text))) == [expected]


def test_a_reference_or_a_past_referral_is_no_delegation() -> None:
    assert c.delegated_to(clause("Cllr Ames referred to the report of the auditor.")) is None
    assert c.delegated_to(clause("The Panel had referred the matter to the Town Manager.")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Clerk is to forward the plans to the Planning Officer.", ["The Clerk"]),
        ("Cllr Nia Thornton stated her intention to contact the landowner.", ["Cllr Nia Thornton"]),
        ("The Treasurer was directed to open a second account.", ["The Treasurer"]),
    ],
)
def test_commitment_forms(text: str, expected: list[str]) -> None:
    assert owners(c.owner_agreed_to(clause(text))) == expected


def test_the_aim_is_to_is_not_a_task() -> None:
    assert c.owner_agreed_to(clause("The aim is to publish the plan in May.")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was suggested that the Clerk write to the school about parking.", ["the Clerk"]),
        ("Cllr Ames requested that the Clerk writes to the landowner.", ["the Clerk"]),
        ("It was agreed that the Clerk should obtain quotes for the repairs.", ["the Clerk"]),
        ("That the Treasurer prepare a draft budget for the next meeting.", ["the Treasurer"]),
    ],
)
def test_a_that_clause_directing_someone(text: str, expected: list[str]) -> None:
    assert owners(c.resolution_directs(clause(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It was proposed that Cllr Ames continue as Chair.",
        "Cllr Ames had suggested that the Board keep the accounts.",
        "The Chair proposed that Council resolve to extend the meeting.",
        "It was agreed that the Clerk would like to retire.",
        "RESOLVED that the Parish Council accepts the quote of £400 for the bench.",
    ],
)
def test_a_that_clause_without_a_task(text: str) -> None:
    assert c.resolution_directs(clause(text)) is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Chase the venue about the deposit  Status: awaiting reply", "Owen"),
        ("Is the annual report ready?", "@Owen"),
        ("to book the hall for the AGM", "Owen"),
        ("I will write up the summary for the list.", "Owen"),
    ],
)
def test_a_task_addressed_to_the_speaker(text: str, speaker: str) -> None:
    assert owners(c.speaker_task(clause(text, speaker=speaker))) == [speaker.lstrip("@")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Chase the venue about the deposit  Status: COMPLETE", "Owen"),
        ("Deliver the draft budget", "March"),
        ("I would like to see the figures first.", "Owen"),
        ("Agree strongly with the last speaker.", "Owen"),
    ],
)
def test_no_task_for_the_speaker(text: str, speaker: str) -> None:
    assert c.speaker_task(clause(text, speaker=speaker)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Anyone wish to speak on the item?",
        "Will that be compatible with the old system?",
        "Cllr Ames said she would like to meet the new officer.",
        "Owen will not attend the next meeting.",
        "Will do.",
    ],
)
def test_questions_wishes_and_negations_are_not_actions(text: str) -> None:
    found = c.ACTION_RULES.first(clause(text))
    assert found is None, found


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        ("AI: Owen to send the room booking form", None, ["Owen"]),
        ("TODO: renew the domain name", "Owen", ["Owen"]),
        ("#todo kb: chase the printer quote", None, ["kb"]),
        ("add the figures to the tracker (TODO)", "Owen", ["Owen"]),
        ("Next steps: MS to draft the survey", None, ["MS"]),
    ],
)
def test_a_marked_task(text: str, speaker: str | None, expected: list[str]) -> None:
    assert owners(c.marker(clause(text, speaker=speaker))) == expected


def test_a_marker_word_in_prose_is_not_a_task() -> None:
    assert c.marker(clause("The AI tools on the market were discussed at length.")) is None
    assert c.marker(clause("The next step for the village is unclear.")) is None


def test_a_checklist_entry_with_initials_names_its_owner() -> None:
    assert owners(c.checklist(clause("[ ] (MS) book the village hall for the quiz"))) == ["MS"]
    assert owners(c.checklist(clause("[ ] update the website calendar"))) == []


def test_a_task_set_as_a_verb_in_capitals() -> None:
    assert c.capital_imperative(clause("CREATE a working group on allotment rents.")) is not None
    assert owners(c.capital_imperative(clause("ASK the Head of Legal to review the lease."))) == ["the Head of Legal"]
    assert c.capital_imperative(clause("NOTE the report of the auditor.")) is None
    assert c.capital_imperative(clause("AGENDA for the meeting")) is None


def test_an_owner_alone_under_an_action_label_is_not_a_task() -> None:
    assert c.owner_only("ACTION: kb12", PEOPLE) == ["kb12"]
    assert c.owner_only("All", PEOPLE) == ["All"]
    assert c.action_label(clause("MS/Owen", label="Action")) is None
    assert c.owner_only("Buy two more folding tables", PEOPLE) is None
    assert owners(c.action_label(clause("TODO: renew the domain name", label="Action"))) == []


def test_a_bracketed_action_note_is_one_action_with_the_sentence_before() -> None:
    text = "Residents asked for the survey results in full. [ACTION: MS to request the full survey results from the agency.]"
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE)
    actions = [r for r in result.clauses if r.action]
    assert len(actions) == 1 and actions[0].action is not None
    assert actions[0].text.startswith("Residents asked") and list(actions[0].action.owners) == ["MS"]


@pytest.mark.parametrize(
    "text",
    [
        "That the precept be set at £9,500. Proposed Cllr Hart, seconded Cllr Ward. Carried unanimously.",
        "Approve the revised hire charges for the pavilion. Moved by Reed to adopt. Motion carried 4-1.",
    ],
)
def test_a_motion_and_its_outcome_are_one_decision(text: str) -> None:
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE)
    decisions = [r for r in result.clauses if r.decision]
    assert len(decisions) == 1 and decisions[0].text == text


@pytest.mark.parametrize(
    "text",
    [
        "Consensus to close the issue without a change.",
        "There was general approval of the new logo.",
        "Unanimous adoption of the revised standing orders.",
        "Councillors present were content with the proposal.",
        "No objections were made to the change of date.",
        "Agree that the rota starts in June.",
    ],
)
def test_assent_as_a_noun_or_a_state_is_a_decision(text: str) -> None:
    assert c.DECISION_RULES.first(clause(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "There was no general agreement on the colour.",
        "We will try to reach consensus on the list.",
        "Cllr Ames was happy to help with the fete.",
        "No objections had been received by the deadline.",
    ],
)
def test_no_assent(text: str) -> None:
    assert c.assent(clause(text)) is None


def test_an_outcome_line_alone_belongs_to_the_motion_before() -> None:
    assert c.outcome_only("Motion carried 5-2.") and c.outcome_only("Consensus.") and c.outcome_only("No objection")
    assert not c.outcome_only("The motion to close the depot was carried 5-2 after a long debate on costs.")


def test_status_not_done_is_still_open_and_speakers_named_like_words_count() -> None:
    assert owners(c.speaker_task(clause("pursue a report for the archive  Status: not done", speaker="Rich"))) == ["Rich"]
    assert owners(c.speaker_task(clause("Follow up with the venue", speaker="@bea"))) == ["bea"]
    assert c.speaker_task(clause("pursue a report  Status: DONE", speaker="Rich")) is None


@pytest.mark.parametrize(
    "text",
    [
        "The community to Tiles remains the same.",
        "Moved by Reed to receive and file.",
        "Induction for staff to include fire drills.",
    ],
)
def test_owner_to_verb_needs_a_verb_and_an_owner(text: str) -> None:
    assert c.owner_to_verb(clause(text)) is None


def test_a_gerund_directive_names_the_officer() -> None:
    assert owners(c.directed_owner(clause("Authorizing the Finance Director to draw the cheques."))) == ["the Finance Director"]


@pytest.mark.parametrize(
    "text",
    [
        "It was agreed that the verge be cut before the fete.",
        "Members requested that a briefing would be arranged for new councillors.",
        "that a budget be identified for the new crossing",
        "That the financial statement should be presented at the July meeting.",
        "Cllr Ames requested a notice to be added to the website.",
    ],
)
def test_an_agreed_or_requested_task_without_an_owner(text: str) -> None:
    found = c.ACTION_RULES.first(clause(text))
    assert found is not None and found.owners == ()


@pytest.mark.parametrize(
    "text",
    [
        "RESOLVED that the minutes be signed as a true record.",
        "It was agreed that the hall would close on bank holidays.",
        "Cllr Ames asked that the policy be reviewed every year.",
        "Cllr Ames asked that the protocol make clear how costs would be shared.",
    ],
)
def test_no_task_in_a_decision_or_a_wish(text: str) -> None:
    assert c.resolution_directs(clause(text)) is None


def test_this_council_in_a_motion_owns_its_task() -> None:
    assert owners(c.resolution_directs(clause("that this Council carries out a safety audit of the ramps"))) == ["this Council"]


def test_a_heading_in_capitals_is_not_a_task() -> None:
    assert c.capital_imperative(clause("DRAFT MINUTES OF THE PARISH COUNCIL MEETING")) is None


def test_a_delegation_to_a_role_of_two_things_keeps_the_role_whole() -> None:
    text = "and that authority be delegated to the Director of Parks and Leisure to agree the final terms."
    assert owners(c.delegated_to(clause(text))) == ["the Director of Parks and Leisure"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Owen - chase the hall booking", ["Owen"]),
        ("MS/Owen – Order two quotes for the bench repair", ["MS", "Owen"]),
        ("Look at funding opportunities for the workshop - TK", ["TK"]),
    ],
)
def test_a_task_line_names_its_owner_beside_a_dash(text: str, expected: list[str]) -> None:
    assert owners(c.dash_owner_task(clause(text))) == expected


def test_a_topic_before_a_dash_is_not_an_owner() -> None:
    assert c.dash_owner_task(clause("Website - the new pages went live last week")) is None


def test_a_later_owner_in_a_list_of_remarks() -> None:
    text = "The quote fell through due to postcode, Owen to follow up with two other insurers"
    assert owners(c.owner_to_verb(clause(text))) == ["Owen"]


@pytest.mark.parametrize(
    "text",
    [
        "Request of Ana Ruiz to address Council regarding bus shelters (Communication) PLACED ON FILE",
        "Appoint Lee Park to the Parks Committee for a two-year term (Report) (Y-5) CONFIRMED",
        "The motion passes.",
        "All were in favor.",
    ],
)
def test_us_council_outcomes_are_decisions(text: str) -> None:
    assert c.DECISION_RULES.first(clause(text)) is not None


def test_a_us_motion_with_its_outcome_is_one_decision() -> None:
    text = "A motion was made to give $400 to the library reading club. All were in favor. Motion passes."
    result, _ = c.classify_paragraph(text, spans(text), label=None, people=PEOPLE)
    decisions = [r for r in result.clauses if r.decision]
    assert len(decisions) == 1 and decisions[0].text == text


def test_a_contact_line_or_a_done_note_beside_a_dash_is_no_task() -> None:
    assert c.dash_owner_task(clause("Owen Pryce - Email: clerk@example.org")) is None
    assert c.dash_owner_task(clause("email address created - BC")) is None
