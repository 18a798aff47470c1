"""Which blocks open an agenda item: a trained model that re-decides the rules' segmentation.

The rules (``rules.py``) propose items; this module turns their result into a sequence of
*units*, each a candidate item opening: every item title the rules found and every paragraph,
in document order. Each unit gets features a reader uses to see structure (numbering shape and
whether the number continues the sequence, length, case, final punctuation, list level, what
comes before and after, position), whether it looks like the rules' titles where the reader
could tell (size against the body text, bold, indent, style family), plus the rule's own
verdict, so the model learns when to trust the rules. :func:`refine_items` then rebuilds the
items: a unit the model scores at or above its threshold opens an item (a paragraph promoted
this way is split into title and text), any other unit is a paragraph of the item before it (a
demoted title keeps its number).
The model keeps a rule's title unless it thinks it more likely wrong than right (``keep``) and
opens an item at a paragraph only when it is sure (``open``, a high cut-off): measured leave one
source out, trusting the rules this way generalises better than one even-handed cut-off. Most
paragraphs are far from that cut-off: part of their features, with the most the rest could add,
settles it, and only the others get all their features (the same verdicts, for less work).

ModernGov ``<AIn>`` boundaries and appendices are certain and never re-decided.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..casefold import lower_is_case_blind
from ..model import Block, Layout
from .rules import (
    ItemDraft,
    ParagraphDraft,
    Segmented,
    inline_label,
    is_title_like,
    split_title,
)

if TYPE_CHECKING:
    from ..learn.linear import HashedLinearModel

Features = dict[str, float]

_LEADING_NUMBER = re.compile(
    r"\(?((?:[A-Z]{1,3}/)?\d{1,4}(?:[./]\d{1,4}){0,3}[a-z]?|[ivxlc]{1,6}|[IVXLC]{1,6}|[A-Za-z])[.):]?(?=\s)"
)
_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("int", re.compile(r"\d{1,3}")),
    ("int+letter", re.compile(r"\d{1,3}[a-zA-Z]")),
    ("dotted", re.compile(r"\d{1,3}\.\d{1,3}")),
    ("dotted+", re.compile(r"\d{1,3}(?:\.\d{1,3}){2,3}[a-z]?")),
    ("minute", re.compile(r"\d{1,4}/\d{2,4}")),
    ("prefixed", re.compile(r"[A-Z]{1,3}/\d{1,4}/\d{1,4}")),
    ("year-number", re.compile(r"\d{2,4}[-/.]\d{2,5}")),
    ("letter", re.compile(r"[A-Za-z]")),  # before roman: a lone "c" or "i" is a letter
    ("roman", re.compile(r"[ivxlc]{2,6}|[IVXLC]{2,6}")),
)
_FINITE = re.compile(
    r"\b(?:was|were|is|are|had|has|have|will|would|should|could|did|said|noted|agreed)\b", re.I
)
_DATE_OR_TIME = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,2}[.:]\d{2}\s*(?:am|pm)?\b|\b\d{4}-\d{2}-\d{2}\b",
    re.I,
)
# The same patterns without re.I, searched in lower-cased text (see casefold.lower_is_case_blind): twice as
# fast; the rare text holding one of the three letters where lower() and re.I differ takes the
# re.I patterns. The date's three forms share their start, a digit after no word character,
# written digit first so that the search skips from digit to digit.
_FINITE_LOWER = re.compile(_FINITE.pattern)
_DATE_OR_TIME_LOWER = re.compile(
    r"\d(?<!\w\d)(?:\d?(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d?[.:]\d{2}\s*(?:am|pm)?\b|\d{3}-\d{2}-\d{2}\b)"
)
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TITLE_WORDS = 14  # a paragraph longer than this is a candidate only through its run-in title


@dataclass
class Unit:
    """One candidate item opening, with where it came from."""

    title: str
    number: str | None
    rest: str  # text after the title, for a promoted paragraph
    source: str  # "title" (the rules opened an item here) or "para"
    features: Features = field(default_factory=dict)
    fixed: bool = False  # a ModernGov boundary: always an item
    item: ItemDraft | None = None  # the rules' item, for a title unit
    paragraph: ParagraphDraft | None = None  # the paragraph, for a paragraph unit
    layout: Layout | None = None  # how the block the unit starts in looks, when the reader knew


def number_shape(number: str | None) -> str:
    """ "int", "dotted", "minute", "roman", ... for an item number as printed; "none" without one."""
    if not number:
        return "none"
    bare = number.strip().strip("().:")
    for name, pattern in _SHAPES:
        if pattern.fullmatch(bare):
            return name
    return "other"


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _word_count(text: str, cap: int) -> int:
    """``len(text.split())``, or at most ``cap`` + 1 when longer: splitting stops there, so a long
    paragraph costs what its first words do."""
    return len(text.split(None, cap))


def _paragraph_candidate(para: ParagraphDraft) -> tuple[str | None, str, str]:
    """(number, title, rest) a paragraph would give as an item opening."""
    text = para.text.strip()
    number = None
    marker = (para.list_marker or "").strip()
    if marker and marker not in ("•", "-", "*", "+", "·", "cell"):
        number = marker.strip("().:")
    else:
        found = _LEADING_NUMBER.match(text)
        if found and found.end() < len(text):
            number = found.group(1)
            text = text[found.end() :].strip()
    if _word_count(text, _TITLE_WORDS + 1) <= _TITLE_WORDS:
        return number, text, ""
    title, rest = split_title(text, at_colon=True)
    if title and title != text and _word_count(title, _TITLE_WORDS + 1) <= _TITLE_WORDS:
        return number, title, rest
    return number, "", text


def item_units(segmented: Segmented, blocks: Sequence[Block] = ()) -> list[Unit]:
    """The candidate openings of a segmented document, in order, each with its features.

    With the reader's ``blocks``, each unit also carries the layout of the block it starts in."""
    units = _candidate_units(segmented, blocks)
    _add_features(units)
    return units


