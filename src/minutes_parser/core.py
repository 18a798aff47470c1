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
import stat
from dataclasses import replace
from pathlib import Path

from .classify import chosen_option, classify_paragraph, options_stem, without_decisions
from .classify.clause_model import ClauseContext, ClauseRefiner
from .errors import DecodeError, DocumentTooLargeError, InputError
from .extract.dates import DateContext
from .extract.findings import (
    ListIntro,
    action_from_owner_line,
    carry_list_intro,
    collect_findings,
    header_in_title,
    looks_like_action_header,
    motion_subject,
    recorded_motion,
    table_action,
    title_as_task,
)
from .extract.meeting import document_kind, header_facts
from .extract.motions import MotionRecord
from .extract.next_meeting import next_meeting_date
from .extract.owners import PeopleIndex
from .extract.table_rows import table_decision, task_cell
from .learn.bundle import RULES_ONLY, Models, resolve_models
from .model import (
    Action,
    AgendaItem,
    Decision,
    Meeting,
    Minutes,
    Paragraph,
    ParagraphKind,
    ReadDocument,
    Source,
)
from .nlp import sentence_spans
from .readers import ReadOptions, detect_format, read_bytes
from .segment import ItemDraft, ParagraphDraft, segment_document

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
        table_header: tuple[str, ...] | None = header_in_title(draft.title)
        # the paragraph before, when it gave no action; first, a numbered title that reads as a task
        without_action: ParagraphDraft | None = title_as_task(draft.title, draft.number)
        intro: ListIntro | None = None  # a list intro ("Treasurer to:") whose entries follow
        subject: str | None = draft.title or None  # what a bare motion is about, until the item decides something
        record = MotionRecord()  # a motion whose named vote closes it paragraphs later
        options = False  # under "Members may:", list entries are choices offered, not decisions
        for paragraph_index, para in enumerate(draft.paragraphs):
            sentences = next(spans)
            provenance_item = draft.number or draft.key
            previous, without_action = without_action, None
            if not para.text:
                paragraphs.append(Paragraph(ParagraphKind.DISCUSSION, "", ("label:" + para.label,) if para.label else (), label=para.label))
                continue
            if para.cells:
                if para.header_row or (table_header is None and looks_like_action_header(para.cells)):
                    table_header = para.cells
                    paragraphs.append(Paragraph(ParagraphKind.DISCUSSION, para.text, ("table:header",)))
                    continue
                row_action = table_action(para, table_header, people, context, item_index, paragraph_index, provenance_item)
                if row_action is not None:
                    actions.append(row_action)
                    paragraphs.append(Paragraph(ParagraphKind.ACTION, para.text, row_action.cues, margin=para.margin))
                    continue
                row_decision = table_decision(para, table_header, item_index, paragraph_index, provenance_item)
                if row_decision is not None:
                    decisions.append(row_decision)
                    paragraphs.append(Paragraph(ParagraphKind.DECISION, para.text, row_decision.cues, margin=para.margin))
                    continue
                task_text = task_cell(table_header, para.cells)
                if task_text is not None:
                    para, sentences = replace(para, text=task_text), sentence_spans([task_text])[0]
            classified, last_subject = classify_paragraph(
                para.text, sentences, label=para.label, people=people, margin=para.margin, last_subject=last_subject
            )
            clause_context = ClauseContext(para.label, para.margin, para.list_marker, draft.title, para.text)
            refiner.observe(classified, clause_context)
            classified = refiner.refine(classified, clause_context, people)
            if para.list_marker and options and not chosen_option(para.text, para.label):
                classified = without_decisions(classified)  # (an entry "Agreed: option (b)" is the choice made)
            elif not para.list_marker:
                options = options_stem(para.text)
            paragraph_kind = ParagraphKind(classified.kind)
            paragraphs.append(
                Paragraph(paragraph_kind, para.text, classified.cues, label=para.label, list_marker=para.list_marker, margin=para.margin)
            )
            found, decided = len(actions), len(decisions)
            collect_findings(
                classified, para, people, context, item_index, paragraph_index, provenance_item, decisions, actions, warnings, subject
            )
            subject = motion_subject(subject, draft.title, para.text, decided < len(decisions) or found < len(actions))
            recorded = recorded_motion(record, para.text, decided < len(decisions), item_index, paragraph_index, provenance_item)
            if recorded is not None:
                decisions.append(recorded)
                where = recorded.provenance.paragraph
                if paragraphs[where].kind is ParagraphKind.DISCUSSION:  # the motion's words are the decision's paragraph
                    paragraphs[where] = replace(paragraphs[where], kind=ParagraphKind.DECISION, cues=(*paragraphs[where].cues, recorded.cues[0]))
            owner_line = action_from_owner_line(classified, para, previous, people, context, item_index, paragraph_index, provenance_item)
            if owner_line is not None:  # the task is the paragraph before (appended before this one)
                actions.append(owner_line)
                if len(paragraphs) > 1:  # else the task is the item's title
                    task = paragraphs[-2]
                    paragraphs[-2] = replace(task, kind=ParagraphKind.ACTION, cues=task.cues + owner_line.cues[:1])
            intro = carry_list_intro(intro, para, people, actions, found, item_index, context, paragraph_index, provenance_item)
            without_action = para if len(actions) == found else None
        items.append(
            AgendaItem(
                title=draft.title or (draft.key or ""),
                number=draft.number,
                key=draft.key,
                paragraphs=tuple(paragraphs),
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
