"""Batch processing: many documents in (folders, globs, zip/tar archives), a register out.

    >>> from minutes_parser.batch import Register, parse_many
    >>> with Register("register.sqlite") as register:  # doctest: +SKIP
    ...     for result in parse_many(["minutes/", "archive.zip"], jobs=2, timeout=60, register=register):
    ...         print(result.path, result.error or len(result.to_dict()["actions"]))
    ...     overdue = register.actions(overdue_as_of=datetime.date(2025, 1, 31))

Importing this package is cheap; the pipeline loads in the worker processes.
"""

from __future__ import annotations

from .register import ActionRecord, ErrorRecord, Register, RegisterError
from .runner import BatchResult, RunCounters, parse_many

__all__ = [
    "ActionRecord",
    "BatchResult",
    "ErrorRecord",
    "Register",
    "RegisterError",
    "RunCounters",
    "parse_many",
]
