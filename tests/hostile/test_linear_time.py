"""The whole pipeline runs in time linear in its input, on adversarial single lines too.

Each input is parsed at 200 KB and at 400 KB (best of three, so a busy machine does not make a
slow run look like a blow-up); doubling the input must cost less than 2.5 times the time. A
regular expression that backtracks catastrophically, or a loop that rescans the rest of a line
for every match, shows as a ratio of 4 or more here (it did: see docs/limits.md).
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable

import pytest

from minutes_parser.core import parse_text
from minutes_parser.errors import MinutesParserError

from .generate import single_line_of_size, text_of_size

# About two minutes of parsing large inputs: CI runs it (`pytest -m slow`), the README command does not.
pytestmark = pytest.mark.slow

SMALL = 200_000
RATIO_LIMIT = 2.5

# Units repeated into one huge line: what real broken files hold (a lost line-end, a table
# border, a dotted leader) and what defeats a careless pattern (runs of whitespace before a
# word, nested-looking punctuation, names that look like owners, dates that look like dates).
ADVERSARIAL_UNITS = {
    "a_space": "a ",
    "dots": ".",
    "spaced_dots": ". ",  # a dotted leader as some word processors print it
    "ellipses": "…",
    "open_parens": "(",
    "capitalised_words": "Parish Council Meeting Held ",
    "double_stars": "**",
    "open_brackets": "[",
    "less_than": "<",
    "word_and_tabs": "x" + "\t" * 50,
    "word_and_spaces": "Cllr Smith" + " " * 400 + "will ",
    "slashed_digits": "1/",
    "cllr_cllr": "Cllr ",
    "that_that": "that ",
    "commas": ", ",
    "action_labels": "Action: ",
    "resolved": "RESOLVED ",
    "dates": "1 July 2024 ",
    "dashes": "- ",
    "numbered_lines": "\n1. ",
    "pipes": "| ",
    "owner_to_verb": "Cllr Smith to ",
    "initials": "AB/",
    "bullets": " • ",
}


# Markdown files: raw HTML after a Markdown start is searched for comments and tables.
MARKDOWN_UNITS = {
    "unclosed_comments": "<!-- ",
    "unclosed_tables": "<table><tr><td>",
    "unclosed_rows": "<table><tr><td>x</td></tr>",
    "pipe_rows": "| a | b |\n",
}
MARKDOWN_START = "# Minutes of the Board\n\n1. Apologies\n\n"


def _timed(text: str, name: str) -> float:
    """One run with the garbage collector off (as ``timeit`` does): its full collections scale
    with everything alive in the test process and would blur the algorithm's own growth."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        # Refusing is an outcome too; what is timed is that it comes back.
        with contextlib.suppress(MinutesParserError):
            parse_text(text, name=name)
        return time.perf_counter() - started
    finally:
        gc.enable()


def _best_times(
    small_text: str, large_text: str, name: str, rounds: int = 3
) -> tuple[float, float]:
    """Best of ``rounds`` for each size, the two sizes alternating so that load from elsewhere
    on the machine weighs on both alike."""
    small = large = float("inf")
    for _ in range(rounds):
        small = min(small, _timed(small_text, name))
        large = min(large, _timed(large_text, name))
    return small, large


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.fixture(scope="module", autouse=True)
def _warm_pipeline() -> None:
    parse_text("Minutes.\n\n1. Apologies\nCllr A Smith to write to the clerk by 1 July 2024.\n")


def _assert_linear(make: Callable[[int], str], name: str = "adversarial.txt") -> None:
    small_text, large_text = make(SMALL), make(2 * SMALL)
    small, large = _best_times(small_text, large_text, name)
    if large / max(small, 1e-3) >= RATIO_LIMIT:
        # A busy machine can spoil three rounds; a real blow-up (x4 and more) survives six.
        more_small, more_large = _best_times(small_text, large_text, name)
        small, large = min(small, more_small), min(large, more_large)
    ratio = large / max(small, 1e-3)
    assert ratio < RATIO_LIMIT, f"{small:.3f}s -> {large:.3f}s for twice the input (x{ratio:.2f})"


@pytest.mark.parametrize("unit", list(ADVERSARIAL_UNITS.values()), ids=list(ADVERSARIAL_UNITS))
def test_adversarial_single_line_is_linear(unit: str) -> None:
    _assert_linear(lambda size: _repeat(unit, size))


@pytest.mark.parametrize("unit", list(MARKDOWN_UNITS.values()), ids=list(MARKDOWN_UNITS))
def test_adversarial_markdown_is_linear(unit: str) -> None:
    _assert_linear(lambda size: MARKDOWN_START + _repeat(unit, size), "adversarial.md")


def test_minutes_prose_on_one_line_is_linear() -> None:
    _assert_linear(single_line_of_size)


def test_ordinary_minutes_text_is_linear() -> None:
    _assert_linear(text_of_size)
