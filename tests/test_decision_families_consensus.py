"""Decision families on the narrative side: a resolution list printed twice (as moved, then as
resolved), a numbered "RESOLVED that:" whose number the reader split off, a lettered resolution
that runs to a second sentence, connectors between two lists of a resolution, and "resolved" as
"fixed" (tickets, faults) in work reports."""

from __future__ import annotations

import pytest

from helpers import document_decisions
from helpers import paragraph_decisions as decisions
from minutes_parser.classify.decisions import resolution_run_step


def test_a_resolution_list_printed_as_moved_and_as_resolved_counts_once() -> None:
    text = (
        "# Minutes of Harrowdene County Council\n\n## 12. Waste Local Plan\n\n"
        "(1) Mrs Quayle moved the recommendations, seconded by Mr Dunmore, that Council:\n\n"
        "(a) Note the examiner's findings on the Harrowdene Neighbourhood Plan and the changes she proposed to its policies; and\n\n"
        "(b) Adopt the Harrowdene Neighbourhood Plan 2026-2041 as printed in Appendix B to the report before the Council.\n\n"
        "(2) Following the debate the motion was put to the vote. Motion carried.\n\n"
        "(3) RESOLVED that Council:\n\n"
        "(a) Notes the examiner's findings on the Harrowdene Neighbourhood Plan and the changes she proposed to its policies; and\n\n"
        "(b) Adopts the Harrowdene Neighbourhood Plan 2026-2041 as printed in Appendix B to the report before the Council.\n"
    )
    found = document_decisions(text)
    assert sum("examiner" in d for d in found) == 1
    assert sum("Appendix B" in d for d in found) == 1
    assert any(d.startswith("Adopts") for d in found)  # the resolution stands, not the motion as moved


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "# Minutes of Harrowdene County Council\n\n## 3. Minutes\n\n"
            "RESOLVED that the minutes of the meeting held on 4 May 2026 be approved as a correct record.\n\n"
            "## 4. Panel minutes\n\n"
            "RESOLVED that the minutes of the meeting held on 4 May 2026 be approved as a correct record.\n",
            id="short_resolutions_in_two_items_are_not_one",
        ),
        pytest.param(
            "Minutes of Harrowdene County Council\n\n## 8. Budget\n\n"
            "The Leader introduced the budget.\n\n"
            "RESOLVED that Council:\n\n"
            "(a) Agrees the revenue budget for 2027/28 as set out in Appendix A; and\n\n"
            "(b) Notes the capital programme.\n",
            id="a_resolution_list_after_a_plain_paragraph_is_kept",
        ),
    ],
)
def test_a_document_gives_two_decisions(text: str) -> None:
    assert len(document_decisions(text)) == 2


def test_a_numbered_resolved_intro_with_its_number_as_a_marker_governs_what_follows() -> None:
    text = (
        "# Minutes of Harrowdene County Council\n\n## 14. Town twinning\n\n"
        "4) The Chairman then put the motion to the meeting.\n\n"
        "5) RESOLVED that:\n\n"
        "Members welcome the new twinning link with Saint-Aubin and endorse the exchange programme set out in the report.\n\n"
        "Members continue to back the twinning association by hosting visiting families.\n\n"
        "## 15. Treasury Management\n\nThe Treasurer introduced the report.\n"
    )
    found = document_decisions(text)
    assert any(d.startswith("Members welcome the new twinning") for d in found)
    assert any(d.startswith("Members continue to back") for d in found)


def test_a_lettered_resolution_running_to_a_second_sentence_is_one_decision() -> None:
    text = (
        "# Minutes of Harrowdene County Council\n\n## 9. Review of a Cabinet decision\n\n"
        "RESOLVED that:\n\n"
        "(a) the Council accepts the Cabinet's decision on the depot. "
        "In particular, the Council asks the Cabinet Member to keep the salt store open until April.\n\n"
        "(b) the report be noted.\n"
    )
    found = document_decisions(text)
    assert len(found) == 2
    assert "accepts the Cabinet" in found[0] and "salt store" in found[0]


@pytest.mark.parametrize("text", ["And;", "and", "Or,"])
def test_a_connector_between_two_lists_of_a_resolution_is_no_entry(text: str) -> None:
    assert resolution_run_step(text) == "heading"