def _candidate_units(segmented: Segmented, blocks: Sequence[Block]) -> list[Unit]:
    """The units of :func:`item_units`, without their features."""
    units: list[Unit] = []
    for para in segmented.preamble.paragraphs:
        number, title, rest = _paragraph_candidate(para)
        units.append(Unit(title, number, rest, "para", paragraph=para))
    for item in segmented.items:
        if item.preamble:
            continue
        if item.title or item.key:
            units.append(
                Unit(item.title, item.number, "", "title", fixed=item.key is not None, item=item)
            )
        for para in item.paragraphs:
            number, title, rest = _paragraph_candidate(para)
            units.append(Unit(title, number, rest, "para", paragraph=para))
    if blocks:
        attach_layout(units, blocks)
    return units


_ALNUM = frozenset(b"0123456789abcdefghijklmnopqrstuvwxyz")
_NOT_ALNUM = bytes(b for b in range(256) if b not in _ALNUM)
_NOT_ALNUM_OR_BREAK = _NOT_ALNUM.replace(b"\x00", b"")
_PROBE_CHARS = 30  # enough of a unit's text to find its block; short enough to survive a cut title


def _normalised(text: str, drop: bytes = _NOT_ALNUM) -> bytes:
    """ASCII letters and digits only, lower-cased (bytes.translate: a regex took most of the time).
    Lower-casing the ASCII bytes is twice as fast as lower-casing the text and gives the same
    letters, but for the only two whose lower() holds an ASCII one (dotted capital I, Kelvin)."""
    if "\u0130" in text or "\u212a" in text:
        return text.lower().encode("ascii", "ignore").translate(None, drop)
    return text.encode("ascii", "ignore").lower().translate(None, drop)


def attach_layout(units: Sequence[Unit], blocks: Sequence[Block]) -> None:
    """Give each unit the layout of the block its text starts in.

    Segmentation rebuilds text (numbers split off, lines joined, pieces cut) and keeps no link to
    the blocks, so each unit is found by the start of its text, letters and digits only, searching
    forward from the last unit found (units follow the document) and from the top when that fails
    (an agenda pack puts the minutes' preamble before the agenda's items)."""
    if not any(block.layout is not None for block in blocks):
        return
    # One pass over the whole text (blocks parted by NULs, which the probes never hold).
    whole = _normalised("\x00".join(block.text for block in blocks), _NOT_ALNUM_OR_BREAK)
    starts = [0]
    at = whole.find(b"\x00")
    while at >= 0:
        starts.append(at + 1)
        at = whole.find(b"\x00", at + 1)
    if len(starts) != len(blocks):
        return  # a block holding a NUL of its own: the offsets cannot be trusted
    cursor = 0
    for unit in units:
        text = unit.paragraph.text if unit.paragraph is not None else unit.title
        probe = _normalised(text[: 4 * _PROBE_CHARS])[:_PROBE_CHARS]
        if len(probe) < 3:
            continue
        found = whole.find(probe, cursor)
        if found < 0:
            found = whole.find(probe)
        if found < 0:
            continue
        cursor = found
        unit.layout = blocks[bisect_right(starts, found) - 1].layout


