"""Stage 4 for one paragraph: its classified clauses become decisions and actions, with owners
resolved, due dates, follow-ups and motions read; and the rows of an action table
("Action | Owner | Due") become actions. The orchestrator (``core.assemble``) calls these once
per paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from ..classify import ClassifiedParagraph
from ..classify.actions import opens_with_task_verb, owner_only
from ..model import Action, Decision, DueDate, Owner, Provenance
from ..segment import ParagraphDraft
from .dates import DateContext, event_date_for_attendance, find_due
from .followups import find_follow_up
from .motions import (
    MotionRecord,
    bare_motion,
    notice_preamble,
    opens_motion,
    read_motion,
    without_voters,
)
from .owners import PeopleIndex, margin_owners, owner_phrase

_OWNER_COLUMN = re.compile(r"\b(owner|owners|responsible|resp|who|by whom|lead|assigned|person)\b", re.I)
_TASK_COLUMN = re.compile(r"\b(action|actions|task|tasks|item|description|details?|what)\b", re.I)
# "Item" heads a task column in some tables and a minute-number column in others.
_WEAK_TASK_COLUMN = re.compile(r"^\W*item\W*$", re.I)
# A minute number or reference ("41b/2122", "BM 37/2122", "2.10", "12") is never the task.
_REFERENCE_CELL = re.compile(r"[A-Z]{0,4}\s?\d+(?:[./]\d+)*[a-z]?(?:/\d+)?\.?", re.I)
_DUE_COLUMN = re.compile(r"\b(due|deadline|by when|when|date|target)\b", re.I)


def collect_findings(
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
    subject: str | None = None,
) -> None:
    """Append the decisions and actions of one classified paragraph (warnings for guesses).
    ``subject`` is what a bare motion of the paragraph ("Moved to adopt. Carried.") is about,
    when the paragraph opens its item's business: the item's title or its description."""
    # Under a label, the whole paragraph is one decision / one action (one commitment); a
    # resolution's lettered entry that runs to a second sentence ("(c) that X. In particular, Y.") too.
    whole = para.label in ("Action", "Decision", "RESOLVED", "Agreed") and len(classified.clauses) > 1 and len(para.text) < _WHOLE_DECISION_CHARS
    if para.label == "Action" and (len(para.text) >= _WHOLE_ACTION_CHARS or para.list_marker is not None):
        whole = False
    clauses = classified.clauses
    for clause in clauses:
        if clause.decision and not (whole and decisions and decisions[-1].provenance.paragraph == paragraph_index and decisions[-1].provenance.item_index == item_index):
            text = para.text if whole else clause.text
            motion = read_motion(text, para.text)
            start, end = (0, len(para.text)) if whole else (clause.start, clause.end)
            decision = Decision(
                _motion_text(clean_text(text), para.text[: clause.start] if not whole else "", subject),
                Provenance(item_index, paragraph_index, start, end, item_ref),
                (clause.decision.cue, *motion.cues),
                motion.outcome,
                motion.votes,
            )
            restated = restated_decision(decision, decisions)
            if restated is not None:
                del decisions[restated]  # the motion as moved, then as resolved: the resolution stands
            decisions.append(decision)
        if clause.action:
            if whole and para.label == "Action" and actions and actions[-1].provenance.paragraph == paragraph_index and actions[-1].provenance.item_index == item_index:
                continue
            text = para.text if whole and para.label == "Action" else clause.text
            span_start = 0 if text is para.text else clause.start
            notice = notice_preamble(text)  # "I will move at the next Meeting that ...": the task is what follows
            text, span_start = text[notice:], span_start + notice
            owners = owners_of(clause.action.owners, clause.action.owner_span, people, clause.action.cue, clause.rule_start, para.text)
            for owner in owners:
                if owner.written.lower() in _PRONOUNS:
                    warnings.append(
                        f"item {item_ref or item_index}: owner {owner.written!r} read as {owner.name!r}, the subject of the sentence before"
                    )
            directive = clause.action.cue in _DIRECTIVE_CUES
            due = find_due(text, replace(context, directive=directive))
            if due is None and clause.start > 0:
                due = event_date_for_attendance(text, _sentence_before(para.text, clause.start), context)
            if due is not None and span_start and due.cue != "due:event before":
                due = DueDate(due.text, due.value, due.date, due.cue, due.start + span_start, due.end + span_start)
            if due is not None and due.value.startswith("XXXX"):
                warnings.append(f"due date {due.text!r} has no year and the meeting date is unknown")
            follow_up = find_follow_up(text)
            action_provenance = Provenance(item_index, paragraph_index, span_start, span_start + len(text), item_ref)
            cues = (clause.action.cue,) + ((due.cue,) if due else ()) + ((follow_up.cue,) if follow_up else ())
            action = Action(clean_text(text), action_provenance, owners, due, follow_up, cues)
            if restates_earlier(action, actions):
                continue
            actions.append(action)


_SENTENCE_BREAK = re.compile(r"[.;!?]\s")


def _sentence_before(text: str, start: int) -> str:
    """The sentence that ends right before ``start`` in ``text``."""
    head = text[:start].rstrip()
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(head, 0, max(0, len(head) - 1))]
    return head[breaks[-1] if breaks else 0 :]


_WHOLE_DECISION_CHARS = 800  # longer labelled text holds several resolutions run together
_WHOLE_ACTION_CHARS = 400


# Cues whose sentence tells someone to do something: its dates look forward.
_DIRECTIVE_CUES = frozenset(
    {
        "pattern:OWNER to VERB",
        "pattern:RESOLVED that OWNER VERB",
        "label:Action",
        "pattern:to be done",
        "pattern:asked OWNER to VERB",
        "pattern:delegated to OWNER",
        "pattern:SPEAKER: task",
        "pattern:marker",
        "pattern:VERB in capitals",
        "pattern:that X be done",
        "pattern:OWNER - task",
    }
)
_PRONOUNS = frozenset({"he", "she", "they", "we"})


_WORDS = re.compile(r"[a-z0-9]+")
_RESTATED_MIN_WORDS = 12  # short tasks ("Mike to draft some text.") recur as separate commitments
_RESTATED_SIMILARITY = 0.9  # share of words in common (F1 of the two word lists)


_RESTATED_WINDOW = 50  # earlier actions of the item compared: a restatement follows closely
_RESTATED_MAX_CHARS = 3000  # a longer "task" is run-on text, never a restated motion


def recorded_motion(record: MotionRecord, text: str, decided: bool, item_index: int, paragraph_index: int, item_ref: str | None) -> Decision | None:
    """Feed the item's motion on record (:class:`~minutes_parser.extract.motions.MotionRecord`)
    paragraph ``paragraph_index``; when its named vote closes the motion, the decision: outcome
    and counts read from the vote, the span the paragraph holding the motion's words."""
    closed = record.feed(text, decided, paragraph_index)
    if closed is None:
        return None
    motion = read_motion(closed.text, closed.vote)
    span = Provenance(item_index, closed.paragraph, 0, closed.length, item_ref)
    return Decision(closed.text, span, ("pattern:motion record", *motion.cues), motion.outcome, motion.votes)


