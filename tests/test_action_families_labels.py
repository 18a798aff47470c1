"""Lines under an "Action" label: fragments and owner lists are not tasks; present-tense
commitments and login handles as owners ("kq12 volunteers to ...")."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import first_action
from minutes_parser import classify as c
from minutes_parser.classify.actions import is_label_fragment, owner_only
from minutes_parser.extract.dates import DateContext
from minutes_parser.extract.findings import owner_line_action
from minutes_parser.extract.owners import PeopleIndex, owner_phrase
from minutes_parser.segment import ParagraphDraft

PEOPLE = PeopleIndex.build([], "Weekly meeting of the Tern Bay app team.")


@pytest.mark.parametrize("text", ["STARTED", "this", "once the flag is set.", "plan 2030.", "Strategy 2026-2031.", "Harbour Plan 2026 be"])
def test_fragments_under_an_action_label_are_not_tasks(text: str) -> None:
    assert is_label_fragment(text)
    assert first_action(text, PEOPLE, "Action") is None


def test_a_real_task_under_an_action_label_stays() -> None:
    assert not is_label_fragment("Email the agenda to all members")
    assert not is_label_fragment("to circulate the draft budget")
    assert not is_label_fragment("Email Tom Reyes")


def test_an_owner_list_with_notes_is_owner_only() -> None:
    assert owner_only("kq12 (no blog for 2 weeks), tb7 (not up to date)", PEOPLE) == ["kq12", "tb7"]


def test_login_handles_are_owners() -> None:
    assert owner_phrase("kq12", PEOPLE) == ["kq12"]
    found = first_action("kq12 volunteers to set up the code repository", PEOPLE)
    assert found is not None and found.owners == ("kq12",)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Chair asked for volunteers to staff the stall.", id="volunteers_as_a_noun_is_not_a_commitment"),
        pytest.param("This Council agrees to support the bid.", id="a_meeting_body_agreeing_is_a_decision_not_a_task"),
    ],
)
def test_a_noun_or_a_body_agreeing_is_not_a_task(text: str) -> None:
    assert first_action(text, PEOPLE) is None


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("Nia and Rhys: Build the booking page", ("Nia", "Rhys")),
        ("Tam, Nia and Rhys: Write blog posts for the week", ("Tam", "Nia", "Rhys")),
        ("JoelQ to add a stress test to the suite", ("JoelQ",)),
        ("Ivo to open an issue against the checker", ("Ivo",)),
    ],
)
def test_the_opening_of_a_line_under_an_action_label_names_its_owners(text: str, owners: tuple[str, ...]) -> None:
    found = first_action(text, PEOPLE, "Action")
    assert found is not None and found.owners == owners


def test_a_marker_word_is_not_an_owner() -> None:
    found = c.ACTION_RULES.first(c.Clause("TODO: Change the class diagram", "Action", PEOPLE, speaker="TODO"))
    assert found is not None and "TODO" not in found.owners


def test_an_owner_line_gives_the_paragraph_before_it_its_owner() -> None:
    context = DateContext(meeting_date=dt.date(2024, 3, 4))
    found = owner_line_action(ParagraphDraft("6b. Test plan standards", list_marker="6b."), ["kq12"], PEOPLE, context, 1, 3, "1")
    assert found is not None and found.text == "Test plan standards" and [o.name for o in found.owners] == ["kq12"]
    assert owner_line_action(ParagraphDraft("Matters arising:"), ["kq12"], PEOPLE, context, 1, 3, "1") is None


TASK_THEN_OWNER = """Tern Bay app team - weekly meeting, 3 February 2025

Present: Nia Lloyd (nl4), Rhys Parry (rp9), Owen Tudor (ot2)

1. Release checklist

Write the release notes for version 2.1 and put them on the wiki.

ACTION: nl4

The beta testers liked the new map screen.

2. Testing

Move the device lab bookings to the shared calendar.

Action: rp9 / ot2
"""


def test_an_owner_line_under_an_action_label_gives_the_task_above_its_owners() -> None:
    from minutes_parser import parse_text

    minutes = parse_text(TASK_THEN_OWNER)
    by_text = {a.text: [o.written for o in a.owners] for a in minutes.actions}
    assert by_text == {
        "Write the release notes for version 2.1 and put them on the wiki.": ["nl4"],
        "Move the device lab bookings to the shared calendar.": ["rp9", "ot2"],
    }
    release = next(a for a in minutes.actions if a.text.startswith("Write"))
    assert "pattern:task then ACTION: OWNER" in release.cues
    assert release.provenance.paragraph == 0  # the task's own paragraph, not the owner line's
    # A paragraph that found an action of its own keeps it; the owner line is no second task.
    assert not any(a.text.startswith("ACTION") or a.text.startswith("Action") for a in minutes.actions)
    # The task's paragraph is an action paragraph, so provenance and paragraph kinds agree.
    task = next(i for i in minutes.items if i.title.startswith("Release")).paragraphs[0]
    assert task.kind.value == "action" and "pattern:task then ACTION: OWNER" in task.cues
