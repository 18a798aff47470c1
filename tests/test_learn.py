"""The trained parts: hashed linear models, the bundle file, the recipe, LOSO and the train command.

Training is tested on a tiny set of the project's own fictional annotated minutes (corpora/), so
it runs in seconds and never needs ../shared.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from minutes_parser import parse_file
from minutes_parser.classify.clause_model import ClauseContext, ClauseRefiner, clause_features
from minutes_parser.classify.paragraphs import ClauseResult
from minutes_parser.evaluate import document_sources, load_gold_documents
from minutes_parser.evaluate import main as eval_main
from minutes_parser.learn import RULES_ONLY, HashedLinearModel, ModelError, Models
from minutes_parser.learn.command import main as train_main
from minutes_parser.learn.linear import _column, _hasher
from minutes_parser.learn.recipe import document_rows, label_by_matching
from minutes_parser.segment.heading_model import _sequence, number_shape

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"
TINY = (
    "allotment_committee_2024-04-18.txt",
    "parish_council_2024-07-09.md",
    "village_hall_committee_2024-01-23.txt",
)


@pytest.fixture()
def tiny_gold(tmp_path: Path) -> Path:
    """Three fictional annotated documents of three sources (file-name prefixes)."""
    folder = tmp_path / "gold"
    folder.mkdir()
    for name in TINY:
        shutil.copy(CORPORA / name, folder / name)
        shutil.copy(CORPORA / f"{name}.gold.json", folder / f"{name}.gold.json")
    return folder


# ---------------------------------------------------------------------------- the linear model


def _toy_rows() -> tuple[list[dict[str, float]], list[bool]]:
    rows: list[dict[str, float]] = []
    labels: list[bool] = []
    for index in range(40):
        yes = index % 3 == 0
        rows.append({"bias": 1.0, "w=agenda" if yes else "w=discussed": 1.0, f"n={index % 5}": 1.0})
        labels.append(yes)
    return rows, labels


def test_model_learns_separable_rows_and_survives_storage() -> None:
    rows, labels = _toy_rows()
    model = HashedLinearModel.fit(rows, labels, seed=0, c=10.0)
    probabilities = model.probabilities(rows)
    assert all((p >= 0.5) == label for p, label in zip(probabilities, labels, strict=True))
    stored = json.loads(json.dumps(model.to_dict()))
    again = HashedLinearModel.from_dict(stored)
    assert again.probabilities(rows) == pytest.approx(probabilities, abs=1e-5)
    assert model.strongest({"w=agenda": 1.0, "bias": 1.0}, count=1) == ["w=agenda"]
    assert model.strongest({"w=discussed": 1.0}, count=1, positive=False) == ["w=discussed"]


def test_strongest_ranks_by_contribution_then_name() -> None:
    weights = {"w=brook": 2.0, "w=alder": 2.0, "w=cedar": 0.5, "w=dune": -1.0, "w=elm": 0.0}
    model = HashedLinearModel({_column(name): weight for name, weight in weights.items()}, 0.0)
    row = {"w=cedar": 5.0, "w=brook": 1.0, "w=alder": 1.0, "w=dune": 1.0, "w=elm": 1.0}
    assert model.strongest(row, count=2) == ["w=cedar", "w=alder"]  # 2.5 (weight times value), then a tie by name
    assert model.strongest(row, count=5) == ["w=cedar", "w=alder", "w=brook"]
    assert model.strongest(row, count=5, positive=False) == ["w=dune"]


def test_stored_model_holds_numbers_not_feature_names() -> None:
    rows, labels = _toy_rows()
    text = json.dumps(HashedLinearModel.fit(rows, labels).to_dict())
    assert "agenda" not in text and "discussed" not in text


def test_column_is_the_hashers_column() -> None:
    for name in ("bias", "w=apologies", "shape=int&seq=next", "w=café"):
        assert _column(name) == int(_hasher().transform([{name: 1.0}]).indices[0])


def test_hashed_rows_hold_each_names_column_in_row_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_parser.learn import linear

    rows = [{"bias": 1.0, "w=minutes": 1.0, "w=café": 0.5}, {"bias": 1.0}, {"t=zz-new-name": 2.0, "bias": 1.0}]
    flat = [(name, value) for row in rows for name, value in row.items()]
    monkeypatch.setattr(linear._COLUMNS, "limit", len(linear._COLUMNS))  # full: new names are not kept
    hashed = linear.hashed(rows)
    assert hashed.columns.tolist() == [_column(name) for name, _ in flat]
    assert hashed.values.tolist() == [value for _, value in flat]
    assert hashed.offsets == [0, 3, 4]
    assert "t=zz-new-name" not in linear._COLUMNS
    with pytest.raises(ValueError):
        linear.hashed([{}])


def test_fit_needs_both_classes() -> None:
    with pytest.raises(ValueError, match="positive and negative"):
        HashedLinearModel.fit([{"a": 1.0}, {"b": 1.0}], [True, True])


# ----------------------------------------------------------------------------------- the bundle


def test_bundle_round_trips_and_refuses_other_files(tmp_path: Path) -> None:
    rows, labels = _toy_rows()
    models = Models(items=HashedLinearModel.fit(rows, labels), meta={"documents": 3})
    path = tmp_path / "model.json"
    models.save(path)
    loaded = Models.load(path)
    assert loaded.items is not None and loaded.actions is None
    assert loaded.to_json() == path.read_text(encoding="utf-8")
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(ModelError, match=r"other\.json: not a minutes-parser model file"):
        Models.load(tmp_path / "other.json")
    with pytest.raises(ModelError, match="cannot read model"):
        Models.load(tmp_path / "missing.json")


# ----------------------------------------------------------------------------- heading features


@pytest.mark.parametrize(
    ("number", "shape"),
    [
        ("5", "int"),
        ("5a", "int+letter"),
        ("12.3", "dotted"),
        ("4.2.1", "dotted+"),
        ("26/16", "minute"),
        ("C/23/45", "prefixed"),
        ("iv", "roman"),
        ("XII", "roman"),
        ("i", "letter"),
        ("b", "letter"),
        ("(c)", "letter"),
        (None, "none"),
        ("98-1234", "year-number"),
    ],
)
def test_number_shapes(number: str | None, shape: str) -> None:
    assert number_shape(number) == shape


def test_sequence_of_numbers() -> None:
    assert _sequence("4", "5", "int") == "next"
    assert _sequence("5.1", "5.2", "dotted") == "next"
    assert _sequence("5.3", "6.1", "dotted") == "next"
    assert _sequence("4", "9", "int") == "jump"
    assert _sequence("iv", "vi", "roman") == "jump"
    assert _sequence(None, "1", "int") == "first"


def test_labels_follow_the_scorers_matching_and_skip_optional_entries() -> None:
    gold = [
        {"title": "Apologies for absence"},
        {"title": "Planning applications", "optional": True},
    ]
    labels = label_by_matching(
        ["Apologies for absence", "Planning applications", "The Clerk reported"], gold, "title"
    )
    assert labels == [True, None, False]


# ------------------------------------------------------------------------------------- training


def test_training_is_deterministic_and_stores_no_document_text(
    tiny_gold: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert (
        train_main([str(tiny_gold), "--out", str(first), "--parts", "items,actions,decisions"]) == 0
    )
    assert (
        train_main([str(tiny_gold), "--out", str(second), "--parts", "items,actions,decisions"])
        == 0
    )
    assert first.read_bytes() == second.read_bytes()
    models = Models.load(first)
    assert models.items is not None and models.actions is not None and models.decisions is not None
    text = first.read_text(encoding="utf-8")
    for word in ("allotment", "Clerk", "village", "hall"):
        assert word not in text


def test_training_from_a_base_keeps_the_parts_not_retrained(
    tiny_gold: Path, tmp_path: Path
) -> None:
    base = tmp_path / "base.json"
    assert train_main([str(tiny_gold), "--out", str(base), "--parts", "actions"]) == 0
    out = tmp_path / "out.json"
    assert (
        train_main([str(tiny_gold), "--out", str(out), "--parts", "items", "--from", str(base)])
        == 0
    )
    models, base_models = Models.load(out), Models.load(base)
    assert models.items is not None
    assert models.actions is not None and base_models.actions is not None
    assert models.actions.to_dict() == base_models.actions.to_dict()


def test_train_usage_errors(
    tiny_gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert train_main([str(tiny_gold), "--out", str(tmp_path / "m.json"), "--parts", "owners"]) == 2
    assert "unknown part owners" in capsys.readouterr().err
    assert train_main([str(tmp_path / "nowhere"), "--out", str(tmp_path / "m.json")]) == 2
    assert (
        train_main(
            [str(tiny_gold), "--out", str(tmp_path / "m.json"), "--from", str(tiny_gold / TINY[0])]
        )
        == 2
    )
    assert "not a model file" in capsys.readouterr().err


def test_trained_model_is_used_for_parsing(tiny_gold: Path, tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    assert train_main([str(tiny_gold), "--out", str(path), "--parts", "items"]) == 0
    document = tiny_gold / TINY[1]
    with_model = parse_file(document, model=path)
    rules = parse_file(document, model=RULES_ONLY)
    # Trained on this very document, the model keeps its items (the rules already had them right).
    assert [i.title for i in with_model.items] == [i.title for i in rules.items]
    # Every item says what opened it: a rule, or the model with its strongest features.
    assert all(i.cues and i.cues[0].startswith("rule:") for i in rules.items if not i.preamble)
    assert all(i.cues and i.cues[0].startswith(("rule:", "model:")) for i in with_model.items if not i.preamble)


def test_document_rows_label_units(tiny_gold: Path) -> None:
    doc = load_gold_documents(tiny_gold)[0]
    rows = document_rows(
        doc.document_path, doc.gold, doc.name, parts=("items", "actions", "decisions")
    )
    assert sum(1 for _, label in rows.items if label) >= len(doc.gold["items"]) - 1
    assert any(label for _, label in rows.actions)
    assert any(label for _, label in rows.decisions)


# ---------------------------------------------------------------------------------------- LOSO


def test_sources_from_manifest_or_file_prefix(tiny_gold: Path) -> None:
    documents = load_gold_documents(tiny_gold)
    assert sorted(document_sources(documents).values()) == ["allotment", "parish", "village"]
    (tiny_gold / "MANIFEST.tsv").write_text(
        f"file\tsource_repo\n{TINY[0]}\tgreen-lane/site\n{TINY[2]}\tgreen-lane/site\n",
        encoding="utf-8",
    )
    assert sorted(document_sources(documents).values()) == [
        "green-lane/site",
        "green-lane/site",
        "parish",
    ]


def test_eval_loso_prints_per_source_and_pooled_json(
    tiny_gold: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert eval_main([str(tiny_gold), "--loso", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload["sources"]) == {"allotment", "parish", "village"}
    for metric in ("actions", "decisions", "owners", "items"):
        assert 0.0 <= payload["loso"][metric]["f1"] <= 1.0
    assert "macro" in payload["loso"]
    assert eval_main([str(tiny_gold), "--loso"]) == 0
    out = capsys.readouterr().out
    assert "leave one source out: 3 sources, 3 documents" in out
    assert "pooled over the held-out sources:" in out


def test_eval_with_model_rules_and_bad_model(
    tiny_gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert eval_main([str(tiny_gold), "--model", "rules"]) == 0
    capsys.readouterr()
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert eval_main([str(tiny_gold), "--model", str(bad)]) == 2
    assert "bad.json: not a model file" in capsys.readouterr().err


# ------------------------------------------------------------------------------ clause refiner


def _clause(text: str, action: bool) -> ClauseResult:
    from minutes_parser.classify.base import Finding

    return ClauseResult(
        text, 0, len(text), None, Finding("pattern:OWNER to VERB", ("Clerk",)) if action else None
    )


def test_refiner_keeps_trusted_findings_drops_doubtful_ones_and_adds_sure_ones() -> None:
    from minutes_parser.classify.paragraphs import summarise
    from minutes_parser.extract.owners import PeopleIndex

    context = ClauseContext(None, None, None, "Footpaths", "")
    sure = _clause("Clerk to write to the landowner", True)
    doubtful = _clause("The walkers to meet at the stile", True)
    missed = _clause("Ann Rowe will inspect the bridge", False)
    rows = [clause_features(c, 0, 1, context) for c in (sure, doubtful, missed)]
    labels = [True, False, True]
    model = HashedLinearModel.fit(
        rows * 10, labels * 10, c=100.0, thresholds={"keep": 0.3, "open": 0.6}
    )
    refiner = ClauseRefiner(actions=model)
    people = PeopleIndex.build([], "")
    refined = refiner.refine(summarise([sure, doubtful, missed]), context, people)
    actions = [c.action for c in refined.clauses]
    assert actions[0] is not None and actions[0].cue == "pattern:OWNER to VERB"
    assert actions[1] is None
    assert actions[2] is not None and actions[2].cue.startswith("model:")
    assert refined.kind == "action"
    assert (
        ClauseRefiner().refine(summarise([doubtful]), context, people).clauses[0].action is not None
    )


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("It was resolved that the Bowls Club should repaint the pavilion.", "Bowls Club"),
        ("Members agreed that Tomasz Nowak would price a new gate.", "Tomasz Nowak"),
        ("With the fete on Sunday the clerk was asked to warn the police about parking.", "the clerk"),
        ("move the float into the new account PJ to action", "PJ"),
        ("It was noted that the wording should be changed.", None),  # a thing, not a person
        ("It was agreed that we would all welcome the visit.", None),  # no one in particular
    ],
)
def test_an_action_only_the_model_found_takes_an_owner_named_after_that_or_before_asked_to(
    text: str, owner: str | None
) -> None:
    """The model adds actions the rules missed, often because the owner is not the subject."""
    from minutes_parser.classify.paragraphs import summarise
    from minutes_parser.extract.owners import PeopleIndex

    context = ClauseContext(None, None, None, "Village matters", "")
    missed = _clause(text, False)
    rows = [clause_features(missed, 0, 1, context)] * 5 + [clause_features(_clause("Rain fell", False), 0, 1, context)] * 5
    model = HashedLinearModel.fit(rows, [True] * 5 + [False] * 5, c=100.0, thresholds={"keep": 0.3, "open": 0.6})
    people = PeopleIndex.build([], "")
    action = ClauseRefiner(actions=model).refine(summarise([missed]), context, people).clauses[0].action
    assert action is not None and action.cue.startswith("model:")
    assert action.owners == ((owner,) if owner else ())


def test_clause_features_in_a_fixed_order() -> None:
    """The order of a row's features is the order of the sums that give its probability (and of
    the training rows): words and pairs in first-seen order, modal words in their list's order."""
    context = ClauseContext("Decision", None, "1.", "Bus shelter repairs", "")
    row = clause_features(_clause("The clerk will ask and ask again; the board was to decide", True), 0, 2, context)
    assert list(row)[:7] == ["bias", "dcue=none", "acue=pattern:OWNER to VERB", "rule-owner", "label=Decision", "list", "place=first"]
    words = [name for name in row if name.startswith("w=")]
    assert words == ["w=the", "w=clerk", "w=will", "w=ask", "w=and", "w=again", "w=board", "w=was", "w=to", "w=decide"]
    pairs = [name for name in row if name.startswith("b=")]
    assert pairs[:4] == ["b=the_clerk", "b=clerk_will", "b=will_ask", "b=ask_and"] and len(pairs) == len(set(pairs)) == 11
    assert [name for name in row if name.startswith("modal=")] == ["modal=will", "modal=to", "modal=was"]
    assert list(row)[-4:] == ["past=0", "t=bus", "t=shelter", "t=repairs"]
    assert set(row.values()) == {1.0}


