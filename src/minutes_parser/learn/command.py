"""``minutes-parse train GOLD_DIR [DOCS_DIR] --out MODEL``: train the model bundle from gold.

GOLD_DIR holds ``NAME.gold.json`` files (searched recursively, as ``eval`` does); ``--add DIR``
adds more annotated folders (documents beside their gold files). The result is written to MODEL
and can be used with ``--model MODEL`` on parsing, ``batch`` and ``eval``. Two runs on the same
files give the same bytes. ``--from MODEL`` starts from a trained bundle: the parts you do not
retrain are kept from it (``--parts items`` retrains only the heading model, say).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

PROG = "minutes-parse train"


def _parser() -> argparse.ArgumentParser:
    from .recipe import ALL_PARTS, PARTS

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Train the heading and clause models from annotated minutes (NAME.gold.json files).",
        epilog="See docs/training.md: how many documents it takes and how to measure the result.",
    )
    parser.add_argument("gold_dir", metavar="GOLD_DIR", help="directory of NAME.gold.json files")
    parser.add_argument(
        "docs_dir",
        metavar="DOCS_DIR",
        nargs="?",
        help="where the documents are (default: beside each gold file)",
    )
    parser.add_argument(
        "--out", metavar="MODEL", required=True, help="where to write the model file (JSON)"
    )
    parser.add_argument(
        "--add",
        metavar="DIR",
        action="append",
        default=[],
        help="another folder of annotated documents (repeatable)",
    )
    parser.add_argument(
        "--from",
        dest="base",
        metavar="MODEL",
        help="start from this model file ('shipped' for the packaged one): parts not retrained are kept",
    )
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated parts to train, of {', '.join(ALL_PARTS)} (default: {','.join(PARTS)})",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    return parser


def main(argv: Sequence[str]) -> int:
    """Entry point: 0 trained, 1 nothing to train on, 2 usage error."""
    from ..evaluate import load_annotated
    from .bundle import ModelError, Models, default_models
    from .recipe import ALL_PARTS, parse_parts, train

    parser = _parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    try:
        parts = parse_parts(args.parts)
    except ValueError as exc:
        print(f"{PROG}: --parts: {exc}", file=sys.stderr)
        return 2
    try:
        docs_dir = Path(args.docs_dir) if args.docs_dir else None
        documents = load_annotated(Path(args.gold_dir), docs_dir, [Path(d) for d in args.add])
    except ValueError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    if not documents:
        print(f"{PROG}: no *.gold.json files found", file=sys.stderr)
        return 1
    base: Models | None = None
    if args.base:
        try:
            base = default_models() if args.base == "shipped" else Models.load(args.base)
        except ModelError as exc:
            print(f"{PROG}: {exc}", file=sys.stderr)
            return 2
    result = train(documents, parts=parts, seed=args.seed, base=base)
    for name, reason in result.skipped:
        print(f"{PROG}: {name}: {reason} (not trained on)", file=sys.stderr)
    try:
        result.models.save(args.out)
    except OSError as exc:
        print(f"{PROG}: {args.out}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2
    counts = ", ".join(
        f"{part} {getattr(result.models, part).meta['rows']} units"
        for part in ALL_PARTS
        if getattr(result.models, part) is not None
    )
    print(
        f"trained on {len(documents) - len(result.skipped)} documents ({counts}); wrote {args.out}"
    )
    return 0
