"""Scoring of predicted minutes against gold annotations, by the rules of the gold specification.

The rules (see ``docs/evaluation.md``):

- text similarity is the F1 of lower-cased word tokens, with Markdown link targets, bare URLs and
  emphasis marks left out;
- a prediction and a gold entry match at similarity >= 0.5, one-to-one, best pairs first;
- gold entries marked ``optional`` are neither rewarded nor punished: a prediction that matches one
  counts for nothing, and missing one is no error;
- owners are scored over matched actions, due dates over matched actions, items (by title) only
  for documents whose gold ``items`` is not null, and the meeting date as an accuracy.

Everything here works on plain JSON-like dicts (the OUTPUT.md object and the gold file), so it can
score output of any parser. The numbers are rounded to three decimals, as the reference scorer does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

MATCH_THRESHOLD = 0.5
METRIC_KEYS = ("actions", "decisions", "owners", "items")

_WORD = re.compile(r"\w+")
# Markup that is not words: a Markdown link target "](…)", an autolink "<https://…>", a bare
# URL, and emphasis/code/heading marks. Each alternative is a single bounded-by-delimiter scan.
_MARKUP = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+|[*_`#]+")

JsonDict = dict[str, Any]


def tokens(text: str | None) -> list[str]:
    """Lower-cased word tokens of ``text``, markup left out."""
    return _WORD.findall(_MARKUP.sub(" ", text or "").lower())


def similarity(first: str | None, second: str | None) -> float:
    """Token F1 of two texts: shared tokens (as a multiset) against each text's length."""
    first_tokens, second_tokens = tokens(first), tokens(second)
    if not first_tokens or not second_tokens:
        return 0.0
    shared = sum((Counter(first_tokens) & Counter(second_tokens)).values())
    if shared == 0:
        return 0.0
    precision = shared / len(first_tokens)
    recall = shared / len(second_tokens)
    # Computed in this exact form so scores at the 0.5 threshold agree bit for bit with the
    # reference scorer.
    return 2 * precision * recall / (precision + recall)


def match_texts(
    predicted: Sequence[str | None],
    gold: Sequence[str | None],
    threshold: float = MATCH_THRESHOLD,
    *,
    gold_optional: Sequence[bool] = (),
) -> list[tuple[int, int]]:
    """One-to-one matching, best pairs first: ``[(predicted_index, gold_index)]``.

    On equal similarity a gold entry that counts goes before an optional one (``gold_optional``),
    as in the reference scorer: an optional near-twin must not take the prediction from the entry
    it repeats. Remaining ties go by predicted index, then gold index.
    """
    candidates: list[tuple[float, int, int]] = []
    for pred_index, pred_text in enumerate(predicted):
        for gold_index, gold_text in enumerate(gold):
            score = similarity(pred_text, gold_text)
            if score >= threshold:
                candidates.append((score, pred_index, gold_index))
    optional = [bool(o) for o in gold_optional] + [False] * (len(gold) - len(gold_optional))
    candidates.sort(key=lambda c: (-c[0], optional[c[2]], c[1], c[2]))
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, pred_index, gold_index in candidates:
        if pred_index not in used_pred and gold_index not in used_gold:
            used_pred.add(pred_index)
            used_gold.add(gold_index)
            pairs.append((pred_index, gold_index))
    return pairs


