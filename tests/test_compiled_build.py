"""The standard wheel carries the PDF reader compiled with mypyc (hatch_build.py); the compiled
reader gives exactly what the pure-Python one gives; editable installs and
MINUTES_PARSER_PURE_PYTHON=1 builds stay pure; a failed compile falls back to pure Python.

The compiled install is the ``plain`` venv of conftest.py (``pip install`` of this checkout), so
the compile is paid once per session. Marked ``slow`` (CI runs it: ``pytest -m slow``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from installed import Plain

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.slow


def compiled_modules() -> list[str]:
    """The modules the build hook compiles: its ``include`` list in pyproject.toml."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    hook = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]
    return [path.removeprefix("src/").removesuffix(".py").replace("/", ".") for path in hook["include"]]


def has_c_compiler() -> bool:
    compiler = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    return shutil.which(compiler.split()[0]) is not None


def is_extension(path: str) -> bool:
    return path.endswith(tuple(EXTENSION_SUFFIXES))


# Run by an interpreter: the files the compiled modules were loaded from, then every PDF named on
# the command line as the reader's blocks and the whole parse as JSON (or the error it raised).
DUMP = """
import importlib, json, sys
from pathlib import Path
from minutes_parser.core import parse_bytes
from minutes_parser.export.json import minutes_to_json
from minutes_parser.readers import ReadOptions
from minutes_parser.readers.pdf import read
modules, paths = sys.argv[1].split(","), sys.argv[2:]
out = {"files": [importlib.import_module(m).__file__ for m in modules]}
for path in paths:
    data, name = Path(path).read_bytes(), Path(path).name
    try:
        out[path] = [repr(read(data, options=ReadOptions(name=name))), minutes_to_json(parse_bytes(data, name=name))]
    except Exception as exc:
        out[path] = [f"{type(exc).__name__}: {exc}"]
print(json.dumps(out))
"""


def test_a_standard_install_loads_the_compiled_modules(plain: Plain) -> None:
    if not has_c_compiler():
        pytest.skip("no C compiler: the standard build falls back to pure Python")
    modules = compiled_modules()
    result = plain.python(DUMP, ",".join(modules))
    assert result.returncode == 0, result.stderr
    for module, file in zip(modules, json.loads(result.stdout)["files"], strict=True):
        assert is_extension(file), f"{module} is not compiled: {file}"
        assert Path(file).with_name(module.rsplit(".", 1)[1] + ".py").is_file()  # the source ships too


def test_the_compiled_reader_agrees_with_the_pure_one(plain: Plain) -> None:
    pdfs = sorted(ROOT.glob("corpora/**/*.pdf")) + sorted((SHARED / "corpus").glob("*.pdf"))
    modules = ",".join(compiled_modules())
    compiled = plain.python(DUMP, modules, *pdfs)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}  # this checkout's sources: pure Python
    pure = subprocess.run(
        [sys.executable, "-c", DUMP, modules, *map(str, pdfs)], capture_output=True, text=True, env=env, timeout=600
    )
    assert compiled.returncode == 0 and pure.returncode == 0, compiled.stderr + pure.stderr
    compiled_out, pure_out = json.loads(compiled.stdout), json.loads(pure.stdout)
    assert not any(is_extension(file) for file in pure_out.pop("files"))
    compiled_out.pop("files")
    assert sum(len(outputs) == 2 for outputs in pure_out.values()) >= 3  # PDFs read, not only errors
    for path in pure_out:
        assert compiled_out[path] == pure_out[path], f"the compiled build reads {path} differently"


def build_wheel(tmp_path: Path, **env: str) -> zipfile.ZipFile:
    """The wheel of this checkout built by pip, with ``env`` added to the environment."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, **env},
    )
    if result.returncode != 0:
        pytest.skip(f"cannot build a wheel (offline?): {result.stderr.strip()[-300:]}")
    (wheel,) = tmp_path.glob("*.whl")
    return zipfile.ZipFile(wheel)


def assert_pure(wheel: zipfile.ZipFile) -> None:
    assert wheel.filename is not None and wheel.filename.endswith("-py3-none-any.whl")
    names = wheel.namelist()
    assert not any(is_extension(name) for name in names)
    assert "minutes_parser/readers/_pdf_layout.py" in names


def test_the_pure_python_variable_builds_a_pure_wheel(tmp_path: Path) -> None:
    assert_pure(build_wheel(tmp_path, MINUTES_PARSER_PURE_PYTHON="1"))


def test_a_failed_compile_falls_back_to_a_pure_wheel(tmp_path: Path) -> None:
    assert_pure(build_wheel(tmp_path, CC=str(tmp_path / "no-such-compiler")))


def test_an_editable_install_stays_pure_and_writes_nothing_into_src(tmp_path: Path) -> None:
    folder = tmp_path / "editable-venv"
    venv.EnvBuilder(with_pip=True).create(folder)
    env = Plain(folder)
    install = subprocess.run(
        [str(env.bin / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if install.returncode != 0:
        pytest.skip(f"cannot install the package into a fresh venv (offline?): {install.stderr.strip()[-300:]}")
    code = "import importlib.util, sys; print(importlib.util.find_spec(sys.argv[1]).origin)"
    for module in compiled_modules():
        result = env.python(code, module)
        assert Path(result.stdout.strip()) == ROOT / "src" / (module.replace(".", "/") + ".py"), result.stderr
    assert not [path for path in (ROOT / "src").rglob("*") if is_extension(path.name)]