def test_refiner_leaves_a_paragraph_it_agrees_with_as_it_was() -> None:
    from minutes_parser.classify.paragraphs import summarise
    from minutes_parser.extract.owners import PeopleIndex

    context = ClauseContext(None, None, None, "Footpaths", "")
    sure = _clause("Clerk to write to the landowner", True)
    rows = [clause_features(sure, 0, 1, context)] * 5 + [clause_features(_clause("Rain fell", False), 0, 1, context)] * 5
    model = HashedLinearModel.fit(rows, [True] * 5 + [False] * 5, c=100.0, thresholds={"keep": 0.3, "open": 0.6})
    paragraph = summarise([sure])
    assert ClauseRefiner(actions=model).refine(paragraph, context, PeopleIndex.build([], "")) is paragraph


def test_probabilities_equal_scikit_learns_predict_proba() -> None:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from minutes_parser.learn.linear import N_FEATURES

    rows, labels = _toy_rows()
    model = HashedLinearModel.fit(rows, labels, c=0.3)
    estimator = LogisticRegression()
    coef = np.zeros((1, N_FEATURES))
    for index, weight in model.weights.items():
        coef[0, index] = weight
    estimator.coef_, estimator.intercept_, estimator.classes_ = coef, np.array([model.intercept]), np.array([0, 1])
    expected = estimator.predict_proba(_hasher().transform(rows))[:, 1]
    assert model.probabilities(rows) == pytest.approx(list(expected), abs=1e-12)
    # the refiner's one-row path, for rows of indicator features (every toy row's values are 1.0)
    assert [model.probability_of_names(row) for row in rows] == pytest.approx(list(expected), abs=1e-12)
    # a name no training row had: its column's weight, or none (as the hasher's column gives)
    unseen = {"bias": 1.0, "w=zz-unseen": 1.0}
    assert model.probability_of_names(unseen) == pytest.approx(estimator.predict_proba(_hasher().transform([unseen]))[0, 1], abs=1e-12)


