"""The pipeline, from bytes to :class:`~minutes_parser.model.Minutes`, stage by stage.

1. **read** (``readers/``): detect the format from the bytes and turn the document into blocks:
   headings, paragraphs, list items, table rows, item boundaries.
2. **segment** (``segment.py``): find the meeting header, attendance and agenda items; rebuild
   paragraphs (hard wraps, sentences broken by blank lines, labels such as "Decision:").
3. **classify** (``classify/``): split paragraphs into sentences with spaCy and run the ordered
   decision and action rules on each clause; record the cue that fired.
4. **extract** (``extract/``): meeting date and body; owners resolved against the people the
   document defines; due dates resolved against the meeting date; follow-up reports.
5. **assemble**: freeze everything into the model with provenance (item, paragraph, span).
   ``export/`` renders the result as JSON, CSV, Markdown or a rich table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

from .classify import ClassifiedParagraph, classify_paragraph
from .classify.clause_model import ClauseContext, ClauseRefiner
from .errors import DecodeError, DocumentTooLargeError, InputError
from .extract.dates import DateContext, find_due, find_next_meeting
from .extract.followups import find_follow_up
from .extract.meeting import document_kind, header_facts
from .extract.motions import read_motion
from .extract.owners import PeopleIndex, margin_owners, owner_phrase
from .learn.bundle import RULES_ONLY, Models, resolve_models
from .model import (
    Action,
    AgendaItem,
    Decision,
    DueDate,
    Meeting,
    Minutes,
    Owner,
    Paragraph,
    ParagraphKind,
    Provenance,
    ReadDocument,
    Source,
)
from .nlp import sentence_spans
from .readers import ReadOptions, detect_format, read_bytes
from .segment import ItemDraft, ParagraphDraft, segment_document

MAX_INPUT_BYTES = 256 * 1024 * 1024
ModelChoice = Models | str | os.PathLike[str] | None

_OWNER_COLUMN = re.compile(r"\b(owner|owners|responsible|who|by whom|lead|assigned|person)\b", re.I)
_TASK_COLUMN = re.compile(r"\b(action|task|item|description|what)\b", re.I)
_DUE_COLUMN = re.compile(r"\b(due|deadline|by when|when|date|target)\b", re.I)


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
    next_meeting = find_next_meeting(document.text, facts.date) or _next_meeting_item(segmented.items, facts.date)
    context = DateContext(meeting_date=facts.date, next_meeting=next_meeting)

    drafts = ([segmented.preamble] if segmented.preamble.paragraphs else []) + segmented.items + segmented.appendices
    texts = [p.text for item in drafts for p in item.paragraphs]
    spans = iter(sentence_spans(texts)) if texts else iter(())

    items: list[AgendaItem] = []
    decisions: list[Decision] = []
    actions: list[Action] = []
    for item_index, draft in enumerate(drafts):
        paragraphs: list[Paragraph] = []
        last_subject: str | None = None
        table_header: tuple[str, ...] | None = None
        for paragraph_index, para in enumerate(draft.paragraphs):
            sentences = next(spans)
            provenance_item = draft.number or draft.key
            if not para.text:
                paragraphs.append(Paragraph(ParagraphKind.DISCUSSION, "", ("label:" + para.label,) if para.label else (), label=para.label))
                continue
            if para.cells:
                if para.header_row or (table_header is None and _looks_like_action_header(para.cells)):
                    table_header = para.cells
                    paragraphs.append(Paragraph(ParagraphKind.DISCUSSION, para.text, ("table:header",)))
                    continue
                row_action = _table_action(para, table_header, people, context, item_index, paragraph_index, provenance_item)
                if row_action is not None:
                    actions.append(row_action)
                    paragraphs.append(Paragraph(ParagraphKind.ACTION, para.text, row_action.cues, margin=para.margin))
                    continue
            classified, last_subject = classify_paragraph(
                para.text, sentences, label=para.label, people=people, margin=para.margin, last_subject=last_subject
            )
            clause_context = ClauseContext(para.label, para.margin, para.list_marker, draft.title, para.text)
            refiner.observe(classified, clause_context)
            classified = refiner.refine(classified, clause_context, people)
            paragraph_kind = ParagraphKind(classified.kind)
            paragraphs.append(
                Paragraph(paragraph_kind, para.text, classified.cues, label=para.label, list_marker=para.list_marker, margin=para.margin)
            )
            _collect(classified, para, people, context, item_index, paragraph_index, provenance_item, decisions, actions, warnings)
        items.append(
            AgendaItem(
                title=draft.title or (draft.key or ""),
                number=draft.number,
                key=draft.key,
                paragraphs=tuple(paragraphs),
                appendix=draft.appendix,
                preamble=draft.preamble,
            )
        )
    kind = document_kind(header, document.text, sum(1 for i in items if not i.preamble), len(decisions) + len(actions))
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


def _collect(
    classified: ClassifiedParagraph,
    para: ParagraphDraft,
    people: PeopleIndex,
    context: DateContext,
    item_index: int,
    paragraph_index: int,
    item_ref: str | None,
    decisions: list[Decision],
    actions: list[Action],
    warnings: list[str],
) -> None:
    # Under a label, the whole paragraph is one decision / one action (one commitment).
    whole = para.label in ("Action", "Decision", "RESOLVED", "Agreed") and len(classified.clauses) > 1 and para.list_marker is None and len(para.text) < 400
    clauses = classified.clauses
    for clause in clauses:
        provenance = Provenance(item_index, paragraph_index, clause.start, clause.end, item_ref)
        if clause.decision and not (whole and decisions and decisions[-1].provenance.paragraph == paragraph_index and decisions[-1].provenance.item_index == item_index):
            text = para.text if whole else clause.text
            motion = read_motion(text, para.text)
            decisions.append(
                Decision(
                    _clean(text),
                    provenance if not whole else Provenance(item_index, paragraph_index, 0, len(para.text), item_ref),
                    (clause.decision.cue, *motion.cues),
                    motion.outcome,
                    motion.votes,
                )
            )
        if clause.action:
            if whole and para.label == "Action" and actions and actions[-1].provenance.paragraph == paragraph_index and actions[-1].provenance.item_index == item_index:
                continue
            text = para.text if whole and para.label == "Action" else clause.text
            span_start = 0 if text is para.text else clause.start
            owners = _owners(clause.action.owners, clause.action.owner_span, people, clause.action.cue, clause.rule_start, para.text)
            for owner in owners:
                if owner.written.lower() in _PRONOUNS:
                    warnings.append(
                        f"item {item_ref or item_index}: owner {owner.written!r} read as {owner.name!r}, the subject of the sentence before"
                    )
            directive = clause.action.cue in _DIRECTIVE_CUES
            due = find_due(text, replace(context, directive=directive))
            if due is not None and span_start:
                due = DueDate(due.text, due.value, due.date, due.cue, due.start + span_start, due.end + span_start)
            if due is not None and due.value.startswith("XXXX"):
                warnings.append(f"due date {due.text!r} has no year and the meeting date is unknown")
            follow_up = find_follow_up(text)
            action_provenance = Provenance(item_index, paragraph_index, span_start, span_start + len(text), item_ref)
            cues = (clause.action.cue,) + ((due.cue,) if due else ()) + ((follow_up.cue,) if follow_up else ())
            actions.append(Action(_clean(text), action_provenance, owners, due, follow_up, cues))


# Cues whose sentence tells someone to do something: its dates look forward.
_DIRECTIVE_CUES = frozenset({"pattern:OWNER to VERB", "pattern:RESOLVED that OWNER VERB", "label:Action", "pattern:to be done"})
_NEXT_MEETING_TITLE = re.compile(r"\b(?:date|time|details)s?\b.{0,20}\bnext\s+meeting\b|\bnext\s+meeting\b", re.I)


def _next_meeting_item(items: list[ItemDraft], meeting_date: dt.date | None) -> dt.date | None:
    """"Date of next meeting" as an item title, its date in the first line under it."""
    from .extract.dates import find_explicit_dates

    for item in items:
        if _NEXT_MEETING_TITLE.search(item.title):
            texts = [item.title] + [p.text for p in item.paragraphs[:2]]
            for text in texts:
                for _start, _end, value in find_explicit_dates(text):
                    if meeting_date is None or value > meeting_date:
                        return value
    return None


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


_PRONOUNS = frozenset({"he", "she", "they", "we"})


def _owners(
    written: tuple[str, ...], span: tuple[int, int] | None, people: PeopleIndex, cue: str, offset: int, text: str = ""
) -> tuple[Owner, ...]:
    out: list[Owner] = []
    seen: set[str] = set()
    start, end = (span[0] + offset, span[1] + offset) if span else (0, 0)
    at_span = text[start:end].strip() if span and text else ""
    for name in written:
        resolved = people.resolve(name.strip())
        if resolved.lower() in seen:
            continue
        seen.add(resolved.lower())
        # A pronoun at the span was resolved to an earlier subject: keep what the minutes wrote.
        as_written = at_span if at_span.lower() in _PRONOUNS and len(written) == 1 else name.strip()
        out.append(Owner(name=resolved, written=as_written, cue=cue, start=start, end=end))
    return tuple(out)


def _clean(text: str) -> str:
    return text.strip().lstrip("•·-–* ").strip()


def _looks_like_action_header(cells: tuple[str, ...]) -> bool:
    return any(_OWNER_COLUMN.search(c) for c in cells) and any(_TASK_COLUMN.search(c) for c in cells) and all(len(c) < 40 for c in cells)


def _table_action(
    para: ParagraphDraft,
    header: tuple[str, ...] | None,
    people: PeopleIndex,
    context: DateContext,
    item_index: int,
    paragraph_index: int,
    item_ref: str | None,
) -> Action | None:
    """A row of an action table ("Action | Owner | Due") as an action."""
    if header is None or not _looks_like_action_header(header):
        return None
    cells = para.cells
    task_col = next((i for i, c in enumerate(header) if _TASK_COLUMN.search(c)), 0)
    owner_col = next((i for i, c in enumerate(header) if _OWNER_COLUMN.search(c)), None)
    due_col = next((i for i, c in enumerate(header) if _DUE_COLUMN.search(c) and i not in (task_col, owner_col)), None)
    if task_col >= len(cells) or not cells[task_col].strip():
        return None
    task = cells[task_col].strip()
    written: list[str] = []
    if owner_col is not None and owner_col < len(cells):
        cell = cells[owner_col].strip().rstrip("?")
        cell = re.sub(r"\((?:possibly|probably|tbc)\)", "", cell, flags=re.I).strip()
        parsed = owner_phrase(cell, people) or (margin_owners(cell) if re.fullmatch(r"[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4})*", cell) else None)
        written = parsed if parsed else ([cell] if cell and len(cell) < 60 else [])
    due = None
    if due_col is not None and due_col < len(cells) and cells[due_col].strip():
        due = find_due("by " + cells[due_col].strip(), context)
    provenance = Provenance(item_index, paragraph_index, 0, len(para.text), item_ref)
    cues = ("table:action row",) + ((due.cue,) if due else ())
    return Action(task, provenance, _owners(tuple(written), None, people, "table:owner column", 0), due, find_follow_up(task), cues)


__all__ = ["ItemDraft", "assemble", "parse_bytes", "parse_file", "parse_text"]
