"""The trained clause classifier beside the rules: is this clause an action, a decision, both?

The rules (``actions.py``, ``decisions.py``) run first and their cues become features, so the
model learns how far to trust each rule instead of competing with it. Other features: the
clause's words and word pairs (hashed), its first words, modal and tense words, its length, and
its context: the label governing it ("Resolved:"), an action column beside it, a speaker prefix,
a list marker, its place in the paragraph and the item title's words.

:class:`ClauseRefiner` applies the ``actions`` and ``decisions`` models of a bundle to each
classified paragraph: a rule's finding is kept unless the model is fairly sure it is wrong
(``keep`` cut-off). A model with an ``open`` cut-off also adds a finding the rules missed when it
is that sure; the shipped recipe gives the clause models none (learn/recipe.py says why), so they
only judge the rules' findings and the clauses no rule fired on are not scored at all. A finding
the model added says so in its cue, with the model's strongest features ("model:0.91 (w=will,
first=clerk)"). Without models the refiner changes nothing.
:class:`ClauseRecorder` is the same step for training: it records each clause and its features.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache, partial
from itertools import pairwise, repeat
from typing import TYPE_CHECKING

from ..casefold import lower_is_case_blind
from ..learn.linear import BoundedMemo
from .base import Finding
from .paragraphs import ClassifiedParagraph, ClauseResult, subject_of, summarise

if TYPE_CHECKING:
    from ..extract.owners import PeopleIndex
    from ..learn.bundle import Models
    from ..learn.linear import HashedLinearModel

_WORD = re.compile(r"[a-z][a-z'’]*|\d+")
_SPEAKER_PREFIX = re.compile(r"^[A-Z][\w'’\-]{1,30}(?:\s[A-Z][\w'’\-]{1,30}){0,2}:\s")
_MODALS = (
    "will",
    "would",
    "shall",
    "should",
    "must",
    "may",
    "can",
    "could",
    "to",
    "be",
    "was",
    "were",
    "has",
    "had",
)
_MODAL_NAMES = tuple((modal, "modal=" + modal) for modal in _MODALS)
Features = dict[str, float]
_MAX_WORDS = 60  # words of a clause that become features (a transcript paragraph stays cheap)


@dataclass(frozen=True)
class ClauseContext:
    """What the pipeline knows about the paragraph a clause sits in."""

    label: str | None
    margin: str | None
    list_marker: str | None
    item_title: str
    paragraph_text: str


def clause_features(
    clause: ClauseResult, index: int, count: int, context: ClauseContext
) -> Features:
    """The features of one clause (see the module docstring)."""
    f: Features = {"bias": 1.0}
    f[f"dcue={clause.decision.cue if clause.decision else 'none'}"] = 1.0
    f[f"acue={clause.action.cue if clause.action else 'none'}"] = 1.0
    if clause.action and clause.action.owners:
        f["rule-owner"] = 1.0
    f[f"label={context.label or 'none'}"] = 1.0
    if context.margin:
        f["margin"] = 1.0
    if context.list_marker:
        f["list"] = 1.0
    if _SPEAKER_PREFIX.match(context.paragraph_text):
        f["speaker"] = 1.0
    f[
        f"place={'only' if count == 1 else 'first' if index == 0 else 'last' if index == count - 1 else 'mid'}"
    ] = 1.0
    text = clause.text
    words = _WORD.findall(text.lower())[:_MAX_WORDS]
    f[f"words={min(len(words) // 4, 10)}"] = 1.0
    if text.rstrip().endswith("?"):
        f["question"] = 1.0
    if text[:1].islower():
        f["starts-lower"] = 1.0
    if words:
        f["first=" + words[0]] = 1.0
        if len(words) > 1:
            f["first2=" + words[0] + "_" + words[1]] = 1.0
    # a repeated word or pair keeps its first place. Word names come from a memo: the same words
    # recur in every document, and a name looked up there is not built and hashed again (pairs
    # are too varied for a memo to pay)
    for name in map(_WORD_NAMES.__getitem__, words):
        f[name] = 1.0
    for first, second in pairwise(words):
        f[f"b={first}_{second}"] = 1.0  # (an f-string builds the name in one step)
    present = set(words)
    for modal, name in _MODAL_NAMES:
        if modal in present:
            f[name] = 1.0
    ed = sum(map(str.endswith, words, repeat("ed")))
    f[f"past={min(ed, 3)}"] = 1.0
    for name in _title_names(context.item_title):
        f[name] = 1.0
    return f


_WORD_NAMES: BoundedMemo[str, str] = BoundedMemo("w=".__add__)


@lru_cache(maxsize=64)  # an item's clauses share its title
def _title_names(title: str) -> tuple[str, ...]:
    return tuple("t=" + word for word in _WORD.findall(title.lower())[:4])


# A clause the model looks at: one a rule found something in, or one with a word that commitments
# and decisions are made of. The rest (most clauses: discussion) are left as the rules saw them,
# which keeps the model's cost small. On the development set about 70% of the actions and decisions
# the rules miss have such a word; the model adds findings rarely in any case.
_CANDIDATE_WORDS = re.compile(
    r"\b(?:will|would|shall|should|must|to|agreed?|resolved|approved?|carried|action|todo|adopted|"
    r"decided|consensus|unanimous(?:ly)?|noted|accepted|supported)\b",
    re.I,
)


# The same words without re.I, searched in lower-cased text: twice as fast, and the same verdict on
# ASCII text (where lower() and re.I agree letter for letter); other text takes the re.I pattern.
_CANDIDATE_WORDS_LOWER = re.compile(_CANDIDATE_WORDS.pattern)


def is_candidate(clause: ClauseResult) -> bool:
    """Does the model look at this clause? (see ``_CANDIDATE_WORDS``)"""
    if clause.action is not None or clause.decision is not None:
        return True
    text = clause.text
    if lower_is_case_blind(text):
        return _CANDIDATE_WORDS_LOWER.search(text.lower()) is not None
    return _CANDIDATE_WORDS.search(text) is not None


@dataclass
class ClauseRefiner:
    """Applies a bundle's clause models to classified paragraphs (no-op without them)."""

    actions: HashedLinearModel | None = None
    decisions: HashedLinearModel | None = None

    @classmethod
    def from_models(cls, models: Models) -> ClauseRefiner:
        return cls(models.actions, models.decisions)

    @property
    def active(self) -> bool:
        return self.actions is not None or self.decisions is not None

    @cached_property
    def adds(self) -> bool:
        """Does a model add findings the rules missed (an "open" cut-off), or only judge theirs?
        (Asked for every clause no rule fired on: worked out once.)"""
        return any(m is not None and "open" in m.thresholds for m in (self.actions, self.decisions))

    def refine(
        self, classified: ClassifiedParagraph, context: ClauseContext, people: PeopleIndex
    ) -> ClassifiedParagraph:
        if not self.active:
            return classified
        clauses = classified.clauses
        out: list[ClauseResult] | None = None  # a copy of the clauses, made at the first change
        for index, clause in enumerate(clauses):
            if clause.action is None and clause.decision is None:
                # nothing to keep or drop: only a model that may add a finding looks further
                if not self.adds or not is_candidate(clause):
                    continue
            row = clause_features(clause, index, len(clauses), context)
            action = _decide(clause.action, self.actions, row, partial(_owners_of, clause, people))
            decision = _decide(clause.decision, self.decisions, row, lambda: ())
            if action is not clause.action or decision is not clause.decision:
                if out is None:
                    out = list(clauses)
                out[index] = replace(clause, action=action, decision=decision)
        # the model agreed with every rule (most paragraphs): the paragraph is as the rules made it
        return classified if out is None else summarise(out)

    def observe(self, classified: ClassifiedParagraph, context: ClauseContext) -> None:
        """Called on every paragraph before :meth:`refine`; the recorder keeps what it sees."""