def test_probability_of_a_far_negative_score_is_zero_not_an_error() -> None:
    model = HashedLinearModel({_column("w=never"): -800.0}, 0.0)
    assert model.probability_of_names(["w=never"]) == 0.0
    assert model.probability_of_names(["w=other"]) == 0.5


def test_refiner_with_both_models_decides_as_each_model_alone() -> None:
    from minutes_parser.classify.paragraphs import summarise
    from minutes_parser.extract.owners import PeopleIndex

    context = ClauseContext(None, None, None, "Footpaths", "")
    sure = _clause("Clerk to write to the landowner", True)
    rows = [clause_features(sure, 0, 1, context)] * 5 + [clause_features(_clause("Rain fell", False), 0, 1, context)] * 5
    labels = [True] * 5 + [False] * 5
    actions = HashedLinearModel.fit(rows, labels, c=100.0, thresholds={"keep": 0.3, "open": 0.6})
    decisions = HashedLinearModel.fit(rows, labels, c=100.0, thresholds={"keep": 0.3, "open": 0.6})
    people = PeopleIndex.build([], "")
    paragraph = summarise([sure, _clause("Rain fell", False)])
    both = ClauseRefiner(actions=actions, decisions=decisions).refine(paragraph, context, people)
    alone = ClauseRefiner(decisions=decisions).refine(paragraph, context, people)
    assert [c.decision for c in both.clauses] == [c.decision for c in alone.clauses]
    assert both.clauses[0].decision is not None and both.clauses[0].decision.cue.startswith("model:")


