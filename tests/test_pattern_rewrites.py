"""Patterns and checks the classifier rewrote for speed: each must decide exactly as the plain form
it replaced (kept here as the reference), on made-up strings from small alphabets where the
awkward cases (white space of every kind, nested and overlapping words, non-ASCII letters) are
common."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_parser.classify import actions, base, decisions, paragraphs
from minutes_parser.extract.owners import PeopleIndex

# --- Caseless: a re.I pattern searched in lower-cased ASCII text ---------------------------------

_CASELESS_PATTERNS = [r"\bvote[sd]?\b", r"(?:^|[.;]\s+)consensus\b", r"\b(?:asked|ask)\s+(\w+)\s+to\s+([a-z]+)\b", r"k\w*"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_CASELESS_PATTERNS), st.text(alphabet="aAsSkKdDvVoOtTeE .;\u212aé", max_size=30))
def test_caseless_finds_what_re_i_finds(pattern: str, text: str) -> None:
    caseless, plain = base.Caseless(pattern), re.compile(pattern, re.I)
    assert [(m.span(), m.regs) for m in caseless.finditer(text)] == [(m.span(), m.regs) for m in plain.finditer(text)]
    found, expected = caseless.search(text), plain.search(text)
    assert (found and found.span()) == (expected and expected.span())
    at, expected_at = caseless.match(text, 1), plain.match(text, 1)
    assert (at and at.span()) == (expected_at and expected_at.span())


def test_caseless_reads_non_ascii_text_with_re_i() -> None:
    # the Kelvin sign matches "k" under re.I; lower-cased it is not "k", so such text is searched as written
    assert base.Caseless(r"\bkelvin\b").search("\u212aelvin scale") is not None
    assert base.Caseless(r"\bvote\b").search("VOTE taken") is not None


def test_caseless_pattern_must_be_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        base.Caseless(r"\bVote\b")
    base.Caseless(r"\S+\s\W")  # upper-case escapes are classes, not letters


# --- the cue trie of "OWNER agreed to VERB" --------------------------------------------------------

_PLAIN_COMMIT = re.compile(
    base.SPACE_RUN + base.led_by(("has", "have", "had", *actions._COMMIT_CUES)) + r"(?:has\s+|have\s+|had\s+)?("
    + "|".join(actions._COMMIT_CUES) + r")\s+to\s+([A-Za-z]+)\b"
)
_COMMIT_WORDS = ["is", "are", "going", "to", "need", "needs", "has", "have", "had", "been", "asked", "was", "agreed", "agrees",
                 "due", "stated", "his", "intention", "plans", "Ana", "write", "be"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_COMMIT_WORDS), max_size=9), st.sampled_from([" ", "  ", "\n"]))
def test_commit_trie_matches_the_cues_in_order(words: list[str], space: str) -> None:
    text = "Ana " + space.join(words)
    assert [(m.span(), m.groups()) for m in actions._COMMIT.finditer(text)] == [(m.span(), m.groups()) for m in _PLAIN_COMMIT.finditer(text)]


def test_commit_trie_keeps_the_longer_cue() -> None:
    m = actions._COMMIT.search("Ana is going to write")
    assert m is not None and m.groups() == ("is going", "write")
    m = actions._COMMIT.search("Ana needs to write")
    assert m is not None and m.groups() == ("needs", "write")


# --- checks put before a pattern -------------------------------------------------------------------

_LINE = st.text(alphabet="Ab c(?)-:.\u2019'_\n\xa0\u2003–", max_size=16)


@settings(max_examples=400, deadline=None)
@given(_LINE)
def test_owner_only_line_is_the_owner_only_pattern(body: str) -> None:
    found, expected = paragraphs._owner_only_line(body), paragraphs._OWNER_ONLY.match(body)
    assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=400, deadline=None)
@given(_LINE)
def test_topic_end_check_is_the_pattern(raw: str) -> None:
    assert raw.rstrip().endswith(base._TOPIC_ENDS) == (re.search(r"[-–—:]\s*$", raw) is not None)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="a -–—\n\t", max_size=12), st.integers(min_value=0, max_value=12))
def test_dash_led_search_finds_a_topic_dash(text: str, end: int) -> None:
    assert (actions._DASH.search(text, 0, end) is None) == (not list(actions._TOPIC_DASH.finditer(text, 0, end)))


def _plain_vote_only(text: str) -> bool:
    words = re.findall(r"[A-Za-z][a-z'’\-]*", text)
    return not [w for w in words if not w[:1].isupper() and w.lower() not in paragraphs._VOTE_WORDS]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Proposed", "Cllr", "Ames", "seconded", "by", "all", "in", "favour", "the", "bins", "were", "emptied", ",", "."]), max_size=10))
def test_vote_only_stops_at_the_first_content_word(words: list[str]) -> None:
    text = " ".join(words)
    assert paragraphs._vote_only(text) == _plain_vote_only(text)


_PLAIN_CLAUSE_BREAK = re.compile(r"[,;]\s+(?=\S)|" + base.SPACE_RUN + r"and\s+(?=[A-Z])")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="a,; \n\xa0andAB", max_size=24))
def test_clause_break_led_by_a_class_is_the_plain_pattern(sentence: str) -> None:
    assert [m.span() for m in paragraphs._CLAUSE_BREAK.finditer(sentence)] == [m.span() for m in _PLAIN_CLAUSE_BREAK.finditer(sentence)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="a,; \nandAB", max_size=24), st.integers(min_value=0, max_value=24))
def test_clause_breaks_before_a_cut_are_whole(sentence: str, cut: int) -> None:
    # _clauses ends the search for breaks after the last cue: the breaks it needs are found as they are
    needed = [m.span() for m in paragraphs._CLAUSE_BREAK.finditer(sentence) if m.end() < cut]
    assert [m.span() for m in paragraphs._CLAUSE_BREAK.finditer(sentence, 0, cut) if m.end() < cut] == needed


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a,; \nndAB", max_size=24))
def test_a_clause_break_holds_a_comma_semicolon_or_and(sentence: str) -> None:
    # _clauses returns a sentence without these literals whole, without searching it
    if "," not in sentence and ";" not in sentence and "and" not in sentence:
        assert paragraphs._CLAUSE_BREAK.search(sentence) is None


# --- "recorded outcome": the form tried only where a hint of its first word is found ----------------

_RECORDED_PIECES = ["NOTED", "Noted", "NO", "OBJECTION", "APPROVED", "Approved", "approved", "-", "(", ")", "motion", "Y-2",
                    "N-1", ";", "PLACED", "ON", "FILE", "DEFEATED", "UN", "x", ".", " ", "  ", "\n"]


_PEOPLE = PeopleIndex.build([], "")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_RECORDED_PIECES), max_size=12))
def test_recorded_outcome_tries_the_form_at_hints_only(pieces: list[str]) -> None:
    text = "".join(pieces)
    first = decisions._RECORDED_HINT.search(text)
    plain = first is not None and decisions._RECORDED.search(text, first.start()) is not None
    assert (decisions.recorded_outcome(base.Clause(text, None, _PEOPLE)) is not None) == plain


# --- "RESOLVED that OWNER VERB": the search for its forms ends after the last "that" ---------------

_THAT_PIECES = ["that", "That", "THAT", "thatch", "agreed", "AGREED", "was ", "suggested", "resolved", "and", ",", ";", ":",
                "\"", " ", "  ", "\n", "\u00a0", "x", "Ana"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_THAT_PIECES), max_size=14))
def test_that_forms_end_by_the_last_that(pieces: list[str]) -> None:
    text = "".join(pieces)
    bounded = actions._THAT_CLAUSE.finditer(text, 0, actions._end_of_that_forms(text))
    assert [m.span() for m in bounded] == [m.span() for m in actions._THAT_CLAUSE.finditer(text)]
