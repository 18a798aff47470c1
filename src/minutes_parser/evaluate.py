"""``minutes-parse eval GOLD_DIR [DOCS_DIR]``: parse annotated documents and score the result.

Gold files (``NAME.gold.json``, see ``docs/evaluation.md``) are collected from GOLD_DIR and its
sub-directories (hidden ones skipped). Each names its document; that document is looked for in
DOCS_DIR (at the gold file's relative sub-directory, then at DOCS_DIR itself) or, without DOCS_DIR,
beside the gold file. Documents are parsed in-process with :func:`minutes_parser.core.parse_file`
and scored by :mod:`minutes_parser.scoring`. A document that fails to parse scores as empty and is
reported on stderr. ``--save-predictions DIR`` writes each prediction as ``DIR/[SUBDIR/]NAME.json``,
the layout other scorers expect. ``--model`` scores another trained model (or ``rules``);
``--loso`` measures generalisation: every trained part is trained without one source at a time
and that source is scored with it, the scores pooled over all sources.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .scoring import METRIC_KEYS, JsonDict, Scorer

GOLD_SUFFIX = ".gold.json"
PROG = "minutes-parse eval"

# A predictor turns a document path into the OUTPUT.md object; it raises on failure.
Predictor = Callable[[Path], JsonDict]


@dataclass(frozen=True)
class GoldDocument:
    """One gold file and where its document should be."""

    gold_path: Path
    relative_dir: Path  # the gold file's directory relative to GOLD_DIR ("." at top level)
    gold: JsonDict
    document_path: Path

    @property
    def name(self) -> str:
        """The document's name relative to GOLD_DIR, e.g. "examples/parish.md"."""
        return (self.relative_dir / str(self.gold.get("document", ""))).as_posix()


@dataclass(frozen=True)
class DocumentError:
    document: str
    reason: str


@dataclass
class Evaluation:
    """Scores of one run, with the documents that failed and the predictions made."""

    result: JsonDict
    errors: list[DocumentError] = field(default_factory=list)
    predictions: dict[str, JsonDict] = field(default_factory=dict)
    documents: int = 0


def find_gold_files(gold_dir: Path) -> list[Path]:
    """``*.gold.json`` under ``gold_dir``, recursively, hidden directories skipped, sorted."""
    found: list[Path] = []
    for root, dirs, files in os.walk(gold_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in files if f.endswith(GOLD_SUFFIX) and not f.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(gold_dir).as_posix())


def load_gold_documents(gold_dir: Path, docs_dir: Path | None = None) -> list[GoldDocument]:
    """Read every gold file under ``gold_dir``. Raises ValueError naming a malformed file."""
    documents: list[GoldDocument] = []
    for gold_path in find_gold_files(gold_dir):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{gold_path}: not a readable gold file ({exc})") from None
        if not isinstance(gold, dict) or not isinstance(gold.get("document"), str):
            raise ValueError(f'{gold_path}: a gold file must be an object with a "document" name')
        relative_dir = gold_path.parent.relative_to(gold_dir)
        documents.append(
            GoldDocument(gold_path, relative_dir, gold, _document_path(gold_path, relative_dir, gold["document"], docs_dir))
        )
    return documents


def load_annotated(gold_dir: Path, docs_dir: Path | None = None, extra_dirs: Sequence[Path] = ()) -> list[GoldDocument]:
    """The gold documents of GOLD_DIR [DOCS_DIR] and of each ``--add`` folder (documents beside
    their gold files), for ``eval`` and ``train``. Raises ValueError naming a folder that is not
    one or a malformed gold file."""
    folders = [(gold_dir, "GOLD_DIR"), *([(docs_dir, "DOCS_DIR")] if docs_dir else []), *((d, "--add") for d in extra_dirs)]
    for directory, label in folders:
        if not directory.is_dir():
            raise ValueError(f"{directory}: {label} is not a directory")
    documents = load_gold_documents(gold_dir, docs_dir)
    for extra in extra_dirs:
        documents += load_gold_documents(extra)
    return documents


def _document_path(gold_path: Path, relative_dir: Path, name: str, docs_dir: Path | None) -> Path:
    if docs_dir is None:
        return gold_path.parent / name
    nested = docs_dir / relative_dir / name
    return nested if nested.exists() else docs_dir / name


def parse_prediction(path: Path) -> JsonDict:
    """The default predictor: this library's own parse, as the OUTPUT.md object."""
    from .core import parse_file
    from .export.json import minutes_to_dict

    return minutes_to_dict(parse_file(path))


