"""Decision families of motion records: a motion hard-wrapped over several lines (each printed as
a paragraph) is one decision with its outcome; a bare motion ("Moved to adopt.") takes its item's
title or description as its subject; mover, seconder and roll-call names leave the text."""

from __future__ import annotations

import pytest

from minutes_parser.classify.joins import continues_motion
from minutes_parser.core import parse_text
from minutes_parser.extract.motions import bare_motion, opens_motion, without_voters
from minutes_parser.model import Block, BlockKind
from minutes_parser.segment import segment


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        ("Moved by", "Harlow to adopt. Motion carried 4-3."),
        ("Moved by Harlow to appro", "ve the tree planting plan. Motion carried 4-3."),
        ("Tree planting plan. Moved by Harlow to approve. Moti", "on carried 4-3."),  # a line clipped by the margin
        ("Tree planting plan. Mov", "ed by Harlow to approve. Motion carried 4-3."),
        ("Grit bins for Elm Row. Moved by Harlow to adopt. Motion carried", "2."),
        ("The Notice of Motion was proposed by Councillor Darby, seconded by Councillor Pike and", "agreed."),
        ("“That, under Section 12 of the Housing Act,", "1998 (as amended), the disposal of 3 Mill Lane to Ann Rowe be approved.”"),
    ],
)
def test_a_wrapped_line_continues_the_motion(previous: str, text: str) -> None:
    assert continues_motion(previous, text)


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        ("The Clerk moved the bins to the depot", "Next meeting on 4 May."),  # no motion in progress, no outcome
        ("Moved by Harlow to adopt.", "Motion carried 4-3."),  # a whole sentence: the tally joins by other rules
        ("“That the report be noted.”", "2024 budget figures were circulated."),  # the quotation is closed
        ("“That the following be appointed:", "Cllr Vance"),  # a list follows its stem
        ("Councillors discussed the", "Harbour Road Repairs"),  # no motion word
    ],
)
def test_other_lines_do_not_join(previous: str, text: str) -> None:
    assert not continues_motion(previous, text)


def _paragraphs(lines: list[str]) -> list[str]:
    blocks = tuple(Block(BlockKind.PARAGRAPH, line) for line in lines)
    segmented = segment(blocks, join_wrapped=False)  # as for a PDF, whose lines come as paragraphs
    return [p.text for item in [segmented.preamble, *segmented.items] for p in item.paragraphs if p.text]


def test_a_pdf_motion_split_over_lines_is_one_paragraph() -> None:
    paragraphs = _paragraphs(
        ["Councillors considered the verge cutting contract.", "Moved by", "Harlow to award the contract to Fenbrook Ltd.", "Motion carried 5-2."]
    )
    assert paragraphs[0] == "Councillors considered the verge cutting contract."
    assert paragraphs[1].startswith("Moved by Harlow to award the contract to Fenbrook Ltd.")
    assert paragraphs[1].endswith("Motion carried 5-2.")


def test_a_quoted_resolution_spans_its_lines_and_ends_the_label() -> None:
    paragraphs = _paragraphs(
        [
            "And Resolved:",
            "“That, under Section 12 of the Housing Act,",
            "1998 (as amended), the disposal of 3 Mill Lane, Corrib,",
            "to Ann Rowe for €1 be approved.”",
            "The Roads Engineer's report was tabled.",
        ]
    )
    assert paragraphs[0].startswith("“That, under Section 12") and paragraphs[0].endswith("be approved.”")
    assert paragraphs[1] == "The Roads Engineer's report was tabled."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moved by Harlow to adopt. Motion carried 4-3.", "Moved to adopt. Motion carried 4-3."),
        ("Mo by Harlow to adopt. Motion carried 4-3.", "Mo to adopt. Motion carried 4-3."),  # a clipped line
        ("Moved Harlow to adopt. Motion carried 4-3.", "Moved to adopt. Motion carried 4-3."),
        (
            "A motion was made to buy two benches by Trustee Quill, seconded by Trustee Oduya. All were in favor.",
            "A motion was made to buy two benches. All were in favor.",
        ),
        (
            "Trustee Amsel made the motion to close the session. Trustee Bright seconded the motion. The motion passed with 3 in favor (Amsel, Bright, and Kell) and 0 against.",
            "Motion to close the session. The motion passed with 3 in favor and 0 against.",
        ),
        (
            "On the proposal of Councillor Darby, seconded by Councillor Pike, the report was adopted.",
            "The report was adopted.",
        ),
        ("The new policy was adopted. Carried.", "The new policy was adopted. Carried."),
    ],
)
def test_voters_leave_the_decision_text(text: str, expected: str) -> None:
    assert without_voters(text) == expected


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Moved to adopt. Motion carried 4-3.", True),
        ("Moved to receive and file. Motion carried", True),
        ("(Report No. 12-40) Moved to approve. Carried.", True),
        ("Moved that this ordinance be given first reading.", True),
        ("Moved to approve the grant of £500 to the Wellbrook Scouts for a new tent. Carried.", False),
        ("Motion to approve the minutes of the meeting of 3 March as written. Carried.", False),
    ],
)
def test_a_bare_motion_names_no_subject(text: str, bare: bool) -> None:
    assert opens_motion(text)
    assert bare_motion(text) is bare


