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
from ._date_patterns import _AS_AT_BEFORE
from .dates import date_from_filename, find_meeting_dates, find_next_meeting

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
# (behind a word-start lookahead, which fails fast inside words where each hint was tried in turn)
# (led by a lookahead for the hints' first letters: one class test where no hint can start)
_REPORT_HINTS = re.compile(r"(?=[prcfs])\b(purpose of (?:the )?report|recommendations?:?$|contact officer|for (?:information|discussion|decision)\b|summary$)", re.I | re.M)
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


_TITLE_BLOCK_LINES = 10
_PROSE_LINE = 160  # longer than a title or a "Date:" line: running text
_ATTENDANCE_LABEL = re.compile(r"^\W{0,6}(?:present|apologies|attendees|attendance|in attendance|absent)\b", re.I)
_SENTENCE_GAP = re.compile(r"(?:[a-z)\d]|\b[AP]M)[.!?]\s+[A-Z]")
_INLINE_ATTENDANCE = re.compile(r"\b(?:present|apologies|attendees|attendance|those attending)\s*:", re.I)
# "approve the minutes of the regular meeting on 9 February": a previous meeting.
_PRIOR_MINUTES = re.compile(
    r"\b(?:approv|confirm|adopt|sign|accept)\w*\s+(?:as\s+a\s+(?:true|correct)\s+record\s+)?(?:of\s+(?:the\s+)?|the\s+)"
    r"(?:draft\s+)?minutes\b[^.;!?]{0,80}$",
    re.I,
)
_DATE_LINE_FILLER = re.compile(r"\b(?:date|held|on|at|the|of|meeting|time)\b|[\W\d_]", re.I)


def title_block_end(lines: Sequence[str]) -> tuple[int, int]:
    """Where the title block ends: (line, offset in that line). It is the lines before running
    text (a long line or one holding two sentences), the first attendance list, or the tenth line.
    When the title itself, or a line under a short title, runs on ("MINUTES OF ... HELD ON
    4 MAY 2019 Present: ..." with the whole minutes on one line), its start, up to the first
    sentence or attendance label, belongs to the title block."""
    for position, line in enumerate(lines[:_TITLE_BLOCK_LINES]):
        if position and _ATTENDANCE_LABEL.match(line):
            return position, 0
        gap = _SENTENCE_GAP.search(line)
        if len(line) > _PROSE_LINE or gap:
            if position > 2:
                return position, 0
            # The title itself, or the line under a short title, runs on: its start is the title.
            label = _INLINE_ATTENDANCE.search(line)
            offset = min(gap.start() + 1 if gap else _PROSE_LINE, label.start() if label else _PROSE_LINE, _PROSE_LINE)
            return position, offset
    return min(len(lines), _TITLE_BLOCK_LINES), 0


def _in_title(title_end: tuple[int, int], position: int, start: int) -> bool:
    return position < title_end[0] or (position == title_end[0] and start < title_end[1])


def _is_date_line(line: str, start: int, end: int) -> bool:
    """The date is what the line says ("March 9, 2022", "Date: Tuesday 5 March 2024 at 7pm")."""
    rest = _WEEKDAY.sub(" ", _TIME.sub(" ", line[:start] + " " + line[end:]))
    return len(_DATE_LINE_FILLER.sub("", rest)) <= 12


def _date_candidates(lines: Sequence[str]) -> list[tuple[int, int, dt.date, int]]:
    """(score, line, date, offset in the line) for each date with a year in ``lines`` that may be the meeting's.

    A date in the title block outranks one in running text further down, where a date in passing
    ("the Town Hall meeting is being held on Tuesday, April 12, 2022, at 7 PM") often has more
    meeting words around it than the bare date under the title.
    """
    title_end = title_block_end(lines)
    found: list[tuple[int, int, dt.date, int]] = []
    for position, line in enumerate(lines):
        line_score: int | None = None  # scored once per line: per date it is quadratic on long lines
        for start, end, value in find_meeting_dates(line):
            before = line[max(0, start - 60) : start]
            mentions = list(_NEXT.finditer(before))
            mention = mentions[-1] if mentions else None
            if mention is not None and not _HELD.search(before[mention.end() :]):
                continue  # "Date of next meeting: 6 June" -- but not "(approved at the next meeting) Minutes of the meeting held on ..."
            if _PRIOR_MINUTES.search(line[max(0, start - 120) : start]) or _AS_AT_BEFORE.search(before):
                continue  # "to approve the minutes of the meeting held on 9 February 2022", "accounts as at 31 May"
            line_score = _score_line(line) if line_score is None else line_score
            score = line_score
            if _in_title(title_end, position, start):
                score += 3
                if _is_date_line(line, start, end):
                    score += 1
            else:
                score -= 1
                if len(line) > _PROSE_LINE:
                    score -= 2
            found.append((score, position, value, start))
    return found


