"""Hostile and broken inputs through the real command line: a parse, or one line naming the file.

Every case runs ``python -m minutes_parser`` in a subprocess with a 60 s timeout and a 2 GB
address-space limit, and checks the exit status, the one-line message on stderr (no traceback)
and, for parses, what came out. The inputs are made at test time by ``generate.py``.
"""

from __future__ import annotations

import glob
import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .generate import (
    CASES,
    PASSWD_MARKER,
    PASSWORD,
    docx_package,
    good_docx_xml,
    minutes_text,
    write_case,
)

TIME_LIMIT = 60.0
MEMORY_LIMIT = 2 * 1024 * 1024 * 1024


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()

    def documents(self) -> list[dict[str, Any]]:
        """The JSONL objects on stdout."""
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(*args: str | os.PathLike[str], cwd: Path | None = None) -> Run:
    """``minutes-parse ARGS`` in a bounded subprocess (the bounds are what the issue promises)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "minutes_parser", *(os.fspath(arg) for arg in args)],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=_limits,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    return Run(
        completed.returncode, completed.stdout, completed.stderr, time.perf_counter() - started
    )


def parse_one(path: Path, *extra: str) -> dict[str, Any]:
    """Run one file that must parse; return its JSON object."""
    result = run_cli("--format", "jsonl", *extra, path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
    [document] = result.documents()
    return document


def fail_one(
    path: Path, reason: str, *extra: str, shown: str | None = None, cwd: Path | None = None
) -> Run:
    """Run one file that must fail: exit 1, one stderr line "minutes-parse: PATH: ...reason...", no output."""
    result = run_cli("--format", "jsonl", *extra, path, cwd=cwd)
    assert result.returncode == 1, result.stdout[:500]
    assert "Traceback" not in result.stderr
    assert len(result.stderr_lines) == 1, result.stderr
    line = result.stderr_lines[0]
    assert line.startswith(f"minutes-parse: {shown or path}: "), line
    assert reason in line, line
    assert result.stdout == ""
    return result


@pytest.fixture
def case(tmp_path: Path) -> Callable[[str], Path]:
    return lambda name: write_case(tmp_path, name)


def _all_text(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False)


# --- text: empty, binary, encodings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty", "empty file"),
        ("whitespace_only", "file holds only whitespace"),
        ("random_binary", "binary data"),
        ("nul_scattered", "binary data (NUL bytes), not a text document"),
        ("nul_padded", "binary data (NUL bytes), not a text document"),
    ],
)
def test_unusable_text_is_a_one_line_error(
    case: Callable[[str], Path], name: str, reason: str
) -> None:
    fail_one(case(name), reason)


@pytest.mark.parametrize(
    "name",
    [
        "utf8_bom",
        "utf16_le_bom",
        "utf16_be_bom",
        "utf16_le_no_bom",
        "utf32_bom",
        "mixed_line_endings",
    ],
)
def test_encodings_and_line_endings_parse_to_the_same_minutes(
    case: Callable[[str], Path], name: str
) -> None:
    document = parse_one(case(name))
    text = _all_text(document)
    assert "£500" in text
    assert "\ufeff" not in text and "\\r" not in json.dumps(document)
    assert document["meeting"]["date"] == "2024-07-09"
    assert [item["number"] for item in document["items"]][:3] == ["1", "2", "3"]
    assert len(document["actions"]) == 3 and len(document["decisions"]) == 3


@pytest.mark.parametrize(
    ("name", "kept"),
    [("cp1252", ["£500", "Clerk’s report – “noted”"]), ("latin1", ["£500", "Café", "½ day"])],
)
def test_single_byte_encodings_keep_pounds_and_accents(
    case: Callable[[str], Path], name: str, kept: list[str]
) -> None:
    document = parse_one(case(name))
    text = _all_text(document)
    for fragment in kept:
        assert fragment in text
    assert "Â£" not in text
    assert any("cp1252" in warning for warning in document["warnings"])


# --- PDF --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("truncated_pdf", "damaged or truncated PDF"),
        ("pdf_header_on_garbage", "damaged or truncated PDF"),
        ("encrypted_pdf", "encrypted PDF: a password is needed (--password)"),
        ("garbled_text_layer_pdf", "no usable text layer; OCR needed"),
    ],
)
def test_broken_pdfs_are_a_one_line_error(
    case: Callable[[str], Path], name: str, reason: str
) -> None:
    fail_one(case(name), reason)


def test_encrypted_pdf_opens_with_its_password_only(case: Callable[[str], Path]) -> None:
    path = case("encrypted_pdf")
    fail_one(path, "the password given does not open it", "--password", "wrong")
    document = parse_one(path, "--password", PASSWORD)
    assert "£500" in _all_text(document)


def test_thousands_of_pages_stop_at_the_page_cap_with_a_warning(
    case: Callable[[str], Path],
) -> None:
    path = case("thousands_of_pages_pdf")
    document = parse_one(path)
    assert document["source"]["pages"] == 3000
    assert "read only the first 2000 of 3000 pages (page limit)" in document["warnings"]
    assert len(document["actions"]) == 2000  # one per page read, none from the pages skipped

    capped = run_cli("--format", "jsonl", "--max-pages", "10", path)
    assert capped.returncode == 0 and capped.seconds < 20
    [small] = capped.documents()
    assert "read only the first 10 of 3000 pages (page limit)" in small["warnings"]
    assert len(small["actions"]) == 10


# --- DOCX, HTML, XML --------------------------------------------------------------------------


def _assert_no_passwd(result: Run) -> None:
    assert PASSWD_MARKER not in result.stdout and PASSWD_MARKER not in result.stderr


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("docx_zip_bomb", "possible zip bomb"),
        ("docx_zip_bomb_lying", "corrupt DOCX: cannot inflate word/document.xml"),
        ("docx_xxe", "declares a DOCTYPE; refusing to read it"),
        ("docx_billion_laughs", "declares a DOCTYPE; refusing to read it"),
        ("docx_billion_laughs_after_padding", "corrupt DOCX"),
        ("docx_that_is_html_inside", "corrupt DOCX: part word/document.xml is not well-formed XML"),
        ("zip_not_docx", "a zip archive that is not a DOCX document"),
    ],
)
def test_hostile_docx_is_refused_quickly(
    case: Callable[[str], Path], name: str, reason: str
) -> None:
    result = fail_one(case(name), reason)
    assert result.seconds < 15  # refused before inflating or expanding anything
    _assert_no_passwd(result)


def test_unzipped_size_limit_is_a_flag(tmp_path: Path) -> None:
    path = tmp_path / "padded.docx"
    path.write_bytes(
        docx_package(good_docx_xml(), {"word/media/padding.bin": bytes(3 * 1024 * 1024)})
    )
    assert "£500" in _all_text(parse_one(path))
    fail_one(
        path, "DOCX would inflate to more than 2 MB (possible zip bomb)", "--max-unzipped-mb", "2"
    )


@pytest.mark.parametrize("name", ["docx_xxe_after_padding", "html_xxe", "xml_xxe"])
def test_external_entities_are_never_resolved(case: Callable[[str], Path], name: str) -> None:
    path = case(name)
    result = run_cli("--format", "jsonl", path)
    assert result.returncode == 0, result.stderr
    _assert_no_passwd(result)
    assert (
        "Action" in result.stdout or "reply" in result.stdout
    )  # the rest of the document was read


def test_entity_expansion_in_html_is_not_expanded(case: Callable[[str], Path]) -> None:
    result = run_cli("--format", "jsonl", case("html_billion_laughs"))
    assert result.returncode == 0, result.stderr
    assert "lollol" not in result.stdout
    assert len(result.stdout) < 50_000


@pytest.mark.parametrize("name", ["docx_relationship_escape", "docx_member_with_dotdot"])
def test_docx_parts_pointing_outside_the_package_are_ignored(
    case: Callable[[str], Path], tmp_path: Path, name: str
) -> None:
    result = run_cli("--format", "jsonl", case(name), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    _assert_no_passwd(result)
    [document] = result.documents()
    assert "£500" in _all_text(document)
    # Nothing was written anywhere a "../../evil.txt" member could have landed.
    assert not any(p.name == "evil.txt" for p in tmp_path.parent.parent.rglob("evil.txt"))


def test_html_named_docx_is_read_as_html(case: Callable[[str], Path]) -> None:
    document = parse_one(case("html_named_docx"))
    assert document["source"]["format"] == "html"
    assert len(document["decisions"]) == 3 and len(document["actions"]) == 3


def test_deeply_nested_html_is_flattened_with_a_warning(case: Callable[[str], Path]) -> None:
    path = case("deeply_nested_html")
    result = run_cli("--format", "jsonl", path)
    assert result.returncode == 0, result.stderr
    assert result.seconds < 30
    [document] = result.documents()
    assert any("nested deeper than" in warning for warning in document["warnings"])
    assert any("£500" in decision["text"] for decision in document["decisions"])


# --- huge inputs ------------------------------------------------------------------------------


@pytest.mark.slow  # a minute of parsing 11 MB: CI runs it (`pytest -m slow`)
def test_huge_text_and_huge_single_line_parse_within_the_bounds(tmp_path: Path) -> None:
    """A 6 MB text and a 5 MB line without a newline, run side by side (two cores)."""
    paths = [write_case(tmp_path, "text_6mb"), write_case(tmp_path, "single_line_5mb")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "minutes_parser", "--format", "csv", os.fspath(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_limits,
            env=env,
        )
        for path in paths
    ]
    outputs = [process.communicate(timeout=TIME_LIMIT) for process in processes]
    elapsed = time.perf_counter() - started
    for process, (stdout, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr
        assert stdout.count("31 July 2024") > 1000  # the actions of every part were found
    assert elapsed < TIME_LIMIT


# --- paths ------------------------------------------------------------------------------------


def test_directory_missing_file_and_fifo_are_one_line_errors(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would block forever: it must be refused unread
    fail_one(tmp_path, "is a directory, not a file")
    fail_one(tmp_path / "missing.txt", "no such file")
    fail_one(fifo, "not a regular file")


def _unreadable_file(directory: Path) -> Path | None:
    """A regular file this process cannot read: mode 000, or for root (who reads any mode) a
    write-only sysfs attribute, which refuses even root."""
    if os.geteuid() != 0:
        path = directory / "secret.txt"
        path.write_text(minutes_text(), encoding="utf-8")
        path.chmod(0o000)
        return path
    for candidate in sorted(glob.glob("/sys/bus/*/uevent")):
        try:
            with open(candidate, "rb"):
                continue
        except PermissionError:
            return Path(candidate)
        except OSError:
            continue
    return None


def test_unreadable_file_is_permission_denied(tmp_path: Path) -> None:
    path = _unreadable_file(tmp_path)
    if path is None:
        pytest.skip("running as root and no file here refuses root (no write-only sysfs attribute)")
    fail_one(path, "permission denied")


def test_odd_file_names_parse_and_a_leading_dash_needs_double_dash(tmp_path: Path) -> None:
    text = minutes_text(items=2).encode("utf-8")
    names = [
        "minutes with spaces.txt",
        "protokoll-ünïcødé-£ 会议.txt",
        "new\nline.txt",
        "-leading-dash.txt",
    ]
    for name in names:
        (tmp_path / name).write_bytes(text)
    result = run_cli("--format", "jsonl", "--", *names, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [d["source"]["path"] for d in result.documents()] == names

    usage = run_cli("--format", "jsonl", "-leading-dash.txt", cwd=tmp_path)
    assert usage.returncode == 2  # an unknown option, said as usage, not a crash
    assert "Traceback" not in usage.stderr


def test_a_failing_name_with_a_newline_is_still_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad\nname.txt").write_bytes(b"")
    fail_one(Path("bad\nname.txt"), "empty file", shown="bad\\nname.txt", cwd=tmp_path)


def test_bad_files_among_good_ones_cost_only_themselves(case: Callable[[str], Path]) -> None:
    good_text, empty, good_pdf, bomb, good_docx = (
        case(n) for n in ("cp1252", "empty", "good_pdf", "docx_zip_bomb", "good_docx")
    )
    result = run_cli("--format", "jsonl", good_text, empty, good_pdf, bomb, good_docx)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert [line.split(": ")[1] for line in result.stderr_lines] == [str(empty), str(bomb)]
    assert [Path(d["source"]["path"]).name for d in result.documents()] == [
        "cp1252.txt",
        "good.pdf",
        "good.docx",
    ]


# --- batch (the batch command, through its public CLI and API) --------------------------------


@pytest.fixture
def batch_api() -> Any:
    return pytest.importorskip(
        "minutes_parser.batch", reason="the batch command is not importable yet"
    )


def _batch(tmp_path: Path, *inputs: Path) -> tuple[Run, list[dict[str, Any]], list[dict[str, Any]]]:
    out = tmp_path / "out" / "results.jsonl"
    out.parent.mkdir()
    result = run_cli("batch", *inputs, "--out", out, "--jobs", "1", "--timeout", "50", "--quiet")
    assert "Traceback" not in result.stderr
    documents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]
    errors_file = out.with_name("results.errors.jsonl")
    errors = (
        [json.loads(line) for line in errors_file.read_text(encoding="utf-8").splitlines() if line]
        if errors_file.exists()
        else []
    )
    return result, documents, errors


def test_batch_folder_with_bad_files_keeps_the_good_results(tmp_path: Path, batch_api: Any) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in (
        "cp1252",
        "empty",
        "good_pdf",
        "docx_zip_bomb",
        "encrypted_pdf",
        "good_docx",
        "random_binary",
    ):
        write_case(folder, name)
    (folder / "random.bin").rename(folder / "random.txt")  # a document name, so the walk takes it
    result, documents, errors = _batch(tmp_path, folder)
    assert result.returncode == 1
    assert sorted(Path(d["source"]["path"]).name for d in documents) == [
        "cp1252.txt",
        "good.docx",
        "good.pdf",
    ]
    reasons = {Path(e["path"]).name: e["reason"] for e in errors}
    assert set(reasons) == {"empty.txt", "bomb.docx", "encrypted.pdf", "random.txt"}
    assert "possible zip bomb" in reasons["bomb.docx"]
    assert "password" in reasons["encrypted.pdf"]


def test_batch_symlink_loop_is_walked_once_and_ends(tmp_path: Path, batch_api: Any) -> None:
    folder = tmp_path / "archive"
    (folder / "sub").mkdir(parents=True)
    write_case(folder / "sub", "cp1252")
    os.symlink(folder, folder / "sub" / "loop")
    os.symlink(folder / "sub", folder / "sub" / "self")
    result, documents, errors = _batch(tmp_path, folder)
    assert result.returncode == 0, (result.stderr, errors)
    assert [Path(d["source"]["path"]).name for d in documents] == ["cp1252.txt"]


def test_batch_archive_member_with_dotdot_is_never_written_outside(
    tmp_path: Path, batch_api: Any
) -> None:
    archive = tmp_path / "minutes.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("ok/minutes.txt", minutes_text())
        handle.writestr("../../evil.txt", minutes_text())
        handle.writestr("/abs/evil.txt", minutes_text())
    result, documents, errors = _batch(tmp_path, archive)
    assert result.returncode == 1
    assert [d["source"]["path"] for d in documents] == [f"{archive}!ok/minutes.txt"]
    assert sorted(e["path"] for e in errors) == sorted(
        [f"{archive}!../../evil.txt", f"{archive}!/abs/evil.txt"]
    )
    assert not list(tmp_path.parent.parent.rglob("evil.txt"))
    assert not Path("/abs").exists()


def test_parse_many_reports_the_bad_file_and_yields_the_good_ones(
    tmp_path: Path, batch_api: Any
) -> None:
    paths = [write_case(tmp_path, n) for n in ("cp1252", "nul_scattered", "good_docx")]
    results = list(batch_api.parse_many([str(p) for p in paths], jobs=1))
    assert [Path(r.path).name for r in results] == ["cp1252.txt", "nul_scattered.txt", "good.docx"]
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error is not None and "binary data" in results[1].error


def test_every_generated_case_is_covered() -> None:
    covered = {
        "empty", "whitespace_only", "random_binary", "nul_scattered", "nul_padded", "mixed_line_endings",
        "utf8_bom", "utf16_le_bom", "utf16_be_bom", "utf16_le_no_bom", "utf32_bom", "cp1252", "latin1",
        "good_pdf", "truncated_pdf", "pdf_header_on_garbage", "encrypted_pdf", "thousands_of_pages_pdf",
        "garbled_text_layer_pdf", "good_docx", "docx_xxe", "docx_xxe_after_padding", "docx_billion_laughs",
        "docx_billion_laughs_after_padding", "docx_relationship_escape", "docx_member_with_dotdot",
        "docx_that_is_html_inside", "docx_zip_bomb", "docx_zip_bomb_lying", "zip_not_docx", "html_named_docx",
        "html_xxe", "html_billion_laughs", "xml_xxe", "deeply_nested_html", "text_6mb", "single_line_5mb",
    }  # fmt: skip
    assert covered == set(CASES)