MINUTES = """Fenbrook Town Council
Minutes of the meeting held on 4 March 2025

1. CONSENT CALENDAR

Moved by Harlow to adopt. Motion carried 4-3.

2. Purchase of a tractor for the parks team

The Parks Officer reported that the old tractor had failed its inspection and was beyond repair.

Moved by Pike to approve. Motion carried 6-1.

3. Grant to Wellbrook Scouts

Councillors discussed the request. Moved by Harlow to award £500 to the Wellbrook Scouts. Motion carried 7-0.
"""


def test_a_bare_motion_takes_its_item_title() -> None:
    decisions = parse_text(MINUTES, name="fenbrook.txt", model="rules").decisions
    texts = [d.text for d in decisions]
    assert texts[0] == "CONSENT CALENDAR. Moved to adopt. Motion carried 4-3."
    assert texts[1] == "Purchase of a tractor for the parks team. Moved to approve. Motion carried 6-1."
    # a motion that says what it moves keeps its own words; the discussion before it stays out
    assert texts[2] == "Moved to award £500 to the Wellbrook Scouts. Motion carried 7-0."
    assert decisions[0].votes is not None and decisions[0].votes.mover == "Harlow"


def test_a_form_record_of_a_motion_and_its_vote_is_one_decision() -> None:
    text = """Marlow Vale Transit Board
Minutes of the meeting of 12 May 2025

IV. Executive Session

Motion:

Director Quist made the motion to move into
Executive Session.
Director Lind seconded the motion.

Vote on the Motion:

The motion passed with 9 in favor (Ames, Boyd, Cato, Dunn, Eze, Farr, Gill, Lind and Quist) and 0 against.
"""
    decisions = parse_text(text, name="marlow.txt", model="rules").decisions
    assert len(decisions) == 1
    only = decisions[0]
    assert only.text.startswith("Motion to move into Executive Session.") and "passed with 9 in favor and 0 against" in only.text
    assert "Quist" not in only.text and "Lind" not in only.text
    assert only.votes is not None and only.votes.in_favour == 9 and only.votes.against == 0


def test_a_motion_line_that_stops_before_its_list_does_not_join_it() -> None:
    assert continues_motion("Mr Hale proposed, and Ms Ward seconded the motion that", "This Council resolves to do the following")
    assert not continues_motion("Mr Hale proposed, and Ms Ward seconded the motion that", "This Council believes that:")


NOTICE = """Corrib Municipal District
Minutes of the meeting held on 3 June 2025

**12. Notice of Motion submitted by Councillor A. Darby**

***I will move at the next Meeting of Corrib Municipal District that this Council installs a***

***pedestrian crossing outside Scoil Bríd on the Mill Road and that the works are scheduled***

***before September.***

The Notice of Motion was proposed by Councillor Darby, seconded by Councillor Pike and

agreed.

Councillor Darby spoke of the number of children crossing at the school gate each morning.
"""