def restates_earlier(action: Action, actions: list[Action]) -> bool:
    """The same long task again in the same item: a motion as moved and then as resolved, or a
    recommendation quoted twice. One commitment gives one action."""
    return _restated_index(action, actions) is not None


def restated_decision(decision: Decision, decisions: list[Decision]) -> int | None:
    """Index of an earlier decision that *decision* restates (a recommendation or a motion's
    list as moved, then the same words as resolved; "Note the report ..." then "Notes the report
    ..."), or None. Unnumbered sub-headings ("Capital budget") inside a numbered item open items of
    their own, so the search goes back through them to the numbered item they divide."""
    return _restated_index(decision, decisions, across_subheadings=True)


def _restated_index(
    entry: Action | Decision, earlier: Sequence[Action | Decision], *, across_subheadings: bool = False
) -> int | None:
    """The index in ``earlier`` of an entry of the same item holding ``entry``'s words again
    (``across_subheadings``: an unnumbered item counts with the items before it, up to the
    numbered one). Only the last ``_RESTATED_WINDOW`` entries of at most ``_RESTATED_MAX_CHARS``
    are compared, so the check costs a bounded amount per entry however long or large the
    document."""
    text = entry.text
    if len(text) > _RESTATED_MAX_CHARS:
        return None
    words: tuple[str, ...] | None = None
    item, numbered = entry.provenance.item_index, entry.provenance.item is not None
    for back, before in enumerate(islice(reversed(earlier), _RESTATED_WINDOW)):
        if before.provenance.item_index != item:
            if numbered or not across_subheadings:
                return None  # entries come in item order: the rest belong to earlier items
            item, numbered = before.provenance.item_index, before.provenance.item is not None
        if len(before.text) > _RESTATED_MAX_CHARS:
            continue
        if words is None:
            words = _words(text)
            if len(words) < _RESTATED_MIN_WORDS:
                return None
        if _similar_words(words, _words(before.text)) and _same_particulars(text, before.text):
            return len(earlier) - 1 - back
    return None


