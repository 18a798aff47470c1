"""What every ``minutes-parse`` subcommand shares: argument types, the document options, and
the one-line error messages (never a traceback)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

PROG = "minutes-parse"

# Optional packages and the extra that installs each: a missing one is a one-line message.
OPTIONAL_PACKAGES = {
    "dask": "dask",
    "distributed": "dask",
    "datasette": "web",
}


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return number


def as_of(value: str) -> dt.date:
    """YYYY-MM-DD, or "today"."""
    return dt.date.today() if value.strip().lower() == "today" else iso_date(value)


def add_document_options(parser: argparse.ArgumentParser) -> None:
    """The options of a single parse, shared by ``minutes-parse FILE`` and ``batch``."""
    parser.add_argument(
        "--meeting-date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="use this meeting date instead of the one found",
    )
    parser.add_argument("--password", help="password for encrypted PDFs")
    parser.add_argument(
        "--ocr",
        action="store_true",
        help="OCR PDF pages without a usable text layer (needs tesseract)",
    )
    parser.add_argument(
        "--max-pages",
        type=positive_int,
        metavar="N",
        help="read at most N pages of a PDF, with a warning (default: 2000)",
    )
    parser.add_argument(
        "--max-unzipped-mb",
        type=positive_int,
        metavar="MB",
        help="refuse a DOCX that inflates to more than MB (default: 200)",
    )
    parser.add_argument(
        "--model",
        metavar="MODEL",
        help="trained model file (JSON) to use instead of the shipped one; 'rules' for the rules alone",
    )


def document_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of ``parse_file``/``parse_bytes`` from :func:`add_document_options`."""
    return {
        "meeting_date": args.meeting_date,
        "password": args.password,
        "ocr": args.ocr,
        "max_pages": args.max_pages,
        "max_unzipped_bytes": args.max_unzipped_mb * 1024 * 1024 if args.max_unzipped_mb else None,
        "model": args.model,
    }


def check_model(path: str | None, prog: str = PROG) -> bool:
    """Load ``--model`` once, up front: False (after one line on stderr) when it is unusable."""
    if path is None:
        return True
    from ..learn import ModelError, resolve_models

    try:
        resolve_models(path)
    except ModelError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return False
    return True


def shown(path: str) -> str:
    """A path on one line, whatever its name holds (control characters escaped as Python would)."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in path)


def print_failure(path: str, reason: str) -> None:
    """``minutes-parse: PATH: reason``: one line per input that failed."""
    print(f"{PROG}: {shown(path)}: {reason}", file=sys.stderr)


def missing_package_message(exc: ModuleNotFoundError) -> str | None:
    """A one-line install hint for an optional package that is not installed, else None."""
    top = (exc.name or "").split(".")[0]
    extra = OPTIONAL_PACKAGES.get(top)
    if extra is None:
        return None
    return f"this needs the {top!r} package: pip install 'minutes-parser[{extra}]'"
