"""Faster forms of the extraction's document-wide scans find exactly what their plain forms find:
each is compared with the plain pattern over generated fictional text, including the edge cases
the fast form relies on (the text's first line, a newline ending one match and leading the next,
an acronym at the text's start or inside a longer word)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_parser.extract import owners

_SPEAKER_PIECES = st.lists(
    st.sampled_from(["\n", " ", "* ", "• ", "-", "Wren:", "Ada Holt:", "Bo", "x", ":", ": ", ":\n", "said", "é", "O’Dell: ", "Wren:\n", "Bo:\t"]),
    max_size=20,
)


@given(_SPEAKER_PIECES)
@settings(max_examples=400, deadline=None)
def test_speaker_names_match_the_line_start_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert owners._speaker_names(text) == owners._SPEAKER_NAME.findall(text)


def _plain_titled_acronyms(acronyms: set[str], sample: str, lower_words: set[str]) -> set[str]:
    found: set[str] = set()
    for acronym in acronyms:
        for m in re.finditer(r"(?<![\w'’])" + acronym + r"[ \t]+(?:[A-Z]\.?[ \t]+)?([A-Z][a-z]+)\b", sample):
            word = m.group(1).lower()
            if word not in lower_words and word not in owners._MONTHS_AND_DAYS and word not in owners.ROLE_NOUNS:
                found.add(acronym)
                break
    return found


_ACRONYM_PIECES = st.lists(
    st.sampled_from(["PC", "TPC", "CC", "xPC", "’", "'", " ", "\t", "\n", "J. ", "Hale", "Minutes", "May", "Clerk", "é", "PC Hale", "PC J Hale", "CC\tMay"]),
    max_size=12,
)


@given(_ACRONYM_PIECES, st.sets(st.sampled_from(["hale", "minutes"])))
@settings(max_examples=400, deadline=None)
def test_titled_acronyms_match_the_lookbehind_scan(pieces: list[str], lower_words: set[str]) -> None:
    text = "".join(pieces)
    acronyms = {"PC", "TPC", "CC"}
    assert owners._titled_acronyms(acronyms, text, lower_words) == _plain_titled_acronyms(acronyms, text, lower_words)


def test_titled_acronym_edges() -> None:
    assert owners._titled_acronyms({"PC"}, "PC Hale reported", set()) == {"PC"}  # at the text's start
    assert owners._titled_acronyms({"PC"}, "TPC Hale reported", set()) == set()  # inside a longer acronym
    assert owners._titled_acronyms({"PC"}, "the ’PC Hale’ note", set()) == set()  # after a quote mark
    assert owners._titled_acronyms({"PC"}, "PC Hale reported", {"hale"}) == set()  # a word written in lower case


_DATE_PIECES = st.lists(
    st.sampled_from(
        [" ", "\n", "3", "q", "Q2", "May", "MAR", "mayor", "Spring", "SUMMER", "ſpring", "wınter", "WİNTER", "fall", "Next", "nEXT",
         "end of", "CLOSE OF", "the financial year", "within", "two", "Weeks", "fortnıght", "days", "xmas", "Tomorrow", "ſep",
         "Clerk to write", "the report", "é", "İ"]
    ),
    max_size=12,
)


@given(_DATE_PIECES)
@settings(max_examples=400, deadline=None)
def test_date_guards_pass_every_text_their_patterns_match(pieces: list[str]) -> None:
    from minutes_parser.extract import _date_patterns as p
    from minutes_parser.extract import dates

    text = "".join(pieces)
    assert dates._may_hold_a_date(text) == (dates._MAY_HOLD_A_DATE.search(text) is not None)
    guarded = {p._SEASON: tuple(dates._SEASONS), p._DURATION: dates._DURATION_UNITS, p._NEXT_MEETING: ("next",), p._FINANCIAL_YEAR: ("end", "close")}
    for pattern, words in guarded.items():
        if pattern.search(text):
            assert dates._may_mention(text, words), (pattern.pattern[:40], text)


def test_date_guards_on_letters_lower_case_keeps() -> None:
    from minutes_parser.extract import dates

    assert dates._may_hold_a_date("by ſeptember") and not dates._may_hold_a_date("Clerk to write")
    assert dates._may_mention("the wınter", ("winter",)) and not dates._may_mention("the report", ("winter",))


_MARK_PIECES = st.lists(st.sampled_from(["a", "Action", "ACTION", "Actions", ".", "!", "?", ")", "]", '"', "'", "’", "”", "•", "·", "●", "▪", " ", "\n", "ACTIONAction"]), max_size=15)


@given(_MARK_PIECES)
@settings(max_examples=300, deadline=None)
def test_sentence_mark_scans_find_the_marks_of_one_alternation(pieces: list[str]) -> None:
    from minutes_parser import nlp

    text = "".join(pieces)
    plain = re.compile(f"[.!?{re.escape(''.join(sorted(nlp._CLOSERS | nlp._BULLETS)))}]|Action|ACTION")
    scans = sorted(m.start() for pattern in (nlp._MARK_CHARACTERS, nlp._MARK_LABELS) for m in pattern.finditer(text))
    assert scans == [m.start() for m in plain.finditer(text)]
