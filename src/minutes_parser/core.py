"""The pipeline, from bytes to :class:`~minutes_parser.model.Minutes`, stage by stage.

1. **read** (``readers/``): detect the format from the bytes and turn the document into blocks
   with their layout: headings, paragraphs, list items, table rows, item boundaries.
2. **segment** (``segment/``): find the meeting header, attendance and agenda items (rules and
   the trained heading model); rebuild paragraphs (hard wraps, wrapped motions, labels such as
   "Decision:").
3. **classify** (``classify/``): split paragraphs into sentences with spaCy, run the ordered
   decision and action rules on each clause, then the trained clause models; record the cues.
4. **extract** (``extract/``): meeting date and body; item by item (``extract/item_reading.py``)
   decisions with their motions and votes, and actions from text, tables and owner lines, with
   owners resolved against the people the document defines and due dates against the meeting.
5. **assemble**: freeze everything into the model with provenance (item, paragraph, span).
   ``export/`` renders the result as JSON, CSV, Markdown or a rich table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from dataclasses import replace
from pathlib import Path

from .classify.clause_model import ClauseRefiner
from .errors import DecodeError, DocumentTooLargeError, InputError
from .extract.dates import DateContext
from .extract.item_reading import read_item
from .extract.meeting import document_kind, header_facts
from .extract.next_meeting import next_meeting_date
from .extract.owners import PeopleIndex, own_body_words
from .learn.bundle import RULES_ONLY, Models, resolve_models
from .model import (
    Action,
    AgendaItem,
    Decision,
    Meeting,
    Minutes,
    ReadDocument,
    Source,
)
from .nlp import sentence_spans
from .readers import ReadOptions, detect_format, read_bytes
from .segment import ItemDraft, segment_document

MAX_INPUT_BYTES = 256 * 1024 * 1024
ModelChoice = Models | str | os.PathLike[str] | None

def parse_file(
    path: str | os.PathLike[str],
    *,
    meeting_date: dt.date | None = None,
    password: str | None = None,
    ocr: bool = False,
    display_path: str | None = None,
    max_pages: int | None = None,
    max_unzipped_bytes: int | None = None,
    model: ModelChoice = None,
) -> Minutes:
    """Parse one file. Raises a :class:`~minutes_parser.errors.MinutesParserError` subclass.

    ``model`` is the trained bundle to use: None for the shipped one, a path, or a
    :class:`~minutes_parser.learn.Models` (``RULES_ONLY`` for the rules alone)."""
    shown = display_path or os.fspath(path)
    return parse_bytes(
        file_bytes(path, shown),
        name=shown,
        meeting_date=meeting_date,
        password=password,
        ocr=ocr,
        max_pages=max_pages,
        max_unzipped_bytes=max_unzipped_bytes,
        model=model,
    )


def file_bytes(path: str | os.PathLike[str], shown: str) -> bytes:
    """The bytes of a regular file within the size limit; :class:`InputError` otherwise."""
    file_path = Path(path)
    try:
        info = file_path.stat()
    except FileNotFoundError:
        raise InputError("no such file", shown) from None
    except PermissionError:
        raise InputError("permission denied", shown) from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot read file", shown) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory, not a file", shown)
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file", shown)
    if info.st_size > MAX_INPUT_BYTES:
        raise DocumentTooLargeError(f"{info.st_size} bytes is over the {MAX_INPUT_BYTES} byte limit", shown)
    try:
        return file_path.read_bytes()
    except PermissionError:
        raise InputError("permission denied", shown) from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot read file", shown) from None


def parse_text(
    text: str, *, name: str = "<text>", meeting_date: dt.date | None = None, model: ModelChoice = None
) -> Minutes:
    """Parse minutes held in a string; the dialect (plain, Markdown, rST, ModernGov) is detected."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate ("\ud800"): not a character of any text
        raise DecodeError(f"text holds a lone surrogate at offset {exc.start}, which is not valid Unicode", name) from None
    return parse_bytes(data, name=name, meeting_date=meeting_date, model=model)


