"""Action families of minutes from councils of every kind (all sentences invented): a bare
attendance dated by the sentence before it; what the one reporting will still do after "however";
a department or another body named bare, and what others are doing, are no tasks;
a member's offer the meeting took up ("accepted the Chair's offer to ...");
the meeting's own body by its initials ("the PC will write ...");
a meeting someone has arranged ("RW has arranged to meet ...");
names written with a typographic apostrophe ("O’Dwyer"); staying in or leaving the room, done at the
meeting itself."""

from __future__ import annotations

import pytest

import helpers
from minutes_parser.extract.owners import PeopleIndex


def _dues(body: str) -> list[tuple[str, str | None]]:
    return helpers.action_dues(body, "Brindle Moss Parish Council")


@pytest.mark.parametrize(
    ("body", "due"),
    [
        ("The Moorside Area Forum will be held on 14th May. KL agreed to attend.", "2025-05-14"),
        ("A liaison meeting with the quarry is set for 10:00 on 3rd June 2025. Cllr Pike will attend if free.", "2025-06-03"),
        ("The District Council is holding a briefing for parish councils on 20 May. Cllr Ashworth hopes to attend.", "2025-05-20"),
    ],
)
def test_a_bare_attendance_takes_the_day_of_the_event_before_it(body: str, due: str) -> None:
    dues = _dues(body)
    assert len(dues) == 1
    assert dues[0][1] == due


@pytest.mark.parametrize(
    "body",
    [
        # the task names its own event: the day before it is another matter
        "The spring fete was held on 12th March. Cllr Pike will attend the next fete.",
        # two days before it: which one is meant is not said
        "The forum meets on 14th May and again on 11th June. KL agreed to attend.",
        # not an attendance at all
        "The Moorside Area Forum will be held on 14th May. KL agreed to circulate the agenda.",
    ],
)
def test_no_event_day_without_a_bare_attendance_of_one_event(body: str) -> None:
    assert all(due is None for _, due in _dues(body))


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("RW said the quote for the hedge had not come yet, however he would chase it on Monday.", "RW"),
        ("The Clerk reported that the invoice had not come, however she would chase the supplier this week.", "The Clerk"),
        ("The Treasurer said the bank had not replied but she would write to them again.", "The Treasurer"),
    ],
)
def test_what_the_reporter_will_still_do_after_a_contrast_is_a_task(text: str, owner: str) -> None:
    found = helpers.first_action(text)
    assert found is not None
    assert found.owners == (owner,)


@pytest.mark.parametrize(
    "text",
    [
        # the pronoun is someone else: another body's word, a plural after one person, a wish
        "The Clerk advised that the Association had confirmed that no officer was needed, however they would help if asked.",
        "The Clerk reported that the contractors were late, however they would finish by June.",
        "RW said the path was muddy but he would like to see it resurfaced.",
    ],
)
def test_a_contrast_that_is_not_the_reporter_s_task_is_no_action(text: str) -> None:
    assert helpers.first_action(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Legal to be consulted on the lease.",  # a passive: nobody is named to act
        "Highways to resurface the lane in May.",  # another authority's works, not the council's department
        "It to circulate the agenda.",  # "It" is no department (IT is)
    ],
)
def test_no_department_owner_without_a_department_doing_something(text: str) -> None:
    assert helpers.first_action(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # another body's or a third party's work, or a relative clause about someone
        "Highways are investigating the collapsed drain.",
        "The Clerk reported that Fenmoor Water is investigating the smell.",
        "Cllr Pike met Cllr Hay who is investigating why the work stopped.",
        "The owners are liaising with the planners.",
    ],
)
def test_what_others_are_doing_is_no_action(text: str) -> None:
    assert helpers.first_action(text) is None


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("The Council accepted the Chair's offer to draft a reply to the consultation.", ("the Chair",)),
        ("Members welcomed KL's kind offer to repaint the noticeboard.", ("KL",)),
        ("The Parish Council accepted Cllr Ann Pike offer to collect bulbs from the nursery.", ("Cllr Ann Pike",)),
    ],
)
def test_an_accepted_offer_is_its_maker_s_task(text: str, owners: tuple[str, ...]) -> None:
    found = helpers.first_action(text)
    assert found is not None
    assert found.owners == owners


@pytest.mark.parametrize(
    "text",
    [
        "Members accepted Harwood Builders' offer to resurface the car park.",  # a firm's quotation
        "The Chairman thanked Mr Hall for his offer to sponsor the sign.",  # thanks, not taken up
        "Members accepted Harwood Builders offer to resurface the car park.",
    ],
)
def test_an_offer_not_taken_up_from_a_member_is_no_action(text: str) -> None:
    assert helpers.first_action(text) is None


BRINDLE = PeopleIndex.build([], "Minutes of Brindle Moss Parish Council held on 9 April 2025.")


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("The PC will write to the landowner about the hedge.", "The PC"),
        ("It was agreed that the BMPC would make an application to the village fund.", "the BMPC"),
        ("Members agreed that the PC should invite the tree officer to walk the green.", "the PC"),
    ],
)
def test_the_meeting_s_own_body_by_its_initials_owns_a_task(text: str, owner: str) -> None:
    found = helpers.first_action(text, BRINDLE)
    assert found is not None
    assert found.owners == (owner,)


@pytest.mark.parametrize(
    "text",
    [
        "It was agreed that the PC would support the application.",  # a stance: a decision
        "It was agreed the PC would meet the cost of the repairs.",  # spending: a decision
        "The resident asked if the PC would write to the bus company.",  # a question put to it
        "It was agreed that the FDC would write to the landowner.",  # another body's initials
    ],
)
def test_the_body_s_stance_or_another_body_is_no_such_task(text: str) -> None:
    found = helpers.first_action(text, BRINDLE)
    assert found is None or found.cue != "pattern:the BODY INITIALS will VERB"


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("RW has arranged to meet the area engineer about the flooding.", ("RW",)),
        ("Cllr Hale has arranged a site visit with the agent.", ("Cllr Hale",)),
    ],
)
def test_a_meeting_someone_has_arranged_is_their_task(text: str, owners: tuple[str, ...]) -> None:
    found = helpers.first_action(text)
    assert found is not None
    assert found.cue == "pattern:OWNER has arranged to meet"
    assert found.owners == owners


def test_arranging_for_someone_else_is_not_arranging_to_meet() -> None:
    found = helpers.first_action("Cllr Hale has arranged for the contractor to cut the hedge.")
    assert found is None or found.cue != "pattern:OWNER has arranged to meet"


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("Cllr O’Dwyer will write to the school about parking.", ("Cllr O’Dwyer",)),
        ("Cllrs O’Hare and Pike to attend the liaison meeting.", ("Cllrs O’Hare", "Pike")),
    ],
)
def test_a_name_with_a_typographic_apostrophe_is_an_owner(text: str, owners: tuple[str, ...]) -> None:
    found = helpers.first_action(text)
    assert found is not None
    assert found.owners == owners


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Dunn declared an interest but said that she would remain in the room and take part in the debate.",
        "Cllr Dunn said he would leave the meeting for item 9.",
    ],
)
def test_staying_or_leaving_the_meeting_itself_is_no_task(text: str) -> None:
    assert helpers.first_action(text) is None
