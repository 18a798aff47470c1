"""After ``pip install minutes-parser`` with no extras, every subcommand works or says in one
line what to install (exit 2): never a traceback.

The venv (the ``plain`` fixture of conftest.py, shared with test_compiled_build.py) is built once
per test session. It takes a minute or two: marked ``slow`` (CI runs it: ``pytest -m slow``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from installed import Plain

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpora" / "examples" / "parish-council-2024-03.md"
OTHER = ROOT / "corpora" / "trustees_2024-06-01.rst"

pytestmark = pytest.mark.slow


def _clean(result: subprocess.CompletedProcess[str], status: int = 0) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == status, result.stderr


def test_no_extras_are_installed(plain: Plain) -> None:
    assert not plain.has("dask") and not plain.has("distributed")
    assert plain.has("icalendar")  # a core dependency: --format ics works after a plain install


def test_every_subcommand_runs_without_extras(plain: Plain, tmp_path: Path) -> None:
    for fmt in ("table", "json", "jsonl", "csv", "markdown"):
        result = plain.run("--format", fmt, EXAMPLE)
        _clean(result)
        assert result.stdout.strip()
    out, db = tmp_path / "out.jsonl", tmp_path / "register.sqlite"
    _clean(plain.run("batch", EXAMPLE, OTHER, "--out", out, "--db", db))
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    for fmt in ("table", "json", "csv", "ics"):
        result = plain.run("actions", "--db", db, "--format", fmt)
        _clean(result)
        assert result.stdout.strip()
    assert "BEGIN:VTODO" in plain.run("actions", "--db", db, "--format", "ics").stdout
    gold = tmp_path / "gold"
    gold.mkdir()
    for path in (EXAMPLE, Path(f"{EXAMPLE}.gold.json")):
        (gold / path.name).write_bytes(path.read_bytes())
    result = plain.run("eval", gold)
    _clean(result)


def test_every_subcommand_has_help(plain: Plain) -> None:
    from minutes_parser.cli.main import SUBCOMMANDS

    for name in ("", *SUBCOMMANDS):
        result = plain.run(*([name] if name else []), "--help")
        _clean(result)
        assert "usage: minutes-parse" in result.stdout


def test_an_optional_extra_is_one_line_and_exit_2(plain: Plain, tmp_path: Path) -> None:
    result = plain.run("batch", EXAMPLE, "--out", tmp_path / "o.jsonl", "--engine", "dask")
    _clean(result, status=2)
    assert result.stderr.strip().splitlines() == [
        "minutes-parse batch: the dask engine needs dask.distributed: pip install 'minutes-parser[dask]'"
    ]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-m", "slow", "-q"]))