def model_predictor(model: Any) -> Predictor:
    """A predictor parsing with ``model`` (a :class:`~minutes_parser.learn.Models` or a path)."""
    from .core import parse_file
    from .export.json import minutes_to_dict

    def predict(path: Path) -> JsonDict:
        return minutes_to_dict(parse_file(path, model=model))

    return predict


def _predict(predictor: Predictor, path: Path) -> tuple[JsonDict, str | None]:
    from .errors import MinutesParserError

    try:
        return predictor(path), None
    except MinutesParserError as exc:
        return {}, exc.reason
    except (RecursionError, MemoryError) as exc:
        return {}, f"could not parse ({type(exc).__name__})"
    except Exception as exc:  # one broken document must not stop the evaluation
        return {}, f"internal error ({type(exc).__name__}: {exc})"


def evaluate_documents(
    documents: Sequence[GoldDocument],
    *,
    predictor: Predictor = parse_prediction,
    per_doc: bool = False,
    macro: bool = False,
) -> Evaluation:
    """Parse and score ``documents``; failures score as an empty prediction."""
    scorer = Scorer()
    errors: list[DocumentError] = []
    predictions: dict[str, JsonDict] = {}
    for doc in documents:
        prediction, error = _predict(predictor, doc.document_path)
        if error is None:
            predictions[doc.name] = prediction
        else:
            errors.append(DocumentError(doc.name, error))
        scorer.add(doc.gold, prediction, document=doc.name, found=error is None)
    return Evaluation(scorer.result(per_doc=per_doc, macro=macro), errors, predictions, len(documents))


def evaluate(
    gold_dir: str | os.PathLike[str],
    docs_dir: str | os.PathLike[str] | None = None,
    *,
    predictor: Predictor = parse_prediction,
    per_doc: bool = False,
    macro: bool = False,
) -> Evaluation:
    """Evaluate the parser on the annotated documents under ``gold_dir``."""
    documents = load_gold_documents(Path(gold_dir), Path(docs_dir) if docs_dir is not None else None)
    return evaluate_documents(documents, predictor=predictor, per_doc=per_doc, macro=macro)


MANIFEST = "MANIFEST.tsv"


def document_sources(documents: Sequence[GoldDocument]) -> dict[str, str]:
    """Each document's source (the body or repository it comes from), for leave-one-source-out.

    From a ``MANIFEST.tsv`` beside the gold file (columns ``file`` and ``source_repo``) where
    there is one and it names the document; otherwise the file name up to its first ``_``.
    """
    import csv

    manifests: dict[Path, dict[str, str]] = {}
    sources: dict[str, str] = {}
    for doc in documents:
        folder = doc.gold_path.parent
        if folder not in manifests:
            manifests[folder] = {}
            manifest = folder / MANIFEST
            if manifest.is_file():
                with manifest.open(encoding="utf-8", newline="") as handle:
                    for row in csv.DictReader(handle, delimiter="\t"):
                        if row.get("file") and row.get("source_repo"):
                            manifests[folder][row["file"]] = row["source_repo"]
        name = str(doc.gold["document"])
        sources[doc.name] = manifests[folder].get(name) or name.split("_", 1)[0]
    return sources


@dataclass
class LosoEvaluation:
    """Leave-one-source-out: pooled scores of every source scored by a model trained without it."""

    result: JsonDict
    sources: dict[str, JsonDict]
    errors: list[DocumentError] = field(default_factory=list)
    documents: int = 0


def evaluate_loso(
    documents: Sequence[GoldDocument],
    *,
    seed: int = 0,
    per_doc: bool = False,
    macro: bool = True,
    parts: Sequence[str] | None = None,
) -> LosoEvaluation:
    """Train every trained part without one source at a time and score that source with it.

    Units are read and labelled once per document; each fold fits on the other sources' rows
    (``learn.recipe``) and parses the held-out documents with the fold's models.
    """
    from .errors import MinutesParserError
    from .learn.recipe import PARTS, DocumentRows, document_rows, fit_models

    parts = tuple(parts) if parts is not None else PARTS

    sources = document_sources(documents)
    rows: dict[str, DocumentRows] = {}
    for doc in documents:
        try:
            rows[doc.name] = document_rows(doc.document_path, doc.gold, doc.name, parts=parts)
        except MinutesParserError:
            continue  # a document that cannot be read is scored (as empty), not trained on
    pooled = Scorer()
    per_source: dict[str, JsonDict] = {}
    errors: list[DocumentError] = []
    for source in sorted(set(sources.values())):
        held_out = [d for d in documents if sources[d.name] == source]
        models = fit_models([r for name, r in rows.items() if sources[name] != source], seed=seed, parts=parts)
        predictor = model_predictor(models)
        fold = Scorer()
        for doc in held_out:
            prediction, error = _predict(predictor, doc.document_path)
            if error is not None:
                errors.append(DocumentError(doc.name, error))
            pooled.add(doc.gold, prediction, document=doc.name, found=error is None)
            fold.add(doc.gold, prediction, document=doc.name, found=error is None)
        per_source[source] = {"documents": len(held_out), **fold.result()}
    return LosoEvaluation(pooled.result(per_doc=per_doc, macro=macro), per_source, errors, len(documents))


