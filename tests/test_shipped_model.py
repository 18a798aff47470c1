"""The shipped model is what the recipe produces: retrain it the documented way, compare bytes.

The recipe (docs/training.md) trains on ../shared/corpus with ../shared/seeds and corpora/ added;
the test skips where ../shared is absent. Slow: it reads and labels every annotated document.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes_parser.learn.bundle import DEFAULT_PATH, Models
from minutes_parser.learn.command import main as train_main

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RECIPE = [str(SHARED / "corpus"), "--add", str(SHARED / "seeds"), "--add", str(REPO / "corpora")]


def test_shipped_model_loads_with_every_part() -> None:
    models = Models.load(DEFAULT_PATH)
    assert models.items is not None and models.actions is not None and models.decisions is not None
    assert models.meta["trained"] == ["items", "actions", "decisions"]


@pytest.mark.slow
def test_shipped_model_is_what_the_recipe_produces(tmp_path: Path) -> None:
    if not (SHARED / "corpus").is_dir() or not (SHARED / "seeds").is_dir():
        pytest.skip(f"{SHARED} is not present: the recipe trains on its gold")
    out = tmp_path / "model.json"
    assert train_main([*RECIPE, "--out", str(out)]) == 0
    assert out.read_bytes() == DEFAULT_PATH.read_bytes(), (
        "the shipped model differs from the recipe's output: retrain it with "
        "'minutes-parse train ../shared/corpus --add ../shared/seeds --add corpora "
        "--out src/minutes_parser/learn/default-model.json' and commit it"
    )
