"""The training recipe: from annotated documents to the model bundle, deterministically.

1. Each document is read and segmented by the rules alone (no model), and split into the units
   each model decides on: candidate item openings (``segment.item_units``) and clauses
   (the clauses the classifier sees, recorded by ``classify.clause_model.ClauseRecorder``).
2. Units are labelled from the gold file with the scorer's own matching (word F1 >= 0.5,
   one-to-one, best pairs first): a unit matched to a gold item, action or decision is a yes; a
   unit matched to an *optional* gold entry is left out of training; the rest are no.
3. One logistic regression per part is fitted on hashed features (``linear.py``), rows in the
   sorted order of the documents' names, with a fixed seed: the same inputs give the same bytes.

``minutes-parse train GOLD_DIR [DOCS_DIR] --out MODEL`` runs it; the shipped model is
``minutes-parse train ../shared/corpus`` with ``--add ../shared/seeds --add corpora`` (see
docs/training.md). Nothing here runs at import.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..scoring import match_texts
from .bundle import Models
from .linear import Features, HashedLinearModel

Row = tuple[Features, bool]
ALL_PARTS = ("items", "actions", "decisions")
PARTS = ALL_PARTS  # the parts the recipe trains by default


@dataclass
class DocumentRows:
    """The labelled units of one document, per model."""

    name: str
    items: list[Row] = field(default_factory=list)
    actions: list[Row] = field(default_factory=list)
    decisions: list[Row] = field(default_factory=list)


def label_by_matching(
    candidates: Sequence[str | None], gold: Sequence[dict[str, Any]], key: str
) -> list[bool | None]:
    """True/False per candidate, None for one matched to an optional gold entry."""
    labels: list[bool | None] = [False] * len(candidates)
    texts = [g.get(key) for g in gold]
    optional = [bool(g.get("optional")) for g in gold]
    for candidate, gold_index in match_texts(list(candidates), texts, gold_optional=optional):
        labels[candidate] = None if optional[gold_index] else True
    return labels


def document_rows(
    path: Path, gold: dict[str, Any], name: str, *, parts: Sequence[str] = PARTS
) -> DocumentRows:
    """Read, segment and classify ``path`` with the rules alone; label its units from ``gold``."""
    from ..classify.clause_model import ClauseRecorder
    from ..core import assemble, read_document
    from ..segment import item_units, segment_document
    from .bundle import RULES_ONLY

    document = read_document(path)
    rows = DocumentRows(name)
    if "items" in parts and gold.get("items") is not None:
        units = item_units(segment_document(document), document.blocks)
        labels = label_by_matching([u.title or None for u in units], gold["items"], "title")
        # Units without a title never open an item: the model is neither asked nor taught on them.
        labelled = zip(units, labels, strict=True)
        rows.items = [(u.features, label) for u, label in labelled if label is not None and u.title and not u.fixed]
    clause_parts = [p for p in ("actions", "decisions") if p in parts]
    if clause_parts:
        recorder = ClauseRecorder()
        assemble(document, name=name, sha256="", models=RULES_ONLY, refiner=recorder)
        texts: list[str | None] = [c.text for c in recorder.clauses]
        for part in clause_parts:
            labels = label_by_matching(texts, gold.get(part) or [], "text")
            recorded = zip(recorder.clauses, labels, strict=True)
            setattr(rows, part, [(c.features, label) for c, label in recorded if label is not None])
    return rows


def parse_parts(text: str) -> tuple[str, ...]:
    """"items,actions" -> ("items", "actions"); ValueError naming an unknown part."""
    parts = tuple(p.strip() for p in text.split(",") if p.strip())
    unknown = [p for p in parts if p not in ALL_PARTS]
    if unknown or not parts:
        raise ValueError(f"unknown part {', '.join(unknown) or '(none given)'} (choose from {', '.join(ALL_PARTS)})")
    return parts


# Regularisation and cut-offs per part, chosen by leave-one-source-out on the development set
# (end to end, each part alone against the rules alone; docs/training.md has the figures). A
# higher "keep" lost more good rule findings than wrong ones on sources left out. The clause models
# have no "open" cut-off: they judge the rules' findings and add none of their own, because what
# they added fitted the documents they were trained on only (leave-one-source-out was identical
# with and without it, 89 documents) and scoring every clause no rule fired on cost time.
SETTINGS: dict[str, dict[str, Any]] = {
    "items": {"c": 0.05, "thresholds": {"keep": 0.15, "open": 0.95}},
    "actions": {"c": 0.5, "thresholds": {"keep": 0.3}},
    "decisions": {"c": 0.2, "thresholds": {"keep": 0.1}},
}


def fit_models(
    documents: Iterable[DocumentRows],
    *,
    seed: int = 0,
    parts: Sequence[str] = PARTS,
    base: Models | None = None,
) -> Models:
    """Fit each part on the rows of ``documents`` (sorted by name, so order never matters).

    A part not in ``parts``, or without both yes and no examples, is taken from ``base`` (or
    left to the rules when there is no base)."""
    ordered = sorted(documents, key=lambda d: d.name)
    fitted: dict[str, HashedLinearModel | None] = {}
    for part in ALL_PARTS:
        rows = [row for doc in ordered for row in getattr(doc, part)]
        if part not in parts or len({label for _, label in rows}) < 2:
            fitted[part] = getattr(base, part) if base is not None else None
            continue
        settings = SETTINGS[part]
        fitted[part] = HashedLinearModel.fit(
            [f for f, _ in rows],
            [label for _, label in rows],
            seed=seed,
            c=settings["c"],
            thresholds=settings["thresholds"],
        )
    meta = {
        "documents": len(ordered),
        "seed": seed,
        "trained": [p for p in parts if fitted.get(p) is not None],
    }
    return Models(
        items=fitted["items"], actions=fitted["actions"], decisions=fitted["decisions"], meta=meta
    )


@dataclass
class TrainingResult:
    models: Models
    skipped: list[tuple[str, str]]  # (document, reason) not trained on


def train(
    documents: Sequence[Any],
    *,
    parts: Sequence[str] = PARTS,
    seed: int = 0,
    base: Models | None = None,
) -> TrainingResult:
    """The recipe end to end on gold documents (``evaluate.GoldDocument``); unreadable ones are skipped."""
    from ..errors import MinutesParserError

    rows: list[DocumentRows] = []
    skipped: list[tuple[str, str]] = []
    for doc in documents:
        try:
            rows.append(document_rows(doc.document_path, doc.gold, doc.name, parts=parts))
        except MinutesParserError as exc:
            skipped.append((doc.name, exc.reason))
    return TrainingResult(fit_models(rows, seed=seed, parts=parts, base=base), skipped)
