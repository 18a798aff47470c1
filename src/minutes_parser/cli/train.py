"""``minutes-parse train``: training the model bundle, in :mod:`minutes_parser.learn.command`.

Imported only when the subcommand runs, so the rest of the CLI works without it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence


def train_main(argv: Sequence[str]) -> int:
    try:
        command = importlib.import_module("minutes_parser.learn.command")
    except ModuleNotFoundError as exc:
        if exc.name != "minutes_parser.learn.command":
            raise
        print("minutes-parse train: training is not available in this version", file=sys.stderr)
        return 2
    return int(command.main(list(argv)))