@pytest.mark.parametrize(
    "text",
    [
        "Resolved 14 helpdesk tickets",
        "Resolved a fault with the backup server (failed disk)",
        "So far 312 issues resolved, 6 of them this quarter",
        "A fault with the booking forms was resolved to the hirers' relief.",
        "This quarter the helpdesk opened 90 tickets and 120 were resolved.",
        "The volunteers will explain how the hire charge was agreed.",
    ],
)
def test_a_problem_fixed_or_a_question_is_no_decision(text: str) -> None:
    assert decisions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Resolved that the hall hire charge be raised to £15 an hour.",
        "Resolved: to accept the lowest quote for the fencing.",
        "The complaint was discussed and it was resolved that the Clerk reply to the resident.",
        "Following the report on the drainage issue, it was resolved that the Council write to Highways.",
    ],
)
def test_a_resolution_near_a_problem_is_still_a_decision(text: str) -> None:
    assert decisions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Close with no action; Priya to note the reasoning on the tracker.",
        "Consensus to close with no action.",
        "Dana: closing with no action, we can reopen if new data arrives.",
        "Tomas: out of scope for this draft; close.",
        "Close it",
        "Jo: we're closing this issue now.",
        "Which header carries the version? Closed.",
        "That closes 412 and 415.",
    ],
)
def test_an_issue_closed_by_the_meeting_is_a_decision(text: str) -> None:
    assert decisions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Could the ticket be closed without action?",
        "Ruth: do we close the issue without action then.",
        "According to its reporter the ticket can be closed without further action.",
        "We should not close it yet.",
        "The meeting closed at 9.15pm.",
        "The library was closed to the public for two weeks.",
        "Members have said the new partition will close it off from the hall.",
    ],
)
def test_an_issue_not_yet_closed_or_a_place_closed_is_no_decision(text: str) -> None:
    assert decisions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hum: keep the retry field optional? Yes!",
        "Hum: Keep the flag. Yes.",
        "Is this already covered? Yes, Ana will record it.",
        "Any objection to merging the two drafts? None.",
        "Any reservations about the schedule? No response from the floor.",
        "Conclusion: add one sentence to the security section.",
        "Outcome: the trial is extended to June.",
        "Adopt Kenji's PR.",
        "Merge it!",
    ],
)
def test_a_poll_an_answer_or_a_verdict_is_a_decision(text: str) -> None:
    assert decisions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hum of the traffic made it hard to hear.",
        "Any other business? None.",
        "Is the report ready? Yes, nearly.",
        "The chairs have not yet declared rough consensus, so both texts stay in the draft.",
        "Yes we've already decided that.",
        "Merge the two lists before the next meeting, said the Chair.",
    ],
)
def test_no_poll_answered_or_no_assent_is_no_decision(text: str) -> None:
    assert decisions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "In March 2024 the Cabinet adopted the Greener Fenmoor strategy for its own buildings.",
        "At that meeting, Members agreed to ask the auditors for a second opinion.",
        "The village hall was noted for its friendly volunteers.",
        "The club has unilaterally decided to move its nights to Friday.",
        "Ms Okafor said that Ravi Patel was appointed to run the summer scheme.",
    ],
)
def test_history_and_reports_of_other_decisions_are_no_decision(text: str) -> None:
    assert decisions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Members agreed the record of the workshop held on 7 March 2026.",
        "The revised hire charges were also approved.",
        "Invoices paid since the last meeting were approved.",
        "Request to extend the hall hire to 10pm, agreed.",
        "Notes of the May meeting, agreed, signed and dated by the Chair.",
        "The Chair confirmed that the motion was carried.",
    ],
)
def test_decisions_near_a_date_or_a_report_are_kept(text: str) -> None:
    assert decisions(text)


def test_agreed_and_signed_alone_closes_the_paragraph_before() -> None:
    text = (
        "Minutes of Larkfield Parish Council\n\n3. Standing orders\n\n"
        "The new allotment tenancy agreement was presented for approval.\n\n"
        "Agreed and signed.\n"
    )
    found = document_decisions(text)
    assert len(found) == 1 and "tenancy agreement" in found[0] and found[0].endswith("Agreed and signed.")


