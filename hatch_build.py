"""Build hook: standard wheels carry the PDF reader's hot modules compiled with mypyc.

The modules named by ``include`` in ``[tool.hatch.build.targets.wheel.hooks.custom]`` (pyproject)
are compiled as they are, unchanged; the wheel keeps every ``.py`` file beside the extension
modules, as black's and mypy's compiled wheels do. The import system prefers the extension.

- Editable installs (``pip install -e``) stay pure Python: nothing is compiled and nothing is
  written into ``src/``, so an edited ``.py`` file is always the code that runs.
- ``MINUTES_PARSER_PURE_PYTHON=1`` builds a pure-Python wheel (and needs no mypy to build).
- If compiling fails (no C compiler, a mypy error, hatch-mypyc missing in a build without
  isolation), the build warns and goes on as pure Python instead of failing the install.

hatch-mypyc does the configuration (``include`` patterns, ``mypy-args``, mypycify ``options``) and
writes the setup script; its own hook is not used as is because it compiles in place for editable
installs too and moves pyproject.toml aside while it builds. Here the compiler runs in a temporary
directory, and its outputs go into the wheel from there (``force_include``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PURE_PYTHON_VARIABLE = "MINUTES_PARSER_PURE_PYTHON"


def pure_python_requested() -> bool:
    return os.environ.get(PURE_PYTHON_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")


class MypycWheelHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._build_dir: str | None = None

    def dependencies(self) -> list[str]:
        # What compiling needs, from the hook's `compile-dependencies`: a pure build needs none.
        if pure_python_requested():
            return []
        return list(self.config.get("compile-dependencies", []))

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        if pure_python_requested():
            self.app.display_info(f"minutes-parser: pure-Python wheel ({PURE_PYTHON_VARIABLE} is set)")
            return
        try:
            built = self._compile()
        except Exception as exc:  # any failure: the pure-Python wheel still works
            self._remove_build_dir()
            self.app.display_warning(
                f"minutes-parser: compiling with mypyc failed, building a pure-Python wheel "
                f"(correct, but the PDF reader is slower):\n{exc}"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["force_include"].update(built)
        self.app.display_info(f"minutes-parser: compiled with mypyc: {', '.join(sorted(built.values()))}")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        self._remove_build_dir()

    def _compile(self) -> dict[str, str]:
        """Compile the included modules; return {built file: its path in the wheel}."""
        from hatch_mypyc.plugin import MypycBuildHook
        from hatch_mypyc.utils import construct_setup_file

        config = MypycBuildHook(
            self.root, self.config, self.build_config, self.metadata, self.directory, self.target_name, self.app
        )
        sources = [os.path.join(self.root, path) for path in config.included_files]
        if not sources:
            raise RuntimeError("no module matches the hook's `include` patterns")
        self._build_dir = build_dir = tempfile.mkdtemp(prefix="minutes-parser-mypyc-")
        lib, temp = os.path.join(build_dir, "lib"), os.path.join(build_dir, "temp")
        options = {**config.config_options, "target_dir": os.path.join(build_dir, "c")}
        # No mypy config file: the project's strict settings are for linting (CI runs them), and
        # in a build environment without the runtime dependencies they flag what the missing
        # stubs turn into Any. mypyc needs the types right, not the lint: `mypy-args` in pyproject.
        mypy_args = ["--config-file=", *config.config_mypy_args]
        setup_file = os.path.join(build_dir, "setup.py")
        with open(setup_file, "w", encoding="utf-8") as f:
            f.write(construct_setup_file("", *mypy_args, *sources, **options))
        process = subprocess.run(
            [sys.executable, setup_file, "build_ext", "--build-lib", lib, "--build-temp", temp],
            cwd=build_dir,  # mypy's cache and setuptools' files stay out of the project
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if process.returncode:
            raise RuntimeError(process.stdout[-3000:])
        built = {}
        for folder, _, files in os.walk(lib):
            for name in files:
                path = os.path.join(folder, name)
                built[path] = os.path.relpath(path, lib).replace(os.sep, "/")
        for source in config.included_files:  # each module's extension (beside mypyc's runtime)
            module = os.path.splitext(os.path.relpath(source, config.package_source or "."))[0]
            if not any(path.startswith(module.replace(os.sep, "/") + ".") for path in built.values()):
                raise RuntimeError(f"mypyc built no extension for {source}: {sorted(built.values())}")
        return built

    def _remove_build_dir(self) -> None:
        if self._build_dir is not None:
            shutil.rmtree(self._build_dir, ignore_errors=True)
            self._build_dir = None


def get_build_hook() -> type[BuildHookInterface]:
    return MypycWheelHook
