"""The spaCy pipeline: a blank English model with our own components, built once, lazily.

Nothing is downloaded: ``spacy.blank("en")`` with a tokenizer tuned to sentence punctuation, and

1. ``minutes_sentences``: sentence boundaries for minutes prose. spaCy's sentencizer splits after
   every full stop; minutes are full of "Cllr.", "p.m.", "e.g.", "No. 5" and inline bullets, and
   they run an "Action" label into the previous sentence ("... account. Action Tom to get ...").

``import spacy`` costs about a second, so nothing here runs at import time. The pipeline's
sentences need no spaCy at run time: :func:`sentence_spans` makes the same tokens as its tokenizer
with two patterns (:func:`_tokens`) and applies the same rules, so parsing never imports spaCy;
the pipeline stays the reference the tests compare with.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_ABBREVIATIONS = frozenset(
    ["cllr", "cllrs", "prop", "sec", "secd", "n.b", "nb", "p.s", "ref", "incl", "est", "tel", "messrs", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "e.g", "i.e", "etc", "approx", "cf", "vs", "fig", "para", "paras", "p", "pp", "rev", "revd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "inc", "ltd", "co", "dept", "govt", "hon", "esq"]
)
_CLOSERS = frozenset(")]\"'”’")
_BULLETS = frozenset("•·●▪")
_LOCK = threading.Lock()
_NLP: Language | None = None


def _minutes_sentences(doc: Doc) -> Doc:
    """Record sentence spans in ``doc._.minutes_sentences`` (for callers of :func:`get_nlp`;
    :func:`sentence_spans` gives the same spans without spaCy).

    Setting ``token.is_sent_start`` per token costs an annotation check each time (most of the
    pipeline's run time when measured), so the boundaries go into a Doc extension instead.
    """
    doc._.minutes_sentences = _text_sentences(doc.text, doc)
    return doc


def _text_sentences(text: str, doc: Doc) -> list[tuple[int, int]]:
    """The sentence spans of ``doc``, the tokens of ``text``. The tokens are read as offsets in one
    array call: a Token object per token cost more than the rules of :func:`_sentence_bounds`."""
    from spacy.attrs import IDX, LENGTH

    if not len(doc):
        return []
    offsets: list[list[int]] = doc.to_array([IDX, LENGTH]).tolist()
    return _sentence_bounds([text[at : at + length] for at, length in offsets], [at for at, _ in offsets])


def _sentence_bounds(tokens: list[str], starts_at: list[int], candidates: Iterable[int] | None = None) -> list[tuple[int, int]]:
    """Sentence spans from the tokens' texts and their offsets. ``candidates``, the indices where a
    sentence may start (ascending, each once; every index from 1 when None): the other tokens are
    not looked at (:func:`_tokens` finds the few a text has)."""
    count = len(tokens)
    if not count:
        return []
    starts = [0]
    for index in range(1, count) if candidates is None else candidates:
        if _starts_sentence(tokens, index):
            starts.append(index)
    return [
        (starts_at[token_start], starts_at[token_end - 1] + len(tokens[token_end - 1]))
        for token_start, token_end in zip(starts, [*starts[1:], count], strict=True)
    ]


def _starts_sentence(tokens: list[str], index: int) -> bool:
    """Does the token at ``index`` (at least 1) start a sentence? It reads the token, the two
    before it and the one after it."""
    text = tokens[index]
    previous_text = tokens[index - 1]
    first = text[:1]
    if text in _BULLETS:
        return True
    if text in _ACTION_LABELS and index + 1 < len(tokens) and previous_text not in ("the", "an", "this", "of", "for", "Joint", "Climate", "Local"):
        following = tokens[index + 1]
        return following in (":", "-", "–", "(") or (following[:1].isupper() and following not in _ACTION_NAMES) or previous_text in (",", ";", ".")
    before_previous = tokens[index - 2] if index >= 2 else ""
    if previous_text in (".", "!", "?") or (previous_text.endswith(".") and len(previous_text) > 1 and previous_text[:-1].isalpha()):
        word = before_previous if previous_text == "." else previous_text
        word = word.lower().rstrip(".")
        starts_sentence = first.isupper() or first.isdigit() or first in "“\"'("
        abbreviation = word in _ABBREVIATIONS and not (word == "etc" and first.isupper())  # "bins etc. The Clerk ..."
        return starts_sentence and not abbreviation and not (len(word) == 1 and word.isalpha())
    if previous_text in _CLOSERS and before_previous in (".", "!", "?"):
        return first.isupper()
    return False


# What the tokenizer splits off a word, one character at a time: from its start (opening brackets
# and quotes, bullets) and from its end (punctuation that can end a sentence, closing brackets).
_PREFIX_CHARS = "([\"'“‘•·●▪"
_SUFFIX_CHARS = ".!?,;:)]\"'”’"


def _boundary_tokenizer(nlp: Language) -> Any:
    """A tokenizer tuned to what the pipeline needs from spaCy: words, and the punctuation that can
    end a sentence split off them. The default English tokenizer's URL, emoticon and many affix
    rules cost about half of the pipeline's time and change no sentence boundary."""
    from spacy.tokenizer import Tokenizer

    prefix = re.compile(f"^[{re.escape(_PREFIX_CHARS)}]")
    suffix = re.compile(f"[{re.escape(_SUFFIX_CHARS)}]$")
    return Tokenizer(nlp.vocab, rules={}, prefix_search=prefix.search, suffix_search=suffix.search)


_ACTION_LABELS = frozenset(["Action", "ACTION"])
_PREFIX_CLASS = f"[{re.escape(_PREFIX_CHARS)}]"
_SUFFIX_CLASS = re.escape(_SUFFIX_CHARS)
# The text as the tokenizer splits it, one token a piece, the one space that follows a word (the
# token's "whitespace" in spaCy) kept with it, so that the pieces tile the text. Tried in order:
# a prefix character (each of a word's opening run is a token); the word's core, up to its last
# character that is not a suffix one; a character of the suffix run; a run of other whitespace.
_PIECES = re.compile(f"{_PREFIX_CLASS} ?|\\S*[^\\s{_SUFFIX_CLASS}] ?|\\S ?|\\s+")
# The characters of the tokens a sentence may start at or after (see _starts_sentence): the
# characters that can end a sentence or open a list entry, and the labels. Two scans, not one
# alternation: a pattern led by a class alone is a scan for its characters, an alternation is
# tried at every position; the labels are looked for only in a text that holds one.
_MARK_CHARACTERS = re.compile(f"[.!?{re.escape(''.join(sorted(_CLOSERS | _BULLETS)))}]")
_MARK_LABELS = re.compile("Action|ACTION")


def _tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """The tokens :func:`_boundary_tokenizer` makes of ``text`` (tests/test_nlp_tokens.py checks
    they agree), their offsets, and the indices where a sentence may start (:func:`_starts_sentence`
    is false at every other), found by patterns in C: spaCy's Doc building cost more than the rules.

    spaCy's way: text between whitespace is a word; one space after a word belongs to it, any
    other run of whitespace (or one opening the text) is a token. A word loses the prefix
    characters it starts with and the suffix characters its rest ends with, one token each.
    """
    pieces: list[str] = _PIECES.findall(text)
    starts_at = list(accumulate(map(len, pieces), initial=0))  # (and the text's end)
    tokens = [piece[:-1] if piece[-1] == " " and not piece[0].isspace() else piece for piece in pieces]
    # a sentence may start at a token holding a mark (a bullet, a label) and at the one after it
    # (after a full stop or a closing quote): the pieces of the marks and the pieces after them
    count = len(tokens)
    candidates: set[int] = set()
    labelled = "Action" in text or "ACTION" in text
    for pattern in (_MARK_CHARACTERS, _MARK_LABELS) if labelled else (_MARK_CHARACTERS,):
        for mark in pattern.finditer(text):
            index = bisect_right(starts_at, mark.start()) - 1
            candidates.add(index)
            candidates.add(index + 1)
    candidates.discard(0)
    candidates.discard(count)
    return tokens, starts_at, sorted(candidates)


def get_nlp() -> Language:
    """The shared pipeline, built on first use (thread-safe)."""
    global _NLP
    if _NLP is None:
        with _LOCK:
            if _NLP is None:
                import spacy
                from spacy.language import Language
                from spacy.tokens import Doc as SpacyDoc

                if not SpacyDoc.has_extension("minutes_sentences"):
                    SpacyDoc.set_extension("minutes_sentences", default=None)
                if not Language.has_factory("minutes_sentences"):
                    Language.component("minutes_sentences")(_minutes_sentences)
                nlp = spacy.blank("en")
                # Only token text and offsets are read downstream. Without the lexical attribute
                # getters (shape, like_num, stop words ...) a new word costs a third as much, and
                # minutes are mostly words the vocabulary has not seen yet.
                nlp.vocab.lex_attr_getters = {}  # type: ignore[attr-defined]  # a Cython attribute the stubs omit
                nlp.tokenizer = _boundary_tokenizer(nlp)
                nlp.add_pipe("minutes_sentences")
                # Minutes paragraphs are short, but a hostile single-line file is not.
                nlp.max_length = 20_000_000
                _NLP = nlp
    return _NLP


# Where a sentence could end inside a text; a text without any of these is one sentence, and
# spaCy need not see it (table cells, titles and short lines are most paragraphs in a PDF).
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
# "Hedgerow Action Plan", "Youth Action Group": a name that holds "Action", not a label.
_ACTION_NAMES = frozenset(["Plan", "Plans", "Group", "Groups", "Team", "Network", "Fund", "Framework", "Programme", "Program", "Committee", "Forum", "Day", "Week"])
_POSSIBLE_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]{0,3}\s|[•·●▪]|\bACTION\b|\bAction\b")
# The same test in parts: a pattern led by a character class is a fast scan, one led by \b is
# tried at every position, so the word is looked for only in a text that holds it.
_END_MARK = re.compile(r"[.!?][\"'”’)\]]{0,3}\s")
_BULLET_MARK = re.compile(r"[•·●▪]")
_ACTION_WORD = re.compile(r"\bACTION\b|\bAction\b")


def _may_hold_sentences(text: str) -> bool:
    """``_POSSIBLE_BOUNDARY.search(text) is not None``, cheaper."""
    return (
        _END_MARK.search(text) is not None
        or _BULLET_MARK.search(text) is not None
        or (("ACTION" in text or "Action" in text) and _ACTION_WORD.search(text) is not None)
    )


def sentence_spans(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """Character spans of the sentences of each text: the spans :func:`get_nlp`'s pipeline gives,
    from the same tokens (:func:`_tokens`) and rules, without building a spaCy Doc."""
    out: list[list[tuple[int, int]]] = []
    for text in texts:
        if not _may_hold_sentences(text.rstrip()):
            out.append([(0, len(text))])
            continue
        # A non-breaking or thin space after a full stop separates sentences like a space ("done.\u00a0The
        # Clerk"); the tokenizer splits on " " only, so they become spaces (same length: same offsets).
        plain = _ODD_SPACE.sub(" ", text) if _ODD_SPACE.search(text) else text
        out.append(_sentence_bounds(*_tokens(plain)) or [(0, len(text))])
    return out
