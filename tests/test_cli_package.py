"""The shape of the code: the CLI is one package over the library, the batch has no import circle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "minutes_parser"


def _batch_imports(module: Path) -> set[str]:
    """The sibling modules of ``batch/`` that ``module`` imports, at run time or for typing."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def test_batch_modules_import_no_circle() -> None:
    batch = PACKAGE / "batch"
    graph = {p.stem: _batch_imports(p) for p in batch.glob("*.py") if p.stem != "__init__"}
    assert graph["results"] == set(), "results.py is the leaf both sides import"
    assert "runner" not in graph["register"] and "worker" not in graph["register"]

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, set()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    circles = sorted(name for name in graph if reaches(name, name, set()))
    assert circles == [], f"import circle through {circles}"
