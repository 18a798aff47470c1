"""The ``minutes-parse`` command: a thin layer over the library.

The library raises typed exceptions; this module turns them into one line on stderr
("PATH: reason") and the exit status of OUTPUT.md: 0 all parsed, 1 some input failed, 2 usage.
Heavy imports (spaCy, rich, the readers) happen only after the arguments are understood, so
``minutes-parse --help`` stays instant.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Minutes

FORMATS = ("table", "json", "jsonl", "csv", "markdown")
SUBCOMMANDS = ("eval", "batch", "actions")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def parse_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutes-parse",
        description="Turn meeting minutes into agenda items, decisions and actions with owners and due dates.",
        epilog="Other commands: 'minutes-parse eval GOLD_DIR [DOCS_DIR]' scores against gold annotations; "
        "'minutes-parse batch PATH... --out FILE' processes archives; 'minutes-parse actions --db REGISTER' "
        "queries a register. Run each with --help.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE", help="minutes documents (text, Markdown, rST, ModernGov, PDF, DOCX, HTML)")
    parser.add_argument("-f", "--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("--meeting-date", type=_date, metavar="YYYY-MM-DD", help="use this meeting date instead of the one found")
    parser.add_argument("--password", help="password for encrypted PDFs")
    parser.add_argument("--ocr", action="store_true", help="OCR PDF pages without a usable text layer (needs tesseract)")
    parser.add_argument(
        "--max-pages", type=_positive_int, metavar="N", help="read at most N pages of a PDF, with a warning (default: 2000)"
    )
    parser.add_argument(
        "--max-unzipped-mb", type=_positive_int, metavar="MB", help="refuse a DOCX that inflates to more than MB (default: 200)"
    )
    parser.add_argument("--version", action="version", version="minutes-parser 0.1.0")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in SUBCOMMANDS:
        return _subcommand(args_list[0], args_list[1:])
    parser = parse_parser()
    args = parser.parse_args(args_list)
    try:
        return run_parse(args)
    except BrokenPipeError:
        # The reader went away ("minutes-parse -f jsonl *.txt | head -1"): stop quietly, and keep
        # Python from reporting the failed flush of stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("minutes-parse: interrupted", file=sys.stderr)
        return 130


def _subcommand(name: str, argv: list[str]) -> int:
    if name == "eval":
        from .evaluate import main as eval_main

        return int(eval_main(argv))
    if name == "batch":
        from .batch.cli import batch_main

        return int(batch_main(argv))
    from .batch.cli import actions_main

    return int(actions_main(argv))


def _error(path: str, reason: str) -> None:
    # One line per failed file, whatever its name holds: control characters (a newline in a
    # file name) are escaped as Python would show them.
    shown = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in path)
    print(f"minutes-parse: {shown}: {reason}", file=sys.stderr)


def run_parse(args: argparse.Namespace) -> int:
    from .core import parse_file
    from .errors import MinutesParserError

    results: list[Minutes] = []
    failed = False
    streaming = args.format == "jsonl"
    console = None
    for path in args.paths:
        try:
            minutes = parse_file(
                path,
                meeting_date=args.meeting_date,
                password=args.password,
                ocr=args.ocr,
                max_pages=args.max_pages,
                max_unzipped_bytes=args.max_unzipped_mb * 1024 * 1024 if args.max_unzipped_mb else None,
            )
        except MinutesParserError as exc:
            _error(path, exc.reason)
            failed = True
            continue
        except RecursionError:
            _error(path, "document nesting too deep to parse")
            failed = True
            continue
        except MemoryError:
            _error(path, "out of memory while parsing")
            failed = True
            continue
        except Exception as exc:  # a bug must not cost the other files their output
            _error(path, f"internal error ({type(exc).__name__}: {exc}); please report it")
            failed = True
            continue
        if streaming:
            from .export.json import minutes_to_dict

            sys.stdout.write(json.dumps(minutes_to_dict(minutes), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif args.format == "table":
            if console is None:
                from rich.console import Console

                console = Console()
            from .export.table import print_action_table

            print_action_table(minutes, console)
        else:
            results.append(minutes)
    if args.format == "json" and (results or len(args.paths) > 1):
        # One input: one object (nothing when it failed, not "[]"); several: an array of the parsed.
        from .export.json import minutes_to_dict

        payload = [minutes_to_dict(m) for m in results]
        single = len(args.paths) == 1
        sys.stdout.write(json.dumps(payload[0] if single else payload, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        from .export.csv import actions_to_csv

        sys.stdout.write(actions_to_csv(results))
    elif args.format == "markdown":
        from .export.markdown import minutes_to_markdown

        sys.stdout.write("\n".join(minutes_to_markdown(m) for m in results))
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
