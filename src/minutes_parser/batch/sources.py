"""Walk the inputs of a batch: files, folders, globs and archives, in a stable order.

Safety rules, because archives come from strangers:

* archive members are read into memory and handed to the parser as bytes; nothing from an
  archive is ever written to disk, so a member called ``../../etc/passwd`` cannot land anywhere.
  Such members (absolute paths, ``..`` components, drive letters) are not read at all: they are
  reported as failures, since an archive that carries them is suspect;
* every read is capped (``max_bytes``) by counting the bytes actually decompressed, not by
  trusting the size an archive header claims (zip bombs);
* folders are walked with symbolic links followed, but each directory (device, inode) is
  entered once, so a link loop cannot make the walk endless;
* archives inside archives are opened in memory, to a small depth.

The order is deterministic: command-line order, then names sorted within each folder, then
member order within each archive.
"""

from __future__ import annotations

import glob
import io
import os
import re
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

DOCUMENT_SUFFIXES = frozenset(
    # Formats we read, plus office formats we cannot read yet: those are reported as failures
    # rather than silently skipped, so nothing in an archive goes unnoticed.
    {
        ".txt",
        ".text",
        ".md",
        ".markdown",
        ".rst",
        ".htm",
        ".html",
        ".xhtml",
        ".pdf",
        ".docx",
        ".doc",
        ".odt",
        ".rtf",
    }
)
ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
# core.MAX_INPUT_BYTES, repeated so the parent of a batch need not import the pipeline (tested).
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
MAX_ARCHIVE_DEPTH = 3
MAX_FOLDER_DEPTH = 64
_GLOB_MAGIC = re.compile(r"[*?\[]")
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class SourceDocument:
    """One document found in the inputs: its display path and bytes, or why it could not be read."""

    path: str  # as given, "folder/file.md", or "archive.zip!member/path.md"
    data: bytes | None
    error: str | None = None