def parse_bytes(
    data: bytes,
    *,
    name: str = "<input>",
    meeting_date: dt.date | None = None,
    password: str | None = None,
    ocr: bool = False,
    fmt: str | None = None,
    max_pages: int | None = None,
    max_unzipped_bytes: int | None = None,
    model: ModelChoice = None,
) -> Minutes:
    """Run the whole pipeline on ``data``; ``name`` is used for messages and the file-name date."""
    options = ReadOptions(name=name, password=password, ocr=ocr)
    if max_pages is not None:  # None keeps the readers' default limits
        options = replace(options, max_pages=max_pages)
    if max_unzipped_bytes is not None:
        options = replace(options, max_unzipped_bytes=max_unzipped_bytes)
    document = read_document_bytes(data, options, fmt)
    sha = hashlib.sha256(data).hexdigest()
    return assemble(document, name=name, sha256=sha, meeting_date=meeting_date, models=resolve_models(model))


def read_document_bytes(data: bytes, options: ReadOptions, fmt: str | None = None) -> ReadDocument:
    """Stage 1 alone: the format detected (unless given) and the document read into blocks."""
    from .errors import MinutesParserError

    try:
        return read_bytes(data, options, fmt or detect_format(data, options.name))
    except MinutesParserError as exc:
        exc.path = exc.path or options.name
        raise


def read_document(path: str | os.PathLike[str]) -> ReadDocument:
    """Stage 1 on a file, with the default reading options (used by training)."""
    shown = os.fspath(path)
    return read_document_bytes(file_bytes(path, shown), ReadOptions(name=shown))


def assemble(
    document: ReadDocument,
    *,
    name: str,
    sha256: str,
    meeting_date: dt.date | None = None,
    models: Models = RULES_ONLY,
    refiner: ClauseRefiner | None = None,
) -> Minutes:
    """Stages 2-5 on a read document. ``refiner`` applies the clause models (default: those of
    ``models``); training passes a recorder instead."""
    if refiner is None:
        refiner = ClauseRefiner.from_models(models)
    segmented = segment_document(document, models.items)
    header = ([segmented.title] if segmented.title else []) + segmented.header
    published = _iso_date(dict(document.metadata).get("date"))
    facts = header_facts(header, document.text[:3000], name, meeting_date, published)
    warnings = list(document.warnings) + list(facts.warnings)
    people = PeopleIndex.build(segmented.attendees, document.text)
    next_meeting = next_meeting_date(document.text, segmented.items, facts.date)
    context = DateContext(meeting_date=facts.date, next_meeting=next_meeting, own_body_words=own_body_words(header))

    drafts = ([segmented.preamble] if segmented.preamble.paragraphs else []) + segmented.items + segmented.appendices
    texts = [p.text for item in drafts for p in item.paragraphs]
    spans = iter(sentence_spans(texts)) if texts else iter(())

    items: list[AgendaItem] = []
    decisions: list[Decision] = []
    actions: list[Action] = []
    for item_index, draft in enumerate(drafts):
        paragraphs = read_item(draft, item_index, spans, people, context, refiner, decisions, actions, warnings)
        items.append(
            AgendaItem(
                title=draft.title or (draft.key or ""),
                number=draft.number,
                key=draft.key,
                paragraphs=paragraphs,
                appendix=draft.appendix,
                preamble=draft.preamble,
                cues=tuple(cue for cue in (draft.cue, draft.model_cue) if cue),
            )
        )
    kind = document_kind(header, document.text, sum(1 for i in items if not i.preamble), len(decisions) + len(actions))
    decisions, actions = ([], []) if kind.value == "agenda" else (decisions, actions)  # an agenda records no decisions or actions
    meeting = Meeting(
        body=facts.body,
        title=segmented.title,
        date=facts.date,
        time=facts.time,
        venue=facts.venue,
        attendees=tuple(segmented.attendees),
        next_meeting=next_meeting,
        date_source=facts.date_source,
    )
    source = Source(path=name, format=document.format, sha256=sha256, dialect=document.dialect, pages=document.pages)
    return Minutes(
        source=source,
        kind=kind,
        meeting=meeting,
        items=tuple(items),
        decisions=tuple(decisions),
        actions=tuple(actions),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


__all__ = ["ItemDraft", "assemble", "parse_bytes", "parse_file", "parse_text"]
