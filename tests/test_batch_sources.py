"""Walking batch inputs: folders, globs, zip and tar archives, and the archive safety rules."""

from __future__ import annotations

import io
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from minutes_parser.batch.sources import iter_sources, unsafe_member_name

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
PARISH = (CORPORA / "parish_council_2024-07-09.md").read_bytes()
VILLAGE = (CORPORA / "village_hall_committee_2024-01-23.txt").read_bytes()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data)
    return path


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_non_documents(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_bytes(PARISH)
    (tmp_path / "a.txt").write_bytes(VILLAGE)
    (tmp_path / ".hidden.txt").write_bytes(VILLAGE)
    (tmp_path / "notes.json").write_text("{}")
    found = [
        (Path(s.path).relative_to(tmp_path).as_posix(), s.error)
        for s in iter_sources([str(tmp_path)])
    ]
    assert found == [("a.txt", None), ("b/z.md", None)]


def test_explicit_file_is_read_whatever_its_extension(tmp_path: Path) -> None:
    odd = tmp_path / "minutes.data"
    odd.write_bytes(VILLAGE)
    [source] = list(iter_sources([str(odd)]))
    assert source.data == VILLAGE and source.error is None


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "m.txt").write_bytes(VILLAGE)
    os.symlink(tmp_path / "docs", tmp_path / "docs" / "loop")
    paths = [s.path for s in iter_sources([str(tmp_path)])]
    assert paths == [str(tmp_path / "docs" / "m.txt")]


def test_missing_path_and_empty_glob_are_reported(tmp_path: Path) -> None:
    results = list(iter_sources([str(tmp_path / "nope.md"), str(tmp_path / "*.none")]))
    assert [r.error for r in results] == [
        "no such file or directory",
        "no files match this pattern",
    ]


def test_glob_expands_sorted(tmp_path: Path) -> None:
    (tmp_path / "2.md").write_bytes(PARISH)
    (tmp_path / "1.md").write_bytes(VILLAGE)
    assert [Path(s.path).name for s in iter_sources([str(tmp_path / "*.md")])] == ["1.md", "2.md"]


@pytest.mark.parametrize(
    "name", ["../evil.md", "a/../../evil.md", "/etc/evil.md", "C:/evil.md", "..\\evil.md"]
)
def test_unsafe_member_names(name: str) -> None:
    assert unsafe_member_name(name)


@pytest.mark.parametrize("name", ["minutes/2024/a.md", "a..b.md", "..md"])
def test_safe_member_names(name: str) -> None:
    assert not unsafe_member_name(name)


def test_zip_members_read_in_memory_and_unsafe_members_refused(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    archive = _zip(
        work / "minutes.zip",
        {
            "2024/parish.md": PARISH,
            "../evil.md": VILLAGE,
            "/tmp/abs-evil.md": VILLAGE,
            "image.png": b"\x89PNG",
        },
    )
    before = sorted(p.name for p in tmp_path.rglob("*"))
    results = list(iter_sources([str(archive)]))
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing was written anywhere
    assert not Path("/tmp/abs-evil.md").exists()
    by_path = {r.path: r for r in results}
    assert by_path[f"{archive}!2024/parish.md"].data == PARISH
    assert "unsafe member name" in (by_path[f"{archive}!../evil.md"].error or "")
    assert "unsafe member name" in (by_path[f"{archive}!/tmp/abs-evil.md"].error or "")
    assert f"{archive}!image.png" not in by_path


def test_tar_gz_and_nested_zip(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as nested:
        nested.writestr("inner.md", PARISH)
    tar_path = tmp_path / "bundle.tar.gz"
    with tarfile.open(tar_path, "w:gz") as bundle:
        for name, data in (
            ("a/village.txt", VILLAGE),
            ("a/more.zip", inner.getvalue()),
            ("../up.txt", VILLAGE),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            bundle.addfile(info, io.BytesIO(data))
    results = {r.path: r for r in iter_sources([str(tar_path)])}
    assert results[f"{tar_path}!a/village.txt"].data == VILLAGE
    assert results[f"{tar_path}!a/more.zip!inner.md"].data == PARISH
    assert results[f"{tar_path}!../up.txt"].data is None


def test_corrupt_archive_is_one_failure(tmp_path: Path) -> None:
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    [result] = list(iter_sources([str(bad)]))
    assert result.data is None and "zip" in (result.error or "")


def test_oversized_member_is_refused_by_bytes_read(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "big.zip", {"big.txt": b"a" * 5000, "ok.txt": VILLAGE})
    results = {r.path: r for r in iter_sources([str(archive)], max_bytes=4096)}
    assert "limit" in (results[f"{archive}!big.txt"].error or "")
    assert results[f"{archive}!ok.txt"].data == VILLAGE


def test_size_limit_is_the_pipelines() -> None:
    from minutes_parser.batch.sources import MAX_DOCUMENT_BYTES
    from minutes_parser.core import MAX_INPUT_BYTES

    assert MAX_DOCUMENT_BYTES == MAX_INPUT_BYTES
