"""Test-session hooks: one summary line for the tests that need ../shared when it is absent, and
the venv with a standard install of this checkout that the slow tests share."""

from __future__ import annotations

import subprocess
import venv
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from installed import Plain

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Plain]:
    """A fresh venv holding ``pip install`` of this checkout (not editable), no extras.

    Built once per test session with pip's usual index and cache, so a machine that has installed
    the project before needs little or no network. The build compiles the PDF reader with mypyc
    (about a minute; see hatch_build.py).
    """
    folder = tmp_path_factory.mktemp("plain-venv")
    venv.EnvBuilder(with_pip=True).create(folder)
    env = Plain(folder)
    install = subprocess.run(
        [str(env.bin / "python"), "-m", "pip", "install", "--quiet", "--prefer-binary", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if install.returncode != 0:
        pytest.skip(f"cannot install the package into a fresh venv (offline?): {install.stderr.strip()[-300:]}")
    yield env


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
