"""Docs that cannot drift: the code blocks of README.md and docs/*.md run here.

Every ```sh, ```console and ```python block (and a bare ``` block with ``$ `` prompts) is either
run by this test or marked illustrative with an HTML comment on the line before its fence::

    <!-- illustrative: why it cannot run here -->

* The runnable blocks of a page run in one temporary folder holding a ``corpora`` link to the
  repository's corpora, its shell blocks in order, then its Python blocks (so a block may use a
  register an earlier block's batch wrote). Two pages' shell blocks run at a time.
* Shell blocks run with the venv's ``minutes-parse`` first on PATH, one bash session per block
  (so ``echo $?`` works). In a ```sh block every line is a command; in a ```console block (or
  a bare block) ``$ `` lines are commands and the lines under one are its shown output (stdout
  and stderr), which must match what it prints: a ``…`` inside a line stands for any text, a
  line of only ``…`` for any number of lines. A command with no shown output must exit 0.
  Install lines (``pip install``, ``python3 -m venv``) are not run here (the slow test of a
  fresh venv installs).
* Python blocks run in-process, the blocks of one page in one namespace (a later block may use
  a name an earlier one defined). A ``print(...)`` or a bare expression with a trailing comment
  (or a comment on the next line) shows its output: the comment must equal what it prints / its
  ``repr``, ``...`` standing for any text.
* ```text, ```json and bare blocks without prompts are sample output, file layouts or synopses:
  not run.

A block that fails names its file and line. When the parser's output changes on purpose, paste
the output the failure shows into the doc, or let the test do it (the way cog does): shown output
without '…' is rewritten in place by ``MINUTES_PARSER_DOCS_UPDATE=1 pytest tests/test_docs.py``;
review the diff before committing it.

Also here: links in the docs point only at files a clone has, docs/index.md and README.md list
every page, and every command-line option, ``parse_*`` keyword and JSON key is documented.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import io
import os
import re
import subprocess
import sys
import tokenize
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]
BIN = Path(sys.executable).parent
MINUTES_PARSE = BIN / "minutes-parse"

FENCE = re.compile(r"^```(?P<lang>[\w+-]*)\s*$")
ILLUSTRATIVE = re.compile(r"^<!--\s*illustrative\b.*-->\s*$")
SHELL_LANGS = {"sh", "shell", "bash", "console"}
CODE_LANGS = SHELL_LANGS | {"python"}
INSTALL = re.compile(r"^(?:pip3? install|python3? -m (?:venv|pip))\b")
TRAILING_COMMENT = re.compile(r"\s{2,}#\s.*$|\s+#$")
PER_COMMAND_TIMEOUT = 30.0
# MINUTES_PARSER_DOCS_UPDATE=1: rewrite shown output that has no '…' to what the command prints.
UPDATE = os.environ.get("MINUTES_PARSER_DOCS_UPDATE") == "1"


@dataclass
class Block:
    page: Path
    line: int  # 1-based line of the opening fence
    lang: str
    lines: list[str]
    illustrative: bool

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}"

    @property
    def is_code(self) -> bool:
        if self.lang in CODE_LANGS:
            return True
        return self.lang == "" and any(line.startswith("$ ") for line in self.lines)


@dataclass
class Command:
    line: int  # 1-based line in the page
    text: str
    shown: list[str] | None = field(default=None)  # shown output, when the doc shows any


def read_blocks(page: Path) -> list[Block]:
    blocks: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        start = index
        end = start + 1
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        before = next((lines[i] for i in range(start - 1, -1, -1) if lines[i].strip()), "")
        blocks.append(
            Block(
                page,
                start + 1,
                match["lang"],
                lines[start + 1 : end],
                bool(ILLUSTRATIVE.match(before)),
            )
        )
        index = end + 1
    return blocks


ALL_BLOCKS = [block for page in PAGES for block in read_blocks(page)]
CODE_BLOCKS = [block for block in ALL_BLOCKS if block.is_code]
RUN_BLOCKS = [block for block in CODE_BLOCKS if not block.illustrative]
RUN_PAGES = [page for page in PAGES if any(block.page == page for block in RUN_BLOCKS)]


def shell_commands(block: Block) -> list[Command]:
    """The commands of a shell block, with the output shown under each (console style)."""
    commands: list[Command] = []
    prompts = block.lang == "console" or block.lang == ""
    pending = ""
    for offset, raw in enumerate(block.lines):
        number = block.line + 1 + offset
        if prompts and not raw.startswith("$ ") and not pending:
            if commands:
                shown = commands[-1].shown
                commands[-1].shown = [*(shown or []), raw.rstrip()]
            continue
        text = raw[2:] if prompts and not pending else raw
        text = TRAILING_COMMENT.sub("", text).rstrip()
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if text.endswith("\\"):
            pending += text[:-1] + " "
            continue
        commands.append(Command(number, pending + text))
        pending = ""
    return [c for c in commands if not INSTALL.match(c.text)]


def shown_pattern(shown: list[str]) -> re.Pattern[str]:
    """A regex for shown output: '…' in a line is any text, a line of only '…' any lines."""
    while shown and not shown[-1].strip():
        shown = shown[:-1]
    parts = []
    for line in shown:
        if line.strip() == "…":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(re.escape(p) for p in line.rstrip().split("…")) + r"[ \t]*\n")
    return re.compile("".join(parts), re.DOTALL)


def normalise(output: str) -> str:
    lines = [line.rstrip() for line in output.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "".join(line + "\n" for line in lines)


def test_every_code_block_runs_or_is_marked_illustrative() -> None:
    """Every code block is run by this test (runnable) or says why it is not."""
    unrunnable = []
    for block in RUN_BLOCKS:
        if block.lang == "python":
            continue
        for command in shell_commands(block):
            first = command.text.split()[0]
            if first not in {"minutes-parse", "echo", "touch", "cat"}:
                unrunnable.append(f"{block.page.relative_to(REPO)}:{command.line}: {command.text}")
    assert not unrunnable, (
        "commands the docs test cannot run; make them run on corpora/ files or put "
        "'<!-- illustrative: why -->' before the block:\n" + "\n".join(unrunnable)
    )
    assert len(RUN_BLOCKS) >= 10, [b.where for b in RUN_BLOCKS]


def run_shell_block(
    block: Block, workdir: Path, updates: list[tuple[int, int, list[str]]]
) -> list[str]:
    """Run a shell block in workdir; the problems found, each naming file and line.

    With MINUTES_PARSER_DOCS_UPDATE=1, shown output without '…' that differs is not a problem:
    (line of the command, lines shown, lines printed) is added to updates instead."""
    commands = shell_commands(block)
    if not commands:
        return []
    marker = "@@docs-test-command-done@@"
    script = ["set +e"]
    for command in commands:
        text = command.text
        if text.startswith("minutes-parse"):
            text = f"{MINUTES_PARSE}{text[len('minutes-parse') :]}"
        script += ["{ " + text, "} 2>&1", "__rc=$?", f"echo {marker} $__rc", "(exit $__rc)"]
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.update({"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "PYTHONHASHSEED": "0"})
    env.pop("FORCE_COLOR", None)
    done = subprocess.run(
        ["bash", "-c", "\n".join(script)],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=PER_COMMAND_TIMEOUT * len(commands),
        check=False,
    )
    outputs = done.stdout.split(marker)
    if len(outputs) != len(commands) + 1:
        return [f"{block.where}: the block did not finish\n{done.stdout}{done.stderr}"]
    problems = []
    for index, command in enumerate(commands):
        chunk = outputs[index]
        if index:
            chunk = chunk.split("\n", 1)[1] if "\n" in chunk else ""
        status = int(outputs[index + 1].split("\n", 1)[0].strip() or 0)
        where = f"{block.page.relative_to(REPO)}:{command.line}"
        actual = normalise(chunk)
        if command.shown is None:
            if status != 0:
                problems.append(f"{where}: `{command.text}` exited {status}:\n{actual}")
        elif not shown_pattern(command.shown).fullmatch(actual):
            if UPDATE and not any("…" in line for line in command.shown):
                updates.append((command.line, len(command.shown), actual.splitlines()))
                continue
            problems.append(
                f"{where}: `{command.text}` no longer prints what the doc shows. It prints:\n{actual}"
            )
    return problems


def python_comments(source: str) -> dict[int, str]:
    """Comment text by line number (1-based), for comments in the source."""
    comments: dict[int, str] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.string[1:].strip()
    return comments


def expected_output(statement: ast.stmt, lines: list[str], comments: dict[int, str]) -> str | None:
    """The output a doc shows for an expression statement: its trailing or next-line comment."""
    end = statement.end_lineno or statement.lineno
    if end in comments and lines[end - 1].split("#", 1)[0].strip():
        return comments[end]
    if end + 1 in comments and lines[end].lstrip().startswith("#"):
        return comments[end + 1]
    return None


def shown_matches(shown: str, actual: str) -> bool:
    pattern = ".*".join(re.escape(part.strip()) for part in shown.split("..."))
    return re.fullmatch(pattern, actual.strip(), re.DOTALL) is not None


def run_python_block(block: Block, namespace: dict[str, Any]) -> Iterator[str]:
    """Run a block statement by statement; yields a message for each shown output that differs."""
    source = "\n".join(block.lines) + "\n"
    tree = ast.parse(source, filename=block.where)
    lines = source.splitlines()
    comments = python_comments(source)
    for statement in tree.body:
        where = f"{block.page.relative_to(REPO)}:{block.line + statement.lineno}"
        shown = (
            expected_output(statement, lines, comments) if isinstance(statement, ast.Expr) else None
        )
        try:
            if isinstance(statement, ast.Expr):
                is_print = (
                    isinstance(statement.value, ast.Call)
                    and isinstance(statement.value.func, ast.Name)
                    and statement.value.func.id == "print"
                )
                code = compile(ast.Expression(statement.value), where, "eval")
                buffer = io.StringIO()
                with contextlib.redirect_stdout(buffer):
                    value = eval(code, namespace)
                actual = buffer.getvalue() if is_print else repr(value)
            else:
                exec(compile(ast.Module([statement], []), where, "exec"), namespace)
                continue
        except Exception as exc:  # the doc's code failed: say where
            yield f"{where}: raised {type(exc).__name__}: {exc}"
            return
        if shown is not None and not shown_matches(shown, actual):
            yield f"{where}: the doc shows {shown!r}, the code gives {actual.strip()!r}"


@dataclass
class ShellRun:
    """The shell blocks of one page, run (in a worker thread) in the page's folder."""

    workdir: Path
    result: Future[tuple[list[str], list[tuple[int, int, list[str]]]]]


