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
    """Record sentence spans in ``doc._.minutes_sentences``.

    Setting ``token.is_sent_start`` per token costs an annotation check each time (most of the
    pipeline's run time when measured), so the boundaries go into a Doc extension instead.
    """
    starts = [0] if len(doc) else []
    previous_text = ""
    before_previous = ""
    for index, token in enumerate(doc):
        text = token.text
        if index == 0:
            before_previous, previous_text = previous_text, text
            continue
        start = False
        first = text[:1]
        if text in _BULLETS:
            start = True
        elif text in ("Action", "ACTION") and index + 1 < len(doc) and previous_text not in ("the", "an", "this", "of", "for", "Joint", "Climate", "Local"):
            following = doc[index + 1].text
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
        token_end = starts[position + 1] if position + 1 < len(starts) else len(doc)
        begin = doc[token_start].idx
        last = doc[token_end - 1]
        bounds.append((begin, last.idx + len(last.text)))
    doc._.minutes_sentences = bounds
    return doc


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


def sentence_spans(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """Character spans of the sentences of each text; the texts that may hold more than one
    sentence go through spaCy in one ``nlp.pipe`` call."""
    out: list[list[tuple[int, int]]] = [[(0, len(text))] for text in texts]
    pending = [index for index, text in enumerate(texts) if _POSSIBLE_BOUNDARY.search(text.rstrip())]
    if not pending:
        return out
    nlp = get_nlp()
    # A non-breaking or thin space after a full stop separates sentences like a space ("done.\u00a0The
    # Clerk"); the tokenizer splits on " " only, so they become spaces (same length: same offsets).
    plain = (_ODD_SPACE.sub(" ", texts[i]) if _ODD_SPACE.search(texts[i]) else texts[i] for i in pending)
    for index, doc in zip(pending, nlp.pipe(plain, batch_size=256, n_process=1), strict=True):
        spans: list[tuple[int, int]] = doc._.minutes_sentences or []
        out[index] = spans or [(0, len(doc.text))]
    return out
