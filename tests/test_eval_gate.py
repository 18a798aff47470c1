"""The evaluation gate: parse every annotated document and hold the scores above pinned floors.

Sets (each skipped when its directory is absent):

- ``corpora``: the project's own annotated examples, ``corpora/`` (always present);
- ``seeds``: ``../shared/seeds``;
- ``corpus-text``: the .md/.rst/.txt documents of ``../shared/corpus`` that have gold;
- ``corpus-formats``: the .pdf/.docx/.html documents of ``../shared/corpus`` that have gold.

- ``loso`` (slow): leave one source out over all of the above: every trained part is trained
  without one source at a time and that source scored; what the parser does on councils it was
  not trained on.

The floors live in ``tests/eval_floors.json``. Raising a floor after an improvement is welcome;
lowering one is a deliberate change, made in its own commit, so that a regression is never
waved through as part of another change. Each set is parsed once per test session.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes_parser.core import parse_file
from minutes_parser.evaluate import (
    Evaluation,
    GoldDocument,
    evaluate_documents,
    format_documents,
    format_plain,
    load_gold_documents,
)
from minutes_parser.scoring import headline

REPO = Path(__file__).resolve().parents[1]
CORPORA_DIR = REPO / "corpora"
SHARED_DIR = REPO / ".." / "shared"
FLOORS_PATH = Path(__file__).with_name("eval_floors.json")

SETS = ("corpora", "seeds", "corpus-text", "corpus-formats")
LOSO_SET = "loso"
METRICS = ("actions_f1", "decisions_f1", "owners_f1", "items_f1", "due_precision", "meeting_date")
TEXT_SUFFIXES = (".md", ".rst", ".txt")
FORMAT_SUFFIXES = (".pdf", ".docx", ".html")

_EVALUATIONS: dict[str, Evaluation] = {}


def set_documents(name: str) -> list[GoldDocument]:
    """The gold documents of one set; skips the test when the set's directory is absent."""
    if name == "corpora":
        return load_gold_documents(CORPORA_DIR)
    directory = SHARED_DIR / ("seeds" if name == "seeds" else "corpus")
    if not directory.is_dir():
        pytest.skip(f"{directory} is not present")
    documents = load_gold_documents(directory)
    if name == "corpus-text":
        documents = [d for d in documents if d.gold["document"].lower().endswith(TEXT_SUFFIXES)]
    elif name == "corpus-formats":
        documents = [d for d in documents if d.gold["document"].lower().endswith(FORMAT_SUFFIXES)]
    if not documents:
        pytest.skip(f"no gold files for {name} in {directory}")
    return documents


def set_evaluation(name: str) -> Evaluation:
    """Parse and score a set once per session."""
    if name not in _EVALUATIONS:
        _EVALUATIONS[name] = evaluate_documents(set_documents(name), per_doc=True)
    return _EVALUATIONS[name]


def load_floors() -> dict[str, dict[str, float]]:
    floors = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    return {k: v for k, v in floors.items() if not k.startswith("_")}


def test_floors_file_covers_every_set_and_metric() -> None:
    floors = load_floors()
    assert sorted(floors) == sorted((*SETS, LOSO_SET))
    for set_name, metrics in floors.items():
        assert sorted(metrics) == sorted(METRICS), set_name
        assert all(0.0 <= value <= 1.0 for value in metrics.values()), set_name


@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize("set_name", SETS)
def test_score_is_at_least_floor(set_name: str, metric: str) -> None:
    evaluation = set_evaluation(set_name)
    floor = load_floors()[set_name][metric]
    measured = headline(evaluation.result)[metric]
    if measured < floor:
        failures = "".join(f"\n  {e.document}: {e.reason}" for e in evaluation.errors)
        pytest.fail(
            f"{set_name}: {metric} = {measured:.3f} is below its floor {floor:.2f}.\n\n"
            f"{format_plain(evaluation.result)}\n"
            f"{format_documents(evaluation.result['documents'])}\n"
            + (f"\ndocuments that failed to parse:{failures}\n" if failures else "")
            + "\nFix the regression. Lowering a floor is a deliberate change: "
            "edit tests/eval_floors.json in its own commit."
        )


@pytest.mark.parametrize("set_name", SETS)
def test_every_document_of_set_parses(set_name: str) -> None:
    evaluation = set_evaluation(set_name)
    assert evaluation.errors == [], evaluation.errors


CORPORA_GOLD = load_gold_documents(CORPORA_DIR)


@pytest.mark.parametrize("document", CORPORA_GOLD, ids=[d.name for d in CORPORA_GOLD])
def test_corpora_document_parses_with_gold_kind(document: GoldDocument) -> None:
    minutes = parse_file(document.document_path)
    assert minutes.kind.value == document.gold["kind"]


def test_corpora_has_the_documents_the_gate_needs() -> None:
    # The gate is only meaningful with the project's own annotated set in place.
    assert len(CORPORA_GOLD) >= 8
    assert all(d.document_path.is_file() for d in CORPORA_GOLD)


@pytest.fixture(scope="module")
def loso_headline() -> dict[str, float]:
    from minutes_parser.evaluate import evaluate_loso

    documents = [*set_documents("seeds"), *load_gold_documents(SHARED_DIR / "corpus"), *CORPORA_GOLD]
    return headline(evaluate_loso(documents).result)


@pytest.mark.slow
@pytest.mark.parametrize("metric", METRICS)
def test_leave_one_source_out_score_is_at_least_floor(loso_headline: dict[str, float], metric: str) -> None:
    floor = load_floors()[LOSO_SET][metric]
    assert loso_headline[metric] >= floor, (
        f"leave-one-source-out {metric} = {loso_headline[metric]:.3f} is below its floor {floor:.2f}: "
        "a change that helps only the documents trained on is fitting. Reproduce with "
        "'minutes-parse eval --loso ../shared/corpus --add ../shared/seeds --add corpora'."
    )