_PARTICULAR = re.compile(r"(?<=\s)[A-Z][\w'’]*|\d[\d,./-]*")


def _same_particulars(text: str, other: str) -> bool:
    """No name or figure of one missing from the other (the opening word aside, "Note" / "Notes";
    one may add its vote, "Motion carried 5-2"): a list of like resolutions ("disposal of 4 Mill
    Row to A ..." then "of 6 Mill Row to B ...") differs in little else, and is not one restated."""
    ours, theirs = set(_PARTICULAR.findall(text)), set(_PARTICULAR.findall(other))
    return ours <= theirs or theirs <= ours


@lru_cache(maxsize=128)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(text.lower()))


def _similar_words(words: tuple[str, ...], before: tuple[str, ...]) -> bool:
    """At least ``_RESTATED_SIMILARITY`` of the two word lists in common (their F1)."""
    shorter, longer = sorted((len(words), len(before)))
    if shorter < _RESTATED_MIN_WORDS or 2 * shorter < _RESTATED_SIMILARITY * (shorter + longer):
        return False  # too short, or too different in length to share enough words
    common = sum((Counter(words) & Counter(before)).values())  # words shared, as multisets
    return 2 * common / (len(words) + len(before)) >= _RESTATED_SIMILARITY


def owners_of(
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


# A sentence reporting what was said or done, as against an item's description in noun phrases.
_REPORT_VERB = re.compile(
    r"\b(?:was|were|is|are|has|have|had|will|would|said|says|reported|stated|explained|asked|noted|agreed|discussed|presented|felt)\b", re.I
)


def _motion_text(text: str, before: str, subject: str | None) -> str:
    """A decision's words without its voters' names; a motion that opens its item's business
    ("Road closure for the spring fair. Moved to adopt. Motion carried 4-3.") with what it is about:
    the words printed before it in its paragraph, else, for a bare motion ("Moved to adopt."),
    the item's ``subject``."""
    text = without_voters(text)
    if subject is None or not opens_motion(text):
        return text
    if len(before.split()) >= 3 and (bare_motion(text) or _REPORT_VERB.search(before) is None):
        lead = clean_text(before)  # a description ("Letter from the fair committee asking ..."), not a report of discussion
    elif bare_motion(text):
        lead = subject.strip()
    else:
        return text
    return f"{lead} {text}" if lead.endswith((".", ":", ";", ")")) else f"{lead}. {text}"


def motion_subject(subject: str | None, title: str, text: str, found: bool) -> str | None:
    """The subject for the next paragraph's bare motion: none once the item has a decision or an
    action; the paragraph itself where it prints the title again with its full text (a title cut
    at a line's end), else the title."""
    if found or subject is None:
        return None
    head = title.strip()[:40]
    return text.strip() if head and text.strip().startswith(head) and len(text) > len(title) else subject


def clean_text(text: str) -> str:
    return text.strip().lstrip("•·-–* ").strip()


# A list entry's own marker before its text: "3. ", "4b) ", "c. ".
_ENTRY_MARKER = re.compile(r"^\s*(?:\d+[a-z]?|[a-z])[.)]\s+")


def owner_line_action(
    previous: ParagraphDraft,
    owners: list[str],
    people: PeopleIndex,
    context: DateContext,
    item_index: int,
    paragraph_index: int,
    item_ref: str | None,
) -> Action | None:
    """The task of the paragraph before an owner-only line ("Web standards" then "ACTION: kq12"):
    the line gives that paragraph's text its owners. ``paragraph_index`` is the previous paragraph's.
    A heading-like or empty paragraph, or one that ends in a colon, is not a task."""
    text = clean_text(_ENTRY_MARKER.sub("", previous.text))
    if not text or text.endswith(":") or len(text) > 300 or previous.cells:
        return None
    due = find_due(text, replace(context, directive=True))
    provenance = Provenance(item_index, paragraph_index, 0, len(previous.text), item_ref)
    cue = "pattern:task then ACTION: OWNER"
    return Action(text, provenance, owners_of(tuple(owners), None, people, cue, 0), due, find_follow_up(text), (cue,) + ((due.cue,) if due else ()))


_TITLE_TASK_MIN_WORDS = 4  # "Finance" or "Village hall" over an owner line is a topic, not a task


def title_as_task(title: str, number: str | None) -> ParagraphDraft | None:
    """A numbered item title that reads as a sentence ("3. Keep the website mock-up up to date"):
    minutes of small teams number their points, and a layout that makes each point a heading
    puts its "ACTION: kq12" line first under it. Such a title stands as the paragraph before."""
    if not number or len(title.split()) < _TITLE_TASK_MIN_WORDS or title.rstrip().endswith(":"):
        return None
    return ParagraphDraft(title)


def action_from_owner_line(
    classified: ClassifiedParagraph,
    para: ParagraphDraft,
    previous: ParagraphDraft | None,
    people: PeopleIndex,
    context: DateContext,
    item_index: int,
    paragraph_index: int,
    item_ref: str | None,
) -> Action | None:
    """An owner-only line under an Action label ("ACTION: kq12", "ACTION: all") that found no task
    of its own gives ``previous`` -- the paragraph before it, when that one gave no action -- its
    owners: minutes that put the task first and its owner on a line of its own."""
    if previous is None or para.label != "Action" or classified.kind != "discussion":
        return None
    owners = owner_only(para.text, people)
    if not owners:
        return None
    return owner_line_action(previous, owners, people, context, item_index, max(0, paragraph_index - 1), item_ref)


# The column names of an action table at the end of a heading: a layout that lost the table's
# header row joins it to the heading above ("Actions from today Task Who is responsible").
_HEADER_IN_TITLE = re.compile(
    r"\b(?P<task>tasks?|actions?|description)\s+(?P<owner>who(?:\s+is)?\s+responsible|owners?|responsible|by\s+whom|lead|who)"
    r"(?:\s+(?P<due>due(?:\s+date)?|deadline|by\s+when|target\s+date))?\s*$",
    re.I,
)


def header_in_title(title: str) -> tuple[str, ...] | None:
    """The action-table header a heading ends with ("... Task Who is responsible"), else None."""
    m = _HEADER_IN_TITLE.search(title)
    if m is None or not (m.group("task")[0].isupper() and m.group("owner")[0].isupper()):
        return None  # header cells are capitalised: "Review of action owners" is a topic
    return tuple(column for column in (m.group("task"), m.group("owner"), m.group("due")) if column)


def names_owner_column(cells: tuple[str, ...]) -> bool:
    """Does a table header name a column of who acts ("Owner", "Who", "By whom", "Lead")?"""
    return any(_OWNER_COLUMN.search(c) for c in cells)


def looks_like_action_header(cells: tuple[str, ...]) -> bool:
    return names_owner_column(cells) and any(_TASK_COLUMN.search(c) for c in cells) and all(len(c) < 40 for c in cells)


def task_column(header: tuple[str, ...], cells: tuple[str, ...], owner_col: int | None) -> int:
    """The column that holds the task: a strongly named one ("Action", "Detail") first; a bare
    "Item" column only when its cell reads as text, not a minute number; else the widest free cell."""
    named = [i for i, c in enumerate(header) if _TASK_COLUMN.search(c) and i != owner_col]
    strong = [i for i in named if not _WEAK_TASK_COLUMN.match(header[i])]
    if strong:
        return strong[0]
    if named and named[0] < len(cells) and not is_reference_cell(cells[named[0]]):
        return named[0]
    free = [i for i in range(min(len(header), len(cells))) if i != owner_col and not _DUE_COLUMN.search(header[i]) and not is_reference_cell(cells[i])]
    if not free:
        return named[0] if named else 0
    return max(free, key=lambda i: len(cells[i].strip()))


def is_reference_cell(cell: str) -> bool:
    return bool(_REFERENCE_CELL.fullmatch(cell.strip()))


def is_continuation_row(header: tuple[str, ...], cells: tuple[str, ...], task_col: int) -> bool:
    """A wrapped row of a table whose first column numbers its rows: the number cell is empty and
    the task cell carries on the row above, so it is not an action of its own."""
    if task_col == 0 or not cells or cells[0].strip():
        return False
    return not header[0].strip() or bool(_WEAK_TASK_COLUMN.match(header[0])) or bool(re.match(r"^\W*(no|ref|minute|#)\b", header[0], re.I))


def table_action(
    para: ParagraphDraft,
    header: tuple[str, ...] | None,
    people: PeopleIndex,
    context: DateContext,
    item_index: int,
    paragraph_index: int,
    item_ref: str | None,
) -> Action | None:
    """A row of an action table ("Action | Owner | Due") as an action."""
    if header is None or not looks_like_action_header(header):
        return None
    cells = para.cells
    owner_col = next((i for i, c in enumerate(header) if _OWNER_COLUMN.search(c)), None)
    task_col = task_column(header, cells, owner_col)
    due_col = next((i for i, c in enumerate(header) if _DUE_COLUMN.search(c) and i not in (task_col, owner_col)), None)
    if task_col >= len(cells) or not cells[task_col].strip():
        return None
    if is_continuation_row(header, cells, task_col):
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
    return Action(task, provenance, owners_of(tuple(written), None, people, "table:owner column", 0), due, find_follow_up(task), cues)




# A list intro that names who does the entries below it: "RESOLVED the Treasurer to:", "RESOLVED
# to ask the Town Clerk to:", "Parks Officer to:", "the Clerk be asked to:".
_LIST_INTRO = re.compile(
    r"^(?:(?:it\s+was\s+)?(?:resolved|agreed|decided)\b\s*(?:that\s+)?[:,–-]?\s*)?"
    # "This Council agrees to call on the Cabinet Member for Parks to:": the body that asks
    r"(?:(?:this|the)\s+[A-Za-z]+(?:\s+[A-Za-z]+)?\s+(?:agrees|resolves|decides)\s+)?"
    r"(?:(?:to\s+)?(?:ask|request|instruct|invite|authori[sz]e|call\s+(?:on|upon)|urge)\s+)?"
    r"(?P<owner>[A-Za-z][^:;,()]{1,160}?)\s+"
    r"(?:(?:be|is|are|was|were)\s+(?:asked|requested|instructed|invited|authori[sz]ed)\s+)?to\s*:\s*$",
    re.I,
)
_LIST_INTRO_CUE = "pattern:list intro OWNER to:"


@dataclass(frozen=True)
class ListIntro:
    """What a list intro hands to the entries below it -- owners ("Treasurer to:") or a deadline
    ("6. Talks to be given next week." then "6a. ...", "6b. ...") -- and the marker style of the
    intro paragraph (entries use another style: "6." then "a)", "b)")."""

    owners: tuple[str, ...]
    marker_style: str | None
    due: DueDate | None = None


def marker_style(marker: str | None) -> str | None:
    """The kind of a list marker: "1." and "12." are one style, "a)" and "b)" another."""
    if not marker:
        return None
    marker = marker.strip()
    if re.fullmatch(r"\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)]", marker):
        return "roman"
    return re.sub(r"[A-Z]", "A", re.sub(r"[a-z]", "a", re.sub(r"\d+", "1", marker)))


# A deadline a numbered point states for its sub-points: a near, relative one ("next week",
# "by Friday"), which minutes of small teams write once above the list of tasks.
_NEAR_DEADLINE_CUES = ("due:week", "due:weekday", "due:tomorrow", "due:within")
# Every expression those cues read holds one of these words ("next week", "Friday", "tomorrow",
# "within 10 days", "in two months", "w/c 3 June"): a point without one is not read for a date.
_NEAR_DEADLINE_HINTS = r"week|day|tomorrow|fortnight|month|year|\bw/?[ce]\b"
# (led by the class of their first letters, each tried behind it: a scan, not six words at every place)
_NEAR_DEADLINE_WORDS = re.compile(r"[wdtfmy](?<=(?=" + _NEAR_DEADLINE_HINTS + r").)", re.I)


def list_intro(para: ParagraphDraft, people: PeopleIndex, context: DateContext | None = None) -> ListIntro | None:
    """A paragraph ending "OWNER to:" that hands the list below it to OWNER; or a numbered point
    whose near deadline ("... next week.") holds for its sub-points."""
    stripped = para.text.strip()
    if not stripped.endswith(":") and (context is None or not para.list_marker):
        return None  # neither an intro (the pattern ends at a colon) nor a numbered point
    text = _ENTRY_MARKER.sub("", stripped)
    found = _LIST_INTRO.match(text) if text.rstrip().endswith(":") else None
    if found is not None:
        owners = owner_phrase(found.group("owner"), people, allow_unknown_names=False)
        if owners:
            return ListIntro(tuple(owners), marker_style(para.list_marker))
    if context is None or not para.list_marker or len(text) > 200 or not _NEAR_DEADLINE_WORDS.search(text):
        return None
    due = find_due(text, replace(context, directive=True))
    if due is None or not due.cue.startswith(_NEAR_DEADLINE_CUES):
        return None
    return ListIntro((), marker_style(para.list_marker), due)


def in_list_scope(intro: ListIntro, para: ParagraphDraft) -> bool:
    """An entry of the intro's list: a list item, in another marker style than the intro's. Under
    a deadline intro, lines without a marker (an "Action: kq12" line) stay in the list too."""
    style = marker_style(para.list_marker)
    if style is None:
        return intro.due is not None and not intro.owners
    return style != intro.marker_style


def imperative_entry(
    text: str, owners: tuple[str, ...], people: PeopleIndex, item_index: int, paragraph_index: int, item_ref: str | None
) -> Action | None:
    """A list entry under an "OWNER to:" intro that opens with a task verb ("Write to the county
    about ..."): the intro's owners' task, though no rule reads a task in the entry alone."""
    if not opens_with_task_verb(text):
        return None
    provenance = Provenance(item_index, paragraph_index, 0, len(text), item_ref)
    return Action(clean_text(text), provenance, owners_of(owners, None, people, _LIST_INTRO_CUE, 0), None, find_follow_up(text), (_LIST_INTRO_CUE,))


def carry_list_intro(
    intro: ListIntro | None,
    para: ParagraphDraft,
    people: PeopleIndex,
    actions: list[Action],
    found: int,
    item_index: int,
    context: DateContext | None = None,
    paragraph_index: int = 0,
    item_ref: str | None = None,
) -> ListIntro | None:
    """Give the actions found in ``para`` (``actions[found:]``) what the list intro above them
    hands down -- owners to owner-less ones, a deadline to undated ones -- while ``para`` is an
    entry of its list; return the intro in force after ``para`` (this paragraph's own, when it is
    one)."""
    if intro is not None and in_list_scope(intro, para):
        if intro.owners and found == len(actions) and para.list_marker:
            entry = imperative_entry(para.text, intro.owners, people, item_index, paragraph_index, item_ref)
            if entry is not None:  # "... to:" then "a) Write to the Minister": the entry is their task
                actions.append(entry)
                return intro
        for position in range(found, len(actions)):
            action = actions[position]
            if action.provenance.item_index != item_index:
                continue
            if intro.owners and not action.owners:
                owners = owners_of(intro.owners, None, people, _LIST_INTRO_CUE, 0)
                action = replace(action, owners=owners, cues=(*action.cues, _LIST_INTRO_CUE))
            if intro.due is not None and action.due is None:
                inherited = DueDate(intro.due.text, intro.due.value, intro.due.date, intro.due.cue, 0, 0)
                action = replace(action, due=inherited, cues=(*action.cues, "due:list intro"))
            actions[position] = action
        return intro
    return list_intro(para, people, context)
