"""Rows of a table of applications as decisions: "Organisation | Summary | Amount | Decision".

Grant, planning and licensing committees list what they considered in a grid whose last
columns give the outcome ("Approved.", "£2,500 approved", "Refused", "Deferred to March"). Such a
row is a decision of its own: what was applied for (the row's subject and the first sentence of
its summary) with the outcome cell's words.
"""

from __future__ import annotations

import re

from ..model import Decision, Outcome, Provenance
from ..segment import ParagraphDraft
from .findings import names_owner_column
from .motion_words import ASSENTED, DEFERRED, REFUSED, WITHDRAWN, words

# The column that records what the meeting decided about the row.
_OUTCOME_COLUMN = re.compile(r"\b(decision|decided|outcome|recommendation|resolution|resolved|result|determination)s?\b", re.I)
# What the row is about and what it asks for.
_SUBJECT_COLUMN = re.compile(r"\b(organi[sz]ation|applicant|group|club|name|body|scheme|project|application|site|address)s?\b", re.I)
_SUMMARY_COLUMN = re.compile(r"\b(summary|description|details?|purpose|proposal|project|request|proposed)\b", re.I)
# An outcome cell opening with a verdict ("Approved.", "£500 agreed", "Refused - outside the criteria").
# Besides the meeting's own yes or no, an application is granted or supported (a motion's words,
# "carried" or "lost", are not a verdict on an application).
_GRANTED = ("granted", "awarded", "accepted", "supported")
_VERDICT = re.compile(
    r"^(?:£?\s?[\d,.]+\s+)?(?P<verdict>" + words(ASSENTED, _GRANTED, REFUSED) + r"|"
    r"not\s+(?:approved|supported|agreed)|" + words(DEFERRED, WITHDRAWN) + r"|recommend(?:ed)?\s+(?:for\s+)?(?:approval|refusal))\b",
    re.I,
)
_OUTCOMES = {word: Outcome.LOST for word in (*REFUSED, "not")} | {word: Outcome.DEFERRED for word in DEFERRED} | {word: Outcome.WITHDRAWN for word in WITHDRAWN}
_REFUSAL = re.compile(r"refus|reject|declin|^not\b", re.I)
_FIRST_SENTENCE = re.compile(r"^(.{12,}?[.!?])(?=\s+[A-Z])")


def outcome_column(header: tuple[str, ...] | None) -> int | None:
    """The index of a header's outcome column, when the header also names what the rows are."""
    if header is None:
        return None
    found = next((i for i, c in enumerate(header) if _OUTCOME_COLUMN.search(c)), None)
    if found is None or not any(_SUBJECT_COLUMN.search(c) or _SUMMARY_COLUMN.search(c) for i, c in enumerate(header) if i != found):
        return None
    return found


def table_decision(
    para: ParagraphDraft, header: tuple[str, ...] | None, item_index: int, paragraph_index: int, item_ref: str | None
) -> Decision | None:
    """A row whose outcome cell opens with a verdict, as "Subject – summary. Verdict ..."."""
    column = outcome_column(header)
    cells = para.cells
    if column is None or header is None or column >= len(cells):
        return None
    outcome_cell = " ".join(cells[column].split())
    verdict = _VERDICT.match(outcome_cell)
    if verdict is None:
        return None
    others = [i for i in range(min(len(header), len(cells))) if i != column and cells[i].strip()]
    subject = next((i for i in others if _SUBJECT_COLUMN.search(header[i]) and not _SUMMARY_COLUMN.search(header[i])), None)
    summary = next((i for i in others if _SUMMARY_COLUMN.search(header[i]) and i != subject), None)
    parts: list[str] = []
    if subject is not None:
        parts.append(" ".join(cells[subject].split()))
    if summary is not None:
        text = " ".join(cells[summary].split())
        first = _FIRST_SENTENCE.match(text)
        parts.append(first.group(1) if first else text)
    if not parts:
        return None
    text = " – ".join(parts)
    if not text.endswith((".", "!", "?")):
        text += "."
    said = " ".join(verdict.group("verdict").lower().split())  # "held over", "not approved"
    default = Outcome.LOST if _REFUSAL.search(said) else Outcome.CARRIED
    outcome = _OUTCOMES.get(said, _OUTCOMES.get(said.split()[0], default))
    provenance = Provenance(item_index, paragraph_index, 0, len(para.text), item_ref)
    return Decision(f"{text} {outcome_cell}", provenance, ("table:outcome column",), outcome)


# An action log without an owner column ("Ref | Action | Status"): the task cell alone is read as
# a paragraph, so the reference number and the status do not hide the sentence's owner and verb.
_TASK_HEADER = re.compile(r"^\W*(?:actions?|tasks?|action\s+points?|agreed\s+actions?)\W*$", re.I)


def task_cell(header: tuple[str, ...] | None, cells: tuple[str, ...]) -> str | None:
    """The task cell of a row of an action table that names no owner column, else None."""
    if header is None or names_owner_column(header):
        return None
    column = next((i for i, c in enumerate(header) if _TASK_HEADER.match(c)), None)
    if column is None or column >= len(cells):
        return None
    text = " ".join(cells[column].split())
    # Under "Item | Notes | Action" the action column holds who acts ("Clerk to send"), beside
    # the minute in a longer cell: only a task cell that carries the row is read alone.
    if len(text.split()) < 3 or any(len(" ".join(c.split())) > len(text) for c in cells):
        return None
    return text