def test_a_notice_of_motion_agreed_is_one_decision_in_the_motion_words() -> None:
    decisions = parse_text(NOTICE, name="corrib.md", model="rules").decisions
    assert len(decisions) == 1
    text = decisions[0].text
    assert text.startswith("That this Council installs a pedestrian crossing outside Scoil Bríd") and "before September." in text
    assert text.endswith("agreed.") and "Darby" not in text and "Pike" not in text
    assert decisions[0].votes is not None and decisions[0].votes.seconder == "Councillor Pike"


def test_action_in_a_plan_name_does_not_start_a_sentence() -> None:
    from minutes_parser.nlp import sentence_spans

    text = "“That the Wellbrook Riverside Action Plan 2025-2030 be adopted.” The motion was carried."
    first_start, first_end = sentence_spans([text])[0][0]
    assert text[first_start:first_end].strip() == "“That the Wellbrook Riverside Action Plan 2025-2030 be adopted.”"


def test_a_motion_restated_as_resolved_is_one_decision() -> None:
    from minutes_parser.extract.findings import restated_decision
    from minutes_parser.model import Decision, Provenance

    def at(item: int, text: str, *, numbered: bool = True) -> Decision:
        return Decision(text, Provenance(item, 0, 0, len(text), str(item) if numbered else None))

    moved = at(3, "Note the Inspector's Report on the examination of the Wellbrook Local Plan and the recommended modifications;")
    other = at(3, "Adopt the Wellbrook Local Plan 2025-2040 as set out in Appendix B to the report; and")
    resolved = at(3, "Notes the Inspector's Report on the examination of the Wellbrook Local Plan and the recommended modifications;")
    assert restated_decision(resolved, [moved, other]) == 0
    assert restated_decision(resolved, [at(2, moved.text), other]) is None  # another item's business
    # an unnumbered sub-heading ("Capital budget") divides its numbered item: the search crosses it
    assert restated_decision(at(4, resolved.text), [moved, at(4, other.text)]) is None
    assert restated_decision(at(4, resolved.text, numbered=False), [moved, at(4, other.text, numbered=False)]) == 0
    assert restated_decision(at(3, "Note the report."), [at(3, "Note the report.")]) is None  # too short to tell a repeat


AMENDMENT = """Wellbrook County Council
Minutes of the meeting held on 13 February 2025

6. Revenue Budget 2025-26

(11) Mrs Osei proposed, and Mr Lind seconded the following amendment:

Amendment wording:

“Transfer £40k from the events budget to open the three rural branch libraries on Saturday afternoons.”

Cost:

“£40k”

(12) After debate, the amendment in paragraph 11 was put to a recorded vote:

For (14)

Mr Ames, Mrs Boyd, Mr Cato, Ms Dunn

Against (40)

Mr Eze, Mrs Farr, Mr Gill, Mr Hale

Abstain (2)

Mr Ives, Ms Jory Amendment lost.
"""


def test_an_amendment_closed_by_a_named_vote_paragraphs_later_is_one_decision() -> None:
    decisions = parse_text(AMENDMENT, name="wellbrook.txt", model="rules").decisions
    recorded = [d for d in decisions if d.cues[0] == "pattern:motion record"]
    assert len(recorded) == 1
    only = recorded[0]
    assert only.text == "Transfer £40k from the events budget to open the three rural branch libraries on Saturday afternoons. Amendment lost."
    assert only.outcome is not None and only.outcome.value == "lost"
    assert only.votes is not None and (only.votes.in_favour, only.votes.against, only.votes.abstain) == (14, 40, 2)


REASONS = (
    "Move £60k from the depot refurbishment to resurface the towpath between Mill Bridge and Carver Lock this summer."
    " With the depot's lease ending in two years, we believe that no further money should go into a building the"
    " Council may leave. The towpath is used daily by walkers, cyclists and anglers, and its ruts have caused three"
    " falls this winter alone. Resurfacing now avoids the higher cost of rebuilding the path once the banks give way,"
    " which the last survey expected within five years."
)


def test_a_long_amendment_keeps_what_it_asks_for_not_its_reasons() -> None:
    text = AMENDMENT.replace("Transfer £40k from the events budget to open the three rural branch libraries on Saturday afternoons.", REASONS)
    decisions = parse_text(text, name="wellbrook.txt", model="rules").decisions
    recorded = [d for d in decisions if d.cues[0] == "pattern:motion record"]
    assert [d.text for d in recorded] == [REASONS.split(" With")[0] + " Amendment lost."]


