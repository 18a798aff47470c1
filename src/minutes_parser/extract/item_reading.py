"""The paragraphs of one agenda item, in order, into classified paragraphs, decisions and actions.

Several findings depend on the paragraphs before them in the item, and this walk carries that
state: an action table's header row, the paragraph an owner-only line ("ACTION: JB") gives its
task to, a list intro whose entries follow ("Treasurer to:"), the subject a bare motion is about,
a motion closed by a named vote paragraphs later, and an options stem ("Members may:").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..classify import chosen_option, classify_paragraph, options_stem, without_decisions
from ..classify.clause_model import ClauseContext, ClauseRefiner
from ..model import Action, Decision, Paragraph, ParagraphKind
from ..nlp import sentence_spans
from ..segment import ItemDraft, ParagraphDraft
from .dates import DateContext
from .findings import (
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
from .motions import MotionRecord
from .owners import PeopleIndex
from .table_rows import table_decision, task_cell

_PARAGRAPH_KINDS = {kind.value: kind for kind in ParagraphKind}  # a look-up, cheaper than ParagraphKind(value)


def is_entry(para: ParagraphDraft) -> bool:
    """A bullet, a numbered entry or a table row: the unit GOLD's "sentence or bullet" gives a
    short action ("Bench | Not yet found. RB to pursue."), where running prose gives the sentence."""
    return para.list_marker is not None or bool(para.cells)


def read_item(
    draft: ItemDraft,
    item_index: int,
    spans: Iterator[list[tuple[int, int]]],
    people: PeopleIndex,
    context: DateContext,
    refiner: ClauseRefiner,
    decisions: list[Decision],
    actions: list[Action],
    warnings: list[str],
) -> tuple[Paragraph, ...]:
    """Classify the item's paragraphs (``spans``: their sentence spans, in order) and append
    their decisions and actions (and warnings for guesses) to the document's lists."""
    paragraphs: list[Paragraph] = []
    last_subject: str | None = None
    table_header: tuple[str, ...] | None = header_in_title(draft.title)
    # the paragraph before, when it gave no action; first, a numbered title that reads as a task
    without_action: ParagraphDraft | None = title_as_task(draft.title, draft.number)
    intro: ListIntro | None = None  # a list intro ("Treasurer to:") whose entries follow
    subject: str | None = draft.title or None  # what a bare motion is about, until the item decides something
    record = MotionRecord()  # a motion whose named vote closes it paragraphs later
    options = False  # under "Members may:", list entries are choices offered, not decisions
    provenance_item = draft.number or draft.key
    for paragraph_index, para in enumerate(draft.paragraphs):
        sentences = next(spans)
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
            para.text, sentences, label=para.label, people=people, margin=para.margin, last_subject=last_subject,
            list_entry=is_entry(para),
        )
        clause_context = ClauseContext(para.label, para.margin, para.list_marker, draft.title, para.text)
        refiner.observe(classified, clause_context)
        classified = refiner.refine(classified, clause_context, people)
        if para.list_marker and options and not chosen_option(para.text, para.label):
            classified = without_decisions(classified)  # (an entry "Agreed: option (b)" is the choice made)
        elif not para.list_marker:
            options = options_stem(para.text)
        paragraph_kind = _PARAGRAPH_KINDS[classified.kind]
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
    return tuple(paragraphs)