class _Buckets:
    """The names ``f"{prefix}={_bucket(count, edges)}"`` of a bucketed count, made once."""

    def __init__(self, prefix: str, edges: Sequence[int]) -> None:
        # one name per count up to the last edge + 1, the first count of the last bucket
        self._names = [f"{prefix}={_bucket(count, edges)}" for count in range(edges[-1] + 2)]

    def name(self, count: int) -> str:
        return self._names[min(count, len(self._names) - 1)]

    def names(self) -> list[str]:
        """Every name, once each."""
        return list(dict.fromkeys(self._names))


_TITLE_COUNT_EDGES = (0, 1, 3, 9, 30)  # how many of the rules' titles share a shape or a look
_LOOK_TITLES = _Buckets("look&rule-titles", _TITLE_COUNT_EDGES)
_PARA_WORDS = _Buckets("para-words", (2, 4, 8, 14, 30, 60))
_POSITION = _Buckets("pos", (0, 1, 2, 5, 10, 30))
_RELATIVE_POSITION = [f"rel={tenth}" for tenth in range(10)]
_TITLE_WORDS_BUCKETS = _Buckets("words", (0, 1, 2, 3, 5, 8, 12, 20))
_PREV_WORDS = _Buckets("prev-words", (3, 8, 14, 98))
_NEXT_WORDS = _Buckets("next-words", (3, 8, 14, 98))
_ENDS = ".:;,?!)"  # a title's final character, as itself ("word" for any other)


@dataclass
class _Context:
    """What the features of a unit read beyond the unit itself, computed once per document."""

    units: list[Unit]
    shapes: list[str]
    shape_counts: Counter[str]
    title_shapes: Counter[str]  # shapes of the rules' titles
    title_looks: Counter[str]  # looks of the rules' titles (a unit's own: when it is asked)
    sequences: list[str]  # how a titled unit's number follows the last of its shape ("" untitled)
    title_words: list[int]  # words of each title (99 without one: the neighbour buckets' "no title")
    heads: dict[tuple[str, str, str], Features] = field(default_factory=dict)  # see _head


def _context(units: list[Unit]) -> _Context:
    shapes = [number_shape(u.number) for u in units]
    rule_titles = [u.source == "title" for u in units]
    last_number: dict[str, str] = {}
    sequences: list[str] = []
    for unit, shape in zip(units, shapes, strict=True):
        sequences.append(_sequence(last_number.get(shape), unit.number, shape) if unit.title else "")
        if unit.number:
            last_number[shape] = unit.number
    return _Context(
        units,
        shapes,
        Counter(shapes),
        Counter(s for s, title in zip(shapes, rule_titles, strict=True) if title),
        Counter(look for u in units if u.source == "title" and (look := layout_look(u.layout))),
        sequences,
        [_word_count(u.title, 99) if u.title else 99 for u in units],
    )


def _add_features(units: list[Unit]) -> None:
    context = _context(units)
    for index, unit in enumerate(units):
        if unit.title:  # without one it cannot open an item: never asked (nor trained on)
            unit.features = _features(context, index)


def _head(context: _Context, source: str, shape: str, sequence: str) -> Features:
    """The first features of a unit, the same for every unit of one source, number shape and
    place in its sequence."""
    head = context.heads.get((source, shape, sequence))
    if head is None:
        head = context.heads[source, shape, sequence] = {
            "bias": 1.0,
            f"src={source}": 1.0,
            f"shape={shape}": 1.0,
            f"src={source}&shape={shape}": 1.0,
            f"shape={shape}&count={_bucket(context.shape_counts[shape], (1, 3, 9, 30))}": 1.0,
            f"shape={shape}&rule-titles={_bucket(context.title_shapes[shape], _TITLE_COUNT_EDGES)}": 1.0,
            f"shape={shape}&seq={sequence}": 1.0,
        }
    return head


