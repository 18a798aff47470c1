"""sentence_spans tokenizes in plain Python (nlp._tokens); spaCy's boundary tokenizer is the
reference: both must give the same tokens, and the same sentences, on every kind of text."""

from __future__ import annotations

import random

import pytest

from minutes_parser.nlp import (
    _may_hold_sentences,
    _sentence_bounds,
    _tokens,
    get_nlp,
    sentence_spans,
)

TEXTS = [
    "",
    " ",
    "   ",
    "\n",
    " leading space and trailing space ",
    "  two leading spaces",
    "The Clerk reported.  Two spaces before this one.",
    "Line one.\nLine two.\n\nAfter a blank line.",
    "Tabs\tbetween\twords.\t The end",
    '"Quoted." Then (bracketed.) And [square]. ‘Curly’ “quotes.” Done!',
    "Cllr. Ashworth said e.g. the bins etc. The Clerk will check No. 5 at 7 p.m. today.",
    "Items raised: • Gritting • Bus shelter · Hedges ● Verges ▪ Drains",
    "Agreed to repaint the shelter. Action Tom to get quotes. ACTION: Clerk to write.",
    "The Hedgerow Action Plan was noted. Youth Action Group met. the Action was done",
    "Ends with a label Action",
    "(((.))) ''' \"\"\" ... !!! ??? ,,; :: )] ’” •",
    "a.b. c.d. 3.5 4. 5.The next",
    "Who? Nobody! Fine... (See minute 12.) “Done.” Right.",
    "Action - Ann to book the hall; Action (Bob) to email; Action: Cath",
    "end.\u00a0Next sentence after a non-breaking space.\u2009And a thin space.",
]


def _spacy_tokens(text: str) -> tuple[list[str], list[int]]:
    doc = get_nlp().tokenizer(text)
    return [t.text for t in doc], [t.idx for t in doc]


def _plain_tokens(text: str) -> tuple[list[str], list[int]]:
    tokens, starts_at, _ = _tokens(text)
    return tokens, starts_at[: len(tokens)]


def _random_texts(count: int) -> list[str]:
    pieces = [*"ab A.!?,;:()[]\"'“‘’”•·●▪ \n\tZ1", "Action", "ACTION", "Cllr", "etc", "No", "The", "Plan", "the", "-", "i"]
    rng = random.Random(16)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(count)]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_agree_with_spacy(text: str) -> None:
    assert _plain_tokens(text) == _spacy_tokens(text)


def test_tokens_agree_with_spacy_on_random_texts() -> None:
    for text in _random_texts(3000):
        assert _plain_tokens(text) == _spacy_tokens(text), repr(text)


def test_candidates_cover_every_sentence_start() -> None:
    """Looking at the candidate tokens only finds the sentences that looking at every token does."""
    for text in TEXTS + _random_texts(3000):
        tokens, starts_at, candidates = _tokens(text)
        assert _sentence_bounds(tokens, starts_at, candidates) == _sentence_bounds(tokens, starts_at), repr(text)


def test_sentence_spans_agree_with_the_spacy_pipeline() -> None:
    # (a text without a possible boundary is one sentence, its whole length, without tokenizing)
    texts = [text for text in TEXTS + _random_texts(2000) if _may_hold_sentences(text.rstrip())]
    nlp = get_nlp()
    for text, spans in zip(texts, sentence_spans(texts), strict=True):
        plain = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\t", " ")
        expected = nlp(plain)._.minutes_sentences or [(0, len(text))]
        assert spans == expected, repr(text)


def test_sentences_of_minutes_prose() -> None:
    text = "Cllr. Ashworth said e.g. the bins etc. The Clerk will check. Action Tom to get quotes."
    spans = sentence_spans([text])[0]
    assert [text[a:b] for a, b in spans] == [
        "Cllr. Ashworth said e.g. the bins etc.",
        "The Clerk will check.",
        "Action Tom to get quotes.",
    ]