def is_archive_name(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith(ZIP_SUFFIXES) or lowered.endswith(TAR_SUFFIXES)


def is_document_name(name: str) -> bool:
    return os.path.splitext(name.lower())[1] in DOCUMENT_SUFFIXES


def _unsafe_member(display: str, name: str) -> SourceDocument:
    """The failure recorded for an archive member whose name could escape a folder."""
    return SourceDocument(f"{display}!{name}", None, "unsafe member name (absolute path or '..'); not read")


def unsafe_member_name(name: str) -> bool:
    """True for names that would escape a directory they were extracted into."""
    if not name or "\x00" in name or name.startswith(("/", "\\")) or _DRIVE.match(name):
        return True
    return any(part == ".." for part in re.split(r"[/\\]", name))


def iter_sources(
    paths: Iterable[str], *, all_files: bool = False, max_bytes: int | None = None
) -> Iterator[SourceDocument]:
    """Every document under ``paths``; files named explicitly are always read.

    Inside folders and archives only document-like names are taken (see ``DOCUMENT_SUFFIXES``)
    unless ``all_files``; hidden files and folders (".name") and ``__MACOSX`` are skipped.
    """
    walker = _Walker(
        all_files=all_files, max_bytes=MAX_DOCUMENT_BYTES if max_bytes is None else max_bytes
    )
    return _walk(paths, walker)


def count_sources(paths: Iterable[str], *, all_files: bool = False) -> int:
    """About how many results :func:`iter_sources` will give, without reading any document.

    Folders are walked and archive members listed (a tar archive is read through, headers only);
    an archive inside an archive counts as one, so the figure can be low for nested archives.
    """
    return sum(1 for _ in _walk(paths, _CountingWalker(all_files=all_files, max_bytes=MAX_DOCUMENT_BYTES)))


def _walk(paths: Iterable[str], walker: _Walker) -> Iterator[SourceDocument]:
    for given in paths:
        if os.path.lexists(given):
            yield from walker.path(given, explicit=True, depth=0)
        elif _GLOB_MAGIC.search(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield SourceDocument(given, None, "no files match this pattern")
            for match in matches:
                yield from walker.path(match, explicit=True, depth=0)
        else:
            yield SourceDocument(given, None, "no such file or directory")


class _Walker:
    def __init__(self, *, all_files: bool, max_bytes: int) -> None:
        self.all_files = all_files
        self.max_bytes = max_bytes
        self.seen_dirs: set[tuple[int, int]] = set()

    def path(self, path: str, *, explicit: bool, depth: int) -> Iterator[SourceDocument]:
        try:
            info = os.stat(path)
        except FileNotFoundError:
            yield SourceDocument(
                path, None, "broken symbolic link" if os.path.islink(path) else "no such file"
            )
            return
        except OSError as exc:
            yield SourceDocument(path, None, exc.strerror or "cannot read")
            return
        if stat.S_ISDIR(info.st_mode):
            yield from self.folder(path, info, depth)
        elif stat.S_ISREG(info.st_mode):
            if is_archive_name(path):
                yield from self.archive_file(path)
            elif explicit or self.all_files or is_document_name(path):
                yield self.file(path, info.st_size)
        elif explicit:
            yield SourceDocument(path, None, "not a regular file")

    def folder(self, path: str, info: os.stat_result, depth: int) -> Iterator[SourceDocument]:
        key = (info.st_dev, info.st_ino)
        if key in self.seen_dirs:  # a symlink loop, or a folder reached twice
            return
        self.seen_dirs.add(key)
        if depth >= MAX_FOLDER_DEPTH:
            yield SourceDocument(
                path, None, f"folders nested deeper than {MAX_FOLDER_DEPTH} levels; not walked"
            )
            return
        try:
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries)
        except OSError as exc:
            yield SourceDocument(path, None, exc.strerror or "cannot list folder")
            return
        for name in names:
            if name.startswith(".") or name == "__MACOSX":
                continue
            yield from self.path(os.path.join(path, name), explicit=False, depth=depth + 1)

    def file(self, path: str, size: int) -> SourceDocument:
        if size > self.max_bytes:
            return SourceDocument(
                path, None, f"{size} bytes is over the {self.max_bytes} byte limit"
            )
        try:
            with open(path, "rb") as handle:
                return SourceDocument(path, handle.read(self.max_bytes + 1))
        except OSError as exc:
            return SourceDocument(path, None, exc.strerror or "cannot read file")

    def archive_file(self, path: str) -> Iterator[SourceDocument]:
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
        except OSError as exc:
            yield SourceDocument(path, None, exc.strerror or "cannot read archive")
            return
        with handle:
            yield from self.archive(path, handle, depth=1)

    def archive(self, display: str, handle: IO[bytes], depth: int) -> Iterator[SourceDocument]:
        if display.lower().endswith(ZIP_SUFFIXES):
            yield from self._zip(display, handle, depth)
        else:
            yield from self._tar(display, handle, depth)

    def _member(
        self, display: str, name: str, read: bytes | None, depth: int
    ) -> Iterator[SourceDocument]:
        """A member's bytes: parsed as a document, or opened as a nested archive."""
        shown = f"{display}!{name}"
        if read is None:
            yield SourceDocument(
                shown, None, f"archive member is over the {self.max_bytes} byte limit"
            )
        elif is_archive_name(name) and depth < MAX_ARCHIVE_DEPTH:
            yield from self.archive(shown, io.BytesIO(read), depth + 1)
        elif is_archive_name(name):
            yield SourceDocument(
                shown, None, f"archives nested deeper than {MAX_ARCHIVE_DEPTH} levels; not opened"
            )
        else:
            yield SourceDocument(shown, read)

    def _wanted(self, name: str) -> bool:
        base = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        parts = name.replace("\\", "/").split("/")
        if base.startswith(".") or "__MACOSX" in parts:
            return False
        return self.all_files or is_document_name(base) or is_archive_name(base)

    def _zip(self, display: str, handle: IO[bytes], depth: int) -> Iterator[SourceDocument]:
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            yield SourceDocument(display, None, f"not a readable zip archive ({exc})")
            return
        with archive:
            for info in archive.infolist():
                name = info.filename
                if info.is_dir() or stat.S_ISLNK(info.external_attr >> 16):
                    continue  # links inside archives are never followed
                if unsafe_member_name(name):
                    yield _unsafe_member(display, name)
                    continue
                if not self._wanted(name):
                    continue
                if info.flag_bits & 0x1:
                    yield SourceDocument(f"{display}!{name}", None, "encrypted archive member")
                    continue
                try:
                    with archive.open(info) as member:
                        data = member.read(self.max_bytes + 1)
                except (
                    zipfile.BadZipFile,
                    zlib.error,
                    OSError,
                    NotImplementedError,
                    EOFError,
                    ValueError,
                ) as exc:
                    yield SourceDocument(
                        f"{display}!{name}", None, f"cannot read archive member ({exc})"
                    )
                    continue
                yield from self._member(
                    display, name, data if len(data) <= self.max_bytes else None, depth
                )

    def _tar(self, display: str, handle: IO[bytes], depth: int) -> Iterator[SourceDocument]:
        try:
            # Stream mode reads members in order without seeking (works for .tar.gz as well).
            archive = tarfile.open(fileobj=handle, mode="r|*")  # noqa: SIM115 - closed by the with below
        except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
            yield SourceDocument(display, None, f"not a readable tar archive ({exc})")
            return
        try:
            with archive:
                for info in archive:
                    vars(archive)[
                        "members"
                    ].clear()  # tarfile keeps every header it saw; we need none
                    if not info.isfile():
                        continue  # folders, links and devices are never followed
                    name = info.name
                    if unsafe_member_name(name):
                        yield _unsafe_member(display, name)
                        continue
                    if not self._wanted(name):
                        continue
                    if info.size > self.max_bytes:
                        yield from self._member(display, name, None, depth)
                        continue
                    member = archive.extractfile(info)
                    data = member.read() if member is not None else b""
                    yield from self._member(display, name, data, depth)
        except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
            yield SourceDocument(
                display,
                None,
                f"tar archive is damaged ({exc}); members after this point were not read",
            )


class _CountingWalker(_Walker):
    """The same walk, with documents named but not read (for :func:`count_sources`)."""

    def file(self, path: str, size: int) -> SourceDocument:
        return SourceDocument(path, None)

    def _zip(self, display: str, handle: IO[bytes], depth: int) -> Iterator[SourceDocument]:
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError):
            yield SourceDocument(display, None)
            return
        with archive:
            for info in archive.infolist():
                if info.is_dir() or stat.S_ISLNK(info.external_attr >> 16):
                    continue
                if unsafe_member_name(info.filename) or self._wanted(info.filename):
                    yield SourceDocument(f"{display}!{info.filename}", None)

    def _tar(self, display: str, handle: IO[bytes], depth: int) -> Iterator[SourceDocument]:
        try:
            with tarfile.open(fileobj=handle, mode="r|*") as archive:
                for info in archive:
                    vars(archive)["members"].clear()
                    if info.isfile() and (unsafe_member_name(info.name) or self._wanted(info.name)):
                        yield SourceDocument(f"{display}!{info.name}", None)
        except (tarfile.TarError, OSError, EOFError, zlib.error):
            yield SourceDocument(display, None)