@pytest.mark.parametrize(
    "text",
    [
        "The Council supports the application.",
        "The Parish Council objects to the height of the proposed barn.",
        "This Council notes the report and agrees to write to the Minister.",
        "The Committee has no objection to the revised layout.",
        "Report noted.",
        "The Clerk's quarterly update noted.",
        "The Council noted the bank reconciliation for the quarter.",
        "Members noted the reply from the water company about the burst main.",
    ],
)
def test_a_view_in_the_present_tense_or_a_paper_noted_is_a_decision(text: str) -> None:
    assert decisions(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Council agrees to ask the Clerk to:",
        "The Council notes that the footpath has flooded again.",
        "The following points were noted:",
    ],
)
def test_a_stem_or_a_remark_is_no_decision(text: str) -> None:
    assert decisions(text) == []


def test_a_resolved_stem_that_reads_on_labels_its_list() -> None:
    text = (
        "Minutes of the Larkfield Town Council Finance Committee\n\nFC/26/12 Budget 2027/28\n\n"
        "The Town Clerk presented the draft budget.\n\n"
        "RESOLVED to recommend to Full Council:\n\n"
        "1. that the budget for 2027/28 be set at £318,400;\n\n"
        "2. that the precept for 2027/28 be set at £240,000.\n"
    )
    found = document_decisions(text)
    assert any("£318,400" in d for d in found) and any("£240,000" in d for d in found)


def test_a_list_of_options_the_meeting_may_take_is_no_decision() -> None:
    text = (
        "Minutes of Harrowdene County Council\n\n## 7. Call-in of Decision 26/00114\n\n"
        "In considering the referral, the Council may either:\n\n"
        "(a) Agree that the lease be renewed\n\n"
        "(b) Approve the lease with changes, or\n\n"
        "(c) Refuse the lease.\n\n"
        "RESOLVED that the Council approves the lease with the changes set out in the report.\n"
    )
    found = document_decisions(text)
    assert len(found) == 1 and "approves the lease" in found[0]


@pytest.mark.parametrize(
    ("text", "decided"),
    [
        ("Decision 26/00114 on the Mill Lane youth centre lease was signed by the Cabinet Member last month.", False),
        ("The petty cash float was confirmed as £150 after the count.", False),
        ("The bus service was confirmed to be running until March.", False),
        pytest.param("Cllr Ade was confirmed as Chair for the coming year.", True, id="an_appointment_confirmed_is_still_a_decision"),
    ],
)
def test_a_decision_reference_or_a_fact_confirmed_is_no_decision(text: str, decided: bool) -> None:
    assert bool(decisions(text)) is decided


def test_plain_that_paragraphs_after_a_resolved_that_stem_are_its_resolutions() -> None:
    text = (
        "Minutes of Fenby Parish Council\n\n4. Budget\n\nRESOLVED that:\n\n"
        "That the budget for 2027/28 be set at £40,000;\n\nThat the precept be set at £30,000.\n\n"
        "The Clerk thanked members for their work on the budget.\n"
    )
    found = document_decisions(text)
    assert any("£40,000" in d for d in found) and any("£30,000" in d for d in found)
    assert not any("thanked" in d for d in found)


def test_a_motion_proposing_that_governs_its_that_paragraphs() -> None:
    text = (
        "Minutes of Fenby Parish Council\n\n6. Library hours\n\n"
        "The working group passed a motion proposing that:\n\n"
        "That the change of opening hours be delayed until funding is confirmed;\n\n"
        "That the library users be surveyed over the summer;\n\n"
        "And, that a progress note be circulated before the autumn.\n\n"
        "Officers explained that the county had not yet set the library budget.\n"
    )
    found = document_decisions(text)
    assert len(found) == 3 and found[2].startswith("And, that a progress note")


@pytest.mark.parametrize(
    ("text", "decided"),
    [
        ("Jo: the wording change is small and we're good with it.", True),
        ("So we are okay with shipping this as it stands.", True),
        ("Bea asked to check that everybody is fine with a later start time.", False),
    ],
)
def test_the_room_speaking_for_itself(text: str, decided: bool) -> None:
    assert bool(decisions(text)) is decided