@dataclass
class Tally:
    """True positives, false positives and false negatives of one metric."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def counts(self) -> dict[str, int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn}

    def summary(self) -> dict[str, Any]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            **self.counts(),
        }


def _is_optional(entry: Mapping[str, Any]) -> bool:
    return bool(entry.get("optional"))


def score_entries(
    predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]], tally: Tally, key: str = "text"
) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """Add one document's entries to ``tally``; return the matched (predicted, gold) pairs that count.

    A prediction matched to an optional gold entry is neither right nor wrong; an optional gold
    entry left unmatched is not missed.
    """
    pairs = match_texts(
        [p.get(key) for p in predicted],
        [g.get(key) for g in gold],
        gold_optional=[_is_optional(g) for g in gold],
    )
    matched_pred = {p for p, _ in pairs}
    matched_gold = {g for _, g in pairs}
    tally.add(
        tp=sum(1 for _, g in pairs if not _is_optional(gold[g])),
        fp=len(predicted) - len(matched_pred),
        fn=sum(1 for g, entry in enumerate(gold) if g not in matched_gold and not _is_optional(entry)),
    )
    return [(predicted[p], gold[g]) for p, g in pairs if not _is_optional(gold[g])]


def name_words(name: str) -> set[str]:
    """The words of an owner's name, a leading "the" dropped ("the Clerk" is "Clerk")."""
    words = tokens(name)
    if words and words[0] == "the":
        words = words[1:]
    return set(words)


def same_owner(predicted: str, spellings: Iterable[str]) -> bool:
    """True when one spelling's words all occur in the predicted owner's words, or the reverse."""
    predicted_words = name_words(predicted)
    if not predicted_words:
        return False
    for spelling in spellings:
        gold_words = name_words(spelling)
        if gold_words and (gold_words <= predicted_words or predicted_words <= gold_words):
            return True
    return False


def _spellings(entry: Any) -> list[str]:
    """A gold owner is a list of acceptable spellings; tolerate a bare string."""
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, list):
        return [s for s in entry if isinstance(s, str)]
    return []


def score_owners(predicted_action: Mapping[str, Any], gold_action: Mapping[str, Any], tally: Tally) -> None:
    """Owners of one matched action pair.

    Each gold owner is found at most once. A predicted owner that finds no gold owner is wrong
    unless it names an acceptable extra (``owners_ok``) or repeats a gold owner already found.
    """
    predicted_owners = [o for o in (predicted_action.get("owners") or []) if isinstance(o, str)]
    gold_owners = [_spellings(o) for o in (gold_action.get("owners") or [])]
    acceptable_extras = [_spellings(o) for o in (gold_action.get("owners_ok") or [])]
    found = [False] * len(gold_owners)
    for owner in predicted_owners:
        hit = False
        for index, spellings in enumerate(gold_owners):
            if not found[index] and same_owner(owner, spellings):
                found[index] = hit = True
                break
        if hit:
            continue
        is_extra = any(same_owner(owner, [s]) for extra in acceptable_extras for s in extra)
        is_repeat = any(same_owner(owner, spellings) for spellings in gold_owners)
        if not is_extra and not is_repeat:
            tally.add(fp=1)
    tally.add(tp=sum(found), fn=len(found) - sum(found))


def due_value(action: Mapping[str, Any]) -> Any:
    """``due.value`` of a predicted action (a dict) or the bare value of a gold one."""
    due = action.get("due")
    if isinstance(due, Mapping):
        return due.get("value")
    return due


@dataclass
class DocumentScore:
    """One document's counts, for per-document reports."""

    document: str
    found: bool
    counts: dict[str, dict[str, int]]

    def as_dict(self) -> JsonDict:
        return {"document": self.document, "found": self.found, **self.counts}