@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("The clerk reported and the board agreed", "past=2"),
        ("Credits edited, noted, and filed; Ed asked", "past=3"),  # "edited" once; capped at 3
        ("Rain fell on the credit union", "past=0"),
    ],
)
def test_clause_features_count_words_ending_in_ed(text: str, past: str) -> None:
    row = clause_features(_clause(text, False), 0, 1, ClauseContext(None, None, None, "", ""))
    assert past in row and not [name for name in row if name.startswith("t=")]


def test_a_model_without_an_open_cut_off_only_judges_the_rules_findings() -> None:
    """The shipped recipe gives the clause models a "keep" cut-off only: the same model that adds
    a missed action with an "open" cut-off leaves it missed without one, and still drops a rule's
    finding it is sure is wrong."""
    from minutes_parser.classify.paragraphs import summarise
    from minutes_parser.extract.owners import PeopleIndex

    context = ClauseContext(None, None, None, "Village matters", "")
    missed = _clause("it was resolved that the Bowls Club should repaint the pavilion", False)
    wrong = _clause("Rain fell on the pavilion", True)
    rows = [clause_features(missed, 0, 1, context)] * 5 + [clause_features(wrong, 0, 1, context)] * 5
    labels = [True] * 5 + [False] * 5
    people = PeopleIndex.build([], "")
    adder = HashedLinearModel.fit(rows, labels, c=100.0, thresholds={"keep": 0.3, "open": 0.6})
    judge = HashedLinearModel.fit(rows, labels, c=100.0, thresholds={"keep": 0.3})
    assert ClauseRefiner(actions=adder).adds and not ClauseRefiner(actions=judge).adds
    assert ClauseRefiner(actions=adder).refine(summarise([missed]), context, people).clauses[0].action is not None
    assert ClauseRefiner(actions=judge).refine(summarise([missed]), context, people).clauses[0].action is None
    assert ClauseRefiner(actions=judge).refine(summarise([wrong]), context, people).clauses[0].action is None
