"""A binary linear classifier over hashed features: scikit-learn fits it, we store and apply it.

Features are ``{name: value}`` dicts. scikit-learn's :class:`~sklearn.feature_extraction.FeatureHasher`
turns names into column numbers, so the stored model holds numbers and weights, never a feature
name and so never a word of the documents it was trained on. The fit is
:class:`~sklearn.linear_model.LogisticRegression` (liblinear, a fixed ``random_state``), which
is deterministic for the same rows in the same order; weights are rounded when stored, so two
trainings on the same data give the same bytes. Applying it is the logistic function of the
weighted sum: done with numpy from the stored weights for a batch of rows
(:meth:`HashedLinearModel.probabilities_of`), in plain Python through a memo of name -> weight for
one row at a time (:meth:`HashedLinearModel.probability_of_names`).

Explanations ("why did the model say so?") come from the features of the row at hand: each
feature's contribution is its weight times its value, and the strongest ones are the model's cues.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, TypeVar

Features = Mapping[str, float]
K = TypeVar("K")
V = TypeVar("V")

N_FEATURES = 2**18
_DIGITS = 6  # rounding of stored weights: enough for the probabilities, stable bytes


def _hasher() -> Any:
    from sklearn.feature_extraction import FeatureHasher

    return FeatureHasher(n_features=N_FEATURES, input_type="dict", alternate_sign=False)


@dataclass
class HashedLinearModel:
    """Weights by hashed column, and the probabilities at which the pipeline says yes.

    ``thresholds`` maps a decision name to its cut-off: one model can decide with different
    confidence in different places ("keep" a rule's item title at a low probability, "open" an
    item at a paragraph only at a high one).
    """

    weights: dict[int, float]
    intercept: float
    thresholds: dict[str, float] = field(default_factory=lambda: {"yes": 0.5})
    meta: dict[str, Any] = field(default_factory=dict)
    _dense: Any = field(default=None, repr=False, compare=False)  # weights as a vector, on first use
    _by_name: _WeightByName | None = field(default=None, repr=False, compare=False)  # on first use

    # -- training -------------------------------------------------------------------------------

    @classmethod
    def fit(
        cls,
        rows: Sequence[Features],
        labels: Sequence[bool],
        *,
        seed: int = 0,
        c: float = 1.0,
        thresholds: Mapping[str, float] | None = None,
        class_weight: str | None = None,
    ) -> HashedLinearModel:
        """Fit logistic regression on the rows; needs both classes present."""
        from sklearn.linear_model import LogisticRegression

        if len(set(labels)) < 2:
            raise ValueError("training needs positive and negative examples")
        matrix = _hasher().transform(rows)
        estimator = LogisticRegression(
            C=c, solver="liblinear", random_state=seed, max_iter=1000, class_weight=class_weight
        )
        estimator.fit(matrix, [int(bool(v)) for v in labels])
        coef = estimator.coef_[0]
        weights = {int(i): round(float(coef[i]), _DIGITS) for i in coef.nonzero()[0]}
        weights = {i: w for i, w in weights.items() if w != 0.0}
        meta = {"rows": len(rows), "positives": sum(1 for v in labels if v), "c": c, "seed": seed}
        cut_offs = dict(thresholds) if thresholds else {"yes": 0.5}
        return cls(weights, round(float(estimator.intercept_[0]), _DIGITS), cut_offs, meta)

    # -- storage --------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "hashed-logistic-regression",
            "n_features": N_FEATURES,
            "intercept": self.intercept,
            "thresholds": self.thresholds,
            "meta": self.meta,
            # sorted (column, weight) pairs: a stable order gives stable bytes
            "weights": [[i, self.weights[i]] for i in sorted(self.weights)],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HashedLinearModel:
        if data.get("kind") != "hashed-logistic-regression" or data.get("n_features") != N_FEATURES:
            raise ValueError("not a hashed logistic-regression model of this version")
        weights = {int(i): float(w) for i, w in data["weights"]}
        thresholds = {str(k): float(v) for k, v in dict(data["thresholds"]).items()}
        return cls(weights, float(data["intercept"]), thresholds, dict(data.get("meta", {})))

    # -- prediction -----------------------------------------------------------------------------

    def probabilities(self, rows: Sequence[Features]) -> list[float]:
        """P(yes) for each row; see :meth:`probabilities_of`."""
        return self.probabilities_of(hashed(rows))

    def probabilities_of(self, rows: HashedRows) -> list[float]:
        """P(yes) for rows already hashed (:func:`hashed`; models sharing rows hash them once).

        This is ``LogisticRegression.predict_proba`` for two classes over FeatureHasher columns
        (tests/test_learn.py checks the two agree), computed from the stored weights with numpy:
        the pipeline asks once per paragraph, and scikit-learn's per-call input checks and
        sparse-matrix building would cost far more than the sum itself.
        """
        import numpy as np

        if not rows.offsets:
            return []
        if self._dense is None:
            self._dense = np.zeros(N_FEATURES)
            for index, weight in self.weights.items():
                self._dense[index] = weight
        contributions = self._dense[rows.columns] * rows.values
        scores = np.add.reduceat(contributions, rows.offsets) + self.intercept
        probabilities: list[float] = (1.0 / (1.0 + np.exp(-scores))).tolist()
        return probabilities

    def probability_of_names(self, names: Iterable[str]) -> float:
        """P(yes) for one row of indicator features (each present feature has value 1.0): the
        intercept plus the weights of its names' columns (the same as :meth:`probabilities`,
        tests/test_learn.py checks). Summed in plain Python through a memo of name -> weight: for
        the few rows of a paragraph that is cheaper than hashing and numpy's fixed cost per call."""
        score = sum(map(self._weights_by_name().__getitem__, names)) + self.intercept
        try:
            return 1.0 / (1.0 + math.exp(-score))
        except OverflowError:  # a score below about -709: numpy's exp gives inf, and P(yes) 0
            return 0.0

    def weight(self, name: str) -> float:
        """The weight of one feature (0.0 for one whose column training left at zero)."""
        return self._weights_by_name()[name]

    def _weights_by_name(self) -> _WeightByName:
        """The memo of name -> weight every per-name method reads: a name's column hashed once."""
        if self._by_name is None:
            self._by_name = _WeightByName(self.weights)
        return self._by_name

    def strongest(self, row: Features, *, count: int = 3, positive: bool = True) -> list[str]:
        """The features of ``row`` that pushed hardest toward yes (or, with ``positive=False``, no)."""
        by_name = self._weights_by_name()
        # (-strength, name) pairs sort strongest first, ties by name, without a key function
        ranked: list[tuple[float, str]] = []
        for name, value in row.items():
            weight = by_name[name] * value
            if weight != 0.0 and (weight > 0) == positive:
                ranked.append((-abs(weight), name))
        ranked.sort()
        return [name for _, name in ranked[:count]]


