"""What the family tests share: run a fictional sentence, paragraph or document through the parser
and read back what it found, in the shape the tests assert on. Every document and sentence the
tests pass in is invented (see the preamble of each test file)."""

from __future__ import annotations

from minutes_parser import classify as c
from minutes_parser import parse_text
from minutes_parser.extract.owners import PeopleIndex
from minutes_parser.model import AttendanceStatus, Minutes
from minutes_parser.nlp import sentence_spans

# A meeting whose opening names nobody: owners are read from the sentence alone.
NO_PEOPLE = PeopleIndex.build([], "")


def clause(text: str, label: str | None = None, people: PeopleIndex = NO_PEOPLE) -> c.Clause:
    """``text`` as one clause with no context before it, under ``label`` if given."""
    return c.Clause(text, label, people)


def first_decision(text: str, people: PeopleIndex = NO_PEOPLE, label: str | None = None) -> c.Finding | None:
    """The first decision rule that fires on ``text`` as one clause, or None."""
    return c.DECISION_RULES.first(c.Clause(text, label, people))


def first_action(
    text: str, people: PeopleIndex = NO_PEOPLE, label: str | None = None, last_subject: str | None = None
) -> c.Finding | None:
    """The first action rule that fires on ``text`` as one clause, or None."""
    return c.ACTION_RULES.first(c.Clause(text, label, people, last_subject))


def paragraph_decisions(text: str, label: str | None = None, people: PeopleIndex = NO_PEOPLE) -> list[str]:
    """The clauses of one paragraph that are decisions, after the paragraph's joins (a motion with
    its outcome, a bare vote dropped), as text."""
    result, _ = c.classify_paragraph(text, sentence_spans([text])[0], label=label, people=people)
    return [r.text for r in result.clauses if r.decision]


def document_decisions(text: str, name: str = "<text>") -> list[str]:
    """The decisions of a whole document, by the rules alone, as text."""
    return [d.text for d in parse_text(text, name=name, model="rules").decisions]


def document_actions(text: str, name: str = "<text>") -> list[tuple[str, list[str]]]:
    """The actions of a whole document, by the rules alone, as (text, owner names)."""
    return [(a.text, [o.name for o in a.owners]) for a in parse_text(text, name=name, model="rules").actions]


def action_dues(body: str, council: str) -> list[tuple[str, str | None]]:
    """(text, due value) of each action of ``body``, read by the rules alone as the one item of a
    ``council``'s minutes of 9 April 2025 (the meeting date that due dates resolve against)."""
    text = f"Minutes of {council} held on 9 April 2025.\n\n1. Correspondence\n\n{body}\n"
    return [(a.text, a.due.value if a.due else None) for a in parse_text(text, model="rules").actions]


def titles(minutes: Minutes) -> list[str]:
    """The titles of the document's agenda items (no preamble, no appendix)."""
    return [item.title for item in minutes.items if not item.preamble and not item.appendix]


def numbered_items(minutes: Minutes) -> list[tuple[str | None, str]]:
    """(number, title) of every item after the preamble."""
    return [(item.number, item.title) for item in minutes.items if not item.preamble]


def item_paragraphs(minutes: Minutes, *, number: str | None = None, title: str | None = None) -> list[str]:
    """The paragraph texts of the first item with that number (or title)."""
    item = next(i for i in minutes.items if (number is not None and i.number == number) or (title is not None and i.title == title))
    return [p.text for p in item.paragraphs]


def holds(paragraphs: list[str], text: str) -> bool:
    """Does one of the paragraphs hold ``text``?"""
    return any(text in paragraph for paragraph in paragraphs)


def people(text: str, name: str) -> list[tuple[str, str | None, AttendanceStatus]]:
    """(name, role, status) of each attendee the rules alone find in ``text``."""
    minutes = parse_text(text, name=name, model="rules")
    return [(a.name, a.role, a.status) for a in minutes.meeting.attendees]