def test_a_notice_of_motion_sets_no_deadline_of_the_next_meeting() -> None:
    from minutes_parser.extract.motions import notice_preamble

    text = "I will move at the next Meeting of Corrib Municipal District that this Council write to the Minister."
    assert text[notice_preamble(text) :] == "that this Council write to the Minister."
    assert notice_preamble("The Clerk will move the bins at the next meeting that suits.") == 0
    minutes = parse_text(NOTICE, name="corrib.md", model="rules")
    assert all(a.due is None and not a.text.startswith("I will move") for a in minutes.actions)


# --- what these rules must leave alone ---------------------------------------------------------

UNSTOPPED_RESOLUTION = """Ashcombe Parish Council
Minutes of the meeting held on 9 April 2025

4. Minutes

RESOLVED that the minutes of the meeting of 12 March be approved as a true record

Planning Applications

Members considered application 25/0412 for a rear extension at 7 Church Lane.
"""


def test_a_heading_after_a_resolution_without_its_full_stop_is_not_its_next_line() -> None:
    lines = [line for line in UNSTOPPED_RESOLUTION.splitlines() if line.strip()]
    paragraphs = _paragraphs(lines)  # as a PDF prints it, a line a paragraph
    assert not any("Planning Applications" in p and "true record" in p for p in paragraphs)
    decisions = parse_text(UNSTOPPED_RESOLUTION, name="ashcombe.txt", model="rules").decisions
    assert [d.text for d in decisions] == ["that the minutes of the meeting of 12 March be approved as a true record"]


LIKE_RESOLUTIONS = """Carrow District Council
Minutes of the meeting held on 5 June 2025

9. Disposal of Council Property

RESOLVED:

(a) That the disposal of 4 Quarry Row, Carrow, to Ellen Marsh for the sum of £1,000 under the terms set out in the report of the Estates Manager be approved.

(b) That the disposal of 6 Quarry Row, Carrow, to Ellen Marsh for the sum of £1,500 under the terms set out in the report of the Estates Manager be approved.
"""


def test_like_resolutions_with_other_figures_are_not_one_restated() -> None:
    decisions = parse_text(LIKE_RESOLUTIONS, name="carrow.txt", model="rules").decisions
    assert len(decisions) == 2
    assert "4 Quarry Row" in decisions[0].text and "6 Quarry Row" in decisions[1].text


OTHER_BODIES = """Brindle Town Council
Minutes of the meeting held on 2 May 2025

6. Highways

The Clerk reported that the County Council had moved to adopt a new parking strategy
which would affect the market square.

Councillors noted that the Police and Crime Panel had passed a motion that
funding for rural policing be increased.

7. Parks Report

The parks officer said the paddling pool will reopen on 14 June. Cllr Vail asked about
lifeguard cover and was told staffing is complete.
"""


def test_a_motion_of_another_body_reported_in_discussion_is_no_decision() -> None:
    minutes = parse_text(OTHER_BODIES, name="brindle.txt", model="rules")
    assert minutes.decisions == ()  # nothing was moved or resolved at this meeting
    lines = [line for line in OTHER_BODIES.splitlines() if line.strip()]
    assert "7. Parks Report" in _paragraphs(lines) or "Parks Report" in _paragraphs(lines)


INFORMAL = """Larchfield Allotment Association
Committee meeting, 3 March 2025

1. Water troughs

Tom reported two troughs are leaking. Moved to item 3 while Sue fetched the quotes.

2. Shed rota

Moved on to the rota after a short break. Sue will draw up the summer rota by April.

3. Quotes

Sue circulated three quotes for new troughs. Moved to the next item without a decision.
"""


def test_a_note_that_the_meeting_moved_on_is_no_motion() -> None:
    minutes = parse_text(INFORMAL, name="larchfield.txt", model="rules")
    assert minutes.decisions == ()
    assert [a.text for a in minutes.actions] == ["Sue will draw up the summer rota by April."]