@dataclass
class RecordedClause:
    text: str
    features: Features


class ClauseRecorder(ClauseRefiner):
    """For training: records every clause the model would look at (:func:`is_candidate`), with its
    features, and leaves the rules' verdicts as they are."""

    def __init__(self) -> None:
        super().__init__()
        self.clauses: list[RecordedClause] = []

    def observe(self, classified: ClassifiedParagraph, context: ClauseContext) -> None:
        count = len(classified.clauses)
        for index, clause in enumerate(classified.clauses):
            if is_candidate(clause):
                self.clauses.append(RecordedClause(clause.text, clause_features(clause, index, count, context)))


def _decide(
    finding: Finding | None,
    model: HashedLinearModel | None,
    row: Features,
    owners: Callable[[], tuple[str, ...]],
) -> Finding | None:
    if model is None:
        return finding
    probability = model.probability_of_names(row)  # every clause feature is an indicator (1.0)
    if finding is not None:
        return finding if probability >= model.thresholds["keep"] else None
    open_at = model.thresholds.get("open")  # a model without it only keeps or drops rule findings
    if open_at is None or probability < open_at:
        return None
    why = ", ".join(model.strongest(row, count=3))
    return Finding(f"model:{probability:.2f} ({why})", owners())


def _owners_of(clause: ClauseResult, people: PeopleIndex) -> tuple[str, ...]:
    """The owner of an action only the model found: one named where such sentences put the person
    asked (see ``_OWNER_AFTER``, ``_OWNER_BEFORE``), else the clause's subject if it names one
    ("Members agreed that Ola would ...": Ola, not the members)."""
    subject = _embedded_owner(clause.text, people) or subject_of(clause.text, people)
    return (subject,) if subject else ()


# The rules give an owner to the actions they find; one the model adds has often been missed because
# its owner is not the sentence's subject but sits after "that" ("it was resolved that the Hall
# Committee should ...", "agreed that Sam would ...") or before a request in the passive or a
# closing assignment ("the warden was asked to ...", "... PJ to action").
_OWNER_AFTER = re.compile(r"\bthat\s+((?:[\w.’'&-]+\s+){0,3}?[\w.’'&-]+)\s+(?:should|shall|will|would|must|is to|are to|to)\b")
_OWNER_BEFORE = re.compile(r"\b((?:[\w.’'&-]+\s+){0,3}?[\w.’'&-]+)\s+(?:(?:was|were|has been|have been)\s+asked\s+to|to\s+action)\b")


def _embedded_owner(text: str, people: PeopleIndex) -> str | None:
    from ..extract.owners import owner_phrase

    for pattern, from_end in ((_OWNER_AFTER, False), (_OWNER_BEFORE, True)):
        for match in pattern.finditer(text):
            words = match.group(1).split()
            # the longest run of words next to the anchor that names someone; a leading "the" of
            # a titled person ("the Clerk") is kept, of initials ("the FC") dropped
            for size in range(len(words), 0, -1):
                phrase = " ".join(words[-size:] if from_end else words[:size])
                for candidate in (phrase, phrase[4:] if phrase.lower().startswith("the ") else ""):
                    owners = owner_phrase(candidate, people) if candidate else None
                    if owners and len(owners) == 1:
                        return owners[0]
    return None
