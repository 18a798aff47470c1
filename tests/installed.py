"""A fresh venv with this checkout installed by ``pip install`` (a standard, not editable, build:
the wheel the hatch_build.py hook compiles with mypyc), shared by the slow tests through the
``plain`` fixture of conftest.py."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class Plain:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.bin = folder / ("Scripts" if os.name == "nt" else "bin")

    def run(self, *args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return self._run([str(self.bin / "minutes-parse"), *map(str, args)], cwd)

    def python(self, code: str, *args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        """``code`` run by the venv's interpreter (without this checkout's src on the path)."""
        return self._run([str(self.bin / "python"), "-c", code, *map(str, args)], cwd)

    def has(self, module: str) -> bool:
        code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is None)"
        return subprocess.run([str(self.bin / "python"), "-c", code]).returncode == 0

    @staticmethod
    def _run(command: list[str], cwd: Path | None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        return subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=cwd, env=env)
