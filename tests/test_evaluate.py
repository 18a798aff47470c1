"""Tests of the scoring rules (minutes_parser.scoring) and of ``minutes-parse eval``.

The scoring must give the numbers of the reference scorer ``../shared/tools/score.py``; where that
file exists, it is run (as a subprocess) on the same inputs and the results are compared.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from minutes_parser.cli import main as cli_main
from minutes_parser.evaluate import (
    GoldDocument,
    evaluate,
    evaluate_documents,
    find_gold_files,
    load_gold_documents,
    main,
)
from minutes_parser.scoring import Scorer, Tally, match_texts, same_owner, score, similarity, tokens

REPO = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO / ".." / "shared"
SCORE_PY = SHARED_DIR / "tools" / "score.py"
TEXT_SUFFIXES = (".md", ".rst", ".txt")


def action(text: str, owners: list[str] | None = None, due: str | None = None) -> dict[str, Any]:
    """A predicted action as OUTPUT.md shapes it."""
    return {"text": text, "owners": owners or [], "due": {"value": due} if due else None}


def gold_action(
    text: str,
    owners: list[list[str]] | None = None,
    *,
    owners_ok: list[str] | None = None,
    due: str | None = None,
    optional: bool = False,
) -> dict[str, Any]:
    return {"text": text, "owners": owners or [], "owners_ok": owners_ok or [], "due": due, "optional": optional}


def gold_doc(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"document": "doc.txt", "kind": "minutes", "meeting": {}, "items": None}
    base.update(fields)
    return base


# ------------------------------------------------------------------------------- text similarity


def test_tokens_drop_markdown_link_targets_urls_and_emphasis() -> None:
    text = "**Action:** see [the plan](https://example.org/plan) and <https://x.org/a> or https://y.org/b `now`"
    assert tokens(text) == ["action", "see", "the", "plan", "and", "or", "now"]


def test_tokens_split_snake_case_because_underscores_are_markup() -> None:
    assert tokens("update_terms_of Reference") == ["update", "terms", "of", "reference"]


def test_similarity_is_token_f1_over_a_multiset() -> None:
    assert similarity("Clerk to write", "clerk to WRITE.") == 1.0
    assert similarity("a b c", "a b d") == pytest.approx(2 / 3)
    # "to to" shares only one "to" with "to": P 1/2, R 1, F1 2/3.
    assert similarity("to to", "to") == pytest.approx(2 / 3)
    assert similarity("", "anything") == 0.0
    assert similarity(None, "anything") == 0.0
    assert similarity("apples", "pears") == 0.0


def test_matching_is_one_to_one_best_pairs_first() -> None:
    predicted = ["clerk to write to highways", "clerk to write to highways about drains"]
    gold = ["clerk to write to highways about drains"]
    assert match_texts(predicted, gold) == [(1, 0)]


def test_matching_accepts_similarity_of_exactly_one_half() -> None:
    # one shared token of 1 and 3: P 1, R 1/3, F1 0.5.
    assert similarity("minutes", "minutes were approved") == 0.5
    assert match_texts(["minutes"], ["minutes were approved"]) == [(0, 0)]
    assert match_texts(["minutes"], ["minutes were approved today"]) == []


def test_matching_breaks_ties_by_prediction_order() -> None:
    assert match_texts(["a b", "a b"], ["a b"]) == [(0, 0)]


# ------------------------------------------------------------------------ actions and decisions


def test_actions_precision_recall_and_f1() -> None:
    gold = gold_doc(
        actions=[
            gold_action("The Clerk to write to Highways about the drains"),
            gold_action("Officers to provide a breakdown of the diversity data"),
        ]
    )
    predicted = {
        "actions": [
            action("The Clerk to write to Highways about the drains."),
            action("Members discussed the weather at length"),
        ]
    }
    result = score([(gold, predicted)])
    assert result["actions"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}


def test_optional_gold_entries_are_neither_rewarded_nor_punished() -> None:
    gold = gold_doc(
        decisions=[
            {"text": "The minutes of the last meeting were approved", "optional": True},
            {"text": "RESOLVED that the budget be agreed", "optional": False},
            {"text": "Members noted the report on parking", "optional": True},
        ]
    )
    predicted = {"decisions": [{"text": "The minutes of the last meeting were approved."},
                               {"text": "RESOLVED that the budget be agreed."}]}
    assert score([(gold, predicted)])["decisions"] == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0,
    }


def test_empty_prediction_scores_zero_without_dividing_by_zero() -> None:
    gold = gold_doc(actions=[gold_action("Officers to report back")], meeting={"date": "2024-03-12"})
    result = score([(gold, {})])
    assert result["actions"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1}
    assert result["due"] == {"precision": 0.0, "recall": 0.0, "right": 0, "predicted": 0, "gold": 0}
    assert result["meeting_date"] == {"accuracy": 0.0, "right": 0, "total": 1}


def test_a_one_element_list_prediction_is_accepted() -> None:
    gold = gold_doc(actions=[gold_action("Officers to report back")])
    assert score([(gold, [{"actions": [action("Officers to report back")]}])])["actions"]["tp"] == 1


# -------------------------------------------------------------------------------------- owners


def owner_counts(predicted_owners: list[str], gold_owners: list[list[str]], owners_ok: list[str] | None = None) -> dict[str, int]:
    gold = gold_doc(actions=[gold_action("MS to circulate the draft policy", gold_owners, owners_ok=owners_ok)])
    predicted = {"actions": [action("MS to circulate the draft policy", predicted_owners)]}
    result = score([(gold, predicted)])["owners"]
    return {k: result[k] for k in ("tp", "fp", "fn")}


def test_owner_spellings_initials_and_leading_the() -> None:
    assert owner_counts(["MS"], [["Mia Shelton", "MS"]]) == {"tp": 1, "fp": 0, "fn": 0}
    assert owner_counts(["Clerk"], [["the Clerk"]]) == {"tp": 1, "fp": 0, "fn": 0}
    # Words of one side all among the other's: "Shelton" is within "Mia Shelton".
    assert owner_counts(["Cllr Mia Shelton"], [["Mia Shelton"]]) == {"tp": 1, "fp": 0, "fn": 0}
    assert owner_counts(["**Mia** Shelton"], [["Mia Shelton"]]) == {"tp": 1, "fp": 0, "fn": 0}


def test_wrong_and_missing_owners() -> None:
    assert owner_counts(["Treasurer"], [["the Clerk"]]) == {"tp": 0, "fp": 1, "fn": 1}
    assert owner_counts([], [["the Clerk"], ["Chair"]]) == {"tp": 0, "fp": 0, "fn": 2}


def test_owners_ok_and_repeated_owners_are_not_counted_wrong() -> None:
    assert owner_counts(["Officers"], [], owners_ok=["Officers"]) == {"tp": 0, "fp": 0, "fn": 0}
    assert owner_counts(["the Clerk", "Clerk"], [["the Clerk"]]) == {"tp": 1, "fp": 0, "fn": 0}


def test_owners_of_unmatched_or_optional_actions_are_not_scored() -> None:
    gold = gold_doc(actions=[gold_action("Chair to thank the volunteers", [["Chair"]], optional=True)])
    predicted = {"actions": [action("Chair to thank the volunteers", ["Treasurer"])]}
    assert score([(gold, predicted)])["owners"]["fp"] == 0


def test_same_owner_needs_words() -> None:
    assert not same_owner("", ["Clerk"])
    assert not same_owner("the", ["Clerk"])
    assert not same_owner("Clerk", ["the"])


# -------------------------------------------------------------------------------- due and items


def test_due_precision_and_recall_over_matched_actions() -> None:
    gold = gold_doc(
        actions=[
            gold_action("Clerk to order the new bench", due="2024-04-30"),
            gold_action("Treasurer to prepare the accounts", due="2024-Q2"),
            gold_action("Chair to speak to the school"),
        ]
    )
    predicted = {
        "actions": [
            action("Clerk to order the new bench", due="2024-04-30"),
            action("Treasurer to prepare the accounts"),
            action("Chair to speak to the school", due="NEXT_MEETING"),
            action("Nobody asked for this task", due="2024-05-01"),
        ]
    }
    assert score([(gold, predicted)])["due"] == {
        "precision": 0.5, "recall": 0.5, "right": 1, "predicted": 2, "gold": 2,
    }


def test_items_scored_by_title_only_where_gold_lists_them() -> None:
    predicted = {"items": [{"title": "Apologies for absence"}, {"title": "Footpaths"}, {"title": "Any other business"}]}
    unscored = score([(gold_doc(items=None), predicted)])
    assert unscored["items"]["tp"] + unscored["items"]["fp"] + unscored["items"]["fn"] == 0
    gold = gold_doc(
        items=[
            {"number": "1", "title": "Apologies"},
            {"number": "2", "title": "Footpaths and bridleways"},
            {"number": "3", "title": "Any other business", "optional": True},
            {"number": "4", "title": "Date of next meeting"},
        ]
    )
    assert score([(gold, predicted)])["items"] == {
        "precision": 1.0, "recall": 0.667, "f1": 0.8, "tp": 2, "fp": 0, "fn": 1,
    }


def test_meeting_date_accuracy_counts_documents_whose_gold_has_a_date_key() -> None:
    right = (gold_doc(meeting={"date": "2024-03-12"}), {"meeting": {"date": "2024-03-12"}})
    wrong = (gold_doc(meeting={"date": "2024-03-12"}), {"meeting": {"date": "2024-12-03"}})
    none_right = (gold_doc(meeting={"date": None}), {"meeting": {"date": None}})
    not_scored = (gold_doc(meeting={"body": "Board"}), {"meeting": {"date": "2024-01-01"}})
    assert score([right, wrong, none_right, not_scored])["meeting_date"] == {"accuracy": 0.667, "right": 2, "total": 3}


def test_per_document_counts_and_tally_rounding() -> None:
    scorer = Scorer()
    scorer.add(gold_doc(actions=[gold_action("Officers to report back")]), {}, document="a.txt", found=False)
    result = scorer.result(per_doc=True)
    assert result["documents"][0]["document"] == "a.txt"
    assert result["documents"][0]["found"] is False
    assert result["documents"][0]["actions"] == {"tp": 0, "fp": 0, "fn": 1}
    assert Tally(tp=2, fp=1, fn=0).summary()["precision"] == 0.667


# ------------------------------------------------------------ agreement with the reference scorer


def _reference_score(gold_dir: Path, pred_dir: Path) -> dict[str, Any]:
    if not SCORE_PY.is_file():
        pytest.skip(f"{SCORE_PY} is not present")
    completed = subprocess.run(
        [sys.executable, str(SCORE_PY), str(gold_dir), str(pred_dir), "--json", "--per-doc"],
        capture_output=True, text=True, check=True, timeout=120,
    )
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


def _random_text(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(0, 6)))


def test_scoring_agrees_with_reference_scorer_on_random_documents(tmp_path: Path) -> None:
    """Many small random documents, with texts near the 0.5 threshold and every owner case."""
    rng = random.Random(20240312)
    words = ["clerk", "to", "write", "report", "the", "council", "**agreed**", "[plan](http://x.org)", "a", "b"]
    names = ["the Clerk", "Clerk", "Mia Shelton", "MS", "Shelton", "Officers", "the", "Chair", "Cllr Mia Shelton"]
    dues = [None, "2024-04-30", "NEXT_MEETING", "2024-Q2"]
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    scorer = Scorer()
    for index in range(150):
        name = f"doc{index:03}.txt"
        gold: dict[str, Any] = {
            "document": name,
            "kind": "minutes",
            "meeting": rng.choice([{}, {"date": "2024-03-12"}, {"date": None}]),
            "items": rng.choice([None, [{"title": _random_text(rng, words), "optional": rng.random() < 0.2} for _ in range(3)]]),
            "decisions": [{"text": _random_text(rng, words), "optional": rng.random() < 0.2} for _ in range(rng.randint(0, 4))],
            "actions": [
                {"text": _random_text(rng, words),
                 "owners": [rng.sample(names, rng.randint(1, 2)) for _ in range(rng.randint(0, 2))],
                 "owners_ok": rng.sample(names, rng.randint(0, 1)),
                 "due": rng.choice(dues), "optional": rng.random() < 0.2}
                for _ in range(rng.randint(0, 5))
            ],
        }
        predicted: dict[str, Any] = {
            "meeting": {"date": rng.choice(["2024-03-12", None])},
            "items": [{"title": _random_text(rng, words)} for _ in range(rng.randint(0, 4))],
            "decisions": [{"text": _random_text(rng, words)} for _ in range(rng.randint(0, 4))],
            "actions": [action(_random_text(rng, words), rng.sample(names, rng.randint(0, 3)), rng.choice(dues))
                        for _ in range(rng.randint(0, 5))],
        }
        (gold_dir / f"{name}.gold.json").write_text(json.dumps(gold))
        found = rng.random() < 0.9
        if found:
            on_disk: Any = [predicted] if rng.random() < 0.2 else predicted
            (pred_dir / f"{name}.json").write_text(json.dumps(on_disk))
        scorer.add(gold, predicted if found else {}, document=name, found=found)
    assert scorer.result(per_doc=True) == _reference_score(gold_dir, pred_dir)


def _shared_gold_dir(tmp_path: Path, set_name: str) -> tuple[Path, Path]:
    """A gold dir for the set (a filtered copy for corpus-text) and the documents' dir."""
    directory = SHARED_DIR / ("seeds" if set_name == "seeds" else "corpus")
    if not directory.is_dir():
        pytest.skip(f"{directory} is not present")
    if set_name != "corpus-text":
        return directory, directory
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for path in find_gold_files(directory):
        if json.loads(path.read_text(encoding="utf-8"))["document"].lower().endswith(TEXT_SUFFIXES):
            shutil.copy(path, gold_dir / path.name)
    return gold_dir, directory


