"""The training recipe: from annotated documents to the model bundle, deterministically.

1. Each document is read and segmented by the rules alone (no model), and split into the units
   each model decides on: candidate item openings (``segment.item_units``) and clauses
   (the clause model is added in a later step).
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
    path: Path, gold: dict[str, Any], name: str, *, parts: Sequence[str] = ("items",)
) -> DocumentRows:
    """Read, segment and classify ``path`` with the rules alone; label its units from ``gold``."""
    from ..core import read_document
    from ..segment import item_units, segment_document

    document = read_document(path)
    segmented = segment_document(document)
    rows = DocumentRows(name)
    if gold.get("items") is not None:
        units = item_units(segmented)
        labels = label_by_matching([u.title or None for u in units], gold["items"], "title")
        rows.items = [
            (u.features, label) for u, label in zip(units, labels, strict=True) if label is not None
        ]
    return rows


# Regularisation and cut-offs per part, chosen by leave-one-source-out on the development set
# (docs/training.md has the figures).
SETTINGS: dict[str, dict[str, Any]] = {
    "items": {"c": 0.05, "thresholds": {"keep": 0.2, "open": 0.9}},
    "actions": {"c": 0.5, "thresholds": {"yes": 0.5}},
    "decisions": {"c": 0.5, "thresholds": {"yes": 0.5}},
}


def fit_models(
    documents: Iterable[DocumentRows], *, seed: int = 0, parts: Sequence[str] = ("items",)
) -> Models:
    """Fit each part on the rows of ``documents`` (sorted by name, so order never matters)."""
    ordered = sorted(documents, key=lambda d: d.name)
    fitted: dict[str, HashedLinearModel | None] = {}
    for part in ("items", "actions", "decisions"):
        rows = [row for doc in ordered for row in getattr(doc, part)]
        if part not in parts or len({label for _, label in rows}) < 2:
            fitted[part] = None
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
        "parts": [p for p in parts if fitted.get(p) is not None],
    }
    return Models(
        items=fitted["items"], actions=fitted["actions"], decisions=fitted["decisions"], meta=meta
    )
