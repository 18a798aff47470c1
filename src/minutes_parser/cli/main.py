"""``minutes-parse FILE...`` and the dispatch to the subcommands.

The library raises typed exceptions; the CLI turns them into one line on stderr ("PATH:
reason") and the exit status of OUTPUT.md: 0 all parsed, 1 some input failed, 2 usage (and a
missing optional package, named with its pip install). Heavy imports (spaCy, rich, the readers)
happen only after the arguments are understood, so ``minutes-parse --help`` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .args import (
    PROG,
    add_document_options,
    check_model,
    document_options,
    missing_package_message,
    print_failure,
)

if TYPE_CHECKING:
    from ..model import Minutes

FORMATS = ("table", "json", "jsonl", "csv", "markdown")
SHOW = ("actions", "decisions", "all")
# Subcommand -> "module:function" in this package, imported only when that subcommand runs.
SUBCOMMANDS = {
    "eval": "eval:eval_main",
    "batch": "batch:batch_main",
    "actions": "actions:actions_main",
    "train": "train:train_main",
    "report": "report:report_main",
    "serve": "serve:serve_main",
}


def parse_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn meeting minutes into agenda items, decisions and actions with owners and due dates.",
        epilog="Other commands: 'minutes-parse eval GOLD_DIR [DOCS_DIR]' scores against gold annotations; "
        "'minutes-parse batch PATH... --out FILE' processes archives; 'minutes-parse actions --db REGISTER' "
        "queries a register; 'minutes-parse train GOLD_DIR --out MODEL' trains a model. Run each with --help.",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="FILE", help="minutes documents (text, Markdown, rST, ModernGov, PDF, DOCX, HTML)"
    )
    parser.add_argument("-f", "--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument(
        "--show",
        choices=SHOW,
        default="actions",
        help="what the table format shows: actions (default), decisions (with outcome and votes) or all",
    )
    add_document_options(parser)
    parser.add_argument("--version", action="version", version="minutes-parser 0.1.0")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in SUBCOMMANDS:
            return _subcommand(args_list[0])(args_list[1:])
        parser = parse_parser()
        args = parser.parse_args(args_list)
        if args.show != "actions" and args.format != "table":
            parser.error("--show applies to the table format only")
        if not check_model(args.model):
            return 2
        return run_parse(args)
    except BrokenPipeError:
        # The reader went away ("minutes-parse -f jsonl *.txt | head -1"): stop quietly, and keep
        # Python from reporting the failed flush of stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except ModuleNotFoundError as exc:
        message = missing_package_message(exc)
        if message is None:
            raise
        print(f"{PROG}: {message}", file=sys.stderr)
        return 2
    except Exception as exc:
        from ..errors import MissingDependencyError

        if not isinstance(exc, MissingDependencyError):
            raise
        print(f"{PROG}: {exc.reason}", file=sys.stderr)
        return 2


def _subcommand(name: str) -> Callable[[list[str]], int]:
    module_name, _, function = SUBCOMMANDS[name].partition(":")
    module = importlib.import_module(f"{__package__}.{module_name}")
    command: Callable[[list[str]], int] = getattr(module, function)
    return command


def run_parse(args: argparse.Namespace) -> int:
    from ..core import parse_file
    from ..errors import MinutesParserError

    results: list[Minutes] = []
    failed = False
    streaming = args.format == "jsonl"
    console = err_console = None
    options = document_options(args)
    for path in args.paths:
        try:
            minutes = parse_file(path, **options)
        except MinutesParserError as exc:
            print_failure(path, exc.reason)
            failed = True
            continue
        except RecursionError:
            print_failure(path, "document nesting too deep to parse")
            failed = True
            continue
        except MemoryError:
            print_failure(path, "out of memory while parsing")
            failed = True
            continue
        except Exception as exc:  # a bug must not cost the other files their output
            print_failure(path, f"internal error ({type(exc).__name__}: {exc}); please report it")
            failed = True
            continue
        if streaming:
            from ..export.json import minutes_to_dict

            sys.stdout.write(json.dumps(minutes_to_dict(minutes), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif args.format == "table":
            if console is None:
                from rich.console import Console

                console = Console()
                err_console = Console(stderr=True)
            from ..export.table import print_action_table

            print_action_table(minutes, console, err_console, show=args.show)
        else:
            results.append(minutes)
    if args.format == "json" and (results or len(args.paths) > 1):
        # One input: one object (nothing when it failed, not "[]"); several: an array of the parsed.
        from ..export.json import minutes_to_dict

        payload = [minutes_to_dict(m) for m in results]
        single = len(args.paths) == 1
        sys.stdout.write(json.dumps(payload[0] if single else payload, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        from ..export.csv import actions_to_csv

        sys.stdout.write(actions_to_csv(results))
    elif args.format == "markdown":
        from ..export.markdown import minutes_to_markdown

        sys.stdout.write("\n".join(minutes_to_markdown(m) for m in results))
    return 1 if failed else 0
