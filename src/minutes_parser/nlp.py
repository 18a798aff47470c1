"""The spaCy pipeline: a blank English model with our own components, built once, lazily.

Nothing is downloaded: ``spacy.blank("en")`` gives the tokenizer, and we add

1. ``minutes_sentences``: sentence boundaries for minutes prose. spaCy's sentencizer splits after
   every full stop; minutes are full of "Cllr.", "p.m.", "e.g.", "No. 5" and inline bullets, and
   they run an "Action" label into the previous sentence ("... account. Action Greg to get ...").
2. an ``entity_ruler`` loaded per document with the people, initials and roles that document
   defines, so owners are recognised as whole spans ("Lead Members", "Mia Shelton", "MS").

``import spacy`` costs about a second, so nothing here runs at import time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_ABBREVIATIONS = frozenset(
    """cllr cllrs mr mrs ms dr prof st no nos e.g i.e etc approx cf vs fig para paras p pp rev revd
    jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m inc ltd co dept govt hon esq""".split()
)
_CLOSERS = frozenset(")]\"'”’")
_BULLETS = frozenset("•·●▪")
_LOCK = threading.Lock()
_NLP: Language | None = None


def _minutes_sentences(doc: Doc) -> Doc:
    tokens = list(doc)
    if not tokens:
        return doc
    tokens[0].is_sent_start = True
    for index in range(1, len(tokens)):
        token = tokens[index]
        prev = tokens[index - 1]
        start = False
        if token.text in _BULLETS:
            start = True
        elif token.text in ("Action", "ACTION") and index + 1 < len(tokens) and prev.text not in ("the", "an", "this", "of", "for", "Joint", "Climate", "Local"):
            nxt = tokens[index + 1]
            start = nxt.text in (":", "-", "–", "(") or nxt.text[:1].isupper() or prev.text in (",", ";", ".")
        elif prev.text in (".", "!", "?") or (prev.text.endswith(".") and len(prev.text) > 1 and prev.text[:-1].isalpha()):
            before = tokens[index - 2].text.lower().rstrip(".") if prev.text == "." and index >= 2 else prev.text.lower().rstrip(".")
            starts_sentence = token.text[:1].isupper() or token.text[:1].isdigit() or token.text[:1] in "“\"'("
            start = starts_sentence and before not in _ABBREVIATIONS and not (len(before) == 1 and before.isalpha())
        elif prev.text in _CLOSERS and index >= 2 and tokens[index - 2].text in (".", "!", "?"):
            start = token.text[:1].isupper()
        token.is_sent_start = start
    return doc


def get_nlp() -> Language:
    """The shared pipeline, built on first use (thread-safe)."""
    global _NLP
    if _NLP is None:
        with _LOCK:
            if _NLP is None:
                import spacy
                from spacy.language import Language

                if not Language.has_factory("minutes_sentences"):
                    Language.component("minutes_sentences")(_minutes_sentences)
                nlp = spacy.blank("en")
                nlp.add_pipe("minutes_sentences")
                # Minutes paragraphs are short, but a hostile single-line file is not.
                nlp.max_length = 20_000_000
                _NLP = nlp
    return _NLP


def sentence_spans(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """Character spans of the sentences of each text, processed in one ``nlp.pipe`` call."""
    nlp = get_nlp()
    out: list[list[tuple[int, int]]] = []
    for doc in nlp.pipe(texts, batch_size=256, n_process=1):
        spans = [(sent.start_char, sent.end_char) for sent in doc.sents]
        out.append(spans or [(0, len(doc.text))])
    return out


def owner_matcher(patterns: Iterable[tuple[str, str]]) -> Any:
    """A PhraseMatcher over the document's people and roles: (label, phrase) pairs."""
    from spacy.matcher import PhraseMatcher

    nlp = get_nlp()
    matcher = PhraseMatcher(nlp.vocab)
    by_label: dict[str, list[Doc]] = {}
    for label, phrase in patterns:
        by_label.setdefault(label, []).append(nlp.make_doc(phrase))
    for label, docs in by_label.items():
        matcher.add(label, docs)
    return matcher
