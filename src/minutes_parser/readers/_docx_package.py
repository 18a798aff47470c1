"""Open a DOCX package safely and hand back the XML parts the DOCX reader needs.

A DOCX is a zip of XML parts. Two hazards come with it: a zip bomb (a few kilobytes that inflate
to gigabytes) and XML entity tricks (billion laughs, external entities reading local files). The
zip's declared sizes are checked before anything is inflated, every read is capped at the
declared size, and XML is parsed with entity resolution, DTD loading and network access off.
"""

from __future__ import annotations

import importlib
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from ..errors import DocumentTooLargeError, UnsupportedFormatError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"  # relationship type suffix of the main part
_STYLES = "/styles"
_NUMBERING = "/numbering"

# Word never writes a DOCTYPE; one in a part can only be an entity trick.
_DOCTYPE_MARK = b"<!DOCTYPE"


@dataclass(frozen=True)
class DocxParts:
    """The parsed XML roots of the parts the reader uses (lxml elements)."""

    document: Any
    styles: Any | None
    numbering: Any | None


def _etree() -> Any:
    # lxml ships no type stubs; imported as a plain module object to keep mypy --strict quiet.
    return importlib.import_module("lxml.etree")


def _xml_parser() -> Any:
    return _etree().XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _parse_xml(raw: bytes, part_name: str) -> Any:
    etree = _etree()
    if _DOCTYPE_MARK in raw[:4096]:
        raise UnsupportedFormatError(
            f"DOCX part {part_name} declares a DOCTYPE; refusing to read it"
        )
    try:
        return etree.fromstring(raw, parser=_xml_parser())
    except etree.XMLSyntaxError as exc:
        raise UnsupportedFormatError(
            f"corrupt DOCX: part {part_name} is not well-formed XML ({exc.msg})"
        ) from None


def _check_declared_sizes(archive: zipfile.ZipFile, max_unzipped_bytes: int) -> None:
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > max_unzipped_bytes:
            raise DocumentTooLargeError(
                f"DOCX would inflate to more than {max_unzipped_bytes // (1024 * 1024)} MB "
                "(possible zip bomb); raise max_unzipped_bytes to read it"
            )


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.flag_bits & 0x1:
        raise UnsupportedFormatError("encrypted DOCX zip entries are not supported")
    try:
        with archive.open(info) as member:
            # Cap at the declared size: a member that inflates beyond what it declared is corrupt.
            data = member.read(info.file_size + 1)
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        ValueError,
        RuntimeError,
        NotImplementedError,
        zlib.error,
    ) as exc:
        raise UnsupportedFormatError(f"corrupt DOCX: cannot inflate {name} ({exc})") from None
    if len(data) > info.file_size:
        raise UnsupportedFormatError(f"corrupt DOCX: {name} inflates beyond its declared size")
    return data


def _relationship_targets(
    archive: zipfile.ZipFile, rels_name: str, base_dir: str
) -> dict[str, str]:
    """Map relationship type suffix (e.g. "/styles") to the part name it points at."""
    if rels_name not in archive.namelist():
        return {}
    root = _parse_xml(_read_member(archive, rels_name), rels_name)
    targets: dict[str, str] = {}
    for rel in root.iter(f"{{{_REL_NS}}}Relationship"):
        rel_type = rel.get("Type", "")
        target = rel.get("Target", "")
        if not target or rel.get("TargetMode") == "External":
            continue
        suffix = rel_type[rel_type.rfind("/") :]
        part = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(base_dir, target))
        )
        targets.setdefault(suffix, part)
    return targets


def open_docx(data: bytes, max_unzipped_bytes: int) -> DocxParts:
    """Read the main document, styles and numbering parts, or raise a typed error saying why not."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnsupportedFormatError(f"corrupt DOCX: not a readable zip archive ({exc})") from None
    with archive:
        _check_declared_sizes(archive, max_unzipped_bytes)
        names = set(archive.namelist())
        package_rels = _relationship_targets(archive, "_rels/.rels", "")
        document_name = package_rels.get(_OFFICE_DOCUMENT, "word/document.xml")
        if document_name not in names:
            document_name = "word/document.xml"
        if document_name not in names:
            raise UnsupportedFormatError("corrupt DOCX: no main document part (word/document.xml)")
        base_dir = posixpath.dirname(document_name)
        rels_name = posixpath.join(base_dir, "_rels", posixpath.basename(document_name) + ".rels")
        document_rels = _relationship_targets(archive, rels_name, base_dir)
        document = _parse_xml(_read_member(archive, document_name), document_name)
        styles_name = document_rels.get(_STYLES, posixpath.join(base_dir, "styles.xml"))
        numbering_name = document_rels.get(_NUMBERING, posixpath.join(base_dir, "numbering.xml"))
        styles = (
            _parse_xml(_read_member(archive, styles_name), styles_name)
            if styles_name in names
            else None
        )
        numbering = (
            _parse_xml(_read_member(archive, numbering_name), numbering_name)
            if numbering_name in names
            else None
        )
    return DocxParts(document=document, styles=styles, numbering=numbering)