@dataclass
class Scorer:
    """Accumulates counts over documents; :meth:`result` gives the summary."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in METRIC_KEYS})
    due_right: int = 0
    due_predicted: int = 0
    due_gold: int = 0
    dates_right: int = 0
    dates_total: int = 0
    documents: list[DocumentScore] = field(default_factory=list)

    def add(self, gold: Mapping[str, Any], predicted: Any, *, document: str | None = None, found: bool = True) -> DocumentScore:
        """Score one document. ``predicted`` is the OUTPUT.md object (a one-element list is accepted)."""
        prediction = _as_prediction(predicted)
        before = {k: t.counts() for k, t in self.tallies.items()}
        pairs = score_entries(prediction.get("actions") or [], gold.get("actions") or [], self.tallies["actions"])
        score_entries(prediction.get("decisions") or [], gold.get("decisions") or [], self.tallies["decisions"])
        for predicted_action, gold_action in pairs:
            score_owners(predicted_action, gold_action, self.tallies["owners"])
            self._add_due(due_value(predicted_action), due_value(gold_action))
        if gold.get("items") is not None:
            predicted_items = [{"text": i.get("title")} for i in (prediction.get("items") or [])]
            gold_items = [{"text": i.get("title"), "optional": i.get("optional")} for i in gold["items"]]
            score_entries(predicted_items, gold_items, self.tallies["items"])
        gold_meeting = gold.get("meeting") or {}
        if "date" in gold_meeting:
            self.dates_total += 1
            if (prediction.get("meeting") or {}).get("date") == gold_meeting["date"]:
                self.dates_right += 1
        counts = {
            k: {c: t.counts()[c] - before[k][c] for c in ("tp", "fp", "fn")} for k, t in self.tallies.items()
        }
        doc = DocumentScore(document=document or str(gold.get("document")), found=found, counts=counts)
        self.documents.append(doc)
        return doc

    def _add_due(self, predicted: Any, gold: Any) -> None:
        if predicted is not None:
            self.due_predicted += 1
        if gold is not None:
            self.due_gold += 1
        if predicted is not None and gold is not None and str(predicted) == str(gold):
            self.due_right += 1

    def result(self, *, per_doc: bool = False, macro: bool = False) -> JsonDict:
        """The summary, with the keys of the reference scorer's ``--json`` output."""
        summary: JsonDict = {k: t.summary() for k, t in self.tallies.items()}
        summary["due"] = {
            "precision": round(self.due_right / self.due_predicted, 3) if self.due_predicted else 0.0,
            "recall": round(self.due_right / self.due_gold, 3) if self.due_gold else 0.0,
            "right": self.due_right,
            "predicted": self.due_predicted,
            "gold": self.due_gold,
        }
        summary["meeting_date"] = {
            "accuracy": round(self.dates_right / self.dates_total, 3) if self.dates_total else 0.0,
            "right": self.dates_right,
            "total": self.dates_total,
        }
        documents = [d.as_dict() for d in self.documents] if macro or per_doc else []
        if macro:
            summary["macro"] = macro_f1(documents)
        if per_doc:
            summary["documents"] = documents
        return summary


def macro_f1(documents: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Mean per-document F1 of each metric, over documents with any gold or predicted entry.

    Reported beside the pooled (micro) figures so that a few long documents do not stand for the
    whole set; the same definition as the reference scorer's ``--macro``.
    """
    out: dict[str, float] = {}
    for key in METRIC_KEYS:
        scores = [
            2 * d[key]["tp"] / (2 * d[key]["tp"] + d[key]["fp"] + d[key]["fn"])
            for d in documents
            if d[key]["tp"] + d[key]["fp"] + d[key]["fn"]
        ]
        out[key] = round(sum(scores) / len(scores), 3) if scores else 0.0
    return out


def _as_prediction(predicted: Any) -> Mapping[str, Any]:
    if isinstance(predicted, list):
        predicted = predicted[0] if predicted else {}
    return predicted if isinstance(predicted, Mapping) else {}


def score(pairs: Iterable[tuple[Mapping[str, Any], Any]], *, per_doc: bool = False) -> JsonDict:
    """Score (gold, predicted) document pairs; a convenience over :class:`Scorer`."""
    scorer = Scorer()
    for gold, predicted in pairs:
        scorer.add(gold, predicted)
    return scorer.result(per_doc=per_doc)


def headline(result: Mapping[str, Any]) -> dict[str, float]:
    """The gate's metrics from a result: one number each, higher is better."""
    return {
        "actions_f1": float(result["actions"]["f1"]),
        "decisions_f1": float(result["decisions"]["f1"]),
        "owners_f1": float(result["owners"]["f1"]),
        "items_f1": float(result["items"]["f1"]),
        "due_precision": float(result["due"]["precision"]),
        "meeting_date": float(result["meeting_date"]["accuracy"]),
    }
