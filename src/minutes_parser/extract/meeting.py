"""The meeting header: body, date, time, venue; and what kind of document this is.

The date comes from the document's header lines, each candidate scored by what surrounds it
(a weekday, a time, "meeting"/"held"), so a posting date or a file date in a heading loses to
the line that says when the meeting sat. Only where the text has none does a date in the file
name stand in, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import DocumentKind
from .dates import date_from_filename, find_explicit_dates

_WEEKDAY = re.compile(r"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b", re.I)
_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)|\b\d{1,2}[.:]\d{2}\b", re.I)
_MEETING_WORDS = re.compile(r"\b(meeting|minutes|held|date:|notes? of|dated?)\b", re.I)
_NEXT = re.compile(r"\b(next meeting|date of next|future meeting|following meeting|previous meeting|last meeting)\b", re.I)
_HELD = re.compile(r"\b(?:held|minutes of|meeting of|dated)\b", re.I)
_YEARLESS = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*,?\s*\d{4})",
    re.I,
)
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_ISO_ONLY = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")
_BODY = re.compile(
    r"((?:[A-Z][\w&’'.\-]*|&|and|of|the|for|on)(?:\s+(?:[A-Z][\w&’'.()\-]*|&|and|of|the|for|on)){0,8}\s+"
    r"(?:Parish Council|Town Council|Community Council|County Council|City Council|Borough Council|District Council|"
    r"Council|Board|Committee|Sub-Committee|Cabinet|Panel|Commission|Trustees|Forum|Steering Group|Working Group|"
    r"Group|Assembly|Executive|Authority|Partnership)(?:\s+\([A-Z]{2,6}\))?)"
)
_BODY_LEAD = frozenset(
    ["note", "notes", "minutes", "of", "the", "meeting", "draft", "annual", "general", "ordinary", "extraordinary", "special", "last", "a", "an", "and", "for", "on", "monthly"]
)
_VENUE = re.compile(r"(?:^|\b)(?:venue|location|place|held (?:in|at))\s*[:\-]?\s*(.{3,120})", re.I)
_PLACE = re.compile(
    r"\b(?:in|at)\s+((?:the\s+)?(?:[A-Z0-9][\w'’&]*[,]?\s+){0,6}?(?:Hall|Room|Centre|Center|Chamber|Chambers|House|Library|Offices?|"
    r"School|Church|Pavilion|Building|Institute|Club|Hotel|Workspace|Loft|Studio|Square|Pub|Inn|Arms)\b(?:,\s+[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+){0,3})?)"
)
_REPORT_HINTS = re.compile(r"\b(purpose of (?:the )?report|recommendations?:?$|contact officer|for (?:information|discussion|decision)\b|summary$)", re.I | re.M)
_MINUTES_HINTS = re.compile(r"\b(minutes|meeting|present|apologies|attendance|resolved|agenda|board|council|committee)\b", re.I)


@dataclass(frozen=True)
class HeaderFacts:
    body: str | None
    date: dt.date | None
    time: str | None
    venue: str | None
    date_source: str | None
    warnings: tuple[str, ...]


def _score_line(line: str) -> int:
    score = 1
    if _WEEKDAY.search(line):
        score += 2
    if _TIME.search(line):
        score += 2
    if _MEETING_WORDS.search(line):
        score += 2
    if _ISO_ONLY.fullmatch(line):
        score -= 1
    return score


def meeting_date_from(lines: Sequence[str]) -> dt.date | None:
    best: tuple[int, int, dt.date] | None = None
    for position, line in enumerate(lines):
        line_score: int | None = None  # scored once per line: per date it is quadratic on long lines
        for start, _end, value in find_explicit_dates(line):
            before = line[max(0, start - 60) : start]
            mentions = list(_NEXT.finditer(before))
            mention = mentions[-1] if mentions else None
            if mention is not None and not _HELD.search(before[mention.end() :]):
                continue  # "Date of next meeting: 6 June" -- but not "(approved at the next meeting) Minutes of the meeting held on ..."
            score = line_score = _score_line(line) if line_score is None else line_score
            if best is None or score > best[0]:
                best = (score, -position, value)
    return best[2] if best and best[0] > -5 else None


def body_from(lines: Sequence[str]) -> str | None:
    """The committee, board or council: the most specific name the header lines give
    ("Wyvernham Parish Council" over "Parish Council"); ALL-CAPS lines are read in title case."""
    best: str | None = None
    for line in lines:
        candidate_line = line.title() if line.isupper() else line
        for m in _BODY.finditer(candidate_line[:300]):
            words = m.group(1).split()
            while words and (words[0].lower() in _BODY_LEAD or words[0][:1].islower()):
                words = words[1:]
            if len(words) >= 2 and (best is None or len(words) > len(best.split())):
                best = " ".join(words)
    return best


def yearless_meeting_date(lines: Sequence[str], reference: dt.date) -> dt.date | None:
    """"held ... on Wednesday 15th December" with a publication date of 1 February 2005: the last
    such day on or before the reference (minutes are published after the meeting)."""
    for line in lines:
        if not (_MEETING_WORDS.search(line) or _WEEKDAY.search(line)) or _NEXT.search(line):
            continue
        m = _YEARLESS.search(line)
        if not m:
            continue
        day, month = int(m.group(1)), _MONTHS.index(m.group(2).lower()) + 1
        for year in (reference.year, reference.year - 1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                continue
            if candidate <= reference and (reference - candidate).days <= 366:
                return candidate
    return None


def header_facts(
    header: Sequence[str], text_head: str, file_name: str, override: dt.date | None, published: dt.date | None = None
) -> HeaderFacts:
    warnings: list[str] = []
    lines = [line for entry in header for line in entry.split("\n") if line.strip()]
    # A cell pair ("Date:" then "Thursday 25 October 2018") reads as one line.
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].rstrip().endswith(":") and len(joined[-1]) < 20:
            joined[-1] = joined[-1] + " " + line
        else:
            joined.append(line)
    date = meeting_date_from(joined)
    source = "text" if date else None
    if date is None and not joined:
        date = meeting_date_from([line for line in text_head.split("\n")[:15] if line.strip()])
        source = "text" if date else None
    if date is None:
        reference = published or date_from_filename(file_name)
        guessed = yearless_meeting_date(joined, reference) if reference else None
        if guessed is not None:
            date, source = guessed, "text"
            warnings.append(f"meeting date has no year in the text: took {guessed.isoformat()}, the last such day before {reference}")
    if date is None:
        date = date_from_filename(file_name)
        if date is not None:
            source = "filename"
            warnings.append(f"no meeting date in the text: took {date.isoformat()} from the file name")
    if override is not None:
        if date is not None and date != override:
            warnings.append(f"meeting date {date.isoformat()} overridden by {override.isoformat()}")
        date, source = override, "override"
    time_match = next((m for line in joined for m in [_TIME.search(line)] if m and (_WEEKDAY.search(line) or "time" in line.lower() or "held" in line.lower() or "/" in line)), None)
    venue = None
    for line in joined:
        m = _VENUE.search(line)
        place = _PLACE.search(line)
        if m:
            venue = m.group(1).strip(" .")
            inner = _PLACE.search(m.group(0))
            if inner and re.match(r"held", m.group(0), re.I):
                venue = inner.group(1).strip(" .,")
            break
        if place and (_MEETING_WORDS.search(line) or _TIME.search(line)):
            venue = place.group(1).strip(" .,")
            break
    return HeaderFacts(body_from(joined), date, time_match.group(0) if time_match else None, venue, source, tuple(warnings))


def document_kind(header: Sequence[str], text: str, item_count: int, fact_count: int) -> DocumentKind:
    """Minutes, a committee report, or something else (a document we should not invent actions for)."""
    head = text[:6000]
    report_hits = len(_REPORT_HINTS.findall(head))
    if report_hits >= 2 and not re.search(r"\b(minutes|present:|apologies)\b", head, re.I):
        return DocumentKind.REPORT
    # The title lines say what the document is; "forty minutes" in a recipe's method does not.
    title_lines = " ".join(line for line in list(header)[:4] if len(line) < 200)
    if _MEETING_RECORD.search(title_lines) or _ATTENDANCE_LINE.search(head[:3000]):
        return DocumentKind.MINUTES
    if item_count >= 2 and fact_count >= 1:
        return DocumentKind.MINUTES
    if fact_count >= 2 and _MINUTES_HINTS.search(head[:3000]):
        return DocumentKind.MINUTES
    return DocumentKind.UNKNOWN


_ATTENDANCE_LINE = re.compile(r"^\W{0,6}(?:present|apologies|in attendance|attendees|attendance)\b", re.I | re.M)
_MEETING_RECORD = re.compile(
    r"(?-i:\b(?:Minutes|MINUTES|Meeting|MEETING|Notes of|NOTES OF)\b)"
    r"|\b(?:minutes\s+of|meeting\s+(?:of|held|on)|present\s*:|apologies|agenda\s+item|in\s+attendance)\b",
    re.I,
)
