"""Misfires of the s16 action families on styles their examples did not show (all sentences
invented): a deadline or a non-event before a bare attendance; a third person the contrast's
pronoun may stand for; a department word naming a thing or an agenda item; residents and outside
officers doing something; an offer to serve or resign; "PC" that is a police constable; another
body's meeting, or one already held."""

from __future__ import annotations

import pytest

import helpers
from minutes_parser.extract.owners import PeopleIndex


def _dues(body: str) -> list[tuple[str, str | None]]:
    return helpers.action_dues(body, "Calderwick Parish Council")


@pytest.mark.parametrize(
    "body",
    [
        # the day before is a deadline, not an event to go to
        "The Clerk will send the draft round by 30 April. Cllr Moyes will attend.",
        "The closing date for comments is 2 May. Cllr Moyes agreed to attend.",
        # a date, but nothing to attend on it
        "Members approved the hire charges from 12 June. Cllr Moyes will attend.",
    ],
)
def test_a_bare_attendance_takes_no_deadline_or_eventless_day(body: str) -> None:
    dues = _dues(body)
    attendance = [due for text, due in dues if "attend" in text]
    assert attendance == [None]


def test_a_bare_attendance_still_takes_its_event_s_day() -> None:
    dues = _dues("The Calder Valley Forum is held on 21 May. Cllr Moyes will attend.")
    assert ("Cllr Moyes will attend.", "2025-05-21") in dues


@pytest.mark.parametrize(
    "text",
    [
        "The Clerk reported that the contractor had not come, however he would come next week.",
        "Cllr Moyes said that Mr Tait had not replied but he would write to the Council soon.",
        "The Clerk reported that the landowner was away, however she would reply on her return.",
    ],
)
def test_a_contrast_pronoun_that_may_be_the_person_reported_on_is_no_task(text: str) -> None:
    found = helpers.first_action(text)
    assert found is None or found.cue != "pattern:however they would VERB"


@pytest.mark.parametrize(
    "text",
    [
        "Facilities to remain closed over the Easter weekend.",  # the buildings, not a department
        "Procurement to follow the standing orders.",  # the process
        "Finance to remain a standing item on the agenda.",  # an agenda item
    ],
)
def test_a_department_word_that_names_no_doer_is_no_owner(text: str) -> None:
    found = helpers.first_action(text)
    assert found is None or found.cue != "pattern:OWNER to VERB"


@pytest.mark.parametrize(
    "text",
    [
        "The Director of Public Health is investigating the outbreak.",  # another body's officer
        "Dr Okafor is researching the history of the common.",  # a resident, not one the minutes list
        "Mrs Tait is pursuing the landlord about the damp.",
    ],
)
def test_an_outsider_s_work_under_way_is_no_action(text: str) -> None:
    assert helpers.first_action(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The Council accepted Mr Tait's offer to sell the paddock to the Council.",  # a resident's sale
        "The Council accepted Cllr Moyes's offer to act as Vice-Chair.",  # an appointment: a decision
        "Members accepted Cllr Moyes's offer to stand down from the committee.",  # a resignation
    ],
)
def test_an_offer_to_serve_or_from_an_outsider_is_no_task(text: str) -> None:
    found = helpers.first_action(text)
    assert found is None or found.cue != "pattern:accepted OWNER's offer to VERB"


def test_an_accepted_offer_of_a_councillor_s_help_is_still_a_task() -> None:
    found = helpers.first_action("The Council approved Councillor Moyes's offer to lend his trailer.")
    assert found is not None
    assert found.owners == ("Councillor Moyes",)


WITH_CONSTABLE = PeopleIndex.build(
    [], "Minutes of Calderwick Parish Council held on 9 April 2025.\nPresent: Cllr Moyes (Chair), PC Tait (police).\n"
)
WITHOUT_CONSTABLE = PeopleIndex.build([], "Minutes of Calderwick Parish Council held on 9 April 2025.\nPC meeting dates were set.\n")


@pytest.mark.parametrize(
    "text",
    [
        "The PC will write a report on the break-in.",
        "PC Tait said the PC would investigate the thefts.",
    ],
)
def test_pc_is_no_body_where_the_minutes_name_a_police_constable(text: str) -> None:
    found = helpers.first_action(text, WITH_CONSTABLE)
    assert found is None or found.cue != "pattern:the BODY INITIALS will VERB"


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Moyes proposed that the PC should buy its own gazebo; this was not agreed.",  # one member's idea
        "The county councillor advised the PC should write to the enforcement team.",  # an outsider's advice
    ],
)
def test_one_person_s_proposal_for_the_body_is_no_task_of_it(text: str) -> None:
    found = helpers.first_action(text, WITHOUT_CONSTABLE)
    assert found is None or found.cue != "pattern:the BODY INITIALS will VERB"


def test_pc_is_the_body_where_it_titles_nobody() -> None:
    found = helpers.first_action("The PC will write to the landowner about the hedge.", WITHOUT_CONSTABLE)
    assert found is not None
    assert found.owners == ("The PC",)


@pytest.mark.parametrize(
    "text",
    [
        "The County Council has arranged a meeting for parish clerks.",  # another body's event
        "Cllr Moyes has arranged a meeting with the police, held on 3 April, which was useful.",  # done
    ],
)
def test_another_body_s_or_a_past_meeting_is_no_arranged_task(text: str) -> None:
    found = helpers.first_action(text)
    assert found is None or found.cue != "pattern:OWNER has arranged to meet"
