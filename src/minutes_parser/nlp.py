"""The spaCy pipeline: a blank English model with our own components, built once, lazily.

Nothing is downloaded: ``spacy.blank("en")`` with a tokenizer tuned to sentence punctuation, and

1. ``minutes_sentences``: sentence boundaries for minutes prose. spaCy's sentencizer splits after
   every full stop; minutes are full of "Cllr.", "p.m.", "e.g.", "No. 5" and inline bullets, and
   they run an "Action" label into the previous sentence ("... account. Action Tom to get ...").

``import spacy`` costs about a second, so nothing here runs at import time.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
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
    :func:`sentence_spans` runs the tokenizer and :func:`_text_sentences` itself).

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
    return _sentence_bounds([text[at : at + length] for at, length in offsets], offsets)


def _sentence_bounds(tokens: list[str], offsets: list[list[int]]) -> list[tuple[int, int]]:
    """Sentence spans from the tokens' texts and their (offset, length) pairs."""
    count = len(tokens)
    if not count:
        return []
    starts = [0]
    previous_text = tokens[0]
    before_previous = ""
    for index in range(1, count):
        text = tokens[index]
        start = False
        first = text[:1]
        if text in _BULLETS:
            start = True
        elif text in ("Action", "ACTION") and index + 1 < count and previous_text not in ("the", "an", "this", "of", "for", "Joint", "Climate", "Local"):
            following = tokens[index + 1]
            start = following in (":", "-", "–", "(") or (following[:1].isupper() and following not in _ACTION_NAMES) or previous_text in (",", ";", ".")
        elif previous_text in (".", "!", "?") or (previous_text.endswith(".") and len(previous_text) > 1 and previous_text[:-1].isalpha()):
            word = before_previous if previous_text == "." else previous_text
            word = word.lower().rstrip(".")
            starts_sentence = first.isupper() or first.isdigit() or first in "“\"'("
            abbreviation = word in _ABBREVIATIONS and not (word == "etc" and first.isupper())  # "bins etc. The Clerk ..."
            start = starts_sentence and not abbreviation and not (len(word) == 1 and word.isalpha())
        elif previous_text in _CLOSERS and before_previous in (".", "!", "?"):
            start = first.isupper()
        if start:
            starts.append(index)
        before_previous, previous_text = previous_text, text
    bounds: list[tuple[int, int]] = []
    for position, token_start in enumerate(starts):
        token_end = starts[position + 1] if position + 1 < len(starts) else count
        last_at, last_length = offsets[token_end - 1]
        bounds.append((offsets[token_start][0], last_at + last_length))
    return bounds


def _boundary_tokenizer(nlp: Language) -> Any:
    """A tokenizer tuned to what the pipeline needs from spaCy: words, and the punctuation that can
    end a sentence split off them. The default English tokenizer's URL, emoticon and many affix
    rules cost about half of the pipeline's time and change no sentence boundary."""
    from spacy.tokenizer import Tokenizer

    prefix = re.compile(r"""^[\(\["'“‘•·●▪]""")
    suffix = re.compile(r"""[\.!?,;:\)\]"'”’]$""")
    return Tokenizer(nlp.vocab, rules={}, prefix_search=prefix.search, suffix_search=suffix.search)


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
    """Character spans of the sentences of each text; the texts that may hold more than one
    sentence go through spaCy in one ``nlp.pipe`` call."""
    out: list[list[tuple[int, int]]] = [[(0, len(text))] for text in texts]
    pending = [index for index, text in enumerate(texts) if _may_hold_sentences(text.rstrip())]
    if not pending:
        return out
    nlp = get_nlp()
    # A non-breaking or thin space after a full stop separates sentences like a space ("done.\u00a0The
    # Clerk"); the tokenizer splits on " " only, so they become spaces (same length: same offsets).
    plain = [_ODD_SPACE.sub(" ", texts[i]) if _ODD_SPACE.search(texts[i]) else texts[i] for i in pending]
    # The tokenizer alone, and the component's rules on the texts at hand: the pipeline would read
    # each text back from its Doc, which rebuilds it token by token.
    tokenizer: Any = nlp.tokenizer  # a spaCy Tokenizer (the stubs type the attribute as any callable)
    for index, text, doc in zip(pending, plain, tokenizer.pipe(plain, batch_size=256), strict=True):
        out[index] = _text_sentences(text, doc) or [(0, len(text))]
    return out
