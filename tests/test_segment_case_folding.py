"""lower_is_case_blind: lower() and re.I part ways on three characters only, checked over all of
Unicode, so the segmenter's patterns without re.I on lower-cased text give the re.I verdicts."""

from __future__ import annotations

import re
import string

import pytest

from minutes_parser.casefold import UNFOLDED, lower_is_case_blind
from minutes_parser.segment import heading_model
from minutes_parser.segment.rules import (
    _PACK_AGENDA,
    _PACK_MINUTES_CUE,
    _agenda_cue,
    _minutes_cue,
)

_EXCEPTIONS = set(UNFOLDED)  # dotted capital I, dotless i, long s


def _kinds(text: str) -> str:
    """Each character of ``text`` as "w" (a word character), "s" (a space) or "o" (any other)."""
    return re.sub(r"[^\w\s]", "o", re.sub(r"\s", "s", re.sub(r"\w", "w", text)))


def test_lower_and_re_i_part_ways_on_three_characters_only() -> None:
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    lowered = [char.lower() for char in every]
    parting = {char for char, low in zip(every, lowered, strict=True) if len(low) != 1}
    one_to_one = "".join(low if len(low) == 1 else "\x00" for low in lowered)
    kinds, lowered_kinds = _kinds(every), _kinds(one_to_one)
    parting |= {char for char, kind, low in zip(every, kinds, lowered_kinds, strict=True) if kind != low}
    lowers_to: dict[str, set[int]] = {letter: set() for letter in string.ascii_lowercase}
    for index, low in enumerate(one_to_one):
        if low in lowers_to:
            lowers_to[low].add(index)
    any_letter = set().union(*lowers_to.values())
    for pattern, expected in [*lowers_to.items(), ("[a-z]", any_letter)]:
        taken = {found.start() for found in re.finditer(pattern, every, re.I)}
        parting |= {every[index] for index in taken ^ expected}
    assert parting == _EXCEPTIONS


@pytest.mark.parametrize("char", sorted(_EXCEPTIONS))
def test_text_with_an_exception_is_not_case_blind(char: str) -> None:
    assert not lower_is_case_blind(f"Minutes of the Hall Committee {char}")
    assert lower_is_case_blind("Minutes of the Hall Committee – ÉTÉ, Kelvin \u212a, straße")


# Lines where re.I finds a word lower() does not give back: the cues must take the re.I pattern.
@pytest.mark.parametrize(
    "text",
    [
        "RE\u017fOLVED that the fence be mended.",
        "\u0130t was agreed that the Clerk would write.",
        "It was agreed, \u0131tem by \u0131tem.",
        "Notice \u0131s hereby given of the meeting.",
        "Members are hereby \u017fummoned to attend.",
        "\u00a0\u00a0Apologies: Cllr Wren – unwell",
        "Présent: Cllrs Dalby and Fenwick",
        "It\u00a0was\u00a0agreed to buy a bench.",
    ],
)
def test_pack_cues_agree_with_their_patterns_beyond_ascii(text: str) -> None:
    assert _agenda_cue(text) == (_PACK_AGENDA.search(text) is not None)
    assert _minutes_cue(text) == (_PACK_MINUTES_CUE.search(text) is not None)


@pytest.mark.parametrize(
    "title",
    [
        "Hall Lettings – Fees Were Set",
        "Meeting on 4 Marc\u0127 2025",
        "Grant \u017fAID to the Club",
        "Clo\u017fing at 9.30 pm",
        "\u0130S Noted",
        "Café Licence",
        # the date patterns' three forms, at a word's start and inside one
        "Meeting of 14th March",
        "Room B12 March Rota",
        "Visit on 3 Sept",
        "Opens 10:15am",
        "Opens 10:15am.",
        "Code x10:15",
        "Review 2024-06-30",
        "Ref 12024-06-30",
        "Ref A2024-06-30",
        "Ref 2024-06-301",
        "7 may",
        "Plot 123 May Lane",
    ],
)
def test_title_verbs_and_dates_agree_with_the_case_blind_patterns(title: str) -> None:
    features: dict[str, float] = {}
    heading_model._title_shape_features(features, title, heading_model._WORD.findall(title), 3)
    assert ("finite-verb" in features) == (heading_model._FINITE.search(title) is not None)
    assert ("date-or-time" in features) == (heading_model._DATE_OR_TIME.search(title) is not None)
