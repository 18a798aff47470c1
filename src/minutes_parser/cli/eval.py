"""``minutes-parse eval``: the scorer in :mod:`minutes_parser.evaluate`."""

from __future__ import annotations

from collections.abc import Sequence


def eval_main(argv: Sequence[str]) -> int:
    from ..evaluate import main

    return int(main(list(argv)))
