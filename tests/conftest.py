"""Test-session hooks: one summary line for the tests that need ../shared when it is absent."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr or "")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    skipped: list[pytest.TestReport] = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    needs_shared = [r for r in skipped if "shared" in _reason(r)]
    others = Counter(_reason(r) for r in skipped if r not in needs_shared)
    if needs_shared and not SHARED.is_dir():
        files = sorted({r.nodeid.split("::")[0].removeprefix("tests/") for r in needs_shared})
        terminalreporter.write_line(
            f"{len(needs_shared)} skipped: ../shared (the development corpus and reference scorer) is not "
            f"beside the checkout; they are in {', '.join(files)}"
        )
    elif needs_shared:
        others.update(_reason(r) for r in needs_shared)
    for reason, count in sorted(others.items()):
        terminalreporter.write_line(f"{count} skipped: {reason}")