def save_predictions(evaluation: Evaluation, out_dir: Path) -> list[Path]:
    """Write each successful prediction as ``out_dir/[SUBDIR/]NAME.json``; failures get no file."""
    written: list[Path] = []
    for name, prediction in evaluation.predictions.items():
        path = out_dir / f"{name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        # ASCII-escaped so that scorers reading with the locale's encoding see the same text.
        path.write_text(json.dumps(prediction, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


# ---------------------------------------------------------------------------------------- output


def summary_rows(result: JsonDict) -> Iterator[tuple[str, str, str, str, str]]:
    """(metric, P, R, F1, counts) rows of the score table."""
    for key in METRIC_KEYS:
        r = result[key]
        yield (
            key,
            f"{r['precision']:.3f}",
            f"{r['recall']:.3f}",
            f"{r['f1']:.3f}",
            f"tp {r['tp']}, fp {r['fp']}, fn {r['fn']}",
        )
    due = result["due"]
    yield (
        "due",
        f"{due['precision']:.3f}",
        f"{due['recall']:.3f}",
        "",
        f"{due['right']} right of {due['predicted']} predicted, {due['gold']} in gold",
    )
    date = result["meeting_date"]
    yield ("date", "", "", "", f"{date['right']}/{date['total']} meeting dates right")


def format_plain(result: JsonDict) -> str:
    """The score table as the reference scorer prints it, one metric a line."""
    lines = []
    for key in METRIC_KEYS:
        r = result[key]
        lines.append(
            f"{key:10} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
            f"   (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
        )
    due = result["due"]
    lines.append(
        f"{'due':10} P {due['precision']:.3f}  R {due['recall']:.3f}"
        f"   ({due['right']} right of {due['predicted']} predicted, {due['gold']} in gold)"
    )
    date = result["meeting_date"]
    lines.append(f"{'date':10} {date['right']}/{date['total']} meeting dates right")
    if "macro" in result:
        lines.append(
            "macro F1   "
            + "  ".join(f"{k} {v:.3f}" for k, v in result["macro"].items())
            + "   (mean over documents with any gold or predicted entry)"
        )
    return "\n".join(lines)


def format_documents(documents: Sequence[JsonDict]) -> str:
    """One line per document: tp/fp/fn of each metric."""
    lines = []
    width = max((len(doc["document"]) for doc in documents), default=0)
    for doc in documents:
        counts = "  ".join(f"{k} {_counts(doc[k]):<9}" for k in METRIC_KEYS)
        mark = "" if doc["found"] else "  [no prediction]"
        lines.append(f"{doc['document']:<{width}}  {counts}{mark}".rstrip())
    if lines:
        lines.insert(0, "per document (tp/fp/fn):")
    return "\n".join(lines)


def _counts(tally: JsonDict) -> str:
    return f"{tally['tp']}/{tally['fp']}/{tally['fn']}"


def _print_rich(result: JsonDict, title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for column, justify in (("metric", "left"), ("P", "right"), ("R", "right"), ("F1", "right"), ("counts", "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for row in summary_rows(result):
        table.add_row(*row)
    if "macro" in result:
        table.caption = "macro F1 (mean per document): " + ", ".join(
            f"{k} {v:.3f}" for k, v in result["macro"].items()
        )
    Console().print(table)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Parse annotated minutes and score the result against their gold files "
        "(NAME.gold.json, searched recursively in GOLD_DIR).",
        epilog="See docs/evaluation.md for the gold format and the scoring rules.",
    )
    parser.add_argument("gold_dir", metavar="GOLD_DIR", help="directory of NAME.gold.json files")
    parser.add_argument(
        "docs_dir", metavar="DOCS_DIR", nargs="?", help="where the documents are (default: beside each gold file)"
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--per-doc", action="store_true", help="also give the counts of each document")
    parser.add_argument(
        "--macro", action="store_true", help="also give the mean per-document F1 (long documents weigh no more)"
    )
    parser.add_argument(
        "--save-predictions", metavar="DIR", help="write each document's parse as DIR/NAME.json (for other scorers)"
    )
    parser.add_argument(
        "--model",
        metavar="MODEL",
        help="parse with this trained model file ('rules' for the rules alone; default: the shipped model)",
    )
    parser.add_argument(
        "--loso",
        action="store_true",
        help="leave one source out: train without each source in turn and score it "
        "(sources from MANIFEST.tsv beside the gold files, else the file-name prefix before '_')",
    )
    parser.add_argument("--seed", type=int, default=0, help="training seed for --loso (default 0)")
    parser.add_argument(
        "--add",
        metavar="DIR",
        action="append",
        default=[],
        help="another folder of annotated documents, scored (and with --loso trained on) like the rest",
    )
    parser.add_argument(
        "--parts", help="with --loso: comma-separated trained parts (items, actions, decisions; default all)"
    )
    return parser


def main(argv: Sequence[str]) -> int:
    """Entry point of ``minutes-parse eval``: 0 scored, 1 no gold files, 2 usage error."""
    parser = _parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return exc.code if isinstance(exc.code, int) else 2
    gold_dir = Path(args.gold_dir)
    docs_dir = Path(args.docs_dir) if args.docs_dir else None
    try:
        documents = load_annotated(gold_dir, docs_dir, [Path(extra) for extra in args.add])
    except ValueError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    if not documents:
        print(f"{PROG}: {gold_dir}: no *{GOLD_SUFFIX} files found", file=sys.stderr)
        return 1
    if args.loso:
        if args.model or args.save_predictions:
            print(f"{PROG}: --loso trains its own models: it takes neither --model nor --save-predictions", file=sys.stderr)
            return 2
        from .learn.recipe import parse_parts

        try:
            parts = parse_parts(args.parts) if args.parts else None
        except ValueError as exc:
            print(f"{PROG}: --parts: {exc}", file=sys.stderr)
            return 2
        loso = evaluate_loso(documents, seed=args.seed, per_doc=args.per_doc, macro=True, parts=parts)
        for error in loso.errors:
            print(f"{PROG}: {error.document}: {error.reason} (scored as empty)", file=sys.stderr)
        _print_loso(loso, as_json=args.json)
        return 0
    try:
        predictor = _chosen_predictor(args.model)
    except ValueError as exc:  # ModelError names the file and the reason
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    evaluation = evaluate_documents(documents, predictor=predictor, per_doc=args.per_doc, macro=args.macro)
    if args.save_predictions:
        save_predictions(evaluation, Path(args.save_predictions))
    for error in evaluation.errors:
        print(f"{PROG}: {error.document}: {error.reason} (scored as empty)", file=sys.stderr)
    _print_result(evaluation, as_json=args.json)
    return 0


def _chosen_predictor(model: str | None) -> Predictor:
    if model is None:
        return parse_prediction
    from .learn.bundle import resolve_models

    return model_predictor(resolve_models(model))


def _print_loso(loso: LosoEvaluation, *, as_json: bool) -> None:
    if as_json:
        payload: dict[str, Any] = {
            "loso": loso.result,
            "sources": loso.sources,
            "errors": [{"document": e.document, "reason": e.reason} for e in loso.errors],
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    lines = [f"leave one source out: {len(loso.sources)} sources, {loso.documents} documents", "per source (F1):"]
    width = max((len(s) for s in loso.sources), default=0)
    for source, result in loso.sources.items():
        scores = "  ".join(f"{k} {result[k]['f1']:.3f}" for k in METRIC_KEYS)
        lines.append(f"  {source:<{width}}  docs {result['documents']:>2}  {scores}")
    lines.append("pooled over the held-out sources:")
    lines.append(format_plain(loso.result))
    if "documents" in loso.result:
        lines.append(format_documents(loso.result["documents"]))
    sys.stdout.write("\n".join(lines) + "\n")


def _print_result(evaluation: Evaluation, *, as_json: bool) -> None:
    result = evaluation.result
    if as_json:
        payload: dict[str, Any] = dict(result)
        payload["errors"] = [{"document": e.document, "reason": e.reason} for e in evaluation.errors]
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    failed = len(evaluation.errors)
    title = f"{evaluation.documents} documents scored" + (f", {failed} failed to parse" if failed else "")
    if sys.stdout.isatty():
        _print_rich(result, title)
    else:
        sys.stdout.write(f"{title}\n{format_plain(result)}\n")
    if "documents" in result:
        sys.stdout.write(format_documents(result["documents"]) + "\n")