@pytest.mark.parametrize("set_name", ["seeds", "corpus-text", "corpus"])
def test_eval_numbers_equal_reference_scorer_on_saved_predictions(
    tmp_path: Path, set_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_dir, docs_dir = _shared_gold_dir(tmp_path, set_name)
    pred_dir = tmp_path / "predictions"
    assert main([str(gold_dir), str(docs_dir), "--json", "--per-doc", "--save-predictions", str(pred_dir)]) == 0
    ours = json.loads(capsys.readouterr().out)
    assert ours.pop("errors") == []
    assert ours == _reference_score(gold_dir, pred_dir)


# ----------------------------------------------------------------------- minutes-parse eval


MINUTES = """Little Ambling Parish Council

Minutes of the meeting held on Tuesday 12 March 2024 at 7.30pm in the Village Hall.

Present: Cllr Ann Rowe (Chair), Cllr Ben Tate, Cllr Cara Hill
In attendance: Dan Frost (Clerk)

1. Apologies
Apologies were received from Cllr Ed Moss.

2. Footpath repairs
The council discussed the state of footpath 12 near the church.
RESOLVED: That the council accepts the quote of £450 for the repairs.
The Clerk to write to Highways about the drainage by 30 April 2024.
"""

GOLD: dict[str, Any] = {
    "document": "ambling.txt",
    "kind": "minutes",
    "meeting": {"body": "Little Ambling Parish Council", "date": "2024-03-12"},
    "items": [{"number": "1", "title": "Apologies"}, {"number": "2", "title": "Footpath repairs"}],
    "decisions": [{"item": "2", "text": "That the council accepts the quote of £450 for the repairs.", "optional": False}],
    "actions": [
        {"item": "2", "text": "The Clerk to write to Highways about the drainage by 30 April 2024.",
         "owners": [["the Clerk", "Dan Frost"]], "owners_ok": [], "due": "2024-04-30", "optional": False}
    ],
}


def write_example(directory: Path, gold: dict[str, Any] | None = None, *, with_document: bool = True) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    gold = gold or GOLD
    (directory / f"{gold['document']}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    if with_document:
        (directory / gold["document"]).write_text(MINUTES, encoding="utf-8")


def test_eval_cli_scores_a_document_beside_its_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_example(tmp_path)
    assert cli_main(["eval", str(tmp_path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"actions", "decisions", "owners", "items", "due", "meeting_date", "errors"}
    assert result["errors"] == []
    assert result["actions"]["tp"] == 1
    assert result["meeting_date"] == {"accuracy": 1.0, "right": 1, "total": 1}


def test_eval_finds_gold_in_subdirectories_and_documents_in_docs_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, docs_dir, pred_dir = tmp_path / "gold", tmp_path / "docs", tmp_path / "pred"
    write_example(gold_dir / "nested", with_document=False)
    write_example(gold_dir, {**GOLD, "document": "top.txt"}, with_document=False)
    write_example(docs_dir / "nested")
    (docs_dir / "top.txt").write_text(MINUTES, encoding="utf-8")
    assert main([str(gold_dir), str(docs_dir), "--per-doc", "--save-predictions", str(pred_dir)]) == 0
    out = capsys.readouterr().out
    assert "2 documents scored" in out
    assert "date       2/2 meeting dates right" in out
    assert re.search(r"^nested/ambling\.txt +actions 1/", out, re.M)
    assert (pred_dir / "nested" / "ambling.txt.json").is_file()
    assert json.loads((pred_dir / "top.txt.json").read_text(encoding="utf-8"))["kind"] == "minutes"


def test_missing_or_unparsable_document_scores_as_empty_and_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_example(tmp_path, with_document=False)
    write_example(tmp_path, {**GOLD, "document": "blank.txt"}, with_document=False)
    (tmp_path / "blank.txt").write_text("   \n", encoding="utf-8")
    assert main([str(tmp_path), "--json"]) == 0
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert result["actions"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 2}
    assert [e["document"] for e in result["errors"]] == ["ambling.txt", "blank.txt"]
    assert "ambling.txt: no such file (scored as empty)" in captured.err


def test_evaluate_with_a_custom_predictor(tmp_path: Path) -> None:
    write_example(tmp_path, with_document=False)
    gold = GOLD

    def perfect(path: Path) -> dict[str, Any]:
        assert path == tmp_path / "ambling.txt"
        return {"meeting": gold["meeting"], "items": gold["items"], "decisions": gold["decisions"],
                "actions": [action(a["text"], ["the Clerk"], a["due"]) for a in gold["actions"]]}

    evaluation = evaluate(tmp_path, predictor=perfect)
    assert evaluation.errors == []
    assert all(evaluation.result[k]["f1"] == 1.0 for k in ("actions", "decisions", "owners", "items"))
    assert evaluation.result["due"]["precision"] == 1.0


def test_a_predictor_crash_is_an_error_not_an_exception(tmp_path: Path) -> None:
    write_example(tmp_path)

    def broken(path: Path) -> dict[str, Any]:
        raise ValueError("boom")

    evaluation = evaluate_documents(load_gold_documents(tmp_path), predictor=broken)
    assert [(e.document, e.reason) for e in evaluation.errors] == [("ambling.txt", "internal error (ValueError: boom)")]
    assert evaluation.result["actions"]["fn"] == 1


def test_hidden_directories_are_skipped(tmp_path: Path) -> None:
    write_example(tmp_path / ".cache")
    write_example(tmp_path / "visible")
    assert [p.relative_to(tmp_path).as_posix() for p in find_gold_files(tmp_path)] == ["visible/ambling.txt.gold.json"]
    documents = load_gold_documents(tmp_path)
    assert isinstance(documents[0], GoldDocument)
    assert documents[0].name == "visible/ambling.txt"


def test_exit_status_for_no_gold_and_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == 1
    assert "no *.gold.json files found" in capsys.readouterr().err
    assert main([]) == 2
    assert main([str(tmp_path / "missing")]) == 2
    assert main([str(tmp_path), "--no-such-option"]) == 2
    (tmp_path / "bad.gold.json").write_text("{not json", encoding="utf-8")
    assert main([str(tmp_path)]) == 2
    assert "bad.gold.json: not a readable gold file" in capsys.readouterr().err


# ------------------------------------------------------------------ ties and macro (score.py 2)


def test_matching_prefers_a_counted_gold_entry_over_an_optional_twin() -> None:
    # The same words twice in gold, the first marked optional: the prediction must take the one
    # that counts, or a correct prediction scores as a miss.
    gold = ["clerk to order the new bench", "clerk to order the new bench"]
    assert match_texts(["clerk to order the new bench"], gold, gold_optional=[True, False]) == [(0, 1)]
    scorer = Scorer()
    scorer.add(
        {"document": "d.txt", "actions": [
            {"text": gold[0], "optional": True, "owners": []},
            {"text": gold[1], "owners": []},
        ]},
        {"actions": [action(gold[0], [], None)]},
    )
    assert scorer.result()["actions"]["fn"] == 0
    assert scorer.result()["actions"]["tp"] == 1


def test_macro_is_the_mean_of_document_f1_over_documents_with_entries() -> None:
    scorer = Scorer()
    scorer.add({"document": "a", "actions": [{"text": "clerk to write"}]}, {"actions": [action("clerk to write", [], None)]})
    scorer.add({"document": "b", "actions": [{"text": "chair to call"}]}, {"actions": []})
    scorer.add({"document": "c", "actions": []}, {"actions": []})  # no entries: not in the mean
    macro = scorer.result(macro=True)["macro"]
    assert macro["actions"] == 0.5
    assert scorer.result()["actions"]["f1"] == 0.667