def _features(context: _Context, index: int, *, bounded: bool = True) -> Features:
    """The features of the unit at ``index``. ``bounded=False`` leaves out the families whose
    names come from a small fixed set (:func:`_bounded_families`: the title's shape, the look,
    the neighbours), whose most a model can add is known without computing them."""
    unit = context.units[index]
    shape = context.shapes[index]
    f = _head(context, unit.source, shape, context.sequences[index]).copy()
    if unit.item is not None:
        f[f"{unit.item.cue or 'rule:?'}"] = 1.0
        f[f"level={min(unit.item.heading_level, 4)}"] = 1.0
        if unit.item.label:
            f["item-label"] = 1.0
    if unit.paragraph is not None:
        para = unit.paragraph
        f[f"list={'yes' if para.list_marker else 'no'}&level={min(para.level, 3)}"] = 1.0
        if para.label:
            f[f"label={para.label}"] = 1.0
        if para.cells:
            f["cells"] = 1.0
        if para.margin:
            f["margin"] = 1.0
        if unit.rest:
            f["run-in"] = 1.0
        f[_PARA_WORDS.name(_word_count(para.text, 61))] = 1.0
    if unit.layout is not None and bounded:
        # How many of the rules' titles look like this unit (size, weight, indent, style).
        # Measured leave one source out, the separate layout buckets added nothing this did not.
        f[_LOOK_TITLES.name(context.title_looks[layout_look(unit.layout)])] = 1.0
    _text_features(f, unit.title, context.title_words[index], shape=bounded)
    total = len(context.units)
    f[_POSITION.name(index)] = 1.0
    f[_RELATIVE_POSITION[min(9, index * 10 // max(total, 1))]] = 1.0
    if bounded:
        for offset, name, words in ((-1, "prev", _PREV_WORDS), (1, "next", _NEXT_WORDS)):
            other = index + offset
            if 0 <= other < total:
                f[f"{name}={context.units[other].source}&shape={context.shapes[other]}"] = 1.0
                f[words.name(context.title_words[other])] = 1.0
            else:
                f[f"{name}=none"] = 1.0
    return f


def _bounded_families() -> list[list[str]]:
    """The features ``_features(..., bounded=False)`` leaves out, as families of names a unit
    has at most one of each (tests/test_heading_model_bounds.py checks every unit's)."""
    shapes = [name for name, _ in _SHAPES] + ["none", "other"]  # number_shape's answers
    neighbours = [f"{source}&shape={shape}" for source in ("title", "para") for shape in shapes]
    return [
        _LOOK_TITLES.names(),
        _TITLE_WORDS_BUCKETS.names(),
        ["upper"],
        [f"capitalised={share}" for share in range(5)],
        ["starts-lower"],
        [f"ends={end}" for end in (*_ENDS, "word")],
        ["finite-verb"],
        ["date-or-time"],
        ["title-like"],
        ["inline-label"],
        *([f"{side}=none", *(f"{side}={n}" for n in neighbours)] for side in ("prev", "next")),
        _PREV_WORDS.names(),
        _NEXT_WORDS.names(),
    ]


_BOUNDED_FAMILIES = _bounded_families()


def _bounded_ceiling(model: HashedLinearModel) -> float:
    """The most the bounded features can add to a unit's score: the best weight of each family.
    Computed once per model (a model's weights never change once loaded)."""
    known = _CEILINGS.get(id(model))
    if known is not None and known[0] is model:
        return known[1]
    ceiling = sum(max(0.0, *map(model.weight, family)) for family in _BOUNDED_FAMILIES)
    if len(_CEILINGS) >= 8:  # a process loads a model or two: keep the memo small all the same
        _CEILINGS.clear()
    _CEILINGS[id(model)] = (model, ceiling)
    return ceiling


# id(model) -> (the model, its ceiling); the model is kept so that its id cannot be reused
_CEILINGS: dict[int, tuple[HashedLinearModel, float]] = {}


def _paragraphs_that_may_open(context: _Context, model: HashedLinearModel) -> set[int]:
    """The titled paragraph units whose score might reach the "open" cut-off.

    Most paragraphs fall far short of it: their features other than the bounded ones, plus the
    most those could add (:func:`_bounded_ceiling`), stay below it, so they stay paragraphs
    without the costlier features being computed. The verdicts are the same as asking the model
    about every paragraph with all its features."""
    titled = [i for i, u in enumerate(context.units) if u.source == "para" and u.title]
    cut_off = model.thresholds["open"]
    if not titled or not 0.0 < cut_off < 1.0:
        return set(titled)
    # below this probability without the bounded features, a paragraph's full score is below
    # the cut-off's (by a margin far wider than the rounding of the sums)
    logit = math.log(cut_off / (1.0 - cut_off)) - _bounded_ceiling(model) - 1e-9
    limit = 1.0 / (1.0 + math.exp(-logit))
    # every feature is an indicator (value 1.0): the sum of its names' weights, in plain Python,
    # costs less than hashing the rows for numpy
    probability = model.probability_of_names
    return {i for i in titled if probability(_features(context, i, bounded=False)) >= limit}


def size_bucket(ratio: float | None) -> str:
    """The font size against the body text's: "smaller", "body", "larger", "much-larger"."""
    if ratio is None:
        return "unknown"
    if ratio < 0.92:
        return "smaller"
    if ratio < 1.1:
        return "body"
    return "larger" if ratio < 1.35 else "much-larger"


def indent_bucket(indent: float | None) -> str:
    """Indent from the usual left edge, in points: "out", "0", "small", "mid", "deep"."""
    if indent is None:
        return "unknown"
    if indent < -6:
        return "out"
    if indent < 6:
        return "0"
    return "small" if indent < 30 else ("mid" if indent < 90 else "deep")


_HEADING_STYLE = re.compile(r"h[1-6]$|.{0,20}(?:heading|title)", re.I)
_BODY_STYLES = frozenset({"p", "div", "span", "normal", "default", "plain text", "no spacing", "normal (web)"})


def style_family(style: str | None) -> str:
    """A DOCX style name or HTML tag as a family: "heading", "list", "table", "body", "pre", "other"."""
    if not style:
        return "none"
    lowered = style.strip().lower()
    if _HEADING_STYLE.match(lowered):
        return "heading"
    if lowered == "li" or "list" in lowered or "bullet" in lowered or "number" in lowered:
        return "list"
    if lowered in ("td", "th", "tr") or "table" in lowered:
        return "table"
    if lowered in _BODY_STYLES or lowered.startswith("body"):
        return "body"
    return "pre" if lowered == "pre" else "other"


def layout_look(layout: Layout | None) -> str:
    """What a reader sees at a glance, as one string: size, weight, indent and style family."""
    if layout is None:
        return ""
    return "/".join(
        (
            size_bucket(layout.size_ratio),
            "bold" if layout.bold else "plain",
            indent_bucket(layout.indent),
            style_family(layout.style),
        )
    )


def _text_features(f: Features, title: str, word_count: int, *, shape: bool = True) -> None:
    """``word_count``: the title's words, at least as far as 21 (``_word_count(title, 99)``).
    ``shape=False`` leaves out the title's shape (the bounded features), keeping its words."""
    stripped = title.strip()
    words = _WORD.findall(stripped)
    if shape:
        _title_shape_features(f, stripped, words, word_count)
    lowered = [w.lower() for w in words]
    if lowered:
        f[f"first={lowered[0]}"] = 1.0
        f[f"last={lowered[-1]}"] = 1.0
    for word in lowered[:8]:
        f[f"w={word}"] = 1.0
    if len(lowered) >= 2:
        f[f"first2={lowered[0]}_{lowered[1]}"] = 1.0


def _title_shape_features(f: Features, stripped: str, words: list[str], word_count: int) -> None:
    """Length, case, final character and a few telling patterns of a (stripped) title."""
    f[_TITLE_WORDS_BUCKETS.name(word_count)] = 1.0
    if not stripped:
        return
    if stripped.isupper():
        f["upper"] = 1.0
    capitalised = sum(1 for w in words if w[:1].isupper())
    if words:
        f[f"capitalised={min(4, capitalised * 4 // len(words))}"] = 1.0
    if stripped[:1].islower():
        f["starts-lower"] = 1.0
    last = stripped[-1]
    f[f"ends={last if last in _ENDS else 'word'}"] = 1.0
    if lower_is_case_blind(stripped):
        lowered_text = stripped.lower()
        finite = _FINITE_LOWER.search(lowered_text) is not None
        # every date or time has a digit: a scan for one spares the pattern on most titles
        date_or_time = _DIGIT.search(lowered_text) is not None and _DATE_OR_TIME_LOWER.search(lowered_text) is not None
    else:
        finite = _FINITE.search(stripped) is not None
        date_or_time = _DATE_OR_TIME.search(stripped) is not None
    if finite:
        f["finite-verb"] = 1.0
    if date_or_time:
        f["date-or-time"] = 1.0
    if is_title_like(stripped):
        f["title-like"] = 1.0
    if inline_label(stripped):
        f["inline-label"] = 1.0


def _sequence(previous: str | None, number: str | None, shape: str) -> str:
    """How ``number`` follows the last number of the same shape: "next", "same-parent", ..."""
    if number is None:
        return "none"
    if previous is None:
        return "first"
    a, b = _ordinal(previous, shape), _ordinal(number, shape)
    if a is None or b is None:
        return "other"
    if b == (a[0], a[1] + 1) or (b[0] == a[0] + 1 and b[1] <= 1):
        return "next"
    if b == a:
        return "repeat"
    return "jump" if b > a else "back"


def _ordinal(number: str, shape: str) -> tuple[int, int] | None:
    """(major, minor) of a number, so that sequences can be compared."""
    bare = number.strip().strip("().:")
    digits = [int(d) for d in _DIGITS.findall(bare)]
    if shape in ("int", "minute", "year-number", "prefixed"):
        return (0, digits[-1]) if digits else None
    if shape in ("dotted", "dotted+"):
        return (digits[0], digits[1]) if len(digits) >= 2 else None
    if shape == "int+letter":
        return (digits[0], ord(bare[-1].lower()) - 96) if digits else None
    if shape == "letter":
        return (0, ord(bare.lower()) - 96)
    if shape == "roman":
        return (0, _roman(bare.lower()))
    return None


def _roman(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        following = values[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def refine_items(
    segmented: Segmented, model: HashedLinearModel, blocks: Sequence[Block] = ()
) -> Segmented:
    """Rebuild the items of ``segmented`` from the model's verdict on each unit (with the
    layout of ``blocks`` among its features, when given)."""
    units = _candidate_units(segmented, blocks)
    if not units:
        return segmented
    context = _context(units)
    may_open = _paragraphs_that_may_open(context, model)
    # A unit without a title cannot open an item: the model is asked about the others only.
    asked = [i for i, u in enumerate(units) if u.title and not u.fixed and (u.source == "title" or i in may_open)]
    for index in asked:
        units[index].features = _features(context, index)
    probability_of = dict(zip(asked, model.probabilities([units[i].features for i in asked]), strict=True))
    preamble = replace(segmented.preamble, paragraphs=[])
    items: list[ItemDraft] = []
    current: ItemDraft | None = None
    keep_at, open_at = model.thresholds["keep"], model.thresholds["open"]
    for index, unit in enumerate(units):
        probability = probability_of.get(index, 0.0)
        cut_off = keep_at if unit.source == "title" else open_at
        opens = unit.fixed or (index in probability_of and probability >= cut_off)
        if opens:
            current = _opened_item(unit, probability, model)
            items.append(current)
            continue
        target = current.paragraphs if current is not None else preamble.paragraphs
        if unit.paragraph is not None:
            target.append(unit.paragraph)
        elif unit.item is not None and unit.item.title:
            text = f"{unit.item.number} {unit.item.title}" if unit.item.number else unit.item.title
            target.append(ParagraphDraft(text=text, title_like=True))
    return replace(segmented, preamble=preamble, items=items)


def _opened_item(unit: Unit, probability: float, model: HashedLinearModel) -> ItemDraft:
    """The item a unit opens; its ``model_cue`` gives the model's verdict and strongest features
    (beside the rule's own cue when the rules had opened it too)."""
    if unit.item is not None:
        if unit.fixed:
            return replace(unit.item, paragraphs=[])
        return replace(unit.item, paragraphs=[], model_cue=_model_cue(unit, probability, model))
    item = ItemDraft(title=unit.title.strip(), number=unit.number, model_cue=_model_cue(unit, probability, model))
    para = unit.paragraph
    if unit.rest and para is not None:
        item.paragraphs.append(replace(para, text=unit.rest, list_marker=None, title_like=False))
    return item


def _model_cue(unit: Unit, probability: float, model: HashedLinearModel) -> str:
    return f"model:{probability:.2f} ({', '.join(model.strongest(unit.features, count=3))})"
