"""The rule lists' pre-check machinery (classify/base.py): which rules a clause's words, patterns
and context let run. It is a speed device, so it must decide exactly as one test per need would:
these tests compare it with that plain reading on made-up strings and rules."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_parser import classify as c
from minutes_parser.classify.base import _WordScanner, trie
from minutes_parser.extract.owners import PeopleIndex

PEOPLE = PeopleIndex.build([], "")

# A small alphabet, so that needs overlap, nest and repeat inside the texts.
_PIECE = st.text(alphabet="abe- (", min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=12, unique=True), st.text(alphabet="abe- (x", max_size=40))
def test_scanner_finds_exactly_the_words_that_occur(words: list[str], text: str) -> None:
    scanner = _WordScanner()
    scanner.add(frozenset(words))
    assert scanner.found_in(text) == {w for w in words if w in text}


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=12, unique=True), st.text(alphabet="abe- (x", max_size=40))
def test_scanner_reports_the_longest_word_at_each_place(words: list[str], text: str) -> None:
    # the plain form the scanner's skipping search replaced: the trie tried at every place
    scanner = _WordScanner()
    scanner.add(frozenset(words))
    every_place = re.compile(f"(?=({trie(words)}))")
    assert scanner.matches_in(text) == frozenset(every_place.findall(text))


def test_scanner_sees_overlapping_and_nested_words() -> None:
    scanner = _WordScanner()
    scanner.add(frozenset(["agree", "agreed", "greed", "reed", "task", "ask", "that"]))
    assert scanner.found_in("the panel agreed a task") == {"agree", "agreed", "greed", "reed", "task", "ask"}
    assert scanner.matches_in("agreed") == {"agreed", "greed", "reed"}  # words starting inside a longer one
    assert scanner.found_in("nothing here") == frozenset()
    scanner.add(frozenset(["here"]))  # a later rule list's words are found too
    assert scanner.found_in("nothing here") == {"here"}


def test_trie_pattern_prefers_the_longest_word() -> None:
    pattern = re.compile(trie(["agree", "agreed", "agreement", "ask"]))
    assert pattern.match("agreement").group(0) == "agreement"  # type: ignore[union-attr]
    assert pattern.match("agreed").group(0) == "agreed"  # type: ignore[union-attr]
    assert pattern.match("agrees").group(0) == "agree"  # type: ignore[union-attr]
    assert pattern.match("asked").group(0) == "ask"  # type: ignore[union-attr]


def _plain_first(rules: c.RuleSet, clause: c.Clause) -> c.Finding | None:
    """The rule list read one need at a time, as its docstring describes it."""
    lowered = clause.text.lower()
    for cue, rule in rules.rules:
        needs = rules.needs[cue]
        met = clause.label is not None or any(
            (need in lowered) if isinstance(need, str)
            else (need.search(lowered) is not None) if isinstance(need, re.Pattern)
            else need(clause)
            for need in needs
        )
        if met:
            found = rule(clause)
            if found is not None:
                return found
    return None


def _toy_rules() -> c.RuleSet:
    rules = c.RuleSet()

    def fires_on(word: str, cue: str) -> c.Rule:
        return lambda clause: c.Finding(cue) if word in clause.text.lower() else None

    rules.add("ask", needs=("ask",))(fires_on("ask", "ask"))
    rules.add("task or dash", needs=("task", re.compile(r"\s-\s")))(fires_on("task", "task or dash"))
    rules.add("dash", needs=(re.compile(r"\s-\s"),))(fires_on(" - ", "dash"))
    rules.add("speaker", needs=(lambda clause: clause.speaker is not None,))(
        lambda clause: c.Finding("speaker") if clause.speaker and "b" in clause.text else None
    )
    rules.add("labelled only", needs=())(lambda clause: c.Finding("labelled only") if clause.label else None)
    rules.add("be", needs=("be", "ask"))(fires_on("be", "be"))
    return rules


# A clause of the toy rules' letters, with or without a label and a speaker.
_toy_clauses = given(
    st.text(alphabet="abektsx -", max_size=30),
    st.sampled_from([None, "Action"]),
    st.sampled_from([None, "Bo"]),
)


@settings(max_examples=300, deadline=None)
@_toy_clauses
def test_rule_list_runs_the_rules_a_plain_reading_would(text: str, label: str | None, speaker: str | None) -> None:
    rules = _toy_rules()
    probe = c.Clause(text, label, PEOPLE, None, None, speaker)
    assert rules.first(probe) == _plain_first(rules, probe)
    with rules.checking():  # the toy rules keep their declarations
        assert rules.first(c.Clause(text, label, PEOPLE, None, None, speaker)) == _plain_first(rules, probe)


def _needs_met(rules: c.RuleSet, cue: str, clause: c.Clause) -> bool:
    lowered = clause.text.lower()
    return clause.label is not None or any(
        (need in lowered) if isinstance(need, str)
        else (need.search(lowered) is not None) if isinstance(need, re.Pattern)
        else need(clause)
        for need in rules.needs[cue]
    )


@settings(max_examples=300, deadline=None)
@_toy_clauses
def test_one_rule_runs_where_its_needs_are_met(text: str, label: str | None, speaker: str | None) -> None:
    rules = _toy_rules()
    probe = c.Clause(text, label, PEOPLE, None, None, speaker)
    for cue, rule in rules.rules:
        assert rules.run(rule, probe) == (rule(probe) if _needs_met(rules, cue, probe) else None)


def test_one_rule_run_is_checked_against_its_declaration() -> None:
    rules = c.RuleSet()

    def careless(clause: c.Clause) -> c.Finding | None:
        return c.Finding("bee") if "bee" in clause.text else None

    rules.add("bee", needs=("ask",))(careless)
    probe = c.Clause("a bee", None, PEOPLE)
    assert rules.run(careless, probe) is None  # skipped: the clause lacks "ask"
    with rules.checking(), pytest.raises(c.NeedsError, match="bee"):
        rules.run(careless, probe)