def run_shell_blocks(
    blocks: list[Block], workdir: Path
) -> tuple[list[str], list[tuple[int, int, list[str]]]]:
    problems: list[str] = []
    updates: list[tuple[int, int, list[str]]] = []
    for block in blocks:
        problems += run_shell_block(block, workdir, updates)
    return problems, updates


class ShellRuns:
    """Starts a page's shell blocks when its test asks, and the next page's beside it: the
    commands mostly wait on interpreter start-up, so two at a time roughly halve the time.
    Under pytest-xdist (which already spreads the pages) each page starts only when asked."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self.factory = factory
        self.ahead = 0 if os.environ.get("PYTEST_XDIST_WORKER") else 1
        self.pool = ThreadPoolExecutor(max_workers=1 + self.ahead)
        self.runs: dict[Path, ShellRun] = {}

    def start(self, page: Path) -> ShellRun:
        if page not in self.runs:
            workdir = self.factory.mktemp("docs")
            (workdir / "corpora").symlink_to(REPO / "corpora", target_is_directory=True)
            blocks = [b for b in RUN_BLOCKS if b.page == page and b.lang != "python"]
            self.runs[page] = ShellRun(workdir, self.pool.submit(run_shell_blocks, blocks, workdir))
        return self.runs[page]

    def get(self, page: Path) -> ShellRun:
        run = self.start(page)
        index = RUN_PAGES.index(page)
        for following in RUN_PAGES[index + 1 : index + 1 + self.ahead]:
            self.start(following)
        return run


@pytest.fixture(scope="session")
def shell_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ShellRuns]:
    runs = ShellRuns(tmp_path_factory)
    yield runs
    runs.pool.shutdown(wait=True, cancel_futures=True)


@pytest.mark.parametrize("page", RUN_PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_page_blocks(page: Path, shell_runs: ShellRuns, monkeypatch: pytest.MonkeyPatch) -> None:
    """The runnable blocks of a page in one folder: its shell blocks in order, then its Python
    blocks in order, so a later block may use a file an earlier one wrote (a register a batch
    made) or a name an earlier Python block defined."""
    run = shell_runs.get(page)
    problems, updates = run.result.result()
    monkeypatch.chdir(run.workdir)
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for block in RUN_BLOCKS:
        if block.page == page and block.lang == "python":
            problems += run_python_block(block, namespace)
    if updates:
        rewrite_shown_output(page, updates)
    assert not problems, "\n".join(problems)


def rewrite_shown_output(page: Path, updates: list[tuple[int, int, list[str]]]) -> None:
    """Replace the shown output under each command (cog-style), bottom up so lines stay put."""
    lines = page.read_text(encoding="utf-8").split("\n")
    for line, shown_count, printed in sorted(updates, reverse=True):
        lines[line : line + shown_count] = printed
    page.write_text("\n".join(lines), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Links, the page lists, documented options
# --------------------------------------------------------------------------------------------

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def test_links_point_at_files_a_clone_has() -> None:
    broken = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            for target in LINK.findall(line):
                if re.match(r"[a-z]+:", target) or target.startswith("#"):
                    continue
                path = (page.parent / target.split("#", 1)[0]).resolve()
                inside = path == REPO or REPO in path.parents
                if not inside or not path.exists():
                    broken.append(f"{page.relative_to(REPO)}:{number}: {target}")
    assert not broken, "links to files a clone does not have:\n" + "\n".join(broken)


def linked_pages(page: Path) -> set[str]:
    return {Path(t.split("#", 1)[0]).name for t in LINK.findall(page.read_text(encoding="utf-8"))}


@pytest.mark.parametrize(
    "index", [DOCS / "index.md", REPO / "README.md"], ids=["docs/index.md", "README.md"]
)
def test_index_lists_every_page(index: Path) -> None:
    pages = {p.name for p in DOCS.glob("*.md")} - {index.name}
    missing = sorted(pages - linked_pages(index))
    assert not missing, f"{index.relative_to(REPO)} does not link {missing}"


SUBCOMMANDS = ("eval", "batch", "actions", "train", "report", "serve")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]+")


def help_options(*args: str) -> set[str]:
    done = subprocess.run(
        [str(MINUTES_PARSE), *args, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(OPTION.findall(done.stdout)) - {"--help"}


def test_cli_options_are_documented() -> None:
    cli = (DOCS / "cli.md").read_text(encoding="utf-8")
    every_page = "\n".join(p.read_text(encoding="utf-8") for p in PAGES)
    missing = [
        f"minutes-parse {o}: not in docs/cli.md" for o in sorted(help_options()) if o not in cli
    ]
    for sub in SUBCOMMANDS:
        missing += [
            f"minutes-parse {sub} {o}: in no doc page"
            for o in sorted(help_options(sub))
            if not re.search(re.escape(o) + r"(?![\w-])", every_page)
        ]
    assert not missing, "\n".join(missing)


def test_parse_keywords_are_documented() -> None:
    import minutes_parser

    library = (DOCS / "library.md").read_text(encoding="utf-8")
    missing = [
        f"{name}({parameter.name}=)"
        for name in ("parse_file", "parse_text", "parse_bytes")
        for parameter in inspect.signature(getattr(minutes_parser, name)).parameters.values()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY
        and not re.search(rf"\b{name}\([^)`]*\b{parameter.name}=", library)
    ]
    assert not missing, f"docs/library.md does not mention: {missing}"


def test_json_fields_are_documented() -> None:
    """Every key the JSON output uses is named (in backticks) in docs/json.md."""
    from minutes_parser import minutes_to_dict, parse_file

    keys: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            keys.update(value)
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    for name in (
        "examples/parish-council-2024-03.md",
        "examples/lowmere-parish-council-2024-05.pdf",
        "parish_council_2024-07-09.md",
        "board_notes_2023-11-22.txt",
    ):
        walk(minutes_to_dict(parse_file(REPO / "corpora" / name)))
    documented = (DOCS / "json.md").read_text(encoding="utf-8")
    missing = sorted(key for key in keys if f"`{key}`" not in documented)
    assert not missing, f"docs/json.md does not name these JSON keys: {missing}"
