"""The segmenter's cheap forms of costly checks give the verdicts of the checks they replace."""

from __future__ import annotations

import pytest

from minutes_parser.segment.rules import (
    _PACK_AGENDA,
    _PACK_MINUTES_CUE,
    _agenda_cue,
    _minutes_cue,
    is_title_like,
)

# Lines of a fictional agenda pack and of its minutes, and lines that only mention the words.
PACK_LINES = [
    "AGENDA",
    "  - Agenda for the meeting of Brackenford Parish Council",
    "Agenda item 4 was deferred.",
    "Members are hereby summoned to attend the meeting of the Council.",
    "Notice is hereby given that the Annual Meeting will be held on Monday.",
    "NOTICE IS GIVEN of the following business",
    "To transact the following business:",
    "The agenda was circulated late; a notice went up on the board.",
    "Present: Cllrs Amble, Birch and Corran",
    "In attendance: the Clerk",
    "Attendees - Jo Pike, Ravi Shah",
    "Apologies were received from Cllr Dunmore.",
    "RESOLVED that the accounts be approved.",
    "It was resolved to buy a new bench.",
    "It   was agreed that the Clerk would write.",
    "The members agreed on a date; nothing was resolved-ish.",
    "Those present agreed to meet again.",
    "Itwas agreed by nobody; unresolved items remain",
    "Résumé: it was agreed (naïvely) to wait.",
    "Les membres présents — RÉSOLU",
    "",
]


@pytest.mark.parametrize("text", PACK_LINES)
def test_pack_cues_agree_with_their_patterns(text: str) -> None:
    assert _agenda_cue(text) == (_PACK_AGENDA.search(text) is not None)
    assert _minutes_cue(text) == (_PACK_MINUTES_CUE.search(text) is not None)


def test_pack_cues_find_what_they_should() -> None:
    assert _agenda_cue("Notice is hereby given that the Annual Meeting will be held on Monday.")
    assert not _agenda_cue("The agenda was circulated late; a notice went up on the board.")
    assert _minutes_cue("It   was agreed that the Clerk would write.")
    assert not _minutes_cue("Those present agreed to meet again.")


@pytest.mark.parametrize(
    ("text", "title_like"),
    [
        ("Planning Applications", True),
        ("Report of the Tree Warden", True),
        ("Grants to Local Groups and Clubs 2024", True),
        ("the hall roof needs mending", False),
        ("Hall roof needs mending soon", False),  # 2 of 5 capitalised: under 60%
        ("VILLAGE HALL ROOF, GUTTERS AND DRAINS", True),
        ("Noted.", False),
        ("", False),
    ],
)
def test_is_title_like(text: str, title_like: bool) -> None:
    assert is_title_like(text) is title_like