class BoundedMemo(dict[K, V]):
    """``key -> function(key)``, each computed once: keys repeat across paragraphs and documents, and
    a lookup is a plain dict lookup in C (``__missing__`` runs on a new key only). Bounded: past
    ``limit`` keys, a new key is computed each time instead of kept."""

    def __init__(self, function: Callable[[K], V], limit: int = 1 << 18) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, key: K) -> V:
        value = self.function(key)
        if len(self) < self.limit:
            self[key] = value
        return value


class _WeightByName(dict[str, float]):
    """One model's weight of each feature name (its column's weight; 0.0 for a column without
    one), a memo like :class:`BoundedMemo`. The work of a new name is done here rather than in a
    function it calls: most of a document's word pairs are new names, so this runs often."""

    def __init__(self, weights: dict[int, float]) -> None:
        super().__init__()
        self.weights = weights

    def __missing__(self, name: str) -> float:
        weight = self.weights.get(_COLUMNS[name], 0.0)
        if len(self) < _COLUMNS.limit:
            self[name] = weight
        return weight


@dataclass(frozen=True)
class HashedRows:
    """Rows as flat arrays: every row's columns and values one after another, and where each
    row starts. Every row holds at least one feature (the pipeline's rows all have "bias")."""

    columns: Any
    values: Any
    offsets: list[int]


def hashed(rows: Sequence[Features]) -> HashedRows:
    """The rows with the columns FeatureHasher gives their feature names."""
    import numpy as np

    offsets: list[int] = []
    total = 0
    for row in rows:
        if not row:
            raise ValueError("a row needs at least one feature")
        offsets.append(total)
        total += len(row)
    # One pass over all the rows' names and values, at C speed (no Python code per feature).
    columns = np.fromiter(map(_COLUMNS.__getitem__, chain.from_iterable(rows)), dtype=np.int64, count=total)
    values = np.fromiter(chain.from_iterable(row.values() for row in rows), dtype=np.float64, count=total)
    return HashedRows(columns, values, offsets)


def _column(name: str) -> int:
    """The hashed column of one feature name, as FeatureHasher computes it: signed 32-bit
    MurmurHash3 of the UTF-8 name, seed 0, absolute value modulo the width. mmh3 computes the same
    hash as scikit-learn's ``murmurhash3_32`` (tests/test_learn.py checks the columns agree)
    without importing scikit-learn, which costs a second at every start of the command."""
    import mmh3

    return abs(mmh3.hash(name, 0, signed=True)) % N_FEATURES


_COLUMNS: BoundedMemo[str, int] = BoundedMemo(_column)  # feature name -> hashed column
