"""Properties of ``parse_text`` over generated text (hypothesis).

* It never crashes: any string gives minutes or a typed :class:`MinutesParserError` with a
  reason; minutes-shaped text (anything with a word in it) always gives minutes.
* Its JSON always validates against the shipped schema.
* It is deterministic: the same input gives equal JSON.
* Doubling an input costs at most about 2.5 times the time (fixed generated inputs, best of
  three, so the figure is stable).
"""

from __future__ import annotations

import gc
import json
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from minutes_parser.core import parse_text
from minutes_parser.errors import MinutesParserError
from minutes_parser.export.json import minutes_to_dict, schema
from minutes_parser.model import Minutes

from .generate import minutes_text, text_of_size

VALIDATOR = Draft202012Validator(schema())
PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

# --- strategies ---------------------------------------------------------------------------------

_NAMES = st.sampled_from(
    ["Cllr A Smith", "Mrs Brown", "the Clerk", "JB", "Ann Reed", "Officers", "Ryan", "@maria"]
)
_VERBS = st.sampled_from(
    ["write to", "circulate", "contact", "report back on", "order", "review", "chase"]
)
_THINGS = st.sampled_from(
    ["the contractor", "the quote of £500", "the minutes", "the grant form", "item 5", "the budget"]
)
_DATES = st.sampled_from(
    [
        "31 July 2024",
        "Tuesday 9th July 2024",
        "2024-07-09",
        "9/7/24",
        "next meeting",
        "end of March",
        "1st",
        "July",
    ]
)
# Printable words: control characters are the business of the any-text properties above.
_WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=30
)


@st.composite
def _minutes_line(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 11))
    name, verb, thing, date = draw(_NAMES), draw(_VERBS), draw(_THINGS), draw(_DATES)
    number = draw(st.integers(1, 40))
    lines = [
        f"{number}. {draw(_WORDS).strip() or 'Apologies'}",
        f"## {thing.title()}",
        f"- {name} to {verb} {thing}",
        f"• {thing} was noted",
        f"RESOLVED: that {thing} be approved.",
        f"Action: {name} to {verb} {thing} by {date}.",
        f"Present: {name}, {draw(_NAMES)} and {draw(_NAMES)}",
        f"Minutes of the meeting held on {date} at 7.30pm",
        f"{name} will {verb} {thing}.",
        f"{number}/{draw(st.integers(10, 99))} {thing}\t{name}\t{date}",
        f"| {name} | {verb} {thing} | {date} |",
        draw(_WORDS),
    ]
    return lines[kind]


_MINUTES_LIKE = st.builds(
    lambda lines, separators: "".join(
        line + sep for line, sep in zip(lines, separators, strict=False)
    ),
    st.lists(_minutes_line(), min_size=1, max_size=25),
    st.lists(
        st.sampled_from(["\n", "\n\n", " ", "\r\n", "\n\n\n", "\t"]), min_size=25, max_size=25
    ),
)


def _parse_or_reason(text: str) -> Minutes | MinutesParserError:
    try:
        return parse_text(text)
    except MinutesParserError as exc:
        assert exc.reason and "\n" not in exc.reason
        return exc


def _valid_json(minutes: Minutes) -> dict[str, Any]:
    document = minutes_to_dict(minutes)
    VALIDATOR.validate(document)
    json.dumps(document, ensure_ascii=False)  # serialisable as it stands
    return document


# --- properties ---------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(st.text())
def test_any_text_gives_minutes_or_a_typed_reason(text: str) -> None:
    result = _parse_or_reason(text)
    if isinstance(result, Minutes):
        _valid_json(result)


@PROPERTY_SETTINGS
@given(
    st.text(
        alphabet=st.characters(min_codepoint=0, max_codepoint=0x3000, exclude_categories=["Cs"])
    )
)
def test_control_characters_and_odd_code_points_never_crash(text: str) -> None:
    result = _parse_or_reason("Minutes\n" + text)
    if isinstance(result, Minutes):
        _valid_json(result)


@PROPERTY_SETTINGS
@given(_MINUTES_LIKE)
def test_minutes_like_text_always_parses_to_valid_json(text: str) -> None:
    if not any(ch.isalnum() for ch in text):
        return
    minutes = parse_text(text)
    _valid_json(minutes)


@PROPERTY_SETTINGS
@given(_MINUTES_LIKE)
def test_parsing_is_deterministic(text: str) -> None:
    first, second = _parse_or_reason(text), _parse_or_reason(text)
    if isinstance(first, MinutesParserError):
        assert isinstance(second, MinutesParserError) and second.reason == first.reason
        return
    assert isinstance(second, Minutes)
    assert minutes_to_dict(first) == minutes_to_dict(second)


def test_a_lone_surrogate_is_a_typed_error_not_a_crash() -> None:
    with pytest.raises(MinutesParserError, match="lone surrogate"):
        parse_text("1. Apologies\n\ud800 Action: Clerk to write.")


# --- doubling ------------------------------------------------------------------------------------


def _timed(text: str) -> float:
    """One run with the garbage collector off while timing, as ``timeit`` does."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        parse_text(text)
        return time.perf_counter() - started
    finally:
        gc.enable()


def _best_times(single_text: str, double_text: str) -> tuple[float, float]:
    """Best of three for each, alternating so that load from elsewhere weighs on both alike."""
    single = double = float("inf")
    for _ in range(3):
        single = min(single, _timed(single_text))
        double = min(double, _timed(double_text))
    return single, double


@pytest.mark.parametrize(
    "make",
    [
        lambda: text_of_size(150_000, seed=1),
        lambda: minutes_text(items=400, seed=2),
        lambda: minutes_text(items=400, seed=3).replace("\n", " "),
    ],
    ids=["items", "minutes", "minutes_on_one_line"],
)
def test_doubling_an_input_at_most_about_doubles_the_time(make: Any) -> None:
    parse_text("warm up. Cllr A to write.")
    text: str = make()
    doubled = text + "\n\n" + text
    single, double = _best_times(text, doubled)
    if double / single >= 2.5:  # a busy machine can spoil three rounds; a real blow-up survives six
        more_single, more_double = _best_times(text, doubled)
        single, double = min(single, more_single), min(double, more_double)
    assert double / single < 2.5, f"{single:.3f}s -> {double:.3f}s"
