"""minutes-parser: meeting minutes in, agenda items, decisions and actions (owners, due dates) out.

    >>> from minutes_parser import parse_file
    >>> minutes = parse_file("corpora/examples/parish-council-2024-03.md")  # doctest: +SKIP
    >>> [(a.text, [o.name for o in a.owners], a.due and a.due.value) for a in minutes.actions]  # doctest: +SKIP

Importing this package is cheap: spaCy, dateparser and the format readers load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    DecodeError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputError,
    MinutesParserError,
    MissingDependencyError,
    NoTextLayerError,
    ParseTimeoutError,
    UnsupportedFormatError,
)
from .model import (
    SCHEMA_VERSION,
    Action,
    AgendaItem,
    AttendanceStatus,
    Attendee,
    Decision,
    DocumentKind,
    DueDate,
    FollowUp,
    FollowUpKind,
    Meeting,
    Minutes,
    Owner,
    Paragraph,
    ParagraphKind,
    Provenance,
    Source,
    SourceFormat,
)

if TYPE_CHECKING:
    from .core import parse_bytes, parse_file, parse_text
    from .export.json import minutes_to_dict, minutes_to_json

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Action",
    "AgendaItem",
    "AttendanceStatus",
    "Attendee",
    "Decision",
    "DecodeError",
    "DocumentKind",
    "DocumentTooLargeError",
    "DueDate",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "FollowUp",
    "FollowUpKind",
    "InputError",
    "Meeting",
    "Minutes",
    "MinutesParserError",
    "MissingDependencyError",
    "NoTextLayerError",
    "Owner",
    "Paragraph",
    "ParagraphKind",
    "ParseTimeoutError",
    "Provenance",
    "Source",
    "SourceFormat",
    "UnsupportedFormatError",
    "minutes_to_dict",
    "minutes_to_json",
    "parse_bytes",
    "parse_file",
    "parse_text",
]

_LAZY = {
    "parse_bytes": ("core", "parse_bytes"),
    "parse_file": ("core", "parse_file"),
    "parse_text": ("core", "parse_text"),
    "minutes_to_dict": ("export.json", "minutes_to_dict"),
    "minutes_to_json": ("export.json", "minutes_to_json"),
}


def __getattr__(name: str) -> Any:
    # The pipeline imports the readers and spaCy wrappers; keep `import minutes_parser` instant.
    if name in _LAZY:
        from importlib import import_module

        module, attribute = _LAZY[name]
        return getattr(import_module(f"{__name__}.{module}"), attribute)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
