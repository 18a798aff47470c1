"""Minutes in styles the decision families were not written from: each phrase looks like an
issue closed, a poll, a change adopted, assent or a past decision, and is none of them."""

from __future__ import annotations

import pytest

from helpers import document_decisions
from helpers import paragraph_decisions as decisions

# A tenants' association: history recounted before this meeting's business.
_TENANTS = (
    "# Fernhollow Tenants' Association\n\n## 1. Background\n\n"
    "Back in 2019 the Association agreed to ask the landlord for a new door entry system.\n\n"
    "Last year the Committee agreed to hold two open meetings a year.\n\n"
    "Historically the Association has approved its accounts in the spring.\n\n"
    "## 2. Door entry\n\n"
    "The Committee agreed to write to the landlord again about the door entry system.\n"
)
# A volunteer software group's call: tickets closed elsewhere, merges asked about, hedged assent.
_SOFTWARE = (
    "# Weekly call, Tidewater mapping tools\n\n## Open tickets\n\n"
    "Priya mentioned that the crash on start-up was closed last month by the packaging team.\n\n"
    "Olu will close the issue once the fix lands in a release.\n\n"
    "Merge it after the release, perhaps?\n\n"
    "Poll results from the user survey showed 60% yes to a dark theme.\n\n"
    "We're good with it in principle, but we need to see the test results first.\n\n"
    "We are happy to hear more views on the list before anything is settled.\n\n"
    "Conclusion is that more data is needed before anyone decides.\n"
)


@pytest.mark.parametrize("text", [_TENANTS, _SOFTWARE])
def test_history_and_unsettled_talk_in_unseen_styles_give_no_decision(text: str) -> None:
    found = document_decisions(text)
    assert all("landlord again" in d for d in found), found


def test_the_meetings_own_decision_after_history_is_kept() -> None:
    found = document_decisions(_TENANTS)
    assert len(found) == 1


@pytest.mark.parametrize(
    "text",
    [
        "We're fine to ship it on Friday.",
        "We are happy to support the grant to the youth club.",
        "Hum: drop the old export format? Yes.",
        "Conclusion: keep the old export format for one more release.",
        "In the end the Committee agreed to ask the landlord for a meeting.",
    ],
)
def test_assent_polls_and_conclusions_still_decide(text: str) -> None:
    assert decisions(text)


def test_that_as_a_pronoun_or_an_officers_advice_is_no_resolution() -> None:
    text = (
        "# Minutes of Brackenford Parish Council\n\n## 5. Village hall\n\n"
        "RESOLVED that:\n\n(a) the hall be repainted in the spring;\n\n(b) the Clerk obtain three quotes for the work.\n\n"
        "That concluded the business on the hall.\n\n"
        "## 6. Audit\n\nThe internal auditor recommended that:\n\n"
        "That the Council adopt a reserves policy before the year end.\n\n"
        "Members will consider the auditor's points at the next meeting.\n"
    )
    found = document_decisions(text)
    assert len(found) == 2 and "repainted" in found[0] and "quotes" in found[1], found


def test_the_choice_recorded_under_a_list_of_options_is_kept() -> None:
    text = (
        "# Notes of the Allotments Committee, Wexcombe\n\n## 4. Rents\n\n"
        "The Committee could:\n\n- raise rents by 5%;\n\n- keep rents as they are.\n\n"
        "- Agreed: keep rents as they are for one more year.\n"
    )
    found = document_decisions(text)
    assert len(found) == 1 and "one more year" in found[0], found


@pytest.mark.parametrize(
    ("text", "decided"),
    [
        ("Cllr Byrne asked for an update on the motion passed at the March 2024 meeting.", False),
        ("Ms Kerr asked what had become of the motion carried at the last meeting on street lights.", False),
        ("Mr Dunne moved that the grant be paid, seconded by Ms Kerr; the motion was carried at the meeting by 6 votes to 2.", True),
    ],
)
def test_a_motion_passed_at_an_earlier_meeting_is_history(text: str, decided: bool) -> None:
    assert bool(decisions(text)) is decided


@pytest.mark.parametrize(
    ("text", "decided"),
    [
        ("The Council accepts no liability for items left in the hall.", False),
        ("The Board welcomes comments from residents on the draft plan.", False),
        ("The Council welcomes volunteers for the spring litter pick.", False),
        ("The Council objects to any building on the green.", True),
        ("The Parish Council has no objection to the porch.", True),
        ("The Council welcomes the new play area at Mill Lane.", True),
    ],
)
def test_a_standing_notice_in_the_present_tense_is_no_view_taken(text: str, decided: bool) -> None:
    assert bool(decisions(text)) is decided