def _best_candidate(lines: Sequence[str]) -> tuple[int, int, dt.date, int] | None:
    """The highest-scoring date; of equals, the first."""
    best: tuple[int, int, dt.date, int] | None = None
    for candidate in _date_candidates(lines):
        if best is None or candidate[0] > best[0]:
            best = candidate
    return best if best and best[0] > -5 else None


def meeting_date_from(lines: Sequence[str]) -> dt.date | None:
    best = _best_candidate(lines)
    return best[2] if best else None


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


def _yearless_in_title(title: Sequence[str]) -> tuple[int, int] | None:
    """(month, day) of a year-less date in the title block ("Group Tutorial 3rd December")."""
    for line in title:
        if _NEXT.search(line):
            continue
        m = _YEARLESS.search(line)
        if m:
            return _MONTHS.index(m.group(2).lower()) + 1, int(m.group(1))
    return None


def _last_such_day(month: int, day: int, reference: dt.date, *, before: bool) -> dt.date | None:
    """The last ``day`` of ``month`` on (or, with ``before``, strictly before) ``reference``, within a year."""
    for year in (reference.year, reference.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if (candidate < reference if before else candidate <= reference) and (reference - candidate).days <= 366:
            return candidate
    return None


def _nearest_such_day(month: int, day: int, reference: dt.date) -> dt.date | None:
    days: list[dt.date] = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            days.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(days, key=lambda d: abs((d - reference).days), default=None)


def _resolve_title_day(
    month: int, day: int, next_meeting: dt.date | None, file_date: dt.date | None,
    published: dt.date | None, body_date: dt.date | None,
) -> tuple[dt.date, str] | None:  # fmt: skip
    """A year-less title date resolved from the next-meeting line, the file name, the publication
    date or a dated line of the text, in that order; with the warning that says how."""
    shown = f"{day} {_MONTHS[month - 1].title()}"
    if next_meeting is not None:
        found = _last_such_day(month, day, next_meeting, before=True)
        if found is not None:
            return found, f"meeting date has no year in the text: took {found.isoformat()} for {shown}, the last such day before the next meeting on {next_meeting}"
    for reference, what in ((file_date, "the file name's date"), (published, "the publication date")):
        if reference is not None:
            found = _last_such_day(month, day, reference, before=False)
            if found is not None:
                return found, f"meeting date has no year in the text: took {found.isoformat()}, the last such day before {reference} ({what})"
    if body_date is not None:
        found = _nearest_such_day(month, day, body_date)
        if found is not None:
            return found, f"meeting date has no year in the text: took {found.isoformat()}, the such day nearest {body_date} (a date in the text)"
    return None


def header_facts(
    header: Sequence[str], text_head: str, file_name: str, override: dt.date | None, published: dt.date | None = None
) -> HeaderFacts:
    warnings: list[str] = []
    lines = [line for entry in header for line in entry.split("\n") if line.strip()]
    # A cell pair ("Date:" then "Thursday 25 October 2018") reads as one line.
    joined: list[str] = []
    for line in lines:
        if joined and line == joined[-1]:
            continue  # the title given twice (document title, then the first heading)
        if joined and joined[-1].rstrip().endswith(":") and len(joined[-1]) < 20:
            joined[-1] = joined[-1] + " " + line
        else:
            joined.append(line)
    title_end = title_block_end(joined)
    best = _best_candidate(joined)
    date = best[2] if best else None
    source = "text" if date else None
    if date is None and not joined:
        date = meeting_date_from([line for line in text_head.split("\n")[:15] if line.strip()])
        source = "text" if date else None
    file_date = date_from_filename(file_name)
    # A year-less date in the title block says when the meeting sat better than a dated line in
    # the running text below it ("Tutorial 3rd December" over "the minutes for 2nd December 2015").
    title_lines = joined[: title_end[0]] + ([joined[title_end[0]][: title_end[1]]] if title_end[1] else [])
    in_title = best is not None and _in_title(title_end, best[1], best[3])
    title_day = _yearless_in_title(title_lines) if not in_title else None
    if title_day is not None and not (date is not None and (date.month, date.day) == title_day):
        next_meeting = find_next_meeting("\n".join(joined) + "\n" + text_head, None)
        resolved = _resolve_title_day(*title_day, next_meeting, file_date, published, date)
        if resolved is not None:
            date, source = resolved[0], "text"
            warnings.append(resolved[1])
    if date is None:
        reference = published or file_date
        guessed = yearless_meeting_date(joined, reference) if reference else None
        if guessed is not None:
            date, source = guessed, "text"
            warnings.append(f"meeting date has no year in the text: took {guessed.isoformat()}, the last such day before {reference}")
    if date is None:
        date = file_date
        if date is not None:
            source = "filename"
            warnings.append(f"no meeting date in the text: took {date.isoformat()} from the file name")
    elif file_date is not None and source == "text" and file_date != date and (file_date.month, file_date.day) == (date.month, date.day) and abs(file_date.year - date.year) == 1:
        # Same day and month, the year one out: a slip of the year in the text ("13 December
        # 2025" in minutes filed as 2024-12-13), the commonest typo in a minutes header.
        warnings.append(f"meeting date {date.isoformat()} in the text differs from the file name only in the year: took {file_date.isoformat()}")
        date, source = file_date, "filename"
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
    if is_agenda(header, text):
        return DocumentKind.AGENDA
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


# An agenda announces business ("Councillors are summoned to attend", "to transact the following
# business", a title that says "Agenda"); minutes record it (who was present, what was resolved,
# when the meeting closed). "Apologies" and "To approve the minutes of ..." are in both.
_AGENDA_CUE = re.compile(
    r"\b(?:(?:hereby\s+)?summoned\s+to(?:\s+attend)?|notice\s+is\s+(?:hereby\s+)?given|to\s+transact\s+the\s+(?:following\s+)?business"
    r"|business\s+to\s+be\s+transacted|you\s+are\s+(?:hereby\s+)?(?:invited|requested)\s+to\s+attend|notice\s+of\s+(?:the\s+)?meeting)\b",
    re.I,
)
_AGENDA_TITLE = re.compile(r"\bagenda(?:\s*$|\s+(?:for|of)\b|\s*[-–:]\s+\S|\s+(?=\d))", re.I)
_ATTENDANCE_OPENER = r"\W{0,6}(?:present|in attendance|attendees|attendance|members present|councillors present|regrets)\s*(?:[:\-–]|$)"
_RECORD_WORDS = (
    r"\b(?:(?-i:RESOLVED)|[Rr]esolved\s+(?:that|to|unanimously)|[Ii]t\s+was\s+(?:agreed|resolved|noted)|[Tt]he\s+meeting\s+(?:closed|ended|finished)"
    r"|[Mm]eeting\s+closed\s+at|(?:were|was)\s+present\b|[Pp]roposed\s+by|[Ss]econded\s+by|[Cc]arried\s+(?:unanimously|\d))"
)
_MINUTES_TITLE = r"\W{0,6}(?:(?:draft|unconfirmed|approved)\s+)?minutes\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}meeting\b"
_MINUTES_CUE = re.compile("^" + _ATTENDANCE_OPENER + "|" + _RECORD_WORDS + "|^" + _MINUTES_TITLE, re.M | re.I)
# The same test in parts, each led by a literal or a character class (a fast scan; a pattern led by
# "^" or "\b" is tried at every position of up to 60,000 characters): a line opener at the start or
# after a newline, and the record words led by the class of their first letters.
_LINE_OPENER_CUE = re.compile(_ATTENDANCE_OPENER + "|" + _MINUTES_TITLE, re.M | re.I)
_NEW_LINE_CUE = re.compile(r"\n(?:" + _ATTENDANCE_OPENER + "|" + _MINUTES_TITLE + ")", re.M | re.I)
_RECORD_CUE = re.compile(r"[ritmwpsc](?<=(?=" + _RECORD_WORDS + r").)", re.M | re.I)


def has_minutes_cue(text: str) -> bool:
    """``_MINUTES_CUE.search(text) is not None``, cheaper."""
    return _LINE_OPENER_CUE.match(text) is not None or _NEW_LINE_CUE.search(text) is not None or _RECORD_CUE.search(text) is not None
_AGENDA_LINE = re.compile(
    r"^\W{0,4}(?:\d{1,3}[a-z]?|[ivx]{1,5}|[a-z])?[.)]?\s*To\s+(?:receive|consider|approve|note|agree|discuss|review|resolve|elect|adopt|confirm|appoint|authorise|authorize|ratify|set|accept|sign)\b",
    re.I | re.M,
)


def is_agenda(header: Sequence[str], text: str) -> bool:
    """An agenda with no minutes in it: it announces business and records none. A pack that
    holds the minutes of the previous meeting is minutes (the minuted part is what is parsed)."""
    head = text[:8000]
    if has_minutes_cue(text[:60000]):
        return False
    title_lines = "\n".join(line for line in list(header)[:4] if len(line) < 200)
    if re.search(r"\b(?:minutes|notes\s+of|record\s+of)\b", title_lines, re.I):
        return False
    if _AGENDA_CUE.search(head) or any(_AGENDA_TITLE.search(line) for line in title_lines.split("\n")):
        return True
    # No title to go by: an agenda's items are business to be done ("To receive ...", "To consider ...").
    return len(_AGENDA_LINE.findall(head)) >= 4
